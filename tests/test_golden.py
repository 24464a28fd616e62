"""Golden checks: the reference description, and the committed labelled set against its targets."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from etl.evaluate import evaluate, quality_rows, stored_scores
from etl.extract import extract


@pytest.fixture(scope="module")
def scored() -> dict[str, Any]:
    return evaluate()


def test_golden_senior_software_developer(golden_dir: Path) -> None:
    text = (golden_dir / "senior_software_developer.txt").read_text(encoding="utf-8")
    want = json.loads((golden_dir / "senior_software_developer.expected.json").read_text(encoding="utf-8"))
    out = extract({"id": "golden", "title": "Senior Software Developer", "description": text})
    assert out["skills"] == sorted(want["skills"])
    assert not set(out["skills"]) & set(want["skills_absent"])
    assert out["experience_years"] == want["experience_years"]
    assert out["degree"] == want["degree"]
    assert out["seniority"] == want["seniority"]
    assert out["salary"] == want["salary"]


def test_labelled_set_meets_targets(scored: dict[str, Any]) -> None:
    """The regression guard: every target of etl.evaluate.TARGETS on the committed labelled set."""
    result = scored
    failed = {m: round(t["value"], 3) for m, t in result["targets"].items() if not t["pass"]}
    examples = {f: errs[:3] for f, errs in result["errors"].items() if errs and f != "city"}
    assert not failed, (
        f"below target: {failed}; run `python -m etl evaluate --errors 20`. Examples: {examples}"
    )


def test_saved_scores_are_those_of_the_committed_code(scored: dict[str, Any]) -> None:
    """What every load copies into the warehouse for the Data page is what today's extraction scores."""
    assert [r for r in stored_scores() if r["labelled_set"] == "synthetic"] == quality_rows(scored), (
        "the extraction's scores changed: run `python -m etl evaluate --set synthetic --save` and commit "
        "etl/data/labelled/scores.json")
