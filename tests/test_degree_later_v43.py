"""German degree wordings from the later batch real-later-v43 (h16r148; every text invented)."""

from __future__ import annotations

import pytest

from etl.normalize.experience import parse_degree


# Class A: a bare study with a bracketed example of its field ("Studium (z. B. <field>) oder vergleichbare
# Qualifikation") asks a degree (real-later-v33's open question 5, ruled to be coded once a degree-labelled
# record showed it). A training named before the study in the same list item - after a comma, "oder" or
# "bzw." - is a route, so the study is one way in, not the bar.
@pytest.mark.parametrize(("text", "degree"), [
    ("Ihr Profil:\nStudium (z. B. (Wirtschafts-)Keramik/BWL) oder vergleichbare Qualifikation\n"
     "Erfahrung mit <tool>", "bachelor"),
    ("Was du mitbringst: Studium (zum Beispiel Glastechnik, Physik) und erste Erfahrung", "bachelor"),
    ("Studium (bspw. Werkstoffkunde) oder eine vergleichbare Qualifikation", "bachelor"),
    # controls: a training named first in the list item; enrolment; a study that is not needed
    ("Ausbildung/Studium: <field>-orientierte Ausbildung, (z. B. Glasapparatebauer (m/w/d), oder "
     "Studium (z. B. Keramik, Glastechnik o. Ä.)", None),
    ("Abgeschlossene kaufmännische Ausbildung, Ausbildung im Vertriebsumfeld, "
     "Studium (z. B. Keramik, Medien)", None),
    ("Eine Ausbildung als Glasbläser bzw. Studium (z. B. Glastechnik)", None),
    ("Laufendes Studium (z. B. Keramik, Design oder vergleichbar)", None),
    ("Ein Studium (z. B. Keramik) ist nicht nötig", None),
])
def test_later_v43_study_with_a_bracketed_field_example(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class B: adjectives joined by a slash before the study ("erfolgreich abgeschlossenes technisches/
# naturwissenschaftliches Studium") are one completed study, as with a space or a hyphen between them.
@pytest.mark.parametrize(("text", "degree"), [
    ("Wir freuen uns auf dein erfolgreich abgeschlossenes technisches/ naturwissenschaftliches Studium",
     "bachelor"),
    ("Abgeschlossenes keramisches/glastechnisches Studium", "bachelor"),
    # controls: a training and a study joined by the slash stay two routes; a heading before a degree alone
    ("Abgeschlossene Ausbildung/Studium im Bereich Keramik", None),
    ("Abgeschlossene Ausbildung / Studium der Glastechnik", None),
    ("Abgeschlossene technische/ kaufmännische Ausbildung", None),
])
def test_later_v43_slash_between_adjectives_before_the_study(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class C: a possessive before the training ("... oder Ihre Ausbildung mit <field> Hintergrund erfolgreich
# abgeschlossen", "... oder deine Ausbildung als <trade>") names a training route in the degree's place, as
# "oder eine Ausbildung" does.
@pytest.mark.parametrize(("text", "degree"), [
    ("Sie haben Ihr Studium der Keramik, ein vergleichbares Studium oder Ihre Ausbildung mit glastechnischem "
     "Hintergrund erfolgreich abgeschlossen.", None),
    ("Du hast dein Studium der Werkstoffkunde oder deine Ausbildung als Glasbläser abgeschlossen", None),
    # controls: "oder eine vergleichbare Ausbildung" stays "or equivalent"; a study alone
    ("Sie haben Ihr Studium der Keramik oder eine vergleichbare Ausbildung erfolgreich abgeschlossen.",
     "bachelor"),
    ("Sie haben Ihr Studium der Keramik erfolgreich abgeschlossen und Ihre Ausbildung zum Ersthelfer "
     "aufgefrischt.", "bachelor"),
])
def test_later_v43_possessive_before_the_training(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class E: "Du hast / Sie haben ein <adjective> Studium" with no completion word and no field after it asks
# a study, as "Du hast ein Studium mit IT-Bezug" (real-later-v33 ruling 2) and "Du hast ein Studium der
# <field>" do.
@pytest.mark.parametrize(("text", "degree"), [
    ("Dein Profil: Du hast ein technisches Studium oder eine vergleichbare Qualifikation mit Erfahrung in "
     "<area>.", "bachelor"),
    ("Sie haben ein naturwissenschaftliches Studium und Freude an <area>", "bachelor"),
    # controls: enrolment; knowledge that may come from a study among other ways; a training instead
    ("Du hast ein laufendes technisches Studium und suchst eine Werkstudentenstelle", None),
    ("Fundiertes Wissen durch ein technisches Studium oder durch eine technische Ausbildung", None),
    ("Du hast ein technisches Studium oder eine Ausbildung als Glasbläser", None),
])
def test_later_v43_you_have_an_adjective_study(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree
