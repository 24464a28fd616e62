"""Seniority: the classes of the later batch real-later-v50 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority


def _comment(header_role: str, *lines: str) -> str:
    return f"Kilnco | {header_role} | <city> | ONSITE<p>Kilnco fires pots.<p>" + "<p>".join(lines)


# A header naming its role in the plural, by its role noun alone or with a general word ("Glaze Engineers"),
# above a list of openings of that kind each named by its area ("- Senior Kiln Engineer: <link>"): the header
# stands for the list, as "<Role> (multiple)" does (`real-later-v38` ruling 1), so the first listed opening of
# the header's role noun names the level. A first listed opening of that noun with no level names none;
# another role noun listed, a sentence and the header line itself are no listing.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (_comment("Glaze Engineers", "We are building a kiln for <area>. We are looking for:",
                  "  - senior kiln engineers (we use <language> but you need not know it) - https://k.example/1",
                  "  - senior and junior slip engineers - https://k.example/2"), "senior"),
        (_comment("Glaze Engineers", "Roles", "- Senior Kiln Engineer: https://k.example/1",
                  "- Staff Slip Engineer: https://k.example/2", "- Potter: https://k.example/3"), "senior"),
        (_comment("Glaze Developers", "Open roles", "* Mid-level Kiln Developer, <area>",
                  "* Kiln Developer, <area>"), "mid"),
        # controls: the first listed opening of the noun names no level; another noun listed with a level; a
        # sentence naming the noun with a level; a requirement line; the header's role listed again plain
        (_comment("Glaze Engineers", "Roles", "- Kiln Engineer: https://k.example/1",
                  "- Senior Slip Engineer: https://k.example/2"), "unspecified"),
        (_comment("Glaze Developers", "Roles", "- Kiln Manager: https://k.example/1",
                  "- Senior Kiln Manager: https://k.example/2"), "unspecified"),
        (_comment("Glaze Engineers", "You will work with senior kiln engineers on our team."), "unspecified"),
        (_comment("Glaze Engineers", "Requirements:", "- 2 years as a kiln engineer, in <city>"),
         "unspecified"),
        (_comment("Glaze Engineers", "- Senior Glaze Engineer: https://k.example/1",
                  "- Glaze Engineer: https://k.example/2", "- Senior Kiln Engineer: https://k.example/3"),
         "unspecified"),
    ],
)
def test_later_v50_plural_header_role_above_its_listed_openings(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
