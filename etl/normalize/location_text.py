"""The country a posting's text names when its location field names no place.

Why: many remote postings have a location of just "Remote" (or none) and say the
country in the text - "work from home anywhere in the US", "Remote (United States)",
"remote within Canada". The labelling guide takes that country (country only: the
text rarely pins a region). :func:`etl.extract.extract` calls this only when
:func:`etl.normalize.location.parse_location` found no country and
:func:`etl.normalize.location.names_no_place` says the field names no place, so a
place in the field always wins and an area ("Europe") stays an answer.

Rules: only a place named within a few words of a word about the place of work
(remote, anywhere, from home, WFH, telecommute, based in, located in, eligible,
reside) counts, also written as "a US-based, remote role"; a supranational area ("within the EU", "US time
zones"), two
different countries ("the US or Canada") or a name that is also a US state
("Georgia") give None.
"""

from __future__ import annotations

import re
from functools import lru_cache

from etl.normalize.location import Location, parse_location
from etl.normalize.location_data import aliases, gazetteer, norm_key

_SENTENCE = re.compile(r"[.!?;\n]+\s")
_WORK_WORD = re.compile(r"\b(?:remote(?:ly)?|anywhere|from home|wfh|telecommut\w*|(?<!-)based in|located "
                        r"in|eligible|reside|residing)\b", re.I)
_NAME = r"[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,2}"
_SEP = r"\s*(?:,|/|&|\bor\b|\band\b|\bas well as\b)\s*(?:the\s+)?"
_TEXT_PLACE = re.compile(rf"\b(?:in|within|across|throughout|from)\s+(?:the\s+)?({_NAME}(?:{_SEP}{_NAME})*)|"
                         rf"\b(?:[Rr]emote|REMOTE)\s*\(\s*([A-Z][\w. ]{{1,30}}?)\s*\)|"
                         rf"\b([A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)-based\b")
_LIST_SEP = re.compile(_SEP)
_TIME_ZONES = re.compile(r"\s*time\s?zones?\b", re.I)


def country_in_text(text: str | None, window: int = 3000) -> str | None:
    """The one country named where the text says where the work is done, else None.

    Only sentences about the place of work count ("remote within the US", "work from home
    anywhere in Canada", "Remote (United States)"); a supranational area ("within the EU"),
    two different countries, or a name that is also a US state (Georgia) give None.
    """
    if not text:
        return None
    found = _places_of_work(text, window)
    return found.pop() if found is not None and len(found) == 1 else None


def area_in_text(text: str | None, window: int = 3000) -> bool:
    """True when the text says the work is done across a supranational area ("we hire people living
    anywhere across LATAM", "US time zones"): the job has no single country, whatever an address says."""
    return bool(text) and _places_of_work(text or "", window) is None


def _places_of_work(text: str, window: int) -> set[str] | None:
    """The countries named where the text says where the work is done; None for a supranational area."""
    head = text[:window]
    if not _WORK_WORD.search(head):
        return set()  # a sentence's match is a match in the whole head too (its neighbours are punctuation)
    found: set[str] = set()
    for sentence in _SENTENCE.split(head):
        words = [w.span() for w in _WORK_WORD.finditer(sentence)]
        if not words:
            continue
        for m in _TEXT_PLACE.finditer(sentence):  # a place named close to a word about the place of work
            if not any(a - 50 <= m.start() <= b + 70 for a, b in words):
                continue
            if _TIME_ZONES.match(sentence, m.end()):
                return None  # "US time zones" is an area, not the country
            if m.group(3) and _share_words().search(sentence, 0, m.start()):
                continue  # "a mostly US-based team": where most of the team sits, not the job's country
            for name in _LIST_SEP.split(m.group(1) or m.group(2) or m.group(3)):
                code = _named_country(name.split())
                if code == "":
                    return None
                if code:
                    found.add(code)
    return found


@lru_cache(maxsize=1)
def _share_words() -> re.Pattern[str]:
    """A share word ("mostly") right before a "<country>-based" name (location_aliases.yaml share_words)."""
    words = sorted((str(w) for w in aliases().get("share_words") or ()), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\s+(?:the\s+)?$")


def _named_country(words: list[str]) -> str | None:
    """Country code of the longest leading name in ``words``; "" for a supranational area."""
    g = gazetteer()
    us_states = g.regions.get("US", {})
    for k in range(len(words), 0, -1):
        key = norm_key(" ".join(words[:k]).rstrip("."))
        if key in g.supranational:
            return ""
        code = g.countries.get(key)
        if code and (len(key) <= 3 or key not in us_states):
            return code
    return None


_CONNECTORS = frozenset({"de", "do", "da", "dos", "das", "del", "am", "im", "an", "der", "sur", "la", "le"})
_PLACE_RUN = re.compile(r"(?:[A-ZÀ-Þ][\w'’.-]*|de|do|da|dos|das|del|am|im|an|der|sur|la|le)"
                        r"(?:\s+(?:[A-ZÀ-Þ][\w'’.-]*|de|do|da|dos|das|del|am|im|an|der|sur|la|le))*"
                        r"(?:\s*[/,-]\s*[A-Z]{2}\b)?")
_AFTER = re.compile(r"\b(?:em|na|no|nas|nos|in|at|à|au|en)\s+", re.I)


@lru_cache(maxsize=1)
def _office_words() -> re.Pattern[str]:

    words = sorted((str(w) for w in aliases().get("office_words") or ()), key=len, reverse=True)
    return re.compile(r"(?i)\b(?:" + "|".join(re.escape(w) for w in words) + r")\b")


def place_of_work(text: str | None, country: str, window: int = 3000) -> Location | None:
    """The one place with a region named right after a word about the place of work ("presencial em
    Londrina/PR", "escritório na Zona Oeste de São Paulo"), read within ``country``; None when none or
    several regions are named. For a posting whose location field names no place (see the caller)."""
    if not text:
        return None
    head = text[:window]
    found: set[Location] = set()
    for cue in _office_words().finditer(head):
        tail = head[cue.end(): cue.end() + 70]
        tail = _SENTENCE.split(tail, 1)[0]
        start = max(head.rfind(". ", 0, cue.start()), head.rfind("\n", 0, cue.start()))
        if _YEAR.search(head, start + 1, cue.end() + len(tail)):
            continue  # the company's history: "começou em 2001, com um pequeno escritório em Porto Alegre"
        for prep in _AFTER.finditer(tail):
            if not _PLACE_RUN.match(tail, prep.end()):
                continue
            # the places named after it: "em São Paulo ou Belo Horizonte" names two
            for piece in _OR_AND.split(tail[prep.end():]):
                run = _PLACE_RUN.match(piece)
                if not run:
                    break
                loc = _longest_place(run.group(0), country)
                if loc is not None:
                    found.add(loc)
            break  # the first place after the cue
    regions = {f.region for f in found}
    if len(regions) != 1:
        return None
    return found.pop() if len(found) == 1 else Location(region=regions.pop(), country=country)


_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_OR_AND = re.compile(r"\s*(?:,|\b(?:ou|or|e|and|oder|und|et)\b)\s*")


def _longest_place(run: str, country: str) -> Location | None:
    """The place a run of capitalised words names: its longest tail naming one ("Zona Oeste de São Paulo")."""
    words = run.replace("/", " / ").split()
    for i, word in enumerate(words):
        if word.lower() in _CONNECTORS or word in ("/", "-"):
            continue
        candidate = " ".join(words[i:]).replace(" / ", "-")
        loc = parse_location(_title_case(candidate), country_hint=country)
        if loc.region and loc.country == country:
            return Location(city=loc.city, region=loc.region, country=loc.country)
    return None


def _title_case(text: str) -> str:
    """"LONDRINA-PR" -> "Londrina-PR": an upper-case sentence names places in capitals."""
    return re.sub(r"\b([A-ZÀ-Þ])([A-ZÀ-Þ]{2,})\b", lambda m: m.group(1) + m.group(2).lower(), text)


# "Our engineering team is based in Tampere": a Hacker News comment whose header the parser missed may
# name the job's place only so (twenty-fourth round). The hiring team only (engineering, product, tech ...
# or no kind named); a company's seat ("X is based in"), a sales team or customers name no place of this job.
_TEAM_KIND = r"(?:(?:product|engineering|development|dev|tech|technology|software|data|r&d)\s+){0,2}"
_TEAM_BASE = re.compile(rf"\b(?:[Oo]ur|[Tt]he)\s+{_TEAM_KIND}teams?\s+(?:is|are)\s+(?:based|located)\s+in\s+"
                        r"([A-ZÀ-Þ][\w'’.-]*(?:\s+[A-ZÀ-Þ][\w'’-]*){0,2})"
                        r"\b(?![.-]?\s*(?:,|/|&|\band\b|\bor\b)\s*[A-ZÀ-Þ])")  # one city, not "Lyon and Oslo"


def team_base_in_text(text: str | None, window: int = 3000) -> Location | None:
    """The one city the hiring team is said to be based in ("our engineering team is based in Tampere"), for a
    posting whose location field names no place and whose text names no country of work; else None."""
    if not text:
        return None
    found: set[Location] = set()
    for m in _TEAM_BASE.finditer(text[:window]):
        loc = parse_location(m.group(1).rstrip("."))
        if loc.city is None or loc.country is None:
            return None
        found.add(Location(city=loc.city, region=loc.region, country=loc.country))
    return found.pop() if len(found) == 1 else None
