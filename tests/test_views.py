"""The analysis views (etl/warehouse/views.sql) on a tiny hand-made warehouse.

Also home of :func:`make_warehouse`, the tiny warehouse the SQL sandbox, CLI and page
tests share (``from test_views import make_warehouse``): schema.sql, then views.sql, then
seven postings whose every figure below can be worked out by hand, published through
the real symlink scheme.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.warehouse.paths import publish, versions_dir

WAREHOUSE_SQL = Path(__file__).resolve().parents[1] / "etl" / "warehouse"
VIEWS = ("senior_software_postings", "posting_skill_pairs", "monthly_postings")

# posting_id, month, seniority, is_senior, role_family, experience_min, salary_usd_mid, plausible, remote,
# region, country
POSTINGS = [
    (1, "2025-01-01", "senior", True, "software_engineering", 5, 160_000, True, "remote", "US-CA", "US"),
    (2, "2025-01-01", "staff", True, "software_engineering", 8, 210_000, True, "hybrid", "US-NY", "US"),
    (3, "2025-02-01", "senior", True, "software_engineering", 6, 5, False, "onsite", "GB-ENG", "GB"),
    (4, "2025-02-01", "mid", False, "software_engineering", 3, 90_000, True, None, "GB-ENG", "GB"),
    (5, "2025-02-01", "senior", True, "data", 4, 100_000, True, "remote", "DE-BE", "DE"),
    (6, "2025-03-01", "lead", True, "software_engineering", None, 180_000, True, "remote", "US-CA", "US"),
    (7, None, "junior", False, "software_engineering", 1, None, None, None, "IN-KA", "IN"),
]
SKILLS = [("Python", "language"), ("Go", "language"), ("Kubernetes", "cloud"), ("SQL", "database"),
          ("Mentoring", "responsibility")]
POSTING_SKILLS = [(1, "Python"), (1, "Kubernetes"), (2, "Python"), (2, "Mentoring"), (3, "Go"),
                  (4, "Python"), (5, "SQL"), (6, "Python"), (6, "Go")]


def make_warehouse(folder: Path, *, version_name: str = "v-test-1.duckdb", extra_title: str = "") -> Path:
    """Build the tiny warehouse under ``folder`` and publish it; returns the warehouse (link) path."""
    db = folder / "warehouse.duckdb"
    vdir = versions_dir(db)
    vdir.mkdir(parents=True, exist_ok=True)
    version = vdir / version_name
    con = duckdb.connect(str(version))
    try:
        con.execute((WAREHOUSE_SQL / "schema.sql").read_text())
        con.execute((WAREHOUSE_SQL / "views.sql").read_text())
        con.execute("INSERT INTO meta VALUES ('schema_version', '1'), ('is_demo', 'false')")
        con.execute("INSERT INTO load_runs (run_id, started_at, file_path, file_name, file_hash, status) "
                    "VALUES (1, TIMESTAMP '2025-04-01 10:00:00', 'in/postings.csv', 'postings.csv', 'abc', "
                    "'ok')")
        for pid, month, sen, is_sen, family, exp, mid, ok, remote, region, country in POSTINGS:
            con.execute(
                "INSERT INTO postings (posting_id, run_id, record_no, source, title, company, posted_date, "
                "posted_month, seniority, is_senior, role_family, experience_min, salary_usd_min, "
                "salary_usd_max, salary_usd_mid, salary_plausible, remote, region, country) VALUES (?, 1, ?, "
                "'jobspy', ?, 'Acme', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [
                    pid,
                    pid,
                    f"{sen.title()} engineer {pid}{extra_title}",
                    month,
                    month,
                    sen,
                    is_sen,
                    family,
                    exp,
                    None if mid is None else mid * 0.9,
                    None if mid is None else mid * 1.1,
                    mid,
                    ok,
                    remote,
                    region,
                    country,
                ],
            )
        con.executemany("INSERT INTO skills VALUES (?, ?, [])", SKILLS)
        category = dict(SKILLS)
        con.executemany("INSERT INTO posting_skills VALUES (?, ?, ?)",
                        [(pid, skill, category[skill]) for pid, skill in POSTING_SKILLS])
        con.execute("CHECKPOINT")
    finally:
        con.close()
    publish(db, version)
    return db


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_warehouse(tmp_path_factory.mktemp("views"))


@pytest.fixture
def con(warehouse: Path):
    c = duckdb.connect(str(warehouse.resolve()), read_only=True)
    yield c
    c.close()


def test_views_sql_is_idempotent_and_keeps_comments(tmp_path: Path) -> None:
    con = duckdb.connect(str(tmp_path / "w.duckdb"))
    con.execute((WAREHOUSE_SQL / "schema.sql").read_text())
    for _ in range(2):  # the loader runs it at every publish
        con.execute((WAREHOUSE_SQL / "views.sql").read_text())
    names = {r[0] for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()}
    assert set(VIEWS) <= names
    undocumented = con.execute(
        "SELECT table_name, column_name FROM duckdb_columns() WHERE table_name IN ? "
        "AND coalesce(comment, '') = ''", [list(VIEWS)]).fetchall()
    assert undocumented == []
    views_without = con.execute("SELECT view_name FROM duckdb_views() WHERE view_name IN ? "
                                "AND coalesce(comment, '') = ''", [list(VIEWS)]).fetchall()
    assert views_without == []
    con.close()


def test_senior_software_postings_selects_senior_software_only(con) -> None:
    expected = sorted(p[0] for p in POSTINGS if p[3] and p[4] == "software_engineering")
    got = [r[0] for r in con.execute("SELECT posting_id FROM senior_software_postings ORDER BY 1").fetchall()]
    assert got == expected == [1, 2, 3, 6]


def test_senior_software_postings_hides_implausible_salaries(con) -> None:
    rows = dict(con.execute("SELECT posting_id, salary_usd_mid FROM senior_software_postings").fetchall())
    assert rows[3] is None  # 5 USD a year is not plausible
    assert rows[1] == 160_000
    low, high = con.execute("SELECT salary_usd_min, salary_usd_max FROM senior_software_postings "
                            "WHERE posting_id = 3").fetchone()
    assert low is None and high is None


def test_posting_skill_pairs_one_row_per_posting_skill(con) -> None:
    assert con.execute("SELECT count(*) FROM posting_skill_pairs").fetchone()[0] == len(POSTING_SKILLS)
    row = con.execute("SELECT posted_month::VARCHAR, seniority, country, region, remote, salary_usd_mid "
                      "FROM posting_skill_pairs WHERE posting_id = 1 AND skill = 'Python'").fetchone()
    assert row == ("2025-01-01", "senior", "US", "US-CA", "remote", 160_000)
    assert (
        con.execute("SELECT salary_usd_mid FROM posting_skill_pairs WHERE posting_id = 3").fetchone()[0]
        is None
    )


def test_monthly_postings_adds_up(con) -> None:
    total, senior, remote, with_salary = con.execute(
        "SELECT sum(postings), sum(senior_postings), sum(remote_postings), sum(postings_with_salary) "
        "FROM monthly_postings").fetchone()
    dated = [p for p in POSTINGS if p[1] is not None]
    assert total == len(dated) == 6
    assert senior == sum(1 for p in dated if p[3])
    assert remote == sum(1 for p in dated if p[8] == "remote")
    assert with_salary == sum(1 for p in dated if p[7])
    median = con.execute("SELECT median_salary_usd FROM monthly_postings WHERE posted_month = '2025-01-01' "
                         "AND seniority = 'staff'").fetchone()[0]
    assert median == 210_000
