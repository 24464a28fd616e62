"""Skills classes from the fifty-sixth round's misses (issue 9, real-fresh-v50, German; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # the German adjective "objektorientiert" in every ending, and the noun
    ("Fortgeschrittene Kenntnisse in objektorientierte Softwareentwicklung.", "OOP", True),
    ("Du schreibst objektorientiertes Java für unsere Plattform.", "OOP", True),
    ("Sicher im objektorientiertem Design von Komponenten.", "OOP", True),
    ("Erfahrung mit Objektorientierung und Entwurfsmustern.", "OOP", True),
    # software quality assurance written as one German compound
    ("Erweiterte Kenntnisse in der Software-Qualitätssicherung.", "Quality Assurance", True),
    ("Du verantwortest die Softwarequalitätssicherung im Team.", "Quality Assurance", True),
    ("Qualitätssicherung von Produktionsdaten im Werk.", "Quality Assurance", False),
    # agentic workflows, systems and applications in German endings (forty-fifth round: "agentische KI")
    ("Erfahrung mit agentischen Workflows und RAG.", "AI Agents", True),
    ("Du entwickelst agentische Anwendungen für unsere Kunden.", "AI Agents", True),
    ("Integration von agentischen Systemen in bestehende Landschaften.", "AI Agents", True),
    # a German compound "<skill>basiert" (based on the skill): the skill
    ("Pflege von linuxbasierten Servern im Rechenzentrum.", "Linux", True),
    ("Entwicklung javabasierter Dienste.", "Java", True),
    ("Wir betreiben eine webbasierte Lösung.", "Linux", False),
    # the agent framework named after the validation library is not the library
    ("Erste Erfahrung mit Frameworks wie LangChain oder Pydantic AI.", "Pydantic", False),
    ("Erste Erfahrung mit Frameworks wie LangChain oder Pydantic.AI.", "Pydantic", False),
    ("Validation with Pydantic and FastAPI.", "Pydantic", True),
    # a German "agiles Mindset" among personal traits is an attitude, not the practice asked
    ("Dein agiles Mindset verbindest du mit Teamgeist und Neugier.", "Agile", False),
    ("Mit einem agilen Mindset und Humor passt du zu uns.", "Agile", False),
    ("Du arbeitest in einem agilen Team mit Scrum.", "Agile", True),
])
def test_fifty_sixth_round_forms(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


# A German compound whose head is a team or colleagues ("ML-Team", "KI-Kollegen"), also at the end of a
# suspended chain ("Data-, ML- und Automation-Kollegen"), names colleagues, as "the ML team" and "AI
# colleagues" do in English; a chain ending in another noun ("ML- und KI-Methoden") still asks for the skill.
@pytest.mark.parametrize(("text", "skill", "named"), [
    ("Du stimmst dich eng mit dem ML-Team ab.", "Machine Learning", False),
    ("Du arbeitest eng mit Daten-, ML- und Automations-Kollegen an Anwendungsfällen.", "Machine Learning",
     False),
    ("Du arbeitest mit unseren KI-Kolleginnen zusammen.", "AI", False),
    ("Abstimmung mit den DevOps- und QA-Teams der Kunden.", "Quality Assurance", False),
    ("Kenntnisse in ML- und KI-Methoden.", "Machine Learning", True),
    ("Erfahrung in Data-, ML- und KI-Projekten.", "AI", True),
    ("Du entwickelst ML-Modelle für den Vertrieb.", "Machine Learning", True),
])
def test_a_german_compound_naming_colleagues(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


# A lost line break glues a three-letter name to the capitalised word opening the next sentence ("React,
# VueWir kommunizieren", "Git und SVNDu kennst"): a mixed-case name counts there too, as an upper-case one
# ("SQLErfahrung") already did; glued to another word it stays a product's camel case ("GitLabs", "ZigWay").
@pytest.mark.parametrize(("text", "skill", "named"), [
    ("Wir schreiben in: Elixir, PHP, React, VueWir kommunizieren in: Slack.", "Vue.js", True),
    ("Versionierung mit GitDu kennst dich aus mit Linux.", "Git", True),
    ("Frontend with React and VueWe offer a fair salary.", "Vue.js", True),
    ("Our partner GitLabs ships hosting.", "Git", False),
    ("Der Shop ZigWay verkauft Fahrräder.", "Zig", False),
])
def test_a_short_name_glued_to_the_next_sentence(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named
