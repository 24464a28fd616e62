"""JobSpy data re-saved from Excel (.xlsx): same columns as the CSV, Excel's cell types.

Why: people open a JobSpy CSV in Excel, tidy it and save it as a workbook. The columns
are JobSpy's (so rows are mapped by :func:`etl.sources.jobspy.to_posting`), but the
cells change type: ``date_posted`` becomes a date cell or a bare date serial,
``is_remote`` a boolean cell, ids may turn into numbers, a Table (ListObject) covers
part of the rows, and people type notes ("Source: ...") under the data. A note row is
a record that is Rejected with a reason, never dropped silently; a wholly empty row
carries nothing and is not a record.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import Any

from openpyxl.utils.datetime import from_excel

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions
from etl.sources._io import check_columns, oversized, read_head
from etl.sources._xlsx import open_workbook
from etl.sources.jobspy import REQUIRED_COLUMNS, header_score, to_posting

NAME = "jobspy_excel"
EXTENSIONS = (".xlsx", ".xlsm")

HEADER_SCAN_ROWS = 20  # the header may sit under a title line or two
NOTE_MAX_CELLS = 2  # a row with no title/description/url and at most this many cells is a note
IDENTITY = ("title", "description", "job_url")


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _open(path: Path) -> Any:
    head = read_head(path, 8)
    if not head:
        raise SourceError(f"{path.name}: file is empty")
    if not head.startswith(b"PK\x03\x04"):
        raise SourceError(f"{path.name}: not an Excel .xlsx workbook (not a zip archive)")
    return open_workbook(path)


def _find_header(ws: Any) -> tuple[int, list[str]] | None:
    """(row number, column names) of the JobSpy header, else of the first non-empty row."""
    first: tuple[int, list[str]] | None = None
    # max_col given: else openpyxl first reads the whole sheet to find its width (82 s for 3M rows)
    for n, row in enumerate(ws.iter_rows(max_row=HEADER_SCAN_ROWS, max_col=16_384, values_only=True), 1):
        if all(_empty(v) for v in row):
            continue
        names = ["" if _empty(v) else str(v).strip() for v in row]
        while names and not names[-1]:
            names.pop()
        if all(c in names for c in REQUIRED_COLUMNS):
            return n, names
        first = first or (n, names)
    return first


def _sheet(wb: Any, path: Path, options: SourceOptions) -> tuple[Any, int, list[str]]:
    if options.sheet:
        if options.sheet not in wb.sheetnames:
            raise SourceError(f"{path.name}: no sheet named {options.sheet!r} "
                              f"(sheets: {', '.join(wb.sheetnames)})")
        candidates = [wb[options.sheet]]
    else:
        candidates = [ws for ws in wb.worksheets if hasattr(ws, "iter_rows")]
    fallback: tuple[Any, int, list[str]] | None = None
    for ws in candidates:
        if hasattr(ws, "reset_dimensions"):
            ws.reset_dimensions()  # saved dimensions can be wrong; read to the real end
        found = _find_header(ws)
        if found and all(c in found[1] for c in REQUIRED_COLUMNS):
            return ws, *found
        if found and fallback is None:
            fallback = (ws, *found)
    if fallback is None:
        raise SourceError(f"{path.name}: the workbook has no data")
    return fallback


def detect(path: Path, head: bytes) -> int:
    if path.suffix.lower() not in EXTENSIONS or not head.startswith(b"PK\x03\x04"):
        return 0
    try:
        wb = open_workbook(path)
    except SourceError:
        return 0
    try:
        _, _, header = _sheet(wb, path, SourceOptions())
        return header_score(header)
    except Exception:
        return 0
    finally:
        wb.close()


def _cell(column: str, value: Any) -> Any:
    """Excel types -> what to_posting expects (a date serial in date_posted becomes a date)."""
    if column == "date_posted" and isinstance(value, int | float) and not isinstance(value, bool):
        try:
            return from_excel(value).date()
        except (ValueError, OverflowError, TypeError):
            return value
    if isinstance(value, datetime) and column == "date_posted":
        return value.date()
    return value


def _record(header: list[str], row: tuple[Any, ...], record_no: int, sheet_row: int
            ) -> Posting | Rejected:
    filled = [i for i, v in enumerate(row) if not _empty(v)]
    rec = {name: _cell(name, row[i] if i < len(row) else None) for i, name in enumerate(header) if name}
    if all(_empty(rec.get(c)) for c in IDENTITY) and len(filled) <= NOTE_MAX_CELLS:
        note = {f"col{i + 1}": row[i] for i in filled}
        return Rejected.from_raw(NAME, record_no, f"note row, not a posting (sheet row {sheet_row})", note)
    if filled[-1] >= len(header):
        reason = f"row has {filled[-1] + 1} fields, header has {len(header)}"
        return Rejected.from_raw(NAME, record_no, reason, list(row[: filled[-1] + 1]))
    why = oversized(rec)
    return Rejected.from_raw(NAME, record_no, why, rec) if why else to_posting(rec, record_no, NAME)


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    wb = _open(path)
    try:
        ws, header_row, header = _sheet(wb, path, options)
        check_columns(path, header, REQUIRED_COLUMNS)
        record_no = 0
        for sheet_row, row in enumerate(ws.iter_rows(min_row=header_row + 1, values_only=True),
                                        header_row + 1):
            if all(_empty(v) for v in row):
                continue
            record_no += 1
            yield _record(header, row, record_no, sheet_row)
    finally:
        wb.close()
