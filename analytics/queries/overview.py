"""Overview page queries: headline figures with their change, and postings per month.

Why: the first thing a user asks is "how big is the market I filtered, and is it
growing"; these answers come from one scan each, against the period the user chose and
the period of the same length just before it.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics.filters import Filters, previous_period, remote_share_set, rollup_ok, rollup_where
from analytics.queries import detail, every_month, first, run, salary, use_rollup, where
from analytics.result import QueryResult


def kpis(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """One row per period: postings, companies, median salary, remote share, years, each with its n.

    ``current`` is what the filters select - undated postings included unless the filters leave
    them out - so the headline agrees with every other page. The change is measured between
    postings with a date only: ``current_dated`` (the chosen range, else the whole dated span)
    against ``previous``, the range of the same length just before it.
    """
    res = with_set_by(_kpis(f, db, rollup), f)
    return replace(res, caveats=(*res.caveats, *detail.companies_caveat(db))) if res.n else res


SET_BY_COLUMN = "set_by"


def with_set_by(res: QueryResult, f: Filters) -> QueryResult:
    """``res`` with SET_BY_COLUMN added last: the figure the filters fix and why ("share_remote: the Work
    arrangement filter keeps remote only, ..."), empty where the data decides every figure, so a data file
    says what the screen says (lead ruling 2 on hqa39; the rule: filters.remote_share_set; the Data page's
    coverage carries its own)."""
    why = remote_share_set(f)
    return replace(res, df=res.df.assign(**{SET_BY_COLUMN: pd.Series(
        [f"share_remote: {why}" if why else None] * len(res.df), index=res.df.index, dtype=object)}))


def _kpis(f: Filters, db: str | Path | None, rollup: bool) -> QueryResult:
    """kpis' answer, from the rollups where they answer (its companies' caveat aside)."""
    if rollup and (rolled := _kpis_rolled(f, db)) is not None:
        return rolled
    if rollup and (ranged := _kpis_ranged(f, db)) is not None:
        return ranged
    cond, params = where(f, dates=False, db=db)
    full, full_params = where(f, db=db)
    params = {**params, **full_params, "period_from": f.date_from, "period_to": f.date_to}
    # a company is its name without case: "CrowdStrike" and "Crowdstrike" were two of the real default
    # view's 981 companies (979 by name; QA round twenty-five): here, in the rollups' answers, the regions
    keyed, key = detail.company_key("p", db)
    measures = f"""count(p.posting_id) AS postings,
       count(DISTINCT {key}) AS companies,
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
    LEFT JOIN postings p ON p.posted_date BETWEEN pr.period_start AND pr.period_end AND {cond}{keyed}
    GROUP BY ALL
)
SELECT 'current' AS period, (SELECT d0 FROM bounds) AS period_start, (SELECT d1 FROM bounds) AS period_end,
       {measures}
FROM postings p{keyed}
WHERE {full}
UNION ALL
SELECT * FROM dated
ORDER BY period"""

    return run("overview.kpis", sql, params, n=_current, db=db)


def _current(df: pd.DataFrame) -> int:
    """Postings in the current selection."""
    return first(df[df["period"] == "current"], "postings")


def _kpis_rolled(f: Filters, db: str | Path | None) -> QueryResult | None:
    """kpis from the rollups when ``f`` has no date range and no skill filter, else None.

    Without a date range the dated period is every dated posting of the selection - from its first date to
    its last - and the previous period, before the first date, holds none of them: so every figure is a sum
    over rollup_postings_detail (the years' median exact, counted per value), the salary median comes from
    rollup_salary_no_month's bins (within one bin, said in the caveats), the companies and the first and last
    dates from rollup_company_cells (exact). The same numbers as the query over postings (tests)."""
    companies, counted, binned = detail.company_rows(f, db), detail.counts(f, db), salary.salary_rows(f, db)
    if companies is None or counted is None or binned is None:
        return None
    firms, firm_params, firm_note = companies
    rows, row_params, row_notes = counted
    bins, bin_params, bin_notes = binned
    # Each part is first summed to a few rows (by date presence and the value a measure reads), then counted
    # in 'current' and, when dated, in 'current_dated' too.
    periods = "(VALUES ('current'), ('current_dated')) pr(period)"
    years = salary.exact_by(f"""SELECT pr.period, d.experience_min AS v, sum(d.postings)::BIGINT AS c
    FROM d, {periods}
    WHERE (pr.period = 'current' OR d.dated) AND d.experience_min IS NOT NULL
    GROUP BY ALL""", ("period",), "v", {"median_years": 0.5})
    medians = salary.binned_by(f"""SELECT pr.period, b.salary_bin, {salary.BIN_COUNTS.format(p="b")}
    FROM b, {periods}
    WHERE pr.period = 'current' OR b.dated
    GROUP BY ALL""", ("period",), {"median_salary_usd": 0.5})
    keyed, key = detail.company_key("c", db)
    sql = f"""WITH firms AS MATERIALIZED (
    SELECT {key} AS company, c.dated, min(c.first_date) AS first_date,
           max(c.last_date) AS last_date
    FROM ({firms}) c{keyed} GROUP BY ALL
), bounds AS (
    SELECT min(first_date) AS d0, max(last_date) AS d1 FROM firms
), d AS MATERIALIZED (
    SELECT p.posted_month IS NOT NULL AS dated, p.remote, p.experience_min, sum(p.postings) AS postings,
           sum(p.salaried) AS salaried
    FROM ({rows}) p GROUP BY ALL
), b AS (
    SELECT p.dated, p.salary_bin, sum(p.postings) AS postings, min(p.salary_lo) AS salary_lo,
           max(p.salary_hi) AS salary_hi
    FROM ({bins}) p GROUP BY ALL
), c AS (
    SELECT pr.period, sum(d.postings)::BIGINT AS postings, sum(d.salaried)::BIGINT AS salary_n,
           coalesce(sum(d.postings) FILTER (WHERE d.remote = 'remote'), 0)
               / sum(d.postings) FILTER (WHERE d.remote IS NOT NULL) AS share_remote,
           sum(d.postings) FILTER (WHERE d.remote IS NOT NULL)::BIGINT AS remote_n,
           sum(d.postings) FILTER (WHERE d.experience_min IS NOT NULL)::BIGINT AS years_n,
           sum(d.postings) FILTER (WHERE NOT d.dated)::BIGINT AS undated
    FROM d, {periods}
    WHERE pr.period = 'current' OR d.dated
    GROUP BY 1
), k AS (
    SELECT pr.period, count(DISTINCT f.company) AS companies
    FROM firms f, {periods}
    WHERE pr.period = 'current' OR f.dated
    GROUP BY 1
), y AS (
{years}
), s AS (
{medians}
)
SELECT pr.period, b.d0 AS period_start, b.d1 AS period_end, coalesce(c.postings, 0) AS postings,
       coalesce(k.companies, 0) AS companies, s.median_salary_usd, coalesce(c.salary_n, 0) AS salary_n,
       c.share_remote, coalesce(c.remote_n, 0) AS remote_n, y.median_years, coalesce(c.years_n, 0) AS years_n,
       coalesce(c.undated, 0) AS undated
FROM {periods} CROSS JOIN bounds b
LEFT JOIN c USING (period) LEFT JOIN k USING (period) LEFT JOIN y USING (period) LEFT JOIN s USING (period)
UNION ALL
SELECT 'previous', (b.d0 - (b.d1 - b.d0 + 1)::INTEGER)::DATE, (b.d0 - 1)::DATE, 0, 0, NULL, 0, NULL, 0, NULL,
       0, 0
FROM bounds b
ORDER BY period"""
    res = run("overview.kpis", sql, {**firm_params, **row_params, **bin_params}, n=_current, db=db,
              notes=(*row_notes, *bin_notes, firm_note),
              caveats=salary.BINNED)
    # nothing selected: no median to qualify (a caveat would replace the page's "no postings match")
    return res if res.n else replace(res, caveats=())


def _renamed(sql: str, params: dict[str, Any], suffix: str) -> tuple[str, dict[str, Any]]:
    """``sql`` and ``params`` with every parameter name suffixed, so that the same filter's query for several
    periods (the same names, other dates) can go into one statement."""
    return (re.sub(r"\$(\w+)", rf"$\1{suffix}", sql), {f"{k}{suffix}": v for k, v in params.items()})


def _kpis_ranged(f: Filters, db: str | Path | None) -> QueryResult | None:
    """kpis from the rollups under a date range without a skill filter, else None.

    Each period (the selection, its dated part and the period of the same length before it) is a date range
    of its own: its whole months are rows of rollup_postings_detail (counts, remote shares, exact years;
    summed to places, rollup_postings_places, when the filters name no source or language),
    rollup_salary_detail (salary bins: the median within one bin, said in the caveats; salary.month_bins'
    smaller copies when they answer) and rollup_company_months (exact distinct companies;
    rollup_company_places when the filters name no work arrangement, source or language), the edge days of
    months it cuts are whole day blocks of the block copies and postings_dated's postings
    (detail.rows). The period's ends are the range's, or where it is open the first and last date
    of the selection, from rollup_company_cells. The same numbers as the query over postings (tests)."""
    if f.skills or (f.date_from is None and f.date_to is None):
        return None
    if not all(detail.usable(f, t, db) for t in (detail.COUNTS, detail.SALARIES, detail.COMPANY_MONTHS)):
        return None
    # the salary bins summed to month and levels when the filters name no other field (whose block copy
    # holds the edge days' whole blocks), else the full ones
    bins_table = salary.month_bins(f, db)
    # the counts and the companies summed to month, levels and places (whose day-block and day copies hold
    # a cut range's edge days: fewer rows than postings_dated's) when the filters name no field they summed
    # away; at 10M the headline under cut months 93 -> 66 ms of CPU
    count_table = (detail.PLACE_COUNTS if not (f.source or f.language)
                   and detail.usable(f, detail.PLACE_COUNTS, db) else detail.COUNTS)
    firm_table = (detail.COMPANY_PLACES if not (f.remote or f.source or f.language)
                  and detail.usable(f, detail.COMPANY_PLACES, db) else detail.COMPANY_MONTHS)
    tables = (count_table, bins_table, firm_table)
    d0, d1 = f.date_from, f.date_to
    if d0 is None or d1 is None:
        open_ends = detail.company_rows(replace(f, date_from=None, date_to=None), db)
        if open_ends is None:
            return None
        firms, firm_params, _ = open_ends
        df, _ = _db.query(f"SELECT min(c.first_date) AS d0, max(c.last_date) AS d1 FROM ({firms}) c",
                          firm_params, db)
        d0 = d0 if d0 is not None else df["d0"].iloc[0]
        d1 = d1 if d1 is not None else df["d1"].iloc[0]
        if pd.isna(d0) or pd.isna(d1):  # no dated posting: postings' query says so
            return None
        d0, d1 = pd.Timestamp(d0).date(), pd.Timestamp(d1).date()
    p0, p1 = previous_period(d0, d1)
    periods = {"current": f, "current_dated": replace(f, date_from=d0, date_to=d1, undated=False),
               "previous": replace(f, date_from=p0, date_to=p1, undated=False)}
    # A range with both ends: the dated period is the selection's dated rows, so each source is read once for
    # both (every read of a cut range takes its edge days from postings_dated again): at 10M the headline's
    # query 153-175 -> 118-139 ms under whole months, 232-242 -> 215-218 under cut months (nice -10, load 6-7)
    shared = f.date_from is not None and f.date_to is not None
    if shared:
        del periods["current_dated"]
    params: dict[str, Any] = {}
    keyed, key = detail.company_key("p", db)
    counts, bins, firms_of = [], [], []
    # The selection of a range with both ends stands for two periods ('current', and 'current_dated' without
    # the undated postings): its rows are summed once by whether they are dated, then counted in each period
    # (the rows joined to both periods first were twice the rows to group: at 10M, cut months, the companies
    # 845,000 rows by period and name, 55 ms of the headline's 125 ms CPU).
    both = (", (VALUES ('current'), ('current_dated')) pr(period) "
            "WHERE pr.period = 'current' OR NOT g.undated")
    for k, (period, fp) in enumerate(periods.items()):
        rows, rp = _renamed(*detail.rows(fp, count_table, db=db), f"_{k}")
        sal, sp = _renamed(*detail.rows(fp, bins_table, db=db), f"_{k}")
        com, cp = _renamed(*detail.rows(fp, firm_table, db=db), f"_{k}")
        params.update({**rp, **sp, **cp})
        if shared and period == "current":
            counts.append(f"""SELECT pr.period, g.* FROM (
        SELECT p.posted_month IS NULL AS undated, p.remote, p.experience_min, sum(p.postings) AS postings,
               sum(p.salaried) AS salaried
        FROM ({rows}) p GROUP BY ALL) g{both}""")
            bins.append(f"""SELECT pr.period, g.salary_bin, sum(g.c)::BIGINT AS c, min(g.lo) AS lo,
           max(g.hi) AS hi
    FROM (SELECT p.posted_month IS NULL AS undated, p.salary_bin, {salary.BIN_COUNTS.format(p="p")}
          FROM ({sal}) p GROUP BY ALL) g{both}
    GROUP BY ALL""")
            # count(company): postings without a company group under NULL, which is no company (QA round
            # twenty-six: 349 here against postings' 348 on the real exports)
            firms_of.append(f"""SELECT pr.period, count(g.company) AS companies FROM (
        SELECT {key} AS company, NOT bool_or(p.posted_month IS NOT NULL) AS undated
        FROM ({com}) p{keyed} GROUP BY 1) g{both}
    GROUP BY 1""")
            continue
        label = f"'{period}' AS period"
        counts.append(f"""SELECT {label}, p.posted_month IS NULL AS undated, p.remote, p.experience_min,
           sum(p.postings) AS postings, sum(p.salaried) AS salaried
    FROM ({rows}) p GROUP BY ALL""")
        bins.append(f"""SELECT {label}, p.salary_bin, {salary.BIN_COUNTS.format(p="p")}
    FROM ({sal}) p GROUP BY ALL""")
        firms_of.append(f"SELECT {label}, count(DISTINCT {key}) AS companies FROM ({com}) p{keyed}")
    union = "\n    UNION ALL\n    ".join
    years = salary.exact_by("""SELECT period, experience_min AS v, sum(postings)::BIGINT AS c
    FROM d WHERE experience_min IS NOT NULL GROUP BY ALL""", ("period",), "v", {"median_years": 0.5})
    medians = salary.binned_by("SELECT * FROM b", ("period",), {"median_salary_usd": 0.5})
    sql = f"""WITH d AS MATERIALIZED (
    {union(counts)}
), b AS (
    {union(bins)}
), k AS (
    {union(firms_of)}
), c AS (
    SELECT period, sum(postings)::BIGINT AS postings, sum(salaried)::BIGINT AS salary_n,
           coalesce(sum(postings) FILTER (WHERE remote = 'remote'), 0)
               / sum(postings) FILTER (WHERE remote IS NOT NULL) AS share_remote,
           sum(postings) FILTER (WHERE remote IS NOT NULL)::BIGINT AS remote_n,
           sum(postings) FILTER (WHERE experience_min IS NOT NULL)::BIGINT AS years_n,
           sum(postings) FILTER (WHERE undated)::BIGINT AS undated
    FROM d GROUP BY 1
), y AS (
{years}
), s AS (
{medians}
), pr AS (
    SELECT * FROM (VALUES ('current', $d0::DATE, $d1::DATE), ('current_dated', $d0::DATE, $d1::DATE),
                          ('previous', $p0::DATE, $p1::DATE)) v(period, period_start, period_end)
)
SELECT pr.period, pr.period_start, pr.period_end, coalesce(c.postings, 0) AS postings,
       coalesce(k.companies, 0) AS companies, s.median_salary_usd, coalesce(c.salary_n, 0) AS salary_n,
       c.share_remote, coalesce(c.remote_n, 0) AS remote_n, y.median_years, coalesce(c.years_n, 0) AS years_n,
       coalesce(c.undated, 0) AS undated
FROM pr LEFT JOIN c USING (period) LEFT JOIN k USING (period) LEFT JOIN y USING (period)
LEFT JOIN s USING (period)
ORDER BY period"""
    params.update({"d0": d0, "d1": d1, "p0": p0, "p1": p1})
    res = run("overview.kpis", sql, params, n=_current, db=db,
              notes=tuple(detail.NOTE[t] for t in tables), caveats=salary.BINNED)
    return res if res.n else replace(res, caveats=())


def postings_per_month(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per month (month, postings): every month of the range, empty ones 0 (every_month)."""
    if rollup and use_rollup(rollup_ok(f), "rollup_postings_month", db):
        cond, params = rollup_where(f)
        sql = f"""SELECT r.posted_month AS month, sum(r.postings)::BIGINT AS postings
FROM rollup_postings_month r
WHERE {cond} AND r.posted_month IS NOT NULL
GROUP BY 1"""
        notes: tuple[str, ...] = ("answered from rollup_postings_month",)
    elif rollup and (found := detail.counts(f, db)) is not None:  # a region, a language, a skill
        rows, params, rolled_notes = found
        sql = f"""SELECT p.posted_month AS month, sum(p.postings)::BIGINT AS postings
FROM ({rows}) p
WHERE p.posted_month IS NOT NULL
GROUP BY 1"""
        sql, params = every_month(sql, params, f, {"postings": "0"})
        return run("overview.postings_per_month", sql, params, n=lambda df: int(df["postings"].sum()),
                   db=db, notes=rolled_notes, caveats=detail.undated_caveat(f, db))
    else:
        cond, params = where(f, db=db)
        sql = f"""SELECT p.posted_month AS month, count(*) AS postings
FROM postings p
WHERE {cond} AND p.posted_month IS NOT NULL
GROUP BY 1"""
        notes = ()
    sql, params = every_month(sql, params, f, {"postings": "0"})
    return run("overview.postings_per_month", sql, params, n=lambda df: int(df["postings"].sum()),
               db=db, notes=notes, caveats=detail.undated_caveat(f, db, rollup))
