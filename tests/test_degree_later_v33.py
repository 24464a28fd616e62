"""German degree wordings from the later batch real-later-v33 (h15r138; every text invented)."""

from __future__ import annotations

import pytest

from etl.normalize.experience import parse_degree


# Class A: a study named with its field right after it, no article ("Studium <field>", "Studium <a-, b- oder
# c-wirtschaft>"): a degree asked (or preferred: "von Vorteil" is the rule's "prefers"). A bracketed example
# after the word ("Studium (z. B. <field>)") is not read: in a comma list after a training it is one route.
@pytest.mark.parametrize(("text", "degree"), [
    ("Von Vorteil, aber kein Muss:\nStudium Keramik-, Glas- oder Betriebswirtschaft\nErfahrung in <area>",
     "bachelor"),
    ("Ihr Profil:\nStudium Wirtschaftsinformatik oder vergleichbare Qualifikation", "bachelor"),
    # controls: a training beside it, enrolment, a study that is not needed, no field after the word
    ("Ausbildung oder Studium Wirtschaftsinformatik", None),
    ("Studium (z. B. Informatik) oder eine Ausbildung als Fachinformatiker", None),
    ("Du bist im Studium Wirtschaftsinformatik eingeschrieben", None),
    ("Studium abgeschlossen? Egal - wir suchen Menschen mit Leidenschaft", None),
    ("Ein Informatik- oder Ingenieurstudium ist nicht nötig", None),
])
def test_later_v33_studium_with_its_field_bare(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class B: "Aktuelles / derzeitiges Studium im Bereich <field>" (a working student's ask) is enrolment, as
# "im aktuellen Studium" and "laufendes Studium" are.
@pytest.mark.parametrize(("text", "degree"), [
    ("Qualifikation:\nAktuelles Studium im Bereich Werkstoffkunde, BWL oder einem verwandten Fachgebiet",
     None),
    ("Derzeitiges Studium der Keramiktechnik", None),
    ("Aktuelles Hochschulstudium der Glastechnik", None),
    # control: a completed study with an unrelated "aktuell" in the line
    ("Abgeschlossenes Studium der Informatik; aktuelle Kenntnisse in <tool>", "bachelor"),
])
def test_later_v33_aktuelles_studium_is_enrolment(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class C: a training and a study joined by a slash ("Abgeschlossene Ausbildung / Studium im Bereich
# <field>", "IT-Studium/Ausbildung") are two accepted routes, as "Ausbildung oder Studium".
@pytest.mark.parametrize(("text", "degree"), [
    ("Dein Profil: Abgeschlossene Ausbildung / Studium im Bereich Nachrichtentechnik", None),
    ("Abgeschlossene Ausbildung/Studium der Informatik", None),
    ("Abgeschlossenes IT-Studium/Ausbildung oder vergleichbare Praxis", None),
    # controls: a heading "Ausbildung/Studium:" before a degree alone; a study without the slash
    ("Ausbildung/Studium: Abgeschlossenes Studium der Informatik", "bachelor"),
    ("Abgeschlossenes Studium im Bereich Nachrichtentechnik", "bachelor"),
])
def test_later_v33_training_slash_study(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree


# Class D: "ein Studium mit <field>-Bezug / <field>-Schwerpunkt / <adjective> Ausrichtung" asks a study, as
# "Studium mit Schwerpunkt <field>" does.
@pytest.mark.parametrize(("text", "degree"), [
    ("Hier ist unsere Wunschliste: Du hast ein Studium mit IT-Bezug und sprichst sicher Deutsch", "bachelor"),
    ("Ein Studium mit technischem Schwerpunkt", "bachelor"),
    ("Studium mit wirtschaftlicher oder technischer Ausrichtung", "bachelor"),
    # controls: a training in its place; a study's end with a unrelated "mit"
    ("Eine abgeschlossene Ausbildung oder ein Studium mit IT-Schwerpunkt", None),
    ("Nach dem Studium mit Freude an <area> durchstarten", None),
])
def test_later_v33_studium_mit_bezug(text: str, degree: str | None) -> None:
    assert parse_degree(text) == degree

