"""German skills classes from the thirty-fifth round's misses (issue 9, real-fresh-v29; invented wording)."""

from __future__ import annotations

import pytest

from etl.normalize.skills import extract_skills


def _named(text: str) -> set[str]:
    return set(extract_skills(text)[0])


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
