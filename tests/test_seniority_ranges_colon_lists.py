"""Seniority: two lead rulings of the twenty-fifth session on Hacker News comments (h25seni's questions 1
and 2).

1. A written range of levels in a hiring sentence of a comment reads its lower end, wherever in the sentence
   it stands ("... to join us at a range of levels - from graduate through to senior level", "hiring for
   several roles, from entry-level to <word>", "Seeking junior to senior.", "we hire at all levels from new
   grad up"); not a range describing the team, and "all levels" with no lower end written stays every level
   (no level).
2. A sentence ending in a colon that introduces a list names the openings below it: the list's first line
   decides ("We have several openings for seasoned developers with depth in <stack>:" above "Sr. <role>"); a
   colon followed by prose, or by a list of requirements, names no opening.

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

_PLAIN = "Kilnworks | Glaze Engineer | Turin | Full Time<p>Kilnworks builds tools for potters.<p>"
_NO_ROLE = "Kilnworks | Turin (or remote in the EU) | Full Time<p>Kilnworks builds tools for potters.<p>"

# Ruling 1: a written range of levels in a hiring sentence, its lower end.
_RANGES = [
    (_PLAIN + "We're looking for glaze engineers to join our studio at a range of levels - from graduate "
              "through to senior level.", "junior"),
    (_PLAIN + "We are hiring for several roles, from entry-level to seasoned expert.", "junior"),
    ("Kilnworks | Glaze Engineer / Kiln Developer / Clay Program Managers | Turin<p>We make pottery tools "
     "for studios. Seeking junior to senior.", "junior"),
    (_PLAIN + "We hire at all levels from new grad up, so write to us.", "junior"),
    (_PLAIN + "We are hiring glaze people anywhere from mid-level to principal.", "mid"),
    (_PLAIN + "Right now we're recruiting, with openings from mid-level through to staff.", "mid"),
    (_NO_ROLE + "We're hiring kiln developers for our new studio: anywhere from junior to senior is welcome.",
     "junior"),
    # a descending range still gives its lower end
    (_PLAIN + "We are hiring at every step, from senior down to junior.", "junior"),
]
_RANGE_CONTROLS = [
    # a range that describes the team, in its own sentence or beside the hiring words
    (_PLAIN + "We are hiring. Our engineers range from junior to principal.", "unspecified"),
    (_PLAIN + "We are hiring, and our developers range from junior to principal.", "unspecified"),
    # the people the holder coaches or helps grow
    (_PLAIN + "We're hiring someone to help our glazers grow from junior to senior.", "unspecified"),
    # "all levels" with no lower end written: every level, no level (real-later-v99 / -v95)
    (_PLAIN + "We are hiring glaze engineers at all levels.", "unspecified"),
    # a range in a sentence that hires nobody
    (_PLAIN + "Our kilns fire from low to high temperature, from junior to senior potters' work alike.",
     "unspecified"),
    # a negated hiring sentence
    (_PLAIN + "We are not hiring from junior to senior this year.", "unspecified"),
    # "senior to staff" of one role in a header: the header's reading (its lower end) as before
    ("Kilnworks | Senior to Staff Glaze Engineer | Turin<p>We are hiring from junior to senior.", "senior"),
]


@pytest.mark.parametrize(("body", "expected"), _RANGES + _RANGE_CONTROLS)
def test_written_range_in_a_hiring_sentence(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


# Ruling 2: a sentence ending in a colon that introduces a list names the openings below it.
_COLON_LISTS = [
    (_NO_ROLE + "We have several openings for seasoned developers with depth in Glaze and Kiln:<p>"
                "Sr. Glaze Engineer - https://kilnworks.example/a<p>Kiln Engineer II - https://kilnworks.example/b",
     "senior"),
    (_NO_ROLE + "We are looking for developers for the following roles:<p>- Junior Glaze Developer<p>"
                "- Senior Kiln Developer", "junior"),
    (_NO_ROLE + "We're hiring developers experienced in Glaze and Kiln:<p>- Senior Glaze Engineer<p>"
                "- Kiln Engineer", "senior"),
    (_NO_ROLE + "Kilnworks builds tools. We are looking for engineers with a taste for clay:<p>"
                "* Lead Kiln Engineer (Turin)<p>* Glaze Engineer (remote)", "lead"),
    # the first line listed with no level names none
    (_NO_ROLE + "We're hiring developers experienced in Glaze and Kiln:<p>- Glaze Engineer<p>"
                "- Senior Kiln Engineer", "unspecified"),
]
_COLON_CONTROLS = [
    # a colon sentence followed by prose, not a list
    (_NO_ROLE + "We have several openings for seasoned developers with depth in Glaze and Kiln:<p>"
                "Our senior engineers pair with every newcomer on the kiln team.", "unspecified"),
    # a list of requirements, not roles, after the colon
    (_NO_ROLE + "We have several openings for developers who bring:<p>"
                "- Experience as a senior glaze developer<p>- Comfort with kiln tooling", "unspecified"),
    (_NO_ROLE + "We're looking for developers who have:<p>- Senior engineer experience with glazes<p>"
                "- A love of clay", "unspecified"),
    (_NO_ROLE + "What we're looking for in a developer:<p>- Senior Glaze Engineer background<p>"
                "- Kiln tooling", "unspecified"),
]


@pytest.mark.parametrize(("body", "expected"), _COLON_LISTS + _COLON_CONTROLS)
def test_colon_sentence_names_the_listed_openings(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
