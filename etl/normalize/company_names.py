"""A company the source names only by a slug, spelled as its own postings write it.

Why: some sources carry no company name, only a lower-case identifier: Ashby's board name in the job URL
(``jobs.ashbyhq.com/whatnot/<id>``), No Fluff Jobs' company part of the ad's URL slug (``link-group``),
Gupy's career-site subdomain (``grupoboticario``). The drill-down and the company charts showed "whatnot",
"link group", "grupoboticario" (QA round twenty-two). The company writes its own name in its descriptions
("At Whatnot, we ...", "Link Group is ...", "Grupo Boticário"): the spelling of the slug the texts use most,
with a capital letter, is the name; where no text writes it, the slug stays (it still tells the boards apart).

The spelling is decided per file over every posting of the slug (:class:`Spellings`), so one company keeps one
name across its postings. A spelling matches the slug's letters and digits in order, case and accents aside,
with at most a space, dot, hyphen, "&" or apostrophe between two of them ("Northwood Space" for
``northwoodspace``, "LI.FI" for ``li.fi``, "Grupo Boticário" for ``grupoboticario``); words the slug runs
together must each start with a capital ("Back Market", not "back market"), and a spelling inside a web
address or an e-mail address is not one.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict
from functools import lru_cache

_SEPARATOR = r"[\s.\-&'’]?"
_WORD_SPLIT = re.compile(r"[\s.\-&'’]+")
_MIN_LETTERS = 2


def _fold(text: str) -> str:
    """The text with each character's accents dropped and its case lowered, character for character (the same
    length, so a match's span is the original's)."""
    return "".join(unicodedata.normalize("NFKD", c)[:1].lower() or c for c in text)


@lru_cache(maxsize=4096)
def _pattern(slug: str) -> re.Pattern[str] | None:
    chars = [c for c in _fold(slug) if c.isalnum()]
    if len(chars) < _MIN_LETTERS:
        return None
    body = _SEPARATOR.join(re.escape(c) for c in chars)
    # not inside a word, a web address ("jobs.ashbyhq.com/whatnot", "whatnot.com") or an e-mail address
    return re.compile(rf"(?<![\w/@.\-]){body}(?![\w@]|\.[a-z])")


def _words(text: str) -> list[str]:
    return [w for w in _WORD_SPLIT.split(text) if w]


def spellings(slug: str, text: str | None) -> Counter[str]:
    """How often ``text`` writes the slug with a capital letter, per spelling."""
    found: Counter[str] = Counter()
    pattern = _pattern(slug)
    if not text or pattern is None:
        return found
    slug_words = len(_words(slug))
    for m in pattern.finditer(_fold(text)):
        written = text[m.start() : m.end()]
        if written == written.lower():
            continue
        words = _words(written)
        if len(words) > slug_words and not all(w[:1].isupper() or w[:1].isdigit() for w in words):
            continue  # "back Market": words the slug runs together, not all capitalised
        found[written] += 1
    return found


class Spellings:
    """The spellings of each slug over the postings of one file: ``add`` each posting's slug and text, then
    ``name`` gives the slug's most written spelling (the first met on a tie), else the slug."""

    def __init__(self) -> None:
        self._counts: defaultdict[str, Counter[str]] = defaultdict(Counter)

    def add(self, slug: str | None, *texts: str | None) -> None:
        if slug:
            counts = self._counts[slug]
            for text in texts:
                counts.update(spellings(slug, text))

    def name(self, slug: str | None) -> str | None:
        if not slug:
            return slug
        counts = self._counts.get(slug)
        return counts.most_common(1)[0][0] if counts else slug
