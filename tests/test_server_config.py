"""The app server's Streamlit settings (.streamlit/config.toml), read as ``streamlit run`` reads them.

Why: Streamlit 1.67 forces a full garbage collection (``gc.collect(2)``) at the end of every script run
by default (``runner.postScriptGC``). The server's heap holds the shared answers, figures and modules
(about 180,000 objects on the 20,000-posting demo after the pages' first views), so each collection took
0.3 s holding the GIL, during which no other session's script, query result or websocket message moved.
With nine sessions touring at once that one setting made the tours 3-4 times slower (bench users:
wall 41-46 s -> 12-13 s, p95 page-ready 10.8-14.3 s -> 2.7-4.1 s, same load, alternated). Python's
own generational collector still runs; only the forced full pass after each run is off.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from streamlit import config

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture
def project_config(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.chdir(PROJECT)  # streamlit run reads ./.streamlit/config.toml of its working directory
    config.get_config_options(force_reparse=True)
    yield
    monkeypatch.undo()
    config.get_config_options(force_reparse=True)


@pytest.mark.usefixtures("project_config")
def test_no_forced_full_garbage_collection_after_each_script_run() -> None:
    assert config.get_option("runner.postScriptGC") is False


@pytest.mark.usefixtures("project_config")
def test_the_project_settings_are_the_ones_read() -> None:
    # the same file's other settings, so the test above cannot pass by reading no file at all
    assert config.get_option("server.enableStaticServing") is True
    assert config.get_option("client.toolbarMode") == "minimal"


def test_the_tab_icon_is_the_app_s_own_file() -> None:
    """The favicon is a file the app serves (static/, enableStaticServing), never a Material icon: Streamlit's
    browser code fetches those from fonts.gstatic.com, a failed request on every visit offline
    (tests/test_e2e.py::test_no_page_asks_any_host_but_the_app_s_own checks that a cold browser asks no
    other host)."""
    import re

    from PIL import Image

    from ui import FAVICON

    assert FAVICON.startswith("/app/static/")
    with Image.open(PROJECT / "static" / FAVICON.removeprefix("/app/static/")) as icon:
        assert (icon.format, icon.size, icon.mode) == ("PNG", (64, 64), "RGBA")
    sources = [PROJECT / "dashboard.py", *(PROJECT / "ui").glob("*.py"), *(PROJECT / "pages").glob("*.py")]
    for source in sources:
        assert not re.search(r"page_icon\s*=\s*[\"']:material", source.read_text()), source
