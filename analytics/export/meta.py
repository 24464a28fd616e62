"""What an export shows, in one value: title, filters, n, the data's as-of date and sources.

Why: a chart or table that leaves the app loses its context - the sidebar, the caption,
the SQL expander. Every export (image caption, Excel "About this data" sheet, HTML
header, Parquet key-value metadata, slide notes, PDF caption, zip manifest) is written
from this one value, so they all say the same thing and none can forget a part.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics.figures.theme import n_text
from analytics.filters import Filters, describe, where
from analytics.result import QueryResult

DEMO_NOTE = "Synthetic demo data: the figures illustrate the product and describe no real market."
UNFILTERED = "the sidebar's filters do not apply"  # as ui.chart.caption says it under such a table


@dataclass(frozen=True)
class WarehouseFacts:
    """Facts about the published warehouse that every export repeats."""

    as_of: date | None  # the latest posted_date in the warehouse
    published_at: str  # meta.published_at ("" when absent)
    is_demo: bool
    sources: tuple[str, ...]  # sources of the postings under the filters, most postings first


def warehouse_facts(f: Filters | None = None, db: str | Path | None = None) -> WarehouseFacts:
    """Read the as-of date, publication time, demo flag and (filtered) sources from the warehouse."""
    meta_df, _ = _db.query("SELECT key, value FROM meta", None, db)
    meta = {str(k): str(v) for k, v in zip(meta_df["key"], meta_df["value"])}
    latest, _ = _db.query("SELECT max(posted_date) AS d FROM postings", None, db)
    value = latest["d"].iloc[0] if len(latest) else None
    as_of = None if value is None or pd.isna(value) else pd.Timestamp(value).date()
    cond, params = where(f or Filters())
    src, _ = _db.query(f"SELECT p.source, count(*) AS n FROM postings p WHERE {cond} "
                       "GROUP BY 1 ORDER BY n DESC, p.source", params, db)
    return WarehouseFacts(as_of=as_of, published_at=meta.get("published_at", ""),
                          is_demo=meta.get("is_demo", "").lower() == "true",
                          sources=tuple(str(s) for s in src["source"]))


@dataclass(frozen=True)
class ExportMeta:
    """Everything an exported chart or table says about itself."""

    title: str
    filters_text: str  # human-readable active filters (analytics.filters.describe)
    n: int  # postings behind the figure
    as_of: date | None
    published_at: str = ""
    sources: tuple[str, ...] = ()
    sql: str = ""
    params_text: str = ""
    notes: tuple[str, ...] = ()
    is_demo: bool = False
    query_name: str = ""
    generated_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    # which figures rest on fewer than 30 postings (analytics.figures.small_note), as the app's caption says
    small_note: str = ""
    # how often the fields behind the view are read right on held-out real postings (analytics.quality), as
    # the app says under the chart: a deck or spreadsheet carries it with the figures
    trust_note: str = ""
    unit: str = "postings"  # what n counts (QueryResult.unit): "rejected records", "file loads"
    filtered: bool = True  # False for a table the sidebar's filters do not apply to (the Data page's loads)
    # an empty chart's n in place of "n = 0 postings" where the filters select some (as the app's caption says
    # it: analytics.queries.empty_n_text); "" otherwise
    n_note: str = ""

    @property
    def as_of_text(self) -> str:
        day = self.as_of.isoformat() if self.as_of else "unknown"
        published = self.published_at.replace("T", " ")[:16]
        return f"{day} (published {published})" if published else day

    @property
    def caption(self) -> str:
        """One paragraph: filters · n · as-of · sources (the text drawn under images)."""
        if not self.filtered:  # as the page says it: the filters and their postings' sources do not apply
            parts = [n_text(self.n, self.unit), UNFILTERED, f"Data as of {self.as_of_text}"]
        else:
            parts = [f"Filters: {self.filters_text}", self.n_note or n_text(self.n, self.unit),
                     *([self.small_note.rstrip(".")] if self.small_note else []),
                     *([self.trust_note.rstrip(".")] if self.trust_note else []),
                     f"Data as of {self.as_of_text}",
                     f"Sources: {', '.join(self.sources) if self.sources else 'none'}"]
        parts.extend(self.notes)
        if self.is_demo:
            parts.append("synthetic demo data")
        return " · ".join(parts)

    def rows(self) -> list[tuple[str, str]]:
        """(label, value) pairs for metadata sheets and HTML definition lists."""
        counted = f"{self.unit[:1].upper()}{self.unit[1:]} (n)"  # "Postings (n)", "Rejected records (n)"
        out = [("Title", self.title), ("Filters", self.filters_text if self.filtered else UNFILTERED),
               (counted, f"{self.n:,}"), ("Data as of", self.as_of_text)]
        if self.filtered:
            out.append(("Sources", ", ".join(self.sources) or "none"))
        if self.small_note:
            out.append(("Small samples", self.small_note))
        if self.trust_note:
            out.append(("Extraction accuracy", self.trust_note))
        if self.notes:
            out.append(("Notes", "; ".join(self.notes)))
        if self.is_demo:
            out.append(("Demo data", DEMO_NOTE))
        if self.query_name:
            out.append(("Query", self.query_name))
        out.append(("SQL", self.sql or "(none)"))
        out.append(("Parameters", self.params_text or "(no parameters)"))
        out.append(("Generated at", self.generated_at))
        return out

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form (for Parquet metadata and the zip manifest)."""
        d = asdict(self)
        d["as_of"] = self.as_of.isoformat() if self.as_of else None
        d["sources"] = list(self.sources)
        d["notes"] = list(self.notes)
        d["caption"] = self.caption
        return d


def build_meta(title: str, result: QueryResult, f: Filters, facts: WarehouseFacts, *,
               small_note: str = "", trust_note: str = "", n_note: str = "") -> ExportMeta:
    """The export metadata of one chart or table from its query result, filters and warehouse facts
    (``small_note``: which of its figures rest on fewer than 30 postings, as the app's caption says;
    ``trust_note``: how often the fields behind it are read right, analytics.quality; ``n_note``: an empty
    chart's n, ExportMeta.n_note)."""
    return ExportMeta(small_note=small_note, trust_note=trust_note, unit=result.unit, n_note=n_note,
        filtered=result.filtered, title=title, filters_text=describe(f), n=result.n, as_of=facts.as_of,
        published_at=facts.published_at, sources=facts.sources, sql=result.sql,
        params_text=result.params_text() if result.sql else "", notes=tuple(result.caveats),
        is_demo=facts.is_demo, query_name=result.name,
    )


@dataclass(frozen=True)
class ChartExport:
    """One chart as exports see it: its metadata, its figure (None when nothing to draw) and its data."""

    meta: ExportMeta
    figure: Any  # plotly.graph_objects.Figure | None (Any: keeps this module free of plotly)
    data: pd.DataFrame
    empty: str = ""  # a slide's text when there is no figure (report.empty_text); "": images.NO_DATA
    # a table item's slide (ChartDef.slide: columns, rows and notes, analytics.figures.overview.Headline),
    # drawn as a table where there is no figure; None: not in a deck or PDF
    table: Any = None


@dataclass(frozen=True)
class Section:
    """A dashboard page in a multi-page export: its title and its charts, in page order."""

    title: str
    charts: tuple[ChartExport, ...]


@dataclass(frozen=True)
class Cover:
    """The title slide/page of a deck or PDF."""

    title: str
    filters_text: str
    as_of_text: str
    sources: tuple[str, ...]
    is_demo: bool
    generated_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))

    def lines(self) -> list[str]:
        out = [f"Filters: {self.filters_text}", f"Data as of {self.as_of_text}",
               f"Sources: {', '.join(self.sources) if self.sources else 'none'}",
               f"Generated {self.generated_at.replace('T', ' ')}"]
        if self.is_demo:
            out.append(DEMO_NOTE)
        return out


def cover_for(title: str, f: Filters, facts: WarehouseFacts) -> Cover:
    as_of = ExportMeta(title=title, filters_text="", n=0, as_of=facts.as_of,
                       published_at=facts.published_at).as_of_text
    return Cover(title=title, filters_text=describe(f), as_of_text=as_of, sources=facts.sources,
                 is_demo=facts.is_demo)


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe form of a title: 'Top 20 skills (share)' -> 'top-20-skills-share'."""
    out = "".join(c.lower() if c.isalnum() else "-" for c in text)
    while "--" in out:
        out = out.replace("--", "-")
    return out.strip("-")[:limit].strip("-") or "export"
