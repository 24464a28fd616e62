"""Regions page queries: where the postings are, what they pay, how remote they are.

Why: senior developers compare markets. Countries come as ISO 3166-1 alpha-2 and
regions as ISO 3166-2 (US-CA); maps need ISO alpha-3 and two-letter US state codes,
added here so pages only draw.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pycountry

from analytics.filters import Filters, remote_share_set, rollup_ok, rollup_where
from analytics.queries import detail, in_params, run, salary, skills, use_rollup, where
from analytics.result import QueryResult

PLACE_LEVELS = {"city": "p.city", "metro": "p.metro"}
AREA_LEVELS = {"country": "p.country", "region": "p.region"}

_METRICS = """count(*) AS postings,
       median(p.salary_usd_mid) FILTER (WHERE p.salary_plausible) AS median_salary_usd,
       count(p.salary_usd_mid) FILTER (WHERE p.salary_plausible) AS salary_n,
       avg(CASE WHEN p.remote = 'remote' THEN 1.0 WHEN p.remote IS NOT NULL THEN 0.0 END) AS share_remote,
       count(p.remote) AS remote_n"""


def _country_names(df: pd.DataFrame) -> pd.DataFrame:
    def iso3(code: str) -> str | None:
        c = pycountry.countries.get(alpha_2=str(code))
        return c.alpha_3 if c else None

    def name(code: str) -> str:
        c = pycountry.countries.get(alpha_2=str(code))
        return c.name if c else str(code)

    df = df.copy()
    df.insert(1, "country_name", [name(c) for c in df["country"]])
    df.insert(2, "iso3", [iso3(c) for c in df["country"]])
    return df


def _metrics_from_rollups(f: Filters, key: str, label: str, inside: str, db: str | Path | None,
                          extra: str = "") -> tuple[str, dict, tuple[str, ...]]:
    """(CTEs c and s, params): _METRICS per ``key`` (an expression on p, named ``label``) over the rows
    where ``inside`` holds - counts and remote shares from rollup_postings_detail (under a date range its
    cells summed to places: _sources), the median salary from rollup_salary_detail's bins (within one bin of
    the exact one). ``extra``: more columns of c."""
    (rows, params, notes), (bins, bin_params, bin_notes) = _sure(_sources(f, db, places=True))
    stated = "p.remote IS NOT NULL"
    counts = f"""SELECT {key} AS {label}{extra}, sum(p.postings)::BIGINT AS postings,
           sum(p.salaried)::BIGINT AS salary_n,
           coalesce(sum(p.postings) FILTER (WHERE p.remote = 'remote'), 0)
               / sum(p.postings) FILTER (WHERE {stated}) AS share_remote,
           coalesce(sum(p.postings) FILTER (WHERE {stated}), 0)::BIGINT AS remote_n
    FROM ({rows}) p WHERE {inside} GROUP BY 1"""
    medians = salary.binned_by(f"""SELECT {key} AS {label}, p.salary_bin, {salary.BIN_COUNTS.format(p="p")}
    FROM ({bins}) p WHERE {inside} GROUP BY ALL""", (label,), {"median_salary_usd": 0.5})
    return f"""c AS (
    {counts}
), s AS (
{medians}
)""", {**params, **bin_params}, notes + bin_notes


def _rolled_metrics(label: str, first: str = "") -> str:
    """The SELECT list of _METRICS from the CTEs of _metrics_from_rollups, in _METRICS' order."""
    return (f"c.{label}{first}, c.postings, s.median_salary_usd, c.salary_n, c.share_remote, c.remote_n\n"
            f"FROM c LEFT JOIN s USING ({label})")


def _remote_set(f: Filters, res: QueryResult) -> QueryResult:
    """The rows' remote share marked ``remote_set`` where the Work arrangement filter fixes it (lead ruling 4
    on hqa38; analytics.filters.remote_share_set): the hover text then says so instead of "0% remote"."""
    return replace(res, df=res.df.assign(remote_set=True)) if remote_share_set(f) else res


def by_country(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings, median salary and remote share per country (country, country_name, iso3, ...).

    From the fine-cell rollups when the filters allow (the median within one bin of the exact one, said
    in the caveats), else from postings."""
    if _rolled(f, db, rollup):
        ctes, params, notes = _metrics_from_rollups(f, "p.country", "country", "p.country IS NOT NULL", db)
        sql = f"""WITH {ctes}
SELECT {_rolled_metrics("country")}
ORDER BY postings DESC, country"""
        return _remote_set(f, run("regions.by_country", sql, params, db=db,
                                  n=lambda df: int(df["postings"].sum()), post=_country_names, notes=notes,
                                  caveats=salary.BINNED))
    cond, params = where(f, db=db)
    sql = f"""SELECT p.country, {_METRICS}
FROM postings p
WHERE {cond} AND p.country IS NOT NULL
GROUP BY 1
ORDER BY postings DESC, p.country"""
    return _remote_set(f, run("regions.by_country", sql, params, db=db,
                              n=lambda df: int(df["postings"].sum()), post=_country_names))


def by_us_state(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings, median salary and remote share per US state (state = two-letter code)."""
    if _rolled(f, db, rollup):
        ctes, params, notes = _metrics_from_rollups(f, "substr(p.region, 4)", "state",
                                                    "p.region LIKE $us_prefix", db)
        sql = f"""WITH {ctes}
SELECT {_rolled_metrics("state")}
ORDER BY postings DESC, state"""
        return _remote_set(f, run("regions.by_us_state", sql, {**params, "us_prefix": "US-%"}, db=db,
                                  n=lambda df: int(df["postings"].sum()), notes=notes, caveats=salary.BINNED))
    cond, params = where(f, db=db)
    params = {**params, "us_prefix": "US-%"}
    sql = f"""SELECT substr(p.region, 4) AS state, {_METRICS}
FROM postings p
WHERE {cond} AND p.region LIKE $us_prefix
GROUP BY 1
ORDER BY postings DESC, state"""
    return _remote_set(f, run("regions.by_us_state", sql, params, db=db,
                              n=lambda df: int(df["postings"].sum())))


def top_places(f: Filters, level: str = "city", limit: int = 15, db: str | Path | None = None, *,
               rollup: bool = True) -> QueryResult:
    """The cities (or US metros) with most postings: place, country, postings, salary, remote share.

    A place is its name within its country: grouped by the name alone, a "Boston" of German postings was
    counted into "Boston, United States" and "Cambridge" mixed the US and the UK, labelled with any one of
    their countries (real samples, QA round twelve). The key is the name and the country joined by a unit
    separator (so the rollups' one-key metrics serve), split again after the query."""
    column = PLACE_LEVELS[level]  # KeyError for anything but a known level: never user text in SQL
    key = f"{column} || chr(31) || coalesce(p.country, '')"
    if _rolled(f, db, rollup):
        ctes, params, notes = _metrics_from_rollups(f, key, "place", f"{column} IS NOT NULL", db)
        sql = f"""WITH {ctes}
SELECT {_rolled_metrics("place")}
ORDER BY postings DESC, place
LIMIT $limit"""
        return _remote_set(f, run(f"regions.top_places[{level}]", sql, {**params, "limit": limit}, db=db,
                                  post=_place_country, n=lambda df: int(df["postings"].sum()), notes=notes,
                                  caveats=salary.BINNED))
    cond, params = where(f, db=db)
    params = {**params, "limit": limit}
    sql = f"""SELECT {key} AS place, {_METRICS}
FROM postings p
WHERE {cond} AND {column} IS NOT NULL
GROUP BY 1
ORDER BY postings DESC, place
LIMIT $limit"""
    return _remote_set(f, run(f"regions.top_places[{level}]", sql, params, db=db, post=_place_country,
                              n=lambda df: int(df["postings"].sum())))


def placed(f: Filters, level: str = "city", db: str | Path | None = None, *, rollup: bool = True
           ) -> QueryResult:
    """Of the postings ``f`` selects (shown), how many name a city (or lie in a US metro, name a country, a
    region): placed. One row; from the rollups' cells when they answer (as areas_by_size), else from the
    postings. For top_places' caption: its n is the postings of the places drawn (QA round twenty-nine);
    remote_by_area's alike (QA round thirty)."""
    column = {**PLACE_LEVELS, **AREA_LEVELS}[level].removeprefix("p.")  # KeyError for an unknown level
    found = detail.counts(f, db, rollup, monthly=False)
    if found is not None and (by_place := detail.place_count_rows(f, db, rollup)) is not None:
        found = (by_place[0], by_place[1], (by_place[2],))  # a date range: the cells summed to places
    if found is not None:
        rows, params, notes = found
        sql = f"""SELECT coalesce(sum(p.postings), 0)::BIGINT AS shown,
       coalesce(sum(p.postings) FILTER (WHERE p.{column} IS NOT NULL), 0)::BIGINT AS placed
FROM ({rows}) p"""
    else:
        cond, params = where(f, db=db)
        sql = f"""SELECT count(*) AS shown, count(p.{column}) AS placed
FROM postings p
WHERE {cond}"""
        notes = ()
    return run(f"regions.placed[{level}]", sql, params, db=db, notes=notes,
               n=lambda df: int(df["shown"].iloc[0]) if len(df) else 0)


def _place_country(df: pd.DataFrame) -> pd.DataFrame:
    """top_places' key split into place and country (None where the posting named no country)."""
    split = [str(k).split("\x1f", 1) for k in df["place"]]
    out = df.assign(place=[s[0] for s in split])
    out.insert(1, "country", [s[1] if len(s) > 1 and s[1] else None for s in split])
    return out


def remote_by_area(f: Filters, level: str = "country", limit: int = 12, db: str | Path | None = None, *,
                   rollup: bool = True) -> QueryResult:
    """Work arrangement mix of the areas with most postings: area, remote, postings, share."""
    column = AREA_LEVELS[level]
    if (places := detail.place_count_rows(f, db, rollup)) is not None:  # a date range: by place
        rows, row_params, note = places
        src = detail.Weighted(f"({rows}) p", "p.postings", row_params, (note,))
    else:
        src = detail.weighted(f, db, rollup, monthly=False)
    params = {**src.params, "limit": limit}
    sql = f"""WITH base AS (
    SELECT {column} AS area, coalesce(p.remote, 'not stated') AS remote, {src.weight} AS k
    FROM {src.source} WHERE {column} IS NOT NULL
), top AS (
    SELECT area, sum(k)::BIGINT AS area_total FROM base GROUP BY 1 ORDER BY area_total DESC, area LIMIT $limit
)
SELECT b.area, b.remote, sum(b.k)::BIGINT AS postings, t.area_total, sum(b.k) / t.area_total AS share
FROM base b JOIN top t USING (area)
GROUP BY b.area, b.remote, t.area_total
ORDER BY t.area_total DESC, b.area, b.remote"""
    res = run(f"regions.remote_by_area[{level}]", sql, params, db=db,
              n=lambda df: int(df["postings"].sum()), notes=src.notes)
    # why it is empty, for its message (ui.chart.empty_message, analytics.report.empty_text: the first
    # caveat): QA round thirty, Hong Kong's 7 postings by region read "none of them has what this chart
    # counts (a salary, a place, a date ...)"; where the filters select none, the messages say that instead
    return replace(res, caveats=(f"none of these postings names a {level}",)) if res.df.empty else res


def _compare_rolled(f: Filters, areas: tuple[str, ...], cond: str, params: dict, names: str,
                    db: str | Path | None) -> QueryResult:
    """compare from the fine-cell rollups (the median salary within one bin); the distinct companies from
    rollup_company_cells (rollup_company_skills under a skill filter) without a date range, with one from
    rollup_company_places (its day-block copy and the edge days left; filters naming no work arrangement,
    source or language) or rollup_company_months and the edge days, else (a skill filter and dates) from
    postings."""
    (rows, rparams, row_notes), (bins, bparams, bin_notes) = _sure(_sources(f, db, places=True))
    # ``params``: postings' filter parameters (``cond``) and the area names; the former only when the
    # companies are counted over postings (a statement must use every parameter it is given)
    where_params = params
    params = {**{k: v for k, v in params.items() if k.startswith("area_")}, **rparams, **bparams}
    notes: tuple[str, ...] = row_notes + bin_notes
    inside = "p.country = k.area OR p.region = k.area"
    keyed, key = detail.company_key("p", db)
    if (companies := detail.company_rows(f, db)) is not None:  # no date range: exact, rolled up
        found, cparams, firm_note = companies
        params.update(cparams)
        firms = f"""SELECT k.area, count(DISTINCT {key}) AS companies
    FROM picked k JOIN ({found}) p ON {inside}{keyed} GROUP BY 1"""
        notes += (firm_note,)
    elif (places := detail.company_place_rows(f, db)) is not None:  # dates: months, day blocks, edge days
        found, cparams, place_note = places
        params.update(cparams)
        firms = f"""SELECT k.area, count(DISTINCT {key}) AS companies
    FROM picked k JOIN ({found}) p ON {inside}{keyed} GROUP BY 1"""
        notes += (place_note,)
    elif not f.skills and detail.usable(f, detail.COMPANY_MONTHS, db):  # dates: whole months and edge days
        found, cparams = detail.rows(f, detail.COMPANY_MONTHS)
        params.update(cparams)
        firms = f"""SELECT k.area, count(DISTINCT {key}) AS companies
    FROM picked k JOIN ({found}) p ON {inside}{keyed} GROUP BY 1"""
        notes += (detail.NOTE[detail.COMPANY_MONTHS],)
    else:
        params.update(where_params)
        firms = f"""SELECT k.area, count(DISTINCT {key}) AS companies
    FROM picked k JOIN postings p ON ({inside}) AND {cond}{keyed} GROUP BY 1"""
    stated = "p.remote IS NOT NULL"
    years = salary.exact_by(f"""SELECT k.area, p.experience_min AS v, sum(p.postings)::BIGINT AS c
    FROM picked k JOIN r p ON {inside} WHERE p.experience_min IS NOT NULL GROUP BY ALL""", ("area",),
                            "v", {"median_years": 0.5})
    medians = salary.binned_by(f"""SELECT k.area, p.salary_bin, {salary.BIN_COUNTS.format(p="p")}
    FROM picked k JOIN ({bins}) p ON {inside} GROUP BY ALL""", ("area",), {"median_salary_usd": 0.5})
    # The rows summed once to the fields the counts and the years read (fewer rows to join on "country or
    # region"; with a cut range each of the two reads took the edge days again): at 10M 71 -> 51-62 ms by
    # default, 253 -> 177-207 under a cut range (nice -10, shared machine). The same for the bins and the
    # companies measured no faster.
    # ``given`` keeps the caller's order (an area may come twice); ``picked`` holds each area once, so an
    # area given twice is not joined to its rows twice (its counts summed twice: QA round seventeen)
    sql = f"""WITH given AS (
    SELECT unnest([{names}]::VARCHAR[]) AS area, unnest(range(1, {len(areas)} + 1)) AS pos
), picked AS (
    SELECT DISTINCT area FROM given
), r AS MATERIALIZED (
    SELECT p.country, p.region, p.remote, p.experience_min, sum(p.postings) AS postings,
           sum(p.salaried) AS salaried
    FROM ({rows}) p GROUP BY ALL
), c AS (
    SELECT k.area, sum(p.postings)::BIGINT AS postings, sum(p.salaried)::BIGINT AS salary_n,
           coalesce(sum(p.postings) FILTER (WHERE p.remote = 'remote'), 0)
               / sum(p.postings) FILTER (WHERE {stated}) AS share_remote,
           coalesce(sum(p.postings) FILTER (WHERE {stated}), 0)::BIGINT AS remote_n,
           coalesce(sum(p.postings) FILTER (WHERE p.experience_min IS NOT NULL), 0)::BIGINT AS years_n
    FROM picked k JOIN r p ON {inside} GROUP BY 1
), y AS (
{years}
), s AS (
{medians}
), firms AS (
    {firms}
)
SELECT pk.area, coalesce(c.postings, 0) AS postings, coalesce(firms.companies, 0) AS companies,
       s.median_salary_usd, coalesce(c.salary_n, 0) AS salary_n, c.share_remote, y.median_years,
       coalesce(c.remote_n, 0) AS remote_n, coalesce(c.years_n, 0) AS years_n
FROM given pk
LEFT JOIN c USING (area) LEFT JOIN firms USING (area) LEFT JOIN s USING (area) LEFT JOIN y USING (area)
ORDER BY pk.pos"""
    return run("regions.compare", sql, params, db=db, notes=notes, caveats=salary.BINNED,
               n=lambda df: distinct_postings(zip(df["area"], df["postings"])))


def distinct_postings(counts: Iterable[tuple[str, int]]) -> int:
    """The postings behind a comparison of areas, each counted once: an area picked twice counts once, and a
    region whose country is also compared adds nothing (QA round seventeen: United States beside California
    under the California filter read "n = 466 postings", the same 233 twice). Pure (tested)."""
    seen: dict[str, int] = {}
    for area, n in counts:
        seen.setdefault(str(area), int(n))
    return sum(n for area, n in seen.items() if "-" not in area or area.split("-")[0] not in seen)


def compare(f: Filters, areas: tuple[str, ...], db: str | Path | None = None, *, rollup: bool = True
            ) -> QueryResult:
    """Headline figures for each area (a country code like DE or a region code like US-CA), in the order
    given: region A first, as the page's choices read left to right; each figure with the postings it
    rests on (salary_n, remote_n, years_n), for the sample-size rule. From the fine-cell rollups when the
    filters allow (the median salary within one bin, said in the caveats), but the companies."""
    res = _compare(f, areas, db, rollup)
    return replace(res, caveats=(*res.caveats, *detail.companies_caveat(db))) if res.n else res


def _compare(f: Filters, areas: tuple[str, ...], db: str | Path | None, rollup: bool) -> QueryResult:
    """compare's answer (its companies' caveat aside)."""
    cond, params = where(f, db=db)
    params = dict(params)
    names = in_params("area", areas, params)
    if _rolled(f, db, rollup):
        return _compare_rolled(f, areas, cond, params, names, db)
    keyed, key = detail.company_key("p", db)
    sql = f"""WITH picked AS (
    SELECT unnest([{names}]::VARCHAR[]) AS area, unnest(range(1, {len(areas)} + 1)) AS pos
)
SELECT k.area, count(p.posting_id) AS postings,
       count(DISTINCT {key}) AS companies,
       median(p.salary_usd_mid) FILTER (WHERE p.salary_plausible) AS median_salary_usd,
       count(p.salary_usd_mid) FILTER (WHERE p.salary_plausible) AS salary_n,
       avg(CASE WHEN p.remote = 'remote' THEN 1.0 WHEN p.remote IS NOT NULL THEN 0.0 END) AS share_remote,
       median(p.experience_min) AS median_years,
       count(p.remote) AS remote_n, count(p.experience_min) AS years_n
FROM picked k
LEFT JOIN postings p ON (p.country = k.area OR p.region = k.area) AND {cond}{keyed}
GROUP BY k.area, k.pos
ORDER BY k.pos"""
    return run("regions.compare", sql, params, db=db,
               n=lambda df: distinct_postings(zip(df["area"], df["postings"])))


def compare_skills(f: Filters, areas: tuple[str, ...], limit: int = 10, db: str | Path | None = None, *,
                   rollup: bool = True) -> QueryResult:
    """Share of postings asking for each of the top skills, per area: area, skill, postings, share.

    Countries (two-letter codes, each once) under rollup-friendly filters are counted from the rollups;
    regions (ISO 3166-2, not a rollup dimension) from the base tables."""
    countries = all(len(a) == 2 and "-" not in a for a in areas) and len(set(areas)) == len(areas)
    given = skills.given_skill(f, db, rollup) if countries else None
    if given is not None:  # one chosen skill: its pairs per cell (as the Skills page's top skills)
        cond, params = rollup_where(replace(f, skills=()))
        params = {**params, "given": given, "limit": limit, "excluded": "responsibility"}
        names = in_params("area", areas, params)
        counts = f"""totals AS (
    SELECT r.country AS area, sum(r.postings)::BIGINT AS area_total
    FROM rollup_skill_month r WHERE {cond} AND r.skill = $given AND r.country IN ({names}) GROUP BY 1
), agg AS (
    SELECT r.country AS area, r.skill, sum(r.postings)::BIGINT AS postings
    FROM ({skills.given_sql(db)}) r
    JOIN (SELECT DISTINCT skill, category FROM rollup_skill_month) k USING (skill)
    WHERE {cond} AND r.country IN ({names}) AND k.category <> $excluded
    GROUP BY ALL
)"""
        notes: tuple[str, ...] = ("answered from rollup_skill_pairs and rollup_skill_month",)
    elif rollup and countries and use_rollup(rollup_ok(f), "rollup_skill_month", db):
        cond, params = rollup_where(f)
        params = {**params, "limit": limit, "excluded": "responsibility"}
        names = in_params("area", areas, params)
        counts = f"""totals AS (
    SELECT r.country AS area, sum(r.postings)::BIGINT AS area_total
    FROM rollup_postings_month r WHERE {cond} AND r.country IN ({names}) GROUP BY 1
), agg AS (
    SELECT r.country AS area, r.skill, sum(r.postings)::BIGINT AS postings
    FROM rollup_skill_month r
    WHERE {cond} AND r.country IN ({names}) AND r.category <> $excluded
    GROUP BY ALL
)"""
        notes = ("answered from rollup_skill_month",)
    elif (bits := detail.sets_bits(f, db, rollup)) is not None:  # skills, regions: the skill sets per cell
        rows, params = detail.rows(f, detail.SETS, bits)
        params = {**params, "limit": limit, "excluded": "responsibility"}
        names = in_params("area", areas, params)
        counts = f"""picked AS (
    SELECT unnest([{names}]::VARCHAR[]) AS area
), sets AS (
    SELECT k.area, {", ".join(f"p.{w}" for w in detail.WORDS)}, sum(p.postings) AS n
    FROM picked k JOIN ({rows}) p ON p.country = k.area OR p.region = k.area
    GROUP BY ALL
), totals AS (
    SELECT area, sum(n)::BIGINT AS area_total FROM sets GROUP BY 1
), agg AS (
    SELECT s.area, b.skill, sum(s.n)::BIGINT AS postings
    FROM {detail.expand("sets")}
    WHERE b.category <> $excluded
    GROUP BY ALL
)"""
        notes = (detail.NOTE[detail.SETS],)
    else:
        cond, params = where(f, db=db)
        params = {**params, "limit": limit, "excluded": "responsibility"}
        names = in_params("area", areas, params)
        counts = f"""picked AS (
    SELECT unnest([{names}]::VARCHAR[]) AS area
), base AS (
    SELECT k.area, p.posting_id
    FROM picked k JOIN postings p ON (p.country = k.area OR p.region = k.area) AND {cond}
), totals AS (
    SELECT area, count(*) AS area_total FROM base GROUP BY 1
), agg AS (
    SELECT b.area, s.skill, count(*) AS postings
    FROM base b JOIN posting_skills s USING (posting_id)
    WHERE s.category <> $excluded
    GROUP BY ALL
)"""
        notes = ()
    # Rows in the order asked (region A first) and each area's skills in the order over both: the chart
    # draws its areas, colours and legend in row order and its skills in first-seen order.
    sql = f"""WITH {counts}, top AS (
    SELECT skill, row_number() OVER (ORDER BY sum(postings) DESC, skill) AS rank
    FROM agg GROUP BY 1 ORDER BY rank LIMIT $limit
)
SELECT a.area, a.skill, a.postings, t.area_total, a.postings / t.area_total AS share
FROM agg a JOIN totals t USING (area) JOIN top k USING (skill)
ORDER BY list_position([{names}]::VARCHAR[], a.area), k.rank"""
    return run("regions.compare_skills", sql, params, db=db, notes=notes,
               n=lambda df: distinct_postings(zip(df["area"], df["area_total"])))


Source = tuple[str, dict[str, Any], tuple[str, ...]]  # (subquery, params, notes)


def _sources(f: Filters, db: str | Path | None, rollup: bool = True, *, places: bool = False
             ) -> tuple[Source, Source] | None:
    """The rows the charts sum (rollup_postings_detail's columns; with ``places`` at least the levels, places,
    work arrangement, minimum years, postings and salaried) and the salary bins they read the medians from (at
    least seniority, role family, country, region, city, metro, salary_bin and the bins' measures), under
    ``f``: the fine cells and their bins - under a date range whose filters name no field the places' bins
    leave out, rollup_salary_places' (a third of the rows), and with ``places`` the cells summed to places
    (rollup_postings_places: about a tenth, and its day copy instead of the edge postings) -, or under a skill
    filter without a date range the skill sets (rollup_skill_sets, rollup_salary_sets; bit tests); None when
    either has no rollup, and the charts read postings."""
    counts = detail.counts(f, db, rollup, monthly=False)
    if places and counts is not None and (summed := detail.place_count_rows(f, db, rollup)) is not None:
        sql, params, note = summed
        counts = (sql, params, (note,))
    bins = salary.salary_rows(f, db, rollup)
    if bins is not None and (place_bins := detail.place_rows(f, db, rollup)) is not None:
        sql, params, note = place_bins
        bins = (sql, params, (note,))
    return None if counts is None or bins is None else (counts, bins)


def _sure(found: tuple[Source, Source] | None) -> tuple[Source, Source]:
    if found is None:  # callers ask _rolled first
        raise ValueError("no rollup answers under these filters")
    return found


def _rolled(f: Filters, db: str | Path | None, rollup: bool) -> bool:
    return _sources(f, db, rollup) is not None



def areas_by_size(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Every country and region under the filters, largest first: area, level, postings.

    The region comparison offers these and starts with the two largest (regions when the
    filters hold one country only)."""
    found = detail.counts(f, db, rollup, monthly=False)
    if found is not None and (by_place := detail.place_count_rows(f, db, rollup)) is not None:
        found = (by_place[0], by_place[1], (by_place[2],))  # a date range: the cells summed to places
    if found is not None:
        rows, params, rolled_notes = found
        sql = f"""WITH p AS (
    {rows}
)
SELECT p.country AS area, 'country' AS level, sum(p.postings)::BIGINT AS postings
FROM p WHERE p.country IS NOT NULL GROUP BY 1
UNION ALL
SELECT p.region, 'region', sum(p.postings)::BIGINT
FROM p WHERE p.region IS NOT NULL GROUP BY 1
ORDER BY postings DESC, area"""
        notes: tuple[str, ...] = rolled_notes
    else:
        cond, params = where(f, db=db)
        sql = f"""SELECT p.country AS area, 'country' AS level, count(*) AS postings
FROM postings p WHERE {cond} AND p.country IS NOT NULL GROUP BY 1
UNION ALL
SELECT p.region, 'region', count(*)
FROM postings p WHERE {cond} AND p.region IS NOT NULL GROUP BY 1
ORDER BY postings DESC, area"""
        notes = ()
    return run("regions.areas_by_size", sql, params, db=db, notes=notes,
               n=lambda df: int(df.loc[df["level"] == "country", "postings"].sum()))


def nested(a: str, b: str) -> bool:
    """Whether two area codes hold one another: the same area, or a country and one of its regions. Pure."""
    return a == b or a.split("-")[0] == b or b.split("-")[0] == a


def apart(areas: Iterable[str]) -> bool:
    """Whether any two of ``areas`` lie apart (neither holds the other): a comparison worth making. Pure."""
    codes = [str(a) for a in areas]
    return any(not nested(a, b) for i, a in enumerate(codes) for b in codes[i + 1:])


def comparison_filters(f: Filters, db: str | Path | None = None, *, rollup: bool = True,
                       sizes: Callable[[Filters], QueryResult] | None = None) -> Filters:
    """The filters the region comparison runs under: ``f``, or ``f`` without its country and region when
    under them no two areas lie apart (QA round seventeen: under the region California the comparison
    offered only United States and California, the same postings). The sidebar's other filters hold.
    ``sizes`` answers areas_by_size of the filters instead (the page's cached queries,
    analytics.figures.regions.compare_filters): one rule for the page and the controls' check."""
    if not (f.country or f.region):
        return f
    by_size = sizes(f) if sizes is not None else areas_by_size(f, db, rollup=rollup)
    return f if apart(by_size.df["area"]) else replace(f, country=(), region=())


def comparable_areas(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """areas_by_size under comparison_filters: the areas the comparison offers (and a link may pick)."""
    return areas_by_size(comparison_filters(f, db, rollup=rollup), db, rollup=rollup)
