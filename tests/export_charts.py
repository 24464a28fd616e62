"""Charts for the export tests, made from real queries on the tiny warehouse.

Why: the deck, PDF and image tests need the same few charts (a bar chart, a line chart
and one whose filters match nothing) with their real QueryResult, SQL and metadata.
Figures are built here with plotly express, as a page would.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import plotly.express as px
import plotly.graph_objects as go
import pytest

from analytics.export import build_meta, warehouse_facts
from analytics.export.meta import ChartExport, Cover, cover_for
from analytics.filters import Filters
from analytics.queries import skills

needs_browser = pytest.mark.browser  # skipped without Chrome/Chromium, failed in CI (tests/conftest.py)
NOTHING = Filters(date_from=date(1990, 1, 1), date_to=date(1990, 1, 31))  # matches no posting


def bar(df) -> go.Figure:  # type: ignore[no-untyped-def]
    fig = px.bar(df.sort_values("share"), x="share", y="skill", orientation="h")
    fig.update_layout(height=420)
    return fig


def line(df) -> go.Figure:  # type: ignore[no-untyped-def]
    return px.line(df, x="month", y="share", color="skill")


def charts(db: Path, f: Filters | None = None) -> tuple[Cover, list[ChartExport]]:
    """Top skills (bar), a skill trend (line) and an empty chart, with their metadata."""
    f = f or Filters()
    facts = warehouse_facts(f, db)
    out: list[ChartExport] = []
    top = skills.top_skills(f, db=db)
    out.append(ChartExport(build_meta("Most asked-for skills", top, f, facts), bar(top.df), top.df))
    picks = tuple(top.df["skill"].head(3))
    trend = skills.skill_trend(f, picks, db=db)
    out.append(ChartExport(build_meta("Skill trend", trend, f, facts), line(trend.df), trend.df))
    empty = skills.top_skills(NOTHING, db=db)
    out.append(ChartExport(build_meta("Nothing matches", empty, NOTHING, facts), None, empty.df))
    return cover_for("Skills", f, facts), out
