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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path)
    parser.add_argument("--per-dataset", type=int, default=70)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    rows = draw(args.datasets, args.per_dataset)
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} references written to {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
