"""Greenhouse job board API responses -> postings.

Why: many tech companies publish their openings through Greenhouse; the board
API (``GET https://boards-api.greenhouse.io/v1/boards/{board}/jobs?content=true``)
returns ``{"jobs": [...], "meta": {"total": N}}``, a shape no other adapter reads.

Quirks handled here:

* ``content`` is HTML whose markup is itself entity-escaped (``&lt;p&gt;...``):
  it is unescaped **once** here so that the description is ordinary HTML; the
  cleaner later strips tags and unescapes the remaining entities (``&amp;amp;``
  in the API becomes ``&amp;`` here and ``&`` after cleaning).
* The company is not always in the response: ``company_name`` (newer responses)
  else ``options.source_name`` else the file stem (API dumps are usually saved
  as ``<board>.json``).
* ``posted_date`` is ``first_published`` when present, else ``updated_at``.
* ``location.name`` is the location text; departments and offices go to ``extra``.

The whole response is read at once (API responses are small); ``record_no`` is
the 1-based position in ``jobs``. A bare JSON array of job objects (the ``jobs``
list saved on its own) is accepted too.
"""

from __future__ import annotations

import html
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, SourceError, clean_str
from etl.sources import SourceOptions
from etl.sources._io import oversized
from etl.sources._json import head_keys, head_kind, load_json, to_date

NAME = "greenhouse"
EXTENSIONS = (".json",)


def detect(path: Path, head: bytes) -> int:
    if head_kind(head) != "object":
        return 0
    keys = head_keys(head)
    if "jobs" in keys and "absolute_url" in keys:
        return 90
    if "jobs" in keys and {"internal_job_id", "requisition_id"} & keys:
        return 80
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    data = load_json(path)
    jobs = data.get("jobs") if isinstance(data, dict) else data
    if not isinstance(jobs, list):
        raise SourceError(
            f'{path.name}: expected a JSON array of jobs or a Greenhouse {{"jobs": [...]}} object'
        )
    default_company = clean_str(options.source_name) or path.stem
    for record_no, raw in enumerate(jobs, start=1):
        if not isinstance(raw, dict):
            yield Rejected.from_raw(NAME, record_no, "not a JSON object", raw)
        elif reason := oversized(raw):
            yield Rejected.from_raw(NAME, record_no, reason, raw)
        else:
            yield _posting(raw, record_no, default_company)


def _names(items: Any) -> list[str]:
    if not isinstance(items, list):
        return []
    return [n for n in (clean_str(i.get("name")) for i in items if isinstance(i, dict)) if n]


def _posting(raw: dict[str, Any], record_no: int, default_company: str) -> Posting | Rejected:
    title = clean_str(raw.get("title"))
    content = clean_str(raw.get("content"))
    description = clean_str(html.unescape(content)) if content else None
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", raw)
    location = raw.get("location")
    location_name = clean_str(location.get("name")) if isinstance(location, dict) else clean_str(location)
    extra: dict[str, Any] = {}
    for key in ("departments", "offices"):
        names = _names(raw.get(key))
        if names:
            extra[key] = names
    for key in ("internal_job_id", "requisition_id"):
        if raw.get(key) is not None:
            extra[key] = raw[key]
    metadata = raw.get("metadata")
    if isinstance(metadata, list) and metadata:
        extra["metadata"] = {str(m.get("name")): m.get("value") for m in metadata if isinstance(m, dict)}
    return Posting(
        source=NAME, record_no=record_no, source_id=clean_str(raw.get("id")),
        url=clean_str(raw.get("absolute_url")), title=title,
        company=clean_str(raw.get("company_name")) or default_company,
        location=location_name, description=description, description_format="html",
        posted_date=to_date(raw.get("first_published")) or to_date(raw.get("updated_at")),
        extra=extra,
    )
