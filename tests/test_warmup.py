"""The warm-up after a publish and the shared figures, on the tiny warehouse through AppTest.

Why: the warm-up (analytics.warmup) only helps if it fills the very cache entries a page's first
view reads - queries, figures, the sidebar's and the pages' own queries - so a page opened after
it must compute nothing (a key built differently would make it silently useless). A figure is
built once per view and version, shared by every session, and dropped by a publish.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from servers import free_port, wait_healthy
from streamlit.testing.v1 import AppTest
from tiny_warehouse import build, tiny_db, tiny_db_session  # noqa: F401

from analytics import cache, warmup
from analytics.figures import SharedContext, charts_of, drawable
from analytics.filters import Filters
from analytics.pages import CHART_PAGES, PAGES, Page

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
    thread.join(600)  # the tiny warehouse warms in a second, or minutes on a loaded shared machine
    assert not thread.is_alive()
    assert warmup.start() is None  # the same version: not again
    assert [p for p, _ in warmup.LAST["pages"]] == ["app", *(p.slug for p in CHART_PAGES)]


@pytest.mark.usefixtures("tiny_db")
def test_at_start_warms_the_published_version_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The server's start (ui.serve) warms in its own thread; the first page view then finds every page's
    default view in the cache and starts no second warm-up for that version."""
    monkeypatch.setattr(warmup, "_started", set())
    assert warmup.at_start() == []  # turned off (conftest), as DASHBOARD_WARMUP=0 does for a server
    monkeypatch.setenv("DASHBOARD_WARMUP", "1")
    cache.RESULTS.clear()
    took = warmup.at_start()
    assert [p for p, _ in took] == ["imports", "app", *(p.slug for p in CHART_PAGES)]
    assert warmup.start() is None  # the first view's background warm-up: already done for this version
    computed = cache.RESULTS.stats.misses
    at = _open(CHART_PAGES[1])
    assert not at.exception and cache.RESULTS.stats.misses == computed


def test_the_server_answers_its_health_check_only_once_warm(tmp_path: Path) -> None:
    """``python -m ui.serve`` (make run) warms before Streamlit starts: its log says how long the warm-up
    took before the server's address, so /_stcore/health answering means the first views are ready."""
    import os
    import subprocess
    import sys

    db = tmp_path / "warehouse.duckdb"
    build(db)
    port = free_port()
    log = tmp_path / "serve.log"
    env = {**os.environ, "DASHBOARD_WARMUP": "1"}
    with log.open("w") as out:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ui.serve", "--db", str(db), "--server.port", str(port),
             "--server.address", "127.0.0.1", "--server.headless", "true",
             "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"],
            cwd=Path(APP).parent, env=env, stdout=out, stderr=subprocess.STDOUT)
    try:
        wait_healthy(f"http://127.0.0.1:{port}", proc, 120, f"log: {log}")
        text = log.read_text()
        warm = text.index("Warm-up before serving:")
        assert all(p.slug in text[warm:].splitlines()[0] for p in CHART_PAGES), text
        assert warm < text.index(f":{port}"), text  # warmed, then served
        runs = text.index("Page runs before serving:")  # each page run once as a script, then served
        assert all(f"{p.slug} " in text[runs:].splitlines()[0] for p in PAGES), text
        assert runs < text.index(f":{port}"), text
    finally:
        proc.terminate()
        proc.wait(timeout=20)
