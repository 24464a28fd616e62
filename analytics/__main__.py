"""``python -m analytics sql|report``: the query package's command line.

Why: researchers and cron jobs use the same sandbox and report code as the app,
without a browser. Each subcommand lives in its own module; this only dispatches.
"""

from __future__ import annotations

import sys

USAGE = "usage: python -m analytics {sql,report} ...  (python -m analytics sql --help)"


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if not args or args[0] in {"-h", "--help"}:
        print(USAGE)
        return 0 if args else 2
    command, rest = args[0], args[1:]
    if command == "sql":
        from analytics.sql_cli import main as sql_main

        return sql_main(rest)
    if command == "report":
        from analytics.report import main as report_main

        return report_main(rest)
    print(f"error: unknown command {command!r}; {USAGE}", file=sys.stderr)
    return 2


if __name__ == "__main__":
    raise SystemExit(main())
