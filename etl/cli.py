"""The ``python -m etl`` command line: thin wrappers over library functions.

Why: users and cron jobs drive the ETL from a shell, tests call the same library
functions directly. Every expected failure (bad file, bad flag) becomes one line
on standard error and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from etl.record import SourceError


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python -m etl", description="Load job postings into the DuckDB warehouse."
    )
    sub = p.add_subparsers(dest="command", required=True)

    load = sub.add_parser("load", help="load files or folders of postings")
    load.add_argument(
        "paths", nargs="+", metavar="PATH", help="file or folder (folders are read recursively)"
    )
    load.add_argument("--db", help="warehouse path (default: $WAREHOUSE_DB or data/warehouse.duckdb)")
    load.add_argument("--format", dest="fmt", help="force the source format instead of detecting it")
    load.add_argument(
        "--json", action="store_true", help="print the summary as one JSON object on the last line"
    )
    load.add_argument("--mapping", help="YAML column mapping for the generic format")
    load.add_argument("--map", action="append", default=[], metavar="FIELD=COLUMN",
                      help="column mapping for the generic format, repeatable (e.g. title=Job Title)")
    load.add_argument("--source-name", help="source label for generic files (default: file stem)")
    load.add_argument("--no-progress", action="store_true", help="no progress bar")

    demo = sub.add_parser("demo", help="build the synthetic demo warehouse (or only its raw files)")
    demo.add_argument("--db", help="warehouse path")
    demo.add_argument("--postings", type=int, default=20_000, help="number of postings (default 20000)")
    demo.add_argument("--seed", type=int, default=7, help="random seed (default 7)")
    demo.add_argument("--raw", metavar="DIR", help="only write the raw files into DIR")
    demo.add_argument("--if-missing", action="store_true", help="do nothing when a warehouse exists")
    demo.add_argument("--json", action="store_true", help="print the load summary as JSON")

    status = sub.add_parser("status", help="what the warehouse holds")
    status.add_argument("--db", help="warehouse path")
    status.add_argument("--json", action="store_true", help="print as JSON")

    ext = sub.add_parser("extract", help="extract normalised fields from postings in JSON Lines")
    ext.add_argument(
        "--input", required=True, help="input JSONL: id, title, company, location, salary_text, description"
    )
    ext.add_argument("--output", required=True, help="output JSONL, one line per input line, in order")

    ev = sub.add_parser("evaluate", help="measure extraction quality against labelled postings")
    ev.add_argument("--set", metavar="SET",
                    help="one labelled set: synthetic, real-tune, real-test, one fresh tune batch such as "
                         "real-fresh-v3, one later batch (real-later-v1), a held-out test batch "
                         "(real-test-v2), a held-out later batch (real-test-later-v1) or real-test-all (the "
                         "test half, every test batch and the held-out later labels' fields; default: every "
                         "set side by side)")
    ev.add_argument(
        "--labels", help="score this synthetic-format labelled JSONL instead of the committed set"
    )
    ev.add_argument("--real-labels", metavar="DIR",
                    help="folder of real-posting labels and their sample.jsonl (default: "
                         "etl/data/labelled/real)")
    ev.add_argument("--datasets", help="folder of the real datasets (default: ../shared/datasets)")
    ev.add_argument("--json", action="store_true", help="print the figures as JSON")
    ev.add_argument("--save", action="store_true",
                    help="store the scores of the synthetic set and of the real test half, its test batches "
                         "and real-test-all (overall and per language) in etl/data/labelled/scores.json, "
                         "which every load copies into the warehouse for the Data page")
    ev.add_argument("--markdown", nargs="?", const="-", metavar="FILE",
                    help="print the set's scores as Markdown tables (per field and per language); with FILE, "
                         "replace the generated block in FILE (docs/methodology.md)")
    ev.add_argument(
        "--errors",
        type=int,
        default=0,
        metavar="N",
        help="show up to N mistakes per field (only with --set synthetic, real-tune or a real-fresh "
             "batch, never the test half)",
    )
    lake = sub.add_parser("lake", help="the posting lake: extraction on a distributed engine into Parquet")
    lake_sub = lake.add_subparsers(dest="lake_command", required=True)
    lb = lake_sub.add_parser(
        "build", help="add input files to a partitioned Parquet lake (a new lake version)"
    )
    lb.add_argument("paths", nargs="+", metavar="INPUT", help="file, folder, or URI such as s3://bucket/prefix/")
    lb.add_argument("--lake", required=True, metavar="DIR_OR_URI", help="lake root: a folder or s3://bucket/path")
    lb.add_argument("--engine", choices=("local", "dask", "ray", "spark"), default="dask",
                    help="where the extraction runs (default dask; see docs/scale-out.md)")
    lb.add_argument("--address", help="cluster to use: dask scheduler tcp://HOST:8786, ray://HOST:10001 or "
                                      "auto, spark://HOST:7077 (default: $ETL_ENGINE_ADDRESS, else a local "
                                      "cluster)")
    lb.add_argument("--workers", type=int, help="worker processes of a local cluster (default: 2)")
    lb.add_argument("--format", dest="fmt", help="force the source format instead of detecting it")
    lb.add_argument("--mapping", help="YAML column mapping for the generic format")
    lb.add_argument(
        "--map", action="append", default=[], metavar="FIELD=COLUMN", help="column mapping, repeatable"
    )
    lb.add_argument("--source-name", help="source label for generic files (default: file stem)")
    lb.add_argument(
        "--json", action="store_true", help="print the summary as one JSON object on the last line"
    )

    pub = sub.add_parser("publish", help="build and publish a warehouse version from a lake")
    pub.add_argument("--from-lake", required=True, metavar="DIR_OR_URI", help="lake root")
    pub.add_argument("--db", help="warehouse path (default: $WAREHOUSE_DB or data/warehouse.duckdb)")
    pub.add_argument("--lake-views", action="store_true",
                     help="keep postings in the lake: postings and posting_skills become "
                          "views over its files")
    pub.add_argument(
        "--json", action="store_true", help="print the summary as one JSON object on the last line"
    )
    snap = sub.add_parser("snapshot", help="compare the extraction's outputs with the committed snapshot "
                                           "(tests/fixtures/output_snapshot.json.gz)")
    snap.add_argument("--update", action="store_true",
                      help="rewrite the snapshot from today's outputs: ONLY when an output change is "
                           "intended (say why in the commit)")
    snap.add_argument("--show", type=int, default=0, metavar="N",
                      help="print today's values of N changed records")
    judge = sub.add_parser("train-skill-judge", help="retrain the context check of skill mentions from the "
                           "tuning labels into etl/data/skill_judge.npy")
    judge.add_argument("--datasets", help="the real datasets (default ../shared/datasets)")
    rmodel = sub.add_parser("train-remote-model", help="retrain the work-arrangement sentence model from the "
                            "hand-labelled sentences into etl/data/remote_model.npy")
    rmodel.add_argument("--datasets", help="the real datasets (default ../shared/datasets)")
    accel = sub.add_parser("accel", help="the compiled build of the extraction's rule modules (optional)")
    accel.add_argument("accel_command", choices=("build", "status"),
                       help="build: compile them with mypyc into build/accel (needs a C compiler); "
                            "status: whether the build is used")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        if args.command == "load":
            from etl.warehouse.loader import cli_load

            return cli_load(args)
        if args.command == "demo":
            from etl.demo import cli_demo

            return cli_demo(args)
        if args.command == "status":
            from etl.warehouse.status import cli_status

            return cli_status(args)
        if args.command == "extract":
            from etl.extract import cli_extract

            return cli_extract(Path(args.input), Path(args.output))
        if args.command == "lake":
            from etl.lake.cli import cli_lake_build

            return cli_lake_build(args)
        if args.command == "publish":
            from etl.lake.cli import cli_publish

            return cli_publish(args)
        if args.command == "snapshot":
            from etl.snapshot import cli_snapshot

            return cli_snapshot(args.update, show_n=args.show)
        if args.command == "accel":
            from etl.accel import cli_accel

            return cli_accel(args.accel_command)
        if args.command == "train-skill-judge":
            from etl.skill_judge_train import cli_train

            return cli_train(Path(args.datasets) if args.datasets else None)
        if args.command == "train-remote-model":
            from etl.remote_model_train import cli_train as cli_train_remote

            return cli_train_remote(Path(args.datasets) if args.datasets else None)
        if args.command == "evaluate":
            from etl.evaluate import cli_evaluate

            return cli_evaluate(args)
    except SourceError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: the published warehouse is unchanged", file=sys.stderr)
        return 130
    except (OSError, ValueError, json.JSONDecodeError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    # last resort: one line, never a traceback (the published warehouse is unchanged)
    except Exception as exc:
        text = (str(exc).strip().splitlines() or [""])[0]
        print(f"error: {type(exc).__name__}: {text}", file=sys.stderr)
        return 2
    return 2
