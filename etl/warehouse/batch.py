"""Turning batches of adapter output into warehouse rows, column by column.

Why: the per-record work of a load is the hot path, so it runs over Arrow batches.
Extraction is :func:`etl.columnar.extract_batch` (the same function as ``etl extract``,
``etl evaluate`` and the benchmarks), fanned out to worker processes for a file of two batches
or more (a smaller one is extracted in the loading process: POOL_FROM_BATCHES); a worker also
computes the duplicate keys, so the loading process only decides duplicates (a join
in DuckDB, see dedupe.py) and appends whole batches to the tables by column name.
No per-row tuples or dicts on the way: rows reach DuckDB as registered Arrow tables,
one ``INSERT ... SELECT`` per table per write.
"""

from __future__ import annotations

import itertools
import json
import multiprocessing
import os
import select
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.compute as pc

from etl.columnar import clean_batch, extract_batch
from etl.normalize.skills import taxonomy
from etl.processes import plain_main
from etl.record import Rejected
from etl.warehouse.dedupe import add_keys, decide, fingerprint, known_rows, normalise_url
from etl.warehouse.timings import Timings, stamp


@dataclass
class FileCounts:
    """What one file's records became; the loader adds them to the file's result (it owns that)."""

    read: int = 0
    loaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    reasons: dict[str, int] = field(default_factory=dict)

    def count(self, reason: str, n: int = 1) -> None:
        self.reasons[reason] = self.reasons.get(reason, 0) + n


# ETL_SKIP_KNOWN=0: rows the warehouse holds are extracted too (as before 6 Dec 2026): the bench's baseline
SKIP_KNOWN = os.environ.get("ETL_SKIP_KNOWN", "1") != "0"
WRITE_ROWS = 20_000  # postings per dedupe join and insert: the join scans posting_keys once per write
# A file whose input is fewer batches than this is extracted in the loading process, by the same function:
# a pool gives a lone batch nothing to overlap (the loader waits for it either way) and starting one costs
# about 0.8 s (a fork server importing etl.columnar, then a worker), which every two-row load paid. The pool
# starts at a load's first file of two batches or more; the tests of the pool path set 1.
POOL_FROM_BATCHES = 2
# input columns the writer needs besides the extraction's output (the raw description and title are not)
_PASSED = ("record_no", "source", "id", "url", "location", "salary_text", "posted_date", "job_type")

# postings column <- SQL over the prepared batch `_w`
POSTING_SELECT = {
    "posting_id": "posting_id",
    "run_id": "$run_id",
    "record_no": "record_no",
    "source": "source",
    "source_id": "id",
    "url": "url",
    "title": "clean_title",
    "company": "clean_company",
    "location_raw": "location",
    "salary_text": "salary_text",
    "description": "clean_description",
    "posted_date": "posted_date",
    "posted_month": "date_trunc('month', posted_date)::DATE",
    "job_type": "job_type",
    "seniority": "seniority",
    "is_senior": "is_senior",
    "role_family": "role_family",
    "experience_min": "experience_years.min",
    "experience_max": "experience_years.max",
    "degree": "degree",
    "salary_min": "salary.min",
    "salary_max": "salary.max",
    "salary_currency": "salary.currency",
    "salary_period": "salary.period",
    "salary_annual_min": "salary_annual.min",
    "salary_annual_max": "salary_annual.max",
    "salary_usd_min": "salary_usd.min",
    "salary_usd_max": "salary_usd.max",
    "salary_usd_mid": "salary_usd.mid",
    "salary_plausible": "salary_plausible",
    "salary_band": "salary_band",
    "remote": "remote",
    "city": "city",
    "region": "region",
    "country": "country",
    "metro": "metro",
    "fingerprint": "fingerprint",
    "language": "language",  # issue 9: ISO 639-1 of the text (etl/normalize/language.py)
}
# duplicate_postings column <- SQL: the posting's identifying columns as postings gets them, and why
DUPLICATE_SELECT = {
    **{column: POSTING_SELECT[column]
       for column in ("run_id", "record_no", "source", "source_id", "url", "title", "company",
                      "posted_date")},
    "reason": "reason",
    "duplicate_of": "duplicate_of",
}


def _extract_batch(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The worker's unit: extraction plus the duplicate keys, as one batch (OUTPUT_SCHEMA's columns,
    ``url_key`` and ``fingerprint``); the loader joins it to the input columns it passes on (_PASSED), which
    it holds already, so they do not travel back from a worker."""
    started = time.process_time()
    out = extract_batch(batch)
    extracted = time.process_time()
    cols = {name: out.column(name) for name in out.schema.names}
    loc = batch.column("location").to_pylist()
    company, title, desc = (
        out.column(c).to_pylist() for c in ("clean_company", "clean_title", "clean_description")
    )
    cols["url_key"] = pa.array([normalise_url(u) for u in batch.column("url").to_pylist()], pa.string())
    cols["fingerprint"] = pa.array(
        [fingerprint(*row) for row in zip(company, title, loc, desc, strict=True)], pa.string()
    )
    return stamp(
        pa.RecordBatch.from_pydict(cols), extract=extracted - started, keys=time.process_time() - extracted
    )


def _known_result(batch: pa.RecordBatch) -> pa.RecordBatch:
    """The worker's result for rows the warehouse already holds (by source id or URL): no extraction, only
    the cleaned text a duplicate row keeps, and the URL key; no fingerprint (a duplicate's is never used)."""
    out = clean_batch(batch)
    url_key = pa.array([normalise_url(u) for u in batch.column("url").to_pylist()], pa.string())
    return pa.RecordBatch.from_arrays([*out.columns, url_key, pa.nulls(batch.num_rows, pa.string())],
                                      names=[*out.schema.names, "url_key", "fingerprint"])


def _merged(known: np.ndarray, extracted: pa.RecordBatch, cleaned: pa.RecordBatch) -> pa.RecordBatch:
    """The results of the extracted rows (``~known``) and of the known ones, back in the batch's row order."""
    order = np.concatenate([np.flatnonzero(~known), np.flatnonzero(known)])
    table = pa.Table.from_batches([extracted, cleaned.cast(extracted.schema)])
    return table.take(pa.array(np.argsort(order, kind="stable"))).combine_chunks().to_batches()[0]


def to_ipc(batch: pa.RecordBatch) -> bytes:
    """``batch`` as the bytes of an Arrow IPC stream: what crosses to and from a worker.

    Why: pickling a RecordBatch copies each buffer several times and sends whole buffers, also the parts
    outside the batch (an adapter's batch is a slice of a larger block: its buffers held 8.0 MB for 4.4 MB
    of rows on the bench's file); the IPC stream writes only the batch's rows, once. Measured on that file
    (docs/performance.md, issue 10's load split): 1.4 against 7-10 µs a posting to write, 0.3 against 2.4-4.8
    to read, 24 against 49 MB per 12,000 postings through the pipe."""
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, batch.schema) as writer:
        writer.write_batch(batch)
    return sink.getvalue().to_pybytes()


def from_ipc(data: bytes) -> pa.RecordBatch:
    """The batch :func:`to_ipc` wrote."""
    return pa.ipc.open_stream(pa.py_buffer(data)).read_next_batch()


def _over_ipc(work: Callable[[pa.RecordBatch], pa.RecordBatch], data: bytes) -> bytes:
    """What a worker runs: ``work`` (``_extract_batch``, looked up when submitted so a test can replace it)
    on a batch that came as IPC bytes, its result sent back the same way."""
    return to_ipc(work(from_ipc(data)))


def _exit_with_loader(loader_pid: int) -> None:
    """Worker initializer: the worker exits as soon as the loading process is gone.

    A worker's parent is the fork server, and the fork server stays up while any worker holds its
    "alive" pipe, so neither notices a loader killed by SIGKILL or the OOM killer: they would wait
    forever on a queue nobody writes. A thread here waits on a pidfd of the loader (readable when it
    exits) and ends the worker; with every worker gone the fork server and the resource tracker see
    their pipes close and exit too."""
    try:
        fd = os.pidfd_open(loader_pid)
    except ProcessLookupError:
        os._exit(1)
    except (OSError, AttributeError):  # no pidfd (not Linux 5.3+): poll instead
        fd = -1

    def watch() -> None:
        if fd >= 0:
            select.select([fd], [], [])
        else:
            while os.getppid() != 1 and _alive(loader_pid):
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-loader", daemon=True).start()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _pool(n: int) -> ProcessPoolExecutor:
    """Extraction workers. Started from a fork server, never by forking this process: a load has DuckDB
    threads running, and forking a multi-threaded process can deadlock the child on a lock a thread held.
    An executor, not a multiprocessing.Pool: when a worker dies, a Pool silently respawns it and the load
    waits forever, while an executor raises BrokenProcessPool and the load goes on in this process."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["etl.columnar"])
    return ProcessPoolExecutor(n, mp_context=ctx, initializer=_exit_with_loader, initargs=(os.getpid(),))


Prepared = tuple[pa.RecordBatch, list[Rejected], pa.RecordBatch]
# a batch on its way: (batch, its rejected records, the rows the warehouse holds or None, the rows to extract,
# the extraction's future or None when nothing is left to extract)
InFlight = tuple[pa.RecordBatch, list[Rejected], "np.ndarray | None", pa.RecordBatch, "Future[bytes] | None"]


def _with_passed(batch: pa.RecordBatch, result: pa.RecordBatch) -> pa.RecordBatch:
    """The worker's result with the input columns the writer passes on (_PASSED) in front, as the writer
    reads them."""
    names = [*_PASSED, *result.schema.names]
    return pa.RecordBatch.from_arrays([*(batch.column(c) for c in _PASSED), *result.columns], names=names)


class BatchWriter:
    """Writes batches into the version being built; duplicates are decided against ``posting_keys``."""

    def __init__(
        self, con: duckdb.DuckDBPyConnection, workers: int | None = None, timings: Timings | None = None
    ) -> None:
        self.con = con
        self.timings = timings or Timings(False)
        self.next_id = int(con.execute("SELECT coalesce(max(posting_id), 0) + 1 FROM postings").fetchone()[0])  # type: ignore[index]
        self._committed_next_id = self.next_id
        skills = taxonomy()
        self.categories = pa.table(
            {"skill": [s.name for s in skills], "category": [s.category for s in skills]}
        )
        self.check_known = False  # set per file: whether the warehouse held keys when the file began
        n = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.workers = n
        self.pool: ProcessPoolExecutor | None = None  # started by the first file that needs it (_extracted)
        self._in_process = n <= 1  # one worker, or a worker died: the rest of the load extracts here

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def commit(self) -> None:
        self._committed_next_id = self.next_id

    def rollback(self) -> None:
        """The id counter back to the start of the failed file (its rows are gone: :meth:`discard_run`)."""
        self.next_id = self._committed_next_id

    def discard_run(self, run_id: int) -> None:
        """Delete every row a failed file's writes committed (the loader commits write by write): its
        postings, duplicates and rejected rows by run, its skills and keys by the posting ids it took
        (from the file's first id on: ids are given in order)."""
        first = self._committed_next_id
        for table in ("postings", "duplicate_postings", "rejected_rows"):
            self.con.execute(f"DELETE FROM {table} WHERE run_id = ?", [run_id])
        for table in ("posting_skills", "posting_keys"):
            self.con.execute(f"DELETE FROM {table} WHERE posting_id >= ?", [first])

    def _extracted(self, batches: Iterator[tuple[pa.RecordBatch, list[Rejected]]]) -> Iterator[Prepared]:
        """Batches with their extraction, in order; at most 2 batches per worker in flight (bounded
        memory). Rows the warehouse already holds are not extracted (:meth:`_known`); a file of fewer than
        POOL_FROM_BATCHES batches is extracted in this process."""
        inflight: deque[InFlight] = deque()
        read = self._read(batches)
        first = list(itertools.islice(read, POOL_FROM_BATCHES))  # read ahead: is the file worth a pool?
        pooled = not self._in_process and len(first) >= POOL_FROM_BATCHES
        if pooled and self.pool is None:
            self.pool = _pool(self.workers)
        for batch, rejected in itertools.chain(first, read):
            known = self._known(batch)
            todo = batch if known is None else batch.filter(pa.array(~known))
            if not pooled or self.pool is None:  # a small file, or the pool broke (_collect)
                # the batches in flight when it broke first (each extracted here by _collect): rows keep the
                # file's order, which decides ids and which of two repeats is the canonical
                yield from self._collect(inflight, len(inflight))
                result = self.timings.worker(_extract_batch(todo)) if todo.num_rows else None
                yield batch, rejected, self._finish(batch, known, result)
                continue
            inflight.append((batch, rejected, known, todo, self._submit(todo) if todo.num_rows else None))
            if len(inflight) >= 2 * self.workers:
                yield from self._collect(inflight, 1)
        yield from self._collect(inflight, len(inflight))

    def _known(self, batch: pa.RecordBatch) -> np.ndarray | None:
        """Which rows of ``batch`` repeat a posting the warehouse holds when the batch is read (also one an
        earlier write of this file loaded), by source id or URL (None: none). A refresh's file mostly repeats
        earlier ones (a scraper's nightly files overlap); those rows end as duplicates whatever their text, so
        extracting them is waste: measured in ``python -m bench load --refresh``. The one outcome that
        differs: a known row whose extraction would raise ends as a duplicate, not quarantined as "extraction
        failed"."""
        if not self.check_known or batch.num_rows == 0:
            return None
        with self.timings.phase("known duplicates"):
            keys = pa.table({
                "i": pa.array(np.arange(batch.num_rows), pa.int64()),
                "source": batch.column("source"),
                "id": batch.column("id"),
                "url_key": pa.array([normalise_url(u) for u in batch.column("url").to_pylist()], pa.string()),
            })
            self.con.register("_k", keys)
            try:
                rows = known_rows(self.con, "_k")
            finally:
                self.con.unregister("_k")
        if not len(rows):
            return None
        known = np.zeros(batch.num_rows, dtype=bool)
        known[rows] = True
        return known

    def _finish(self, batch: pa.RecordBatch, known: np.ndarray | None,
                extracted: pa.RecordBatch | None) -> pa.RecordBatch:
        """The writer's batch: the extraction of the rows that needed it and the cleaned text of the known
        ones, in row order, with the passed input columns."""
        if known is not None:
            cleaned = _known_result(batch.filter(pa.array(known)))
            extracted = cleaned if extracted is None else _merged(known, extracted, cleaned)
        assert extracted is not None
        return _with_passed(batch, extracted)

    def _read(
        self, batches: Iterator[tuple[pa.RecordBatch, list[Rejected]]]
    ) -> Iterator[tuple[pa.RecordBatch, list[Rejected]]]:
        """The adapter's batches, its time counted as "read"."""
        while True:
            with self.timings.phase("read"):
                item = next(batches, None)
            if item is None:
                return
            yield item

    def _submit(self, batch: pa.RecordBatch) -> Future[bytes]:
        """Submit one batch; a submit may start a worker process, which must not re-run the caller's
        ``__main__`` (etl.processes)."""
        assert self.pool is not None
        with plain_main():
            with self.timings.phase("transfer"):
                data = to_ipc(batch)
            return self.pool.submit(_over_ipc, _extract_batch, data)

    def _collect(self, inflight: deque[InFlight], count: int) -> Iterator[Prepared]:
        for _ in range(count):
            batch, rejected, known, todo, future = inflight.popleft()
            if future is None:  # every row known: nothing was extracted
                yield batch, rejected, self._finish(batch, known, None)
                continue
            try:
                with self.timings.phase("wait for workers"):
                    data = future.result()
                with self.timings.phase("transfer"):
                    result = from_ipc(data)
            except (BrokenProcessPool, CancelledError):
                if self.pool is not None:
                    print(
                        "warning: an extraction worker died; extracting in the loading process instead",
                        file=sys.stderr,
                    )
                    self.close()
                    self._in_process = True
                result = _extract_batch(todo)
            yield batch, rejected, self._finish(batch, known, self.timings.worker(result))

    def write_file(
        self,
        batches: Iterator[tuple[pa.RecordBatch, list[Rejected]]],
        run_id: int,
        file_path: str,
        on_batch: Callable[[int], object],
        after_write: Callable[[], object] = lambda: None,
    ) -> FileCounts:
        """Write a file's batches; ``after_write`` runs after each write of about WRITE_ROWS postings (the
        loader commits there)."""
        res = FileCounts()
        held = self.con.execute("SELECT EXISTS (SELECT 1 FROM posting_keys)").fetchall()
        self.check_known = SKIP_KNOWN and bool(held[0][0])
        inputs: list[pa.RecordBatch] = []
        prepared: list[pa.RecordBatch] = []
        rows = 0
        for batch, rejected, ready in self._extracted(batches):
            res.read += batch.num_rows + len(rejected)
            self._reject(run_id, file_path, [(r.record_no, r.reason, r.raw) for r in rejected], res)
            inputs.append(batch)
            prepared.append(ready)
            rows += batch.num_rows
            if rows >= WRITE_ROWS:
                self._write(inputs, prepared, run_id, file_path, res)
                with self.timings.phase("commit"):
                    after_write()
                inputs, prepared, rows = [], [], 0
            on_batch(batch.num_rows + len(rejected))
        if rows:
            self._write(inputs, prepared, run_id, file_path, res)
        return res

    def _reject(self, run_id: int, file_path: str, rows: list[tuple[int, str, str]], res: FileCounts) -> None:
        if not rows:
            return
        res.rejected += len(rows)
        for _no, reason, _raw in rows:
            res.count(reason)
        self.con.executemany(
            "INSERT INTO rejected_rows VALUES (?, ?, ?, ?, ?)",
            [(run_id, file_path, no, reason, raw) for no, reason, raw in rows],
        )

    def _write(
        self,
        inputs: list[pa.RecordBatch],
        prepared: list[pa.RecordBatch],
        run_id: int,
        file_path: str,
        res: FileCounts,
    ) -> None:
        table = pa.Table.from_batches(prepared)
        n = table.num_rows
        # loadable: extraction ran, and there is a title or a description to show
        has_text = pc.or_(
            pc.fill_null(pc.not_equal(table["clean_title"], ""), False),
            pc.fill_null(pc.not_equal(table["clean_description"], ""), False),
        )
        ok = pc.and_(pc.is_null(table["error"]), has_text)
        okn = ok.to_numpy(zero_copy_only=False)
        if not okn.all():
            bad = np.flatnonzero(~okn)
            source = pa.Table.from_batches(inputs).take(bad).to_pylist()
            errors = table["error"].take(bad).to_pylist()
            self._reject(
                run_id,
                file_path,
                [
                    (
                        row["record_no"],
                        err or "missing title and description",
                        json.dumps(row, default=str, ensure_ascii=False)[:10_000],
                    )
                    for row, err in zip(source, errors, strict=True)
                ],
                res,
            )
        table = table.append_column("i", pa.array(np.arange(n), pa.int64())).append_column("ok", ok)
        self.con.register("_w", table)
        try:
            with self.timings.phase("dedupe"):
                d = decide(self.con, "_w", okn, self.next_id)
        finally:
            self.con.unregister("_w")
        table = (
            table.append_column("posting_id", d.posting_id)
            .append_column("reason", d.reason)
            .append_column("duplicate_of", d.duplicate_of)
        )
        self.con.register("_w", table)
        self.con.register("_categories", self.categories)
        try:
            with self.timings.phase("write postings"):
                self._insert("postings", POSTING_SELECT, "posting_id IS NOT NULL", run_id)
                self._insert("duplicate_postings", DUPLICATE_SELECT, "reason IS NOT NULL", run_id)
            with self.timings.phase("write skills"):
                self._skills()
            with self.timings.phase("dedupe"):
                add_keys(self.con, "_w")
        finally:
            self.con.unregister("_w")
            self.con.unregister("_categories")
        self.next_id += d.loaded
        res.loaded += d.loaded
        for reason, count in d.reasons.items():
            res.duplicates += count
            res.count(reason, count)

    def _skills(self) -> None:
        self.con.execute("""
                INSERT INTO posting_skills (posting_id, skill, category)
                SELECT s.posting_id, s.skill, coalesce(c.category, 'other') FROM
                    (SELECT posting_id, unnest(skills) AS skill FROM _w WHERE posting_id IS NOT NULL) s
                    LEFT JOIN _categories c USING (skill)
                UNION ALL
                SELECT posting_id, unnest(responsibilities), 'responsibility' FROM _w
                WHERE posting_id IS NOT NULL""")

    def _insert(self, table: str, select: dict[str, str], where: str, run_id: int) -> None:
        cols = ", ".join(select)
        exprs = ", ".join(f"{expr} AS {col}" for col, expr in select.items())
        self.con.execute(
            f"INSERT INTO {table} ({cols}) SELECT {exprs} FROM _w WHERE {where} ORDER BY i",
            {"run_id": run_id},
        )
