"""Exported charts with long, slanted category names under the plot (issue 15 point 7): read from the
rendered SVG in the real Chromium, the x tick labels, the x-axis title and the caption (filters, n,
as-of date, sources) must not overlap, all must lie inside the image, and the plot must keep its height.

Why: the export adds its caption in a band below the plot at a fixed height, while the tick labels take
whatever room their length and angle need (Plotly's automargin). With per-country names slanted at 30
or 90 degrees the labels ran over the caption and squeezed the plot; no test looked at the rendered
layout, only at the figure's dict and the image's size.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import pytest
from export_charts import needs_browser

from analytics import names
from analytics.export import images
from analytics.export.meta import ExportMeta
from analytics.figures import regions, theme

pytestmark = needs_browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
# long real country names (pycountry's), the per-country remote-share chart's x axis
LONG = ["US", "GB", "DE", "IN", "BR", "CA", "AE", "NL", "FR", "ES", "BA", "CD", "KN", "VC", "TT", "GS", "IO",
        "UM", "ST", "PM", "CF", "DO"]
MANY = [*LONG, "AG", "AQ", "BQ", "CC", "FM", "HM", "KP", "KR", "LA", "MF", "MK", "MP", "PS", "SJ", "SX", "TC",
        "TF", "VG", "VI", "WF", "ZA", "NZ", "PG", "SB", "TL", "CI", "GQ", "GW"]
META = ExportMeta(title="Remote share by country", n=2_200, as_of=date(2026, 11, 1),
                  filters_text="All postings; seniority: junior, mid, senior; all dates",
                  sources=("jobspy", "glassdoor", "greenhouse", "lever", "ashby"))

# every drawn x tick label, the x-axis title, the caption (the one annotation) and the plot area, as boxes
BOXES_JS = """() => {
  const svg = document.querySelector('svg'); const o = svg.getBoundingClientRect();
  const box = el => { const r = el.getBoundingClientRect();
    return [r.left - o.left, r.top - o.top, r.right - o.left, r.bottom - o.top].map(v => Math.round(v)); };
  const texts = sel => [...svg.querySelectorAll(sel)].filter(t => t.textContent.trim() && t.getBBox().width);
  return {
    size: [Math.round(o.width), Math.round(o.height)],
    ticks: texts('.xtick text').map(t => [t.textContent, box(t)]),
    title: texts('.g-xtitle text').map(box),
    caption: texts('.annotation-text').map(box),
    plot: [...svg.querySelectorAll('clipPath[id$="xyplot"] rect')].slice(0, 1).map(r =>
      ['x', 'y', 'width', 'height'].map(a => Number(r.getAttribute(a))))
      .map(([x, y, w, h]) => [x, y, x + w, y + h]),
  };
}"""


def _remote(codes: list[str]) -> Any:
    rows = [{"area": c, "remote": r, "share": s, "postings": 40, "area_total": 100}
            for c in codes for r, s in (("remote", .3), ("hybrid", .2), ("onsite", .4), ("not stated", .1))]
    return regions.remote(pd.DataFrame(rows), "country")


def _one_colour(codes: list[str]) -> Any:
    """Postings per country as one-colour bars (no legend: the names get the whole width)."""
    fig = go.Figure(go.Bar(x=[names.country_name(c) for c in codes], y=[40] * len(codes)))
    return theme.style(fig, x="Country", y="Postings")


def _drawn(page: Any, fig: Any, title: bool, js: str, tmp_path: Path) -> Any:
    """``js``'s measures of ``fig`` as the still export draws it (SVG, in the browser page)."""
    prepared = images.prepare(fig, META, title=title)
    svg = images.render(images.for_image(prepared.to_dict()), "svg", int(prepared.layout.width),
                        int(prepared.layout.height), 1)
    (tmp_path / "chart.svg").write_bytes(svg)  # kept for a person to look at
    page.set_content(f"<html><body style='margin:0'>{svg.decode('utf-8')}</body></html>")
    return page.evaluate(js)


def _overlap(a: list[int], b: list[int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


@pytest.fixture(scope="module")
def page() -> Any:
    if not CHROMIUM.exists():
        pytest.skip("no /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield browser.new_page()
        browser.close()


@pytest.mark.parametrize(("codes", "make"), [
    (LONG[:8], _remote), (LONG, _remote), (MANY, _remote),
    # 34 names in one colour: room enough for 30 degrees by their slots, yet Plotly stands them upright -
    # an estimate that left the angle to Plotly reserved half the room and the caption was drawn over them
    (MANY[:34], _one_colour),
], ids=["8 countries (flat)", "22 countries (slanted)", "50 countries (upright)", "34 countries, one colour"])
@pytest.mark.parametrize("title", [True, False], ids=["image", "slide"])
def test_slanted_category_names_leave_room_for_the_axis_title_and_caption(
        page: Any, codes: list[str], make: Any, title: bool, tmp_path: Path) -> None:
    fig = make(codes)
    got = _drawn(page, fig, title, BOXES_JS, tmp_path)
    w, h = got["size"]
    ticks, (axis_title,), (caption,), (plot,) = got["ticks"], got["title"], got["caption"], got["plot"]
    assert len(ticks) == len(codes)
    assert all(label != "" for label, _ in ticks)
    for label, b in ticks:
        assert not _overlap(b, axis_title), f"tick label {label!r} {b} runs into the axis title {axis_title}"
        assert not _overlap(b, caption), f"tick label {label!r} {b} runs into the caption {caption}"
        assert b[3] <= h and b[0] >= 0 and b[2] <= w, f"tick label {label!r} {b} leaves the {w}x{h} image"
    assert not _overlap(axis_title, caption), f"axis title {axis_title} and caption {caption} overlap"
    assert axis_title[1] >= max(b[3] for _, b in ticks), "the axis title sits above the tick labels' bottom"
    assert caption[1] >= axis_title[3] and caption[3] <= h, (caption, axis_title, h)
    # the labels take room of their own: the plot keeps (nearly) the height the chart asked for
    asked = fig.layout.height or images.DEFAULT_HEIGHT
    assert plot[3] - plot[1] >= 0.85 * asked - theme.FONT_SIZE * 4, plot


def test_an_exported_chart_with_small_sample_marks_says_what_they_mean() -> None:
    """Seen on the real samples (artifacts/qa/dl-chart.png): Top skills under source=glassdoor (7 postings)
    exported as PNG with every bar grey and hatched and nothing in the image saying why; the app says it in a
    caption the image leaves out. An image whose figure carries the small-sample marks explains them."""
    meta = ExportMeta(title="Top skills", filters_text="all dates", n=7, as_of=date(2026, 3, 16))
    fig = go.Figure(go.Bar(x=[0.7, 0.3], y=["Python", "Go"], orientation="h"))
    theme.mark_bars(fig, [7, 7])
    plain = go.Figure(go.Bar(x=[0.7, 0.3], y=["Python", "Go"], orientation="h"))
    theme.mark_bars(plain, [70, 70])

    def text(f: go.Figure) -> str:
        texts = " ".join(str(a.text) for a in images.prepare(f, meta).layout.annotations)
        return " ".join(texts.replace("<br>", " ").split())  # the caption's wrapped lines as one

    assert f"fewer than {theme.MIN_N} postings" in text(fig)
    assert f"fewer than {theme.MIN_N} postings" not in text(plain)


Y_TITLE_JS = """() => {
  const svg = document.querySelector('svg'); const o = svg.getBoundingClientRect();
  const box = el => { const r = el.getBoundingClientRect();
    return [r.left - o.left, r.top - o.top, r.right - o.left, r.bottom - o.top].map(v => Math.round(v)); };
  const one = sel => [...svg.querySelectorAll(sel)].filter(t => t.textContent.trim()).map(box);
  return {size: [Math.round(o.width), Math.round(o.height)], ytitle: one('.g-ytitle text'),
          title: one('.g-gtitle text'), yticks: one('.ytick text')};
}"""


@pytest.mark.parametrize("title", [True, False], ids=["image", "slide"])
def test_a_long_value_axis_title_stays_inside_the_image_and_off_the_chart_s_title(
        page: Any, title: bool, tmp_path: Path) -> None:
    """QA round twenty-five, Salary by seniority under Germany exported at a desktop's width: the value axis's
    title "Median salary (USD per year); bars: 25th-75th percentile", taller than the plot, ran up into
    the chart's title in the PNG and was cut at "percenti" on the PDF page. It is drawn on two lines where
    one is taller than the plot (as the app does at a phone's width, ui.narrow), clear of the title and of
    the tick labels, inside the image."""
    from analytics.figures import salary

    df = pd.DataFrame({"group": ["junior", "senior", "staff", "principal", "manager", "unspecified"],
                       "n": [1, 3, 1, 1, 1, 13], "p10": [1e4] * 6, "p25": [2e4] * 6,
                       "median": [16_949, 87_571, 124_294, 121_469, 81_921, 76_264],
                       "p75": [9e4] * 6, "p90": [1e5] * 6, "enough": [False] * 6})
    fig = salary.distribution(df)
    got = _drawn(page, fig, title, Y_TITLE_JS, tmp_path)
    w, h = got["size"]
    ytitle = got["ytitle"]
    assert ytitle, got
    top, bottom = min(b[1] for b in ytitle), max(b[3] for b in ytitle)
    left, right = min(b[0] for b in ytitle), max(b[2] for b in ytitle)
    assert top >= 0 and bottom <= h and left >= 0, (ytitle, w, h)
    for b in got["title"]:
        assert not _overlap(b, [left, top, right, bottom]), f"axis title {ytitle} runs into the title {b}"
    for b in got["yticks"]:
        assert not _overlap(b, [left, top, right, bottom]), f"axis title {ytitle} runs into a tick label {b}"
