"""The Regions page's charts: maps by country and US state, top cities and metros, remote share,
and the first two areas side by side (the page's default choice).

Maps need Plotly's topojson: images use the vendored static/topojson (offline); a map's
standalone interactive HTML export still fetches it from cdn.plot.ly when opened.
"""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, Context, names, theme
from analytics.queries import regions

MEASURES = ("postings", "median_salary_usd", "share_remote")  # "Colour the maps by" (widget rg_measure)
MEASURE = MEASURES[0]
LEVELS = ("country", "region")  # "Remote share by" (widget rg_remote_level)
LEVEL = LEVELS[0]


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


def area_sizes(ctx: Context) -> pd.DataFrame:
    """Countries and regions under the filters with their postings, largest first (cached per context)."""
    if "areas_by_size" not in ctx.cache:
        ctx.cache["areas_by_size"] = ctx.query(regions.areas_by_size, ctx.f).df
    return ctx.cache["areas_by_size"]  # type: ignore[no-any-return]


def area_choices(ctx: Context) -> list[str]:
    """The areas one can compare under the filters: countries, then regions (ISO 3166-2), largest first."""
    df = area_sizes(ctx)
    return [*df.loc[df["level"] == "country", "area"], *df.loc[df["level"] == "region", "area"]]


def default_areas(ctx: Context) -> tuple[str, ...]:
    """The page's default comparison: the two largest countries under the filters, else (one country)
    its two largest regions, else whatever two areas there are."""
    df = area_sizes(ctx)
    for level in ("country", "region"):
        top = list(df.loc[df["level"] == level, "area"].head(2))
        if len(top) == 2:
            return tuple(top)
    return tuple(dict.fromkeys(area_choices(ctx)[:2]))


def areas(ctx: Context) -> tuple[str, ...]:
    """The two areas compared: the page's choice (widgets rg_cmp_a, rg_cmp_b), else the default."""
    return tuple(ctx.param("areas", lambda: default_areas(ctx)))


def level(ctx: Context) -> str:
    return str(ctx.param("level", LEVEL))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("rg_world", "Postings by country", lambda c: Call(regions.by_country, (c.f,)), world,
             drill=("country",), uses=("measure",)),
    ChartDef("rg_states", "Postings by US state", lambda c: Call(regions.by_us_state, (c.f,)), states,
             drill=("state",), uses=("measure",)),
    ChartDef("rg_cities", "Top cities", lambda c: Call(regions.top_places, (c.f, "city")), places,
             drill=("city",)),
    ChartDef("rg_metros", "Top US metros", lambda c: Call(regions.top_places, (c.f, "metro")), places,
             drill=("metro",)),
    ChartDef("rg_remote", "Work arrangement by area", lambda c: Call(regions.remote_by_area, (c.f, level(c))),
             remote, drill=("area", "remote"), uses=("level",)),
    ChartDef("rg_cmp", "Headline figures", lambda c: Call(regions.compare, (c.f, areas(c))), None),
    ChartDef("rg_cmp_skills", "Top skills in the two regions",
             lambda c: Call(regions.compare_skills, (c.f, areas(c))), compare_skills, drill=("area", "skill")),
)


def area_label(code: str) -> str:
    """The comparison's choices as "India (IN)"."""
    return names.area_label(code)
