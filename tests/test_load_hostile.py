"""Hostile files in a load: each fails alone with one line, the rest of the run loads.

Built here, in tmp_path, never committed: a workbook whose cell points past the shared-string
table (openpyxl raises IndexError), JSON nested 100,000 levels deep (RecursionError), xlsx zip
bombs, a FIFO and /dev/zero (reading them never ends), and a load refused because another one
holds the writer lock (``--json`` still prints its JSON line).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from etl.record import SourceError
from etl.sources import _io
from etl.warehouse import builder

PROJECT = Path(__file__).resolve().parents[1]
GOOD_CSV = "title,company,description\nSenior Engineer,Acme,Python and Go\nStaff Engineer,Initech,Rust\n"
JOBSPY_HEADER = ("id", "site", "job_url", "title", "company", "location", "date_posted", "description")

CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/'
      'content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
      'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override '
      'PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
      'sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
      'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/'
      'sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.'
      'sharedStrings+xml"/></Types>')
RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
        '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
        'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>')
WB = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/'
      'main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet '
      'name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
WB_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/'
           '2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/'
           '2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" '
           'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
           'Target="sharedStrings.xml"/></Relationships>')


def _cell(col: int, row: int, index: int) -> str:
    return f'<c r="{chr(65 + col)}{row}" t="s"><v>{index}</v></c>'


def workbook(path: Path, rows: list[list[int]], strings: list[str], *, sst_padding: int = 0,
             empty_rows: int = 0, broken_tail: bool = False) -> Path:
    """A minimal .xlsx written by hand: ``rows`` hold shared-string indexes (which may point anywhere),
    ``sst_padding`` bytes of one repeated string pad the table, ``empty_rows`` empty rows follow the data;
    ``broken_tail`` ends the sheet in the middle of a row, so anything that reads past the data fails."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, text in (("[Content_Types].xml", CT), ("_rels/.rels", RELS), ("xl/workbook.xml", WB),
                           ("xl/_rels/workbook.xml.rels", WB_RELS)):
            zf.writestr(name, text)
        with zf.open("xl/sharedStrings.xml", "w") as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main">')
            for s in strings:
                fh.write(f"<si><t>{s}</t></si>".encode())
            chunk = b"<si><t>" + b"x" * 1_000_000 + b"</t></si>"
            for _ in range(sst_padding // len(chunk)):
                fh.write(chunk)
            fh.write(b"</sst>")
        with zf.open("xl/worksheets/sheet1.xml", "w") as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/'
                     b'spreadsheetml/2006/main"><sheetData>')
            for r, row in enumerate(rows, start=1):
                fh.write(f'<row r="{r}">{"".join(_cell(c, r, i) for c, i in enumerate(row))}</row>'.encode())
            for _ in range(empty_rows // 1000):
                fh.write(b"<row/>" * 1000)  # rows without numbers: they count on from the last one
            if broken_tail:
                fh.write(b'<row r="999999"><c r="A999999" t="s"><v>')
                return path
            fh.write(b"</sheetData></worksheet>")
    return path


def _jobspy_rows(n: int) -> tuple[list[list[int]], list[str]]:
    strings = [*JOBSPY_HEADER, "Senior Engineer", "Acme", "Python and Go", "https://example.com/j",
               "2025-01-01", "Berlin, DE", "linkedin"]
    # id, site, job_url, title, company, location, date_posted, description
    data = [0, 14, 11, 8, 9, 13, 12, 10]
    return [list(range(len(JOBSPY_HEADER))), *([data] * n)], strings


def load(
    *paths: Path, db: Path, timeout: float = 120, extra: tuple[str, ...] = ()
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", "load", *map(str, paths), "--db", str(db), "--json", *extra],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=timeout,
    )


def _summary(res: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(res.stdout.strip().splitlines()[-1])


def _good(tmp_path: Path) -> Path:
    good = tmp_path / "good.csv"
    good.write_text(GOOD_CSV)
    return good


def _one_bad_file(res: subprocess.CompletedProcess[str], bad: Path, needle: str) -> dict:
    assert "Traceback" not in res.stderr, res.stderr[-2000:]
    assert res.returncode == 2, res.stderr
    s = _summary(res)
    files = {Path(f["path"]).name: f for f in s["per_file"]}
    assert files[bad.name]["status"] == "failed"
    message = files[bad.name]["message"]
    assert needle.lower() in message.lower() and "\n" not in message, message
    # the rest of the run loads
    assert files["good.csv"]["status"] == "ok" and files["good.csv"]["loaded"] == 2
    assert s["published"]
    return files[bad.name]


# --- 12: any error inside one file fails that file (or record) -------------------------------------------

def test_bad_shared_string_index_fails_that_workbook_only(tmp_path: Path) -> None:
    rows, strings = _jobspy_rows(3)
    rows[2] = [0, 10, 11, 999_999, 5, 9, 12, 6]  # a cell points past the shared-string table
    bad = workbook(tmp_path / "bad_sst.xlsx", rows, strings)
    _one_bad_file(load(bad, _good(tmp_path), db=tmp_path / "wh.duckdb"), bad, "bad_sst.xlsx")


def test_deeply_nested_jsonl_record_is_rejected_and_the_rest_loads(tmp_path: Path) -> None:
    f = tmp_path / "deep.jsonl"
    deep = '{"title": "Deep", "description": ' + "[" * 100_000 + "]" * 100_000 + "}"
    f.write_text("\n".join([json.dumps({"title": "Senior Engineer", "description": "Python"}), deep,
                            json.dumps({"title": "Staff Engineer", "description": "Go"})]) + "\n")
    res = load(f, _good(tmp_path), db=tmp_path / "wh.duckdb")
    assert "Traceback" not in res.stderr and res.returncode == 0, res.stderr[-2000:]
    files = {Path(x["path"]).name: x for x in _summary(res)["per_file"]}
    assert (files["deep.jsonl"]["read"], files["deep.jsonl"]["loaded"], files["deep.jsonl"]["rejected"]) == (
        3,
        2,
        1,
    )
    assert any("nested" in reason for reason in files["deep.jsonl"]["reasons"])
    assert files["good.csv"]["loaded"] == 2


@pytest.mark.parametrize("name", ["deep.json", "deep_object.json"])
def test_deeply_nested_json_document_fails_that_file_only(tmp_path: Path, name: str) -> None:
    f = tmp_path / name
    if name == "deep.json":  # an array of postings, the second one too deep
        f.write_text('[{"title": "Senior Engineer", "description": "x"}, {"title": "y", "description": '
                     + "[" * 100_000 + "]" * 100_000 + "}]")
    else:  # one Greenhouse API document nested far too deep (read whole, not streamed)
        f.write_text('{"jobs": ' + "[" * 100_000 + "]" * 100_000 + "}")
    good = _good(tmp_path)
    if name == "deep.json":
        _one_bad_file(load(f, good, db=tmp_path / "wh.duckdb"), f, "nested")
    else:  # the format forced, as a user would for a file detection cannot place
        res = load(f, db=tmp_path / "wh.duckdb", extra=("--format", "greenhouse"))
        assert res.returncode == 2 and "Traceback" not in res.stderr, res.stderr[-2000:]
        assert "nested too deeply" in _summary(res)["per_file"][0]["message"]


def test_any_unexpected_error_in_one_file_fails_it_with_one_line(tmp_path: Path) -> None:
    """The boundary catches every error, not a list of known ones (here a KeyError from a zip that is
    not a workbook at all, forced to be read as one)."""
    bad = tmp_path / "not_a_workbook.xlsx"
    with zipfile.ZipFile(bad, "w") as zf:
        zf.writestr("hello.txt", "no workbook here")
    _one_bad_file(load(bad, _good(tmp_path), db=tmp_path / "wh.duckdb"), bad, "not_a_workbook.xlsx")


# --- 13: xlsx zip bombs and bounded detection ---------------------------------------------------------------

def test_shared_string_bomb_is_refused_before_parsing(tmp_path: Path) -> None:
    rows, strings = _jobspy_rows(1)
    bomb = workbook(tmp_path / "bomb.xlsx", rows, strings, sst_padding=120_000_000)
    assert bomb.stat().st_size < 1_000_000  # 120 MB of shared strings in well under 1 MB
    with pytest.raises(SourceError, match="expands"):
        _io.check_zip(bomb)
    info = _one_bad_file(load(bomb, _good(tmp_path), db=tmp_path / "wh.duckdb"), bomb, "expands")
    assert info["read"] == 0


def test_a_sheet_of_millions_of_empty_rows_is_refused_before_parsing(tmp_path: Path) -> None:
    rows, strings = _jobspy_rows(1)
    bomb = workbook(tmp_path / "rows.xlsx", rows, strings, empty_rows=2_000_000)
    with pytest.raises(SourceError, match="expands"):
        _io.check_zip(bomb)


def test_format_detection_reads_only_the_head_of_a_sheet(tmp_path: Path) -> None:
    """Detection is bounded by rows, not by the sheet's length: it never reaches a sheet's end.

    The sheet breaks off after its data, so a detector that reads to the end (as openpyxl does to
    find a sheet's width when ``max_col`` is not given: 82 s on a 3M-row sheet) fails here.
    """
    from etl.sources import detect, generic, jobspy_excel
    from etl.sources._xlsx import open_workbook

    rows, strings = _jobspy_rows(50)
    whole = workbook(tmp_path / "whole.xlsx", rows, strings)
    path = workbook(tmp_path / "jobs.xlsx", rows, strings, broken_tail=True)
    with pytest.raises(Exception):  # noqa: B017 - any parse error: the tail really is unreadable
        list(generic._excel_rows(path, None))
    assert detect(path).NAME == detect(whole).NAME  # every adapter's detection stopped before the tail
    _, row, header = jobspy_excel._sheet(open_workbook(path), path, jobspy_excel.SourceOptions())
    assert (row, header[:3]) == (1, list(JOBSPY_HEADER[:3]))
    head = list(generic._excel_rows(path, None, head_only=True))
    assert len(head) == generic.HEAD_ROWS and head[0][:2] == tuple(JOBSPY_HEADER[:2])


def test_an_ordinary_workbook_passes_the_zip_check(tmp_path: Path) -> None:
    rows, strings = _jobspy_rows(200)
    _io.check_zip(workbook(tmp_path / "ok.xlsx", rows, strings))


# --- 14: non-regular files and a refused load ---------------------------------------------------------------

def test_a_fifo_is_refused_with_one_line_not_waited_for(tmp_path: Path) -> None:
    fifo = tmp_path / "jobs.csv"
    os.mkfifo(fifo)
    _one_bad_file(
        load(fifo, _good(tmp_path), db=tmp_path / "wh.duckdb", timeout=60), fifo, "not a regular file"
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero")
def test_dev_zero_is_refused_with_one_line(tmp_path: Path) -> None:
    link = tmp_path / "zero.csv"
    link.symlink_to("/dev/zero")  # a link to a device: still not a regular file
    res = load(Path("/dev/zero"), link, _good(tmp_path), db=tmp_path / "wh.duckdb", timeout=60)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    files = _summary(res)["per_file"]
    assert [f["status"] for f in files] == ["failed", "failed", "ok"]
    assert all("not a regular file" in f["message"] for f in files[:2])


def test_json_line_also_when_another_load_holds_the_lock(tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    with builder.writer_lock(db):
        res = load(_good(tmp_path), db=db)
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "another load is running" in res.stderr
    summary = _summary(res)
    assert summary["published"] is False and summary["files"] == 0
    assert "another load is running" in summary["error"]


def test_a_link_in_a_searched_folder_to_a_file_outside_it_is_skipped_and_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Red-team pass: a folder's ``x.csv -> /elsewhere/secret.csv`` was loaded, so whoever could drop a link
    into a data folder had any file the loader can read put in the warehouse (a rejected row's raw text is
    shown on the Data page). A file named on the command line is still followed; a link inside the folder
    to a file inside it still loads."""
    from etl.warehouse.loader import expand_paths

    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "secret.csv").write_text("token\ninvented-secret\n")
    folder = tmp_path / "drop"
    (folder / "sub").mkdir(parents=True)
    (folder / "a.csv").write_text("title\nx\n")
    (folder / "link.csv").symlink_to(outside / "secret.csv")
    (folder / "sub" / "inner.csv").symlink_to(folder / "a.csv")
    assert expand_paths([folder]) == [folder / "a.csv", folder / "sub" / "inner.csv"]
    err = capsys.readouterr().err
    assert "link.csv" in err and "outside" in err and len(err.strip().splitlines()) == 1
    assert expand_paths([folder / "link.csv"]) == [folder / "link.csv"]
