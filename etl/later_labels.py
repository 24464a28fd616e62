"""Labels added later to tune records, for fields their batch did not label ("later batches").

Why: the shared exports hold almost no undrawn posting any more (about 66 Hacker News records, no German,
French or Portuguese one), while most fresh tune batches were labelled for a few fields only (a skills batch,
a seniority batch): thousands of drawn tune records carry no label for their other fields (German degree 193,
German remote 147, English seniority 1,749). For tuning those fields they are new data. A later batch draws
some of them by seed, stratified by dataset and language, among the tune records whose label holds none of its
fields, and labels exactly those fields; its first score, taken before any rule is changed on it, measures the
rules on records never labelled for these fields (the records' text may have been read for other fields, so it
is a tune figure, never a published one: test records are never drawn).

Data: the batches (seed, fields, quotas) in ``etl/data/labelled/later_batches.yaml``; the draws, references
only, in ``etl/data/labelled/real/later/sample-later.jsonl`` (frozen once made: the tune labels it was drawn
from keep growing, so the draw is kept, not redone); the labels in ``etl/data/labelled/real/later/*.jsonl``
(one line per drawn record, ``expected`` holding exactly the batch's fields). A batch may carry a ``cue``, a
regular expression its records' raw text must match (a hybrid arrangement in words, say): a random draw of a
field the rules mostly get right measures little, a draw of the hard cases measures the rules where they fail.

A batch with ``split: test`` (named ``real-test-later-...``, outside the ``real-later-`` prefix that routes to
the tune evaluation) is a **held-out** later batch (issue 9, h19rtest): it draws among the labelled TEST
records (the frozen draw's test half and the held-out test batches; never an excluded one) and labels only its
fields, so a field labelled late (the role family) gets a held-out figure. It is scored and never read for
misses, as every test set: ``--set real-test-later-v1`` alone, and its fields join the same records' scores in
``real-test-all``; it never joins ``real-tune`` (nor any tune reader such as the skill judge's training).

    python -m etl.later_labels draw real-later-v1      # appends the batch's draw to sample-later.jsonl
    python -m etl evaluate --set real-later-v1         # its score (tune: misses may be read)
    python -m etl evaluate --set real-test-later-v1    # a held-out batch's score (scores only)
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl.record import SourceError

LATER_FILE = Path(__file__).resolve().parent / "data" / "labelled" / "later_batches.yaml"
LATER_PREFIX = "real-later-"
HELD_OUT_PREFIX = "real-test-later-"  # a held-out later batch (split: test): test records, scores only
SPLITS = ("tune", "test")
DRAW_NAME = "sample-later.jsonl"
FIELDS = ("skills", "salary", "experience_years", "seniority", "remote", "country", "region", "city",
          "degree", "role_family")


BATCH_KEYS = ("seed", "fields", "quotas")
OPTIONAL_KEYS = ("cue", "split")


@dataclass(frozen=True, slots=True)
class LaterBatch:
    seed: str
    fields: tuple[str, ...]
    quotas: dict[tuple[str, str], int]  # (dataset, language) -> records
    # optional: draw only records whose raw text matches this regular expression (case-insensitive), so a
    # batch can aim at postings where a field is hard (a hybrid arrangement in words), not the many easy ones
    cue: str | None = None
    # "test": a held-out later batch, drawn among the labelled test records and scored only (default tune)
    split: str = "tune"


def load_later_batches(path: Path = LATER_FILE) -> dict[str, LaterBatch]:
    """The later batches of ``path`` in draw order; refuses a file that could not reproduce a draw."""
    from etl.labelled_sample import parse_quotas
    from etl.yaml_data import load_yaml

    doc = load_yaml(path.read_text(encoding="utf-8")) if path.is_file() else {"batches": []}
    entries = doc.get("batches") if isinstance(doc, dict) else None
    if not isinstance(entries, list):
        raise ValueError(f"{path}: a list 'batches' of later batches is needed")
    out: dict[str, LaterBatch] = {}
    for i, e in enumerate(entries, 1):
        where = f"{path}: batch {i}"
        if not isinstance(e, dict) or not set(BATCH_KEYS) <= set(e) <= {*BATCH_KEYS, *OPTIONAL_KEYS}:
            raise ValueError(f"{where}: keys are seed, fields, quotas and optionally cue and split")
        split = e.get("split", "tune")
        if split not in SPLITS:
            raise ValueError(f"{where}: 'split' is tune (the default) or test (got {split!r})")
        seed = e["seed"]
        prefix = HELD_OUT_PREFIX if split == "test" else LATER_PREFIX
        if not (isinstance(seed, str) and seed.startswith(prefix)) or seed in out:
            raise ValueError(f"{where}: 'seed' is a new name starting {prefix!r} (got {seed!r})")
        fields = e["fields"]
        if not (isinstance(fields, list) and fields and all(f in FIELDS for f in fields)
                and len(set(fields)) == len(fields)):
            raise ValueError(f"{where} ({seed}): 'fields' lists label fields of {', '.join(FIELDS)}")
        cue = e.get("cue")
        if cue is not None:
            try:
                if not isinstance(cue, str) or not cue.strip():
                    raise re.error("empty")
                re.compile(cue)
            except re.error as exc:
                raise ValueError(f"{where} ({seed}): 'cue' is a regular expression ({exc})") from None
        quotas = parse_quotas(e["quotas"], f"{where} ({seed})")
        out[seed] = LaterBatch(seed, tuple(fields), quotas, cue, split)
    return out


def _key(row: dict[str, Any]) -> tuple[str, str, int]:
    return (str(row["dataset"]), str(row["file"]), int(row["record_no"]))


def _read(path: Path) -> list[dict[str, Any]]:
    if not path.is_file():
        return []
    rows = []
    for no, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if line.strip():
            try:
                rows.append(json.loads(line))
            except json.JSONDecodeError as exc:
                raise SourceError(f"{path}:{no}: invalid JSON: {exc.msg}") from None
    return rows


def later_dir(labels_dir: Path | None = None) -> Path:
    from etl import real_labels as rl

    return (labels_dir or rl.REAL_DIR) / "later"


def draws(labels_dir: Path | None = None) -> list[dict[str, Any]]:
    """Every later batch's drawn references, in draw order."""
    return _read(later_dir(labels_dir) / DRAW_NAME)


def _cue_filter(cue: str, datasets: Path) -> Any:
    """A predicate on labels: does the labelled record's raw text (every column, as the shared file holds it)
    match ``cue``? Files are read once each."""
    from etl.labelled_sample import records

    pattern = re.compile(cue, re.IGNORECASE)
    texts: dict[tuple[str, str], dict[int, str]] = {}

    def holds(label: dict[str, Any]) -> bool:
        where = (str(label["dataset"]), str(label["file"]))
        if where not in texts:
            path = datasets / where[0] / where[1]
            texts[where] = ({no: json.dumps(rec, ensure_ascii=False) for no, rec in records(path)}
                            if path.is_file() else {})
        return bool(pattern.search(texts[where].get(int(label["record_no"]), "")))

    return holds


def draw_later(batch: LaterBatch, labels_dir: Path | None = None,
               datasets: Path | None = None) -> list[dict[str, Any]]:
    """``batch``'s records: tune records (for a held-out batch, ``split: test``: labelled test records of the
    frozen draw's test half and of the held-out test batches) whose label holds none of its fields (nor an
    exclusion), not drawn by an earlier later batch for any of them (and, where the batch has a ``cue``, whose
    raw text in ``datasets`` matches it), ``quotas[(dataset, language)]`` of each stratum in a seeded order
    (the label's language)."""
    from etl import real_labels as rl

    holds = _cue_filter(batch.cue, datasets or rl.DEFAULT_DATASETS) if batch.cue else None

    wanted = set(batch.fields)
    known = _batches()
    taken = {_key(r) for r in draws(labels_dir) if str(r["batch"]) in known
             and set(known[str(r["batch"])].fields) & wanted}
    pool: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    # split None: every label, the held-out test batches' included (split "test" alone is the frozen half)
    for label in rl.load_real_labels(labels_dir or rl.REAL_DIR, "tune" if batch.split == "tune" else None):
        if label.get("split") != batch.split or "exclude" in label or set(label["expected"]) & wanted:
            continue
        if _key(label) in taken or (holds is not None and not holds(label)):
            continue
        pool[(str(label["dataset"]), str(label["language"]))].append(label)
    out: list[dict[str, Any]] = []
    for (dataset, lang), n in sorted(batch.quotas.items()):
        candidates = sorted(pool.get((dataset, lang), []), key=_key)
        random.Random(f"{batch.seed}:{dataset}:{lang}").shuffle(candidates)
        for order, label in enumerate(candidates[:n]):
            out.append({"dataset": dataset, "file": label["file"], "record_no": label["record_no"],
                        "title_sha1": label["title_sha1"], "language": lang, "split": batch.split,
                        "batch": batch.seed, "order": order})
    return out


def _batches() -> dict[str, LaterBatch]:
    return load_later_batches(LATER_FILE)  # read at call time: tests point LATER_FILE elsewhere


def load_later_labels(labels_dir: Path | None = None, batch: str | None = None,
                      split: str = "tune") -> list[dict[str, Any]]:
    """Every later label of the ``split``'s batches (default tune: a held-out batch never joins a tune
    reader), or one batch's (``batch``, of either split), all validated against their draw: a drawn record of
    the batch's split, the same title hash, ``expected`` with exactly the batch's fields, one label per record
    and batch."""
    from etl import real_labels as rl

    folder = later_dir(labels_dir)
    batches = _batches()
    drawn = {(str(r["batch"]), *_key(r)): r for r in draws(labels_dir)}
    if batch is not None and batch not in batches:
        raise SourceError(f"no later batch {batch!r}; known: {', '.join(batches) or 'none'}")
    out: list[dict[str, Any]] = []
    seen: dict[tuple[str, str, str, int], str] = {}
    for path in sorted(folder.glob("*.jsonl")) if folder.is_dir() else []:
        if path.name == DRAW_NAME:
            continue
        for no, row in enumerate(_read(path), 1):
            where = f"{path}:{no}"
            if not isinstance(row, dict) or not all(k in row for k in ("batch", *rl.REF_KEYS)):
                raise SourceError(f"{where}: a later label holds batch, {', '.join(rl.REF_KEYS)}")
            key = (str(row["batch"]), *_key(row))
            ref = drawn.get(key)
            if ref is None:
                raise SourceError(f"{where}: {key[1]}/{key[2]}#{key[3]} is not in {key[0]}'s draw")
            want = batches[key[0]].split
            if row["split"] != want or ref["split"] != want or row["title_sha1"] != ref["title_sha1"]:
                raise SourceError(f"{where}: split and title_sha1 must be the draw's "
                                  f"({want}, {ref['title_sha1']})")
            if key in seen:
                raise SourceError(f"{where}: labelled twice in {key[0]} (also {seen[key]})")
            seen[key] = where
            if "exclude" in row:
                if not isinstance(row["exclude"], str) or not row["exclude"].strip():
                    raise SourceError(f"{where}: exclude needs a reason")
            else:
                fields = batches[key[0]].fields
                if not isinstance(row.get("expected"), dict) or set(row["expected"]) != set(fields):
                    raise SourceError(f"{where}: batch {key[0]} labels {', '.join(fields)} only (exactly "
                                      "these keys in 'expected')")
            lang = row.get("language")
            if not (isinstance(lang, str) and len(lang) == 2 and lang.isalpha() and lang.islower()):
                raise SourceError(f"{where}: language must be an ISO 639-1 code such as 'de'")
            if (key[0] == batch) if batch is not None else (batches[key[0]].split == split):
                out.append(row)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="append a later batch's draw to sample-later.jsonl")
    d.add_argument("seed")
    args = parser.parse_args(argv)
    batches = _batches()
    if args.seed not in batches:
        parser.error(f"no later batch {args.seed!r} in {LATER_FILE.name}; "
                     f"known: {', '.join(batches) or 'none'}")
    path = later_dir() / DRAW_NAME
    if any(r["batch"] == args.seed for r in draws()):
        parser.error(f"{args.seed} is drawn already ({path}): a draw is frozen once made")
    rows = draw_later(batches[args.seed])
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(json.dumps(r) + "\n" for r in rows))
    print(f"{len(rows)} references of {args.seed} appended to {path}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
