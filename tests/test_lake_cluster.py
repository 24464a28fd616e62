"""A real Dask cluster on 127.0.0.1 builds the lake: same answers as etl load, and a killed worker loses
nothing.

The scheduler and each worker are separate operating-system processes started with the ``dask``
command line, as an operator starts them on separate machines (tests/dask_cluster.py: they die with the
test process, also a SIGKILLed one); the build only gets the scheduler's address. 20,000+ generated
postings in the demo's real source formats; most have a brief description (the same facts, a third of
the extraction's CPU), so the three extractions here (the plain load, the cluster build, the build that
loses a worker) fit in a test run on 2 cores. The cluster-built lake is
built and published once and shared by the comparisons.
"""

from __future__ import annotations

import os
import signal
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from dask_cluster import Cluster
from lake_compare import assert_same_dashboard, assert_same_warehouse

from etl.demo import write_raw
from etl.lake.build import BuildSummary, build_lake
from etl.lake.publish import PublishSummary, publish_from_lake
from etl.warehouse.loader import load_paths

pytestmark = pytest.mark.slow
POSTINGS = 20_000
FULL_EVERY = 10  # every 10th posting has the full demo description, the others a brief one
PART_ROWS = 500  # many tasks, so a worker can be killed while others remain


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raw")
    counts = write_raw(out, POSTINGS, seed=5, full_every=FULL_EVERY)
    assert sum(counts.values()) >= POSTINGS
    return out


@pytest.fixture(scope="module")
def plain(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("plain") / "wh.duckdb"
    load_paths([raw], db, progress=False)
    return db


@pytest.fixture(scope="module")
def cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Cluster]:
    c = Cluster(tmp_path_factory.mktemp("cluster"))
    try:
        c.start(workers=2)
        yield c
    finally:
        c.stop()


@pytest.fixture(scope="module")
def cluster_built(raw: Path, cluster: Cluster, tmp_path_factory: pytest.TempPathFactory
                  ) -> tuple[BuildSummary, PublishSummary, Path]:
    """The lake built on the cluster and published: once for the module."""
    home = tmp_path_factory.mktemp("cluster-lake")
    lake, db = str(home / "lake"), home / "wh.duckdb"
    summary = build_lake([str(raw)], lake, engine="dask", address=cluster.address, part_rows=PART_ROWS)
    return summary, publish_from_lake(lake, db), db


def test_cluster_build_counts_every_record(cluster_built: tuple[BuildSummary, PublishSummary, Path]) -> None:
    summary, pub, _ = cluster_built
    t = summary.totals()
    assert summary.committed and summary.engine == "dask" and t["read"] >= POSTINGS
    assert t["read"] == t["postings"] + t["rejected"] and t["rejected"] > 0  # the demo has broken rows
    assert pub.published and pub.totals()["duplicates"] > 0
    for f in pub.per_file:
        assert f["read"] == f["loaded"] + f["duplicates"] + f["rejected"], f


def test_cluster_lake_equals_plain_load(cluster_built: tuple[BuildSummary, PublishSummary, Path],
                                        plain: Path) -> None:
    """Every table the dashboard and the SQL page read, every column, row by row (tests/lake_compare.py)."""
    assert assert_same_warehouse(cluster_built[2], plain) > POSTINGS * 0.9


def test_cluster_lake_gives_the_dashboard_numbers_of_plain_load(
        cluster_built: tuple[BuildSummary, PublishSummary, Path], plain: Path) -> None:
    assert_same_dashboard(cluster_built[2], plain)


def test_killed_worker_loses_nothing(raw: Path, plain: Path, cluster: Cluster, tmp_path: Path) -> None:
    lake, db = tmp_path / "lake", tmp_path / "wh.duckdb"
    victim = cluster.workers[-1]
    result: dict[str, BuildSummary | BaseException] = {}

    def run() -> None:
        try:
            result["summary"] = build_lake([str(raw)], str(lake), engine="dask", address=cluster.address,
                                           part_rows=PART_ROWS)
        except BaseException as exc:
            result["error"] = exc

    thread = threading.Thread(target=run)
    thread.start()
    deadline = time.monotonic() + 600
    while not list((lake / "_staging").glob("*/out/out-*.parquet")):
        assert thread.is_alive() and time.monotonic() < deadline, (
            "the build ended before a worker could be killed"
        )
        time.sleep(0.05)
    os.kill(victim.pid, signal.SIGKILL)
    victim.wait()
    thread.join(timeout=900)
    assert not thread.is_alive()
    assert "error" not in result, result.get("error")
    summary = result["summary"]
    assert isinstance(summary, BuildSummary) and summary.committed
    publish_from_lake(str(lake), db)
    assert_same_warehouse(db, plain)
    assert cluster.count_workers() == 1  # the build really ran on with one worker
    cluster.add_worker()  # leave the cluster as the other tests found it
