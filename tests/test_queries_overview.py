"""Overview queries on the tiny warehouse; expected numbers worked out by hand from
tests/fixtures/tiny (defaults select postings 1-40: senior 1-20, staff 21-30, lead 31-40;
months Jan-Apr 2025 in turn; salary 100,000 + 1,000 x id for ids 1-35, id 36 implausible)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from tiny_warehouse import build_edited, tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters
from analytics.queries import overview, regions

pytestmark = pytest.mark.usefixtures("tiny_db")


def _row(res, period: str) -> dict:
    return res.df[res.df["period"] == period].iloc[0].to_dict()


@pytest.mark.parametrize("rollup", [True, False])
def test_kpis_defaults(rollup: bool) -> None:
    res = overview.kpis(Filters(), rollup=rollup)
    cur = _row(res, "current")
    assert res.n == 40
    assert (cur["postings"], cur["companies"], cur["salary_n"]) == (40, 8, 35)
    assert cur["median_salary_usd"] == 118_000  # median of 101,000..135,000
    assert cur["share_remote"] == pytest.approx(10 / 30)  # 10 remote of 30 that state it
    assert cur["median_years"] == 8  # 18 x 5, 10 x 8, 10 x 10
    assert _row(res, "previous")["postings"] == 0
    if rollup:  # no date range: the rollups (rollup_company_cells for the companies and the first date)
        assert "answered from rollup_company_cells" in res.notes and "postings p" not in res.sql
    else:
        assert "$period_from" in res.sql and res.params["period_from"] is None


def test_kpis_previous_period() -> None:
    res = overview.kpis(Filters(date_from=date(2025, 3, 1), date_to=date(2025, 4, 30)))
    cur, prev = _row(res, "current"), _row(res, "previous")
    assert (cur["postings"], prev["postings"]) == (20, 20)
    assert prev["period_start"].date() == date(2024, 12, 30) and prev["period_end"].date() == date(
        2025, 2, 28
    )
    assert cur["median_salary_usd"] == 119_000  # ids 3,4,7,8,...,35: 17 salaries, 9th is id 19
    assert prev["median_salary_usd"] == 117_500  # ids 1,2,5,6,...,34: 18 salaries, ids 17 and 18
    assert (cur["companies"], prev["companies"]) == (4, 4)


def test_kpis_nothing_matches() -> None:
    res = overview.kpis(Filters(country=("DE",), seniority=("staff",)))
    assert res.n == 0 and len(res.df) == 3  # the selection and both dated periods, with zero postings
    assert _row(res, "current")["postings"] == 0
    assert not res.caveats  # the page says that nothing matches, not how medians are read


@pytest.mark.parametrize("rollup", [True, False])
def test_postings_per_month(rollup: bool) -> None:
    res = overview.postings_per_month(Filters(), rollup=rollup)
    assert [d.month for d in res.df["month"]] == [1, 2, 3, 4]
    assert list(res.df["postings"]) == [10, 10, 10, 10] and res.n == 40
    assert ("answered from rollup_postings_month" in res.notes) is rollup
    assert ("rollup_postings_month" in res.sql) is rollup


@pytest.mark.parametrize("rollup", [True, False])
def test_postings_per_month_spans_the_whole_chosen_range(rollup: bool) -> None:
    """QA round fifteen: under a date range the chart started at the first month holding a dated posting;
    every month of the range is a row, empty ones 0 (Nov 2024 - Jun 2025 around the data's Jan - Apr)."""
    f = Filters(date_from=date(2024, 11, 1), date_to=date(2025, 6, 30))
    res = overview.postings_per_month(f, rollup=rollup)
    assert [(d.year, d.month) for d in res.df["month"]] == [
        (2024, 11), (2024, 12), (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2025, 5), (2025, 6)]
    assert list(res.df["postings"]) == [0, 0, 10, 10, 10, 10, 0, 0] and res.n == 40
    # a range starting inside a month: that month is the first row
    mid = overview.postings_per_month(Filters(date_from=date(2024, 12, 15)), rollup=rollup)
    assert [(d.year, d.month) for d in mid.df["month"]][:2] == [(2024, 12), (2025, 1)]
    # a range holding no dated posting stays empty (the chart says what empties it)
    assert overview.postings_per_month(Filters(date_from=date(2023, 1, 1), date_to=date(2023, 3, 31)),
                                       rollup=rollup).df.empty


@pytest.mark.parametrize("rollup", [True, False])
def test_postings_per_month_of_a_region_from_the_fine_cells(rollup: bool) -> None:
    """A region is no dimension of rollup_postings_month: the fine cells answer, else postings."""
    res = overview.postings_per_month(Filters(region=("US-CA",)), rollup=rollup)
    assert ("rollup_postings_detail" in res.sql) is rollup and "rollup_postings_month" not in res.sql
    assert res.n == 10 and list(res.df["postings"]) == [3, 3, 2, 2]  # ids 1-10 by (id-1) % 4


def test_changing_a_filter_changes_the_numbers() -> None:
    with_mid = Filters(seniority=("senior", "staff", "lead", "mid"))
    assert overview.kpis(with_mid).n == 50
    assert overview.postings_per_month(with_mid).df["postings"].tolist() == [10, 10, 10, 10, 10]


SPELLED = {"case": "UPDATE postings SET company = upper(company) WHERE posting_id IN (1, 2)",
           "a legal suffix": "UPDATE postings SET company = CASE posting_id WHEN 1 THEN company || ' Inc.' "
                             "ELSE upper(company) || ', GmbH' END WHERE posting_id IN (1, 2)"}


@pytest.mark.parametrize("f", [Filters(), Filters(date_from=date(2025, 1, 1), date_to=date(2025, 2, 14)),
                               Filters(skills=("Python",))], ids=["all dates", "a range", "a skill"])
@pytest.mark.parametrize("rollup", [True, False])
@pytest.mark.parametrize("spelled", SPELLED)
def test_a_company_spelled_in_another_case_is_one_company(
        f: Filters, rollup: bool, spelled: str, tmp_path: Path) -> None:
    """QA round twenty-five on the real samples: the default Overview's "Companies 981" counted CrowdStrike
    and Crowdstrike, EPAM Systems and Epam Systems as four (979 companies by name; over the warehouse 4,707
    spellings, 4,670 companies). Companies are counted by their name without case, in the headline figures
    and the regions compared, from the rollups and from the postings alike. The tiny warehouse with two
    postings' companies written in capitals, each beside a posting of the same company as written.
    QA round twenty-six: "<Name> Inc." and "<Name>", "<NAME>, GmbH" and "<Name>" were two companies each
    (on the real exports "Apple, Inc." beside "Apple", "Lesara GmbH" beside "Lesara": 4,670 companies by
    name without case, 4,644 by key); the tiny warehouse with a suffix added to those two postings."""
    edited = build_edited(tmp_path / "warehouse.duckdb", SPELLED[spelled],
                          derive=True, version_name="v-tiny-case.duckdb")
    before = _row(overview.kpis(f, rollup=rollup), "current")["companies"]
    after = _row(overview.kpis(f, edited, rollup=rollup), "current")["companies"]
    assert after == before, (before, after)
    area = regions.compare(f, ("US-CA", "GB"), edited, rollup=rollup).df.set_index("area")
    plain = regions.compare(f, ("US-CA", "GB"), rollup=rollup).df.set_index("area")
    assert area.loc["US-CA", "companies"] == plain.loc["US-CA", "companies"], (area, plain)


@pytest.mark.parametrize("f", [Filters(date_from=date(2025, 1, 1), date_to=date(2025, 2, 14)),
                               Filters(date_from=date(2025, 1, 1), date_to=date(2025, 2, 14), undated=False)],
                         ids=["undated kept", "dated only"])
def test_postings_without_a_company_are_no_company_under_a_range(f: Filters, tmp_path: Path) -> None:
    """QA round twenty-six on the real exports: under 2025-01-01 to 2025-06-14 the headline read 349
    companies from the rollups and 348 from postings - a range with both ends counted its companies as
    groups of names, and the postings without a company made one more group. The tiny warehouse with a
    posting's company left out: both paths count the same companies."""
    edited = build_edited(tmp_path / "warehouse.duckdb",
                          "UPDATE postings SET company = NULL WHERE posting_id = 1", derive=True,
                          version_name="v-tiny-no-company.duckdb")
    rolled = overview.kpis(f, edited)
    base = overview.kpis(f, edited, rollup=False)
    assert rolled.notes, "the rollups answer"
    assert _row(rolled, "current")["companies"] == _row(base, "current")["companies"]
