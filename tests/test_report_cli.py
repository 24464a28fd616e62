"""``python -m analytics report`` on the tiny warehouse: decks, PDFs and zips opened and read back;
bad arguments give exit 2 and one line on stderr."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from export_charts import needs_browser
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.figures import charts_of
from analytics.filters import Filters, describe
from analytics.queries import skills
from analytics.report import main

PROJECT = Path(__file__).resolve().parents[1]
US = Filters(country=("US",))


@pytest.fixture
def wh(request: pytest.FixtureRequest) -> Path:
    """The tiny warehouse's path (the tiny_db fixture, asked for by name)."""
    return request.getfixturevalue("tiny_db")


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "analytics", "report", *args], cwd=PROJECT, env=env,
                          capture_output=True, text=True, timeout=120)


@needs_browser
def test_pptx_has_the_pages_charts_pictures_and_sql(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "weekly.pptx"
    assert main(["--db", str(wh), "--out", str(out), "--pages", "skills,data", "--filter", "country=US"]) == 0
    slides = list(Presentation(io.BytesIO(out.read_bytes())).slides)
    skills_charts = [d for d in charts_of("skills") if d.build]
    data_charts = [d for d in charts_of("data") if d.build]
    assert len(slides) == 1 + 2 + len(skills_charts) + len(data_charts)
    cover = "\n".join(s.text_frame.text for s in slides[0].shapes if s.has_text_frame)
    assert describe(US) in cover
    assert slides[1].shapes.title.text == "Skills"
    assert slides[2].shapes.title.text == "Top skills"
    assert skills.top_skills(US, 20, db=wh).sql in slides[2].notes_slide.notes_text_frame.text  # same query
    assert slides[2 + len(skills_charts)].shapes.title.text == "Data"
    pictures = [sum(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in s.shapes) for s in slides]
    assert pictures[0] == 0 and pictures[1] == 0 and pictures[2] == 1
    assert all(p <= 1 for p in pictures) and sum(pictures) >= len(skills_charts)


@needs_browser
def test_pdf_has_a_cover_and_a_page_per_chart(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "skills.pdf"
    assert main(["--db", str(wh), "--out", str(out), "--pages", "skills"]) == 0
    data = out.read_bytes()
    assert data.startswith(b"%PDF-")
    pages = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    assert pages == 1 + len([d for d in charts_of("skills") if d.build])


def test_zip_holds_tables_and_manifest_even_without_a_browser(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "all.zip"
    env = {**os.environ, "BROWSER_PATH": str(tmp_path / "no-browser")}  # tables only: fast and deterministic
    done = _cli(
        "--db", str(wh), "--out", str(out), "--pages", "overview,skills", "--filter", "country=US", env=env
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith(f"wrote {out}")
    with zipfile.ZipFile(out) as zf:
        manifest = json.loads(zf.read("manifest.json"))
        assert manifest["filters"] == describe(US) and "Chrome or Chromium" in manifest["images_skipped"]
        assert [c["title"] for c in manifest["charts"]][:3] == ["Headline figures", "Postings per month",
                                                                "Top skills"]
        top = pd.read_csv(io.BytesIO(zf.read("skills/01-top-skills.csv")))
        expected = skills.top_skills(US, 20, db=wh).df
        assert list(top["skill"]) == list(expected["skill"])
        assert list(top["postings"]) == [int(v) for v in expected["postings"]]
        # the rows' small-sample flag after the query's columns (20 US postings: every share rests on few)
        assert list(top.columns) == [*expected.columns, "fewer_than_30_postings"]
        assert top["fewer_than_30_postings"].all()
        wb = openpyxl.load_workbook(io.BytesIO(zf.read("skills/01-top-skills.xlsx")))
        about = {r[0]: r[1] for r in wb["About this data"].iter_rows(values_only=True) if r[0]}
        assert about["Filters"] == describe(US)
        assert "overview/01-headline-figures.csv" in zf.namelist()  # a table-only item is in the zip
        page = zf.read("skills/01-top-skills.html").decode()
        assert 'src="../plotly.min.js"' in page and "plotly.min.js" in zf.namelist()


def test_pptx_without_a_browser_fails_with_one_line(wh: Path, tmp_path: Path) -> None:
    out = tmp_path / "x.pptx"
    done = _cli("--db", str(wh), "--out", str(out), "--pages", "skills",
                env={**os.environ, "BROWSER_PATH": str(tmp_path / "no-browser")})
    assert done.returncode == 1
    assert len(done.stderr.strip().splitlines()) == 1 and "Chrome or Chromium" in done.stderr
    assert not out.exists()


@pytest.mark.parametrize("argv", [
    ["--filter", "country"],
    ["--filter", "colour=red"],
    ["--filter", "date_from=yesterday"],
    ["--filter", "seniority=wizard"],
    ["--filter", "skills_mode=most"],
    ["--pages", "skills,nowhere"],
])
def test_bad_arguments_exit_2_with_one_line(argv: list[str], wh: Path, tmp_path: Path,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "x.zip"
    assert main(["--db", str(wh), "--out", str(out), *argv]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and err.startswith("error: ")
    assert not out.exists()


def test_bad_filter_from_the_shell(tmp_path: Path) -> None:
    done = _cli("--out", str(tmp_path / "x.zip"), "--filter", "nope=1")
    assert done.returncode == 2 and len(done.stderr.strip().splitlines()) == 1
    assert done.stderr.startswith("error: --filter 'nope=1': unknown key 'nope'")


def test_bad_suffix(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--out", str(tmp_path / "x.docx")]) == 2
    assert ".pptx, .pdf or .zip" in capsys.readouterr().err


def test_missing_warehouse_is_one_line_exit_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.duckdb"), "--out", str(tmp_path / "x.zip")]) == 1
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "no warehouse" in err


def test_repeated_list_filters_add_up(wh: Path, tmp_path: Path) -> None:
    from analytics.report import parse_filters

    f = parse_filters(["country=US", "country=GB", "seniority=all", "date_from=2025-02-01"])
    assert f.country == ("US", "GB") and f.seniority == () and str(f.date_from) == "2025-02-01"


def test_report_pages_are_the_apps_chart_pages_in_its_order() -> None:
    from analytics.pages import PAGES
    from analytics.report import PAGES as REPORT_PAGES
    from analytics.report import _pages

    assert list(REPORT_PAGES.items()) == [(p.slug, p.title) for p in PAGES if p.charts]
    # a deck in the app's order
    assert _pages("data,skills,overview,skills") == ["overview", "skills", "data"]


def test_every_chart_key_is_unique_and_found() -> None:
    from analytics.figures import chart
    from analytics.pages import CHART_PAGES

    keys = [d.key for page in CHART_PAGES for d in charts_of(page.slug)]
    assert len(keys) == len(set(keys))
    assert all(chart(k).key == k for k in keys)


def test_exports_of_a_table_the_filters_do_not_apply_to_say_what_n_counts(wh: Path) -> None:
    """QA on the real samples (whole-dashboard deck under Argentina): the slide of "Rejected rows by reason"
    said "Filters: ... country: Argentina · n = 154 postings", where the page says "n = 154 rejected records ·
    the sidebar's filters do not apply". Every export's caption and metadata now say what the page says."""
    from analytics.report import collect

    _, everything, _ = collect(["data"], US, wh)
    items = {c.meta.title: c.meta for s in everything for c in s.charts}
    reasons = items["Rejected rows by reason"]
    assert reasons.n > 0 and f"n = {reasons.n:,} rejected records" in reasons.caption
    assert "the sidebar's filters do not apply" in reasons.caption and "country" not in reasons.caption
    assert ("Rejected records (n)", f"{reasons.n:,}") in reasons.rows()
    sources = items["Source mix"]  # filtered, counting postings: as before
    assert f"n = {sources.n:,} postings" in sources.caption and describe(US) in sources.caption
    assert ("Postings (n)", f"{sources.n:,}") in sources.rows()
