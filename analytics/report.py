"""``python -m analytics report``: the dashboard's pages as a deck, a PDF or a zip, for cron.

    python -m analytics report --out skills.pptx --pages skills --filter country=US,GB
    python -m analytics report --db data/warehouse.duckdb --out weekly.pdf
    python -m analytics report --out everything.zip --filter date_from=2025-01-01
    python -m analytics report --out for-a-script.zip --raw-csv

Why: HR leaders want the same charts every Monday without opening the app. The report
runs the very chart definitions the pages use (analytics.figures) with the same filters
(the keys of the dashboard's URL: date_from, date_to, seniority, role_family, country,
region, remote, skills, skills_mode, source) and writes them through analytics.export.
The file is written to a temporary name and renamed, so a reader never sees half of it.
The zip's CSV files are for people: a cell a spreadsheet would read as a formula starts
with ``'`` (analytics.export.tables); ``--raw-csv`` keeps the values as they are.
Exit codes: 0 written, 1 could not be made (no warehouse, no browser for images) or written
without some chart images that failed (the line names them), 2 bad arguments - always with
one line on stderr.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from dataclasses import fields
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from analytics.filters import ALL, ALL_LEVELS, REMOTE_MODES, SKILL_MODES, Filters, from_query_params
from analytics.pages import CHART_PAGES

if TYPE_CHECKING:
    from analytics.export.meta import Cover, Section
    from analytics.figures import ChartDef
    from analytics.result import QueryResult

# Page slug -> title of the pages a report can hold, in the app's order (analytics.pages).
PAGES: dict[str, str] = {p.slug: p.title for p in CHART_PAGES}

FORMATS = {".pptx": "PowerPoint deck", ".pdf": "PDF", ".zip": "zip of chart images and tables"}
DASHBOARD_TITLE = "Senior software developer job market"
KNOWN_VALUES = {"seniority": ALL_LEVELS, "remote": REMOTE_MODES}


class UsageError(Exception):
    """A bad argument: exit 2 with this one line."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:  # one line, not argparse's usage block
        raise UsageError(message)


def parse_filters(items: list[str]) -> Filters:
    """Filters from KEY=VALUE items (repeated list keys add up); UsageError for anything malformed."""
    names = {fl.name for fl in fields(Filters)}
    raw: dict[str, str] = {}
    for item in items:
        key, sep, value = item.partition("=")
        key, value = key.strip(), value.strip()
        if not sep or not key:
            raise UsageError(f"--filter {item!r}: expected KEY=VALUE, e.g. country=US,GB")
        if key not in names:
            raise UsageError(f"--filter {item!r}: unknown key {key!r}; known: {', '.join(sorted(names))}")
        if key in ("date_from", "date_to"):
            try:
                date.fromisoformat(value)
            except ValueError:
                raise UsageError(f"--filter {item!r}: {key} must be a date like 2025-01-31") from None
        elif key == "skills_mode" and value not in SKILL_MODES:
            raise UsageError(f"--filter {item!r}: skills_mode must be one of {', '.join(SKILL_MODES)}")
        elif key in KNOWN_VALUES and value != ALL:
            bad = [v for v in value.split(",") if v.strip() and v.strip() not in KNOWN_VALUES[key]]
            if bad:
                raise UsageError(f"--filter {item!r}: unknown {key} {bad[0]!r}; known: "
                                 f"{', '.join(KNOWN_VALUES[key])}")
        if key in raw and key not in ("date_from", "date_to", "skills_mode") and ALL not in (raw[key], value):
            value = f"{raw[key]},{value}"
        raw[key] = value
    return from_query_params(raw)


def _parser() -> _Parser:
    p = _Parser(prog="python -m analytics report", description=__doc__.split("\n\n")[0] if __doc__ else None)
    p.add_argument("--db", help="warehouse path (default: $WAREHOUSE_DB, else data/warehouse.duckdb)")
    p.add_argument("--out", required=True, help="output file: .pptx, .pdf or .zip")
    p.add_argument("--filter", action="append", default=[], metavar="KEY=VALUE",
                   help="a dashboard filter, as in the app's URL (repeatable): country=US,GB, "
                        "date_from=2025-01-01, seniority=all, skills=Python,Go, skills_mode=all ...")
    p.add_argument("--pages", default=",".join(PAGES),
                   help=f"comma-separated pages, shown in the app's order (default: all): {', '.join(PAGES)}")
    p.add_argument("--raw-csv", action="store_true",
                   help="zip only: CSV cells exactly as stored, for machines (by default a cell a "
                        "spreadsheet would read as a formula gets a leading ')")
    return p


def _pages(text: str) -> list[str]:
    pages = [p.strip().lower() for p in text.split(",") if p.strip()]
    unknown = [p for p in pages if p not in PAGES]
    if unknown or not pages:
        raise UsageError(
            f"--pages: unknown page {unknown[0] if unknown else text!r}; known: {', '.join(PAGES)}"
        )
    return [p for p in PAGES if p in pages]  # the app's order, whatever order they were named in


def collect(pages: list[str], f: Filters, db: str | Path | None, params: dict[str, Any] | None = None
            ) -> tuple[Cover, list[Section], list[Section]]:
    """Run the pages' charts: (cover, every item per page, only the charts per page).

    Table-only items (load runs) go to the zip; decks and PDFs show charts and the tables with a slide of
    their own (the headline figures: ChartDef.slide).
    ``params`` are a page's widget values (the app's "This page as PowerPoint"); the report
    leaves them out, so every chart shows the page's defaults.
    """
    from analytics.export import build_meta, warehouse_facts
    from analytics.export.meta import ChartExport, Section, cover_for
    from analytics.figures import (
        Context,
        page_charts,
        small_note,
        theme,
        with_binned_precision,
        with_small_flag,
    )
    from analytics.quality import view_note
    from analytics.queries import dated_in
    from analytics.queries.data import emptied_by, emptied_text, held_out_quality, selection

    facts = warehouse_facts(f, db)
    quality = held_out_quality(db).df  # how often each field is read right, said with every chart
    shown = selection(f, db).n  # the postings the filters select: an empty slide says why (empty_text)
    why = emptied_text(emptied_by(f, db).df) if shown == 0 else ""  # the filters that alone empty it
    ctx = Context(f=f, db=db, params=dict(params or {}))
    title = PAGES[pages[0]] if len(pages) == 1 else DASHBOARD_TITLE
    everything, charts = [], []
    for page in pages:
        computed = page_charts(page, f, db, params)
        # the note the app shows under a chart drawing small samples, and the data's small-sample column
        notes = [small_note(c.defn, c.result.df) if c.figure is not None and theme.has_small_marks(c.figure)
                 else "" for c in computed]
        items = [
            ChartExport(build_meta(c.title, c.result, f, facts, small_note=note,
                                   trust_note=view_note(quality, c.defn.fields_for(ctx), f,
                                                        filtered=c.result.filtered),
                                   n_note=empty_n_note(c.defn, c.result, shown)), c.figure,
                        with_binned_precision(with_small_flag(c.defn, c.result.df), c.result.caveats),
                        empty=empty_text(c.defn, c.result, shown, why, dated=dated_in(f)),
                        table=c.defn.slide(ctx, c.result.df) if c.defn.slide is not None else None)
            for c, note in zip(computed, notes)
        ]
        everything.append(Section(PAGES[page], tuple(items)))
        # a table with a slide of its own (the headline figures) goes to decks and PDFs (ruling 1 on hqa39)
        charts.append(Section(PAGES[page], tuple(i for i, c in zip(items, computed)
                                                 if c.defn.build or c.defn.slide)))
    return cover_for(title, f, facts), everything, charts


def empty_n_note(defn: ChartDef, result: QueryResult, shown: int) -> str:
    """An empty chart's n where the filters select ``shown`` postings, as the app's caption says it
    (analytics.queries.empty_n_text: "n = 0 postings" contradicted the slide's "Nothing to draw from the 269
    postings these filters select"); "" for any other chart (analytics.queries.empty_n, as the app's)."""
    from analytics.queries import empty_n

    return empty_n(result, shown, defn.needs_for())


def empty_text(defn: ChartDef, result: QueryResult, shown: int | None = None, why: str = "", *,
               dated: str = "") -> str:
    """An empty chart's slide or page text: the app's sentence (analytics.queries.empty_sentence, as
    ui.chart.empty_message says it; hqa30 ruling 3) without its word on the app's controls. ``shown``: the
    postings the filters select (None: the answer's n) - the movers' n counts their periods' postings, 0
    where the later period holds none though the filters select 45 (QA round twenty-three); ``why``: the
    filters that alone empty a view no posting meets (data.emptied_text), as the app says it."""
    from analytics.queries import empty_sentence

    return empty_sentence(result, result.n if shown is None else shown, defn.needs_for(), why, advice=False,
                          dated=dated)


def write(out: Path, pages: list[str], f: Filters, db: str | Path | None, *, raw_csv: bool = False,
          problems: list[str] | None = None) -> int:
    """Build the file; returns the number of charts in it. A chart image that failed (the rest of
    the file is still made) is appended to ``problems`` as "Page / Chart: why"."""
    from analytics.export import ExportUnavailable, bundle, deck, images, pdf
    from analytics.export.meta import ChartExport

    cover, everything, charts = collect(pages, f, db)
    problems = [] if problems is None else problems
    suffix = out.suffix.lower()
    if suffix == ".zip":
        data = bundle.build(cover, everything, raw_csv=raw_csv, problems=problems)
        count = sum(len(s.charts) for s in everything)
    else:
        page_of = {id(c): s.title for s in charts for c in s.charts}

        def png(chart: ChartExport) -> bytes:
            try:
                return (images.chart_png if suffix == ".pptx" else images.page_png)(chart)
            except ExportUnavailable as exc:  # the deck shows why on the slide; the exit status says so too
                problems.append(f"{page_of.get(id(chart), '?')} / {chart.meta.title}: {exc}")
                raise

        data = (deck.build if suffix == ".pptx" else pdf.build)(cover, charts, png=png)
        count = sum(len(s.charts) for s in charts)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, out)
    return count


def main(argv: list[str]) -> int:
    try:
        args = _parser().parse_args(argv)
        out = Path(args.out)
        if out.suffix.lower() not in FORMATS:
            raise UsageError(f"--out {args.out!r}: the file must end in .pptx, .pdf or .zip")
        if args.raw_csv and out.suffix.lower() != ".zip":
            raise UsageError("--raw-csv: only a .zip holds CSV files")
        f = parse_filters(args.filter)
        pages = _pages(args.pages)
    except UsageError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    from analytics import db as _db
    from analytics.export import ExportUnavailable

    db = _db.db_path(args.db)
    if _db.version(db) is None:
        print(f"error: no warehouse at {db} (load one with python -m etl load, or python -m etl demo)",
              file=sys.stderr)
        return 1
    start = time.perf_counter()
    problems: list[str] = []
    try:
        count = write(out, pages, f, db, raw_csv=args.raw_csv, problems=problems)
    except ExportUnavailable as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    except Exception as exc:  # one line for cron mail, not a traceback
        lines = str(exc).strip().splitlines()
        print(f"error: {type(exc).__name__}: {lines[0] if lines else ''}", file=sys.stderr)
        return 1
    if problems:
        print(" ".join(f"error: wrote {out},"
                       f" but {len(problems)} chart image{'s' if len(problems) != 1 else ''} could not be "
                       f"drawn: {'; '.join(problems)}".split()), file=sys.stderr)
        return 1
    size = out.stat().st_size
    print(f"wrote {out} ({FORMATS[out.suffix.lower()]}, {count} charts, {size / 1e6:.1f} MB, "
          f"{time.perf_counter() - start:.1f} s)")
    return 0
