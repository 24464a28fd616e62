"""The Experience page's charts: years required, in bands, by seniority, against salary; degree."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, theme
from analytics.filters import ALL_LEVELS
from analytics.queries import experience


def years(df: pd.DataFrame) -> go.Figure:
    d = df.assign(label=df["years"].map(lambda y: f"{y}+" if y >= experience.YEARS_CAP else str(y)))
    fig = px.bar(d, x="years", y="postings", custom_data=["years"], hover_data={"label": True})
    fig.update_yaxes(tickformat=",")
    fig.update_xaxes(dtick=1)
    return theme.style(fig, x=f"Years of experience required ({experience.YEARS_CAP} = "
                              f"{experience.YEARS_CAP} or more)", y="Postings")


def year_bands(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df, x="band", y="postings", custom_data=["band"], hover_data={"share": ":.0%"})
    return theme.style(fig.update_yaxes(tickformat=","), x="Years of experience required", y="Postings")


def by_level(df: pd.DataFrame) -> go.Figure:
    d = df.assign(up=df["p75"] - df["median"], down=df["median"] - df["p25"])
    fig = px.bar(d, x="seniority", y="median", error_y="up", error_y_minus="down", custom_data=["seniority"],
                 category_orders={"seniority": [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]},
                 hover_data={"n": ":,", "mean": ":.1f"})
    return theme.style(fig, x="Seniority", y="Median years required; bars: 25th-75th percentile")


def pay(df: pd.DataFrame) -> go.Figure:
    fig = px.line(df, x="years", y="median_salary_usd", markers=True, custom_data=["years"],
                  hover_data={"n": ":,"})
    fig.update_yaxes(tickformat=",")
    fig.update_xaxes(dtick=1)
    return theme.style(fig, x="Years of experience required", y="Median salary (USD per year)")


def degree(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df, x="degree", y="postings", custom_data=["degree"], hover_data={"share": ":.0%"})
    return theme.style(fig.update_yaxes(tickformat=","), x="Minimum degree", y="Postings")


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("ex_years", "Years required", lambda c: Call(experience.years_distribution, (c.f,)), years,
             drill=("years",)),
    ChartDef("ex_bands", "Years required, in bands", lambda c: Call(experience.years_bands, (c.f,)), year_bands,
             drill=("years_band",)),
    ChartDef("ex_level", "Years required by seniority", lambda c: Call(experience.by_seniority, (c.f,)),
             by_level, drill=("seniority",)),
    ChartDef("ex_pay", "Years required against median salary", lambda c: Call(experience.vs_salary, (c.f,)),
             pay, drill=("years",), enough="enough", label="years"),
    ChartDef("ex_degree", "Degree asked", lambda c: Call(experience.degree, (c.f,)), degree, drill=("degree",)),
)
