"""Shared test fixtures.

* An autouse fixture points WAREHOUSE_DB at a temporary path and moves the working
  directory to a temp folder, so no test ever reads or writes the developer's own
  data/warehouse.duckdb (harlequin's ``small_duck`` idea).
* ``shared_datasets`` gives ../shared/datasets read-only, or skips cleanly.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[1]
SHARED = PROJECT.parent / "shared"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(autouse=True)
def _isolated_warehouse(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    home = tmp_path_factory.mktemp("wh")
    db = home / "warehouse.duckdb"
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    return db


@pytest.fixture
def shared_datasets() -> Path:
    path = SHARED / "datasets"
    if not path.is_dir():
        pytest.skip("../shared/datasets is not present")
    return path


@pytest.fixture
def golden_dir() -> Path:
    path = SHARED / "golden"
    if not path.is_dir():
        pytest.skip("../shared/golden is not present")
    return path


@pytest.fixture
def project_root() -> Path:
    return PROJECT


def pytest_configure(config: pytest.Config) -> None:
    os.environ.setdefault("MPLBACKEND", "Agg")
