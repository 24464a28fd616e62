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
import pytest

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


def test_a_publish_over_many_skill_rows_fits_a_small_limit_with_the_same_rollups(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
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
                       ("rollup_salary_skill_month", "skill"), ("rollup_salary_bins", "skill")):
            unordered = con.execute(f"SELECT count(*) FROM (SELECT {key} < lag({key}) OVER (ORDER BY rowid) "
                                    f"AS back FROM small.main.{t}) WHERE back").fetchall()
            assert unordered == [(0,)], t
        assert con.execute("SELECT count(*) FROM small.main.rollup_skill_pairs").fetchall()[0][0] > 0
    finally:
        con.close()
    monkeypatch.setattr(builder, "PIECE_ROW_BYTES", 4096)
    _publish_fits_a_smaller_limit(db.resolve(), whole)


# Before branch hmem2 order.sql failed at 16MB on this warehouse, in the skill bitmap's UPDATE (grouped by
# posting); its block rollups and postings_dated grew with the postings too. Run per range of
# hash(posting_id), day blocks, months and levels (builder.PIECE_MARKS) they fit, with the same rows in the
# same order. rollups.sql does not fit 16MB (rollup_skill_pairs: one skill's rows are its unit), so it runs
# at 24MB, where its ranges of months and levels are several too (branch hmem3: those statements failed at
# 32MB on 300,000 postings, docs/performance.md; at this size their groups are too few to fail, so this
# checks their rows and order, not their memory). Ranges of 4,096 bytes a row (not 1,024) so that the
# posting-sized tables are built in several ranges here.
ORDER_LIMIT, ROLLUPS_LIMIT = "16MB", "24MB"
FIRST_KEY = {"postings_dated": "posted_date", "rollup_skill_sets_blocks": "posted_block",
             "rollup_postings_blocks": "posted_block", "rollup_salary_skill_blocks": "posted_block",
             "rollup_salary_month_blocks": "posted_block", "rollup_salary_places_blocks": "posted_block",
             "rollup_company_places_blocks": "posted_block", "rollup_postings_places_days": "posted_date",
             "rollup_skill_sets": f"coalesce(posted_month, DATE '{builder.UNDATED}')",
             "rollup_skill_sets_no_month": builder.PLACE_KEY, "rollup_salary_stated_sets": builder.PLACE_KEY,
             "rollup_salary_sets": builder.FAMILY_KEY, "postings_salaried": builder.FAMILY_KEY,
             "rollup_postings_detail": builder.MONTH_LEVEL_KEY,
             "rollup_salary_detail": builder.MONTH_LEVEL_KEY,
             "rollup_salary_places": builder.MONTH_LEVEL_KEY,
             "rollup_company_months": builder.MONTH_LEVEL_KEY,
             "rollup_skill_pairs": "skill_a", "rollup_skill_pairs_b": "skill_b",
             "rollup_company_skills": "skill"}


def _publish_fits_a_smaller_limit(published: Path, whole: Path) -> None:
    small = whole.with_name("small.duckdb")  # its catalog: small
    shutil.copyfile(published, small)
    con = duckdb.connect(str(small))
    try:
        con.execute(f"SET memory_limit = '{ORDER_LIMIT}'")
        con.execute(f"SET temp_directory = '{small}.tmp'")
        builder.run_script(con, "views.sql")
        builder.run_script(con, "cells.sql")
        builder.sort_tables(con)  # before hmem2: OutOfMemoryException here
        keyed = [len(builder.pieces_of(con, m)) for m in builder.KEYS]  # family, place, monthlevel
        assert min(len(builder.posting_pieces(con)), len(builder.block_pieces(con)),
                   len(builder.month_pieces(con)), *keyed) > 1  # in pieces
        con.execute(f"SET memory_limit = '{ROLLUPS_LIMIT}'")
        assert len(builder.pieces_of(con, "monthlevel")) > 1
        builder.run_script(con, "rollups.sql")
        con.execute("RESET memory_limit")
        con.execute(f"ATTACH '{whole}' AS whole (READ_ONLY)")
        tables = [t for (t,) in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = 'whole' AND schema_name = 'main' "
            "AND table_name NOT IN ('meta', 'extraction_quality') ORDER BY 1").fetchall()]
        assert set(FIRST_KEY) <= set(tables)
        for t in tables:
            cols = "* EXCLUDE (description)" if t == "postings" else "*"  # the bitmap words among them
            for a, b in (("small", "whole"), ("whole", "small")):
                diff = con.execute(f"SELECT count(*) FROM (SELECT {cols} FROM {a}.main.{t} EXCEPT ALL "
                                   f"SELECT {cols} FROM {b}.main.{t})").fetchall()
                assert diff == [(0,)], (t, a)
        for t, key in FIRST_KEY.items():  # appended range by range, still in their sort key's order
            unordered = con.execute(f"SELECT count(*) FROM (SELECT {key} < lag({key}) OVER "
                                    f"(ORDER BY rowid) AS back FROM small.main.{t}) WHERE back").fetchall()
            assert unordered == [(0,)], t
        same = con.execute("SELECT count(*) FROM (SELECT posting_id, row_number() OVER (ORDER BY rowid) AS r "
                           "FROM small.main.postings_dated) s JOIN (SELECT posting_id, row_number() OVER "
                           "(ORDER BY rowid) AS r FROM whole.main.postings_dated) w USING (posting_id, r)"
                           ).fetchall()[0][0]
        assert same == con.execute("SELECT count(*) FROM whole.main.postings_dated").fetchall()[0][0]
    finally:
        con.close()
