"""Skills classes of the later batch real-later-v32 (issue 9: Arbeitnow skills, German and English).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named, named_in_posting


@pytest.mark.parametrize(("text", "skill", "found"), [
    # "Its <product>" opening a sentence of the employer's presentation: the product is the employer's, so the
    # domain skills it is said to rest on are its business, not the job's
    ("Quillmark is a booking platform for clinics. Its modular, AI-powered engine plans every visit.\n\n"
     "Requirements:\n- Python and SQL", "AI", False),
    ("Quillmark is a booking platform. Its platform runs autonomous AI agents for every guest.\n\n"
     "Requirements:\n- Python", "AI Agents", False),
    ("Its products use machine learning to price every trip.", "Machine Learning", False),
    # its concrete tools are the team's stack, and a line of the job's own is read as before
    ("Its platform is written in Python on AWS.", "Python", True),
    ("- Build AI agents for our support desk with <framework>.", "AI Agents", True),
    ("Its main duty is to build AI features with the product team.", "AI", True),
])
def test_its_product_opens_a_presentation(text: str, skill: str, found: bool) -> None:
    assert (skill in named_in_posting(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # the German inverted presentation: a fronted phrase, the verb, then "wir" ("By combining <fields>,
    # we transform ..."): the employer's business
    ("Durch die Verbindung von Statistik, Machine Learning und künstlicher Intelligenz revolutionieren wir "
     "die Personalplanung.", False),
    ("Mit KI-gestützten Werkzeugen verändern wir die Logistik im Mittelstand.", False),
    ("Dank Machine Learning ermöglichen wir Kliniken bessere Dienstpläne.", False),
    # said to the applicant, or the applicant's own work: demand
    ("Mit dir entwickeln wir KI-Lösungen für unsere Kunden.", True),
    ("Du entwickelst Machine-Learning-Modelle für die Personalplanung.", True),
])
def test_german_inverted_presentation(text: str, found: bool) -> None:
    assert bool(named_in_posting(text) & {"AI", "Machine Learning"}) is found


@pytest.mark.parametrize(("text", "skill", "found"), [
    # companies listed in brackets right after a word for companies or clients are employers, not skills
    ("- Zusammenarbeit mit Trainer:innen aus führenden Tech-Companies (Airbnb, Shopify, Atlassian u.a.)",
     "Shopify", False),
    ("Our founders led teams at large companies (Google, Shopify, Stripe) before.", "Shopify", False),
    # a bracket of tools after another noun, or a lower-case kind, stays a list of skills
    ("- Erfahrung mit Plattformen (Shopify, Magento)", "Shopify", True),
    ("- Experience with e-commerce platforms (Shopify, Magento)", "Shopify", True),
])
def test_a_bracketed_roster_of_companies(text: str, skill: str, found: bool) -> None:
    assert (skill in named_in_posting(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # "GPT" written alone among AI developer tools names the GPT models (the taxonomy's "GPT models")
    ("Begeisterung für AI und moderne Developer Tools (z. B. GPT, LangChain, Pinecone)", True),
    ("Experience writing prompts for GPT in our support tools.", True),
    # a partition table, a workplace award, or no AI word near: no LLM
    ("Set up disks with a GPT partition table on Linux servers.", False),
    ("Certified Great Place to Work (GPTW) for the third year.", False),
])
def test_gpt_alone_names_llm(text: str, found: bool) -> None:
    assert ("LLM" in named(text)) is found


@pytest.mark.parametrize(("text", "found"), [
    # document databases are the non-relational kind
    ("Experience with relational/document databases (PostgreSQL, DynamoDB).", True),
    ("You design schemas for a document database and a message broker.", True),
    ("Erfahrung mit dokumentenorientierten Datenbanken", True),
    # the verb "document" before a database design is no database kind
    ("- Document database design and data flows for the team.", False),
])
def test_document_databases_name_nosql(text: str, found: bool) -> None:
    assert ("NoSQL" in named(text)) is found
