"""Query results shared by every session of the process, keyed by warehouse version, query and arguments.

Why: a company-wide dashboard serves many people who mostly look at the same default views.
One process serves every browser session, so one answer per (published version, query
function, arguments) can serve them all: ten people opening the Skills page cost one set of
queries. Three properties make that safe:

- **Invalidated on publish.** The key holds the version file the warehouse link resolves to
  (analytics.db.version), so a new publish can never be answered from the old data; the first
  call that sees a new version drops every older entry at once.
- **One computation per key.** While one session computes an answer, other sessions asking for
  the same key wait for it instead of running the same query beside it (the 2 cores would
  otherwise run ten copies of the slowest query when a page is opened by many people after a
  publish). Different keys never wait for each other. A failure is not cached: the next caller
  tries again.
- **Bounded.** Least recently used entries go first once the answers take more than
  ``max_bytes`` (frames measured with pandas' deep memory usage) or ``max_entries``.
- **Shared by replicas.** Served as ``ui.serve --replicas N``, a miss first looks in the replicas'
  store (analytics.cache_shared) and leaves what it computes there, so a view costs one query
  across the replicas too.

A hit hands out a copy of the frame, so a caller that adds a column cannot change what the next
session sees. Values derived from answers (a chart's Plotly figure, ``derived``) live in the same
cache under the same version, so they go when the answers go; they are shared, not copied (a
figure costs more to copy than to build), and callers only read them. Streamlit-free (the app calls
it from ui.q; tests and other front ends can too).
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable, Iterator
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import pandas as pd

from analytics import db as _db
from analytics.cache_shared import SharedStore
from analytics.result import QueryResult

T = TypeVar("T")

MAX_BYTES = int(os.environ.get("RESULT_CACHE_MB", "512")) * 1024 * 1024
_holding = threading.local()  # .lock: this thread holds a key's lock in the replicas' store
_pinned = threading.local()  # .versions: {warehouse argument: version key} inside one_version()
MAX_ENTRIES = 5000


@dataclass
class Stats:
    """Counters since the cache was made or last cleared (the load test prints them)."""

    hits: int = 0
    misses: int = 0  # calls that computed the answer
    waits: int = 0  # calls that waited for another caller computing the same key
    evictions: int = 0
    invalidations: int = 0  # publishes noticed (every older entry dropped)
    shared_hits: int = 0  # answers another replica computed (analytics.cache_shared), not counted in misses


def _size(value: Any) -> int:
    if isinstance(value, QueryResult):
        return int(value.df.memory_usage(deep=True).sum()) + len(value.sql) + 512
    if isinstance(value, pd.DataFrame):
        return int(value.memory_usage(deep=True).sum())
    if hasattr(value, "to_plotly_json"):  # a figure: about the size of its JSON (what the browser gets)
        return len(value.to_json(validate=False)) + 512
    return sys.getsizeof(value) + 512


def _fresh(value: Any) -> Any:
    """What a caller gets: a copy of any frame, the rest as is (frozen dataclasses, tuples)."""
    if isinstance(value, QueryResult):
        return replace(value, df=value.df.copy())
    if isinstance(value, pd.DataFrame):
        return value.copy()
    if isinstance(value, dict):
        return dict(value)
    return value


def _key_part(value: Any) -> Hashable:
    """Arguments as a key: hashable ones as they are, the rest (lists, dicts) by their repr."""
    try:
        hash(value)
        return value  # type: ignore[no-any-return]
    except TypeError:
        return ("repr", type(value).__name__, repr(value))


class ResultCache:
    """A least-recently-used map from (version, function, arguments) to answers; thread-safe."""

    def __init__(self, max_bytes: int = MAX_BYTES, max_entries: int = MAX_ENTRIES,
                 shared: SharedStore | None = None) -> None:
        self.max_bytes = max_bytes
        self.max_entries = max_entries
        self.shared = shared  # the replicas' answers, looked up before computing (None: one process)
        self.stats = Stats()
        self._lock = threading.Lock()
        self._entries: OrderedDict[Hashable, tuple[Any, int]] = OrderedDict()
        self._bytes = 0
        self._version: str | None = None
        self._computing: dict[Hashable, threading.Lock] = {}

    def __len__(self) -> int:
        return len(self._entries)

    @property
    def nbytes(self) -> int:
        return self._bytes

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()
            self._bytes = 0
            self.stats = Stats()

    def _see_version(self, version: str) -> None:
        """Drop every entry of another version (called with the lock held)."""
        if version != self._version:
            if self._version is not None:
                self.stats.invalidations += 1
            self._entries.clear()
            self._bytes = 0
            self._version = version

    def contains(self, version: str, key: Hashable) -> bool:
        with self._lock:
            return version == self._version and (version, key) in self._entries

    def get_or_compute(self, version: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer for ``key`` under ``version``: cached, else computed once (concurrent callers wait)."""
        full = (version, key)
        gate: threading.Lock | None = None
        with self._lock:
            self._see_version(version)
            if full in self._entries:
                self._entries.move_to_end(full)
                self.stats.hits += 1
                hit = self._entries[full][0]
            else:
                gate = self._computing.setdefault(full, threading.Lock())
        # Copies and measurements happen outside the lock: every session's every hit takes it
        if gate is None:
            return _fresh(hit)  # type: ignore[no-any-return]
        with gate:  # one computation per key; the others wait here, then find the answer
            with self._lock:
                found = full in self._entries
                if found:
                    self._entries.move_to_end(full)
                    self.stats.hits += 1
                    self.stats.waits += 1
                    hit = self._entries[full][0]
            if found:
                return _fresh(hit)  # type: ignore[no-any-return]
            try:
                value = self._compute(version, key, compute)
                size = _size(value)  # a figure's JSON, a frame's deep memory use: not under the lock
            except BaseException:
                with self._lock:
                    self._computing.pop(full, None)
                raise
            with self._lock:  # stored as the gate goes, so no caller between the two computes it again
                self._computing.pop(full, None)
                if version == self._version:  # an answer of a version replaced meanwhile is not kept
                    self._store(full, value, size)
            return _fresh(value)  # type: ignore[no-any-return]

    def _compute(self, version: str, key: Hashable, compute: Callable[[], T]) -> T:
        """The answer from the replicas' store if one of them made it, else computed (and left there)."""
        derived_value = isinstance(key, tuple) and key[:1] == ("derived",)  # figures: rebuilt, not shared
        # A call made while this thread holds another key's lock computes alone: two replicas taking
        # two keys' locks in opposite orders would wait for each other for ever.
        if self.shared is None or derived_value or getattr(_holding, "lock", False):
            with self._lock:
                self.stats.misses += 1
            return compute()
        with self.shared.computing(version, key) as shareable:  # other replicas wait for this key here
            found = self.shared.get(version, key) if shareable else None
            if found is not None:
                with self._lock:
                    self.stats.shared_hits += 1
                return found  # type: ignore[no-any-return]
            with self._lock:
                self.stats.misses += 1
            _holding.lock = shareable
            try:
                value = compute()
            finally:
                _holding.lock = False
            if shareable:
                self.shared.put(version, key, value)
            return value

    def _store(self, full: Hashable, value: Any, size: int) -> None:
        if size > self.max_bytes:
            return
        self._entries[full] = (value, size)
        self._bytes += size
        while self._entries and (self._bytes > self.max_bytes or len(self._entries) > self.max_entries):
            _, (_, gone) = self._entries.popitem(last=False)
            self._bytes -= gone
            self.stats.evictions += 1


# the process's one cache: every session of the app shares it (and, as a replica, the others' answers)
RESULTS = ResultCache(shared=SharedStore.from_env())


def call_key(fn: Callable[..., Any], args: tuple[Any, ...], kwargs: dict[str, Any]) -> Hashable:
    return (fn.__module__, fn.__qualname__, tuple(_key_part(a) for a in args),
            tuple(sorted((k, _key_part(v)) for k, v in kwargs.items())))


def cached(fn: Callable[..., T], *args: Any, cache: ResultCache | None = None, **kwargs: Any) -> T:
    """``fn(*args, **kwargs)`` through the shared cache, keyed by the version now published at the
    warehouse path (``db=`` among kwargs, else the default path), the function and its arguments."""
    version = version_key(kwargs.get("db"))
    if version is None:
        raise _db.WarehouseMissing(f"no warehouse at {_db.db_path(kwargs.get('db'))}")
    return (RESULTS if cache is None else cache).get_or_compute(
        version, call_key(fn, args, kwargs), lambda: fn(*args, **kwargs)
    )


def derived(key: Hashable, compute: Callable[[], T], *, db: Any = None,
            cache: ResultCache | None = None) -> T:
    """A value made from cached answers - a chart's figure - cached beside them under the version now
    published, so a publish drops it with them. ``key`` must name everything the value depends on
    (the answer's call_key and the builder's inputs). The value is shared between sessions, not
    copied: treat it as read-only."""
    version = version_key(db)
    if version is None:
        raise _db.WarehouseMissing(f"no warehouse at {_db.db_path(db)}")
    return (RESULTS if cache is None else cache).get_or_compute(version, ("derived", key), compute)


def is_cached(fn: Callable[..., Any], *args: Any, cache: ResultCache | None = None, **kwargs: Any) -> bool:
    """Whether ``cached`` would answer this call without running a query (for the app's spinner)."""
    version = version_key(kwargs.get("db"))
    return version is not None and (RESULTS if cache is None else cache).contains(
        version, call_key(fn, args, kwargs)
    )


@contextlib.contextmanager
def one_version() -> Iterator[None]:
    """Within the block, this thread's cached answers and figures all come from one published version:
    the one published when the block first asks for it (per warehouse argument).

    Why: a page's script run asks for the version once per cached answer and figure - 10-20 times, two
    stats through the warehouse link each, and every stat releases and retakes the GIL, which with ten
    sessions means waiting behind the other sessions' Python each time (docs/performance.md, many users
    at once). The app wraps each script run in this (ui.run_app): one look per run, and a run never
    draws one chart from the old version and the next from a new one. A publish is seen by the next
    run, as before. Nested blocks share the outer block's versions."""
    if getattr(_pinned, "versions", None) is not None:
        yield
        return
    _pinned.versions = {}
    try:
        yield
    finally:
        _pinned.versions = None


def version_key(db: Any = None) -> str | None:
    """The published version as a key: its file, inode and modification time (a version file is
    never rewritten in place by a load, but a test or an operator may rebuild one under the same name).
    Inside ``one_version`` the first answer for ``db`` is kept for the rest of the block."""
    pinned: dict[Any, str] | None = getattr(_pinned, "versions", None)
    if pinned is not None:
        slot = db if isinstance(db, str | None) else str(db)
        known = pinned.get(slot)
        if known is None:
            known = _version_key(db)
            if known is not None:  # no warehouse: asked again next time (it may be published meanwhile)
                pinned[slot] = known
        return known
    return _version_key(db)


def _version_key(db: Any = None) -> str | None:
    version = _db.version(db)
    if version is None:
        return None
    try:
        st = version.stat()
    except OSError:
        return None
    return f"{version}|{st.st_ino}|{st.st_mtime_ns}"


__all__ = ["RESULTS", "ResultCache", "Stats", "cached", "derived", "is_cached", "one_version"]
