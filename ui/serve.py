"""``python -m ui.serve [--db PATH] [streamlit options]``: the dashboard's server, warm before it serves.

Why: every session's first view of a page asks for the same answers and figures, and the first view
after a start also paid for the imports behind them (plotly, the pages' modules): 11.8 s to the first
chart drawn on the real samples, 5.2 s of it server CPU. Started this way, the server imports that
and computes every page's default view of the published warehouse (analytics.warmup.at_start) in this
process - the one the app's sessions share - and only then starts Streamlit (``streamlit run
dashboard.py`` with the remaining options). So /_stcore/health answers once the first views are
ready, and a readiness probe on it means what it says. ``make run`` starts the app this way; plain
``streamlit run dashboard.py`` still works and warms in the background after its first view.
``--replicas N`` runs N such servers behind HAProxy instead, for many users at once (ui.replicas).

Then every page is run once as a script (``first_runs``: Streamlit's AppTest, in this process, before
the server starts): a session's first view otherwise paid for what only a real run does - importing the
pages' modules and Streamlit's element code in the script thread, each figure's dict for the browser
(ui.chart.drawn), the chart-image browser's lookup - about 1 s of server CPU on the first view after a
start against 0.2 s on the next (measured on the real samples). What those runs leave is what any
session's run leaves: the shared caches; their sessions end with them.
"""

from __future__ import annotations

import argparse
import atexit
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

DASHBOARD = Path(__file__).resolve().parents[1] / "dashboard.py"


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        prog="python -m ui.serve", description="Start the dashboard, its first views computed before it "
        "serves; other options go to `streamlit run` (e.g. --server.port 8501).")
    parser.add_argument("--db", help="the warehouse (default $WAREHOUSE_DB, else data/warehouse.duckdb)")
    parser.add_argument("--replicas", type=int, default=1, metavar="N",
                        help="N servers behind HAProxy, each browser kept on one (ui.replicas; default 1: "
                        "this process serves)")
    ours, rest = parser.parse_known_args(argv)
    if ours.db:
        os.environ["WAREHOUSE_DB"] = ours.db
    if ours.replicas > 1:
        from ui import replicas

        sys.exit(replicas.serve(ours.replicas, rest))
    from analytics import sandbox, warmup

    print(f"SQL page time limit: {sandbox.page_timeout_s():g} s", flush=True)  # SQL_TIMEOUT_S, read once
    begin = time.perf_counter()
    took = warmup.at_start()
    if took:
        pages = ", ".join(f"{page} {seconds:.1f}" for page, seconds in took)
        print(f"Warm-up before serving: {time.perf_counter() - begin:.1f} s ({pages})", flush=True)
    if warmup.LAST.get("pages"):  # warmed (a warehouse, warm-up on): run each page on those caches
        ran = first_runs()
        print("Page runs before serving: " + ", ".join(f"{slug} {seconds:.1f}" for slug, seconds in ran),
              flush=True)
    from streamlit import file_util
    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    static = static_dir(Path(tempfile.mkdtemp(prefix="dashboard-static-")))
    atexit.register(shutil.rmtree, static, ignore_errors=True)  # links and one page: Streamlit's files stay
    file_util.get_static_dir = lambda: str(static)  # read as the server mounts its static files

    # The app's pages are dashboard.py's st.navigation, never Streamlit's old pages-folder app: left to
    # itself Streamlit sees pages/ beside dashboard.py and, until some session has run st.navigation (a
    # visit to the root), runs a shared link such as /salary as a folder page, its sidebar listing the
    # files ("dashboard, data, experience, ...") for that session and every later one.
    PagesManager.uses_pages_directory = False
    sys.argv = ["streamlit", "run", str(DASHBOARD), *rest]
    cli.main()


def first_runs() -> list[tuple[str, float]]:
    """Run every page once as Streamlit runs it (AppTest: the real script runner on dashboard.py, in this
    process), so the first view of each page finds its code imported and its figures' dicts made.
    Returns (page, seconds); a page that fails is skipped (it shows its error when opened)."""
    from streamlit.testing.v1 import AppTest

    from analytics.pages import PAGES

    took: list[tuple[str, float]] = []
    at = AppTest.from_file(str(DASHBOARD), default_timeout=120)
    for i, entry in enumerate(PAGES):
        start = time.perf_counter()
        try:
            (at if i == 0 else at.switch_page(entry.script)).run()
        except Exception:  # the server starts anyway; the page computes on its first view
            continue
        took.append((entry.slug, time.perf_counter() - start))
    return took


def static_dir(into: Path) -> Path:
    """Streamlit's static files in ``into``: each linked to Streamlit's own, but index.html, copied with
    ui.narrow.head_script in its head. Why: a browser's first view at a phone's width ran twice - the
    session's first run took the window for wide and the width probe's answer ran it again (QA rounds
    twenty-six and twenty-seven); the script writes the probe's cookie before Streamlit's code opens the
    websocket, whose handshake carries it to the first run. A page without a head (another Streamlit) is
    copied unchanged: two runs, as before."""
    from streamlit import file_util

    from ui import narrow

    theirs = Path(file_util.get_static_dir())
    into.mkdir(parents=True, exist_ok=True)
    for entry in theirs.iterdir():
        if entry.name != "index.html":
            (into / entry.name).symlink_to(entry)
    html = (theirs / "index.html").read_text()
    head = f"<head>\n<script>{narrow.head_script()}</script>"
    (into / "index.html").write_text(html.replace("<head>", head, 1))
    return into


if __name__ == "__main__":
    main()

