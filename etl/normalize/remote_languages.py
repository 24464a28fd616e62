"""Work-arrangement statements written in other languages than English.

Why: the English phrase rules of :mod:`etl.normalize.remote` read "3 days a week in the
office" but not "2 Tage Homeoffice", "télétravail partiel", "Híbrido" or "praca zdalna",
so German, French and Brazilian postings came out as "not stated" and the remote share
by country was wrong. The cue phrases live per language in
``etl/data/work_arrangement.yaml``; this module compiles them once and applies them in
the order of trust given there (refusal, remote, hybrid, home-office option, onsite).
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "work_arrangement.yaml"
CLASSES = (("refusal", "onsite"), ("remote", "remote"), ("hybrid", "hybrid"), ("option", "hybrid"),
           ("onsite", "onsite"))


@cache
def _rules() -> tuple[tuple[str, ...], tuple[tuple[re.Pattern[str], str], ...]]:
    """(anchors, ((compiled alternation of a class over every language, mode), ...))."""
    data = yaml.safe_load(DATA.read_text(encoding="utf-8"))
    anchors: set[str] = set()
    phrases: dict[str, list[str]] = {name: [] for name, _ in CLASSES}
    for lang, cues in data.items():
        anchors.update(a.lower() for a in cues.get("anchors") or ())
        for name, _mode in CLASSES:
            for phrase in cues.get(name) or ():
                re.compile(phrase)  # a bad phrase fails here, naming itself
                phrases[name].append(phrase)
        unknown = set(cues) - {"anchors", *phrases}
        if unknown:
            raise ValueError(f"{DATA.name}: {lang}: unknown keys {sorted(unknown)}")
    compiled = tuple((re.compile("|".join(f"(?:{p})" for p in phrases[name])), mode)
                     for name, mode in CLASSES if phrases[name])
    return tuple(sorted(anchors)), compiled


def language_mode(text: str | None) -> str | None:
    """remote, hybrid or onsite as a non-English phrase states it anywhere in ``text``; else None."""
    if not text or not isinstance(text, str):
        return None
    low = text.lower()
    anchors, rules = _rules()
    if not any(a in low for a in anchors):
        return None
    for rx, mode in rules:
        if rx.search(low):
            return mode
    return None
