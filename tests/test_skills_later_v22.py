"""Skills classes of the later batch real-later-v22 (issue 9: Hacker News skills) and the lead's two
skills rulings of the second wave (real-later-v18 2 and 3) coded here.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named

from etl.extract import demand_text
from etl.normalize.skill_context import pitch_spans
from etl.normalize.skills import extract_skills
from etl.sections import is_boilerplate_heading


@pytest.mark.parametrize("heading", ["About the Internship:", "About this internship", "About this position:",
                                     "About this job", "About this opportunity"])
def test_a_heading_about_the_internship_is_the_job_not_the_employer(heading: str) -> None:
    assert not is_boilerplate_heading(heading.rstrip(":").lower())
    text = (f"<Company> | <city> | Web Intern | On-site\n{heading}\nWe want a student keen on the web.\n"
            "Ideal skills:\nPHP, MySQL, basic HTML and CSS\n")
    kept = demand_text(text)
    assert "PHP, MySQL" in kept


def test_about_the_company_still_opens_the_employer_section() -> None:
    assert is_boilerplate_heading("about the company")
    assert is_boilerplate_heading("about acme")


@pytest.mark.parametrize(("text", "named"), [
    # the plural of an AWS service beside its provider
    ("Our stack:\n- clojure\n- kafka\n- aws lambdas\n", True),
    ("We run on AWS Lambdas and DynamoDB.", True),
    # a language's lambdas (anonymous functions) beside no cloud word stay out
    ("Strong Java 8 (lambdas/streams) and React experience.", False),
    ("Knowledge of Java Streams, Lambdas, Functional Interfaces.", False),
])
def test_aws_lambdas_in_the_plural(text: str, named: bool) -> None:
    assert ("AWS Lambda" in _named(text)) is named


@pytest.mark.parametrize("text", [
    "Acme’s AI-powered products help people write clearly.",
    "Acme's AI-driven platform helps shops plan stock.",
])
def test_the_employers_hyphenated_product_presents_the_employer(text: str) -> None:
    spans = pitch_spans(text, "Acme")
    assert spans
    assert "AI" not in set(extract_skills(text, "", spans)[0])


def test_a_team_named_after_the_employers_product_stays_the_teams() -> None:
    # "the Acme AI-powered platform team builds ..." is a team, not a presentation (the rule's guard)
    assert not pitch_spans("Acme's AI-powered platform team builds in Python.", "Acme")


@pytest.mark.parametrize(("text", "named"), [
    # the lead's ruling (real-later-v18 2): distributed data processing is distributed computing
    ("Experience building distributed data processing pipelines in Scala.", True),
    ("Erfahrung mit verteilter Datenverarbeitung in der Cloud.", True),
    ("Du kennst verteilte Datenverarbeitung mit Spark.", True),
    # data processing alone names no practice
    ("Accurate data processing for our clients.", False),
])
def test_distributed_data_processing_is_distributed_systems(text: str, named: bool) -> None:
    assert ("Distributed Systems" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # the lead's ruling (real-later-v18 3): the short "neural net(s)" is the written "neural networks"
    ("Methods such as random forests, neural nets and boosting.", True),
    ("You have trained a neural net for <task>.", True),
    ("Techniques: clustering, regression, Neural Nets, etc.", True),
    # a net of another kind stays out
    ("We offer a safety net and a neural health plan.", False),
])
def test_neural_nets_are_deep_learning(text: str, named: bool) -> None:
    assert ("Deep Learning" in _named(text)) is named
