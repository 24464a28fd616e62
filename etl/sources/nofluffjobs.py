"""No Fluff Jobs (``nofluffjobs.com``, Polish IT board) listings scraped to CSV -> postings.

Why: every No Fluff Jobs ad must show a salary range, so a scrape of it is a rare source of
Polish IT pay. The scrape's CSV has the columns ``position, salary_lower, salary_upper,
main_skill, seniority, main_category, posting_href, description``; the generic reader
would load it, but would lose the pay (it cannot know the currency and period) and the
company. ``record_no`` is the data row.

Decisions:

* **Salary**: the scraper kept only the digits of the card's salary text; the board shows
  monthly amounts, in PLN for Polish ads. So ``salary_lower``/``salary_upper`` are a
  monthly PLN range; ``0``/``0`` means no salary. The contract type (B2B or employment)
  was lost and is not guessed.
* **Company and id** come from the ad URL,
  ``/pl/job/<title-slug>-<company-slug>-<city>-<id>``: the id is the last part, the
  company is what is left after the title's slug and before the city (hyphens as spaces);
  when the title's slug does not match, there is no company. The slug is spelled as the file's
  descriptions of that company write it most ("link group" -> "Link Group"), else kept.
* ``seniority`` (the first level the ad lists: Trainee, Junior, Mid, Senior, Expert) is
  ``level_hint``; ``main_skill`` (the card's first technology) is ``skill_tags`` and, with
  ``main_category``, kept in ``extra``. The city of the URL
  is the location; ``country_hint`` is PL. Remote is in the title only, read as text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlsplit

from etl.normalize.company_names import Spellings
from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import csv_records, first_row
from etl.sources._json import positive_amount

NAME = "nofluffjobs"
EXTENSIONS = (".csv",)

COLUMNS = ("position", "salary_lower", "salary_upper", "seniority", "posting_href", "description")
_PATH = re.compile(r"/job/(?P<slug>.+)-(?P<city>warszawa|warsaw|krakow|wroclaw|gdansk|poznan|lodz|katowice|"
                   r"remote)-(?P<id>[a-z0-9]{6,12})$")
_CITIES = {"warszawa": "Warszawa", "warsaw": "Warszawa", "krakow": "Kraków", "wroclaw": "Wrocław",
           "gdansk": "Gdańsk", "poznan": "Poznań", "lodz": "Łódź", "katowice": "Katowice"}


def detect(path: Path, head: bytes) -> int:
    cols = {c.strip() for c in first_row(head)}
    if not set(COLUMNS) <= cols:
        return 0
    return 95 if b"nofluffjobs.com" in head else 80


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    # the company is a URL slug ("link group"): spelled as the file's descriptions of it write it ("Link
    # Group"), read over the whole file first so that one company keeps one name (company_names.py)
    names = Spellings()
    for item in csv_records(path, NAME, COLUMNS, _posting):
        if isinstance(item, Posting):
            names.add(item.company, item.description)
    for item in csv_records(path, NAME, COLUMNS, _posting):
        if isinstance(item, Posting):
            item.company = names.name(item.company)
        yield item


def slugify(text: str) -> str:
    """No Fluff Jobs' URL slug of a title: ASCII, lower case, words joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text.replace("ł", "l").replace("Ł", "L")).encode(
        "ascii", "ignore"
    )
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.decode().lower()).strip("-")


def parse_href(href: str | None, title: str | None) -> tuple[str | None, str | None, str | None]:
    """(id, company, city) from an ad URL."""
    m = _PATH.search(urlsplit(href or "").path)
    if not m:
        return None, None, None
    slug, company = m["slug"], None
    prefix = slugify(title or "")
    if prefix and slug.startswith(prefix + "-"):
        company = clean_str(slug[len(prefix) + 1:].replace("-", " "))
    return m["id"], company, _CITIES.get(m["city"])


def _posting(rec: dict[str, str], record_no: int) -> Posting | Rejected:
    title, description = clean_str(rec["position"]), clean_str(rec["description"])
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", rec)
    href = clean_str(rec["posting_href"])
    source_id, company, city = parse_href(href, title)
    low, high = positive_amount(rec.get("salary_lower")), positive_amount(rec.get("salary_upper"))
    extra = {k: v for k in ("main_skill", "main_category") if (v := clean_str(rec.get(k)))}
    return Posting(
        source=NAME, record_no=record_no, source_id=source_id, url=href, title=title, company=company,
        location=f"{city}, Poland" if city else None,
        salary_min=low, salary_max=high or low if low or high else None,
        salary_currency="PLN" if low or high else None, salary_period="month" if low or high else None,
        description=description, description_format="text", level_hint=clean_str(rec.get("seniority")),
        country_hint="PL", skill_tags=extra.get("main_skill"), extra=extra,
    )
