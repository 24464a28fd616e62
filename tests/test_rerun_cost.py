"""What a page view costs the server once the shared cache holds its answers (issue 12, AppTest).

Why: with many people on one server, every script run's own work is paid once per person per view,
on the same cores as everyone's queries and browsers. Once a view's answers and figures are in the
shared cache (analytics.cache), another session's view of it must not redo per-run work whose result
cannot have changed: search the disk for a browser (the image buttons), turn each shared Plotly figure
into the dict Streamlit serialises, or rebuild each "Data and SQL" table's readable frame. Counted on
the real functions (spies that call them), on the tiny warehouse; what the page shows is compared too.
"""

from __future__ import annotations

import argparse
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from plotly.basedatatypes import BaseFigure
from streamlit.testing.v1 import AppTest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

import analytics.db
import ui.chart
from analytics import cache
from analytics.export import render
from analytics.figures import charts_of, theme

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


def _open(page: str) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=120).switch_page(f"pages/{page}.py")
    for defn in charts_of(page):  # a "Data and SQL" box draws its table only while open (ui.chart._details)
        at.session_state[ui.chart.details_key(defn.key)] = True
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    return at


def _spy(monkeypatch: pytest.MonkeyPatch, calls: Counter[str], owner: Any, name: str) -> None:
    real: Callable[..., Any] = getattr(owner, name)
    static = isinstance(owner.__dict__.get(name), staticmethod)

    def counting(*args: Any, **kwargs: Any) -> Any:
        calls[name] += 1
        return real(*args, **kwargs)

    monkeypatch.setattr(owner, name, staticmethod(counting) if static else counting)


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", ["skills", "regions"])
def test_another_session_s_view_of_a_cached_page_redoes_no_per_run_work(
        page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    cache.RESULTS.clear()
    ui.chart.TABLES.clear()
    first = _open(page)
    calls: Counter[str] = Counter()
    from choreographer.browsers.chromium import Chromium

    _spy(monkeypatch, calls, Chromium, "find_browser")
    _spy(monkeypatch, calls, BaseFigure, "to_dict")
    _spy(monkeypatch, calls, ui.chart, "readable")
    _spy(monkeypatch, calls, argparse.ArgumentParser, "parse_known_args")
    second = _open(page)
    assert calls["find_browser"] == 0, "the browser for chart images was looked for on the disk again"
    assert calls["parse_known_args"] == 0, "the command line was parsed again for --db (ui._db_argument)"
    assert calls["to_dict"] == 0, "a shared figure was turned into its dict again"
    assert calls["readable"] == 0, "a Data and SQL table's frame was rebuilt"
    # and the second session sees what the first saw
    specs = [c.proto.spec for c in first.get("plotly_chart")]
    assert specs and specs == [c.proto.spec for c in second.get("plotly_chart")]
    tables = [d.value for d in first.dataframe]
    assert tables and len(tables) == len(second.dataframe)
    for a, b in zip(tables, (d.value for d in second.dataframe), strict=True):
        assert a.equals(b)


@pytest.mark.usefixtures("tiny_db")
def test_the_browser_lookup_follows_browser_path(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Remembered per BROWSER_PATH and PATH: pointing it elsewhere is seen at once."""
    found = render.browser_path()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "no-such-chromium"))
    assert not render.browser_available()
    monkeypatch.delenv("BROWSER_PATH")
    assert render.browser_path() == found


def _postings_script() -> None:
    from types import SimpleNamespace

    from analytics.filters import Filters
    from analytics.queries import skills
    from ui.chart import _postings

    top = skills.top_skills(Filters()).df["skill"].iloc[0]
    event = SimpleNamespace(selection=SimpleNamespace(points=[{"x": top, "customdata": [top]}]))
    _postings(event, ("skill",), Filters(), "sk_top")


@pytest.mark.usefixtures("tiny_db")
def test_a_run_of_the_app_looks_up_the_published_version_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cached answer and figure of a run asked for the published version: two stats through the
    warehouse link each, and with ten sessions every stat (a GIL release) waited behind the other
    sessions' Python (issue 12). A run of the app (ui.run_app: the default page here, as a browser opens
    it) now looks once (analytics.cache.one_version) and shows what it showed."""
    cache.RESULTS.clear()
    ui.chart.TABLES.clear()
    first = AppTest.from_file(APP, default_timeout=120)
    first.run()
    assert not first.exception and not first.error, [e.value for e in first.error]
    calls: Counter[str] = Counter()
    _spy(monkeypatch, calls, analytics.db, "version")
    second = AppTest.from_file(APP, default_timeout=120)
    second.run()
    assert not second.exception and not second.error, [e.value for e in second.error]
    assert calls["version"] == 1, f"the published version was looked up {calls['version']} times in one run"
    specs = [c.proto.spec for c in first.get("plotly_chart")]
    assert specs and specs == [c.proto.spec for c in second.get("plotly_chart")]
    assert [m.value for m in first.markdown] == [m.value for m in second.markdown]


@pytest.mark.usefixtures("tiny_db")
def test_another_session_s_postings_list_for_the_same_selection_is_not_rebuilt(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The postings behind a selected bar are drawn on the drill-down's run and on every later run of the
    page while the selection holds (the download's too): the readable frame of those up to 200 postings
    (pandas' conversions of every text column) was rebuilt on each of them in every session, ten sessions
    selecting the same bar building it ten times and more (bench users, issue 12)."""
    cache.RESULTS.clear()
    ui.chart.TABLES.clear()
    first = AppTest.from_function(_postings_script, default_timeout=60).run()
    assert not first.exception
    calls: Counter[str] = Counter()
    _spy(monkeypatch, calls, ui.chart, "readable")
    _spy(monkeypatch, calls, ui.chart, "web_link")
    second = AppTest.from_function(_postings_script, default_timeout=60).run()
    assert not second.exception
    assert calls["readable"] == 0, "the postings list's frame was rebuilt for the same selection"
    # nor its rows: each posting's link checked again (pandas' map over every row, on every run)
    assert calls["web_link"] == 0, "the postings list's links were checked again for the same selection"
    shown = [d.value for d in first.dataframe]
    assert len(shown) == 1 and len(shown[0]) > 0
    assert shown[0].equals(second.dataframe[0].value)


@pytest.mark.usefixtures("tiny_db")
def test_another_session_s_view_does_not_serialise_a_shared_figure_again(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Streamlit turns each chart's dict into JSON on every run (plotly.io.to_json); a shared figure's text
    is made once with its dict (ui.chart.drawn) and handed out, the same text Plotly makes."""
    import plotly.io
    import plotly.io._json

    cache.RESULTS.clear()
    ui.chart.TABLES.clear()
    first = _open("skills")
    calls: Counter[str] = Counter()
    _spy(monkeypatch, calls, plotly.io._json, "to_json_plotly")
    second = _open("skills")
    assert calls["to_json_plotly"] == 0, f"shared figures serialised {calls['to_json_plotly']} times again"
    specs = [c.proto.spec for c in second.get("plotly_chart")]
    assert specs and specs == [c.proto.spec for c in first.get("plotly_chart")]
    monkeypatch.undo()
    fig = theme.style(theme.go.Figure(theme.go.Bar(x=["a", "b"], y=[1, 2])), x="X", y="")
    for dark in (False, True):
        spec = ui.chart.drawn(fig, dark, selectable=True).to_dict()
        assert plotly.io.to_json(spec, validate=False) == plotly.io.to_json(dict(spec), validate=False)
