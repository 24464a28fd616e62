"""Import contracts: the query package and the ETL never import streamlit; pages draw, they never query."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def test_etl_and_analytics_do_not_import_streamlit() -> None:
    modules = sorted({".".join(p.relative_to(PROJECT).with_suffix("").parts)
                      for pkg in ("etl", "analytics") for p in (PROJECT / pkg).rglob("*.py")
                      if p.name != "__main__.py"})
    code = ("import importlib, sys\n"
            f"for m in {modules!r}:\n    importlib.import_module(m)\n"
            "bad = [m for m in sys.modules if m == 'streamlit' or m.startswith('streamlit.')]\n"
            "print(len(bad))\n")
    res = subprocess.run(
        [sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True, timeout=120
    )
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == "0"


def test_pages_and_ui_hold_no_sql_and_no_duckdb() -> None:
    sql = re.compile(r"\b(SELECT\s+.+\s+FROM|duckdb\.connect|\.execute\()", re.S)
    files = [*PROJECT.glob("pages/*.py"), *PROJECT.glob("ui/*.py"), PROJECT / "dashboard.py"]
    assert files
    offenders = [
        str(f.relative_to(PROJECT))
        for f in files
        if f.exists()
        and ("import duckdb" in f.read_text(encoding="utf-8") or sql.search(f.read_text(encoding="utf-8")))
    ]
    assert offenders == []
