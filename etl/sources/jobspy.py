"""JobSpy CSV: the file ``python-jobspy`` users write with ``DataFrame.to_csv``.

Why: JobSpy is the most common free way to scrape LinkedIn/Indeed/Glassdoor, and its
CSV has two traps. The documented call writes ``QUOTE_NONNUMERIC`` with
``escapechar="\\\\"`` *and* the default doubled quotes, so a plain CSV reader leaves
every backslash doubled (``C\\\\+\\\\+``); and the descriptions are Markdown with
backslash escapes (``C\\+\\+``), which stay as they are here for the cleaner.

The column mapping lives in :func:`to_posting` so that the Excel re-save of the same
data (:mod:`etl.sources.jobspy_excel`) maps rows the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import csv_records, first_row

NAME = "jobspy"
EXTENSIONS = (".csv",)

CSV_FORMAT: dict[str, Any] = {"escapechar": "\\", "doublequote": True}

# Every JobSpy export has these (older ones may lack ``id``, see ``detect``).
CORE_COLUMNS = ("site", "job_url", "title", "company", "description")
# Columns typical of JobSpy; a file needs a few of them besides the core ones.
TYPICAL_COLUMNS = (
    "job_url_direct", "location", "date_posted", "job_type", "salary_source", "interval",
    "min_amount", "max_amount", "currency", "is_remote", "job_level", "job_function",
    "listing_type", "emails", "company_industry", "company_url", "company_logo",
)
REQUIRED_COLUMNS = ("title", "description")

PERIODS = {"yearly": "year", "monthly": "month", "weekly": "week", "daily": "day", "hourly": "hour"}
MAPPED = {
    "id", "job_url", "title", "company", "location", "date_posted", "job_type", "interval",
    "min_amount", "max_amount", "currency", "is_remote", "job_level", "description",
}
_HTML_TAG = re.compile(r"<(p|div|br|ul|ol|li|strong|b|h[1-6])\b[^>]*>", re.IGNORECASE)


def header_score(columns: Iterable[str]) -> int:
    """90 for a JobSpy header, 80 for an older one without ``id``, else 0."""
    cols = {c.strip() for c in columns if c}
    if not all(c in cols for c in CORE_COLUMNS):
        return 0
    if sum(c in cols for c in TYPICAL_COLUMNS) < 3:
        return 0
    return 90 if "id" in cols else 80


def detect(path: Path, head: bytes) -> int:
    return header_score(first_row(head, **CSV_FORMAT))


def text(value: Any) -> str | None:
    """A cell as stripped text; floats that hold integers lose their ``.0``."""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_str(value)


def number(value: Any) -> float | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return float(value) if value == value else None
    raw = clean_str(value)
    if raw is None:
        return None
    try:
        out = float(raw.replace(",", ""))
    except ValueError:
        return None
    return out if out == out else None


def flag(value: Any) -> bool | None:
    if isinstance(value, bool):
        return value
    raw = (clean_str(value) or "").lower()
    if raw in {"true", "1", "1.0", "yes"}:
        return True
    if raw in {"false", "0", "0.0", "no"}:
        return False
    return None


def iso_date(value: Any) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    raw = clean_str(value)
    if raw is None:
        return None
    try:
        return date.fromisoformat(raw[:10])
    except ValueError:
        return None


def to_posting(rec: Mapping[str, Any], record_no: int, source: str = NAME) -> Posting | Rejected:
    """Map one JobSpy row (column -> value, text or Excel-typed) to a Posting."""
    title, description = text(rec.get("title")), text(rec.get("description"))
    if title is None and description is None:
        return Rejected.from_raw(source, record_no, "missing title and description", dict(rec))
    low, high = number(rec.get("min_amount")), number(rec.get("max_amount"))
    has_pay = low is not None or high is not None
    interval = (text(rec.get("interval")) or "").lower()
    # the unmapped columns only: cleaning every cell (the description again) was a tenth of a load's parse
    extra = {k: t for k, v in rec.items() if k not in MAPPED and (t := text(v)) is not None}
    return Posting(
        source=source,
        record_no=record_no,
        source_id=text(rec.get("id")),
        url=text(rec.get("job_url")),
        title=title,
        company=text(rec.get("company")),
        location=text(rec.get("location")),
        salary_min=low,
        salary_max=high,
        salary_currency=((text(rec.get("currency")) or "").upper() or None) if has_pay else None,
        salary_period=PERIODS.get(interval) if has_pay else None,
        description=description,
        description_format="html" if description and _HTML_TAG.search(description) else "markdown",
        posted_date=iso_date(rec.get("date_posted")),
        remote_hint=flag(rec.get("is_remote")),
        level_hint=text(rec.get("job_level")),
        job_type=text(rec.get("job_type")),
        extra=extra,
    )


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    return csv_records(path, NAME, REQUIRED_COLUMNS, to_posting, **CSV_FORMAT)
