"""A tiny real warehouse built from committed CSVs, published like a real one.

Why: query functions and pages are tested against a real DuckDB file whose every
number can be worked out by hand from tests/fixtures/tiny/*.csv (60 postings; the
default filters - senior and above, software engineering - select postings 1-40).
It runs the project's own schema.sql, views.sql, order.sql and rollups.sql and
publishes through etl.warehouse.paths.publish, so it is read exactly like a real one.

Tests import the fixtures: ``from tiny_warehouse import tiny_db, tiny_db_session``.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
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
    """Build the tiny warehouse as a version file beside ``db`` and publish it; returns the version.

    The version is a byte copy of this process's one build of it (``_template``: the CSVs through the
    project's SQL and ``builder.derive``, made on the first call for each ``is_demo``): some 80 tests and
    parametrised cases each built it anew (about 1.6 CPU-s and a 13 MB checkpoint each; the copy about
    10 ms). A copy is a new file, so each caller still gets a warehouse of its own to edit."""
    vdir = versions_dir(db)
    vdir.mkdir(parents=True, exist_ok=True)
    version = vdir / version_name
    if version.exists():
        version.unlink()
    shutil.copyfile(_template(is_demo), version)
    publish(db, version)
    return version


_TEMPLATES: dict[bool, Path] = {}  # is_demo -> this process's built version file (removed at its exit)


def _template(is_demo: bool) -> Path:
    """The tiny warehouse built once per process (for each ``is_demo``), as every publish builds it."""
    known = _TEMPLATES.get(is_demo)
    if known is not None and known.exists():
        return known
    home = Path(tempfile.mkdtemp(prefix="tiny-warehouse-"))
    atexit.register(_remove, home, os.getpid())
    version = home / "v-template.duckdb"
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
    _TEMPLATES[is_demo] = version
    return version


def _remove(home: Path, owner: int) -> None:
    """The templates' folder removed at its process's exit (not at a forked child's)."""
    if os.getpid() == owner:
        shutil.rmtree(home, ignore_errors=True)


def build_edited(db: Path, *statements: str, derive: bool = False,
                 version_name: str = "v-tiny-edited.duckdb") -> Path:
    """The tiny warehouse built and published as :func:`build` does, with ``statements`` run on it (and the
    rollups derived again after them, as a publish does, when ``derive``); returns ``db``. The same
    statements asked again in this process (a parametrised test's cases) get a byte copy of the first
    result while that file is as it was written (``_EDITED``: same inode, size and mtime; the statements are
    deterministic), else they are run again; either way each caller gets a file of its own."""
    done = _EDITED.get((statements, derive))
    if done is not None and _unchanged(*done):
        vdir = versions_dir(db)
        vdir.mkdir(parents=True, exist_ok=True)
        version = vdir / version_name
        if version.exists():
            version.unlink()
        shutil.copyfile(done[0], version)
        publish(db, version)
        return db
    version = build(db, version_name=version_name)
    con = duckdb.connect(str(version))
    try:
        for sql in statements:
            con.execute(sql)
        if derive:
            builder.derive(con)
        con.execute("CHECKPOINT")
    finally:
        con.close()
    st = version.stat()
    _EDITED[(statements, derive)] = (version, (st.st_ino, st.st_size, st.st_mtime_ns))
    return db


# (statements, derive) -> the first result's file and its identity when written
_EDITED: dict[tuple[tuple[str, ...], bool], tuple[Path, tuple[int, int, int]]] = {}


def _unchanged(path: Path, ident: tuple[int, int, int]) -> bool:
    try:
        st = path.stat()
    except OSError:
        return False
    return (st.st_ino, st.st_size, st.st_mtime_ns) == ident


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
