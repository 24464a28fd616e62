"""Seniority: the classes of the later batch real-later-v17 (Hacker News and LinkedIn seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience
from etl.normalize.seniority import classify_seniority

N = None



# An entry-or-experienced choice ("Berufseinsteiger oder bereits mit Erfahrung", "Fresher or Experienced
# <role>s") welcomes every level: no level (the lead's rulings on real-later-v15 question 1 and the
# sixty-ninth round's "Fresher or Experienced"). A level field or a hiring phrase naming the entry word alone
# stays junior, and a written range from an entry word to a level word still gives its lower end.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Kundenberater (m/w/d)", "Wir beraten Kunden.\nLevel: Berufseinsteiger oder bereits mit Erfahrung\n"
         "Ort: <Stadt>", "unspecified"),
        ("Sachbearbeiter (m/w/d)", "Level: Berufseinsteiger:innen oder Berufserfahrene\nOrt: <Stadt>",
         "unspecified"),
        ("", "We are looking for Fresher or Experienced Cobol Developers to join us.", "unspecified"),
        ("", "We are hiring entry-level or experienced kiln engineers for our plant.", "unspecified"),
        ("Graduate or Experienced Glaze Engineer", "", "unspecified"),
        # controls: the entry word alone, a range to a level word, a level named after the choice
        ("Kundenberater (m/w/d)", "Wir beraten Kunden.\nLevel: Berufseinsteiger\nOrt: <Stadt>", "junior"),
        ("", "We are looking for Fresher Cobol Developers to join us.", "junior"),
        ("", "We are hiring entry-level to senior kiln engineers for our plant.", "junior"),
        ("Graduate Glaze Engineer", "", "junior"),
    ],
)
def test_later_v17_an_entry_or_experienced_choice(title: str, text: str, expected: str) -> None:
    assert classify_seniority(title, text) == expected


# Years written "yrs." (the abbreviation's period ends no sentence: "At least 2 yrs. experience in <field>")
# and "N years contract <work> experience" (the work is contracts, not a contract's length): the figure is
# the experience asked, and through rule 3 the level.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Requirements: At least 2 yrs. experience in a <area> role, ideally in planning.", (2, N)),
        ("Minimum 4 yrs. of experience with <tool>.", (4, N)),
        ("Minimum of 3 years contract management experience preferred.", (3, N)),
        ("5+ years contract negotiation experience required.", (5, N)),
        # controls: a contract's length, a sentence ending after "yrs.", the plain forms
        ("This is a 2 years contract with an option to extend.", N),
        ("Our team has grown for 12 yrs. Experience the difference with us.", N),
        ("At least 2 yrs experience in a <area> role.", (2, N)),
        ("Minimum of 3 years management experience preferred.", (3, N)),
    ],
)
def test_later_v17_yrs_abbreviation_and_contract_work(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Production Planner", "Job Requirements: At least 2 yrs. experience in a <area> role.", "mid"),
        ("Contract Administrator", "Qualifications\n- Minimum of 2 years contract management experience "
         "preferred.", "mid"),
    ],
)
def test_later_v17_the_years_decide_the_level(title: str, text: str, expected: str) -> None:
    years = parse_experience(text)
    assert classify_seniority(title, text, years_min=years[0] if years else None) == expected
