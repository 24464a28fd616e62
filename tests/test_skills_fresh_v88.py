"""Skills classes from the ninety-fourth round's misses (issue 9, real-fresh-v88; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a list written one bare name a line: an ambiguous name between two others is in a list of skills
    ("Must have:\nTypeScript\nVue\n\nNice to have:\nSQL\nRails\nTDD\nDocker", "Ruby on Rails", True),
    ("Must have:\nTypeScript\nVue\nBackbone\nDocker", "Backbone.js", True),
    ("Stack:\nPython\nGo\n", "Go", True),
    # a line holding more than the name is a sentence, no list
    ("We write TypeScript\nBackbone of the team: trust", "Backbone.js", False),
    ("Our office:\nPython\nGo to the third floor and ask for us", "Go", False),
])
def test_ninety_fourth_round_one_name_a_line(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # the bare abbreviation names continuous integration (ruled with real-test-v11's questions)
    ("We test what we ship and we have a CI build process with a staging box.", True),
    ("Deploys take minutes and the CI says whether the tests pass.", True),
    ("We are firm believers in CI, code review and pairing.", True),
    ("Tools: Git, CI, Docker", True),
    # a CI product's own name or another company's is no practice named
    ("Our pipelines run on Concourse CI.", False),
    ("Previously at CI&T in Campinas.", False),
    ("Travis CI runs our checks.", False),
    # a counterintelligence polygraph of a US clearance (the snapshot's Glassdoor moves)
    ("An active TS/SCI clearance with a CI Polygraph is required.", False),
    ("Current Top Secret clearance with CI poly.", False),
])
def test_ninety_fourth_round_bare_ci(text: str, named: bool) -> None:
    assert ("CI/CD" in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "(unit and acceptance)": unit tests named under the verb "test"
    ("We test everything (unit and acceptance) and automate the rest.", "Unit Testing", True),
    ("You will write unit and acceptance tests.", "Unit Testing", True),
    ("Each business unit and acceptance criterion is signed off by the client.", "Unit Testing", False),
    # a lower-case AWS service name in a list of AWS services
    ("Our stack: Python, AWS (S3, lambda), Postgres", "AWS Lambda", True),
    ("A lambda in Python sorts the list; we host on AWS.", "AWS Lambda", False),
])
def test_ninety_fourth_round_spellings(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "AI start-ups" is an industry, as "AI startups" (eighth tune round's people and firm words)
    ("Unlike most AI start-ups, we already sell to hospitals. You will write Go.", "AI", False),
    # a participle opener whose subject is the employer or its product presents the employer
    ("Quillfarm links growers. Utilising the latest machine learning technology, Quillfarm's service works "
     "over text messages. You will write Clojure.", "Machine Learning", False),
    ("Quillfarm links growers. Utilising the latest machine learning technology, Quillfarm's service works "
     "over text messages. You will write Clojure.", "Clojure", True),
    # ... not when the applicant or the team is its subject, nor in a duty's list
    ("Using machine learning, you will build ranking models.", "Machine Learning", True),
    ("Using machine learning, our team builds ranking models.", "Machine Learning", True),
    ("- Using analytics, data visualization and writing skills to work with stakeholders",
     "Data Visualization", True),
])
def test_ninety_fourth_round_employer_presentation(text: str, skill: str, named: bool) -> None:
    assert (skill in named_in_posting(text)) is named


def test_ninety_fourth_round_offering_by_the_employers_name() -> None:
    # "<Company> provides apps/services (on Android and iOS)": the employer, by its name, is the seller of an
    # offering as "we" is; its platforms are no demand, the role's own Android stays (read after the check)
    from etl.normalize.skills import skill_mentions
    from etl.skill_judge import demand_after_check

    text = ("Zedgeo (NYSE: ZDGO) provides wallpaper apps/services (mostly on Android and iOS) for millions "
            "of users.\nWe are hiring an Android engineer.")
    orig, mentions = skill_mentions(text)
    kept = demand_after_check(orig, mentions, "", [True] * len(mentions), "Zedgeo")
    skills = {m.skill for m, ok in zip(mentions, kept, strict=True) if ok}
    assert "iOS" not in skills
    assert "Android" in skills
    # without the name the sentence names no seller: every mention stays (the rule before this round)
    assert all(demand_after_check(orig, mentions, "", [True] * len(mentions)))
