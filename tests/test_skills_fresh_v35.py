"""German skills classes from the forty-first round's misses (issue 9, real-fresh-v35; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # German inflects the adjective: "responsiven Benutzeroberflächen" is responsive design as "responsive UI"
    ("Du baust benutzerfreundliche und responsiven Benutzeroberflächen mit Vue.", "Responsive Design", True),
    ("Erfahrung mit responsivem Webdesign und CSS.", "Responsive Design", True),
    ("Du entwickelst responsive Webanwendungen für unsere Kunden.", "Responsive Design", True),
    ("Gestaltung responsiver Oberflächen im Frontend.", "Responsive Design", True),
    # a responsive team or a quick answer is no design
    ("Ein responsives Team, das schnell antwortet.", "Responsive Design", False),
    # automated tests in every case, also beside manual ones
    ("Entwicklung von automatisierten sowie manuellen Tests.", "Test Automation", True),
    ("Du schreibst automatisierte und manuelle Tests für das Backend.", "Test Automation", True),
    ("Pflege der automatisierten Tests in der Pipeline.", "Test Automation", True),
    ("Durchführung manueller Tests nach Checkliste.", "Test Automation", False),
])
def test_german_inflected_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
