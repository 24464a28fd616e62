"""A CSV file's rows as Arrow batches through pyarrow's CSV reader, the csv module's rows exactly.

Why: parsing a large CSV with Python's csv module and building a Python object per row was about a
tenth of a load (issue 10). pyarrow's reader parses in C++ and hands over whole columns. It is used
only where it reads what the csv module reads (the reference, :func:`etl.sources._io.csv_records`):

* the same dialect: doubled quotes *and* a backslash escape (JobSpy writes both), newlines inside
  quoted values, blank lines skipped; every cell a string (an empty cell is "", never null);
* the same record numbers: a row with the wrong number of fields is reported by pyarrow's
  ``invalid_row_handler`` with its row number (header = 1, blank lines not counted, as ``record_no``
  + 1) and quarantined with the csv module's reason and raw text;
* anything pyarrow cannot read as the csv module does - a row larger than a block, bytes that are
  not valid in the file's encoding (the csv module reads them as U+FFFD), a parse error - is not
  guessed at: the rest of the file, from the first record not yet handed over, is read by the csv
  module. A test compares both readers on the fixtures, crafted rows and every shared JobSpy file.

:func:`csv_batches` yields ``(header, columns batch, first record_no, rejected)``; the adapter maps
the columns (by header name) to ``etl.columnar.INPUT_SCHEMA``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

from etl.record import Posting, Rejected
from etl.sources._io import check_columns, csv_records, csv_rows, detect_encoding

BLOCK_BYTES = 8 << 20  # pyarrow's unit of parsing: a row larger than this goes to the csv module

# What str.strip() strips (clean_str): str.isspace() characters. pyarrow's utf8_trim_whitespace differs
# (it keeps \x1c-\x1f and \x85), so the exact set is given. All of them lie below U+3001.
PY_WHITESPACE = "".join(ch for ch in map(chr, range(0x3001)) if ch.isspace())
NULL_WORDS = pa.array(["nan", "none", "null", "n/a"])


def clean(column: pa.Array) -> pa.Array:
    """:func:`etl.record.clean_str` over a string column: stripped, "" and null sentinels as null."""
    text = pc.utf8_trim(column, characters=PY_WHITESPACE)
    # a sentinel has at most 4 characters: lower-casing 5 of each (not a whole description) decides it
    head = pc.utf8_lower(pc.utf8_slice_codeunits(text, 0, 5))
    empty = pc.or_(pc.equal(text, ""), pc.is_in(head, value_set=NULL_WORDS))
    return pc.if_else(empty, pa.scalar(None, text.type), text)


class _Fallback(Exception):
    """pyarrow cannot read the rest of the file as the csv module would: the csv module takes over."""


Block = tuple[list[str], pa.RecordBatch | None, list[int], list[Rejected | Posting]]


def csv_batches(
    path: Path,
    source: str,
    required: tuple[str, ...],
    build: Callable[[dict[str, str], int], Posting | Rejected],
    **fmtparams: Any,
) -> Iterator[Block]:
    """``(header, batch of string columns c0..cN, the record_no of each of its rows, other items)``.

    ``other items`` are the rows quarantined while parsing (wrong number of fields), or - once the csv
    module has taken over (see the module docstring) - its records built with ``build`` (``batch`` is
    then None). Every record of the file is in exactly one of them, in file order."""
    rows = csv_rows(path, **fmtparams)  # the header as the csv module reads it (and its checks)
    header = [h.strip() for h in next(rows, [])]
    rows.close()  # type: ignore[attr-defined]  # a generator: closes the file
    check_columns(path, header, required)
    done = 0  # the last record handed over
    try:
        for batch, numbers, rejected in _arrow_blocks(path, source, header, fmtparams):
            done = max(numbers[-1:] + [r.record_no for r in rejected] + [done])
            yield header, batch, numbers, list(rejected)
    except _Fallback:
        pass
    else:
        return
    items: list[Rejected | Posting] = []
    for item in csv_records(path, source, required, build, **fmtparams):
        if item.record_no <= done:
            continue
        items.append(item)
        if len(items) >= 2000:
            yield header, None, [], items
            items = []
    if items:
        yield header, None, [], items


def _arrow_blocks(
    path: Path, source: str, header: list[str], fmtparams: dict[str, Any]
) -> Iterator[tuple[pa.RecordBatch, list[int], list[Rejected]]]:
    """(batch, record_no of each row, the quarantined rows among them) per parsed block; _Fallback where
    the csv module must take over."""
    encoding = detect_encoding(path)
    names = [f"c{i}" for i in range(len(header))]
    invalid: list[tuple[int, str, int]] = []  # (record_no, row text, fields) in file order

    def on_invalid(row: Any) -> str:
        if row.number is None:  # only with parallel parsing, which is off
            raise _Fallback
        invalid.append((row.number - 1, row.text, row.actual_columns))
        return "skip"

    try:
        reader = pacsv.open_csv(
            str(path),
            read_options=pacsv.ReadOptions(
                use_threads=False,  # row numbers in invalid_row_handler need serial parsing
                block_size=BLOCK_BYTES,
                skip_rows=1,
                column_names=names,
                encoding="utf8" if encoding == "utf-8-sig" else encoding,
            ),
            parse_options=pacsv.ParseOptions(
                quote_char=fmtparams.get("quotechar", '"'),
                double_quote=fmtparams.get("doublequote", True),
                escape_char=fmtparams.get("escapechar") or False,
                newlines_in_values=True,
                ignore_empty_lines=True,
                invalid_row_handler=on_invalid,
            ),
            convert_options=pacsv.ConvertOptions(column_types={n: pa.string() for n in names}),
        )
    except (pa.ArrowException, UnicodeError, _Fallback):
        raise _Fallback from None
    last = 0
    while True:
        try:
            batch = reader.read_next_batch()
        except StopIteration:
            break
        except (pa.ArrowException, UnicodeError, _Fallback):
            raise _Fallback from None
        # the rows are the next record numbers that are not bad ones (pyarrow reports a block's bad rows
        # while parsing it, before the block's batch is handed over)
        numbers: list[int] = []
        mine: list[tuple[int, str, int]] = []
        while len(numbers) < batch.num_rows:
            last += 1
            if invalid and invalid[0][0] < last:  # not numbered as the csv module counts: let it read
                raise _Fallback
            if invalid and invalid[0][0] == last:
                mine.append(invalid.pop(0))
            else:
                numbers.append(last)
        yield batch, numbers, _rejects(source, mine, header, fmtparams)
    if invalid:  # bad rows after the last good one
        empty = pa.RecordBatch.from_pydict({n: pa.array([], pa.string()) for n in names})
        yield empty, [], _rejects(source, invalid, header, fmtparams)


def _rejects(source: str, rows: list[tuple[int, str, int]], header: list[str], fmtparams: dict[str, Any]
             ) -> list[Rejected]:
    """The csv module's Rejected for rows with the wrong number of fields (its reason, its raw cells)."""
    out = []
    for no, text, fields in rows:
        cells = next(csv.reader(io.StringIO(text), **fmtparams), [])
        # pyarrow's text of a row has no line end; the csv module keeps one inside a quote left open at the
        # end of the file: either differing, the csv module reads from here
        if len(cells) != fields or next(csv.reader(io.StringIO(text + "\n"), **fmtparams), []) != cells:
            raise _Fallback
        out.append(Rejected.from_raw(source, no, f"row has {fields} fields, header has {len(header)}", cells))
    return out
