"""Regions: maps by country and US state, top cities and metros, remote share, two regions side by side."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from analytics.queries import regions
from analytics.queries.data import options
from ui import theme
from ui.chart import render

f = ui.page()
st.title("Regions")

measure = st.radio("Colour the maps by", ["postings", "median_salary_usd", "share_remote"], horizontal=True,
                   key="rg_measure", format_func=lambda m: theme.LABELS[m])


def _world(df: pd.DataFrame):
    fig = px.choropleth(df, locations="iso3", color=measure, hover_name="country_name",
                        custom_data=["country"], color_continuous_scale=theme.SEQUENTIAL,
                        hover_data={"postings": ":,", "median_salary_usd": ":,.0f", "share_remote": ":.0%",
                                    "iso3": False},
                        labels={measure: theme.LABELS[measure]})
    fig.update_geos(showframe=False, bgcolor="rgba(0,0,0,0)")
    return theme.style(fig, height=420)


render("Postings by country", ui.fetch(regions.by_country, f), _world, key="rg_world", drill=("country",))


def _states(df: pd.DataFrame):
    fig = px.choropleth(df, locations="state", locationmode="USA-states", scope="usa", color=measure,
                        custom_data=["state"], color_continuous_scale=theme.SEQUENTIAL,
                        hover_data={"postings": ":,", "median_salary_usd": ":,.0f", "share_remote": ":.0%"},
                        labels={measure: theme.LABELS[measure]})
    fig.update_geos(bgcolor="rgba(0,0,0,0)")
    return theme.style(fig, height=420)


render("Postings by US state", ui.fetch(regions.by_us_state, f), _states, key="rg_states", drill=("state",))


def _places(df: pd.DataFrame):
    d = df.iloc[::-1]
    fig = px.bar(d, x="postings", y="place", orientation="h", custom_data=["place"],
                 hover_data={"country": True, "median_salary_usd": ":,.0f", "share_remote": ":.0%"})
    fig.update_xaxes(tickformat=",")
    return theme.style(fig, x="Postings", y=None, height=max(320, 24 * len(d)))


c1, c2 = st.columns(2)
with c1:
    render("Top cities", ui.fetch(regions.top_places, f, "city"), _places, key="rg_cities", drill=("city",))
with c2:
    render("Top US metros", ui.fetch(regions.top_places, f, "metro"), _places, key="rg_metros",
           drill=("metro",))

level = st.radio("Remote share by", ["country", "region"], horizontal=True, key="rg_remote_level")


def _remote(df: pd.DataFrame):
    fig = px.bar(df, x="area", y="share", color="remote", custom_data=["area", "remote"],
                 category_orders={"remote": ["remote", "hybrid", "onsite", "not stated"]},
                 hover_data={"postings": ":,"})
    fig.update_yaxes(tickformat=".0%")
    return theme.style(fig, x=level.capitalize(), y="Share of postings")


render("Work arrangement by area", ui.fetch(regions.remote_by_area, f, level), _remote, key="rg_remote",
       drill=("area", "remote"))

st.subheader("Two regions side by side")
opts = ui.q(options)
areas = list(opts.country) + list(opts.region)
if len(areas) >= 2:
    c1, c2 = st.columns(2)
    area_a = c1.selectbox("Region A", areas, index=0, key="rg_cmp_a")
    area_b = c2.selectbox("Region B", areas, index=1, key="rg_cmp_b")
    picked = tuple(dict.fromkeys((area_a, area_b)))

    def _compare(df: pd.DataFrame) -> None:
        cols = st.columns(len(df))
        for col, (_, row) in zip(cols, df.iterrows()):
            col.markdown(f"**{row['area']}**")
            col.metric("Postings", theme.fmt_int(row["postings"]))
            col.metric("Median salary (USD per year)", theme.fmt_usd(row["median_salary_usd"]),
                       help=f"From {int(row['salary_n']):,} postings with a salary.")
            col.metric("Share remote", theme.fmt_pct(row["share_remote"]))
            col.metric("Median years required", theme.fmt_years(row["median_years"]))

    render("Headline figures", ui.fetch(regions.compare, f, picked), None, key="rg_cmp", draw=_compare)

    def _cmp_skills(df: pd.DataFrame):
        fig = px.bar(df, x="skill", y="share", color="area", barmode="group", custom_data=["area", "skill"],
                     hover_data={"postings": ":,"})
        fig.update_yaxes(tickformat=".0%")
        return theme.style(fig, x="Skill", y="Share of postings in the region")

    render("Top skills in the two regions", ui.fetch(regions.compare_skills, f, picked), _cmp_skills,
           key="rg_cmp_skills", drill=("area", "skill"))
else:
    st.info("Only one region in the data: nothing to compare.")
