"""Glassdoor scrape CSV (the Selenium scraper behind the "ds_salary_proj" family of files).

Why: hundreds of copies of this file circulate; it is the public source with salary
*strings* (``$53K-$91K (Glassdoor est.)``, ``$17-$24 Per Hour(Glassdoor est.)``,
``Employer Provided Salary:$80K-$120K``). Its quirks: a leading unnamed pandas index
column, ``-1`` as the null sentinel in every column, and the company rating glued to
the company name after a newline (``"Novartis\\n3.8"``). There is no id, URL or date;
repeated rows are kept (the warehouse's fingerprint finds duplicates).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import csv_records, header_match

NAME = "glassdoor"
EXTENSIONS = (".csv",)

DISTINCTIVE = ("Job Title", "Salary Estimate", "Job Description", "Company Name")
TYPICAL = ("Rating", "Location", "Headquarters", "Size", "Founded", "Type of ownership",
           "Industry", "Sector", "Revenue", "Competitors")
REQUIRED_COLUMNS = ("Job Title", "Job Description")
INDEX_COLUMNS = ("", "Unnamed: 0", "index")
MAPPED = {"Job Title", "Salary Estimate", "Job Description", "Company Name", "Location"}

_SALARY = re.compile(
    r"^(?P<employer>Employer Provided Salary:)?\s*"
    r"\$(?P<low>\d+(?:\.\d+)?)(?P<lk>K?)\s*-\s*\$(?P<high>\d+(?:\.\d+)?)(?P<hk>K?)\s*"
    r"(?P<hour>Per Hour)?\s*(?:\((?P<est>Glassdoor|Employer) est\.\))?$",
    re.IGNORECASE,
)
_GLUED_RATING = re.compile(r"\s*\n\s*\d(?:\.\d)?\s*$")


def detect(path: Path, head: bytes) -> int:
    return header_match(head, DISTINCTIVE, TYPICAL, at_least=3)


def value(raw: str | None) -> str | None:
    """A cell with ``-1`` (the scraper's null) and blanks as None."""
    text = clean_str(raw)
    return None if text in {"-1", "-1.0"} else text


def company_name(raw: str | None) -> str | None:
    """``'Novartis\\n3.8'`` -> ``'Novartis'``."""
    text = value(raw)
    return clean_str(_GLUED_RATING.sub("", text)) if text else None


def parse_salary(text: str | None) -> tuple[float | None, float | None, str | None, str | None]:
    """(min, max, period, kind) from a salary estimate; all None when it does not parse."""
    m = _SALARY.match(text or "")
    if not m:
        return None, None, None, None
    low = float(m["low"]) * (1000 if m["lk"] else 1)
    high = float(m["high"]) * (1000 if m["hk"] else 1)
    kind = "employer" if m["employer"] or (m["est"] or "").lower() == "employer" else "glassdoor_estimate"
    return low, high, "hour" if m["hour"] else "year", kind


def to_posting(rec: dict[str, str], record_no: int) -> Posting | Rejected:
    title, description = value(rec.get("Job Title")), value(rec.get("Job Description"))
    if title is None and description is None:
        return Rejected.from_raw(NAME, record_no, "missing title and description", rec)
    salary_text = value(rec.get("Salary Estimate"))
    low, high, period, kind = parse_salary(salary_text)
    extra = {k: v for k, v in ((k, value(raw)) for k, raw in rec.items())
             if k not in MAPPED and k not in INDEX_COLUMNS and v is not None}
    if kind:
        extra["salary_kind"] = kind
    return Posting(
        source=NAME,
        record_no=record_no,
        title=title,
        company=company_name(rec.get("Company Name")),
        location=value(rec.get("Location")),
        salary_text=salary_text,
        salary_min=low,
        salary_max=high,
        salary_currency="USD" if low is not None else None,
        salary_period=period,
        description=description,
        description_format="text",
        country_hint="US",
        extra=extra,
    )


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    return csv_records(path, NAME, REQUIRED_COLUMNS, to_posting)
