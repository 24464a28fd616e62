"""Seniority: the classes coded from the later batch real-later-v117 (Hacker News seniority, drawn by a level
cue).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import text_level

# Class E: a plural header role naming its areas ("<area> & <area> Developers", "<kind> Developers (<area> &
# <area>)") whose body lists each area alone with its own level and a link ("Senior <area>: <link>"): the
# header role's own listing names its level (ruled 2026-12-04), the first header area listed deciding (the
# first-role ruling). Two employers in the export (2017-12 #64, 2017-11 #272).
_AREA_LISTED = [
    ("Quarrylane | Full Time | Turin (open to remote) | Glaze-End & Kiln-End Developers | \u20ac40-60,000<p>"
     "Quarrylane maps clay for studios. We are looking for glaze-end &amp; kiln-end developers.<p>"
     "Senior Glaze-End: https://quarrylane.example/a<p>Senior Kiln-End: https://quarrylane.example/b",
     "senior"),
    ("Quarrylane | Pottery Developers (Wheel &amp; Kiln) | Leeds, UK<p>Quarrylane maps clay for studios.<p>"
     "Write to us or apply here:\nLead Wheel: https://quarrylane.example/a\nLead Kiln: https://quarrylane.example/b",
     "lead"),
    ("Quarrylane | Glaze & Kiln Engineers | Leeds, UK<p>Quarrylane maps clay.<p>"
     "- Junior Glaze - https://quarrylane.example/a<p>- Kiln - https://quarrylane.example/b", "junior"),
]
_AREA_CONTROLS = [
    # the first header area listed with no level: its own listing names none (the first-role ruling)
    ("Quarrylane | Glaze-End & Kiln-End Developers | Turin<p>Quarrylane maps clay.<p>"
     "Glaze-End: https://quarrylane.example/a<p>Senior Kiln-End: https://quarrylane.example/b",
     "unspecified"),
    # a level line naming no header area is no listing of the header role
    ("Quarrylane | Glaze-End & Kiln-End Developers | Turin<p>Quarrylane maps clay.<p>"
     "Senior Marketing: https://quarrylane.example/a", "unspecified"),
    # the area in a sentence, not a listed line of its own
    ("Quarrylane | Glaze-End & Kiln-End Developers | Turin<p>Quarrylane maps clay. Our senior glaze-end: "
     "the oldest part of the stack.", "unspecified"),
    # a header of one singular role is read as before
    ("Quarrylane | Glaze Developer | Turin<p>Quarrylane maps clay.<p>Senior Glaze: https://quarrylane.example/a",
     "unspecified"),
]


@pytest.mark.parametrize(("body", "expected"), _AREA_LISTED + _AREA_CONTROLS)
def test_header_areas_listed_alone_with_their_level(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


# Class N: "This is not a <level> position" rules a level out (the forty-third round: a level only ruled out
# leaves the role unspecified), as "we are not looking for interns" already does; a later phrase stating the
# role's level still reads.
@pytest.mark.parametrize(("text", "expected"), [
    ("This is not a junior position, but write to us even if you miss a requirement.", None),
    ("Please note this isn't an entry-level role.", None),
    ("This is not a junior position; we are looking for a senior glaze developer.", "senior"),
    ("This is not an internship. This is a senior position on the kiln team.", "senior"),
    # controls, as before
    ("This is a junior position on the kiln team.", "junior"),
    ("This position is not an entry level glaze developer position.", None),
])
def test_a_level_ruled_out_after_this(text: str, expected: str | None) -> None:
    assert text_level(text) == expected


def test_a_level_ruled_out_in_a_comment() -> None:
    body = ("Kilnworks | Glaze Web Developer | Remote (EU hours)<p>The details are on our page.<p>"
            "This is not a junior position, but apply even if you do not meet every requirement.")
    assert hn_seniority(body) == "unspecified"
