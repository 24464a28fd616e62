"""Kaggle "LinkedIn Job Postings 2023-24" (``postings.csv``, arshkon/linkedin-job-postings).

Why: the most used public LinkedIn dump, mostly US postings with structured pay. Its
numbers are floats written as text: ids and ZIP/FIPS codes lose leading zeros
(``8540.0`` is 08540), times are epoch milliseconds, pay is in ``pay_period`` units
with either a min/max range or a single ``med_salary``, and an empty
``remote_allowed`` means "not flagged", not "on site".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pycountry

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import csv_records, header_match

NAME = "linkedin"
EXTENSIONS = (".csv",)

# Columns that together only this dump has (the 2023 edition lacks company_name).
DISTINCTIVE = ("job_id", "title", "description", "job_posting_url", "original_listed_time")
TYPICAL = ("company_name", "pay_period", "formatted_work_type", "formatted_experience_level",
           "listed_time", "remote_allowed", "med_salary", "application_type", "work_type")
REQUIRED_COLUMNS = ("job_id", "title", "description")

# pay_period -> (Posting.salary_period, factor applied to the amounts)
PERIODS = {"HOURLY": ("hour", 1.0), "DAILY": ("day", 1.0), "WEEKLY": ("week", 1.0),
           "BIWEEKLY": ("week", 0.5), "MONTHLY": ("month", 1.0), "YEARLY": ("year", 1.0)}
MAPPED = {"job_id", "company_name", "title", "description", "min_salary", "med_salary", "max_salary",
          "pay_period", "currency", "listed_time", "original_listed_time", "remote_allowed",
          "formatted_experience_level", "formatted_work_type", "job_posting_url", "location",
          "zip_code", "fips", "company_id"}
US_STATES = frozenset(s.code.split("-")[1] for s in pycountry.subdivisions.get(country_code="US"))
_STATE_SUFFIX = re.compile(r",\s*([A-Z]{2})$")


def detect(path: Path, head: bytes) -> int:
    return header_match(head, DISTINCTIVE, TYPICAL, at_least=4)


def _float(value: str) -> float | None:
    raw = clean_str(value)
    if raw is None:
        return None
    try:
        out = float(raw)
    except ValueError:
        return None
    return out if out == out else None


def _int_text(value: str, width: int = 0) -> str | None:
    """``'8540.0'`` -> ``'08540'`` (width 5); text that is not a number is kept as it is."""
    num = _float(value)
    if num is None or not num.is_integer():
        return clean_str(value)
    return str(int(num)).zfill(width)


def _epoch_ms_date(value: str) -> date | None:
    ms = _float(value)
    if ms is None:
        return None
    try:
        return datetime.fromtimestamp(ms / 1000, tz=UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def _remote(value: str) -> bool | None:
    """``1.0`` -> True, ``0``/``0.0`` -> False; empty means "not flagged", so None."""
    flag = _float(value)
    return None if flag is None else flag != 0


def us_location(location: str | None) -> bool:
    if not location:
        return False
    m = _STATE_SUFFIX.search(location)
    return bool(m and m.group(1) in US_STATES) or "United States" in location


def _salary(rec: dict[str, str]) -> tuple[float | None, float | None, str | None, str | None]:
    low, high, med = (_float(rec.get(k, "")) for k in ("min_salary", "max_salary", "med_salary"))
    if low is None and high is None and med is not None:
        low = high = med
    if low is None and high is None:
        return None, None, None, None
    period, factor = PERIODS.get((clean_str(rec.get("pay_period")) or "").upper(), (None, 1.0))
    low = low * factor if low is not None else None
    high = high * factor if high is not None else None
    return low, high, (clean_str(rec.get("currency")) or "USD").upper(), period


def _level_hint(rec: dict[str, str]) -> str | None:
    """The board's experience level; where it gives none, a work type of "Internship" (the board's own
    flag that the job is an internship), read as the level label after the years (ruling on v76 q5)."""
    level = clean_str(rec.get("formatted_experience_level"))
    if level is None and (clean_str(rec.get("formatted_work_type")) or "").lower() == "internship":
        return "Internship"
    return level


def to_posting(rec: dict[str, str], record_no: int) -> Posting | Rejected:
    title, description = clean_str(rec["title"]), clean_str(rec["description"])
    if title is None and description is None:
        return Rejected.from_raw(NAME, record_no, "missing title and description", rec)
    low, high, currency, period = _salary(rec)
    location = clean_str(rec.get("location"))
    extra = {k: v for k, v in ((k, clean_str(v)) for k, v in rec.items()) if k not in MAPPED and v}
    for key, width in (("zip_code", 5), ("fips", 5), ("company_id", 0)):
        if (code := _int_text(rec.get(key, ""), width)) is not None:
            extra[key] = code
    return Posting(
        source=NAME,
        record_no=record_no,
        source_id=_int_text(rec["job_id"]),
        url=clean_str(rec.get("job_posting_url")),
        title=title,
        company=clean_str(rec.get("company_name")),
        location=location,
        salary_min=low,
        salary_max=high,
        salary_currency=currency,
        salary_period=period,
        description=description,
        description_format="text",
        posted_date=(_epoch_ms_date(rec.get("original_listed_time", ""))
                     or _epoch_ms_date(rec.get("listed_time", ""))),
        remote_hint=_remote(rec.get("remote_allowed", "")),
        level_hint=_level_hint(rec),
        job_type=clean_str(rec.get("formatted_work_type")),
        country_hint="US" if us_location(location) else None,
        extra=extra,
    )


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    return csv_records(path, NAME, REQUIRED_COLUMNS, to_posting)
