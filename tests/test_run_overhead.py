"""The server's own work per script run that is Streamlit's bookkeeping, not the page (issue 12).

Why: with ten sessions clicking back to back the server's one interpreter is saturated, and a warm
chart-page run is nearly all Streamlit's per-element work (docs/performance.md, many users at once).
Counted here on the real code: no fragment set-ups on a page run (each copies the run's cursors and
containers), the navigation's st.Page objects made once a session, and a run's messages handed to the
event loop with one wake-up per batch, in order.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import streamlit.runtime.fragment as fragment_module
from streamlit.runtime.app_session import AppSession, AppSessionState
from streamlit.testing.v1 import AppTest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

import ui
import ui.chart
from analytics.figures import charts_of
from analytics.pages import PAGES
from ui import handoff
from ui.exports import downloads_key

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", ["overview", "skills"])
def test_a_page_run_sets_up_no_fragment(page: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every fragment call copies the run's cursors and its container stack (streamlit.runtime.fragment):
    five a chart page (the page's and each chart's Download popover, each chart's Data and SQL box), on
    every run. The popovers and boxes still draw their content only while open."""
    copies = []

    def counting(value: Any, memo: Any = None) -> Any:
        copies.append(type(value).__name__)
        return copy.deepcopy(value, memo)

    monkeypatch.setattr(fragment_module, "deepcopy", counting)
    at = AppTest.from_file(APP, default_timeout=120).switch_page(f"pages/{page}.py")
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert copies == [], f"{len(copies)} fragment snapshots taken on one run"
    assert not at.get("download_button")[1:]  # the sidebar's deck only: popovers closed, nothing made
    first = charts_of(page)[0].key
    at.session_state[downloads_key(first)] = True  # a click opens it: the next run makes its buttons
    at.session_state[ui.chart.details_key(first)] = True
    at.run()
    assert not at.exception and not at.error, [e.value for e in at.error]
    assert any(b.proto.label == "CSV" for b in at.get("download_button"))
    assert at.dataframe and at.code


def test_the_navigation_s_pages_are_made_once_a_session(monkeypatch: pytest.MonkeyPatch) -> None:
    made: list[object] = []

    class Page:
        def __init__(self, page: object, **kwargs: Any) -> None:
            made.append(page)

    state: dict[str, Any] = {}
    monkeypatch.setattr(ui.st, "Page", Page)
    monkeypatch.setattr(ui.st, "session_state", state)
    first = ui._nav_pages(PAGES)
    assert len(made) == len(PAGES) + 1  # every page and the hidden one at the default page's slug
    assert ui._nav_pages(PAGES) == first and len(made) == len(PAGES) + 1
    state.clear()  # another session (its own state) makes its own
    ui._nav_pages(PAGES)
    assert len(made) == 2 * (len(PAGES) + 1)


def _session(loop: _Loop) -> AppSession:
    session = object.__new__(AppSession)  # only its loop is used here
    session._event_loop = loop  # type: ignore[assignment]
    session._state = AppSessionState.SHUTDOWN_REQUESTED  # its __del__ then has nothing to shut down
    return session


class _Loop:
    """The calls an AppSession makes on its event loop, recorded (the loop is not running)."""

    def __init__(self) -> None:
        self.wakeups: list[Callable[[], None]] = []
        self.closed = False

    def call_soon_threadsafe(self, callback: Callable[[], None]) -> None:
        self.wakeups.append(callback)

    def is_closed(self) -> bool:
        return self.closed


def test_a_run_s_messages_wake_the_event_loop_once_per_batch_in_order() -> None:
    handoff.install()
    loop = _Loop()
    session = _session(loop)
    ran: list[int] = []
    def append(i: int) -> Callable[[], None]:
        return lambda: ran.append(i)

    for i in range(50):  # a chart page's run hands over about 50 messages
        session._call_soon_on_event_loop(append(i))
    assert len(loop.wakeups) == 1, "a wake-up of the event loop per message"
    loop.wakeups.pop()()
    assert ran == list(range(50))
    session._call_soon_on_event_loop(lambda: ran.append(50))  # after a drain, the next one wakes it again
    assert len(loop.wakeups) == 1
    loop.wakeups.pop()()
    assert ran == list(range(51))


def test_a_failing_callback_does_not_drop_the_ones_after_it() -> None:
    handoff.install()
    loop = _Loop()
    session = _session(loop)
    ran: list[str] = []

    def fails() -> None:
        raise RuntimeError("a callback failed")

    session._call_soon_on_event_loop(fails)
    session._call_soon_on_event_loop(lambda: ran.append("after"))
    loop.wakeups.pop()()
    assert ran == ["after"]


def test_callbacks_for_a_closed_loop_are_not_kept() -> None:
    """Streamlit drops a callback for a loop already closed (a shutdown); queued ones must not pile up."""
    handoff.install()
    loop = _Loop()
    loop.closed = True
    session = _session(loop)
    for _ in range(3):
        session._call_soon_on_event_loop(lambda: None)
    assert len(loop.wakeups) == 3  # each tried (Streamlit's own method drops it), none queued for ever
    assert session.__dict__["_handoff"][1] == []
