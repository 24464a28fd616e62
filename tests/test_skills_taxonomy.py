"""The skill taxonomy file: size, fixed canonical names, unique aliases, known categories, valid rules."""

from __future__ import annotations

from collections import Counter

import pytest
import yaml

from etl.normalize import skills as sk

FIXED = [
    "Python", "Java", "JavaScript", "TypeScript", "Go", "C#", "C++", "C", "Rust", "Ruby", "PHP", "Scala",
    "Kotlin", "Swift", "R", "SQL", ".NET", "Node.js", "React", "Angular", "Vue.js", "Spring", "Django",
    "Flask", "FastAPI", "GraphQL", "REST APIs", "gRPC", "Microservices", "Domain-Driven Design", "Kafka",
    "RabbitMQ", "PostgreSQL", "MySQL", "SQL Server", "Oracle", "MongoDB", "Redis", "Cassandra", "DynamoDB",
    "Elasticsearch", "Snowflake", "Spark", "Airflow", "AWS", "Azure", "GCP", "Docker", "Kubernetes",
    "Terraform", "Ansible", "CI/CD", "Jenkins", "GitHub Actions", "Git", "Linux", "DevOps", "Agile", "Scrum",
    "TDD", "Machine Learning", "TensorFlow", "PyTorch",
]
RESPONSIBILITIES = ["Mentoring", "Code Review", "System Design", "Technical Leadership",
                    "Stakeholder Communication", "Hiring", "On-call"]
RULE_KEYS = sk.RULE_KEYS
SKILL_KEYS = {"name", "category", "aliases", "not", "implies", "form_implies", "match"}


@pytest.fixture(scope="module")
def data() -> dict:
    with open(sk.TAXONOMY_PATH, encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def test_source_line_and_documented_categories(data: dict) -> None:
    head = sk.TAXONOMY_PATH.read_text(encoding="utf-8").split("\nversion:")[0]
    assert "Source:" in head and "Stack Overflow Developer Survey" in head
    for cat in data["categories"]:
        assert f"#   {cat} " in head, f"category {cat} is not documented in the header"
    assert len(data["categories"]) <= 15


def test_size_and_fixed_names(data: dict) -> None:
    names = [s["name"] for s in data["skills"]]
    assert len([s for s in data["skills"] if s["category"] != "responsibility"]) >= 300
    missing = [n for n in FIXED if n not in names]
    assert not missing
    cats = {s["name"]: s["category"] for s in data["skills"]}
    assert all(cats[r] == "responsibility" for r in RESPONSIBILITIES)
    assert sorted(n for n, c in cats.items() if c == "responsibility") == sorted(RESPONSIBILITIES)


def test_no_duplicate_names_and_known_categories(data: dict) -> None:
    names = Counter(str(s["name"]).lower() for s in data["skills"])
    assert [n for n, k in names.items() if k > 1] == []
    for s in data["skills"]:
        assert set(s) <= SKILL_KEYS, s["name"]
        assert s["category"] in data["categories"], s["name"]


def test_every_form_maps_to_one_canonical_name(data: dict) -> None:
    owner: dict[str, str] = {}
    for s in data["skills"]:
        for form in [s["name"], *(s.get("aliases") or [])]:
            key = str(form).lower()
            assert owner.get(key, s["name"]) == s["name"], f"{form!r}: {owner.get(key)} and {s['name']}"
            owner[key] = s["name"]
    for s in data["skills"]:
        for phrase in s.get("not") or []:
            assert str(phrase).lower() not in owner, (
                f"blocker {phrase!r} is also a form of {owner[phrase.lower()]}"
            )


def test_rules_refer_to_real_forms_sets_and_skills(data: dict) -> None:
    names = {s["name"] for s in data["skills"]}
    sets = set(data.get("word_sets") or {})
    for s in data["skills"]:
        forms = {str(f) for f in [s["name"], *(s.get("aliases") or [])]}
        for form, rules in (s.get("match") or {}).items():
            assert str(form) in forms, f"{s['name']}: rules for unknown form {form!r}"
            assert set(rules) <= RULE_KEYS, f"{s['name']}/{form}: unknown rule keys {set(rules) - RULE_KEYS}"
            for value in rules.values():
                if isinstance(value, list):
                    for w in value:
                        if len(str(w)) > 1 and str(w).startswith("@"):
                            assert w[1:] in sets, f"{s['name']}/{form}: unknown word set {w}"
        for target in s.get("implies") or []:
            assert target in names, f"{s['name']} implies unknown skill {target}"
        for form, targets in (s.get("form_implies") or {}).items():
            assert str(form) in forms, f"{s['name']}: form_implies for unknown form {form!r}"
            assert all(t in names for t in targets), f"{s['name']}/{form} implies an unknown skill"


def test_taxonomy_api_is_cached_and_complete(data: dict) -> None:
    tax = sk.taxonomy()
    assert tax is sk.taxonomy()
    assert [t.name for t in tax] == [s["name"] for s in data["skills"]]
    golang = next(t for t in tax if t.name == "Go")
    assert golang.category == "language" and "Golang" in golang.aliases
    assert all(isinstance(t.aliases, tuple) for t in tax)
    sk._matcher()  # builds without form collisions
