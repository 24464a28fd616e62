"""Comparing a warehouse published from a lake with one built by a plain ``etl load`` of the same files.

Shared by the lake tests: the same postings (every field, by posting id), the same duplicates, skills,
quarantine and per-file counts, and the same dashboard numbers from the analytics query functions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from etl.warehouse.paths import current_version


def rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    ver = current_version(db)
    assert ver is not None, f"no warehouse at {db}"
    con = duckdb.connect(str(ver), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


QUERIES = {
    # every field but the skill bitmap, which order.sql derives for stored tables only (not lake views)
    "postings": "SELECT COLUMNS(lambda c: c NOT LIKE 'skill_bits_%') FROM postings ORDER BY posting_id",
    "posting_skills": "SELECT posting_id, skill, category FROM posting_skills ORDER BY ALL",
    "duplicates": "SELECT * FROM duplicate_postings ORDER BY run_id, record_no",
    "rejected": "SELECT run_id, file_path, record_no, reason, raw FROM rejected_rows "
                "ORDER BY run_id, record_no",
    "posting_keys": "SELECT kind, key, posting_id, posted_date FROM posting_keys ORDER BY ALL",
    "load_runs": "SELECT run_id, file_path, file_name, file_hash, file_bytes, format, read, loaded, "
                 "duplicates, rejected, status, message FROM load_runs ORDER BY run_id",
    "rollup_postings_month": "SELECT * FROM rollup_postings_month ORDER BY cell_id",
    "rollup_skill_month": "SELECT * FROM rollup_skill_month ORDER BY ALL",
    "rollup_skill_pairs": "SELECT * FROM rollup_skill_pairs ORDER BY ALL",
    "rollup_postings_detail": "SELECT * FROM rollup_postings_detail ORDER BY ALL",
    "rollup_salary_detail": "SELECT * FROM rollup_salary_detail ORDER BY ALL",
}


def assert_same_warehouse(lake_db: Path, plain_db: Path) -> int:
    """Every table the dashboard reads is identical; returns the number of postings compared.

    Each query's rows are compared as a multiset inside DuckDB (``EXCEPT ALL`` both ways: every column,
    NULLs equal to NULLs, doubles by value) rather than fetched into Python: 20,000 postings and their
    keys and rollups took minutes to compare row by row on a loaded machine. A difference names the
    table and shows a row each side lacks.
    """
    lake_ver, plain_ver = current_version(lake_db), current_version(plain_db)
    assert lake_ver is not None and plain_ver is not None, f"no warehouse at {lake_db} or {plain_db}"
    con = duckdb.connect()
    try:
        for alias, ver in (("lake", lake_ver), ("load", plain_ver)):
            con.execute(f"ATTACH '{ver}' AS {alias} (READ_ONLY)")
        for name, sql in QUERIES.items():
            for alias in ("lake", "load"):
                con.execute(f"USE {alias}")
                con.execute(f"CREATE OR REPLACE TEMP TABLE {alias}_rows AS {sql}")
            con.execute("USE memory")
            got, want = (con.execute(f"SELECT count(*) FROM temp.{a}_rows").fetchone()[0]  # type: ignore[index]
                         for a in ("lake", "load"))
            assert got == want, f"{name}: {got} rows from the lake, {want} from etl load"
            only = {a: con.execute(f"SELECT * FROM temp.{a}_rows EXCEPT ALL SELECT * FROM temp.{b}_rows "
                                   "LIMIT 3").fetchall() for a, b in (("lake", "load"), ("load", "lake"))}
            assert not only["lake"] and not only["load"], (
                f"{name} differs:\nlake only: {only['lake']}\nload only: {only['load']}")
        return int(con.execute("SELECT count(*) FROM load.postings").fetchone()[0])  # type: ignore[index]
    finally:
        con.close()


def dashboard_numbers(db: Path) -> dict[str, pd.DataFrame]:
    """The figures behind the dashboard's pages, through the analytics query functions."""
    from analytics import db as adb
    from analytics.filters import Filters
    from analytics.queries import data, experience, overview, regions, salary, skills

    adb.close_all()
    f, every = Filters(), Filters(seniority=(), role_family=())
    out: dict[str, pd.DataFrame] = {}
    for name, fn in {
        "kpis": lambda g: overview.kpis(g, db=db),
        "per_month": lambda g: overview.postings_per_month(g, db=db),
        "top_skills": lambda g: skills.top_skills(g, db=db),
        "top_skills_base": lambda g: skills.top_skills(g, db=db, rollup=False),
        "cooccurrence": lambda g: skills.cooccurrence(g, db=db),
        "by_country": lambda g: regions.by_country(g, db=db),
        "by_us_state": lambda g: regions.by_us_state(g, db=db),
        "salary_bands": lambda g: salary.by_band(g, db=db),
        "salary_by_skill": lambda g: salary.by_skill(g, db=db),
        "years": lambda g: experience.years_bands(g, db=db),
        "degree": lambda g: experience.degree(g, db=db),
        "source_mix": lambda g: data.source_mix(g, db=db),
    }.items():
        for label, flt in (("senior", f), ("all", every)):
            res = fn(flt)
            out[f"{name}/{label}"] = res.df.reset_index(drop=True)
            out[f"{name}/{label}/n"] = pd.DataFrame({"n": [res.n]})
    out["rejected_reasons"] = data.rejected_reasons(db=db).df.reset_index(drop=True)
    adb.close_all()
    return out


def assert_same_dashboard(lake_db: Path, plain_db: Path) -> None:
    got, want = dashboard_numbers(lake_db), dashboard_numbers(plain_db)
    assert got.keys() == want.keys()
    for key in want:
        pd.testing.assert_frame_equal(got[key], want[key], check_exact=True, obj=key)
