"""Writing demo postings in the real source formats.

Why: the demo must travel the same path as real data - detection, adapters,
cleaning, normalising, deduplication - so the generated postings are written as
a JobSpy CSV export, a LinkedIn postings.csv, Greenhouse and Lever API responses
and Hacker News "Who is hiring" threads, each with its format's quirks (Markdown
escapes, epoch milliseconds, entity-escaped HTML, pipe-separated first lines).
A small share is written twice (overlapping scraper runs, the same job on two
boards) and a few records are broken on purpose, so that the duplicate and
quarantine paths have something to show.
"""

from __future__ import annotations

import csv
import functools
import html
import json
import re
import zlib
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from etl.demo.generator import DemoPosting, Generator

COUNTRY_NAMES = {
    "US": "United States",
    "IN": "India",
    "GB": "United Kingdom",
    "DE": "Germany",
    "CA": "Canada",
    "NL": "Netherlands",
    "PL": "Poland",
    "AU": "Australia",
    "SG": "Singapore",
    "IE": "Ireland",
}
JOBSPY_COLUMNS = [
    "id", "site", "job_url", "job_url_direct", "title", "company", "location", "date_posted", "job_type",
    "salary_source", "interval", "min_amount", "max_amount", "currency", "is_remote", "job_level",
    "job_function", "listing_type", "emails", "description", "company_industry", "company_url",
    "company_logo", "company_url_direct", "company_addresses", "company_num_employees", "company_revenue",
    "company_description", "skills", "experience_range", "company_rating", "company_reviews_count",
    "vacancy_count", "work_from_home_type",
]
LINKEDIN_COLUMNS = [
    "job_id", "company_name", "title", "description", "max_salary", "pay_period", "location", "company_id",
    "views", "med_salary", "min_salary", "formatted_work_type", "applies", "original_listed_time",
    "remote_allowed", "job_posting_url", "application_url", "application_type", "expiry", "closed_time",
    "formatted_experience_level", "skills_desc", "listed_time", "posting_domain", "sponsored", "work_type",
    "currency", "compensation_type", "normalized_salary", "zip_code", "fips",
]
PERIOD_WORDS = {"year": "per year", "month": "per month", "hour": "per hour"}
_MD_ESCAPE = re.compile(r"([+#&]|(?<=\w)-(?=\w)|(?<=\d)\.(?=\d))")


def location_text(d: DemoPosting) -> str:
    if d.country == "US":
        return f"{d.city}, {d.region}"
    if d.country == "CA":
        return f"{d.city}, {d.region}, Canada"
    return f"{d.city}, {d.region}, {COUNTRY_NAMES[d.country]}"


def salary_sentence(d: DemoPosting) -> str:
    if d.salary is None:
        return ""
    lo, hi, cur, period = d.salary
    return f"The base salary range for this role is {cur} {lo:,.0f} - {hi:,.0f} {PERIOD_WORDS[period]}."


def _epoch_ms(d: DemoPosting) -> float:
    return float(datetime(d.posted.year, d.posted.month, d.posted.day, 12, tzinfo=UTC).timestamp() * 1000)


def _markdown(text: str) -> str:
    """JobSpy converts HTML to Markdown, escaping characters such as + # & - and bolding headings."""
    return "\n\n".join(x for x in map(_markdown_line, text.split("\n")) if x)


@functools.lru_cache(maxsize=1 << 16)
def _markdown_line(line: str) -> str:
    # generated descriptions are drawn from templates, so most lines recur: converted once each
    line = _MD_ESCAPE.sub(r"\\\1", line)
    if line.startswith("\\- ") or line.startswith("- "):
        line = "* " + line.split(" ", 1)[1]
    elif line and not line.endswith(".") and len(line) < 40:
        line = f"**{line}**"
    return line


def extract_inputs(n: int, seed: int = 2) -> list[dict[str, Any]]:
    """``n`` generated postings as :func:`etl.extract.extract` inputs (Markdown descriptions, as JobSpy
    publishes them): what ``python -m bench extract`` measures and the output snapshot
    (:mod:`etl.snapshot`) holds, so both read the same postings."""
    return [
        {"id": str(d.n), "title": d.title, "company": d.company, "location": location_text(d),
         "salary_text": salary_sentence(d) or None, "description": _markdown(d.description),
         "description_format": "markdown"}
        for d in Generator(seed=seed).postings(n)
    ]


def _html(text: str) -> str:
    parts, items = [], []
    for line in [*text.split("\n"), ""]:
        if line.startswith("- "):
            items.append(f"<li>{html.escape(line[2:])}</li>")
            continue
        if items:
            parts.append("<ul>" + "".join(items) + "</ul>")
            items = []
        if line:
            parts.append(
                f"<p>{html.escape(line)}</p>" if line.endswith(".") else f"<h3>{html.escape(line)}</h3>"
            )
    return "".join(parts)


def jobspy_row(d: DemoPosting, site: str = "linkedin") -> list[Any]:
    row: dict[str, Any] = dict.fromkeys(JOBSPY_COLUMNS, "")
    row.update(
        id=f"li-{4_000_000_000 + d.n}",
        site=site,
        job_url=f"https://www.linkedin.com/jobs/view/{4_000_000_000 + d.n}",
        title=d.title,
        company=d.company,
        location=location_text(d),
        date_posted=d.posted.isoformat(),
        job_type="fulltime",
        is_remote=d.remote == "remote",
        job_level={"junior": "entry level", "manager": "director"}.get(d.seniority, "mid-senior level"),
        job_function="Engineering and Information Technology",
        description=_markdown(d.description),
        company_industry="Software Development",
    )
    if d.salary is not None:
        lo, hi, cur, period = d.salary
        row.update(
            salary_source="direct_data",
            interval={"year": "yearly", "month": "monthly", "hour": "hourly"}[period],
            min_amount=lo,
            max_amount=hi,
            currency=cur,
        )
    return [row[c] for c in JOBSPY_COLUMNS]


def write_jobspy(path: Path, postings: Iterable[DemoPosting], broken: int = 0) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, quoting=csv.QUOTE_NONNUMERIC, escapechar="\\", lineterminator="\n")
        w.writerow(JOBSPY_COLUMNS)
        for d in postings:
            w.writerow(jobspy_row(d))
            n += 1
        for i in range(broken):  # scraper hiccups: a row with no title and no description
            row: dict[str, Any] = dict.fromkeys(JOBSPY_COLUMNS, "")
            row.update(id=f"li-broken-{path.stem}-{i}", site="linkedin", is_remote=False)
            w.writerow([row[c] for c in JOBSPY_COLUMNS])
            n += 1
    return n


def write_linkedin(path: Path, postings: Iterable[DemoPosting]) -> int:
    n = 0
    with open(path, "w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(LINKEDIN_COLUMNS)
        for d in postings:
            row: dict[str, Any] = dict.fromkeys(LINKEDIN_COLUMNS, "")
            ms = _epoch_ms(d)
            row.update(
                job_id=str(3_900_000_000 + d.n),
                company_name=d.company,
                title=d.title,
                description=d.description.replace("\n", " "),
                location=location_text(d),
                company_id=f"{10_000 + zlib.crc32(d.company.encode()) % 90_000}.0",
                views="12.0",
                formatted_work_type="Full-time",
                original_listed_time=f"{ms:.1f}",
                listed_time=f"{ms:.1f}",
                remote_allowed="1.0" if d.remote == "remote" else "",
                job_posting_url=f"https://www.linkedin.com/jobs/view/{3_900_000_000 + d.n}",
                application_type="OffsiteApply",
                sponsored="0",
                work_type="FULL_TIME",
            )
            if d.salary is not None:
                lo, hi, cur, period = d.salary
                row.update(min_salary=f"{lo:.1f}", max_salary=f"{hi:.1f}", pay_period=period.upper() + "LY"
                           if period != "year" else "YEARLY", currency=cur, compensation_type="BASE_SALARY")
            w.writerow([row[c] for c in LINKEDIN_COLUMNS])
            n += 1
    return n


def write_greenhouse(path: Path, postings: list[DemoPosting]) -> int:
    jobs = []
    for d in postings:
        body = _html(d.description + ("\n" + salary_sentence(d) if d.salary else ""))
        stamp = f"{d.posted.isoformat()}T09:00:00-04:00"
        jobs.append(
            {
                "id": 7_000_000 + d.n,
                "internal_job_id": 3_000_000 + d.n,
                "title": d.title,
                "updated_at": stamp,
                "first_published": stamp,
                "requisition_id": f"REQ-{d.n}",
                "location": {"name": location_text(d)},
                "absolute_url": f"https://boards.greenhouse.io/demo/jobs/{7_000_000 + d.n}",
                "metadata": None,
                "company_name": d.company,
                "content": html.escape(body),
                "departments": [{"id": 1, "name": "Engineering"}],
                "offices": [],
            }
        )
    path.write_text(json.dumps({"jobs": jobs, "meta": {"total": len(jobs)}}), encoding="utf-8")
    return len(jobs)


def write_lever(path: Path, postings: list[DemoPosting]) -> int:
    out = []
    for d in postings:
        item: dict[str, Any] = {
            "id": f"demo-{d.n:08d}-lever", "text": d.title, "createdAt": int(_epoch_ms(d)),
            "categories": {"location": location_text(d), "team": "Engineering", "commitment": "Full-time",
                           "allLocations": [location_text(d)]},
            "hostedUrl": f"https://jobs.lever.co/demo/{d.n:08d}", "applyUrl": f"https://jobs.lever.co/demo/{d.n:08d}/apply",
            "description": _html(d.description), "descriptionPlain": d.description, "lists": [],
            "additional": "", "additionalPlain": "", "country": d.country,
            "workplaceType": {"onsite": "on-site"}.get(d.remote, d.remote),
        }
        if d.salary is not None:
            lo, hi, cur, period = d.salary
            item["salaryRange"] = {"min": lo, "max": hi, "currency": cur,
                                   "interval": {"year": "per-year-salary", "month": "per-month-salary",
                                                "hour": "per-hour-wage"}[period]}
        out.append(item)
    path.write_text(json.dumps(out), encoding="utf-8")
    return len(out)


def write_hackernews(path: Path, postings: list[DemoPosting]) -> int:
    out = []
    for d in postings:
        parts = [
            d.company,
            d.title,
            location_text(d),
            {"remote": "REMOTE", "hybrid": "Hybrid", "onsite": "Onsite"}[d.remote],
            "Full-time",
        ]
        if d.salary is not None:
            lo, hi, cur, _period = d.salary
            sym = {"USD": "$", "GBP": "£", "EUR": "€"}.get(cur)
            parts.append(
                f"{sym}{lo / 1000:.0f}k-{sym}{hi / 1000:.0f}k" if sym else f"{cur} {lo:,.0f}-{hi:,.0f}"
            )
        first = html.escape(" | ".join(parts))
        body = "".join(f"<p>{html.escape(p)}" for p in d.description.split("\n") if p)
        out.append({"full_html": first + body, "url": "https://news.ycombinator.com/item?id="
                                                      f"{40_000_000 + d.n}",
                    "user": f"user{d.n % 997}", "location": d.city, "lat": None, "lon": None, "address": None,
                    "country": d.country, "remote": d.remote == "remote", "h1b": False, "intern": False,
                    "freshness": True})
    path.write_text(json.dumps(out, indent=4, sort_keys=True), encoding="utf-8")
    return len(out)
