"""Skills classes of the hundred-and-second round (issue 9, real-fresh-v96, Hacker News)
(invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting as _named_in_posting


@pytest.mark.parametrize(("text", "named"), [
    # the employer's goal, aim or purpose is its mission: a field named there is the company's, not demand
    ("We make lab software. Our goal at <Name> is to use IoT to speed up research.", False),
    ("We sell to farms. In short, our goal is to use machine learning to cut waste.", False),
    ("Our aim is to bring AI to every clinic.", False),
    # a sentence that speaks to the applicant stays demand
    ("Our goal for you: build our machine learning models in your first month.", True),
])
def test_the_employers_goal_is_its_mission(text: str, named: bool) -> None:
    found = _named_in_posting(text)
    assert bool(found & {"IoT", "Machine Learning", "AI"}) is named, found


@pytest.mark.parametrize(("text", "named"), [
    # "distributed" before one qualifying noun and a head of the adjective lists: a distributed system
    ("We host our distributed microservices architecture on <cloud>.", True),
    ("You will design distributed software systems for <domain>.", True),
    ("Experience building distributed backend services is a plus.", True),
    # data, storage and file systems wait for a ruling; a distributed team is no system
    ("Our data lives in distributed database systems.", False),
    ("We are a distributed team building web services.", False),
])
def test_distributed_before_a_qualified_head(text: str, named: bool) -> None:
    assert ("Distributed Systems" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # pairing beside the team's other practices is pair programming
    ("We work in an XP style with pairing & TDD.", True),
    ("Frequent code reviews, linting, and pairing are part of how we work.", True),
    # other pairings are not
    ("Implement Bluetooth pairing and OTA updates for the device.", False),
    ("You will be pairing geolocation data with store visits.", False),
])
def test_pairing_beside_practices_is_pair_programming(text: str, named: bool) -> None:
    assert ("Pair Programming" in _named(text)) is named
