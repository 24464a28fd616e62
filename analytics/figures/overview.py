"""The Overview page's charts: the headline figures (a table) and postings per month."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, theme
from analytics.figures import salary as salary_figures
from analytics.queries import overview


def per_month(df: pd.DataFrame) -> go.Figure:
    fig = go.Figure(go.Bar(x=df["month"], y=df["postings"], customdata=df[["month"]].to_numpy(),
                           marker_color=theme.ONE_COLOR,
                           hovertemplate="%{x|%b %Y}: %{y:,} postings<extra></extra>"))
    theme.integer_axis(fig, "y")
    theme.month_axis(fig, df["month"])
    return theme.style(fig, x="Month", y="Postings")


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("ov_kpis", "Headline figures", lambda c: Call(overview.kpis, (c.f,)), None,
             caveats=salary_figures.country_mix),
    ChartDef("ov_per_month", "Postings per month", lambda c: Call(overview.postings_per_month, (c.f,)),
             per_month, drill=("month",)),
)
