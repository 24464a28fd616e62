"""Hand labels of work-arrangement sentences (issue 9), stored by reference, and the draw they were made on.

Why: a sentence classifier of the work arrangement (``etl/remote_model.py``) needs sentences labelled by hand.
The project never copies dataset text, so a label names the record (dataset, file, record_no), the
sentence's character span in the record's cleaned description (``etl.clean.to_text`` of the description, as
the extraction reads it) and the sentence's digest; :func:`load` finds the sentence again through the load's
adapter and refuses a label whose digest no longer matches.

The draw (``python -m etl.remote_labels draw --out /tmp/sentences.txt``): candidate sentences
(:mod:`etl.normalize.remote_sentences`) of records of ``../shared/datasets`` that are *not* in the test half
of the real labelled sample (``etl.real_labels.load_sample``, split ``test``) and repeat none of its records
(the same id, user or opening text: ``etl.labelled_sample._repeat_keys``); tuning-half records, fresh batches
and unlabelled records are all eligible. Stratified by dataset and language (``QUOTAS``), two sentences a
record (up to four in a small stratum), fixed seed (``SEED``), interleaved across strata so that every prefix
of the draw is stratified too.
The draw prints sentences for the labeller (to a file outside the repository), never what the rules answer.

Label file ``etl/data/labelled/remote_sentences.jsonl``, one line per labelled sentence::

    {"dataset": ..., "file": ..., "record_no": 12, "start": 310, "end": 377, "sha1": "0f3c...",
     "language": "de", "origin": "unlabelled" | "tune" | "real-fresh-v3" ..., "label": "hybrid"}

Labels (the labelled README's Remote rule, read per sentence): ``remote`` (the job can be done fully
remotely, or a choice including remote), ``hybrid`` (a share of office or home days, a possibility of home
days), ``onsite`` (the work itself is done in person at a site, no remote), ``none`` (says nothing of this
job's arrangement: other teams, the company in general, travel, a product, benefits that set no arrangement,
remote work only outside office hours, a sentence only naming where the position is).
"""

from __future__ import annotations

import argparse
import json
import random
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl import real_labels as rl
from etl import sources
from etl.clean import to_text
from etl.labelled_sample import _repeat_keys, records
from etl.normalize.language import detect_language
from etl.normalize.remote_sentences import Sentence, candidate_sentences, digest
from etl.record import Posting

LABELS = Path(__file__).resolve().parent / "data" / "labelled" / "remote_sentences.jsonl"
# the second batch (remote-sentences-v2), labelled after the committed model was measured: held out from it
LABELS_V2 = LABELS.with_name("remote_sentences-v2.jsonl")
CLASSES = ("none", "remote", "hybrid", "onsite")
SEED = "remote-sentences-v1"
PER_RECORD = 2
MORE_PER_RECORD = 4
# (dataset, CLD2 language of the description) -> sentences to draw
QUOTAS: dict[tuple[str, str], int] = {
    ("arbeitnow-api-de", "de"): 28,
    ("arbeitnow-api-de", "en"): 20,
    ("ashby-job-boards", "en"): 48,
    ("francetravail-api-fr", "fr"): 40,
    ("getinit-berlin-it-de", "de"): 40,
    ("glassdoor-ds-jobs", "en"): 40,
    ("gupy-nerdin-br", "pt"): 40,
    ("hn-whoishiring-mapped", "en"): 50,
    ("jobspy-linkedin-india", "en"): 30,
    ("linkedin-kaggle-postings-sample", "en"): 50,
    ("nofluffjobs-warsaw-pl", "en"): 36,
    ("remoteok-api", "en"): 40,
}
# Later batches (seed -> quotas), drawn from records no earlier batch labelled. v2 was drawn after the model
# was measured (docs/methodology.md) and is kept apart, in remote_sentences-v2.jsonl: a held-out sentence set
# for the next model, never trained on by this one.
SEED_V2 = "remote-sentences-v2"
QUOTAS_V2: dict[tuple[str, str], int] = {
    ("arbeitnow-api-de", "de"): 14,
    ("arbeitnow-api-de", "en"): 10,
    ("ashby-job-boards", "en"): 14,
    ("getinit-berlin-it-de", "de"): 20,
    ("glassdoor-ds-jobs", "en"): 14,
    ("hn-whoishiring-mapped", "en"): 14,
    ("linkedin-kaggle-postings-sample", "en"): 14,
    ("nofluffjobs-warsaw-pl", "en"): 12,
    ("remoteok-api", "en"): 12,
}
# The third batch (remote-sentences-v3, sixth session; remote_sentences-v3.jsonl): German first (the model's
# weakest language with records left: France Travail and Gupy have no eligible record left), and within each
# stratum the sentences where the rules (sentence alone) and the committed model disagree first
# (``disagree_first``): random candidates are mostly ``none``; a sentence already drawn or labelled (its
# digest) is not drawn again. From records of no earlier batch, never of HELD_BATCHES (or a repeat of one).
QUOTAS_V3: dict[tuple[str, str], int] = {
    ("arbeitnow-api-de", "de"): 40,
    ("arbeitnow-api-de", "en"): 10,
    ("ashby-job-boards", "en"): 14,
    ("getinit-berlin-it-de", "de"): 50,
    ("glassdoor-ds-jobs", "en"): 14,
    ("hn-whoishiring-mapped", "en"): 30,
    ("linkedin-kaggle-postings-sample", "en"): 14,
    ("nofluffjobs-warsaw-pl", "en"): 20,
}
SEED_V3 = "remote-sentences-v3"
LABELS_V3 = LABELS.with_name("remote_sentences-v3.jsonl")
# The sixth session's first fresh batches, drawn before the second attempt: no sentence of their records (or
# of a repeat of one) is drawn for labels, nor trained on. v50 and v51 label remote and score the attempt
# (bench.remote_model FRESH_NOW, --fresh-now); v49 labels seniority only.
HELD_BATCHES = frozenset({"real-fresh-v49", "real-fresh-v50", "real-fresh-v51"})
BATCHES = {SEED: QUOTAS, SEED_V2: QUOTAS_V2, SEED_V3: QUOTAS_V3}
# each later batch's earlier batches' label files (their records are skipped)
EARLIER = {SEED_V2: (LABELS,), SEED_V3: (LABELS, LABELS_V2)}
# the label files the committed model is trained on (remote_sentences-v2.jsonl stays held out)
TRAINING = (LABELS, LABELS_V3)
_SUFFIXES = (".json", ".jsonl", ".csv", ".tsv")


@dataclass(frozen=True, slots=True)
class Record:
    dataset: str
    file: str
    record_no: int
    item: dict[str, Any]  # Posting.as_extract_input()
    text: str  # the cleaned description
    language: str
    origin: str  # "tune", a fresh batch's seed, or "unlabelled"


def description(item: dict[str, Any]) -> str:
    desc = item.get("description")
    fmt = item.get("description_format")
    return to_text(desc if isinstance(desc, str) else "", fmt if isinstance(fmt, str) and fmt else "text")


def eligible_records(
    datasets: Path, wanted: set[str] | None = None, avoid: frozenset[str] = frozenset()
) -> Iterator[Record]:
    """Every readable posting of the datasets' top-level files outside the test half (and its repeats), and
    outside the fresh batches named in ``avoid`` (and their repeats)."""
    sample = rl.load_sample()
    test = {
        ref for ref, row in sample.items() if row.get("split") == "test" or row.get("batch") in avoid
    }
    for folder in sorted(p for p in datasets.iterdir() if p.is_dir()):
        if wanted is not None and folder.name not in wanted:
            continue
        files = sorted(f for f in folder.iterdir() if f.is_file() and f.suffix.lower() in _SUFFIXES)
        test_keys: set[str] = set()
        keys_of: dict[tuple[str, int], set[str]] = {}
        for f in files:
            for no, rec in records(f):
                keys = _repeat_keys(folder.name, rec)
                keys_of[(f.name, no)] = keys
                if rl.Ref(folder.name, f.name, no) in test:
                    test_keys |= keys
        for f in files:
            _fmt, items = sources.read(f)
            for it in items:
                if not isinstance(it, Posting):
                    continue
                ref = rl.Ref(folder.name, f.name, it.record_no)
                if ref in test or keys_of.get((f.name, it.record_no), set()) & test_keys:
                    continue
                item = it.as_extract_input()
                text = description(item)
                row = sample.get(ref)
                origin = "unlabelled" if row is None else str(row.get("batch") or row["split"])
                yield Record(
                    folder.name, f.name, it.record_no, item, text, detect_language(text) or "?", origin
                )


def draw(
    datasets: Path,
    seed: str = SEED,
    quotas: dict[tuple[str, str], int] | None = None,
    skip: frozenset[tuple[str, str, int]] = frozenset(),
    avoid: frozenset[str] = frozenset(),
    disagree_first: bool = False,
    seen_digests: frozenset[str] = frozenset(),
) -> list[tuple[Record, int, Sentence]]:
    """The sentences to label, in labelling order (round robin over the strata); records in ``skip``
    (dataset, file, record_no) are left out (a later batch draws records no earlier batch labelled), and
    records of the batches in ``avoid``. ``disagree_first``: within a stratum, the sentences where the rules
    (sentence alone) and the committed model disagree come first, each group in the seeded order (the draw
    never prints either answer), and a sentence whose digest is in ``seen_digests`` or drawn before is left
    out."""
    quotas = QUOTAS if quotas is None else quotas
    by_stratum: dict[tuple[str, str], list[Record]] = defaultdict(list)
    for rec in eligible_records(datasets, {d for d, _ in quotas}, avoid):
        if (rec.dataset, rec.language) in quotas and (rec.dataset, rec.file, rec.record_no) not in skip:
            by_stratum[(rec.dataset, rec.language)].append(rec)
    queues: list[list[tuple[Record, int, Sentence]]] = []
    seen = set(seen_digests)
    for stratum in sorted(quotas):
        rng = random.Random(f"{seed}:{stratum[0]}:{stratum[1]}")
        pool = by_stratum.get(stratum, [])
        rng.shuffle(pool)
        # each record's sentences in a seeded order; a first pass takes PER_RECORD a record, a second (small
        # strata) up to MORE_PER_RECORD
        orders = []
        for rec in pool:
            sents = candidate_sentences(rec.text)
            order = list(range(len(sents)))
            rng.shuffle(order)
            orders.append((rec, sents, order))
        ranked = [
            (rec, i, sents[i])
            for lo, hi in ((0, PER_RECORD), (PER_RECORD, MORE_PER_RECORD))
            for rec, sents, order in orders
            for i in order[lo:hi]
        ]
        if disagree_first:
            unique: dict[str, tuple[Record, int, Sentence]] = {}
            for t in ranked:
                if t[2].digest not in seen:
                    unique.setdefault(t[2].digest, t)
            ranked = list(unique.values())
            differ = _disagree([t[2].text for t in ranked])
            # stable: the seeded order within each group
            ranked = [t for t, d in zip(ranked, differ, strict=True) if d] + [
                t for t, d in zip(ranked, differ, strict=True) if not d
            ]
        chosen = ranked[: quotas[stratum]]
        seen.update(t[2].digest for t in chosen)
        queues.append(chosen)
    out: list[tuple[Record, int, Sentence]] = []
    for i in range(max((len(q) for q in queues), default=0)):
        out.extend(q[i] for q in queues if i < len(q))
    return out


def _disagree(sentences: list[str]) -> list[bool]:
    """Per sentence: the rules' reading of it alone and the committed model's decision differ."""
    from etl import remote_model as rmod

    decided = rmod.model().decide(sentences)
    return [rmod.rule_of(s) != d for s, d in zip(sentences, decided, strict=True)]


@dataclass(frozen=True, slots=True)
class Labelled:
    key: str  # dataset/file#record_no
    origin: str
    language: str
    sentence: str
    label: str
    text: str  # the record's cleaned description (for the posting-level yardstick)
    item: dict[str, Any]


def read_labels(path: Path = LABELS) -> list[dict[str, Any]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if line.strip():
                row = json.loads(line)
                if row.get("label") not in CLASSES:
                    raise ValueError(f"{path}:{no}: label must be one of {CLASSES}")
                rows.append(row)
    return rows


def load(datasets: Path = rl.DEFAULT_DATASETS, path: Path = LABELS) -> list[Labelled]:
    """The labelled sentences, found again in their records; a changed sentence (digest) is an error."""
    rows = read_labels(path)
    sample = rl.load_sample()
    test = {ref for ref, row in sample.items() if row.get("split") == "test"}
    by_file: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        ref = rl.Ref(row["dataset"], row["file"], int(row["record_no"]))
        if ref in test:
            raise ValueError(f"{ref} is in the test half")
        by_file[(row["dataset"], row["file"])].append(row)
    items: dict[rl.Ref, dict[str, Any]] = {}
    for (dataset, file), group in by_file.items():
        wanted = {int(r["record_no"]) for r in group}
        _fmt, its = sources.read(datasets / dataset / file)
        for it in its:
            if isinstance(it, Posting) and it.record_no in wanted:
                items[rl.Ref(dataset, file, it.record_no)] = it.as_extract_input()
    out = []
    for row in rows:
        ref = rl.Ref(row["dataset"], row["file"], int(row["record_no"]))
        item = items[ref]
        text = description(item)
        sentence = text[row["start"] : row["end"]]
        if digest(sentence) != row["sha1"]:
            raise ValueError(f"{ref} [{row['start']}:{row['end']}]: the sentence changed (digest)")
        out.append(Labelled(str(ref), row["origin"], row["language"], sentence, row["label"], text, item))
    return out


def held_out(rows: list[dict[str, Any]], datasets: Path = rl.DEFAULT_DATASETS) -> list[dict[str, Any]]:
    """The label rows that are neither in a record of HELD_BATCHES nor in a repeat of one (the same id, user
    or opening text): what the model may train on while those batches score it."""
    sample = rl.load_sample()
    held = {ref for ref, row in sample.items() if row.get("batch") in HELD_BATCHES}
    folders = {r["dataset"] for r in rows} & {ref.dataset for ref in held}
    keys_of: dict[tuple[str, str, int], set[str]] = {}
    held_keys: set[str] = set()
    for folder in sorted(folders):
        for f in sorted((datasets / folder).iterdir()):
            if not (f.is_file() and f.suffix.lower() in _SUFFIXES):
                continue
            for no, rec in records(f):
                keys = _repeat_keys(folder, rec)
                keys_of[(folder, f.name, no)] = keys
                if rl.Ref(folder, f.name, no) in held:
                    held_keys |= keys
    out = []
    for r in rows:
        ref = (r["dataset"], r["file"], int(r["record_no"]))
        if rl.Ref(*ref) in held or keys_of.get(ref, set()) & held_keys:
            continue
        out.append(r)
    return out


def load_training(datasets: Path = rl.DEFAULT_DATASETS) -> list[Labelled]:
    """The model's training sentences: the first and third batches (the second stays held out), less every
    label of a record of HELD_BATCHES or a repeat of one."""
    out: list[Labelled] = []
    for path in TRAINING:
        kept = held_out(read_labels(path), datasets)
        keep = {(r["dataset"], r["file"], int(r["record_no"]), int(r["start"])) for r in kept}
        out += [
            lb
            for lb, r in zip(load(datasets, path), read_labels(path), strict=True)
            if (r["dataset"], r["file"], int(r["record_no"]), int(r["start"])) in keep
        ]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = ap.add_subparsers(dest="command", required=True)
    d = sub.add_parser("draw", help="print the sentences to label (for the labeller; not for the repository)")
    d.add_argument("--datasets", type=Path, default=rl.DEFAULT_DATASETS)
    d.add_argument("--out", type=Path, required=True)
    d.add_argument("--refs", type=Path, help="also write the draw's references (JSON Lines, no text)")
    d.add_argument("--batch", choices=sorted(BATCHES), default=SEED, help="which batch's seed and quotas")
    args = ap.parse_args(argv)
    if args.batch == SEED:
        drawn = draw(args.datasets)
    else:  # a later batch: its own seed and quotas, records of no earlier batch
        earlier = [r for p in EARLIER[args.batch] for r in read_labels(p)]
        done = frozenset((r["dataset"], r["file"], int(r["record_no"])) for r in earlier)
        v3 = args.batch == SEED_V3
        drawn = draw(
            args.datasets,
            args.batch,
            BATCHES[args.batch],
            done,
            HELD_BATCHES if v3 else frozenset(),
            disagree_first=v3,
            seen_digests=frozenset(r["sha1"] for r in earlier) if v3 else frozenset(),
        )
    with args.out.open("w", encoding="utf-8") as fh:
        for n, (rec, _i, s) in enumerate(drawn):
            fh.write(f"[{n}] {rec.language} {rec.dataset}: {' '.join(s.text.split())}\n")
    if args.refs:
        with args.refs.open("w", encoding="utf-8") as fh:
            for n, (rec, _i, s) in enumerate(drawn):
                fh.write(
                    json.dumps(
                        {
                            "n": n,
                            "dataset": rec.dataset,
                            "file": rec.file,
                            "record_no": rec.record_no,
                            "start": s.start,
                            "end": s.end,
                            "sha1": s.digest,
                            "language": rec.language,
                            "origin": rec.origin,
                        }
                    )
                    + "\n"
                )
    print(f"{len(drawn)} sentences -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
