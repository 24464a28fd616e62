"""What crosses between the loader and its extraction workers: Arrow IPC bytes of only the batch's rows.

A batch an adapter yields is often a slice of a larger block; pickled, it carried every buffer whole (8.0 MB
for 4.4 MB of rows on the load bench's file). The workers now get and return IPC streams, and the input
columns the writer passes on stay in the loader; a load through workers writes exactly what a load in one
process writes.
"""

from __future__ import annotations

import pickle
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from etl.columnar import INPUT_SCHEMA
from etl.demo import write_raw
from etl.warehouse import batch as batch_mod
from etl.warehouse import loader as loader_mod
from etl.warehouse import paths
from etl.warehouse.batch import _PASSED, _extract_batch, _over_ipc, _with_passed, from_ipc, to_ipc
from etl.warehouse.loader import load_paths


def _input_batch(n: int) -> pa.RecordBatch:
    rows: dict[str, list[Any]] = {f.name: [None] * n for f in INPUT_SCHEMA}
    rows.update(
        record_no=list(range(1, n + 1)),
        source=["jobspy"] * n,
        id=[f"id{i}" for i in range(n)],
        url=[f"https://example.com/jobs/{i}?utm_source=x" for i in range(n)],
        title=[f"Senior Python engineer {i}" for i in range(n)],
        company=[f"Acme {i % 7} GmbH" for i in range(n)],
        location=["Berlin, Germany" if i % 2 else None for i in range(n)],
        description=[f"We build tools with Python, SQL and Docker. Posting {i}. " * 20 for i in range(n)],
    )
    return pa.RecordBatch.from_pydict(rows, schema=INPUT_SCHEMA)


def test_a_slice_crosses_as_only_its_rows_and_comes_back_equal() -> None:
    whole = _input_batch(400)
    part = whole.slice(100, 100)
    sent = to_ipc(part)
    assert from_ipc(sent).equals(part)
    # the slice's bytes, not its parent's: pickle sends the parent's buffers whole
    assert len(sent) < 0.35 * len(to_ipc(whole))
    assert len(sent) < 0.5 * len(pickle.dumps(part))


def test_the_workers_unit_over_ipc_equals_it_in_process() -> None:
    batch = _input_batch(30).slice(5, 20)
    got = from_ipc(_over_ipc(_extract_batch, to_ipc(batch)))
    want = _extract_batch(batch)
    assert got.equals(want)  # structs, lists, large strings and nulls survive the stream
    joined = _with_passed(batch, got)
    assert joined.schema.names[: len(_PASSED)] == list(_PASSED)
    for name in _PASSED:
        assert joined.column(name).equals(batch.column(name))
    assert joined.column("fingerprint").null_count == 0 and joined.column("url_key").null_count == 0


def _dump(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        out = {}
        for table in ("postings", "duplicate_postings", "rejected_rows", "posting_skills", "posting_keys"):
            out[table] = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        out["load_runs"] = con.execute(
            "SELECT * EXCLUDE (started_at, finished_at) FROM load_runs ORDER BY ALL").fetchall()
        return out
    finally:
        con.close()


def test_a_load_through_workers_writes_what_a_load_in_one_process_writes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, 400, seed=5)
    monkeypatch.setattr(loader_mod, "BATCH_SIZE", 37)  # many batches through the pool, slices of blocks
    monkeypatch.setattr(batch_mod, "WRITE_ROWS", 150)
    monkeypatch.setattr(batch_mod, "POOL_FROM_BATCHES", 1)  # the files of one batch through the pool too
    one = load_paths([raw], tmp_path / "one.duckdb", progress=False, workers=1)
    two = load_paths([raw], tmp_path / "two.duckdb", progress=False, workers=2)
    assert one.totals() == two.totals() and one.totals()["loaded"] > 0 and one.totals()["duplicates"] > 0
    got, want = _dump(tmp_path / "two.duckdb"), _dump(tmp_path / "one.duckdb")
    for table in want:
        assert got[table] == want[table], table
