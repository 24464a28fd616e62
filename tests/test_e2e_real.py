"""End to end on a warehouse built from every dataset in ../shared/datasets, in a real Chromium.

Why: the real samples are what a user meets - most postings undated or without a stated
level, small groups everywhere - and the demo hides that. Each test here proves one
control or one honest number of issue 15 in the browser: coverage line, undated postings,
Reset, unrecognised URL values, the SQL page's own URL, the region comparison's default.
Page-ready times are recorded to artifacts/e2e-real/page-ready.json. Skips cleanly when
../shared/datasets or /usr/bin/chromium are missing.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from conftest import SHARED, SHARED_ABSENT

from analytics.pages import PAGES as REGISTRY
from etl.warehouse.paths import current_version

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = PROJECT / "artifacts" / "e2e-real"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
PAGES = [("" if i == 0 else p.slug, p.title) for i, p in enumerate(REGISTRY)]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def real_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    datasets = SHARED / "datasets"
    if not datasets.is_dir():
        pytest.skip(SHARED_ABSENT)
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    db = tmp_path_factory.mktemp("real") / "warehouse.duckdb"
    subprocess.run([sys.executable, "-m", "etl", "load", str(datasets), "--db", str(db)], cwd=PROJECT,
                   capture_output=True, text=True, timeout=600, check=False)
    if current_version(db) is None:
        pytest.fail("no warehouse was published from ../shared/datasets")
    return db


def _sql(db: Path, sql: str) -> list[tuple]:  # type: ignore[type-arg]
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.sql(sql).fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def server(real_db: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    port = _free_port()
    log = (tmp_path_factory.mktemp("e2e-real-log") / "streamlit.log").open("w")
    env = {**os.environ, "WAREHOUSE_DB": str(real_db), "DASHBOARD_WARMUP": "1"}  # as users get it
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", "dashboard.py", "--server.headless", "true",
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as resp:
                    if resp.status == 200:
                        break
            except OSError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"streamlit did not start (exit {proc.poll()}); see {log.name}")
            time.sleep(0.3)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
        log.close()


@pytest.fixture(scope="module")
def browser(server: str) -> Iterator[object]:
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield b
        finally:
            b.close()


def _open(browser, url: str):  # type: ignore[no-untyped-def]
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(90_000)  # a shared 2-core machine: a rerun can take seconds
    page.goto(url)
    _ready(page)
    return page


def _ready(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the page's title is drawn and the script run is over."""
    page.locator("[data-testid='stMain'] h1").first.wait_for(timeout=90_000)
    for _ in range(2):  # idle twice in a row: a run can start another (the URL is rewritten)
        page.wait_for_timeout(500)
        page.wait_for_function("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')",
                               timeout=90_000)


def _metric(page, label: str) -> str:  # type: ignore[no-untyped-def]
    box = page.locator("[data-testid='stMetric']").filter(has_text=label).first
    return str(box.locator("[data-testid='stMetricValue']").inner_text())


def _sidebar_text(page) -> str:  # type: ignore[no-untyped-def]
    return str(page.get_by_test_id("stSidebar").inner_text())


def _count(text: str) -> int:
    return int(text.replace(",", "").strip())


def _default_matches(db: Path) -> int:
    return int(_sql(db, "SELECT count(*) FROM postings WHERE seniority IN ('senior','staff','principal',"
                        "'lead','manager') AND role_family = 'software_engineering'")[0][0])


def test_coverage_line_and_one_click_for_unstated_levels(server: str, browser, real_db: Path) -> None:
    total = int(_sql(real_db, "SELECT count(*) FROM postings")[0][0])
    shown = _default_matches(real_db)
    page = _open(browser, f"{server}/")
    try:
        assert f"Showing {shown:,} of {total:,} postings" in _sidebar_text(page)
        page.get_by_role("button", name=re.compile("Include postings that state no level")).click(
            no_wait_after=True
        )
        page.wait_for_url(re.compile(r"seniority="), timeout=30_000)
        _ready(page)
        more = int(_sql(real_db, "SELECT count(*) FROM postings WHERE seniority IN "
                                 "('senior','staff','principal','lead','manager','unspecified') AND "
                                 "role_family = 'software_engineering'")[0][0])
        assert f"Showing {more:,} of {total:,} postings" in _sidebar_text(page)
        assert "unspecified" in urllib.parse.unquote(page.url)
    finally:
        page.close()


def test_undated_postings_count_where_time_is_not_the_axis(server: str, browser, real_db: Path) -> None:
    shown = _default_matches(real_db)
    undated = int(_sql(real_db, "SELECT count(*) FROM postings WHERE seniority IN "
                                "('senior','staff','principal','lead','manager') AND role_family = "
                                "'software_engineering' AND posted_date IS NULL")[0][0])
    assert undated > 0
    page = _open(browser, f"{server}/")
    try:
        assert _count(_metric(page, "Postings")) == shown  # KPIs count undated postings
        body = str(page.get_by_test_id("stMain").inner_text())
        assert f"{undated:,} postings without a date are not shown" in body  # the time chart says so
        side = _sidebar_text(page)
        assert "without a date" in side  # the date filter says whether they are included
        page.get_by_text("Include postings without a date").click(no_wait_after=True)
        _ready(page)
        page.wait_for_url(re.compile(r"undated=no"), timeout=30_000)
        assert _count(_metric(page, "Postings")) == shown - undated
    finally:
        page.close()


def test_reset_clears_widgets_url_and_charts(server: str, browser, real_db: Path) -> None:
    page = _open(browser, f"{server}/?country=US")
    try:
        us = _count(_metric(page, "Postings"))
        assert us < _default_matches(real_db)
        page.get_by_role("button", name="Reset filters").click(no_wait_after=True)
        page.wait_for_function("() => !location.search.includes('country')", timeout=30_000)
        _ready(page)
        assert _count(_metric(page, "Postings")) == _default_matches(real_db)
        country = page.get_by_test_id("stSidebar").locator("[data-testid='stMultiSelect']").filter(
            has_text="Country")
        assert "US" not in str(country.inner_text())
        # the next interaction does not bring the old value back
        page.get_by_text("all of the skills").click(no_wait_after=True)
        page.wait_for_url(re.compile(r"skills_mode=all"), timeout=30_000)
        _ready(page)
        assert "country" not in page.url
        assert "US" not in str(country.inner_text())
    finally:
        page.close()


def test_unrecognised_url_values_are_named_and_never_widen(server: str, browser, real_db: Path) -> None:
    page = _open(browser, f"{server}/?country=XX&seniority=bogus")
    try:
        side = _sidebar_text(page)
        assert "Not recognised" in side and "XX" in side and "bogus" in side
        # seniority=bogus keeps the default levels (no juniors sneak in)
        assert _count(_metric(page, "Postings")) <= _default_matches(real_db)
        levels = page.get_by_test_id("stSidebar").locator("[data-testid='stMultiSelect']").filter(
            has_text="Seniority")
        assert "senior" in str(levels.inner_text()) and "junior" not in str(levels.inner_text())
    finally:
        page.close()


def test_sql_link_opens_its_query_without_the_filters(server: str, browser) -> None:
    query = "SELECT source, count(*) AS n FROM postings GROUP BY 1 ORDER BY 1"
    page = _open(browser, f"{server}/sql?q={urllib.parse.quote(query)}")
    try:
        page.wait_for_timeout(1500)
        assert page.locator("textarea").first.input_value() == query
        assert "q=" in page.url
        assert page.get_by_test_id("stSidebar").get_by_text("Filters", exact=True).count() == 0
    finally:
        page.close()


def test_region_comparison_defaults_to_the_two_largest_areas(server: str, browser, real_db: Path) -> None:
    rows = _sql(real_db, "SELECT country, count(*) AS n FROM postings WHERE seniority IN ('senior','staff',"
                         "'principal','lead','manager') AND role_family = 'software_engineering' "
                         "AND country IS NOT NULL GROUP BY 1 ORDER BY n DESC, country LIMIT 2")
    page = _open(browser, f"{server}/regions")
    try:
        page.get_by_text("Two regions side by side").wait_for()
        boxes = page.locator("[data-testid='stSelectbox']")
        a = str(boxes.filter(has_text="Region A").locator("input").input_value())
        b = str(boxes.filter(has_text="Region B").locator("input").input_value())
        assert rows[0][0] in a and rows[1][0] in b, (a, b, rows)
    finally:
        page.close()


def test_every_page_ready_and_screenshots(server: str, browser) -> None:
    """Every page top and scrolled to artifacts/e2e-real/, with its page-ready time (seconds)."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    times: dict[str, float] = {}
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    page.set_default_timeout(90_000)
    try:
        for slug, title in PAGES:
            start = time.monotonic()
            page.goto(f"{server}/{slug}")
            page.get_by_role("heading", name=title, exact=True).first.wait_for(timeout=90_000)
            _ready(page)
            times[slug or "overview"] = round(time.monotonic() - start, 2)
            assert page.get_by_text("Traceback").count() == 0, slug
            page.screenshot(path=str(SHOTS / f"{slug or 'overview'}-top.png"))
            page.mouse.move(800, 500)
            for i in range(1, 4):
                page.mouse.wheel(0, 900)
                page.wait_for_timeout(300)
                page.screenshot(path=str(SHOTS / f"{slug or 'overview'}-scrolled-{i}.png"))
    finally:
        page.close()
    (SHOTS / "page-ready.json").write_text(json.dumps(times, indent=1))
