"""Held-out later batches (issue 9, h19rtest): a later batch with ``split: test`` draws labelled TEST records,
labels only its fields (the role family), is scored and never read for misses, and adds its fields to the same
records' scores in real-test-all (a role-family row, nothing else moved); real-tune never holds it.

The fixture is tests/fixtures/real_eval (invented postings): record 5 (en) is in the frozen test half,
record 2 (de) is moved into a held-out test batch ``real-test-t``; here record 6 is an unlabelled test draw
and record 7 an excluded test record, both never drawn.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest

from etl import evaluate as ev
from etl import later_labels as ll
from etl.cli import main
from etl.evaluate import evaluate_set, markdown_report, quality_rows
from etl.record import SourceError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "real_eval"
DATASETS, LABELS = FIXTURE / "datasets", FIXTURE / "labels"
HELD_OUT = ("  - seed: real-test-later-v1\n    split: test\n    fields: [role_family]\n    quotas:\n"
            "      board: {de: 5, en: 5}\n")
TUNE = "  - seed: real-later-v1\n    fields: [role_family]\n    quotas:\n      board: {en: 5}\n"


@pytest.fixture()
def labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    import etl.labelled_sample as ls
    import etl.real_labels as rl

    monkeypatch.setattr(ls, "TEST_BATCHES", ("real-test-t",))
    monkeypatch.setattr(rl, "TEST_BATCHES", ("real-test-t",))
    out = tmp_path / "labels"
    shutil.copytree(LABELS, out)
    drawn = [json.loads(line) for line in (out / "sample.jsonl").read_text().splitlines()]
    german = next(r for r in drawn if r["record_no"] == 2)
    drawn = [r for r in drawn if r is not german]
    drawn += [{"dataset": "board", "file": "jobs.json", "record_no": n, "title_sha1": f"00000000000{n}",
               "order": n, "split": "test"} for n in (6, 7)]
    (out / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in drawn))
    (out / "sample-fresh.jsonl").write_text(json.dumps(dict(german, batch="real-test-t")) + "\n")
    with (out / "board.jsonl").open("a") as fh:  # 6 stays unlabelled; 7 is excluded
        fh.write(json.dumps({"dataset": "board", "file": "jobs.json", "record_no": 7,
                             "title_sha1": "000000000007", "split": "test",
                             "exclude": "an invented duplicate"}) + "\n")
    batches = tmp_path / "later_batches.yaml"
    batches.write_text("batches:\n" + TUNE + HELD_OUT, encoding="utf-8")
    monkeypatch.setattr(ll, "LATER_FILE", batches)
    return out


def _draw(labels: Path, seed: str = "real-test-later-v1") -> list[dict[str, Any]]:
    rows = ll.draw_later(ll.load_later_batches(ll.LATER_FILE)[seed], labels)
    (labels / "later").mkdir(exist_ok=True)
    with (labels / "later" / ll.DRAW_NAME).open("a") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def _label(labels: Path, families: dict[int, str], **change: Any) -> None:
    drawn = {r["record_no"]: r for r in ll.draws(labels) if r["batch"] == "real-test-later-v1"}
    rows = [dict({k: drawn[n][k] for k in ("batch", "dataset", "file", "record_no", "title_sha1", "split",
                                             "language")}, expected={"role_family": fam}, **change)
            for n, fam in families.items()]
    (labels / "later" / "real-test-later-v1.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows))


def test_a_held_out_batch_draws_only_labelled_test_records(labels: Path) -> None:
    # 5: frozen test half (en); 2: the held-out test batch (de); 6 unlabelled and 7 excluded: never drawn;
    # the tune records 1 and 4 never either
    rows = _draw(labels)
    assert sorted((r["record_no"], r["language"], r["split"], r["batch"]) for r in rows) == [
        (2, "de", "test", "real-test-later-v1"), (5, "en", "test", "real-test-later-v1")]
    # and a tune later batch still draws tune records only
    tune = _draw(labels, "real-later-v1")
    assert [(r["record_no"], r["split"]) for r in tune] == [(1, "tune"), (4, "tune")]


def test_its_labels_score_alone_and_in_real_test_all_never_in_real_tune(labels: Path) -> None:
    tune_before = evaluate_set("real-tune", DATASETS, labels)
    all_before = evaluate_set("real-test-all", DATASETS, labels)
    _draw(labels)
    _label(labels, {2: "software_engineering", 5: "other"})  # the rules say data for 5: one miss
    alone = evaluate_set("real-test-later-v1", DATASETS, labels)
    assert (alone["set"], alone["labelled"], alone["postings"]) == ("real-test-later-v1", 2, 2)
    assert alone["fields"]["role_family"] == {"correct": 1, "labelled": 2, "accuracy": 0.5,
                                              "ci": alone["fields"]["role_family"]["ci"]}
    assert "errors" not in alone and all("errors" not in p for p in alone["by_language"].values())

    after = evaluate_set("real-test-all", DATASETS, labels)
    assert after["fields"]["role_family"]["labelled"] == 2 and after["fields"]["role_family"]["correct"] == 1
    assert "role_family" not in all_before["fields"]
    # nothing else of real-test-all moves: the same records, the same other rows
    assert (after["labelled"], after["postings"]) == (all_before["labelled"], all_before["postings"])
    assert {f: s for f, s in after["fields"].items() if f != "role_family"} == all_before["fields"]
    assert after["skills"] == all_before["skills"] and "errors" not in after
    assert [r for r in quality_rows(after) if r["metric"] != "role_family"] == quality_rows(all_before)
    # published: the role-family row in scores.json's rows and the methodology block
    assert any(r["metric"] == "role_family" and r["n"] == 2 for r in quality_rows(after))
    assert any(line.startswith("| role family |") for line in markdown_report(after))

    tune_after = evaluate_set("real-tune", DATASETS, labels)
    assert "role_family" not in tune_after["fields"]
    assert tune_after["labelled"] == tune_before["labelled"]
    assert ll.load_later_labels(labels) == []  # a tune reader (the skill judge's training) never gets it
    assert len(ll.load_later_labels(labels, split="test")) == 2


def test_its_result_has_no_errors_and_misses_are_refused(
        labels: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _draw(labels)
    _label(labels, {2: "other", 5: "other"})
    args = ["--datasets", str(DATASETS), "--real-labels", str(labels)]
    for name in ("real-test-later-v1", "real-test-all"):
        assert main(["evaluate", *args, "--set", name, "--errors", "3"]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "never read for misses" in captured.err
        assert main(["evaluate", *args, "--set", name, "--json"]) == 0
        out = capsys.readouterr().out
        assert "jobs.json#" not in out and "errors" not in json.loads(out.strip().splitlines()[-1])


def test_saved_scores_of_real_test_all_gain_the_role_family_row(
        labels: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    scores = tmp_path / "scores.json"
    monkeypatch.setattr(ev, "SCORES", scores)
    _draw(labels)
    _label(labels, {2: "software_engineering", 5: "data"})
    args = ["--datasets", str(DATASETS), "--real-labels", str(labels)]
    assert main(["evaluate", *args, "--set", "real-test-all", "--save"]) == 0
    rows = [r for r in json.loads(scores.read_text()) if r["metric"] == "role_family"]
    assert [(r["labelled_set"], r["language"], r["n"], r["value"]) for r in rows] == [
        ("real-test-all", None, 2, 1.0), ("real-test-all", "de", 1, 1.0), ("real-test-all", "en", 1, 1.0)]
    # the held-out batch alone is not a published set
    capsys.readouterr()
    assert main(["evaluate", *args, "--set", "real-test-later-v1", "--save"]) == 2
    assert "--save stores" in capsys.readouterr().err


@pytest.mark.parametrize(("change", "says"), [
    ({"split": "tune"}, r"split and title_sha1 must be the draw's \(test"),
    ({"title_sha1": "000000000000"}, "split and title_sha1 must be the draw's"),
])
def test_a_held_out_label_that_breaks_its_draw_is_refused(labels: Path, change: dict, says: str) -> None:
    _draw(labels)
    _label(labels, {5: "data"}, **change)
    with pytest.raises(SourceError, match=says):
        ll.load_later_labels(labels, split="test")


@pytest.mark.parametrize(("text", "says"), [
    (HELD_OUT.replace("real-test-later-v1", "real-later-v9"), "a new name starting 'real-test-later-'"),
    (TUNE.replace("real-later-v1", "real-test-later-v9"), "a new name starting 'real-later-'"),
    (HELD_OUT.replace("split: test", "split: held"), "'split' is tune"),
])
def test_a_held_out_batch_is_named_outside_the_tune_prefix(tmp_path: Path, text: str, says: str) -> None:
    path = tmp_path / "later_batches.yaml"
    path.write_text("batches:\n" + text, encoding="utf-8")
    with pytest.raises(ValueError, match=says):
        ll.load_later_batches(path)


def test_the_split_key_is_optional_and_read(tmp_path: Path) -> None:
    path = tmp_path / "later_batches.yaml"
    path.write_text("batches:\n" + TUNE + HELD_OUT, encoding="utf-8")
    got = ll.load_later_batches(path)
    assert (got["real-later-v1"].split, got["real-test-later-v1"].split) == ("tune", "test")
