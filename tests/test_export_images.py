"""Chart images opened and read back: PNG signature and pixel size, SVG text, HTML content;
and the clear message when no browser is found."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from export_charts import charts, needs_browser
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.export import images, render

if TYPE_CHECKING:
    from playwright.sync_api import BrowserContext
from analytics.export.meta import ChartExport


@pytest.fixture
def wh(request: pytest.FixtureRequest) -> Path:
    """The tiny warehouse's path (the tiny_db fixture, asked for by name)."""
    return request.getfixturevalue("tiny_db")


@pytest.fixture
def top(wh: Path) -> ChartExport:
    return charts(wh)[1][0]


@needs_browser
def test_png_is_a_png_at_twice_the_figure_size(top: ChartExport) -> None:
    data = images.to_png(top.figure, top.meta)
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    prepared = images.prepare(top.figure, top.meta)
    assert images.png_size(data) == (2 * prepared.layout.width, 2 * prepared.layout.height)
    assert prepared.layout.width == images.DEFAULT_WIDTH
    assert prepared.layout.height > top.figure.layout.height  # the caption band is added below the plot
    assert top.figure.layout.width is None  # the app's figure is not changed


@needs_browser
def test_svg_parses_and_holds_the_title_and_caption(top: ChartExport) -> None:
    root = ET.fromstring(images.to_svg(top.figure, top.meta))
    assert root.tag.endswith("svg")
    text = " ".join(t for t in root.itertext())
    assert top.meta.title in text
    assert f"n = {top.meta.n:,} postings" in text
    assert top.meta.as_of is not None and top.meta.as_of.isoformat() in text


@needs_browser
def test_the_browser_stays_open_between_images(top: ChartExport) -> None:
    images.to_png(top.figure, top.meta)
    thread = render._renderer._thread
    images.to_svg(top.figure, top.meta)
    assert thread is not None and render._renderer._thread is thread


def test_html_is_self_contained_and_says_what_it_shows(top: ChartExport) -> None:
    page = images.to_html(top.figure, top.meta).decode("utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert f"<title>{top.meta.title}</title>" in page
    assert not re.search(r"<script[^>]+src=[\"']https?://", page)  # plotly.js is inline, no CDN
    assert "Plotly.newPlot" in page and len(page) > 1_000_000
    assert top.meta.as_of is not None
    for part in (top.meta.filters_text, f"n = {top.meta.n:,} postings", top.meta.as_of.isoformat(),
                 *top.meta.sources):
        assert part in page
    assert "FROM posting_skills" in page or "FROM rollup_skill_month" in page  # the SQL, escaped


def test_html_names_its_chart_once_and_states_its_caption_as_text(top: ChartExport) -> None:
    """QA rounds twenty and twenty-one, the interactive HTML opened in Chromium: "Top skills" stood as the
    page's heading and again as the figure's title, and the caption twice, the copy inside the figure cut at
    the window's left edge ("ers: all dates ...": its place was worked out for a fixed width the page's
    responsive figure does not keep). The heading and the caption are the page's text; the figure carries
    neither."""
    page = images.to_html(top.figure, top.meta, plotlyjs=False).decode("utf-8")
    assert page.count(f"<h1>{top.meta.title}</h1>") == 1
    assert f'"text":"{top.meta.title}"' not in page  # no figure title
    assert '"annotations"' not in page  # no caption band inside the figure
    assert '<p class="caption">' in page and f"n = {top.meta.n:,} postings" in page


@pytest.fixture
def no_browser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    render.close()  # an open browser would still draw; the lookup happens at start
    missing = str(tmp_path / "no-such-chromium")
    monkeypatch.setenv("BROWSER_PATH", missing)
    yield missing
    render.close()


def test_without_a_browser_images_say_so_and_html_still_works(top: ChartExport, no_browser: str) -> None:
    assert not images.browser_available()
    for make in (images.to_png, images.to_svg):
        with pytest.raises(images.ExportUnavailable) as err:
            make(top.figure, top.meta)
        message = str(err.value)
        assert "Chrome or Chromium" in message and no_browser in message
        assert "CSV, Excel, Parquet and interactive HTML downloads still work" in message
        assert "\n" not in message
    assert images.to_html(top.figure, top.meta).startswith(b"<!DOCTYPE html>")


@needs_browser
def test_slanted_category_labels_leave_room_for_the_axis_title_and_caption() -> None:
    """Seen on an exported PNG (Work arrangement by area, real samples): country names slanted under the
    bars pushed the x-axis title ("Country") down onto the caption band. Drawn in Chromium from the SVG
    export, the tick labels, the axis title and the caption's first line must not overlap."""
    from datetime import date

    import plotly.graph_objects as go
    from playwright.sync_api import sync_playwright

    from analytics.export.meta import ExportMeta

    names = ["United States", "Poland", "India", "Germany", "United Kingdom", "Canada", "Brazil",
             "Argentina", "Spain", "Netherlands", "Switzerland", "China"]
    fig = go.Figure([go.Bar(x=names, y=[25] * len(names), name=arrangement)
                     for arrangement in ("remote", "hybrid", "onsite", "not stated")])  # a legend beside it
    fig.update_layout(barmode="stack", height=380, xaxis_title="Country", yaxis_title="Share of postings")
    meta = ExportMeta(title="Work arrangement by area", filters_text="all dates " * 12, n=1387,
                      as_of=date(2026, 3, 16), sources=("hackernews", "jobspy", "linkedin"))
    svg = images.to_svg(fig, meta).decode("utf-8")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=render.browser_path() or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.set_content(f"<body style='margin:0'>{svg}</body>")
            boxes = page.evaluate("""() => {
              const box = s => [...document.querySelectorAll(s)].map(e => e.getBoundingClientRect())
                .map(r => ({top: r.top, bottom: r.bottom}));
              return {ticks: box('.xtick text'), title: box('.g-xtitle text'),
                      caption: box('.annotation')}; }""")
        finally:
            browser.close()
    assert boxes["ticks"] and boxes["title"] and boxes["caption"], boxes
    ticks_bottom = max(b["bottom"] for b in boxes["ticks"])
    title, caption = boxes["title"][0], boxes["caption"][0]
    assert ticks_bottom <= title["top"] + 1, (ticks_bottom, title)  # the title under the slanted names
    assert title["bottom"] <= caption["top"] + 1, (title, caption)  # and the caption under the title


def test_an_exported_map_draws_its_outlines_without_internet(tmp_path: Path) -> None:
    """An interactive HTML map (a chart's HTML download, the report's zip) asked cdn.plot.ly for the country
    and US state outlines when opened, so offline it drew no countries. Opened from the disk in Chromium,
    both maps draw their outlines and the page asks no host at all."""
    from datetime import date

    import pandas as pd
    from playwright.sync_api import sync_playwright

    from analytics.export.meta import ExportMeta
    from analytics.figures import regions

    meta = ExportMeta(title="Invented map", filters_text="all dates", n=120, as_of=date(2026, 3, 16),
                      sources=("invented",))
    row = {"postings": 60, "median_salary_usd": 150_000.0, "salary_n": 40, "share_remote": 0.5,
           "remote_n": 40}
    world = regions.world(pd.DataFrame([{**row, "country": "DE", "iso3": "DEU"},
                                        {**row, "country": "US", "iso3": "USA", "postings": 90}]))
    states = regions.states(pd.DataFrame([{**row, "state": "CA"}, {**row, "state": "NY", "postings": 80}]))
    files = []
    for name, fig in (("world", world), ("states", states)):
        files.append(tmp_path / f"{name}.html")
        files[-1].write_bytes(images.to_html(fig, meta))
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=render.browser_path() or "/usr/bin/chromium",
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            for file in files:
                context = browser.new_context()
                asked: list[str] = []
                _record(context, asked)
                page = context.new_page()
                page.goto(file.as_uri())
                areas = ".js-plotly-plot .choroplethlayer path"  # drawn once the outlines are there
                page.locator(areas).first.wait_for(state="attached", timeout=60_000)
                page.wait_for_timeout(500)
                drawn = page.evaluate(f"() => document.querySelectorAll({areas!r}).length")
                assert drawn >= 2, (file.name, drawn)
                assert all(u.startswith("file:") for u in asked), (file.name, [u for u in asked
                                                                             if not u.startswith("file:")])
                context.close()
        finally:
            browser.close()


def _record(context: BrowserContext, into: list[str]) -> None:
    context.on("request", lambda request: into.append(request.url))
