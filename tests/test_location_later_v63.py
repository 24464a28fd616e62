"""Later batch real-later-v63 (issue 9; invented wording, real gazetteer names).

A: a Hacker News header's first cell writes the place after the company with a typed dash, two hyphens
("<company> -- <city>, <province>, <country> | <role> | ..."): the company cell's place reading and the role
cell's dashed cells took one dash only, so the place stayed in the company's name and the posting had the
geocoded country alone. Two or three hyphens are the same dash.

B: a town written with the short "-boro" ending its own name spells "-borough" (or the reverse): the gazetteer
knows the town under its name only, so "<town>boro, <state>" read the written name as an unknown town. Where
the stated region (or country) holds no town of the written name, the name with the other spelling of the
ending (``location_aliases.yaml`` ``place_name_endings``) is looked up there.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place as _place
from hn_place import hn_posting as _posting

from etl.normalize.location import Location, parse_location

# -- A: a place after the company's name and a doubled dash ----------------------------------------------

@pytest.mark.parametrize(("body", "guess", "country", "company", "want"), [
    # the parser's guess cut inside the company cell ("<city>, <province>,"), its geocoded country kept
    ("Quarry Labs -- Calgary, Alberta, Canada | Kiln Reliability Engineer | Onsite | Full Time<p>We fire "
     "pots at scale.", "Calgary, Alberta,", "CA", "Quarry Labs",
     Location(country="CA", region="CA-AB", city="Calgary")),
    # no guess at all
    ("Quarry Labs -- Leeds, UK | Glaze Developer | ONSITE<p>Small studio.", None, None, "Quarry Labs",
     Location(country="GB", region="GB-ENG", city="Leeds")),
    # three hyphens
    ("Quarry Labs --- Denver, CO | Kiln Engineer | Full-time<p>Join us.", None, None, "Quarry Labs",
     Location(country="US", region="US-CO", city="Denver")),
])
def test_a_place_after_the_company_and_a_doubled_dash(body: str, guess: str | None, country: str | None,
                                                     company: str, want: Location) -> None:
    p = _posting(body, guess, country)
    assert (p.company, _place(p)) == (company, want)


def test_a_role_cell_with_cells_after_doubled_dashes() -> None:
    p = _posting("Quarry Labs | Kiln Engineer -- Leeds, UK -- ONSITE | Full-time<p>Join us.", None, None)
    assert (p.title, _place(p)) == ("Kiln Engineer", Location(country="GB", region="GB-ENG", city="Leeds"))


@pytest.mark.parametrize(("body", "company", "want"), [
    # controls, the same both ways: one dash, as read before
    ("Quarry Labs - Leeds, UK | Glaze Developer | ONSITE<p>Small studio.", "Quarry Labs",
     Location(country="GB", region="GB-ENG", city="Leeds")),
    # what follows the doubled dash names no place: the cell stays the company's
    ("Quarry Labs -- Kiln Software | Glaze Developer | Leeds, UK | ONSITE<p>Small studio.",
     "Quarry Labs -- Kiln Software", Location(country="GB", region="GB-ENG", city="Leeds")),
    # a doubled dash inside a later cell's remark is no cell break
    ("Quarry Labs | Glaze Developer | Leeds, UK | ONSITE -- relocation help<p>Small studio.", "Quarry Labs",
     Location(country="GB", region="GB-ENG", city="Leeds")),
])
def test_a_doubled_dash_controls(body: str, company: str, want: Location) -> None:
    p = _posting(body, None, None)
    assert (p.company, _place(p)) == (company, want)


# -- B: the "-boro" / "-borough" spellings of a town's name ----------------------------------------------

@pytest.mark.parametrize(("raw", "want"), [
    ("Foxboro, MA", Location(country="US", region="US-MA", city="Foxborough")),
    ("Middleboro, Massachusetts", Location(country="US", region="US-MA", city="Middleborough")),
    ("Attleborough, MA", Location(country="US", region="US-MA", city="Attleboro")),
    ("Foxboro, MA, USA", Location(country="US", region="US-MA", city="Foxborough")),
])
def test_a_town_written_with_the_other_spelling_of_its_ending(raw: str, want: Location) -> None:
    got = parse_location(raw)
    assert Location(country=got.country, region=got.region, city=got.city) == want


@pytest.mark.parametrize(("raw", "want"), [
    # controls, the same both ways: a town known under the name as written keeps it
    ("Marlboro, NJ", Location(country="US", region="US-NJ", city="Marlboro")),
    ("Hillsboro, OR", Location(country="US", region="US-OR", city="Hillsboro")),
    ("Marlborough, MA", Location(country="US", region="US-MA", city="Marlborough")),
    ("Greensboro, NC", Location(country="US", region="US-NC", city="Greensboro")),
    # no town of the other spelling in the region either: the name as written, as before
    ("Quarryboro, MA", Location(country="US", region="US-MA", city="Quarryboro")),
    # a name with no such ending is not respelled
    ("Quarry Falls, MA", Location(country="US", region="US-MA", city="Quarry Falls")),
])
def test_the_other_spelling_controls(raw: str, want: Location) -> None:
    got = parse_location(raw)
    assert Location(country=got.country, region=got.region, city=got.city) == want
