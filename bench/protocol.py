"""One user of the running app over Streamlit's own protocol: the browser's websocket, without the browser.

Why: ``python -m bench users`` measures how the *server* copes with many people at once. With one
headless Chromium per user, eleven browsers took 63 % of the 2 cores the server shares with them, so the
figures measured the browsers. This client speaks what the browser's JavaScript speaks to the server -
protobuf ``BackMsg`` up and ``ForwardMsg`` down over ``/_stcore/stream``, from the ``streamlit.proto``
modules of the installed Streamlit, so the messages are the server's own - and draws nothing:

- a page is opened by a ``rerun_script`` BackMsg naming it (its URL path on the first view, then its
  ``page_script_hash`` from the server's navigation message, as a click in the sidebar sends);
- a widget is changed by a rerun with the widget's new value in ``WidgetStates``, the widget's id read
  from the element the server sent (found by its label or kind, never a hard-coded id), and every value
  this session set before on the page sent again (the browser sends the untouched widgets' values too;
  the server keeps those in the session's state, so the run computes the same);
- the URL the app writes (``st.query_params``: ``page_info_changed``) is kept and sent back on reruns;
- big elements the server marks cacheable are kept by hash and their hashes sent with each rerun, so the
  server answers with references to them (``ref_hash``) as it does to a browser;
- a popover whose content runs only while it is open (the app's "Download" popovers) is opened as a
  widget set to true;
- a download button made with a function (ui/exports.py) is clicked with a ``deferred_file``
  backend-operation request; the file is then fetched over HTTP from the media URL the server answers.

*Page ready* is the server's ``script_finished`` for the run the action started: every element of that
run has been received (and, on a chart page, at least one Plotly chart was among them). What a browser
adds on top - parsing, Plotly drawing - is left to the one real Chromium session ``bench users`` keeps.
A run that shows an exception or an ``st.error`` box, a page the server does not find, a closed
connection or a timeout is an error (``ProtocolError``), never a slow success.
"""

from __future__ import annotations

import asyncio
import base64
import contextlib
import http.cookiejar
import json
import time
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.Element_pb2 import Element
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.WidgetStates_pb2 import WidgetState

STEP_TIMEOUT_S = 300.0
_ERROR_ALERT = 1  # streamlit.proto.Alert_pb2.Alert.Format.ERROR
_WARNING_ALERT = 2
_ENDED = {ForwardMsg.FINISHED_SUCCESSFULLY, ForwardMsg.FINISHED_FRAGMENT_RUN_SUCCESSFULLY}


class ProtocolError(RuntimeError):
    """What a user would see as broken: an error on the page, no answer, a lost connection."""


@dataclass
class Run:
    """What the server sent for one script run: its elements in order, with their delta paths."""

    page_script_hash: str = ""
    elements: list[tuple[tuple[int, ...], Element]] = field(default_factory=list)
    popovers: list[Any] = field(default_factory=list)  # Block.Popover protos: their content runs when opened
    status: int | None = None
    page_not_found: str | None = None
    # perf_counter times: the action sent, the run's first message (new_session), its script_finished
    sent: float = 0.0
    started: float = 0.0
    finished: float = 0.0

    @property
    def server_s(self) -> float:
        """The server's own time for the run: from its first message to its end (no wait before it)."""
        return self.finished - self.started if self.started and self.finished else float("nan")

    def of(self, kind: str) -> list[Any]:
        """The elements of one kind (``"plotly_chart"``, ``"checkbox"``...), in the order they came."""
        return [getattr(el, kind) for _, el in self.elements if el.WhichOneof("type") == kind]

    def problems(self) -> list[str]:
        """What a user would read as an error on this run's page: tracebacks and st.error boxes."""
        out = []
        for _, el in self.elements:
            kind = el.WhichOneof("type")
            if kind == "exception":
                out.append(f"exception shown: {el.exception.type}: {el.exception.message[:120]}")
            elif kind == "alert" and el.alert.format == _ERROR_ALERT:
                out.append("error shown: " + el.alert.body[:120])
        if self.page_not_found is not None:
            out.append(f"page not found: {self.page_not_found!r}")
        if self.status is not None and self.status not in _ENDED:
            out.append(f"script ended with status {ForwardMsg.ScriptFinishedStatus.Name(self.status)}")
        return out

    def markdown(self) -> list[str]:
        return [m.body for m in self.of("markdown")]

    def warnings(self) -> list[str]:
        return [a.body for a in self.of("alert") if a.format == _WARNING_ALERT]


def _array(value: Any) -> list[Any]:
    """A Plotly data array as a list: plain JSON, or plotly's typed-array form {dtype, bdata[, shape]}."""
    if isinstance(value, dict) and "bdata" in value:
        import numpy as np

        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=np.dtype(value["dtype"]))
        if value.get("shape"):
            shape = [int(s) for s in str(value["shape"]).split(",")]
            arr = arr.reshape(shape)
        return list(arr.tolist())
    return list(value) if isinstance(value, list | tuple) else []


def first_point(spec: str) -> dict[str, Any]:
    """The selection state the browser sends when a person clicks the first bar or point of the chart
    whose figure JSON is ``spec`` (Streamlit's PlotlyChart.js: the clicked points, snake-cased)."""
    fig = json.loads(spec)
    for curve, trace in enumerate(fig.get("data", [])):
        xs, ys = _array(trace.get("x")), _array(trace.get("y"))
        if not xs and not ys:
            continue
        point: dict[str, Any] = {"curve_number": curve, "point_number": 0, "point_index": 0}
        if xs:
            point["x"] = xs[0]
        if ys:
            point["y"] = ys[0]
        custom = _array(trace.get("customdata"))
        if custom:
            point["customdata"] = custom[0]
        return {"selection": {"points": [point], "point_indices": [0], "box": [], "lasso": []}}
    raise ProtocolError("the chart has no point to select")


class Session:
    """One person's connection to the app. ``async with Session(url) as s: run = await s.open("skills")``."""

    def __init__(self, url: str, timeout_s: float = STEP_TIMEOUT_S) -> None:
        self.url = url.rstrip("/")
        self.timeout_s = timeout_s
        self.query_string = ""
        self.session_id = ""
        self.pages: dict[str, str] = {}  # URL path ("" for the default page) -> page_script_hash
        self.page_script_hash = ""
        self.widgets: dict[str, WidgetState] = {}  # the values this session set, sent on every rerun
        self._cache: dict[str, bytes] = {}  # hash -> a cacheable ForwardMsg as received
        self._ws: Any = None
        self._reader: asyncio.Task[None] | None = None
        self._run: Run | None = None
        self._finished: asyncio.Future[Run] | None = None
        self._answers: dict[str, asyncio.Future[ForwardMsg]] = {}
        self._lost: BaseException | None = None
        self.runs: list[Run] = []  # every run this session waited for, in order
        self.last_download_url = ""  # the URL the last download was fetched from
        self._jar = http.cookiejar.CookieJar()  # this session's cookies, as its browser would keep them
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self._jar))

    @property
    def cookies(self) -> dict[str, str]:
        """The cookies the app set for this session (name -> value)."""
        return {c.name: c.value or "" for c in self._jar}

    async def __aenter__(self) -> Session:
        return self

    async def __aexit__(self, *exc: object) -> None:
        await self.close()

    async def close(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError, Exception):
                await self._reader
        if self._ws is not None:
            with contextlib.suppress(Exception):
                await self._ws.close()

    # -- the connection -------------------------------------------------------------------------
    async def _connect(self) -> None:
        import websockets

        ws_url = "ws" + self.url.removeprefix("http") + "/_stcore/stream"
        # As a browser: load the page first and keep the cookies it sets - behind a balancer
        # (ui.replicas) its sticky-session cookie sends the websocket and every download to the one
        # replica that holds this session.
        await asyncio.to_thread(_fetch, f"{self.url}/", self.timeout_s, self._opener)
        cookie = "; ".join(f"{c.name}={c.value}" for c in self._jar)
        # the browser's subprotocol list: "streamlit", then an XSRF token and a session to resume (none)
        self._ws = await asyncio.wait_for(
            websockets.connect(ws_url, subprotocols=["streamlit"],  # type: ignore[list-item]
                               additional_headers={"Cookie": cookie} if cookie else None,
                               max_size=None, ping_interval=None, open_timeout=self.timeout_s),
            self.timeout_s)
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        try:
            async for data in self._ws:
                msg = ForwardMsg()
                msg.ParseFromString(data)
                self._receive(msg, data)
        except asyncio.CancelledError:
            raise
        except Exception as exc:
            self._lost = exc
        if self._lost is None:
            self._lost = ConnectionError("the server closed the connection")
        if self._finished is not None and not self._finished.done():
            self._finished.set_exception(ProtocolError(f"connection lost: {self._lost}"))
        for fut in self._answers.values():
            if not fut.done():
                fut.set_exception(ProtocolError(f"connection lost: {self._lost}"))

    def _receive(self, msg: ForwardMsg, data: bytes) -> None:
        kind = msg.WhichOneof("type")
        if kind == "ref_hash":  # an element this session already has: the browser takes it from its cache
            cached = self._cache.get(msg.ref_hash)
            if cached is None:
                raise ProtocolError(f"the server referred to a message never received: {msg.ref_hash}")
            full = ForwardMsg()
            full.ParseFromString(cached)
            full.metadata.CopyFrom(msg.metadata)
            msg, kind = full, full.WhichOneof("type")
        elif msg.metadata.cacheable and msg.hash:
            self._cache[msg.hash] = data
        if kind == "new_session":
            self._run = Run(page_script_hash=msg.new_session.page_script_hash, started=time.perf_counter())
            if msg.new_session.initialize.session_id:
                self.session_id = msg.new_session.initialize.session_id
        elif kind == "navigation":  # st.navigation ran: the app's pages, and the one this run shows
            for page in msg.navigation.app_pages:
                self.pages[page.url_pathname] = page.page_script_hash
            self.page_script_hash = msg.navigation.page_script_hash
        elif kind == "page_info_changed":
            self.query_string = msg.page_info_changed.query_string
        elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element" and self._run is not None:
            self._run.elements.append((tuple(msg.metadata.delta_path), msg.delta.new_element))
        elif kind == "delta" and msg.delta.WhichOneof("type") == "add_block" and self._run is not None \
                and msg.delta.add_block.WhichOneof("type") == "popover":
            self._run.popovers.append(msg.delta.add_block.popover)
        elif kind == "page_not_found" and self._run is not None:
            self._run.page_not_found = msg.page_not_found.page_name
        elif kind == "script_finished":
            run = self._run or Run()
            run.status, run.finished = msg.script_finished, time.perf_counter()
            # a run stopped for a newer one (st.rerun, a newer request) is not the page the user waits for
            if msg.script_finished != ForwardMsg.FINISHED_EARLY_FOR_RERUN and self._finished is not None \
                    and not self._finished.done():
                self._finished.set_result(run)
        elif kind == "backend_operation_response":
            fut = self._answers.pop(msg.backend_operation_response.request_id, None)
            if fut is not None and not fut.done():
                fut.set_result(msg)

    async def _send(self, back: BackMsg) -> None:
        if self._lost is not None:
            raise ProtocolError(f"connection lost: {self._lost}")
        await self._ws.send(back.SerializeToString())

    # -- what a person does -----------------------------------------------------------------------
    async def _rerun(self, *, page_name: str = "", page_script_hash: str = "") -> Run:
        back = BackMsg()
        state = back.rerun_script
        state.query_string = self.query_string
        state.page_script_hash = page_script_hash
        state.page_name = page_name
        for widget in self.widgets.values():
            state.widget_states.widgets.append(widget)
        state.cached_message_hashes.extend(self._cache)
        state.context_info.timezone = "UTC"
        state.context_info.timezone_offset = 0
        state.context_info.locale = "en-US"
        state.context_info.url = f"{self.url}/{page_name}"
        loop = asyncio.get_running_loop()
        self._finished = loop.create_future()
        sent = time.perf_counter()
        await self._send(back)
        try:
            run = await asyncio.wait_for(self._finished, self.timeout_s)
        except TimeoutError as exc:
            raise ProtocolError(f"no end of the script run in {self.timeout_s:.0f} s") from exc
        finally:
            self._finished = None
        run.sent = sent
        self.runs.append(run)
        # triggers (button clicks) are sent once, like the browser's
        self.widgets = {k: w for k, w in self.widgets.items() if w.WhichOneof("value") != "trigger_value"}
        problems = run.problems()
        if problems:
            raise ProtocolError("; ".join(problems))
        return run

    async def open(self, slug: str, query_string: str = "") -> Run:
        """Open the page at URL path ``slug``: the first time as a new connection to ``/slug?query``
        (a person following a link), later as a click in the sidebar's navigation."""
        self.query_string = query_string
        self.widgets.clear()  # another page's widgets are not on the page any more
        if self._ws is None:
            await self._connect()
            return await self._rerun(page_name=slug)
        page_hash = self.pages.get(slug)
        if page_hash is None:
            raise ProtocolError(f"the server's navigation has no page {slug!r} (has {sorted(self.pages)})")
        return await self._rerun(page_script_hash=page_hash)

    async def set(self, element: Any, **value: Any) -> Run:
        """Change a widget the server drew (an element of a Run, e.g. ``run.of("checkbox")[0]``) and
        rerun: ``set(box, bool_value=False)``, ``set(chart, string_value=json)``,
        ``set(button, trigger_value=True)``."""
        if not element.id:
            raise ProtocolError(f"element {getattr(element, 'label', '')!r} is no widget")
        widget = WidgetState(id=element.id, **value)
        self.widgets[element.id] = widget
        return await self._rerun(page_script_hash=self.page_script_hash)

    async def download(self, button: Any) -> bytes:
        """Click a download button: its file made by the server (deferred) or at its URL, fetched by HTTP."""
        url = button.url
        if button.deferred_file_id:
            request_id = uuid.uuid4().hex
            back = BackMsg()
            back.backend_operation_request.request_id = request_id
            back.backend_operation_request.session_id = self.session_id
            back.backend_operation_request.deferred_file.file_id = button.deferred_file_id
            fut: asyncio.Future[ForwardMsg] = asyncio.get_running_loop().create_future()
            self._answers[request_id] = fut
            await self._send(back)
            try:
                answer = (await asyncio.wait_for(fut, self.timeout_s)).backend_operation_response
            except TimeoutError as exc:
                raise ProtocolError(f"no file for {button.label!r} in {self.timeout_s:.0f} s") from exc
            if answer.error_msg:
                why = f"{answer.error_msg} {answer.error_reason}".strip()
                raise ProtocolError(f"download {button.label!r}: {why}")
            url = answer.deferred_file.url
        if not url:
            raise ProtocolError(f"download {button.label!r} has no URL")
        full = url if url.startswith("http") else f"{self.url}/{url.lstrip('/')}"
        self.last_download_url = full
        return await asyncio.to_thread(_fetch, full, self.timeout_s, self._opener)


def _fetch(url: str, timeout_s: float, opener: urllib.request.OpenerDirector) -> bytes:
    try:
        with opener.open(url, timeout=timeout_s) as resp:
            return bytes(resp.read())
    except OSError as exc:  # HTTPError included: a 404 is a failed download
        raise ProtocolError(f"download {url}: {exc}") from exc


def by_label(elements: list[Any], label: str) -> Any:
    """The first widget with this label (a person finds a widget by what it says)."""
    for el in elements:
        if el.label == label:
            return el
    raise ProtocolError(f"no widget labelled {label!r} on the page (has {[e.label for e in elements][:12]})")
