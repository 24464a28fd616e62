"""A load whose publish runs out of DuckDB's memory limit says which setting to raise, publishes nothing and
leaves nothing behind (issue 10: a 5,000,000-posting load at the 1GB default failed at its publish with
DuckDB's bare "Out of Memory Error: failed to pin block ..."; docs/performance.md). A real load in a real
process: 3,000 demo postings are written within an 8MB limit, and the rollups of the publish are not."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb

from etl.demo import write_raw
from etl.warehouse import builder

ROOT = Path(__file__).resolve().parents[1]


def _etl(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def test_a_publish_out_of_memory_names_the_limit_and_publishes_nothing(tmp_path: Path) -> None:
    raw, db = tmp_path / "raw", tmp_path / "wh.duckdb"
    assert _etl("demo", "--raw", str(raw), "--postings", "3000").returncode == 0
    res = _etl("load", str(raw), "--db", str(db), "--no-progress", env={"ETL_MEMORY_LIMIT": "8MB"})
    assert res.returncode == 2, res.stderr[-500:]
    err = res.stderr.strip().splitlines()[-1]
    assert "ETL_MEMORY_LIMIT=8MB" in err and "raise it" in err and "unchanged" in err, err
    assert not db.exists()  # nothing published
    versions = db.with_name(db.name + ".d")
    assert not versions.exists() or not any(versions.iterdir())  # and no version or spill folder left


# Before branch hmem this load failed at 32MB with the error above, in rollup_skill_pairs (two DuckDB threads,
# the shared 2-core machine): the rollups over posting_skills joined to postings needed memory that grew with
# the warehouse. Run per range of skills (etl.warehouse.builder.PIECE_MARKS) they publish the same tables.
PIECES_POSTINGS, PIECES_LIMIT = 10_000, "32MB"


def test_a_publish_over_many_skill_rows_fits_a_small_limit_with_the_same_rollups(tmp_path: Path) -> None:
    raw, db = tmp_path / "raw", tmp_path / "wh.duckdb"
    write_raw(raw, PIECES_POSTINGS, seed=3, formats=("jobspy",), full_every=20)  # brief texts: quick
    res = _etl("load", str(raw), "--db", str(db), "--no-progress", env={"ETL_MEMORY_LIMIT": PIECES_LIMIT})
    assert res.returncode == 0, res.stderr[-500:]
    # the same version published again with DuckDB's default limit (one piece: each rollup in one statement)
    whole = tmp_path / "whole.duckdb"
    shutil.copyfile(db.resolve(), whole)
    con = duckdb.connect(str(whole))
    try:
        assert len(builder.skill_pieces(con)) == 1
        builder.derive(con)
        con.execute(f"ATTACH '{db.resolve()}' AS small (READ_ONLY)")
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'small' AND schema_name = 'main' "
            "AND (table_name LIKE 'rollup%' OR table_name = 'skill_bit') ORDER BY 1").fetchall()]
        assert "rollup_skill_pairs" in tables and "rollup_company_skills" in tables
        for t in tables:  # the same rows (ties of a table's ORDER BY may come in any order, so as multisets)
            rows = con.execute(f"SELECT count(*) FROM small.main.{t}").fetchall()
            assert rows == con.execute(f"SELECT count(*) FROM whole.main.{t}").fetchall(), t
            diff = con.execute(f"SELECT count(*) FROM (FROM small.main.{t} EXCEPT ALL FROM whole.main.{t})"
                               ).fetchall()
            assert diff == [(0,)], t
        # the tables built piece by piece are still in skill order (their readers' zone maps rely on it)
        for t, key in (("rollup_skill_pairs", "skill_a"), ("rollup_skill_pairs_b", "skill_b"),
                       ("rollup_skill_pairs_level", "skill_a"), ("rollup_company_skills", "skill"),
                       ("rollup_salary_skill_month", "skill")):
            unordered = con.execute(f"SELECT count(*) FROM (SELECT {key} < lag({key}) OVER (ORDER BY rowid) "
                                    f"AS back FROM small.main.{t}) WHERE back").fetchall()
            assert unordered == [(0,)], t
        assert con.execute("SELECT count(*) FROM small.main.rollup_skill_pairs").fetchall()[0][0] > 0
    finally:
        con.close()
