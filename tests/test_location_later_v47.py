"""Later batch real-later-v47 (issue 9; invented wording): the parser's place guess spells out a city the
comment only abbreviates ("San Francisco" for "SF", "New York" for "NYC"), so the adapter's text checks - a
guess that is one member of a list of places (the fifty-seventh round), a remote comment's guess named only in
its text (later batch real-later-v13) - looked for a name the text never writes and kept the guess. They now
look for the text's own spelling of the guess's city."""

from __future__ import annotations

import pytest

from etl.normalize.location import Location, parse_location
from etl.record import Posting
from etl.sources import hackernews


def _read(body: str, guess: str, country: str = "US") -> tuple[str | None, Location]:
    p = hackernews._posting({"full_html": body, "location": guess, "country": country}, 1, None)
    assert isinstance(p, Posting)
    got = parse_location(p.location, country_hint=p.country_hint)
    return p.location, Location(country=got.country, region=got.region, city=got.city)  # the metro aside


@pytest.mark.parametrize(("body", "guess", "want"), [
    # a remote comment naming the abbreviated city only in its text: the city is no place of the job
    ("Quarry Labs | Backend Engineer | REMOTE<p>Good people live everywhere, not only in SF.",
     "San Francisco", Location()),
    ("Quarry Labs | Backend Engineer | Remote<p>Quarry is an LA-based studio making kiln software.",
     "Los Angeles", Location()),
    # an abbreviated city in a list of places in two countries: no place
    ("Quarry Labs is hiring! Open roles in our SF, NYC and Lyon studios. Mail us.", "San Francisco",
     Location()),
    # ... in one country: the country only
    ("Quarry Labs | Backend Engineer | Full-time<p>Desks in SF, Denver and Austin.", "San Francisco",
     Location(country="US")),
])
def test_a_guess_the_text_writes_abbreviated_is_looked_for_as_written(body: str, guess: str,
                                                                       want: Location) -> None:
    assert _read(body, guess)[1] == want


@pytest.mark.parametrize(("body", "guess", "location", "want"), [
    # controls, the same both ways: a comment that is not remote keeps its abbreviated city
    ("Quarry Labs | Backend Engineer | Full-time<p>Our studio sits in SF.", "San Francisco", "San Francisco",
     Location(country="US", region="US-CA", city="San Francisco")),
    # a lower-case word is no city's code ("la" is not "LA"), checked below; a remote comment's guess the text
    # never writes is no place since the twenty-fifth session (h24placeres class 3, test_places_hn_classes.py)
    ("Quarry Labs | Backend Engineer | Remote<p>We enjoy la dolce vita.", "Los Angeles", None, Location()),
    # a guess the text writes in full is read as before
    ("Quarry Labs | Backend Engineer | Full-time<p>Our studio sits in San Francisco.", "San Francisco",
     "San Francisco", Location(country="US", region="US-CA", city="San Francisco")),
])
def test_a_guess_the_text_writes_abbreviated_controls(body: str, guess: str, location: str,
                                                      want: Location) -> None:
    assert _read(body, guess) == (location, want)


def test_a_lower_case_word_is_no_city_code() -> None:
    body = "Quarry Labs | Engineer | Remote<p>We enjoy la dolce vita."
    assert hackernews._written_form("Los Angeles", body) == "Los Angeles"
