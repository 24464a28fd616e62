"""Skills classes of the later batch real-later-v64 (issue 9: LinkedIn sample and Glassdoor skills), with the
lead's ruling 3 on real-later-v58 (an employer calling itself agile gives no Agile).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named, named_in_posting


@pytest.mark.parametrize(("text", "found"), [
    # "statistical" opening a list of kinds before a head word of work or skills is statistics asked
    ("- Strong research, statistical, analytical and writing skills for the pricing desk.", True),
    ("- Apply statistical, econometric and simulation techniques to the demand forecasts.", True),
    ("Deep knowledge of classic statistical based methods as well as newer learning methods.", True),
    # the adjective before a background, a degree or a word that is no head names nothing
    ("A statistical, mathematical or economics background is welcome.", False),
    ("Use your statistical, scientific and engineering training to shape the product.", False),
    ("The statistical and economics degree is welcome.", False),
])
def test_statistical_in_a_list_of_kinds(text: str, found: bool) -> None:
    assert ("Statistics" in named(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # statistics as work done, written with the adverb or as the field's concepts and methodology
    ("- Evaluates statistically the calibration results and writes the test report.", True),
    ("- Statistically analyze the survey returns each quarter.", True),
    ("- Solid grasp of core statistical concepts and sampling.", True),
    ("- Selects the statistical methodologies for each study.", True),
    # the adverb as a pun or a manner of speaking names nothing
    ("We are, statistically speaking, the happiest team in town.", False),
    ("The uplift was statistically significant, as the board heard.", False),
])
def test_statistics_as_an_adverb_and_its_concepts(text: str, found: bool) -> None:
    assert ("Statistics" in named(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # the lead's ruling 3 on real-later-v58: the employer or its team calling itself agile among other
    # adjectives describes the company, not the practice the role asks
    ("Nordlicht Pharma is an agile, fast-moving and growing leader in diagnostics.", False),
    ("We are an agile, fast working crew ready to ship the next release.", False),
    ("We're an agile, design-led studio in the harbour district.", False),
    # the practice itself still counts: an agile environment or team the role works in, the method asked
    ("- Comfortable working in an agile, fast-paced environment with weekly releases.", True),
    ("- You will work in an agile team with two-week sprints.", True),
    ("We are an agile team and plan our work in two-week sprints.", True),
    ("- Experience with Agile methodologies and Jira.", True),
])
def test_an_employer_calling_itself_agile(text: str, found: bool) -> None:
    assert ("Agile" in named_in_posting(text)) is found


@pytest.mark.parametrize(("text", "skill", "found"), [
    # spellings of forms the taxonomy writes otherwise: "AB test(s)" as "AB testing", "timeseries" as
    # "time series"
    ("- Advise the growth team on AB test design and readouts.", "A/B Testing", True),
    ("- Run AB tests on the checkout flow.", "A/B Testing", True),
    ("- Knowledge of regression, timeseries modeling and clustering.", "Time Series Analysis", True),
    # the data or a store of it is no analysis (as "time series data / database")
    ("- Operate our timeseries database cluster on bare metal.", "Time Series Analysis", False),
    ("- Ingest timeseries data from the sensors into the lake.", "Time Series Analysis", False),
])
def test_spellings_of_written_forms(text: str, skill: str, found: bool) -> None:
    assert (skill in named(text)) is found
