"""Skills classes of the later batch real-later-v71 (issue 9: German skills of get in IT).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named, named_in_posting


@pytest.mark.parametrize(("text", "found"), [
    # class A: the German dative plural and genitive of "Datenmodell" name Data Modeling as its other forms do
    ("Du bringst solide Erfahrung mit relationalen Datenbanken und Datenmodellen mit.", True),
    ("Du arbeitest an logischen Datenmodellen für das Reporting im Vertrieb.", True),
    ("Die Pflege des zentralen Datenmodells für die Lagerlogistik liegt bei dir.", True),
    # controls: the forms the taxonomy already had keep naming it
    ("Du entwirfst Datenmodelle für unsere Planungsplattform.", True),
    ("Erfahrung in der Datenmodellierung ist ein Plus.", True),
    # controls: a product called a data model stays out, and a plain "Modellen" names nothing
    ("Du berätst zum Common Data Model unserer Kunden.", False),
    ("Du arbeitest mit mathematischen Modellen in der Preisfindung.", False),
])
def test_german_inflections_of_data_model(text: str, found: bool) -> None:
    assert ("Data Modeling" in named(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # class B: "Barrierefreiheit" is the German name of accessibility; it counts where software is the subject
    ("Durchführung von Softwaretests und Beratung zu Barrierefreiheit unserer Webanwendungen.", True),
    ("Du prüfst die Barrierefreiheit der Frontend-Komponenten im Browser.", True),
    ("Du achtest bei Code Reviews auf Barrierefreiheit der Benutzeroberfläche.", True),
    # controls: a building's or an office's accessibility is a benefit, not the practice
    ("Unser Standort bietet Barrierefreiheit und einen Parkplatz direkt vor der Tür.", False),
    ("Wir leben Vielfalt: Barrierefreiheit am Arbeitsplatz ist für uns selbstverständlich.", False),
    ("Barrierefreie Büros mit Aufzug und höhenverstellbaren Tischen.", False),
])
def test_german_barrierefreiheit(text: str, found: bool) -> None:
    assert ("Accessibility" in named_in_posting(text)) is found


@pytest.mark.parametrize(("text", "skill", "found"), [
    # class E: a word one letter from a form that counts only in its context is no misspelt name; German
    # "funktional" beside two skills on one line is not "functional" (Functional Programming) misspelt
    ("Du planst Softwaretests (funktional und nicht-funktional) mit Selenium und Jira.",
     "Functional Programming", False),
    ("Qualitätssicherung (funktional), Python, Docker und Jenkins im Alltag.",
     "Functional Programming", False),
    # controls: a misspelt plain name in a list is still read, also one whose form counts in a list, and
    # the written form still counts
    ("Stack: PHP, Laravel, Kuberntes, Java", "Kubernetes", True),
    ("Werkzeuge: Python, Jnekins, Docker", "Jenkins", True),
    ("Du arbeitest mit Scala und setzt funktionale Programmierung ein.", "Functional Programming", True),
    ("Experience with functional and object-oriented programming in Kotlin.", "Functional Programming", True),
])
def test_a_ruled_form_is_not_guessed_from_a_misspelling(text: str, skill: str, found: bool) -> None:
    assert (skill in named(text)) is found


def test_a_form_with_case_rules_glued_in_a_list_still_counts() -> None:
    # control: a form whose only rule is its case, written without its space in a list, is still read
    assert "Azure Key Vault" in named("- Hands-on with Azure services (AKS, Redis, Keyvault, Event Grid).")
