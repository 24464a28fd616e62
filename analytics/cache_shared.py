"""Query answers shared by the dashboard's replicas (``ui.serve --replicas N``) through files.

Why: each replica is its own process with its own results cache (analytics.cache), so without this a
view opened by people on two replicas ran its queries twice, and every replica computed the same
default views at its start. A replica that misses in memory looks here before it queries, and one
that computes an answer leaves it here for the others; while one replica computes an answer, the
others asking for the same key wait for it (an exclusive ``flock`` on the key's lock file), as
sessions within one process wait for each other.

Only answers (``QueryResult`` and frames) are shared, pickled: figures are cheap to rebuild from them.
The directory belongs to the supervisor that made it (a private temporary directory, removed when it
stops), so nothing but our own processes writes what is unpickled here. A key is named by the SHA-256
of its ``repr``; a key whose repr names an object's address (``<... at 0x...>``, which may mean another
object in another process) is never shared. Answers are kept per published version (a directory per
version key); the first replica that sees a new version removes the older ones.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import pickle
import shutil
import tempfile
from collections.abc import Hashable, Iterator
from pathlib import Path
from typing import Any

import pandas as pd

from analytics.result import QueryResult

ENV = "DASHBOARD_SHARED_CACHE"  # the directory, set by ui.replicas for its replicas


def _name(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def shareable(value: Any) -> bool:
    return isinstance(value, QueryResult | pd.DataFrame)


class SharedStore:
    """Answers by (version, key) in ``root``: ``get``, ``put``, and ``computing`` (one process at a time)."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._seen: str | None = None

    @classmethod
    def from_env(cls) -> SharedStore | None:
        root = os.environ.get(ENV)
        return cls(Path(root)) if root and Path(root).is_dir() else None

    def _file(self, version: str, key: Hashable) -> Path | None:
        text = repr(key)
        if " at 0x" in text:  # an identity, not a value: another process's object may have the same text
            return None
        return self.root / _name(version)[:24] / _name(text)

    def _see(self, version: str) -> None:
        """The first look at a new version removes the older versions' answers."""
        if version == self._seen:
            return
        keep = _name(version)[:24]
        for old in self.root.iterdir():
            if old.is_dir() and old.name != keep:
                shutil.rmtree(old, ignore_errors=True)
        (self.root / keep).mkdir(exist_ok=True)
        self._seen = version

    def get(self, version: str, key: Hashable) -> Any | None:
        path = self._file(version, key)
        if path is None:
            return None
        try:
            with path.with_suffix(".pkl").open("rb") as f:
                return pickle.load(f)  # written only by our own replicas (see the module doc)
        except (OSError, EOFError, pickle.UnpicklingError):
            return None

    def put(self, version: str, key: Hashable, value: Any) -> None:
        path = self._file(version, key)
        if path is None or not shareable(value):
            return
        with contextlib.suppress(OSError):  # a full disk costs the other replicas a query, nothing more
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            try:
                with os.fdopen(fd, "wb") as f:
                    pickle.dump(value, f, protocol=pickle.HIGHEST_PROTOCOL)
                os.replace(tmp, path.with_suffix(".pkl"))  # readers see a whole answer or none
            finally:
                with contextlib.suppress(FileNotFoundError):
                    os.unlink(tmp)

    @contextlib.contextmanager
    def computing(self, version: str, key: Hashable) -> Iterator[bool]:
        """Hold the key's lock while the caller looks and computes; yields whether the key is shared
        (False: not shareable, or the store is gone or full - the caller computes alone)."""
        path = self._file(version, key)
        lock = None
        if path is not None:
            try:
                self._see(version)
                path.parent.mkdir(exist_ok=True)  # removed by a replica that saw a newer version first
                lock = path.with_suffix(".lock").open("a")
            except OSError:
                lock = None
        if lock is None:
            yield False
            return
        with lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield True
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)
