"""The SQL sandbox does what researchers need: answers, limits, clear errors, speed.

Hostile statements are in test_sandbox_hostile.py; this file checks the friendly side
and the limits (rows, deadline, memory, concurrency) on the tiny warehouse.
"""

from __future__ import annotations

import contextlib
import io
import os
import statistics
import threading
import time
from pathlib import Path

import pyarrow as pa
import pytest
from test_views import POSTINGS, make_warehouse

from analytics import sandbox
from analytics.examples import EXAMPLES

RUNAWAY = "SELECT sum(a.range * b.range) FROM range(100000000) a, range(100000000) b"


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("sandbox"))


@pytest.fixture(scope="module")
def pool():
    p = sandbox.SandboxPool(size=2)
    p.warm()
    yield p
    p.close()


def run(sql: str, db: Path, pool: sandbox.SandboxPool, **kw) -> sandbox.QueryResult:
    return sandbox.run_query(sql, db, pool=pool, **kw)


def test_answers_a_query_as_arrow_with_count_and_time(warehouse: Path, pool) -> None:
    result = run("SELECT seniority, count(*) AS n FROM postings GROUP BY 1 ORDER BY 1", warehouse, pool)
    assert isinstance(result.table, pa.Table)
    expected: dict[str, int] = {}
    for p in POSTINGS:
        expected[p[2]] = expected.get(p[2], 0) + 1
    assert dict(zip(result.table["seniority"].to_pylist(), result.table["n"].to_pylist())) == expected
    assert result.row_count == len(expected) and result.total_rows == len(expected)
    assert not result.truncated and result.elapsed_s > 0


def test_row_cap_truncates_and_counts(warehouse: Path, pool) -> None:
    result = run("SELECT * FROM range(25000)", warehouse, pool, max_rows=10_000)
    assert result.row_count == 10_000 and result.truncated and result.total_rows == 25_000
    assert result.table.column("range").to_pylist()[:3] == [0, 1, 2]
    beyond = run(f"SELECT * FROM range({sandbox.DOWNLOAD_MAX_ROWS + 5})", warehouse, pool, max_rows=5)
    assert beyond.truncated and beyond.total_rows is None  # "more than the count cap"


def test_byte_cap_keeps_wide_results_out_of_the_app(warehouse: Path, pool, monkeypatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_RESULT_BYTES", 2**20)
    result = run("SELECT range, repeat('x', 1000) AS wide FROM range(100000)", warehouse, pool,
                 max_rows=sandbox.DOWNLOAD_MAX_ROWS)
    assert result.truncated and result.total_rows == 100_000
    assert 0 < result.row_count < 20_000  # whole batches of 8,192 rows, stopped after the cap


def test_byte_cap_holds_inside_a_single_batch(warehouse: Path, pool, monkeypatch) -> None:
    """Red-team pass: the cap was checked between batches only, so one batch of a hundred 100 kB values
    (10 MB, or a few GB with larger values) reached the app whole under a 1 MB cap, counted as complete."""
    monkeypatch.setattr(sandbox, "MAX_RESULT_BYTES", 2**20)
    result = run("SELECT range, repeat('x', 100000) AS wide FROM range(100)", warehouse, pool, timeout_s=60)
    assert result.truncated and result.total_rows == 100
    assert 0 < result.row_count < 11  # ten 100 kB rows fit in 1 MB
    assert result.table.nbytes <= 2**20


def test_a_single_value_larger_than_the_byte_cap_is_not_shown(warehouse: Path, pool, monkeypatch) -> None:
    monkeypatch.setattr(sandbox, "MAX_RESULT_BYTES", 2**20)
    result = run("SELECT repeat('x', 3000000) AS wide", warehouse, pool, timeout_s=60)
    assert result.truncated and result.total_rows == 1 and result.row_count == 0


@pytest.mark.parametrize("sql", [
    "WITH x AS (SELECT * FROM postings) SELECT count(*) FROM x",
    "WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < 5) SELECT * FROM r",
    "SELECT * FROM postings p, LATERAL (SELECT p.posting_id + 1 AS next_id)",
    "SELECT unnest([1, 2, 3]) AS x",
    "FROM generate_series(1, 3)",
    "SELECT 'read_csv(''/etc/passwd'')' AS looks_hostile_but_is_a_string",
    "SELECT count(*) AS read_csv FROM postings -- read_csv('/etc/passwd')",
    "SELECT title, rank() OVER (PARTITION BY country ORDER BY salary_usd_mid DESC) FROM postings",
    "DESCRIBE postings",
    "SUMMARIZE SELECT salary_usd_mid FROM postings",
    "SHOW TABLES",
    "EXPLAIN SELECT * FROM senior_software_postings",
    "PIVOT postings ON remote IN ('remote', 'hybrid') USING count(*) GROUP BY country",
    "SELECT list_transform([1, 2], lambda x: x * 2) AS doubled",
    "WITH postings AS (SELECT * FROM postings WHERE is_senior) SELECT count(*) FROM postings",
    "WITH RECURSIVE r AS (SELECT 1 AS n UNION ALL SELECT n + 1 FROM (SELECT * FROM r) WHERE n < 3) FROM r",
    "SELECT year(posted_date) AS y, date_trunc('month', posted_date) AS m, regexp_matches(title, 'Senior') "
    "AS s, [1, 2][1] AS l, {'a': 1}.a AS st, count(*) FILTER (WHERE is_senior) AS n, median(salary_usd_mid) "
    "AS med, strftime(max(posted_date), '%Y') AS f, string_agg(DISTINCT country, ',') AS c, coalesce(NULL, "
    "1) AS k, CASE WHEN count(*) > 1 THEN 'many' END AS w, CAST(1.5 AS INTEGER) AS i, 2 ** 3 AS p, 'a' || "
    "'b' AS cat, title ILIKE '%eng%' AS eng, now() > TIMESTAMP '2020-01-01' AS later FROM postings GROUP BY "
    "ALL",
])
def test_ordinary_analysis_sql_is_allowed(warehouse: Path, pool, sql: str) -> None:
    assert run(sql, warehouse, pool).row_count >= 1


def test_every_example_query_runs_and_answers(warehouse: Path, pool) -> None:
    for example in EXAMPLES:
        result = run(example.sql, warehouse, pool)
        assert result.row_count >= 1, example.key


def test_skill_share_example_matches_hand_count(warehouse: Path, pool) -> None:
    sql = next(e.sql for e in EXAMPLES if e.key == "skill_share_by_month")
    rows = run(sql, warehouse, pool).table.to_pylist()
    jan_python = next(r for r in rows if str(r["posted_month"]) == "2025-01-01" and r["skill"] == "Python")
    assert (jan_python["postings_with_skill"], jan_python["postings"], jan_python["share_pct"]) == (
        2,
        2,
        100.0,
    )


@pytest.mark.parametrize(("sql", "kind", "needle"), [
    ("SELECT * FROM postngs", "refused", 'Did you mean "postings"'),
    ("SELECT titel FROM postings", "error", '"title"'),
    ("SELEC 1", "error", "syntax error"),
    ("SELECT 'a'::INTEGER", "error", "Conversion Error"),
    ("   ", "refused", "empty"),
])
def test_errors_are_one_clear_line(warehouse: Path, pool, sql: str, kind: str, needle: str) -> None:
    with pytest.raises(sandbox.SandboxError) as info:
        run(sql, warehouse, pool)
    assert info.value.kind == kind
    assert needle in info.value.message and "\n" not in info.value.message
    assert "Traceback" not in str(info.value)


def test_huge_value_fails_as_memory_quickly(warehouse: Path, pool) -> None:
    start = time.monotonic()
    with pytest.raises(sandbox.SandboxError) as info:
        run("SELECT length(repeat('x', 3000000000))", warehouse, pool)
    assert info.value.kind == "memory"
    assert time.monotonic() - start < 5


def test_runaway_query_stops_within_a_second_of_its_deadline(warehouse: Path, pool) -> None:
    timeout = 2.0
    start = time.monotonic()
    with pytest.raises(sandbox.SandboxError) as info:
        run(RUNAWAY, warehouse, pool, timeout_s=timeout, wall_limit_s=timeout + 1.0)
    stopped = time.monotonic() - start
    print(f"\nrunaway query stopped after {stopped:.2f} s (timeout {timeout} s; "
          f"{info.value.cpu_wait_s:.2f} s waiting for a processor not counted): {info.value.kind}")
    # its own run's limit where the machine let it run; where other work held the processors (the
    # limit counts only the query's own run), the wall-clock limit: stopped either way
    assert info.value.kind == "timeout" or (info.value.kind == "busy" and info.value.cpu_wait_s > 0.5)
    assert stopped < timeout + 2.0
    if info.value.kind == "timeout":
        assert stopped - info.value.cpu_wait_s < timeout + 1.0  # within a second of its own run's limit
    assert run("SELECT 1 AS ok", warehouse, pool).table["ok"].to_pylist() == [1]  # the pool recovers


def test_other_session_is_answered_while_one_query_runs_away(warehouse: Path, pool) -> None:
    outcome: dict[str, object] = {}

    def runaway() -> None:
        try:
            run(RUNAWAY, warehouse, pool, timeout_s=4)
        except sandbox.SandboxError as exc:
            outcome["kind"] = exc.kind

    thread = threading.Thread(target=runaway)
    thread.start()
    time.sleep(0.5)
    start = time.monotonic()
    result = run("SELECT count(*) AS n FROM postings", warehouse, pool)
    quick = time.monotonic() - start
    still_running = thread.is_alive()
    thread.join()
    print(f"\nsecond session answered in {quick:.3f} s while the runaway query ran")
    assert result.table["n"].to_pylist() == [len(POSTINGS)]
    assert still_running  # answered while the runaway query still held its worker (not after its 4 s)
    assert outcome["kind"] in ("timeout", "busy")  # "busy": other work held the processors past 30 s


def test_trivial_query_latency_on_a_warm_pool(warehouse: Path, pool) -> None:
    run("SELECT 1", warehouse, pool)
    times = []
    for _ in range(20):
        start = time.monotonic()
        run("SELECT 42", warehouse, pool)
        times.append(time.monotonic() - start)
    p50 = statistics.median(times)
    print(f"\ntrivial query p50 {p50 * 1000:.1f} ms, max {max(times) * 1000:.1f} ms (warm pool)")
    assert p50 < 0.5


def test_sees_a_republished_warehouse(tmp_path: Path, pool) -> None:
    db = make_warehouse(tmp_path, version_name="v-1.duckdb")
    assert "(new)" not in run("SELECT title FROM postings LIMIT 1", db, pool).table["title"][0].as_py()
    make_warehouse(tmp_path, version_name="v-2.duckdb", extra_title=" (new)")
    assert run("SELECT title FROM postings LIMIT 1", db, pool).table["title"][0].as_py().endswith("(new)")


def test_missing_warehouse_names_the_two_commands(tmp_path: Path, pool) -> None:
    with pytest.raises(sandbox.NoWarehouseError) as info:
        run("SELECT 1", tmp_path / "nothing.duckdb", pool)
    assert "make run" in info.value.message and "python -m etl demo" in info.value.message


def test_schema_catalog_lists_tables_views_columns_and_descriptions(warehouse: Path) -> None:
    entries = {e.name: e for e in sandbox.schema_catalog(warehouse)}
    assert {"postings", "posting_skills", "skills", "meta"} <= set(entries)
    for view in ("senior_software_postings", "posting_skill_pairs", "monthly_postings"):
        assert entries[view].kind == "view" and entries[view].description
        assert all(c.description for c in entries[view].columns), view
    columns = {c.name: c for c in entries["postings"].columns}
    assert columns["salary_usd_mid"].type == "DOUBLE" and "USD" in columns["salary_usd_mid"].description
    assert entries["postings"].kind == "table"


# Issue 13: what a crowd of users, a wide result or a damaged worker can do to the others.

WIDE = "SELECT range, repeat('x', 2000) || range AS wide FROM range({n})"


def _pool(**kw) -> sandbox.SandboxPool:
    return sandbox.SandboxPool(**{"size": 0, "threads": 1, **kw})


def test_a_worker_that_ran_out_of_memory_is_retired_not_reused(warehouse: Path) -> None:
    p = _pool(size=1, max_busy=1)
    try:
        before = run("SELECT 1 AS one", warehouse, p).worker_pid
        assert run("SELECT 2 AS two", warehouse, p).worker_pid == before  # a healthy worker is reused
        with pytest.raises(sandbox.SandboxError) as info:
            run("SELECT length(repeat('x', 3000000000))", warehouse, p)
        assert info.value.kind == "memory"
        after = [run("SELECT count(*) AS n FROM postings", warehouse, p) for _ in range(5)]
        assert all(r.table["n"].to_pylist() == [len(POSTINGS)] for r in after)
        assert before not in {r.worker_pid for r in after}
        assert p.retired["out of memory"] == 1
    finally:
        p.close()


def test_a_worker_whose_resident_memory_grew_past_the_threshold_is_retired(warehouse: Path) -> None:
    p = _pool(size=1, max_busy=1, rss_limit_mb=1)  # every worker is over 1 MB after a query
    try:
        first, second = (run("SELECT 1 AS one", warehouse, p).worker_pid for _ in range(2))
        assert first != second
        assert sum(n for reason, n in p.retired.items() if reason.startswith("resident memory")) >= 1
    finally:
        p.close()


def test_a_wide_result_shows_its_first_rows_without_holding_the_rest(warehouse: Path) -> None:
    """400,000 rows of 2 KB: the page needs 10,000 of them; the worker must not hold them all."""
    p = _pool(memory_mb=256, address_mb=2048)
    try:
        result = run(WIDE.format(n=400_000), warehouse, p, max_rows=10_000, timeout_s=60)
    finally:
        p.close()
    assert result.row_count == 10_000 and result.truncated
    assert result.table["wide"][9_999].as_py().endswith("9999")


def test_the_address_space_limit_is_left_to_queries_not_to_idle_malloc_arenas(warehouse: Path) -> None:
    """The wide-result test above failed once under load ("ArrowBuffer: failed to allocate" at 2 GB of
    address space): opening a DuckDB database starts eight threads even with threads = 1, and glibc gave
    each its own malloc arena of 64 MB reserved address space - 600 MB per open database, 1.4 GB at the
    worker's peak for a result that holds 260 MB, and how many arenas exist depends on lock contention,
    so on load. The worker runs with two arenas: the same wide result fits in 1 GB of address space."""
    p = _pool(memory_mb=256, address_mb=1024)
    try:
        result = run(WIDE.format(n=400_000), warehouse, p, max_rows=10_000, timeout_s=60)
    finally:
        p.close()
    assert result.row_count == 10_000 and result.truncated


def test_a_wide_download_streams_in_chunks_within_the_worker_limits(warehouse: Path) -> None:
    p = _pool(memory_mb=256, address_mb=2048)
    out = io.BytesIO()
    try:
        done = p.export(sandbox.warehouse_file(warehouse), WIDE.format(n=200_000), "csv", out,
                        timeout_s=120, max_bytes=None)
    finally:
        p.close()
    assert done.rows == 200_000 and not done.truncated
    lines = out.getvalue().splitlines()
    assert lines[0] == b"range,wide" and len(lines) == 200_001 and lines[-1].endswith(b"199999")


def test_a_download_larger_than_the_byte_cap_stops_and_says_so(warehouse: Path) -> None:
    p = _pool()
    out = io.BytesIO()
    try:
        done = p.export(sandbox.warehouse_file(warehouse), WIDE.format(n=50_000), "csv", out,
                        max_bytes=5 * 2**20)
    finally:
        p.close()
    assert done.truncated and done.capped == "bytes" and 0 < done.rows < 50_000
    assert len(out.getvalue().splitlines()) == done.rows + 1  # whole rows only


def test_waiting_in_line_does_not_count_against_the_time_limit(warehouse: Path) -> None:
    """All workers busy with slow queries: SELECT 42 waits, is told how many are ahead, then runs."""
    p = _pool(size=1, max_busy=1)
    outcomes: dict[str, object] = {}

    def query(name: str, sql: str, timeout_s: float) -> None:
        try:
            outcomes[name] = run(sql, warehouse, p, timeout_s=timeout_s, session=name)
        except sandbox.SandboxError as exc:
            outcomes[name] = exc.kind

    threads = [threading.Thread(target=query, args=("slow", RUNAWAY, 2.0))]
    threads += [threading.Thread(target=query, args=(f"queued{i}", "SELECT 1", 5.0)) for i in range(2)]
    try:
        for thread in threads:
            thread.start()
            time.sleep(0.4)  # in this order: the slow one runs, two wait in line
        waits: list[tuple[int, bool]] = []
        result = run("SELECT 42 AS answer", warehouse, p, timeout_s=1.0, session="me",
                     on_wait=lambda ahead, full: waits.append((ahead, full)))
    finally:
        for thread in threads:
            thread.join()
        p.close()
    assert result.table["answer"].to_pylist() == [42]
    assert result.waited_s > 1.0  # it waited longer than its own 1 s limit and was not stopped
    assert outcomes["slow"] in ("timeout", "busy")  # "busy": other work held the processors past 30 s
    assert waits[0] == (2, False)  # told at once: two queries ahead of it, all workers busy
    assert [ahead for ahead, _ in waits] == sorted((ahead for ahead, _ in waits), reverse=True)


def test_one_session_cannot_take_every_slot(warehouse: Path) -> None:
    p = _pool(max_busy=2)  # at most one running query per session
    finished: list[str] = []
    greedy_waits: list[tuple[int, bool]] = []

    def greedy(i: int) -> None:
        with contextlib.suppress(sandbox.SandboxError):
            # 6 s, not 2: "other" must be answered while the first runs, which took over 1.6 s on a loaded
            # machine (the whole suite beside benchmarks: greedy0 finished first); the second only has to
            # wait for the first (its time runs from its start), so 1 s spares the suite 5
            run(RUNAWAY, warehouse, p, timeout_s=1.0 if i else 6.0, session="greedy",
                on_wait=lambda ahead, full: greedy_waits.append((ahead, full)))
        finished.append(f"greedy{i}")

    threads = [threading.Thread(target=greedy, args=(i,)) for i in range(2)]
    try:
        for thread in threads:
            thread.start()
            time.sleep(0.4)
        result = run("SELECT 42 AS answer", warehouse, p, timeout_s=5.0, session="other")
        finished.append("other")
    finally:
        for thread in threads:
            thread.join()
        p.close()
    assert result.table["answer"].to_pylist() == [42]
    assert finished[0] == "other"  # answered while the greedy session's first query still ran
    assert greedy_waits and greedy_waits[0][1]  # the greedy session's second query waited for its own


def test_csv_download_can_neutralise_formula_cells_for_people(warehouse: Path, pool) -> None:
    """The rule is the exports' (analytics/export/tables.py); the worker applies the patterns it is sent."""
    guard = ("^[ ]*[=+\\-@\t\r]", r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$")
    sql = ("SELECT '=HYPERLINK(\"http://x\",\"click\")' AS \"=a\", '-5' AS n, '@x' AS at, 'plain' AS p, "
           "' +1+1' AS sp, NULL AS nothing")
    people, raw = io.BytesIO(), io.BytesIO()
    sandbox.export_query(sql, warehouse, "csv", people, pool=pool, formula_guard=guard)
    sandbox.export_query(sql, warehouse, "csv", raw, pool=pool)
    assert people.getvalue().decode().splitlines() == [
        "'=a,n,at,p,sp,nothing", '"\'=HYPERLINK(""http://x"",""click"")",-5,\'@x,plain,\' +1+1,']
    assert (
        raw.getvalue().decode().splitlines()[1] == '"=HYPERLINK(""http://x"",""click"")",-5,@x,plain, +1+1,'
    )


def _workers_and_threads(parent: int) -> dict[int, list[int]]:
    """Each sandbox worker this process started, with the nice value of every one of its threads."""
    found: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        with contextlib.suppress(OSError):
            stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            if int(stat[1]) != parent or b"sandbox_worker.py" not in (entry / "cmdline").read_bytes():
                continue
            nices = []
            for task in (entry / "task").iterdir():
                with contextlib.suppress(OSError):
                    nices.append(int((task / "stat").read_text().rsplit(")", 1)[1].split()[16]))
            found[int(entry.name)] = nices
    return found


def test_a_query_runs_at_the_lowest_cpu_priority(warehouse: Path, pool) -> None:
    """A researcher's query (its worker and every DuckDB thread in it) takes only the CPU the app's
    page runs leave idle: nice 19, whatever the server's own niceness. Before, nice +5 from the server's
    took a tenth of a saturated machine while ten sessions toured the app (bench users)."""
    run("SELECT count(*) FROM postings a, postings b", warehouse, pool)  # DuckDB's threads started
    workers = _workers_and_threads(os.getpid())
    assert workers and max(len(n) for n in workers.values()) >= 2  # one ran: its DuckDB threads counted
    assert {n for nices in workers.values() for n in nices} == {19}
    # and its session's scheduling group (Linux autogroups: a session's share does not depend on its
    # threads' nice values), where the kernel has them
    if Path("/proc/self/autogroup").exists():
        for pid in workers:
            assert Path(f"/proc/{pid}/autogroup").read_text().split()[-1] == "19"


@contextlib.contextmanager
def _one_core_taken():
    """This thread (and every process it starts) on one core, where a busy loop of another session runs,
    as other people's work held this machine in QA round twenty-three (each in a scheduling group of its
    own, against which the worker's lowest priority gets about 1.5% of the core)."""
    import subprocess
    import sys

    before = os.sched_getaffinity(0)
    core = {min(before)}
    os.sched_setaffinity(0, core)
    hog = subprocess.Popen([sys.executable, "-c", "while True: pass"], start_new_session=True)
    try:
        time.sleep(0.2)
        yield
    finally:
        hog.kill()
        hog.wait()
        os.sched_setaffinity(0, before)


def test_a_query_a_busy_machine_kept_waiting_is_limited_by_its_own_run(warehouse: Path) -> None:
    """QA round twenty-three: a count DuckDB answers in 0.04 s was stopped as "ran longer than 10 s" while
    other sessions' work kept its worker (nice 19) off the processors; the limit counts the query's own
    run, not the time it waited for a processor."""
    p = _pool(size=0, max_busy=1)
    try:
        with _one_core_taken():
            result = run("SELECT count(*) AS n FROM postings", warehouse, p, timeout_s=0.5)
    finally:
        p.close()
    print(f"\nanswered in {result.elapsed_s:.2f} s of wall time (limit 0.5 s of its own run)")
    assert result.table["n"].to_pylist() == [len(POSTINGS)]
    assert result.elapsed_s > 0.5  # the busy core held it past its limit, and its own run stayed within


def test_a_starved_runaway_query_is_stopped_at_the_wall_limit_as_busy(warehouse: Path) -> None:
    """A query the machine never lets run still ends: at the wall-clock limit, told as the server being
    busy, not as its own run being too long."""
    p = _pool(size=0, max_busy=1)
    try:
        with _one_core_taken():
            start = time.monotonic()
            with pytest.raises(sandbox.SandboxError) as info:
                run(RUNAWAY, warehouse, p, timeout_s=0.5, wall_limit_s=2.0)
            stopped = time.monotonic() - start
    finally:
        p.close()
    print(f"\nstarved runaway stopped after {stopped:.2f} s: {info.value.message}")
    assert info.value.kind == "busy" and "busy" in info.value.message
    assert stopped < 2.0 + 1.5  # the worker's start is not counted


def test_a_worker_starts_quickly_on_a_busy_machine() -> None:
    """The worker's start (python, duckdb and pyarrow imports: fixed work, no user's query) ran at the
    lowest priority too, and took 7.8 s at load 3 and 25.6 s beside two busy loops, near its 30 s
    limit (QA round twenty-four); only a query's run needs to yield."""
    with _one_core_taken():
        start = time.monotonic()
        worker = sandbox._Worker(3072, 1024, 1)
        took = time.monotonic() - start
        worker.kill()
    print(f"\nworker ready in {took:.2f} s beside a busy loop on its core")
    assert took < 5.0


@pytest.mark.parametrize(("value", "seconds"), [
    (None, sandbox.DEFAULT_TIMEOUT_S), ("", sandbox.DEFAULT_TIMEOUT_S), ("2.5", 2.5), (" 30 ", 30.0),
    ("60", 60.0), ("0.5", 0.5),
])
def test_the_sql_time_limit_is_read_from_the_environment(value: str | None, seconds: float,
                                                         caplog: pytest.LogCaptureFixture) -> None:
    """hqa37 ruling 3: SQL_TIMEOUT_S sets the SQL page's time limit (never the UI); unset or blank, the
    default; no warning for a good value."""
    environ = {} if value is None else {sandbox.TIMEOUT_ENV: value}
    assert sandbox.timeout_from(environ) == seconds
    assert not caplog.records


@pytest.mark.parametrize("value", ["0", "-5", "ten", "nan", "inf", "61", "1e9", "10s"])
def test_a_bad_sql_time_limit_keeps_the_default_and_says_so_in_the_log(
        value: str, caplog: pytest.LogCaptureFixture) -> None:
    """Not a number of seconds in (0, MAX_TIMEOUT_S]: the default, with a warning naming the variable, the
    value and the limit kept (the server still starts: the setting is one page's)."""
    with caplog.at_level("WARNING", logger=sandbox.__name__):
        assert sandbox.timeout_from({sandbox.TIMEOUT_ENV: value}) == sandbox.DEFAULT_TIMEOUT_S
    [record] = caplog.records
    said = record.getMessage()
    assert sandbox.TIMEOUT_ENV in said and repr(value) in said and f"{sandbox.DEFAULT_TIMEOUT_S:g} s" in said


def test_the_sql_time_limit_is_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Read at the start (its first use; ui.serve reads it before serving), not at each run."""
    sandbox.page_timeout_s.cache_clear()
    try:
        monkeypatch.setenv(sandbox.TIMEOUT_ENV, "3")
        assert sandbox.page_timeout_s() == 3.0
        monkeypatch.setenv(sandbox.TIMEOUT_ENV, "4")
        assert sandbox.page_timeout_s() == 3.0
    finally:
        sandbox.page_timeout_s.cache_clear()
