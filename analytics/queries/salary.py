"""Salary page queries: bands, distributions by group, and the median over time.

Why: pay is the figure users trust least, so every figure carries its sample size and
``enough`` (n >= MIN_N); a page says "not enough data" instead of drawing a figure
that fewer than MIN_N postings stand behind. Only plausible annual USD figures count.
"""

from __future__ import annotations

from pathlib import Path

from analytics.filters import Filters, where
from analytics.queries import MIN_N, first, run, undated_left_out
from analytics.result import QueryResult

GROUPS = {"seniority": "p.seniority", "country": "p.country", "region": "p.region"}

_QUANTILES = """count(*) AS n,
       quantile_cont(p.salary_usd_mid, 0.10) AS p10,
       quantile_cont(p.salary_usd_mid, 0.25) AS p25,
       median(p.salary_usd_mid) AS median,
       quantile_cont(p.salary_usd_mid, 0.75) AS p75,
       quantile_cont(p.salary_usd_mid, 0.90) AS p90,
       count(*) >= $min_n AS enough"""
_SALARIED = "p.salary_plausible AND p.salary_usd_mid IS NOT NULL"


def by_band(f: Filters, db: str | Path | None = None) -> QueryResult:
    """Postings per salary band, bands in salary order: band, postings, band_floor."""
    cond, params = where(f)
    sql = f"""SELECT p.salary_band AS band, count(*) AS postings, min(p.salary_usd_mid) AS band_floor
FROM postings p
WHERE {cond} AND {_SALARIED} AND p.salary_band IS NOT NULL
GROUP BY 1
ORDER BY band_floor"""
    return run("salary.by_band", sql, params, db=db, n=lambda df: int(df["postings"].sum()))


def distribution(f: Filters, by: str = "seniority", limit: int = 12, db: str | Path | None = None
                 ) -> QueryResult:
    """Salary quantiles (USD per year) per group (seniority, country or region), largest groups first."""
    column = GROUPS[by]  # only known columns reach the SQL text
    cond, params = where(f)
    params = {**params, "min_n": MIN_N, "limit": limit}
    sql = f"""SELECT {column} AS "group", {_QUANTILES}
FROM postings p
WHERE {cond} AND {_SALARIED} AND {column} IS NOT NULL
GROUP BY 1
ORDER BY n DESC, "group"
LIMIT $limit"""
    return run(f"salary.distribution[{by}]", sql, params, db=db, n=lambda df: int(df["n"].sum()))


def by_skill(f: Filters, limit: int = 12, db: str | Path | None = None) -> QueryResult:
    """Salary quantiles (USD per year) for the skills with most salaried postings."""
    cond, params = where(f)
    params = {**params, "min_n": MIN_N, "limit": limit, "excluded": "responsibility"}
    sql = f"""SELECT s.skill AS "group", {_QUANTILES},
       (SELECT count(*) FROM postings p WHERE {cond} AND {_SALARIED}) AS total
FROM postings p JOIN posting_skills s USING (posting_id)
WHERE {cond} AND {_SALARIED} AND s.category <> $excluded
GROUP BY 1
ORDER BY n DESC, "group"
LIMIT $limit"""
    return run("salary.by_skill", sql, params, db=db, n=lambda df: first(df, "total"))


def over_time(f: Filters, db: str | Path | None = None) -> QueryResult:
    """Median salary per month with quartiles and n: month, n, p25, median, p75, enough."""
    cond, params = where(f)
    params = {**params, "min_n": MIN_N}
    sql = f"""SELECT p.posted_month AS month, {_QUANTILES}
FROM postings p
WHERE {cond} AND {_SALARIED} AND p.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
    return run("salary.over_time", sql, params, db=db, n=lambda df: int(df["n"].sum()),
               caveats=undated_left_out(*where(f), db, _SALARIED))
