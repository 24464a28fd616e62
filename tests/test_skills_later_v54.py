"""real-later-v54 (Hacker News skills, sixteenth session): a stack line ("Our stack: <names>") that sits
inside a company section ("What we do:", "About <Company>:") names the openings' stack, so the boilerplate
cut keeps that line while the company's own sentences around it stay out. Invented wording throughout."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.sections import demand_text

ABOUT = "About Quillhaven:\n"
PITCH = "We build a routing platform for bike couriers with Kubernetes-grade reliability in mind.\n"
ROLES = "Open roles:\nSenior Backend Engineer - https://example.org/jobs/1"


@pytest.mark.parametrize("stack", [
    "Our Stack: Terraform on Azure, MariaDB, Memcached, RabbitMQ, Elixir, Svelte, Kotlin (Android)",
    "Stack: Elixir, Svelte, Kotlin, MariaDB",
    "- Tech stack: Elixir, Svelte, Kotlin, MariaDB",
    "Technologies: Elixir, Svelte, Kotlin, MariaDB.",
    "Unser Stack: Elixir, Svelte, Kotlin, MariaDB",
    "Notre stack technique : Elixir, Svelte, Kotlin, MariaDB",
    "Nossa stack: Elixir, Svelte, Kotlin, MariaDB",
])
def test_a_stack_line_inside_a_company_section_is_kept(stack: str) -> None:
    text = "Quillhaven | Engineers | Remote\nWhat we do:\n" + PITCH + stack + "\n" + ROLES
    kept = demand_text(text)
    assert stack in kept
    assert "routing platform" not in kept  # the company's own sentences stay out
    skills = extract({"id": "x", "title": "Engineers", "description": text})["skills"]
    assert {"Elixir", "Svelte", "Kotlin", "MariaDB"} <= set(skills)


def test_the_hacker_news_shape_after_an_about_heading() -> None:
    text = (ABOUT + PITCH + "Our stack: elixir, svelte, kotlin, mariadb, rabbitmq\n"
            "What we are looking for:\n- Care")
    kept = demand_text(text)
    assert "Our stack: elixir" in kept and "routing platform" not in kept


@pytest.mark.parametrize("line", [
    "Our stack is a story of many rewrites.",          # no "<label>:" opening
    "Our stacks of paper: gone since 2019, thanks to Kubernetes",  # another noun
    "Perks: a Kubernetes course budget",               # another label
])
def test_other_lines_in_a_company_section_stay_out(line: str) -> None:
    text = ABOUT + PITCH + line + "\nDocker meetups every month\n" + ROLES
    kept = demand_text(text)
    assert "Docker" not in kept and line not in kept


def test_the_cut_stays_after_a_kept_stack_line() -> None:
    # the stack line is kept alone: the company's sentences after it are still the company's
    text = ABOUT + "Stack: Elixir, Svelte\nWe also sponsor Kubernetes meetups across the region.\n" + ROLES
    kept = demand_text(text)
    assert "Stack: Elixir, Svelte" in kept and "Kubernetes" not in kept
