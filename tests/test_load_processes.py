"""A load killed by SIGKILL leaves no process behind: no fork server, no resource tracker, no worker; a small
load starts none."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pytest
from processes import descendants, running

from etl.demo import write_raw
from etl.warehouse import batch as batch_mod
from etl.warehouse import loader as loader_mod
from etl.warehouse.loader import load_paths

PROJECT = Path(__file__).resolve().parents[1]


def test_sigkilled_load_leaves_no_processrunning(tmp_path: Path) -> None:
    raw = tmp_path / "raw"
    write_raw(raw, 4000, seed=5, formats=("jobspy",))
    env = {**os.environ, "WAREHOUSE_DB": str(tmp_path / "wh.duckdb"), "ETL_WORKERS": "2"}
    proc = subprocess.Popen(
        [sys.executable, "-m", "etl", "load", str(raw), "--no-progress"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    helpers: set[int] = set()
    deadline = time.monotonic() + 120
    # the fork server and resource tracker are children of the load; the workers are the fork server's
    while time.monotonic() < deadline and proc.poll() is None:
        helpers = descendants(proc.pid)
        if len(helpers) >= 4:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the load finished before its workers were seen; make the input larger"
    assert len(helpers) >= 4, helpers  # fork server, resource tracker, two workers
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and any(running(p) for p in helpers):
        time.sleep(0.2)
    left = sorted(p for p in helpers if running(p))
    for pid in left:  # do not leave them running for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes of the killed load still running: {left}"


def test_a_small_load_extracts_in_its_own_process_and_starts_none(tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A file of one batch is extracted in the loading process, by the same function: no fork server and
    no worker (they cost a two-row load about 0.8 s); a file of two batches still goes to the pool."""
    started: list[int] = []
    real_pool = batch_mod._pool

    def pool(n: int) -> ProcessPoolExecutor:  # the real pool, its start noted
        started.append(n)
        return real_pool(n)

    monkeypatch.setattr(batch_mod, "_pool", pool)
    src = tmp_path / "two.jsonl"
    rows = [{"id": f"p{i}", "title": f"Python developer {i}", "company": f"Acme {i}",
             "description": "We need Python and SQL."} for i in range(2)]
    src.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")

    def load(db: Path) -> tuple[int, set[int]]:
        """The load's postings, and the processes that appeared under this one while it ran."""
        before, seen, done = descendants(os.getpid()), set(), threading.Event()

        def watch() -> None:
            while not done.is_set():
                seen.update(descendants(os.getpid()) - before)
                time.sleep(0.05)  # a pool lives a second or more; a scan of /proc takes a few ms of the GIL

        watcher = threading.Thread(target=watch)
        watcher.start()
        try:
            summary = load_paths([src], db, progress=False, workers=2)
        finally:
            done.set()
            watcher.join()
        return summary.totals()["loaded"], seen

    loaded, seen = load(tmp_path / "small.duckdb")
    assert loaded == 2 and started == [] and seen == set()
    monkeypatch.setattr(loader_mod, "BATCH_SIZE", 1)  # the same two rows as two batches: the pool's work
    loaded, seen = load(tmp_path / "pooled.duckdb")
    assert loaded == 2 and started == [2] and seen  # the watch sees workers when there are any
