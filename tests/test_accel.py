"""The compiled build of the rule modules (etl/accel.py) is used only while it matches the sources, and
then extracts exactly as they do."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import etl
from etl import accel

PROJECT = Path(__file__).resolve().parents[1]


def _tree(root: Path) -> None:
    """A small project: three rule modules and two normalisers."""
    (root / "etl" / "normalize").mkdir(parents=True)
    for rel, text in {"etl/clean.py": "A = 1\n", "etl/sections.py": "B = 2\n",
                      "etl/skill_judge.py": "J = 0\n",
                      "etl/normalize/__init__.py": "", "etl/normalize/salary.py": "C = 3\n",
                      "etl/normalize/skills.py": "D = 4\n"}.items():
        (root / rel).write_text(text, encoding="utf-8")


def _build(root: Path, build: Path) -> None:
    """A build of the tree as :func:`accel.build` records it (files standing in for compiled modules)."""
    files = {}
    for name in (*accel.modules(root), "abc__mypyc"):
        rel = Path(*name.split(".")).with_suffix(".so")
        (build / rel).parent.mkdir(parents=True, exist_ok=True)
        (build / rel).write_bytes(b"")
        files[name] = str(rel)
    manifest = {"interpreter": accel.interpreter(), "sources": accel.digests(root), "files": files}
    (build / accel.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")


def test_the_compiled_modules_are_the_rule_modules() -> None:
    names = accel.modules()
    assert names[:2] == ("etl.clean", "etl.sections")
    assert {"etl.normalize.skills", "etl.normalize.literal_gate", "etl.normalize.salary"} <= set(names)
    # the trained skill check runs on every posting since it is on by default (~90 us a real posting)
    assert "etl.skill_judge" in names
    assert "etl.extract" not in names and "etl.normalize" not in names


def test_a_build_of_the_current_sources_is_used(tmp_path: Path) -> None:
    root, build = tmp_path / "project", tmp_path / "build"
    _tree(root)
    _build(root, build)
    files = accel.fresh_files(build, root)
    assert files is not None and set(files) == {*accel.modules(root), "abc__mypyc"}
    assert files["etl.normalize.skills"] == build / "etl" / "normalize" / "skills.so"


@pytest.mark.parametrize("change", ["edit a rule", "add a normaliser", "remove a normaliser",
                                    "other interpreter", "compiled file missing", "no manifest"])
def test_a_stale_build_is_never_used(tmp_path: Path, change: str) -> None:
    root, build = tmp_path / "project", tmp_path / "build"
    _tree(root)
    _build(root, build)
    manifest = json.loads((build / accel.MANIFEST).read_text(encoding="utf-8"))
    if change == "edit a rule":
        (root / "etl" / "normalize" / "salary.py").write_text("C = 30\n", encoding="utf-8")
    elif change == "add a normaliser":
        (root / "etl" / "normalize" / "degree.py").write_text("E = 5\n", encoding="utf-8")
    elif change == "remove a normaliser":
        (root / "etl" / "normalize" / "skills.py").unlink()
    elif change == "other interpreter":
        manifest["interpreter"] = "cpython-312 .cpython-312-x86_64-linux-gnu.so"
        (build / accel.MANIFEST).write_text(json.dumps(manifest), encoding="utf-8")
    elif change == "compiled file missing":
        (build / "etl" / "sections.so").unlink()
    else:
        (build / accel.MANIFEST).unlink()
    assert accel.fresh_files(build, root) is None


def test_without_a_build_nothing_is_compiled(tmp_path: Path) -> None:
    root = tmp_path / "project"
    _tree(root)
    assert accel.fresh_files(tmp_path / "nothing", root) is None


def _inputs() -> list[dict]:
    from etl.demo.writers import extract_inputs
    from etl.snapshot import LABELS

    labelled = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    return labelled + extract_inputs(400, 2)


_PLAIN = """
import json
import etl
from etl.extract import extract_rows
from tests.test_accel import _inputs
print(json.dumps({"accelerated": etl.ACCELERATED, "rows": extract_rows(_inputs())}, default=str))
"""


@pytest.mark.slow
@pytest.mark.skipif(not etl.ACCELERATED, reason="no fresh compiled build in use (python -m etl accel build)")
def test_the_compiled_build_extracts_as_the_sources() -> None:
    from etl.extract import extract_rows

    compiled = json.loads(json.dumps(extract_rows(_inputs()), default=str))  # this process: compiled
    done = subprocess.run([sys.executable, "-c", _PLAIN], cwd=PROJECT, env={**os.environ, accel.ENV: "0"},
                          capture_output=True, text=True, check=True)
    plain = json.loads(done.stdout)
    assert not plain["accelerated"]
    assert len(compiled) == 165 + 400
    assert compiled == plain["rows"]
