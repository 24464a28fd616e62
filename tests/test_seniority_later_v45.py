"""Seniority: the classes of the later batch real-later-v45 (Glassdoor and LinkedIn sample seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# Class A: a singular "<area> lead" ending the role a phrase introduces, then a relative clause opened by
# "that" ("looking for a glaze lead that loves clay"), is a lead, as the same role before "who" already was
# (the hundred-and-third round's singular lead; the lead's ruling 3 on that round: the person sought named
# by the lead rung's word). The text speaks before the years (rule 2 before rule 3). The verb ("someone to
# lead that team", "who will lead that work") and a lead word that is no role ("lead generation") stay
# unread.
@pytest.mark.parametrize(
    ("text", "years", "expected"),
    [
        ("We're looking for a Glaze Science lead that relishes new kilns.", 7.0, "lead"),
        ("We are seeking a hands-on kiln lead that can grow the team.", None, "lead"),
        ("Hiring a Pottery Lead that loves clay, based in <city>.", 3.0, "lead"),
        # controls: the verb after "to" and "who will", "that" after another role noun, no phrase
        # introducing the role, a scrubbed lead word
        ("We are looking for someone to lead that kiln team.", 7.0, "senior"),
        ("We are seeking a potter who will lead that work.", None, "unspecified"),
        ("We are looking for a kiln engineer that can lead.", 3.0, "mid"),
        ("Our glaze lead that joined last year will mentor you.", None, "unspecified"),
        ("We are looking for a lead generation expert that knows clay.", None, "unspecified"),
    ],
)
def test_later_v45_a_singular_lead_before_a_that_clause(
    text: str, years: float | None, expected: str
) -> None:
    assert classify_seniority("", text, years) == expected
    # a title naming no level ("Managing <role>/<role>") leaves the text to decide
    assert classify_seniority("Managing Glaze Scientist/Kiln Engineer", text, years) == expected
