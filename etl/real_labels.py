"""Labels of real postings, stored by reference, and the postings they point at.

Why: the honest yardstick is a random sample of the real datasets in ``../shared/datasets``
(drawn by :mod:`etl.labelled_sample`), labelled by hand. The project never copies their
text: a label names ``dataset``, ``file`` and ``record_no`` and this module finds the
record again through the very adapter ``etl load`` would pick for that file, so the
adapter's structured fields (remote flags, level labels, salary columns) count exactly as
they do for users. A referenced record that cannot be read that way is *not loadable*, with
its reason, and is reported as such, never dropped in silence.

Label files: every ``*.jsonl`` in ``etl/data/labelled/real/`` except ``sample.jsonl`` (the
draw) and ``sample-fresh.jsonl`` (fresh tune batches), one line per drawn posting; the format is in
``etl/data/labelled/README.md``.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from etl import sources
from etl.labelled_sample import TEST_BATCHES, records, title_hash
from etl.record import Posting, SourceError

REAL_DIR = Path(__file__).resolve().parent / "data" / "labelled" / "real"
SAMPLE_NAME = "sample.jsonl"
FRESH_NAME = "sample-fresh.jsonl"  # fresh tune batches drawn beside the frozen draw (etl.labelled_sample)
DRAW_NAMES = (SAMPLE_NAME, FRESH_NAME)
DEFAULT_DATASETS = Path(__file__).resolve().parents[2] / "shared" / "datasets"
SPLITS = ("tune", "test")
REF_KEYS = ("dataset", "file", "record_no", "title_sha1", "split")
LANGUAGE_UNKNOWN = "?"
# Fresh tune batches labelled for some fields only (drawn to measure those): their labels hold exactly these
# keys in ``expected`` and the evaluator scores only them; every other label holds every field.
PARTIAL_BATCHES = {
    "real-fresh-v4": ("skills",),
    "real-fresh-v7": ("seniority", "remote", "experience_years", "country", "region"),
    "real-fresh-v8": ("skills",),
    "real-fresh-v9": ("seniority", "remote", "experience_years"),
    "real-fresh-v10": ("seniority", "experience_years", "remote", "country", "region", "degree"),
    "real-fresh-v11": ("skills",),
    "real-fresh-v12": ("seniority", "experience_years", "remote", "country", "region", "degree"),
    "real-fresh-v13": ("remote",),
    "real-fresh-v14": ("skills",),
    "real-fresh-v15": ("seniority", "experience_years"),
    "real-fresh-v16": ("remote",),
    "real-fresh-v17": ("skills",),
    "real-fresh-v18": ("experience_years", "country", "region"),
    "real-fresh-v19": ("seniority", "experience_years"),
    "real-fresh-v20": ("remote",),
    "real-fresh-v21": ("skills",),
    "real-fresh-v22": ("skills",),
    "real-fresh-v23": ("seniority", "experience_years", "remote"),
    "real-fresh-v24": ("seniority", "remote"),
    "real-fresh-v25": ("skills",),
    "real-fresh-v26": ("experience_years", "country", "region", "degree"),
    "real-fresh-v27": ("remote",),
    "real-fresh-v28": ("seniority",),
    "real-fresh-v29": ("skills",),
    "real-fresh-v30": ("remote",),
    "real-fresh-v31": ("remote",),
    "real-fresh-v32": ("seniority",),
    "real-fresh-v33": ("skills",),
    "real-fresh-v34": ("experience_years", "country", "region", "degree"),
    "real-fresh-v35": ("skills", "remote"),
    "real-fresh-v36": ("seniority",),
    "real-fresh-v37": ("seniority",),
    "real-fresh-v38": ("remote",),
    "real-fresh-v39": ("skills",),
    "real-fresh-v40": ("seniority", "remote", "experience_years", "degree"),
    "real-fresh-v41": ("country", "region"),
    "real-fresh-v42": ("skills",),
    "real-fresh-v43": ("seniority",),
    "real-fresh-v44": ("remote",),
    "real-fresh-v45": ("skills", "seniority", "degree"),
    "real-fresh-v46": ("country", "region"),
    "real-fresh-v47": ("skills",),
    "real-fresh-v48": ("seniority", "remote"),
    "real-fresh-v49": ("seniority",),
    "real-fresh-v50": ("skills", "seniority", "remote", "degree"),
    "real-fresh-v51": ("remote", "country", "region"),
    "real-fresh-v52": ("skills",),
    "real-fresh-v53": ("remote",),
    "real-fresh-v54": ("seniority",),
    "real-fresh-v55": ("skills", "seniority", "remote", "degree"),
    "real-fresh-v56": ("experience_years",),
    "real-fresh-v57": ("seniority", "remote"),
    "real-fresh-v58": ("seniority", "remote", "degree"),
    "real-fresh-v59": ("skills",),
    "real-fresh-v60": ("country", "region"),
    "real-fresh-v61": ("skills",),
    "real-fresh-v62": ("remote",),
    "real-fresh-v63": ("seniority",),
    "real-fresh-v64": ("skills", "seniority", "remote", "degree"),
    "real-fresh-v65": ("country", "region"),
    "real-fresh-v66": ("skills",),
    "real-fresh-v67": ("seniority", "remote"),
    "real-fresh-v68": ("seniority",),
    "real-fresh-v69": ("country", "region"),
    "real-fresh-v70": ("skills",),
    "real-fresh-v71": ("seniority", "remote", "country", "region", "salary"),
    "real-fresh-v72": ("skills",),
    "real-fresh-v73": ("remote", "country", "region"),
    "real-fresh-v74": ("skills",),
    "real-fresh-v75": ("experience_years", "degree"),
    "real-fresh-v76": ("seniority", "country", "region"),
    "real-fresh-v77": ("seniority", "remote", "country", "region"),
    "real-fresh-v78": ("skills",),
    "real-fresh-v79": ("seniority", "remote", "region"),
    "real-fresh-v80": ("seniority",),
    "real-fresh-v81": ("country", "region", "salary"),
    "real-fresh-v82": ("skills",),
    "real-fresh-v83": ("remote", "experience_years"),
    "real-fresh-v84": ("seniority", "region"),
    "real-fresh-v85": ("skills",),
    "real-fresh-v86": ("seniority", "remote", "region"),
    "real-fresh-v87": ("remote", "country", "region"),
    "real-fresh-v88": ("skills",),
    "real-fresh-v89": ("seniority",),
    "real-fresh-v90": ("country", "region"),
    "real-fresh-v91": ("remote",),
    "real-fresh-v92": ("skills",),
    "real-fresh-v93": ("seniority", "remote"),
    "real-fresh-v94": ("country", "region", "remote"),
    "real-fresh-v95": ("skills",),
    "real-fresh-v96": ("skills",),
    "real-fresh-v97": ("seniority",),
    "real-fresh-v98": ("remote", "country", "region"),
    "real-fresh-v99": ("skills",),
}


@dataclass(frozen=True, slots=True)
class Ref:
    dataset: str
    file: str
    record_no: int

    def __str__(self) -> str:
        return f"{self.dataset}/{self.file}#{self.record_no}"


@dataclass(slots=True)
class Resolved:
    """One labelled posting and what the pipeline reads for it (``item`` None when not loadable)."""

    label: dict[str, Any]
    item: dict[str, Any] | None = None  # Posting.as_extract_input() of the referenced record
    reason: str | None = None  # why it is not loadable

    @property
    def ref(self) -> Ref:
        return ref_of(self.label)


def ref_of(row: Mapping[str, Any]) -> Ref:
    return Ref(str(row["dataset"]), str(row["file"]), int(row["record_no"]))


def _read_jsonl(path: Path) -> Iterable[tuple[int, Any]]:
    with path.open(encoding="utf-8") as fh:
        for no, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                yield no, json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceError(f"{path}:{no}: invalid JSON: {exc.msg}") from None


def load_sample(labels_dir: Path = REAL_DIR) -> dict[Ref, dict[str, Any]]:
    """The draw (``sample.jsonl``) and its fresh batches (``sample-fresh.jsonl``) by reference.

    A fresh batch adds records of no earlier draw only: tune records, or - for a held-out test batch
    (``split: test`` in fresh_batches.yaml, ``TEST_BATCHES``) - test records. The frozen draw's test half
    cannot grow or move; a test batch is a second yardstick beside it, never part of ``real-test``.
    """

    path = labels_dir / SAMPLE_NAME
    if not path.is_file():
        raise SourceError(f"real-posting sample not found: {path}")
    sample = {ref_of(row): row for _no, row in _read_jsonl(path)}
    fresh = labels_dir / FRESH_NAME
    if fresh.is_file():
        for no, row in _read_jsonl(fresh):
            ref = ref_of(row)
            want = "test" if row.get("batch") in TEST_BATCHES else "tune"
            if row.get("split") != want:
                raise SourceError(f"{fresh}:{no}: batch {row.get('batch')} holds {want} records only")
            if ref in sample:
                raise SourceError(f"{fresh}:{no}: {ref} was drawn before")
            sample[ref] = row
    return sample


def _check(row: Any, where: str, sample: Mapping[Ref, Mapping[str, Any]]) -> dict[str, Any]:
    """One label line, validated against the draw: a one-line SourceError when it breaks the format."""
    if not isinstance(row, dict):
        raise SourceError(f"{where}: a label is a JSON object")
    missing = [k for k in REF_KEYS if k not in row]
    if missing:
        raise SourceError(f"{where}: missing {', '.join(missing)}")
    for key in ("dataset", "file"):
        # Plain names only: a label never reaches outside its dataset folder.
        if not isinstance(row[key], str) or not row[key] or "/" in row[key] or "\\" in row[key] \
                or row[key].startswith("."):
            raise SourceError(f"{where}: {key} must be a plain file or folder name")
    if not isinstance(row["record_no"], int) or isinstance(row["record_no"], bool):
        raise SourceError(f"{where}: record_no must be an integer")
    drawn = sample.get(ref_of(row))
    if drawn is None:
        raise SourceError(f"{where}: {ref_of(row)} is not in the drawn sample")
    if row["split"] != drawn["split"]:
        # The halves are fixed at draw time: a label cannot move a posting between them.
        raise SourceError(
            f"{where}: split {row['split']!r} but the draw put {ref_of(row)} in {drawn['split']!r}"
        )
    if row["title_sha1"] != drawn["title_sha1"]:
        raise SourceError(f"{where}: title_sha1 differs from the draw's for {ref_of(row)}")
    if "exclude" in row:
        if not isinstance(row["exclude"], str) or not row["exclude"].strip():
            raise SourceError(f"{where}: exclude needs a reason")
        if "expected" in row:
            raise SourceError(f"{where}: a label is either excluded or has 'expected', not both")
        return row
    if not isinstance(row.get("expected"), dict):
        raise SourceError(f"{where}: a labelled posting needs an 'expected' object (or 'exclude': reason)")
    fields = PARTIAL_BATCHES.get(str(drawn.get("batch")))
    if fields is not None and set(row["expected"]) != set(fields):
        raise SourceError(f"{where}: batch {drawn.get('batch')} labels {', '.join(fields)} only "
                          f"(exactly these keys in 'expected')")
    lang = row.get("language")
    if not (isinstance(lang, str) and len(lang) == 2 and lang.isalpha() and lang.islower()):
        raise SourceError(f"{where}: language must be an ISO 639-1 code such as 'de'")
    return row


def load_real_labels(labels_dir: Path = REAL_DIR, split: str | None = None,
                     batch: str | None = None) -> list[dict[str, Any]]:
    """Every label line (excluded ones too) of the real set, optionally one split or one fresh batch
    (``batch``: its seed, as ``real-fresh-v3`` or the test batch ``real-test-v2``); validated.

    ``split="test"`` without a batch is the frozen draw's test half alone (``real-test``, held to committed
    digests): a held-out test batch is read only by its name (``batch``), so it never moves the test half.
    The tune half (``split="tune"``) is the frozen draw's tune records and every fresh tune batch."""
    if split is not None and split not in SPLITS:
        raise SourceError(f"unknown split {split!r}; known: {', '.join(SPLITS)}")
    sample = load_sample(labels_dir)
    if batch is not None:
        batches = sorted({str(row["batch"]) for row in sample.values() if row.get("batch")})
        if batch not in batches:
            known = ", ".join(batches) or "none"
            raise SourceError(f"no fresh batch {batch!r} in {FRESH_NAME}; known: {known}")
    seen: dict[Ref, str] = {}
    out = []
    for path in sorted(labels_dir.glob("*.jsonl")):
        if path.name in DRAW_NAMES:
            continue
        for no, row in _read_jsonl(path):
            where = f"{path}:{no}"
            label = _check(row, where, sample)
            ref = ref_of(label)
            if ref in seen:
                raise SourceError(f"{where}: {ref} is labelled twice (also {seen[ref]})")
            seen[ref] = where
            drawn_in = sample[ref].get("batch")
            in_batch = drawn_in == batch if batch is not None else not (split == "test" and drawn_in)
            if (split is None or label["split"] == split) and in_batch:
                out.append(label)
    return out


class _Replay:
    """An iterator read at most once and replayed from its start as often as asked: what it gave is kept, and
    an error it raised is raised again at the same place. It is read no further than a reader asks."""

    def __init__(self, make: Callable[[], Iterable[Any]]) -> None:
        self._make = make
        self._it: Iterator[Any] | None = None
        self._seen: list[Any] = []
        self._error: Exception | None = None
        self._done = False

    def __iter__(self) -> Iterator[Any]:
        i = 0
        while True:
            if i < len(self._seen):
                yield self._seen[i]
                i += 1
                continue
            if self._error is not None:
                raise self._error
            if self._done:
                return
            try:
                if self._it is None:
                    self._it = iter(self._make())
                self._seen.append(next(self._it))
            except StopIteration:
                self._done = True
            except Exception as exc:  # kept and raised again, to this reader and to each later one
                self._error = exc


class _FileReads:
    """One dataset file's title hashes and adapter records, each read once (see :func:`shared_reads`)."""

    def __init__(self, path: Path) -> None:
        self.hashes = _Replay(lambda: ((no, title_hash(rec)) for no, rec in records(path)))
        self._path = path
        self._read: tuple[str, _Replay] | Exception | None = None

    def read(self) -> tuple[str, Iterable[Any]]:
        """As ``sources.read(path)``: the format and the records (an error it raised, raised again)."""
        if self._read is None:
            try:
                fmt, items = sources.read(self._path)
                self._read = (fmt, _Replay(lambda: items))
            except Exception as exc:
                self._read = exc
        if isinstance(self._read, Exception):
            raise self._read
        return self._read


FileReads = dict[tuple[Path, int, int], _FileReads]  # by path, size and modification time
# Set inside shared_reads(): the files read so far.
_SHARED: FileReads | None = None


@contextmanager
def shared_reads(keep: FileReads | None = None) -> Iterator[None]:
    """Within the block every dataset file is read once however many sets resolve labels in it: each set
    reads the same files (the hacker-news export alone some 2,900 records through its adapter, for every
    set), which was most of the time of scoring every set side by side. Results are those of separate
    reads (each file read no further than the labels need it, its errors raised at the same place). The
    reads are dropped at the end of the outermost block, or kept in ``keep`` for a later block given it."""
    global _SHARED
    if _SHARED is not None:
        yield
        return
    _SHARED = {} if keep is None else keep
    try:
        yield
    finally:
        _SHARED = None


def _reads(path: Path) -> _FileReads | None:
    if _SHARED is None:
        return None
    st = path.stat()
    key = (path.resolve(), st.st_size, st.st_mtime_ns)
    if key not in _SHARED:
        _SHARED[key] = _FileReads(path)
    return _SHARED[key]


def _title_hashes(path: Path, wanted: set[int]) -> dict[int, str]:
    """The draw's title hash of the wanted records, read the way the draw read them."""
    found: dict[int, str] = {}
    reads = _reads(path)
    if reads is None:
        for no, rec in records(path):
            if no in wanted:
                found[no] = title_hash(rec)
                if len(found) == len(wanted):
                    break
        return found
    for no, digest in reads.hashes:  # every record's hash is kept: the next set wants other records
        if no in wanted:
            found[no] = digest
            if len(found) == len(wanted):
                break
    return found


def _resolve_file(path: Path, labels: list[dict[str, Any]]) -> list[Resolved]:
    by_no = {int(lb["record_no"]): lb for lb in labels}
    out = {no: Resolved(lb) for no, lb in by_no.items()}
    if not path.is_file():
        for r in out.values():
            r.reason = "file not found"
        return list(out.values())
    try:
        hashes = _title_hashes(path, set(by_no))
        reads = _reads(path)
        fmt, items = reads.read() if reads else sources.read(path)
        pending = set(by_no)
        for item in items:
            if item.record_no not in pending:
                continue
            pending.discard(item.record_no)
            r = out[item.record_no]
            if hashes.get(item.record_no) != r.label["title_sha1"]:
                r.reason = "the record changed since the draw (title hash differs)"
            elif isinstance(item, Posting):
                r.item = item.as_extract_input()
            else:
                r.reason = f"rejected by the {fmt} reader: {item.reason}"
            if not pending:
                break
        for no in pending:
            out[no].reason = f"record not found by the {fmt} reader"
    except (SourceError, OSError, UnicodeError, ValueError) as exc:
        message = str(exc).splitlines()[0][:200] if str(exc) else type(exc).__name__
        if path.name not in message:
            message = f"{path.name}: {message}"
        for r in out.values():
            if r.item is None and r.reason is None:
                r.reason = message
    return list(out.values())


def resolve(labels: Iterable[dict[str, Any]], datasets: Path = DEFAULT_DATASETS) -> list[Resolved]:
    """The extraction input for every non-excluded label, read through ``etl load``'s adapter.

    Each referenced file is read once, with the format detected from its content as a load
    does; the result keeps the labels' order.
    """
    wanted = [lb for lb in labels if "exclude" not in lb]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for lb in wanted:
        groups[(lb["dataset"], lb["file"])].append(lb)
    found: dict[Ref, Resolved] = {}
    for (dataset, file), group in groups.items():
        if not datasets.is_dir():
            resolved = [Resolved(lb, reason=f"datasets folder not found: {datasets}") for lb in group]
        else:
            resolved = _resolve_file(datasets / dataset / file, group)
        found.update((r.ref, r) for r in resolved)
    return [found[ref_of(lb)] for lb in wanted]
