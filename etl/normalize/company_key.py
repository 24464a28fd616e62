"""One company, one key: the name as companies are counted by.

Why: the Overview's "Companies" and the regions compared counted distinct names, so "<Name> Inc." beside
"<Name>", "<Name> GmbH" beside "<Name>" and "CrowdStrike" beside "Crowdstrike" were two companies each (QA
rounds twenty-five and twenty-six on the real exports). The key folds case and accents, drops dots and
apostrophes (so "S.A." and "SA", "Inc." and "Inc" are alike), reads every other non-alphanumeric character
as a space, and strips legal-form suffixes (etl/data/company_suffixes.txt) from the end, several in a row
and the "&"/"and"/"," between them ("GmbH & Co. KG"). A name made only of suffixes keeps its words ("AG"
stays "ag"). The warehouse stores each spelling's key once, at publish (company_keys, builder.derive), and
every count of companies reads it; the name shown stays the spelling written.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

SUFFIXES_FILE = Path(__file__).resolve().parents[1] / "data" / "company_suffixes.txt"
_DROPPED = re.compile(r"[.'’`]")
_SPACE = re.compile(r"[^a-z0-9&]+")
_JOINERS = frozenset({"&", "and", "und", "et", "e", "y"})


@lru_cache(maxsize=1)
def suffixes() -> tuple[tuple[str, ...], ...]:
    """The suffixes as word tuples, longest first (so "pvt ltd" goes before "ltd" is tried alone)."""
    words = set()
    for line in SUFFIXES_FILE.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            words.add(tuple(line.split()))
    return tuple(sorted(words, key=lambda w: (-len(w), w)))


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()


def company_key(name: str | None) -> str | None:
    """The key companies are counted by (None for no name). Pure (tested)."""
    if name is None:
        return None
    words = _SPACE.sub(" ", _DROPPED.sub("", _fold(name))).replace("&", " & ").split()
    if not words:
        return None
    kept = list(words)
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes():
            n = len(suffix)
            if len(kept) > n and tuple(kept[-n:]) == suffix:
                kept = kept[:-n]
                while len(kept) > 1 and kept[-1] in _JOINERS:
                    kept = kept[:-1]
                stripped = True
                break
    return " ".join(kept)
