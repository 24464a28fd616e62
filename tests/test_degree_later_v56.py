"""German degree wordings from the later batch real-later-v56 (h16r161; every text invented)."""

from __future__ import annotations

import pytest

from etl.normalize.experience import parse_degree


# Class A: "alternativ" then a training with four words before it ("alternativ eine abgeschlossene
# kaufmännische/ technische Ausbildung") is a route in the degree's place, as with three words or fewer.
@pytest.mark.parametrize(("text", "degree"), [
    ("Abgeschlossenes Studium der Keramik oder Glastechnik, alternativ eine abgeschlossene handwerkliche/ "
     "technische Ausbildung mit einschlägiger Berufserfahrung", None),
    ("Studium im Bereich <field> abgeschlossen, alternativ eine erfolgreich abgeschlossene kaufmännische "
     "Ausbildung", None),
    # controls: the degree alone; "alternativ" about something else
    ("Abgeschlossenes Studium der Keramik oder Glastechnik mit einschlägiger Berufserfahrung", "bachelor"),
    ("Abgeschlossenes Studium der Keramik, alternativ Erfahrung in der Glasherstellung", "bachelor"),
])
def test_later_v56_alternative_training_after_four_words(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class B: a training named first with an example of its trade ("Ausbildung, z. B. zum <trade> für <area>
# (m/w/d) oder abgeschlossenes Studium") is a route beside the study, as "Ausbildung zum <trade> oder".
@pytest.mark.parametrize(("text", "degree"), [
    ("Ihr Profil: Abgeschlossene technische Ausbildung, z. B. zum Glasapparatebauer für Laborgeräte (m/w/d) "
     "oder abgeschlossenes Studium im Bereich Keramik", None),
    ("Abgeschlossene Ausbildung zum Keramiker für Industrieporzellan (m/w/d) oder ein abgeschlossenes "
     "Studium der Glastechnik", None),
    # controls: the study alone; a training named as an example of the field after the study
    ("Ihr Profil: abgeschlossenes Studium im Bereich Keramik, z. B. Glastechnik oder Werkstoffkunde",
     "bachelor"),
    ("Abgeschlossenes Studium der Keramik und Erfahrung in der Ausbildung zum Glasbläser", "bachelor"),
])
def test_later_v56_training_with_a_trade_example_before_the_study(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree
