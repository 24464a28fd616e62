"""Shared, defensive file reading for the adapters.

Why: bad input must give one clear line, never a traceback. Empty files, binary
files, wrong encodings and huge fields are the same problem in every format, so
they are handled once here, with the row loop the CSV adapters share (header
check, short/long rows and oversized fields rejected, one item per data row).
"""

from __future__ import annotations

import csv
import io
import os
import stat
import sys
import zipfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, SourceError

HEAD_BYTES = 64 * 1024
MAX_FIELD_CHARS = 1_000_000  # a field larger than this is quarantined, not loaded

# csv's default field limit is 128 KiB; allow large fields so that they can be
# *seen* and quarantined with a reason instead of aborting the whole file.
csv.field_size_limit(min(sys.maxsize, 2**31 - 1))


# Zip (xlsx) limits, checked from the archive's directory before anything is inflated or parsed.
# Python's zipfile never inflates a member past its declared size, so the directory can be trusted.
ZIP_MAX_RATIO = 100  # as Apache POI's ZipSecureFile: real workbooks inflate 5-30x, bombs 400x and more
ZIP_RATIO_GRACE = 1 << 20  # small parts (styles, rels) may compress better; only larger ones are judged
ZIP_MAX_EXPANDED = 2 << 30  # all members together
ZIP_MAX_SHARED_STRINGS = 256 << 20  # openpyxl holds the whole shared-string table in memory
ZIP_MAX_MEMBERS = 10_000


def check_regular(path: Path) -> None:
    """SourceError unless ``path`` is a regular file: reading a FIFO or a device never ends."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        raise SourceError(f"{path}: cannot open ({exc.strerror})") from None
    if not stat.S_ISREG(mode):
        kind = (
            "a FIFO"
            if stat.S_ISFIFO(mode)
            else "a device"
            if stat.S_ISCHR(mode) or stat.S_ISBLK(mode)
            else "a socket"
            if stat.S_ISSOCK(mode)
            else "a directory"
            if stat.S_ISDIR(mode)
            else "special"
        )
        raise SourceError(f"{path.name}: not a regular file ({kind}); only files can be loaded")


def check_zip(path: Path) -> None:
    """SourceError for a zip (xlsx) that would inflate past the limits above (a zip bomb)."""
    try:
        with zipfile.ZipFile(path) as zf:
            members = zf.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise SourceError(
            f"{path.name}: cannot read the zip/Excel file ({str(exc).splitlines()[0]})"
        ) from None
    if len(members) > ZIP_MAX_MEMBERS:
        raise SourceError(
            f"{path.name}: {len(members):,} parts in the zip (limit {ZIP_MAX_MEMBERS:,}); refused"
        )
    total = 0
    for m in members:
        total += m.file_size
        ratio = m.file_size / max(1, m.compress_size)
        if m.file_size > ZIP_RATIO_GRACE and ratio > ZIP_MAX_RATIO:
            raise SourceError(f"{path.name}: {m.filename} expands {ratio:,.0f}x ({m.compress_size:,} bytes "
                              f"to {m.file_size:,}; limit {ZIP_MAX_RATIO}x): refused as a likely zip bomb")
        if m.filename.lower().endswith("sharedstrings.xml") and m.file_size > ZIP_MAX_SHARED_STRINGS:
            raise SourceError(f"{path.name}: its shared strings expand to {m.file_size:,} bytes (limit "
                              f"{ZIP_MAX_SHARED_STRINGS:,}); save the sheet as CSV or Parquet to load it")
    if total > ZIP_MAX_EXPANDED:
        raise SourceError(f"{path.name}: expands to {total:,} bytes (limit {ZIP_MAX_EXPANDED:,}); save the "
                          "sheet as CSV or Parquet to load it")


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


# Tried in order; Latin-1 decodes any bytes. charset-normalizer 3.5 was measured and is not used: on
# 18 short CSV exports (6 languages, legacy encodings) it decoded 7 right to this chain's 10 (it reads
# Spanish and Portuguese cp1252 as cp1250) and took ~10x longer on a 1 MB head.
ENCODINGS = ("utf-8", "cp1252", "latin-1")


def encoding_of(data: bytes, *, head: bool = False) -> str:
    """The first of ENCODINGS that decodes ``data``; with ``head`` (the start of a longer file) a
    UTF-8 character cut at the end still counts as UTF-8."""
    for enc in ENCODINGS[:-1]:
        try:
            data.decode(enc)
            return enc
        except UnicodeDecodeError as exc:
            if head and enc == "utf-8" and exc.start >= len(data) - 4:
                return enc
    return ENCODINGS[-1]


def decode_bytes(data: bytes) -> str:
    """UTF-8 (with or without BOM), else cp1252, else Latin-1 (never fails)."""
    data = data.removeprefix(b"\xef\xbb\xbf")
    return data.decode(encoding_of(data))


def detect_encoding(path: Path) -> str:
    """The encoding to open a text file with: 'utf-8-sig' (a BOM is dropped) when its head is UTF-8."""
    enc = encoding_of(read_head(path, 1 << 20), head=True)
    return "utf-8-sig" if enc == "utf-8" else enc


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


def header_match(head: bytes, distinctive: Iterable[str], typical: Iterable[str], at_least: int) -> int:
    """Detection score of a CSV export: 90 when its header row holds every ``distinctive`` column and
    at least ``at_least`` of the ``typical`` ones, else 0."""
    cols = {c.strip() for c in first_row(head)}
    if not all(c in cols for c in distinctive):
        return 0
    return 90 if sum(c in cols for c in typical) >= at_least else 0


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
