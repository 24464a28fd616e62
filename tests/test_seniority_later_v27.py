"""Seniority: the classes of the later batch real-later-v27 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority

KILN_GLAZE = ("Kiln Engineer", "Glaze Scientist")


# "As a <level> <role> at <company>, you will ..." opening a line (a paragraph of a comment) introduces the
# role, as it does inside a line or at the text's start: the phrase's trigger was read only after a space.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<Company> builds kiln sensors. We grow fast.\nAs a Senior Glaze Developer at <Company>, you "
         "will shape our platform.", "senior"),
        ("We make glaze.\n\nAs a Junior Kiln Engineer you will learn from the team.", "junior"),
        ("<Company> | <city> | ONSITE\nAs an Intern on the kiln team, you will test glazes.", "junior"),
        # controls: the text's start and mid-line (read already), no level, a team's or company's manner
        ("As a Senior Kiln Developer you will own the firing service.", "senior"),
        ("We fire kilns. As a Staff Glaze Engineer you will lead design.", "staff"),
        ("We make glaze.\nAs a Kiln Engineer at <Company>, you will build tools.", "unspecified"),
        ("We make glaze.\nAs a team, we ship weekly.\nAs an early-stage company we move fast.",
         "unspecified"),
    ],
)
def test_later_v27_as_a_level_role_opening_a_line(text: str, expected: str) -> None:
    assert classify_seniority("", text) == expected


# A comment whose header lists several roles, the first with no level: a phrase in a LATER role's own listing
# (a line opening with that role's name, then a dash, a colon or a bracket: "<role 2> - We are looking for a
# mid or senior level <role 2> to ...") states that role's level, not the first role's (the first-role
# ruling: a later role's level never decides). A phrase in the comment's general text is read as before.
@pytest.mark.parametrize(
    ("roles", "text", "expected"),
    [
        (KILN_GLAZE,
         "Positions:\nKiln Engineer (<lang>, <cloud>) - We want someone versed in <lang>.\n"
         "Glaze Scientist - We are looking for a mid or senior level glaze scientist to drive our "
         "analysis.", "unspecified"),
        (KILN_GLAZE,
         "We make kilns.\n* Glaze Scientist: we're hiring a senior scientist to model glazes.",
         "unspecified"),
        (("Kiln Developer", "Glaze Analyst", "Designer"),
         "Roles\nKiln Developer \u2013 builds the firing service.\nGlaze Analyst \u2013 We're hiring a "
         "Lead Glaze Analyst to own the data.", "unspecified"),
        # controls: the first role's own listing, a phrase in the general text, one role only, the first
        # role's name inside a later one's, a later role named inside a sentence
        (KILN_GLAZE,
         "Kiln Engineer - We are looking for a senior kiln engineer to join us.\nGlaze Scientist - <duties>",
         "senior"),
        (KILN_GLAZE, "We are looking for a senior glaze scientist to join us.", "senior"),
        (("Glaze Scientist",), "Glaze Scientist - We are looking for a senior glaze scientist.", "senior"),
        (("Engineer", "Kiln Engineer"),
         "Kiln Engineer - We are looking for a senior engineer to join us.", "senior"),
        (KILN_GLAZE, "Our glaze scientist team grows: we are looking for a senior engineer.", "senior"),
    ],
)
def test_later_v27_a_phrase_in_a_later_roles_own_listing_names_no_level(
    roles: tuple[str, ...], text: str, expected: str
) -> None:
    assert classify_seniority(", ".join(roles), text, roles=roles) == expected
