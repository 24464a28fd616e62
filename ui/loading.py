"""What a chart's place says while the browser is still drawing it (issue 12: a view that is slow for a
reason shows a spinner with what it is doing).

Why: in a browser that has not opened the app before, Plotly's code (a 4.7 MB script) loads and compiles
after the page's headings and captions are drawn: the Regions page's maps appeared 6-8 s after their headings
with only Streamlit's grey placeholder bar, and a map then waits for its outlines (static/topojson, served by
the app itself). The server has nothing to say then - its run is over - so the message is a style rule the
browser applies: a spinner and a line in the chart's place while it holds Streamlit's placeholder (its code
loading) or a map without outlines yet, gone the moment the chart draws. One hidden element a run, no script,
nothing fetched.
"""

from __future__ import annotations

import functools

import streamlit as st

from ui.narrow import PROBE_KEY

# The charts drawn as maps (their element's key): their line names the map and its outlines. A test checks
# this against every chart the pages draw (tests/test_loading.py).
MAPS = ("rg_world", "rg_states")
CHART_TEXT = "Drawing the chart: your browser is loading the chart code (on a first visit only)…"
MAP_TEXT = ("Drawing the map: your browser is loading the map code and the country outlines "
            "(on a first visit only)…")

# A chart's element holds Streamlit's skeleton while its code loads; a Plotly map waiting for its outlines
# has its geo group without layers. (Streamlit's and Plotly's own classes: tests/test_e2e.py sees both states
# in a real Chromium with the downloads held back.)
_ELEMENT = '[data-testid="stElementContainer"]'
_STATES = ('.stPrintGraphic:has(> [data-testid="stSkeleton"])',
           ':has(.js-plotly-plot .geolayer > .geo):not(:has(.js-plotly-plot .geolayer > .geo > .layer))')
_WAITING = tuple(_ELEMENT + s for s in _STATES)


def _rule(selectors: tuple[str, ...], pseudo: str, body: str) -> str:
    return ", ".join(f"{s}{pseudo}" for s in selectors) + " {" + body + "}"


@functools.cache  # the same text on every run of every session
def css() -> str:
    """The style rules (pure; tested)."""
    maps = tuple(f".st-key-{key}{s}" for key in MAPS for s in _STATES)
    return "\n".join((
        # the Markdown element holding these rules takes no room (a style sheet applies from a hidden element)
        _ELEMENT + ':has(> [data-testid="stMarkdown"] style) {display: none;}',
        # and so does the element holding ui.narrow's script (it has run once inserted), and its width probe
        _ELEMENT + ':has(> [data-testid="stHtml"] > script:only-child) {display: none;}',
        f".st-key-{PROBE_KEY} {{display: none;}}",
        "@keyframes chart-drawing {to {transform: rotate(360deg);}}",
        _rule(_WAITING, "", "position: relative; min-height: 9rem;"),
        # the spinner turns on the compositor, so it keeps turning while the page's script compiles Plotly
        _rule(_WAITING, "::before", "content: ''; position: absolute; z-index: 1; top: 3.5rem; "
              "left: calc(50% - 0.8rem); width: 1.6rem; height: 1.6rem; box-sizing: border-box; "
              "border: 3px solid rgba(128, 128, 128, 0.25); border-top-color: rgba(128, 128, 128, 0.9); "
              "border-radius: 50%; animation: chart-drawing 0.9s linear infinite;"),
        _rule(_WAITING, "::after", f"content: '{CHART_TEXT}'; position: absolute; z-index: 1; top: 6rem; "
              "left: 0; right: 0; text-align: center; font-size: 0.875rem; opacity: 0.75;"),
        _rule(maps, "::after", f"content: '{MAP_TEXT}';"),
        # a row of tabs wider than the window wraps: at 390 px "Salary premium" and "Beyond code" ran past the
        # edge behind a scroll arrow, views a phone's reader never knew were there (QA round twenty); each
        # tab draws its own selection line, so a second row keeps it under the chosen tab
        '[data-testid="stMain"] [role="tablist"] {flex-wrap: wrap; overflow-x: visible; row-gap: 0.25rem;}',
        # the data grid's own CSV (written in the browser) has no formula guard: a title "=HYPERLINK(...)"
        # reached a spreadsheet live; the app's downloads neutralise it (tests/test_grid_download.py)
        '[data-testid="stElementToolbarButton"]:has([aria-label^="Download as CSV"]) {display: none;}',
    ))


def install() -> None:
    """The rules on the page, as Markdown: st.html's own code is loaded lazily, as the chart's is, so its
    rules arrived after the wait they describe (seen in Chromium); Markdown's is in Streamlit's first
    script."""
    st.markdown(f"<style>\n{css()}\n</style>", unsafe_allow_html=True)
