"""Seniority: the class of the later batch real-later-v65 (German get in IT and Arbeitnow seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# A manager of one ads or search channel without staff is a job name (the lead's ruling on the
# forty-sixth round: SEO, SEA, Google Ads, as Social Media Manager), also where the title puts "Growth"
# between the channel and the word Manager ("<Channel> Growth Manager") or names the channel right after a
# "Growth Manager" ("Growth Manager <Paid channel>", "Growth Manager (SEA)"); paid media / social / search /
# ads are such channels. The title then names no level of its own: a level word beside it decides ("(Lead)"
# -> lead), else the text and the years.
@pytest.mark.parametrize(
    ("title", "years", "expected"),
    [
        ("(Lead) Growth Manager Paid Social (m/w/d) <Platform> & <Platform>", None, "lead"),
        ("Lead Growth Manager - Paid Search", 3.0, "lead"),
        ("Google Ads Growth Manager (m/w/d) - <Contract> gesucht", 2.0, "mid"),
        ("SEA Growth Manager (w/m/d)", None, "unspecified"),
        ("Growth Manager (SEO) <Area>", 1.0, "junior"),
        ("Paid Media Manager (m/w/d)", 6.0, "senior"),
        ("Senior Paid Search Manager", None, "senior"),
        # controls: a plain Growth Manager or Head of Growth names no channel (a function's manager, as
        # before); a Marketing Manager leads a function; a channel manager without "Growth" stays a job name
        ("Growth Manager (m/w/d)", 2.0, "manager"),
        ("Growth Manager <Area> & <Area>", None, "manager"),
        ("Head of Growth, Paid Media", None, "manager"),
        ("Online Marketing Manager (m/w/d)", None, "manager"),
        ("Performance Marketing Manager (m/w/d)", 3.0, "manager"),
        ("Google Ads Manager (m/w/d)", 3.0, "mid"),
        ("Team Lead Paid Media (m/w/d)", None, "lead"),
    ],
)
def test_later_v65_a_channel_growth_manager_is_a_job_name(
    title: str, years: float | None, expected: str
) -> None:
    assert classify_seniority(title, "", years) == expected
