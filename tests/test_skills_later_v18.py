"""Skills classes of the later batch real-later-v18 (issue 9: Glassdoor and get in IT skills).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "named"), [
    # the one-word German spelling of data lakes, in the plural as in the singular
    ("Du baust Datalakes und Datenplattformen in der Cloud auf.", True),
    ("Du betreust unseren Datalake auf <cloud>.", True),
    # a lake that holds water is no data lake
    ("Unser Büro liegt direkt an zwei Seen und Lakes.", False),
])
def test_the_german_plural_of_datalake(text: str, named: bool) -> None:
    assert ("Data Lake" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # agents built with an agentic approach, in English and in German (every ending)
    ("You extend our CRM assistant with an agentic approach.", True),
    ("Experience with agentic approaches to LLM applications.", True),
    ("Du entwickelst KI-Anwendungen mit agentischen Ansätzen.", True),
    ("Erfahrung mit agentischen Ansatz oder agentische Ansätze sind ein Plus.", True),
    # an approach that is no agent's
    ("We take an agile approach to planning.", False),
])
def test_an_agentic_approach_names_ai_agents(text: str, named: bool) -> None:
    assert ("AI Agents" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # German statistical procedures are statistical methods ("statistische Methoden" is a form already)
    ("Sie setzen statistische Verfahren für Prognosen ein.", True),
    ("Kenntnisse statistischer Verfahren und klassischer Modelle.", True),
    ("Erfahrung mit statistischen Verfahren ist ein Plus.", True),
    # a procedure that is no statistics
    ("Das Verfahren der Bewerbung ist einfach.", False),
])
def test_german_statistical_procedures_name_statistics(text: str, named: bool) -> None:
    assert ("Statistics" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # agility as one of the qualities a team's work should raise is no method asked
    ("Du steigerst mit uns Effizienz, Qualität und Agilität unserer Services.", False),
    ("Wir verbessern Flexibilität und Agilität der Prozesse.", False),
    ("Für mehr Geschwindigkeit und Agilität im Betrieb.", False),
    # the method itself still counts
    ("Du arbeitest in agilen Teams nach Scrum.", True),
    ("Agilität und Scrum sind für dich gelebter Alltag.", True),
])
def test_agility_among_qualities_is_no_method(text: str, named: bool) -> None:
    assert ("Agile" in _named(text)) is named
