"""Query functions: one small typed function per chart, each returning a QueryResult.

Why a package apart from the pages: the SQL lives here, testable against a real
DuckDB file without streamlit; the pages only draw what these functions return.
This module holds the one helper they share to run SQL and wrap the answer.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics import filters as _filters
from analytics.filters import Filters
from analytics.result import QueryResult

MIN_N = 30  # the one sample-size rule: a figure from fewer postings is drawn greyed with its n
# The one definition of "a posting with a salary" every page counts (the Salary page's charts, the Data
# page's field coverage): a plausible annual USD figure (etl/normalize/money.py); implausible ones are kept
# in the warehouse, never counted.
PLAUSIBLE_SALARY = "p.salary_plausible AND p.salary_usd_mid IS NOT NULL"


def where(f: Filters, alias: str = "p", *, dates: bool = True, db: str | Path | None = None
          ) -> tuple[str, dict[str, Any]]:
    """analytics.filters.where with the warehouse's skill bitmap, so a skill filter is a bit test on
    postings instead of a semi-join on posting_skills (same postings; see etl/warehouse/order.sql)."""
    return _filters.where(f, alias, dates=dates, bits=_db.skill_bits(db) if f.skills else None)


def run(name: str, sql: str, params: dict[str, Any], *, n: int | Callable[[pd.DataFrame], int],
        db: str | Path | None = None, notes: tuple[str, ...] = (),
        post: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
        caveats: tuple[str, ...] = (), unit: str = "postings", filtered: bool = True) -> QueryResult:
    """Execute ``sql`` with ``params`` and wrap the frame, the text and the sample size (``unit``: what
    it counts; ``filtered``: whether the sidebar's filters apply)."""
    df, ms = _db.query(sql, params, db)
    size = n(df) if callable(n) else n
    if post is not None:
        df = post(df)
    return QueryResult(df=df.reset_index(drop=True), sql=sql, params=params, n=int(size or 0),
                       name=name, elapsed_ms=ms, notes=notes, caveats=caveats, unit=unit, filtered=filtered)


def postings_per(name: str, expr: str, label: str, f: Filters, db: str | Path | None = None, *,
                 rollup: bool = True) -> QueryResult:
    """Filtered postings per value of the SQL expression ``expr`` (on postings p, or on the same columns of
    rollup_postings_detail when it answers): ``label``, postings, share (largest first)."""
    from analytics.queries import detail  # here: detail imports this module

    src = detail.weighted(f, db, rollup)
    count = f"sum({src.weight})"
    sql = f"""SELECT {expr} AS {label}, {count}::BIGINT AS postings, {count} / sum({count}) OVER () AS share
FROM {src.source}
GROUP BY 1
ORDER BY postings DESC, {label}"""
    return run(name, sql, src.params, db=db, n=lambda df: int(df["postings"].sum()), notes=src.notes)


def every_month(sql: str, params: dict[str, Any], f: Filters, fills: dict[str, str | None]
                ) -> tuple[str, dict[str, Any]]:
    """``sql``'s rows (a ``month`` column and ``fills``' columns, one row a month) with a row for every month
    from the date range's first month (else the first holding a row) to its last (else the last holding one);
    a month without a row takes ``fills``' SQL values (None: NULL - a share or a median of no posting is
    undefined). Why: under a range a chart over time began and ended at the months holding postings, so a
    reader took the range's empty start or end for missing data (QA rounds fifteen and sixteen). No row at
    all: no row (the empty chart says why). Every chart over time pads alike, so rollups equal base tables."""
    lo = f.date_from.replace(day=1) if f.date_from is not None else None
    hi = f.date_to.replace(day=1) if f.date_to is not None else None
    cols = ", ".join(f"m.{c}" if v is None else f"coalesce(m.{c}, {v}) AS {c}" for c, v in fills.items())
    return f"""WITH m AS ({sql}),
span AS (SELECT least(coalesce($span_lo, min(month)), min(month)) AS lo,
                greatest(coalesce($span_hi, max(month)), max(month)) AS hi
         FROM m HAVING count(*) > 0),
g AS (SELECT unnest(generate_series(lo, hi, INTERVAL 1 MONTH))::DATE AS month FROM span)
SELECT g.month, {cols}
FROM g LEFT JOIN m USING (month)
ORDER BY 1""", {**params, "span_lo": lo, "span_hi": hi}


def undated_left_out(cond: str, params: dict[str, Any], db: str | Path | None = None,
                     extra: str = "TRUE") -> tuple[str, ...]:
    """The caveat of a chart over time: how many postings under ``cond`` (alias p) it leaves out for
    lack of a date (none: no caveat). ``extra`` narrows the postings as the chart does (e.g. salaried)."""
    df, _ = _db.query(f"SELECT count(*) AS n FROM postings p WHERE {cond} AND {extra} AND "
                      "p.posted_date IS NULL",
                      params, db)
    return undated_note(first(df, "n"))


def undated_note(k: int) -> tuple[str, ...]:
    """The caveat naming ``k`` postings a chart over time leaves out for lack of a date; none for 0, the
    singular for one ("1 postings ... are" read under a chart)."""
    if not k:
        return ()
    if k == 1:
        return ("1 posting without a date is not shown",)
    return (f"{k:,} postings without a date are not shown",)


_UNDATED = re.compile(r"^([\d,]+) postings? without a date (?:are|is) not shown$")


def dated_in(f: Filters) -> str:
    """Where the sidebar's date range lies, for a chart that finds no dated posting in it ("" without a
    range): "2025-12-01 to 2026-01-31", "from 2030-01-01 on", "up to 2010-12-31". Pure."""
    if f.date_from is not None and f.date_to is not None:
        return f"in {f.date_from:%Y-%m-%d} to {f.date_to:%Y-%m-%d}"
    if f.date_from is not None:
        return f"from {f.date_from:%Y-%m-%d} on"
    return f"up to {f.date_to:%Y-%m-%d}" if f.date_to is not None else ""


def none_dated(dated: str = "") -> str:
    """"none of them carries a date", and where the sidebar chose a range (``dated``: dated_in's words) that
    the range holds no dated posting: the postings selected are the undated ones the sidebar keeps. hqa35:
    under 2025-12-01 to 2026-01-31 on the real exports "none of them carries a date" read as if the data had
    no dates."""
    if not dated:
        return "none of them carries a date"
    return (f"none of them carries a date (no dated posting falls {dated}: these are the postings without a "
            "date, which the sidebar keeps)")


def undated_empty(reason: str, shown: int | None, needs: str | None = None, dated: str = "") -> str | None:
    """Why an empty chart over time is empty when its first caveat ``reason`` is undated_note's: every
    posting it counts lacks a date. Of all ``shown`` (the postings the filters select): "none of them
    carries a date"; of fewer, those with what it counts (``needs``): Glassdoor alone, 7 postings of which 6
    have a salary, read "6 postings without a date are not shown" and left the seventh unexplained (QA
    round twenty-five). None when ``reason`` is another caveat. Pure (tested)."""
    m = _UNDATED.match(reason)
    if m is None:
        return None
    k = int(m.group(1).replace(",", ""))
    if shown is None or k >= shown:
        return f"{none_dated(dated)}, so none has a month to be drawn in"
    which = f"with {needs}" if needs else "it counts"
    return (f"the one {which} carries no date" if k == 1 else f"the {k:,} {which} carry no date") + \
        ", so none has a month to be drawn in"


def empty_n_text(shown: int, reasons: Sequence[str] = (), needs: str | None = None) -> str:
    """The n of a chart that draws nothing though the filters select ``shown`` postings: how many they
    select and, where it is known, why none is drawn (``reasons``: the caveats that explain the empty
    chart, undated_note's first; ``needs``: what each posting it counts has). "n = 0 postings" above
    "Nothing to draw from the 269 postings these filters select" contradicted it (QA round twenty-six:
    "Postings per month" under a source that dates nothing). Pure (tested)."""
    one = shown == 1
    text = f"n = 0 drawn of {'the one posting' if one else f'the {shown:,} postings'} these filters select"
    m = _UNDATED.match(reasons[0]) if reasons else None
    if m is not None:
        k = int(m.group(1).replace(",", ""))
        if k >= shown:
            return text + (": it is undated" if one else ": none is dated")
        which = f"with {needs}" if needs else "it counts"
        return text + (f": the one {which} is undated" if k == 1 else f": none of the {k:,} {which} is dated")
    if reasons or not needs:  # another reason (a period without postings): the message under it gives it
        return text
    lacks = "it does not have" if needs.startswith("both ") else "it lacks"  # (not "lacks both": round 31)
    return text + (f": {lacks} {needs}" if one else f": none has {needs}")


def empty_reasons(result: QueryResult) -> list[str]:
    """The caveats that explain an empty chart (undated postings left out, a period without postings); the
    salary-bin method notes (salary.BINNED, figures.regions.HOVER_BINNED: both name "salary bins") do not."""
    return [c for c in result.caveats if "salary bins" not in c]


def empty_n(result: QueryResult, shown: int | None, needs: str | None = None) -> str:
    """The n of a chart that draws nothing (no row, or an answer of n = 0) though the filters select
    ``shown`` postings: empty_n_text, for the app's caption and the deck's and PDF's alike; "" for any other
    chart. Why: "What roles expect beyond code" under French postings read "n = 149 postings" above "Nothing
    to draw from the 149 postings ...": its answer's n counts the levels' postings, not what it draws, and
    "n = 0 drawn of" applied only to an answer of n = 0 (QA round thirty-one; hqa31 ruling 2)."""
    if not (result.filtered and shown and (result.n == 0 or result.df.empty)):
        return ""
    return empty_n_text(shown, empty_reasons(result), needs)


def empty_sentence(result: QueryResult, shown: int | None, needs: str | None = None, why: str = "", *,
                   advice: bool = True, dated: str = "") -> str:
    """Why an empty chart is empty: the one sentence of the app's message (ui.chart.empty_message) and the
    deck's and PDF's slide (analytics.report.empty_text; hqa30 ruling 3: the slide read "Nothing to draw:
    <reason>." where the page said "Nothing to draw from the N postings these filters select: <reason>.").
    "No postings match" only when the filters select none (``shown``, None when unknown), with ``why``
    (data.emptied_text: the filters that alone empty the view) when known; when they select some, the
    chart's data is what they lack (a salary, a US state, a date: ``needs``, the chart's ChartDef.needs_for),
    and the caveats that left postings out (undated ones) are named. ``advice``: the app's word on its
    controls ("Widen them in the sidebar ..."), which a slide leaves out; ``dated``: the sidebar's date range
    in dated_in's words, named where every posting selected is undated (none_dated). Pure (tested)."""
    if not result.filtered:
        return f"Nothing to show: the warehouse holds no {result.unit} of this kind."
    if shown == 0:
        # the filter to lift, not only "widen them" (QA round twelve)
        said = f"No postings match these filters.{' ' + why if why else ''}"
        return said + (" Widen them in the sidebar, or press Reset filters." if advice else "")
    left_out = empty_reasons(result)
    among = ("" if shown is None else " from the one posting these filters select" if shown == 1
             else f" from the {shown:,} postings these filters select")
    undated = undated_empty(left_out[0], shown, needs, dated) if left_out and shown else None
    if undated:
        # every posting it counts undated (a source publishing no dates): "268 postings without a date are
        # not shown" after "the 268 postings" said the count twice and not why (QA round twenty)
        rest = "".join(f" {c[:1].upper()}{c[1:]}." for c in left_out[1:])
        return f"Nothing to draw{among}: {undated}.{rest}"
    if left_out:  # the query knows why (undated postings not shown, a period without postings)
        # one sentence each: "; " before a capital read as a run-on (QA round seven)
        rest = "".join(f" {c[:1].upper()}{c[1:]}." for c in left_out[1:])
        return f"Nothing to draw{among}: {left_out[0]}.{rest}"
    what = needs or "what this chart counts (a salary, a place, a date ...)"  # ChartDef.needs_for
    # "it lacks both a salary and ..." said it had neither (QA round thirty-one: it had the salary)
    one = "it does not have" if what.startswith("both ") else "it lacks"
    lacks = one if shown == 1 else "none of them has"
    return f"Nothing to draw{among}: {lacks} {what}." + (" Widen the filters or pick another chart." if advice
                                                          else "")


def first(df: pd.DataFrame, column: str) -> int:
    """The value of ``column`` in the first row (0 for an empty frame or NULL)."""
    if df.empty or pd.isna(df[column].iloc[0]):
        return 0
    return int(df[column].iloc[0])


def drop_null(column: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """Post-processing that drops the placeholder row of a LEFT JOIN ... ON TRUE total."""
    def _post(df: pd.DataFrame) -> pd.DataFrame:
        return df[df[column].notna()]
    return _post


def in_params(prefix: str, values: tuple[str, ...], params: dict[str, Any]) -> str:
    """'$prefix_0, $prefix_1, ...' with the values added to params."""
    names = []
    for i, value in enumerate(values):
        params[f"{prefix}_{i}"] = value
        names.append(f"${prefix}_{i}")
    return ", ".join(names) if names else "NULL"


def use_rollup(ok: bool, table: str, db: str | Path | None = None) -> bool:
    """True when the filters allow a rollup and the warehouse has that rollup table."""
    return ok and _db.has_table(table, db)
