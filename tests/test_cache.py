"""The results cache every session shares (analytics.cache), on the real tiny warehouse.

A repeated call is answered from the cache with the same answer as the query itself; many
threads asking for the same view at once run its query once; a publish of a new version is
never answered from the old one; a caller changing its frame does not change the next
caller's; failures are not kept; the memory bound evicts the least recently used; and sessions
of the app (AppTest) share answers - ten opening the same page at the same moment run each of its
queries once and build each figure once, as one session alone does.
"""

from __future__ import annotations

import collections
import shutil
import threading
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest
from tiny_warehouse import WAREHOUSE_SQL, tiny_db, tiny_db_session  # noqa: F401

from analytics import cache
from analytics import db as adb
from analytics.filters import Filters
from analytics.queries import data, skills
from etl.warehouse import builder
from etl.warehouse.paths import publish, versions_dir

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def fresh() -> cache.ResultCache:
    return cache.ResultCache()


@pytest.mark.usefixtures("tiny_db")
def test_a_repeated_call_is_a_hit_with_the_same_answer(fresh: cache.ResultCache) -> None:
    direct = skills.top_skills(Filters())
    first = cache.cached(skills.top_skills, Filters(), cache=fresh)
    again = cache.cached(skills.top_skills, Filters(), cache=fresh)
    pd.testing.assert_frame_equal(first.df, direct.df)
    pd.testing.assert_frame_equal(again.df, direct.df)
    assert (fresh.stats.misses, fresh.stats.hits) == (1, 1)
    assert cache.is_cached(skills.top_skills, Filters(), cache=fresh)
    assert not cache.is_cached(skills.top_skills, Filters(country=("US",)), cache=fresh)
    cache.cached(skills.top_skills, Filters(country=("US",)), cache=fresh)  # other arguments: another entry
    assert fresh.stats.misses == 2 and len(fresh) == 2


@pytest.mark.usefixtures("tiny_db")
def test_a_caller_changing_its_frame_leaves_the_cached_answer_alone(fresh: cache.ResultCache) -> None:
    first = cache.cached(skills.top_skills, Filters(), cache=fresh)
    first.df["skill"] = "changed"
    first.df.drop(first.df.index, inplace=True)
    again = cache.cached(skills.top_skills, Filters(), cache=fresh)
    pd.testing.assert_frame_equal(again.df, skills.top_skills(Filters()).df)


@pytest.mark.usefixtures("tiny_db")
def test_concurrent_callers_of_one_view_run_its_query_once(fresh: cache.ResultCache) -> None:
    results: list[object] = []
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def session() -> None:
        try:
            start.wait()
            results.append(cache.cached(skills.cooccurrence, Filters(), cache=fresh))
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=session) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert fresh.stats.misses == 1 and fresh.stats.hits == 7
    expected = skills.cooccurrence(Filters()).df
    for res in results:
        pd.testing.assert_frame_equal(res.df, expected)  # type: ignore[attr-defined]


def _republish_without_posting_1(db: Path) -> Path:
    """A new version: the published one minus posting 1 (rollups rebuilt), published over it."""
    old = adb.version(db)
    assert old is not None
    new = versions_dir(db) / "v-tiny-cache-2.duckdb"
    shutil.copyfile(old, new)
    con = duckdb.connect(str(new))
    try:
        con.execute("DELETE FROM posting_skills WHERE posting_id = 1")
        con.execute("DELETE FROM postings WHERE posting_id = 1")
        builder.derive(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    publish(db, new)
    return new


def test_a_publish_invalidates_every_answer(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                            fresh: cache.ResultCache) -> None:
    from tiny_warehouse import build

    db = tmp_path / "warehouse.duckdb"
    build(db)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    before = cache.cached(data.selection, Filters(), cache=fresh)
    cache.cached(skills.top_skills, Filters(), cache=fresh)
    assert len(fresh) == 2
    _republish_without_posting_1(db)
    after = cache.cached(data.selection, Filters(), cache=fresh)
    assert int(after.df["total"].iloc[0]) == int(before.df["total"].iloc[0]) - 1
    assert fresh.stats.invalidations == 1 and len(fresh) == 1  # the old version's answers are gone
    adb.close_all()


def test_the_warehouse_link_is_resolved_again_only_when_it_leads_to_another_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every cached answer asks for the published version; resolving the link each time (a stat per path
    component) made ten sessions' script runs wait for the GIL (bench users, issue 12). One stat through
    the link must tell a publish apart: the new version is seen at once, and nothing is resolved again
    while the link leads to the same file."""
    from tiny_warehouse import build

    import analytics.db

    db = tmp_path / "warehouse.duckdb"
    build(db)
    adb.close_all()
    resolved: list[Path] = []
    real = analytics.db.current_version

    def counting(path: Path) -> Path | None:
        resolved.append(path)
        return real(path)

    monkeypatch.setattr(analytics.db, "current_version", counting)
    first = adb.version(db)
    assert first is not None and len(resolved) == 1
    for _ in range(20):
        assert adb.version(db) == first
    assert len(resolved) == 1  # the old code resolved the link 21 times
    new = _republish_without_posting_1(db)
    assert adb.version(db) == new and len(resolved) == 2
    new.unlink()  # the link now leads nowhere: no warehouse
    assert adb.version(db) is None
    adb.close_all()


def test_one_version_answers_a_whole_run_from_the_version_it_began_with(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh: cache.ResultCache) -> None:
    """A script run (ui.run_app) asks for the published version once, not once per cached answer (two
    stats through the link each, every stat a GIL release with ten sessions waiting: issue 12), and all
    its answers come from that version; a publish meanwhile is seen by the next run."""
    from tiny_warehouse import build

    db = tmp_path / "warehouse.duckdb"
    build(db)
    adb.close_all()
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    looks: list[object] = []
    real = cache._version_key

    def counting(arg: object = None) -> str | None:
        looks.append(arg)
        return real(arg)

    monkeypatch.setattr(cache, "_version_key", counting)
    with cache.one_version():
        before = cache.cached(data.selection, Filters(), cache=fresh)
        cache.cached(skills.top_skills, Filters(), cache=fresh)
        cache.derived(("a figure", 1), lambda: "drawn", cache=fresh)
        assert cache.is_cached(data.selection, Filters(), cache=fresh)
        _republish_without_posting_1(db)
        during = cache.cached(data.selection, Filters(), cache=fresh)
        assert during.df.equals(before.df)  # the run's version still answers, from its cached answer
        with cache.one_version():  # a nested block (a fragment in a run) keeps the run's version
            assert cache.cached(data.selection, Filters(), cache=fresh).df.equals(before.df)
    assert len(looks) == 1  # 6 looks without the block
    after = cache.cached(data.selection, Filters(), cache=fresh)  # the next run sees the publish
    assert int(after.df["total"].iloc[0]) == int(before.df["total"].iloc[0]) - 1
    assert len(looks) == 2
    adb.close_all()


def test_a_failure_is_not_kept(fresh: cache.ResultCache) -> None:
    calls: list[int] = []

    def flaky() -> int:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("the first try fails")
        return 42

    with pytest.raises(RuntimeError):
        fresh.get_or_compute("v1", "k", flaky)
    assert fresh.get_or_compute("v1", "k", flaky) == 42
    assert fresh.get_or_compute("v1", "k", flaky) == 42
    assert len(calls) == 2


def test_measuring_a_new_answer_holds_up_no_other_session(fresh: cache.ResultCache) -> None:
    """Storing an answer measures it (a figure by its JSON, a frame by its deep memory use): that must
    happen outside the lock every session's cache hit takes, or each new figure stalls everyone."""
    fresh.get_or_compute("v", "old", lambda: 1)
    measuring, release = threading.Event(), threading.Event()

    class SlowToMeasure:  # a figure whose JSON takes long to make
        def to_plotly_json(self) -> dict[str, object]:
            return {}

        def to_json(self, validate: bool = True) -> str:
            measuring.set()
            release.wait(60)
            return "{}"

    storing = threading.Thread(target=lambda: fresh.get_or_compute("v", "new", SlowToMeasure))
    storing.start()
    got: list[object] = []
    try:
        assert measuring.wait(60)
        reader = threading.Thread(target=lambda: got.append(fresh.get_or_compute("v", "old", lambda: 2)))
        reader.start()
        reader.join(20)  # a bound for a deadlock, not a speed: the hit needs no measuring at all
        held_up = reader.is_alive()
    finally:
        release.set()
        storing.join(60)
    assert not held_up and got == [1]
    assert fresh.contains("v", "new")


def test_the_memory_bound_evicts_the_least_recently_used() -> None:
    frame = pd.DataFrame({"x": range(1000)})  # 8 kB of int64
    small = cache.ResultCache(max_bytes=20_000)
    small.get_or_compute("v", "a", lambda: frame)
    small.get_or_compute("v", "b", lambda: frame)
    small.get_or_compute("v", "a", lambda: frame)  # a is now the most recently used
    small.get_or_compute("v", "c", lambda: frame)
    assert small.contains("v", "a") and small.contains("v", "c") and not small.contains("v", "b")
    assert small.stats.evictions == 1 and small.nbytes <= 20_000
    huge = pd.DataFrame({"x": range(10_000)})
    assert small.get_or_compute("v", "huge", lambda: huge) is not None
    assert not small.contains("v", "huge")  # larger than the whole bound: answered, not kept


@pytest.mark.usefixtures("tiny_db")
def test_two_app_sessions_share_the_answers() -> None:
    cache.RESULTS.clear()
    first = AppTest.from_file(str(PROJECT / "dashboard.py"), default_timeout=60).run()
    assert not first.exception
    computed = cache.RESULTS.stats.misses
    assert computed > 0
    second = AppTest.from_file(str(PROJECT / "dashboard.py"), default_timeout=60).run()
    assert not second.exception
    assert cache.RESULTS.stats.misses == computed  # the second session ran no query of its own
    assert cache.RESULTS.stats.hits >= computed


@pytest.mark.usefixtures("tiny_db")
def test_ten_sessions_opening_one_page_at_once_run_each_query_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Issue 12 point 2: many people on the same default view cost one query each. Every SQL statement
    the sessions send to DuckDB is counted on its way (analytics.db.query, which every query function
    calls); ten AppTest sessions of the Skills page start together from a barrier."""
    ran: collections.Counter[tuple[str, str]] = collections.Counter()
    real, lock = adb.query, threading.Lock()

    def counting(sql: str, params: dict[str, object] | None = None, db: object = None) -> object:
        with lock:
            ran[(sql, repr(sorted((params or {}).items())))] += 1
        return real(sql, params, db)  # type: ignore[arg-type]

    monkeypatch.setattr(adb, "query", counting)
    # A server's sessions share one ScriptCache, which compiles each page once under its lock; an AppTest has
    # its own, so ten would parse the pages at once, and CPython 3.11's AST construction is not safe across
    # threads (spurious "AST constructor recursion depth mismatch", cpython gh-106905). One lock for all, as
    # on a server.
    from streamlit.runtime.scriptrunner.script_cache import ScriptCache

    compiling, get_bytecode = threading.Lock(), ScriptCache.get_bytecode

    def compiled_one_at_a_time(self: ScriptCache, script_path: str) -> object:
        with compiling:
            return get_bytecode(self, script_path)

    monkeypatch.setattr(ScriptCache, "get_bytecode", compiled_one_at_a_time)

    def open_skills() -> AppTest:
        at = AppTest.from_file(str(PROJECT / "dashboard.py"), default_timeout=120)
        return at.switch_page("pages/skills.py")

    cache.RESULTS.clear()
    alone = open_skills().run()
    assert not alone.exception and len(alone.get("plotly_chart")) >= 2  # the top skills, the first tab's
    one_session = cache.RESULTS.stats.misses  # queries and figures one session computes
    one_session_sql = sum(ran.values())
    assert one_session > 0 and one_session_sql > 0

    cache.RESULTS.clear()
    ran.clear()
    start = threading.Barrier(10)
    opened: list[AppTest] = []
    errors: list[BaseException] = []

    def session() -> None:
        try:
            at = open_skills()
            start.wait()
            opened.append(at.run())
        except BaseException as exc:
            errors.append(exc)

    threads = [threading.Thread(target=session) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and len(opened) == 10
    for at in opened:  # every session got the whole page
        assert not at.exception and not at.error, [e.value for e in at.error]
        assert len(at.get("plotly_chart")) == len(alone.get("plotly_chart"))
    assert max(ran.values()) == 1, [sql[:80] for (sql, _), n in ran.items() if n > 1]
    # the ten ran what one session runs alone (less the version's table list, remembered since then)
    assert sum(ran.values()) <= one_session_sql
    assert cache.RESULTS.stats.misses == one_session  # and built each figure once
    assert cache.RESULTS.stats.waits > 0  # they did overlap: some waited for another's computation
