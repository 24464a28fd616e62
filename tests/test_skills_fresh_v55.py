"""Skills classes from the sixty-first round's misses (issue 9, real-fresh-v55, German; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # German forms: automated testing with the English noun, identity and access administration, vulnerability
    # assessment
    ("Du baust Pipelines mit automatisiertem Testing und Monitoring.", "Test Automation", True),
    ("Von CI-Pipelines bis hin zu automatisiertes Testing im Konzern.", "Test Automation", True),
    ("Erfahrung in der Identitäts- und Zugriffsverwaltung großer Firmen.", "IAM", True),
    ("Erfahrung in der Schwachstellenbewertung von Webanwendungen.", "Vulnerability Management", True),
    ("Du übernimmst die Bewertung von Lieferanten.", "Vulnerability Management", False),
    # agility the candidate "lives" is a trait, not the practice asked; an agile team still counts
    ("Du lebst Agilität und liebst Ergebnisse.", "Agile", False),
    ("Wir arbeiten mit Agilität und Scrum im Team.", "Agile", True),
])
def test_sixty_first_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # a field of study after a degree, also when "z. B." stands between the degree and the list (its dots are
    # no sentence end) and when the list ends in "oder vergleichbar"
    ("Abgeschlossenes Studium mit Technik-Bezug, z. B. (Wirtschafts-)Informatik, Data Science oder "
     "vergleichbar.", False),
    ("Abgeschlossenes Studium mit Technikbezug, z.B. Physik, Data Science oder Chemie.", False),
    ("Abgeschlossenes Studium der Physik, Data Science oder vergleichbar.", False),
    # ... while the work itself still names it
    ("Du arbeitest z. B. an Data Science Projekten für Kunden.", True),
])
def test_a_field_of_study_after_an_abbreviation(text: str, named: bool) -> None:
    assert ("Data Science" in _named(text)) is named
