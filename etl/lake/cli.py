"""``python -m etl lake build`` and ``python -m etl publish --from-lake``: thin wrappers for the shell."""

from __future__ import annotations

import argparse
import json
import os
import sys
from dataclasses import asdict

from etl.warehouse import paths


def cli_lake_build(args: argparse.Namespace) -> int:
    from etl.lake.build import build_lake, print_build
    from etl.warehouse.loader import options_from_args

    summary = build_lake(args.paths, args.lake, engine=args.engine,
                         address=args.address or os.environ.get("ETL_ENGINE_ADDRESS") or None,
                         fmt=args.fmt, options=options_from_args(args), workers=args.workers)
    print_build(summary, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps({**summary.totals(), "lake": summary.lake, "engine": summary.engine,
                          "version": summary.version, "committed": summary.committed,
                          "timings": summary.timings, "per_file": [asdict(f) for f in summary.files]}))
    return 2 if summary.totals()["failed_files"] else 0


def cli_publish(args: argparse.Namespace) -> int:
    from etl.lake.publish import print_publish, publish_from_lake

    summary = publish_from_lake(args.from_lake, paths.resolve_db_path(args.db),
                                mode="views" if args.lake_views else "tables")
    print_publish(summary, sys.stderr if args.json else sys.stdout)
    if args.json:
        print(json.dumps({**summary.totals(), "db": summary.db, "lake": summary.lake,
                          "lake_version": summary.lake_version, "mode": summary.mode,
                          "published": summary.published, "version": summary.version,
                          "per_file": summary.per_file}))
    return 0
