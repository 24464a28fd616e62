"""Seniority: the classes of the later batch real-later-v25 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# "We're hiring across the board:" above roles listed one a line is a line that is only a hiring phrase: it
# introduces the openings, and the first role listed decides (the first-role ruling). Another opening's list
# ("also") and a list whose first role is plain stay unspecified.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<Company> builds kiln sensors.\nWe're hiring across the board:\n  Senior Glaze Developer\n"
         "  Kiln Engineer\n  Logistics Coordinator", "senior"),
        ("<Company> makes glaze.\nWe are hiring across the board:\n- Junior Kiln Developer\n- Glaze Engineer",
         "junior"),
        ("We’re currently hiring across the board:\n* Lead Glaze Engineer\n* Kiln Developer", "lead"),
        # controls: a plain first role, another opening's list, the phrase inside a sentence
        ("We're hiring across the board:\n  Glaze Engineer\n  Senior Kiln Engineer", "unspecified"),
        ("We build kilns.\nWe're also hiring across the board:\n  Senior Glaze Developer", "unspecified"),
        ("We're hiring across the board! Reach out to <email>.\nOur stack: <lang>, <lang>.", "unspecified"),
    ],
)
def test_later_v25_hiring_across_the_board_introduces_a_list(text: str, expected: str) -> None:
    assert classify_seniority("", text) == expected


# "midweight" in one word is the UK ladder's middle step (junior / midweight / senior), as "mid-weight" and
# "midlevel" already read: the role's own level in a title or a hiring phrase. A product's weight is no level.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("", "We're looking for a midweight Cobol web developer with experience in <framework>.", "mid"),
        ("", "We’re hiring a Midweight Glaze Designer to join our studio.", "mid"),
        ("Midweight Kiln Developer", "", "mid"),
        # controls: the hyphenated form (already read), a fabric's weight, the senior word
        ("", "We're looking for a mid-weight Cobol web developer.", "mid"),
        ("Glaze Designer", "We weave midweight fabrics for our customers.", "unspecified"),
        ("", "We're looking for a senior Cobol web developer.", "senior"),
    ],
)
def test_later_v25_midweight_is_mid(title: str, text: str, expected: str) -> None:
    assert classify_seniority(title, text) == expected


# A line introducing openings may end with a bracket holding their link instead of a colon ("We are looking
# to fill the following jobs (details: <link>)", "Open Roles ( <link> )"): the first role listed on the next
# line decides, as under "... the following jobs:". A bracket naming something else, or no openings noun,
# introduces nothing.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We are looking to fill the following jobs (in detail here:  https://example.com/jobs )\n"
         "-Senior glaze engineer\n-Lead glaze engineer\n-Kiln Architect", "senior"),
        ("Open Roles ( https://jobs.example.com/kilnco )\n- Mid-level Kiln Engineer (<lang> a plus)\n"
         "- Glaze Designer", "mid"),
        # (the colon after the bracket was read already)
        ("Open positions (https://example.com/careers):\n- Junior Kiln Developer\n- Glaze Engineer",
         "junior"),
        # controls: a plain first role, a bracket of words, no openings noun before the link
        ("We are filling the following roles ( https://example.com/jobs )\n- Glaze Engineer\n"
         "- Senior Kiln Engineer", "unspecified"),
        ("Read about our stack (see https://example.com/blog )\n- Senior Glaze Engineer", "unspecified"),
    ],
)
def test_later_v25_openings_line_ending_in_a_linked_bracket(text: str, expected: str) -> None:
    assert classify_seniority("", text) == expected
