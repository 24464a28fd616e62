"""The trained context check of skill mentions (etl/skill_judge.py; an opt-in experiment, issue 9).

Invented wording only. What these catch: a model file that no longer loads or grew past 1 MB, scoring that
drifts from the training matrix (the file would then decide otherwise than it was trained to), a judge
that is not pure, the hook changing the rules' skills when it keeps every mention, and (with the datasets)
a committed model file that the training command no longer reproduces.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import numpy as np
import pytest

from etl.normalize.skills import extract_skills, skill_mentions
from etl.skill_judge import DIM, MODEL_PATH, Model, ascii_low, features, judge, model

TEXT = (
    "Quillfeather Labs builds forecasting tools for grocers.\n\n"
    "What you will do:\n- Build services in Python and Go\n- Run PostgreSQL on AWS\n"
    "- Work with our Data Science team on Kafka pipelines"
)
TITLE = "Senior Backend Engineer"


def test_model_file_is_small_and_loads() -> None:
    assert MODEL_PATH.stat().st_size < 1_000_000
    mdl = model()
    assert mdl.weights.shape == (DIM,)
    assert not mdl.weights.flags.writeable  # loaded once per process, read-only
    assert np.isfinite(mdl.weights).all() and np.isfinite([mdl.bias, mdl.cut, mdl.token_weight]).all()


def digest(path: Path) -> str:
    # by digest, not bytes: pytest diffing two differing 262 KB byte strings ran for over 20 minutes
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_model_round_trips_byte_for_byte(tmp_path: Path) -> None:
    from etl.skill_judge import save_model

    out = tmp_path / "m.npy"
    save_model(model(), out)
    assert digest(out) == digest(MODEL_PATH)


def test_score_matches_the_training_matrix() -> None:
    from etl.skill_judge_train import matrix, predict

    orig, mentions = skill_mentions(TEXT, TITLE)
    feats = features(orig, ascii_low(orig), mentions, 1 + len(TITLE), "Quillfeather Labs")
    mdl = model()
    w = np.concatenate([mdl.weights, [mdl.bias]])
    assert mdl.token_weight == 1.0  # the training matrix's TOKEN_WEIGHT
    p = predict(w, matrix(feats))
    z = np.array([mdl.score(f) for f in feats])
    assert np.allclose(np.log(p / (1 - p)), z, atol=1e-9)


def test_judge_is_pure_and_keeps_the_plain_requirements() -> None:
    orig, mentions = skill_mentions(TEXT, TITLE)
    counted = [m for m in mentions if m.status == "counted"]
    first = judge(orig, counted, TITLE, "Quillfeather Labs")
    assert judge(orig, counted, TITLE, "Quillfeather Labs") == first
    kept = {m.skill for m, ok in zip(counted, first, strict=True) if ok}
    assert {"Python", "Go", "PostgreSQL", "AWS"} <= kept


def test_hook_that_keeps_everything_changes_nothing() -> None:
    plain = extract_skills(TEXT, TITLE)
    assert extract_skills(TEXT, TITLE, (), lambda orig, ms: [True] * len(ms)) == plain


def test_hook_that_drops_one_skill_drops_it_and_what_it_alone_implies() -> None:
    text = "You will run Ruby on Rails services and write SQL."
    plain, _ = extract_skills(text)
    assert {"Ruby on Rails", "Ruby", "SQL"} <= set(plain)
    got, _ = extract_skills(text, "", (), lambda orig, ms: [m.skill != "Ruby on Rails" for m in ms])
    assert "Ruby on Rails" not in got and "Ruby" not in got and "SQL" in got


def test_off_by_default() -> None:
    from etl import extract

    assert extract.SKILL_JUDGE is (os.environ.get("ETL_SKILL_JUDGE") == "1")


def test_model_from_array_refuses_a_wrong_shape() -> None:
    with pytest.raises(ValueError):
        Model.from_array(np.zeros(10, dtype=np.float32))


@pytest.mark.shared
@pytest.mark.slow
def test_training_command_reproduces_the_committed_model(tmp_path: Path, shared_datasets: Path) -> None:
    from etl.skill_judge_train import cli_train

    out = tmp_path / "skill_judge.npy"
    assert cli_train(shared_datasets, out=out) == 0
    assert digest(out) == digest(MODEL_PATH), "labels changed: retrain (python -m etl train-skill-judge)"
