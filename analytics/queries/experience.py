"""Experience page queries: years required, in bands, by seniority, against pay; degrees.

Why: "how many years do senior roles really ask for" is answered from the minimum of
the stated range (experience_min, years). Bands are one table here, used both by the
band chart and by the postings list behind a selected band.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pandas as pd

from analytics.filters import Filters
from analytics.queries import MIN_N, detail, postings_per, regions, run, salary, where
from analytics.result import QueryResult

YEARS_CAP = 15  # 15 means "15 or more"
# (label, lowest years, highest years) - inclusive, on experience_min
BANDS: tuple[tuple[str, float, float], ...] = (
    ("0-1", 0, 1.999), ("2-3", 2, 3.999), ("4-5", 4, 5.999), ("6-7", 6, 7.999),
    ("8-10", 8, 10.999), ("11+", 11, 1000),
)


def band_case(column: str = "p.experience_min") -> str:
    """A CASE expression giving the band label of ``column`` (labels and bounds are constants)."""
    whens = " ".join(f"WHEN {column} BETWEEN {lo} AND {hi} THEN '{label}'" for label, lo, hi in BANDS)
    return f"CASE {whens} END"


def _source(f: Filters, db: str | Path | None, rollup: bool) -> tuple[str, str, dict, tuple[str, ...]]:
    """(FROM item as p, its posting count, params, notes) from detail.weighted: minimum years are kept in
    the fine-cell rollups as values, so every figure below stays exact."""
    src = detail.weighted(f, db, rollup)
    return src.source, f"sum({src.weight})", src.params, src.notes


def years_distribution(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per whole year of required experience (years; 15 = 15 or more)."""
    source, count, params, notes = _source(f, db, rollup)
    params = {**params, "cap": YEARS_CAP}
    sql = f"""SELECT least(floor(p.experience_min), $cap)::INTEGER AS years, {count}::BIGINT AS postings
FROM {source}
WHERE p.experience_min IS NOT NULL
GROUP BY 1
ORDER BY 1"""
    return run("experience.years_distribution", sql, params, db=db, n=lambda df: int(df["postings"].sum()),
               notes=notes)


def years_bands(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per band of required years: band, postings, share."""
    source, count, params, notes = _source(f, db, rollup)
    sql = f"""SELECT {band_case()} AS band, min(p.experience_min) AS band_floor, {count}::BIGINT AS postings,
       {count} / sum({count}) OVER () AS share
FROM {source}
WHERE p.experience_min IS NOT NULL
GROUP BY 1
ORDER BY band_floor"""
    res = run("experience.years_bands", sql, params, db=db, n=lambda df: int(df["postings"].sum()),
              notes=notes)
    return _with_empty_bands(res)


def _with_empty_bands(res: QueryResult) -> QueryResult:
    """``res`` (years_bands' answer) with a row of 0 postings (share 0, floor empty) for each band between the
    lowest and the highest holding postings, in BANDS' order: QA round hqa41 (RemoteOK alone) drew "4-5"
    beside "8-10", the empty "6-7" left out, so the gap read as none. Bands outside that span stay out."""
    df = res.df
    labels = [b[0] for b in BANDS]
    if df.empty or not set(df["band"]) <= set(labels):
        return res
    at = {labels.index(b) for b in df["band"]}
    missing = [labels[i] for i in range(min(at), max(at) + 1) if i not in at]
    if not missing:
        return res
    gaps = pd.DataFrame({"band": missing, "band_floor": [float("nan")] * len(missing),
                         "postings": [0] * len(missing), "share": [0.0] * len(missing)})
    out = pd.concat([df, gaps.astype({c: df[c].dtype for c in gaps.columns if c != "band"}, errors="ignore")],
                    ignore_index=True)
    out = out.iloc[sorted(range(len(out)), key=lambda k: labels.index(out["band"].iloc[k]))]
    return replace(res, df=out[df.columns].reset_index(drop=True))


def by_seniority(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Required years per seniority level: seniority, n, p25, median, p75, mean."""
    if (found := detail.counts(f, db, rollup)) is not None:
        rows, params, rolled_notes = found
        counts = f"""SELECT p.seniority, p.experience_min AS v, sum(p.postings)::BIGINT AS c
    FROM ({rows}) p WHERE p.experience_min IS NOT NULL GROUP BY ALL"""
        quartiles = salary.exact_by("SELECT * FROM c", ("seniority",), "v",
                                    {"p25": 0.25, "median": 0.5, "p75": 0.75})
        sql = f"""WITH c AS (
    {counts}
), q AS (
{quartiles}
), m AS (
    SELECT seniority, sum(v * c) / sum(c) AS mean FROM c GROUP BY 1
)
SELECT q.seniority, q.n, q.p25, q.median, q.p75, m.mean
FROM q JOIN m ON m.seniority IS NOT DISTINCT FROM q.seniority
ORDER BY median, q.seniority"""
        return run("experience.by_seniority", sql, params, db=db, n=lambda df: int(df["n"].sum()),
                   notes=rolled_notes)
    cond, params = where(f, db=db)
    sql = f"""SELECT p.seniority, count(*) AS n,
       quantile_cont(p.experience_min, 0.25) AS p25,
       median(p.experience_min) AS median,
       quantile_cont(p.experience_min, 0.75) AS p75,
       avg(p.experience_min) AS mean
FROM postings p
WHERE {cond} AND p.experience_min IS NOT NULL
GROUP BY 1
ORDER BY median, p.seniority"""
    return run("experience.by_seniority", sql, params, db=db, n=lambda df: int(df["n"].sum()))


def vs_salary(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Median salary (USD per year) per whole year of required experience, with n and enough.

    From rollup_salary_detail or rollup_salary_sets when the filters allow (salary.salary_rows: within one
    bin of the exact medians, said in the caveats), else exact from postings."""
    if (found := salary.salary_rows(f, db, rollup)) is not None:
        rows, params, notes = found
        params = {**params, "cap": YEARS_CAP, "min_n": MIN_N}
        counts = f"""SELECT least(p.years, $cap)::INTEGER AS years, p.salary_bin,
           {salary.BIN_COUNTS.format(p="p")}
    FROM ({rows}) p WHERE p.years IS NOT NULL GROUP BY ALL"""
        sql = f"""WITH q AS (
{salary.binned_by(counts, ("years",), {"median_salary_usd": 0.5})}
)
SELECT years, n, median_salary_usd, n >= $min_n AS enough
FROM q
ORDER BY 1"""
        return run("experience.vs_salary", sql, params, db=db, n=lambda df: int(df["n"].sum()),
                   notes=notes, caveats=salary.BINNED)
    cond, params = where(f, db=db)
    params = {**params, "cap": YEARS_CAP, "min_n": MIN_N}
    sql = f"""SELECT least(floor(p.experience_min), $cap)::INTEGER AS years, count(*) AS n,
       median(p.salary_usd_mid) AS median_salary_usd, count(*) >= $min_n AS enough
FROM postings p
WHERE {cond} AND p.experience_min IS NOT NULL AND p.salary_plausible AND p.salary_usd_mid IS NOT NULL
GROUP BY 1
ORDER BY 1"""
    return run("experience.vs_salary", sql, params, db=db, n=lambda df: int(df["n"].sum()))



def salaried_by_country(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Salaried postings that state years, per country (country, country_name, iso3, salary_n): the sample
    vs_salary draws, read the same way (its rollup rows when they answer, else postings), for the chart's
    country mix (figures.salary.years_country_mix)."""
    if (found := salary.salary_rows(f, db, rollup)) is not None:
        rows, params, notes = found
        sql = f"""SELECT p.country, sum(p.postings)::BIGINT AS salary_n
FROM ({rows}) p WHERE p.years IS NOT NULL AND p.country IS NOT NULL
GROUP BY 1
ORDER BY salary_n DESC, p.country"""
        return run("experience.salaried_by_country", sql, params, db=db,
                   n=lambda df: int(df["salary_n"].sum()), post=regions._country_names, notes=notes)
    cond, params = where(f, db=db)
    sql = f"""SELECT p.country, count(*) AS salary_n
FROM postings p
WHERE {cond} AND p.country IS NOT NULL AND p.experience_min IS NOT NULL AND p.salary_plausible
      AND p.salary_usd_mid IS NOT NULL
GROUP BY 1
ORDER BY salary_n DESC, p.country"""
    return run("experience.salaried_by_country", sql, params, db=db, n=lambda df: int(df["salary_n"].sum()),
               post=regions._country_names)

def degree(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Minimum degree asked: degree ('not stated' for none), postings, share."""
    return postings_per("experience.degree", "coalesce(p.degree, 'not stated')", "degree", f, db,
                        rollup=rollup)
