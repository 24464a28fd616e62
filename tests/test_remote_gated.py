"""The remote stage's gated readings (issue 10, twenty-first session) answer exactly what the whole-text
alternations they replace answer: the refusal-beside-a-share check of every language, the home-grant phrases,
the whole-text share patterns beside an ONSITE header, the short fields' remembered readings, and the leading
literals of a branch whose common start the parser takes out.

Texts: invented sentences in every language of ``etl/data/work_arrangement.yaml``, and texts stitched from the
phrases' own literals (so most phrases nearly match); never text of the shared exports."""

from __future__ import annotations

import random
import re

import pytest

from etl.normalize import remote as r
from etl.normalize import remote_languages as rl
from etl.normalize.literal_gate import LiteralGate, alternatives, leading_literals, required_literals

# invented sentences, a few per language of the data file: refusals, shares, grants, options, onsite
SENTENCES = [
    # en
    "This role cannot be performed remotely.", "Remote applicants will not be considered.",
    "You can work from home two days a week.", "A work from home option is among the perks.",
    "Flexible Hours/WFH.", "Not a remote position.", "Onsite in Leeds, partly remote possible.",
    "Possibility of remote work after probation.", "Remote work options available.",
    "Occasional home office is fine.", "Work from home flexibility.", "3 days a week in the office.",
    "WFH Tuesdays.", "Work-from-home days on Fridays.", "no possibility of working from home",
    "There is a remote component to this position.", "Some telecommuting allowed.",
    "Onsite 2-3x weekly, remote rest of time.", "in the office Tuesday through Thursday",
    # de
    "Kein Homeoffice möglich.", "Remote ist leider nicht möglich.", "2 Tage Homeoffice pro Woche.",
    "Hybrides Arbeiten: 3 Tage im Büro.", "Homeoffice nach Absprache.", "Mobiles Arbeiten an 2 Tagen.",
    "Kein remote Job.", "Vollständig remote.",
    # fr
    "Pas de télétravail.", "Télétravail partiel possible 2 jours par semaine.", "100% télétravail.",
    "Le poste est en présentiel.",
    # es
    "No es un puesto remoto.", "Modelo híbrido: 3 días en la oficina.", "Trabajo 100% remoto.",
    "Trabajo presencial.",
    # pt
    "Não é remoto.", "Modelo híbrido com 2 dias no escritório.", "Vaga 100% remota.", "Trabalho presencial.",
    # nl
    "Geen thuiswerken mogelijk.", "Hybride werken: 2 dagen thuis.", "Volledig remote.",
    # pl
    "Brak pracy zdalnej.", "Praca hybrydowa, 2 dni w biurze.", "Praca zdalna.",
    # it
    "Non è previsto lo smart working.", "Lavoro ibrido con 2 giorni in ufficio.", "Full remote.",
]


def _stitched(patterns: list[str], n: int, seed: int) -> list[str]:
    """Texts stitched from the patterns' literals and the invented sentences, lower-cased."""
    rng = random.Random(seed)
    words = [lit for p in patterns for clause in required_literals(p) for lit in clause]
    words += [lit for p in patterns for lit in leading_literals(p)]
    words += [s.lower() for s in SENTENCES]
    words += ["2 ", "two ", "days ", "a week", "remote", "home", "office", "not ", "no ", "kein ", "\n", ". "]
    seps = ("", " ", "  ", "\n", ", ", ". ")
    return ["".join(rng.choice(words) + rng.choice(seps) for _ in range(rng.randint(1, 14)))
            for _ in range(n)]


def _texts(patterns: list[str], n: int = 1500, seed: int = 21) -> list[str]:
    sentences = [s.lower() for s in SENTENCES]
    return ["", " ".join(sentences), *sentences, *_stitched(patterns, n, seed)]


def _phrases(*names: str) -> list[str]:
    return [p for cues in rl._data().values() for name in names for p in cues.get(name) or ()]


def test_states_share_is_the_blanked_alternation() -> None:
    """A share stated beside a refusal: blanking only the refusal phrases the gate found matching, then a gate
    over the hybrid phrases, answers what blanking every refusal phrase and searching every hybrid one did."""
    refusal, hybrid = rl._refusal_and_hybrid()
    _anchors, _classes, gate = rl._rules()
    texts = _texts(_phrases("refusal", "hybrid", "office_days"))
    both = 0
    for low in texts:
        want = hybrid.search(refusal.sub(" ", low)) is not None
        assert rl._states_share(gate.scan(low)) == want, low
        both += want and refusal.search(low) is not None
    assert both > 20  # texts with a refusal and a share beside it were compared


def test_grants_home_work_is_the_alternation() -> None:
    whole = rl._home_grants()
    assert whole is not None
    found = 0
    for low in _texts(_phrases("home_grants")):
        want = whole.search(low) is not None
        assert rl.grants_home_work(low) == want, low
        found += want
    assert found > 20


def _home_share_reference(low: str) -> bool:
    """etl.normalize.remote._home_share before the gate (main 95cb2c08), for comparison."""
    if not any(word in low for word in ("home", "remot", "wfh", "week", "telecommut")):
        return False
    counted = any(word in m.group(0) for m in r._hybrid_counts(low)
                  for word in ("home", "remot", "wfh", "week"))
    whole = rl._home_grants()
    return bool(counted or r._L_PARTLY_REMOTE.search(low) or any(
        not r._OR_OFFICE.match(low, m.end())
        and not r._REFUSED_BEFORE.search(low, max(0, m.start() - 8), m.start())
        for m in r._L_POSSIBLE_REMOTE.finditer(low))
        or (whole is not None and whole.search(low) is not None))


def test_home_share_gated_is_the_whole_text_reading() -> None:
    patterns = [a for rx in (r._TEXT_HYBRID, r._PARTLY_REMOTE, r._POSSIBLE_REMOTE)
                for a in alternatives(rx.pattern)]
    texts = _texts(patterns + _phrases("home_grants"))
    texts += ["ı " + t for t in texts[:200]]  # a letter re.I folds: the gate is passed by, as before
    shares = 0
    for low in texts:
        want = _home_share_reference(low)
        assert r._home_share(low) == want, low
        shares += want
    assert shares > 100


def test_alternatives_split_at_the_top_level_only() -> None:
    assert alternatives(r"a[|]b|c\|d|(x|y)z|[]|]q|[^]|]") == ["a[|]b", r"c\|d", "(x|y)z", "[]|]q", "[^]|]"]
    assert alternatives("abc") == ["abc"]
    for rx in (r._TEXT_HYBRID, r._PARTLY_REMOTE, r._POSSIBLE_REMOTE):
        assert "|".join(alternatives(rx.pattern)) == rx.pattern
    with pytest.raises(re.error):
        alternatives(r"(a)|\1")  # a reference to another alternative's group does not stand alone


def test_a_branch_after_a_short_run_leads_with_each_alternative() -> None:
    """The parser takes the common "w" out of "wfh|work": the leading literals are still "wfh" and "work" (a
    pattern led by look-behinds and only "w" was searched at every position: about 1 ms a text). Failed
    before this session (the leading literals were "w" alone)."""
    assert leading_literals(r"(?<!\bno )\b(?:wfh|work(?:ing)?[\s-]from[\s-]home)\s+options?") == frozenset(
        {"wfh", "work"})
    assert leading_literals(r"(?:do not|don't) apply") == frozenset({"do not", "don't"})
    assert leading_literals(r"ab(?:c|\d)") == frozenset({"ab"})  # an alternative with no literal: the run
    assert leading_literals(r"abcd(?:ef|gh)") == frozenset({"abcd"})  # a run long enough already: unchanged
    # the gate tries such a pattern at those places only, with a search's answers
    pattern = r"(?<!\bno )(?<![’']s )\b(?:wfh|work(?:ing)?[\s-]from[\s-]home)\s+(?:options?|polic(?:y|ies))\b"
    gate = LiteralGate([pattern])
    rx = re.compile(pattern)
    for text in ["a wfh option", "no wfh option", "our work from home policy", "its work-from-home options",
                 "working from home policies", "swfh option", "the company's wfh policy", "work from home"]:
        assert gate.scan(text).matches(0) == (rx.search(text) is not None), text


@pytest.mark.parametrize("location,title", [
    ("Remote - US", "Engineer"), ("Leeds", "Engineer (Hybrid)"), ("São Paulo-SP (Híbrido)", "Dev"),
    ("Berlin", "Nebenjob aus dem Homeoffice"), ("Leeds", "Engineer"), (None, None), ("", "")])
def test_short_field_readings_are_remembered_unchanged(location: str | None, title: str | None) -> None:
    text = "We build tools. The whole job is done from home, fully remote."
    for _ in range(2):  # the second call reads the remembered answers
        assert r._short_field_mode(location) == r._field_mode(location)
        assert r._short_field_language(title) == rl.language_reading(title)
        assert r.classify_remote(location, title, text) == r.classify_remote(location, title, text)
