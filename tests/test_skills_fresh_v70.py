"""Skills classes from the seventy-sixth round's misses (issue 9, real-fresh-v70; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a team or unit named after a domain skill with one or two more words is the team's name, as "the AI
    # team" is: no demand by itself (the lead's ruling on a team's name)
    ("You will become part of the AI Engineering team in our Warsaw hub and build pipelines in Scala.",
     "AI", False),
    ("The remit of the ML tooling team is to make researchers faster; we need a backend developer.",
     "Machine Learning", False),
    ("The analyst joins our Data Science Platform group and reports to the head of finance.",
     "Data Science", False),
    ("You will sit in the Big Data and AI Center of Excellence and write Java services.", "AI", False),
    ("You will sit in the Big Data and AI Center of Excellence and write Java services.", "Big Data", False),
    # the role hired, a team lead's title, a verb between, or the work asked still count
    ("We are looking for an ML Engineer Team Lead to design our training infrastructure.",
     "Machine Learning", True),
    ("Our AI helps teams plan their week; you will build machine learning features.", "Machine Learning",
     True),
    ("Join the AI Engineering team and train AI models for search ranking.", "AI", True),
    ("Experience with Big Data processing at scale is a must.", "Big Data", True),
])
def test_seventy_sixth_round_team_names(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


def test_seventy_sixth_round_header_cell_team_is_the_role() -> None:
    # a Hacker News header cell naming the team hired into is the posting's title: its skill counts
    text = "Acme Devices | IoT Firmware Team | Austin, TX | Onsite\nWe build sensors for farms."
    assert "IoT" in _named(text)


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a poster's lower-case list of tools names Consul and Vault, as "go, python, postgres" names Go
    ("Our tools: docker, terraform, consul, nomad, kubernetes.", "Consul", True),
    ("Our tools: docker, terraform, vault, helm and prometheus.", "Vault", True),
    # alone in prose the lower-case words stay plain
    ("Our founder served as consul in Lisbon before starting the company.", "Consul", False),
    ("Documents are kept in a fireproof vault on site.", "Vault", False),
])
def test_seventy_sixth_round_lower_case_tool_lists(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # "GCE" (Google Compute Engine) beside other clouds is Google's cloud, as EC2 is AWS
    ("You have run services on clouds such as AWS, GCE or Azure.", True),
    ("Stack: Go, Kafka, GCE, Docker.", True),
    # a lower-case word with those letters is no cloud
    ("Our gce module is legacy code.", False),
])
def test_seventy_sixth_round_gce(text: str, named: bool) -> None:
    assert ("GCP" in _named(text)) is named
