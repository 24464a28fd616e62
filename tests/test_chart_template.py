"""Every chart carries our own Plotly template and is drawn with Streamlit's chart theme off.

Why: Streamlit's theme (st.plotly_chart's default theme="streamlit") restyles a chart in the browser from
Streamlit's own colours, so the app, the report and the exports differed. Drawn with theme=None, a chart
is styled by what the server sends alone, so the figure must carry the styling:
analytics.figures.theme.TEMPLATE (axes that make room for their labels, the app's font, colours that
read on the page). Plotly Express takes its colours from the process's default template - Streamlit's,
whose colours are placeholders its theme replaces in the browser - so a figure built without ours drew
in stand-in colours.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import plotly.io as pio
import pytest
from page_tabs import every_tab
from streamlit.testing.v1 import AppTest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

import ui.chart
from analytics.figures import page_charts, theme
from analytics.filters import Filters
from analytics.pages import CHART_PAGES

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")
# Streamlit's theme colours ("#000001".."#000040"), replaced in the browser only under theme="streamlit"
PLACEHOLDER = re.compile(r'"#0000[0-4][0-9]"')


def _template(spec: dict[str, Any]) -> dict[str, Any]:
    return dict(spec.get("layout", {}).get("template", {}))


def _plain(obj: Any) -> Any:
    return json.loads(pio.json.to_json_plotly(obj))


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", [p.slug for p in CHART_PAGES])
def test_every_figure_a_page_makes_carries_our_template(page: str) -> None:
    """The builders themselves (the app, the report and the exports draw from them)."""
    import streamlit  # noqa: F401  (sets Plotly's default template to Streamlit's, as in the app)

    made = [c for c in page_charts(page, Filters()) if c.figure is not None]
    assert made, page
    for chart in made:
        spec = _plain(chart.figure)
        assert _template(spec) == _plain(theme.TEMPLATE), chart.defn.key
        text = json.dumps(spec)
        assert not PLACEHOLDER.search(text), (chart.defn.key, PLACEHOLDER.findall(text))


def _every_tab(page: str) -> Iterator[AppTest]:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run().run()
    yield from every_tab(at.switch_page(f"pages/{page}.py").run(), page)


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", [p.slug for p in CHART_PAGES])
def test_every_chart_a_page_draws_is_ours_with_streamlit_s_theme_off(page: str) -> None:
    """Sent with our template written in (ui.chart.drawn, theme.bake; the next test shows Plotly draws it
    as from the template): the template's font, hover box and axes, and no template object."""
    drawn = 0
    tpl = _plain(theme.TEMPLATE)["layout"]
    for at in _every_tab(page):
        assert not at.exception and not at.error
        for el in at.get("plotly_chart"):
            assert el.proto.theme == "", el.proto.id  # theme=None: the browser applies nothing
            # no camera button: it saved "plot-image.png" without the filters, n and notes (QA round
            # seventeen); the Download menu's PNG carries them
            assert "toImage" in json.loads(el.proto.config).get("modeBarButtonsToRemove", []), el.proto.id
            layout = json.loads(el.proto.spec)["layout"]
            assert "template" not in layout, el.proto.id
            assert layout["font"] == tpl["font"] and layout["hoverlabel"] == tpl["hoverlabel"], el.proto.id
            for axis in [k for k in layout if re.fullmatch(r"[xy]axis\d*", k)]:  # light: AppTest has no theme
                assert layout[axis]["automargin"] is True
                assert layout[axis]["tickfont"] == tpl["xaxis"]["tickfont"]
            drawn += 1
    assert drawn


def test_a_dark_page_gets_the_dark_template_and_nothing_else_changes() -> None:
    fig = theme.style(theme.go.Figure(theme.go.Bar(x=["a"], y=[1])), x="X", y="Y")
    light, dark = ui.chart.drawn(fig).to_dict(), ui.chart.drawn(fig, dark=True).to_dict()
    assert {k: v for k, v in light["layout"].items() if k != "datarevision"} == \
        theme.bake(_plain(fig), _plain(theme.TEMPLATE))["layout"]
    assert {k: v for k, v in dark["layout"].items() if k != "datarevision"} == \
        theme.bake(_plain(fig), _plain(theme.DARK_TEMPLATE))["layout"]
    assert dark["data"] == light["data"]
    assert dark["layout"]["font"]["color"] == theme.DARK.text
    assert light["layout"]["font"]["color"] == theme.LIGHT.text


def test_the_template_makes_room_for_labels_and_reads_on_both_backgrounds() -> None:
    for tpl, page in ((theme.TEMPLATE, "#FFFFFF"), (theme.DARK_TEMPLATE, "#0E1117")):
        lay = tpl.layout
        assert lay.xaxis.automargin and lay.yaxis.automargin  # tick labels and titles never cut
        for colour in (lay.font.color, lay.xaxis.tickfont.color, lay.hoverlabel.font.color):
            assert _contrast(colour, page) >= 4.5, (colour, page)  # WCAG AA for small text
        assert lay.hoverlabel.bgcolor == page


def _contrast(a: str, b: str) -> float:
    def lum(hex_colour: str) -> float:
        rgb = [int(hex_colour[i:i + 2], 16) / 255 for i in (1, 3, 5)]
        lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb]
        return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]

    hi, lo = sorted((lum(a), lum(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


TOPOJSON = Path(__file__).resolve().parents[1] / "static" / "topojson"
PLOTLY_JS = Path(pio.__file__).resolve().parents[1] / "package_data" / "plotly.min.js"
# Both figures plotted by Plotly itself; what it drew from them (its full layout and traces, every default
# filled in), without its own bookkeeping ("_" keys, trace ids) and the template object itself.
FULL_JS = """async figs => {
  const clean = o => JSON.parse(JSON.stringify(o, (k, v) =>
    k.startsWith('_') || ['uid', 'template', 'datarevision'].includes(k) || typeof v === 'function'
    ? undefined
    : ArrayBuffer.isView(v) ? Array.from(v) : v));
  const out = [];
  for (const fig of figs) {
    const div = document.createElement('div'); div.style.width = '900px'; document.body.appendChild(div);
    await Plotly.newPlot(div, fig.data, fig.layout, {});
    out.push({layout: clean(div._fullLayout), data: div._fullData.map(clean)});
    Plotly.purge(div); div.remove();
  }
  return out;
}"""


@pytest.mark.browser
@pytest.mark.usefixtures("tiny_db")
def test_a_chart_with_its_template_written_in_is_the_chart_plotly_draws_from_the_template() -> None:
    """ui.chart.drawn sends each figure with our template written into it (theme.bake: so that Streamlit's
    copy of the figure does not make Plotly draw it twice). Plotly must draw every chart of every page from
    it exactly as from the figure with its template, on a light and a dark page."""
    from playwright.sync_api import sync_playwright

    from analytics.export.render import browser_path

    figures = [c.figure for page in CHART_PAGES for c in page_charts(page.slug, Filters())
               if c.figure is not None]
    assert len(figures) > 10
    pairs = []
    for fig in figures:
        for dark, tpl in ((False, theme.TEMPLATE), (True, theme.DARK_TEMPLATE)):
            templated = _plain(fig)
            templated["layout"]["template"] = _plain(tpl)
            baked = _plain(ui.chart.drawn(fig, dark=dark))
            assert "template" not in baked["layout"]
            pairs += [templated, baked]
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(browser_path()),
                                    args=["--no-sandbox", "--disable-gpu"])
        try:
            page = browser.new_page()
            page.route("https://cdn.plot.ly/un/*", lambda route: route.fulfill(  # maps, as the app has them
                path=str(TOPOJSON / route.request.url.rsplit("/", 1)[-1])))
            page.set_content("<html><body></body></html>")
            page.add_script_tag(path=str(PLOTLY_JS))
            full = page.evaluate(FULL_JS, pairs)
        finally:
            browser.close()
    differ = [(i // 2, path) for i in range(0, len(full), 2) for path in _differences(full[i], full[i + 1])]
    assert not differ, differ[:20]


def _differences(a: Any, b: Any, path: str = "") -> list[str]:
    """Where two JSON values differ ("layout.xaxis.showline: False != True")."""
    if isinstance(a, dict) and isinstance(b, dict):
        return [d for k in sorted(set(a) | set(b)) for d in _differences(a.get(k), b.get(k), f"{path}.{k}")]
    if isinstance(a, list) and isinstance(b, list) and len(a) == len(b):
        return [d for i, (x, y) in enumerate(zip(a, b)) for d in _differences(x, y, f"{path}[{i}]")]
    return [] if a == b else [f"{path}: {str(a)[:50]} != {str(b)[:50]}"]


def _style_through_plotly(fig: Any, *, x: str | None = None, y: str | None = None, height: int = 380) -> Any:
    """theme.style as it was written through Plotly's setters (the reference the fast one must equal)."""
    fig.update_layout(
        template=theme.TEMPLATE, paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10}, separators=".,", legend_title_text="",
        uniformtext={"minsize": 11, "mode": "show"},
    )
    if x is not None:
        fig.update_xaxes(title_text=x)
    if y is not None:
        fig.update_yaxes(title_text=y)
    return fig


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", [p.slug for p in CHART_PAGES])
def test_style_leaves_every_chart_as_plotly_s_setters_did(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """theme.style writes into the figure's layout itself (issue 12: Plotly copied and validated the template
    on every figure, 8 ms of a 12 ms build): every chart's JSON, keys in the same order, is what the setters
    made, and the figure still reads and updates through Plotly as before."""
    fast = [c.figure for c in page_charts(page, Filters()) if c.figure is not None]
    monkeypatch.setattr(theme, "style", _style_through_plotly)
    slow = [c.figure for c in page_charts(page, Filters()) if c.figure is not None]
    assert fast and len(fast) == len(slow)
    for a, b in zip(fast, slow, strict=True):
        assert a.to_json() == b.to_json()
        assert a.layout.template == b.layout.template
        assert a.layout.xaxis.title.text == b.layout.xaxis.title.text
        a.update_layout(paper_bgcolor="white")  # an export's change (analytics.export.images) still applies
        assert a.to_dict()["layout"]["paper_bgcolor"] == "white"


def _odd_figures() -> list[Any]:
    from plotly.subplots import make_subplots

    go = theme.go
    pair = make_subplots(rows=1, cols=2)
    pair.add_bar(x=["a"], y=[1], row=1, col=1)
    pair.add_scatter(x=[1, 2], y=[3, 4], row=1, col=2)
    set_before = go.Figure(go.Bar(x=["a", "b"], y=[1, 2]))
    set_before.update_layout(margin={"pad": 4, "l": 99}, legend={"x": 0.5, "title": {"font": {"size": 9}}},
                             template="plotly_white", xaxis_title_text="old",
                             yaxis={"title": {"standoff": 3}})
    assert set_before.layout.template.layout.font.size is None  # a child object Plotly made and keeps
    return [pair, set_before, go.Figure(go.Choropleth(locations=["FRA"], z=[1])),
            go.Figure(go.Pie(values=[1]))]


@pytest.mark.parametrize("x, y", [("X", "Y"), ("", None), (None, "")])
def test_style_equals_plotly_s_setters_on_subplots_maps_and_set_layouts(x: str | None, y: str | None) -> None:
    for fast, slow in zip(_odd_figures(), _odd_figures(), strict=True):
        theme.style(fast, x=x, y=y, height=300)
        _style_through_plotly(slow, x=x, y=y, height=300)
        assert fast.to_json() == slow.to_json()
        assert fast.layout.template.layout.font.size == theme.FONT_SIZE  # a kept child reads the new template


def test_style_does_not_copy_and_validate_the_template_object(monkeypatch: pytest.MonkeyPatch) -> None:
    """Setting TEMPLATE through Plotly built a new Template from it (copied and validated: most of a chart's
    build); style writes a plain copy of its JSON instead."""
    made: list[int] = []
    real = theme.go.layout.Template.__init__

    def counting(self: Any, *args: Any, **kwargs: Any) -> None:
        made.append(1)
        real(self, *args, **kwargs)

    fig = theme.go.Figure(theme.go.Bar(x=["a"], y=[1]))
    monkeypatch.setattr(theme.go.layout.Template, "__init__", counting)
    theme.style(fig, x="X", y="Y")
    assert not made, f"{len(made)} Template objects made to set our template"
