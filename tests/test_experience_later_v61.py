"""Years of experience: the classes of the later batch real-later-v61 (Glassdoor and LinkedIn experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None


# Class A: a figure of years right before a gerund of the job's own work ("a minimum 0-2 years performing
# <work>", "1-3 years leveraging <technique>", "3+ years automating <systems>"): the years the candidate spent
# doing that work, read as "building", "working" and "doing" already are (forty-second round, real-later-v31),
# and, as they are, only after a "+", a range or a minimum word (a company's "in 2-3 years applying our
# method" stays out: "in" before the figure). The verbs are data (requirement_cues.yaml `work_verbs`).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("BS/BA degree in <field> plus a minimum 0-2 years performing <kind of> checks, reviews and reports",
         (0, 2)),
        ("1-3 years leveraging <kind of> design techniques", (1, 3)),
        ("5+ years utilizing <kind of> design and programming", (5, N)),
        ("3+ years automating <kind of> infrastructure and writing <kind of> code", (3, N)),
        ("4-8+ years applying <kind of> methods to <area> problems", (4, N)),
        ("You bring:\n- 3+ years configuring <kind of> plans in <area> systems", (3, N)),
        ("Minimum 3 years implementing, testing and deploying <kind of> services", (3, N)),
        # the degree's path is the bar; a path through no degree is another way in (ninth-round ruling)
        ("BS/BA degree in <field> plus a minimum 0-2 years performing <work> OR no degree w/6 years' "
         "experience performing <work>.", (0, 2)),
        # ... also past an "or" inside the degree's list of fields
        ("Education: BS/BA degree in <field>, <field>, or a related field plus a minimum 1-3 years "
         "performing <work> OR no degree w/7 years' experience performing <work>.", (1, 3)),
        ("Bachelor's degree in <field> or a related field and 2+ years using <Tool>; or a high school "
         "diploma and 6 years of experience", (2, N)),
        # controls: a general figure still wins over a figure of one kind of work; the company's own years; a
        # time span ("in", "within"); a figure without "+", a range or a minimum word; a verb outside the list
        ("2+ years conducting <kind of> studies\n5+ years of professional experience as a <role>", (5, N)),
        ("The team at <Company> has spent the last 5+ years applying <field> to <area>.", N),
        ("In 2-3 years applying our method, clients double their <metric>.", N),
        ("Within 2 years performing <work> you will lead the <area> team.", N),
        ("<Company> spent 6 years testing the idea before launch.", N),
        ("<Company> spent 6+ years gathering the science and the data behind <product>.", N),
        # controls of the degree paths: a path through a lesser degree alone is the figure; a degree path with
        # an experience word still wins over the other way in
        ("High school diploma with 4 or more years of related experience and/or training", (4, N)),
        ("Bachelor's degree and 2 years of experience, or 6 years of experience in lieu of a degree", (2, N)),
    ],
)
def test_later_v61_years_of_work_by_gerund(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)
