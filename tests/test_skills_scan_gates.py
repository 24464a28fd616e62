"""The skills scan's cheap gates (issue 10, twenty-first session, branch h21perf3): each gives the answer of
the plain path it skips, on invented texts in the languages of skills.yaml's lead-ins and list words.

* ``_BACK_SUSPENDED_HINT`` is written with the hyphen first (a pattern opening with a lookbehind is tried at
  every character): the same matches as the old pattern, letter looked behind.
* ``_with_back_suspended`` tries a probe word ("Integrations" + "tests") only when it is a form's key
  (``_Matcher.keys``): a word that is none has no hit spanning it.
"""

from __future__ import annotations

import dataclasses
import re
from unittest import mock

import pytest

from etl.normalize import skills as S

OLD_BACK_HINT = re.compile(r"(?<=[^\W\d_])-(?=\s*[,/]|\s+\w)")

# invented wording, one or more per language the lead-ins and list words hold
TEXTS = [
    "Du schreibst Integrations- und Lasttests für unsere Plattform.",
    "Erfahrung mit Daten-, Prozess- und Objektmodellierung sowie Unit- bzw. Integrationstests",
    "Kenntnisse in Front- oder Backend-Entwicklung, Deutsch- und Englischkenntnisse",
    "Wir bieten Urlaubs- und Weihnachtsgeld, Weiterbildungs- sowie Entwicklungsmöglichkeiten.",
    "Experience with pre- and post-processing, short- and long-term planning, e- commerce.",
    "You will write unit- and integration tests; on- site work, full-time - remote.",
    "Maîtrise des tests unitaires- et d'intégration, ainsi que- ou bien Jenkins.",
    "Experiência com testes unitários- e de integração, e/ou Delphi; front- ou back-end.",
    "Experiencia con pruebas unitarias- y de integración, y/o Kubernetes.",
    "Znajomość testów jednostkowych- i integracyjnych, oraz- lub Docker.",
    "Ervaring met unit- en integratietests, Python- of Java-ontwikkeling.",
    "a- b, ab- / cd, abc-, x_- y, 12- 34, É- und Ü- ,  Ä-\n, -start, end-",
    "Große- und Kleinschreibung, İstanbul- und Ankara-Büros, Σύστημα- και δοκιμές",
    "",
    "-",
]


@pytest.mark.parametrize("text", TEXTS)
def test_back_hint_same_matches_as_the_lookbehind_first_pattern(text: str) -> None:
    assert [m.span() for m in S._BACK_SUSPENDED_HINT.finditer(text)] == [
        m.span() for m in OLD_BACK_HINT.finditer(text)
    ]
    assert bool(S._BACK_SUSPENDED_HINT.search(text)) == bool(OLD_BACK_HINT.search(text))


class _Everything(frozenset):  # type: ignore[type-arg]
    """Every probe word is a key: the plain path, each probe scanned."""

    def __contains__(self, item: object) -> bool:
        return True


@pytest.mark.parametrize("text", TEXTS)
def test_back_suspended_probe_gate_gives_the_plain_answer(text: str) -> None:
    m = S._matcher()
    plain = dataclasses.replace(m, keys=_Everything())
    prepared = S._prepare(text, "")
    if prepared is None:
        return
    orig, _, _, scan = prepared
    hits = S._hits(scan, orig, m)
    assert S._with_back_suspended(orig, m, hits) == S._with_back_suspended(orig, plain, hits)


def test_back_suspended_gate_keeps_a_found_compound() -> None:
    # the gate does not stop the rule: "Integrations- und Lasttests" still names Integration Testing
    skills, _ = S.extract_skills("Du schreibst Integrations- und Lasttests für unsere Plattform.")
    assert "Integration Testing" in skills


def test_every_whole_form_probe_is_a_key() -> None:
    """The gate's premise over the whole taxonomy: each written form (name or alias) whose probe the plain
    path reads as one whole hit of a skill is a key of the matcher."""
    m = S._matcher()
    checked = 0
    for skill in S.taxonomy():
        for form in (skill.name, *skill.aliases):
            probe = f" {form} "
            found = S._hits(S._scan_copy(probe.lower()), probe, m)
            if len(found) == 1 and found[0][:2] == (1, len(probe) - 1) and m.skill_of[found[0][2]]:
                assert S._scan_copy(form.lower()) in m.keys, form
                checked += 1
    assert checked > 1000


DEVICE_TEXTS = [
    "Test the app on a smartphone (Android 12, iOS 16 or higher).",
    "Mobile phones -- Android, iOS -- and tablets in the lab.",
    "Wir testen auf Handys (Android) und Tablets.",
    "Acesso a telefone celular (Android) para testes.",
    "Tester sur téléphone (iOS) et tablette.",
    "A cellphone stipend; cell phones provided.",
    "No device named here: Python, Docker and SQL.",
    "",
]


@pytest.mark.parametrize("text", DEVICE_TEXTS)
def test_device_gate_gives_the_plain_answer(text: str) -> None:
    """The device test reads only the words that hold no other device word: the same yes or no as every
    word of skills.yaml's ``device_lists``, and the same hits kept."""
    data = S._data()["device_lists"]
    words = [str(w).lower() for w in data["devices"]]
    cfg = S._device_lists()
    assert cfg is not None
    prepared = S._prepare(text, "")
    if prepared is None:
        return
    low = prepared[2].decode("ascii")
    assert any(d in low for d in cfg[0]) == any(d in low for d in words)
    m = S._matcher()
    hits = S._hits(prepared[3], prepared[0], m)
    plain = (tuple(words), *cfg[1:])
    got = S._outside_devices(prepared[0], low, m, hits)
    with mock.patch.object(S, "_device_lists", lambda: plain):
        assert S._outside_devices(prepared[0], low, m, hits) == got


def test_device_gate_words_cover_every_device_word() -> None:
    cfg = S._device_lists()
    assert cfg is not None
    for word in S._data()["device_lists"]["devices"]:
        assert any(g in str(word).lower() for g in cfg[0]), word
