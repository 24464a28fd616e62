"""The Overview page's charts: the headline figures (a table) and postings per month."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, Context, theme
from analytics.figures import salary as salary_figures
from analytics.queries import overview, skills

LABELLED_MONTHS = 12  # up to a year of bars carries each count; more would crowd their labels
LABEL_ROOM = 0.15  # of the tallest bar, above it: its count's label inside the plot
TINY_BAR = 0.01  # of the tallest bar: a bar under it carries its count however many months are drawn


def per_month(df: pd.DataFrame) -> go.Figure:
    """Postings per month; up to LABELLED_MONTHS bars carry their counts above them (QA round twenty-two:
    one month's bar stood unlabelled near the plot's top, its count read from the axis), more months their
    tallest, their last month holding postings and any bar under TINY_BAR of the tallest."""
    fig = go.Figure(go.Bar(x=df["month"], y=df["postings"], customdata=df[["month"]].to_numpy(),
                           marker_color=theme.ONE_COLOR,
                           hovertemplate="%{x|%b %Y}: %{y:,} postings<extra></extra>"))
    theme.integer_axis(fig, "y")
    if len(df):
        counts = [int(v) for v in df["postings"]]
        # more months would crowd their labels: the tallest bar and the last month holding postings carry
        # theirs (QA round twenty-two's seen and left: 102 months read from the axis alone, a still export
        # having no hover)
        shown = set(range(len(counts))) if len(counts) <= LABELLED_MONTHS else {
            counts.index(max(counts)), max(i for i, c in enumerate(counts) if c or i == 0)}
        # a bar under TINY_BAR of the tallest carries its count, else it is not seen (hqa33 ruling 4: under
        # German postings a 2017 month's one posting beside months of up to 238)
        shown |= {i for i, c in enumerate(counts) if 0 < c < TINY_BAR * max(counts)}
        fig.update_traces(text=[theme.fmt_int(c) if i in shown and (c or len(counts) <= LABELLED_MONTHS)
                                else "" for i, c in enumerate(counts)],
                          textposition="outside", textangle=0, cliponaxis=False)
        fig.update_yaxes(range=[0, max(float(max(counts)), 1.0) * (1 + LABEL_ROOM)], autorange=False)
    theme.month_axis(fig, df["month"])
    return theme.style(fig, x="Month", y="Postings")


def kpi_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The salaries' country mix (salary.country_mix) and, where the change compares periods whose postings
    come from different sources, a line saying so: on the real samples "+133 (dated: 37 -> 170)" from 2025
    on was boards the earlier period has none of, growth of the sample, not of the market (QA round eight);
    the skill movers said so already (skills.source_shift, one rule)."""
    caveats = salary_figures.country_mix(ctx, caveats)
    df = ctx.query(overview.kpis, ctx.f).df
    rows = {str(r["period"]): r for _, r in df.iterrows()}
    now, before = rows.get("current_dated"), rows.get("previous")
    if now is None or before is None or not int(now["postings"]) or not int(before["postings"]):
        return caveats  # no change is shown
    a = (pd.Timestamp(before["period_start"]).date(), pd.Timestamp(before["period_end"]).date())
    b = (pd.Timestamp(now["period_start"]).date(), pd.Timestamp(now["period_end"]).date())
    shift = skills.source_shift(ctx.query(skills.source_mix_by_period, ctx.f, a, b).df)
    if shift is None:
        return caveats
    return (*caveats, f"the change compares different sources ({shift}): it may be a change of source, not "
                      "of demand; pick one source in the sidebar to compare like with like")


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("ov_kpis", "Headline figures", lambda c: Call(overview.kpis, (c.f,)), None,
             caveats=kpi_caveats, fields=("salary", "remote", "experience_years")),
    ChartDef("ov_per_month", "Postings per month", lambda c: Call(overview.postings_per_month, (c.f,)),
             per_month, drill=("month",)),
)
