"""The tune residue of Glassdoor and the LinkedIn sample (nineteenth session, issue 9).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.normalize.experience import parse_degree
from etl.sections import demand_text

N = None

# Due by ruling (`real-later-v76` ruling 4: "the years lost with a flattened accommodation line go to the next
# experience round"). A board flattened the qualifications into one glued line of a many-line paragraph: the
# accommodation notice, then a requirements heading glued to its first item ("Required (Minimum)
# QualificationsHigh school diploma ..."), then the years. The statement's sentences go; a sentence that opens
# with a requirements heading opens the job's own text again (until the next statement sentence), as such a
# heading on a line of its own does. Before, everything after the first statement sentence went with it.
_DUTIES = "Essential Duties\nRepair <kind of> signal units at customer sites.\n"
_NOTICE = ("QUALIFICATIONS - EXPERIENCE AND TRAININGTo do this job well, a person must carry out each duty. "
           "The items below show the knowledge and skill needed. Reasonable accommodations may be made to "
           "enable individuals with disabilities to perform the essential functions. ")


@pytest.mark.parametrize(
    ("glued", "years"),
    [
        ("Required (Minimum) QualificationsHigh school diploma or equivalent. Skills and AbilitiesAble to "
         "fit <kind of> units in vehicles.PreferredYears of experience: At least six (6) years directly "
         "related to <kind of> units", (6, N)),
        ("Minimum QualificationsBachelor's degree in <field> and 3+ years of experience servicing <kind of> "
         "systems.", (3, N)),
        ("Requirements: 4+ years of experience with <kind of> repairs.", (4, N)),
        ("Basic Qualifications2-4 years of experience in a <kind of> workshop.", (2, 4)),
    ],
)
def test_requirements_glued_after_an_accommodation_sentence_are_kept(glued: str, years: tuple) -> None:
    text = _DUTIES + _NOTICE + glued + "\nWork hours: days"
    out = demand_text(text)
    assert "Reasonable accommodations" not in out
    got = extract({"id": "x", "title": "Signal Unit Fitter", "description": text})
    assert (got["experience_years"] or {}).get("min") == years[0], out
    assert (got["experience_years"] or {}).get("max") == years[1]


def test_the_recovered_years_decide_the_level_behind_a_plain_title() -> None:
    text = (_DUTIES + _NOTICE + "Required (Minimum) QualificationsHigh school diploma.PreferredYears of "
            "experience: At least five (5) years directly related to <kind of> units\nWork hours: days")
    got = extract({"id": "x", "title": "Signal Unit Fitter", "description": text})
    assert got["experience_years"] == {"min": 5, "max": None}
    assert got["seniority"] == "senior"


def test_a_glued_degree_after_the_notice_is_read() -> None:
    text = _DUTIES + _NOTICE + "Minimum QualificationsBachelor's degree in <field>.\nWork hours: days"
    assert extract({"id": "x", "title": "Signal Unit Fitter", "description": text})["degree"] == "bachelor"


@pytest.mark.parametrize(
    "after",
    [
        # a sentence that continues the statement (no requirements heading opens it) still goes with it
        "For more than 25 years we have fitted <kind of> units across the region.",
        "Qualified applicants with 10 years of service records receive the same consideration.",
        # a heading word inside a sentence is no heading: "The requirements ..." continues the notice
        "The requirements listed may change; employees with 12 years of tenure keep their grade.",
        # after the job's own text opens again, a second statement sentence drops what follows it again
        "Required QualificationsHigh school diploma. Acme is an equal opportunity employer. Over 30 years of "
        "service to the community.",
    ],
)
def test_statement_continuations_stay_out(after: str) -> None:
    text = _DUTIES + _NOTICE + after + "\nWork hours: days"
    out = demand_text(text)
    got = extract({"id": "x", "title": "Signal Unit Fitter", "description": text})
    assert got["experience_years"] is None, out
    assert "Reasonable accommodations" not in out


def test_controls_that_must_not_move() -> None:
    # a glued line without a statement is kept whole; a statement line with the figure before it keeps it
    kept = _DUTIES + "Minimum QualificationsHigh school diploma.PreferredAt least 3 years of <kind of> work"
    assert demand_text(kept) == kept
    before = (_DUTIES + "Required: 7+ years of experience fitting <kind of> units.Reasonable accommodations "
              "may be made to enable individuals with disabilities to perform the essential functions.")
    assert extract({"id": "x", "title": "Signal Unit Fitter", "description": before})["experience_years"] == {
        "min": 7, "max": None}
    # a one-line posting (no line breaks) already kept every non-statement sentence
    one = ("Signal unit fitter. Reasonable accommodations may be made for the essential functions. Minimum "
           "QualificationsAt least 2 years of experience in <kind of> repairs.")
    assert extract({"id": "x", "title": "Signal Unit Fitter", "description": one})["experience_years"] == {
        "min": 2, "max": None}


# Degree, class "a lesser credential required, a bachelor's only preferred" (Glassdoor #441, LinkedIn #9,
# both labelled null and read bachelor; the reading written down for LinkedIn #430: "an associate degree
# required with a bachelor's preferred -> null (the lowest degree asked is below a bachelor)"). A high school
# diploma, a GED, an associate degree or a school's graduation required in the clause beside a bachelor's
# marked preferred: the lowest degree asked is below a bachelor -> null, whatever higher degree the preferred
# list names.
@pytest.mark.parametrize(
    "text",
    [
        "Candidates with advanced degrees (Associates, Bachelor's, and/or Master's) preferred, yet a High "
        "School diploma or GED is required.",
        "Education QualificationsGraduate of an accredited <kind of> care school Required andBachelor's "
        "Degree From an accredited school in <kind of> care PreferredExperience QualificationsMinimum 1 year",
        "High school diploma/GED required; bachelor's degree in a related field preferred.",
        "An associate's degree in <field> is required. Bachelor's degree in <field> desired.",
    ],
)
def test_a_lesser_credential_required_beside_a_preferred_bachelor_is_no_degree(text: str) -> None:
    assert parse_degree(text) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # controls: a bachelor's required stays, with a lesser credential preferred or only named
        ("Bachelor's degree required; high school diploma holders with 8 years may apply.", "bachelor"),
        ("Bachelor's degree in <field> required, master's preferred.", "bachelor"),
        ("Master's degree required, PhD preferred.", "master"),
        # a preferred bachelor's with no lesser credential required is still the lowest degree preferred
        ("Bachelor's degree in <field> preferred.", "bachelor"),
        # a high school diploma named without "required" (a list of what counts) changes nothing
        ("Education: bachelor's degree preferred; candidates with a high school diploma and strong skills "
         "welcome.", "bachelor"),
        # a bachelor's required in its own sentence beside the lesser clause keeps it
        ("Bachelor's degree in <field> required. High school diploma required for the apprentice track; "
         "bachelor's preferred.", "bachelor"),
    ],
)
def test_degree_controls(text: str, expected: str) -> None:
    assert parse_degree(text) == expected
