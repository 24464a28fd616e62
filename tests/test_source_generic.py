"""The generic adapter: CSV/TSV, JSON Lines, JSON array, Parquet and Excel with a column mapping."""

from __future__ import annotations

import csv
import json
from datetime import date, datetime
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
import yaml
from openpyxl import Workbook

from etl.record import Posting, Rejected, SourceError
from etl.sources import SourceOptions, detect, generic
from etl.sources._io import MAX_FIELD_CHARS, read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "generic"


def _read(path: Path, **opts: object) -> list[Posting | Rejected]:
    return list(generic.read(path, SourceOptions(**opts)))  # type: ignore[arg-type]


def test_csv_auto_mapping() -> None:
    items = _read(FIX / "postings.csv")
    assert [i.record_no for i in items] == [1, 2, 3]  # the blank row is not a record
    a, b, c = items
    assert isinstance(a, Posting) and isinstance(b, Posting)
    assert (a.source, a.source_id, a.title, a.company, a.location) == (
        "generic", "1", "Senior Python Developer", "Acme Ltd", "Leeds")
    assert a.salary_text == "$120k-$140k" and a.url == "https://acme.example/jobs/1"
    assert a.description_format == "html" and a.posted_date == date(2024, 3, 5)
    assert b.description == "Kubernetes, Go.\nSecond line." and b.description_format == "text"
    assert b.posted_date == date(2024, 3, 8)  # epoch seconds
    assert isinstance(c, Rejected) and c.reason == "missing title and description" and "Gamma" in c.raw


def test_tsv_and_source_name() -> None:
    [p] = _read(FIX / "postings.tsv", source_name="my-ats")
    assert isinstance(p, Posting)
    assert (p.source, p.title, p.company, p.description) == (
        "my-ats",
        "Staff Engineer",
        "Delta",
        "Rust and WebAssembly",
    )
    assert p.posted_date == date(2024, 1, 15)


@pytest.mark.parametrize(("delimiter", "header"), [
    ("|", ["title", "company", "description"]),  # pipes
    (";", ["title", "description", "company, inc, ltd"]),  # commas inside header names
    (",", ["title", "company", "description"]),
    ("\t", ["title", "company", "description"]),
])
def test_csv_delimiter_is_sniffed_from_the_rows(tmp_path: Path, delimiter: str, header: list[str]) -> None:
    path = tmp_path / "export.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        cells = {"title": "Senior Dev", "description": "Python; Go|Rust"}
        csv.writer(fh, delimiter=delimiter).writerows(
            [header] + [[cells.get(h, "Acme, Inc.") for h in header]] * 5
        )
    items = _read(path)
    assert all(isinstance(i, Posting) for i in items) and len(items) == 5, items[:1]
    assert {(i.title, i.description) for i in items} == {("Senior Dev", "Python; Go|Rust")}  # type: ignore[union-attr]


def test_jsonl_bad_line_is_rejected_and_rest_loads() -> None:
    items = _read(FIX / "postings.jsonl")
    assert [i.record_no for i in items] == [1, 2, 4, 5]  # line numbers; line 3 is blank
    a, bad, empty, d = items
    assert isinstance(a, Posting)
    assert (a.source_id, a.title, a.company, a.description) == (
        "j-1",
        "Senior Data Engineer",
        "Epsilon",
        "Spark, Airflow",
    )
    assert a.remote_hint is True and a.country_hint == "DE" and a.posted_date == date(2024, 2, 10)
    assert isinstance(bad, Rejected) and bad.reason.startswith("invalid JSON")
    assert isinstance(empty, Rejected) and empty.reason == "missing title and description"
    assert isinstance(d, Posting) and d.posted_date == date(2024, 2, 10)  # epoch milliseconds


def test_json_array_streamed_with_mapping(tmp_path: Path) -> None:
    rows = [{"Heading": f"Engineer {i}", "Org": "Kappa", "Text": "x" * (i % 50)} for i in range(3000)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(rows, indent=2))
    items = _read(path, mapping={"title": "Heading", "company": "Org", "description": "Text"})
    assert len(items) == 3000 and all(isinstance(i, Posting) for i in items)
    last = items[-1]
    assert isinstance(last, Posting)
    assert last.record_no == 3000 and last.title == "Engineer 2999" and last.company == "Kappa"


def test_yaml_mapping(tmp_path: Path) -> None:
    mapping = generic.load_mapping(FIX / "mapping.yaml")
    assert mapping["source_name"] == "acme-ats" and mapping["title"] == "Vacancy Name"
    source = mapping.pop("source_name")
    [p] = _read(FIX / "custom.csv", mapping=mapping, source_name=source)
    assert isinstance(p, Posting)
    assert (p.source, p.title, p.company, p.description) == (
        "acme-ats",
        "Lead Engineer",
        "Iota",
        "Java and Spring",
    )
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (90000, 110000, "GBP", "year")
    assert p.posted_date == date(2024, 3, 1)
    bad = tmp_path / "bad.yaml"
    bad.write_text("titel: Job\n")
    with pytest.raises(SourceError, match="unknown mapping field"):
        generic.load_mapping(bad)
    bad.write_text("title: [unclosed\n")
    with pytest.raises(SourceError, match="invalid YAML"):
        generic.load_mapping(bad)


def test_mapping_to_missing_column_is_one_clear_error() -> None:
    with pytest.raises(SourceError, match="column 'Nope' for title not found"):
        _read(FIX / "postings.csv", mapping={"title": "Nope"})


def test_parquet(tmp_path: Path) -> None:
    path = tmp_path / "jobs.parquet"
    table = pa.table({
        "job_title": ["Backend Engineer", None, "SRE"],
        "employer": ["Lambda", "Mu", "Nu"],
        "date_posted": [datetime(2024, 1, 2, 9, 30), None, datetime(2024, 1, 3)],
        "salary_min": [100000.0, None, None],
        "remote": [True, None, False],
    })
    pq.write_table(table, path, row_group_size=2)
    items = _read(path)
    assert [i.record_no for i in items] == [1, 2, 3]
    assert isinstance(items[0], Posting) and items[0].posted_date == date(2024, 1, 2)
    assert items[0].salary_min == 100000 and items[0].remote_hint is True
    assert isinstance(items[1], Rejected)
    assert isinstance(items[2], Posting) and items[2].remote_hint is False
    assert generic.detect(path, read_head(path)) == 10


def _xlsx(path: Path, header: list[str], rows: list[list[object]]) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Jobs"
    ws.append(header)
    for row in rows:
        ws.append(row)
    wb.save(path)
    return path


def test_xlsx_with_and_without_mapping(tmp_path: Path) -> None:
    path = _xlsx(
        tmp_path / "jobs.xlsx",
        ["Position", "Company", "Posted"],
        [["Data Engineer", "Xi", datetime(2023, 5, 6)], [None, None, None], ["Analyst", "Omicron", 45000]],
    )
    items = _read(path)
    assert [i.record_no for i in items] == [1, 2]
    first, second = items
    assert isinstance(first, Posting) and isinstance(second, Posting)
    assert first.title == "Data Engineer" and first.posted_date == date(2023, 5, 6)
    assert second.posted_date == date(2023, 3, 15)  # Excel serial day number
    custom = _xlsx(tmp_path / "custom.xlsx", ["Vacancy", "Org"], [["Tester", "Pi"]])
    [p] = _read(custom, mapping={"title": "Vacancy", "company": "Org"}, sheet="Jobs")
    assert isinstance(p, Posting) and (p.title, p.company) == ("Tester", "Pi")
    with pytest.raises(SourceError, match="no sheet 'Other'"):
        _read(custom, sheet="Other")


def test_detect_is_low_so_specific_adapters_win(tmp_path: Path) -> None:
    for name in ("postings.csv", "postings.tsv", "postings.jsonl"):
        assert generic.detect(FIX / name, read_head(FIX / name)) == 10
        assert detect(FIX / name).NAME == "generic"
    no_title = tmp_path / "numbers.csv"
    no_title.write_text("a,b\n1,2\n")
    assert generic.detect(no_title, read_head(no_title)) == 0
    lever = FIX.parent / "lever" / "northwind.json"
    assert detect(lever).NAME == "lever"


def test_bad_input(tmp_path: Path) -> None:
    cases = {
        "empty.csv": (b"", "empty"),
        "binary.csv": (b"\x00\xff" * 500, "binary"),
        "cut.json": (b'[{"title": "A"}, {"title": "B", "descr', "truncated or invalid JSON at "
                                                                "line 1 column 33"),
        "shape.json": (b'{"title": "only one object"}', "expected a JSON array of jobs"),
        "broken.xlsx": (b"PK\x03\x04not really a zip", "cannot read the Excel workbook"),
        "broken.parquet": (b"PAR1garbage", "cannot read Parquet"),
    }
    for name, (data, message) in cases.items():
        path = tmp_path / name
        path.write_bytes(data)
        with pytest.raises(SourceError, match=message):
            _read(path)


def test_oversized_csv_field_and_long_row(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    path.write_text(
        "title,description\nA,short\nB," + "w" * (MAX_FIELD_CHARS + 100_000) + "\nC,x,extra\nD,ok\n"
    )
    items = _read(path)
    assert [type(i).__name__ for i in items] == ["Posting", "Rejected", "Rejected", "Posting"]
    assert isinstance(items[1], Rejected) and items[1].reason.startswith("field larger than")
    assert isinstance(items[2], Rejected) and items[2].reason.startswith("row has 3 cells")


def test_column_names_data_file() -> None:
    """etl/data/generic_columns.yaml: known fields only, normalised names, each name once, a source line."""
    text = generic.COLUMN_NAMES.read_text(encoding="utf-8")
    assert "# source:" in text
    data = yaml.safe_load(text)
    keys = data.pop(generic.RECORDS_KEY)
    assert (
        keys
        and all(isinstance(k, str) and generic._norm(k) == k for k in keys)
        and len(keys) == len(set(keys))
    )
    assert generic.record_keys() == tuple(keys)
    assert list(data) == [f for f in generic.FIELDS if f in data]  # known fields, in the order tried
    assert set(data) == set(generic.FIELDS)  # every canonical field can be auto-mapped
    names = [name for names in data.values() for name in names]
    assert all(isinstance(n, str) and n and generic._norm(n) == n for n in names)  # else it can never match
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    assert generic.auto_names() == {f: tuple(v) for f, v in data.items()}


def test_column_names_drive_auto_mapping() -> None:
    data = yaml.safe_load(generic.COLUMN_NAMES.read_text(encoding="utf-8"))
    del data[generic.RECORDS_KEY]
    # the last listed name of every field, written as a person would (upper case, spaces, "_")
    header = {f: names[-1].upper()[:1] + " " + names[-1][1:] + "_" for f, names in data.items()}
    assert generic.resolve(list(header.values()), {}) == header


def test_column_names_unknown_field_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "columns.yaml"
    bad.write_text("title: [title]\nsalary_midpoint: [mid]\n")
    monkeypatch.setattr(generic, "COLUMN_NAMES", bad)
    generic.auto_names.cache_clear()
    generic._column_file.cache_clear()
    try:
        with pytest.raises(ValueError, match=r"unknown field.*salary_midpoint"):
            generic.auto_names()
    finally:
        generic.auto_names.cache_clear()
        generic._column_file.cache_clear()


def test_json_object_records_under_a_key_nested_fields_and_lists(tmp_path: Path) -> None:
    """An API response nobody wrote an adapter for: records under "resultats", nested objects, French keys."""
    doc = {
        "meta": {"total": 3},
        "facets": [{"name": "CDI", "count": 9}],
        "resultats": [
            {
                "id": "a1",
                "intitule": "Développeur Python",
                "entreprise": {"nom": "Garonne SAS"},
                "lieuTravail": {"libelle": "Toulouse"},
                "description": "<p>Django et PostgreSQL</p>",
                "dateCreation": "2025-03-11T12:01:12.764Z",
                "salaire": {"libelle": "45k-55k EUR"},
                "teletravail": True,
                "tags": ["python", "django"],
            },
            "not an object",
            {"id": "a3", "intitule": "", "description": None},
            {
                "id": "a4",
                "intitule": "Testeur",
                "created_at": 1770835328,
                "lieuTravail": {"libelle": ["Lyon", "Paris"]},
            },
        ],
    }
    path = tmp_path / "export.json"
    path.write_text(json.dumps(doc))
    items = _read(path)
    assert [i.record_no for i in items] == [1, 2, 3, 4]  # index in the records array
    p, bad, empty, d = items
    assert isinstance(p, Posting)
    assert (p.source_id, p.title, p.company, p.location, p.salary_text) == (
        "a1", "Développeur Python", "Garonne SAS", "Toulouse", "45k-55k EUR")
    assert p.description_format == "html" and p.posted_date == date(2025, 3, 11) and p.remote_hint is True
    assert isinstance(bad, Rejected) and bad.reason == "not a JSON object"
    assert isinstance(empty, Rejected) and empty.reason == "missing title and description"
    assert isinstance(d, Posting) and d.posted_date == date(2026, 2, 11) and d.location == "Lyon, Paris"
    # pretty-printed, and nested one level deeper ({"response": {"data": [...]}}), loads the same
    path.write_text(json.dumps({"response": {"data": doc["resultats"]}}, indent=4))
    assert [type(i).__name__ for i in _read(path)] == ["Posting", "Rejected", "Rejected", "Posting"]


def test_json_object_without_known_key_uses_the_longest_array_of_objects(tmp_path: Path) -> None:
    doc = {
        "filters": [{"k": "a"}],
        "stuff": [{"position": f"Engineer {i}", "employer": "Nu"} for i in range(3)],
        "labels": ["x", "y", "z", "w"],
    }
    path = tmp_path / "odd.json"
    path.write_text(json.dumps(doc))
    items = _read(path)
    assert [(i.record_no, i.title, i.company) for i in items if isinstance(i, Posting)] == [
        (1, "Engineer 0", "Nu"), (2, "Engineer 1", "Nu"), (3, "Engineer 2", "Nu")]
    assert detect(path).NAME == "generic"


@pytest.mark.shared
@pytest.mark.parametrize("name", ["arbeitnow-api-de", "francetravail-api-fr", "gupy-nerdin-br",
                                  "ashby-job-boards", "remoteok-api", "hn-whoishiring-mapped"])
def test_real_json_exports_load_through_the_generic_reader(shared_datasets: Path, name: str) -> None:
    """Without an adapter every real JSON sample still loads: every record read, titles and text mapped."""
    for path in sorted((shared_datasets / name).glob("*.json"))[:3]:
        items = _read(path)
        postings = [i for i in items if isinstance(i, Posting)]
        assert len(postings) >= 0.95 * len(items) > 0, path.name
        assert [i.record_no for i in items] == list(range(1, len(items) + 1))
        assert all(p.description for p in postings), path.name
        if name != "hn-whoishiring-mapped":  # HN comments have no title field
            assert sum(bool(p.title) for p in postings) >= 0.95 * len(postings), path.name
