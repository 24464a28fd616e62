"""Seniority: the class coded from the later batch real-later-v106 (Hacker News seniority, a random draw).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import classify_seniority

# Class A: an internship offered as another opening after "or" / "/", its interns qualified by a season,
# a year or the kind of place ("<role> or Spring/Summer Interns", "<role> / Summer 2027 Internship",
# "<role> or Paid Interns"): the first role named decides, as in "<role> or Intern" (fifty-fifth round) and
# "<role> and Summer Interns" (the first-role ruling); the qualifier does not make the internship the role.
_ALTERNATIVE = [
    ("Kilnworks | Glaze Engineer or Spring/Summer Interns | Leeds, UK (relocation offered) | ONSITE<p>"
     "Kilnworks maps clay for studios. We want all kinds of engineers: firmware, glaze, data.<p>Read more: "
     "https://kilnworks.example/jobs", "unspecified"),
    ("Kilnworks | Glaze Developer / Summer 2027 Internship | Leeds, UK<p>Kilnworks maps clay.<p>Write to "
     "jobs@kilnworks.example", "unspecified"),
    ("Kilnworks | Senior Kiln Engineer or Fall Interns | Leeds, UK<p>Kilnworks maps clay.", "senior"),
]
_CONTROLS = [
    # the internship is the role: junior, as before
    ("Kilnworks | Summer 2027 Glaze Engineering Internship | Leeds, UK<p>Kilnworks maps clay.", "junior"),
    # no qualifier, as before (fifty-fifth round)
    ("Kilnworks | Glaze Engineer or Interns | Leeds, UK<p>Kilnworks maps clay.", "unspecified"),
    # joined by "and": the first role, as before
    ("Kilnworks | Glaze Engineer and Summer Interns | Leeds, UK<p>Kilnworks maps clay.", "unspecified"),
]


@pytest.mark.parametrize(("body", "expected"), _ALTERNATIVE + _CONTROLS)
def test_qualified_intern_alternative_leaves_the_first_role(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


@pytest.mark.parametrize(("title", "expected"), [
    ("Kiln Engineer or Paid Interns", "unspecified"),
    ("Glaze Developer / Fall 2027 Interns", "unspecified"),
    ("Spring/Summer Interns", "junior"),  # control: the interns are the role
    ("Glaze Developer Intern / Fall 2027 Co-op", "junior"),  # control: the first role is the intern
    ("Kiln Engineer / Studio Intern", "junior"),  # control: "Studio" is no season, year or kind of place
])
def test_qualified_intern_alternative_in_a_title(title: str, expected: str) -> None:
    assert classify_seniority(title) == expected
