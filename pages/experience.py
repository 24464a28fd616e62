"""Experience: years required (distribution and bands), by seniority, against salary; degree asked.

The charts are defined in analytics/figures/experience.py (shared with the report). The years are
drawn on every view, the other charts in tabs drawn only while selected (ui.chart.sections).
"""

from __future__ import annotations

import streamlit as st

import ui
from analytics import controls
from ui.chart import chart, page_header, sections

f = ui.page("experience")
ctx = page_header("experience", f)
st.caption("Years of experience required: the lower end of the stated range (5+ counts as 5).")

# the years one by one take the page's width: fifteen bars in half of it left no room for their labels
chart("ex_years", ctx)
TABS = dict(zip(controls.EXPERIENCE_TABS, ("ex_bands", "ex_level", "ex_pay", "ex_degree")))
for tab, key in zip(sections("ex_tabs", list(TABS)), TABS.values()):
    with tab:
        if tab.open:
            chart(key, ctx)
