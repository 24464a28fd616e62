"""Salary: postings by band, distributions by seniority, region and skill, the median over time.

Figures that fewer than 30 postings stand behind are not drawn: the page says
"not enough data" instead (analytics.queries.MIN_N).
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from analytics.filters import ALL_LEVELS
from analytics.queries import salary
from ui import theme
from ui.chart import render

f = ui.page()
st.title("Salary")
st.caption("Annual salaries in US dollars (midpoint of the advertised range, converted at the yearly "
           "average rate); implausible figures are left out.")


def _bands(df: pd.DataFrame):
    fig = px.bar(df, x="band", y="postings", custom_data=["band"])
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x="Salary band (USD per year)", y="Postings")


render("Postings by salary band", ui.fetch(salary.by_band, f), _bands, key="sa_bands", drill=("salary_band",))


def _quartiles(df: pd.DataFrame, label: str, colors: dict[str, str] | None = None, order=None):
    d = df.assign(up=df["p75"] - df["median"], down=df["median"] - df["p25"])
    fig = px.bar(d, x="group", y="median", error_y="up", error_y_minus="down", custom_data=["group"],
                 color="group" if colors else None, color_discrete_map=colors or {},
                 category_orders={"group": order} if order else {},
                 hover_data={"n": ":,", "p25": ":,.0f", "p75": ":,.0f", "p10": ":,.0f", "p90": ":,.0f"})
    fig.update_layout(showlegend=False)
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x=label, y="Median salary (USD per year); bars: 25th-75th percentile")


by = st.radio("Distribution by", list(salary.GROUPS), horizontal=True, key="sa_by",
              format_func=str.capitalize)
render(f"Salary by {by}", ui.fetch(salary.distribution, f, by),
       lambda df: _quartiles(df, by.capitalize(), order=[lv for lv in ALL_LEVELS if lv in set(df["group"])]
                             if by == "seniority" else None),
       key="sa_dist", drill=(by,), enough="enough")

render("Salary by skill (most asked-for skills)", ui.fetch(salary.by_skill, f),
       lambda df: _quartiles(df, "Skill", colors=theme.skill_colors(df["group"])),
       key="sa_skill", drill=("skill",), enough="enough")


def _time(df: pd.DataFrame):
    fig = px.line(df, x="month", y="median", markers=True, custom_data=["month"],
                  hover_data={"n": ":,", "p25": ":,.0f", "p75": ":,.0f"})
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x="Month", y="Median salary (USD per year)")


render("Median salary over time", ui.fetch(salary.over_time, f), _time, key="sa_time", drill=("month",),
       enough="enough", label="month")
