"""The work-arrangement sentence model (etl/remote_model.py; a gap filler of the rules the extraction leaves
off unless ``ETL_REMOTE_MODEL`` is ``fill`` or ``fill-p70``); wording invented."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from etl import extract, remote_labels
from etl import remote_model as rmod
from etl.remote_model_train import train_from_labels

# The committed model's answers, recorded right or wrong (a change of the weights shows here).
RECORDED = [
    ("This job is fully remote, from anywhere.", "remote"),
    ("Hybrid: two days a week in our Leeds office.", "hybrid"),
    ("We offer a gym in the office and free snacks.", "none"),
    ("Remote work possible two days a week.", "hybrid"),
    ("Experience with mobile apps.", "none"),
    ("Location: Remote", "remote"),
    ("ONSITE", "onsite"),
    ("Home-Office", "hybrid"),
    # the first model's misreads, right since the third batch of labels
    ("The position sits on site at our factory, every weekday.", "onsite"),
    ("100% Homeoffice möglich.", "remote"),
    # misreads of the committed model (598 labels, no French or Portuguese added): hybrid, onsite by the rules
    ("Télétravail deux jours par semaine.", "none"),
    ("Modelo de trabalho: presencial em Curitiba.", "hybrid"),
]


def test_recorded_decisions() -> None:
    sentences = [s for s, _ in RECORDED]
    assert rmod.model().decide(sentences) == [d for _, d in RECORDED]
    # one sentence at a time gives the same answer as the batch
    assert [rmod.model().decide([s])[0] for s in sentences] == [d for _, d in RECORDED]


def test_model_is_small_and_shaped() -> None:
    assert rmod.MODEL_PATH.stat().st_size < 1_000_000
    arr = np.load(rmod.MODEL_PATH, allow_pickle=False)
    assert arr.shape == (rmod.DIM + 1, len(rmod.CLASSES)) and arr.dtype == np.float32


def test_posting_reads_short_fields_first_then_sentences_then_the_flag() -> None:
    text = "We build maps.\nThis job is fully remote, from anywhere.\nYou like Go."
    assert rmod.classify_remote_model(None, "Engineer", text) == "remote"
    # the location field decides before the text, as with the rules
    assert rmod.classify_remote_model("Leeds (Hybrid)", "Engineer", text) == "hybrid"
    # a Hacker News header line is a short field
    assert (
        rmod.classify_remote_model(None, None, "Acme | Engineer | Leeds | ONSITE\nWe build maps.") == "onsite"
    )
    # precedence among the sentences: remote over hybrid over onsite
    both = "Hybrid: two days a week in our Leeds office.\nThis job is fully remote, from anywhere."
    assert rmod.classify_remote_model(None, None, both) == "remote"
    assert rmod.combine(["none", "onsite", "hybrid"]) == "hybrid"
    assert rmod.combine(["none", "onsite", "hybrid"], "first") == "onsite"
    assert rmod.combine(["none"]) is None
    # the source's remote flag: remote unless the text states a hybrid arrangement
    assert rmod.classify_remote_model(None, None, "We build maps.", True) == "remote"
    assert (
        rmod.classify_remote_model(None, None, "Hybrid: two days a week in our Leeds office.", True)
        == "hybrid"
    )
    assert rmod.classify_remote_model(None, None, None) is None


def test_a_least_probability_turns_unsure_decisions_to_none() -> None:
    sentences = [s for s, _ in RECORDED]
    # a least probability only ever turns a decision to none, never to another class (review: this line
    # compared p_min=0.0 with the default, 0.0, the same call)
    free = rmod.model().decide(sentences)
    for p_min in (0.5, 0.7, 0.9):
        assert all(d in (f, "none") for d, f in zip(rmod.model().decide(sentences, p_min=p_min), free,
                                                    strict=True)), p_min
    assert set(rmod.model().decide(sentences, p_min=1.0)) == {"none"}
    # a sure decision stays, an unsure one goes
    assert rmod.model().decide(["Remote means remote: you choose where you sit."], p_min=0.7) == ["remote"]
    assert rmod.model().decide(["Home office possible."]) == ["hybrid"]
    assert rmod.model().decide(["Home office possible."], p_min=0.7) == ["none"]


@pytest.mark.parametrize(
    ("sentence", "rules", "model", "fill", "fill_p70"),
    [
        # the rules read nothing: the model fills the gap (fill-p70 only where it is sure)
        ("Remote means remote: you choose where you sit.", None, ("remote", "remote"), "remote", "remote"),
        ("Home office possible.", None, ("hybrid", None), "hybrid", None),
        # the rules answer: their answer stands, whether the model reads nothing or the same
        ("We meet in the office on Tuesdays.", "hybrid", (None, None), "hybrid", "hybrid"),
        ("Onsite in Lisbon, every day.", "onsite", ("onsite", "onsite"), "onsite", "onsite"),
        # ... or another arrangement (review: the two cases above never had the model disagree, so a filler
        # that let the model's answer win wherever it gave one passed them)
        ("Remote work is possible, from anywhere you like.", "hybrid", ("remote", "remote"), "hybrid",
         "hybrid"),
        ("On-site role; remote work possible once a month.", "hybrid", ("hybrid", "onsite"), "hybrid",
         "hybrid"),
    ],
)
def test_the_extraction_fills_only_the_rules_gaps(
    monkeypatch: pytest.MonkeyPatch,
    sentence: str,
    rules: str | None,
    model: tuple[str | None, str | None],
    fill: str | None,
    fill_p70: str | None,
) -> None:
    description = f"We build maps.\n\n{sentence}\n"
    # what the model alone reads in the text, per variant: the case reaches the branch it names
    alone = tuple(rmod.fill_gap(description, None, "posting", p) for p in rmod.VARIANTS.values())
    assert alone == model
    item = {"title": "Engineer", "description": description}
    got = {}
    for variant in ("0", "fill", "fill-p70"):
        monkeypatch.setattr(extract, "REMOTE_MODEL", variant)
        got[variant] = extract.extract(item)["remote"]
    assert got == {"0": rules, "fill": fill, "fill-p70": fill_p70}


def test_an_unknown_model_setting_says_what_it_takes(monkeypatch: pytest.MonkeyPatch) -> None:
    """Review before stop: a mistyped ETL_REMOTE_MODEL ended each posting's extraction with a bare
    KeyError('fil'); it now names the setting and the values it takes."""
    monkeypatch.setattr(extract, "REMOTE_MODEL", "fil")
    with pytest.raises(ValueError, match=r"ETL_REMOTE_MODEL='fil'.*0, fill, fill-p70"):
        extract.extract({"title": "Engineer", "description": "We build maps."})


_READS_THE_SETTING = """import sys
from etl import extract
got = extract.extract({"title": "Engineer", "description": "We build maps.\\n\\nHome office possible."})
print(extract.REMOTE_MODEL, got["remote"], "etl.remote_model" in sys.modules)"""


# "": an empty setting (`ETL_REMOTE_MODEL= python -m etl load`) is off, as unset; it ended the first posting
# the rules leave null with a ValueError (hrev's review; test failed before)
@pytest.mark.parametrize(("setting", "read"), [(None, "0 None False"), ("", "0 None False"),
                                               ("fill", "fill hybrid True")])
def test_the_extraction_leaves_the_model_off_unless_told(setting: str | None, read: str) -> None:
    """Off: no labelled set moved with it, and it costs about 10% (docs/methodology.md, "A second attempt").
    Review: the test compared extract.REMOTE_MODEL with the environment it had just read, so a default turned
    on passed wherever ETL_REMOTE_MODEL was set. A fresh process without the variable neither answers from
    the model nor loads it; with ``fill`` it does both."""
    env = {k: v for k, v in os.environ.items() if k != "ETL_REMOTE_MODEL"}
    if setting is not None:
        env["ETL_REMOTE_MODEL"] = setting
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", _READS_THE_SETTING], cwd=root, env=env, capture_output=True,
                         text=True, check=True).stdout
    assert out.split() == read.split()


def test_a_source_flag_still_speaks_where_the_model_reads_nothing() -> None:
    assert rmod.fill_gap("We build maps.", True, "posting", 0.7) == "remote"
    assert rmod.fill_gap("We build maps.", None, "posting", 0.7) is None
    assert rmod.fill_gap("Hybrid setup with our office.", True, "board", 0.0) == "hybrid"


def test_training_reproduces_the_committed_weights(shared_datasets: Path, tmp_path: Path) -> None:
    out = tmp_path / "remote_model.npy"
    rmod.save_model(train_from_labels(shared_datasets), out)
    # Within float noise, not byte for byte: the optimiser's BLAS rounds differently on another processor.
    new, old = rmod.Model.from_array(np.load(out)), rmod.model()
    assert np.allclose(new.weights, old.weights, rtol=0, atol=1e-4)
    assert np.allclose(new.bias, old.bias, rtol=0, atol=1e-4)
    sentences = [lb.sentence for lb in remote_labels.load_training(shared_datasets)]
    assert len(sentences) > 590 and new.decide(sentences) == old.decide(sentences)


def test_training_leaves_out_the_scoring_batches(shared_datasets: Path) -> None:
    # no training sentence comes from a record of real-fresh-v49..v51 (they score the model) or the test half
    from etl import real_labels as rl

    sample = rl.load_sample()
    for lb in remote_labels.load_training(shared_datasets):
        dataset, rest = lb.key.split("/", 1)
        file, no = rest.rsplit("#", 1)
        row = sample.get(rl.Ref(dataset, file, int(no)), {})
        assert row.get("batch") not in remote_labels.HELD_BATCHES and row.get("split") != "test"
