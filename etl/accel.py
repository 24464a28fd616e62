"""An optional compiled build of the extraction's rule modules (mypyc), used only while it matches them.

Why: the extraction is Python that decides from each hit (issue 10; docs/performance.md): no stage is above
a third of a posting, so faster scans alone cannot make it several times faster. mypyc (part of mypy, a
dev requirement) compiles the same modules, rules unchanged, to C extension modules: 1.1-1.4x on the
bench's postings as measured (docs/performance.md), outputs identical to the plain modules
(``python -m etl snapshot`` with and without it).

``python -m etl accel build`` compiles :data:`MODULES` into ``build/accel`` (a C compiler and Python's
headers needed; a few minutes) with a manifest of the SHA-256 of each source. ``import etl`` then loads
the compiled modules instead of the sources only when every source is byte for byte the one compiled, by
this interpreter: a rule edited after the build (or a module added) turns the whole build off, never a
stale answer. ``ETL_ACCEL=0`` turns it off; without a build nothing changes. All or none: compiled
modules call each other directly in C, so one changed module cannot be mixed with compiled ones.

One difference to know: an instance of a compiled module's frozen dataclass (``Location``, ``Salary``) does
not unpickle (its frozen ``__setattr__`` refuses the state); the load and the lake engines send Arrow batches
and summaries between processes, never these, so nothing that runs today is affected.

Not compiled: ``etl.extract`` (the wiring: cheap, and tests replace its functions to watch them) and
everything outside the extraction.
"""

from __future__ import annotations

import hashlib
import importlib.abc
import importlib.machinery
import importlib.util
import json
import os
import shutil
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType

PROJECT = Path(__file__).resolve().parents[1]
BUILD = PROJECT / "build" / "accel"
MANIFEST = "manifest.json"
ENV = "ETL_ACCEL"  # "0": never load the compiled build


def modules(root: Path = PROJECT) -> tuple[str, ...]:
    """The modules compiled: cleaning, boilerplate sections, the trained skill check (on by default, so on
    every posting's path) and every normaliser (etl/normalize)."""
    normalize = sorted(p.stem for p in (root / "etl" / "normalize").glob("*.py") if p.stem != "__init__")
    return ("etl.clean", "etl.sections", "etl.skill_judge", *(f"etl.normalize.{m}" for m in normalize))


def source(module: str, root: Path = PROJECT) -> Path:
    return root.joinpath(*module.split(".")).with_suffix(".py")


def digests(root: Path = PROJECT) -> dict[str, str]:
    """Module -> SHA-256 of its source, for every module of :func:`modules`."""
    return {m: hashlib.sha256(source(m, root).read_bytes()).hexdigest() for m in modules(root)}


def interpreter() -> str:
    """What a compiled module is bound to: the Python version and its extension modules' ABI."""
    return f"{sys.implementation.cache_tag} {importlib.machinery.EXTENSION_SUFFIXES[0]}"


def fresh_files(build: Path = BUILD, root: Path = PROJECT) -> dict[str, Path] | None:
    """Module name -> compiled file, when the build in ``build`` was made from exactly the sources now in
    ``root`` (the same modules, each the same bytes) for this interpreter; else None."""
    try:
        manifest = json.loads((build / MANIFEST).read_text(encoding="utf-8"))
        if manifest.get("interpreter") != interpreter() or manifest.get("sources") != digests(root):
            return None
        files = {name: build / rel for name, rel in manifest["files"].items()}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None
    complete = set(manifest["sources"]) <= set(files) and all(f.is_file() for f in files.values())
    return files if complete else None


class _Finder(importlib.abc.MetaPathFinder):
    """Finds the compiled file of each module of the build (and mypyc's shared library), nothing else."""

    def __init__(self, files: dict[str, Path]) -> None:
        self.files = files

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> importlib.machinery.ModuleSpec | None:
        found = self.files.get(fullname)
        return None if found is None else importlib.util.spec_from_file_location(fullname, found)


def activate(build: Path = BUILD, root: Path = PROJECT) -> bool:
    """Load the compiled modules from now on when a fresh build exists (see the module's docstring);
    whether it does. Called by ``import etl``, before any of them is imported."""
    if active():
        return True
    if os.environ.get(ENV, "1") == "0":
        return False
    files = fresh_files(build, root)
    if files is None or any(m in sys.modules for m in files):
        return False
    sys.meta_path.insert(0, _Finder(files))
    return True


def active() -> bool:
    """Whether the compiled build is in use in this process (``python -m bench extract`` prints it)."""
    return any(isinstance(f, _Finder) for f in sys.meta_path)


def build(root: Path = PROJECT, out: Path = BUILD) -> Path:
    """Compile :func:`modules` of ``root`` with mypyc into ``out`` (replaced whole once the build succeeds,
    so a running process never sees half of one); the manifest records what was compiled."""
    from mypyc.build import mypycify  # dev requirement (mypy), needed only to build
    from setuptools import setup

    before = digests(root)
    names = modules(root)
    work = out.with_name(out.name + ".work")
    new = out.with_name(out.name + ".new")
    for d in (work, new):
        shutil.rmtree(d, ignore_errors=True)
    here = Path.cwd()
    os.chdir(root)  # mypyc names each module by its path from here
    try:
        setup(
            name="etl-accel",
            packages=[],
            py_modules=[],
            script_args=["-q", "build_ext", "--build-lib", str(new), "--build-temp", str(work / "temp")],
            ext_modules=mypycify(
                [str(source(m, Path("."))) for m in names], opt_level="2", target_dir=str(work / "c")
            ),
        )
    finally:
        os.chdir(here)
    if digests(root) != before:
        raise RuntimeError("a source changed during the build: build again")
    files: dict[str, str] = {}
    for path in new.rglob(f"*{importlib.machinery.EXTENSION_SUFFIXES[0]}"):
        rel = path.relative_to(new)
        name = ".".join((*rel.parent.parts, rel.name.split(".")[0]))
        files[name] = str(rel)
    missing = set(names) - set(files)
    if missing:
        raise RuntimeError(f"not compiled: {', '.join(sorted(missing))}")
    # the modules find their data files beside their own file (Path(__file__).parents[1] / "data")
    # (relative: the build moves with the project)
    data = new / "etl" / "data"
    data.symlink_to(os.path.relpath(root / "etl" / "data", data.parent), target_is_directory=True)
    manifest = {"interpreter": interpreter(), "sources": before, "files": files}
    (new / MANIFEST).write_text(json.dumps(manifest, indent=1, sort_keys=True), encoding="utf-8")
    shutil.rmtree(out, ignore_errors=True)
    new.rename(out)
    shutil.rmtree(work, ignore_errors=True)
    return out


def cli_accel(command: str) -> int:
    """``python -m etl accel build|status``."""
    if command == "build":
        where = build()
        print(f"compiled {len(modules())} modules into {where}", file=sys.stderr)
        return 0
    fresh = fresh_files() is not None
    state = "fresh: used" if fresh and os.environ.get(ENV, "1") != "0" else "fresh, off (ETL_ACCEL=0)"
    print(f"compiled build {BUILD}: {state if fresh else 'absent or stale: not used'}")
    return 0
