"""Methodology: how every field is derived, the constants, the dedupe rule, the measured accuracy per
field and language on real postings never used for tuning, and the known error classes.

The text is docs/methodology.md (analytics.methodology), so the page and the document never differ;
the Data page shows the scores of the extraction that published this warehouse.
"""

from __future__ import annotations

import streamlit as st

import ui
from analytics import methodology
from analytics.pages import page

ui.page("methodology")
st.title(page("methodology").title)
st.caption("How the numbers on the other pages are made, and how far to trust them. The accuracy "
           "table is the test half of hand-labelled real postings, which the rules were never tuned on.")
for heading, body in methodology.sections():
    if heading:
        st.header(heading, divider="gray")
    st.markdown(body)
