"""Salary: postings by band, distributions by seniority, region and skill, the median over time.

Figures that fewer than 30 postings stand behind are not drawn: the page says
"not enough data" instead (analytics.queries.MIN_N). The charts are defined in
analytics/figures/salary.py (shared with the report).
"""

from __future__ import annotations

import streamlit as st

import ui
from analytics.figures.salary import DEFAULT_BY
from analytics.queries import salary
from ui.chart import chart, page_header

f = ui.page("salary")
ctx = page_header("salary", f)
st.caption("Annual salaries in US dollars (midpoint of the advertised range, converted at the yearly "
           "average rate); implausible figures are left out.")

chart("sa_bands", ctx)
groups = list(salary.GROUPS)
ctx.params["by"] = st.radio("Distribution by", groups, index=groups.index(DEFAULT_BY), horizontal=True,
                            key="sa_by", format_func=str.capitalize)
chart("sa_dist", ctx)
chart("sa_skill", ctx)
chart("sa_time", ctx)
