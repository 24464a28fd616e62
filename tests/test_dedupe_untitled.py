"""A posting without a title has a fingerprint of company, place and description (issue 9, ruling hqa36 1).

Why: a Hacker News comment whose title no rule finds had no fingerprint, so a company's comment reposted in
the next month's thread was counted twice, and every title rule that filled a title turned some of them into
duplicates (the duplicate count drifted with unrelated rules). The untitled key is marked as such, so it
never meets a titled posting's key (the titled rule's matches do not move), and titled postings keep their
hash byte for byte (the keys stored in a warehouse stay valid). Texts here are invented.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq
import pytest
from lake_compare import assert_same_warehouse

from etl.lake.build import build_lake
from etl.lake.publish import publish_from_lake
from etl.lake.store import Lake
from etl.warehouse import batch as batch_mod
from etl.warehouse import dedupe, paths
from etl.warehouse.dedupe import UNTITLED_MIN_DESCRIPTION, fingerprint
from etl.warehouse.loader import load_paths

COMPANY, PLACE = "Quillwort Labs", "Lisbon"
TEXT = ("Quillwort Labs | Lisbon | Onsite. We build tidal energy dashboards in Elixir and look for a backend "
        "person who likes sensors. Mail jobs at quillwort example.")


def _row(key: str, date: str, title: str | None = None, company: str | None = COMPANY,
         description: str = TEXT) -> dict[str, Any]:
    row: dict[str, Any] = {"id": key, "company": company, "location": PLACE, "description": description,
                           "date_posted": date}
    if title is not None:
        row["title"] = title
    return row


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _outcome(db: Path) -> dict[str, tuple[str, str] | None]:
    """source id -> None when loaded, else (reason, source id of the posting it repeats)."""
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        ids = dict(con.execute("SELECT posting_id, source_id FROM postings").fetchall())
        out: dict[str, tuple[str, str] | None] = {sid: None for sid in ids.values()}
        for sid, reason, dup_of in con.execute(
                "SELECT source_id, reason, duplicate_of FROM duplicate_postings").fetchall():
            out[sid] = (reason, ids[dup_of])
    finally:
        con.close()
    return out


def _load(tmp_path: Path, records: list[dict[str, Any]], name: str = "a.jsonl",
          db: str = "wh.duckdb") -> dict[str, tuple[str, str] | None]:
    load_paths([_write(tmp_path / name, records)], tmp_path / db, progress=False, workers=1)
    return _outcome(tmp_path / db)


# -- the key ------------------------------------------------------------------------------------------------

# hashes main's code (before this change, commit 219cc9d) gave: a warehouse's stored keys stay valid
TITLED = [
    (("Acme GmbH", "Senior Go Engineer", "Berlin, DE", "Build services in Go. " * 200),
     "3295d8497dab54d6133178cff35309afc5d0206c"),
    ((None, "Data Engineer (m/w/d)", None, "Pipelines and Airflow."),
     "07a32f545bbfec91c4789c8262b36a6e49354ef4"),
    (("Quillwort Labs Inc.", "!!!", "Remote", "Tidal dashboards in Elixir."),
     "8e2d15c3916b71a8d9cb047224dd4c11f7657692"),
    (("Quillwort Labs", "Backend Developer", "Lisbon", "short"), "8a4a7ab0c41891ed1b0d580ce030447bc887050b"),
]


@pytest.mark.parametrize(("fields", "want"), TITLED)
def test_a_titled_postings_hash_is_byte_identical(fields: tuple[Any, ...], want: str) -> None:
    assert fingerprint(*fields) == want


def test_an_untitled_posting_has_a_key_of_its_own_kind() -> None:
    untitled = fingerprint(COMPANY, None, PLACE, TEXT)
    assert untitled is not None and untitled == fingerprint(COMPANY, "", PLACE, TEXT)
    assert untitled == fingerprint("Quillwort Labs, Inc.", None, "lisbon", TEXT.upper())  # normalised alike
    assert untitled != fingerprint("Other Labs", None, PLACE, TEXT)
    assert untitled != fingerprint(COMPANY, None, "Porto", TEXT)
    # a titled posting with the same other fields, whatever its title normalises to, never has that key
    for title in ("Backend Developer", "!!!", "untitled", COMPANY, PLACE):
        assert fingerprint(COMPANY, title, PLACE, TEXT) not in (None, untitled)


def test_too_little_to_compare_has_no_key() -> None:
    """Too little: a description of fewer than UNTITLED_MIN_DESCRIPTION characters once normalised (its words
    of a-z0-9, one space apart), whatever the company: a reply ("Thanks for sharing") or a bare link names no
    job, and two such short texts of one company are not one posting. A description is needed at all (as for
    a titled posting); a company is not (a long text reposted word for word is the same posting)."""
    assert UNTITLED_MIN_DESCRIPTION == 40
    at_edge = "a" * 38 + " b"  # 40 characters
    assert fingerprint(None, None, None, at_edge) is not None
    assert fingerprint(None, None, None, at_edge[1:]) is None  # 39
    assert fingerprint(COMPANY, None, PLACE, at_edge[1:]) is None  # a company does not make up for it
    assert fingerprint(COMPANY, None, PLACE, "!! " + at_edge[1:] + " ...") is None  # punctuation is no text
    assert fingerprint(COMPANY, None, PLACE, None) is None and fingerprint(COMPANY, None, PLACE, "") is None
    assert fingerprint(None, None, None, None) is None
    assert fingerprint(None, None, PLACE, TEXT) is not None  # no company, a long text: compared
    # text of letters outside a-z (Cyrillic, CJK) normalises to next to nothing: not compared
    assert fingerprint(COMPANY, None, PLACE, "Мы ищем разработчика бэкенда на Эликсире в Лиссабоне") is None


# -- the single-machine load --------------------------------------------------------------------------------

def test_a_reposted_untitled_posting_is_a_fingerprint_duplicate(tmp_path: Path) -> None:
    got = _load(tmp_path, [_row("h1", "2024-01-10"), _row("h2", "2024-02-10")])  # 31 days apart
    assert got == {"h1": None, "h2": ("same_fingerprint", "h1")}


def test_the_window_is_the_titled_rules(tmp_path: Path) -> None:
    """60 days apart still match, 61 do not (2024-01-10 + 60 days = 2024-03-10, a leap year)."""
    got = _load(tmp_path, [_row("h1", "2024-01-10"), _row("h2", "2024-03-10"), _row("h3", "2024-05-11")])
    assert dedupe.FINGERPRINT_WINDOW_DAYS == 60
    assert got == {"h1": None, "h2": ("same_fingerprint", "h1"), "h3": None}
    got = _load(tmp_path, [_row("k1", "2024-01-10"), _row("k2", "2024-03-11")], "b.jsonl", "wh2.duckdb")
    assert got == {"k1": None, "k2": None}


def test_an_untitled_posting_never_matches_a_titled_one(tmp_path: Path) -> None:
    got = _load(tmp_path, [_row("t1", "2024-01-10", title="Backend Developer"), _row("h1", "2024-01-15"),
                           _row("h2", "2024-01-20"), _row("t2", "2024-01-25", title="Backend Developer")])
    assert got == {"t1": None, "h1": None, "h2": ("same_fingerprint", "h1"), "t2": ("same_fingerprint", "t1")}


def test_short_untitled_texts_are_not_compared(tmp_path: Path) -> None:
    short = "Thanks for sharing, great thread!"  # 31 characters normalised
    got = _load(tmp_path, [_row("r1", "2024-01-10", description=short, company=None),
                           _row("r2", "2024-01-12", description=short, company=None),
                           _row("r3", "2024-01-14", description=short),
                           _row("r4", "2024-01-16", description=short)])
    assert got == {"r1": None, "r2": None, "r3": None, "r4": None}


def _main_fingerprint(company: str | None, title: str | None, location: str | None,
                      description: str | None) -> str | None:
    """The rule before this change: no title, no fingerprint (titled hashes are unchanged, tested above)."""
    return fingerprint(company, title, location, description) if title else None


def test_a_warehouse_loaded_before_the_change_gets_the_keys_of_its_untitled_postings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """h1 and h2 (a repost) were both loaded by the old rule; they stay loaded (a load never drops a posting),
    a reload of their file adds nothing, and a later repost h3 is a duplicate of h1, as on a fresh warehouse;
    the old postings' fingerprint column is filled."""
    first = [_row("h1", "2024-01-10"), _row("h2", "2024-02-10")]
    with monkeypatch.context() as m:
        m.setattr(batch_mod, "fingerprint", _main_fingerprint)
        assert _load(tmp_path, first) == {"h1": None, "h2": None}
    again = load_paths([tmp_path / "a.jsonl"], tmp_path / "wh.duckdb", progress=False, workers=1)
    assert [f.status for f in again.files] == ["already_loaded"] and not again.published
    assert _outcome(tmp_path / "wh.duckdb") == {"h1": None, "h2": None}
    got = _load(tmp_path, [_row("h3", "2024-02-20"), _row("h4", "2024-02-21", title="Backend Developer")],
                "b.jsonl")
    assert got == {"h1": None, "h2": None, "h3": ("same_fingerprint", "h1"), "h4": None}
    con = duckdb.connect(str(paths.current_version(tmp_path / "wh.duckdb")), read_only=True)
    try:
        fps = dict(con.execute("SELECT source_id, fingerprint FROM postings").fetchall())
        keys = con.execute("SELECT count(*) FROM posting_keys WHERE kind = 3").fetchone()
    finally:
        con.close()
    assert fps["h1"] == fps["h2"] == fingerprint(COMPANY, None, PLACE, TEXT)
    assert keys == (3,)  # h1, h2 and the titled h4; none twice
    fresh = _load(tmp_path, [*first, _row("h3", "2024-02-20")], "c.jsonl", "fresh.duckdb")
    assert fresh == {"h1": None, "h2": ("same_fingerprint", "h1"), "h3": ("same_fingerprint", "h1")}


# -- the distributed load -----------------------------------------------------------------------------------

def _mixed() -> list[dict[str, Any]]:
    other = TEXT.replace("Elixir", "Gleam")
    return [_row("h1", "2024-01-10"), _row("t1", "2024-01-11", title="Backend Developer"),
            _row("h2", "2024-02-10"), _row("h3", "2024-05-20"),
            _row("t2", "2024-01-12", title="Backend Developer"),
            _row("g1", "2024-01-10", description=other, company=None),
            _row("g2", "2024-01-30", description=other, company=None),
            _row("s1", "2024-01-10", description="Thanks for sharing, great thread!"),
            _row("s2", "2024-01-11", description="Thanks for sharing, great thread!")]


def test_the_lake_gives_the_same_decisions(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    _write(src / "a.jsonl", _mixed())
    lake, db, plain = str(tmp_path / "lake"), tmp_path / "lake.duckdb", tmp_path / "plain.duckdb"
    assert build_lake([str(src)], lake, engine="local", workers=1).committed
    assert publish_from_lake(lake, db).published
    load_paths([src], plain, progress=False, workers=1)
    assert_same_warehouse(db, plain)
    assert _outcome(db) == {"h1": None, "t1": None, "h2": ("same_fingerprint", "h1"), "h3": None,
                            "t2": ("same_fingerprint", "t1"), "g1": None, "g2": ("same_fingerprint", "g1"),
                            "s1": None, "s2": None}


def test_a_lake_built_before_the_change_publishes_the_new_decisions(tmp_path: Path) -> None:
    """A lake file written by the old code holds no fingerprint for an untitled row (titled ones are the
    same): the publish computes it from the row's stored company, place and description, so a lake of old
    and new files gives what a fresh load of the same files gives."""
    src1, src2 = tmp_path / "in1", tmp_path / "in2"
    src1.mkdir()
    src2.mkdir()
    rows = _mixed()
    _write(src1 / "a.jsonl", rows[:5])
    _write(src2 / "b.jsonl", [*rows[5:], _row("h5", "2024-06-01")])
    lake = str(tmp_path / "lake")
    assert build_lake([str(src1)], lake, engine="local", workers=1).committed
    store = Lake(lake)
    for name in store.current().postings_files:  # what the old code wrote
        path = store.path(name)
        table = pq.read_table(path)
        untitled = pc.fill_null(pc.equal(table["title"], ""), True)
        fps = pc.if_else(untitled, pa.scalar(None, pa.string()), table["fingerprint"])
        column = table.schema.get_field_index("fingerprint")
        pq.write_table(table.set_column(column, "fingerprint", fps), path)
    assert build_lake([str(src1), str(src2)], lake, engine="local", workers=1).committed
    db, plain = tmp_path / "lake.duckdb", tmp_path / "plain.duckdb"
    assert publish_from_lake(lake, db).published
    load_paths([src1 / "a.jsonl", src2 / "b.jsonl"], plain, progress=False, workers=1)
    assert_same_warehouse(db, plain)
    assert _outcome(db)["h5"] == ("same_fingerprint", "h3")
    assert _outcome(db)["h2"] == ("same_fingerprint", "h1")


def test_the_documents_state_the_codes_window_and_length() -> None:
    """The Methodology page (docs/methodology.md), the README's guarantees, the column comment and the module
    docstring say the constants of etl/warehouse/dedupe.py: a change to one is a change to all."""
    from analytics import methodology

    def flat(text: str) -> str:
        return " ".join(text.split())

    window, length = dedupe.FINGERPRINT_WINDOW_DAYS, UNTITLED_MIN_DESCRIPTION
    page = flat(dict(methodology.sections())["Duplicates"])
    assert f"within {window} days" in page and f"at least {length} characters once normalised" in page
    readme = flat((Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8"))
    assert f"description within {window} days across sources, a posting without a title" in readme
    assert f"a description of {length} normalised characters or more" in readme
    schema = (Path(dedupe.__file__).parent / "schema.sql").read_text(encoding="utf-8")
    assert f"a description of {length} normalised characters or more" in schema
    doc = flat(dedupe.__doc__ or "")
    assert f"within {window} days" in doc and f"at least {length} characters once normalised" in doc
