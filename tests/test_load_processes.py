"""A load killed by SIGKILL leaves no process behind: no fork server, no resource tracker, no worker."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from processes import descendants, running

from etl.demo import write_raw

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
