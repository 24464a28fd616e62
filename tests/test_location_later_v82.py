"""Later batch real-later-v82 (issue 9; invented wording, real gazetteer names).

A: a Hacker News header place "<county>, <country>" whose county is one of the UK's counties that ISO 3166-2
does not list ("<company> | <role> | West Yorkshire, United Kingdom | ONSITE"): ISO lists England's
metropolitan boroughs and unitary authorities (Leeds, Wakefield, Reading), not the metropolitan counties (West
Yorkshire, Merseyside, Tyne and Wear, ...), the ceremonial counties made of unitary authorities only
(Berkshire, Bedfordshire, Northamptonshire) or Wales' preserved counties (Gwent, the Glamorgans), so the
parser kept the county as the city, with no region. Such a county is the nation it lies in (GB-ENG, GB-WLS)
and names no city, as "Kent, UK" does; the names are data (``location_aliases.yaml`` ``regions``). A county
written before its nation's name in place of the country ("Surrey, England", "Gwent, Wales") was kept as the
city beside the nation's region: a first part that names a subdivision of the region already read names no
city. A town before the county keeps its city (controls), and a county name that is also a large town abroad
(Cheshire, Connecticut) is left out.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place as _place
from hn_place import hn_posting as _posting
from hn_place import place_of

from etl.normalize.location import Location

# -- A: a UK county ISO 3166-2 does not list, written as the place ------------------------------------------


@pytest.mark.parametrize(("body", "want"), [
    ("Kilnworks | Glaze Engineers | West Yorkshire, United Kingdom | Full-Time | ONSITE<p>We make kilns.",
     Location(country="GB", region="GB-ENG", city=None)),
    ("Glazehouse | Firmware Developer | Merseyside, UK | ONSITE<p>Pottery sensors.",
     Location(country="GB", region="GB-ENG", city=None)),
    ("Potterly | Backend Engineer | Tyne and Wear, UK | Full time<p>Small team.",
     Location(country="GB", region="GB-ENG", city=None)),
    ("Clayworks | Data Engineer | Berkshire, England | ONSITE<p>Pots at scale.",
     Location(country="GB", region="GB-ENG", city=None)),
    ("Slipcast | Web Developer | South Glamorgan, UK | ONSITE<p>Welsh pottery.",
     Location(country="GB", region="GB-WLS", city=None)),
])
def test_a_uk_county_iso_does_not_list(body: str, want: Location) -> None:
    assert _place(_posting(body)) == want


@pytest.mark.parametrize(("raw", "want"), [
    ("West Yorkshire, UK", Location(country="GB", region="GB-ENG")),
    ("Yorkshire, United Kingdom", Location(country="GB", region="GB-ENG")),
    ("Gwent, Wales", Location(country="GB", region="GB-WLS")),
    ("West Midlands", Location(country="GB", region="GB-ENG")),
    # a county ISO does list, before its nation's name in place of the country: no city either
    ("Surrey, England", Location(country="GB", region="GB-ENG")),
    ("Fife, Scotland", Location(country="GB", region="GB-SCT")),
])
def test_a_county_in_a_location_string(raw: str, want: Location) -> None:
    assert place_of(raw) == want


@pytest.mark.parametrize(("raw", "want"), [
    # controls, the same both ways: a town before the county keeps its city; an ISO county names no city; a
    # county name that is also a large town abroad stays that town
    ("Bradford, West Yorkshire, UK", Location(country="GB", region="GB-ENG", city="Bradford")),
    ("Reading, Berkshire", Location(country="GB", region="GB-ENG", city="Reading")),
    ("Liverpool, Merseyside, UK", Location(country="GB", region="GB-ENG", city="Liverpool")),
    ("Kent, UK", Location(country="GB", region="GB-ENG")),
    ("Cardiff, Wales", Location(country="GB", region="GB-WLS", city="Cardiff")),
    ("Bavaria, Germany", Location(country="DE", region="DE-BY")),
    ("Cheshire, CT", Location(country="US", region="US-CT", city="Cheshire")),
    ("Pittsfield, Berkshire County, MA", Location(country="US", region="US-MA", city="Pittsfield")),
])
def test_a_controls(raw: str, want: Location) -> None:
    assert place_of(raw) == want
