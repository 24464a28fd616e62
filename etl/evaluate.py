"""Measure extraction quality against hand-labelled postings.

Why: the normalisers are rules, and rules drift. The committed labelled set
(etl/data/labelled/postings.jsonl, labelled by the guide in the README beside it)
is the yardstick: :func:`evaluate` runs the one :func:`etl.extract.extract` over
every labelled posting and scores it, so a rule change shows up as a number and a
list of concrete mistakes, not as a feeling. This module measures; it never
changes labels or code.

Scores: micro precision, recall and F1 for skills (and, separately, for senior
responsibilities where a posting labels them); exact-match rate for the other
fields, counted over the postings that label the field (numbers equal within 0.5).
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

from etl.record import SourceError

DEFAULT_LABELS = Path(__file__).resolve().parent / "data" / "labelled" / "postings.jsonl"
SET_FIELDS = ("skills", "responsibilities")
EXACT_FIELDS = ("salary", "experience_years", "seniority", "remote", "country", "region", "city", "degree")
TOLERANCE = 0.5
TARGETS = {  # metric -> minimum; the regression test holds the committed set to these
    "skills.precision": 0.98, "skills.recall": 0.98, "salary": 0.95, "experience_years": 0.95,
    "seniority": 0.95, "remote": 0.95, "country": 0.95, "region": 0.95, "degree": 0.95,
}


def load_labels(path: Path) -> list[dict[str, Any]]:
    """The labelled postings of a JSONL file; a missing file or a bad line is a one-line SourceError."""
    if not path.is_file():
        raise SourceError(f"labelled set not found: {path}")
    postings = []
    with path.open(encoding="utf-8") as f:
        for no, line in enumerate(f, 1):
            if not line.strip():
                continue
            try:
                item = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceError(f"{path}:{no}: invalid JSON: {exc.msg}") from None
            if not isinstance(item, dict) or not isinstance(item.get("expected"), dict):
                raise SourceError(f"{path}:{no}: a labelled posting needs an 'expected' object")
            postings.append(item)
    return postings


def same(expected: Any, got: Any) -> bool:
    """Field equality: numbers within TOLERANCE, dicts key by key, everything else exactly."""
    if isinstance(expected, Mapping) and isinstance(got, Mapping):
        return expected.keys() == got.keys() and all(same(expected[k], got[k]) for k in expected)
    if isinstance(expected, int | float) and isinstance(got, int | float) \
            and not isinstance(expected, bool) and not isinstance(got, bool):
        return abs(expected - got) <= TOLERANCE
    if isinstance(expected, bool) or isinstance(got, bool):
        return expected is got
    return bool(expected == got)


def _ratio(num: int, den: int) -> float:
    return num / den if den else 1.0


def _set_scores(tp: int, fp: int, fn: int, postings: int) -> dict[str, Any]:
    p, r = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    return {"postings": postings, "tp": tp, "fp": fp, "fn": fn, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def score(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]]) -> dict[str, Any]:
    """Scores for (labelled posting, extracted record) pairs; see the module docstring."""
    counts = {f: [0, 0, 0, 0] for f in SET_FIELDS}  # tp, fp, fn, postings
    exact = {f: [0, 0] for f in EXACT_FIELDS}  # correct, labelled
    errors: dict[str, list[dict[str, Any]]] = {f: [] for f in SET_FIELDS + EXACT_FIELDS}
    n = 0
    for posting, got in pairs:
        n += 1
        expected = posting["expected"]
        pid = posting.get("id")
        for f in SET_FIELDS:
            if f not in expected:
                continue
            want, have = set(expected[f] or ()), set(got.get(f) or ())
            c = counts[f]
            c[0] += len(want & have)
            c[1] += len(have - want)
            c[2] += len(want - have)
            c[3] += 1
            if want != have:
                errors[f].append({"id": pid, "missing": sorted(want - have), "extra": sorted(have - want),
                                  "title": posting.get("title")})
        for f in EXACT_FIELDS:
            if f not in expected:
                continue
            exact[f][1] += 1
            if same(expected[f], got.get(f)):
                exact[f][0] += 1
            else:
                errors[f].append({"id": pid, "expected": expected[f], "got": got.get(f),
                                  "title": posting.get("title")})
    result: dict[str, Any] = {"postings": n}
    for f in SET_FIELDS:
        result[f] = _set_scores(*counts[f])
    result["fields"] = {f: {"correct": c, "labelled": t, "accuracy": _ratio(c, t)} for f, (c, t) in exact.items()}
    result["targets"] = {m: {"value": _metric(result, m), "target": t, "pass": _metric(result, m) >= t}
                         for m, t in TARGETS.items()}
    result["all_pass"] = all(v["pass"] for v in result["targets"].values())
    result["errors"] = errors
    return result


def _metric(result: Mapping[str, Any], name: str) -> float:
    if "." in name:
        group, key = name.split(".", 1)
        return float(result[group][key])
    return float(result["fields"][name]["accuracy"])


def evaluate(labels_path: Path | str | None = None) -> dict[str, Any]:
    """Run :func:`etl.extract.extract` on every labelled posting and score the results."""
    path = Path(labels_path) if labels_path else DEFAULT_LABELS
    postings = load_labels(path)
    from etl.extract import extract  # after the labels: a bad labels file is reported first

    result = score((p, extract(p)) for p in postings)
    result["labels"] = str(path)
    return result


def _table(result: Mapping[str, Any]) -> list[str]:
    targets = result["targets"]
    lines = [f"Extraction quality on {result['postings']} labelled postings ({result['labels']})", "",
             f"{'metric':<28}{'value':>8}   {'target':<9}{'result'}"]

    def row(name: str, value: float, detail: str) -> None:
        t = targets.get(name)
        verdict = ("pass" if t["pass"] else "FAIL") if t else ""
        target = f">= {t['target']:.2f}" if t else ""
        lines.append(f"{name:<28}{value:>8.3f}   {target:<9}{verdict:<5} {detail}".rstrip())

    for f in SET_FIELDS:
        s = result[f]
        detail = f"tp={s['tp']} fp={s['fp']} fn={s['fn']} over {s['postings']} postings"
        row(f"{f}.precision", s["precision"], detail)
        row(f"{f}.recall", s["recall"], "")
        row(f"{f}.f1", s["f1"], "")
    for f, s in result["fields"].items():
        row(f, s["accuracy"], f"{s['correct']}/{s['labelled']}")
    failed = [m for m, t in targets.items() if not t["pass"]]
    lines += ["", "all targets met" if not failed else f"BELOW TARGET: {', '.join(failed)}"]
    return lines


def _error_lines(result: Mapping[str, Any], limit: int) -> list[str]:
    lines = []
    for field, errs in result["errors"].items():
        if not errs:
            continue
        lines += ["", f"{field}: {len(errs)} mistakes" + (f" (first {limit})" if len(errs) > limit else "")]
        for e in errs[:limit]:
            if "missing" in e:
                lines.append(f"  {e['id']}: missing {e['missing']} extra {e['extra']}  [{e['title']}]")
            else:
                lines.append(f"  {e['id']}: expected {json.dumps(e['expected'], ensure_ascii=False)}"
                             f" got {json.dumps(e['got'], ensure_ascii=False)}  [{e['title']}]")
    return lines


def cli_evaluate(args: argparse.Namespace) -> int:
    """``python -m etl evaluate``: the table, optional mistakes, optional JSON last line. Exit 0."""
    result = evaluate(args.labels)
    lines = _table(result)
    if args.errors:
        lines += _error_lines(result, args.errors)
    print("\n".join(lines))
    if args.json:
        figures = {k: v for k, v in result.items() if k != "errors"}
        print(json.dumps(figures, ensure_ascii=False, default=str))
    return 0
