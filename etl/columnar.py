"""Extraction as one pure function over Arrow batches: ``extract_batch(INPUT_SCHEMA) -> OUTPUT_SCHEMA``.

Why: ``etl load``, ``etl extract``, ``etl evaluate``, the benchmarks and a distributed engine (which maps
a function over Arrow batches, e.g. Spark's ``mapInArrow``) must all run the same extraction. Arrow
batches cross process boundaries cheaply (workers, an engine's tasks) and reach DuckDB and Parquet
without per-row Python objects, so the unit of work is a batch, not a record.

:func:`extract_batch` is pure: output row *i* is the extraction of input row *i* (same count, same
order); it reads no file and no network, and keeps no state between calls beyond the read-only rule
tables the normalisers load once per process. Each row's values are exactly those of
:func:`etl.extract.extract` on the same posting (a test compares them on the labelled set, the golden
reference and every shared dataset). A row whose extraction raises gets its message in ``error`` and
nulls elsewhere, so one bad record never loses the batch.

Input schema (``INPUT_SCHEMA``; a column missing from a batch counts as all-null):

==================  ============  ==================================================================
column              type          meaning
==================  ============  ==================================================================
record_no           int64         1-based position in the source file (passed through, not read)
source              string        adapter name (whose remote_hint is: etl/data/remote_flags.yaml)
id                  string        the source's own id (passed through)
url                 string        link to the posting (passed through)
title               string        raw title
company             string        raw company
location            string        raw location text
salary_text         string        raw salary text
salary_min          float64       structured salary, low end (source field)
salary_max          float64       structured salary, high end
salary_currency     string        ISO 4217 if the source says
salary_period       string        hour | day | week | month | year, as the source says
description         large_string  raw description
description_format  string        text | html | markdown (null: text)
posted_date         date32        posting date (its year picks the FX rate; null: this year)
remote_hint         bool          the source's own remote flag
level_hint          string        the source's seniority label
experience_min      float64       structured years of experience asked, low end (source field)
experience_max      float64       structured years of experience asked, high end
degree_hint         string        structured degree asked: bachelor | master | phd | none (below one)
skill_tags          string        the source's technology tags, "; "-separated
job_type            string        full-time, contract, ... (passed through)
country_hint        string        ISO 3166-1 alpha-2 when the source states it
==================  ============  ==================================================================

Output schema (``OUTPUT_SCHEMA``): the keys of :data:`etl.extract.OUTPUT_KEYS` except ``id``, with
the same meaning, plus ``error``. ``skills`` and ``responsibilities`` are sorted lists of names;
``salary`` (min, max, currency, period), ``experience_years`` (min, max), ``salary_annual`` (min,
max) and ``salary_usd`` (min, max, mid) are structs, null where the dict has None; numbers are
float64 (the dict's ints are whole floats here); ``clean_description`` is large_string; ``error`` is
null, or "extraction failed: ..." for a row whose extraction raised.

Helpers: :func:`postings_to_batches` turns an adapter's records into input batches (and sets the
rejected ones aside), :func:`mappings_to_batch` does the same for ``extract`` input mappings (the
JSON Lines of ``etl extract``, the labelled set), and :func:`output_records` turns an output batch
back into the dicts :func:`etl.extract.extract` returns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date, datetime
from typing import Any

import pyarrow as pa

from etl.extract import OUTPUT_KEYS, clean_texts, extract, extract_columns
from etl.record import Posting, Rejected

INPUT_SCHEMA = pa.schema(
    [
        ("record_no", pa.int64()),
        ("source", pa.string()),
        ("id", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("company", pa.string()),
        ("location", pa.string()),
        ("salary_text", pa.string()),
        ("salary_min", pa.float64()),
        ("salary_max", pa.float64()),
        ("salary_currency", pa.string()),
        ("salary_period", pa.string()),
        ("description", pa.large_string()),
        ("description_format", pa.string()),
        ("posted_date", pa.date32()),
        ("remote_hint", pa.bool_()),
        ("level_hint", pa.string()),
        ("experience_min", pa.float64()),
        ("experience_max", pa.float64()),
        ("degree_hint", pa.string()),
        ("skill_tags", pa.string()),
        ("job_type", pa.string()),
        ("country_hint", pa.string()),
    ]
)

# The columns extract() reads, and the input key each one is passed as.
_EXTRACT_INPUTS = (
    "id",
    "source",
    "title",
    "company",
    "location",
    "salary_text",
    "salary_min",
    "salary_max",
    "salary_currency",
    "salary_period",
    "description",
    "description_format",
    "posted_date",
    "remote_hint",
    "level_hint",
    "experience_min",
    "experience_max",
    "degree_hint",
    "skill_tags",
    "country_hint",
)

_F = pa.float64()
_S = pa.string()
OUTPUT_SCHEMA = pa.schema(
    [
        ("skills", pa.list_(_S)),
        ("responsibilities", pa.list_(_S)),
        ("salary", pa.struct([("min", _F), ("max", _F), ("currency", _S), ("period", _S)])),
        ("experience_years", pa.struct([("min", _F), ("max", _F)])),
        ("seniority", _S),
        ("remote", _S),
        ("country", _S),
        ("region", _S),
        ("city", _S),
        ("degree", _S),
        ("metro", _S),
        ("role_family", _S),
        ("is_senior", pa.bool_()),
        ("salary_annual", pa.struct([("min", _F), ("max", _F)])),
        ("salary_usd", pa.struct([("min", _F), ("max", _F), ("mid", _F)])),
        ("salary_plausible", pa.bool_()),
        ("salary_band", _S),
        ("language", _S),  # issue 9: ISO 639-1 of the text
        ("clean_title", _S),
        ("clean_company", _S),
        ("clean_description", pa.large_string()),
        ("error", _S),
    ]
)
_OUTPUT_FIELDS = tuple(k for k in OUTPUT_KEYS if k != "id")
_STRUCTS = tuple(f.name for f in OUTPUT_SCHEMA if pa.types.is_struct(f.type))


def extract_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The extraction of every row of ``batch`` (INPUT_SCHEMA) as one OUTPUT_SCHEMA batch, row for row."""
    n = batch.num_rows
    names = set(batch.schema.names)
    columns = {k: batch.column(k).to_pylist() if k in names else [None] * n for k in _EXTRACT_INPUTS}
    items = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    try:
        out = extract_columns(items)  # stage by stage, column by column: the fast path
        out["error"] = [None] * n
    except Exception:  # some row raised: redo the batch row by row to learn which (the others are kept)
        out = {k: [] for k in OUTPUT_SCHEMA.names}
        for item in items:
            try:
                row: dict[str, Any] | None = extract(item)
                error = None
            except Exception as exc:  # a bug on one record must not lose the others: quarantined
                row, error = None, f"extraction failed: {type(exc).__name__}: {exc}"[:300]
            for k in _OUTPUT_FIELDS:
                out[k].append(None if row is None else row[k])
            out["error"].append(error)
    return pa.RecordBatch.from_arrays(
        [pa.array(out[f.name], f.type) for f in OUTPUT_SCHEMA], schema=OUTPUT_SCHEMA
    )


def clean_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """An OUTPUT_SCHEMA batch holding only the cleaned title, company and description of each row (every
    other field null): what a row the warehouse already holds needs to be recorded as a duplicate, or
    quarantined when no text is left (the loader skips its extraction: etl/warehouse/batch.py)."""
    n = batch.num_rows
    names = set(batch.schema.names)
    columns = {k: batch.column(k).to_pylist() if k in names else [None] * n
               for k in ("title", "company", "description", "description_format")}
    gets = [dict(zip(columns, values, strict=True)).get for values in zip(*columns.values(), strict=True)]
    cleaned = dict(zip(("clean_title", "clean_company", "clean_description"), clean_texts(gets), strict=True))
    return pa.RecordBatch.from_arrays(
        [pa.array(cleaned[f.name], f.type) if f.name in cleaned else pa.nulls(n, f.type)
         for f in OUTPUT_SCHEMA],
        schema=OUTPUT_SCHEMA,
    )


# -- input batches --------------------------------------------------------------------------


def _text(value: Any) -> str | None:
    """As :func:`etl.extract._text`: None, NaN and non-text values handled without raising."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


def _amount(value: Any) -> float | None:
    """A structured amount as a float: what salary_from_fields would read from it (None if unreadable)."""
    if value is None:
        return None
    try:
        num = float(str(value).replace(",", "").strip())
    except ValueError:
        return None
    return num if num == num else None


def _date(value: Any) -> date | None:
    """A posting date: dates as they are; text by its ISO date, else by a leading year (only the year
    is read)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        pass
    if len(text) >= 4 and text[:4].isdigit() and int(text[:4]) >= 1:
        return date(int(text[:4]), 1, 1)
    return None


def _batch(columns: Mapping[str, list[Any]]) -> pa.RecordBatch:
    return pa.RecordBatch.from_arrays(
        [pa.array(columns[f.name], f.type) for f in INPUT_SCHEMA], schema=INPUT_SCHEMA
    )


def postings_batch(postings: Sequence[Posting]) -> pa.RecordBatch:
    """An INPUT_SCHEMA batch of adapter postings, in order."""
    return _batch(
        {
            "record_no": [p.record_no for p in postings],
            "source": [p.source for p in postings],
            "id": [p.source_id for p in postings],
            "url": [p.url for p in postings],
            "title": [p.title for p in postings],
            "company": [p.company for p in postings],
            "location": [p.location for p in postings],
            "salary_text": [p.salary_text for p in postings],
            "salary_min": [_amount(p.salary_min) for p in postings],
            "salary_max": [_amount(p.salary_max) for p in postings],
            "salary_currency": [p.salary_currency for p in postings],
            "salary_period": [p.salary_period for p in postings],
            "description": [p.description for p in postings],
            "description_format": [p.description_format for p in postings],
            "posted_date": [_date(p.posted_date) for p in postings],
            "remote_hint": [p.remote_hint if isinstance(p.remote_hint, bool) else None for p in postings],
            "level_hint": [p.level_hint for p in postings],
            "experience_min": [_amount(p.experience_min) for p in postings],
            "experience_max": [_amount(p.experience_max) for p in postings],
            "degree_hint": [p.degree_hint for p in postings],
            "skill_tags": [p.skill_tags for p in postings],
            "job_type": [p.job_type for p in postings],
            "country_hint": [p.country_hint for p in postings],
        }
    )


def postings_to_batches(
    items: Iterable[Posting | Rejected], size: int
) -> Iterator[tuple[pa.RecordBatch, list[Rejected]]]:
    """An adapter's records as (input batch of up to ``size`` postings, the rejected records among them)."""
    postings: list[Posting] = []
    rejected: list[Rejected] = []
    for item in items:
        if isinstance(item, Rejected):
            rejected.append(item)
            continue
        postings.append(item)
        if len(postings) >= size:
            yield postings_batch(postings), rejected
            postings, rejected = [], []
    if postings or rejected:
        yield postings_batch(postings), rejected


def mappings_to_batch(items: Sequence[Mapping[str, Any]]) -> pa.RecordBatch:
    """An INPUT_SCHEMA batch of ``extract`` input mappings (the keys of ``Posting.as_extract_input``)."""
    cols: dict[str, list[Any]] = {f.name: [] for f in INPUT_SCHEMA}
    for item in items:
        get = item.get
        for name in (
            "id",
            "title",
            "company",
            "location",
            "salary_text",
            "salary_currency",
            "salary_period",
            "description",
            "description_format",
            "level_hint",
            "degree_hint",
            "country_hint",
            "url",
            "source",
            "job_type",
            "skill_tags",
        ):
            cols[name].append(_text(get(name)))
        cols["record_no"].append(None)
        cols["salary_min"].append(_amount(get("salary_min")))
        cols["salary_max"].append(_amount(get("salary_max")))
        cols["experience_min"].append(_amount(get("experience_min")))
        cols["experience_max"].append(_amount(get("experience_max")))
        cols["posted_date"].append(_date(get("posted_date")))
        hint = get("remote_hint")
        cols["remote_hint"].append(hint if isinstance(hint, bool) else None)
    return _batch(cols)


# -- output as records ----------------------------------------------------------------------


def _num(value: float | None) -> float | int | None:
    """As :func:`etl.extract._num`: whole numbers as int."""
    if value is None:
        return None
    value = round(float(value), 2)
    return int(value) if value.is_integer() else value


def output_records(out: pa.RecordBatch, ids: Sequence[Any] | None = None) -> list[dict[str, Any]]:
    """The rows of an OUTPUT_SCHEMA batch as :func:`etl.extract.extract` dicts (``error`` kept when set)."""
    rows = out.to_pylist()
    ids = ids if ids is not None else [None] * len(rows)
    records = []
    for row, ident in zip(rows, ids, strict=True):
        rec: dict[str, Any] = {"id": ident}
        for key in _OUTPUT_FIELDS:
            value = row[key]
            if key in _STRUCTS and value is not None:
                value = {k: v if isinstance(v, str) else _num(v) for k, v in value.items()}
            rec[key] = value
        if row["error"] is not None:
            rec["error"] = row["error"]
        records.append(rec)
    return records
