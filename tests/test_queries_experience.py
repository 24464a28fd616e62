"""Experience queries on the tiny warehouse: 5 years for ids 1-18, none for 19-20, 8 for
staff (21-30), 10 for lead (31-40); degree master 1-10, bachelor 11-30, none 31-40."""

from __future__ import annotations

import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters
from analytics.queries import experience

pytestmark = pytest.mark.usefixtures("tiny_db")


def test_years_distribution_and_bands() -> None:
    res = experience.years_distribution(Filters())
    assert dict(zip(res.df["years"], res.df["postings"])) == {5: 18, 8: 10, 10: 10}
    bands = experience.years_bands(Filters())
    assert dict(zip(bands.df["band"], bands.df["postings"])) == {"4-5": 18, "6-7": 0, "8-10": 20}
    assert bands.n == 38


@pytest.mark.parametrize("rollup", [False, True])
def test_years_bands_keep_an_empty_band_between_two_with_postings(rollup: bool) -> None:
    """QA hqa41 on the real exports (RemoteOK alone: 3 postings asking 4-5 years, 2 asking 8-10): "Years
    required, in bands" drew "4-5" beside "8-10", the empty "6-7" band left out, so the gap read as none. A
    band between the lowest and the highest holding postings is a row of 0 (share 0, floor empty), in the
    bands' order; the bands outside that span stay out. The tiny set asks 5, 8 and 10 years."""
    df = experience.years_bands(Filters(), rollup=rollup).df
    assert list(df["band"]) == ["4-5", "6-7", "8-10"]
    gap = df.iloc[1]
    assert gap["postings"] == 0 and gap["share"] == 0 and gap["band_floor"] != gap["band_floor"]  # NaN
    assert list(experience.years_bands(Filters(seniority=("staff",)), rollup=rollup).df["band"]) == ["8-10"]


def test_by_seniority() -> None:
    res = experience.by_seniority(Filters())
    assert dict(zip(res.df["seniority"], res.df["median"])) == {"senior": 5, "staff": 8, "lead": 10}


def test_vs_salary() -> None:
    res = experience.vs_salary(Filters())
    by = res.df.set_index("years")
    assert by.loc[5, "n"] == 18 and by.loc[5, "median_salary_usd"] == 109_500  # ids 1-18
    assert by.loc[10, "n"] == 5 and not by["enough"].any()


def test_degree() -> None:
    res = experience.degree(Filters())
    assert dict(zip(res.df["degree"], res.df["postings"])) == {"bachelor": 20, "master": 10, "not stated": 10}
    assert res.n == 40
