"""Salary: postings by band, distributions by seniority, region and skill, the median over time.

Figures that fewer than 30 postings stand behind are not drawn: the page says
"not enough data" instead (analytics.queries.MIN_N). The charts are defined in
analytics/figures/salary.py (shared with the report). The bands are drawn on every view, the
other charts in tabs drawn only while selected (ui.chart.sections: a first view draws two charts).
"""

from __future__ import annotations

import streamlit as st

import ui
from analytics import controls
from analytics.figures.salary import DEFAULT_BY, stated_as_text
from analytics.queries import salary
from etl.normalize import money
from ui.chart import chart, keep, kept_params, page_header, sections

f = ui.page("salary")
ctx = page_header("salary", f)
# how pay stated per month or hour, or in another currency, became these figures (QA round ten: the real
# samples' Polish salaries are monthly PLN, some French ones hourly EUR, and the page said only "converted")
st.caption("Annual salaries in US dollars: the midpoint of the advertised range; pay stated by the hour, "
           f"day, week or month annualised ({money.HOURS_PER_YEAR:,} hours, {money.DAYS_PER_YEAR} days, "
           f"{money.WEEKS_PER_YEAR} weeks, {money.MONTHS_PER_YEAR} months), other currencies converted "
           "at the yearly average rate (the Methodology page gives both); implausible figures are left out.")
# and how the salaries in this view were stated (QA round eleven: the mix of currencies and periods behind
# the yearly USD figures, under the filters)
if (stated := ui.fetch(salary.stated_as, f)) is not None and (line := stated_as_text(stated.df)):
    st.caption(ui.as_text(line))

chart("sa_bands", ctx)
keep(*controls.kept("salary"))  # a link's value for it is in session state already (ui.links)
kept_params(ctx, by="sa_by")  # the deck keeps the choice while another tab is open
dist_tab, skill_tab, time_tab = sections("sa_tabs", controls.SALARY_TABS)
with dist_tab:
    if dist_tab.open:
        groups = list(salary.GROUPS)
        st.session_state.setdefault("sa_by", DEFAULT_BY)
        ctx.params["by"] = st.radio("Distribution by", groups, horizontal=True, key="sa_by",
                                    format_func=str.capitalize)
        chart("sa_dist", ctx)
for tab, key in ((skill_tab, "sa_skill"), (time_tab, "sa_time")):
    with tab:
        if tab.open:
            chart(key, ctx)
