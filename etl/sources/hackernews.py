"""Hacker News "Ask HN: Who is hiring?" comments -> postings.

Why: the monthly HN hiring threads are a long-running, dated record of who hires
developers, but they are free text. This adapter reads two shapes:

* the hn-hiring-mapped parser output: one JSON array per monthly thread, file
  named ``YYYY-MM.json``, objects with ``full_html``, ``url``, ``user``,
  ``location`` (the parser's guess), ``country``, ``remote`` ...;
* the official HN Firebase item shape (``id``, ``by``, ``time``, ``text``,
  ``type="comment"``), as a JSON array or JSON Lines.

Decision: **one posting = one comment.** A comment often lists several roles;
splitting them would invent structure the text does not have, and the
normalisers read the whole description anyway. The headline fields (company, title,
location, salary text, remote/on-site) come from the comment's first line, split on
its separators; the cases are in tests/test_source_hackernews.py and the role, place
and flag words in etl/data/hackernews_header.yaml. The posting date is the first day
of the thread month (the mapped files have none per comment) or the comment's ``time``.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from datetime import date
from functools import cache
from pathlib import Path
from typing import Any

import pycountry

from etl.normalize.location import parse_location
from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._json import head_keys, head_kind, object_postings, to_date
from etl.yaml_data import load_yaml

NAME = "hackernews"
EXTENSIONS = (".json", ".jsonl", ".ndjson")

HEADER_WORDS = Path(__file__).resolve().parents[1] / "data" / "hackernews_header.yaml"
WORD_LISTS = ("roles", "strong_roles", "onsite", "job_types", "visa", "flag_words", "places")


@cache
def header_words() -> dict[str, tuple[str, ...]]:
    """The word lists (regular-expression fragments) of etl/data/hackernews_header.yaml, read once."""
    with open(HEADER_WORDS, encoding="utf-8") as fh:
        data = load_yaml(fh) or {}
    if missing := [k for k in WORD_LISTS if not data.get(k)]:
        raise ValueError(f"{HEADER_WORDS.name}: missing list(s) {', '.join(missing)}")
    return {k: tuple(str(w) for w in data[k]) for k in WORD_LISTS}


def _any(key: str) -> str:
    return "|".join(header_words()[key])


_TAG = re.compile(r"<[^>]+>")
_ROLE = re.compile(rf"\b({_any('roles')})", re.I)
_STRONG_ROLE = re.compile(rf"\b({_any('strong_roles')})\b", re.I)
_FLAG_WORDS = re.compile(
    rf"\b(remote|{_any('onsite')}|{_any('flag_words')}|{_any('job_types')})\b|[()+&/]", re.I
)
_BRACKETED_END = re.compile(r"\s*\([^()]*\)\s*$")
_URL = re.compile(r"https?://|www\.|@|\b[\w-]+\.(com|io|co|org|net|ai|dev|app|ly|me|us|de|uk)\b", re.I)
_MONEY = re.compile(r"[$€£]\s?\d|\d\s?[kK]\b|\b(USD|EUR|GBP|CAD|salary|compensation)\b", re.I)
_FUNDING = re.compile(r"\d\s?(m|mm|b|bn)\b|million|billion", re.I)
_JOB_TYPE = re.compile(rf"\b({_any('job_types')})\b", re.I)
_REMOTE = re.compile(r"\bremote\b", re.I)
_NO_REMOTE = re.compile(r"\b(no|not)\s+remote\b", re.I)
_ONSITE = re.compile("|".join(rf"\b{w}\b" for w in header_words()["onsite"]), re.I)
_VISA = re.compile(rf"\b({_any('visa')})\b", re.I)
_STATE_CODE = re.compile(r",\s*[A-Z]{2}\b")
_HIRING = re.compile(r"^(.{2,60}?)\s+(?:is|are)\s+(?:hiring|looking|seeking|searching)\b", re.I)
_OPENINGS_IN = re.compile(
    r"\b(?:has|have)\s+(?:[\w-]+\s+){0,4}?(?:openings?|positions?|roles?|vacancies)\s+"
    r"(?:(?:on[\s-]?site|in[\s-]office)\s+)?in\s+"
    r"(?:downtown\s+|central\s+)?([A-Z][\w.'-]+(?: [A-Z][\w.'-]+){0,2})")
_LIST_GOES_ON = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)")
_KEYED = re.compile(r"^(company|position|title|role|job title|location|salary|compensation|remote|type|job "
                    r"type)\s*:\s*(.+)$", re.I)
_PLACE = re.compile(r"\b(" + "|".join(sorted(
    {re.escape(c.name) for c in pycountry.countries if "," not in c.name}
    | {re.escape(s.name) for s in pycountry.subdivisions.get(country_code="US") or []}
    | set(header_words()["places"]),
    key=len, reverse=True)) + r")\b", re.I)


def detect(path: Path, head: bytes) -> int:
    keys = head_keys(head)
    if not head_kind(head):
        return 0
    if {"full_html", "url"} <= keys:
        return 90
    if {"by", "time", "text", "type"} <= keys and ({"parent", "kids"} & keys or b'"comment"' in head):
        return 85
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    month = _file_month(path)
    yield from object_postings(NAME, path, lambda raw, record_no: _posting(raw, record_no, month))


def _file_month(path: Path) -> date | None:
    m = re.search(r"(\d{4})-(\d{2})", path.stem)
    if m and 1 <= int(m[2]) <= 12:
        return date(int(m[1]), int(m[2]), 1)
    return None


def _posting(raw: dict[str, Any], record_no: int, month: date | None) -> Posting | Rejected:
    firebase = "full_html" not in raw and ("by" in raw or "time" in raw)
    if firebase and raw.get("type", "comment") != "comment":
        return Rejected.from_raw(NAME, record_no, f"not a comment (type {raw.get('type')!r})", raw)
    body = raw.get("text") if firebase else raw.get("full_html")
    if not isinstance(body, str) or raw.get("deleted") or raw.get("dead") or _plain(body) in ("", "[deleted]",
                                                                                               "[dead]"):
        return Rejected.from_raw(NAME, record_no, "empty comment", raw)
    parser_loc = clean_str(raw.get("location"))
    head = parse_header(body, parser_loc)
    source_id = clean_str(raw.get("id")) if firebase else None
    url = clean_str(raw.get("url"))
    if url and not source_id:
        m = re.search(r"[?&]id=(\d+)", url)
        source_id = m[1] if m else None
    if firebase and source_id and not url:
        url = f"https://news.ycombinator.com/item?id={source_id}"
    location = head.get("location")
    if not location and parser_loc and not _junk_location(parser_loc) and not _in_header(parser_loc, head):
        location = _listed_with(parser_loc, body) or _completed(parser_loc, body) or parser_loc
    remote = head.get("remote")
    if remote is None and raw.get("remote") is True:
        remote = True
    # the parser geocoded its own location guess: a guess naming roles ("Engineers, Designers,", the roles
    # cell) or a company ("Upside, Inc") in a header naming no place ("Locations worldwide") has a country as
    # wrong as itself (eighteenth round), so it goes with the guess; a place cut short by the parser
    # ("Calgary, Alberta,") keeps its country, and so does a header listing places the parser missed
    country = clean_str(raw.get("country"))
    named = parser_loc and (_ROLE.search(html.unescape(parser_loc)) or _COMPANY_FORM.search(parser_loc))
    if country and named and not _header_names_a_place(body):
        country = None
    extra: dict[str, Any] = {k: raw[k] for k in ("user", "by", "h1b", "intern", "freshness") if k in raw}
    if parser_loc:
        extra["parser_location"] = parser_loc
    return Posting(
        source=NAME, record_no=record_no, source_id=source_id, url=url,
        title=head.get("title"), company=head.get("company"), location=location,
        salary_text=head.get("salary"), description=body, description_format="html",
        posted_date=to_date(raw.get("time")) if firebase else month,
        remote_hint=remote, job_type=head.get("job_type"),
        country_hint=country.upper() if country and re.fullmatch(r"[A-Za-z]{2}", country) else None,
        extra=extra,
    )


# A list of places in a comment's text: capitalised names ("San Antonio", "B.C.") joined by commas, "&", "/",
# "and" or "or"; a word closing a sentence ("Phoenix. Full") joins no next word
_LIST_NAME = r"[A-Z](?:[\w'-]|\.(?=\w))*\.?(?:(?<![a-z]{2}\.) [A-Z](?:[\w'-]|\.(?=\w))*\.?)*"
_LIST_SEP = r"\s*[,;&/]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+"
_LIST_RUN = re.compile(rf"{_LIST_NAME}(?:(?:{_LIST_SEP}){_LIST_NAME})*")
_LIST_MEMBER = re.compile(_LIST_NAME)


def _listed_with(guess: str, body: str) -> str | None:
    """The list of places the parser's location guess is one member of, where the comment's text first names
    it ("a team in Boston, Denver and Austin" for the guess "Denver"; fifty-seventh round, real-fresh-v51
    Hacker News 2017-11 #27): the guess alone would give one city's region to a comment naming several.
    Members are places the gazetteer knows (no mode words); a region or country after a city that it
    qualifies ("Austin, TX") stays with it. The places are joined by " / ", which the location parser reads
    as a list; None when the guess stands alone or with its own region and country only ("Toronto, ON,
    Canada")."""
    text = _plain(re.sub(r"<p>|\n", " \n ", body))
    at = text.find(guess)
    if at < 0:
        return None
    end = at + len(guess)
    run = next((m for m in _LIST_RUN.finditer(text) if m.start() <= at and end <= m.end()), None)
    if run is None:
        return None
    members = [m.span() for m in _LIST_MEMBER.finditer(text, run.start(), run.end())]
    inside = [i for i, (a, b) in enumerate(members) if a < end and at < b]
    if not inside:
        return None

    def name(i: int) -> str:
        return _SENTENCE_DOT.sub("", text[members[i][0] : members[i][1]])

    def is_place(i: int) -> bool:
        mode = _REMOTE.search(name(i)) or _ONSITE.search(name(i))
        return not mode and parse_location(name(i)).country is not None

    first, last = inside[0], inside[-1]
    while first > 0 and is_place(first - 1):
        first -= 1
    while last + 1 < len(members) and is_place(last + 1):
        last += 1
    # the guess's own members as one name ("New York City" for the guess "New York", "Toronto, ON"), or the
    # guess alone where they are no place ("Acme Health San Francisco": a company's name before the city) or
    # carry a mode word ("ONSITE Leeds": the location names places only)
    own = _SENTENCE_DOT.sub("", text[min(at, members[inside[0]][0]) : max(end, members[inside[-1]][1])])
    names = [name(i) for i in range(first, inside[0])]
    names.append(own if parse_location(own).country is not None and not _REMOTE.search(own)
                 and not _ONSITE.search(own) else guess)
    names += [name(i) for i in range(inside[-1] + 1, last + 1)]
    places: list[str] = []
    for piece in names:
        if places and _qualifies(places[-1], piece):
            places[-1] += f", {piece}"
        else:
            places.append(piece)
    return " / ".join(places) if len(places) >= 2 else None


# the capitalised words going on after a guess in the header ("Park" of "Menlo Park"), then a state code or a
# region after a comma ("CA", ", California")
_GOES_ON = re.compile(r"((?: [A-Z][\w'-]*)+)(?:,? ([A-Z]{2}\b|[A-Z][a-z]+(?: [A-Z][a-z]+)?))?")


def _completed(guess: str, body: str) -> str | None:
    """The city the parser's guess was cut inside of, completed from the header line ("Labs, Santa" of "Quarry
    Labs, Santa Rosa CA, ONSITE" -> "Santa Rosa CA"; seventy-first round, real-fresh-v65 Hacker News 2017-12
    #575): the guess spans the company's last words and the city's first, so it read as a town abroad or as
    nothing. The guess's last comma part and the capitalised words after it are taken only when they make a
    city; None keeps the guess ("Wellington, New" + "Zealand" completes a country, not a city)."""
    line = _header_line(body)
    at = line.find(guess)
    if at < 0 or "," not in guess or guess.endswith((".", ",")):
        return None
    more = _GOES_ON.match(line, at + len(guess))
    if more is None:
        return None
    head = guess.rsplit(",", 1)[1].strip()
    for candidate in (f"{head}{more[1]}, {more[2]}" if more[2] else None, f"{head}{more[1]}"):
        if candidate and parse_location(candidate).city is not None:
            return candidate
    return None


# a full stop closing a sentence after a member ("... and Phoenix."), not an abbreviation's ("B.C.")
_SENTENCE_DOT = re.compile(r"(?<=[a-z]{2})\.$")


def _qualifies(place: str, piece: str) -> bool:
    """Whether ``piece`` is the region or country of ``place`` ("Austin" + "TX", "Berlin" + "Germany",
    "Brooklyn" + "New York"), not a place of its own ("New York City" + "Arizona", "Boston, MA" +
    "Wakefield")."""
    alone, joined = parse_location(place), parse_location(f"{place}, {piece}")
    if alone.city is None or joined.city != alone.city or joined.country is None:
        return False
    if parse_location(piece).city is None:
        return True  # a region or a country only
    division = pycountry.subdivisions.get(code=alone.region) if alone.region else None
    return division is not None and piece.lower() == division.name.lower()  # a state named as its city


# a company's legal form ends the parser's guess: "Upside, Inc" is a company's name, not a place
_COMPANY_FORM = re.compile(r",?\s+(?:inc|llc|ltd|gmbh|corp)\.?\s*$", re.I)


# the thread page's vote line, kept when a comment is pasted again from it ("8 points by someone 30 days ago |
# parent [-] | on: Ask HN: Who is hiring? ..."): the page's words, not the header (forty-seventh round)
_VOTE_LINE = re.compile(r"\d+ points? by \S+ [^|<\n]{0,40}\bago\s*\|")


def _header_line(body: str) -> str:
    """The comment's first line, tags stripped; the line after it when the first is a pasted vote line."""
    first, *rest = re.split(r"<p>|\n", body, maxsplit=2)
    line = _plain(first)
    if rest and _VOTE_LINE.match(line):
        return _plain(rest[0])
    return line


def _header_names_a_place(body: str) -> bool:
    """Whether a cell after the first of the comment's header line looks like a place."""
    parts = _split_header(_header_line(body))
    return any(_looks_like_place(_FLAG_WORDS.sub(" ", part.split("(")[0]).strip(" ,;"))
               for part in parts[1:])


def _plain(fragment: str) -> str:
    """Tags stripped, then entities unescaped, whitespace collapsed."""
    return " ".join(html.unescape(_TAG.sub(" ", fragment)).split())


def _junk_location(text: str) -> bool:
    """True for the parser's bad guesses ("Frontend, Backend,", "Redux), Fullstack,", "Full Time, ONSITE")."""
    t = html.unescape(text).strip()
    return (t.endswith(",") or bool(re.search(r"[()&/;]", t)) or len(t.split()) > 5
            or bool(_ROLE.search(t) or _JOB_TYPE.search(t) or _ONSITE.search(t) or _MONEY.search(t))
            or not t[:1].isupper())


def _in_header(text: str, head: dict[str, Any]) -> bool:
    """True when the parser's location guess is really the company or title ("Wag Labs, Inc."), or the first
    of several places a header cell lists ("Dayton, OH" of "Dayton OH, Tempe AZ", taken for the title): commas
    are set aside in the comparison (sixteenth round)."""
    guess = _unpunctuated(text)
    return any(guess in _unpunctuated(str(head.get(k) or "")) for k in ("company", "title"))


def _unpunctuated(text: str) -> str:
    return " ".join(text.lower().replace(",", " ").replace(";", " ").split())


# "Berlin, Germany", "Chicago, IL", "FAYETTEVILLE, AR": a city and its region or country, nothing else
_CITY_COMMA = re.compile(r"[A-Z][\w.'-]+( [A-Z][\w.'-]+)?, [A-Z][\w.'-]+( [A-Z][\w.'-]+)?")


# a web address: its country domain (".co.uk", ".de") names no place (forty-seventh round)
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.I)


def _looks_like_place(part: str) -> bool:
    part = _WEB_ADDRESS.sub(" ", part).strip()
    if _STATE_CODE.search(part) or _PLACE.search(part):
        return True
    if re.fullmatch(r"[A-Z][\w.'-]+( [A-Z][\w.'-]+)?, [A-Z][\w.'-]+( [A-Z][\w.'-]+)?", part):
        return True
    # Any other place the gazetteer knows ("Redwood City", "Bengaluru"), capitalised as places are.
    return part[:1].isupper() and len(part.split()) <= 4 and parse_location(part).country is not None


# "Tulsa / Dayton", "Sevilla & Valencia", "Osaka and Oakland", "Red Deer, Alberta / Saint John, New Brunswick"
_PLACE_LIST = re.compile(r"\s*(?:/|&|;|\band\b)\s*")


def _lists_places(part: str) -> bool:
    """Whether a header cell lists several places and nothing else (fifty-second round): the flag characters
    ("/", "&") hid it from the one-place test, so the parser's guess or nothing was the location."""
    pieces = [p.strip(" ,;") for p in _PLACE_LIST.split(_BRACKETED_END.sub("", part))]
    return len(pieces) >= 2 and all(p and _looks_like_place(p) for p in pieces)


def _district_in_brackets(part: str) -> bool:
    """"Los Angeles (West Hollywood)", "Boston (Cambridge)": one place and a district in brackets after it
    (not "Helsinki (FI), Hamburg (DE)", two places, nor "Visa OK (TN, OPT)", a flag)."""
    if not part.endswith(")"):
        return False
    place = _BRACKETED_END.sub("", part)
    return (bool(place) and not re.search(r"[(),;/&]", place) and not _VISA.search(place)
            and not _FLAG_WORDS.search(place) and _looks_like_place(place))


_URL_TOKEN = re.compile(r"\S*(?:https?://|www\.|\b[\w-]+\.(?:com|io|co|org|net|ai|dev|app|ly|me|us|de|uk)/)\S*",
                        re.I)


def _split_header(line: str) -> list[str]:
    if "|" in line:
        return [p.strip() for p in line.split("|") if p.strip()]
    if len(line) <= 160:
        # a web address's slashes separate no cells ("..., ONSITE https://acme.example/careers/data-engineer"
        # was cut into its path's pieces, the last one read as the title)
        masked = _URL_TOKEN.sub(lambda m: m[0].replace("/", "\x00"), line)
        for sep in (" — ", " – ", " - ", " / ", "/"):
            parts = [p.strip().replace("\x00", "/") for p in masked.split(sep) if p.strip()]
            if len(parts) >= (3 if sep == "/" else 2):
                return parts
    m = _HIRING.match(line)
    return [m[1].strip()] if m else []


def _with_other_places(cells: list[str]) -> str:
    """The first place cell, with the later place cells that name somewhere else joined to it by " / " (a list
    the location parser reads: two countries -> none, two regions -> the country only). "Leeds, UK | Pune",
    "Denver, CO | Raleigh, NC": the header lists the job's places, so the first alone gave one place's country
    and region (seventy-ninth round, real-fresh-v73 Hacker News 2018-02 #146). A cell scoping remote work
    ("REMOTE (US only)") adds no place; nor does a cell of the same place or its country ("NYC | New York",
    "Denver, CO | USA"). A first cell the parser cannot place ("Sysadmin, Junior Sysadmin", a role shaped like
    "<Word>, <Word>" or holding the parser's junk guess) gives way to the first later cell it can place, but
    not to a remote scope naming no region ("REMOTE (US only)" beside a list of offices in several countries
    the cells missed; "Tulsa, OK or REMOTE" is a place)."""
    if len(cells) == 1:
        return cells[0]  # most headers: nothing to parse here (the extraction parses it, cached, later)
    at = next((i for i, cell in enumerate(cells) if parse_location(cell).country is not None
               and (i == 0 or not _REMOTE.search(cell) or parse_location(cell).region is not None)), None)
    if at is None:
        return cells[0]
    first = cells[at]
    here = parse_location(first)
    places = [first]
    for cell in cells[at + 1:]:
        if _REMOTE.search(cell):
            continue
        there = parse_location(cell)
        if there.country is not None and (there.country != here.country
                                          or (there.region and here.region and there.region != here.region)):
            places.append(cell)
    return " / ".join(places)


def _keyed(body: str) -> dict[str, str]:
    """The ``Company: X<p>Position: Y<p>Location: Z`` style, read from the first segments."""
    found: dict[str, str] = {}
    for seg in re.split(r"<p>|\n", body)[:8]:
        m = _KEYED.match(_plain(seg))
        if m:
            found.setdefault(m[1].lower(), m[2].strip())
    return found if "company" in found else {}


def parse_header(body: str, hint: str | None = None) -> dict[str, Any]:
    """The headline fields of one comment: company, title, location, salary, job_type, remote.

    ``hint`` is the parser's location guess: a header part containing it is the location.
    """
    out: dict[str, Any] = {}
    keyed = _keyed(body)
    if keyed:
        out["company"] = keyed["company"]
        out["title"] = (
            keyed.get("position") or keyed.get("title") or keyed.get("job title") or keyed.get("role")
        )
        out["location"] = keyed.get("location")
        out["salary"] = keyed.get("salary") or keyed.get("compensation")
        line = " | ".join(
            v for k, v in keyed.items() if k in ("location", "remote", "type", "job type", "position")
        )
        parts: list[str] = []
    else:
        line = _header_line(body)
        parts = _split_header(line)
    if _REMOTE.search(line) and not _NO_REMOTE.search(line):
        out["remote"] = True
    elif _ONSITE.search(line) or _NO_REMOTE.search(line):
        out["remote"] = False
    jt = _JOB_TYPE.search(line)
    if jt:
        out["job_type"] = jt[0]
    if not keyed and (len(parts) <= 1 or "|" not in line):
        # a header-less comment whose first sentence places its openings ("Acme has openings onsite in
        # downtown Leeds UK: ..."): one place, not a list of them
        placed = _OPENINGS_IN.search(line)
        if placed and not out.get("location") and not _LIST_GOES_ON.match(line, placed.end()) \
                and parse_location(placed[1]).country is not None:
            out["location"] = placed[1]
    if not parts:
        return {k: v for k, v in out.items() if v is not None}

    parser_loc = hint if hint and not _junk_location(hint) else None
    kinds: list[str] = []
    for i, part in enumerate(parts):
        rest = _FLAG_WORDS.sub(" ", part).strip(" ,;")
        if _URL.search(part) and len(part.split()) <= 3:
            kinds.append("url")
        elif _MONEY.search(part) and not (_FUNDING.search(part) and not re.search(r"\d\s?[kK]\b", part)):
            kinds.append("salary")
        elif i > 0 and parser_loc and parser_loc.lower() in part.lower() and not _STRONG_ROLE.search(part):
            kinds.append("place")
        elif i > 0 and _ROLE.search(part):
            kinds.append("role")
        elif i > 0 and rest and (_looks_like_place(rest) or _district_in_brackets(part)
                                 or _lists_places(part)):
            kinds.append("place")
        elif _JOB_TYPE.search(part) or _REMOTE.search(part) or _ONSITE.search(part) or _VISA.search(part):
            kinds.append("flag")
        else:
            kinds.append("plain")
    company_i: int | None = 0
    if (kinds[0] == "plain" and "place" not in kinds and "plain" in kinds[1:]
            and _CITY_COMMA.fullmatch(parts[0]) and parse_location(parts[0]).country is not None):
        # "Leeds, UK | Acme Ltd | Senior Engineer | ONSITE": the place first, the company after it
        kinds[0] = "place"
        company_i = kinds.index("plain", 1)
    elif (kinds[0] == "plain" and "place" not in kinds and parser_loc
          and _unpunctuated(parts[0]).startswith(_unpunctuated(parser_loc)) and _looks_like_place(parts[0])
          and parse_location(parts[0]).country is not None):
        # "Boise | Acme | Engineers", "Tulsa, OK | Full time | ONSITE": the place first, named by the parser's
        # guess too, with a company after it or none at all (seventy-first round); it had been the company.
        # The cell opens with the guess: "Acme - Oakland, CA" is a company and its place (read below)
        kinds[0] = "place"
        # the company is a plain cell before the role ("London | Engineers | React | Node" names none)
        role_at = kinds.index("role") if "role" in kinds else len(kinds)
        company_i = next((i for i in range(1, role_at) if kinds[i] == "plain"), None)
    elif _STRONG_ROLE.search(parts[0]) and not any(_STRONG_ROLE.search(p) for p in parts[1:]):
        # "VP Marketing | Toronto, ON | Full-time | HigherMe": the role comes first, the company later (if at
        # all)
        company_i = kinds.index("plain", 1) if "plain" in kinds[1:] else None
        kinds[0] = "role"
    if company_i is not None:
        out["company"] = re.sub(r"\s*\((www\.|https?://)[^)]*\)\s*$", "", parts[company_i]) or None
        kinds[company_i] = "company"
    if "role" in kinds:
        out["title"] = parts[kinds.index("role")]
    elif len(parts) > 1 and kinds[1] == "plain":
        out["title"] = parts[1]
    if "place" in kinds:
        out["location"] = _with_other_places([p for p, k in zip(parts, kinds) if k == "place"])
    else:
        # "SF or Remote (US only)", "Edinburgh and REMOTE": a flag part that also names somewhere
        for p, k in zip(parts, kinds):
            # "Onsite in Denver": the place after the flag's preposition (forty-seventh round)
            rest = re.sub(r"^(?:in|at)\s+", "", _FLAG_WORDS.sub(" ", p).strip(" ,;"))
            if k == "flag" and rest[:1].isupper() and not _VISA.search(p):
                out["location"] = p
                break
    if "salary" in kinds:
        out["salary"] = parts[kinds.index("salary")]
    if not out.get("location") and out.get("company"):
        # "Babylist - Oakland, CA | Full Time | ONSITE": the place written after the company's name
        pieces = re.split(r"\s+[-–—]\s+", out["company"])
        if len(pieces) > 1 and _looks_like_place(pieces[-1].strip(" ,;")):
            out["location"] = pieces[-1].strip(" ,;")
            out["company"] = " - ".join(pieces[:-1])
    return {k: v for k, v in out.items() if v is not None}
