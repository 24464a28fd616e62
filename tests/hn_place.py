"""A Hacker News comment's posting and place as the adapter and the location parser read them (one helper; two
per-round files wrote it)."""

from __future__ import annotations

from etl.normalize.location import Location, parse_location
from etl.record import Posting
from etl.sources import hackernews


def hn_posting(body: str, guess: str | None = None, country: str | None = None) -> Posting:
    """The adapter's posting of a comment's HTML ``body``, with the export's location guess and country."""
    p = hackernews._posting({"full_html": body, "location": guess, "country": country}, 1, None)
    assert isinstance(p, Posting)
    return p


def place_of(raw: str | None, country_hint: str | None = None) -> Location:
    """A location string's country, region and city as the location parser reads them (the metro aside)."""
    got = parse_location(raw, country_hint=country_hint)
    return Location(country=got.country, region=got.region, city=got.city)


def hn_place(p: Posting) -> Location:
    """The posting's country, region and city as the location parser reads them (the metro aside)."""
    return place_of(p.location, p.country_hint)
