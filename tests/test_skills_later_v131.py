"""Skills rules of the later batch real-later-v131 (issue 9: Glassdoor, No Fluff Jobs and get in IT skills).

Fix 1, a board's tag of two skills joined by a slash: No Fluff Jobs files a card under one technology, written
in lower case ("c/c++"); the tag is the board's statement that the job uses both, as the seventy-sixth round
ruled ("the No Fluff Jobs tag c/c++ is C and C++"). The tag reader read the lower-case "c" as prose, where the
one-letter language needs its capital. Labelled misses: No Fluff Jobs #931 (`real-fresh-v70`) and #933 (this
batch). A tag whose parts between slashes are each a skill's whole name or alias names each; a tag with any
part that is no skill ("tcp/ip", "r/3") is read as before.

Fix 2, "data structures" named as computer-science knowledge without "algorithms" near it (the lead's ruling
on `real-later-v107` question 5: coded at a second labelled record): right after "programming" in a list of
fundamentals (Glassdoor #575, this batch) and qualified as basic, or basic and complex (Glassdoor #130,
`real-later-v107`). Data structures as the shape of a data model or a pipeline (a warehouse's structures to
document, a list beside transformations and metadata, columnar stores) keep no skill.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting

from etl.normalize.skills import tag_skills


@pytest.mark.parametrize(("tags", "skills"), [
    ("c/c++", ["C", "C++"]),
    ("c++/c", ["C", "C++"]),
    ("python;c/c++", ["C", "C++", "Python"]),
    ("html/css", ["CSS", "HTML"]),
    ("java/kotlin", ["Java", "Kotlin"]),
])
def test_a_tag_of_skills_joined_by_a_slash_names_each(tags: str, skills: list[str]) -> None:
    assert tag_skills(tags) == skills


@pytest.mark.parametrize(("tags", "skills"), [
    # controls: a tag that is one form with a slash, or a slash joining words that are no skills
    ("CI/CD", ["CI/CD"]),
    ("pl/sql", ["PL/SQL"]),
    ("tcp/ip", []),
    ("C/C++", ["C", "C++"]),
    ("UI/UX", []),
])
def test_slash_tags_that_are_one_form_or_no_skills_read_as_before(tags: str, skills: list[str]) -> None:
    assert tag_skills(tags) == skills


@pytest.mark.parametrize("text", [
    "You are knowledgeable in programming, data structures, operating systems and networking.",
    "Solid grounding in programming and data structures is expected of every engineer.",
    "Fluent with basic and complex data structures alike.",
    "You are comfortable with basic data structures and can reason about performance.",
])
def test_data_structures_as_computer_science_knowledge(text: str) -> None:
    assert "Data Structures and Algorithms" in named_in_posting(text)


@pytest.mark.parametrize("text", [
    # controls: data structures as the shape of a data model or pipeline keep no skill
    "Keep the catalogue of the lake's current and planned data structures up to date.",
    "You design jobs for schema mapping, data structures, lineage and scheduling.",
    "Experience with OLAP cubes and column-oriented data structures is a plus.",
    "You grasp the many data structures our vendors send and how we reshape them.",
    "Migrate the old system's data structures into the new schema.",
])
def test_data_structures_of_a_data_model_keep_no_skill(text: str) -> None:
    assert "Data Structures and Algorithms" not in named_in_posting(text)
