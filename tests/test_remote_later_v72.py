"""Later batch real-later-v72 (Glassdoor remote, seventeenth session): "hybrid" naming a laboratory or
analytical technique is no work arrangement. Invented wording of the miss's shape (Glassdoor #161, a
bioanalytical scientist using "hybrid ... techniques" and "hybrid immunoassay approaches")."""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

H, ON = "hybrid", "onsite"

CASES = [
    # the class: "hybrid" as the adjective of a method, technique, assay or protocol (up to four words before
    # the method noun) -> no arrangement
    ("You will run hybrid ligand-binding enrichment techniques on plasma samples.", None),
    ("Our chemists design hybrid solid-phase extraction methods for trace analysis.", None),
    ("Validate hybrid immunoassays for the biomarker panels of our partners.", None),
    ("Experience with hybrid capture sequencing protocols is preferred.", None),
    ("Develop hybrid mass spectrometry assays for peptides and oligos.", None),
    ("Apply hybrid simulation methodologies to clinical trial data.", None),
    # controls that must not move: the way of working stays hybrid
    ("This is a hybrid role with three office days a week; lab techniques are taught on site.", H),
    ("We work in a hybrid model. Assay methods are documented in our lab notebook.", H),
    ("Hybrid working methods: Tuesdays and Thursdays in the office.", H),
    ("The position is hybrid. You will learn our extraction techniques.", H),
    ("Hybrid position - protocols and methods training provided", H),
    ("This role is hybrid and methods-focused.", H),
]


@pytest.mark.parametrize(("text", "mode"), CASES)
def test_later_v72_hybrid_technique_is_no_arrangement(text: str, mode: str | None) -> None:
    assert classify_remote("Boston, MA", "Scientist", text) == mode
