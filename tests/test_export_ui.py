"""The app's download buttons through AppTest (dashboard.py, the tiny warehouse).

Every chart and table of every page has its buttons under stable keys ({chart key}_{ext});
no file is made during the page view (Streamlit only registers the function: the proto
has a deferred file id and no URL); the bytes a button would deliver open in the tool
they are meant for and carry what they show (filters, n, as-of date, sources); without
a browser the image buttons say so and the data buttons remain; the page deck follows
the page's widgets. The functions behind the buttons are captured where Streamlit
registers them (MediaFileManager.add_deferred) and run as Streamlit would on a click.
"""

from __future__ import annotations

import io
import json
from collections.abc import Callable
from pathlib import Path

import openpyxl
import pandas as pd
import pyarrow.parquet as pq
import pytest
from export_charts import needs_browser
from page_tabs import every_tab
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from streamlit.runtime.media_file_manager import MediaFileManager
from streamlit.testing.v1 import AppTest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.export.tables import parquet_meta
from analytics.figures import SMALL_COLUMN, charts_of
from analytics.filters import Filters, describe
from analytics.pages import CHART_PAGES
from analytics.queries import skills
from ui.exports import downloads_key, page_downloads_key

PROJECT = Path(__file__).resolve().parents[1]
APP = str(PROJECT / "dashboard.py")
PAGES = tuple(p.slug for p in CHART_PAGES)
TABLE_EXTS = ("csv", "xlsx", "parquet")
IMAGE_EXTS = ("png", "svg")


@pytest.fixture
def made(monkeypatch: pytest.MonkeyPatch) -> dict[str, Callable[[], bytes]]:
    """Deferred file id -> the function a download button registered (what a click runs)."""
    out: dict[str, Callable[[], bytes]] = {}
    register = MediaFileManager.add_deferred

    def record(
        self: MediaFileManager, data_callable: Callable[[], bytes], *args: object, **kwargs: object
    ) -> str:
        file_id = register(self, data_callable, *args, **kwargs)  # type: ignore[arg-type]
        out[file_id] = data_callable
        return file_id

    monkeypatch.setattr(MediaFileManager, "add_deferred", record)
    return out


def _popovers(page: str) -> list[str]:
    """The session-state keys of the page's "Download" popovers: the page's own, then one per chart."""
    return [page_downloads_key(page)] + [downloads_key(d.key) for d in charts_of(page)]


def _open(page: str, query: dict[str, str] | None = None, downloads: bool = True) -> AppTest:
    """The page as a link opens it; ``downloads``: with every "Download" popover open, as a click opens
    one (its buttons are made only then)."""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query or {})
    if downloads:
        for key in _popovers(page):
            at.session_state[key] = True
    at.run().run()
    return at.switch_page(f"pages/{page}.py").run()


def _buttons(at: AppTest) -> dict[str, object]:
    return {str(b.key): b for b in at.get("download_button")}


def _chart_keys(at: AppTest) -> set[str]:
    return {el.proto.id.rsplit("-", 1)[-1] for el in at.get("plotly_chart")}


def _bytes(at: AppTest, made: dict[str, Callable[[], bytes]], key: str) -> bytes:
    proto = _buttons(at)[key].proto  # type: ignore[attr-defined]
    assert proto.deferred_file_id and not proto.url  # made on click, not during the page view
    data = made[proto.deferred_file_id]()
    return data.encode() if isinstance(data, str) else bytes(data)


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", PAGES)
def test_every_chart_and_table_has_its_buttons(page: str, made: dict[str, Callable[[], bytes]]) -> None:
    at = _open(page)
    buttons: dict[str, object] = {}
    drawn: set[str] = set()
    for view in every_tab(at, page):
        assert not view.exception and not view.error
        buttons |= _buttons(view)
        drawn |= _chart_keys(view)
    keys = {d.key for d in charts_of(page)}
    assert drawn and drawn <= keys  # the page draws its charts from analytics.figures, under their keys
    for key in keys:
        assert all(f"{key}_{ext}" in buttons for ext in TABLE_EXTS), key
        has_image = f"{key}_png" in buttons
        assert has_image == (key in drawn), key  # images exactly for the charts drawn (a browser is here)
        assert (f"{key}_html" in buttons) == (key in drawn) and (f"{key}_svg" in buttons) == has_image
    assert {f"{page}_page_pptx", f"{page}_page_pdf"} <= set(buttons)
    assert at.sidebar.get("download_button")[0].key == "dashboard_pptx"
    for b in at.get("download_button"):  # nothing was generated for the page view
        assert b.proto.deferred_file_id and not b.proto.url and b.proto.ignore_rerun, b.key
    assert set(made) >= {b.proto.deferred_file_id for b in at.get("download_button")}


@pytest.mark.usefixtures("tiny_db")
def test_a_page_view_makes_no_download_button_until_its_popover_is_opened() -> None:
    """A page's first view draws its "Download" popovers closed and empty: 15 download buttons per page,
    each a widget the browser builds, cost its first view in Chromium (docs/performance.md, page ready).
    Opened, a
    popover holds that chart's buttons only."""
    at = _open("skills", downloads=False)
    assert not at.exception and not at.error
    assert set(_buttons(at)) == {"dashboard_pptx"}  # the sidebar's one button, no popover
    at.session_state[downloads_key("sk_top")] = True  # as a click opens it
    at.run()
    assert set(_buttons(at)) == {"dashboard_pptx"} | {f"sk_top_{ext}" for ext in (*IMAGE_EXTS, "html",
                                                                                  *TABLE_EXTS)}
    at.session_state[page_downloads_key("skills")] = True
    at.run()
    assert {"skills_page_pptx", "skills_page_pdf"} <= set(_buttons(at))


def test_table_files_open_and_say_what_they_show(made: dict[str, Callable[[], bytes]],
                                                 request: pytest.FixtureRequest) -> None:
    db = request.getfixturevalue("tiny_db")
    at = _open("skills", {"country": "US"})
    f = Filters(country=("US",))
    expected = skills.top_skills(f, 20, db=db)
    csv = pd.read_csv(io.BytesIO(_bytes(at, made, "sk_top_csv")))
    assert list(csv.columns) == [*expected.df.columns, SMALL_COLUMN]  # the query's columns, then the flag
    assert dict(zip(csv["skill"], csv["postings"])) == dict(
        zip(expected.df["skill"], expected.df["postings"])
    )

    book = openpyxl.load_workbook(io.BytesIO(_bytes(at, made, "sk_top_xlsx")))
    assert book.sheetnames == ["Data", "About this data"]
    about = {row[0]: row[1] for row in book["About this data"].iter_rows(values_only=True)}
    assert about["Title"] == "Top skills" and about["Filters"] == describe(f)
    assert about["Postings (n)"] == f"{expected.n:,}" and about["SQL"] == expected.sql
    assert about["Data as of"].startswith("2025-") and about["Sources"]

    data = _bytes(at, made, "sk_top_parquet")
    assert len(pq.read_table(io.BytesIO(data))) == len(expected.df)
    assert parquet_meta(data)["filters_text"] == describe(f)

    html = _bytes(at, made, "sk_top_html").decode("utf-8")
    assert "<h1>Top skills</h1>" in html and f"n = {expected.n:,} postings" in html and "plotly" in html


@pytest.mark.usefixtures("tiny_db")
def test_without_a_browser_the_image_buttons_say_so(monkeypatch: pytest.MonkeyPatch, tmp_path: Path,
                                                    made: dict[str, Callable[[], bytes]]) -> None:
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chrome"))
    at = _open("skills")
    assert not at.exception and not at.error
    buttons = _buttons(at)
    drawn = _chart_keys(at)
    assert drawn
    for key in drawn:
        assert not any(f"{key}_{ext}" in buttons for ext in IMAGE_EXTS), key
        assert all(f"{key}_{ext}" in buttons for ext in ("html", *TABLE_EXTS)), key
    notes = [c.value for c in at.caption if "need Chrome or Chromium" in c.value]
    assert len(notes) >= len(drawn) and "no-such-chrome" in notes[0] and "CSV, Excel, Parquet" in notes[0]
    assert buttons["skills_page_pptx"].proto.disabled and buttons["skills_page_pdf"].proto.disabled  # type: ignore[attr-defined]
    assert buttons["dashboard_pptx"].proto.disabled  # type: ignore[attr-defined]
    pd.read_csv(io.BytesIO(_bytes(at, made, "sk_top_csv")))  # the data still downloads


@needs_browser
@pytest.mark.usefixtures("tiny_db")
def test_png_and_the_page_deck_follow_the_page(made: dict[str, Callable[[], bytes]]) -> None:
    at = _open("salary")
    at.radio(key="sa_by").set_value("country").run()
    png = _bytes(at, made, "sa_bands_png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n"
    deck = Presentation(io.BytesIO(_bytes(at, made, "salary_page_pptx")))
    slides = list(deck.slides)
    titles = [s.shapes.title.text for s in slides[1:]]
    drawable = [d for d in charts_of("salary") if d.build]
    assert len(slides) == 1 + len(drawable)
    assert "Salary by country" in titles  # the deck shows the page's choice, not the report's default
    pictures = [sum(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in s.shapes) for s in slides[1:]]
    assert pictures[0] == 1  # salary bands are drawn on the tiny warehouse
    assert "SELECT" in slides[1].notes_slide.notes_text_frame.text


@needs_browser
@pytest.mark.usefixtures("tiny_db")
def test_the_page_deck_keeps_a_closed_tabs_choice(made: dict[str, Callable[[], bytes]]) -> None:
    """Found on the real samples (issue 15): a choice made in a tab ("Distribution by country") went into
    the page's deck only while that tab was open; with another tab selected the deck drew the default."""
    at = _open("salary")
    at.radio(key="sa_by").set_value("country").run()
    at.session_state["sa_tabs"] = "By skill"  # another tab, as a click selects it
    at.run()
    assert not at.exception
    deck = Presentation(io.BytesIO(_bytes(at, made, "salary_page_pptx")))
    titles = [s.shapes.title.text for s in list(deck.slides)[1:]]
    assert "Salary by country" in titles and "Salary by seniority" not in titles


def test_report_and_page_share_definitions() -> None:
    """The report's widget defaults are the pages' (one definition): a page's choice changes the query."""
    from analytics.figures import Context, chart

    ctx = Context(f=Filters())
    assert chart("sa_dist").title_for(ctx) == "Salary by seniority"
    ctx.params["by"] = "region"
    assert chart("sa_dist").title_for(ctx) == "Salary by region"
    assert chart("sa_dist").query(ctx).args[1] == "region" and chart("sa_dist").drill_for(ctx) == ("region",)
    # the map also reads the window's width (QA round fifteen: its colour bar below the plot on a phone)
    assert json.dumps(sorted(chart("rg_world").uses)) == '["measure", "narrow"]'


def test_a_made_file_outlives_other_sessions_runs() -> None:
    """The file a click made stays fetchable while other sessions' runs end (tests/test_e2e_downloads.py
    shows the browser's side): the real manager and in-memory storage, the app's ui.exports loaded."""
    from streamlit.runtime.memory_media_file_storage import MemoryMediaFileStorage

    import ui.exports  # noqa: F401  (refers made files to their session)

    storage = MemoryMediaFileStorage("/media")
    manager = MediaFileManager(storage)
    placeholder = manager.add_deferred(lambda: b"skill,postings\npython,3\n", "text/csv", "1.(2.3).4",
                                       "top.csv")
    url = manager.execute_deferred(placeholder)
    made = url.rsplit("/", 1)[-1].removesuffix(".csv")
    for _ in range(3):  # the ends of other sessions' script runs: each collects unreferenced files
        manager.remove_orphaned_files()
    kept = manager.read_file(made)
    assert kept is not None and kept.content.startswith(b"skill")
    assert manager.execute_deferred(placeholder) == url  # a second click makes the file again
    manager.clear_session_refs()  # the session's next full run (or its end) lets the file go
    manager.remove_orphaned_files()
    manager.remove_orphaned_files()
    assert manager.read_file(made) is None


@pytest.mark.parametrize(("query", "small"), [({"country": "US"}, True), ({}, False)])
def test_chart_data_files_flag_the_rows_from_few_postings(made: dict[str, Callable[[], bytes]],
                                                          query: dict[str, str], small: bool,
                                                          request: pytest.FixtureRequest) -> None:
    """Seen on the real samples (QA, Brazil: 23 postings): a chart's CSV gave "share" 0.217 for Java with
    nothing saying it rests on 23 postings, which the page draws hatched grey. Each data file now ends with
    a fewer_than_30_postings column (the query's columns unchanged, in order); the Excel file's "About this
    data" sheet and the Parquet metadata carry the page's note. Tiny warehouse: 20 US postings, 40 in all."""
    request.getfixturevalue("tiny_db")
    at = _open("skills", query)
    csv = pd.read_csv(io.BytesIO(_bytes(at, made, "sk_top_csv")))
    assert list(csv.columns)[-1] == SMALL_COLUMN == "fewer_than_30_postings"
    assert csv[SMALL_COLUMN].tolist() == [small] * len(csv) and len(csv) > 1
    book = openpyxl.load_workbook(io.BytesIO(_bytes(at, made, "sk_top_xlsx")))
    head = [c.value for c in next(book["Data"].iter_rows(max_row=1))]
    assert head[-1] == SMALL_COLUMN
    about = {row[0]: row[1] for row in book["About this data"].iter_rows(values_only=True) if row[0]}
    assert ("Small samples" in about) is small
    if small:
        assert str(about["Small samples"]).startswith(f"{len(csv)} of {len(csv)} figures rest on fewer "
                                                      "than 30")
    table = pq.read_table(io.BytesIO(_bytes(at, made, "sk_top_parquet")))
    assert table.column_names[-1] == SMALL_COLUMN
    assert bool(parquet_meta(_bytes(at, made, "sk_top_parquet"))["small_note"]) is small


@needs_browser
@pytest.mark.usefixtures("tiny_db")
def test_the_page_deck_says_which_figures_rest_on_few_postings(made: dict[str, Callable[[], bytes]]) -> None:
    """Open item of the last QA, seen on the real samples (Brazil): the page says "20 of 20 figures rest on
    fewer than 30 postings" under Top skills, the deck's slide caption said only "n = 23 postings"."""
    at = _open("skills", {"country": "US"})
    note = next(str(c.value) for c in at.caption if "rest on fewer than 30 postings" in str(c.value))
    deck = Presentation(io.BytesIO(_bytes(at, made, "skills_page_pptx")))
    top = next(s for s in list(deck.slides)[1:] if s.shapes.title.text == "Top skills")
    texts = [sh.text_frame.text for sh in top.shapes if sh.has_text_frame and sh != top.shapes.title]
    assert any(note.rstrip(".") in t for t in texts), texts
