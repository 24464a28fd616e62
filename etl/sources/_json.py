"""Shared JSON reading for the JSON-based adapters (HN, Remote OK, Greenhouse, Lever, generic).

Why: every JSON source has the same failure modes - an empty or binary file, a
response cut off mid-download, an object where an array was expected, a bad
line in a JSON Lines file - and the same need to peek at keys for detection.
Handling them once keeps the messages identical across formats:

* ``load_json`` / ``load_array`` read a whole (small, API-sized) document;
* ``stream_array`` reads a large JSON array element by element;
* ``iter_json_lines`` reads JSON Lines, turning a bad line into an error value
  (the caller makes it a Rejected record) instead of failing the file;
* ``head_keys`` / ``head_kind`` sniff the first bytes for detection.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, SourceError
from etl.sources._io import check_text_file, decode_bytes, open_text, oversized

WRONG_SHAPE = "expected a JSON array of jobs"
_KEY = re.compile(rb'"([A-Za-z_][A-Za-z0-9_]{0,40})"\s*:')
_CHUNK = 1 << 20
_WS = re.compile(r"[ \t\r\n\ufeff]*")


class BadLine(str):
    """The error message for one JSON Lines line that is not valid JSON."""


# json's decoder recurses once per nesting level: a record nested ~1,000 deep raises RecursionError.
TOO_DEEP = "JSON nested too deeply"


def _invalid(path: Path, exc: json.JSONDecodeError, line_base: int = 0, col_base: int = 0) -> SourceError:
    line = line_base + exc.lineno
    col = exc.colno + (col_base if exc.lineno == 1 else 0)
    return SourceError(f"{path.name}: truncated or invalid JSON at line {line} column {col} ({exc.msg})")


def load_json(path: Path) -> Any:
    """The whole document, or SourceError (empty, binary, truncated/invalid)."""
    check_text_file(path)
    try:
        text = decode_bytes(path.read_bytes())
    except OSError as exc:
        raise SourceError(f"{path.name}: cannot read ({exc.strerror})") from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise _invalid(path, exc) from None
    except RecursionError:
        raise SourceError(f"{path.name}: {TOO_DEEP}") from None


def first_char(path: Path) -> str:
    """The first non-blank character of a text file ('' when blank)."""
    check_text_file(path)
    with open_text(path) as fh:
        while True:
            chunk = fh.read(4096)
            if not chunk:
                return ""
            stripped = chunk.lstrip()
            if stripped:
                return stripped[0]


def load_array(path: Path) -> list[Any]:
    """A whole JSON array document; SourceError for any other shape."""
    data = load_json(path)
    if not isinstance(data, list):
        raise SourceError(
            f"{path.name}: {WRONG_SHAPE} (found a JSON {type(data).__name__.replace('dict', 'object')})"
        )
    return data


def iter_json_lines(path: Path) -> Iterator[tuple[int, Any]]:
    """(line number, value or BadLine) for every non-blank line of a JSON Lines file."""
    with open_text(path) as fh:
        for line_no, line in enumerate(fh, start=1):
            if not line.strip():
                continue
            try:
                yield line_no, json.loads(line)
            except json.JSONDecodeError as exc:
                yield line_no, BadLine(f"invalid JSON: {exc.msg} at column {exc.colno}")
            except RecursionError:
                yield line_no, BadLine(TOO_DEEP)


def is_json_lines(path: Path) -> bool:
    """True when the first non-blank line is a complete JSON object and the file is not one
    single-line ``.json`` document (that is an object where an array was expected)."""
    with open_text(path) as fh:
        lines = (line for line in fh if line.strip())
        first = next(lines, "")
        try:
            if not isinstance(json.loads(first), dict):
                return False
        except json.JSONDecodeError:
            return False
        except RecursionError:  # a deep first record: a JSON Lines file when more lines follow
            pass
        return path.suffix.lower() != ".json" or next(lines, None) is not None


def object_postings(name: str, path: Path, build: Callable[[dict[str, Any], int], Posting | Rejected]
                    ) -> Iterator[Posting | Rejected]:
    """Every record of a JSON array / JSON Lines file: unreadable lines, non-objects and oversized
    records rejected with their reason, the rest built by ``build(record, record_no)``."""
    for record_no, raw in records(path):
        if isinstance(raw, BadLine):
            yield Rejected.from_raw(name, record_no, str(raw), "")
        elif not isinstance(raw, dict):
            yield Rejected.from_raw(name, record_no, "not a JSON object", raw)
        elif reason := oversized(raw):
            yield Rejected.from_raw(name, record_no, reason, raw)
        else:
            yield build(raw, record_no)


def records(path: Path) -> Iterator[tuple[int, Any]]:
    """(record_no, value or BadLine) for a JSON array (element number) or JSON Lines (line number).

    Arrays are streamed (see :func:`stream_array`). A file that is one JSON object
    that is not a JSON Lines record is the wrong shape.
    """
    start = first_char(path)
    if start == "[":
        yield from enumerate(stream_array(path), start=1)
    elif start == "{" and is_json_lines(path):
        yield from iter_json_lines(path)
    elif start == "{":
        load_json(path)  # raises for truncated/invalid JSON
        raise SourceError(f"{path.name}: {WRONG_SHAPE} (found a JSON object)")
    else:
        raise SourceError(f"{path.name}: {WRONG_SHAPE} or JSON Lines (starts with {start!r})")


# Not ijson: ijson 3.6 (yajl2_c) read a 32 MB array ~20% faster (0.51 s vs 0.63 s), but it refuses the
# NaN/Infinity that Python's json writes, gives no line and column for a cut file, and builds records
# nested 100,000 deep that later code cannot walk; json's raw_decode on chunks keeps json.loads' rules.
def stream_array(path: Path) -> Iterator[Any]:
    """The elements of a top-level JSON array, read in chunks so a large file never sits in memory."""
    decoder = json.JSONDecoder()
    with open_text(path) as fh:
        buf, pos, eof = "", 0, False
        line_base, col_base = 0, 0  # position of buf[0] in the file (0-based line, column)

        def fill() -> bool:
            """Drop the consumed text, append the next chunk; False at end of file."""
            nonlocal buf, pos, eof, line_base, col_base
            if eof:
                return False
            more = fh.read(max(_CHUNK, len(buf) - pos))
            if not more:
                eof = True
                return False
            nl = buf.count("\n", 0, pos)
            if nl:
                line_base += nl
                col_base = pos - buf.rfind("\n", 0, pos) - 1
            else:
                col_base += pos
            buf, pos = buf[pos:] + more, 0
            return True

        def where(i: int) -> str:
            nl = buf.count("\n", 0, i)
            if nl:
                return f"line {line_base + nl + 1} column {i - buf.rfind(chr(10), 0, i)}"
            return f"line {line_base + 1} column {col_base + i + 1}"

        def bad(i: int, why: str) -> SourceError:
            return SourceError(f"{path.name}: truncated or invalid JSON at {where(i)} ({why})")

        def next_char() -> str:
            nonlocal pos
            while True:
                pos = _WS.match(buf, pos).end()  # type: ignore[union-attr]
                if pos < len(buf):
                    return buf[pos]
                if not fill():
                    return ""

        if next_char() != "[":
            raise SourceError(f"{path.name}: {WRONG_SHAPE}")
        pos += 1
        if next_char() == "]":
            pos += 1
        else:
            while True:
                while True:
                    try:
                        value, end = decoder.raw_decode(buf, pos)
                    except json.JSONDecodeError as exc:
                        if fill():
                            continue
                        raise bad(exc.pos, exc.msg) from None
                    except RecursionError:  # the element's end is unknown: the file cannot go on
                        raise SourceError(f"{path.name}: {TOO_DEEP} at {where(pos)}") from None
                    if end == len(buf) and fill():
                        continue
                    break
                pos = end
                yield value
                sep = next_char()
                if sep == ",":
                    pos += 1
                    next_char()
                    continue
                if sep == "]":
                    pos += 1
                    break
                raise bad(pos, "expected ',' or ']'")
        if next_char():
            raise bad(pos, "extra data after the array")


def head_text(head: bytes) -> str:
    return decode_bytes(head).lstrip("\ufeff \t\r\n")


def head_keys(head: bytes) -> set[str]:
    """Every ``"key":`` seen in the first bytes (nested keys included); cheap detection."""
    return {m.group(1).decode() for m in _KEY.finditer(head)}


def head_kind(head: bytes) -> str:
    """'array', 'object' or '' from the first non-blank byte."""
    text = head_text(head[:4096])
    if text.startswith("["):
        return "array"
    if text.startswith("{"):
        return "object"
    return ""


def to_date(value: Any) -> date | None:
    """A date from an ISO string (with or without time/offset), epoch seconds or milliseconds."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, int | float):
        if value != value or value <= 0:
            return None
        seconds = value / 1000 if value > 1e11 else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).date()
        except (OverflowError, OSError, ValueError):
            return None
    text = str(value).strip()
    if not text:
        return None
    if re.fullmatch(r"\d{9,13}(\.\d+)?", text):
        return to_date(float(text))
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3]))
        except ValueError:
            return None
    return None


def positive_amount(value: Any) -> float | None:
    """A salary amount from a JSON field: a positive number, else None (0 means "not given" in APIs)."""
    if isinstance(value, bool):
        return None
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
