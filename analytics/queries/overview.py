"""Overview page queries: headline figures with their change, and postings per month.

Why: the first thing a user asks is "how big is the market I filtered, and is it
growing"; these answers come from one scan each, against the period the user chose and
the period of the same length just before it.
"""

from __future__ import annotations

from pathlib import Path

from analytics.filters import Filters, rollup_ok, rollup_where
from analytics.queries import detail, first, run, use_rollup, where
from analytics.result import QueryResult


def kpis(f: Filters, db: str | Path | None = None) -> QueryResult:
    """One row per period: postings, companies, median salary, remote share, years, each with its n.

    ``current`` is what the filters select - undated postings included unless the filters leave
    them out - so the headline agrees with every other page. The change is measured between
    postings with a date only: ``current_dated`` (the chosen range, else the whole dated span)
    against ``previous``, the range of the same length just before it.
    """
    cond, params = where(f, dates=False, db=db)
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
    elif rollup and (found := detail.counts(f, db)) is not None:  # a region, a language, a skill
        rows, params, rolled_notes = found
        sql = f"""SELECT p.posted_month AS month, sum(p.postings)::BIGINT AS postings
FROM ({rows}) p
WHERE p.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
        return run("overview.postings_per_month", sql, params, n=lambda df: int(df["postings"].sum()),
                   db=db, notes=rolled_notes, caveats=detail.undated_caveat(f, db))
    else:
        cond, params = where(f, db=db)
        sql = f"""SELECT p.posted_month AS month, count(*) AS postings
FROM postings p
WHERE {cond} AND p.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
        notes = ()
    return run("overview.postings_per_month", sql, params, n=lambda df: int(df["postings"].sum()),
               db=db, notes=notes, caveats=detail.undated_caveat(f, db, rollup))
