"""Skills page queries: demand, trend, movers, pairs, pay premium and senior expectations.

Why: "which skills do senior roles ask for, and which are rising" is the product's main
question. Skill counts and pairs come from the publish-time rollups when the filters
allow it (whole months, rolled-up dimensions) and from the base tables otherwise.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from analytics import db as _db
from analytics.filters import Filters, month_end, rollup_ok, rollup_where
from analytics.queries import (
    MIN_N,
    dated_in,
    detail,
    drop_null,
    every_month,
    first,
    in_params,
    none_dated,
    overview,
    run,
    salary,
    use_rollup,
    where,
)
from analytics.result import QueryResult

if TYPE_CHECKING:
    import pandas as pd

RESPONSIBILITY = "responsibility"
SKILL_MONTH = "rollup_skill_month"
# rollup_skill_month and rollup_skill_pairs summed to month, seniority and role family (rollups.sql)
SKILL_MONTH_LEVEL = "rollup_skill_month_level"
PAIRS_LEVEL = "rollup_skill_pairs_level"


def level_tables(f: Filters, db: str | Path | None = None) -> bool:
    """True when ``f`` names no skill and no list field but seniority and role family (salary.levels_only)
    and the warehouse has the skill rollups summed to those: they answer as the full ones do, from about 60x
    (counts) and 25x (pairs) fewer rows on 10,000,000 generated postings."""
    return (salary.levels_only(f) and _db.has_table(SKILL_MONTH_LEVEL, db)
            and _db.has_table(PAIRS_LEVEL, db))


def skill_month(f: Filters, db: str | Path | None = None) -> str:
    """The skill-count rollup to read under ``f`` (rollup_ok): the level one when it answers."""
    return SKILL_MONTH_LEVEL if level_tables(f, db) else SKILL_MONTH


def given_skill(f: Filters, db: str | Path | None = None, rollup: bool = True) -> str | None:
    """The one chosen skill when the pair rollup can stand in for the skill filter, else None.

    With one skill X chosen, "postings asking for Y among those asking for X" is the pair count (X, Y)
    per cell of rollup_skill_pairs (Y = X: X's own count in rollup_skill_month), so the Skills page's
    counts need no scan of posting_skills. Only for a skill that is not a responsibility (the pair
    rollup leaves those out) and otherwise rollup-friendly filters."""
    if not rollup or len(f.skills) != 1 or not rollup_ok(replace(f, skills=())):
        return None
    if not (_db.has_table("rollup_skill_pairs", db) and _db.has_table("rollup_skill_month", db)):
        return None
    df, _ = _db.query("SELECT count(*) FILTER (WHERE category = $r) AS resp FROM rollup_skill_month "
                      "WHERE skill = $s", {"s": f.skills[0], "r": RESPONSIBILITY}, db)
    return None if first(df, "resp") else f.skills[0]


# Postings asking for the given skill ($given) and each skill (its own count included), per cell, with
# the cell's dimensions: rollup_skill_month's shape under the filter "asks for $given". The pairs holding
# $given come from rollup_skill_pairs (sorted by skill_a) and rollup_skill_pairs_b (sorted by skill_b), each
# read only for $given's row groups; a warehouse without rollup_skill_pairs_b reads every pair (GIVEN_OR).
GIVEN = """SELECT c.posted_month, c.seniority, c.role_family, c.country, c.remote, c.source, p.skill,
           p.postings
    FROM (SELECT cell_id, skill_b AS skill, postings FROM rollup_skill_pairs WHERE skill_a = $given
          UNION ALL
          SELECT cell_id, skill_a, postings FROM rollup_skill_pairs_b WHERE skill_b = $given) p
    JOIN rollup_postings_month c USING (cell_id)
    UNION ALL
    SELECT m.posted_month, m.seniority, m.role_family, m.country, m.remote, m.source, m.skill, m.postings
    FROM rollup_skill_month m WHERE m.skill = $given"""
GIVEN_OR = """SELECT c.posted_month, c.seniority, c.role_family, c.country, c.remote, c.source,
           CASE WHEN p.skill_a = $given THEN p.skill_b ELSE p.skill_a END AS skill, p.postings
    FROM rollup_skill_pairs p JOIN rollup_postings_month c USING (cell_id)
    WHERE p.skill_a = $given OR p.skill_b = $given
    UNION ALL
    SELECT m.posted_month, m.seniority, m.role_family, m.country, m.remote, m.source, m.skill, m.postings
    FROM rollup_skill_month m WHERE m.skill = $given"""


def given_sql(db: str | Path | None) -> str:
    """GIVEN, or GIVEN_OR for a warehouse published before rollup_skill_pairs_b."""
    return GIVEN if _db.has_table("rollup_skill_pairs_b", db) else GIVEN_OR


# GIVEN from the rollups summed to month and level (level_tables): the same rows with those columns only. A
# skill's pairs as skill_b are a read of every row (231,000 on 10,000,000 generated postings, about 2 ms).
GIVEN_LEVEL = f"""SELECT p.posted_month, p.seniority, p.role_family, p.skill, p.postings
    FROM (SELECT posted_month, seniority, role_family, skill_b AS skill, postings FROM {PAIRS_LEVEL}
          WHERE skill_a = $given
          UNION ALL
          SELECT posted_month, seniority, role_family, skill_a, postings FROM {PAIRS_LEVEL}
          WHERE skill_b = $given) p
    UNION ALL
    SELECT m.posted_month, m.seniority, m.role_family, m.skill, m.postings
    FROM {SKILL_MONTH_LEVEL} m WHERE m.skill = $given"""


def given_source(f: Filters, db: str | Path | None = None) -> tuple[str, str, tuple[str, ...]]:
    """(the rows of the pairs holding $given in rollup_skill_month's shape, the skill-count rollup, notes) for
    ``f`` with one chosen skill (given_skill): from the level rollups when its other filters name the levels
    only, else GIVEN (given_sql)."""
    if level_tables(replace(f, skills=()), db):
        return GIVEN_LEVEL, SKILL_MONTH_LEVEL, (f"answered from {PAIRS_LEVEL} and {SKILL_MONTH_LEVEL}",)
    return given_sql(db), SKILL_MONTH, ("answered from rollup_skill_pairs and rollup_skill_month",)


def top_skills(f: Filters, limit: int = 20, db: str | Path | None = None, *, rollup: bool = True
               ) -> QueryResult:
    """The most asked-for skills (responsibilities left out): skill, category, postings, share."""
    params: dict = {}
    pre = ""
    given = given_skill(f, db, rollup)
    if given is not None:
        cond, params = rollup_where(replace(f, skills=()))
        params = {**params, "given": given}
        rows, table, notes = given_source(f, db)
        total = f"""SELECT coalesce(sum(r.postings), 0)::BIGINT AS n FROM {table} r
    WHERE {cond} AND r.skill = $given"""
        agg = f"""SELECT r.skill, k.category, sum(r.postings)::BIGINT AS postings
    FROM ({rows}) r
    JOIN (SELECT DISTINCT skill, category FROM {table}) k USING (skill)
    WHERE {cond} AND k.category <> $excluded
    GROUP BY ALL"""
    elif rollup and use_rollup(rollup_ok(f), "rollup_skill_month", db):
        cond, params = rollup_where(f)
        table = skill_month(f, db)
        total = f"SELECT coalesce(sum(r.postings), 0)::BIGINT AS n FROM rollup_postings_month r WHERE {cond}"
        agg = f"""SELECT r.skill, r.category, sum(r.postings)::BIGINT AS postings
    FROM {table} r
    WHERE {cond} AND r.category <> $excluded
    GROUP BY ALL"""
        notes = (f"answered from {table}",)
    elif (bits := detail.sets_bits(f, db, rollup)) is not None:  # skills, a region, a language
        rows, params, set_note = detail.set_rows(f, bits, db, monthly=False)
        pre = f"""sets AS (
    SELECT {", ".join(used := detail.used_words(db))}, sum(postings) AS n FROM ({rows}) p GROUP BY ALL
), """
        total = "SELECT coalesce(sum(n), 0)::BIGINT AS n FROM sets"
        agg = f"""SELECT b.skill, b.category, sum(s.n)::BIGINT AS postings
    FROM {detail.expand("sets", used)}
    WHERE b.category <> $excluded
    GROUP BY ALL"""
        notes = (set_note,)
    else:
        cond, params = where(f, db=db)
        total = f"SELECT count(*) AS n FROM postings p WHERE {cond}"
        agg = f"""SELECT s.skill, s.category, count(*) AS postings
    FROM posting_skills s JOIN postings p USING (posting_id)
    WHERE {cond} AND s.category <> $excluded
    GROUP BY ALL"""
        notes = ()
    params = {**params, "excluded": RESPONSIBILITY, "limit": limit}
    sql = f"""WITH {pre}total AS (
    {total}
), agg AS (
    {agg}
)
SELECT a.skill, a.category, a.postings, a.postings / nullif(t.n, 0) AS share, t.n AS total
FROM total t LEFT JOIN agg a ON TRUE
ORDER BY a.postings DESC NULLS LAST, a.skill
LIMIT $limit"""
    return run("skills.top_skills", sql, params, n=lambda df: first(df, "total"), db=db, notes=notes,
               post=drop_null("skill"))


def skill_trend(f: Filters, picks: tuple[str, ...], db: str | Path | None = None, *, rollup: bool = True
                ) -> QueryResult:
    """Monthly share of postings asking for each chosen skill: month, skill, postings, month_total, share."""
    params: dict = {}
    if rollup and use_rollup(rollup_ok(f), "rollup_skill_month", db):
        cond, params = rollup_where(f)
        months = f"""SELECT r.posted_month AS month, sum(r.postings)::BIGINT AS month_total
    FROM rollup_postings_month r WHERE {cond} AND r.posted_month IS NOT NULL GROUP BY 1"""
        table = skill_month(f, db)
        agg = f"""SELECT r.posted_month AS month, r.skill, sum(r.postings)::BIGINT AS postings
    FROM {table} r WHERE {cond} AND r.skill IN ({{picks}}) GROUP BY ALL"""
        notes: tuple[str, ...] = (f"answered from {table}",)
    elif (bits := _db.skill_bits(db)) is not None and all(pick in bits for pick in picks):
        # on the skill bitmap: one scan of the filtered postings counts every pick per month (no join of
        # posting_skills; same counts, tested)
        src = detail.weighted(f, db, rollup, sets_only=True)  # the skill sets summed per cell, or postings
        count, params, notes = src.weight, src.params, src.notes
        unique = tuple(dict.fromkeys(picks))
        counts = "".join(f",\n           coalesce(sum({count}) FILTER (WHERE (p.skill_bits_{bits[k][0]} & "
                         f"{1 << bits[k][1]}::UBIGINT) <> 0), 0)::BIGINT AS pick_{i}"
                         for i, k in enumerate(unique))
        names_u = in_params("upick", unique, params)
        months = f"""SELECT p.posted_month AS month, sum({count})::BIGINT AS month_total{counts}
    FROM {src.source} WHERE p.posted_month IS NOT NULL GROUP BY 1"""
        agg = " UNION ALL ".join(f"SELECT month, {name} AS skill, pick_{i} AS postings FROM dated"
                                 for i, name in enumerate(names_u.split(", "))) if unique else (
            "SELECT NULL::DATE AS month, NULL::VARCHAR AS skill, 0 AS postings WHERE FALSE")
    else:
        cond, params = where(f, db=db)
        months = f"""SELECT p.posted_month AS month, count(*) AS month_total
    FROM postings p WHERE {cond} AND p.posted_month IS NOT NULL GROUP BY 1"""
        agg = f"""SELECT p.posted_month AS month, s.skill, count(*) AS postings
    FROM posting_skills s JOIN postings p USING (posting_id)
    WHERE {cond} AND s.skill IN ({{picks}}) GROUP BY ALL"""
        notes = ()
    # every month of the range, an empty one with a total of 0 and no share (every_month: the line breaks
    # there, the axis spans the range, as Postings per month's bars)
    padded, params = every_month("SELECT month, month_total FROM dated", dict(params), f,
                                 {"month_total": "0::BIGINT"})
    names = in_params("pick", picks, params)
    sql = f"""WITH dated AS (
    {months}
), months AS (
    {padded}
), picked AS (
    SELECT unnest([{names}]::VARCHAR[]) AS skill
), agg AS (
    {agg.format(picks=names)}
)
SELECT m.month, k.skill, coalesce(a.postings, 0)::BIGINT AS postings, m.month_total,
       coalesce(a.postings, 0) / nullif(m.month_total, 0) AS share
FROM months m CROSS JOIN picked k
LEFT JOIN agg a ON a.month = m.month AND a.skill = k.skill
ORDER BY m.month, k.skill"""
    res = run("skills.skill_trend", sql, params, db=db, notes=notes,
              n=lambda df: int(df.drop_duplicates("month")["month_total"].sum()),
              caveats=detail.undated_caveat(f, db, rollup))
    return replace(res, caveats=(*res.caveats, *unseen_picks(res.df)))


def unseen_picks(df: pd.DataFrame) -> tuple[str, ...]:
    """The trend's note on the followed skills no dated posting under the filters asks for: they stay
    chosen when a filter leaves them out of the top skills, drawn flat at 0% (QA round thirteen: they were
    dropped from the choice and did not come back when the filter was undone), and the note says why."""
    if df.empty:  # no month at all: the empty chart gives its own reasons
        return ()
    totals = df.groupby("skill", sort=False)["postings"].sum()
    unseen = [str(s) for s, n in totals.items() if n == 0]
    if not unseen:
        return ()
    names = unseen[0] if len(unseen) == 1 else ", ".join(unseen[:-1]) + " and " + unseen[-1]
    verb, line = ("has", "its line stays") if len(unseen) == 1 else ("have", "their lines stay")
    return (f"{names} {verb} no dated postings under these filters: {line} at 0%",)


def whole_months(*periods: tuple[date, date]) -> bool:
    """True when every period starts on a month's first day and ends on its last (a rollup answers it)."""
    return all(lo.day == 1 and hi == month_end(hi) for lo, hi in periods)


def _periods_rollup(f: Filters, a: tuple[date, date], b: tuple[date, date], table: str,
                    db: str | Path | None, rollup: bool) -> bool:
    """Whether the two periods of ``f`` (its own dates aside) can be counted from ``table``."""
    undated = replace(f, date_from=None, date_to=None)
    return rollup and whole_months(a, b) and use_rollup(rollup_ok(undated), table, db)


def movers(f: Filters, a: tuple[date, date], b: tuple[date, date], min_count: int = 10,
           db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Change in share of postings per skill from period a to period b (skills with >= min_count postings).

    Whole-month periods (the default ones) are counted from the rollups, others from the base tables."""
    undated = replace(f, date_from=None, date_to=None)
    given = given_skill(undated, db, rollup) if whole_months(a, b) else None
    if given is not None:
        cond, params = rollup_where(replace(undated, skills=()))
        params = {**params, "given": given}
        in_a = "r.posted_month BETWEEN $a_from AND $a_to"
        in_b = "r.posted_month BETWEEN $b_from AND $b_to"
        rows, table, notes = given_source(undated, db)
        tot = f"""SELECT coalesce(sum(r.postings) FILTER (WHERE {in_a}), 0)::BIGINT AS n_a,
           coalesce(sum(r.postings) FILTER (WHERE {in_b}), 0)::BIGINT AS n_b
    FROM {table} r WHERE {cond} AND r.skill = $given"""
        agg = f"""SELECT r.skill, coalesce(sum(r.postings) FILTER (WHERE {in_a}), 0)::BIGINT AS count_a,
           coalesce(sum(r.postings) FILTER (WHERE {in_b}), 0)::BIGINT AS count_b
    FROM ({rows}) r
    JOIN (SELECT DISTINCT skill, category FROM {table}) k USING (skill)
    WHERE {cond} AND k.category <> $excluded AND ({in_a} OR {in_b})
    GROUP BY 1"""
        base = ""
    elif _periods_rollup(f, a, b, "rollup_skill_month", db, rollup):
        cond, params = rollup_where(replace(f, date_from=None, date_to=None))
        in_a = "r.posted_month BETWEEN $a_from AND $a_to"
        in_b = "r.posted_month BETWEEN $b_from AND $b_to"
        tot = f"""SELECT coalesce(sum(r.postings) FILTER (WHERE {in_a}), 0)::BIGINT AS n_a,
           coalesce(sum(r.postings) FILTER (WHERE {in_b}), 0)::BIGINT
               AS n_b
    FROM rollup_postings_month r WHERE {cond}"""
        table = skill_month(undated, db)
        agg = f"""SELECT r.skill, coalesce(sum(r.postings) FILTER (WHERE {in_a}), 0)::BIGINT AS count_a,
           coalesce(sum(r.postings) FILTER (WHERE {in_b}), 0)::BIGINT AS count_b
    FROM {table} r
    WHERE {cond} AND r.category <> $excluded AND ({in_a} OR {in_b})
    GROUP BY 1"""
        base = ""
        notes = (f"answered from {table}",)
    elif whole_months(a, b) and (bits := detail.sets_bits(undated, db, rollup)) is not None:
        rows, params = detail.rows(undated, detail.SETS, bits)
        base = f"""sets AS (
    SELECT CASE WHEN p.posted_month BETWEEN $a_from AND $a_to THEN 'a'
                WHEN p.posted_month BETWEEN $b_from AND $b_to THEN 'b' END AS period,
           {", ".join(used := detail.used_words(db))}, sum(p.postings) AS n
    FROM ({rows}) p GROUP BY ALL
), """
        tot = """SELECT coalesce(sum(n) FILTER (WHERE period = 'a'), 0)::BIGINT AS n_a,
           coalesce(sum(n) FILTER (WHERE period = 'b'), 0)::BIGINT AS n_b FROM sets"""
        agg = f"""SELECT b.skill, coalesce(sum(s.n) FILTER (WHERE s.period = 'a'), 0)::BIGINT AS count_a,
           coalesce(sum(s.n) FILTER (WHERE s.period = 'b'), 0)::BIGINT AS count_b
    FROM {detail.expand("sets", used)}
    WHERE s.period IS NOT NULL AND b.category <> $excluded
    GROUP BY 1"""
        notes = (detail.NOTE[detail.SETS],)
    else:
        cond, params = where(f, dates=False, db=db)
        base = f"""base AS (
    SELECT p.posting_id,
           CASE WHEN p.posted_date BETWEEN $a_from AND $a_to THEN 'a'
                WHEN p.posted_date BETWEEN $b_from AND $b_to THEN 'b' END AS period
    FROM postings p
    WHERE {cond}
), """
        tot = ("SELECT count(*) FILTER (WHERE period = 'a') AS n_a, count(*) FILTER (WHERE period = 'b') "
               "AS n_b FROM base")
        agg = """SELECT s.skill, count(*) FILTER (WHERE b.period = 'a') AS count_a,
           count(*) FILTER (WHERE b.period = 'b') AS count_b
    FROM base b JOIN posting_skills s USING (posting_id)
    WHERE b.period IS NOT NULL AND s.category <> $excluded
    GROUP BY 1"""
        notes = ()
    params = {**params, "a_from": a[0], "a_to": a[1], "b_from": b[0], "b_to": b[1],
              "min_count": min_count, "excluded": RESPONSIBILITY}
    sql = f"""WITH {base}tot AS (
    {tot}
), agg AS (
    {agg}
)
SELECT a.skill, a.count_a, a.count_b, t.n_a, t.n_b,
       a.count_a / nullif(t.n_a, 0) AS share_a, a.count_b / nullif(t.n_b, 0) AS share_b,
       a.count_b / nullif(t.n_b, 0) - a.count_a / nullif(t.n_a, 0) AS change
FROM tot t LEFT JOIN agg a ON a.count_a + a.count_b >= $min_count
ORDER BY change DESC NULLS LAST, a.skill"""
    # the totals' row stays (skill NULL) when no skill reaches the minimum, so the periods' sizes are known
    res = run("skills.movers", sql, params, db=db, notes=notes,
              n=lambda df: first(df, "n_a") + first(df, "n_b"))
    n_a, n_b = first(res.df, "n_a"), first(res.df, "n_b")
    res = replace(res, df=drop_null("skill")(res.df).reset_index(drop=True))
    caveats = mix_caveats(f, a, b, db, rollup=rollup)
    if res.n and (min(n_a, n_b) == 0 or overlap(a, b)):
        # one period without dated postings: every "change" would be +/-100% of nothing - refuse; periods
        # sharing days count their postings twice or once by the path that answers - refuse too
        return replace(res, df=res.df.iloc[0:0], n=0, caveats=caveats)
    if res.n and res.df.empty:  # the minimum left every skill out: that alone, as the empty chart's message
        # (the other caveats are about changes drawn: a small period's grey bars, the periods' sources)
        caveats = (f"no skill is asked for by {min_count:,} or more of the {res.n:,} postings of the two "
                   "periods; lower the minimum",)
        if min_count > res.n:  # no skill could reach it (German postings: 10 of 7; QA round twenty-nine)
            caveats = (f"the two periods hold {res.n:,} dated postings ({n_a:,} earlier, {n_b:,} later), "
                       f"fewer than the minimum of {min_count:,} a skill must be asked for by, so no skill "
                       f"can reach it; lower the minimum to {res.n:,} or less",)
    return replace(res, caveats=caveats)


def dated_days(f: Filters, db: str | Path | None = None) -> QueryResult:
    """Dated postings per day under ``f`` (day, postings), for the movers' default periods where fewer than
    two whole months hold them (analytics.figures.skills.default_split) and for an empty comparison's
    reason. From the postings: no rollup keeps days; asked only where the whole-month split cannot serve."""
    cond, params = where(f, db=db)
    sql = f"""SELECT p.posted_date AS day, count(*) AS postings
FROM postings p
WHERE {cond} AND p.posted_date IS NOT NULL
GROUP BY 1
ORDER BY 1"""
    return run("skills.dated_days", sql, params, db=db, n=lambda df: int(df["postings"].sum()))


MIX_LIMIT = 0.2  # total variation distance between the periods' source mixes that makes movers suspect


def source_mix_by_period(f: Filters, a: tuple[date, date], b: tuple[date, date], db: str | Path | None = None,
                         *, rollup: bool = True) -> QueryResult:
    """Postings per source in each of the movers' periods: source, n_a, n_b, share_a, share_b."""
    if _periods_rollup(f, a, b, "rollup_postings_month", db, rollup):
        cond, params = rollup_where(replace(f, date_from=None, date_to=None))
        counts = f"""SELECT r.source,
           coalesce(sum(r.postings) FILTER (WHERE r.posted_month BETWEEN $a_from AND $a_to), 0)::BIGINT
               AS n_a,
           coalesce(sum(r.postings) FILTER (WHERE r.posted_month BETWEEN $b_from AND $b_to), 0)::BIGINT
               AS n_b
    FROM rollup_postings_month r WHERE {cond} GROUP BY 1"""
        notes: tuple[str, ...] = ("answered from rollup_postings_month",)
    elif whole_months(a, b) and (given := given_skill(replace(f, date_from=None, date_to=None), db,
                                                      rollup)) is not None:
        # one chosen skill: the postings asking for it are its rows of rollup_skill_month, which keep the
        # source (the skill sets' rows by month were 25-35 ms of the movers' 80 on 10,000,000 postings)
        cond, params = rollup_where(replace(f, date_from=None, date_to=None, skills=()))
        params = {**params, "given": given}
        counts = f"""SELECT r.source,
           coalesce(sum(r.postings) FILTER (WHERE r.posted_month BETWEEN $a_from AND $a_to), 0)::BIGINT
               AS n_a,
           coalesce(sum(r.postings) FILTER (WHERE r.posted_month BETWEEN $b_from AND $b_to), 0)::BIGINT
               AS n_b
    FROM rollup_skill_month r WHERE {cond} AND r.skill = $given GROUP BY 1"""
        notes = ("answered from rollup_skill_month",)
    elif whole_months(a, b) and (bits := detail.sets_bits(undated := replace(f, date_from=None, date_to=None),
                                                          db, rollup)) is not None:
        rows, params = detail.rows(undated, detail.SETS, bits)
        counts = f"""SELECT p.source,
           coalesce(sum(p.postings) FILTER (WHERE p.posted_month BETWEEN $a_from AND $a_to), 0)::BIGINT
               AS n_a,
           coalesce(sum(p.postings) FILTER (WHERE p.posted_month BETWEEN $b_from AND $b_to), 0)::BIGINT
               AS n_b
    FROM ({rows}) p GROUP BY 1"""
        notes = (detail.NOTE[detail.SETS],)
    else:
        cond, params = where(f, dates=False, db=db)
        counts = f"""SELECT p.source,
           count(*) FILTER (WHERE p.posted_date BETWEEN $a_from AND $a_to) AS n_a,
           count(*) FILTER (WHERE p.posted_date BETWEEN $b_from AND $b_to) AS n_b
    FROM postings p WHERE {cond} GROUP BY 1"""
        notes = ()
    params = {**params, "a_from": a[0], "a_to": a[1], "b_from": b[0], "b_to": b[1]}
    sql = f"""WITH c AS (
    {counts}
)
SELECT source, n_a, n_b, n_a / nullif(sum(n_a) OVER (), 0) AS share_a,
       n_b / nullif(sum(n_b) OVER (), 0) AS share_b
FROM c WHERE n_a + n_b > 0 ORDER BY n_a + n_b DESC, source"""
    return run("skills.source_mix_by_period", sql, params, db=db, notes=notes,
               n=lambda df: int(df["n_a"].sum() + df["n_b"].sum()))


def overlap(a: tuple[date, date], b: tuple[date, date]) -> bool:
    """Whether the movers' two periods share a day (the default periods of a one-day range are that day
    twice; a reader may pick any). Pure."""
    return a[0] <= b[1] and b[0] <= a[1]


def mix_caveats(f: Filters, a: tuple[date, date], b: tuple[date, date], db: str | Path | None = None,
                *, rollup: bool = True) -> tuple[str, ...]:
    """Warnings for the movers: a period under MIN_N postings, or periods from different sources."""
    df = source_mix_by_period(f, a, b, db, rollup=rollup).df
    n_a, n_b = int(df["n_a"].sum()), int(df["n_b"].sum())
    out: list[str] = []
    if n_a == n_b == 0 and _none_dated(f, db, rollup):
        # under a source giving no dates (No Fluff Jobs on the real samples) "choose periods that both hold
        # postings" asked for what no period can give (QA round twelve)
        out.append(f"{none_dated(dated_in(f))}, so no change over time can be shown (the movers compare "
                   "dated postings)")
    elif (min(n_a, n_b) == 0 or overlap(a, b)) and len(days := dated_days(f, db).df) == 1:
        # no two periods can both hold postings: "choose periods that both hold postings" asked for what no
        # choice gives (German postings on the real exports before QA round twenty-eight: 7 over three days)
        n, day = int(days["postings"].iloc[0]), days["day"].iloc[0]
        who = "the one dated posting falls" if n == 1 else f"all {n:,} dated postings fall"
        out.append(f"{who} on one day, {day:%Y-%m-%d}, so no two periods can both hold postings and no "
                   "change over time can be shown")
    elif min(n_a, n_b) == 0:
        which = ("neither period has" if n_a == n_b == 0
                 else f"{'the earlier' if n_a == 0 else 'the later'} period has no")
        out.append(f"{which} dated postings ({n_a:,} earlier, {n_b:,} later), so nothing to compare; choose "
                   "periods that both hold postings")
    elif overlap(a, b):
        # a posting of both periods counted in each (the rollups) or in the earlier alone (the postings):
        # no change of share can be read (hqa32 ruling 2: a one-day range made both periods that day)
        out.append(f"the periods overlap ({a[0]:%Y-%m-%d} to {a[1]:%Y-%m-%d} and {b[0]:%Y-%m-%d} to "
                   f"{b[1]:%Y-%m-%d}), so nothing to compare; choose a later period that starts after the "
                   "earlier one ends")
    elif min(n_a, n_b) < MIN_N:
        out.append(f"Fewer than {MIN_N} dated postings in a period ({n_a:,} earlier, {n_b:,} later): "
                   "the changes are drawn grey and hatched, read with care")
    if n_a and n_b and (shift := source_shift(df)) is not None:
        out.append(f"The periods come from different sources ({shift}): a change may be a change of source, "
                   "not of demand. Pick one source in the sidebar to compare like with like")
    return tuple(out)


def _none_dated(f: Filters, db: str | Path | None, rollup: bool) -> bool:
    """True when postings match ``f`` and none of them carries a date (the Overview's postings per month and
    its count of undated postings, from a rollup where one answers; asked only for movers with two empty
    periods). Of no posting at all, "none of them carries a date" misled (QA round seventeen)."""
    return bool(overview.postings_per_month(f, db, rollup=rollup).df.empty) and bool(
        detail.undated_caveat(f, db, rollup))


def source_shift(df: pd.DataFrame) -> str | None:
    """"earlier: a 80%, b 20%; later: c 100%" when the two periods' source mixes (source_mix_by_period's
    rows) differ by more than MIX_LIMIT (total variation distance), else None; shared by the movers and the
    Overview's change (analytics.figures.overview)."""
    if df.empty or not int(df["n_a"].sum()) or not int(df["n_b"].sum()):
        return None
    tvd = 0.5 * float((df["share_a"].fillna(0) - df["share_b"].fillna(0)).abs().sum())
    if tvd <= MIX_LIMIT:
        return None

    def mix(col: str) -> str:
        top = df.sort_values(col, ascending=False).head(3)
        return ", ".join(f"{s} {v:.0%}" for s, v in zip(top["source"], top[col]) if v > 0)
    return f"earlier: {mix('share_a')}; later: {mix('share_b')}"


def cooccurrence(f: Filters, top_n: int = 12, db: str | Path | None = None, *, rollup: bool = True
                 ) -> QueryResult:
    """How often the top skills appear together: skill_a, skill_b, together, share (both orders)."""
    bits = _db.skill_bits(db)
    if rollup and use_rollup(rollup_ok(f), "rollup_skill_pairs", db):
        cond, params = rollup_where(f)
        table = skill_month(f, db)
        total = f"SELECT coalesce(sum(r.postings), 0)::BIGINT AS n FROM rollup_postings_month r WHERE {cond}"
        top = f"""SELECT r.skill, sum(r.postings) AS postings FROM {table} r
    WHERE {cond} AND r.category <> $excluded GROUP BY 1 ORDER BY postings DESC, r.skill LIMIT $top_n"""
        if level_tables(f, db):  # the pairs summed to month and level: the same filters on its own columns
            pairs = f"""SELECT r.skill_a, r.skill_b, sum(r.postings)::BIGINT AS together FROM {PAIRS_LEVEL} r
    WHERE {cond} AND r.skill_a IN (SELECT skill FROM top) AND r.skill_b IN (SELECT skill FROM top)
    GROUP BY ALL"""
            notes: tuple[str, ...] = (f"answered from {table} and {PAIRS_LEVEL}",)
        else:
            cells, _ = rollup_where(f, "c")  # the same parameters under another alias
            pairs = f"""SELECT r.skill_a, r.skill_b, sum(r.postings)::BIGINT AS together
    FROM rollup_skill_pairs r
    WHERE r.cell_id IN (SELECT c.cell_id FROM rollup_postings_month c WHERE {cells})
      AND r.skill_a IN (SELECT skill FROM top) AND r.skill_b IN (SELECT skill FROM top)
    GROUP BY ALL"""
            notes = ("answered from rollup_skill_month and rollup_skill_pairs",)
    elif bits is not None and detail.sets_bits(f, db, rollup) is not None:
        return _cooccurrence_on_sets(f, top_n, db, rollup)
    elif bits is not None and (ranked := top_skills(f, top_n, db, rollup=rollup)).df["skill"].isin(
            bits).all():
        return _cooccurrence_on_bits(f, ranked, bits, db, rollup)
    else:
        cond, params = where(f, db=db)
        total = f"SELECT count(*) AS n FROM postings p WHERE {cond}"
        top = f"""SELECT s.skill, count(*) AS postings
    FROM posting_skills s JOIN postings p USING (posting_id)
    WHERE {cond} AND s.category <> $excluded GROUP BY 1 ORDER BY postings DESC, s.skill LIMIT $top_n"""
        pairs = f"""SELECT a.skill AS skill_a, b.skill AS skill_b, count(*) AS together
    FROM posting_skills a
    JOIN posting_skills b ON b.posting_id = a.posting_id AND a.skill < b.skill
    JOIN postings p ON p.posting_id = a.posting_id
    WHERE {cond} AND a.skill IN (SELECT skill FROM top) AND b.skill IN (SELECT skill FROM top)
    GROUP BY ALL"""
        notes = ()
    params = {**params, "excluded": RESPONSIBILITY, "top_n": top_n}
    sql = f"""WITH total AS (
    {total}
), top AS (
    {top}
), pairs AS (
    {pairs}
){PAIRS_OUT}"""
    return run("skills.cooccurrence", sql, params, db=db, notes=notes, n=lambda df: first(df, "total"))


def _bit_rows(f: Filters, bits: dict[str, tuple[int, int]], db: str | Path | None, rollup: bool
              ) -> tuple[str, str, dict[str, object], tuple[str, ...]]:
    """The rows carrying each selected posting's skill bits, for a scan over them: (FROM source aliased p,
    the postings each row stands for, params, notes) - rollup_skill_sets' rows summed by set and cell where
    it answers ``f``, else the filtered postings one a row."""
    if detail.sets_bits(f, db, rollup) is not None:
        rows, params, note = detail.set_rows(f, bits, db, monthly=False)
        return f"({rows}) p", "sum(p.postings)", params, (note,)
    cond, params = where(f, db=db)
    return f"postings p WHERE {cond}", "count(*)", params, ()


def _cooccurrence_on_bits(f: Filters, ranked: QueryResult, bits: dict[str, tuple[int, int]],
                          db: str | Path | None, rollup: bool = True) -> QueryResult:
    """The pairs chart counted on the skill bitmap: the top skills are ``ranked`` (top_skills under the
    same filters: from the rollups for one chosen skill), and one scan of the filtered postings numbers each
    posting by which of them it asks for (bit k for the k-th top skill); pairs are summed over those
    numbers (at most 2^top_n of them).

    Why: under a skill filter, a region or dates cut inside months there is no pair rollup, and the
    self-join of posting_skills behind each pair cost 0.3-1 s of CPU on 1,000,000 postings; this scan is a
    few integer operations per posting. Same answer (tests compare it with the self-join). The postings'
    skill sets are read from rollup_skill_sets when it answers (postings summed by set and cell)."""
    source, count, params, notes = _bit_rows(f, bits, db, rollup)
    params = {**params, "total": ranked.n}
    code = " | ".join(
        f"(((p.skill_bits_{bits[skill][0]} >> {bits[skill][1]}) & 1) << {k})"
        for k, skill in enumerate(ranked.df["skill"])
    ) or "0"
    names = in_params("top", tuple(ranked.df["skill"]), params)
    counts = ", ".join(str(int(n)) for n in ranked.df["postings"])  # integers from top_skills, not user text
    top = (f"""SELECT unnest([{names}]::VARCHAR[]) AS skill, unnest([{counts}]::BIGINT[]) AS postings,
           unnest(range({len(ranked.df)})) AS k""" if len(ranked.df)
           else "SELECT NULL::VARCHAR AS skill, NULL::BIGINT AS postings, NULL::BIGINT AS k WHERE FALSE")
    sql = f"""WITH total AS (
    SELECT $total::BIGINT AS n
), top AS (
    {top}
), codes AS (
    SELECT ({code})::UBIGINT AS code, {count} AS n FROM {source} GROUP BY 1
), pairs AS (
    SELECT x.skill AS skill_a, y.skill AS skill_b, sum(c.n)::BIGINT AS together
    FROM codes c JOIN top x ON (c.code >> x.k) & 1 = 1 JOIN top y ON y.k > x.k AND (c.code >> y.k) & 1 = 1
    GROUP BY ALL
){PAIRS_OUT}"""
    return run("skills.cooccurrence", sql, params, db=db, n=lambda df: first(df, "total"), notes=notes)


def _cooccurrence_on_sets(f: Filters, top_n: int, db: str | Path | None, rollup: bool) -> QueryResult:
    """The pairs chart from rollup_skill_sets (detail.sets_bits answers) in one statement: the rows under
    ``f`` summed per skill set, the top skills ranked from the sets expanded into skills (as top_skills ranks
    them: responsibilities left out, most postings first, ties by name), each set numbered by which of them it
    holds (bit k for the k-th), and the pairs summed over those numbers.

    Why one statement: top_skills and then the pairs over the rows read the rows twice (under a range cut
    inside months: the whole months, the day blocks and the edge days), and numbered each row rather than each
    set. Same answer as _cooccurrence_on_bits (tests compare both with the self-join of posting_skills)."""
    rows, params, note = detail.set_rows(f, _db.skill_bits(db) or {}, db, monthly=False)
    used = detail.used_words(db)
    word = "CASE t.word " + " ".join(f"WHEN {k} THEN s.{w}" for k, w in enumerate(used)) + " END"
    sql = f"""WITH sets AS MATERIALIZED (
    SELECT {", ".join(used)}, sum(p.postings) AS n FROM ({rows}) p GROUP BY ALL
), total AS (
    SELECT coalesce(sum(n), 0)::BIGINT AS n FROM sets
), ranked AS (
    SELECT b.skill, b.word, b.bit, sum(s.n)::BIGINT AS postings
    FROM {detail.expand("sets", used)}
    WHERE b.category <> $excluded
    GROUP BY ALL
), top AS (
    SELECT skill, postings, word, bit, row_number() OVER (ORDER BY postings DESC, skill) - 1 AS k
    FROM ranked ORDER BY postings DESC, skill LIMIT $top_n
), coded AS (
    SELECT {", ".join(f"s.{w}" for w in used)}, any_value(s.n) AS n,
           bit_or(1::UBIGINT << t.k::UBIGINT) AS code
    FROM sets s JOIN top t ON ({word}) & (1::UBIGINT << t.bit::UBIGINT) <> 0
    GROUP BY ALL
), codes AS (
    SELECT code, sum(n) AS n FROM coded GROUP BY 1
), pairs AS (
    SELECT x.skill AS skill_a, y.skill AS skill_b, sum(c.n)::BIGINT AS together
    FROM codes c JOIN top x ON (c.code >> x.k::UBIGINT) & 1::UBIGINT = 1
    JOIN top y ON y.k > x.k AND (c.code >> y.k::UBIGINT) & 1::UBIGINT = 1
    GROUP BY ALL
){PAIRS_OUT}"""
    params = {**params, "excluded": RESPONSIBILITY, "top_n": top_n}
    return run("skills.cooccurrence", sql, params, db=db, n=lambda df: first(df, "total"), notes=(note,))


def paired(f: Filters, drawn: tuple[str, ...], db: str | Path | None = None, *, rollup: bool = True
           ) -> QueryResult:
    """Of the postings ``f`` selects, how many ask for two or more of the ``drawn`` skills (the pairs
    chart's skills): one row, column paired. Every pair the map counts comes from these postings, so this is
    its real sample (hqa30 ruling 1: under French postings every cell came from one posting that asked for
    nine of the twelve skills, under "n = 149 postings"). From rollup_skill_sets where it answers, else the
    skill bitmap of postings, else posting_skills."""
    bits = _db.skill_bits(db)
    params: dict[str, object] = {}
    if not drawn:
        sql = "SELECT 0::BIGINT AS paired"
        return run("skills.paired", sql, params, db=db, n=lambda df: first(df, "paired"))
    notes: tuple[str, ...] = ()
    if bits is not None and all(skill in bits for skill in drawn):
        hits = " + ".join(f"((p.skill_bits_{bits[s][0]} >> {bits[s][1]}) & 1)::INTEGER" for s in drawn)
        source, count, params, notes = _bit_rows(f, bits, db, rollup)
        sql = f"""SELECT coalesce(sum(n), 0)::BIGINT AS paired
FROM (SELECT {hits} AS hits, {count} AS n FROM {source} GROUP BY 1)
WHERE hits >= 2"""
    else:
        cond, params = where(f, db=db)
        names = in_params("drawn", drawn, params)
        sql = f"""SELECT count(*)::BIGINT AS paired
FROM (SELECT s.posting_id FROM posting_skills s JOIN postings p USING (posting_id)
      WHERE {cond} AND s.skill IN ({names})
      GROUP BY 1 HAVING count(DISTINCT s.skill) >= 2)"""
    return run("skills.paired", sql, params, db=db, notes=notes, n=lambda df: first(df, "paired"))


# The pairs chart's answer from CTEs total (n), top (skill, postings) and pairs (skill_a, skill_b, together).
PAIRS_OUT = """, both_orders AS (
    SELECT skill_a, skill_b, together FROM pairs
    UNION ALL
    SELECT skill_b, skill_a, together FROM pairs
)
SELECT x.skill AS skill_a, y.skill AS skill_b, coalesce(o.together, 0)::BIGINT AS together,
       coalesce(o.together, 0) / nullif(t.n, 0) AS share, t.n AS total
FROM total t
CROSS JOIN top x CROSS JOIN top y
LEFT JOIN both_orders o ON o.skill_a = x.skill AND o.skill_b = y.skill
WHERE x.skill <> y.skill
ORDER BY x.postings DESC, x.skill, y.postings DESC, y.skill"""


def salary_premium(f: Filters, limit: int = 20, db: str | Path | None = None, *, rollup: bool = True
                   ) -> QueryResult:
    """Median salary of postings asking for each skill against the overall median, with n.

    Rows are the ``limit`` skills with most salaried postings; ``enough`` is n >= MIN_N. From
    rollup_salary_bins when the filters allow, else from rollup_salary_sets under a skill filter, a region or
    a language without a date range (medians within one bin of the exact ones, said in the caveats), else
    exact from the base tables.
    """
    notes: tuple[str, ...] = ()
    if rollup and use_rollup(salary.bins_ok(f), "rollup_salary_bins", db):
        q, params = salary.binned(f, {"median": 0.5}, db, limit)
        notes = (f"answered from {salary.bins_table(f, db)}",)
    elif (bits := salary.set_bits(f, db, rollup)) is not None:  # a skill filter, a region or a language
        q, params = salary.binned_sets(f, bits, {"median": 0.5}, db, limit)
        notes = (f"answered from {salary.SETS}",)
    elif salary.months_ok(f, db, rollup):  # a date range
        q, params = salary.months_binned(f, {"median": 0.5}, db, limit)
        notes = (f"answered from {salary.SKILL_MONTHS}",)
    if notes:
        params = {**params, "limit": limit, "min_n": MIN_N}
        sql = f"""WITH q AS (
    {q}
)
SELECT a.skill, a.n, a.median AS median_salary_usd, o.median AS overall_median,
       a.median - o.median AS premium_usd, a.median / nullif(o.median, 0) - 1 AS premium_share,
       a.n >= $min_n AS enough, o.n AS total
FROM (SELECT * FROM q WHERE skill IS NULL) o LEFT JOIN (SELECT * FROM q WHERE skill IS NOT NULL) a ON TRUE
ORDER BY a.n DESC NULLS LAST, a.skill
LIMIT $limit"""
        return run(
            "skills.salary_premium",
            sql,
            params,
            db=db,
            n=lambda df: first(df, "total"),
            post=drop_null("skill"),
            notes=notes,
            caveats=salary.BINNED,
        )
    cond, params = where(f, db=db)
    params = {**params, "excluded": RESPONSIBILITY, "limit": limit, "min_n": MIN_N}
    sql = f"""WITH base AS (
    SELECT p.posting_id, p.salary_usd_mid AS salary
    FROM postings p
    WHERE {cond} AND p.salary_plausible AND p.salary_usd_mid IS NOT NULL
), overall AS (
    SELECT count(*) AS total, median(salary) AS overall_median FROM base
), agg AS (
    SELECT s.skill, count(*) AS n, median(b.salary) AS median_salary_usd
    FROM base b JOIN posting_skills s USING (posting_id)
    WHERE s.category <> $excluded
    GROUP BY 1
)
SELECT a.skill, a.n, a.median_salary_usd, o.overall_median,
       a.median_salary_usd - o.overall_median AS premium_usd,
       a.median_salary_usd / nullif(o.overall_median, 0) - 1 AS premium_share,
       a.n >= $min_n AS enough, o.total
FROM overall o LEFT JOIN agg a ON TRUE
ORDER BY a.n DESC NULLS LAST, a.skill
LIMIT $limit"""
    return run("skills.salary_premium", sql, params, db=db, n=lambda df: first(df, "total"),
               post=drop_null("skill"))


def _responsibility_bits(db: str | Path | None) -> tuple[str, ...] | None:
    """The responsibilities (skills whose every posting_skills row is a responsibility) when the bitmap can
    count them exactly: every skill has a bit and one category; else None."""
    bits, cats = _db.skill_bits(db), _db.skill_categories(db)
    if bits is None or cats is None or len(bits) >= 512 or any(c is None for c in cats.values()):
        return None  # a skill without a bit, or with rows of several categories: the join counts
    return tuple(sorted(s for s, c in cats.items() if c == RESPONSIBILITY))


def responsibilities(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """What roles expect beyond code, by seniority: seniority, level_total, skill, postings, share."""
    if rollup and use_rollup(rollup_ok(f), "rollup_skill_month", db):
        cond, params = rollup_where(f)
        levels = f"""SELECT r.seniority, sum(r.postings)::BIGINT AS level_total
    FROM rollup_postings_month r WHERE {cond} GROUP BY 1"""
        table = skill_month(f, db)
        agg = f"""SELECT r.seniority, r.skill, sum(r.postings)::BIGINT AS postings
    FROM {table} r
    WHERE {cond} AND r.category = $category
    GROUP BY ALL"""
        base = ""
        notes: tuple[str, ...] = (f"answered from {table}",)
    elif (resp := _responsibility_bits(db)) is not None:
        # on the skill bitmap: one scan of the filtered postings counts each responsibility per level (no
        # join of posting_skills; same counts, tested)
        bits = _db.skill_bits(db) or {}
        # the skill sets summed per cell (over the months: no month drawn), or postings
        src = detail.weighted(f, db, rollup, sets_only=True, monthly=False)
        source, count, params, notes = src.source, src.weight, src.params, src.notes
        names = in_params("resp", resp, params).split(", ") if resp else []
        counts = "".join(f",\n           coalesce(sum({count}) FILTER (WHERE (p.skill_bits_{bits[k][0]} & "
                         f"{1 << bits[k][1]}::UBIGINT) <> 0), 0)::BIGINT AS resp_{i}"
                         for i, k in enumerate(resp))
        base = f"""wide AS (
    SELECT p.seniority, sum({count})::BIGINT AS level_total{counts}
    FROM {source} GROUP BY 1
), """
        levels = "SELECT seniority, level_total FROM wide"
        agg = " UNION ALL ".join(f"SELECT seniority, {name} AS skill, resp_{i} AS postings FROM wide "
                                 f"WHERE resp_{i} > 0" for i, name in enumerate(names)) or (
            "SELECT NULL::VARCHAR AS seniority, NULL::VARCHAR AS skill, 0 AS postings WHERE FALSE")
    else:
        cond, params = where(f, db=db)
        base = f"""base AS (
    SELECT p.posting_id, p.seniority FROM postings p WHERE {cond}
), """
        levels = "SELECT seniority, count(*) AS level_total FROM base GROUP BY 1"
        agg = """SELECT b.seniority, s.skill, count(*) AS postings
    FROM base b JOIN posting_skills s USING (posting_id)
    WHERE s.category = $category
    GROUP BY ALL"""
        notes = ()
    if "$category" in agg:
        params = {**params, "category": RESPONSIBILITY}
    sql = f"""WITH {base}levels AS (
    {levels}
), agg AS (
    {agg}
)
SELECT l.seniority, l.level_total, a.skill, a.postings, a.postings / l.level_total AS share
FROM levels l LEFT JOIN agg a ON a.seniority = l.seniority
ORDER BY l.seniority, a.postings DESC NULLS LAST, a.skill"""
    return run("skills.responsibilities", sql, params, db=db, notes=notes,
               n=lambda df: int(df.drop_duplicates("seniority")["level_total"].sum()),
               post=drop_null("skill"))
