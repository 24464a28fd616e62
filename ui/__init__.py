"""Streamlit-side helpers shared by dashboard.py and the pages (never imported by analytics/).

Why: pages must only draw. Running a query through the cache, keyed by the filters and
the published version file (so a republish invalidates it), and turning any failure
into one readable line instead of a traceback, is done once here.
"""

from __future__ import annotations

import argparse
import functools
import os
import re
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st
from streamlit.runtime.scriptrunner_utils.exceptions import StopException

from analytics import cache, db
from analytics.filters import Filters
from ui import handoff, loading, narrow

handoff.install()  # a run's messages reach the event loop in batches (ui/handoff.py)

T = TypeVar("T")
FILTERS_KEY = "_active_filters"
IN_APP_KEY = "_page_in_app"  # set by run_app for the one run of the page it hands over to
# The browser tab's icon, served by the app itself (static/, enableStaticServing): the "insights" symbol drawn
# from the Material font Streamlit bundles. Why not ":material/insights:": Streamlit's browser code fetches a
# Material favicon - and, until a page icon is set, the open page's st.Page icon - from fonts.gstatic.com, a
# failed request on every visit offline (tests/test_e2e.py::test_no_page_asks_any_host_but_the_app_s_own).
FAVICON = "/app/static/favicon.png"
# What every table for people shows for a missing value (st.dataframe's ``placeholder``): Streamlit's grid
# otherwise writes "None" - a posting without a salary read "Salary: None" in the postings lists
MISSING = "—"


def q(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a query function through the results cache every session of the process shares
    (analytics.cache: key = published version file, function, arguments; a publish invalidates it)."""
    return cache.cached(fn, *args, **kwargs)


_MARKDOWN = re.compile(r"([\\`*_\[\]<>~|])")
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def as_text(text: str) -> str:
    """``text`` for st.caption/st.markdown shown as written, not as Markdown: the marks that make links,
    emphasis, code, HTML or tables are backslash-escaped and web addresses are not turned into links.
    Captions carry names from the loaded data (a source named "[Sign in](https://...)" drew a link in
    every chart's caption); the app's own wording ($, parentheses, colons) reads as before. Pure (tested)."""
    escaped = _MARKDOWN.sub(lambda m: "\\" + m.group(1), str(text))
    # an invisible word joiner inside "://" and "www.": GFM links bare addresses even when escaped
    return _AUTOLINK.sub(lambda m: m.group(1)[0] + "\u2060" + m.group(1)[1:], escaped)


def one_line(exc: BaseException) -> str:
    """A failure's first line for st.error, as written: DuckDB quotes data values in its errors ("Could not
    convert string '...'") and st.error renders Markdown, so the line goes through as_text."""
    text = str(exc).strip().splitlines()
    return as_text(f"{type(exc).__name__}: {text[0] if text else ''}")


def fetch(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Like q(), but a failure shows one line on the page and returns None."""
    try:
        return q(fn, *args, **kwargs)
    except db.WarehouseMissing:
        st.error("The warehouse disappeared while the page was open. Reload once it is published again.")
    except Exception as exc:
        st.error(f"This figure could not be computed ({fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}): "
                 f"{one_line(exc)}")
    return None


def filters() -> Filters:
    """The filters chosen in the sidebar for this run (defaults before the sidebar ran)."""
    value = st.session_state.get(FILTERS_KEY)
    return value if isinstance(value, Filters) else Filters()


def _no_warehouse() -> None:
    st.title("Senior developer job market")
    st.warning(f"There is no warehouse yet at `{db.db_path()}`.")
    st.markdown("Make one with either command, then reload this page:")
    st.code("make run              # builds the demo warehouse if missing, then starts this app\n"
            "python -m etl demo    # builds the synthetic demo warehouse", language="bash")
    st.markdown("To load your own files: `python -m etl load PATH ...`.")
    st.stop()


@functools.lru_cache(maxsize=4)
def _db_in(argv: tuple[str, ...]) -> str | None:
    """The ``--db`` of a command line (parsed once per command line: every script run asks)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    args, _ = parser.parse_known_args(list(argv))
    return args.db  # type: ignore[no-any-return]


def _db_argument() -> None:
    """`streamlit run dashboard.py -- --db PATH` points the app at PATH (else $WAREHOUSE_DB)."""
    db_arg = _db_in(tuple(sys.argv[1:]))
    if db_arg:
        os.environ["WAREHOUSE_DB"] = db_arg


def app_setup(filters: bool = True, slug: str | None = None) -> Filters:
    """What every run does before a page draws: page config, warehouse check, demo banner, sidebar
    (filters and the whole-dashboard deck; the URL with page ``slug``'s own controls, ui.links).
    ``filters=False`` (the SQL page) draws no filters and leaves the URL to the page."""
    from analytics.queries import data
    from ui.exports import dashboard_download
    from ui.sidebar import sidebar

    st.set_page_config(page_title="Senior developer job market", page_icon=FAVICON, layout="wide")
    loading.install()  # what a chart's place says while the browser draws it (ui/loading.py)
    narrow.install()  # a chart's legend above its plot in a phone-width window (ui/narrow.py)
    narrow.probe()  # and whether the window is narrow, for figures built for it (ui/narrow.py)
    _db_argument()
    if cache.version_key() is None:  # no warehouse (within a run: the version the run draws from)
        _no_warehouse()
    try:
        opts = q(data.options)
        meta = q(data.meta)
    except Exception as exc:
        st.error(f"The warehouse at `{db.db_path()}` cannot be read: {one_line(exc)}")
        st.markdown("Rebuild it with `make run` or `python -m etl demo`.")
        st.stop()
    if meta.get("is_demo") == "true":
        st.warning("Demo data: this warehouse holds synthetic postings made by `python -m etl demo`, "
                   "not real job ads. Load real files with `python -m etl load`.", icon=":material/science:")
    if not filters:
        return Filters()
    f = sidebar(opts, slug)
    st.session_state[FILTERS_KEY] = f
    with st.sidebar:
        st.divider()
        dashboard_download(f)  # made only when clicked (ui.exports)
    return f


def run_app() -> None:
    """dashboard.py: the navigation from analytics.pages, the shared setup, then the chosen page.

    The page runs with a flag in the session (for this run only) telling its ``page()`` call that
    the setup is done. A page file can also run on its own - Streamlit runs a file under a folder
    named pages/ directly until st.navigation has run once in the process (and AppTest on every
    run) - and then ``page()`` does the setup itself.
    """
    from analytics.pages import PAGES

    # The default page is served at the root, never at /slug: /overview (typed by someone who saw
    # /skills) was Streamlit's "Page not found" dialog. A hidden page there sends the visit on to the
    # root, the link's query (its filters) kept; the default page reserves a pathname of its own (one
    # nobody types) so that /slug is free for it.
    # The tab's icon before the navigation: once a page icon is set, the browser no longer shows the open
    # page's Material icon as the favicon (fetched from Google's font server); the sidebar's icons stay.
    st.set_page_config(page_icon=FAVICON)
    entries, to_home = _nav_pages(PAGES)
    home = next(nav for nav, p in entries if p.default)
    # the navigation hidden: the sidebar's links are drawn below (_nav_links), each with its address
    chosen = st.navigation([nav for nav, _ in entries] + [to_home], position="hidden")
    if chosen is to_home:
        st.switch_page(home, query_params=[(k, v) for k in st.query_params
                                          for v in st.query_params.get_all(k)])
    entry = next(p for nav, p in entries if nav is chosen)
    nav = st.sidebar.container(key="app_nav")  # first in the sidebar, filled once the filters are known
    # the whole run from one published version, looked up once (analytics.cache.one_version)
    with cache.one_version():
        try:
            app_setup(filters=entry.filters, slug=entry.slug)
        except StopException:  # no warehouse, or one that cannot be read: the pages are still listed
            _nav_links(nav, entries, entry.slug)
            raise
        st.session_state[IN_APP_KEY] = True
        try:
            chosen.run()
        except Exception as exc:  # a user never sees a traceback (st.stop and st.rerun are not Exceptions)
            st.error(f"This page failed: {one_line(exc)}")
        finally:
            st.session_state.pop(IN_APP_KEY, None)
        if entry.filters:  # the URL again after the page: its defaults, and values it changed (ui.links)
            from ui import links

            links.write(entry.slug, filters())
        _nav_links(nav, entries, entry.slug)
    # once per published version, after this view is drawn: the other pages' first views in the background
    from analytics import warmup

    warmup.start()


NAV_PAGES = "_nav_pages"  # this session's st.Page objects (see _nav_pages)


def _nav_links(box: Any, entries: Any, here: str) -> None:
    """The pages as the sidebar's links, each carrying the address that page will show (ui.links.target:
    the filters and the page's kept choices), so that a page change is one history entry."""
    from ui import links

    with box:
        for nav, p in entries:
            st.page_link(nav, label=p.title, icon=p.icon,
                         query_params=links.target(p.slug, filters() if p.filters else None, here))


def _nav_pages(pages: Any) -> tuple[list[tuple[Any, Any]], Any]:
    """The navigation's st.Page objects with their analytics.pages entries, and the hidden page at the
    default page's slug: made on a session's first run and kept in its state. Why: each st.Page resolves
    its script's path on the disk (a stat per path component) - nine pages on every run of every session
    (about a twentieth of a warm page run's server CPU, docs/performance.md). Kept per session, not per
    process: st.navigation marks the page a run may call on the object itself."""
    kept = st.session_state.get(NAV_PAGES)
    if kept is not None:
        return kept  # type: ignore[no-any-return]
    entries = [(st.Page(p.script, title=p.title, icon=p.icon, url_path=p.url_path or f"{p.slug}-home",
                        default=p.default), p)
               for p in pages]
    default = next(p for _, p in entries if p.default)
    to_home = st.Page(_to_home, title=default.title, url_path=default.slug, visibility="hidden")
    st.session_state[NAV_PAGES] = (entries, to_home)
    return entries, to_home


def _to_home() -> None:
    """The hidden page at the default page's slug; run_app switches to the default page instead."""


def page(slug: str) -> Filters:
    """Call first in every page: the active filters (those of the sidebar, or none for a page they do
    not apply to). Outside run_app (the page file run on its own) it does the shared setup first, so
    the sidebar, the URL binding and the empty states are never missing."""
    from analytics.pages import page as entry

    if st.session_state.get(IN_APP_KEY):
        return filters() if entry(slug).filters else Filters()
    return app_setup(filters=entry(slug).filters, slug=slug)
