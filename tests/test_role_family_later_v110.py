"""Role-family rule from the German role family batch's misses (real-later-v110, h24rolede).

Invented titles and texts of the same shapes as the misses. The labelling rules read a systems engineer by
what the text says the work is (`real-test-later-v3` ruling 3): one whose text names code, automation or
infrastructure as code is software_engineering, as platform and infrastructure engineers are; one whose text
names none of them is other, as system administrators are. A "System Engineer" title was left to the text's
tie-break, which counts general software words (two needed) and reads none of the automation words, so a
systems engineer automating a virtualisation platform with Ansible, or automating recurring tasks, read other
(`real-later-v98` get in IT #781 and this batch's #439). A systems engineer title that no rule above claims is
now decided by ``software_by_text`` in ``etl/data/role_families.yaml``: software where the text names one of
its code, automation or infrastructure-as-code words; otherwise the text's tie-break, as before (its general
software words, "code", "kubernetes", "api", also name code work). Rules above keep their titles ("Embedded
Systems Engineer" software, "RF Systems Engineer" other, "Data Science Systems Engineer" data, a system
administrator other), and other open titles ("IT Engineer", "Consultant") keep the tie-break."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family, classify_roles_family

SE, DATA, OTHER = "software_engineering", "data", "other"

# operations that name automation as the role's work (German and English), no general software cue
AUTOMATE_DE = ("Du betreibst unsere Virtualisierungs- und Speicherumgebung, planst Erweiterungen und "
               "kümmerst dich um die Automatisierung wiederkehrender Aufgaben im Rechenzentrum.")
ANSIBLE_DE = ("Betrieb und Weiterentwicklung der Serverlandschaft; Patching und Rollouts setzt du mit "
              "Ansible um, die Konfiguration pflegst du nach GitOps-Prinzipien.")
AUTOMATE_EN = ("You run our storage and backup estate, plan capacity and automate routine operations "
               "with Terraform and scripts.")
# operations only: no code, automation or infrastructure as code
OPS_DE = ("Du betreust Server und Speichersysteme im 2nd-Level-Support, bearbeitest Tickets und "
          "dokumentierst Änderungen im Schichtbetrieb.")
OPS_EN = ("You look after servers and storage in second-level support, handle tickets and keep the change "
          "records, in shifts.")
# two general software cues but no automation word: the tie-break alone read this software
LINUX_AZURE = "You administer Linux servers and Azure tenants for our customers and answer their tickets."


@pytest.mark.parametrize(("title", "text", "family"), [
    ("System Engineer Virtualisierung & Storage (m/w/d)", AUTOMATE_DE, SE),
    ("(Junior) IT Systems Engineer (Datacenter) (m/w/d)", ANSIBLE_DE, SE),
    ("Systems Engineer - Backup Platforms", AUTOMATE_EN, SE),
    ("IT-Systemingenieur:in Rechenzentrum (m/w/d)", AUTOMATE_DE, SE),
    ("System-Engineer Hosting (m/w/d)", ANSIBLE_DE, SE),
])
def test_systems_engineer_naming_automation_is_software(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # naming no code, automation or infrastructure as code: other, as system administrators
    ("System Engineer Virtualisierung & Storage (m/w/d)", OPS_DE, OTHER),
    ("Systems Engineer - Backup Platforms", OPS_EN, OTHER),
    ("Maritime Systems Engineer (Logistik) (m/w/d)", OPS_DE, OTHER),
])
def test_systems_engineer_without_automation_is_other(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # a rule above claims the title: unchanged, whatever the text names
    ("Embedded Systems Engineer (m/w/d)", OPS_EN, SE),
    ("RF Systems Engineer", AUTOMATE_EN, OTHER),
    ("Senior Data Science Systems Engineer", OPS_EN, DATA),
    ("Linux Systemadministrator / System Engineer (m/w/d)", AUTOMATE_DE, OTHER),
    ("DevOps Engineer / Systems Engineer", OPS_EN, SE),
    ("Network Engineer (Systems)", AUTOMATE_EN, OTHER),
    # other open titles keep the text's tie-break: automation words alone do not make them software
    ("IT Engineer (m/w/d)", AUTOMATE_DE, OTHER),
    ("IT Consultant Infrastruktur (m/w/d)", AUTOMATE_DE, OTHER),
    ("Automation Engineer Fertigung (m/w/d)", AUTOMATE_DE, OTHER),
    ("IT Engineer (m/w/d)", LINUX_AZURE, SE),
    # a systems engineer without a cue here keeps the tie-break: two general software words read software
    ("Senior Systems Engineer (Cloud Hosting)", LINUX_AZURE, SE),
    # no title: the text's tie-break, as before
    ("", AUTOMATE_EN, OTHER),
])
def test_neighbours_unchanged(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


def test_a_systems_engineer_among_several_roles_casts_no_vote() -> None:
    # a posting naming several roles (a Hacker News comment): its one text is shared by every role, so it
    # cannot say what a systems engineer among them automates; the role casts no vote, as an open "Engineers"
    # does
    # (the other roles' tie goes to the first-named: the product manager's other)
    roles = ["Systems Engineer", "Product Manager", "Site Reliability Engineer"]
    assert classify_roles_family(roles, "", AUTOMATE_EN) == OTHER
