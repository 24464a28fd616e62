"""Every engine maps the lake's batch function to the same rows: local pool, Dask, Ray Data, Spark.

Small input (a few hundred postings in two parts): these tests pin down that each engine's plumbing
(Arrow types, batch sizes, output folders) leaves the rows exactly as the local path writes them.
The cluster behaviour (separate processes, a killed worker) is tested in test_lake_cluster.py.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import duckdb
import pytest

from etl.demo import write_raw
from etl.lake.build import BuildSummary, _PartWriter, _stage, list_inputs
from etl.lake.engines import map_parts, spark_master
from etl.lake.store import Lake, Manifest
from etl.record import SourceError

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def staged(tmp_path_factory: pytest.TempPathFactory) -> tuple[Lake, list[str]]:
    root = tmp_path_factory.mktemp("engines")
    write_raw(root / "raw", 300, seed=3, formats=("jobspy",))
    lake = Lake(root / "lake")
    (root / "lake" / "in").mkdir(parents=True)
    parts, _ = _stage(lake, list_inputs([str(root / "raw")]), Manifest(), 1, None, None,
                      _PartWriter(lake, str(root / "lake" / "in"), part_rows=150),
                      str(root / "lake" / "rejected.parquet"), BuildSummary(lake=lake.uri, engine="-"))
    assert len(parts.parts) == 2
    return lake, parts.parts


def _rows(folder: Path) -> list[tuple[object, ...]]:
    files = sorted(str(p) for p in folder.rglob("*.parquet"))
    assert files, f"no output under {folder}"
    return duckdb.connect().execute(
        f"SELECT * EXCLUDE (raw), raw IS NULL FROM read_parquet({files}) ORDER BY record_no").fetchall()


def _map(engine: str, staged: tuple[Lake, list[str]]) -> list[tuple[object, ...]]:
    lake, parts = staged
    out = Path(lake.root) / f"out-{engine}"
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir()
    map_parts(engine, lake.root, [(p, str(out / Path(p).name)) for p in parts], workers=2)
    return _rows(out)


@pytest.fixture(scope="module")
def expected(staged: tuple[Lake, list[str]]) -> list[tuple[object, ...]]:
    rows = _map("local", staged)
    assert len(rows) >= 300
    return rows


def test_dask_local_cluster_matches(
    staged: tuple[Lake, list[str]], expected: list[tuple[object, ...]]
) -> None:
    assert _map("dask", staged) == expected


def test_ray_data_matches(staged: tuple[Lake, list[str]], expected: list[tuple[object, ...]]) -> None:
    pytest.importorskip("ray")
    assert _map("ray", staged) == expected


def test_spark_matches(staged: tuple[Lake, list[str]], expected: list[tuple[object, ...]]) -> None:
    pytest.importorskip("pyspark")
    if shutil.which("java") is None:
        pytest.skip("Spark needs a Java runtime (apt-get install openjdk-17-jre-headless)")
    try:
        assert _map("spark", staged) == expected
    finally:
        from pyspark.sql import SparkSession

        active = SparkSession.getActiveSession()
        if active is not None:
            active.stop()


def test_dask_local_cluster_started_again_when_a_worker_fails_to_start(
        staged: tuple[Lake, list[str]], expected: list[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    """A worker that dies before registering (seen in CI under load) costs a retry, not the build.

    The first start raises what distributed raised in CI; the second is a real local cluster.
    """
    import distributed

    real = distributed.LocalCluster
    calls: list[int] = []

    def flaky(*args: object, **kwargs: object) -> object:
        calls.append(1)
        if len(calls) == 1:
            raise RuntimeError("Nanny failed to start.")
        return real(*args, **kwargs)

    monkeypatch.setattr(distributed, "LocalCluster", flaky)
    assert _map("dask", staged) == expected
    assert len(calls) == 2
    assert "failed to start (attempt 1 of 3)" in capsys.readouterr().err


def test_dask_local_cluster_that_never_starts_is_a_clear_error(
        staged: tuple[Lake, list[str]], monkeypatch: pytest.MonkeyPatch) -> None:
    import distributed

    def broken(*args: object, **kwargs: object) -> object:
        raise RuntimeError("Nanny failed to start.")

    monkeypatch.setattr(distributed, "LocalCluster", broken)
    with pytest.raises(SourceError, match="after 3 attempts: Nanny failed to start"):
        _map("dask", staged)


def test_dask_workers_do_not_rerun_the_callers_script(
        staged: tuple[Lake, list[str]], expected: list[tuple[object, ...]], monkeypatch: pytest.MonkeyPatch,
        tmp_path: Path) -> None:
    """Spawned worker processes re-run ``__main__``'s file: a caller that is a script (AppTest leaves
    dashboard.py as ``__main__``; CI failed so) must not be run again, let alone fail, in each worker."""
    import types

    script = tmp_path / "caller.py"
    script.write_text("raise SystemExit('the caller script ran again in a worker')\n")
    main = types.ModuleType("__main__")
    main.__file__ = str(script)
    monkeypatch.setitem(sys.modules, "__main__", main)
    assert _map("dask", staged) == expected


def test_spark_keeps_the_master_spark_submit_configured(monkeypatch: pytest.MonkeyPatch) -> None:
    """Under spark-submit (EMR's --master yarn) Python runs against a JVM whose master is set; setting
    local[2] in code would win and run every task on the driver."""
    monkeypatch.delenv("PYSPARK_GATEWAY_PORT", raising=False)
    assert spark_master(None, 3) == "local[3]"
    assert spark_master("spark://m:7077", 3) == "spark://m:7077"
    monkeypatch.setenv("PYSPARK_GATEWAY_PORT", "41234")
    assert spark_master(None, 3) is None
    assert spark_master("yarn", None) == "yarn"


def test_ray_local_cluster_workers_run_at_the_drivers_niceness() -> None:
    """Ray starts workers 15 steps nicer by default; the build's local cluster must not (they starved on a
    shared machine). Checked in a real task on a real local cluster."""
    ray = pytest.importorskip("ray")
    import os

    from etl.lake.engines import ray_init_kwargs

    ray.init(**ray_init_kwargs(None, 1))
    try:
        worker_nice = ray.get(ray.remote(lambda: os.nice(0)).remote())
    finally:
        ray.shutdown()
    assert worker_nice == os.nice(0)
