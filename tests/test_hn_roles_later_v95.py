"""Role family of a Hacker News comment that lists its roles in the body, one a line (real-later-v95,
h21comment; `real-later-v91` class A', adopted for the comment-parser round by the twentieth session's
rulings on `real-later-v89` question 3 and `real-later-v92` question 2): a comment's roles are the
header's roles and the roles the body lists one a line (two or more lines in a row, each a role listed
alone: a bullet, a number or nothing before it, its team, stack or place after a comma or a spaced
dash), each listed line one opening, a header role listed again counted once (its level words and plural
aside); the family is the one most of them share, a tie to the first-named (`real-later-v79` ruling 5).
Before, the body's list was not counted: the first listed role alone, or the text's cue words, decided.
The seniority is not changed: the first role (the header's, else the body's first) still decides it.
Invented comments of the misses' shapes; controls that must not move."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family, hn_seniority

from etl.normalize.hn_comment import family_roles, listed_roles

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # no header: a prose opening, then the roles one a line, most of them physical engineering
    ("Orbitry builds radar networks that track debris in orbit for satellite operators and agencies.<p>See"
     " our open roles at https://example.org/jobs<p> - Full-Stack Software Engineer<p> - Antenna and RF"
     " Engineer<p> - Mechanical Engineer<p> - Field Applications Engineer</p>", OTHER),
    # a header of company, place and link; a list led by one developer, then product and business roles
    ("Lumenly | ONSITE | Leeds | https://example.org/careers<p>We build web apps for clients in React and"
     " Node; great engineers and designers work here.<p>Open positions:<p>  - JavaScript Developer<p>  -"
     " Business Analyst<p>  - Product Designer<p>  - Product Manager</p>", OTHER),
    # two roles listed, a data role first: a tie goes to the first-named
    ("Pucklane | Oslo, Norway | Full-Time | Onsite<p>A fintech start-up using data to help funds report.<p>"
     "Roles we are hiring for include:<p>* Data Engineer - Python, ETL, SQL<p>* Software Engineer - Rails,"
     " React</p>", DATA),
    # a manager listed first, two engineers after it: the engineers outvote the first line
    ("Matchly | ONSITE | Full-time | Boston<p>We are looking for several engineering roles right now:<p>"
     "\u2022 web engineering manager<p>\u2022 mid- or senior-level iOS engineer<p>\u2022 junior-level"
     " android engineer</p>", SE),
])
def test_body_list_votes(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a header role and a list of technologies one a line: the header decides, as before
    ("Kestrel | Senior Backend Engineer | Denver<p>Our stack:<p>- Python, Flask<p>- PostgreSQL<p>- AWS</p>",
     SE),
    # a header role and requirement lines: no role listed
    ("Fjordline | Data Scientist | Remote<p>You have:<p>- a degree in statistics<p>- 3+ years of Python</p>",
     DATA),
    # the header's roles listed again at two levels: each role counted once (header: a tie, the first)
    ("Ledgerly | Product Managers, Backend Engineers | Austin<p>Openings:<p>- Senior Product Manager<p>-"
     " Product Manager<p>- Senior Backend Engineer<p>- Backend Engineer</p>", OTHER),
    # one role listed alone (no run of two): the text and the first role decide as before
    ("Quillo | Berlin | Onsite<p>We are hiring:<p>- Backend Developer<p>Our stack is Go, Kubernetes and"
     " React; our developers ship daily.</p>", SE),
    # a list of software roles with one designer: software, as before
    ("Harbr | Remote<p>Looking for:<p>- iOS developers<p>- Android developers<p>- UI/UX designers<p>-"
     " frontend developer (PHP)</p>", SE),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "level"), [
    # the seniority still reads the first role: the list's first line, or the header's role
    ("Pipewell | Lisbon<p>We are hiring for the following roles:<p>- Lead QA Engineer<p>- Product"
     " Manager</p>", "lead"),
    ("Kestrel | Senior Backend Engineer | Denver<p>Openings:<p>- Backend Engineer<p>- Designer</p>",
     "senior"),
    ("Orbitry builds radar networks.<p> - Software Engineer<p> - Antenna Engineer</p>", "unspecified"),
])
def test_seniority_unchanged(body: str, level: str) -> None:
    assert hn_seniority(body) == level


def test_listed_roles_reads_runs_of_role_lines() -> None:
    body = ("Acme | Oslo<p>Intro text about us.<p>Open roles:<p>- Senior Backend Engineer, Payments (Oslo)<p>"
            "- Frontend Developer - React<p>- Product Designer<p>Stack:<p>- Python<p>- Go</p>")
    assert listed_roles(body) == ("Senior Backend Engineer", "Frontend Developer", "Product Designer")
    # a role line alone, or sentences naming roles, are no list
    assert listed_roles("Acme | Oslo<p>- Backend Engineer<p>We also like designers.</p>") == ()
    assert listed_roles("Acme | Oslo<p>We hire engineers.<p>Our designers are great.</p>") == ()


def test_family_roles_counts_header_roles_once() -> None:
    body = ("Ledgerly | Product Managers, Backend Engineers | Austin<p>Openings:<p>- Senior Product"
            " Manager<p>- Backend Engineer<p>- Data Analyst</p>")
    assert family_roles(body) == ("Product Managers", "Backend Engineers", "Data Analyst")
    # each listed line is one opening: four engineering teams' lines are four roles
    body = ("Acme | Oslo<p>Openings:<p>- Software Engineer, Search<p>- Software Engineer, Payments<p>-"
            " Software Engineer, Mobile<p>- Product Manager<p>- Product Designer</p>")
    assert family_roles(body) == ("Software Engineer", "Software Engineer", "Software Engineer",
                                  "Product Manager", "Product Designer")
    assert hn_family(body) == SE
    # a header cell that only remarks on roles casts no vote beside a body list
    body = ("Acme | Oslo | Pay depends on role<p>Openings:<p>- Data Scientist<p>- Senior Data Engineer<p>-"
            " Senior Full Stack Engineer</p>")
    assert hn_family(body) == DATA
    # a listed role's bracket holding a stack list does not void the vote
    body = ("Acme | Engineering - Frontend, Backend, Machine Learning | Oslo<p>Openings:<p>- Senior Frontend"
            " Engineer (react, redux)<p>- Senior Backend Engineer (go, postgres)<p>- Senior ML Engineer"
            " (torch)</p>")
    assert family_roles(body)[-3:] == ("Senior Frontend Engineer", "Senior Backend Engineer",
                                       "Senior ML Engineer")
    assert hn_family(body) == SE
