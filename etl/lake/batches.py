"""The unit of work of a lake build: one Arrow batch of adapter records in, one batch of lake rows out.

Why: a distributed engine (Ray Data, Spark, Dask) ships functions and Arrow batches between
processes and machines; it cannot ship our record objects or our DuckDB connection. So the lake
build turns each adapter's records into Arrow batches of :data:`INPUT_SCHEMA` once, on the
driver, and every engine maps the same pure function :func:`lake_batch` over them. The function
has no state beyond the read-only tables the normalisers load once per process, so a task that
is retried on another worker produces the same rows.

A lake row is a warehouse ``postings`` row without the ids the warehouse assigns at publish
(``posting_id``, ``run_id``), plus the key of its input file (``file_hash``), its skills and
responsibilities as lists, and ``error`` (with ``raw``): a one-line reason when the record is to be
quarantined
(extraction failed, or no title and no description), exactly as ``etl load`` decides it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

import pyarrow as pa

from etl.extract import extract
from etl.record import Posting, Rejected
from etl.warehouse.dedupe import fingerprint

BATCH_ROWS = 2000  # rows per Arrow batch: the loader's batch size

INPUT_SCHEMA = pa.schema([
    ("file_hash", pa.string()),
    ("record_no", pa.int64()),
    ("source", pa.string()),
    ("source_id", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("company", pa.string()),
    ("location", pa.string()),
    ("salary_text", pa.string()),
    ("salary_min", pa.float64()),
    ("salary_max", pa.float64()),
    ("salary_currency", pa.string()),
    ("salary_period", pa.string()),
    ("description", pa.string()),
    ("description_format", pa.string()),
    ("posted_date", pa.date32()),
    ("remote_hint", pa.bool_()),
    ("level_hint", pa.string()),
    ("experience_min", pa.float64()),
    ("experience_max", pa.float64()),
    ("skill_tags", pa.string()),
    ("job_type", pa.string()),
    ("country_hint", pa.string()),
])

# The warehouse postings columns (etl/warehouse/schema.sql) that a lake row carries, in order.
POSTING_FIELDS = (
    ("record_no", pa.int64()),
    ("source", pa.string()),
    ("source_id", pa.string()),
    ("url", pa.string()),
    ("title", pa.string()),
    ("company", pa.string()),
    ("location_raw", pa.string()),
    ("salary_text", pa.string()),
    ("description", pa.string()),
    ("posted_date", pa.date32()),
    ("posted_month", pa.date32()),
    ("job_type", pa.string()),
    ("seniority", pa.string()),
    ("is_senior", pa.bool_()),
    ("role_family", pa.string()),
    ("experience_min", pa.float64()),
    ("experience_max", pa.float64()),
    ("degree", pa.string()),
    ("salary_min", pa.float64()),
    ("salary_max", pa.float64()),
    ("salary_currency", pa.string()),
    ("salary_period", pa.string()),
    ("salary_annual_min", pa.float64()),
    ("salary_annual_max", pa.float64()),
    ("salary_usd_min", pa.float64()),
    ("salary_usd_max", pa.float64()),
    ("salary_usd_mid", pa.float64()),
    ("salary_plausible", pa.bool_()),
    ("salary_band", pa.string()),
    ("remote", pa.string()),
    ("city", pa.string()),
    ("region", pa.string()),
    ("country", pa.string()),
    ("metro", pa.string()),
    ("fingerprint", pa.string()),
    ("language", pa.string()),
)
LAKE_SCHEMA = pa.schema([
    ("file_hash", pa.string()),
    *POSTING_FIELDS,
    ("skills", pa.list_(pa.string())),
    ("responsibilities", pa.list_(pa.string())),
    ("error", pa.string()),
    ("raw", pa.string()),
])
REJECTED_SCHEMA = pa.schema([
    ("file_hash", pa.string()), ("record_no", pa.int64()), ("source", pa.string()), ("reason", pa.string()),
    ("raw", pa.string()),
])

MISSING_TEXT = "missing title and description"  # the loader's reason, word for word


def input_batches(records: Iterable[Posting | Rejected], file_hash: str, size: int = BATCH_ROWS
                  ) -> Iterator[tuple[pa.RecordBatch | None, list[Rejected]]]:
    """An adapter's records as (input batch of postings, rejected records) pairs, in file order."""
    rows: list[Posting] = []
    rejected: list[Rejected] = []
    for item in records:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        rows.append(item)
        if len(rows) >= size:
            yield _to_batch(rows, file_hash), rejected
            rows, rejected = [], []
    if rows or rejected:
        yield (_to_batch(rows, file_hash) if rows else None), rejected


def _to_batch(rows: list[Posting], file_hash: str) -> pa.RecordBatch:
    cols: dict[str, list[Any]] = {f.name: [] for f in INPUT_SCHEMA}
    for p in rows:
        cols["file_hash"].append(file_hash)
        for name in INPUT_SCHEMA.names[1:]:
            cols[name].append(getattr(p, name))
    return pa.RecordBatch.from_pydict(cols, schema=INPUT_SCHEMA)


def rejected_table(items: list[Rejected], file_hash: str) -> pa.Table:
    return pa.Table.from_pydict(
        {
            "file_hash": [file_hash] * len(items),
            "record_no": [r.record_no for r in items],
            "source": [r.source for r in items],
            "reason": [r.reason for r in items],
            "raw": [r.raw for r in items],
        },
        schema=REJECTED_SCHEMA,
    )


def _get(d: dict[str, Any] | None, key: str) -> Any:
    return None if d is None else d.get(key)


def _posting(row: dict[str, Any]) -> Posting:
    return Posting(**{k: v for k, v in row.items() if k != "file_hash"})


def lake_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The pure map of a lake build: input rows (INPUT_SCHEMA) -> lake rows (LAKE_SCHEMA), one per input row.

    Engines hand over batches whose string columns may be ``large_string`` (Spark) or whose column
    order differs; the batch is read by column name and cast, so every engine gets the same rows.
    """
    table = pa.Table.from_batches([batch]).select(INPUT_SCHEMA.names).cast(INPUT_SCHEMA)
    out: dict[str, list[Any]] = {f.name: [] for f in LAKE_SCHEMA}
    for row in table.to_pylist():
        item = _posting(row)
        try:
            ex: dict[str, Any] | None = extract(item.as_extract_input())
            error = None
        except Exception as exc:  # a normaliser bug on one record quarantines it, as in etl load
            ex, error = None, f"extraction failed: {type(exc).__name__}: {exc}"[:300]
        if ex is not None and not ex.get("clean_title") and not ex.get("clean_description"):
            error = MISSING_TEXT
        _append(out, row["file_hash"], item, ex, error)
    return pa.RecordBatch.from_pydict(out, schema=LAKE_SCHEMA)


def _append(out: dict[str, list[Any]], file_hash: str, item: Posting, ex: dict[str, Any] | None,
            error: str | None) -> None:
    e = ex or {}
    sal, annual, usd, exp = (
        e.get("salary"),
        e.get("salary_annual"),
        e.get("salary_usd"),
        e.get("experience_years"),
    )
    posted: date | None = item.posted_date
    title, desc = e.get("clean_title"), e.get("clean_description")
    fp = fingerprint(e.get("clean_company"), title, item.location, desc) if ex is not None else None
    values = (
        file_hash,
        item.record_no,
        item.source,
        item.source_id,
        item.url,
        title,
        e.get("clean_company"),
        item.location,
        item.salary_text,
        desc,
        posted,
        posted.replace(day=1) if posted else None,
        item.job_type,
        e.get("seniority"),
        e.get("is_senior"),
        e.get("role_family"),
        _get(exp, "min"),
        _get(exp, "max"),
        e.get("degree"),
        _get(sal, "min"),
        _get(sal, "max"),
        _get(sal, "currency"),
        _get(sal, "period"),
        _get(annual, "min"),
        _get(annual, "max"),
        _get(usd, "min"),
        _get(usd, "max"),
        _get(usd, "mid"),
        e.get("salary_plausible"),
        e.get("salary_band"),
        e.get("remote"),
        e.get("city"),
        e.get("region"),
        e.get("country"),
        e.get("metro"),
        fp,
        e.get("language"),
        list(e.get("skills") or ()),
        list(e.get("responsibilities") or ()),
        error,
        None if error is None else repr(item)[:10_000],
    )
    for name, value in zip(LAKE_SCHEMA.names, values, strict=True):
        out[name].append(value)


def lake_table(table: pa.Table) -> pa.Table:
    """:func:`lake_batch` over a whole table, batch by batch (the local engine and Dask tasks use it)."""
    batches = [lake_batch(b) for b in table.to_batches(max_chunksize=BATCH_ROWS)]
    return pa.Table.from_batches(batches, schema=LAKE_SCHEMA)
