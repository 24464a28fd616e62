"""Seniority: the class coded from the later batch real-later-v85 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.hn_comment import read_comment

_NO_ROLE = "Kilnworks | Leeds, UK | FULL TIME | ONSITE<p>"
_TEAMS = "Kilnworks | Engineering + Product | Leeds, UK<p>"


# Class A: under a header naming no role, openings written one a line as "<role> - <its description>" (a
# title, a spaced dash, then prose, pay or a note about the opening): the first opening of the run is the
# comment's first role (the first-role ruling), so rule 1 reads its level and the posting's title is that
# role. A run is two such openings or more in the body (another "<role> - <text>" line, a "<role>: <text>"
# opening or a listed title with its link further down; department headings may stand between them). Not
# read: a header naming a role (it speaks first), a line above the run naming a role ("we want kiln
# engineers": the first role is named there), a heading ending in a colon above the run (the list readings
# own such a list), one such line alone (no run), a head that is a sentence ("We are growing - join us").
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # department cells, department headings between the openings
        (f"{_TEAMS}Kilnworks maps clay for potters.<p>Engineering<p>Senior Backend + Web Engineers - We want "
         "keen people to build our firing tools.<p>Product<p>Product Designer - We need our first designer "
         "for the glaze canvas.<p>https://kilnworks.example/jobs", "senior"),
        # no header cells at all: a company line, then the run
        ("Kilnworks - all onsite in Leeds.<p>We fire clay for studios and are growing.<p>Senior Kiln "
         "Developer - Build the first cross-platform glaze planner. (Flutter)<p>Senior Glaze "
         "Developer - Build studio features on our Rust stack.<p>Write to jobs@kilnworks.example", "senior"),
        # a header of company, places and pay; a remark on hiring, then the run with pay after the dash
        ("Kilnworks | Leeds, UK or REMOTE | $90-150k<p>I joined last spring and love it.<p>We hire for many "
         "kinds of roles; a few below.<p>--<p>Staff Firmware Engineer - $130k - (My team.) Mostly C, some "
         "Lua.<p>--<p>Kiln Data Engineer - $110k (Remote): https://kilnworks.example/j/2", "staff"),
        # controls: a header role speaks first
        ("Kilnworks | Glaze Developer | Leeds, UK<p>Senior Kiln Developer - Build the planner.<p>"
         "Senior Glaze Developer - Build studio features.", "unspecified"),
        # a line above the run names the first role
        (f"{_NO_ROLE}We want kiln engineers of every kind.<p>Senior Kiln Developer - Build the planner.<p>"
         "Lead Glaze Developer - Build studio features.", "unspecified"),
        # one such line alone is no run
        (f"{_NO_ROLE}Kilnworks fires clay.<p>Senior Kiln Developer - Build the first glaze planner.<p>"
         "Write to jobs@kilnworks.example", "unspecified"),
        # a head that is a sentence
        (f"{_NO_ROLE}We are growing - join us as we build kilns.<p>Our senior team - we ship daily.<p>Write "
         "to jobs@kilnworks.example", "unspecified"),
    ],
)
def test_dash_run_of_openings(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_dash_run_gives_the_title() -> None:
    body = (f"{_TEAMS}Kilnworks maps clay.<p>Engineering<p>Senior Backend + Web Engineers - We want keen "
            "people.<p>Product<p>Product Manager - We want our first one.")
    assert read_comment(body).title == "Senior Backend + Web Engineers"
    # the run under a plain plural header role is not read: the header names the role
    assert read_comment("Kilnworks | Glaze Developers | Leeds<p>Senior Kiln Developer - Build it.<p>Lead "
                        "Glaze Developer - Fire it.").title == "Glaze Developers"
