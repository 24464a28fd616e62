"""Role-family rule from the German role family batch's misses (real-later-v100, h22rolede).

Invented titles of the same shapes as the misses. The labelling rules make project managers and system
administrators other ("product, project and program managers"; "system and server administrators"), but no
rule named them: they were other only by the fall-through, so a title that also held an open word
("Consultant", "Engineer", "Architect") was left to the text, whose tool words read software ("Consultant -
Data & AI Project Management" over a text naming Azure DevOps and Power BI), and a spaced-slash title naming
a system administrator and a DevOps role did not vote (the vote needs a rule to match every part:
real-later-v98's ruling 4 waited for a labelled record of this shape). A last rule (``other_role`` in
``etl/data/role_families.yaml`` and ``role_families/de.yaml``), tried after every software and data rule,
now names them: a title naming a project manager or a system administrator that no rule above claims is
other, and such a part votes other in a spaced-slash title. A title whose software or data words a rule
above matches keeps that family ("Data Science Project Manager" stays data, "Linux Administrator (DevOps)"
stays software)."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"

# a text whose tool words read software under an open title
TOOLS = ("Du steuerst Projekte rund um Azure, Kubernetes und Docker, arbeitest mit Jira und Azure DevOps "
         "und berichtest mit Power BI an die Kunden; Erfahrung mit APIs und Python ist ein Plus.")


@pytest.mark.parametrize(("title", "text", "family"), [
    # a project manager or project-management consultant under an open word: other, whatever the text's tools
    ("Consultant (m/w/d) - Cloud & AI Project Management", TOOLS, OTHER),
    ("Senior Consultant Projektmanagement Digitalisierung (w/m/d)", TOOLS, OTHER),
    ("(Junior) Consultant / Projektmanagerin (m/w/d) - Versicherungen", TOOLS, OTHER),
    ("Projektleiter IT-Infrastruktur / Engineer (m/w/d)", TOOLS, OTHER),
    ("Project Manager Automation (m/w/d)", TOOLS, OTHER),
    # a system administrator and a DevOps role joined by a spaced slash: a tie, the first-named role's family
    ("IT-Systemadministrator / DevOps (m/w/d)", TOOLS, OTHER),
    ("Systems Administrator / DevOps Engineer", TOOLS, OTHER),
    # a system administrator under an open word
    ("Systemadministratorin Security (m/w/d)", TOOLS, OTHER),
])
def test_project_managers_and_administrators_are_other(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # the administrator named second: the first-named role decides the tie
    ("DevOps Engineer / Systemadministrator (m/w/d)", TOOLS, SE),
    # a software or data rule above claims the title: unchanged
    ("Data Science Project Manager", "", DATA),
    ("Projektmanager Data Analytics (m/w/d)", "", DATA),
    ("Linux Systemadministrator mit DevOps-Schwerpunkt (m/w/d)", "", SE),
    ("Softwareentwickler und Projektleiter (m/w/d)", "", SE),
    ("Database Administrator (m/w/d)", "", DATA),
    # already other by the fall-through: unchanged
    ("IT-Projektmanager (m/w/d)", TOOLS, OTHER),
    ("Systemadministrator 2nd Level (m/w/d)", TOOLS, OTHER),
    # an open title naming neither: still the text's
    ("Junior Consultant (m/w/d)", TOOLS, SE),
    ("IT Architect (all genders)", TOOLS, SE),
])
def test_neighbours_unchanged(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


# An IT architect is software by the labelling rules ("software, solutions, IT and cloud architects"), but
# only "solutions", "software", "cloud" and a few others stood before "architect" in the software rule: "IT"
# with up to two words between ("Cloud IT Security Architect", "Enterprise IT Architect") or the German
# "IT-Architekt" was left to the text, whose German or security words read other (real-later-v100, h22rolede).
GERMAN_SECURITY = ("Sie begleiten Projekte als Architekt mit Schwerpunkt Informationssicherheit, bewerten "
                   "Risiken und erstellen Sicherheitskonzepte im Einklang mit den Vorgaben.")


@pytest.mark.parametrize(("title", "text", "family"), [
    ("Hybrid IT Security Architect (m/w/d)", GERMAN_SECURITY, SE),
    ("Enterprise IT Architect (all genders)", GERMAN_SECURITY, SE),
    ("Senior IT-Architekt Logistiksysteme (w/m/d)", GERMAN_SECURITY, SE),
    ("IT Architektin (m/w/d)", GERMAN_SECURITY, SE),
])
def test_it_architects_are_software(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # a not-software or data word a rule above names keeps its family
    ("IT Solution Architect Presales (m/w/d)", GERMAN_SECURITY, OTHER),
    ("IT Data Architect (m/w/d)", GERMAN_SECURITY, DATA),
    # an architect without "IT": still the text's ("Architekt" alone is a building architect too)
    ("Architekt (m/w/d) Hochbau", GERMAN_SECURITY, OTHER),
    ("Security Architect (m/w/d)", GERMAN_SECURITY, OTHER),
    # "IT" far from the architect word: not an IT architect title
    ("IT Consultant and Trainer for Building Architects", GERMAN_SECURITY, OTHER),
])
def test_architect_neighbours_unchanged(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family
