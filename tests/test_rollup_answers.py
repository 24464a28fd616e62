"""Every rollup path answers as the base tables do, on a generated warehouse and on the tiny one.

Why: the tiny warehouse's hand-worked numbers cannot show every shape of data (many months, skewed
skills, sparse cells, undated postings, NULL work arrangements, salaries spread over hundreds of
bins). So a warehouse of 6,000 postings is generated here with DuckDB's seeded random numbers, run
through the project's own schema.sql, order.sql and rollups.sql, and for each single filter the
dashboard offers each query that has a rollup path is run both ways: counts and shares must be equal,
and binned salary figures within one bin (salary.SALARY_BIN_USD) of the exact ones, as the captions say.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import duckdb
import pandas as pd
import pytest
from tiny_warehouse import WAREHOUSE_SQL, tiny_db_session  # noqa: F401

from analytics import db as adb
from analytics.filters import (
    Filters,
    block_start,
    block_where,
    edge_where,
    month_end,
    where,
    whole_month_span,
)
from analytics.queries import data, detail, experience, overview, regions, salary, skills
from etl.warehouse import builder
from etl.warehouse.paths import publish, versions_dir

SKILLS = ("Python", "Go", "Java", "SQL", "AWS", "Kubernetes", "React", "Rust", "Docker", "Terraform", "Scala",
          "Kotlin")


def generate(db: Path, postings: int = 6000) -> None:
    """A published warehouse of ``postings`` random postings (seeded, so the same every run)."""
    vdir = versions_dir(db)
    vdir.mkdir(parents=True, exist_ok=True)
    version = vdir / "v-generated.duckdb"
    con = duckdb.connect(str(version))
    try:
        con.execute((WAREHOUSE_SQL / "schema.sql").read_text())
        con.execute("SELECT setseed(0.12)")
        con.execute("""
            CREATE TEMP TABLE r AS
            SELECT range + 1 AS posting_id, random() AS r1, random() AS r2, random() AS r3, random() AS r4,
                   random() AS r5, random() AS r6, random() AS r7
            FROM range($n)""", {"n": postings})
        con.execute("""
            INSERT INTO postings BY NAME
            SELECT posting_id, 1 AS run_id, posting_id AS record_no,
                   ['jobspy', 'greenhouse', 'lever', 'hackernews'][1 + floor(r1 * 4)::INTEGER] AS source,
                   -- a company under two or three spellings (QA round twenty-six): every path counts it once
                   'Acme ' || floor(r2 * 300)::INTEGER || ['', '', ' Inc.', ', LLC'][1 + posting_id % 4]
                       AS company,
                   CASE WHEN r3 < 0.15 THEN NULL ELSE DATE '2024-01-01' + floor(r3 * 700)::INTEGER END AS
                   posted_date,
                   ['junior', 'mid', 'senior', 'senior', 'staff', 'lead', 'principal', 'manager',
                    'unspecified'][1 + floor(r4 * 9)::INTEGER] AS seniority,
                   CASE WHEN r5 < 0.8 THEN 'software_engineering' WHEN r5 < 0.9 THEN 'data' ELSE 'other' END
                       AS role_family,
                   ['US', 'US', 'US', 'DE', 'GB', 'IN', 'FR', 'BR'][1 + floor(r6 * 8)::INTEGER] AS country,
                   CASE WHEN r7 < 0.25 THEN NULL WHEN r7 < 0.5 THEN 'remote' WHEN r7 < 0.75 THEN 'hybrid'
                        ELSE 'onsite' END AS remote,
                   CASE WHEN r2 < 0.6 THEN round(40000 + pow(r1 * r6 + r3 * 0.3, 1.3) * 180000 + r7 * 900,
                   2) END
                       AS salary_usd_mid,
                   r2 < 0.55 OR r2 >= 0.6 AS salary_plausible,
                   'en' AS language
            FROM r""")
        con.execute("""UPDATE postings SET posted_month = date_trunc('month', posted_date)::DATE,
                       is_senior = seniority IN ('senior', 'staff', 'principal', 'lead', 'manager'),
                       region = CASE country WHEN 'US' THEN ['US-CA', 'US-NY', 'US-TX'][1 + posting_id % 3]
                                             WHEN 'DE' THEN 'DE-BE' END""")
        # the fields only the fine-cell rollups keep: cities, metros, degrees, years (fractional ones too),
        # salary bands and languages, some missing
        con.execute("""UPDATE postings SET
                       city = CASE WHEN region IS NOT NULL AND posting_id % 7 <> 0
                                   THEN region || ' city ' || (posting_id % 4) END,
                       metro = CASE WHEN country = 'US' AND posting_id % 5 <> 0
                                    THEN 'metro ' || (posting_id % 3) END,
                       degree = ['bachelor', 'master', 'phd', NULL][1 + (hash(posting_id, 1) % 4)::INTEGER],
                       experience_min = CASE WHEN (hash(posting_id, 2) % 10)::INTEGER < 2 THEN NULL
                                             ELSE ((hash(posting_id, 3) % 34)::INTEGER) / 2.0 END,
                       salary_band = CASE WHEN salary_plausible AND salary_usd_mid IS NOT NULL THEN
                                     CASE WHEN salary_usd_mid < 80000 THEN 'under 80k'
                                          WHEN salary_usd_mid < 150000 THEN '80-150k' ELSE '150k+' END END,
                       language = ['en', 'en', 'de', 'fr', NULL][1 + (hash(posting_id, 4) % 5)::INTEGER]""")
        # how the salaries were stated: a currency by country and a period mix, some of either missing
        con.execute("""UPDATE postings SET
                       salary_currency = CASE WHEN salary_usd_mid IS NOT NULL AND posting_id % 11 <> 0 THEN
                                         CASE country WHEN 'DE' THEN 'EUR' WHEN 'FR' THEN 'EUR'
                                                      WHEN 'GB' THEN 'GBP' WHEN 'IN' THEN 'INR' ELSE 'USD' END
                                         END,
                       salary_period = CASE WHEN salary_usd_mid IS NOT NULL THEN
                                       ['year', 'year', 'year', 'month', 'hour', NULL]
                                       [1 + (hash(posting_id, 5) % 6)::INTEGER] END""")
        # skills: each with its own frequency, some postings with none; two responsibilities
        con.execute("""
            INSERT INTO posting_skills
            SELECT p.posting_id, s.skill, s.category
            FROM postings p
            CROSS JOIN (SELECT unnest($skills) AS skill, 'language' AS category,
                               generate_subscripts($skills, 1) AS k
                        UNION ALL SELECT 'Mentoring', 'responsibility', 13
                        UNION ALL SELECT 'System design', 'responsibility', 14) s
            WHERE hash(p.posting_id, s.k) % 1000 < 700 / s.k""", {"skills": list(SKILLS)})
        builder.derive(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    publish(db, version)


@pytest.fixture(scope="module")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("generated") / "warehouse.duckdb"
    generate(db)
    return db


@pytest.fixture(scope="module", autouse=True)
def _connections() -> Iterator[None]:
    """The two warehouses' connections and what analytics.db remembers of each version (its tables,
    columns, skill bits) kept over the module's 600 tests, closed at its end: closed after each test, the
    next one opened its warehouse again and read those tables anew (a fifth of the file's time). Both
    warehouses are only read here; a test's monkeypatched has_table or skill_bits caches nothing of its
    own (analytics.db caches the real answers, by version file)."""
    yield
    adb.close_all()


@pytest.fixture(params=["generated", "tiny"])
def warehouse(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    db = request.getfixturevalue("generated" if request.param == "generated" else "tiny_db_session")
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    yield db


FILTERS = {
    "default": Filters(),
    "country": Filters(country=("US",)),
    "seniority": Filters(seniority=("senior",)),
    "source": Filters(source=("greenhouse",)),
    "remote incl. not stated": Filters(remote=("remote", "not stated")),
    "every level and role": Filters(seniority=(), role_family=()),
    "whole months": Filters(date_from=date(2024, 3, 1), date_to=date(2024, 11, 30)),
    "whole months, dated only": Filters(
        date_from=date(2024, 3, 1), date_to=date(2024, 11, 30), undated=False
    ),
}


def _same(a: pd.DataFrame, b: pd.DataFrame) -> None:
    pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize("skill", ["Python", "Rust", "Nonexistent"])
@pytest.mark.parametrize("name", ["default", "country", "remote incl. not stated", "whole months"])
def test_one_skill_from_the_pair_rollup_equals_the_base_tables(warehouse: Path, name: str,
                                                               skill: str) -> None:
    """One chosen skill: top skills and movers from rollup_skill_pairs equal the base tables' answers."""
    f = replace(FILTERS[name], skills=(skill,))
    rolled, base = skills.top_skills(f, 20, rollup=True), skills.top_skills(f, 20, rollup=False)
    # the levels only besides the skill: the pairs and counts summed to month and level
    pairs = (("answered from rollup_skill_pairs_level and rollup_skill_month_level",)
             if salary.levels_only(replace(f, skills=())) else
             ("answered from rollup_skill_pairs and rollup_skill_month",))
    assert rolled.notes == pairs and not base.notes
    _same(rolled.df, base.df)
    assert rolled.n == base.n
    a, b = (date(2024, 1, 1), date(2024, 6, 30)), (date(2024, 7, 1), date(2024, 12, 31))
    rolled, base = skills.movers(f, a, b, 1, rollup=True), skills.movers(f, a, b, 1, rollup=False)
    assert rolled.notes and not base.notes
    _same(rolled.df, base.df)
    assert (rolled.n, rolled.caveats) == (base.n, base.caveats)
    # the movers' source mix (its caveats): the chosen skill's rows of rollup_skill_month
    rolled, base = skills.source_mix_by_period(f, a, b, rollup=True), skills.source_mix_by_period(f, a, b,
                                                                                                 rollup=False)
    assert rolled.notes == ("answered from rollup_skill_month",) and not base.notes
    _same(rolled.df, base.df)
    assert rolled.n == base.n
    for areas in (("US", "DE"), ("GB", "US", "FR")):
        rolled = regions.compare_skills(f, areas, rollup=True)
        base = regions.compare_skills(f, areas, rollup=False)
        assert rolled.notes == ("answered from rollup_skill_pairs and rollup_skill_month",) and not base.notes
        _same(rolled.df, base.df)
        assert rolled.n == base.n


def test_pairs_of_one_skill_read_from_both_sorted_copies_equal_the_full_read(
        warehouse: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """GIVEN (rollup_skill_pairs by skill_a + rollup_skill_pairs_b by skill_b) = GIVEN_OR (every pair)."""
    f = Filters(skills=("Python",), country=("US",))  # a country: not the level rollups' (GIVEN_LEVEL)
    with_b = skills.top_skills(f, 30)
    assert "rollup_skill_pairs_b" in with_b.sql
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda name, db=None: name != "rollup_skill_pairs_b"
                        and has_table(name, db))
    without = skills.top_skills(f, 30)
    assert "rollup_skill_pairs_b" not in without.sql and without.notes == with_b.notes
    _same(with_b.df, without.df)


def test_a_responsibility_or_two_skills_are_not_read_from_the_pair_rollup(warehouse: Path) -> None:
    for f in (Filters(skills=("Mentoring",)), Filters(skills=("Python", "Go")),
              Filters(skills=("Python",), region=("US-CA",))):
        assert "rollup_skill_pairs" not in skills.top_skills(f).sql


@pytest.mark.parametrize("name", FILTERS)
def test_counts_from_rollups_equal_the_base_tables(warehouse: Path, name: str) -> None:
    f = FILTERS[name]
    picks = ("Python", "Go", "Rust")
    for call in (
        lambda r: skills.top_skills(f, 20, rollup=r),
        lambda r: skills.cooccurrence(f, 8, rollup=r),
        lambda r: skills.responsibilities(f, rollup=r),
        lambda r: skills.skill_trend(f, picks, rollup=r),
        lambda r: overview.postings_per_month(f, rollup=r),
    ):
        rolled, base = call(True), call(False)
        assert rolled.notes and not base.notes, rolled.name
        _same(rolled.df, base.df)
        assert rolled.n == base.n and rolled.caveats == base.caveats
    for areas in (("US", "DE"), ("GB", "US", "FR")):
        rolled = regions.compare_skills(f, areas, rollup=True)
        base = regions.compare_skills(f, areas, rollup=False)
        assert rolled.notes and not base.notes
        _same(rolled.df, base.df)
        assert rolled.n == base.n
    # a region: not rollup_skill_month's (no region there) - the skill sets when they answer, else postings
    assert regions.compare_skills(f, ("US", "US-CA")).notes in ((), ("answered from rollup_skill_sets",))
    a, b = (date(2024, 1, 1), date(2024, 6, 30)), (date(2024, 7, 1), date(2024, 12, 31))
    rolled, base = skills.movers(f, a, b, 1, rollup=True), skills.movers(f, a, b, 1, rollup=False)
    assert rolled.notes and not base.notes
    _same(rolled.df, base.df)
    assert (rolled.n, rolled.caveats) == (base.n, base.caveats)


LEVEL_TABLES = ("rollup_skill_month_level", "rollup_skill_pairs_level")


@pytest.mark.parametrize("name", FILTERS)
def test_skill_counts_summed_to_the_levels_answer_as_the_full_rollups(warehouse: Path, name: str,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """Filters naming no field but seniority and role family (dates aside) read the skill counts and pairs
    summed to month and level, and get the full rollups' answers (which equal postings': the test above)."""
    f = FILTERS[name]
    a, b = (date(2024, 1, 1), date(2024, 6, 30)), (date(2024, 7, 1), date(2024, 12, 31))
    calls = (lambda: skills.top_skills(f, 20), lambda: skills.cooccurrence(f, 8),
             lambda: skills.responsibilities(f), lambda: skills.skill_trend(f, ("Python", "Go", "Rust")),
             lambda: skills.movers(f, a, b, 1))
    level = [call() for call in calls]
    for res in level:
        assert any("_level" in note for note in res.notes) == salary.levels_only(f), (res.name, res.notes)
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table not in LEVEL_TABLES
                        and has_table(table, db))
    for res, full in zip(level, (call() for call in calls), strict=True):
        assert full.notes and not any("_level" in note for note in full.notes)
        _same(res.df, full.df)
        assert (res.n, res.caveats) == (full.n, full.caveats)


BIN_FILTERS = [k for k in FILTERS if "months" not in k]


def _within_a_bin(binned: pd.DataFrame, exact: pd.DataFrame, key: str, columns: list[str]) -> float:
    """Checks rows, n and flags equal and every figure within one bin; returns the largest difference."""
    assert list(binned[key]) == list(exact[key])
    other = [c for c in exact.columns if c not in columns]
    _same(binned[other], exact[other])
    rolled, base = binned[columns].astype(float), exact[columns].astype(float)
    assert (rolled.isna().to_numpy() == base.isna().to_numpy()).all()  # a figure missing on both sides only
    diff = (rolled - base).abs().fillna(0.0)
    worst = float(diff.to_numpy().max()) if diff.size else 0.0
    assert worst < salary.SALARY_BIN_USD
    return worst


@pytest.mark.parametrize("name", BIN_FILTERS)
def test_binned_salaries_are_within_one_bin_of_the_exact_ones(warehouse: Path, name: str) -> None:
    f = FILTERS[name]
    binned, exact = salary.by_skill(f, 12, rollup=True), salary.by_skill(f, 12, rollup=False)
    # the levels only (seniority, role family): the same bins summed to them
    table = "rollup_salary_bins_level" if salary.levels_only(f) else "rollup_salary_bins"
    assert binned.notes == (f"answered from {table}",) and binned.caveats == salary.BINNED
    assert not exact.notes and binned.n == exact.n
    _within_a_bin(binned.df, exact.df, "group", list(salary.QUANTILES))
    binned, exact = skills.salary_premium(f, 20, rollup=True), skills.salary_premium(f, 20, rollup=False)
    assert binned.notes == (f"answered from {table}",)
    assert binned.caveats == salary.BINNED and binned.n == exact.n
    money = ["median_salary_usd", "overall_median"]
    _within_a_bin(binned.df.drop(columns=["premium_usd", "premium_share"]),
                  exact.df.drop(columns=["premium_usd", "premium_share"]), "skill", money)
    # the premium is a difference of two medians: within two bins
    assert (binned.df["premium_usd"] - exact.df["premium_usd"]).abs().max() < 2 * salary.SALARY_BIN_USD


def test_filters_no_salary_rollup_answers_read_the_base_tables(warehouse: Path) -> None:
    """A date range or dated postings only under a skill filter or a field rollup_salary_skill_month does not
    keep: neither rollup_salary_bins nor rollup_salary_sets (no month) nor the skill months answer."""
    for f in (Filters(date_from=date(2024, 3, 1), country=("US",)),
              Filters(skills=("Python",), date_to=date(2024, 6, 30)),
              Filters(region=("US-CA",), undated=False)):
        assert not salary.by_skill(f).notes and not salary.by_skill(f).caveats
        assert not skills.salary_premium(f).notes


SKILL_MONTHS_DATES = {
    "whole months": Filters(date_from=date(2024, 3, 1), date_to=date(2024, 11, 30)),
    "whole months, dated only": Filters(date_from=date(2024, 3, 1), date_to=date(2024, 11, 30),
                                        undated=False),
    "dated only": Filters(undated=False),
    "cut months": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20)),
    "inside one month, senior": Filters(date_from=date(2024, 5, 3), date_to=date(2024, 5, 20),
                                        seniority=("senior",)),
    "from a cut month on, every level and role": Filters(date_from=date(2024, 6, 17), seniority=(),
                                                         role_family=()),
    "edges of whole day blocks": Filters(date_from=date(2024, 3, 8), date_to=date(2024, 11, 21)),
    "cut months, dated only, blocks and days": Filters(date_from=date(2024, 2, 12),
                                                       date_to=date(2024, 10, 25), undated=False),
}


@pytest.mark.parametrize("name", SKILL_MONTHS_DATES)
def test_salary_by_skill_under_dates_from_the_skill_months_is_within_one_bin(warehouse: Path,
                                                                             name: str) -> None:
    """Under a date range salary by skill and the premium read rollup_salary_skill_month for the whole
    months and postings_dated for the edge days: the same rows, counts and flags as the exact answers,
    every figure within one bin."""
    f = SKILL_MONTHS_DATES[name]
    note = ("answered from rollup_salary_skill_month",)
    binned, exact = salary.by_skill(f, 12, rollup=True), salary.by_skill(f, 12, rollup=False)
    assert binned.notes == note and not exact.notes and binned.caveats == salary.BINNED
    assert binned.n == exact.n
    _within_a_bin(binned.df, exact.df, "group", list(salary.QUANTILES))
    # every salaried posting's bins (the overall figures) from the bins summed to month and levels, whose
    # block copy holds a cut range's whole day blocks, never from the full salary cells
    assert "rollup_salary_month" in binned.sql and "rollup_salary_detail" not in binned.sql
    assert ("rollup_salary_month_blocks" in binned.sql) == (block_where(f) is not None)
    binned, exact = skills.salary_premium(f, 20, rollup=True), skills.salary_premium(f, 20, rollup=False)
    assert binned.notes == note and not exact.notes and binned.n == exact.n
    _within_a_bin(binned.df.drop(columns=["premium_usd", "premium_share"]),
                  exact.df.drop(columns=["premium_usd", "premium_share"]), "skill",
                  ["median_salary_usd", "overall_median"])
    assert ((binned.df["premium_usd"] - exact.df["premium_usd"]).abs() < 2 * salary.SALARY_BIN_USD).all()


SALARY_SETS_FILTERS = {
    "one skill": Filters(skills=("Python",)),
    "a rare skill": Filters(skills=("Scala",)),
    "two skills, any": Filters(skills=("Python", "SQL")),
    "two skills, all": Filters(skills=("Python", "Go"), skills_mode="all"),
    "a responsibility": Filters(skills=("Mentoring",)),
    "one skill, a country": Filters(skills=("Go",), country=("US",)),
    "one skill, every level and role": Filters(skills=("Python",), seniority=(), role_family=()),
    "a region": Filters(region=("US-CA",)),
    "a language": Filters(language=("de",)),
    "no language detected, a skill": Filters(skills=("Python",), language=("not detected",)),
    "a skill nobody asks for": Filters(skills=("Nonexistent",)),
}


@pytest.mark.parametrize("name", SALARY_SETS_FILTERS)
def test_salaries_under_a_skill_filter_from_the_salary_sets_are_within_one_bin(warehouse: Path,
                                                                               name: str) -> None:
    """Without a date range, salary by skill, the premium, the distributions and salary by years under a
    skill filter (a region, a language) read rollup_salary_sets: the same rows, counts and flags as the exact
    answers of postings and posting_skills, every figure within one bin, and the caption says so."""
    f = SALARY_SETS_FILTERS[name]
    bits = adb.skill_bits() or {}
    expected = all(skill in bits for skill in f.skills)  # (the tiny warehouse lacks some skills)
    note = "answered from rollup_salary_sets"
    binned, exact = salary.by_skill(f, 12, rollup=True), salary.by_skill(f, 12, rollup=False)
    assert (binned.notes == (note,)) is expected and not exact.notes
    if expected:
        assert binned.caveats == salary.BINNED and binned.n == exact.n
        _within_a_bin(binned.df, exact.df, "group", list(salary.QUANTILES))
    binned, exact = skills.salary_premium(f, 20, rollup=True), skills.salary_premium(f, 20, rollup=False)
    assert (binned.notes == (note,)) is expected and not exact.notes
    if expected:
        assert binned.caveats == salary.BINNED and binned.n == exact.n
        _within_a_bin(binned.df.drop(columns=["premium_usd", "premium_share"]),
                      exact.df.drop(columns=["premium_usd", "premium_share"]), "skill",
                      ["median_salary_usd", "overall_median"])
        assert ((binned.df["premium_usd"] - exact.df["premium_usd"]).abs() < 2 * salary.SALARY_BIN_USD).all()
    for label, call, key in (
        ("seniority", lambda r: salary.distribution(f, "seniority", rollup=r), "group"),
        ("country", lambda r: salary.distribution(f, "country", rollup=r), "group"),
        ("region", lambda r: salary.distribution(f, "region", rollup=r), "group"),
        ("years", lambda r: experience.vs_salary(f, rollup=r), "years"),
    ):
        binned, exact = call(True), call(False)
        assert not exact.notes, label
        if f.skills:  # (a region or a language alone: rollup_salary_detail, tested above)
            assert (binned.notes == (note,)) is expected, label
        if binned.notes:
            assert binned.caveats == salary.BINNED + exact.caveats and binned.n == exact.n, label
            _within_a_bin(binned.df, exact.df, key, [c for c in exact.df.columns if c in MONEY])


SKILL_MONTH_FILTERS = {
    "one skill": Filters(skills=("Python",)),
    "a responsibility": Filters(skills=("Mentoring",)),
    "one skill, senior": Filters(skills=("Go",), seniority=("senior",)),
    "one skill, every level and role": Filters(skills=("Rust",), seniority=(), role_family=()),
    "one skill, whole months": Filters(skills=("Python",), date_from=date(2024, 3, 1),
                                       date_to=date(2024, 11, 30)),
    "one skill, whole months, dated only": Filters(skills=("SQL",), date_from=date(2024, 3, 1),
                                                   date_to=date(2024, 11, 30), undated=False),
    "one skill chosen twice, all": Filters(skills=("Python", "Python"), skills_mode="all"),
}


@pytest.mark.parametrize("name", SKILL_MONTH_FILTERS)
def test_salary_over_time_under_one_skill_from_the_skill_months_is_within_one_bin(warehouse: Path,
                                                                                  name: str) -> None:
    """The median salary over time under one chosen skill reads rollup_salary_skill_month: the same months,
    counts, flags and undated caveat as postings' exact answer, each figure within one bin."""
    f = SKILL_MONTH_FILTERS[name]
    binned, exact = salary.over_time(f, rollup=True), salary.over_time(f, rollup=False)
    assert binned.notes == ("answered from rollup_salary_skill_month",) and not exact.notes
    assert binned.caveats == salary.BINNED + exact.caveats and binned.n == exact.n
    _within_a_bin(binned.df, exact.df, "month", list(salary.QUANTILES))


OVER_TIME_SETS = {
    "two skills, any": Filters(skills=("Python", "Go")),
    "two skills, all": Filters(skills=("Python", "Go"), skills_mode="all"),
    "one skill, a country": Filters(skills=("Python",), country=("US",)),
    "one skill, a cut range": Filters(skills=("Python",), date_from=date(2024, 3, 10)),
    "two skills, cut months, dated only": Filters(skills=("SQL", "Go"), date_from=date(2024, 2, 7),
                                                  date_to=date(2024, 10, 12), undated=False),
    "a responsibility, a region": Filters(skills=("Mentoring",), region=("US-CA",)),
}


@pytest.mark.parametrize("name", OVER_TIME_SETS)
def test_salary_over_time_under_other_skill_filters_is_binned_from_the_salaried_postings(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Two skills, or a field rollup_salary_skill_month does not keep, or a cut range: the salaries of the
    dated postings (postings_salaried, or postings_dated in a warehouse without it; the skill filter as bit
    tests) counted in bins per month - the same months, counts, flags and undated caveat as postings' exact
    answer, each figure within one bin, and the same answer from either table."""
    f = OVER_TIME_SETS[name]
    binned, exact = salary.over_time(f, rollup=True), salary.over_time(f, rollup=False)
    assert not exact.notes and "postings_dated" not in exact.sql and "postings_salaried" not in exact.sql
    if not all(skill in (adb.skill_bits() or {}) for skill in f.skills):  # (the tiny warehouse lacks some)
        assert not binned.notes
        return
    assert binned.notes == ("answered from postings_salaried",)
    assert binned.caveats == salary.BINNED + exact.caveats and binned.n == exact.n
    _within_a_bin(binned.df, exact.df, "month", list(salary.QUANTILES))
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table != "postings_salaried"
                        and has_table(table, db))
    dated = salary.over_time(f, rollup=True)
    assert dated.notes == ("answered from postings_dated",)
    _same(dated.df, binned.df)
    assert (dated.n, dated.caveats) == (binned.n, binned.caveats)


def _ids(cond: str, params: dict) -> set[int]:
    df, _ = adb.query(f"SELECT p.posting_id FROM postings p WHERE {cond}", params)
    return set(df["posting_id"])


def test_the_skill_bitmap_holds_each_postings_skills(warehouse: Path) -> None:
    """postings.skill_bits_<word> (order.sql) has exactly the bits of the posting's skills in skill_bit."""
    bits = adb.skill_bits()
    assert bits is not None and len(bits) == len(set(bits.values()))
    words = ", ".join(f"coalesce(bit_or(1::UBIGINT << m.bit) FILTER (WHERE m.word = {w}), 0) AS w{w}"
                      for w in range(8))
    differ = " OR ".join(f"p.skill_bits_{w} IS DISTINCT FROM coalesce(k.w{w}, 0)" for w in range(8))
    df, _ = adb.query(f"""SELECT count(*) AS n FROM postings p
        LEFT JOIN (SELECT s.posting_id, {words}
                   FROM posting_skills s JOIN skill_bit m USING (skill) GROUP BY 1) k USING (posting_id)
        WHERE {differ}""")
    assert int(df["n"].iloc[0]) == 0
    df, _ = adb.query("SELECT count(DISTINCT skill) AS n FROM posting_skills")
    assert len(bits) == int(df["n"].iloc[0])  # every skill has a bit (fewer than 512)


SKILL_SETS = [("Python",), ("Rust",), ("Mentoring",), ("Python", "Go"), ("Go", "Kubernetes", "Scala"),
              ("Nonexistent",), ("Python", "Nonexistent")]


@pytest.mark.parametrize("mode", ["any", "all"])
@pytest.mark.parametrize("chosen", SKILL_SETS, ids="+".join)
def test_skill_filters_on_the_bitmap_select_what_the_semi_join_selects(
        warehouse: Path, chosen: tuple[str, ...], mode: str) -> None:
    """The bit tests (every chosen skill with a bit, or one left to the semi-join) select exactly the
    postings the semi-join on posting_skills selects."""
    bits = adb.skill_bits()
    assert bits is not None
    f = Filters(seniority=(), role_family=(), skills=chosen, skills_mode=mode)
    expected = _ids(*where(f))
    assert "skill_bits" not in where(f)[0]
    assert _ids(*where(f, bits=bits)) == expected
    partial = {k: v for k, v in bits.items() if k != chosen[-1]}  # the last chosen skill without a bit
    assert _ids(*where(f, bits=partial)) == expected
    if chosen in (("Python",), ("Python", "Go")):
        assert expected  # the comparison is not between two empty sets


BITMAP_FILTERS = {
    "two skills, any": Filters(skills=("Python", "Go"), country=("US",)),
    "two skills, all": Filters(skills=("Python", "Go"), skills_mode="all", country=("US",)),
    "one skill": Filters(skills=("Python",)),
    "one skill, a region": Filters(skills=("Rust",), region=("US-CA",)),
    "a region": Filters(region=("US-CA",)),
    "dates cut inside months": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20)),
}


@pytest.mark.parametrize("name", BITMAP_FILTERS)
def test_page_queries_on_the_bitmap_answer_as_without_it(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whole answers with the bitmap (skill filters as bit tests, the pairs chart counted on the bits)
    equal those without it (semi-join, self-join of posting_skills)."""
    f = BITMAP_FILTERS[name]
    # (the salary figures on the base tables: from rollup_salary_sets they are binned, tested apart)
    calls = (lambda: overview.kpis(f, rollup=False), lambda: regions.by_country(f, rollup=False),
             lambda: salary.distribution(f, rollup=False), lambda: experience.by_seniority(f),
             lambda: skills.salary_premium(f, 20, rollup=False),
             lambda: skills.cooccurrence(f, 8), lambda: skills.cooccurrence(f, 12),
             lambda: skills.responsibilities(f),
             lambda: skills.skill_trend(f, ("Go", "Python", "Go")), lambda: skills.skill_trend(f, ()))
    with_bits = [call() for call in calls]
    bits = adb.skill_bits()
    assert bits is not None
    if all(skill in bits for skill in f.skills):  # (the tiny warehouse has no Rust: the semi-join)
        on_bits = ("skills.cooccurrence", "skills.skill_trend", "skills.responsibilities")
        assert all("skill_bits" in r.sql for r in with_bits[:-1]  # (the last: a trend of no skills)
                   if f.skills or (r.name in on_bits and not r.df.empty))
    monkeypatch.setattr(adb, "skill_bits", lambda db=None: None)
    for rolled, call in zip(with_bits, calls):
        base = call()
        assert "skill_bits" not in base.sql
        _same(rolled.df, base.df)
        assert rolled.n == base.n


def test_the_sidebar_choices_from_the_cells_equal_those_from_postings(warehouse: Path) -> None:
    """data.options counts seniority, role family, country and source in rollup_postings_month's cells."""
    assert data.options(rollup=True) == data.options(rollup=False)
    assert data.options().country and data.options().seniority


DETAIL_FILTERS = {
    **FILTERS,
    "region": Filters(region=("US-CA",)),
    "language": Filters(language=("de",)),
    "a language or none detected": Filters(language=("de", "not detected")),
    "every level and role, one country": Filters(seniority=(), role_family=(), country=("DE",)),
    "from a month on": Filters(date_from=date(2024, 6, 1)),
    "up to a month's end": Filters(date_to=date(2024, 6, 30)),
    "dated only": Filters(undated=False),
    # ranges cut inside months: whole months from the rollups, the edge days from postings_dated
    "dates cut inside months": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20)),
    "from a cut month on": Filters(date_from=date(2024, 6, 17)),
    "cut months, dated only, a country": Filters(date_from=date(2024, 2, 2), date_to=date(2024, 12, 30),
                                                 undated=False, country=("US",)),
    "inside one month": Filters(date_from=date(2024, 5, 3), date_to=date(2024, 5, 20)),
    # the edge days as whole day blocks (rollup_postings_blocks, rollup_salary_month_blocks) and no day left
    "edges of whole day blocks": Filters(date_from=date(2024, 3, 8), date_to=date(2024, 11, 21)),
    "from a leap February's 20th (its last block, the 29th), a source": Filters(
        date_from=date(2024, 2, 20), date_to=date(2024, 10, 28), source=("lever",)),
}
CUT = {
    "dates cut inside months": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20)),
    "from a cut month on": Filters(date_from=date(2024, 6, 17)),
    "two skills, cut months": Filters(skills=("Python", "Go"), date_to=date(2024, 6, 17)),
}
DETAIL_COUNTS = {
    "overview.postings_per_month": lambda f, r: overview.postings_per_month(f, rollup=r),
    "salary.by_band": lambda f, r: salary.by_band(f, rollup=r),
    "experience.years_distribution": lambda f, r: experience.years_distribution(f, rollup=r),
    "experience.years_bands": lambda f, r: experience.years_bands(f, rollup=r),
    "experience.by_seniority": lambda f, r: experience.by_seniority(f, rollup=r),
    "experience.degree": lambda f, r: experience.degree(f, rollup=r),
    "data.coverage": lambda f, r: data.coverage(f, rollup=r),
    "data.source_mix": lambda f, r: data.source_mix(f, rollup=r),
    "data.language_mix": lambda f, r: data.language_mix(f, rollup=r),
    "regions.remote_by_area[country]": lambda f, r: regions.remote_by_area(f, "country", rollup=r),
    "regions.remote_by_area[region]": lambda f, r: regions.remote_by_area(f, "region", rollup=r),
    "regions.areas_by_size": lambda f, r: regions.areas_by_size(f, rollup=r),
    "regions.placed[city]": lambda f, r: regions.placed(f, "city", rollup=r),
    "regions.placed[metro]": lambda f, r: regions.placed(f, "metro", rollup=r),
    "regions.placed[country]": lambda f, r: regions.placed(f, "country", rollup=r),
    "regions.placed[region]": lambda f, r: regions.placed(f, "region", rollup=r),
}
DETAIL_BINNED = {
    "salary.distribution[seniority]": (lambda f, r: salary.distribution(f, "seniority", rollup=r), "group"),
    "salary.distribution[country]": (lambda f, r: salary.distribution(f, "country", rollup=r), "group"),
    "salary.distribution[region]": (lambda f, r: salary.distribution(f, "region", rollup=r), "group"),
    "salary.over_time": (lambda f, r: salary.over_time(f, rollup=r), "month"),
    "experience.vs_salary": (lambda f, r: experience.vs_salary(f, rollup=r), "years"),
    "regions.by_country": (lambda f, r: regions.by_country(f, rollup=r), "country"),
    "regions.by_us_state": (lambda f, r: regions.by_us_state(f, rollup=r), "state"),
    "regions.top_places[city]": (lambda f, r: regions.top_places(f, "city", rollup=r), "place"),
    "regions.top_places[metro]": (lambda f, r: regions.top_places(f, "metro", rollup=r), "place"),
    "regions.compare[US, DE]": (lambda f, r: regions.compare(f, ("US", "DE"), rollup=r), "area"),
    "regions.compare[US-CA, US, GB]": (lambda f, r: regions.compare(f, ("US-CA", "US", "GB"), rollup=r),
                                       "area"),
}
MONEY = {"median_salary_usd", *salary.QUANTILES}


@pytest.mark.parametrize("name", DETAIL_FILTERS)
def test_counts_from_the_fine_cells_equal_the_base_tables(warehouse: Path, name: str) -> None:
    """Every count, share and (exact) years quartile read from rollup_postings_detail - whole months there,
    the edge days of a cut range from postings - equals the answer of postings alone."""
    f = DETAIL_FILTERS[name]
    for label, call in DETAIL_COUNTS.items():
        rolled, base = call(f, True), call(f, False)
        # the Regions page draws no month: without a date range it reads the cells summed over the months
        month_less = label.startswith("regions.") and no_dates(f)
        table = "rollup_postings_no_month" if month_less else "rollup_postings_"
        assert rolled.notes[0].startswith(f"answered from {table}") and not base.notes, label
        _same(rolled.df, base.df)
        assert (rolled.n, rolled.caveats) == (base.n, base.caveats), label
    options_rolled, options_base = data.options(rollup=True), data.options(rollup=False)
    assert options_rolled == options_base


STATED_FILTERS = {**DETAIL_FILTERS,
                  "two countries": Filters(country=("US", "DE")),
                  "a source and a work arrangement": Filters(source=("lever",), remote=("hybrid",)),
                  "a country and a cut range": Filters(country=("DE",), date_from=date(2024, 4, 9),
                                                       date_to=date(2024, 9, 12)),
                  # a skill filter: the skill-set copy's bit tests (no date range)
                  "a skill": Filters(skills=("Python",)),
                  "two skills, all": Filters(skills=("Python", "Go"), skills_mode="all"),
                  "a skill and a country, dated only": Filters(skills=("Python",), country=("US",),
                                                               undated=False),
                  "a responsibility": Filters(skills=("Mentoring",))}


@pytest.mark.parametrize("name", STATED_FILTERS)
def test_how_salaries_were_stated_from_the_rollup_equals_the_base_tables(warehouse: Path, name: str) -> None:
    """salary.stated_as from rollup_salary_stated (its month-less copy without a date range; a cut range's
    edge days from postings_salaried) equals the count over postings: rows, order, counts and shares."""
    f = STATED_FILTERS[name]
    rolled, base = salary.stated_as(f), salary.stated_as(f, rollup=False)
    month_less = "sets" if f.skills else "no_month"
    table = f"rollup_salary_stated_{month_less}" if no_dates(f) else "rollup_salary_stated"
    assert rolled.notes == (f"answered from {table}",) and not base.notes
    assert len(base.df) > 1 or "generated" not in str(warehouse)  # (the tiny one has no 2024 dates)
    _same(rolled.df, base.df)
    assert rolled.n == base.n


STATED_SKILL_DATES = {
    "a skill from a month on": Filters(skills=("Python",), date_from=date(2024, 3, 1)),
    "two skills up to a cut month": Filters(skills=("Python", "Go"), date_to=date(2024, 6, 17)),
    "a skill, cut range, dated only, a country": Filters(skills=("Python",), date_from=date(2024, 2, 2),
                                                         date_to=date(2024, 12, 30), undated=False,
                                                         country=("US",)),
    "all of two skills, a language, whole months": Filters(skills=("Python", "Go"), skills_mode="all",
                                                           language=("de",), date_from=date(2024, 3, 1),
                                                           date_to=date(2024, 11, 30)),
}


@pytest.mark.parametrize("name", STATED_SKILL_DATES)
def test_how_salaries_were_stated_under_a_skill_and_dates_equals_the_base_tables(warehouse: Path,
                                                                                 name: str) -> None:
    """A skill filter with a date range: the dated postings from postings_salaried (bit tests, the range), the
    undated ones from rollup_salary_stated_sets - equal to the count over postings."""
    f = STATED_SKILL_DATES[name]
    rolled, base = salary.stated_as(f), salary.stated_as(f, rollup=False)
    assert rolled.notes == ("answered from postings_salaried and rollup_salary_stated_sets",)
    assert not base.notes and "FROM postings p" in base.sql
    assert len(base.df) > 1 or "generated" not in str(warehouse)
    _same(rolled.df, base.df)
    assert rolled.n == base.n


@pytest.mark.parametrize("name", DETAIL_FILTERS)
def test_salaries_from_the_fine_bins_are_within_one_bin_of_the_exact_ones(warehouse: Path, name: str) -> None:
    """Medians and percentiles from rollup_salary_detail's bins: the same rows, counts and flags as the
    exact answers, every figure within one bin, and the caption says so."""
    f = DETAIL_FILTERS[name]
    for label, (call, key) in DETAIL_BINNED.items():
        binned, exact = call(f, True), call(f, False)
        # without a date range the charts that draw no month read the month-less copy (the months summed)
        month_less = no_dates(f) and not label.startswith("salary.over_time")
        bins = "rollup_salary_" + ("no_month" if month_less else "detail")
        if label.startswith("salary.over_time") and salary.levels_only(f):  # summed to month and levels
            bins = "rollup_salary_month"
        elif label.startswith("salary.over_time") and salary.cells_only(f):  # ... and country, remote, source
            bins = "rollup_salary_month_cells"
        if label.startswith("regions.") and not no_dates(f) and not (f.remote or f.source or f.language):
            bins = "rollup_salary_places"  # summed to month, levels and places
        assert f"answered from {bins}" in binned.notes and not exact.notes, label
        assert binned.caveats == salary.BINNED + exact.caveats and binned.n == exact.n, label
        _within_a_bin(binned.df, exact.df, key, [c for c in exact.df.columns if c in MONEY])


def no_dates(f: Filters) -> bool:
    return f.date_from is None and f.date_to is None


REGIONS_BINNED = {label: call for label, call in DETAIL_BINNED.items() if label.startswith("regions.")}
PLACES = ("rollup_salary_places", "rollup_salary_places_blocks")


@pytest.mark.parametrize("name", [name for name, f in DETAIL_FILTERS.items() if not no_dates(f)])
def test_the_regions_medians_under_dates_from_the_place_bins_equal_those_from_the_full_bins(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a date range the Regions page's medians read rollup_salary_places (the full bins summed to month,
    levels and places) - a cut range's whole day blocks from its block copy, the days left from
    postings_salaried - unless a filter names a field it summed away (work arrangement, source, language); the
    answers are those of rollup_salary_detail's bins (a version published before the place bins), figure for
    figure: the same bins, counts and lowest and highest salaries, only summed earlier."""
    f = DETAIL_FILTERS[name]
    places = not (f.remote or f.source or f.language)
    found = [call(f, True) for call, _ in REGIONS_BINNED.values()]
    for res in found:
        assert ("answered from rollup_salary_places" in res.notes) is places, res.name
        assert ("rollup_salary_places_blocks" in res.sql) is (places and block_where(f) is not None), res.name
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table not in PLACES and has_table(table, db))
    for (call, _), res in zip(REGIONS_BINNED.values(), found, strict=True):
        full = call(f, True)
        assert "rollup_salary_places" not in full.sql and "answered from rollup_salary_detail" in full.notes
        _same(res.df, full.df)
        assert (res.n, res.caveats) == (full.n, full.caveats), res.name



def test_the_place_bins_are_the_full_bins_summed_to_their_fields(warehouse: Path) -> None:
    """rollup_salary_places is rollup_salary_detail summed over every field but the month, levels and places,
    undated rows included, row for row."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        keys = "posted_month, seniority, role_family, country, region, city, metro, salary_bin"
        measures = "sum(postings)::BIGINT, min(salary_lo), max(salary_hi)"
        rows = [con.execute(f"SELECT {keys}, {measures} FROM {table} GROUP BY ALL ORDER BY ALL").fetchall()
                for table in ("rollup_salary_places", "rollup_salary_detail")]
        assert rows[0] == rows[1] and rows[0]
    finally:
        con.close()


MONTH_CELLS_FILTERS = {
    "country": Filters(country=("US",)),
    "source": Filters(source=("greenhouse",)),
    "remote incl. not stated": Filters(remote=("remote", "not stated")),
    "every level and role, one country": Filters(seniority=(), role_family=(), country=("DE",)),
    "a country, whole months, dated only": Filters(country=("GB",), date_from=date(2024, 3, 1),
                                                   date_to=date(2024, 11, 30), undated=False),
    "cut months, dated only, a country": Filters(date_from=date(2024, 2, 2), date_to=date(2024, 12, 30),
                                                 undated=False, country=("US",)),
    "from a leap February's 20th, a source": Filters(date_from=date(2024, 2, 20), date_to=date(2024, 10, 28),
                                                     source=("lever",)),
    "a country and a region": Filters(country=("US",), region=("US-CA",)),
    "a source and a language": Filters(source=("lever",), language=("de",)),
    "the levels only": Filters(seniority=("senior",)),
}


@pytest.mark.parametrize("name", MONTH_CELLS_FILTERS)
def test_salary_by_month_under_a_country_remote_or_source_from_the_month_cells_equals_the_full_bins(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Filters naming no field but the levels, country, work arrangement and source read the median salary
    over time and the headline's bins from rollup_salary_month_cells (rollup_salary_detail summed to those
    fields and the month; a cut range's edge days from postings_salaried as before); the answers are those of
    rollup_salary_detail's bins (a version published before the month cells), figure for figure. Other
    filters (a region, a language) and the levels only (rollup_salary_month) do not read it."""
    f = MONTH_CELLS_FILTERS[name]
    cells = not (f.region or f.language) and not salary.levels_only(f)
    ranged = not no_dates(f)
    calls = {"salary.over_time": lambda: salary.over_time(f)}
    if ranged:
        calls["overview.kpis"] = lambda: overview.kpis(f)
    found = {label: call() for label, call in calls.items()}
    for label, res in found.items():
        assert ("rollup_salary_month_cells" in res.sql) is cells, label
        assert ("rollup_salary_detail" in res.sql) is (not cells and not salary.levels_only(f)), label
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table != "rollup_salary_month_cells"
                        and has_table(table, db))
    for label, call in calls.items():
        full, res = call(), found[label]
        assert "rollup_salary_month_cells" not in full.sql, label
        _same(res.df, full.df)
        assert (res.n, res.caveats) == (full.n, full.caveats), label
        cell_notes = (n.replace("rollup_salary_detail", "rollup_salary_month_cells") for n in full.notes)
        assert res.notes == (tuple(cell_notes) if cells else full.notes), label


def test_the_month_cells_are_the_full_bins_summed_to_their_fields(warehouse: Path) -> None:
    """rollup_salary_month_cells is rollup_salary_detail summed over every field but the month, levels,
    country, work arrangement and source, undated rows included, row for row."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        keys = "posted_month, seniority, role_family, country, remote, source, salary_bin"
        measures = "sum(postings)::BIGINT, min(salary_lo), max(salary_hi)"
        rows = [con.execute(f"SELECT {keys}, {measures} FROM {table} GROUP BY ALL ORDER BY ALL").fetchall()
                for table in ("rollup_salary_month_cells", "rollup_salary_detail")]
        assert rows[0] == rows[1] and rows[0]
    finally:
        con.close()


PLACE_COUNTS = ("rollup_postings_places", "rollup_postings_places_blocks", "rollup_postings_places_days")
PLACE_CHARTS = {
    **{label: call for label, (call, _) in REGIONS_BINNED.items()},
    **{label: call for label, call in DETAIL_COUNTS.items() if label.startswith("regions.")},
}


@pytest.mark.parametrize("name", [name for name, f in DETAIL_FILTERS.items() if not no_dates(f)])
def test_the_regions_counts_under_dates_from_the_place_cells_equal_those_from_the_fine_cells(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a date range the Regions page's maps, lists, work arrangement mix, comparison and areas read
    their counts from rollup_postings_places (the fine cells summed to month, levels, places, work arrangement
    and years) - a cut range's whole day blocks from its block copy, the days left from its day copy, not
    postings_dated - unless a filter names a field it summed away (source, language); the answers are those of
    rollup_postings_detail's cells (a version published before the place cells), figure for figure."""
    f = DETAIL_FILTERS[name]
    places = not (f.source or f.language)
    found = [call(f, True) for call in PLACE_CHARTS.values()]
    for res in found:
        assert ("answered from rollup_postings_places" in res.notes) is places, res.name
        blocks = places and block_where(f) is not None
        assert ("rollup_postings_places_blocks" in res.sql) is blocks, res.name
        if places:
            left = edge_where(f, blocks=True) is not None
            assert ("rollup_postings_places_days" in res.sql) is left, res.name
            assert "rollup_postings_detail" not in res.sql, res.name
            # (the comparison's distinct companies read their days left from postings_dated)
            assert ("postings_dated" in res.sql) is (res.name == "regions.compare" and left), res.name
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table not in PLACE_COUNTS
                        and has_table(table, db))
    for call, res in zip(PLACE_CHARTS.values(), found, strict=True):
        full = call(f, True)
        assert "rollup_postings_places" not in full.sql, res.name
        _same(res.df, full.df)
        assert (res.n, res.caveats) == (full.n, full.caveats), res.name


def test_the_place_cells_are_the_fine_cells_summed_to_their_fields(warehouse: Path) -> None:
    """rollup_postings_places is rollup_postings_detail summed over every field but the month, levels, places,
    work arrangement and years, undated rows included, row for row; its day copy summed to blocks is its block
    copy, and summed to months the monthly table's dated rows."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        keys = "seniority, role_family, country, region, city, metro, remote, experience_min"
        measures = "sum(postings)::BIGINT, sum(salaried)::BIGINT"

        def summed(table: str, by: str, where: str = "TRUE") -> list:
            return con.execute(f"SELECT {by}, {keys}, {measures} FROM {table} WHERE {where} GROUP BY ALL "
                               "ORDER BY ALL").fetchall()

        months = summed("rollup_postings_places", "posted_month")
        assert months == summed("rollup_postings_detail", "posted_month") and months
        dated = summed("rollup_postings_places", "posted_month", "posted_month IS NOT NULL")
        assert summed("rollup_postings_places_days", "posted_month") == dated
        assert summed("rollup_postings_places_blocks", "posted_month") == dated
        block = "posted_month, posted_block"
        start = "posted_date - ((day(posted_date) - 1) - 7 * least((day(posted_date) - 1) // 7, 4))::INTEGER"
        assert summed("rollup_postings_places_blocks", block) == summed(
            f"(SELECT *, {start} AS posted_block FROM rollup_postings_places_days)", block)
        assert summed("rollup_postings_places_days", "posted_date") == con.execute(
            f"SELECT posted_date, {keys}, count(*)::BIGINT, count(*) FILTER (WHERE salary_plausible AND "
            "salary_usd_mid IS NOT NULL)::BIGINT FROM postings_dated GROUP BY ALL ORDER BY ALL").fetchall()
    finally:
        con.close()


COMPANY_PLACES = ("rollup_company_places", "rollup_company_places_blocks")
COMPARE = {label: call for label, (call, _) in DETAIL_BINNED.items() if label.startswith("regions.compare")}


@pytest.mark.parametrize("name", [name for name, f in DETAIL_FILTERS.items() if not no_dates(f)])
def test_the_comparisons_companies_under_dates_from_the_company_places_equal_postings(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a date range the region comparison counts its distinct companies in rollup_company_places (the
    company months summed over work arrangement, source and language) - a cut range's whole day blocks from
    its block copy, the days left from postings_dated - unless a filter names a field it summed away; the
    counts are postings' own, and every column equals the answer read from rollup_company_months (a version
    published before the company places)."""
    f = DETAIL_FILTERS[name]
    places = not (f.remote or f.source or f.language)
    found = [call(f, True) for call in COMPARE.values()]
    for call, res in zip(COMPARE.values(), found, strict=True):
        assert ("answered from rollup_company_places" in res.notes) is places, res.name
        blocks = places and block_where(f) is not None
        assert ("rollup_company_places_blocks" in res.sql) is blocks, res.name
        assert list(res.df["companies"]) == list(call(f, False).df["companies"]), res.name
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table not in COMPANY_PLACES
                        and has_table(table, db))
    for call, res in zip(COMPARE.values(), found, strict=True):
        months = call(f, True)
        assert "rollup_company_places" not in months.sql
        assert "answered from rollup_company_months" in months.notes
        _same(res.df, months.df)
        assert (res.n, res.caveats) == (months.n, months.caveats), res.name


def test_the_company_places_are_the_company_months_summed_to_their_fields(warehouse: Path) -> None:
    """rollup_company_places holds exactly rollup_company_months' combinations of company, month, levels and
    places, undated rows included, each once."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        keys = "company, posted_month, seniority, role_family, country, region"
        months = f"(SELECT DISTINCT {keys} FROM rollup_company_months)"
        rows = [con.execute(f"SELECT {keys}, count(*) FROM {table} GROUP BY ALL ORDER BY ALL").fetchall()
                for table in ("rollup_company_places", months)]
        assert rows[0] == rows[1] and rows[0]
    finally:
        con.close()


HEADLINE = {**DETAIL_FILTERS, **CUT, "one skill": Filters(skills=("Python",)),
            "two skills, any": Filters(skills=("Python", "Go")),
            "two skills, all": Filters(skills=("Python", "Go"), skills_mode="all"),
            "a responsibility, a country": Filters(skills=("Mentoring",), country=("US",)),
            "one skill, dated only": Filters(skills=("Python",), undated=False),
            "one end, dated only": Filters(date_to=date(2024, 8, 14), undated=False),
            "a range before every posting": Filters(date_from=date(2020, 1, 1), date_to=date(2020, 3, 5))}


@pytest.mark.parametrize("name", HEADLINE)
def test_the_headline_from_the_rollups_equals_the_base_tables(warehouse: Path, name: str) -> None:
    """The Overview's headline from the rollups: every count, share, the years' median and the distinct
    companies (rollup_company_cells; rollup_company_skills under one skill or any of several; under a date
    range rollup_company_months and the edge days) equal the answer of postings; the salary medians are within
    one bin and the caption says so. A skill filter with a date range, all of several skills, or undated
    postings left out under a skill filter: postings' query."""
    f = HEADLINE[name]
    rolled, base = overview.kpis(f, rollup=True), overview.kpis(f, rollup=False)
    assert not base.notes and rolled.n == base.n
    bits = adb.skill_bits() or {}
    on_sets = all(skill in bits for skill in f.skills) and f.undated  # (the tiny warehouse lacks some skills)
    if f.skills and (not no_dates(f) or not on_sets or f.skills_mode == "all"):
        assert not rolled.notes and rolled.sql == base.sql
        return
    if f.skills:
        read = ("rollup_skill_sets", "rollup_salary_sets", "rollup_company_skills")
    elif no_dates(f):
        read = ("rollup_postings_detail", "rollup_salary_no_month", "rollup_company_cells")
    else:  # each period's whole months and edge days (the salary bins summed to the levels when they answer)
        bins = ("rollup_salary_month" if salary.levels_only(f) else
                "rollup_salary_month_cells" if salary.cells_only(f) else "rollup_salary_detail")
        # the counts and the companies summed to places (their day-block and day copies for a cut range's edge
        # days) unless a filter names a field they summed away
        counts = "rollup_postings_" + ("detail" if f.source or f.language else "places")
        firms = "rollup_company_" + ("months" if f.remote or f.source or f.language else "places")
        read = (counts, bins, firms)
    assert rolled.notes == tuple(f"answered from {table}" for table in read)
    assert rolled.caveats == (salary.BINNED if rolled.n else ())  # nothing selected: no median to qualify
    assert list(rolled.df["period"]) == ["current", "current_dated", "previous"]
    _within_a_bin(rolled.df, base.df, "period", ["median_salary_usd"])
    assert name != "default" or rolled.df["companies"].iloc[0] > 0  # (some filters select nobody on tiny)


@pytest.mark.parametrize("name", [name for name, f in HEADLINE.items() if not no_dates(f) and not f.skills])
def test_the_headline_under_dates_from_the_place_rollups_equals_the_one_from_the_full_rollups(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Under a date range the headline reads its counts from rollup_postings_places (a cut range's edge days
    from its day-block and day copies) and its distinct companies from rollup_company_places (and its block
    copy) unless a filter names a field they summed away; every figure equals the answer from
    rollup_postings_detail and rollup_company_months (a version published before the place rollups)."""
    f = HEADLINE[name]
    rolled = overview.kpis(f)
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table", lambda table, db=None: table not in (*PLACE_COUNTS, *COMPANY_PLACES)
                        and has_table(table, db))
    full = overview.kpis(f)
    assert "answered from rollup_postings_detail" in full.notes and "_places" not in full.sql
    assert ("answered from rollup_postings_places" in rolled.notes) is not (f.source or f.language)
    _same(rolled.df, full.df)
    assert (rolled.n, rolled.caveats) == (full.n, full.caveats)


def test_the_region_comparison_counts_companies_from_the_rollup(warehouse: Path) -> None:
    """The region comparison's distinct companies: from rollup_company_cells without a date range (the same
    numbers: the fine-bin test compares every column with postings' answer), from rollup_company_months with
    one (whole months and edge days), from postings under a skill filter with dates."""
    assert "rollup_company_cells" in regions.compare(Filters(), ("US", "US-CA")).sql
    if "Python" in (adb.skill_bits() or {}):  # (the skill sets answer: the tiny warehouse may lack it)
        assert "rollup_company_skills" in regions.compare(Filters(skills=("Python",)), ("US", "US-CA")).sql
    dated = regions.compare(Filters(date_from=date(2024, 3, 1)), ("US", "US-CA"))
    assert "rollup_company_cells" not in dated.sql and "answered from rollup_company_places" in dated.notes
    remote = regions.compare(Filters(date_from=date(2024, 3, 1), remote=("remote",)), ("US", "US-CA"))
    assert "rollup_company_places" not in remote.sql and "answered from rollup_company_months" in remote.notes
    both = regions.compare(Filters(date_from=date(2024, 3, 1), skills=("Python",)), ("US", "US-CA"))
    assert "rollup_company_" not in both.sql


@pytest.mark.parametrize("name", [k for k, f in SALARY_SETS_FILTERS.items() if f.skills])
def test_the_regions_page_under_a_skill_filter_from_the_skill_sets_is_within_one_bin(warehouse: Path,
                                                                                    name: str) -> None:
    """Without a date range the Regions page's counts under a skill filter come from rollup_skill_sets and its
    medians from rollup_salary_sets: the same rows, counts, shares and companies as postings' answers, every
    median within one bin."""
    f = SALARY_SETS_FILTERS[name]
    bits = adb.skill_bits() or {}
    expected = all(skill in bits for skill in f.skills)  # (the tiny warehouse lacks some skills)
    for label, (call, key) in DETAIL_BINNED.items():
        if not label.startswith("regions."):
            continue
        binned, exact = call(f, True), call(f, False)
        assert not exact.notes, label
        assert ("answered from rollup_salary_sets" in binned.notes) is expected, label
        if expected:  # (summed over the months: the Regions page draws none)
            assert "answered from rollup_skill_sets_no_month" in binned.notes, label
            assert binned.caveats == salary.BINNED + exact.caveats and binned.n == exact.n, label
            _within_a_bin(binned.df, exact.df, key, [c for c in exact.df.columns if c in MONEY])


SETS_FILTERS = {
    "one skill": Filters(skills=("Python",)),
    "two skills, any": Filters(skills=("Python", "Go")),
    "two skills, all": Filters(skills=("Python", "Go"), skills_mode="all"),
    "a responsibility": Filters(skills=("Mentoring",)),
    "a region": Filters(region=("US-CA",)),
    "a language": Filters(language=("de",)),
    "one skill, a region": Filters(skills=("Go",), region=("US-NY",)),
    "two skills, whole months, dated only": Filters(skills=("Python", "SQL"), date_from=date(2024, 3, 1),
                                                    date_to=date(2024, 11, 30), undated=False),
    "one skill, a country, whole months": Filters(skills=("Python",), country=("US",),
                                                  date_from=date(2024, 3, 1), date_to=date(2024, 11, 30)),
    # whole months and day blocks from the skill sets (rollup_skill_sets_blocks), the days left from postings
    "two skills, cut months and blocks": Filters(skills=("Python", "Go"), date_from=date(2024, 3, 12),
                                                 date_to=date(2024, 11, 14)),
}


@pytest.mark.parametrize("name", SETS_FILTERS)
def test_skill_charts_from_the_skill_sets_equal_the_base_tables(warehouse: Path, name: str) -> None:
    """Under skill filters, regions, languages and cut months the Skills page's counts (and the Regions
    page's skills per area) read from rollup_skill_sets equal those of postings and posting_skills."""
    f = SETS_FILTERS[name]
    a, b = (date(2024, 1, 1), date(2024, 6, 30)), (date(2024, 7, 1), date(2024, 12, 31))
    calls = {
        "top": lambda r: skills.top_skills(f, 20, rollup=r),
        "pairs": lambda r: skills.cooccurrence(f, 8, rollup=r),
        # the pairs map's real sample (hqa30 ruling 1): its postings asking for two or more of the skills
        "paired": lambda r: skills.paired(f, ("Python", "Go", "SQL", "Rust", "Scala"), rollup=r),
        "responsibilities": lambda r: skills.responsibilities(f, rollup=r),
        "trend": lambda r: skills.skill_trend(f, ("Python", "Go", "Rust"), rollup=r),
        "movers": lambda r: skills.movers(f, a, b, 1, rollup=r),
        "mix": lambda r: skills.source_mix_by_period(f, a, b, rollup=r),
        "areas": lambda r: regions.compare_skills(f, ("US", "US-CA", "DE"), rollup=r),
    }
    used: set[str] = set()
    for label, call in calls.items():
        rolled, base = call(True), call(False)
        assert not base.notes, label
        used.update(rolled.notes)
        _same(rolled.df, base.df)
        assert (rolled.n, rolled.caveats) == (base.n, base.caveats), label
    bits = adb.skill_bits() or {}
    expected = adb.has_table("rollup_skill_sets") and all(skill in bits for skill in f.skills)
    assert ("answered from rollup_skill_sets" in used) is expected
    # the charts that draw no month (top skills, pairs, responsibilities) read the sets summed over the months
    assert ("answered from rollup_skill_sets_no_month" in used) is (expected and no_dates(f))


@pytest.mark.parametrize("name", CUT)
def test_a_range_cut_inside_months_reads_its_edge_days_from_postings_dated(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cut range reads its whole months from the fine cells and its edge days from postings_dated (dated
    postings in date order; the Regions page's counts from the cells by place and their day copy); a warehouse
    without postings_dated (published before it, or a lake of views) answers from postings alone, as scanning
    postings in load order for the edge days was slower."""
    f = CUT[name]
    rolled = [call(f, True) for call in (*DETAIL_COUNTS.values(), *(c for c, _ in DETAIL_BINNED.values()))]
    rolled.append(skills.top_skills(f))
    for res in rolled:
        if res.notes:  # the salary bins' edge days (and two skills' median over time): the salaried ones; the
            # Regions page's counts: the day copy of the cells by place (rollup_postings_places_days)
            edges = ("postings_dated", "postings_salaried", "rollup_postings_places_days")
            assert any(table in res.sql for table in edges), res.name
    assert "rollup_skill_sets" in rolled[-1].sql
    has_table = adb.has_table
    # the salary bins' edge days from postings_dated when the warehouse has no postings_salaried: the same
    monkeypatch.setattr(adb, "has_table",
                        lambda name, db=None: name != "postings_salaried" and has_table(name, db))
    for call, res in zip((c for c, _ in DETAIL_BINNED.values()), rolled[len(DETAIL_COUNTS):], strict=False):
        dated = call(f, True)
        assert "postings_salaried" not in dated.sql, dated.name
        _same(dated.df, res.df)
        assert (dated.n, dated.caveats) == (res.n, res.caveats), dated.name
    monkeypatch.setattr(adb, "has_table",
                        lambda name, db=None: name != "postings_dated" and has_table(name, db))
    for call in (*DETAIL_COUNTS.values(), *(c for c, _ in DETAIL_BINNED.values())):
        res = call(f, True)
        assert not any(table in res.sql for table in ("rollup_postings_detail", "rollup_salary_detail",
                                                      "rollup_skill_sets", "postings_dated")), res.name
    assert "rollup_skill_sets" not in skills.top_skills(f).sql


BLOCKED = {
    "cut at both ends": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20)),
    "edges of whole day blocks": Filters(date_from=date(2024, 3, 8), date_to=date(2024, 11, 21)),
    "two skills, blocks and days": Filters(skills=("Python", "Go"), date_from=date(2024, 3, 12),
                                           date_to=date(2024, 11, 14)),
}


@pytest.mark.parametrize("name", BLOCKED)
def test_a_cut_range_reads_whole_day_blocks_from_the_block_rollups(
        warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """The edge days of a cut range are read as whole day blocks from the block rollups and only the days
    left outside them from the dated postings (none when the range starts and ends with whole blocks), with
    the same answers as without the block rollups (a version published before them: every edge day from
    postings_dated) - salary by skill and the premium too (rollup_salary_skill_blocks: the same bins per skill
    as the edge postings' skill sets expanded into skills)."""
    f = BLOCKED[name]
    found = block_where(f)
    left = edge_where(f, blocks=True)
    assert found is not None
    calls = [lambda: overview.postings_per_month(f), lambda: salary.by_band(f),
             lambda: regions.by_country(f), lambda: salary.over_time(f), lambda: skills.top_skills(f),
             lambda: skills.responsibilities(f), lambda: salary.by_skill(f), lambda: skills.salary_premium(f)]
    with_blocks = [call() for call in calls]
    for res in with_blocks:
        # (under a skill filter with dates, the salary medians have no rollup by skill set and month)
        if res.name in ("regions.by_country", "salary.over_time", "salary.by_skill", "skills.salary_premium"):
            assert ("_blocks" in res.sql) is not bool(f.skills), res.name
        else:  # the edge days outside the blocks from postings_dated
            assert "_blocks" in res.sql and ("postings_dated" in res.sql) is (left is not None), res.name
    has_table = adb.has_table
    monkeypatch.setattr(adb, "has_table",
                        lambda name, db=None: not name.endswith("_blocks") and has_table(name, db))
    for call, res in zip(calls, with_blocks, strict=True):
        without = call()
        assert "_blocks" not in without.sql, without.name
        _same(res.df, without.df)
        assert (res.n, res.caveats, res.notes) == (without.n, without.caveats, without.notes), res.name


MEASURES = ("postings", "salaried", "with_salary", "salary_floor", "salary_lo", "salary_hi")


def test_the_block_rollups_hold_each_dated_posting_in_its_day_block(warehouse: Path) -> None:
    """posted_block (the SQL macro of cells.sql) is analytics.filters.block_start of every posting date, and
    each block rollup summed over its blocks is its monthly table's dated rows (rollup_postings_detail,
    rollup_skill_sets, rollup_salary_month, rollup_salary_skill_month, rollup_salary_places,
    rollup_company_places: there its combinations), row for row."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        per_day = con.execute("SELECT posted_date, count(*) FROM postings_dated GROUP BY 1").fetchall()
        by_block: dict[date, int] = {}
        for day, n in per_day:
            by_block[block_start(day)] = by_block.get(block_start(day), 0) + n
        stored = con.execute("SELECT posted_block, sum(postings)::BIGINT FROM rollup_postings_blocks "
                             "GROUP BY 1")
        assert dict(stored.fetchall()) == by_block and len(by_block) > 10
        for blocked, monthly, measures in (
                ("rollup_postings_blocks", "rollup_postings_detail",
                 "sum(postings)::BIGINT, sum(salaried)::BIGINT, sum(with_salary)::BIGINT, min(salary_floor)"),
                ("rollup_skill_sets_blocks", "rollup_skill_sets",
                 "sum(postings)::BIGINT, sum(salaried)::BIGINT, sum(with_salary)::BIGINT, min(salary_floor)"),
                ("rollup_salary_month_blocks", "rollup_salary_month",
                 "sum(postings)::BIGINT, min(salary_lo), max(salary_hi)"),
                ("rollup_salary_skill_blocks", "rollup_salary_skill_month",
                 "sum(postings)::BIGINT, min(salary_lo), max(salary_hi)"),
                ("rollup_salary_places_blocks", "rollup_salary_places",
                 "sum(postings)::BIGINT, min(salary_lo), max(salary_hi)"),
                ("rollup_company_places_blocks", "rollup_company_places", "count(*) > 0")):
            cols = con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = $t",
                               {"t": monthly}).fetchall()
            keys = ", ".join(c for (c,) in cols if c not in MEASURES)
            summed = con.execute(f"SELECT {keys}, {measures} FROM {blocked} GROUP BY ALL ORDER BY ALL")
            assert summed.fetchall() == con.execute(
                f"SELECT {keys}, {measures} FROM {monthly} WHERE posted_month IS NOT NULL GROUP BY ALL "
                "ORDER BY ALL").fetchall(), blocked
    finally:
        con.close()


def _rows_out_of_scans(sql: str, params: dict, table: str | None, operator: str = "TABLE_SCAN") -> int:
    """How many rows DuckDB's ``operator`` nodes (scans of ``table``) passed on while running ``sql``
    (EXPLAIN ANALYZE)."""
    con = adb.connection().cursor()
    profile = json.loads(con.execute(f"EXPLAIN (ANALYZE, FORMAT JSON) {sql}", params).fetchall()[0][1])

    def rows(node: dict) -> int:
        here = node.get("type") == operator and (
            table is None or str(node.get("extra_info", {}).get("Table", "")).endswith(f".{table}"))
        own = node.get("intermediate_rows", 0) if here else 0
        return own + sum(rows(child) for child in node.get("children", []))

    return sum(rows(node) for node in profile["operator"])


@pytest.mark.parametrize("name", ["default", "cut months", "two skills"])
def test_salary_by_skill_ranks_the_bins_of_the_skills_it_shows_only(warehouse: Path, name: str) -> None:
    """Salary by skill and the premium compute their percentiles for the skills they show (the most salaried
    first) and every salaried posting only: fewer bins reach the running sums for 3 skills than for all of
    them, and the 3 are the first 3 of the longer answer."""
    f = {"default": Filters(), "cut months": CUT["dates cut inside months"],
         "two skills": Filters(skills=("Python", "Go"))}[name]
    few, every = salary.by_skill(f, limit=3), salary.by_skill(f, limit=1000)
    _same(few.df, every.df.head(3))
    assert few.notes and few.n == every.n
    ranked = [_rows_out_of_scans(r.sql, r.params, None, "WINDOW") for r in (few, every)]
    assert ranked[0] < ranked[1] if len(every.df) > 3 else ranked[0] <= ranked[1]  # (tiny: few skills)
    assert len(every.df) > 3 or warehouse.parent.name != "generated0"
    premium_few, premium_every = skills.salary_premium(f, 3), skills.salary_premium(f, 1000)
    _same(premium_few.df, premium_every.df.head(3))


@pytest.mark.parametrize("name", CUT)
def test_a_cut_range_reads_only_its_edge_days_out_of_the_dated_postings(warehouse: Path, name: str) -> None:
    """The edge days are plain date ranges applied inside the scan of postings_dated (and of
    postings_salaried): no row of the range's whole months leaves the scan. Before, the whole range was
    read and the whole months dropped after the scan (on 2,000,000 generated postings 292,000 rows for
    115,000 edge postings: a third of a chart's time under a cut range)."""
    f = replace(CUT[name], seniority=(), role_family=())  # (no filter a scan cannot apply itself)
    lo, hi = whole_month_span(f)
    params: dict = {"lo": lo or date.min, "hi": month_end(hi) if hi else date.max,
                    "d0": f.date_from or date.min, "d1": f.date_to or date.max}
    edge = ("posted_date BETWEEN $d0 AND $d1 AND NOT (posted_date >= $lo AND posted_date <= $hi)"
            if lo is None or hi is None or lo <= hi else "posted_date BETWEEN $d0 AND $d1")
    con = adb.connection().cursor()
    for table, call in (("postings_dated", lambda: salary.by_band(f)),
                        ("postings_salaried", lambda: salary.distribution(f, "country"))):
        res = call()
        if table not in res.sql:
            continue  # (a skill filter's salaries: the skill sets have no month, so postings answer)
        on_edges = con.execute(f"SELECT count(*) FROM {table} WHERE {edge}", params).fetchall()[0][0]
        assert on_edges > 0 or warehouse.parent.name != "generated0"  # (the tiny one has few dates)
        assert _rows_out_of_scans(res.sql, res.params, table) <= on_edges, (table, res.sql)


def test_postings_dated_holds_the_dated_postings_in_date_order(warehouse: Path) -> None:
    """postings_dated: every dated posting once, with the same values as postings, sorted by date, and
    postings' column comments."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        cols = [c for (c,) in con.execute("SELECT column_name FROM duckdb_columns() WHERE table_name = "
                                          "'postings_dated' ORDER BY column_index").fetchall()]
        assert "description" not in cols and "skill_bits_0" in cols and "posted_date" in cols
        keys = ", ".join(cols)
        dated = con.execute(f"SELECT {keys} FROM postings WHERE posted_date IS NOT NULL ORDER BY posting_id"
                            ).fetchall()
        assert con.execute(f"SELECT {keys} FROM postings_dated ORDER BY posting_id").fetchall() == dated
        dates = [d for (d,) in con.execute("SELECT posted_date FROM postings_dated").fetchall()]
        assert dates == sorted(dates) and dates
        comments = con.execute("SELECT count(*) FILTER (WHERE comment IS NULL), count(*) "
                               "FROM duckdb_columns() WHERE table_name = 'postings_dated'").fetchall()[0]
        assert comments[0] == 0 and comments[1] == len(cols)
    finally:
        con.close()


def test_a_skill_filter_with_dates_reads_salaries_from_postings(warehouse: Path) -> None:
    """Under a skill filter with a date range and a country no salary rollup answers (rollup_salary_sets has
    no month, rollup_salary_skill_month no country): the medians are exact, from postings - but the median
    over time, binned from the salaried dated postings (tested above)."""
    f = Filters(skills=("Python",), country=("US",), date_from=date(2024, 3, 1), date_to=date(2024, 11, 30))
    for label, (call, _) in DETAIL_BINNED.items():
        res = call(f, True)
        assert "rollup_" not in res.sql, label
        salaried = ("answered from postings_salaried",)
        assert res.notes == (salaried if label == "salary.over_time" else ()), label


@pytest.mark.parametrize("name", [k for k, f in SETS_FILTERS.items() if f.skills])
def test_counts_under_a_skill_filter_from_the_skill_sets_equal_the_base_tables(warehouse: Path,
                                                                                name: str) -> None:
    """Under a skill filter the counts of the other pages are summed over rollup_skill_sets' rows that pass
    the bit test (whole months; edge days from postings): equal to postings' answers."""
    f = SETS_FILTERS[name]
    bits = adb.skill_bits() or {}
    expected = adb.has_table("rollup_skill_sets") and all(skill in bits for skill in f.skills)
    for label, call in DETAIL_COUNTS.items():
        rolled, base = call(f, True), call(f, False)
        # the Regions page draws no month: without a date range it reads the sets summed over the months
        sets = "rollup_skill_sets" + ("_no_month" if label.startswith("regions.") and no_dates(f) else "")
        assert (rolled.notes == (f"answered from {sets}",)) is expected and not base.notes, label
        _same(rolled.df, base.df)
        assert (rolled.n, rolled.caveats) == (base.n, base.caveats), label


def test_skill_sets_hold_the_detail_cells_and_measures_described_alike(warehouse: Path) -> None:
    """rollup_skill_sets is rollup_postings_detail split by skill set (one macro makes both, cells.sql): the
    same columns besides the bitmap words, every column described, the shared ones in the same words, and
    summed over skill sets it is rollup_postings_detail row for row."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        def columns(table: str) -> dict[str, str | None]:
            return dict(con.execute("SELECT column_name, comment FROM duckdb_columns() WHERE table_name = $t",
                                    {"t": table}).fetchall())

        detail, sets = columns("rollup_postings_detail"), columns("rollup_skill_sets")
        words = {c for c in sets if c.startswith("skill_bits_")}
        assert len(words) == 8 and set(sets) - words == set(detail)
        assert all(sets.values()) and all(detail.values())
        assert all(sets[c] == detail[c] for c in detail if c != "postings")
        cells = [c for c in detail if c not in ("postings", "salaried", "with_salary", "salary_floor")]
        keys = ", ".join(cells)
        summed = con.execute(f"""SELECT {keys}, sum(postings)::BIGINT, sum(salaried)::BIGINT,
            sum(with_salary)::BIGINT, min(salary_floor)
            FROM rollup_skill_sets GROUP BY ALL ORDER BY ALL""").fetchall()
        assert summed == con.execute(f"SELECT {keys}, postings, salaried, with_salary, salary_floor "
                                     "FROM rollup_postings_detail ORDER BY ALL").fetchall()
        assert len(summed) > 10
    finally:
        con.close()


def test_every_column_of_every_table_and_view_is_described(warehouse: Path) -> None:
    """The schema browser and researchers read duckdb_columns().comment; columns copied from another table
    (builder.COMMENTS_FROM) get theirs at publish, so none is left without one."""
    con = duckdb.connect(str(adb.version(warehouse)), read_only=True)
    try:
        bare = con.execute("""SELECT table_name || '.' || column_name FROM duckdb_columns()
            WHERE schema_name = 'main' AND NOT internal AND coalesce(comment, '') = ''
            ORDER BY 1""").fetchall()
        described = con.execute("""SELECT count(DISTINCT table_name) FROM duckdb_columns()
            WHERE table_name IN ('rollup_salary_sets', 'rollup_salary_no_month', 'rollup_skill_sets')
            """).fetchall()
    finally:
        con.close()
    assert bare == [] and described == [(3,)]


def test_a_skill_set_expands_into_exactly_its_bits_the_top_bit_and_the_second_word_too() -> None:
    """detail.expand tests each skill's bit as the word AND its mask in UBIGINT: bit 63 (a word of 2^63 or
    more, which a signed type would read as negative), bit 0, a bit of the second word, and a set of none
    expand into exactly the skills whose bits are set - as the shift in HUGEINT did."""
    from analytics.queries import detail

    con = duckdb.connect()
    con.execute("""CREATE TABLE skill_bit AS SELECT * FROM (VALUES
        ('Alpha', 0, 0, 'tech'), ('Beta', 0, 62, 'tech'), ('Gamma', 0, 63, 'tech'), ('Delta', 1, 0, 'tech'),
        ('Epsilon', 1, 63, 'tech')) t(skill, word, bit, category)""")
    con.execute("""CREATE TABLE sets AS SELECT k, w0::UBIGINT AS w0, w1::UBIGINT AS w1 FROM (VALUES
        (1, 9223372036854775808, 0), (2, 13835058055282163713, 1), (3, 0, 9223372036854775809), (4, 0, 0),
        (5, 18446744073709551615, 18446744073709551615)) t(k, w0, w1)""")
    got = con.execute(f"SELECT s.k, b.skill FROM {detail.expand('sets', ('w0', 'w1'))} ORDER BY 1, 2"
                      ).fetchall()
    old = con.execute("""SELECT s.k, b.skill FROM sets s JOIN skill_bit b
        ON ((CASE b.word WHEN 0 THEN s.w0 WHEN 1 THEN s.w1 END) >> b.bit) & 1 = 1 ORDER BY 1, 2""").fetchall()
    assert got == old == [(1, "Gamma"), (2, "Alpha"), (2, "Beta"), (2, "Delta"), (2, "Gamma"),
                          (3, "Delta"), (3, "Epsilon"), *((5, s) for s in
                                                          ("Alpha", "Beta", "Delta", "Epsilon", "Gamma"))]


UNDATED_CAVEAT = {
    "dates cut inside months": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20)),
    "whole months": Filters(date_from=date(2024, 3, 1), date_to=date(2024, 11, 30)),
    "from a cut month on, a country": Filters(date_from=date(2024, 6, 17), country=("US",)),
    "two skills, cut months": Filters(skills=("Python", "Go"), date_from=date(2024, 3, 12),
                                      date_to=date(2024, 11, 14)),
    "cut months, dated only": Filters(date_from=date(2024, 3, 10), date_to=date(2024, 11, 20), undated=False),
}


def _log_queries(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every SQL statement adb.query runs from now on, in order (the queries still run)."""
    seen: list[str] = []
    query = adb.query

    def spy(sql: str, params: dict | None = None, db: Path | str | None = None) -> tuple[pd.DataFrame, float]:
        seen.append(sql)
        return query(sql, params, db)

    monkeypatch.setattr(adb, "query", spy)
    return seen


@pytest.mark.parametrize("name", UNDATED_CAVEAT)
def test_the_undated_caveat_under_a_date_range_is_read_from_the_month_less_rollups(
    warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """How many postings without a date a chart over time leaves out: undated postings pass any date range, so
    under a range their count is read from the rollups summed over the months (one small read), not from the
    range's whole months, day blocks and edge days again - and equals the count over postings."""
    f = UNDATED_CAVEAT[name]
    bits = adb.skill_bits() or {}
    if any(skill not in bits for skill in f.skills):
        pytest.skip("this warehouse lacks one of the filter's skills")
    base_all = detail.undated_caveat(f, rollup=False)
    cond, params = where(f, bits=bits)
    salaried = "p.salary_plausible AND p.salary_usd_mid IS NOT NULL"
    base_salaried = detail.undated_left_out(cond, params, None, salaried)
    seen = _log_queries(monkeypatch)
    table = detail.SETS if f.skills else detail.COUNTS
    rolled = (detail.undated_caveat(f), detail.undated(f, salaried=True, table=table, bits=bits or None))
    assert rolled == (base_all, base_salaried)
    counted = [sql for sql in seen if "AS n FROM (" in sql]  # (not the catalogue's look-ups)
    assert len(counted) == (2 if f.undated else 0)  # dated postings only: nothing to count
    for sql in counted:
        assert "_no_month" in sql, sql
        assert not any(table in sql for table in ("postings_dated", "_blocks", "postings p")), sql
    assert name != "whole months" or warehouse.parent.name != "generated0" or base_all  # (some are undated)


@pytest.mark.parametrize("name", ["two skills, cut months and blocks", "a region", "one skill"])
def test_the_pairs_on_the_skill_sets_read_the_rows_once(
    warehouse: Path, name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On rollup_skill_sets the pairs chart is one statement: the top skills ranked from the skill sets and
    the pairs counted over the same sets (top_skills then the pairs read the rows twice: under a cut range the
    whole months, day blocks and edge days each time), with the answer of the self-join of posting_skills."""
    f = SETS_FILTERS[name]
    bits = adb.skill_bits() or {}
    if any(skill not in bits for skill in f.skills):
        pytest.skip("this warehouse lacks one of the filter's skills")
    seen = _log_queries(monkeypatch)
    for top_n in (3, 8, 12):
        seen.clear()
        res = skills.cooccurrence(f, top_n)
        assert res.notes and "rollup_skill_sets" in res.notes[0]
        assert sum("rollup_skill_sets" in sql for sql in seen) == 1  # one read of the sets' rows
        base = skills.cooccurrence(f, top_n, rollup=False)
        _same(res.df, base.df)
        assert res.n == base.n
