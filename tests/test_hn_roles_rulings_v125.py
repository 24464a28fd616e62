"""Role family of Hacker News comments: the lead's three rulings on `real-later-v125` (README section "Lead
rulings on the twenty-fifth session's last two batches"), coded in h26rolehn.

(a) Ruling 2: a header cell naming only areas (no role noun), joined by "/", ",", "&" or "+", in a comment
naming no role anywhere (none in its header, none its body lists, none its hiring sentences name), reads the
areas' families by `real-later-v109`'s department words (a business department other, a bare "Engineering" no
vote) and the areas the rules know (`area_heading` of role_families.yaml: data areas data, physical ones
other): the family most of them share, a tie to the first-named (`real-later-v123` 2017-11 #545, `-v125`
2017-12 #643).
(b) Ruling 3: a bare engineer (no area word: "our first engineer", "a senior engineer") who is the only role
a role-less comment's hiring sentence names votes by the text's tie-break, a language or framework the text
names as the stack counting (`real-later-v125` 2018-03 #258); beside other roles it keeps no vote.
(c) Ruling 1: two postings sharing a role name on list lines of their own count as two votes, also where the
first of them is the comment's role read from the body; a bare "Performance Engineer" votes software where the
text's tie-break reads software, otherwise none (`real-later-v125` 2018-01 #354).

Invented comments of the records' shapes. Controls that must not move are marked."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.hn_comment import family_roles, role_less_reading
from etl.normalize.role_family import classify_roles_family

SE, DATA, OTHER = "software_engineering", "data", "other"

# prose heavy with software words: the text's tie-break reads it software
CODE = ("<p>Quillmark ships a billing API; our developers write Python and TypeScript, review code and run "
        "Docker and Kubernetes in the cloud.</p>")


STACK = "<p>Stack: C++, Python, Docker, Linux.</p>"


# (a) a header cell of areas only ----------------------------------------------------------------------------
@pytest.mark.parametrize(("body", "family"), [
    # two data areas, nothing but a link below: data (read other by the empty text before)
    ("Quillmark | Analytics / Data Science | Perth, Australia | Full time | Onsite"
     "<p>https://example.com/careers/17</p>", DATA),
    ("Quillmark | Data / Machine Learning | Perth, Australia | Full time<p>https://example.com/careers/18</p>",
     DATA),
    # one data area to two physical ones, a stack of code below: other (read software by the text before)
    ("Quillmark | https://example.com/ | Data Science, Hardware, Manufacturing | Perth, Lyon, Osaka"
     "<p>Quillmark builds parcel drones.</p><p>Stack: C++, Python, Docker, Linux.</p>"
     "<p>Mail jobs@example.com</p>", OTHER),
    # a tie of two voting areas: the first-named
    ("Quillmark | Robotics & Data Science | Perth, Australia" + STACK, OTHER),
    ("Quillmark | Data Science & Robotics | Perth, Australia" + STACK, DATA),
    # a bare "Engineering" casts no vote; the one business department left decides
    ("Quillmark | Engineering / Marketing | Perth, Australia" + CODE, OTHER),
])
def test_a_a_header_cell_of_areas_reads_the_areas(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a header role decides (the areas cell is no heading of a role-less comment)
    ("Quillmark | Backend Engineer | Data Science, Robotics | Perth, Australia" + CODE, SE),
    # the roles a hiring sentence names decide before the areas
    ("Quillmark | Data Science / Analytics | Perth, Australia<p>We're hiring a backend developer and an "
     "iOS developer to build our apps.</p>", SE),
    # a cell of places, of job types, of one area only: no areas cell, the text decides as before
    ("Quillmark | Perth, Lyon, Osaka | Onsite" + CODE, SE),
    ("Quillmark | Full time / Contract | Perth, Australia" + CODE, SE),
    ("Quillmark | Data Science | Perth, Australia" + CODE, SE),
    # no voting area ("Engineering" only beside a word the rules do not know): the text decides as before
    ("Quillmark | Engineering / Tech | Perth, Australia" + CODE, SE),
    # a cell of technologies stays a developer's heading
    ("Quillmark | Python / Django | Perth, Australia<p>https://example.com/careers/19</p>", SE),
])
def test_a_controls_that_do_not_move(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_a_area_cell_family_unit() -> None:
    from etl.normalize.role_family import area_cell_family

    assert area_cell_family("Data Science / Data") == DATA
    assert area_cell_family("Data science, Robotics, Manufacturing") == OTHER
    assert area_cell_family("Robotics, Data") == OTHER
    assert area_cell_family("Engineering / Sales") == OTHER
    assert area_cell_family("Engineering & Tech") is None
    assert area_cell_family("Perth, Lyon") is None
    assert area_cell_family("Data Science") is None  # one area: no areas cell
    assert area_cell_family("Senior Data Scientist, Robotics") is None  # a role noun: no areas cell
    body = "Quillmark | Analytics / Data Science | Perth, Australia<p>https://example.com/careers/17</p>"
    assert role_less_reading(body) == ("Analytics / Data Science", ())


# (b) a bare engineer the only role of a hiring sentence ---------------------------------------------------
@pytest.mark.parametrize(("body", "family"), [
    # no header; a framework named as the platform's stack (read other before: one software cue)
    ("Loftwise helps bakeries plan their ovens. Our customers bake in nine countries."
     "<p>We're looking for our first Engineer to join the founders and grow the product.</p>"
     "<p>Loftwise runs on Ruby on Rails and Postgres.</p><p>Say hello at hi@example.com</p>", SE),
    ("Loftwise | Bristol, UK | Onsite<p>Loftwise helps bakeries plan their ovens.</p><p>We are hiring a "
     "senior engineer to own the product end to end. The app is written in Django.</p>", SE),
])
def test_b_a_bare_engineer_alone_votes_by_the_text(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a bare engineer and no stack or software words: other, as before
    ("Loftwise helps bakeries plan their ovens. Our customers bake in nine countries."
     "<p>We're looking for our first Engineer to join the founders.</p>"
     "<p>Say hello at hi@example.com</p>", OTHER),
    # beside another role the bare engineer keeps no vote: the data scientist decides alone
    ("Loftwise | Bristol, UK | Onsite<p>We're hiring an engineer and a data scientist to grow the product. "
     "The app is written in Django.</p>", DATA),
    # an engineer with an area word is no bare engineer: its own title decides
    ("Loftwise | Bristol, UK | Onsite<p>We're looking for a mechanical engineer. The app is written in "
     "Django.</p>", OTHER),
])
def test_b_controls_that_do_not_move(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_b_unit() -> None:
    assert classify_roles_family((), "", "Our shop runs on Laravel.", None, ("our first engineer",)) == SE
    assert classify_roles_family((), "", "Some text.", None, ("engineer",)) == OTHER
    assert classify_roles_family((), "", "Our shop runs on Laravel.", None,
                                 ("engineer", "data scientist")) == DATA


# (c) list lines of one role name, and a performance engineer -----------------------------------------------
def _listed(*roles: str) -> str:
    return "<p>We are hiring for several openings!</p>" + "".join(f"<p>* {r}</p>" for r in roles)


HARDWARE = ("Ferrovane | Tacoma, WA | Full Time<p>Ferrovane builds rail sensors and the trucks that carry "
            "them.</p>")


@pytest.mark.parametrize(("body", "family"), [
    # two postings of the first-listed role: 2 software to 2 data, the first-named (data before: 1 to 2)
    (HARDWARE + _listed("Software Engineer, Payments - https://example.com/j/1",
                        "Software Engineer, Search - https://example.com/j/2",
                        "Data Engineer - https://example.com/j/3",
                        "Data Scientist - https://example.com/j/4"), SE),
    # a performance engineer in a text about software votes software: 2 to 1 (a 1-1 tie to data before)
    ("Ferrovane | Tacoma, WA | Full Time" + CODE + _listed("Data Engineer - https://example.com/j/1",
                                                           "Performance Engineer - https://example.com/j/2",
                                                           "Backend Engineer - https://example.com/j/3"), SE),
])
def test_c_list_lines_and_performance_engineers(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a performance engineer in a text that is not about software casts no vote: 1-1, the first-named
    (HARDWARE + _listed("Data Engineer - https://example.com/j/1", "Performance Engineer - https://example.com/j/2",
                        "Backend Engineer - https://example.com/j/3"), DATA),
    # a header role listed again below is still the header's one role
    ("Ferrovane | Backend Engineers | Tacoma, WA" + CODE
     + _listed("Senior Backend Engineer", "Data Scientist", "Data Analyst"), DATA),
])
def test_c_controls_that_do_not_move(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_c_family_roles_keeps_each_posting() -> None:
    body = HARDWARE + _listed("Software Engineer, Payments", "Software Engineer, Search", "Data Engineer")
    assert family_roles(body) == ("Software Engineer", "Software Engineer", "Data Engineer")
