"""Filter values travel through the URL (and ``--filter``) escaped, so any value round-trips.

``?source=`` is a comma-separated list, so a source named "Acme, Inc" used to come back as
two sources, "Acme" and "Inc", neither of which exists. Inside a value, "%" and "," are now
percent-escaped; links made before (no escapes) read the same as they did.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_export_injection import hostile_tiny

from analytics.filters import Filters, from_query_params, to_query_params
from analytics.report import parse_filters

PROJECT = Path(__file__).resolve().parents[1]
ODD = ("Acme, Inc", "50% off", "a%2Cb", "x\x07y", "comma,", ",", "%", "plain", "a%", "%zz", "é, ü", "all")


@pytest.mark.parametrize("value", ODD)
def test_any_value_round_trips(value: str) -> None:
    f = Filters(source=(value, "other"), country=("US",), skills=("C#", value))
    assert from_query_params(to_query_params(f)) == f
    alone = Filters(source=(value,))
    assert from_query_params(to_query_params(alone)) == alone


def test_plain_lists_look_as_before_and_old_links_still_read() -> None:
    f = Filters(country=("US", "GB"), source=("jobspy", "lever"))
    assert to_query_params(f) == {"country": "US,GB", "source": "jobspy,lever"}
    assert from_query_params({"country": "US, GB", "source": "jobspy,,lever"}) == f


def test_a_comma_inside_a_value_is_escaped() -> None:
    assert to_query_params(Filters(source=("Acme, Inc", "b")))["source"] == "Acme%2C Inc,b"
    assert from_query_params({"source": "Acme%2C Inc,b"}).source == ("Acme, Inc", "b")


def test_report_filter_takes_the_same_escapes() -> None:
    assert parse_filters(["source=Acme%2C Inc", "source=b"]).source == ("Acme, Inc", "b")


def test_a_source_with_a_comma_is_filtered_from_the_url(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    db = hostile_tiny(tmp_path, "Acme, Inc")
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = AppTest.from_file(str(PROJECT / "dashboard.py"), default_timeout=60)
    at.query_params.update(to_query_params(Filters(source=("Acme, Inc",))))
    at.run().run()
    assert not at.exception
    assert at.multiselect(key="flt_source").value == ["Acme, Inc"]


def _seeded_after_keep_script() -> None:
    """A page control as the Skills page's trend picks: kept over other pages' runs (ui.chart.keep), its
    default following the filters (ui.links.seed); ``draw`` unset stands for another page's run."""
    import streamlit as st

    from ui import links
    from ui.chart import keep

    if not st.session_state.get("draw", True):  # another page's run: this page's code does not run
        return
    keep("pick")
    links.seed("pick", list(st.session_state.get("want", ["a"])))
    st.multiselect("Pick", ["a", "b", "c"], key="pick")


def test_a_default_that_moved_with_the_filters_is_the_one_kept_over_another_pages_runs() -> None:
    """QA round twenty-three in Chromium: Skills with no filter (the trend followed Python, React, AWS,
    JavaScript, Java), Germany chosen (the trend moved to Germany's five), Regions, then Back: the trend
    followed the five of no filter again, and the address pinned them (sk_trend_pick=Python,...). keep()
    copies a value at the start of a run; seed() moved it to the new default later in that run and left the
    copy behind, and the copy came back after the other page's runs."""
    from streamlit.testing.v1 import AppTest

    from ui.chart import KEPT

    at = AppTest.from_function(_seeded_after_keep_script, default_timeout=30).run()
    assert at.session_state["pick"] == ["a"]
    at.session_state["want"] = ["b"]  # a filter changed: the control's default is now b
    at.run()
    assert at.session_state["pick"] == ["b"]
    at.session_state["draw"] = False  # another page: the widget is not drawn, Streamlit drops its value
    at.run()
    at.session_state["draw"] = True  # back on the page
    at.run()
    assert at.session_state["pick"] == ["b"] and at.session_state[KEPT + "pick"] == ["b"]
