"""``python -m analytics sql``: one researcher query from a shell, printed as CSV.

Why: scripts and notebooks want the same safe SQL the SQL page offers, piped into a
file or another tool. The query runs in the same sandbox as the page (analytics.sandbox),
so the command is no back door around its checks. A refused or failed query prints one
line on standard error and exits with status 2, never a traceback.

Values are printed as DuckDB itself renders them as text (``-infinity``, INTERVAL, TIMETZ
with its offset, BIT, UHUGEINT, unions, lists, structs), and the CSV streams from the
worker in chunks, so a large result never sits whole in either process. This output is
raw, for machines: cells are not neutralised for spreadsheets.

The lead's ``analytics/__main__.py`` dispatches the ``sql`` subcommand to :func:`main`.
"""

from __future__ import annotations

import argparse
import sys
from typing import TextIO

from analytics.sandbox import (
    DEFAULT_TIMEOUT_S,
    DOWNLOAD_MAX_ROWS,
    WALL_LIMIT_S,
    SandboxError,
    SandboxPool,
    export_query,
)


class _Parser(argparse.ArgumentParser):
    """argparse that reports a bad flag in one line with status 2 (no usage dump)."""

    def error(self, message: str) -> None:  # type: ignore[override]
        print(f"error: {message}", file=sys.stderr)
        raise SystemExit(2)


def _parser() -> argparse.ArgumentParser:
    p = _Parser(prog="python -m analytics sql",
                description="Run one read-only SELECT on the warehouse in the SQL sandbox; print CSV.")
    p.add_argument("query", metavar="QUERY", help='the SELECT to run, e.g. "SELECT count(*) FROM postings"')
    p.add_argument("--db", help="warehouse path (default: $WAREHOUSE_DB or data/warehouse.duckdb)")
    p.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT_S, metavar="SECONDS",
                   help=f"stop the query after this many seconds of its own run (default "
                   f"{DEFAULT_TIMEOUT_S:g}; "
                   f"time it waits for a processor other work holds is not counted, up to "
                   f"{WALL_LIMIT_S:g} s or 3 times SECONDS in all)")
    p.add_argument("--max-rows", type=int, default=DOWNLOAD_MAX_ROWS, metavar="N",
                   help=f"print at most N rows (default {DOWNLOAD_MAX_ROWS:,})")
    return p


def main(argv: list[str]) -> int:
    """Run the query in ``argv``; CSV on stdout, status 0, or one error line and status 2."""
    try:
        args = _parser().parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if args.timeout <= 0 or args.max_rows < 0:
        print("error: --timeout must be positive and --max-rows not negative", file=sys.stderr)
        return 2
    pool = SandboxPool(size=0)
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None) or _TextOut(sys.stdout)
    try:
        done = export_query(args.query, args.db, "csv", out, timeout_s=args.timeout, max_rows=args.max_rows,
                            max_bytes=None, pool=pool)
    except SandboxError as exc:
        out.flush()
        print(exc.message, file=sys.stderr)
        return 2
    finally:
        pool.close()
    out.flush()
    if done.truncated:
        print(f"note: printed the first {done.rows:,} rows; the result has more (raise --max-rows)",
              file=sys.stderr)
    return 0


class _TextOut:
    """Bytes into a text stream that has no binary buffer (an embedding's stdout)."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def write(self, data: bytes) -> int:
        return self.stream.write(data.decode("utf-8"))

    def flush(self) -> None:
        self.stream.flush()
