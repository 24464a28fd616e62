"""Skills: demand, trends, movers, pairs, pay premium and what senior roles expect beyond code."""

from __future__ import annotations

from datetime import date, timedelta

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from analytics.filters import ALL_LEVELS
from analytics.queries import skills
from analytics.queries.data import options
from ui import theme
from ui.chart import render

f = ui.page()
st.title("Skills")

top = ui.fetch(skills.top_skills, f, 20)


def _top(df: pd.DataFrame):
    fig = px.bar(df.iloc[::-1], x="share", y="skill", orientation="h", color="skill",
                 color_discrete_map=theme.skill_colors(df["skill"]), custom_data=["skill"],
                 text=df.iloc[::-1]["postings"].map("{:,}".format), hover_data={"postings": ":,"})
    fig.update_layout(showlegend=False)
    fig.update_xaxes(tickformat=".0%")
    return theme.style(fig, x="Share of postings", y="Skill", height=max(320, 24 * len(df)))


render("Top skills", top, _top, key="sk_top", drill=("skill",),
       help="Share of the filtered postings that ask for each skill; the label is the count.")

# --- trend --------------------------------------------------------------------------
known = list(top.df["skill"]) if top is not None else []
default_picks = known[:5]
if "sk_trend_pick" not in st.session_state:
    st.session_state["sk_trend_pick"] = default_picks
elif any(s not in known for s in st.session_state["sk_trend_pick"]):
    st.session_state["sk_trend_pick"] = [s for s in st.session_state["sk_trend_pick"] if s in known]
picks = st.multiselect("Skills to follow", known, key="sk_trend_pick")
if picks:
    render("Monthly trend", ui.fetch(skills.skill_trend, f, tuple(picks)),
           lambda df: theme.style(px.line(df, x="month", y="share", color="skill", markers=True,
                                          color_discrete_map=theme.skill_colors(picks),
                                          custom_data=["month", "skill"]).update_yaxes(tickformat=".0%"),
                                  x="Month", y="Share of postings"),
           key="sk_trend", drill=("month", "skill"))
else:
    st.info("Choose skills above to see their monthly trend.")

# --- movers ---------------------------------------------------------------------------
opts = ui.q(options)
lo = f.date_from or opts.date_min or date.today()
hi = f.date_to or opts.date_max or date.today()
mid = lo + (hi - lo) / 2
st.subheader("Fastest rising and falling skills")
c1, c2, c3 = st.columns([2, 2, 1])
st.session_state.setdefault("sk_mov_a", (lo, mid))
st.session_state.setdefault("sk_mov_b", (mid + timedelta(days=1), hi))
a = c1.date_input("Earlier period", key="sk_mov_a", format="YYYY-MM-DD")
b = c2.date_input("Later period", key="sk_mov_b", format="YYYY-MM-DD")
min_count = c3.number_input("Minimum postings", min_value=1, value=10, step=5, key="sk_mov_min",
                            help="Skills asked for in fewer postings (both periods together) are left out.")
if len(a) == 2 and len(b) == 2:
    def _movers(df: pd.DataFrame):
        shown = pd.concat([df.head(10), df.tail(10)]).drop_duplicates("skill").sort_values("change")
        fig = px.bar(shown, x="change", y="skill", orientation="h", color="skill",
                     color_discrete_map=theme.skill_colors(shown["skill"]), custom_data=["skill"],
                     hover_data={"count_a": ":,", "count_b": ":,", "share_a": ":.1%", "share_b": ":.1%"})
        fig.update_layout(showlegend=False)
        fig.update_xaxes(tickformat="+.1%")
        return theme.style(fig, x="Change in share of postings (percentage points)", y="Skill",
                           height=max(320, 24 * len(shown)))

    render(f"Change from {a[0]:%Y-%m-%d}–{a[1]:%Y-%m-%d} to {b[0]:%Y-%m-%d}–{b[1]:%Y-%m-%d}",
           ui.fetch(skills.movers, f, (a[0], a[1]), (b[0], b[1]), int(min_count)),
           _movers, key="sk_movers", drill=("skill",))
else:
    st.info("Pick a start and an end date for both periods.")

# --- co-occurrence --------------------------------------------------------------------
def _heat(df: pd.DataFrame):
    order = list(dict.fromkeys(df["skill_a"]))
    grid = df.pivot(index="skill_a", columns="skill_b", values="together").reindex(index=order, columns=order)
    fig = px.imshow(grid, color_continuous_scale=theme.SEQUENTIAL, text_auto=",",
                    labels={"color": "Postings with both", "x": "", "y": ""}, aspect="auto")
    return theme.style(fig, height=max(380, 30 * len(order)))


render("Skills asked for together", ui.fetch(skills.cooccurrence, f, 12), _heat, key="sk_pairs",
       help="Postings that ask for both skills, among the 12 most asked-for skills.")

# --- salary premium ---------------------------------------------------------------------
def _premium(df: pd.DataFrame):
    d = df.sort_values("premium_usd")
    fig = px.bar(d, x="premium_usd", y="skill", orientation="h", color="skill",
                 color_discrete_map=theme.skill_colors(d["skill"]), custom_data=["skill"],
                 hover_data={"n": ":,", "median_salary_usd": ":,.0f"})
    fig.update_layout(showlegend=False)
    fig.update_xaxes(tickformat=",")
    return theme.style(fig, x="Median salary minus overall median (USD per year)", y="Skill",
                       height=max(320, 24 * len(d)))


render("Salary premium per skill", ui.fetch(skills.salary_premium, f, 20), _premium, key="sk_premium",
       drill=("skill",), enough="enough", label="skill",
       help="Median salary of postings asking for the skill against the median of all filtered postings.")

# --- responsibilities -------------------------------------------------------------------
def _resp(df: pd.DataFrame):
    levels = [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]
    fig = px.bar(df, x="skill", y="share", color="seniority", barmode="group",
                 category_orders={"seniority": levels}, custom_data=["seniority", "skill"],
                 hover_data={"postings": ":,", "level_total": ":,"})
    fig.update_yaxes(tickformat=".0%")
    return theme.style(fig, x="Responsibility", y="Share of postings at the level")


render("What senior roles expect beyond code", ui.fetch(skills.responsibilities, f), _resp,
       key="sk_resp", drill=("seniority", "skill"),
       help="Responsibilities (skills of category responsibility) by seniority level.")
