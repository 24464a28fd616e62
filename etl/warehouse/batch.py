"""Turning batches of adapter output into warehouse rows.

Why: the per-record work of a load - normalising, deciding duplicate or not,
shaping rows - is the hot path, so it runs over batches: extraction can fan out
to worker processes (``workers``), and rows reach DuckDB as Arrow tables, one
insert per table per batch, instead of one statement per row.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import types
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from datetime import date
from typing import TYPE_CHECKING, Any

import duckdb
import pyarrow as pa

from etl.extract import extract
from etl.normalize.skills import taxonomy
from etl.record import Posting, Rejected
from etl.warehouse.dedupe import DuplicateIndex, fingerprint, normalise_url

if TYPE_CHECKING:
    from etl.warehouse.loader import FileResult

POSTING_COLUMNS = (
    "posting_id", "run_id", "record_no", "source", "source_id", "url", "title", "company", "location_raw",
    "salary_text", "description", "posted_date", "posted_month", "job_type", "seniority", "is_senior",
    "role_family", "experience_min", "experience_max", "degree", "salary_min", "salary_max", "salary_currency",
    "salary_period", "salary_annual_min", "salary_annual_max", "salary_usd_min", "salary_usd_max",
    "salary_usd_mid", "salary_plausible", "salary_band", "remote", "city", "region", "country", "metro",
    "fingerprint",
)
DUPLICATE_COLUMNS = ("run_id", "record_no", "source", "source_id", "url", "title", "company", "posted_date",
                     "reason", "duplicate_of")


def _extract_batch(batch: list[Posting | Rejected]) -> list[dict[str, Any] | str | None]:
    """Extraction for one batch: a dict per posting, an error text when it failed, None for rejects."""
    out: list[dict[str, Any] | str | None] = []
    for item in batch:
        if isinstance(item, Rejected):
            out.append(None)
            continue
        try:
            out.append(extract(item.as_extract_input()))
        except Exception as exc:  # a bug on one record must not lose the others: quarantine it
            out.append(f"extraction failed: {type(exc).__name__}: {exc}"[:300])
    return out


def _pool(n: int) -> ProcessPoolExecutor:
    """Extraction workers. Started from a fork server, never by forking this process: a load has DuckDB
    threads running, and forking a multi-threaded process can deadlock the child on a lock a thread held.
    An executor, not a multiprocessing.Pool: when a worker dies, a Pool silently respawns it and the load
    waits forever, while an executor raises BrokenProcessPool and the load goes on in this process."""
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["etl.extract"])
    return ProcessPoolExecutor(n, mp_context=ctx)


def _get(d: dict[str, Any] | None, key: str) -> Any:
    return None if d is None else d.get(key)


class BatchWriter:
    """Writes batches into the version being built, keeping the duplicate index current."""

    def __init__(self, con: duckdb.DuckDBPyConnection, index: DuplicateIndex, workers: int | None = None) -> None:
        self.con = con
        self.index = index
        self.next_id = int(con.execute("SELECT coalesce(max(posting_id), 0) + 1 FROM postings").fetchone()[0])  # type: ignore[index]
        self.categories = {s.name: s.category for s in taxonomy()}
        self._committed_next_id = self.next_id
        n = workers if workers is not None else min(2, os.cpu_count() or 1)
        self.workers = n
        self.pool: ProcessPoolExecutor | None = _pool(n) if n > 1 else None

    def close(self) -> None:
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def commit(self) -> None:
        self._committed_next_id = self.next_id

    def rollback(self) -> None:
        """Forget the keys of the failed file: rebuild the index from what is committed."""
        self.next_id = self._committed_next_id
        self.index.__init__()  # type: ignore[misc]
        self.index.seed(self.con.execute("SELECT posting_id, source, source_id, url, fingerprint, posted_date "
                                         "FROM postings").fetchall())

    def _extracted(self, batches: Iterator[list[Posting | Rejected]]
                   ) -> Iterator[tuple[list[Posting | Rejected], list[dict[str, Any] | str | None]]]:
        """Batches with their extraction, in order; at most 2 batches per worker in flight (bounded memory)."""
        inflight: deque[tuple[list[Posting | Rejected], Future[list[dict[str, Any] | str | None]]]] = deque()
        for batch in batches:
            if self.pool is None:
                yield batch, _extract_batch(batch)
                continue
            inflight.append((batch, self._submit(batch)))
            if len(inflight) >= 2 * self.workers:
                yield from self._collect(inflight, 1)
        yield from self._collect(inflight, len(inflight))

    def _submit(self, batch: list[Posting | Rejected]) -> Future[list[dict[str, Any] | str | None]]:
        """Submit one batch. A worker process is started on demand by a submit, and multiprocessing makes
        it re-import the caller's ``__main__`` script; workers need only etl.extract, and re-running the
        caller's script (a Streamlit page under AppTest, a notebook cell, a user's own script) in a worker
        breaks it. So ``__main__`` is an empty module while a submit may start a worker."""
        assert self.pool is not None
        saved = sys.modules.get("__main__")
        sys.modules["__main__"] = types.ModuleType("__main__")
        try:
            return self.pool.submit(_extract_batch, batch)
        finally:
            if saved is not None:
                sys.modules["__main__"] = saved

    def _collect(self, inflight: deque[tuple[list[Posting | Rejected], Future[list[dict[str, Any] | str | None]]]],
                 count: int) -> Iterator[tuple[list[Posting | Rejected], list[dict[str, Any] | str | None]]]:
        for _ in range(count):
            batch, future = inflight.popleft()
            try:
                result = future.result()
            except (BrokenProcessPool, CancelledError):
                if self.pool is not None:
                    print("warning: an extraction worker died; extracting in the loading process instead",
                          file=sys.stderr)
                    self.close()
                result = _extract_batch(batch)
            yield batch, result

    def write_file(self, batches: Iterator[list[Posting | Rejected]], run_id: int, file_path: str,
                   res: FileResult, on_batch: Callable[[int], object]) -> None:
        for batch, extracted in self._extracted(batches):
            self._write(batch, extracted, run_id, file_path, res)
            on_batch(len(batch))

    def _write(self, batch: list[Posting | Rejected], extracted: list[dict[str, Any] | str | None], run_id: int,
               file_path: str, res: FileResult) -> None:
        rows: dict[str, list[Any]] = {c: [] for c in POSTING_COLUMNS}
        dups: dict[str, list[Any]] = {c: [] for c in DUPLICATE_COLUMNS}
        rejected: list[tuple[Any, ...]] = []
        skills: tuple[list[int], list[str], list[str]] = ([], [], [])
        for item, ex in zip(batch, extracted, strict=True):
            res.read += 1
            if isinstance(item, Rejected) or not isinstance(ex, dict):
                reason = item.reason if isinstance(item, Rejected) else str(ex)
                raw = item.raw if isinstance(item, Rejected) else repr(item)[:10_000]
                rejected.append((run_id, file_path, item.record_no, reason, raw))
                res.rejected += 1
                res.reasons[reason] = res.reasons.get(reason, 0) + 1
                continue
            title, desc = ex.get("clean_title"), ex.get("clean_description")
            if not title and not desc:
                rejected.append((run_id, file_path, item.record_no, "missing title and description", repr(item)[:10_000]))
                res.rejected += 1
                res.reasons["missing title and description"] = res.reasons.get("missing title and description", 0) + 1
                continue
            fp = fingerprint(ex.get("clean_company"), title, item.location, desc)
            url_key = normalise_url(item.url)
            hit = self.index.find(item.source, item.source_id, url_key, fp, item.posted_date)
            if hit is not None:
                reason, canonical = hit
                for col, val in zip(DUPLICATE_COLUMNS, (run_id, item.record_no, item.source, item.source_id, item.url,
                                                        title, ex.get("clean_company"), item.posted_date, reason,
                                                        canonical), strict=True):
                    dups[col].append(val)
                res.duplicates += 1
                res.reasons[reason] = res.reasons.get(reason, 0) + 1
                continue
            pid = self.next_id
            self.next_id += 1
            self.index.add(pid, item.source, item.source_id, url_key, fp, item.posted_date)
            self._append_posting(rows, pid, run_id, item, ex, fp)
            tagged = [(name, self.categories.get(name, "other")) for name in ex.get("skills") or ()]
            tagged += [(name, "responsibility") for name in ex.get("responsibilities") or ()]
            for name, category in tagged:
                skills[0].append(pid)
                skills[1].append(name)
                skills[2].append(category)
            res.loaded += 1
        self._insert("postings", pa.table(rows))
        self._insert("duplicate_postings", pa.table(dups))
        self._insert("posting_skills", pa.table({"posting_id": pa.array(skills[0], pa.int64()),
                                                 "skill": pa.array(skills[1], pa.string()),
                                                 "category": pa.array(skills[2], pa.string())}))
        if rejected:
            self.con.executemany("INSERT INTO rejected_rows VALUES (?, ?, ?, ?, ?)", rejected)

    def _insert(self, table: str, data: pa.Table) -> None:
        if data.num_rows:
            self.con.register("_batch", data)
            try:
                cols = ", ".join(data.column_names)
                self.con.execute(f"INSERT INTO {table} ({cols}) SELECT {cols} FROM _batch")
            finally:
                self.con.unregister("_batch")

    @staticmethod
    def _append_posting(rows: dict[str, list[Any]], pid: int, run_id: int, item: Posting, ex: dict[str, Any],
                        fp: str | None) -> None:
        sal, annual, usd, exp = ex.get("salary"), ex.get("salary_annual"), ex.get("salary_usd"), ex.get("experience_years")
        posted: date | None = item.posted_date
        values = (
            pid, run_id, item.record_no, item.source, item.source_id, item.url, ex.get("clean_title"),
            ex.get("clean_company"), item.location, item.salary_text, ex.get("clean_description"), posted,
            posted.replace(day=1) if posted else None, item.job_type, ex.get("seniority"), ex.get("is_senior"),
            ex.get("role_family"), _get(exp, "min"), _get(exp, "max"), ex.get("degree"), _get(sal, "min"),
            _get(sal, "max"), _get(sal, "currency"), _get(sal, "period"), _get(annual, "min"), _get(annual, "max"),
            _get(usd, "min"), _get(usd, "max"), _get(usd, "mid"), ex.get("salary_plausible"), ex.get("salary_band"),
            ex.get("remote"), ex.get("city"), ex.get("region"), ex.get("country"), ex.get("metro"), fp,
        )
        for col, val in zip(POSTING_COLUMNS, values, strict=True):
            rows[col].append(val)
