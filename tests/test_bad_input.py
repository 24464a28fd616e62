"""Bad input gets one clear line or quarantined rows, never a traceback."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]


def load(*paths: Path, db: Path, extra: tuple[str, ...] = ()) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "etl", "load", *map(str, paths), "--db", str(db), "--json", *extra],
        cwd=PROJECT,
        capture_output=True,
        text=True,
        env=os.environ.copy(),
        timeout=600,  # a guard against a hang, not a speed check: a loaded CI machine took >120 s once
    )


def _summary(res: subprocess.CompletedProcess[str]) -> dict:
    return json.loads(res.stdout.strip().splitlines()[-1])


@pytest.mark.parametrize(("name", "content", "fmt", "needle"), [
    ("empty.csv", b"", None, "empty"),
    ("blank.json", b"   \n\n", None, "empty"),
    ("binary.csv", bytes(range(256)) * 40, None, "binary"),
    ("truncated.json", b'{"jobs": [{"id": 1, "title": "Senior Engineer", "content": "x"}, {"id": 2, "ti',
     None, "JSON"),
    ("missing_column.csv", b"id,site,job_url,company,description\nli-1,linkedin,https://x/1,Acme,hello\n",
     "jobspy", "title"),
    ("no_usable_column.csv", b"foo,bar\n1,2\n", None, "not recognised"),
])
def test_unreadable_file_fails_with_one_line(tmp_path: Path, name: str, content: bytes, fmt: str | None,
                                             needle: str) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    res = load(bad, db=tmp_path / "wh.duckdb", extra=("--format", fmt) if fmt else ())
    assert "Traceback" not in res.stderr
    assert res.returncode == 2
    summary = _summary(res)
    assert summary["failed_files"] == 1 and summary["read"] == 0
    message = summary["per_file"][0]["message"]
    assert needle.lower() in message.lower() and "\n" not in message


def test_wrong_encoding_still_loads_every_row(tmp_path: Path) -> None:
    f = tmp_path / "latin1.csv"
    f.write_bytes("title,company,description,location\n"
                  "Senior Développeur Python,Société Générale,Expérience Python et Django requise,Paris\n"
                  "Senior Engineer,Zürich AG,Go and Kubernetes,Zürich\n".encode("cp1252"))
    res = load(f, db=tmp_path / "wh.duckdb")
    assert res.returncode == 0, res.stderr
    s = _summary(res)
    assert s["read"] == 2 and s["loaded"] == 2


def test_a_50_mb_field_is_quarantined_not_loaded(tmp_path: Path) -> None:
    f = tmp_path / "huge.csv"
    with open(f, "w", encoding="utf-8") as fh:
        fh.write("title,company,description\n")
        fh.write("Senior Engineer,Acme,Python and Go\n")
        fh.write('Staff Engineer,Acme,"' + "x" * 50_000_000 + '"\n')
        fh.write("Lead Engineer,Acme,Rust and C++\n")
    res = load(f, db=tmp_path / "wh.duckdb")
    assert res.returncode == 0, res.stderr
    s = _summary(res)
    assert (s["read"], s["loaded"], s["rejected"]) == (3, 2, 1)
    reasons = s["per_file"][0]["reasons"]
    assert any("larger than" in r for r in reasons)


def test_missing_path_is_one_line(tmp_path: Path) -> None:
    res = load(tmp_path / "nope.csv", db=tmp_path / "wh.duckdb")
    assert res.returncode == 2 and "Traceback" not in res.stderr
    assert "no such file" in res.stderr
