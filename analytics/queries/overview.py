"""Overview page queries: headline figures with their change, and postings per month.

Why: the first thing a user asks is "how big is the market I filtered, and is it
growing"; these answers come from one scan each, against the period the user chose and
the period of the same length just before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics.filters import Filters, rollup_ok, rollup_where
from analytics.queries import detail, first, run, salary, undated_left_out, use_rollup, where
from analytics.result import QueryResult

PERIODS = ("current", "current_dated", "previous")


def _renamed(sql: str, params: dict[str, Any], prefix: str) -> tuple[str, dict[str, Any]]:
    """``sql`` and ``params`` with every parameter renamed $<prefix>_<name>, so the rows of several
    periods (the same parameter names, other dates) go into one statement."""
    out = re.sub(r"\$(\w+)", lambda m: f"${prefix}_{m.group(1)}" if m.group(1) in params else m.group(0), sql)
    return out, {f"{prefix}_{k}": v for k, v in params.items()}


def _kpis_rolled(f: Filters, d0: date, d1: date, db: str | Path | None) -> QueryResult:
    """kpis from the fine-cell rollups (whole months there, edge days from postings): every figure but the
    companies, which are distinct values and are counted in postings (one scan for the three periods)."""
    days = (d1 - d0).days + 1
    filters = {"current": f, "current_dated": replace(f, date_from=d0, date_to=d1, undated=False),
               "previous": replace(f, date_from=d0 - timedelta(days=days), date_to=d0 - timedelta(days=1),
                                   undated=False)}
    params: dict[str, Any] = {}
    counts: list[str] = []
    bins: list[str] = []
    for i, (period, pf) in enumerate(filters.items()):
        for table, out in ((detail.COUNTS, counts), (detail.SALARIES, bins)):
            rows, rparams = _renamed(*detail.rows(pf, table), f"k{i}")
            params.update(rparams)
            out.append(f"SELECT '{period}' AS period, * FROM ({rows})")
    cond, cparams = where(f, dates=False, db=db)
    full, fparams = where(f, db=db)
    full, fparams = _renamed(full, fparams, "full")
    params.update({**cparams, **fparams, "d0": d0, "d1": d1, "p0": d0 - timedelta(days=days),
                   "p1": d0 - timedelta(days=1)})
    stated = "remote IS NOT NULL"
    sql = f"""WITH c AS (
    {" UNION ALL ".join(counts)}
), s AS (
    {" UNION ALL ".join(bins)}
), m AS (
    SELECT period, sum(postings)::BIGINT AS postings, sum(salaried)::BIGINT AS salary_n,
           coalesce(sum(postings) FILTER (WHERE remote = 'remote'), 0) / sum(postings) FILTER (WHERE {stated})
               AS share_remote,
           coalesce(sum(postings) FILTER (WHERE {stated}), 0)::BIGINT AS remote_n,
           coalesce(sum(postings) FILTER (WHERE experience_min IS NOT NULL), 0)::BIGINT AS years_n,
           coalesce(sum(postings) FILTER (WHERE posted_month IS NULL), 0)::BIGINT AS undated
    FROM c GROUP BY 1
), y AS (
{salary.exact_by("SELECT period, experience_min AS v, sum(postings)::BIGINT AS c FROM c "
                 "WHERE experience_min IS NOT NULL GROUP BY ALL", ("period",), "v", {"median_years": 0.5})}
), q AS (
{salary.binned_by(f"SELECT period, salary_bin, {salary.BIN_COUNTS.format(p='s')} FROM s GROUP BY ALL",
                  ("period",), {"median_salary_usd": 0.5})}
), k AS (
    SELECT unnest({list(PERIODS)}) AS period,
           unnest([count(DISTINCT p.company) FILTER (WHERE {full}),
                   count(DISTINCT p.company) FILTER (WHERE p.posted_date BETWEEN $d0 AND $d1),
                   count(DISTINCT p.company) FILTER (WHERE p.posted_date BETWEEN $p0 AND $p1)]) AS companies
    FROM postings p WHERE {cond}
), periods AS (
    SELECT unnest({list(PERIODS)}) AS period, unnest([$d0::DATE, $d0::DATE, $p0::DATE]) AS period_start,
           unnest([$d1::DATE, $d1::DATE, $p1::DATE]) AS period_end
)
SELECT pr.period, pr.period_start, pr.period_end, coalesce(m.postings, 0) AS postings,
       coalesce(k.companies, 0) AS companies, q.median_salary_usd, coalesce(m.salary_n, 0) AS salary_n,
       m.share_remote, coalesce(m.remote_n, 0) AS remote_n, y.median_years, coalesce(m.years_n, 0) AS years_n,
       coalesce(m.undated, 0) AS undated
FROM periods pr
LEFT JOIN m USING (period) LEFT JOIN y USING (period) LEFT JOIN q USING (period) LEFT JOIN k USING (period)
ORDER BY pr.period"""

    def n(df: pd.DataFrame) -> int:  # postings in the current selection
        return first(df[df["period"] == "current"], "postings")

    return run("overview.kpis", sql, params, n=n, db=db, caveats=salary.BINNED,
               notes=(detail.NOTE[detail.COUNTS], detail.NOTE[detail.SALARIES]))


def kpis(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """One row per period: postings, companies, median salary, remote share, years, each with its n.

    ``current`` is what the filters select - undated postings included unless the filters leave
    them out - so the headline agrees with every other page. The change is measured between
    postings with a date only: ``current_dated`` (the chosen range, else the whole dated span)
    against ``previous``, the range of the same length just before it.
    """
    cond, params = where(f, dates=False, db=db)
    if rollup and detail.usable(f, detail.COUNTS, db) and detail.usable(f, detail.SALARIES, db):
        d0, d1 = f.date_from, f.date_to
        if d0 is None or d1 is None:  # the whole dated span of the filtered postings
            df, _ = _db.query(f"SELECT min(p.posted_date) AS d0, max(p.posted_date) AS d1 FROM postings p "
                              f"WHERE {cond}", params, db)
            lo, hi = df["d0"].iloc[0], df["d1"].iloc[0]
            d0 = d0 or (None if pd.isna(lo) else pd.Timestamp(lo).date())
            d1 = d1 or (None if pd.isna(hi) else pd.Timestamp(hi).date())
        if d0 is not None and d1 is not None:
            return _kpis_rolled(f, d0, d1, db)
    full, full_params = where(f, db=db)
    params = {**params, **full_params, "period_from": f.date_from, "period_to": f.date_to}
    measures = """count(p.posting_id) AS postings,
       count(DISTINCT p.company) AS companies,
       median(p.salary_usd_mid) FILTER (WHERE p.salary_plausible) AS median_salary_usd,
       count(p.salary_usd_mid) FILTER (WHERE p.salary_plausible) AS salary_n,
       avg(CASE WHEN p.remote = 'remote' THEN 1.0 WHEN p.remote IS NOT NULL THEN 0.0 END) AS share_remote,
       count(p.remote) AS remote_n,
       median(p.experience_min) AS median_years,
       count(p.experience_min) AS years_n,
       count(p.posting_id) FILTER (WHERE p.posted_date IS NULL) AS undated"""
    sql = f"""WITH bounds AS (
    SELECT coalesce($period_from::DATE, min(p.posted_date)) AS d0,
           coalesce($period_to::DATE, max(p.posted_date)) AS d1
    FROM postings p
    WHERE {cond}
), periods AS (
    SELECT 'current_dated' AS period, d0 AS period_start, d1 AS period_end FROM bounds
    UNION ALL
    SELECT 'previous', (d0 - (d1 - d0 + 1)::INTEGER)::DATE, (d0 - 1)::DATE FROM bounds
), dated AS (
    SELECT pr.period, pr.period_start, pr.period_end,
       {measures}
    FROM periods pr
    LEFT JOIN postings p ON p.posted_date BETWEEN pr.period_start AND pr.period_end AND {cond}
    GROUP BY ALL
)
SELECT 'current' AS period, (SELECT d0 FROM bounds) AS period_start, (SELECT d1 FROM bounds) AS period_end,
       {measures}
FROM postings p
WHERE {full}
UNION ALL
SELECT * FROM dated
ORDER BY period"""

    def n(df):  # postings in the current selection
        return first(df[df["period"] == "current"], "postings")

    return run("overview.kpis", sql, params, n=n, db=db)


def postings_per_month(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per month (month, postings)."""
    if rollup and use_rollup(rollup_ok(f), "rollup_postings_month", db):
        cond, params = rollup_where(f)
        sql = f"""SELECT r.posted_month AS month, sum(r.postings)::BIGINT AS postings
FROM rollup_postings_month r
WHERE {cond} AND r.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
        notes: tuple[str, ...] = ("answered from rollup_postings_month",)
    elif rollup and detail.usable(f, detail.COUNTS, db):  # a region, a language, dates cut inside months
        rows, params = detail.rows(f, detail.COUNTS)
        sql = f"""SELECT p.posted_month AS month, sum(p.postings)::BIGINT AS postings
FROM ({rows}) p
WHERE p.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
        return run("overview.postings_per_month", sql, params, n=lambda df: int(df["postings"].sum()),
                   db=db, notes=(detail.NOTE[detail.COUNTS],), caveats=detail.undated(f, db))
    else:
        cond, params = where(f, db=db)
        sql = f"""SELECT p.posted_month AS month, count(*) AS postings
FROM postings p
WHERE {cond} AND p.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
        notes = ()
    undated = (detail.undated(f, db) if rollup and detail.usable(f, detail.COUNTS, db)
               else undated_left_out(*where(f, db=db), db))
    return run("overview.postings_per_month", sql, params, n=lambda df: int(df["postings"].sum()),
               db=db, notes=notes, caveats=undated)
