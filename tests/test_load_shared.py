"""Every real dataset under ../shared/datasets loads with nothing lost, and loading it again adds nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from etl.warehouse import paths
from etl.warehouse.loader import load_paths

DATASETS = ["glassdoor-ds-jobs", "hn-whoishiring-mapped", "jobspy-linkedin-india", "linkedin-kaggle-postings-sample",
            "remoteok-api"]


@pytest.mark.shared
@pytest.mark.parametrize("name", DATASETS)
def test_real_dataset_loads_with_nothing_lost_and_reloads_as_no_op(shared_datasets: Path, tmp_path: Path,
                                                                  name: str) -> None:
    db = tmp_path / "wh.duckdb"
    first = load_paths([shared_datasets / name], db, progress=False, workers=1)
    assert first.files, "no files found"
    for f in first.files:
        assert f.status == "ok", (f.path, f.message)
        assert f.read == f.loaded + f.duplicates + f.rejected > 0
    t = first.totals()
    assert t["loaded"] > 0
    con = duckdb.connect(str(paths.current_version(db)), read_only=True)
    stored = con.execute("SELECT (SELECT count(*) FROM postings), (SELECT count(*) FROM duplicate_postings), "
                         "(SELECT count(*) FROM rejected_rows)").fetchone()
    con.close()
    assert stored == (t["loaded"], t["duplicates"], t["rejected"])
    version = paths.current_version(db)
    again = load_paths([shared_datasets / name], db, progress=False, workers=1).totals()
    assert again["loaded"] == 0 and again["read"] == t["read"] and again["duplicates"] == t["read"]
    assert paths.current_version(db) == version


@pytest.mark.shared
def test_known_duplicate_counts(shared_datasets: Path, tmp_path: Path) -> None:
    """SOURCE.md facts: JobSpy history has 745 rows but 626 distinct ids; Glassdoor repeats 356 rows."""
    jobspy = load_paths([shared_datasets / "jobspy-linkedin-india"], tmp_path / "a.duckdb", progress=False).totals()
    assert jobspy["read"] == 745 and jobspy["loaded"] + jobspy["rejected"] <= 626
    glassdoor = load_paths([shared_datasets / "glassdoor-ds-jobs"], tmp_path / "b.duckdb", progress=False).totals()
    assert glassdoor["read"] == 956 and glassdoor["duplicates"] >= 356
