"""Seniority: the classes of the later batch real-later-v59 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import text_level


# Class A: the verbs of finding someone introduce the role as "looking for" and "seeking" do ("Our top
# priority is finding a <Level> <role>", "we hope to find a <Level> <role>", "help us find a <Level> <role>",
# "<company> is in search of a <Level> <role>"): rule 2, the text states the role's level. Read with the
# article only ("finding a / an", "to find a", "us find a", "in search of a"), so a team one will find or a
# way found names no role; controls: those, a second opening ("also"), and a role named with no level.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Our first priority is finding a Lead Kiln Engineer, if this sounds like you, write to us.", "lead"),
        ("We are set on finding an Intermediate Glaze Developer for our <area> team.", "mid"),
        ("We are hoping to find a Senior Glaze Developer to own our <area> service.", "senior"),
        ("Help us find a Junior Kiln Tester for our <area> lab.", "junior"),
        ("<company> is in search of a Staff Glaze Engineer to join us.", "staff"),
        # controls
        ("You will find a senior team that reviews every change with you.", None),
        ("Finding the right kiln is hard, even for senior potters.", None),
        ("We are finding senior engineers hard to reach in <city>.", None),
        ("We're also finding a Senior Kiln Engineer for our second studio.", None),
        ("Our top priority is finding a Kiln Engineer who loves clay.", None),
    ],
)
def test_finding_a_role_introduces_it(text: str, expected: str | None) -> None:
    assert text_level(text) == expected


def test_comment_with_no_header_role_finding_a_lead() -> None:
    body = ("Kilnco (https://kilnco.example/) | <city> | Full-time | Onsite<p>Running a studio of hundreds "
            "of kilns is no easy task.<p>Pros:<p>- Green field work<p>- Real problems<p>Our top priority is "
            "in finding a Lead Kiln Data Engineer, if this sounds like you, write to us:<p>- Have built "
            "<area> pipelines<p>We are also looking for Full-Stack Engineers, Designers, and more.")
    assert hn_seniority(body) == "lead"


def test_comment_with_a_plain_header_role_reads_the_phrase_as_looking_for() -> None:
    # a plain header role, the text stating the level: rule 2, as "is looking for a Senior <role>" under a
    # plain header role reads (real-later-v50); "also" keeps it a second opening
    body = ("Kilnco | Kiln Engineer | <city> | Full-time<p>We build <area> tools.<p>We are set on finding a "
            "Senior Kiln Engineer to own our firing service.")
    assert hn_seniority(body) == "senior"
    assert hn_seniority(body.replace("We are set on", "We are also")) == "unspecified"
