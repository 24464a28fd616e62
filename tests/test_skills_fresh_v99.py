"""Skills classes of the hundred-and-fifth round (issue 9, real-fresh-v99, Hacker News) (invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "a <language> shop" is a team that writes the language, as "a Python shop" already reads
    ("We're mostly a Java shop, with some Kotlin at the edges.", "Java", True),
    ("<company> is an all-Java shop.", "Java", True),
    # the coffee senses stay out
    ("Free Java coffee in the kitchen.", "Java", False),
    ("Meet us at the Java Junction cafe.", "Java", False),
    # a performance test paired with another kind of load test is a performance test
    ("Run performance and scalability tests before each release.", "Performance Testing", True),
    ("You own load and stability tests of the <product> backend.", "Performance Testing", True),
    ("We do performance and endurance testing on every build.", "Performance Testing", True),
    # a performance review is none
    ("Performance and salary reviews twice a year.", "Performance Testing", False),
])
def test_v99_classes(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a company likening its product to what another product did for others ("do for <field> what <product>
    # is doing for <people>"): the product names the likening, not a tool the job uses
    ("We want to do for payroll what Kubernetes is doing for ops teams.", "Kubernetes", False),
    ("Our aim: to do for logistics what AWS did for servers.", "AWS", False),
    ("We hope to do for hardware what GitHub has done for code.", "GitHub", False),
    # the product used in the same comment still counts
    ("We do for payroll what Kubernetes did for ops. You run our Kubernetes clusters.", "Kubernetes", True),
    ("You'll learn what Docker does for our builds.", "Docker", True),
])
def test_a_likening_with_what_names_no_tool(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named

