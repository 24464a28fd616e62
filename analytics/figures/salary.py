"""The Salary page's charts: bands, distributions by seniority and by skill, the median over time.

Figures that fewer than MIN_N postings stand behind are not drawn ("enough" columns).
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, Context, theme
from analytics.filters import ALL_LEVELS
from analytics.queries import salary

DEFAULT_BY = next(iter(salary.GROUPS))  # the page's radio ("sa_by") starts at the first group


def by(ctx: Context) -> str:
    """The distribution's grouping: the page's "Distribution by" choice, else the first group."""
    return str(ctx.param("by", DEFAULT_BY))


def bands(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df, x="band", y="postings", custom_data=["band"])
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x="Salary band (USD per year)", y="Postings")


def quartiles(df: pd.DataFrame, label: str, colors: dict[str, str] | None = None,
              order: list[str] | None = None) -> go.Figure:
    d = df.assign(up=df["p75"] - df["median"], down=df["median"] - df["p25"])
    fig = px.bar(d, x="group", y="median", error_y="up", error_y_minus="down", custom_data=["group"],
                 color="group" if colors else None, color_discrete_map=colors or {},
                 category_orders={"group": order} if order else {},
                 hover_data={"n": ":,", "p25": ":,.0f", "p75": ":,.0f", "p10": ":,.0f", "p90": ":,.0f"})
    fig.update_layout(showlegend=False)
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x=label, y="Median salary (USD per year); bars: 25th-75th percentile")


def distribution(df: pd.DataFrame, by: str = DEFAULT_BY) -> go.Figure:
    order = [lv for lv in ALL_LEVELS if lv in set(df["group"])] if by == "seniority" else None
    return quartiles(df, by.capitalize(), order=order)


def by_skill(df: pd.DataFrame) -> go.Figure:
    return quartiles(df, "Skill", colors=theme.skill_colors(df["group"]))


def over_time(df: pd.DataFrame) -> go.Figure:
    fig = px.line(df, x="month", y="median", markers=True, custom_data=["month"],
                  hover_data={"n": ":,", "p25": ":,.0f", "p75": ":,.0f"})
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x="Month", y="Median salary (USD per year)")


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("sa_bands", "Postings by salary band", lambda c: Call(salary.by_band, (c.f,)), bands,
             drill=("salary_band",)),
    ChartDef("sa_dist", lambda c: f"Salary by {by(c)}", lambda c: Call(salary.distribution, (c.f, by(c))),
             distribution, drill=lambda c: (by(c),), enough="enough", uses=("by",)),
    ChartDef("sa_skill", "Salary by skill (most asked-for skills)", lambda c: Call(salary.by_skill, (c.f,)),
             by_skill, drill=("skill",), enough="enough"),
    ChartDef("sa_time", "Median salary over time", lambda c: Call(salary.over_time, (c.f,)), over_time,
             drill=("month",), enough="enough", label="month"),
)
