"""Skills rules of the later batch real-later-v102 (issue 9: Hacker News and No Fluff Jobs skills).

Class B of the batch's misses: "agile" among words for a person's character ("an enthusiastic, energetic and
agile <title>", "while being dynamic and agile") describes the candidate, not the practice asked - as the
character words the Agile form already rejects after ("flexible, agile and curious", real-later-v22). Two
labelled records of two employers show it (No Fluff Jobs and Glassdoor). An agile environment, team or way of
working stays Agile.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skills"), [
    # the candidate's character: energetic, enthusiastic, being dynamic, then agile
    ("Our logistics unit is looking for an enthusiastic, energetic and agile Integration Lead to own the "
     "partner interfaces.", set()),
    ("We want an energetic, agile analyst who writes Python.", {"Python"}),
    ("You are enthusiastic and agile, and you have shipped Kotlin apps.", {"Kotlin"}),
    ("Strong planning skills, while being dynamic and agile\nThe analyst must be proactive.", set()),
    ("Good at juggling priorities while being dynamic, agile and calm.", set()),
])
def test_agile_among_character_words_is_no_practice(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: agile as a way of working, also after the same character words
    ("You will work in a dynamic and agile environment with Scrum ceremonies.", {"Agile", "Scrum"}),
    ("We work agile in two-week sprints; an energetic team of five.", {"Agile"}),
    ("Experience with agile methodologies is required.", {"Agile"}),
    ("An energetic person who knows Agile development and Jira.", {"Agile", "Jira"}),
    ("Enthusiastic about agile software development and clean code.", {"Agile"}),
    ("You join an agile team building payment services in Java.", {"Agile", "Java"}),
])
def test_agile_as_a_way_of_working_stays(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills
