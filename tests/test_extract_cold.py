"""A first pass over new postings reads no data file: what is loaded once per process stays loaded.

Why: a change that parsed skills.yaml again for each new word listed before "tests" (about 40 ms a word)
cut the real exports' extraction 3.6x while every test and every warm stage timing passed - a warm cache
hid it. Here the real extraction (``extract_batch``, nothing mocked) runs once over invented postings of
the shapes that reach the per-word paths (lists before a shared head, new tags, languages, HTML, places),
then over as many new ones, each with words never seen before: no file under etl/data may be opened in
the second run. ``python -m bench extract`` reports the first pass apart from the warm ones for the same
reason (bench/extraction.py).
"""

from __future__ import annotations

import builtins
import io
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from etl.columnar import extract_batch, mappings_to_batch

DATA = Path(__file__).resolve().parents[1] / "etl" / "data"

# invented wording; {w} is a word new to each posting, so every per-word cache misses
TEMPLATES = [
    ("Backend Engineer {w}", "<p>We build the {w}board platform in Python and Go.</p><ul><li>unit, {w}a and "
     "{w}b tests</li><li>testing ({w}c, integration)</li><li>3+ years with PostgreSQL, Kubernetes, "
     "Terraform</li></ul><p>Hybrid, two days a week in our Berlin office.</p>", "html", "Berlin, Germany",
     "Python;{w}tag;Docker"),
    ("Entwickler {w} (m/w/d)", "Wir suchen Verstärkung für {w}team.\n\n- Kenntnisse in Java, "
     "Datenanalyse und -{w}modellierung\n- mindestens 2 Jahre Erfahrung\n- Remote möglich\n\n"
     "Gehalt: 60.000 - 70.000 EUR", "markdown", "München", None),
    ("Desenvolvedor {w}", "Procuramos alguém com experiência com React, Node.js e {w}js.\n\n"
     "- testes automatizados, {w}x e {w}y testes\n- Inglês avançado\n\nTrabalho 100% remoto.",
     "markdown", "São Paulo, SP", "React;{w}"),
    ("Data Scientist {w}", "About {w}corp: a Series B startup.\n\nYou will:\n- model churn with "
     "SQL, dbt, {w}flow, Airflow\n- Mentor juniors; own the roadmap\n\nRequirements: MSc in statistics, "
     "5 years of experience. Salary $120k-$150k. Remote (US only).", "markdown", "Austin, TX", None),
    ("Ingénieur {w}", "Vous rejoindrez l'équipe {w}lab à Lyon.\n\n- C#, .NET, Azure, {w}net\n"
     "- tests unitaires et {w}z tests\n- Télétravail partiel", "markdown", "Lyon, France", None),
]


def _postings(n: int, tag: str) -> list[dict[str, Any]]:
    out = []
    for i in range(n):
        title, text, fmt, place, tags = TEMPLATES[i % len(TEMPLATES)]
        w = f"qz{tag}{i}v"
        out.append({"id": f"{tag}{i}", "source": ("linkedin", "indeed", "arbeitnow")[i % 3],
                    "title": title.format(w=w), "company": f"Corp {w}", "location": place,
                    "description": text.format(w=w), "description_format": fmt,
                    "skill_tags": tags.format(w=w) if tags else None})
    return out


@pytest.fixture()
def data_opens(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """The paths under etl/data opened while the fixture is active (``open``, ``io.open``, ``Path.open``
    and ``read_text``, NumPy's loads and ``os.open`` all pass through these two)."""
    opened: list[str] = []
    real_open, real_os_open = builtins.open, os.open

    def watch(path: Any) -> None:
        if isinstance(path, (str, os.PathLike)) and Path(os.fsdecode(path)).resolve().is_relative_to(DATA):
            opened.append(os.fsdecode(path))

    def fake_open(file: Any, *args: Any, **kwargs: Any) -> Any:
        watch(file)
        return real_open(file, *args, **kwargs)

    def fake_os_open(path: Any, *args: Any, **kwargs: Any) -> int:
        watch(path)
        return real_os_open(path, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(io, "open", fake_open)
    monkeypatch.setattr(os, "open", fake_os_open)
    yield opened


def test_new_postings_read_no_data_file_once_warm(data_opens: list[str]) -> None:
    first = extract_batch(mappings_to_batch(_postings(20, "a")))  # loads what is loaded once per process
    assert first.num_rows == 20
    data_opens.clear()
    second = extract_batch(mappings_to_batch(_postings(20, "b")))  # every word new again
    assert second.num_rows == 20
    assert data_opens == [], f"data files read again for new postings: {sorted(set(data_opens))}"


def test_the_watch_sees_a_data_file_read(data_opens: list[str]) -> None:
    """The fixture would see a re-read: the taxonomy's own loader opens the file it reads."""
    from etl.normalize import skills

    skills._load()
    assert any(Path(p).name == "skills.yaml" for p in data_opens)
