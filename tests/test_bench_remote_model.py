"""The work-arrangement model experiment (bench/remote_model.py; issue 9). Invented wording only.

What these catch: folds that put one boilerplate sentence on both sides (the cross-validation would be
inflated), a "fill" combination that overrides a stated rules' answer, and a CODE_BEFORE commit missing from
the history (the honest leave-one-batch-out run would fail or read other code).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from bench import remote_model as bm
from etl import remote_labels as rlab
from etl import remote_model as rmod

ROOT = Path(__file__).resolve().parents[1]


def _lb(key: str, sentence: str, label: str = "none") -> rlab.Labelled:
    return rlab.Labelled(key, "unlabelled", "en", sentence, label, sentence, {})


def test_postings_sharing_a_sentence_are_one_group() -> None:
    rows = [
        _lb("a#1", "Work from home."),
        _lb("a#1", "Gym in the office."),
        _lb("b#2", "Gym in the office."),  # the same boilerplate as a#1: same group
        _lb("c#3", "Fully remote."),
    ]
    g = bm.groups(rows)
    assert g[0] == g[1] == g[2] and g[3] != g[0]
    folds = bm.fold_of(g, 2, 9)
    assert set(folds) == set(g)


def test_fill_keeps_the_rules_answer_and_fills_only_gaps() -> None:
    mdl = rmod.model()
    sentences = ["This job is fully remote, from anywhere."]
    post = bm.Post("k", "tune", "en", "remote", {}, None, None, "", None, sentences)
    assert bm._model_answer(post, mdl, None, "fill", False, None, "onsite") == "onsite"
    assert bm._model_answer(post, mdl, None, "fill", False, None, None) == "remote"
    assert bm._model_answer(post, mdl, "hybrid", "precedence", False) == "hybrid"  # a short field decides


def test_code_before_commits_exist() -> None:
    for batch, commit in bm.CODE_BEFORE.items():
        cmd = ["git", "-C", str(ROOT), "cat-file", "-t", commit]
        out = subprocess.run(cmd, capture_output=True, text=True)
        assert out.stdout.strip() == "commit", batch


def test_fresh_now_reads_only_the_batch_remote_labels_from_the_branch(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    # the labels come from `git show <branch>:<file>` (never the branch's code); rows of another batch or
    # without a remote label are left out
    from etl import real_labels as rl

    sample = {
        rl.Ref("board", "a.json", 1): {"batch": "real-fresh-v50"},
        rl.Ref("board", "a.json", 2): {"batch": "real-fresh-v50"},
        rl.Ref("board", "a.json", 3): {"batch": "real-fresh-v9"},
    }
    rows = [
        '{"dataset": "board", "file": "a.json", "record_no": 1, "expected": {"remote": "hybrid"}}',
        '{"dataset": "board", "file": "a.json", "record_no": 2, "expected": {"skills": []}}',
        '{"dataset": "board", "file": "a.json", "record_no": 3, "expected": {"remote": null}}',
    ]
    calls = []

    def run(args, **_kw):  # type: ignore[no-untyped-def]
        calls.append(args)
        out = "abc1234\n" if args[1] == "rev-parse" else "\n".join(rows) + "\n"
        return subprocess.CompletedProcess(args, 0, out, "")

    monkeypatch.setattr(subprocess, "run", run)
    monkeypatch.setattr(rl, "load_sample", lambda: sample)
    commit, got = bm.fresh_now_labels("real-fresh-v50", "h9r56")
    assert commit == "abc1234" and [r["record_no"] for r in got] == [1]
    assert calls[-1][1:] == ["show", "h9r56:etl/data/labelled/real/fresh-v50.jsonl"]


def test_the_tables_read_the_first_batch_unless_told(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    seen: list[str] = []

    def reader(name: str):  # type: ignore[no-untyped-def]
        def read(*_a, **_k):  # type: ignore[no-untyped-def]
            seen.append(name)
            return []

        return read

    monkeypatch.setattr(rlab, "load", reader("first"))
    monkeypatch.setattr(rlab, "load_training", reader("training"))
    monkeypatch.setattr(bm, "print_sentences", lambda *_a, **_k: None)
    monkeypatch.setattr(bm, "sentence_cv", lambda *_a, **_k: [])
    assert bm.main(["--skip", "tune", "fresh", "heldout"]) == 0
    assert bm.main(["--labels", "training", "--skip", "tune", "fresh", "heldout"]) == 0
    assert seen == ["first", "training"]
