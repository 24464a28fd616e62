"""Data page queries (load runs, rejects, coverage, sources, extraction quality) and
the facts the sidebar needs (filter choices, demo flag).

Why: users judge the charts by the data behind them. How many files loaded, what was
rejected and why, which fields are filled: this is the evidence, read from the tables
the loader writes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics.filters import Filters, where
from analytics.queries import first, run
from analytics.result import QueryResult


def load_runs(limit: int = 500, db: str | Path | None = None) -> QueryResult:
    """The latest file loads, newest first."""
    sql = """SELECT run_id, started_at, finished_at, file_name, format, "read", loaded, duplicates,
       rejected, status, message
FROM load_runs
ORDER BY run_id DESC
LIMIT $limit"""
    return run("data.load_runs", sql, {"limit": limit}, db=db, n=lambda df: len(df))


def rejected_reasons(db: str | Path | None = None) -> QueryResult:
    """Rejected input records per reason: reason, records."""
    sql = """SELECT reason, count(*) AS records
FROM rejected_rows
GROUP BY 1
ORDER BY records DESC, reason"""
    return run("data.rejected_reasons", sql, {}, db=db, n=lambda df: int(df["records"].sum()))


def rejected_sample(limit: int = 200, db: str | Path | None = None) -> QueryResult:
    """The latest rejected records with their file, position and reason."""
    sql = """SELECT run_id, file_path, record_no, reason, left(raw, 300) AS raw
FROM rejected_rows
ORDER BY run_id DESC, record_no
LIMIT $limit"""
    return run("data.rejected_sample", sql, {"limit": limit}, db=db, n=lambda df: len(df))


def coverage(f: Filters, db: str | Path | None = None) -> QueryResult:
    """Share of the filtered postings that have each field: field, postings_with, share."""
    cond, params = where(f)
    sql = f"""WITH c AS (
    SELECT count(*) AS total,
           count(p.salary_usd_mid) AS salary,
           count(p.country) AS location,
           count(p.experience_min) AS experience,
           count(p.remote) AS work_arrangement,
           count(p.degree) AS degree
    FROM postings p
    WHERE {cond}
)
SELECT u.field, u.postings_with, u.postings_with / nullif(c.total, 0) AS share, c.total
FROM c, (UNPIVOT c ON salary, location, experience, work_arrangement, degree
         INTO NAME field VALUE postings_with) u
ORDER BY share DESC, u.field"""
    return run("data.coverage", sql, params, db=db, n=lambda df: first(df, "total"))


def source_mix(f: Filters, db: str | Path | None = None) -> QueryResult:
    """Postings per source: source, postings, share."""
    cond, params = where(f)
    sql = f"""SELECT p.source, count(*) AS postings, count(*) / sum(count(*)) OVER () AS share
FROM postings p
WHERE {cond}
GROUP BY 1
ORDER BY postings DESC, p.source"""
    return run("data.source_mix", sql, params, db=db, n=lambda df: int(df["postings"].sum()))


def meta(db: str | Path | None = None) -> dict[str, str]:
    """The meta table as a dict (schema_version, is_demo, published_at, ...)."""
    df, _ = _db.query("SELECT key, value FROM meta", None, db)
    return {str(k): str(v) for k, v in zip(df["key"], df["value"])}


@dataclass(frozen=True)
class Options:
    """What the sidebar can offer: the values present in the warehouse."""

    date_min: date | None
    date_max: date | None
    seniority: tuple[str, ...]
    role_family: tuple[str, ...]
    country: tuple[str, ...]
    region: tuple[str, ...]
    skills: tuple[str, ...]  # most frequent first
    source: tuple[str, ...]
    total: int


def _values(column: str, db: str | Path | None) -> tuple[str, ...]:
    df, _ = _db.query(f"SELECT {column} AS v, count(*) AS n FROM postings WHERE {column} IS NOT NULL "
                      "GROUP BY 1 ORDER BY n DESC, v", None, db)
    return tuple(str(v) for v in df["v"])


def options(db: str | Path | None = None) -> Options:
    """Filter choices from the data (columns are constants of this module, never user input)."""
    df, _ = _db.query("SELECT min(posted_date) AS d0, max(posted_date) AS d1, count(*) AS n FROM postings",
                      None, db)
    skills, _ = _db.query("SELECT skill, count(*) AS n FROM posting_skills WHERE category <> 'responsibility' "
                          "GROUP BY 1 ORDER BY n DESC, skill", None, db)

    def as_date(v: Any) -> date | None:
        return None if pd.isna(v) else pd.Timestamp(v).date()

    return Options(
        date_min=as_date(df["d0"].iloc[0]), date_max=as_date(df["d1"].iloc[0]),
        seniority=_values("seniority", db), role_family=_values("role_family", db),
        country=tuple(sorted(_values("country", db))), region=tuple(sorted(_values("region", db))),
        skills=tuple(str(s) for s in skills["skill"]), source=_values("source", db),
        total=int(df["n"].iloc[0]),
    )


def extraction_quality() -> QueryResult:
    """The figures of ``python -m etl evaluate`` (precision/recall per field) as a table.

    When etl.evaluate is not there yet, an empty result whose note says so.
    """
    try:
        from etl import evaluate as ev  # the lead's module; optional until it lands
    except ImportError:
        return QueryResult(df=pd.DataFrame(), sql="", params={}, n=0, name="data.extraction_quality",
                           notes=("Extraction quality figures are not available yet "
                                  "(etl.evaluate is missing; run `python -m etl evaluate` once it exists).",))
    figures = ev.evaluate()
    df = _figures_frame(figures)
    n = int(df["n"].max()) if "n" in df.columns and len(df) else len(df)
    return QueryResult(df=df, sql="", params={}, n=n, name="data.extraction_quality",
                       notes=("from etl.evaluate.evaluate() on the committed labelled set",))


def _figures_frame(figures: Any) -> pd.DataFrame:
    """Whatever evaluate() returns (frame, mapping field -> metrics, list of rows, object) as a table."""
    if isinstance(figures, pd.DataFrame):
        return figures
    if hasattr(figures, "to_dict") and not isinstance(figures, dict):
        figures = figures.to_dict()
    elif hasattr(figures, "__dataclass_fields__"):
        from dataclasses import asdict
        figures = asdict(figures)
    if isinstance(figures, dict):
        inner = figures.get("fields", figures)
        if isinstance(inner, dict) and all(isinstance(v, dict) for v in inner.values()):
            return pd.DataFrame([{"field": k, **v} for k, v in inner.items()])
        return pd.DataFrame([{"figure": k, "value": v} for k, v in figures.items()])
    if isinstance(figures, list):
        return pd.DataFrame(figures)
    return pd.DataFrame([{"figure": "result", "value": repr(figures)}])
