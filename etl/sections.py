"""Boilerplate sections of a posting: about the company, benefits, equal-opportunity statements.

Why: such text is about the employer, not the job. "We build AI for logistics" in an "About us"
section made AI India's top skill; "10 years of serving customers" or "our founders hold PhDs"
would be read as requirements. ``demand_text`` keeps the job's own text and drops these sections,
so skills, years and degrees are read from what the posting asks for. It is the one hook between
cleaning and extraction (etl.extract calls it on the cleaned description); salary, remote and
location still read the whole text (pay and remote policy often sit in the benefits section).
The cue headings and statements (English, German, French, Portuguese, Spanish) are data:
etl/data/boilerplate_sections.yaml.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from etl.normalize.literal_gate import AnyOf
from etl.yaml_data import load_yaml

DATA = Path(__file__).resolve().parent / "data" / "boilerplate_sections.yaml"
MAX_HEADING_CHARS = 70
MAX_HEADING_WORDS = 8
_BULLET = re.compile(r"^\s*(?:[-•*·▪◦‣]|\d+[.)])\s")
_SPACES = re.compile(r"\s+")
_MARKS = " \t#*_:：-–—|>"
# Emoji and other symbols around a heading ("🌎About garden3d", "WHY SHOULD YOU JOIN US ? ✌️"):
# not part of its words.
_SYMBOLS = re.compile(r"^[^\w(¿¡]+|[^\w)]+$")
# Sentence ends inside one long line (a posting flattened into a single line).
# a sentence ends at ". " before a capital, or glued to the next one where a source dropped the line breaks
# ("...in accounting.To learn more": a lower-case word, the mark, then a capitalised word; not "Node.js",
# "ASP.NET" or "U.S.")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9+])|(?<=[a-z]{2}[.!?])(?=[A-Z][a-z])")


def _norm(text: str) -> str:
    text = unicodedata.normalize("NFC", text).casefold().strip(_MARKS + "!?.").replace("’", "'")
    if text[:1].isspace() or text[-1:].isspace():
        return _SPACES.sub(" ", text)
    # the same as the regex when no end is a space (str.split and re's \s agree on what is a space),
    # at a fifth of its cost; it runs on every line of every description
    return " ".join(text.split())


@cache
def _cues() -> dict[str, Any]:
    with open(DATA, encoding="utf-8") as fh:
        cfg = load_yaml(fh)
    headings = tuple(sorted({_norm(h) for hs in cfg["headings"].values() for h in hs}, key=len, reverse=True))
    about = tuple(_norm(p) for p in cfg["about_prefixes"])
    statements = tuple(_norm(s) for ss in cfg["statements"].values() for s in ss)
    return {
        "headings": headings,
        "heading_set": frozenset(headings),
        "at_headings": tuple(h for h in headings if h.endswith(" at")),
        "about": about,
        "about_prefixes": tuple(p + " " for p in about),
        "keep": tuple(_norm(p) for p in cfg["not_boilerplate"]),
        "statements": statements,
        "demand": AnyOf(tuple(_norm(c) for c in cfg["demand_cues"])),
        # One Aho-Corasick pass answers "does any of these occur in the text" (as `any(c in text ...)`
        # over a few hundred cues did, at a few hundred substring scans a line).
        "any_cue": AnyOf(headings + about + statements),
        "any_statement": AnyOf(statements),
        "hiring": tuple(_norm(h) + " " for h in cfg.get("hiring_openings") or ()),
        # "our stack:" and "our stack :" (French spacing) both open a stack line
        "stack": tuple(_norm(s) + c for ss in (cfg.get("stack_labels") or {}).values() for s in ss
                       for c in (":", " :")),
        "resume": _resume_pattern(cfg.get("resume_after_statement") or ()),
    }


_TAG = r"(?:\s*\((?:minimum|required|preferred)\))?"  # "Required (Minimum) Qualifications"


def _resume_pattern(phrases: Any) -> re.Pattern[str]:
    """A sentence that opens with a requirements heading (boilerplate_sections.yaml
    ``resume_after_statement``), the heading followed by a colon, a dash, a capital, figure or bracket glued
    to it, or nothing: "Required (Minimum) QualificationsHigh school diploma", "Requirements: 3+ years"; not
    "The requirements listed ..." or "Qualified applicants" (the heading must open the sentence and end a
    word)."""
    alts = []
    for phrase in sorted({str(p).lower() for p in phrases}, key=len, reverse=True):
        first, *rest = phrase.split()
        alts.append(re.escape(first) + _TAG + "".join(r"\s+" + re.escape(w) for w in rest))
    if not alts:
        return re.compile(r"(?!)")
    return re.compile(r"[\W_]*(?i:" + "|".join(alts) + r")(?=\s*[:\-\u2013]|[A-Z0-9(]|\s*$)")


def heading(line: str) -> str | None:
    """The line as a normalised heading, or None when it does not look like one (a bullet, a
    sentence, a long line)."""
    raw = line.strip()
    if not raw or len(raw) > MAX_HEADING_CHARS or _BULLET.match(raw):
        return None
    text = _SYMBOLS.sub("", _norm(raw))
    if not text or len(text.split()) > MAX_HEADING_WORDS:
        return None
    if raw.rstrip("*_ ").endswith(".") and not raw.rstrip("*_ ").endswith("..."):
        return None  # a short sentence, not a title
    return text


def is_boilerplate_heading(text: str) -> bool:
    """True for a normalised heading that opens an employer section ("about us", "benefits", "über uns")."""
    cues = _cues()
    if text.startswith(cues["keep"]):
        return False
    words = len(text.split())
    # a cue equal to the heading, or followed by a space in a heading of at most 6 words (looked up
    # at each space rather than by trying every cue), or ending in " at" ("careers at")
    found = cues["heading_set"]
    if text in found:
        return True
    if words <= 6:
        k = text.find(" ")
        while k != -1:
            if text[:k] in found:
                return True
            k = text.find(" ", k + 1)
    if text.startswith(cues["at_headings"]):
        return True
    return text.startswith(cues["about_prefixes"]) and words <= 5


def _statement(paragraph: str) -> bool:
    return bool(_cues()["any_statement"](_norm(paragraph)))


_ASCII_SPACES = str.maketrans({c: " " for c in map(chr, range(128)) if c.isspace()})


def _statement_paragraphs(text: str, count: int, folded: str | None = None) -> set[int] | None:
    """The paragraphs (by index in ``text.split("\\n\\n")``) that may hold a statement, found in one
    search of the whole text; None when that cannot be told (search each).

    Why: searching each line and paragraph apart cost a normalisation and a search each, about a
    third of the boilerplate stage. A paragraph or line normalised (:func:`_norm`) is part of its
    paragraph normalised here: NFC and case folding go character by character and never across a
    line break, runs of spaces become one space in both, and the marks _norm strips from the ends
    begin or end no statement (statements are normalised the same way). So a paragraph without a
    statement here has none in any of its lines, and only the others are searched as before.
    """
    finder = _cues()["any_statement"]
    if finder.automaton is None or finder.always:
        return None
    # ``folded``: ``text.casefold()`` when the caller has it; the same as the NFC form's when normalize
    # gives ``text`` itself back (already NFC: the cleaner's output always is), which saves a second
    # case fold of the whole text (about 17 µs on a non-ASCII posting)
    nfc = unicodedata.normalize("NFC", text)
    folded = folded if folded is not None and nfc is text else nfc.casefold()
    # paragraphs one "\x00" apart (not a space to str.split, in no statement), spaces collapsed in one pass
    folded = folded.replace("’", "'").replace("\n\n", "\x00")
    if folded.isascii():  # the same spaces as str.split's, collapsed by replacing (no word list)
        flat = folded.translate(_ASCII_SPACES)
        while "  " in flat:
            flat = flat.replace("  ", " ")
    else:
        flat = _one_spaced(folded)
    if flat.count("\x00") != count - 1:
        return None  # a NUL in the text itself
    try:
        raw = flat.encode("utf-8")
    except UnicodeEncodeError:  # a lone surrogate: no UTF-8 form
        hits = finder.automaton.find_matches_as_indexes(flat, overlapping=True)
        return {flat.count("\x00", 0, start) for _, start, _ in hits}
    # the paragraph of a hit is the count of NULs before it, the same in the UTF-8 bytes (a NUL is one byte
    # and in no other character's form): no character offsets needed (a non-ASCII text's were most of it)
    hits = finder.automaton.find_in_bytes(raw, overlapping=True)
    return {raw.count(b"\x00", 0, start) for _, start, _ in hits}


# The characters str.split splits at: ASCII ones, and the others (all below U+3001; tests/test_sections.py)
_OTHER_SPACES = tuple(c for c in map(chr, range(128, 0x3001)) if c.isspace())
_ASCII_BREAKS = tuple(c for c in map(chr, range(128)) if c.isspace() and c != " ")


def _one_spaced(text: str) -> str:
    """``" ".join(text.split())``, by replacing when every space of ``text`` is ASCII (the cleaner's output
    always: NFKC makes a no-break space a space): no list of its words, about a third of the cost on a
    non-ASCII description (15-20 against 44-46 µs)."""
    for c in _OTHER_SPACES:
        if c in text:
            return " ".join(text.split())
    for c in _ASCII_BREAKS:
        if c in text:
            text = text.replace(c, " ")
    while "  " in text:
        text = text.replace("    ", " ").replace("  ", " ")
    return text.strip(" ")


_HEADINGS: dict[str, tuple[str | None, bool]] = {}  # short line -> (heading, opens a boilerplate section)
_HEADINGS_SIZE = 65536


def _line_heading(line: str) -> tuple[str | None, bool]:
    """(:func:`heading` of the line, whether it opens a boilerplate section); remembered for short lines
    ("Requirements:", "About us", "- Python" recur across postings), a long line is no heading."""
    if len(line) > MAX_HEADING_CHARS and len(line.strip()) > MAX_HEADING_CHARS:
        return None, False
    found = _HEADINGS.get(line)
    if found is None:
        h = heading(line)
        found = (h, h is not None and is_boilerplate_heading(h))
        if len(_HEADINGS) >= _HEADINGS_SIZE:
            _HEADINGS.clear()
        _HEADINGS[line] = found
    return found


_PLAIN: dict[str, bool] = {}  # paragraph -> none of its lines opens a boilerplate section
_PLAIN_SIZE = 16384
_PLAIN_CHARS = 1000  # longer paragraphs are not remembered (memory)


def _opens_no_section(paragraph: str) -> bool:
    """Whether no line of ``paragraph`` opens a boilerplate section; remembered for paragraphs, which
    repeat across postings (a benefits list, a company's standard text), so :func:`demand_text` keeps
    most paragraphs whole in one look-up instead of a pass over their lines."""
    found = _PLAIN.get(paragraph)
    if found is None:
        found = not any(_line_heading(line)[1] for line in paragraph.split("\n"))
        if len(paragraph) <= _PLAIN_CHARS:
            if len(_PLAIN) >= _PLAIN_SIZE:
                _PLAIN.clear()
            _PLAIN[paragraph] = found
    return found


def demand_text(text: str) -> str:
    """``text`` without its boilerplate sections and equal-opportunity paragraphs (pure, cheap: a
    text without any cue is returned as it is)."""
    if not text:
        return text
    folded = text.casefold()
    cues = _cues()
    if not cues["any_cue"](folded):
        return text
    paragraphs = text.split("\n\n")
    stated = _statement_paragraphs(text, len(paragraphs), folded)
    out: list[str] = []
    skipping = False
    for i, paragraph in enumerate(paragraphs):
        has = stated is None or i in stated
        if not skipping and not has and _opens_no_section(paragraph):
            # what the loop below gives such a paragraph: every line kept, the paragraph as it is
            if paragraph.strip():
                out.append(paragraph)
            continue
        kept: list[str] = []
        lines = paragraph.split("\n")
        for n, line in enumerate(lines):
            bare = ""
            h, opens = _line_heading(line)
            if opens:
                skipping = True
                continue
            if skipping and h is not None and (_section_title(line, first=n == 0) or cues["demand"](h)):
                skipping = False  # the next section of the job ("Requirements:", "## Your profile", a
                # "Minimum Requirements" line inside the one paragraph of a LinkedIn description)
            elif skipping:
                bare = _bare_norm(line)  # normalised once for both checks below (h22perf2)
                if _hiring_text(bare):
                    skipping = False  # "We are seeking a ... engineer" opens the job's own text again
            # a stack line inside a company section is the openings' (``bare``: set above when skipping)
            if not skipping or _stack_text(bare):
                kept.append(line)
        if has and len(kept) > 1:  # one paragraph of many lines (Glassdoor): only the statement's lines go,
            # and of a line that glues requirements to the statement ("...accounting.To learn more ... EQUAL
            # OPPORTUNITY EMPLOYER"), only the statement's sentences
            # (or, glued or not, a line whose requirements heading follows the statement: "... essential
            # functions. Minimum Qualifications: ..."; real-later-v76 ruling 4)
            kept = [(_before_statement(line) if _GLUED.search(line) or _resumes(line) else "")
                    if _statement(line) else line for line in kept]
            kept = [line for line in kept if line.strip()]
        block = "\n".join(kept)
        if has and len(kept) == 1 and block.strip() and _statement(block):
            # one line of many sentences (a posting flattened into one line): only the statement's
            # sentences go
            block = " ".join(s for s in _SENTENCE.split(block) if not _statement(s))
        if block.strip() and not ((has or len(kept) != len(lines)) and _statement(block)):
            out.append(block)
    return "\n\n".join(out)


def _hiring(line: str) -> bool:
    """A paragraph's first line that says whom the employer hires (boilerplate_sections.yaml's
    ``hiring_openings``: "We are seeking a Senior Engineer to join our team"), bullet marks left out."""
    return _hiring_text(_norm(_BULLET.sub("", line, count=1)))


def _hiring_text(bare: str) -> bool:
    """:func:`_hiring` of a line given as :func:`_bare_norm` of it."""
    return bare[:40].startswith(_cues()["hiring"])


def _stack_line(line: str) -> bool:
    """A line that lists the openings' stack under a label ("Our Stack: Go, React", "- Tech stack: ...";
    boilerplate_sections.yaml's ``stack_labels``): something must follow the colon."""
    return _stack_text(_norm(_BULLET.sub("", line, count=1)))


def _stack_text(bare: str) -> bool:
    """:func:`_stack_line` of a line given as :func:`_bare_norm` of it."""
    return bare.startswith(_cues()["stack"]) and not bare.endswith(":")


BARE_CHARS = 1000  # longer lines are not remembered (memory)


def _bare_norm(line: str) -> str:
    """``_norm`` of the line without its bullet mark, as :func:`_hiring` and :func:`_stack_line` read it: made
    once for both, and remembered for lines of up to ``BARE_CHARS`` (the lines of a company section, a
    benefits list, repeat across an employer's postings); a pure function of the line."""
    return _bare_norm_cached(line) if len(line) <= BARE_CHARS else _norm(_BULLET.sub("", line, count=1))


@lru_cache(maxsize=32768)
def _bare_norm_cached(line: str) -> str:
    return _norm(_BULLET.sub("", line, count=1))


# a heading marked with a run of equals signs ("=== Roles", "== Stack =="), as plain-text posts write one
_EQUALS_HEADING = re.compile(r"={2,}\s*\w")
_GLUED = re.compile(r"[a-z]{2}[.!?][A-Z][a-z]")  # "...accounting.To learn more": sentences without a space


def _resumes(line: str) -> bool:
    """Whether a sentence after the first of ``line`` opens with a requirements heading
    (``_resume_pattern``)."""
    resume = _cues()["resume"]
    return any(resume.match(s) for s in _SENTENCE.split(line)[1:])


def _before_statement(line: str) -> str:
    """The sentences of a glued line outside its statements: what follows a statement sentence ("Should you
    need an adjustment in the hiring process ...") continues it, until a sentence opens with a requirements
    heading ("Required (Minimum) QualificationsHigh school diploma ...": a board flattened the qualifications
    into the accommodation notice's line; real-later-v76 ruling 4), which keeps the job's own text again up to
    the next statement sentence."""
    resume = _cues()["resume"]
    kept = []
    dropping = False
    for sentence in _SENTENCE.split(line):
        if _statement(sentence):
            dropping = True
            continue
        if dropping and resume.match(sentence):
            dropping = False
        if not dropping:
            kept.append(sentence)
    return " ".join(kept)


def _section_title(line: str, *, first: bool) -> bool:
    """A heading that ends a boilerplate section: "Requirements:", "## Your profile", or a short
    capitalised line opening a paragraph ("What you'll do"); a short line inside the section's
    own paragraph (a benefit such as "Health insurance") does not."""
    raw = line.strip()
    lead = raw.lstrip("¿¡")  # Spanish opens a question or exclamation: "¿Qué buscamos?", "¡Lo que harás!"
    return (
        raw.endswith(":")
        or raw.startswith("#")
        or _EQUALS_HEADING.match(raw) is not None
        or (first and lead[:1].isupper() and not raw.endswith((".", ",", ";")))
        # a heading in capitals, as the one that opened the section ("ABOUT US" ... "TECHNOLOGIES" in a
        # comment of single lines); an acronym of up to three letters ("PTO") is a benefit line
        or (raw.isupper() and sum(c.isalpha() for c in raw) > 3)
    )
