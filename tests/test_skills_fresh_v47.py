"""Skills classes from the fifty-third round's misses (issue 9, real-fresh-v47; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # an SAP product written without "SAP" (lead's ruling on the forty-eighth round)
    ("You will configure SuccessFactors modules for our HR clients.", "SAP", True),
    ("Consultant for SAP SuccessFactors Employee Central.", "SAP", True),
    ("Apply via SuccessFactors or send your CV by email.", "SAP", False),
    # a product's name split in two words
    ("Hands-on work in Data Bricks notebooks and Azure.", "Databricks", True),
    # a lower-case name in a list of tools, as posters write lists
    ("Languages for analysis (Python, R, spark, etc.) to explore data.", "Spark", True),
    ("We hope to spark your interest in analytics.", "Spark", False),
    # a one-letter language with a preference right after it
    ("Python and SQL are required for modelling work; R is a plus.", "R", True),
    ("Firmware for our microcontrollers; C is a plus for the drivers.", "C", True),
    ("Grade C is a plus for the licence.", "C", False),
    # "distributed" first in a list of adjectives before the system it describes
    ("We build distributed, fault-tolerant, low-latency systems in Go.", "Distributed Systems", True),
    ("Our distributed, concurrent platform is written in Erlang.", "Distributed Systems", True),
    ("Build real-time, distributed and scalable fraud (anti-money laundering) solutions.",
     "Distributed Systems", True),
    ("Our team is distributed, and our services run in two regions.", "Distributed Systems", False),
    ("The team is distributed and remote-first across Europe.", "Distributed Systems", False),
    ("Leaflets are distributed, printed and folded by volunteers.", "Distributed Systems", False),
])
def test_fifty_third_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
