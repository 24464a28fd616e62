"""Skills rules of the later batch real-later-v124 (issue 9: Glassdoor and LinkedIn sample skills, second
batch).

Fix 1, data science as a field of study: "Data Science" named among the subjects of a degree ("a Bachelor's
or Master's degree from Computer Science, Data Science, or equivalent", "a degree in Statistics, Data
Science or a related field") is a field of study, which the rules say is no skill, as the English Statistics
form and the German and Portuguese Data Science forms already read it. The labelled records show the shape
in this batch (Glassdoor #552) and in earlier batches (Glassdoor #86, #145, #573, #811; Arbeitnow 2026-02-11
#56), each labelled without Data Science from it. Data science named as work or experience ("experience in
data science", "Data Engineering, Data Science, and Machine Learning" as things to understand) and as a role
in a Hacker News header ("Software Engineering, Data Science, DevOps") keeps its reading.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize("text", [
    "Requirements: a Bachelor's degree from Computer Science, Data Science, or equivalent experience.",
    "MSc or PhD in a quantitative subject such as Physics, Computer Science, or Data Science.",
    "A degree in Data Science or a similar quantitative discipline.",
    "Master's in Biostatistics, Data Science, Epidemiology or Health Informatics preferred.",
    "University degree (Mathematics, Statistics, Data Science, etc.) required.",
])
def test_data_science_as_a_field_of_study_is_no_skill(text: str) -> None:
    assert "Data Science" not in named_in_posting(text)


@pytest.mark.parametrize("text", [
    # controls that must not move: data science as work done or experience asked
    "You bring 4+ years of experience in data science and machine learning.",
    "Solid understanding of Data Engineering, Data Science, and Machine Learning and the tools behind them.",
    "You will lead our data science initiatives across the product line.",
    "Hands-on data science: you build and ship predictive models.",
    # a Hacker News header's roles are its titles: "Software Engineering, Data Science" lists two roles
    # (the first run read "software engineering, " as a degree's subject and dropped the role: narrowed)
    "Acme Health | Software Engineering, Data Science, DevOps | Remote | Full-time",
])
def test_data_science_as_work_keeps_its_reading(text: str) -> None:
    assert "Data Science" in named_in_posting(text)
