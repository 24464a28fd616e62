"""Skills classes from the thirty-first round's misses (issue 9, real-fresh-v25; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "named"), [
    # the verb and the bare noun name the skill where data, figures or findings are what is shown
    ("You will sort and visualize shipment data for the planners.", True),
    ("Able to visualise complex data and models for any audience.", True),
    ("Gather the figures and present or visualize them for the board.", True),
    ("Hands-on with reporting and visualization tools.", True),
    ("Working knowledge of data analytics, visualization and governance.", True),
    ("Tell stories with data, often through visualizations and slides.", True),
    # a picture of something else, or a way of thinking, is no data visualization
    ("Visualize yourself on a beach after a week of hard work.", False),
    ("Creative visualization of the brand for our shop windows.", False),
    ("Engineers for data pipelines and 3D visualisation of the scans.", False),
])
def test_visualizing_data_is_data_visualization(text: str, named: bool) -> None:
    assert ("Data Visualization" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # two kinds of analysis sharing one head word, and the tools of statistics, are statistics as work done
    ("Run quantitative, statistical and comparative analysis of the survey results.", True),
    ("Build statistical and machine learning models for pricing.", True),
    ("Keen to pick up new statistical tools and methods.", True),
    ("Fluent in R or another statistical software package.", True),
    # the word elsewhere names nothing
    ("A statistical and economics degree is welcome.", False),
    ("The statistical office publishes the figures.", False),
])
def test_statistics_in_pairs_and_tools(text: str, named: bool) -> None:
    assert ("Statistics" in _named(text)) is named


def test_excel_vba_names_both_excel_and_its_visual_basic() -> None:
    named = _named("Daily work in Excel and Excel VBA macros for the ledger.")
    assert {"Excel", "VB.NET"} <= named


@pytest.mark.parametrize(("text", "named"), [
    # lower-case names in a list of other lower-case skills (poster style)
    ("Backend: go, python, postgres and redis on aws.", True),
    ("Our services: python, go and kafka.", True),
    # the verb stays a verb
    ("We are ready to go, and python is a plus.", False),
    ("Come and go as you please.", False),
])
def test_go_in_lower_case_in_a_list(text: str, named: bool) -> None:
    assert ("Go" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    ("Stack: Java, RestAPI, OAuth", True),
    ("Design RESTAPIs for the mobile team.", True),
    ("Take a rest after the sprint.", False),
])
def test_rest_api_written_as_one_word(text: str, named: bool) -> None:
    assert ("REST APIs" in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # two programming styles sharing one head word name both
    ("Experience with functional/event-driven programming.", "Functional Programming", True),
    ("Experience with functional/event-driven programming.", "Event-Driven Architecture", True),
    ("Comfortable with functional and object-oriented programming in Scala.", "Functional Programming", True),
    ("Comfortable with functional and object-oriented programming in Scala.", "OOP", True),
    # functional requirements, teams and testing are no programming style
    ("Write functional and technical specifications.", "Functional Programming", False),
    ("Join a cross-functional and friendly team.", "Functional Programming", False),
])
def test_functional_paired_with_another_programming_style(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the tools' older or short names in a list of tools
    ("Tooling: Git, Maven, Sonar, Jenkins", "SonarQube", True),
    ("The boat's sonar and radar were refitted.", "SonarQube", False),
    ("Service frameworks such as Spring Boot, Vert.x, or Play.", "Play Framework", True),
    ("Our app is on the App Store and Google Play, Spotify and more.", "Play Framework", False),
    ("Work hard, Play hard, Java optional.", "Play Framework", False),
])
def test_short_tool_names_in_lists(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize("text", [
    # the capitalised language keeps counting after these words (the lower-case rule's rejects are narrow)
    "Java, C#, Python, or Go",
    "Experience as a Go developer",
    "We migrate to Go this year.",
    "Crypto and Go experience are welcome.",
])
def test_go_capitalised_still_named(text: str) -> None:
    assert "Go" in _named(text)


@pytest.mark.parametrize(("text", "named"), [
    # the contract-testing tool near tests or contracts, or in a list of tools
    ("We use Pact for consumer-driven contract tests.", True),
    ("Testing: Jest, Pact, Cypress", True),
    ("Contract testing between our services is a must.", True),
    # an agreement, a treaty or a coffee brand is no test tool
    ("We signed a pact with our partners to grow.", False),
    ("A continuous supply of Pact coffee for the office.", False),
    ("The Paris Pact on climate shapes our goals.", False),
])
def test_pact_only_as_the_testing_tool(text: str, named: bool) -> None:
    assert ("Contract Testing" in _named(text)) is named
