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
     ("dates", "seniority", "role_family", "country", "region", "remote", "skills", "skills_mode", "source")}
SEEDED = "_filters_seeded"


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
    }


def _clamp(d: date | None, lo: date | None, hi: date | None) -> date | None:
    if d is None:
        return None
    if lo is not None and d < lo:
        return lo
    if hi is not None and d > hi:
        return hi
    return d


def _seed(f: Filters, opts: Options) -> None:
    """Put a Filters value into the widgets' session state (values not in the data are dropped)."""
    choices = _choices(opts)
    for name, options in choices.items():
        st.session_state[K[name]] = [v for v in getattr(f, name) if v in options]
    st.session_state[K["skills_mode"]] = f.skills_mode
    d0 = _clamp(f.date_from, opts.date_min, opts.date_max) or opts.date_min
    d1 = _clamp(f.date_to, opts.date_min, opts.date_max) or opts.date_max
    st.session_state[K["dates"]] = (d0, d1) if d0 and d1 else ()


def _reset(opts: Options) -> None:
    _seed(Filters(), opts)


def _read(opts: Options) -> Filters:
    """The Filters value the widgets now show."""
    kwargs: dict[str, Any] = {name: tuple(st.session_state.get(K[name]) or ()) for name in _choices(opts)}
    kwargs["skills_mode"] = st.session_state.get(K["skills_mode"]) or "any"
    dates = st.session_state.get(K["dates"]) or ()
    d0 = dates[0] if len(dates) > 0 else None
    d1 = dates[1] if len(dates) > 1 else None
    kwargs["date_from"] = None if d0 == opts.date_min else d0
    kwargs["date_to"] = None if d1 == opts.date_max else d1
    return Filters(**kwargs)


def sidebar(opts: Options) -> Filters:
    """Draw the filter widgets and return the chosen Filters; keeps the URL in step."""
    if not st.session_state.get(SEEDED):
        _seed(from_query_params(st.query_params.to_dict()), opts)
        st.session_state[SEEDED] = True
    choices = _choices(opts)
    with st.sidebar:
        st.header("Filters")
        if opts.date_min and opts.date_max:
            st.date_input("Date range (posted)", key=K["dates"], min_value=opts.date_min,
                          max_value=opts.date_max, format="YYYY-MM-DD")
        st.multiselect("Seniority", choices["seniority"], key=K["seniority"], placeholder="all levels",
                       help="Default: senior and above. Empty means all levels.")
        st.multiselect("Role family", choices["role_family"], key=K["role_family"], placeholder="all roles")
        st.multiselect("Country", choices["country"], key=K["country"], placeholder="all countries",
                       help="ISO 3166-1 codes, e.g. US, GB, IN.")
        regions = [r for r in choices["region"]
                   if not st.session_state.get(K["country"]) or r[:2] in st.session_state[K["country"]]]
        st.session_state[K["region"]] = [r for r in st.session_state.get(K["region"], []) if r in regions]
        st.multiselect("Region", regions, key=K["region"], placeholder="all regions",
                       help="ISO 3166-2 codes, e.g. US-CA, GB-ENG.")
        st.multiselect("Work arrangement", choices["remote"], key=K["remote"], placeholder="any")
        st.multiselect("Skills", choices["skills"], key=K["skills"], placeholder="any skills")
        st.radio("Postings asking for", ["any", "all"], key=K["skills_mode"], horizontal=True,
                 format_func=lambda m: "any of the skills" if m == "any" else "all of the skills")
        st.multiselect("Source", choices["source"], key=K["source"], placeholder="all sources")
        st.button("Reset filters", key="flt_reset", on_click=_reset, args=(opts,), width="stretch")
    f = _read(opts)
    wanted = to_query_params(f)
    if st.query_params.to_dict() != wanted:
        st.query_params.from_dict(wanted)
    return f
