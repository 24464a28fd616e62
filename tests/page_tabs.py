"""A page's views tab by tab, for AppTests that must see every chart a page draws.

Why: the pages keep their later charts in tabs that run only while selected (ui.chart.sections), so a
test that reads one view sees the first tab's charts only.
"""

from __future__ import annotations

from collections.abc import Iterator

from streamlit.testing.v1 import AppTest

from analytics.figures import charts_of


def every_tab(at: AppTest, page: str) -> Iterator[AppTest]:
    """The page as opened, then with each of its other tabs selected (session-state key "<the page's
    chart key prefix>_tabs")."""
    yield at
    key = f"{charts_of(page)[0].key.split('_')[0]}_tabs"
    for label in [t.label for t in at.tabs][1:]:
        at.session_state[key] = label
        yield at.run()
