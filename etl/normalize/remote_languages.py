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
from typing import Any

from etl.normalize.literal_gate import AnyOf, LiteralGate, Scan
from etl.normalize.shared_text import PostingText
from etl.yaml_data import load_yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "work_arrangement.yaml"
CLASSES = (("refusal", "onsite"), ("remote", "remote"), ("hybrid", "hybrid"), ("nearby", "hybrid"),
           ("option", "hybrid"), ("onsite", "onsite"))
# Living within reach of an office ("within commuting distance of our hubs"): hybrid for a posting, but no
# share of office days, so a board-wide remote flag (Remote OK) stands (ruled 2026-12-04;
# etl.normalize.remote)
NEARBY = "nearby"
# A required share of office days counted in a week: read as the hybrid class, and it outweighs a
# "remote-first" way of working beside it (the lead's ruling on the forty-sixth round; etl.normalize.remote)
OFFICE_DAYS = "office_days"
# Home work granted to the job in words the English phrase rules do not read ("a work from home option" among
# the perks, "Flexible Hours/WFH"): read as the hybrid class, and beside an ONSITE header, where the header
# would otherwise decide (later batch real-later-v66; etl.normalize.remote._home_share)
HOME_GRANTS = "home_grants"


@cache
def _data() -> dict[str, Any]:
    """etl/data/work_arrangement.yaml parsed once per process, shared by the readers below (read only). Why:
    four readers each parsed it again (about 3 ms each)."""
    data: dict[str, Any] = load_yaml(DATA.read_text(encoding="utf-8"))
    return data


@cache
def _rules() -> tuple[AnyOf, tuple[tuple[str, str], ...], LiteralGate]:
    """(anchors, (class, mode) of each class in order, a gate over the phrases with one group per class).

    A class matches when any of its phrases does, as one alternation of them would; the gate
    answers that from the phrases' literals and runs only the phrases that can match: the
    alternation tried every phrase at every position and cost milliseconds a posting
    (etl/normalize/literal_gate.py).
    """
    data = _data()
    anchors: set[str] = set()
    phrases: dict[str, list[str]] = {name: [] for name, _ in CLASSES}
    for lang, cues in data.items():
        anchors.update(a.lower() for a in cues.get("anchors") or ())
        for name, _mode in CLASSES:
            for phrase in cues.get(name) or ():
                re.compile(phrase)  # a bad phrase fails here, naming itself
                phrases[name].append(phrase)
        for phrase in (*(cues.get(OFFICE_DAYS) or ()), *(cues.get(HOME_GRANTS) or ())):
            re.compile(phrase)
            # counted office days and granted home work are hybrid statements
            phrases["hybrid"].append(phrase)
        unknown = set(cues) - {"anchors", OFFICE_DAYS, HOME_GRANTS, *phrases}
        if unknown:
            raise ValueError(f"{DATA.name}: {lang}: unknown keys {sorted(unknown)}")
    used = [(name, mode) for name, mode in CLASSES if phrases[name]]
    gate = LiteralGate(
        [p for name, _ in used for p in phrases[name]], groups=[len(phrases[name]) for name, _ in used],
        anchors=sorted(anchors),
    )
    return AnyOf(sorted(anchors)), tuple(used), gate


def language_mode(text: str | None) -> str | None:
    """remote, hybrid or onsite as a non-English phrase states it anywhere in ``text``; else None."""
    return language_reading(text)[0]


def _scan(gate: LiteralGate, text: str, shared: PostingText | None) -> Scan | None:
    """The gate's anchored scan of ``text`` lower-cased (by the posting's shared texts when given, which
    lower-case it once). The gate scans on its own, not in the shared cue scan: its 472 words are most of
    a text's cue hits, and splitting them by field in Python cost more than this pass."""
    return gate.scan_anchored(shared.lower(text) if shared else text.lower())


def language_reading(text: str | None, shared: PostingText | None = None) -> tuple[str | None, str | None]:
    """(mode, the class of ``etl/data/work_arrangement.yaml`` that decided it), or (None, None)
    (``shared``: the posting's texts, whose lower case is made once)."""
    if not text or not isinstance(text, str):
        return None, None
    _anchors, classes, gate = _rules()
    scan = _scan(gate, text, shared)  # None: no anchor, nothing to read
    if scan is None:
        return None, None
    for g, (name, mode) in enumerate(classes):
        if scan.group_matches(g):
            if g == 0 and _has_refusals() and _states_share(scan):
                # "not a remote role" beside a share of work-from-home days: not fully remote
                return "hybrid", "hybrid"
            return mode, name
    return None, None


def _states_share(scan: Scan) -> bool:
    """Whether a share of home or office days (the hybrid class; not the bare home-office option) is stated
    outside the refusals themselves ("kein Home-Office möglich" holds "Home-Office möglich"); ``scan``: the
    gate's scan of the lower-cased text, whose refusal phrases (group 0) matched.

    The same answer as blanking every language's refusal phrases (one alternation) and searching every
    language's hybrid phrases (another) in what is left, at a fraction of the cost (two alternations of some
    hundred phrases each tried at every position of a text: about 50 ms a text on the real exports): a
    refusal phrase that matches nowhere in the text takes no part in the alternation's blanking (at each
    position the alternation tries its phrases in order, and that one fails at every position), so only
    those the gate found are blanked, in their order; the hybrid phrases are read by a gate of their own."""
    matching = scan.group_matching(0)
    low = scan.text
    blanked = _refusals_of(tuple(matching)).sub(" ", low) if matching else low
    return _hybrid_gate().scan(blanked).group_matches(0)


@cache
def _refusals_of(indexes: tuple[int, ...]) -> re.Pattern[str]:
    """The alternation of the gate's refusal phrases ``indexes`` (group 0, in their order), as
    :func:`_states_share` blanks them (a few combinations occur: cached)."""
    _anchors, _classes, gate = _rules()
    return re.compile("|".join(f"(?:{gate.patterns[i].pattern})" for i in indexes))


def _share_phrases() -> list[str]:
    """Every language's hybrid phrases and counted office days ("2 days at the office and 3 from home";
    added in the twenty-sixth session, branch h26remoteres, when a plain "no remote possible" became a
    refusal read anywhere: a refusal beside counted office days refuses only the rest of the week), not the
    home-grant phrases the main gate also adds to the hybrid class."""
    data = _data()
    return [p for cues in data.values() for name in ("hybrid", OFFICE_DAYS) for p in cues.get(name) or ()]


@cache
def _hybrid_gate() -> LiteralGate:
    """:func:`_share_phrases` as one group of a gate of their own (read only after a refusal matched)."""
    phrases = _share_phrases()
    return LiteralGate(phrases, groups=[len(phrases)])


def _refusal_and_hybrid() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Every language's refusal phrases and hybrid phrases, each as one pattern: what :func:`_states_share`
    answers as (kept for the tests that compare the two)."""
    data = _data()
    refusal = [p for cues in data.values() for p in cues.get("refusal") or ()]
    hybrid = _share_phrases()
    return re.compile("|".join(f"(?:{p})" for p in refusal)), re.compile("|".join(f"(?:{p})" for p in hybrid))


def refuses_remote(text: str | None, shared: PostingText | None = None) -> bool:
    """Whether a non-English phrase refuses remote work ("Kein remote Job", "pas de télétravail"): it
    outweighs the English rules' reading of the same words as remote."""
    if not text or not isinstance(text, str):
        return False
    _anchors, classes, gate = _rules()
    # the refusal class comes first in CLASSES, so it is group 0 whenever it has phrases
    if not (classes and _has_refusals()):
        return False
    scan = _scan(gate, text, shared)
    return scan is not None and scan.group_matches(0)


@cache
def _has_refusals() -> bool:
    data = _data()
    return any(cues.get("refusal") for cues in data.values())


def office_day_statements(low: str) -> list[tuple[int, int]]:
    """The spans of ``low`` (lower-cased text) stating a required share of office days counted in a week, in
    any language of ``etl/data/work_arrangement.yaml`` (its ``office_days`` phrases).

    The matches of the phrases' alternation, found by the alternation of only those phrases that match
    somewhere in the text (a phrase that matches nowhere takes no part in any match: at each position the
    alternation tries its phrases in order, and that one fails at every position), which a literal gate
    answers: most texts hold none, and the whole alternation (a phrase of it opening with look-behinds and a
    count) was tried at every position (about 250 µs a text it read)."""
    gate = _office_days_gate()
    if gate is None:
        return []
    matching = gate.scan(low).group_matching(0)
    return [m.span() for m in _office_days_of(tuple(matching)).finditer(low)] if matching else []


@cache
def _office_days_gate() -> LiteralGate | None:
    phrases = [p for cues in _data().values() for p in cues.get(OFFICE_DAYS) or ()]
    return LiteralGate(phrases, groups=[len(phrases)]) if phrases else None


@cache
def _office_days_of(indexes: tuple[int, ...]) -> re.Pattern[str]:
    """The alternation of the office-days phrases ``indexes`` (in their order; a few combinations occur)."""
    gate = _office_days_gate()
    assert gate is not None
    return re.compile("|".join(f"(?:{gate.patterns[i].pattern})" for i in indexes))


@cache
def _office_days() -> re.Pattern[str] | None:
    """Every language's office-days phrases as one pattern: what :func:`office_day_statements` answers as
    (kept for the tests that compare the two)."""
    data = _data()
    phrases = [p for cues in data.values() for p in cues.get(OFFICE_DAYS) or ()]
    return re.compile("|".join(f"(?:{p})" for p in phrases)) if phrases else None


def grants_home_work(low: str) -> bool:
    """Whether ``low`` (lower-cased text) grants the job home work in words of the ``home_grants`` phrases of
    ``etl/data/work_arrangement.yaml`` ("a work from home option", "Flexible Hours/WFH").

    Read through a literal gate over the phrases: exactly whether their alternation matches anywhere (it
    does when one of them does), without trying every phrase at every position (about 2 ms a text, read
    beside every ONSITE header: a tenth of the remote stage on the real exports)."""
    gate = _home_grants_gate()
    return gate is not None and gate.scan(low).group_matches(0)


@cache
def _home_grants_gate() -> LiteralGate | None:
    phrases = [p for cues in _data().values() for p in cues.get(HOME_GRANTS) or ()]
    return LiteralGate(phrases, groups=[len(phrases)]) if phrases else None


def _home_grants() -> re.Pattern[str] | None:
    """Every language's home-grant phrases as one pattern: what :func:`grants_home_work` answers as (kept
    for the tests that compare the two)."""
    data = _data()
    phrases = [p for cues in data.values() for p in cues.get(HOME_GRANTS) or ()]
    return re.compile("|".join(f"(?:{p})" for p in phrases)) if phrases else None
