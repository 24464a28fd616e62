"""The misspelt-list-item rule splits a line into items with a pattern written for speed
(``etl.normalize.skills._LIST_ITEM_SPLIT``): it must split exactly as the plain pattern it replaced."""

from __future__ import annotations

import random
import re
import sys

import pytest

from etl.normalize.skills import _LIST_ITEM_SPLIT, extract_skills

# the pattern as first written (slow: ``\s*`` and each alternative tried at every position)
_PLAIN = re.compile(r"\s*(?:[,;/|()•]|\s(?:and|or|e|ou|und|oder|et|y|i)\s)\s*")

# pieces of invented lines: every kind of space, mark and joining word, and words next to them
_PIECES = [" ", "  ", "\t", "\u00a0", ",", ";", "/", "|", "(", ")", "•",
           "and", "or", "e", "ou", "und", "oder", "et", "y", "i", "AND", "x", "Go", "Rust"]


@pytest.mark.parametrize("line", [
    "Stack: Python, Kuberentes, PostgreSQL",
    "Python\tand  Kuberentes;Docker",
    "Docker AND Kuberentes, Python",   # upper-case "AND" joins nothing
    "Ruby e Rails ou Go y Java i C",
    " ,  (Terraform) | Ansible •  Pulumi / ",
    "Python  and\u00a0Docker,, , Rust",
    "andor and or  oder und et",
])
def test_the_split_is_the_plain_patterns(line: str) -> None:
    assert _LIST_ITEM_SPLIT.split(line) == _PLAIN.split(line)


def test_the_split_is_the_plain_patterns_on_random_lines() -> None:
    rng = random.Random(7)
    for _ in range(20_000):
        line = "".join(rng.choice(_PIECES) for _ in range(rng.randint(0, 14)))
        assert _LIST_ITEM_SPLIT.split(line) == _PLAIN.split(line), repr(line)


@pytest.mark.parametrize(("text", "named"), [
    ("Tools: Python\tand  Kuberentes; Docker", True),    # a tab and two spaces around "and": a separator
    ("Tools: Docker AND Kuberentes, Python", False),     # "AND" is no separator: one item of three words
    ("Tools: Docker •Kuberentes•  Python", True),
])
def test_misspelt_items_found_where_the_split_cuts(text: str, named: bool) -> None:
    assert ("Kubernetes" in extract_skills(text)[0]) is named


@pytest.mark.parametrize(("text", "named"), [
    # the item is exactly MIN_TYPO_CHARS long: the length shortcut must still read it
    ("Tools: Python, Jnekins, Docker", True),
    ("Tools: Python,Jnekins;Docker", True),
    ("Tools: Python, Docker, Jnekins is kind", False),   # not a one-word item
])
def test_items_of_the_shortest_length_are_read(text: str, named: bool) -> None:
    assert ("Jenkins" in extract_skills(text)[0]) is named


def test_only_one_letter_grows_in_lower_case() -> None:
    # why an item shorter than MIN_TYPO_CHARS is skipped unless it holds "İ": stripping shortens it and
    # lower() lengthens no other character
    assert [c for c in range(sys.maxunicode + 1) if len(chr(c).lower()) != 1] == [0x130]
