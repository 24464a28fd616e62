"""Skills rules of the later batch real-later-v75 (issue 9: Hacker News skills): an engineer's title naming
"Embedded" as the role's field (the lead's ruling 1 on real-later-v69: the same reading as the developer's
title, due in this round).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting

BODY = "You will write drivers for our sensor boards together with the hardware team."


@pytest.mark.parametrize(("title", "found"), [
    # the title's area word names the role's field: Embedded Systems, for "Engineer" as for "Developer"
    ("Embedded Engineer", True),
    ("Senior Embedded Engineer (Oslo)", True),
    ("Firmware/Embedded Engineer", True),
    ("Embedded-Engineer C", True),
    ("Software Engineer Embedded", True),
    # controls: no area word before or after the engineer noun, or the word placing something inside
    ("Backend Engineer", False),
    ("Hardware Engineer", False),
    ("Sales Engineer embedded in the account team", False),
    ("Frontend Engineer for embedded dashboards", False),
])
def test_embedded_engineer_titles(title: str, found: bool) -> None:
    assert ("Embedded Systems" in named_in_posting(BODY, title)) is found


@pytest.mark.parametrize(("text", "found"), [
    # the comment's listed roles are its titles (the eighth-round ruling)
    ("Open roles:\n* Embedded Engineers - you know <arch> and bare metal\n* Product Designer", True),
    ("We are hiring: Web Lead, Mobile Lead, Embedded Engineer | Full-time | Onsite", True),
    # controls that must not move: "embedded" placing an engineer inside a team, no field named
    ("Each squad has a QA engineer embedded with the developers; we use Java.", False),
    ("Our support engineers embedded in customer teams answer tickets.", False),
    ("Engineers embedded across product groups own their services in Go.", False),
    # in running text, lower case: engineers placed inside a team beside designers, not the field
    ("The product manager iterates with embedded engineers and designers in each squad.", False),
])
def test_embedded_engineers_in_text(text: str, found: bool) -> None:
    assert ("Embedded Systems" in named_in_posting(text)) is found
