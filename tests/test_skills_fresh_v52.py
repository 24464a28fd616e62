"""Skills classes from the fifty-eighth round's misses (issue 9, real-fresh-v52; invented wording)."""

from __future__ import annotations

import pytest

from etl.normalize.skills import extract_skills


def _named(text: str) -> set[str]:
    return set(extract_skills(text)[0])


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a library named "<Name>.js" that the taxonomy does not list is a library, not the language asked
    # (React does not imply JavaScript either)
    ("Chart output goes to front ends built with Mapbox.js and Chartist.js.", "JavaScript", False),
    ("Plot the results with D3.js and Leafy.js for the planners.", "D3.js", True),
    ("Front end work in JS and TypeScript.", "JavaScript", True),
    ("Strong JavaScript (ES6) and Node.js.", "JavaScript", True),
    # an A/B test with more arms written "A/B/n"
    ("Every new screen ships under an A/B/n test before it goes to all users.", "A/B Testing", True),
    ("We run A/B/n tests on checkout flows.", "A/B Testing", True),
])
def test_fifty_eighth_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
