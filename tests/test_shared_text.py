"""The posting's shared texts (etl/normalize/shared_text.py): one union scan gives each field exactly what its
own automaton gave, and the fields answer the same with and without it."""

from __future__ import annotations

import pytest

from etl.extract import _cue_union
from etl.normalize import experience, remote_languages, salary, skill_context
from etl.normalize.literal_gate import Automaton
from etl.normalize.remote import classify_remote
from etl.normalize.shared_text import MAX_SCANS, CueUnion, PostingText

# invented wordings in several languages, ASCII and not, with the cue words of every field
TEXTS = [
    "<Company> is a fintech startup. We need 5+ years of Python. Salary: $120k - $150k per year. Remote.",
    "Wir suchen dich mit 3 Jahren Erfahrung und einem Bachelor-Abschluss. 2 Tage Homeoffice pro Woche.",
    "Vous avez 3 ans d'expérience, un diplôme Bac+5. Télétravail partiel possible. 45 000 € par an.",
    "Experiência de 2 anos; graduação em Computação. Modelo híbrido em <city>. Salário R$ 8.000/mês.",
    "ÉTUDES: Master. 100% remoto. İstanbul ofisi. Ünvan: <role>. 5 lat doświadczenia, praca zdalna.",
    "",
    "no cue at all here",
    "As a Senior <Role> you lead the team. As a <Role> you have 2 years of experience.",
]


def _own(name: str) -> tuple[str, Automaton]:
    return {
        experience.DEGREE_CUES: ("any", experience._DEGREE_GATE._anchored),
        experience.YEAR_CUES: ("chars", experience._OTHER_YEAR_AT),
        experience.RUNG_CUES: ("chars", experience._RUNG_PHRASES.automaton),
        salary.ANCHOR_CUES: ("chars", salary._ANCHOR_SCAN),
        skill_context.PITCH_CUES: ("chars", skill_context._rules().scan),
    }[name]


NAMES = [experience.DEGREE_CUES, experience.YEAR_CUES, experience.RUNG_CUES, salary.ANCHOR_CUES,
         skill_context.PITCH_CUES]


def _in_chars(found: tuple[list[tuple[int, int, int]], bytes | None]) -> list[tuple[int, int, int]]:
    """``Automaton.find_any``'s hits with their offsets in characters."""
    hits, raw = found
    if raw is None:
        return hits
    return [(w, len(raw[:a].decode()), len(raw[:b].decode())) for w, a, b in hits]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize("text", TEXTS)
def test_each_field_gets_its_own_scan(name: str, text: str) -> None:
    """Same hits, same order, same offsets in characters, for the text as ``str.lower`` and as the
    ASCII-only lower case of experience and salary; a gate's (``find_any``) in characters, no bytes."""
    kind, automaton = _own(name)
    for low in {text.lower(), text.encode().lower().decode()}:
        shared = PostingText(_cue_union(), text)
        if kind == "any":
            got = shared.hits_any(name, low)
            assert got is not None and got[1] is None
            assert sorted(got[0]) == sorted(_in_chars(automaton.find_any(low)))
        else:
            assert shared.hits(name, low) == automaton.find_matches_as_indexes(low, overlapping=True)


@pytest.mark.parametrize("text", TEXTS)
def test_the_gate_reads_the_shared_scan_as_its_own(text: str) -> None:
    """Each pattern of the degree gate matches the text exactly when it does with the gate's own scan."""
    for gate, name in ((experience._DEGREE_GATE, experience.DEGREE_CUES),):
        low = text.lower()
        own = gate.scan_anchored(low)
        got = gate.scan_anchored(low, PostingText(_cue_union(), text).hits_any(name, low))
        assert (own is None) == (got is None)
        if own is not None and got is not None:
            assert [got.matches(i) for i in range(len(gate.patterns))] == [
                own.matches(i) for i in range(len(gate.patterns))]


def test_a_word_of_several_fields_and_a_word_twice_in_one() -> None:
    union = CueUnion({"a": ["remote", "home", "remote"], "b": ["home", "office"]})
    shared = PostingText(union, "x")
    own = Automaton(["remote", "home", "remote"]).find_matches_as_indexes("remote from home", True)
    assert shared.hits("a", "remote from home") == own
    assert shared.hits("b", "remote from home") == [(0, 12, 16)]
    assert shared.hits("c", "remote from home") is None  # no such field: the caller scans itself


def test_lower_is_made_once_and_only_for_its_texts() -> None:
    text = "Senior <Role> - Remote"
    shared = PostingText(None, text)
    assert shared.lower(text) == text.lower()
    assert shared.lower(text) is shared.lower(text)
    assert shared.lower("Other") == "other"
    assert shared.hits("a", "other") is None  # no union: every field scans itself


def test_a_full_record_lets_the_field_scan() -> None:
    shared = PostingText(_cue_union(), "x")
    for k in range(MAX_SCANS):
        assert shared.hits(salary.ANCHOR_CUES, f"text {k} $") is not None
    assert shared.hits(salary.ANCHOR_CUES, "one more $") is None


@pytest.mark.parametrize("text", TEXTS)
def test_the_fields_answer_the_same_with_the_shared_texts(text: str) -> None:
    shared = PostingText(_cue_union(), text, text)
    assert experience.parse_degree(text, shared) == experience.parse_degree(text)
    assert experience.parse_experience(text, shared) == experience.parse_experience(text)
    title = "<Role>"
    assert experience.other_rungs_dropped(title, text, shared) == experience.other_rungs_dropped(title, text)
    assert salary.parse_salary(text, country="DE", shared=shared) == salary.parse_salary(text, country="DE")
    company = "<Company>"
    assert skill_context.pitch_spans(text, company, shared) == skill_context.pitch_spans(text, company)
    assert remote_languages.language_reading(text, shared) == remote_languages.language_reading(text)
    assert remote_languages.refuses_remote(text, shared) == remote_languages.refuses_remote(text)
    role = "<Role>"
    assert classify_remote(None, role, text, None, shared=shared) == classify_remote(None, role, text, None)
