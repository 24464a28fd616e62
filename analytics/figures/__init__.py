"""What each dashboard page shows: its charts' titles, queries and figure builders, free of streamlit.

Why: the app and the cron report (``python -m analytics report``) must produce the same
content. So the definition of a page - which charts, in which order, with which title,
which query and which Plotly figure - lives here once. The pages call the same builders
with their widget values; the report runs ``page_charts`` with the pages' default
widget values (trend of the top five skills, movers between the two halves of the
date range, salary by seniority, maps coloured by postings).
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go

from analytics.filters import Filters
from analytics.result import QueryResult

Builder = Callable[[pd.DataFrame], go.Figure]

# page slug -> (module under analytics.figures, page title), in the dashboard's order
PAGES: dict[str, tuple[str, str]] = {
    "overview": ("overview", "Overview"),
    "skills": ("skills", "Skills"),
    "salary": ("salary", "Salary"),
    "experience": ("experience", "Experience"),
    "regions": ("regions", "Regions"),
    "data": ("data", "Data"),
}


@dataclass
class Context:
    """What a chart's query may use: the filters, the warehouse and the results of earlier charts."""

    f: Filters
    db: str | Path | None = None
    results: dict[str, QueryResult] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def options(self) -> Any:
        if "options" not in self.cache:
            from analytics.queries.data import options

            self.cache["options"] = options(self.db)
        return self.cache["options"]


@dataclass(frozen=True)
class ChartDef:
    """One chart (or table, when build is None) of a page."""

    key: str  # the page's widget key, e.g. "sk_top"
    title: str | Callable[[Context], str]
    query: Callable[[Context], QueryResult]
    build: Builder | None
    drill: tuple[str, ...] = ()
    enough: str | None = None  # boolean column: rows where it is false are not drawn (n < MIN_N)
    label: str = "group"
    help: str | None = None

    def title_for(self, ctx: Context) -> str:
        return self.title(ctx) if callable(self.title) else self.title


def drawable(defn: ChartDef, result: QueryResult) -> pd.DataFrame:
    """The rows a figure draws: nothing for an empty result, only the "enough" rows when marked."""
    if result.n == 0 or result.df.empty:
        return result.df.iloc[0:0]
    df = result.df
    if defn.enough is not None and defn.enough in df.columns:
        df = df[df[defn.enough].astype(bool)]
    return df


def figure_for(defn: ChartDef, result: QueryResult) -> go.Figure | None:
    """The chart's figure, or None when it is a table or there is nothing to draw."""
    df = drawable(defn, result)
    if defn.build is None or df.empty:
        return None
    return defn.build(df)


@dataclass(frozen=True)
class PageChart:
    """A chart of a page, computed: definition, title, query result and figure."""

    defn: ChartDef
    title: str
    result: QueryResult
    figure: go.Figure | None


def charts_of(page: str) -> list[ChartDef]:
    """The chart definitions of a page, in page order (KeyError for an unknown page)."""
    module, _ = PAGES[page]
    return list(importlib.import_module(f"analytics.figures.{module}").CHARTS)


def page_charts(page: str, f: Filters, db: str | Path | None = None) -> list[PageChart]:
    """Run every chart of ``page`` with the page's default widget values."""
    ctx = Context(f=f, db=db)
    out: list[PageChart] = []
    for defn in charts_of(page):
        result = defn.query(ctx)
        ctx.results[defn.key] = result
        out.append(PageChart(defn, defn.title_for(ctx), result, figure_for(defn, result)))
    return out


def chart(key: str) -> ChartDef:
    """The definition with this widget key, e.g. chart("sk_top") (for the pages: title, build, drill, help)."""
    for page in PAGES:
        for defn in charts_of(page):
            if defn.key == key:
                return defn
    raise KeyError(key)
