"""Role family of a product engineer's title (real-later-v94, h21role): a "Product Engineer" builds a software
product's features end to end (the product side of a software team: "Principal Product Engineer", "Senior
Product Engineer - <region>"), a software role without the word software, as "Full-Stack Engineer" is
(`real-later-v79`'s labelling rules: the job builds software as its main work). Before, the title matched no
rule, "engineer" left it to the text, and a text naming fewer than two software cue words (a founder's
letter about the team's way of working) read it other, the direction that drops a posting from every default
chart. Invented titles of the same shape. Controls that must not move: a product engineer of physical goods
whose title names it (mechanical, hardware, electrical, manufacturing, quality) stays other, as the
not-software rule is tried first; a product engineer of a data field stays data; product designers,
managers, product development and product support stay other; a bare "Senior Engineer" stays open (the text
decides); the already-software product engineering titles stay software."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"
SHORT = "We help florists plan their weekly deliveries. You will own what you ship and talk to customers."
SOFTWARE_TEXT = "You will write Python and TypeScript code for our backend and our React frontend."


@pytest.mark.parametrize("title", [
    "Product Engineer",
    "Senior Product Engineer - EMEA",
    "Principal Product Engineer (Remote, Europe)",
    "Founding Product Engineer",
    "Staff Product Engineer, Payments",
    "Product Engineers",
])
def test_product_engineer_titles_are_software(title: str) -> None:
    assert classify_role_family(title, SHORT) == SE


@pytest.mark.parametrize(("title", "family"), [
    # physical product engineers: the not-software words of the title decide first
    ("Mechanical Product Engineer", OTHER),
    ("Hardware Product Engineer", OTHER),
    ("Electrical Product Engineer - Lighting", OTHER),
    ("Manufacturing Product Engineer", OTHER),
    ("Product Quality Engineer", OTHER),
    # a data field in the title keeps data
    ("Product Engineer - Machine Learning", DATA),
    ("Product Engineer, Data Science", DATA),
    # product roles that are not engineers of software
    ("Product Designer", OTHER),
    ("Product Manager", OTHER),
    ("Product Development Engineer", OTHER),
    ("Product Support Engineer", OTHER),
    # an open title: the text decides
    ("Senior Engineer", OTHER),
    # the already-software forms
    ("Software Engineer - Product Engineering", SE),
    ("Product Engineering Manager", SE),
])
def test_neighbours_keep_their_family(title: str, family: str) -> None:
    assert classify_role_family(title, SHORT) == family


def test_an_open_title_with_a_software_text_stays_software() -> None:
    assert classify_role_family("Senior Engineer", SOFTWARE_TEXT) == SE
