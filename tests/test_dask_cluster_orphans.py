"""A test run killed by SIGKILL leaves no Dask cluster behind (tests/dask_cluster.py).

The cluster is started the way the tests' fixture starts it, from a child process that stands in for a
pytest worker; that child is SIGKILLed, and its scheduler and workers, real processes on 127.0.0.1, must
end within seconds rather than run on with parent 1.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from dask_cluster import PROJECT, Cluster
from processes import descendants, running

TESTS = Path(__file__).resolve().parent

STARTER = """
import sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from dask_cluster import Cluster
cluster = Cluster(Path(sys.argv[2]))
cluster.start(workers=2)
print(" ".join(str(p.pid) for p in cluster.procs), flush=True)
time.sleep(600)
"""


def test_sigkilled_starter_leaves_no_scheduler_or_worker(tmp_path: Path) -> None:
    proc = subprocess.Popen([sys.executable, "-c", STARTER, str(TESTS), str(tmp_path)], cwd=PROJECT,
                            stdout=subprocess.PIPE)
    assert proc.stdout is not None
    pids = [int(p) for p in proc.stdout.readline().split()]  # empty if the starter failed
    if not pids:
        proc.kill()
        proc.wait()
    assert len(pids) == 3, f"the cluster did not start; logs in {tmp_path}"  # scheduler, two workers
    assert all(running(p) for p in pids)
    cmdlines = [Path(f"/proc/{p}/cmdline").read_bytes().split(b"\0") for p in pids]
    assert [c[2] for c in cmdlines if len(c) > 2] == [b"scheduler", b"worker", b"worker"], cmdlines
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10  # SIGKILL: at once; slack for a loaded machine
    while time.monotonic() < deadline and any(running(p) for p in pids):
        time.sleep(0.2)
    left = [p for p in pids if running(p)]
    for pid in left:  # do not leave them running for the rest of the suite
        os.killpg(pid, signal.SIGKILL)
    assert not left, f"cluster processes of the killed starter still running: {left}"


def test_stop_ends_every_process_cleanly_and_quickly(tmp_path: Path) -> None:
    """No process needs the SIGKILL fallback of ``Cluster.stop`` (a worker SIGTERMed with its scheduler
    hung in its close: 20-40 s of every run's teardown)."""
    cluster = Cluster(tmp_path)
    cluster.start(workers=2)
    started = time.monotonic()
    cluster.stop()
    assert [p.returncode for p in cluster.procs] == [0, 0, 0]
    assert time.monotonic() - started < 10


def _spawned_workers(pids: set[int]) -> set[int]:
    """The local cluster's worker processes (multiprocessing's spawn, Dask's default start method)."""
    found = set()
    for pid in pids:
        try:
            if b"spawn_main" in Path(f"/proc/{pid}/cmdline").read_bytes():
                found.add(pid)
        except OSError:
            continue
    return found


def test_sigkilled_dask_lake_build_leaves_no_process(tmp_path: Path) -> None:
    """The production path: ``etl lake build --engine dask`` without an address starts a local cluster
    (distributed.LocalCluster: nannies in the build's process, each worker a spawned process of it)."""
    from etl.demo import write_raw

    raw = tmp_path / "raw"
    write_raw(raw, 4000, seed=5, formats=("jobspy",))
    proc = subprocess.Popen([sys.executable, "-m", "etl", "lake", "build", str(raw), "--lake",
                             str(tmp_path / "lake"), "--engine", "dask", "--workers", "2"], cwd=PROJECT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    helpers: set[int] = set()
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and proc.poll() is None:
        helpers = descendants(proc.pid)
        if len(_spawned_workers(helpers)) >= 2:
            break
        time.sleep(0.2)
    assert proc.poll() is None, "the build finished before its workers were seen; make the input larger"
    assert len(_spawned_workers(helpers)) >= 2, helpers
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(running(p) for p in helpers):
        time.sleep(0.2)
    left = sorted(p for p in helpers if running(p))
    for pid in left:  # do not leave them running for the rest of the suite
        os.kill(pid, signal.SIGKILL)
    assert not left, f"processes of the killed build still running: {left}"
