"""Overview: the size of the filtered market, its change, and postings per month."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

import ui
from analytics.figures.overview import headline_notes
from analytics.filters import SET_BY_FILTER, remote_share_set
from analytics.queries import MIN_N
from ui import theme
from ui.chart import chart, page_header

f = ui.page("overview")
ctx = page_header("overview", f)


def _metrics(df: pd.DataFrame) -> None:
    cur = df[df["period"] == "current"].iloc[0]
    dated = df[df["period"] == "current_dated"].iloc[0]
    prev = df[df["period"] == "previous"].iloc[0]
    # a change needs dated postings on both sides: a range no source covers (real samples, 2019-2022) read
    # "-823 (dated: 823 -> 0)" in red, a gap in the data shown as a collapse (QA round eight)
    has_now = int(dated["postings"]) > 0
    has_prev = has_now and int(prev["postings"]) > 0

    def delta(col: str, fmt, n_col: str | None = None, value=theme.fmt_int) -> str | None:
        # changes compare dated postings only; none from a small sample on either side
        if not has_prev or pd.isna(dated[col]) or pd.isna(prev[col]):
            return None
        if n_col is not None and min(int(dated[n_col]), int(prev[n_col])) < MIN_N:
            return None
        return theme.change_text(dated[col], prev[col], value, fmt, undated=int(cur["undated"]))

    # a count's change stays under MIN_N dated postings (the count is exact) but is marked and grey, never in
    # the colours of a solid one: "-14 (dated: 15 -> 1)" in red under a one-month range (QA round twenty)
    few = has_prev and min(int(dated["postings"]), int(prev["postings"])) < MIN_N

    def counted_delta(col: str) -> str | None:
        text = delta(col, lambda d: f"{d:+,.0f}")
        return text + theme.SMALL_MARK if text is not None and few else text

    def small(n_col: str, what: str) -> str:  # "Only 1 posting states a salary", not "1 postings state"
        n = int(cur[n_col])
        return f" Only {theme.postings_that(n, what)}: fewer than {MIN_N}, read with care." if 0 < n < MIN_N \
            else ""

    def stating(n_col: str, what: str) -> str:  # "1 posting that states ...", "5 postings that state ..."
        return theme.postings_that(int(cur[n_col]), what, that=True)

    # five content-sized metrics in a row that wraps: in five equal columns a value with its small-sample
    # mark ("4.0 years ⚠", "$211,082 ⚠") was cut to "4.0 year…" in a 1,280-pixel window (QA round eight)
    row = st.container(horizontal=True, horizontal_alignment="distribute")

    def metric(label: str, value: str, delta: str | None = None, **kw) -> None:
        # a change that rounds to nothing ("±0") has no arrow and no colour: Streamlit pointed "+0" up
        # (QA round twenty-one)
        if theme.no_change(delta):
            kw.update(delta_arrow="off", delta_color="off")
        row.metric(label, value, delta=delta, width="content", **kw)

    count_colour: Literal["off", "normal"] = "off" if few else "normal"
    metric("Postings", theme.fmt_int(cur["postings"]), delta=counted_delta("postings"),
           delta_color=count_colour)
    metric("Companies", theme.fmt_int(cur["companies"]), delta=counted_delta("companies"),
           delta_color=count_colour)
    metric(
        "Median salary",
        theme.kpi(theme.fmt_usd(cur["median_salary_usd"]), cur["salary_n"]),
        delta=delta("median_salary_usd", lambda d: f"{d:+,.0f} USD", "salary_n", theme.fmt_usd),
        help=f"USD per year, from {theme.counted(int(cur['salary_n']))} with a plausible salary."
        + small("salary_n", "state a salary"),
    )
    # a share the Work arrangement filter fixes (100% under remote only) is the filter's, not the data's
    # (lead ruling 4 on hqa38; the rule: analytics.filters.remote_share_set)
    if fixed_remote := remote_share_set(f):
        metric("Remote", SET_BY_FILTER, help=f"Share fully remote: {fixed_remote}.")
    else:
        metric("Remote", theme.kpi(theme.fmt_pct(cur["share_remote"]), cur["remote_n"]),
               delta=delta("share_remote", lambda d: f"{d * 100:+.1f} pts", "remote_n", theme.fmt_pct),
               help=f"Share fully remote, of {stating('remote_n', 'state a work arrangement')}."
                    + small("remote_n", "state one"))
    metric("Years required", theme.kpi(theme.fmt_years(cur["median_years"]), cur["years_n"]),
           delta=delta("median_years", lambda d: f"{d:+.1f} years", "years_n", theme.fmt_years),
           delta_color="off",
           help=f"Median, from {stating('years_n', 'state years of experience')}."
                + small("years_n", "state years"))
    # the notes are analytics' (figures.overview.headline_notes), as the deck's and PDF's headline slide says
    # them (lead rulings 1 and 3 on hqa39)
    notes = headline_notes(f, df)
    st.caption(" ".join(notes))


chart("ov_kpis", ctx, draw=_metrics)
chart("ov_per_month", ctx)
