"""Experience: years required (distribution and bands), by seniority, against salary; degree asked."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from analytics.filters import ALL_LEVELS
from analytics.queries import experience
from ui import theme
from ui.chart import render

f = ui.page()
st.title("Experience")
st.caption("Years of experience required: the lower end of the stated range (5+ counts as 5).")


def _years(df: pd.DataFrame):
    d = df.assign(label=df["years"].map(lambda y: f"{y}+" if y >= experience.YEARS_CAP else str(y)))
    fig = px.bar(d, x="years", y="postings", custom_data=["years"], hover_data={"label": True})
    fig.update_yaxes(tickformat=",")
    fig.update_xaxes(dtick=1)
    return theme.style(fig, x="Years of experience required (15 = 15 or more)", y="Postings")


c1, c2 = st.columns(2)
with c1:
    render("Years required", ui.fetch(experience.years_distribution, f), _years, key="ex_years",
           drill=("years",))
with c2:
    render("Years required, in bands", ui.fetch(experience.years_bands, f),
           lambda df: theme.style(px.bar(df, x="band", y="postings", custom_data=["band"],
                                         hover_data={"share": ":.0%"}).update_yaxes(tickformat=","),
                                  x="Years of experience required", y="Postings"),
           key="ex_bands", drill=("years_band",))


def _by_level(df: pd.DataFrame):
    d = df.assign(up=df["p75"] - df["median"], down=df["median"] - df["p25"])
    fig = px.bar(d, x="seniority", y="median", error_y="up", error_y_minus="down", custom_data=["seniority"],
                 category_orders={"seniority": [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]},
                 hover_data={"n": ":,", "mean": ":.1f"})
    return theme.style(fig, x="Seniority", y="Median years required; bars: 25th-75th percentile")


render("Years required by seniority", ui.fetch(experience.by_seniority, f), _by_level, key="ex_level",
       drill=("seniority",))


def _pay(df: pd.DataFrame):
    fig = px.line(df, x="years", y="median_salary_usd", markers=True, custom_data=["years"],
                  hover_data={"n": ":,"})
    fig.update_yaxes(tickformat=",")
    fig.update_xaxes(dtick=1)
    return theme.style(fig, x="Years of experience required", y="Median salary (USD per year)")


render("Years required against median salary", ui.fetch(experience.vs_salary, f), _pay, key="ex_pay",
       drill=("years",), enough="enough", label="years")

render("Degree asked", ui.fetch(experience.degree, f),
       lambda df: theme.style(px.bar(df, x="degree", y="postings", custom_data=["degree"],
                                     hover_data={"share": ":.0%"}).update_yaxes(tickformat=","),
                              x="Minimum degree", y="Postings"),
       key="ex_degree", drill=("degree",))
