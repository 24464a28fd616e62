"""Skills classes from the seventieth round's misses (issue 9, real-fresh-v64, German; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "named"), [
    # an AI assistant the role works with names AI (the eighth round's "AI tools it works with"), also alone
    # in a tool list and in the plural; a pilot project or a co-driver is no such tool
    ("Du arbeitest mit Tools wie Outlook, Excel, Copilot und Teams.", True),
    ("You will roll out Microsoft Copilot to our business teams.", True),
    ("Du entwickelst Copilots für unsere Kunden.", True),
    ("Du begleitest ein Pilotprojekt im Vertrieb.", False),
    ("Du bist Co-Pilot im Rallye-Team.", False),
])
def test_seventieth_round_an_ai_assistant_names_ai(text: str, named: bool) -> None:
    assert ("AI" in _named(text)) is named


@pytest.mark.parametrize(("text", "skills"), [
    # object-oriented ABAP ("ABAP OO", "ABAP-OO") asks for ABAP and for OOP, as the fifty-sixth round read the
    # board's object-oriented ABAP badge; a bare "OO" elsewhere stays nothing
    ("Gute Kenntnisse in ABAP und ABAP OO.", {"ABAP", "OOP"}),
    ("Mindestens zwei Jahre Erfahrung in der ABAP-OO-Entwicklung.", {"ABAP", "OOP"}),
    ("Du programmierst in ABAP/ ABAP OO und Fiori.", {"ABAP", "OOP"}),
    ("Du programmierst in ABAP.", {"ABAP"}),
    ("Die Firma OO Software sucht Verstärkung.", set()),
])
def test_seventieth_round_object_oriented_abap(text: str, skills: set[str]) -> None:
    assert _named(text) & {"ABAP", "OOP"} == skills
