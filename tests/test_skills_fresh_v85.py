"""Skills classes of the ninety-first round (issue 9, real-fresh-v85) and the two tenth-session
rulings it codes (invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting

from etl.normalize.skills import tag_skills


@pytest.mark.parametrize(("text", "title", "both"), [
    # "QA automation" names two skills (lead ruling, tenth session): Quality Assurance, and Test Automation -
    # automating QA is test automation
    ("You will own our release checks.", "Senior QA Automation Engineer", True),
    ("Three years of QA automation with <tool> are required.", "Backend Developer", True),
    ("Experience in QA-automation is a plus.", "", True),
    # QA alone names Quality Assurance only
    ("You will work with QA engineers on every release.", "QA Engineer", False),
])
def test_qa_automation_names_two_skills(text: str, title: str, both: bool) -> None:
    found = _named(text, title)
    assert "Quality Assurance" in found
    assert ("Test Automation" in found) is both


def test_qa_automation_tag_names_two_skills() -> None:
    # a board's technology tag is read as the same form
    assert tag_skills("QA automation") == ["Quality Assurance", "Test Automation"]
    assert tag_skills("qa") == ["Quality Assurance"]
    # ... also written with a hyphen or as one token, or with a qualifier in brackets (as the text's
    # "QA-automation"): the tag is the same form
    assert tag_skills("QA-Automation") == ["Quality Assurance", "Test Automation"]
    assert tag_skills("QAAutomation") == ["Quality Assurance", "Test Automation"]
    assert tag_skills("QA Automation (Web)") == ["Quality Assurance", "Test Automation"]


def test_qa_automation_of_another_team_names_neither() -> None:
    # the second skill follows the mention it comes from: a mention that does not count names neither
    found = named_in_posting("Our QA automation team signs off every release. You will write Go.")
    assert "Test Automation" not in found
    assert "Quality Assurance" not in found


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a shared head names each kind the taxonomy has (lead ruling, tenth session): "application and
    # infrastructure security" -> Application Security, "network and infrastructure security" -> Network
    # Security
    ("We are hiring application and infrastructure security engineers to keep our payments safe.",
     "Application Security", True),
    ("Focus areas: <tool> monitoring, Network & Infrastructure Security, cloud architecture.",
     "Network Security", True),
    ("You will own network and cloud security for our offices.", "Network Security", True),
    # a list of nouns whose last item is "security" names no kind ("network, storage and security")
    ("You will look after network, storage and security for our offices.", "Network Security", False),
    ("Our stack spans software, hardware and security.", "Application Security", False),
    # ... nor does a comma list ending in a kind: the head belongs to its last item only
    ("Advise on applications, network, information security and databases.", "Network Security", False),
    ("Keep software, physical security systems and badges up to date.", "Application Security", False),
    ("Apply information, network and application security practices.", "Network Security", True),
    # a kind the taxonomy lacks names nothing
    ("We are hiring physical and infrastructure security guards.", "Network Security", False),
])
def test_shared_security_head_names_each_kind(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skills"), [
    # the tests head is read as before: two kinds at least before it
    ("We write unit and integration tests.", {"Unit Testing", "Integration Testing"}),
    ("We care about performance, maintainability, and testing.", set()),
])
def test_shared_tests_head_unchanged(text: str, skills: set[str]) -> None:
    found = _named(text) & {"Unit Testing", "Integration Testing", "Performance Testing"}
    assert found == skills


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a provider's services listed in brackets after it without its name: each item that, with the provider's
    # name, makes a form names that service ("Azure (including serverless Functions, ServiceBus)")
    ("Public cloud: Azure (including serverless Functions, ServiceBus, Queues)", "Azure Functions", True),
    ("Public cloud: Azure (including serverless Functions, ServiceBus, Queues)", "Azure Service Bus", True),
    ("We run on AWS (Lambda, Step Functions and Kinesis).", "AWS Step Functions", True),
    # an item that makes no form names nothing, and a bracket of other words is no list of services
    ("Azure (three years at least) is required.", "Azure Functions", False),
    ("We use Azure (mostly Functions) for jobs.", "Azure Functions", True),
    # the old name of a provider's service is its form ("Google Container Engine", renamed in 2017)
    ("Other tech: Go, Google Container Engine, MySQL.", "Google Kubernetes Engine", True),
])
def test_provider_services_named_without_the_provider(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
