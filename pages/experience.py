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

# the years one by one take the page's width: fifteen bars in half of it left no room for their labels
chart("ex_years", ctx)
chart("ex_bands", ctx)
chart("ex_level", ctx)
chart("ex_pay", ctx)
chart("ex_degree", ctx)
