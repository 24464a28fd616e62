"""Ashby public job-board API responses -> postings.

Why: many start-ups publish their openings through Ashby; ``GET
https://api.ashbyhq.com/posting-api/job-board/{board}?includeCompensation=true`` returns
``{"jobs": [...], "apiVersion": "1"}`` with structured pay. ``record_no`` is the 1-based
index in ``jobs``. Compact and pretty-printed files are read alike.

Decisions:

* **Salary** comes from ``compensation.summaryComponents``: the first component of type
  ``Salary`` with an amount gives min, max, currency and period (``interval`` ``1 YEAR`` ->
  year, ``1 MONTH`` -> month, ``1 HOUR`` -> hour ...; a ``1 TIME`` payment is no salary). When every
  Salary component of the tiers is paid once, the posting states no periodic pay and its tier summary
  ("$60.00 once") is not salary text.
  Equity, bonus and commission components are never pay. A Salary component marked OTE is on-target
  earnings, no salary, when the posting also offers commission or says its pay depends on sales; otherwise
  it is the salary (labelling guide, ruled 2026-12-04). The human summary
  (``$120K – $200K • 0.5% – 1%``) is ``salary_text`` only as evidence, and the tiers of a
  job with several ranges are kept in ``extra["compensation_tiers"]``.
* **Remote**: ``isRemote`` is tri-state (true, false, null) and passed as it is; hybrid is
  only in the location or text (``Argentina / Hybrid``), which the remote normaliser reads.
* **Country** from ``address.postalAddress.addressCountry``, a name that may be ``USA``,
  ``UK`` or a pseudo-country (``EMEA remote``: no country); none when the location label names no
  place (``Remote``): the address is then where the company is registered, not where the job is done.
* **Company**: the API has none; it is the board name in ``jobUrl``
  (``https://jobs.ashbyhq.com/<board>/<id>``), else ``options.source_name``, else the file stem. A board
  name is a lower-case slug ("whatnot", "northwoodspace"): it is spelled as the board's descriptions write
  it most ("Whatnot", "Northwood Space"; etl/normalize/company_names.py), over every job of the file.
* Description: ``descriptionHtml`` (else ``descriptionPlain`` as text). Titles are stripped
  (many have trailing spaces). Department, team and secondary locations go to ``extra``.
* **Location**: the ``location`` label, followed by the ``secondaryLocations`` (``San Francisco, CA;
  Seattle, WA``): they are cities the posting lists, so a posting in two states has no single region
  (labelling guide). A remote label (``Remote - North America``) keeps only the secondary labels that are
  remote too (``Remote - Canada`` and ``Remote - US``: no single country): the secondary offices of a remote
  job are not where it is done.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from etl.normalize.company_names import Spellings
from etl.normalize.location import names_no_place, parse_location
from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._json import head_keys, head_kind, positive_amount, to_date
from etl.sources._records import items, load_records, obj
from etl.sources.generic import as_country

NAME = "ashby"
EXTENSIONS = (".json",)

_INTERVALS = {"HOUR": "hour", "DAY": "day", "WEEK": "week", "MONTH": "month", "YEAR": "year"}
_COUNTRY_ALIASES = {"UK": "GB", "USA": "US", "U.S.": "US", "U.S.A.": "US", "England": "GB", "Scotland": "GB"}


def detect(path: Path, head: bytes) -> int:
    if not head_kind(head):
        return 0
    keys = head_keys(head)
    if {"jobUrl", "publishedAt"} <= keys and ({"descriptionHtml", "isRemote",
                                               "shouldDisplayCompensationOnJobPostings",
                                               "secondaryLocations"} & keys):
        return 95
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    named = clean_str(options.source_name)
    jobs = load_records(path, ("jobs",))
    names = Spellings()
    for raw in jobs:
        if isinstance(raw, dict):
            names.add(_slug(raw, named, path),
                      clean_str(raw.get("descriptionPlain")) or clean_str(raw.get("descriptionHtml")))
    return items(jobs, NAME,
                 lambda raw, n: _posting(raw, n, names.name(_slug(raw, named, path)) or path.stem))


def _slug(raw: dict[str, Any], named: str | None, path: Path) -> str:
    """The board's name in the job's URL, else the name the user gave, else the file stem."""
    return _board(clean_str(raw.get("jobUrl")) or clean_str(raw.get("applyUrl"))) or named or path.stem


def _interval_unit(comp: dict[str, Any]) -> str | None:
    """The unit of a component's ``interval`` when it is one of them ("1 YEAR" -> "YEAR", "1 TIME" ->
    "TIME"), else None."""
    m = re.fullmatch(r"\s*1\s+([A-Z]+)\s*", str(comp.get("interval") or "").upper())
    return m[1] if m else None


def salary(compensation: Any) -> tuple[float | None, float | None, str | None, str | None]:
    """(min, max, currency, period) of the first Salary component with an amount and a period."""
    for comp in obj(compensation).get("summaryComponents") or []:
        if not isinstance(comp, dict) or comp.get("compensationType") != "Salary":
            continue
        low, high = positive_amount(comp.get("minValue")), positive_amount(comp.get("maxValue"))
        unit = _interval_unit(comp)
        period = _INTERVALS.get(unit) if unit else None
        currency = clean_str(comp.get("currencyCode"))
        if (low or high) and period and currency:
            return low, high or low, currency.upper(), period
    return None, None, None, None


def no_salary(compensation: Any) -> bool:
    """Whether every Salary component the tiers list is paid once ("1 TIME", a payout per task): then the
    posting states no periodic pay, and the tier summary restating the figure ("$60.00 once") is no salary
    text either."""
    found = False
    for tier in obj(compensation).get("compensationTiers") or []:
        for comp in obj(tier).get("components") or []:
            if not isinstance(comp, dict) or comp.get("compensationType") != "Salary":
                continue
            found = True
            if _interval_unit(comp) != "TIME":
                return False
    return found


_OTE = re.compile(r"\bOTE\b")
# pay that depends on sales, in the posting's text ("earnings depend on your sales", "uncapped commission")
_SALES_PAY = re.compile(
    r"\b(?:uncapped|plus|with)\s+commissions?\b|\+\s*commissions?\b|"
    r"\b(?:pay|compensation|earnings|income)\b[^.\n]{0,60}?\b(?:based\s+on|depends?\s+on|dependent\s+on|tied\s+to)"
    r"\s+(?:\w+\s+){0,2}?(?:sales|quotas?|bookings)\b",
    re.I,
)


def ote_only(compensation: Any, text: str | None) -> bool:
    """Whether the Salary components are marked OTE ("OTE $100K – $120K", or "OTE" in the tier summary)
    and the posting also offers commission (a Commission component) or says its pay depends on sales: then
    the figure is on-target earnings, not the base pay (labelling guide, ruled 2026-12-04). Marked OTE
    without either, it is the salary (Ashby's boards mark every tier so, also without commission)."""
    comp = obj(compensation)
    summaries = [str(comp.get("compensationTierSummary") or "")]
    components: list[dict[str, Any]] = [c for c in comp.get("summaryComponents") or [] if isinstance(c, dict)]
    for tier in comp.get("compensationTiers") or []:
        summaries.append(str(obj(tier).get("tierSummary") or ""))
        components.extend(c for c in obj(tier).get("components") or [] if isinstance(c, dict))
    marked = any(_OTE.search(s) for s in summaries) or any(
        c.get("compensationType") == "Salary" and _OTE.search(str(c.get("summary") or ""))
        for c in components
    )
    if not marked:
        return False
    if any(c.get("compensationType") == "Commission" for c in components):
        return True
    return bool(text) and _SALES_PAY.search(text or "") is not None


def country(name: Any) -> str | None:
    text = clean_str(name)
    if text is None:
        return None
    return _COUNTRY_ALIASES.get(text) or as_country(text)


def _location(primary: str | None, secondary: list[str]) -> str | None:
    if primary and "remote" in primary.lower():
        # the secondary offices of a remote job are not where it is done, but another remote label is
        # ("Remote - Canada" and "Remote - US": a remote job in two countries, so no single country); a
        # label naming no country ("North America - Remote") stays alone
        remote = [s for s in secondary if "remote" in s.lower()]
        secondary = remote if parse_location(primary).country is not None else []
    if not primary or not secondary:
        return primary
    return "; ".join(dict.fromkeys([primary, *secondary]))  # in order, each place once


def _board(url: str | None) -> str | None:
    if not url:
        return None
    parts = [p for p in urlsplit(url).path.split("/") if p]
    return parts[0] if parts and urlsplit(url).netloc.endswith("ashbyhq.com") else None


def _posting(raw: dict[str, Any], record_no: int, company: str) -> Posting | Rejected:
    title = clean_str(raw.get("title"))
    description, fmt = clean_str(raw.get("descriptionHtml")), "html"
    if not description:
        description, fmt = clean_str(raw.get("descriptionPlain")), "text"
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", raw)
    url = clean_str(raw.get("jobUrl")) or clean_str(raw.get("applyUrl"))
    comp = obj(raw.get("compensation"))
    low, high, currency, period = salary(comp)
    stated = not no_salary(comp) and not ote_only(comp, description)
    if not stated:
        low = high = currency = period = None
    address = obj(obj(raw.get("address")).get("postalAddress"))
    extra: dict[str, Any] = {k: raw[k] for k in ("department", "team") if clean_str(raw.get(k))}
    secondary = [
        clean_str(s.get("location")) for s in raw.get("secondaryLocations") or [] if isinstance(s, dict)
    ]
    if secondary := [s for s in secondary if s]:
        extra["secondary_locations"] = secondary
    tiers = [t.get("tierSummary") for t in comp.get("compensationTiers") or [] if isinstance(t, dict)]
    if len(tiers) > 1:
        extra["compensation_tiers"] = tiers
    remote = raw.get("isRemote")
    label = clean_str(raw.get("location"))
    hint = country(address.get("addressCountry"))
    if label and names_no_place(label):
        hint = None  # "Remote": the address is where the company is registered, not where the job is done
    return Posting(
        source=NAME,
        record_no=record_no,
        source_id=clean_str(raw.get("id")),
        url=url,
        title=title,
        company=company,
        location=_location(label, [s for s in secondary if s]),
        salary_text=clean_str(comp.get("compensationTierSummary")) if stated else None,
        salary_min=low,
        salary_max=high,
        salary_currency=currency,
        salary_period=period,
        description=description,
        description_format=fmt,
        posted_date=to_date(raw.get("publishedAt")),
        remote_hint=remote if isinstance(remote, bool) else None,
        job_type=clean_str(raw.get("employmentType")),
        country_hint=hint,
        extra=extra,
    )
