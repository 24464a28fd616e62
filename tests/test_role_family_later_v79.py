"""Role-family rules from the first role-family batch's misses (real-later-v79, h18role). Invented titles of
the same shape as the misses: a test-automation or a Salesforce developer title holding a word of the
not-software rule (a "Quality Engineer", a Salesforce "Sales Cloud"), and data titles the data rule missed."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("title", "family"), [
    # test automation writes code (role_families.yaml: "QA/test automation ... software_engineering"), even
    # when the title also says "Quality Engineer", which the not-software rule tries first
    ("Quality Engineer - Test Automation (f/m/x)", SE),
    ("Quality Engineer mit Fokus Testautomatisierung (m/w/d)", SE),
    ("Senior Quality Engineer, QA Automation", SE),
    # a Salesforce developer, whatever Salesforce product the title names ("Sales Cloud", "Marketing Cloud")
    ("Salesforce Marketing Cloud Developer", SE),
    ("Salesforce Sales Cloud Developer (Remote)", SE),
    ("Desenvolvedora Salesforce - Sales Cloud - Pleno", SE),
    ("Salesforce-Entwickler Service Cloud (m/w/d)", SE),
    # data roles in words the data rule did not have
    ("Artificial Intelligence Engineer - Voice Bots", DATA),
    ("Data Management Analyst II", DATA),
    ("Clinical Data Management Lead", DATA),
    ("Data Migration Consultant SAP S/4", DATA),
])
def test_v79_titles(title: str, family: str) -> None:
    assert classify_role_family(title) == family


@pytest.mark.parametrize(("title", "family"), [
    # unchanged: a quality engineer or a tester without test automation, sales roles, a manual QA title
    ("Quality Engineer (m/w/d) Automobilzulieferer", OTHER),
    ("Salesforce Account Executive", OTHER),
    ("Sales Manager Test Automation Tools", OTHER),
    ("Vertriebsingenieur Software (m/w/d)", OTHER),
    ("Manual QA Tester", OTHER),
    ("Artificial Intelligence Trainer (Freelance)", OTHER),
    ("Data Entry Clerk", OTHER),
    ("Salesforce Developer", SE),
    ("Test Automation Engineer Sr", SE),
])
def test_v79_neighbours_unchanged(title: str, family: str) -> None:
    assert classify_role_family(title) == family


@pytest.mark.parametrize(("title", "family"), [
    # the brief's German shapes (issue 9): an AI compound ending in -ingenieur is an AI engineer (data, as
    # "AI Engineer"); a title naming no role but three or more programming technologies is a developer's
    ("KI-Prozessingenieur (m/w/d)", DATA),
    ("KI-Integrations-Ingenieurin (w/m/d)", DATA),
    ("Berufseinsteiger Informatik Kotlin / Spring Boot / Angular (m/w/d)", SE),
    ("Werkstudent Python/Django/Vue (m/w/d)", SE),
])
def test_german_ai_compounds_and_technology_lists(title: str, family: str) -> None:
    assert classify_role_family(title) == family


@pytest.mark.parametrize(("title", "family"), [
    ("Vertrieb Java / Python / React Schulungen", OTHER),  # a not-software word is still tried first
    ("Kaffee Java (m/w/d)", OTHER),  # one technology word is no list
    ("Ingenieur (m/w/d)", OTHER),  # a bare engineer is still left to the text
])
def test_german_neighbours(title: str, family: str) -> None:
    assert classify_role_family(title) == family
