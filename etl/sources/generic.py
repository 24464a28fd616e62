"""Any table of postings (CSV/TSV, JSON Lines, JSON array, Parquet, Excel) with a column mapping.

Why: users bring exports from sites and tools no specific adapter knows. A
mapping from canonical fields to their column names is enough to load them:

* ``options.mapping`` maps canonical fields (see ``FIELDS``) to column names,
  from ``--map field=column`` flags or a YAML file read by :func:`load_mapping`;
* fields the mapping leaves out are auto-mapped from common column names
  (``title``/``job_title``/``position``, ``company``/``employer`` ...),
  case-insensitively, ignoring spaces, ``_`` and ``-``; the names are data,
  in etl/data/generic_columns.yaml.

``Posting.source`` is ``options.source_name`` or ``"generic"``. Everything is
streamed (CSV/JSONL by line, JSON arrays by element, Parquet by record batch,
Excel through openpyxl's read-only mode). ``record_no`` is the data row (blank
rows are not records), the array element, or the line number for JSON Lines,
where a bad line is a Rejected record and the rest loads. ``detect()`` returns
only 10, so any specific adapter that recognises a file wins.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from functools import cache
from pathlib import Path
from typing import Any

import duckdb
import pycountry
import yaml

from etl.record import DESCRIPTION_FORMATS, Posting, Rejected, SourceError, clean_str
from etl.sources import SourceOptions
from etl.sources._io import csv_rows, oversized, read_head
from etl.sources._json import BadLine, first_char, head_keys, head_kind, is_json_lines, records, to_date
from etl.sources._records import load_records
from etl.yaml_data import load_yaml

NAME = "generic"
EXTENSIONS = (".csv", ".tsv", ".txt", ".json", ".jsonl", ".ndjson", ".parquet", ".xlsx", ".xlsm")

# The canonical fields a mapping may name, in the order auto-mapping tries them.
FIELDS = ("source_id", "url", "title", "company", "location", "salary_text", "salary_min", "salary_max",
          "salary_currency", "salary_period", "description", "description_format", "posted_date",
          "remote", "level", "job_type", "country")
COLUMN_NAMES = Path(__file__).resolve().parents[1] / "data" / "generic_columns.yaml"


RECORDS_KEY = "records"  # not a field: the keys under which a JSON object holds its array of records


@cache
def _column_file() -> dict[str, Any]:
    with open(COLUMN_NAMES, encoding="utf-8") as fh:
        return load_yaml(fh) or {}


@cache
def record_keys() -> tuple[str, ...]:
    """Keys that hold the records in a JSON object (``{"data": [...]}``), from generic_columns.yaml."""
    return tuple(str(k) for k in _column_file().get(RECORDS_KEY) or ())


@cache
def auto_names() -> dict[str, tuple[str, ...]]:
    """canonical field -> normalised column names (see _norm), read once from generic_columns.yaml."""
    data = {k: v for k, v in _column_file().items() if k != RECORDS_KEY}
    if unknown := sorted(set(data) - set(FIELDS)):
        raise ValueError(f"{COLUMN_NAMES.name}: unknown field(s) {', '.join(map(str, unknown))}")
    return {fld: tuple(str(n) for n in data[fld] or ()) for fld in FIELDS if fld in data}


AUTO_NAMES = auto_names()
_TITLEISH = set(AUTO_NAMES["title"]) | set(AUTO_NAMES["description"])
_HTML = re.compile(r"<(p|br|li|ul|div|h[1-6]|strong|b|span)\b[^>]*>", re.I)


def _norm(name: Any) -> str:
    return re.sub(r"[\s_\-.]+", "", str(name)).lower()


def load_mapping(path: Path) -> dict[str, str]:
    """A YAML mapping file: ``title: Job Title`` lines, plus an optional ``source_name:``."""
    try:
        data = load_yaml(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise SourceError(f"{path}: cannot read mapping ({exc.strerror})") from None
    except yaml.YAMLError as exc:
        raise SourceError(f"{path.name}: invalid YAML mapping ({str(exc).splitlines()[0]})") from None
    if not isinstance(data, dict) or not data:
        raise SourceError(f"{path.name}: a mapping file needs 'field: column' lines, e.g. 'title: Job Title'")
    out = {str(k).strip(): str(v).strip() for k, v in data.items() if v is not None}
    check_mapping({k: v for k, v in out.items() if k != "source_name"})
    return out


def check_mapping(mapping: dict[str, str]) -> None:
    unknown = sorted(set(mapping) - set(FIELDS))
    if unknown:
        raise SourceError(f"unknown mapping field(s) {', '.join(unknown)}; known: {', '.join(FIELDS)}")


def resolve(columns: list[str], mapping: dict[str, str], strict: bool = True) -> dict[str, str]:
    """canonical field -> actual column name, from the mapping first, then auto-mapping.

    ``strict``: a mapped column that is missing is an error (the header, or the
    first JSON record); later JSON records may simply lack it.
    """
    check_mapping(mapping)
    by_norm: dict[str, str] = {}
    for col in columns:
        by_norm.setdefault(_norm(col), col)
    out: dict[str, str] = {}
    for fld, col in mapping.items():
        if col in columns:
            out[fld] = col
        elif _norm(col) in by_norm:
            out[fld] = by_norm[_norm(col)]
        elif strict:
            raise SourceError(
                f"mapping: column {col!r} for {fld} not found; columns: {', '.join(map(str, columns))}"
            )
    taken = set(out.values())
    for fld, names in AUTO_NAMES.items():
        if fld in out:
            continue
        for name in names:
            found = by_norm.get(name)
            if found is not None and found not in taken:
                out[fld] = found
                taken.add(found)
                break
    return out


def detect(path: Path, head: bytes) -> int:
    try:
        columns = _head_columns(path, head)
    except Exception:  # detection never fails; an unreadable file is simply not ours
        return 0
    return 10 if any(_norm(c) in _TITLEISH for c in columns) else 0


def _head_columns(path: Path, head: bytes) -> list[str]:
    if head.startswith(b"PAR1"):
        import pyarrow.parquet as pq

        return list(pq.read_schema(path).names)
    if head.startswith(b"PK\x03\x04"):
        row = next((r for r in _excel_rows(path, None, head_only=True) if any(c is not None for c in r)), ())
        return [str(c) for c in row if c is not None]
    if head_kind(head):
        return list(head_keys(head))
    first = head.decode("utf-8", errors="replace").lstrip("\ufeff").splitlines()[:1]
    return [c.strip().strip('"') for c in re.split(r"[,\t;]", first[0])] if first else []


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    source = clean_str(options.source_name) or NAME
    mapping = dict(options.mapping)
    head = read_head(path)
    cols: dict[str, str] = {}
    keys: tuple[Any, ...] | None = None
    for record_no, row in _rows(path, head, options):
        if isinstance(row, BadLine):
            yield Rejected.from_raw(source, record_no, str(row), "")
            continue
        if not isinstance(row, dict):
            yield Rejected.from_raw(source, record_no, "not a JSON object", row)
            continue
        if tuple(row) != keys:  # tables: once; JSON: whenever a record has other keys
            cols = resolve(list(row), mapping, strict=keys is None)
            keys = tuple(row)
        if reason := oversized(row):
            yield Rejected.from_raw(source, record_no, reason, row)
            continue
        yield _posting(row, record_no, cols, source)


def _rows(path: Path, head: bytes, options: SourceOptions) -> Iterator[tuple[int, Any]]:
    suffix = path.suffix.lower()
    if head.startswith(b"PAR1") or suffix == ".parquet":
        yield from enumerate(_parquet_rows(path), start=1)
    elif head.startswith(b"PK\x03\x04") or suffix in (".xlsx", ".xlsm"):
        yield from _table(_excel_rows(path, options.sheet), path)
    elif head_kind(head) or suffix in (".json", ".jsonl", ".ndjson"):
        if first_char(path) == "{" and not is_json_lines(path):  # an API response: records under a key
            yield from enumerate((flatten(r) for r in load_records(path, record_keys())), start=1)
        else:
            yield from ((n, flatten(r)) for n, r in records(path))
    else:
        yield from _table(csv_rows(path, delimiter=_delimiter(path, head, suffix)), path)


def _delimiter(path: Path, head: bytes, suffix: str) -> str:
    """The delimiter of a CSV export, as DuckDB's CSV sniffer judges it from the file's rows.

    Measured on 57 shapes of export (",", ";", tab, "|"; delimiters inside quoted fields and header
    names; LF and CRLF): DuckDB placed 56 (it read one TSV with many commas in its text as
    comma-separated), csv.Sniffer 48 (it fails when a quoted field ends a CRLF line), counting the
    delimiters of the header line 39. DuckDB reads a file with ragged rows as one column, so
    then the header line decides. Latin-1 reads any bytes; delimiters are ASCII in every encoding.
    """
    if suffix == ".tsv":
        return "\t"
    try:
        with duckdb.connect() as con:
            row = con.execute("SELECT Delimiter, len(Columns) FROM sniff_csv(?, encoding = 'latin-1')",
                              [str(path)]).fetchone()
    except duckdb.Error:  # e.g. a line past DuckDB's limit; the CSV reader rejects it with a reason
        row = None
    if row and row[1] > 1 and row[0] in (",", ";", "\t", "|"):
        return str(row[0])
    header = head.decode("utf-8", errors="replace").splitlines()[0] if head.strip() else ""
    return max((",", ";", "\t"), key=header.count)  # max() keeps the first of equals: ties are ","


def _table(rows: Iterator[Any], path: Path) -> Iterator[tuple[int, Any]]:
    header: list[str] | None = None
    n = 0
    for row in rows:
        cells = list(row)
        if not any(clean_str(c) is not None for c in cells):
            continue
        if header is None:
            header = [str(c).strip() if c is not None else f"column_{i + 1}" for i, c in enumerate(cells)]
            continue
        n += 1
        if len(cells) > len(header) and any(clean_str(c) for c in cells[len(header):]):
            yield n, BadLine(f"row has {len(cells)} cells but the header has {len(header)}")
            continue
        yield n, dict(zip(header, cells + [None] * (len(header) - len(cells))))
    if header is None:
        raise SourceError(f"{path.name}: no header row found")


def flatten(value: Any, depth: int = 3) -> Any:
    """A JSON object with its nested objects spread out as ``parent.child`` keys, so that
    ``{"entreprise": {"nom": "X"}}`` offers the column ``entreprise.nom`` (normalised
    ``entreprisenom``) to the mapping. Other values are returned as they are."""
    if not isinstance(value, dict) or not any(isinstance(v, dict) for v in value.values()):
        return value
    out: dict[str, Any] = {}
    for key, item in value.items():
        if isinstance(item, dict) and depth > 1:
            for sub, v in flatten(item, depth - 1).items():
                out.setdefault(f"{key}.{sub}", v)
        else:
            out.setdefault(str(key), item)
    return out


def _parquet_rows(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow as pa
    import pyarrow.parquet as pq

    try:
        pf = pq.ParquetFile(path)
        for batch in pf.iter_batches(batch_size=2048):
            yield from batch.to_pylist()
    except (pa.ArrowException, OSError) as exc:
        raise SourceError(f"{path.name}: cannot read Parquet ({str(exc).splitlines()[0]})") from None


EXCEL_MAX_COLUMNS = 16_384  # column XFD, Excel's last
HEAD_ROWS = 20


def _excel_rows(path: Path, sheet: str | None, head_only: bool = False) -> Iterator[tuple[Any, ...]]:
    """The sheet's rows; ``head_only``: the first HEAD_ROWS, without the pass over the whole sheet
    openpyxl makes to find its size when the sheet does not declare it (detection stays bounded)."""
    from etl.sources._xlsx import open_workbook  # openpyxl is imported only for Excel files

    wb = open_workbook(path)
    try:
        if sheet and sheet not in wb.sheetnames:
            raise SourceError(f"{path.name}: no sheet {sheet!r}; sheets: {', '.join(wb.sheetnames)}")
        ws = wb[sheet] if sheet else wb.worksheets[0]
        if head_only:
            yield from ws.iter_rows(max_row=HEAD_ROWS, max_col=EXCEL_MAX_COLUMNS, values_only=True)  # type: ignore[union-attr]
        else:
            yield from ws.iter_rows(values_only=True)  # type: ignore[union-attr]
    finally:
        wb.close()


def _posting(row: dict[str, Any], record_no: int, cols: dict[str, str], source: str) -> Posting | Rejected:
    def get(fld: str) -> Any:
        col = cols.get(fld)
        return _cell(row.get(col)) if col is not None else None

    title, description = clean_str(get("title")), clean_str(get("description"))
    if not title and not description:
        return Rejected.from_raw(source, record_no, "missing title and description", row)
    fmt = (clean_str(get("description_format")) or "").lower()
    if fmt not in DESCRIPTION_FORMATS:
        fmt = "html" if description and _HTML.search(description) else "text"
    return Posting(
        source=source,
        record_no=record_no,
        source_id=_id(get("source_id")),
        url=clean_str(get("url")),
        title=title,
        company=clean_str(get("company")),
        location=clean_str(get("location")),
        salary_text=clean_str(get("salary_text")),
        salary_min=as_number(get("salary_min")),
        salary_max=as_number(get("salary_max")),
        salary_currency=(clean_str(get("salary_currency")) or "").upper() or None,
        salary_period=(clean_str(get("salary_period")) or "").lower() or None,
        description=description,
        description_format=fmt,
        posted_date=as_date(get("posted_date")),
        remote_hint=as_bool(get("remote")),
        level_hint=clean_str(get("level")),
        job_type=clean_str(get("job_type")),
        country_hint=as_country(get("country")),
    )


def _cell(value: Any) -> Any:
    """A JSON value as a cell: a list of texts is joined ("Berlin, Munich"); objects and lists of
    objects are not a value of a canonical field."""
    if isinstance(value, list):
        items = [clean_str(v) for v in value if not isinstance(v, dict | list)]
        return ", ".join(i for i in items if i) or None
    return None if isinstance(value, dict) else value


def as_date(value: Any) -> Any:
    """ISO strings, datetimes, epoch seconds/ms, Excel serial day numbers, a few written formats."""
    if isinstance(value, int | float) and not isinstance(value, bool) and 20_000 <= value < 100_000:
        return date(1899, 12, 30) + timedelta(days=int(value))  # Excel's day 0
    found = to_date(value)
    if found is None and isinstance(value, str):
        for fmt in ("%Y/%m/%d", "%d.%m.%Y", "%m/%d/%Y", "%d %b %Y", "%b %d, %Y", "%d %B %Y", "%B %d, %Y"):
            try:
                return datetime.strptime(value.strip(), fmt).date()
            except ValueError:
                continue
    return found


def as_number(value: Any) -> float | None:
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, int | float):
        return float(value) if value == value and value > 0 else None
    text = re.sub(r"[\s,$€£]", "", str(value))
    try:
        number = float(text[:-1]) * 1000 if text[-1:].lower() == "k" else float(text)
    except ValueError:
        return None
    return number if number > 0 else None


def as_bool(value: Any) -> bool | None:
    text = str(value).lower() if value is not None else ""
    if value is True or text in ("true", "yes", "y", "1", "1.0", "remote", "t"):
        return True
    return (
        False
        if value is False or text in ("false", "no", "n", "0", "0.0", "onsite", "on-site", "f")
        else None
    )


def as_country(value: Any) -> str | None:
    text = clean_str(value) or ""
    if len(text) < 3:
        return text.upper() if re.fullmatch(r"[A-Za-z]{2}", text) else None
    try:
        return str(pycountry.countries.lookup(text).alpha_2)
    except LookupError:
        return None


def _id(value: Any) -> str | None:
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_str(value)
