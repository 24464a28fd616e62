"""The Streamlit app's entry point: warehouse check, shared sidebar filters, navigation.

Why: every page shares the same filters (bound to the URL) and the same empty and
failure states, so they live here once; pages under pages/ only draw. Run it with
`make run` or `streamlit run dashboard.py -- --db path/to/warehouse.duckdb`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

ROOT = Path(__file__).resolve().parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from streamlit.runtime.scriptrunner_utils.exceptions import ScriptControlException  # noqa: E402

import ui  # noqa: E402

PAGES = (
    ("pages/overview.py", "Overview", ":material/dashboard:"),
    ("pages/skills.py", "Skills", ":material/psychology:"),
    ("pages/regions.py", "Regions", ":material/public:"),
    ("pages/salary.py", "Salary", ":material/payments:"),
    ("pages/experience.py", "Experience", ":material/school:"),
    ("pages/data.py", "Data", ":material/database:"),
    ("pages/sql.py", "SQL", ":material/terminal:"),  # written by another helper; shown when present
)


NO_FILTERS = {"sql"}  # pages the sidebar filters do not apply to: no filters there, and the URL is the page's


def main() -> None:
    pages = [st.Page(path, title=title, icon=icon, default=(i == 0))
             for i, (path, title, icon) in enumerate(PAGES) if (ROOT / path).is_file()]
    page = st.navigation(pages)
    ui.app_setup(filters=page.url_path not in NO_FILTERS)
    try:
        page.run()
    except ScriptControlException:
        raise
    except Exception as exc:  # a user never sees a traceback
        st.error(f"This page failed: {ui.one_line(exc)}")


main()
