"""What each dashboard page shows: its charts' titles, queries and figure builders, free of streamlit.

Why: the app and the cron report (``python -m analytics report``) must produce the same
content. So the definition of a page - which charts, in which order, with which title,
which query and which Plotly figure - lives here once, and both draw from it: the pages
(through ui.chart.chart, which runs the query through the app's cache) and the report
(through ``page_charts``). A page's widget values (trend picks, the movers' periods, the
map measure, ...) travel in ``Context.params``; where one is absent - the report - the
definition's default applies, which is also the widget's default on the page.
"""

from __future__ import annotations

import dataclasses
import importlib
import inspect
import numbers
from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from analytics import cache
from analytics.figures.theme import is_small, n_of
from analytics.filters import Filters
from analytics.pages import CHART_PAGES
from analytics.pages import page as page_entry
from analytics.queries import MIN_N
from analytics.result import QueryResult

Builder = Callable[..., go.Figure]  # (df, **widget values) -> figure
# The postings behind each row's figure (a share or a median): a column, or a function of the rows
Sample = str | Callable[[pd.DataFrame], pd.Series]
# what a drill-down scope's postings have (analytics.queries.postings.SCOPES), for an empty chart's message
SALARY_NEEDS = "a plausible salary"
YEARS_NEEDS = "a stated number of years of experience"
NEEDS = {"salaried": SALARY_NEEDS, "years": YEARS_NEEDS}


@dataclass(frozen=True)
class Call:
    """A query to run: the function and its arguments, without the warehouse (so the app can cache it)."""

    fn: Callable[..., QueryResult]
    args: tuple[Any, ...] = ()

    def run(self, db: str | Path | None = None) -> QueryResult:
        return self.fn(*self.args, db=db)


@dataclass
class Context:
    """What a chart's query may use: the filters, the warehouse, the page's widget values and the
    results of earlier charts."""

    f: Filters
    db: str | Path | None = None
    params: dict[str, Any] = field(default_factory=dict)  # widget values; absent ones take the defaults
    results: dict[str, QueryResult] = field(default_factory=dict)
    cache: dict[str, Any] = field(default_factory=dict)

    def param(self, name: str, default: Any) -> Any:
        """The widget value ``name``, else ``default`` (a value, or a function making it - for
        defaults that need a query, so they run only when the page did not choose)."""
        if name in self.params:
            return self.params[name]
        return default() if callable(default) else default

    def query(self, fn: Callable[..., QueryResult], *args: Any) -> QueryResult:
        """Run a query function for a default or a choice list (the app overrides: through its cache)."""
        return fn(*args, db=self.db)

    def options(self) -> Any:
        if "options" not in self.cache:
            from analytics.queries.data import options

            self.cache["options"] = options(self.db)
        return self.cache["options"]


class SharedContext(Context):
    """A Context whose queries go through the results cache every session of the process shares
    (analytics.cache): the app's pages (ui.chart.PageContext) and the warm-up after a publish
    (analytics.warmup) ask with the same keys, so one's answers serve the other."""

    def options(self) -> Any:
        from analytics.queries.data import options

        return cache.cached(options)

    def query(self, fn: Callable[..., QueryResult], *args: Any) -> QueryResult:
        return cache.cached(fn, *args)


@dataclass(frozen=True)
class ChartDef:
    """One chart (or table, when build is None) of a page."""

    key: str  # the page's widget key, e.g. "sk_top"
    title: str | Callable[[Context], str]
    query: Callable[[Context], Call]
    build: Builder | None  # build(df, **the widget values named in ``uses``)
    drill: tuple[str, ...] | Callable[[Context], tuple[str, ...]] = ()
    enough: str | None = None  # boolean column: false where a figure rests on fewer than MIN_N postings
    # (drawn grey and hatched with its n by the builder - the one sample-size rule - never hidden)
    label: str = "group"
    help: str | None = None
    uses: tuple[str, ...] = ()  # widget values (Context.params) the builder takes as keyword arguments
    # filter fields (Context.f) the builder takes as keyword arguments, where a figure's hover must say what
    # its areas hold (the world map under a region filter)
    filters: tuple[str, ...] = ()
    # the reader's caveats as this chart shows its answer (its query's, by default): a query serving
    # several charts may carry one that holds for some drawings only (the salary bins of a map coloured
    # by postings)
    caveats: Callable[[Context, tuple[str, ...]], tuple[str, ...]] | None = None
    # the postings each row's figure rests on, where the rows are shares or medians (the sample-size rule):
    # the note under the chart and its exports, and the data files' small-sample column (never for counts,
    # which are exact, nor for rows holding several figures of their own n, such as the maps')
    sample: Sample | None = None
    # the postings a selection lists (analytics.queries.postings.SCOPES): a salary figure's are those with
    # a salary (a bar of 29 salaries listed its group's 139 postings); None: every posting of the selection
    drill_only: str | None = None
    # the periods a chart compares (the movers'): a selection lists the postings dated in them, not those of
    # the sidebar's date range (selecting a mover listed its postings of every date)
    drill_periods: Callable[[Context], tuple[tuple[date, date], ...]] | None = None
    # how the figure marks its small samples, as the note under it says: bars where colour carries a meaning
    # (an arrangement, a region, a level) keep it and are only hatched (theme.mark_bars color=None)
    small_look: str = "drawn grey with their n (bars hatched, points open)"
    # what each posting the chart counts has (a noun phrase: "a plausible salary"), named when the filters
    # select postings but none has it; None: the drill-down scope's (NEEDS), else a generic list. QA round
    # eight: "none of them has what this chart counts (a salary, a place, a date ...)" left readers guessing
    needs: str | None = None
    # the rows the figure draws, in the order a reader meets them (top to bottom), where that is not the
    # query's: the small-sample note counts and names those (QA round eight: the salary premium's list ran in
    # another order; the movers' named skills without a bar); the data files keep every row
    reading_order: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    # the fields read from the postings' text its figures rest on (analytics.quality.FIELD_METRICS:
    # "seniority", "salary", "skills" ...), or a function of the page's choices (the salary distribution's
    # grouping, what colours the maps): the note under the chart says how often each is read right on
    # held-out real postings (issue 9), with the fields the active filters select by
    fields: tuple[str, ...] | Callable[[Context], tuple[str, ...]] = ()
    # a table item's slide in a deck or PDF (its rows, n, marks and notes as the page draws them: the
    # Overview's headline figures, lead ruling 1 on hqa39), from the context and the answer; None: zip alone
    slide: Callable[[Context, pd.DataFrame], Any] | None = None
    # columns a table item's data files add after every other (the headline figures' changes as the screen
    # shows them: lead ruling on hqa40 question 1), from its answer; None: none
    data_columns: Callable[[pd.DataFrame], pd.DataFrame] | None = None
    # why the rows, though there are some, say nothing (None when they say something): the chart then draws
    # none and says why (QA round twenty-two: ten skill premiums at "$0 (n=1)", each skill set against itself)
    # (the answer, and the context where the reason hangs on a widget: a map coloured by a figure no posting
    # placed on it states, QA round hqa41)
    says_nothing: Callable[[Context, pd.DataFrame], str | None] | None = None
    # the rows' names as the chart writes them, where _row_name's words for ``label`` are not those (the
    # salary distribution's groups: a country or region by name, lead ruling 1 on hqa41); None: _row_name
    row_names: Callable[[pd.DataFrame], list[str]] | None = None
    # a chart of medians by group: a group of one posting draws no bar (its figure is that posting's, no
    # median: theme.median_bar) and the note names it with this, its figure as words ("$81,921"; lead ruling 2
    # on hqa41); None: no such groups' rule (counts, shares, points)
    one_figure: Callable[[pd.Series], str] | None = None
    # what such a group would have been drawn as, in the note ("so no median point is drawn"): the point
    # charts of medians (over time, against years) follow the bars' rule (lead ruling on hqa42 question 2)
    one_mark: str = "bar"

    def fields_for(self, ctx: Context) -> tuple[str, ...]:
        """The extracted fields the chart's figures rest on under ``ctx`` (``fields``)."""
        return self.fields(ctx) if callable(self.fields) else self.fields

    def needs_for(self) -> str | None:
        """What the chart's postings have, for its empty message (ui.chart.empty_message)."""
        if self.needs is not None:
            return self.needs
        return NEEDS.get(self.drill_only) if self.drill_only is not None else None

    def drill_scope(self, ctx: Context) -> dict[str, Any]:
        """The keyword arguments limiting the postings a selection lists to those the figure rests on
        (analytics.queries.postings.postings_for ``only`` and ``periods``); empty: every posting."""
        scope: dict[str, Any] = {}
        if self.drill_only is not None:
            scope["only"] = self.drill_only
        if self.drill_periods is not None:
            scope["periods"] = tuple(self.drill_periods(ctx))
        return scope

    def title_for(self, ctx: Context) -> str:
        return self.title(ctx) if callable(self.title) else self.title

    def drill_for(self, ctx: Context) -> tuple[str, ...]:
        return self.drill(ctx) if callable(self.drill) else self.drill

    def run(self, ctx: Context) -> QueryResult:
        """Run the chart's query directly (the report; the app goes through its cache with query())."""
        return self.shown(self.query(ctx).run(ctx.db), ctx)

    def shown(self, result: QueryResult, ctx: Context) -> QueryResult:
        """``result`` with the caveats this chart shows (``caveats``), and without rows where they say nothing
        (``says_nothing``: its reason the one caveat); the cached answer is not changed."""
        if result.df.empty:  # an empty chart gives its reasons, not how its figures would be computed
            # ("n = 0 postings · medians and percentiles from $1,000 salary bins ...", QA round fifteen)
            from analytics.queries.salary import BINNED

            return dataclasses.replace(result, caveats=tuple(c for c in result.caveats if c not in BINNED))
        why = self.says_nothing(ctx, result.df) if self.says_nothing is not None else None
        if why is not None:  # the empty chart's reason (ui.chart.empty_message), its files empty alike
            return dataclasses.replace(result, df=result.df.iloc[0:0], caveats=(why,))
        if self.caveats is None:  # about what is drawn
            return result
        return dataclasses.replace(result, caveats=self.caveats(ctx, result.caveats))

    def widget_values(self, ctx: Context) -> dict[str, Any]:
        """The widget values the builder takes: the page's, else the builder's own defaults (so a
        figure built without the page - the warm-up - has the key of the page's first view)."""
        if self.build is None:
            return {}
        sig = inspect.signature(self.build).parameters
        return {**{name: ctx.params[name] if name in ctx.params else sig[name].default
                   for name in self.uses if name in ctx.params or name in sig},
                **{name: getattr(ctx.f, name) for name in self.filters}}

    def figure(self, df: pd.DataFrame, ctx: Context) -> go.Figure:
        """The figure of the rows to draw, with the page's widget values the builder uses."""
        if self.build is None:
            raise ValueError(f"{self.key} is a table, not a chart")
        return self.build(df, **self.widget_values(ctx))

    def shared_figure(self, call: Call, df: pd.DataFrame, ctx: Context) -> go.Figure:
        """``figure`` through the shared cache (analytics.cache.derived): building a Plotly figure costs
        more server time than answering its query from a rollup (0.15-0.3 s for a plotly.express
        chart), and every session opening the same view draws the same figure. Keyed by the chart,
        its query's key (the answer it is drawn from) and the widget values the builder takes."""
        assert self.build is not None
        key: Hashable = (self.key, cache.call_key(call.fn, call.args, {}),
                         cache.call_key(self.build, (), self.widget_values(ctx)))
        return cache.derived(key, lambda: self.figure(df, ctx))


def lowest(*columns: str) -> Callable[[pd.DataFrame], pd.Series]:
    """A Sample: the smallest of these columns (a change between two periods rests on the smaller)."""
    return lambda df: df[list(columns)].min(axis=1)


def summed(column: str) -> Callable[[pd.DataFrame], pd.Series]:
    """A Sample: the column's total on every row (each row's share is of all the rows' postings)."""
    return lambda df: pd.Series(df[column].sum(), index=df.index)


SMALL_COLUMN = f"fewer_than_{MIN_N}_postings"  # the data files' flag: the row's figure rests on fewer



def one_month(df: pd.DataFrame, count: str, unit: tuple[str, str]) -> str | None:
    """A chart over time whose rows (``df``, a month column) hold one month: how many ``count`` (its
    month's figure: salaries, postings) it draws there and that no change over time can be shown; None
    over several months or none. QA round thirty-one: under French postings (every one dated 2025-03-11)
    "Median salary over time" drew one unlabelled point with no word of it. ``unit``: (one, many). Pure."""
    if df.empty or "month" not in df:
        return None
    months = df.drop_duplicates("month").dropna(subset=["month"])
    if len(months) != 1:
        return None
    k, when = int(months[count].sum()), f"{pd.Timestamp(months['month'].iloc[0]):%B %Y}"
    drawn = f"the one {unit[0]} drawn falls in {when}" if k == 1 else \
        f"all {k:,} {unit[1]} drawn fall in one month, {when}"
    return f"{drawn}, so no change over time can be shown"


def thin_months(df: pd.DataFrame, count: str, unit: tuple[str, str]) -> str | None:
    """A chart over time whose rows (``df``, a month column, ``count`` the month's figure's postings or
    salaries) hold two months or more, at most one of them with MIN_N or more: that no line is drawn (a
    line joins months of MIN_N or more only) and which month holds the bulk; None where two months reach
    MIN_N, or fewer than two months hold any (one_month's case). hqa35 (hqa34 ruling 1): under Brazil's
    postings on the real exports "Monthly trend" drew December 2023's 42 as one solid point and 2025's 3 as
    open points over a 23-month axis, under India's 16 postings over 8 months open points only, with no word
    that no line joins two months. ``unit``: (one, many). Pure."""
    if df.empty or "month" not in df or count not in df:
        return None
    months = df.drop_duplicates("month").dropna(subset=["month"])
    held = months[months[count].fillna(0) > 0]
    if len(held) < 2:
        return None
    solid = held[held[count] >= MIN_N]
    if len(solid) >= 2:
        return None
    total = int(held[count].sum())
    tail = "so no change over time can be read with confidence"
    if solid.empty:
        return (f"no month holds {MIN_N} or more {unit[1]} (the {total:,} drawn fall in {len(held)} months), "
                f"so no line is drawn: every month is an open point, {tail}")
    k, when = int(solid[count].iloc[0]), f"{pd.Timestamp(solid['month'].iloc[0]):%B %Y}"
    rest, gaps = total - k, len(held) - 1
    falls = "falls" if rest == 1 else "fall"
    where = "1 month of fewer (an open point)" if gaps == 1 else f"{gaps} months of fewer (open points)"
    return (f"only {when} holds {MIN_N} or more {unit[1]} ({k:,} of the {total:,} drawn), so no line is "
            f"drawn: the other {rest:,} {falls} in {where}, {tail}")

def small_rows(defn: ChartDef, df: pd.DataFrame) -> pd.Series | None:
    """True where a row's figure rests on fewer than MIN_N (but some) postings; None when the chart has no
    such figures (``sample`` unset) or the rows lack the column. Pure (tested)."""
    n = _sample_n(defn, df)
    return None if n is None else pd.Series([is_small(v) for v in n], index=df.index, dtype=bool)


def _sample_n(defn: ChartDef, df: pd.DataFrame) -> Any:
    """The postings each row's figure rests on (``defn.sample``), None without them."""
    if defn.sample is None or df.empty:
        return None
    if isinstance(defn.sample, str):
        return df[defn.sample] if defn.sample in df.columns else None
    return defn.sample(df)


def with_small_flag(defn: ChartDef, df: pd.DataFrame) -> pd.DataFrame:
    """``df`` with the SMALL_COLUMN flag added last (its columns unchanged), for a chart's data files: a
    researcher opening the CSV can tell which rows rest on few postings. Unchanged without ``sample``. Then
    the item's own added columns (ChartDef.data_columns), last."""
    out = _with_small_flag(defn, df)
    return defn.data_columns(out) if defn.data_columns is not None else out


def _with_small_flag(defn: ChartDef, df: pd.DataFrame) -> pd.DataFrame:
    if defn.sample is None or SMALL_COLUMN in df.columns:
        return df
    if df.empty:  # the same shape without rows: a script reading several exports finds the column in each
        return df.assign(**{SMALL_COLUMN: pd.Series(dtype=bool, index=df.index)})
    flags = small_rows(defn, df)
    if flags is None:
        return df
    # a row resting on no posting (a range's empty month, padded so the axis spans it) holds no figure: its
    # flag is empty, not False, which read as "30 or more postings" (QA round seventeen: 450 of the trend's
    # 505 rows under Germany)
    none = pd.Series([pd.isna(v) or float(v) <= 0 for v in _sample_n(defn, df)], index=df.index)
    return df.assign(**{SMALL_COLUMN: flags.astype("boolean").mask(none)})


# The salary figures a binned answer (analytics.queries.salary.BINNED) holds: each within one bin of the exact
# figure, a premium (the difference of two of them) within two
BINNED_FIGURES = ("p10", "p25", "median", "p75", "p90", "median_salary_usd", "overall_median", "premium_usd")
WITHIN_COLUMN = "salary_within_usd"
PREMIUM_WITHIN_COLUMN = "premium_within_usd"


def with_binned_precision(df: pd.DataFrame, caveats: tuple[str, ...]) -> pd.DataFrame:
    """``df`` for a chart's data files: when its salary figures come from the salary bins (``caveats`` say
    so), each in whole dollars - as the page shows it - and a column added last saying how far it may be off
    (WITHIN_COLUMN, and PREMIUM_WITHIN_COLUMN for a premium). Why: the CSV of Salary by seniority read
    76264.03375 for a median within $1,000 of the exact $76,202 (QA round twenty-six), and a CSV has no
    room for the caption; the columns already there keep their names and order. Unchanged otherwise."""
    from analytics.queries.salary import SALARY_BIN_USD

    if not any(f"${SALARY_BIN_USD:,} salary bins" in c for c in caveats):
        return df
    figures = [c for c in BINNED_FIGURES if c in df.columns and pd.api.types.is_float_dtype(df[c])]
    if not figures:
        return df
    out = df.assign(**{c: df[c].round().astype("Int64") for c in figures})
    out[WITHIN_COLUMN] = SALARY_BIN_USD
    if "premium_usd" in figures:
        out[PREMIUM_WITHIN_COLUMN] = 2 * SALARY_BIN_USD
    # the figure the filters fix and the columns added after it stay last, as they were added (lead ruling 2
    # on hqa39: at the end, the columns before it in their order; the headline's changes after it)
    if "set_by" not in df.columns:
        return out
    tail = list(df.columns[list(df.columns).index("set_by"):])
    return out[[c for c in out.columns if c not in tail] + tail]


SKILL_LABELS = ("skill", "skill_a", "skill_b")  # a chart's label columns holding skill names


def _row_name(value: Any, label: str) -> str:
    """A row's name in a sentence, as the chart names it: months as "Jan 2025" (not 2025-01-01), places
    as "Brazil (BR)", languages as "German (de)", years as "5 years", levels and skills as written, other
    internal values as words."""
    from analytics import names

    if label == "month" and isinstance(value, date | pd.Timestamp):
        return f"{value:%b %Y}"
    if label in ("area", "country"):
        return names.area_label(str(value))
    if label == "language":
        return names.language_label(str(value))
    if label == "years" and isinstance(value, numbers.Real) and not pd.isna(value):
        # "(5 years, 7 years)", not "(5, 7)", which read like counts (QA round eight)
        return f"{value:g} year{'' if value == 1 else 's'}"
    text = str(value)
    if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-":
        return text[:10]
    # a level as its axis and legend write it ("(Manager, Principal)" beside bars ticked "principal" and
    # "manager", QA round fifteen)
    # a skill as the taxonomy writes it: capitalised as an internal value, "iOS", "jQuery" and "dbt" read
    # "IOS", "JQuery", "Dbt" in the note under the bars that named them right (QA round twenty-one)
    return text if label in ("group", "seniority", *SKILL_LABELS) else names.value_label(value)


def level_order(column: str) -> Callable[[pd.DataFrame], pd.DataFrame]:
    """A ChartDef.reading_order: rows in the levels' order (junior ... manager), as a chart by seniority
    draws them, where every row of ``column`` is a level; other rows (a chart by country) as they are. The
    small-sample note named "(manager, principal)" under bars drawn principal then manager (QA round
    fifteen)."""
    from analytics.filters import ALL_LEVELS

    def ordered(df: pd.DataFrame) -> pd.DataFrame:
        rank = {lv: i for i, lv in enumerate(ALL_LEVELS)}
        if column not in df.columns or not df[column].isin(list(rank)).all():
            return df
        return df.sort_values(column, key=lambda s: s.map(rank), kind="stable")
    return ordered


def small_note(defn: ChartDef, df: pd.DataFrame) -> str:
    """The sentence saying which of the chart's figures rest on fewer than MIN_N postings ("" when none):
    under the chart in the app and in every export's caption, so a deck or PDF says what the screen says.
    Names the rows by ``label`` (each once, at most 12). Pure (tested)."""
    if defn.reading_order is not None and not df.empty:
        df = defn.reading_order(df)
    flags = small_rows(defn, df)
    if flags is None or not flags.any():
        return ""
    names = _names(defn, df)
    # a chart of medians: a group of one posting draws no bar and is named apart with its figure (lead ruling
    # 2 on hqa41), not among the figures drawn on few postings
    single = _single(defn, df)
    few = flags.to_numpy() & ~single
    note = _one_posting_note(defn, df[single], [nm for nm, s in zip(names or [], single) if s])
    if not few.any():
        return note
    shown = list(dict.fromkeys(nm for nm, f in zip(names, few) if f)) if names is not None else []
    more = f" ({', '.join(shown[:12])}{', …' if len(shown) > 12 else ''})" if shown else ""
    # the figures drawn: a row resting on no posting (a range's empty month, padded so the axis spans it) is
    # a gap, not a figure (QA round seventeen: "55 of 505 figures" under Germany, 450 of them empty months)
    drawn = sum(1 for v in _sample_n(defn, df) if not pd.isna(v) and float(v) > 0) - int(single.sum())
    short = int(few.sum())
    words = n_of(short, drawn, "figure", "figures")
    look, them = (one_look(defn.small_look), "it") if short == 1 else (defn.small_look, "them")
    return (f"{words[:1].upper()}{words[1:]} on fewer than {MIN_N} postings{more}: {look}. "
            f"Read {them} with care." + (f" {note}" if note else ""))


def _names(defn: ChartDef, df: pd.DataFrame) -> list[str] | None:
    """Each row's name as the chart writes it (``row_names``, else by ``label``); None without the column."""
    if defn.row_names is not None:
        return defn.row_names(df)
    return [_row_name(v, defn.label) for v in df[defn.label]] if defn.label in df.columns else None


def _single(defn: ChartDef, df: pd.DataFrame) -> Any:
    """Where a chart of medians (``one_figure``) holds a group of one posting: no bar is drawn for it."""
    n = _sample_n(defn, df)
    if defn.one_figure is None or n is None:
        return np.zeros(len(df), dtype=bool)
    return np.array([not pd.isna(v) and float(v) == 1 for v in n], dtype=bool)


def _one_posting_note(defn: ChartDef, rows: pd.DataFrame, names: list[str]) -> str:
    """"Lead: one posting, $81,921, so no median bar is drawn." (several: "One posting each, so no median bar
    is drawn: lead ($81,921), manager (5 years)."; a point chart's: "Feb 2025: one posting, $81,921, so no
    median point is drawn."); "" without such rows. Each named as the chart names it."""
    if rows.empty or defn.one_figure is None:
        return ""
    figures = [defn.one_figure(row) for _, row in rows.iterrows()]
    if len(figures) == 1:
        name = names[0] if names else "One group"
        mark = defn.one_mark
        return f"{name[:1].upper()}{name[1:]}: one posting, {figures[0]}, so no median {mark} is drawn."
    listed = ", ".join(f"{nm} ({fig})" for nm, fig in zip(names, figures)) if names else ", ".join(figures)
    return f"One posting each, so no median {defn.one_mark} is drawn: {listed}."


# a small_look's words for one figure: "The one figure rests ...: drawn grey with their n (bars hatched,
# points open). Read them with care." (QA round twenty-seven, a PNG of one Portuguese salary)
_ONE_LOOK = (("their colours", "its colour"), ("bars hatched, points open", "a bar hatched, a point open"),
             ("open points", "an open point"), ("their", "its"))


def one_look(look: str) -> str:
    """A ChartDef.small_look said of one figure. Pure (tested)."""
    for many, one in _ONE_LOOK:
        look = look.replace(many, one)
    return look


def drawable(defn: ChartDef, result: QueryResult) -> pd.DataFrame:
    """The rows a figure draws: nothing for an empty result, else every row (small samples included:
    the builders draw them grey and hatched)."""
    if result.n == 0 or result.df.empty:
        return result.df.iloc[0:0]
    return result.df


@dataclass
class ChartView:
    """One chart as a page view computes it, through the cache every session shares: the query call, its
    answer (kept in ``ctx.results`` for later charts: the trend's default skills come from the top
    skills) and the figure. The one sequence of steps both a page (ui.chart.chart, which adds the
    spinner, the error lines and the drawing) and the warm-up (analytics.warmup) take, so the warm-up
    fills exactly the entries a page's view reads."""

    defn: ChartDef
    ctx: SharedContext
    call: Call
    result: QueryResult | None = None

    @classmethod
    def of(cls, defn: ChartDef, ctx: SharedContext) -> ChartView:
        """The chart's query call under ``ctx`` (raises what a bad widget value or default raises)."""
        return cls(defn, ctx, defn.query(ctx))

    def cached(self) -> bool:
        """Whether the answer is in the shared cache already (a page says "Computing ..." otherwise)."""
        return cache.is_cached(self.call.fn, *self.call.args)

    def answer(self, fetch: Callable[..., QueryResult | None] = cache.cached) -> QueryResult | None:
        """The query's answer through ``fetch`` (the shared cache; the app's also shows a failure on the
        page and returns None)."""
        self.result = fetch(self.call.fn, *self.call.args)
        if self.result is not None:
            self.result = self.defn.shown(self.result, self.ctx)
            self.ctx.results[self.defn.key] = self.result
        return self.result

    def figure(self) -> go.Figure | None:
        """The answer's figure, built once per view of a version and shared (ChartDef.shared_figure);
        None for a table, a failed query or nothing to draw."""
        if self.defn.build is None or self.result is None:
            return None
        df = drawable(self.defn, self.result)
        return None if df.empty else self.defn.shared_figure(self.call, df, self.ctx)


def figure_for(defn: ChartDef, result: QueryResult, ctx: Context | None = None) -> go.Figure | None:
    """The chart's figure, or None when it is a table or there is nothing to draw."""
    df = drawable(defn, result)
    if defn.build is None or df.empty:
        return None
    return defn.figure(df, ctx or Context(f=Filters()))


@dataclass(frozen=True)
class PageChart:
    """A chart of a page, computed: definition, title, query result and figure."""

    defn: ChartDef
    title: str
    result: QueryResult
    figure: go.Figure | None


def charts_of(page: str) -> list[ChartDef]:
    """The chart definitions of a page, in page order (KeyError for an unknown page or one without charts)."""
    module = page_entry(page).charts
    if module is None:
        raise KeyError(page)
    return list(importlib.import_module(f"analytics.figures.{module}").CHARTS)


def page_charts(page: str, f: Filters, db: str | Path | None = None,
                params: dict[str, Any] | None = None) -> list[PageChart]:
    """Run every chart of ``page`` with the given widget values (default: the page's defaults)."""
    ctx = Context(f=f, db=db, params=dict(params or {}))
    out: list[PageChart] = []
    for defn in charts_of(page):
        result = defn.run(ctx)
        ctx.results[defn.key] = result
        out.append(PageChart(defn, defn.title_for(ctx), result, figure_for(defn, result, ctx)))
    return out


def chart(key: str) -> ChartDef:
    """The definition with this widget key, e.g. chart("sk_top") (the pages draw from it)."""
    for entry in CHART_PAGES:
        for defn in charts_of(entry.slug):
            if defn.key == key:
                return defn
    raise KeyError(key)

