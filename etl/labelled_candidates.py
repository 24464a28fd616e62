"""Frozen candidate lists: the undrawn records the code says nothing on, for a tune draw aimed at them.

Why: the held-out test sets miss most where the code is silent (a level labelled senior that the code calls
unspecified, an onsite arrangement it leaves null), while random tune batches now score 0.97-1.00 before
their rounds: the misses left are a tail too thin to meet by chance. A tune batch may therefore be drawn
among the records the code is silent on. What the code says changes with every round, so the list is made
once, committed (references only: dataset, file, record number, title hash, the silent fields) and named by
the batch (``candidates:`` in ``fresh_batches.yaml``); the draw then stays reproducible whatever the code
says later. Only tune batches may use a list: a test batch is a random draw of the whole pool.

    python -m etl.labelled_candidates ../shared/datasets --dataset hn-whoishiring-mapped --language en \\
        --fields seniority,remote --out etl/data/labelled/candidates/silent-v97.jsonl

The pool is what a new batch could draw now: every record of the dataset and language that no batch, the
frozen sample or the read list holds or repeats. Each is read through ``etl load``'s adapter and extracted
as ``etl evaluate`` does.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

# What "says nothing" means per field (the extraction's output for a posting that does not say).
SILENT: dict[str, tuple[Any, ...]] = {
    "seniority": (None, "unspecified"),
    "remote": (None,),
    "country": (None,),
    "region": (None,),
    "city": (None,),
    "experience_years": (None,),
    "salary": (None,),
    "degree": (None,),
    "skills": (None, []),
}


def pool(datasets: Path, dataset: str, language: str, sample: Path) -> list[dict[str, Any]]:
    """Every record a new batch of ``dataset``/``language`` could draw now, as draw references."""
    from etl import labelled_sample as ls

    drawn = [json.loads(line) for line in sample.read_text(encoding="utf-8").splitlines() if line.strip()]
    drawn += ls.draw_batches(datasets, drawn)
    drawn += ls._sentence_refs() + ls._sentence_refs((ls.READ_UNLABELLED,))
    return ls.draw_fresh(datasets, drawn, {(dataset, language): 10**9}, "candidate-pool")


def silent_fields(refs: list[dict[str, Any]], datasets: Path, fields: tuple[str, ...]
                  ) -> list[tuple[dict[str, Any], list[str]]]:
    """Each loadable reference with the fields of ``fields`` its extraction says nothing on (maybe none)."""
    from etl import real_labels as rl
    from etl.extract import extract

    out: list[tuple[dict[str, Any], list[str]]] = []
    for r in rl.resolve(refs, datasets):
        if r.item is None:
            continue
        got = extract(r.item)
        out.append((r.label, [f for f in fields if got.get(f) in SILENT[f]]))
    return out


def main(argv: list[str] | None = None) -> int:
    from etl import real_labels as rl

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("datasets", type=Path)
    parser.add_argument("--dataset", required=True)
    parser.add_argument("--language", required=True)
    parser.add_argument("--fields", required=True, help="comma-separated: " + ", ".join(SILENT))
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args(argv)
    fields = tuple(f.strip() for f in args.fields.split(",") if f.strip())
    unknown = [f for f in fields if f not in SILENT]
    if unknown or not fields:
        parser.error(f"--fields: unknown {unknown} (known: {', '.join(SILENT)})")
    refs = pool(args.datasets, args.dataset, args.language, rl.REAL_DIR / "sample.jsonl")
    rows = [{"dataset": ref["dataset"], "file": ref["file"], "record_no": ref["record_no"],
             "title_sha1": ref["title_sha1"], "silent": silent}
            for ref, silent in silent_fields(refs, args.datasets, fields) if silent]
    args.out.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    print(f"{len(rows)} of {len(refs)} drawable records silent on {', '.join(fields)}: {args.out}",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
