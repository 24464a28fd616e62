"""Skills classes from the later batch real-later-v39's misses (issue 9, Hacker News; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "<our> stack (mostly) consists of" asks for what follows as "built with" does: two short names listed
    # only with each other have no accepted neighbour for the list rule
    ("Our stack primarily consists of Rails & Backbone, newer parts elsewhere.", "Ruby on Rails", True),
    ("Our stack primarily consists of Rails & Backbone, newer parts elsewhere.", "Backbone.js", True),
    ("The stack consists of Express and a small queue.", "Express.js", True),
    # "consists of" without the stack names nothing
    ("The course consists of Backbone exercises for the spine.", "Backbone.js", False),
    ("The trip consists of rails, bikes and boats.", "Ruby on Rails", False),
])
def test_later_v39_stack_consists_of_leads_in(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
