"""The one record shape that travels from a source adapter to the normalisers.

Why: every source format (JobSpy CSV, LinkedIn dump, Greenhouse JSON, ...) has its
own columns and quirks. Adapters translate them into :class:`Posting` and nothing
else, so a new source is one module plus one fixture, and the normalisers, the
deduplicator and the warehouse never learn about formats.

An adapter yields, for every input record, exactly one of:

* :class:`Posting` - a record that can be loaded (it may still turn out to be a
  duplicate; that is decided by the warehouse, not by the adapter);
* :class:`Rejected` - a record that cannot be loaded, with a one-line reason and
  the raw record as text, so the evidence is kept in ``rejected_rows``.

``record_no`` is the 1-based position of the record in its file, the same for every
adapter, so a rejected row (or a labelled posting) can be found again: the data row for
CSV and Excel (blank rows are not records), the element index in the records array for
JSON (the top-level array, or the array inside an API object such as ``{"data": [...]}``,
see etl/sources/_records.py), the line number for JSON Lines.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from typing import Any

DESCRIPTION_FORMATS = ("text", "html", "markdown")


@dataclass(slots=True)
class Posting:
    """One job posting as read from a source, before normalisation."""

    source: str  # adapter name, e.g. "jobspy", "linkedin", "greenhouse"
    record_no: int
    source_id: str | None = None  # the source's own id, as text
    url: str | None = None
    title: str | None = None
    company: str | None = None
    location: str | None = None  # raw location text as published
    salary_text: str | None = None  # raw salary text, if the source has one
    # Structured salary, only when the source has separate fields for it.
    salary_min: float | None = None
    salary_max: float | None = None
    salary_currency: str | None = None  # ISO 4217 if known
    salary_period: str | None = None  # hour | day | week | month | year
    description: str | None = None  # raw description (see description_format)
    description_format: str = "text"  # one of DESCRIPTION_FORMATS
    posted_date: date | None = None
    remote_hint: bool | None = None  # the source's own remote flag, if any
    level_hint: str | None = None  # the source's seniority label, e.g. "mid-senior level"
    # Structured years of experience asked, only when the source has a field for it (France Travail).
    experience_min: float | None = None
    experience_max: float | None = None
    # Structured degree asked, only when the source has a field for it (France Travail's formations):
    # "bachelor", "master", "phd", or "none" for a stated level below a bachelor's (Bac+2, CAP).
    degree_hint: str | None = None
    # The source's own technology tags, as one "; "-separated text (get in IT's skill badges, No Fluff
    # Jobs' main skill): the posting names them (labelling guide), so their skills count.
    skill_tags: str | None = None
    job_type: str | None = None  # full-time, contract, ... as published
    country_hint: str | None = None  # ISO 3166-1 alpha-2 when the source states it
    extra: dict[str, Any] = field(default_factory=dict)  # source-specific leftovers

    def as_extract_input(self) -> dict[str, Any]:
        """The input mapping for :func:`etl.extract.extract` (same keys as the CLI's JSONL)."""
        return {
            "id": self.source_id,
            "source": self.source,  # whose the remote flag is (etl/data/remote_flags.yaml)
            "title": self.title,
            "company": self.company,
            "location": self.location,
            "salary_text": self.salary_text,
            "description": self.description,
            "description_format": self.description_format,
            "salary_min": self.salary_min,
            "salary_max": self.salary_max,
            "salary_currency": self.salary_currency,
            "salary_period": self.salary_period,
            "remote_hint": self.remote_hint,
            "level_hint": self.level_hint,
            "experience_min": self.experience_min,
            "experience_max": self.experience_max,
            "degree_hint": self.degree_hint,
            "skill_tags": self.skill_tags,
            "country_hint": self.country_hint,
            "posted_date": self.posted_date,
        }


@dataclass(slots=True)
class Rejected:
    """One input record that cannot be loaded, and why."""

    source: str
    record_no: int
    reason: str  # one line, e.g. "missing title and description"
    raw: str  # the raw record as text (JSON for structured records), truncated to 10,000 chars

    @staticmethod
    def from_raw(source: str, record_no: int, reason: str, raw: Any) -> Rejected:
        if isinstance(raw, str):
            text = raw
        else:
            try:
                text = json.dumps(raw, default=str, ensure_ascii=False)
            except (TypeError, ValueError):
                text = repr(raw)
        return Rejected(source, record_no, reason, text[:10_000])


class SourceError(Exception):
    """A whole file cannot be read in the chosen format (empty, binary, truncated ...).

    The message is one line meant for the user; the CLI prints it without a traceback.
    """


def clean_str(value: Any) -> str | None:
    """Strip a raw cell; empty strings and the usual null sentinels become None."""
    if value is None:
        return None
    if isinstance(value, float) and value != value:  # NaN
        return None
    text = str(value).strip()
    if text == "" or text.lower() in {"nan", "none", "null", "n/a"}:
        return None
    return text
