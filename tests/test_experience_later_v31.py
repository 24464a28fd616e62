"""Years of experience: the classes of the later batch real-later-v31 (Glassdoor seniority and experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None


# Class B: "N+ years doing <work>": the job's own work after the figure, as "years building / working /
# managing" (DIRECT); counted, as those, only after a "+", a range or a minimum word.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("You have 5+ years doing <area> programming\nYou have 2+ years of experience with <tool> and <tool>",
         (5, N)),
        ("At least 4 years doing hands-on <work> in a <area> team.", (4, N)),
        ("Requirements:\n3-5 years doing <work> for <kind of> clients", (3, 5)),
        # controls: the company's years, a time promise, a figure with no plus, range or minimum word
        ("We have been doing this for 10 years.", N),
        ("In 2 years doing <work> you will have grown into a <role>.", N),
        ("Our team has spent 15 years doing <work>.", N),
    ],
)
def test_later_v31_years_doing_the_work(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)


# Class C: years offered to candidates who do not meet the degree (or education) requirement are another way
# in, not the bar (the ninth-round ruling; as "<degree> or N years" and "N years may be substituted for the
# degree"):
# the posting's own figure decides, a preferred one where it is the only other.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Education: a four-year degree in <field> required.\nApplicants not meeting the degree requirements "
         "above will be considered if they have 6 years of experience in <field>.\nExperience\n2-4 years of "
         "relevant experience preferred", (2, 4)),
        ("Candidates who do not meet the education requirement may qualify with 8+ years of relevant "
         "experience. Requirements: 3+ years of professional experience.", (3, N)),
        ("Candidates not meeting the specific degree requirements will be considered with 5 years of "
         "experience in <field>.", N),
        # controls: candidates meeting it, a requirement that is no degree, "not meeting" elsewhere
        ("Candidates meeting the degree requirements need 3+ years of experience.", (3, N)),
        ("You do not need to meet every requirement; 4+ years of experience in <field>.", (4, N)),
        ("Not meeting deadlines is no option here. 5+ years of experience in <field>.", (5, N)),
    ],
)
def test_later_v31_years_for_candidates_without_the_degree(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)
