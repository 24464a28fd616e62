"""Many users on several cores: ``python -m ui.serve --replicas N`` (ui.replicas) with real processes.

Two Streamlit replicas behind a real HAProxy on 127.0.0.1, on a small demo warehouse. Two sessions speak
the browser's protocol (bench.protocol, with the cookies a browser keeps): the balancer gives them
different replicas, each opens the Skills page and downloads a chart's CSV through the balancer (a file
lives only in the replica that made it, so this fails without sticky sessions), and a SIGKILL of the
supervisor leaves no replica and no HAProxy running, and the directory it could not remove is removed by the
next start (``remove_stale``). Skipped where haproxy is not installed (a failure in
CI, whose .ci/run installs it).
"""

from __future__ import annotations

import asyncio
import os
import shutil
import signal
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import psutil
import pytest
from servers import free_port, wait_healthy

from ui.replicas import COOKIE, OWNER, PREFIX, UNOWNED_STALE_S, haproxy_config, remove_stale, split_address

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
TMPDIRS: dict[int, Path] = {}  # supervisor pid -> the temporary directory it was given (TMPDIR)


@pytest.mark.parametrize(("rest", "expected"), [
    ([], ("", 8501, [])),
    (["--server.port", "9000", "--server.headless", "true"], ("", 9000, ["--server.headless", "true"])),
    (["--server.address=127.0.0.1", "--server.port=8600"], ("127.0.0.1", 8600, [])),
    (["--theme.base", "dark", "--server.address", "0.0.0.0"], ("0.0.0.0", 8501, ["--theme.base", "dark"])),
])
def test_the_balancer_takes_the_public_address_and_port(rest: list[str],
                                                       expected: tuple[str, int, list[str]]) -> None:
    assert split_address(rest) == expected


def test_haproxy_config_keeps_each_browser_on_one_healthy_replica() -> None:
    cfg = haproxy_config("127.0.0.1", 8501, [9001, 9002])
    assert "bind 127.0.0.1:8501" in cfg
    assert f"cookie {COOKIE} insert indirect nocache httponly" in cfg
    assert "server r1 127.0.0.1:9001 check inter 2s cookie r1" in cfg
    assert "server r2 127.0.0.1:9002 check inter 2s cookie r2" in cfg
    assert "option httpchk GET /_stcore/health" in cfg
    assert "balance leastconn" in cfg
    assert "bind *:8501" in haproxy_config("", 8501, [9001])
    with pytest.raises(ValueError):
        haproxy_config("", 8501, [])


def test_a_start_removes_the_directories_of_supervisors_that_are_gone(tmp_path: Path) -> None:
    ended = subprocess.Popen([sys.executable, "-c", "pass"])
    ended.wait()  # its pid names no process now (reaped)

    def made(name: str, pid: int | None) -> Path:
        path = tmp_path / name
        path.mkdir()
        (path / "answers").mkdir()
        if pid is not None:
            (path / OWNER).write_text(str(pid), encoding="ascii")
        return path

    killed = made(f"{PREFIX}killed", ended.pid)
    running = made(f"{PREFIX}running", os.getpid())
    old_unowned = made(f"{PREFIX}old", None)
    os.utime(old_unowned, (0, 0))
    new_unowned = made(f"{PREFIX}new", None)  # a supervisor between making it and writing its pid
    other = made("something-else", ended.pid)
    assert sorted(remove_stale(tmp_path)) == sorted([killed, old_unowned])
    assert not killed.exists() and not old_unowned.exists()
    assert running.is_dir() and new_unowned.is_dir() and other.is_dir()
    assert UNOWNED_STALE_S >= 600


@pytest.fixture(scope="module")
def replicated(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[subprocess.Popen[bytes], str]]:
    if shutil.which("haproxy") is None:
        pytest.skip("haproxy is not installed")
    db = tmp_path_factory.mktemp("replicas") / "warehouse.duckdb"
    subprocess.run([sys.executable, "-m", "etl", "demo", "--db", str(db), "--postings", "400"],
                   cwd=PROJECT, check=True, capture_output=True, timeout=300)
    port = free_port()
    log = (tmp_path_factory.mktemp("replicas-log") / "serve.log").open("wb")
    tmp = tmp_path_factory.mktemp("tmp")
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.serve", "--replicas", "2", "--db", str(db), "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        # its private directory in a temporary directory of the test's (a SIGKILL below leaves it)
        cwd=PROJECT, env={**os.environ, "DASHBOARD_WARMUP": "0", "TMPDIR": str(tmp)},
        stdout=log, stderr=subprocess.STDOUT)
    TMPDIRS[proc.pid] = tmp
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, 300, f"see {log.name}")
        yield proc, url
    finally:
        if proc.poll() is None:
            proc.terminate()
            proc.wait(timeout=30)
        log.close()


async def _tour(url: str) -> tuple[str, bytes, str]:
    """Open Skills, download the first chart's CSV: (the replica's cookie, the CSV, its media URL)."""
    from bench.protocol import Session, by_label

    async with Session(url, timeout_s=120) as session:
        run = await session.open("skills")
        run = await session.set(by_label(run.popovers, "Download"), bool_value=True)
        data = await session.download(by_label(run.of("download_button"), "CSV"))
        return session.cookies.get(COOKIE, ""), data, session.last_download_url


def test_sessions_spread_over_replicas_and_download_through_the_balancer(
        replicated: tuple[subprocess.Popen[bytes], str]) -> None:
    _, url = replicated

    async def two() -> list[tuple[str, bytes, str]]:
        from bench.protocol import Session

        # the first session stays connected while the second arrives, as two people at once
        async with Session(url, timeout_s=120) as first:
            await first.open("skills")
            second = await _tour(url)
            return [(first.cookies.get(COOKIE, ""), b"", ""), second]

    (first_replica, _, _), (second_replica, data, media) = asyncio.run(two())
    assert {first_replica, second_replica} == {"r1", "r2"}  # leastconn: the idle replica takes the newcomer
    assert data.startswith(b"skill")
    # The file exists only in the replica that made it: the other one answers 404, so only the sticky
    # cookie made the download above work.
    supervisor = psutil.Process(replicated[0].pid)
    replicas = [c for c in supervisor.children() if "ui.serve" in " ".join(c.cmdline())]
    ports = [next(c.laddr.port for c in r.net_connections("tcp") if c.status == psutil.CONN_LISTEN)
             for r in replicas]
    assert len(ports) == 2
    missing = 0
    for port in ports:
        try:
            path = urllib.parse.urlsplit(media).path
            urllib.request.urlopen(f"http://127.0.0.1:{port}{path}", timeout=10).close()
        except urllib.error.HTTPError as exc:
            missing += exc.code == 404
    assert missing == 1


def test_a_browser_draws_and_downloads_through_the_balancer(
        replicated: tuple[subprocess.Popen[bytes], str]) -> None:
    """Debian's Chromium: the page's websocket passes HAProxy, the charts draw, and a chart's CSV downloads
    from the replica the browser's cookie names."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    _, url = replicated
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
        try:
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
            page = context.new_page()
            page.goto(f"{url}/skills")
            page.locator(".js-plotly-plot").first.wait_for(timeout=150_000)
            page.wait_for_function(
                "() => !document.querySelector('[data-testid=\"stStatusWidget\"]')", timeout=60_000)
            assert {c["name"]: c["value"] for c in context.cookies()}.get(COOKIE) in {"r1", "r2"}
            page.get_by_test_id("stPopover").nth(1).get_by_role("button").click()
            with page.expect_download(timeout=150_000) as info:
                page.get_by_test_id("stPopoverBody").get_by_role("button", name="CSV", exact=True).click()
            assert info.value.failure() is None, info.value.failure()
            assert Path(info.value.path()).read_bytes().startswith(b"skill")
        finally:
            browser.close()


def test_a_killed_supervisor_leaves_no_replica_or_balancer(
        replicated: tuple[subprocess.Popen[bytes], str]) -> None:
    proc, _ = replicated
    children = psutil.Process(proc.pid).children(recursive=True)
    names = {c.name() for c in children}
    assert "haproxy" in names and sum("ui.serve" in " ".join(c.cmdline()) for c in children) == 2
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=10)
    _, alive = psutil.wait_procs(children, timeout=30)
    alive = [p for p in alive if p.is_running() and p.status() != psutil.STATUS_ZOMBIE]
    assert not alive, f"left running after the supervisor's SIGKILL: {[p.cmdline()[:3] for p in alive]}"
    # its private directory stays (nothing runs in a SIGKILLed process): the next start removes it
    left = list(TMPDIRS[proc.pid].glob(f"{PREFIX}*"))
    assert len(left) == 1 and (left[0] / OWNER).read_text(encoding="ascii") == str(proc.pid)
    assert remove_stale(TMPDIRS[proc.pid]) == left and not left[0].exists()
