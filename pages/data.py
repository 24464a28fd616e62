"""Data: load runs, rejected rows and why, field coverage, source mix, extraction quality."""

from __future__ import annotations

import pandas as pd
import plotly.express as px
import streamlit as st

import ui
from analytics.queries import data
from ui import theme
from ui.chart import render

f = ui.page()
st.title("Data")

render("Load runs", ui.fetch(data.load_runs), None, key="da_runs",
       draw=lambda df: st.dataframe(df, hide_index=True, key="da_runs_table"),
       help="One row per input file per load (read = loaded + duplicates + rejected).")


def _reasons(df: pd.DataFrame):
    d = df.iloc[::-1]
    fig = px.bar(d, x="records", y="reason", orientation="h")
    fig.update_xaxes(tickformat=",")
    return theme.style(fig, x="Rejected records", y=None, height=max(260, 30 * len(d)))


render("Rejected rows by reason", ui.fetch(data.rejected_reasons), _reasons, key="da_reasons",
       draw=lambda df: None)
sample = ui.fetch(data.rejected_sample)
if sample is not None and not sample.df.empty:
    with st.expander("Latest rejected records"):
        st.dataframe(sample.df, hide_index=True, key="da_rejected_table")


def _coverage(df: pd.DataFrame):
    fig = px.bar(df, x="share", y="field", orientation="h", hover_data={"postings_with": ":,"})
    fig.update_xaxes(tickformat=".0%", range=[0, 1])
    return theme.style(fig, x="Share of postings with the field", y=None, height=300)


render("Field coverage", ui.fetch(data.coverage, f), _coverage, key="da_coverage")

render("Source mix", ui.fetch(data.source_mix, f),
       lambda df: theme.style(px.bar(df, x="source", y="postings", custom_data=["source"],
                                     hover_data={"share": ":.0%"}).update_yaxes(tickformat=","),
                              x="Source", y="Postings"),
       key="da_sources", drill=("source",))

st.subheader("Extraction quality")
quality = ui.fetch(data.extraction_quality)
if quality is not None:
    if quality.df.empty:
        st.info(" ".join(quality.notes) or "No extraction quality figures yet.")
    else:
        st.caption(" · ".join(quality.notes) + " (the figures of `python -m etl evaluate`)")
        st.dataframe(quality.df, hide_index=True, key="da_quality")
