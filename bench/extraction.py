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
"""

from __future__ import annotations

import os
import statistics
import time
from pathlib import Path

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
    print(f"extraction: {len(items):,} postings, mean description {size:,.0f} chars")
    print(f"extraction: median {statistics.median(rates):,.0f} postings/s on one core "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}, {slices} slices)")
    fresh = items if data else inputs(min(5000, postings), seed=3)  # real ones: the same postings again
    costs = stage_costs(fresh)
    total = sum(costs.values())
    what = "the same postings" if data else "fresh postings"
    print(f"extraction stages (us/posting, {len(fresh):,} {what}, sum {total:,.0f} us):")
    for name, us in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<18}{us:8.1f}  {us / total:6.1%}")
