"""The extraction's outputs are those of the committed snapshot (tests/fixtures/output_snapshot.json.gz):
on the labelled set, the demo generator's postings, the golden reference and every record of every shared
dataset, field by field (etl/snapshot.py says what it holds and how to regenerate it when an output
change is intended)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

import pytest

from etl import extract as extract_mod
from etl import snapshot


def _check(kinds: tuple[str, ...], shared: Path = snapshot.SHARED) -> snapshot.Report:
    report = snapshot.check(snapshot.load(), snapshot.compute(shared, kinds), kinds)
    assert report.ok, report.message()
    return report


def test_labelled_and_generated_outputs_identical_to_snapshot() -> None:
    report = _check(("labelled", "generated"))
    assert report.compared == 165 + snapshot.GENERATED


@pytest.mark.shared
def test_golden_and_every_shared_dataset_identical_to_snapshot(
    shared_datasets: Path, golden_dir: Path
) -> None:
    report = _check(("golden", "datasets"), shared_datasets.parent)
    assert not report.skipped
    assert report.compared > 10_000  # every record of the eleven samples (10,199 on 3 Dec 2026)


def test_a_changed_output_is_named_by_record_and_field(monkeypatch: pytest.MonkeyPatch) -> None:
    real = extract_mod.classify_roles_family

    def other(roles: Sequence[str] | None, title: str | None, text: str | None = None,
              heading: str | None = None, said: Sequence[str] | None = None) -> str | None:
        return "changed" if (title or "").startswith("Senior") else real(roles, title, text, heading, said)

    monkeypatch.setattr(extract_mod, "classify_roles_family", other)
    report = snapshot.check(snapshot.load(), snapshot.compute(kinds=("labelled",)), ("labelled",))
    assert not report.ok and list(report.changed) == ["labelled"]
    assert report.changed["labelled"] and all(f == ["role_family"] for _, f in report.changed["labelled"])
    message = report.message()
    assert "role_family" in message and "labelled L0" in message and "--update" in message


def test_a_changed_input_is_told_apart_from_a_changed_output() -> None:
    old = snapshot.load()
    labelled = old["labelled"]
    edited = snapshot.Unit("0" * 64, labelled.records)
    report = snapshot.check({**old, "labelled": edited}, snapshot.compute(kinds=("labelled",)), ("labelled",))
    assert report.input_changed == ["labelled"] and not report.changed


def test_the_snapshot_holds_digests_and_record_keys_only() -> None:
    """No posting text is committed: every value is a fixed-width string of hex digests."""
    width = snapshot.HEX * len(snapshot.FIELDS)
    digests = re.compile(rf"[0-9a-f]{{{width}}}|rejected:[0-9a-f]{{{snapshot.HEX}}}")
    key = re.compile(r"#\d+|[A-Za-z0-9_-]{1,40}")
    for name, unit in snapshot.load().items():
        assert re.fullmatch(r"[0-9a-f]{64}", unit.input), name
        for record, value in unit.records.items():
            assert key.fullmatch(record) and digests.fullmatch(value), (name, record)
