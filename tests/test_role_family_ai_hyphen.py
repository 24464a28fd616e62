"""An AI developer written with a hyphen ("AI-Developer", "Senior AI-Engineer") is the AI role the spaced
form is (data), as the German "KI-Entwickler" rule already reads its hyphen (lead's ruling on h25rolede2
question 1, a spelling of the existing rule; `real-later-v122`). Invented wording."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family


@pytest.mark.parametrize("title", [
    "Senior AI-Developer (m/w/d)",
    "AI-Engineer",
    "Lead AI-Research-Engineer",
    "AI/ML-Engineer - Remote",
])
def test_a_hyphenated_ai_developer_is_data(title: str) -> None:
    assert classify_role_family(title) == "data"


@pytest.mark.parametrize(("title", "family"), [
    ("AI Developer", "data"),  # the spaced form, as before
    ("AI-powered Platform Developer", "software_engineering"),  # AI describes the product, not the role
    ("Frontend Developer (AI-Startup)", "software_engineering"),
])
def test_near_forms_keep_their_family(title: str, family: str) -> None:
    assert classify_role_family(title) == family
