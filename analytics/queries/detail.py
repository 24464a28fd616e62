"""The fine-cell rollups as a source of rows for the charts that do not group by skill.

Why: on 10,000,000 postings every scan of postings costs hundreds of milliseconds, and the Regions, Salary,
Experience and Data pages scanned it for every chart. rollup_postings_detail (counts) and
rollup_salary_detail ($1,000 salary bins) hold postings summed by every field those charts filter or group
by (etl/warehouse/rollups.sql), and rollup_skill_sets the same counts by skill set (etl/warehouse/order.sql).
``rows`` gives a subquery of such rows under the filters: the whole months of the date range from the
rollup, and - when the range cuts a month - the postings of the edge days summed into the same columns, read
from postings_dated (postings sorted by date, etl/warehouse/order.sql: the edge days are a few row groups,
where postings in load order were a scan of every posting per query), so one query over it answers as the
base table does (tests compare them). A skill filter reads only the skill sets (bit tests), never the
salary bins.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from analytics import db as _db
from analytics import filters as _filters
from analytics.filters import Filters, block_where, detail_ok, detail_where, edge_where, whole_month_range
from analytics.queries import (
    PLAUSIBLE_SALARY,
    first,
    in_params,
    undated_left_out,
    undated_note,
    use_rollup,
    where,
)

COUNTS = "rollup_postings_detail"
SALARIES = "rollup_salary_detail"
SETS = "rollup_skill_sets"
WORDS = tuple(f"skill_bits_{k}" for k in range(8))

_CELL = ("posted_month", "seniority", "role_family", "country", "remote", "source", "region", "city", "metro",
         "language")
# Each rollup's columns.
_COLUMNS: dict[str, tuple[str, ...]] = {
    COUNTS: (*_CELL, "degree", "experience_min", "salary_band", "postings", "salaried", "with_salary",
             "salary_floor"),
    SALARIES: (*_CELL, "years", "salary_bin", "postings", "salary_lo", "salary_hi"),
}
# rollup_skill_sets: rollup_postings_detail's columns and the skill set
_COLUMNS[SETS] = (*_COLUMNS[COUNTS], *WORDS)
# Views without a date range (rollups.sql): rollup_salary_detail summed over the months, and the companies
NO_MONTH = "rollup_salary_no_month"
COMPANIES = "rollup_company_cells"
COMPANY_SKILLS = "rollup_company_skills"  # the same rows per skill asked for
_COLUMNS[NO_MONTH] = ("dated", *_CELL[1:], "years", "salary_bin", "postings", "salary_lo", "salary_hi")
_COLUMNS[COMPANIES] = ("company", "dated", "country", "region", "first_date", "last_date")
_COLUMNS[COMPANY_SKILLS] = _COLUMNS[COMPANIES]
# The fine cells and the skill sets summed over the months (dated kept apart), for views without a date range
COUNTS_NO_MONTH = "rollup_postings_no_month"
SETS_NO_MONTH = "rollup_skill_sets_no_month"
_COLUMNS[COUNTS_NO_MONTH] = ("dated", *_COLUMNS[COUNTS][1:])
_COLUMNS[SETS_NO_MONTH] = ("dated", *_COLUMNS[SETS][1:])
MONTH_BINS = "rollup_salary_month"  # rollup_salary_detail summed to month, seniority and role family
_COLUMNS[MONTH_BINS] = ("posted_month", "seniority", "role_family", "salary_bin", "postings", "salary_lo",
                        "salary_hi")
# rollup_salary_detail summed to month, levels, country, work arrangement and source (rollups.sql): the median
# salary over time and the headline's bins under those filters (salary.month_bins); edge days as SALARIES'
MONTH_CELLS = "rollup_salary_month_cells"
_COLUMNS[MONTH_CELLS] = ("posted_month", "seniority", "role_family", "country", "remote", "source",
                         "salary_bin", "postings", "salary_lo", "salary_hi")
COMPANY_MONTHS = "rollup_company_months"  # by month, for date ranges (rows: whole months and the edge days)
_COLUMNS[COMPANY_MONTHS] = ("company", *_CELL[:7], "language")
# rollup_salary_detail summed to month, levels and places (rollups.sql): the Regions page's medians under a
# date range when the filters name no other field (place_rows)
PLACES = "rollup_salary_places"
_COLUMNS[PLACES] = ("posted_month", "seniority", "role_family", "country", "region", "city", "metro",
                    "salary_bin", "postings", "salary_lo", "salary_hi")
# rollup_company_months summed to month, levels and places (rollups.sql): the region comparison's distinct
# companies under a date range when the filters name no other field (company_place_rows)
COMPANY_PLACES = "rollup_company_places"
_COLUMNS[COMPANY_PLACES] = ("company", "posted_month", "seniority", "role_family", "country", "region")
# rollup_postings_detail summed to month, levels, places, work arrangement and years (rollups.sql): the
# Regions page's maps, lists, work arrangement mix and comparison under a date range when the filters name no
# source, language or skill (place_count_rows); a cut range's whole day blocks from its block copy, the days
# left from its day copy
PLACE_COUNTS = "rollup_postings_places"
_COLUMNS[PLACE_COUNTS] = ("posted_month", "seniority", "role_family", "country", "region", "city", "metro",
                          "remote", "experience_min", "postings", "salaried")
# The salaried postings by the fields a filter names and the currency and period of their salary
# (rollups.sql): the Salary page's line on how the salaries were stated (salary.stated_as); summed over the
# months without a date range. Edge days as rollup_salary_detail's (postings_salaried has both columns).
STATED = "rollup_salary_stated"
STATED_NO_MONTH = "rollup_salary_stated_no_month"
_COLUMNS[STATED] = (*_CELL, "salary_currency", "salary_period", "postings")
_COLUMNS[STATED_NO_MONTH] = ("dated", *_COLUMNS[STATED][1:])
STATED_SETS = "rollup_salary_stated_sets"  # the same by skill set (order.sql): a skill filter as bit tests
_COLUMNS[STATED_SETS] = _COLUMNS[STATED_NO_MONTH]
NOTE = {table: f"answered from {table}" for table in _COLUMNS}
DATED = "postings_dated"  # dated postings sorted by posted_date (etl/warehouse/order.sql): the edge days
# the dated postings with a plausible salary sorted by role family, seniority and date (order.sql): the salary
# rollups' edge days, about 4x fewer rows read than postings_dated's under the default levels at 10M
SALARIED = "postings_salaried"
# Each rollup's measures for one posting p, for the edge days: the measures of cells.sql's detail_cells and
# rollups.sql's rollup_salary_detail, per posting (tests compare the sums with postings' answers). One row
# per edge posting, not grouped: every chart sums its own keys over the rows anyway, and grouping the edge
# postings by every field of the cells cost more than the charts' own sums (about 70 ms of the 80 ms a chart
# took for a 42-day edge on 10,000,000 generated postings).
_MEASURES: dict[str, dict[str, str]] = {
    COUNTS: {
        "postings": "1::BIGINT",
        "salaried": f"({PLAUSIBLE_SALARY})::BIGINT",
        "with_salary": "(p.salary_usd_mid IS NOT NULL)::BIGINT",
        "salary_floor": "CASE WHEN p.salary_plausible THEN p.salary_usd_mid END",
    },
    SALARIES: {
        "years": "floor(p.experience_min)::INTEGER",
        "salary_bin": "floor(p.salary_usd_mid / 1000)::INTEGER",
        "postings": "1::BIGINT",
        "salary_lo": "p.salary_usd_mid",
        "salary_hi": "p.salary_usd_mid",
    },
}
_MEASURES[SETS] = _MEASURES[COUNTS]
_MEASURES[MONTH_BINS] = _MEASURES[MONTH_CELLS] = _MEASURES[SALARIES]
_MEASURES[PLACES] = _MEASURES[SALARIES]
_MEASURES[COMPANY_MONTHS] = _MEASURES[COMPANY_PLACES] = {}  # a posting's own fields
_MEASURES[PLACE_COUNTS] = _MEASURES[COUNTS]
_MEASURES[STATED] = {"postings": "1::BIGINT"}
_ONLY = {COUNTS: "TRUE", SETS: "TRUE", COMPANY_MONTHS: "TRUE", COMPANY_PLACES: "TRUE", PLACE_COUNTS: "TRUE",
         SALARIES: PLAUSIBLE_SALARY}
_ONLY[MONTH_BINS] = _ONLY[MONTH_CELLS] = _ONLY[PLACES] = _ONLY[STATED] = _ONLY[SALARIES]
# The copies by day block (posted_block; etl/warehouse/cells.sql) of the tables whose block rows are far fewer
# than the postings of their days: the whole blocks among a cut range's edge days are read there (rows).
BLOCKS = {COUNTS: "rollup_postings_blocks", SETS: "rollup_skill_sets_blocks",
          MONTH_BINS: "rollup_salary_month_blocks", PLACES: "rollup_salary_places_blocks",
          COMPANY_PLACES: "rollup_company_places_blocks", PLACE_COUNTS: "rollup_postings_places_blocks"}
# The copies by day (posted_date) of the tables whose day rows are still far fewer than the postings of their
# day: the days left outside a cut range's whole blocks are read there instead of from postings_dated.
DAYS = {PLACE_COUNTS: "rollup_postings_places_days"}


def dated_ok(f: Filters, db: str | Path | None = None) -> bool:
    """True when the edge days of ``f``'s range (if it cuts months) can be read from postings_dated."""
    return whole_month_range(f) or _db.has_table(DATED, db)


COMPANY_KEYS = "company_keys"


def company_key(alias: str, db: str | Path | None = None) -> tuple[str, str]:
    """(join, key): the join to put after relation ``alias`` (it has a column company) and the expression
    of its company as counted - company_keys' key (case, accents, dots and a legal suffix aside: "<Name>
    Inc." and "<Name>" are one company, QA round twenty-six), or the name without case in a version
    published before that table. Every count of distinct companies reads it, over postings and the
    rollups alike."""
    if _db.has_table(COMPANY_KEYS, db):
        return (f" LEFT JOIN {COMPANY_KEYS} {alias}_ck ON {alias}_ck.company = {alias}.company",
                f"{alias}_ck.company_key")
    return "", f"lower({alias}.company)"


BY_NAME = ("companies counted by name without case: this warehouse was published before legal-form "
           "suffixes were set aside, so \"Acme, Inc.\" and \"Acme\" count as two; load the exports again "
           "(python -m etl load) to count them as one")


def companies_caveat(db: str | Path | None = None) -> tuple[str, ...]:
    """BY_NAME where the warehouse has no company_keys (company_key's fallback), else nothing: the counts
    of companies differ from a warehouse published now and the app does not republish (QA rounds
    twenty-six and twenty-seven, seen and left)."""
    return () if _db.has_table(COMPANY_KEYS, db) else (BY_NAME,)


def usable(f: Filters, table: str, db: str | Path | None = None, rollup: bool = True) -> bool:
    """Whether ``table`` answers under ``f`` (no skill filter; a range cut inside months only with
    postings_dated) and the warehouse has it."""
    return rollup and use_rollup(detail_ok(f), table, db) and dated_ok(f, db)


Bits = dict[str, tuple[int, int]]  # skill -> (word, bit) of the skill bitmap


def sets_bits(f: Filters, db: str | Path | None = None, rollup: bool = True) -> Bits | None:
    """The skill bitmap when rollup_skill_sets answers under ``f`` (its chosen skills all have a bit, and
    every skill has one and one category - so a set expands into exactly the skills and categories
    posting_skills holds), else None."""
    if not rollup or not dated_ok(f, db) or not _db.has_table(SETS, db):
        return None
    bits, cats = _db.skill_bits(db), _db.skill_categories(db)
    if bits is None or cats is None or len(bits) >= 512 or any(c is None for c in cats.values()):
        return None
    return bits if all(skill in bits for skill in f.skills) else None


def edge_table(table: str, db: str | Path | None = None) -> str:
    """Where ``table``'s edge days are read: postings_salaried for the salary bins (their postings are the
    salaried ones) when the warehouse has it (with the currency and period for rollup_salary_stated: a version
    published before them has not), else postings_dated."""
    if table == STATED and not _db.has_column(SALARIED, "salary_currency", db):
        return DATED
    return SALARIED if _ONLY[table] == _ONLY[SALARIES] and _db.has_table(SALARIED, db) else DATED


def block_table(table: str, db: str | Path | None = None) -> str | None:
    """``table``'s copy by day block (BLOCKS) when the warehouse has it, else None."""
    found = BLOCKS.get(table)
    return found if found is not None and _db.has_table(found, db) else None


def day_table(table: str, db: str | Path | None = None) -> str | None:
    """``table``'s copy by day (DAYS) when the warehouse has it, else None."""
    found = DAYS.get(table)
    return found if found is not None and _db.has_table(found, db) else None


def rows(f: Filters, table: str, bits: Bits | None = None, db: str | Path | None = None
         ) -> tuple[str, dict[str, Any]]:
    """(subquery, params): ``table``'s rows under ``f`` (a skill filter, on rollup_skill_sets only, as bit
    tests): the whole months from ``table``, the edge days of a range cut inside months in the same columns -
    their whole day blocks from ``table``'s block copy (block_table) when there is one, the other days from
    its day copy (day_table) when there is one, else from postings_dated (the salary bins' from
    postings_salaried: edge_table; one row per posting)."""
    columns = _COLUMNS[table]
    cond, params = detail_where(f, "d", bits=bits)
    sql = f"SELECT {', '.join(columns)} FROM {table} d WHERE {cond}"
    blocks = block_table(table, db)
    if blocks is not None and (found := block_where(f, "d", bits=bits)) is not None:
        bcond, bparams = found
        params = {**params, **bparams}
        sql += f"\nUNION ALL\nSELECT {', '.join(columns)} FROM {blocks} d WHERE {bcond}"
    days = day_table(table, db)
    edges = edge_where(f, "d" if days else "p", bits=bits, blocks=blocks is not None)
    if edges is not None and days is not None:
        econd, eparams = edges
        params = {**params, **eparams}
        sql += f"\nUNION ALL\nSELECT {', '.join(columns)} FROM {days} d WHERE {econd}"
    elif edges is not None:
        econd, eparams = edges
        params = {**params, **eparams}  # the same month and filter parameters, and the exact dates
        exprs = ", ".join(f"{_MEASURES[table].get(name, f'p.{name}')} AS {name}" for name in columns)
        sql += f"\nUNION ALL\nSELECT {exprs} FROM {edge_table(table, db)} p WHERE {econd} AND {_ONLY[table]}"
    return sql, params


def undated(f: Filters, db: str | Path | None = None, salaried: bool = False, table: str = COUNTS,
            bits: Bits | None = None) -> tuple[str, ...]:
    """The caveat of a chart over time (as queries.undated_left_out) counted in ``table``
    (rollup_postings_detail or rollup_skill_sets): how many postings (with a plausible salary: ``salaried``)
    under ``f`` have no date. Read without the date range (undated_free) from the month-less copy when the
    warehouse has it."""
    if not f.undated:  # dated postings only: none is left out
        return ()
    undated_f = undated_free(f)
    month_less = {COUNTS: COUNTS_NO_MONTH, SETS: SETS_NO_MONTH}.get(table)
    if month_less is not None and _db.has_table(month_less, db):
        sql, params = _month_less_rows(undated_f, month_less, bits)
        no_date = "NOT d.dated"
    else:
        sql, params = rows(undated_f, table, bits, db)
        no_date = "d.posted_month IS NULL"
    measure = "salaried" if salaried else "postings"
    df, _ = _db.query(f"SELECT sum({measure}) AS n FROM ({sql}) d WHERE {no_date}", params, db)
    k = first(df, "n")
    return undated_note(k)


def undated_free(f: Filters) -> Filters:
    """``f`` without its date range, for counting the postings without a date under ``f`` (it keeps them:
    ``f.undated``). Why the same count: a posting without a date passes any date range when ``f.undated``
    (filters.where), so the range changes only which dated postings pass; without it the count is read from
    the rollups summed over the months (a few thousand rows at 10M), where with a range cut inside months it
    read the whole months, the day blocks and the edge days again for one number."""
    return replace(f, date_from=None, date_to=None)


def used_words(db: str | Path | None = None) -> tuple[str, ...]:
    """The skill_bits_<word> columns that can hold a bit in this version (words 0 .. the largest in skill_bit;
    all eight without a bitmap). Why: grouping rows by skill set costs per column - on 10,000,000 generated
    postings (60 skills, one word) the edge days of a cut range grouped by eight words took 174 ms, by the one
    used word 87 ms - and the words past the last used one are 0 in every row."""
    bits = _db.skill_bits(db)
    return WORDS[: max(w for w, _ in bits.values()) + 1] if bits else WORDS


def expand(sets: str, words: tuple[str, ...] = WORDS) -> str:
    """FROM items joining ``sets`` (a CTE with the ``words`` columns, as s) to skill_bit (as b): one row per
    set and skill it holds. The test is the word AND the bit's mask, in UBIGINT (the words' type): shifting
    the word by skill_bit's INTEGER bit ran in HUGEINT, and this join is a nested loop (sets x skills: salary
    by skill's expansion under two skills, 10,000,000 generated postings, 50 -> 40 ms)."""
    word = "CASE b.word " + " ".join(f"WHEN {k} THEN s.{w}" for k, w in enumerate(words)) + " END"
    return f"{sets} s JOIN skill_bit b ON ({word}) & (1::UBIGINT << b.bit::UBIGINT) <> 0"


def undated_caveat(f: Filters, db: str | Path | None = None, rollup: bool = True) -> tuple[str, ...]:
    """queries.undated_left_out's caveat for postings under ``f`` from the smallest source that answers:
    rollup_postings_detail, rollup_skill_sets (a skill filter on the bitmap) - summed over the months without
    the date range (undated_free) when the warehouse has those copies -, else postings."""
    if not f.undated:  # dated postings only: none is left out
        return ()
    if (found := counts(undated_free(f), db, rollup, monthly=False)) is not None:
        sql, params, notes = found
        month_less = notes[0] in (NOTE[COUNTS_NO_MONTH], NOTE[SETS_NO_MONTH])  # (their ``dated`` column)
        no_date = "NOT d.dated" if month_less else "d.posted_month IS NULL"
        df, _ = _db.query(f"SELECT sum(postings) AS n FROM ({sql}) d WHERE {no_date}", params, db)
        return undated_note(first(df, "n"))
    return undated_left_out(*where(f, db=db), db)


def counts(f: Filters, db: str | Path | None = None, rollup: bool = True, *, monthly: bool = True
           ) -> tuple[str, dict[str, Any], tuple[str, ...]] | None:
    """(subquery, params, notes) of rows with rollup_postings_detail's columns under ``f``: from that rollup
    without a skill filter, from rollup_skill_sets (bit tests) with one; None when neither answers.
    ``monthly=False`` (a chart that reads no month): without a date range the same rows summed over the
    months (rollup_postings_no_month, rollup_skill_sets_no_month: 24x and 20x fewer at 10M), whose
    ``dated`` column stands for posted_month."""
    month_less = not monthly and rollup and f.date_from is None and f.date_to is None
    if usable(f, COUNTS, db, rollup):
        if month_less and _db.has_table(COUNTS_NO_MONTH, db):
            return (*_month_less_rows(f, COUNTS_NO_MONTH), (NOTE[COUNTS_NO_MONTH],))
        return (*rows(f, COUNTS), (NOTE[COUNTS],))
    if f.skills and (bits := sets_bits(f, db, rollup)) is not None:
        if month_less and _db.has_table(SETS_NO_MONTH, db):
            return (*_month_less_rows(f, SETS_NO_MONTH, bits), (NOTE[SETS_NO_MONTH],))
        return (*rows(f, SETS, bits), (NOTE[SETS],))
    return None


def stated_rows(f: Filters, db: str | Path | None = None, rollup: bool = True
                ) -> tuple[str, dict[str, Any], str] | None:
    """(subquery, params, note) of rollup_salary_stated's rows under ``f`` (no skill filter): summed over the
    months (rollup_salary_stated_no_month, ``dated`` for posted_month) without a date range, else by month
    with a cut range's edge days; under a skill filter without a date range rollup_salary_stated_sets' rows
    (bit tests on the skill bitmap, sets_bits); None when none answers."""
    no_range = f.date_from is None and f.date_to is None
    if f.skills and _db.has_table(STATED_SETS, db) and (bits := sets_bits(f, db, rollup)):
        if no_range:
            return (*_month_less_rows(f, STATED_SETS, bits), NOTE[STATED_SETS])
        if _db.has_column(SALARIED, "salary_currency", db):
            # a date range: the dated postings in it from postings_salaried (sorted by level and date: the
            # filter's row groups only), one row each; the undated ones (kept: f.undated) from the sets' copy
            cond, params = _filters.where(replace(f, undated=False), "p", bits=bits)
            columns = _COLUMNS[STATED_SETS]
            exprs = ", ".join({"dated": "TRUE AS dated", "postings": "1::BIGINT AS postings"}.get(c, f"p.{c}")
                              for c in columns)
            sql = f"SELECT {exprs} FROM {SALARIED} p WHERE {cond}"
            if f.undated:
                # (the same filters: the parameters both conditions name hold the same values)
                ucond, uparams = _filters.where(undated_free(f), "d", bits=bits)
                params = {**params, **uparams}
                sql += (f"\nUNION ALL\nSELECT {', '.join(columns)} FROM {STATED_SETS} d"
                        f" WHERE NOT d.dated AND {ucond}")
            return sql, params, f"answered from {SALARIED} and {STATED_SETS}"
    if not usable(f, STATED, db, rollup):
        return None
    if no_range and _db.has_table(STATED_NO_MONTH, db):
        return (*_month_less_rows(f, STATED_NO_MONTH), NOTE[STATED_NO_MONTH])
    return (*rows(f, STATED, db=db), NOTE[STATED])


def set_rows(f: Filters, bits: Bits, db: str | Path | None = None, *, monthly: bool = True
             ) -> tuple[str, dict[str, Any], str]:
    """(subquery, params, note) of rollup_skill_sets' rows under ``f`` (sets_bits answers): summed over the
    months (rollup_skill_sets_no_month, ``dated`` for posted_month) for a chart that reads no month
    (``monthly=False``) without a date range, else by month with the edge days."""
    if not monthly and f.date_from is None and f.date_to is None and _db.has_table(SETS_NO_MONTH, db):
        return (*_month_less_rows(f, SETS_NO_MONTH, bits), NOTE[SETS_NO_MONTH])
    return (*rows(f, SETS, bits), NOTE[SETS])


def _month_less_rows(f: Filters, table: str, bits: Bits | None = None) -> tuple[str, dict[str, Any]]:
    """(subquery, params): the rows of a month-less ``table`` (a ``dated`` column) under ``f``, which has no
    date range (a skill filter as bit tests on ``bits``)."""
    cond, params = _filters.where(replace(f, undated=True), "d", bits=bits)
    if not f.undated:
        cond = f"d.dated AND {cond}"
    return f"SELECT {', '.join(_COLUMNS[table])} FROM {table} d WHERE {cond}", params


@dataclass(frozen=True)
class Weighted:
    """The postings under some filters as rows to sum, from the smallest source that answers.

    ``source`` is a FROM item aliased p (the filtered rollup rows, or the filtered postings) with the
    columns of postings a chart groups by; each row counts for ``weight`` postings (p.postings, or 1)."""

    source: str
    weight: str
    params: dict[str, Any]
    notes: tuple[str, ...]


def weighted(f: Filters, db: str | Path | None = None, rollup: bool = True, *, sets_only: bool = False,
             monthly: bool = True) -> Weighted:
    """The postings under ``f``: rollup_postings_detail's or rollup_skill_sets' rows when they answer (see
    ``counts``; ``sets_only``: only rollup_skill_sets, for charts that need the skill set of each row),
    else postings. Sums over either give the same answers (tests/test_rollup_answers.py)."""
    found: tuple[str, dict[str, Any], tuple[str, ...]] | None
    if sets_only:
        bits = sets_bits(f, db, rollup)
        if bits is None:
            found = None
        else:
            sql, params, note = set_rows(f, bits, db, monthly=monthly)
            found = (sql, params, (note,))
    else:
        found = counts(f, db, rollup, monthly=monthly)
    if found is not None:
        sql, params, notes = found
        return Weighted(f"({sql}) p", "p.postings", params, notes)
    cond, params = where(f, db=db)
    return Weighted(f"(SELECT * FROM postings p WHERE {cond}) p", "1", params, ())


def _undated_rows(f: Filters, table: str, alias: str) -> tuple[str, dict[str, Any]]:
    """(subquery, params): the rows of a month-less ``table`` (a ``dated`` column) under ``f``, which has no
    date range and no skill filter (or, on rollup_company_skills, the chosen skills as a list of its rows)."""
    cond, params = _filters.where(replace(f, undated=True, skills=()), alias)  # the list filters
    if f.skills:
        cond = f"{alias}.skill IN ({in_params('company_skill', f.skills, params)}) AND {cond}"
    if not f.undated:
        cond = f"{alias}.dated AND {cond}"
    return f"SELECT {', '.join(_COLUMNS[table])} FROM {table} {alias} WHERE {cond}", params


def _no_month(f: Filters, table: str, db: str | Path | None, rollup: bool) -> bool:
    return (rollup and not f.skills and f.date_from is None and f.date_to is None
            and _db.has_table(table, db))


def salary_rows(f: Filters, db: str | Path | None = None) -> tuple[str, dict[str, Any], str]:
    """(subquery, params, note) of salary bins under ``f`` when ``usable(f, SALARIES)``:
    rollup_salary_no_month without a date range (the months summed: several times fewer rows), else
    rollup_salary_detail. The rows hold every column both share (not posted_month)."""
    if _no_month(f, NO_MONTH, db, True):
        return (*_undated_rows(f, NO_MONTH, "d"), NOTE[NO_MONTH])
    return (*rows(f, SALARIES, db=db), NOTE[SALARIES])


def place_rows(f: Filters, db: str | Path | None = None, rollup: bool = True
               ) -> tuple[str, dict[str, Any], str] | None:
    """(subquery, params, note) of rollup_salary_places' bins under ``f`` (whole months, its day-block copy's
    whole blocks and the days left from postings_salaried: rows) when it answers - a date range (without one
    rollup_salary_no_month is fewer rows: salary_rows), no skill filter and no list filter on a field it
    summed away (work arrangement, source, language) -, else None. The rows hold its columns only: every
    field the Regions page's medians group or filter by."""
    if not _places_answer(f, PLACES, db, rollup):
        return None
    return (*rows(f, PLACES, db=db), NOTE[PLACES])


def company_place_rows(f: Filters, db: str | Path | None = None, rollup: bool = True
                       ) -> tuple[str, dict[str, Any], str] | None:
    """(subquery, params, note) of rollup_company_places' rows under ``f`` (company, posted_month, seniority,
    role_family, country, region: whole months, its day-block copy's whole blocks and the days left from
    postings_dated: rows) when it answers - as place_rows: a date range, no skill filter and no list filter on
    a field it summed away -, else None. A count of distinct companies over them equals one over the
    postings: the table is rollup_company_months' rows summed over work arrangement, source and language."""
    if not _places_answer(f, COMPANY_PLACES, db, rollup):
        return None
    return (*rows(f, COMPANY_PLACES, db=db), NOTE[COMPANY_PLACES])


def place_count_rows(f: Filters, db: str | Path | None = None, rollup: bool = True
                     ) -> tuple[str, dict[str, Any], str] | None:
    """(subquery, params, note) of rollup_postings_places' rows under ``f`` (posted_month, the levels,
    country, region, city, metro, work arrangement, minimum years, postings, salaried: whole months, its
    day-block copy's whole blocks and its day copy's days left: rows) when it answers - a date range (without
    one rollup_postings_no_month answers), no skill filter and no filter on a field it summed away (source,
    language; the work arrangement it keeps) -, else None. Sums over them equal those over
    rollup_postings_detail's rows (and postings'): the same cells summed over source, language, degree and
    salary band."""
    others = any(getattr(f, name) for name in ("source", "language"))
    if no_date_range(f) or others or not usable(f, PLACE_COUNTS, db, rollup):
        return None
    return (*rows(f, PLACE_COUNTS, db=db), NOTE[PLACE_COUNTS])


def no_date_range(f: Filters) -> bool:
    return f.date_from is None and f.date_to is None


def _places_answer(f: Filters, table: str, db: str | Path | None, rollup: bool) -> bool:
    """Whether ``table`` (a rollup summed to month, levels and places) answers under ``f``: a date range
    (without one the month-less rollups are fewer rows), no filter on a field it summed away (work
    arrangement, source, language) and ``usable``."""
    others = any(getattr(f, name) for name in ("remote", "source", "language"))
    return not (f.date_from is None and f.date_to is None) and not others and usable(f, table, db, rollup)


def company_rows(f: Filters, db: str | Path | None = None, rollup: bool = True
                 ) -> tuple[str, dict[str, Any], str] | None:
    """(subquery, params, note) of company rows under ``f`` (company, dated, country, region, first_date,
    last_date): a count of distinct companies over them equals one over the postings. Without a date range
    only: from rollup_company_cells without a skill filter, from rollup_company_skills under one skill or
    any of several (a company with a row for one of them has a posting asking for it; "all" of several
    cannot be told from per-skill rows); None otherwise."""
    skills = tuple(dict.fromkeys(f.skills))
    if len(skills) > 1 and f.skills_mode == "all":
        return None
    table = COMPANY_SKILLS if skills else COMPANIES
    if not _no_month(replace(f, skills=()), table, db, rollup):
        return None
    return (*_undated_rows(replace(f, skills=skills), table, "c"), NOTE[table])
