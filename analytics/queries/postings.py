"""The postings behind a selected bar or point.

Why: a number is only trusted when its evidence is one click away. A chart's selection
becomes a Pick - for each selected point, the dimension values that identify it - and
this turns it, with the active filters, into a list of postings. Dimensions are a fixed
table of SQL fragments, so a value from the browser only ever travels as a parameter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import names
from analytics.filters import Filters
from analytics.queries import experience, run, where
from analytics.result import QueryResult

# dimension -> condition on postings p with the value as $v
DIMENSIONS: dict[str, str] = {
    "month": "p.posted_month = CAST($v AS DATE)",
    "skill": "p.posting_id IN (SELECT posting_id FROM posting_skills WHERE skill = $v)",
    "country": "p.country = $v",
    "region": "p.region = $v",
    "state": "p.region = 'US-' || $v",
    "area": "(p.country = $v OR p.region = $v)",
    "city": "p.city = $v",
    "metro": "p.metro = $v",
    "seniority": "p.seniority = $v",
    "role_family": "p.role_family = $v",
    "source": "p.source = $v",
    "salary_band": "p.salary_band = $v",
    "degree": "coalesce(p.degree, 'not stated') = $v",
    "remote": "coalesce(p.remote, 'not stated') = $v",
    "years": f"least(floor(p.experience_min), {experience.YEARS_CAP}) = CAST($v AS DOUBLE)",
    "years_band": f"{experience.band_case()} = $v",
}


# a chart's drill-down scope -> condition on postings p: the postings its figures rest on (a median salary
# rests on the postings stating a plausible salary, not on every posting of its group)
SCOPES: dict[str, str] = {
    "salaried": "p.salary_plausible",
    "years": "p.experience_min IS NOT NULL",
}


@dataclass(frozen=True)
class Pick:
    """Selected points: each a tuple of (dimension, value) pairs that all hold."""

    points: tuple[tuple[tuple[str, str], ...], ...]

    def __post_init__(self) -> None:
        for point in self.points:
            for dim, _ in point:
                if dim not in DIMENSIONS:
                    raise ValueError(f"unknown dimension {dim!r}")


def pick_condition(pick: Pick) -> tuple[str, dict[str, Any]]:
    """(condition, params): OR over points, AND within a point. Pure."""
    params: dict[str, Any] = {}
    ors: list[str] = []
    for i, point in enumerate(pick.points):
        ands = []
        for j, (dim, value) in enumerate(point):
            name = f"pick_{i}_{j}"
            params[name] = str(value)
            ands.append(DIMENSIONS[dim].replace("$v", f"${name}"))
        if ands:
            ors.append("(" + " AND ".join(ands) + ")")
    return ("(" + " OR ".join(ors) + ")" if ors else "FALSE"), params


def period_condition(periods: tuple[tuple[date, date], ...]) -> tuple[str, dict[str, Any]]:
    """(condition, params): posted on a day of any of ``periods`` (first and last day included), as the
    movers count their two periods. Pure; a period ending before it starts is refused."""
    params: dict[str, Any] = {}
    ors: list[str] = []
    for i, (start, end) in enumerate(periods):
        if end < start:
            raise ValueError(f"period {i + 1} ends ({end}) before it starts ({start})")
        params[f"period_{i}_from"], params[f"period_{i}_to"] = start, end
        ors.append(f"p.posted_date BETWEEN $period_{i}_from AND $period_{i}_to")
    return ("(" + " OR ".join(ors) + ")" if ors else "FALSE"), params


def postings_for(f: Filters, pick: Pick, limit: int = 200, db: str | Path | None = None, *,
                 only: str | None = None, periods: tuple[tuple[date, date], ...] | None = None
                 ) -> QueryResult:
    """Postings behind the selection: title, company, location, salary_usd (whole dollars, plausible
    salaries only) beside salary_text (as published), posted_date, url. ``only`` (a SCOPES name) keeps
    the postings the chart's figure rests on (a salary chart's bar: those stating a salary). ``periods``
    (a chart comparing periods, the movers): the postings dated in one of them, in place of the
    filters' own date range, which such a chart does not use either."""
    if only is not None and only not in SCOPES:
        raise ValueError(f"unknown drill-down scope {only!r}")
    cond, params = where(f, dates=periods is None, db=db)
    if only is not None:
        cond = f"{cond} AND {SCOPES[only]}"
    if periods is not None:
        dcond, dparams = period_condition(periods)
        cond, params = f"{cond} AND {dcond}", {**params, **dparams}
    pcond, pparams = pick_condition(pick)
    params = {**params, **pparams, "limit": limit}
    sql = f"""SELECT p.title, p.company,
       p.location_raw AS location, p.city, p.region, p.country,
       CASE WHEN p.salary_plausible THEN round(p.salary_usd_mid) END AS salary_usd, p.salary_text,
       p.posted_date, p.url, count(*) OVER () AS matched
FROM postings p
WHERE {cond} AND {pcond}
ORDER BY p.posted_date DESC NULLS LAST, p.posting_id
LIMIT $limit"""
    return run("postings.postings_for", sql, params, db=db, post=_place_names,
               n=lambda df: int(df["matched"].iloc[0]) if len(df) else 0)


def _place_names(df: pd.DataFrame) -> pd.DataFrame:
    """"Austin, Texas, United States" for the codes the warehouse keeps (US-TX, US)."""
    named = [", ".join(part for part in (_named(str, city), _named(names.region_name, region),
                                         _named(names.country_name, country)) if part)
             for city, region, country in zip(df["city"], df["region"], df["country"])]
    located = df.assign(location=[n or raw for n, raw in zip(named, df["location"])])
    return located.drop(columns=["city", "region", "country"])


def _named(fn: Callable[[str], str], code: object) -> str:
    return fn(str(code)) if isinstance(code, str) and code else ""
