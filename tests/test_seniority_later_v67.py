"""Seniority: the class coded from the later batch real-later-v67 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.hn_comment import read_comment

_PARAGRAPH = ("Kilnworks (YC X99) is hiring for glaze tooling. We build kiln control software for pottery "
              "studios in four countries, from one kiln to hundreds. Builders who like clay are who we need.")


# Class B: a paragraph about the employer before the header line. A comment's first line is its header, but
# some posters open with a paragraph (more words than a header cell holds, and a sentence end) and put the
# piped header on the next line ("<company> | <Level> <role> | <city> | ONSITE"): the piped line is the
# header, so its role cell is the title (rule 1). Controls: a short line above a piped line of places or
# flags (its own readings stay), a paragraph above a piped stack line (no role or arrangement cell: no
# header), a paragraph above a plain role's header (still no level), and a comment whose first line is the
# header.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{_PARAGRAPH}<p>Kilnworks | Senior Glaze Engineer | Leeds, UK | ONSITE, https://kilnworks.example/jobs"
         "<p>Read more about us at https://kilnworks.example", "senior"),
        (f"{_PARAGRAPH}<p>Sr. Kiln Developer | Leeds, UK | Full-time, Onsite | https://kilnworks.example/jobs/1"
         "<p>You will own our firing schedules.", "senior"),
        (f"{_PARAGRAPH}\nKilnworks | Lead Glaze Engineer | Leeds | REMOTE\nWrite to jobs@kilnworks.example",
         "lead"),
        # controls
        (f"{_PARAGRAPH}<p>Kilnworks | Glaze Engineer | Leeds, UK | ONSITE<p>Apply at https://kilnworks.example",
         "unspecified"),
        (f"{_PARAGRAPH}<p>Glaze | Clay | Kilns | Firing<p>Apply at https://kilnworks.example", "unspecified"),
        ("Kilnworks is hiring!<p>Onsite | Leeds | VISA ok<p>We are looking for engineers.", "unspecified"),
        ("Kilnworks | Senior Glaze Engineer | Leeds | ONSITE<p>Kilnworks | Lead Kiln Engineer | Leeds"
         " | ONSITE", "senior"),
    ],
)
def test_paragraph_before_the_header_line(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_paragraph_before_the_header_line_reads_its_cells() -> None:
    comment = read_comment(f"{_PARAGRAPH}<p>Kilnworks | Senior Glaze Engineer | Leeds, UK | ONSITE<p>More.")
    assert comment.title == "Senior Glaze Engineer"
    assert comment.company == "Kilnworks"
    # control: a paragraph above a piped line of stack words is no header
    stack = read_comment(f"{_PARAGRAPH}<p>Glaze | Clay | Kilns | Firing<p>More.")
    assert stack.company != "Glaze"


# Class A: two titles joined by "/" whose second is an organisation's top role written as its short name
# ("Lead <role>/CTO", "Senior <role> / VP"): openings listed with "/" take the first one's level when it names
# one, as "Lead <role> / Head of Engineering" reads lead already (the first level named, "Pleno/Sênior"); the
# short top-role name counts as a role of the list. Controls: the top role named first (manager), a first
# title with no level (the whole title read, as "Analyst/Senior Analyst": manager), and a top role alone.
@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("Kilnco | Lead Glaze Engineer/CTO | Leeds | Onsite", "lead"),
        ("Kilnco | Senior Kiln Developer / CTO | Leeds | Onsite", "senior"),
        ("Kilnco | Lead Glaze Engineer / VP | Leeds | REMOTE", "lead"),
        # controls
        ("Kilnco | CTO/Lead Glaze Engineer | Leeds | Onsite", "manager"),
        ("Kilnco | Glaze Engineer/CTO | Leeds | Onsite", "manager"),
        ("Kilnco | CTO | Leeds | Onsite", "manager"),
        ("Kilnco | Lead Glaze Engineer / Head of Engineering | Leeds | Onsite", "lead"),
    ],
)
def test_a_title_then_a_top_role_after_a_slash(header: str, expected: str) -> None:
    assert hn_seniority(f"{header}<p>We make kiln software for studios.") == expected
