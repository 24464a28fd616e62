"""Experiment (issue 9): does a small trained check of each kept skill mention's context raise skills
precision on real postings more than it costs recall?

Run: ``python -m bench.skill_judge [--datasets ../shared/datasets] [--folds 5] [--seed 9]`` (about a
minute): the committed configuration (etl/skill_judge_train.py); ``--train-on``, ``--c`` (several values)
and ``--pos-weight`` try others.

Data: only the tuning half of the real labelled sample (``real-tune``, which holds every ``real-fresh-*``
batch), read through the load's adapters as ``etl evaluate`` does; never the test half. For each posting the
skill mentions are found as the extraction finds them (etl.normalize.skills.skill_mentions on the demand
text, the employer's name blanked, its presentation sentences marked); a mention's label is whether its
skill is among the posting's labelled skills. Features: etl.skill_judge.features (hashed
character 2-5-grams of the mention's line within 90 characters each side, the skill's name and category,
whether the rules counted it, title, position, other skills on the line, bullet, the heading above).
Model: L2 logistic regression (scipy's L-BFGS; no scikit-learn), rows L2-normalised.

Measure: cross-validation grouped by posting (each posting's mentions in one fold; the folds a fixed-seed
shuffle of the postings). Per fold the model is trained on the other folds' postings and decides, for each
skill the rules kept from the text, whether any of its counted mentions is demand (probability >= t); a
skill none of whose mentions is kept leaves the posting's skills with what it alone implied (tags, misspelt
names and skills implied by kept ones stay). Skills micro precision and recall are reported for the rules
alone and for rules + model at several thresholds, overall and for English postings.

``--learning-curve`` (issue 9: would more labelled postings help?): for each seed in ``--seeds``, the same
grouped folds; within each fold the model is trained on 25, 50, 75 and 100% of the other folds' postings (a
seeded subsample of whole postings, the smaller a prefix of the larger) and decides the held-out fold at the
committed threshold; skills precision, recall and F1 of the final skill sets over every held-out posting,
per fraction, as the mean and range over the seeds. A curve still rising from 75 to 100% says more labels
help.

Prints the table; writes nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Sequence
from typing import Any

import numpy as np

from etl import real_labels as rl
from etl.skill_judge_train import (
    POS_WEIGHT,
    THRESHOLD,
    TRAIN_ON,
    C,
    Posting,
    collect,
    final_skills,
    matrix,
    predict,
    train,
    training_rows,
)

THRESHOLDS = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6)


def prf(posts: Sequence[Posting], finals: Sequence[set[str]]) -> tuple[float, float, int, int, int]:
    tp = fp = fn = 0
    for p, f in zip(posts, finals, strict=True):
        tp += len(f & p.expected)
        fp += len(f - p.expected)
        fn += len(p.expected - f)
    return tp / max(1, tp + fp), tp / max(1, tp + fn), tp, fp, fn


def run(
    posts: list[Posting], folds: int, seed: int, train_on: str, c: float, pos_weight: float
) -> dict[str, Any]:
    order = list(range(len(posts)))
    random.Random(seed).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    probs: list[np.ndarray] = [np.zeros(0)] * len(posts)
    for k in range(folds):
        tr = [p for i, p in enumerate(posts) if fold_of[i] != k]
        w = train(*training_rows(tr, train_on), c, pos_weight)
        for i, p in enumerate(posts):
            if fold_of[i] == k and p.mentions:
                probs[i] = predict(w, matrix(p.feats))
    out: dict[str, Any] = {}
    for lang in ("all", "en"):
        idx = [i for i, p in enumerate(posts) if lang == "all" or p.language == lang]
        sub = [posts[i] for i in idx]
        table = {"rules": prf(sub, [p.rules for p in sub])}
        for t in THRESHOLDS:
            table[f"t={t}"] = prf(sub, [final_skills(posts[i], list(probs[i] >= t)) for i in idx])
        out[lang] = table
    return out


FRACTIONS = (0.25, 0.5, 0.75, 1.0)


def learning_curve(
    posts: list[Posting],
    folds: int,
    seed: int,
    fractions: Sequence[float] = FRACTIONS,
    threshold: float = THRESHOLD,
    train_on: str = TRAIN_ON,
    c: float = C,
    pos_weight: float = POS_WEIGHT,
) -> dict[float, dict[str, tuple[float, float, int, int, int]]]:
    """Per training fraction: skills (precision, recall, tp, fp, fn) over every held-out posting, overall
    (``all``) and English (``en``). Folds grouped by posting as :func:`run`; each fold's training postings
    are shuffled once (seeded) and the first ``fraction`` of them train the model."""
    order = list(range(len(posts)))
    random.Random(seed).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    finals: dict[float, list[set[str]]] = {f: [set() for _ in posts] for f in fractions}
    for k in range(folds):
        tr = [p for i, p in enumerate(posts) if fold_of[i] != k]
        random.Random(f"{seed}-{k}").shuffle(tr)
        held = [i for i in range(len(posts)) if fold_of[i] == k]
        for f in fractions:
            w = train(*training_rows(tr[: max(1, round(f * len(tr)))], train_on), c, pos_weight)
            for i in held:
                p = posts[i]
                keep = list(predict(w, matrix(p.feats)) >= threshold) if p.mentions else []
                finals[f][i] = final_skills(p, keep)
    out: dict[float, dict[str, tuple[float, float, int, int, int]]] = {}
    for f in fractions:
        out[f] = {}
        for lang in ("all", "en"):
            idx = [i for i, p in enumerate(posts) if lang == "all" or p.language == lang]
            out[f][lang] = prf([posts[i] for i in idx], [finals[f][i] for i in idx])
    return out


def _f1(p: float, r: float) -> float:
    return 2 * p * r / max(1e-12, p + r)


def print_learning_curve(posts: list[Posting], folds: int, seeds: Sequence[int]) -> None:
    runs = []
    for seed in seeds:
        t0 = time.time()
        runs.append(learning_curve(posts, folds, seed))
        print(f"  seed {seed}: {time.time() - t0:.0f} s", flush=True)
    n_train = round(len(posts) * (folds - 1) / folds)
    print(
        f"\nlearning curve: {folds}-fold CV grouped by posting, seeds {list(seeds)}, threshold {THRESHOLD}, "
        f"C={C}, positives' weight {POS_WEIGHT}; training postings per fold at 100%: about {n_train}"
    )
    for lang in ("all", "en"):
        sub = [p for p in posts if lang == "all" or p.language == lang]
        rp, rr, *_ = prf(sub, [p.rules for p in sub])
        print(f"  {lang:<4}rules alone      precision {rp:.3f} recall {rr:.3f} F1 {_f1(rp, rr):.3f}")
        for f in FRACTIONS:
            rows = [r[f][lang] for r in runs]
            ps, rs = [x[0] for x in rows], [x[1] for x in rows]
            fs = [_f1(a, b) for a, b in zip(ps, rs, strict=True)]
            fp = np.mean([x[3] for x in rows])
            fn = np.mean([x[4] for x in rows])
            print(
                f"  {lang:<4}{f:>4.0%} of train  precision {np.mean(ps):.4f} ({min(ps):.3f}-{max(ps):.3f}) "
                f"recall {np.mean(rs):.4f} ({min(rs):.3f}-{max(rs):.3f}) F1 {np.mean(fs):.4f}  "
                f"fp={fp:.1f} fn={fn:.1f}"
            )
    sys.stdout.flush()


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=rl.Path, default=rl.DEFAULT_DATASETS)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--train-on", choices=("counted", "all", "both"), default=TRAIN_ON)
    ap.add_argument("--c", type=float, nargs="*", default=[C])
    ap.add_argument("--pos-weight", type=float, default=POS_WEIGHT)
    ap.add_argument("--learning-curve", action="store_true", help="train on 25/50/75/100%% of each fold")
    ap.add_argument("--seeds", type=int, nargs="*", default=[9, 11, 13])
    args = ap.parse_args(argv)
    t0 = time.time()
    posts = collect(args.datasets)
    n_m = sum(len(p.mentions) for p in posts)
    n_c = sum(m.status == "counted" for p in posts for m in p.mentions)
    neg = sum(m.status == "counted" and m.skill not in p.expected for p in posts for m in p.mentions)
    print(
        f"{len(posts)} tune postings, {n_m} mentions ({n_c} counted by the rules, {neg} of them not a "
        f"labelled skill); collected in {time.time() - t0:.0f} s",
        flush=True,
    )
    if args.learning_curve:
        print_learning_curve(posts, args.folds, args.seeds)
        return 0
    for train_on in ("counted", "all") if args.train_on == "both" else (args.train_on,):
        for c in args.c:
            res = run(posts, args.folds, args.seed, train_on, c, args.pos_weight)
            print(
                f"\ntrained on {train_on} mentions, C={c}, {args.folds}-fold CV grouped by posting, "
                f"seed {args.seed}"
            )
            for lang, rows in res.items():
                for name, (p, r, tp, fp, fn) in rows.items():
                    print(f"  {lang:<4}{name:<8} precision {p:.3f} recall {r:.3f}  tp={tp} fp={fp} fn={fn}")
            sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
