"""real-later-v68 (Hacker News skills, seventeenth session). Invented wording throughout.

A. The kind of company in the singular after a domain skill's name ("a well-funded AI/CV startup", "an early
   IoT company", "a seed-stage Big Data start-up") names the employer's industry, as the plural already did
   ("fast-growing AI companies"): no skill asked. A Hacker News header cell that describes the employer this
   way has no sentence verb, so the presentation reader does not see it. The domain skill asked elsewhere
   ("you will train NLP models") still counts, and so does a role ("ML/NLP engineers").
"""

from __future__ import annotations

import pytest
from skill_names import named_in_posting

from etl.extract import extract


def _skills(company: str, text: str, title: str = "Backend Engineer") -> set[str]:
    return set(extract({"id": "x", "title": title, "company": company, "description": text})["skills"])


# A. a header cell describing the employer's kind
@pytest.mark.parametrize("cell, field", [
    ("well-funded ML/NLP startup (30 people)", "NLP"),
    ("well-funded ML/NLP startup (30 people)", "Machine Learning"),
    ("seed-stage AI company", "AI"),
    ("profitable IoT start-up", "IoT"),
    ("a Computer Vision startup", "Computer Vision"),
])
def test_a_header_cell_naming_the_employers_kind_asks_no_skill(cell: str, field: str) -> None:
    text = (f"Quillbase | Oslo + Bergen | {cell} | Hiring Backend Engineers\n"
            "Our stack is Elixir and Vue. We need strong Elixir or strong TypeScript.")
    found = _skills("Quillbase", text)
    assert field not in found
    assert {"Elixir", "Vue.js", "TypeScript"} <= found


@pytest.mark.parametrize("sentence, field", [
    ("Before this, two of us ran an AI company in Lisbon, and now we hire our third engineer.", "AI"),
    ("Join an early Blockchain startup as our second engineer.", "Blockchain"),
])
def test_the_employers_kind_in_a_sentence_asks_no_skill(sentence: str, field: str) -> None:
    assert field not in named_in_posting(f"{sentence} You will write Go services on Postgres.")


# controls: the field asked, a role, the field before another noun - must not move
@pytest.mark.parametrize("text, field", [
    ("You will train NLP models for our startup's support inbox.", "NLP"),
    ("Quillbase | Oslo | Hiring ML/NLP Engineers | Onsite\nWe ship Python services.", "NLP"),
    ("Quillbase | Oslo | Hiring ML/NLP Engineers | Onsite\nWe ship Python services.", "Machine Learning"),
    ("Experience with machine learning in a startup is a plus.", "Machine Learning"),
    ("You will build the Computer Vision pipeline of a startup that scans shelves.", "Computer Vision"),
])
def test_the_field_asked_or_a_role_still_counts(text: str, field: str) -> None:
    assert field in _skills("Quillbase", text)
