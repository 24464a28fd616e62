"""Skills queries on the tiny warehouse (see tests/fixtures/tiny): Python ids 1-30, Go even
ids 2-40, Kubernetes 1-10, AWS multiples of 5, PostgreSQL 31-40; Mentoring 21-40, System
design 1-5 and 31-40. Hand-worked answers; rollup and base paths must agree."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics import db
from analytics.filters import Filters
from analytics.queries import skills

pytestmark = pytest.mark.usefixtures("tiny_db")


@pytest.mark.parametrize("rollup", [True, False])
def test_top_skills(rollup: bool) -> None:
    res = skills.top_skills(Filters(), rollup=rollup)
    assert res.n == 40
    assert list(res.df["skill"]) == ["Python", "Go", "Kubernetes", "PostgreSQL", "AWS"]
    assert list(res.df["postings"]) == [30, 20, 10, 10, 8]
    assert list(res.df["share"]) == [0.75, 0.5, 0.25, 0.25, 0.2]
    assert "Mentoring" not in set(res.df["skill"])


def test_top_skills_with_skill_filter() -> None:
    res = skills.top_skills(Filters(skills=("Go", "Kubernetes"), skills_mode="all"))
    assert res.n == 5  # even ids 2..10
    assert dict(zip(res.df["skill"], res.df["postings"])) == {"Go": 5, "Kubernetes": 5, "Python": 5, "AWS": 1}


@pytest.mark.parametrize("rollup", [True, False])
def test_skill_trend(rollup: bool) -> None:
    res = skills.skill_trend(Filters(), ("Go", "Python"), rollup=rollup)
    go = res.df[res.df["skill"] == "Go"]
    assert list(go["postings"]) == [0, 10, 0, 10]  # even ids fall in February and April
    py = res.df[res.df["skill"] == "Python"]
    assert list(py["postings"]) == [8, 8, 7, 7]
    assert res.n == 40


def test_movers() -> None:
    res = skills.movers(Filters(), (date(2025, 1, 1), date(2025, 2, 28)), (date(2025, 3, 1), date(2025, 4, 30)),
                        min_count=10)
    assert res.n == 40
    by = res.df.set_index("skill")
    assert by.loc["PostgreSQL", "count_a"] == 4 and by.loc["PostgreSQL", "count_b"] == 6
    assert by.loc["PostgreSQL", "change"] == pytest.approx(0.1)
    assert res.df["skill"].iloc[0] == "PostgreSQL"
    assert "AWS" not in by.index  # 8 postings < 10


@pytest.mark.parametrize("rollup", [True, False])
def test_cooccurrence(rollup: bool) -> None:
    res = skills.cooccurrence(Filters(), 5, rollup=rollup)
    pairs = {(a, b): t for a, b, t in zip(res.df["skill_a"], res.df["skill_b"], res.df["together"])}
    assert pairs[("Python", "Go")] == pairs[("Go", "Python")] == 15
    assert pairs[("Python", "Kubernetes")] == 10 and pairs[("Go", "Kubernetes")] == 5
    assert pairs[("AWS", "Python")] == 6 and pairs[("AWS", "Go")] == 4 and pairs[("Python", "PostgreSQL")] == 0
    assert len(res.df) == 5 * 4 and res.n == 40


def test_rollup_and_base_agree_under_filters() -> None:
    f = Filters(date_from=date(2025, 2, 1), date_to=date(2025, 3, 31), remote=("remote", "not stated"),
                source=("greenhouse",))
    for fn in (skills.top_skills, skills.cooccurrence, skills.responsibilities):
        a, b = fn(f, rollup=True), fn(f, rollup=False)
        assert a.notes and not b.notes
        pd.testing.assert_frame_equal(a.df, b.df, check_dtype=False)
        assert a.n == b.n


def test_salary_premium() -> None:
    res = skills.salary_premium(Filters())
    by = res.df.set_index("skill")
    assert res.n == 35
    assert by.loc["Python", "median_salary_usd"] == 115_500 and by.loc["Python", "premium_usd"] == -2_500
    assert by.loc["Python", "n"] == 30 and bool(by.loc["Python", "enough"])
    assert by.loc["Go", "premium_usd"] == 0 and not bool(by.loc["Go", "enough"])  # 17 salaries


@pytest.mark.parametrize("rollup", [True, False])
def test_responsibilities(rollup: bool) -> None:
    res = skills.responsibilities(Filters(), rollup=rollup)
    assert ("answered from rollup_skill_month" in res.notes) is rollup
    got = {(s, k): share for s, k, share in zip(res.df["seniority"], res.df["skill"], res.df["share"])}
    assert got == {("senior", "System design"): 0.25, ("staff", "Mentoring"): 1.0,
                   ("lead", "Mentoring"): 1.0, ("lead", "System design"): 1.0}
    assert res.n == 40


def test_pairs_rollup_is_keyed_by_cells() -> None:
    """rollup_skill_pairs counts per cell of rollup_postings_month; summed, it is the base-table pair count."""
    rolled, _ = db.query("SELECT skill_a, skill_b, sum(postings)::BIGINT AS n FROM rollup_skill_pairs "
                         "GROUP BY ALL ORDER BY ALL")
    base, _ = db.query("SELECT a.skill AS skill_a, b.skill AS skill_b, count(*) AS n FROM posting_skills a "
                       "JOIN posting_skills b ON a.posting_id = b.posting_id AND a.skill < b.skill "
                       "WHERE a.category <> 'responsibility' AND b.category <> 'responsibility' "
                       "GROUP BY ALL ORDER BY ALL")
    pd.testing.assert_frame_equal(rolled, base, check_dtype=False)
    cells, _ = db.query("SELECT count(*) AS n, count(DISTINCT cell_id) AS ids, "
                        "(SELECT count(*) FROM rollup_skill_pairs WHERE cell_id NOT IN "
                        "(SELECT cell_id FROM rollup_postings_month)) AS orphans FROM rollup_postings_month")
    assert cells["n"][0] == cells["ids"][0] and cells["orphans"][0] == 0
