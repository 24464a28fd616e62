"""A chart's data as CSV, Excel and Parquet bytes.

Why: HR analysts rework the numbers in Excel, data people load them into their tools.
- CSV is plain data: UTF-8 without a byte-order mark, comma-separated, a header row,
  ISO dates, '.' decimals and no metadata lines, so every tool reads it unchanged. Lines end
  in CRLF as RFC 4180 says, so a cell holding a lone carriage return is quoted (with LF
  endings Python's csv module writes it bare and it splits the row).
  (Excel users get the .xlsx, which keeps accents and formats without CSV guesswork.)
- Formula injection (OWASP "CSV Injection"): posting text is written by strangers, and a
  spreadsheet evaluates a cell such as ``=HYPERLINK("http://evil","click")`` as a formula.
  So every file meant for people is neutralised: a CSV text cell that a spreadsheet would
  read as a formula (first character ``= + - @``, tab or carriage return, also after leading
  blanks or double quotes, also the full-width forms) gets a leading ``'``, and so does each part after
  a ``;`` or tab, where a reader using that separator starts a cell (see :func:`formula_safe`), and
  Excel files write every text cell as text, never as a formula or a link. ``raw=True``
  keeps the values as they are, for machines (``analytics sql`` prints raw CSV too).
- Excel has a formatted "Data" sheet (bold frozen header, filters, thousands separators,
  percentages for share columns, fitted widths) and an "About this data" sheet with the
  title, filters, n, as-of date, sources, SQL and generation time.
- Parquet keeps the column types and carries the same metadata as JSON under the
  key-value metadata key ``analytics.export``.
"""

from __future__ import annotations

import io
import json
import os
import re
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from analytics.export.meta import ExportMeta

PARQUET_KEY = b"analytics.export"
DATA_SHEET = "Data"
ABOUT_SHEET = "About this data"
MAX_WIDTH = 60

# A text cell a spreadsheet may read as a formula (OWASP: = + - @ tab CR; the full-width forms,
# which some Excel input methods turn into formulas; leading blanks, which some importers trim; leading
# double quotes, which some importers strip as they would a field's quoting: '"=1+1"' went out bare, QA
# round thirty-six). A leading ' is the spreadsheets' own "text" mark: such a cell is left as it is, so
# neutralising twice changes nothing. Written with the characters themselves: the pattern serves re,
# Arrow's and DuckDB's RE2.
FORMULA_PATTERN = "^[ \u00a0\"]*[=+\\-@\t\r\uff1d\uff0b\uff0d\uff20]"
# Plain numbers stay as they are: "-5" or "+1.5" is read as a number, never as a formula.
PLAIN_NUMBER_PATTERN = r"^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$"
# Other spreadsheets' field separators (hqa36 ruling 2): German and French Excel split a CSV at ";", the
# import dialogs of Excel and LibreOffice offer tab. Our files are comma-separated, so a cell holding ","
# is quoted (RFC 4180) and stays one cell; a cell holding ";" or a tab goes out bare, and a reader
# splitting there starts a new cell inside it: "abc;=HYPERLINK(...)" became a cell "=HYPERLINK(...)".
# Quoting the cell would not help: such a reader's cell begins at the line's start or its last ";", not at
# our quote, which it reads as a literal character. So (OWASP: no cell may begin with a formula
# character, mind the separators) each part after a ";" or a tab is neutralised as a cell of its own
# ("abc;'=HYPERLINK(...)"); a part that is a plain number ("1;-2") is left as it is.
SEPARATORS = ";\t"
_FORMULA = re.compile(FORMULA_PATTERN)
_PLAIN_NUMBER = re.compile(PLAIN_NUMBER_PATTERN)
# a cell holding a separator followed by what may be a formula: only these need the part-by-part rule
_AFTER_SEPARATOR = "[" + SEPARATORS + "]" + FORMULA_PATTERN[1:]
EXCEL_OPTIONS = {"strings_to_formulas": False, "strings_to_urls": False, "strings_to_numbers": False}


def formula_safe(value: Any) -> Any:
    """``value`` with a leading ``'`` when it is text a spreadsheet would evaluate, and one after each
    ``;`` or tab where the part after it would be (see SEPARATORS); anything else unchanged."""
    if not isinstance(value, str):
        return value
    out = _cell_safe(value)
    for sep in SEPARATORS:
        if sep in out:
            head, *parts = out.split(sep)
            out = sep.join([head, *(_cell_safe(part) for part in parts)])
    return out


def _cell_safe(value: str) -> str:
    return "'" + value if _FORMULA.match(value) and not _PLAIN_NUMBER.match(value) else value


def neutralise(df: pd.DataFrame) -> pd.DataFrame:
    """A copy of ``df`` whose text cells (and column names) are :func:`formula_safe`; numbers,
    dates and booleans are left alone (a spreadsheet reads them as values)."""
    out = df.copy()
    out.columns = [formula_safe(str(c)) for c in out.columns]
    for i in range(out.shape[1]):
        col = out.iloc[:, i]
        if col.dtype == object or isinstance(col.dtype, pd.StringDtype):
            out.isetitem(i, col.map(formula_safe, na_action="ignore"))
    return out


def neutralise_arrow(table: pa.Table) -> pa.Table:
    """:func:`neutralise` for an Arrow table (vectorised: string columns only, no pandas round trip)."""
    columns = []
    for col in table.columns:
        if pa.types.is_string(col.type) or pa.types.is_large_string(col.type):
            risky = pc.and_(pc.match_substring_regex(col, FORMULA_PATTERN),
                            pc.invert(pc.match_substring_regex(col, PLAIN_NUMBER_PATTERN)))
            inner = pc.match_substring_regex(col, _AFTER_SEPARATOR)
            if pc.any(inner).as_py():  # rare: such cells take the part-by-part rule one by one
                flags = inner.to_pylist()
                col = pa.chunked_array([pa.array([formula_safe(v) if f else v
                                                  for v, f in zip(col.to_pylist(), flags, strict=True)],
                                                 col.type)])
                risky = pc.and_(risky, pc.invert(inner))
            col = pc.if_else(risky, pc.binary_join_element_wise(pa.scalar("'", col.type), col,
                                                                pa.scalar("", col.type)), col)
        columns.append(col)
    names = [formula_safe(n) for n in table.column_names]
    return pa.table(columns, names=names) if columns else table


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Columns every writer accepts: timezone-free datetimes, text column names."""
    out = df.copy()
    out.columns = [str(c) for c in out.columns]
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert("UTC").dt.tz_localize(None)
    return out


def to_csv(df: pd.DataFrame, *, raw: bool = False) -> bytes:
    """Plain UTF-8 CSV (see the module docstring for why no BOM and no metadata lines), with formula
    cells neutralised unless ``raw``."""
    data = _plain(df) if raw else neutralise(_plain(df))
    return data.to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\r\n").encode("utf-8")


def _is_share(name: str) -> bool:
    return "share" in name.lower() or name.lower().endswith("_pct")


def _width(series: pd.Series, header: str) -> int:
    sample = series.head(500).astype("string").fillna("")
    longest = max([len(header), *(len(v) for v in sample)]) if len(sample) else len(header)
    return min(MAX_WIDTH, max(8, longest + 2))


def to_excel(df: pd.DataFrame, meta: ExportMeta | None = None) -> bytes:
    """An .xlsx with the formatted "Data" sheet and (given ``meta``) the "About this data" sheet.

    Text is always written as text (EXCEL_OPTIONS): a cell holding ``=HYPERLINK(...)`` shows
    those characters and is never evaluated.
    """
    data = _plain(df)
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter", engine_kwargs={"options": EXCEL_OPTIONS}) as writer:
        data.to_excel(writer, sheet_name=DATA_SHEET, index=False, header=False, startrow=1)
        book = writer.book
        sheet = writer.sheets[DATA_SHEET]
        head = book.add_format({"bold": True, "bg_color": "#EEF1F6", "bottom": 1, "text_wrap": True,
                                "valign": "top"})
        formats = {
            "int": book.add_format({"num_format": "#,##0"}),
            "float": book.add_format({"num_format": "#,##0.00"}),
            "share": book.add_format({"num_format": "0.0%"}),
            "date": book.add_format({"num_format": "yyyy-mm-dd"}),
        }
        for i, col in enumerate(data.columns):
            sheet.write_string(0, i, str(col), head)
            series = data[col]
            kind = None
            if pd.api.types.is_bool_dtype(series):
                kind = None
            elif pd.api.types.is_integer_dtype(series):
                kind = "int"
            elif pd.api.types.is_float_dtype(series):
                kind = "share" if _is_share(col) else "float"
            elif pd.api.types.is_datetime64_any_dtype(series):
                kind = "date"
            sheet.set_column(i, i, _width(series, col), formats[kind] if kind else None)
        if len(data.columns):
            sheet.freeze_panes(1, 0)
            sheet.autofilter(0, 0, max(1, len(data)), len(data.columns) - 1)

        if meta is not None:
            about = book.add_worksheet(ABOUT_SHEET)
            label = book.add_format({"bold": True, "valign": "top"})
            wrap = book.add_format({"text_wrap": True, "valign": "top"})
            code = book.add_format({"text_wrap": True, "valign": "top", "font_name": "Consolas"})
            about.set_column(0, 0, 16)
            about.set_column(1, 1, 100)
            for r, (key, value) in enumerate(meta.rows()):
                about.write_string(r, 0, key, label)
                about.write_string(r, 1, value, code if key in {"SQL", "Parameters"} else wrap)
            about.write_string(len(meta.rows()) + 1, 0, "Rows", label)
            about.write_number(len(meta.rows()) + 1, 1, len(data), formats["int"])
    return buf.getvalue()


def to_parquet(df: pd.DataFrame, meta: ExportMeta) -> bytes:
    """Parquet (zstd) with the export metadata as JSON under the key ``analytics.export``."""
    table = pa.Table.from_pandas(_plain(df), preserve_index=False)
    extra: dict[bytes, bytes] = {PARQUET_KEY: json.dumps(meta.to_dict(), default=str).encode("utf-8")}
    table = table.replace_schema_metadata({**(table.schema.metadata or {}), **extra})
    buf = io.BytesIO()
    pq.write_table(table, buf, compression="zstd")
    return buf.getvalue()


def parquet_meta(data: bytes) -> dict[str, Any]:
    """The export metadata stored in Parquet bytes (empty when absent)."""
    schema = pq.read_schema(io.BytesIO(data))
    raw = (schema.metadata or {}).get(PARQUET_KEY)
    return json.loads(raw) if raw else {}


def query_file(
    sql: str, db: str | os.PathLike[str] | None, fmt: str, *, session: object | None = None
) -> bytes:
    """A researcher's query result as a CSV, Parquet or Excel file for people (the SQL page's downloads).

    The file is built by a sandbox worker within its limits and streamed here
    (analytics.sandbox.export_query: up to DOWNLOAD_MAX_ROWS rows and MAX_DOWNLOAD_BYTES, Excel up to
    EXCEL_MAX_ROWS with a note sheet when cut), with text a spreadsheet would run as a formula
    neutralised as in every other download. A refusal or failure raises SandboxError.
    """
    from analytics import sandbox  # the sandbox's worker pool only when a query file is asked for

    buf = io.BytesIO()
    sandbox.export_query(
        sql, db, fmt, buf, session=session,
        formula_guard=(FORMULA_PATTERN, PLAIN_NUMBER_PATTERN, SEPARATORS)
    )
    return buf.getvalue()
