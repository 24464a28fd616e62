"""Role family of a Hacker News comment whose header cell lists roles and closes on an item naming no job of
its own ("and more!", "Many More", "other non-tech roles available too", "other engineering positions")
(real-later-v105, h23rolehn). Such an item voided the whole list's vote, and the header read as one title
took the family of the first rule matching anywhere in it (a "Data Scientist" or a "Product Designer" further
along), not the family most named roles share (lead's ruling 5 on real-later-v79, a tie to the first-named).
Now an item the `no_role` list matches whole is left out of the list, as a whole cell of that shape already
was. Invented comments of the misses' shape.
Controls that must not move: a cell listing technologies closing on "and more" (still left to the title), a
single role followed by "and more", a list whose majority the one-title reading already gave, a physical
engineering list, and a whole cell naming no role."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.role_family import _listed_roles

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # three roles, one of each family, and a filler item: a tie, the first-named (full-stack)
    ("Pendle | Full-Stack Engineer, Data Scientist, Office Administrator, other non-tech roles available"
     " too | Austin, TX | ONSITE<p>Pendle schedules school buses.</p>", SE),
    # two software roles against one data role, "and more!" closing the list
    ("Quarrow | Backend Engineers, Data Engineers, Frontend Engineers, and more! | Remote<p>Quarrow audits"
     " invoices.</p>", SE),
    # two data roles against one designer, "and more" closing the list
    ("Ostrel | Data Scientists, Data Engineers, Product Designers, and more | NYC | Onsite<p>Ostrel forecasts"
     " crop yields.</p>", DATA),
    # one software and one data role, "other engineering positions" closing the list: a tie, the first-named
    ("Wicket | Platform Engineer, Data Analyst, other engineering positions | Leeds | Onsite<p>Wicket runs"
     " cricket leagues.</p>", SE),
])
def test_list_closing_on_a_filler_now_read(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_listed_roles_leave_out_a_filler() -> None:
    assert _listed_roles("Backend Engineers, Designers, and more!") == ["Backend Engineers", "Designers"]
    assert _listed_roles("iOS, Android, Many More") == ["iOS", "Android"]
    assert _listed_roles("Data Scientist, IT Administrator, other non tech roles available too") == [
        "Data Scientist", "IT Administrator"]


@pytest.mark.parametrize(("body", "family"), [
    # a cell listing technologies after a dash, closing on "and more": still left to the title
    ("Nimbo | Full Stack Developer - Go, Vue, and more | Remote<p>We build apps for dentists.</p>", SE),
    # one role and "and more": one role, the title decides
    ("Harrow | Data Engineer, and more | Berlin | Onsite<p>Harrow tracks parcels.</p>", DATA),
    # 2 data roles against 1 software role: data before (the title's first rule) and after (the count)
    ("Lumen | Data Scientist, Data Engineer, Backend Engineer, and more | SF | Onsite<p>Lumen sells"
     " lamps.</p>", DATA),
    # a physical-engineering list with a project manager: 2 other, 1 software, before and after
    ("Ovia | Electrical Engineers, Firmware Engineers, Project Managers, and more | Austin | Onsite<p>Ovia"
     " builds chargers.</p>", OTHER),
    # a whole cell naming no role, beside one role
    ("Tarn | Android Developer | Many other roles | Remote<p>Tarn maps hiking trails.</p>", SE),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


# Developer relations (real-later-v105's 2017-12 miss; real-later-v91's labelled developer advocate): an
# evangelist or advocate is other, as a product or marketing role is; the word "developer" in the title no
# longer makes it a software title.
@pytest.mark.parametrize(("body", "family"), [
    ("Corvina | Developer Evangelist | Bay Area | Full-time<p>Corvina makes a stream-processing framework;"
     " you will give talks, write sample code in Python and Go and grow our community.</p>", OTHER),
    ("Lattice Labs | Developer Advocate (EMEA) | Dublin | ONSITE<p>Write tutorials and speak at meetups"
     " about our database's APIs.</p>", OTHER),
])
def test_developer_relations_other(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # the explicit software title still wins, whatever team it names
    ("Kelp | Software Engineer, Developer Relations | Remote<p>Build our SDKs.</p>", SE),
    # two developers against one advocate
    ("Borealis | Backend Developer, Frontend Developer, Developer Advocate | SF | Onsite<p>Borealis renders"
     " maps.</p>", SE),
    # a plain developer
    ("Sprocket | Developer | Leeds | Onsite<p>We write Python.</p>", SE),
])
def test_developer_relations_controls(body: str, family: str) -> None:
    assert hn_family(body) == family
