"""Seniority: the class coded in the later batch real-later-v81 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.hn_comment import read_comment

_L = "https://kiln.example/j/"


# `real-later-v50` ruling 4, due at its second employer: openings listed one a line, each with its own link
# (the linked list `real-later-v6` reads), below a heading ending in a colon that is no hiring phrase ("Come
# see:", "Here are our open roles in <area>:", "Current openings:") under a header naming no role - the list's
# first role is the comment's first role (the first-role ruling), so its level decides (rule 1); under a
# "Multiple Positions" cell and under a header of company, place and arrangement cells alike. Controls: a list
# whose first role names no level (a later role's level never decides), one linked title alone (no list),
# bulleted lines under such a heading in a listed cell (left as before), linked lines that name no role, and a
# heading of further or other openings ("We also list:", "Our other studios hire as well:"; the words in
# hackernews_header.yaml's further_openings).
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kilnco | Multiple Full-Time Positions | kilnco.example/jobs<p>Kilnco helps potters fire better."
         "<p>We are a small crew of hands-on glaze nerds. Come see:<p>"
         f"Senior Glaze Analytics Engineer - {_L}1<p>Senior Kiln Front End Engineer - {_L}2<p>"
         "Questions? Write to jobs@kilnco.example", "senior"),
        ("Kilnco | Leeds, UK | ONSITE | https://kilnco.example<p>Kilnco makes planning software for kilns."
         f"<p>Here are our open roles in glazing:<p>Lead Glaze Engineer (Leeds) {_L}1<p>"
         f"Kiln Developer (York) {_L}2<p>Kiln Designer (York) {_L}3", "lead"),
        ("Kilnco | Leeds | ONSITE<p>We build firing planners for studios.<p>Current openings:<p>"
         f"Junior Kiln Developer - {_L}1<p>Glaze Engineer - {_L}2", "junior"),
        # controls
        ("Kilnco | Leeds | ONSITE<p>We build firing planners for studios.<p>Open positions:<p>"
         f"Glaze Developer (m/f) {_L}1<p>Senior Kiln Engineer (m/f) {_L}2", "unspecified"),
        ("Kilnco | Leeds | ONSITE<p>We build firing planners for studios.<p>Have a look at this opening:<p>"
         f"Senior Glaze Engineer - {_L}1<p>Write to jobs@kilnco.example with a note.", "unspecified"),
        ("Kilnco | Multiple Positions | Leeds<p>We build firing planners. Come see:<p>"
         f"- Senior Glaze Engineer - {_L}1<p>- Senior Kiln Engineer - {_L}2", "unspecified"),
        ("Kilnco | Leeds | ONSITE<p>We build firing planners for studios.<p>Learn more:<p>"
         f"Our pottery blog {_L}1<p>Our firing handbook {_L}2", "unspecified"),
        ("Kilnco | Multiple Positions | Leeds<p>We build firing planners. We also list:<p>"
         f"Senior Glaze Engineer - {_L}1<p>Senior Kiln Engineer - {_L}2", "unspecified"),
        ("Kilnco | Leeds | ONSITE<p>We build firing planners.<p>Our other studios hire as well:<p>"
         f"Lead Glaze Engineer - {_L}1<p>Kiln Designer - {_L}2", "unspecified"),
    ],
)
def test_linked_openings_under_a_heading_that_is_no_hiring_phrase(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_linked_openings_under_a_heading_give_the_first_role_as_title() -> None:
    comment = read_comment("Kilnco | Leeds | ONSITE<p>We build firing planners.<p>Current openings:<p>"
                           f"Senior Glaze Engineer - {_L}1<p>Kiln Developer - {_L}2")
    assert comment.title == "Senior Glaze Engineer"
    assert comment.roles_from == "body"
    # control: linked lines that name no role give no title
    plain = read_comment(f"Kilnco | Leeds | ONSITE<p>Learn more:<p>Our blog {_L}1<p>Our handbook {_L}2")
    assert plain.title is None


# The guard the rule needs (found by its snapshot: one employer's list "Engineer, <area>: <link>" lines, a
# "Lead Engineer, <area>" line later): a role listed on a line of its own with no level is its own listing,
# which names none, so a later line naming it with a level does not decide (as `real-fresh-v19`'s 2018-04 #338
# reads for a header naming several roles). Controls: the role named again with a level and no plain line
# before it (the header role's own listing, ruled 2026-12-04), and a list under a heading whose first role is
# plain with a lead line later.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"Kilnco | Engineer | Leeds | ONSITE<p>Our openings:<p>Engineer, Glaze Data: {_L}1<p>"
         f"Lead Engineer, Kiln Runtime: {_L}2", "unspecified"),
        # controls
        ("Kilnco | Engineer | Leeds | ONSITE<p>We build firing planners. Openings: a senior engineer in "
         "Leeds, glaze testers in York.", "senior"),
        (f"Kilnco | Leeds | Engineering<p>We build kiln tools.<p>Open jobs:<p>Engineer, Glaze Data: {_L}1<p>"
         f"Engineer, Kiln Runtime: {_L}2<p>Lead Engineer, Firing: {_L}3", "unspecified"),
    ],
)
def test_a_role_listed_with_no_level_names_none(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected

