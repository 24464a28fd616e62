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


def test_qa_automation_of_another_team_names_neither() -> None:
    # the second skill follows the mention it comes from: a mention that does not count names neither
    found = named_in_posting("Our QA automation team signs off every release. You will write Go.")
    assert "Test Automation" not in found
