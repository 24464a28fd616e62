"""The literal gate tries a pattern led by look-behinds at the places of a literal further on (issue 10,
twenty-fourth session, docs/performance.md "The remote stage's regression and the skills tag pass").

Why: the two prose phrases of office and home days counted before a mode word
(etl/data/work_arrangement.yaml, real-later-v108: "(?<![\\d.,/-])(?<!first )\\b(?:[1-4]|one|two|three|four)
...\\s+days?\\s+...office") open with look-behinds and a count, so the gate found no literal to try them at
and ``re`` searched them from every position of a text (about 250 µs a text each, most of the remote stage's
rise in the twenty-third session). The gate's split (the rest matched forwards from "day", the prefix
backwards from it on the reversed text) now also reverses look-arounds: a look-behind becomes a look-ahead of
its own pattern reversed, a fixed-width look-ahead a look-behind. The answers must be exactly a search's:
tested here against ``re`` over invented texts in the eight languages of the remote data file, counts at a
text's start and end, "today in", "2-3 days", "three days a week".
"""

from __future__ import annotations

import random
import re

import pytest

from etl.normalize import remote_languages
from etl.normalize.literal_gate import LiteralGate, literal_split

COUNT = "(?:[1-4]|one|two|three|four)"

# invented sentences: English with the counts around "day", and the other seven languages of the data file
SENTENCES = [
    "3 days in office",
    "We offer a hybrid model of 3 days onsite and 2 days remote.",
    "At least 3 days in the office, the rest from home.",
    "4 days a week in office, Fridays free.",
    "Work mode: 4 days work from office",
    "2-3 days in office per week",
    "2 - 3 days WFH, 2 to 3 days in-person",
    "three days a week in the office and two days from home",
    "one day from home each week",
    "Two or three days of working from home.",
    "today in the office we ship; Monday in office; a holiday at the site",
    "the first 2 days onsite are for onboarding",
    "interview 1 day onsite, then remote",
    "14 days in office, 1.5 days in office, 5 days on site, -2 days remote, /3 days wfh",
    "2 days in office a month",
    "2 days onsite interviews and 1 day in-person to meet the team",
    "4 days remote training; 1 day remote orientation",
    "3 days wfo",
    "we work in office 3 days",
    "2 days",
    "four day",
    "1 day in the office every week for the first quarter of a year",
    "2 Tage im Büro, 3 days remote pro Woche",
    "Télétravail : 2 jours par semaine, 2 days on-site à Lyon",
    "Trabajo híbrido: 3 días en la oficina, 2 days from home",
    "Modelo híbrido: 2 dias presencial, 3 days in person",
    "Hybride: 2 dagen op kantoor, 1 day wfh",
    "Praca hybrydowa: 2 dni w biurze, 2 days at the office",
    "Lavoro ibrido: 2 giorni in ufficio, 2 days at our office",
    "é2 days in office, —3 days on site, 😀 2 days remote, x2 days remote, 2\u00a0days remote",
    "one day a week on-site\n2 days remotely\nthree days in a week at the office.",
]

PIECES = [
    "1", "2", "3", "4", "5", "14", "one", "two", "three", "four", "five", "first", "interview", "to", "or",
    "-", "day", "days", "today", "monday", "a", "per", "each", "every", "in a", "week", "of", "work",
    "working", "in", "at", "from", "the", "our", "office", "onsite", "on-site", "on site", "in-person",
    "in person", "wfo", "from home", "wfh", "remote", "remotely", "interviews", "visits", "onboarding",
    "training", "to meet", "month", "quarter", "year", ".", ",", "/", "\n", "é", "😀", "—", "büro",
    "télétravail", "oficina", "presencial",
]


def _texts() -> list[str]:
    rng = random.Random(24)
    texts = [s.lower() for s in SENTENCES] + [""]
    for _ in range(3000):
        glue = rng.choice([" ", " ", " ", "", "  ", "\n", "-"])
        texts.append(glue.join(rng.choice(PIECES) for _ in range(rng.randint(1, 14))))
    return texts


TEXTS = _texts()


def _count_phrases(gate: LiteralGate) -> list[int]:
    """The gate's patterns that open with look-behinds and a count of one to four days."""
    return [i for i, rx in enumerate(gate.patterns) if rx.pattern.startswith("(?<![\\d.,/-])(?<!first )")
            and COUNT in rx.pattern]


def _gates() -> list[LiteralGate]:
    home = remote_languages._home_grants_gate()
    assert home is not None
    return [remote_languages._rules()[2], home]


def test_the_count_phrases_are_tried_at_day_not_searched() -> None:
    """The office-days and home-days phrases are split at "day" (on main: searched from every position)."""
    found = 0
    for gate in _gates():
        for i in _count_phrases(gate):
            split = gate._split[i]
            assert split is not None, gate.patterns[i].pattern
            assert gate._words[split[0]] == "day"
            found += 1
    # the office days' and home days' phrases in the main gate, the home days' in the grants'
    assert found >= 3


def test_the_count_phrases_answer_as_a_search() -> None:
    """Each count phrase through the gate is exactly ``re``'s search of it, on every invented text."""
    checked = 0
    for gate in _gates():
        for i in _count_phrases(gate):
            rx = gate.patterns[i]
            for text in TEXTS:
                assert gate.scan(text).matches(i) == (rx.search(text) is not None), (rx.pattern, text)
                checked += 1
    assert checked > 9000
    # the invented sentences hold matches and non-matches of both phrases
    home, office = (re.compile(p) for p in _phrase_pair())
    assert any(office.search(t) for t in TEXTS) and any(home.search(t) for t in TEXTS)
    assert not office.search("today in the office") and not office.search("14 days in office")


def _phrase_pair() -> tuple[str, str]:
    data = remote_languages._data()["en"]
    home = [p for p in data["home_grants"] if p.startswith("(?<![\\d.,/-])")]
    office = [p for p in data["office_days"] if p.startswith("(?<![\\d.,/-])")]
    assert len(home) == 1 and len(office) == 1
    return home[0], office[0]


@pytest.mark.parametrize("text", [s.lower() for s in SENTENCES])
def test_the_whole_reading_is_unchanged(text: str) -> None:
    """The language reading and the home-grant test of each invented sentence, against the plain
    alternations."""
    pattern = remote_languages._home_grants()
    assert pattern is not None
    assert remote_languages.grants_home_work(text) == (pattern.search(text) is not None)
    _anchors, classes, gate = remote_languages._rules()
    plain = [re.compile("|".join(f"(?:{gate.patterns[i].pattern})" for i in group)) for group in gate.groups]
    first = next((k for k, rx in enumerate(plain) if rx.search(text)), None)
    scan = gate.scan(text)
    assert next((k for k in range(len(classes)) if scan.group_matches(k)), None) == first


LOOKAROUND_PATTERNS = [
    r"(?<![\d.])9[5-9]\s?%\s+remote\b",
    r"(?<=\bno )\s*remote",
    r"(?<!not )(?<!\bno)\b(?:one|two|[1-4])\s+days?\s+remote",
    r"(?=\d)\d+\s*-?\s*days",
    r"(?!first )\b\w+\s+day\b",
    r"(?<=[a-z]{2})\d\s?days",
    r"\b(?=[ot])(?:one|two|three)(?<!\bto)\s+days?",
]


def test_look_arounds_in_the_prefix_are_read_backwards() -> None:
    """A prefix with look-behinds and fixed-width look-aheads splits, and answers as a search; a look-ahead of
    varying width cannot become a look-behind (no split)."""
    rng = random.Random(5)
    alphabet = ["9", "6", "1", "2", "4", "95", "%", " ", "  ", ".", "remote", "days", "day", "no ", "not ",
                "one", "two", "three", "to", "first ", "-", "ab", "x"]
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 12))) for _ in range(3000)]
    for pattern in LOOKAROUND_PATTERNS:
        rx = re.compile(pattern)
        split = literal_split(pattern, literals={"remote", "days", "day", "%"})
        assert split is not None, pattern
        literal, match_from, prefix_before = split
        for text in texts:
            places = [m.start() for m in re.finditer(f"(?={re.escape(literal)})", text)]
            backwards = text[::-1]
            got = any(match_from(text, at) and prefix_before(backwards, len(text) - at) for at in places)
            assert got == (rx.search(text) is not None), (pattern, text)
    assert literal_split(r"(?=a+)\s*foo") is None  # a look-ahead of varying width
    assert literal_split(r"(?<=a)\s*foo") is not None  # a look-behind: a look-ahead backwards


def test_a_text_is_reversed_only_where_the_rest_matches() -> None:
    """The split reverses the text only once the rest matched at a place ("day" of "today we" fails at
    once)."""
    gate = LiteralGate([rf"(?<!first )\b{COUNT}\s+days?\s+(?:in|at)\s+(?:the\s+)?(?:office|site)\b"])
    scan = gate.scan("today we ship, a holiday at noon, monday in the city")
    split = gate._split[0]
    assert split is not None and gate._words[split[0]] == "day"
    assert scan.matches(0) is False
    assert scan._backwards is None
    hit = gate.scan("two days in the office")
    assert hit.matches(0) is True and hit._backwards is not None


def test_office_day_statements_are_the_whole_alternations_matches() -> None:
    """The office-days spans (read beside "remote-first") through the gate's matching phrases only are the
    whole alternation's matches, on every invented text (on main: the alternation itself)."""
    whole = remote_languages._office_days()
    assert whole is not None
    found = 0
    for text in TEXTS + [f"remote-first. {t} and {t}" for t in TEXTS[:200]]:
        spans = remote_languages.office_day_statements(text)
        assert spans == [m.span() for m in whole.finditer(text)], text
        found += bool(spans)
    assert found > 20
    assert remote_languages._office_days_of.cache_info().currsize >= 1
