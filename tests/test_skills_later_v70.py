"""Skills classes of the later batch real-later-v70 (issue 9: LinkedIn sample and Glassdoor skills).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named


@pytest.mark.parametrize(("text", "found"), [
    # Excel singled out of an office suite ("especially", "particularly", "including" ...) is the tool, also
    # before a word that after the verb "excel" says the verb ("Excel as", "Excel with", "Excel in")
    ("- Skilled with the Microsoft Office suite especially Excel as well as Outlook and Teams.", True),
    ("- Proficient in MS Office, particularly Excel with pivot tables and lookups.", True),
    ("- Office tools, including Excel in shared workbooks, are used daily.", True),
    ("- Fluent with office software, specifically Excel with macros.", True),
    ("- Comfortable with the Office suite, in particular Excel at an advanced level.", True),
    # the verb stays a verb: capitalised at a sentence's start, or after the same words in lower case
    ("- Excel in a fast-paced, results-driven team.", False),
    ("- Excel at building lasting relationships with the buyers.", False),
    ("Our reps especially excel at service and follow-up.", False),
    ("You will Excel with our clients from day one.", False),
    ("We want people who particularly excel in customer care.", False),
])
def test_excel_singled_out_of_an_office_suite(text: str, found: bool) -> None:
    assert ("Excel" in named(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # controls: the forms read on main still read the same
    ("- Strong Excel skills and pivot tables.", True),
    ("- Word and Excel in a Windows environment.", True),
    ("- Microsoft Office (Word, Excel, PowerPoint).", True),
    ("- Proficiency in Microsoft Office.", False),
])
def test_excel_controls(text: str, found: bool) -> None:
    assert ("Excel" in named(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # the lead's ruling 1 on real-later-v60: database design asked or done is Data Modeling
    ("- Hands-on with PostgreSQL and relational database design.", True),
    ("- Own the database design for the billing service.", True),
    ("- Sound grasp of database design principles and query tuning.", True),
    # other database work names no Data Modeling
    ("- Database administration and backups for the clinic's servers.", False),
    ("- Migrate the database to the new cluster.", False),
    ("- Design the onboarding flow and its screens.", False),
])
def test_database_design_is_data_modeling(text: str, found: bool) -> None:
    assert ("Data Modeling" in named(text)) is found
