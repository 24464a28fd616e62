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
from pathlib import Path
from typing import Any

import pycountry

from etl.normalize.hn_comment import (
    _JOB_TYPE,
    _LINE_BREAK,
    _ONSITE,
    _REMOTE,
    _ROLE,
    _any,
    _header_line,
    _header_names_a_place,
    _junk_location,
    _plain,
    _split_header,
    _unpunctuated,
    header_words,
    read_comment,
    without_vote_line,
)
from etl.normalize.location import parse_location
from etl.normalize.location_data import aliases, norm_key
from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._json import head_keys, head_kind, object_postings, to_date

NAME = "hackernews"
EXTENSIONS = (".json", ".jsonl", ".ndjson")


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
    # a comment pasted again from the thread page opens on the page's vote line ("<n> points by <user> <n>
    # days ago | parent [-] | on: Ask HN: ..."): the site's line, no part of the comment, so no reader (nor
    # the posting's text) sees it (twenty-sixth session, lead ruling 4 on real-later-v123)
    body = without_vote_line(body)
    parser_loc = clean_str(raw.get("location"))
    comment = read_comment(body, parser_loc)
    head = comment.headline()
    source_id = clean_str(raw.get("id")) if firebase else None
    url = clean_str(raw.get("url"))
    if url and not source_id:
        m = re.search(r"[?&]id=(\d+)", url)
        source_id = m[1] if m else None
    if firebase and source_id and not url:
        url = f"https://news.ycombinator.com/item?id={source_id}"
    # the header's place, else the text's "Locations:" line (the poster's own statement; eighty-third round),
    # else the parser's guess
    location = head.get("location") or comment.place_line
    # the parser's guess inside the header's title cell (also one that is no title: "<city> <city> <city>")
    header = {**head, "title": comment.header_title}
    text_only = False
    country = clean_str(raw.get("country"))
    if not location and parser_loc and not _junk_location(parser_loc) and not _in_header(parser_loc, header):
        # the text's own spelling of the guess ("SF" for the parser's "San Francisco"), which the text checks
        # below look for (later batch real-later-v47)
        written = _written_form(parser_loc, body)
        listed = _listed_with(written, body)
        location = listed or _completed(parser_loc, body) or parser_loc
        # a remote comment's office is a choice, not the openings' place (the reader's text place is silent
        # for it): a guess only its text names, alone, is the founders' school, the company's seat or a
        # meet-up town, so neither it nor its geocoded country is the posting's (later batch real-later-v13);
        # a list composed from the guess ("offices in <city> and <city>") is the seats of all its members,
        # each looked for in the text (twenty-fifth session, h24placeres class 3)
        if location == parser_loc:
            text_only = _named_only_in_remote_text(written, body, head)
        elif listed:
            members = listed.split(" / ")
            text_only = _in_an_office_sentence(members[0], body) and all(
                _named_only_in_remote_text(member, body, head, written_only=True) for member in members)
        if text_only:
            location = None
        elif location == parser_loc:
            # role lines each naming their own place ("<role> (<city>) - <link>", "<city>|<role>"), the guess
            # one of them: the posting's place is all of them (twenty-fifth session, h24placeres class 2)
            listed = _role_line_places(written, body)
            location = listed or location
        if listed and country and _several_countries(listed):
            country = None  # the parser geocoded one member of a list whose places lie in two countries
    elif location:
        # a header cell of sentences each naming its roles' place ("All roles in <city>/<city>. Engineering
        # only in <city>"): the list of their places (twenty-fifth session, h24placeres class 2); the header's
        # place one of the role lines' (the first role line read as the header), as above
        listed = _sentence_places(location) if head.get("location") else None
        listed = listed or _role_line_places(location, body)
        location = listed or location
        if listed and country and _several_countries(listed):
            country = None
    if not location:  # no place in the header nor the parser's guess: the text's place of the openings
        location = comment.text_place
    remote = head.get("remote")
    if remote is None and raw.get("remote") is True and not _remote_words_describe_team(body):
        remote = True
    # the parser geocoded its own location guess: a guess naming roles ("Engineers, Designers,", the roles
    # cell) or a company ("Upside, Inc") in a header naming no place ("Locations worldwide") has a country as
    # wrong as itself (eighteenth round), so it goes with the guess; a place cut short by the parser
    # ("Calgary, Alberta,") keeps its country, and so does a header listing places the parser missed
    named = parser_loc and (_ROLE.search(html.unescape(parser_loc)) or _COMPANY_FORM.search(parser_loc))
    # nor has a guess that is a piece of the header's company or title cell and names no place the gazetteer
    # knows ("Kiln, ML" of "Engineers (Kiln, ML/AI)", geocoded to a town somewhere; hundred-and-fourth round).
    # Not every junk-shaped guess: one of the flags cell ("Remote, Onsite") keeps its country, which lets the
    # text's office place ("office space in <city>") be read within it
    # A junk-shaped guess cut from the text, in no header cell ("Airbnb, Getaround," of "think Airbnb,
    # Getaround, Fiverr" in a comment with no header), naming no place, goes with its country the same way
    # (later batch real-later-v36)
    unplaced = parser_loc and (
        _in_header(parser_loc, header)
        or (_junk_location(parser_loc) and not _in_a_cell(parser_loc, body))
    ) and parse_location(parser_loc).country is None
    if country and (named or unplaced or text_only) and not _header_names_a_place(body):
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


def _in_a_cell(guess: str, body: str) -> bool:
    """Whether the parser's guess lies inside one of the cells of the comment's header line."""
    guess = html.unescape(guess).strip(" ,")
    return any(guess in html.unescape(cell) for cell in _split_header(_header_line(body)))


def _written_form(guess: str, body: str) -> str:
    """The guess as the comment writes it: the parser spells out a city the text abbreviates ("San Francisco"
    for "SF", "New York" for "NYC"), so a guess the text never writes is looked for under its city's spellings
    (``location_aliases.yaml``), the first one the text writes as a word, case kept ("LA", not "la"). The
    guess itself when the text writes it, or writes none of them."""
    text = _plain(re.sub(r"<p>|\n", " \n ", body))
    if guess in text:
        return guess
    city = parse_location(guess).city
    if city is None or norm_key(guess) != norm_key(city):
        return guess  # "Austin, TX", a region or a country: only a bare city name is spelled out
    spellings = [str(a) for a in (aliases().get("cities") or {}).get(city) or ()]
    found = [(m.start(), name) for name in spellings
             if (m := re.search(rf"(?<![\w-]){re.escape(name)}(?!\w)", text))]
    return min(found)[1] if found else guess


# The mapped export's keyword flag comes from the word anywhere in the text; a comment whose every remote word
# describes the team's make-up ("half our team is remote") states nothing of this job by it
# (hackernews_header.yaml's team_remote; lead's ruling 3 on real-later-v116)
_TEAM_REMOTE = re.compile("|".join(f"(?:{w})" for w in header_words()["team_remote"]), re.I)
_REMOTE_WORD = re.compile(r"\bremote(?:ly)?\b", re.I)


def _remote_words_describe_team(body: str) -> bool:
    """Whether the comment holds a remote word and every one lies in a sentence describing the team's make-up
    ("half our team is remote", "our remote colleagues"): then the export's keyword flag is not this job's."""
    text = _plain(body)
    if "remote" not in text.lower():
        return False
    spans = [m.span() for m in _TEAM_REMOTE.finditer(text)]
    return bool(spans) and all(any(a <= w.start() < b for a, b in spans) for w in _REMOTE_WORD.finditer(text))


def _named_only_in_remote_text(guess: str, body: str, head: dict[str, Any], *, written_only: bool = False
                               ) -> bool:
    """Whether the parser's guess is a place only the text of a remote comment names: the header says remote,
    offers no on-site work (a "REMOTE or ONSITE" header takes the company's base: sixty-sixth round) and does
    not hold the guess, which the text writes as it stands, in a sentence offering no on-site work before it
    ("remote-first, with the option to work onsite in <city>" is the same choice written in the text). A guess
    the text never writes (in none of its city's spellings: the company's seat the parser found elsewhere) is
    no place either when the header names none (twenty-fifth session, h24placeres class 3); ``written_only``
    for a member of a list the text wrote, which is looked for as it stands."""
    line = _header_line(body)
    if head.get("remote") is not True or _ONSITE.search(line) or guess in line:
        return False
    text = _plain(re.sub(r"<p>|\n", " \n ", body))
    at = text.find(guess)
    if at < 0:
        return not written_only and not _header_names_a_place(body) and not _writes_region(guess, text)
    opened = max(text.rfind(stop, 0, at) for stop in (". ", "! ", "? ", "\n"))
    return not _ONSITE.search(text, opened + 1, at)


# the office words of a sentence naming the company's seats ("Our main offices are in <city> and <city>")
_OFFICE = re.compile(rf"\b(?:{_any('text_place_offices')})\b", re.I)


def _in_an_office_sentence(member: str, body: str) -> bool:
    """Whether the text first writes ``member`` in a sentence naming an office before it ("Our main offices
    are in <member> and <city>"), not one saying where the team's people work ("engineers working remotely in
    <member>, <city> and <city>", which gives their country)."""
    text = _plain(re.sub(r"<p>|\n", " \n ", body))
    at = text.find(member)
    if at < 0:
        return False
    opened = max(text.rfind(stop, 0, at) for stop in (". ", "! ", "? ", "\n"))
    return _OFFICE.search(text, opened + 1, at) is not None


def _writes_region(guess: str, text: str) -> bool:
    """Whether the text writes the region of the parser's guess, as its code in capitals or its name ("upstate
    NY" for the guess "New York"): the guess is then a reading of what the text says, not a seat found
    elsewhere."""
    region = parse_location(guess).region
    division = pycountry.subdivisions.get(code=region) if region else None
    if division is None:
        return False
    code = region.split("-", 1)[1] if region else ""
    return bool(re.search(rf"(?<![\w-]){re.escape(code)}(?![\w-])", text)
                or re.search(rf"(?<![\w-]){re.escape(division.name)}(?![\w-])", text, re.I))


# a role line naming its place in a bracket after the role, then perhaps a link ("QA Engineer (Berlin, DE) -
# https://..."), or in a first cell before the role ("Denver|Senior Engineer")
_ROLE_LINE_BRACKET = re.compile(r"[^()|]{2,80}?\(([^()]{2,40})\)\s*(?:[-–—:|]\s*)?(?:(?:https?://|www\.)\S+)?")
_ROLE_LINE_CELL = re.compile(r"([^|]{2,40}?)\s*\|\s*[^|]{2,100}")
# a line giving one place's job link ("London job listing here: https://...", "<city> openings: <link>")
_JOB_LINK_LINE = re.compile(r"([A-Z][\w.'-]*(?: [A-Z][\w.'-]*){0,2})\s+"
                            r"(?i:jobs?|job listings?|openings?|roles?|positions?)\b[^:]{0,20}:\s*"
                            r"(?:https?://|www\.)\S+")


def _role_line_places(guess: str, body: str) -> str | None:
    """The places of a comment's role lines, one of which names the parser's guess in the same slot
    ("<role> (<guess>) - <link>" beside "<role> (<city>) - <link>", "<guess>|<role>" beside "<city>|<role>",
    "<guess> job listing here: <link>" beside "<region> job listing here: <link>"), joined by " / " when
    they are two or more different places; None otherwise. A slot naming no place the gazetteer knows
    ("(Remote)", "(Senior)") is no role line's place."""
    lines = [_plain(line) for line in _LINE_BREAK.split(body)]
    for shape in (_ROLE_LINE_BRACKET, _ROLE_LINE_CELL, _JOB_LINK_LINE):
        slots = [m[1].strip() for line in lines if (m := shape.fullmatch(line))]
        if guess not in slots:
            continue
        places: list[str] = []
        for slot in slots:
            if slot not in places and parse_location(slot).country is not None:
                places.append(slot)
        return " / ".join(places) if len(places) >= 2 else None
    return None


# a sentence's end inside a header cell ("... San Francisco. Engineering roles ..."), not an abbreviation's
# ("St. Louis", "D.C.")
_CELL_SENTENCE = re.compile(r"(?<=[a-z]{2})\.\s+(?=[A-Z])")
_IN_PLACE = re.compile(r".*\bin\s+(?:the\s+)?(.+)$")


def _sentence_places(cell: str) -> str | None:
    """The places of a header cell written in two or more sentences, each naming its place after "in" or
    alone ("All roles in <city>/<city>. Data roles only in <city>"), joined by " / "; None unless every
    sentence names a place the gazetteer knows (the location parser read only the last sentence's)."""
    sentences = _CELL_SENTENCE.split(cell.strip(" .;"))
    if len(sentences) < 2:
        return None
    places = []
    for sentence in sentences:
        m = _IN_PLACE.match(sentence)
        piece = (m[1] if m else sentence).strip(" .;")
        if parse_location(piece).country is None:
            return None
        places.append(piece)
    return " / ".join(places)


def _several_countries(listed: str) -> bool:
    """Whether the places of a list (" / "-joined) lie in two countries, each read on its own."""
    return len({parse_location(member).country for member in listed.split(" / ")} - {None}) >= 2


# A list of places in a comment's text: capitalised names ("San Antonio", "B.C.") joined by commas, "&", "/",
# "and" or "or"; a word closing a sentence ("Phoenix. Full") joins no next word
_LIST_NAME = r"[A-Z](?:[\w'-]|\.(?=\w))*\.?(?:(?<![a-z]{2}\.) [A-Z](?:[\w'-]|\.(?=\w))*\.?)*"
_LIST_SEP = r"\s*[,;&/+]\s*(?:(?:and|or)\s+)?|\s+(?:and|or)\s+"
_LIST_RUN = re.compile(rf"{_LIST_NAME}(?:(?:{_LIST_SEP}){_LIST_NAME})*")
_LIST_MEMBER = re.compile(_LIST_NAME)
# the header's words that are no place (job types, remote and onsite words) after a member's first word
_RUN_ON = re.compile(rf"\s(?:{_JOB_TYPE.pattern}|{_REMOTE.pattern}|{_ONSITE.pattern})", re.I)


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
        written = _SENTENCE_DOT.sub("", text[members[i][0] : members[i][1]])
        # a first line with no cells runs the job type or the mode on after the last place ("Leeds & Glasgow
        # Full Time"; ninety-third round): the place is what comes before them
        cut = _RUN_ON.search(written)
        return written[: cut.start()].rstrip() if cut and cut.start() > 0 else written

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


def _in_header(text: str, head: dict[str, Any]) -> bool:
    """True when the parser's location guess is really the company or title ("Wag Labs, Inc."), or the first
    of several places a header cell lists ("Dayton, OH" of "Dayton OH, Tempe AZ", taken for the title): commas
    are set aside in the comparison (sixteenth round)."""
    guess = _unpunctuated(text)
    return any(guess in _unpunctuated(str(head.get(k) or "")) for k in ("company", "title"))


def parse_header(body: str, hint: str | None = None) -> dict[str, Any]:
    """The headline fields of one comment: company, title, location, salary, job_type, remote (the typed
    reader's, etl/normalize/hn_comment.py). ``hint`` is the parser's location guess: a header cell
    containing it is the place."""
    return read_comment(body, hint).headline()
