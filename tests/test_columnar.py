"""etl.columnar: the Arrow batch extraction gives exactly what etl.extract.extract gives, row for row."""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from etl import extract as extract_mod
from etl import sources
from etl.columnar import (
    INPUT_SCHEMA,
    OUTPUT_SCHEMA,
    extract_batch,
    mappings_to_batch,
    output_records,
    postings_to_batches,
)
from etl.evaluate import DEFAULT_LABELS, load_labels
from etl.extract import OUTPUT_KEYS, extract
from etl.record import Posting, Rejected, SourceError


def _same(got: list[dict[str, Any]], want: list[dict[str, Any]]) -> None:
    """Identical as JSON text, so 150000 and 150000.0 or a key order would differ too."""
    assert len(got) == len(want)
    for g, w in zip(got, want, strict=True):
        assert json.dumps(g, ensure_ascii=False, default=str) == json.dumps(
            w, ensure_ascii=False, default=str
        )


def test_output_schema_is_the_extract_contract_plus_error() -> None:
    assert tuple(OUTPUT_SCHEMA.names) == (*(k for k in OUTPUT_KEYS if k != "id"), "error")
    assert tuple(extract_mod.extract_columns([{"title": "Go dev"}])) == OUTPUT_KEYS  # extract's key order
    assert INPUT_SCHEMA.field("description").type == pa.large_string()


def test_labelled_set_identical_to_extract() -> None:
    items = [{k: v for k, v in p.items() if k != "expected"} for p in load_labels(DEFAULT_LABELS)]
    batch = mappings_to_batch(items)
    assert batch.schema == INPUT_SCHEMA and batch.num_rows == len(items)
    out = extract_batch(batch)
    assert out.schema == OUTPUT_SCHEMA and out.num_rows == len(items)
    _same(output_records(out, [i["id"] for i in items]), [extract(i) for i in items])


def test_golden_reference_identical_to_extract(golden_dir: Path) -> None:
    item = {"id": "golden", "title": "Senior Software Developer",
            "description": (golden_dir / "senior_software_developer.txt").read_text(encoding="utf-8")}
    _same(output_records(extract_batch(mappings_to_batch([item])), ["golden"]), [extract(item)])


@pytest.mark.shared
def test_every_shared_dataset_identical_to_extract(shared_datasets: Path) -> None:
    compared = 0
    for path in sorted(
        p for p in shared_datasets.rglob("*") if p.suffix.lower() in sources.SUPPORTED_SUFFIXES
    ):
        try:
            _fmt, records = sources.read(path)
            items = list(records)
        except SourceError:
            continue  # a format no adapter reads yet: nothing to compare
        postings = [p for p in items if isinstance(p, Posting)]
        got: list[dict[str, Any]] = []
        for batch, rejected in postings_to_batches(items, 256):
            assert all(isinstance(r, Rejected) for r in rejected)
            got += output_records(extract_batch(batch), batch.column("id").to_pylist())
        _same(got, [extract(p.as_extract_input()) for p in postings])
        compared += len(postings)
    assert compared > 5000


def test_batches_keep_order_and_set_rejects_aside() -> None:
    items: list[Posting | Rejected] = [
        Posting("x", n, source_id=str(n), title="Go developer") for n in range(1, 6)
    ]
    items.insert(2, Rejected("x", 99, "bad row", "{}"))
    batches = list(postings_to_batches(items, 2))
    assert [b.column("record_no").to_pylist() for b, _ in batches] == [[1, 2], [3, 4], [5]]
    assert [[r.record_no for r in rej] for _, rej in batches] == [[], [99], []]
    only_rejects = list(postings_to_batches([Rejected("x", 1, "bad", "")], 10))
    assert only_rejects[0][0].num_rows == 0 and len(only_rejects[0][1]) == 1


def test_pure_repeatable_and_missing_columns_are_null() -> None:
    items: list[dict[str, Any]] = [
        {
            "id": "a",
            "title": "Senior Rust Engineer",
            "location": "Berlin",
            "salary_text": "€90.000",
            "posted_date": "2023-04-01",
        },
        {"id": 7, "title": 12345, "salary_min": "100,000", "remote_hint": "yes", "posted_date": "soon"},
    ]
    batch = mappings_to_batch(items)
    first, second = extract_batch(batch), extract_batch(batch)
    assert first.equals(second)
    _same(output_records(first, [i["id"] for i in items]), [extract(i) for i in items])
    narrow = pa.RecordBatch.from_pydict({"title": ["Staff Engineer"], "description": ["Kotlin and AWS."]})
    _same(
        output_records(extract_batch(narrow)),
        [extract({"title": "Staff Engineer", "description": "Kotlin and AWS."})],
    )
    assert extract_batch(mappings_to_batch([])).num_rows == 0
    assert mappings_to_batch([{"posted_date": "2021"}]).column("posted_date").to_pylist() == [
        date(2021, 1, 1)
    ]


def test_a_row_that_fails_is_an_error_row_and_the_others_stay(monkeypatch: pytest.MonkeyPatch) -> None:
    # a rule that raises on one posting: the batch (run stage by stage) is redone row by row
    real = extract_mod.classify_roles_family

    def failing(roles: Sequence[str] | None, title: str | None, text: str | None = None,
                heading: str | None = None, said: Sequence[str] | None = None) -> str:
        if title == "x":
            raise ValueError("broken rule")
        return real(roles, title, text, heading, said)

    monkeypatch.setattr(extract_mod, "classify_roles_family", failing)
    items = [{"id": "a", "title": "Go dev"}, {"id": "boom", "title": "x"}, {"id": "c", "title": "SRE"}]
    out = extract_batch(mappings_to_batch(items))
    assert out.column("error").to_pylist() == [None, "extraction failed: ValueError: broken rule", None]
    assert out.column("clean_title").to_pylist() == ["Go dev", None, "SRE"]
    monkeypatch.setattr(extract_mod, "classify_roles_family", real)
    _same(output_records(out.filter(pa.array([True, False, True])), ["a", "c"]),
          [extract(items[0]), extract(items[2])])


def test_structured_degree_travels_through_the_batch() -> None:
    # France Travail's formations as degree_hint (labelling guide): the batch path reads it as extract does
    items = [{"id": "a", "title": "Ingénieur", "description": "Travail en équipe.", "degree_hint": "master"},
             {"id": "b", "title": "Ingénieur", "description": "Bac+5 souhaité.", "degree_hint": "none"}]
    got = output_records(extract_batch(mappings_to_batch(items)), ["a", "b"])
    assert [g["degree"] for g in got] == ["master", None] == [extract(i)["degree"] for i in items]
