"""Skills classes from the fifty-eighth round's misses (issue 9, real-fresh-v52; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named

from etl.normalize.skill_context import pitch_spans
from etl.normalize.skills import extract_skills


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a library named "<Name>.js" that the taxonomy does not list is a library, not the language asked
    # (React does not imply JavaScript either)
    ("Chart output goes to front ends built with Mapbox.js and Chartist.js.", "JavaScript", False),
    ("Plot the results with D3.js and Leafy.js for the planners.", "D3.js", True),
    ("Front end work in JS and TypeScript.", "JavaScript", True),
    ("Strong JavaScript (ES6) and Node.js.", "JavaScript", True),
    # an A/B test with more arms written "A/B/n"
    ("Every new screen ships under an A/B/n test before it goes to all users.", "A/B Testing", True),
    ("We run A/B/n tests on checkout flows.", "A/B Testing", True),
])
def test_fifty_eighth_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


def _asked(text: str, company: str = "") -> set[str]:
    return set(extract_skills(text, "", pitch_spans(text, company or None))[0])


@pytest.mark.parametrize(("text", "company", "skill", "asked"), [
    # the employer's own strengths are its business, not demand
    ("Quorvel | Berlin | ONSITE\nWe have particular strengths in sensor fusion and deep learning.\n"
     "We are open to engineers who write Rust.", "Quorvel", "Deep Learning", False),
    ("We have strong expertise in computer vision for farms. Apply if you know Python.", "",
     "Computer Vision", False),
    ("You have particular strengths in deep learning and Python.", "", "Deep Learning", True),
    ("We have an opening for a deep learning engineer.", "", "Deep Learning", True),
])
def test_fifty_eighth_round_presentations(text: str, company: str, skill: str, asked: bool) -> None:
    assert (skill in _asked(text, company)) is asked


_RUN = "Graduate degree in Data Science Statistics Physics or similar Solid grasp of SQL"


@pytest.mark.parametrize(("text", "skill", "named"), [
    # fields of study run together after "degree in" (a scraped text without its commas) name no skill
    (_RUN, "Data Science", False),
    (_RUN, "Statistics", False),
    (_RUN, "SQL", True),
    ("Masters in Computer Science Machine Learning or a related field", "Machine Learning", False),
    # the field's work asked after the degree still counts
    ("Degree in Physics and five years of Data Science work in retail", "Data Science", True),
    ("Experience in Data Science Statistics and forecasting for stores", "Statistics", True),
])
def test_fifty_eighth_round_fields_run_together(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a capitalised word misspelt by a letter is that word, not a shorter name glued to another word
    ("We use React, JavaScipt, CSS", "Java", False),
    ("We use React, JavaScipt, CSS", "JavaScript", True),
    # a lost line break still splits a name from the next word
    ("Our data lives in PostgreSQLThis role owns it", "PostgreSQL", True),
    ("Backend in JavaOur team is small", "Java", True),
    # a name written whole without its space is no misspelling: its glued parts still read ("AzureDevOps")
    ("We deploy with AzureDevOps pipelines.", "Azure", True),
])
def test_fifty_eighth_round_glued_misspelling(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the members of the team the role works in are colleagues, not skills asked
    ("You will work in a small squad which includes: developers, data analysts, designers, QA. We ship.",
     "Quality Assurance", False),
    ("Our team includes backend developers, designers and DevOps. It ships weekly.", "DevOps", False),
    # what the role includes is its work
    ("The role includes: DevOps, QA and release work.", "DevOps", True),
    ("The role includes: DevOps, QA and release work.", "Quality Assurance", True),
])
def test_fifty_eighth_round_team_members(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
