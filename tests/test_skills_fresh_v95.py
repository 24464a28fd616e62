"""Skills classes of the hundred-and-first round (issue 9, real-fresh-v95, Hacker News and No Fluff Jobs)
(invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "OO" before an object-oriented language is object-oriented programming in that language
    ("Must have: OO PHP programming with good use of patterns.", "OOP", True),
    ("Solid OO Java and a taste for clean interfaces.", "OOP", True),
    ("You write OO Python every day.", "OOP", True),
    ("Years of OO C++ development in trading systems.", "OOP", True),
    # the bare letters elsewhere stay out (a name, an exclamation)
    ("OO Labs is hiring a PHP developer.", "OOP", False),
    ("Wow, OO! We ship Java.", "OOP", False),
    # a distributed datastore is a distributed system the role builds
    ("You'll work on a high performance distributed datastore written in C.", "Distributed Systems", True),
    ("We build distributed data stores for telemetry.", "Distributed Systems", True),
])
def test_v95_classes(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # non-relational databases are NoSQL databases, as the taxonomy already reads the phrase in Portuguese,
    # Spanish, French and German
    ("Experience with relational & non-relational databases.", True),
    ("Some exposure to a non-relational database is a plus.", True),
    ("You know nonrelational databases and their trade-offs.", True),
    # relational databases alone are not
    ("You know relational databases well.", False),
])
def test_non_relational_databases_are_nosql(text: str, named: bool) -> None:
    assert ("NoSQL" in _named(text)) is named
