"""Plotly figure -> PNG/SVG bytes through kaleido, with one browser kept open per process.

Why: kaleido 1.x draws images in a headless Chrome/Chromium. Starting the browser costs
about two seconds; drawing in an open one about 0.2 s. A page of six charts, a deck or a
cron report would pay the start for every image with ``plotly.io.to_image``, so this
module keeps one kaleido browser in a background event-loop thread, started on first use
and closed at exit. It is our own small thread rather than kaleido's global sync server,
because that server blocks forever when the browser fails to start and is not safe for
concurrent callers (Streamlit runs sessions on several threads); here every call has a
timeout and a failed browser is restarted on the next call.

The browser is whatever choreographer finds: ``$BROWSER_PATH`` when set, else chrome or
chromium on PATH or at the usual places (Debian: /usr/bin/chromium).
"""

from __future__ import annotations

import asyncio
import atexit
import contextlib
import functools
import os
import threading
from concurrent.futures import TimeoutError as FutureTimeout
from pathlib import Path
from typing import Any

TOPOJSON = Path(__file__).resolve().parents[2] / "static" / "topojson"  # vendored world/USA maps
START_TIMEOUT_S = 60.0
IMAGE_TIMEOUT_S = 60.0


class ExportUnavailable(Exception):
    """An export format cannot be produced here; the message says why and what still works."""


NO_BROWSER = ("Chart images (PNG, SVG, PowerPoint, PDF) need Chrome or Chromium, and none was found{where}. "
              "Install it (Debian: apt-get install chromium) or set BROWSER_PATH to its executable. "
              "CSV, Excel, Parquet and interactive HTML downloads still work.")


@functools.lru_cache(maxsize=16)
def _find_browser(browser_env: str | None, path_env: str | None) -> str | None:
    """choreographer's search (``$BROWSER_PATH``, then names on PATH and the usual places: hundreds of
    stat calls), once per value of the two variables it reads: every page view asks, for every chart."""
    try:
        from choreographer.browsers.chromium import Chromium
    except ImportError:  # kaleido is not installed
        return None
    found = Chromium.find_browser(skip_local=False)
    return str(found) if found else None


def browser_path() -> str | None:
    """The Chrome/Chromium executable kaleido would use, or None when there is none. The search is
    remembered per ``$BROWSER_PATH`` and ``$PATH``; a browser installed while the app runs is seen
    after a restart, one removed at once (the file is checked on every call)."""
    path = _find_browser(os.environ.get("BROWSER_PATH"), os.environ.get("PATH"))
    if path and Path(path).is_file() and os.access(path, os.X_OK):
        return path
    return None


def browser_available() -> bool:
    """True when chart images can be drawn on this machine."""
    return browser_path() is not None


def unavailable_message() -> str:
    env = os.environ.get("BROWSER_PATH")
    return NO_BROWSER.format(where=f" (BROWSER_PATH={env!r} is not an executable file)" if env else "")


class _Renderer:
    """One kaleido browser in a daemon thread running its own asyncio loop."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._kaleido: Any = None

    def _start(self) -> None:
        if not browser_available():
            raise ExportUnavailable(unavailable_message())
        import kaleido

        loop = asyncio.new_event_loop()
        thread = threading.Thread(target=loop.run_forever, name="kaleido-renderer", daemon=True)
        thread.start()

        async def _open() -> Any:
            k = kaleido.Kaleido(n=1, timeout=IMAGE_TIMEOUT_S, mathjax=False)  # no CDN fetch at render time
            await k.open()
            return k

        try:
            self._kaleido = asyncio.run_coroutine_threadsafe(_open(), loop).result(START_TIMEOUT_S)
        except Exception as exc:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(5)
            raise ExportUnavailable(f"The browser for chart images did not start: {_one_line(exc)}. "
                                    "CSV, Excel, Parquet and HTML downloads still work.") from exc
        self._loop, self._thread = loop, thread

    def render(self, fig_dict: dict[str, Any], fmt: str, width: int, height: int, scale: float) -> bytes:
        with self._lock:
            if self._loop is None:
                self._start()
            loop, k = self._loop, self._kaleido
        assert loop is not None
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        topojson = TOPOJSON.as_uri() + "/" if TOPOJSON.is_dir() else None  # maps offline (static/topojson)
        future = asyncio.run_coroutine_threadsafe(k.calc_fig(fig_dict, opts=opts, topojson=topojson), loop)
        try:
            return bytes(future.result(IMAGE_TIMEOUT_S + 5))
        except FutureTimeout as exc:
            future.cancel()
            self.close()
            raise ExportUnavailable(
                f"Drawing the chart image took longer than {IMAGE_TIMEOUT_S:.0f} s."
            ) from exc
        except ExportUnavailable:
            raise
        except Exception as exc:
            if not self._alive():
                self.close()  # the browser died: start a fresh one next time
            raise ExportUnavailable(f"The chart image could not be drawn: {_one_line(exc)}") from exc

    def _alive(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def close(self) -> None:
        with self._lock:
            loop, k, thread = self._loop, self._kaleido, self._thread
            self._loop = self._kaleido = self._thread = None
        if loop is None:
            return
        with contextlib.suppress(Exception):  # closing a dead browser: nothing more to do
            asyncio.run_coroutine_threadsafe(k.close(), loop).result(10)
        loop.call_soon_threadsafe(loop.stop)
        if thread is not None:
            thread.join(5)


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0] if lines else ''}"


_renderer = _Renderer()
atexit.register(_renderer.close)


def render(fig_dict: dict[str, Any], fmt: str, width: int, height: int, scale: float = 1.0) -> bytes:
    """Draw a figure dict as ``fmt`` (png or svg) bytes; raises ExportUnavailable with a clear message."""
    return _renderer.render(fig_dict, fmt, width, height, scale)


def close() -> None:
    """Close the kept-open browser (it is reopened on the next image)."""
    _renderer.close()
