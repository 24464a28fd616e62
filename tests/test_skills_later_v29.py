"""Skills classes of the later batch real-later-v29 (issue 9: Hacker News skills), and the lead's ruling on
"a small, agile team" (the fourteenth session's third wave, real-later-v22 2) coded with this batch's second
record.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named

from etl.normalize.skill_context import pitch_spans
from etl.normalize.skills import extract_skills


@pytest.mark.parametrize(("text", "agile"), [
    # the lead's ruling: a small, agile team is the team's manner, not the practice
    ("We're a small, agile team that builds apps for <office>.", False),
    ("We are a small and agile crew of five.", False),
    ("Join a small, agile, and fast-growing team in <city>.", False),
    ("You enjoy working in small, agile teams.", False),
    # the practice itself still counts
    ("You have worked in an agile team with Scrum.", True),
    ("Experience with Agile development in small teams.", True),
    ("We are a small team and work agile: sprints, retros, demos.", True),
])
def test_a_small_agile_team_is_no_agile(text: str, agile: bool) -> None:
    assert ("Agile" in _named(text)) is agile


def _counted(text: str, company: str) -> set[str]:
    return set(extract_skills(text, "", pitch_spans(text, company))[0])


@pytest.mark.parametrize("text", [
    # the employer's users named in a roster: "using <the employer>" is no stack of the team
    "Brands like Initech, Shopify and Hooli are already using Quill to answer customers.",
    "Companies such as Shopify and Salesforce use Quill every day.",
    "Customers including Shopify are using us to plan stock.",
    "Organizations like Shopify are now using our platform for support.",
])
def test_a_roster_of_the_employers_users_names_no_skill(text: str) -> None:
    got = _counted(text, "Quill Support")
    assert "Shopify" not in got
    assert "Salesforce" not in got


@pytest.mark.parametrize(("text", "skill"), [
    # a stack word of the team's own still keeps a roster sentence (the rule's guard)
    ("Customers like Initech rely on our service, built with Kafka and Go.", "Kafka"),
    ("Clients such as Initech use dashboards we build using Kafka.", "Kafka"),
    ("Companies like Initech are using Quill, whose backend we write using Go.", "Go"),
])
def test_the_teams_own_stack_keeps_a_roster_sentence(text: str, skill: str) -> None:
    assert skill in _counted(text, "Quill Support")


@pytest.mark.parametrize(("text", "named"), [
    # a common misspelling of Kafka in a stack list (the misspelling ruling; the pool backs it)
    ("Tech stack:\n- Python\n- kakfa\n- gRPC\n", True),
    ("We stream events through Kakfa into the warehouse.", True),
    ("Our stack: Kafka and Python.", True),
])
def test_kakfa_is_kafka(text: str, named: bool) -> None:
    assert ("Kafka" in _named(text)) is named
