"""PL/SQL and SQL developers in Portuguese and French word order read as their English twins (issue 9).

The English rule `'sql (?:developer|engineer|dba)'` (etl/data/role_families.yaml, data) reads
"PL/SQL Developer" data: the word naming the developer's language, just before the role noun, is SQL.
The lead's ruling on `real-later-v115` question 1 (with `real-test-later-v3` ruling 2) makes that a
rule of the role, not of the language: "Desenvolvedor PL/SQL" and "Développeur PL/SQL" put the same
qualifier after the role noun, and take the same family. The twin reaches exactly as far as the English
rule: the qualifier after the role noun must *end* in SQL (as the English qualifier ends in SQL before
the noun), so "Desenvolvedor SQL Server" and "Développeur SQL et Java" stay software as "SQL Server
Developer" and "SQL and Java Developer" do. Invented wording throughout.
"""

import pytest

from etl.normalize.role_family import classify_role_family

# (Portuguese or French title, its English twin): both read data
TWINS_DATA = [
    ("Desenvolvedor PL/SQL", "PL/SQL Developer"),
    ("Desenvolvedora PL/SQL", "PL/SQL Developer"),
    ("Desenvolvedor(a) PL/SQL", "PL/SQL Developer"),
    ("Pessoa Desenvolvedora PL/SQL Sênior", "Senior PL/SQL Developer"),
    ("Analista Desenvolvedor PL/SQL Pleno", "PL/SQL Developer"),
    ("Desenvolvedor Sênior PL/SQL", "Senior PL/SQL Developer"),
    ("Desenvolvedor SQL - Remoto", "SQL Developer - Remote"),
    ("Desenvolvedor Oracle PL/SQL", "Oracle PL/SQL Developer"),
    ("Desenvolvedores PL/SQL", "PL/SQL Developers"),
    ("Engenheiro SQL", "SQL Engineer"),
    ("Desenvolvedor Java e SQL", "Java and SQL Developer"),
    ("Développeur Java et SQL", "Java and SQL Developer"),
    ("Développeur PL/SQL", "PL/SQL Developer"),
    ("Développeuse PL/SQL (H/F)", "PL/SQL Developer (m/f)"),
    ("Développeur·se PL/SQL confirmé", "PL/SQL Developer"),
    ("Développeur Oracle PL/SQL H/F", "Oracle PL/SQL Developer"),
    ("Développeur SQL, Lyon", "SQL Developer, Lyon"),
    ("Ingénieur PL/SQL", "PL/SQL Engineer"),
]

# controls: the twin reads what the English title reads (not data), so nothing here may move
TWINS_KEPT = [
    ("Desenvolvedor Java", "Java Developer"),
    ("Desenvolvedora Java Sênior", "Senior Java Developer"),
    ("Pessoa Desenvolvedora .NET", ".NET Developer"),
    ("Desenvolvedor SQL Server", "SQL Server Developer"),
    ("Desenvolvedor SQL e Java", "SQL and Java Developer"),
    ("Desenvolvedor PL/SQL e Java", "PL/SQL and Java Developer"),
    ("Développeur Java", "Java Developer"),
    ("Développeur SQL et Java", "SQL and Java Developer"),
    ("Développeur SQL Server (H/F)", "SQL Server Developer"),
    # an Oracle developer without SQL reads data since lead ruling 1 on h24plsql (h25rolehn):
    # tests/test_role_family_oracle_developer.py
]


@pytest.mark.parametrize(("title", "english"), TWINS_DATA)
def test_plsql_developer_in_portuguese_and_french_is_data(title: str, english: str) -> None:
    assert classify_role_family(english) == "data"
    assert classify_role_family(title) == "data"


@pytest.mark.parametrize(("title", "english"), TWINS_KEPT)
def test_controls_read_as_their_english_twin(title: str, english: str) -> None:
    assert classify_role_family(english) != "data"
    assert classify_role_family(title) == classify_role_family(english)


def test_a_text_does_not_move_a_title_decided_developer() -> None:
    # the title decides (the ruling's text exception, application development in another language,
    # is left as in English: the English rule does not read the text either)
    text = "Manutenção de procedures e packages no banco Oracle, consultas e relatórios."
    english = classify_role_family("PL/SQL Developer", text)
    assert classify_role_family("Desenvolvedor PL/SQL", text) == english
