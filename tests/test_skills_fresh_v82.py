"""Skills classes from the eighty-eighth round's misses (issue 9, real-fresh-v82; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the employer's plan to invest in a field for its own work names what the company does, as "we use AI to
    # automate ..." (seventy-second round): no demand of the role
    ("We are looking to invest heavily in AI to automate our back office. You will write TypeScript.",
     "AI", False),
    ("We're planning to invest in machine learning to improve our delivery routes.", "Machine Learning",
     False),
    # the concrete tools in the same sentence are still the team's, and the role's own work still counts
    ("We are looking to invest heavily in AI to automate our back office. You will write TypeScript.",
     "TypeScript", True),
    ("You will invest your time in machine learning to improve our routing models.", "Machine Learning",
     True),
    ("We are looking for an engineer to use AI to automate our test suites.", "AI", True),
])
def test_eighty_eighth_round_employer_invests_in_a_field(text: str, skill: str, named: bool) -> None:
    assert (skill in named_in_posting(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # what a product rests on ("a tool based on AI solutions", "an app powered by machine learning") names the
    # product, not what the role is asked to do (eighth-round ruling: what the product does is not demand)
    ("Project: a reader of contracts based on AI solutions.\nRequired: React and TypeScript.", "AI", False),
    ("Project: a reader of contracts based on AI solutions.\nRequired: React and TypeScript.", "React", True),
    ("The product is a trip planner powered by machine learning, used by hotels.", "Machine Learning", False),
    ("Our tickets are sold through an app driven by AI.", "AI", False),
    # a requirement or the applicant before it makes it demand
    ("Experience building services based on machine learning is required.", "Machine Learning", True),
    ("You will build recommendation features based on machine learning.", "Machine Learning", True),
    # ... and so does a stack line: the team's own system rests on it
    ("Tech stack: the core of our engine is a route planner based on machine learning.\nIt is written in Go.",
     "Machine Learning", True),
    # the field asked plainly stays
    ("The project needs machine learning for its reader of contracts.", "Machine Learning", True),
])
def test_eighty_eighth_round_what_a_product_is_based_on(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # a role written in lower case ("ios developer") names the platform, as "iOS development" does in any case
    ('let role = "ios developer"\nlet place = "remote"', True),
    ("we need an ios engineer for our booking app", True),
    ("Hiring two iOS Engineers.", True),
    # a lower-case "ios" alone is still no mention (a path, a word in a file name)
    ("see /docs/ios/setup for the build", False),
])
def test_eighty_eighth_round_lower_case_ios_role(text: str, named: bool) -> None:
    assert ("iOS" in _named(text)) is named
