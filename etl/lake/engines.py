"""Running the lake's batch function on an engine: the local process pool, Dask, Ray Data or Spark.

Why: the same extraction must run on one laptop and on the cluster a team already has, with the
same answer. Every engine does one thing here: map :func:`etl.lake.batches.lake_batch` over the
staged input parts (Parquet files of ``INPUT_SCHEMA``) and write output parts (``LAKE_SCHEMA``)
into a staging folder; what is kept, where and how (large partitioned files, the manifest) is
decided once by the build, not by each engine. Engines are imported only when chosen, so the
local path needs none of them installed.

Each output part is a function of its input part alone, so when a worker dies the engine runs
the task again elsewhere (Dask, Ray and Spark retry lost tasks; the local pool's lost parts are
redone in this process) and the rewritten part replaces the partial one: nothing is lost or doubled.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pyarrow.fs as pafs
import pyarrow.parquet as pq

from etl.lake.batches import BATCH_ROWS, INPUT_SCHEMA, LAKE_SCHEMA, lake_batch, lake_table
from etl.processes import plain_main
from etl.record import SourceError

ENGINES = ("local", "dask", "ray", "spark")
DEFAULT_ENGINE = "dask"


def process_part(root: str, in_path: str, out_path: str) -> int:
    """One task: read an input part, extract every row, write the output part; returns its rows.

    The output is written under a temporary name and moved into place, so a retried task (a worker
    died) replaces a partial file instead of adding to it.
    """
    fs, _ = _fs(root)
    table = pq.read_table(in_path, filesystem=fs, schema=INPUT_SCHEMA)
    out = lake_table(table)
    tmp = f"{out_path}.{os.getpid()}.tmp"
    pq.write_table(out, tmp, filesystem=fs, compression="zstd")
    fs.move(tmp, out_path)
    return out.num_rows


def _fs(root: str) -> tuple[pafs.FileSystem, str]:
    if "://" in root:
        return pafs.FileSystem.from_uri(root)
    return pafs.LocalFileSystem(), root


def map_parts(engine: str, root: str, parts: list[tuple[str, str]], address: str | None = None,
              workers: int | None = None) -> None:
    """Run :func:`process_part` (or the engine's own equivalent) for every (input, output) pair."""
    if engine not in ENGINES:
        raise SourceError(f"unknown engine {engine!r}; known: {', '.join(ENGINES)}")
    if not parts:
        return
    run: Callable[..., None] = {"local": _local, "dask": _dask, "ray": _ray, "spark": _spark}[engine]
    run(root, parts, address, workers)


def _local(root: str, parts: list[tuple[str, str]], address: str | None, workers: int | None) -> None:
    """A process pool started from a fork server (never a fork of this process, which may hold DuckDB
    threads)."""
    n = workers or min(2, os.cpu_count() or 1)
    if n <= 1:
        for src, dst in parts:
            process_part(root, src, dst)
        return
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["etl.lake.batches"])
    lost: list[tuple[str, str]] = []
    with plain_main(), ProcessPoolExecutor(n, mp_context=ctx) as pool:
        futures = [(p, pool.submit(process_part, root, *p)) for p in parts]
        for p, fut in futures:
            try:
                fut.result()
            except BrokenProcessPool:
                lost.append(p)
    if lost:
        print(f"warning: a worker died; redoing {len(lost)} parts in this process", file=sys.stderr)
        for src, dst in lost:
            process_part(root, src, dst)


def _dask(root: str, parts: list[tuple[str, str]], address: str | None, workers: int | None) -> None:
    """Dask distributed: one task per part on the scheduler at ``address`` (or a local cluster of
    processes)."""
    from distributed import Client

    cluster = None
    if address:
        client = Client(address, timeout="30s")
    else:
        cluster = dask_local_cluster(workers or min(2, os.cpu_count() or 1))
        client = Client(cluster)
    try:
        futures = client.map(process_part, [root] * len(parts), [s for s, _ in parts], [d for _, d in parts],
                             pure=False, retries=2)
        client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


CLUSTER_START_ATTEMPTS = 3
# What Dask's processes do besides the tasks, turned down: the extraction is pure Python in one worker thread,
# so every wake-up of a worker's event loop (stack sampling for the profile every 10 ms, the event-loop tick
# every 20 ms, the memory monitor every 100 ms, the system monitor every 500 ms) takes the GIL from it.
# Measured (3 Dec 2026, 2 workers, a load average of 12-17 from other work): Dask used 1.9-2.3 s of CPU per
# 1,000 postings against the process pool's 1.1-1.4 with the defaults (100,000 postings), 1.5-1.6 against
# 1.1-1.2 with only the profiler off (40,000), 1.21-1.28 against 1.12-1.47 with all of these (8,000, twice).
# Operators of an existing cluster set the same on their workers (docs/scale-out.md).
DASK_WORKER_CONFIG = {
    "distributed.worker.profile.enabled": False,
    "distributed.admin.tick.interval": "1s",
    "distributed.worker.memory.monitor-interval": "1s",
    "distributed.admin.system-monitor.interval": "5s",
}


def dask_local_cluster(n: int) -> Any:
    """A local Dask cluster of ``n`` worker processes of one thread, configured for this work."""
    import dask
    import distributed

    with plain_main(), dask.config.set(DASK_WORKER_CONFIG):
        return _local_cluster(distributed.LocalCluster, n)


def _local_cluster(factory: Callable[..., Any], n: int) -> Any:
    """A local Dask cluster of ``n`` worker processes, started again if a worker fails to come up.

    Why: on a loaded machine a spawned worker process can die or time out before it registers
    ("Nanny failed to start"), which once ended a whole CI run; nothing has run yet, so trying again
    is safe. The last failure is raised with the attempts counted.
    """
    last: BaseException | None = None
    for attempt in range(1, CLUSTER_START_ATTEMPTS + 1):
        try:
            return factory(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        except (RuntimeError, OSError, TimeoutError) as exc:  # asyncio.TimeoutError is TimeoutError on 3.11
            last = exc
            print(f"warning: local Dask cluster failed to start (attempt {attempt} of "
                  f"{CLUSTER_START_ATTEMPTS}): {exc}", file=sys.stderr)
    raise SourceError(f"could not start a local Dask cluster after {CLUSTER_START_ATTEMPTS} attempts: {last}")


def _ray_part(row: dict[str, Any]) -> dict[str, Any]:
    return {"rows": process_part(row["root"], row["src"], row["dst"])}


def ray_init_kwargs(address: str | None, workers: int | None) -> dict[str, Any]:
    """``ray.init`` arguments: join the cluster at ``address``, else start a local one of ``workers`` CPUs.

    A local cluster runs its workers at the driver's niceness: Ray's default (``worker_niceness`` 15)
    starts them 15 steps nicer, so on a shared machine they get CPU only after everything else (the 1M
    comparison in docs/scale-out.md lost a third of Ray's cold run to it). A cluster's own setting is
    its operator's, so nothing is changed when joining one.
    """
    kwargs: dict[str, Any] = {"log_to_driver": False, "configure_logging": False}
    if address:
        return {**kwargs, "address": address}
    return {**kwargs, "num_cpus": workers or min(2, os.cpu_count() or 1), "include_dashboard": False,
            "_system_config": {"worker_niceness": 0}}


def _ray(root: str, parts: list[tuple[str, str]], address: str | None, workers: int | None) -> None:
    """Ray Data: one row per part, each mapped by a task that reads the part, extracts it and writes its
    output.

    Not ``read_parquet`` + ``map_batches``: Ray Data's threaded file listing imports fsspec's HTTP
    filesystem from several threads at once and failed half-imported here, and it may read small parts
    into one block (one task). Parts as rows keep one task per part and the output names the build expects.
    """
    import ray

    started = False
    if not ray.is_initialized():
        ray.init(**ray_init_kwargs(address, workers))
        started = True
    try:
        items = [{"root": root, "src": s, "dst": d} for s, d in parts]
        rows = ray.data.from_items(items, override_num_blocks=len(items)).map(_ray_part).take_all()
        if len(rows) != len(parts):
            raise SourceError(f"Ray returned {len(rows)} of {len(parts)} parts")
    finally:
        if started:
            ray.shutdown()


def _spark_map(batches: Any) -> Any:
    for b in batches:
        yield lake_batch(b)


def spark_master(address: str | None, workers: int | None) -> str | None:
    """The master to set, or None to keep the one this process was started with.

    ``spark-submit`` (``--master yarn`` on EMR, ``spark://`` on a standalone cluster) starts Python
    against its running JVM (``PYSPARK_GATEWAY_PORT``) with the master already configured; a master
    set in code would take precedence and run every task on the driver. Otherwise: the address, else
    a local cluster. (A Databricks notebook or job has its session already: ``getOrCreate`` returns it.)
    """
    if address:
        return address
    if os.environ.get("PYSPARK_GATEWAY_PORT"):
        return None
    return f"local[{workers or min(2, os.cpu_count() or 1)}]"


def spark_session(address: str | None, workers: int | None) -> Any:
    from pyspark.sql import SparkSession

    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("etl-lake")
    master = spark_master(address, workers)
    if master is not None:
        builder = builder.master(master)
    builder = (builder
               .config("spark.sql.execution.arrow.maxRecordsPerBatch", str(BATCH_ROWS))
               .config("spark.sql.execution.arrow.useLargeVarTypes", "false")
               .config("spark.ui.enabled", "false")
               .config("spark.task.maxFailures", "4"))
    return builder.getOrCreate()


def _spark(root: str, parts: list[tuple[str, str]], address: str | None, workers: int | None) -> None:
    """Spark: ``mapInArrow`` the batch function over the input parts, write the output parts."""
    from pyspark.sql.pandas.types import from_arrow_schema

    spark = spark_session(address, workers)
    out_dir = parts[0][1].rsplit("/", 1)[0] + "/spark"
    df = spark.read.parquet(*[_spark_uri(root, s) for s, _ in parts])
    df.mapInArrow(_spark_map, from_arrow_schema(LAKE_SCHEMA)).write.mode("overwrite").parquet(
        _spark_uri(root, out_dir)
    )


def _spark_uri(root: str, path: str) -> str:
    if "://" not in root:
        return path
    scheme = root.split("://", 1)[0]
    return f"{'s3a' if scheme == 's3' else scheme}://{path}"
