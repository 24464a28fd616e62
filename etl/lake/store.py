"""Where a lake lives and what a lake version is.

Why: a lake is written by many tasks and read by DuckDB, the app and other tools, possibly on
object storage where there is no rename of folders and no lock. So a version is one small JSON
*manifest*, written last and in one piece (an object PUT, or rename(2) on disk); data files are
only ever added, under names that carry the build id, and a version lists every data file it
holds. A build killed at any point leaves no manifest, so readers keep seeing the previous version;
its orphan files are removed by the next build.

    LAKE/_manifests/v000002.json                     the current version (highest number)
    LAKE/postings/source=jobspy/month=2025-03/part-b0002-0.parquet   lake rows (etl.lake.batches)
    LAKE/rejected/part-b0002-0.parquet               quarantined records with reason and raw text
    LAKE/_staging/b0003/                             a build in progress (input and output parts)

A manifest holds, per input file, its URI, SHA-256, size, format and counts
(``read = postings + rejected`` at build; publish splits postings into loaded + duplicates), in
the order the files were added: that order, then ``record_no``, decides which copy of a duplicate
is canonical, exactly as the order of files does in ``etl load``.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path

import pyarrow.fs as pafs

from etl.record import SourceError
from etl.warehouse.builder import exclusive_lock

MANIFEST_DIR = "_manifests"
STAGING_DIR = "_staging"
FORMAT_VERSION = 1


@dataclass
class InputFile:
    """One input file of the lake, in the order it was added."""

    file_no: int
    uri: str
    sha256: str
    bytes: int
    format: str | None
    read: int = 0
    postings: int = 0
    rejected: int = 0
    status: str = "ok"  # ok | failed
    message: str | None = None
    build: int = 0


@dataclass
class Manifest:
    version: int = 0
    created_at: str | None = None
    engine: str | None = None
    inputs: list[InputFile] = field(default_factory=list)
    postings_files: list[str] = field(default_factory=list)  # relative to the lake root
    rejected_files: list[str] = field(default_factory=list)

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT_VERSION, **asdict(self)}, indent=1)

    @staticmethod
    def from_json(text: str) -> Manifest:
        data = json.loads(text)
        if data.get("format") != FORMAT_VERSION:
            raise SourceError(f"lake manifest format {data.get('format')!r} is not {FORMAT_VERSION}")
        data.pop("format")
        data["inputs"] = [InputFile(**i) for i in data["inputs"]]
        return Manifest(**data)

    def ok_hashes(self) -> set[str]:
        return {i.sha256 for i in self.inputs if i.status == "ok"}


class Lake:
    """A lake root: a local folder or a URI that pyarrow's filesystems understand (s3://, gs://, ...)."""

    def __init__(self, where: str | os.PathLike[str]) -> None:
        text = os.fspath(where)
        if "://" in text:
            try:
                self.fs, root = pafs.FileSystem.from_uri(text)
            except (OSError, ValueError) as exc:  # pyarrow: ArrowInvalid (a ValueError) or OSError
                raise SourceError(f"{text}: cannot open the lake ({exc})") from None
            self.root = root.rstrip("/")
            self.uri = text.rstrip("/")
            self.local: Path | None = None
        else:
            self.local = Path(text).absolute()
            self.fs = pafs.LocalFileSystem()
            self.root = str(self.local)
            self.uri = self.root

    def path(self, *parts: str) -> str:
        return "/".join([self.root, *parts])

    def uri_of(self, rel: str) -> str:
        """A data file as DuckDB and the engines address it (a local path or a URI)."""
        return self.path(rel) if self.local is not None else f"{self.uri}/{rel}"

    def exists(self) -> bool:
        return self.fs.get_file_info(self.path(MANIFEST_DIR)).type == pafs.FileType.Directory

    def manifests(self) -> list[str]:
        info = self.fs.get_file_info(pafs.FileSelector(self.path(MANIFEST_DIR), allow_not_found=True))
        return sorted(
            i.base_name for i in info if i.base_name.startswith("v") and i.base_name.endswith(".json")
        )

    def current(self) -> Manifest:
        """The published lake version (an empty manifest, version 0, for a new lake)."""
        names = self.manifests()
        if not names:
            return Manifest()
        with self.fs.open_input_stream(self.path(MANIFEST_DIR, names[-1])) as fh:
            return Manifest.from_json(fh.read().decode("utf-8"))

    def commit(self, manifest: Manifest) -> None:
        """Publish a version: write its manifest in one piece (rename on disk, one PUT on object storage)."""
        self.fs.create_dir(self.path(MANIFEST_DIR), recursive=True)
        name = f"v{manifest.version:06d}.json"
        if name in self.manifests():
            raise SourceError(
                f"{self.uri}: lake version {manifest.version} exists (another build committed first)"
            )
        data = manifest.to_json().encode("utf-8")
        if self.local is not None:
            tmp = self.local / MANIFEST_DIR / f".{name}.{os.getpid()}.tmp"
            with open(tmp, "wb") as fh:
                fh.write(data)
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.local / MANIFEST_DIR / name)
        else:
            with self.fs.open_output_stream(self.path(MANIFEST_DIR, name)) as out:
                out.write(data)

    def staging(self, build: int) -> str:
        return self.path(STAGING_DIR, f"b{build:04d}")

    def remove_orphans(self, manifest: Manifest) -> int:
        """Delete staging folders and data files that no version lists (leftovers of killed builds)."""
        keep = set(manifest.postings_files) | set(manifest.rejected_files)
        removed = 0
        with contextlib.suppress(FileNotFoundError, OSError):
            self.fs.delete_dir(self.path(STAGING_DIR))
        for top in ("postings", "rejected"):
            info = self.fs.get_file_info(
                pafs.FileSelector(self.path(top), recursive=True, allow_not_found=True)
            )
            for i in info:
                if i.type == pafs.FileType.File and i.path[len(self.root) + 1:] not in keep:
                    self.fs.delete_file(i.path)
                    removed += 1
        return removed

    @contextlib.contextmanager
    def writer_lock(self) -> Iterator[None]:
        """One build at a time. On disk a lock file; on object storage the operator runs one build at a time
        (two builds that race fail at commit, because the version number is taken)."""
        if self.local is None:
            yield
            return
        with exclusive_lock(self.local / ".lock", f"{self.uri}: another lake build is running"):
            yield

