"""The warm-up after a publish and the shared figures, on the tiny warehouse through AppTest.

Why: the warm-up (analytics.warmup) only helps if it fills the very cache entries a page's first
view reads - queries, figures, the sidebar's and the pages' own queries - so a page opened after
it must compute nothing (a key built differently would make it silently useless). A figure is
built once per view and version, shared by every session, and dropped by a publish.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tiny_warehouse import build, tiny_db, tiny_db_session  # noqa: F401

from analytics import cache, warmup
from analytics.figures import SharedContext, charts_of, drawable
from analytics.filters import Filters
from analytics.pages import CHART_PAGES, Page

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


def _open(page: Page) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60).run().run()
    return at.switch_page(page.script).run()


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", CHART_PAGES, ids=[p.slug for p in CHART_PAGES])
def test_a_page_after_the_warm_up_computes_nothing(page: Page) -> None:
    cache.RESULTS.clear()
    warmup.warm()
    computed = cache.RESULTS.stats.misses
    at = _open(page)
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert cache.RESULTS.stats.misses == computed, "the page computed what the warm-up should have"
    assert not any("Computing" in s.proto.text for s in at.get("spinner"))


@pytest.mark.usefixtures("tiny_db")
def test_without_the_warm_up_the_first_view_computes() -> None:
    """The converse, so the test above cannot pass by a page that computes nothing anyway."""
    cache.RESULTS.clear()
    before = cache.RESULTS.stats.misses
    _open(CHART_PAGES[1])
    assert cache.RESULTS.stats.misses > before


def test_a_figure_is_shared_and_a_publish_drops_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "warehouse.duckdb"
    build(db)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    cache.RESULTS.clear()
    defn = charts_of("skills")[0]

    def figure() -> object:
        ctx = SharedContext(f=Filters())
        call = defn.query(ctx)
        return defn.shared_figure(call, drawable(defn, cache.cached(call.fn, *call.args)), ctx)

    first = figure()
    assert figure() is first  # a second session draws the same figure, not a rebuilt one
    build(db, version_name="v-tiny-2.duckdb")  # a new publish
    assert figure() is not first


@pytest.mark.usefixtures("tiny_db")
def test_the_warm_up_starts_once_per_version_and_can_be_turned_off(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warmup, "_started", set())
    assert warmup.start() is None  # the suite turns it off (conftest)
    monkeypatch.setenv("DASHBOARD_WARMUP", "1")
    thread = warmup.start()
    assert thread is not None
    thread.join(60)
    assert warmup.start() is None  # the same version: not again
    assert [p for p, _ in warmup.LAST["pages"]] == ["app", *(p.slug for p in CHART_PAGES)]
