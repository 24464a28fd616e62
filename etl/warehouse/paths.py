"""Where the warehouse lives, and how a published version is found.

Why: DuckDB allows one writer and no reader beside it on a file, so a load never
writes the file the dashboard reads. Each load builds a new *version* file in a
folder beside the warehouse path, then publishes it by atomically replacing the
warehouse path - a symbolic link - with one that points at the new version.
Readers resolve the link when they (re)open, so they see either the old or the
new warehouse, never a half-written one; a killed load leaves only an orphan
version file that the next load removes.

    data/warehouse.duckdb            -> symlink: warehouse.duckdb.d/v-20261128T160501-1a2b.duckdb
    data/warehouse.duckdb.d/         the versions (the current one and, briefly, older ones)
    data/warehouse.duckdb.lock       held by the single writer during a load

A plain DuckDB file at the warehouse path (made by hand, or by another tool) is
read as it is, and is replaced by a link at the next publish.
"""

from __future__ import annotations

import os
from pathlib import Path

DEFAULT_DB = Path("data") / "warehouse.duckdb"
ENV_VAR = "WAREHOUSE_DB"


def resolve_db_path(cli_value: str | os.PathLike[str] | None = None) -> Path:
    """The warehouse path: ``--db``, else ``$WAREHOUSE_DB``, else ``data/warehouse.duckdb``."""
    if cli_value:
        return Path(cli_value)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return DEFAULT_DB


def versions_dir(db: Path) -> Path:
    return db.parent / (db.name + ".d")


def lock_path(db: Path) -> Path:
    return db.parent / (db.name + ".lock")


def current_version(db: Path) -> Path | None:
    """The file that holds the published warehouse, or None when there is none yet."""
    if db.is_symlink():
        target = Path(os.path.realpath(db))
        return target if target.is_file() else None
    if db.is_file():
        return db
    return None


def publish(db: Path, version: Path) -> None:
    """Atomically make ``db`` point at ``version`` (a file inside versions_dir(db))."""
    rel = os.path.relpath(version, db.parent)
    tmp = db.parent / f".{db.name}.{os.getpid()}.link"
    if tmp.is_symlink() or tmp.exists():
        tmp.unlink()
    os.symlink(rel, tmp)
    os.replace(tmp, db)  # rename(2) is atomic: readers see the old or the new link
    dir_fd = os.open(db.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
