"""The Data page's charts: load runs (a table), rejects by reason, field coverage, source and language mix."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go

from analytics import names
from analytics.figures import Call, ChartDef, theme
from analytics.queries import data


def reasons(df: pd.DataFrame) -> go.Figure:
    d = df.iloc[::-1]
    fig = px.bar(d, x="records", y="reason", orientation="h")
    fig.update_xaxes(tickformat=",")
    return theme.style(fig, x="Rejected records", y="", height=max(260, 30 * len(d)))


def coverage(df: pd.DataFrame) -> go.Figure:
    df = df.assign(field=df["field"].map(names.value_label))  # "Work arrangement", not work_arrangement
    fig = px.bar(df, x="share", y="field", orientation="h", hover_data={"postings_with": ":,"})
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    return theme.style(fig, x="Share of postings with the field", y="", height=300)


def sources(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df, x="source", y="postings", custom_data=["source"], hover_data={"share": ":.0%"})
    return theme.style(fig.update_yaxes(tickformat=","), x="Source", y="Postings")


def languages(df: pd.DataFrame) -> go.Figure:
    fig = px.bar(df, x="language", y="postings", custom_data=["language"], hover_data={"share": ":.0%"})
    return theme.style(fig.update_yaxes(tickformat=","), x="Language (ISO 639-1)", y="Postings")


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("da_runs", "Load runs", lambda c: Call(data.load_runs), None,
             help="One row per input file per load (read = loaded + duplicates + rejected)."),
    ChartDef("da_reasons", "Rejected rows by reason", lambda c: Call(data.rejected_reasons), reasons),
    ChartDef("da_coverage", "Field coverage", lambda c: Call(data.coverage, (c.f,)), coverage),
    ChartDef("da_sources", "Source mix", lambda c: Call(data.source_mix, (c.f,)), sources, drill=("source",)),
    ChartDef("da_languages", "Language mix", lambda c: Call(data.language_mix, (c.f,)), languages,
             help="Language of the posting text, detected per posting (CLD2)."),
)
