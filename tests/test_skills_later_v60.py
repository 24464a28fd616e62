"""real-later-v60 (Hacker News skills, seventeenth session). Invented wording throughout.

A. A one-word employer whose name is a skill's name (a monitoring tool, a database), opening a sentence as the
   subject of one of the presentation verbs ("<Name> is how ...", "<Name> has it all", "<Name> is looking for
   ..."), is the employer presenting itself, not the tool asked; the name elsewhere ("<Name> experience is a
   plus", "extend the <Name> agent") still counts.
B. An interview step's "pair programming exercise / interview / challenge" is no Pair Programming skill (the
   lead's ruling on `real-later-v57` question 3): the interview is the process, not the job's work.
C. "JAX-RS" / "JAX-WS" are Java's web-service APIs, not the JAX library.
D. "natural language understanding" (the taxonomy's NLU written out) is NLP.
E. A lower-case "bootstrap" in a poster's list of skills is Bootstrap (as "go", "ruby", "scala").
"""

from __future__ import annotations

import pytest
from skill_names import named

from etl.extract import extract, without_company


def _skills(company: str, text: str, title: str = "Backend Engineer") -> set[str]:
    return set(extract({"id": "x", "title": title, "company": company, "description": text})["skills"])


# A. the employer's own name presenting it
@pytest.mark.parametrize("company, opening", [
    ("Datadog", "Datadog is how small studios find the crash before their players do."),
    ("Okta", "Great pay. Friendly people. Okta has it all, and we ship every week."),
    ("Okta", "Okta is used by hundreds of city councils to sign in their clerks."),
    ("Datadog", "Datadog is looking for a backend engineer for its billing squad."),
])
def test_the_employers_own_name_opening_a_presentation_sentence_is_no_skill(company: str,
                                                                              opening: str) -> None:
    text = (f"{company} | Backend Engineer | Oslo | Onsite\n{opening}\n"
            "You will write services in Rust and keep our Kafka topics tidy.")
    found = _skills(company, text)
    assert company not in found
    assert {"Rust", "Kafka"} <= found


@pytest.mark.parametrize("company, sentence", [
    ("Datadog", "Datadog experience is a plus, though we teach it."),   # the name before a noun: the tool
    ("Datadog", "You will extend the Datadog agent in Go and Python."),  # the role's own work on it
    ("MongoDB", "You know Python, and MongoDB is our main store."),  # not opening the sentence
])
def test_the_employers_name_as_the_tool_still_counts(company: str, sentence: str) -> None:
    text = f"{company} | Backend Engineer | Oslo | Onsite\nWe hire for the agents team. {sentence}"
    assert company in _skills(company, text)


def test_another_companys_tool_opening_a_sentence_still_counts() -> None:
    # the rule reads the employer's own name only: a tool named so by another employer is asked
    text = ("Quillhaven | Backend Engineer | Oslo | Onsite\n"
            "Quillhaven routes bikes. Datadog is how we find crashes.")
    assert "Datadog" in _skills("Quillhaven", text)


# B. the interview's pair programming
@pytest.mark.parametrize("text", [
    "Our process: a phone screen, then an on-site interview with a pair programming exercise.",
    "Expect a pair-programming interview with two of our engineers.",
    "The last step is a short pair programming challenge on a toy app.",
    "We finish with paired programming? No: with a pair programming exercises day.",
])
def test_an_interview_steps_pair_programming_is_no_skill(text: str) -> None:
    assert "Pair Programming" not in named(text)


@pytest.mark.parametrize("text", [
    "We practise pair programming every day and rotate pairs weekly.",
    "Pair programming and TDD are how the team works.",
    "You enjoy pair-programming with designers.",
])
def test_pair_programming_as_the_teams_practice_still_counts(text: str) -> None:
    assert "Pair Programming" in named(text)


# C. Java's web-service APIs
@pytest.mark.parametrize("text", [
    "You build REST services with JAX-RS and Jersey on Tomcat.",
    "Legacy SOAP endpoints in JAX-WS need a new home.",
])
def test_java_web_service_apis_are_not_the_jax_library(text: str) -> None:
    assert "JAX" not in named(text)


def test_the_jax_library_still_counts() -> None:
    assert "JAX" in named("You train models in JAX and PyTorch.")


def test_a_fields_name_as_the_employer_is_left_to_the_presentation_reader() -> None:
    # "Blockchain is hiring!" from an employer called after a field: the domain-skill reader of the employer's
    # sentences decides, not this rule (a blanked field name changed the check's reading of the stack line)
    text = "Blockchain | Engineers | Oslo | Onsite\nBlockchain is hiring! Tools we use: Ethereum, React."
    assert without_company(text, "Blockchain").count("Blockchain") == 1  # only the header cell is blanked
    okta = text.replace("Blockchain", "Okta")
    assert without_company(okta, "Okta").count("Okta") == 0


# D. NLU written out: the taxonomy's "NLU" is NLP, and so is its spelled-out name
@pytest.mark.parametrize("text", [
    "Ideally you bring experience in natural language understanding and ranking.",
    "You will build natural-language understanding flows for our support bot.",
])
def test_natural_language_understanding_is_nlp(text: str) -> None:
    assert "NLP" in named(text)


def test_understanding_natural_language_in_other_words_is_no_nlp() -> None:
    assert "NLP" not in named("Our kiosk answers riders who speak natural language to it.")


# E. a poster's lower-case list names Bootstrap as it names Go, Ruby and Scala
@pytest.mark.parametrize("text", [
    "Problems here touch dns, linux, mysql, bootstrap, ios and android.",
    "Frontend: Vue/bootstrap, Tools: Git, Jenkins",
])
def test_lower_case_bootstrap_in_a_list_of_skills_is_bootstrap(text: str) -> None:
    assert "Bootstrap" in named(text)


@pytest.mark.parametrize("text", [
    "We bootstrap every new hire with a buddy for a month.",
    "We are a bootstrap, profitable and calm company.",
])
def test_lower_case_bootstrap_outside_a_list_of_skills_is_no_skill(text: str) -> None:
    assert "Bootstrap" not in named(text)
