"""Role family of two Hacker News comment shapes the lead ruled to be coded on their second labelled record
(real-later-v123, h25rolehn3):

- `real-later-v109` class C: a comment naming no role whose header names technologies alone ("<framework>" or
  "<framework> / <framework>") is a developer's post (software_engineering); it read other, its short text
  holding fewer than two software cues (v109's 2018-04 #97 and v123's 2017-12 #591).
- `real-later-v118` class E: a comment naming no role that invites people to its "engineering team(s)" counts
  that phrase as a software cue of the text's tie-break (v118's 2018-01 #477; v123's 2018-01 #366 hires
  "across all engineering disciplines"). Only where no title is read: a board posting's open title keeps the
  tie-break's words as before.

Invented comments of the misses' shape; controls that must not move: a technology cell beside a role cell (the
role decides), a header cell that is no technology, a technology cell of a comment whose body lists its roles,
one engineering phrase alone (still one cue), and the phrase under an open title."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.hn_comment import technology_heading
from etl.normalize.role_family import classify_role_family, technology_cell

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize("cell", [
    "Elixir", "Ruby on Rails", "Django / React Native", "Python, Go", "Vue.js + Laravel", "Node.js & React",
    "Kotlin and Swift",
])
def test_a_cell_of_technologies_alone(cell: str) -> None:
    assert technology_cell(cell)


@pytest.mark.parametrize("cell", [
    "Bakery", "Python Developer", "Ruby Street", "Go Green Ltd", "Remote", "Full-time", "Oslo, Norway", "",
    "Data science, Robotics",
])
def test_a_cell_that_is_no_technology_list(cell: str) -> None:
    assert not technology_cell(cell)


@pytest.mark.parametrize(("body", "family"), [
    # v109 class C: a header of technologies alone above a short text naming no role
    ("Lantern Foods | Perth | Elixir / Phoenix | Full-time<p>We deliver soup to offices in Perth.</p>"
     "<p>Mail a note about yourself to jobs@example.com</p>", SE),
    ("Bramble (Oslo) | Trondheim | Ruby on Rails | Fulltime<p>We sell garden sheds online. You will own the "
     "roadmap of our shop.</p><p>Write to jobs@example.com</p>", SE),
    # v118 class E: no role named, an invitation to the engineering teams and one other software word
    ("Quill | Lisbon | Onsite<p>Quill prints invoices for bakeries through its API.</p><p>We are looking for "
     "people to join our engineering teams in Lisbon.</p>", SE),
])
def test_the_ruled_shapes_read_software(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_the_technology_heading_is_read_only_where_no_role_is_named() -> None:
    assert technology_heading("Lantern Foods | Perth | Elixir / Phoenix | Full-time<p>Soup.</p>") == \
        "Elixir / Phoenix"
    assert technology_heading("Lantern Foods | Data Analyst | Elixir / Phoenix<p>Soup.</p>") is None
    assert technology_heading("Lantern Foods | Perth | Full-time<p>Soup.</p>") is None


@pytest.mark.parametrize(("body", "family"), [
    # a role cell beside the technology cell decides
    ("Lantern Foods | Perth | Data Analyst | Python, SQL<p>We deliver soup.</p>", DATA),
    ("Lantern Foods | Perth | Office Manager | Elixir<p>We deliver soup.</p>", OTHER),
    # a header cell that is no technology: no software reading
    ("Lantern Foods | Perth | Soup and Bread | Full-time<p>We deliver soup to offices.</p>", OTHER),
    # one engineering phrase alone is one cue, fewer than two
    ("Quill | Lisbon | Onsite<p>Quill prints invoices for bakeries.</p><p>Join our engineering team in "
     "Lisbon.</p>", OTHER),
])
def test_controls_that_do_not_move(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_the_engineering_phrase_counts_only_without_a_title() -> None:
    text = "We sell invoices through an API. You will work with our engineering teams every day."
    assert classify_role_family(None, text) == SE
    # an open title keeps the tie-break's words as before: "API" is one cue
    assert classify_role_family("Consultant", text) == OTHER
