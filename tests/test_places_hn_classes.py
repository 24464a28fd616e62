"""Hacker News places, the tune residue's classes 2 and 3 (issue 9, twenty-fifth session, branch h25place;
invented wording, real gazetteer names).

Class 2, places of several countries or states read as one (lead ruling on h24placeres question 1): a second
place in another country or state drops the country or the region, as "a posting that lists cities in two
regions has no single region". Shapes: role lines each naming their own place ("<role> (<city>) - <link>",
"<city>|<role>") in a comment whose header names none; a list composed from the parser's guess whose places,
read without the parser's geocoded country, lie in two countries ("SF, NY and Dublin"); "<city>, <country>
(+ <country>)".

Class 3, a remote header whose company seat is read as the place (lead ruling on h24placeres question 2): each
city of a list composed from the guess ("offices in <city> and <city>") is looked for separately in the remote
text, and a guess the text never writes, under a remote header naming no place, is no place.

Controls that must not move: a header naming one city and "Remote" elsewhere; two cities of one state keep the
state; "NYC or Remote (US)"; a genuine "Kansas City, MO"; role lines all in one city.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place, hn_posting, place_of

from etl.extract import extract


def _extracted(body: str, guess: str | None = None, country: str | None = None
               ) -> tuple[str | None, str | None, str | None]:
    got = extract(hn_posting(body, guess, country).as_extract_input())
    return got["country"], got["region"], got["city"]


# ---- class 3: a remote header, the company's seat ---------------------------------------------------------

def test_a_guess_the_text_never_writes_under_a_remote_header_is_no_place() -> None:
    body = ("Quuxly | Platform Engineer | REMOTE | Full Time<p>We help firms move their builds to the cloud."
            "<p>Write to jobs@quuxly.example")
    assert _extracted(body, "New York", None) == (None, None, None)


def test_each_city_of_a_composed_guess_is_looked_for_in_the_remote_text() -> None:
    body = ("Quuxly | Remote | Senior Engineer | quuxly.example<p>We build systems for clients."
            "<p>Our main offices are in Denver and Boston, but we work remotely with people from all over.")
    assert _extracted(body, "Boston", "US") == (None, None, None)


@pytest.mark.parametrize(("body", "guess", "country", "want"), [
    # a header naming one city and "Remote" elsewhere: the header's city
    ("Quuxly | Boston, MA | REMOTE | Senior Engineer<p>Our office is in Denver.", "Boston", "US",
     ("US", "US-MA", "Boston")),
    # "NYC or Remote (US)": the city
    ("Quuxly | Backend Engineer | NYC or Remote (US) | Full Time<p>We build things.", "New York", "US",
     ("US", "US-NY", "New York")),
    # a header with no remote word: the guess is kept even when the text never writes it
    ("Quuxly | Platform Engineer | ONSITE | Full Time<p>We help firms move their builds.", "Chicago", "US",
     ("US", "US-IL", "Chicago")),
    # a remote team's members in several cities of one country (no office named): the country, as before
    ("Quuxly | Front-end Engineer | Full-time | Remote<p>The team is spread out, with engineers working "
     "remotely in Boston, Denver and Phoenix.", "Denver", "US", ("US", None, None)),
    # a guess the text writes only as its state ("visits to our plant in upstate NY"): as before
    ("Quuxly | C++ Engineer | Remote | Full-time<p>The role needs regular visits to our plant in upstate NY.",
     "New York", "US", ("US", "US-NY", "New York")),
    # remote with an office choice written in the text: the text's office, as before
    ("Quuxly | Platform Engineer | REMOTE | Full Time<p>Remote-first, with the option to work onsite in "
     "Denver and Boston.", "Boston", "US", ("US", None, None)),
])
def test_class_3_controls(body: str, guess: str, country: str, want: tuple) -> None:
    assert _extracted(body, guess, country) == want


# ---- class 2: role lines each with their own place --------------------------------------------------

def test_role_lines_in_two_countries_have_no_country() -> None:
    body = ("Quuxly makes booking easy for travellers.<p>https://quuxly.example"
            "<p>QA Engineer (Berlin, DE) - https://t.example/a"
            "<p>Data Scientist (San Francisco) - https://t.example/b"
            "<p>Backend Engineer (San Francisco) - https://t.example/c")
    assert _extracted(body, "San Francisco", None) == (None, None, None)


def test_role_lines_in_two_states_keep_the_country_only() -> None:
    body = ("Quuxly https://quuxly.example<p>--<p>San Francisco|Senior Web Engineer<p>Apply https://t.example/a"
            "<p>--<p>Denver|Senior Web Engineer<p>Apply https://t.example/b"
            "<p>--<p>San Francisco|Platform Engineer<p>Apply https://t.example/c"
            "<p>--<p>Overview<p>We make apps.")
    assert _extracted(body, "San Francisco", "US") == ("US", None, None)


def test_role_lines_all_in_one_city_keep_the_city() -> None:
    body = ("Quuxly makes booking easy.<p>Data Scientist (San Francisco) - https://t.example/b"
            "<p>Backend Engineer (San Francisco) - https://t.example/c")
    assert _extracted(body, "San Francisco", "US") == ("US", "US-CA", "San Francisco")


def test_role_lines_in_two_cities_of_one_state_keep_the_state() -> None:
    body = ("Quuxly https://quuxly.example<p>Austin|Senior Web Engineer<p>Apply https://t.example/a"
            "<p>Dallas|Platform Engineer<p>Apply https://t.example/b")
    assert _extracted(body, "Austin", "US") == ("US", "US-TX", None)


# ---- class 2: a composed list the parser's country misreads ------------------------------------------------

def test_a_composed_list_in_two_countries_is_not_read_with_the_guess_country() -> None:
    body = "Quuxly is hiring! See open positions in SF, NY, and Dublin. https://quuxly.example/jobs"
    assert _extracted(body, "San Francisco", "US") == (None, None, None)


@pytest.mark.parametrize(("body", "guess", "want"), [
    ("Quuxly is hiring! See open positions in Austin and Dallas. https://quuxly.example", "Austin",
     ("US", "US-TX", None)),
    ("Quuxly is hiring! See open positions in SF and NY. https://quuxly.example", "San Francisco",
     ("US", None, None)),
])
def test_composed_lists_of_one_country_as_before(body: str, guess: str, want: tuple) -> None:
    assert _extracted(body, guess, "US") == want


# ---- class 2: "<city>, <country> (+ <country>)" --------------------------------------------------

@pytest.mark.parametrize(("location", "want"), [
    ("Helsinki, Finland (+ Sweden)", (None, None, None)),
    ("Helsinki, Finland (+ Espoo)", ("FI", "FI-18", None)),
    ("Helsinki, Finland", ("FI", "FI-18", "Helsinki")),
    ("Kansas City, MO", ("US", "US-MO", "Kansas City")),
    ("NYC or Remote (US)", ("US", "US-NY", "New York")),
    ("Austin (Remote)", ("US", "US-TX", "Austin")),
])
def test_a_bracket_adding_a_place(location: str, want: tuple) -> None:
    got = place_of(location)
    assert (got.country, got.region, got.city) == want


def test_a_header_adding_a_country_in_brackets() -> None:
    got = hn_place(hn_posting("Quuxly | Helsinki, Finland (+ Sweden) | Fintech | Lead Engineer | Onsite<p>Hi",
                              "Helsinki, Finland", "FI"))
    assert (got.country, got.region) == (None, None)


# ---- class 2: a header cell of sentences, each naming its roles' places -----------------------------------

@pytest.mark.parametrize(("header", "guess", "want"), [
    ("Quuxly | All roles open in Austin/Dallas. Data roles only in Toronto. Ops only in Denver/Boston | "
     "FULL-TIME | ONSITE", "Dallas", (None, None, None)),
    ("Quuxly | Most roles in Austin. Some in Dallas | FULL-TIME | ONSITE", "Austin", ("US", "US-TX", None)),
    # controls: a stop inside a name; a sentence naming no place (as before)
    ("Quuxly | St. Louis, MO | ONSITE", "St. Louis", ("US", "US-MO", "St. Louis")),
    ("Quuxly | Denver only. Relocation paid | FULL-TIME | ONSITE", "Denver", ("US", None, None)),
])
def test_a_header_cell_of_sentences_lists_their_places(header: str, guess: str, want: tuple) -> None:
    assert _extracted(header + "<p>We build things.", guess, "US") == want


# ---- class 2: job links per place -------------------------------------------------------------------------

def test_job_links_per_place_in_two_countries_have_no_country() -> None:
    body = ("Quuxly Cloud | Solutions Architect | FULLTIME<p>We hire architects.<p>US job listing here: "
            "https://t.example/a<p>London job listing here: https://t.example/b<p>APAC job listing here: "
            "https://t.example/c")
    assert _extracted(body, "London", "GB") == (None, None, None)


def test_one_job_link_with_a_place_keeps_it() -> None:
    body = ("Quuxly Cloud | Solutions Architect | FULLTIME<p>We hire architects.<p>London job listing "
            "here: https://t.example/b<p>Engineering jobs here: https://t.example/c")
    assert _extracted(body, "London", "GB") == ("GB", "GB-ENG", "London")
