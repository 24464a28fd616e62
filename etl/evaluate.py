"""Measure extraction quality against hand-labelled postings.

Why: the normalisers are rules, and rules drift. The committed labelled set
(etl/data/labelled/postings.jsonl, labelled by the guide in the README beside it)
is the yardstick: :func:`evaluate` runs the one extraction (:func:`etl.columnar.extract_batch`) over
every labelled posting and scores it, so a rule change shows up as a number and a
list of concrete mistakes, not as a feeling. This module measures; it never
changes labels or code.

Scores: micro precision, recall and F1 for skills (and, separately, for senior
responsibilities where a posting labels them); exact-match rate for the other
fields, counted over the postings that label the field (numbers equal within 0.5). Beside them, counts
only: each exact field's misses by kind (``MISS_KINDS``) and, for ``CATEGORICAL_FIELDS``, the postings by
labelled and said value (``confusion``), published for ``real-test-all`` (``markdown_report``).
"""

from __future__ import annotations

import argparse
import json
import math
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

from etl.later_labels import HELD_OUT_PREFIX, LATER_PREFIX, load_later_labels
from etl.record import SourceError

DEFAULT_LABELS = Path(__file__).resolve().parent / "data" / "labelled" / "postings.jsonl"
# The committed set's scores, written by `etl evaluate --save` and copied into every warehouse a load
# publishes (table extraction_quality), so the app shows them without running the extraction; a test
# holds the file to what the committed code scores.
SCORES = DEFAULT_LABELS.with_name("scores.json")
SET_FIELDS = ("skills", "responsibilities")
EXACT_FIELDS = ("salary", "experience_years", "seniority", "remote", "country", "region", "city", "degree")
# Exact fields a set holds only where some of its records label them (the role family, labelled by later
# batches since h18role): scored as the others, but a result whose set labels none has no trace of them (no
# row, key or column), so the sets labelled before print and publish exactly as they did.
OPTIONAL_FIELDS = ("role_family",)
# Fields of a few named values: their misses are cross-tabulated (labelled value x said value), since a
# chart's share of one value is biased by the direction of the misses, not by their number.
CATEGORICAL_FIELDS = ("seniority", "remote", "degree", "role_family")
# A miss's kind: "wrong" a different value, "said" a value where the posting states none (the label is null),
# "silent" null where the posting states one.
MISS_KINDS = ("wrong", "said", "silent")
TOLERANCE = 0.5
Z95 = 1.959964  # two-sided 95% normal quantile, for the Wilson intervals
SETS = ("synthetic", "real-tune", "real-test")
READABLE_SETS = ("synthetic", "real-tune")  # sets whose mistakes may be printed; never the test half
# One fresh tune batch alone (``real-fresh-v3``: its seed in etl/data/labelled/real/sample-fresh.jsonl):
# scored before any rule is changed on it, it is an out-of-sample figure; it is tune data, so its misses may
# be read.
FRESH_PREFIX = "real-fresh-"
# Held-out TEST batches (``split: test`` in fresh_batches.yaml, e.g. ``real-test-v2``): a second yardstick
# drawn beside the frozen test half, scored and never read for misses as that half is. ``real-test-all``
# scores the frozen test half and every test batch together (issue 9: the larger n narrows the intervals).
TEST_ALL = "real-test-all"
# A held-out later batch (``split: test`` in later_batches.yaml, ``real-test-later-v1``): labelled test
# records labelled again for a field labelled late (the role family); scored alone, and its fields join the
# same records' scores in ``real-test-all`` (no record is added there, so nothing else of it moves).
TARGETS = {  # metric -> minimum; the regression test holds the committed set to these
    "skills.precision": 0.98, "skills.recall": 0.98, "salary": 0.95, "experience_years": 0.95,
    "seniority": 0.95, "remote": 0.95, "country": 0.95, "region": 0.95, "degree": 0.95,
}
REAL_TARGETS = {  # issue 9's targets for real postings (the test half)
    "skills.precision": 0.98, "skills.recall": 0.98, "salary": 0.97, "experience_years": 0.97,
    "seniority": 0.97, "remote": 0.97, "country": 0.97, "region": 0.97, "degree": 0.97,
    "role_family": 0.97,  # an optional field: a target only where a set labels it (score)
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


def score(pairs: Iterable[tuple[Mapping[str, Any], Mapping[str, Any]]],
          targets: Mapping[str, float] = TARGETS) -> dict[str, Any]:
    """Scores for (labelled posting, extracted record) pairs; see the module docstring."""
    counts = {f: [0, 0, 0, 0] for f in SET_FIELDS}  # tp, fp, fn, postings
    scored = EXACT_FIELDS + OPTIONAL_FIELDS
    exact = {f: [0, 0] for f in scored}  # correct, labelled
    errors: dict[str, list[dict[str, Any]]] = {f: [] for f in SET_FIELDS + scored}
    kinds = {f: dict.fromkeys(MISS_KINDS, 0) for f in scored}
    cells: dict[str, dict[tuple[Any, Any], int]] = {f: {} for f in CATEGORICAL_FIELDS}
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
        for f in scored:
            if f not in expected:
                continue
            exact[f][1] += 1
            if f in cells:
                key = (expected[f], got.get(f))
                cells[f][key] = cells[f].get(key, 0) + 1
            if same(expected[f], got.get(f)):
                exact[f][0] += 1
            else:
                kinds[f]["said" if expected[f] is None else "silent" if got.get(f) is None else "wrong"] += 1
                errors[f].append({"id": pid, "expected": expected[f], "got": got.get(f),
                                  "title": posting.get("title")})
    for f in OPTIONAL_FIELDS:
        if not exact[f][1]:  # labelled nowhere in this set: the result is the one it was before the field
            for table in (exact, kinds, cells, errors):
                table.pop(f, None)
    result: dict[str, Any] = {"postings": n}
    for f in SET_FIELDS:
        result[f] = _set_scores(*counts[f])
    result["fields"] = {
        f: {"correct": c, "labelled": t, "accuracy": _ratio(c, t)} for f, (c, t) in exact.items()
    }
    result["targets"] = {m: {"value": _metric(result, m), "target": t, "pass": _metric(result, m) >= t}
                         for m, t in targets.items()
                         if m not in OPTIONAL_FIELDS or m in result["fields"]}
    result["all_pass"] = all(v["pass"] for v in result["targets"].values())
    result["miss_kinds"] = kinds
    result["confusion"] = {f: [[want, said, k] for (want, said), k in sorted(c.items(), key=_null_first)]
                           for f, c in cells.items()}
    result["errors"] = errors
    return result


def _null_first(cell: tuple[tuple[Any, Any], int]) -> tuple[bool, str, bool, str]:
    (want, said), _ = cell
    return want is not None, str(want), said is not None, str(said)


def _metric(result: Mapping[str, Any], name: str) -> float:
    if "." in name:
        group, key = name.split(".", 1)
        return float(result[group][key])
    return float(result["fields"][name]["accuracy"])


def wilson(k: int, n: int, z: float = Z95) -> tuple[float, float] | None:
    """The Wilson score interval of k successes in n trials (95% by default); None for n = 0.

    Why Wilson: with scores near 1 and a few dozen postings per language, the normal
    approximation gives intervals past 1.0 or of zero width; Wilson's stays inside [0, 1].
    """
    if n <= 0:
        return None
    p = k / n
    denom = 1 + z * z / n
    centre = (p + z * z / (2 * n)) / denom
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / denom
    return max(0.0, centre - half), min(1.0, centre + half)


def with_intervals(result: dict[str, Any]) -> dict[str, Any]:
    """Add a 95% Wilson interval and its n to every metric of a :func:`score` result (in place)."""
    for f in SET_FIELDS:
        s = result[f]
        s["precision_n"], s["recall_n"] = s["tp"] + s["fp"], s["tp"] + s["fn"]
        s["precision_ci"], s["recall_ci"] = wilson(s["tp"], s["precision_n"]), wilson(s["tp"], s["recall_n"])
    for s in result["fields"].values():
        s["ci"] = wilson(s["correct"], s["labelled"])
    return result


def evaluate(labels_path: Path | str | None = None) -> dict[str, Any]:
    """Run the extraction (Arrow batches, as ``etl load``) on every labelled posting and score the results."""
    path = Path(labels_path) if labels_path else DEFAULT_LABELS
    postings = load_labels(path)
    # after the labels: a bad labels file is reported first
    from etl.columnar import extract_batch, mappings_to_batch, output_records

    got: list[dict[str, Any]] = []
    for start in range(0, len(postings), 1000):  # the same Arrow batch extraction as etl load
        chunk = postings[start:start + 1000]
        got += output_records(extract_batch(mappings_to_batch(chunk)), [p.get("id") for p in chunk])
    result = with_intervals(score(zip(postings, got, strict=True)))
    result["labels"] = str(path)
    return result


def test_batches(labels_dir: Path | None = None) -> list[str]:
    """The held-out test batches drawn into ``labels_dir``'s sample (seeds, in draw order)."""
    from etl import real_labels as rl
    from etl.labelled_sample import TEST_BATCHES

    drawn = {row.get("batch") for row in rl.load_sample(labels_dir or rl.REAL_DIR).values()}
    return [b for b in TEST_BATCHES if b in drawn]


def evaluate_real(split: str, datasets: Path | None = None, labels_dir: Path | None = None,
                  batch: str | None = None, combined: bool = False,
                  later: str | None = None) -> dict[str, Any]:
    """Score the real labelled postings of one half (or of one fresh batch), overall and per language;
    ``combined``: the test half and every held-out test batch together (``real-test-all``).

    Each label's record is read through the adapter ``etl load`` picks and extracted with
    the same :func:`etl.extract.extract`. Records that cannot be read that way are counted as
    not loadable, by dataset and reason. The test half's result carries no mistakes at all,
    so nothing downstream can print them.
    """
    from etl import real_labels as rl

    labels_dir = labels_dir or rl.REAL_DIR
    datasets = datasets or rl.DEFAULT_DATASETS
    later_labels: list[dict[str, Any]] = []
    if later is not None:  # one later batch alone (etl.later_labels): fields labelled later
        labels = load_later_labels(labels_dir, later)
    else:
        labels = rl.load_real_labels(labels_dir, split, batch)
        if split == "tune" and batch is None:
            # the tune half holds the fields labelled later too: each later label scores its own fields only
            later_labels = load_later_labels(labels_dir)
    if combined:
        labels += [lb for b in test_batches(labels_dir) for lb in rl.load_real_labels(labels_dir, "test", b)]
        labels = _with_held_out_later(labels, load_later_labels(labels_dir, split="test"))
    from etl.extract import extract

    # resolved apart: a record labelled later is the same reference as its first label (and as its label in
    # another later batch asking other fields)
    resolved = rl.resolve(labels, datasets)
    for name in dict.fromkeys(lb["batch"] for lb in later_labels):
        resolved += rl.resolve([lb for lb in later_labels if lb["batch"] == name], datasets)
    labels = labels + later_labels
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = []
    not_loadable: dict[str, dict[str, Any]] = {}
    for r in resolved:
        if r.item is None:
            entry = not_loadable.setdefault(r.label["dataset"], {"count": 0, "reasons": {}})
            entry["count"] += 1
            reason = r.reason or "unknown"
            entry["reasons"][reason] = entry["reasons"].get(reason, 0) + 1
            continue
        posting = {"id": str(r.ref), "title": r.item.get("title"), "language": r.label["language"],
                   "expected": r.label["expected"]}
        pairs.append((posting, extract(r.item)))
    result = with_intervals(score(pairs, REAL_TARGETS))
    by_language: dict[str, Any] = {}
    for lang in sorted({p["language"] for p, _ in pairs}):
        part = with_intervals(score([(p, g) for p, g in pairs if p["language"] == lang], REAL_TARGETS))
        part.pop("errors")
        by_language[lang] = part
    # scores per dataset (never its misses): where the next labels should come from
    by_source: dict[str, Any] = {}
    for source in sorted({_source_of(p) for p, _ in pairs}):
        part = with_intervals(score([(p, g) for p, g in pairs if _source_of(p) == source], REAL_TARGETS))
        part.pop("errors")
        by_source[source] = part
    result.update({
        "set": TEST_ALL if combined else later or batch or f"real-{split}", "labels": str(labels_dir),
        "datasets": str(datasets),
        "labelled": len(labels), "excluded": sum(1 for lb in labels if "exclude" in lb),
        "not_loadable": {"count": sum(e["count"] for e in not_loadable.values()), "by_dataset": not_loadable},
        "by_language": by_language,
        "by_source": by_source,
        "by_dataset": {d: part["postings"] for d, part in by_source.items()},
    })
    if split == "test":
        del result["errors"]  # the test half and the test batches are scored, never read for misses
    return result


def _source_of(posting: Mapping[str, Any]) -> str:
    """The dataset a scored posting comes from (its id is ``<dataset>/<file>#<record>``)."""
    return str(posting["id"]).split("/", 1)[0]


def _with_held_out_later(labels: list[dict[str, Any]],
                         later: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``labels`` with each held-out later label's fields added to its record's ``expected`` (the same record,
    so ``real-test-all`` gains those fields' rows and nothing else moves); an excluded later label adds
    nothing. A later label whose record is not among ``labels``, or asks a field it holds, is refused."""
    from etl import real_labels as rl

    extra: dict[Any, dict[str, Any]] = {}
    for lb in later:
        if "exclude" not in lb:
            extra.setdefault(rl.ref_of(lb), {}).update(lb["expected"])
    out = []
    for lb in labels:
        more = extra.pop(rl.ref_of(lb), None)
        if more is not None:
            if "exclude" in lb or set(more) & set(lb["expected"]):
                raise SourceError(f"{rl.ref_of(lb)}: a held-out later label adds {', '.join(sorted(more))} "
                                  "to an excluded record or to a field it labels")
            lb = {**lb, "expected": {**lb["expected"], **more}}
        out.append(lb)
    if extra:
        raise SourceError(f"held-out later labels of records not in {TEST_ALL}: "
                          f"{', '.join(str(r) for r in sorted(extra, key=str))}")
    return out


def evaluate_set(name: str, datasets: Path | None = None, labels_dir: Path | None = None,
                 labels_path: Path | str | None = None) -> dict[str, Any]:
    """One named set: ``synthetic`` (the committed set, or ``labels_path``), ``real-tune``, ``real-test``,
    one fresh tune batch (``real-fresh-v3``), one held-out test batch (``real-test-v2``) or ``real-test-all``
    (the test half and every test batch)."""
    if name == "synthetic":
        result = evaluate(labels_path)
        result.update({"set": name, "labelled": result["postings"], "excluded": 0,
                       "not_loadable": {"count": 0, "by_dataset": {}}, "by_language": {}})
        return result
    if name in ("real-tune", "real-test"):
        return evaluate_real(name.removeprefix("real-"), datasets, labels_dir)
    if name.startswith(FRESH_PREFIX):
        return evaluate_real("tune", datasets, labels_dir, batch=name)
    if name.startswith(LATER_PREFIX):
        return evaluate_real("tune", datasets, labels_dir, later=name)
    if name.startswith(HELD_OUT_PREFIX):  # a held-out later batch: scored, never read for misses
        return evaluate_real("test", datasets, labels_dir, later=name)
    if name == TEST_ALL:
        return evaluate_real("test", datasets, labels_dir, combined=True)
    from etl.labelled_sample import TEST_BATCHES

    if name in TEST_BATCHES:
        return evaluate_real("test", datasets, labels_dir, batch=name)
    raise SourceError(f"unknown set {name!r}; known: {', '.join(SETS)}, {FRESH_PREFIX}<batch>, "
                      f"{LATER_PREFIX}<batch>, {HELD_OUT_PREFIX}<batch>, "
                      f"{', '.join(TEST_BATCHES) + ', ' if TEST_BATCHES else ''}{TEST_ALL}")


def _metric_rows(result: Mapping[str, Any]) -> list[tuple[str, float, int, tuple[float, float] | None]]:
    """(metric, value, n, 95% interval) for every metric of a scored result."""
    rows = []
    for f in SET_FIELDS:
        s = result[f]
        rows.append((f"{f}.precision", s["precision"], s["precision_n"], s["precision_ci"]))
        rows.append((f"{f}.recall", s["recall"], s["recall_n"], s["recall_ci"]))
    for f, s in result["fields"].items():
        rows.append((f, s["accuracy"], s["labelled"], s["ci"]))
    return rows


def quality_rows(result: Mapping[str, Any], language: str | None = None,
                 start: int = 0) -> list[dict[str, Any]]:
    """A scored set as the warehouse's extraction_quality rows (rounded, so the saved file is stable).

    ``language``: the rows score only that language's postings of the set (None: all of them).
    """
    targets = result.get("targets", {})

    def r(x: float | None) -> float | None:
        return None if x is None else round(float(x), 6)

    return [
        {
            "labelled_set": result.get("set", "synthetic"),
            "language": language,
            "position": start + i,
            "metric": metric,
            "value": r(value),
            "n": n,
            "ci_low": r(ci[0]) if ci else None,
            "ci_high": r(ci[1]) if ci else None,
            "target": targets.get(metric, {}).get("target"),
            "meets_target": targets.get(metric, {}).get("pass"),
            "postings": result["postings"],
        }
        for i, (metric, value, n, ci) in enumerate(_metric_rows(result))
    ]


def set_rows(result: Mapping[str, Any]) -> list[dict[str, Any]]:
    """A set's rows: all its postings, then each language's (real sets), positions in that order."""
    rows = quality_rows(result)
    for lang in sorted(result.get("by_language") or {}):
        part = dict(result["by_language"][lang], set=result["set"])
        rows += quality_rows(part, lang, start=len(rows))
    return rows


SAVED_SETS = ("synthetic", "real-test")  # the tune half is for reading misses; its scores are not published


def saved_sets() -> tuple[str, ...]:
    """SAVED_SETS and, after them, every held-out test batch and ``real-test-all`` (published as the test half
    is: scores only)."""
    from etl.labelled_sample import TEST_BATCHES

    return (*SAVED_SETS, *TEST_BATCHES, TEST_ALL)


def save_scores(results: Sequence[Mapping[str, Any]], path: Path | None = None) -> list[str]:
    """Write the rows of the saved sets among ``results`` into the scores file, keeping the rows of the
    saved sets it does not hold (``--set synthetic --save`` leaves the test half's scores as they were)."""
    path = path or SCORES
    saved = saved_sets()
    fresh = {r["set"]: r for r in results if r["set"] in saved}
    kept = [row for row in stored_scores(path) if row.get("labelled_set") not in fresh]
    rows = [row for s in saved for row in (set_rows(fresh[s]) if s in fresh else
                                                [r for r in kept if r.get("labelled_set") == s])]
    path.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return sorted(fresh)


def stored_scores(path: Path | None = None) -> list[dict[str, Any]]:
    """The saved scores (none when the file is missing: a warehouse then says it has no figures)."""
    path = path or SCORES
    if not path.is_file():
        return []
    rows = json.loads(path.read_text(encoding="utf-8"))
    return rows if isinstance(rows, list) else []


def _cell(value: float, n: int, ci: tuple[float, float] | None) -> str:
    if not n:
        return "-"
    lo, hi = ci or (value, value)
    return f"{value:.3f} [{lo:.2f}-{hi:.2f}] n={n}"


def _side_by_side(results: Sequence[Mapping[str, Any]], columns: list[str], title: str,
                  targets: Mapping[str, float] | None = None) -> list[str]:
    width = max(26, *(len(_cell(v, n, ci)) + 2 for r in results for _m, v, n, ci in _metric_rows(r)))
    lines = [title, "", f"{'metric':<28}" + "".join(f"{c:<{width}}" for c in columns)
             + ("target (real)" if targets else "")]
    per_result = [{m: (v, n, ci) for m, v, n, ci in _metric_rows(r)} for r in results]
    # every metric of any result, in the first result's order (a field labelled by some sets only, the role
    # family, comes last and shows "-" where a set labels none)
    metrics = list(dict.fromkeys(m for rows in per_result for m in rows))
    for metric in metrics:
        cells = "".join(f"{_cell(*rows.get(metric, (0.0, 0, None))):<{width}}" for rows in per_result)
        target = f">= {targets[metric]:.2f}" if targets and metric in targets else ""
        lines.append(f"{metric:<28}{cells}{target}".rstrip())
    return lines


def _accounting(result: Mapping[str, Any]) -> str:
    nl = result["not_loadable"]
    text = (f"{result['set']}: {result['labelled']} labels = {result['postings']} scored + "
            f"{result['excluded']} excluded + {nl['count']} not loadable")
    for dataset, entry in sorted(nl["by_dataset"].items()):
        reasons = "; ".join(f"{reason} ({c})" for reason, c in sorted(entry["reasons"].items()))
        text += f"\n  not loadable: {dataset}: {entry['count']}: {reasons}"
    return text


def _report(results: list[dict[str, Any]]) -> list[str]:
    """All sets side by side, then each real set per language and per source (95% Wilson intervals
    throughout)."""
    names = [r["set"] for r in results]
    lines = _side_by_side(results, names, "Extraction quality (95% Wilson intervals; n = postings labelling "
                          "the field, or skill mentions for skills)", REAL_TARGETS)
    lines.append("")
    lines += [_accounting(r) for r in results]
    for r in results:
        langs = sorted(r["by_language"])
        if not langs:
            continue
        lines.append("")
        lines += _side_by_side([r, *(r["by_language"][lg] for lg in langs)],
                               ["all", *(f"{lg} ({r['by_language'][lg]['postings']})" for lg in langs)],
                               f"{r['set']} by language (the label's language; postings in brackets)")
    for r in results:
        sources = sorted(r.get("by_source") or {})
        if not sources:
            continue
        lines.append("")
        lines += _side_by_side([r, *(r["by_source"][s] for s in sources)],
                               ["all", *(f"{s} ({r['by_source'][s]['postings']})" for s in sources)],
                               f"{r['set']} by source (the dataset; postings in brackets)")
    return lines


MD_BEGIN = (
    "<!-- accuracy:begin (generated by `python -m etl evaluate --set {set} --markdown FILE`; do not edit) -->"
)
MD_END = "<!-- accuracy:end -->"
# Each scored field as people name it (the accuracy tables, the Data page): one list for both.
FIELD_NAMES = {
    "skills.precision": "skills, precision",
    "skills.recall": "skills, recall",
    "experience_years": "experience (years)",
    "salary": "salary",
    "seniority": "seniority",
    "remote": "remote / hybrid / onsite",
    "country": "country",
    "region": "region",
    "city": "city",
    "degree": "degree",
    "role_family": "role family",
}


def _md_cell(value: float, n: int, ci: tuple[float, float] | None) -> str:
    if not n:
        return "-"
    lo, hi = ci or (value, value)
    return f"{value:.3f} ({lo:.2f}-{hi:.2f}), n={n}"


def markdown_report(result: Mapping[str, Any], breakdown: bool | None = None) -> list[str]:
    """One set's scores as Markdown: every field overall with its target, then every field per language;
    with ``breakdown`` (default: for ``real-test-all``, the published figure) the misses by kind and the
    categorical fields' cross tables.

    The lines carry no date, so a document holding them changes only when the scores do.
    """
    rows = [(m, v, n, ci) for m, v, n, ci in _metric_rows(result) if m in FIELD_NAMES]
    langs = sorted(result.get("by_language") or {})
    sizes = ", ".join(f"{result['by_language'][lg]['postings']} {lg}" for lg in langs)
    nl = result["not_loadable"]["count"]
    lines = [f"Set `{result['set']}`: {result['postings']} postings scored" + (f" ({sizes})" if sizes else "")
             + f", {result['excluded']} excluded, {nl} not loadable. Exact-match accuracy per field (skills:"
             " precision and recall over skill mentions), with the 95% Wilson interval and n, the postings"
             " labelling the field (skill mentions for skills).", "",
             "| field | score (95% interval), n | target |", "| --- | --- | --- |"]
    for metric, value, n, ci in rows:
        target = REAL_TARGETS.get(metric)
        lines.append(
            f"| {FIELD_NAMES[metric]} | {_md_cell(value, n, ci)} | {f'>= {target:.2f}' if target else '-'} |"
        )
    if result.get("by_dataset"):
        lines += ["", "Postings scored per dataset of `../shared/datasets`: "
                  + ", ".join(f"{d} {n}" for d, n in result["by_dataset"].items()) + "."]
    if langs:
        per = {lg: {m: (v, n, ci) for m, v, n, ci in _metric_rows(result["by_language"][lg])} for lg in langs}
        lines += [
            "",
            "By the posting's language (postings in brackets; the targets hold for each language "
            "with at least 20 postings):",
            "",
            "| field | "
            + " | ".join(f"{lg} ({result['by_language'][lg]['postings']})" for lg in langs)
            + " |",
            "| --- |" + " --- |" * len(langs),
        ]
        for metric, *_ in rows:
            lines.append(
                f"| {FIELD_NAMES[metric]} | "
                + " | ".join(_md_cell(*per[lg].get(metric, (0.0, 0, None))) for lg in langs) + " |"
            )
    sources = sorted(result.get("by_source") or {})
    if len(sources) > 1:
        per = {s: {m: (v, n, ci) for m, v, n, ci in _metric_rows(result["by_source"][s])} for s in sources}
        lines += ["", "By source (the dataset of `../shared/datasets`; postings in brackets):", "",
                  "| field | " + " | ".join(f"{s} ({result['by_source'][s]['postings']})" for s in sources)
                  + " |",
                  "| --- |" + " --- |" * len(sources)]
        for metric, *_ in rows:
            lines.append(f"| {FIELD_NAMES[metric]} | "
                         + " | ".join(_md_cell(*per[s].get(metric, (0.0, 0, None))) for s in sources) + " |")
    if breakdown if breakdown is not None else result.get("set") == TEST_ALL:
        lines += _breakdown(result)
    return lines


def _breakdown(result: Mapping[str, Any]) -> list[str]:
    """Which way each field errs (counts of postings, never which ones): the kinds of miss, then a cross
    table per categorical field with the share of each value said against labelled."""
    kinds = result["miss_kinds"]
    lines = ["", "Misses by kind (postings): a different value; a value where the posting states none (the "
             "label is null); null where the posting states one.", "",
             "| field | misses | a different value | a value, none stated | null, one stated |",
             "| --- | --- | --- | --- | --- |"]
    for f, s in result["fields"].items():
        k = kinds[f]
        if s["labelled"]:
            lines.append(f"| {FIELD_NAMES[f]} | {sum(k.values())} | {k['wrong']} | {k['said']} "
                         f"| {k['silent']} |")
    for f, cells in result["confusion"].items():
        if not cells:
            continue
        labelled: dict[Any, int] = {}
        said: dict[Any, int] = {}
        for want, got, n in cells:
            labelled[want] = labelled.get(want, 0) + n
            said[got] = said.get(got, 0) + n
        values = sorted(labelled.keys() | said.keys(),
                        key=lambda v: (v is None, -labelled.get(v, 0), -said.get(v, 0), str(v)))
        grid = {(w, g): n for w, g, n in cells}
        total = sum(labelled.values())
        name = [("null" if v is None else str(v)) for v in values]
        lines += ["", f"{FIELD_NAMES[f]}: postings by their label (rows) and by what the code says (columns)",
                  "",
                  "| labelled \\ said | " + " | ".join(name) + " | total |",
                  "| --- |" + " --- |" * (len(values) + 1)]
        for v, label in zip(values, name, strict=True):
            lines.append(f"| {label} | " + " | ".join(str(grid.get((v, g), 0)) for g in values)
                         + f" | {labelled.get(v, 0)} |")
        lines.append("| total | " + " | ".join(str(said.get(g, 0)) for g in values) + f" | {total} |")
        lines += ["", "share said / labelled: " + ", ".join(
            f"{label} {said.get(v, 0) / total:.1%} / {labelled.get(v, 0) / total:.1%}"
            for v, label in zip(values, name, strict=True))]
    return lines


def write_markdown_block(path: Path, set_name: str, lines: list[str]) -> None:
    """Replace the generated block of ``path`` (between MD_BEGIN and MD_END) with ``lines``."""
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    begin, end = MD_BEGIN.format(set=set_name), MD_END
    if begin not in text or end not in text:
        raise SourceError(f"{path}: no generated block; add the lines {begin!r} and {end!r} where it goes")
    head, rest = text.split(begin, 1)
    tail = rest.split(end, 1)[1]
    path.write_text(head + begin + "\n" + "\n".join(lines) + "\n" + end + tail, encoding="utf-8")


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
    """``python -m etl evaluate``: the scores of one set or of all side by side; exit 0 even below target.

    Mistakes (``--errors N``) are printed only for one named set that may be read for them:
    ``synthetic`` or ``real-tune``. The test half is scored and never read for misses.
    """
    name = getattr(args, "set", None)
    errors = getattr(args, "errors", 0) or 0
    datasets = Path(args.datasets) if getattr(args, "datasets", None) else None
    labels_dir = Path(args.real_labels) if getattr(args, "real_labels", None) else None
    if name is None and args.labels:
        name = "synthetic"  # scoring one labelled file, as before sets existed
    if errors and name not in READABLE_SETS and not (name or "").startswith((FRESH_PREFIX, LATER_PREFIX)):
        raise SourceError("--errors needs --set synthetic, real-tune or a real-fresh or real-later batch: "
                          "the test half is scored, never read for misses")
    if getattr(args, "save", False) and (args.labels or name not in (None, *saved_sets())):
        raise SourceError(f"--save stores the scores of {' and '.join(saved_sets())}: use it without "
                          "--labels and with one of those sets or no --set")
    if args.labels and name not in (None, "synthetic"):
        raise SourceError("--labels names a synthetic-format set; it cannot be combined with --set " + name)
    if args.labels:
        result = evaluate_set("synthetic", labels_path=args.labels)
        lines = _table(result)
        results = [result]
    elif name is not None:
        result = evaluate_set(name, datasets, labels_dir)
        results = [result]
        lines = _report(results)
    else:
        # every set side by side; the held-out test batches and the test half with them, when drawn
        from etl.real_labels import shared_reads

        extra = test_batches(labels_dir)
        names = [*SETS, *extra, *([TEST_ALL] if extra else [])]
        with shared_reads():  # the sets resolve labels in the same files: each file is read once
            results = [evaluate_set(s, datasets, labels_dir) for s in names]
        lines = _report(results)
    if errors:
        lines += _error_lines(results[0], errors)
    if getattr(args, "save", False):
        saved = save_scores(results)
        lines.append(f"saved the scores of {', '.join(saved)} to {SCORES} "
                     "(copied into the warehouse at the next load)")
    markdown = getattr(args, "markdown", None)
    if markdown is not None:
        if name is None:
            raise SourceError("--markdown needs one --set")
        lines = markdown_report(results[0])
        if markdown != "-":  # a file: its generated block is replaced, the rest stays as written
            write_markdown_block(Path(markdown), name, lines)
            lines = [f"{markdown}: scores of {name} written"]
    print("\n".join(lines))
    if args.json:
        figures = [{k: v for k, v in r.items() if k != "errors"} for r in results]
        print(
            json.dumps(
                figures[0] if name else {r["set"]: r for r in figures}, ensure_ascii=False, default=str
            )
        )
    return 0
