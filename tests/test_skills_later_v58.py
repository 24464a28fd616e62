"""Skills classes of the later batch real-later-v58 (issue 9: Glassdoor and No Fluff Jobs skills), with
real-later-v52's class B (the lead's ruling 3 on v52).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "found"), [
    # automated tests of kinds listed between "automated" and the test noun are automated tests
    ("- Experience writing automated functional and cross-browser test suites for our portal.", True),
    ("- You will own automated regression, UI and API tests for the billing service.", True),
    ("Hands-on with automated end-to-end test suites in a CI pipeline.", True),
    ("- Comfortable with automated and manual tests of our mobile app.", True),
    # "automated" not of tests, or a word that is no kind of test between, names nothing
    ("We automated our release process and our tests now run nightly on every branch.", False),
    ("Our automated target selection helps the sales team; write unit tests for your code.", False),
    ("- Automated billing and invoice reports for the finance team.", False),
])
def test_automated_kinds_of_tests(text: str, found: bool) -> None:
    assert ("Test Automation" in named_in_posting(text)) is found
