"""Run a script against the extraction code as it was at an earlier commit (the bench experiments' honest
yardstick, issue 9): each fresh batch is read by the code of the commit that added its labels, before any rule
was changed on it, so a model is compared with rules that never saw the batch.

The commit's ``etl`` package is taken with ``git archive`` into a temporary folder and put first on the
script's ``PYTHONPATH``; the script prints one JSON object a line, each with a ``key``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

# The code each fresh batch was first scored with (the commit that added its labels).
CODE_BEFORE = {
    "real-fresh-v1": "deae8fe",
    "real-fresh-v2": "9bfb874",
    "real-fresh-v3": "01e6c24",
    "real-fresh-v5": "593553d",
    "real-fresh-v6": "e48a6a7",
    "real-fresh-v7": "c286e32",
}


def run_at(
    commit: str, script: Path, args: Sequence[str] = (), stdin: str | None = None
) -> dict[str, dict[str, Any]]:
    """``script``'s JSON lines by their ``key``, run with the ``etl`` package of ``commit``."""
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "-C", str(ROOT), "archive", commit, "etl"], check=True, capture_output=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        out = subprocess.run(
            [sys.executable, str(script), *args],
            env={**os.environ, "PYTHONPATH": tmp},
            input=stdin,
            check=True,
            capture_output=True,
            text=True,
            cwd=tmp,
        ).stdout
    return {d["key"]: d for d in map(json.loads, out.splitlines())}
