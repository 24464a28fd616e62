"""The Streamlit app's entry point: warehouse check, shared sidebar filters, navigation.

Why: every page shares the same filters (bound to the URL) and the same empty and
failure states, so they live here once; pages under pages/ only draw. Run it with
`make run` or `streamlit run dashboard.py -- --db path/to/warehouse.duckdb`.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException  # noqa: E402

import ui  # noqa: E402
from analytics import db  # noqa: E402
from analytics.queries import data  # noqa: E402
from ui.sidebar import sidebar  # noqa: E402

PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:"),
    ("pages/skills.py", "Skills", ":material/psychology:"),
    ("pages/regions.py", "Regions", ":material/public:"),
    ("pages/salary.py", "Salary", ":material/payments:"),
    ("pages/experience.py", "Experience", ":material/school:"),
    ("pages/data.py", "Data", ":material/database:"),
    ("pages/sql.py", "SQL", ":material/terminal:"),  # written by another helper; shown when present
)


def _db_argument() -> None:
    """`streamlit run dashboard.py -- --db PATH` points the app at PATH (else $WAREHOUSE_DB)."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--db")
    args, _ = parser.parse_known_args(sys.argv[1:])
    if args.db:
        os.environ["WAREHOUSE_DB"] = args.db


def _no_warehouse() -> None:
    st.title("Senior developer job market")
    st.warning(f"There is no warehouse yet at `{db.db_path()}`.")
    st.markdown("Make one with either command, then reload this page:")
    st.code("make run              # builds the demo warehouse if missing, then starts this app\n"
            "python -m etl demo    # builds the synthetic demo warehouse", language="bash")
    st.markdown("To load your own files: `python -m etl load PATH ...`.")
    st.stop()


def main() -> None:
    st.set_page_config(page_title="Senior developer job market", page_icon=":material/insights:",
                       layout="wide")
    _db_argument()
    if db.version() is None:
        _no_warehouse()
    try:
        opts = ui.q(data.options)
        meta = ui.q(data.meta)
    except Exception as exc:
        st.error(f"The warehouse at `{db.db_path()}` cannot be read: {ui.one_line(exc)}")
        st.markdown("Rebuild it with `make run` or `python -m etl demo`.")
        st.stop()
    if meta.get("is_demo") == "true":
        st.warning("Demo data: this warehouse holds synthetic postings made by `python -m etl demo`, "
                   "not real job ads. Load real files with `python -m etl load`.", icon=":material/science:")
    st.session_state[ui.FILTERS_KEY] = sidebar(opts)
    pages = [st.Page(path, title=title, icon=icon, default=(i == 0))
             for i, (path, title, icon) in enumerate(PAGES) if (ROOT / path).is_file()]
    page = st.navigation(pages)
    try:
        page.run()
    except ScriptControlException:
        raise
    except Exception as exc:  # a user never sees a traceback
        st.error(f"This page failed: {ui.one_line(exc)}")


main()
