"""What a chart's place says while the browser still draws it (ui/loading.py; issue 12).

The browser side (a new browser with Plotly's code and the map outlines held back) is in
tests/test_e2e.py::test_a_map_still_loading_in_a_new_browser_says_it_is_being_drawn; here the rules themselves
and that every page sends them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.figures import page_charts
from analytics.filters import Filters
from analytics.pages import CHART_PAGES
from ui import loading

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


@pytest.mark.usefixtures("tiny_db")
def test_the_charts_named_as_maps_are_the_charts_drawn_as_maps() -> None:
    """A map's line names the map and its outlines: a new map left out of MAPS would say "chart"."""
    figures = {c.defn.key: c.figure for page in CHART_PAGES for c in page_charts(page.slug, Filters())
               if c.figure is not None}
    drawn_as_maps = {key for key, fig in figures.items()
                     if any(t.type in ("choropleth", "scattergeo") for t in fig.data)}
    assert drawn_as_maps == set(loading.MAPS)


def test_the_rules_say_what_is_loading_and_fetch_nothing() -> None:
    css = loading.css()
    assert f"content: '{loading.CHART_TEXT}'" in css and f"content: '{loading.MAP_TEXT}'" in css
    for key in loading.MAPS:
        assert f".st-key-{key}.stPrintGraphic:has(> [data-testid=\"stSkeleton\"])::after" in css
    assert "animation: chart-drawing" in css and "@keyframes chart-drawing" in css
    assert "url(" not in css and "@import" not in css  # everything offline
    assert "'" not in loading.CHART_TEXT + loading.MAP_TEXT  # quoted in CSS strings


@pytest.mark.usefixtures("tiny_db")
def test_every_page_sends_the_rules_once_without_a_visible_element() -> None:
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    styles = [m.value for m in at.markdown if "@keyframes chart-drawing" in m.value]
    assert len(styles) == 1 and styles[0].startswith("<style>"), styles
    assert at.markdown[0].value == styles[0]  # first: before any chart, and hidden by its own first rule
    assert ':has(> [data-testid="stMarkdown"] style) {display: none;}' in styles[0]


def test_the_narrow_legend_script_is_hidden_and_fetches_nothing() -> None:
    """ui/narrow.py's script (QA round eleven): its element takes no room (a rule here hides it), it names
    Streamlit's 640 px breakpoint and the legend above the plot, and it loads nothing."""
    import json

    from ui import narrow

    assert ':has(> [data-testid="stHtml"] > script:only-child) {display: none;}' in loading.css()
    text = narrow.script()
    assert f"NARROW = {narrow.NARROW_PX}," in text and json.dumps(narrow.ABOVE) in text
    assert narrow.NARROW_PX == 640 and narrow.ABOVE["legend.orientation"] == "h"
    assert "fetch(" not in text and "import(" not in text and "src=" not in text
    assert text.count("window.__narrowLegend") == 2  # installed once per browser tab


def test_the_width_probe_never_costs_the_page(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite's ten concurrent AppTest sessions of the Skills page failed once ("Runtime hasn't been
    created!" from mounting the width probe, QA round fifteen's component): a layout hint must not end a
    page. Where the component cannot mount, the run keeps what the browser last said (wide until then)."""
    import streamlit as st

    from ui import narrow

    def no_runtime(**_: object) -> object:
        raise RuntimeError("Runtime hasn't been created!")

    monkeypatch.setattr(narrow, "_probe", lambda: no_runtime)
    st.session_state.clear()
    assert narrow.probe() is False and narrow.now() is False
    st.session_state[narrow.PROBE_KEY] = {"narrow": True}  # the browser said so on an earlier run
    assert narrow.probe() is True and narrow.now() is True


def test_the_served_page_tells_its_width_before_the_first_run(tmp_path: Path) -> None:
    """QA round twenty-seven's seen and left: a browser's first view at 390 px ran twice - the session's first
    run took the window for wide (no cookie yet) and the width probe's answer ran it again. ui.serve serves
    Streamlit's page with a script in its head that writes the probe's cookie from the window's width before
    Streamlit's own code opens the websocket, whose handshake carries it: the first run reads it
    (narrow.told). Every other static file is Streamlit's own (linked, not copied)."""
    from streamlit import file_util

    from ui import narrow, serve

    theirs = Path(file_util.get_static_dir())
    ours = serve.static_dir(tmp_path / "static")
    html = (ours / "index.html").read_text()
    head = narrow.head_script()
    assert f"<script>{head}</script>" in html
    assert html.index(head) < html.index('<script type="module"')  # before Streamlit's code runs
    assert f"{narrow.COOKIE}=" in head and f"< {narrow.NARROW_PX}" in head and "path=/" in head
    assert html.replace(f"<script>{head}</script>\n", "") == (theirs / "index.html").read_text()
    others = sorted(p.name for p in theirs.iterdir() if p.name != "index.html")
    assert sorted(p.name for p in ours.iterdir() if p.name != "index.html") == others
    assert all((ours / name).resolve() == (theirs / name).resolve() for name in others)
