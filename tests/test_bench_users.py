"""The load test's CPU accounting (bench.users.cpu_split) on real processes.

Why: the 10-session figures are read as "where does the CPU go" - server, SQL sandbox, browsers - and
the processes that matter most end during a run (a sandbox worker is killed at every time limit), so
the accounting must count ended children in their group and must not count what is not theirs
(the bench's own ended children: a previous phase's server). CPU amounts, not times, are asserted:
each process burns a fixed amount of CPU time, however loaded the machine is.
"""

from __future__ import annotations

import functools
import http.server
import subprocess
import sys
import threading
from pathlib import Path

from bench.users import GROUPS, cpu_delta, cpu_split, why_failed

BURN = "import time\nt = time.process_time()\nwhile time.process_time() - t < {s}: pass\n"

# A "server": on a line from stdin, a child burns 0.4 s of CPU and ends (reaped, as the sandbox's
# stopped workers are), then the server's main thread burns 0.3 s, a second thread 0.3 s; then it
# says so and waits.
SERVER = f"""
import subprocess, sys, threading
sys.stdin.readline()
subprocess.run([sys.executable, "-c", {BURN.format(s=0.4)!r}], check=True)
exec({BURN.format(s=0.3)!r})
t = threading.Thread(target=lambda: exec({BURN.format(s=0.3)!r}))
t.start(); t.join()
print("done", flush=True)
sys.stdin.readline()
"""


def test_a_server_s_threads_and_its_ended_workers_are_told_apart() -> None:
    server = subprocess.Popen([sys.executable, "-c", SERVER], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)
    try:
        before = cpu_split(server.pid)
        assert server.stdin is not None and server.stdout is not None
        server.stdin.write("go\n")
        server.stdin.flush()
        assert server.stdout.readline().strip() == "done"
        spent = cpu_delta(before, cpu_split(server.pid))
    finally:
        server.kill()
        server.wait()
    assert set(spent) == set(GROUPS)
    assert spent["SQL sandbox workers"] >= 0.35  # the ended child, from the server's children_* times
    assert spent["server event loop"] >= 0.25  # the main thread
    assert spent["server scripts + DuckDB"] >= 0.25  # the other thread, ended before the reading
    # every Chromium on the machine counts (in CI the other test worker's chart-image browser may tick),
    # but none of the server's 0.3-0.4 s bursts may land there
    assert spent["Chromium"] < 0.2


def test_the_driver_does_not_count_its_ended_children() -> None:
    before = cpu_split(None)  # no server: a previous phase's server has ended
    subprocess.run([sys.executable, "-c", BURN.format(s=0.4)], check=True)  # reaped by this process
    spent = cpu_delta(before, cpu_split(None))
    assert spent["load driver"] < 0.3  # the child's 0.4 s went to the rest of the machine
    assert spent["rest of the machine"] >= 0.35


def test_a_failed_download_says_what_the_server_answers(tmp_path: Path) -> None:
    """Chromium calls a download whose URL answers 404 "canceled": the bench's error says which it was."""
    (tmp_path / "top.csv").write_text("skill,postings\n")
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(tmp_path))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        base = f"http://127.0.0.1:{server.server_address[1]}"
        assert why_failed(f"{base}/gone.csv") == \
            "its URL answers 404 (the server dropped the file before the browser fetched it)"
        assert why_failed(f"{base}/top.csv").startswith("its URL answers 200")
    finally:
        server.shutdown()
        server.server_close()
