"""Role family: software titles, data titles, look-alikes that are not software, text tie-breaks."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import ROLE_FAMILIES, classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"

TITLES = [
    ("Senior Software Developer", SE),
    ("Software Engineer", SE),
    ("Software Engr I", SE),
    ("SDE II", SE),
    ("SWE Intern", SE),
    ("Staff SW Systems Design Engineer", SE),
    ("Backend Developer", SE),
    ("Front-End Engineer", SE),
    ("Full-Stack Engineer", SE),
    ("Fullstack Dotnet Developer - Angular", SE),
    ("Mobile App Developers (Fully Remote)", SE),
    ("iOS Developer", SE),
    ("Android Engineer", SE),
    ("Web Developer", SE),
    ("DevOps Engineer", SE),
    ("Site Reliability Engineer", SE),
    ("SRE", SE),
    ("Platform Engineer", SE),
    ("Infrastructure Engineer", SE),
    ("Cloud Engineer", SE),
    ("Embedded Software Engineer", SE),
    ("Firmware Engineer", SE),
    ("SDET", SE),
    ("QA Automation Engineer", SE),
    ("Test Automation Engineer Sr", SE),
    ("Tech Lead", SE),
    ("Engineering Manager", SE),
    ("Manager, Software Engineering", SE),
    ("Head of Engineering", SE),
    ("VP of Engineering", SE),
    ("Solutions Architect", SE),
    ("Software Architect", SE),
    ("Cloud Architect", SE),
    ("Java Developer", SE),
    ("Python Dev", SE),
    (".NET Developer", SE),
    ("C# Developer", SE),
    ("C C++ Linux developer", SE),
    ("Node.js Engineer", SE),
    ("Salesforce Developer", SE),
    ("Member of Technical Staff", SE),
    ("Software Engineer, Machine Learning", SE),
    ("Software Engineer - Data Platform", SE),
    ("Forward Deployed Engineer", SE),
    ("Data Scientist", DATA),
    ("Senior Data Analyst", DATA),
    ("Data Engineer", DATA),
    ("Machine Learning Engineer", DATA),
    ("ML Engineer", DATA),
    ("AI Engineer", DATA),
    ("MLOps Engineer", DATA),
    ("Power BI Developer", DATA),
    ("ETL Developer", DATA),
    ("Database Administrator", DATA),
    ("Analytics Engineer", DATA),
    # a bare "Research Scientist" with no text names no data work: other (lead's ruling 4 on real-later-v79)
    ("Research Scientist", OTHER),
    ("Research Scientist, Machine Learning", DATA),
    ("Sales Representative", OTHER),
    ("Account Executive", OTHER),
    ("Marketing Coordinator", OTHER),
    ("Recruiter", OTHER),
    ("Technical Recruiter", OTHER),
    ("Staff Accountant", OTHER),
    ("Registered Nurse", OTHER),
    ("Lead Generation Specialist", OTHER),
    ("Go To Market Strategist AI Trainer Freelance 8 20 hrs week", OTHER),
    ("Hardware Engineer", OTHER),
    ("Civil Engineer", OTHER),
    ("Mechanical Engineer", OTHER),
    ("Electrical Engineering Intern", OTHER),
    ("Design Verification Engineer", OTHER),
    ("Senior Design Verification Engineer", OTHER),
    ("ASIC Methodology, Flow and Integration Engineer", OTHER),
    ("Business Development Manager", OTHER),
    ("Data Entry Clerk", OTHER),
    ("Data Center Technician", OTHER),
    ("Technical Support Engineer", OTHER),
    ("Application Support Engineer", OTHER),
    ("Sales Engineer", OTHER),
    ("Field Engineer", OTHER),
    ("QA Analyst", OTHER),
    ("Manual Tester", OTHER),
    ("UI/UX Designer", OTHER),
    ("Product Manager", OTHER),
    ("Senior Living Coordinator", OTHER),
    ("Real Estate Developer", OTHER),
]


@pytest.mark.parametrize(("title", "expected"), TITLES, ids=[t for t, _ in TITLES])
def test_title(title: str, expected: str) -> None:
    assert classify_role_family(title) == expected


SOFTWARE_TEXT = "You will build microservices in Python and Go, deploy with Docker and Kubernetes on AWS."
HARDWARE_TEXT = "You will design PCB circuits in AutoCAD and support manufacturing of analog boards."


@pytest.mark.parametrize(("title", "text", "expected"), [
    ("Senior Engineer", SOFTWARE_TEXT, SE),
    ("Senior Engineer", HARDWARE_TEXT, OTHER),
    ("Senior Engineer", None, OTHER),
    ("Architect", SOFTWARE_TEXT, SE),
    ("Architect", "Design residential buildings and construction drawings.", OTHER),
    ("QA Engineer", SOFTWARE_TEXT, SE),
    (None, SOFTWARE_TEXT, SE),
    ("", HARDWARE_TEXT, OTHER),
    (None, None, OTHER),
])
def test_text_breaks_ties_only(title: str | None, text: str | None, expected: str) -> None:
    assert classify_role_family(title, text) == expected


def test_text_does_not_override_a_clear_title() -> None:
    assert classify_role_family("Recruiter", SOFTWARE_TEXT) == OTHER
    assert classify_role_family("Data Scientist", SOFTWARE_TEXT) == DATA
    assert classify_role_family("Backend Developer", HARDWARE_TEXT) == SE


def test_families() -> None:
    assert ROLE_FAMILIES == ("software_engineering", "data", "other")
    assert {classify_role_family(t) for t, _ in TITLES} <= set(ROLE_FAMILIES)


# Cue counting splits the text into alphanumeric words once; it must count exactly what a
# search for each cue "not glued to letters or digits" counts, including at non-ASCII letters,
# digits, punctuation cues (C++, .NET, CI/CD) and multi-word cues.
@pytest.mark.parametrize("text", [
    "Python, Java and SQL on AWS.",
    "Pythonic code2 javascripts sqlite awsome: none of these are cues.",
    "éPythonü and ßjava, ñsql.",  # non-ASCII letters do not glue in bytes.isalnum terms
    "We write C++ and C#; .NET services, node.js, CI/CD, full stack and back-end work.",
    "C++11, x.NET, nodejs2, ci/cdx, fullstack",
    "Mechanical and electrical CAD work at the plant; cold calling, CRM, sales quota.",
    "",
])
def test_cue_counts_match_word_search(text: str) -> None:
    from etl.normalize import role_family as rf

    rules = rf._rules()
    low = text.encode("utf-8", "ignore").lower()
    words = frozenset(low.translate(rf._NOT_ALNUM).split())
    for cues in (rules.software_cues, rules.other_cues):
        assert rf._count(low, words, cues) == sum(rf._has_word(low, cue) for cue in cues)


# Titles in other languages: each language's cues are a data file (etl/data/role_families/<lang>.yaml);
# before them every French, German or Portuguese developer fell to "other". Invented titles, with the
# feminine, inclusive and gender-tag forms job boards use.
FOREIGN_TITLES = {
    "fr": [
        ("Développeur / Développeuse Python (H/F)", SE),
        ("développeur·se full-stack", SE),
        ("Développeur.euse mobile F/H", SE),
        ("Ingénieur logiciel embarqué (H/F)", SE),
        ("INGENIEUR(E) GENIE LOGICIEL", SE),
        ("Ingénieure en développement logiciel", SE),
        ("Architecte logiciel", SE),
        # as their English twins ("IT Project Manager", "Systems Administrator"): not software
        ("Chef de projet informatique (H/F)", OTHER),
        ("Administrateur systèmes et réseaux", OTHER),
        ("Data scientist confirmé(e)", DATA),
        ("Analyste de données H/F", DATA),
        ("Ingénieur·e données", DATA),
        ("Ingénieur commercial (H/F)", OTHER),
        ("Ingénieur mécanique", OTHER),
        ("Serveur / Serveuse en brasserie (H/F)", OTHER),
        ("Développeur commercial terrain", OTHER),
    ],
    "de": [
        ("Softwareentwickler (m/w/d)", SE),
        ("Entwickler:in Backend (w/m/d)", SE),
        ("Java-Entwickler*in", SE),
        ("Webentwicklerin in Teilzeit", SE),
        ("Anwendungsentwickler (m/w/d)", SE),
        ("Fachinformatiker für Anwendungsentwicklung", SE),
        ("Software-Ingenieur Cloud", SE),
        ("Softwarearchitekt (m/w/d)", SE),
        ("IT-Systemadministrator (m/w/d)", OTHER),
        ("Testautomatisierer*in Python (w/m/d)", SE),  # as "Test Automation Engineer"
        ("Ingenieur Testautomatisierung", SE),
        ("Datenanalyst (m/w/d)", DATA),
        ("Datenbankadministrator Postgres", DATA),
        ("Elektronikentwickler/in (m/w/d)", OTHER),
        ("Konstruktionsingenieur (m/w/d)", OTHER),
        ("Vertriebsingenieur Software (m/w/d)", OTHER),
    ],
    "pt": [
        ("Desenvolvedor(a) Python Pleno", SE),
        ("Pessoa Desenvolvedora Front-end", SE),
        ("Desenvolvedora Java Sênior", SE),
        ("Engenheiro de Software", SE),
        ("Engenheira de Software Júnior", SE),
        ("Programador Web", SE),
        ("Líder Técnico", SE),
        ("Arquiteto de Soluções", SE),
        ("Analista de Dados", DATA),
        ("Cientista de Dados", DATA),
        ("Engenheiro(a) de Dados", DATA),
        ("Desenvolvedor de Hardware", OTHER),
        ("Engenheiro Civil", OTHER),
    ],
    "es": [
        ("Desarrollador/a Backend", SE),
        ("Desarrolladora web", SE),
        ("Ingeniero de Software", SE),
        ("Ingeniera de software senior", SE),
        ("Programador/a Java", SE),
        ("Científico de datos", DATA),
        ("Ingeniero de datos", DATA),
        ("Ingeniero industrial", OTHER),
    ],
    "nl": [
        ("Softwareontwikkelaar", SE),
        ("Java ontwikkelaar", SE),
        ("Data-analist", DATA),
    ],
    "pl": [
        ("Programista Java", SE),
        ("Programistka Python", SE),
        ("Inżynier oprogramowania", SE),
        ("Analityk danych", DATA),
    ],
    "it": [
        ("Sviluppatore software", SE),
        ("Sviluppatrice front-end", SE),
        ("Ingegnere del software", SE),
        ("Analista dati", DATA),
    ],
}


@pytest.mark.parametrize(("title", "family"),
                         [pair for pairs in FOREIGN_TITLES.values() for pair in pairs])
def test_foreign_titles(title: str, family: str) -> None:
    assert classify_role_family(title) == family


def test_other_languages_words_leave_english_titles_alone() -> None:
    # the language files apply to every title: a French word that is also English must not leak
    assert classify_role_family("Backend Developer, Commercial Lending") == SE
    assert classify_role_family("Commercial Data Analyst") == DATA
    assert classify_role_family("Hardware Developer") == OTHER
    assert classify_role_family("Consultant Data Loss Prevention") == OTHER


def test_every_language_has_a_cue_file() -> None:
    from etl.normalize import role_family as rf

    assert {p.stem for p in rf.LANGUAGE_DIR.glob("*.yaml")} == set(FOREIGN_TITLES)
