"""Skills classes from the sixty-fifth round's misses (issue 9, real-fresh-v59; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "Go" before the side of the stack a developer works on names the language, as "Go backend" does
    ("We want Go server side developers and a designer for the shop.", "Go", True),
    ("Hiring Go server-side engineers for the payments core.", "Go", True),
    # the verb stays no language
    ("Go serve the customers in the shop on weekends.", "Go", False),
    ("Ready to go server hunting with us?", "Go", False),
    # SSL is the older name of TLS (the lead's ruling: SSL certificates -> TLS)
    ("Solid grasp of DNS, SSL and load balancers on Linux hosts.", "TLS", True),
    ("You renew SSL certificates for our shops.", "TLS", True),
])
def test_sixty_fifth_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
