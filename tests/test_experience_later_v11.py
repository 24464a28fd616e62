"""Years of experience: the classes of the later batch real-later-v11 (Glassdoor seniority and experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None



# Class A: "With over N years of experience, <Company> is/has ...": a sentence opening "with" whose subject is
# the company, named (not "we"), states the company's history; a second figure in the same opening phrase
# ("... in <field> and M years in software, <Company> has ...") is the company's too.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("With more than 70 years of experience in <field> and 25 years in software, Northwind has offices "
         "around the world.", N),
        ("With over 30 years of experience, Contoso Widgets is the leading supplier of <products>.", N),
        ("With over 40 years of experience, Fabrikam Builders has built over 900 homes.\n"
         "We need a receptionist with 2+ years of office experience.", (2, N)),
        # the same opening phrase with "we" as the subject: both figures are the company's
        ("With over 20 years in <field> and 10 years of software experience, we serve clients.", N),
        # controls: the candidate's years in the same shape stay asked
        ("With 5+ years of experience in <tool>, <tool> and <tool>, you build our reports.", (5, N)),
        ("With 3+ years of experience in SQL, Python, and Tableau", (3, N)),
        ("With over 5 years of experience, the ideal candidate is comfortable with <work>.", (5, N)),
        ("With 4+ years of experience in data, Candidates are expected to lead <work>.", (4, N)),
    ],
)
def test_later_v11_company_named_after_a_with_opener(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)


# Class B: a degree abbreviation's period ("Ph.D. with", "M.S. with") does not end the sentence: the paths of
# degree and years share the experience word written after the last path, so the first path's figure is read
# and the bachelor's (here the lesser degree's) path stays the bar (ninth-round ruling).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("M.S. with 8-12 years or Ph.D. with 5-7 years of industry experience in <field>.", (8, 12)),
        ("B.S. with 6 years or M.S. with 4 years of relevant experience.", (6, N)),
        ("Requirements: B.A. with 5+ years, M.A. with 3+ years or Ph.D. with 1+ year of <field> experience.",
         (5, N)),
        # controls: a plain path sentence and a figure before an abbreviation that really ends a sentence
        ("BS with 6 years or MS with 4 years of relevant experience.", (6, N)),
        ("3 years of experience with <tool>, e.g. <tool> or <tool>.", (3, N)),
        ("Our company turned 12 years old. Ph.D. holders welcome.", N),
    ],
)
def test_later_v11_degree_abbreviation_is_no_sentence_end(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)
