"""A refresh load skips the extraction of postings the warehouse already holds (issue 10's nightly refresh).

A scraper's files overlap: most postings of tonight's file were loaded last night. They end as duplicates
whatever their text says, so extracting them is wasted work; the loader finds them by their source id or
URL against the warehouse's keys before extraction and extracts only the rest. What a duplicate row keeps
(its cleaned title and company) and every decision stay as they were (tests/test_dedupe.py's sequential
rule covers the decisions across two files).
"""

from __future__ import annotations

import json
from concurrent.futures import Future
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pytest

from etl.warehouse import batch as batch_mod
from etl.warehouse import loader as loader_mod
from etl.warehouse import paths
from etl.warehouse.loader import load_paths


def _write(path: Path, rows: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _row(k: int, **extra: Any) -> dict[str, Any]:
    return {"id": f"j{k}", "url": f"https://jobs.example/{k}", "title": f"Senior Go Engineer  #{k}",
            "company": "  Acme &amp; Co ", "location": "Berlin",
            "description": f"<p>Build Go services {k}.</p>",
            **extra}


@pytest.fixture
def extracted(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Rows each extraction call received, in the loading process or sent to a worker (the real extraction
    runs: this only counts)."""
    seen: list[int] = []
    real = batch_mod.extract_batch
    submit = batch_mod.BatchWriter._submit

    def counting(batch: pa.RecordBatch) -> pa.RecordBatch:
        seen.append(batch.num_rows)
        return real(batch)

    def counting_submit(self: batch_mod.BatchWriter, batch: pa.RecordBatch) -> Future[bytes]:
        seen.append(batch.num_rows)
        return submit(self, batch)

    monkeypatch.setattr(batch_mod, "extract_batch", counting)
    monkeypatch.setattr(batch_mod.BatchWriter, "_submit", counting_submit)
    return seen


def _duplicates(db: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        return con.execute("""SELECT d.record_no, d.reason, d.title, d.company, p.record_no
                              FROM duplicate_postings d JOIN postings p ON p.posting_id = d.duplicate_of
                              ORDER BY d.record_no""").fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("workers", [1, 2])
def test_a_refresh_extracts_only_the_new_postings(tmp_path: Path, extracted: list[int], workers: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """In the loading process and through the worker processes (the rows sent to them counted)."""
    monkeypatch.setattr(batch_mod, "POOL_FROM_BATCHES", 1)  # one batch each: through the pool when 2 workers
    db = tmp_path / "wh.duckdb"
    load_paths([_write(tmp_path / "night1.jsonl", [_row(k) for k in range(10)])], db, progress=False,
               workers=workers)
    assert sum(extracted) == 10
    extracted.clear()
    # tonight: postings 5-9 again (by id; 7 also under a new URL; 8 by its URL only) and three new ones
    tonight = [_row(k) for k in (5, 6)] + [_row(7, url="https://jobs.example/7?ref=x2")]
    tonight += [_row(8, id=None), _row(9), *(_row(k) for k in (10, 11, 12))]
    summary = load_paths([_write(tmp_path / "night2.jsonl", tonight)], db, progress=False, workers=workers)
    assert sum(extracted) == 3  # only postings 10-12
    (f,) = summary.files
    assert (f.read, f.loaded, f.duplicates, f.rejected) == (8, 3, 5, 0)
    dups = _duplicates(db)
    assert [(no, reason, first) for no, reason, _t, _c, first in dups] == [
        (1, "same_source_id", 6), (2, "same_source_id", 7), (3, "same_source_id", 8), (4, "same_url", 9),
        (5, "same_source_id", 10)]
    # a duplicate keeps its cleaned title and company as before (whitespace and entities tidied)
    assert {(t, c) for _n, _r, t, c, _f in dups[:1]} == {("Senior Go Engineer #5", "Acme & Co")}


def test_the_same_rows_loaded_whole_and_as_a_refresh_end_alike(tmp_path: Path, extracted: list[int],
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The refresh against a load extracting every row (``ETL_SKIP_KNOWN=0``): every posting, duplicate
    (reason, canonical, title, company) and rejected row the same. A known posting with no text left is still
    quarantined, not counted as a duplicate; a known posting's title and company are cleaned as extraction
    cleans them (entities, spaces, a company of zeros is none)."""
    first = [_row(k) for k in range(5)]
    second = [_row(1), _row(2, title="", description="<p> </p>"), _row(3, title="Staff Rust Dev &amp; SRE"),
              _row(4, company=" 0 "), _row(5), _row(0, title=" ", company="0.0")]
    outcomes = []
    for skip in (False, True):
        monkeypatch.setattr(batch_mod, "SKIP_KNOWN", skip)
        db = tmp_path / f"skip-{skip}.duckdb"
        load_paths([_write(tmp_path / "1.jsonl", first)], db, progress=False, workers=1)
        extracted.clear()
        s = load_paths([_write(tmp_path / "2.jsonl", second)], db, progress=False, workers=1)
        assert sum(extracted) == (1 if skip else 6)
        (f,) = s.files
        assert (f.loaded, f.duplicates, f.rejected) == (1, 4, 1)
        assert f.reasons.get("missing title and description") == 1
        outcomes.append((_outcome(db), _duplicates(db), _rejected(db)))
    assert outcomes[0] == outcomes[1]
    kept = [(no, t, c) for no, _r, t, c, _f in outcomes[1][1]]
    assert kept == [(1, "Senior Go Engineer #1", "Acme & Co"), (3, "Staff Rust Dev & SRE", "Acme & Co"),
                    (4, "Senior Go Engineer #4", None), (6, None, None)]


def _rejected(db: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        return con.execute("SELECT run_id, record_no, reason FROM rejected_rows ORDER BY ALL").fetchall()
    finally:
        con.close()


class _DeadPool:
    """An executor whose every worker has died: each future fails as a killed worker's does."""

    def submit(self, *_args: Any, **_kwargs: Any) -> Future[bytes]:
        future: Future[bytes] = Future()
        future.set_exception(BrokenProcessPool("a worker died"))
        return future

    def shutdown(self, wait: bool = True, cancel_futures: bool = False) -> None:
        pass


def _outcome(db: Path) -> list[tuple[Any, ...]]:
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        return con.execute("""SELECT 'p', run_id, record_no, posting_id, title, NULL FROM postings
                              UNION ALL SELECT 'd', run_id, record_no, duplicate_of, title, reason
                              FROM duplicate_postings ORDER BY ALL""").fetchall()
    finally:
        con.close()


def test_a_refresh_after_a_worker_died_ends_as_in_process(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches in flight when the worker dies (some known, some new, a posting repeated across batches) are
    finished in the loading process in file order: the later batches wait for them."""
    monkeypatch.setattr(loader_mod, "BATCH_SIZE", 2)
    night1 = [_row(k) for k in range(6)]
    # tonight: known and new rows interleaved; posting 20 twice, in the first and the fifth batch
    tonight = [_row(k) for k in (20, 1, 21, 22, 3, 23, 4, 24, 20, 25)]
    outcomes = []
    for workers in (1, 2):
        db = tmp_path / f"w{workers}.duckdb"
        monkeypatch.setattr(batch_mod, "_pool", lambda _n: _DeadPool())
        load_paths([_write(tmp_path / "1.jsonl", night1)], db, progress=False, workers=workers)
        load_paths([_write(tmp_path / "2.jsonl", tonight)], db, progress=False, workers=workers)
        outcomes.append(_outcome(db))
    assert outcomes[0] == outcomes[1]
    assert ("d", 2, 9, 7, "Senior Go Engineer #20", "same_source_id") in outcomes[1]
