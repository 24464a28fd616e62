"""Years of experience: the classes of the later batch real-later-v20 (Glassdoor and LinkedIn experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None



# Class A: "<degree> in <a long list of fields>, or N years": the years are offered in place of the degree, a
# way in without it, not the bar (ninth-round ruling, thirty-second round) - also when the list of fields puts
# the degree word more than a short window before the "or".
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Bachelor's degree in a quantitative field such as <field>, <field>, <field>, <field>, "
         "or 2+ years of experience in <work>.", N),
        ("MS or PhD in a scientific field such as <field one>, <field two>, <field three>, "
         "or <field four> or 2+ years of relevant work experience", N),
        ("- A degree in <subject>, <subject>, <subject>, <subject> or another closely related area, "
         "or at least 3 years of professional experience", N),
        # controls: a new sentence, line or bracket between the degree and the "or"; a lesser degree; the
        # figure's own path naming a degree; a short clause read as before
        ("Bachelor's degree in <field>.\nExperience with <tool>, <tool>, <tool>, <tool>, <tool>, <tool>, "
         "or 2+ years of <work> experience.", (2, N)),
        ("Bachelor's degree required. Familiarity with <tool>, <tool>, <tool>, <tool>, <tool>, <tool> "
         "or 3+ years of <work> experience.", (3, N)),
        ("Associate degree in <field>, <field>, <field>, <field>, <field>, <field>, <field>, "
         "or 2 years of experience", (2, N)),
        ("PhD in <field>, <field>, <field>, <field>, <field>, <field>, <field>, "
         "or a Master's with 4+ years of experience", (4, N)),
        ("Bachelor's degree in <field> or 2+ years of experience in <work>", N),
    ],
)
def test_later_v20_years_in_place_of_a_degree_after_a_field_list(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)
