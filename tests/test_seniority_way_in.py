"""Years offered as a way in set no level (the lead's ruling 1 on the tune residue, h19res; `real-later-v20`
rulings 1 and 2; h19net).

Where the years are a way in, not the bar ("<a degree> or N years", "<a certification> or N years"), the
posting states no requirement, and the level reads from its title and text alone: the way-in figure sets no
level. The level reads the experience reading (``etl/extract.py`` passes the posting's years to
``classify_seniority``), so a figure offered in place of a certification or a license is no requirement
either, as one offered in place of a degree. Invented wording throughout."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.normalize.experience import parse_experience
from etl.normalize.seniority import classify_seniority

N = None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # years offered in place of a certification or a professional training: a way in, no requirement
        ("Qualifications: Professional training certification or a minimum of 5 years of experience in "
         "charge of <work> are strongly desired.", N),
        ("- <Vendor> certification or at least 3 years of experience administering <system>", N),
        ("A state license or 4+ years of experience in <trade> is required.", N),
        ("Certified <credential>, or more than 6 years of experience running <work>", N),
        # controls: the years as a second requirement beside the certification ("and"); a certification in
        # another sentence; the years before the certification; years offered in place of a degree, as before
        ("<Vendor> certification and a minimum of 5 years of experience in <work> required.", (5, N)),
        ("<Vendor> certification preferred. Minimum of 3 years of experience in <work>.", (3, N)),
        ("5+ years of experience in <work>. A <vendor> certification is a plus.", (5, N)),
        ("Bachelor's degree in <field> or 2+ years of experience in <work>", N),
    ],
)
def test_years_in_place_of_a_certification(text: str, expected: tuple[float | None, float | None] | None
                                           ) -> None:
    assert parse_experience(text) == expected


@pytest.mark.parametrize(
    ("title", "text", "level"),
    [
        # no requirement and no level word in title or text: unspecified, whatever the way-in figure
        ("Facilities Engineer",
         "Qualifications: Professional training certification or a minimum of 5 years of experience in "
         "charge of <work> are strongly desired. High school diploma required.", "unspecified"),
        ("Research Analyst",
         "Even better: MS or PhD in <field>, <field> or <field> or 2+ years of relevant work experience.",
         "unspecified"),
        # the text states the level: it decides, the way-in figure does not
        ("Research Analyst",
         "The Research Analyst role is a mid-level position in our <team>.\nBasic requirements:\n"
         "Master's degree in <field>, or > 2 years of experience in <work>.", "mid"),
        # controls: a required figure sets the level as before; a preferred figure where none is required too
        ("Facilities Engineer", "Requirements: a minimum of 5 years of experience in <work>.", "senior"),
        ("Research Analyst", "Bachelor's in <field>, or 2+ years of <work>.\nMaster's and 5+ years of "
         "experience preferred.", "senior"),
    ],
)
def test_level_without_the_way_in_figure(title: str, text: str, level: str) -> None:
    posting = extract({"title": title, "description": text})
    assert posting["seniority"] == level


def test_seniority_follows_the_years_reading() -> None:
    # the level reads no years when the experience reading states none
    assert classify_seniority("Facilities Engineer", "We maintain <systems>.", None) == "unspecified"
    assert classify_seniority("Facilities Engineer", "We maintain <systems>.", 5.0) == "senior"
