"""The language a posting is written in, as an ISO 639-1 code.

Why: the warehouse mixes English, German, French, Portuguese, Polish ... postings, and a
comparison across countries is only fair when one can see (and filter) which language the
text was in; the extraction rules also differ by language. Detection uses CLD2 (Google's
Compact Language Detector 2, through ``pycld2``): offline, its model is inside the package,
about 60 µs per 1,000 characters read, and it reports the share of each language in the text, so
a posting with a French legal preface and an English body is English.
Measured on 105 real descriptions from ../shared/datasets (11 sources; 6 languages): CLD2
105/105, py3langid 104/105 at ~13x the cost, lingua (all languages) 104/105 at ~100x
(README, Dependencies).

Decisions:

* The text is the cleaned description; the title only when there is no description
  (titles are too short to tell: about 60% right on titles alone).
* At most ``MAX_CHARS`` characters are read (from the start, the middle and the end of a
  longer text), so a long description costs no more than an ordinary one and a boilerplate
  paragraph at one end does not decide.
* A text longer than ``QUICK_CHARS`` is first read on a ``QUICK_CHARS`` sample (the same three
  places, a third as long); that answer stands only when CLD2 calls it reliable and gives the top
  language at least ``QUICK_SHARE`` percent of the sample, else the ``MAX_CHARS`` sample decides as
  before. Measured on all 12,211 texts of the output snapshot (labelled set, golden reference, 2,000
  generated, every posting of ../shared/datasets; 10,624 longer than 600 characters): the same answer
  for every one, 98.5% settled by the short read, 102-118 -> 45-55 µs a posting. Shorter or laxer was
  not identical: 300 characters at 95% changed one answer (a German posting whose three 100-character
  windows are English), 450 at no threshold changed 9 (German/English halves, 52-78% shares). A text
  built so that the three 150-character windows are one language and the rest another can still get
  the windows' language where the long read would say the other; no measured posting is such.
* No answer (None) when the text has fewer than ``MIN_LETTERS`` letters or CLD2 says
  "unknown"; CLD2's legacy codes are mapped to ISO 639-1 (``iw`` -> ``he``), and a language
  without a two-letter code (Cebuano ``ceb``) is None.
"""

from __future__ import annotations

from typing import Any

import pycld2

MAX_CHARS = 1500  # 105/105 right on the measured sample at 1,500 (104 at 900), ~half the cost of 3,000
MIN_LETTERS = 20
QUICK_CHARS = 450  # the short first read (see Decisions): identical answers on every measured text
QUICK_SHARE = 95  # percent of the short sample the top language must hold for its answer to stand
# CLD2's codes that are not (or no longer) the ISO 639-1 code of the language.
_LEGACY = {"iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "zh-Hant": "zh"}


def _sample(text: str, size: int = MAX_CHARS) -> str:
    if len(text) <= size:
        return text
    third = size // 3
    mid = len(text) // 2 - third // 2
    return "\n".join((text[:third], text[mid:mid + third], text[-third:]))


def _code(found: tuple[Any, ...]) -> str | None:
    code = found[2][0][1]
    code = _LEGACY.get(code, code)
    return code if len(code) == 2 and code.isalpha() and code != "un" else None


def _quick(text: str) -> str | None:
    """The language of a short sample of ``text`` when CLD2 is sure of it, else None (read the long one)."""
    sample = _sample(text, QUICK_CHARS)
    try:
        found = pycld2.detect(sample, isPlainText="<" not in sample and "&" not in sample)
    except (pycld2.error, UnicodeEncodeError):
        return None  # the long read cleans the text and retries
    return _code(found) if found[0] and found[2][0][2] >= QUICK_SHARE else None


def detect_language(text: str | None) -> str | None:
    """ISO 639-1 code of the main language of ``text``, or None when it cannot be told."""
    if not text or not isinstance(text, str):
        return None
    if len(text) > QUICK_CHARS and (quick := _quick(text)) is not None:
        return quick
    sample = _sample(text)
    if len(sample) < 200 and sum(c.isalpha() for c in sample) < MIN_LETTERS:
        return None
    try:
        # Without "<" or "&" the HTML scanner (tags, entities) has nothing to do and plain-text mode
        # gives the same answer, about 20% sooner (same answers on every shared dataset, measured)
        plain = "<" not in sample and "&" not in sample
        found = pycld2.detect(sample, isPlainText=plain)
    except (pycld2.error, UnicodeEncodeError):  # lone surrogates, some control characters: drop them, retry
        cleaned = "".join(c for c in sample if c.isprintable() or c in "\n\t")
        cleaned = cleaned.encode("utf-8", "ignore").decode("utf-8")
        try:
            found = pycld2.detect(cleaned)
        except (pycld2.error, UnicodeEncodeError):
            return None
    return _code(found)


def posting_language(title: str | None, description: str | None) -> str | None:
    """The language of a posting: its description's, else its title's."""
    return detect_language(description) if description and description.strip() else detect_language(title)
