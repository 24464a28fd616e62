"""Experience: years required (distribution and bands), by seniority, against salary; degree asked.

The charts are defined in analytics/figures/experience.py (shared with the report).
"""

from __future__ import annotations

import streamlit as st

import ui
from ui.chart import chart, page_header

f = ui.page("experience")
ctx = page_header("experience", f)
st.caption("Years of experience required: the lower end of the stated range (5+ counts as 5).")

c1, c2 = st.columns(2)
with c1:
    chart("ex_years", ctx)
with c2:
    chart("ex_bands", ctx)
chart("ex_level", ctx)
chart("ex_pay", ctx)
chart("ex_degree", ctx)
