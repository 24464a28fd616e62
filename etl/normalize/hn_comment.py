"""The typed Hacker News comment reader: a "Who is hiring?" comment read ONCE into an :class:`HNComment`.

Why: a comment is a header line of cells ("Acme | Senior Engineer | Berlin or REMOTE | Full-time | $150k")
and a body that often lists the roles. Seventy-odd tuning rounds read that structure with separate rules,
each for the shape it had just met (the adapter's header parser, and in etl/normalize/seniority.py the
header-cell, level-cell, listed-cell, department-cell, next-line and first-bullet readings), and each round
lifted its own batch and not the next: 21 of 28 out-of-sample seniority misses from `real-fresh-v43` on were
comment structure (docs/methodology.md, "Seniority: the structure of out-of-sample misses"). Here the
structure is read once and typed, and the fields read the typed value:

* every header cell gets a kind (``CELL_KINDS``): company, role, level ("Junior & Senior"), place,
  arrangement (remote / onsite / hybrid words), pay, job type, visa, url, team ("Engineering"), listed
  ("Multiple Positions": the roles are listed below) or blurb (a remark: "Team of 4 in two towns"). The
  headline reading (company, title, place, pay, job type, remote) is the adapter's, but for the title; the
  cues are data: etl/data/hackernews_header.yaml (role, place, flag and title words) and
  etl/data/seniority.yaml (level, department and list words, which the seniority rules share);
* the roles are a list: the header's role cells in order (a cell listing several, "Junior <role>, VP
  <area>", split where every part names a role, or where read whole it would take a later role's level:
  :func:`_first_role_first`), the level cells belonging to the first; when the header
  names none, the body's first listed role (the role alone on the next line, the first role line under a
  "Multiple Positions" or department cell, the first bulleted role - also "Mid/Senior <area> (<stack>)" and
  "<role> (Midlevel, ...)"); with no header at all, a first line that is a title.

The extraction (etl/extract.py) passes the roles of a ``hackernews`` posting to
:func:`etl.normalize.seniority.classify_seniority`: the first role is what rule 1 reads (the first-role
ruling: a later role's level, or one from a cell that is no role, never decides), a written range of levels
gives its lower end once and two levels offered the first named (lead ruling, ninth session), and the text's
own header-line and listed-role readings are skipped for such a posting. The posting's title names a role the
comment offers (the lead's ruling, branch hhnt): the header's role cell as written, else the first role the
body lists, else none - a "Multiple Positions", team, level or blurb cell is no title (:func:`_title`).

Pure: it reads no file but the two data files (once per process) and keeps no state but an LRU cache of
comments already read (the adapter and the extraction read each comment). It lives beside the normalisers,
not in etl.sources: the extraction imports it, and etl.sources reaches etl.extract through etl.columnar.
"""

from __future__ import annotations

import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import pycountry

from etl.normalize.location import parse_location
from etl.normalize.location_data import aliases, norm_key
from etl.normalize.seniority import (
    HIRING_LINE,
    ROLE_NOUNS,
    first_listed_role,
    level_cell,
    seniority_rules,
    title_level,
)
from etl.normalize.seniority import config as seniority_config
from etl.yaml_data import load_yaml

HEADER_WORDS = Path(__file__).resolve().parents[1] / "data" / "hackernews_header.yaml"
WORD_LISTS = ("roles", "title_nouns", "strong_roles", "onsite", "job_types", "visa", "flag_words", "places",
              "text_place_verbs", "text_place_offices", "text_place_moves", "text_place_seats",
              "anywhere_cells", "anywhere_words", "team_remote",
              "place_line_keys", "company_sentence_verbs", "company_sentence_openers")


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
_ANYWHERE = re.compile(rf"(?:{_any('anywhere_cells')})(?:\s*\([^()]*\))?", re.I)
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
# a list of places goes on after a text place only with another name ("in Leeds, Oslo and Boise"): a comma
# before a lower-case clause ends the sentence's place ("relocate to <country>, drop me a line";
# hundred-and-fourth round)
_TEXT_LIST_GOES_ON = re.compile(r"\s*(?:,|&|/|\band\b|\bor\b)(?!\s*(?!(?:and|or)\b)[a-z])")
# the keyed style's keys; its place key is any of place_line_keys ("Location:", "Locations:", the short
# "Loc:": ninety-sixth round), read as "location"
_KEYED = re.compile(r"^(company|position|title|role|job title|salary|compensation|remote|type|job type|"
                    rf"{_any('place_line_keys')})\s*:\s*(.+)$", re.I)
_PLACE_KEY = re.compile(_any("place_line_keys"), re.I)


def _by_first_letter(names: list[str]) -> str:
    """The alternation of ``names`` (regular-expression fragments, in order) with the names opening with the
    same ASCII letter or digit (case aside) under one branch ("a(?:lbania|lgeria)|b(?:...)"); a name opening
    otherwise, or holding "|" or a quantifier after its first character, stands whole. Under re.I it finds a
    name wherever the plain alternation does (at a place only the names opening with the character there
    can match, in their order), but the engine tries one branch a letter, not every name: about a quarter of
    the plain one's cost over the real exports' header cells (about 20 µs a cell)."""
    groups: dict[str, list[str]] = {}
    for name in names:
        whole = (not (name[:1].isascii() and name[:1].isalnum()) or "|" in name
                 or name[1:2] in ("?", "*", "+", "{"))
        key = "" if whole else name[0].lower()
        groups.setdefault(key, []).append(name if whole else name[1:])
    return "|".join(f"{key}(?:{'|'.join(rest)})" if key else "|".join(rest) for key, rest in groups.items())


_PLACE_NAMES = sorted(
    {re.escape(c.name) for c in pycountry.countries if "," not in c.name}
    | {re.escape(s.name) for s in pycountry.subdivisions.get(country_code="US") or []}
    | set(header_words()["places"]),
    key=len, reverse=True)
_PLACE = re.compile(r"\b(" + _by_first_letter(_PLACE_NAMES) + r")\b", re.I)


_NAME_LINE_WORDS = 4  # "Acme https://acme.example": a company's name line, no header cells
_PIPED_LINE_CHARS = 150  # a header line, not a paragraph that happens to hold a "|"
_CELL_WORDS = 12  # a header cell longer than this is the text run on after the header
_SENTENCE_END = re.compile(r"[a-z]{2}[.!?] +[A-Z]")


def _header_line(body: str) -> str:
    """The comment's first line, tags stripped; the line after it when the first is a pasted vote line; the
    first line and a piped line below it as one header when the first is a bare name ("Acme <url>" above
    "Leeds|Glaze Engineer|Onsite", a dashed rule between them allowed: eighty-second round); the first line
    and the next one's cells when the first ends with a cell separator (later batch real-later-v28). A first
    line quoting the thread page's vote line is no line of the comment (:func:`without_vote_line`)."""
    first, *rest = re.split(r"<p>|\n", without_vote_line(body), maxsplit=4)
    line = _plain(first)
    # a header line broken after a cell separator ("Acme | Glaze Engineer |" above "Leeds, UK | Onsite"): the
    # next piped line holds the header's other cells, up to a cell that runs into the text (a sentence, or
    # more words than a cell holds: "ONSITE We are a small team that ..."; later batch real-later-v28)
    if line.endswith("|") and rest:
        going_on = next((p for p in map(_plain, rest[:2]) if p.strip("-–— ")), "")
        if "|" in going_on:
            cells: list[str] = []
            for cell in going_on.split("|"):
                if _SENTENCE_END.search(cell) or len(cell.split()) > _CELL_WORDS:
                    break
                cells.append(cell.strip())
            if any(cells):
                return " | ".join([line.rstrip("| "), *cells])
    # the name without its address; a line that hires or introduces ("Acme is hiring!", "Acme: <url>") is no
    # bare name (its own readings stay)
    name = re.sub(r"\s*\(?(?:https?://|www\.)\S*", "", line).strip()
    if ("|" not in line and 0 < len(name.split()) <= _NAME_LINE_WORDS and not name.endswith(":")
            and not re.search(r"\bhiring\b", name, re.I)):
        below = [p for p in map(_plain, rest[:3]) if p.strip("-–— ")][:2]
        piped = next((p for p in below if "|" in p and len(p) < _PIPED_LINE_CHARS), None)
        if piped:
            return f"{name} | {piped}"
    # a paragraph before the header line ("<Company> is hiring for <area>. We build ..." above "<Company> |
    # <Level> <role> | <city> | ONSITE"): a first line with more words than a cell holds and a sentence end,
    # then a piped line of three cells or more, one a role or an arrangement cell - that line is the header
    # (later batch real-later-v67); a piped line of stack words below a paragraph is no header
    if rest and "|" not in line and len(line.split()) > _CELL_WORDS and _SENTENCE_END.search(line):
        second = next((p for p in map(_plain, rest[:2]) if p.strip("-–— ")), "")
        if (second.count("|") >= 2 and len(second) < _PIPED_LINE_CHARS and not _SENTENCE_END.search(second)
                and any(_HEADER_ROLE_CELL.search(c) or _ONSITE.search(c) or _REMOTE.search(c)
                        for c in second.split("|"))):
            return second
    return line


def _anywhere(part: str) -> bool:
    """A header cell saying only that the work is done from anywhere ("Anywhere", "Worldwide"): remote."""
    return bool(_ANYWHERE.fullmatch(part.strip()))


# "<place> and distributed", "Anywhere or <place>": a place or anywhere, in one header cell
# (hackernews_header.yaml's anywhere_words; later batch real-later-v121)
_ANYWHERE_JOINED = re.compile(
    rf"(?:{_any('anywhere_words')})\s*(?:\bor\b|\band\b|/|&)\s*(?P<after>.+)"
    rf"|(?P<before>.+?)\s*(?:\bor\b|\band\b|/|&)\s*(?:{_any('anywhere_words')})", re.I)


def _anywhere_or_place(part: str) -> bool:
    """A header cell joining a place with a word for working from anywhere ("San Francisco, CA and
    distributed", "Anywhere or SF"): an office-or-remote choice, remote."""
    m = _ANYWHERE_JOINED.fullmatch(part.strip())
    if m is None:
        return False
    place = (m["after"] or m["before"] or "").strip(" ,;")
    return bool(place) and _looks_like_place(place)


def _header_names_a_place(body: str) -> bool:
    """Whether a cell after the first of the comment's header line looks like a place."""
    parts = _split_header(_header_line(body))
    return any(_looks_like_place(_FLAG_WORDS.sub(" ", part.split("(")[0]).strip(" ,;"))
               for part in parts[1:])


# characters that show nothing: a soft hyphen inside "Full-time" hid the job type, which became the company
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")
_LINE_BREAK = re.compile(r"<p>|\n|<br\s*/?>")  # a paragraph or a line break ends a line of the text


# the thread page's vote line, kept when a comment is pasted again from the page ("8 points by someone 30
# days ago | parent [-] | on: Ask HN: Who is hiring? (January 2018)"; forty-seventh round, real-fresh-v41;
# twenty-sixth session, lead ruling 4 on real-later-v123): "<n> point(s) by <user> <n> <unit>s ago", then the
# page's links if any ("| parent", "| edit | delete", "| on: <thread title>", each maybe "[-]" / "[–]" after
# it); the line without points ("<user> <n> days ago | parent | next [–]") only with a page link. The whole
# line, so a header cell or a sentence that mentions points is none.
_AGO = r"(?:\d+|an?)\s+(?:second|minute|hour|day|week|month|year)s?\s+ago"
_PAGE_LINKS = (r"(?:\s*\|\s*(?:parent|next|prev|root|context|edit|delete|flag|favorite|vouch|unvote|undown"
               r"|on:.*)(?:\s*\[[-–+]\])?)")
_VOTE_LINE = re.compile(
    rf"(?:\[[-–+]\]\s*)?(?:\d+\s+points?\s+by\s+\S+\s+{_AGO}(?:\s*\[[-–+]\])?{_PAGE_LINKS}*"
    rf"|\S+\s+{_AGO}(?:\s*\[[-–+]\])?{_PAGE_LINKS}+)\s*", re.I)
_VOTE_LINE_CHARS = 300  # the page's line is short; a longer first line is the comment's own


def without_vote_line(body: str) -> str:
    """The comment ``body`` without a first line that quotes the thread page's vote line (a comment pasted
    again from the page): the text after that line's break, which every reader of "the first line" (the
    header, the title, the roles, the body's lines) then reads; ``body`` itself otherwise, and when nothing
    follows the line. The one place the line is recognised (the adapter drops it from the posting's text as
    well, so the text's readers downstream never see it)."""
    m = _LINE_BREAK.search(body, 0, _VOTE_LINE_CHARS)
    if m is None or " ago" not in body[: m.start()]:
        return body  # most comments: no break early, or no "ago" before it
    rest = body[m.end():]
    if not _VOTE_LINE.fullmatch(_plain(body[: m.start()])) or not _plain(rest):
        return body
    return rest


def _plain(fragment: str) -> str:
    """Tags stripped, then entities unescaped, invisible characters dropped, whitespace collapsed. Each step
    is skipped where it can change nothing (no "<", no "&", only ASCII after unescaping: the invisible
    characters are not ASCII): a comment's lines are read this way, about 10 a comment."""
    text = _TAG.sub(" ", fragment) if "<" in fragment else fragment
    text = html.unescape(text) if "&" in text else text
    return " ".join((text if text.isascii() else _INVISIBLE.sub("", text)).split())


def _junk_location(text: str) -> bool:
    """True for the parser's bad guesses ("Frontend, Backend,", "Redux), Fullstack,", "Full Time, ONSITE")."""
    t = html.unescape(text).strip()
    return (t.endswith(",") or bool(re.search(r"[()&/;]", t)) or len(t.split()) > 5
            or bool(_ROLE.search(t) or _JOB_TYPE.search(t) or _ONSITE.search(t) or _MONEY.search(t))
            or not t[:1].isupper())


def _unpunctuated(text: str) -> str:
    return " ".join(text.lower().replace(",", " ").replace(";", " ").split())


# "Berlin, Germany", "Chicago, IL", "FAYETTEVILLE, AR": a city and its region or country, nothing else
_CITY_COMMA = re.compile(r"[A-Z][\w.'-]+( [A-Z][\w.'-]+)?, [A-Z][\w.'-]+( [A-Z][\w.'-]+)?")


# a web address: its country domain (".co.uk", ".de") names no place (forty-seventh round)
_WEB_ADDRESS = re.compile(r"\b(?:https?://|www\.)\S+", re.I)


def _looks_like_place(part: str) -> bool:
    # a web address holds "/" ("http://") or "." ("www."): without either the substitution changes nothing
    part = (_WEB_ADDRESS.sub(" ", part) if "/" in part or "." in part else part).strip()
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


# "Tulsa OK, Dayton OH, Boise ID": cities each with its state code, commas between them (eighty-seventh round)
_CODED_CITY = re.compile(r"[A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,3} [A-Z]{2}")


def _lists_coded_cities(part: str) -> bool:
    """Whether a header cell is a comma list of cities written with their state codes and nothing else: too
    long for the one-place test and with no "/" or "&" for the list test, it had been a blurb."""
    pieces = [p.strip() for p in part.split(",")]
    return (len(pieces) >= 2 and all(_CODED_CITY.fullmatch(p) and parse_location(p).city for p in pieces)
            and parse_location(part).country is not None)


def _place_text(part: str) -> str:
    """A place cell as the location parser reads a list of places: the places it lists joined by " / "
    ("Ann Arbor & Oslo" -> "Ann Arbor / Oslo"; hhn's v71 round: the parser read "&" and "and" as part of
    one name, so the last place decided), else the cell itself."""
    if "/" not in part and _lists_places(part):
        pieces = [p.strip(" ,;") for p in _PLACE_LIST.split(_BRACKETED_END.sub("", part))]
        if all(_one_place(p) for p in pieces):
            return " / ".join(pieces)
    return part


def _one_place(piece: str) -> bool:
    """Whether a piece names one place, its region or country after a comma at most ("Leeds, UK"), not a
    comma list of places ("Tulsa OK, Dayton OH")."""
    return all(parse_location(after).city is None for after in piece.split(",")[1:])


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


# A place the text says the openings are in, for a comment whose header names none (eighty-second round):
# "is hiring <roles> in Leeds.", "for our Tampere (Finland) office", "join the <area> team in Utrecht, NL."
# The place ends its clause (a list "in Leeds, Oslo and Boise" is not one place); the cue words are
# hackernews_header.yaml's text_place_verbs, text_place_offices and (eighty-fifth round: "relocate to the
# Leeds area") text_place_moves.
_TEXT_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_TEXT_PLACE_NAME = rf"({_TEXT_NAME}(?:,\s*{_TEXT_NAME})?(?:\s*\([A-Z][\w ]*\))?)"
_TEXT_PLACE_END = r"(?=\s*(?:[.!?,;:)]|$))"
_TEXT_PLACES = (
    re.compile(rf"\b(?:{_any('text_place_verbs')})\s+in\s+{_TEXT_PLACE_NAME}{_TEXT_PLACE_END}"),
    re.compile(rf"\b(?:[Oo]ur|[Tt]he)\s+{_TEXT_PLACE_NAME}\s+(?:{_any('text_place_offices')})\b"),
    re.compile(rf"\b(?:[Oo]ur|[Tt]he)\s+(?:{_any('text_place_offices')})\s+in\s+{_TEXT_PLACE_NAME}"
               rf"{_TEXT_PLACE_END}"),
    # "willing to relocate to the Leeds area (we help)": a metro word may follow the name, a bracket end it
    re.compile(rf"\b(?i:{_any('text_place_moves')})\s+to\s+(?:the\s+)?({_TEXT_NAME}(?:\s+(?:city|area|metro|"
               rf"metropolitan|region))*(?:,\s*{_TEXT_NAME})?)(?=\s*(?:[.!?,;:()]|$))"),
    # "a fast-growing Leeds-based software company", "a Calgary based startup": the employer's seat written as
    # an adjective (later batch real-later-v74); up to three words before the noun, no joining word
    re.compile(rf"\b{_TEXT_PLACE_NAME}[- ]based\s+"
               rf"(?:(?!(?:and|or|of|our|the|with|for)\b)[\w/&.+-]+\s+){{0,3}}?(?:{_any('text_place_seats')})\b"),
)
# the readings whose place comes before its noun ("our Leeds office", "a Leeds-based company"): a list after
# the place is not theirs to check
_NOUN_AFTER_PLACE = (1, 4)


def _text_place(body: str, window: int = 3000) -> str | None:
    """The one place the comment's text says its openings are in (the first such sentence's), else None: none
    named, a list of places, or sentences naming places in two regions."""
    found: list[str] = []
    seen = 0
    for line in (_plain(seg) for seg in re.split(r"<p>|\n|<br\s*/?>", body)):
        if seen > window:
            break
        seen += len(line)
        for i, rx in enumerate(_TEXT_PLACES):
            for m in rx.finditer(line):
                if i not in _NOUN_AFTER_PLACE and _TEXT_LIST_GOES_ON.match(line, m.end()):  # "in Leeds, Oslo"
                    continue
                if parse_location(m[1]).country is not None:
                    found.append(m[1])
    places = {(loc.country, loc.region) for loc in map(parse_location, found)}
    return found[0] if len(places) == 1 else None


_PLACE_LINE = re.compile(rf"[\s*•·-]*(?:{_any('place_line_keys')})\s*:\s*(.{{2,120}})", re.I)
_PLACE_PIECES = re.compile(r"\s*(?:[,;/|&()]|\bor\b|\band\b)\s*", re.I)


def _place_line(body: str) -> str | None:
    """The places a keyed line of the text names ("Locations: Leeds, Oslo, (remote for seniors)"), when one of
    its pieces is a place; else None (eighty-third round)."""
    if "ocation" not in body and "OCATION" not in body:
        return None  # most comments: no such line
    for seg in re.split(r"<p>|\n|<br\s*/?>", body)[1:]:
        m = _PLACE_LINE.fullmatch(_plain(seg))
        value = _WEB_ADDRESS.sub(" ", m[1]).strip(" |,;-–—") if m else ""  # "<city> | <careers link>"
        if value and any(parse_location(p).country for p in _PLACE_PIECES.split(value) if p.strip()):
            return value
    return None


# the dashes that may join a role cell's own cells inside a piped header ("<role> - <city> - REMOTE OK"), or a
# company and its place in the first cell; two or three hyphens are a dash typed on a keyboard ("<company> --
# <city>, <province>, <country>"; later batch real-later-v63)
_CELL_DASH = re.compile(r"\s+(?:-{1,3}|[–—])\s+")


def _dashed_cells(cell: str) -> list[str]:
    """A piped header's role cell that holds further cells after dashes ("Clojure Engineer - Leeds - REMOTE
    OK"; ninety-second round): its pieces, when the first names a role and every later piece is a place or a
    flag, one of them a place; else the cell whole ("<role> - Backend", "<role> - Remote")."""
    pieces = [p.strip() for p in _CELL_DASH.split(cell)]
    if len(pieces) < 2 or not all(pieces) or not _ROLE.search(pieces[0]):
        return [cell]
    rests = [" ".join(_FLAG_WORDS.sub(" ", p).split()).strip(" ,;") for p in pieces[1:]]
    # a place the gazetteer knows, a few words at most ("Rails, Emberjs" and "Machine Learning, Web" are
    # shaped like "<city>, <state>" but name nowhere); a flag piece is mode or job-type words only
    places = [bool(rest) and len(rest.split()) <= 4
              and not (_ROLE.search(piece) or _URL.search(piece) or _MONEY.search(piece))
              and parse_location(rest).country is not None
              for piece, rest in zip(pieces[1:], rests, strict=True)]
    if any(places) and all(place or not rest for place, rest in zip(places, rests, strict=True)):
        return pieces
    return [cell]


def _bracketed_pipes(line: str) -> str:
    """``line`` with each "|" inside brackets masked: "Acme (YC S15 | <program>) | Leeds" has two cells, not
    three (branch hext: the company read "Acme (YC S15")."""
    if "(" not in line:
        return line
    out = list(line)
    opened: list[list[int]] = []  # per open bracket, the "|" inside it; masked once it closes
    for i, ch in enumerate(line):
        if ch == "(":
            opened.append([])
        elif ch == ")" and opened:
            inner = opened.pop()
            for at in inner:
                out[at] = "\x01"
            if opened:
                opened[-1].extend(inner)
        elif ch == "|" and opened:
            opened[-1].append(i)
    return "".join(out)  # a bracket never closed ("<role> (<stack> | <url> | ...") masks nothing


# a last header cell that is a web address and then the comment's first sentence, written on the same line
_RUN_ON_TEXT = re.compile(r"((?:https?://|www\.)\S+)\s+((?:\S+\s+){4,}\S+)")


def _split_header(line: str) -> list[str]:
    if "|" in line:
        cells = [p.strip().replace("\x01", "|") for p in _bracketed_pipes(line).split("|") if p.strip()]
        if cells and (ran := _RUN_ON_TEXT.fullmatch(cells[-1])) and _SENTENCE_WORD.search(ran[2]):
            cells[-1] = ran[1]  # "... | <careers url> We provide a platform ...": the text ran on
        return [cells[0], *(piece for cell in cells[1:] for piece in _dashed_cells(cell))] if cells else cells
    if len(line) <= 160:
        # a web address's slashes separate no cells ("..., ONSITE https://acme.example/careers/data-engineer"
        # was cut into its path's pieces, the last one read as the title)
        masked = _URL_TOKEN.sub(lambda m: m[0].replace("/", "\x00"), line)
        for sep in (" — ", " – ", " - ", " / ", "/"):
            parts = [p.strip().replace("\x00", "/") for p in masked.split(sep) if p.strip()]
            if len(parts) >= (3 if sep == "/" else 2):
                if sep in (" — ", " – ", " - ") and len(parts) == 2 and parts[1].count(" / ") >= 2:
                    # "Acme - Senior Kiln Engineer / Leeds, England / Full time / ONSITE": the company, then
                    # cells split by a second separator (hhn's v71 round)
                    return [parts[0], *(p.strip() for p in parts[1].split(" / ") if p.strip())]
                return parts
    m = _HIRING.match(line)
    return [m[1].strip()] if m else []


def _with_other_places(cells: list[str]) -> str:
    """The first place cell, with the later place cells that name somewhere else joined to it by " / " (a list
    the location parser reads: two countries -> none, two regions -> the country only). "Leeds, UK | Pune",
    "Denver, CO | Raleigh, NC": the header lists the job's places, so the first alone gave one place's country
    and region (seventy-ninth round, real-fresh-v73 Hacker News 2018-02 #146). A cell scoping remote work
    ("REMOTE (US only)") adds no place, a place cell offering remote too ("Tulsa, OK or REMOTE") does (review
    hrev8); nor does a cell of the same place or its country ("NYC | New York", "Denver, CO | USA"). A
    first cell the parser cannot place ("Sysadmin, Junior Sysadmin", a role shaped like
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
        there = parse_location(cell)
        if _REMOTE.search(cell) and there.region is None:  # a remote scope, as for the first cell
            continue
        if there.country is not None and (there.country != here.country
                                          or (there.region and here.region and there.region != here.region)):
            places.append(cell)
    return " / ".join(places)


def _keyed(body: str) -> dict[str, str]:
    """The ``Company: X<p>Position: Y<p>Location: Z`` style, read from the first segments. A "Company:" line
    that is a paragraph about the company ("COMPANY: <name>'s mission is ...", below a piped header) names
    none: the comment is not of this style, and its header is read (branch hext: the company read a
    414-character paragraph)."""
    found: dict[str, str] = {}
    if "ompany" not in body[:2000] and "OMPANY" not in body[:2000]:
        return found  # no "Company:" line: most comments (a cheap test before unescaping eight segments)
    for seg in re.split(r"<p>|\n", body)[:8]:
        m = _KEYED.match(_plain(seg)) if ":" in seg or "&#" in seg else None
        if m:
            found.setdefault("location" if _PLACE_KEY.fullmatch(m[1]) else m[1].lower(), m[2].strip())
    return found if _company_name(found.get("company")) else {}


# The company cell as a name (branch hext, QA round twenty-two): its web address is not part of the name, a
# sentence names no company but the "<Name>" of "<Name> is ..."; the words are hackernews_header.yaml's.
_WEB_TOKEN = re.compile(r"(?:https?:/{0,2}|http//|www\.)\S+", re.I)
_DOMAIN_IN_BRACKETS = re.compile(
    r"[(\[]\s*(?:[\w-]+\.)+(?:com|io|co|org|net|ai|dev|app|ly|me|us|de|uk|tv|pe|ge|ma|design)(?:/\S*)?\s*[)\]]",
    re.I)
_SENTENCE_OPENER = re.compile(rf"(?:{_any('company_sentence_openers')})(?=[\s,!]|$)", re.I)
_NAME_THEN_VERB = re.compile(rf"(.+?)\s+(?:{_any('company_sentence_verbs')})\b", re.I)
_SENTENCE_WORDS = 5


_BARE_DOMAIN = re.compile(r"\b(?:[\w-]+\.)+(?:com|io|co|org|net|ai|dev|app|ly|me|us|de|uk)\b(?:/\S*)?", re.I)


def _pay_text(cell: str | None) -> str | None:
    """The pay cell as the salary text, without the web addresses written into it ("ONSITE, <url>, SALARY:
    80k-150k" -> "ONSITE, SALARY: 80k-150k"; branch hext)."""
    if not cell:
        return None
    text = _BARE_DOMAIN.sub(" ", _WEB_TOKEN.sub(" ", cell))
    text = re.sub(r"\s*([,;|])(?:\s*[,;|])+", r"\1", " ".join(text.split()))  # the separators left doubled
    return text.strip(" ,;|-–—") or None


# a cell written as a name: up to five capitalised words ("Acme News", "ACME LABS"), no list or bracket
_NAME_CELL = re.compile(r"[A-Z0-9][\w.'&!-]*(?:\s+(?:[A-Z0-9][\w.'&!-]*|of|and|&|the|for)){0,4}")


def _place_in_flag(part: str) -> bool:
    """Whether a flag cell also names somewhere ("SF or Remote (US only)", "Edinburgh and REMOTE")."""
    # "Onsite in Denver": the place after the flag's preposition (forty-seventh round)
    rest = re.sub(r"^(?:in|at)\s+", "", _FLAG_WORDS.sub(" ", part).strip(" ,;"))
    # a visa word refuses the cell ("Visa OK (TN, OPT)"), but not one only inside a bracketed note after the
    # place ("ONSITE <city> (relocation provided)"; hundred-and-fourth round)
    return rest[:1].isupper() and not _VISA.search(_BRACKETED_END.sub("", part))


def _city_alone(cell: str) -> bool:
    """Whether a header's first cell names only a city the gazetteer knows: its name (in any case, or one of
    its spellings in ``location_aliases.yaml``), flag words aside, and at most a bracketed note after it that
    moves it nowhere else ("Munich (GER)", "Denver (CO)", "LEEDS", "Santa monica"); not a name holding more
    words ("Leeds Kiln Works") nor a city and a second place (later batch real-later-v74)."""
    note = _BRACKETED_END.search(cell)
    name = cell[: note.start()] if note else cell
    name = re.sub(r"\s+", " ", _ANYWHERE.sub(" ", _FLAG_WORDS.sub(" ", name))).strip(" ,;.-")
    if not name[:1].isupper():
        return False
    alone = parse_location(name)
    if alone.city is None:
        return False
    spellings = [alone.city, *((aliases().get("cities") or {}).get(alone.city) or ())]
    if norm_key(name) not in {norm_key(str(s)) for s in spellings}:
        return False
    whole = parse_location(f"{name} {note.group().strip()}") if note else alone
    return (whole.city, whole.region) == (alone.city, alone.region)


def _names_no_company(cell: str, kind: str) -> bool:
    """Whether a header's first cell is flags only ("REMOTE", "Full Time", "ONSITE (Worldwide)") or a place
    with flags at most ("BOSTON, MA", "Leeds, UK / REMOTE OK in the UK"): it names no company. A visa note
    ("Visa Inc") or a job-type word in a name ("Contract <Name>") leaves a name."""
    if kind not in ("flag", "plain") or _VISA.search(cell):
        return False
    rest = _ANYWHERE.sub(" ", _FLAG_WORDS.sub(" ", cell)).strip(" ,;()")
    if not rest:
        return kind == "flag"
    if _CODED_CITY.fullmatch(rest):  # "BOSTON MA", a city and its state's code (not "<Name> AG", "<Name> IO")
        city, code = rest.rsplit(" ", 1)
        return (parse_location(city).city is not None
                and (parse_location(rest).region or "") == f"US-{code}")
    return bool(_CITY_COMMA.match(rest)) and parse_location(rest.split(",")[0]).city is not None


def _company_name(cell: str | None) -> str | None:
    """The company a header cell names: the cell without its web address ("Acme ( https://acme.example )",
    "Acme www.acme.example - ONSITE" -> "Acme"; the bare address's domain where nothing comes before it), the
    name before the verb of a sentence ("Acme is trying to ..." -> "Acme"), None for a sentence with no such
    name ("We're hiring a <role> ...", "Hi, I'm collecting ...") or a cell of symbols only."""
    if not cell:
        return None
    name = re.sub(r"^[^\w(\[\"'“]+", "", cell).strip()  # an emoji before the name
    at = _WEB_TOKEN.search(name) or _DOMAIN_IN_BRACKETS.search(name)
    if at is not None:
        before = name[: at.start()]
        if before.count("(") > before.count(")"):  # "Acme (YC S14, https://...)": the address's bracket
            before = before[: before.rfind("(")]
        if before.count("[") > before.count("]"):
            before = before[: before.rfind("[")]
        before = before.strip(" -–—/|,:;([")
        if before:
            name = before
        else:
            name = re.sub(r"^(?:https?:/{0,2}|http//)?(?:www\.)?", "", at[0], flags=re.I).split("/")[0]
    words = name.split()
    if not words:
        return None
    if (_SENTENCE_OPENER.match(name) and len(words) >= 3) or name.lower() in ("we", "i"):
        return None  # "We" alone: the subject of "We are hiring ...", which names no one
    if len(words) >= _SENTENCE_WORDS and (m := _NAME_THEN_VERB.match(name)):
        named = m[1].strip(" ,")
        return named if _NAME_CELL.fullmatch(named) else None
    return name


def _header(body: str, hint: str | None = None) -> tuple[dict[str, Any], list[str], list[str]]:
    """The headline fields of one comment: company, title, location, salary, job_type, remote.

    ``hint`` is the parser's location guess: a header part containing it is the location.
    """
    out: dict[str, Any] = {}
    keyed = _keyed(body)
    if keyed:
        out["company"] = _company_name(keyed["company"])
        out["title"] = (
            keyed.get("position") or keyed.get("title") or keyed.get("job title") or keyed.get("role")
        )
        out["location"] = keyed.get("location")
        out["salary"] = _pay_text(keyed.get("salary") or keyed.get("compensation"))
        line = " | ".join(
            v for k, v in keyed.items() if k in ("location", "remote", "type", "job type", "position")
        )
        parts: list[str] = []
    else:
        line = _header_line(body)
        parts = _split_header(line)
    if ((_REMOTE.search(line) or any(_anywhere(p) or _anywhere_or_place(p) for p in parts))
            and not _NO_REMOTE.search(line)):
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
        return {k: v for k, v in out.items() if v is not None}, parts, []

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
                                 or _lists_places(part) or _lists_coded_cities(part)):
            kinds.append("place")
        elif (_JOB_TYPE.search(part) or _REMOTE.search(part) or _ONSITE.search(part) or _VISA.search(part)
              or _anywhere(part)):
            kinds.append("flag")
        else:
            kinds.append("plain")
    company_i: int | None = 0
    if (kinds[0] == "plain" and "plain" in kinds[1:] and _CITY_COMMA.fullmatch(parts[0])
            and ("place" not in kinds or parse_location(parts[0]).city is not None)
            and parse_location(parts[0]).country is not None):
        # "Leeds, UK | Acme Ltd | Senior Engineer | ONSITE": the place first, the company after it; also
        # beside a later place cell when the first names a city ("<city>, <state> | US based only | <role> |
        # Acme": the later cell scopes the country, and had been the place; later batch real-later-v4)
        kinds[0] = "place"
        company_i = kinds.index("plain", 1)
    elif (kinds[0] == "plain" and parser_loc
          and ("place" not in kinds or (_CITY_COMMA.fullmatch(parts[0]) and parse_location(parts[0]).city))
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
    elif _names_no_company(parts[0], kinds[0]) or (
            kinds[0] == "plain" and "place" not in kinds
            and not any(k == "flag" and _place_in_flag(p) for p, k in zip(parts, kinds))
            and _city_alone(parts[0])):
        # "REMOTE | <role> | Acme News", "ONSITE - Leeds", "LEEDS, UK - FULL TIME": flags or a place first;
        # the company is a later plain cell written as a name, or none is named (branch hext: they were it).
        # Also a first cell naming only a city ("Munich (GER) | ONSITE", "LEEDS | Acme | <role>", "Santa
        # monica - onsite.") in a header naming no other place (later batch real-later-v74)
        if kinds[0] == "plain" and "place" not in kinds:
            kinds[0] = "place"
        company_i = next((i for i in range(1, len(parts))
                          if kinds[i] == "plain" and _NAME_CELL.fullmatch(parts[i])), None)
    if company_i is not None:
        out["company"] = _company_name(parts[company_i])
        kinds[company_i] = "company"
    if "role" in kinds:
        out["title"] = parts[kinds.index("role")]
    elif len(parts) > 1 and kinds[1] == "plain":
        out["title"] = parts[1]
    if "place" in kinds:
        out["location"] = _with_other_places([_place_text(p) for p, k in zip(parts, kinds) if k == "place"])
    else:
        # "SF or Remote (US only)", "Edinburgh and REMOTE": a flag part that also names somewhere
        for p, k in zip(parts, kinds):
            if k == "flag" and _place_in_flag(p):
                out["location"] = p
                break
    if "salary" in kinds:
        out["salary"] = _pay_text(parts[kinds.index("salary")])
    if not out.get("location") and out.get("company"):
        # "Babylist - Oakland, CA | Full Time | ONSITE": the place written after the company's name
        pieces = _CELL_DASH.split(out["company"])
        if len(pieces) > 1 and _looks_like_place(pieces[-1].strip(" ,;")):
            out["location"] = pieces[-1].strip(" ,;")
            out["company"] = " - ".join(pieces[:-1])
    return {k: v for k, v in out.items() if v is not None}, parts, kinds


# The cell and line shapes of the roles (moved here from etl/normalize/seniority.py, whose header and list
# readings of comments this reader replaces); the words are etl/data/seniority.yaml's.

# A header cell may name the role with the short "Dev" ("Sr Software Dev"; thirty-eighth round): read in the
# header's cells only, where a cell is a role or a tag, not in running text ("our dev team").
_HEADER_ROLE_CELL = re.compile(rf"\b(?:{ROLE_NOUNS}|dev)s?\b", re.I)


# Cells that list several roles or carry the thread's tags ("Full-time & Interns", "ONSITE, INTERNS, VISA").
_TAG_CELL = re.compile(r"[,&+;]|\s(?:and|or)\s|full[\s-]?time|\binterns\b|\binternships?\b", re.I)


# the role alone on the line after a header naming none ("Glaze Lead"): a title, not a sentence
_TITLE_LINE = re.compile(r"[^\W\d_][\w./+# &-]{2,58}")


_LEAD_END = re.compile(r"\blead$", re.I)


# the role nouns that name a job, not the generic "role", "position" or "opportunity" of a listing cell
_SPECIFIC_ROLE = re.compile(rf"\b(?:{ROLE_NOUNS.replace('|role|position|opportunity', '')}|dev)s?\b", re.I)


def _role_nouns_any(nouns: str) -> re.Pattern[str]:
    """A copy of ``\\b(?:<nouns>)s?\\b`` (re.I) for yes/no tests only, the same truth on every text: the
    nouns opening with one letter under one branch (:func:`_by_first_letter`), and, where every noun opens
    with an ASCII letter, a look-ahead for those letters first, so a place whose character opens no noun is
    left at once instead of every noun tried there. Whether it matches is the same (the alternation's
    language is unchanged and the look-ahead's class under re.I holds exactly the characters that match one
    of the letters); which noun a match spans may differ, so where a match's text is read the plain pattern
    stays. A noun that does not compile alone (a "|" inside brackets) leaves the plain alternation
    (twenty-fifth session, issue 10)."""
    names = nouns.split("|")
    try:
        for name in names:
            re.compile(name)
    except re.error:
        return re.compile(rf"\b(?:{nouns})s?\b", re.I)
    grouped = _by_first_letter(names)
    lead = ""
    if all(n[:1].isascii() and n[:1].isalpha() and n[1:2] not in ("?", "*", "+", "{") for n in names):
        lead = f"(?=[{''.join(sorted({n[0].lower() for n in names}))}])"
    return re.compile(rf"\b{lead}(?:{grouped})s?\b", re.I)


# _SPECIFIC_ROLE for the truth tests (``if _SPECIFIC_ROLE_ANY.search(...)``): about half the plain search's
# cost over the real comments' lines (4.6 -> 2.1 µs a line; docs/performance.md, twenty-fifth session)
_SPECIFIC_ROLE_ANY = _role_nouns_any(f"{ROLE_NOUNS.replace('|role|position|opportunity', '')}|dev")


# a role listed alone on its line: title characters, a bracket at most, a list item's ";" or "," at the end
_LISTED_TITLE = re.compile(r"[^\W\d_][\w./+#&' -]{2,70}?(?:\s*\([^()\n]{1,60}\))?\s*[;,]?")


_BULLET = re.compile(r"[\s*•·-]*(?:\d{1,2}[.)]\s+)?")


# words of a sentence, not a title ("Contact our hiring manager", "We hire engineers")
_SENTENCE_WORD = re.compile(r"\b(?:we|our|us|you|your|i|my|they|their|is|are|will|can|hiring\s+managers?|"
                            r"experience|years)\b", re.I)


# a title names the role at its end ("Kiln Engineer (Oslo)") or opens with the one who heads ("Director of X")
_TITLE_SHAPE = re.compile(rf"(?:.*\b(?:{ROLE_NOUNS}|dev)s?|.*\blead)(?:\s*\([^()]*\))?\s*[;,]?|"
                          r"(?:[\w-]+\s+)?(?:director|head|vp|vice\s+president|manager)\s+of\b.*", re.I)


# A header cell that only says several openings are listed ("Multiple Positions", "See below for positions",
# "Several open roles"; fifty-fifth round): up to three words, one of list_intro_nouns, maybe "available"
@cache
def _listed_cell() -> re.Pattern[str]:
    nouns = "|".join(re.escape(str(n)) for n in seniority_config()["list_intro_nouns"])
    return re.compile(rf"(?:[\w-]+\s+){{0,3}}(?:{nouns})(?:\s+available)?(?:\s*\(?see\s+below\)?)?", re.I)


# A header cell naming areas joined by "&", "+", "/", "," or "and" before a listing noun ("<area> & <area>
# Roles", "<area> + <area> Positions", "<area>, <area>, <area> roles"; later batch real-later-v99): the same
# "several openings are listed" as "Multiple Positions", each area up to three words; a cell naming a role
# noun ("<role> and <role> positions": the header names its roles) and the thread's job-type tags
# ("Full-time & Internship Roles") stay theirs (the caller's guards).
@cache
def _joined_listed_cell() -> re.Pattern[str]:
    nouns = "|".join(re.escape(str(n)) for n in seniority_config()["list_intro_nouns"])
    area = r"[\w-]+(?:\s+[\w-]+){0,2}"
    return re.compile(rf"{area}(?:\s*(?:&|\+|/|,)\s*(?:and\s+)?{area}|\s+and\s+{area})+\s+(?:{nouns})"
                      r"(?:\s+available)?", re.I)


@cache
def _department_cell() -> re.Pattern[str]:
    """A header cell naming only a department ("Engineering", "Product & Engineering", "Engineering Team")."""
    names = "|".join(re.escape(str(n)) for n in seniority_config()["department_cells"])
    joined = rf"(?:{names})(?:\s*(?:&|/|,|\+|\band\b)\s*(?:{names}))*"
    return re.compile(rf"{joined}(?:\s+(?:team|teams|department))?", re.I)


# a listed role's own link after it ("Kiln Engineer (https://...)", "Kiln Engineer - https://...")
_TRAILING_LINK = re.compile(r"\s*(?:\(\s*https?://[^()\s]*\s*\)?|(?:[-–:]\s*)?https?://\S*)$")


# the words of a listed line before its first comma or spaced dash ("Sr <role>, <team> - <stack>")
_LISTED_HEAD = re.compile(r"([^,\n]{3,70}?)\s*(?:,|\s[-–—]\s)")


def _is_listed_title(item: str) -> bool:
    """Whether a line (bullet and link removed) is a role listed alone: a title, not a sentence."""
    return bool(len(item.split()) <= 10 and _LISTED_TITLE.fullmatch(item) and _SPECIFIC_ROLE_ANY.search(item)
                and _TITLE_SHAPE.fullmatch(item) and not _SENTENCE_WORD.search(item)
                and not _listed_cell().fullmatch(item))


def _listed_item_title(item: str) -> str | None:
    """The title a listed line (bullet and link removed) names, else None: the line itself when it is a role
    listed alone, or "Sr <role>, <team> - <stack>" - the role with its team or area after a comma and a note
    after a dash - the words before them, in a line of no sentence (sixty-ninth round)."""
    if _is_listed_title(item):
        return item
    head = _LISTED_HEAD.match(item)
    if head is None or _SENTENCE_WORD.search(item) or not _is_listed_title(head.group(1)):
        return None
    return head.group(1)


# A comment with no header whose first line is a title ("Data and Ops Engineer (Mid to Senior)"): short, title
# characters only, ending with a role noun and at most a bracket (forty-ninth round)
_TITLE_FIRST_LINE = re.compile(
    rf"[^\W\d_][\w./+# &-]{{0,70}}\b(?:{ROLE_NOUNS})s?(?:\s*\([\w\s/&-]{{1,30}}\))?\s*", re.I)


# a bulleted line ("* ", "- ", "• ") and the heading a colon ends
_BULLET_LINE = re.compile(r"[ \t]*[*•·-]\s+")


# ---------------------------------------------------------------------------------------------------------
# The typed comment: every header cell by what it is, the roles as a list (see the module docstring).

# cell kinds, in the order a cell is tested (the first that fits names it)
CELL_KINDS = ("company", "role", "level", "place", "arrangement", "pay", "job_type", "visa", "url", "team",
              "listed", "blurb")


@dataclass(frozen=True, slots=True)
class Cell:
    """One cell of the header line and what it is (one of ``CELL_KINDS``)."""

    kind: str
    text: str


@dataclass(frozen=True, slots=True)
class Role:
    """One role the comment offers: its title and the level cells that belong to it (a header cell naming
    levels only, "Junior & Senior", belongs to the header's first role)."""

    title: str
    levels: tuple[str, ...] = ()

    @property
    def named(self) -> str:
        """The title with its own level cells before it, as one title ("Junior & Senior Map Developers")."""
        return " ".join((*self.levels, self.title))


@dataclass(frozen=True, slots=True)
class HNComment:
    """A "Who is hiring?" comment read once: the header's typed cells and the roles offered, in order.

    ``roles_from`` says where the roles were read: "header" (its role cells), "body" (the header names no
    role: the role line under it or the first listed role), "first line" (no header: the first line is a
    title) or "" (none found)."""

    company: str | None = None
    title: str | None = None  # the posting's title: a role the comment offers (:func:`_title`)
    header_title: str | None = None  # the cell the headline reading took for the title, whatever its kind
    location: str | None = None
    pay_text: str | None = None
    job_type: str | None = None
    remote: bool | None = None  # the header's arrangement: True remote, False onsite / no remote
    cells: tuple[Cell, ...] = ()
    roles: tuple[Role, ...] = ()
    roles_from: str = ""
    text_place: str | None = None  # the text's place of the openings, when the header names none
    place_line: str | None = None  # the text's "Locations: <A>, <B>" line, when the header names no place

    @property
    def places(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells if c.kind == "place")

    @property
    def arrangement(self) -> tuple[str, ...]:
        return tuple(c.text for c in self.cells if c.kind == "arrangement")

    @property
    def visa(self) -> bool:
        return any(c.kind == "visa" for c in self.cells)

    @property
    def first_role(self) -> Role | None:
        return self.roles[0] if self.roles else None

    def role_titles(self) -> tuple[str, ...]:
        """Each role's title with its own level cells (:attr:`Role.named`), in order."""
        return tuple(r.named for r in self.roles)

    def headline(self) -> dict[str, Any]:
        """The adapter's headline fields (company, title, location, salary, job_type, remote) that are set."""
        out = {"company": self.company, "title": self.title, "location": self.location,
               "salary": self.pay_text, "job_type": self.job_type, "remote": self.remote}
        return {k: v for k, v in out.items() if v is not None}


def _refined(part: str, kind: str, index: int) -> str:
    """The typed kind of a header cell from the headline reading's coarse one (role, place, url, salary,
    flag, plain, company)."""
    cell = part.strip()
    if kind == "salary":
        return "pay"
    if kind in ("place", "url"):
        return kind
    if _listed_cell().fullmatch(cell) or (_joined_listed_cell().fullmatch(cell) and not _JOB_TYPE.search(cell)
                                          and not _SPECIFIC_ROLE_ANY.search(cell)):
        return "listed"  # "Several Full-Time Kiln Positions", "<area> & <area> Roles": roles listed below
    if _department_cell().fullmatch(cell):
        return "team"
    if kind == "role":
        return "blurb" if _is_blurb(cell) else "role"
    if _role_cell(cell) and (index > 0 or title_level(cell)):
        # "Sr Glaze Dev", "Glaze Workshop Intern (Paid)": a role noun the headline's role words do not
        # hold; the first cell only when it names a level ("Head of <area> | <company> | ...")
        return "role"
    if kind == "flag":
        if _REMOTE.search(part) or _ONSITE.search(part) or _HYBRID.search(part) or _anywhere(part):
            return "arrangement"
        return "job_type" if _JOB_TYPE.search(part) else "visa"
    if kind == "company":
        return kind
    if len(cell) < 40 and level_cell().fullmatch(cell):
        return "level"
    if (index > 0 and len(cell.split()) <= 4 and title_level(cell) not in (None, "junior")
            and _beyond_levels(cell)):
        # "Kiln Room Supervisor": a short cell naming a level names the role; not a junior word's
        # ("New-grads", "Early-career"), the thread's tag for other openings as an "Interns" cell is
        return "role"
    return "company" if index == 0 else "blurb"


def _role_cell(cell: str) -> bool:
    return len(cell) < 80 and bool(_HEADER_ROLE_CELL.search(cell)) and not _TAG_CELL.search(cell)


def _is_blurb(cell: str) -> bool:
    """A cell of more than eight words listing nothing ("Team of 4 potters in two towns and online"): a
    remark about the team, not a role."""
    return len(cell.split()) > 8 and not re.search(r"[,/&;+]", cell)


def _beyond_levels(cell: str) -> bool:
    """Whether a cell holds a word besides its level words (not "Early-career", "New-grads": tags)."""
    return bool(re.search(r"[^\W\d_]{2,}", _level_words().sub(" ", cell)))


def _not_a_role(part: str) -> bool:
    """A cell the headline reading took for a role that names none: "Multiple Positions", "Engineering"."""
    cell = part.strip()
    return bool(_listed_cell().fullmatch(cell) or _department_cell().fullmatch(cell))


_HYBRID = re.compile(r"\bhybrid\b", re.I)


def _level_words() -> re.Pattern[str]:
    return seniority_rules().levels


def _split_roles(cell: str) -> tuple[str, ...]:
    """The roles one header cell lists ("Junior Frontend Engineer, VP Product Management"): split on commas,
    semicolons, " and ", "&" and a spaced "+" when every part names a role by the header's role words (a
    parenthesis set aside: "Engineers (Backend, iOS)"), else split by :func:`_first_role_first` (a cell
    that read whole would take a later role's level), else the cell as one role."""
    if not any(j in cell for j in (",", ";", " and ", "&", " + ")):
        return (cell,)
    first = first_listed_role(cell)
    if first != cell:
        return (first, cell[len(first):].lstrip(" ,;&+").removeprefix("and ").strip())
    parts = [p.strip() for p in _ROLE_SPLIT.split(_PARENS.sub("", cell)) if p.strip()]
    if len(parts) >= 2 and all(_ROLE.search(p) for p in parts) and _ROLE_END.search(parts[0]):
        return tuple(parts)
    return _first_role_first(cell)


def _first_role_first(cell: str) -> tuple[str, ...]:
    """A cell listing roles of which only some carry the role words ("<role>, <area> Research Associate",
    "<area>, <area> developers, Interns (paid)", "All positions, Senior <role>, Lead <role>") split where the
    cell read whole would take a later role's level (the first-role ruling; eighty-third round): its parts,
    brackets kept with theirs, a leading "All positions" dropped; a part of level words only ("<role>,
    Senior") keeps the cell whole, as it is the level of the role before it; so does a first part naming no
    role (a company's name)."""
    masked = _PARENS.sub(lambda m: "(" + "x" * (len(m.group()) - 2) + ")", cell)  # joiners inside brackets
    cuts = [m.span() for m in _ROLE_SPLIT.finditer(masked)]
    bounds = [0, *(i for span in cuts for i in span), len(cell)]
    parts = [cell[bounds[i] : bounds[i + 1]].strip() for i in range(0, len(bounds), 2)]
    parts = [p for p in parts if p]
    while parts and _not_a_role(parts[0]):
        parts.pop(0)
    # the first part names a role or its area ("Backend", "Dev Ops"), not the company before the role
    # ("<company>, Senior <role>, <area>")
    if len(parts) < 2 or not (_ROLE.search(parts[0]) or _HEADER_ROLE_CELL.search(parts[0])) or any(
            level_cell().fullmatch(p) for p in parts):
        return (cell,)
    return tuple(parts) if title_level(parts[0]) != title_level(cell) else (cell,)


_ROLE_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and\s+|&\s*)?|\s(?:and|&|\+)\s)\s*", re.I)
_PARENS = re.compile(r"\s*\([^()]*\)")
# the first part ends with a role word ("Junior Frontend Engineer"), not an area ("Product & Engineering")
_ROLE_END = re.compile(r"\b(?:engineers?|developers?|programmers?|scientists?|architects?|designers?|"
                       r"analysts?|managers?|leads?|directors?|testers?|sres?|devops)\s*$", re.I)
# a listed line led by its level words, then an area or role ("- Mid/Senior Glaze (clay) (note)")
_LEVEL_LED = re.compile(r"([^()\n,:;]{2,60}?)\s*(?:\(|,|:|\s[-–—]\s|$)")


def _level_led(item: str) -> str | None:
    """A listed line whose head is level words and at most three title words ("Mid/Senior Glaze"), else
    None: the role and its levels, named before its stack in brackets."""
    m = _LEVEL_LED.match(item)
    if m is None:
        return None
    head = m.group(1).strip()
    words = head.split()
    if not 2 <= len(words) <= 5 or _SENTENCE_WORD.search(head):
        return None
    for n in range(len(words) - 1, 0, -1):
        if level_cell().fullmatch(" ".join(words[:n])) and all(w[:1].isupper() for w in words[n:]):
            return head
    return None


def _first_line(body: str) -> str | None:
    """A comment with no header whose first line is a title ("Glaze and Kiln Engineer (Mid to Senior)"):
    short, title characters only, a role noun at its end and at most a bracket; else None."""
    line = _header_line(body)
    if len(line) <= 90 and len(line.split()) <= 10 and _TITLE_FIRST_LINE.fullmatch(line):
        return line.strip()
    return None


# a listed role with its level first in a bracket after it ("Kiln Engineer (Midlevel, <stack>)")
_ROLE_THEN_BRACKET = re.compile(r"([^()\n]{3,60}?)\s*\(([^(),;:\n]{2,30})[,;)]")


def _bracketed_level(item: str) -> str | None:
    """The role and its level of a listed line naming the level first in a bracket after the role
    ("Kiln Engineer (Midlevel, nice to have: <stack>)" -> "Kiln Engineer (Midlevel)"), else None."""
    m = _ROLE_THEN_BRACKET.match(item)
    if m is None or _listed_item_title(m.group(1)) is None or not level_cell().fullmatch(m.group(2).strip()):
        return None
    return f"{m.group(1)} ({m.group(2).strip()})"


@lru_cache(maxsize=64)
def _lines(body: str) -> tuple[str, ...]:
    """The comment's lines after the header, tags stripped (a paragraph or a line break ends one). Cached for
    the few readings of one comment in a row (the body's role line, its "<role>: <text>" and "<role> -
    <text>" runs read the same lines): a tuple, as the readers share it."""
    return tuple(_plain(seg) for seg in _LINE_BREAK.split(without_vote_line(body))[1:])


# a listed item named as a title: capitalised words (joined by "of", "and", "&", "/"), a bracket after it
_CAPITALISED_TITLE = re.compile(r"((?:[A-Z][\w.+#-]*|of|and|&|/)(?:[ \t]+(?:[A-Z][\w.+#-]*|of|and|&|/)){0,5})"
                                r"\s*(?:\([^()\n]*\)?)?\s*[;,]?")


def _hired_item(item: str) -> str | None:
    """The role a list under a hiring line opens with: a listed role, or an item of capitalised title words
    ("Jr Glaze Executive (<link>)", "Staff Kilnologists"); None for a sentence or a requirement."""
    title = _listed_item_title(item)
    if title is not None:
        return title.rstrip(";,")
    m = _CAPITALISED_TITLE.fullmatch(item)
    if m is None or not m.group(1)[:1].isupper() or _SENTENCE_WORD.search(m.group(1)):
        return None
    return m.group(1)


def _linked_title(line: str) -> str | None:
    """The role of a line that is a listed title with its own link after it ("Sr <role> - <team> <link>"),
    else None."""
    text = line.strip()
    m = _TRAILING_LINK.search(text) if "http" in text else None
    return _listed_item_title(text[:m.start()].strip()) if m and m.start() else None


def _ends_in_link(line: str) -> bool:
    text = line.strip()
    return "http" in text and _TRAILING_LINK.search(text) is not None


def _linked_list_role(lines: Sequence[str], at: int) -> str | None:
    """The first role of a list of openings written one a line, each with its own link and no bullet (later
    batch real-later-v6): line ``at`` is a linked title and the next line that is not empty ends in a link
    too; else None (one linked line, or a sentence, is no list)."""
    title = _linked_title(lines[at])
    if title is None:
        return None
    nxt = next((ln for ln in lines[at + 1:] if ln.strip()), "")
    return title.rstrip(";,") if _ends_in_link(nxt) and not _BULLET_LINE.match(nxt) else None


# an opening written "<Level> <role>: <duties, stack or team>" on one line (`real-later-v25`'s class E): the
# title before the line's first colon, then text that is not only a link (a link alone after the colon is the
# linked list's shape, read by :func:`_linked_list_role`)
_COLON_ITEM = re.compile(r"([^:\n]{3,70}?)\s*:\s+(?!https?://)\S.*")
_LINK_ONLY = re.compile(r"\s*https?://\S+\s*")


def _colon_item(lines: Sequence[str], at: int) -> tuple[str, int] | None:
    """The title of line ``at`` when it is an opening "<role>: <text>" with its own link at the line's end or
    alone on the next line that is not empty, and the index after it (its link line included); else None."""
    line = lines[at].strip()
    m = _COLON_ITEM.fullmatch(line)
    title = _listed_item_title(m.group(1).strip()) if m else None
    if title is None:
        return None
    if _ends_in_link(line):
        return title.rstrip(";,"), at + 1
    nxt = next((i for i in range(at + 1, len(lines)) if lines[i].strip()), None)
    if nxt is not None and _LINK_ONLY.fullmatch(lines[nxt]):
        return title.rstrip(";,"), nxt + 1
    return None


def _colon_run_role(lines: Sequence[str]) -> str | None:
    """The first role of openings written one a line as "<Level> <role>: <duties or team>", each with its
    own link on the line or the next, under no header role (later batch real-later-v73; `real-later-v25`'s
    class E, due by `real-later-v67` ruling 3): the first line of the body shaped "<role>: <text>" opens the
    run when no introducing line ending in a colon stands above it (a list the list readings own) and the
    next line that is not empty is another such opening or a listed title with its link; the first of the
    run decides (the first-role ruling). Else None (one such line alone, lines of fields naming no role, or
    a line above the run naming a role: "looking for <area> and <area> engineers" names the first role
    before the run)."""
    prev, named = "", False
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        if _COLON_ITEM.fullmatch(text) and _listed_item_title(text.split(":", 1)[0].strip()) is not None:
            # a line above that names a role ("looking for <area> and <area> engineers") names the first role
            first = None if prev.endswith(":") or named else _colon_item(lines, i)
            if first is None:
                return None
            title, after = first
            nxt = next((j for j in range(after, len(lines)) if lines[j].strip()), None)
            if nxt is not None and (_colon_item(lines, nxt) is not None or _linked_title(lines[nxt])):
                return title
            return None
        prev, named = text, named or _names_specific_role(text)
    return None


# an opening written "<Level> <role> - <its description, pay or a note>" on one line (later batch
# real-later-v85): the title before the line's first spaced dash, then text that is not only a link
_DASH_ITEM = re.compile(r"([^\n]{3,70}?)\s+[-–—]\s+(?!https?://)\S.*")


@lru_cache(maxsize=256)
def _names_specific_role(line: str) -> bool:
    """Whether a body line (stripped) names a specific role, its trailing link aside: the test
    :func:`_colon_run_role` and :func:`_dash_run_role` make on the same lines of one comment (cached, so the
    second reading shares the first's; a pure function of the line). The link is removed only where the line
    holds "http": :data:`_TRAILING_LINK` matches nothing without it (its substitution over a line without it
    cost about as much as the role search)."""
    return bool(_SPECIFIC_ROLE_ANY.search(_TRAILING_LINK.sub("", line) if "http" in line else line))


def _dash_item(line: str) -> str | None:
    """The title of a line that is an opening "<role> - <text>" (the title a listed title, no sentence), else
    None."""
    m = _DASH_ITEM.fullmatch(line.strip())
    title = _listed_item_title(m.group(1).strip()) if m else None
    return title.rstrip(";,") if title else None


def _dash_run_role(lines: Sequence[str]) -> str | None:
    """The first role of openings written one a line as "<Level> <role> - <description>" under no header
    role (later batch real-later-v85): the first line of the body so shaped opens the run when no line above
    it names a role ("we want <area> engineers" names the first role there) or ends in a colon (a list the
    list readings own), and a later line is another opening ("<role> - <text>", "<role>: <text>" or a listed
    title with its link; department headings may stand between); the first of the run decides (the
    first-role ruling). Else None (one such line alone, or a sentence before the dash)."""
    prev, named = "", False
    for i, line in enumerate(lines):
        text = line.strip()
        if not text:
            continue
        first = _dash_item(text)
        if first is not None:
            if prev.endswith(":") or named:
                return None
            later = (ln.strip() for ln in lines[i + 1:] if ln.strip())
            return first if any(_dash_item(ln) or _colon_item([ln], 0) or _linked_title(ln)
                                for ln in later) else None
        prev, named = text, named or _names_specific_role(text)
    return None


def _stack_bracketed(item: str) -> str | None:
    """A bulleted role whose stack follows it in a bracket too long for a listed title ("Senior kiln engineers
    (<language>, <framework>, <database>, <cloud>, ...)"; later batch real-later-v99): the role before the
    bracket when it is a listed title and the bracket holds no sentence, else None."""
    m = _BRACKETED_END.search(item)
    if m is None or m.start() == 0 or _SENTENCE_WORD.search(m.group()):
        return None
    return _listed_item_title(item[:m.start()])


def _body_role(lines: Sequence[str], listed: bool) -> str | None:
    """The first role the body lists under a header naming none: the role alone on the next line ("Glaze
    Lead"); under a "Multiple Positions" or department cell (``listed``) the first line that is a role listed
    alone, also after a paragraph; else the first bulleted line when it is a role, not under a heading ending
    in a colon (requirements, or a list the text's own list reading reads), or the first of openings listed
    one a line with their own links (:func:`_linked_list_role`)."""
    nxt = next((ln for ln in lines if ln), "")
    if _TITLE_LINE.fullmatch(nxt) and len(nxt.split()) <= 6 and (
            _SPECIFIC_ROLE_ANY.search(nxt) or _LEAD_END.search(nxt)):  # a role, not "Open Roles" above a list
        return nxt
    prev, seen_link = "", False
    for i, line in enumerate(lines):
        bullet = _BULLET_LINE.match(line)
        if not listed and bullet is None:
            # openings one a line with their own links: only the body's first line holding a link may open
            # such a list (one that is no title, or a heading ending in a colon above it, leaves the lines to
            # the readings below and the text's own list reading); a link inside a paragraph (its funding page
            # mid-sentence) is no list line and leaves the slot, but not an item under a heading ending in a
            # colon (later batch real-later-v38)
            if not seen_link and "http" in line and (_ends_in_link(line) or prev.endswith(":")):
                seen_link = True
                linked = None if prev.endswith(":") else _linked_list_role(lines, i)
                if linked is not None:
                    return linked
            prev = line.strip() or prev
            continue
        item = line[(bullet or _BULLET.match(line)).end():].strip()  # type: ignore[union-attr]
        item = _TRAILING_LINK.sub("", item) if "http" in item else item
        if listed and item.endswith(":"):
            if not HIRING_LINE.fullmatch(item[:-1]):
                return None
            listed = False  # "We are looking for:" under a "Multiple Positions" cell: its list's first item
            prev = item
            continue
        if not listed and prev.endswith(":"):
            # a list under a line that is only a hiring phrase ("We're currently looking for:"): its first
            # item is the first role, also one the role nouns do not hold ("Jr Glaze Executive (<link>)")
            return _hired_item(item) if HIRING_LINE.fullmatch(prev[:-1]) else None
        title = (_bracketed_level(item) or _listed_item_title(item)
                 or (_level_led(item) or _stack_bracketed(item) if bullet else None))
        if title is not None:
            return title.rstrip(";,")
        if not listed:
            return None
    return None


# The posting's title (lead's ruling, branch hhnt): a role the comment offers, as a hiring manager reads it in
# the drill-down list and as the role-family classifier reads it. A role cell names a role by a role word, a
# specific role noun or a level, not only "positions" or "role" ("<arrangement> for some positions", "Pay
# depends on role": remarks the reader types role by those nouns); a cell the reader types a blurb names one
# when it, or its first comma part, is a short title ending with a role noun ("<area> Mentor", "<area>
# Sysadmin, <remark>", "<lang> and <lang> devs"). The extra nouns are hackernews_header.yaml's title_nouns.
_TITLE_NOUN = re.compile(rf"\b(?:{_any('title_nouns')})s?\b", re.I)
_ROLE_NOUN_END = re.compile(rf"\b(?:{_SPECIFIC_ROLE.pattern[5:-5]}|{_any('title_nouns')}|lead)s?"
                            r"(?:\s*\([^()]*\))?$", re.I)
_TITLED_BLURB_WORDS = 8


def _names_a_role(text: str) -> bool:
    return bool(_ROLE.search(text) or _SPECIFIC_ROLE_ANY.search(text) or _TITLE_NOUN.search(text)
                or title_level(text))


def _titled_blurb(text: str) -> bool:
    return any(len(t.split()) <= _TITLED_BLURB_WORDS and not _SENTENCE_WORD.search(t)
               and _ROLE_NOUN_END.search(t) for t in (text.strip(), text.split(",")[0].strip()))


def _is_title_cell(cell: Cell) -> bool:
    return ((cell.kind == "role" and _names_a_role(cell.text))
            or (cell.kind == "blurb" and _titled_blurb(cell.text)))


def _title(header_title: str | None, cells: list[Cell], roles: list[Role]) -> str | None:
    """The posting's title: the headline's title where it is a role cell (as written, also a cell listing
    several roles) or a keyed "Position:"; else the first cell naming a role; else the first role the body
    lists or the first line names, with the header's level cells (:attr:`Role.named`); else a listed cell
    naming a role noun ("<level> <area> Dev Positions"); else None - a listed, team, level or blurb cell
    ("Multiple Positions", "Engineering", "Senior", "<area> startup") is no title."""
    at = next((c for c in cells if c.text == header_title), None) if header_title else None
    if header_title and (at is None or _is_title_cell(at)):  # at None: a keyed comment's "Position:"
        return header_title
    cell = next((c.text for c in cells if _is_title_cell(c)), None)
    if cell is not None:
        return cell
    role = next((r for r in roles if r.title and _names_a_role(r.title)), None)
    if role is not None:  # the header's level before it, unless it names its own ("<area> Senior Engineer")
        return role.title if title_level(role.title) else role.named
    # a listed cell naming a role noun, the body listing none ("<level> <area> Dev Positions"), or its
    # areas ("<area> + SRE Positions", later batch real-later-v99: the openings' kinds, as read before)
    return next((c.text for c in cells if c.kind == "listed" and (
        _SPECIFIC_ROLE_ANY.search(c.text) or _joined_listed_cell().fullmatch(c.text))), None)


@lru_cache(maxsize=4096)
def _cells_and_roles(body: str, hint: str | None) -> tuple[dict[str, Any], tuple[Cell, ...], tuple[Role, ...],
                                                          str]:
    """The headline fields, typed cells, roles and where the roles were read (``roles_from``) of the comment
    ``body``: what :func:`read_comment` reads before the title and the text's places, which the extraction's
    roles (:func:`comment_roles`) do not need. Cached: the extraction, then its role family, then the
    adapter's reading without a location guess share one reading (the dict is not to be changed)."""
    body = without_vote_line(body)
    out, parts, kinds = _header(body, hint)
    cells: list[Cell] = []
    for i, (part, kind) in enumerate(zip(parts, kinds, strict=True)):
        cells.append(Cell(_refined(part, kind, i), part))
    roles: list[Role] = []
    for cell in cells:
        if cell.kind == "role":
            roles.extend(Role(t) for t in _split_roles(cell.text) if t)
    levels = tuple(c.text for c in cells if c.kind == "level")
    source = "header" if roles else ""
    if roles and levels:
        roles[0] = Role(roles[0].title, levels)
    if not roles and len(parts) >= 2:
        listed = any(c.kind in ("listed", "team") for c in cells)
        title = (_body_role(_lines(body), listed) or _colon_run_role(_lines(body))
                 or _dash_run_role(_lines(body)))
        if title:
            roles.append(Role(title, levels))
            source = "body"
    if not roles and levels:
        roles.append(Role("", levels))  # "Acme | Senior | Oslo": the level of the role the comment offers
        source = "header"
    if len(parts) < 2:
        line = _first_line(body)
        if line:
            roles.append(Role(line))
            source = "first line"
        elif (title := _colon_run_role(_lines(body)) or _dash_run_role(_lines(body))) is not None:
            # no header: openings one a line as "<role>: <text>" (real-later-v73) or "<role> - <text>" (-v85)
            roles.append(Role(title))
            source = "body"
    return out, tuple(cells), tuple(roles), source


@lru_cache(maxsize=4096)
def read_comment(body: str, hint: str | None = None) -> HNComment:
    """The comment ``body`` (its HTML) read once into a :class:`HNComment`; ``hint`` is the thread parser's
    location guess (a header cell holding it is the place)."""
    body = without_vote_line(body)
    out, cells, roles, source = _cells_and_roles(body, hint)
    return HNComment(
        company=out.get("company"), title=_title(out.get("title"), list(cells), list(roles)),
        header_title=out.get("title"), location=out.get("location"),
        pay_text=out.get("salary"), job_type=out.get("job_type"), remote=out.get("remote"),
        cells=cells, roles=roles, roles_from=source,
        # a remote comment's office is a choice, not the openings' place ("welcome to use our Leeds office")
        text_place=None if out.get("location") or out.get("remote") else _text_place(body),
        place_line=None if out.get("location") else _place_line(body),
    )


def comment_roles(body: str) -> tuple[str, ...]:
    """``read_comment(body).role_titles()``: each role the comment offers with its own level cells, in order,
    read without the comment's title and the text's places (the extraction's seniority and role family read
    only the roles; the hackernews adapter reads the rest)."""
    return tuple(r.named for r in _cells_and_roles(body, None)[2])


# The roles a comment's body lists one a line (later batch real-later-v95; `real-later-v91` class A', the
# comment-parser round the twentieth session adopted): two or more lines in a row (empty lines aside), each a
# role listed alone (:func:`_listed_item_title`: a bullet or a number before it, its team, stack or place
# after a comma or a spaced dash, no sentence); a line of anything else ends the run.
_LEVEL_WORDS = re.compile(r"\b(?:senior|sr\.?|junior|jr\.?|mid[- ]level|mid|entry[- ]level)\b[- ]*", re.I)
_ROLE_SEPARATORS = re.compile(r"\s*[,;]\s*|\s+\+\s+|\s+(?:and|&)\s+")


def _listed_line(line: str) -> str | None:
    bullet = _BULLET.match(line)
    item = line[bullet.end():].strip() if bullet else line.strip()
    item = _TRAILING_LINK.sub("", item) if "http" in item else item
    title = _listed_item_title(item) if item and not item.endswith(":") else None
    return title.rstrip(";,").strip() if title else None


def _line_shape(line: str) -> tuple[bool, bool]:
    """A listed line's shape: whether it opens on a bullet ("- ", "* ", "• ") and whether it ends on a
    link."""
    return bool(_BULLET_LINE.match(line)), "http" in line and _TRAILING_LINK.search(line.rstrip()) is not None


@lru_cache(maxsize=4096)
def listed_roles(body: str) -> tuple[str, ...]:
    """The roles the body of comment ``body`` (its HTML) lists one a line, in order: every run of two or
    more lines in a row that are each a role listed alone; () when it lists none. Once a run holds two
    roles, a line of the run's own shape (its bullet or its trailing link) not read as a role ("- Sales
    Executive", "<role> / <area>: <link>") is skipped, not the run's end, so the openings after it still
    vote (real-later-v118), where the run opens its list (a list whose first lines were not read as roles
    is read in part only: nothing of it is skipped); a line of another shape (prose, a heading) ends the
    run."""
    found: list[str] = []
    run: list[str] = []
    shape = (False, False)
    # whether the run opens its list: the line before its first role is of another shape (a heading, prose); a
    # list whose first lines were not read as roles is read in part only, and no line of it is skipped
    whole = True
    unread = None  # the shape of the last line that was neither a role nor skipped
    for line in _lines(body):
        if not line.strip():
            continue  # an empty line (a paragraph's end) does not end a run
        title = _listed_line(line)
        if title is not None:
            if not run:
                whole = unread != _line_shape(line)
            run.append(title)
            shape = _line_shape(line)
            continue
        if whole and len(run) >= 2 and shape != (False, False) and _line_shape(line) == shape:
            continue
        unread = _line_shape(line)
        if len(run) >= 2:
            found.extend(run)
        run = []
    if len(run) >= 2:
        found.extend(run)
    return tuple(found)


def _role_key(role: str) -> str:
    """A role without its level words, brackets and plural, to count a role listed again once."""
    plain = _LEVEL_WORDS.sub("", re.sub(r"\([^()]*\)", "", role)).strip(" .-").lower()
    return re.sub(r"s$", "", " ".join(plain.split()))


# a header "role" cell naming only the generic "role" or "position" ("Pay depends on role"): a remark
_GENERIC_ROLE = re.compile(r"\b(?:roles?|positions?)\b", re.I)
_BRACKET = re.compile(r"\s*\([^()]*\)")


def family_roles(body: str) -> tuple[str, ...]:
    """The roles a comment's family is voted on (real-later-v95): the roles :func:`read_comment` reads (the
    header's role cells, else the first role the body lists), then every role the body lists one a line
    (:func:`listed_roles`, each line one opening) that is not a header role listed again (its level, brackets
    and plural aside: "Senior Backend Engineer" under a header "Backend Engineers" is the header's role). With
    a body list, a header cell naming only the generic "role" or "position" ("Pay depends on role") casts no
    vote; with none and no role named, under a header cell naming areas only ("Engineering & Non-Engineering
    Roles") the body's roles listed alone, else the header's areas (:func:`_area_heading_roles`, lead's ruling
    1 on h25rolehn). The seniority still reads the first role only (:func:`first_role`)."""
    _, _, parsed, source = _cells_and_roles(body, None)
    roles = tuple(r.named for r in parsed)  # read_comment(body).role_titles(), its roles only
    listed = listed_roles(body)
    if not listed:
        return roles or _area_heading_roles(body)
    header = [r for r in roles if _SPECIFIC_ROLE_ANY.search(r) or not _GENERIC_ROLE.search(r)]
    if source == "body":
        # the comment's role read from its body is a line of the list itself: the list's lines vote, each
        # line one posting, two lines sharing a role name two votes (lead's ruling 1 on `real-later-v125`)
        keys = {_role_key(role) for role in listed}
        header = [r for r in header if _role_key(r) not in keys]
    seen = {_role_key(part) for role in header for part in (role, *_ROLE_SEPARATORS.split(role))}
    # a listed role's bracket (its stack or place: "Backend Engineer (Go, SQL)") is not voted on
    return (*header, *(_BRACKET.sub("", role) for role in listed if _role_key(role) not in seen))


# A header cell naming areas only, joined before a listing noun ("<area> & <area> Roles", "Engineering and
# Non-Engineering Roles", "<area>, <area> & <area> positions"): the heading of the openings (lead's ruling 1
# on h25rolehn); its areas split at the joiners once the listing noun is cut off
_AREA_SPLIT = re.compile(r"\s*(?:&|\+|/|,)\s*(?:and\s+)?|\s+and\s+", re.I)


@cache
def _listing_noun_end() -> re.Pattern[str]:
    nouns = "|".join(re.escape(str(n)) for n in seniority_config()["list_intro_nouns"])
    return re.compile(rf"\s+(?:{nouns})(?:\s+available)?(?:\s*\(?see\s+below\)?)?\s*$", re.I)


def header_areas(body: str) -> tuple[str, ...]:
    """The areas a header cell of the comment ``body`` names as the heading of its openings ("Engineering &
    Non-Engineering Roles" -> "Engineering", "Non-Engineering"), in order; () when the header names a role, or
    no such cell: a cell of one area ("Engineering Roles"), "Multiple Positions", the thread's job-type tags
    ("Full-time & Internship Roles"), a cell naming a role noun ("Designers & Engineers")."""
    _, cells, _, _ = _cells_and_roles(body, None)
    if any(c.kind == "role" for c in cells):
        return ()
    for cell in cells:
        text = cell.text.strip()
        end = _listing_noun_end().search(text) if cell.kind == "listed" else None
        if end is None or _JOB_TYPE.search(text) or _SPECIFIC_ROLE.search(text[: end.start()]):
            continue
        areas = tuple(a.strip() for a in _AREA_SPLIT.split(text[: end.start()]))
        if len(areas) >= 2 and all(areas):
            return areas
    return ()


def _area_heading_roles(body: str) -> tuple[str, ...]:
    """The roles a comment naming no role under a header cell of areas (:func:`header_areas`) votes on (lead's
    ruling 1 on h25rolehn): (a) where the body lists its openings, the body's list decides - every line read
    as a role listed alone, two or more (a role line and its link on the next line are no run for
    :func:`listed_roles`); (b) where the body lists none (no such line, no bulleted line), the header's areas,
    each a department word (`real-later-v109`'s rule, in role_family). A body whose list the reader cannot
    count (one line read, or bulleted lines none of them read) gives none: the header read as one title, as
    before."""
    areas = header_areas(body)
    if not areas:
        return ()
    lines = [line for line in _lines(body) if line.strip()]
    openings = tuple(title for line in lines if (title := _listed_line(line)) is not None)
    if len(openings) >= 2:
        return openings
    if openings or any(_BULLET_LINE.match(line) for line in lines):
        return ()
    return areas


def technology_heading(body: str) -> str | None:
    """The first header cell after the company's naming technologies alone ("Ruby on Rails", "<framework> /
    <framework>": :func:`etl.normalize.role_family.technology_cell`) of a comment that names no role (none in
    its header, none its body lists), else None: what makes such a comment a developer's post for the role
    family (`real-later-v109` class C, ruled; coded on its second labelled record, real-later-v123)."""
    return None if family_roles(body) else _technology_cell_of(body)


def _technology_cell_of(body: str) -> str | None:
    """:func:`technology_heading` of a comment already known to name no role."""
    from etl.normalize.role_family import technology_cell

    _, cells, _, _ = _cells_and_roles(body, None)
    return next((c.text for i, c in enumerate(cells)
                 if i > 0 and c.kind not in ("role", "company") and technology_cell(c.text)), None)


def hiring_sentence_roles(body: str) -> tuple[str, ...]:
    """The roles the hiring sentence(s) of a comment naming no role (none in its header, none its body
    lists, no header of areas or of technologies) name
    (:func:`etl.normalize.role_family.hiring_sentence_roles`): what its family is voted on (lead's ruling on
    `real-later-v101` class D); () elsewhere."""
    return () if family_roles(body) else role_less_reading(body)[1]


def role_less_reading(body: str) -> tuple[str | None, tuple[str, ...]]:
    """What the family of a comment already known to name no role (its :func:`family_roles` empty) is read
    from: (its header cell of technologies alone, ()) where it has one, else (its header cell of areas alone
    or None, the roles its hiring sentences name): the areas vote where those roles cast no vote (lead's
    ruling 2 on `real-later-v125`). One reading for the extraction, which has the comment's family roles in
    hand (the two public readers above each check them again)."""
    from etl.normalize.role_family import hiring_sentence_roles as said

    heading = _technology_cell_of(body)
    if heading:
        return heading, ()
    # no header (the comment opens in prose or on its name alone): its opening line is a sentence of the text,
    # read for a hiring sentence too ("<name> is looking for a <role> in <city>!": `real-later-v109` class B,
    # its second labelled record `real-later-v127` 2017-12 #370)
    lines = _lines(body)
    if len(_cells_and_roles(body, None)[1]) < 2:
        return _area_cell_of(body), said(lines, _plain(_LINE_BREAK.split(body, maxsplit=1)[0]))
    # under a header naming no role, the text's first line is read with the opening phrases too, where it
    # names one role ("<name> is looking for a VP of Engineering to lead ...": the lead's ruling 3 on
    # `real-later-v134`, 2018-01 #109)
    return _area_cell_of(body), said(lines, None, next((line for line in lines if line.strip()), None))


def _area_cell_of(body: str) -> str | None:
    """The first header cell after the company's naming areas only ("<area> / <area>":
    :func:`etl.normalize.role_family.area_cell_family`) of a comment already known to name no role, else None
    (lead's ruling 2 on `real-later-v125`: its areas vote where the hiring sentences name no role)."""
    from etl.normalize.role_family import area_cell_family

    _, cells, _, _ = _cells_and_roles(body, None)
    return next((c.text for i, c in enumerate(cells)
                 if i > 0 and c.kind not in ("role", "company") and area_cell_family(c.text) is not None),
                None)


def first_role(body: str) -> str | None:
    """The comment's first role with its own level cells, as one title (None when the header names no role
    and the body lists none): what the seniority rules read for a Hacker News comment."""
    role = read_comment(body).first_role
    return role.named if role else None


def is_comment(body: str) -> bool:
    """Whether an HTML text opens with a header line of at least three cells split by "|" (a comment's shape,
    for input that names no source)."""
    body = without_vote_line(body)
    end = body.find("<p>", 0, 400)
    return body.count("|", 0, 400 if end == -1 else end) >= 2
