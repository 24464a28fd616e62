"""Overview: the size of the filtered market, its change, and postings per month."""

from __future__ import annotations

from typing import Literal

import pandas as pd
import streamlit as st

import ui
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
    notes = []
    if int(cur["undated"]):
        notes.append(f"Includes {theme.counted(int(cur['undated']))} without a date.")
    # each marked figure with its n: "fewer than 30" alone left "how few" to a hover tooltip (QA round eight)
    # a share set by the filter is no figure drawn: no mark, no one-posting or none-posting note for it
    marked = tuple(m for m in (("salary", "salary_n", "one"), ("remote", "remote_n", "a work arrangement"),
                               ("years", "years_n", "years")) if not (fixed_remote and m[0] == "remote"))
    lows = [f"{label} from {theme.counted(int(cur[col]))} stating {what}" for label, col, what in marked
            if 1 < int(cur[col]) < MIN_N]
    # a median or share of one posting is its own figure: "–" in the row, the figure here (QA round 23)
    figures = tuple(fig for fig in (("salary", "salary_n", "median_salary_usd", theme.fmt_usd),
                                    ("remote", "remote_n", "share_remote", theme.fmt_pct),
                                    ("years required", "years_n", "median_years", theme.fmt_years))
                    if not (fixed_remote and fig[0] == "remote"))
    ones = [f"{label} {fmt(cur[value])}" for label, col, value, fmt in figures if int(cur[col]) == 1]
    if ones:
        notes.append(f"{theme.ONE_POSTING_NOTE} ({'; '.join(ones)}).")
    # a "–" no posting stands behind said why only in its tooltip (QA round twenty-five: Glassdoor's Remote)
    stated = (("Median salary", "salary_n", "a salary", "salary"),
              ("Remote", "remote_n", "a work arrangement", "work arrangement"),
              ("Years required", "years_n", "years of experience", "years of experience"))
    zeros = [z for z in stated if int(cur[z[1]]) == 0 and not (fixed_remote and z[0] == "Remote")]
    if zeros and int(cur["postings"]):
        def listed(words: list[str], conj: str) -> str:
            return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conj} {words[-1]}"

        labels = listed([z[0] for z in zeros], "and")
        one = int(cur["postings"]) == 1
        whats = listed([z[3] if one else z[2] for z in zeros], "or")
        who = "The one posting states no" if one else "None of these postings states"
        notes.append(f"{who} {whats}, so {labels} {'shows' if len(zeros) == 1 else 'show'} –.")
    if lows:
        notes.append(f"{theme.SMALL_MARK.strip()} marks a figure from fewer than {MIN_N} postings "
                     f"({', '.join(lows)}): read with care.")
    if few:
        notes.append(f"{theme.SMALL_MARK.strip()} beside a change: fewer than {MIN_N} dated postings in a "
                     f"period ({theme.fmt_int(prev['postings'])} before, {theme.fmt_int(dated['postings'])} "
                     "now), so the change may be chance: read with care.")
    if has_prev:
        notes.append(f"Change: dated postings of {dated['period_start']:%Y-%m-%d} to "
                     f"{dated['period_end']:%Y-%m-%d} against the same length just before "
                     f"({prev['period_start']:%Y-%m-%d} to {prev['period_end']:%Y-%m-%d}).")
    elif not has_now and f.date_from is f.date_to is None and int(cur["undated"]) == int(cur["postings"]):
        # all dates, no dated posting (a source publishing none): "in this period" named a period no one
        # chose (QA round twenty)
        notes.append("None of these postings carries a date, so no change is shown.")
    elif not has_now:
        notes.append("No dated postings in this period, so no change is shown.")
    elif f.date_from is f.date_to is None and dated["period_start"] == dated["period_end"]:
        # every dated posting on one day: no range holds postings on both sides of it, so "choose a date
        # range" sent the reader nowhere (QA round thirty: French postings, 149 on one day)
        n = int(dated["postings"])
        who = f"All {n:,} dated postings fall" if n > 1 else "The one dated posting falls"
        notes.append(f"{who} on one day, {dated['period_start']:%Y-%m-%d}, so no change over time can be "
                     "shown.")
    elif f.date_from is None:  # from the first posting: nothing lies before it (QA round ten)
        notes.append("From the first posting on, so there is no earlier period to compare: choose a date "
                     "range in the sidebar to see the change against the same length just before it.")
    else:
        notes.append(
            "No dated postings in the period of the same length before this one, so no change is shown."
        )
    st.caption(" ".join(notes))


chart("ov_kpis", ctx, draw=_metrics)
chart("ov_per_month", ctx)
