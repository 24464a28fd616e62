"""Seniority: the class coded from the later batch real-later-v99 (Hacker News seniority of comments listing
level-led roles).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.hn_comment import read_comment

# Class B: a header cell naming areas joined by "&", "+", "/", "," or "and" before a listing noun
# ("<area> & <area> Roles", "<area> + <area> Positions", "<area>, <area> roles") only says several openings
# are listed, as "Multiple Positions" does (fifty-fifth round): it is no role, so the body's list is read and
# its first role decides (the first-role ruling). Not read so: a cell ending in a role noun ("Kiln Engineers
# & Glaze Designers": the header names its roles, the first speaks), a cell of the thread's job-type tags
# ("Full-time & Internship Roles"), a list whose first role is plain (unspecified as before).
_JOINED = [
    # bullets naming the roles with their stacks in brackets, no links
    ("Kilnworks | Leeds, Oslo | Engineering & studio roles | Full time | ONSITE<p>Kilnworks maps clay for "
     "studios. We want many kinds of people.<p>* Senior kiln engineers (Rust, Go, Postgres)<p>* Experienced "
     "glaze leads or studio managers<p>* Glaze designers (CSS)<p>Write to jobs@kilnworks.example",
     "senior"),
    # a "+" joining two areas, a list with links
    ("Kilnworks | Kiln Engineering + Glaze Positions | Leeds, UK<p>Our open roles:<p>- Staff Kiln Engineer: "
     "https://kilnworks.example/j/1<p>- Glaze Developer: https://kilnworks.example/j/2", "staff"),
    # areas joined by commas
    ("Kilnworks | Leeds, UK | Firmware, Glaze, QA roles | ONSITE<p>We fire clay.<p>Lead Firmware Engineer "
     "https://kilnworks.example/j/1<p>QA Engineer https://kilnworks.example/j/2", "lead"),
]
_LONG_BRACKET = [
    # a bulleted role whose stack follows in a bracket too long for a listed title, under a listed cell
    ("Kilnworks | Several Positions | Leeds, UK<p>Kilnworks maps clay.<p>* Senior kiln engineers (Rust, Go, "
     "Postgres, Kafka, Redis, Terraform, Docker, React, Ansible)<p>* Glaze designers (CSS)", "senior"),
    # control: a bracket holding a sentence is no stack; the next bullet is read
    ("Kilnworks | Several Positions | Leeds, UK<p>Kilnworks maps clay.<p>* Senior kiln engineers (you will "
     "build our firing planner with the studio team and our partners)<p>* Glaze Designer", "unspecified"),
]
_CONTROLS = [
    # the list's first role is plain: no level, as before
    ("Kilnworks | Engineering & Glaze Roles | Leeds, UK<p>Open roles:<p>- Glaze Developer: "
     "https://kilnworks.example/j/2<p>- Senior Kiln Engineer: https://kilnworks.example/j/1", "unspecified"),
    # a header cell naming its roles: the header's first role speaks
    ("Kilnworks | Kiln Engineers & Glaze Designers | Leeds, UK<p>- Senior Firmware Developer: "
     "https://kilnworks.example/j/1<p>- Studio Designer: https://kilnworks.example/j/2", "unspecified"),
    # a one-area listed cell, as before (fifty-fifth round)
    ("Kilnworks | Several Kiln Positions | Leeds, UK<p>- Senior Kiln Engineer: "
     "https://kilnworks.example/j/1<p>- Glaze Designer: https://kilnworks.example/j/2", "senior"),
]


@pytest.mark.parametrize(("body", "expected"), _JOINED + _LONG_BRACKET + _CONTROLS)
def test_joined_listing_cell_reads_the_list(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_joined_listing_cell_is_listed_not_a_role() -> None:
    comment = read_comment(_JOINED[2][0])
    assert [c.kind for c in comment.cells if "roles" in c.text] == ["listed"]
    assert comment.title == "Lead Firmware Engineer"
    # the thread's job-type tags stay a job-type cell
    tags = read_comment("Kilnworks | Leeds, UK | Full-time & Internship Roles<p>- Senior Kiln Engineer: "
                        "https://kilnworks.example/j/1<p>- Glaze Designer: https://kilnworks.example/j/2")
    assert [c.kind for c in tags.cells if "Roles" in c.text] == ["job_type"]
