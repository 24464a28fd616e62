"""The lever adapter: Lever postings API responses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, detect, lever
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "lever" / "northwind.json"


def _read(path: Path, **opts: str) -> list[Posting | Rejected]:
    return list(lever.read(path, SourceOptions(**opts)))  # type: ignore[arg-type]


def test_description_joins_lists_and_additional() -> None:
    p = _read(FIX)[0]
    assert isinstance(p, Posting)
    assert p.description_format == "html"
    d = p.description
    assert d is not None
    assert d.index("freight software") < d.index("<h3>What you will do</h3>") < d.index("Mentor engineers")
    assert d.index("<h3>What you bring</h3>") < d.index("7+ years") < d.index("learning budget")
    assert "<ul><li>Own our Kotlin services</li>" in d


def test_fields_salary_and_workplace() -> None:
    items = _read(FIX)
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.title, p.company, p.location, p.job_type) == (
        "Senior Backend Engineer (Kotlin)", "northwind", "Lisbon, Portugal", "Full-time")
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (65000, 85000, "EUR", "year")
    assert p.remote_hint is None and p.extra["workplace_type"] == "hybrid"
    assert p.posted_date == date(2024, 2, 1)  # createdAt is epoch ms
    assert p.country_hint == "PT" and (p.source_id or "").endswith("0001")
    assert p.url == "https://jobs.lever.co/northwind/a1b2c3d4-0000-4000-8000-000000000001"
    q = items[1]
    assert isinstance(q, Posting)
    assert q.remote_hint is True and q.salary_period == "hour" and q.salary_currency == "USD"
    assert q.description == "Design our app." and q.description_format == "text"  # plain fallback
    renamed = _read(FIX, source_name="Northwind Ltd")[0]
    assert isinstance(renamed, Posting) and renamed.company == "Northwind Ltd"


def test_empty_posting_rejected() -> None:
    r = _read(FIX)[2]
    assert isinstance(r, Rejected) and r.record_no == 3 and r.reason == "missing title and description"


def test_salary_intervals() -> None:
    assert lever.salary_period("per-month-salary") == "month"
    assert lever.salary_period("per-week-salary") == "week"
    assert lever.salary_period("per-day-wage") == "day"
    assert lever.salary_period("one-time") is None


def test_detect() -> None:
    assert lever.detect(FIX, read_head(FIX)) >= 90
    assert detect(FIX).NAME == "lever"
    gh = FIX.parent.parent / "greenhouse" / "brightloom.json"
    assert lever.detect(gh, read_head(gh)) == 0


def test_bad_input(tmp_path: Path) -> None:
    cases = {
        "empty.json": (b"", "empty"),
        "binary.json": (bytes(range(32)) * 40, "binary"),
        "cut.json": (FIX.read_bytes()[:-40], r"truncated or invalid JSON at line \d+ column \d+"),
        "shape.json": (b'{\n  "postings": []\n}\n', "expected a JSON array of jobs"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceError, match=message):
            _read(path)


def test_oversized_list_item(tmp_path: Path) -> None:
    rows = json.loads(FIX.read_text())
    rows[0]["lists"][0]["content"] = "<li>" + "q" * (MAX_FIELD_CHARS + 50_000) + "</li>"
    path = tmp_path / "big.json"
    path.write_text(json.dumps(rows))
    items = _read(path)
    assert len(items) == 3 and isinstance(items[0], Rejected)
    assert items[0].reason.startswith("field larger than")
