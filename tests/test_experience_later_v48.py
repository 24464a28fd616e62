"""Years of experience: the classes of the later batch real-later-v48 (Glassdoor and LinkedIn experience).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None


# Class A: a long requirement line closed by "preferred" (no comma) beyond the 90 characters the sentence
# window reads: the marker closes the figure's own line, as ", Preferred" already did (forty-second round),
# so the required figure on another line is the requirement. Only when no other requirement is named between
# the figure and the marker (then "preferred" qualifies that one, not the years).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4+ years of development experience building <kind of> graphs using the <Tool> designer, "
         "repository and operating system preferred\n"
         "Minimum of 3 years experience designing, developing and testing software", (3, N)),
        ("Minimum of 2 years of experience as a <role>\n5+ years of hands-on experience building <kind of> "
         "pipelines with <Tool>, <Tool> and <Tool> in a regulated setting highly preferred.", (2, N)),
        ("Qualifications:\n6+ years of experience designing <kind of> platforms on the <Vendor> cloud with "
         "infrastructure as code is strongly preferred\n- 4 years of software engineering experience",
         (4, N)),
        # controls: another requirement between the figure and the marker; a sentence break; the only figure;
        # a short line the window already reads; a second requirement word between
        ("3 years of experience in quantitative analysis, specific experience with <kind of> games or mobile "
         "apps strongly preferred\n1+ years of experience with <Tool>", (3, N)),
        ("5+ years of experience building <kind of> services for <area> customers at scale; a Master's "
         "degree in <field> preferred\n2+ years of experience with <Tool>", (5, N)),
        ("4+ years of development experience building <kind of> graphs using the <Tool> designer, "
         "repository and operating system preferred", (4, N)),
        ("4+ years of experience with <Tool> preferred\n3 years of experience as a <role>", (3, N)),
        ("5+ years of experience building <kind of> systems for <area> clients, knowledge of <field> "
         "certification preferred\n2 years of experience with <Tool>", (5, N)),
    ],
)
def test_later_v48_line_closing_preferred(text: str, expected: tuple | None) -> None:
    assert parse_experience(text) == _years(expected)
