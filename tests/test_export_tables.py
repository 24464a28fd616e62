"""Table exports and export metadata, opened and read back (no browser needed)."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from export_charts import charts
from tiny_warehouse import build, tiny_db, tiny_db_session  # noqa: F401

from analytics import db as _db
from analytics.export import build_meta, bundle, render, tables, warehouse_facts
from analytics.export.meta import ExportMeta, Section
from analytics.filters import Filters, describe
from analytics.queries import skills


@pytest.fixture
def wh(request: pytest.FixtureRequest) -> Path:
    """The tiny warehouse's path (the tiny_db fixture, asked for by name)."""
    return request.getfixturevalue("tiny_db")


def _top(db: Path, f: Filters | None = None):  # type: ignore[no-untyped-def]
    f = f or Filters()
    result = skills.top_skills(f, db=db)
    return result, build_meta("Most asked-for skills", result, f, warehouse_facts(f, db))


def test_meta_reads_the_warehouse_facts(wh: Path) -> None:
    f = Filters(source=("jobspy",))
    result, meta = _top(wh, f)
    con = duckdb.connect(str(_db.version(wh)), read_only=True)
    latest = con.execute("SELECT max(posted_date) FROM postings").fetchall()[0][0]
    published = con.execute("SELECT value FROM meta WHERE key = 'published_at'").fetchall()[0][0]
    con.close()
    assert meta.as_of == latest
    assert meta.published_at == published
    assert meta.sources == ("jobspy",)  # the sources under the filters, not all of them
    assert meta.n == result.n > 0
    assert meta.sql == result.sql
    for part in (describe(f), f"n = {result.n:,} postings", latest.isoformat(), "Sources: jobspy"):
        assert part in meta.caption
    assert not meta.is_demo and "synthetic" not in meta.caption


def test_meta_flags_demo_data(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    build(db, is_demo=True)
    try:
        _, meta = _top(db)
    finally:
        _db.close_all()
    assert meta.is_demo
    assert "synthetic demo data" in meta.caption
    assert any(k == "Demo data" for k, _ in meta.rows())


def test_csv_is_plain_utf8_with_the_rows(wh: Path) -> None:
    result, _ = _top(wh)
    data = tables.to_csv(result.df)
    assert not data.startswith(b"\xef\xbb\xbf")  # no BOM
    back = pd.read_csv(io.BytesIO(data))
    assert list(back.columns) == list(result.df.columns)
    assert len(back) == len(result.df)
    assert list(back["skill"]) == list(result.df["skill"])
    assert list(back["postings"]) == [int(v) for v in result.df["postings"]]


def test_excel_has_formatted_data_and_the_metadata_sheet(wh: Path) -> None:
    result, meta = _top(wh)
    wb = openpyxl.load_workbook(io.BytesIO(tables.to_excel(result.df, meta)))
    assert wb.sheetnames == [tables.DATA_SHEET, tables.ABOUT_SHEET]
    data = wb[tables.DATA_SHEET]
    rows = list(data.iter_rows(values_only=True))
    assert list(rows[0]) == list(result.df.columns)
    assert len(rows) == len(result.df) + 1
    first = dict(zip(rows[0], rows[1]))
    assert first["skill"] == result.df["skill"].iloc[0]
    assert first["postings"] == int(result.df["postings"].iloc[0])
    assert abs(first["share"] - float(result.df["share"].iloc[0])) < 1e-12
    assert data.freeze_panes == "A2"
    col = {name: i + 1 for i, name in enumerate(rows[0])}
    assert data.cell(2, col["postings"]).number_format == "#,##0"
    assert data.cell(2, col["share"]).number_format == "0.0%"
    about = {r[0]: r[1] for r in wb[tables.ABOUT_SHEET].iter_rows(values_only=True) if r[0]}
    assert about["Title"] == "Most asked-for skills"
    assert about["Filters"] == meta.filters_text
    assert about["Postings (n)"] == f"{result.n:,}"
    assert about["Data as of"].startswith(meta.as_of.isoformat())
    assert about["Sources"] == ", ".join(meta.sources)
    assert about["SQL"] == result.sql
    assert about["Rows"] == len(result.df)


def test_parquet_keeps_types_and_carries_the_metadata(wh: Path) -> None:
    result, meta = _top(wh)
    data = tables.to_parquet(result.df, meta)
    table = pq.read_table(io.BytesIO(data))
    assert table.num_rows == len(result.df)
    assert table.column_names == list(result.df.columns)
    assert table.column("postings").to_pylist() == [int(v) for v in result.df["postings"]]
    stored = tables.parquet_meta(data)
    assert stored["title"] == meta.title and stored["n"] == result.n and stored["sql"] == result.sql
    assert stored["as_of"] == meta.as_of.isoformat() and stored["caption"] == meta.caption


def test_accents_timezones_and_empty_frames_survive_every_format() -> None:
    meta = ExportMeta(title="Cities", filters_text="all dates", n=2, as_of=None)
    df = pd.DataFrame({"city": ["Zürich", "São Paulo"], "at": pd.to_datetime(
        [datetime(2025, 1, 1, 12, tzinfo=UTC), datetime(2025, 2, 1, 12, tzinfo=UTC)])})
    assert "Zürich" in tables.to_csv(df).decode("utf-8")
    wb = openpyxl.load_workbook(io.BytesIO(tables.to_excel(df, meta)))
    assert wb[tables.DATA_SHEET]["A2"].value == "Zürich"
    assert wb[tables.DATA_SHEET]["B3"].value == datetime(2025, 2, 1, 12)
    assert pq.read_table(io.BytesIO(tables.to_parquet(df, meta))).column("city").to_pylist() == ["Zürich",
                                                                                                  "São Paulo"]
    empty = df.iloc[0:0]
    wb = openpyxl.load_workbook(io.BytesIO(tables.to_excel(empty, meta)))
    assert wb.sheetnames == [tables.DATA_SHEET, tables.ABOUT_SHEET]
    assert [c.value for c in wb[tables.DATA_SHEET][1]] == ["city", "at"]
    assert pq.read_table(io.BytesIO(tables.to_parquet(empty, meta))).num_rows == 0


def test_bundle_without_a_browser_keeps_tables_and_html_and_says_why(
    wh: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    render.close()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    cover, items = charts(wh)
    with zipfile.ZipFile(io.BytesIO(bundle.build(cover, [Section("Skills", tuple(items))]))) as zf:
        names = set(zf.namelist())
        manifest = json.loads(zf.read(bundle.MANIFEST))
        assert "Chrome or Chromium" in manifest["images_skipped"]
        assert not any(n.endswith((".png", ".svg")) for n in names)
        assert {"01-most-asked-for-skills.csv", "01-most-asked-for-skills.xlsx",
                "01-most-asked-for-skills.parquet", "01-most-asked-for-skills.html"} <= names
        assert [c["title"] for c in manifest["charts"]] == [c.meta.title for c in items]
        back = pd.read_csv(io.BytesIO(zf.read("01-most-asked-for-skills.csv")))
        assert len(back) == len(items[0].data)
