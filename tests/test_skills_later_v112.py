"""Skills rules of the later batch real-later-v112 (issue 9: Hacker News and No Fluff Jobs skills).

Class A of the batch's misses, the employer's business read as demand (its third record after
real-later-v107's class A; the lead's ruling 1 on real-later-v107 codes it as employer pitch): right after its
presentation, the employer says what it does with data toward its customers' goal ("We process billions of
events to give security teams visibility into their networks and enable data science for threat detection"),
and the domain skill named there is its product's, not a skill asked. The presentation opener "we process /
analyze / ingest / collect / aggregate / crunch / index ... to <goal>" joins the employer's other openers
(etl/data/skill_context.yaml, `pitch_starts`), with the goal verbs of "we use <field> to <goal>"; as in every
presentation sentence, its concrete tools stay the team's stack, and a sentence that speaks to the applicant
is kept. Without a goal ("We analyze billions of requests daily using a big data cluster") the sentence
describes the team's own work and stays.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skills"), [
    # what the employer does with data toward its customers' goal: its business, no domain skill asked
    ("Brightwell is a cloud security company. We process trillions of log lines to give security teams full "
     "visibility and enable data science for fraud detection.", set()),
    ("We analyze millions of shipments a day to help retailers predict demand with machine learning.", set()),
    ("We're ingesting billions of sensor readings to detect failures with AI before they happen.", set()),
    ("We collect traffic data from whole cities to optimize delivery routes with deep learning.", set()),
    # its concrete tools stay the team's stack, as in any presentation sentence
    ("We process billions of events with Kafka and Spark to give analysts machine learning insights.",
     {"Kafka", "Spark"}),
])
def test_employer_data_work_toward_a_goal_is_its_business(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: no goal clause (the team's work), the applicant addressed, another subject
    ("We analyze billions of requests daily using one of the largest big data clusters in the region.",
     {"Big Data"}),
    ("We process payments in Go and Python.", {"Go", "Python"}),
    ("In this role you will process sensor data to detect anomalies with machine learning.",
     {"Machine Learning"}),
    ("We process events to give teams alerts, and you will build the machine learning models behind them.",
     {"Machine Learning"}),
    ("We use machine learning to detect fraud for our customers.", set()),
    ("Experience with big data tools to process events is a plus.", {"Big Data"}),
])
def test_team_work_and_requirements_stay(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills
