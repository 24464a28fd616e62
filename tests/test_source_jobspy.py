"""The JobSpy CSV adapter: fixture quirks, bad input, and every real JobSpy file in ../shared."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pandas as pd
import pytest

from etl.columnar import INPUT_SCHEMA, postings_to_batches
from etl.demo import write_raw
from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, _arrow_csv, jobspy
from etl.sources import detect as registry_detect
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIXTURE = Path(__file__).parent / "fixtures" / "sources" / "jobspy.csv"
HEADER = FIXTURE.read_text(encoding="utf-8").splitlines()[0]
COLS = HEADER.replace('"', "").split(",")


def read_all(path: Path) -> list[Posting | Rejected]:
    return list(jobspy.read(path, SourceOptions()))


def make_row(**values: object) -> str:
    """One JobSpy-style CSV line (strings quoted, numbers and booleans bare)."""
    out = []
    for col in COLS:
        v = values.get(col, "")
        out.append(str(v) if isinstance(v, bool | int | float) else '"' + str(v).replace('"', '""') + '"')
    return ",".join(out) + "\n"


def write(tmp_path: Path, body: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / "jobs.csv"
    path.write_bytes((HEADER + "\n" + body).encode(encoding))
    return path


def test_fixture_really_has_the_jobspy_escaping() -> None:
    raw = FIXTURE.read_text(encoding="utf-8")
    assert "C\\\\+\\\\+" in raw and '""hello""' in raw  # backslashes doubled AND quotes doubled


def test_fixture_rows_map_to_postings() -> None:
    items = read_all(FIXTURE)
    assert [i.record_no for i in items] == [1, 2, 3, 4]
    first, second, third, fourth = items
    assert isinstance(first, Posting) and isinstance(second, Posting)
    assert first.source == "jobspy" and first.source_id == "li-1001"
    assert first.url == "https://www.linkedin.com/jobs/view/1001"
    assert first.title == "Senior Engineer -\xa0Platform"  # NBSP kept raw; the cleaner does NFKC
    assert first.description_format == "markdown" and first.description is not None
    assert "Modern C\\+\\+ (17/20) and C\\# experience" in first.description  # Markdown escapes stay single
    assert 'Say "hello" to a \\\\ path' in first.description
    assert (first.salary_min, first.salary_max, first.salary_currency, first.salary_period) == (
        1_500_000.0, 2_500_000.0, "INR", "year")
    assert first.posted_date == date(2026, 8, 20)
    assert (
        first.remote_hint is True and first.level_hint == "mid-senior level" and first.job_type == "fulltime"
    )
    assert first.extra["site"] == "linkedin" and first.extra["company_industry"] == "Software Development"
    assert "title" not in first.extra and "description" not in first.extra

    assert second.description == 'Line one\nLine two with "quotes"\n\nBuild APIs in Go.'
    assert (second.salary_min, second.salary_max, second.salary_currency, second.salary_period) == (
        40.0, 60.5, "USD", "hour")
    assert second.remote_hint is False and second.location is None and second.posted_date is None

    assert isinstance(third, Rejected) and third.reason == "missing title and description"
    assert "Ghost Co" in third.raw
    assert isinstance(fourth, Rejected) and fourth.reason == f"row has 4 fields, header has {len(COLS)}"


def test_read_is_a_lazy_iterator() -> None:
    items = jobspy.read(FIXTURE, SourceOptions())
    assert isinstance(items, Iterator)
    assert next(items).record_no == 1


def test_no_salary_fields_means_no_period_or_currency(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        make_row(id="li-9", title="Dev", description="x", interval="yearly", currency="INR", is_remote=True),
    )
    (item,) = read_all(path)
    assert isinstance(item, Posting)
    assert (item.salary_min, item.salary_currency, item.salary_period) == (None, None, None)


def test_blank_lines_are_not_records(tmp_path: Path) -> None:
    path = write(tmp_path, make_row(id="li-1", title="A", description="a") + "\n\n"
                 + make_row(id="li-2", title="B", description="b") + "\n")
    items = read_all(path)
    assert [(i.record_no, i.source_id) for i in items if isinstance(i, Posting)] == [(1, "li-1"), (2, "li-2")]


def test_oversized_field_is_rejected_and_reading_goes_on(tmp_path: Path) -> None:
    big = "x" * (MAX_FIELD_CHARS + 100_000)
    path = write(tmp_path, make_row(id="li-1", title="Big", description=big)
                 + make_row(id="li-2", title="Small", description="ok"))
    first, second = read_all(path)
    assert isinstance(first, Rejected) and first.reason.startswith("field larger than 1,000,000 characters")
    assert len(first.raw) <= 10_000
    assert isinstance(second, Posting) and second.source_id == "li-2"


def test_cp1252_file_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, make_row(id="li-1", title="Café Developer – Senior", description="Zürich"),
                 encoding="cp1252")
    (item,) = read_all(path)
    assert (
        isinstance(item, Posting) and item.title == "Café Developer – Senior" and item.description == "Zürich"
    )


@pytest.mark.parametrize(("content", "message"), [
    (b"", "file is empty"),
    (b"   \n\n", "file is empty"),
    (b"\x00\x01\x02\x03binary\x00" * 50, "binary content"),
    (b'"id","site","job_url","title","company"\n"li-1","linkedin","u","t","c"\n', "missing colum"
                                                                                  "n 'description'"),
])
def test_unreadable_files_raise_one_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_bytes(content)
    with pytest.raises(SourceError, match=message) as err:
        read_all(path)
    assert "\n" not in str(err.value)


def test_detect_scores() -> None:
    assert jobspy.detect(FIXTURE, read_head(FIXTURE)) == 90
    old = b"site,title,company,company_url,job_url,location,job_type,date_posted,interval,min_amount," \
          b"max_amount,currency,is_remote,emails,description\n"
    assert jobspy.detect(Path("old.csv"), old) == 80  # an older JobSpy export without the id column
    assert jobspy.detect(Path("t.csv"), b"id,title,company,description,location\n") == 0
    assert jobspy.detect(Path("t.csv"), b"") == 0
    assert jobspy.detect(Path("t.xlsx"), b"PK\x03\x04rest") == 0
    fixtures = FIXTURE.parent
    for other in ("linkedin.csv", "glassdoor.csv"):
        assert jobspy.detect(fixtures / other, read_head(fixtures / other)) == 0


def real_files(root: Path) -> list[Path]:
    base = root / "jobspy-linkedin-india"
    return [base / "jobs.csv", *sorted((base / "history").glob("*.csv"))]


@pytest.mark.shared
def test_every_real_file_is_read_completely(shared_datasets: Path) -> None:
    files = real_files(shared_datasets)
    assert len(files) == 25
    total = cpp = 0
    for path in files:
        frame = pd.read_csv(path, escapechar="\\", dtype=str, keep_default_na=False)
        items = read_all(path)
        assert len(items) == len(frame), path.name
        assert [i.record_no for i in items] == list(range(1, len(frame) + 1))
        postings = [i for i in items if isinstance(i, Posting)]
        assert postings == items, path.name
        assert [i.source_id for i in postings] == frame["id"].tolist()
        assert [i.description for i in postings] == [d.strip() or None for d in frame["description"]]
        assert [i.remote_hint for i in postings] == [v == "True" for v in frame["is_remote"]]
        # every doubled backslash in the file is one backslash after reading
        raw = path.read_text(encoding="utf-8")
        found = sum((i.description or "").count("C\\+\\+") for i in postings)
        assert found == raw.count("C\\\\+\\\\+")
        cpp += found
        assert jobspy.detect(path, read_head(path)) == 90
        total += len(items)
    assert total == 745
    assert cpp > 100  # the escaped form is common, so the check above really ran


@pytest.mark.shared
def test_known_real_row(shared_datasets: Path) -> None:
    first = read_all(shared_datasets / "jobspy-linkedin-india" / "jobs.csv")[0]
    assert isinstance(first, Posting)
    assert (first.source_id, first.title, first.company) == ("li-4454697687", "Full Stack Engineer", "Drlogy")
    assert first.url == "https://www.linkedin.com/jobs/view/4454697687"
    assert (first.location, first.job_type, first.level_hint) == (
        "Rajkot, Gujarat, India",
        "internship",
        "entry level",
    )
    assert first.remote_hint is False and first.posted_date is None and first.salary_min is None
    assert "𝐅𝐮𝐥𝐥\\-𝐓𝐢𝐦𝐞" in (first.description or "")  # Markdown escape, single backslash


@pytest.mark.shared
def test_registry_detect_picks_jobspy(shared_datasets: Path) -> None:
    for path in real_files(shared_datasets):
        assert registry_detect(path).NAME == "jobspy", path.name


# -- the columnar read (issue 10): Arrow batches from pyarrow's CSV reader, the same records as read() --


def via_postings(path: Path, size: int) -> tuple[list[dict[str, object]], list[tuple[int, str, str]]]:
    """The reference: read()'s records through columnar.postings_to_batches (what the loader did before)."""
    rows: list[dict[str, object]] = []
    rejected: list[tuple[int, str, str]] = []
    for batch, rej in postings_to_batches(read_all(path), size):
        rows += batch.to_pylist()
        rejected += [(r.record_no, r.reason, r.raw) for r in rej]
    return rows, rejected


def via_batches(path: Path, size: int) -> tuple[list[dict[str, object]], list[tuple[int, str, str]]]:
    rows: list[dict[str, object]] = []
    rejected: list[tuple[int, str, str]] = []
    for batch, rej in jobspy.read_batches(path, SourceOptions(), size):
        assert batch.schema == INPUT_SCHEMA and batch.num_rows <= size
        rows += batch.to_pylist()
        rejected += [(r.record_no, r.reason, r.raw) for r in rej]
    return rows, rejected


def assert_same_read(path: Path, size: int = 3, csv_module: bool = False) -> None:
    """The same rows and rejected records; unless ``csv_module``, all read by pyarrow (no part of the file
    handed to the csv module)."""
    want_rows, want_rejected = via_postings(path, size)
    with pytest.MonkeyPatch.context() as mp:
        if not csv_module:
            mp.setattr(_arrow_csv, "csv_records", None)  # a hand-over would fail here
        got_rows, got_rejected = via_batches(path, size)
    assert got_rows == want_rows
    assert sorted(got_rejected) == sorted(want_rejected)


NASTY_ROWS = [
    make_row(id="li-1", title="  Padded\u2003title\x1f ", description="\x85 text \u3000"),
    make_row(id="li-2", title="NaN", description="null", company="N/A", location="None"),
    make_row(id="li-3", title="Html", description="<p>Hello</p> <DIV class='x'>a</DIV>"),
    make_row(id="li-4", title="Not html", description="a <bé> and <pre> and x < y"),
    make_row(id="li-5", title="Pay", description="d", min_amount="1,500", max_amount="1_000",
             interval="Monthly", currency="eur"),
    make_row(id="li-6", title="Pay", description="d", min_amount="nan", max_amount="inf", interval="weird"),
    make_row(id="li-7", title="Pay", description="d", min_amount="abc", max_amount="", currency="usd"),
    make_row(id="li-8", title="Dates", description="d", date_posted="2026-02-30", is_remote="yes"),
    make_row(id="li-9", title="Dates", description="d", date_posted="2026-01-05T10:00:00", is_remote="1.0"),
    make_row(id="li-10", title="", description="", company="Ghost"),
    '"li-11","linkedin","u","t"\n',  # short row
    make_row(id="li-12", title="Quotes", description='He said ""hi"" \\\\ C\\\\+\\\\+ \\\\n'),
    make_row(id="li-13", title="CRLF", description="line one\r\nline two\rthree"),
    "   \n",  # whitespace only: one field
    make_row(id="li-14", title="Last", description="**bold** 𝐅𝐮𝐥𝐥 ok") + "\n\n",
]


def test_columnar_read_gives_the_records_of_read(tmp_path: Path) -> None:
    """read_batches (pyarrow's CSV reader, the loader's path) gives read()'s records, batch for batch."""
    assert_same_read(FIXTURE)
    nasty = write(tmp_path, "".join(NASTY_ROWS) + make_row(id="li-15", title="T", description="x" * 1000))
    for size in (1, 4, 2000):
        assert_same_read(nasty, size)
    _rows, rejected = via_batches(nasty, 4)
    assert {no: reason for no, reason, _raw in rejected} == {
        2: "missing title and description", 10: "missing title and description",
        11: f"row has 4 fields, header has {len(COLS)}", 14: "row has 1 fields, header has 34"}


def test_columnar_read_of_oversized_cp1252_and_bad_utf8(tmp_path: Path) -> None:
    big = "x" * (MAX_FIELD_CHARS + 10)
    huge = "y" * (20 << 20)  # larger than pyarrow's block: that part is read by the csv module
    body = (make_row(id="li-1", title="Big", description=big)
            + make_row(id="li-2", title="S", description="ok")
            + make_row(id="li-3", title="Huge", description=huge)
            + make_row(id="li-4", title="A", description="b"))
    assert_same_read(write(tmp_path, body), 2, csv_module=True)
    assert_same_read(write(tmp_path, make_row(id="li-1", title="Café – Senior", description="Zürich") * 3,
                           encoding="cp1252"), 2)  # transcoded by pyarrow
    path = tmp_path / "bad_utf8.csv"  # UTF-8 head, one bad byte far down: U+FFFD, as the csv module reads it
    path.write_bytes((HEADER + "\n").encode() + make_row(id="li-1", title="Ok", description="é" * 700_000)
                     .encode() + make_row(id="li-2", title="Bad \xff", description="d").encode("latin-1"))
    assert_same_read(path, 1, csv_module=True)
    # a quote left open at the end: the csv module keeps the last newline in the short row's raw cells
    unterminated = write(tmp_path, make_row(id="li-1", title="A", description="b") + '"li-2","t","open\n')
    assert_same_read(unterminated, 2, csv_module=True)


def test_columnar_read_of_generated_files(tmp_path: Path) -> None:
    write_raw(tmp_path, 300, seed=4, formats=("jobspy",))
    assert_same_read(tmp_path / "jobspy_demo.csv", 64)


@pytest.mark.shared
def test_columnar_read_of_every_real_file(shared_datasets: Path) -> None:
    for path in real_files(shared_datasets):
        assert_same_read(path, 7)
