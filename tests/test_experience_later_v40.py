"""Years of experience: the classes of the later batch real-later-v40 (Glassdoor and LinkedIn experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None


# Class A: "<degree> or > N years" / "<degree> or more than N years": years offered in place of the degree
# (ninth-round ruling) are no bar also when a comparison (a sign or "more than") stands between "or" and the
# figure, as "or at least N years" already was.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Master's degree in a <kind of> field, or > 2 years experience in a <area> environment", N),
        ("Master's degree in a <kind of> field, or >3 years experience in <area>", N),
        ("Doctoral degree in <field>, or more than 4 years experience in a <area> setting", N),
        # controls: the sign or words as a plain minimum; a degree's own path; "or more" after the figure
        ("Requirements:\n> 2 years experience in <area>", (2, N)),
        ("You have more than 5 years of experience as a <role>.", (5, N)),
        ("Bachelor's degree with 6 or more years of experience in <field>", (6, N)),
        ("Bachelor's degree and > 3 years of experience in <area>", (3, N)),
    ],
)
def test_later_v40_degree_or_more_than_years(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)


# Class B: "a four year college or university" under an EXPERIENCE heading: the length of a degree's
# studies is no years of experience (as "4-year degree" and "4 year program" already were).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("EDUCATION AND EXPERIENCE Graduation from an accredited four year college or university with course "
         "work in <field>, or ability to obtain within one year.", N),
        ("Education / Experience:\nGraduation from a 4 year university in <field>.", N),
        # controls: a figure of university work before the experience word; a real figure beside the college
        ("3+ years university teaching experience in <field>", (3, N)),
        ("EXPERIENCE: Graduation from a four year college and 2 years of experience as a <role>.", (2, N)),
    ],
)
def test_later_v40_college_years_are_no_experience(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)
