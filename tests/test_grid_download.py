"""The data grid's own "Download as CSV" is not offered (red-team pass).

Streamlit's grid writes its toolbar CSV in the browser with a UTF-8 byte order mark and no formula
guard: a title or company ``=HYPERLINK(...)`` in a drill-down or SQL result table reached a spreadsheet
as a live formula, beside the app's own downloads that neutralise it (analytics/export/tables.py). The
app's style sheet (ui/loading.css, on every page) hides that one toolbar action; Search and full
screen stay. Checked in a real Chromium on a grid holding such a cell.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from servers import free_port, stop, wait_healthy

pytestmark = pytest.mark.e2e
PROJECT = Path(__file__).resolve().parents[1]
CHROMIUM = Path("/usr/bin/chromium")
SCRIPT = '''
import pandas as pd
import streamlit as st

st.markdown(CSS, unsafe_allow_html=True)  # the app's style sheet, as ui.loading.install puts it
st.dataframe(pd.DataFrame({"company": ['=HYPERLINK("http://evil.example","x")', "Plain"]}))
'''


def test_the_grid_offers_search_but_no_unguarded_csv_download(tmp_path: Path) -> None:
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is not installed")
    from playwright.sync_api import sync_playwright

    app = tmp_path / "grid_app.py"
    from ui import loading

    app.write_text(f"CSS = {'<style>' + loading.css() + '</style>'!r}\n" + SCRIPT)
    port = free_port()
    log = (tmp_path / "streamlit.log").open("w")
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(app), "--server.headless", "true", "--server.port",
         str(port), "--server.address", "127.0.0.1", "--browser.gatherUsageStats", "false",
         "--server.fileWatcherType", "none"],
        cwd=PROJECT, env={"PYTHONPATH": str(PROJECT), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
        stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, proc, 120, f"see {log.name}")
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            try:
                page = browser.new_page()
                page.goto(url)
                grid = page.locator('[data-testid="stDataFrame"]')
                grid.wait_for(timeout=120_000)
                grid.hover()
                search = page.locator('[data-testid="stElementToolbarButton"] [aria-label^="Search"]')
                search.wait_for(state="visible", timeout=60_000)  # the toolbar is there
                download = page.locator('[aria-label^="Download as CSV"]')
                assert download.count() == 1  # Streamlit still draws it (the test would pass vacuously)
                assert not download.is_visible()
            finally:
                browser.close()
    finally:
        stop(proc, log)
