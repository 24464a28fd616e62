"""Role-family rule from the German role family batch's misses (real-later-v104, h23rolede).

Invented titles of the same shapes as the misses. The labelling rules make cloud engineers and cloud
architects software ("DevOps, SRE, platform, infrastructure and cloud engineers"; "software, solutions, IT
and cloud architects"), and the software rule names "Cloud Engineer", "Cloud Architect" and "Cloud
Developer"; but a title naming cloud work under another word ("Cloud Designer & Administrator", "Cloud
Expert", a graduate programme in cloud computing) matched no rule and no open word, so it was other by the
fall-through, whatever its text said. "Cloud" is now an open word (``ambiguous`` in
``etl/data/role_families.yaml``): such a title is left to the text, as "Engineer" or "Architect" is, where
no rule above claims it. A title naming a manager ("Cloud Partnerships Manager", "Manager SAP Public Cloud")
is not opened: managers other than engineering managers (which a software rule claims first) are other by
the labelling rules, and their texts name the cloud products they sell or run."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"

# a cloud text whose tool words read software
CLOUD = ("Du planst und betreibst Umgebungen auf AWS, Azure und GCP, automatisierst mit Terraform und "
         "Kubernetes und setzt CI/CD-Pipelines nach DevOps-Prinzipien auf.")
# a text naming no software cue (office and customer work)
PLAIN = ("Du betreust unsere Kundinnen und Kunden, organisierst Termine und bereitest Präsentationen in "
         "MS Office vor.")


@pytest.mark.parametrize(("title", "text", "family"), [
    # cloud work under a role word no rule names: the text decides (software here)
    ("Associate Cloud Designer & Operator (m/w/d)", CLOUD, SE),
    ("Cloud Expert (all genders)", CLOUD, SE),
    ("Trainee Programm Cloud Computing", CLOUD, SE),
    ("Cloud-Spezialistin (m/w/d)", CLOUD, SE),
])
def test_cloud_titles_go_to_the_text(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # the same titles over a text naming no software work: other, as before
    ("Associate Cloud Designer & Operator (m/w/d)", PLAIN, OTHER),
    ("Trainee Programm Cloud Computing", PLAIN, OTHER),
    # a manager of cloud business: not opened, other whatever the text names
    ("Cloud Alliances Manager", CLOUD, OTHER),
    ("Manager:in für SAP Private Cloud (m/w/d)", CLOUD, OTHER),
    # a rule above claims the title: unchanged
    ("Cloud Sales Executive", CLOUD, OTHER),
    ("Cloud Support Specialist (m/w/d)", CLOUD, OTHER),
    ("Cloud Data Engineer (m/w/d)", CLOUD, DATA),
    ("Junior Cloud Engineer (m/w/d)", PLAIN, SE),
    ("Cloud Solution Architect Azure", PLAIN, SE),
    ("IT-Systemadministrator - Azure Cloud (m/w/d)", CLOUD, OTHER),
    ("Compliance Expertin Public Cloud (m/w/d)", CLOUD, OTHER),
    ("Senior Engineering Manager - Cloud Platform", PLAIN, SE),
    # a title with no cloud word and no rule: the fall-through, as before
    ("Specialist Digital Workplace (m/w/d)", CLOUD, OTHER),
])
def test_neighbours_unchanged(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family
