"""Years of experience: the Glassdoor and LinkedIn tune residue (twenty-sixth session, branch h26expres).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from test_experience import _years  # the figures as parse_experience returns them

from etl.normalize.experience import parse_experience

N = None


# Class A: "N years of experience in <field>" where the field is the job's own line of work, as the title
# names it ("experience in widget management" for a Widget Engineer; "experience in cloud platforms" for a
# Cloud Systems Engineer) is the general figure (the eleventh round's ruling: years in the job's own line of
# work are the general figure), so a smaller figure of one task beside it ("1 year of experience <task>ing
# <thing>") does not win. A field the title does not name stays one line of work (specific), as before; the
# title's level and role words (senior, engineer, manager) name no field (requirement_cues.yaml
# `title_not_field`). Only the one largest figure is read so (a smaller one is a part of a longer one).
@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        ("Widget Engineer",
         "You bring:\n- 4+ years of design and build experience in widget management\n"
         "- 2+ years of experience assembling gadget hubs\n", (4, N)),
        ("Cloud Gadget Engineer",
         "You bring:\n- 3 years of experience in cloud platforms, such as <vendor>\n"
         "- 1 year of experience certifying gadget systems under <standard>\n", (3, N)),
        ("Senior Widget Analyst",
         "Requirements:\n- 5-7 years of experience in widget analytics\n"
         "- 2 years of experience in gizmo tooling\n",
         (5, 7)),
    ],
)
def test_field_named_by_the_title_is_general(title: str, text: str, expected: tuple) -> None:
    assert parse_experience(text, title=title) == _years(expected)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # a field the title does not name stays one line of work: the general figure still wins
        ("Widget Engineer",
         "You bring:\n- 6+ years of experience in gizmo management\n- 2+ years of professional experience\n",
         (2, N)),
        # the title's level and role words name no field
        ("Senior Gizmo Engineer",
         "You bring:\n- 6+ years of experience in senior roles\n- 2+ years of professional experience\n",
         (2, N)),
        ("Gizmo Engineer",
         "You bring:\n- 6+ years of experience in engineer hiring\n- 2+ years of professional experience\n",
         (2, N)),
        # without a title nothing changes
        (None,
         "You bring:\n- 4+ years of design experience in widget management\n"
         "- 2+ years of experience assembling gadget hubs\n", (2, N)),
    ],
)
def test_field_not_named_by_the_title_stays_specific(title: str | None, text: str, expected: tuple) -> None:
    assert parse_experience(text, title=title) == _years(expected)


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        # only the one largest figure: a smaller one in the title's field is a part of a longer overall figure
        ("Widget Scientist",
         "Requirements:\n- 5+ years of experience in gizmo development with 3+ years of experience in widget "
         "control\n- 2 years of professional experience\n", (2, N)),
        # the field's tools are years with one tool each
        ("Widget Analyst",
         "Requirements:\n- 3-5 years of professional experience\n"
         "- minimum of 6 years of experience in widget tools, including <tool>\n", (3, 5)),
        # a path through a lesser degree is a way in, not the bar
        ("Widget Manager",
         "Requirements:\n- a degree with 2 years of professional experience, or a high school diploma with a "
         "minimum of eight years of experience in widget operations\n", (2, N)),
    ],
)
def test_own_field_narrowed(title: str, text: str, expected: tuple) -> None:
    assert parse_experience(text, title=title) == _years(expected)
