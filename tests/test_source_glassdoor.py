"""The Glassdoor scrape CSV adapter: salary strings, glued ratings, -1 nulls, kept duplicates."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pandas as pd
import pytest

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, glassdoor
from etl.sources import detect as registry_detect
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIXTURE = Path(__file__).parent / "fixtures" / "sources" / "glassdoor.csv"
COLS = next(csv.reader(FIXTURE.open(encoding="utf-8")))


def read_all(path: Path) -> list[Posting | Rejected]:
    return list(glassdoor.read(path, SourceOptions()))


def test_fixture_rows() -> None:
    items = read_all(FIXTURE)
    assert [i.record_no for i in items] == [1, 2, 3, 4, 5, 6]
    first, hourly, no_pay, employer, duplicate, empty = items
    assert isinstance(first, Posting)
    assert first.source == "glassdoor" and first.source_id is None and first.url is None
    assert first.title == "Senior Software Engineer" and first.company == "Acme Robotics"
    assert first.salary_text == "$86K-$143K (Glassdoor est.)"
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        86_000.0, 143_000.0, "USD", "year")
    assert (first.description or "").startswith("Senior Software Engineer\nLocation: Austin, TX\n• 5+ years")
    assert first.posted_date is None and first.country_hint == "US" and first.location == "Austin, TX"
    assert first.extra["Rating"] == "3.8" and first.extra["salary_kind"] == "glassdoor_estimate"
    assert "Competitors" not in first.extra  # -1
    assert "" not in first.extra and "Job Title" not in first.extra  # index column dropped

    assert isinstance(hourly, Posting) and hourly.company == "Hourly Health"
    assert (hourly.salary_min, hourly.salary_max, hourly.salary_period) == (21.0, 34.0, "hour")
    assert hourly.extra["Competitors"] == "Foo, Bar" and "Headquarters" not in hourly.extra

    assert isinstance(no_pay, Posting) and no_pay.company == "Bridgerock Data"  # no rating suffix
    assert no_pay.salary_text is None and no_pay.salary_min is None and no_pay.salary_currency is None
    assert "Rating" not in no_pay.extra

    assert isinstance(employer, Posting) and employer.extra["salary_kind"] == "employer"
    assert (employer.salary_min, employer.salary_max) == (80_000.0, 120_000.0)

    # a repeated row is kept: duplicates are the warehouse's business
    assert isinstance(duplicate, Posting) and duplicate.description == first.description

    assert isinstance(empty, Rejected) and empty.reason == "missing title and description"


@pytest.mark.parametrize(("text", "expected"), [
    ("$53K-$91K (Glassdoor est.)", (53_000.0, 91_000.0, "year", "glassdoor_estimate")),
    ("$17-$24 Per Hour(Glassdoor est.)", (17.0, 24.0, "hour", "glassdoor_estimate")),
    ("Employer Provided Salary:$120K-$160K", (120_000.0, 160_000.0, "year", "employer")),
    ("$79K-$106K(Employer est.)", (79_000.0, 106_000.0, "year", "employer")),
    ("Employer Provided Salary:$25-$28 Per Hour", (25.0, 28.0, "hour", "employer")),
    ("Competitive", (None, None, None, None)),
    (None, (None, None, None, None)),
])
def test_parse_salary(text: str | None, expected: tuple[object, ...]) -> None:
    assert glassdoor.parse_salary(text) == expected


def test_bad_rows_and_cp1252(tmp_path: Path) -> None:
    path = tmp_path / "glassdoor.csv"
    row = dict.fromkeys(COLS, "-1")
    with open(path, "w", encoding="cp1252", newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(COLS)
        writer.writerow(
            [{**row, "": "0", "Job Title": "Café Analyst", "Job Description": "Résumé"}[c] for c in COLS]
        )
        writer.writerow(
            [
                {**row, "": "1", "Job Title": "Big", "Job Description": "z" * (MAX_FIELD_CHARS + 5)}[c]
                for c in COLS
            ]
        )
        fh.write("2,Short,row\n")
    cafe, big, short = read_all(path)
    assert isinstance(cafe, Posting) and (cafe.title, cafe.description) == ("Café Analyst", "Résumé")
    assert cafe.company is None and cafe.salary_text is None and cafe.extra == {}
    assert isinstance(big, Rejected) and big.reason.startswith("field larger than")
    assert isinstance(short, Rejected) and short.reason == f"row has 3 fields, header has {len(COLS)}"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "file is empty"),
    (b"\x00\xff" * 500, "binary content"),
    (b",Job Title,Salary Estimate,Company Name\n0,a,-1,b\n", "missing column 'Job Description'"),
])
def test_unreadable_files_raise_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        read_all(path)


def test_detect_scores() -> None:
    assert glassdoor.detect(FIXTURE, read_head(FIXTURE)) == 90
    for other in ("jobspy.csv", "linkedin.csv"):
        assert glassdoor.detect(FIXTURE.parent / other, read_head(FIXTURE.parent / other)) == 0
    assert glassdoor.detect(Path("x.csv"), b"Job Title,Job Description\n") == 0


REAL = "glassdoor-ds-jobs/glassdoor_jobs.csv"


@pytest.mark.shared
def test_real_file_every_record_accounted_for(shared_datasets: Path) -> None:
    path = shared_datasets / REAL
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    items = read_all(path)
    assert len(items) == len(frame) == 956  # duplicates are not dropped here
    postings = [i for i in items if isinstance(i, Posting)]
    assert postings == items
    assert [i.title for i in postings] == [t.strip() for t in frame["Job Title"]]
    assert all("\n" not in (i.company or "") for i in postings)
    with_pay = (frame["Salary Estimate"] != "-1").sum()
    assert sum(i.salary_text is not None for i in postings) == with_pay
    assert sum(i.salary_min is not None for i in postings) == with_pay  # every real pattern parses
    hourly = frame["Salary Estimate"].str.contains("Per Hour").sum()
    assert sum(i.salary_period == "hour" for i in postings) == hourly
    assert glassdoor.detect(path, read_head(path)) == 90


@pytest.mark.shared
def test_real_file_known_row(shared_datasets: Path) -> None:
    first = read_all(shared_datasets / REAL)[0]
    assert isinstance(first, Posting)
    assert (first.title, first.company, first.location) == (
        "Data Scientist",
        "Tecolote Research",
        "Albuquerque, NM",
    )
    assert (first.salary_min, first.salary_max, first.salary_period) == (53_000.0, 91_000.0, "year")
    assert first.extra["Founded"] == "1973" and re.match(
        r"^Data Scientist\nLocation", first.description or ""
    )


@pytest.mark.shared
def test_registry_detect_picks_glassdoor(shared_datasets: Path) -> None:
    assert registry_detect(shared_datasets / REAL).NAME == "glassdoor"
