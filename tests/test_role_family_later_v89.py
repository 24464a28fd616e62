"""Role family of a Hacker News comment naming several roles (real-later-v89, h20role2): the family
most of its header roles share, a tie to the first-named role (lead's ruling 5 on real-later-v79), not the
first role's alone nor the strongest rule's word in the heading. Invented comments of the same shape as the
misses:
- "Mechanical Engineers | ML Engineers | Backend Engineers | Android | iOS": the first role is other, most
  are software -> software_engineering;
- "Data Analyst and Backend SWE openings": a tie, the first-named role is data -> data (the explicit "SWE"
  no longer outranks it).
Controls that must not move: one role; a cell listing roles with technologies ("Full Stack Developer - Go,
Vue, SQL" is left to the title); roles whose title leaves the family open ("Engineers") cast no vote; a
bare level ("Lead", "Interns") casts none; another source's title naming two roles (the title rules, first
match)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.extract import extract
from etl.normalize.role_family import classify_roles_family

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # the misses' shapes: most roles software under an other first role; a tie whose first role is data
    ("Lumenfold | Denver, CO | ONSITE | Mechanical Engineers | ML Engineers | Backend Engineers | Android"
     " | iOS<p>We build greenhouse controllers and the apps that run them.</p>", SE),
    ("Quillmark | Data Analyst and Backend SWE openings | Porto, Portugal | ONSITE"
     "<p>We make budgeting tools for small bakeries.</p>", DATA),
    # a tie: the first-named role decides, whichever rule is stronger
    ("Halvard | Oslo | ONSITE | Frontend Engineer | Data Scientist<p>We forecast ferry demand.</p>", SE),
    ("Brisket Labs | NYC | ONSITE | Product Manager | Backend Engineer<p>Food-truck software.</p>", OTHER),
    ("Tarnfield | Remote (US) | Computer Vision Engineer | Mechanical Engineer<p>Mail robots.</p>", DATA),
])
def test_several_roles_vote(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # one role: the title decides, as before
    ("Corvane | Sales Engineer | Remote (US)<p>Help customers pick our sensors.</p>", OTHER),
    ("Halvard Insights | Data Scientist | Oslo | ONSITE<p>We forecast ferry demand.</p>", DATA),
    # a cell listing roles and technologies: not counted, the title decides as before
    ("Ploverly | Full Stack Developer - Go, Vue, SQL | Austin, TX<p>We sell concert tickets.</p>", SE),
    # a role the title leaves open ("Engineers") casts no vote: one role left, the heading decides as before
    # (its "Engineers", read by the short text)
    ("Mossgate | Engineers | Data Scientists | Lisbon<p>We price used tractors.</p>", OTHER),
    # a bare level casts no vote: one role left, the heading ("Lead") decides as before
    ("Pellrow | Lead | Senior Backend Engineer | Remote<p>We write payroll software in Go.</p>", OTHER),
    # roles listed in the body only: the heading decides as before
    ("Orchard Nine | Berlin | ONSITE<p>Open roles: Product Designer, Backend Engineer, Data Analyst.</p>",
     OTHER),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_other_sources_keep_the_title_rules() -> None:
    # a board's title naming two roles is read by the title rules (first match), not by a vote
    out = extract({"source": "linkedin", "title": "Data Analyst / Backend SWE", "description": "Tools."})
    assert out["role_family"] == SE


def test_classify_roles_family_tie_and_fallback() -> None:
    assert classify_roles_family(("Data Scientist", "Android Developer"), "Data Scientist") == DATA
    assert classify_roles_family(("Android Developer", "Data Scientist"), "Android Developer") == SE
    assert classify_roles_family(None, "Data Scientist / Android SWE") == SE
    assert classify_roles_family((), "Product Manager") == OTHER
    assert classify_roles_family(("Interns", "Backend Engineer"), "Backend Engineer") == SE
