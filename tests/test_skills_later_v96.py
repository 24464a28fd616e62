"""Skills rules of the later batch real-later-v96 (issue 9: Hacker News skills).

Class A of the batch's misses: a name that needs its context (the case-sensitive "Rails", "Express", "Gulp")
asked where the rules read no context: after "experienced with" / "experienced in" (the lead-ins hold
"experience with" only), "Express" beside Node (the Node.js framework, next to a name that is no skill, so the
list rule has no neighbour), "Gulp" among a front-end stack whose neighbours are no skills.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skills"), [
    # a requirement line "Experienced with <name>" asks for it, as "experience with <name>" does
    ("We need developers who are:\n* Curious.\n* Experienced with Rails.\n* Kind.",
     {"Ruby", "Ruby on Rails"}),
    ("You are experienced in Express and enjoy small teams.", {"Express.js"}),
    ("Ideally experienced using Gulp for our asset builds.", {"Gulp"}),
])
def test_experienced_with_is_a_lead_in(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # "Express" beside Node is the Node.js framework, also next to a name that is no skill
    ("The checkout team works with Vue on the client and Express/Hapijoy on Node.js.",
     {"Express.js", "Node.js", "Vue.js"}),
    ("Server side: Express behind a proxy, all of it on node.js.", {"Express.js", "Node.js"}),
])
def test_express_beside_node_is_the_framework(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # "Gulp" among front-end stylesheet and script names, with no skill right beside it
    ("Required: HTML and CSS for the pages we ship.\nNice to have: Handlebarz, Gulp, PACS viewers.",
     {"CSS", "Gulp", "HTML"}),
    ("Front end: SCSS compiled by Gulp, templates in Twig.", {"Gulp", "Sass"}),
])
def test_gulp_in_a_front_end_stack_is_the_tool(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: the words in their plain senses
    ("Express your interest by email; we are experienced in logistics.", set()),
    ("American Express cards are accepted at the node of our network; we write Python.", {"Python"}),
    ("Kubernetes nodes scale up; please express your ideas in writing.", {"Kubernetes"}),
    ("Trains run on rails; you are experienced with Python.", {"Python"}),
    ("Gulp down your coffee before the stand-up; we write Java.", {"Java"}),
    ("An experienced Go player is welcome in the office club; we write Java.", {"Java"}),
])
def test_controls_do_not_move(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills
