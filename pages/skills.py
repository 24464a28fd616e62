"""Skills: demand, trends, movers, pairs, pay premium and what senior roles expect beyond code.

The charts are defined in analytics/figures/skills.py (shared with the report); the page
adds the widgets: the skills to follow, the movers' two periods and their minimum count.
The top skills are drawn on every view, the other charts in tabs drawn only while selected
(ui.chart.sections: a page's first view draws two charts, not six).
"""

from __future__ import annotations

from datetime import date

import streamlit as st

import ui
from analytics import controls
from analytics.figures import skills as sf
from ui import links
from ui.chart import chart, keep, kept_params, page_header, sections


def _ends(value: object) -> tuple[date, ...]:
    """A date range widget's ends (one end while a range is being picked)."""
    return tuple(value) if isinstance(value, tuple | list) else ()


f = ui.page("skills")
ctx = page_header("skills", f)
keep(*controls.kept("skills"))  # a link's values for them are in session state already (ui.links)
kept_params(ctx, picks="sk_trend_pick")  # the deck keeps the choices while another tab is open
if "sk_mov_min" in st.session_state:
    ctx.params["min_count"] = int(st.session_state["sk_mov_min"])
kept_a, kept_b = _ends(st.session_state.get("sk_mov_a")), _ends(st.session_state.get("sk_mov_b"))
if len(kept_a) == 2 and len(kept_b) == 2:
    ctx.params["periods"] = ((kept_a[0], kept_a[1]), (kept_b[0], kept_b[1]))

top = chart("sk_top", ctx)

trend_tab, movers_tab, pairs_tab, premium_tab, resp_tab = sections("sk_tabs", controls.SKILLS_TABS)

# --- trend --------------------------------------------------------------------------
with trend_tab:
    if trend_tab.open:
        known = list(top.df["skill"]) if top is not None else []
        links.seed("sk_trend_pick", list(sf.default_picks(ctx)))
        # a followed skill outside this view's top skills stays a choice (drawn at 0%, the trend's note says
        # why): dropped, it did not come back when the filter was undone (QA round thirteen); only a skill
        # the warehouse no longer holds goes
        every = set(ctx.options().skills)
        known += [s for s in st.session_state["sk_trend_pick"] if s not in known and s in every]
        if any(s not in known for s in st.session_state["sk_trend_pick"]):
            st.session_state["sk_trend_pick"] = [s for s in st.session_state["sk_trend_pick"] if s in known]
        # no "Select N matches" first: Enter picks the best match (QA round twenty-one, as the sidebar)
        picks = st.multiselect("Skills to follow", known, key="sk_trend_pick", select_all=False)
        ctx.params["picks"] = tuple(picks)
        if ctx.params["picks"]:
            chart("sk_trend", ctx)
        else:
            st.info("Choose skills above to see their monthly trend.")

# --- movers ---------------------------------------------------------------------------
with movers_tab:
    if movers_tab.open:
        (a0, a1), (b0, b1) = sf.default_split(ctx)
        st.subheader("Fastest rising and falling skills")
        c1, c2, c3 = st.columns([2, 2, 1])
        links.seed("sk_mov_a", (a0, a1))
        links.seed("sk_mov_b", (b0, b1))
        links.seed("sk_mov_min", sf.MOVERS_MIN)
        a = _ends(c1.date_input("Earlier period", key="sk_mov_a", format="YYYY-MM-DD"))
        b = _ends(c2.date_input("Later period", key="sk_mov_b", format="YYYY-MM-DD"))
        ctx.params["min_count"] = int(c3.number_input(
            "Minimum postings", min_value=1, step=5, key="sk_mov_min",
            help="Skills asked for in fewer postings (both periods together) are left out."))
        if len(a) == 2 and len(b) == 2:
            ctx.params["periods"] = ((a[0], a[1]), (b[0], b[1]))
            chart("sk_movers", ctx)
        else:
            st.info("Pick a start and an end date for both periods.")

# --- pairs, pay, responsibilities --------------------------------------------------------
for tab, key in ((pairs_tab, "sk_pairs"), (premium_tab, "sk_premium"), (resp_tab, "sk_resp")):
    with tab:
        if tab.open:
            chart(key, ctx)
