"""Starting worker processes from code that may run inside someone else's script.

Why: a spawned or fork-server worker re-runs the file of the caller's ``__main__`` before it does
anything. When the caller is a script (a Streamlit page, AppTest leaves ``dashboard.py`` there; a
notebook export; a user's own script) that script would run again in every worker, and fail there:
Dask's workers died of it in CI ("Nanny failed to start"). Workers need only ``etl`` modules.
"""

from __future__ import annotations

import contextlib
import sys
import types
from collections.abc import Iterator


@contextlib.contextmanager
def plain_main() -> Iterator[None]:
    """While the block runs (and may start workers), ``__main__`` is an empty module."""
    saved = sys.modules.get("__main__")
    sys.modules["__main__"] = types.ModuleType("__main__")
    try:
        yield
    finally:
        if saved is not None:
            sys.modules["__main__"] = saved
