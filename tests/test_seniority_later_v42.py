"""Seniority: the classes of the later batch real-later-v42 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.normalize.hn_comment import read_comment
from etl.normalize.seniority import classify_seniority


def _hn_seniority(body: str) -> str:
    return str(extract({"source": "hackernews", "title": read_comment(body).title, "description": body,
                        "description_format": "html"})["seniority"])


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
    assert _hn_seniority("Kilnco - Glaze Engineer (entry) - <city> - Full-time, Onsite<p>Kilnco fires pots. "
                         "We are looking for a Glaze Engineer to join our team.") == "junior"
