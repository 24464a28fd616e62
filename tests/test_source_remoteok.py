"""The remoteok adapter: Remote OK API responses."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, detect, remoteok
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "remoteok" / "remoteok.json"


def _read(path: Path) -> list[Posting | Rejected]:
    return list(remoteok.read(path, SourceOptions()))


def test_metadata_element_is_a_rejected_record() -> None:
    items = _read(FIX)
    assert len(items) == len(json.loads(FIX.read_text()))
    assert [i.record_no for i in items] == [1, 2, 3, 4, 5]
    assert isinstance(items[0], Rejected) and items[0].reason == "API metadata element, not a posting"
    assert "legal" in items[0].raw


def test_mojibake_fixed_footer_stripped_and_fields() -> None:
    p = _read(FIX)[1]
    assert isinstance(p, Posting) and p.description is not None and p.url is not None
    assert p.company == "Zócalo Labs"
    assert p.location == "Gdańsk, Poland"
    assert "We're hiring" in p.description and "Â" not in p.description  # ftfy also straightens quotes
    assert "Please mention" not in p.description and "PEBBLE" not in p.description
    assert p.description.rstrip().endswith("</ul>")
    assert "\\n" not in p.description  # literal backslash-n became a newline
    assert p.extra["apply_word"] == "PEBBLE"
    assert (p.title, p.source_id, p.level_hint, p.remote_hint) == (
        "Senior Platform Engineer",
        "500001",
        None,  # the "senior" tag is Remote OK's, not the employer's words (labelling guide)
        True,
    )
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (150000, 190000, "USD", "year")
    assert p.posted_date == date(2024, 3, 8)
    assert p.url.endswith("-500001") and p.description_format == "html"


def test_salary_period_from_magnitude() -> None:
    items = _read(FIX)
    hourly, monthly = items[2], items[4]
    assert isinstance(hourly, Posting) and (hourly.salary_min, hourly.salary_period) == (35, "hour")
    assert hourly.level_hint is None and hourly.location is None
    assert isinstance(monthly, Posting) and monthly.salary_period == "month"
    assert remoteok.salary_period(None, None) is None
    assert remoteok.salary_period(0, 0) is None
    assert remoteok.salary_period(499, 499) == "hour"
    assert remoteok.salary_period(19_999, None) == "month"
    assert remoteok.salary_period(20_000, 30_000) == "year"


def test_job_with_only_a_footer_is_rejected() -> None:
    r = _read(FIX)[3]
    assert isinstance(r, Rejected) and r.reason == "missing title and description"


def test_detect() -> None:
    assert remoteok.detect(FIX, read_head(FIX)) >= 90
    assert detect(FIX).NAME == "remoteok"
    hn = FIX.parent.parent / "hackernews" / "2024-03.json"
    assert remoteok.detect(hn, read_head(hn)) == 0


def test_bad_input(tmp_path: Path) -> None:
    cases = {
        "empty.json": (b"", "empty"),
        "binary.json": (b"\x00\x01\x02" * 100, "binary"),
        "cut.json": (FIX.read_bytes()[:900], "truncated or invalid JSON at line 1 column"),
        "object.json": (b'{"legal": "x"}', "expected a JSON array of jobs"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceError, match=message):
            _read(path)


def test_oversized_field(tmp_path: Path) -> None:
    rows = json.loads(FIX.read_text())
    rows[2]["description"] = "<p>" + "y" * (MAX_FIELD_CHARS + 100_000) + "</p>"
    path = tmp_path / "big.json"
    path.write_text(json.dumps(rows))
    items = _read(path)
    assert len(items) == 5 and isinstance(items[2], Rejected)
    assert items[2].reason.startswith("field larger than 1,000,000")


@pytest.mark.shared
def test_shared_response_every_record_accounted_for(shared_datasets: Path) -> None:
    path = shared_datasets / "remoteok-api" / "remoteok.json"
    raw = json.loads(path.read_text(encoding="utf-8"))
    items = _read(path)
    assert len(items) == len(raw) == 98
    assert [i.record_no for i in items] == list(range(1, len(raw) + 1))
    assert isinstance(items[0], Rejected) and items[0].reason == "API metadata element, not a posting"
    postings = [i for i in items if isinstance(i, Posting)]
    assert {p.source_id for p in postings} <= {r["id"] for r in raw[1:]}
    assert not any("Please mention the word" in (p.description or "") for p in postings)
    assert all(p.remote_hint is True for p in postings)
    assert detect(path).NAME == "remoteok"
    by_id = {p.source_id: p for p in postings}
    assert by_id["1130788"].title == "Benefits Advisor Leadership Training Program"
    assert by_id["1130788"].company == "Fisher Agencies" and by_id["1130788"].posted_date == date(2026, 3, 16)
    graphcore = next(p for p in postings if p.company == "Graphcore")
    assert graphcore.location == "Gdańsk"
    trainer = next(p for p in postings if p.title == "AI Trainer")
    assert (trainer.salary_min, trainer.salary_period) == (30, "hour")
    zocalo = [p for p in postings if p.company == "Zócalo Health"]
    assert zocalo and all("Ã" not in (p.description or "") for p in zocalo)
