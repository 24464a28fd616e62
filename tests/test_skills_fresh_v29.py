"""German skills classes from the thirty-fifth round's misses (issue 9, real-fresh-v29; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # German inflects the head noun of a product name: the dative plural "Servern" is still the product
    ("Du administrierst unsere SQL Servern im Rechenzentrum.", "SQL Server", True),
    ("Betrieb von Windows- und SQL-Servern bei Kunden.", "SQL Server", True),
    ("Wartung von Microsoft SQL Servern und Backups.", "SQL Server", True),
    # not every server: mail and file servers name no database engine
    ("Du betreust unsere Mail-Servern und Datei-Servern.", "SQL Server", False),
])
def test_german_inflected_server_names(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "present", "absent"), [
    # a suspended compound shares the first word's front part: "Datenanalyse und -modellierung" is
    # Datenanalyse and Datenmodellierung, so the second names Data Modeling
    ("Erfahrung in Datenanalyse und -modellierung.", {"Data Modeling"}, set()),
    ("Du verantwortest Datenanalyse, -modellierung und -visualisierung.",
     {"Data Modeling", "Data Visualization"}, set()),
    ("Kenntnisse in Datenbereinigung/-modellierung sind ein Plus.", {"Data Modeling"}, set()),
    # only a compound the taxonomy knows: a suffix that makes no known name adds nothing
    ("Du bringst Kundenberatung und -betreuung mit.", set(), {"Data Modeling"}),
    ("Erfahrung in Datenanalyse und -pflege.", set(), {"Data Modeling", "Data Visualization"}),
])
def test_german_suspended_compounds(text: str, present: set[str], absent: set[str]) -> None:
    named = _named(text)
    assert present <= named
    assert not absent & named


@pytest.mark.parametrize(("text", "skill"), [
    # the taxonomy's concepts as German postings write them (the thirty-fifth round; tune: threat modelling)
    ("Du führst Bedrohungsmodellierung für neue Features durch.", "Threat Modeling"),
    ("Erfahrung mit Nebenläufigkeit in Java.", "Concurrency"),
    ("Du entwickelst Modelle zur Zeitreihenanalyse.", "Time Series Analysis"),
    ("Kenntnisse in der Verarbeitung natürlicher Sprache.", "NLP"),
    ("Du integrierst große Sprachmodelle in unsere Produkte.", "LLM"),
    ("Erfahrung mit großen Sprachmodellen ist ein Plus.", "LLM"),
    ("Du baust Empfehlungssysteme für unseren Shop.", "Recommender Systems"),
    ("Erfahrung in der Entwicklung eingebetteter Systeme.", "Embedded Systems"),
    ("Software für eingebettete Systeme in C.", "Embedded Systems"),
    ("Grundlagen der Kryptografie sind dir vertraut.", "Cryptography"),
    ("Grundlagen der Kryptographie sind dir vertraut.", "Cryptography"),
    ("Du verantwortest die Netzwerksicherheit unserer Standorte.", "Network Security"),
    ("Du steuerst das Schwachstellenmanagement.", "Vulnerability Management"),
    ("Erfahrung in Anwendungssicherheit.", "Application Security"),
    ("Solide Kenntnisse in Algorithmen und Datenstrukturen.", "Data Structures and Algorithms"),
    ("Du schreibst Ende-zu-Ende-Tests mit Playwright.", "End-to-End Testing"),
    ("Du entwirfst ereignisgesteuerte Architekturen.", "Event-Driven Architecture"),
    ("Wir setzen auf Paarprogrammierung.", "Pair Programming"),
    ("Du erstellst Datenvisualisierungen für das Management.", "Data Visualization"),
    ("Erfahrung mit Echtzeitbetriebssystemen.", "RTOS"),
    ("Du führst statistische Analysen durch.", "Statistics"),
    ("Erfahrung im Identitäts- und Zugriffsmanagement.", "IAM"),
])
def test_german_names_of_concepts(text: str, skill: str) -> None:
    assert skill in _named(text)


@pytest.mark.parametrize(("text", "skill"), [
    # guarded: the subject alone, a degree's field or a website's footer names no skill
    ("Studium der Mathematik, Statistik oder Informatik.", "Statistics"),
    ("Ihre Daten werden verschlüsselt übertragen.", "Cryptography"),
    ("Unsere Statistik zeigt: 90 % bleiben länger als fünf Jahre.", "Statistics"),
    # German "Datenstrukturen" alone is mostly a customer's data schema, not the computer-science subject
    ("Du analysierst die Datenstrukturen unserer Kunden.", "Data Structures and Algorithms"),
])
def test_german_words_that_stay_words(text: str, skill: str) -> None:
    assert skill not in _named(text)
