"""analytics.filters: Filters -> (WHERE, params), URL round trips, rollup eligibility. No database."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

import pytest

from analytics.filters import (
    SENIOR_LEVELS,
    Filters,
    block_split,
    block_start,
    block_where,
    describe,
    detail_where,
    edge_spans,
    edge_where,
    from_query_params,
    previous_period,
    rollup_ok,
    rollup_where,
    to_query_params,
    where,
    whole_month_span,
)

EVERYONE = Filters(seniority=(), role_family=())

WHERE_CASES = [
    ("no constraint", EVERYONE, "TRUE", {}),
    (
        "date range keeps undated postings",
        Filters(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31), seniority=(), role_family=()),
        "(p.posted_date IS NULL OR (p.posted_date >= $date_from AND p.posted_date <= $date_to))",
        {"date_from": date(2025, 1, 1), "date_to": date(2025, 3, 31)},
    ),
    (
        "date range, dated postings only",
        Filters(
            date_from=date(2025, 1, 1), date_to=date(2025, 3, 31), seniority=(), role_family=(), undated=False
        ),
        "p.posted_date >= $date_from AND p.posted_date <= $date_to",
        {"date_from": date(2025, 1, 1), "date_to": date(2025, 3, 31)},
    ),
    (
        "no range, dated postings only",
        Filters(seniority=(), role_family=(), undated=False),
        "p.posted_date IS NOT NULL",
        {},
    ),
    (
        "defaults",
        Filters(),
        "p.seniority IN ($seniority_0, $seniority_1, $seniority_2, $seniority_3, $seniority_4) "
        "AND p.role_family IN ($role_family_0)",
        {
            **{f"seniority_{i}": v for i, v in enumerate(SENIOR_LEVELS)},
            "role_family_0": "software_engineering",
        },
    ),
    (
        "country and region",
        Filters(seniority=(), role_family=(), country=("US", "GB"), region=("US-CA",)),
        "p.country IN ($country_0, $country_1) AND p.region IN ($region_0)",
        {"country_0": "US", "country_1": "GB", "region_0": "US-CA"},
    ),
    (
        "remote stated",
        Filters(seniority=(), role_family=(), remote=("remote",)),
        "p.remote IN ($remote_0)",
        {"remote_0": "remote"},
    ),
    (
        "remote not stated only",
        Filters(seniority=(), role_family=(), remote=("not stated",)),
        "p.remote IS NULL",
        {},
    ),
    (
        "remote or not stated",
        Filters(seniority=(), role_family=(), remote=("hybrid", "not stated")),
        "(p.remote IN ($remote_0) OR p.remote IS NULL)",
        {"remote_0": "hybrid"},
    ),
    (
        "any skill",
        Filters(seniority=(), role_family=(), skills=("Python", "Go")),
        "p.posting_id IN (SELECT posting_id FROM posting_skills WHERE skill IN ($skill_0, $skill_1))",
        {"skill_0": "Python", "skill_1": "Go"},
    ),
    (
        "all skills",
        Filters(seniority=(), role_family=(), skills=("Python", "Go"), skills_mode="all"),
        "p.posting_id IN (SELECT posting_id FROM posting_skills WHERE skill IN ($skill_0, $skill_1) "
        "GROUP BY posting_id HAVING count(DISTINCT skill) = $skill_count)",
        {"skill_0": "Python", "skill_1": "Go", "skill_count": 2},
    ),
    (
        "source",
        Filters(seniority=(), role_family=(), source=("jobspy",)),
        "p.source IN ($source_0)",
        {"source_0": "jobspy"},
    ),
    (
        "language",
        Filters(seniority=(), role_family=(), language=("de", "fr")),
        "p.language IN ($language_0, $language_1)",
        {"language_0": "de", "language_1": "fr"},
    ),
    (
        "language not detected only",  # as remote's "not stated": the postings whose language is NULL
        Filters(seniority=(), role_family=(), language=("not detected",)),
        "p.language IS NULL",
        {},
    ),
    (
        "language or not detected",
        Filters(seniority=(), role_family=(), language=("de", "not detected")),
        "(p.language IN ($language_0) OR p.language IS NULL)",
        {"language_0": "de"},
    ),
    (
        "hostile value stays a parameter",
        Filters(seniority=(), role_family=(), country=("US'; DROP TABLE x;--",)),
        "p.country IN ($country_0)",
        {"country_0": "US'; DROP TABLE x;--"},
    ),
]


@pytest.mark.parametrize(("label", "f", "sql", "params"), WHERE_CASES, ids=[c[0] for c in WHERE_CASES])
def test_where(label: str, f: Filters, sql: str, params: dict) -> None:
    assert where(f) == (sql, params)


BITS = {"Python": (0, 0), "Go": (0, 3), "Rust": (1, 2)}  # skill -> (word, bit) of a skill bitmap
BITS_CASES = [
    ("one skill", ("Python",), "any", "(p.skill_bits_0 & $skill_mask_0::UBIGINT) <> 0", {"skill_mask_0": 1}),
    ("two in one word, any", ("Python", "Go"), "any", "(p.skill_bits_0 & $skill_mask_0::UBIGINT) <> 0",
     {"skill_mask_0": 9}),
    ("two in one word, all", ("Python", "Go"), "all",
     "(p.skill_bits_0 & $skill_mask_0::UBIGINT) = $skill_mask_0::UBIGINT", {"skill_mask_0": 9}),
    ("two words, any", ("Rust", "Python"), "any",
     "((p.skill_bits_0 & $skill_mask_0::UBIGINT) <> 0 OR (p.skill_bits_1 & $skill_mask_1::UBIGINT) <> 0)",
     {"skill_mask_0": 1, "skill_mask_1": 4}),
    ("one without a bit, all", ("Python", "Zig", "Zig"), "all",
     "((p.skill_bits_0 & $skill_mask_0::UBIGINT) = $skill_mask_0::UBIGINT AND p.posting_id IN (SELECT "
     "posting_id FROM posting_skills WHERE skill IN ($skill_0) GROUP BY posting_id HAVING count(DISTINCT "
     "skill) = $skill_count))", {"skill_mask_0": 1, "skill_0": "Zig", "skill_count": 1}),
    ("one without a bit, any", ("Zig", "Go"), "any",
     "((p.skill_bits_0 & $skill_mask_0::UBIGINT) <> 0 OR p.posting_id IN (SELECT posting_id FROM "
     "posting_skills WHERE skill IN ($skill_0)))", {"skill_mask_0": 8, "skill_0": "Zig"}),
]


@pytest.mark.parametrize(("label", "skills", "mode", "sql", "params"), BITS_CASES,
                         ids=[c[0] for c in BITS_CASES])
def test_where_with_a_skill_bitmap(label: str, skills: tuple[str, ...], mode: str, sql: str,
                                   params: dict) -> None:
    """Skills with a bit are tested on postings.skill_bits_<word> (one mask per word), others by the
    semi-join; the warehouse tests show both select the same postings (test_rollup_answers.py)."""
    f = Filters(seniority=(), role_family=(), skills=skills, skills_mode=mode)
    assert where(f, bits=BITS) == (sql, params)


def test_where_without_dates_and_alias() -> None:
    f = Filters(date_from=date(2025, 1, 1), seniority=("senior",), role_family=())
    assert where(f, dates=False) == ("p.seniority IN ($seniority_0)", {"seniority_0": "senior"})
    assert where(f, alias="") == ("(posted_date IS NULL OR (posted_date >= $date_from)) AND seniority "
                                  "IN ($seniority_0)",
                                  {"date_from": date(2025, 1, 1), "seniority_0": "senior"})


def test_lists_become_tuples_and_bad_mode_fails() -> None:
    assert Filters(country=["US"]).country == ("US",)  # type: ignore[arg-type]
    assert hash(Filters(country=["US"])) == hash(Filters(country=("US",)))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        Filters(skills_mode="some")


ROLLUP_CASES = [
    (Filters(), True),
    (Filters(date_from=date(2025, 1, 1), date_to=date(2025, 2, 28)), True),
    (Filters(date_from=date(2024, 2, 1), date_to=date(2024, 2, 29)), True),  # leap year
    (Filters(date_from=date(2025, 1, 2)), False),
    (Filters(date_to=date(2025, 2, 27)), False),
    (Filters(region=("US-CA",)), False),
    (Filters(skills=("Python",)), False),
    (Filters(language=("de",)), False),  # the rollups have no language dimension
    (Filters(country=("US",), remote=("remote",), source=("jobspy",)), True),
]


@pytest.mark.parametrize(("f", "ok"), ROLLUP_CASES)
def test_rollup_ok(f: Filters, ok: bool) -> None:
    assert rollup_ok(f) is ok


def test_rollup_where_uses_months() -> None:
    f = Filters(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31), seniority=("senior",), role_family=(),
                undated=False)
    sql, params = rollup_where(f)
    assert (
        sql == "r.posted_month >= $date_from AND r.posted_month <= $date_to AND r.seniority IN ($seniority_0)"
    )
    sql, _ = rollup_where(replace(f, undated=True))
    assert sql.startswith(
        "(r.posted_month IS NULL OR (r.posted_month >= $date_from AND r.posted_month <= $date_to))"
    )
    assert params == {"date_from": date(2025, 1, 1), "date_to": date(2025, 3, 1), "seniority_0": "senior"}
    with pytest.raises(ValueError):
        rollup_where(Filters(region=("US-CA",)))


SPAN_CASES = [
    (EVERYONE, (None, None)),
    (Filters(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31)), (date(2025, 1, 1), date(2025, 3, 1))),
    (Filters(date_from=date(2025, 1, 10), date_to=date(2025, 3, 20)), (date(2025, 2, 1), date(2025, 2, 1))),
    (Filters(date_from=date(2024, 12, 31)), (date(2025, 1, 1), None)),
    (Filters(date_to=date(2024, 2, 28)), (None, date(2024, 1, 1))),  # leap year: February is cut
    (Filters(date_to=date(2024, 2, 29)), (None, date(2024, 2, 1))),
    (Filters(date_from=date(2025, 5, 3), date_to=date(2025, 5, 28)), (date(2025, 6, 1), date(2025, 4, 1))),
]


@pytest.mark.parametrize(("f", "span"), SPAN_CASES)
def test_whole_month_span(f: Filters, span: tuple[date | None, date | None]) -> None:
    assert whole_month_span(f) == span


DETAIL_CASES = [
    ("every list field, region and language too",
     Filters(seniority=("senior",), role_family=(), region=("US-CA",), language=("de",)),
     "d.seniority IN ($seniority_0) AND d.region IN ($region_0) AND d.language IN ($language_0)",
     {"seniority_0": "senior", "region_0": "US-CA", "language_0": "de"}),
    ("dated only", replace(EVERYONE, undated=False), "d.posted_month IS NOT NULL", {}),
    ("whole months", replace(EVERYONE, date_from=date(2025, 1, 1), date_to=date(2025, 2, 28)),
     "(d.posted_month IS NULL OR (d.posted_month >= $month_from AND d.posted_month <= $month_to))",
     {"month_from": date(2025, 1, 1), "month_to": date(2025, 2, 1)}),
    ("from a month on, dated only", replace(EVERYONE, date_from=date(2025, 3, 1), undated=False),
     "d.posted_month >= $month_from", {"month_from": date(2025, 3, 1)}),
]


@pytest.mark.parametrize(("label", "f", "sql", "params"), DETAIL_CASES, ids=[c[0] for c in DETAIL_CASES])
def test_detail_where(label: str, f: Filters, sql: str, params: dict) -> None:
    """The fine-cell rollups take whole months and every list field, region and language too."""
    assert detail_where(f) == (sql, params)


def test_detail_where_refuses_a_skill_without_a_bit() -> None:
    with pytest.raises(ValueError):
        detail_where(Filters(skills=("Python",)))
    with pytest.raises(ValueError):
        detail_where(Filters(skills=("Python", "Go")), bits={"Go": (1, 3)})


EDGE_CASES = [
    ("whole months: no edge days", replace(EVERYONE, date_from=date(2025, 1, 1), date_to=date(2025, 2, 28)),
     None, None),
    ("cut at both ends", replace(EVERYONE, date_from=date(2025, 1, 10), date_to=date(2025, 3, 20)),
     "((p.posted_date >= $date_from AND p.posted_date <= $edge_to) OR "
     "(p.posted_date >= $edge_from AND p.posted_date <= $date_to))",
     {"date_from": date(2025, 1, 10), "edge_to": date(2025, 1, 31), "edge_from": date(2025, 3, 1),
      "date_to": date(2025, 3, 20)}),
    ("from a cut month on, a country", replace(EVERYONE, date_from=date(2025, 1, 10), country=("US",),
                                               undated=False),
     "p.posted_date >= $date_from AND p.posted_date <= $edge_to AND p.country IN ($country_0)",
     {"country_0": "US", "date_from": date(2025, 1, 10), "edge_to": date(2025, 1, 31)}),
    ("up to a cut month, the first whole", replace(EVERYONE, date_from=date(2025, 1, 1),
                                                   date_to=date(2025, 3, 20)),
     "p.posted_date >= $edge_from AND p.posted_date <= $date_to",
     {"edge_from": date(2025, 3, 1), "date_to": date(2025, 3, 20)}),
    ("across two cut months, no whole one", replace(EVERYONE, date_from=date(2025, 1, 10),
                                                    date_to=date(2025, 2, 20)),
     "p.posted_date >= $date_from AND p.posted_date <= $date_to",
     {"date_from": date(2025, 1, 10), "date_to": date(2025, 2, 20)}),
    ("inside one month", replace(EVERYONE, date_from=date(2025, 1, 10), date_to=date(2025, 1, 20)),
     "p.posted_date >= $date_from AND p.posted_date <= $date_to",
     {"date_from": date(2025, 1, 10), "date_to": date(2025, 1, 20)}),
]


@pytest.mark.parametrize(("label", "f", "sql", "params"), EDGE_CASES, ids=[c[0] for c in EDGE_CASES])
def test_edge_where(label: str, f: Filters, sql: str | None, params: dict | None) -> None:
    """The edge days of a range cut inside months: dated postings in the range outside detail_where's whole
    months, as plain date ranges (DuckDB applies them in the scan); the parameters it shares with
    detail_where hold the same values, so both go into one statement."""
    found = edge_where(f)
    assert (found is None) if sql is None else found == (sql, params)
    if found is not None:
        months = detail_where(f)[1]
        assert all(months[k] == v for k, v in found[1].items() if k in months)


BLOCK_CASES = [
    ("cut at both ends: days 10-14, the blocks from the 15th; the blocks up to the 14th, days 15-20",
     replace(EVERYONE, date_from=date(2025, 1, 10), date_to=date(2025, 3, 20)),
     "((d.posted_block >= $block_from_0 AND d.posted_block <= $block_to_0) OR "
     "(d.posted_block >= $block_from_1 AND d.posted_block <= $block_to_1))",
     {"block_from_0": date(2025, 1, 15), "block_to_0": date(2025, 1, 29),
      "block_from_1": date(2025, 3, 1), "block_to_1": date(2025, 3, 8)},
     "((p.posted_date >= $day_from_0 AND p.posted_date <= $day_to_0) OR "
     "(p.posted_date >= $day_from_1 AND p.posted_date <= $day_to_1))",
     {"day_from_0": date(2025, 1, 10), "day_to_0": date(2025, 1, 14),
      "day_from_1": date(2025, 3, 15), "day_to_1": date(2025, 3, 20)}),
    ("edges of whole blocks (from the 8th, to the 21st), a country: no days left",
     replace(EVERYONE, date_from=date(2025, 1, 8), date_to=date(2025, 3, 21), country=("US",)),
     "((d.posted_block >= $block_from_0 AND d.posted_block <= $block_to_0) OR "
     "(d.posted_block >= $block_from_1 AND d.posted_block <= $block_to_1)) AND d.country IN ($country_0)",
     {"country_0": "US", "block_from_0": date(2025, 1, 8), "block_to_0": date(2025, 1, 29),
      "block_from_1": date(2025, 3, 1), "block_to_1": date(2025, 3, 15)}, None, None),
    ("inside one block: no block, every day", replace(EVERYONE, date_from=date(2025, 1, 9),
                                                       date_to=date(2025, 1, 13)),
     None, None, "p.posted_date >= $day_from_0 AND p.posted_date <= $day_to_0",
     {"day_from_0": date(2025, 1, 9), "day_to_0": date(2025, 1, 13)}),
    ("February's last block is its 29th (leap year)", replace(EVERYONE, date_from=date(2024, 2, 20)),
     "d.posted_block >= $block_from_0 AND d.posted_block <= $block_to_0",
     {"block_from_0": date(2024, 2, 22), "block_to_0": date(2024, 2, 29)},
     "p.posted_date >= $day_from_0 AND p.posted_date <= $day_to_0",
     {"day_from_0": date(2024, 2, 20), "day_to_0": date(2024, 2, 21)}),
    ("whole months: neither", replace(EVERYONE, date_from=date(2025, 1, 1), date_to=date(2025, 2, 28)),
     None, None, None, None),
]


@pytest.mark.parametrize(("label", "f", "blocks", "block_params", "days", "day_params"), BLOCK_CASES,
                         ids=[c[0] for c in BLOCK_CASES])
def test_block_where_and_the_days_left(label: str, f: Filters, blocks: str | None, block_params: dict | None,
                                       days: str | None, day_params: dict | None) -> None:
    """The edge days as whole day blocks (read from a block rollup) and the days left outside them (read from
    the dated postings); the parameters shared with detail_where hold the same values."""
    found = block_where(f)
    assert (found is None) if blocks is None else found == (blocks, block_params)
    left = edge_where(f, blocks=True)
    assert (left is None) if days is None else left == (days, day_params)
    months = detail_where(f)[1]
    for part in (found, left):
        assert part is None or all(months[k] == v for k, v in part[1].items() if k in months)


def test_blocks_and_days_left_are_exactly_the_edge_days() -> None:
    """For every range of up to 70 days starting on each day of 2024 (a leap year) and 2025: the edge days
    (the range's days in months it does not hold whole) are the days of the whole blocks of block_split
    plus the days it leaves, each once, and at most six days are left at either end of a span that holds a
    block. A block starts on the 1st, 8th, 15th, 22nd or 29th and ends before the next (or the month's
    end)."""
    def days(lo: date, hi: date) -> list[date]:
        return [lo + timedelta(days=k) for k in range((hi - lo).days + 1)]

    first = date(2024, 1, 1)
    for start in days(first, date(2025, 12, 31)):
        for length in (0, 1, 5, 6, 7, 13, 20, 27, 35, 45, 69):
            f = Filters(date_from=start, date_to=start + timedelta(days=length))
            assert f.date_from is not None and f.date_to is not None
            edge = [d for d in days(f.date_from, f.date_to)
                    if not (f.date_from <= d.replace(day=1) and _month_end(d) <= f.date_to)]
            got: list[date] = []
            for lo, hi in edge_spans(f):
                blocks, left = block_split(lo, hi)
                for a, b in left:
                    assert blocks is None or (b - a).days <= 5
                    got += days(a, b)
                if blocks is not None:
                    got += [d for d in days(blocks[0], _month_end(blocks[1])) if block_start(d) <= blocks[1]]
            assert sorted(got) == edge and len(set(got)) == len(got), f


def _month_end(d: date) -> date:
    return (d.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)


@pytest.mark.parametrize(("day", "start"), [(1, 1), (7, 1), (8, 8), (14, 8), (15, 15), (28, 22), (29, 29),
                                            (31, 29)])
def test_block_start(day: int, start: int) -> None:
    assert block_start(date(2025, 1, day)) == date(2025, 1, start)


def test_detail_where_takes_a_skill_with_a_bit() -> None:
    sql, params = detail_where(Filters(role_family=(), seniority=(), skills=("Go",)), bits={"Go": (1, 3)})
    assert sql == "(d.skill_bits_1 & $skill_mask_1::UBIGINT) <> 0" and params == {"skill_mask_1": 8}


@pytest.mark.parametrize(("start", "end", "prev"), [
    (date(2025, 3, 1), date(2025, 4, 30), (date(2024, 12, 30), date(2025, 2, 28))),
    (date(2025, 1, 1), date(2025, 1, 1), (date(2024, 12, 31), date(2024, 12, 31))),
])
def test_previous_period(start: date, end: date, prev: tuple[date, date]) -> None:
    assert previous_period(start, end) == prev


URL_CASES = [
    (Filters(), {}),
    (Filters(seniority=("senior",)), {"seniority": "senior"}),
    (Filters(seniority=()), {"seniority": "all"}),
    (Filters(date_from=date(2025, 3, 1), country=("US", "GB"), skills=("C#", "Go"), skills_mode="all"),
     {"date_from": "2025-03-01", "country": "US,GB", "skills": "C#,Go", "skills_mode": "all"}),
    (Filters(undated=False), {"undated": "no"}),
]


@pytest.mark.parametrize(("f", "params"), URL_CASES)
def test_query_params_round_trip(f: Filters, params: dict) -> None:
    assert to_query_params(f) == params
    assert from_query_params(params) == f


def test_from_query_params_is_forgiving() -> None:
    f = from_query_params({"date_from": "not a date", "skills_mode": "some", "unknown": "x",
                           "country": ["GB", "US,DE"], "date_to": "2025-01-01 "})
    assert f == Filters(country=("US", "DE"), date_to=date(2025, 1, 1))
    swapped = from_query_params({"date_from": "2025-05-01", "date_to": "2025-01-01"})
    assert (swapped.date_from, swapped.date_to) == (date(2025, 1, 1), date(2025, 5, 1))


def test_describe() -> None:
    text = describe(
        Filters(date_from=date(2025, 1, 1), country=("US",), skills=("Go", "Rust"), skills_mode="all")
    )
    # QA round eight: a range ending on the latest posting (stored open) read "2025-01-01 to …"
    assert text.startswith("2025-01-01 to the latest posting"), text
    assert describe(Filters(date_to=date(2025, 1, 1))).startswith("the first posting to 2025-01-01")
    assert "country: United States" in text and "skills: Go and Rust" in text
    assert "role: Software engineering" in describe(Filters())  # display names, not codes
    assert "language: German (de)" in describe(Filters(language=("de",)))  # as the filter lists it
    assert describe(EVERYONE) == "all dates"
    assert describe(replace(EVERYONE, undated=False)) == "all dates (dated postings only)"
    assert "and undated" in describe(Filters(date_from=date(2025, 1, 1)))


# Lead ruling 4 on hqa38: a share the filter fixes reads "set by the filter", never a figure with a warning
@pytest.mark.parametrize(("remote", "fixed"), [
    ((), None), (("remote",), "remote only"), (("remote", "not stated"), "remote only"),
    (("hybrid",), "hybrid only"), (("hybrid", "onsite"), "hybrid or onsite only"),
    (("onsite", "not stated"), "onsite only"), (("remote", "hybrid"), None), (("not stated",), None)])
def test_the_remote_share_is_set_by_a_work_arrangement_filter_that_fixes_it(remote, fixed) -> None:
    from analytics.filters import remote_share_set

    why = remote_share_set(Filters(remote=remote))
    if fixed is None:
        assert why is None
    else:
        assert why is not None and fixed in why
        assert ("100%" in why) == ("remote" in remote)


def test_coverage_the_filter_fixes_at_all_postings() -> None:
    from analytics.filters import coverage_set

    assert coverage_set(Filters()) == {}
    assert set(coverage_set(Filters(remote=("remote", "hybrid")))) == {"work_arrangement"}
    assert coverage_set(Filters(remote=("remote", "not stated"))) == {}  # unstated kept: the data decides
    assert set(coverage_set(Filters(country=("US",), undated=False))) == {"location", "date_posted"}
