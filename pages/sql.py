"""SQL: one read-only query at a time on the warehouse, with its result, downloads, schema, examples
and history. The query is kept in the URL (?q=...), so copying the address shares it; the sidebar
filters do not apply here. The parts are in ui/sql.py."""

from __future__ import annotations

import streamlit as st

import ui
from analytics import sandbox
from analytics.pages import page
from ui import sql

ui.page("sql")
st.title(page("sql").title)
st.caption(f"One read-only SELECT at a time on the warehouse and its views, run in a sandbox: "
           f"{sandbox.page_timeout_s():g} s of its own run, {sandbox.DEFAULT_MAX_ROWS:,} rows shown, "
           f"{sandbox.DOWNLOAD_MAX_ROWS:,} in downloads. No files, settings or writes.")
sandbox.default_pool()  # start the warm workers now, not on the first click
sql.editor()
sql.result()
# keyed: the result drawn above gave unkeyed tabs a new identity on each run, so the Schema tab came back
schema, examples, history = st.tabs(["Schema", "Examples", "History"], key="sql_tabs")
with schema:
    sql.schema_browser()
with examples:
    sql.examples()
with history:
    sql.history()
