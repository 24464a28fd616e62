"""Hacker News places: the words before a known city (issue 9; invented wording, real gazetteer names).

The location parser's last fallback kept every word in front of a known city as part of the city's name
("Central London, UK" -> city "Central London"; "REMOTE (or ONSITE <town>, MA)" -> "or <town>"; "@ <city>",
"at HQ in <city>", "<product>. <city>, India"): later batch real-later-v82 open question 3, adopted by the
lead (ruling 3), which settles real-later-v74 class D too. The ruled reading: the fallback reads the longest
run of final words that names a city in the region or country already found. Controls that must not move:
cities of two or more words, read whole; a city that is not in the country found stays as written; a name with
no known city in its last words stays as written.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place as _place
from hn_place import hn_posting as _posting
from hn_place import place_of

from etl.normalize.location import Location


@pytest.mark.parametrize(("raw", "want"), [
    ("Central London, UK", Location(country="GB", region="GB-ENG", city="London")),
    ("REMOTE (or ONSITE Newton, MA)", Location(country="US", region="US-MA", city="Newton")),
    ("@ Oslo, Norway", Location(country="NO", region="NO-03", city="Oslo")),
    ("at HQ in Birmingham, UK", Location(country="GB", region="GB-ENG", city="Birmingham")),
    ("Widgetly. Bangalore, India", Location(country="IN", region="IN-KA", city="Bengaluru")),
    ("& Austin, TX", Location(country="US", region="US-TX", city="Austin")),
    ("Brooklyn NYC, NY", Location(country="US", region="US-NY", city="New York")),
    ("offices in downtown San Francisco, CA", Location(country="US", region="US-CA", city="San Francisco")),
])
def test_words_before_a_known_city_are_dropped(raw: str, want: Location) -> None:
    assert place_of(raw) == want


@pytest.mark.parametrize(("raw", "want"), [
    # cities of two or more words, read whole (never their last word alone)
    ("New York, NY", Location(country="US", region="US-NY", city="New York")),
    ("San Francisco, CA", Location(country="US", region="US-CA", city="San Francisco")),
    ("Den Haag, Netherlands", Location(country="NL", region="NL-ZH", city="The Hague")),
    ("Frankfurt am Main, Germany", Location(country="DE", region="DE-HE", city="Frankfurt")),
    ("Rio de Janeiro, Brazil", Location(country="BR", region="BR-RJ", city="Rio de Janeiro")),
    # a city of another country than the one found stays as written
    ("Central Oslo, UK", Location(country="GB", region=None, city="Central Oslo")),
    # no known city in the last words: as written, as before
    ("Smalltown, OH", Location(country="US", region="US-OH", city="Smalltown")),
    ("Quarry Works, OH", Location(country="US", region="US-OH", city="Quarry Works")),
])
def test_controls_do_not_move(raw: str, want: Location) -> None:
    assert place_of(raw) == want


@pytest.mark.parametrize(("body", "want"), [
    ("Kilnworks | Glaze Engineer | Central London, UK | Full-time<p>We make kilns.",
     Location(country="GB", region="GB-ENG", city="London")),
    ("Kilnworks | Backend Engineer | REMOTE (or ONSITE Newton, MA)<p>We make kilns.",
     Location(country="US", region="US-MA", city="Newton")),
    ("Kilnworks Robotics | Engineers | at HQ in Birmingham, UK<p>We make kilns.",
     Location(country="GB", region="GB-ENG", city="Birmingham")),
    ("Kilnworks | Glaze Engineer | New York, NY | Full-time<p>We make kilns.",
     Location(country="US", region="US-NY", city="New York")),
])
def test_hacker_news_header(body: str, want: Location) -> None:
    assert _place(_posting(body)) == want


@pytest.mark.parametrize(("raw", "want"), [
    # a town's name joined by a particle to the name of another town of its region (a river's, here) is one
    # name written without its hyphens, not words before a city (France Travail, "<town> SUR <river>")
    ("NEWVILLE SUR MAYENNE, Pays-de-la-Loire, France",
     Location(country="FR", region="FR-PDL", city="Newville Sur Mayenne")),
    ("Oldbourg am Rhein, Germany", Location(country="DE", region=None, city="Oldbourg am Rhein")),
    # a list of places whose first name the gazetteer does not know is no one city: as written, as before
    ("Smalltown and Boston, MA", Location(country="US", region="US-MA", city="Smalltown and Boston")),
    ("Banglaore and Pune, India", Location(country="IN", region=None, city="Banglaore and Pune")),
    ("Petiteville et Colmar, France", Location(country="FR", region=None, city="Petiteville et Colmar")),
])
def test_joined_names_and_lists_stay(raw: str, want: Location) -> None:
    assert place_of(raw) == want


def test_the_city_tail_word_lists_are_data_of_their_shape() -> None:
    """The city-tail rule's list words and name particles live in location_aliases.yaml (h19city ruling 2):
    two non-empty lists of lower-case strings, each written once, no word in both (a particle is never a list
    word), and a YAML boolean spelling ("on", "y") kept a string."""
    from etl.normalize.location_data import read_aliases

    data = read_aliases()
    lists = (data["city_tail_list_words"], data["city_tail_name_particles"])
    for words in lists:
        assert words
        assert all(isinstance(w, str) and w == w.lower() and w.strip() == w and w for w in words), words
        assert len(set(words)) == len(words)
    assert not set(lists[0]) & set(lists[1])
    assert {"and", "or", "y"} <= set(lists[0]) and {"sur", "on", "upon"} <= set(lists[1])
