"""The lead's ruling 2 on later batch real-later-v30 (coded in later batch real-later-v34): a requirement to
work in the office (on site, in person) full time -> onsite, per language ("Ability to work in-office full
time" among a posting's qualifications: tune LinkedIn #70, relabelled onsite), also late in a long text; not
an office beside home or remote work, nor a full-time office period before another arrangement, nor a negated
one. Invented wording."""
from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

ON = "onsite"
FILLER = "We build maps for city planners and their teams. " * 45


@pytest.mark.parametrize(("text", "mode"), [
    (FILLER + "Qualifications: strong work ethic; organized. Ability to work in-office full time.", ON),
    ("We map towns. Willingness to work on-site full-time at our <city> plant.", ON),
    ("We map towns. Candidates must be available to work full time in the office.", ON),
    ("We map towns. Requirements:\n- Able to work in person, full time, at our clinic", ON),
    # controls
])
def test_full_time_office_requirement_en(text: str, mode: str | None) -> None:
    assert classify_remote(None, "Map Clerk", text) == mode


@pytest.mark.parametrize("text", [
    FILLER + "Ability to work in-office full time for the first month, then from home.",
    "We map towns. Ability to work in-office full time or remotely.",
    "We map towns. You are not required to work in-office full time.",
    "We map towns. Ability to work full time; the office is in <city>.",
    "Wir kartieren Städte. Vollzeit im Büro oder im Homeoffice, du entscheidest.",
    "Wir kartieren Städte. Vollzeit, Teilzeit möglich.",
    "Nous cartographions des villes. Poste à temps plein, télétravail possible deux jours par semaine.",
])
def test_full_time_office_controls_are_not_onsite(text: str) -> None:
    assert classify_remote(None, "Map Clerk", text) != ON


@pytest.mark.parametrize(("text", "mode"), [
    ("Wir kartieren Städte. Du arbeitest in Vollzeit im Büro in unserem Team.", ON),
    ("Wir kartieren Städte. Die Stelle ist ganztags vor Ort zu besetzen.", ON),
    ("Nous cartographions des villes. Poste à temps plein en présentiel.", ON),
    ("Nous cartographions des villes. Travail sur site à temps plein.", ON),
])
def test_full_time_office_requirement_de_fr(text: str, mode: str | None) -> None:
    assert classify_remote(None, "Kartograf", text) == mode
