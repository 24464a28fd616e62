"""The load's memory is bounded by DuckDB's own settings on the loading connection (issue 10 point 5).

Not a timed or measured test (the machine is shared): the settings are read back from the connection the
load writes with, and the spill folder a killed load leaves is removed by the next load.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

import etl.warehouse.batch as batch_mod
from etl.demo import write_raw
from etl.warehouse import builder, paths
from etl.warehouse.loader import LOAD_MEMORY_LIMIT, load_paths


def _bytes(setting: str) -> int:
    """A DuckDB memory setting as bytes, parsed by DuckDB itself."""
    con = duckdb.connect()
    try:
        con.execute(f"SET memory_limit = '{setting}'")
        return con.execute("SELECT current_setting('memory_limit')").fetchone()[0]  # type: ignore[index]
    finally:
        con.close()


@pytest.fixture(scope="module")
def raw(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("raw")
    write_raw(out, 60, seed=4, formats=("jobspy",))
    return out


def test_the_loading_connection_runs_with_the_memory_bound_and_a_spill_folder(
    raw: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: dict[str, object] = {}
    real_init = batch_mod.BatchWriter.__init__

    def spy(self, con, *args, **kwargs):  # type: ignore[no-untyped-def]
        seen["limit"], seen["temp"], seen["db"] = con.execute(
            "SELECT current_setting('memory_limit'), current_setting('temp_directory'), "
            "(SELECT path FROM duckdb_databases() WHERE database_name = current_database())").fetchone()
        real_init(self, con, *args, **kwargs)

    monkeypatch.setattr(batch_mod.BatchWriter, "__init__", spy)
    db = tmp_path / "wh.duckdb"
    load_paths([raw], db, progress=False, workers=1)
    assert seen["limit"] == _bytes(LOAD_MEMORY_LIMIT) == _bytes("1GB")  # not DuckDB's 80% of the RAM
    version = Path(str(seen["db"]))
    assert version.parent == paths.versions_dir(db)
    assert Path(str(seen["temp"])) == builder.temp_dir(version)  # beside the version, removed with it
    assert not builder.temp_dir(version).exists()  # nothing left once the load closed


def test_a_killed_loads_spill_folder_is_removed_by_the_next_load(raw: Path, tmp_path: Path) -> None:
    db = tmp_path / "wh.duckdb"
    load_paths([raw], db, progress=False, workers=1)
    vdir = paths.versions_dir(db)
    stale = vdir / "v-20000101T000000000000-abcdef.duckdb.tmp"  # as a load killed mid-sort leaves it
    stale.mkdir()
    (stale / "duckdb_temp_storage-0.tmp").write_bytes(b"\0" * 1024)
    load_paths([raw], db, progress=False, workers=1, meta={"note": "republish"})
    assert not stale.exists()
    assert sorted(p.name for p in vdir.iterdir() if p.suffix == ".tmp") == []
