"""``python -m etl publish --from-lake``: a lake version -> a new warehouse version, published atomically.

Why: the lake holds extracted rows, but a duplicate can only be recognised where every key meets,
so dedupe runs here, over the whole lake, with the loader's own rules
(:func:`etl.warehouse.dedupe.decide`, first copy wins in the order files were added,
then record order). The rows go from Parquet to DuckDB in bulk. Posting ids and run ids are given in the
same order as ``etl load`` gives them, so a lake
built from some files and published holds, field for field, what a plain load of the same files
holds. The warehouse version is built fresh from the lake, finished by the loader's own
``finalise`` (views, rollups, metadata) and published by the same atomic link swap as a load.

``mode="views"`` keeps postings and skills in the lake: ``postings`` and ``posting_skills`` become
views over the lake's Parquet files joined to a small key table, and only the keys, the evidence
tables and the rollups are written into the DuckDB file (for data too large to copy into one file).
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import duckdb
import numpy as np
import pyarrow as pa
import pyarrow.dataset as ds

from etl.lake.store import Lake, Manifest
from etl.record import SourceError
from etl.warehouse import builder, paths
from etl.warehouse.dedupe import (
    UNFINGERPRINTED_UNTITLED,
    add_keys,
    decide,
    normalise_url,
    untitled_fingerprints,
)
from etl.warehouse.loader import LOAD_MEMORY_LIMIT, _refresh_skills

MODES = ("tables", "views")
HIVE_TYPES = "{'source': 'VARCHAR', 'month': 'VARCHAR'}"


@dataclass
class PublishSummary:
    db: str
    lake: str
    lake_version: int
    mode: str
    published: bool = False
    version: str | None = None
    per_file: list[dict[str, Any]] = field(default_factory=list)

    def totals(self) -> dict[str, int]:
        keys = ("read", "loaded", "duplicates", "rejected")
        return {k: sum(int(f[k]) for f in self.per_file) for k in keys}


def _sql_list(items: list[str]) -> str:
    return "[" + ", ".join("'" + i.replace("'", "''") + "'" for i in items) + "]"


def lake_relations(con: duckdb.DuckDBPyConnection, lake: Lake, manifest: Manifest, prefix: str = "lake_",
                   temp: bool = True) -> None:
    """``{prefix}postings`` and ``{prefix}rejected``: the lake version's rows as DuckDB views.

    A local lake is read by DuckDB's own Parquet reader (the file list comes from the manifest, so
    files of a killed build are never seen); object storage through pyarrow's filesystem.
    """
    kind = "TEMP VIEW" if temp else "VIEW"
    if lake.local is not None:
        post = [lake.uri_of(f) for f in manifest.postings_files]
        rej = [lake.uri_of(f) for f in manifest.rejected_files]
        con.execute(f"CREATE OR REPLACE {kind} {prefix}postings AS SELECT * FROM "
                    f"read_parquet({_sql_list(post) if post else '[]'}, hive_partitioning = true, hive_types "
                    f"= {HIVE_TYPES})"
                    if post else f"CREATE OR REPLACE {kind} {prefix}postings AS SELECT * FROM "
                                 f"{prefix}empty_postings")
        con.execute(f"CREATE OR REPLACE {kind} {prefix}rejected AS SELECT * FROM "
                    f"read_parquet({_sql_list(rej)})"
                    if rej else f"CREATE OR REPLACE {kind} {prefix}rejected AS SELECT * FROM "
                                f"{prefix}empty_rejected")
        return
    part = ds.partitioning(pa.schema([("source", pa.string()), ("month", pa.string())]), flavor="hive")
    con.register(
        f"{prefix}postings",
        ds.dataset(
            [lake.path(f) for f in manifest.postings_files],
            filesystem=lake.fs,
            format="parquet",
            partitioning=part,
            partition_base_dir=lake.path("postings"),
        ),
    )
    con.register(f"{prefix}rejected", ds.dataset([lake.path(f) for f in manifest.rejected_files],
                                                 filesystem=lake.fs, format="parquet"))


def _empties(con: duckdb.DuckDBPyConnection) -> None:
    from etl.lake.batches import LAKE_SCHEMA, REJECTED_SCHEMA

    post = LAKE_SCHEMA.remove(LAKE_SCHEMA.get_field_index("source")).append(pa.field("source", pa.string()))
    post = post.append(pa.field("month", pa.string()))
    con.register("lake_empty_postings", post.empty_table())
    con.register("lake_empty_rejected", REJECTED_SCHEMA.empty_table())


def _inputs_table(manifest: Manifest) -> pa.Table:
    rows = manifest.inputs
    return pa.table(
        {
            "file_no": pa.array([i.file_no for i in rows], pa.int32()),
            "uri": [i.uri for i in rows],
            "name": [i.uri.rstrip("/").rsplit("/", 1)[-1] for i in rows],
            "sha256": [i.sha256 for i in rows],
            "bytes": pa.array([i.bytes for i in rows], pa.int64()),
            "format": [i.format for i in rows],
            "read": pa.array([i.read for i in rows], pa.int64()),
            "rejected": pa.array([i.rejected for i in rows], pa.int64()),
            "status": [i.status for i in rows],
            "message": [i.message for i in rows],
        }
    )


def _decide(con: duckdb.DuckDBPyConnection) -> pa.Table:
    """Dedupe over the whole lake with the loader's own rules (etl.warehouse.dedupe), in load order.

    The whole lake is one batch for :func:`etl.warehouse.dedupe.decide` against the fresh version's empty
    ``posting_keys``; the keys of the loaded postings are then recorded so a later ``etl load`` finds them.
    """
    # an untitled row of a lake file written before untitled postings had a fingerprint (issue 9): its key
    # from its stored fields, as a fresh build would have written it. A few rows (or none): the key query
    # below reads no description; this one only those of the rows its filter on fingerprint and title keeps.
    late = con.sql(f"""
        SELECT i.file_no, l.record_no, l.company, l.location_raw, l.description
        FROM lake_postings l JOIN lake_inputs i ON i.sha256 = l.file_hash AND i.status = 'ok'
        WHERE {UNFINGERPRINTED_UNTITLED}""").to_arrow_table()
    assert late is not None
    con.register("lake_late_fingerprints", pa.table({
        "file_no": late["file_no"], "record_no": late["record_no"],
        "fp": pa.array(untitled_fingerprints(*(late[c].to_pylist()
                                               for c in ("company", "location_raw", "description"))),
                       pa.string())}))
    # con.sql, not con.execute: DuckDB's DB-API result copies the rows once more on the way to Arrow
    keys = con.sql("""
        SELECT i.file_no, l.record_no, l.source, l.source_id, l.url,
               coalesce(l.fingerprint, f.fp) AS fingerprint, f.fp AS added, l.posted_date
        FROM lake_postings l JOIN lake_inputs i ON i.sha256 = l.file_hash AND i.status = 'ok'
        LEFT JOIN lake_late_fingerprints f ON f.file_no = i.file_no AND f.record_no = l.record_no
        ORDER BY i.file_no, l.record_no""").to_arrow_table()
    con.unregister("lake_late_fingerprints")
    assert keys is not None
    n = keys.num_rows
    view = pa.table({
        "i": pa.array(range(n), pa.int64()), "ok": pa.array([True] * n, pa.bool_()),
        "source": keys["source"], "id": keys["source_id"],
        "url_key": pa.array([normalise_url(u) for u in keys["url"].to_pylist()], pa.string()),
        "fingerprint": keys["fingerprint"], "posted_date": keys["posted_date"],
    })
    con.register("lake_keys_view", view)
    decided = decide(con, "lake_keys_view", np.ones(n, dtype=bool), 1)
    con.register("lake_keys_view", view.append_column("posting_id", decided.posting_id))
    add_keys(con, "lake_keys_view")
    con.unregister("lake_keys_view")
    return pa.table(
        {
            "file_no": keys["file_no"],
            "record_no": keys["record_no"],
            "posting_id": decided.posting_id,
            "reason": decided.reason,
            "duplicate_of": decided.duplicate_of,
            "fingerprint": keys["added"],  # the postings' own column: what a fresh build's lake file holds
        }
    )


POSTING_SELECT = """
    d.posting_id, i.file_no AS run_id, l.record_no, l.source, l.source_id, l.url, l.title, l.company,
    l.location_raw, l.salary_text, l.description, l.posted_date, l.posted_month, l.job_type, l.seniority,
    l.is_senior, l.role_family, l.experience_min, l.experience_max, l.degree, l.salary_min, l.salary_max,
    l.salary_currency, l.salary_period, l.salary_annual_min, l.salary_annual_max, l.salary_usd_min,
    l.salary_usd_max, l.salary_usd_mid, l.salary_plausible, l.salary_band, l.remote, l.city, l.region,
    l.country,
    l.metro, coalesce(l.fingerprint, d.fingerprint) AS fingerprint, l.language"""


def publish_from_lake(where: str, db: Path, mode: str = "tables") -> PublishSummary:
    """Build a warehouse version from the current lake version and publish it (nothing new: nothing done)."""
    if mode not in MODES:
        raise SourceError(f"unknown mode {mode!r}; known: {', '.join(MODES)}")
    lake = Lake(where)
    manifest = lake.current()
    if manifest.version == 0:
        raise SourceError(
            f"{lake.uri}: no lake version yet (run `python -m etl lake build INPUT --lake {where}`)"
        )
    if mode == "views" and lake.local is None:
        raise SourceError("--lake-views needs a lake on a local or mounted file system; "
                          "publish an object-storage lake as tables")
    summary = PublishSummary(db=str(db), lake=lake.uri, lake_version=manifest.version, mode=mode)
    with builder.writer_lock(db):
        if _already_published(db, lake, manifest, mode):
            return summary
        builder.remove_stale_versions(db)
        version = builder.new_version(db, fresh=True)
        con = duckdb.connect(str(version))
        con.execute(f"SET memory_limit = '{LOAD_MEMORY_LIMIT}'")
        try:
            summary.per_file = _fill(con, lake, manifest, mode)
            builder.finalise(
                con, {"lake": lake.uri, "lake_version": str(manifest.version), "lake_mode": mode}
            )
        except BaseException:
            con.close()
            builder.discard(version)
            raise
        con.close()
        builder.publish_version(db, version)
        summary.published, summary.version = True, version.name
    return summary


def _already_published(db: Path, lake: Lake, manifest: Manifest, mode: str) -> bool:
    current = paths.current_version(db)
    if current is None:
        return False
    con = duckdb.connect(str(current), read_only=True)
    try:
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    except duckdb.Error:
        return False
    finally:
        con.close()
    return (meta.get("lake"), meta.get("lake_version"), meta.get("lake_mode")) == (
        lake.uri,
        str(manifest.version),
        mode,
    )


def _fill(con: duckdb.DuckDBPyConnection, lake: Lake, manifest: Manifest, mode: str) -> list[dict[str, Any]]:
    _refresh_skills(con)
    _empties(con)
    con.register("lake_inputs_arrow", _inputs_table(manifest))
    con.execute("CREATE TEMP TABLE lake_inputs AS SELECT * FROM lake_inputs_arrow")
    lake_relations(con, lake, manifest)
    con.register("lake_decisions_arrow", _decide(con))
    con.execute("CREATE TEMP TABLE lake_decisions AS SELECT * FROM lake_decisions_arrow")
    if mode == "views":
        _as_views(con, lake, manifest)
    else:
        con.execute(f"""
            INSERT INTO postings BY NAME SELECT {POSTING_SELECT}
            FROM lake_postings l JOIN lake_inputs i ON i.sha256 = l.file_hash
            JOIN lake_decisions d ON d.file_no = i.file_no AND d.record_no = l.record_no
            WHERE d.posting_id IS NOT NULL""")
        con.execute("""
            INSERT INTO posting_skills
            SELECT d.posting_id, s.skill, coalesce(k.category, 'other')
            FROM (SELECT file_hash, record_no, unnest(skills) AS skill FROM lake_postings) s
            JOIN lake_inputs i ON i.sha256 = s.file_hash
            JOIN lake_decisions d ON d.file_no = i.file_no AND d.record_no = s.record_no
            LEFT JOIN skills k ON k.skill = s.skill
            WHERE d.posting_id IS NOT NULL
            UNION ALL
            SELECT d.posting_id, r.skill, 'responsibility'
            FROM (SELECT file_hash, record_no, unnest(responsibilities) AS skill FROM lake_postings) r
            JOIN lake_inputs i ON i.sha256 = r.file_hash
            JOIN lake_decisions d ON d.file_no = i.file_no AND d.record_no = r.record_no
            WHERE d.posting_id IS NOT NULL""")
    con.execute("""
        INSERT INTO duplicate_postings
        SELECT i.file_no, l.record_no, l.source, l.source_id, l.url, l.title, l.company, l.posted_date,
               d.reason, d.duplicate_of
        FROM lake_postings l JOIN lake_inputs i ON i.sha256 = l.file_hash
        JOIN lake_decisions d ON d.file_no = i.file_no AND d.record_no = l.record_no
        WHERE d.posting_id IS NULL""")
    con.execute("""
        INSERT INTO rejected_rows
        SELECT i.file_no, i.uri, r.record_no, r.reason, r.raw
        FROM lake_rejected r JOIN lake_inputs i ON i.sha256 = r.file_hash AND i.status = 'ok'""")
    now = datetime.now(UTC).replace(tzinfo=None)
    con.execute("""
        INSERT INTO load_runs
        SELECT i.file_no, ?, ?, i.uri, i.name, i.sha256, i.bytes, i.format, i.read,
               coalesce(d.loaded, 0), coalesce(d.duplicates, 0), i.rejected, i.status, i.message
        FROM lake_inputs i
        LEFT JOIN (SELECT file_no, count(posting_id) AS loaded, count(*) - count(posting_id) AS duplicates
                   FROM lake_decisions GROUP BY 1) d USING (file_no)""", [now, now])
    bad = con.execute("SELECT file_path, read, loaded, duplicates, rejected FROM load_runs "
                      "WHERE status = 'ok' AND read <> loaded + duplicates + rejected").fetchall()
    if bad:
        raise SourceError(f"{bad[0][0]}: read {bad[0][1]:,} is not loaded + duplicates + rejected "
                          f"({bad[0][2]:,} + {bad[0][3]:,} + {bad[0][4]:,}); nothing was published")
    rows = con.execute("SELECT file_path, format, read, loaded, duplicates, rejected, status, message "
                       "FROM load_runs ORDER BY run_id").fetchall()
    keys = ("path", "format", "read", "loaded", "duplicates", "rejected", "status", "message")
    return [dict(zip(keys, r, strict=True)) for r in rows]


def _as_views(con: duckdb.DuckDBPyConnection, lake: Lake, manifest: Manifest) -> None:
    """postings and posting_skills as views over the lake's files, joined to the stored key table."""
    comments = con.execute("""
        SELECT table_name, column_name, comment FROM duckdb_columns()
        WHERE table_name IN ('postings', 'posting_skills') AND comment IS NOT NULL
          AND column_name NOT LIKE 'skill_bits_%'""").fetchall()  # the bitmap: stored tables only (order.sql)
    table_comments = con.execute("SELECT table_name, comment FROM duckdb_tables() "
                                 "WHERE table_name IN ('postings', 'posting_skills')").fetchall()
    con.execute("""
        CREATE TABLE lake_keys AS
        SELECT i.sha256 AS file_hash, d.record_no, d.posting_id, d.file_no AS run_id, d.fingerprint
        FROM lake_decisions d JOIN lake_inputs i USING (file_no) WHERE d.posting_id IS NOT NULL""")
    con.execute("COMMENT ON TABLE lake_keys IS 'Which lake row is which posting: the dedupe decisions of the "
                "publish (lake mode: postings and posting_skills are views over the lake files).'")
    con.execute("DROP TABLE posting_skills")
    con.execute("DROP TABLE postings")
    lake_relations(con, lake, manifest, prefix="lakefile_", temp=False)
    con.execute(f"""
        CREATE VIEW postings AS SELECT {POSTING_SELECT.replace("i.file_no AS run_id", "d.run_id")}
        FROM lakefile_postings l
        JOIN lake_keys d ON d.file_hash = l.file_hash AND d.record_no = l.record_no""")
    con.execute("""
        CREATE VIEW posting_skills AS
        SELECT d.posting_id, s.skill, coalesce(k.category, 'other') AS category
        FROM (SELECT file_hash, record_no, unnest(skills) AS skill FROM lakefile_postings) s
        JOIN lake_keys d ON d.file_hash = s.file_hash AND d.record_no = s.record_no
        LEFT JOIN skills k ON k.skill = s.skill
        UNION ALL
        SELECT d.posting_id, r.skill, 'responsibility'
        FROM (SELECT file_hash, record_no, unnest(responsibilities) AS skill FROM lakefile_postings) r
        JOIN lake_keys d ON d.file_hash = r.file_hash AND d.record_no = r.record_no""")
    for table, comment in table_comments:
        con.execute(f"COMMENT ON VIEW {table} IS '{comment.replace(chr(39), chr(39) * 2)}'")
    for table, column, comment in comments:
        con.execute(f"COMMENT ON COLUMN {table}.{column} IS '{comment.replace(chr(39), chr(39) * 2)}'")


def print_publish(summary: PublishSummary, stream: Any = sys.stdout) -> None:
    for f in summary.per_file:
        print(f"{f['status']:>8}  {f['format'] or '-':<12} read {f['read']:>8,}  loaded {f['loaded']:>8,}  "
              f"duplicates {f['duplicates']:>7,}  rejected {f['rejected']:>6,}  {f['path']}", file=stream)
        if f["message"]:
            print(f"{'':>10}{f['message']}", file=stream)
    t = summary.totals()
    if not summary.published:
        print(f"the warehouse {summary.db} already holds lake version {summary.lake_version} "
              f"({summary.mode}); "
              "unchanged", file=stream)
        return
    print(f"total: read {t['read']:,} = loaded {t['loaded']:,} + duplicates {t['duplicates']:,} + rejected "
          f"{t['rejected']:,}; published {summary.version} from lake version {summary.lake_version} "
          f"({summary.mode})", file=stream)
