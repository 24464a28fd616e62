"""The ETL: sources -> cleaning -> extraction -> warehouse.

``import etl`` loads the compiled build of the rule modules when a fresh one exists (etl/accel.py): it must
be decided before any of them is imported.
"""

from etl.accel import activate as _activate

ACCELERATED = _activate()
