"""ETL_LOAD_TIMINGS=1: a load says where its time went, phase by phase, workers included."""

from __future__ import annotations

import re
from pathlib import Path

import pyarrow as pa
import pytest

from etl.demo import write_raw
from etl.warehouse import batch as batch_mod
from etl.warehouse.loader import load_paths
from etl.warehouse.timings import Timings, stamp


def _phases(text: str) -> dict[str, tuple[float, float]]:
    out = {}
    for m in re.finditer(r"^timing (.+?)\s+wall\s+(-?[\d.]+) s\s+cpu\s+(-?[\d.]+) s$", text, re.M):
        out[m.group(1)] = (float(m.group(2)), float(m.group(3)))
    return out


@pytest.mark.parametrize("workers", [1, 2])
def test_a_timed_load_reports_every_phase(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          capsys: pytest.CaptureFixture[str], workers: int) -> None:
    write_raw(tmp_path / "raw", 150, seed=2, formats=("jobspy",))
    monkeypatch.setenv("ETL_LOAD_TIMINGS", "1")
    monkeypatch.setattr(batch_mod, "POOL_FROM_BATCHES", 1)  # one batch: with 2 workers, the pool anyway
    summary = load_paths([tmp_path / "raw"], tmp_path / "wh.duckdb", progress=False, workers=workers)
    assert summary.published
    phases = _phases(capsys.readouterr().err)
    for name in ("read", "worker: extract", "worker: keys", "dedupe", "write postings", "write skills",
                 "commit", "publish: order.sql", "publish: rollups.sql", "publish: checkpoint",
                 "loading process, in all", "loading process, other"):
        assert name in phases, name
    assert phases["worker: extract"][1] > 0  # the workers' CPU came back with their batches
    total = phases["loading process, in all"][1]
    inside = sum(cpu for name, (_w, cpu) in phases.items()
                 if not name.startswith(("worker: ", "loading process")))
    assert 0 < inside <= total + 0.05
    if workers > 1:
        assert "transfer" in phases and "wait for workers" in phases


def test_an_untimed_load_prints_no_timings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    write_raw(tmp_path / "raw", 20, seed=2, formats=("jobspy",))
    monkeypatch.delenv("ETL_LOAD_TIMINGS", raising=False)
    load_paths([tmp_path / "raw"], tmp_path / "wh.duckdb", progress=False, workers=1)
    assert "timing" not in capsys.readouterr().err


def test_worker_cpu_rides_on_the_batch_and_is_taken_off() -> None:
    batch = stamp(pa.RecordBatch.from_pydict({"x": [1, 2]}), extract=1.5, keys=0.25)
    timings = Timings(True)
    plain = timings.worker(timings.worker(batch))
    assert plain.schema.metadata is None and plain.column("x").to_pylist() == [1, 2]
    assert timings.cpu == {"worker: extract": 1.5, "worker: keys": 0.25}
    off = Timings(False)
    assert off.worker(batch).schema.metadata is None and off.cpu == {}
