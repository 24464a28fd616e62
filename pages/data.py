"""Data: load runs, rejected rows and why, field coverage, source mix, extraction quality.

The charts are defined in analytics/figures/data.py (shared with the report); the tables
below them (latest rejected records, extraction quality) are this page's own. The load runs are
drawn on every view, the rest in tabs drawn only while selected (ui.chart.sections).
"""

from __future__ import annotations

import streamlit as st

import ui
from analytics import controls, names
from analytics.figures import data as df_
from analytics.queries import data
from ui.chart import chart, page_header, sections, table
from ui.exports import chart_downloads

f = ui.page("data")
ctx = page_header("data", f)

# the page's own tables name their columns for people (the "Data and SQL" boxes keep the SQL's names)
RUNS = {col: st.column_config.Column(label, width=df_.RUNS_WIDTHS[col]) for col, label in (
    ("run_id", "Run"), ("started_at", "Started"), ("seconds", "Seconds"), ("file_name", "File"),
    ("format", "Format"), ("read", "Read"), ("loaded", "Loaded"), ("duplicates", "Duplicates"),
    ("rejected", "Rejected"), ("status", "Status"))}
REJECTED = {"run_id": "Run", "file_path": "File", "record_no": "Record", "reason": "Reason",
            "raw": "Record as read (first 300 characters)"}
QUALITY = {"labelled_set": "Labelled set", "language": "Language", "metric": "Field", "n": "n",
           "target": "Target", "postings": "Postings"}

chart("da_runs", ctx, draw=lambda df: table(df_.runs_table(df), "da_runs_table", column_config=RUNS))
reasons_tab, coverage_tab, sources_tab, languages_tab, quality_tab = sections(
    "da_tabs", controls.DATA_TABS)


@st.fragment
def _rejected() -> None:
    """The latest rejected records, drawn only while their box is open (as the charts' "Data and SQL"
    boxes, ui.chart._details: a table in a closed box still cost the browser its grid on every view of
    the page); opening it reruns only this fragment."""
    sample = ui.fetch(data.rejected_sample)
    if sample is None or sample.df.empty:
        return
    box = st.expander("Latest rejected records", key="da_rejected_open", on_change="rerun")
    if box.open:
        with box:
            table(sample.df, "da_rejected_table", column_config=REJECTED)
            chart_downloads("Latest rejected records", sample, None, "da_rejected", f)


with reasons_tab:
    if reasons_tab.open:
        chart("da_reasons", ctx)
        _rejected()
for tab, key in ((coverage_tab, "da_coverage"), (sources_tab, "da_sources"), (languages_tab, "da_languages")):
    with tab:
        if tab.open:
            chart(key, ctx)


def _quality() -> None:
    st.subheader("Extraction quality")
    quality = ui.fetch(data.extraction_quality)
    if quality is not None:
        if quality.df.empty:
            st.info(" ".join(quality.notes))
        else:
            st.caption(" · ".join(quality.notes))
            shown = quality.df.assign(  # names for people; the downloads keep the codes
                metric=quality.df["metric"].map(names.field_label),
                language=quality.df["language"].map(
                    lambda c: "All languages" if c == "all" else names.language_label(c)))
            table(shown, "da_quality", column_config={
                **QUALITY,
                "value": st.column_config.NumberColumn("Score", format="%.3f"),
                "ci_low": st.column_config.NumberColumn("95% interval from", format="%.3f"),
                "ci_high": st.column_config.NumberColumn("to", format="%.3f"),
                "meets_target": st.column_config.CheckboxColumn("Meets target")})
            chart_downloads("Extraction quality", quality, None, "da_quality", f)


with quality_tab:
    if quality_tab.open:
        _quality()
