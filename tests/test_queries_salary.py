"""Salary queries on the tiny warehouse: salaries 101,000..135,000 for ids 1-35 (defaults)."""

from __future__ import annotations

from datetime import date

import pandas as pd
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters
from analytics.queries import MIN_N, salary

pytestmark = pytest.mark.usefixtures("tiny_db")


def test_by_band() -> None:
    res = salary.by_band(Filters())
    assert list(res.df["band"]) == ["100k-125k", "125k-150k"]
    assert list(res.df["postings"]) == [24, 11] and res.n == 35


@pytest.mark.parametrize("rollup", [False, True])
def test_by_band_states_each_band_s_bounds_beside_its_lowest_salary(rollup: bool,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """Real-data QA: the CSV's ``band_floor`` (a contract: kept) is the lowest salary seen in the band, not
    where the band starts; the bounds are their own columns, from the configured bands (min inclusive, max
    exclusive, empty for an open end or a label the configuration does not hold)."""
    from etl.normalize import money

    bands = (("100k-125k", 100_000.0, 125_000.0), ("125k-150k", 125_000.0, None))  # the tiny set's labels
    monkeypatch.setattr(money, "bands", lambda: bands)
    df = salary.by_band(Filters(), rollup=rollup).df
    assert list(df.columns[:3]) == ["band", "postings", "band_floor"]  # unchanged, new columns after
    assert list(df["band_min_usd"]) == [100_000, 125_000]
    assert df["band_max_usd"].iloc[0] == 125_000 and df["band_max_usd"].isna().iloc[1]
    assert df["band_floor"].iloc[0] > df["band_min_usd"].iloc[0]  # the lowest salary seen: not the bound
    monkeypatch.setattr(money, "bands", lambda: (("other", 0.0, 1.0),))
    assert salary.by_band(Filters(), rollup=rollup).df["band_min_usd"].isna().all()


@pytest.mark.parametrize("rollup", [False, True])
def test_by_band_keeps_an_empty_band_between_two_with_postings(rollup: bool,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    """QA hqa41 on the real exports (RemoteOK alone, 7 salaries): "Postings by salary band" drew <$50k beside
    $100k-$150k, the empty $50k-$100k band left out, so the bars read as neighbours and the gap as none. A
    band between the lowest and the highest holding postings is a row of 0 (its floor empty), in the bands'
    order; the bands outside that span stay out. The tiny set's salaries fall in two bands: a configured band
    between them holds none."""
    from etl.normalize import money

    bands = (("<100k", None, 100_000.0), ("100k-125k", 100_000.0, 125_000.0), ("gap", 125_000.0, 125_000.0),
             ("125k-150k", 125_000.0, 150_000.0), (">=150k", 150_000.0, None))
    monkeypatch.setattr(money, "bands", lambda: bands)
    res = salary.by_band(Filters(), rollup=rollup)
    df = res.df
    assert list(df["band"]) == ["100k-125k", "gap", "125k-150k"]
    assert list(df["postings"]) == [24, 0, 11] and res.n == 35
    gap = df[df["band"] == "gap"].iloc[0]
    assert pd.isna(gap["band_floor"]) and gap["band_min_usd"] == 125_000
    # a band the configuration does not hold: the rows as they are
    monkeypatch.setattr(money, "bands", lambda: (("other", 0.0, 1.0),))
    assert list(salary.by_band(Filters(), rollup=rollup).df["band"]) == ["100k-125k", "125k-150k"]


def test_distribution_by_seniority_flags_small_groups() -> None:
    res = salary.distribution(Filters(), "seniority")
    by = res.df.set_index("group")
    assert by.loc["senior", "n"] == 20 and by.loc["senior", "median"] == 110_500
    assert by.loc["lead", "median"] == 133_000  # ids 31-35
    assert not res.df["enough"].any()  # every group under MIN_N
    assert MIN_N == 30


@pytest.mark.parametrize("rollup", [False, True])
def test_by_skill_and_enough(rollup: bool) -> None:
    res = salary.by_skill(Filters(), rollup=rollup)
    by = res.df.set_index("group")
    # exact from the base tables; from rollup_salary_bins within one $1,000 bin, as its caption says
    within = 0 if not rollup else salary.SALARY_BIN_USD
    assert bool(by.loc["Python", "enough"]) and by.loc["Python", "median"] == pytest.approx(
        115_500, abs=within
    )
    assert res.n == 35  # distinct salaried postings behind the chart
    assert res.caveats == (salary.BINNED if rollup else ())


def test_over_time() -> None:
    res = salary.over_time(Filters(seniority=("senior", "staff", "lead", "mid")))
    assert list(res.df["n"]) == [9, 9, 9, 8, 10]  # May: ids 41-50
    assert res.df["median"].iloc[-1] == 85_500
    assert res.n == 45


@pytest.mark.parametrize("rollup", [True, False])
def test_over_time_spans_the_whole_chosen_range(rollup: bool) -> None:
    """QA round sixteen: under a date range the median salary over time stopped at the last month holding a
    salary. Every month of the range is a row: an empty one has n = 0 and no median (the line breaks)."""
    f = Filters(seniority=("senior", "staff", "lead", "mid"), date_from=date(2024, 12, 1),
                date_to=date(2025, 7, 31))
    res = salary.over_time(f, rollup=rollup)
    assert [(d.year, d.month) for d in res.df["month"]] == [
        (2024, 12), (2025, 1), (2025, 2), (2025, 3), (2025, 4), (2025, 5), (2025, 6), (2025, 7)]
    assert list(res.df["n"]) == [0, 9, 9, 9, 8, 10, 0, 0] and res.n == 45
    assert res.df["median"].isna().tolist() == [True, False, False, False, False, False, True, True]
    assert list(res.df["enough"]) == [False] * 8  # no month of the tiny set holds 30 salaries
    assert salary.over_time(Filters(date_from=date(2023, 1, 1), date_to=date(2023, 3, 31)),
                            rollup=rollup).df.empty


def test_stated_as_counts_the_view_s_salaries_by_currency_and_period(tmp_path, monkeypatch) -> None:
    """QA round eleven: the Salary page said how salaries are converted, not how the ones in view were
    stated. Shares of the filtered salaried postings by currency and period, largest first; an implausible
    salary is not counted (the default view: ids 1-40, 35 salaried; the tiny set's salaries are yearly USD,
    so ten are restated here as monthly in an invented currency and five as hourly)."""
    from tiny_warehouse import build_edited

    db = build_edited(tmp_path / "warehouse.duckdb",
                      "UPDATE postings SET salary_currency = 'XPL', salary_period = 'month' "
                      "WHERE posting_id <= 10",
                      "UPDATE postings SET salary_currency = 'EUR', salary_period = 'hour' "
                      "WHERE posting_id BETWEEN 11 AND 15", derive=True)  # (rollup_salary_stated too)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    res = salary.stated_as(Filters())
    assert res.notes == ("answered from rollup_salary_stated_no_month",)
    assert salary.stated_as(Filters(), rollup=False).df.equals(res.df)
    assert res.n == 35
    rows = [(c, p, n) for c, p, n in res.df[["currency", "period", "postings"]].itertuples(index=False)]
    assert rows == [("USD", "year", 20), ("XPL", "month", 10), ("EUR", "hour", 5)]
    assert res.df["share"].tolist() == pytest.approx([20 / 35, 10 / 35, 5 / 35])
    assert salary.stated_as(Filters(seniority=("lead",))).df["postings"].tolist() == [5]  # the filters apply


def test_stated_as_text_names_the_largest_ways_and_sums_the_rest() -> None:
    """The Salary page's line from stated_as: shares largest first, four named, the rest as "other"."""
    import pandas as pd

    from analytics.figures.salary import stated_as_text

    df = pd.DataFrame({"currency": ["USD", "XPL", "EUR", "USD", "GBP", "EUR", None],
                       "period": ["year", "month", "hour", "hour", "year", "day", None],
                       "postings": [600, 220, 100, 40, 30, 7, 3]})
    assert stated_as_text(df) == (
        "n = 1,000 salaries in this view, as the postings stated them: 60% yearly USD, 22% monthly XPL, "
        "10% hourly EUR, 4% hourly USD and 4% in 3 other ways; each became US dollars per year as above.")
    assert stated_as_text(df.head(1)) == ("n = 600 salaries in this view, as the postings stated them: 100% "
                                          "yearly USD; each became US dollars per year as above.")
    assert stated_as_text(df.tail(1)) == ("n = 3 salaries in this view, as the postings stated them: 100% "
                                          "per unstated period in an unstated currency; each became US "
                                          "dollars per year as above.")
    assert stated_as_text(df.iloc[0:0]) == ""


def test_stated_as_text_never_writes_100_percent_beside_another_way() -> None:
    """QA round thirty-seven: under Poland's postings the Salary page said "n = 721 salaries ...: 100% monthly
    PLN and <1% yearly PLN" (719 and 2: 99.7% rounded), two shares over 100%. A share short of all reads
    ">99%", as one above none reads "<1%"; all of them still reads "100%"."""
    import pandas as pd

    from analytics.figures.salary import stated_as_text

    df = pd.DataFrame({"currency": ["XPL", "XPL"], "period": ["month", "year"], "postings": [719, 2]})
    assert stated_as_text(df) == ("n = 721 salaries in this view, as the postings stated them: >99% monthly "
                                  "XPL and <1% yearly XPL; each became US dollars per year as above.")
    assert stated_as_text(df.head(1)).startswith(
        "n = 719 salaries in this view, as the postings stated them: 100% monthly XPL;")
    df = pd.DataFrame({"currency": ["XPL", "XPL"], "period": ["month", "year"], "postings": [994, 6]})
    assert ": 99% monthly XPL and 1% yearly XPL;" in stated_as_text(df)  # 99.4% and 0.6% round as they are


def test_stated_as_text_of_one_salary_is_no_share() -> None:
    """QA round hqa39, German postings (one salary among 48): the Salary page read "n = 1 salary in this view,
    as the postings stated them: 100% yearly EUR" - a share of one salary, in the plural. It reads "n = 1
    salary in this view, stated by its posting as yearly EUR; it became US dollars per year as above"."""
    import pandas as pd

    from analytics.figures.salary import stated_as_text

    one = pd.DataFrame({"currency": ["EUR"], "period": ["year"], "postings": [1]})
    assert stated_as_text(one) == ("n = 1 salary in this view, stated by its posting as yearly EUR; it "
                                   "became US dollars per year as above.")
