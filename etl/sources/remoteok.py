"""Remote OK API responses (``https://remoteok.com/api``) -> postings.

Why: Remote OK is a large board of remote jobs with a public JSON API; its
responses have quirks that would pollute every downstream count:

* **Element 0 is the API's legal notice** (``last_updated``, ``legal``), not a
  job. It is yielded as a Rejected record ("API metadata element, not a
  posting") so that read = loaded + duplicates + rejected still holds.
* **Mojibake**: text was UTF-8 decoded as Latin-1 (``â\\x80\\x99`` for ``'``,
  ``ZÃ³calo``). company, position, location and the description pass through
  ``ftfy.fix_text``.
* **Anti-spam footer**: every description ends with "Please mention the word
  **X** and tag ... when applying ... see they're human." From that sentence to
  the end is removed (with the ``<br/>`` tags before it), because the random
  word and tag would otherwise count as skills/keywords. The word is kept in
  ``extra["apply_word"]``. Literal two-character ``\\n`` sequences (13 of 97
  descriptions in the sample dump) become real newlines.
* **Salary** is ``salary_min``/``salary_max`` integers, ``0`` = not given, no
  currency and no interval. Currency is taken as USD (the board's prices are in
  USD). The period is inferred from the larger value: below 500 it is an hourly
  rate (the dump has 25-30 and 80-225 for trainer/freelance gigs), below 20,000
  a monthly salary (no annual salary is that low, and monthly contractor rates
  of a few thousand are common), else yearly.
* All Remote OK jobs are remote, so ``remote_hint`` is True; a ``senior`` tag
  gives ``level_hint="senior"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import ftfy

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import oversized
from etl.sources._json import BadLine, head_keys, head_kind, positive_amount, records, to_date

NAME = "remoteok"
EXTENSIONS = (".json", ".jsonl")

_FOOTER = re.compile(r"(?:\s|<br\s*/?>)*Please mention the word\b.*\Z", re.S | re.I)
_APPLY_WORD = re.compile(r"Please mention the word \**([A-Z][A-Z0-9-]*)\**", re.I)
HOURLY_BELOW = 500
MONTHLY_BELOW = 20_000


def detect(path: Path, head: bytes) -> int:
    if head_kind(head) != "array":
        return 0
    keys = head_keys(head)
    if "legal" in keys and b"Remote OK" in head:
        return 95
    if {"slug", "position"} <= keys and ({"epoch", "tags"} & keys):
        return 90
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    for record_no, raw in records(path):
        if isinstance(raw, BadLine):
            yield Rejected.from_raw(NAME, record_no, str(raw), "")
        elif not isinstance(raw, dict):
            yield Rejected.from_raw(NAME, record_no, "not a JSON object", raw)
        elif "legal" in raw and "position" not in raw:
            yield Rejected.from_raw(NAME, record_no, "API metadata element, not a posting", raw)
        elif reason := oversized(raw):
            yield Rejected.from_raw(NAME, record_no, reason, raw)
        else:
            yield _posting(raw, record_no)


def fix(value: Any) -> str | None:
    text = clean_str(value)
    return clean_str(ftfy.fix_text(text)) if text else None


def strip_footer(html_text: str) -> str:
    """The description without Remote OK's "Please mention the word ..." anti-spam footer."""
    return _FOOTER.sub("", html_text)


def salary_period(low: float | None, high: float | None) -> str | None:
    top = max(v for v in (low, high, 0) if v is not None)
    if top <= 0:
        return None
    if top < HOURLY_BELOW:
        return "hour"
    if top < MONTHLY_BELOW:
        return "month"
    return "year"


def _posting(raw: dict[str, Any], record_no: int) -> Posting | Rejected:
    title = fix(raw.get("position"))
    description = fix(raw.get("description"))
    extra: dict[str, Any] = {}
    if description:
        word = _APPLY_WORD.search(description)
        if word:
            extra["apply_word"] = word[1]
        description = clean_str(strip_footer(description).replace("\\n", "\n"))
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", raw)
    tags = [str(t).lower() for t in raw.get("tags") or [] if isinstance(t, str)]
    if tags:
        extra["tags"] = tags
    for key in ("original", "verified", "slug"):
        if raw.get(key):
            extra[key] = raw[key]
    low, high = positive_amount(raw.get("salary_min")), positive_amount(raw.get("salary_max"))
    period = salary_period(low, high)
    return Posting(
        source=NAME, record_no=record_no, source_id=clean_str(raw.get("id")),
        url=clean_str(raw.get("url")) or clean_str(raw.get("apply_url")),
        title=title, company=fix(raw.get("company")), location=fix(raw.get("location")),
        salary_min=low, salary_max=high,
        salary_currency="USD" if period else None, salary_period=period,
        description=description, description_format="html",
        posted_date=to_date(raw.get("date")) or to_date(raw.get("epoch")),
        remote_hint=True, level_hint="senior" if "senior" in tags else None,
        extra=extra,
    )
