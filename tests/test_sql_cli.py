"""``python -m analytics sql``: CSV on stdout, or one line on stderr and exit status 2."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from test_views import POSTINGS, make_warehouse

from analytics import sandbox
from analytics.sql_cli import main

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("cli"))


def _lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.strip()]


def test_prints_the_result_as_csv(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(
        ["--db", str(warehouse), "SELECT posting_id, seniority FROM senior_software_postings ORDER BY 1"]
    )
    out, err = capsys.readouterr()
    assert code == 0 and err == ""
    rows = list(csv.DictReader(io.StringIO(out)))
    expected = [(str(p[0]), p[2]) for p in POSTINGS if p[3] and p[4] == "software_engineering"]
    assert [(r["posting_id"], r["seniority"]) for r in rows] == expected


def test_uses_warehouse_db_when_no_flag(warehouse: Path, monkeypatch: pytest.MonkeyPatch,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("WAREHOUSE_DB", str(warehouse))
    assert main(["SELECT count(*) AS n FROM postings"]) == 0
    assert capsys.readouterr().out.splitlines() == ["n", str(len(POSTINGS))]


def test_max_rows_truncates_with_a_note(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(warehouse), "--max-rows", "2", "SELECT * FROM range(5)"]) == 0
    out, err = capsys.readouterr()
    assert out.splitlines() == ["range", "0", "1"]
    assert "first 2 rows" in err and "--max-rows" in err


@pytest.mark.parametrize(("sql", "needle"), [
    ("SELECT * FROM read_csv('/etc/passwd')", "refused"),
    ("COPY postings TO 'out.csv'", "refused"),
    ("SELECT 1; DROP TABLE postings", "refused"),
    ("SELECT * FROM postngs", 'Did you mean "postings"'),
    ("SELEC 1", "syntax error"),
])
def test_refused_or_failed_query_exits_2_with_one_line(warehouse: Path, capsys: pytest.CaptureFixture[str],
                                                       sql: str, needle: str) -> None:
    assert main(["--db", str(warehouse), sql]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert len(_lines(err)) == 1 and needle in err


def test_timeout_flag_stops_a_runaway_query(warehouse: Path, capsys: pytest.CaptureFixture[str]) -> None:
    start = time.monotonic()
    code = main(["--db", str(warehouse), "--timeout", "1",
                 "SELECT sum(a.range * b.range) FROM range(100000000) a, range(100000000) b"])
    elapsed = time.monotonic() - start
    err = capsys.readouterr().err
    # stopped (the cross join would run for hours) at 1 s of its own run, or where other work kept it
    # off the processors, at the wall-clock limit; a worker start is not part of --timeout
    assert code == 2 and len(_lines(err)) == 1 and ("longer than 1 s" in err or "too busy" in err)
    assert elapsed < sandbox.WALL_LIMIT_S + 15


def test_missing_warehouse_and_bad_flags_exit_2_with_one_line(tmp_path: Path,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--db", str(tmp_path / "none.duckdb"), "SELECT 1"]) == 2
    err = capsys.readouterr().err
    assert len(_lines(err)) == 1 and "make run" in err and "python -m etl demo" in err
    assert main(["--timeout", "soon", "SELECT 1"]) == 2
    assert len(_lines(capsys.readouterr().err)) == 1
    assert main([]) == 2
    assert len(_lines(capsys.readouterr().err)) == 1


def test_python_m_analytics_sql_in_a_real_process(warehouse: Path) -> None:
    ok = subprocess.run([sys.executable, "-m", "analytics", "sql", "--db", str(warehouse),
                         "SELECT count(*) AS n FROM monthly_postings"],
                        cwd=PROJECT, capture_output=True, text=True, timeout=60)
    assert ok.returncode == 0 and ok.stdout.splitlines()[0] == "n", ok.stderr
    bad = subprocess.run(
        [sys.executable, "-m", "analytics", "sql", "--db", str(warehouse), "SELECT * FROM '/etc/passwd'"],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert bad.returncode == 2 and bad.stdout == ""
    assert len(_lines(bad.stderr)) == 1 and "Traceback" not in bad.stderr


TYPES_SQL = ("SELECT '-infinity'::DATE AS d, 'infinity'::TIMESTAMP AS ts, "
             "340282366920938463463374607431768211455::UHUGEINT AS u, INTERVAL '1 year 2 days 3 seconds' AS "
             "iv, '12:00:00+05:30'::TIMETZ AS ttz, '0101'::BIT AS b, union_value(k := 'x') AS un, [1, 2] AS "
             "l, {'a': 1, 'b': 'x'} AS s, NULL::INTEGER AS n, 0.1::DOUBLE AS f, 1.50::DECIMAL(5, 2) AS dec, "
             "'2024-05-01 10:00:00+00'::TIMESTAMPTZ AS tz, 'a,\"b' AS q")


def test_prints_every_duckdb_type_as_duckdb_renders_it(
    warehouse: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(warehouse), TYPES_SQL]) == 0
    out, err = capsys.readouterr()
    assert err == "" and "Traceback" not in out
    row = next(csv.DictReader(io.StringIO(out)))
    assert row == {"d": "-infinity", "ts": "infinity", "u": "340282366920938463463374607431768211455",
                   "iv": "1 year 2 days 00:00:03", "ttz": "12:00:00+05:30", "b": "0101", "un": "x",
                   "l": "[1, 2]", "s": "{'a': 1, 'b': x}", "n": "", "f": "0.1", "dec": "1.50",
                   "tz": "2024-05-01 10:00:00+00", "q": 'a,"b'}
    con = duckdb.connect()  # the oracle: DuckDB's own text for each value
    try:
        rel = con.sql(TYPES_SQL)
        own = rel.project("CAST(COLUMNS(*) AS VARCHAR)").fetchall()[0]
    finally:
        con.close()
    assert list(row.values()) == [("" if v is None else v) for v in own]
