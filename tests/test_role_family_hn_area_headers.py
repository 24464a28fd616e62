"""Role family of a Hacker News comment whose header cell names AREAS only ("<area> & <area> Roles",
"Engineering and Non-Engineering Roles", "Engineering, Design & Ops positions"): the heading of the openings,
no role (lead's ruling 1 on h25rolehn, `real-later-v118` class A). (a) Where the body lists the openings, the
body's list decides by the list rules (each listed role one vote; `real-later-v95`, `-v118`). (b) Where the
body lists none, the header's areas vote as department words by `real-later-v109`'s rule: a business
department is other, a bare "Engineering" casts no vote, "Non-Engineering" is a business department (other);
the family most areas share, a tie to the first-named; a single vote left falls to the header read as one
title, as `real-later-v109`'s "Engineering, Sales" does, unless that one title is open (a bare "Engineering"
beside "Non-Engineering"): then the one vote decides. A body whose list the reader cannot count (one line read
as a role, or bulleted lines none read) keeps the one-title reading. Invented comments of the records' shape.
Controls that must not move: a header naming a role and an area ("Senior Engineer - Platform Team"), a header
of roles joined by "&" ("Designers & Engineers": the `real-later-v109` list reading), a single-area heading
over prose."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.hn_comment import family_roles, header_areas
from etl.normalize.role_family import title_family

SE, DATA, OTHER = "software_engineering", "data", "other"

# prose heavy with software words: the text's tie-break would read it software
CODE = ("<p>Loomwell builds an open-source build server; our developers write Go and TypeScript, review code,"
        " ship features and run Kubernetes, Docker and Postgres in the cloud.</p>")


def _listed(*roles: str) -> str:
    return "<p>Open positions:</p><p>" + "\n".join(f"  - {r}" for r in roles) + "</p>"


# (a) the body's list decides: 2 software to 3 other, the header's first area a software one
BODY_OTHER = ("Loomwell | Platform Development & Business Roles | Tulsa, OK | Onsite" + CODE + _listed(
    "Payroll Intern", "Backend Developer", "Brand Marketing Manager", "Frontend Developer", "Office Manager"))
# (a) the body's list decides: 3 software to 1 data, the header's first area data
BODY_SE = ("Loomwell | Data & Business Roles | Tulsa, OK | Onsite" + CODE + _listed(
    "Data Analyst", "Backend Developer", "iOS Developer", "Frontend Developer"))


# (a) each opening a line of its own, its link on the next line (no run of role lines): 1 software to 2 other
BODY_LINKED = ("Loomwell | Engineering & Non-Engineering Roles | Tulsa, OK | Onsite" + CODE
               + "<p>Our open roles:</p><p>* Office Manager</p><p>https://example.com/jobs/1</p>"
               "<p>* Android Engineer</p><p>https://example.com/jobs/2</p>"
               "<p>* Payroll Specialist</p><p>https://example.com/jobs/3</p>")


@pytest.mark.parametrize(("body", "family"), [(BODY_OTHER, OTHER), (BODY_SE, SE), (BODY_LINKED, OTHER)])
def test_a_the_body_list_decides(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # "Engineering" no vote, "Non-Engineering" a business department: other, whatever the text's code words
    ("Loomwell | Engineering & Non-Engineering Roles | Remote | Full-time" + CODE, OTHER),
    ("Loomwell | Engineering and Non-Engineering Positions | Remote" + CODE, OTHER),
    # a tie of two areas: the first-named (other; read as one title it was data)
    ("Loomwell | Product & Data Science Positions | Remote" + CODE, OTHER),
    # data and other tie, "Engineering" no vote: the first-named, data
    ("Loomwell | Engineering, Data Science & Non-Engineering Roles | Remote" + CODE, DATA),
    # two software areas against one business department
    ("Loomwell | Backend, Frontend & Marketing Roles | Remote" + CODE, SE),
    # one vote left ("Sales"): the header read as one title, other, as v109's "Engineering, Sales"
    ("Loomwell | Engineering & Sales Roles | Remote" + CODE, OTHER),
])
def test_b_the_header_areas_vote_without_a_body_list(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_non_engineering_alone_is_other() -> None:
    # an area item read alone is a business department; the whole heading read as one title stays open
    assert title_family("Non-Engineering") == OTHER
    assert title_family("Non Engineering") == OTHER
    assert title_family("Engineering & Non-Engineering Roles") is None


def test_header_areas_read() -> None:
    assert header_areas("Loomwell | Engineering & Non-Engineering Roles | Remote" + CODE) == (
        "Engineering", "Non-Engineering")
    assert header_areas("Loomwell | Engineering, Data Science & Non-Engineering Roles | Remote" + CODE) == (
        "Engineering", "Data Science", "Non-Engineering")
    assert header_areas("Loomwell | Backend + Frontend Positions | Remote" + CODE) == ("Backend", "Frontend")
    # a single area, a plain "Multiple Positions", a header naming roles: no areas
    assert header_areas("Loomwell | Engineering Roles | Remote" + CODE) == ()
    assert header_areas("Loomwell | Multiple Positions | Remote" + CODE) == ()
    assert header_areas("Loomwell | Designers & Engineers | Remote" + CODE) == ()
    # the job-type tags of the thread are no areas
    assert header_areas("Loomwell | Full-time & Internship Roles | Remote" + CODE) == ()
    # with a body list, the list's roles vote, not the areas
    assert "Non-Engineering" not in family_roles(
        "Loomwell | Engineering & Non-Engineering Roles | Remote" + CODE + _listed(
            "Backend Developer", "Office Manager"))


@pytest.mark.parametrize(("body", "family"), [
    # a role and its team: the role decides, the text breaking its tie
    ("Loomwell | Senior Engineer - Platform Team | Remote" + CODE, SE),
    # roles joined by "&": the v109 list reading (a bare "Engineers" no vote, one vote left: the header
    # read as one title, open, the text's tie-break)
    ("Loomwell | Designers & Engineers | Remote" + CODE, SE),
    # a single area over prose: the text decides, as before
    ("Loomwell | Engineering Roles | Remote" + CODE, SE),
    ("Loomwell | Engineering Positions | Remote<p>We sell flowers at markets and need help with sales.</p>",
     OTHER),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


# openings listed that the reader cannot count (one line read as a role, or bulleted lines none of them read):
# neither the list nor the areas vote, the header read as one title stays open, the text's tie-break decides
@pytest.mark.parametrize("listing", [
    "<p>* Kernel Tuning Lead:</p><p>https://example.com/jobs/1</p>",
    "<p>* Kernel Tuning Lead</p><p>* Android Engineer</p>"
    "<p>Questions? Write to us at jobs@example.com.</p>",
])
def test_an_uncounted_body_list_keeps_the_text(listing: str) -> None:
    body = "Loomwell | Engineering & Non-Engineering Roles | Remote" + CODE + listing
    assert "Non-Engineering" not in family_roles(body)
    assert hn_family(body) == SE

