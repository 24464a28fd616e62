"""Skills classes from the fifty-first round's misses (issue 9, real-fresh-v45, German; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named

from etl.sections import demand_text


@pytest.mark.parametrize(("text", "skill", "named"), [
    # German inflections of distributed systems and their components
    ("Du hast das Zusammenspiel verteilter Komponenten im Fahrzeug im Blick.", "Distributed Systems", True),
    ("Erfahrung mit dem Betrieb verteilter Systeme.", "Distributed Systems", True),
    ("Du entwickelst ein verteiltes System für Sensordaten.", "Distributed Systems", True),
    ("You know how distributed components fail.", "Distributed Systems", True),
    ("Die Prospekte werden verteilt an alle Filialen.", "Distributed Systems", False),
    # secure software development named in German and English
    ("Erfahrung mit sicherer Softwareentwicklung und Code-Reviews.", "Application Security", True),
    ("Kenntnisse in sichere Software-Entwicklung (Secure SDLC).", "Application Security", True),
    ("Experience with secure software development practices.", "Application Security", True),
    ("Wir bieten einen sicheren Arbeitsplatz in der Softwareentwicklung.", "Application Security", False),
    # identity management written short (IdM) beside an identity tool, and as a list of its parts
    ("Du bist IDM-Experte mit Erfahrung in Keycloak und OIDC.", "IAM", True),
    ("Betrieb unserer IdM-Lösung samt Berechtigungskonzept.", "IAM", True),
    ("Consultant Identity, Access & Governance Management (w/m/d)", "IAM", True),
    ("Erfahrung im Identity & Access Management.", "IAM", True),
    ("Download tools such as IDM are not allowed on laptops.", "IAM", False),
    # the CI tool written short in a list of CI tools
    ("CI-Tools wie Jenkins, GitHub Actions, Bamboo oder Travis.", "Travis CI", True),
    ("Our founder Travis answers every mail.", "Travis CI", False),
    # "Infrastructure as a Code", a common misspelling of the practice
    ("Du kennst das Infrastructure-as-a-Code-Paradigma und Terraform.", "Infrastructure as Code", True),
    ("Experience with infrastructure as a code.", "Infrastructure as Code", True),
    # the Dynamics NAV language C/AL (and C/SIDE) is no C
    ("Programmierung in C/AL und AL für Business Central.", "C", False),
    ("Entwicklung in C/SIDE und C/AL.", "C", False),
    ("Kenntnisse in C/C++ und Python.", "C", True),
])
def test_fifty_first_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


# A German "why us" heading ("Warum du bei uns richtig bist") opens an employer section, as "Why join us":
# its selling points name no demand.
def test_a_german_why_us_heading_is_boilerplate() -> None:
    text = ("Deine Aufgaben\n- Du pflegst Prozesse in SharePoint.\n\nWarum du bei uns richtig bist\n"
            "- Du arbeitest an Zukunftsthemen rund um KI.\n")
    kept = demand_text(text)
    assert "SharePoint" in kept and "KI" not in kept
    assert "AI" not in _named(kept)
