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
import io
import sys
import time
import uuid
from datetime import datetime
from typing import Any

import pandas as pd
import streamlit as st

from analytics import sandbox
from analytics.examples import EXAMPLES
from analytics.export import tables
from etl.warehouse.paths import resolve_db_path

HISTORY_MAX = 20
KIND_TITLE = {"refused": "Refused", "error": "Error", "timeout": "Stopped", "memory": "Out of memory",
              "busy": "Busy"}


def _db() -> str:
    """``--db`` after ``--`` on the streamlit command line, else $WAREHOUSE_DB, else the default."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    known, _ = parser.parse_known_args(sys.argv[1:])
    return str(resolve_db_path(known.db).absolute())


@st.cache_data(show_spinner=False, max_entries=4)
def _catalog(version: str) -> list[sandbox.CatalogEntry]:
    return sandbox.schema_catalog(version)


def _export(sql: str, db: str, fmt: str, session: str | None = None) -> bytes:
    """The download, built by a sandbox worker within its limits and streamed here in chunks
    (up to DOWNLOAD_MAX_ROWS rows and MAX_DOWNLOAD_BYTES; Excel up to EXCEL_MAX_ROWS, with a
    note sheet when cut). A failure raises: Streamlit then tells the user the file failed."""
    buf = io.BytesIO()
    sandbox.export_query(sql, db, fmt, buf, session=session,  # a file for people: formulas neutralised
                         formula_guard=(tables.FORMULA_PATTERN, tables.PLAIN_NUMBER_PATTERN))
    return buf.getvalue()


def waiting_text(ahead: int, full: bool) -> str:
    """What a user waiting in line for a sandbox worker sees."""
    if full:
        return ("Waiting: your other queries are using this session's share of the sandbox; this one "
                "starts when one of them ends. Its time limit starts when it runs.")
    if ahead:
        return (f"Waiting for a free sandbox worker: {ahead:,} quer{'y' if ahead == 1 else 'ies'} ahead of "
                "yours. Its time limit starts when it runs.")
    return "Waiting for a free sandbox worker: yours is next. Its time limit starts when it runs."


def _session() -> str:
    """This browser session's key in the sandbox's line (one session gets a share of the workers)."""
    return str(st.session_state.setdefault("sql_session", uuid.uuid4().hex))


def _load(sql: str) -> None:
    st.session_state["sql_editor"] = sql


def _run(sql: str, db: str) -> None:
    st.query_params["q"] = sql
    entry: dict[str, Any] = {"sql": sql, "at": datetime.now().strftime("%H:%M:%S")}
    waiting = st.empty()
    with st.spinner("Running in the sandbox..."):
        try:
            result = sandbox.run_query(sql, db, timeout_s=sandbox.DEFAULT_TIMEOUT_S, session=_session(),
                                       on_wait=lambda ahead, full: waiting.info(waiting_text(ahead, full)))
            st.session_state["sql_result"] = {"sql": sql, "result": result}
            entry["status"] = f"{result.row_count:,} rows, {result.elapsed_s:.2f} s"
        except sandbox.SandboxError as exc:
            st.session_state["sql_result"] = {"sql": sql, "error": exc}
            entry["status"] = KIND_TITLE.get(exc.kind, "Error")
    waiting.empty()
    history: list[dict[str, Any]] = st.session_state.setdefault("sql_history", [])
    history.insert(0, entry)
    del history[HISTORY_MAX:]


def _show_result(db: str) -> None:
    last = st.session_state.get("sql_result")
    if not last:
        return
    if "error" in last:
        exc: sandbox.SandboxError = last["error"]
        show = st.warning if exc.kind in ("timeout", "memory", "busy") else st.error
        # The message quotes the query, which may come from a ?q= link: never render it as Markdown
        # (a link or a remote image in the error box); only the fixed title goes in the box.
        show(f"**{KIND_TITLE.get(exc.kind, 'Error')}**")
        st.code(exc.message.removeprefix("refused: "), language=None, wrap_lines=True)
        return
    result: sandbox.QueryResult = last["result"]
    if result.truncated:
        total = f"{result.total_rows:,}" if result.total_rows is not None else f"more than {result.counted:,}"
        st.caption(f"Showing the first {result.row_count:,} of {total} rows · {result.elapsed_s:.2f} s")
    else:
        st.caption(f"{result.row_count:,} row{'s' if result.row_count != 1 else ''} · {result.elapsed_s:.2f} s")
    st.dataframe(result.table, hide_index=True, key="sql_result_table")
    files = (("CSV", "csv", "text/csv"), ("Parquet", "parquet", "application/vnd.apache.parquet"),
             ("Excel", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
    session = _session()
    for column, (label, fmt, mime) in zip(st.columns(len(files)), files):
        column.download_button(
            f"Download {label}", key=f"sql_download_{fmt}", on_click="ignore", mime=mime,
            file_name=f"query-{time.strftime('%Y%m%d-%H%M%S')}.{fmt}",
            data=lambda fmt=fmt: _export(last["sql"], db, fmt, session),
            help=f"up to {sandbox.EXCEL_MAX_ROWS if fmt == 'xlsx' else sandbox.DOWNLOAD_MAX_ROWS:,} rows "
                 f"and {sandbox.MAX_DOWNLOAD_BYTES // 2**20} MB, built in the sandbox",
        )
    st.caption(f"Downloads run the query again in the sandbox: CSV and Parquet hold up to "
               f"{sandbox.DOWNLOAD_MAX_ROWS:,} rows, Excel up to {sandbox.EXCEL_MAX_ROWS:,} (the file says "
               f"when it was cut); a file stops at {sandbox.MAX_DOWNLOAD_BYTES // 2**20} MB.")


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
