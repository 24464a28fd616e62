"""A data platform spelled the German way ("Data Plattform", "Datenplattform", "Daten-Plattform") is the data
platform the English rule reads (data) (lead's ruling 2 on h26rolede2, a spelling of the existing rule;
`real-later-v132`). Invented wording."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family


@pytest.mark.parametrize("title", [
    "Berater Data Plattform (m/w/d)",
    "Consultant Data Plattform & Analytics",
    "Engineer Datenplattform (w/m/d)",
    "Spezialist Daten-Plattform",
])
def test_a_german_data_plattform_is_data(title: str) -> None:
    assert classify_role_family(title) == "data"


@pytest.mark.parametrize(("title", "family"), [
    ("Data Platform Consultant", "data"),  # the English spelling, as before
    ("Plattformentwickler (m/w/d)", "software_engineering"),  # a platform developer is no data role
])
def test_near_forms_keep_their_family(title: str, family: str) -> None:
    assert classify_role_family(title) == family
