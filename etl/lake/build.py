"""``python -m etl lake build``: input files -> a new lake version, through an engine.

Why: the extraction is the expensive part of a load (1.1-1.4 ms of CPU a posting, docs/scale-out.md); it
scales out on a cluster, while the parts that need the whole picture (dedupe, rollups) stay in
DuckDB at publish. A build runs in four steps, and only the last makes anything visible:

1. **stage** (this process): every input file is hashed, read by its adapter and written as input
   parts of ``INPUT_SCHEMA`` rows (about 20,000 each) under ``_staging``; a file whose bytes are
   already in the lake is counted and skipped, so a rebuild adds nothing;
2. **map** (the engine): every input part becomes an output part of lake rows;
3. **compact** (this process, DuckDB + pyarrow): output parts are checked row for row against the
   input, sorted by partition and written as a few large Parquet files per source and month
   (one file per task and partition would make the lake slow to write and to read); quarantined
   records go to ``rejected/``;
4. **commit**: a new manifest lists every input with ``read = postings + rejected`` and every
   data file; then the staging folder goes.

A build killed before step 4 leaves the previous version as it was; the next build removes its files.
"""

from __future__ import annotations

import contextlib
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.dataset as ds
import pyarrow.fs as pafs
import pyarrow.parquet as pq

from etl import sources
from etl.lake.batches import (
    BATCH_ROWS,
    INPUT_SCHEMA,
    LAKE_SCHEMA,
    REJECTED_SCHEMA,
    input_batches,
    rejected_table,
)
from etl.lake.engines import map_parts
from etl.lake.store import STAGING_DIR, InputFile, Lake, Manifest
from etl.record import SourceError
from etl.sources import SourceOptions
from etl.warehouse.loader import expand_paths, file_sha256

PART_ROWS = 20_000  # input rows per engine task: enough work to hide task overhead, small enough to spread
FILE_GROUP_ROWS = 100_000  # Parquet row group size of lake files
SORT_MEMORY = "1GB"


@dataclass
class BuildSummary:
    lake: str
    engine: str
    version: int = 0
    committed: bool = False
    files: list[InputFile] = field(default_factory=list)
    skipped: list[tuple[str, int]] = field(default_factory=list)  # (uri, records) already in the lake
    timings: dict[str, float] = field(default_factory=dict)

    def totals(self) -> dict[str, int]:
        return {
            "files": len(self.files),
            "read": sum(f.read for f in self.files),
            "postings": sum(f.postings for f in self.files),
            "rejected": sum(f.rejected for f in self.files),
            "failed_files": sum(f.status == "failed" for f in self.files),
            "skipped_files": len(self.skipped),
            "skipped_records": sum(n for _, n in self.skipped),
        }


@dataclass
class _Source:
    uri: str  # as given (a local path, or a URI)
    fs: pafs.FileSystem | None  # None for a local path
    path: str


def list_inputs(inputs: list[str]) -> list[_Source]:
    """Input files in the order ``etl load`` takes them: local paths through the loader's own expansion,
    URIs (s3://bucket/prefix) listed recursively and sorted by key."""
    out: list[_Source] = []
    for text in inputs:
        if "://" not in text:
            out.extend(_Source(str(p), None, str(p)) for p in expand_paths([Path(text)]))
            continue
        try:
            fs, root = pafs.FileSystem.from_uri(text)
            info = fs.get_file_info(root)
        except (OSError, ValueError) as exc:
            raise SourceError(f"{text}: cannot list ({exc})") from None
        if info.type == pafs.FileType.File:
            out.append(_Source(text, fs, root))
            continue
        if info.type != pafs.FileType.Directory:
            raise SourceError(f"{text}: no such file or folder")
        scheme = text.split("://", 1)[0]
        found = sorted(
            i.path
            for i in fs.get_file_info(pafs.FileSelector(root, recursive=True))
            if i.type == pafs.FileType.File
            and Path(i.path).suffix.lower() in sources.SUPPORTED_SUFFIXES
            and not Path(i.path).name.startswith(".")
        )
        out.extend(_Source(f"{scheme}://{p}", fs, p) for p in found)
    return out


def _local_copy(src: _Source, tmp: Path) -> Path:
    """Adapters read local files (they sniff the content); an object is copied to a temporary file first."""
    if src.fs is None:
        return Path(src.path)
    target = tmp / Path(src.path).name
    with src.fs.open_input_stream(src.path) as fin, open(target, "wb") as fout:
        shutil.copyfileobj(fin, fout, 1 << 20)
    return target


class _PartWriter:
    """Input rows into parts of about PART_ROWS rows each."""

    def __init__(self, lake: Lake, folder: str, part_rows: int = PART_ROWS) -> None:
        self.lake, self.folder, self.part_rows = lake, folder, part_rows
        self.parts: list[str] = []
        self.rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._in_part = 0

    def write(self, batch: pa.RecordBatch) -> None:
        if self._writer is None:
            path = f"{self.folder}/in-{len(self.parts):05d}.parquet"
            self.parts.append(path)
            self._writer = pq.ParquetWriter(path, INPUT_SCHEMA, filesystem=self.lake.fs, compression="zstd")
        self._writer.write_batch(batch)
        self.rows += batch.num_rows
        self._in_part += batch.num_rows
        if self._in_part >= self.part_rows:
            self.close()

    def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            self._writer, self._in_part = None, 0


def build_lake(inputs: list[str], where: str, engine: str = "local", address: str | None = None,
               fmt: str | None = None, options: SourceOptions | None = None, workers: int | None = None,
               part_rows: int = PART_ROWS) -> BuildSummary:
    """Add the input files to the lake at ``where`` as a new version (nothing new: no new version)."""
    lake = Lake(where)
    summary = BuildSummary(lake=lake.uri, engine=engine)
    t0 = time.perf_counter()
    with lake.writer_lock():
        current = lake.current()
        lake.remove_orphans(current)
        build = current.version + 1
        staging = lake.staging(build)
        lake.fs.create_dir(f"{staging}/in", recursive=True)
        lake.fs.create_dir(f"{staging}/out", recursive=True)
        try:
            rejected_path = f"{staging}/rejected-staged.parquet"
            parts, new_files = _stage(lake, list_inputs(inputs), current, build, fmt, options,
                                      _PartWriter(lake, f"{staging}/in", part_rows), rejected_path, summary)
            summary.timings["stage_s"] = time.perf_counter() - t0
            if not new_files:
                summary.version = current.version
                return summary
            t1 = time.perf_counter()
            pairs = [(p, p.replace("/in/in-", "/out/out-")) for p in parts.parts]
            summary.timings["staged_rows"] = parts.rows
            map_parts(engine, lake.root if lake.local is not None else lake.uri, pairs, address, workers)
            summary.timings["map_s"] = time.perf_counter() - t1
            t2 = time.perf_counter()
            postings_files, rejected_files = _compact(
                lake, build, f"{staging}/out", rejected_path, parts.rows, new_files
            )
            summary.timings["compact_s"] = time.perf_counter() - t2
            manifest = Manifest(version=build, created_at=datetime.now(UTC).isoformat(timespec="seconds"),
                                engine=engine, inputs=current.inputs + new_files,
                                postings_files=current.postings_files + postings_files,
                                rejected_files=current.rejected_files + rejected_files)
            lake.commit(manifest)
            summary.version, summary.committed = build, True
        finally:
            _delete_dir(lake, lake.path(STAGING_DIR))  # this build's folder (we hold the writer lock)
    summary.timings["total_s"] = time.perf_counter() - t0
    return summary


def _delete_dir(lake: Lake, path: str) -> None:
    with contextlib.suppress(FileNotFoundError, OSError):
        lake.fs.delete_dir(path)


def _stage(lake: Lake, srcs: list[_Source], current: Manifest, build: int, fmt: str | None,
           options: SourceOptions | None, parts: _PartWriter, rejected_path: str, summary: BuildSummary
           ) -> tuple[_PartWriter, list[InputFile]]:
    known = current.ok_hashes()
    next_no = len(current.inputs) + 1
    rejected_writer = pq.ParquetWriter(rejected_path, REJECTED_SCHEMA, filesystem=lake.fs, compression="zstd")
    new_files: list[InputFile] = []
    try:
        with tempfile.TemporaryDirectory(prefix="etl-lake-") as tmpdir:
            for src in srcs:
                local = None
                try:
                    local = _local_copy(src, Path(tmpdir))
                    digest, size = file_sha256(local), local.stat().st_size
                    rows = min(BATCH_ROWS, parts.part_rows)
                    name, batches = sources.read_batches(local, fmt, options, rows)
                    if digest in known:  # same bytes as a file in the lake: count, change nothing
                        summary.skipped.append((src.uri, sum(b.num_rows + len(r) for b, r in batches)))
                        continue
                    entry = InputFile(file_no=next_no, uri=src.uri, sha256=digest, bytes=size, format=name,
                                      build=build)
                    next_no += 1
                    new_files.append(entry)
                    known.add(digest)
                    for batch, rejected in input_batches(batches, digest):
                        if batch is not None:
                            parts.write(batch)
                            entry.read += batch.num_rows
                        if rejected:
                            rejected_writer.write_table(rejected_table(rejected, digest))
                            entry.read += len(rejected)
                            entry.rejected += len(rejected)
                except (SourceError, OSError, UnicodeError, ValueError) as exc:
                    message = (
                        str(exc)
                        if isinstance(exc, SourceError)
                        else f"{Path(src.path).name}: {type(exc).__name__}: {exc}"
                    )
                    failed = next((f for f in new_files if f.uri == src.uri and f.build == build), None)
                    if failed is None:
                        failed = InputFile(file_no=next_no, uri=src.uri, sha256=_safe_hash(local),
                                           bytes=_safe_size(local), format=None, build=build)
                        next_no += 1
                        new_files.append(failed)
                    # Rows of a file that failed half-way are dropped at compaction, as a failed file in etl
                    # load.
                    failed.status, failed.message = "failed", message.splitlines()[0][:500]
                    failed.read = failed.postings = failed.rejected = 0
                finally:
                    if local is not None and src.fs is not None:
                        local.unlink(missing_ok=True)
    finally:
        parts.close()
        rejected_writer.close()
    summary.files = new_files
    return parts, new_files


def _safe_size(path: Path | None) -> int:
    try:
        return path.stat().st_size if path is not None else 0
    except OSError:
        return 0


def _safe_hash(path: Path | None) -> str:
    try:
        return file_sha256(path) if path is not None else ""
    except OSError:
        return ""


def _out_files(lake: Lake, folder: str) -> list[str]:
    info = lake.fs.get_file_info(pafs.FileSelector(folder, recursive=True, allow_not_found=True))
    return sorted(i.path for i in info if i.type == pafs.FileType.File and i.base_name.endswith(".parquet")
                  and not i.base_name.startswith((".", "_")) and "/_temporary" not in i.path)


def _compact(lake: Lake, build: int, out_folder: str, rejected_path: str, staged_rows: int,
             files: list[InputFile]) -> tuple[list[str], list[str]]:
    """Check the engine's output against the staged input, then write the lake files of this build."""
    outs = _out_files(lake, out_folder)
    if staged_rows and not outs:
        raise SourceError("the engine wrote no output parts; nothing was committed")
    con = duckdb.connect()
    con.execute(f"SET memory_limit = '{SORT_MEMORY}'")
    con.execute("SET preserve_insertion_order = false")
    try:
        out = ds.dataset(outs, filesystem=lake.fs, format="parquet") if outs else LAKE_SCHEMA.empty_table()
        con.register("outs", out)
        failed = [f.sha256 for f in files if f.status != "ok"]
        con.execute("CREATE TEMP TABLE failed_files (h VARCHAR)")
        if failed:
            con.executemany("INSERT INTO failed_files VALUES (?)", [(h,) for h in failed])
        total = con.execute("SELECT count(*) FROM outs").fetchone()[0]  # type: ignore[index]
        if total != staged_rows:
            raise SourceError(f"the engine returned {total:,} rows for {staged_rows:,} staged rows; "
                              "nothing was committed")
        counts = {h: (int(ok), int(bad)) for h, ok, bad in con.execute(
            "SELECT file_hash, count(*) FILTER (error IS NULL), count(*) FILTER (error IS NOT NULL) "
            "FROM outs GROUP BY 1").fetchall()}
        for f in files:
            if f.status == "ok":
                ok, bad = counts.get(f.sha256, (0, 0))
                f.postings, f.rejected = ok, f.rejected + bad
                if f.read != f.postings + f.rejected:
                    raise SourceError(f"{f.uri}: {f.read:,} records read but {f.postings + f.rejected:,} "
                                      "came back from the engine; nothing was committed")
        postings = _write_postings(lake, con, build)
        rejected = _write_rejected(lake, con, build, rejected_path)
    finally:
        con.close()
    return postings, rejected


def _rel(lake: Lake, path: str) -> str:
    return path[len(lake.root) + 1:]


def _write_postings(lake: Lake, con: duckdb.DuckDBPyConnection, build: int) -> list[str]:
    cols = [n for n in out_columns(con) if n not in ("error", "raw")]
    reader = con.sql(
        f"SELECT {', '.join(cols)}, coalesce(strftime(posted_month, '%Y-%m'), 'unknown') AS month FROM outs "
        "WHERE error IS NULL AND file_hash NOT IN (SELECT h FROM failed_files) ORDER BY source, month"
    ).to_arrow_reader(50_000)
    written: list[str] = []
    part = ds.partitioning(pa.schema([("source", pa.string()), ("month", pa.string())]), flavor="hive")
    ds.write_dataset(
        reader,
        lake.path("postings"),
        format="parquet",
        filesystem=lake.fs,
        partitioning=part,
        basename_template=f"part-b{build:04d}-{{i}}.parquet",
        existing_data_behavior="overwrite_or_ignore",
        min_rows_per_group=10_000,
        max_rows_per_group=FILE_GROUP_ROWS,
        max_open_files=64,
        file_options=ds.ParquetFileFormat().make_write_options(compression="zstd"),
        file_visitor=lambda f: written.append(_rel(lake, f.path)),
    )
    return sorted(written)


def out_columns(con: duckdb.DuckDBPyConnection) -> list[str]:
    return [r[0] for r in con.execute("DESCRIBE outs").fetchall()]


def _write_rejected(lake: Lake, con: duckdb.DuckDBPyConnection, build: int, staged: str) -> list[str]:
    con.register("staged_rejected", ds.dataset([staged], filesystem=lake.fs, format="parquet"))
    table = con.sql(
        "SELECT * FROM (SELECT file_hash, record_no, source, error AS reason, raw FROM outs WHERE error IS "
        "NOT NULL UNION ALL SELECT file_hash, record_no, source, reason, raw FROM staged_rejected) WHERE "
        "file_hash NOT IN (SELECT h FROM failed_files)"
    ).to_arrow_table()
    if not table.num_rows:
        return []
    rel = f"rejected/part-b{build:04d}-0.parquet"
    lake.fs.create_dir(lake.path("rejected"), recursive=True)
    pq.write_table(table.cast(REJECTED_SCHEMA), lake.path(rel), filesystem=lake.fs, compression="zstd")
    return [rel]


def _records(summary: BuildSummary) -> Iterator[str]:
    for f in summary.files:
        yield (f"{f.status:>8}  {f.format or '-':<12} read {f.read:>8,}  postings {f.postings:>8,}  "
               f"rejected {f.rejected:>6,}  {f.uri}" + (f"\n{'':>10}{f.message}" if f.message else ""))
    for uri, n in summary.skipped:
        yield f"{'in lake':>8}  {'-':<12} read {n:>8,}  (same bytes already in the lake)  {uri}"


def print_build(summary: BuildSummary, stream: Any = sys.stdout) -> None:
    for line in _records(summary):
        print(line, file=stream)
    t = summary.totals()
    print(f"total: {t['files']} new files, read {t['read']:,} = postings {t['postings']:,} + rejected "
          f"{t['rejected']:,}" + (f"; {t['failed_files']} failed" if t["failed_files"] else "")
          + (f"; {t['skipped_files']} already in the lake" if t["skipped_files"] else "")
          + (f"; committed lake version {summary.version} ({summary.engine})" if summary.committed
             else "; lake unchanged"), file=stream)
