"""The app's theme is the exports' theme: one palette, one number format (re-exported).

Why: a skill must have the same colour and a number the same format in the app, in a
downloaded PNG and in the Monday deck. The definitions live in analytics/figures/theme.py
(free of streamlit, so the report can use them); this module only keeps the
``from ui import theme`` spelling working for the pages.
"""

from __future__ import annotations

from analytics.figures.theme import (
    DIVERGING,
    LABELS,
    ONE_POSTING_NOTE,
    PALETTE,
    SEQUENTIAL,
    SMALL_MARK,
    change_text,
    counted,
    fmt_int,
    fmt_pct,
    fmt_usd,
    fmt_years,
    kpi,
    no_change,
    postings_that,
    skill_color,
    skill_colors,
    small_mark,
    style,
)

__all__ = ["DIVERGING", "LABELS", "ONE_POSTING_NOTE", "PALETTE", "SEQUENTIAL", "SMALL_MARK", "change_text",
           "counted", "fmt_int", "fmt_pct", "fmt_usd", "fmt_years", "kpi", "no_change", "postings_that",
           "skill_color", "skill_colors", "small_mark", "style"]
