"""A board's tag list is read tag by tag from a cache of each tag's reading (issue 10, twenty-fourth session,
docs/performance.md "The remote stage's regression and the skills tag pass"; the lead's ruling on h23perf's
question 2).

Why: ``tag_skills`` was cached by the whole ``;`` list, and the lists differ where their tags do not (the
real exports: 1,463 lists, 734 distinct; 5,331 tags, 699 distinct), so a list's first reading read again
tags read before. Exact because no tag's reading depends on another's: a list's skills are the union of its
tags' skills, responsibilities dropped after. Invented tag lists in the languages the boards tag in.
"""

from __future__ import annotations

import random

import pytest

from etl.normalize import skills as S

TAGS = [
    "Java", "Spring", "SQL", "python", " Django ", "PostgreSQL", "Windows (Server)",
    "Shell Scripting (Linux)", "React (JS)", "Künstliche Intelligenz", "Microsoft Azure DevOps",
    "QA Automation (Web)", "NodeJS", "k8s", "C#",
    ".NET", "", " ", "Programowanie w Javie", "Bazy danych SQL", "Análise de dados", "Ciência de Dados", "go",
    "rust", "r", "Artificial Intelligence (AI)", "Project Management", "Team  Leadership", "TypeScript",
    "Machine\u00a0Learning", "AWS (Cloud)", "Docker;", "Gestión de proyectos", "Développement web", "Scrum",
    "Datenbanken (SQL)", "ReactNative", "CI/CD", "Excel (Advanced)", "Kommunikation",
]


def _lists() -> list[str]:
    rng = random.Random(24)
    return [";".join(rng.sample(TAGS, rng.randint(1, 7))) for _ in range(300)]


def test_a_list_reads_as_the_union_of_its_tags() -> None:
    """Each list's skills are the union of each of its tags' skills (what makes a cache per tag exact), in
    any order of the lists, read again."""
    lists = _lists()
    for tags in lists + lists[::-1]:
        union: set[str] = set()
        for tag in tags.split(";"):
            union.update(S.tag_skills(tag))
        assert S.tag_skills(tags) == sorted(union), tags


@pytest.mark.parametrize("tags", ["Java;Spring;SQL", "python; Django ;PostgreSQL", "", ";;", None,
                                  "Windows (Server);Shell Scripting (Linux);React (JS)", "go;rust;r"])
def test_each_tag_is_read_once_from_its_own_cache(tags: str | None) -> None:
    """A tag's reading is remembered by the tag (spaces normalised), and equals its uncached reading; the
    list's answer equals the uncached readings' union without responsibilities."""
    S._tag_skills.cache_clear()
    S._one_tag.cache_clear()
    found: set[str] = set()
    for tag in (tags or "").split(";"):
        found.update(S._one_tag.__wrapped__(" ".join(tag.split())))
    cats = S._matcher().categories
    assert S.tag_skills(tags) == sorted(s for s in found if cats[s] != S.RESPONSIBILITY)
    S._tag_skills.cache_clear()
    before = S._one_tag.cache_info()
    S.tag_skills(f"{tags or ''};{tags or ''}")  # a new list of the same tags: every tag hits
    after = S._one_tag.cache_info()
    assert after.misses == before.misses
    assert S._one_tag.cache_info().maxsize == 1 << 13


def test_a_tag_reading_is_not_changed_by_its_reader() -> None:
    """A cached tag reading is a frozenset, and the list's answer a new list each call."""
    assert isinstance(S._one_tag("Java"), frozenset)
    got = S.tag_skills("Java;SQL")
    got.append("changed")
    assert "changed" not in S.tag_skills("Java;SQL")
