"""The Streamlit app's entry point: `make run`, or `streamlit run dashboard.py -- --db PATH`.

The pages and their order are in analytics.pages; the warehouse check, the shared sidebar
filters and the navigation in ui.run_app; each file under pages/ only draws.
"""

import ui

ui.run_app()
