"""Skills classes of the later batch real-later-v52 (issue 9: Glassdoor and No Fluff Jobs skills).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skill", "found"), [
    # the title of the person the role reports to names no skill asked
    ("- You will ship two projects a quarter, managed by the Senior Director of Data Science, and work "
     "beside our analysts.\n- Proficiency in Python and SQL.", "Data Science", False),
    ("Reporting to the Director of Analytics and Data Science, you will build our ingestion jobs in Python.",
     "Data Science", False),
    ("The analyst reports to the Head of Machine Learning and supports the sales desk with Excel.",
     "Machine Learning", False),
    ("- Report into the VP of AI and keep our reporting pipeline in SQL healthy.", "AI", False),
    # the role's own title and work stay a skill
    ("The Director of Data Science will direct all data science projects.", "Data Science", True),
    ("We are hiring a Head of Machine Learning to build our ranking models.", "Machine Learning", True),
    ("- Reporting to the CTO, you will apply machine learning to our pricing.", "Machine Learning", True),
])
def test_a_superiors_title(text: str, skill: str, found: bool) -> None:
    assert (skill in named_in_posting(text)) is found
