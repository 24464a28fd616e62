"""Later batch real-later-v74 (issue 9; invented wording, real gazetteer names).

A: a Hacker News header whose first cell names only a city ("Munich (GER) | ONSITE | Fulltime", "LEEDS |
<company> | <role> | ONSITE", "Santa monica - onsite.") and no other cell a place: the header reading took the
first cell for the company, so the posting had no place, or the parser's guess from elsewhere in the text (the
company's accelerator's town). A first cell that is a city the gazetteer knows, alone (flag words and a
bracketed note that names no other place aside), is the header's place when the header names no other place;
the company is then a later plain cell written as a name, or none is named. A company named like a town beside
a place cell keeps its name (controls).

B: a comment with no header place whose text introduces the employer as "a <city>-based <company noun>"
("Kilnworks is a Calgary based software company ...", "a fast-growing Leeds-based studio"): the text's place
readings knew "our <city> office" and "hiring ... in <city>" but not the seat written as an adjective, so the
posting had no place. A comment of a small team saying where it is based says where the work is (the
`real-later-v4` ruling 2 reading of "we're located in <city>"); the reading is the text-place one (read only
when the header names no place and is not remote; one place only), with the company nouns in
``hackernews_header.yaml`` ``text_place_seats``.
"""

from __future__ import annotations

import pytest
from hn_place import hn_place as _place
from hn_place import hn_posting as _posting

from etl.normalize.location import Location

# -- A: a first header cell naming only a city -----------------------------------------------------------

@pytest.mark.parametrize(("body", "guess", "country", "company", "want"), [
    # a city with a country code in brackets, flags after it; the parser's guess is the accelerator's town
    ("Munich (GER) | ONSITE | Fulltime<p>| Kilnworks - https://kilnworks.example - part of a pottery "
     "accelerator, Boston |<p>* Glaze Engineer", "Boston", None, None,
     Location(country="DE", region="DE-BY", city="Munich")),
    # a city in capitals, the company in the next cell
    ("LEEDS | GLAZEHOUSE | SENIOR KILN DEVELOPER | ONSITE<p>We fire pots.", None, None, "GLAZEHOUSE",
     Location(country="GB", region="GB-ENG", city="Leeds")),
    # a city written in lower case after its first word, a flag after a dash, no company named
    ("Santa monica - onsite.<p>We are hiring a full stack engineer for our pottery app.", None, None, None,
     Location(country="US", region="US-CA", city="Santa Monica")),
    # a city with its state in brackets
    ("Denver (CO) | Kiln Engineer | Full time<p>Small studio.", None, None, None,
     Location(country="US", region="US-CO", city="Denver")),
])
def test_a_first_cell_naming_only_a_city(body: str, guess: str | None, country: str | None,
                                         company: str | None, want: Location) -> None:
    p = _posting(body, guess, country)
    assert (p.company, _place(p)) == (company, want)


@pytest.mark.parametrize(("body", "company", "want"), [
    # controls, the same both ways: a company named like a town beside the header's place cell
    ("Fountain | Glaze developers | Leeds, UK | ONSITE<p>Small studio.", "Fountain",
     Location(country="GB", region="GB-ENG", city="Leeds")),
    ("Spring | multiple positions | NYC | onsite | full-time<p>Pots.", "Spring",
     Location(country="US", region="US-NY", city="New York")),
    # a company and its place after a dash, as read before
    ("Quarry Labs - Oakland, CA | Full Time | ONSITE<p>Pots.", "Quarry Labs",
     Location(country="US", region="US-CA", city="Oakland")),
    # a first cell holding more than a city's name stays the company
    ("Leeds Kiln Works | Glaze Engineer | ONSITE<p>Pots.", "Leeds Kiln Works",
     Location(country=None, region=None, city=None)),
])
def test_a_first_cell_controls(body: str, company: str, want: Location) -> None:
    p = _posting(body)
    assert (p.company, _place(p)) == (company, want)


# -- B: "a <city>-based <company noun>" in a comment with no header place --------------------------------

@pytest.mark.parametrize(("body", "want"), [
    ("Kilnworks is a Calgary based software company, in which we build glaze tools for potters. We are "
     "expanding our on-site development team.<p>Glaze Developer: https://kilnworks.example/jobs",
     Location(country="CA", region="CA-AB", city="Calgary")),
    ("Quarry Labs is a fast-growing Leeds-based pottery software startup. We are always looking for talented "
     "people.<p>https://quarrylabs.example/careers", Location(country="GB", region="GB-ENG", city="Leeds")),
    ("Glazehouse is a small San Francisco-based team building kiln sensors.<p>Firmware Engineers wanted.",
     Location(country="US", region="US-CA", city="San Francisco")),
])
def test_b_a_city_based_company(body: str, want: Location) -> None:
    assert _place(_posting(body)) == want


@pytest.mark.parametrize(("body", "want"), [
    # controls, the same both ways: the header's place decides
    ("Quarry Labs | Glaze Developer | Oslo, Norway | ONSITE<p>We are a Leeds-based pottery company.",
     Location(country="NO", region="NO-03", city="Oslo")),
    # a remote header: the seat of a remote team is no place of the job
    ("Quarry Labs | Glaze Developer | REMOTE<p>We are a Leeds-based pottery company.",
     Location(country=None, region=None, city=None)),
    # the noun after it is no company: the clients' seat
    ("Quarry Labs builds glaze tools.<p>We serve Leeds-based potters and galleries.",
     Location(country=None, region=None, city=None)),
    # two seats in two countries name no one place
    ("Quarry Labs is a Leeds-based company with an Oslo-based team.<p>Glaze Developers wanted.",
     Location(country=None, region=None, city=None)),
])
def test_b_controls(body: str, want: Location) -> None:
    assert _place(_posting(body)) == want
