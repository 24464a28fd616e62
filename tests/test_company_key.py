"""The key companies are counted by (etl/normalize/company_key.py, etl/data/company_suffixes.txt) and the
warehouse's table of it (company_keys, made at publish). Invented names only."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.normalize.company_key import SUFFIXES_FILE, company_key, suffixes
from etl.warehouse.builder import store_company_keys


@pytest.mark.parametrize(("a", "b"), [
    ("Acme", "Acme Inc."), ("Acme", "ACME, Inc"), ("Acme", "acme llc"), ("Acme", "Acme Ltd."),
    ("Acme", "Acme GmbH"), ("Acme", "Acme GmbH & Co. KG"), ("Acme", "Acme S.A."), ("Acme", "Acme S. A."),
    ("Acme", "Acme Sp. z o.o."), ("Acme", "Acme Pvt. Ltd."), ("Acme", "Acme Private Limited"),
    ("Acme", "Acme Corp."), ("Acme", "Acme Corporation"), ("Acme", "Acme AG"), ("Acme", "Acme B.V."),
    ("Ácme Çorp", "Acme Corp"), ("Acme.io", "Acmeio"), ("(Acme)", "Acme"),
    ("Acme Widgets", "Acme Widgets, Inc."),
])
def test_names_alike_but_for_case_accents_dots_or_a_legal_suffix_are_one_key(a: str, b: str) -> None:
    assert company_key(a) == company_key(b)


@pytest.mark.parametrize(("a", "b"), [
    ("Acme", "Acme Widgets"), ("Acme Labs", "Acme"), ("Acme Group", "Acme"), ("Acme Health", "Acme"),
    ("Acme Poland", "Acme"), ("Able", "Able Co Widgets"),
])
def test_names_that_differ_in_a_word_that_is_not_a_legal_form_stay_apart(a: str, b: str) -> None:
    assert company_key(a) != company_key(b)


def test_a_name_made_only_of_suffixes_keeps_its_words_and_no_name_has_no_key() -> None:
    assert company_key("AG") == "ag"
    assert company_key("Inc.") == "inc"
    assert company_key("Co & Co") == "co"  # the first word is kept
    assert company_key(None) is None
    assert company_key(" - ") is None


def test_the_suffix_file_holds_lower_case_words_one_suffix_a_line() -> None:
    lines = [line.split("#", 1)[0].strip() for line in SUFFIXES_FILE.read_text(encoding="utf-8").splitlines()]
    words = [line for line in lines if line]
    assert len(words) == len(set(words)) == len(suffixes())
    for line in words:
        assert line == " ".join(line.split()) and line.islower() and line.replace(" ", "").isalnum(), line


def test_the_warehouse_table_keys_each_spelling_and_names_the_most_written() -> None:
    con = duckdb.connect()
    con.execute("CREATE TABLE postings (company VARCHAR)")
    con.execute("INSERT INTO postings VALUES ('Acme, Inc.'), ('Acme, Inc.'), ('Acme'), ('ACME INC'), "
                "('Beta GmbH'), ('Beta'), (NULL)")
    store_company_keys(con)
    rows = con.execute("SELECT company, company_key, company_shown FROM company_keys ORDER BY company"
                       ).fetchall()
    assert rows == [("ACME INC", "acme", "Acme, Inc."), ("Acme", "acme", "Acme, Inc."),
                    ("Acme, Inc.", "acme", "Acme, Inc."), ("Beta", "beta", "Beta"),
                    ("Beta GmbH", "beta", "Beta")]
    assert con.execute("SELECT count(DISTINCT k.company_key) FROM postings p "
                       "JOIN company_keys k USING (company)").fetchone() == (2,)


OLD_NOTE = "published before"


@pytest.mark.parametrize("rollup", [True, False])
def test_a_warehouse_published_before_the_company_keys_says_how_it_counts_companies(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, rollup: bool) -> None:
    """QA rounds twenty-six and twenty-seven, seen and left: a warehouse published before company_keys counts
    companies by name without case (the query layer falls back; the app does not rebuild it), so "Acme,
    Inc." beside "Acme" are two there and one in a warehouse published now, with no word on the page. The
    headline figures and the two regions compared say so, and what to do, where they count companies so;
    a warehouse with the table says nothing."""
    from tiny_warehouse import build_edited

    from analytics.filters import Filters
    from analytics.queries import overview, regions

    def notes(db: Path | None) -> list[str]:
        kpis = overview.kpis(Filters(), db, rollup=rollup)
        compared = regions.compare(Filters(), ("US", "GB"), db, rollup=rollup)
        assert kpis.n and compared.n
        return [c for c in (*kpis.caveats, *compared.caveats) if OLD_NOTE in c]

    now = build_edited(tmp_path / "now.duckdb", version_name="v-tiny-now.duckdb")
    assert notes(now) == []
    old = build_edited(tmp_path / "old.duckdb", "DROP TABLE company_keys", version_name="v-tiny-old.duckdb")
    said = notes(old)
    assert len(said) == 2 and said[0] == said[1], said
    assert "companies counted by name without case" in said[0] and "load" in said[0], said
    monkeypatch.setenv("WAREHOUSE_DB", str(old))
    from streamlit.testing.v1 import AppTest

    app = Path(__file__).resolve().parents[1] / "dashboard.py"
    at = AppTest.from_file(str(app), default_timeout=60).run()
    assert not at.exception
    assert any(OLD_NOTE in c.value for c in at.caption), [c.value for c in at.caption]
