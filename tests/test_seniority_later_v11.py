"""Seniority: the classes of the later batch real-later-v11 (Glassdoor seniority and experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# "entry" as the first level of a written range ("an entry to mid-level <role>", "Entry/Mid Level <role>"):
# the range gives its lower end (the ninth session's written-range ruling), as "junior to mid-level" already
# reads; the level word "level" stands after the range's second member only.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Environmental Scientist", "We are currently seeking an entry to mid-level environmental scientist. "
         "3-5 years of experience preparing <reports>.", "junior"),
        ("<Area> Engineer", "We are hiring an entry- to mid-level <area> engineer to join us.", "junior"),
        ("Entry to Mid-Level Data Analyst", "", "junior"),
        ("Entry/Mid Level <Role> Analyst", "", "junior"),
        ("<Role> Engineer (Entry to Senior)", "", "junior"),
        # controls: the range written with "junior", "entry level" alone, a mid level alone, data entry work
        ("<Area> Engineer", "We are hiring a junior to mid-level <area> engineer to join us.", "junior"),
        ("<Area> Engineer", "We are hiring an entry-level <area> engineer to join our team.", "junior"),
        ("<Area> Engineer", "We are hiring a mid-level <area> engineer to join our team.", "mid"),
        ("<Area> Clerk", "We are hiring a clerk for data entry to mid-level managers' tools.", "unspecified"),
        ("Data Entry / Mid-Office Assistant", "", "unspecified"),
    ],
)
def test_later_v11_entry_opens_a_written_range(title: str, text: str, expected: str) -> None:
    assert classify_seniority(title, text) == expected
