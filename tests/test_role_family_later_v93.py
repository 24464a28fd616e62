"""Role family of a quality-automation title (real-later-v93, h20role6): "Quality Automation Engineer" and
"Quality Assurance Automation Engineer" spell out "QA Automation Engineer", which the rules already read as
test automation (software_engineering, `real-later-v79`'s labelling rules: "SDETs, test automation and
software test engineers"). Before, the spelled-out form matched no title rule and a short text's few
software cue words read it other, the direction that drops a posting from every default chart. Invented
titles of the same shape. Controls that must not move: quality engineers, inspectors and manual testers stay
other; an "Automation Engineer" alone stays open (the text decides); the already-software forms stay
software."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"
SHORT = "We are building a booking platform for dog groomers."


@pytest.mark.parametrize("title", [
    "Quality Automation Engineer",
    "Senior Quality Automation Engineer (Python)",
    "Quality Assurance Automation Engineer",
    "Quality Automation Specialist - Playwright",
    "Lead Quality-Assurance Automation Tester",
])
def test_quality_automation_titles_are_software(title: str) -> None:
    assert classify_role_family(title, SHORT) == SE


@pytest.mark.parametrize(("title", "family"), [
    # the already-software forms
    ("QA Automation Engineer", SE),
    ("Test Automation Engineer", SE),
    ("Quality Engineer - Test Automation", SE),
    # quality roles without automation stay other
    ("Quality Engineer", OTHER),
    ("Quality Control Inspector", OTHER),
    ("Manual QA Tester", OTHER),
    ("QA Analyst", OTHER),
    # an automation engineer alone: the text decides (a short text without software words: other)
    ("Automation Engineer", OTHER),
    ("Process Automation Technician", OTHER),
    # a data title keeps its family
    ("Data Quality Analyst", DATA),
])
def test_neighbours_keep_their_family(title: str, family: str) -> None:
    assert classify_role_family(title, SHORT) == family
