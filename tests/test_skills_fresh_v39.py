"""Skills classes from the forty-fifth round's misses (issue 9, real-fresh-v39; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # German compounds and plurals of taxonomy names
    ("Sicherer Umgang mit Linux- und Windowsserver in der Kundenumgebung.", "Windows", True),
    ("Du betreust unsere Windowsservern im Rechenzentrum.", "Windows", True),
    ("Du baust KI-Agenten für den Kundenservice.", "AI Agents", True),
    ("Entwicklung von AI-Agenten und Chatbots.", "AI Agents", True),
    ("Du betreibst verteilte Dienste wie Kafka und Redis.", "Distributed Systems", True),
    ("Aufbau verteilter Anwendungen in der Cloud.", "Distributed Systems", True),
    # English: services and applications built to run distributed
    ("You will design large-scale distributed services in Go.", "Distributed Systems", True),
    ("Solid grasp of distributed applications and messaging.", "Distributed Systems", True),
    ("Our catalogue is distributed across many shops.", "Distributed Systems", False),
    # "OO" short for object-oriented before what is done so
    ("8+ years of Java OO design and development.", "OOP", True),
    ("Strong OO programming skills in C#.", "OOP", True),
    ("Our zoo has two new kangaroos.", "OOP", False),
    # the German verb and noun of showing data
    ("Du visualisierst Kennzahlen und stellst Ergebnisse in Dashboards dar.", "Data Visualization", True),
    ("Visualisierung von Daten für das Management.", "Data Visualization", True),
    ("Wir visualisieren Ideen gemeinsam im Workshop.", "Data Visualization", False),
])
def test_forty_fifth_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
