"""Many people at once: N real browser sessions touring the running app while one SQL query runs long.

Why: a company-wide deployment serves many people from one server process, and nothing shared (the
DuckDB connection, the results cache, the chart-image browser, the SQL sandbox) may break or make
everyone wait behind one user. Unit tests cannot show that, so this drives the app over its real
protocol: ``streamlit run dashboard.py`` is started, and headless Chromium pages (Playwright, Debian's
/usr/bin/chromium) each act as one user, over the app's websocket like a person would:

    tour = open every chart page -> change a filter (the sidebar's "Include postings without a date")
           -> select the first bar of "Top skills" (the postings behind it are listed)
           -> download that chart's CSV

Each step is timed from the action to *page ready*: the title drawn, the script run over (no status
widget) and, on chart pages, a Plotly chart on the page. Meanwhile one more session keeps running a
SQL-page query that can only end at the sandbox's time limit. It runs the tour with 1 session, then
with N, each against a freshly started server (so both start with an empty results cache), and
prints p50/p95 page-ready, the errors, the server process's CPU seconds per step (one step is about
one script run) and per tour, and the load average. The browsers run on the same 2 cores as the
server: say so with the figures. Where the machine's CPU went during each phase is printed too
(``cpu_split``: CPU seconds of the server's event-loop thread and of its other threads - script runs,
DuckDB -, of the SQL sandbox's worker processes, of the Chromium processes, of the load driver and of
everything else), read from /proc, so a p95 can be told apart into the server's work and the
browsers' before anything is tuned.

    python -m bench users --sessions 10              # against $BENCH_USERS_DB, else a 20,000-posting demo
"""

from __future__ import annotations

import asyncio
import contextlib
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run", "--disable-dev-shm-usage"]
# A query only the sandbox's time limit ends: a cross join of every posting title with every other.
LONG_SQL = "SELECT count(*) AS n FROM postings a, postings b WHERE md5(a.title || b.title) < '0'"
STEP_TIMEOUT_MS = 300_000


# Where the CPU goes, in the order printed. The server's threads are told apart by /proc: its main
# thread runs Tornado's event loop (websockets, sending each script run's messages); its other
# threads run the scripts and DuckDB's queries (DuckDB's threads are not named in /proc).
GROUPS = ("server event loop", "server scripts + DuckDB", "SQL sandbox workers", "Chromium",
          "load driver", "rest of the machine")


def _cpu(times: Any, children: bool) -> float:
    total = float(times.user + times.system)
    return total + float(times.children_user + times.children_system) if children else total


def cpu_split(server_pid: int | None, driver_pid: int | None = None) -> dict[str, float]:
    """CPU seconds used so far by each group of GROUPS (take two and subtract: ``cpu_delta``).

    Processes that ended count too: their time is in their parent's ``children_*`` fields once
    reaped (a sandbox worker stopped at its time limit, a closed tab's renderer), so each live
    process of a group is counted with its ended children - except the roots whose ended children
    are not theirs to count (this script: a previous phase's server; the server: only its
    workers). ``driver_pid`` is this script's process (default: the caller's). "rest of the
    machine" is every busy CPU second of /proc/stat not in the other groups (other people's work).
    """
    import psutil

    out = dict.fromkeys(GROUPS, 0.0)
    driver = psutil.Process(driver_pid or os.getpid())
    server_tree: set[int] = set()
    try:
        if server_pid is None:
            raise psutil.NoSuchProcess(0)
        server = psutil.Process(server_pid)
        threads = server.threads()
        main = sum(t.user_time + t.system_time for t in threads if t.id == server_pid)
        own = _cpu(server.cpu_times(), children=False)
        out["server event loop"] = main
        out["server scripts + DuckDB"] = own - main
        # the server's children: sandbox workers (and the chart-image browser, if a download asks for one)
        out["SQL sandbox workers"] = _cpu(server.cpu_times(), children=True) - own
        server_tree.add(server_pid)
        for child in server.children(recursive=True):
            server_tree.add(child.pid)
            with contextlib.suppress(psutil.Error):
                out["SQL sandbox workers"] += _cpu(child.cpu_times(), children=True)
    except psutil.Error:  # no server (yet, or any more)
        pass
    out["load driver"] = _cpu(driver.cpu_times(), children=False)
    for proc in driver.children(recursive=True):
        if proc.pid in server_tree:
            continue
        with contextlib.suppress(psutil.Error):
            if "chrom" in proc.name().lower():
                out["Chromium"] += _cpu(proc.cpu_times(), children=True)
            else:  # Playwright's node driver: its children are the browsers, counted above
                out["load driver"] += _cpu(proc.cpu_times(), children=False)
    machine = psutil.cpu_times()
    busy = sum(machine) - machine.idle - getattr(machine, "iowait", 0.0)
    # guest time is already inside user time on Linux
    busy -= getattr(machine, "guest", 0.0) + getattr(machine, "guest_nice", 0.0)
    out["rest of the machine"] = busy - sum(v for k, v in out.items() if k != "rest of the machine")
    return out


def cpu_delta(before: dict[str, float], after: dict[str, float]) -> dict[str, float]:
    """CPU seconds of each group between two ``cpu_split`` readings (a group never goes below 0)."""
    return {k: max(0.0, after[k] - before[k]) for k in GROUPS}


@dataclass
class Phase:
    sessions: int
    steps: list[tuple[str, float]] = field(default_factory=list)  # (step, seconds to page ready)
    errors: list[str] = field(default_factory=list)
    sql_runs: list[float] = field(default_factory=list)  # seconds from Run to the page saying it stopped
    wall: float = 0.0
    server_cpu: float = 0.0
    load: float = 0.0
    cpu: dict[str, float] = field(default_factory=dict)  # CPU seconds per group of GROUPS


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(db: Path, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    env = {**os.environ, "WAREHOUSE_DB": str(db)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while True:
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                if resp.status == 200:
                    return proc, url
        except OSError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"streamlit did not start (exit {proc.poll()}); see {log}")
        time.sleep(0.3)


def stop_server(proc: subprocess.Popen[bytes]) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


async def _ready(page: Any, charts: bool) -> None:
    """Until the script run is over and what a user waits for is drawn."""
    await page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=STEP_TIMEOUT_MS)
    idle = "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"
    await page.wait_for_timeout(100)  # the run starts
    await page.wait_for_function(idle, timeout=STEP_TIMEOUT_MS)
    if charts:
        await page.locator(".js-plotly-plot").first.wait_for(timeout=STEP_TIMEOUT_MS)


async def _problem(page: Any) -> str | None:
    """A traceback or an error box on the page, if any."""
    if await page.get_by_test_id("stException").count():
        return "exception shown"
    errors = page.get_by_test_id("stAlertContentError")
    if await errors.count():
        return "error shown: " + (await errors.first.inner_text())[:120]
    return None


def why_failed(url: str) -> str:
    """What the server answers now for a download the browser gave up on (Chromium reports a 404 as
    "canceled", so the failure alone does not say whose fault it was)."""
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return f"its URL answers {resp.status} now (the browser's side failed)"
    except urllib.error.HTTPError as exc:
        gone = " (the server dropped the file before the browser fetched it)" if exc.code == 404 else ""
        return f"its URL answers {exc.code}{gone}"
    except OSError as exc:
        return f"its URL does not answer: {exc}"


async def tour(browser: Any, url: str, slugs: list[str], phase: Phase, who: int) -> None:
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)

    async def step(name: str, action: Any, charts: bool = True) -> None:
        t0 = time.perf_counter()
        try:
            await action()
            await _ready(page, charts)
            problem = await _problem(page)
            if problem:
                phase.errors.append(f"session {who} {name}: {problem}")
        except Exception as exc:
            line = (str(exc).splitlines() or [""])[0][:160]
            phase.errors.append(f"session {who} {name}: {type(exc).__name__}: {line}")
        phase.steps.append((name, time.perf_counter() - t0))
        if os.environ.get("BENCH_USERS_VERBOSE"):
            print(f"  session {who}: {name} {phase.steps[-1][1]:.1f} s", flush=True)

    try:
        for slug in slugs:
            await step(f"open {slug or 'overview'}", lambda slug=slug: page.goto(f"{url}/{slug}"))

        async def change_filter() -> None:
            await page.goto(f"{url}/skills")
            await _ready(page, True)
            await page.get_by_text("Include postings without a date").click(no_wait_after=True)
            await page.wait_for_url(lambda u: "undated=no" in u, timeout=STEP_TIMEOUT_MS)

        await step("change a filter", change_filter)

        async def drill() -> None:
            bar = page.locator(".js-plotly-plot").first.locator("g.point path").first
            await bar.click(force=True)
            await page.get_by_text("Postings behind the selection").first.wait_for(timeout=STEP_TIMEOUT_MS)

        await step("drill down", drill)

        async def download() -> None:
            await page.get_by_test_id("stPopover").nth(1).get_by_role("button").click()
            body = page.get_by_test_id("stPopoverBody")
            async with page.expect_download(timeout=STEP_TIMEOUT_MS) as info:
                await body.get_by_role("button", name="CSV", exact=True).click()
            download = await info.value
            failure = await download.failure()
            if failure:
                raise RuntimeError(f"download {failure}: {await asyncio.to_thread(why_failed, download.url)}")
            if not Path(await download.path()).read_bytes().startswith(b"skill"):
                raise RuntimeError("the CSV does not start with its header")
            await page.keyboard.press("Escape")

        await step("download CSV", download, charts=False)
    finally:
        await context.close()


async def long_sql(browser: Any, url: str, phase: Phase, done: asyncio.Event) -> None:
    """One session running the long query again and again until the tours are over."""
    context = await browser.new_context(viewport={"width": 1400, "height": 1000})
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    try:
        await page.goto(f"{url}/sql?q={urllib.parse.quote(LONG_SQL)}")
        await _ready(page, charts=False)
        busy = "() => !!document.querySelector('[data-testid=\"stStatusWidget\"]')"
        while not done.is_set():
            t0 = time.perf_counter()
            await page.get_by_role("button", name="Run", exact=True).click()
            # Wait for this run to start and end before looking at the answer: the previous run's
            # "Stopped" stays on the page meanwhile, and clicking Run again at once would be a
            # stream of reruns (a person presses it once per answer).
            with contextlib.suppress(Exception):
                await page.wait_for_function(busy, timeout=5_000)
            await page.wait_for_function(f"() => !({busy.removeprefix('() => ')})", timeout=STEP_TIMEOUT_MS)
            # the time limit's warning ("Stopped"), or a result on a warehouse too small to keep it busy
            ended = page.get_by_text("Stopped").or_(page.get_by_test_id("stDataFrame"))
            await ended.first.wait_for(timeout=STEP_TIMEOUT_MS)
            phase.sql_runs.append(time.perf_counter() - t0)
            await page.wait_for_timeout(1_000)
            if not await page.get_by_text("Stopped").count():
                phase.errors.append("SQL session: the long query ended before its time limit "
                                    "(warehouse too small)")
                break
    except Exception as exc:
        if not done.is_set():
            phase.errors.append(f"SQL session: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    finally:
        await context.close()


async def run_phase(db: Path, sessions: int, slugs: list[str], log_dir: Path) -> Phase:
    import psutil
    from playwright.async_api import async_playwright

    phase = Phase(sessions)
    proc, url = start_server(db, log_dir / f"streamlit-{sessions}.log")
    try:
        server = psutil.Process(proc.pid)
        async with async_playwright() as p:
            browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            try:
                done = asyncio.Event()
                sql = asyncio.create_task(long_sql(browser, url, phase, done))
                await asyncio.sleep(2)  # the long query is running before the tours start
                cpu0, split0, t0 = sum(server.cpu_times()[:2]), cpu_split(proc.pid), time.perf_counter()
                await asyncio.gather(*(tour(browser, url, slugs, phase, i) for i in range(sessions)))
                phase.wall = time.perf_counter() - t0
                phase.server_cpu = sum(server.cpu_times()[:2]) - cpu0
                phase.cpu = cpu_delta(split0, cpu_split(proc.pid))
                phase.load = os.getloadavg()[0]
                done.set()
                with contextlib.suppress(TimeoutError):  # let the running query reach its limit, then stop
                    await asyncio.wait_for(sql, timeout=30)
            finally:
                await browser.close()
    finally:
        stop_server(proc)
    return phase


def _pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def report(phases: list[Phase]) -> None:
    print("\n| sessions | steps | p50 page-ready, s | p95 page-ready, s | max, s | errors | wall, s | "
          "server CPU s per step | server CPU s per tour | SQL runs stopped (s each) | load average |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | ---: |")
    for ph in phases:
        times = [t for _, t in ph.steps]
        sql = ", ".join(f"{s:.1f}" for s in ph.sql_runs) or "-"
        print(f"| {ph.sessions} | {len(times)} | {_pct(times, 0.5):.2f} | {_pct(times, 0.95):.2f} | "
              f"{max(times, default=float('nan')):.2f} | {len(ph.errors)} | {ph.wall:.1f} | "
              f"{ph.server_cpu / max(1, len(times)):.2f} | {ph.server_cpu / max(1, ph.sessions):.2f} | "
              f"{sql} | {ph.load:.1f} |")
    print(f"\nWhere the CPU went while the tours ran (CPU seconds, share of the {os.cpu_count()} cores' "
          "seconds over the phase's wall time; from /proc):\n")
    print("| sessions | " + " | ".join(GROUPS) + " | idle |")
    print("| ---: |" + " ---: |" * (len(GROUPS) + 1))
    for ph in phases:
        capacity = (os.cpu_count() or 1) * ph.wall
        idle = max(0.0, capacity - sum(ph.cpu.values()))
        cells = [f"{ph.cpu.get(g, 0.0):.1f} ({ph.cpu.get(g, 0.0) / capacity:.0%})" for g in GROUPS]
        print(f"| {ph.sessions} | " + " | ".join(cells) + f" | {idle:.1f} ({idle / capacity:.0%}) |")
    if len(phases) == 2 and phases[0].steps and phases[1].steps:
        one = _pct([t for _, t in phases[0].steps], 0.95)
        many = _pct([t for _, t in phases[1].steps], 0.95)
        print(f"\np95 with {phases[1].sessions} sessions / p95 with 1: {many / one:.1f}x (aim: at most 3x)")
    for ph in phases:
        by_step: dict[str, list[float]] = {}
        for name, t in ph.steps:
            by_step.setdefault(name, []).append(t)
        print(f"\n{ph.sessions} session(s), median page-ready per step: "
              + ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in by_step.items()))
        for e in ph.errors[:20]:
            print(f"  error: {e}")


def run(postings: int, repeat: int, sessions: int = 10) -> None:
    from analytics.pages import CHART_PAGES

    if not CHROMIUM.exists():
        raise SystemExit("/usr/bin/chromium is not installed (apt-get install chromium)")
    keep = os.environ.get("BENCH_USERS_DB")
    with tempfile.TemporaryDirectory(prefix="bench-users-") as tmp:
        if keep:
            db = Path(keep)
        else:
            from bench.pages import build

            db = build(Path(tmp), postings)
        from analytics import db as adb

        total = adb.query("SELECT count(*) AS n FROM postings", None, db)[0]["n"].iloc[0]
        adb.close_all()
        slugs = [p.slug for p in CHART_PAGES]
        print(f"warehouse: {total:,} postings ({db}); {os.cpu_count()} cores shared by the server, "
              f"Chromium and the other work on this machine; load average {os.getloadavg()[0]:.1f}",
              flush=True)
        print(f"tour per session: open {', '.join(slugs)}; change a filter; drill down; download CSV. "
              f"One more session runs a query stopped at the sandbox's time limit meanwhile.", flush=True)
        phases = []
        for n in (1, sessions):
            phases.append(asyncio.run(run_phase(db, n, slugs, Path(tmp))))
            ph = phases[-1]
            print(f"{n} session(s): {len(ph.steps)} steps, {len(ph.errors)} errors, {ph.wall:.1f} s",
                  flush=True)
        report(phases)
