"""The sidebar: filter widgets <-> Filters <-> the URL's query parameters.

Why: every page shares one set of filters, and a copied link must open the same view.
On a session's first run the widgets are seeded from the URL; afterwards the widgets
are the truth and the URL is rewritten from them (only non-default values, so a clean
link means the defaults). Reset puts every widget back to its default.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import streamlit as st

from analytics.filters import ALL_LEVELS, REMOTE_MODES, Filters, from_query_params, to_query_params
from analytics.queries.data import Options

K = {name: f"flt_{name}" for name in
     ("dates", "seniority", "role_family", "country", "region", "remote", "skills", "skills_mode", "source", "language")}
LAST = "_filters_last"  # plain (non-widget) copy: survives a page change that drops widget state


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
        "language": list(opts.language),
    }


def _clamp(d: date | None, lo: date | None, hi: date | None) -> date | None:
    if d is None:
        return None
    if lo is not None and d < lo:
        return lo
    if hi is not None and d > hi:
        return hi
    return d


def _current() -> Filters:
    """What the widgets should show when they have no state of their own: the last filters of this
    session, else (a session's first run) the URL's query parameters."""
    last = st.session_state.get(LAST)
    return last if isinstance(last, Filters) else from_query_params(st.query_params.to_dict())


def _reset() -> None:
    for key in K.values():
        st.session_state.pop(key, None)
    st.session_state[LAST] = Filters()


def _read(opts: Options) -> Filters:
    """The Filters value the widgets now show."""
    kwargs: dict[str, Any] = {name: tuple(st.session_state.get(K[name]) or ()) for name in _choices(opts)}
    kwargs["skills_mode"] = st.session_state.get(K["skills_mode"]) or "any"
    dates: tuple[date, ...] = tuple(st.session_state.get(K["dates"]) or ())
    d0 = dates[0] if len(dates) > 0 else None
    d1 = dates[1] if len(dates) > 1 else None
    kwargs["date_from"] = None if d0 == opts.date_min else d0
    kwargs["date_to"] = None if d1 == opts.date_max else d1
    return Filters(**kwargs)


def sidebar(opts: Options) -> Filters:
    """Draw the filter widgets and return the chosen Filters; keeps the URL in step.

    Widgets take their defaults from _current(), so a widget whose state Streamlit dropped
    (a page change can do that) comes back showing the same filters.
    """
    cur = _current()
    choices = _choices(opts)

    def default(name: str, options: list[str]) -> list[str]:
        return [v for v in getattr(cur, name) if v in options]

    with st.sidebar:
        st.header("Filters")
        if opts.date_min and opts.date_max:
            d0 = _clamp(cur.date_from, opts.date_min, opts.date_max) or opts.date_min
            d1 = _clamp(cur.date_to, opts.date_min, opts.date_max) or opts.date_max
            st.date_input("Date range (posted)", value=(d0, d1), key=K["dates"], min_value=opts.date_min,
                          max_value=opts.date_max, format="YYYY-MM-DD")
        st.multiselect("Seniority", choices["seniority"], default=default("seniority", choices["seniority"]),
                       key=K["seniority"], placeholder="all levels",
                       help="Default: senior and above. Empty means all levels.")
        st.multiselect("Role family", choices["role_family"], default=default("role_family", choices["role_family"]),
                       key=K["role_family"], placeholder="all roles")
        st.multiselect("Country", choices["country"], default=default("country", choices["country"]),
                       key=K["country"], placeholder="all countries", help="ISO 3166-1 codes, e.g. US, GB, IN.")
        chosen = st.session_state.get(K["country"]) or []
        picked = list(st.session_state.get(K["region"]) or default("region", choices["region"]))
        regions = [r for r in choices["region"] if not chosen or r[:2] in chosen or r in picked]
        st.multiselect("Region", regions, default=default("region", regions), key=K["region"],
                       placeholder="all regions", help="ISO 3166-2 codes, e.g. US-CA, GB-ENG.")
        st.multiselect("Work arrangement", choices["remote"], default=default("remote", choices["remote"]),
                       key=K["remote"], placeholder="any")
        st.multiselect("Skills", choices["skills"], default=default("skills", choices["skills"]),
                       key=K["skills"], placeholder="any skills")
        st.radio("Postings asking for", ["any", "all"], index=0 if cur.skills_mode == "any" else 1,
                 key=K["skills_mode"], horizontal=True,
                 format_func=lambda m: "any of the skills" if m == "any" else "all of the skills")
        st.multiselect("Source", choices["source"], default=default("source", choices["source"]),
                       key=K["source"], placeholder="all sources")
        st.multiselect("Language", choices["language"], default=default("language", choices["language"]),
                       key=K["language"], placeholder="all languages",
                       help="Language of the posting text, ISO 639-1 codes, e.g. en, de, fr, pt.")
        st.button("Reset filters", key="flt_reset", on_click=_reset, width="stretch")
    f = _read(opts)
    st.session_state[LAST] = f
    wanted = to_query_params(f)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    return f
