"""Regions: maps by country and US state, top cities and metros, remote share, two regions side by side.

The charts are defined in analytics/figures/regions.py (shared with the report); the
page adds the widgets: the map measure, the remote-share level and the two regions. The world
map is drawn on every view, the other charts in tabs drawn only while selected
(ui.chart.sections: a page's first view draws two charts, not six).
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

import ui
from analytics import controls
from analytics.figures import regions as rf
from analytics.filters import SET_BY_FILTER, remote_share_set
from analytics.queries import MIN_N
from ui import links, theme
from ui.chart import chart, keep, kept_params, page_header, sections

f = ui.page("regions")
ctx = page_header("regions", f)
keep(*controls.kept("regions"))  # a link's values for them are in session state already (ui.links)
kept_params(ctx, level="rg_remote_level")  # the deck keeps the choices while another tab is open
if "rg_cmp_a" in st.session_state and "rg_cmp_b" in st.session_state:
    ctx.params["areas"] = tuple(dict.fromkeys((st.session_state["rg_cmp_a"], st.session_state["rg_cmp_b"])))

ctx.params["measure"] = st.radio("Colour the maps by", list(rf.MEASURES), horizontal=True, key="rg_measure",
                                 format_func=lambda m: theme.LABELS[m])
chart("rg_world", ctx)
TABS = controls.REGIONS_TABS
order = controls.regions_tabs(f)  # cities first where the filters leave the US map empty
tabs = dict(zip(order, sections("rg_tabs", order)))
states_tab, places_tab, remote_tab, compare_tab = (tabs[label] for label in TABS)
with states_tab:
    if states_tab.open:
        chart("rg_states", ctx)

with places_tab:
    if places_tab.open:
        c1, c2 = st.columns(2)
        with c1:
            chart("rg_cities", ctx)
        with c2:
            chart("rg_metros", ctx)

with remote_tab:
    if remote_tab.open:
        ctx.params["level"] = st.radio("Remote share by", list(rf.LEVELS), horizontal=True,
                                       key="rg_remote_level")
        chart("rg_remote", ctx)


def _compare(df: pd.DataFrame) -> None:
    """Each area's headline figures; a figure from fewer than MIN_N postings is marked as the Overview's
    KPIs are (a small country beside the US showed its median and remote share unmarked)."""
    cols = st.columns(len(df))
    fixed_remote = remote_share_set(ctx.f)
    lows: dict[str, list[str]] = {}
    ones: dict[str, list[str]] = {}
    nones: dict[str, list[str]] = {}
    for col, (_, row) in zip(cols, df.iterrows()):
        name = rf.area_label(row["area"])
        col.markdown(f"**{name}**")
        col.metric("Postings", theme.fmt_int(row["postings"]))
        # by the company key every count uses (a legal suffix is no second company); the query counted them
        # and the page showed none (QA round twenty-six)
        col.metric("Companies", theme.fmt_int(row["companies"]))
        for label, value, n in (
                ("Median salary (USD per year)", theme.fmt_usd(row["median_salary_usd"]), "salary_n"),
                ("Share remote", theme.fmt_pct(row["share_remote"]), "remote_n"),
                ("Median years required", theme.fmt_years(row["median_years"]), "years_n")):
            if n == "remote_n" and fixed_remote:  # the filter's figure, not the data's (lead ruling 4, hqa38)
                col.metric(label, SET_BY_FILTER, help=f"Share fully remote: {fixed_remote}.")
                continue
            k = int(row[n])
            col.metric(label, theme.kpi(value, k), help=f"From {rf.resting_on(k, n)}.")
            if k == 0:  # a "–" nobody stands behind said why only in its tooltip (QA round twenty-five)
                nones.setdefault(name, []).append(label.split(" (")[0].lower())
            elif k == 1:  # one posting's own figure: "–" above, the figure here (QA round twenty-three)
                ones.setdefault(name, []).append(f"{label.split(' (')[0].lower()} {value}")
            elif theme.small_mark(k):  # with its n: "fewer than 30" alone hid how few (QA round eight)
                lows.setdefault(name, []).append(f"{label.split(' (')[0].lower()} from {rf.resting_on(k, n)}")
    if nones:
        st.caption("– where no posting states it (" + "; ".join(f"{name}: {', '.join(figs)}"
                                                             for name, figs in nones.items()) + ").")
    if ones:
        st.caption(f"{theme.ONE_POSTING_NOTE} (" + "; ".join(f"{name}: {', '.join(figs)}"
                                                             for name, figs in ones.items()) + ").")
    if lows:
        which = "; ".join(f"{name}: {', '.join(figs)}" for name, figs in lows.items())
        st.caption(f"{theme.SMALL_MARK.strip()} marks a figure from fewer than {MIN_N} postings ({which}): "
                   "read with care.")


with compare_tab:
    if compare_tab.open:
        st.subheader("Two regions side by side")
        areas = rf.area_choices(ctx)
        if len(areas) >= 2:
            c1, c2 = st.columns(2)
            first, second = rf.default_areas(ctx)
            for key, value in (("rg_cmp_a", first), ("rg_cmp_b", second)):  # a choice gone under new filters
                links.seed(key, value)
                if st.session_state.get(key) not in areas:
                    st.session_state[key] = value
            area_a = c1.selectbox("Region A", areas, key="rg_cmp_a", format_func=rf.area_choice)
            area_b = c2.selectbox("Region B", areas, key="rg_cmp_b", format_func=rf.area_choice)
            ctx.params["areas"] = tuple(dict.fromkeys((area_a, area_b)))
            if area_a == area_b:
                st.info(f"Region A and Region B are the same region ({rf.area_label(area_a)}): pick another "
                        "to compare.")
            chart("rg_cmp", ctx, draw=_compare)
            chart("rg_cmp_skills", ctx)
        else:
            st.info(rf.nothing_to_compare(ctx))
