"""Overview: the size of the filtered market, its change, and postings per month."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from analytics.figures.overview import changes, headline_notes
from analytics.filters import SET_BY_FILTER, remote_share_set
from analytics.queries import MIN_N
from ui import theme
from ui.chart import chart, page_header

f = ui.page("overview")
ctx = page_header("overview", f)


def _metrics(df: pd.DataFrame) -> None:
    cur = df[df["period"] == "current"].iloc[0]
    fixed_remote = remote_share_set(f)
    # each change as analytics draws it (figures.overview.changes: dated postings on both sides, none from a
    # small sample, a count's grey and marked under MIN_N dated postings), as the headline slide says it
    moved = changes(df, fixed_remote=bool(fixed_remote))

    def small(n_col: str, what: str) -> str:  # "Only 1 posting states a salary", not "1 postings state"
        n = int(cur[n_col])
        return f" Only {theme.postings_that(n, what)}: fewer than {MIN_N}, read with care." if 0 < n < MIN_N \
            else ""

    def stating(n_col: str, what: str) -> str:  # "1 posting that states ...", "5 postings that state ..."
        return theme.postings_that(int(cur[n_col]), what, that=True)

    # five content-sized metrics in a row that wraps: in five equal columns a value with its small-sample
    # mark ("4.0 years ⚠", "$211,082 ⚠") was cut to "4.0 year…" in a 1,280-pixel window (QA round eight)
    row = st.container(horizontal=True, horizontal_alignment="distribute")

    def metric(label: str, value: str, **kw) -> None:
        # a change that rounds to nothing ("±0") has no arrow and no colour: Streamlit pointed "+0" up
        # (QA round twenty-one); Change.colour says so
        if (change := moved.get(label)) is not None:
            kw.update(delta=change.text, delta_color=change.colour)
            if change.flat:
                kw.update(delta_arrow="off")
        row.metric(label, value, width="content", **kw)

    metric("Postings", theme.fmt_int(cur["postings"]))
    metric("Companies", theme.fmt_int(cur["companies"]))
    metric(
        "Median salary",
        theme.kpi(theme.fmt_usd(cur["median_salary_usd"]), cur["salary_n"]),
        help=f"USD per year, from {theme.counted(int(cur['salary_n']))} with a plausible salary."
        + small("salary_n", "state a salary"),
    )
    # a share the Work arrangement filter fixes (100% under remote only) is the filter's, not the data's
    # (lead ruling 4 on hqa38; the rule: analytics.filters.remote_share_set)
    if fixed_remote:
        metric("Remote", SET_BY_FILTER, help=f"Share fully remote: {fixed_remote}.")
    else:
        metric("Remote", theme.kpi(theme.fmt_pct(cur["share_remote"]), cur["remote_n"]),
               help=f"Share fully remote, of {stating('remote_n', 'state a work arrangement')}."
                    + small("remote_n", "state one"))
    metric("Years required", theme.kpi(theme.fmt_years(cur["median_years"]), cur["years_n"]),
           help=f"Median, from {stating('years_n', 'state years of experience')}."
                + small("years_n", "state years"))
    # the notes are analytics' (figures.overview.headline_notes), as the deck's and PDF's headline slide says
    # them (lead rulings 1 and 3 on hqa39)
    notes = headline_notes(f, df)
    st.caption(" ".join(notes))


chart("ov_kpis", ctx, draw=_metrics)
chart("ov_per_month", ctx)
