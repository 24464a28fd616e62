"""JobSpy CSV: the file ``python-jobspy`` users write with ``DataFrame.to_csv``.

Why: JobSpy is the most common free way to scrape LinkedIn/Indeed/Glassdoor, and its
CSV has two traps. The documented call writes ``QUOTE_NONNUMERIC`` with
``escapechar="\\\\"`` *and* the default doubled quotes, so a plain CSV reader leaves
every backslash doubled (``C\\\\+\\\\+``); and the descriptions are Markdown with
backslash escapes (``C\\+\\+``), which stay as they are here for the cleaner.

The column mapping lives in :func:`to_posting` so that the Excel re-save of the same
data (:mod:`etl.sources.jobspy_excel`) maps rows the same way. The loader reads a JobSpy CSV
with :func:`read_batches` instead: pyarrow's CSV reader and the same mapping over whole columns
(issue 10: the csv module and a Posting per row were about a tenth of a load); a test holds it to
:func:`read`'s records on the fixtures, crafted rows and every shared JobSpy file.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl.columnar import INPUT_SCHEMA, postings_to_batches
from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._arrow_csv import clean, csv_batches
from etl.sources._io import MAX_FIELD_CHARS, csv_records, first_row, oversized

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


def read_batches(
    path: Path, options: SourceOptions, size: int
) -> Iterator[tuple[pa.RecordBatch, list[Rejected]]]:
    """:func:`read`'s records as ``etl.columnar.INPUT_SCHEMA`` batches of up to ``size`` postings, each with
    the rejected records among them (as :func:`etl.columnar.postings_to_batches` of :func:`read`)."""
    for header, block, numbers, items in csv_batches(path, NAME, REQUIRED_COLUMNS, to_posting, **CSV_FORMAT):
        if block is None:  # read by the csv module (see etl.sources._arrow_csv)
            yield from postings_to_batches(items, size)
            continue
        batch, rejected = _map_block(header, block, numbers)
        rejected = [*items, *rejected]  # type: ignore[list-item]
        for start in range(0, max(batch.num_rows, 1), size):
            yield batch.slice(start, size), rejected if start == 0 else []


def _map_block(
    header: list[str], block: pa.RecordBatch, numbers: list[int]
) -> tuple[pa.RecordBatch, list[Rejected]]:
    """:func:`to_posting` over a block of string columns (``c<i>`` is header[i]), column by column."""
    n = block.num_rows
    last = {name: i for i, name in enumerate(header)}  # as dict(zip(header, row)): the last of a name wins
    cols = {name: block.column(i) for name, i in last.items()}

    def col(name: str) -> pa.Array:
        return clean(cols[name]) if name in cols else pa.nulls(n, pa.string())

    big = np.zeros(n, dtype=bool)
    for column in cols.values():  # bytes >= characters: only a column with a long value is counted
        if n and (pc.max(pc.binary_length(column)).as_py() or 0) > MAX_FIELD_CHARS:
            big |= pc.greater(pc.utf8_length(column), MAX_FIELD_CHARS).to_numpy(zero_copy_only=False)
    title, description = col("title"), col("description")
    missing = pc.and_(pc.is_null(title), pc.is_null(description)).to_numpy(zero_copy_only=False)
    bad = np.flatnonzero(big | missing)
    rejected: list[Rejected] = []
    if len(bad):
        cells = pa.RecordBatch.from_arrays(list(cols.values()), names=list(cols))
        raw = cells.take(pa.array(bad)).to_pylist()
        for i, rec in zip(bad, raw, strict=True):
            why = oversized(rec) if big[i] else "missing title and description"
            rejected.append(Rejected.from_raw(NAME, numbers[i], why or "missing title and description", rec))
        keep = pa.array(np.setdiff1d(np.arange(n), bad))
        block, title, description = block.take(keep), title.take(keep), description.take(keep)
        numbers = [numbers[i] for i in keep.to_pylist()]
        cols = {name: block.column(i) for name, i in last.items()}
        n = block.num_rows
    low = by_value(col("min_amount"), number, pa.float64())
    high = by_value(col("max_amount"), number, pa.float64())
    pay = pc.or_(pc.is_valid(low), pc.is_valid(high))
    nothing = pa.scalar(None, pa.string())
    currency = by_value(col("currency"), lambda c: (c or "").upper() or None, pa.string())
    period = by_value(col("interval"), lambda i: PERIODS.get((i or "").lower()), pa.string())
    currency, period = pc.if_else(pay, currency, nothing), pc.if_else(pay, period, nothing)
    # html when a tag of _HTML_TAG is found; only a description with a "<" can hold one
    html = np.zeros(n, dtype=bool)
    lt = pc.fill_null(pc.match_substring(description, "<"), False)
    maybe = np.flatnonzero(lt.to_numpy(zero_copy_only=False))
    if len(maybe):
        texts = description.take(pa.array(maybe)).to_pylist()
        html[maybe] = [bool(_HTML_TAG.search(t)) for t in texts]
    columns = {
        "record_no": pa.array(numbers, pa.int64()),
        "source": pa.array([NAME] * n, pa.string()),
        "id": col("id"),
        "url": col("job_url"),
        "title": title,
        "company": col("company"),
        "location": col("location"),
        "salary_min": low,
        "salary_max": high,
        "salary_currency": currency,
        "salary_period": period,
        "description": description.cast(pa.large_string()),
        "description_format": pa.array(np.where(html, "html", "markdown"), pa.string()),
        "posted_date": by_value(col("date_posted"), iso_date, pa.date32()),
        "remote_hint": by_value(col("is_remote"), flag, pa.bool_()),
        "level_hint": col("job_level"),
        "job_type": col("job_type"),
    }
    return pa.RecordBatch.from_arrays(
        [columns[f.name] if f.name in columns else pa.nulls(n, f.type) for f in INPUT_SCHEMA],
        schema=INPUT_SCHEMA,
    ), rejected


def by_value(column: pa.Array, fn: Callable[[Any], Any], type_: pa.DataType) -> pa.Array:
    """``fn`` of every value of a column, called once per distinct value (dates, flags, amounts repeat)."""
    distinct = pc.unique(column)
    mapped = pa.array([fn(v) for v in distinct.to_pylist()], type_)
    return mapped.take(pc.index_in(column, value_set=distinct, skip_nulls=False))
