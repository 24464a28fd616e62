"""Hacker News places, later batch real-later-v88 (issue 9; invented wording, real gazetteer names).

Class D of its misses: a metro area whose bracket names the office's town first, with more after it than
"<town>, <ST>" or in the metro's own state ("<metro> area, <state> (<town>, near <landmark>)", "<metro> Bay
Area (<town>, CA)", "DC Metro (<town>/<neighbourhood> VA)"). The labelling rules give a metro area its region
and no city, and a town named in its bracket is the city (the metro rule's "<city> Metro Area (<town>, <ST>)";
real-later-v82 ruling 4, whose record 2018-03 #306 is this class's second labelled comment). The parser read
the bracket only across a state line and as exactly "<town>, <ST>", so the metro's main city (or, through the
metro rule, no city) was kept. Controls that must not move: a city without a metro word and a district in
brackets, a bracket listing two towns, a bracket naming no town, a town of another country, a town with its
metro in brackets.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place, hn_posting

from etl.extract import extract


def _place(location: str) -> tuple[str | None, str | None, str | None]:
    out = extract({"title": "Engineer", "location": location, "description": "Build <product>."})
    return out["country"], out["region"], out["city"]


@pytest.mark.parametrize(("location", "want"), [
    ("Los Angeles area, California (El Segundo, near the airport)", ("US", "US-CA", "El Segundo")),
    ("San Francisco Bay Area (San Mateo, CA)", ("US", "US-CA", "San Mateo")),
    ("Greater Boston (Newton, MA)", ("US", "US-MA", "Newton")),
    ("Seattle Metro Area (Redmond)", ("US", "US-WA", "Redmond")),
    ("DC Metro (Arlington/Ballston VA)", ("US", "US-VA", "Arlington")),
    ("Greater Washington (Bethesda/Woodmont MD)", ("US", "US-MD", "Bethesda")),
    ("Bay Area (Sunnyvale, CA) - Onsite", ("US", "US-CA", "Sunnyvale")),
])
def test_a_metro_areas_bracket_names_the_town(location: str, want: tuple) -> None:
    assert _place(location) == want


def test_a_hacker_news_header_with_a_metro_and_its_town() -> None:
    p = hn_posting("Widgetry - Los Angeles area, California (El Segundo, near the airport) - ONSITE"
                   "<p>We build.")
    got = hn_place(p)
    assert (got.country, got.region, got.city) == ("US", "US-CA", "El Segundo")


@pytest.mark.parametrize(("location", "want"), [
    # no metro word: a district (or a town read as one) in brackets leaves the city (forty-seventh round)
    ("Los Angeles (West Hollywood)", ("US", "US-CA", "Los Angeles")),
    # two towns in the bracket: a list of places, no one city (the metro rule: region only)
    ("Bay Area (Oakland/Berkeley)", ("US", "US-CA", None)),
    ("San Francisco Bay Area (San Mateo or Oakland)", ("US", "US-CA", None)),
    # no town in the bracket: the metro area alone
    ("Greater Boston (hybrid)", ("US", "US-MA", None)),
    ("Denver Metro Area (near the airport)", ("US", "US-CO", None)),
    ("San Francisco Bay Area", ("US", "US-CA", None)),
    # a town of another country, a town with its metro in brackets, a flag: as before
    ("Seattle, WA (Vancouver, BC)", ("US", "US-WA", "Seattle")),
    ("Santa Monica (LA area)", ("US", "US-CA", "Santa Monica")),
    ("Austin, TX (remote OK)", ("US", "US-TX", "Austin")),
    ("Boston Metro Area (Nashua, NH)", ("US", "US-NH", "Nashua")),
    ("Washington, DC (Reston, VA)", ("US", "US-VA", "Reston")),
])
def test_controls_that_must_not_move(location: str, want: tuple) -> None:
    assert _place(location) == want
