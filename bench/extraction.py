"""Extraction throughput: etl.columnar.extract_batch on generated postings, one process, one core.

Prints postings per second for the whole extraction (Arrow batches of 2,000 postings, as ``etl load``
runs it: cleaning, skills, salary,
experience, seniority, role family, location, remote, boilerplate sections, language), as a median over
``repeat`` equal slices (CPU time of this process, so a busy machine does not
skew it), plus the mean description size, then the cost of each
stage in microseconds per posting (the same calls as ``extract``, timed one by
one on fresh postings, after the main run, so the caches are as warm as in a load).

The generated descriptions are built from a few paragraph templates, so the
paragraph caches (etl.clean, skills tiles, remote neighbourhoods) hit more often
than on real exports; ``python -m bench extract`` measures the hot path, not a
promise for every source.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from etl.clean import clean_inline, to_text
from etl.columnar import extract_batch, mappings_to_batch
from etl.demo.generator import Generator
from etl.demo.writers import _markdown, location_text, salary_sentence
from etl.extract import _salary, _text, _year
from etl.normalize.experience import parse_degree, parse_experience
from etl.normalize.language import posting_language
from etl.normalize.location import parse_location
from etl.normalize.remote import classify_remote
from etl.normalize.role_family import classify_role_family
from etl.normalize.salary import enrich
from etl.normalize.seniority import classify_seniority
from etl.normalize.skills import extract_skills
from etl.sections import demand_text

BATCH = 2000  # postings per Arrow batch, as the loader's


def inputs(n: int, seed: int = 2) -> list[dict]:
    gen = Generator(seed=seed)
    out = []
    for d in gen.postings(n):
        out.append({"id": str(d.n), "title": d.title, "company": d.company, "location": location_text(d),
                    "salary_text": salary_sentence(d) or None, "description": _markdown(d.description),
                    "description_format": "markdown"})
    return out


def stage_costs(items: list[dict]) -> dict[str, float]:
    """Microseconds per posting of each stage of ``extract``, in its order."""
    spent: dict[str, float] = {}

    def timed(name: str, fn: Callable[..., Any], *args: Any) -> Any:
        t0 = time.process_time()
        out = fn(*args)
        spent[name] = spent.get(name, 0.0) + time.process_time() - t0
        return out

    for item in items:
        get = item.get
        title = timed("clean fields", clean_inline, _text(get("title")))
        timed("clean fields", clean_inline, _text(get("company")))
        loc_raw = timed("clean fields", clean_inline, _text(get("location")))
        text = timed("clean description", to_text, _text(get("description")), get("description_format"))
        loc = timed("location", parse_location, loc_raw)
        # skills, years and degree read the text without boilerplate, as extract does
        demand = timed("boilerplate sections", demand_text, text)
        timed("skills", extract_skills, demand, title or "")
        salary = timed("salary", _salary, item, title, text, loc.country)
        years = timed("experience", parse_experience, demand) if demand else None
        timed("seniority", classify_seniority, title or "", text, years[0] if years else None, None)
        timed("remote", classify_remote, loc_raw, title or "", text, None)
        timed("salary enrich", enrich, salary, _year(get("posted_date")))
        if demand:
            timed("degree", parse_degree, demand)
        timed("role family", classify_role_family, title or "", text)
        timed("language", posting_language, title, text)
    return {name: s / len(items) * 1e6 for name, s in spent.items()}


def run(postings: int, repeat: int) -> None:
    items = inputs(postings)
    size = statistics.mean(len(i["description"]) for i in items)
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
    costs = stage_costs(inputs(min(5000, postings), seed=3))
    total = sum(costs.values())
    print(f"extraction stages (us/posting, {min(5000, postings):,} fresh postings, sum {total:,.0f} us):")
    for name, us in sorted(costs.items(), key=lambda kv: -kv[1]):
        print(f"  {name:<18}{us:8.1f}  {us / total:6.1%}")
