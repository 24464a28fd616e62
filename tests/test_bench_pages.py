"""bench pages' scale-up on a copy of the tiny warehouse: the replicated base tables, then the derived
tables made as a publish makes them (the bench's figures are only worth something if its warehouse is a
real published one)."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from bench import pages
from etl.warehouse.paths import current_version


def test_scale_up_then_rederive_makes_every_derived_table_of_the_grown_postings(tiny_db: Path,  # noqa: F811
                                                                                 tmp_path: Path) -> None:
    version = current_version(tiny_db)
    assert version is not None
    copy = tmp_path / "v.duckdb"
    shutil.copyfile(version, copy)
    con = duckdb.connect(str(copy), read_only=True)
    seed = con.execute("SELECT count(*) FROM postings").fetchall()[0][0]
    con.close()
    pages.scale_up(copy, 3 * seed)
    pages.rederive(copy)
    con = duckdb.connect(str(copy), read_only=True)
    try:
        grown = con.execute("SELECT count(*) FROM postings").fetchall()[0][0]
        assert grown == 3 * seed
        for table in ("rollup_postings_detail", "rollup_skill_sets", "rollup_postings_month"):
            assert con.execute(f"SELECT sum(postings) FROM {table}").fetchall()[0][0] == grown, table
        # every posting with skills has its bitmap filled (order.sql ran on the grown tables)
        assert con.execute("""SELECT count(*) FROM postings p
            WHERE p.posting_id IN (SELECT posting_id FROM posting_skills)
              AND coalesce(p.skill_bits_0, 0) = 0 AND coalesce(p.skill_bits_1, 0) = 0""").fetchall() == [(0,)]
    finally:
        con.close()
