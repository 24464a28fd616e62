"""Seniority: the classes of the later batch real-later-v62 (Glassdoor and LinkedIn sample seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# Class A: "As a <level> <role>" glued to the punctuation before it, as a board that flattened its fields
# and lines writes it ("Role Overview:As a Senior <role> you will ...", "... our studio.As a Staff <role>"),
# is the same phrase introducing the role as "As a" opening a line or following a space (rule 2, the text
# states the role's own level; later batch real-later-v27's line-opening "As a"). The past-job guard reads it
# too ("Previous experience:As a Senior <role>" is a past job), and "Has a" / "as a team" stay unread.
@pytest.mark.parametrize(
    ("text", "years", "expected"),
    [
        ("Job Title: Glaze Developer\nRole Overview:As a Senior Kiln Consultant in the Glaze unit you will "
         "lead kiln projects for our clients.", None, "senior"),
        ("We fire clay for studios across the coast.As a Staff Kiln Engineer you will shape our kilns.",
         3.0, "staff"),
        ("Summary:As an Entry-level Glaze Analyst you will learn every kiln we run.", None, "junior"),
        ("Your day (remote).As a Principal Kiln Engineer you will own the firing platform.", 2.0,
         "principal"),
        # controls: a past job, "Has a" (no phrase), "as a team" (no role), a level of other people
        ("Previous experience:As a Senior Kiln Potter at a studio is a plus.", 3.0, "mid"),
        ("Perks:Has a senior mentor for every new potter.", None, "unspecified"),
        ("Culture:As a team we glaze together every Friday.", 3.0, "mid"),
        ("Mentoring:As a mentor to junior potters you will share kiln tips.", None, "unspecified"),
    ],
)
def test_later_v62_a_as_a_glued_to_punctuation(text: str, years: float | None, expected: str) -> None:
    assert classify_seniority("Glaze Developer", text, years) == expected


# Class B: "<Name> is a <kind of> <role noun>" where the sentence's whole subject is a name (one to four
# capitalised words, none a role noun nor a pronoun or determiner: the employer or its product describing
# itself, "Clayworks Partners is a different kind of pottery manager") states no level of the role: the
# " is a" phrase reads the role's own level only where its subject is the role ("The <role> is a mid-level
# role", "This is a senior position", "It is an entry-level position"; later batch real-later-v62). The
# years or the board then decide as before.
@pytest.mark.parametrize(
    ("text", "years", "expected"),
    [
        ("Clayworks Partners is a different kind of pottery manager. Since 1999 we have fired clay.\n"
         "The Kiln team is looking for a curious glaze scientist to join us.", 3.0, "mid"),
        ("Kilnco is a boutique glaze asset manager focused on clay.", None, "unspecified"),
        ("Our clients trust us. Glazr AG is a leading kiln asset manager. You will fire pots.", 6.0,
         "senior"),
        # controls: the role, the title, a pronoun or a numbered role as the subject
        ("The Kiln Analyst is a mid-level role on our glaze team.", None, "mid"),
        ("Kiln Analyst is a junior-level role on our glaze team.", 6.0, "junior"),
        ("This is a senior position reporting to the head potter.", None, "senior"),
        ("It is an entry-level position in the glaze studio.", 4.0, "junior"),
        ("Role 2 is a Senior Glaze Engineer. You will fire kilns.", None, "senior"),
        ("The Chief Glaze Officer is a senior level position.", None, "senior"),
        ("We fire clay. The ideal candidate is a senior kiln engineer.", None, "senior"),
    ],
)
def test_later_v62_b_a_name_described_is_no_role(text: str, years: float | None, expected: str) -> None:
    assert classify_seniority("Glaze Scientist - Kiln Insights", text, years) == expected
