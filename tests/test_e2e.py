"""End to end in a real headless Chromium: the app as a user meets it.

Starts `streamlit run dashboard.py` against the synthetic demo warehouse (`python -m etl demo`,
2,000 postings; the test fails when the demo cannot be built), visits every
page and waits for its Plotly charts to be drawn, changes a filter and sees the URL
change, opens that URL in a new page and sees the filter restored. On the Skills page it
clicks one chart's CSV and PNG downloads and the page's PowerPoint download, saves them
through Playwright's download API and opens the bytes (the CSV parses, the PNG has its
signature, python-pptx opens the deck with one picture per chart). Screenshots go to
artifacts/e2e/. Skipped where /usr/bin/chromium is missing (a failure in CI: tests/conftest.py).
"""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from collections.abc import Callable, Generator, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd
import pytest
from plotly_checks import CUT_LABELS_JS
from script_runs import settle, watch
from servers import free_port, stop, wait_healthy

from analytics.pages import PAGES as REGISTRY
from etl.warehouse.paths import current_version
from ui import FAVICON

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Playwright, Request, Route

pytestmark = pytest.mark.e2e

PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = PROJECT / "artifacts" / "e2e"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--no-first-run"]
# How long a page may take to draw: generous, since CI and this machine share 2 cores with other work
# (a 60 s wait for the Skills page's first chart timed out at a load average of 13).
WAIT_MS = 150_000
NAV = ".st-key-app_nav"  # the sidebar's page links (ui._nav_links; Streamlit's own navigation is hidden)
PAGES = [(p.url_path, p.title) for p in REGISTRY if p.charts]


@pytest.fixture(scope="module")
def warehouse(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("e2e") / "warehouse.duckdb"
    run = subprocess.run([sys.executable, "-m", "etl", "demo", "--db", str(db), "--postings", "2000"],
                         cwd=PROJECT, capture_output=True, text=True, timeout=300, check=False)
    if run.returncode != 0 or current_version(db) is None:
        pytest.fail(
            f"python -m etl demo built no warehouse (exit {run.returncode}): {run.stderr.strip()[-500:]}"
        )
    return db


FIRST_VISIT: dict[str, dict[str, Any]] = {}  # by server URL: what its first browser visit found (below)


@pytest.fixture(scope="module")
def server(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The module's server; its first browser visit, a shared link to /salary before anyone opened the root,
    is made here, as soon as it is up (_first_visit: what
    test_a_shared_link_opened_first_after_a_start_shows_the_app_s_navigation reads)."""
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    serving = _serve(warehouse, tmp_path_factory)
    url = next(serving)
    try:
        FIRST_VISIT[url] = _first_visit(url)
        yield url
    finally:
        serving.close()


def _first_visit(url: str) -> dict[str, Any]:
    """A shared link (/salary) opened first on a fresh server: the sidebar's link count by page title, the
    links named "dashboard", the address; a wait that failed is kept for the test that reads this (as
    "failed"). The test started a second server of its own for this visit (18 s of the suite's 3,178 in
    the run of 7 Dec 03:12 UTC); the module's server, visited here before any other test, is as fresh."""
    seen: dict[str, Any] = {}
    try:
        with _chromium() as browser:
            page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))
            page.goto(f"{url}/salary")
            page.get_by_role("heading", name="Salary", exact=True).first.wait_for(timeout=WAIT_MS)
            _settle(page)
            nav = page.locator(NAV)
            titles = [p.title for p in REGISTRY]
            # drawn once the page has run (ui.run_app): wait for the last, not a fixed time
            nav.get_by_role("link").nth(len(titles) - 1).wait_for(timeout=WAIT_MS)
            # case-sensitive: the folder's list says "salary", the app's "Salary"
            seen["links"] = {t: nav.get_by_role("link", name=re.compile(rf"\b{re.escape(t)}$")).count()
                             for t in titles}
            seen["dashboard"] = page.get_by_test_id("stSidebar").get_by_role(
                "link", name="dashboard", exact=True).count()
            seen["url"] = page.url
    except Exception as failed:  # the test that reads the visit fails with it
        seen["failed"] = failed
    return seen


def _serve(warehouse: Path, tmp_path_factory: pytest.TempPathFactory) -> Generator[str, None, None]:
    """The app as ``make run`` starts it (ui.serve) on ``warehouse``, until the generator is closed."""
    port = free_port()
    log = (tmp_path_factory.mktemp("e2e-log") / "streamlit.log").open("w")
    env = {**os.environ, "WAREHOUSE_DB": str(warehouse), "DASHBOARD_WARMUP": "1"}  # as users get it
    proc = subprocess.Popen(
        [sys.executable, "-m", "ui.serve", "--server.headless", "true",  # as make run starts it
         "--server.port", str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, 300, f"see {log.name}")  # ui.serve warms every page's first view first
        yield url
    finally:
        stop(proc, log)


def _settle(page) -> None:  # type: ignore[no-untyped-def]
    """Wait until the run a click or an address asked for is over: script_runs.settle, which sees the
    browser's ask and the run's end on the page's socket (every page here is given to watch() as it is
    made). Before: a fixed 300 ms, then Streamlit's status widget gone: a run whose first message came
    after 300 ms (a loaded server) was read as over before it began."""
    settle(page, timeout_s=30)


_CHROMIUM: list[tuple[Playwright, Browser]] = []  # the module's one browser, once a test asked for it


@pytest.fixture(scope="module", autouse=True)
def _one_chromium() -> Iterator[None]:
    """One Chromium for the module (started at the first test that asks, closed after the last): a launch
    per test cost about a CPU-second each. Each test still gets a cold browser: its pages are in contexts of
    their own (no cache, cookies or storage shared), closed at the end of the test."""
    yield
    while _CHROMIUM:
        playwright, browser = _CHROMIUM.pop()
        try:
            browser.close()
        finally:
            playwright.stop()


@contextmanager
def _chromium() -> Iterator[Browser]:
    """Debian's headless Chromium through Playwright (the module's one browser); the contexts the test opened
    are closed however it ends."""
    from playwright.sync_api import sync_playwright

    if not _CHROMIUM:
        playwright = sync_playwright().start()
        try:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            _CHROMIUM.append((playwright, browser))
        except BaseException:
            playwright.stop()
            raise
    browser = _CHROMIUM[0][1]
    try:
        yield browser
    finally:
        for context in browser.contexts:
            context.close()


def test_pages_draw_and_filters_round_trip(server: str, cold_walk: dict[str, Any]) -> None:

    # every chart page drawn: read on the cold walk's visit of it (below), a screenshot each
    for slug, _title in PAGES:
        drawn = cold_walk["drawn"][slug]
        assert drawn["plots"] >= 1, slug
        assert drawn["tracebacks"] == 0, slug
        assert not drawn["cut"], f"{slug}: axis labels cut off: {drawn['cut'][:6]}"

    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))

        # change a filter: the URL follows
        page.goto(f"{server}/skills")
        page.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(page)
        page.get_by_text("all of the skills").click()
        _settle(page)  # the run the click asked for is over: its address is there, read without a wait
        shared = page.url
        assert "skills_mode=all" in shared, shared
        assert "/skills" in shared

        # the copied link opens the same view
        other = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))
        other.goto(shared)
        other.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(other)
        assert other.get_by_role("radio", name="all of the skills").is_checked()
        assert "skills_mode=all" in other.url
        other.screenshot(path=str(SHOTS / "restored-from-url.png"), full_page=True)

        # a filter in the URL changes the numbers
        other.goto(f"{server}/?seniority=all")
        other.locator("[data-testid='stMetricValue']").first.wait_for(timeout=WAIT_MS)
        _settle(other)
        everyone = other.locator("[data-testid='stMetricValue']").first.inner_text()
        page.goto(f"{server}/")
        page.locator("[data-testid='stMetricValue']").first.wait_for(timeout=WAIT_MS)
        _settle(page)
        seniors = page.locator("[data-testid='stMetricValue']").first.inner_text()
        assert int(everyone.replace(",", "")) > int(seniors.replace(",", ""))


def _download(page, button) -> tuple[str, bytes]:  # type: ignore[no-untyped-def]
    """Click a download button; (suggested file name, bytes) of what the browser saved."""
    with page.expect_download(timeout=WAIT_MS) as info:
        button.click()
    download = info.value
    assert download.failure() is None, download.failure()
    return download.suggested_filename, Path(download.path()).read_bytes()


def test_downloads_from_the_skills_page(server: str) -> None:
    from pptx import Presentation
    from pptx.enum.shapes import MSO_SHAPE_TYPE

    from analytics.figures import charts_of

    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}, accept_downloads=True))
        page.goto(f"{server}/skills")
        page.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(page)
        popovers = page.get_by_test_id("stPopover")  # the page's, then one per chart: "Top skills" first
        body = page.get_by_test_id("stPopoverBody")

        popovers.nth(1).get_by_role("button").click()
        name, data = _download(page, body.get_by_role("button", name="CSV", exact=True))
        assert name == "top-skills.csv"
        top = pd.read_csv(io.BytesIO(data))
        assert {"skill", "postings", "share"} <= set(top.columns) and len(top) > 0
        name, data = _download(page, body.get_by_role("button", name="PNG", exact=True))
        assert name == "top-skills.png" and data[:8] == b"\x89PNG\r\n\x1a\n"
        page.keyboard.press("Escape")
        body.wait_for(state="hidden")

        popovers.nth(0).get_by_role("button").click()
        name, data = _download(page, body.get_by_role("button", name="This page as PowerPoint"))
        assert name == "skills.pptx"
        slides = list(Presentation(io.BytesIO(data)).slides)
        charts = [d for d in charts_of("skills") if d.build]
        assert len(slides) == 1 + len(charts)
        pictures = [sum(sh.shape_type == MSO_SHAPE_TYPE.PICTURE for sh in s.shapes) for s in slides[1:]]
        assert pictures == [1] * len(charts)
        assert slides[1].shapes.title.text == "Top skills"
        assert page.get_by_text("Traceback").count() == 0


# A chart page's tick label colours and hover box, as the page's template drew them
TICK_FILLS_JS = ("() => [...document.querySelectorAll('.js-plotly-plot .ytick text')]"
                 ".map(e => getComputedStyle(e).fill)")
HOVER_LABEL_JS = "() => document.querySelector('.js-plotly-plot')._fullLayout.hoverlabel"


def _ink(page) -> dict[str, Any]:  # type: ignore[no-untyped-def]
    """The Salary page's tick label fills and hover box, once its first chart's ticks are drawn."""
    page.locator(".js-plotly-plot .ytick text").first.wait_for(timeout=WAIT_MS)
    return {"fills": page.evaluate(TICK_FILLS_JS), "hover": page.evaluate(HOVER_LABEL_JS)}


def test_charts_on_a_dark_page_read_in_the_dark_template(server: str, cold_walk: dict[str, Any]) -> None:
    """Charts are drawn with Streamlit's chart theme off (tests/test_chart_template.py), so the server must
    send the dark page its dark template: light tick labels and a dark hover box, never the light ink
    (dark grey on a near-black page). The light page: the cold walk's visit of /salary (a new context, the
    light scheme, the same window), not a page of its own."""

    from analytics.figures.theme import DARK, LIGHT, Ink

    def rgb(hex_colour: str) -> str:
        return "rgb({}, {}, {})".format(*(int(hex_colour[i:i + 2], 16) for i in (1, 3, 5)))

    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}, color_scheme="dark"))
        page.goto(f"{server}/salary")
        page.locator(".js-plotly-plot .ytick text").first.wait_for(timeout=WAIT_MS)
        _settle(page)
        dark = _ink(page)
        page.close()
    schemes: tuple[tuple[str, Ink, dict[str, Any]], ...] = (("dark", DARK, dark),
                                                            ("light", LIGHT, cold_walk["light_salary"]))
    for scheme, ink, seen in schemes:
        fills, hover = seen["fills"], seen["hover"]
        assert fills and set(fills) == {rgb(ink.ticks)}, (scheme, set(fills))
        assert hover["bgcolor"].lower() == ink.page.lower(), (scheme, hover)


def test_a_shared_link_opened_first_after_a_start_shows_the_app_s_navigation(server: str) -> None:
    """Seen on a fresh server: until someone had opened the app's root, a shared link such as /salary was
    run as Streamlit's old pages-folder app (dashboard.py's st.navigation never ran), so its sidebar listed
    the files - "dashboard, data, experience, ..." - instead of Overview, Skills, ... with their icons,
    and every link opened afterwards did the same. (Opened as the module's server's first visit:
    _first_visit.)"""

    seen = FIRST_VISIT[server]
    if "failed" in seen:
        raise seen["failed"]
    for title in [p.title for p in REGISTRY]:
        assert seen["links"][title] == 1, title
    assert seen["dashboard"] == 0
    assert "pages" not in seen["url"]


def test_a_shared_link_to_the_overview_by_its_name_opens_it_without_page_not_found(server: str) -> None:
    """Every page is at /its-name except the Overview, the default page, at the root (st.navigation);
    /overview - typed by someone who saw /skills, or the bench's tours before issue 12's fix - showed
    Streamlit's "Page not found" dialog. It opens the Overview at the root, the link's filters kept."""

    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))
        page.goto(f"{server}/overview?undated=no")
        page.get_by_role("heading", name="Overview", exact=True).first.wait_for(timeout=WAIT_MS)
        _settle(page)
        page.wait_for_timeout(1000)  # the dialog comes with the run's first messages
        assert page.get_by_text("Page not found").count() == 0
        assert re.fullmatch(re.escape(server) + r"/(\?.*)?", page.url), page.url
        assert "undated=no" in page.url


def test_a_copied_link_opens_the_same_view_with_the_page_s_own_controls(server: str) -> None:
    """Shareable views (ui.links): on the Regions page, colour the map by salary, open the Work arrangement
    tab and show the remote share by region, and change a filter; the address then carries all four, and
    opened in a new page (a new session, as a colleague's browser) it shows that same view."""
    from analytics.figures.theme import LABELS

    salary_label = LABELS["median_salary_usd"]
    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))
        page.goto(f"{server}/regions")
        page.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(page)
        page.get_by_role("radio", name=salary_label).check(force=True)
        page.wait_for_url(re.compile(r"rg_measure=median_salary_usd"), timeout=30_000)
        _settle(page)
        page.get_by_role("tab", name="Work arrangement").click()
        page.wait_for_url(re.compile(r"rg_tabs=Work(\+|%20)arrangement"), timeout=30_000)
        _settle(page)
        page.get_by_role("radio", name="region", exact=True).check(force=True)
        page.wait_for_url(re.compile(r"rg_remote_level=region"), timeout=30_000)
        _settle(page)
        page.get_by_role("radio", name="all of the skills").check(force=True)
        page.wait_for_url(re.compile(r"skills_mode=all"), timeout=30_000)
        _settle(page)
        shared = page.url
        for part in ("/regions", "rg_measure=median_salary_usd", "rg_remote_level=region", "skills_mode=all"):
            assert part in shared, (part, shared)

        # another page's address carries the filters, not this page's controls; back here they return
        nav = page.locator(NAV)
        nav.get_by_role("link", name=re.compile(r"\bSkills$")).click()
        page.wait_for_url(re.compile(r"/skills"), timeout=30_000)
        page.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(page)
        assert "skills_mode=all" in page.url and "rg_" not in page.url, page.url
        nav.get_by_role("link", name=re.compile(r"\bRegions$")).click()
        page.wait_for_url(re.compile(r"rg_measure=median_salary_usd"), timeout=30_000)
        _settle(page)
        assert page.get_by_role("radio", name=salary_label).is_checked()
        assert page.get_by_text("Not recognised in the link").count() == 0

        other = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))
        other.goto(shared)
        other.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(other)
        assert other.get_by_role("radio", name=salary_label).is_checked()
        assert other.get_by_role("radio", name="all of the skills").is_checked()
        assert other.get_by_role("tab", name="Work arrangement").get_attribute("aria-selected") == "true"
        assert other.get_by_role("radio", name="region", exact=True).is_checked()
        assert other.get_by_text("Not recognised in the link").count() == 0
        assert other.url == shared, (other.url, shared)  # nothing dropped or added on opening
        other.screenshot(path=str(SHOTS / "shared-view.png"), full_page=True)

        # a tampered link: its bad values are named, the page keeps its defaults, nothing breaks
        other.goto(f"{server}/regions?rg_measure=%3Cscript%3Ealert(1)%3C/script%3E&sk_mov_min=5")
        other.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
        _settle(other)
        assert other.get_by_text("Not recognised in the link").count() == 1
        assert other.get_by_role("radio", name=LABELS["postings"]).is_checked()
        assert other.get_by_text("Traceback").count() == 0


def test_a_map_still_loading_in_a_new_browser_says_it_is_being_drawn(server: str) -> None:
    """Issue 12 (QA round eight): in a browser that had not opened the app, the Regions page drew its maps
    6-7 s after their headings, with Streamlit's grey bar and nothing saying what was happening (Plotly's
    code and the map outlines load in the browser after the server's run is over). Both downloads are held
    back here: while Plotly's code loads, and while a drawn map waits for its outlines, the map's place
    shows a turning spinner and says it is drawing the map; once the map is drawn, nothing is left."""

    said = """key => { const el = document.querySelector('.st-key-' + key);
      if (!el) return null;
      const after = getComputedStyle(el, '::after'), before = getComputedStyle(el, '::before');
      return {text: after.content, spin: before.animationName, shown: after.display !== 'none'}; }"""
    map_text = "Drawing the map"  # ui.loading.MAP_TEXT
    SHOTS.mkdir(parents=True, exist_ok=True)
    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1400, "height": 1000}))
        held: dict[str, list[Route]] = {"plotly": [], "outlines": []}
        released: set[str] = set()

        def hold(name: str) -> Callable[[Route], None]:  # until released: requests after that go through
            return lambda route: route.continue_() if name in released else held[name].append(route)

        page.route(re.compile(r"/static/js/PlotlyChart[^/]*\.js$"), hold("plotly"))
        page.route(re.compile(r"/app/static/topojson/"), hold("outlines"))
        page.goto(f"{server}/regions")
        page.locator(".st-key-rg_world [data-testid='stSkeleton']").wait_for(timeout=WAIT_MS)
        page.wait_for_function(f"() => ({said})('rg_world')?.text.includes({map_text!r})",
                               timeout=WAIT_MS)
        while_code = page.evaluate(said, "rg_world")
        assert while_code["spin"] == "chart-drawing" and while_code["shown"], while_code
        page.screenshot(path=str(SHOTS / "regions-map-code-loading.png"))
        assert held["plotly"], "Plotly's code was not requested"
        released.add("plotly")
        for route in held["plotly"]:
            route.continue_()
        page.locator(".st-key-rg_world .js-plotly-plot .geolayer > .geo").wait_for(state="attached",
                                                                              timeout=WAIT_MS)
        while_outlines = page.evaluate(said, "rg_world")
        assert map_text in while_outlines["text"], while_outlines
        assert while_outlines["spin"] == "chart-drawing", while_outlines
        assert held["outlines"], "the map outlines were not requested"
        assert all("/app/static/topojson/" in r.request.url for r in held["outlines"])  # served by the app
        released.add("outlines")
        for route in held["outlines"]:
            route.continue_()
        page.locator(".st-key-rg_world .js-plotly-plot .geo .layer.countries").wait_for(timeout=WAIT_MS)
        drawn = page.evaluate(said, "rg_world")
        assert drawn["text"] in ("none", "normal") and drawn["spin"] == "none", drawn
        page.screenshot(path=str(SHOTS / "regions-map-drawn.png"))


LOCAL_HOSTS = {"127.0.0.1", "localhost"}


def _recorder(into: list[str]) -> Callable[[Request], None]:
    return lambda request: into.append(request.url)


@pytest.fixture(scope="module")
def cold_walk(server: str) -> dict[str, Any]:
    """Every page opened in a cold browser context of its own (no cache, no cookies), then from page to page
    in one session through the sidebar: every URL each asked for, its tab icon; and on each chart page, as
    soon as it is drawn, what test_pages_draw_and_filters_round_trip reads (charts, tracebacks, axis labels
    cut off; a full-page screenshot). One visit of each page serves both tests: the first walked the chart
    pages a second time, in one warm page, for those checks alone."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    walk: dict[str, Any] = {"asked": {}, "icon": {}, "drawn": {}}
    with _chromium() as browser:
        for p in REGISTRY:
            context = browser.new_context(viewport={"width": 1400, "height": 1000})
            asked: list[str] = []
            context.on("request", _recorder(asked))
            page = watch(context.new_page())
            page.goto(f"{server}/{p.url_path}")
            page.get_by_role("heading", name=p.title, exact=True).first.wait_for(timeout=WAIT_MS)
            if p.charts:  # Plotly's code and the maps' outlines come once a chart is drawn
                page.locator(".js-plotly-plot").first.wait_for(timeout=WAIT_MS)
            _settle(page)
            if (p.url_path, p.title) in PAGES:
                walk["drawn"][p.url_path] = {"plots": page.locator(".js-plotly-plot").count(),
                                             "tracebacks": page.get_by_text("Traceback").count(),
                                             "cut": page.evaluate(CUT_LABELS_JS)}
                page.screenshot(path=str(SHOTS / f"{p.slug}.png"), full_page=True)
            if p.slug == "salary":  # the light scheme of test_charts_on_a_dark_page_read_in_the_dark_template
                walk["light_salary"] = _ink(page)
            page.wait_for_timeout(1500)  # the tab's icon is asked for after the run's first messages
            page.screenshot(path=str(SHOTS / f"offline-{p.slug}.png"))
            icon = page.evaluate("() => document.querySelector(\"link[rel='shortcut icon']\").href")
            walk["icon"][p.slug] = (icon, icon in asked and page.request.get(icon).headers["content-type"])
            walk["asked"][p.slug] = asked
            context.close()
        # and from page to page in one session, through the sidebar (the open page's icon changes)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        asked = []
        context.on("request", _recorder(asked))
        page = watch(context.new_page())
        page.goto(f"{server}/")
        _settle(page)
        nav = page.locator(NAV)
        for p in REGISTRY[1:]:
            nav.get_by_role("link", name=re.compile(rf"\b{re.escape(p.title)}$")).click()
            page.get_by_role("heading", name=p.title, exact=True).first.wait_for(timeout=WAIT_MS)
            _settle(page)
        page.wait_for_timeout(1500)
        walk["asked"]["from page to page"] = asked
        context.close()
    return walk


def test_no_page_asks_any_host_but_the_app_s_own(server: str, cold_walk: dict[str, Any]) -> None:
    """The dashboard works offline: a cold browser (a new context each page: no cache, no cookies) opening
    every page asks nothing of any other host. Seen on a fresh visit (docs/performance.md, h12g): the tab's
    icon was fetched from fonts.gstatic.com, because Streamlit draws a Material icon given as the favicon
    (set_page_config's page_icon, and the open page's st.Page icon) from Google's font server. (The pages
    are opened by the cold walk above.)"""
    from urllib.parse import urlsplit

    outside: dict[str, list[str]] = {}
    for p in REGISTRY:
        icon, served_as = cold_walk["icon"][p.slug]
        asked = cold_walk["asked"][p.slug]
        assert icon == server + FAVICON, (p.slug, icon)  # the app's own icon, not merely none at all
        assert served_as == "image/png", p.slug  # asked for, and served as a PNG
        assert any(u.startswith(server) for u in asked), (p.slug, asked[:5])  # the recording works
    for name, asked in cold_walk["asked"].items():
        far = sorted({u for u in asked if urlsplit(u).scheme in ("http", "https", "ws", "wss")
                      and urlsplit(u).hostname not in LOCAL_HOSTS})  # data: and blob: URLs are local
        if far:
            outside[name] = far
    assert not outside, "\n".join(f"{slug}: {urls}" for slug, urls in outside.items())


def test_a_refusal_reads_at_once_without_the_code_block_s_code(server: str) -> None:
    """hqa37 ruling 2 (QA round thirty-eight): a refusal's message was in a code block, whose code the browser
    loads on first use, so on a busy server "Refused" stood over an empty box for seconds. With that code
    held back, the message is on the page once the run has settled, as written: the query's Markdown and
    HTML (invented here) make no link, image, emphasis or math."""
    from urllib.parse import quote

    hostile = "**bold** <img src=x onerror=alert(1)> [link](javascript:alert(1)) $x^2$ `tick`"
    sql = f'SELECT * FROM "{hostile}"'
    with _chromium() as browser:
        page = watch(browser.new_page(viewport={"width": 1280, "height": 1000}))
        held: list[Route] = []
        page.route(re.compile(r"/static/js/StreamlitSyntaxHighlighter[^/]*\.js$"),
                   lambda route: held.append(route))
        page.goto(f"{server}/sql?q={quote(sql)}")
        page.get_by_role("button", name="Run").wait_for(timeout=WAIT_MS)
        _settle(page)
        page.get_by_role("button", name="Run").click()
        page.get_by_text("Refused", exact=True).wait_for(timeout=WAIT_MS)
        _settle(page)
        main = page.get_by_test_id("stMain")
        texts = [str(t) for t in main.get_by_test_id("stText").all_inner_texts()]
        SHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SHOTS / "sql-refused.png"))
        assert any(hostile in t and "not allowed" in t for t in texts), (texts, str(main.inner_text()))
        # the query's marks made nothing: no image, no javascript: link, no emphasis or math from it
        assert main.locator("img[src='x'], a[href^='javascript'], .katex").count() == 0
        assert main.locator("strong", has_text="bold").count() == 0
        for route in held:  # let the history tab's code block load as it would
            route.continue_()
