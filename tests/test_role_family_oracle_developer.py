"""An Oracle developer reads data, as the PL/SQL developer does, in English, Portuguese and French (issue 9).

Lead ruling 1 on h24plsql (with `real-test-later-v3` ruling 2: "an Oracle or PL/SQL developer is data",
a database role): an "Oracle Developer" title, and its Portuguese and French word orders ("Desenvolvedor
Oracle", "Développeur Oracle"), reads data. The rule reaches exactly as far as the PL/SQL one
(`'sql (?:developer|engineer|dba)'` and its pt/fr twins, `tests/test_role_family_plsql_languages.py`): in
English "Oracle" is the word just before the role noun; in Portuguese and French it ends the qualifier after
the role noun (end of title, a separator, or a level / work-mode / "H/F" word). Near misses that must not
move: an Oracle DBA stays data by the database rule, a Java developer whose bracket names an Oracle product
stays software, "Oracle" as the employer's name (a Hacker News comment's company cell, "... at Oracle") stays
software, and "Oracle Cloud Developer" / "Desenvolvedor Oracle Cloud" stay software (Oracle is not the last
qualifier word). Invented wording throughout (h25rolehn).
"""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"

ORACLE_DATA = [
    # English: Oracle just before the role noun
    "Oracle Developer",
    "Senior Oracle Developer",
    "Oracle Developers",
    "Lead Oracle Developer - Remote",
    "Oracle Engineer",
    # Portuguese word order: Oracle ends the qualifier after the role noun
    "Desenvolvedor Oracle",
    "Desenvolvedora Oracle Sênior",
    "Pessoa Desenvolvedora Oracle",
    "Desenvolvedor(a) Oracle - Remoto",
    "Analista Desenvolvedor Oracle Pleno",
    "Desenvolvedores Oracle",
    "Engenheiro Oracle",
    # French word order
    "Développeur Oracle",
    "Développeuse Oracle (H/F)",
    "Développeur·se Oracle confirmé",
    "Ingénieur Oracle",
    "Développeur Oracle, Nantes",
    # German, both word orders, as the German PL/SQL twin (lead's twenty-fifth-session ruling on h25rolede
    # question 3; the twin of h24plsql ruling 3)
    "Oracle-Entwickler (m/w/d)",
    "Oracle Entwicklerin",
    "Senior Oracle-Entwickler:in",
    "Entwickler (m/w/d) Oracle",
    "Entwicklerin für Oracle - Remote",
]


@pytest.mark.parametrize("title", ORACLE_DATA)
def test_an_oracle_developer_is_data(title: str) -> None:
    assert classify_role_family(title) == DATA


@pytest.mark.parametrize(("title", "family"), [
    # an Oracle DBA is what the database rule says (data), before and after
    ("Oracle DBA", DATA),
    ("DBA Oracle Pleno", DATA),
    ("Administrateur de bases de données Oracle", DATA),
    # a Java developer whose bracket names an Oracle product: the developer of Java
    ("Java Developer (Oracle Cloud)", SE),
    ("Desenvolvedor Java (Oracle Cloud)", SE),
    ("Développeur Java (Oracle Cloud) H/F", SE),
    # Oracle is not the last qualifier word: another product's developer
    ("Oracle Cloud Developer", SE),
    ("Desenvolvedor Oracle Cloud", SE),
    ("Entwickler Oracle Cloud (m/w/d)", SE),
    ("Oracle-Cloud-Entwickler", SE),
    ("Java-Entwickler mit Oracle-Kenntnissen", SE),
    ("Datenbankadministrator Oracle (m/w/d)", DATA),
    # Oracle as the employer's name
    ("Software Developer at Oracle", SE),
    ("Backend Developer - Oracle", SE),
    ("Oracle Software Engineer", SE),
])
def test_near_misses_keep_their_family(title: str, family: str) -> None:
    assert classify_role_family(title) == family


def test_oracle_as_a_comment_company_stays_software() -> None:
    body = ("Oracle | Backend Developer | Austin, TX | Onsite<p>Our team builds the billing service in Go"
            " and Kotlin.</p>")
    assert hn_family(body) == SE
