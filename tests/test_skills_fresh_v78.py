"""Skills classes from the eighty-fourth round's misses (issue 9, real-fresh-v78; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "title", "named"), [
    # a title naming the lead of a team named after a domain skill is the role's work, as "ML Engineer Team
    # Lead" is: the title word after the team word makes it a title, not colleagues
    ("You will grow our platform crew and its tooling.", "DevOps Team Lead", True),
    ("We are hiring a QA Team Leader to own our release checks.", "", True),
    # the team of colleagues alone stays out
    ("You will hand builds over to the DevOps team every Friday.", "Backend Developer", False),
    ("Our QA team signs off every release.", "", False),
])
def test_eighty_fourth_round_team_lead_title(text: str, title: str, named: bool) -> None:
    skill = "DevOps" if "DevOps" in text + title else "Quality Assurance"
    assert (skill in _named(text, title)) is named


@pytest.mark.parametrize(("text", "title", "skill", "named"), [
    # the lead of a team named after another domain skill: the same title reading
    ("You will set the research agenda.", "AI Team Lead", "AI", True),
    ("You will set the research agenda.", "Data Science Team Lead", "Data Science", True),
    # the team itself is still colleagues
    ("Models come from the Data Science team; you ship them in Go.", "Backend Engineer", "Data Science",
     False),
])
def test_eighty_fourth_round_team_lead_title_other_domains(
    text: str, title: str, skill: str, named: bool
) -> None:
    assert (skill in _named(text, title)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a company comparing itself with a product ("the <product> of <field>") names what it is like, not a tool
    # the job uses (as "a Datadog-like tool")
    ("In short, we want to be the AWS of freight: one API for every truck. You will write Go.", "AWS", False),
    ("Our aim is to become the GitHub of circuit design, and we need a Rust engineer.", "GitHub", False),
    ("We are the Salesforce of vets; join us as a backend developer.", "Salesforce", False),
    # the product the job uses stays, also after "the" and before "of"
    ("You will run the AWS side of our platform with Terraform.", "AWS", True),
    ("You will own the GitHub Actions of every repository.", "GitHub Actions", True),
    ("Experience with the AWS of today (EKS, Lambda) is a must.", "AWS", True),
])
def test_eighty_fourth_round_company_comparison(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


def test_eighty_fourth_round_facts_about_us_is_the_employers_section() -> None:
    # a "A few facts about us:" list describes the employer's systems and numbers, not what the job asks
    from etl.sections import demand_text, heading, is_boilerplate_heading

    assert is_boilerplate_heading(heading("A few facts about us:") or "")
    assert is_boilerplate_heading(heading("Some facts about us") or "")
    text = ("We build a booking tool for hair salons.\n\nA few facts about us:\n"
            "- Our servers keep 90k WebSocket connections open at peak.\n- We ship 40 releases a month.\n\n"
            "Your tasks:\n- Write PHP services.")
    kept = demand_text(text)
    assert "WebSocket" not in kept and "PHP" in kept


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the field a company likens itself in ("the AWS of Web 3.0") is its market, as the product is its model
    ("We are the Heroku of Web 3.0; you will design our storage network.", "Web3", False),
    ("Our goal: to be the Stripe of IoT billing. You write Go.", "IoT", False),
    # the field asked of the job elsewhere still counts
    ("We are the Heroku of Web 3.0. You know Web3.js and Solidity well.", "Web3", True),
])
def test_eighty_fourth_round_likened_field(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
