"""Shared, defensive file reading for the adapters.

Why: bad input must give one clear line, never a traceback. Empty files, binary
files, wrong encodings and huge fields are the same problem in every format, so
they are handled once here, with the row loop the CSV adapters share (header
check, short/long rows and oversized fields rejected, one item per data row).
"""

from __future__ import annotations

import csv
import io
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, SourceError

HEAD_BYTES = 64 * 1024
MAX_FIELD_CHARS = 1_000_000  # a field larger than this is quarantined, not loaded

# csv's default field limit is 128 KiB; allow large fields so that they can be
# *seen* and quarantined with a reason instead of aborting the whole file.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


def read_head(path: Path, n: int = HEAD_BYTES) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read(n)
    except OSError as exc:
        raise SourceError(f"{path}: cannot open ({exc.strerror})") from None


def looks_binary(head: bytes) -> bool:
    """True for content that is not text (NUL bytes, or mostly control bytes)."""
    if not head:
        return False
    if b"\x00" in head[:8192]:
        return True
    ctrl = sum(1 for b in head[:8192] if b < 9 or 13 < b < 32)
    return ctrl > len(head[:8192]) * 0.05


def check_text_file(path: Path) -> None:
    """Raise SourceError for an empty or binary file."""
    head = read_head(path)
    if not head.strip():
        raise SourceError(f"{path.name}: file is empty")
    if head.startswith(b"PK\x03\x04"):
        raise SourceError(f"{path.name}: this is a zip/Excel file, not text")
    if looks_binary(head):
        raise SourceError(f"{path.name}: binary content, not a text file")


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252, else Latin-1 (never fails)."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    for enc in ("utf-8", "cp1252"):
        try:
            return data.decode(enc)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def detect_encoding(path: Path) -> str:
    """The encoding to open a text file with: 'utf-8-sig' when the head is UTF-8, else cp1252/latin-1."""
    head = read_head(path, 1 << 20)
    try:
        head.decode("utf-8")
        return "utf-8-sig"
    except UnicodeDecodeError as exc:
        # a multi-byte character cut at the end of the sample is still UTF-8
        if exc.start >= len(head) - 4:
            return "utf-8-sig"
    try:
        head.decode("cp1252")
        return "cp1252"
    except UnicodeDecodeError:
        return "latin-1"


def open_text(path: Path) -> io.TextIOWrapper:
    """Open a text file with the detected encoding; undecodable bytes become U+FFFD."""
    check_text_file(path)
    return open(path, encoding=detect_encoding(path), errors="replace", newline="")


def csv_rows(path: Path, **fmtparams: object) -> Iterator[list[str]]:
    """Rows of a CSV file (header included) with a clear error on a broken file."""
    with open_text(path) as fh:
        reader = csv.reader(fh, **fmtparams)  # type: ignore[arg-type]
        try:
            yield from reader
        except csv.Error as exc:
            raise SourceError(f"{path.name}: broken CSV near line {reader.line_num}: {exc}") from None


def oversized(values: object) -> str | None:
    """A rejection reason if any string in the record is larger than MAX_FIELD_CHARS."""
    items = values.values() if isinstance(values, dict) else values
    for v in items:  # type: ignore[union-attr, attr-defined]
        if isinstance(v, str) and len(v) > MAX_FIELD_CHARS:
            return f"field larger than {MAX_FIELD_CHARS:,} characters ({len(v):,})"
    return None


def first_row(head: bytes, **fmtparams: Any) -> list[str]:
    """The header row parsed from the first bytes of a text file ([] when not text)."""
    if not head.strip() or head.startswith(b"PK\x03\x04") or looks_binary(head):
        return []
    try:
        return next(csv.reader(io.StringIO(decode_bytes(head)), **fmtparams), [])
    except csv.Error:
        return []


def check_columns(path: Path, header: list[str], required: Iterable[str]) -> None:
    for col in required:
        if col not in header:
            raise SourceError(f"{path.name}: missing column {col!r}")


def csv_records(path: Path, source: str, required: Iterable[str],
                build: Callable[[dict[str, str], int], Posting | Rejected],
                **fmtparams: Any) -> Iterator[Posting | Rejected]:
    """One item per data row of a CSV: bad rows are Rejected, good ones go through ``build``.

    Shared by the CSV adapters (jobspy, linkedin, glassdoor); a blank line is not a record.
    """
    rows = csv_rows(path, **fmtparams)
    header = [h.strip() for h in next(rows, [])]
    check_columns(path, header, required)
    record_no = 0
    for row in rows:
        if not row:
            continue
        record_no += 1
        if len(row) != len(header):
            reason = f"row has {len(row)} fields, header has {len(header)}"
            yield Rejected.from_raw(source, record_no, reason, row)
            continue
        rec = dict(zip(header, row))
        why = oversized(rec)
        yield Rejected.from_raw(source, record_no, why, rec) if why else build(rec, record_no)
