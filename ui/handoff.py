"""A script run's messages handed to the server's event loop in batches, not one wake-up per message.

Why: Streamlit 1.67 hands every element a script run makes (about 50 on a chart page) from the run's
thread to the event loop with its own ``call_soon_threadsafe`` - a write to the loop's wake-up pipe, a
wake-up of the loop thread and a GIL hand-over each - and the loop then asks itself to flush with a
second ``call_soon_threadsafe`` per message (``Runtime._enqueued_some_message``). With ten sessions
clicking at once the server's one interpreter is saturated (docs/performance.md, many users at once), so
these per-message wake-ups are CPU every run pays for. Here a session's callbacks go into a queue of its
own and the loop is woken once for all that arrived since it last looked; they run in the order they
were made, on the loop, as before. The flush request from the loop's own thread sets the event directly.

Installed once per process on the classes the runtime's objects are instances of (streamlit is pinned,
1.67.0), as ui.exports does for downloads; tests/test_handoff.py counts the wake-ups of a run.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from typing import Any

_LOG = logging.getLogger(__name__)

def install() -> None:
    from streamlit.runtime.app_session import AppSession
    from streamlit.runtime.runtime import Runtime

    if getattr(AppSession._call_soon_on_event_loop, "_batched", False):
        return
    original = AppSession._call_soon_on_event_loop

    @functools.wraps(original)
    def call_soon_on_event_loop(self: AppSession, callback: Callable[[], None]) -> None:
        state = self.__dict__.get("_handoff")
        if state is None:  # made by the first caller; setdefault keeps one if two threads race here
            state = self.__dict__.setdefault("_handoff", (threading.Lock(), [], [False]))
        lock, pending, scheduled = state
        with lock:
            pending.append(callback)
            if scheduled[0]:  # the loop is already woken for this session's queue
                return
            scheduled[0] = True

        def drain() -> None:
            with lock:
                batch = pending[:]
                pending.clear()
                scheduled[0] = False
            for fn in batch:  # each as its own loop callback was: one failing does not drop the rest
                try:
                    fn()
                except Exception:
                    _LOG.exception("a session's event-loop callback failed")

        try:
            original(self, drain)  # Streamlit's: drops the call when the loop is closed
        except BaseException:
            with lock:
                scheduled[0] = False
            raise
        if self._event_loop.is_closed():  # dropped (a shutdown): nothing will drain, so keep nothing
            with lock:
                pending.clear()
                scheduled[0] = False

    call_soon_on_event_loop._batched = True  # type: ignore[attr-defined]
    AppSession._call_soon_on_event_loop = call_soon_on_event_loop  # type: ignore[method-assign]

    enqueued = Runtime._enqueued_some_message

    @functools.wraps(enqueued)
    def enqueued_some_message(self: Runtime) -> None:
        objs = self._get_async_objs()
        if _on_loop(objs.eventloop):  # the loop's own thread: no wake-up through its pipe
            objs.need_send_data.set()
        else:
            enqueued(self)

    Runtime._enqueued_some_message = enqueued_some_message  # type: ignore[method-assign]


def _on_loop(loop: Any) -> bool:
    try:
        return asyncio.get_running_loop() is loop
    except RuntimeError:
        return False
