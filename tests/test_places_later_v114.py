"""Hacker News places, later batch real-later-v114 (issue 9; invented wording, real gazetteer names).

Its one miss: a header place cell "<town>/<area>, <state>" whose slash-joined name the gazetteer does not know
as a whole was kept, slash and all, as the city ("<town>/<area>" beside its state). A name with a slash is
no town's name: the pieces are read as towns of the region (else the country) already found, as the same
name without a state is read (``_single``'s "Cambridge/Boston" reading): one town -> that town; several ->
what they share (the region); none -> the region or country only. Controls that must not move: two known
towns with a slash (region only), a slash beside a remote word, a name without a slash, the same name
without a state.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place, hn_posting, place_of


def _place(location: str) -> tuple[str | None, str | None, str | None]:
    got = place_of(location)
    return got.country, got.region, got.city


@pytest.mark.parametrize(("location", "want"), [
    # one known town and an area the gazetteer does not know as a town: the town
    ("Truckee/Tahoe Basin, CA", ("US", "US-CA", "Truckee")),
    ("Boulder/Front Range, CO", ("US", "US-CO", "Boulder")),
    ("Boulder/Front Range, Colorado", ("US", "US-CO", "Boulder")),
    ("Bozeman/Big Sky Country, MT", ("US", "US-MT", "Bozeman")),
    ("Glimmerfield/Bozeman, MT", ("US", "US-MT", "Bozeman")),
    ("Aarhus/East Jutland, Denmark", ("DK", "DK-82", "Aarhus")),
    # no piece a known town: the region or the country only, never the slash-joined name
    ("Frobville/Quuxton, CA", ("US", "US-CA", None)),
    ("Frobville/Quuxton, Germany", ("DE", None, None)),
])
def test_a_slash_joined_name_before_its_state_is_read_by_its_pieces(location: str, want: tuple) -> None:
    assert _place(location) == want


def test_a_hacker_news_header_with_a_town_and_its_area() -> None:
    p = hn_posting("Widgetry | Senior Engineer | Bend/High Desert, OR | FULL-TIME, ONSITE or REMOTE<p>Build")
    got = hn_place(p)
    assert (got.country, got.region, got.city) == ("US", "US-OR", "Bend")


@pytest.mark.parametrize(("location", "want"), [
    # two known towns: what they share, as before
    ("Dallas/Westlake, TX", ("US", "US-TX", None)),
    ("Boston/Cambridge, MA", ("US", "US-MA", None)),
    ("Santa Monica/Venice, CA", ("US", "US-CA", None)),
    ("Kitchener/Waterloo, ON, Canada", ("CA", "CA-ON", None)),
    # a remote word beside the town, and the same names without a state or a slash: as before
    ("REMOTE/Freiburg, DE", ("DE", "DE-BW", "Freiburg")),
    ("Truckee/Tahoe Basin", ("US", "US-CA", "Truckee")),
    ("Truckee, CA", ("US", "US-CA", "Truckee")),
    ("Bend, OR", ("US", "US-OR", "Bend")),
    ("Smalltown, OH", ("US", "US-OH", "Smalltown")),
])
def test_controls_that_must_not_move(location: str, want: tuple) -> None:
    assert _place(location) == want
