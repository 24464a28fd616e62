"""Role family of a Hacker News comment whose header cell lists roles (real-later-v91, h20role4): the cell
is split into its roles when every item of the list is a role or a role's field word, and the roles vote as
header cells do (most of them, a tie to the first-named; lead's ruling 5 on real-later-v79). A bare field
word ("Data", "Backend") takes the list's closing role noun ("..., and Platform Engineers"). Invented
comments of the same shape as the misses:
- "SRE, Data, Backend, and Partner/Solutions Engineers": three software roles, one data, one other ->
  software_engineering (the cell was read whole as a sales engineer's, other);
- "Senior Full Stack, Vue Front-End, DBA": two software roles, one database role -> software_engineering
  (read whole as data, its "DBA").
Controls that must not move: a cell listing technologies or places after a role ("Full Stack Developer - Go,
Vue, SQL", "Backend Engineer, NYC"), a cell of fields that are not roles ("NLP, Speech, Signal Processing"),
one role, and another source's title."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.extract import extract
from etl.normalize.role_family import classify_roles_family

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # the misses' shapes: a list closing on one role noun; a list of roles with no shared noun
    ("Pennyroll (YC W15) | Madrid | SRE, Data, Backend, Full-Stack, and Pre-sales/Solutions Engineers"
     " | Onsite<p>We move invoices between banks.</p>", SE),
    ("Larchwell Care | Senior Full Stack, Vue Front-End, DBA | Leeds, UK | Full-time | ONSITE"
     "<p>We schedule home nurses.</p>", SE),
    # a list of mostly data roles: data (it was read whole by its first strong rule)
    ("Tidemark | Data Engineer, Data Scientist, Growth Marketer | Remote<p>We sell garden seeds.</p>", DATA),
    # a tie: the first-named role decides
    ("Copperlane | Product Designer, Backend Engineer | Austin, TX<p>We rent bikes.</p>", OTHER),
])
def test_cell_listing_roles_votes(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a cell listing technologies after a role: not split, the title decides as before
    ("Ploverly | Full Stack Developer - Go, Vue, SQL | Austin, TX<p>We sell concert tickets.</p>", SE),
    ("Quenby | Data Scientist (Python, R) | Remote<p>We price boat insurance.</p>", DATA),
    # a cell of fields that are not roles: not split (the text decides as before)
    ("Humwell | Denver | NLP, Speech, Signal Processing | Remote<p>We answer phones for bakeries.</p>",
     OTHER),
    # one role: the title decides
    ("Corvane | Sales Engineer | Remote (US)<p>Help customers pick our sensors.</p>", OTHER),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_classify_roles_family_splits_a_role_list() -> None:
    assert classify_roles_family(("SRE, Data, Backend, and Partner/Solutions Engineers",), "x") == SE
    assert classify_roles_family(("Data, ML, and Backend Engineers",), "x") == DATA
    # an item that is no role (a city): the cell is left to the title, as before
    assert classify_roles_family(("Backend Engineer, NYC",), "Data Scientist") == DATA


def test_other_sources_keep_the_title_rules() -> None:
    out = extract({"source": "linkedin", "title": "Senior Full Stack, Vue Front-End, DBA",
                   "description": "."})
    assert out["role_family"] == DATA
