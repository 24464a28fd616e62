"""The skills stage's exact cuts of the twenty-second session (issue 10, branch h22perf1): each fast path
gives the answer of the plain path it skips, on invented texts in English, German, French, Portuguese,
Spanish, Polish and Dutch (the languages of skills.yaml's lead-ins and list words and of skill_context.yaml).

* ``_device_asides``: a device's aside matched only near a device word, against ``aside.finditer``;
* ``_with_provider_lists``: no provider's form among the hits, nothing read;
* ``_names_team``: the words stripped once, against the formula read word by word;
* ``_may_name_superior``: the superior's pattern searched only where a cue occurs;
* ``ODD_FOLDS``: every character besides the ASCII letters that ``re.IGNORECASE`` matches to one.
"""

from __future__ import annotations

import re
import sys
from unittest import mock

import pytest

from etl.normalize import skill_context as C
from etl.normalize import skills as S

TEXTS = [
    "Test the app on a smartphone (Android 12, iOS 16 or higher) and on tablets -- iPadOS, Android -- too.",
    "Build native apps for phones (iOS and Android); a cell phone (Android) is provided.",
    "Wir testen auf Handys (Android) und Tablets – Windows, Linux – im Labor; Smartphone(iOS).",
    "Acesso a telefone celular (Android) para testes; celular — iOS, Android — fornecido.",
    "Tester sur téléphone (iOS) et tablette; TÉLÉPHONE (Android) fourni.",
    "Un teléfono celular (Android, iOS) para pruebas; tablets (Windows).",
    "Testy na smartfonach i tabletach (Android, iOS); telefon komórkowy (Linux).",
    "Testen op mobiele telefoons en tablets (Android, iOS); Smart Phones (Linux).",
    "A ſmartphone (Android 12) and a cellphone (iOS); a Kelvin sign: \u212aindle (Linux).",
    "İstanbul office, a phone (Android), ıOS, MOBILE PHONE (iOS)",
    "No device named here: Python, Docker and SQL. Reports to the Head of Data Science.",
    "Azure (including serverless Functions, ServiceBus) and AWS (Lambda, S3); GCP (BigQuery).",
    "Reporting directly to the VP of Data Science, you will work with the AI Center of Excellence.",
    "Berichtet an den Leiter; Zusammenarbeit mit dem ML-Team und dem KI Kompetenzzentrum.",
    "Managed by the Director of Machine Learning, our DevOps team, the QA group. Under the direction of",
    "Sous la direction du chef; travail avec l'équipe DevOps et le Data Science Team Lead.",
    "Reporta ao diretor de Ciência de Dados; o time de DevOps e o AI Centre of Excellence.",
    "Supervisado por el jefe de Big Data; los equipos de QA y el squad de IA.",
    "REPORTS TO THE HEAD OF AI, supervised by the SVP of data, analytics and Machine Learning",
    "",
    "-",
    "phone",
    "(Android)",
]


def test_odd_folds_are_every_character_re_folds_onto_an_ascii_letter() -> None:
    letter = re.compile("[a-zA-Z]", re.IGNORECASE)
    odd = tuple(chr(c) for c in range(128, sys.maxunicode + 1) if letter.fullmatch(chr(c)))
    assert odd == C.ODD_FOLDS


def _plain_asides(orig: str) -> list[tuple[int, int]]:
    cfg = S._device_lists()
    assert cfg is not None
    return [m.span() for m in cfg[1].finditer(orig)]


@pytest.mark.parametrize("text", TEXTS)
def test_device_asides_are_the_whole_search(text: str) -> None:
    cfg = S._device_lists()
    assert cfg is not None
    for title in ("", "Mobile QA Engineer (Android)"):
        prepared = S._prepare(text, title)
        if prepared is None:
            continue
        orig, low = prepared[0], prepared[2].decode("ascii")
        assert [m.span() for m in S._device_asides(orig, low, cfg[0], cfg[1])] == _plain_asides(orig)


@pytest.mark.parametrize("text", TEXTS)
def test_outside_devices_as_the_whole_search(text: str) -> None:
    prepared = S._prepare(text, "")
    if prepared is None:
        return
    orig, low, m = prepared[0], prepared[2].decode("ascii"), S._matcher()
    hits = S._hits(prepared[3], orig, m)
    got = S._outside_devices(orig, low, m, hits)
    with mock.patch.object(S, "_device_asides", lambda o, lw, g, aside: aside.finditer(o)):
        assert S._outside_devices(orig, low, m, hits) == got


def test_device_asides_stitched_texts() -> None:
    """Device words glued, repeated and overlapping, asides that run into each other: the same matches."""
    cfg = S._device_lists()
    assert cfg is not None
    words = [str(w) for w in S._data()["device_lists"]["devices"]]
    asides = [" (Android)", "(iOS, Linux)", " -- Windows --", "—macOS\n", " – iOS", "", " (", "phone(", ")"]
    checked = 0
    for i, word in enumerate(words):
        for j, aside in enumerate(asides):
            for case in (str.lower, str.upper, str.title):
                text = f"x{case(word)}{aside}{words[(i + j) % len(words)]}{asides[(i * j) % len(asides)]} end"
                prepared = S._prepare(text, "")
                assert prepared is not None
                orig, low = prepared[0], prepared[2].decode("ascii")
                assert [m.span() for m in S._device_asides(orig, low, cfg[0], cfg[1])] == _plain_asides(orig)
                checked += 1
    assert checked > 400


@pytest.mark.parametrize("text", TEXTS)
def test_provider_gate_gives_the_plain_answer(text: str) -> None:
    prepared = S._prepare(text, "")
    if prepared is None:
        return
    orig, m = prepared[0], S._matcher()
    hits = S._hits(prepared[3], orig, m)
    got = S._with_provider_lists(orig, m, hits)
    with mock.patch.object(S, "_provider_forms", lambda: frozenset(range(len(m.skill_of)))):
        assert S._with_provider_lists(orig, m, hits) == got


def test_provider_forms_are_the_providers() -> None:
    m, providers = S._matcher(), S._provider_lists()
    assert S._provider_forms() == {i for i, s in enumerate(m.skill_of) if providers.get(s or "")}
    assert S._provider_forms()


def _names_team_plain(words: list[str], rules: C._Rules, first: int) -> bool:
    """_names_team as it read the words before (each step reading every word before it again)."""
    low = [w.lower() for w in words[: C.MAX_TEAM_NAME_WORDS + 4]]
    for k in range(min(C.MAX_TEAM_NAME_WORDS, len(low) - 1) + 1):
        if any(not C._NAME_WORD.fullmatch(w) or w in rules.team_name_stops or C._PREPOSITION.fullmatch(w)
               for w in low[:k]):
            return False
        if any(tuple(x.rstrip(".,;:!?)") for x in low[k : k + len(u)]) == u for u in rules.unit_names):
            return True
        word = low[k].rstrip(".,;:!?)")
        if k >= first and word in rules.team_words:
            after = low[k + 1].rstrip(".,;:!?)") if k + 1 < len(low) and word == low[k] else ""
            return after not in rules.team_title_words
    return False


HEADS = [
    "Engineering team", "tooling group.", "Center of Excellence", "Centre, of excellence", "team lead",
    "Team Leader", "team, leads", "helps teams", "with the team", "Plattform Team", "Abteilung", "équipe",
    "time de dados", "equipo", "zespół", "team.", "teams)", "of Excellence", "platform squad lead", "", "x",
    "für das Team", "Kompetenz Team Lead", "and AI Center of Excellence", "Ops, team",
]


@pytest.mark.parametrize("head", HEADS)
def test_names_team_as_read_word_by_word(head: str) -> None:
    rules = C._rules()
    for words in (head.split(), ("our " + head).split(), (head + " team").split()):
        for first in (0, 1):
            plain = _names_team_plain(words, rules, first)
            assert C._names_team(words, rules, first) == plain, (words, first)


@pytest.mark.parametrize("text", TEXTS + HEADS)
def test_superior_gate_gives_the_search(text: str) -> None:
    rules = C._rules()
    for tail in (text, text + " of ", text[-120:], "Reports to the Head of " + text, text.upper()):
        if rules.superior.search(tail):
            assert C._may_name_superior(tail), tail


@pytest.mark.parametrize("text", TEXTS)
def test_among_non_skills_with_the_gate_as_without(text: str) -> None:
    """Every domain skill's mention of the invented texts: the same answer with the superior gate open."""
    prepared = S._prepare(text, "")
    if prepared is None:
        return
    orig, m = prepared[0], S._matcher()
    for start, stop, idx in S._hits(prepared[3], orig, m):
        if not m.domain[idx]:
            continue
        got = C.among_non_skills(orig, start, stop, C.ContextWords(orig))
        with mock.patch.object(C, "_may_name_superior", lambda tail: True):
            assert C.among_non_skills(orig, start, stop, C.ContextWords(orig)) == got
