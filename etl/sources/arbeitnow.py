"""Arbeitnow job-board API responses (``https://www.arbeitnow.com/api/job-board-api``) -> postings.

Why: Arbeitnow aggregates German employers' ATS postings, mostly in German. The API
returns ``{"data": [...], "links": {...}, "meta": {...}}``; saved copies often keep only
``{"data": [...]}``. ``record_no`` is the 1-based index in ``data``.

Quirks handled here:

* **Footer**: every description ends with an Arbeitnow link (``Find more <a>English
  Speaking Jobs in Germany</a> on Arbeitnow</a>`` or ``Find <a>Jobs in Germany</a> on
  Arbeitnow</a>``, with a stray ``</a>``) that flips between snapshots of the same job.
  It is cut off, so it neither counts as text nor makes two snapshots look different.
* **remote**: ``true`` is the board's remote flag; ``false`` only means "not flagged"
  (many of those jobs offer home office or hybrid work in the text), so it becomes None.
* **job_types** mixes levels (``berufserfahren``, ``berufseinstieg``, ``teamleitung``,
  ``Working student`` ...) with contract types (``Full-time``, ``Freelance`` ...): the
  first level label is ``level_hint`` (etl/data/seniority.yaml maps the labels), the
  others are ``job_type``.
* ``created_at`` is Unix epoch seconds; ``slug`` is the unique id; all jobs are in
  Germany (``country_hint="DE"``); ``tags`` go to ``extra``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._json import head_keys, head_kind, to_date
from etl.sources._records import json_items

NAME = "arbeitnow"
EXTENSIONS = (".json",)

# job_types values that are levels, not contract types (the board's own vocabulary, in both languages).
LEVEL_TYPES = frozenset({
    "berufserfahren", "professional / experienced", "berufseinstieg", "teamleitung", "geschäftsleitung",
    "mid", "entry", "no experience required / student", "hilfstätigkeit / student", "working student",
    "internship", "traineeship", "apprenticeship", "dual studies",
})
_FOOTER = re.compile(r"(?:\s|<br\s*/?>|<p>)*Find (?:more )?<a\b[^>]*>[^<]*</a>\s*on Arbeitnow(?:\s*</a>)?"
                     r"(?:\s|</p>|</div>)*\Z", re.I)


def detect(path: Path, head: bytes) -> int:
    if head_kind(head) != "object":
        return 0
    keys = head_keys(head)
    if "data" in keys and {"slug", "company_name", "job_types"} <= keys:
        return 95
    if {"slug", "company_name", "created_at", "tags"} <= keys and b"arbeitnow.com" in head:
        return 90
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    return json_items(path, NAME, ("data",), _posting)


def strip_footer(description: str) -> str:
    """The description without Arbeitnow's "Find ... on Arbeitnow" link."""
    return _FOOTER.sub("", description)


def _strings(value: Any) -> list[str]:
    return (
        [t for t in (clean_str(v) for v in value if isinstance(v, str)) if t]
        if isinstance(value, list)
        else []
    )


def _posting(raw: dict[str, Any], record_no: int) -> Posting | Rejected:
    title = clean_str(raw.get("title"))
    description = clean_str(raw.get("description"))
    if description:
        description = clean_str(strip_footer(description))
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", raw)
    types = _strings(raw.get("job_types"))
    levels = [t for t in types if t.lower() in LEVEL_TYPES]
    contracts = [t for t in types if t.lower() not in LEVEL_TYPES]
    extra: dict[str, Any] = {}
    if tags := _strings(raw.get("tags")):
        extra["tags"] = tags
    if len(levels) > 1:
        extra["levels"] = levels
    return Posting(
        source=NAME, record_no=record_no, source_id=clean_str(raw.get("slug")), url=clean_str(raw.get("url")),
        title=title, company=clean_str(raw.get("company_name")), location=clean_str(raw.get("location")),
        description=description, description_format="html", posted_date=to_date(raw.get("created_at")),
        remote_hint=True if raw.get("remote") is True else None,
        level_hint=levels[0] if levels else None, job_type=", ".join(contracts) or None,
        country_hint="DE", extra=extra,
    )
