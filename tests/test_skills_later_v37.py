"""Skills classes of the later batch real-later-v37 (issue 9: Glassdoor, No Fluff Jobs and LinkedIn skills).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "found"), [
    # the heading of the employer's accommodation notice names no practice
    ("- Experience with Python and simulation software.\n\nAccessibility/Accommodation:\nIf you need a "
     "reasonable accommodation for any part of the hiring process, write to our recruiting desk.", False),
    ("- Our software stack is modern.\nAccessibility / Accommodation: applicants with a disability may "
     "ask for help by phone.", False),
    # the practice asked of a web developer is still read
    ("- Build accessible React pages to WCAG and test their accessibility with screen readers.", True),
    ("- Experience with web accessibility in modern front-end software.", True),
])
def test_accessibility_as_an_accommodation_heading(text: str, found: bool) -> None:
    assert ("Accessibility" in named_in_posting(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # a degree's fields of study, the list holding only business fields beside Statistics
    ("Desired education: Bachelor's degree in Marketing, Advertising, Business, or Statistics "
     "(GPA above 3.0)", False),
    ("Bachelor's degree in Finance, Accounting or Statistics.", False),
    ("BA in Business Administration, Management Information Systems or Data Science.", False),
    # the work asked stays a skill
    ("- Apply statistics to the marketing and business questions of our clients.", True),
])
def test_business_fields_of_study(text: str, found: bool) -> None:
    assert bool(named_in_posting(text) & {"Statistics", "Data Science"}) is found


@pytest.mark.parametrize(("text", "skill", "found"), [
    # "statistical procedures" is the taxonomy's "statistical methods" in other words
    ("- Implement the statistical procedures our data processing needs.", "Statistics", True),
    # a CI server's configuration on a line of its own names the tool
    ("Nice to have:\nLinux scripting\nSOLR\nJenkins configuration to perform upkeep tasks\nSpark",
     "Jenkins", True),
    # a person called Jenkins stays no skill
    ("Contact Mr. Jenkins for the configuration of your laptop.", "Jenkins", False),
])
def test_taxonomy_forms(text: str, skill: str, found: bool) -> None:
    assert (skill in named_in_posting(text)) is found
