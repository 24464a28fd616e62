"""The remote gate's places and the boilerplate sections' line checks (issue 10, twenty-second session,
docs/performance.md "The remote, cleaning, sections and experience stages' cost") give what the plain paths
give: ``Scan.places`` of the remote gate is each word's every place (a grouping of the hits was tried and
dropped: no measurable gain; the test stays as the places' contract), and ``demand_text`` normalises a skipped
line once (remembered) for its hiring and stack checks.
Invented wordings, in every language of etl/data/work_arrangement.yaml and etl/data/boilerplate_sections.yaml.
"""

from __future__ import annotations

import random
import re

import pytest

from etl import sections
from etl.normalize import remote_languages
from etl.normalize.literal_gate import LiteralGate, Scan

# invented sentences in the eight languages of etl/data/work_arrangement.yaml (en de fr es pt nl pl it)
REMOTE_SENTENCES = [
    "Work from home two days a week, remote days flexible; hybrid setup in our office.",
    "2 Tage Homeoffice pro Woche, mobiles Arbeiten möglich, kein reiner Remote-Job, Büro in Köln.",
    "Télétravail partiel possible : 2 jours de télétravail par semaine, pas de télétravail complet.",
    "Trabajo híbrido: 3 días en la oficina y 2 en remoto; teletrabajo no disponible al 100 %.",
    "Modelo híbrido, 100% remoto possível, home office 2x por semana; trabalho presencial às sextas.",
    "Hybride werkplek: 2 dagen thuiswerken per week, op kantoor in Utrecht, volledig remote niet mogelijk.",
    "Praca zdalna lub hybrydowa, 2 dni w biurze w tygodniu, możliwość pracy zdalnej 100%.",
    "Lavoro ibrido, 2 giorni in smart working a settimana, ufficio a Milano; full remote non previsto.",
]


def _plain_places(scan: Scan, gate: LiteralGate, word: int) -> list[int]:
    """What ``places`` gave before: the starts of ``word`` among the hits, found by a pass over every hit, in
    characters of the text."""
    text = scan.text
    literal = gate._words[word]
    return [m.start() for m in re.finditer(f"(?={re.escape(literal)})", text)]


def _texts() -> list[str]:
    rng = random.Random(22)
    pieces = [w for s in REMOTE_SENTENCES for w in s.lower().split()]
    pieces += ["é", "😀", "—", "\u00a0", "\n- ", "remote", "home office", "télétravail", "büro"]
    texts = [s.lower() for s in REMOTE_SENTENCES] + ["", "😀remote😀", "é" * 3 + "remote"]
    for _ in range(400):
        texts.append(" ".join(rng.choice(pieces) for _ in range(rng.randint(1, 40))))
    return texts


def test_places_grouped_once_are_the_plain_places_of_every_word() -> None:
    """Every word of the remote gate, asked in any order and again, is where a plain search finds it (ASCII
    texts read in characters, others as UTF-8 bytes turned into characters)."""
    _anchors, _classes, gate = remote_languages._rules()
    rng = random.Random(7)
    asked = 0
    for text in _texts():
        scan = gate.scan(text)
        words = list(range(len(gate._words)))
        rng.shuffle(words)
        for word in words[:60] + words[:5]:  # some twice: the remembered answer
            want = _plain_places(scan, gate, word) if (
                word >= gate._n_scanned or word in scan._present) else []
            assert scan.places(word) == want, (gate._words[word], text)
            asked += 1
        for word in scan._present:
            assert scan.places(word) == _plain_places(scan, gate, word), (gate._words[word], text)
    assert asked > 20_000


@pytest.mark.parametrize("sentence", REMOTE_SENTENCES)
def test_language_reading_unchanged_through_the_grouped_places(sentence: str) -> None:
    """The gate's answers, which read the places, are each phrase's own search."""
    _anchors, _classes, gate = remote_languages._rules()
    low = sentence.lower()
    scan = gate.scan(low)
    for i, rx in enumerate(gate.patterns):
        assert scan.matches(i) == (rx.search(low) is not None), (rx.pattern, sentence)


# invented lines of a company section in the five languages of etl/data/boilerplate_sections.yaml
SECTION_LINES = [
    "We are seeking a Senior Engineer to join our platform team.",
    "- We're looking for a data analyst who likes numbers",
    "Our Stack: Go, React, Postgres",
    "- Tech stack:",
    "• tech stack : Kotlin, Spring",
    "1) our tech: Rust and Python",
    "Wir suchen eine Entwicklerin (m/w/d) für unser Team in Hamburg.",
    "Unser Tech-Stack: TypeScript, Vue, AWS",
    "Nous recherchons un développeur backend passionné.",
    "Notre stack technique : Elixir, Phoenix",
    "Estamos buscando una ingeniera de datos con experiencia.",
    "Nuestras tecnologías: Java, Kubernetes",
    "Estamos procurando uma pessoa desenvolvedora sênior.",
    "Nossa stack: Node.js, Redis",
    "   Buscamos talento   ",
    "Health insurance and a yearly learning budget",
    "Über uns: Wir bauen Software für Kliniken",
    "x" * (sections.BARE_CHARS + 5) + " tech stack: Go",
    "our stack: " + "y" * sections.BARE_CHARS,
    "",
    "-",
]


@pytest.mark.parametrize("line", SECTION_LINES)
def test_a_line_normalised_once_answers_as_each_check_did(line: str) -> None:
    for _ in range(2):  # cold, then remembered
        bare = sections._bare_norm(line)
        assert sections._hiring_text(bare) == sections._hiring(line)
        assert sections._stack_text(bare) == sections._stack_line(line)
        assert bare == sections._norm(sections._BULLET.sub("", line, count=1))


def _documents() -> list[str]:
    rng = random.Random(5)
    openings = ["About us", "Über uns", "À propos de nous", "Sobre nós", "Sobre nosotros", "Benefits:",
                "Requirements:", "Your profile", "Ihr Profil:"]
    docs = []
    for _ in range(300):
        paragraphs = []
        for _ in range(rng.randint(1, 6)):
            lines = [rng.choice(openings)] if rng.random() < 0.5 else []
            lines += rng.sample(SECTION_LINES[:17], rng.randint(1, 4))
            paragraphs.append("\n".join(lines))
        docs.append("\n\n".join(paragraphs))
    return docs


def test_demand_text_is_the_same_with_the_lines_checked_apart(monkeypatch: pytest.MonkeyPatch) -> None:
    """``demand_text`` with the shared, remembered normal form against the same text read with each check
    normalising the line itself (the plain path), over invented company sections in five languages."""
    docs = _documents()
    fast = [sections.demand_text(d) for d in docs]
    fast_again = [sections.demand_text(d) for d in docs]
    monkeypatch.setattr(sections, "_bare_norm",
                        lambda line: sections._norm(sections._BULLET.sub("", line, count=1)))
    plain = [sections.demand_text(d) for d in docs]
    assert fast == plain == fast_again
    assert sum(f != d for f, d in zip(fast, docs, strict=True)) > 100  # sections were dropped
