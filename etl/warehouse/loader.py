"""The load: files in, every record counted once, a new warehouse version out.

Why: this is where the guarantees live. For every input file the loader reads
records through the file's adapter in Arrow batches, normalises them with
:func:`etl.columnar.extract_batch` (the same code as ``etl extract`` and ``etl evaluate``), and ends each
record as
exactly one of *loaded*, *duplicate* (recorded with the canonical posting it
repeats) or *rejected* (quarantined with its reason), so that
``read == loaded + duplicates + rejected`` for every file. A file is all or
nothing: a file that fails half-way leaves nothing behind but its failed
``load_runs`` row. Its rows are committed write by write (``WRITE_ROWS``), not
in one transaction per file: DuckDB holds a transaction's appended rows in
memory past its memory limit until the commit (measured: 3.1 GB resident for
1.08M rows of 2 KB in one transaction at a 1 GB limit, 0.6-0.85 GB committed
every 20,000), so one transaction made a load's memory grow with its file; a
failed file's committed rows are deleted instead (:meth:`BatchWriter.discard_run`).
A file whose bytes were loaded before adds nothing. The whole load writes a new
version file and publishes it atomically (see builder.py).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import json
import os
import sys
from collections.abc import Iterable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
from tqdm import tqdm

from etl import sources
from etl.record import SourceError
from etl.sources import SourceOptions
from etl.warehouse import builder, paths
from etl.warehouse.batch import BatchWriter
from etl.warehouse.dedupe import backfill_keys, backfill_untitled
from etl.warehouse.timings import TOTAL, Timings

BATCH_SIZE = 2000
# DuckDB's limit in the loading process (``ETL_MEMORY_LIMIT``), what bounds the load's memory: DuckDB keeps
# the blocks a load writes cached and checkpoints every row written since the last checkpoint at the first
# commit after the file, both up to this limit, so under it the loader grew with the data (measured, loader
# alone: 0.7 / 0.9 / 1.85 GB at 25k / 100k / 300k postings at 1.5GB; 300k at 1GB 1.45 GB, 512MB 1.1 GB, for
# the same CPU; docs/performance.md, branch h10y). What does not fit spills to temp_dir beside the version.
LOAD_MEMORY_LIMIT = os.environ.get("ETL_MEMORY_LIMIT", "1GB")
CHECKPOINT_EVERY = "128MB"  # of write-ahead log between DuckDB's automatic checkpoints during a load


@dataclass
class FileResult:
    path: str
    format: str | None = None
    read: int = 0
    loaded: int = 0
    duplicates: int = 0
    rejected: int = 0
    status: str = "ok"  # ok | already_loaded | failed
    message: str | None = None
    reasons: dict[str, int] = field(default_factory=dict)


@dataclass
class LoadSummary:
    db: str
    files: list[FileResult] = field(default_factory=list)
    published: bool = False
    version: str | None = None

    def totals(self) -> dict[str, Any]:
        keys = ("read", "loaded", "duplicates", "rejected")
        out: dict[str, Any] = {k: sum(getattr(f, k) for f in self.files) for k in keys}
        out["files"] = len(self.files)
        out["failed_files"] = sum(f.status == "failed" for f in self.files)
        out["skipped_files"] = sum(f.status == "already_loaded" for f in self.files)
        return out

    def as_json(self) -> dict[str, Any]:
        return {**self.totals(), "db": self.db, "published": self.published, "version": self.version,
                "per_file": [asdict(f) for f in self.files]}


def expand_paths(inputs: Iterable[Path]) -> list[Path]:
    """Files to load: files as given, folders searched recursively for supported suffixes."""
    out: list[Path] = []
    for p in inputs:
        if p.is_dir():
            root = p.resolve()
            found = sorted(
                f
                for f in p.rglob("*")
                if f.is_file()
                and f.suffix.lower() in sources.SUPPORTED_SUFFIXES
                and not f.name.startswith(".")
            )
            for f in found:
                # a link dropped into a data folder must not pull in any file the loader can read
                if not f.resolve().is_relative_to(root):  # the file, or a folder on its way, is such a link
                    print(f"skipped {f}: a link to a file outside {p}", file=sys.stderr)
                    continue
                out.append(f)
        elif p.exists():
            out.append(p)
        else:
            raise SourceError(f"{p}: no such file or folder")
    return out


def file_sha256(path: Path) -> str:
    """The hex SHA-256 of a file's bytes, read in chunks (the key of "already loaded")."""
    with open(path, "rb") as fh:
        return hashlib.file_digest(fh, "sha256").hexdigest()


def load_paths(
    inputs: Iterable[Path],
    db: Path,
    fmt: str | None = None,
    options: SourceOptions | None = None,
    progress: bool = True,
    meta: dict[str, str] | None = None,
    workers: int | None = None,
) -> LoadSummary:
    """Load files into a new version of the warehouse at ``db`` and publish it."""
    files = expand_paths(inputs)
    summary = LoadSummary(db=str(db))
    timings = Timings()
    with timings.phase(TOTAL), builder.writer_lock(db):
        with timings.phase("new version"):
            builder.remove_stale_versions(db)  # orphans of killed loads
            version = builder.new_version(db)
        con = duckdb.connect(str(version))
        # Bounded memory: DuckDB would otherwise cache up to 80% of RAM while a large load streams in; what
        # does not fit spills to a folder beside the version file (removed with it: builder.discard).
        con.execute(f"SET memory_limit = '{LOAD_MEMORY_LIMIT}'")
        spill = str(builder.temp_dir(version)).replace("'", "''")
        con.execute(f"SET temp_directory = '{spill}'")
        # A file commits every write (bounded memory, module docstring); at the default 16 MB threshold each
        # commit also checkpointed. Measured, 1.08M rows of 2 KB in writes of 20,000 at a 1.5GB limit:
        # 29.5 CPU-s and 1.5 GB peak at 16 MB, 11.8-12.2 CPU-s and 1.0-1.1 GB at 128 MB (one transaction:
        # 7.5 CPU-s, 2.9 GB).
        con.execute(f"SET checkpoint_threshold = '{CHECKPOINT_EVERY}'")
        try:
            backfill_keys(con)  # a warehouse from before posting_keys existed
            backfill_untitled(con)  # one from before untitled postings had a fingerprint (issue 9)
            loaded_hashes = {
                h for (h,) in con.execute("SELECT file_hash FROM load_runs WHERE status = 'ok'").fetchall()
            }
            writer = BatchWriter(con, workers=workers, timings=timings)
            bar = tqdm(
                total=len(files), unit="file", disable=not progress or None, file=sys.stderr, leave=False
            )
            for path in files:
                summary.files.append(
                    _load_file(con, writer, path, fmt, options, loaded_hashes, progress, timings)
                )
                bar.update(1)
            bar.close()
            with timings.phase("stop workers"):
                writer.close()
            changed = any(f.status != "already_loaded" for f in summary.files) or bool(meta)
            if changed:
                try:
                    with timings.phase("publish: skills table"):
                        _refresh_skills(con)
                    builder.finalise(con, meta or {}, timings)
                except duckdb.OutOfMemoryException as exc:
                    # the rollups over the whole warehouse need memory that grows with it (a 5,000,000-posting
                    # load failed here at the 1GB default: docs/performance.md); DuckDB's own message names
                    # neither the setting nor what became of the warehouse
                    first = (str(exc).splitlines() or [""])[0]
                    raise SourceError(
                        "the publish ran out of DuckDB's memory limit"
                        f" (ETL_MEMORY_LIMIT={LOAD_MEMORY_LIMIT}): raise it, e.g. ETL_MEMORY_LIMIT=4GB"
                        f" python -m etl load ...; the published warehouse is unchanged ({first})"
                    ) from None
        except BaseException:
            con.close()
            builder.discard(version)
            raise
        con.close()
        if changed:
            with timings.phase("publish: fsync and link"):
                builder.publish_version(db, version)
            summary.published, summary.version = True, version.name
        else:
            builder.discard(version)
    if timings.on:
        print(timings.report(), file=sys.stderr)
    return summary


def _refresh_skills(con: duckdb.DuckDBPyConnection) -> None:
    """The skills table mirrors the taxonomy file of the code that ran the load."""
    from etl.normalize.skills import taxonomy

    with builder.one_commit(con):
        con.execute("DELETE FROM skills")
        con.executemany("INSERT INTO skills VALUES (?, ?, ?)",
                        [(s.name, s.category, list(s.aliases)) for s in taxonomy()])


def _load_file(con: duckdb.DuckDBPyConnection, writer: BatchWriter, path: Path, fmt: str | None,
               options: SourceOptions | None, loaded_hashes: set[str], progress: bool,
               timings: Timings | None = None) -> FileResult:
    timings = timings or Timings(False)
    res = FileResult(path=str(path))
    started = datetime.now(UTC).replace(tzinfo=None)
    writing: int | None = None
    try:
        sources.check_regular(path)  # before hashing: a FIFO or /dev/zero would be read forever
        with timings.phase("hash file"):
            digest = file_sha256(path)
        size = path.stat().st_size
        res.format, batches = sources.read_batches(path, fmt, options, BATCH_SIZE)
        if digest in loaded_hashes:
            # Same bytes as a file already loaded: count the records, change nothing.
            res.status = "already_loaded"
            for batch, rejected in batches:
                res.read += batch.num_rows + len(rejected)
            res.duplicates = res.read
            res.reasons["file_already_loaded"] = res.duplicates
            return res
        run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM load_runs").fetchone()[0]  # type: ignore[index]
        con.execute("BEGIN TRANSACTION")
        writing = run_id  # from here a failure deletes what this file's writes committed

        def commit_write() -> None:  # memory bounded by the write, not the file (module docstring)
            con.execute("COMMIT")
            con.execute("BEGIN TRANSACTION")

        with tqdm(
            unit="rec", desc=path.name[:30], disable=not progress or None, file=sys.stderr, leave=False
        ) as bar:
            counts = writer.write_file(batches, run_id, str(path), bar.update, commit_write)
        res.read, res.loaded, res.duplicates, res.rejected = (
            counts.read, counts.loaded, counts.duplicates, counts.rejected)
        res.reasons.update(counts.reasons)
        con.execute(
            "INSERT INTO load_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'ok', NULL)",
            [
                run_id,
                started,
                datetime.now(UTC).replace(tzinfo=None),
                str(path),
                path.name,
                digest,
                size,
                res.format,
                res.read,
                res.loaded,
                res.duplicates,
                res.rejected,
            ],
        )
        with timings.phase("commit"):
            con.execute("COMMIT")
        writer.commit()
        loaded_hashes.add(digest)
    except Exception as exc:  # any error inside one file fails that file, in one line; the run goes on
        with contextlib.suppress(duckdb.Error):  # no transaction open when reading failed before BEGIN
            con.execute("ROLLBACK")
        if writing is not None:
            writer.discard_run(writing)
        writer.rollback()
        text = (str(exc).strip().splitlines() or [""])[0]
        message = (
            text
            if isinstance(exc, SourceError)
            else f"{path.name}: cannot be read ({type(exc).__name__}: {text})"
        )
        res = FileResult(path=str(path), format=res.format, status="failed", message=message[:500])
        run_id = con.execute("SELECT coalesce(max(run_id), 0) + 1 FROM load_runs").fetchone()[0]  # type: ignore[index]
        con.execute("INSERT INTO load_runs VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, 0, 0, 0, 'failed', ?)",
                    [run_id, started, datetime.now(UTC).replace(tzinfo=None), str(path), path.name,
                     _safe_hash(path), _safe_size(path), res.format, res.message])
    return res


def _safe_hash(path: Path) -> str:
    try:
        sources.check_regular(path)
        return file_sha256(path)
    except (OSError, SourceError):
        return ""


def _safe_size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:
        return None


def options_from_args(args: argparse.Namespace) -> SourceOptions:
    mapping: dict[str, str] = {}
    source_name = args.source_name
    if args.mapping:
        from etl.sources.generic import load_mapping

        loaded = load_mapping(Path(args.mapping))
        source_name = source_name or loaded.pop("source_name", None)
        mapping.update(loaded)
    for item in args.map:
        if "=" not in item:
            raise SourceError(f"--map expects FIELD=COLUMN, got {item!r}")
        key, value = item.split("=", 1)
        mapping[key.strip()] = value.strip()
    return SourceOptions(mapping=mapping, source_name=source_name)


def print_summary(summary: LoadSummary, stream: Any = sys.stdout) -> None:
    for f in summary.files:
        line = f"{f.status:>14}  {f.format or '-':<12} read {f.read:>8,}  loaded {f.loaded:>8,}  " \
               f"duplicates {f.duplicates:>7,}  rejected {f.rejected:>6,}  {Path(f.path).name}"
        print(line, file=stream)
        if f.message:
            print(f"{'':>16}{f.message}", file=stream)
    t = summary.totals()
    print(f"total: {t['files']} files, read {t['read']:,} = loaded {t['loaded']:,} + duplicates "
          f"{t['duplicates']:,} + rejected {t['rejected']:,}"
          + (f"; {t['failed_files']} failed" if t["failed_files"] else "")
          + (f"; published {summary.version}" if summary.published else "; warehouse unchanged"), file=stream)


def cli_load(args: argparse.Namespace) -> int:
    db = paths.resolve_db_path(args.db)
    try:
        summary = load_paths([Path(p) for p in args.paths], db, fmt=args.fmt, options=options_from_args(args),
                             progress=not args.no_progress and not args.json,
                             workers=int(os.environ.get("ETL_WORKERS", "0")) or None)
    except SourceError as exc:  # the whole load refused (another load running, no such file, bad --map)
        print(f"error: {exc}", file=sys.stderr)
        if args.json:  # a script reading the last line still gets JSON
            refused = LoadSummary(db=str(db))
            print(json.dumps({**refused.as_json(), "error": str(exc)}))
        return 2
    print_summary(summary, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(summary.as_json()))
    return 2 if summary.totals()["failed_files"] else 0
