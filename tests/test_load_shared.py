"""Every real dataset under ../shared/datasets loads through ``python -m etl load DIR --json`` with nothing
lost, no file failed, and loading it again adds nothing."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from conftest import PROJECT, SHARED

from etl.warehouse import paths
from etl.warehouse.loader import load_paths

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


def _cli_load(folder: Path, db: Path) -> dict[str, object]:
    done = subprocess.run([sys.executable, "-m", "etl", "load", str(folder), "--db", str(db), "--json"],
                          cwd=PROJECT, capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stderr[-2000:]
    return json.loads(done.stdout.strip().splitlines()[-1])


@pytest.mark.shared
@pytest.mark.parametrize("name", DATASETS)
def test_real_dataset_loads_with_nothing_lost_and_reloads_as_no_op(shared_datasets: Path, tmp_path: Path,
                                                                  name: str) -> None:
    db = tmp_path / "wh.duckdb"
    first = _cli_load(shared_datasets / name, db)
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
def test_known_duplicate_and_reject_counts(shared_datasets: Path, tmp_path: Path) -> None:
    """SOURCE.md facts: JobSpy history has 745 rows but 626 distinct ids; Glassdoor repeats 356 rows;
    Arbeitnow's
    four snapshots hold 400 jobs but 306 distinct slugs; get in IT has 152 bot-check rows among 852."""
    jobspy = load_paths(
        [shared_datasets / "jobspy-linkedin-india"], tmp_path / "a.duckdb", progress=False
    ).totals()
    assert jobspy["read"] == 745 and jobspy["loaded"] + jobspy["rejected"] <= 626
    glassdoor = load_paths(
        [shared_datasets / "glassdoor-ds-jobs"], tmp_path / "b.duckdb", progress=False
    ).totals()
    assert glassdoor["read"] == 956 and glassdoor["duplicates"] >= 356
    arbeitnow = load_paths(
        [shared_datasets / "arbeitnow-api-de"], tmp_path / "c.duckdb", progress=False
    ).totals()
    assert arbeitnow["read"] == 400 and arbeitnow["loaded"] <= 306 and arbeitnow["duplicates"] >= 94
    getinit = load_paths([shared_datasets / "getinit-berlin-it-de"], tmp_path / "d.duckdb", progress=False)
    assert getinit.totals()["read"] == 852 and getinit.totals()["rejected"] == 152
    assert getinit.files[0].reasons == {"bot-check page ('Roboter oder Mensch?'), not a posting": 152}
