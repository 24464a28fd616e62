"""Language detection: etl/normalize/language.py (ISO 639-1 codes from CLD2)."""

from __future__ import annotations

import json

import pytest

from etl.extract import extract
from etl.normalize.language import MAX_CHARS, _sample, detect_language, posting_language

SENTENCES = {  # written for this test: a line a posting in that language might say
    "en": "We are looking for a senior backend developer to join our platform team and build "
          "reliable services.",
    "de": "Wir suchen einen erfahrenen Backend-Entwickler, der unser Team bei der "
          "Weiterentwicklung unterstützt.",
    "fr": "Nous recherchons un développeur expérimenté pour rejoindre notre équipe et "
          "concevoir nos services.",
    "es": "Buscamos una persona desarrolladora con experiencia para unirse a nuestro equipo de plataforma.",
    "pt": "Estamos procurando uma pessoa desenvolvedora com experiência para fazer parte do nosso "
          "time de produto.",
    "nl": "Wij zoeken een ervaren ontwikkelaar die ons team komt versterken en onze diensten verder bouwt.",
    "pl": "Szukamy doświadczonego programisty, który dołączy do naszego zespołu i będzie "
          "rozwijał nasze usługi.",
    "it": "Cerchiamo uno sviluppatore esperto che si unisca al nostro team per progettare i nostri servizi.",
}


@pytest.mark.parametrize(("code", "text"), SENTENCES.items())
def test_the_project_languages(code: str, text: str) -> None:
    assert detect_language(text) == code


@pytest.mark.parametrize("text", [None, "", "   ", "Senior Developer", "C++ / Go", "12345 67890 !!!"])
def test_too_little_text_says_nothing(text: str | None) -> None:
    assert detect_language(text) is None


def test_broken_text_never_raises() -> None:
    assert detect_language("\ud800 " + SENTENCES["en"]) == "en"  # a lone surrogate
    assert detect_language("\x01\x02 " + SENTENCES["de"]) == "de"


def test_legacy_codes_mapped_to_iso_639_1() -> None:
    # CLD2 "iw"
    assert detect_language("אנחנו מחפשים מפתח תוכנה מנוסה שיצטרף לצוות שלנו בתל אביב ויבנה שירותים") == "he"


def test_long_text_is_sampled_at_start_middle_and_end() -> None:
    text = SENTENCES["fr"] + " " + " ".join([SENTENCES["en"]] * 200) + " " + SENTENCES["fr"]
    # a French preface and footer
    assert len(_sample(text)) <= MAX_CHARS + 2 and detect_language(text) == "en"


def test_description_first_title_only_without_one() -> None:
    assert posting_language("Senior Developer", SENTENCES["pt"]) == "pt"
    assert posting_language(SENTENCES["nl"], None) == "nl"


def test_extract_outputs_the_language() -> None:
    out = extract({"title": "Backend-Entwickler (m/w/d)", "description": f"<p>{SENTENCES['de']}</p>",
                   "description_format": "html"})
    assert out["language"] == "de"


def test_load_stores_the_language_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import duckdb

    from etl.warehouse import paths
    from etl.warehouse.loader import load_paths

    src = tmp_path / "in"
    src.mkdir()
    (src / "jobs.jsonl").write_text(
        "\n".join(
            json.dumps({"title": f"Dev {code}", "description": text, "company": f"C{code}"})
            for code, text in SENTENCES.items()
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "wh.duckdb"
    load_paths([src], db, progress=False, workers=1)
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    rows = dict(con.execute("SELECT title, language FROM postings").fetchall())
    comment = con.execute("SELECT comment FROM duckdb_columns() WHERE table_name = 'postings' "
                          "AND column_name = 'language'").fetchone()
    con.close()
    assert rows == {f"Dev {code}": code for code in SENTENCES}
    assert comment is not None and "ISO 639-1" in comment[0]
    # the Data page's mix, the sidebar's choices and the filter read it
    from analytics.filters import Filters
    from analytics.queries import data

    everything = Filters(seniority=(), role_family=())
    mix = data.language_mix(everything, db=db)
    assert dict(zip(mix.df["language"], mix.df["postings"])) == dict.fromkeys(SENTENCES, 1) and mix.n == 8
    assert sorted(data.options(db=db).language) == sorted(SENTENCES)
    two = data.language_mix(Filters(seniority=(), role_family=(), language=("de", "pl")), db=db)
    assert sorted(two.df["language"]) == ["de", "pl"]


def test_a_warehouse_built_before_gains_the_column(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import duckdb

    from etl.warehouse.builder import run_script

    con = duckdb.connect(str(tmp_path / "old.duckdb"))
    run_script(con, "schema.sql")
    con.execute("ALTER TABLE postings DROP COLUMN language")  # as a warehouse built before the column was
    run_script(con, "schema.sql")
    assert "language" in [r[0] for r in con.execute("DESCRIBE postings").fetchall()]
    con.execute("ALTER TABLE postings DROP COLUMN language")
    con.close()
    from analytics import db as adb
    from analytics.filters import Filters
    from analytics.queries import data

    old = tmp_path / "old.duckdb"
    # the app still draws
    assert data.language_mix(Filters(), db=old).df.empty and data.options(db=old).language == ()
    adb.close_all()


@pytest.mark.shared
def test_plain_text_mode_answers_as_html_mode(shared_datasets) -> None:  # type: ignore[no-untyped-def]
    """detect_language reads a sample without "<" or "&" in CLD2's plain-text mode (faster): on every
    shared description such a sample gets the language, the share and the reliability of HTML mode."""
    import pycld2

    from etl import sources
    from etl.clean import to_text
    from etl.record import Posting, SourceError

    compared = 0
    suffixes = sources.SUPPORTED_SUFFIXES
    for path in sorted(p for p in shared_datasets.rglob("*") if p.suffix.lower() in suffixes):
        try:
            records = list(sources.read(path)[1])
        except SourceError:
            continue
        for p in records:
            if not isinstance(p, Posting) or not p.description:
                continue
            sample = _sample(to_text(p.description, p.description_format or "text"))
            if "<" in sample or "&" in sample or not sample.strip():
                continue
            try:
                html = pycld2.detect(sample)
            except (pycld2.error, UnicodeEncodeError):
                continue
            assert pycld2.detect(sample, isPlainText=True)[:3] == html[:3], sample[:80]
            compared += 1
    assert compared > 5000


def _long_read_only(text: str | None, monkeypatch: pytest.MonkeyPatch) -> str | None:
    """The answer of the 1,500-character read alone (the detection before the short first read)."""
    import etl.normalize.language as language

    with monkeypatch.context() as patched:
        patched.setattr(language, "QUICK_CHARS", 10**9)
        return language.detect_language(text)


EDGE_TEXTS = {  # where a short read could disagree with the long one: mixtures, boundaries, broken text
    "french preface": SENTENCES["fr"] + " " + " ".join([SENTENCES["en"]] * 30),
    "german and english halves": " ".join([SENTENCES["de"]] * 8) + " " + " ".join([SENTENCES["en"]] * 8),
    "english and german halves": " ".join([SENTENCES["en"]] * 9) + " " + " ".join([SENTENCES["de"]] * 7),
    "three languages": " ".join([SENTENCES["pt"]] * 5 + [SENTENCES["es"]] * 5 + [SENTENCES["it"]] * 5),
    "just over the short read": (SENTENCES["nl"] + " ") * 5,
    "just under the short read": (SENTENCES["pl"] + " ") * 4,
    "html": "<p>" + "</p><p>".join([SENTENCES["fr"]] * 12) + "</p>&amp;",
    "lone surrogate": "\ud800 " + " ".join([SENTENCES["de"]] * 10),
    "skills list": "Python, Docker, Kubernetes, AWS, Terraform, React, TypeScript, GraphQL. " * 12,
    "digits and symbols": "1234 5678 -- !! ?? " * 60,
    "english job in a german frame": " ".join([SENTENCES["de"]] * 3) + " " + " ".join([SENTENCES["en"]] * 20)
    + " " + " ".join([SENTENCES["de"]] * 3),
}


@pytest.mark.parametrize("name", EDGE_TEXTS)
def test_short_first_read_answers_as_the_long_read(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    text = EDGE_TEXTS[name]
    assert detect_language(text) == _long_read_only(text, monkeypatch)


def test_short_read_stands_only_when_sure() -> None:
    from etl.normalize.language import QUICK_CHARS, _quick

    assert _quick(" ".join([SENTENCES["en"]] * 20)) == "en"
    mixed = " ".join([SENTENCES["de"]] * 8) + " " + " ".join([SENTENCES["en"]] * 8)
    assert len(mixed) > QUICK_CHARS and _quick(mixed) is None  # halves: the long read decides
