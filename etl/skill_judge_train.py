"""Train the context check of skill mentions (etl/skill_judge.py) from the tuning labels.

``python -m etl train-skill-judge [--datasets ../shared/datasets]`` rewrites etl/data/skill_judge.npy from the
tuning half of the real labelled sample (``real-tune``, every ``real-fresh-*`` batch included; never the test
half), read through the load's adapters as ``etl evaluate`` reads it. The same data and code give the same
file. The configuration (training on every mention, C, the positives' weight and the threshold) was chosen by
cross-validation grouped by posting, ``python -m bench.skill_judge`` (docs/methodology.md).

Each posting's skill mentions are found as the extraction finds them (the demand text, the employer's name
blanked, its presentation sentences marked); a mention's label is whether its skill is among the posting's
labelled skills. The model is an L2 logistic regression fitted with scipy's L-BFGS (no scikit-learn).
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from scipy import optimize, sparse

from etl import real_labels as rl
from etl.clean import clean_inline, to_text
from etl.extract import _text, without_company
from etl.later_labels import load_later_labels
from etl.normalize.skill_context import pitch_spans
from etl.normalize.skills import Mention, _matcher, extract_skills, skill_mentions, tag_skills
from etl.sections import demand_text
from etl.skill_judge import DIM, MODEL_PATH, Model, ascii_low, features, save_model

# chosen by cross-validation on the tuning half (python -m bench.skill_judge)
TRAIN_ON = "all"  # every mention, also those the rules drop (more negatives of the employer's text)
C = 10.0
POS_WEIGHT = 0.05  # demand mentions outnumber the others about 45 to 1
THRESHOLD = 0.3  # a mention is demand when P(demand) >= this
TOKEN_WEIGHT = 1.0


@dataclass
class Posting:
    key: str
    language: str
    expected: set[str]
    rules: set[str]  # the extraction's skills
    tags: set[str]
    mentions: list[Mention]
    feats: list[tuple[np.ndarray, np.ndarray]]


def collect(datasets: Path, labels_dir: Path = rl.REAL_DIR) -> list[Posting]:
    # the tune half only: never the frozen test half nor a held-out test batch (real-test-v2)
    labels = rl.load_real_labels(labels_dir, split="tune")
    resolved = rl.resolve(labels, datasets)
    # and the later batches' skills labels (etl.later_labels: tune records whose first batch did not label
    # skills), resolved apart since a later label is the same reference as its record's first label
    later = [lb for lb in load_later_labels(labels_dir) if "skills" in lb.get("expected", {})]
    for name in dict.fromkeys(lb["batch"] for lb in later):
        resolved += rl.resolve([lb for lb in later if lb["batch"] == name], datasets)
    out: list[Posting] = []
    for r in resolved:
        if r.item is None or "skills" not in r.label["expected"]:
            continue
        item = r.item
        title = clean_inline(_text(item.get("title")))
        company = clean_inline(_text(item.get("company")))
        description = to_text(_text(item.get("description")), _text(item.get("description_format")) or "text")
        demand = demand_text(description)
        text, pitch = without_company(demand, company), pitch_spans(demand, company)
        orig, mentions = skill_mentions(text, title or "", pitch)
        title_chars = 1 + len(title) if title else 0
        feats = features(orig, ascii_low(orig), mentions, title_chars, company or "") if mentions else []
        tags = set(tag_skills(_text(item.get("skill_tags"))))
        rules = set(extract_skills(text, title or "", pitch)[0]) | tags  # etl.extract's skills, unjudged
        p = Posting(
            str(r.ref),
            r.label["language"],
            set(r.label["expected"]["skills"] or ()),
            rules,
            tags,
            mentions,
            feats,
        )
        assert final_skills(p, [True] * len(mentions)) == rules, p.key  # the decision model is exact
        out.append(p)
    return out


def _closure(skills: set[str]) -> set[str]:
    implies = _matcher().implies
    return skills | {s for k in skills for s in implies.get(k, ())}


def final_skills(p: Posting, keep: Sequence[bool]) -> set[str]:
    """The posting's skills when only the counted mentions marked ``keep`` count."""
    counted = {m.skill for m in p.mentions if m.status == "counted"}
    kept = {m.skill for m, k in zip(p.mentions, keep, strict=True) if m.status == "counted" and k}
    rest = p.rules - _closure(counted) - p.tags  # misspelt names in lists
    return _closure(kept) | p.tags | rest


def _block(rows: Sequence[np.ndarray]) -> sparse.csr_matrix:
    """Occurrence counts, each row divided by the square root of its number of occurrences."""
    indptr = np.cumsum([0, *(len(r) for r in rows)])
    data = np.repeat(1 / np.sqrt(np.maximum(np.diff(indptr), 1)), np.diff(indptr))
    x = sparse.csr_matrix(
        (data, np.concatenate(rows) if rows else np.zeros(0, int), indptr), shape=(len(rows), DIM)
    )
    x.sum_duplicates()
    return x


def matrix(rows: Sequence[tuple[np.ndarray, np.ndarray]]) -> sparse.csr_matrix:
    """The n-gram block plus TOKEN_WEIGHT times the token block (Model.score reads the same)."""
    return (_block([r[0] for r in rows]) + TOKEN_WEIGHT * _block([r[1] for r in rows])).tocsr()


def train(x: sparse.csr_matrix, y: np.ndarray, c: float = 1.0, pos_weight: float = 1.0) -> np.ndarray:
    """Weights (one per column of ``x``: DIM for the skill check) and bias (last) of an L2 logistic
    regression; y in {0, 1}."""
    sign = 2 * y - 1
    sw = np.where(y == 1, pos_weight, 1.0)

    def loss(w: np.ndarray) -> tuple[float, np.ndarray]:
        z = x @ w[:-1] + w[-1]
        m = sign * z
        lo = np.logaddexp(0, -m)
        g = -sign * sw / (1 + np.exp(m))
        grad = np.concatenate([x.T @ g + w[:-1] / c, [g.sum()]])
        return float((sw * lo).sum() + (w[:-1] @ w[:-1]) / (2 * c)), grad

    w0 = np.zeros(x.shape[1] + 1)
    res = optimize.minimize(loss, w0, jac=True, method="L-BFGS-B", options={"maxiter": 500})
    return np.asarray(res.x)


def predict(w: np.ndarray, x: sparse.csr_matrix) -> np.ndarray:
    return np.asarray(1 / (1 + np.exp(-(x @ w[:-1] + w[-1]))))


def training_rows(posts: Sequence[Posting], train_on: str = TRAIN_ON) -> tuple[sparse.csr_matrix, np.ndarray]:
    """The feature matrix and targets (the skill is labelled) of the postings' mentions: every mention, or
    with ``train_on="counted"`` only those the rules keep."""
    rows, ys = [], []
    for p in posts:
        for m, f in zip(p.mentions, p.feats, strict=True):
            if train_on == "all" or m.status == "counted":
                rows.append(f)
                ys.append(m.skill in p.expected)
    return matrix(rows), np.array(ys, dtype=float)


def train_model(
    posts: Sequence[Posting],
    c: float = C,
    pos_weight: float = POS_WEIGHT,
    train_on: str = TRAIN_ON,
    threshold: float = THRESHOLD,
) -> Model:
    x, y = training_rows(posts, train_on)
    w = train(x, y, c, pos_weight)
    return Model(
        w[:-1].astype(np.float32).astype(np.float64),
        float(np.float32(w[-1])),
        TOKEN_WEIGHT,
        float(np.float32(math.log(threshold / (1 - threshold)))),
    )


def cli_train(datasets: Path | None = None, out: Path = MODEL_PATH) -> int:
    posts = collect(datasets or rl.DEFAULT_DATASETS)
    mdl = train_model(posts)
    save_model(mdl, out)
    n = sum(len(p.mentions) for p in posts)
    print(
        f"{out}: trained on {n} mentions of {len(posts)} tuning postings "
        f"(C={C}, positives' weight {POS_WEIGHT}, threshold {THRESHOLD}); {out.stat().st_size} bytes"
    )
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=Path, default=None)
    args = ap.parse_args(argv)
    return cli_train(args.datasets)
