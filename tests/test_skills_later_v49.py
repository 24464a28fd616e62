"""Skills classes of the later batch real-later-v49 (issue 9: German skills of get in IT).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # German forms of data-science names: the plural of a hyphenated compound, the German name of the field
    ("Du kennst Anwendungen wie Recommender-Systeme und <field>.", "Recommender Systems", True),
    ("Erfahrung mit Recommender-Systemen im <branche>-Umfeld", "Recommender Systems", True),
    ("Du bringst Erfahrung in Datenwissenschaft und <feld> mit.", "Data Science", True),
    ("Fundierte Kenntnisse der Datenwissenschaften sind ein Plus.", "Data Science", True),
    # a field of study among others is no skill asked (as the other languages' forms)
    ("Studium der Informatik, Mathematik, Datenwissenschaften oder vergleichbar", "Data Science", False),
    ("Abschluss in Datenwissenschaft, Informatik oder einem verwandten Fach", "Data Science", False),
    ("Ein Studium der Datenwissenschaften oder ein vergleichbarer Abschluss", "Data Science", False),
    # a team of that field is colleagues
    ("Du arbeitest mit unserem Datenwissenschaften-Team zusammen.", "Data Science", False),
])
def test_german_forms_of_data_science_names(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
