"""The committed real-posting sample is exactly what the fixed-seed draw gives."""

from __future__ import annotations

import json
from pathlib import Path

from etl.labelled_sample import draw

SAMPLE = Path(__file__).resolve().parents[1] / "etl/data/labelled/real/sample.jsonl"


def test_sample_is_the_seeded_draw(shared_datasets: Path) -> None:
    committed = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert draw(shared_datasets, per_dataset=85) == committed


def test_extending_the_draw_keeps_every_earlier_reference_and_split(shared_datasets: Path) -> None:
    # The sample grew from 40 to 60 records per dataset (issue 9, second labelling round), then to 70, 80, 84
    # and 85 (fresh tune batches to check that rules generalise): every earlier draw is a prefix of the later
    # one. (random.sample changes its method with the share drawn, so not every size is a prefix: 86 is not.)
    latest = draw(shared_datasets, per_dataset=85)
    for n in (40, 60, 70, 80, 84):
        assert [r for r in latest if r["order"] < n] == draw(shared_datasets, per_dataset=n)


def test_halves_are_stratified_by_source() -> None:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    by_source: dict[str, list[str]] = {}
    for row in rows:
        by_source.setdefault(row["dataset"], []).append(row["split"])
    for splits in by_source.values():
        assert abs(splits.count("tune") - splits.count("test")) <= 1
    assert len({(r["dataset"], r["file"], r["record_no"]) for r in rows}) == len(rows)
