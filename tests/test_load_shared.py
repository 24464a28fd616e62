"""Every real dataset under ../shared/datasets loads through ``python -m etl load DIR --json`` with nothing
lost, no file failed, and loading it again adds nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import duckdb
import pytest
from conftest import PROJECT, SHARED

from etl.warehouse import paths

# Every dataset folder present (so a newly added sample is tested without editing this file) and
# every name known today (so a sample gone from ../shared fails; all skip only when ../shared is absent).
KNOWN = ["arbeitnow-api-de", "ashby-job-boards", "francetravail-api-fr", "getinit-berlin-it-de",
         "glassdoor-ds-jobs", "gupy-nerdin-br", "hn-whoishiring-mapped", "jobspy-linkedin-india",
         "linkedin-kaggle-postings-sample", "nofluffjobs-warsaw-pl", "remoteok-api"]
_FOUND = (
    sorted(p.name for p in (SHARED / "datasets").iterdir() if p.is_dir())
    if (SHARED / "datasets").is_dir()
    else []
)
DATASETS = sorted({*_FOUND, *KNOWN})
# The adapter each sample is recognised by (a sample read by the generic reader would lose its quirks'
# handling).
FORMATS = {
    "arbeitnow-api-de": "arbeitnow",
    "ashby-job-boards": "ashby",
    "francetravail-api-fr": "francetravail",
    "getinit-berlin-it-de": "getinit",
    "glassdoor-ds-jobs": "glassdoor",
    "gupy-nerdin-br": "gupy",
    "hn-whoishiring-mapped": "hackernews",
    "jobspy-linkedin-india": "jobspy",
    "linkedin-kaggle-postings-sample": "linkedin",
    "nofluffjobs-warsaw-pl": "nofluffjobs",
    "remoteok-api": "remoteok",
}


def _cli_load(folder: Path, db: Path) -> dict[str, Any]:
    done = subprocess.run([sys.executable, "-m", "etl", "load", str(folder), "--db", str(db), "--json"],
                          cwd=PROJECT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


FirstLoads = Callable[[Path, str], tuple[Path, dict[str, Any]]]


@pytest.fixture(scope="module")
def first_loads(tmp_path_factory: pytest.TempPathFactory) -> FirstLoads:
    """Each sample's first load (``python -m etl load DIR --json`` into a new warehouse), made once for the
    module: the load test reloads it, the known counts read its summary (they loaded four samples again)."""
    made: dict[str, tuple[Path, dict[str, Any]]] = {}

    def first(datasets: Path, name: str) -> tuple[Path, dict[str, Any]]:
        if name not in made:
            db = tmp_path_factory.mktemp("first-load") / "wh.duckdb"
            made[name] = (db, _cli_load(datasets / name, db))
        return made[name]

    return first


@pytest.mark.shared
@pytest.mark.parametrize("name", DATASETS)
def test_real_dataset_loads_with_nothing_lost_and_reloads_as_no_op(
        shared_datasets: Path, first_loads: FirstLoads, name: str) -> None:
    db, first = first_loads(shared_datasets, name)
    files = first["per_file"]
    assert isinstance(files, list) and files, "no files found"
    for f in files:
        assert f["status"] == "ok", (f["path"], f["message"])
        assert f["read"] == f["loaded"] + f["duplicates"] + f["rejected"] > 0, f
        if name in FORMATS:
            assert f["format"] == FORMATS[name], f
    assert first["failed_files"] == 0 and first["loaded"] > 0  # type: ignore[operator]
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    stored = con.execute("SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM duplicate_postings), "
                         "(SELECT count(*) FROM rejected_rows)").fetchone()
    con.close()
    assert stored == (first["loaded"], first["duplicates"], first["rejected"])
    version = paths.current_version(db)
    again = _cli_load(shared_datasets / name, db)
    assert again["loaded"] == 0 and again["read"] == first["read"] and again["duplicates"] == first["read"]
    assert again["failed_files"] == 0
    assert paths.current_version(db) == version


@pytest.mark.shared
def test_known_duplicate_and_reject_counts(
        shared_datasets: Path, first_loads: FirstLoads) -> None:
    """SOURCE.md facts: JobSpy history has 745 rows but 626 distinct ids; Glassdoor repeats 356 rows;
    Arbeitnow's
    four snapshots hold 400 jobs but 306 distinct slugs; get in IT has 152 bot-check rows among 852."""
    _, jobspy = first_loads(shared_datasets, "jobspy-linkedin-india")  # LoadSummary.as_json()
    assert jobspy["read"] == 745 and jobspy["loaded"] + jobspy["rejected"] <= 626
    _, glassdoor = first_loads(shared_datasets, "glassdoor-ds-jobs")
    assert glassdoor["read"] == 956 and glassdoor["duplicates"] >= 356
    _, arbeitnow = first_loads(shared_datasets, "arbeitnow-api-de")
    assert arbeitnow["read"] == 400 and arbeitnow["loaded"] <= 306 and arbeitnow["duplicates"] >= 94
    _, getinit = first_loads(shared_datasets, "getinit-berlin-it-de")
    assert getinit["read"] == 852 and getinit["rejected"] == 152
    assert getinit["per_file"][0]["reasons"] == {  # type: ignore[index]
        "bot-check page ('Roboter oder Mensch?'), not a posting": 152}
