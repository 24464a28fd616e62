"""Skills classes from the twenty-seventh round's misses (issue 9, real-fresh-v21; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the reporting/integration services written with the vendor's name are SSIS, not the database engine
    ("Bonus: reports built in Microsoft SQL Server Reporting Services.", "SSIS", True),
    ("Bonus: reports built in Microsoft SQL Server Reporting Services.", "SQL Server", False),
    ("Loads run as Microsoft SQL Server Integration Services packages (2016 or later).", "SQL Server", False),
    ("Cubes in MS SQL Server Analysis Services feed the finance team.", "SQL Server", False),
    ("Our data lives in Microsoft SQL Server and Postgres.", "SQL Server", True),
])
def test_sql_server_services_with_the_vendor_name(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a lower-case athena among AWS services is the service; a Greek goddess stays out. (SPARK in capitals in
    # a list was tried and not kept: an award "SPARK AI ..." reads as a list of two names)
    ("Tooling on AWS: Kinesis, athena, glue and S3 buckets", "Amazon Athena", True),
    ("The statue of athena stands in the lobby.", "Amazon Athena", False),
])
def test_athena_in_lower_case_among_aws_services(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the practices written as what happens to the code: continuously deployed / integrated / delivered is
    # CI/CD, automatically tested is test automation; other things improved continuously are neither
    ("Each service is continuously deployed once it is automatically tested.", "CI/CD", True),
    ("Each service is continuously deployed once it is automatically tested.", "Test Automation", True),
    ("Every branch is continuously integrated against the main line.", "CI/CD", True),
    ("The shop's catalogue is continuously improved by the merchandising team.", "CI/CD", False),
    ("Parts are tested by hand before shipping.", "Test Automation", False),
])
def test_practices_written_as_participles(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "<name>-like" compares a product with a tool ("a Grafana-like dashboard for pipelines"): not the tool
    ("We build a Grafana-like dashboard that tracks every pipeline.", "Grafana", False),
    ("Prototype a React-like rendering layer for kiosks.", "React", False),
    # a way of working, a family of systems or a language written so is still asked for
    ("Teams ship in an agile-like way every fortnight.", "Agile", True),
    ("Comfortable on Linux and other UNIX-like systems.", "Unix", True),
    ("Our stack: Grafana, Prometheus and Go.", "Grafana", True),
])
def test_a_name_compared_with_like_is_not_the_skill(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # subjects of courses taken are fields of study, as "a degree in statistics"; statistics used is a skill
    ("Ideal applicants took university courses on statistics, optics and databases.", "Statistics", False),
    ("Relevant coursework in statistics, econometrics or physics.", "Statistics", False),
    ("You apply statistics, forecasting and Python to pricing questions.", "Statistics", True),
    # ... and the plural of a form already listed is the same skill
    ("Coursework in statistics; you run statistical analyses on claims data.", "Statistics", True),
])
def test_subjects_of_courses_are_fields_of_study(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
