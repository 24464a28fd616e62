"""PL/SQL and SQL developers in German read as their English twins (issue 9, `real-later-v120`, h25rolede).

The English rule `'sql (?:developer|engineer|dba)'` (etl/data/role_families.yaml, data) reads "PL/SQL
Developer" data: the word just before the role noun is SQL. The Portuguese and French twins (h24plsql) put
the same qualifier after the role noun. The lead's ruling 3 on h24plsql makes the German twin the same
rule: "PL/SQL-Entwickler", "Oracle PL/SQL Entwicklerin" (the English word order, one compound or two words)
and "Entwickler (m/w/d) PL/SQL" (the qualifier after the noun, as in Portuguese and French) read data. The
twin reaches exactly as far as the English rule: SQL must be the word just before the noun, or end the
qualifier after it, so "SQL-Server-Entwickler", "Entwickler SQL und Java" and a Java developer "mit
SQL-Kenntnissen" stay software as "SQL Server Developer", "SQL and Java Developer" and "Java Developer with
SQL skills" do; an Oracle DBA and a Datenbankadministrator stay data (database roles). Invented wording
throughout.
"""

import pytest

from etl.normalize.role_family import classify_role_family

# (German title, its English twin): both read data
TWINS_DATA = [
    ("PL/SQL-Entwickler (m/w/d)", "PL/SQL Developer"),
    ("PL/SQL Entwickler", "PL/SQL Developer"),
    ("PL/SQL-Entwicklerin", "PL/SQL Developer"),
    ("PL/SQL-Entwickler:in", "PL/SQL Developer"),
    ("PL/SQL-Entwickler*in (w/m/d)", "PL/SQL Developer"),
    ("Oracle PL/SQL Entwicklerin", "Oracle PL/SQL Developer"),
    ("Oracle PL/SQL-Entwickler (m/w/d) in Teilzeit", "Oracle PL/SQL Developer, part-time"),
    ("Senior PL/SQL-Entwickler (m/w/d)", "Senior PL/SQL Developer"),
    ("SQL-Entwickler (m/w/d)", "SQL Developer"),
    ("T-SQL-Entwickler", "T-SQL Developer"),
    ("Java- und SQL-Entwickler (m/w/d)", "Java and SQL Developer"),
    ("Entwickler (m/w/d) PL/SQL", "PL/SQL Developer"),
    ("Entwickler PL/SQL", "PL/SQL Developer"),
    ("Entwicklerin Oracle PL/SQL", "Oracle PL/SQL Developer"),
    ("Entwickler (w/m/d) Oracle PL/SQL - Remote", "Oracle PL/SQL Developer - Remote"),
    ("Entwickler für PL/SQL (m/w/d)", "PL/SQL Developer"),
    ("Entwickler Java und PL/SQL", "Java and PL/SQL Developer"),
    ("Entwickler:in PL/SQL, Hamburg", "PL/SQL Developer, Hamburg"),
    ("Junior Entwickler PL/SQL (m/w/d)", "Junior PL/SQL Developer"),
]

# near-misses: the German title reads what its English twin reads (not data), so nothing here may move
TWINS_KEPT = [
    ("Java-Entwickler mit SQL-Kenntnissen (m/w/d)", "Java Developer with SQL skills", "software_engineering"),
    ("Java-Entwickler mit SQL", "Java Developer with SQL", "software_engineering"),
    ("Entwickler Java mit SQL-Erfahrung", "Java Developer with SQL experience", "software_engineering"),
    ("SQL-Server-Entwickler (m/w/d)", "SQL Server Developer", "software_engineering"),
    ("Entwickler SQL Server", "SQL Server Developer", "software_engineering"),
    ("Entwickler SQL und Java (m/w/d)", "SQL and Java Developer", "software_engineering"),
    ("Entwickler PL/SQL und Java", "PL/SQL and Java Developer", "software_engineering"),
    ("Softwareentwickler PL/SQL (m/w/d)", "PL/SQL Software Developer", "software_engineering"),
    ("Entwickler (m/w/d)", "Developer", "software_engineering"),
    ("Java-Entwickler (m/w/d)", "Java Developer", "software_engineering"),
    # database roles stay data by the rules, as before
    ("Oracle DBA (m/w/d)", "Oracle DBA", "data"),
    ("Datenbankadministrator Oracle (m/w/d)", "Oracle Database Administrator", "data"),
    ("Datenbankentwickler PL/SQL", "PL/SQL Database Developer", "data"),
]


@pytest.mark.parametrize(("title", "english"), TWINS_DATA)
def test_plsql_developer_in_german_is_data(title: str, english: str) -> None:
    assert classify_role_family(english) == "data"
    assert classify_role_family(title) == "data"


@pytest.mark.parametrize(("title", "english", "family"), TWINS_KEPT)
def test_german_near_misses_read_as_their_english_twins(title: str, english: str, family: str) -> None:
    assert classify_role_family(english) == family
    assert classify_role_family(title) == family


def test_the_german_title_decides_over_the_text() -> None:
    # the English rule reads the title only; so does the twin (the ruling's text exception is not coded)
    text = "Du entwickelst Anwendungen in Java und Kotlin, schreibst Code und Tests, Docker und Kubernetes."
    assert classify_role_family("PL/SQL Developer", text) == "data"
    assert classify_role_family("PL/SQL-Entwickler (m/w/d)", text) == "data"
    assert classify_role_family("Entwickler (m/w/d) PL/SQL", text) == "data"


# Class B of real-later-v120's misses: a German title naming the development of a software
# technology as its role ("<technology> Entwicklung", the work named instead of the worker: get in IT
# #88 labelled, #541 read) is a developer's title, as "<technology> Developer" is; "Entwicklung" alone,
# or after a word naming no software technology, decides nothing (Produkt-, Personal-,
# Geschäftsentwicklung; a hardware or mechanical development)
DEVELOPMENT_TITLES = [
    "Drupal Entwicklung / Redaktionssystem-Pflege",
    "SAP Fiori/UI5 Entwicklung (m/w/d)",
    "Java-Entwicklung im Bankenumfeld (m/w/d)",
    "Shopware Entwicklung (m/w/d)",
    "Mitarbeiter:in Frontend-Entwicklung (w/m/d)",
    "Werkstudent Python Entwicklung",
]
DEVELOPMENT_KEPT = [
    ("Mitarbeiter Produkt-Entwicklung (m/w/d)", "other"),
    ("Hardware-Entwicklung Leiterplatten (m/w/d)", "other"),
    ("Referent Personal-Entwicklung", "other"),
    ("Entwicklung und Konstruktion Sondermaschinen", "other"),
    ("Teamassistenz Entwicklung (m/w/d)", "other"),
    ("Business Development Manager (m/w/d)", "other"),
]


@pytest.mark.parametrize("title", DEVELOPMENT_TITLES)
def test_a_technology_development_title_is_software(title: str) -> None:
    assert classify_role_family(title) == "software_engineering"


@pytest.mark.parametrize(("title", "family"), DEVELOPMENT_KEPT)
def test_development_without_a_software_technology_keeps_its_family(title: str, family: str) -> None:
    assert classify_role_family(title) == family


# Class C: a business analyst (German "Business Analyse") under an open word ("IT-Consultant",
# "Consultant") is other by the labelling rules (business analysts and requirements engineers are
# other), as a project manager under one is (other_role, real-later-v100); the text's tool words no
# longer decide it. A title a software or data rule claims keeps its family.
CODING_TEXT = ("Du analysierst Anforderungen und kennst Programmiersprachen wie Java, Python und C#, "
               "Datenbanken, REST APIs, Git und CI/CD, und begleitest die Implementierung im "
               "Software-Lebenszyklus.")
ANALYST_OTHER = [
    "IT-Consultant Business Analyse (w/m/d)",
    "Consultant Business Analyst Versicherungen (m/w/d)",
    "Business Analyst / IT Consultant Logistik",
    "IT Business Analyst Consultant",
    "Business-Analyse Berater:in Cloud (m/w/d)",
]
ANALYST_KEPT = [
    # a spaced slash joins two roles: a tie, the first-named role's (as "Systemadministrator / DevOps")
    ("Business Analyst / Java Developer", "other"),
    ("Java Developer / Business Analyst", "software_engineering"),
    ("Data Analyst / Business Analyst (m/w/d)", "data"),
    ("BI Consultant Business Analyse", "data"),
    ("Business Intelligence Analyst", "data"),
    ("Software Engineer (Business Analysis tools)", "software_engineering"),
]


@pytest.mark.parametrize("title", ANALYST_OTHER)
def test_a_business_analyst_under_an_open_word_is_other(title: str) -> None:
    assert classify_role_family(title, CODING_TEXT) == "other"


@pytest.mark.parametrize(("title", "family"), ANALYST_KEPT)
def test_a_business_analyst_a_rule_claims_keeps_its_family(title: str, family: str) -> None:
    assert classify_role_family(title, CODING_TEXT) == family
