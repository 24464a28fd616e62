"""The one function that puts any chart on a page, from its definition in analytics.figures.

Why: every chart must carry the same things - a title, a caption with the active
filters and n, the figure, its downloads, the postings behind a selected bar or point,
the very SQL that ran, and its data as a table - and say "no postings match" instead of
drawing nothing, and name the figures that rest on fewer than 30 postings (drawn grey and
hatched, never hidden). Doing it in one place
keeps the pages short. What a chart is (title, query, figure builder, drill dimensions,
help) is not defined here nor in the pages but in analytics.figures, which the report
uses too: ``chart(key, ctx)`` runs that definition through the app's query cache.
"""

from __future__ import annotations

import base64
import copy
import dataclasses
import hashlib
import re
from collections.abc import Callable, Hashable, Sequence
from datetime import date
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st
from plotly.basedatatypes import BaseFigure
from plotly.io.json import to_json_plotly

from analytics import cache, figures, pages, quality
from analytics.figures import ChartView, SharedContext, theme
from analytics.filters import Filters, describe
from analytics.queries import dated_in, empty_n, empty_reasons, empty_sentence, postings
from analytics.result import QueryResult
from ui import MISSING, as_text, fetch, filters, narrow, one_line
from ui.exports import chart_downloads, page_downloads

Figure = Callable[[], go.Figure | None]  # the figure of the answer being drawn (None: nothing to draw)
# The "Data and SQL" tables as people read them (see table), per published version; apart from the
# answers' cache (analytics.cache.RESULTS) because they are made by the page, not by the warm-up.
TABLES = cache.ResultCache(max_bytes=64 * 1024 * 1024)


def points_to_pick(points: Sequence[dict[str, Any]], drill: Sequence[str]) -> postings.Pick | None:
    """Turn Plotly selection points into a Pick: customdata[i] is the value of drill[i].

    Without customdata the x value stands for a single dimension. Pure (tested).
    """
    picked: list[tuple[tuple[str, str], ...]] = []
    for point in points:
        custom = point.get("customdata")
        if custom is not None and not isinstance(custom, list | tuple):
            custom = [custom]
        values: list[Any] = list(custom) if custom else ([point.get("x")] if len(drill) == 1 else [])
        pairs = tuple((dim, _as_text(v)) for dim, v in zip(drill, values) if v is not None)
        if pairs and pairs not in picked:
            picked.append(pairs)
    return postings.Pick(tuple(picked)) if picked else None


def nothing_behind(pick: postings.Pick) -> str:
    """Why a selection lists no posting: a trend point at 0% ("0 of 9 postings" on its hover) is a share of
    the month's postings, none of which asks for the skill, so nothing lies behind it (QA round seventeen:
    "Postings behind the selection (0)" over an empty table). Pure (tested)."""
    points = [dict(p) for p in pick.points]
    if points and all("month" in p and "skill" in p for p in points):
        said = "; ".join(f"none of {_month_name(p['month'])}'s postings asks for {p['skill']}"
                         for p in points)
        one = len(points) == 1
        return (f"No posting to list: under these filters {said}. {'Its' if one else 'Each'} point at 0% is "
                f"that share; the n on {'its' if one else 'each'} hover counts the month's postings, not "
                "those asking for the skill.")
    return "No posting under these filters matches the selection, so there is none to list."


def _month_name(value: str) -> str:
    """"2025-03-01" as "Mar 2025"; anything else as given."""
    try:
        return date.fromisoformat(str(value)[:10]).strftime("%b %Y")
    except ValueError:
        return str(value)


_WEB = re.compile(r"https?://[^/?#\s]+([/?#]\S*)?", re.IGNORECASE)


def web_link(url: Any) -> str | None:
    """``url`` when it is an http(s) address with a host, else None: a posting's URL comes from its
    file, and ``javascript:``, ``data:`` or ``file:`` must never become a link. Strict on purpose:
    no blanks or control characters anywhere (browsers drop them, so ``java\tscript:`` would run).
    Pure (tested)."""
    if not isinstance(url, str) or not _WEB.fullmatch(url) or any(ord(c) < 32 or c == "\x7f" for c in url):
        return None
    return url if urlsplit(url).hostname else None


def _as_text(value: Any) -> str:
    text = str(value)
    # dates: YYYY-MM-DD
    return text[:10] if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" else text


class _Spec(dict):  # type: ignore[type-arg]
    """A drawn figure's dict as Streamlit reads it, with its JSON text as ``plotly.io.to_json`` makes it."""

    json_text = ""


class _Drawn(BaseFigure):
    """A figure as ``st.plotly_chart`` reads it: Streamlit 1.67 only calls ``to_dict()`` on a figure
    object (plotly.tools.return_figure_from_figure_or_data, which skips validating a figure's dict)
    and serialises that dict. Figures come from the shared cache and are read-only, so their dict is
    the same on every run of every session: ``drawn`` makes it once (about a fifth of a warm page run's
    server CPU was plotly's to_dict - a deep copy and base64 arrays - of figures that had not changed),
    and its JSON once (``_Spec.json_text``, which ``plotly.io.to_json`` hands out: ``_json_once``).
    Nothing of BaseFigure but the type is used (tests/test_rerun_cost.py compares what is drawn)."""

    def __init__(self, as_dict: _Spec) -> None:  # BaseFigure.__init__ would copy it all again
        object.__setattr__(self, "_as_dict", as_dict)

    def to_dict(self) -> _Spec:
        return self._as_dict  # type: ignore[no-any-return]


def _json_once() -> None:
    """``plotly.io.to_json`` answers a drawn figure with the JSON ``drawn`` made once.

    Why: Streamlit 1.67's ``st.plotly_chart`` serialises the figure on every run
    (``plotly.io.to_json(figure, validate=False)``, looked up at call time), so every run of every session
    turned the same shared dict into the same text again: 0.3-1 ms a chart, the largest part of drawing
    one left in a warm run (docs/performance.md, branch h12e). Any other call is Plotly's own. Installed
    once per process, as ui.handoff and ui.exports patch Streamlit (pinned)."""
    import plotly.io

    if getattr(plotly.io.to_json, "_drawn_once", False):
        return
    original = plotly.io.to_json

    def to_json(fig: Any, validate: bool = True, pretty: bool = False, remove_uids: bool = True,
                engine: str | None = None) -> str:
        if type(fig) is _Spec and not pretty and remove_uids and engine is None:  # Streamlit passes the dict
            return fig.json_text
        return original(fig, validate=validate, pretty=pretty, remove_uids=remove_uids, engine=engine)

    to_json._drawn_once = True  # type: ignore[attr-defined]
    plotly.io.to_json = to_json


_json_once()


_TEMPLATES = {False: theme.TEMPLATE.to_plotly_json(), True: theme.DARK_TEMPLATE.to_plotly_json()}
# what Streamlit's chart sets on a figure whose points can be selected, unless the figure sets it
_SELECTABLE = {"clickmode": "event+select", "hovermode": "closest", "dragmode": "pan"}


def _lists(value: Any) -> Any:
    """``value`` with Plotly's typed arrays ({"dtype", "bdata"}, as plotly.py writes numbers) as lists."""
    if isinstance(value, dict):
        if isinstance(value.get("bdata"), str) and "dtype" in value:
            arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
            if "shape" in value:
                arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
            return arr.tolist()
        return {k: _lists(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_lists(v) for v in value]
    return value  # other arrays (dates, text) plotly.py already sends as lists


def drawn(fig: go.Figure, dark: bool = False, selectable: bool = False) -> BaseFigure:
    """``fig`` for st.plotly_chart, its dict made on the first call and kept on the figure (which the
    shared cache keeps, or this run alone holds). Two sessions racing here make equal dicts. ``dark``:
    with our dark template (analytics.figures.theme) in place of the light one the figure was built
    with, for a page on a dark background. ``selectable``: drawn with ``on_select``.

    Drawn once in the browser, not twice: Streamlit's chart plots the figure, then hands Plotly a copy
    of it made through JSON (and, for a selectable chart, with its click, hover and drag modes set). A
    new template object, a number array sent as base64 (an object, not an array, to Plotly) or a changed
    mode each made Plotly compute and draw the whole chart again (measured in Chromium: two full
    calculations per chart). So the template is written into the figure (theme.bake), numbers go as
    lists, the modes are set here as Streamlit would set them, and ``layout.datarevision`` (a digest of
    the figure) tells Plotly that arrays of an equal revision are unchanged."""
    variant = f"_drawn_{'dark' if dark else 'light'}_{'sel' if selectable else 'fixed'}"
    kept = fig.__dict__.get(variant)
    if kept is None:
        # "1 posting" on a hover where the template says "postings" (theme.singular_hovers)
        made = theme.bake(theme.singular_hovers(_lists(fig.to_dict())), _TEMPLATES[dark])
        layout = made["layout"]
        if selectable:
            for mode, value in _SELECTABLE.items():
                layout.setdefault(mode, value)
        layout.setdefault("datarevision", hashlib.blake2b(to_json_plotly(made).encode(),
                                                         digest_size=8).hexdigest())
        for trace in made.get("data", []):  # as plotly.io.to_json(remove_uids=True) leaves the dict
            trace.pop("uid", None)
        kept = _Spec(made)
        kept.json_text = to_json_plotly(made)
        fig.__dict__[variant] = kept  # two sessions racing here make equal ones
    return _Drawn(kept)


def dark_page() -> bool:
    """True when the browser shows the app on a dark background (the user's or the system's choice, which
    the browser reports with each run; unknown counts as light, Streamlit's default)."""
    try:
        return st.context.theme.type == "dark"
    except Exception:  # no browser behind this run (AppTest, the start-up page runs)
        return False


class PageContext(SharedContext):
    """A chart Context for a page: options and queries through the shared cache (SharedContext), so the
    warm-up after a publish (analytics.warmup) fills the very entries a page's first view reads."""


def page_header(page: str, f: Filters, **params: Any) -> PageContext:
    """The page's title and its "Download this page" buttons; returns the Context its charts share.

    Put the page's widget values into ``ctx.params`` as the widgets are drawn: the charts
    use them, and so does the page deck when its button is clicked.
    """
    # a narrow window's figures (the colour bars across, ui/narrow.py); a builder not naming it ignores it
    ctx = PageContext(f=f, params={**params, "narrow": narrow.now()})
    # a row sized to its content, not fixed columns: the popover's label had a fifth of the main column and
    # read "Download thi…" in a 1,280-pixel window (QA round eight); it wraps under the title when narrow
    with st.container(horizontal=True, vertical_alignment="bottom"):
        st.title(pages.page(page).title)
        page_downloads(page, f, ctx.params)
    return ctx


def chart(key: str, ctx: SharedContext, *, draw: Callable[[pd.DataFrame], object] | None = None
          ) -> QueryResult | None:
    """Draw the chart defined as ``key`` in analytics.figures, with the page's widget values in ``ctx``.

    Its query goes through the app's cache; its result is kept in ``ctx.results`` for later
    charts (the trend's default skills come from the top skills). ``draw`` adds non-Plotly
    content (metrics, tables) drawn from the frame.
    """
    defn = figures.chart(key)
    try:
        view = ChartView.of(defn, ctx)
        title = defn.title_for(ctx)
        drill = defn.drill_for(ctx)
        scope = defn.drill_scope(ctx)
    except Exception as exc:
        st.error(f"This figure could not be set up ({key}): {one_line(exc)}")
        return None
    if view.cached():
        result = view.answer(fetch)
    else:  # the first view of these filters since a publish runs the queries: say so while it does
        with st.spinner(f"Computing “{title}” from the warehouse: the first view of these filters since "
                        "the data was published (the next views come from the shared cache)…"):
            result = view.answer(fetch)
    # the figure too comes from the shared cache: every session's first view of these filters draws it
    render(title, result, view.figure if defn.build is not None else None, key=key, drill=drill,
           small=figures.small_note(defn, result.df) if result is not None else "",
           flag=lambda df: figures.with_small_flag(defn, df), help=defn.help, draw=draw,
           shared=cache.call_key(view.call.fn, view.call.args, {}), scope=scope, needs=defn.needs_for(),
           trust=trust_note(defn.fields_for(ctx), ctx.f, filtered=result is None or result.filtered))
    return result


def trust_note(fields: Sequence[str], f: Filters, *, filtered: bool = True) -> str:
    """How often the fields behind a view are read right on held-out real postings (analytics.quality),
    from the warehouse's extraction_quality rows through the shared cache; "" without them. ``filtered``:
    as quality.view_note's (False: the filters' fields are not the view's)."""
    from analytics.queries.data import held_out_quality

    if not (quality.view_fields(fields, f) if filtered else fields):
        return ""
    res = fetch(held_out_quality)
    return "" if res is None else quality.view_note(res.df, fields, f, filtered=filtered)


def caption(result: QueryResult, f: Filters, size: str = "") -> str:
    """The filters (only where they apply) and what n counts: "n = 1,204 postings", "n = 12 file loads";
    ``size`` in its place where given (an empty chart's, analytics.queries.empty_n_text)."""
    size = size or theme.n_text(result.n, result.unit)
    text = f"{describe(f)} · {size}" if result.filtered else f"{size} · the sidebar's filters do not apply"
    return text + "".join(f" · {note}" for note in result.caveats)


def _shown(f: Filters) -> int | None:
    """How many postings the filters select (the sidebar's "Showing X", from the same cached query)."""
    from analytics.queries.data import selection

    res = fetch(selection, f)
    return None if res is None or res.df.empty else int(res.df.iloc[0]["shown"])


def why_empty(f: Filters) -> str:
    """Which filters alone empty a view no posting meets (analytics.queries.data.emptied_by, cached), as
    one sentence; "" when unknown. Shared by the empty charts and the sidebar's coverage line."""
    from analytics.queries.data import emptied_by, emptied_text

    res = fetch(emptied_by, f)
    return "" if res is None else emptied_text(res.df)


def empty_message(result: QueryResult, shown: int | None, needs: str | None = None, why: str = "", *,
                  dated: str = "") -> str:
    """Why an empty chart is empty, with the app's word on its controls: analytics.queries.empty_sentence,
    the deck's and PDF's slide sentence too (hqa30 ruling 3). Pure (tested)."""
    return empty_sentence(result, shown, needs, why, dated=dated)


def render(title: str, result: QueryResult | None, build: Figure | None, *, key: str,
           drill: Sequence[str] = (), small: str = "",
           flag: Callable[[pd.DataFrame], pd.DataFrame] | None = None,
           help: str | None = None, draw: Callable[[pd.DataFrame], object] | None = None,
           shared: Hashable | None = None, scope: dict[str, Any] | None = None, needs: str | None = None,
           trust: str = "") -> None:
    """Draw one chart with everything that goes with it.

    ``build`` makes the figure of the result (ChartView.figure). ``drill`` names the posting
    dimensions held in the figure's customdata (in order), enabling the postings list
    for a selection. ``small`` says which figures rest on fewer than MIN_N postings
    (analytics.figures.small_note): shown under the caption when the figure marks them (drawn grey and
    hatched), and carried into the exports' captions; ``flag`` adds the small-sample column to the
    chart's data files (analytics.figures.with_small_flag). ``draw`` draws non-Plotly content
    (metrics, tables) from the frame, after the figure. ``shared`` is the key of the query ``result``
    came from in the shared cache (cache.call_key), so its table for people is made once per version.
    ``scope`` limits the postings a selection lists (analytics.figures.ChartDef.drill_scope; None: the
    chart ``key``'s scope without a page's widget values). ``trust`` says how often the fields behind the
    view are read right (trust_note): under the caption and in the exports' captions.
    """
    f = filters()
    st.subheader(title, help=help)
    if result is None:  # the query failed; fetch() already said why
        return
    empty = result.n == 0 or result.df.empty
    count = _shown(f) if empty and result.filtered else None
    # an empty chart's message gives its reasons (empty_message) unless no posting matches: the caption
    # does not repeat them (QA round seven)
    said = set(empty_reasons(result)) if empty and result.filtered and count != 0 else set()
    bare = dataclasses.replace(result, caveats=tuple(c for c in result.caveats if c not in said))
    # none drawn of the postings the filters select: "n = 0 postings" above "Nothing to draw from the 269
    # postings these filters select" contradicted it (QA round twenty-six), as did "n = 149 postings" of an
    # answer counting postings it draws nothing of (round thirty-one)
    size = empty_n(result, count, needs)
    st.caption(as_text(caption(bare, f, size)))  # names from the data (sources) shown as written
    if empty:
        # caveats can name sources (file stems, --source-name): shown as written, never as Markdown
        st.info(as_text(empty_message(result, count, needs, why_empty(f) if count == 0 else "",
                                      dated=dated_in(f))))
        _details(result, key, shared)
        return
    df = result.df
    fig = None
    error = None
    if build is not None:
        try:
            fig = build()
        except Exception as exc:
            error = exc
    # said wherever the figure marks small samples (a chart without an ``enough`` column too: under Brazil
    # every Top skills bar was hatched with no line saying why); count bars drop their shares instead
    small = small if fig is not None and theme.has_small_marks(fig) else ""
    if small:
        st.caption(as_text(small))
    if trust:
        st.caption(as_text(trust))
    if error is not None:
        st.error(f"The chart could not be drawn: {one_line(error)}")
    if fig is not None:
        # theme=None: our template (analytics.figures.theme) styles the chart as the exports and the
        # report draw it; Streamlit's theme would restyle it in the browser from its own colours
        event = st.plotly_chart(drawn(fig, dark_page(), bool(drill)), key=key,
                                on_select="rerun" if drill else "ignore",
                                selection_mode=("points", "box", "lasso"), theme=None,
                                # scrollZoom off: Plotly's maps zoom on the mouse wheel by default, so
                                # scrolling the page over a map shrank the map instead of moving on. No
                                # camera button: it saved "plot-image.png" without the filters, n and
                                # notes; the Download menu's PNG carries them (QA round seventeen)
                                config={"displaylogo": False, "topojsonURL": "app/static/topojson/",
                                        "scrollZoom": False, "modeBarButtonsToRemove": ["toImage"]})
        chart_downloads(title, result, fig, key, f, small=small, flag=flag, trust=trust)
        if drill:
            _postings(event, drill, f, key, scope)
    if draw is not None:
        try:
            draw(df)
        except Exception as exc:
            st.error(f"This part could not be drawn: {one_line(exc)}")
    if fig is None:  # a table, or a chart that could not be drawn: its data still downloads
        chart_downloads(title, result, None, key, f, flag=flag, trust=trust)
    _details(result, key, shared)


def _postings(event: Any, drill: Sequence[str], f: Filters, key: str,
              scope: dict[str, Any] | None = None) -> None:
    """The postings behind the chart ``key``'s selection, within its drill-down scope (ChartDef.drill_scope:
    a salary chart lists the postings with a salary its figures rest on, the movers those of their two
    periods); ``scope`` None: the chart's scope as analytics.figures defines it with no widget values."""
    if scope is None:
        try:
            scope = figures.chart(key).drill_scope(figures.Context(f=f))
        except KeyError:  # not a chart of analytics.figures
            scope = {}
    points = []
    try:
        points = list(event.selection.points) if event is not None else []
    except (AttributeError, KeyError, TypeError):
        points = []
    if not points:
        st.caption("Select bars or points (click, box or lasso) to list the postings behind them.")
        return
    pick = points_to_pick(points, drill)
    if pick is None:
        return
    res = fetch(postings.postings_for, f, pick, **scope)  # the list's key below
    if res is None:
        return
    st.markdown(f"**Postings behind the selection** ({res.n:,}{', first 200 shown' if res.n > 200 else ''})")
    if not res.n:  # an empty table said nothing of why (QA round seventeen: an open trend point at 0%)
        st.caption(nothing_behind(pick))
        return

    def rows() -> pd.DataFrame:
        shown = res.df.drop(columns=["matched"])
        if "url" in shown.columns:
            shown = shown.assign(url=shown["url"].map(web_link))  # only http(s) addresses become links
        return shown

    # the list is drawn on every run while the selection holds, and often the same for many people:
    # its rows and readable frame are made once per version and selection (the key of the answer they
    # are made of), not on every run of every session (a tenth of the server's Python in the drill-down
    # and download steps of ten sessions, measured with py-spy: docs/performance.md)
    listed = ("postings list", cache.call_key(postings.postings_for, (f, pick), scope))
    table(
        rows, f"{key}_postings", shared=listed,
        column_config={
            # set widths, the title's the widest: sized to its rows, a list of mostly untitled Hacker News
            # postings cut "Full Stack ..." to "Full Sta" in a 40-px column (QA round twenty-two)
            "title": st.column_config.TextColumn("Title", width=TITLE_PX),
            "company": st.column_config.TextColumn("Company", width=COMPANY_PX),
            "location": st.column_config.TextColumn("Location", width=LOCATION_PX),
            "salary_usd": st.column_config.NumberColumn("Salary (USD per year)", format="localized"),
            "salary_text": "Salary as published",
            "posted_date": st.column_config.DateColumn("Posted"),
            "url": st.column_config.LinkColumn("Link", display_text="open"),
        },
    )


TITLE_PX, COMPANY_PX, LOCATION_PX = 240, 150, 170  # the postings list's first columns (pixels)


def readable(df: pd.DataFrame) -> tuple[pd.DataFrame, dict[str, Any]]:
    """A result frame for people to read, and its column formats: shares as percentages, salaries in
    whole dollars, whole numbers without ".0"; missing values stay missing, so the grid draws them as
    MISSING (table), text and numbers alike. Pure (tested)."""
    out = df.copy()
    config: dict[str, Any] = {}
    for col in out.columns:
        name = str(col)
        series = out[col]
        if pd.api.types.is_bool_dtype(series) or not pd.api.types.is_numeric_dtype(series):
            continue
        if name in ("share", "change") or name.startswith("share_") or name.endswith("_share"):
            config[name] = st.column_config.NumberColumn(format="percent")
        elif pd.api.types.is_float_dtype(series):
            whole = "usd" in name or "salary" in name
            if whole or bool((series.dropna() % 1 == 0).all()):
                out[col] = series.round().astype("Int64")
                if not names_something(name):
                    config[name] = st.column_config.NumberColumn(format="localized")
            else:
                config[name] = st.column_config.NumberColumn(format="%.2f")
        elif not names_something(name):  # counts: "1,153", not "1153"
            config[name] = st.column_config.NumberColumn(format="localized")
    return out, config


def names_something(column: str) -> bool:
    """A whole-number column that names a thing (a run, a record, a posting, a year, a bitmap word) rather
    than counts or measures it: shown without thousands separators ("Run 1153", not "Run 1,153")."""
    return column.endswith(("_id", "_no")) or column in ("id", "year", "word", "bit", "salary_bin")


def table(df: pd.DataFrame | Callable[[], pd.DataFrame], key: str,
          column_config: dict[str, Any] | None = None, *, shared: Hashable | None = None) -> None:
    """A table for people (see readable): the pages' own tables and the "Data and SQL" ones alike.
    ``column_config`` adds to readable's formats: a plain string there is the column's label, a column spec
    (st.column_config.*) its keys over readable's (a label and a width keep "1,153").
    Given ``shared`` - the cache key of the answer ``df`` is - readable's frame is made once per
    published version and shared by every session's runs (Streamlit only reads it; its formats are
    copied, since Streamlit fills them in); ``df`` may then be a function making the frame, called
    only when that readable frame is not cached yet."""
    def frame() -> pd.DataFrame:
        return df() if callable(df) else df

    if shared is None:
        shown, config = readable(frame())
    else:
        shown, config = cache.derived(("readable", shared), lambda: readable(frame()), cache=TABLES)
        config = copy.deepcopy(config)
    for col, spec in (column_config or {}).items():
        if isinstance(spec, str):
            spec = {"label": spec}
        # a spec adds to readable's format (st.column_config.Column(label, width=...) keeps "1,153")
        config[col] = {**config.get(col, {}), **spec} if isinstance(spec, dict) else spec
    st.dataframe(shown, hide_index=True, key=key, column_config=config, placeholder=MISSING)


def sections(key: str, labels: Sequence[str]) -> Sequence[Any]:
    """A page's later charts in tabs whose content runs only while its tab is selected (``tab.open``;
    the first is selected on a page's first view), under session-state key ``key``.

    Why: a page's first view in a real browser cost about 0.3-0.7 s of Chromium's time per Plotly chart
    (Streamlit's chart component plots each figure twice, with or without its theme), so the Skills and
    Regions pages with six charts each took 2-3 s to draw on the real samples (docs/performance.md, page
    ready); in tabs,
    the first view draws two. Widgets drawn in a tab keep their values while another tab is open
    (``keep``). The open tab is in the page's link unless it is the first (ui.links). Where the first
    follows the filters (Regions: the cities under a region outside the US), an untouched view follows it
    and a tab the user opened stays (``links.seed``)."""
    from ui import links

    links.seed(key, labels[0])
    return st.tabs(list(labels), key=key, on_change="rerun")


KEPT = "_kept_"  # + a widget's key: a plain copy of its value, which a page change does not drop


def keep(*keys: str) -> None:
    """Keep these widgets' values over runs that do not draw them (a closed tab, another page): Streamlit
    forgets a widget's value at the end of a run that did not draw it, so a choice made in a tab was lost
    when another tab was opened, and a page's choices (the Regions map's colour) when another page was.
    Within a page, setting the value again keeps it; a plain copy (``KEPT`` + key, not a widget's key, so
    never dropped) brings it back after another page's runs. Call before the widgets are drawn; give those
    widgets no ``value``/``index`` (their defaults go to session state), since a value set through session
    state and a default too make Streamlit warn."""
    for key in keys:
        if key in st.session_state:
            st.session_state[key] = st.session_state[key]
            st.session_state[KEPT + key] = st.session_state[key]
        elif KEPT + key in st.session_state:  # back from another page
            st.session_state[key] = st.session_state[KEPT + key]


def kept_params(ctx: PageContext, **keys: str) -> None:
    """``ctx.params[name]`` from the kept value of widget ``keys[name]`` (see ``keep``), where the user has
    set one: the page's deck reads ctx.params when clicked, and a widget in a closed tab is not drawn, so
    its choice went missing and the deck drew the default. The open tab's widget overwrites it as usual."""
    for name, key in keys.items():
        if key in st.session_state:
            value = st.session_state[key]
            ctx.params[name] = tuple(value) if isinstance(value, list) else value


DETAILS = "Data and SQL"


def details_key(key: str) -> str:
    """The session-state key of chart ``key``'s "Data and SQL" box (True while it is open)."""
    return f"{key}_details"


def _details(result: QueryResult, key: str, shared: Hashable | None = None) -> None:
    """The chart's data as a table and the SQL that ran, drawn only while the box is open.

    Why lazily: drawn closed on every view, a page's tables and SQL blocks cost the browser more than
    its charts (the syntax highlighter's code and a data grid per chart: 1.8 s of Chromium's CPU on
    the Overview with its four SQL blocks, measured on the real samples). Opening the box reruns the
    page, whose answers come from the shared cache (no query). Not an ``st.fragment``: Streamlit copies
    the run's cursors and containers for every fragment call, on every run of every page, and with the
    Download popovers that was about a sixth of a warm page run's server CPU (docs/performance.md), paid
    on every view to save a little on the rare opening of a box."""
    box = st.expander(DETAILS, key=details_key(key), on_change="rerun")
    if not box.open:
        return
    with box:
        table(result.df, f"{key}_data", shared=shared)
        if result.sql:
            # how the answer was found (e.g. from which rollup) belongs with the SQL, not in a caption
            notes = "".join(f"-- {note}\n" for note in result.notes)
            st.code(notes + result.sql, language="sql")
            st.code(result.params_text(), language="text")
            st.caption(f"{result.elapsed_ms:,.0f} ms")
