"""A tiny real warehouse built from committed CSVs, published like a real one.

Why: query functions and pages are tested against a real DuckDB file whose every
number can be worked out by hand from tests/fixtures/tiny/*.csv (60 postings; the
default filters - senior and above, software engineering - select postings 1-40).
It runs the project's own schema.sql, views.sql, order.sql and rollups.sql and
publishes through etl.warehouse.paths.publish, so it is read exactly like a real one.

Tests import the fixtures: ``from tiny_warehouse import tiny_db, tiny_db_session``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from etl.warehouse import builder
from etl.warehouse.paths import publish, versions_dir

PROJECT = Path(__file__).resolve().parents[1]
WAREHOUSE_SQL = PROJECT / "etl" / "warehouse"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "tiny"
TABLES = ("meta", "load_runs", "rejected_rows", "skills", "postings", "posting_skills", "extraction_quality")


def build(db: Path, *, is_demo: bool = False, version_name: str = "v-tiny-1.duckdb") -> Path:
    """Build the tiny warehouse as a version file beside ``db`` and publish it; returns the version."""
    vdir = versions_dir(db)
    vdir.mkdir(parents=True, exist_ok=True)
    version = vdir / version_name
    if version.exists():
        version.unlink()
    con = duckdb.connect(str(version))
    try:
        con.execute((WAREHOUSE_SQL / "schema.sql").read_text())
        con.execute((WAREHOUSE_SQL / "views.sql").read_text())
        for table in TABLES:
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM read_csv($path, header = true)",
                        {"path": str(FIXTURES / f"{table}.csv")})
        con.execute("UPDATE meta SET value = $v WHERE key = 'is_demo'", {"v": "true" if is_demo else "false"})
        builder.derive(con)  # views, skill order and bitmap, rollups: as every publish does
        con.execute("CHECKPOINT")
    finally:
        con.close()
    publish(db, version)
    return version



def build_edited(db: Path, *statements: str, derive: bool = False,
                 version_name: str = "v-tiny-edited.duckdb") -> Path:
    """The tiny warehouse built and published as :func:`build` does, with ``statements`` run on it (and the
    rollups derived again after them, as a publish does, when ``derive``); returns ``db``."""
    con = duckdb.connect(str(build(db, version_name=version_name)))
    try:
        for sql in statements:
            con.execute(sql)
        if derive:
            builder.derive(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    return db

@pytest.fixture(scope="session")
def tiny_db_session(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The tiny warehouse path (built once per test session)."""
    db = tmp_path_factory.mktemp("tiny") / "warehouse.duckdb"
    build(db)
    return db


@pytest.fixture
def tiny_db(tiny_db_session: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """The tiny warehouse, with $WAREHOUSE_DB pointing at it for this test."""
    monkeypatch.setenv("WAREHOUSE_DB", str(tiny_db_session))
    yield tiny_db_session
