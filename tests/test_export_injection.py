"""Spreadsheet formula injection (OWASP "CSV Injection"): files meant for people never carry a
formula taken from the data; the raw outputs meant for machines keep the values as they are.

Posting text comes from strangers. A company called ``=HYPERLINK("http://evil","click")`` must
reach an analyst's spreadsheet as those characters, not as a live link or a command.
"""

from __future__ import annotations

import csv
import io
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pyarrow as pa
import pytest
from test_views import make_warehouse
from tiny_warehouse import build

from analytics.export import tables
from analytics.export.meta import ExportMeta
from etl.warehouse import builder

PROJECT = Path(__file__).resolve().parents[1]
LINK = '=HYPERLINK("http://evil.example/x","click")'
HOSTILE = [LINK, "+1+1", "-2+3", "@SUM(1+1)*cmd|' /C calc'!A0", "\t=1+1", "\r=1+1", "  =1+1", "\uff1d1+1",
           "=cmd|' /C notepad'!'A1'"]
SAFE = ["Senior engineer", "-5", "+1.5", "3e5", "", "a=b", "C++", "C#", "Go"]
# a tab is a separator to a reader splitting there, so the part after it gets its own ' (hqa36 ruling 2)
AFTER_TAB = {"\t=1+1": "'\t'=1+1", " \t=1+1": "' \t'=1+1"}


def _prefixed(value: str) -> str:
    return AFTER_TAB.get(value, "'" + value)


def _csv_cells(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _frame() -> pd.DataFrame:
    n = len(HOSTILE)
    return pd.DataFrame({"text": HOSTILE, "safe": (SAFE * 2)[:n], "number": [-1.5] * n,
                         "n": list(range(-n, 0)), LINK: ["x"] * n})


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_safe_prefixes_what_a_spreadsheet_would_evaluate(value: str) -> None:
    assert tables.formula_safe(value) == _prefixed(value)


@pytest.mark.parametrize("value", [*SAFE, None, 3, -2.5])
def test_formula_safe_leaves_plain_text_and_numbers_alone(value: object) -> None:
    assert tables.formula_safe(value) == value


def test_csv_for_people_neutralises_every_formula_cell_and_header() -> None:
    rows = _csv_cells(tables.to_csv(_frame()))
    assert rows[0] == ["text", "safe", "number", "n", "'" + LINK]
    assert [r[0] for r in rows[1:]] == [_prefixed(v) for v in HOSTILE]
    assert [r[1] for r in rows[1:]] == (SAFE * 2)[:len(HOSTILE)]  # plain text and plain numbers untouched
    assert {r[2] for r in rows[1:]} == {"-1.5"}  # numbers are numbers, never prefixed
    assert rows[1][3] == str(-len(HOSTILE))


def test_csv_raw_keeps_the_values_for_machines() -> None:
    rows = _csv_cells(tables.to_csv(_frame(), raw=True))
    assert rows[0][4] == LINK
    assert [r[0] for r in rows[1:]] == HOSTILE


def test_arrow_neutralisation_matches_the_frame_one() -> None:
    frame = _frame()
    table = pa.Table.from_pandas(frame, preserve_index=False)
    out = tables.neutralise_arrow(table)
    assert out.column_names == list(tables.neutralise(frame).columns)
    assert out.to_pandas().equals(tables.neutralise(frame))
    assert out.column("number").type == pa.float64()


def _assert_no_formulas(data: bytes, expected: list[str]) -> None:
    book = openpyxl.load_workbook(io.BytesIO(data))  # not data_only: formulas would show as formulas
    sheet = book.worksheets[0]
    texts = []
    for row in sheet.iter_rows():
        for cell in row:
            assert cell.data_type != "f", f"{cell.coordinate} is a formula: {cell.value!r}"
            assert not cell.hyperlink, f"{cell.coordinate} is a link"
            if isinstance(cell.value, str):
                texts.append(cell.value)
    for value in expected:
        # the characters survive, as text (CR escaped by OOXML)
        assert value.replace("\r", "_x000D_") in texts


def test_excel_writes_text_as_text_never_as_a_formula_or_link() -> None:
    meta = ExportMeta(title="t", filters_text="all", n=1, as_of=None, sources=(),
                      is_demo=False, sql=LINK, params_text="", generated_at="now")
    frame = _frame()
    frame["url"] = "http://evil.example/"
    _assert_no_formulas(tables.to_excel(frame, meta), [*HOSTILE, LINK])
    _assert_no_formulas(tables.to_excel(frame), HOSTILE)  # without the About sheet too


# --- the SQL page's downloads -------------------------------------------------------------------

@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("inject"))


def _hostile_select(values_: list[str] = HOSTILE) -> str:
    values = ", ".join("(" + "'" + v.replace("'", "''") + "')" for v in values_)
    return f"SELECT v AS \"{LINK.replace(chr(34), chr(34) * 2)}\", -1 AS n FROM (VALUES {values}) t(v)"


def test_sql_page_csv_download_is_neutralised(warehouse: Path) -> None:
    sql = _hostile_select()
    rows = _csv_cells(tables.query_file(sql, warehouse, "csv"))
    assert rows[0] == ["'" + LINK, "n"]
    assert sorted(r[0] for r in rows[1:]) == sorted(_prefixed(v) for v in HOSTILE)
    assert {r[1] for r in rows[1:]} == {"-1"}


def test_sql_page_excel_download_has_no_formula(warehouse: Path) -> None:
    sql = _hostile_select()
    _assert_no_formulas(tables.query_file(sql, warehouse, "xlsx"), [*HOSTILE, LINK])


def test_analytics_sql_stays_raw(warehouse: Path) -> None:
    hostile = [v for v in HOSTILE if "\r" not in v]  # (a bare CR is the CLI's own CSV question)
    done = subprocess.run([sys.executable, "-m", "analytics", "sql", "--db", str(warehouse),
                           _hostile_select(hostile)],
                          cwd=PROJECT, capture_output=True, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = _csv_cells(done.stdout)
    assert rows[0][0] == LINK
    assert sorted(r[0] for r in rows[1:]) == sorted(hostile)


# --- the report's zip ----------------------------------------------------------------------------

def hostile_tiny(
    folder: Path, source: str, file_name: str = "postings.csv", sql: tuple[str, ...] = ()
) -> Path:
    """The tiny warehouse with the "jobspy" source renamed to ``source``, then ``sql`` run (rollups
    rebuilt)."""
    db = folder / "warehouse.duckdb"
    version = build(db)
    con = duckdb.connect(str(version))
    try:
        con.execute("UPDATE postings SET source = $s WHERE source = 'jobspy'", {"s": source})
        con.execute("UPDATE load_runs SET file_name = $f", {"f": file_name})
        for statement in sql:
            con.execute(statement)
        builder.derive(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db


def _report(db: Path, out: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "BROWSER_PATH": str(out.parent / "no-browser")}  # tables only
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "analytics",
            "report",
            "--db",
            str(db),
            "--out",
            str(out),
            "--pages",
            "data",
            "--filter",
            "role_family=all",
            "--filter",
            "seniority=all",
            *extra,
        ],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )


def test_report_zip_csv_files_are_neutralised(tmp_path: Path) -> None:
    db = hostile_tiny(tmp_path, LINK, file_name="@SUM(1+1)*cmd|' /C calc'!A0.csv")
    out = tmp_path / "all.zip"
    done = _report(db, out)
    assert done.returncode == 0, done.stderr
    seen: list[str] = []
    with zipfile.ZipFile(out) as zf:
        for name in zf.namelist():
            if name.endswith(".csv"):
                cells = [c for row in _csv_cells(zf.read(name)) for c in row]
                seen += cells
                assert not [c for c in cells if c != tables.formula_safe(c)], name
            elif name.endswith(".xlsx"):
                book = openpyxl.load_workbook(io.BytesIO(zf.read(name)))
                assert all(c.data_type != "f" for ws in book.worksheets for r in ws.iter_rows() for c in r), (
                    name
                )
    assert "'" + LINK in seen  # the source mix names it, neutralised
    assert "'@SUM(1+1)*cmd|' /C calc'!A0.csv" in seen  # the load runs table


def test_app_table_downloads_are_neutralised() -> None:
    from analytics.filters import Filters
    from analytics.result import QueryResult
    from ui.exports import chart_files

    frame = pd.DataFrame({"company": HOSTILE, "postings": range(len(HOSTILE))})
    result = QueryResult(df=frame, sql="SELECT 1", params={}, n=len(HOSTILE))
    files = {ext: make for _label, ext, make in chart_files("Companies", result, None, Filters(), False)}
    rows = _csv_cells(files["csv"]())
    assert [r[0] for r in rows[1:]] == [_prefixed(v) for v in HOSTILE]


# --- the SQL page's CSV and Excel, case by case: formula-looking text neutralised, numbers kept (hqa36) ---

FORMULA_CASES = {
    "equals": "=1+1", "plus": "+1+1", "minus": "-2+3", "at": "@SUM(1+1)", "tab": "\t=1+1", "cr": "\r=1+1",
    "after spaces": "   =1+1", "after a no-break space": "\u00a0+1+1", "after a space and a tab": " \t=1+1",
    "after a double quote": '"=1+1"', "after a space and a quote": ' "-2+3',
    "after quotes and spaces": '" " =HYPERLINK("http://x.example")',
}


@pytest.mark.parametrize("value", list(FORMULA_CASES.values()), ids=list(FORMULA_CASES))
def test_sql_page_downloads_neutralise_each_formula_case(warehouse: Path, value: str) -> None:
    """A query's text cell that a spreadsheet (or an importer trimming blanks and quotes) would read as a
    formula downloads as CSV with a leading ``'`` and as Excel text, the characters kept."""
    sql = f"SELECT '{value.replace(chr(39), chr(39) * 2)}' AS v, -7 AS n"
    rows = _csv_cells(tables.query_file(sql, warehouse, "csv"))
    assert rows[1] == [_prefixed(value), "-7"]
    assert tables.formula_safe(value) == _prefixed(value)  # the app's own tables (charts' CSV) the same
    assert tables.formula_safe(_prefixed(value)) == _prefixed(value)  # once is enough: ' marks text
    _assert_no_formulas(tables.query_file(sql, warehouse, "xlsx"), [value])


NUMBER_CASES = {"integer": ("-5", -5), "double": ("-1.5", -1.5),
                "decimal": ("CAST(-2.50 AS DECIMAL(9, 2))", -2.5), "exponent": ("-1.5e-7", -1.5e-7),
                "positive": ("+42", 42), "bigint": ("-9007199254740993::BIGINT", None)}


@pytest.mark.parametrize(("expr", "number"), list(NUMBER_CASES.values()), ids=list(NUMBER_CASES))
def test_sql_page_downloads_keep_numbers_and_negative_numbers_numbers(warehouse: Path, expr: str,
                                                                      number: float | None) -> None:
    """Numbers, negative ones too, are never prefixed in the CSV and are number cells in Excel."""
    sql = f"SELECT {expr} AS n, '-3' AS text_number"
    rows = _csv_cells(tables.query_file(sql, warehouse, "csv"))
    assert not rows[1][0].startswith("'") and float(rows[1][0]) == float(rows[1][0])
    assert rows[1][1] == "-3"  # a number written as text stays as it is
    sheet = openpyxl.load_workbook(io.BytesIO(tables.query_file(sql, warehouse, "xlsx"))).worksheets[0]
    cell = sheet.cell(row=2, column=1)
    if number is not None:
        assert cell.data_type == "n" and cell.value == pytest.approx(number), (cell.data_type, cell.value)
        assert float(rows[1][0]) == pytest.approx(number)
    else:  # beyond Excel's 15 digits: text, never a formula
        assert cell.data_type == "s" and cell.value == "-9007199254740993"


# --- a formula after a ";" or a tab in a cell: a reader splitting there starts a cell (hqa36 ruling 2) ---

SEPARATOR_CASES = {
    "semicolon equals": ('Acme;=HYPERLINK("http://x.example","go")', 'Acme;\'=HYPERLINK("http://x.example","go")'),
    "semicolon plus": ("Berlin;+1+1", "Berlin;'+1+1"),
    "semicolon minus": ("Remote;-2+3", "Remote;'-2+3"),
    "semicolon at": ("Data;@SUM(1+1)", "Data;'@SUM(1+1)"),
    "after spaces": ("Acme;   =1+1", "Acme;'   =1+1"),
    "after a double quote": ('Acme;"=1+1', 'Acme;\'"=1+1'),
    "two parts": ("a;=1;b;+A2", "a;'=1;b;'+A2"),
    "at the start and after": ("=1;=2", "'=1;'=2"),
    "tab": ("Acme\t=1+1", "Acme\t'=1+1"),
    "semicolon then tab": ("Acme;\t=1", "Acme;'\t'=1"),
    "full-width equals": ("Acme;\uff1d1+1", "Acme;'\uff1d1+1"),
}
SEPARATOR_KEPT = ["1;-2", "1;+2.5", "3;-4;5", "a;b", "C++;C#", "Python; SQL", "x;y = z", "-5", "-1.5",
                  "1\t-2"]


def _parts_safe(cell: str) -> bool:
    """No part of ``cell`` a reader splitting at ";" or tab would make a cell reads as a formula."""
    parts = [p for chunk in cell.split(";") for p in [chunk, *chunk.split("\t")[1:]]]
    return all(tables._cell_safe(p) == p for p in parts[1:])


@pytest.mark.parametrize(("value", "expected"), list(SEPARATOR_CASES.values()), ids=list(SEPARATOR_CASES))
def test_a_formula_after_a_semicolon_or_tab_is_neutralised_in_every_csv_path(warehouse: Path, value: str,
                                                                           expected: str) -> None:
    """German and French Excel read a CSV with ";" as separator: ``Acme;=HYPERLINK(...)`` went out bare
    and became a cell starting with ``=``. Each part after a ";" or tab now gets its ``'``, the same in
    the charts' CSV, the Arrow path and the SQL page's file (the DuckDB path), the column name too."""
    assert tables.formula_safe(value) == expected
    assert tables.formula_safe(expected) == expected  # once is enough
    assert _parts_safe(expected)
    frame = pd.DataFrame({"n": [-3], "v": [value]})
    assert _csv_cells(tables.to_csv(frame))[1] == ["-3", expected]
    arrow = tables.neutralise_arrow(pa.Table.from_pandas(frame, preserve_index=False))
    assert arrow.column("v").to_pylist() == [expected]
    name = value.replace('"', '""')
    sql = f"SELECT -3 AS n, '{value.replace(chr(39), chr(39) * 2)}' AS v, 1 AS \"{name}\""
    rows = _csv_cells(tables.query_file(sql, warehouse, "csv"))
    assert rows == [["n", "v", expected], ["-3", expected, "1"]]


@pytest.mark.parametrize("value", SEPARATOR_KEPT)
def test_numbers_after_a_semicolon_and_plain_text_stay_as_they_are(warehouse: Path, value: str) -> None:
    """``1;-2`` is two numbers to a reader splitting at ";" and text to the others: never prefixed."""
    assert tables.formula_safe(value) == value
    frame = pd.DataFrame({"v": [value]})
    assert _csv_cells(tables.to_csv(frame))[1] == [value]
    arrow = tables.neutralise_arrow(pa.Table.from_pandas(frame, preserve_index=False))
    assert arrow.column("v").to_pylist() == [value]
    sql = f"SELECT '{value}' AS v, -4 AS n"
    assert _csv_cells(tables.query_file(sql, warehouse, "csv"))[1] == [value, "-4"]
