"""Role-family rule from the open Portuguese and German titles batch's miss (real-later-v90, h20role3).

Invented texts of the same shape as the miss: a German consultant title the rules leave to the text
("Consultant"), whose text is IT operations (running a customer's IT by IT service management processes,
system administration, IT support) and names two cloud or DevOps words in passing. The labelling rules
make system administrators and IT support other; the text tie-break counted the cloud words as software
and nothing against them. German IT-operations words now count as non-software cues
(``etl/data/role_families/de.yaml``), so such a text ties and reads other; a text that names software
work (code, languages, APIs) still outnumbers them and stays software."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, OTHER = "software_engineering", "other"


@pytest.mark.parametrize(("title", "text"), [
    ("Service Consultant (m/w/d) - Betriebsteam",
     "Du betreust den IT-Betrieb unserer Kunden nach ITSM-Prozessen und lernst Azure und DevOps-Praktiken "
     "kennen."),
    ("IT Operations Consultant (w/m/d)",
     "Aufgaben: Systemadministration und IT-Support für Windows-Clients, Linux-Server und Azure."),
    ("Consultant Managed Services (m/w/d)",
     "Du verantwortest die Stabilität des IT-Betriebs nach ITSM, mit AWS, Docker und Monitoring."),
    ("Junior Consultant (all genders)",
     "Systembetreuung und IT-Support an unseren Standorten, erste Skripte in Linux und Git."),
])
def test_it_operations_texts_are_other(title: str, text: str) -> None:
    assert classify_role_family(title, text) == OTHER


@pytest.mark.parametrize(("title", "text", "family"), [
    # a text naming software work outnumbers the operations words: unchanged
    ("IT-Architekt (m/w/d)",
     "Du verantwortest die Softwarearchitektur, programmierst in Java und Python und übergibst an den "
     "IT-Betrieb.",
     SE),
    ("Technical Consultant ServiceNow (m/w/d)",
     "Entwicklung in JavaScript mit REST-APIs und Git auf der Plattform, Module ITSM und HR.", SE),
    ("Cloud Consultant (m/w/d)", "Du baust Landschaften in Azure mit Kubernetes und DevOps-Pipelines.", SE),
    # no operations word: unchanged
    ("Service Consultant (m/w/d)", "Du arbeitest mit Azure und DevOps-Praktiken in Kundenprojekten.", SE),
    # no cue at all: unchanged
    ("Consultant (m/w/d)", "Du berätst Kunden im IT-Betrieb und moderierst Workshops.", OTHER),
    # a title that decides is not read in the text: unchanged
    ("Softwareentwickler (m/w/d)", "Systemadministration und IT-Support im IT-Betrieb nach ITSM.", SE),
    ("Systemadministrator (m/w/d)", "Python, Java, Docker, Kubernetes, Git, APIs.", OTHER),
])
def test_neighbours_unchanged(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family
