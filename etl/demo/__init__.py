"""The embedded demo: synthetic postings written in real formats and loaded by the real ETL.

Why: ``make run`` on a fresh clone needs data. ``python -m etl demo`` writes raw
files (see writers.py) into a temporary folder, loads them with
:func:`etl.warehouse.loader.load_paths`, and marks the warehouse ``is_demo`` so
every page can say the data is synthetic. ``--raw DIR`` only writes the files
(for benchmarks and for trying the loader by hand).
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

from etl.demo import writers
from etl.demo.generator import DemoPosting, Generator
from etl.warehouse import paths

# Share of postings per format; LinkedIn's dump is US-only, so non-US postings go to JobSpy instead.
FORMAT_SHARE = (
    ("jobspy", 0.45),
    ("linkedin", 0.25),
    ("greenhouse", 0.12),
    ("lever", 0.10),
    ("hackernews", 0.08),
)
DUPLICATE_SHARE = 0.03  # written a second time: overlapping scrapes and cross-posted jobs


def write_raw(
    out: Path, postings: int, seed: int = 7, formats: tuple[str, ...] | None = None, full_every: int = 1
) -> dict[str, int]:
    """Write ``postings`` synthetic postings as raw files under ``out``; returns records per format.

    ``full_every``: see :class:`Generator` (brief descriptions make large test inputs cheap to extract).
    """
    out.mkdir(parents=True, exist_ok=True)
    gen = Generator(seed, full_every)
    if formats == ("jobspy",):  # one big file, streamed: the benchmark input
        n = writers.write_jobspy(out / "jobspy_demo.csv", gen.postings(postings))
        return {"jobspy": n}
    rng = gen.rng
    buckets: dict[str, list[DemoPosting]] = defaultdict(list)
    names = [f for f, _ in FORMAT_SHARE if formats is None or f in formats]
    weights = [w for f, w in FORMAT_SHARE if f in names]
    for d in gen.postings(postings):
        fmt = rng.choices(names, weights)[0]
        if fmt == "linkedin" and d.country != "US":
            fmt = "jobspy"
        buckets[fmt].append(d)
    counts: dict[str, int] = {}
    jobspy = buckets.get("jobspy", [])
    repeats = rng.sample(jobspy, int(len(jobspy) * DUPLICATE_SHARE)) if jobspy else []
    # the same job cross-posted on a job board and the company's ATS: a duplicate by fingerprint only
    cross = [replace(d, n=d.n + 50_000_000) for d in rng.sample(buckets.get("greenhouse", []),
                                                              len(buckets.get("greenhouse", [])) // 10)]
    half = len(jobspy) // 2
    counts["jobspy"] = writers.write_jobspy(out / "jobspy_run1.csv", jobspy[:half], broken=3)
    counts["jobspy"] += writers.write_jobspy(
        out / "jobspy_run2.csv", jobspy[half:] + repeats + cross, broken=2
    )
    if buckets.get("linkedin"):
        counts["linkedin"] = writers.write_linkedin(out / "linkedin_postings.csv", buckets["linkedin"])
    by_company: dict[str, list[DemoPosting]] = defaultdict(list)
    for d in buckets.get("greenhouse", []):
        by_company[d.company].append(d)
    gh = out / "greenhouse"
    gh.mkdir(exist_ok=True)
    counts["greenhouse"] = sum(writers.write_greenhouse(gh / f"{c.lower().replace(' ', '-')}.json", ds)
                               for c, ds in sorted(by_company.items()))
    lever = out / "lever"
    lever.mkdir(exist_ok=True)
    by_company = defaultdict(list)
    for d in buckets.get("lever", []):
        by_company[d.company].append(d)
    counts["lever"] = sum(writers.write_lever(lever / f"{c.lower().replace(' ', '-')}.json", ds)
                          for c, ds in sorted(by_company.items()))
    hn = out / "hackernews"
    hn.mkdir(exist_ok=True)
    by_month: dict[str, list[DemoPosting]] = defaultdict(list)
    for d in buckets.get("hackernews", []):
        by_month[d.posted.strftime("%Y-%m")].append(d)
    counts["hackernews"] = sum(
        writers.write_hackernews(hn / f"{m}.json", ds) for m, ds in sorted(by_month.items())
    )
    return counts


def build_demo(db: Path, postings: int = 20_000, seed: int = 7, progress: bool = True):  # type: ignore[no-untyped-def]
    """Write the raw demo files to a temporary folder and load them into ``db``."""
    from etl.warehouse.loader import load_paths

    with tempfile.TemporaryDirectory(prefix="etl-demo-") as tmp:
        write_raw(Path(tmp), postings, seed)
        return load_paths([Path(tmp)], db, progress=progress,
                          meta={"is_demo": "true", "demo_seed": str(seed), "demo_postings": str(postings)})


def cli_demo(args: argparse.Namespace) -> int:
    if args.raw:
        counts = write_raw(Path(args.raw), args.postings, args.seed)
        print(f"wrote {sum(counts.values()):,} records to {args.raw}: "
              + ", ".join(f"{k} {v:,}" for k, v in counts.items()))
        return 0
    db = paths.resolve_db_path(args.db)
    if args.if_missing and paths.current_version(db) is not None:
        print(f"{db} exists; not rebuilding the demo")
        return 0
    from etl.warehouse.loader import print_summary

    summary = build_demo(db, args.postings, args.seed, progress=not args.json)
    print_summary(summary, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps(summary.as_json()))
    return 0
