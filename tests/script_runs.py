"""A page's script runs, seen on its websocket: shared by the browser tests (test_e2e.py's _settle,
test_e2e_real.py's _ready) so that each waits for the run a click or an address asked for, not a fixed time.

Streamlit 1.67's ``data-test-script-state`` does not change at a click (docs/performance.md, the test suite's
time, tenth round): a widget's rerun is sent on the socket (BackMsg ``rerun_script``) and the state reads
``notRunning`` until the server's first message of the run arrives. The socket sees the ask as it is sent."""

from __future__ import annotations

import time

from playwright.sync_api import TimeoutError as PlaywrightTimeout

__all__ = ["IDLE_S", "RUNS", "Runs", "settle", "watch"]


class Runs:
    """The server's messages on a page's websocket: when each script run finished and how many Plotly
    charts the last finished run sent (Streamlit's ForwardMsg protobuf, decoded with Streamlit's own
    classes). Plotly charts appear in the page only once Plotly's code has loaded, seconds after the
    run on a busy machine, so "every chart drawn" needs the number the server sent. Also whether a run is
    under way or asked for on the page's current socket (the browser's BackMsg ``rerun_script``: a click,
    ui/narrow.py's width probe, the SQL editor taking the URL's query), for settle."""

    def __init__(self, page) -> None:  # type: ignore[no-untyped-def]
        self.finished: list[float] = []
        self.started: list[float] = []  # each run's start (a run another one interrupts never finishes)
        self.charts = 0  # of the last finished run
        self._sending = 0  # of the run in progress
        self._socket: object = None  # the current document's websocket (a goto opens a new one)
        self.running = False  # a run started on it and not finished
        self.asked_at: float | None = None  # a rerun the browser asked for that has not started yet
        self.heard_at = time.monotonic()  # the last message from the server on it
        page.on("websocket", self._opened)

    def reset(self) -> None:
        self.finished.clear()
        self.charts = 0

    def busy(self) -> bool:
        """A run under way, or asked for and not started (an ask never answered counts for 5 s)."""
        asked = self.asked_at is not None and time.monotonic() - self.asked_at < 5
        return self.running or asked

    def _opened(self, ws) -> None:  # type: ignore[no-untyped-def]
        self._socket, self.running, self.asked_at = ws, False, None
        ws.on("framereceived", lambda payload: self._frame(ws, payload))
        ws.on("framesent", lambda payload: self._sent(ws, payload))

    def _sent(self, ws, payload: bytes | str) -> None:  # type: ignore[no-untyped-def]
        from streamlit.proto.BackMsg_pb2 import BackMsg

        if ws is not self._socket or isinstance(payload, str):
            return
        msg = BackMsg()
        msg.ParseFromString(bytes(payload))
        if msg.WhichOneof("type") == "rerun_script":
            self.asked_at = time.monotonic()

    def _frame(self, ws, payload: bytes | str) -> None:  # type: ignore[no-untyped-def]
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        if isinstance(payload, str):
            return
        msg = ForwardMsg()
        msg.ParseFromString(bytes(payload))
        kind = msg.WhichOneof("type")
        if ws is self._socket:
            self.heard_at = time.monotonic()
            if kind == "new_session":
                self.running, self.asked_at = True, None
            elif kind == "script_finished":
                self.running = False
        if kind == "new_session":  # sent as each script run starts
            self._sending = 0
            self.started.append(time.monotonic())
        elif kind == "script_finished":
            self.charts = self._sending
            self.finished.append(time.monotonic())
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
            self._sending += msg.delta.new_element.WhichOneof("type") == "plotly_chart"


RUNS: dict[int, Runs] = {}  # by id(page), for the pages watch() was given


def watch(page):  # type: ignore[no-untyped-def]
    """``page`` (new: before its first goto) with its script runs counted in RUNS; returns it."""
    RUNS[id(page)] = Runs(page)
    return page


IDLE_S = 0.4  # quiet this long (no message from the server, no ask from the browser): the run is over


def settle(page, timeout_s: float = 90) -> None:  # type: ignore[no-untyped-def]
    """Wait until the script run is over: no run under way or asked for on the page's socket (Runs), the
    socket quiet for IDLE_S since the last message and since this call (a click just made has its ask
    reach Runs meanwhile), and Streamlit's status widget gone. A run can start another (ui/narrow.py's
    probe in a narrow window, the SQL editor's query from the URL): the browser's ask is seen on the
    socket. ``page`` must have been given to watch() before its first goto."""
    runs = RUNS[id(page)]
    entered = time.monotonic()
    deadline = entered + timeout_s
    while True:
        now = time.monotonic()
        idle = not runs.busy() and now - max(runs.heard_at, entered) >= IDLE_S
        if idle and page.evaluate("() => !document.querySelector('[data-testid=\"stStatusWidget\"]')"):
            return
        if now > deadline:
            raise PlaywrightTimeout(
                f"the page's script runs did not end in {timeout_s:g} s (running {runs.running})")
        page.wait_for_timeout(50)
