"""Role family of a Hacker News comment whose header cell lists several roles, one of them written in a shape
the list reader did not know (real-later-v101, h22rolehn): a role with its stack in brackets holding commas
("Backend Engineer (Go, Postgres), Product Manager"), a manager other than a product manager ("Growth
Marketing Manager") or a director of a department ("Director of Engineering"), or a header cell of prose run
on from the header (no paragraph break: "Full-time Corvel helps clinics ... We are ..."). One such item
voided the whole list's vote, and the header read as one title took the family of the first rule that
matched anywhere in it (a "Data Engineer" or "Product Designer" further along), not the family most named
roles share (lead's ruling 5 on real-later-v79, a tie to the first-named). Now a bracket in a listed cell is
read as the role's kinds when it names only kinds ("Engineers (Backend, Mobile)": lead's ruling 4 on
real-later-v95) and dropped otherwise (a stack or place, as ``family_roles`` drops a body-listed role's
bracket), managers and directors, heads
or VPs "of" a department are list items, and a cell of a dozen words or more holding a sentence word names
no role. Invented comments of the same shapes as the misses.
Controls that must not move: a cell listing technologies or places after a dash (still left to the title), a
list the reader read before, a one-role header with a bracketed stack, and a physical-engineering list."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.role_family import _named_roles

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # managers in the list: six roles, 2 software, 2 data, 2 other -> a tie, the first-named (Android)
    ("Quillio | Android Engineer, Data Engineer, Data Analyst, Growth Marketing Manager, Partnerships"
     " Manager, Solutions Architect | Boston or remote<p>Quillio helps libraries lend tablets.</p>", SE),
    # a bracketed stack holding commas, and a director of engineering: 2 software, 2 other -> the first-named
    ("Tallow | Backend Engineer (Go, Postgres), Director of Engineering, UX Designer, Product Manager |"
     " Chicago | Onsite<p>Tallow builds scheduling tools for farms.</p>", SE),
    # a summary role whose kinds are bracketed: developers and designers, 1 to 1 -> the first-named
    ("Mendry | Developers (Rails, ML/AI, Swift, Kotlin), Designers | Remote | $70-110k<p>Mendry reads X-rays"
     " with machine learning.</p>", SE),
    # the header's last cell is prose run on from the header (no paragraph break): it names no role
    ("Corvel | Frontend Engineer (Vue), Engineering Manager, Product Designer, Product Manager | Denver |"
     " Full-time Corvel helps clinics book rooms, and today it takes weeks to book one by phone. We are"
     " building the whole stack ourselves.<p>Write to jobs@example.org</p>", SE),
    # a summary role's bracket naming its kinds counts the kinds (lead's ruling 4 on real-later-v95): 1
    # data, 3 software
    ("Pellory | Data Scientist, Engineers (Backend, Frontend, Mobile) | Oslo | Onsite<p>Pellory plans ferry"
     " routes.</p>", SE),
    # "Multiple jobs" names no role; its bracket lists a stack word ("BI"), so it is dropped; the body's list
    # votes: 2 software, 1 other
    ("Sandoe | Multiple jobs (backend, frontend, BI) | Munich | Onsite<p>Sandoe rents boats.</p>"
     "<p>iOS Developer<br>Android Developer<br>Technical Product Manager</p>", SE),
    # the managers now vote: one software role against two sales managers
    ("Brisket | Software Engineer, Account Manager, Regional Sales Manager | NYC | Onsite<p>Brisket sells"
     " point-of-sale tablets to diners.</p>", OTHER),
])
def test_header_list_items_now_read(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a cell listing technologies after a dash: still left to the title, as before
    ("Nimbo | Full Stack Developer - Go, Vue, SQL | Remote<p>We build apps for dentists.</p>", SE),
    # a list the reader read before: 2 data, 1 software
    ("Harbor | Data Scientist, Data Engineer, Backend Engineer | SF | Onsite<p>Harbor prices freight.</p>",
     DATA),
    # one role with a bracketed stack
    ("Quayside | Backend Engineer (Go, Rust) | Berlin | Onsite<p>We move containers.</p>", SE),
    # a physical-engineering list with a project manager: 2 other, 1 software, before and after
    ("Ovia | Electrical Engineer, Firmware Engineer, Project Manager | Austin | Onsite<p>Ovia builds"
     " chargers.</p>", OTHER),
    # a summary role's bracketed kinds, an abbreviation among them: 2 software kinds against 1 product manager
    ("Lindqvist | Product Manager, Software Engineers (BE, Fullstack) | SF | Onsite<p>Lindqvist sends push"
     " messages.</p>", SE),
    # a bracket split off its role by the header reader, its kinds closing on their own noun: read as
    # kinds, not dropped (dropping them would read 1 software role against 2 data roles)
    ("Gravelly | Software Engineers (Backend, Frontend Web App Developers), Data Engineer, Data Scientist |"
     " DC | Onsite<p>Gravelly maps privacy rules.</p>", SE),
    # a single product manager whose bracket lists areas
    ("Kestrel | Product Manager (Payments, Risk) | NYC | Onsite<p>Kestrel lends to shops.</p>", OTHER),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_named_roles_reads_brackets_managers_directors_and_skips_prose() -> None:
    assert _named_roles(["Backend Engineer (Go, SQL), Product Manager"]) == [
        "Backend Engineer", "Product Manager"]
    assert _named_roles(["Data Engineer, Demand Generation Manager"]) == [
        "Data Engineer", "Demand Generation Manager"]
    assert _named_roles(["iOS Engineer, Senior Director of Engineering"]) == [
        "iOS Engineer", "Senior Director of Engineering"]
    prose = ("Full-time Corvel helps clinics book rooms, and today it takes weeks to book one by phone. We"
             " are on it.")
    assert _named_roles(["Web Developer", "Designer", prose]) == ["Web Developer", "Designer"]
    assert _named_roles(["Data Scientist, Engineers (Backend, Fullstack)"]) == [
        "Data Scientist", "Backend Engineers", "Fullstack Engineers"]
    assert _named_roles(["Software Engineer, Marketing Manager, Data"]) == [
        "Software Engineer", "Marketing Manager", "Data"]
    # a cell listing technologies still voids the count (the posting is left to its title)
    assert _named_roles(["Full Stack Developer - Go, Vue, SQL", "Designer"]) == []
