"""Skills classes of the later batch real-later-v19 (issue 9: No Fluff Jobs and LinkedIn skills).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "named"), [
    # a team named before its members word, one member named by a role: the list is people, DevOps a colleague
    ("The squad consists of about 9 people including Kotlin/Swift and web developers, DevOps, UX, and a PO.",
     False),
    ("You join the local team, which will consist of Front-End, Back-End, Full Stack and DevOps Engineers.",
     False),
    # the list's first item is the team's own work (real-test-v11 ruling: a group of experts the role joins)
    ("Our team includes DevOps engineers, QA analysts and a product owner.", True),
    # as before: the first member named by a role
    ("Our team includes developers, DevOps, UX and a product owner.", False),
    # no team named before the members word: a list of work, which counts
    ("Your duties include Python services, DevOps and mentoring developers.", True),
    ("The role includes DevOps, monitoring and on-call work with other engineers.", True),
    # a team named, but no member named by a role: the team's practices count
    ("The team consists of experts including DevOps, CI/CD and cloud automation.", True),
    # the roles hired
    ("Our team is hiring, including DevOps engineers and backend developers.", True),
])
def test_devops_among_a_teams_members_named_by_role(text: str, named: bool) -> None:
    assert ("DevOps" in _named(text)) is named


def test_the_first_member_named_is_the_teams_own_work() -> None:
    text = "The team consists of Data Science specialists, ML engineers and analysts. You build churn models."
    assert "Data Science" in _named(text, "Data Scientist")


@pytest.mark.parametrize(("text", "named"), [
    # a domain skill naming a gathering the company holds or offers: no work asked
    ("Learning together: book clubs, talks on architecture, Machine Learning meetings, hackdays.", False),
    ("We host the city's PyData and Machine Learning Meetups.", False),
    ("Monthly AI meet-ups in the office, pizza included.", False),
    # the work itself still counts
    ("You will build Machine Learning models and present them in team meetings.", True),
    ("Machine Learning: you train and ship ranking models.", True),
])
def test_a_domain_skill_naming_meetings_or_meetups(text: str, named: bool) -> None:
    skill = "AI" if "AI meet" in text else "Machine Learning"
    assert (skill in _named(text)) is named
