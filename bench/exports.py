"""Export sizes and times for the Skills page on a generated demo warehouse.

Prints, for the Skills page's charts with the default filters: the browser start (first
image), then per format the total size over the page's charts and the median time per
chart, then the page as a deck, a PDF and a zip (median of ``repeat`` runs each).

    python -m bench exports --postings 20000 --repeat 5
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PROJECT = Path(__file__).resolve().parents[1]


def _median(fn: Callable[[], bytes], repeat: int) -> tuple[float, int]:
    times, size = [], 0
    for _ in range(max(1, repeat)):
        t0 = time.perf_counter()
        size = len(fn())
        times.append(time.perf_counter() - t0)
    return statistics.median(times), size


def run(postings: int, repeat: int) -> None:
    from analytics import db as _db
    from analytics.export import build_meta, bundle, deck, images, pdf, render, tables, warehouse_facts
    from analytics.export.meta import ChartExport, Section, cover_for
    from analytics.figures import page_charts
    from analytics.filters import Filters

    with tempfile.TemporaryDirectory(prefix="bench-exports-") as tmp:
        db = Path(tmp) / "warehouse.duckdb"
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "etl", "demo", "--db", str(db), "--postings", str(postings)],
                       cwd=PROJECT, check=True, capture_output=True)
        print(f"demo warehouse: {postings:,} postings in {time.perf_counter() - t0:.1f} s")
        f = Filters()
        t0 = time.perf_counter()
        computed = page_charts("skills", f, db)
        facts = warehouse_facts(f, db)
        print(f"Skills page queries: {len(computed)} charts in {time.perf_counter() - t0:.2f} s")
        charts = [
            ChartExport(build_meta(c.title, c.result, f, facts), c.figure, c.result.df) for c in computed
        ]
        drawn = [c for c in charts if c.figure is not None]
        cover = cover_for("Skills", f, facts)

        if images.browser_available():
            render.close()
            t0 = time.perf_counter()
            images.to_png(drawn[0].figure, drawn[0].meta)
            print(f"first image (starts the browser): {time.perf_counter() - t0:.2f} s")
        else:
            print(f"no browser: {images.unavailable_message()}")

        formats: list[tuple[str, Callable[[ChartExport], bytes], bool]] = [
            ("PNG (2x)", lambda c: images.to_png(c.figure, c.meta), True),
            ("SVG", lambda c: images.to_svg(c.figure, c.meta), True),
            ("HTML (plotly.js inline)", lambda c: images.to_html(c.figure, c.meta), False),
            ("CSV", lambda c: tables.to_csv(c.data), False),
            ("Excel", lambda c: tables.to_excel(c.data, c.meta), False),
            ("Parquet", lambda c: tables.to_parquet(c.data, c.meta), False),
        ]
        print(f"{'export':<26}{'charts':>7}{'total size':>14}{'median/chart':>15}")
        for name, make, needs_browser in formats:
            if needs_browser and not images.browser_available():
                print(f"{name:<26}{'skipped (no browser)':>36}")
                continue
            items = drawn if name in {"PNG (2x)", "SVG", "HTML (plotly.js inline)"} else charts
            results = [_median(lambda c=c, make=make: make(c), repeat) for c in items]  # type: ignore[misc]
            total = sum(size for _, size in results)
            per = statistics.median(t for t, _ in results)
            print(f"{name:<26}{len(items):>7}{total / 1e3:>11,.0f} kB{per * 1000:>12,.0f} ms")

        section = [Section("Skills", tuple(drawn))]
        page: list[tuple[str, Callable[[], bytes], bool]] = [
            ("Deck (.pptx)", lambda: deck.build(cover, section), True),
            ("PDF", lambda: pdf.build(cover, section), True),
            ("Zip (all formats)", lambda: bundle.build(cover, [Section("Skills", tuple(charts))]), False),
        ]
        for name, make_page, needs_browser in page:
            if needs_browser and not images.browser_available():
                print(f"{name:<26}{'skipped (no browser)':>36}")
                continue
            seconds, size = _median(make_page, repeat)
            print(f"{name:<26}{'page':>7}{size / 1e3:>11,.0f} kB{seconds:>13.2f} s")
        _db.close_all()
        render.close()
