"""Seniority: the classes of the later batch real-later-v42 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import classify_seniority


# "entry" alone in a bracket after the role is the entry level, as "(Mid)" is the middle step; a bracket
# naming data entry, "entry" with other words in its bracket and "entry" outside a bracket stay unread.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Glaze Engineer (entry)", "junior"),
        ("Kiln Developer (Entry)", "junior"),
        # controls
        ("Kiln Clerk (Data Entry)", "unspecified"),
        ("Kiln Clerk (data entry)", "unspecified"),
        ("Data Entry Potter", "unspecified"),
        ("Glaze Engineer (entry point team)", "unspecified"),
    ],
)
def test_later_v42_entry_alone_in_a_bracket_is_the_entry_level(title: str, expected: str) -> None:
    assert classify_seniority(title) == expected


def test_later_v42_entry_in_a_header_cells_bracket() -> None:
    assert hn_seniority("Kilnco - Glaze Engineer (entry) - <city> - Full-time, Onsite<p>Kilnco fires pots. "
                         "We are looking for a Glaze Engineer to join our team.") == "junior"


def _comment(header_role: str, *lines: str) -> str:
    return f"Kilnco | {header_role} | <city> | ONSITE<p>Kilnco fires pots.<p>" + "<p>".join(lines)


# A header naming its first role beside other roles, or in the plural, whose body lists that role again on a
# line of its own with a level: the header role's own listing names its level (ruled 2026-12-04;
# real-test-v12's Hacker News 1). A line listing the role with no level is its own listing wherever it
# stands; the header line itself, another header role's listing and a sentence are no listing of the first
# role.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_comment("Glaze Engineers & Managers", "We're hiring in every team!",
                  "   - Kiln Team Lead, Firing: https://k.example/1",
                  "   - Kiln Team Lead, Glazes: https://k.example/2",
                  "   - Senior Glaze Engineer, Backend: https://k.example/3"), "senior"),
        (_comment("Glaze Engineers", "Openings below.", "* Sr. Glaze Engineer (Go, Rust)", "* Potter"),
         "senior"),
        (_comment("Glaze Developers, Potters & Manager", "We have openings for the following positions -",
                  "* Potter", "* Mid-level Glaze Developer - Go, Rust"), "mid"),
        # controls: the role also listed with no level (after or before the levelled line); only the header
        # names a level; only a later header role is listed; a sentence naming the role
        (_comment("Glaze Engineers", "- Senior Glaze Engineer: https://k.example/1",
                  "- Glaze Engineer: https://k.example/2"), "unspecified"),
        (_comment("Glaze Engineers & Managers", "- Glaze Engineer, Kilns: https://k.example/1",
                  "- Senior Glaze Engineer, Glazes: https://k.example/2"), "unspecified"),
        (_comment("Glaze Engineer, Senior Glaze Engineer, Potter", "We fire pots in forty towns."),
         "unspecified"),
        (_comment("Glaze Engineers & Kiln Managers", "- Senior Kiln Manager: https://k.example/1"),
         "unspecified"),
        (_comment("Glaze Engineers", "Our senior glaze engineer will mentor you."), "unspecified"),
    ],
)
def test_later_v42_header_role_listed_again_with_its_level(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
