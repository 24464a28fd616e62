"""The SQL page: researchers ask the warehouse their own questions in SQL.

Why: the charts answer the common questions; everything else a researcher wonders about
is one SELECT away. This page only draws - the editor, the result, downloads, the schema
browser, examples and history. Every query goes through analytics.sandbox, which checks
it and runs it in a separate, memory-limited process that is killed at its deadline, so
one user's runaway query never stalls the app for the others.

The query is kept in the URL (?q=...), so copying the address shares it.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import sys
import time
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import streamlit as st

from analytics import sandbox
from analytics.examples import EXAMPLES
from etl.warehouse.paths import resolve_db_path

HISTORY_MAX = 20
KIND_TITLE = {"refused": "Refused", "error": "Error", "timeout": "Stopped", "memory": "Out of memory"}


def _db() -> str:
    """``--db`` after ``--`` on the streamlit command line, else $WAREHOUSE_DB, else the default."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return str(resolve_db_path(known.db).absolute())


@st.cache_data(show_spinner=False, max_entries=4)
def _catalog(version: str) -> list[sandbox.CatalogEntry]:
    return sandbox.schema_catalog(version)


def _plain(table: pa.Table) -> pd.DataFrame:
    """A DataFrame every writer accepts: no time zones, nested values as text."""
    frame = table.to_pandas()
    for name in frame.columns:
        col = frame[name]
        if isinstance(col.dtype, pd.DatetimeTZDtype):
            frame[name] = col.dt.tz_localize(None)
        elif col.dtype == object and col.map(lambda v: isinstance(v, list | dict | tuple)).any():
            frame[name] = col.map(lambda v: None if v is None else str(v))
    return frame


def _export(sql: str, db: str, shown: sandbox.QueryResult, fmt: str) -> bytes:
    """The download: up to DOWNLOAD_MAX_ROWS rows (run again only when the page was truncated)."""
    table = shown.table
    if shown.truncated:
        with contextlib.suppress(sandbox.SandboxError):  # else the rows shown are still worth a file
            table = sandbox.run_query(sql, db, max_rows=sandbox.DOWNLOAD_MAX_ROWS,
                                      timeout_s=sandbox.DEFAULT_TIMEOUT_S * 3).table
    buf = io.BytesIO()
    if fmt == "parquet":
        pq.write_table(table, buf)
    elif fmt == "xlsx":
        _plain(table).to_excel(buf, index=False, engine="xlsxwriter")
    else:
        _plain(table).to_csv(buf, index=False)
    return buf.getvalue()


def _load(sql: str) -> None:
    st.session_state["sql_editor"] = sql


def _run(sql: str, db: str) -> None:
    st.query_params["q"] = sql
    entry: dict[str, Any] = {"sql": sql, "at": datetime.now().strftime("%H:%M:%S")}
    with st.spinner("Running in the sandbox..."):
        try:
            result = sandbox.run_query(sql, db, timeout_s=sandbox.DEFAULT_TIMEOUT_S)
            st.session_state["sql_result"] = {"sql": sql, "result": result}
            entry["status"] = f"{result.row_count:,} rows, {result.elapsed_s:.2f} s"
        except sandbox.SandboxError as exc:
            st.session_state["sql_result"] = {"sql": sql, "error": exc}
            entry["status"] = KIND_TITLE.get(exc.kind, "Error")
    history: list[dict[str, Any]] = st.session_state.setdefault("sql_history", [])
    history.insert(0, entry)
    del history[HISTORY_MAX:]


def _show_result(db: str) -> None:
    last = st.session_state.get("sql_result")
    if not last:
        return
    if "error" in last:
        exc: sandbox.SandboxError = last["error"]
        show = st.warning if exc.kind in ("timeout", "memory") else st.error
        # The message quotes the query, which may come from a ?q= link: never render it as Markdown
        # (a link or a remote image in the error box); only the fixed title goes in the box.
        show(f"**{KIND_TITLE.get(exc.kind, 'Error')}**")
        st.code(exc.message.removeprefix("refused: "), language=None, wrap_lines=True)
        return
    result: sandbox.QueryResult = last["result"]
    if result.truncated:
        total = f"{result.total_rows:,}" if result.total_rows is not None else \
            f"more than {sandbox.DOWNLOAD_MAX_ROWS:,}"
        st.caption(f"Showing the first {result.row_count:,} of {total} rows · {result.elapsed_s:.2f} s")
    else:
        st.caption(f"{result.row_count:,} row{'s' if result.row_count != 1 else ''} · {result.elapsed_s:.2f} s")
    st.dataframe(result.table, hide_index=True, key="sql_result_table")
    files = (("CSV", "csv", "text/csv"), ("Parquet", "parquet", "application/vnd.apache.parquet"),
             ("Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    for column, (label, fmt, mime) in zip(st.columns(len(files)), files):
        column.download_button(
            f"Download {label}", key=f"sql_download_{fmt}", on_click="ignore", mime=mime,
            file_name=f"query-{time.strftime('%Y%m%d-%H%M%S')}.{fmt}",
            data=lambda fmt=fmt: _export(last["sql"], db, result, fmt),
            help=f"up to {sandbox.DOWNLOAD_MAX_ROWS:,} rows",
        )


def _schema_browser(version: str) -> None:
    try:
        entries = _catalog(version)
    except sandbox.SandboxError as exc:
        st.error(exc.message)
        return
    for entry in entries:
        with st.expander(f"{entry.name} · {entry.kind} · {len(entry.columns)} columns"):
            st.caption(entry.description or "no description")
            st.dataframe(pd.DataFrame([(c.name, c.type, c.description) for c in entry.columns],
                                      columns=["column", "type", "description"]),
                         hide_index=True, key=f"sql_schema_{entry.name}")


def _examples() -> None:
    for example in EXAMPLES:
        st.markdown(f"**{example.title}** - {example.question}")
        st.button("Put in the editor", key=f"sql_example_{example.key}", on_click=_load, args=(example.sql,))


def _history() -> None:
    history = st.session_state.get("sql_history", [])
    if not history:
        st.caption("Queries you run in this session appear here.")
    for i, entry in enumerate(history):
        first = entry["sql"].strip().splitlines()[0] if entry["sql"].strip() else ""
        st.caption(f"{entry['at']} · {entry['status']}")
        st.code(first[:80], language="sql")  # the query as plain text: it may come from a ?q= link
        st.button("Load", key=f"sql_history_{i}", on_click=_load, args=(entry["sql"],))


def main() -> None:
    st.title("SQL")
    st.caption(f"One read-only SELECT at a time on the warehouse and its views, run in a sandbox: "
               f"{sandbox.DEFAULT_TIMEOUT_S:g} s, {sandbox.DEFAULT_MAX_ROWS:,} rows shown, "
               f"{sandbox.DOWNLOAD_MAX_ROWS:,} in downloads. No files, settings or writes.")
    db = _db()
    try:
        version = str(sandbox.warehouse_file(db))
    except sandbox.NoWarehouseError:
        st.warning(f"There is no warehouse at `{db}` yet. Make one with `make run` (builds the demo "
                   "warehouse and starts the app) or `python -m etl demo`, then reload this page.")
        return
    sandbox.default_pool()  # start the warm workers now, not on the first click
    if "sql_editor" not in st.session_state:
        st.session_state["sql_editor"] = st.query_params.get("q") or EXAMPLES[0].sql
    st.text_area("Query", key="sql_editor", height=240,
                 help="DuckDB SQL: one SELECT (WITH, DESCRIBE, SUMMARIZE and EXPLAIN work too).")
    if st.button("Run", key="sql_run", type="primary"):
        _run(st.session_state["sql_editor"], db)
    _show_result(db)
    schema, examples, history = st.tabs(["Schema", "Examples", "History"])
    with schema:
        _schema_browser(version)
    with examples:
        _examples()
    with history:
        _history()


if __name__ == "__main__":  # Streamlit runs pages as __main__; tests import the helpers
    try:
        main()
    except Exception as exc:  # st.stop/rerun are BaseExceptions and pass; nothing else shows a traceback
        st.error(f"The SQL page hit an unexpected problem: {(str(exc).splitlines() or [type(exc).__name__])[0]}")
