"""The lake on each engine: the same staged input mapped by the local pool, Dask, Ray Data and Spark.

    python -m bench lake --postings 1000000                     # every installed engine
    python -m bench lake --postings 200000 --engine local,dask

Steps: generate a JobSpy CSV, stage it once into input parts (the build's step 1, timed), then for
each engine map the batch function over every part from a cold start (engine start-up included),
then again over the first parts on the running engine (warm). Then compaction and publish once.
For each run: postings/s, per-core efficiency against the local process pool twice - by wall clock
(same cores, so the ratio of throughputs) and by CPU time (local CPU per posting / the engine's CPU
per posting: the engine's own overhead, which stays honest when other work shares the cores) -, time
to the first output part, peak resident memory of the whole process tree (this process and every
descendant: workers, raylets, the JVM), CPU seconds per 1,000 postings and the load average at the
end of the run. Output parts of every engine are checked to hold the same rows, every column.

Parts hold ``postings // 20`` rows (between 2,000 and the build's 20,000): at least 20 tasks, so the
2 workers stay busy to the end and the comparison is not about the last straggling task.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import duckdb
import psutil

from etl.demo import write_raw
from etl.lake.build import PART_ROWS, BuildSummary, _compact, _PartWriter, _stage, list_inputs
from etl.lake.engines import map_parts
from etl.lake.publish import publish_from_lake
from etl.lake.store import InputFile, Lake, Manifest

ENGINE_MODULES = {"local": None, "dask": "distributed", "ray": "ray", "spark": "pyspark"}
WARM_ROWS = 120_000  # postings mapped again on the running engine (at most half the input)
MIN_PARTS = 20


class TreeMonitor:
    """Peak RSS of this process plus all descendants, and their CPU seconds, sampled every 0.25 s.

    CPU is each process's own user + system time, never ``children_*``: a parent that reaps its
    workers (the pool's fork server, Dask's nanny, this process) would count them a second time.
    """

    def __init__(self) -> None:
        self.me = psutil.Process()
        self.peak = 0
        self._cpu: dict[int, float] = {}
        self._base: dict[int, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _sample(self) -> None:
        rss = 0
        for p in [self.me, *self.me.children(recursive=True)]:
            try:
                rss += p.memory_info().rss
                t = p.cpu_times()
                self._cpu[p.pid] = t.user + t.system
            except psutil.Error:
                continue
        self.peak = max(self.peak, rss)

    def _run(self) -> None:
        while not self._stop.wait(0.25):
            self._sample()

    def __enter__(self) -> TreeMonitor:
        self._sample()
        self._base = dict(self._cpu)
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._sample()
        self._stop.set()
        self._thread.join()

    @property
    def cpu_seconds(self) -> float:
        return sum(v - self._base.get(pid, 0.0) for pid, v in self._cpu.items())


class FirstFile:
    """When the first output part appears anywhere under a folder (engines write them as tasks finish)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.at: float | None = None  # when the first part file appeared
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.wait(0.05):
            if any(p.suffix == ".parquet" for p in self.folder.rglob("*")):
                self.at = time.perf_counter()
                return

    def __enter__(self) -> FirstFile:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()
        if self.at is None and any(p.suffix == ".parquet" for p in self.folder.rglob("*")):
            self.at = time.perf_counter()  # appeared after the last look (one part: the first is the last)


@dataclass
class Run:
    engine: str
    kind: str
    rows: int
    seconds: float
    first_s: float | None
    peak_mb: float
    cpu_s: float
    load1: float = 0.0
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def rate(self) -> float:
        return self.rows / self.seconds


class EngineSession:
    """Start an engine once (cold), so that a second map runs on a warm engine."""

    def __init__(self, engine: str, workers: int) -> None:
        self.engine, self.workers = engine, workers
        self.address: str | None = None
        self._cluster: Any = None

    def start(self) -> None:
        if self.engine == "dask":
            from etl.lake.engines import dask_local_cluster

            self._cluster = dask_local_cluster(self.workers)  # the build's own local cluster
            self.address = self._cluster.scheduler_address
        elif self.engine == "ray":
            import ray

            ray.init(
                num_cpus=self.workers, include_dashboard=False, log_to_driver=False, configure_logging=False
            )
        elif self.engine == "spark":
            from etl.lake.engines import spark_session

            spark_session(None, self.workers)

    def stop(self) -> None:
        if self.engine == "dask" and self._cluster is not None:
            self._cluster.close()
        elif self.engine == "ray":
            import ray

            ray.shutdown()
        elif self.engine == "spark":
            from pyspark.sql import SparkSession

            active = SparkSession.getActiveSession()
            if active is not None:
                active.stop()


def _map(engine: str, session: EngineSession, lake: Lake, parts: list[str], out: Path, rows: int, kind: str,
         cold_start: bool) -> Run:
    out.mkdir(parents=True, exist_ok=True)
    pairs = [(p, str(out / Path(p).name.replace("in-", "out-"))) for p in parts]
    with TreeMonitor() as mon, FirstFile(out) as first:
        t0 = time.perf_counter()
        if cold_start:
            session.start()
        map_parts(engine, lake.root, pairs, session.address, session.workers)
        elapsed = time.perf_counter() - t0
    return Run(engine, kind, rows, elapsed, None if first.at is None else first.at - t0, mon.peak / 2**20,
               mon.cpu_seconds, os.getloadavg()[0])


def _checksum(out: Path) -> tuple[int, int]:
    """Rows and a sum of whole-row hashes (every column) of an engine's output parts."""
    files = [str(p) for p in out.rglob("*.parquet") if "/_temporary" not in str(p)]
    return duckdb.execute(  # type: ignore[return-value]
        f"SELECT count(*), sum(hash(t)) FROM read_parquet({files}) t").fetchone()


def _rows_in(parts: list[str]) -> int:
    return int(duckdb.execute(f"SELECT count(*) FROM read_parquet({parts})").fetchone()[0])  # type: ignore[index]


def run(postings: int, repeat: int, engines: list[str] | None = None) -> None:
    names = [e for e in (engines or list(ENGINE_MODULES))
             if (module := ENGINE_MODULES[e]) is None or importlib.util.find_spec(module) is not None]
    if "local" not in names:
        names.insert(0, "local")  # the baseline
    workers = min(2, os.cpu_count() or 1)
    load1 = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="bench-lake-") as tmp:
        root = Path(tmp)
        t0 = time.perf_counter()
        write_raw(root / "raw", postings, seed=1, formats=("jobspy",))
        csv = root / "raw" / "jobspy_demo.csv"
        print(f"generated {postings:,} postings, {csv.stat().st_size / 1e6:,.0f} MB CSV in "
              f"{time.perf_counter() - t0:.1f} s; {workers} worker processes per engine; "
              f"load average at start {load1:.1f} on {os.cpu_count()} cores", flush=True)
        lake = Lake(root / "lake")
        (root / "lake" / "stage").mkdir(parents=True)
        summary = BuildSummary(lake=lake.uri, engine="-")
        with TreeMonitor() as mon:
            t0 = time.perf_counter()
            part_rows = max(2000, min(PART_ROWS, postings // MIN_PARTS))
            parts, files = _stage(lake, list_inputs([str(csv)]), Manifest(), 1, None, None,
                                  _PartWriter(lake, str(root / "lake" / "stage"), part_rows),
                                  str(root / "lake" / "rejected-staged.parquet"), summary)
            stage_s = time.perf_counter() - t0
        print(f"stage (read + hash + input parts, this process): {parts.rows:,} rows in {len(parts.parts)} "
              f"parts, {stage_s:.1f} s = {parts.rows / stage_s:,.0f} rows/s, peak {mon.peak / 2**20:,.0f} "
              "MB", flush=True)
        warm_parts = parts.parts[: max(2, min(WARM_ROWS, parts.rows // 2) // part_rows)]
        warm_rows = _rows_in(warm_parts)
        runs: list[Run] = []
        sums: dict[str, tuple[int, int]] = {}
        for name in names:
            session = EngineSession(name, workers)
            try:
                cold = _map(name, session, lake, parts.parts, root / "out" / name, parts.rows, "cold", True)
                sums[name] = _checksum(root / "out" / name)
                warm = _map(name, session, lake, warm_parts, root / "warm" / name, warm_rows, "warm", False)
            except Exception as exc:  # one engine failing must not hide the others' figures
                print(f"{name}: failed: {type(exc).__name__}: {str(exc).splitlines()[0][:300]}", flush=True)
                continue
            finally:
                session.stop()
            runs += [cold, warm]
            print(f"{name}: cold {cold.rate:,.0f}/s, warm {warm.rate:,.0f}/s", flush=True)
            shutil.rmtree(root / "warm" / name, ignore_errors=True)
        _table(runs)
        same = len(set(sums.values())) == 1
        print(f"output parts identical across engines ({', '.join(sums)}): {same}")
        _finish(lake, root, parts.rows, files, summary)


def _table(runs: list[Run]) -> None:
    base = {r.kind: r for r in runs if r.engine == "local"}
    print()
    print("| engine | run | postings | seconds | postings/s | per-core vs local (wall) "
          "| per-core vs local (CPU) | first output part | peak memory (tree) | CPU s / 1k postings "
          "| load average |")
    print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
    for r in runs:
        b = base.get(r.kind)
        wall = f"{r.rate / b.rate:.0%}" if b else "-"
        cpu = f"{(b.cpu_s / b.rows) / (r.cpu_s / r.rows):.0%}" if b and r.cpu_s else "-"
        first = f"{r.first_s:.1f} s" if r.first_s is not None else "-"
        print(f"| {r.engine} | {r.kind} | {r.rows:,} | {r.seconds:.1f} | {r.rate:,.0f} | {wall} | {cpu} "
              f"| {first} | {r.peak_mb:,.0f} MB | {r.cpu_s / r.rows * 1000:.2f} | {r.load1:.1f} |")
    print()


def _finish(lake: Lake, root: Path, rows: int, files: list[InputFile], summary: BuildSummary) -> None:
    """Compaction of the local engine's output and publish, once, so the whole path has figures too."""
    out = root / "out" / "local"
    t0 = time.perf_counter()
    with TreeMonitor() as mon:
        post, rej = _compact(lake, 1, str(out), str(root / "lake" / "rejected-staged.parquet"), rows, files)
    compact_s = time.perf_counter() - t0
    lake.commit(Manifest(version=1, engine="local", inputs=files, postings_files=post, rejected_files=rej))
    size = sum((root / "lake" / f).stat().st_size for f in post) / 1e6
    print(f"compact: {len(post)} lake files ({size:,.0f} MB, {size / max(len(post), 1):,.1f} MB each) in "
          f"{compact_s:.1f} s, peak {mon.peak / 2**20:,.0f} MB")
    t0 = time.perf_counter()
    with TreeMonitor() as mon:
        pub = publish_from_lake(lake.uri, root / "wh.duckdb")
    t = pub.totals()
    print(f"publish (dedupe over the lake, tables, rollups): {t['loaded']:,} loaded, {t['duplicates']:,} "
          f"duplicates in {time.perf_counter() - t0:.1f} s, peak {mon.peak / 2**20:,.0f} MB")
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")
