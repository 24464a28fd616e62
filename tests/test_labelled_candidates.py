"""The frozen candidate lists' maker (etl.labelled_candidates): the undrawn records the code is silent on."""

from __future__ import annotations

import json
from pathlib import Path

from etl.labelled_candidates import main, pool, silent_fields


def _board(tmp_path: Path) -> Path:
    folder = tmp_path / "datasets" / "board"
    folder.mkdir(parents=True)
    about = "We build invented payment tools for small shops and write our services in Python and Go. " * 3
    (folder / "a.json").write_text(json.dumps([
        {"id": 1, "title": "Senior Backend Engineer", "description": "This role is fully remote. " + about},
        {"id": 2, "title": "Backend Engineer", "description": "Join our team of nine. " + about},
    ]), encoding="utf-8")
    return tmp_path / "datasets"


def test_the_pool_is_every_undrawn_record_and_each_gets_its_silent_fields(tmp_path: Path) -> None:
    datasets = _board(tmp_path)
    sample = tmp_path / "sample.jsonl"
    sample.write_text("")
    refs = pool(datasets, "board", "en", sample)
    assert sorted(r["record_no"] for r in refs) == [1, 2]
    said = {lb["record_no"]: silent for lb, silent in silent_fields(refs, datasets, ("seniority", "remote"))}
    assert said == {1: [], 2: ["seniority", "remote"]}


def test_a_drawn_record_is_not_in_the_pool(tmp_path: Path) -> None:
    datasets = _board(tmp_path)
    sample = tmp_path / "sample.jsonl"
    sample.write_text(json.dumps({"dataset": "board", "file": "a.json", "record_no": 1, "split": "tune"})
                      + "\n")
    assert [r["record_no"] for r in pool(datasets, "board", "en", sample)] == [2]


def test_unknown_fields_are_refused(tmp_path: Path, capsys) -> None:  # type: ignore[no-untyped-def]
    try:
        main([str(tmp_path), "--dataset", "board", "--language", "en", "--fields", "pay",
              "--out", str(tmp_path / "x.jsonl")])
    except SystemExit as exc:
        assert exc.code == 2
    assert "unknown ['pay']" in capsys.readouterr().err
    assert not (tmp_path / "x.jsonl").exists()
