"""Skills classes from the thirty-ninth round's misses (issue 9, real-fresh-v33; invented wording)."""

from __future__ import annotations

import pytest

from etl.normalize.skills import extract_skills


def _named(text: str, title: str = "") -> set[str]:
    return set(extract_skills(text, title)[0])


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a role or a stack layer with its technology in brackets names the role's stack
    ("Open roles: Platform Engineer (Ruby), apply below.", "Ruby", True),
    ("We also need a Backend Developer (Go) for the billing service.", "Go", True),
    ("You will work across the frontend (HTML/CSS) and the backend (Rails).", "Ruby on Rails", True),
    # the product's stack stated as what the product runs on
    ("The shop is powered by Rails with a Postgres database.", "Ruby on Rails", True),
    ("Our app is built on Rails and deployed twice a day.", "Ruby on Rails", True),
    # brackets after a role that hold no technology, and rails that are no framework
    ("Field Engineer (Go-getter wanted) for the northern region.", "Go", False),
    ("Mechanic for the trains and their Rails, no software involved.", "Ruby on Rails", False),
])
def test_stack_in_brackets_after_a_role_or_layer(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skills"), [
    # two names glued by a plus sign are two names
    ("Our stack: Java, Spring, Docker+Kubernetes on our own servers.", {"Docker", "Kubernetes"}),
    ("Infrastructure with Terraform+Ansible.", {"Terraform", "Ansible"}),
])
def test_names_glued_by_a_plus_sign(text: str, skills: set[str]) -> None:
    assert skills <= _named(text)


def test_a_plus_sign_inside_a_name_still_reads_the_whole_name() -> None:
    named = _named("Strong C++ and some C# are needed.")
    assert {"C++", "C#"} <= named
    assert "C" not in named


@pytest.mark.parametrize(("text", "named"), [
    # the Polish boards' English: automatic tests are automated tests
    ("Writing automatic tests for the payment module.", True),
    ("Experience with automatic testing of web apps.", True),
    # hardware that tests, and automatic things that are no tests
    ("Operate the automatic testing equipment on the assembly line.", False),
    ("Automatic updates of the timetable.", False),
])
def test_automatic_tests_are_test_automation(text: str, named: bool) -> None:
    assert ("Test Automation" in _named(text)) is named


@pytest.mark.parametrize("text", [
    "Dockerization of the legacy services is planned this year.",
    "All services are dockerized and run in the cloud.",
    "You will dockerize the old batch jobs.",
])
def test_derived_words_of_docker(text: str) -> None:
    assert "Docker" in _named(text)


@pytest.mark.parametrize(("text", "named"), [
    # the Elixir web framework named without "Framework" beside its language
    ("We write Elixir (Phoenix) and some Python.", True),
    ("Backend in Elixir/Phoenix, frontend in React.", True),
    # the city stays a city
    ("Offices in Phoenix and Denver; we use Python.", False),
])
def test_phoenix_beside_elixir(text: str, named: bool) -> None:
    assert ("Phoenix Framework" in _named(text)) is named


def test_a_common_misspelling_of_python() -> None:
    assert "Python" in _named("Knowledge of Angular and the Phyton programming language.")


@pytest.mark.parametrize(("text", "skills"), [
    # kinds of tests listed before one head word, or in brackets after it, each name their kind
    ("You write unit, integration, and end-to-end tests for every feature.",
     {"Unit Testing", "Integration Testing", "End-to-End Testing"}),
    ("Our pipeline runs automatic tests (unit, integration, e2e) on each merge.",
     {"Unit Testing", "Integration Testing", "End-to-End Testing"}),
    ("Develop automated unit, integration, regression, and performance tests.",
     {"Unit Testing", "Integration Testing", "Performance Testing"}),
    ("Good habits in unit/integration testing.", {"Unit Testing", "Integration Testing"}),
])
def test_kinds_of_tests_sharing_one_head_word(text: str, skills: set[str]) -> None:
    assert skills <= _named(text)


@pytest.mark.parametrize("text", [
    # words before a head that are no kind of test, or a head with no list
    "We value clean, readable and simple tests.",
    "Blood tests (weekly, monthly) at the clinic.",
    "Quality, speed and tests matter to us.",
])
def test_a_list_before_tests_names_no_kind_unless_each_is_one(text: str) -> None:
    kinds = {"Unit Testing", "Integration Testing", "End-to-End Testing", "Performance Testing"}
    assert not kinds & _named(text)


@pytest.mark.parametrize(("text", "skill"), [
    # a list of qualities ending in "testing" is no list of kinds of tests, even where one word makes a kind
    ("Think about performance, maintainability, and testing from day one.", "Performance Testing"),
    ("We love shipping code, automation, and testing!", "Test Automation"),
    ("Spot what may hurt test performance or reporting of test results.", "Performance Testing"),
])
def test_a_list_of_nouns_ending_in_testing_names_no_kind(text: str, skill: str) -> None:
    assert skill not in _named(text)


def test_a_new_word_before_a_shared_head_does_not_read_the_taxonomy_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Each new word listed before a head ("unit, integration tests") is looked up once (``_head_form``);
    the lookup re-parsed skills.yaml every time (about 40 ms a word, the whole extraction 3.6x slower on
    the real exports until the taxonomy's caches were warm): after the first use it reads no file."""
    from etl.normalize import skills

    skills._head_form("unit")  # warm: the taxonomy is read here at most once

    def no_file() -> dict:
        raise AssertionError("skills.yaml parsed again for one listed word")

    monkeypatch.setattr(skills, "_load", no_file)
    for word in ("qzx-first", "qzx-second", "qzx third"):
        assert skills._head_form(word) is None
