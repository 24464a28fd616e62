"""The SQL sandbox's worker process: checks one researcher's query and runs it.

Why a separate process: a query typed on the SQL page may be hostile (read files, leak
settings, write somewhere) or merely runaway (a cross join of billions of rows, a 3 GB
string). In a process of its own it runs under an OS address-space limit and can be
killed at its deadline without touching the app, which keeps answering other users.

Defence in depth, in this order, each enough to stop most attacks on its own:
1. the warehouse is opened read-only, then ordered SET statements switch off external
   access (files, URLs, ATTACH, COPY), extension auto-loading and spilling to disk, set
   memory and threads, and finally lock the configuration so a later SET fails;
2. DuckDB's own parser checks the text: exactly one statement, a SELECT (or EXPLAIN of
   one), and a walk of json_serialize_sql's tree refuses every table function outside a
   small allow-list, every other function outside the reviewed allow-list in
   sandbox_functions.txt (so a function a new DuckDB adds is refused until someone reads
   what it does), and every table name that is not a warehouse table/view or a CTE in
   scope, scoped as DuckDB binds it (a CTE's body does not see its own name unless it is
   the recursive part of a recursive CTE), so ``FROM '/etc/x'`` and the catalog views
   that show file paths are refused however they are named.

The result streams (a DuckDB relation, never a whole materialised result): the page gets
the rows it shows (the rest are only counted, briefly); a download is written batch by
batch into CSV (each value as DuckDB renders it as text), Parquet or Excel and sent in
1 MB chunks, so a wide result fits the worker's memory whatever its size.

The file runs as a script (``python -I sandbox_worker.py AS_MB MEM_MB THREADS``) and
talks to the parent over stdin/stdout with length-prefixed frames: a JSON request, then
JSON headers, each followed by one data frame when it says ``body`` or ``chunk``; the last
header says ``done`` and carries the outcome, the process's resident memory and, after
running out of memory or an internal error, ``retire``. It imports nothing from the project.
"""

from __future__ import annotations

import csv
import datetime
import decimal
import difflib
import io
import json
import math
import os
import re
import resource
import signal
import struct
import sys
import threading
import time
from pathlib import Path
from typing import Any, BinaryIO

ALLOWED_TABLE_FUNCTIONS = frozenset(
    {"range", "generate_series", "unnest", "json_each", "json_tree", "repeat", "repeat_row"}
)
FUNCTIONS_FILE = Path(__file__).with_name("sandbox_functions.txt")
SHOW_SPECIAL_OK = frozenset({'"tables"', "__show_tables_expanded"})
MAX_SQL_CHARS = 100_000
_EXPLAIN = re.compile(r"^\s*explain\s+(?:analy[sz]e\s+)?", re.IGNORECASE)


class Refused(Exception):
    """The query is not allowed in the sandbox; the message says why, in one line."""


def load_function_lists(path: Path = FUNCTIONS_FILE) -> tuple[frozenset[str], dict[str, str]]:
    """The allow-list and the reviewed refusals (name -> reason) from sandbox_functions.txt."""
    allowed: set[str] = set()
    refused: dict[str, str] = {}
    reason = ""
    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("## refused:"):
            reason = line.removeprefix("## refused:").strip()
        elif line.startswith("! "):
            refused[line[2:].strip().lower()] = reason
        elif line and not line.startswith("#"):
            allowed.add(line.lower())
    return frozenset(allowed), refused


ALLOWED_FUNCTIONS, REFUSED_FUNCTIONS = load_function_lists()


def setup_statements(memory_mb: int, threads: int) -> list[str]:
    """Ordered SETs: each must run before lock_configuration, external access off early."""
    return [
        "SET temp_directory = ''",
        "SET enable_external_access = false",
        "SET autoload_known_extensions = false",
        "SET autoinstall_known_extensions = false",
        "SET allow_community_extensions = false",
        "SET python_enable_replacements = false",
        "SET enable_progress_bar = false",
        f"SET memory_limit = '{int(memory_mb)}MB'",
        f"SET threads = {int(threads)}",
        "SET lock_configuration = true",
    ]


def lake_statements(con: Any) -> list[str]:
    """A warehouse published with ``--lake-views`` reads postings from the lake's Parquet files: allow that
    one folder (named by the warehouse's own meta, written by etl) before external access is switched off.
    User SQL still cannot name files: the check allows only warehouse relations and refuses file functions."""
    try:
        meta = dict(con.execute("SELECT key, value FROM meta WHERE key IN ('lake', 'lake_mode')").fetchall())
    except Exception:  # no meta table: not a lake warehouse
        return []
    lake = meta.get("lake")
    if meta.get("lake_mode") != "views" or not lake or "://" in lake:
        return []
    return ["SET allowed_directories = ['" + lake.rstrip("/").replace("'", "''") + "/']"]


def _user_relations(con: Any) -> set[str]:
    rows = con.execute(
        "SELECT lower(table_name) FROM duckdb_tables() WHERE database_name = current_database() "
        "AND schema_name = 'main' UNION ALL SELECT lower(view_name) FROM duckdb_views() "
        "WHERE NOT internal AND database_name = current_database() AND schema_name = 'main'"
    ).fetchall()
    return {r[0] for r in rows}


# What the app's parse-only check (analytics.sandbox.precheck, no warehouse at hand) refuses by name: DuckDB's
# catalog views and functions (no warehouse relation is named so: tests/test_sandbox_hostile.py checks it)
CATALOG_PREFIXES = ("duckdb_", "pg_", "sqlite_", "pragma_")


def check_query(con: Any, sql: str, parse_only: bool = False) -> None:
    """Raise :class:`Refused` unless ``sql`` is one read-only SELECT over the warehouse.

    ``parse_only``: the app's own check, on an in-memory connection before any worker is involved: every
    check but the one that needs the warehouse's list of relations (a name in ``FROM`` is refused here
    only when it is a file, a catalog view by its prefix or in a schema other than ``main``); the worker
    then runs the whole check again on the warehouse."""
    if len(sql) > MAX_SQL_CHARS:
        raise Refused(f"refused: the query is longer than {MAX_SQL_CHARS:,} characters")
    statements = con.extract_statements(sql)
    if len(statements) != 1:
        raise Refused(f"refused: one statement at a time, this text holds {len(statements)}")
    kind = statements[0].type.name
    if kind == "EXPLAIN":
        match = _EXPLAIN.match(sql)
        if not match:
            raise Refused("refused: write EXPLAIN [ANALYZE] first, then the SELECT")
        sql = sql[match.end():]
    elif kind == "MULTI":
        raise Refused("refused: this statement needs several steps (PIVOT without an IN list?)")
    elif kind != "SELECT":
        raise Refused(f"refused: only SELECT queries are allowed, not {_first_word(sql) or kind}")
    tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0])
    if tree.get("error") or len(tree.get("statements", [])) != 1:
        raise Refused(
            f"refused: the query could not be checked ({tree.get('error_message', 'not one SELECT')})"
        )
    if parse_only:
        _walk(tree["statements"][0], frozenset(), None, "")
        return
    _walk(tree["statements"][0], frozenset(), _user_relations(con), con.execute(
        "SELECT lower(current_database())").fetchall()[0][0])


def _first_word(sql: str) -> str:
    """The statement's first keyword as typed (comments skipped), e.g. CHECKPOINT, INSTALL."""
    import duckdb

    for start, token in duckdb.tokenize(sql):
        if token.name != "comment":
            word = re.match(r"[A-Za-z_]+", sql[start:])
            return word.group(0).upper() if word else ""
    return ""


def _function_ok(name: str) -> None:
    low = name.lower()
    if low not in ALLOWED_FUNCTIONS:
        why = REFUSED_FUNCTIONS.get(low, "not on the sandbox's list of analysis functions")
        raise Refused(f"refused: function {name}() is not available in the SQL sandbox ({why})")


def _check_table(node: dict[str, Any], scope: frozenset[str], relations: set[str] | None, db: str) -> None:
    name = str(node.get("table_name", ""))
    catalog, schema = str(node.get("catalog_name", "")).lower(), str(node.get("schema_name", "")).lower()
    low = name.lower()
    path = (node.get("qualified_name") or {}).get("path")
    if path is not None and [str(p).lower() for p in path] != [p for p in (catalog, schema, low) if p]:
        raise Refused(f"refused: {'.'.join(map(str, path))} is not a warehouse table or view")
    if not catalog and not schema and low in scope:
        return
    if relations is None:  # parse only (the app): what is refused whatever the warehouse holds
        if any(ch in name for ch in "/\\:."):
            raise Refused(f"refused: reading files is not allowed ({name!r}); query the warehouse tables")
        if schema not in ("", "main") or low.startswith(CATALOG_PREFIXES):
            raise Refused(f"refused: {'.'.join(p for p in (catalog, schema, name) if p)} is not a warehouse "
                          "table or view. See the schema browser.")
        return  # the worker checks it against the warehouse's relations
    if catalog in ("", db) and schema in ("", "main") and low in relations:
        return
    if any(ch in name for ch in "/\\:.") or low.endswith(("csv", "parquet", "json", "gz")):
        raise Refused(f"refused: reading files is not allowed ({name!r}); query the warehouse tables")
    close = difflib.get_close_matches(low, sorted(relations | scope), n=1)
    hint = f' Did you mean "{close[0]}"?' if close else " See the schema browser."
    raise Refused(f"refused: {'.'.join(p for p in (catalog, schema, name) if p)} is not a warehouse "
                  f"table or view.{hint}")


def _walk(obj: Any, scope: frozenset[str], relations: set[str] | None, db: str) -> None:
    if isinstance(obj, list):
        for item in obj:
            _walk(item, scope, relations, db)
        return
    if not isinstance(obj, dict):
        return
    ctes = (obj.get("cte_map") or {}).get("map") or []
    if ctes:
        for entry in ctes:  # a CTE sees the ones before it, never later ones
            _walk_cte_body(entry["value"], str(entry["key"]).lower(), scope, relations, db)
            scope = scope | {str(entry["key"]).lower()}
    kind = obj.get("type")
    if kind == "RECURSIVE_CTE_NODE":  # reached through _walk_cte_body only; never walked as plain
        raise Refused("refused: a recursive query outside WITH RECURSIVE could not be checked")
    if kind == "BASE_TABLE":
        _check_table(obj, scope, relations, db)
    elif kind == "TABLE_FUNCTION":
        func = obj.get("function") or {}
        name = str(func.get("function_name", "?"))
        if func.get("class") != "FUNCTION" or name.lower() not in ALLOWED_TABLE_FUNCTIONS:
            raise Refused(f"refused: table function {name}() is not available; allowed: "
                          + ", ".join(sorted(ALLOWED_TABLE_FUNCTIONS)))
        _walk({k: v for k, v in func.items() if k != "function_name"}, scope, relations, db)  # arguments
        obj = {k: v for k, v in obj.items() if k != "function"}
    elif kind == "SHOW_REF":
        show, table = obj.get("show_type"), str(obj.get("table_name", ""))
        ok = show in ("DESCRIBE", "SUMMARY") or (show == "SHOW_SPECIAL" and table in SHOW_SPECIAL_OK)
        if not ok and not (show == "SHOW" and (relations is None or table.lower() in relations)):
            raise Refused(f"refused: SHOW {table} is not available; use DESCRIBE <table> or SHOW TABLES")
    if "function_name" in obj:
        _function_ok(str(obj["function_name"]))
    for key, value in obj.items():
        if key != "cte_map" and isinstance(value, dict | list):
            _walk(value, scope, relations, db)


def _walk_cte_body(value: dict[str, Any], name: str, scope: frozenset[str], relations: set[str] | None,
                   db: str) -> None:
    """As DuckDB binds a CTE: its own name is in scope only in the recursive part of a
    recursive CTE (the right side of its UNION); elsewhere the name means what it meant
    before the WITH, e.g. ``WITH pg_settings AS (FROM pg_settings)`` reads the catalog view."""
    node = value.get("query_node") or {}
    if node.get("type") == "RECURSIVE_CTE_NODE":
        if str(node.get("cte_name", "")).lower() != name:
            raise Refused("refused: a recursive CTE could not be checked")
        rest = {k: v for k, v in node.items() if k not in ("left", "right", "type")}
        _walk(node.get("left"), scope, relations, db)
        _walk(node.get("right"), scope | {name}, relations, db)
        _walk(rest, scope, relations, db)
        rest_value = {k: v for k, v in value.items() if k != "query_node"}
        _walk(rest_value, scope, relations, db)
        return
    _walk(value, scope, relations, db)


def one_line(error: BaseException) -> str:
    """DuckDB's message up to the position marker, on one line ("Did you mean ..." kept)."""
    keep: list[str] = []
    for raw in str(error).splitlines():
        line = raw.strip()
        if line.startswith(("LINE ", "Possible solutions", "Database is launched", "See also")):
            break
        if line:
            keep.append(line)
    return " ".join(keep) or type(error).__name__


def resident_mb() -> int:
    """This process's resident memory now (the pool retires a worker that grew too much)."""
    try:
        with open("/proc/self/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") // 2**20
    except (OSError, ValueError, IndexError):
        return 0


class _Chunks:
    """A write-only file that sends what it gets as frames of about CHUNK bytes, so a download
    streams to the app while it is being built instead of growing in this process."""

    CHUNK = 1 << 20

    def __init__(self, send: Any, max_bytes: int | None) -> None:
        self.send, self.max_bytes = send, max_bytes
        self.buf = bytearray()
        self.sent = 0
        self.closed = False

    def write(self, data: Any) -> int:
        self.buf += bytes(data)
        if len(self.buf) >= self.CHUNK:
            self.flush()
        return len(data)

    def flush(self) -> None:
        if self.buf:
            self.send({"chunk": True}, bytes(self.buf))
            self.sent += len(self.buf)
            self.buf.clear()

    def size(self) -> int:
        return self.sent + len(self.buf)

    def full(self) -> bool:
        return self.max_bytes is not None and self.size() >= self.max_bytes

    def tell(self) -> int:
        return self.size()

    def close(self) -> None:
        self.closed = True

    def seekable(self) -> bool:
        return False

    def writable(self) -> bool:
        return True


class _CsvWriter:
    """RFC 4180 CSV: DuckDB renders and quotes each row as one line of text (quotes only where
    needed, NULL as an empty cell), about four times faster than Python's csv module on wide
    text; the header keeps the query's own names, also when DuckDB renamed a duplicate.

    ``guard`` (formula pattern, plain-number pattern, separators), sent by the app for files meant
    for people, puts a ``'`` before a cell a spreadsheet would read as a formula, and before each
    part after a separator (";", tab) that would be one in a reader splitting there (the rule and
    its patterns live in analytics/export/tables.py, ``formula_safe``; both are RE2 and Python ``re``)."""

    def __init__(self, out: _Chunks, names: list[str], guard: tuple[str, ...] | None) -> None:
        self.out = out
        if guard:
            formula, number = re.compile(guard[0]), re.compile(guard[1])

            def safe(v: str) -> str:
                return "'" + v if formula.match(v) and not number.match(v) else v

            names = [safe(n) for n in names]
            for sep in guard[2] if len(guard) > 2 else "":
                names = [sep.join([n.split(sep)[0], *map(safe, n.split(sep)[1:])]) for n in names]
        text = io.StringIO()
        csv.writer(text, lineterminator="\n").writerow(names)
        out.write(text.getvalue().encode("utf-8"))

    @staticmethod
    def lines(rel: Any, guard: tuple[str, ...] | None) -> Any:
        text = _as_text(rel)
        if guard and text.columns:
            formula, number = ("'" + g.replace("'", "''") + "'" for g in guard[:2])

            def safe(x: str) -> str:
                return f"CASE WHEN regexp_matches({x}, {formula}) AND NOT regexp_matches({x}, {number}) " \
                       f"THEN chr(39) || {x} ELSE {x} END"

            names = ['"' + name.replace('"', '""') + '"' for name in text.columns]
            text = text.project(", ".join(f"{safe(c)} AS {c}" for c in names))
            for sep in guard[2] if len(guard) > 2 else "":  # each part after a ";" or tab as a cell
                s = f"chr({ord(sep)})"
                text = text.project(", ".join(
                    f"CASE WHEN contains({c}, {s}) THEN array_to_string(list_transform("
                    f"string_split({c}, {s}), lambda p, i: CASE WHEN i = 1 THEN p ELSE {safe('p')} END), "
                    f"{s}) "
                    f"ELSE {c} END AS {c}" for c in names))
        cells = []
        for name in text.columns:  # unique after the cast's projection
            c = '"' + name.replace('"', '""') + '"'
            cells.append(f"""CASE WHEN {c} IS NULL THEN '' WHEN regexp_matches({c}, '[",\\r\\n]') """
                         f"""THEN '"' || replace({c}, '"', '""') || '"' ELSE {c} END""")
        return text.project(f"concat_ws(',', {', '.join(cells)}) AS line") if cells else text

    def write_batch(self, batch: Any) -> None:
        if batch.num_columns and batch.num_rows:
            self.out.write(("\n".join(batch.column(0).to_pylist()) + "\n").encode("utf-8"))

    def close(self) -> None:
        pass


def _as_text(rel: Any) -> Any:
    """Every column as DuckDB itself renders it (CAST to VARCHAR: infinity, INTERVAL, TIMETZ, BIT,
    UHUGEINT, unions, lists and structs exactly as DuckDB prints them)."""
    return rel.project("CAST(COLUMNS(*) AS VARCHAR)") if rel.columns else rel


def _rows_within(batch: Any, budget: int) -> int:
    """The most leading rows of ``batch`` whose bytes fit ``budget`` (a slice's nbytes counts only the
    ranges it references); 0 when even the first row is larger."""
    lo, hi = 0, batch.num_rows
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if batch.slice(0, mid).nbytes <= budget:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _table_reply(pa: Any, reader: Any, req: dict[str, Any], send: Any, threads: int = 1) -> dict[str, Any]:
    """Keep the rows to show; count further rows only while that is cheap (the count budget)."""
    max_rows, count_cap = int(req["max_rows"]), int(req["count_cap"])
    max_bytes = int(req.get("max_bytes") or 256 * 2**20)
    # processor time over the threads DuckDB may use, not wall time: at nice 19 on a busy machine a second
    # of wall time counted 40,960 of 100,000 rows (QA round twenty-four); the budget is this query's own run
    def ran() -> float:
        return time.process_time() / max(1, threads)

    count_until = ran() + float(req.get("count_budget_s", 1.0))
    kept, n_kept, total, size, exact = [], 0, 0, 0, True
    for batch in reader:
        total += batch.num_rows
        if n_kept < max_rows and size < max_bytes:  # the bytes cap keeps wide results off the app
            part = batch.slice(0, max_rows - n_kept)
            if size + part.nbytes > max_bytes:  # within the batch too: one batch of wide values can be GBs
                part = part.slice(0, _rows_within(part, max_bytes - size))
                size = max_bytes  # nothing more is kept
            kept.append(part)
            n_kept += part.num_rows
            size += part.nbytes
        elif total > count_cap or ran() > count_until:
            exact = False  # shown rows are complete; counting the rest is not worth the time
            break
    table = pa.Table.from_batches(kept, schema=reader.schema)
    sink = pa.BufferOutputStream()
    with pa.ipc.new_stream(sink, table.schema) as writer:
        writer.write_table(table)
    send({"body": True}, sink.getvalue().to_pybytes())
    return {"total_rows": total if exact else None, "counted": total, "truncated": total > n_kept}


def _excel_cell(sheet: Any, row: int, col: int, value: Any, when: Any) -> None:
    """One value into the sheet: numbers and dates as such; everything else as text, never a formula."""
    if value is None:
        return
    if isinstance(value, decimal.Decimal) and value.is_finite():
        value = float(value)
    if isinstance(value, bool):
        sheet.write_boolean(row, col, value)
    elif isinstance(value, int | float) and math.isfinite(value) and abs(value) < 1e15:
        sheet.write_number(row, col, value)
    elif isinstance(value, datetime.datetime | datetime.date):
        sheet.write_datetime(row, col, value.replace(tzinfo=None) if isinstance(value, datetime.datetime)
                             else value, when)
    else:
        sheet.write_string(row, col, str(value))


def _export_reply(pa: Any, rel: Any, req: dict[str, Any], send: Any) -> dict[str, Any]:
    """Stream the result into a CSV, Parquet or Excel file, sent to the app in chunks."""
    fmt, max_rows = str(req["export"]), int(req["max_rows"])
    out = _Chunks(send, req.get("max_bytes"))
    rows, more, capped = 0, False, ""
    guard = tuple(req["formula_guard"]) if req.get("formula_guard") else None
    reader = (_CsvWriter.lines(rel, guard) if fmt == "csv" else rel).to_arrow_reader(8_192)
    if fmt == "xlsx":
        import xlsxwriter

        names = list(rel.columns)
        book = xlsxwriter.Workbook(out, {"constant_memory": True, "strings_to_formulas": False,
                                         "strings_to_urls": False, "strings_to_numbers": False,
                                         "remove_timezone": True, "tmpdir": req.get("tmpdir") or None})
        sheet = book.add_worksheet("Data")
        bold = book.add_format({"bold": True})
        when = book.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})
        for c, name in enumerate(names):
            sheet.write_string(0, c, str(name), bold)
    elif fmt == "parquet":
        import pyarrow.parquet as pq

        writer = pq.ParquetWriter(out, reader.schema)
    else:
        writer = _CsvWriter(out, list(rel.columns), guard)
    for batch in reader:
        if rows >= max_rows or out.full():
            more = True
            capped = "rows" if rows >= max_rows else "bytes"
            break
        part = batch.slice(0, max_rows - rows)
        if fmt == "xlsx":
            columns = [col.to_pylist() for col in part.columns]
            for i in range(part.num_rows):
                for c, col in enumerate(columns):
                    _excel_cell(sheet, rows + i + 1, c, col[i], when)
        else:
            writer.write_batch(part)
        rows += part.num_rows
        if part.num_rows < batch.num_rows:
            more, capped = True, "rows"
            break
    if fmt == "xlsx":
        if more:
            note = book.add_worksheet("Note")
            note.write_string(
                0,
                0,
                f"This file holds the first {rows:,} rows of the result: "
                + ("the sandbox's Excel limit" if capped == "rows" else "the download size limit")
                + ". Download CSV or Parquet, or filter the query, for the rest.",
            )
        book.close()
    else:
        writer.close()
    out.flush()
    return {"rows": rows, "truncated": more, "capped": capped, "bytes": out.sent}


def run(duckdb: Any, pa: Any, req: dict[str, Any], memory_mb: int, threads: int, send: Any) -> dict[str, Any]:
    """Check and run one request; send its data frames through ``send``; return the final header.

    ``retire`` in the header tells the pool not to reuse this process: after running out of
    memory or an internal DuckDB error its allocator or database state may be left damaged.
    """
    try:
        con = duckdb.connect(req["db"], read_only=True)
    except duckdb.Error as exc:
        return {"ok": False, "kind": "error", "message": f"cannot open the warehouse: {one_line(exc)}"}
    try:
        for statement in lake_statements(con) + setup_statements(memory_mb, threads):
            con.execute(statement)
        check_query(con, req["sql"])
        rel = con.sql(req["sql"])  # a relation streams; execute() would first hold the whole result
        if rel is None:
            raise Refused("refused: this statement returns no rows")
        if req.get("export"):
            return {"ok": True, **_export_reply(pa, rel, req, send)}
        reader = (_as_text(rel) if req.get("as_text") else rel).to_arrow_reader(8_192)
        return {"ok": True, **_table_reply(pa, reader, req, send, threads)}
    except Refused as exc:
        return {"ok": False, "kind": "refused", "message": str(exc)}
    except (duckdb.OutOfMemoryException, MemoryError) as exc:
        message = f"{one_line(exc)} - the sandbox allows {memory_mb} MB per query: filter or aggregate more"
        return {"ok": False, "kind": "memory", "message": message, "retire": "out of memory"}
    except (duckdb.InternalException, duckdb.FatalException) as exc:
        return {"ok": False, "kind": "error", "message": one_line(exc), "retire": "internal error"}
    except Exception as exc:  # every DuckDB or Arrow error becomes one line, never a traceback
        return {"ok": False, "kind": "error", "message": one_line(exc)}
    finally:
        con.close()


def read_frame(stream: BinaryIO) -> bytes | None:
    head = stream.read(4)
    if len(head) < 4:
        return None
    (size,) = struct.unpack(">I", head)
    return stream.read(size)


def write_frame(stream: BinaryIO, payload: bytes) -> None:
    stream.write(struct.pack(">I", len(payload)) + payload)


def watch_parent(parent: int, every_s: float = 0.5) -> None:
    """Die as soon as the server that started this worker is gone.

    An idle worker would see the end of its request pipe, but a busy one is inside DuckDB and
    would run a runaway query to its end (hours) with nobody left to stop it at its deadline.
    Not PR_SET_PDEATHSIG: it fires when the parent *thread* that spawned us exits, and the pool
    spawns workers from short-lived threads. DuckDB releases the GIL while it runs, so this
    thread gets to look.
    """

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(every_s)
        os.kill(os.getpid(), signal.SIGKILL)

    threading.Thread(target=watch, daemon=True, name="watch-parent").start()


def lowest_cpu_priority() -> None:
    """A query runs on whatever cores the app's page runs leave idle, and yields them as soon as a run
    wants one: nice 19 for every thread it has (an import may have started one) and every thread
    started after (DuckDB's), and for this worker's scheduling group. The group matters most: the
    worker runs in a session of its own, and with Linux's autogroups
    (``/proc/sys/kernel/sched_autogroup_enabled``, on by default) every session is a group that gets
    an equal share of the CPU whatever its threads' nice values - a long query in one worker weighed
    as much as the whole server's session (server, its threads, any browser started from it), and
    took a tenth of a saturated 2-core machine while ten sessions toured the app (docs/performance.md,
    many users at once: where the CPU goes). Lowering is always allowed; a
    kernel without autogroups has no such file."""
    for task in os.listdir("/proc/self/task") if os.path.isdir("/proc/self/task") else ["0"]:
        os.setpriority(os.PRIO_PROCESS, int(task), 19)  # any thread an import started, and this one
    if os.getsid(0) != os.getpid():  # not a session of its own (never so from SandboxPool): the group
        return  # is the caller's, whose priority is not ours to lower
    try:
        with open("/proc/self/autogroup", "w") as group:
            group.write("19")
    except OSError:
        pass


def main(argv: list[str]) -> int:
    address_mb, memory_mb, threads = (int(a) for a in argv[:3])
    limit = address_mb * 2**20
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    resource.setrlimit(resource.RLIMIT_CORE, (0, 0))
    out = os.fdopen(os.dup(1), "wb", buffering=0)
    os.dup2(2, 1)  # stray prints from libraries go to stderr, never into the reply channel
    # the imports before the priority drops: fixed work (no user's query yet) that at nice 19 took 7.8 s
    # at load 3 and over 30 s beside a busy loop, the worker's ready limit (QA round twenty-four)
    import duckdb
    import pyarrow as pa

    lowest_cpu_priority()

    def send(header: dict[str, Any], body: bytes | None = None) -> None:
        """A reply is frames: headers, each followed by one data frame when it says so; the
        last header has ``done``."""
        write_frame(out, json.dumps(header).encode())
        if body is not None:
            write_frame(out, body)

    watch_parent(os.getppid())
    send({"ready": True})
    while (frame := read_frame(sys.stdin.buffer)) is not None:
        header = run(duckdb, pa, json.loads(frame), memory_mb, threads, send)
        send({**header, "done": True, "rss_mb": resident_mb()})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
