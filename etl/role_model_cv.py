"""The pre-registered measure of a trained role-family reader (issue 9, twenty-sixth session, branch
h26rolemodel; etl/data/labelled/README.md, "A trained reader for the role family, pre-registered").

    PYTHONPATH=. python -m etl.role_model_cv [--datasets ../shared/datasets] [--c 4.0] [--show-folds]
        [--held real-later-v125 real-later-v126 ...] [--no-cv]

Data: every tune later label holding ``role_family`` (never a test record); ``HELD`` (real-later-v125 and
-v126) held out of every fit and fold. Leave-one-batch-out CV over the rest: each batch scored by models
fitted on the other batches. Variants: A the rules; B the model without rule features; C the model with them
where the rules' path is ``title_text`` or ``no_title``; D80 / D90 the model with them where it differs from
the rules at a probability >= 0.80 / 0.90. Printed: accuracy per variant overall, per language, per source and
per rule path, fixes and breaks against A; then the held-out batches scored by models fitted on all training
labels; then the inference cost. About 45 minutes on the 2-core machine at load 5-13 (44 fits of 32,768 x 3
weights).
"""

from __future__ import annotations

import argparse
import os
import time
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

HELD = ("real-later-v125", "real-later-v126")
VARIANTS = ("A", "B", "C", "D80", "D90")
C_PATHS = ("title_text", "no_title")
LANGS = ("en", "de", "fr", "pt")


@dataclass(frozen=True, slots=True)
class Row:
    batch: str
    dataset: str
    language: str
    ref: str
    label: str
    title: str | None
    text: str
    rule: str
    path: str


def load_rows(datasets: Path | None = None) -> list[Row]:
    """The tune later labels holding role_family, their records read through the load's adapters, with the
    rules' answer and path (as etl.extract reads them)."""
    from etl import real_labels as rl
    from etl.extract import _comment_roles, _text, clean_texts
    from etl.later_labels import load_later_labels
    from etl.role_model import rules_reading

    labels = [lb for lb in load_later_labels() if "exclude" not in lb and "role_family" in lb["expected"]]
    assert all(lb["split"] == "tune" for lb in labels)
    rows: list[Row] = []
    for name in dict.fromkeys(lb["batch"] for lb in labels):
        batch = [lb for lb in labels if lb["batch"] == name]
        for r in rl.resolve(batch, datasets or rl.DEFAULT_DATASETS):
            if r.item is None:
                continue
            get = r.item.get
            titles, _, descriptions = clean_texts([get])
            named = _comment_roles(get)
            body = _text(get("description")) if named is not None else None
            family, path = rules_reading(body, named, titles[0], descriptions[0])
            rows.append(Row(name, r.label["dataset"], r.label["language"], str(r.ref),
                            r.label["expected"]["role_family"], titles[0], descriptions[0] or "", family,
                            path))
    return rows


def feats(rows: list[Row], with_rule: bool) -> list[list[np.ndarray]]:
    from etl.role_model import features

    if not with_rule:
        return features([r.title for r in rows], [r.text for r in rows])
    return features([r.title for r in rows], [r.text for r in rows], [r.rule for r in rows],
                    [r.path for r in rows])


def decide(rows: list[Row], p_text: np.ndarray, p_rule: np.ndarray) -> dict[str, list[str]]:
    """Every variant's answer per row, from the two models' probabilities."""
    from etl.role_model import CLASSES

    out: dict[str, list[str]] = {v: [] for v in VARIANTS}
    for r, pt, pr in zip(rows, p_text, p_rule, strict=True):
        best = CLASSES[int(np.argmax(pr))]
        out["A"].append(r.rule)
        out["B"].append(CLASSES[int(np.argmax(pt))])
        out["C"].append(best if r.path in C_PATHS else r.rule)
        for name, p_min in (("D80", 0.80), ("D90", 0.90)):
            out[name].append(best if best != r.rule and float(pr.max()) >= p_min else r.rule)
    return out


def cross_validate(rows: list[Row], c: float, show: bool = False) -> dict[str, list[str]]:
    from etl.role_model import train

    x_text, x_rule = feats(rows, False), feats(rows, True)
    answers: dict[str, list[str]] = {v: [""] * len(rows) for v in VARIANTS}
    for name in dict.fromkeys(r.batch for r in rows):
        train_i = [i for i, r in enumerate(rows) if r.batch != name]
        test_i = [i for i, r in enumerate(rows) if r.batch == name]
        labels = [rows[i].label for i in train_i]
        m_text = train([x_text[i] for i in train_i], labels, c)
        m_rule = train([x_rule[i] for i in train_i], labels, c)
        got = decide([rows[i] for i in test_i], m_text.proba([x_text[i] for i in test_i]),
                     m_rule.proba([x_rule[i] for i in test_i]))
        for v in VARIANTS:
            for i, a in zip(test_i, got[v], strict=True):
                answers[v][i] = a
        if show:
            right = {v: sum(a == rows[i].label for i, a in zip(test_i, got[v], strict=True))
                     for v in VARIANTS}
            print(f"  fold {name}: {len(test_i)} scored, " + ", ".join(f"{v} {n}" for v, n in right.items()),
                  flush=True)
    return answers


def table(rows: list[Row], answers: dict[str, list[str]], title: str) -> None:
    """Accuracy per variant overall, per language, per source; fixes/breaks against A."""
    groups: dict[str, list[int]] = defaultdict(list)
    for i, r in enumerate(rows):
        groups["all"].append(i)
        groups[f"lang {r.language}"].append(i)
        groups[f"src {r.dataset}"].append(i)
        groups[f"path {r.path}"].append(i)
    order = ["all", *(f"lang {lg}" for lg in LANGS if f"lang {lg}" in groups),
             *sorted(k for k in groups if k.startswith("src")),
             *sorted(k for k in groups if k.startswith("path"))]
    print(f"\n{title}")
    print("| group | n | " + " | ".join(VARIANTS) + " | "
          + " | ".join(f"{v} +/-" for v in VARIANTS[1:]) + " |")
    print("| --- | --- |" + " --- |" * (2 * len(VARIANTS) - 1))
    for g in order:
        idx = groups[g]
        acc = [sum(answers[v][i] == rows[i].label for i in idx) / len(idx) for v in VARIANTS]
        fb = []
        for v in VARIANTS[1:]:
            fix = sum(answers[v][i] == rows[i].label != answers["A"][i] for i in idx)
            brk = sum(answers["A"][i] == rows[i].label != answers[v][i] for i in idx)
            fb.append(f"+{fix}/-{brk}")
        print(f"| {g} | {len(idx)} | " + " | ".join(f"{a:.3f}" for a in acc) + " | " + " | ".join(fb) + " |")
    changed = {v: sum(answers[v][i] != answers["A"][i] for i in range(len(rows))) for v in VARIANTS[1:]}
    print("answers changed against A: " + ", ".join(f"{v} {n}" for v, n in changed.items()))


def held_out(train_rows: list[Row], held_rows: list[Row], c: float) -> tuple[dict[str, list[str]], Any, Any]:
    from etl.role_model import train

    labels = [r.label for r in train_rows]
    m_text = train(feats(train_rows, False), labels, c)
    m_rule = train(feats(train_rows, True), labels, c)
    got = decide(held_rows, m_text.proba(feats(held_rows, False)), m_rule.proba(feats(held_rows, True)))
    return got, m_text, m_rule


def timing(rows: list[Row], m_rule: Any, repeat: int = 3) -> None:
    """The added inference cost a posting (features + probabilities; for C only on its paths' postings),
    averaged over ``rows``; the best of ``repeat`` runs."""
    from etl.role_model import features

    def run(sub: list[Row]) -> float:
        best = float("inf")
        for _ in range(repeat):
            t0 = time.perf_counter()
            if sub:
                m_rule.proba(features([r.title for r in sub], [r.text for r in sub], [r.rule for r in sub],
                                      [r.path for r in sub]))
            best = min(best, time.perf_counter() - t0)
        return best

    load = os.getloadavg()[0]
    every = run(rows)
    c_only = run([r for r in rows if r.path in C_PATHS])
    print(f"\ninference (load average {load:.2f} on {os.cpu_count()} cores), averaged over {len(rows)} "
          f"postings: the model on every posting (D80/D90) {every / len(rows) * 1e6:.1f} us a posting; "
          "on C's paths only "
          f"({sum(r.path in C_PATHS for r in rows)} postings) {c_only / len(rows) * 1e6:.1f} us a posting "
          "(the rule path's own cost not counted)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--datasets", type=Path, default=None)
    parser.add_argument("--c", type=float, default=4.0)
    parser.add_argument("--show-folds", action="store_true")
    parser.add_argument("--held", nargs="+", default=list(HELD), metavar="BATCH",
                        help="tune later batches held out of every fit and fold, scored apart (default: "
                             f"{' '.join(HELD)}; after the merge also real-later-v127 real-later-v128)")
    parser.add_argument("--no-cv", action="store_true",
                        help="skip the cross-validation: fit on the training labels, score the held batches")
    args = parser.parse_args(argv)
    held = tuple(args.held)
    t0 = time.perf_counter()
    rows = load_rows(args.datasets)
    train_rows = [r for r in rows if r.batch not in held]
    held_rows = [r for r in rows if r.batch in held]
    print(f"{len(rows)} labelled records read ({len(train_rows)} for the CV in "
          f"{len({r.batch for r in train_rows})} batches, {len(held_rows)} held out: {', '.join(held)}) "
          f"in {time.perf_counter() - t0:.1f} s; labels {dict(Counter(r.label for r in rows))}; "
          f"paths {dict(Counter(r.path for r in train_rows))}", flush=True)
    if not args.no_cv:
        answers = cross_validate(train_rows, args.c, args.show_folds)
        table(train_rows, answers,
              f"Leave-one-batch-out CV over {len(train_rows)} tune labels (C={args.c}; A in-sample)")
    got, _, m_rule = held_out(train_rows, held_rows, args.c)
    for name in held:
        idx = [i for i, r in enumerate(held_rows) if r.batch == name]
        if idx:
            table([held_rows[i] for i in idx], {v: [got[v][i] for i in idx] for v in VARIANTS},
                  f"Held out {name} ({len(idx)}; models fitted on the {len(train_rows)})")
    table(held_rows, got, f"Held out {' + '.join(held)} pooled ({len(held_rows)})")
    timing(rows, m_rule)
    print(f"\n{time.perf_counter() - t0:.0f} s wall")
    return 0

if __name__ == "__main__":
    raise SystemExit(main())
