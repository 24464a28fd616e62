"""The sidebar: filter widgets <-> Filters <-> the URL's query parameters.

Why: every page shares one set of filters, and a copied link must open the same view.
On a session's first run the widgets are seeded from the URL; afterwards the widgets
are the truth and the URL is rewritten from them (only non-default values, so a clean
link means the defaults). The sidebar also says how much of the warehouse the filters
show ("Showing 1,374 of 7,364 postings"), offers one click to include postings that state
no level, and names URL values it did not recognise - a link never widens the view
silently: a field whose every value is unknown keeps its default. Reset (and the one-click
"include no level") sets the filters to show and starts a new generation of filter widgets
(keys ``flt_<name>``, then ``flt_<name>~1``, ...): popping or overwriting the keys of live
widgets left the browser's old value to come back on the next interaction.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

import streamlit as st

from analytics import names
from analytics.filters import (
    ALL_LEVELS,
    FILTER_LABELS,
    NOT_DETECTED,
    REMOTE_MODES,
    Filters,
    from_query_params,
    malformed,
)
from analytics.queries.data import Options, selection
from ui import as_text, links

NAMES = ("dates", "seniority", "role_family", "country", "region", "remote", "skills", "skills_mode",
         "source", "language", "undated")
GEN = "_filters_generation"  # bumped to replace every filter widget by a fresh one (Reset, one-click changes)
LAST = "_filters_last"  # plain (non-widget) copy: survives a page change that drops widget state
IGNORED = "_filters_ignored"  # URL values that were not recognised, named until the filters are reset
NO_LEVEL = "unspecified"


def _levels(opts: Options) -> list[str]:
    known = [lv for lv in ALL_LEVELS if lv in opts.seniority or lv in Filters().seniority]
    return known + [lv for lv in opts.seniority if lv not in known]


def _choices(opts: Options) -> dict[str, list[str]]:
    return {
        "seniority": _levels(opts),
        "role_family": sorted(set(opts.role_family) | set(Filters().role_family)),
        "country": list(opts.country),
        "region": list(opts.region),
        "remote": list(REMOTE_MODES),
        "skills": list(opts.skills),
        "source": list(opts.source),
        # last, as Work arrangement's "not stated"; none without the column (every posting would be one)
        "language": [*opts.language, NOT_DETECTED] if opts.language else [],
    }


def _clamp(d: date | None, lo: date | None, hi: date | None) -> date | None:
    if d is None:
        return None
    if lo is not None and d < lo:
        return lo
    if hi is not None and d > hi:
        return hi
    return d


def recognised(f: Filters, choices: dict[str, list[str]]) -> tuple[Filters, list[str]]:
    """``f`` with only the values the warehouse offers, and "field=value" for each one dropped.

    A field whose every value was dropped keeps its default rather than becoming "no constraint"
    (``seniority=bogus`` must not show juniors). Pure (tested)."""
    default = Filters()
    kwargs: dict[str, Any] = {}
    ignored: list[str] = []
    for name, options in choices.items():
        values: tuple[str, ...] = getattr(f, name)
        kept = tuple(v for v in values if v in options)
        ignored.extend(f"{name}={v}" for v in values if v not in options)
        kwargs[name] = kept if kept or not values else getattr(default, name)
    return replace(f, **kwargs), ignored


def in_range(f: Filters, lo: date | None, hi: date | None) -> tuple[Filters, list[str]]:
    """``f`` without a link's date end that lies beyond the data on the far side (a start after the last
    posting date, an end before the first), and "field=value" for each one dropped. Clamped, such an end
    made the range one day at the data's edge, a view the link never asked for. Pure (tested)."""
    ignored: list[str] = []
    if f.date_from is not None and hi is not None and f.date_from > hi:
        ignored.append(f"date_from={f.date_from.isoformat()}")
        f = replace(f, date_from=None)
    if f.date_to is not None and lo is not None and f.date_to < lo:
        ignored.append(f"date_to={f.date_to.isoformat()}")
        f = replace(f, date_to=None)
    return f, ignored


def _current(choices: dict[str, list[str]], opts: Options) -> Filters:
    """What the widgets should show when they have no state of their own: the last filters of this
    session, else (a session's first run) the URL's query parameters, unknown values set aside (unknown
    keys: ui.links.apply)."""
    last = st.session_state.get(LAST)
    if isinstance(last, Filters):
        return last
    return _linked(choices, opts)


def _linked(choices: dict[str, list[str]], opts: Options) -> Filters:
    """The URL's filters, unknown values set aside and named (IGNORED)."""
    f, ignored = recognised(from_query_params(st.query_params.to_dict()), choices)
    ignored.extend(malformed(st.query_params.to_dict()))
    f, beyond = in_range(f, opts.date_min, opts.date_max)
    ignored.extend(beyond)
    st.session_state[IGNORED] = ignored
    return f


def literal(text: str, limit: int = 80) -> str:
    """``text`` as one Markdown code span, shown as typed: a link's values are written by whoever shared it,
    and a backtick in one closed the span, so the rest drew as Markdown (a link, bold text) in the app's
    own warning. Backticks become the look-alike U+02CB, line breaks and control characters blanks; longer
    than ``limit`` is cut with "…". Pure (tested)."""
    clean = "".join(" " if ord(c) < 32 or c == "\x7f" else "\u02cb" if c == "`" else c for c in str(text))
    return f"`{clean[:limit] + '…' if len(clean) > limit else clean}`"


def key(name: str) -> str:
    """The widget key of filter ``name`` in the current generation: flt_country, flt_country~1, ..."""
    gen = int(st.session_state.get(GEN, 0))
    return f"flt_{name}" if gen == 0 else f"flt_{name}~{gen}"


def _show(f: Filters) -> None:
    """Make the next run's widgets show ``f``: new widgets, seeded from it."""
    st.session_state[LAST] = f
    st.session_state[GEN] = int(st.session_state.get(GEN, 0)) + 1


def _reset() -> None:
    _show(Filters())
    st.session_state[IGNORED] = []
    st.query_params.clear()
    st.session_state[links.WRITTEN] = {}  # the app's own address, not the browser going back (links.returned)


def _add_no_level() -> None:
    f = st.session_state.get(LAST)
    if isinstance(f, Filters) and f.seniority and NO_LEVEL not in f.seniority:
        _show(replace(f, seniority=(*f.seniority, NO_LEVEL)))


def _read(opts: Options) -> Filters:
    """The Filters value the widgets now show."""
    kwargs: dict[str, Any] = {name: tuple(st.session_state.get(key(name)) or ()) for name in _choices(opts)}
    kwargs["skills_mode"] = st.session_state.get(key("skills_mode")) or "any"
    kwargs["undated"] = bool(st.session_state.get(key("undated"), True))
    dates: tuple[date, ...] = tuple(st.session_state.get(key("dates")) or ())
    d0 = dates[0] if len(dates) > 0 else None
    d1 = dates[1] if len(dates) > 1 else None
    kwargs["date_from"] = None if d0 == opts.date_min else d0
    kwargs["date_to"] = None if d1 == opts.date_max else d1
    return Filters(**kwargs)


def _coverage(box: Any, f: Filters, opts: Options) -> None:
    """"Showing X of Y postings", what the undated and no-level postings do, ignored URL values."""
    from ui import fetch

    res = fetch(selection, f)
    if res is None or res.df.empty:
        return
    row = res.df.iloc[0]
    shown, total = int(row["shown"]), int(row["total"])
    box.markdown(f"**Showing {shown:,} of {total:,} {'posting' if total == 1 else 'postings'}**")
    if shown == 0:  # name the filters that empty the view (QA round twelve); values may name sources
        from ui.chart import why_empty

        why = why_empty(f)
        if why:
            box.caption(as_text(why))
    notes = []
    if int(row["undated_in"]):
        notes.append(f"{int(row['undated_in']):,} of them carry no date.")
    if int(row["undated_out"]):
        notes.append(f"{int(row['undated_out']):,} more carry no date and are left out.")
    if notes:
        box.caption(" ".join(notes))
    if int(row["no_level"]):
        box.button(
            f"Include postings that state no level (+{int(row['no_level']):,})",
            key="flt_add_no_level",
            on_click=_add_no_level,
            width="stretch",
            help='Adds the level "unspecified" to Seniority: postings whose text names no level.',
        )
    ignored = st.session_state.get(IGNORED) or []
    if ignored:
        box.warning(
            "Not recognised in the link, so ignored: "
            + ", ".join(literal(v) for v in ignored[:12])
            + ". A field whose every value was unknown keeps its default.",
            icon=":material/link_off:",
        )


def sidebar(opts: Options, slug: str | None = None) -> Filters:
    """Draw the filter widgets and return the chosen Filters; keeps the URL in step, with the own controls
    of page ``slug`` (ui.links: a link's values for them are read here, before the page draws them).

    Widgets take their defaults from _current(), so a widget whose state Streamlit dropped
    (a page change can do that) comes back showing the same filters.
    """
    choices = _choices(opts)
    back = links.returned(slug)
    if back:  # the browser's Back or Forward: the filters of the address it went to, in new widgets
        _show(_linked(choices, opts))
    cur = _current(choices, opts)
    refused = links.apply(slug, opts, back=back)
    if refused:  # named with the filters' unknown values, in the same note
        st.session_state[IGNORED] = [*(st.session_state.get(IGNORED) or []), *refused]

    def default(name: str, options: list[str]) -> list[str]:
        return [v for v in getattr(cur, name) if v in options]

    with st.sidebar:
        st.header("Filters")
        cover = st.container()
        if opts.date_min and opts.date_max:
            d0 = _clamp(cur.date_from, opts.date_min, opts.date_max) or opts.date_min
            d1 = _clamp(cur.date_to, opts.date_min, opts.date_max) or opts.date_max
            st.date_input(FILTER_LABELS["dates"], value=(d0, d1), key=key("dates"), min_value=opts.date_min,
                          max_value=opts.date_max, format="YYYY-MM-DD")
        st.checkbox(FILTER_LABELS["undated"], value=cur.undated, key=key("undated"),
                    help="Many sources (JobSpy, Glassdoor) give no posting date. Included, they count "
                         "everywhere except on charts over time, which say how many they leave out.")

        def pick(name: str, options: list[Any], **kw: Any) -> None:  # a multiselect filter, labelled once
            # select_all off: while the user types, Streamlit's "Select N matches" stood first and Enter took
            # every match ("cal": thirteen regions from California to Barbados, QA round twenty-one); Enter
            # now picks the best match alone
            st.multiselect(FILTER_LABELS[name], options, default=default(name, options), key=key(name),
                           select_all=False, **kw)

        pick("seniority", choices["seniority"], placeholder="all levels",
             help="Default: senior and above. Empty means all levels.")
        pick("role_family", choices["role_family"], placeholder="all roles", format_func=names.value_label)
        pick("country", choices["country"], placeholder="all countries", format_func=names.area_label)
        chosen = st.session_state.get(key("country")) or []
        picked = list(st.session_state.get(key("region")) or default("region", choices["region"]))
        regions = [r for r in choices["region"] if not chosen or r[:2] in chosen or r in picked]
        pick("region", regions, placeholder="all regions", format_func=names.area_choice)  # "Bayern" finds it
        pick("remote", choices["remote"], placeholder="any")
        pick("skills", choices["skills"], placeholder="any skills")
        st.radio("Postings asking for", ["any", "all"], index=0 if cur.skills_mode == "any" else 1,
                 key=key("skills_mode"), horizontal=True,
                 format_func=lambda m: "any of the skills" if m == "any" else "all of the skills")
        pick("source", choices["source"], placeholder="all sources")
        pick("language", choices["language"], placeholder="all languages", format_func=names.language_label,
             help="Language of the posting text (ISO 639-1 codes in the link: en, de, fr, pt); "
             "\"not detected\": a text too short to tell.")
        st.button("Reset filters", key="flt_reset", on_click=_reset, width="stretch")
    f = _read(opts)
    st.session_state[LAST] = f
    gone = links.unavailable(slug, f)  # valid values the page does not offer under the link's filters
    if gone:
        st.session_state[IGNORED] = [*(st.session_state.get(IGNORED) or []), *gone]
    _coverage(cover, f, opts)
    links.write(slug, f)
    return f
