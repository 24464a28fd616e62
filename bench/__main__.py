"""``make bench`` / ``python -m bench``: repeatable commands that print figures.

Why: speed is measured here, never in unit tests. Each benchmark prints medians
(and ratios against a baseline where one exists) in a form that can be pasted
into docs/performance.md (the latest figure of each goes in the README's table).
Large data is generated on the fly in a temporary folder.

    python -m bench                      # everything, at the sizes the issues name
    python -m bench load --postings 100000
    python -m bench load --postings 50000 --refresh 0.9 --repeat 3  # a nightly refresh, 90% repeated
    python -m bench extract --postings 20000
    python -m bench pages --postings 1000000
    python -m bench lake --postings 1000000 --engine local,dask,ray,spark
    python -m bench users --sessions 10  # N sessions at once (BENCH_USERS_DB: a warehouse to use)
    python -m bench users --sessions 10 --driver chromium  # every session a Chromium page
    python -m bench users --sessions 10 --think 5  # also with people pausing ~5 s between steps
    python -m bench users --sessions 10 --replicas 2  # two servers behind HAProxy (ui.replicas)
"""

from __future__ import annotations

import argparse
import importlib
import sys

SUITES = {
    "extract": "bench.extraction",
    "load": "bench.load",
    "pages": "bench.pages",
    "exports": "bench.exports",
    "sandbox": "bench.sandbox",
    "lake": "bench.lake",
    "users": "bench.users",
}
DEFAULT_SIZE = {
    "extract": 100_000,
    "load": 1_000_000,
    "pages": 1_000_000,
    "exports": 20_000,
    "sandbox": 20_000,
    "lake": 1_000_000,
    "users": 20_000,
}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m bench")
    p.add_argument("suite", nargs="?", choices=[*SUITES, "all"], default="all")
    p.add_argument(
        "--postings", type=int, help="number of generated postings (default: the size the issue names)"
    )
    p.add_argument("--repeat", type=int, default=5, help="repetitions for medians (default 5)")
    p.add_argument(
        "--engine", help="lake suite: engines to compare, comma-separated (default: every installed one)"
    )
    p.add_argument(
        "--sessions", type=int, default=10, help="users suite: concurrent sessions (default 10)"
    )
    p.add_argument(
        "--driver", choices=("protocol", "chromium"), default="protocol",
        help="users suite: sessions speak Streamlit's websocket protocol (default; bench/protocol.py) or "
        "are headless Chromium pages",
    )
    p.add_argument(
        "--browsers", type=int, default=1,
        help="users suite, --driver protocol: how many of the sessions are real Chromium pages (default 1)",
    )
    p.add_argument(
        "--warm", action="store_true",
        help="users suite: start the app as make run does (python -m ui.serve, warm before it serves) "
        "instead of streamlit run with empty caches",
    )
    p.add_argument(
        "--think", type=float, default=0.0,
        help="users suite: also run every phase with think time - each session pauses uniform 0.5-1.5 x "
        "SECONDS before each step (0-SECONDS before its first), as Locust's wait_time; the back-to-back "
        "phases run and print first either way (default 0: back to back only)",
    )
    p.add_argument(
        "--refresh", type=float, metavar="SHARE",
        help="load suite: a nightly refresh instead - tonight's file repeats SHARE (0-1) of last night's "
        "postings; the refresh load with and without the known-posting check (ETL_SKIP_KNOWN), alternately",
    )
    p.add_argument("--seed", type=int, default=0, help="users suite: the think times' seed (default 0)")
    p.add_argument(
        "--replicas", type=int, default=1,
        help="users suite: serve with python -m ui.serve --replicas N (N warm servers behind HAProxy, each "
        "session kept on one; default 1: one server)",
    )
    args = p.parse_args(argv)
    # "all" leaves out the load test: it starts servers and browsers (run it by name)
    names = [n for n in SUITES if n != "users"] if args.suite == "all" else [args.suite]
    flags: list[str] = []  # what a suite flagged (bench extract: a first pass far slower than the warm)
    for name in names:
        print(f"== {name} ==", flush=True)
        module = importlib.import_module(SUITES[name])
        if name == "lake" and args.engine:
            module.run(args.postings or DEFAULT_SIZE[name], args.repeat, args.engine.split(","))
        elif name == "load" and args.refresh is not None:
            module.run_refresh(args.postings or 50_000, args.refresh, args.repeat)
        elif name == "users":
            module.run(args.postings or DEFAULT_SIZE[name], args.repeat, args.sessions, args.driver,
                       args.browsers, args.warm, args.think, args.seed, args.replicas)
        else:
            flags += module.run(args.postings or DEFAULT_SIZE[name], args.repeat) or []
    for flag in flags:
        print(f"FLAG {flag}", file=sys.stderr)
    return 1 if flags else 0


if __name__ == "__main__":
    sys.exit(main())
