"""A real Dask cluster on 127.0.0.1 for tests: ``dask scheduler`` and ``dask worker`` processes.

They die with the process that started them, also when it is SIGKILLed (a CI timeout, Ctrl-C twice
under xdist): before it execs ``dask``, each child asks the kernel for SIGKILL when its parent dies
(Linux ``prctl(PR_SET_PDEATHSIG)``, kept across exec). Without it the cluster ran on, parent 1, for
half an hour after a killed run. SIGKILL, not SIGTERM: a worker SIGTERMed while its scheduler closes
too hung in its own close (asyncio CancelledError) for over 15 s in 8 of 10 tries here, and a test's
cluster holds nothing worth a graceful end; its scratch space is in the cluster's home (pytest's
temporary directory), so a killed worker leaves nothing in /tmp. Not ``preexec_fn``: the test process
runs threads (execnet, Dask's client loop), and Python code between fork and exec in a threaded
process can deadlock; the small launcher below runs in the freshly exec'd child instead. Each child
also gets a session of its own (a terminal's Ctrl-C goes to pytest, which stops them in order) and
``stop`` ends the group.

The kernel signals when the *thread* that started the child ends, so start them from a thread that
lives as long as the cluster (pytest's main thread does).
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]
DASK = str(Path(sys.executable).with_name("dask"))

# argv: parent pid, then the command. prctl first, then check the parent is still the one that started
# us (it may have died before the prctl, and the signal would then never come), then exec the command.
DIE_WITH_PARENT = """
import ctypes, os, signal, sys
ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # 1 = PR_SET_PDEATHSIG
if os.getppid() != int(sys.argv[1]):
    os._exit(1)
os.execv(sys.argv[2], sys.argv[2:])
"""


def die_with_parent(args: list[str]) -> list[str]:
    """``args`` run so that the process gets SIGKILL when the caller (this process) dies."""
    return [sys.executable, "-c", DIE_WITH_PARENT, str(os.getpid()), *args]


class Cluster:
    """``dask scheduler`` and ``dask worker`` processes; stopped (and waited for) at the end."""

    def __init__(self, home: Path) -> None:
        self.home = home
        self.scheduler_file = home / "scheduler.json"
        self.procs: list[subprocess.Popen[bytes]] = []
        self.workers: list[subprocess.Popen[bytes]] = []
        # Workers configured as docs/scale-out.md tells operators (fewer wake-ups that cost extraction CPU)
        self.env = {**os.environ, "PYTHONPATH": str(PROJECT), "DASK_DISTRIBUTED__WORKER__DAEMON": "False",
                    "DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED": "False",
                    "DASK_DISTRIBUTED__ADMIN__TICK__INTERVAL": "1s",
                    "DASK_DISTRIBUTED__WORKER__MEMORY__MONITOR_INTERVAL": "1s",
                    "DASK_DISTRIBUTED__ADMIN__SYSTEM_MONITOR__INTERVAL": "5s"}

    def _spawn(self, args: list[str], log: str) -> subprocess.Popen[bytes]:
        fh = open(self.home / log, "ab")  # noqa: SIM115 - closed with the process below
        proc = subprocess.Popen(die_with_parent(args), cwd=PROJECT, env=self.env, stdout=fh,
                                stderr=subprocess.STDOUT, start_new_session=True)
        fh.close()
        self.procs.append(proc)
        return proc

    def start(self, workers: int = 2) -> None:
        self._spawn([DASK, "scheduler", "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", str(self.scheduler_file)], "scheduler.log")
        self._wait(lambda: self.scheduler_file.exists(), "the scheduler did not start")
        for _ in range(workers):
            self.add_worker()

    def add_worker(self) -> subprocess.Popen[bytes]:
        n = len(self.workers)
        alive = sum(w.poll() is None for w in self.workers) + 1
        proc = self._spawn(
            [
                DASK,
                "worker",
                "--scheduler-file",
                str(self.scheduler_file),
                "--host",
                "127.0.0.1",
                "--nthreads",
                "1",
                "--no-nanny",
                "--no-dashboard",
                "--name",
                f"w{n}",
                "--memory-limit",
                "0",
                "--local-directory",
                str(self.home),
            ],
            f"worker{n}.log",
        )
        self.workers.append(proc)
        self._wait(lambda: self.count_workers() >= alive, f"worker {n} did not join")
        return proc

    @property
    def address(self) -> str:
        return str(json.loads(self.scheduler_file.read_text())["address"])

    def count_workers(self) -> int:
        from distributed import Client

        with Client(self.address, timeout="20s") as client:
            return len(client.scheduler_info(n_workers=-1)["workers"])

    def _wait(self, ok, what: str, timeout: float = 120) -> None:  # type: ignore[no-untyped-def]
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                if ok():
                    return
            except (OSError, ValueError, TimeoutError):
                pass
            time.sleep(0.3)
        raise AssertionError(f"{what}; logs in {self.home}")

    def stop(self) -> None:
        # Workers first, while their scheduler still answers: SIGTERMed together with it, a worker hung in
        # its close until the SIGKILL below (20-40 s per stop, measured), now under a second
        for group in (self.procs[1:], self.procs[:1]):
            for proc in group:
                if proc.poll() is None:
                    os.killpg(proc.pid, signal.SIGTERM)
            for proc in group:
                try:
                    proc.wait(timeout=20)
                except subprocess.TimeoutExpired:
                    os.killpg(proc.pid, signal.SIGKILL)
                    proc.wait()
