"""Skills classes from the eightieth round's misses (issue 9, real-fresh-v74; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "named"), [
    # a poster's lower-case list of tools names Ruby, as "go, python, postgres" names Go
    ("Day to day we use ansible, postgres and ruby on our build hosts.", True),
    ("Pick any scripting tongue you like (perl, python or ruby) for the take-home.", True),
    # alone in prose the lower-case word stays a gem or a colour
    ("Our founder wore a ruby ring to every board meeting.", False),
    ("The logo is a ruby red fox over a grey field.", False),
])
def test_eightieth_round_lower_case_ruby_in_a_list(text: str, named: bool) -> None:
    assert ("Ruby" in _named(text)) is named



@pytest.mark.parametrize(("text", "named"), [
    # a poster's lower-case list of configuration tools names Chef, as it names Vault and Consul
    ("Servers are set up with chef and ansible playbooks.", True),
    ("Tools: ansible/chef, jenkins, nagios.", True),
    # the cook among the perks stays out
    ("Perks: lunch cooked by our chef, a gym and a rooftop.", False),
    ("Our chef and two cooks run the kitchen for the whole office.", False),
])
def test_eightieth_round_lower_case_chef_in_a_list(text: str, named: bool) -> None:
    assert ("Chef" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # the same lower-case list names the framework, as it names the language
    ("We write python/rails/postgres services for clinics.", True),
    ("Stack: react, rails, redis.", True),
    # rails of a bridge or a fence stay out
    ("The new footbridge has steel rails, lamps and benches.", False),
])
def test_eightieth_round_lower_case_rails_in_a_list(text: str, named: bool) -> None:
    assert ("Ruby on Rails" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # lower-case language names in a poster's list: Elixir
    ("Backend in erlang, elixir and postgres.", True),
    # a potion stays out
    ("No magic elixir, no silver bullet, just hard work.", False),
])
def test_eightieth_round_lower_case_elixir_in_a_list(text: str, named: bool) -> None:
    assert ("Elixir" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # lower-case language names in a poster's list: Scala
    ("Services run on scala/akka with kafka in front.", True),
    ("Looking for people who know java, scala or kotlin.", True),
    # the opera house in a list of sights stays out
    ("Team trips so far: la scala, the lakes, a vineyard.", False),
])
def test_eightieth_round_lower_case_scala_in_a_list(text: str, named: bool) -> None:
    assert ("Scala" in _named(text)) is named
