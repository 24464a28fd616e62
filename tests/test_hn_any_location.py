"""A Hacker News header cell "Any location" (twenty-sixth session, h26hnparse; lead ruling 2 on h25place:
count it over the whole export first, then read it by the existing rules). Controls only, invented wording: no
rule changed.

The export writes "Any location" in one comment (2017-10 #151, a header cell; no test record), "Location: any"
in none, and "Anywhere" as a header cell in 21 (20 non-test, 1 test). By the rules: a cell that is only a word
for working from anywhere ("Anywhere", "Worldwide", `hackernews_header.yaml` `anywhere_cells`, eighty-fifth
round) says remote and names no place; "Any location" decides nothing by itself (fifty-ninth round, h9r59
question 3: it may mean any of the company's offices) - neither remote nor a place - so the text decides the
arrangement and the place falls to the parser's guess, as for a header naming no place."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.record import Posting
from etl.sources import hackernews

URL = "https://news.ycombinator.com/item?id=90000151"


def _posting(body: str, guess: str | None = None) -> Posting:
    raw = {"full_html": body, "url": URL, "location": guess, "country": "GB" if guess else None}
    p = hackernews._posting(raw, 1, None)
    assert isinstance(p, Posting)
    return p


@pytest.mark.parametrize("cell", ["Any location", "Any Location", "ANY LOCATION"])
def test_any_location_decides_nothing_by_itself(cell: str) -> None:
    p = _posting(f"Kilnworks | Glaze Engineer | {cell}<p>We fire pottery.", "Leeds")
    assert p.title == "Glaze Engineer"
    assert p.remote_hint is None  # no remote cell: the text decides
    assert p.location == "Leeds"  # no place of its own: the parser's guess, as under a header naming none
    got = extract(p.as_extract_input())
    assert got["remote"] is None


def test_any_location_with_a_remote_sentence_is_remote_by_the_text() -> None:
    p = _posting("Kilnworks | Glaze Engineer | Any location<p>We fire pottery. We are open to working with "
                 "someone remotely.")
    assert p.remote_hint is None
    assert extract(p.as_extract_input())["remote"] == "remote"


@pytest.mark.parametrize("cell", ["Anywhere", "Worldwide", "Anywhere in the world"])
def test_an_anywhere_cell_is_remote_and_no_place(cell: str) -> None:
    p = _posting(f"Kilnworks | Glaze Engineer | {cell}<p>We fire pottery.")
    assert p.remote_hint is True
    got = extract(p.as_extract_input())
    assert got["remote"] == "remote"
    assert (got["country"], got["region"], got["city"]) == (None, None, None)
