"""Role family of Hacker News comments: the lead's rulings on `real-later-v134` (h26rolehn2's open questions;
README section "Hacker News role family: the lead's rulings on real-later-v134"), coded in h26rolehn3.

(1) "Head of Data", "VP of Data", "Director of Data" (and "Head of Data & Analytics") read data, as managers
of data roles ("Head of Data Science" already did): a title rule of role_families.yaml.
(2) "a couple of / a few / a handful of engineers" in a hiring sentence is the bare engineer of ruling 3 on
`real-later-v125`, a spelling of it: the only role named, it votes by the text's tie-break, a stack counting
(`real-later-v134` 2018-01 #238).
(3) A subjectless "Hiring" / "Looking for" opening a sentence or a line is a hiring phrase, its items split at
"|" too; a role-less comment's first text line under its header is read with the opening phrases ("is looking
for", "is seeking"); "VP" / "Vice President" are role nouns (`real-later-v134` 2017-12 #481, 2018-01 #109;
`real-later-v118` 2017-12 #62 a control: a "|"-joined line of roles).

Invented comments of the records' shapes. Controls that must not move are marked."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.role_family import title_family

SE, DATA, OTHER = "software_engineering", "data", "other"

# prose naming no code, no data and no stack: the text's tie-break reads it other
PLAIN = "<p>We are a small, friendly team in a sunny office. Mail jobs@example.com to apply.</p>"


# (1) managers of data ---------------------------------------------------------------------------------------
@pytest.mark.parametrize("title", ["Head of Data", "VP of Data", "Director of Data",
                                   "Head of Data & Analytics", "Head of Data and Analytics", "VP, Data",
                                   "Vice President of Data",
                                   "Senior Director of Data", "Head of Data (Remote)"])
def test_1_a_manager_of_data_reads_data(title: str) -> None:
    assert title_family(title) == DATA


@pytest.mark.parametrize(("title", "family"), [
    ("Head of Data Science", DATA),
    ("Director of Data Engineering", DATA),
    ("Head of Engineering", SE),
    ("VP of Engineering", SE),
    ("Head of Design", OTHER),
    ("Director of Marketing", OTHER),
    # a data centre, data protection (privacy law) and data entry are no data roles
    ("Head of Data Center Operations", OTHER),
    ("Head of Data Protection", OTHER),
    ("Director of Data Privacy", OTHER),
    ("Head of Data Entry", OTHER),
])
def test_1_controls(title: str, family: str) -> None:
    assert title_family(title) == family


def test_1_a_head_of_data_in_a_header() -> None:
    assert hn_family("Quillmark | Head of Data | Perth, Australia | Onsite" + PLAIN) == DATA


# (2) a couple of engineers ----------------------------------------------------------------------------------
@pytest.mark.parametrize("quantity",
                         ["a couple of", "a couple", "a few", "a handful of", "a couple of senior"])
def test_2_a_quantified_bare_engineer_votes_by_the_stack(quantity: str) -> None:
    body = (f"Quillmark | Perth, Australia | Onsite<p>We are looking for {quantity} engineers to join our "
            "team.</p><p>Our stack is Elixir.</p>")
    assert hn_family(body) == SE


@pytest.mark.parametrize(("body", "family"), [
    # beside another role, the bare engineer keeps no vote: the designer decides
    ("Quillmark | Perth, Australia | Onsite<p>We are looking for a couple of engineers and a product "
     "designer.</p><p>Our stack is Elixir.</p>", OTHER),
    # no stack and no code words: the text's tie-break reads other, as before
    ("Quillmark | Perth, Australia | Onsite<p>We are looking for a couple of engineers to join our team.</p>"
     + PLAIN, OTHER),
])
def test_2_controls(body: str, family: str) -> None:
    assert hn_family(body) == family


# (3) a subjectless hiring phrase; the first text line under a header; VP a role noun -----------------------
@pytest.mark.parametrize(("body", "family"), [
    # a subjectless "Hiring" opening a sentence
    ("Quillmark | Perth, Australia | Onsite<p>Hiring data scientists and data analysts to build our "
     "forecasts.</p>" + PLAIN, DATA),
    ("Quillmark | Perth, Australia | Onsite<p>Hiring: backend developers, iOS developers.</p>" + PLAIN, SE),
    # a subjectless "Looking for" opening a line
    ("Quillmark | Perth, Australia | Onsite<p>Looking for an experienced Kotlin developer.</p>" + PLAIN, SE),
    # "<name> is looking for a VP of Engineering" as the first text line under a header naming no role
    ("Quillmark | Perth, Australia | Full time | https://example.com/<p>Quillmark is looking for a VP of "
     "Engineering to lead a team of ten.</p>" + PLAIN, SE),
    ("Quillmark | Perth, Australia | Full time<p>Quillmark is seeking a Vice President of Data to grow our "
     "analysts.</p>" + PLAIN, DATA),
])
def test_3_a_role_named_in_prose(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # "Hiring" not opening a sentence or a line is no hiring phrase ("hiring managers" never is)
    ("Quillmark | Perth, Australia<p>Our hiring process is quick; we ask about product designers you admired."
     "</p><p>Stack: Python, Django, React, PostgreSQL, Docker.</p>", SE),
    ("Quillmark | Perth, Australia<p>Hiring managers meet every product designer in person.</p>"
     "<p>Stack: Python, Django, React, PostgreSQL, Docker.</p>", SE),
    # "is looking for" in a text line after the first is not read
    ("Quillmark | Perth, Australia<p>Quillmark builds invoicing software in Python and React.</p><p>The "
     "team is looking for a product designer too.</p><p>Stack: Python, Django, React, Docker.</p>",
     SE),
    # narrowed: a clause of items joined by "|" is not read (the text decides: `real-later-v118` 2017-12 #62)
    ("Quillmark | Perth, Australia<p>Looking for: Data Scientists | Data Analysts | Backend Engineers</p>"
     "<p>Stack: Python, Django, React, Docker.</p>", SE),
    # narrowed: an item no title rule decides casts no vote ("managers", "new grads": 2017-10 #156)
    ("Quillmark | Perth, Australia<p>Hiring team leads, managers, new grads.</p>"
     "<p>Stack: Python, Django, React, Docker.</p>", SE),
    # narrowed: the first line under a header names one role, or is not read (2018-04 #16, 2017-11 #62)
    ("Quillmark | Perth, Australia<p>Quillmark is looking for engineers, designers and project managers.</p>"
     "<p>Stack: Python, Django, React, Docker.</p>", SE),
    ("Quillmark | Perth, Australia<p>Quillmark is looking for an intern aged 17 to help build our app.</p>"
     "<p>Stack: Python, Django, React, Docker.</p>", SE),
    # a header role decides before any prose
    ("Quillmark | Backend Engineer | Perth, Australia<p>Hiring: product designers.</p>" + PLAIN, SE),
])
def test_3_controls(body: str, family: str) -> None:
    assert hn_family(body) == family
