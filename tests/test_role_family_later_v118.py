"""Role family of a Hacker News comment whose body lists its openings one a line, one line of the list not
read as a role (real-later-v118, h25rolehn). The roles a comment's body lists vote on its family
(`hn_comment.family_roles`, real-later-v95), but a line of the list that the reader does not take for a role
(a role noun it does not know, "Sales Executive"; a level numeral after the noun; a role with an area after
a slash) ended the list there, so the openings after it cast no vote, or (a single one left) were dropped.
Now such a line is skipped, not the list's end, where it has the list's own shape (its bullet, or its
trailing link) and the list already holds two roles and opens its list (the line before it is a heading or
prose, not an unread line of the list's shape). Invented comments of the misses' shape; controls that must
not move: a prose line still ends the list, a line of another shape still ends it, one role line before the
odd line is no list yet, and a list read in part (its first lines not read as roles) skips nothing."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.hn_comment import listed_roles

SE, DATA, OTHER = "software_engineering", "data", "other"


def _p(*lines: str) -> str:
    return "".join(f"<p>{line}</p>" for line in lines)


LINKED = ("Fennel | Multiple Positions | Leeds | Onsite" + _p(
    "Fennel sells soil sensors to farms.", "Open positions:",
    "Backend Engineer: https://example.com/1", "Office Manager: https://example.com/2",
    "Data Analyst: https://example.com/3", "Data Analyst / Pricing: https://example.com/4",
    "Account Manager: https://example.com/5"))

BULLETED = ("Quarry | Austin, TX | Full-time | Onsite<p>Quarry rents diggers.</p><p>Positions:\n"
            "  - Android Developer\n  - Office Manager\n  - Sales Executive\n  - Payroll Specialist</p>")


def test_an_odd_line_of_the_list_is_skipped() -> None:
    assert listed_roles(LINKED) == (
        "Backend Engineer", "Office Manager", "Data Analyst", "Account Manager")
    assert listed_roles(BULLETED) == ("Android Developer", "Office Manager", "Payroll Specialist")


@pytest.mark.parametrize(("body", "family"), [
    # one software, one data and (with the line after the odd one) two other roles: other
    (LINKED, OTHER),
    # one software role and (with the line after the odd one) two other roles: other
    (BULLETED, OTHER),
])
def test_the_roles_after_an_odd_line_vote(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a prose line ends the list: the single role after it casts no vote (a tie, the first-named)
    ("Tansy | Multiple Positions | Leeds | Onsite" + _p(
        "Tansy makes tea.", "Android Developer: https://example.com/1", "Office Manager: https://example.com/2",
        "We also hire in our shops.", "Payroll Specialist: https://example.com/3"), SE),
    # a line of another shape ends it (the list bulleted, the odd line a link)
    ("Sorrel | Austin, TX | Onsite<p>Sorrel bakes bread.</p><p>Positions:\n  - Android Developer\n"
     "  - Office Manager\n  Apply: https://example.com/apply\n  - Payroll Specialist</p>", SE),
    # one role line before the odd line is no list yet: nothing is skipped
    ("Yarrow | Android Developer | Austin, TX | Onsite<p>Yarrow fixes bikes.</p><p>Positions:\n"
     "  - Android Developer\n  - Sales Executive\n  - Office Manager</p>", SE),
    # a list whose first lines were not read as roles is read in part only: nothing of it is skipped, so the
    # role after the odd line casts no vote (it would tip a list that is mostly other roles to software)
    ("Xylo | Multiple Positions | Pune | Onsite<p>Xylo builds warehouse robots.</p><p>Positions:\n"
     "- Tech Lead - Optics\n- Ops &amp; Finance Lead\n- Field Engineers - Civil and Software\n"
     "- Product Managers\n- Android Developers\n- Software Tech Leads\n"
     "- Software Engineering Manager</p>", OTHER),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family
