"""The extraction's outputs, held still: per-field digests of every output of every known posting.

Why: speed work on the extraction (issue 10) must leave every answer as it was, on the labelled set, the
golden reference and every shared dataset. Comparing two code paths that share ``extract_rows`` cannot see
a change in the rules themselves, so the outputs are compared with a committed snapshot taken from the
code before the change. The snapshot holds no posting text (the shared datasets may not be copied into
the project): per record only its key (the unit it came from and its id or 1-based record number) and a
SHA-256 digest of each output field's canonical JSON, truncated to :data:`HEX` hex digits (40 bits: a
changed field keeps its digest with a chance of 1 in 10^12), so a failure names the record and the field.

What it covers (each a *unit* with a digest of its input, so "the input changed" and "the extraction
changed" read differently):

* ``labelled``: the committed synthetic labelled set (etl/data/labelled/postings.jsonl), by id;
* ``golden``: the golden reference (../shared/golden/senior_software_developer.txt);
* ``generated``: :data:`GENERATED` postings of the demo generator (seed 2), the benchmark's input;
* ``datasets/<path>``: every record of every file under ../shared/datasets that an adapter reads, by
  record number (a rejected record by its reason), run through the load's path
  (``postings_to_batches`` -> ``extract_batch``).

Units whose input is absent here (no ../shared) are skipped and reported as skipped.

Regenerate ONLY when an output change is intended, and say why in the commit::

    python -m etl snapshot --update

``python -m etl snapshot`` checks without writing (exit status 1 on a difference, and ``--show N`` prints
the current values of the changed fields of N records); ``tests/test_output_snapshot.py`` runs the check.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import sys
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from etl.columnar import extract_batch, mappings_to_batch, output_records, postings_to_batches
from etl.extract import OUTPUT_KEYS

PROJECT = Path(__file__).resolve().parents[1]
SNAPSHOT = PROJECT / "tests" / "fixtures" / "output_snapshot.json.gz"
SHARED = PROJECT.parent / "shared"
LABELS = PROJECT / "etl" / "data" / "labelled" / "postings.jsonl"
GOLDEN_NAME = "senior_software_developer"
FIELDS = (*OUTPUT_KEYS, "error")  # every key extract gives, and the error of a row that failed
HEX = 10
GENERATED = 2000
BATCH = 2000  # postings per Arrow batch, as the loader's


def _canonical(value: Any) -> str:
    # 150000 and 150000.0 differ here, as they do in the JSON the CLI writes
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


def _digest(text: str | bytes) -> str:
    return hashlib.sha256(text.encode("utf-8") if isinstance(text, str) else text).hexdigest()


def record_digests(record: Mapping[str, Any]) -> str:
    """The per-field digests of one output record, in :data:`FIELDS` order, as one fixed-width string."""
    return "".join(_digest(_canonical(record.get(name)))[:HEX] for name in FIELDS)


@dataclass
class Unit:
    """One input (a file, the labelled set ...): the digest of its input and its records' digests."""

    input: str
    records: dict[str, str] = field(default_factory=dict)


def _mapping_unit(items: Sequence[Mapping[str, Any]], keys: Sequence[str]) -> Unit:
    unit = Unit(_digest(_canonical([dict(i) for i in items])))
    for start in range(0, len(items), BATCH):
        chunk = items[start : start + BATCH]
        out = output_records(extract_batch(mappings_to_batch(chunk)), [i.get("id") for i in chunk])
        for key, record in zip(keys[start : start + BATCH], out, strict=True):
            unit.records[key] = record_digests(record)
    return unit


def _dataset_unit(path: Path) -> Unit | None:
    """Every record of one shared file as the load reads it (None: no adapter reads this file)."""
    from etl import sources
    from etl.record import SourceError

    try:
        _fmt, items = sources.read(path)
        records = list(items)
    except SourceError:
        return None
    unit = Unit(_digest(path.read_bytes()))
    for batch, rejected in postings_to_batches(records, BATCH):
        for rej in rejected:
            unit.records[f"#{rej.record_no}"] = "rejected:" + _digest(rej.reason)[:HEX]
        nos = batch.column("record_no").to_pylist()
        for no, record in zip(nos, output_records(extract_batch(batch), batch.column("id").to_pylist()),
                              strict=True):
            unit.records[f"#{no}"] = record_digests(record)
    return unit


def dataset_files(folder: Path) -> list[Path]:
    from etl import sources

    suffixes = sources.SUPPORTED_SUFFIXES
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in suffixes)


KINDS = ("labelled", "golden", "generated", "datasets")


def compute(shared: Path = SHARED, kinds: Sequence[str] = KINDS) -> Iterator[tuple[str, Unit | None]]:
    """(unit name, its digests) for every unit of ``kinds`` whose input is here; (kind, None) for a kind
    whose input is absent (``golden`` and ``datasets`` live in ../shared)."""
    if "labelled" in kinds:
        from etl.evaluate import load_labels

        labelled = [{k: v for k, v in p.items() if k != "expected"} for p in load_labels(LABELS)]
        yield "labelled", _mapping_unit(labelled, [str(i["id"]) for i in labelled])
    if "golden" in kinds:
        golden = shared / "golden" / f"{GOLDEN_NAME}.txt"
        if golden.is_file():
            item = {"id": "golden", "title": "Senior Software Developer",
                    "description": golden.read_text(encoding="utf-8")}
            yield "golden", _mapping_unit([item], [GOLDEN_NAME])
        else:
            yield "golden", None
    if "generated" in kinds:
        from etl.demo.writers import extract_inputs

        generated = extract_inputs(GENERATED, seed=2)
        yield "generated", _mapping_unit(generated, [str(i["id"]) for i in generated])
    if "datasets" in kinds:
        folder = shared / "datasets"
        if not folder.is_dir():
            yield "datasets", None
            return
        for path in dataset_files(folder):
            unit = _dataset_unit(path)
            if unit is not None:
                yield f"datasets/{path.relative_to(folder).as_posix()}", unit


# -- the snapshot file -------------------------------------------------------------------------


def load(path: Path = SNAPSHOT) -> dict[str, Unit]:
    with gzip.open(path, "rt", encoding="utf-8") as f:
        data = json.load(f)
    if tuple(data["fields"]) != FIELDS or data["hex"] != HEX:
        raise ValueError(f"{path} was written for other output fields ({data['fields']}): regenerate it "
                         "with `python -m etl snapshot --update` (and say why in the commit)")
    return {name: Unit(u["input"], u["records"]) for name, u in data["units"].items()}


def save(units: Mapping[str, Unit], path: Path = SNAPSHOT) -> None:
    data = {
        "about": "Per-field digests of the extraction's outputs (etl/snapshot.py). Regenerate only when an "
                 "output change is intended: python -m etl snapshot --update",
        "fields": list(FIELDS),
        "hex": HEX,
        "units": {name: {"input": units[name].input, "records": units[name].records}
                  for name in sorted(units)},
    }
    text = json.dumps(data, indent=0, sort_keys=False)
    path.parent.mkdir(parents=True, exist_ok=True)
    # mtime 0: the same outputs give the same bytes, so an unchanged snapshot never shows in git
    path.write_bytes(gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


# -- comparing -----------------------------------------------------------------------------------


@dataclass
class Report:
    """What differs between the snapshot and today's outputs."""

    changed: dict[str, list[tuple[str, list[str]]]] = field(default_factory=dict)  # unit -> (record, fields)
    input_changed: list[str] = field(default_factory=list)
    missing_units: list[str] = field(default_factory=list)  # in the snapshot, input present, unit gone
    new_units: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # input absent here: not compared
    compared: int = 0

    @property
    def ok(self) -> bool:
        return not (self.changed or self.input_changed or self.missing_units or self.new_units)

    def message(self, limit: int = 25) -> str:
        lines: list[str] = []
        if self.changed:
            per_field: dict[str, int] = {}
            total = 0
            for rows in self.changed.values():
                total += len(rows)
                for _key, names in rows:
                    for name in names:
                        per_field[name] = per_field.get(name, 0) + 1
            lines.append(f"{total} of {self.compared} records give other outputs than the snapshot; "
                         "changed records per field: "
                         + ", ".join(f"{k} {v}" for k, v in sorted(per_field.items(), key=lambda kv: -kv[1])))
            shown = 0
            for unit, rows in self.changed.items():
                for key, names in rows:
                    if shown < limit:
                        lines.append(f"  {unit} {key}: {', '.join(names)}")
                    shown += 1
            if shown > limit:
                lines.append(f"  ... and {shown - limit} more")
        if self.input_changed:
            lines.append("inputs changed since the snapshot (not the extraction): "
                         + ", ".join(self.input_changed))
        if self.missing_units:
            lines.append("inputs in the snapshot but no longer read: " + ", ".join(self.missing_units))
        if self.new_units:
            lines.append("inputs not in the snapshot: " + ", ".join(self.new_units))
        if lines:
            lines.append("An output change is a bug unless intended: then run `python -m etl snapshot "
                         "--update` and say why in the commit (`python -m etl snapshot --show 5` prints "
                         "today's values).")
        return "\n".join(lines)


def _fields_differing(old: str, new: str) -> list[str]:
    if old.startswith("rejected:") or new.startswith("rejected:"):
        return ["rejected"]
    return [name for i, name in enumerate(FIELDS)
            if old[i * HEX : (i + 1) * HEX] != new[i * HEX : (i + 1) * HEX]]


def compare_unit(report: Report, name: str, old: Unit | None, new: Unit) -> None:
    if old is None:
        report.new_units.append(name)
        return
    if old.input != new.input:
        report.input_changed.append(name)
        return
    rows = []
    for key in sorted(old.records.keys() | new.records.keys(), key=lambda k: (len(k), k)):
        was, now = old.records.get(key), new.records.get(key)
        if was is None or now is None:
            rows.append((key, ["(record not in the snapshot)" if was is None else "(record no longer read)"]))
        elif was != now:
            rows.append((key, _fields_differing(was, now)))
    report.compared += len(new.records)
    if rows:
        report.changed[name] = rows


def check(snapshot: Mapping[str, Unit], computed: Iterator[tuple[str, Unit | None]],
          kinds: Sequence[str] = KINDS) -> Report:
    """Today's outputs (``computed``, of ``kinds``) against the snapshot's units of the same kinds."""
    snapshot = {name: unit for name, unit in snapshot.items() if name.split("/", 1)[0] in kinds}
    report = Report()
    seen: set[str] = set()
    absent_kinds: set[str] = set()
    for name, unit in computed:
        seen.add(name)
        if unit is None:
            absent_kinds.add(name)
            continue
        compare_unit(report, name, snapshot.get(name), unit)
    for name in sorted(snapshot.keys() - seen):
        kind = name.split("/", 1)[0]
        (report.skipped if kind in absent_kinds else report.missing_units).append(name)
    report.skipped += sorted(k for k in absent_kinds if k in snapshot)
    return report


def _inputs_of(unit: str, shared: Path) -> list[Mapping[str, Any]] | None:
    """The extract inputs of a non-dataset unit, each with its record key as ``id``."""
    if unit == "labelled":
        from etl.evaluate import load_labels

        return [{k: v for k, v in p.items() if k != "expected"} for p in load_labels(LABELS)]
    if unit == "generated":
        from etl.demo.writers import extract_inputs

        return list(extract_inputs(GENERATED, seed=2))
    if unit == "golden":
        text = (shared / "golden" / f"{GOLDEN_NAME}.txt").read_text(encoding="utf-8")
        return [{"id": GOLDEN_NAME, "title": "Senior Software Developer", "description": text}]
    return None


def show(names: Sequence[tuple[str, str]], shared: Path = SHARED) -> Iterator[str]:
    """Today's outputs of the named records (unit, record key), for reading a difference (printed, never
    stored: they hold the shared datasets' text)."""
    from etl import sources
    from etl.columnar import postings_batch
    from etl.record import Posting

    for unit, key in names:
        if unit.startswith("datasets/"):
            path = shared / "datasets" / unit.removeprefix("datasets/")
            no = int(key.lstrip("#"))
            found = [p for p in sources.read(path)[1] if isinstance(p, Posting) and p.record_no == no]
            out = output_records(extract_batch(postings_batch(found)), [p.source_id for p in found])
        else:
            items = [i for i in _inputs_of(unit, shared) or [] if str(i.get("id")) == key]
            out = output_records(extract_batch(mappings_to_batch(items)), [i.get("id") for i in items])
        for record in out:
            yield f"{unit} {key}: {_canonical(record)}"


def cli_snapshot(update: bool, path: Path = SNAPSHOT, shared: Path = SHARED, show_n: int = 0) -> int:
    if update:
        kept = load(path) if path.is_file() else {}
        units: dict[str, Unit] = {}
        absent: set[str] = set()
        for name, unit in compute(shared):
            if unit is None:
                absent.add(name)
            else:
                units[name] = unit
        for name, unit in kept.items():  # inputs absent here: their digests are kept, not dropped
            if name.split("/", 1)[0] in absent:
                units[name] = unit
                print(f"kept (input absent here): {name}", file=sys.stderr)
        save(units, path)
        print(f"wrote {path}: {sum(len(u.records) for u in units.values())} records in {len(units)} inputs",
              file=sys.stderr)
        return 0
    report = check(load(path), compute(shared))
    if report.skipped:
        print(f"skipped (input absent here): {', '.join(report.skipped)}", file=sys.stderr)
    if report.ok:
        print(f"outputs identical to the snapshot: {report.compared} records", file=sys.stderr)
        return 0
    print(report.message(), file=sys.stderr)
    if show_n:
        wanted = [(unit, key) for unit, rows in report.changed.items() for key, _ in rows][:show_n]
        for line in show(wanted, shared):
            print(line)
    return 1
