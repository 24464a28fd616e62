"""Download buttons: each chart and table as files, a page or the whole dashboard as a deck or PDF.

Why: people take the numbers out of the app - into a board paper, Excel, a notebook. The
files come from analytics.export (the same code as ``python -m analytics report``), so
every file says what it shows: filters, n, the data's as-of date and sources.

Nothing is made during a page view. ``st.download_button`` is given a function, which
Streamlit 1.67 registers and calls only when the button is clicked (in a worker thread,
streamlit/runtime/media_file_manager.py: execute_deferred), and ``on_click="ignore"``
keeps the click from rerunning the app. So a page view costs a few button protos, never
kaleido, openpyxl or python-pptx. The functions run outside the script run: they must not
call streamlit, so everything they need (filters, warehouse path, figure, frame, widget
values) is captured when the page draws.

Chart images need Chrome or Chromium (kaleido). Without one, the image buttons are left
out (a chart's PNG/SVG) or disabled (decks, PDFs) with analytics.export's message, and
CSV, Excel, Parquet and interactive HTML still work.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics import db as _db
from analytics.export import ExportMeta, browser_available, build_meta, slug, unavailable_message
from analytics.filters import Filters
from analytics.result import QueryResult

MIME = {
    "png": "image/png",
    "svg": "image/svg+xml",
    "html": "text/html",
    "csv": "text/csv",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "parquet": "application/vnd.apache.parquet",
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
}
ICON = ":material/download:"
ABOUT = "Each file states the filters, n, the data's as-of date and its sources."
DASHBOARD_KEY = "dashboard_pptx"

Make = Callable[[], bytes]


def _keep_made_files_for_their_session() -> None:
    """Refer each file a download button's function made to the session that clicked it.

    Why: Streamlit 1.67's ``MediaFileManager.execute_deferred`` stores the made file and returns its
    URL, but refers it to no session ("unmapped so repeat clicks rerun the callable"), and the end of
    every script run - of any session - collects unreferenced files: the first marks a download, the
    second deletes it. With several people using the app, two other runs can end before the browser
    fetches the URL; the fetch then answers 404 and Chromium reports the download as canceled (3 of 90
    in ``bench users --sessions 10``; tests/test_e2e_downloads.py). Referred to the clicking session
    beside the button (its coordinates plus ``:file``), the file lives as the session's other media
    do: until that session's next full run and the collection after it, or until it closes. A second
    click still calls the function again (the button's own entry is untouched). Installed once per
    process, on the class the runtime's manager is an instance of (streamlit is pinned, 1.67.0).
    """
    from streamlit.runtime.media_file_manager import MediaFileManager

    if getattr(MediaFileManager.execute_deferred, "_refers_made_file", False):
        return
    original = MediaFileManager.execute_deferred

    @functools.wraps(original)
    def execute_deferred(self: MediaFileManager, file_id: str) -> str:
        with self._lock:
            entry = self._deferred_callables.get(file_id)
        url = original(self, file_id)
        if entry is not None:
            made = url.rsplit("/", 1)[-1].split(".", 1)[0]  # MemoryMediaFileStorage: <endpoint>/<id><ext>
            with self._lock:
                refs = self._files_by_session_and_coord
                # only a session that still has references (one that closed has none: nothing to leak)
                if made in self._file_metadata and entry["session_id"] in refs:
                    refs[entry["session_id"]][f"{entry['coordinates']}:file"] = made
        return url

    execute_deferred._refers_made_file = True  # type: ignore[attr-defined]
    MediaFileManager.execute_deferred = execute_deferred  # type: ignore[method-assign]


_keep_made_files_for_their_session()


def _meta_maker(title: str, result: QueryResult, f: Filters, db: Path, small: str = "", trust: str = ""
                ) -> Callable[[], ExportMeta]:
    """The export metadata, read from the warehouse on the first click (not during the page view)."""

    @functools.cache
    def meta() -> ExportMeta:
        from analytics.export import warehouse_facts

        return build_meta(title, result, f, warehouse_facts(f, db), small_note=small, trust_note=trust)

    return meta


Flag = Callable[[pd.DataFrame], pd.DataFrame]


def chart_files(title: str, result: QueryResult, fig: go.Figure | None, f: Filters,
                images_ok: bool, *, small: str = "", flag: Flag | None = None, trust: str = ""
                ) -> list[tuple[str, str, Make]]:
    """(label, extension, maker) of one chart's or table's downloads, in button order.

    ``small``: the chart's small-sample note (analytics.figures.small_note), in every file's caption and
    metadata as on the page, as ``trust`` (how often the fields behind it are read right:
    ui.chart.trust_note); ``flag`` adds the small-sample column to the data files (the page's
    "Data and SQL" table keeps the query's columns). Both run on the click, not during the page view.
    The exporters are imported on the click too (pyarrow.parquet, openpyxl: not a page view's cost).
    """
    meta = _meta_maker(title, result, f, _db.db_path(), small, trust)

    @functools.cache
    def data() -> pd.DataFrame:
        from analytics.figures import with_binned_precision

        return with_binned_precision(result.df if flag is None else flag(result.df), result.caveats)

    def image(fmt: str) -> Make:
        def make() -> bytes:
            from analytics.export import images

            assert fig is not None
            return {"png": images.to_png, "svg": images.to_svg, "html": images.to_html}[fmt](fig, meta())

        return make

    def table(fmt: str) -> Make:
        def make() -> bytes:
            from analytics.export import tables

            df = data()
            return tables.to_csv(df) if fmt == "csv" else (tables.to_excel if fmt == "xlsx" else
                                                           tables.to_parquet)(df, meta())

        return make

    files: list[tuple[str, str, Make]] = []
    if fig is not None:
        if images_ok:
            files += [("PNG", "png", image("png")), ("SVG", "svg", image("svg"))]
        files.append(("Interactive HTML", "html", image("html")))
    files += [
        ("CSV", "csv", table("csv")),
        ("Excel", "xlsx", table("xlsx")),
        ("Parquet", "parquet", table("parquet")),
    ]
    return files


def downloads_key(key: str) -> str:
    """The session-state key of chart ``key``'s "Download" popover (True while it is open)."""
    return f"{key}_downloads"


def page_downloads_key(page: str) -> str:
    """The session-state key of the page's "Download this page" popover (True while it is open)."""
    return f"{page}_page_downloads"


def _popover(label: str, key: str, help: str) -> Any:
    """A "Download" popover whose content runs only while it is open (``.open``), else None.

    Why: drawn in every view, a page's 15 download buttons (its own two, six per chart, in closed
    popovers) were widgets the browser built on every first view, a part of the 2-4 s a chart page took
    to draw on the real samples (docs/performance.md, page ready). Opening one reruns the page, which then
    makes its buttons; a click on one still makes the file, as before. The callers are not
    ``st.fragment``s: a fragment's set-up on every run of every page cost more server CPU than the rare
    opening saves (ui.chart._details)."""
    box = st.popover(label, icon=ICON, help=help, key=key, on_change="rerun")
    return box if box.open else None


def chart_downloads(title: str, result: QueryResult, fig: go.Figure | None, key: str, f: Filters, *,
                    small: str = "", flag: Flag | None = None, trust: str = "") -> None:
    """A "Download" popover with the chart's image, HTML and data files (keys ``{key}_{ext}``), made
    when it is opened (popover key ``downloads_key(key)``); ``small``, ``flag`` and ``trust`` as in
    chart_files."""
    box = _popover("Download", downloads_key(key), "This chart as an image or interactive HTML, its data "
                   "as CSV, Excel or Parquet. " + ABOUT)
    if box is None:
        return
    images_ok = fig is not None and browser_available()
    name = slug(title)
    with box:
        if fig is not None and not images_ok:
            st.caption(unavailable_message())
        for label, ext, make in chart_files(title, result, fig, f, images_ok, small=small, flag=flag,
                                            trust=trust):
            st.download_button(label, make, f"{name}.{ext}", MIME[ext], key=f"{key}_{ext}", on_click="ignore",
                               width="stretch")


def _deck_maker(pages: list[str], f: Filters, params: dict[str, Any], fmt: str) -> Make:
    db = _db.db_path()

    def make() -> bytes:
        from analytics.export import deck, pdf
        from analytics.report import collect

        cover, _, charts = collect(pages, f, db, dict(params))
        return (deck.build if fmt == "pptx" else pdf.build)(cover, charts)

    return make


def page_downloads(page: str, f: Filters, params: dict[str, Any]) -> None:
    """"This page as PowerPoint" and "This page as PDF" (keys ``{page}_page_pptx``/``_pdf``), made when
    the popover is opened (key ``page_downloads_key(page)``).

    ``params`` is the page's widget-value dict; it is read when the button is clicked, so the
    deck shows what the page shows even though the widgets are drawn after these buttons.
    """
    box = _popover("Download this page", page_downloads_key(page),
                   "Every chart of this page, as it is now: a title slide, then one slide per chart "
                   "with its caption and the SQL in the slide notes. " + ABOUT)
    if box is None:
        return
    ok = browser_available()
    with box:
        if not ok:
            st.caption(unavailable_message())
        for label, fmt in (("This page as PowerPoint", "pptx"), ("This page as PDF", "pdf")):
            st.download_button(label, _deck_maker([page], f, params, fmt), f"{page}.{fmt}", MIME[fmt],
                               key=f"{page}_page_{fmt}", on_click="ignore", disabled=not ok, width="stretch")


def dashboard_download(f: Filters) -> None:
    """"Whole dashboard as PowerPoint" (key ``dashboard_pptx``): every page with its default choices."""
    from analytics.pages import CHART_PAGES

    ok = browser_available()
    st.download_button(
        "Whole dashboard as PowerPoint",
        _deck_maker([p.slug for p in CHART_PAGES], f, {}, "pptx"),
        "dashboard.pptx",
        MIME["pptx"],
        key=DASHBOARD_KEY,
        on_click="ignore",
        disabled=not ok,
        icon=ICON,
        width="stretch",
        help=("Every page's charts under the filters above, with each page's default choices. " + ABOUT)
        if ok
        else unavailable_message(),
    )


def query_downloads(sql: str, session: str, *, key: str) -> None:
    """The SQL page's CSV, Parquet and Excel buttons (keys ``{key}_{ext}``): each runs the query again
    in a sandbox worker on the click (analytics.export.tables.query_file), up to the download limits."""
    from analytics import sandbox

    db = _db.db_path()
    stamp = time.strftime("%Y%m%d-%H%M%S")

    def make(fmt: str) -> Make:
        def file() -> bytes:
            from analytics.export import tables

            return tables.query_file(sql, db, fmt, session=session)

        return file

    for column, (label, fmt) in zip(
        st.columns(3), (("CSV", "csv"), ("Parquet", "parquet"), ("Excel", "xlsx"))
    ):
        rows = sandbox.EXCEL_MAX_ROWS if fmt == "xlsx" else sandbox.DOWNLOAD_MAX_ROWS
        column.download_button(f"Download {label}", make(fmt), f"query-{stamp}.{fmt}", MIME[fmt],
                               key=f"{key}_{fmt}", on_click="ignore",
                               help=f"up to {rows:,} rows and {sandbox.MAX_DOWNLOAD_BYTES // 2**20} MB, "
                                    "built in the sandbox")
    st.caption(f"Downloads run the query again in the sandbox: CSV and Parquet hold up to "
               f"{sandbox.DOWNLOAD_MAX_ROWS:,} rows, Excel up to {sandbox.EXCEL_MAX_ROWS:,} (the file says "
               f"when it was cut); a file stops at {sandbox.MAX_DOWNLOAD_BYTES // 2**20} MB.")
