"""Two skills aliases the lead ruled on `real-later-v133` (issue 9; h26skills2's open questions 5 and 6).

1. "recommendation algorithm(s)" and "recommender engine(s)" name Recommender Systems on plain meaning: mixed
   forms of the taxonomy's "recommendation engine(s)" and "recommender system" (`real-later-v133`'s Glassdoor
   #637, `real-later-v131`'s Glassdoor #583).
2. "statistical data analysis" names Statistics (three labelled records write it, all labelled Statistics;
   `real-later-v133`'s Glassdoor #150 was missed).

The controls keep the words that are no such skill: recommendations given to people, an algorithm alone, data
analysis alone, statistical data as a kind of data.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named, named_in_posting


@pytest.mark.parametrize("text", [
    "You will tune the recommendation algorithms behind our storefront.",
    "Design a recommendation algorithm for the playlists of new listeners.",
    "Familiarity with search ranking and recommendation algorithms is a bonus.",
    "Shipped a recommender engine to production at scale.",
    "Experience building recommender engines on streaming data.",
    "Own the Recommender Engine and its offline metrics.",
])
def test_mixed_recommender_forms_name_recommender_systems(text: str) -> None:
    assert "Recommender Systems" in named(text)
    assert "Recommender Systems" in named_in_posting(text)


@pytest.mark.parametrize("text", [
    "Strong statistical data analysis skills are required.",
    "Carry out statistical data analysis of the assay results in R.",
    "Comfortable with Statistical Data Analysis and reporting.",
])
def test_statistical_data_analysis_names_statistics(text: str) -> None:
    assert "Statistics" in named(text)
    assert "Statistics" in named_in_posting(text)


@pytest.mark.parametrize(("text", "skill"), [
    ("Make recommendations to leadership on the roadmap.", "Recommender Systems"),
    ("Write a recommendation for each vendor you assess.", "Recommender Systems"),
    ("Improve the engine of our checkout flow.", "Recommender Systems"),
    ("Perform data analysis for the sales team.", "Statistics"),
    ("The bureau publishes statistical data every quarter.", "Statistics"),
])
def test_controls_name_no_such_skill(text: str, skill: str) -> None:
    assert skill not in named(text)
