"""The loader's guarantees, each with a test that fails when it breaks.

nothing lost, idempotent reloads, atomic publish under SIGKILL, readers never
blocked, and bad input turned into one clear line or quarantined rows.
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest

from etl.demo import write_raw
from etl.warehouse import paths
from etl.warehouse.loader import LoadSummary, expand_paths, load_paths

PROJECT = Path(__file__).resolve().parents[1]


def run_etl(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=PROJECT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=300)


def counts(db: Path) -> dict[str, int]:
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        row = con.execute("SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM "
                          "duplicate_postings), (SELECT count(*) FROM rejected_rows), (SELECT count(*) FROM "
                          "posting_skills), (SELECT count(*) FROM load_runs)").fetchone()
    finally:
        con.close()
    assert row is not None
    return dict(zip(("postings", "duplicates", "rejected", "skills", "runs"), row, strict=True))


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def raw_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raw")
    write_raw(out, 600, seed=3)
    return out


def _copy(db: Path, into: Path) -> Path:
    """A warehouse loaded once (its link and versions folder) copied for a test that changes it."""
    shutil.copytree(db.parent, into, symlinks=True)  # the link is relative: it points into the copy
    return into / db.name


@pytest.fixture(scope="module")
def first_load(raw_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, LoadSummary]:
    """Every demo file loaded into a new warehouse, once for the module (each load costs seconds); a test
    that loads into it again works on a copy (:func:`_copy`)."""
    db = tmp_path_factory.mktemp("first-load") / "wh.duckdb"
    return db, load_paths([raw_dir], db, progress=False)


@pytest.fixture(scope="module")
def linkedin_only(raw_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A warehouse holding the demo's LinkedIn file alone, loaded once; tests load into copies of it."""
    db = tmp_path_factory.mktemp("linkedin-only") / "wh.duckdb"
    load_paths([raw_dir / "linkedin_postings.csv"], db, progress=False)
    return db


def test_nothing_lost_per_file_and_in_the_tables(first_load: tuple[Path, LoadSummary]) -> None:
    db, summary = first_load
    assert summary.published
    assert len(summary.files) >= 5
    for f in summary.files:
        assert f.status == "ok", f
        assert f.read == f.loaded + f.duplicates + f.rejected, f
        assert f.read > 0
    t = summary.totals()
    c = counts(db)
    assert c["postings"] == t["loaded"]
    assert c["duplicates"] == t["duplicates"] > 0  # the demo writes overlapping scrapes
    assert c["rejected"] == t["rejected"] == 5  # the demo writes 3 + 2 broken rows
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    per_run = con.execute(
        "SELECT sum(read), sum(loaded), sum(duplicates), sum(rejected) FROM load_runs"
    ).fetchone()
    bad_dup = con.execute("SELECT count(*) FROM duplicate_postings d LEFT JOIN postings p ON p.posting_id = "
                          "d.duplicate_of WHERE p.posting_id IS NULL").fetchone()
    con.close()
    assert per_run == (t["read"], t["loaded"], t["duplicates"], t["rejected"])
    assert bad_dup == (0,)  # every duplicate points at a canonical posting that exists


def test_reload_is_idempotent_and_changes_nothing(raw_dir: Path, first_load: tuple[Path, LoadSummary],
                                                 tmp_path: Path) -> None:
    db = _copy(first_load[0], tmp_path / "wh")  # the load test_nothing_lost_per_file_and_in_the_tables checks
    version, digest, before = paths.current_version(db), sha(paths.current_version(db)), counts(db)  # type: ignore[arg-type]
    again = load_paths([raw_dir], db, progress=False)
    t = again.totals()
    assert t["loaded"] == 0 and t["rejected"] == 0 and t["duplicates"] == t["read"] > 0
    assert not again.published
    assert paths.current_version(db) == version and sha(version) == digest  # type: ignore[arg-type]
    assert counts(db) == before


@pytest.fixture(scope="module")
def jobspy_only(raw_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, LoadSummary]:
    """The demo's first JobSpy file loaded alone into a new warehouse in one process, once for the module:
    the overlapping-file test loads its rescrape into a copy, the dead-worker test compares with it (each
    loaded this file into an empty warehouse of its own)."""
    db = tmp_path_factory.mktemp("jobspy-only") / "wh.duckdb"
    return db, load_paths([raw_dir / "jobspy_run1.csv"], db, progress=False, workers=1)


def test_overlapping_file_is_counted_as_duplicates_of_the_first(raw_dir: Path,
                                                               jobspy_only: tuple[Path, LoadSummary],
                                                               tmp_path: Path) -> None:
    db = _copy(jobspy_only[0], tmp_path / "wh")
    first = raw_dir / "jobspy_run1.csv"
    copy = tmp_path / "rescrape.csv"
    copy.write_bytes(first.read_bytes() + b"\n")  # the same records in a file with other bytes (a rescrape)
    assert sha(copy) != sha(first)
    s = load_paths([copy], db, progress=False).totals()
    assert s["loaded"] == 0 and s["duplicates"] + s["rejected"] == s["read"]
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    reasons = dict(con.execute("SELECT reason, count(*) FROM duplicate_postings GROUP BY 1").fetchall())
    con.close()
    assert reasons.get("same_source_id", 0) == s["duplicates"]


WAL_MIDDLE = 2_000_000  # bytes of the new version's WAL: the load's batches being written (28 MB in all here)
Event = Callable[[Path | None, dict[str, int]], bool]  # (the version being built, each file's size): reached?


def _kill_points(version: Path) -> tuple[tuple[str, Event], ...]:
    """Where the SIGKILL test kills a load: events in the warehouse's versions folder, each seen by a poll of
    that folder (``new``: the version file the load is building, ``sizes``: every file's size there). Watched
    on a load of these 2,000 postings (load 6, 16.9 s in all): the version file appears at 1.2 s (the copy of
    the current one), its WAL grows from 3.7 s to 15.5 s (2 MB at 9.9 s), the version file grows past the
    copy's size at 15.7 s (the publish's checkpoint), the WAL is gone at 16.0 s and the link moves 37 ms
    later. Before: fractions (0.2, 0.5, 0.8, 0.97) of a probe load's time, a whole load only to time them."""
    copied = version.stat().st_size
    return (
        ("early: the new version file appears", lambda new, sizes: new is not None),
        ("middle: the new version's WAL past 2 MB",
         lambda new, sizes: new is not None and sizes.get(new.name + ".wal", 0) >= WAL_MIDDLE),
        ("late: the new version grows past the copy (the publish's checkpoint)",
         lambda new, sizes: new is not None and sizes.get(new.name, 0) > copied),
        ("around the publish: the checkpoint over (its WAL gone)",
         lambda new, sizes: new is not None and sizes.get(new.name, 0) > copied
         and new.name + ".wal" not in sizes),
    )


def _wait_for(proc: subprocess.Popen[bytes], vdir: Path, known: set[str], event: Event) -> bool:
    """Poll the versions folder every 5 ms until ``event`` holds (True) or the load ended (False)."""
    deadline = time.monotonic() + 300
    while proc.poll() is None:
        sizes: dict[str, int] = {}
        for f in vdir.iterdir():
            with contextlib.suppress(OSError):  # removed meanwhile (an orphan, the schema's WAL)
                sizes[f.name] = f.stat().st_size
        new = [vdir / n for n in sizes if n.endswith(".duckdb") and n not in known]
        if event(max(new) if new else None, sizes):
            return True
        assert time.monotonic() < deadline, "the load neither ended nor reached its kill point in 300 s"
        time.sleep(0.005)
    return False


def test_sigkill_at_any_point_leaves_the_published_warehouse_as_it_was(linkedin_only: Path,
                                                                       tmp_path: Path) -> None:
    db = _copy(linkedin_only, tmp_path / "wh")
    version = paths.current_version(db)
    assert version is not None
    digest, before = sha(version), counts(db)
    big = tmp_path / "big"
    write_raw(big, 2000, seed=11)
    env = {**os.environ, "WAREHOUSE_DB": str(db)}
    cmd = [sys.executable, "-m", "etl", "load", str(big), "--no-progress"]
    vdir = paths.versions_dir(db)
    landed = []
    for point, event in _kill_points(version):  # early, middle, late, around the publish
        known = {f.name for f in vdir.iterdir()}  # the current version and the orphans of the kills before
        proc = subprocess.Popen(
            cmd, cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        reached = _wait_for(proc, vdir, known, event)
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        published = paths.current_version(db)
        if published != version:  # the kill came after the atomic publish: the new version must be complete
            assert counts(db)["runs"] == before["runs"] + len(expand_paths([big]))
            break
        assert proc.returncode != 0 or published != version  # a finished load always publishes
        assert sha(version) == digest
        assert counts(db) == before  # still opens, same content
        landed.append(point if reached else f"{point} (not seen)")
    # the early and middle points are seconds before the publish: their kills always land before it
    assert landed[:2] == [p for p, _ in _kill_points(version)[:2]], landed
    after = run_etl("load", str(big), "--no-progress", env={"WAREHOUSE_DB": str(db)})
    assert after.returncode == 0, after.stderr
    assert counts(db)["postings"] > before["postings"]
    current = paths.current_version(db)
    assert current is not None
    leftovers = sorted(p for p in paths.versions_dir(db).iterdir() if p.suffix == ".duckdb")
    assert leftovers[-1] == current and len(leftovers) <= 2  # orphans removed; only the previous version kept


def test_readers_keep_answering_while_a_load_runs(linkedin_only: Path, tmp_path: Path) -> None:
    db = _copy(linkedin_only, tmp_path / "wh")
    before = counts(db)["postings"]
    big = tmp_path / "big"
    write_raw(big, 2000, seed=5)
    proc = subprocess.Popen([sys.executable, "-m", "etl", "load", str(big), "--no-progress"], cwd=PROJECT,
                            env={**os.environ, "WAREHOUSE_DB": str(db)}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)
    answers = 0
    while proc.poll() is None:
        con = duckdb.connect(str(paths.current_version(db)), read_only=True)
        n = con.execute("SELECT count(*) FROM postings").fetchone()
        con.close()
        assert n is not None and n[0] >= before
        answers += 1
        time.sleep(0.05)
    assert proc.returncode == 0, proc.stderr.read() if proc.stderr else ""
    assert answers >= 3
    assert counts(db)["postings"] > before  # a reader that reopens sees the new version at once


def test_json_summary_is_the_last_line(raw_dir: Path, tmp_path: Path) -> None:
    res = run_etl("load", str(raw_dir / "lever"), "--json", "--db", str(tmp_path / "w.duckdb"))
    assert res.returncode == 0, res.stderr
    last = json.loads(res.stdout.strip().splitlines()[-1])
    for key in ("files", "read", "loaded", "duplicates", "rejected"):
        assert isinstance(last[key], int)
    assert last["read"] == last["loaded"] + last["duplicates"] + last["rejected"] > 0
    status = run_etl("status", "--db", str(tmp_path / "w.duckdb"))
    assert status.returncode == 0 and f"{last['loaded']:,}" in status.stdout


def test_a_dead_extraction_worker_does_not_hang_or_lose_records(raw_dir: Path,
                                                                jobspy_only: tuple[Path, LoadSummary],
                                                                tmp_path: Path,
                                                                monkeypatch: pytest.MonkeyPatch) -> None:
    """Kill an extraction worker in the middle of a load: it finishes in-process with every record counted."""
    import worker_killer

    import etl.warehouse.loader as loader_mod
    from etl.warehouse import batch as batch_mod

    ref_db, ref_summary = jobspy_only  # the one-process load of the same file, read only
    reference = ref_summary.totals()
    monkeypatch.setattr(batch_mod, "_extract_batch", functools.partial(worker_killer.extract_or_die,
                                                                       str(tmp_path / "killed"), os.getpid()))
    monkeypatch.setattr(batch_mod, "POOL_FROM_BATCHES", 1)  # the file is one batch: through the pool anyway
    # batches of 7: several in flight when the worker dies, and more read after it
    monkeypatch.setattr(loader_mod, "BATCH_SIZE", 7)
    db = tmp_path / "wh.duckdb"
    summary = load_paths([raw_dir / "jobspy_run1.csv"], db, progress=False, workers=2).totals()
    assert (tmp_path / "killed").exists()  # a worker really died
    assert summary["read"] == reference["read"] and summary["loaded"] == reference["loaded"]
    assert counts(db)["postings"] == reference["loaded"]
    # in the file's order: the batches in flight when the pool broke come before those read after it, so
    # every posting has the id and every duplicate the canonical the one-process load gave them
    assert _tables(db) == _tables(ref_db)


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    try:
        return {
            "postings": con.execute("SELECT posting_id, run_id, title FROM postings ORDER BY 1").fetchall(),
            "duplicates": con.execute("SELECT run_id, title, reason FROM duplicate_postings ORDER BY ALL")
            .fetchall(),
            "rejected": con.execute("SELECT run_id, record_no FROM rejected_rows ORDER BY ALL").fetchall(),
            "skills": con.execute("SELECT posting_id, skill FROM posting_skills ORDER BY ALL").fetchall(),
            "keys": con.execute("SELECT kind, key, posting_id FROM posting_keys ORDER BY ALL").fetchall(),
        }
    finally:
        con.close()


def test_a_file_failing_after_committed_writes_leaves_nothing(tmp_path: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """The loader commits write by write (bounded memory); a file failing after some writes were committed
    leaves none of its rows, as when the file was one transaction."""
    import etl.warehouse.batch as batch_mod
    import etl.warehouse.loader as loader_mod

    def line(i: int) -> str:
        return json.dumps({"id": f"p{i}", "title": f"Python developer {i}", "company": f"Acme {i}",
                           "description": f"We need Python, SQL and Docker for product {i}."})

    src = tmp_path / "in"
    src.mkdir()
    bad = [line(i) for i in range(10)] + [line(3), "not json"]  # loaded rows, a duplicate, a rejected line
    (src / "a_fails.jsonl").write_text("\n".join(bad * 2) + "\n", encoding="utf-8")
    (src / "b_good.jsonl").write_text("\n".join(line(i) for i in range(100, 105)) + "\n", encoding="utf-8")
    monkeypatch.setattr(loader_mod, "BATCH_SIZE", 2)
    monkeypatch.setattr(batch_mod, "WRITE_ROWS", 4)
    real = loader_mod.sources.read_batches
    calls = []

    def failing_first(path, fmt, options, size):  # type: ignore[no-untyped-def]
        calls.append(1)
        name, batches = real(path, fmt, options, size)

        def failing():  # type: ignore[no-untyped-def]
            for n, b in enumerate(batches):
                if len(calls) == 1 and n == 8:  # after two committed writes and a third one begun
                    raise RuntimeError("disk gone")
                yield b

        return name, failing()

    monkeypatch.setattr(loader_mod.sources, "read_batches", failing_first)
    summary = load_paths([src], tmp_path / "wh.duckdb", progress=False, workers=1)
    status = {Path(f.path).name: f.status for f in summary.files}
    assert status == {"a_fails.jsonl": "failed", "b_good.jsonl": "ok"}
    monkeypatch.setattr(loader_mod.sources, "read_batches", real)
    alone = tmp_path / "in_good"
    alone.mkdir()
    (alone / "b_good.jsonl").write_text((src / "b_good.jsonl").read_text(encoding="utf-8"), encoding="utf-8")
    load_paths([alone], tmp_path / "ref.duckdb", progress=False, workers=1)
    got, want = _tables(tmp_path / "wh.duckdb"), _tables(tmp_path / "ref.duckdb")
    # the good file ran second here (run 2): the same rows with its run id
    assert [(pid, title) for pid, _run, title in got["postings"]] == [(p, t) for p, _r, t in want["postings"]]
    assert {run for _pid, run, _t in got["postings"]} == {2}
    assert got["duplicates"] == got["rejected"] == []
    assert got["skills"] == want["skills"] and got["keys"] == want["keys"]
