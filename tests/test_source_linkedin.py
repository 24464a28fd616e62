"""The Kaggle LinkedIn postings.csv adapter: float-text numbers, epoch ms, pay periods, real sample."""

from __future__ import annotations

import csv
from datetime import UTC, date, datetime
from pathlib import Path

import pandas as pd
import pytest

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, linkedin
from etl.sources import detect as registry_detect
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIXTURE = Path(__file__).parent / "fixtures" / "sources" / "linkedin.csv"
COLS = FIXTURE.read_text(encoding="utf-8").splitlines()[0].split(",")


def read_all(path: Path) -> list[Posting | Rejected]:
    return list(linkedin.read(path, SourceOptions()))


def write(
    tmp_path: Path, rows: list[dict[str, str]], encoding: str = "utf-8", cols: list[str] = COLS
) -> Path:
    path = tmp_path / "postings.csv"
    with open(path, "w", encoding=encoding, newline="") as fh:
        writer = csv.writer(fh)
        writer.writerow(cols)
        writer.writerows([[r.get(c, "") for c in cols] for r in rows])
    return path


def by_id(items: list[Posting | Rejected]) -> dict[str | None, Posting]:
    return {i.source_id: i for i in items if isinstance(i, Posting)}


def test_fixture_rows() -> None:
    items = read_all(FIXTURE)
    assert [i.record_no for i in items] == [1, 2, 3, 4, 5]
    assert isinstance(items[4], Rejected) and items[4].reason == "missing title and description"
    rows = by_id(items)

    hourly = rows["3901234567"]
    assert hourly.source == "linkedin" and hourly.company == "Harbor Analytics"  # stray spaces stripped
    assert hourly.description == 'About usWe build "fast" things.\nRequirements:5+ years of Python'
    assert hourly.description_format == "text"
    assert (hourly.salary_min, hourly.salary_max, hourly.salary_currency, hourly.salary_period) == (
        17.0, 20.0, "USD", "hour")
    # original_listed_time wins over listed_time; epoch ms, UTC
    assert hourly.posted_date == datetime.fromtimestamp(1713400000, tz=UTC).date() == date(2024, 4, 18)
    assert hourly.remote_hint is True and hourly.country_hint == "US"
    assert hourly.extra["zip_code"] == "08540" and hourly.extra["fips"] == "34021"
    assert hourly.extra["company_id"] == "2774458" and hourly.extra["normalized_salary"] == "38480.0"
    assert hourly.url == "https://www.linkedin.com/jobs/view/3901234567/" and hourly.job_type == "Full-time"

    monthly = rows["2264355"]  # only med_salary, no currency given
    assert (monthly.salary_min, monthly.salary_max, monthly.salary_currency, monthly.salary_period) == (
        350.0, 350.0, "USD", "month")
    assert monthly.remote_hint is None  # empty means "not flagged", not False
    assert monthly.level_hint == "Mid-Senior level" and monthly.country_hint == "US"  # "United States"
    assert monthly.extra["zip_code"] == "02903"

    canada = rows["3905000001"]  # no pay, no original_listed_time, ", ON" is not a US state
    assert canada.salary_min is None and canada.salary_currency is None and canada.salary_period is None
    assert canada.posted_date == datetime.fromtimestamp(1713000000, tz=UTC).date()
    assert canada.country_hint is None and "zip_code" not in canada.extra

    biweekly = rows["3905000002"]
    assert (biweekly.salary_min, biweekly.salary_max, biweekly.salary_period) == (1000.0, 1500.0, "week")
    assert biweekly.country_hint == "US"  # "Texas, United States"


def test_job_id_written_as_float_becomes_integer_text(tmp_path: Path) -> None:
    path = write(
        tmp_path, [{"job_id": "3901234567.0", "title": "Dev", "description": "d", "remote_allowed": "0.0"}]
    )
    (item,) = read_all(path)
    assert isinstance(item, Posting) and item.source_id == "3901234567" and item.remote_hint is False


@pytest.mark.parametrize(
    ("experience_level", "work_type", "level_hint"),
    [
        ("", "Internship", "Internship"),  # the board's only word on the level: an internship
        ("Entry level", "Internship", "Entry level"),  # the board's own experience level wins
        ("Mid-Senior level", "Internship", "Mid-Senior level"),
        ("", "Full-time", None),  # a contract type names no level
        ("", "", None),
    ],
)
def test_internship_work_type_is_the_level_label_when_no_experience_level(
    tmp_path: Path, experience_level: str, work_type: str, level_hint: str | None
) -> None:
    """Lead ruling on `real-later-v76` question 5: LinkedIn's structured work type "Internship" is the board's
    internship flag, read as the level label (rule 4, after the years) where no experience level is given."""
    path = write(tmp_path, [{"job_id": "1", "title": "Data Analyst", "description": "d",
                             "formatted_experience_level": experience_level,
                             "formatted_work_type": work_type}])
    (item,) = read_all(path)
    assert isinstance(item, Posting) and item.level_hint == level_hint
    assert item.job_type == (work_type or None)


def test_wrong_field_count_oversize_and_cp1252(tmp_path: Path) -> None:
    path = write(tmp_path, [
        {"job_id": "1", "title": "Big", "description": "y" * (MAX_FIELD_CHARS + 1)},
        {"job_id": "2", "title": "Café Engineer", "description": "naïve"},
    ], encoding="cp1252")
    with open(path, "a", encoding="cp1252") as fh:
        fh.write("3,Short\n")
    big, cafe, short = read_all(path)
    assert isinstance(big, Rejected) and big.reason.startswith("field larger than")
    assert isinstance(cafe, Posting) and (cafe.title, cafe.description) == ("Café Engineer", "naïve")
    assert isinstance(short, Rejected) and short.reason == f"row has 2 fields, header has {len(COLS)}"


@pytest.mark.parametrize(("content", "message"), [
    (b"", "file is empty"),
    (b"PK\x03\x04" + b"\x00" * 100, "zip/Excel"),
    (bytes(range(256)) * 20, "binary content"),
    (b"job_id,company_name,description\n1,a,b\n", "missing column 'title'"),
])
def test_unreadable_files_raise_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message):
        read_all(path)


def test_detect_scores() -> None:
    assert linkedin.detect(FIXTURE, read_head(FIXTURE)) == 90
    other = FIXTURE.parent
    assert linkedin.detect(other / "jobspy.csv", read_head(other / "jobspy.csv")) == 0
    assert linkedin.detect(other / "glassdoor.csv", read_head(other / "glassdoor.csv")) == 0
    assert linkedin.detect(Path("x.csv"), b"job_id,title,description\n") == 0


SAMPLE = "linkedin-kaggle-postings-sample/postings_sample.csv"


@pytest.mark.shared
def test_real_sample_every_record_accounted_for(shared_datasets: Path) -> None:
    path = shared_datasets / SAMPLE
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    items = read_all(path)
    assert len(items) == len(frame) == 500
    postings = [i for i in items if isinstance(i, Posting)]
    assert postings == items
    assert [i.source_id for i in postings] == frame["job_id"].tolist()
    assert sum(i.salary_min is not None for i in postings) == (frame["pay_period"] != "").sum()
    assert sum(i.remote_hint is True for i in postings) == (frame["remote_allowed"] == "1.0").sum()
    assert all(len(i.extra["zip_code"]) == 5 for i in postings if "zip_code" in i.extra)
    assert linkedin.detect(path, read_head(path)) == 90


@pytest.mark.shared
def test_real_sample_known_row(shared_datasets: Path) -> None:
    first = read_all(shared_datasets / SAMPLE)[0]
    assert isinstance(first, Posting)
    assert (first.source_id, first.company, first.title) == (
        "921716",
        "Corcoran Sawyer Smith",
        "Marketing Coordinator",
    )
    assert (first.salary_min, first.salary_max, first.salary_period, first.salary_currency) == (
        17.0,
        20.0,
        "hour",
        "USD",
    )
    assert first.posted_date == date(2024, 4, 18) and first.extra["zip_code"] == "08540"
    assert first.location == "Princeton, NJ" and first.country_hint == "US" and first.remote_hint is None


@pytest.mark.shared
def test_registry_detect_picks_linkedin(shared_datasets: Path) -> None:
    assert registry_detect(shared_datasets / SAMPLE).NAME == "linkedin"
