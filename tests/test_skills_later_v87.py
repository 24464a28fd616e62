"""Skills rules of the later batch real-later-v87 (issue 9: Hacker News skills).

Class A of the batch's misses: Google's managed database service "Cloud SQL" names the cloud (GCP), not SQL
(a labelled Hacker News comment listing "MySQL, Google Cloud SQL" was found with SQL; PostgreSQL,
MySQL and "SQL Server" do not imply SQL). Class B: a lower-case "express" in a poster's list of skills is
Express.js.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skills"), [
    # a stack line listing the managed service beside the engine it runs
    ("Requirements: Django, MySQL, Google Cloud SQL, Redis and deployments to Google Cloud.",
     {"Django", "GCP", "MySQL", "Redis"}),
    # the service alone, in running text and in a bracketed list of a cloud's services
    ("Our orders live in Google Cloud SQL; reports are built in BigQuery.", {"BigQuery", "GCP"}),
    ("You will run PostgreSQL on Cloud SQL and keep its replicas healthy.", {"GCP", "PostgreSQL"}),
    ("Platforms: AWS (RDS, Aurora) and GCP (Cloud SQL, Spanner).",
     {"AWS", "Amazon Aurora", "Amazon RDS", "GCP", "Google Cloud Spanner"}),
    # the language written beside the service still counts
    ("You will write SQL queries against our Cloud SQL replicas.", {"GCP", "SQL"}),
])
def test_cloud_sql_names_the_cloud_not_sql(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: SQL written as the language still counts, beside the service too
    ("Strong SQL skills and experience with Cloud Spanner.", {"GCP", "Google Cloud Spanner", "SQL"}),
    ("We use SQL and Python every day on Google Cloud.", {"GCP", "Python", "SQL"}),
])
def test_controls_do_not_move(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


def test_lower_case_cloud_sql_names_no_cloud() -> None:
    # a lower-case "cloud SQL" is no product name: no GCP (the longer form still covers the words, so SQL is
    # not read there either; no record of the export writes it in lower case)
    assert named_in_posting("Experience with cloud SQL databases and Python.") == {"Python"}


@pytest.mark.parametrize(("text", "skills"), [
    # class B: a lower-case "express" in a poster's lower-case list of other skills is the framework, as "go",
    # "ruby", "react" and "elixir" are read in such lists (real-later-v87: "express/<db>/<tool> on the back")
    ("Our backend runs express/postgres/redis and the web app is react/redux.",
     {"Express.js", "PostgreSQL", "React", "Redis", "Redux"}),
    ("We use: Vue, express, mongodb, and lots of shell scripts.",
     {"Bash", "Express.js", "MongoDB", "Vue.js"}),
])
def test_lower_case_express_in_a_list_is_the_framework(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: the verb, and "express" beside words that are no skills
    ("Communicate clearly and concisely, express ideas well; we write Python.", {"Python"}),
    ("Please express your interest by email; our stack is Django and React.", {"Django", "React"}),
    ("Ship with express delivery, logistics and Python.", {"Python"}),
])
def test_the_verb_express_names_no_framework(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills
