"""get in IT (``get-in-it.de``) job pages scraped to CSV -> postings.

Why: get in IT is a German board of IT jobs; a Playwright scrape of it writes a CSV with
the columns ``company_name, position_name, position_description, skills`` (German text,
no date, URL or id). ``record_no`` is the data row.

Quirks handled here:

* **Bot-check rows**: when the board served its anti-bot page, the row's title is
  ``Roboter oder Mensch?`` ("robot or human?") and the other cells are empty. Such a row
  is rejected with that reason.
* **Two description shapes.** *Section mode* joins the page's sections as ``Heading: text |
  Heading: text`` (with ``::`` when the heading had its own colon): the sections become
  paragraphs. *Fallback mode* is the whole page text with the header glued on without
  separators: company twice, title, the location list, badges and buttons, then ``Jetzt
  bewerben`` and the body (``ACMEACMESenior Dev (m/w/d)Berlin, Köln +1Home-OfficeJavaSQLTopJetzt
  bewerben...``). The header is taken apart: the location list is the ``location``, the
  ``Home-Office`` badge stays as a line of its own at the top of the description (it is the
  board's flexible-work flag, in its words), the other badges go to ``extra["badges"]``, and
  the body follows.
* ``skills`` is the board's ``;``-separated tag list, kept in ``extra["tags"]`` and passed as
  ``skill_tags`` (the posting names them, labelling guide), with the header's glued badges after them: the
  header shows badges the column sometimes lacks ("CI/CD (Continuous Integration/Delivery)"), and a badge
  in either counts (lead's ruling, thirty-fifth round); ``tag_skills`` reads the glued string like text.
* **The "Job-Infos" footer** glues the board's facets together ("...AbschlussAusbildungBachelorMaster/Diplom
  UnternehmenACME..."): the degrees the employer accepts are written out as a list in place
  (``Abschluss: Ausbildung, Bachelor, Master/Diplom. Unternehmen...``; no line break, which would
  move the page's section boundaries), so the degree rules read the lowest one (a vocational
  training among them means no degree is required; labelling guide) - only where the text states no
  degree of its own: the posting's own requirement decides over the board's list (lead ruling, fifth session).
* **The "Ähnliche IT-Jobs" list** that ends the page (other employers' openings glued together) is left
  out: its titles name skills, levels and places this posting never states.
* The board is German: ``country_hint="DE"``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._io import csv_records, first_row

NAME = "getinit"
EXTENSIONS = (".csv",)

COLUMNS = ("company_name", "position_name", "position_description", "skills")
BOT_CHECK_TITLE = "Roboter oder Mensch?"
HOME_OFFICE = "Home-Office"
_APPLY = "Jetzt bewerben"
_SIMILAR = "Ähnliche IT-Jobs"  # the page's list of other openings, after the posting
_MORE = re.compile(r"\s\+\d+")  # "Lünen +1": more places than shown
_GLUE = re.compile(r"(?<=[a-zäöüß)])(?=[A-ZÄÖÜ]|\.[A-Z])")  # "MünchenHome-Office": where the place list ends
_SECTION_SEP = re.compile(r"\s+\|\s+")
_DEGREES = ("Ausbildung", "Bachelor", "Master/Diplom", "Promotion", "Sonstige")
_DEGREE = re.compile("|".join(re.escape(d) for d in _DEGREES))
_FOOTER_DEGREES = re.compile(rf"Abschluss((?:{_DEGREE.pattern})+)(?=Unternehmen)")


def _footer_degrees(m: re.Match[str]) -> str:
    return " Abschluss: " + ", ".join(_DEGREE.findall(m.group(1))) + ". "


def detect(path: Path, head: bytes) -> int:
    cols = [c.strip() for c in first_row(head)]
    return 95 if tuple(cols) == COLUMNS else 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    return csv_records(path, NAME, COLUMNS, _posting)


def split_header(description: str, company: str, title: str) -> tuple[str | None, list[str], str] | None:
    """(location, badges, body) of a fallback-mode description, or None for a section-mode one."""
    if not company or not description.startswith(company + company):
        return None
    rest = description[2 * len(company):].replace("\xa0", " ")  # the title cell may have a no-break space
    title = title.replace("\xa0", " ")
    if title and rest.startswith(title):
        rest = rest[len(title):]
    cut = rest.find(_APPLY, 0, 2000)
    if cut < 0:
        return None
    header, body = rest[:cut], rest[cut + len(_APPLY):]
    pieces = header.split(HOME_OFFICE, 1)[0].split(", ")
    # the last place ends at "+N" (more places than shown) or where a badge is glued on
    ends = [m.start() for m in (_MORE.search(pieces[-1]), _GLUE.search(pieces[-1])) if m]
    if ends:
        pieces[-1] = pieces[-1][:min(ends)]
    places = ", ".join(pieces)
    location = clean_str(places)
    rest_badges = _MORE.sub("", header[len(places):].replace(HOME_OFFICE, "", 1))
    badges = [HOME_OFFICE] if HOME_OFFICE in header else []
    if other := clean_str(re.sub(r"Top$", "", rest_badges)):
        badges.append(other)
    return location, badges, body


def _posting(rec: dict[str, str], record_no: int) -> Posting | Rejected:
    title, company = clean_str(rec["position_name"]), clean_str(rec["company_name"])
    description = clean_str(rec["position_description"])
    if description and _SIMILAR in description:
        description = clean_str(description.split(_SIMILAR, 1)[0])
    if title == BOT_CHECK_TITLE and not description:
        return Rejected.from_raw(NAME, record_no, f"bot-check page ({BOT_CHECK_TITLE!r}), not a posting", rec)
    if not title and not description:
        return Rejected.from_raw(NAME, record_no, "missing title and description", rec)
    extra: dict[str, object] = {}
    tags = [t for t in (clean_str(s) for s in (rec.get("skills") or "").split(";")) if t]
    if tags:
        extra["tags"] = tags
    location = None
    other: list[str] = []
    if description:
        parts = split_header(description, company or "", title or "")
        if parts is not None:
            location, badges, body = parts
            home = [HOME_OFFICE] if HOME_OFFICE in badges else []
            if other := [b for b in badges if b != HOME_OFFICE]:
                extra["badges"] = other
            description = clean_str("\n\n".join([*home, _FOOTER_DEGREES.sub(_footer_degrees, body.strip())]))
        else:
            description = _SECTION_SEP.sub("\n\n", description).replace("::", ":")
    return Posting(
        source=NAME, record_no=record_no, title=title, company=company, location=location,
        description=description, description_format="text", country_hint="DE", extra=extra,
        skill_tags="; ".join([*tags, *other]) or None,
    )
