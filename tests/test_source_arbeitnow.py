"""The arbeitnow adapter: Arbeitnow job-board API responses ({"data": [...]})."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, arbeitnow, detect
from etl.sources._io import read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "arbeitnow" / "arbeitnow.json"


def _read(path: Path = FIX) -> list[Posting | Rejected]:
    return list(arbeitnow.read(path, SourceOptions()))


def test_fields_footer_level_and_contract() -> None:
    items = _read()
    assert [i.record_no for i in items] == [1, 2, 3]  # index in "data"
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.source, p.source_id, p.title, p.company, p.location) == (
        "arbeitnow", "senior-backend-entwickler-python-berlin-100001",
        "Senior Backend Entwickler Python (m/w/d)", "Kranich Software GmbH", "Berlin")
    assert p.description is not None and p.description.endswith("Berufserfahrung.</p>")  # footer cut
    assert "Arbeitnow" not in p.description and p.description_format == "html"
    assert p.posted_date == date(2026, 2, 2)  # epoch seconds
    assert (p.remote_hint, p.level_hint, p.job_type, p.country_hint) == (
        True,
        "berufserfahren",
        "Full-time",
        "DE",
    )
    assert p.extra["tags"] == ["Remote", "IT", "Software Development"]


def test_remote_false_is_not_flagged_and_other_footer() -> None:
    p = _read()[1]
    assert isinstance(p, Posting)
    assert p.remote_hint is None and p.level_hint is None and p.job_type is None
    assert p.description == "<p>Build our React app. Hybrid work: two days a week in our Munich office.</p>"


def test_empty_job_rejected() -> None:
    r = _read()[2]
    assert isinstance(r, Rejected) and r.reason == "missing title and description" and "leer-100003" in r.raw


def test_detect_and_level_labels_are_known() -> None:
    assert arbeitnow.detect(FIX, read_head(FIX)) >= 90
    assert detect(FIX).NAME == "arbeitnow"
    from etl.normalize.seniority import classify_seniority

    assert classify_seniority("Entwickler", None, None, "berufseinstieg") == "junior"
    assert classify_seniority("Entwickler", None, 6, "berufserfahren") == "senior"
    assert classify_seniority("Entwickler", None, None, "teamleitung") == "lead"


def test_bad_input(tmp_path: Path) -> None:
    path = tmp_path / "cut.json"
    path.write_bytes(FIX.read_bytes()[:300])
    with pytest.raises(SourceError, match="truncated or invalid JSON"):
        _read(path)
    path.write_text(json.dumps({"data": {"slug": "x"}}))
    with pytest.raises(SourceError, match="expected a JSON array of jobs"):
        _read(path)
