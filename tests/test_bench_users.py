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
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from bench.users import (
    CHROMIUM_GROUPS,
    GROUPS,
    Phase,
    chromium_group,
    cpu_delta,
    cpu_split,
    ended_at_a_limit,
    pause_s,
    report,
    server_processes,
    why_failed,
)

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
    assert sum(spent[g] for g in CHROMIUM_GROUPS) < 0.2


def test_replicas_count_as_the_server_and_their_supervisor_as_the_balancer() -> None:
    """``ui.serve --replicas N``: the servers are the supervisor's ``ui.serve`` children (their threads add
    up), the supervisor itself (and HAProxy) is the balancer."""
    replica = ("import sys\nsys.stdin.readline()\n" + BURN.format(s=0.3)
               + "print('done', flush=True)\nsys.stdin.readline()\n")
    supervisor = f"""
import subprocess, sys
kids = [subprocess.Popen([sys.executable, "-c", {replica!r}, "ui.serve"], stdin=subprocess.PIPE,
                         stdout=subprocess.PIPE, text=True) for _ in range(2)]
print("up", flush=True)
sys.stdin.readline()
for k in kids:
    k.stdin.write("go\\n"); k.stdin.flush()
exec({BURN.format(s=0.3)!r})
for k in kids:
    k.stdout.readline()
print("done", flush=True)
sys.stdin.readline()
"""
    proc = subprocess.Popen([sys.executable, "-c", supervisor], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                            text=True)
    try:
        assert proc.stdin is not None and proc.stdout is not None
        assert proc.stdout.readline().strip() == "up"
        before = cpu_split(proc.pid)
        proc.stdin.write("go\n")
        proc.stdin.flush()
        assert proc.stdout.readline().strip() == "done"
        spent = cpu_delta(before, cpu_split(proc.pid))
    finally:
        proc.kill()
        proc.wait()
    assert spent["server event loop"] >= 0.5  # both replicas' main threads, 0.3 s each
    assert spent["balancer"] >= 0.25  # the supervisor's own 0.3 s
    assert spent["load driver"] < 0.2  # neither counted as this script's


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


def test_think_times_are_seeded_per_session_and_drawn_as_stated() -> None:
    """``--think T``: a rerun with the same seed waits the same; sessions and seeds differ; the first pause
    is uniform 0..T (arrivals spread), the others 0.5..1.5 T; T = 0 (back to back) draws nothing."""
    def draws(seed: int, who: int) -> list[float]:
        rng = Phase(10, think=2.0, seed=seed).pauses(who)
        return [pause_s(2.0, rng, first=i == 0) for i in range(200)]

    assert draws(0, 3) == draws(0, 3)
    assert draws(0, 3) != draws(0, 4) and draws(0, 3) != draws(1, 3)
    many = [d for who in range(10) for d in draws(0, who)[1:]]
    assert 1.0 <= min(many) < 1.1 and 2.9 < max(many) <= 3.0
    firsts = [draws(0, who)[0] for who in range(50)]
    assert min(firsts) >= 0 and max(firsts) <= 2.0 and min(firsts) < 0.5
    rng = random.Random(0)
    assert pause_s(0.0, rng, first=False) == 0.0 and rng.random() == random.Random(0).random()


def _phase(sessions: int, think: float, seconds: list[float]) -> Phase:
    ph = Phase(sessions, driver="protocol", think=think, seed=0, wall=10.0)
    ph.steps = [("open skills", s) for s in seconds]
    ph.cpu = dict.fromkeys(GROUPS, 0.0)
    return ph


def test_the_report_keeps_the_back_to_back_ratio_and_adds_the_think_time_one(
        capsys: pytest.CaptureFixture[str]) -> None:
    """Both load models are printed, each ratio against its own model's single session, and the
    back-to-back line keeps its wording (a contract: README and docs quote it)."""
    report([_phase(1, 0.0, [0.1] * 20), _phase(10, 0.0, [0.5] * 20),
            _phase(1, 5.0, [0.1] * 20), _phase(10, 5.0, [0.2] * 20)])
    out = capsys.readouterr().out
    assert ("\nprotocol: p95 with 10 sessions (10 of them protocol) / p95 with 1: 5.0x (aim: at most 3x)"
            in out)
    assert ("\nprotocol, think time 5 (2.5-7.5, seed 0): p95 with 10 sessions (10 of them protocol) / p95 "
            "with 1: 2.0x (aim: at most 3x)") in out
    header = out.split("\n")[1]
    assert header.startswith("| sessions | steps | p50 page-ready, s | p95 page-ready, s |")
    assert header.endswith("| server memory, MB | think, s |")
    assert "| 10 (0 Chromium), think 5 s | " in out  # the CPU table tells the models apart


def test_a_server_child_ending_meanwhile_is_skipped_not_fatal() -> None:
    """A sandbox worker stopped at its time limit is a zombie until reaped: reading its command line raised
    psutil.ZombieProcess and ended the whole bench after a phase's tours (4 Dec 2026, 23:54 UTC)."""
    import psutil

    class Child:
        def __init__(self, line: str | None) -> None:
            self.line = line

        def cmdline(self) -> list[str]:
            if self.line is None:
                raise psutil.ZombieProcess(12075)
            return self.line.split()

    class Server:
        def __init__(self, *children: Child) -> None:
            self.kids = list(children)

        def children(self) -> list[Child]:
            return self.kids

    ended, worker = Child(None), Child("python -m analytics.sandbox_worker")
    replica = Child("python -m ui.serve")
    alone = Server(ended, worker)
    assert server_processes(alone) == [alone]
    assert server_processes(Server(ended, replica)) == [replica]


def test_chromium_s_processes_go_to_their_kind() -> None:
    """Renderers (and the zygote that forks them), the GPU process and the browser with its utilities
    are told apart by their command line's --type, so a page's drawing is not mixed with the browser's
    networking."""
    assert chromium_group(["chromium", "--type=renderer", "--lang=en"]) == "Chromium renderers"
    assert chromium_group(["chromium", "--type=zygote"]) == "Chromium renderers"
    assert chromium_group(["chromium", "--type=gpu-process"]) == "Chromium GPU"
    assert chromium_group(["chromium", "--type=utility", "--utility-sub-type=network"]) == \
        "Chromium browser + utilities"
    assert chromium_group(["/usr/lib/chromium/chromium", "--headless"]) == "Chromium browser + utilities"


def test_the_report_prints_cpu_ms_per_step_while_the_protocol_tours_ran(
        capsys: pytest.CaptureFixture[str]) -> None:
    ph = _phase(10, 0.0, [0.5] * 20)
    ph.window_cpu = {**dict.fromkeys(GROUPS, 0.0), "server event loop": 0.2, "Chromium renderers": 1.0}
    ph.window_steps, ph.protocol_wall, ph.loads = 20, 3.0, (1.5, 2.5)
    report([_phase(1, 0.0, [0.1] * 20), ph])
    out = capsys.readouterr().out
    assert "CPU-ms per page-ready step by group while the protocol tours ran" in out
    # 200 ms of the event loop and 1,000 of renderers over 20 steps
    assert "| 10 (0 Chromium) | 3.0 | 20 | 10 | 0 | 0 | 0 | 50 | 0 |" in out
    assert out.rstrip().count("1.5 -> 2.5") == 1


def test_the_long_query_ends_at_its_own_limit_or_at_the_wall_limit() -> None:
    """QA round twenty-four: the SQL limit counts the query's own run, so on a machine the tours saturate the
    long query can end at the wall-clock limit ("Busy: the server was too busy to run the query") before its
    own 10 s: it still ran to a limit, not "ended before its time limit". A rate limit's Busy is not one."""
    assert ended_at_a_limit(["**Stopped**"], ["stopped: the query ran longer than 10 s"])
    assert ended_at_a_limit(["**Busy**"], ["stopped: the server was too busy to run the query: in 30 s it "
                                           "got 4.1 s of its 10 s; try again shortly"])
    assert not ended_at_a_limit(["**Busy**"], ["Too many runs: this session started 10 queries"])
    assert not ended_at_a_limit([], [])
    # the page as QA round thirty-seven left it: the reason in the warning box, no code block
    assert ended_at_a_limit(["**Stopped.** The query ran longer than 10 s"], [])
    assert ended_at_a_limit(["**Busy.** The server was too busy to run the query: in 30 s it got 0.1 s of "
                             "its 10 s; try again shortly"], [])
    assert not ended_at_a_limit(["**Busy.** Too many runs: this session started 10 queries in the last 10 s"],
                                [])
