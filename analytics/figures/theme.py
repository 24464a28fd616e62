"""Colours and number formats shared by every chart (the app and the exports).

Why: a skill must have the same colour on every chart, in the light and the dark theme,
and numbers must read the same everywhere (thousands separators, units on axes). The
colour of a skill is a hash of its name into one qualitative palette, so it is stable
across pages, filters and runs without a table to maintain. It lives in analytics/ (no
streamlit) so that the cron report draws the very same figures as the pages.
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable

import plotly.graph_objects as go

from analytics.queries import MIN_N  # the one sample-size rule: fewer postings -> greyed/hatched with n

# Mid-lightness qualitative colours that read on white and on Streamlit's dark background.
PALETTE: tuple[str, ...] = (
    "#4C78A8", "#F58518", "#E45756", "#72B7B2", "#54A24B", "#EECA3B", "#B279A2", "#FF9DA6",
    "#9D755D", "#BAB0AC", "#1F9E89", "#D67195", "#6A8FD8", "#E17C05", "#8CBF3F", "#C06C84",
    "#3D9DF2", "#F2A93B", "#A05EB5", "#5FB3A1",
)
SEQUENTIAL = "Blues"
DIVERGING = "RdBu"

LABELS: dict[str, str] = {
    "postings": "Postings",
    "share": "Share of postings",
    "month": "Month",
    "median_salary_usd": "Median salary (USD per year)",
    "salary_usd": "Salary (USD per year)",
    "premium_usd": "Premium over overall median (USD per year)",
    "years": "Years of experience required",
    "median": "Median",
    "skill": "Skill",
    "seniority": "Seniority",
    "share_remote": "Share remote",
    "country_name": "Country",
    "band": "Salary band (USD per year)",
    "change": "Change in share (points)",
}


ONE_COLOR = PALETTE[0]  # bars whose colour means nothing
SMALL_COLOR = "#BAB0AC"  # figures from fewer than MIN_N postings
SMALL_PATTERN = "/"
SMALL_MARK = " ⚠"


def is_small(n: float | int | None) -> bool:
    """True for a figure that fewer than MIN_N (but some) postings stand behind."""
    return not _missing(n) and 0 < float(n) < MIN_N  # type: ignore[arg-type]


def small_mark(n: float | int | None) -> str:
    """The mark appended to a single figure (a KPI) from a small sample."""
    return SMALL_MARK if is_small(n) else ""


def skill_color(skill: str) -> str:
    digest = hashlib.sha1(skill.strip().lower().encode("utf-8")).hexdigest()
    return PALETTE[int(digest, 16) % len(PALETTE)]


def skill_colors(skills: Iterable[str]) -> dict[str, str]:
    return {s: skill_color(s) for s in skills}


def style(fig: go.Figure, *, x: str | None = None, y: str | None = None, height: int = 380) -> go.Figure:
    """Transparent background (the app theme shows through), units on axes, thousands separators."""
    fig.update_layout(
        paper_bgcolor="rgba(0,0,0,0)", plot_bgcolor="rgba(0,0,0,0)", height=height,
        margin={"l": 10, "r": 10, "t": 30, "b": 10}, separators=".,", legend_title_text="",
    )
    if x is not None:
        fig.update_xaxes(title_text=x)
    if y is not None:
        fig.update_yaxes(title_text=y)
    return fig


def _missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_int(value: float | int | None) -> str:
    return "–" if _missing(value) else f"{round(float(value)):,}"  # type: ignore[arg-type]


def fmt_usd(value: float | int | None) -> str:
    return "–" if _missing(value) else f"${round(float(value)):,}"  # type: ignore[arg-type]


def fmt_pct(value: float | int | None, digits: int = 1) -> str:
    return "–" if _missing(value) else f"{float(value) * 100:.{digits}f}%"  # type: ignore[arg-type]


def fmt_years(value: float | int | None) -> str:
    return "–" if _missing(value) else f"{float(value):,.1f} years"  # type: ignore[arg-type]
