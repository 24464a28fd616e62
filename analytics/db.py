"""One read-only DuckDB connection per process, reopened when the warehouse is republished.

Why: a load publishes a new version file and swaps the warehouse symlink to it
(etl.warehouse.paths). The app must never hold the writer's file and must notice a
new version without a restart. So it resolves the link on every query, connects
read-only to the resolved *version* path (DuckDB caches databases by path, so
connecting to the link itself would keep serving the old file) and hands each query
its own cursor, which is safe across the app's threads.
"""

from __future__ import annotations

import os
import threading
import time
from pathlib import Path
from typing import Any

import duckdb
import pandas as pd

from etl.warehouse.paths import current_version, resolve_db_path


class WarehouseMissing(Exception):
    """No published warehouse at the configured path."""


_lock = threading.Lock()
_open: dict[Path, tuple[Path, duckdb.DuckDBPyConnection]] = {}


def db_path(db: str | Path | None = None) -> Path:
    """The warehouse path: the argument, else $WAREHOUSE_DB, else data/warehouse.duckdb."""
    return resolve_db_path(db).absolute()


# path -> (identity of the file the path leads to, that file): every cached answer asks for the version
_seen: dict[Path, tuple[tuple[int, int, int], Path | None]] = {}


def version(db: str | Path | None = None) -> Path | None:
    """The version file now published at the warehouse path (None when there is none).

    Called for every cached answer of every script run. Resolving the link (os.path.realpath: a stat
    per path component, each releasing and retaking the GIL) is done only when the file the path leads
    to changed; one stat through the link tells (a publish makes a new file: another inode; a file
    rebuilt in place: another modification time). With ten sessions each retaking of the GIL waited
    for the others' Python (bench users; tests/test_cache.py counts the resolutions)."""
    path = db_path(db)
    try:
        st = os.stat(path)  # follows the link: the version file's identity
    except OSError:
        return None  # no file there, or a link to a version that is gone
    ident = (st.st_dev, st.st_ino, st.st_mtime_ns)
    known = _seen.get(path)
    if known is not None and known[0] == ident:
        return known[1]
    ver = current_version(path)
    _seen[path] = (ident, ver)  # a publish between the stat and here: the next call sees another file
    return ver


def connection(db: str | Path | None = None) -> duckdb.DuckDBPyConnection:
    """The process's read-only connection to the current version (reopened after a publish)."""
    path = db_path(db)
    ver = current_version(path)
    if ver is None:
        raise WarehouseMissing(f"no warehouse at {path}")
    with _lock:
        known = _open.get(path)
        if known is not None and known[0] == ver:
            return known[1]
        con = duckdb.connect(str(ver), read_only=True)
        # The old connection is dropped, not closed: a query on another thread may still use a
        # cursor of it; it closes when the last reference goes.
        _open[path] = (ver, con)
        return con


def query(sql: str, params: dict[str, Any] | None = None, db: str | Path | None = None
          ) -> tuple[pd.DataFrame, float]:
    """Run one SELECT with named parameters; (frame, elapsed milliseconds)."""
    cur = connection(db).cursor()
    try:
        start = time.perf_counter()
        df = cur.execute(sql, params or {}).df()
        return df, (time.perf_counter() - start) * 1000
    finally:
        cur.close()


_tables: dict[Path, frozenset[str]] = {}


def has_table(name: str, db: str | Path | None = None) -> bool:
    """Whether the current version has table ``name`` (remembered per version file)."""
    ver = version(db)
    if ver is None:
        return False
    if ver not in _tables:
        df, _ = query("SELECT table_name FROM duckdb_tables()", None, db)
        _tables[ver] = frozenset(df["table_name"])
    return name in _tables[ver]


_columns: dict[tuple[Path, str], frozenset[str]] = {}


def has_column(table: str, column: str, db: str | Path | None = None) -> bool:
    """Whether the current version's ``table`` has ``column`` (remembered per version file): a version
    published before a rollup gained a column keeps being read the older way."""
    ver = version(db)
    if ver is None:
        return False
    if (ver, table) not in _columns:
        df, _ = query("SELECT column_name FROM duckdb_columns() WHERE table_name = $t", {"t": table}, db)
        _columns[(ver, table)] = frozenset(df["column_name"])
    return column in _columns[(ver, table)]


_bits: dict[Path, dict[str, tuple[int, int]] | None] = {}
_categories: dict[Path, dict[str, str | None]] = {}


def skill_bits(db: str | Path | None = None) -> dict[str, tuple[int, int]] | None:
    """skill -> (word, bit) of the current version's skill bitmap (table skill_bit, filled by order.sql);
    None when it has none (a lake published as views, an older version). Remembered per version file."""
    ver = version(db)
    if ver is None or not has_table("skill_bit", db):
        return None
    if ver not in _bits:
        df, _ = query("SELECT skill, word, bit FROM skill_bit", None, db)
        _bits[ver] = {str(s): (int(w), int(b)) for s, w, b in zip(df["skill"], df["word"], df["bit"])}
    return _bits[ver]


def skill_categories(db: str | Path | None = None) -> dict[str, str | None] | None:
    """skill -> its one category (None: its posting_skills rows differ) for every skill with a bit (see
    skill_bits); None when the version has no bitmap or no category column in it."""
    ver = version(db)
    if ver is None or skill_bits(db) is None:
        return None
    if ver not in _categories:
        cols, _ = query("SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'skill_bit' AND "
                        "column_name = 'category'", None, db)
        if not int(cols["n"].iloc[0]):
            return None
        df, _ = query("SELECT skill, category FROM skill_bit", None, db)
        _categories[ver] = {str(s): (None if pd.isna(c) else str(c))
                            for s, c in zip(df["skill"], df["category"], strict=True)}
    return _categories[ver]


def close_all() -> None:
    """Forget every open connection (tests use this between warehouses)."""
    with _lock:
        for _, con in _open.values():
            con.close()
        _open.clear()
        _seen.clear()
        _tables.clear()
        _columns.clear()
        _bits.clear()
        _categories.clear()
