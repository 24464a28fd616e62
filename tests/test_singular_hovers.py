"""A hover says "1 posting", never "1 postings" (QA round eighteen left it: a Plotly template has no plural).

The app draws every chart through ``ui.chart.drawn``, which gives a trace counting one somewhere a template a
point (``theme.singular_hovers``). Invented frames."""

from __future__ import annotations

import pandas as pd

from analytics.figures import data as data_figures
from analytics.figures import experience as experience_figures
from analytics.figures import overview as overview_figures
from analytics.figures import skills as skill_figures
from analytics.figures import theme
from ui.chart import drawn


def _hovers(fig) -> list[str]:  # type: ignore[no-untyped-def]
    trace = drawn(fig).to_dict()["data"][0]
    template = trace["hovertemplate"]
    return list(template) if isinstance(template, list) else [template]


def test_a_month_of_one_posting_says_posting() -> None:
    df = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]), "postings": [1, 12]})
    hovers = _hovers(overview_figures.per_month(df))
    assert hovers == ["%{x|%b %Y}: %{y:,} posting<extra></extra>",
                      "%{x|%b %Y}: %{y:,} postings<extra></extra>"]


def test_a_share_of_one_posting_names_its_total_in_the_singular() -> None:
    df = pd.DataFrame({"skill": ["Go", "Rust"], "postings": [1, 0], "total": [1, 1], "share": [1.0, 0.0]})
    hovers = _hovers(skill_figures.top(df))
    assert all("of %{customdata[2]:,} posting (" in h for h in hovers), hovers
    assert not any("postings" in h for h in hovers)


def test_no_count_of_one_leaves_the_figure_alone() -> None:
    df = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]), "postings": [3, 12]})
    assert _hovers(overview_figures.per_month(df)) == ["%{x|%b %Y}: %{y:,} postings<extra></extra>"]


def test_a_field_one_posting_states_reads_in_the_singular() -> None:
    df = pd.DataFrame({"field": ["seniority", "salary_min_usd"], "postings_with": [1, 4],
                       "share": [0.2, 0.8]})
    hovers = _hovers(data_figures.coverage(df))
    assert hovers[0] == "<b>%{y}</b>: %{customdata[0]:,} posting states it (%{x:.0%})<extra></extra>"
    assert hovers[1] == "<b>%{y}</b>: %{customdata[0]:,} postings state it (%{x:.0%})<extra></extra>"


def test_one_year_and_one_posting() -> None:
    df = pd.DataFrame({"years": [1, 3], "postings": [1, 5]})
    hovers = _hovers(experience_figures.years(df))
    assert hovers == ["%{hovertext} year: %{y:,} posting<extra></extra>",
                      "%{hovertext} years: %{y:,} postings<extra></extra>"]


def test_a_pair_of_skills_together_once_says_posting() -> None:
    df = pd.DataFrame({"skill_a": ["Go", "Go", "Rust", "Rust"], "skill_b": ["Go", "Rust", "Go", "Rust"],
                       "together": [5, 1, 1, 3]})
    trace = drawn(skill_figures.pairs(df)).to_dict()["data"][0]
    assert trace["hovertemplate"] == "%{y} and %{x}: %{hovertext}<extra></extra>"
    assert trace["hovertext"] == [["5 postings", "1 posting"], ["1 posting", "3 postings"]]


def test_singular_hovers_is_pure_on_a_dict() -> None:
    spec = {"data": [{"type": "bar", "x": ["a", "b"], "y": [1, 2], "hovertemplate": "%{x}: %{y} postings"}]}
    assert theme.singular_hovers(spec)["data"][0]["hovertemplate"] == ["%{x}: %{y} posting",
                                                                       "%{x}: %{y} postings"]


def test_a_region_of_one_posting_says_posting_on_the_map() -> None:
    from analytics.figures import regions as region_figures

    row = pd.Series({"postings": 1, "salary_n": 0, "remote_n": 0, "median_salary_usd": None,
                     "share_remote": None})
    assert "<br>1 posting<br>" in region_figures._hover(row, "Somewhere")
    assert "<br>2 postings<br>" in region_figures._hover(row.replace(1, 2), "Somewhere")


def test_a_headline_s_help_counts_in_agreement() -> None:
    assert theme.postings_that(1, "state a salary") == "1 posting states a salary"
    assert theme.postings_that(4, "state one") == "4 postings state one"
    assert theme.postings_that(1, "state years of experience", that=True) == \
        "1 posting that states years of experience"
    assert theme.postings_that(1_200, "state a work arrangement", that=True) == \
        "1,200 postings that state a work arrangement"


def test_the_interactive_html_export_says_posting_too() -> None:
    from datetime import date

    from analytics.export.images import to_html
    from analytics.export.meta import ExportMeta

    df = pd.DataFrame({"month": pd.to_datetime(["2025-01-01", "2025-02-01"]), "postings": [1, 12]})
    meta = ExportMeta(title="Postings per month", filters_text="all dates", n=13, as_of=date(2025, 3, 1))
    page = to_html(overview_figures.per_month(df), meta, plotlyjs=False).decode()
    assert "%{y:,} posting\\u003cextra\\u003e" in page or "%{y:,} posting<extra>" in page
