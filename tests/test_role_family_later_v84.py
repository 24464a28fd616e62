"""Role-family rule from the German, Portuguese and French role-family batch's misses (real-later-v84,
h20role). Invented titles of the same shape as the miss: a title naming ABAP, SAP's programming language,
under a word the rules leave to the text ("Consultant") or under no role word at all. The labelling rules
name SAP ABAP developers and technical consultants whose work is development software_engineering: ABAP
in a title names that work, in any language, whatever the text says. Tried where "ABAP Developer" already
was (the software rule, after the not-software and data rules), so a data-migration title keeps its data
reading."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"
# a text with no software cue: the title alone must decide
PLAIN = "Sie beraten unsere Kunden in Projekten und stimmen sich mit den Fachbereichen ab."


@pytest.mark.parametrize("title", [
    "ABAP Consultant (m/w/d) S/4HANA",
    "Senior SAP ABAP Consultant - Retail (all genders)",
    "SAP ABAP Berater (w/m/d) bundesweit",
    "SAP ABAP-Entwicklung im Handel (m/w/d)",
    "SAP ABAP + Fiori + CDS Views",
    "Consultor ABAP SAP Pleno",
    "Consultant technique ABAP (H/F)",
])
def test_abap_titles_are_software(title: str) -> None:
    assert classify_role_family(title, PLAIN) == SE


@pytest.mark.parametrize(("title", "family"), [
    # unchanged: functional SAP consultants without ABAP, a data-migration title naming ABAP (the data rule is
    # tried first), a sales title naming ABAP (the not-software rule is tried first), ABAP developers
    ("SAP FI/CO Consultant (m/w/d)", OTHER),
    ("SAP HCM Berater (m/w/d) Payroll", OTHER),
    ("Senior Consultant SAP SD S/4HANA Sales", OTHER),
    ("Salesforce Consultant", OTHER),
    ("SAP Data Migration Consultant (ABAP)", DATA),
    ("Sales Manager SAP ABAP Services", OTHER),
    ("ABAP Developer (w/m/d)", SE),
    ("Softwareentwickler SAP ABAP (m/w/d)", SE),
])
def test_abap_neighbours_unchanged(title: str, family: str) -> None:
    assert classify_role_family(title, PLAIN) == family
