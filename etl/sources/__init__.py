"""Source adapters: one module per input format, and the detection that picks one.

Why: users bring whatever posting data they have. Each adapter knows one format's
columns and quirks and turns its records into :class:`etl.record.Posting` (or
:class:`etl.record.Rejected`); everything downstream is format-free.

Every adapter module defines:

* ``NAME: str`` - the format name used by ``--format``;
* ``EXTENSIONS: tuple[str, ...]`` - file suffixes it reads (".csv", ".json", ...);
* ``detect(path: Path, head: bytes) -> int`` - confidence 0-100 that the file is
  in this format, from the content (header row, JSON keys), not the name alone;
* ``read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]`` -
  yields exactly one item per input record, in file order, with 1-based
  ``record_no``; raises :class:`etl.record.SourceError` (one-line message) when
  the whole file is unreadable in this format.

and may define ``read_batches(path, options, size) -> Iterator[tuple[pa.RecordBatch, list[Rejected]]]``:
the same records as ``etl.columnar.postings_to_batches(read(path, options), size)`` - input batches of
up to ``size`` postings, each with the rejected records among them - read without a Python object per
record (the JobSpy CSV: pyarrow's CSV reader). The loader uses it where it exists (:func:`read_batches`).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

import pyarrow as pa

from etl.record import Posting, Rejected, SourceError
from etl.sources._io import check_regular, check_zip, looks_binary, read_head

# Order matters only for ties in detection: specific formats before generic ones.
ADAPTER_MODULES = (
    "jobspy",
    "jobspy_excel",
    "linkedin",
    "glassdoor",
    "hackernews",
    "remoteok",
    "greenhouse",
    "lever",
    "ashby",
    "arbeitnow",
    "francetravail",
    "gupy",
    "getinit",
    "nofluffjobs",
    "generic",
)

SUPPORTED_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".ndjson", ".parquet", ".xlsx", ".xlsm")


@dataclass(slots=True)
class SourceOptions:
    """Options that change how a file is read."""

    # generic adapter: canonical field -> column name in the file (see etl/sources/generic.py)
    mapping: dict[str, str] = field(default_factory=dict)
    source_name: str | None = None  # label stored in postings.source for generic files
    sheet: str | None = None  # Excel sheet name


def adapters() -> list[ModuleType]:
    return [importlib.import_module(f"etl.sources.{name}") for name in ADAPTER_MODULES]


def adapter(name: str) -> ModuleType:
    for mod in adapters():
        if name == mod.NAME:
            return mod
    known = ", ".join(m.NAME for m in adapters())
    raise SourceError(f"unknown format {name!r}; known formats: {known}")


def detect(path: Path) -> ModuleType:
    """Pick the adapter with the highest confidence for this file's content."""
    head = read_head(path)
    if not head.strip():
        raise SourceError(f"{path.name}: file is empty")
    if looks_binary(head) and not head.startswith((b"PK\x03\x04", b"PAR1")):
        raise SourceError(f"{path.name}: binary content, not a text file")
    best: tuple[int, ModuleType] | None = None
    for mod in adapters():
        score = mod.detect(path, head)
        if score > 0 and (best is None or score > best[0]):
            best = (score, mod)
    if best is None:
        raise SourceError(f"{path.name}: format not recognised (use --format; known: "
                          f"{', '.join(m.NAME for m in adapters())})")
    return best[1]


def read(path: Path, fmt: str | None = None, options: SourceOptions | None = None
         ) -> tuple[str, Iterator[Posting | Rejected]]:
    """Return (format name, record iterator) for one file.

    Checked before any adapter looks inside: a FIFO or device is refused (reading never ends), and a
    zip (xlsx) whose parts would inflate past the limits of ``_io.check_zip`` (a zip bomb)."""
    mod = _checked_adapter(path, fmt)
    return mod.NAME, mod.read(path, options or SourceOptions())


def read_batches(path: Path, fmt: str | None, options: SourceOptions | None, size: int
                 ) -> tuple[str, Iterator[tuple[pa.RecordBatch, list[Rejected]]]]:
    """Return (format name, iterator of (input batch of up to ``size`` postings, the rejected records
    among them)) for one file: the adapter's ``read_batches`` where it has one, else its records
    through ``etl.columnar.postings_to_batches``. The same checks as :func:`read`."""
    from etl.columnar import postings_to_batches

    mod = _checked_adapter(path, fmt)
    opts = options or SourceOptions()
    if hasattr(mod, "read_batches"):
        return mod.NAME, mod.read_batches(path, opts, size)
    return mod.NAME, postings_to_batches(mod.read(path, opts), size)


def _checked_adapter(path: Path, fmt: str | None) -> ModuleType:
    check_regular(path)
    if read_head(path, 4) == b"PK\x03\x04":
        check_zip(path)
    return adapter(fmt) if fmt else detect(path)
