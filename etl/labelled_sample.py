"""Draw the real-posting sample to label: fixed seed, stratified by source, split once.

Why: a labelled set that the rules were tuned on says little about postings the code has
never seen. This draws postings at random from every dataset in ``../shared/datasets``
(the top-level files of each dataset folder; snapshot sub-folders such as ``history/``
repeat the same postings), assigns each drawn posting once and for all to the *tune* or the
*test* half, and stores only references (dataset, file, record number, a hash of the
title), never the text.

Record numbers follow :class:`etl.record.Posting`'s contract: the 1-based position of the
record in its file (the data row of a CSV, the element of the records array of a JSON file,
the line of a JSON Lines file).

    python -m etl.labelled_sample ../shared/datasets --per-dataset 80 \
        --out etl/data/labelled/real/sample.jsonl

The draw is prefix-stable: asking for more records per dataset keeps the earlier ones and their order
(``random.sample`` picks one record after another from the same seeded stream), so the sample was
extended from 40 to 60 records per dataset for a second labelling round, to 70 for a third and to 80
for a fourth (fresh tune records labelled before any rule was changed on them, to check that rules
fixed on the older tune records generalise), without changing any earlier reference or split; the new
records alternate between the halves as before.

Fresh tune batches (``--fresh``): a prefix-stable draw cannot grow past 85 a dataset (``random.sample``
changes its method with the share drawn), so later tuning postings come from :func:`draw_fresh`: its own
seed, records of no earlier draw and repeating none of them (the same id, user or opening text: a posting
re-listed in another snapshot is not fresh), stratified by dataset and language with a quota per stratum
(weighted toward the fields and languages the test half scores lowest), every one in the *tune* half. Each
batch's seed, quotas and draw order are data, ``etl/data/labelled/fresh_batches.yaml``. The frozen draw
(``sample.jsonl``) and with it the test half never change.

The sample holds more postings than are labelled: a labeller takes them in order and marks
a drawn record that is not a job posting (a bot-check row, a legal notice) as excluded with
its reason, so the draw never depends on what the code extracts.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import random
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

SEED = "real-v1"
RECORD_KEYS = ("data", "jobs", "results", "resultats", "items", "postings", "hits")
TITLE_KEYS = ("title", "position", "position_name", "intitule", "titulo", "Job Title", "name")


def _records_of_json(doc: Any) -> list[Any]:
    if isinstance(doc, list):
        return doc
    if isinstance(doc, dict):
        for key in RECORD_KEYS:
            if isinstance(doc.get(key), list):
                return list(doc[key])
    return []


def records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(record_no, record) for every record of one file, record_no 1-based."""
    suffix = path.suffix.lower()
    if suffix == ".json":
        with path.open(encoding="utf-8") as fh:
            doc = json.load(fh)
        for no, rec in enumerate(_records_of_json(doc), start=1):
            yield no, rec if isinstance(rec, dict) else {"value": rec}
    elif suffix == ".jsonl":
        with path.open(encoding="utf-8") as fh:
            for no, line in enumerate(fh, start=1):
                try:
                    rec = json.loads(line)
                except ValueError:
                    rec = {}
                yield no, rec if isinstance(rec, dict) else {}
    elif suffix in (".csv", ".tsv"):
        csv.field_size_limit(sys.maxsize)
        with path.open(encoding="utf-8-sig", errors="replace", newline="") as fh:
            yield from enumerate(csv.DictReader(fh, delimiter="\t" if suffix == ".tsv" else ","), start=1)


def title_hash(rec: dict[str, Any]) -> str:
    """A short hash of the record's title, to notice if a dataset file changed under a label."""
    for key in TITLE_KEYS:
        value = rec.get(key)
        if isinstance(value, str) and value.strip():
            return hashlib.sha1(value.strip().encode()).hexdigest()[:12]
    return ""


def draw(datasets: Path, per_dataset: int) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for folder in sorted(p for p in datasets.iterdir() if p.is_dir()):
        keys = [
            (f.name, no, title_hash(rec))
            for f in sorted(folder.iterdir())
            if f.is_file() and f.suffix.lower() in (".json", ".jsonl", ".csv", ".tsv")
            for no, rec in records(f)
        ]
        rng = random.Random(f"{SEED}:{folder.name}")
        chosen = rng.sample(keys, min(per_dataset, len(keys)))
        for order, (file, no, th) in enumerate(chosen):
            out.append(
                {
                    "dataset": folder.name,
                    "file": file,
                    "record_no": no,
                    "title_sha1": th,
                    "order": order,
                    # Alternate within each source: the halves are stratified by source.
                    "split": "tune" if order % 2 == 0 else "test",
                }
            )
    return out


FRESH_NAME = "sample-fresh.jsonl"
# The fresh batches' seeds, quotas and draw order are data (fresh_batches.yaml beside the labels), read once.
FRESH_FILE = Path(__file__).resolve().parent / "data" / "labelled" / "fresh_batches.yaml"
Quotas = dict[tuple[str, str], int]  # (dataset, language) -> records to draw
# Frozen candidate lists (a tune batch drawn only among records the code was silent on when the list was
# made), beside fresh_batches.yaml.
CANDIDATES_DIR = "candidates"


def load_fresh_batches(path: Path = FRESH_FILE) -> tuple[dict[str, Quotas], dict[str, tuple[str, ...]]]:
    """The batches of ``path`` in draw order (seed -> quotas) and, for a batch drawn beside some earlier
    batches only, those batches (seed -> seeds). Refuses a file that could not reproduce a draw: a seed twice,
    ``beside`` naming a batch not listed before it, a quota that is not a positive whole number."""
    from etl.yaml_data import load_yaml

    doc = load_yaml(path.read_text(encoding="utf-8"))
    entries = doc.get("batches") if isinstance(doc, dict) else None
    if not isinstance(entries, list) or not entries:
        raise ValueError(f"{path}: a list 'batches' of fresh batches is needed")
    batches: dict[str, Quotas] = {}
    beside: dict[str, tuple[str, ...]] = {}
    for i, entry in enumerate(entries, 1):
        where = f"{path}: batch {i}"
        if not isinstance(entry, dict) or set(entry) - {"seed", "beside", "quotas", "split", "beside_read",
                                                        "read_rows", "candidates"}:
            raise ValueError(f"{where}: keys are seed, quotas and (optional) beside, split, beside_read, "
                             "read_rows and candidates")
        if "candidates" in entry:
            name = entry["candidates"]
            if entry.get("split") == "test":
                # a test batch is a random draw of the pool: choosing its records by what the code says
                # would score the code where it is known to be silent
                raise ValueError(f"{where}: a test batch draws from the whole pool, never from a candidate "
                                 "list")
            if not (isinstance(name, str) and re.fullmatch(r"[\w.-]+\.jsonl", name)
                    and (path.parent / CANDIDATES_DIR / name).is_file()):
                raise ValueError(f"{where}: 'candidates' names a .jsonl file of {CANDIDATES_DIR}/ beside "
                                 f"{path.name} (got {name!r})")
        if entry.get("beside_read", False) not in (True, False):
            raise ValueError(f"{where}: 'beside_read' is true or false (got {entry.get('beside_read')!r})")
        rows = entry.get("read_rows", 0)
        if type(rows) is not int or rows < 0:
            raise ValueError(f"{where}: 'read_rows' is a whole number of rows (got {rows!r})")
        if entry.get("split", "tune") not in ("tune", "test"):
            raise ValueError(f"{where}: 'split' is tune (the default) or test (got {entry.get('split')!r})")
        seed = entry.get("seed")
        if not isinstance(seed, str) or not seed or seed in batches:
            raise ValueError(f"{where}: 'seed' must be a new, non-empty name (got {seed!r})")
        quotas = parse_quotas(entry.get("quotas"), f"{where} ({seed})")
        if "beside" in entry:
            names = entry["beside"]
            if not isinstance(names, list) or not all(isinstance(b, str) and b in batches for b in names):
                raise ValueError(f"{where} ({seed}): 'beside' names batches listed before it (got {names!r})")
            beside[seed] = tuple(names)
        batches[seed] = quotas
    return batches, beside


def load_candidates(path: Path = FRESH_FILE) -> dict[str, frozenset[tuple[str, str, int]]]:
    """For a tune batch drawn from a frozen candidate list (``candidates: FILE``), the records it may draw
    (seed -> (dataset, file, record_no)); see :mod:`etl.labelled_candidates` for how a list is made."""
    out: dict[str, frozenset[tuple[str, str, int]]] = {}
    for e in _checked_entries(path):
        if "candidates" in e:
            rows = [json.loads(line) for line in
                    (path.parent / CANDIDATES_DIR / e["candidates"]).read_text(encoding="utf-8").splitlines()
                    if line.strip()]
            out[str(e["seed"])] = frozenset((str(r["dataset"]), str(r["file"]), int(r["record_no"]))
                                            for r in rows)
    return out


def parse_quotas(per_dataset: Any, where: str) -> Quotas:
    """A batch's ``quotas`` ({dataset: {language: records}}) as (dataset, language) -> records; refuses an
    empty map or a count that is no positive whole number (fresh batches and later batches alike)."""
    if not isinstance(per_dataset, dict) or not per_dataset:
        raise ValueError(f"{where}: 'quotas' maps datasets to {{language: records}}")
    quotas: Quotas = {}
    for dataset, per_lang in per_dataset.items():
        if not isinstance(per_lang, dict) or not per_lang:
            raise ValueError(f"{where}: quotas of {dataset!r} map languages to records")
        for lang, n in per_lang.items():
            if not (isinstance(lang, str) and lang) or type(n) is not int or n < 1:
                raise ValueError(f"{where}: quota {dataset}/{lang} {n!r} is no positive integer")
            quotas[(str(dataset), lang)] = n
    return quotas


def _checked_entries(path: Path) -> list[dict[str, Any]]:
    """The batch entries of ``path``, once load_fresh_batches has refused a file that could not reproduce a
    draw."""
    from etl.yaml_data import load_yaml

    load_fresh_batches(path)
    entries: list[dict[str, Any]] = load_yaml(path.read_text(encoding="utf-8"))["batches"]
    return entries


def load_test_batches(path: Path = FRESH_FILE) -> tuple[str, ...]:
    """The seeds of the held-out TEST batches of ``path`` (``split: test``), in draw order: scored, never
    tuned on, never read for misses (issue 9: a second yardstick beside the frozen test half)."""
    entries = _checked_entries(path)
    return tuple(str(e["seed"]) for e in entries if e.get("split") == "test")


def load_beside_read(path: Path = FRESH_FILE) -> tuple[str, ...]:
    """The seeds of the tune batches drawn beside the unlabelled records read while tuning (``beside_read:
    true``): their first score is out of sample for every rule, not only for the rules written after them."""
    entries = _checked_entries(path)
    return tuple(str(e["seed"]) for e in entries if e.get("beside_read") is True)


def load_read_rows(path: Path = FRESH_FILE) -> dict[str, int]:
    """For a batch drawn beside the read list (``beside_read``, or a test batch drawn after the list began),
    how many of the list's rows it was drawn beside (``read_rows``): the list only grows, and a row added
    after the draw would reshuffle the batch's pool, so the committed draw could not be reproduced. Without
    the key, the whole list (a batch being drawn now)."""
    entries = _checked_entries(path)
    return {str(e["seed"]): int(e["read_rows"]) for e in entries if "read_rows" in e}


# Every fresh batch in draw order: each is drawn beside the frozen sample and the batches before it, unless
# FRESH_BESIDE names the batches it was drawn beside (two batches drawn at the same time on two branches).
FRESH_BATCHES, FRESH_BESIDE = load_fresh_batches()
TEST_BATCHES = load_test_batches()
BESIDE_READ = load_beside_read()
READ_ROWS = load_read_rows()
CANDIDATES = load_candidates()
# The records the first remote-sentence model was trained on (or its held-out sentences were read from): a
# test batch leaves them and their repeats out, as it does every drawn record, so nothing tuned on is tested.
# The third batch (remote_sentences-v3.jsonl, drawn after real-test-v7) is not listed here: its unlabelled
# records went on the read list (READ_UNLABELLED) instead, which later test batches leave out
# (tests/test_remote_sentences.py); its other records are drawn ones already.
SENTENCE_LABELS = tuple(FRESH_FILE.parent / n
                        for n in ("remote_sentences.jsonl", "remote_sentences-v2.jsonl"))


# Unlabelled records read for misses while tuning (a helper's extra draws, references only): a test batch
# drawn after the list began leaves them and their repeats out, so no record a rule was written from is
# tested.
# real-test-v2 was drawn before it and is frozen (none of its records is in the list: a test holds it).
READ_UNLABELLED = FRESH_FILE.parent / "read-unlabelled.jsonl"
DRAWN_BEFORE_READ_LIST = ("real-test-v2",)


def _sentence_refs(paths: tuple[Path, ...] | None = None) -> list[dict[str, Any]]:
    refs: list[dict[str, Any]] = []
    for path in SENTENCE_LABELS if paths is None else paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                refs.append({"dataset": row["dataset"], "file": row["file"], "record_no": row["record_no"]})
    return refs


# (record_no, repeat keys, None for a record that is no posting else (language, title hash)) of one file
_Candidate = tuple[int, frozenset[str], tuple[str, str] | None]


def draw_batches(datasets: Path, drawn: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every fresh batch of FRESH_BATCHES in order, each beside the frozen draw ``drawn`` and the batches it
    was drawn beside; a record an earlier batch holds is left out of a later one. A batch is drawn beside
    each listed batch's draw as it was made (``raw``), before a record two batches drew left the later one:
    that is what its branch saw when it drew."""
    rows: list[dict[str, Any]] = []
    raw: list[dict[str, Any]] = []
    # each file read (its languages detected) once for all batches, not once a batch: some fifty batches over
    # the same files took 35 of the 36 CPU-s of tests/test_labelled_sample.py
    reads: dict[Path, tuple[_Candidate, ...]] = {}
    for seed, quotas in FRESH_BATCHES.items():
        beside = FRESH_BESIDE.get(seed)
        before = rows if beside is None else [r for r in raw if r["batch"] in beside]
        held = {(r["dataset"], r["file"], r["record_no"]) for r in rows}
        split = "test" if seed in TEST_BATCHES else "tune"
        also = _sentence_refs() if split == "test" else []
        if (split == "test" and seed not in DRAWN_BEFORE_READ_LIST) or seed in BESIDE_READ:
            # the list as it was when the batch was drawn (read_rows), or all of it
            also += _sentence_refs((READ_UNLABELLED,))[: READ_ROWS.get(seed)]
        made = draw_fresh(datasets, drawn + before + also, quotas, seed, split, reads, CANDIDATES.get(seed))
        raw += made
        rows += [r for r in made if (r["dataset"], r["file"], r["record_no"]) not in held]
    return rows
# Keys that name one posting (or one poster) in some source: a record sharing one with a drawn record
# repeats it (Arbeitnow's slug across snapshots, a Hacker News user's monthly comment).
ID_KEYS = ("slug", "id", "url", "link", "job_id", "posting_href", "job_url", "user")
# Records the SOURCE.md files name as not postings: get in IT's bot-check page, Remote OK's legal notice.
NOT_POSTINGS = ("Roboter oder Mensch?",)


def _text(rec: dict[str, Any]) -> str:
    """The record's longest text value: its description in every source here, whatever the key."""
    return max((v for v in rec.values() if isinstance(v, str)), key=len, default="")


def _opening(rec: dict[str, Any]) -> str:
    """The first 200 letters and digits of the description: the same ad re-listed or re-scraped (another
    footer, another snapshot, a duplicated row) starts the same."""
    return re.sub(r"[^0-9a-z]", "", _text(rec).lower())[:200]


def _repeat_keys(dataset: str, rec: dict[str, Any]) -> set[str]:
    keys = {f"{k}={rec[k]}" for k in ID_KEYS if isinstance(rec.get(k), str | int) and str(rec[k]).strip()}
    opening = _opening(rec)
    if len(opening) >= 40:
        keys.add("text=" + opening)
    return {f"{dataset}:{k}" for k in keys}


def _candidates(path: Path, dataset: str) -> tuple[_Candidate, ...]:
    """What :func:`draw_fresh` reads of each record of one file, whatever the batch."""
    from etl.normalize.language import detect_language

    out: list[_Candidate] = []
    for no, rec in records(path):
        keys = frozenset(_repeat_keys(dataset, rec))
        title = next((str(rec[k]) for k in TITLE_KEYS if isinstance(rec.get(k), str)), "")
        if title.strip() in NOT_POSTINGS or "legal" in rec:
            out.append((no, keys, None))
        else:
            out.append((no, keys, (detect_language(_text(rec)) or "?", title_hash(rec))))
    return tuple(out)


def draw_fresh(
    datasets: Path, drawn: list[dict[str, Any]], quotas: Quotas, seed: str, split: str = "tune",
    reads: dict[Path, tuple[_Candidate, ...]] | None = None,
    only: frozenset[tuple[str, str, int]] | None = None,
) -> list[dict[str, Any]]:
    """A fresh batch (tune, or a held-out test batch with ``split="test"``): ``quotas[(dataset, language)]``
    records of no earlier draw (``drawn``), repeating none of them and none another; ``language`` is CLD2's
    code of the record's description. ``reads``: each file's records as read for an earlier batch of the
    same draw (:func:`draw_batches`), kept there for the next. ``only``: the records the batch may draw (a
    frozen candidate list); the others are still read, so a drawn record's repeats stay out."""
    taken = {(r["dataset"], r["file"], r["record_no"]) for r in drawn}
    wanted = {d for d, _lang in quotas}
    out: list[dict[str, Any]] = []
    for folder in sorted(p for p in datasets.iterdir() if p.is_dir() and p.name in wanted):
        pool: dict[str, list[tuple[str, int, str, frozenset[str]]]] = {}
        seen: set[str] = set()  # repeat keys of the records drawn before
        for f in sorted(folder.iterdir()):
            if not (f.is_file() and f.suffix.lower() in (".json", ".jsonl", ".csv", ".tsv")):
                continue
            if reads is None:
                read = _candidates(f, folder.name)
            elif f in reads:
                read = reads[f]
            else:
                read = reads[f] = _candidates(f, folder.name)
            for no, keys, posting in read:
                if (folder.name, f.name, no) in taken:
                    seen |= keys
                    continue
                if posting is None:  # not a posting (a bot-check page, a legal notice)
                    continue
                if only is not None and (folder.name, f.name, no) not in only:
                    continue
                lang, th = posting
                pool.setdefault(lang, []).append((f.name, no, th, keys))
        for lang in sorted(pool):
            n = quotas.get((folder.name, lang), 0)
            if not n:
                continue
            rng = random.Random(f"{seed}:{folder.name}:{lang}")
            candidates = pool[lang][:]
            rng.shuffle(candidates)
            order = 0
            for file, no, th, keys in candidates:
                if order == n:
                    break
                if keys & seen:
                    continue  # repeats a drawn record (either half) or one drawn just before
                seen |= keys
                out.append({"dataset": folder.name, "file": file, "record_no": no, "title_sha1": th,
                            "language": lang, "order": order, "split": split, "batch": seed})
                order += 1
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path)
    parser.add_argument("--per-dataset", type=int, default=70)
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--fresh", type=Path, metavar="SAMPLE",
                        help="draw the fresh tune batches (fresh_batches.yaml) beside the frozen draw SAMPLE")
    args = parser.parse_args(argv)
    if args.fresh:
        drawn = [json.loads(line) for line in args.fresh.read_text(encoding="utf-8").splitlines() if line]
        rows = draw_batches(args.datasets, drawn)
    else:
        rows = draw(args.datasets, args.per_dataset)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} references written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
