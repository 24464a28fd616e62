"""Role family of a Hacker News comment whose header cell lists the areas it hires in, a department or
function beside roles ("Software Engineering, Marketing, Sales", "Backend Engineers, Designers, Product")
(real-later-v109, h24rolehn). A bare department word was no list item, so it voided the whole list's vote,
and the header read as one title took the explicit software rule's "Software Engineer" wherever it stood, not
the family most named roles share (lead's ruling 5 on real-later-v79, a tie to the first-named; the header's
roles decide, `real-later-v101` ruling 1). Now a department or function word (`several_roles.department`:
engineering, marketing, sales, product, design, operations, ...) is a list item, read as the roles of that
department: a non-software department is other by the rules, a bare "Engineering" casts no vote (it leaves
the family open, as a bare "Engineers" does). Invented comments of the misses' shape.
Software roles outnumbering the departments, or tied with them and named first, now read software (the
one-title reading took the not-software rule's "sales" or "marketing" before). Controls that must not move: a
list of technologies with a department word (still left to the title), a bare "Engineering" beside one
department, and a list of places."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.role_family import _listed_roles

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # one software area against two business areas
    ("Quillet | Software Engineering, Marketing, Sales | Denver | Full-time<p>Quillet builds invoicing"
     " software for bakeries.</p>", OTHER),
    # software engineers against designers and product, the header's cells split by the comment reader
    ("Tambor | BOSTON | BACKEND ENGINEERS, DESIGNERS, PRODUCT | ONSITE<p>Tambor rents kayaks; we work in"
     " Rails and React.</p><p>Senior Backend Engineer - Payments: https://example.com/a</p><p>Backend"
     " Engineer - Payments: https://example.com/b</p>", OTHER),
    # a data role against two business areas
    ("Orrery | Data Scientists, Operations, Customer Success | Leeds | Onsite<p>Orrery schedules"
     " telescopes.</p>", OTHER),
    # two software roles against one department (read other before: the one-title reading's "sales")
    ("Harrow | Backend Engineers, Frontend Engineers, Sales | Berlin | Onsite<p>Harrow tracks parcels.</p>",
     SE),
    # one software role and one department: a tie, the first-named (read other before, as above)
    ("Lumen | Full-Stack Engineers, Marketing | SF | Onsite<p>Lumen sells lamps.</p>", SE),
])
def test_departments_in_a_header_list_vote(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_listed_roles_read_departments() -> None:
    assert _listed_roles("Software Engineering, Marketing, Sales") == [
        "Software Engineering", "Marketing", "Sales"]
    assert _listed_roles("Designers, Product") == ["Designers", "Product"]


@pytest.mark.parametrize(("body", "family"), [
    # technologies beside a department word: the list still names no roles only, left to the title
    ("Nimbo | Python, Django, Product | Remote<p>We build apps for dentists; Python and React all day.</p>",
     SE),
    # a bare "Engineering" casts no vote: one vote left, the header read as one title, as before
    ("Ovia | Engineering, Sales | Austin | Onsite<p>Ovia builds chargers in Go and React.</p>", OTHER),
    # places, not departments
    ("Tarn | Android Developer | London, Berlin, Remote<p>Tarn maps hiking trails.</p>", SE),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family
