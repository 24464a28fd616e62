"""The Regions page's charts: maps by country and US state, top cities and metros, remote share,
and the first two areas side by side (the page's default choice).

Maps need Plotly's topojson: images use the vendored static/topojson (offline); a map's
standalone interactive HTML export still fetches it from cdn.plot.ly when opened.
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics.figures import ChartDef, Context, theme
from analytics.queries import regions

MEASURE = "postings"  # the page's default "colour the maps by"
LEVEL = "country"  # the page's default "remote share by"


def world(df: pd.DataFrame, measure: str = MEASURE) -> go.Figure:
    fig = px.choropleth(df, locations="iso3", color=measure, hover_name="country_name",
                        custom_data=["country"], color_continuous_scale=theme.SEQUENTIAL,
                        hover_data={"postings": ":,", "median_salary_usd": ":,.0f", "share_remote": ":.0%",
                                    "iso3": False},
                        labels={measure: theme.LABELS[measure]})
    fig.update_geos(showframe=False, bgcolor="rgba(0,0,0,0)")
    return theme.style(fig, height=420)


def states(df: pd.DataFrame, measure: str = MEASURE) -> go.Figure:
    fig = px.choropleth(df, locations="state", locationmode="USA-states", scope="usa", color=measure,
                        custom_data=["state"], color_continuous_scale=theme.SEQUENTIAL,
                        hover_data={"postings": ":,", "median_salary_usd": ":,.0f", "share_remote": ":.0%"},
                        labels={measure: theme.LABELS[measure]})
    fig.update_geos(bgcolor="rgba(0,0,0,0)")
    return theme.style(fig, height=420)


def places(df: pd.DataFrame) -> go.Figure:
    d = df.iloc[::-1]
    fig = px.bar(d, x="postings", y="place", orientation="h", custom_data=["place"],
                 hover_data={"country": True, "median_salary_usd": ":,.0f", "share_remote": ":.0%"})
    fig.update_xaxes(tickformat=",")
    return theme.style(fig, x="Postings", y=None, height=max(320, 24 * len(d)))


def remote(df: pd.DataFrame, level: str = LEVEL) -> go.Figure:
    fig = px.bar(df, x="area", y="share", color="remote", custom_data=["area", "remote"],
                 category_orders={"remote": ["remote", "hybrid", "onsite", "not stated"]},
                 hover_data={"postings": ":,"})
    fig.update_yaxes(tickformat=".0%")
    return theme.style(fig, x=level.capitalize(), y="Share of postings")


def compare_skills(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df, x="skill", y="share", color="area", barmode="group", custom_data=["area", "skill"],
                 hover_data={"postings": ":,"})
    fig.update_yaxes(tickformat=".0%")
    return theme.style(fig, x="Skill", y="Share of postings in the region")


def default_areas(ctx: Context) -> tuple[str, ...]:
    """The page's default comparison: the first two areas offered (countries, then regions)."""
    opts = ctx.options()
    return tuple(dict.fromkeys([*opts.country, *opts.region][:2]))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("rg_world", "Postings by country", lambda c: regions.by_country(c.f, db=c.db), world,
             drill=("country",)),
    ChartDef("rg_states", "Postings by US state", lambda c: regions.by_us_state(c.f, db=c.db), states,
             drill=("state",)),
    ChartDef("rg_cities", "Top cities", lambda c: regions.top_places(c.f, "city", db=c.db), places,
             drill=("city",)),
    ChartDef("rg_metros", "Top US metros", lambda c: regions.top_places(c.f, "metro", db=c.db), places,
             drill=("metro",)),
    ChartDef("rg_remote", "Work arrangement by area", lambda c: regions.remote_by_area(c.f, LEVEL, db=c.db),
             remote, drill=("area", "remote")),
    ChartDef("rg_cmp", "Headline figures", lambda c: regions.compare(c.f, default_areas(c), db=c.db), None),
    ChartDef("rg_cmp_skills", "Top skills in the two regions",
             lambda c: regions.compare_skills(c.f, default_areas(c), db=c.db), compare_skills,
             drill=("area", "skill")),
)
