"""Skills rules of the later batch real-later-v119 (issue 9: Glassdoor and LinkedIn sample skills).

Fix 1, a name the taxonomy lacked: "Microsoft SQL" alone (a data scientist's "Extensive experience with
Microsoft SQL, MySQL and MongoDB") is SQL Server, as "MS SQL" and "Microsoft SQL Server" already were; the
brief's rule for a recall miss where the taxonomy lacks an alias. "SQL" alone and "Microsoft Office" keep
their reading.

Fix 2, Spark written in capitals in a list of tools: "Big Data technologies (SPARK, HDFS, HBase, ...)" and
"SQL, Redshift, Python , SPARK and ..." (two labelled records of two employers) name Apache Spark. The form is
case-sensitive against the English verb ("spark joy") and lower case was accepted in a list already; upper
case joins it in a list only, so an award or a footer word in capitals ("the SPARK Innovation Award",
"mention the word SPARK") stays no skill; a name "Spark AI ..." (an award, a summit: the AI beside it would
make a list of two names) is rejected as a whole.

Fix 3, quality assurance of a laboratory or a plant: "QA" joined to "QC" or "QI" ("all QC, QA, safety and
compliance indicators", "QA and QI projects", "QA/QC for project teammates") is the quality-management pair of
a lab, a plant or a data check (three labelled records of three employers), not software QA. Software QA named
otherwise, "QA automation" and "QA engineer", keep their reading.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skills"), [
    ("Hands-on experience with Microsoft SQL, PostgreSQL and Redis.", {"SQL Server", "PostgreSQL", "Redis"}),
    ("Strong knowledge of Microsoft SQL is required.", {"SQL Server"}),
    ("You write reports against Microsoft SQL databases.", {"SQL Server"}),
])
def test_microsoft_sql_is_sql_server(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: the longer name, SQL itself, the office suite
    ("Experience with Microsoft SQL Server and T-SQL.", {"SQL Server", "T-SQL"}),
    ("Fluent in SQL and Python.", {"SQL", "Python"}),
    ("Proficient in Microsoft Office and Outlook.", set()),
])
def test_sql_names_otherwise_stay(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    ("Experience with data tools (SPARK, Kafka, HBase) is required.", {"Spark", "Kafka", "HBase"}),
    ("Hands-on with Snowflake, Python , SPARK and Airflow.", {"Snowflake", "Python", "Spark", "Airflow"}),
    ("Deep knowledge of Hadoop tools (Hive, SPARK, Oozie).", {"Hadoop", "Hive", "Spark", "Oozie"}),
])
def test_spark_in_capitals_in_a_list(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: capitals outside a list, the verb, the tool in its usual spellings
    ("Our team won the SPARK Innovation Award in 2024.", set()),
    ("Please mention the word SPARK when you apply.", set()),
    ("Ideas that spark joy and curiosity.", set()),
    ("Build pipelines in Spark and Scala.", {"Spark", "Scala"}),
    ("Tools: python, spark, airflow.", {"Python", "Spark", "Airflow"}),
])
def test_spark_otherwise_stays(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize("text", [
    # a name "Spark AI ...": an award or a summit beside the AI it names, no list of tools
    "Recognised with the SPARK AI Excellence Prize for our logistics platform.",
    "Our engineers spoke at the Spark AI Summit last year.",
])
def test_spark_ai_names_are_no_spark(text: str) -> None:
    assert "Spark" not in named_in_posting(text)


@pytest.mark.parametrize(("text", "skills"), [
    # QA joined to QC or QI: the quality-management pair of a lab, a plant or a data check
    ("Monitor all QC, QA, safety and compliance indicators of the blood bank.", set()),
    ("Support the QA and QI projects of the pharmacy ward.", set()),
    ("Provide QA/QC for survey teammates on sample accuracy.", set()),
    ("Keep the QC/QA binders of the bottling line up to date.", set()),
    ("Perform QA & QC checks on poured concrete.", set()),
])
def test_qa_beside_qc_or_qi_is_no_software_qa(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: software QA named otherwise
    ("Experience in QA automation with Selenium.", {"Quality Assurance", "Test Automation", "Selenium"}),
    ("You will do manual QA of our mobile app before each release.", {"Quality Assurance"}),
    ("Strong QA skills for web applications.", {"Quality Assurance"}),
    ("Background in QA, test planning and bug tracking.", {"Quality Assurance"}),
])
def test_software_qa_stays(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills
