"""The JobSpy-in-Excel adapter, on workbooks built here with openpyxl the way Excel saves them."""

from __future__ import annotations

import csv
import dataclasses
import zipfile
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from openpyxl.styles import PatternFill
from openpyxl.worksheet.table import Table

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, jobspy, jobspy_excel
from etl.sources import detect as registry_detect
from etl.sources._io import MAX_FIELD_CHARS, read_head

CSV_FIXTURE = Path(__file__).parent / "fixtures" / "sources" / "jobspy.csv"
COLS = next(csv.reader(CSV_FIXTURE.open(encoding="utf-8")))
SERIAL = 46254  # an Excel date serial written as a bare number (no date format)
FILL = PatternFill("solid", fgColor="FFFF00")


def row(**values: Any) -> list[Any]:
    return [values.get(c) for c in COLS]


def build(path: Path, rows: list[list[Any]], *, title_lines: int = 0, about_sheet: bool = True) -> Path:
    wb = openpyxl.Workbook()
    if about_sheet:  # a notes sheet before the data, as people do
        wb.active.title = "About"
        wb.active["A1"] = "Scraped with JobSpy, re-saved in Excel"
        ws = wb.create_sheet("jobs")
    else:
        ws = wb.active
    for n in range(title_lines):
        ws.append([f"LinkedIn India export, part {n + 1}"])
    ws.append(COLS)
    for r in rows:
        ws.append(r)
    return _save(wb, ws, path, first=title_lines + 1, rows=rows)


def _save(wb: Any, ws: Any, path: Path, first: int, rows: list[list[Any]]) -> Path:
    last_col = openpyxl.utils.get_column_letter(len(COLS))
    ws.add_table(Table(displayName="Jobs", ref=f"A{first}:{last_col}{first + min(2, len(rows))}"))
    for n in range(2):  # formatted but empty rows under everything: not records
        ws.cell(row=ws.max_row + 1 + n, column=3).fill = FILL
    wb.save(path)
    return path


def read_all(path: Path, options: SourceOptions | None = None) -> list[Posting | Rejected]:
    return list(jobspy_excel.read(path, options or SourceOptions()))


def quirky_rows() -> list[list[Any]]:
    return [
        row(
            id="li-2001",
            site="linkedin",
            job_url="https://www.linkedin.com/jobs/view/2001",
            title="Senior C++ Engineer",
            company="Excel Corp",
            date_posted=datetime(2026, 8, 20),
            is_remote=True,
            job_level="mid-senior level",
            job_type="fulltime",
            interval="yearly",
            min_amount=1_800_000,
            max_amount=2_400_000.5,
            currency="INR",
            description="* Modern C\\+\\+\n* **Linux**",
        ),
        row(
            id="li-2002",
            site="linkedin",
            job_url="https://www.linkedin.com/jobs/view/2002",
            title="Data Engineer",
            company="Serial Ltd",
            date_posted=SERIAL,
            is_remote=False,
            description="ETL in Python",
        ),
        row(
            id="li-2003",
            site="linkedin",
            job_url="https://www.linkedin.com/jobs/view/2003",
            title="QA Engineer",
            company="Text Date",
            date_posted="2026-08-18",
            is_remote="True",
            description="Test things",
        ),
        row(
            id="li-2004",
            site="linkedin",
            job_url="https://www.linkedin.com/jobs/view/2004",
            company="No Title Inc",
            is_remote=False,
        ),
        [None] * len(COLS),  # an empty row between data rows is not a record either
        ["Source: JobSpy scrape of LinkedIn India, 2026-08-22"],
        ["Notes", "rows checked by hand"],
    ]


def test_excel_types_tables_and_notes(tmp_path: Path) -> None:
    path = build(tmp_path / "jobs.xlsx", quirky_rows())
    items = read_all(path)
    assert [i.record_no for i in items] == [1, 2, 3, 4, 5, 6]  # 4 data rows + 2 notes; empty rows skipped
    first, serial, text_date, no_title, source_note, notes = items
    assert isinstance(first, Posting) and first.source == "jobspy_excel" and first.source_id == "li-2001"
    assert first.posted_date == date(2026, 8, 20) and first.remote_hint is True
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        1_800_000.0, 2_400_000.5, "INR", "year")
    assert first.description == "* Modern C\\+\\+\n* **Linux**" and first.description_format == "markdown"
    assert isinstance(serial, Posting)
    assert serial.posted_date == date(1899, 12, 30) + timedelta(days=SERIAL) and serial.remote_hint is False
    assert isinstance(text_date, Posting) and text_date.posted_date == date(2026, 8, 18)
    assert text_date.remote_hint is True
    assert isinstance(no_title, Rejected) and no_title.reason == "missing title and description"
    for note in (source_note, notes):
        assert isinstance(note, Rejected) and note.reason.startswith("note row, not a posting")
    assert isinstance(source_note, Rejected)
    assert "Source: JobSpy scrape" in source_note.raw and "(sheet row 7)" in source_note.reason


def test_same_mapping_as_the_csv_adapter(tmp_path: Path) -> None:
    """The CSV fixture re-saved as a workbook (numbers and booleans as Excel cells) reads the same."""
    with CSV_FIXTURE.open(encoding="utf-8", newline="") as fh:
        data = [r for r in csv.reader(fh, **jobspy.CSV_FORMAT)][1:]
    typed = [[_excel_value(c, v) for c, v in zip(COLS, r)] for r in data if len(r) == len(COLS)]
    from_csv = [i for i in jobspy.read(CSV_FIXTURE, SourceOptions()) if i.record_no <= len(typed)]
    from_xlsx = read_all(build(tmp_path / "same.xlsx", typed, about_sheet=False))
    assert len(from_xlsx) == len(from_csv) == 3
    for a, b in zip(from_csv, from_xlsx):
        assert type(a) is type(b)
        if isinstance(a, Posting) and isinstance(b, Posting):
            assert dataclasses.replace(a, source="x") == dataclasses.replace(b, source="x")


def _excel_value(col: str, value: str) -> Any:
    if value == "":
        return None
    if col in ("min_amount", "max_amount"):
        return float(value)
    if col == "is_remote":
        return value == "True"
    return value


def _inflate(path: Path, placeholder: str, text: str) -> None:
    """Put a cell larger than Excel's 32,767 characters into the sheet XML (openpyxl truncates on write)."""
    data = {}
    with zipfile.ZipFile(path) as zf:
        for name in zf.namelist():
            data[name] = zf.read(name).replace(placeholder.encode(), text.encode())
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, content in data.items():
            zf.writestr(name, content)


def test_header_under_title_lines_and_wide_or_huge_rows(tmp_path: Path) -> None:
    wide = [*row(id="li-3", title="Wide", description="d"), "stray value"]
    rows = [
        row(id="li-1", title="Big", description="BIG-CELL-PLACEHOLDER"),
        row(id="li-2", title="Fine", description="d"),
        wide,
    ]
    path = build(tmp_path / "t.xlsx", rows, title_lines=2, about_sheet=False)
    _inflate(path, "BIG-CELL-PLACEHOLDER", "x" * (MAX_FIELD_CHARS + 100_000))
    big, fine, wide_item = read_all(path)
    assert isinstance(big, Rejected) and big.reason.startswith("field larger than")
    assert isinstance(fine, Posting) and fine.source_id == "li-2" and fine.record_no == 2
    assert (
        isinstance(wide_item, Rejected)
        and wide_item.reason == f"row has {len(COLS) + 1} fields, header has {len(COLS)}"
    )


def test_sheet_option(tmp_path: Path) -> None:
    path = build(tmp_path / "s.xlsx", quirky_rows()[:1])
    [item] = read_all(path, SourceOptions(sheet="jobs"))
    assert isinstance(item, Posting) and item.source_id == "li-2001"
    with pytest.raises(SourceError, match="no sheet named 'Missing'"):
        read_all(path, SourceOptions(sheet="Missing"))
    with pytest.raises(SourceError, match="missing column 'title'"):
        read_all(path, SourceOptions(sheet="About"))


def _zip_without_workbook(path: Path) -> None:
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("hello.txt", "not a workbook")


def _truncated_workbook(path: Path) -> None:
    build(path, quirky_rows())
    path.write_bytes(path.read_bytes()[:300])


@pytest.mark.parametrize(("make", "message"), [
    (lambda p: p.write_bytes(b""), "file is empty"),
    (lambda p: p.write_text("id,title\n1,x\n"), "not a zip archive"),
    (_zip_without_workbook, "cannot read the Excel workbook"),
    (_truncated_workbook, "cannot read the Excel workbook"),
])
def test_unreadable_files_raise_one_line(tmp_path: Path, make: Any, message: str) -> None:
    path = tmp_path / "bad.xlsx"
    make(path)
    with pytest.raises(SourceError, match=message) as err:
        read_all(path)
    assert "\n" not in str(err.value)


def test_missing_column(tmp_path: Path) -> None:
    wb = openpyxl.Workbook()
    wb.active.append(["id", "title", "company"])
    wb.active.append(["li-1", "Dev", "Co"])
    wb.save(tmp_path / "m.xlsx")
    with pytest.raises(SourceError, match="missing column 'description'"):
        read_all(tmp_path / "m.xlsx")
    assert jobspy_excel.detect(tmp_path / "m.xlsx", read_head(tmp_path / "m.xlsx")) == 0


def test_detect(tmp_path: Path) -> None:
    path = build(tmp_path / "d.xlsx", quirky_rows())
    assert jobspy_excel.detect(path, read_head(path)) == 90
    assert jobspy.detect(path, read_head(path)) == 0
    assert jobspy_excel.detect(CSV_FIXTURE, read_head(CSV_FIXTURE)) == 0
    broken = tmp_path / "broken.xlsx"
    _zip_without_workbook(broken)
    assert jobspy_excel.detect(broken, read_head(broken)) == 0


def test_registry_detect_picks_jobspy_excel(tmp_path: Path) -> None:
    path = build(tmp_path / "r.xlsx", quirky_rows())
    assert registry_detect(path).NAME == "jobspy_excel"
