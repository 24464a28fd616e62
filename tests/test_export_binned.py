"""A binned median in a data file says how far it can be off (QA round twenty-six).

Why: a chart's CSV of Salary by seniority read 76264.03375 for a median the page shows as "$76,264" and the
caption says is within $1,000 of the exact figure (the exact $76,202): five decimals claimed a precision
the $1,000 salary bins do not have, and a CSV has no room for the caption (no metadata lines, by design).
The binned salary figures are whole dollars in the data files, and a column added last says by how much
each may be off; the columns already there keep their names and order (a contract: add, never rename).
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters
from analytics.queries.salary import BINNED
from analytics.result import QueryResult


def _rows(data: bytes) -> list[list[str]]:
    return list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))


def _files(result: QueryResult) -> dict:
    from ui.exports import chart_files

    return {ext: make for _label, ext, make in chart_files("Salary", result, None, Filters(), False)}


FRAME = pd.DataFrame({"group": ["senior", "staff"], "n": [40, 12], "p25": [61000.5, 70250.25],
                      "median": [76264.03375, 90111.9], "p75": [99999.5, 120000.0], "enough": [True, False]})


@pytest.mark.usefixtures("tiny_db")
def test_a_binned_median_is_whole_dollars_in_the_csv_with_how_far_it_may_be_off() -> None:
    result = QueryResult(df=FRAME, sql="SELECT 1", params={}, n=52, caveats=BINNED)
    rows = _rows(_files(result)["csv"]())
    assert rows[0][:6] == list(FRAME.columns)  # the columns there, in their order
    assert rows[0][6:] == ["salary_within_usd"]
    assert [r[3] for r in rows[1:]] == ["76264", "90112"]
    assert [r[2] for r in rows[1:]] == ["61000", "70250"]  # (the half to even, as the page rounds)
    assert [r[-1] for r in rows[1:]] == ["1000", "1000"]
    book = pd.read_excel(io.BytesIO(_files(result)["xlsx"]()), sheet_name="Data")
    assert book["median"].tolist() == [76264, 90112] and book["salary_within_usd"].tolist() == [1000, 1000]


def test_exact_figures_keep_their_digits_and_get_no_column() -> None:
    result = QueryResult(df=FRAME, sql="SELECT 1", params={}, n=52)
    rows = _rows(_files(result)["csv"]())
    assert rows[0] == list(FRAME.columns) and rows[1][3] == "76264.03375"


def test_a_premium_is_a_difference_of_two_binned_medians_so_twice_as_far() -> None:
    from analytics.figures import with_binned_precision

    df = pd.DataFrame({"skill": ["Go"], "n": [30], "median_salary_usd": [100500.25],
                       "overall_median": [90000.75], "premium_usd": [10499.5], "premium_share": [0.11666]})
    out = with_binned_precision(df, BINNED)
    assert out.iloc[0].tolist()[:6] == ["Go", 30, 100500, 90001, 10500, 0.11666]
    assert list(out.columns[6:]) == ["salary_within_usd", "premium_within_usd"]
    assert out.iloc[0].tolist()[6:] == [1000, 2000]


def test_the_reports_data_files_say_it_too(tiny_db: Path) -> None:  # noqa: F811
    from analytics.report import collect

    _cover, sections, _charts = collect(["salary"], Filters(), tiny_db)
    binned = [c for s in sections for c in s.charts if any(BINNED[0] in n for n in c.meta.notes)]
    assert binned, [c.meta.notes for s in sections for c in s.charts]
    for chart in binned:
        if not chart.data.empty:
            assert chart.data["salary_within_usd"].eq(1000).all(), chart.meta.title
