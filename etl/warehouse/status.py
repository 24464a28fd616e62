"""``python -m etl status``: what the published warehouse holds.

Why: before trusting a chart, a user (or a cron job) wants to know what is
behind it - how many postings from which sources, over which dates, how many
loads ran and how many records were quarantined - without opening the app.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import duckdb

from etl.record import SourceError
from etl.warehouse import paths


def warehouse_status(db: Path) -> dict[str, Any]:
    version = paths.current_version(db)
    if version is None:
        raise SourceError(f"{db}: no warehouse yet (run `python -m etl demo` or `python -m etl load PATH`)")
    con = duckdb.connect(str(version), read_only=True)
    try:
        one = con.execute("""
            SELECT (SELECT count(*) FROM postings), (SELECT min(posted_date) FROM postings),
                   (SELECT max(posted_date) FROM postings), (SELECT count(*) FROM load_runs),
                   (SELECT count(*) FROM load_runs WHERE status = 'failed'),
                   (SELECT count(*) FROM rejected_rows), (SELECT count(*) FROM duplicate_postings),
                   (SELECT count(DISTINCT company) FROM postings)""").fetchone()
        assert one is not None
        sources = con.execute("SELECT source, count(*) FROM postings GROUP BY 1 ORDER BY 2 DESC").fetchall()
        reasons = con.execute(
            "SELECT reason, count(*) FROM rejected_rows GROUP BY 1 ORDER BY 2 DESC LIMIT 10"
        ).fetchall()
        meta = dict(con.execute("SELECT key, value FROM meta").fetchall())
    finally:
        con.close()
    return {
        "db": str(db),
        "version": version.name,
        "bytes": version.stat().st_size,
        "postings": one[0],
        "companies": one[7],
        "date_min": one[1].isoformat() if one[1] else None,
        "date_max": one[2].isoformat() if one[2] else None,
        "load_runs": one[3],
        "failed_runs": one[4],
        "rejected_rows": one[5],
        "duplicates": one[6],
        "sources": {s: n for s, n in sources},
        "rejection_reasons": {r: n for r, n in reasons},
        "is_demo": meta.get("is_demo") == "true",
        "published_at": meta.get("published_at"),
    }


def cli_status(args: argparse.Namespace) -> int:
    st = warehouse_status(paths.resolve_db_path(args.db))
    if args.json:
        print(json.dumps(st))
        return 0
    print(f"warehouse   {st['db']} -> {st['version']} ({st['bytes'] / 1e6:,.1f} MB)"
          + ("  [synthetic demo data]" if st["is_demo"] else ""))
    print(f"published   {st['published_at']}")
    print(
        f"postings    {st['postings']:,} from {st['companies']:,} companies, {st['date_min']} .. "
        f"{st['date_max']}"
    )
    print("sources     " + (", ".join(f"{s} {n:,}" for s, n in st["sources"].items()) or "-"))
    print(f"load runs   {st['load_runs']:,} ({st['failed_runs']} failed)")
    print(f"duplicates  {st['duplicates']:,}")
    print(f"quarantined {st['rejected_rows']:,}" + ("" if not st["rejection_reasons"] else ": " + "; ".join(
        f"{r} ({n:,})" for r, n in st["rejection_reasons"].items())))
    return 0
