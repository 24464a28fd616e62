"""A download survives other people's clicks: real Chromium, two sessions of the running app.

Why: in `python -m bench users --sessions 10`, 3 of 90 CSV downloads ended "canceled" in Chromium. A
chart's downloads are `st.download_button`s given a function (ui/exports.py); Streamlit 1.67 runs it on
the click, stores the file and sends its URL back, but refers the file to no session, and every script
run that ends - of *any* session - collects unreferenced files (the first run marks a download, the
second deletes it). When two other runs ended before the browser fetched the URL, the fetch answered
404, which Chromium reports as a canceled download. On a loaded server with ten users that window is
long enough. Here it is made long on purpose, without timing: the browser's websocket is held between
the server and the page from the click until the URL has arrived, another session runs its script
twice meanwhile, then the page gets the URL and downloads.
"""

from __future__ import annotations

import asyncio
import io
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from tiny_warehouse import build

from bench.users import ARGS, CHROMIUM, _ready, start_server, stop_server

pytestmark = pytest.mark.e2e

WAIT_MS = 150_000  # the shared machine's 2 cores: a page of the tiny warehouse can take a minute under load


def test_a_csv_download_survives_other_sessions_runs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    db = tmp_path / "warehouse.duckdb"
    build(db)
    monkeypatch.setenv("DASHBOARD_WARMUP", "0")  # no background warm-up: only the runs this test makes
    proc, url = start_server(db, tmp_path / "streamlit.log")
    try:
        data, failure = asyncio.run(_download_while_another_session_reruns(url))
    finally:
        stop_server(proc)
    assert failure is None, f"the download failed: {failure}"
    top = pd.read_csv(io.BytesIO(data))
    assert {"skill", "postings", "share"} <= set(top.columns) and len(top) > 0


async def _download_while_another_session_reruns(url: str) -> tuple[bytes, str | None]:
    from playwright.async_api import async_playwright

    held: list[Any] = []
    hold = {"on": False}
    url_sent = asyncio.Event()
    routes: list[Any] = []

    def through(ws: Any) -> None:
        """The page's websocket to the server, with the server's messages held while hold['on']."""
        server = ws.connect_to_server()

        def from_server(message: str | bytes) -> None:
            if not hold["on"]:
                ws.send(message)
                return
            held.append(message)
            text = message.decode("latin-1") if isinstance(message, bytes) else message
            if "/media/" in text:
                url_sent.set()  # the file is made and stored: its URL is on its way to the page

        server.on_message(from_server)
        routes.append(ws)

    async with async_playwright() as p:
        browser = await p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            user = await (await browser.new_context(viewport={"width": 1400, "height": 1000},
                                                    accept_downloads=True)).new_page()
            other = await (await browser.new_context(viewport={"width": 1400, "height": 1000})).new_page()
            for page in (user, other):
                page.set_default_timeout(WAIT_MS)
            await user.route_web_socket("**/_stcore/stream", through)
            await user.goto(f"{url}/skills")
            await _ready(user, charts=True)
            await other.goto(f"{url}/methodology")
            await _ready(other, charts=False)

            await user.get_by_test_id("stPopover").nth(1).get_by_role("button").click()  # "Top skills"
            # the popover's buttons are made by the run its opening starts (ui/exports.py): not held
            csv = user.get_by_test_id("stPopoverBody").get_by_role("button", name="CSV", exact=True)
            await csv.wait_for()
            async with user.expect_download(timeout=WAIT_MS) as info:
                hold["on"] = True
                await csv.click()
                await asyncio.wait_for(url_sent.wait(), WAIT_MS / 1000)
                for _ in range(2):  # two script runs of another session end
                    await other.reload()
                    await _ready(other, charts=False)
                hold["on"] = False
                for message in held:
                    routes[-1].send(message)
            download = await info.value
            failure = await download.failure()
            return (b"" if failure else Path(await download.path()).read_bytes()), failure
        finally:
            await browser.close()
