"""Salary page queries: bands, distributions by group, and the median over time.

Why: pay is the figure users trust least, so every figure carries its sample size and
``enough`` (n >= MIN_N); a page says "not enough data" instead of drawing a figure
that fewer than MIN_N postings stand behind. Only plausible annual USD figures count.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics import filters as _filters
from analytics.filters import LIST_COLUMNS, ROLLUP_FIELDS, Filters, detail_where, whole_month_range
from analytics.queries import (
    MIN_N,
    PLAUSIBLE_SALARY,
    detail,
    every_month,
    first,
    run,
    undated_left_out,
    undated_note,
    use_rollup,
    where,
)
from analytics.result import QueryResult

GROUPS = {"seniority": "p.seniority", "country": "p.country", "region": "p.region"}

_QUANTILES = """count(*) AS n,
       quantile_cont(p.salary_usd_mid, 0.10) AS p10,
       quantile_cont(p.salary_usd_mid, 0.25) AS p25,
       median(p.salary_usd_mid) AS median,
       quantile_cont(p.salary_usd_mid, 0.75) AS p75,
       quantile_cont(p.salary_usd_mid, 0.90) AS p90,
       count(*) >= $min_n AS enough"""
_SALARIED = PLAUSIBLE_SALARY


# Each band's bounds from the configured bands (etl/data/salary_bands.yaml), by label: min inclusive, max
# exclusive, NULL for an open end or a label the file no longer holds (a warehouse loaded before an edit).
# Why: band_floor (a download's column, kept) is the lowest salary seen in the band, not where it starts.
_BOUNDS = """$band_min[list_position($band_labels, p.salary_band)] AS band_min_usd,
       $band_max[list_position($band_labels, p.salary_band)] AS band_max_usd"""


def _bounds() -> dict[str, list[Any]]:
    from etl.normalize import money  # the loader's own bands (read once per process)

    bands = money.bands()
    return {"band_labels": [b[0] for b in bands], "band_min": [b[1] for b in bands],
            "band_max": [b[2] for b in bands]}


def by_band(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per salary band, bands in salary order: band, postings, band_floor (the lowest salary in the
    band under the filters), band_min_usd and band_max_usd (the band's configured bounds, see _BOUNDS)."""
    if (found := detail.counts(f, db, rollup)) is not None:
        rows, params, rolled_notes = found
        sql = f"""SELECT p.salary_band AS band, sum(p.salaried)::BIGINT AS postings,
       min(p.salary_floor) AS band_floor,
       {_BOUNDS}
FROM ({rows}) p
WHERE p.salaried > 0 AND p.salary_band IS NOT NULL
GROUP BY 1
ORDER BY band_floor"""
        return _with_empty_bands(run("salary.by_band", sql, {**params, **_bounds()}, db=db,
                                     n=lambda df: int(df["postings"].sum()), notes=rolled_notes))
    cond, params = where(f, db=db)
    sql = f"""SELECT p.salary_band AS band, count(*) AS postings, min(p.salary_usd_mid) AS band_floor,
       {_BOUNDS}
FROM postings p
WHERE {cond} AND {_SALARIED} AND p.salary_band IS NOT NULL
GROUP BY 1
ORDER BY band_floor"""
    return _with_empty_bands(run("salary.by_band", sql, {**params, **_bounds()}, db=db,
                                 n=lambda df: int(df["postings"].sum())))


def _with_empty_bands(res: QueryResult) -> QueryResult:
    """``res`` (by_band's answer) with a row of 0 postings for each configured band between the lowest and
    the highest holding postings (its floor empty, its bounds as configured), in the bands' order. QA round
    hqa41 (RemoteOK alone): "<$50k" stood beside "$100k-$150k", the empty band between them left out, so a
    gap in the salaries read as none. Bands outside that span stay out; an answer holding a band the
    configuration does not name is left as it is."""
    df = res.df
    bounds = _bounds()
    labels = list(bounds["band_labels"])
    if df.empty or not set(df["band"]) <= set(labels):
        return res
    at = [labels.index(b) for b in df["band"]]
    missing = [i for i in range(min(at), max(at) + 1) if i not in set(at)]
    if not missing:
        return res
    gaps = pd.DataFrame({"band": [labels[i] for i in missing], "postings": [0] * len(missing),
                         "band_floor": [float("nan")] * len(missing),
                         "band_min_usd": [bounds["band_min"][i] for i in missing],
                         "band_max_usd": [bounds["band_max"][i] for i in missing]})
    out = pd.concat([df, gaps.astype({c: df[c].dtype for c in gaps.columns if c != "band"}, errors="ignore")],
                    ignore_index=True)
    out = out.iloc[sorted(range(len(out)), key=lambda k: labels.index(out["band"].iloc[k]))]
    return replace(res, df=out[df.columns].reset_index(drop=True))


def distribution(f: Filters, by: str = "seniority", limit: int = 12, db: str | Path | None = None, *,
                 rollup: bool = True) -> QueryResult:
    """Salary quantiles (USD per year) per group (seniority, country or region), largest groups first.

    From rollup_salary_detail or rollup_salary_sets when the filters allow (salary_rows: within one bin of
    the exact figures, said in the caveats), else exact from postings."""
    column = GROUPS[by]  # only known columns reach the SQL text
    if (found := salary_rows(f, db, rollup)) is not None:
        rows, params, notes = found
        params = {**params, "min_n": MIN_N, "limit": limit}
        counts = f"""SELECT {column} AS "group", p.salary_bin, {BIN_COUNTS.format(p="p")}
    FROM ({rows}) p WHERE {column} IS NOT NULL GROUP BY ALL"""
        sql = f"""WITH q AS (
{binned_by(counts, ('"group"',), QUANTILES)}
)
SELECT "group", n, {", ".join(QUANTILES)}, n >= $min_n AS enough
FROM q
ORDER BY n DESC, "group"
LIMIT $limit"""
        return run(f"salary.distribution[{by}]", sql, params, db=db, n=lambda df: int(df["n"].sum()),
                   notes=notes, caveats=BINNED)
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


LEVELS = ("seniority", "role_family")  # the fields of rollup_salary_month and rollup_salary_bins_level
LEVEL_BINS = "rollup_salary_bins_level"  # rollup_salary_bins summed to skill and level (rollups.sql)


def levels_only(f: Filters) -> bool:
    """True when ``f`` names no skill and no list field but seniority and role family: the salary bins summed
    to those (rollup_salary_month, rollup_salary_bins_level) answer as the full ones do."""
    return not f.skills and not any(getattr(f, name) for name in LIST_COLUMNS if name not in LEVELS)


def bins_table(f: Filters, db: str | Path | None = None) -> str:
    """The rollup ``binned`` reads under ``f`` (bins_ok): rollup_salary_bins_level when ``f`` names the levels
    only (about 7x fewer rows on generated data), else rollup_salary_bins."""
    return LEVEL_BINS if levels_only(f) and _db.has_table(LEVEL_BINS, db) else "rollup_salary_bins"


CELL_FIELDS = ("seniority", "role_family", "country", "remote", "source")  # rollup_salary_month_cells' fields


def cells_only(f: Filters) -> bool:
    """True when ``f`` names no skill and no list field but the levels, country, work arrangement and source:
    the salary bins by month summed to those (rollup_salary_month_cells) answer as the full ones do."""
    return not f.skills and not any(getattr(f, name) for name in LIST_COLUMNS if name not in CELL_FIELDS)


def month_bins(f: Filters, db: str | Path | None = None) -> str:
    """The salary-bin rollup by month that answers under ``f`` (detail.usable(f, SALARIES)):
    rollup_salary_month when ``f`` names the levels only (levels_only: 25x fewer rows at 10M, and a block copy
    for the edge days of a cut range), rollup_salary_month_cells when it names no field but those, country,
    work arrangement and source (cells_only: 2.2x fewer rows at 10M, sorted by country), else
    rollup_salary_detail."""
    if levels_only(f) and _db.has_table(detail.MONTH_BINS, db):
        return detail.MONTH_BINS
    if cells_only(f) and _db.has_table(detail.MONTH_CELLS, db):
        return detail.MONTH_CELLS
    return detail.SALARIES


def bins_ok(f: Filters) -> bool:
    """True when rollup_salary_bins answers: no dates (it has no month), no skill filter, rolled-up fields
    only."""
    return (f.date_from is None and f.date_to is None and f.undated and not f.skills
            and not any(getattr(f, name) for name in LIST_COLUMNS if name not in ROLLUP_FIELDS))


# The columns of a bin that binned_by reads, summed over rollup rows (alias {p}) of one group and bin.
BIN_COUNTS = "sum({p}.postings)::BIGINT AS c, min({p}.salary_lo) AS lo, max({p}.salary_hi) AS hi"
# The same for a rollup_salary_bins published before salary_lo and salary_hi: the bin's edges.
BIN_EDGES = (f"sum({{p}}.postings)::BIGINT AS c, {SALARY_BIN_USD} * {{p}}.salary_bin AS lo, "
             f"{SALARY_BIN_USD} * ({{p}}.salary_bin + 1) AS hi")


SETS = "rollup_salary_sets"  # salary bins by skill set, no month (etl/warehouse/order.sql)
SALARIED = detail.SALARIED  # the salaried dated postings sorted by level and date (order.sql)
SKILL_MONTHS = "rollup_salary_skill_month"  # salary bins per skill by month (etl/warehouse/rollups.sql)
SKILL_BLOCKS = "rollup_salary_skill_blocks"  # the same by day block, for cut ranges' edge days (order.sql)
# rollup_salary_sets' columns: rollup_salary_detail's but the month (whether dated instead), and the skill set
_SET_COLUMNS = ("dated", "seniority", "role_family", "country", "remote", "source", "region", "city",
                "metro", "language", "years", "salary_bin", "postings", "salary_lo", "salary_hi",
                *detail.WORDS)


def set_bits(f: Filters, db: str | Path | None = None, rollup: bool = True) -> detail.Bits | None:
    """The skill bitmap when rollup_salary_sets answers under ``f``: no date range and undated postings kept
    (it has no month), every chosen skill with a bit and every skill with one category (detail.sets_bits:
    a set then expands into exactly the skills posting_skills holds); else None."""
    if f.date_from is not None or f.date_to is not None or not f.undated:
        return None
    if not rollup or not _db.has_column(SETS, "dated", db):  # (a version published before its dated column)
        return None
    return detail.sets_bits(f, db, rollup)


def salary_rows(f: Filters, db: str | Path | None = None, rollup: bool = True
                ) -> tuple[str, dict[str, Any], tuple[str, ...]] | None:
    """(subquery, params, notes) of salary-bin rows under ``f`` with rollup_salary_detail's columns but the
    month (seniority ... language, years, salary_bin, postings, salary_lo, salary_hi): without a skill filter
    detail.salary_rows' (rollup_salary_no_month without a date range, else rollup_salary_detail with the edge
    days from postings_dated), under a skill filter rollup_salary_sets' (no date range; the filter as bit
    tests); None when neither answers."""
    if detail.usable(f, detail.SALARIES, db, rollup):
        sql, params, note = detail.salary_rows(f, db)
        return sql, params, (note,)
    if (bits := set_bits(f, db, rollup)) is not None:
        cond, params = _filters.where(f, "d", dates=False, bits=bits)
        rows = f"SELECT {', '.join(_SET_COLUMNS)} FROM {SETS} d WHERE {cond}"
        return rows, params, (f"answered from {SETS}",)
    return None


def binned_sets(f: Filters, bits: detail.Bits, quantiles: dict[str, float], db: str | Path | None = None,
                top: int | None = None) -> tuple[str, dict]:
    """(SQL, params) of a CTE body as ``binned``'s (per skill, NULL = every salaried posting, its n and the
    ``quantiles``) from rollup_salary_sets: the rows under ``f`` are summed per skill set and bin, each set
    is expanded into its skills (responsibilities left out, as posting_skills' join does), and the
    quantiles read from the bins (binned_by: within one bin of the exact figures)."""
    cond, params = _filters.where(f, "d", dates=False, bits=bits)
    used = detail.used_words(db)
    sets = f"""(SELECT {", ".join(used)}, d.salary_bin, sum(d.postings) AS c, min(d.salary_lo) AS lo,
                 max(d.salary_hi) AS hi
          FROM {SETS} d WHERE {cond} GROUP BY ALL)"""
    counts = f"""SELECT b.skill, s.salary_bin, sum(s.c)::BIGINT AS c, min(s.lo) AS lo, max(s.hi) AS hi
          FROM {detail.expand(sets, used)}
          WHERE b.category <> $excluded
          GROUP BY ALL
          UNION ALL
          SELECT NULL::VARCHAR AS skill, d.salary_bin, {BIN_COUNTS.format(p="d")}
          FROM {SETS} d WHERE {cond} GROUP BY ALL"""
    return per_skill(counts, quantiles, top), {**params, "excluded": "responsibility"}


def skill_month_ok(f: Filters, db: str | Path | None = None, rollup: bool = True) -> bool:
    """True when rollup_salary_skill_month answers under ``f``: one chosen skill, whole months, and no list
    filter but seniority and role family (its only fields)."""
    others = any(getattr(f, name) for name in LIST_COLUMNS if name not in ("seniority", "role_family"))
    return (rollup and len(set(f.skills)) == 1 and whole_month_range(f) and not others
            and _db.has_table(SKILL_MONTHS, db))


def months_ok(f: Filters, db: str | Path | None = None, rollup: bool = True) -> bool:
    """True when salary by skill (and the premium) under ``f`` is read from rollup_salary_skill_month: no
    skill filter, no list filter but seniority and role family, and a date range (or dated postings only)
    that the month-less bins cannot answer - its whole months from the rollup, the edge days of months it
    cuts from postings_dated expanded by skill set (detail.sets_bits)."""
    others = any(getattr(f, name) for name in LIST_COLUMNS if name not in ("seniority", "role_family"))
    return (rollup and not f.skills and not others and not bins_ok(f) and _db.has_table(SKILL_MONTHS, db)
            and _db.has_column(SKILL_MONTHS, "category", db) and detail.usable(f, detail.SALARIES, db)
            and (whole_month_range(f) or detail.sets_bits(f, db) is not None))


def months_binned(f: Filters, quantiles: dict[str, float], db: str | Path | None = None,
                  top: int | None = None) -> tuple[str, dict]:
    """(SQL, params) of a CTE body as ``binned``'s (per skill, NULL = every salaried posting, its n and the
    ``quantiles``) under ``f`` (months_ok): each skill's bins of the whole months from
    rollup_salary_skill_month (responsibilities left out), those of the edge days' whole day blocks from
    rollup_salary_skill_blocks (when the warehouse has it) and of the other edge days from postings_salaried
    summed per skill set and expanded into skills, every salaried posting's from month_bins; within one bin
    of the exact figures (binned_by)."""
    cond, params = detail_where(f, "r")
    parts = [f"""SELECT r.skill, r.salary_bin, {BIN_COUNTS.format(p="r")}
          FROM {SKILL_MONTHS} r WHERE {cond} AND r.category <> $excluded GROUP BY ALL"""]
    # the edge days' whole day blocks per skill, when the warehouse has them (the days left: expanded below)
    blocks = _db.has_table(SKILL_BLOCKS, db)
    if blocks and (in_blocks := _filters.block_where(f, "r")) is not None:
        bcond, bparams = in_blocks
        params = {**params, **bparams}
        parts.append(f"""SELECT r.skill, r.salary_bin, {BIN_COUNTS.format(p="r")}
          FROM {SKILL_BLOCKS} r WHERE {bcond} AND r.category <> $excluded GROUP BY ALL""")
    edges = _filters.edge_where(f, "p", bits=detail.sets_bits(f, db), blocks=blocks)
    if edges is not None:
        econd, eparams = edges
        params = {**params, **eparams}
        used = detail.used_words(db)
        sets = f"""(SELECT {", ".join(used)}, floor(p.salary_usd_mid / 1000)::INTEGER AS salary_bin,
                 count(*) AS c, min(p.salary_usd_mid) AS lo, max(p.salary_usd_mid) AS hi
          FROM {detail.edge_table(detail.SALARIES, db)} p
          WHERE {econd} AND p.salary_plausible AND p.salary_usd_mid IS NOT NULL
          GROUP BY ALL)"""
        parts.append(f"""SELECT b.skill, s.salary_bin, sum(s.c)::BIGINT AS c, min(s.lo) AS lo, max(s.hi) AS hi
          FROM {detail.expand(sets, used)} WHERE b.category <> $excluded GROUP BY ALL""")
    # every salaried posting's bins (months_ok: the levels only, so rollup_salary_month's, whose block copy
    # holds the edge days' whole blocks: at 2M the edge postings read 52,000 -> 5,700 rows)
    rows, row_params = detail.rows(f, month_bins(f, db), db=db)
    params = {**params, **row_params}
    parts.append(f"""SELECT NULL::VARCHAR AS skill, p.salary_bin, {BIN_COUNTS.format(p="p")}
          FROM ({rows}) p GROUP BY ALL""")
    union = "\n          UNION ALL\n          ".join(parts)
    counts = f"""SELECT skill, salary_bin, sum(c)::BIGINT AS c, min(lo) AS lo, max(hi) AS hi
          FROM ({union}) GROUP BY ALL"""
    return per_skill(counts, quantiles, top), {**params, "excluded": "responsibility"}


def binned(f: Filters, quantiles: dict[str, float], db: str | Path | None = None, top: int | None = None
           ) -> tuple[str, dict]:
    """(SQL, params) of a CTE body: per skill (NULL = every salaried posting) its n and the ``quantiles``
    read from rollup_salary_bins, or the same bins summed to the levels (bins_table; see binned_by)."""
    cond, params = where(f, "r", dates=False)
    table = bins_table(f, db)
    cols = BIN_COUNTS if _db.has_column(table, "salary_lo", db) else BIN_EDGES
    counts = f"""SELECT r.skill, r.salary_bin, {cols.format(p="r")}
          FROM {table} r WHERE {cond} GROUP BY ALL"""
    return per_skill(counts, quantiles, top), params


def per_skill(counts: str, quantiles: dict[str, float], top: int | None = None) -> str:
    """binned_by per skill (NULL: every salaried posting) from ``counts``; with ``top``, the quantiles of
    the ``top`` skills with most salaried postings only (ties by name, as the charts order them) and of
    NULL. Why: the charts draw 12 or 20 of about 60 skills, and the running sums and interpolation of the
    others were 10-15% of salary by skill's CPU (2,000,000 generated postings); their counts are summed
    once more to rank the skills, which costs less."""
    if top is None:
        return binned_by(counts, ("skill",), quantiles)
    ranked = f"""WITH bins AS MATERIALIZED (
    {counts}
), top_skills AS (
    SELECT skill FROM bins WHERE skill IS NOT NULL GROUP BY skill ORDER BY sum(c) DESC, skill LIMIT {int(top)}
)
SELECT * FROM bins WHERE skill IS NULL OR skill IN (SELECT skill FROM top_skills)"""
    return binned_by(ranked, ("skill",), quantiles)


def binned_by(counts: str, keys: tuple[str, ...], quantiles: dict[str, float]) -> str:
    """SQL of the ``keys``, n and the ``quantiles`` per group, from ``counts``: a SELECT of the keys,
    salary_bin, c (postings in that bin), lo and hi (their smallest and largest salary; BIN_COUNTS), one
    row per group and bin.

    Postings are spread evenly between the smallest and largest salary of their bin: the j-th smallest
    (0-based) is read as v(j) = lo + (hi - lo) * (j - postings in lower bins + 1/2) / postings in its bin,
    which lies in the same bin as the posting's own salary, so |v(j) - salary(j)| < one bin (and 0 when
    the bin's salaries are equal: a single posting, or round figures). A quantile is interpolated between
    v(floor h) and v(ceil h) at rank h = q (n - 1), as quantile_cont interpolates between the salaries,
    so it too is within one bin (SALARY_BIN_USD) of the exact figure (BINNED, said in the caption; tests
    check it against the exact answers)."""
    # v(j) of the rank expression j, read in the first bin whose cumulative count passes j
    def v(j: str) -> str:
        return f"arg_min(lo + (hi - lo) * ({j} - (cum - c) + 0.5) / c, salary_bin) FILTER (WHERE cum > {j})"

    return _ranked(counts, keys, "salary_bin", quantiles, v, extra="lo, hi, ")


def exact_by(counts: str, keys: tuple[str, ...], value: str, quantiles: dict[str, float]) -> str:
    """SQL of the ``keys``, n and the exact ``quantiles`` (as quantile_cont) per group, from ``counts``: a
    SELECT of the keys, the column ``value`` and c (how many postings hold that value), one row per group
    and value. The j-th smallest (0-based) is the first value whose cumulative count passes j."""
    def v(j: str) -> str:
        return f"min({value}) FILTER (WHERE cum > {j})"

    return _ranked(counts, keys, value, quantiles, v)


def _ranked(counts: str, keys: tuple[str, ...], order: str, quantiles: dict[str, float], v: Any,
            extra: str = "") -> str:
    parts = []
    for name, q in quantiles.items():
        h = f"({q} * (n - 1))"
        lo, hi = v(f"floor{h}"), v(f"ceil{h}")
        parts.append(f"{lo} + (any_value({h}) - floor(any_value({h}))) * ({hi} - {lo}) AS {name}")
    cols = ",\n       ".join(parts)
    by = ", ".join(keys)
    # The counts as DOUBLE: a sum of BIGINT is a HUGEINT, and the ranks' comparisons and arithmetic then ran
    # in DECIMAL(38) - 150 ms of the 200 ms a per-skill chart took on 10,000,000 generated postings, for
    # 21,000 bins. Counts below 2^53 are exact in a double, and the rank q (n - 1) is a double in
    # quantile_cont too.
    return f"""SELECT {by}, any_value(n)::BIGINT AS n,
       {cols}
FROM (
    SELECT {by}, {order}, {extra}c, sum(c) OVER (PARTITION BY {by} ORDER BY {order}) AS cum,
           sum(c) OVER (PARTITION BY {by}) AS n
    FROM (SELECT * REPLACE (c::DOUBLE AS c) FROM ({counts}))
)
GROUP BY {by}"""


def _skill_bins(f: Filters, db: str | Path | None, rollup: bool, top: int | None = None
                ) -> tuple[str, dict, str] | None:
    """(subquery of per-skill binned quantiles, params, the rollup read) for by_skill, from the first rollup
    that answers under ``f``; None when only the base tables do."""
    if rollup and use_rollup(bins_ok(f), "rollup_salary_bins", db):
        return (*binned(f, QUANTILES, db, top), bins_table(f, db))
    if (bits := set_bits(f, db, rollup)) is not None:  # a skill filter, a region, a language
        return (*binned_sets(f, bits, QUANTILES, db, top), SETS)
    if months_ok(f, db, rollup):  # a date range
        return (*months_binned(f, QUANTILES, db, top), SKILL_MONTHS)
    return None


def by_skill(
    f: Filters, limit: int = 12, db: str | Path | None = None, *, rollup: bool = True
) -> QueryResult:
    """Salary quantiles (USD per year) for the skills with most salaried postings.

    From rollup_salary_bins when the filters allow, else from rollup_salary_sets under a skill filter, a
    region or a language without a date range (both within one bin of the exact figures, said in the
    caveats), else exact from the base tables."""
    if (found := _skill_bins(f, db, rollup, limit)) is not None:
        q, params, table = found
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
                   notes=(f"answered from {table}",), caveats=BINNED)
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


def _every_month(sql: str, params: dict[str, Any], f: Filters) -> tuple[str, dict[str, Any]]:
    """over_time's rows with every month of the range: an empty month has n = 0 and no figure (a median of
    no salary is undefined, so the line breaks there) - the axis spans the chosen range (QA round sixteen)."""
    return every_month(sql, params, f, {"n": "0", **dict.fromkeys(QUANTILES), "enough": "false"})


def over_time(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Median salary per month with quartiles and n: month, n, p25, median, p75, enough.

    From rollup_salary_detail when the filters allow, from rollup_salary_skill_month under one chosen skill
    (skill_month_ok), binned from postings_dated under any other skill filter on the bitmap (all within one
    bin of the exact figures, said in the caveats), else exact from postings."""
    if detail.usable(f, detail.SALARIES, db, rollup):
        # the levels only: the same bins summed to month, seniority and role family (25x fewer rows at 10M)
        table = month_bins(f, db)
        rows, params = detail.rows(f, table, db=db)
        params = {**params, "min_n": MIN_N}
        counts = f"""SELECT p.posted_month AS month, p.salary_bin, {BIN_COUNTS.format(p="p")}
    FROM ({rows}) p WHERE p.posted_month IS NOT NULL GROUP BY ALL"""
        sql = f"""WITH q AS (
{binned_by(counts, ("month",), QUANTILES)}
)
SELECT month, n, {", ".join(QUANTILES)}, n >= $min_n AS enough
FROM q"""
        sql, params = _every_month(sql, params, f)
        return run("salary.over_time", sql, params, db=db, n=lambda df: int(df["n"].sum()),
                   notes=(detail.NOTE[table],),
                   caveats=BINNED + detail.undated(f, db, salaried=True))
    if skill_month_ok(f, db, rollup):  # one chosen skill
        cond, params = detail_where(replace(f, skills=()), "r")
        params = {**params, "month_skill": f.skills[0]}
        rows = f"SELECT * FROM {SKILL_MONTHS} r WHERE r.skill = $month_skill AND {cond}"
        counts = f"""SELECT p.posted_month AS month, p.salary_bin, {BIN_COUNTS.format(p="p")}
    FROM ({rows}) p WHERE p.posted_month IS NOT NULL GROUP BY ALL"""
        sql = f"""WITH q AS (
{binned_by(counts, ("month",), QUANTILES)}
)
SELECT month, n, {", ".join(QUANTILES)}, n >= $min_n AS enough
FROM q"""
        df, _ = _db.query(f"SELECT sum(postings) AS n FROM ({rows}) p WHERE p.posted_month IS NULL", params,
                          db)
        k = first(df, "n")
        undated = undated_note(k)
        sql, params = _every_month(sql, {**params, "min_n": MIN_N}, f)
        return run("salary.over_time", sql, params, db=db, n=lambda df: int(df["n"].sum()),
                   notes=(f"answered from {SKILL_MONTHS}",), caveats=BINNED + undated)
    if f.skills and (bits := detail.sets_bits(f, db, rollup)) is not None and _db.has_table(detail.DATED, db):
        # any other skill filter: the dated postings' salaries in bins per month, the skill filter as bit
        # tests on postings_dated (sorted by date: a range reads its row groups only) - the exact medians
        # sorted every matching salary (about 0.5 s under two skills on 10,000,000 generated postings)
        cond, params = _filters.where(replace(f, undated=False), "p", bits=bits)
        # the salaried dated postings sorted by level (a filter's levels read their row groups only) when the
        # warehouse has them: 5x fewer rows read on 10,000,000 generated postings
        table = detail.edge_table(detail.SALARIES, db)
        salary_bin = "p.salary_bin" if table == SALARIED else "floor(p.salary_usd_mid / 1000)::INTEGER"
        counts = f"""SELECT p.posted_month AS month, {salary_bin} AS salary_bin,
           count(*)::BIGINT AS c, min(p.salary_usd_mid) AS lo, max(p.salary_usd_mid) AS hi
    FROM {table} p WHERE {cond} AND {_SALARIED} GROUP BY ALL"""
        sql = f"""WITH q AS (
{binned_by(counts, ("month",), QUANTILES)}
)
SELECT month, n, {", ".join(QUANTILES)}, n >= $min_n AS enough
FROM q"""
        sql, params = _every_month(sql, {**params, "min_n": MIN_N}, f)
        return run("salary.over_time", sql, params, db=db,
                   n=lambda df: int(df["n"].sum()), notes=(f"answered from {table}",),
                   caveats=BINNED + detail.undated(f, db, salaried=True, table=detail.SETS, bits=bits))
    cond, params = where(f, db=db)
    params = {**params, "min_n": MIN_N}
    sql = f"""SELECT p.posted_month AS month, {_QUANTILES}
FROM postings p
WHERE {cond} AND {_SALARIED} AND p.posted_month IS NOT NULL
GROUP BY 1"""
    sql, params = _every_month(sql, params, f)
    return run("salary.over_time", sql, params, db=db, n=lambda df: int(df["n"].sum()),
               caveats=undated_left_out(*where(f, db=db), db, _SALARIED))


def stated_as(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """How the salaries in the view were stated: currency, period (year, month, hour, ...), postings and
    share, largest first - the salaried postings the Salary page's bands count (plausible ones only).

    Why: the page's figures are yearly US dollars, but Poland's salaries on the real samples are monthly
    PLN and some French ones hourly EUR; a reader should see that mix, not only how it is converted (QA
    round eleven). Summed from rollup_salary_stated when the filters name no skill (as the bands' counts
    from rollup_postings_detail: whole months there, a cut range's edge days from postings_salaried; without
    a date range from its month-less copy), else counted in postings (measured on 10,000,000 postings:
    docs/performance.md)."""
    order = "ORDER BY postings DESC, currency NULLS LAST, period NULLS LAST"
    if (found := detail.stated_rows(f, db, rollup)) is not None:
        rows, params, note = found
        # the share as a DOUBLE from the same integer counts as the base-table query's, so both are equal
        sql = f"""SELECT p.salary_currency AS currency, p.salary_period AS period,
       sum(p.postings)::BIGINT AS postings, sum(p.postings)::DOUBLE / sum(sum(p.postings)) OVER () AS share
FROM ({rows}) p
GROUP BY 1, 2
{order}"""
        return run("salary.stated_as", sql, params, db=db, n=lambda df: int(df["postings"].sum()),
                   notes=(note,))
    cond, params = where(f, db=db)
    sql = f"""SELECT p.salary_currency AS currency, p.salary_period AS period, count(*)::BIGINT AS postings,
       count(*)::DOUBLE / sum(count(*)) OVER () AS share
FROM postings p
WHERE {cond} AND {_SALARIED}
GROUP BY 1, 2
{order}"""
    return run("salary.stated_as", sql, params, db=db, n=lambda df: int(df["postings"].sum()))
