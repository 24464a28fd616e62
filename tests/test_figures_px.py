"""Charts with a colour per group, drawn with graph objects, are the figures Plotly Express drew before.

Why: "What senior roles expect beyond code", the Regions page's work arrangement mix and its two areas' top
skills were ``px.bar`` with a colour per group; Plotly Express's own work was most of their build (33-46 ms
each of a new filter view's server CPU, docs/performance.md, branch h12e). They are now made from plain
dicts (``theme.group_bars``); what a reader sees must not change, so each figure's whole JSON (traces,
layout, template, after ``theme.style``) is compared with the Plotly Express figure below - the former code,
kept here as the reference - on the tiny warehouse's answers and on edge frames: one group, no rows,
missing values, more groups than colours.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics import names
from analytics.figures import Context, chart, figure_for, regions, skills, theme
from analytics.filters import ALL_LEVELS, Filters
from analytics.result import QueryResult


def _old_responsibilities(df: pd.DataFrame) -> go.Figure:
    """skills.responsibilities as it was (plotly.express), a level's colour fixed (QA round sixteen)."""
    levels = [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]
    fig = px.bar(df, x="skill", y="share", color="seniority", barmode="group", template=theme.TEMPLATE,
                 category_orders={"seniority": levels}, color_discrete_map=theme.LEVEL_COLORS,
                 custom_data=["seniority", "skill", "postings", "level_total"])
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b> · %{customdata[0]}<br>%{y:.0%}: "
                                    "%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>")
    for i, tr in enumerate(fig.data):
        theme.mark_bars(fig, df.loc[df["seniority"] == tr.name, "level_total"], trace=i, color=None)
    theme.percent_axis(fig, df["share"])  # whole percents, small shares told apart (QA round twenty-two)
    return theme.style(fig, x="Responsibility", y="Share of postings at the level")


def _old_remote(df: pd.DataFrame, level: str = regions.LEVEL) -> go.Figure:
    """regions.remote as it was (plotly.express)."""
    d = df.assign(area_name=[names.area_name(a) for a in df["area"]])
    fig = px.bar(d, x="area_name", y="share", color="remote", custom_data=["area", "remote", "postings",
                                                                           "area_total"],
                 category_orders={"remote": ["remote", "hybrid", "onsite", "not stated"]},
                 template=theme.TEMPLATE)
    fig.update_traces(hovertemplate="<b>%{x}</b> (%{customdata[0]}) · %{customdata[1]}<br>%{y:.0%}: "
                                    "%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>")
    for i, tr in enumerate(fig.data):
        theme.mark_bars(fig, d.loc[d["remote"] == tr.name, "area_total"], trace=i, color=None)
    theme.percent_axis(fig, d["share"])
    return theme.style(fig, x=level.capitalize(), y="Share of postings")


def _old_compare_skills(df: pd.DataFrame) -> go.Figure:
    """regions.compare_skills as it was (plotly.express)."""
    d = df.assign(area_name=[names.area_label(a) for a in df["area"]])
    fig = px.bar(d, x="skill", y="share", color="area_name", barmode="group",
                 custom_data=["area", "skill", "postings", "area_total"], template=theme.TEMPLATE)
    fig.update_traces(hovertemplate="<b>%{customdata[1]}</b> · %{customdata[0]}<br>%{y:.0%}: "
                                    "%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>")
    for i, tr in enumerate(fig.data):
        theme.mark_bars(fig, d.loc[d["area_name"] == tr.name, "area_total"], trace=i, color=None)
    theme.percent_axis(fig, d["share"])
    return theme.style(fig, x="Skill", y="Share of postings in the region")


Builder = Callable[[pd.DataFrame], go.Figure]
# chart key -> (the new builder, the old one, the group column, the sample-size column)
CHARTS: dict[str, tuple[Builder, Builder, str, str]] = {
    "sk_resp": (skills.responsibilities, _old_responsibilities, "seniority", "level_total"),
    "rg_remote": (regions.remote, _old_remote, "remote", "area_total"),
    "rg_cmp_skills": (regions.compare_skills, _old_compare_skills, "area", "area_total"),
}


def _old_pairs(df: pd.DataFrame) -> go.Figure:
    """skills.pairs as it was (plotly.express)."""
    order = list(dict.fromkeys(df["skill_a"]))
    grid = df.pivot(index="skill_a", columns="skill_b", values="together").reindex(index=order, columns=order)
    fig = px.imshow(grid, color_continuous_scale=theme.SEQUENTIAL, text_auto=",",
                    labels={"color": "Postings with both", "x": "", "y": ""}, aspect="auto",
                    template=theme.TEMPLATE)
    fig.update_traces(hovertemplate="%{y} and %{x}: %{z:,} postings<extra></extra>")
    fig.update_xaxes(tickmode="linear", tick0=0, dtick=1)  # every column named (QA round fourteen)
    return theme.style(fig, height=max(380, 30 * len(order)))


def _pairs(skills_: list[str], together: Callable[[int, int], int | None]) -> pd.DataFrame:
    """The skill_pairs query's rows: every ordered pair with a count (None: the pair left out)."""
    rows = [(a, b, together(i, j)) for i, a in enumerate(skills_) for j, b in enumerate(skills_)]
    return pd.DataFrame([r for r in rows if r[2] is not None], columns=["skill_a", "skill_b", "together"])


PAIRS = {
    "one skill": _pairs(["Go"], lambda i, j: 12),
    "two skills": _pairs(["Go", "SQL"], lambda i, j: 10 if i == j else 3),
    "pairs missing": _pairs(["Go", "SQL", "Rust"], lambda i, j: None if {i, j} == {0, 2} else 5 + i + j),
    "many skills, large counts": _pairs([f"S{k:02d}" for k in range(30)], lambda i, j: 100_000 * (i + 1) + j),
}


@pytest.mark.parametrize("name", list(PAIRS))
def test_the_pairs_heatmap_is_the_figure_plotly_express_drew(name: str) -> None:
    _same(skills.pairs(PAIRS[name]), _old_pairs(PAIRS[name]))


def _json(fig: go.Figure) -> Any:
    return json.loads(fig.to_json())  # what the browser and the exports get, key order aside


def _same(new: go.Figure, old: go.Figure) -> None:
    a, b = _json(new), _json(old)
    assert a["layout"] == b["layout"]
    assert len(a["data"]) == len(b["data"])
    for ta, tb in zip(a["data"], b["data"]):
        assert ta == tb
    assert a == b


def _frame(group: str, n: str, rows: list[tuple[Any, str, float | None, int, int]]) -> pd.DataFrame:
    """(group, x value, share, postings, total) -> the queries' columns ('area' codes for the Regions)."""
    x = "skill" if group != "remote" else "area"
    return pd.DataFrame(rows, columns=[group, x, "share", "postings", n]).assign(
        **({"area": [r[1] for r in rows]} if group == "remote" else {}))


def _edges(key: str) -> dict[str, pd.DataFrame]:
    _, _, group, n = CHARTS[key]
    if key == "sk_resp":
        values = ["senior", "mid", "lead", "junior"]
    elif key == "rg_remote":
        values = ["onsite", "remote", "not stated", "hybrid"]
    else:
        values = ["DE", "US-CA", "FR"]
    many = [f"G{i:02d}" for i in range(25)] if key != "rg_remote" else values
    return {
        "one group": _frame(group, n, [(values[0], "US", 0.4, 40, 100), (values[0], "DE", 0.1, 2, 20)]),
        "no rows": _frame(group, n, []),
        "missing values": _frame(group, n, [(values[0], "US", None, 0, 100), (None, "DE", 0.2, 4, 20),
                                            (values[1], "DE", 0.5, 10, 20), (values[1], "US", 0.3, 3, 10)]),
        "a missing group first": _frame(group, n, [(None, "US", 0.2, 4, 20), (values[1], "DE", 0.5, 10, 40),
                                                   (values[0], "US", 0.3, 3, 10)]),
        "groups out of order, small and not": _frame(group, n, [
            (v, x, 0.1 * (i + 1), 5 * i, 25 + 3 * i) for i, (v, x) in
            enumerate([(values[-1], "US"), (values[0], "US"), (values[1], "DE"), (values[-1], "DE")])]),
        "more groups than colours": _frame(group, n, [(g, x, 0.01 * i, i, 20 + i) for i, g in enumerate(many)
                                                      for x in ("US", "FR")]),
    }


CASES = [(key, name) for key in CHARTS for name in _edges(key)]


@pytest.mark.parametrize(("key", "name"), CASES)
def test_a_group_chart_is_the_figure_plotly_express_drew(key: str, name: str) -> None:
    new, old, _, _ = CHARTS[key]
    df = _edges(key)[name]
    if df.empty:  # never drawn (figure_for: no figure without rows); Plotly Express drew an empty area_name
        # column (float) as a colour scale where these draw an empty chart
        assert figure_for(chart(key), QueryResult(df, "", {}, 0)) is None
        if key == "rg_cmp_skills":
            return
    _same(new(df), old(df))


# the tiny warehouse's answers, each chart: (the new builder, the old one)
WAREHOUSE: dict[str, tuple[Builder, Builder]] = {
    **{key: builders[:2] for key, builders in CHARTS.items()}, "sk_pairs": (skills.pairs, _old_pairs)}


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("key", list(WAREHOUSE))
def test_on_the_tiny_warehouse_too(key: str) -> None:
    new, old = WAREHOUSE[key]
    defn = chart(key)
    ctx = Context(f=Filters())
    df = defn.run(ctx).df
    assert not df.empty, key
    _same(new(df), old(df))


def test_the_comparison_fails_on_a_deliberate_difference() -> None:
    """The check above would see a change a reader could see: one colour off, one bar's hatching."""
    df = _edges("sk_resp")["groups out of order, small and not"]
    fig = skills.responsibilities(df)
    fig.data[1].marker.color = ["#000000"] * len(fig.data[1].x)
    with pytest.raises(AssertionError):
        _same(fig, _old_responsibilities(df))
    fig = regions.remote(_edges("rg_remote")["missing values"])
    fig.data[0].marker.pattern.shape = [""] * len(fig.data[0].x)  # its bars rest on 10 and 20 postings
    with pytest.raises(AssertionError):
        _same(fig, _old_remote(_edges("rg_remote")["missing values"]))
    fig = skills.pairs(PAIRS["two skills"])
    fig.layout.coloraxis.colorscale = theme.DIVERGING_SCALE
    with pytest.raises(AssertionError):
        _same(fig, _old_pairs(PAIRS["two skills"]))
