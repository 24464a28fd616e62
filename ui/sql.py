"""The SQL page's parts: the editor's run, the result, the schema browser, the examples and the history.

Why: researchers ask the warehouse their own questions in SQL. Every query goes through
analytics.sandbox, which checks it and runs it in a separate, memory-limited process killed at its
deadline, so one user's runaway query never stalls the app for the others. Text that quotes the
query (errors, history) is shown as plain text, never Markdown: the query may come from a ?q= link.
"""

from __future__ import annotations

import math
import time
from datetime import datetime
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from analytics import db as _db
from analytics import sandbox
from analytics.examples import EXAMPLES
from ui import MISSING, as_text
from ui.chart import names_something
from ui.exports import query_downloads

HISTORY_MAX = 20
KIND_TITLE = {"refused": "Refused", "error": "Error", "timeout": "Stopped", "memory": "Out of memory",
              "busy": "Busy"}
# a query stopped by a limit: the message is the sandbox's or the page's own wording (the time limit, the wall
# clock, memory, the queue, the run limit), so it may go in a Markdown box (escaped); a refusal or an error
# may quote the query and is plain text (st.text) below the box
STOPPED_KINDS = ("timeout", "memory", "busy")
EDITOR_KEY = "sql_editor"
# A session may start RUNS_PER_WINDOW queries within RUN_WINDOW_S seconds; a run beyond that is refused
# before it reaches the sandbox. Why: one client pressing Run as fast as answers came back (a trivial query
# answers in ~20 ms) made a stream of script runs and sandbox queries that left the server answering no one
# else (docs/performance.md, Many users at once); a refused run costs a page redraw only. Read at each run
# (tests set
# them).
RUNS_PER_WINDOW = 10
RUN_WINDOW_S = 10.0


def waiting_text(ahead: int, full: bool) -> str:
    """What a user waiting in line for a sandbox worker sees."""
    if full:
        return ("Waiting: your other queries are using this session's share of the sandbox; this one "
                "starts when one of them ends. Its time limit starts when it runs.")
    if ahead:
        return (f"Waiting for a free sandbox worker: {ahead:,} quer{'y' if ahead == 1 else 'ies'} ahead of "
                "yours. Its time limit starts when it runs.")
    return "Waiting for a free sandbox worker: yours is next. Its time limit starts when it runs."


def session() -> str:
    """This browser session's key in the sandbox's line (one session gets a share of the workers)."""
    import uuid

    return str(st.session_state.setdefault("sql_session", uuid.uuid4().hex))


def admit(times: list[float], now: float, limit: int, window_s: float) -> float:
    """The per-session rate limit as a sliding window over ``times`` (when this session's runs started,
    oldest first; updated in place): 0.0 and ``now`` recorded when fewer than ``limit`` runs started in the
    last ``window_s`` seconds, else the seconds until the oldest of them leaves the window (nothing
    recorded: a refused run does not extend the wait)."""
    while times and times[0] <= now - window_s:
        times.pop(0)
    if len(times) >= limit:
        return times[0] + window_s - now
    times.append(now)
    return 0.0


def _load(sql: str) -> None:
    st.session_state[EDITOR_KEY] = sql


def editor() -> None:
    """The query box (from ?q= on the first run, else the first example) and its Run button."""
    if EDITOR_KEY not in st.session_state:
        st.session_state[EDITOR_KEY] = st.query_params.get("q") or EXAMPLES[0].sql
    st.text_area("Query", key=EDITOR_KEY, height=240,
                 help="DuckDB SQL: one SELECT (WITH, DESCRIBE, SUMMARIZE and EXPLAIN work too).")
    if st.button("Run", key="sql_run", type="primary"):
        _run(st.session_state[EDITOR_KEY])


def _run(sql: str) -> None:
    st.query_params["q"] = sql  # the address shares the query
    entry: dict[str, Any] = {"sql": sql, "at": datetime.now().strftime("%H:%M:%S")}
    wait = admit(st.session_state.setdefault("sql_run_times", []), time.monotonic(), RUNS_PER_WINDOW,
                 RUN_WINDOW_S)
    if wait:
        st.session_state["sql_result"] = {"sql": sql, "error": sandbox.SandboxError(
            f"Too many runs: this session started {RUNS_PER_WINDOW} queries in the last {RUN_WINDOW_S:g} s. "
            f"Run again in {max(1, round(wait))} s.", "busy")}
        entry["status"] = KIND_TITLE["busy"]
        _remember(entry)
        return
    waiting = st.empty()
    with st.spinner("Running in the sandbox..."):
        try:
            result = sandbox.run_query(
                sql,
                _db.db_path(),
                timeout_s=sandbox.page_timeout_s(),  # SQL_TIMEOUT_S, else 10 s
                session=session(),
                on_wait=lambda ahead, full: waiting.info(waiting_text(ahead, full)),
            )
            st.session_state["sql_result"] = {"sql": sql, "result": result}
            rows = f"{result.row_count:,} row{'s' if result.row_count != 1 else ''}"
            entry["status"] = f"{rows}, {timing(result)}"
        except sandbox.SandboxError as exc:
            st.session_state["sql_result"] = {"sql": sql, "error": exc}
            entry["status"] = KIND_TITLE.get(exc.kind, "Error")
    waiting.empty()
    _remember(entry)


def _remember(entry: dict[str, Any]) -> None:
    """Put a run in this session's history (newest first)."""
    history: list[dict[str, Any]] = st.session_state.setdefault("sql_history", [])
    history.insert(0, entry)
    del history[HISTORY_MAX:]


def result() -> None:
    """The last query's result with its downloads, or its refusal or error as plain text."""
    last = st.session_state.get("sql_result")
    if not last:
        return
    if "error" in last:
        exc: sandbox.SandboxError = last["error"]
        title = KIND_TITLE.get(exc.kind, "Error")
        if exc.kind in STOPPED_KINDS:
            # the app's own words, never the query: in the warning box with its title (QA round thirty-seven:
            # in a code block below it, which the browser draws once its component has loaded, the user of a
            # busy server saw "Busy" over an empty box for seconds)
            reason = exc.message.removeprefix("stopped: ")
            st.warning(f"**{title}.** {as_text(reason[:1].upper() + reason[1:])}")
            return
        st.error(f"**{title}**")  # only the fixed title in the Markdown box: the message may quote the query
        # plain text, never Markdown or HTML, drawn by Streamlit's first script (QA round thirty-eight: in a
        # code block, a component the browser loads on first use, a busy server's user read "Refused" over
        # an empty box for seconds)
        st.text(exc.message.removeprefix("refused: "))
        return
    res: sandbox.QueryResult = last["result"]
    if res.truncated:
        total = f"{res.total_rows:,}" if res.total_rows is not None else f"more than {res.counted:,}"
        st.caption(f"Showing the first {res.row_count:,} of {total} rows · {timing(res)}")
    else:
        st.caption(f"{res.row_count:,} row{'s' if res.row_count != 1 else ''} · {timing(res)}")
    # NULL as DuckDB writes it (the grid would write "None"), apart from an empty string, which stays blank
    st.dataframe(res.table, hide_index=True, key="sql_result_table", placeholder="NULL",
                 column_config=count_formats(res.table))
    query_downloads(last["sql"], session(), key="sql_download")


def timing(res: sandbox.QueryResult) -> str:
    """The query's time: its own run, and the whole wait when a busy server held it a second or more
    longer (QA round twenty-four: a 0.05 s count read "18.90 s", the time its worker waited for a
    processor other work held). Pure."""
    if res.elapsed_s - res.ran_s < 1.0:
        return f"{res.elapsed_s:.2f} s"
    return f"{res.ran_s:.2f} s ({res.elapsed_s:.1f} s with the wait for a busy server)"


def count_formats(table: pa.Table) -> dict[str, Any]:
    """Number columns of a query's answer with thousands separators ("4,433", not "4433"; QA round
    eighteen), as the pages' tables (ui.chart.readable) write counts; a column naming something (an id, a
    year) stays as it is. Only the display: the cells and the downloads keep the values. Fractional
    columns (QA round twenty: "90616.43" beside "4,433") where a value reaches a thousand: with the
    decimals their values state ("90,616.43"; the grid cuts a cell to its step's decimals, so a step only
    where that cuts nothing), else the grid's own localized rounding to three decimals (an average's
    running digits; the copied cell keeps them) unless that would write a small figure as 0. Pure."""
    out: dict[str, Any] = {}
    for f, column in zip(table.schema, table.columns, strict=True):
        if names_something(f.name):
            continue
        if pa.types.is_integer(f.type) or (pa.types.is_decimal(f.type) and f.type.scale == 0):
            out[f.name] = st.column_config.NumberColumn(format="localized")
        elif pa.types.is_floating(f.type) or pa.types.is_decimal(f.type):
            values = [float(v) for v in column.to_pylist() if v is not None and math.isfinite(float(v))]
            if any(abs(v) >= 1000 for v in values):
                places = _stated_decimals(values, f.type)
                if places is not None:
                    out[f.name] = st.column_config.NumberColumn(format="localized", step=10.0 ** -places)
                elif not any(0 < abs(v) < 0.0005 for v in values):
                    out[f.name] = st.column_config.NumberColumn(format="localized")
    return out


FRACTION_PLACES = 6  # the most decimals a column is written to exactly; longer ones are rounded for show


def _stated_decimals(values: list[float], kind: pa.DataType) -> int | None:
    """The fewest decimals (1 to FRACTION_PLACES) writing every value exactly: a decimal type's scale, or
    a double's rounded figures ("round(x, 2)"); None where a double's digits run on."""
    if pa.types.is_decimal(kind):
        return kind.scale if kind.scale <= FRACTION_PLACES else None
    for places in range(1, FRACTION_PLACES + 1):
        if all(abs(v - round(v, places)) <= 1e-12 * max(1.0, abs(v)) for v in values):  # a few ulps
            return places
    return None


@st.cache_data(show_spinner=False, max_entries=4)
def _catalog(version: str) -> list[sandbox.CatalogEntry]:
    return sandbox.schema_catalog(version)


def schema_box_key(name: str) -> str:
    """The session-state key of table ``name``'s box in the schema browser (True while it is open)."""
    return f"sql_schema_box_{name}"


def schema_browser() -> None:
    """Every table and view with its columns and their descriptions, each in a box whose content is
    drawn only while it is open.

    Why lazily: drawn closed in every run of the page, the 47 boxes' descriptions and column tables were
    about 140 elements and 47 Arrow conversions - a run of this page cost 45 ms of the server's Python
    against 12 for a chart page, paid on every Run press while other sessions waited for the same
    interpreter (python -m bench users runs a query here throughout; docs/performance.md)."""
    try:
        entries = _catalog(str(sandbox.warehouse_file(_db.db_path())))
    except sandbox.SandboxError as exc:
        st.error(as_text(exc.message))
        return
    for entry in entries:
        box = st.expander(f"{entry.name} · {entry.kind} · {len(entry.columns)} columns",
                          key=schema_box_key(entry.name), on_change="rerun")
        if not box.open:
            continue
        with box:
            st.caption(entry.description or "no description")
            st.dataframe(pd.DataFrame([(c.name, c.type, c.description) for c in entry.columns],
                                      columns=["column", "type", "description"]),
                         hide_index=True, key=f"sql_schema_{entry.name}", placeholder=MISSING)


def examples() -> None:
    for example in EXAMPLES:
        st.markdown(f"**{example.title}** - {example.question}")
        st.button("Put in the editor", key=f"sql_example_{example.key}", on_click=_load, args=(example.sql,))


def history() -> None:
    """This session's queries, newest first, each with a button putting it back in the editor."""
    entries = st.session_state.get("sql_history", [])
    if not entries:
        st.caption("Queries you run in this session appear here.")
    for i, entry in enumerate(entries):
        first = entry["sql"].strip().splitlines()[0] if entry["sql"].strip() else ""
        st.caption(f"{entry['at']} · {entry['status']}")
        st.code(first[:80], language="sql")  # plain text: it may come from a ?q= link
        st.button("Load", key=f"sql_history_{i}", on_click=_load, args=(entry["sql"],))
