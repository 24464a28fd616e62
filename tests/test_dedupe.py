"""Duplicates decided in DuckDB give exactly the sequential rule: the first loaded posting with a key wins.

The reference below is the rule as written in etl/warehouse/dedupe.py's docstring, applied one record at
a time (as the loader did before the keys moved into DuckDB); random files with few distinct keys make
chains (a row repeating a duplicate's key), keys repeated inside one write and across writes and files.
"""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import pytest

from etl.warehouse import batch as batch_mod
from etl.warehouse import loader as loader_mod
from etl.warehouse import paths
from etl.warehouse.dedupe import FINGERPRINT_WINDOW_DAYS, fingerprint, normalise_url
from etl.warehouse.loader import load_paths

TEXTS = [("Acme", "Senior Go Engineer", "Berlin", "Build services in Go."),
         ("Beta GmbH", "Staff Rust Developer", "Remote", "Rust and Kubernetes."),
         ("Gamma Inc", "Python Developer", "London", "Django and Postgres.")]


def _records(seed: int, n: int) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        company, title, location, description = rng.choice(TEXTS)
        out.append(
            {
                "id": rng.choice([None, *(f"j{k}" for k in range(25))]),
                "url": rng.choice([None, *(f"https://jobs.example/{k}" for k in range(25))]),
                "title": title,
                "company": company,
                "location": location,
                "description": description,
                "date_posted": rng.choice([None, str(date(2024, 1, 1) + timedelta(days=rng.randrange(200)))]),
            }
        )
    return out


def _reference(records: list[dict[str, Any]]) -> dict[int, tuple[str, int] | None]:
    """record index -> None (loaded) or (reason, index of the loaded record it repeats)."""
    ids: dict[str, int] = {}
    urls: dict[str, int] = {}
    fps: dict[str, list[tuple[date | None, int]]] = {}
    out: dict[int, tuple[str, int] | None] = {}
    for k, r in enumerate(records):
        posted = date.fromisoformat(r["date_posted"]) if r["date_posted"] else None
        fp = fingerprint(r["company"], r["title"], r["location"], r["description"])
        url = normalise_url(r["url"])
        hit: tuple[str, int] | None = None
        if r["id"] is not None and r["id"] in ids:
            hit = ("same_source_id", ids[r["id"]])
        elif url is not None and url in urls:
            hit = ("same_url", urls[url])
        elif fp is not None:
            for other_date, other in fps.get(fp, ()):
                if (
                    posted is None
                    or other_date is None
                    or abs((posted - other_date).days) <= FINGERPRINT_WINDOW_DAYS
                ):
                    hit = ("same_fingerprint", other)
                    break
        out[k] = hit
        if hit is None:
            if r["id"] is not None:
                ids.setdefault(r["id"], k)
            if url is not None:
                urls.setdefault(url, k)
            if fp is not None:
                fps.setdefault(fp, []).append((posted, k))
    return out


def _write(path: Path, records: list[dict[str, Any]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def _outcome(db: Path) -> dict[tuple[str, int], tuple[str, tuple[str, int]] | None]:
    """(file name, record_no) -> None when loaded, else (reason, (file name, record_no) of the canonical)."""
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    files = dict(con.execute("SELECT run_id, file_name FROM load_runs").fetchall())
    where = {
        pid: (files[run], no)
        for pid, run, no in con.execute("SELECT posting_id, run_id, record_no FROM postings").fetchall()
    }
    out: dict[tuple[str, int], tuple[str, tuple[str, int]] | None] = {key: None for key in where.values()}
    for run, no, reason, dup_of in con.execute(
        "SELECT run_id, record_no, reason, duplicate_of FROM duplicate_postings"
    ).fetchall():
        out[(files[run], no)] = (reason, where[dup_of])
    con.close()
    return out


@pytest.mark.parametrize(("write_rows", "batch_rows", "workers"),
                         [(7, None, 1), (10_000, None, 1), (7, 5, 2)])
def test_duplicates_match_the_sequential_rule(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, write_rows: int, batch_rows: int | None, workers: int
) -> None:
    """The second file is a refresh: its rows the warehouse holds by id or URL skip extraction
    (tests/test_load_refresh.py); small batches through two workers mix batches all known, partly known and
    new, in flight together."""
    monkeypatch.setattr(batch_mod, "WRITE_ROWS", write_rows)
    if batch_rows:
        monkeypatch.setattr(loader_mod, "BATCH_SIZE", batch_rows)
    first, second = _records(1, 120), _records(2, 80)
    for name, rows in (("a.jsonl", first), ("b.jsonl", second)):
        load_paths([_write(tmp_path / name, rows)], tmp_path / "wh.duckdb", progress=False, workers=workers)
    names = [("a.jsonl", k + 1) for k in range(len(first))] + [("b.jsonl", k + 1) for k in range(len(second))]
    want = {names[k]: None if hit is None else (hit[0], names[hit[1]])
            for k, hit in _reference(first + second).items()}
    got = _outcome(tmp_path / "wh.duckdb")
    assert got == want
    reasons = {v[0] for v in want.values() if v}
    assert reasons == {"same_source_id", "same_url", "same_fingerprint"}  # every rule was exercised


def test_a_row_repeating_only_a_duplicates_key_is_loaded(tmp_path: Path) -> None:
    """A(j1, u1) loaded; B(j2, u1) a duplicate of A by URL; C(j2, u3) shares only B's id: loaded."""
    rows = [{"id": i, "url": u, "title": t, "description": "Go."}
            for i, u, t in (("j1", "https://x.example/1", "A"), ("j2", "https://x.example/1", "B"),
                            ("j2", "https://x.example/3", "C"))]
    load_paths([_write(tmp_path / "c.jsonl", rows)], tmp_path / "wh.duckdb", progress=False, workers=1)
    got = _outcome(tmp_path / "wh.duckdb")
    assert got == {("c.jsonl", 1): None, ("c.jsonl", 2): ("same_url", ("c.jsonl", 1)), ("c.jsonl", 3): None}


FINGERPRINT_TEXTS = [  # where a byte-wise rewrite of the regex could differ: case maps, non-ASCII, limits
    "",
    "   ",
    "Senior  Data-Engineer (m/w/d) @ ACME, Inc.",
    "\u212a\u0130 Kelvin and dotted I lower to ASCII letters",  # K (Kelvin sign) -> k, İ -> i + a mark
    "ΣΑΣ straße Ünïcödé 東京 日本語 😀 end",
    "lone \ud800 surrogate",
    "tabs\tand\nnew\r\nlines\x00nul\x0bvt\x0cff\x1cfs\x85nel\u2028ls",
    "digits 0123456789 and punctuation !#$%&'()*+,-./:;<=>?@[]^_`{|}~",
    "x" * 1999 + " y",
    "w " * 1000 + "tail",
    "long-word" * 600,
    "é" * 4100 + " ascii after",
    "a " * 2000 + "b" * 3000,
]


@pytest.mark.parametrize("text", FINGERPRINT_TEXTS)
def test_fingerprint_words_as_the_regex(text: str) -> None:
    import re

    from etl.warehouse.dedupe import _norm

    regex = re.sub(r"[^a-z0-9]+", " ", text.lower()).strip()  # the definition before the byte-wise rewrite
    assert _norm(text) == regex
    assert _norm(text, 2000) == regex[:2000]
    assert _norm(text, 7) == regex[:7]
