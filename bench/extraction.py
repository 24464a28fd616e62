"""Extraction throughput: etl.columnar.extract_batch on generated postings, one process, one core.

Prints postings per second for the whole extraction (Arrow batches of 2,000 postings, as ``etl load``
runs it: cleaning, skills, salary, experience, seniority, role family, location, remote, boilerplate
sections, language), as a median over ``repeat`` equal slices (CPU time of this process, so a busy
machine does not skew it), plus the mean description size, then the cost of each stage in
microseconds per posting, as :func:`etl.extract.extract_columns` (the path of ``extract_batch``) times
its own stages (stage by stage over a batch, as it runs) on fresh postings after the main run, so the
caches are as warm as in a load.

The postings are generated (etl/demo/generator.py: English descriptions of about 1.9 KB built from a
few paragraph templates, Markdown), not real exports; ``BENCH_EXTRACT_DATA=../shared/datasets`` reads
the first N postings of the real exports there instead. The paragraph caches (etl.clean, remote
neighbourhoods) hit more often than on real data; ``python -m bench extract`` measures the hot
path, not a promise for every source.

``BENCH_EXTRACT_PROFILE=1`` also prints where the CPU goes by function and the Aho-Corasick scans by
the line that runs them: a sampling profile (the stack every 0.5 ms of CPU), so no per-call overhead;
cProfile's makes small Python functions look several times dearer than they are. With the compiled rule
modules (``python -m etl accel build``, etl/accel.py) their functions leave no Python frames, so profile
with ``ETL_ACCEL=0``; the first line says which modules ran.
"""

from __future__ import annotations

import collections
import os
import signal
import statistics
import time
from pathlib import Path
from types import FrameType

from etl import accel
from etl.columnar import extract_batch, mappings_to_batch
from etl.demo.writers import extract_inputs
from etl.extract import extract_columns

BATCH = 2000  # postings per Arrow batch, as the loader's


def inputs(n: int, seed: int = 2) -> list[dict]:
    return extract_inputs(n, seed)


def stage_costs(items: list[dict]) -> dict[str, float]:
    """Microseconds per posting of each stage of ``extract_columns``, in its order, on batches of BATCH
    (the stages of the real path, timed by it)."""
    spent: dict[str, float] = {}
    for i in range(0, len(items), BATCH):
        extract_columns(items[i : i + BATCH], timings=spent)
    return {name: s / len(items) * 1e6 for name, s in spent.items()}


def real_inputs(folder: Path, n: int) -> list[dict]:
    """The first ``n`` postings of every file under ``folder`` the adapters read (``../shared/datasets``:
    real exports of a dozen boards), as ``extract`` inputs, in file order."""
    from etl import sources
    from etl.record import Posting, SourceError

    out: list[dict] = []
    for path in sorted(p for p in folder.rglob("*") if p.suffix.lower() in sources.SUPPORTED_SUFFIXES):
        try:
            records = list(sources.read(path)[1])
        except SourceError:
            continue
        out += [p.as_extract_input() for p in records if isinstance(p, Posting)]
    return out[:n]


def run(postings: int, repeat: int) -> None:
    # BENCH_EXTRACT_DATA=../shared/datasets: real postings instead of generated ones (first N)
    data = os.environ.get("BENCH_EXTRACT_DATA")
    items = real_inputs(Path(data), postings) if data else inputs(postings)
    size = statistics.mean(len(i.get("description") or "") for i in items)
    slices = max(1, repeat)
    per = len(items) // slices
    rates = []
    for k in range(slices):
        chunk = items[k * per:(k + 1) * per]
        batches = [mappings_to_batch(chunk[i:i + BATCH]) for i in range(0, len(chunk), BATCH)]
        t0 = time.process_time()
        for batch in batches:
            extract_batch(batch)
        rates.append(len(chunk) / (time.process_time() - t0))
    print(f"extraction: {len(items):,} postings, mean description {size:,.0f} chars, compiled rule modules "
          f"(python -m etl accel build): {'yes' if accel.active() else 'no'}")
    print(f"extraction: median {statistics.median(rates):,.0f} postings/s on one core "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}, {slices} slices)")
    fresh = items if data else inputs(min(5000, postings), seed=3)  # real ones: the same postings again
    costs = stage_costs(fresh)
    total = sum(costs.values())
    what = "the same postings" if data else "fresh postings"
    print(f"extraction stages (us/posting, {len(fresh):,} {what}, sum {total:,.0f} us):")
    for name, us in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<18}{us:8.1f}  {us / total:6.1%}")
    if os.environ.get("BENCH_EXTRACT_PROFILE"):
        print_profile(fresh)


SAMPLE_EVERY = 0.0005  # seconds of CPU between two samples
_SCANS = ("find_matches_as_indexes", "occurs_in", "__call__")  # literal_gate's scan methods


def sampled_profile(items: list[dict]) -> tuple[dict[str, float], dict[str, float]]:
    """(µs a posting spent in each function, inclusive; µs a posting in Aho-Corasick scans by the line
    that runs them) over ``extract_batch`` of ``items``, from the stacks of SIGPROF samples."""
    inclusive: collections.Counter[str] = collections.Counter()
    scans: collections.Counter[str] = collections.Counter()
    total = 0

    def sample(_sig: int, frame: FrameType | None) -> None:
        nonlocal total
        total += 1
        if frame is None:
            return
        if frame.f_code.co_name in _SCANS and frame.f_code.co_filename.endswith("literal_gate.py"):
            caller = frame.f_back
            while caller is not None and caller.f_code.co_name in _SCANS:
                caller = caller.f_back
            if caller is not None:
                code = caller.f_code
                scans[f"{Path(code.co_filename).name}:{caller.f_lineno} {code.co_name}"] += 1
        seen = set()
        f: FrameType | None = frame
        while f is not None:
            key = f"{Path(f.f_code.co_filename).name}:{f.f_code.co_name}"
            if key not in seen:
                seen.add(key)
                inclusive[key] += 1
            if f.f_code.co_name == "extract_batch":
                break  # the bench's own frames above it say nothing
            f = f.f_back

    batches = [mappings_to_batch(items[i:i + BATCH]) for i in range(0, len(items), BATCH)]
    previous = signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, SAMPLE_EVERY, SAMPLE_EVERY)
    t0 = time.process_time()
    try:
        for batch in batches:
            extract_batch(batch)
    finally:
        signal.setitimer(signal.ITIMER_PROF, 0, 0)
        signal.signal(signal.SIGPROF, previous)
    per_sample = (time.process_time() - t0) / max(1, total) / len(items) * 1e6
    return ({k: v * per_sample for k, v in inclusive.items()}, {k: v * per_sample for k, v in scans.items()})


def print_profile(items: list[dict], top: int = 40) -> None:
    inclusive, scans = sampled_profile(items)
    print(f"where the CPU goes (us/posting, inclusive, sampled every {SAMPLE_EVERY * 1e3:g} ms of CPU):")
    for name, us in sorted(inclusive.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {us:8.1f}  {name}")
    print(f"Aho-Corasick scans by caller (us/posting, {sum(scans.values()):.1f} in all):")
    for name, us in sorted(scans.items(), key=lambda kv: -kv[1]):
        print(f"  {us:8.1f}  {name}")
