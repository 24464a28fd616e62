"""The seniority model experiment (bench/seniority_model.py; issue 9, a negative result kept as a bench).

Invented wording only. What these catch: hashed features that differ between two calls or fall outside the
model's space (the experiment's figures would not be reproducible), a margin that lets a weaker score replace
the rules' answer, a trainer that cannot fit even separable rows (the figures would measure a broken fit, not
the features), and a CODE_BEFORE commit missing from the history (the honest leave-one-batch-out run would
fail or read other code).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import numpy as np
import pytest

from bench import seniority_model as sm

ROOT = Path(__file__).resolve().parents[1]


def _rows(titles_levels: list[tuple[str, str]]) -> list[sm.Row]:
    cs = [sm.make_cues(None, None, None, None, None, "unspecified") for _ in titles_levels]
    feats = sm.features([t for t, _ in titles_levels], cs)
    return [
        sm.Row(f"k{i}", "real-tune", "en", level, t, c, f)
        for i, ((t, level), c, f) in enumerate(zip(titles_levels, cs, feats, strict=True))
    ]


def test_features_are_deterministic_and_inside_the_space() -> None:
    titles = ["Lead Harbour Pilot", "Junior Lantern Keeper", ""]
    text = "We are looking for a senior lantern keeper. Mentor the junior crew."
    cs = [sm.cues(t, text, 3.0, "Mid-Senior level") for t in titles]
    first, second = sm.features(titles, cs), sm.features(titles, cs)
    for (a1, b1), (a2, b2) in zip(first, second, strict=True):
        assert np.array_equal(a1, a2) and np.array_equal(b1, b2)
        assert a1.max(initial=0) < sm.DIM and b1.max() < sm.DIM and b1.min() >= 0
    assert cs[0].rule == "lead" and cs[0].title == "lead"
    assert cs[2].words[:2] == ("senior", "junior")  # the level words anywhere in the text's head
    assert sm.features([], []) == []


def test_the_rules_answer_stays_unless_beaten_by_the_margin() -> None:
    w = np.zeros((sm.DIM, len(sm.CLASSES)))
    w[7, sm.CLASSES.index("senior")] = 2.0  # one token that speaks for senior
    feats = (np.zeros(0, dtype=np.int64), np.array([7]))
    low = sm.Model(w, np.zeros(len(sm.CLASSES)), 1.0, 1.0)
    high = sm.Model(w, np.zeros(len(sm.CLASSES)), 1.0, 3.0)
    assert low.decide(feats, "mid") == "senior"
    assert high.decide(feats, "mid") == "mid"


def test_the_trainer_fits_separable_rows() -> None:
    rows = _rows([("Apprentice Kite Maker", "junior"), ("Kite Maker Director", "manager")] * 6)
    mdl = sm.train_model(rows, c=10.0)
    assert [mdl.decide(r.feats, r.cues.rule) for r in rows[:2]] == ["junior", "manager"]


def test_the_commits_read_before_tuning_are_in_the_history() -> None:
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                             capture_output=True, text=True, check=False).stdout.strip()
    if shallow == "true":
        pytest.skip("a shallow clone holds no older commits")
    for batch, commit in sm.CODE_BEFORE.items():
        cmd = ["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"]
        found = subprocess.run(cmd, check=False)
        assert found.returncode == 0, (batch, commit)
