"""A chart's data as CSV, Excel and Parquet bytes.

Why: HR analysts rework the numbers in Excel, data people load them into their tools.
- CSV is plain data: UTF-8 without a byte-order mark, comma-separated, a header row,
  ISO dates, '.' decimals and no metadata lines, so every tool reads it unchanged.
  (Excel users get the .xlsx, which keeps accents and formats without CSV guesswork.)
- Excel has a formatted "Data" sheet (bold frozen header, filters, thousands separators,
  percentages for share columns, fitted widths) and an "About this data" sheet with the
  title, filters, n, as-of date, sources, SQL and generation time.
- Parquet keeps the column types and carries the same metadata as JSON under the
  key-value metadata key ``analytics.export``.
"""

from __future__ import annotations

import io
import json
from typing import Any

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from analytics.export.meta import ExportMeta

PARQUET_KEY = b"analytics.export"
DATA_SHEET = "Data"
ABOUT_SHEET = "About this data"
MAX_WIDTH = 60


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Columns every writer accepts: timezone-free datetimes, text column names."""
    out = df.copy()
    out.columns = [str(c) for c in out.columns]
    for col in out.columns:
        if isinstance(out[col].dtype, pd.DatetimeTZDtype):
            out[col] = out[col].dt.tz_convert("UTC").dt.tz_localize(None)
    return out


def to_csv(df: pd.DataFrame) -> bytes:
    """Plain UTF-8 CSV (see the module docstring for why no BOM and no metadata lines)."""
    return _plain(df).to_csv(index=False, date_format="%Y-%m-%d", lineterminator="\n").encode("utf-8")


def _is_share(name: str) -> bool:
    return "share" in name.lower() or name.lower().endswith("_pct")


def _width(series: pd.Series, header: str) -> int:
    sample = series.head(500).astype("string").fillna("")
    longest = max([len(header), *(len(v) for v in sample)]) if len(sample) else len(header)
    return min(MAX_WIDTH, max(8, longest + 2))


def to_excel(df: pd.DataFrame, meta: ExportMeta) -> bytes:
    """An .xlsx with the formatted "Data" sheet and the "About this data" sheet."""
    data = _plain(df)
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="xlsxwriter",
                        engine_kwargs={"options": {"strings_to_urls": False,
                                                   "strings_to_formulas": False}}) as writer:
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
            sheet.write(0, i, col, head)
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
