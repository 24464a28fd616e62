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
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from etl import columnar
from etl.record import Posting, Rejected
from etl.warehouse.dedupe import fingerprint

BATCH_ROWS = 2000  # rows per Arrow batch: the loader's batch size

# The extraction's input (etl.columnar.INPUT_SCHEMA, one declaration for load, extract and lake) plus the
# key of the file the row came from.
INPUT_SCHEMA = pa.schema([("file_hash", pa.string()), *columnar.INPUT_SCHEMA])

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
LAKE_SCHEMA = pa.schema(
    [
        ("file_hash", pa.string()),
        *POSTING_FIELDS,
        ("skills", pa.list_(pa.string())),
        ("responsibilities", pa.list_(pa.string())),
        ("error", pa.string()),
        ("raw", pa.string()),
    ]
)
REJECTED_SCHEMA = pa.schema(
    [
        ("file_hash", pa.string()),
        ("record_no", pa.int64()),
        ("source", pa.string()),
        ("reason", pa.string()),
        ("raw", pa.string()),
    ]
)

MISSING_TEXT = "missing title and description"  # the loader's reason, word for word


def input_batches(
    batches: Iterable[tuple[pa.RecordBatch, list[Rejected]]], file_hash: str
) -> Iterator[tuple[pa.RecordBatch | None, list[Rejected]]]:
    """A file's input batches (:func:`etl.sources.read_batches`, as the load reads them) with the file's
    hash in front; ``None`` where a batch holds only rejected records."""
    for batch, rejected in batches:
        yield (_with_hash(batch, file_hash) if batch.num_rows else None), rejected


def _with_hash(batch: pa.RecordBatch, file_hash: str) -> pa.RecordBatch:
    return pa.RecordBatch.from_arrays(
        [pa.array([file_hash] * batch.num_rows, pa.string()), *batch.columns], schema=INPUT_SCHEMA
    )


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


def _posting(row: dict[str, Any]) -> Posting:
    """The adapter record back from its input row (for the ``raw`` of a quarantined row, as before)."""
    return Posting(**{_POSTING_NAME.get(k, k): v for k, v in row.items() if k != "file_hash"})


_POSTING_NAME = {"id": "source_id"}


def lake_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The pure map of a lake build: input rows (INPUT_SCHEMA) -> lake rows (LAKE_SCHEMA), one per input row.

    The extraction is :func:`etl.columnar.extract_batch`, the one ``etl load`` runs; this only
    arranges its output as warehouse columns. Engines hand over batches whose string columns may be
    ``large_string`` (Spark) or whose column order differs; the batch is read by column name and
    cast, so every engine gets the same rows.
    """
    table = pa.Table.from_batches([batch]).select(INPUT_SCHEMA.names).cast(INPUT_SCHEMA).combine_chunks()
    if table.num_rows == 0:
        return pa.RecordBatch.from_pylist([], schema=LAKE_SCHEMA)
    inp = table.to_batches()[0]
    out = columnar.extract_batch(inp)
    extracted = pc.is_null(out.column("error"))  # the extraction ran (a failed row has its message)
    title, company, desc = (
        out.column("clean_title"),
        out.column("clean_company"),
        out.column("clean_description"),
    )
    no_text = pc.and_(
        extracted, pc.and_(pc.fill_null(pc.equal(title, ""), True), pc.fill_null(pc.equal(desc, ""), True))
    )
    error = pc.if_else(no_text, pa.scalar(MISSING_TEXT, pa.string()), out.column("error"))
    loc = inp.column("location").to_pylist()
    fps = [
        fingerprint(c, t, lo, d) if ok else None
        for ok, c, t, lo, d in zip(
            extracted.to_pylist(), company.to_pylist(), title.to_pylist(), loc, desc.to_pylist(), strict=True
        )
    ]
    rows = table.to_pylist() if pc.any(pc.is_valid(error)).as_py() else []
    raw = [None if e is None else repr(_posting(rows[i]))[:10_000] for i, e in enumerate(error.to_pylist())]
    posted = inp.column("posted_date")

    def field(struct: str, name: str) -> pa.Array:
        return pc.struct_field(out.column(struct), name)

    def listed(name: str) -> pa.Array:  # a failed row has no skills: an empty list, as before
        col = out.column(name)
        return pc.if_else(pc.is_null(col), pa.scalar([], col.type), col)

    cols: dict[str, Any] = {
        "file_hash": inp.column("file_hash"),
        "record_no": inp.column("record_no"),
        "source": inp.column("source"),
        "source_id": inp.column("id"),
        "url": inp.column("url"),
        "title": title,
        "company": company,
        "location_raw": inp.column("location"),
        "salary_text": inp.column("salary_text"),
        "description": desc,
        "posted_date": posted,
        "posted_month": pc.floor_temporal(posted, unit="month"),
        "job_type": inp.column("job_type"),
        "seniority": out.column("seniority"),
        "is_senior": out.column("is_senior"),
        "role_family": out.column("role_family"),
        "experience_min": field("experience_years", "min"),
        "experience_max": field("experience_years", "max"),
        "degree": out.column("degree"),
        "salary_min": field("salary", "min"),
        "salary_max": field("salary", "max"),
        "salary_currency": field("salary", "currency"),
        "salary_period": field("salary", "period"),
        "salary_annual_min": field("salary_annual", "min"),
        "salary_annual_max": field("salary_annual", "max"),
        "salary_usd_min": field("salary_usd", "min"),
        "salary_usd_max": field("salary_usd", "max"),
        "salary_usd_mid": field("salary_usd", "mid"),
        "salary_plausible": out.column("salary_plausible"),
        "salary_band": out.column("salary_band"),
        "remote": out.column("remote"),
        "city": out.column("city"),
        "region": out.column("region"),
        "country": out.column("country"),
        "metro": out.column("metro"),
        "fingerprint": pa.array(fps, pa.string()),
        "language": out.column("language"),
        "skills": listed("skills"),
        "responsibilities": listed("responsibilities"),
        "error": error,
        "raw": pa.array(raw, pa.string()),
    }
    return pa.RecordBatch.from_arrays(
        [pc.cast(cols[f.name], f.type) for f in LAKE_SCHEMA], schema=LAKE_SCHEMA
    )


def lake_table(table: pa.Table) -> pa.Table:
    """:func:`lake_batch` over a whole table, batch by batch (the local engine and Dask tasks use it)."""
    batches = [lake_batch(b) for b in table.to_batches(max_chunksize=BATCH_ROWS)]
    return pa.Table.from_batches(batches, schema=LAKE_SCHEMA)
