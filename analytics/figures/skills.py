"""The Skills page's charts: demand, trend, movers, pairs, pay premium, senior expectations.

Why: see analytics.figures - one definition for the page and the report. The page passes
its widget values (trend picks, the two periods) to the same builders and queries.
"""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, Context, theme
from analytics.filters import ALL_LEVELS
from analytics.queries import skills

TOP_N = 20
TREND_PICKS = 5
PAIRS_N = 12
MOVERS_MIN = 10


def top(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df.iloc[::-1], x="share", y="skill", orientation="h", color="skill",
                 color_discrete_map=theme.skill_colors(df["skill"]), custom_data=["skill"],
                 text=df.iloc[::-1]["postings"].map("{:,}".format), hover_data={"postings": ":,"})
    fig.update_layout(showlegend=False)
    fig.update_xaxes(tickformat=".0%")
    return theme.style(fig, x="Share of postings", y="Skill", height=max(320, 24 * len(df)))


def trend(df: pd.DataFrame) -> go.Figure:
    df = df[df["skill"].notna()]  # no skills chosen: the query returns only the months
    picks = list(dict.fromkeys(df["skill"]))
    fig = px.line(df, x="month", y="share", color="skill", markers=True,
                  color_discrete_map=theme.skill_colors(picks), custom_data=["month", "skill"])
    fig.update_yaxes(tickformat=".0%")
    return theme.style(fig, x="Month", y="Share of postings")


def movers(df: pd.DataFrame) -> go.Figure:
    shown = pd.concat([df.head(10), df.tail(10)]).drop_duplicates("skill").sort_values("change")
    fig = px.bar(shown, x="change", y="skill", orientation="h", color="skill",
                 color_discrete_map=theme.skill_colors(shown["skill"]), custom_data=["skill"],
                 hover_data={"count_a": ":,", "count_b": ":,", "share_a": ":.1%", "share_b": ":.1%"})
    fig.update_layout(showlegend=False)
    fig.update_xaxes(tickformat="+.1%")
    return theme.style(fig, x="Change in share of postings (percentage points)", y="Skill",
                       height=max(320, 24 * len(shown)))


def pairs(df: pd.DataFrame) -> go.Figure:
    order = list(dict.fromkeys(df["skill_a"]))
    grid = df.pivot(index="skill_a", columns="skill_b", values="together").reindex(index=order, columns=order)
    fig = px.imshow(grid, color_continuous_scale=theme.SEQUENTIAL, text_auto=",",
                    labels={"color": "Postings with both", "x": "", "y": ""}, aspect="auto")
    return theme.style(fig, height=max(380, 30 * len(order)))


def premium(df: pd.DataFrame) -> go.Figure:
    d = df.sort_values("premium_usd")
    fig = px.bar(d, x="premium_usd", y="skill", orientation="h", color="skill",
                 color_discrete_map=theme.skill_colors(d["skill"]), custom_data=["skill"],
                 hover_data={"n": ":,", "median_salary_usd": ":,.0f"})
    fig.update_layout(showlegend=False)
    fig.update_xaxes(tickformat=",")
    return theme.style(fig, x="Median salary minus overall median (USD per year)", y="Skill",
                       height=max(320, 24 * len(d)))


def responsibilities(df: pd.DataFrame) -> go.Figure:
    levels = [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]
    fig = px.bar(df, x="skill", y="share", color="seniority", barmode="group",
                 category_orders={"seniority": levels}, custom_data=["seniority", "skill"],
                 hover_data={"postings": ":,", "level_total": ":,"})
    fig.update_yaxes(tickformat=".0%")
    return theme.style(fig, x="Responsibility", y="Share of postings at the level")


def default_periods(lo: date, hi: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """The movers' default periods: the first and the second half of [lo, hi]."""
    mid = lo + (hi - lo) / 2
    return (lo, mid), (mid + timedelta(days=1), hi)


def movers_title(a: tuple[date, date], b: tuple[date, date]) -> str:
    return f"Change from {a[0]:%Y-%m-%d}–{a[1]:%Y-%m-%d} to {b[0]:%Y-%m-%d}–{b[1]:%Y-%m-%d}"


def date_span(ctx: Context) -> tuple[date, date]:
    """The filtered date range, else the warehouse's."""
    opts = ctx.options()
    return (ctx.f.date_from or opts.date_min or date.today(), ctx.f.date_to or opts.date_max or date.today())


def periods(ctx: Context) -> tuple[tuple[date, date], tuple[date, date]]:
    """The movers' periods: the page's (widgets sk_mov_a, sk_mov_b), else the two halves of the range."""
    return ctx.param("periods", lambda: default_periods(*date_span(ctx)))  # type: ignore[no-any-return]


def default_picks(ctx: Context) -> tuple[str, ...]:
    """The trend's default skills: the top TREND_PICKS of the "Top skills" chart."""
    top = ctx.results.get("sk_top")
    return tuple(top.df["skill"].head(TREND_PICKS)) if top is not None else ()


def picks(ctx: Context) -> tuple[str, ...]:
    """The skills followed in the trend: the page's choice (widget sk_trend_pick), else the default."""
    return tuple(ctx.param("picks", lambda: default_picks(ctx)))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("sk_top", "Top skills", lambda c: Call(skills.top_skills, (c.f, TOP_N)), top, drill=("skill",),
             help="Share of the filtered postings that ask for each skill; the label is the count."),
    ChartDef("sk_trend", lambda c: "Monthly trend" if picks(c) else "Monthly trend (no skills chosen)",
             lambda c: Call(skills.skill_trend, (c.f, picks(c))), trend, drill=("month", "skill")),
    ChartDef("sk_movers", lambda c: movers_title(*periods(c)),
             lambda c: Call(skills.movers, (c.f, *periods(c), int(c.param("min_count", MOVERS_MIN)))), movers,
             drill=("skill",)),
    ChartDef("sk_pairs", "Skills asked for together", lambda c: Call(skills.cooccurrence, (c.f, PAIRS_N)),
             pairs, help=f"Postings that ask for both skills, among the {PAIRS_N} most asked-for skills."),
    ChartDef("sk_premium", "Salary premium per skill", lambda c: Call(skills.salary_premium, (c.f, TOP_N)),
             premium, drill=("skill",), enough="enough", label="skill",
             help="Median salary of postings asking for the skill against the median of all filtered postings."),
    ChartDef("sk_resp", "What senior roles expect beyond code", lambda c: Call(skills.responsibilities, (c.f,)),
             responsibilities, drill=("seniority", "skill"),
             help="Responsibilities (skills of category responsibility) by seniority level."),
)
