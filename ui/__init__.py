"""Streamlit-side helpers shared by dashboard.py and the pages (never imported by analytics/).

Why: pages must only draw. Running a query through the cache, keyed by the filters and
the published version file (so a republish invalidates it), and turning any failure
into one readable line instead of a traceback, is done once here.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from typing import Any, TypeVar

import streamlit as st

from analytics import db
from analytics.filters import Filters

T = TypeVar("T")
FILTERS_KEY = "_active_filters"


@st.cache_data(show_spinner=False, max_entries=2000, ttl=6 * 3600)
def _cached(module: str, name: str, version: str, args: tuple[Any, ...], kwargs: tuple[Any, ...]) -> Any:
    fn = getattr(importlib.import_module(module), name)
    return fn(*args, **dict(kwargs))


def q(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
    """Call a query function through st.cache_data (key: function, arguments, version file)."""
    version = str(db.version())
    return _cached(fn.__module__, fn.__name__, version, args, tuple(sorted(kwargs.items())))


def one_line(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0] if text else ''}"


def fetch(fn: Callable[..., T], *args: Any, **kwargs: Any) -> T | None:
    """Like q(), but a failure shows one line on the page and returns None."""
    try:
        return q(fn, *args, **kwargs)
    except db.WarehouseMissing:
        st.error("The warehouse disappeared while the page was open. Reload once it is published again.")
    except Exception as exc:
        st.error(f"This figure could not be computed ({fn.__module__.rsplit('.', 1)[-1]}.{fn.__name__}): "
                 f"{one_line(exc)}")
    return None


def filters() -> Filters:
    """The filters chosen in the sidebar for this run (defaults before the sidebar ran)."""
    value = st.session_state.get(FILTERS_KEY)
    return value if isinstance(value, Filters) else Filters()
