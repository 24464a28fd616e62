"""Hacker News places, later batch real-later-v97 (issue 9; invented wording, real gazetteer names).

Its one miss: a neighbourhood inside a big city's limits written alone as the place ("<neighbourhood>, CA")
read as a city of its own. The labelling rules read a neighbourhood or borough as its city ("Brooklyn, NY" ->
New York, the tenth session's "a neighbourhood before a city: the city", real-later-v36's boroughs); the
hand-kept cities.csv listed some neighbourhoods of Los Angeles and San Diego as cities of their own.
``location_aliases.yaml`` ``city_neighbourhoods`` now names them under their city: a cities.csv row of that
name in the city's region reads as the city. Controls that must not move: a city of the same name in another
region or country (Venice in Italy, Hollywood in Florida), a separate city beside Los Angeles (West
Hollywood, Santa Monica, Culver City), a city with its district in brackets, two places in one cell.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place, hn_posting, place_of

from etl.extract import extract


def _place(location: str) -> tuple[str | None, str | None, str | None]:
    out = extract({"title": "Engineer", "location": location, "description": "Build <product>."})
    return out["country"], out["region"], out["city"]


@pytest.mark.parametrize(("location", "want"), [
    ("Playa Vista, CA", ("US", "US-CA", "Los Angeles")),
    ("Venice, CA", ("US", "US-CA", "Los Angeles")),
    ("Venice, California", ("US", "US-CA", "Los Angeles")),
    ("Hollywood, CA", ("US", "US-CA", "Los Angeles")),
    ("Sherman Oaks, CA", ("US", "US-CA", "Los Angeles")),
    ("Woodland Hills, California", ("US", "US-CA", "Los Angeles")),
    ("La Jolla, CA", ("US", "US-CA", "San Diego")),
    ("Playa Vista, Los Angeles, CA", ("US", "US-CA", "Los Angeles")),
])
def test_a_neighbourhood_written_alone_is_its_city(location: str, want: tuple) -> None:
    assert _place(location) == want


def test_a_hacker_news_header_with_a_neighbourhood() -> None:
    p = hn_posting("Widgetry | Frontend Developer | Playa Vista, CA | Full Time, Onsite<p>We build.")
    got = hn_place(p)
    assert (got.country, got.region, got.city) == ("US", "US-CA", "Los Angeles")


def test_the_neighbourhood_list_is_data_of_its_shape() -> None:
    from etl.normalize.location_data import aliases, read_cities
    table = aliases()["city_neighbourhoods"]
    cities = {c.name: c for c in read_cities()}
    seen: set[str] = set()
    for city, names in table.items():
        assert city in cities, city  # the city is a row of cities.csv
        for name in names:
            assert isinstance(name, str) and name not in seen, name
            seen.add(name)
            rows = [c for c in read_cities() if c.name == name and c.region == cities[city].region]
            assert rows, name  # each neighbourhood is a cities.csv row in its city's region


@pytest.mark.parametrize(("location", "want"), [
    # the same name in another region or country keeps its own place
    ("Venice, Italy", ("IT", "IT-34", "Venice")),
    ("Venice", ("IT", "IT-34", "Venice")),
    ("Hollywood, FL", ("US", "US-FL", "Hollywood")),
    # separate cities beside Los Angeles stay themselves
    ("West Hollywood, CA", ("US", "US-CA", "West Hollywood")),
    ("Santa Monica, CA", ("US", "US-CA", "Santa Monica")),
    ("Culver City, CA", ("US", "US-CA", "Culver City")),
    ("Fremont, CA", ("US", "US-CA", "Fremont")),
    # a city with its district in brackets, and two places in one cell: as before
    ("Los Angeles (Venice)", ("US", "US-CA", "Los Angeles")),
    ("Santa Monica/Venice, CA", ("US", "US-CA", None)),
    ("Los Angeles, CA", ("US", "US-CA", "Los Angeles")),
])
def test_controls_that_must_not_move(location: str, want: tuple) -> None:
    assert _place(location) == want


def test_place_of_a_neighbourhood_with_the_country_hint() -> None:
    got = place_of("Venice, CA", country_hint="US")
    assert (got.country, got.region, got.city) == ("US", "US-CA", "Los Angeles")
