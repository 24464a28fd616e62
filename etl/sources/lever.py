"""Lever postings API responses -> postings.

Why: Lever hosts many tech companies' job pages; its public API
(``GET https://api.lever.co/v0/postings/{company}?mode=json``) returns a JSON
array of postings whose text is split over several fields.

Decisions:

* **Company**: the API has no company field (the company is the ``{company}``
  in the request URL), so it is ``options.source_name``, else the file stem -
  save responses as ``<company>.json``.
* **Description** = ``description`` + each of ``lists`` (as ``<h3>text</h3><ul>
  content</ul>``; ``content`` is a run of ``<li>`` items) + ``additional``,
  joined as one HTML document, so requirements in the lists are not lost. When
  the HTML fields are missing the ``*Plain`` fields are used as text.
* **Salary**: ``salaryRange`` {min, max, currency, interval}; intervals such as
  ``per-year-salary``/``per-hour-wage`` map to year/hour/...
* **Remote**: ``workplaceType`` remote -> True, on-site -> False, hybrid and
  unspecified -> None (a boolean cannot say hybrid; the value is kept in
  ``extra["workplace_type"]`` for the remote normaliser). ``categories.commitment`` is the job type.
* ``createdAt`` is epoch milliseconds.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import oversized
from etl.sources._json import BadLine, head_keys, head_kind, positive_amount, records, to_date

NAME = "lever"
EXTENSIONS = (".json", ".jsonl")

_PERIODS = {"year": "year", "annual": "year", "month": "month", "week": "week", "day": "day", "hour": "hour"}
_WORKPLACE = {"remote": True, "on-site": False, "onsite": False}


def detect(path: Path, head: bytes) -> int:
    if not head_kind(head):
        return 0
    keys = head_keys(head)
    if {"hostedUrl", "categories"} <= keys:
        return 90
    if {"applyUrl", "descriptionPlain"} <= keys:
        return 80
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    company = clean_str(options.source_name) or path.stem
    for record_no, raw in records(path):
        if isinstance(raw, BadLine):
            yield Rejected.from_raw(NAME, record_no, str(raw), "")
        elif not isinstance(raw, dict):
            yield Rejected.from_raw(NAME, record_no, "not a JSON object", raw)
        elif reason := oversized(_flat_strings(raw)):
            yield Rejected.from_raw(NAME, record_no, reason, raw)
        else:
            yield _posting(raw, record_no, company)


def _flat_strings(raw: dict[str, Any]) -> list[Any]:
    """Top-level values plus the text inside ``lists`` (where long HTML can hide)."""
    values = list(raw.values())
    for item in raw.get("lists") or []:
        if isinstance(item, dict):
            values.extend(item.values())
    return values


def salary_period(interval: Any) -> str | None:
    text = str(interval or "").lower()
    for key, period in _PERIODS.items():
        if key in text:
            return period
    return None


def description_html(raw: dict[str, Any]) -> tuple[str | None, str]:
    """(description, format): the HTML parts joined, else the plain-text parts."""
    parts: list[str] = []
    if clean_str(raw.get("description")):
        parts.append(raw["description"].strip())
    for item in raw.get("lists") or []:
        if not isinstance(item, dict):
            continue
        heading, content = clean_str(item.get("text")), clean_str(item.get("content"))
        if heading:
            parts.append(f"<h3>{heading}</h3>")
        if content:
            parts.append(content if re.match(r"\s*<(ul|ol)\b", content) else f"<ul>{content}</ul>")
    if clean_str(raw.get("additional")):
        parts.append(raw["additional"].strip())
    if parts:
        return "\n".join(parts), "html"
    plain = [p for p in (clean_str(raw.get("descriptionPlain")), clean_str(raw.get("additionalPlain"))) if p]
    return ("\n\n".join(plain) if plain else None), "text"


def _posting(raw: dict[str, Any], record_no: int, company: str) -> Posting | Rejected:
    title = clean_str(raw.get("text"))
    description, fmt = description_html(raw)
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", raw)
    cats: dict[str, Any] = raw["categories"] if isinstance(raw.get("categories"), dict) else {}
    salary: dict[str, Any] = raw["salaryRange"] if isinstance(raw.get("salaryRange"), dict) else {}
    low, high = positive_amount(salary.get("min")), positive_amount(salary.get("max"))
    workplace = str(raw.get("workplaceType") or "").lower()
    country = clean_str(raw.get("country"))
    extra: dict[str, Any] = {k: cats[k] for k in ("team", "department", "allLocations") if cats.get(k)}
    if workplace:
        extra["workplace_type"] = workplace
    if raw.get("applyUrl"):
        extra["apply_url"] = raw["applyUrl"]
    return Posting(
        source=NAME, record_no=record_no, source_id=clean_str(raw.get("id")),
        url=clean_str(raw.get("hostedUrl")) or clean_str(raw.get("applyUrl")),
        title=title, company=company, location=clean_str(cats.get("location")),
        salary_min=low, salary_max=high,
        salary_currency=(clean_str(salary.get("currency")) or "").upper() or None if (low or high) else None,
        salary_period=salary_period(salary.get("interval")) if (low or high) else None,
        description=description, description_format=fmt,
        posted_date=to_date(raw.get("createdAt")),
        remote_hint=_WORKPLACE.get(workplace), job_type=clean_str(cats.get("commitment")),
        country_hint=country.upper() if country and re.fullmatch(r"[A-Za-z]{2}", country) else None,
        extra=extra,
    )
