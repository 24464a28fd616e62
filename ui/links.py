"""A page's own controls <-> the URL (the sidebar binds the filters: ui.sidebar).

Why: a copied link must open the exact view - the map's colour, the open tab, the movers' periods - not only
the filters. Which widgets a page shares and what a valid value is are in analytics.controls (pure, tested);
here they meet session state. A run whose URL is not the one this session last wrote carries a link (a
session's first run, a shared address): its control values go through ``Control.decode`` into the widgets'
session state, and a value that does not decode is named in the sidebar's "Not recognised in the link"
note (ui.sidebar). Every other run the widgets are the truth and the URL is rewritten from them, leaving
out a control that shows its default.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import streamlit as st

from analytics import controls
from analytics.filters import Filters, to_query_params
from ui.chart import KEPT  # keep's plain copies: a page's values over other pages' runs

WRITTEN = "_links_written"  # the query parameters this session last wrote
WRITTEN_PAGE = "_links_written_page"  # ... on which page
DEFAULTS = "_links_defaults"  # control key -> the value its page seeded it with (ui.links.seed)
APPLIED = "_links_applied"  # control key -> the value this run's link gave it (ui.links.apply)
BARE = "_links_bare"  # the page whose change by the sidebar left its address without filters in the history
LINKED = "_links_linked"  # page slug -> the query parameters the sidebar's link to it carries (``target``)
FILTER_KEYS = frozenset(fl.name for fl in fields(Filters))


def carried(slug: str | None = None) -> bool:
    """Whether this run's URL carries a link: it is not what this session last wrote, nor - coming from
    another page - the address the sidebar's link to page ``slug`` gave (``target``: what this session's
    state shows on arriving there; on the same page it leaves out the open tab, so Back to it is a return)."""
    state = st.session_state
    given = st.query_params.to_dict()
    if given == state.get(WRITTEN):
        return False
    return (slug is None or state.get(WRITTEN_PAGE) == slug
            or given != (state.get(LINKED) or {}).get(slug))


def returned(slug: str | None) -> bool:
    """Whether the browser went back or forward to this run's URL: not the session's first run, not the URL
    this session last wrote, and naming a filter or on the page it wrote it on. Every filter or tab change
    pushes its address to the browser's history, and Back did nothing visible: the run read the widgets and
    wrote their address again (QA round twenty-two). A page change made by the sidebar's links can come
    without the filters' parameters (Streamlit's first one does) and is not a return: its filters stay."""
    if WRITTEN not in st.session_state or not carried(slug):
        return False
    given = st.query_params.to_dict()
    if any(k in FILTER_KEYS for k in given):
        return True
    if held(slug):
        return False
    # no filter named: a return to this page's view at the default filters, unless the address holds what
    # is neither (the SQL page's ?q=, which the sidebar's links carry to the next page)
    own = {c.key for c in controls.of(slug)}
    return st.session_state.get(WRITTEN_PAGE) == slug and all(k in own for k in given)


def held(slug: str | None) -> bool:
    """Whether this run's address is the one without filters that a page change by the sidebar left in the
    browser's history: Streamlit's change comes without parameters and the run then writes the filters, two
    entries, so Back from the page lands on the bare one first. It read as a return to the page's default
    view and dropped the filters (QA round twenty-four: Regions under Germany, Back: 1,680 postings, not
    98). Such a run keeps the filters and leaves the address as it is (``write``): written again it would
    be a new entry, and the next Back would land on the bare one again."""
    state = st.session_state
    return (bool(slug) and state.get(BARE) == slug and state.get(WRITTEN_PAGE) == slug
            and not st.query_params.to_dict()
            and any(k in FILTER_KEYS for k in (state.get(WRITTEN) or {})))


def apply(slug: str | None, opts: Any, *, back: bool = False) -> list[str]:
    """On a run that carries a link: page ``slug``'s control values from the URL into session state (and
    keep's copies); returns "key=value" for each value refused and, on the session's first run (as the
    sidebar reads the filters), the name of each key that is neither a filter nor one of the page's
    controls. ``back`` (returned): a control the URL leaves out goes back to its default. Call before the
    page draws its widgets."""
    st.session_state[APPLIED] = {}
    if not carried(slug):
        return []
    first = WRITTEN not in st.session_state
    given = st.query_params.to_dict()
    cs = controls.of(slug)
    values, refused = controls.from_params(cs, given, opts)
    for key, value in values.items():
        st.session_state[key] = value
        st.session_state[KEPT + key] = value
    for c in cs if back else ():  # left out of the URL: it showed its default there (params)
        if c.key not in values:
            for k in (c.key, KEPT + c.key):
                st.session_state.pop(k, None)
    st.session_state[APPLIED] = values
    known = {fl.name for fl in fields(Filters)} | {c.key for c in cs}
    return refused + [key for key in given if first and key not in known]


def unavailable(slug: str | None, f: Filters) -> list[str]:
    """After ``apply``, once the link's filters ``f`` are read: "key=value" for each control value this
    run's link gave that the page does not offer under ``f`` (Control.under). Such a value is taken out of
    session state, so the page seeds its default and the URL drops it - named, not dropped silently (a
    region of another country beside a country filter was)."""
    from ui import fetch

    given = st.session_state.get(APPLIED) or {}
    refused = []
    for c in controls.of(slug):
        if c.under is None or c.key not in given:
            continue
        fn, column = c.under
        res = fetch(fn, f)
        if res is None or given[c.key] in set(res.df[column]):  # a failed query is named where it failed
            continue
        refused.append(f"{c.key}={c.encode(given[c.key])}")
        for k in (c.key, KEPT + c.key):
            st.session_state.pop(k, None)
    return refused


def default(key: str, value: Any) -> None:
    """Note ``value`` as what widget ``key`` shows untouched (the URL leaves it out), as seed does."""
    st.session_state.setdefault(DEFAULTS, {})[key] = value


def seed(key: str, value: Any) -> None:
    """Give widget ``key`` its default ``value`` when it has none yet or still shows the default noted on
    an earlier run, and note ``value`` as the default: the URL leaves a control showing its default out.
    A page's defaults follow the filters (the movers' periods, the trend's skills, the regions compared), and
    so does a control nobody changed: kept at the first view's default, the trend followed skills that a new
    filter dropped and, after Reset filters, wrote the leftovers into the link as a choice (QA round eight).
    A value the user set (or a link gave) differs from the noted default and stays."""
    noted = st.session_state.get(DEFAULTS) or {}
    if key not in st.session_state or (key in noted and _same(st.session_state[key], noted[key])):
        st.session_state[key] = value
        if KEPT + key in st.session_state:
            # keep() copied the value at the start of this run: the copy follows the new default, else it
            # came back after another page's runs as a choice (QA round twenty-three: Back to Skills under
            # Germany followed the trend picks of no filter, and the address pinned them)
            st.session_state[KEPT + key] = value
    default(key, value)


def _same(a: Any, b: Any) -> bool:
    """Equal as a widget shows them (a multiselect's list against the seeded tuple or list)."""
    if isinstance(a, list | tuple) and isinstance(b, list | tuple):
        return list(a) == list(b)
    return bool(a == b)


def params(slug: str | None) -> dict[str, str]:
    """Page ``slug``'s controls as URL parameters: those not showing their default."""
    cs = controls.of(slug)
    state = st.session_state
    values = {c.key: state[c.key] if c.key in state else state.get(KEPT + c.key) for c in cs}
    return controls.to_params(cs, values, st.session_state.get(DEFAULTS) or {})


def write(slug: str | None, f: Filters) -> None:
    """The URL from the filters and page ``slug``'s controls (only what differs from the defaults)."""
    wanted = {**to_query_params(f), **params(slug)}
    given = st.query_params.to_dict()
    filtered = any(k in FILTER_KEYS for k in wanted)
    if held(slug) and wanted == st.session_state.get(WRITTEN):
        pass  # the bare entry a page change left, its filters kept: the address as it is (held)
    elif given != wanted:
        st.query_params.from_dict(wanted)
    if st.session_state.get(WRITTEN_PAGE) != slug:  # a page change: bare before it writes the filters?
        st.session_state[BARE] = slug if not given and filtered else None
    elif not filtered:  # this page's default view written: a bare address of it is that view now
        st.session_state[BARE] = None
    st.session_state[WRITTEN] = wanted
    st.session_state[WRITTEN_PAGE] = slug


def target(slug: str, f: Filters | None, here: str | None) -> dict[str, str]:
    """The address the sidebar's link to page ``slug`` carries, noted (LINKED) so that its run is no link
    from elsewhere: the filters ``f`` (None: a page they do not apply to) and the page's kept choices that
    differ from their defaults - not its open tab, since a page opened from the sidebar opens on its first -
    or, for the page ``here`` (this run's), the address written. Why: the link with the filters in it
    changes page and address at once. Streamlit's own links change the page without them and the run then
    writes them, a second history entry; which address that entry took raced the page change in the
    browser, and Back could land on the old page's address without its tab (QA rounds twenty-five and
    twenty-six)."""
    state = st.session_state
    if slug == here and WRITTEN_PAGE in state and state.get(WRITTEN_PAGE) == here:
        wanted = dict(state.get(WRITTEN) or {})
    else:
        cs = [c for c in controls.of(slug) if c.kind != controls.TAB]
        own = controls.to_params(cs, {c.key: state.get(KEPT + c.key) for c in cs}, state.get(DEFAULTS) or {})
        wanted = {**(to_query_params(f) if f is not None else {}), **own}
    state.setdefault(LINKED, {})[slug] = wanted
    return wanted
