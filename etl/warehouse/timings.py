"""Where a load's time goes, phase by phase: ``ETL_LOAD_TIMINGS=1 python -m etl load ...`` prints a table on
standard error at the end (``python -m bench load`` sets it and prints the table).

Why: issue 10 asks for the whole load's speed, and half of its CPU was outside the extraction; a profiler
under the load (py-spy) counts waits and the loader's DuckDB threads poorly, so the load measures itself.
Each phase of the loading process gets its wall time and its CPU time (``time.process_time``: every thread
of the process, so DuckDB's too); the workers send the CPU of their extraction and of the duplicate keys
with each batch (:data:`WORKER_PHASES`, in the batch's schema metadata). Off by default; when off a phase
costs one attribute test.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator

import pyarrow as pa

TOTAL = "loading process, in all"
OUTSIDE = "loading process, other"
# a worker's phases, as the keys of its result batch's schema metadata (seconds of CPU)
WORKER_PHASES = ("extract", "keys")


def enabled() -> bool:
    return os.environ.get("ETL_LOAD_TIMINGS", "") not in ("", "0")


class Timings:
    """Wall and CPU seconds per phase name, in the order phases first ran."""

    def __init__(self, on: bool | None = None) -> None:
        self.on = enabled() if on is None else on
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}

    def add(self, name: str, wall: float, cpu: float) -> None:
        self.wall[name] = self.wall.get(name, 0.0) + wall
        self.cpu[name] = self.cpu.get(name, 0.0) + cpu

    @contextlib.contextmanager
    def phase(self, name: str) -> Iterator[None]:
        if not self.on:
            yield
            return
        wall, cpu = time.perf_counter(), time.process_time()
        try:
            yield
        finally:
            self.add(name, time.perf_counter() - wall, time.process_time() - cpu)

    def worker(self, batch: pa.RecordBatch) -> pa.RecordBatch:
        """Add the worker CPU a result batch carries (as ``worker: <phase>``); the batch without it."""
        meta = batch.schema.metadata or {}
        if self.on:
            for name in WORKER_PHASES:
                value = meta.get(f"cpu_{name}".encode())
                if value is not None:
                    self.add(f"worker: {name}", 0.0, float(value))
        return batch.replace_schema_metadata(None) if meta else batch

    def report(self) -> str:
        """One line a phase: ``timing <phase>  wall <s>  cpu <s>``; with the phase ``TOTAL`` (the loading
        process from start to end) also what the loading process spent outside the other phases."""
        rows = dict(self.cpu)
        if TOTAL in rows:
            inside = sum(c for n, c in rows.items() if n != TOTAL and not n.startswith("worker: "))
            walls = sum(w for n, w in self.wall.items() if n != TOTAL)
            self.wall[OUTSIDE] = self.wall[TOTAL] - walls
            rows[OUTSIDE] = rows[TOTAL] - inside
        width = max((len(n) for n in rows), default=5)
        return "\n".join(f"timing {name:<{width}}  wall {self.wall[name]:9.2f} s  cpu {cpu:9.2f} s"
                         for name, cpu in rows.items())


def stamp(batch: pa.RecordBatch, **cpu: float) -> pa.RecordBatch:
    """``batch`` carrying a worker's CPU seconds per phase (read back by :meth:`Timings.worker`)."""
    return batch.replace_schema_metadata({f"cpu_{name}": repr(value) for name, value in cpu.items()})
