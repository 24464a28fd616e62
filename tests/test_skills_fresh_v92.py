"""Skills classes of the ninety-eighth round (issue 9, real-fresh-v92, Hacker News comments) and the tenth
session's market-space ruling it codes (invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skill"), [
    # a market a company or its product sits in is the company's field and names no skill (lead ruling, tenth
    # session: "our product within the <skill> space")
    ("Zentrix is a stealth startup in the blockchain space. You will write Go services.", "Blockchain"),
    ("You will shape the roadmap of our award-winning product within the Identity and Access Management "
     "space.", "IAM"),
    ("Your clips will showcase our engineers and help us stand out in the GraphQL space.", "GraphQL"),
    ("Quillbyte is an innovative company within the AI/HealthTech space. We are building a scanner.", "AI"),
    ("We're a young company working in the Kubernetes space, hiring a Go developer.", "Kubernetes"),
])
def test_a_company_market_space_names_no_skill(text: str, skill: str) -> None:
    assert skill not in named_in_posting(text)
    assert skill not in _named(text)


@pytest.mark.parametrize(("text", "skill"), [
    # the applicant's own experience or interest in a field asks for it
    ("We are looking for someone with experience at a startup in the blockchain space.", "Blockchain"),
    ("You must have a passion for the newest developments in the data science space.", "Data Science"),
    # a second mention outside the market still counts
    ("Zentrix is a startup in the blockchain space. Our ideal person is passionate about blockchain.",
     "Blockchain"),
    # no company or product before the field: the team's tools ("anything new in the <skill> space")
    ("We primarily use Ruby but also anything new and interesting in the DevOps space.", "DevOps"),
    ("This role suits someone looking to work on an open-source project in the fintech and Ethereum space.",
     "Ethereum"),
])
def test_an_applicant_field_space_still_names_the_skill(text: str, skill: str) -> None:
    assert skill in named_in_posting(text)


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a Rails web app is Rails (as "a Rails app")
    ("Our stack is a Rails web app behind a Go API and native apps.", "Ruby on Rails", True),
    ("The product is a Rails web application with a React front end.", "Ruby on Rails", True),
    ("Pack the rails web app crates onto the train.", "Ruby on Rails", False),
    # a distributed platform is a distributed system the team builds
    ("The team builds a highly-available distributed platform that runs our customers' jobs.",
     "Distributed Systems", True),
    # "Dev/Ops" is DevOps written with a slash
    ("We're hiring: Software Engineer, VR; Support Engineer, VR Dev/Ops.", "DevOps", True),
    # Bamboo for CI is the CI server
    ("I look after our dev tools (Docker setup, Bamboo for CI etc).", "Bamboo", True),
    ("The office has bamboo floors and a Bamboo garden.", "Bamboo", False),
    # job descriptions listed on GitHub name where the employer posts, not a tool the job uses
    ("All job descriptions are listed on GitHub as well.", "GitHub", False),
    ("All our openings are posted on Github too.", "GitHub", False),
    ("You will review pull requests on GitHub every day.", "GitHub", True),
])
def test_v92_classes(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
