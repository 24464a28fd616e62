"""Seniority: the class coded in the later batch real-later-v73 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.hn_comment import read_comment

_L = "https://kiln.example/j/"


# `real-later-v25`'s deferred class E, due by the lead's ruling (`real-later-v67` ruling 3): openings
# written one a line as "<Level> <role>: <duties, stack or team>", each with its own link on the line or the
# next, under no header role and no introducing line ending in a colon - the first of the run is the
# comment's first role (the first-role ruling), so its level decides (rule 1). Shapes: a header of company,
# place and arrangement cells above a hiring sentence; no header at all (a company line, or a paragraph);
# the link on the next line or at the line's end. Controls: a run whose first role names no level (a later
# role's level or years never decide), a header role cell (it decides), lines of fields that name no role
# ("Stack: ..."), one such line alone (no run), a line above the run naming a role (the first role named),
# and a run under an introducing line ending in a colon (left to the list readings).
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kilnworks | Leeds, UK | ONSITE<p>Kilnworks, a pottery software startup in Leeds, is hiring!"
         f"<p>Sr. Glaze Pipeline Engineer: Python, SQL, AWS\n{_L}1"
         f"<p>Kiln Architect, Firing Data: Python, SQL\n{_L}2"
         f"<p>Senior Glaze Engineer: 4+ years of Go experience\n{_L}3", "senior"),
        ("Kilnworks, Leeds\nThe kiln company from every pottery podcast.<p>Senior Clay Engineer: Lead "
         f"development of our firing planner in Go and Vue.\n{_L}1<p>Senior Glaze Engineer: Role focused on "
         f"our glaze library.\n{_L}2", "senior"),
        ("Kilnworks is a startup using software to change how potters fire their work.<p>https://kilnworks."
         "example<p>We're hiring for several full-time onsite roles in Leeds and York<p>"
         f"Sr. Glaze Engineer: Web & Mobile (Leeds) {_L}1<p>Glaze Engineer: Firing Data (York): {_L}2<p>"
         f"Jr. Kiln Engineer (Leeds): {_L}3", "senior"),
        ("Kilnworks | Leeds | REMOTE<p>We make kiln software.<p>Lead Kiln Engineer: owns the firing planner "
         f"{_L}1<p>Glaze Engineer: glaze library and tooling {_L}2", "lead"),
        ("Kilnworks, Leeds<p>Junior Glaze Developer: join our glaze team and learn Go.\n"
         f"{_L}1<p>Senior Kiln Developer: owns the firing service.\n{_L}2", "junior"),
        # controls
        ("Kilnworks | Leeds | ONSITE<p>Kilnworks is hiring!<p>Glaze Pipeline Engineer: Python, SQL\n"
         f"{_L}1<p>Senior Glaze Engineer: Go and Vue\n{_L}2", "unspecified"),
        ("Kilnworks | Glaze Engineer | Leeds | ONSITE<p>Senior Clay Engineer: firing planner\n"
         f"{_L}1<p>Lead Kiln Engineer: glaze library\n{_L}2", "unspecified"),
        (f"Kilnworks, Leeds<p>Stack: Go, Vue, Postgres\n{_L}1<p>Apply: send a note\n{_L}2",
         "unspecified"),
        ("Kilnworks, Leeds<p>We make kiln software for studios.<p>Senior Clay Engineer: Lead development "
         f"of our firing planner.\n{_L}1<p>Write to jobs@kilnworks.example", "unspecified"),
        ("Kilnworks | Leeds | ONSITE | Engineering<p>Kilnworks is looking for Glaze and Kiln engineers to "
         f"join our team.<p>Kiln Manager: firing fleet, tooling - {_L}1<p>Glaze Engineer: glaze library "
         f"{_L}2",
         "unspecified"),
        ("Kilnworks | Leeds | ONSITE<p>Open roles:<p>Glaze Engineer: firing data\n"
         f"{_L}1<p>Senior Kiln Engineer: firing planner\n{_L}2", "unspecified"),
    ],
)
def test_openings_one_a_line_as_role_colon_text(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_openings_one_a_line_give_the_first_role_as_title() -> None:
    comment = read_comment("Kilnworks | Leeds | ONSITE<p>Kilnworks is hiring!<p>Sr. Glaze Engineer: Go, "
                           f"SQL\n{_L}1<p>Kiln Developer: Python\n{_L}2")
    assert comment.title == "Sr. Glaze Engineer"
    assert comment.roles_from == "body"
    # control: lines of fields naming no role give no title
    fields = read_comment(f"Kilnworks | Leeds | ONSITE<p>Stack: Go, Vue\n{_L}1<p>Apply: a note\n{_L}2")
    assert fields.title is None


# Class A of the batch: a phrase of need introduces the role sought ("I need a new CTO/<role> to help me",
# "we need a senior <role>"), as "looking for" does - `real-later-v6` ruling 1's "need ... <level> <role>",
# coded at its second comment. Controls: a plain role after it, "need" after another subject ("you will need
# a senior engineer's patience"), and a phrase of need naming no role.
_H = "Kilnco | Kiln Developer | Leeds | ONSITE<p>"


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kilnco | Glaze Web Engineer | Leeds | REMOTE<p>My CTO is leaving for a big firm, so I need a new "
         "CTO/kiln-engineer to help me grow this.", "manager"),
        (f"{_H}We need a senior kiln developer to own our firing service.", "senior"),
        (f"{_H}Our team is small. We need a lead for the glaze platform.", "lead"),
        # controls
        (f"{_H}We need an embedded kiln engineer who loves clay.", "unspecified"),
        (f"{_H}You will need a senior engineer's patience.", "unspecified"),
        (f"{_H}We need a bigger kiln, and you to build its software.", "unspecified"),
    ],
)
def test_a_phrase_of_need_names_the_role_sought(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
