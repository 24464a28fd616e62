"""``ContextWords.near`` reads each stretch of a text once (issue 10, twenty-fourth session,
docs/performance.md "The remote stage's regression and the skills tag pass"; h23perf ruling 3,
``among_non_skills``' window scan).

Why: a text's mentions of domain skills have overlapping reaches (160 characters either side), and each
reach was lower-cased and scanned for department, team, field and industry words again. The stretches read
are now remembered with the words found starting in them; the answer must stay the plain reading's (a word
of the context automaton starting in the reach). Invented texts in English, German, French, Spanish and
Polish, mentions asked in any order and again, at the text's edges, with non-ASCII letters.
"""

from __future__ import annotations

import random

from etl.normalize import skill_context as sc

WORDS = [
    "We work with the Data Science team and the Marketing department on AI products.",
    "Das DevOps-Team und die IT-Abteilung arbeiten mit Machine Learning.",
    "L'équipe Data et le département Finance utilisent l'IA au quotidien.",
    "El equipo de Ingeniería y el departamento de Ventas usan Big Data.",
    "Zespół QA i dział HR korzystają z uczenia maszynowego.",
    "Degree in Computer Science, Statistics, Physics or a related field; fintech, healthcare and retail.",
    "Plain sentence without any of the words at all, just filler text here.",
    "Ünïcödé — 😀 emoji, naïve café, Größe, Zürich.",
]


def _plain_near(text: str, start: int, stop: int) -> bool:
    """The reading before: the reach lower-cased and scanned whole each time (or the whole text's words for a
    text holding "İ" or "Σ")."""
    rules = sc._rules()
    end = stop + sc.CLAUSE_CHARS
    if "\u0130" in text or "\u03a3" in text:
        scan = rules.context_scan.find_matches_as_indexes(text.lower(), overlapping=True)
        return any(start - sc.CLAUSE_CHARS <= at < end for _, at, _ in scan)
    lo = max(0, start - sc.CLAUSE_CHARS)
    window = text[lo : end + rules.context_longest].lower()
    found = rules.context_scan.find_matches_as_indexes(window, overlapping=True)
    return any(lo + at < end for _, at, _ in found)


def _texts() -> list[str]:
    rng = random.Random(24)
    texts = [" ".join(WORDS), WORDS[6], "", "team", "İstanbul team " * 30, "ΣΟΦΙΑ data science " * 20]
    for _ in range(150):
        texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 25))))
    return texts


def test_near_remembers_stretches_and_answers_as_the_plain_reading() -> None:
    rng = random.Random(10)
    asked = 0
    for text in _texts():
        if not text:
            continue
        context = sc.ContextWords(text)
        spots = [rng.randrange(len(text)) for _ in range(rng.randint(1, 30))]
        spots += [0, len(text) - 1]
        rng.shuffle(spots)
        for at in spots + spots[::-1]:
            stop = min(len(text), at + rng.randint(1, 20))
            assert context.near(at, stop) == _plain_near(text, at, stop), (text[:40], at, stop)
            asked += 1
    assert asked > 3000


def test_stretches_are_joined_and_not_read_again() -> None:
    """A reach with no word is read and remembered; a reach overlapping it reads only the rest; a reach where
    a word was found already answers without reading."""
    text = (WORDS[6] + " ") * 20
    context = sc.ContextWords(text)
    assert not _plain_near(text, 0, len(text))
    assert context.near(500, 510) is False
    assert context.near(700, 705) is False  # overlaps the first reach: only the part after it is read
    assert context._read == [(340, 865)]
    assert sc._unread(context._read, 300, 900) == [(300, 340), (865, 900)]
    assert sc._unread(context._read, 400, 800) == []
    assert sc._joined([(5, 9), (0, 5), (12, 14)]) == [(0, 9), (12, 14)]
    team = "Filler words. " * 30 + "the data team. " + "Filler words. " * 30
    context = sc.ContextWords(team)
    assert context.near(420, 425) is True
    read = list(context._read)
    assert context.near(430, 440) is True and context._read == read  # the word found before: nothing read
