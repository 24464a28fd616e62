"""A load whose publish runs out of DuckDB's memory limit says which setting to raise, publishes nothing and
leaves nothing behind (issue 10: a 5,000,000-posting load at the 1GB default failed at its publish with
DuckDB's bare "Out of Memory Error: failed to pin block ..."; docs/performance.md). A real load in a real
process: 3,000 demo postings are written within an 8MB limit, and the rollups of the publish are not."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _etl(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "etl", *args], cwd=ROOT, capture_output=True, text=True,
                          env={**os.environ, **(env or {})}, timeout=600)


def test_a_publish_out_of_memory_names_the_limit_and_publishes_nothing(tmp_path: Path) -> None:
    raw, db = tmp_path / "raw", tmp_path / "wh.duckdb"
    assert _etl("demo", "--raw", str(raw), "--postings", "3000").returncode == 0
    res = _etl("load", str(raw), "--db", str(db), "--no-progress", env={"ETL_MEMORY_LIMIT": "8MB"})
    assert res.returncode == 2, res.stderr[-500:]
    err = res.stderr.strip().splitlines()[-1]
    assert "ETL_MEMORY_LIMIT=8MB" in err and "raise it" in err and "unchanged" in err, err
    assert not db.exists()  # nothing published
    versions = db.with_name(db.name + ".d")
    assert not versions.exists() or not any(versions.iterdir())  # and no version or spill folder left
