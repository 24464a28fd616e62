"""The greenhouse adapter: Greenhouse job board API responses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, detect, greenhouse
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "greenhouse" / "brightloom.json"


def _read(path: Path, **opts: str) -> list[Posting | Rejected]:
    return list(greenhouse.read(path, SourceOptions(**opts)))  # type: ignore[arg-type]


def test_fields_and_escaped_content_unescaped_once() -> None:
    items = _read(FIX)
    assert [i.record_no for i in items] == [1, 2, 3]
    p = items[0]
    assert isinstance(p, Posting)
    assert p.description == "<p>Build payment rails &amp; ledgers.</p><ul><li>5+ years of Python</li></ul>"
    assert p.description_format == "html"
    assert (p.source_id, p.title, p.company, p.location) == (
        "7001001", "Senior Software Engineer, Payments", "Brightloom Inc.", "Austin, TX")
    assert p.url == "https://boards.greenhouse.io/brightloom/jobs/7001001"
    assert p.posted_date == date(2024, 2, 1)  # first_published, not updated_at
    assert p.extra["departments"] == ["Engineering"] and p.extra["requisition_id"] == "ENG-101"
    assert p.extra["metadata"] == {"Employment Type": "Full-time"}


def test_company_fallbacks_and_updated_at() -> None:
    p = _read(FIX)[1]
    assert isinstance(p, Posting)
    assert p.company == "brightloom"  # file stem
    assert p.posted_date == date(2024, 3, 3)
    named = _read(FIX, source_name="Brightloom")[1]
    assert isinstance(named, Posting) and named.company == "Brightloom"


def test_empty_job_rejected() -> None:
    r = _read(FIX)[2]
    assert isinstance(r, Rejected) and r.reason == "missing title and description"


def test_detect() -> None:
    assert greenhouse.detect(FIX, read_head(FIX)) >= 90
    assert detect(FIX).NAME == "greenhouse"
    lever = FIX.parent.parent / "lever" / "northwind.json"
    assert greenhouse.detect(lever, read_head(lever)) == 0


def test_bare_jobs_array_accepted(tmp_path: Path) -> None:
    path = tmp_path / "acme.json"
    path.write_text(json.dumps(json.loads(FIX.read_text())["jobs"]))
    assert [type(i).__name__ for i in _read(path)] == ["Posting", "Posting", "Rejected"]


def test_bad_input(tmp_path: Path) -> None:
    cases = {
        "empty.json": (b"\n\n", "empty"),
        "binary.json": (b"\x89PNG\r\n\x1a\n\x00\x00" * 50, "binary"),
        "cut.json": (FIX.read_bytes()[:500], r"truncated or invalid JSON at line \d+ column \d+"),
        "shape.json": (b'{"jobs": {"id": 1}}', "expected a JSON array of jobs"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceError, match=message):
            _read(path)


def test_oversized_field(tmp_path: Path) -> None:
    data = json.loads(FIX.read_text())
    data["jobs"][1]["content"] = "&lt;p&gt;" + "z" * (MAX_FIELD_CHARS + 1) + "&lt;/p&gt;"
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data))
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Posting", "Rejected", "Rejected"]
    assert isinstance(items[1], Rejected) and items[1].reason.startswith("field larger than")
