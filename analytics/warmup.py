"""Every page's first view of the default filters, computed once per published version.

Why: on the real samples (6,000-9,000 postings) a page's first view after a start or a publish spent
most of its server time building Plotly figures (0.15-0.3 s for each plotly.express chart) and
answering cold queries, while every session's first view of the default filters asks for exactly
the same answers and figures. So they are computed once per version into the shared results cache,
page by page in the app's order, through ChartView - the very steps a page takes, so the keys are the
pages' own (tests/test_warmup.py: a warmed page computes nothing):

- **At the server's start** (``at_start``, called by ui.serve - ``make run`` - before the server takes
  requests, so a readiness probe on /_stcore/health means "warm"): the imports a page view needs and the
  version then published. The first view after a start is then served from the cache; the start takes
  that much longer (ui.serve prints how long).
- **After a publish** (``start``, called by ui.run_app after the first view that sees a new version is
  drawn): the same in a background thread. A page opened while it runs waits for an entry being
  computed rather than computing it again (analytics.cache's per-key gate). A warm-up stops when
  another version is published meanwhile (the next page view starts one for it). The app started by
  plain ``streamlit run dashboard.py`` gets only this one (its first view is not helped).

Only the default view is warmed; other filters are computed on their first request. ``DASHBOARD_WARMUP=0``
turns both off: the test suite does (tests/conftest.py), since its AppTests publish hundreds of small
warehouses and a warm-up for each would only load the machine; the end-to-end tests run the app with
it, as users get it. Streamlit-free.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Callable
from typing import Any

from analytics import cache
from analytics.figures import ChartView, SharedContext, charts_of
from analytics.filters import Filters
from analytics.pages import CHART_PAGES


def _app_queries() -> dict[str, tuple[Callable[..., Any], ...]]:
    """The queries the app makes besides charts, by page ("" = every page, before it draws): ui.app_setup
    (options, meta), the sidebar's coverage line (selection), the accuracy note under every chart
    (held_out_quality: ui.chart.trust_note), the Data page's own tables."""
    from analytics.queries import data

    return {"": (data.options, data.meta, data.held_out_quality),
            "data": (data.rejected_sample, data.extraction_quality)}


def _view_queries() -> dict[str, tuple[Callable[..., Any], ...]]:
    """The queries a page makes besides charts for the filters of the view, by page: the Salary page's line
    on how its salaries were stated (QA round eleven; a scan of the salaried postings, not a rollup)."""
    from analytics.queries import salary

    return {"salary": (salary.stated_as,)}


def warm(f: Filters | None = None, version: str | None = None) -> list[tuple[str, float]]:
    """Compute every chart page's view of ``f`` (default: the default filters) into the shared cache:
    queries, figures and the app's other queries. Returns (page, seconds) in page order. A chart whose
    query or figure fails is skipped: its page shows the error when it is opened. Given ``version``
    (cache.version_key), it stops at the next page once another version is published."""
    from analytics.queries.data import selection

    f = f or Filters()
    extra = _app_queries()
    start = time.perf_counter()
    for fn in extra[""]:
        cache.cached(fn)
    cache.cached(selection, f)
    took = [("app", time.perf_counter() - start)]
    for page in CHART_PAGES:
        if version is not None and cache.version_key() != version:
            break
        start = time.perf_counter()
        ctx = SharedContext(f=f)
        for defn in charts_of(page.slug):
            try:  # the page's own steps (ChartView), so the keys are the page's
                view = ChartView.of(defn, ctx)
                view.answer()
                view.figure()
            except Exception:  # the page says what failed when it is opened
                continue
        for fn in extra.get(page.slug, ()):
            try:
                cache.cached(fn)
            except Exception:  # the page says what failed when it is opened
                continue
        for fn in _view_queries().get(page.slug, ()):
            try:
                cache.cached(fn, f)
            except Exception:  # the page says what failed when it is opened
                continue
        took.append((page.slug, time.perf_counter() - start))
    return took


_lock = threading.Lock()
_started: set[str] = set()  # versions (cache.version_key) a warm-up was started for in this process
LAST: dict[str, Any] = {}  # the last warm-up's version and (page, seconds), for a person to read


def enabled() -> bool:
    return os.environ.get("DASHBOARD_WARMUP", "1").strip() != "0"


def _claim() -> str | None:
    """The version now published if no warm-up was started for it yet (marked started now, so exactly one
    caller warms each version), else None."""
    version = cache.version_key()
    if version is None:
        return None
    with _lock:
        if version in _started:
            return None
        _started.add(version)
    return version


def at_start() -> list[tuple[str, float]]:
    """The server's start (ui.serve, before it takes requests): import what a page view needs and warm the
    version now published, in this thread; the first page view then finds it done and starts no other
    warm-up for this version. Returns ``warm``'s (page, seconds), with the imports first; [] when turned
    off or there is no warehouse yet."""
    if not enabled():
        return []
    begin = time.perf_counter()
    import plotly.express  # noqa: F401  - the figures' builders: the first view's largest import

    took = [("imports", time.perf_counter() - begin)]
    if (version := _claim()) is None:
        return took
    try:
        took += warm(version=version)
    except Exception as exc:  # the server starts anyway: pages compute on demand
        LAST.update(version=version, error=repr(exc))
        return took
    LAST.update(version=version, pages=took)
    return took


def start() -> threading.Thread | None:
    """Start ``warm`` in a daemon thread if none was started for the version now published; else None."""
    if not enabled() or (version := _claim()) is None:
        return None

    def run() -> None:
        try:
            LAST.update(version=version, pages=warm(version=version))
        except Exception as exc:  # a warm-up never breaks the app: pages compute on demand
            LAST.update(version=version, error=repr(exc))

    thread = threading.Thread(target=run, name="warm-up", daemon=True)
    thread.start()
    return thread
