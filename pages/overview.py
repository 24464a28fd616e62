"""Overview: the size of the filtered market, its change, and postings per month."""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from ui import theme
from ui.chart import chart, page_header

f = ui.page()
ctx = page_header("overview", f)


def _metrics(df: pd.DataFrame) -> None:
    cur = df[df["period"] == "current"].iloc[0]
    prev = df[df["period"] == "previous"].iloc[0]
    has_prev = int(prev["postings"]) > 0

    def delta(col: str, fmt) -> str | None:
        if not has_prev or pd.isna(cur[col]) or pd.isna(prev[col]):
            return None
        return fmt(cur[col] - prev[col])

    cols = st.columns(5)
    cols[0].metric("Postings", theme.fmt_int(cur["postings"]),
                   delta=delta("postings", lambda d: f"{d:+,.0f}"))
    cols[1].metric("Unique companies", theme.fmt_int(cur["companies"]),
                   delta=delta("companies", lambda d: f"{d:+,.0f}"))
    cols[2].metric("Median salary (USD per year)", theme.fmt_usd(cur["median_salary_usd"]),
                   delta=delta("median_salary_usd", lambda d: f"{d:+,.0f} USD"),
                   help=f"From {int(cur['salary_n']):,} postings with a plausible salary.")
    cols[3].metric("Share remote", theme.fmt_pct(cur["share_remote"]),
                   delta=delta("share_remote", lambda d: f"{d * 100:+.1f} pts"),
                   help=f"Of {int(cur['remote_n']):,} postings that state a work arrangement.")
    cols[4].metric("Median years required", theme.fmt_years(cur["median_years"]),
                   delta=delta("median_years", lambda d: f"{d:+.1f} years"), delta_color="off",
                   help=f"From {int(cur['years_n']):,} postings that state years of experience.")
    if has_prev:
        st.caption(f"Change against {prev['period_start']:%Y-%m-%d} to {prev['period_end']:%Y-%m-%d}, "
                   f"the period of the same length just before {cur['period_start']:%Y-%m-%d} "
                   f"to {cur['period_end']:%Y-%m-%d}.")
    else:
        st.caption("No postings in the period of the same length before this one, so no change is shown.")


chart("ov_kpis", ctx, draw=_metrics)
chart("ov_per_month", ctx)
