"""real-later-v57 (Hacker News skills, sixteenth session): a heading marked with a run of "=" ("=== Roles",
"== Stack ==") ends a company section ("=== Who we are") as "# Roles" and "Roles:" do, so the openings and
their stack after it are the job's text again. Invented wording throughout."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.sections import demand_text

HEAD = "Quillhaven | Platform Engineer | Lisbon | Onsite\n"
ABOUT = "=== Who we are\nQuillhaven builds routing software for bike couriers, with Kubernetes-grade care.\n"
STACK = "Elixir, Svelte, MariaDB, Terraform, Memcached"


@pytest.mark.parametrize("mark", ["=== Roles", "== Roles", "=== Roles ===", "==Roles==", "  === Openings"])
def test_a_heading_marked_with_equals_signs_ends_the_company_section(mark: str) -> None:
    text = (HEAD + ABOUT + mark + "\nPlatform Engineer | You will run our services on Azure. | Apply: "
            "https://example.org/1\n=== Stack and tools\n" + STACK)
    kept = demand_text(text)
    assert "Azure" in kept and STACK in kept
    assert "bike couriers" not in kept  # the company's own sentences stay out
    skills = extract({"id": "x", "title": "Platform Engineer", "description": text})["skills"]
    assert {"Azure", "Elixir", "Svelte", "MariaDB", "Terraform"} <= set(skills)


def test_an_equals_marked_boilerplate_heading_still_opens_a_section() -> None:
    # "=== Benefits" is a company section of its own: marks do not make it the job's text
    text = (HEAD + "=== Benefits\nA yearly Kubernetes conference ticket\n=== Roles\n"
            "Platform Engineer: " + STACK)
    kept = demand_text(text)
    assert "Kubernetes" not in kept and STACK in kept


@pytest.mark.parametrize("line", [
    "a == b is no heading",            # an expression inside the company's prose
    "Quillhaven == bikes + software",  # prose with an equals sign, not a marked heading
])
def test_a_line_with_equals_signs_inside_prose_does_not_end_the_section(line: str) -> None:
    text = HEAD + ABOUT + line + "\nWe also sponsor Docker meetups.\n"
    kept = demand_text(text)
    assert "Docker" not in kept
