"""Later batches (etl.later_labels): tune records labelled later for fields their batch did not label."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from etl import later_labels as ll
from etl.evaluate import evaluate_set
from etl.real_labels import REAL_DIR, load_real_labels, ref_of
from etl.record import SourceError

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "real_eval"
DATASETS, LABELS = FIXTURE / "datasets", FIXTURE / "labels"
BATCH = "  - seed: real-later-v1\n    fields: [degree, remote]\n    quotas:\n      board: {en: 5}\n"


@pytest.fixture()
def labels(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The evaluator's fixture labels, record 1 (tune) labelled for skills and seniority only, and one later
    batch asking degree and remote."""
    out = tmp_path / "labels"
    shutil.copytree(LABELS, out)
    board = out / "board.jsonl"
    rows = [json.loads(line) for line in board.read_text().splitlines()]
    rows[0]["expected"] = {"skills": rows[0]["expected"]["skills"], "seniority": "senior"}
    board.write_text("".join(json.dumps(r) + "\n" for r in rows))
    batches = tmp_path / "later_batches.yaml"
    batches.write_text("batches:\n" + BATCH, encoding="utf-8")
    monkeypatch.setattr(ll, "LATER_FILE", batches)
    return out


def _draw(labels: Path) -> list[dict]:
    (batch,) = ll.load_later_batches(ll.LATER_FILE).values()
    rows = ll.draw_later(batch, labels)
    (labels / "later").mkdir(exist_ok=True)
    (labels / "later" / ll.DRAW_NAME).write_text("".join(json.dumps(r) + "\n" for r in rows))
    return rows


def test_a_later_batch_draws_only_tune_records_whose_label_lacks_its_fields(labels: Path) -> None:
    # record 1: tune, no degree or remote label -> drawn; 3: excluded; 4 and odd #1: labelled for both;
    # 2 and 5: test records, never drawn
    rows = _draw(labels)
    assert [(r["dataset"], r["record_no"], r["split"], r["batch"]) for r in rows] == [
        ("board", 1, "tune", "real-later-v1")]
    # a record drawn for a field is not drawn again by a later batch asking it
    again = ll.LaterBatch("real-later-v2", ("remote",), {("board", "en"): 5})
    assert ll.draw_later(again, labels) == []
    # a batch asking a field the record's label holds does not draw it
    assert ll.draw_later(ll.LaterBatch("real-later-v3", ("seniority",), {("board", "en"): 5}), labels) == []


def _label(labels: Path, **change: object) -> None:
    row = {"batch": "real-later-v1", "dataset": "board", "file": "jobs.json", "record_no": 1,
           "title_sha1": "644721818ccd", "split": "tune", "language": "en",
           "expected": {"degree": None, "remote": "onsite"}}
    row.update(change)
    (labels / "later" / "real-later-v1.jsonl").write_text(json.dumps(row) + "\n")


@pytest.mark.parametrize(("change", "says"), [
    ({"expected": {"degree": None}}, "labels degree, remote only"),
    ({"expected": {"degree": None, "remote": "onsite", "city": "Austin"}}, "labels degree, remote only"),
    ({"title_sha1": "000000000000"}, "split and title_sha1 must be the draw's"),
    ({"record_no": 4}, "is not in real-later-v1's draw"),
    ({"batch": "real-later-v9"}, "is not in real-later-v9's draw"),
    ({"language": "english"}, "ISO 639-1"),
    ({"expected": None, "exclude": " "}, "exclude needs a reason"),
])
def test_a_later_label_that_breaks_its_draw_is_refused(labels: Path, change: dict, says: str) -> None:
    _draw(labels)
    _label(labels, **change)
    with pytest.raises(SourceError, match=says):
        ll.load_later_labels(labels)


def test_a_record_labelled_twice_in_one_batch_is_refused(labels: Path) -> None:
    _draw(labels)
    _label(labels)
    path = labels / "later" / "real-later-v1.jsonl"
    path.write_text(path.read_text() * 2)
    with pytest.raises(SourceError, match="labelled twice"):
        ll.load_later_labels(labels)


def test_a_later_batch_is_scored_alone_and_joins_the_tune_half(labels: Path) -> None:
    before = evaluate_set("real-tune", DATASETS, labels)
    _draw(labels)
    _label(labels)
    alone = evaluate_set("real-later-v1", DATASETS, labels)
    assert (alone["set"], alone["labelled"], alone["postings"]) == ("real-later-v1", 1, 1)
    # only its own fields are scored: the posting says hybrid (the fixture's record 1), labelled onsite here
    assert alone["fields"]["remote"]["labelled"] == 1 and alone["fields"]["remote"]["accuracy"] == 0.0
    assert alone["fields"]["seniority"]["labelled"] == 0
    after = evaluate_set("real-tune", DATASETS, labels)
    assert after["labelled"] == before["labelled"] + 1
    assert after["fields"]["remote"]["labelled"] == before["fields"]["remote"]["labelled"] + 1


@pytest.mark.parametrize(("text", "says"), [
    ("batches:\n" + BATCH * 2, "a new name"),
    ("batches:\n" + BATCH.replace("real-later-v1", "real-fresh-v1"), "a new name starting 'real-later-'"),
    ("batches:\n" + BATCH.replace("[degree, remote]", "[degree, pay]"), "'fields' lists label fields"),
    ("batches:\n" + BATCH.replace("{en: 5}", "{en: 0}"), "no positive integer"),
    # a held-out batch (split: test) is named outside the tune prefix (tests/test_later_labels_held_out.py)
    ("batches:\n" + BATCH.replace("    fields", "    split: test\n    fields"),
     "starting 'real-test-later-'"),
])
def test_a_later_batches_file_that_could_not_reproduce_a_draw_is_refused(
    tmp_path: Path, text: str, says: str
) -> None:
    path = tmp_path / "later_batches.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=says):
        ll.load_later_batches(path)


def test_the_committed_later_draws_are_tune_records_whose_label_lacks_their_fields() -> None:
    # labels only: no shared dataset is read
    batches = ll.load_later_batches(ll.LATER_FILE)
    # split None: every label, the held-out test batches' too (a held-out later batch draws among them)
    original = {ref_of(lb): lb for lb in load_real_labels(REAL_DIR)}
    for row in ll.draws():
        label = original[ref_of(row)]
        assert label["split"] == batches[row["batch"]].split == row["split"] and "exclude" not in label, row
        assert not set(label["expected"]) & set(batches[row["batch"]].fields), row
    ll.load_later_labels()  # every committed later label is valid against its draw
    ll.load_later_labels(split="test")


@pytest.mark.parametrize(("cue", "drawn"), [
    (r"three days a week", [1]),  # record 1's text says it
    (r"\bhybrid\b", [1]),  # case-insensitive
    (r"fully remote from anywhere", []),  # no record says it: nothing drawn
])
def test_a_cue_draws_only_records_whose_text_holds_it(labels: Path, cue: str, drawn: list[int]) -> None:
    batch = ll.LaterBatch("real-later-v1", ("degree", "remote"), {("board", "en"): 5}, cue)
    assert [r["record_no"] for r in ll.draw_later(batch, labels, DATASETS)] == drawn


def test_a_batch_without_a_cue_draws_as_before(labels: Path) -> None:
    # the optional key changes nothing for the batches drawn before it existed
    plain = ll.LaterBatch("real-later-v1", ("degree", "remote"), {("board", "en"): 5})
    assert [r["record_no"] for r in ll.draw_later(plain, labels, DATASETS)] == [1]


@pytest.mark.parametrize(("extra", "says"), [
    ("    cue: '(unclosed'\n", "'cue' is a regular expression"),
    ("    cue: ''\n", "'cue' is a regular expression"),
    ("    colour: red\n", "keys are seed, fields, quotas and optionally cue"),
])
def test_a_bad_cue_or_key_is_refused(tmp_path: Path, extra: str, says: str) -> None:
    path = tmp_path / "later_batches.yaml"
    path.write_text("batches:\n" + BATCH + extra, encoding="utf-8")
    with pytest.raises(ValueError, match=says):
        ll.load_later_batches(path)


def test_a_cue_is_read_from_the_batch_file(tmp_path: Path) -> None:
    path = tmp_path / "later_batches.yaml"
    path.write_text("batches:\n" + BATCH + "    cue: '\\bhybrid\\b'\n", encoding="utf-8")
    assert ll.load_later_batches(path)["real-later-v1"].cue == r"\bhybrid\b"
