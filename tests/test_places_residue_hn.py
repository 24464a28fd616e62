"""Hacker News places' tune residue (issue 9, twenty-fourth session, branch h24placeres; invented wording,
real gazetteer names).

The largest class two employers share: a big city written with a neighbourhood nickname the gazetteer does not
know as a place ("<nickname>, <city>", "<city's short name> <nickname>"). The district-with-city reading
(``_district_with_city``, ``_district_run_together``) takes a district only when GeoNames knows it in the
city's region, so a nickname left the whole cell unread: no country, no region. The nicknames of
``location_aliases.yaml`` ``city_district_nicknames`` are districts of their city, beside that city only.
Controls that must not move: a nickname alone, a nickname beside another city, a known district, an unknown
word beside a city, two cities.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place, hn_posting, place_of


def _place(location: str) -> tuple[str | None, str | None, str | None]:
    got = place_of(location)
    return got.country, got.region, got.city


@pytest.mark.parametrize(("location", "want"), [
    ("SoHo, New York", ("US", "US-NY", "New York")),
    ("Tribeca, New York, NY", ("US", "US-NY", "New York")),
    ("SF FiDi", ("US", "US-CA", "San Francisco")),
    ("SoMa, San Francisco", ("US", "US-CA", "San Francisco")),
    ("San Francisco - SoMa", ("US", "US-CA", "San Francisco")),
])
def test_a_city_with_its_neighbourhood_nickname_is_the_city(location: str, want: tuple) -> None:
    assert _place(location) == want


@pytest.mark.parametrize(("location", "want"), [
    ("Kreuzberg, Berlin", ("DE", "DE-BE", "Berlin")),  # a district GeoNames knows: as before
    ("Brooklyn, NY", ("US", "US-NY", "New York")),
    ("Sunnyvale, San Francisco", ("US", "US-CA", None)),  # two cities: the region
    ("San Francisco", ("US", "US-CA", "San Francisco")),
])
def test_controls_read_as_before(location: str, want: tuple) -> None:
    assert _place(location) == want


@pytest.mark.parametrize(("location", "want"), [
    ("SoHo", ("GB", "GB-ENG", "Soho")),  # alone: the gazetteer's own place, as before
    ("FiDi", (None, None, None)),
    ("SoMa, Berlin", (None, None, None)),  # beside another city: no district of it
    ("Frobzone, New York", ("US", "US-NY", "New York")),
])
def test_a_nickname_away_from_its_city_reads_as_before(location: str, want: tuple) -> None:
    assert _place(location) == want


def test_a_hacker_news_header_with_a_city_and_its_nickname() -> None:
    got = hn_place(hn_posting("Quuxly | Backend Engineer | SoHo, New York | ONSITE FULL-TIME<p>Build things"))
    assert (got.country, got.region) == ("US", "US-NY")
