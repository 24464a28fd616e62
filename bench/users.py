"""Many people at once: N sessions touring the running app while one SQL query runs long.

Why: a company-wide deployment serves many people from one server process, and nothing shared (the
DuckDB connection, the results cache, the chart-image browser, the SQL sandbox) may break or make
everyone wait behind one user. Unit tests cannot show that, so this drives the app over its real
protocol: ``streamlit run dashboard.py`` is started, and each session acts as one user:

    tour = open every chart page -> change a filter (the sidebar's "Include postings without a date")
           -> select the first bar of "Top skills" (the postings behind it are listed)
           -> download that chart's CSV

Two kinds of session run the same tour (``--driver``):

- ``protocol`` (the default): bench.protocol speaks Streamlit's own websocket protocol (protobuf
  BackMsg/ForwardMsg on /_stcore/stream) without a browser, widget ids read from the server's
  elements. Page ready = the server's end of the script run the action started. On this machine
  (2 cores shared with the server) one Chromium per user took 63 % of the CPU with 10 users, so the
  figures measured the browsers; a protocol session costs the machine a few percent.
- ``chromium``: headless Chromium pages (Playwright, Debian's /usr/bin/chromium), page ready = the title
  drawn, the script run over (no status widget) and, on chart pages, a Plotly chart on the page.

With ``--driver protocol``, ``--browsers K`` (default 1) of the N sessions are real Chromium pages, so
browser rendering stays covered; their figures are reported on rows of their own (and a single
Chromium session's, for comparison). Meanwhile one more session keeps running a SQL-page query that
can only end at the sandbox's time limit. Each phase - 1 session, 1 Chromium session, N sessions - runs
against a freshly started server (so each starts with an empty results cache), and prints p50/p95
page-ready, the errors, the server process's CPU seconds per step (one step is about one script run)
and per tour, the server's own time per script run (protocol sessions: from the run's first message
to its end), and the load average. Where the machine's CPU went during each phase is printed too
(``cpu_split``: CPU seconds of the server's event-loop thread and of its other threads - script runs,
DuckDB -, of the SQL sandbox's worker processes, of the Chromium processes, of the load driver and of
everything else), read from /proc, so a p95 can be told apart into the server's work and the
drivers' before anything is tuned.

    python -m bench users --sessions 10              # against $BENCH_USERS_DB, else a 20,000-posting demo
    python -m bench users --sessions 10 --driver chromium   # every session a Chromium page (as before)
    python -m bench users --sessions 10 --warm       # the server started as make run does (ui.serve)
    python -m bench users --sessions 10 --think 5    # also: people pausing about 5 s between steps
    python -m bench users --sessions 10 --replicas 2 # two warm servers behind HAProxy (ui.replicas)

Load model. Without ``--think`` every session fires its next step the instant the previous one is ready:
ten people clicking without ever reading a chart. That measures the server's saturation throughput (a
closed queue with no think time: page-ready grows with the sessions times each run's server work),
not ten people using the app. Load tests of web apps give each virtual user a think time between
actions (Locust's ``wait_time = between(a, b)``, k6's ``sleep``); ``--think T`` adds phases where each
session waits a random time, uniform between 0.5 T and 1.5 T, before each step after its first, and
uniform between 0 and T before its first (users arrive over time, as Locust spawns them); the waits are
drawn from ``random.Random(f"{seed}:{session}")`` (``--seed``, default 0), so a rerun waits the same.
The back-to-back phases always run and print first; the think-time phases (1 session and N, the same
browsers) are printed beside them, each ratio against its own model's single session. Page-ready never
includes the think time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import random
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
FILTER_LABEL = "Include postings without a date"  # the sidebar filter the tour changes
DRIVERS = ("protocol", "chromium")


# Where the CPU goes, in the order printed. The server's threads are told apart by /proc: its main
# thread runs Tornado's event loop (websockets, sending each script run's messages); its other
# threads run the scripts and DuckDB's queries (DuckDB's threads are not named in /proc).
# Chromium is told apart by its processes' ``--type``: the renderers (the page's JavaScript, Plotly's
# drawing), the GPU process (software compositing here: --disable-gpu) and the browser process with its
# utilities (network, storage); Playwright's node driver speaks to it for the bench.
GROUPS = ("server event loop", "server scripts + DuckDB", "SQL sandbox workers", "balancer",
          "Chromium renderers", "Chromium GPU", "Chromium browser + utilities", "Playwright driver",
          "load driver", "rest of the machine")
CHROMIUM_GROUPS = ("Chromium renderers", "Chromium GPU", "Chromium browser + utilities")


def chromium_group(cmdline: list[str]) -> str:
    """The group of GROUPS a Chromium process's CPU goes to, from its command line's ``--type``."""
    kind = next((a.split("=", 1)[1] for a in cmdline if a.startswith("--type=")), "")
    if kind in ("renderer", "zygote"):  # the zygote forks the renderers
        return "Chromium renderers"
    return "Chromium GPU" if kind == "gpu-process" else "Chromium browser + utilities"


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
        root = psutil.Process(server_pid)
        # ``ui.serve --replicas N``: the servers are the supervisor's ui.serve children; the supervisor
        # and HAProxy are the balancer
        replicas = [c for c in root.children() if "ui.serve" in " ".join(c.cmdline())]
        servers = replicas or [root]
        if replicas:
            for proc in [root, *(c for c in root.children() if c.pid not in {r.pid for r in replicas})]:
                server_tree.add(proc.pid)
                with contextlib.suppress(psutil.Error):
                    out["balancer"] += _cpu(proc.cpu_times(), children=False)
        for server in servers:
            threads = server.threads()
            main = sum(t.user_time + t.system_time for t in threads if t.id == server.pid)
            own = _cpu(server.cpu_times(), children=False)
            out["server event loop"] += main
            out["server scripts + DuckDB"] += own - main
            # the server's children: sandbox workers (and the chart-image browser, if a download asks for one)
            out["SQL sandbox workers"] += _cpu(server.cpu_times(), children=True) - own
            server_tree.add(server.pid)
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
                # a process's ended children are renderers of closed pages (reaped by the browser or the
                # zygote): their CPU goes there, not to the reaper's group
                times = proc.cpu_times()
                own = _cpu(times, children=False)
                out[chromium_group(proc.cmdline())] += own
                out["Chromium renderers"] += _cpu(times, children=True) - own
            else:  # Playwright's node driver: its children are the browsers, counted above
                out["Playwright driver"] += _cpu(proc.cpu_times(), children=False)
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
    # the same while the protocol tours ran (the window their p95 comes from: the Chromium tour ends
    # later), with the steps finished in it and the load average (1 min) at its start and end
    window_cpu: dict[str, float] = field(default_factory=dict)
    window_steps: int = 0
    loads: tuple[float, float] = (0.0, 0.0)
    # what drove ``steps``/``errors`` ("protocol" or "chromium"); with "protocol", ``browsers`` of the
    # sessions were Chromium pages, their steps and errors kept apart (browser rendering included)
    driver: str = "chromium"
    browsers: int = 0
    browser_steps: list[tuple[str, float]] = field(default_factory=list)
    browser_errors: list[str] = field(default_factory=list)
    # protocol sessions' script runs: the server's own time (first message to end) and the wait before it
    script_runs: list[float] = field(default_factory=list)
    script_waits: list[float] = field(default_factory=list)
    server_rss: float = 0.0  # the server process's resident memory at the end of the tours, bytes
    protocol_wall: float = 0.0  # seconds until the last protocol tour ended (the Chromium ones end later)
    think: float = 0.0  # mean seconds each session waits before a step (0: back to back); see the module doc
    seed: int = 0  # the think times' seed

    def pauses(self, who: int) -> random.Random:
        """Session ``who``'s think times, the same on every run with this seed."""
        return random.Random(f"{self.seed}:{who}")

    @property
    def all_errors(self) -> list[str]:
        return self.errors + self.browser_errors


def pause_s(think_s: float, rng: random.Random, first: bool) -> float:
    """A person's pause before a step, in seconds: uniform 0..T before the first (arrivals spread out),
    then uniform 0.5 T..1.5 T (Locust's ``between``); 0 with ``think_s`` 0 (no draw)."""
    if think_s <= 0:
        return 0.0
    return rng.uniform(0, think_s) if first else rng.uniform(0.5 * think_s, 1.5 * think_s)


async def think(phase: Phase, rng: random.Random, first: bool) -> None:
    """Wait a pause (``pause_s``) of this phase's load model."""
    pause = pause_s(phase.think, rng, first)
    if pause:
        await asyncio.sleep(pause)


def start_server(db: Path, log: Path, warm: bool = False,
                 replicas: int = 1) -> tuple[subprocess.Popen[bytes], str]:
    """``streamlit run dashboard.py`` (its caches empty), or with ``warm`` the way ``make run`` starts it:
    ``python -m ui.serve``, which computes every page's default view and runs each page once before its
    health check answers; ``replicas`` > 1: ``python -m ui.serve --replicas N`` (N such servers behind
    HAProxy, ui.replicas), warm."""
    from ui.replicas import free_port, healthy

    port = free_port()
    env = {**os.environ, "WAREHOUSE_DB": str(db)}
    start = ["-m", "ui.serve"] if warm else ["-m", "streamlit", "run", "dashboard.py"]
    if replicas > 1:
        start = ["-m", "ui.serve", "--replicas", str(replicas)]
        warm = True
    proc = subprocess.Popen(
        [sys.executable, *start, "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=env, stdout=log.open("wb"), stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + (600 if warm else 120)
    while not healthy(url):
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            raise SystemExit(f"streamlit did not start (exit {proc.poll()}); see {log}")
        time.sleep(0.3)
    return proc, url


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
    """One Chromium page's tour; its steps go to ``phase.steps``, or to ``phase.browser_steps`` when the
    phase's other sessions speak the protocol."""
    steps, errors = (phase.browser_steps, phase.browser_errors) if phase.driver == "protocol" else \
        (phase.steps, phase.errors)
    steps_done: list[str] = []  # this session's steps so far (the first one's pause differs)
    context = await browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = await context.new_page()
    page.set_default_timeout(STEP_TIMEOUT_MS)
    rng = phase.pauses(who)

    async def step(name: str, action: Any, charts: bool = True) -> None:
        await think(phase, rng, first=not steps_done)
        steps_done.append(name)
        t0 = time.perf_counter()
        try:
            await action()
            await _ready(page, charts)
            problem = await _problem(page)
            if problem:
                errors.append(f"session {who} (Chromium) {name}: {problem}")
        except Exception as exc:
            line = (str(exc).splitlines() or [""])[0][:160]
            errors.append(f"session {who} (Chromium) {name}: {type(exc).__name__}: {line}")
        steps.append((name, time.perf_counter() - t0))
        if os.environ.get("BENCH_USERS_VERBOSE"):
            print(f"  session {who} (Chromium): {name} {steps[-1][1]:.1f} s", flush=True)

    try:
        for slug in slugs:
            await step(f"open {slug or 'overview'}", lambda slug=slug: page.goto(f"{url}/{slug}"))

        async def change_filter() -> None:
            await page.goto(f"{url}/skills")
            await _ready(page, True)
            await page.get_by_text(FILTER_LABEL).click(no_wait_after=True)
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


WALL_LIMIT_WORDS = "too busy to run the query"  # analytics.sandbox's wall-clock limit, said as Busy


def ended_at_a_limit(warnings: list[str], codes: list[str]) -> bool:
    """Whether the long query's run ended at a limit: its own ("Stopped") or, on a machine the tours
    saturate, the wall-clock one (Busy, "the server was too busy to run the query"): the sandbox counts a
    query's own run since QA round twenty-four. A rate limit's Busy is not. The reason reads in the warning
    box itself since QA round thirty-seven (before, in a code block under it). Pure."""
    said = [*warnings, *codes]
    return any("Stopped" in w for w in warnings) or any(WALL_LIMIT_WORDS in t for t in said)


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
            limit = page.get_by_text("Stopped").or_(page.get_by_text(WALL_LIMIT_WORDS, exact=False))
            ended = limit.or_(page.get_by_test_id("stDataFrame"))
            await ended.first.wait_for(timeout=STEP_TIMEOUT_MS)
            phase.sql_runs.append(time.perf_counter() - t0)
            await page.wait_for_timeout(1_000)
            if not await limit.count():
                phase.errors.append("SQL session: the long query ended before its time limit "
                                    "(warehouse too small)")
                break
    except Exception as exc:
        if not done.is_set():
            phase.errors.append(f"SQL session: {type(exc).__name__}: {str(exc).splitlines()[0][:160]}")
    finally:
        await context.close()


async def protocol_tour(url: str, slugs: list[str], phase: Phase, who: int) -> None:
    """One session's tour over Streamlit's protocol (bench.protocol): the same steps as ``tour``, each
    timed from the action to the end of the script run it started; widgets found by their labels."""
    from bench.protocol import ProtocolError, Run, Session, by_label, first_point

    session = Session(url, timeout_s=STEP_TIMEOUT_MS / 1000)
    last: dict[str, Run] = {}
    rng, steps_done = phase.pauses(who), list[str]()

    async def step(name: str, action: Any, charts: bool = True) -> None:
        await think(phase, rng, first=not steps_done)
        steps_done.append(name)
        t0 = time.perf_counter()
        try:
            run = await action()
            if charts and not run.of("plotly_chart"):
                raise ProtocolError("no chart drawn")
            last["run"] = run
        except Exception as exc:
            last.pop("run", None)
            line = (str(exc).splitlines() or [""])[0][:160]
            phase.errors.append(f"session {who} {name}: {type(exc).__name__}: {line}")
        phase.steps.append((name, time.perf_counter() - t0))
        if os.environ.get("BENCH_USERS_VERBOSE"):
            print(f"  session {who}: {name} {phase.steps[-1][1]:.1f} s", flush=True)

    def on_page() -> Run:
        if "run" not in last:
            raise ProtocolError("no page to act on (the previous step failed)")
        return last["run"]

    async def change_filter() -> Run:
        run = await session.open("skills")
        run = await session.set(by_label(run.of("checkbox"), FILTER_LABEL), bool_value=False)
        if "undated=no" not in session.query_string:  # the app keeps its filters in the URL
            raise ProtocolError(f"the URL did not take the filter (query string {session.query_string!r})")
        return run

    async def drill() -> Run:
        charts = [c for c in on_page().of("plotly_chart") if c.selection_mode]
        if not charts:
            raise ProtocolError("no selectable chart on the page")
        run = await session.set(charts[0], string_value=json.dumps(first_point(charts[0].spec)))
        if not any(m.startswith("**Postings behind the selection**") for m in run.markdown()):
            raise ProtocolError("the selection listed no postings")
        return run

    async def download() -> Run:
        # the first chart's "Download" popover (its buttons are made when it is opened, ui/exports.py)
        run = await session.set(by_label(on_page().popovers, "Download"), bool_value=True)
        data = await session.download(by_label(run.of("download_button"), "CSV"))
        if not data.startswith(b"skill"):
            raise ProtocolError("the CSV does not start with its header")
        return run

    try:
        for slug in slugs:
            await step(f"open {slug or 'overview'}", lambda slug=slug: session.open(slug))
        await step("change a filter", change_filter)
        await step("drill down", drill)
        await step("download CSV", download, charts=False)
    finally:
        await session.close()
        phase.script_runs.extend(r.server_s for r in session.runs)
        phase.script_waits.extend(r.started - r.sent for r in session.runs if r.started)


async def protocol_long_sql(url: str, phase: Phase, done: asyncio.Event) -> None:
    """``long_sql`` over the protocol: the SQL page opened with the query in its URL, Run pressed again
    and again (once per answer, as a person would) until the tours are over."""
    from bench.protocol import ProtocolError, Session, by_label

    session = Session(url, timeout_s=STEP_TIMEOUT_MS / 1000)
    try:
        run = await session.open("sql", urllib.parse.urlencode({"q": LONG_SQL}))
        while not done.is_set():
            t0 = time.perf_counter()
            run = await session.set(by_label(run.of("button"), "Run"), trigger_value=True)
            phase.sql_runs.append(time.perf_counter() - t0)
            if not ended_at_a_limit(run.warnings(), [c.code_text for c in run.of("code")]):
                # a result's caption ("1 row · 0.52 s"): the query ended, the warehouse is too small for it
                answered = any(" row" in m and m.endswith(" s") for m in run.markdown())
                why = "warehouse too small" if answered else "; ".join(run.warnings())[-120:] or "no answer"
                phase.errors.append(f"SQL session: the long query ended before its time limit ({why})")
                break
            await asyncio.sleep(1)
    except (ProtocolError, OSError) as exc:
        if not done.is_set():
            line = (str(exc).splitlines() or [""])[0][:160]
            phase.errors.append(f"SQL session: {type(exc).__name__}: {line}")
    finally:
        await session.close()


async def run_phase(db: Path, sessions: int, slugs: list[str], log_dir: Path, driver: str = "chromium",
                    browsers: int = 0, warm: bool = False, think: float = 0.0, seed: int = 0,
                    replicas: int = 1) -> Phase:
    """One phase against a fresh server: ``sessions`` tours at once while one session runs the long query.

    ``driver="chromium"``: every session a Chromium page (and the SQL session too). ``driver="protocol"``:
    ``browsers`` of the sessions are Chromium pages, the others and the SQL session speak the protocol.
    ``think``: each session's mean pause before a step (the module's load model), drawn with ``seed``.
    """
    import psutil

    browsers = sessions if driver == "chromium" else min(browsers, sessions)
    phase = Phase(sessions, driver=driver, browsers=browsers if driver == "protocol" else 0, think=think,
                  seed=seed)
    proc, url = start_server(db, log_dir / f"streamlit-{sessions}-{driver}-{browsers}-{think:g}.log", warm,
                             replicas)
    try:
        server = psutil.Process(proc.pid)
        async with contextlib.AsyncExitStack() as stack:
            browser = None
            if browsers:
                from playwright.async_api import async_playwright

                p = await stack.enter_async_context(async_playwright())
                browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
                stack.push_async_callback(browser.close)
            done = asyncio.Event()
            sql = asyncio.create_task(long_sql(browser, url, phase, done) if driver == "chromium"
                                      else protocol_long_sql(url, phase, done))
            await asyncio.sleep(2)  # the long query is running before the tours start
            split0, t0, load0 = cpu_split(proc.pid), time.perf_counter(), os.getloadavg()[0]
            left = [sessions - browsers]  # protocol tours still running

            async def timed(tour_: Any) -> None:
                await tour_
                phase.protocol_wall = max(phase.protocol_wall, time.perf_counter() - t0)
                left[0] -= 1
                if not left[0]:  # the last protocol tour: the window their page-ready times come from
                    phase.window_cpu = cpu_delta(split0, cpu_split(proc.pid))
                    phase.window_steps = len(phase.steps) + len(phase.browser_steps)
                    phase.loads = (load0, os.getloadavg()[0])

            tours = [tour(browser, url, slugs, phase, i) if i < browsers
                     else timed(protocol_tour(url, slugs, phase, i)) for i in range(sessions)]
            await asyncio.gather(*tours)
            phase.wall = time.perf_counter() - t0
            phase.cpu = cpu_delta(split0, cpu_split(proc.pid))
            if not phase.window_cpu:  # no protocol tour: the window is the phase
                phase.window_cpu, phase.window_steps = phase.cpu, len(phase.steps) + len(phase.browser_steps)
                phase.protocol_wall, phase.loads = phase.wall, (load0, os.getloadavg()[0])
            # the server's own CPU: its (every replica's) threads, not its sandbox workers or the balancer
            phase.server_cpu = phase.cpu["server event loop"] + phase.cpu["server scripts + DuckDB"]
            phase.load = os.getloadavg()[0]
            servers = server_processes(server)
            phase.server_rss = float(sum(s.memory_info().rss for s in servers))
            done.set()
            with contextlib.suppress(TimeoutError):  # let the running query reach its limit, then stop
                await asyncio.wait_for(sql, timeout=30)
            if not sql.done():
                sql.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await sql
    finally:
        stop_server(proc)
    return phase


def server_processes(server: Any) -> list[Any]:
    """The psutil processes serving the app: ``server``'s children that are replica servers (``ui.serve``),
    else ``server`` itself. A child that ends meanwhile (a sandbox worker stopped at its time limit: a
    zombie until reaped) is skipped - reading its command line raised and ended the whole bench."""
    import psutil

    def serves(child: Any) -> bool:
        try:
            return "ui.serve" in " ".join(child.cmdline())
        except psutil.Error:
            return False

    return [c for c in server.children() if serves(c)] or [server]


def _pct(values: list[float], q: float) -> float:
    values = [v for v in values if v == v]  # no NaN
    if not values:
        return float("nan")
    if len(values) == 1:
        return values[0]
    return statistics.quantiles(values, n=100, method="inclusive")[int(q * 100) - 1]


def _rows(ph: Phase) -> list[tuple[str, list[tuple[str, float]], int]]:
    """(driver label, steps, errors) of a phase's rows: its main sessions, then its Chromium ones apart."""
    if ph.driver == "chromium":
        return [("chromium", ph.steps, len(ph.errors))]
    rows = []
    if ph.sessions > ph.browsers:
        rows.append((f"protocol ({ph.sessions - ph.browsers} sessions)", ph.steps, len(ph.errors)))
    if ph.browsers:
        rows.append((f"chromium ({ph.browsers} of the sessions)", ph.browser_steps, len(ph.browser_errors)))
    return rows


def report(phases: list[Phase]) -> None:
    print("\n| sessions | steps | p50 page-ready, s | p95 page-ready, s | max, s | errors | wall, s | "
          "server CPU s per step | server CPU s per tour | SQL runs stopped (s each) | load average | "
          "driver | server s per script run, p50/p95 | wait before a run, p50/p95 | server memory, MB | "
          "think, s |")
    print("|" + " ---: |" * 9 + " --- | ---: | --- |" + " ---: |" * 4)
    for ph in phases:
        all_steps = len(ph.steps) + len(ph.browser_steps)
        sql = ", ".join(f"{s:.1f}" for s in ph.sql_runs) or "-"
        runs, waits = (f"{_pct(v, 0.5):.2f} / {_pct(v, 0.95):.2f}" if v else "-"
                       for v in (ph.script_runs, ph.script_waits))
        for label, steps, errors in _rows(ph):
            times = [t for _, t in steps]
            print(f"| {ph.sessions} | {len(times)} | {_pct(times, 0.5):.2f} | {_pct(times, 0.95):.2f} | "
                  f"{max(times, default=float('nan')):.2f} | {errors} | {ph.wall:.1f} | "
                  f"{ph.server_cpu / max(1, all_steps):.2f} | {ph.server_cpu / max(1, ph.sessions):.2f} | "
                  f"{sql} | {ph.load:.1f} | {label} | {runs if label.startswith('protocol') else '-'} | "
                  f"{waits if label.startswith('protocol') else '-'} | {ph.server_rss / 1e6:,.0f} | "
                  f"{_think(ph)} |")
    print(f"\nWhere the CPU went while the tours ran (CPU seconds, share of the {os.cpu_count()} cores' "
          "seconds over the phase's wall time; from /proc; the protocol sessions are the load driver):\n")
    print("| sessions | " + " | ".join(GROUPS) + " | idle |")
    print("| ---: |" + " ---: |" * (len(GROUPS) + 1))
    for ph in phases:
        capacity = (os.cpu_count() or 1) * ph.wall
        idle = max(0.0, capacity - sum(ph.cpu.values()))
        cells = [f"{ph.cpu.get(g, 0.0):.1f} ({ph.cpu.get(g, 0.0) / capacity:.0%})" for g in GROUPS]
        print(f"| {_name(ph)} | " + " | ".join(cells) + f" | {idle:.1f} ({idle / capacity:.0%}) |")
    print("\nCPU-ms per page-ready step by group while the protocol tours ran (the window their p95 comes "
          "from; every step finished in it, the Chromium session's too; load average at its start -> end):\n")
    print("| sessions | window, s | steps | " + " | ".join(GROUPS) + " | load |")
    print("| ---: | ---: | ---: |" + " ---: |" * len(GROUPS) + " --- |")
    for ph in phases:
        done = max(1, ph.window_steps)
        cells = [f"{1000 * ph.window_cpu.get(g, 0.0) / done:.0f}" for g in GROUPS]
        print(f"| {_name(ph)} | {ph.protocol_wall:.1f} | {ph.window_steps} | " + " | ".join(cells)
              + f" | {ph.loads[0]:.1f} -> {ph.loads[1]:.1f} |")
    for think_s in sorted({ph.think for ph in phases}):
        # the ratio the issue asks for, each kind of session against itself alone, under one load model
        model = [ph for ph in phases if ph.think == think_s]
        for kind in DRIVERS:
            one = [ph for ph in model if ph.sessions == 1 and _kind_steps(ph, kind)]
            many = [ph for ph in model if ph.sessions > 1 and _kind_steps(ph, kind)]
            if one and many:
                p1 = _pct([t for _, t in _kind_steps(one[0], kind)], 0.95)
                pn = _pct([t for _, t in _kind_steps(many[-1], kind)], 0.95)
                last = many[-1]
                among = (last.browsers if kind == "chromium" else last.sessions - last.browsers) \
                    if last.driver == "protocol" else last.sessions
                how = f", think time {_think(last)}" if think_s else ""
                print(f"\n{kind}{how}: p95 with {last.sessions} sessions ({among} of them {kind}) / p95 "
                      f"with 1: {pn / p1:.1f}x (aim: at most 3x)")
    for ph in phases:
        for label, steps, _ in _rows(ph):
            by_step: dict[str, list[float]] = {}
            for name, t in steps:
                by_step.setdefault(name, []).append(t)
            print(f"\n{ph.sessions} session(s), {label}{', think ' + _think(ph) if ph.think else ''}, "
                  "median page-ready per step: "
                  + ", ".join(f"{k} {statistics.median(v):.2f} s" for k, v in by_step.items()))
        for e in ph.all_errors[:20]:
            print(f"  error: {e}")


def _name(ph: Phase) -> str:
    """A phase as its CPU tables name it: "10 (1 Chromium), think 5 s"."""
    return f"{ph.sessions}" + (f" ({ph.browsers} Chromium)" if ph.driver == "protocol" else "") + (
        f", think {ph.think:g} s" if ph.think else "")


def _think(ph: Phase) -> str:
    """A phase's load model as printed: "0" (back to back) or "5 (2.5-7.5, seed 0)"."""
    if not ph.think:
        return "0"
    return f"{ph.think:g} ({0.5 * ph.think:g}-{1.5 * ph.think:g}, seed {ph.seed})"


def _kind_steps(ph: Phase, kind: str) -> list[tuple[str, float]]:
    if ph.driver == kind:
        return ph.steps
    return ph.browser_steps if kind == "chromium" else []


def run(postings: int, repeat: int, sessions: int = 10, driver: str = "protocol", browsers: int = 1,
        warm: bool = False, think: float = 0.0, seed: int = 0, replicas: int = 1) -> None:
    from analytics.pages import CHART_PAGES

    if driver not in DRIVERS:
        raise SystemExit(f"--driver must be one of {', '.join(DRIVERS)}")
    if (driver == "chromium" or browsers) and not CHROMIUM.exists():
        raise SystemExit("/usr/bin/chromium is not installed (apt-get install chromium; or --browsers 0)")
    if think < 0:
        raise SystemExit("--think must be 0 (back to back) or a number of seconds")
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
        slugs = [p.url_path for p in CHART_PAGES]  # the Overview at the root, as its link
        browsers = min(browsers, sessions) if driver == "protocol" else sessions
        who = "Chromium pages" if driver == "chromium" else "protocol sessions (bench.protocol)" + (
            f", {browsers} of them Chromium pages" if browsers else "")
        print(f"warehouse: {total:,} postings ({db}); {os.cpu_count()} cores shared by the server, the "
              f"sessions' drivers and the other work on this machine; load average {os.getloadavg()[0]:.1f}",
              flush=True)
        print(f"tour per session ({who}): open {', '.join(slugs)}; change a filter; drill down; download "
              "CSV. One more session runs a query stopped at the sandbox's time limit meanwhile.", flush=True)
        how = ("as make run does (python -m ui.serve: every page's default view computed before it serves)"
               if warm else "with streamlit run dashboard.py (empty caches)")
        if replicas > 1:
            how = (f"as python -m ui.serve --replicas {replicas}: {replicas} warm servers behind HAProxy, "
                   "each session kept on one by a cookie")
        print(f"each phase starts the server {how}", flush=True)
        print("load model: back to back (each session's next step the instant its last is ready: saturation "
              "throughput, not people reading the page)" + (
                  f"; then with think time: each session pauses uniform {0.5 * think:g}-{1.5 * think:g} s "
                  f"before each step, uniform 0-{think:g} s before its first (seed {seed}), as Locust's "
                  "wait_time or k6's sleep; page-ready excludes the pauses" if think else ""), flush=True)
        plan = [(1, 0)] + ([(1, 1)] if driver == "protocol" and browsers else []) + [(sessions, browsers)]
        if driver == "chromium":
            plan = [(1, 1), (sessions, sessions)]
        models = [0.0] + ([think] if think else [])
        phases = []
        for pause in models:
            for n, b in plan:
                phases.append(asyncio.run(run_phase(db, n, slugs, Path(tmp), driver, b, warm, pause, seed,
                                                    replicas)))
                ph = phases[-1]
                kind = "Chromium" if driver == "chromium" or (n == 1 and b) else \
                    f"protocol{f' + {b} Chromium' if b else ''}"
                mixed = f" (the protocol tours ended after {ph.protocol_wall:.1f} s)" \
                    if ph.browser_steps and ph.steps else ""
                paused = f", think time {_think(ph)}" if pause else ""
                print(f"{n} session(s) ({kind}{paused}): {len(ph.steps) + len(ph.browser_steps)} steps, "
                      f"{len(ph.all_errors)} errors, {ph.wall:.1f} s{mixed}", flush=True)
        report(phases)
