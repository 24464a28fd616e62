"""Building a new warehouse version beside the published one, then publishing it.

Why: a load must never damage what the dashboard shows, and readers must never
be blocked. So a load works on a *copy*: the current version is copied into a
new, uniquely named file in the versions folder, the load writes only there, and
only when the file is complete, checkpointed and closed does
:func:`etl.warehouse.paths.publish` swap the warehouse link to it. A load killed
at any point leaves the link - and so the published warehouse - untouched; the
orphan file is removed by the next load. A lock file keeps two writers apart.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import secrets
import shutil
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import duckdb

from etl.normalize.company_key import company_key
from etl.record import SourceError
from etl.warehouse import paths
from etl.warehouse.timings import Timings

SQL_DIR = Path(__file__).resolve().parent
SCHEMA_VERSION = "1"
# Executed, in this order, on every version before it is published (order.sql only where posting_skills
# is a table: see sort_tables; cells.sql defines the fine-cell macro both order.sql and rollups.sql use).
PUBLISH_SCRIPTS = ("schema.sql", "views.sql", "cells.sql", "order.sql", "rollups.sql")


@contextlib.contextmanager
def exclusive_lock(lock_file: Path, busy: str) -> Iterator[None]:
    """Hold an exclusive lock on ``lock_file`` (created if missing); SourceError(``busy``) when another
    process holds it. The operating system drops the lock when the process dies."""
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a+") as fh:
        try:
            fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise SourceError(busy) from None
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def writer_lock(db: Path) -> contextlib.AbstractContextManager[None]:
    """Hold the single-writer lock of a warehouse for the duration of a load."""
    lock = paths.lock_path(db)
    return exclusive_lock(lock, f"{db}: another load is running (lock {lock.name})")


def new_version(db: Path, fresh: bool = False) -> Path:
    """Create the next version file: a copy of the current one, or (none yet, or ``fresh``) an empty
    schema."""
    vdir = paths.versions_dir(db)
    vdir.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S%f")
    target = vdir / f"v-{stamp}-{secrets.token_hex(3)}.duckdb"
    current = None if fresh else paths.current_version(db)
    if current is not None:
        shutil.copyfile(current, target)
        wal = current.with_name(current.name + ".wal")
        if wal.exists():  # a hand-made file may carry a WAL; the copy needs it
            shutil.copyfile(wal, target.with_name(target.name + ".wal"))
    con = duckdb.connect(str(target))
    try:
        run_script(con, "schema.sql")
    finally:
        con.close()
    return target


# The statements that join posting_skills (about ten rows a posting) to postings and group by skill filter on
# ``s.skill BETWEEN getvariable('skill_lo') AND getvariable('skill_hi')`` and are run once per piece: a range
# of skills of at most memory limit / PIECE_ROW_BYTES posting_skills rows, in skill order, the first piece
# creating the table and the others appending to it. Why: DuckDB 2.0.1 does not keep such a statement within
# its memory limit over the whole warehouse (the hash join builds on every posting and the hash aggregate
# above it in the same pipeline does not spill enough: a 5,000,000-posting load failed at its publish at 1GB,
# 60,000 postings at 64MB), while a piece reads only its own rows; skill is a group key of each, so the
# pieces' rows are disjoint and their union is the same table, in the same order when it is sorted by skill
# first (docs/performance.md, branch hmem). The skill pairs (``pair_lo``/``pair_hi``, on the first skill)
# read a pair row per other skill of the posting, so their pieces are that many times smaller.
# The day-block tables (order.sql: postings_dated and the block rollups, sorted by posted_date or posted_block
# first) filter on ``posted_block(posted_date) BETWEEN getvariable('block_lo') AND getvariable('block_hi')``:
# ranges of day blocks of at most memory limit / PIECE_ROW_BYTES dated postings (``skillblock``: that divided
# by the skill rows per posting, for the one that joins posting_skills). Their groups or sorted rows grow with
# the postings (nearly one group a posting for rollup_skill_sets_blocks), so one statement over every posting
# failed at 300,000 postings / 128MB; posted_block is their first sort key, so the ranges appended in block
# order keep their stored order (branch hmem2).
# The skill bitmap's UPDATE groups posting_skills by posting: it runs per range of hash(posting_id)
# (``posting``), each of about memory limit / PIECE_ROW_BYTES skill rows (an UPDATE: no order to keep).
# rollup_skill_sets (about a group per posting too, sorted by posted_month first, undated last) runs per range
# of months (``month``: coalesce(posted_month, UNDATED), so the undated postings are the last range).
UNDATED = "9999-12-01"  # order.sql's stand-in month of undated postings, after every real one
# postings_salaried, rollup_skill_sets_no_month and rollup_salary_sets (sorted by role_family, seniority
# first) run per range of (role family, seniority) (``family``: FAMILY_KEY, where chr(1114111), the highest
# code point, puts NULL last and chr(0) separates the two, so the strings sort as the pairs); a pair is a
# range alone.
FAMILY_KEY = "coalesce(role_family, chr(1114111)) || chr(0) || coalesce(seniority, chr(1114111))"
# Finer keys of the same kind, for tables whose groups within one such range exceeded 32MB on 300,000 postings
# (branch hmem3): ``place`` (rollup_skill_sets_no_month, rollup_salary_stated_sets, sorted by role family,
# seniority, country, city first) adds country and city to FAMILY_KEY; ``monthlevel`` (rollup_postings_detail,
# rollup_salary_detail and the tables sorted by posted_month, role_family, seniority first) puts the month
# (undated as UNDATED, last) before it as its ISO text, which sorts as the dates (a cast, not strftime: DuckDB
# 2.0.1 does not push a filter on strftime below the aggregate, so each range grouped every posting).
PLACE_KEY = (f"{FAMILY_KEY} || chr(0) || coalesce(country, chr(1114111)) || chr(0) "
             "|| coalesce(city, chr(1114111))")
MONTH_LEVEL_KEY = f"coalesce(posted_month, DATE '{UNDATED}')::VARCHAR || chr(0) || {FAMILY_KEY}"
KEYS = {"family": FAMILY_KEY, "place": PLACE_KEY, "monthlevel": MONTH_LEVEL_KEY}
PIECE_MARKS = ("skill", "pair", "block", "skillblock", "posting", "month", "family", "place", "monthlevel")
PIECE_ROW_BYTES = 1024
_UNITS = {"": 1, "B": 1, "KB": 10**3, "MB": 10**6, "GB": 10**9, "TB": 10**12,
          "KIB": 2**10, "MIB": 2**20, "GIB": 2**30, "TIB": 2**40}

# (first, last) key of each range: a skill, day block, month, posting hash or one of KEYS
Pieces = list[tuple[Any, Any]]


def _mark(statement: str) -> str | None:
    """Which pieces ``statement`` runs in (PIECE_MARKS), or None."""
    return next((m for m in PIECE_MARKS if f"getvariable('{m}_lo')" in statement), None)


def run_script(con: duckdb.DuckDBPyConnection, name: str) -> None:
    path = SQL_DIR / name
    if not path.exists():
        return
    text = path.read_text(encoding="utf-8")
    if _mark(text) is None:
        con.execute(text)
        return
    pieces: dict[str, Pieces] = {}
    for statement in con.extract_statements(text):
        mark = _mark(statement.query)
        if mark is None:
            con.execute(statement.query)
            continue
        if mark not in pieces:
            pieces[mark] = pieces_of(con, mark)
        run_in_pieces(con, statement.query, pieces[mark], mark)


def pieces_of(con: duckdb.DuckDBPyConnection, mark: str) -> Pieces:
    """The ranges a statement marked ``mark`` (PIECE_MARKS) runs in."""
    if mark == "posting":
        return posting_pieces(con)
    if mark == "month":
        return month_pieces(con)
    if mark in KEYS:  # as many groups as the key has values (levels, places, months), not postings
        counts = con.execute(f"SELECT {KEYS[mark]} AS f, count(*) FROM postings GROUP BY f ORDER BY f"
                             ).fetchall()
        return ranges(counts, memory_limit_bytes(con) // PIECE_ROW_BYTES)
    if mark in ("block", "skillblock"):
        return block_pieces(con, skills=mark == "skillblock")
    return skill_pieces(con, pairs=mark == "pair")


def memory_limit_bytes(con: duckdb.DuckDBPyConnection) -> int:
    """The connection's memory_limit in bytes (DuckDB shows it as, e.g., '953.6 MiB')."""
    shown = str(con.execute("SELECT current_setting('memory_limit')").fetchall()[0][0])
    m = re.fullmatch(r"\s*([0-9.]+)\s*([A-Za-z]*)\s*", shown)
    if m is None or m[2].upper() not in _UNITS:
        raise ValueError(f"unexpected memory_limit {shown!r}")
    return int(float(m[1]) * _UNITS[m[2].upper()])


def skill_pieces(con: duckdb.DuckDBPyConnection, pairs: bool = False) -> Pieces:
    """Ranges of skills (first, last), in skill order, each of at most memory limit / PIECE_ROW_BYTES rows of
    posting_skills (``pairs``: that many divided by the skills per posting); a single skill with more rows is
    a piece alone. One empty range (no rows) when there are none."""
    budget = memory_limit_bytes(con) // PIECE_ROW_BYTES
    counts = con.execute("SELECT skill, count(*) FROM posting_skills GROUP BY skill ORDER BY skill"
                         ).fetchall()
    if pairs:
        # approximate (HyperLogLog, fixed memory): an exact count(DISTINCT) would group every posting
        per_posting = con.execute("SELECT count(*) / greatest(approx_count_distinct(posting_id), 1) "
                                  "FROM posting_skills").fetchall()[0][0]
        budget = int(budget / max(per_posting or 1.0, 1.0))
    return ranges(counts, budget)


def block_pieces(con: duckdb.DuckDBPyConnection, skills: bool = False) -> Pieces:
    """Ranges of day blocks (posted_block, cells.sql), in date order, each of at most memory limit /
    PIECE_ROW_BYTES dated postings (``skills``: that many divided by the skill rows per posting); a block with
    more is a piece alone. One empty range when no posting is dated."""
    budget = memory_limit_bytes(con) // PIECE_ROW_BYTES
    counts = con.execute("SELECT posted_block(posted_date) AS b, count(*) FROM postings "
                         "WHERE posted_date IS NOT NULL GROUP BY b ORDER BY b").fetchall()
    if skills:
        per_posting = con.execute("SELECT (SELECT count(*) FROM posting_skills) / "
                                  "greatest((SELECT count(*) FROM postings), 1)").fetchall()[0][0]
        budget = int(budget / max(per_posting or 1.0, 1.0))
    return ranges(counts, budget)


def month_pieces(con: duckdb.DuckDBPyConnection) -> Pieces:
    """Ranges of posted_month (the undated postings as UNDATED, last), each of at most memory limit /
    PIECE_ROW_BYTES postings; a month with more is a piece alone."""
    counts = con.execute(f"SELECT coalesce(posted_month, DATE '{UNDATED}') AS m, count(*) FROM postings "
                         "GROUP BY m ORDER BY m").fetchall()
    return ranges(counts, memory_limit_bytes(con) // PIECE_ROW_BYTES)


def posting_pieces(con: duckdb.DuckDBPyConnection) -> Pieces:
    """Equal ranges of hash(posting_id) (the whole UBIGINT range), as many as posting_skills holds memory
    limit / PIECE_ROW_BYTES rows (at least one)."""
    budget = max(memory_limit_bytes(con) // PIECE_ROW_BYTES, 1)
    rows = con.execute("SELECT count(*) FROM posting_skills").fetchall()[0][0]
    n = max(-(-rows // budget), 1)
    step = 2**64 // n
    return [(i * step, 2**64 - 1 if i == n - 1 else (i + 1) * step - 1) for i in range(n)]


def ranges(counts: list[tuple[Any, int]], budget: int) -> Pieces:
    """Consecutive (first, last) keys of ``counts`` ((key, rows) in key order), each range of at most
    ``budget`` rows but a key with more alone; [(None, None)] for no keys."""
    budget = max(budget, 1)
    pieces: Pieces = []
    first: Any = None
    last: Any = None
    rows = 0
    for key, n in counts:
        if first is not None and rows + n > budget:
            pieces.append((first, last))
            first, rows = None, 0
        first = key if first is None else first
        last, rows = key, rows + n
    if first is not None:
        pieces.append((first, last))
    return pieces or [(None, None)]


def run_in_pieces(con: duckdb.DuckDBPyConnection, statement: str, pieces: Pieces,
                  mark: str = "skill") -> None:
    """``statement`` (CREATE OR REPLACE [TEMP] TABLE t AS SELECT ... filtered on the range ``<mark>_lo`` to
    ``<mark>_hi``) once per piece: the first creates t, the others INSERT INTO t the same SELECT (an UPDATE or
    an INSERT: the same statement per piece)."""
    create = re.search(r"CREATE OR REPLACE (?:TEMP )?TABLE (\w+) AS", statement)
    if create is not None:
        append = statement[:create.start()] + f"INSERT INTO {create[1]}" + statement[create.end():]
    elif re.match(r"(\s*--[^\n]*\n)*\s*(UPDATE|INSERT INTO)\s", statement, re.IGNORECASE):  # own rows each
        append = statement
    else:
        raise ValueError(f"a statement run in pieces must create a table or update one: {statement[:200]}")
    try:
        for i, (first, last) in enumerate(pieces):
            con.execute(f"SET VARIABLE {mark}_lo = {_literal_or_null(first)}")
            con.execute(f"SET VARIABLE {mark}_hi = {_literal_or_null(last)}")
            con.execute(statement if i == 0 else append)
    finally:
        con.execute(f"RESET VARIABLE {mark}_lo")
        con.execute(f"RESET VARIABLE {mark}_hi")


def _literal_or_null(value: Any) -> str:
    if value is None:
        return "NULL"
    if isinstance(value, date):  # a day block's first day: typed, so the BETWEEN compares dates
        return f"DATE '{value.isoformat()}'"
    if isinstance(value, int):  # a bound of hash(posting_id)
        return f"{value}::UBIGINT"
    return _literal(value)


def sort_tables(con: duckdb.DuckDBPyConnection) -> None:
    """order.sql (posting_skills in skill order, the skill bitmap on postings) when postings and
    posting_skills are stored tables, not views; else no skill_bit table, so the query layer keeps the
    semi-join for skill filters (a version copied from a stored one may carry a stale skill_bit,
    rollup_skill_sets, rollup_salary_sets, postings_dated and postings_salaried)."""
    tables = con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name IN ('posting_skills', "
                         "'postings') AND NOT temporary").fetchall()[0][0]
    if tables == 2:
        run_script(con, "order.sql")
    else:
        con.execute("DROP TABLE IF EXISTS skill_bit")
        con.execute("DROP TABLE IF EXISTS rollup_skill_sets")
        con.execute("DROP TABLE IF EXISTS rollup_salary_sets")
        con.execute("DROP TABLE IF EXISTS rollup_skill_sets_no_month")
        con.execute("DROP TABLE IF EXISTS postings_dated")
        con.execute("DROP TABLE IF EXISTS postings_salaried")


@contextlib.contextmanager
def one_commit(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """The small statements inside as one transaction (the caller holds none open). Run one by one, each
    was a commit of its own, written to the file: the 561 rows of the skills table took 1.8 s of wall time
    against 0.4 s as one commit (load average 7), on every load and publish."""
    con.begin()
    try:
        yield
    except BaseException:
        con.rollback()
        raise
    con.commit()


def derive(con: duckdb.DuckDBPyConnection, timings: Timings | None = None) -> None:
    """Everything a version derives from its postings and posting_skills: views, the skill order and bitmap,
    the rollups (PUBLISH_SCRIPTS after schema.sql). Idempotent; tests build their warehouses with it too.
    ``timings``: each script's time as the phase ``publish: <script>``."""
    timings = timings or Timings(False)
    with timings.phase("publish: company keys"), one_commit(con):
        store_company_keys(con)
    for name in PUBLISH_SCRIPTS[1:]:
        with timings.phase(f"publish: {name}"):
            if name == "order.sql":
                sort_tables(con)
            else:
                run_script(con, name)
    with timings.phase("publish: column comments"), one_commit(con):
        for source, target in COMMENTS_FROM:
            copy_cell_comments(con, source, target)


def store_company_keys(con: duckdb.DuckDBPyConnection) -> None:
    """company_keys: each company spelling of postings with its key (etl.normalize.company_key) and the
    key's most written spelling. Why a table made at publish: every count of companies - from postings or
    from the rollups, whose rows keep the spelling - joins it, so "<Name> Inc." and "<Name>" are one company
    on every query path, and the key is computed once per spelling (thousands), not per posting."""
    import pyarrow as pa

    rows = con.execute("SELECT company, count(*) FROM postings WHERE company IS NOT NULL GROUP BY 1"
                       ).fetchall()
    names = pa.table({"company": pa.array([r[0] for r in rows], pa.string()),
                      "company_key": pa.array([company_key(r[0]) for r in rows], pa.string()),
                      "postings": pa.array([r[1] for r in rows], pa.int64())})
    con.register("company_spellings", names)
    try:
        con.execute("""CREATE OR REPLACE TABLE company_keys AS
            SELECT company, company_key, first(company ORDER BY postings DESC, company)
                       OVER (PARTITION BY company_key) AS company_shown
            FROM company_spellings
            ORDER BY company""")
    finally:
        # after an error (DuckDB's out-of-memory at a small ETL_MEMORY_LIMIT) the transaction is aborted and
        # the unregister fails too: that error must not hide the first
        with contextlib.suppress(duckdb.Error):
            con.unregister("company_spellings")
    for target, text in _COMPANY_KEYS_COMMENTS:
        con.execute(f"COMMENT ON {target} IS '{text}'")


_COMPANY_KEYS_COMMENTS = (
    ("TABLE company_keys", "One row per company name as written in postings, with the key companies are "
     "counted by (case, accents, dots and a legal suffix such as Inc., GmbH or S.A. aside: "
     "etl/data/company_suffixes.txt) and the key''s most written spelling; rebuilt at every publish."),
    ("COLUMN company_keys.company", "Employer name as written (postings.company)."),
    ("COLUMN company_keys.company_key", "The company as counted: the name in lower case without accents, "
     "dots or a legal suffix."),
    ("COLUMN company_keys.company_shown", "The spelling of this key most postings write (the first "
     "alphabetically on a tie)."),
)


def finalise(con: duckdb.DuckDBPyConnection, meta: dict[str, str], timings: Timings | None = None) -> None:
    """Views, rollups and metadata, then a checkpoint so the file stands alone."""
    timings = timings or Timings(False)
    derive(con, timings)
    with timings.phase("publish: metadata"), one_commit(con):
        meta = {"schema_version": SCHEMA_VERSION,
                "published_at": datetime.now(UTC).isoformat(timespec="seconds"), **meta}
        for key, value in meta.items():
            con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])
        store_quality(con)
    with timings.phase("publish: checkpoint"):
        con.execute("CHECKPOINT")


# (source, target): tables whose columns are copies of another's, described once there. Column comments of
# ``source`` go to the same-named columns of ``target`` that its script left undescribed.
COMMENTS_FROM = (
    ("rollup_postings_detail", "rollup_skill_sets"),  # both from cells.sql's one list
    ("rollup_salary_detail", "rollup_salary_sets"),  # the same salary cells and bins, by skill set
    ("rollup_skill_sets", "rollup_salary_sets"),  # the skill bitmap words
    ("rollup_salary_detail", "rollup_salary_no_month"),  # the same bins summed over the months
    ("postings", "postings_dated"),  # the dated postings in date order
    ("postings", "postings_salaried"),  # the salaried dated postings by level and month
    ("rollup_company_cells", "rollup_company_skills"),  # the same company rows, per skill
    ("rollup_company_cells", "rollup_company_months"),  # the same company rows, per month
    ("rollup_salary_detail", "rollup_salary_month"),  # the same bins summed to month and level
    ("rollup_salary_detail", "rollup_salary_month_cells"),  # summed to month, level, country, ...
    ("rollup_salary_bins", "rollup_salary_bins_level"),  # the same bins summed to skill and level
    ("rollup_postings_detail", "rollup_postings_no_month"),  # the same cells summed over the months
    ("rollup_salary_detail", "rollup_salary_stated"),  # the salary cells' fields, by currency and period
    ("postings", "rollup_salary_stated"),  # its currency and period
    ("rollup_salary_stated", "rollup_salary_stated_no_month"),  # the same counts summed over the months
    ("rollup_salary_stated_no_month", "rollup_salary_stated_sets"),  # the same counts by skill set
    ("rollup_skill_sets", "rollup_salary_stated_sets"),  # the skill bitmap words
    ("rollup_skill_sets", "rollup_skill_sets_no_month"),  # the same sets summed over the months
    ("rollup_postings_detail", "rollup_postings_blocks"),  # the same cells by day block
    ("rollup_skill_sets", "rollup_skill_sets_blocks"),  # the same sets by day block
    ("rollup_postings_blocks", "rollup_skill_sets_blocks"),  # its posted_block
    ("rollup_salary_month", "rollup_salary_month_blocks"),  # the same bins by day block
    ("rollup_postings_blocks", "rollup_salary_month_blocks"),  # its posted_block
    ("rollup_salary_detail", "rollup_salary_places"),  # the same bins summed to month, level and place
    ("rollup_salary_detail", "rollup_salary_places_blocks"),  # the same bins by day block
    ("rollup_postings_blocks", "rollup_salary_places_blocks"),  # its posted_block
    ("rollup_company_months", "rollup_company_places"),  # the same rows summed to month, level, place
    ("rollup_company_months", "rollup_company_places_blocks"),  # the same by day block
    ("rollup_postings_blocks", "rollup_company_places_blocks"),  # its posted_block
    ("rollup_postings_detail", "rollup_postings_places"),  # the same cells summed to month, level, place
    ("rollup_postings_detail", "rollup_postings_places_blocks"),  # the same by day block
    ("rollup_postings_blocks", "rollup_postings_places_blocks"),  # its posted_block
    ("rollup_postings_detail", "rollup_postings_places_days"),  # the same by day
    ("rollup_salary_skill_month", "rollup_salary_skill_blocks"),  # the same bins by day block
    ("rollup_postings_blocks", "rollup_salary_skill_blocks"),  # its posted_block
    ("rollup_skill_month", "rollup_skill_month_level"),  # the same counts summed to month and level
    ("rollup_skill_pairs", "rollup_skill_pairs_level"),  # the same pairs summed to month and level
)


def copy_cell_comments(con: duckdb.DuckDBPyConnection, source: str, target: str) -> None:
    """``target``'s columns that ``source`` also has get its comments where the scripts wrote none (see
    COMMENTS_FROM): descriptions of copied columns are written once. Nothing happens for a missing table
    (a lake published as views has no rollup_skill_sets, rollup_salary_sets or postings_dated)."""
    rows = con.execute("""SELECT d.column_name, d.comment FROM duckdb_columns() d
        JOIN duckdb_columns() s ON s.column_name = d.column_name AND s.table_name = $target
            AND s.schema_name = d.schema_name AND s.database_name = d.database_name
        WHERE d.table_name = $source AND d.comment IS NOT NULL AND s.comment IS NULL
            AND d.database_name = current_database() AND d.schema_name = 'main'""",
                       {"source": source, "target": target}).fetchall()
    for column, comment in rows:
        con.execute(f"COMMENT ON COLUMN {target}.{column} IS {_literal(comment)}")


def _literal(text: str) -> str:
    """``text`` as a SQL string literal (COMMENT ON takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def store_quality(con: duckdb.DuckDBPyConnection) -> None:
    """The extraction's saved scores (etl evaluate --save) into extraction_quality: the app reads them
    there instead of running the extraction on the labelled set itself."""
    import pyarrow as pa

    from etl.evaluate import stored_scores

    rows = stored_scores()
    con.execute("DELETE FROM extraction_quality")
    if rows:
        # as one Arrow table: executemany ran one INSERT per row, 0.45 CPU-s of every publish for 588 rows
        con.register("_quality", pa.Table.from_pylist(rows))
        try:
            con.execute("INSERT INTO extraction_quality BY NAME SELECT * FROM _quality")
        finally:
            con.unregister("_quality")


def publish_version(db: Path, version: Path) -> None:
    with open(version, "rb") as fh:
        os.fsync(fh.fileno())
    paths.publish(db, version)
    remove_stale_versions(db)


def remove_stale_versions(db: Path) -> None:
    """Delete every version except the published one and the one before it.

    The previous version stays because a reader resolves the link and then opens the file: a reader
    that resolved the link just before a publish must still find its file. Versions newer than the
    published one are orphans of killed loads. Open readers keep their inode, so deleting is safe.
    """
    current = paths.current_version(db)
    vdir = paths.versions_dir(db)
    if not vdir.is_dir():
        return
    versions = sorted(f for f in vdir.iterdir() if f.suffix == ".duckdb")
    keep: set[str] = set()
    if current is not None:
        older = [f for f in versions if f.name < current.name]
        keep = {current.name, *(f.name for f in older[-1:])}
    for f in vdir.iterdir():
        if f.name in keep or f.name.removesuffix(".wal") in keep:
            continue
        if f.is_dir() and f.name.endswith(".tmp"):  # the spill folder of a killed load (temp_dir)
            shutil.rmtree(f, ignore_errors=True)
            continue
        with contextlib.suppress(OSError):
            f.unlink()


def temp_dir(version: Path) -> Path:
    """The folder where the load building ``version`` spills what exceeds its memory limit (DuckDB's
    temp_directory), beside the version file so it shares its disk and is removed with it."""
    return version.with_name(version.name + ".tmp")


def discard(version: Path) -> None:
    for f in (version, version.with_name(version.name + ".wal")):
        with contextlib.suppress(OSError):
            f.unlink()
    shutil.rmtree(temp_dir(version), ignore_errors=True)
