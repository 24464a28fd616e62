"""Extraction throughput: etl.extract.extract on generated postings, one process, one core.

Prints postings per second for the whole extraction (cleaning, skills, salary,
experience, seniority, role family, location, remote), as a median over
``repeat`` equal slices, plus the mean description size.
"""

from __future__ import annotations

import statistics
import time

from etl.extract import extract

from etl.demo.generator import Generator
from etl.demo.writers import _markdown, location_text, salary_sentence


def inputs(n: int) -> list[dict]:
    gen = Generator(seed=2)
    out = []
    for d in gen.postings(n):
        out.append({"id": str(d.n), "title": d.title, "company": d.company, "location": location_text(d),
                    "salary_text": salary_sentence(d) or None, "description": _markdown(d.description),
                    "description_format": "markdown"})
    return out


def run(postings: int, repeat: int) -> None:
    items = inputs(postings)
    size = statistics.mean(len(i["description"]) for i in items)
    slices = max(1, repeat)
    per = len(items) // slices
    rates = []
    for k in range(slices):
        chunk = items[k * per:(k + 1) * per]
        t0 = time.perf_counter()
        for item in chunk:
            extract(item)
        rates.append(len(chunk) / (time.perf_counter() - t0))
    print(f"extraction: {len(items):,} postings, mean description {size:,.0f} chars")
    print(f"extraction: median {statistics.median(rates):,.0f} postings/s on one core "
          f"(min {min(rates):,.0f}, max {max(rates):,.0f}, {slices} slices)")
