"""Skills classes from the seventy-eighth round's misses (issue 9, real-fresh-v72; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "and / or" written with spaces around the slash joins two items of a list, as "and/or" does: a form
    # accepted only in a list counts beside the other tool
    ("You have used Terraform and / or Helm in earlier projects.", "Helm", True),
    ("Nice to have: experience with Pulumi and / or Express.", "Express.js", True),
    ("Sie kennen Terraform und / oder Helm aus Projekten.", "Helm", True),
    # the words alone name nothing
    ("Your job is to keep the helm and / or the sails in good order.", "Helm", False),
])
def test_seventy_eighth_round_spaced_and_or_joins_a_list(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "we develop in", "written in", "built in" before an ambiguous form ask for it, as "built with" does
    ("At our studio we develop in Rails and keep a small React front-end.", "Ruby on Rails", True),
    ("The admin tool is written in Express and talks to a queue.", "Express.js", True),
    ("Our legacy dashboard is built in Backbone and we are replacing it.", "Backbone.js", True),
    # the words alone, or a season or a place after them, name nothing
    ("The office was built in spring and sits near the rails of the old tram.", "Ruby on Rails", False),
    ("Our new office was built in Spring 2019.", "Spring", False),
])
def test_seventy_eighth_round_develop_in_leads_in(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "overruled"), [
    # an agile team or environment the role works in names the way of working (the eighth-round ruling):
    # demand, whatever the trained check says of the sentence around it
    ("You will be joining a cross-functional agile team at our client's site.", True),
    ("You thrive when juggling tasks in an Agile environment.", True),
    ("Our squads work as agile teams of five.", True),
    # other uses of the word are left to the check
    ("Our office is agile, open and bright.", False),
    ("We are an agile company that moves fast.", False),
])
def test_seventy_eighth_round_agile_team_is_demand_after_the_check(text: str, overruled: bool) -> None:
    from etl.normalize.skills import Mention
    from etl.skill_judge import demand_after_check

    start = text.lower().index("agile")
    mention = Mention("Agile", start, start + len("agile"), "counted")
    assert demand_after_check(text, [mention], "Engineer", [False]) == [overruled]
