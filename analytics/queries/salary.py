"""Salary page queries: bands, distributions by group, and the median over time.

Why: pay is the figure users trust least, so every figure carries its sample size and
``enough`` (n >= MIN_N); a page says "not enough data" instead of drawing a figure
that fewer than MIN_N postings stand behind. Only plausible annual USD figures count.
"""

from __future__ import annotations

from pathlib import Path

from analytics.filters import LIST_COLUMNS, ROLLUP_FIELDS, Filters
from analytics.queries import MIN_N, first, run, undated_left_out, use_rollup, where
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
    cond, params = where(f, db=db)
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
    cond, params = where(f, db=db)
    params = {**params, "min_n": MIN_N, "limit": limit}
    sql = f"""SELECT {column} AS "group", {_QUANTILES}
FROM postings p
WHERE {cond} AND {_SALARIED} AND {column} IS NOT NULL
GROUP BY 1
ORDER BY n DESC, "group"
LIMIT $limit"""
    return run(f"salary.distribution[{by}]", sql, params, db=db, n=lambda df: int(df["n"].sum()))


SALARY_BIN_USD = 1000  # the width of rollup_salary_bins' bins (etl/warehouse/rollups.sql)
BINNED = (f"medians and percentiles from ${SALARY_BIN_USD:,} salary bins: each within ${SALARY_BIN_USD:,} "
          "of the exact figure",)
QUANTILES = {"p10": 0.10, "p25": 0.25, "median": 0.50, "p75": 0.75, "p90": 0.90}


def bins_ok(f: Filters) -> bool:
    """True when rollup_salary_bins answers: no dates (it has no month), no skill filter, rolled-up fields
    only."""
    return (f.date_from is None and f.date_to is None and f.undated and not f.skills
            and not any(getattr(f, name) for name in LIST_COLUMNS if name not in ROLLUP_FIELDS))


def binned(f: Filters, quantiles: dict[str, float]) -> tuple[str, dict]:
    """(SQL, params) of a CTE body: per skill (NULL = every salaried posting) its n and the ``quantiles``
    read from rollup_salary_bins.

    Postings are spread evenly over their bin: the j-th smallest (0-based) is read as
    v(j) = bin start + width * (j - postings in lower bins + 1/2) / postings in its bin, which lies in
    the same bin as the posting's own salary, so |v(j) - salary(j)| < one bin. A quantile is
    interpolated between v(floor h) and v(ceil h) at rank h = q (n - 1), as quantile_cont interpolates
    between the salaries, so it too is within one bin (SALARY_BIN_USD) of the exact figure (BINNED,
    said in the caption; tests check it against the exact answers)."""
    cond, params = where(f, "r", dates=False)
    w = SALARY_BIN_USD

    # v(j) of the rank expression j, read in the first bin whose cumulative count passes j
    def v(j: str) -> str:
        return (
            f"arg_min({w} * (salary_bin + ({j} - (cum - c) + 0.5) / c), salary_bin) FILTER (WHERE cum > {j})"
        )

    parts = []
    for name, q in quantiles.items():
        h = f"({q} * (n - 1))"
        lo, hi = v(f"floor{h}"), v(f"ceil{h}")
        parts.append(f"{lo} + (any_value({h}) - floor(any_value({h}))) * ({hi} - {lo}) AS {name}")
    cols = ",\n       ".join(parts)
    sql = f"""SELECT skill, any_value(n)::BIGINT AS n,
       {cols}
FROM (
    SELECT skill, salary_bin, c, sum(c) OVER (PARTITION BY skill ORDER BY salary_bin) AS cum,
           sum(c) OVER (PARTITION BY skill) AS n
    FROM (SELECT r.skill, r.salary_bin, sum(r.postings)::BIGINT AS c
          FROM rollup_salary_bins r WHERE {cond} GROUP BY ALL)
)
GROUP BY skill"""
    return sql, params


def by_skill(
    f: Filters, limit: int = 12, db: str | Path | None = None, *, rollup: bool = True
) -> QueryResult:
    """Salary quantiles (USD per year) for the skills with most salaried postings.

    From rollup_salary_bins when the filters allow (within one bin of the exact figures, said in the
    caveats), else exact from the base tables."""
    if rollup and use_rollup(bins_ok(f), "rollup_salary_bins", db):
        q, params = binned(f, QUANTILES)
        params = {**params, "min_n": MIN_N, "limit": limit}
        sql = f"""WITH q AS (
    {q}
)
SELECT q.skill AS "group", q.n, {", ".join(f"q.{name}" for name in QUANTILES)}, q.n >= $min_n AS enough,
       coalesce((SELECT o.n FROM q o WHERE o.skill IS NULL), 0) AS total
FROM q
WHERE q.skill IS NOT NULL
ORDER BY q.n DESC, "group"
LIMIT $limit"""
        return run("salary.by_skill", sql, params, db=db, n=lambda df: first(df, "total"),
                   notes=("answered from rollup_salary_bins",), caveats=BINNED)
    cond, params = where(f, db=db)
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
    cond, params = where(f, db=db)
    params = {**params, "min_n": MIN_N}
    sql = f"""SELECT p.posted_month AS month, {_QUANTILES}
FROM postings p
WHERE {cond} AND {_SALARIED} AND p.posted_month IS NOT NULL
GROUP BY 1
ORDER BY 1"""
    return run("salary.over_time", sql, params, db=db, n=lambda df: int(df["n"].sum()),
               caveats=undated_left_out(*where(f, db=db), db, _SALARIED))
