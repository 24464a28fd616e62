"""Seniority: the classes of the later batch real-later-v23 (Glassdoor and get in IT seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# A German title whose head noun is a compound of "Betrieb" (operations) and Leiter / Leitung: the head of a
# site's or a unit's operations, as "Leitung IT" and "Standortleiter" already read (manager); a project lead
# ("Projektleiter") stays a job name and a semiconductor ("Halbleiter") no level word.
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Betriebsleitung (m/w/d) <Anlage>", "Sie bringen fünf Jahre Berufserfahrung mit.", "manager"),
        ("Betriebsleiter (m/w/d) <Bereich>", "", "manager"),
        ("Betriebsleiterin <Standort>", "", "manager"),
        ("Stellvertretende Betriebsleitung <Bereich> (w/m/d)", "", "manager"),
        # controls: a project lead, a semiconductor word, a standing "Leitung" title, the plain word "Betrieb"
        ("Projektleiter (m/w/d) <Bereich>", "", "unspecified"),
        ("Entwickler Halbleiter-Test (m/w/d)", "", "unspecified"),
        ("Leitung IT (m/w/d)", "", "manager"),
        ("Mitarbeiter Betrieb <Anlage> (m/w/d)", "", "unspecified"),
    ],
)
def test_later_v23_betriebsleitung_is_manager(title: str, text: str, expected: str) -> None:
    assert classify_seniority(title, text) == expected


# Two roles offered with "/", each with its own level, the last followed by its area after a comma
# ("<Level> <role> / <Level> <role>, <area>"): the first role named decides (the first-level-named ruling,
# ninth session), as it does where no area follows; the area belongs to both roles, not to the last only.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Associate Scientist / Sr. Associate Scientist, <Area>", "junior"),
        ("Junior Analyst / Senior Analyst, <Area> Team", "junior"),
        ("Senior Engineer / Staff Engineer - <Area>", "senior"),
        # controls: the same pair without an area, a range in one role, one role with its area, a first part
        # that names no role ("Frontend/Backend"), and a first role without a level
        ("Associate Scientist / Sr. Associate Scientist", "junior"),
        ("Junior/Senior Analyst, <Area>", "junior"),
        ("Senior Data Scientist, <Area>", "senior"),
        ("Frontend/Senior Backend Engineer, <Area>", "senior"),
        ("Analyst / Senior Analyst, <Area>", "senior"),
    ],
)
def test_later_v23_slash_pair_with_an_area(title: str, expected: str) -> None:
    assert classify_seniority(title, "") == expected
