"""The lake on the local engine: build + publish equals a plain etl load; idempotent; nothing lost.

The cluster engines are tested in test_lake_cluster.py; here the local process pool runs the same
batch function, so these tests pin down the lake's own guarantees quickly.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest
from lake_compare import assert_same_dashboard, assert_same_warehouse, rows

from etl.demo import write_raw
from etl.lake.build import BuildSummary, build_lake
from etl.lake.publish import PublishSummary, publish_from_lake
from etl.lake.store import Lake
from etl.record import SourceError
from etl.warehouse.loader import load_paths
from etl.warehouse.paths import current_version

PROJECT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raw")
    write_raw(out, 1000, seed=11)
    return out


@pytest.fixture(scope="module")
def plain(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("plain") / "wh.duckdb"
    load_paths([raw], db, progress=False)
    return db


@pytest.fixture(scope="module")
def built(raw: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, BuildSummary]:
    lake = tmp_path_factory.mktemp("lake") / "lake"
    return lake, build_lake([str(raw)], str(lake), engine="local")


def test_lake_published_equals_plain_load(
    built: tuple[Path, BuildSummary], plain: Path, tmp_path: Path
) -> None:
    lake, summary = built
    t = summary.totals()
    assert summary.committed and summary.version == 1
    assert t["read"] == t["postings"] + t["rejected"] and t["rejected"] > 0  # the demo has broken rows
    db = tmp_path / "wh.duckdb"
    pub = publish_from_lake(str(lake), db)
    assert pub.published
    for f in pub.per_file:
        assert f["read"] == f["loaded"] + f["duplicates"] + f["rejected"]
    n = assert_same_warehouse(db, plain)
    assert n > 700 and pub.totals()["duplicates"] > 0
    assert_same_dashboard(db, plain)


def test_lake_layout_is_partitioned_with_few_files(built: tuple[Path, BuildSummary]) -> None:
    lake, _ = built
    manifest = Lake(lake).current()
    assert manifest.postings_files and all(f.startswith("postings/source=") and "/month=" in f
                                           for f in manifest.postings_files)
    # one file per source and month, however many tasks ran
    dirs = {f.rsplit("/", 1)[0] for f in manifest.postings_files}
    assert len(dirs) == len(manifest.postings_files)
    assert {i.sha256 for i in manifest.inputs} and all(len(i.sha256) == 64 for i in manifest.inputs)
    assert not (lake / "_staging").exists()
    months = duckdb.execute(f"SELECT DISTINCT month FROM read_parquet('{lake}/postings/*/*/*.parquet', "
                        "hive_partitioning = true)").fetchall()
    assert len(months) > 12


def test_rebuild_is_idempotent_and_increments(raw: Path, tmp_path: Path) -> None:
    lake = str(tmp_path / "lake")
    first = build_lake([str(raw / "jobspy_run1.csv")], lake, engine="local", workers=1)
    again = build_lake([str(raw / "jobspy_run1.csv")], lake, engine="local", workers=1)
    assert first.committed and not again.committed and again.version == 1
    assert again.skipped and again.skipped[0][1] == first.totals()["read"]
    more = build_lake(
        [str(raw / "jobspy_run1.csv"), str(raw / "jobspy_run2.csv")], lake, engine="local", workers=1
    )
    assert (
        more.committed and more.version == 2 and [Path(f.uri).name for f in more.files] == ["jobspy_run2.csv"]
    )
    db = tmp_path / "wh.duckdb"
    assert publish_from_lake(lake, db).published
    assert not publish_from_lake(lake, db).published  # the same lake version again: nothing to do
    plain_db = tmp_path / "plain.duckdb"
    load_paths([raw / "jobspy_run1.csv", raw / "jobspy_run2.csv"], plain_db, progress=False)
    assert_same_warehouse(db, plain_db)


def test_bad_files_fail_alone_and_are_recorded(raw: Path, tmp_path: Path) -> None:
    bad = tmp_path / "in"
    bad.mkdir()
    (bad / "a_empty.csv").write_text("")
    (bad / "b_binary.json").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "c_good.csv").write_bytes((raw / "jobspy_run1.csv").read_bytes())
    lake, db, plain_db = str(tmp_path / "lake"), tmp_path / "wh.duckdb", tmp_path / "plain.duckdb"
    res = subprocess.run(
        [
            sys.executable,
            "-m",
            "etl",
            "lake",
            "build",
            str(bad),
            "--lake",
            lake,
            "--engine",
            "local",
            "--json",
        ],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert res.returncode == 2, res.stderr
    out = json.loads(res.stdout.strip().splitlines()[-1])
    assert out["failed_files"] == 2 and out["committed"] and "Traceback" not in res.stderr
    assert [f["status"] for f in out["per_file"]] == ["failed", "failed", "ok"]
    assert all(f["message"] and "\n" not in f["message"] for f in out["per_file"][:2])
    publish_from_lake(lake, db)
    load_paths([bad], plain_db, progress=False)
    assert_same_warehouse(db, plain_db)


def test_cli_errors_are_one_line(tmp_path: Path) -> None:
    for args in (["lake", "build", str(tmp_path / "missing"), "--lake", str(tmp_path / "lake")],
                 ["publish", "--from-lake", str(tmp_path / "nolake"), "--db", str(tmp_path / "wh.duckdb")],
                 ["lake", "build", str(tmp_path), "--lake", "nosuchscheme://x/y", "--engine", "local"]):
        res = subprocess.run(
            [sys.executable, "-m", "etl", *args], cwd=PROJECT, capture_output=True, text=True, timeout=120
        )
        assert res.returncode == 2, (args, res.stdout, res.stderr)
        assert res.stderr.startswith("error: ") and len(res.stderr.strip().splitlines()) == 1, res.stderr


def test_object_storage_code_path_with_file_uris(raw: Path, plain: Path, tmp_path: Path) -> None:
    """A lake and inputs given as URIs go through pyarrow's filesystem layer, as s3:// does."""
    lake = f"file://{tmp_path}/lake"
    summary = build_lake([f"file://{raw}"], lake, engine="local", workers=1)
    assert summary.committed and all(f.uri.startswith("file://") for f in summary.files)
    db = tmp_path / "wh.duckdb"
    publish_from_lake(lake, db)
    counts = rows(db, "SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM duplicate_postings), "
                      "(SELECT count(*) FROM rejected_rows), (SELECT count(*) FROM posting_skills)")
    assert counts == rows(plain, "SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM "
                                 "duplicate_postings), (SELECT count(*) FROM rejected_rows), (SELECT "
                                 "count(*) FROM posting_skills)")
    fields = (
        "posting_id, source, source_id, title, company, seniority, salary_usd_mid, country, city, fingerprint"
    )
    assert rows(db, f"SELECT {fields} FROM postings ORDER BY 1") == rows(
        plain, f"SELECT {fields} FROM postings ORDER BY 1"
    )


def test_killed_build_leaves_no_version_and_the_next_build_completes(
    raw: Path, plain: Path, tmp_path: Path
) -> None:
    lake = tmp_path / "lake"
    proc = subprocess.Popen([sys.executable, "-m", "etl", "lake", "build", str(raw), "--lake", str(lake),
                             "--engine", "local", "--workers", "1"], cwd=PROJECT, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 240
    try:
        while not list((lake / "_staging").glob("*/out/out-*.parquet")):
            assert proc.poll() is None, "the build finished before it could be killed"
            assert time.monotonic() < deadline, "no output part appeared"
            time.sleep(0.1)
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    assert Lake(lake).current().version == 0 and Lake(lake).manifests() == []
    summary = build_lake([str(raw)], str(lake), engine="local", workers=1)
    assert summary.committed and summary.version == 1
    assert not (lake / "_staging").exists()
    db = tmp_path / "wh.duckdb"
    publish_from_lake(str(lake), db)
    assert_same_warehouse(db, plain)


@pytest.fixture(scope="module")
def views(built: tuple[Path, BuildSummary],
          tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, PublishSummary]:
    """The built lake published in views mode, once for the two tests that read it (each published its own,
    then only read it: the dashboard's tables, the SQL sandbox's queries)."""
    db = tmp_path_factory.mktemp("views") / "wh.duckdb"
    return db, publish_from_lake(str(built[0]), db, mode="views")


def test_lake_views_mode_gives_the_same_dashboard(views: tuple[Path, PublishSummary], plain: Path) -> None:
    db, pub = views
    assert pub.published
    ver = current_version(db)
    # the postings stay in the lake's Parquet: the file holds the rollups, not the rows. Against the plain
    # load's file, not a fixed size (8 MB broke when four rollups were added): on the demo 8.1 MB against
    # 13.1 MB, the rollups most of both; with the rows copied it would be about the plain size
    plain_ver = current_version(plain)
    assert ver is not None and plain_ver is not None
    assert ver.stat().st_size < 0.8 * plain_ver.stat().st_size
    kinds = dict(rows(db, "SELECT table_name, table_type FROM information_schema.tables "
                          "WHERE table_name IN ('postings', 'posting_skills')"))
    assert kinds == {"postings": "VIEW", "posting_skills": "VIEW"}
    assert_same_warehouse(db, plain)
    assert_same_dashboard(db, plain)


def test_sql_page_sandbox_reads_the_lake_views_and_nothing_else(built: tuple[Path, BuildSummary], plain: Path,
                                                                 views: tuple[Path, PublishSummary]) -> None:
    from analytics import sandbox

    db = views[0]
    pool = sandbox.SandboxPool(size=1)
    try:
        sql = "SELECT seniority, count(*) AS n FROM senior_software_postings GROUP BY 1 ORDER BY 1"
        got = sandbox.run_query(sql, db, pool=pool).table.to_pylist()
        assert got == [{"seniority": s, "n": n} for s, n in rows(plain, sql)] and got
        lake_file = built[0] / Lake(built[0]).current().postings_files[0]
        with pytest.raises(sandbox.SandboxError):  # the lake folder is for the views, not for user SQL
            sandbox.run_query(f"SELECT * FROM read_parquet('{lake_file}')", db, pool=pool)
    finally:
        pool.close()


def test_one_build_at_a_time_on_a_local_lake(tmp_path: Path) -> None:
    lake = Lake(tmp_path / "lake")
    with lake.writer_lock(), pytest.raises(SourceError, match="another lake build is running"), \
            Lake(tmp_path / "lake").writer_lock():
        pass
    with lake.writer_lock():  # released when the holder leaves
        pass
