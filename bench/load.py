"""Load throughput: generated JobSpy CSV -> published warehouse, against DuckDB's plain read_csv.

Prints postings/s and MB/s of a whole ``python -m etl load`` (parse, normalise,
extract, dedupe, publish), the time DuckDB's own ``read_csv`` takes to read the
same file in the same run, their ratio, the CPU time of the load (user + system, all
its processes: the machine's cores may be shared, so CPU time is the figure that does
not depend on other work), and the peak resident memory of the whole process tree of
the load (the loader, its fork server and workers: summed RSS, sampled every 0.2 s), and where the load's
time went phase by phase (the load's own ``ETL_LOAD_TIMINGS`` table: etl/warehouse/timings.py).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import duckdb

from etl.demo import write_raw

PROJECT = Path(__file__).resolve().parents[1]


def _duckdb_read_seconds(csv: Path) -> float:
    con = duckdb.connect()
    t0 = time.perf_counter()
    con.execute(f"SELECT count(*), sum(length(description)) FROM read_csv('{csv}', escape='\\', quote='\"', "
                "header=true, all_varchar=true, max_line_size=20000000)").fetchone()
    elapsed = time.perf_counter() - t0
    con.close()
    return elapsed


def _tree(pid: int) -> dict[int, tuple[int, float]]:
    """pid -> (resident bytes, CPU seconds) of ``pid`` and its descendants, from /proc (Linux)."""
    parent: dict[int, int] = {}
    rss: dict[int, int] = {}
    cpu: dict[int, float] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    tick = os.sysconf("SC_CLK_TCK")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        parent[int(entry)] = int(fields[1])
        rss[int(entry)] = int(fields[21]) * page
        cpu[int(entry)] = (int(fields[11]) + int(fields[12])) / tick  # utime + stime
    tree, todo = {pid}, [pid]
    children: dict[int, list[int]] = {}
    for child, ppid in parent.items():
        children.setdefault(ppid, []).append(child)
    while todo:
        for child in children.get(todo.pop(), []):
            tree.add(child)
            todo.append(child)
    return {p: (rss[p], cpu[p]) for p in tree if p in rss}


def _run_sampled(
    cmd: list[str], env: dict[str, str] | None = None
) -> tuple[subprocess.CompletedProcess[str], int, float]:
    """Run ``cmd``; also the peak of the summed resident memory of its process tree and the CPU seconds
    of the processes other than ``cmd`` itself (fork server, workers: nobody waits for them, so
    RUSAGE_CHILDREN misses them; the last sample of each is at most 0.2 s old)."""
    proc = subprocess.Popen(cmd, cwd=PROJECT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, "ETL_LOAD_TIMINGS": "1", **(env or {})})
    peak = [0]
    helpers: dict[int, float] = {}

    def sample() -> None:
        while proc.poll() is None:
            tree = _tree(proc.pid)
            peak[0] = max(peak[0], sum(r for r, _ in tree.values()))
            for p, (_, c) in tree.items():
                if p != proc.pid:
                    helpers[p] = max(helpers.get(p, 0.0), c)
            time.sleep(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    out, err = proc.communicate()
    sampler.join()
    return subprocess.CompletedProcess(cmd, proc.returncode, out, err), peak[0], sum(helpers.values())


def run(postings: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        raw = Path(tmp) / "raw"
        t0 = time.perf_counter()
        write_raw(raw, postings, seed=1, formats=("jobspy",))
        csv = raw / "jobspy_demo.csv"
        size_mb = csv.stat().st_size / 1e6
        print(
            f"generated {postings:,} postings, {size_mb:,.0f} MB CSV in {time.perf_counter() - t0:.1f} s",
            flush=True,
        )
        duck = _duckdb_read_seconds(csv)
        db = Path(tmp) / "wh.duckdb"
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        t0 = time.perf_counter()
        res, tree_peak, helper_cpu = _run_sampled(
            [sys.executable, "-m", "etl", "load", str(csv), "--db", str(db), "--json", "--no-progress"]
        )
        elapsed = time.perf_counter() - t0
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime) + helper_cpu
        peak_mb = max(before.ru_maxrss, after.ru_maxrss) / 1024
        if res.returncode != 0:
            print(res.stderr[-2000:])
            raise SystemExit("load failed")
        summary = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"etl load: {summary['read']:,} read, {summary['loaded']:,} loaded in {elapsed:.1f} s "
              f"= {summary['read'] / elapsed:,.0f} postings/s, {size_mb / elapsed:,.1f} MB/s")
        print(f"duckdb read_csv of the same file: {duck:.1f} s = {postings / duck:,.0f} rows/s")
        print(f"ratio load / read_csv: {elapsed / duck:.1f}x")
        print(f"CPU time of the load (all its processes): {cpu:.1f} s = {summary['read'] / cpu:,.0f} "
              f"postings per CPU-second; {cpu / elapsed:.2f} cores busy on average (wall figures depend on "
              "other work)")
        print(f"peak resident memory of the load: {tree_peak / 1e6:,.0f} MB for the process tree (sampled), "
              f"{peak_mb:,.0f} MB for the largest single process")
        print(f"warehouse size: {sum(f.stat().st_size for f in Path(tmp).rglob('*.duckdb')) / 1e6:,.0f} MB")
        timing = [line for line in res.stderr.splitlines() if line.startswith("timing ")]
        if timing:
            print("where the time went (CPU of the loading process per phase, with its DuckDB threads; "
                  "'worker:' lines are the workers' CPU):")
            print("\n".join(timing))


def _outcome_digest(db: Path) -> str:
    """A digest of what the load decided: every posting and duplicate row (record, reason, canonical, title,
    company) and every rejected row (record, reason), so two loads of the same file can be compared."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        rows = con.execute("""
            SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
                SELECT concat_ws(',', 'p', run_id, record_no, title, company, seniority, remote, country) AS x
                FROM postings
                UNION ALL SELECT concat_ws(',', 'd', run_id, record_no, reason, duplicate_of, title, company)
                FROM duplicate_postings
                UNION ALL SELECT concat_ws(',', 'r', run_id, record_no, reason)
                FROM rejected_rows)""").fetchall()
    finally:
        con.close()
    return str(rows[0][0])


def run_refresh(postings: int, share: float, repeat: int) -> None:
    """A nightly refresh: last night's ``postings`` loaded, then tonight's file of as many postings of which
    ``share`` repeat last night's (same ids). Tonight's load with the known-posting check (the default) and
    without it (``ETL_SKIP_KNOWN=0``, extracting every row as before), alternately, each on a copy of last
    night's warehouse; the two must decide the same (a digest of every posting and duplicate row)."""
    import shutil

    from etl.demo import Generator, writers

    with tempfile.TemporaryDirectory(prefix="bench-refresh-") as tmp:
        root = Path(tmp)
        new = round(postings * (1 - share))
        t0 = time.perf_counter()
        made = list(Generator(1).postings(postings + new))
        night1, night2 = root / "night1.csv", root / "night2.csv"
        writers.write_jobspy(night1, made[:postings])
        writers.write_jobspy(night2, made[new:])
        del made
        print(f"generated {postings:,} postings and tonight's {postings:,} ({postings - new:,} repeated, "
              f"{share:.0%}) in {time.perf_counter() - t0:.1f} s", flush=True)
        base = root / "base"
        base.mkdir()
        res, _, _ = _run_sampled([sys.executable, "-m", "etl", "load", str(night1), "--db",
                                  str(base / "wh.duckdb"), "--json", "--no-progress"])
        if res.returncode != 0:
            print(res.stderr[-2000:])
            raise SystemExit("last night's load failed")
        off = "check off (ETL_SKIP_KNOWN=0)"
        figures: dict[str, list[tuple[float, float, int]]] = {"check on": [], off: []}
        digests: dict[str, set[str]] = {k: set() for k in figures}
        timing: dict[str, list[str]] = {}
        for r in range(repeat):
            for mode in (list(figures) if r % 2 == 0 else list(reversed(figures))):
                run = root / f"run-{r}-{mode.split()[1]}"
                shutil.copytree(base, run, symlinks=True)
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                t0 = time.perf_counter()
                res, peak, helper_cpu = _run_sampled(
                    [sys.executable, "-m", "etl", "load", str(night2), "--db", str(run / "wh.duckdb"),
                     "--json", "--no-progress"],
                    env={"ETL_SKIP_KNOWN": "1" if mode == "check on" else "0"},
                )
                wall = time.perf_counter() - t0
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                if res.returncode != 0:
                    print(res.stderr[-2000:])
                    raise SystemExit("tonight's load failed")
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime) + helper_cpu
                summary = json.loads(res.stdout.strip().splitlines()[-1])
                figures[mode].append((wall, cpu, peak))
                timing[mode] = [line for line in res.stderr.splitlines() if line.startswith("timing ")]
                digests[mode].add(_outcome_digest((run / "wh.duckdb").resolve()))
                print(f"  {mode}: {summary['read']:,} read, {summary['loaded']:,} loaded, "
                      f"{summary['duplicates']:,} duplicates in {wall:.1f} s wall, {cpu:.1f} CPU-s",
                      flush=True)
                shutil.rmtree(run)
        med = {m: (statistics.median(w for w, _, _ in v), statistics.median(c for _, c, _ in v),
                   max(p for _, _, p in v)) for m, v in figures.items()}
        for mode, (wall, cpu, peak) in med.items():
            print(f"tonight's load, {mode}: median {wall:.1f} s wall = {postings / wall:,.0f} postings/s, "
                  f"{cpu:.1f} CPU-s = {postings / cpu:,.0f} postings per CPU-second, "
                  f"peak {peak / 1e6:,.0f} MB")
        (on_wall, on_cpu, _), (off_wall, off_cpu, _) = med.values()
        print(f"ratio without / with the check: {off_wall / on_wall:.2f}x wall, {off_cpu / on_cpu:.2f}x CPU "
              f"(median of {repeat} alternated pairs)")
        for mode, lines in timing.items():
            print(f"where the time went, {mode} (the last run; CPU of the loading process per phase):")
            print("\n".join(lines))
        same = len(digests["check on"] | digests[off]) == 1
        print(f"decisions identical with and without the check: {'yes' if same else 'NO'}")
        if not same:
            raise SystemExit("the known-posting check changed what the load decided")

