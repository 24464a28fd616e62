"""Load throughput: generated JobSpy CSV -> published warehouse, against DuckDB's plain read_csv.

Prints postings/s and MB/s of a whole ``python -m etl load`` (parse, normalise,
extract, dedupe, publish), the time DuckDB's own ``read_csv`` takes to read the
same file in the same run, their ratio, and the peak resident memory of the load
process (ru_maxrss of the child).
"""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
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


def run(postings: int, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="bench-load-") as tmp:
        raw = Path(tmp) / "raw"
        t0 = time.perf_counter()
        write_raw(raw, postings, seed=1, formats=("jobspy",))
        csv = raw / "jobspy_demo.csv"
        size_mb = csv.stat().st_size / 1e6
        print(f"generated {postings:,} postings, {size_mb:,.0f} MB CSV in {time.perf_counter() - t0:.1f} s", flush=True)
        duck = _duckdb_read_seconds(csv)
        db = Path(tmp) / "wh.duckdb"
        before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        t0 = time.perf_counter()
        res = subprocess.run([sys.executable, "-m", "etl", "load", str(csv), "--db", str(db), "--json", "--no-progress"],
                             cwd=PROJECT, capture_output=True, text=True, env=os.environ.copy())
        elapsed = time.perf_counter() - t0
        peak_mb = max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss) / 1024
        if res.returncode != 0:
            print(res.stderr[-2000:])
            raise SystemExit("load failed")
        summary = json.loads(res.stdout.strip().splitlines()[-1])
        print(f"etl load: {summary['read']:,} read, {summary['loaded']:,} loaded in {elapsed:.1f} s "
              f"= {summary['read'] / elapsed:,.0f} postings/s, {size_mb / elapsed:,.1f} MB/s")
        print(f"duckdb read_csv of the same file: {duck:.1f} s = {postings / duck:,.0f} rows/s")
        print(f"ratio load / read_csv: {elapsed / duck:.1f}x")
        print(f"peak resident memory of the load: {peak_mb:,.0f} MB")
        print(f"warehouse size: {sum(f.stat().st_size for f in Path(tmp).rglob('*.duckdb')) / 1e6:,.0f} MB")
