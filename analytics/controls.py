"""The pages' own controls (the map's colour, the salary chart's grouping, the movers' periods, the open tab
...) as shareable values: which widgets a page puts in its link, and the pure translation of a widget's
value to a URL parameter and back.

Why: a link must open the exact view, not only the sidebar's filters (analytics.filters does those). Each
control's URL parameter is its widget's session-state key, so there is no second list of names to keep in
step; this registry only says which widgets of a page are shared and what a valid value is. A link is
written by whoever shares it, so ``decode`` accepts only what the widget itself could hold - one of the
offered options, a date range, a bounded whole number - and raises ValueError on anything else (long text,
SQL, HTML, a wrong type); nothing from a link reaches SQL text (the pages' queries take the values as
parameters, and only known options get that far). Pure: no streamlit (tested with a table of cases).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from analytics.figures import regions as rf
from analytics.figures import skills as sf
from analytics.figures.salary import DEFAULT_BY
from analytics.filters import join_values, split_values
from analytics.queries import regions as rq
from analytics.queries import salary

CHOICE, CHOICES, PERIOD, COUNT, TAB = "choice", "choices", "period", "count", "tab"
MAX_TEXT = 2_000  # longer link values are refused unread (a list of skills fits many times over)
PERIOD_SEP = ".."
YEARS = (1900, 2100)  # a period outside these years is no date range anyone shares
_DIGITS = re.compile(r"[0-9]{1,9}")


@dataclass(frozen=True)
class Control:
    """One shareable widget of a page: ``key`` is its session-state key and its URL parameter."""

    key: str
    kind: str  # CHOICE (radio, selectbox), CHOICES (multiselect), PERIOD (date range), COUNT, TAB
    # the values it offers: fixed, or read from the warehouse's options (analytics.queries.data.Options)
    options: tuple[str, ...] | Callable[[Any], Iterable[str]] = ()
    default: Any = None  # what it shows untouched (None: the page's own default, ui.links.seed)
    low: int = 1  # COUNT's bounds
    high: int = 1_000_000
    # the values the page offers under the filters (a query function of Filters and the column of its
    # result that holds them), when narrower than ``options``: a link's region valid in the warehouse may
    # lie outside what the page offers under the link's own filters (?country=DE&rg_cmp_a=US-CA, Germany
    # holding regions of its own), and is refused then (ui.links). The comparison offers
    # regions.comparable_areas: under a place filter leaving no two areas apart, every area (QA round
    # eighteen), so a link's pick outside that filter is kept there
    under: tuple[Callable[..., Any], str] | None = None

    def allowed(self, opts: Any = None) -> tuple[str, ...] | None:
        """The values a CHOICE, CHOICES or TAB may take (None: not known without ``opts``)."""
        if callable(self.options):
            return None if opts is None else tuple(self.options(opts))
        return self.options

    def encode(self, value: Any) -> str:
        """The URL parameter's text for ``value`` (the widget's value as session state holds it)."""
        if self.kind in (CHOICE, TAB):
            return str(value)
        if self.kind == CHOICES:
            return join_values(tuple(str(v) for v in value))
        if self.kind == PERIOD:
            lo, hi = value
            return f"{lo.isoformat()}{PERIOD_SEP}{hi.isoformat()}"
        if self.kind == COUNT:
            return str(int(value))
        raise ValueError(f"unknown control kind {self.kind!r}")

    def decode(self, text: Any, opts: Any = None) -> Any:
        """The widget's value from a URL parameter's text; ValueError for anything the widget could not
        show. ``opts`` (the warehouse's Options) checks controls whose options come from the data."""
        if not isinstance(text, str):
            raise ValueError("not text")
        if len(text) > MAX_TEXT or any(ord(c) < 32 or c == "\x7f" for c in text):
            raise ValueError("too long or holds control characters")
        allowed = self.allowed(opts)
        if self.kind in (CHOICE, TAB):
            if allowed is None or text not in allowed:
                raise ValueError("not one of the options")
            return text
        if self.kind == CHOICES:
            values = split_values(text)
            if not values or allowed is None or any(v not in allowed for v in values):
                raise ValueError("not all of them are options")
            return list(values)
        if self.kind == PERIOD:
            ends = text.split(PERIOD_SEP)
            if len(ends) != 2:
                raise ValueError("not two dates")
            lo, hi = sorted(date.fromisoformat(e.strip()) for e in ends)  # ValueError when not dates
            if lo.year < YEARS[0] or hi.year > YEARS[1]:
                raise ValueError("outside the years a period may span")
            return (lo, hi)
        if self.kind == COUNT:
            if not _DIGITS.fullmatch(text) or not self.low <= int(text) <= self.high:
                raise ValueError(f"not a whole number from {self.low} to {self.high}")
            return int(text)
        raise ValueError(f"unknown control kind {self.kind!r}")


def same(a: Any, b: Any) -> bool:
    """Equal as widget values (a multiselect's list and a tuple of the same items are)."""
    def norm(v: Any) -> Any:
        return tuple(v) if isinstance(v, list | tuple) else v

    return bool(norm(a) == norm(b))


# The tabs of each page (ui.chart.sections): their labels are the values of the page's tab control.
SKILLS_TABS = ("Monthly trend", "Rising and falling", "Asked for together", "Salary premium", "Beyond code")
REGIONS_TABS = ("US states", "Cities and metros", "Work arrangement", "Two regions side by side")
SALARY_TABS = ("Distribution", "By skill", "Over time")
EXPERIENCE_TABS = ("Bands", "By seniority", "Against salary", "Degree")
DATA_TABS = ("Rejected rows", "Field coverage", "Source mix", "Language mix", "Extraction quality")


def regions_tabs(f: Any) -> tuple[str, ...]:
    """The Regions page's tabs in the order drawn, the first opening untouched (ui.chart.sections): the US
    states' map first unless the filters leave it nothing to draw - a country filter without the US, or a
    region filter naming no US state (hqa35's seen and left: under Ontario it opened on an empty US map),
    where "Cities and metros" comes first."""
    no_us = (bool(f.country) and "US" not in f.country) or (
        bool(f.region) and not any(str(r).startswith("US-") for r in f.region))
    return (REGIONS_TABS[1], REGIONS_TABS[0], *REGIONS_TABS[2:]) if no_us else REGIONS_TABS


def _tabs(key: str, labels: Sequence[str]) -> Control:
    return Control(key, TAB, tuple(labels), default=labels[0])


def _areas(opts: Any) -> tuple[str, ...]:
    return (*opts.country, *opts.region)


def _skills(opts: Any) -> tuple[str, ...]:
    return tuple(opts.skills)


# Per page (analytics.pages slugs), the widgets its link carries. A widget key appears on one page only.
PAGE_CONTROLS: dict[str, tuple[Control, ...]] = {
    "skills": (
        Control("sk_trend_pick", CHOICES, _skills),
        Control("sk_mov_a", PERIOD),
        Control("sk_mov_b", PERIOD),
        Control("sk_mov_min", COUNT, default=sf.MOVERS_MIN),
        _tabs("sk_tabs", SKILLS_TABS),
    ),
    "regions": (
        Control("rg_measure", CHOICE, rf.MEASURES, default=rf.MEASURE),
        Control("rg_remote_level", CHOICE, rf.LEVELS, default=rf.LEVEL),
        Control("rg_cmp_a", CHOICE, _areas, under=(rq.comparable_areas, "area")),
        Control("rg_cmp_b", CHOICE, _areas, under=(rq.comparable_areas, "area")),
        _tabs("rg_tabs", REGIONS_TABS),
    ),
    "salary": (
        Control("sa_by", CHOICE, tuple(salary.GROUPS), default=DEFAULT_BY),
        _tabs("sa_tabs", SALARY_TABS),
    ),
    "experience": (_tabs("ex_tabs", EXPERIENCE_TABS),),
    "data": (_tabs("da_tabs", DATA_TABS),),
}


def of(slug: str | None) -> tuple[Control, ...]:
    """The shareable controls of page ``slug`` (none for a page without, or None)."""
    return PAGE_CONTROLS.get(slug or "", ())


def kept(slug: str) -> tuple[str, ...]:
    """The keys of page ``slug``'s controls that keep their value over other pages' runs (ui.chart.keep):
    every one but the open tab (a page opens on its first tab, unless a link names another)."""
    return tuple(c.key for c in of(slug) if c.kind != TAB)


def to_params(cs: Iterable[Control], values: dict[str, Any], defaults: dict[str, Any]) -> dict[str, str]:
    """URL parameters for the ``values`` (by key) that differ from their ``defaults`` (by key, else the
    control's own default): an untouched control stays out of the link, as a default filter does."""
    out: dict[str, str] = {}
    for c in cs:
        if c.key not in values or values[c.key] is None:
            continue
        default = defaults.get(c.key, c.default)
        if default is not None and same(values[c.key], default):
            continue
        try:
            out[c.key] = c.encode(values[c.key])
        except (TypeError, ValueError, AttributeError):  # a value mid-edit (one end of a range): left out
            continue
    return out


def from_params(cs: Iterable[Control], params: dict[str, Any], opts: Any = None
                ) -> tuple[dict[str, Any], list[str]]:
    """The controls' values from URL parameters, and "key=value" for each one refused (not decoded)."""
    values: dict[str, Any] = {}
    refused: list[str] = []
    for c in cs:
        if c.key not in params:
            continue
        raw = params[c.key]
        if isinstance(raw, list):
            raw = raw[-1] if raw else ""
        try:
            values[c.key] = c.decode(raw, opts)
        except (TypeError, ValueError):
            refused.append(f"{c.key}={raw}")
    return values, refused
