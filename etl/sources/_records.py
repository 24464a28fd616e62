"""Finding the records inside a JSON document, and the per-record loop of the JSON adapters.

Why: API responses wrap their job list in an object (Arbeitnow ``{"data": [...]}``,
France Travail ``{"resultats": [...], "filtresPossibles": [...]}``, Ashby and
Greenhouse ``{"jobs": [...]}``), and exports nobody wrote an adapter for do the same
under other names. One function finds "the" array of records, so every adapter and the
generic reader agree on what ``record_no`` means: the 1-based index of the element in
that array (see etl/record.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, SourceError
from etl.sources._io import oversized
from etl.sources._json import WRONG_SHAPE, load_json

MAX_DEPTH = 3  # {"response": {"data": {"jobs": [...]}}} is as deep as real API wrappers go


def locate(data: Any, keys: Iterable[str] = ()) -> tuple[str, list[Any]] | None:
    """(dotted path, array) of the records in a parsed JSON document, or None.

    A top-level array is the records. In an object, an array of objects under one of
    ``keys`` (compared case-insensitively, ``_``/``-`` ignored) wins, searched breadth
    first so the shallowest wins; else the longest array of objects anywhere within
    ``MAX_DEPTH`` levels (facet lists and tags are shorter than the job list in real files,
    and are not arrays of objects at the top of the object).
    """
    if isinstance(data, list):
        return "", data
    if not isinstance(data, dict):
        return None
    wanted = {_norm(k) for k in keys}
    level: list[tuple[str, dict[str, Any]]] = [("", data)]
    best: tuple[int, str, list[Any]] | None = None
    for _ in range(MAX_DEPTH):
        nxt: list[tuple[str, dict[str, Any]]] = []
        for prefix, obj in level:
            for key, value in obj.items():
                path = f"{prefix}.{key}" if prefix else str(key)
                if isinstance(value, dict):
                    nxt.append((path, value))
                elif isinstance(value, list) and _objects(value):
                    if _norm(key) in wanted:
                        return path, value
                    if best is None or len(value) > best[0]:
                        best = (len(value), path, value)
        level = nxt
    if best is not None:
        return best[1], best[2]
    return None


def _objects(value: list[Any]) -> bool:
    """An array whose elements are mostly JSON objects (an empty array qualifies: no jobs today)."""
    if not value:
        return True
    sample = value[:50]
    return sum(isinstance(v, dict) for v in sample) * 2 > len(sample)


def obj(value: Any) -> dict[str, Any]:
    """A nested JSON object, or {} when the field is missing or not an object."""
    return value if isinstance(value, dict) else {}


def _norm(key: Any) -> str:
    return str(key).replace("_", "").replace("-", "").lower()


def load_records(path: Path, keys: Iterable[str]) -> list[Any]:
    """The records array of a whole JSON document (API-sized), or SourceError for any other shape."""
    data = load_json(path)
    found = locate(data, keys)
    if found is None:
        kind = type(data).__name__.replace("dict", "object")
        raise SourceError(f"{path.name}: {WRONG_SHAPE} (found a JSON {kind} with no array of records)")
    return found[1]


def json_items(path: Path, source: str, keys: Iterable[str],
               build: Callable[[dict[str, Any], int], Posting | Rejected]) -> Iterator[Posting | Rejected]:
    """One item per element of the records array: non-objects and oversized records are Rejected."""
    yield from items(load_records(path, keys), source, build)


def items(records: list[Any], source: str,
          build: Callable[[dict[str, Any], int], Posting | Rejected]) -> Iterator[Posting | Rejected]:
    """:func:`json_items` of a records array already loaded (an adapter that reads it first)."""
    for record_no, raw in enumerate(records, start=1):
        if not isinstance(raw, dict):
            yield Rejected.from_raw(source, record_no, "not a JSON object", raw)
        elif reason := oversized(raw):
            yield Rejected.from_raw(source, record_no, reason, raw)
        else:
            yield build(raw, record_no)
