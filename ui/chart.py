"""The one function that puts any chart on a page.

Why: every chart must carry the same things - a title, a caption with the active
filters and n, the figure, the postings behind a selected bar or point, the very SQL
that ran, and its data as a table - and say "no postings match" or "not enough data"
instead of drawing nothing or something misleading. Doing it in one place keeps the
pages short and makes later additions (download buttons: see _exports) one edit.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from analytics.filters import Filters, describe
from analytics.queries import MIN_N, postings
from analytics.result import QueryResult
from ui import fetch, filters, one_line

Builder = Callable[[pd.DataFrame], go.Figure]


def points_to_pick(points: Sequence[dict[str, Any]], drill: Sequence[str]) -> postings.Pick | None:
    """Turn Plotly selection points into a Pick: customdata[i] is the value of drill[i].

    Without customdata the x value stands for a single dimension. Pure (tested).
    """
    picked: list[tuple[tuple[str, str], ...]] = []
    for point in points:
        custom = point.get("customdata")
        if custom is not None and not isinstance(custom, list | tuple):
            custom = [custom]
        values: list[Any] = list(custom) if custom else ([point.get("x")] if len(drill) == 1 else [])
        pairs = tuple((dim, _as_text(v)) for dim, v in zip(drill, values) if v is not None)
        if pairs and pairs not in picked:
            picked.append(pairs)
    return postings.Pick(tuple(picked)) if picked else None


def _as_text(value: Any) -> str:
    text = str(value)
    return text[:10] if len(text) >= 10 and text[4:5] == "-" and text[7:8] == "-" else text  # dates: YYYY-MM-DD


def caption(result: QueryResult, f: Filters) -> str:
    text = f"{describe(f)} · n = {result.n:,} postings"
    return text + "".join(f" · {note}" for note in result.notes)


def render(title: str, result: QueryResult | None, build: Builder | None, *, key: str,
           drill: Sequence[str] = (), enough: str | None = None, label: str = "group",
           help: str | None = None, draw: Callable[[pd.DataFrame], None] | None = None) -> None:
    """Draw one chart with everything that goes with it.

    ``build`` makes the figure from the result's frame. ``drill`` names the posting
    dimensions held in the figure's customdata (in order), enabling the postings list
    for a selection. ``enough`` names a boolean column: rows where it is false are left
    out of the figure and listed as "not enough data" (fewer than MIN_N postings);
    ``label`` is the column that names such rows. ``draw`` draws non-Plotly content
    (metrics, tables) from the frame, after the figure.
    """
    f = filters()
    st.subheader(title, help=help)
    if result is None:  # the query failed; fetch() already said why
        return
    st.caption(caption(result, f))
    if result.n == 0 or result.df.empty:
        st.info("No postings match these filters. Widen them in the sidebar, or press Reset filters.")
        _details(result, key)
        return
    df = result.df
    if enough is not None and enough in df.columns:
        short = df[~df[enough].astype(bool)]
        df = df[df[enough].astype(bool)]
        if not short.empty:
            names = ", ".join(_as_text(v) for v in short[label].head(12)) if label in short.columns else ""
            more = f" ({names})" if names else ""
            st.info(f"Not enough data: fewer than {MIN_N} postings behind {len(short)} of the figures{more}.")
        if df.empty:
            _details(result, key)
            return
    fig = None
    if build is not None:
        try:
            fig = build(df)
        except Exception as exc:
            st.error(f"The chart could not be drawn: {one_line(exc)}")
    if fig is not None:
        event = st.plotly_chart(fig, key=key, on_select="rerun" if drill else "ignore",
                                selection_mode=("points", "box", "lasso"), theme="streamlit",
                                config={"displaylogo": False, "topojsonURL": "app/static/topojson/"})
        if drill:
            _postings(event, drill, f, key)
        _exports(title, result, fig, key)
    if draw is not None:
        try:
            draw(df)
        except Exception as exc:
            st.error(f"This part could not be drawn: {one_line(exc)}")
    _details(result, key)


def _postings(event: Any, drill: Sequence[str], f: Filters, key: str) -> None:
    points = []
    try:
        points = list(event.selection.points) if event is not None else []
    except (AttributeError, KeyError, TypeError):
        points = []
    if not points:
        st.caption("Select bars or points (click, box or lasso) to list the postings behind them.")
        return
    pick = points_to_pick(points, drill)
    if pick is None:
        return
    res = fetch(postings.postings_for, f, pick)
    if res is None:
        return
    st.markdown(f"**Postings behind the selection** ({res.n:,}{', first 200 shown' if res.n > 200 else ''})")
    st.dataframe(
        res.df.drop(columns=["matched"]), key=f"{key}_postings", hide_index=True,
        column_config={
            "title": "Title", "company": "Company", "location": "Location",
            "salary_usd": st.column_config.NumberColumn("Salary (USD per year)", format="localized"),
            "posted_date": st.column_config.DateColumn("Posted"),
            "url": st.column_config.LinkColumn("Link", display_text="open"),
        },
    )


def _details(result: QueryResult, key: str) -> None:
    with st.expander("Data and SQL"):
        st.dataframe(result.df, hide_index=True, key=f"{key}_data")
        if result.sql:
            st.code(result.sql, language="sql")
            st.code(result.params_text(), language="text")
            st.caption(f"{result.name} · {result.elapsed_ms:,.0f} ms")


def _exports(title: str, result: QueryResult, fig: go.Figure, key: str) -> None:
    """The place for download buttons (PNG/SVG/HTML via fig, CSV/Excel/Parquet via result.df).

    Everything an export needs is here: the title, the figure, the frame, the SQL and
    the filters (ui.filters()). Left empty until the exports issue.
    """
    return None
