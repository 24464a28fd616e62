"""Seniority: the classes of the later batch real-later-v55 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import text_level


# A written range of levels between dashes right after the role a phrase introduces, the role named by "devs"
# and counted by a spelled number with its figure in brackets ("<number> (<figure>)"): its lower end, as
# "engineers (from intern to senior level)" (the hundred-and-third round's rule, which names "devs - from
# junior to senior -" but did not reach it: "dev" was no role noun of the phrase reading, and "(4)" broke the
# headcount). A level before "devs" after a phrase names the role's level; controls: "devs" as the people
# mentored, a plain headcount, a bracketed figure with no number word before it.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("We're looking for THREE (3) full-time kiln devs - from Junior to Senior - to join our <area> team.",
         "junior"),
        ("We are hiring two (2) senior glaze engineers for our <area> studio.", "senior"),
        ("We're looking for kiln devs - from junior to senior - to join us.", "junior"),
        ("We are looking for a senior kiln dev to own our <area> service.", "senior"),
        # controls
        ("We are hiring kiln engineers. You will mentor junior devs on the team.", None),
        ("We're looking for three kiln devs to join our <area> team.", None),
        ("We are looking for (3) kiln devs to join us.", None),
    ],
)
def test_range_after_devs_with_a_bracketed_headcount(text: str, expected: str | None) -> None:
    assert text_level(text) == expected


def test_comment_with_a_plural_header_role_and_the_range_in_the_text() -> None:
    body = ("Kilnco | <city> | Kiln Developers | Full-time<p>We're looking for FOUR (4) full-time kiln devs "
            "- from Junior to Senior - to join our <area> company.<p>Core skills: <stack>")
    assert hn_seniority(body) == "junior"


# "dev" naming the kind of another noun is no role noun of its own: the noun after it is the role
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<area> startup seeking a new dev lead for part-time work.", "lead"),
        ("Our <area> lab is looking for a Dev Team Manager in <city>!", "manager"),
    ],
)
def test_dev_before_another_noun_is_no_role(text: str, expected: str) -> None:
    assert text_level(text) == expected
