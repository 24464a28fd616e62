"""Skills classes of the later batch real-later-v8 (issue 9: Arbeitnow, LinkedIn, France Travail).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a German compound with its back part left out ("Integrations- sowie Unit-Tests" = Integrationstests and
    # Unit-Tests): the first word takes the last word's back part
    ("Wir erwarten Integrations- sowie Unit-Tests zu jedem Feature.", "Integration Testing", True),
    ("Wir erwarten Integrations- sowie Unit-Tests zu jedem Feature.", "Unit Testing", True),
    ("Du schreibst Integrations- und Lasttests für <produkt>.", "Integration Testing", True),
    ("Erfahrung mit Integrations-, Last- und Unit-Tests", "Integration Testing", True),
    ("Kenntnisse in Daten- und Prozessmodellierung", "Data Modeling", True),
    # the back part must make a whole form with the front part; a hyphenated word alone is no compound
    ("Sicherstellung durch Integrations- und Abnahmeprozesse.", "Integration Testing", False),
    ("Wir bieten Fahrrad- und Autoleasing.", "Integration Testing", False),
    ("Der Integrations-Test-Plan liegt bei <team>.", "Unit Testing", False),
])
def test_a_german_compound_with_its_back_part_left_out(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the singular of a listed plural form
    ("You own the threat model of <product>.", "Threat Modeling", True),
    # an analysis of vulnerabilities is their assessment
    ("You perform security vulnerability analysis of customer platforms.", "Vulnerability Management", True),
    ("Security staff run vulnerability analyses each quarter.", "Vulnerability Management", True),
    # a structure's or a region's vulnerability to natural hazards is none
    ("Catastrophe modelling and vulnerability analysis of buildings.", "Vulnerability Management", False),
    # an entity-relationship model is a data model
    ("Du entwirfst ER-Modelle für neue Module.", "Data Modeling", True),
    ("You draw ER diagrams for new features.", "Data Modeling", True),
    ("Design entity-relationship models for <product>.", "Data Modeling", True),
    # the emergency room is none
    ("Nurses rotate through the ER during night shifts.", "Data Modeling", False),
])
def test_v8_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # PCI written alone among compliance frameworks is the card-industry standard
    ("Audits under PCI, SOC 2 and HIPAA are part of the job.", True),
    ("Experience with SOX and PCI audits.", True),
    ("Keep our platform PCI compliant.", True),
    # the hardware bus is none
    ("Drivers for PCI and USB devices.", False),
    ("Experience with PCIe and PCI Express boards; HIPAA training provided.", False),
])
def test_pci_alone_among_compliance_frameworks(text: str, named: bool) -> None:
    assert ("PCI DSS" in _named(text)) is named
