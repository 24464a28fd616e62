"""The nofluffjobs adapter: No Fluff Jobs listing scrapes as CSV."""

from __future__ import annotations

from pathlib import Path

from etl.record import Posting, Rejected
from etl.sources import SourceOptions, detect, nofluffjobs
from etl.sources._io import read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "nofluffjobs" / "job_postings.csv"


def _read() -> list[Posting | Rejected]:
    return list(nofluffjobs.read(FIX, SourceOptions()))


def test_salary_company_and_id_from_url() -> None:
    items = _read()
    assert [i.record_no for i in items] == [1, 2, 3]
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.source_id, p.company, p.location, p.level_hint, p.country_hint) == (
        "ab12cd34", "wisla soft", "Warszawa, Poland", "Senior", "PL")
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (18000, 24000, "PLN", "month")
    assert p.extra == {"main_skill": "python", "main_category": "Backend"}
    assert p.skill_tags == "python"  # the card's main skill names a skill


def test_zero_salary_polish_title_slug() -> None:
    p = _read()[1]
    assert isinstance(p, Posting)
    assert p.salary_min is None and p.salary_currency is None and p.salary_period is None
    assert p.company == "mazowsze qa" and p.source_id == "ef56gh78"  # "Młodszy" -> "mlodszy"


def test_empty_row_rejected_and_detect() -> None:
    r = _read()[2]
    assert isinstance(r, Rejected) and r.reason == "missing title and description"
    assert nofluffjobs.detect(FIX, read_head(FIX)) >= 90 and detect(FIX).NAME == "nofluffjobs"
