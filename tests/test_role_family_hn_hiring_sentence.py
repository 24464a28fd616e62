"""Role family of a Hacker News comment naming no role in its header and listing none in its body, whose
hiring sentence(s) name roles (lead's ruling on `real-later-v101` class D, h25rolehn3 questions 2 and 3;
h25rolehn4): the roles the sentence names vote as a body list does - each role once, the family most of
them share, a tie to the first-named - and a bare "engineer" whose sentence names a data object ("data
systems", "data pipelines") reads as the data engineer it is (`real-later-v123` 2017-10 #605). Before,
such a comment was read by its text's tie-break alone, which answers only software or other (2018-01 #128
and 2018-02 #77, one employer: two data roles and one software role, read software; #605 read other).

Invented comments of the misses' shape; controls that must not move: a hiring sentence naming one software
role; a sentence about the company's people ("our engineers use Spark"); a comment with a header role (the
header decides); a body list present (the list decides)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.hn_comment import hiring_sentence_roles
from etl.normalize.role_family import classify_roles_family

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # two data roles and one software role named in the hiring sentence, under "Multiple Positions"
    ("Tidewell | Multiple Positions | Leeds | ONSITE<p>Keen on queues, statistics and typed code? Join our "
     "engineering team. We're hiring Ocaml Engineers, Statistics researchers and Data Scientists to help us "
     "forecast river levels from sensor data.</p><p>Write to jobs@example.com</p>", DATA),
    ("Tidewell | Leeds | Onsite<p>We build flood maps. We are hiring data engineers, data analysts and a "
     "backend developer for our Leeds office.</p>", DATA),
    # a bare engineer whose sentence names the data systems the work builds
    ("Copperleaf Bio | Leeds | Onsite | Full-Time |<p>Copperleaf finds new crop treatments with chemistry "
     "and statistics.</p><p>We're looking for a curious, hands-on engineer who enjoys building large data "
     "pipelines that answer questions over billions of rows.</p><p>Mail jobs@example.com</p>", DATA),
    # areas sharing the list's one role noun: three software roles, one data role, one other
    ("Tidewell | Leeds | Onsite<p>We make smart kettles. We're looking for backend, data, Android, firmware "
     "and hardware engineers.</p>", SE),
    # a tie goes to the first-named
    ("Tidewell | Leeds | Onsite<p>We are hiring a data scientist and a frontend developer to join us. "
     "Our code runs on servers.</p>", DATA),
])
def test_the_hiring_sentence_roles_vote(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_the_hiring_sentence_roles_are_read_once_each() -> None:
    body = ("Tidewell | Leeds | Onsite<p>We're hiring Data Scientists, data scientists and a backend "
            "developer to help.</p>")
    assert hiring_sentence_roles(body) == ("Data Scientists", "backend developer")
    assert hiring_sentence_roles("Tidewell | Leeds | Onsite<p>We're looking for a talented, versatile "
                                 "engineer who builds data systems.</p>") == ("data engineer",)


def test_said_roles_vote_only_without_header_roles_or_title() -> None:
    said = ("data scientist", "data analyst", "backend developer")
    assert classify_roles_family((), "", "Some text.", None, said) == DATA
    assert classify_roles_family(("Backend Developer",), "Backend Developer", "Some text.", None, said) == SE
    # a bare engineer casts no vote: the text decides
    assert classify_roles_family((), "", "Some text.", None, ("engineer",)) == OTHER


@pytest.mark.parametrize(("body", "family"), [
    # a hiring sentence naming one software role: software as before
    ("Tidewell | Leeds | Onsite<p>We build flood maps for councils with our API. We're hiring a backend "
     "developer to write our services in Go and Python.</p>", SE),
    # a data object merely listed among the engineers' areas: no data engineer, the text decides
    ("Tidewell | Leeds | Onsite<p>We build a marketplace app with our API. We're looking for keen engineers "
     "on backend, mobile, data infrastructure and search.</p><p>Our code is Go and Swift.</p>", SE),
    # a hiring sentence inside a list item is the item's text, not the comment's hiring sentence
    ("Tidewell | Leeds | Onsite<p>We build flood maps for councils with our API in Go and React.</p>"
     "<p>Openings:</p><p>- Backend developer</p><p>  - Go, PostgreSQL</p><p>- Product designer</p>"
     "<p>  - We're looking for a product designer who sketches.</p>", SE),
    # a sentence about the company's people names no opening
    ("Tidewell | Leeds | Onsite<p>We build flood maps for councils. Our engineers use Spark and our data "
     "scientists use R.</p>", OTHER),
    # a header role decides
    ("Tidewell | Backend Developer | Leeds | Onsite<p>We build flood maps with our API in Go. We're hiring "
     "data scientists and data analysts too.</p>", SE),
    # a body list decides
    ("Tidewell | Leeds | Onsite<p>We're hiring data scientists and data analysts.</p>"
     "<p>- Backend Developer</p><p>- Frontend Developer</p><p>Write to jobs@example.com</p>", SE),
])
def test_controls_that_do_not_move(body: str, family: str) -> None:
    assert hn_family(body) == family
