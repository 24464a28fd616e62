"""The Hacker News comment reader's grouped copy of ``_SPECIFIC_ROLE`` for its yes/no tests (issue 10,
branch h25perf; lead ruling 3 on h24perf, ruling 2 on h23perf2) says yes exactly where the plain pattern finds
a match.

:data:`hn_comment._SPECIFIC_ROLE_ANY` (:func:`hn_comment._role_nouns_any`) is the same role nouns'
alternation with the nouns opening with one letter under one branch and a look-ahead for the nouns' first
letters before it; the plain :data:`hn_comment._SPECIFIC_ROLE` stays where a match's text is read
(``_ROLE_NOUN_END`` is built from it). Both sides of the look-ahead are hit: texts whose words open with a
noun's letter and match or not ("dev" and "devops", "administrators" and "admiral", "head of x" and "heads
of"), words opening otherwise, the characters that match a noun's ASCII letter only case-insensitively
(Kelvin sign, long s, dotted and dotless i), every code point against the look-ahead's class, and whole
comments read with the plain pattern patched in. Equivalence, not a defect: on the code before, the import
of ``_SPECIFIC_ROLE_ANY`` fails."""

from __future__ import annotations

import random
import re
import sys

import pytest

from etl.normalize import hn_comment
from etl.normalize.hn_comment import _SPECIFIC_ROLE, _SPECIFIC_ROLE_ANY, _role_nouns_any

NOUNS = [n for n in _SPECIFIC_ROLE.pattern[5:-5].split("|")]

TEXTS = [
    "", "Senior Glaze Engineer", "glaze engineers", "ENGINEERING", "engineering lead", "Backend Devs wanted",
    "devops", "DevOps Engineer", "dev", "Dev.", "a dev's day", "developers(https://kiln.example)",
    "Kiln Administrators", "admiral", "Admin", "sysadmin", "admins, testers", "Head of Kilns",
    "Head of glaze-ops",
    "heads of kilns", "head of", "Head of ", "ahead of kilns", "SDE II", "SDET", "sdes", "swe-2", "Staff SWE",
    "Design Intern", "internal tools", "internship", "Internships", "Apprentice Potter", "apprenticeship",
    "Test Manager", "management", "Data Scientist", "Analysts", "analytics", "Consultant", "Directors",
    "director's cut", "Specialist", "special", "Architect", "architecture", "Programmer", "programmers,",
    "tester", "testers!", "Kiln Operator", "Open roles:", "Our team is small", "We fire pottery at scale.",
    # other languages' boards: the nouns only where written in English
    "Ingénieur logiciel confirmé", "Desenvolvedor Pleno", "Softwareentwickler*in", "Entwickler (m/w/d)",
    "Développeur senior", "Wij zoeken een medior ontwikkelaar", "Regular Java Developer", "Trainee Tester",
    # characters that match a noun's ASCII letter only case-insensitively
    "\u212ailn Operator", "\u017fde", "\u017fDE", "\u017fwe", "\u017fpecialist", "\u0130ntern", "\u0131ntern",
    "\u0130NTERN", "\u00e9ngineer", "Eng\u0131neer", "eng\u0130neer", "d\u0131rector", "\u212aev",
    # word edges: letters of other scripts, digits, underscores
    "Engineer\u00e9", "\u00e9Engineer", "1dev", "dev1", "_dev", "dev_", "dev-ops", "Dev\u2019s", "\u00fcdev",
    "Senior Engineers", "engineerss", "Engineer s", "devs", "devss",
]


def _plain(text: str) -> bool:
    return bool(_SPECIFIC_ROLE.search(text))


@pytest.mark.parametrize("text", TEXTS)
def test_grouped_copy_says_yes_where_the_plain_pattern_matches(text: str) -> None:
    assert bool(_SPECIFIC_ROLE_ANY.search(text)) == _plain(text)
    for variant in (text.upper(), text.lower(), text.title(), f"We hire: {text}.", f"x{text}", f"{text}x"):
        assert bool(_SPECIFIC_ROLE_ANY.search(variant)) == _plain(variant), variant


def test_grouped_copy_agrees_on_random_texts_built_of_noun_pieces() -> None:
    pieces = [*NOUNS, "head of ", "dev", "s", " ", "-", ".", "x", "\u212a", "\u017f", "\u0130", "\u0131", "é",
              "1", "_", "in", "ad", "ops", "ing", "Eng", "DEV", "S"]
    rng = random.Random(25)
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(1, 6)))
        for variant in (text, text.upper(), text.title()):
            assert bool(_SPECIFIC_ROLE_ANY.search(variant)) == _plain(variant), variant


def test_the_look_ahead_is_on_and_its_class_holds_exactly_the_characters_of_the_first_letters() -> None:
    match = re.match(r"\\b\(\?=\[([a-z]+)\]\)", _SPECIFIC_ROLE_ANY.pattern)
    assert match, _SPECIFIC_ROLE_ANY.pattern  # the nouns all open with an ASCII letter: the gate is on
    letters = match.group(1)
    assert set(letters) == {n[0].lower() for n in NOUNS}
    # every code point: the class under re.I against the letters themselves under re.I
    everything = "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)
    by_class = set(re.findall(f"[{letters}]", everything, re.I))
    by_letters = {c for letter in letters for c in re.findall(letter, everything, re.I)}
    assert by_class == by_letters
    assert {"\u212a", "\u017f"} & by_class  # Kelvin sign (k) or long s (s) among them: non-ASCII partners


def test_grouped_copy_uses_the_same_flags() -> None:
    assert _SPECIFIC_ROLE_ANY.flags == _SPECIFIC_ROLE.flags


@pytest.mark.parametrize(("nouns", "gated"), [
    ("engineer|dev|head of [\\w-]+", True),
    ("engineer|\u00e9tudiant|dev", False),  # a noun opening with a non-ASCII letter: no look-ahead
    ("engineer|s?de|dev", False),  # an optional first letter: no look-ahead
    ("engineer|1st-line|dev", False),  # a digit first
    ("engineer|(?:dev|ops)", False),  # a "|" inside brackets: the plain alternation
])
def test_role_nouns_any_gates_only_where_it_is_exact(nouns: str, gated: bool) -> None:
    fast = _role_nouns_any(nouns)
    plain = re.compile(rf"\b(?:{nouns})s?\b", re.I)
    assert fast.pattern.startswith("\\b(?=[") == gated
    for text in ["engineer", "Engineers", "dev", "devops", "ops", "de", "sde", "SDEs", "\u00e9tudiant",
                 "\u00c9TUDIANTS", "1st-line", "head of kilns", "Head of", "x", "", "\u017fde", "\u212a"]:
        assert bool(fast.search(text)) == bool(plain.search(text)), (nouns, text)


COMMENTS = [
    "Kilnworks | Oslo | ONSITE<p>Glaze Engineer: you will mix glazes.<p>Kiln Operator: you will fire them.",
    "Kilnworks | Oslo | ONSITE<p>Glaze Engineer - mixes glazes<p>Kiln Operator - fires them<p>Write to us.",
    "Kilnworks | Oslo | Several Full-Time Kiln Positions<p>- Senior Glaze Engineer<p>- Kiln Dev<p>- Potter",
    "Kilnworks | Oslo | Glaze & Kiln Roles<p>Staff SWE<p>Head of Glazes<p>Kiln Operator",
    "Kilnworks | Oslo | Glaze Dev Positions<p>We fire pottery at scale.",
    "Kilnworks | Leeds | Multiple Positions<p>Glaze Lead<p>We fire pottery.",
    "Kilnworks | Leeds | Engineers<p>* Senior Backend Engineer (Go, SQL)<p>* Kiln Administrator"
    "<p>* Apprentice",
    "Kilnworks | Leeds | Pay depends on role<p>- Glaze Engineer<p>- Kiln Intern<p>- Tester",
    "Kilnworks | Leeds<p>Glaze Engineer<p>mixes glazes, fires kilns",
    "Kilnworks | Leeds<p>Open roles:<p>- Senior Glaze Engineer - https://kiln.example/1<p>- Kiln SDET - "
    "https://kiln.example/2",
    "Kilnworks | Berlin | Entwickler (m/w/d)<p>Wir suchen Verstärkung<p>Senior Glasur-Entwickler - Glasuren",
    "Kilnworks | Paris | Développeur senior<p>Nous recrutons<p>Ingénieur de four : cuisson",
    "Kilnworks | Oslo | \u212ailn Operator<p>- \u017fde<p>- \u0130ntern",
]


@pytest.mark.parametrize("body", COMMENTS)
def test_comments_read_the_same_with_the_plain_pattern(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def cold() -> None:
        for f in (hn_comment._cells_and_roles, hn_comment.read_comment, hn_comment._lines,
                  hn_comment._names_specific_role, hn_comment.listed_roles):
            f.cache_clear()

    def read() -> tuple[object, ...]:
        cold()
        return (hn_comment.comment_roles(body), hn_comment.family_roles(body),
                repr(hn_comment.read_comment(body, "Leeds")))

    fast = read()
    monkeypatch.setattr(hn_comment, "_SPECIFIC_ROLE_ANY", _SPECIFIC_ROLE)
    plain = read()
    cold()
    assert fast == plain
