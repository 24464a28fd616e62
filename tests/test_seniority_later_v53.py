"""Seniority: the class of the later batch real-later-v53 (German Arbeitnow and get in IT seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# A title naming a graduate programme as the opening itself ("Graduate Program <area>") is the title word
# Graduate (rule 1 -> junior): the not_levels entry "graduate program" meant the staff who run a programme
# ("Graduate Program Coordinator") and the degree ("a graduate program in <field>"), not the entry post.
# The programme's staff, a plural and a degree keep their old reading.
@pytest.mark.parametrize(
    ("title", "years", "expected"),
    [
        ("Graduate Program <Area> Computing", None, "junior"),
        ("Graduate Programme <Area> (m/w/d)", None, "junior"),
        ("<Employer> Graduate Program - <Area>", None, "junior"),
        ("Graduate-Program <Area> 2027", 5.0, "junior"),  # the title speaks before the years
        # controls: the programme's own staff, a degree, a student, a plain title
        ("Graduate Program Coordinator", None, "unspecified"),
        ("Graduate Programme Manager, <Area>", None, "manager"),
        ("Graduate Program Recruiter", 3.0, "mid"),
        ("Lecturer, Graduate Programs in <Field>", None, "unspecified"),
        ("Graduate Student Researcher", None, "unspecified"),
        ("<Area> Consultant (m/w/d)", None, "unspecified"),
    ],
)
def test_later_v53_a_graduate_programme_title(title: str, years: float | None, expected: str) -> None:
    assert classify_seniority(title, "", years) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a degree named in the text stays no level (as before)
        ("You hold a degree from a graduate program in <field>.", "unspecified"),
        ("Alumni of graduate programs at <university> are welcome.", "unspecified"),
    ],
)
def test_later_v53_a_graduate_programme_in_the_text(text: str, expected: str) -> None:
    assert classify_seniority("<Area> Analyst", text, None) == expected
