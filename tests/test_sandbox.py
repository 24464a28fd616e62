"""The SQL sandbox does what researchers need: answers, limits, clear errors, speed.

Hostile statements are in test_sandbox_hostile.py; this file checks the friendly side
and the limits (rows, deadline, memory, concurrency) on the tiny warehouse.
"""

from __future__ import annotations

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
    "SELECT year(posted_date) AS y, date_trunc('month', posted_date) AS m, regexp_matches(title, 'Senior') AS s, "
    "[1, 2][1] AS l, {'a': 1}.a AS st, count(*) FILTER (WHERE is_senior) AS n, median(salary_usd_mid) AS med, "
    "strftime(max(posted_date), '%Y') AS f, string_agg(DISTINCT country, ',') AS c, coalesce(NULL, 1) AS k, "
    "CASE WHEN count(*) > 1 THEN 'many' END AS w, CAST(1.5 AS INTEGER) AS i, 2 ** 3 AS p, 'a' || 'b' AS cat, "
    "title ILIKE '%eng%' AS eng, now() > TIMESTAMP '2020-01-01' AS later FROM postings GROUP BY ALL",
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
    assert (jan_python["postings_with_skill"], jan_python["postings"], jan_python["share_pct"]) == (2, 2, 100.0)


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
        run(RUNAWAY, warehouse, pool, timeout_s=timeout)
    stopped = time.monotonic() - start
    print(f"\nrunaway query stopped after {stopped:.2f} s (timeout {timeout} s)")
    assert info.value.kind == "timeout"
    assert stopped < timeout + 1.0
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
    assert outcome["kind"] == "timeout"


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
