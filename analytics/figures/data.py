"""The Data page's charts: load runs (a table), rejects by reason, field coverage, source and language mix."""

from __future__ import annotations

import textwrap

import pandas as pd
import plotly.graph_objects as go

from analytics import names
from analytics.figures import Call, ChartDef, summed, theme
from analytics.filters import SET_BY_FILTER
from analytics.queries import data


def _count_bars(labels: list[str], counts: pd.Series, unit: str, *, horizontal: bool = False,
                codes: pd.Series | None = None) -> go.Figure:
    """One colour (colour means nothing here), "70 (30%)" labels, a formatted hover, whole-number axis."""
    total = float(counts.sum())
    text = [theme.count_label(c, theme.share_of(c, total)) for c in counts]
    bar = go.Bar(x=counts, y=labels, orientation="h") if horizontal else go.Bar(x=labels, y=counts)
    bar.update(marker_color=theme.ONE_COLOR, text=text, textposition="auto", cliponaxis=False,
               hovertemplate=f"<b>%{{{'y' if horizontal else 'x'}}}</b>: %{{{'x' if horizontal else 'y'}:,}} "
                             f"{unit}<extra></extra>")
    if codes is not None:
        bar.update(customdata=codes.to_numpy().reshape(-1, 1))
    return theme.integer_axis(go.Figure(bar), "x" if horizontal else "y")


# The Data page's "Load runs" table: its columns in order with their widths in pixels, ten columns that
# fit the page's main column (820 pixels in a 1,280-pixel window; eleven at their content's width needed
# a sideways scroll, QA round seven). Its downloads and "Data and SQL" box keep the query's columns.
RUNS_WIDTHS = {"run_id": 45, "started_at": 130, "seconds": 60, "file_name": 185, "format": 85, "read": 50,
               "loaded": 55, "duplicates": 75, "rejected": 65, "status": 45}


def runs_table(df: pd.DataFrame) -> pd.DataFrame:
    """The load runs as the page's table shows them, nothing lost: the seconds a load took instead of its
    end (finished = started + seconds) and the message after its status ("failed: the file is empty")."""
    took = (pd.to_datetime(df["finished_at"]) - pd.to_datetime(df["started_at"])).dt.total_seconds()
    message = df["message"].astype("string")
    status = df["status"].astype("string").where(message.isna(), df["status"] + ": " + message)
    return df.assign(seconds=took.round(2), status=status)[list(RUNS_WIDTHS)]


REASON_LINE = 30  # characters a line of a reason's label holds before it wraps


def reasons(df: pd.DataFrame) -> go.Figure:
    d = df.iloc[::-1]
    # a reason may quote the file (a record's type field): drawn as written, never as Plotly markup; a long
    # one wraps, since in a phone-width window (390 px) its one line was cut at the chart's left edge
    # ("ot-check page ('...'), not a posting", QA round ten)
    lines = [textwrap.wrap(str(r), REASON_LINE) or [""] for r in d["reason"]]
    labels = ["<br>".join(theme.as_text(line) for line in wrapped) for wrapped in lines]
    fig = _count_bars(labels, d["records"], "rejected records", horizontal=True)
    rows = sum(max(1, len(w)) for w in lines)
    return theme.style(fig, x="Rejected records", y="", height=max(260, 30 * len(d) + 14 * (rows - len(d))))


LABEL_INSIDE = 0.25  # a coverage bar this long (of the 0-100% axis) holds its "1,234 (56%)" label


def coverage(df: pd.DataFrame) -> go.Figure:
    df = df.assign(field=df["field"].map(names.value_label))  # "Work arrangement", not work_arrangement
    fig = go.Figure(go.Bar(
        x=df["share"], y=df["field"], orientation="h", marker_color=theme.ONE_COLOR,
        customdata=df[["postings_with"]].to_numpy(),
        # a share the filter fixes at 100% reads so (lead ruling 4 on hqa38), never as the data's coverage
        text=[f"{theme.fmt_int(c)} ({SET_BY_FILTER})" if isinstance(why, str) else theme.count_label(c, s)
              for c, s, why in zip(df["postings_with"], df["share"],
                                   df["set_by"] if "set_by" in df.columns else [None] * len(df))],
        # inside a long bar, past the end of a short one: with "auto" a field no posting states had no label
        # at all (a bar of no width holds none; QA round eight), so 0 read like a missing figure
        textposition=["inside" if s >= LABEL_INSIDE else "outside" for s in df["share"]], cliponaxis=False,
        hovertemplate="<b>%{y}</b>: %{customdata[0]:,} postings state it (%{x:.0%})<extra></extra>"))
    if "total" in df.columns:  # shares of fewer than 30 postings in all: every bar, as Top skills
        theme.mark_bars(fig, df["total"])
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    return theme.style(fig, x="Share of postings with the field", y="", height=300)


def sources(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    # a source is named by whoever wrote the file (a generic file's stem): drawn as written, never as markup
    labels = [theme.as_text(s) for s in df["source"]]
    if narrow and len(df) > theme.ROWS_AFTER:  # at 390 px eleven bars of about 17 px, no label (QA round 16)
        return theme.count_rows(labels, df["postings"], customdata=df[["source"]].to_numpy(), x="Postings",
                                y="", hovertemplate="<b>%{y}</b>: %{x:,} postings<extra></extra>")
    fig = _count_bars(labels, df["postings"], "postings", codes=df["source"])
    # a phone's width: the small bars' labels lay over each other ("29 (2%)17 (1%)...", QA round fourteen)
    return theme.labels_fit(theme.style(fig, x="Source", y="Postings"))


def languages(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    labels = [names.language_label(c) for c in df["language"]]  # "German (de)", the code kept for SQL
    if narrow:  # a phone: "1,562 (94%)" turned on its side in the tallest column (QA round seventeen): rows
        return theme.count_rows(labels, df["postings"], customdata=df[["language"]].to_numpy(), x="Postings",
                                y="", hovertemplate="<b>%{y}</b>: %{x:,} postings<extra></extra>")
    fig = _count_bars(labels, df["postings"], "postings", codes=df["language"])
    return theme.labels_fit(theme.style(fig, x="Language (ISO 639-1)", y="Postings"))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("da_runs", "Load runs", lambda c: Call(data.load_runs), None,
             help="One row per input file per load (read = loaded + duplicates + rejected)."),
    ChartDef("da_reasons", "Rejected rows by reason", lambda c: Call(data.rejected_reasons), reasons),
    ChartDef("da_coverage", "Field coverage", lambda c: Call(data.coverage, (c.f,)), coverage, sample="total",
             label="field"),
    ChartDef("da_sources", "Source mix", lambda c: Call(data.source_mix, (c.f,)), sources, drill=("source",),
             sample=summed("postings"), label="source", uses=("narrow",)),
    ChartDef("da_languages", "Language mix", lambda c: Call(data.language_mix, (c.f,)), languages,
             help="Language of the posting text, detected per posting (CLD2).", sample=summed("postings"),
             label="language", uses=("narrow",)),
)
