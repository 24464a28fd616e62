"""Skills as German, French and Portuguese postings write them, Latin letters inside words, and
a source's own technology tags (labelling guide: "Rules in other languages", skills)."""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.normalize.skills import extract_skills, tag_skills

NAMED = [
    ("Eine KI-basierte, unternehmensinterne Suchmaschine", "AI"),
    ("Erfahrung mit Künstlicher Intelligenz", "AI"),
    ("Connaissances en intelligence artificielle", "AI"),
    ("Experiência com inteligência artificial", "AI"),
    ("Methoden im Bereich Generative KI", "Generative AI"),
    ("Kenntnisse im maschinellen Lernen und maschinelles Lernen", "Machine Learning"),
    ("apprentissage automatique", "Machine Learning"),
    ("aprendizado de máquina", "Machine Learning"),
    ("Freude an der Arbeit in agilen Teams", "Agile"),
    ("Experiência Metodologias Ágeis (Scrum e Kanban)", "Agile"),
    ("Erfahrung in Testautomatisierung", "Test Automation"),
    ("Realizar testes unitários", "Unit Testing"),
    ("testes de integração", "Integration Testing"),
    ("Orientação a objetos", "OOP"),
    ("programmation orientée objet", "OOP"),
    ("modelagem de banco de dados relacional", "Data Modeling"),
    ("du entwickelst das harmonisierte Datenmodell weiter", "Data Modeling"),
    ("Sistema Operacional Windows", "Windows"),
    ("gute Kenntnisse der aktuellen Windows Client Betriebssysteme", "Windows"),
    ("Experiência com integração contínua", "CI/CD"),
    ("Mise en place de l'intégration continue", "CI/CD"),
    ("arquitetura de microsserviços", "Microservices"),
    ("Erfahrung mit verteilten Systemen", "Distributed Systems"),
    ("visão computacional", "Computer Vision"),
    ("processamento de linguagem natural", "NLP"),
    ("Datenvisualisierung mit Power BI", "Data Visualization"),
    ("einschließlich der DSGVO", "GDPR"),
    ("conformité RGPD", "GDPR"),
    ("eine strukturierte A/B-Testing-Roadmap", "A/B Testing"),
    ("inklusive SQL-Server Performance Analyse", "SQL Server"),
    ("Testes automáticos nos sistemas", "Test Automation"),
    ("desenvolvimento ágil", "Agile"),
    ("arquitetura de micro serviços", "Microservices"),
    ("arquitetura orientada a eventos", "Event-Driven Architecture"),
    ("conhecimento em ciência de dados", "Data Science"),
    ("testes end-to-end com Cypress", "End-to-End Testing"),
    ("testes de carga", "Performance Testing"),
    ("Lasttests und Performancetests", "Performance Testing"),
    ("infraestrutura como código", "Infrastructure as Code"),
    ("Infrastruktur als Code", "Infrastructure as Code"),
    ("observabilidade das aplicações", "Observability"),
    ("funktionale Programmierung", "Functional Programming"),
    ("arquitetura limpa", "Clean Architecture"),
    ("Penetrationstests", "Penetration Testing"),
    ("Unittests", "Unit Testing"),
]


@pytest.mark.parametrize(("text", "skill"), NAMED, ids=[t for t, _ in NAMED])
def test_other_language_names(text: str, skill: str) -> None:
    assert skill in extract_skills(text)[0]


NOT_NAMED = [
    ("La prise de poste est prévue début mai.", "Vue.js"),  # "prévue" holds no word "vue"
    ("Une entrevue aura lieu en mai.", "Vue.js"),
    ("Das Kino bietet einen Kiosk", "AI"),  # "ki" inside words, lower case
    ("colaborativos, ágeis e flexíveis", "Agile"),  # a culture adjective, not the method
]


@pytest.mark.parametrize(("text", "skill"), NOT_NAMED, ids=[t for t, _ in NOT_NAMED])
def test_not_named(text: str, skill: str) -> None:
    assert skill not in extract_skills(text)[0]


def test_other_scripts_stay_boundaries() -> None:
    # Chinese and Japanese postings glue Latin names to their words: those letters are boundaries.
    assert "Python" in extract_skills("熟悉Python开发")[0]


def test_tags_are_skills_whatever_their_case() -> None:
    # a board's tag is filed as a technology: "rust" or "go" need no context there
    assert tag_skills("rust") == ["Rust"]
    assert tag_skills("golang; postgres") == ["Go", "PostgreSQL"]
    assert tag_skills("Artificial Intelligence (AI); Consulting; JIRA") == ["AI", "Jira"]
    assert tag_skills(None) == [] and tag_skills(" ; ") == []


def test_tags_reach_the_extraction() -> None:
    out = extract({"id": "x", "title": "Senior Backend Engineer", "description": "We build payments.",
                   "skill_tags": "rust; ABAP"})
    assert {"Rust", "ABAP"} <= set(out["skills"])


@pytest.mark.parametrize(("text", "skill", "named"), [
    # French words read as skills in unlabelled France Travail postings outside the test half (issue 9)
    ("Vous allez vite comprendre pourquoi nous rejoindre.", "Vite", False),
    ("Build avec Vite et Vitest", "Vite", True),
    ("Suivi du chantier du point de vue qualité ; formation en vue de maîtriser les outils", "Vue.js", False),
    ("Front-end en Vue 3 et TypeScript", "Vue.js", True),
    ("Les établissements Dupont & Fils SAS (12 collaborateurs) spécialisés en boulangerie", "SAS", False),
    ("Analyse statistique des données sous SAS et R", "SAS", True),
])
def test_french_words_that_look_like_skills(text: str, skill: str, named: bool) -> None:
    assert (skill in extract_skills(text)[0]) is named


# Eighth round (issue 9): lists joined by another language's "and"/"or", and Portuguese, German and
# clinical wordings of the fresh tune batch (constructed sentences).
@pytest.mark.parametrize(("text", "present", "absent"), [
    ("Você vai programar com Go ou Node no back end.", {"Go", "Node.js"}, set()),
    ("Relatórios em bancos como SQL Server e Oracle.", {"SQL Server", "Oracle"}, set()),
    ("Desejável: WebService SOAP, Rest e Microservices.", {"SOAP", "REST APIs", "Microservices"}, set()),
    ("Kenntnisse in Java oder Kotlin sowie Node", {"Java", "Kotlin", "Node.js"}, set()),
    ("Conhecimento de arquitetura de micros serviços.", {"Microservices"}, set()),
    ("Desenvolve modelos de dados e processos.", {"Data Modeling"}, set()),
    ("Experiência com desenvolvimento orientado a testes.", {"TDD"}, set()),
    ("Elaboração de testes unitário e conjunto.", {"Unit Testing"}, set()),
    ("Desenvolver testes unitários e de integração.", {"Unit Testing", "Integration Testing"}, set()),
    ("Realização de testes unitários e integrados.", {"Unit Testing", "Integration Testing"}, set()),
    ("Entrega de software com procedimentos de garantia de qualidade.", {"Quality Assurance"}, set()),
    ("Garantir a qualidade antes da entrega ao time de QA.", set(), {"Quality Assurance"}),
    ("Gestão de riscos em cascata e entrega ágil.", {"Agile"}, set()),
    ("Trabalhar em um ambiente colaborativo e ágil.", {"Agile"}, set()),
    ("Microservices basierend auf serverlosen Anwendungen", {"Serverless", "Microservices"}, set()),
    ("You will be maintaining autotests for the product.", {"Test Automation"}, set()),
    ("Compliance with GCP guidelines and CAP accreditation.", set(), {"GCP"}),
    ("Deploy services on GCP and AWS.", {"GCP", "AWS"}, set()),
])
def test_eighth_round_wordings(text: str, present: set[str], absent: set[str]) -> None:
    found = set(extract_skills(text)[0])
    assert present <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "present", "absent"), [
    # ninth round (issue 9): two kinds of tests written once ("unit and integration tests"), in English and
    # German as the Portuguese "testes unitários e de integração"; a data model; distributed architectures
    ("From unit and integration tests to UI testing.", {"Unit Testing", "Integration Testing"},
     set()),
    ("Unit and integration testing", {"Unit Testing", "Integration Testing"}, set()),
    ("Wir schreiben Unit- und Integrationstests.", {"Unit Testing", "Integration Testing"}, set()),
    ("The unit and its integration with payroll.", set(), {"Unit Testing"}),
    ("Actively contribute to our data model with the analytics engineers.", {"Data Modeling"}, set()),
    ("CMDB administration and CSDM (Common Service Data Model).", set(), {"Data Modeling"}),
    ("Knowledge of messaging platforms in a distributed architecture.", {"Distributed Systems"}, set()),
    ("Erfahrung mit verteilten Architekturen und Microservices.", {"Distributed Systems"}, set()),
    ("Experiência com arquiteturas distribuídas.", {"Distributed Systems"}, set()),
    # "AI/ML" names both, as "Agile/Scrum" does (labelling guide); "stays agile" is a person's manner
    ("Research and potentially implement ML/AI models.", {"AI", "Machine Learning"}, set()),
    ("We are seeking an AI/ML Engineer.", {"AI", "Machine Learning"}, set()),
    ("The artist stays agile when priorities shift.", set(), {"Agile"}),
    ("Oauth/Open ID/ Keycloak", {"OAuth", "OpenID Connect", "Keycloak"}, set()),
    ("Build and maintain cross-platform, responsive frontends.", {"Responsive Design"}, set()),
    # the Portuguese, Spanish and French word order, written in any case ("API Rest", "APIs Rest")
    ("Proficiência em HTML, CSS, JSON, SQL e API Rest.", {"REST APIs"}, set()),
    ("Integração com APIs Rest de parceiros.", {"REST APIs"}, set()),
])
def test_ninth_round_wordings(text: str, present: set[str], absent: set[str]) -> None:
    found = set(extract_skills(text)[0])
    assert present <= found, found
    assert not absent & found, found


@pytest.mark.parametrize(("text", "present", "absent"), [
    # fourteenth round (issue 9, real-fresh-v8 and the tune half's missed skills): a spreadsheet named in
    # lower case beside a word that says it is the tool ("the ledger in excel", "excel and word", "strong
    # excel skills"); the verb stays no skill
    ("Keep the weekly stock sheet in excel for the warehouse lead.", {"Excel"}, set()),
    ("Daily use of excel and word is part of the desk work.", {"Excel"}, set()),
    ("You know word and excel and can file scanned invoices.", {"Excel"}, set()),
    ("Solid excel skills and a careful eye for numbers.", {"Excel"}, set()),
    ("Strong excel and database skills.", {"Excel"}, set()),
    ("At ease with excel/google sheets for the rota.", {"Excel"}, set()),
    ("People who excel in a small team thrive here.", set(), {"Excel"}),
    ("We keep our word to every customer.", set(), {"Excel"}),
    # statistics as the work's technique, in English and Portuguese
    ("Good statistical skills are needed to defend each forecast.", {"Statistics"}, set()),
    ("Apply statistical techniques to the churn data.", {"Statistics"}, set()),
    ("Interpretar resultados e aplicar técnicas estatísticas nos painéis.", {"Statistics"}, set()),
    # responsive interfaces in Portuguese
    ("Criar telas modernas e responsivas para o aplicativo.", {"Responsive Design"}, set()),
    ("Criar layouts responsivos para o portal.", {"Responsive Design"}, set()),
    # "analysis services" in lower case is a laboratory's offer, not Microsoft's SSAS
    ("The lab offers sampling, research and analysis services to agencies.", set(), {"SSIS"}),
    ("Build cubes in SQL Server Analysis Services.", {"SSIS"}, set()),
    # a data science degree written in Portuguese is a field of study
    ("Formação superior em Computação, Ciência de Dados, Engenharia ou Matemática.", set(),
     {"Data Science"}),
    ("Experiência com ciência de dados aplicada a crédito.", {"Data Science"}, set()),
    # QA engineers as a role hired in a list of openings stay QA (read as colleagues they broke two tune
    # labels of Hacker News multi-role posts, so "work with ... QA engineers" is left as a miss)
    ("Openings: backend engineers, project managers, QA Engineers | Onsite", {"Quality Assurance"}, set()),
    ("Experience with QA automation for web shops.", {"Quality Assurance"}, set()),
    # PL/SQL written with spaces
    ("Validation rules are written in SQL + Pl / SQL.", {"PL/SQL"}, set()),
])
def test_fourteenth_round_wordings(text: str, present: set[str], absent: set[str]) -> None:
    found = set(extract_skills(text)[0])
    assert present <= found, found
    assert not absent & found, found
