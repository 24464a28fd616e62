"""The Skills page's charts: demand, trend, movers, pairs, pay premium, senior expectations.

Why: see analytics.figures - one definition for the page and the report. The page passes
its widget values (trend picks, the two periods) to the same builders and queries.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pandas as pd
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, Context, lowest, one_month, theme, thin_months
from analytics.figures import salary as salary_figures
from analytics.filters import ALL_LEVELS, SENIOR_LEVELS, Filters, month_end
from analytics.queries import MIN_N, overview, skills

TOP_N = 20
TREND_PICKS = 5
PAIRS_N = 12
MOVERS_MIN = 10
OPEN_NOTE = "drawn as open points in their skill's colour, n on hover"  # the trend's (theme.open_points)


def top(df: pd.DataFrame) -> go.Figure:
    d = df.iloc[::-1]
    fig = go.Figure(
        go.Bar(
            x=d["share"],
            y=d["skill"],
            orientation="h",
            customdata=d[["skill", "postings", "total"]].to_numpy(),
            text=[theme.count_label(c, s) for c, s in zip(d["postings"], d["share"])],
            textposition="outside",
            cliponaxis=False,
            hovertemplate="<b>%{y}</b><br>%{customdata[1]:,} of %{customdata[2]:,} postings "
            "(%{x:.1%})<extra></extra>",
        )
    )
    theme.mark_bars(fig, d["total"])  # a share of fewer than 30 postings in all: every bar
    theme.percent_axis(fig, d["share"], "x")  # "0% 1% 1% 2%" under 149 French postings (QA round 22)
    theme.room_for_labels(fig, d["share"], share=0.15)  # "74 (100%)" was cut at the chart's right edge
    return theme.edge_room(theme.style(fig, x="Share of postings", y="", height=theme.rows_height(len(df))),
                           fig.data[0].text, d["share"])


def coinciding(df: pd.DataFrame) -> pd.Series:
    """Per row of the trend's frame, the other skills whose point lies on it (same month, same share), as
    hover text ("<br>on this point too: Go, Rust"), else "". Pure (tested).

    Why: points of several skills at one month and share (under Germany many at 0% of a few postings, some
    at 100%) lie on each other, the last drawn hiding the rest but for its hover. Moving them apart (a
    jitter) would draw false values; each point's hover names the skills under it instead, and the chart's
    note counts them (trend_caveats)."""
    also = [""] * len(df)
    for here in _points(df).values():
        if len(here) > 1:
            for i, skill in here:
                also[i] = "<br>on this point too: " + ", ".join(n for _, n in here if n != skill)
    return pd.Series(also, index=df.index, dtype=object)


def _points(df: pd.DataFrame) -> dict[tuple[object, float], list[tuple[int, str]]]:
    """The trend's drawn points by their place (month, share): each row's position and skill. One grouping
    for the hovers (coinciding) and the note's count (hidden_points)."""
    places: dict[tuple[object, float], list[tuple[int, str]]] = {}
    # plain lists: pandas' groupby over the points' places cost 13-20 ms a build, this under 1
    for i, (month, skill, share) in enumerate(zip(df["month"], df["skill"], df["share"])):
        if not pd.isna(share):
            places.setdefault((month, float(share)), []).append((i, str(skill)))
    return places


RING_PX = 5  # how much wider each marker behind another on the same point is drawn


def rings(df: pd.DataFrame) -> pd.Series:
    """Per row of the trend's frame, how many skills drawn after it lie on its point (same month, same
    share): its marker is drawn that many RING_PX wider, a ring in its colour around the point on top.
    Skills are drawn in the order they first appear (the figure's traces). Pure.

    Why: the hover named the skills under a point, but a still export has no hover and its reader saw five
    skills in the legend and three points (QA round twenty-three); rings keep every value where it is."""
    out = [0] * len(df)
    for here in _points(df).values():
        for k, (i, _) in enumerate(here):
            out[i] = len(here) - 1 - k
    return pd.Series(out, index=df.index, dtype="int64")


def hidden_points(df: pd.DataFrame) -> int:
    """How many of the trend's drawn points lie under another skill's (coinciding): a group of k shows one."""
    return sum(len(here) - 1 for here in _points(df).values())


def trend_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The trend's caveats and, where points lie on others (hidden_points), how many, and where to read
    them: a reader cannot see that a point hides another."""
    rows = ctx.query(skills.skill_trend, ctx.f, picks(ctx)).df
    # QA round thirty-one: French postings on one month; hqa35: Brazil's with one month of 30 or more
    said = one_month(rows, "month_total", ("posting", "postings")) or thin_months(rows, "month_total",
                                                                                  ("posting", "postings"))
    caveats = (*caveats, said) if said else caveats
    if not picks(ctx):
        return caveats
    hidden = hidden_points(rows)
    if not hidden:
        return caveats
    which = "point lies" if hidden == 1 else "points lie"
    return (*caveats, f"{hidden:,} {which} under another skill's point (the same month and share, often 0% "
                      "or 100% of a month's few postings): each shows as a ring around it in its skill's "
                      "colour, and each such point's hover names the skills on it")


def trend(df: pd.DataFrame) -> go.Figure:
    """A line per skill, drawn with graph objects: the figure plotly.express.line made (its traces and
    layout, compared in tests/test_figures_trend.py) in about 60% of its server CPU (82-109 against 146-170
    ms per build on the 20,000-posting demo, loaded machine): the largest part of a new filter view of the
    Skills page, which every session waiting at the shared cache's gate waits for."""
    df = df[df["skill"].notna()]  # no skills chosen: the query returns only the months
    df = df.assign(also=coinciding(df))
    picks = list(dict.fromkeys(df["skill"]))
    ring = rings(df)
    ringed = bool(ring.any())  # sizes only where a point hides another: else the figure as it was
    solid = df.assign(share=df["share"].where([not theme.is_small(n) for n in df["month_total"]]))
    solid = theme.month_gaps(solid, "month", "skill")
    solid = solid.assign(also=solid["also"].fillna(""))
    colors = theme.skill_colors(picks)
    # customdata leads with the drill-down's month and skill (ui.chart.points_to_pick reads them in order);
    # one tuple for the lines and the open points, whose hovers read the same indices
    custom = ("month", "skill", "postings", "month_total", "also")
    hover = ("<b>%{customdata[1]}</b> · %{x|%b %Y}<br>%{y:.1%}: "
             "%{customdata[2]:,.0f} of %{customdata[3]:,.0f} postings%{customdata[4]}<extra></extra>")
    # the template comes with theme.style (set twice, it was validated twice: 11 ms)
    fig = go.Figure(layout={"legend": {"tracegroupgap": 0},
                            "xaxis": {"anchor": "y", "domain": [0.0, 1.0]},
                            "yaxis": {"anchor": "x", "domain": [0.0, 1.0]}})
    sizes = {(pd.Timestamp(m), k): r for m, k, r in zip(df["month"], df["skill"], ring)}
    for skill, rows in solid.groupby("skill", sort=False):
        marker: dict[str, object] = {"symbol": "circle"}
        if ringed:  # Plotly's marker is 6 px; a gap row (no point) keeps that
            marker["size"] = [6 + RING_PX * sizes.get((pd.Timestamp(m), skill), 0) for m in rows["month"]]
        fig.add_trace(go.Scatter(
            x=rows["month"], y=rows["share"], mode="lines+markers", name=skill, legendgroup=skill,
            showlegend=True, line={"color": colors[skill], "dash": "solid"}, marker=marker,
            customdata=rows[list(custom)].to_numpy(),
            hovertemplate=hover,
            connectgaps=False, orientation="v", xaxis="x", yaxis="y"))
    theme.open_points(fig, df.assign(size=9 + RING_PX * ring), "month", "share", "month_total", by="skill",
                      colors=colors, customdata=custom, hovertemplate=hover, size="size" if ringed else None)
    # from zero: one month's shares of 12% to 24% drew 12% on the floor (QA round eighteen)
    if ringed:  # the legend's markers one size: a ring's size there read as a bigger skill
        fig.update_layout(legend_itemsizing="constant")
    fig.update_yaxes(rangemode="tozero")
    theme.percent_axis(fig, df["share"])  # small shares' ticks told apart (QA round twenty-two)
    theme.headroom(fig, df["share"])  # a point at the top clear of the plot's edge (open ones included)
    theme.month_axis(fig, df["month"])
    return theme.style(fig, x="Month", y="Share of postings")


def _movers_shown(df: pd.DataFrame) -> pd.DataFrame:
    """The ten biggest risers and fallers the chart draws, bottom to top (the biggest riser on top)."""
    return pd.concat([df.head(10), df.tail(10)]).drop_duplicates("skill").sort_values("change", kind="stable")


def _movers_top_down(df: pd.DataFrame) -> pd.DataFrame:
    """The bars a reader meets, top to bottom: the small-sample note names and counts these, not the skills
    between the risers and fallers that have no bar."""
    return _movers_shown(df).iloc[::-1]


MOVERS_AXIS = "Change in share (pts)"


def movers(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    """The biggest risers and fallers; ``narrow``: each row named over its change (theme.named_rows)."""
    shown = _movers_shown(df)
    points = shown["change"] * 100  # percentage points, as the labels and the axis title say
    text = [f"{c * 100:+.1f} pts" for c in shown["change"]]
    fig = go.Figure(go.Bar(
        x=points, y=shown["skill"], orientation="h",
        customdata=shown[["skill", "count_a", "count_b", "share_a", "share_b", "n_a", "n_b"]].to_numpy(),
        text=text, textposition="outside", cliponaxis=False,
        hovertemplate="<b>%{y}</b><br>earlier: %{customdata[1]:,} of %{customdata[5]:,} "
                      "(%{customdata[3]:.1%})<br>later: %{customdata[2]:,} of %{customdata[6]:,} "
                      "(%{customdata[4]:.1%})<extra></extra>"))
    theme.mark_bars(fig, [min(a, b) for a, b in zip(shown["n_a"], shown["n_b"])])
    fig.update_xaxes(tickformat="+,.0f", ticksuffix=" pts")
    if narrow:
        return theme.named_rows(fig, list(shown["skill"]), text, x=MOVERS_AXIS)
    theme.room_for_labels(fig, points, share=0.15)
    # a short axis title, as the premium's (PREMIUM_AXIS): "Change in share of postings (percentage points)"
    # ran past the chart's right edge at a phone's width (QA round eleven); the ticks say "pts" too
    return theme.edge_room(theme.style(fig, x=MOVERS_AXIS, y="", height=theme.rows_height(len(shown))),
                           fig.data[0].text, points)


def pairs(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    """How often two skills come together, a heatmap: the figure ``px.imshow(grid, text_auto=",",
    aspect="auto", ...)`` made (tests/test_figures_px.py compares the JSON), from plain dicts in a fraction
    of its server CPU - part of the chain a new filter view's sessions wait for. ``narrow``: the colour bar
    above the grid (theme.colorbar_across), for a narrow window."""
    order = list(dict.fromkeys(df["skill_a"]))
    grid = df.pivot(index="skill_a", columns="skill_b", values="together").reindex(index=order, columns=order)
    fig = go.Figure(
        data=[{"type": "heatmap", "coloraxis": "coloraxis", "name": "0", "texttemplate": "%{z:,}",
               "x": grid.columns, "y": grid.index, "z": grid.to_numpy(), "xaxis": "x", "yaxis": "y",
               "hovertemplate": "%{y} and %{x}: %{z:,} postings<extra></extra>"}],
        layout={"xaxis": {"anchor": "y", "domain": [0.0, 1.0]},
                "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "autorange": "reversed"},
                "coloraxis": {"colorscale": [list(step) for step in theme.SEQUENTIAL_SCALE],
                              "autocolorscale": False, "colorbar": {"title": {"text": "Postings with both"}}},
                "margin": {"t": 60}})
    # every column named: at a phone's width (390 px) Plotly named every other one, and a reader could not
    # tell which skill a column was (QA round fourteen)
    fig.update_xaxes(tickmode="linear", tick0=0, dtick=1)
    if narrow:
        fig.update_layout(coloraxis_colorbar=theme.colorbar_across(below=False))
        # a long name on lines (theme.wrap_name): in one line two long skills left the grid about 115 px of a
        # phone's 358 (QA round twenty-three); the hover keeps the whole name
        fig.update_yaxes(tickmode="array", tickvals=order, ticktext=[theme.wrap_name(s) for s in order])
        # 30 px a row besides the column names on their side under the grid and the colour bar above it: in
        # 380 px twelve rows had about 8 px each and their names ran together (QA round twenty-three)
        names_px = math.ceil(max([len(str(s)) for s in order] or [0]) * theme.LABEL_CHAR_PX)
        return theme.style(fig, height=max(380, 30 * len(order) + names_px + 120))
    return theme.style(fig, height=max(380, 30 * len(order)))


def _premium_rows(df: pd.DataFrame) -> pd.DataFrame:
    """The rows as the bars draw them, bottom to top (the highest premium on top)."""
    return df.sort_values("premium_usd", kind="stable")


def _premium_top_down(df: pd.DataFrame) -> pd.DataFrame:
    """The rows as a reader meets the bars, top to bottom: the small-sample note lists them so (QA round
    eight: it followed the query's order, most salaries first)."""
    return _premium_rows(df).iloc[::-1]


PREMIUM_AXIS = "Salary premium (USD per year)"


def premium(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    """Each skill's premium; ``narrow``: each row named over its premium and n (theme.named_rows)."""
    d = _premium_rows(df)
    text = [f"{theme.fmt_signed_usd(p)} (n={int(n):,})" for p, n in zip(d["premium_usd"], d["n"])]
    fig = go.Figure(go.Bar(
        x=d["premium_usd"], y=d["skill"], orientation="h",
        customdata=d[["skill", "n", "median_salary_usd", "overall_median"]].to_numpy(),
        text=text, textposition="outside", cliponaxis=False,
        hovertemplate="<b>%{y}</b><br>median $%{customdata[2]:,.0f} against $%{customdata[3]:,.0f} overall"
                      "<br>%{x:+,.0f} USD · n = %{customdata[1]:,}<extra></extra>"))
    theme.mark_bars(fig, d["n"])
    fig.update_xaxes(tickformat=",", zeroline=True, zerolinewidth=2, zerolinecolor="#888888")
    if narrow:
        return theme.named_rows(fig, list(d["skill"]), text, x=PREMIUM_AXIS)
    theme.room_for_labels(fig, d["premium_usd"])
    # a short axis title: it is centred on the plot, which is narrow at a phone's width once the labels on
    # both sides have their room, and "Median salary minus overall median (USD per year)" ran past the
    # chart's right edge there (QA round eleven); the chart's help says what the premium is
    return theme.edge_room(theme.style(fig, x=PREMIUM_AXIS, y="", height=theme.rows_height(len(d))),
                           fig.data[0].text, d["premium_usd"])


RESP_BAR_PX = 12  # a level's bar in a narrow window's row of a responsibility


def responsibilities(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    """A bar per responsibility and level, a colour per level (graph objects, theme.group_bars: the figure
    Plotly Express drew, in less of a new view's server CPU). ``narrow``: the responsibilities as rows, each
    level's bar across, the first on top: upright under the bars, seven names took about 150 px of a phone's
    chart and left the bars about 120 px (QA round twenty-four)."""
    levels = [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]
    fig = theme.group_bars(df, x="skill", y="share", color="seniority", barmode="group", order=levels,
                           colors=theme.LEVEL_COLORS,  # a level's colour whatever levels are kept
                           custom_data=["seniority", "skill", "postings", "level_total"], n="level_total",
                           hovertemplate="<b>%{customdata[1]}</b> · %{customdata[0]}<br>%{y:.0%}: "
                                         "%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>")
    if not narrow:
        theme.percent_axis(fig, df["share"])
        return theme.style(fig, x="Responsibility", y="Share of postings at the level")
    for tr in fig.data:
        tr.update(x=tr.y, y=tr.x, orientation="h", hovertemplate=tr.hovertemplate.replace("%{y", "%{x"))
    rows = [theme.wrap_name(r) for r in dict.fromkeys(df["skill"])]
    fig.update_yaxes(autorange="reversed", tickmode="array", tickvals=list(dict.fromkeys(df["skill"])),
                     ticktext=rows)
    theme.percent_axis(fig, df["share"], "x")
    height = len(rows) * (len(levels) * RESP_BAR_PX + 16) + 160  # the legend above, the axis below
    return theme.style(fig, x="Share of postings at the level", y="", height=max(380, height))


def default_periods(lo: date, hi: date) -> tuple[tuple[date, date], tuple[date, date]]:
    """The movers' default periods: the first and the last half of [lo, hi] in whole months when the
    span holds two or more whole months (equal numbers of months; the middle one left out when their
    number is odd), so the publish-time rollups answer them; else the two halves by day. One day cannot be
    split: both periods are that day (the movers say no two periods can hold postings). Why: a one-day range
    gave the later period (lo + 1 day, lo), ending before it started (hqa32 ruling 2)."""
    hi = max(lo, hi)
    if hi == lo:
        return (lo, lo), (lo, lo)
    months = _whole_months(lo, hi)
    if len(months) >= 2:
        k = len(months) // 2
        return (months[0], month_end(months[k - 1])), (months[len(months) - k], month_end(months[-1]))
    mid = lo + (hi - lo) / 2
    return (lo, mid), (mid + timedelta(days=1), hi)


def _whole_months(lo: date, hi: date) -> list[date]:
    """First days of the calendar months lying wholly inside [lo, hi]."""
    first = lo if lo.day == 1 else month_end(lo) + timedelta(days=1)
    out: list[date] = []
    while first <= hi and month_end(first) <= hi:
        out.append(first)
        first = month_end(first) + timedelta(days=1)
    return out


def movers_title(a: tuple[date, date], b: tuple[date, date]) -> str:
    return f"Change from {a[0]:%Y-%m-%d}–{a[1]:%Y-%m-%d} to {b[0]:%Y-%m-%d}–{b[1]:%Y-%m-%d}"


MOVERS_PLAIN = "Rising and falling skills"  # the movers' title where no two periods can hold postings


def two_periods_hold(ctx: Context) -> bool:
    """Whether two periods can both hold dated postings under ctx's filters, as the movers' message reads
    them (analytics.queries.skills.mix_caveats: "all 149 dated postings fall on one day ..."): dated
    postings in two months or more (the Overview's postings per month, from a rollup), else on two days or
    more. Both queries are default_split's, cached: the title asks for nothing more."""
    found = ctx.query(overview.postings_per_month, ctx.f).df
    months = int((found["postings"] > 0).sum()) if len(found) else 0
    if months != 1:
        return months > 1
    return len(ctx.query(skills.dated_days, ctx.f).df) >= 2


def movers_heading(ctx: Context) -> str:
    """The movers' title: the two periods compared, or MOVERS_PLAIN where no two periods can both hold
    postings (every dated posting on one day, or none dated). Why: under French postings on the real exports
    (every one dated 2025-03-11) the title named "2025-03-01–2025-03-16 to 2025-03-17–2025-03-31" above the
    message that no two periods can both hold postings (QA round thirty-one; hqa31 ruling 3)."""
    return movers_title(*periods(ctx)) if two_periods_hold(ctx) else MOVERS_PLAIN


def date_span(ctx: Context) -> tuple[date, date]:
    """The filtered date range; an open end is the first or last month holding a dated posting under the
    filters (whole months: no posting lies outside them, so the periods count the same postings and the
    rollups answer them), else the warehouse's. Why: the warehouse's span split in two left a German-only
    view (its dated postings all from 2025 on) a default earlier period of 2017-2021 with no posting, and
    the movers' chart empty until the reader picked periods by hand (QA round ten). An open end never
    crosses the reader's end: a range from a day after the last posting ends at that day's month end, one to
    a day before the first starts on that day's month's first day (hqa32 ruling 2: the span ran backwards,
    from 2030-01-01 to the data's last month)."""
    opts = ctx.options()
    lo = ctx.f.date_from or (opts.date_min.replace(day=1) if opts.date_min else date.today())
    hi = ctx.f.date_to or (month_end(opts.date_max) if opts.date_max else date.today())
    if ctx.f.date_from is None or ctx.f.date_to is None:
        months = ctx.query(overview.postings_per_month, ctx.f).df["month"]  # the Overview's, cached
        if len(months):
            first, last = pd.Timestamp(months.min()).date(), month_end(pd.Timestamp(months.max()).date())
            lo, hi = ctx.f.date_from or first, ctx.f.date_to or last
    if hi < lo:
        lo, hi = (lo, month_end(lo)) if ctx.f.date_to is None else (hi.replace(day=1), hi)
    return lo, hi


Periods = tuple[tuple[date, date], tuple[date, date]]


# the movers' default "bulk": the shortest run of months holding one of these shares of the postings, the one
# leaving the thinner period most (Brazil's on the real exports: 95% reached over 2023-12 to 2025-09 leaves
# 124 and 5; 90%, December 2023 alone, split by day, leaves each about half of 124)
BULK_SHARES = (0.95, 0.9, 0.8)


@dataclass(frozen=True)
class Default:
    """The movers' default periods and how they were found: ``held`` the two periods' dated postings (None
    where nothing is dated), ``bulk`` the span of months they were taken over where a thin tail was left out
    (bulk_months), ``total`` the view's dated postings (``left_out`` of them outside ``bulk``), ``last_day``
    the view's last dated day where the default asked for days (else None: the rollups' path asks none)."""

    periods: Periods
    held: tuple[int, int] | None = None
    bulk: tuple[date, date] | None = None
    total: int = 0
    left_out: int = 0  # the view's dated postings outside ``bulk``
    share: float = 0.0  # the share of them ``bulk`` was the shortest run of months to hold (BULK_SHARES)
    last_day: date | None = None


def bulk_months(counts: dict[date, int], share: float = BULK_SHARES[0]) -> tuple[date, date]:
    """The shortest run of consecutive calendar months holding ``share`` or more of ``counts``' postings
    (month's first day -> postings; months absent hold none), the one holding the most on a tie, then the
    latest: (its first day, its last day). Pure."""
    months = sorted(counts)
    run = [months[0]]
    while run[-1] < months[-1]:
        run.append(month_end(run[-1]) + timedelta(days=1))
    held = [counts.get(m, 0) for m in run]
    need = share * sum(held)
    best: tuple[int, int, int] | None = None  # (length, -postings, -start)
    for i in range(len(run)):
        total = 0
        for j in range(i, len(run)):
            total += held[j]
            if total >= need:
                key = (j - i, -total, -i)
                if best is None or key < best:
                    best = key
                break
    assert best is not None
    i = -best[2]
    return run[i], month_end(run[i + best[0]])


def _split(ctx: Context, lo: date, hi: date, counts: dict[date, int]) -> Default:
    """default_periods of [lo, hi] where both hold dated postings; else the same of the span cut to the months
    holding them (a reader's range wider than the postings); else, where fewer than two whole months hold
    them, a split at the day that leaves the two periods' dated postings nearest even (the earlier one the
    larger on a tie). ``counts``: the view's dated postings by month, none empty."""
    months = [m for m in sorted(counts) if m <= hi and month_end(m) >= lo]
    spans = [(lo, hi), (max(lo, min(months)), min(hi, month_end(max(months))))]
    for start, end in spans:
        if len(_whole_months(start, end)) >= 2:
            split = default_periods(start, end)
            held = tuple(sum(n for m, n in counts.items() if p[0] <= m <= p[1]) for p in split)
            if all(held):
                return Default(split, (held[0], held[1]))
    start, end = spans[1]
    days = ctx.query(skills.dated_days, ctx.f).df
    every = [(pd.Timestamp(d).date(), int(n)) for d, n in zip(days["day"], days["postings"])]
    last = max((d for d, _ in every), default=None)
    found = [(d, n) for d, n in every if start <= d <= end]
    if len(found) < 2:
        return Default(default_periods(lo, hi), last_day=last)
    total, upto, best = sum(n for _, n in found), 0, None
    for day, n in found[:-1]:  # a boundary after each day but the last
        upto += n
        if best is None or abs(2 * upto - total) <= best[0]:
            best = (abs(2 * upto - total), day, upto)
    assert best is not None
    return Default(((start, best[1]), (best[1] + timedelta(days=1), end)), (best[2], total - best[2]),
                   last_day=last)


def default_found(ctx: Context) -> Default:
    """The movers' default periods under ctx's filters (kept in ctx.cache): _split of date_span and, where
    that leaves a period under MIN_N dated postings, _split of the months holding the bulk of them
    (bulk_months of each of BULK_SHARES, inside the span) that leaves the thinner period most, where that is
    more than the calendar's split leaves it. Why: halves by the calendar
    left the later period empty where every dated posting fell in the first half (German postings on the
    real exports: 7 over three days of February; Portuguese: 41 in half of December - QA round
    twenty-seven); and the span's halves under German postings of every level compared 1 posting from 2017
    with 238 from 2022 on (hqa33 ruling 1). Postings on one day alone cannot be split: the halves, and the
    movers say why (analytics.queries.skills.mix_caveats). Only a split by day asks for days: a span of two
    whole months or more, the rollups' case at 10,000,000 postings, asks for nothing more than date_span."""
    if "movers_default" in ctx.cache:
        return ctx.cache["movers_default"]  # type: ignore[no-any-return]
    lo, hi = date_span(ctx)
    found = ctx.query(overview.postings_per_month, ctx.f).df
    counts = {pd.Timestamp(m).date(): int(n) for m, n in zip(found["month"], found["postings"]) if n > 0}
    counts = {m: n for m, n in counts.items() if m <= hi and month_end(m) >= lo}
    out = Default(default_periods(lo, hi)) if not counts else _split(ctx, lo, hi, counts)
    thin = out.held is not None and min(out.held) < MIN_N
    for share in BULK_SHARES if thin else ():
        start, end = bulk_months(counts, share)
        start, end = max(lo, start), min(hi, end)
        inside = {m: n for m, n in counts.items() if m <= end and month_end(m) >= start}
        if len(inside) == len(counts):
            continue
        bulk = _split(ctx, start, end, inside)
        if bulk.held is not None and out.held is not None and min(bulk.held) > min(out.held):
            out = replace(bulk, bulk=(start, end), share=share, last_day=bulk.last_day or out.last_day,
                          left_out=sum(counts.values()) - sum(inside.values()))
    out = replace(out, total=sum(counts.values()))
    ctx.cache["movers_default"] = out
    return out


def default_split(ctx: Context) -> Periods:
    """The movers' default periods under ctx's filters (default_found)."""
    return default_found(ctx).periods


def periods(ctx: Context) -> Periods:
    """The movers' periods: the page's (widgets sk_mov_a, sk_mov_b), else default_split's."""
    return ctx.param("periods", lambda: default_split(ctx))  # type: ignore[no-any-return]


def required(f: Filters) -> tuple[str, ...]:
    """The skills every posting under ``f`` asks for by the filter itself (one skill, or all of several):
    100% of any share by construction."""
    return tuple(dict.fromkeys(f.skills)) if len(set(f.skills)) == 1 or f.skills_mode == "all" else ()


def resp_title(f: Filters) -> str:
    """"What senior roles expect beyond code" where every level shown is a senior one; else no level named
    (QA round eighteen: mid postings alone were titled senior roles). Pure."""
    shown = f.seniority or ALL_LEVELS
    senior = all(level in SENIOR_LEVELS for level in shown)
    return "What senior roles expect beyond code" if senior else "What roles expect beyond code, by level"


def paired_sentence(paired: int, total: int, drawn: int) -> str:
    """How many of the ``total`` postings the filters select ask for two or more of the ``drawn`` skills
    (skills.paired): the pairs map's real sample, "1 of the 149 postings these filters select asks for two or
    more of these 12 skills: every pair drawn comes from it" (hqa30 ruling 1). Pure."""
    what = "both skills" if drawn == 2 else f"two or more of these {drawn} skills"
    if total == 1:
        return f"the one posting these filters select {'asks' if paired else 'does not ask'} for {what}"
    if paired == 0:
        return f"none of the {total:,} postings these filters select asks for {what}"
    if paired >= total:
        every = "both postings" if total == 2 else f"all {total:,} postings"
        return f"{every} these filters select ask for {what}"
    verb = "asks" if paired == 1 else "ask"
    said = f"{paired:,} of the {total:,} postings these filters select {verb} for {what}"
    if drawn > 2:
        said += f": every pair drawn comes from {'it' if paired == 1 else 'them'}"
    return said


def pairs_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The pairs' caveats: how many postings ask for two or more of the skills drawn (paired_sentence) and,
    under a filter every posting meets, that its skills' rows repeat each skill's own count (QA round
    eighteen: under Java its row set the colour scale's top with no word)."""
    answer = ctx.query(skills.cooccurrence, ctx.f, PAIRS_N)
    drawn = tuple(dict.fromkeys(answer.df["skill_a"])) if not answer.df.empty else ()
    if len(drawn) >= 2 and answer.n:
        paired = ctx.query(skills.paired, ctx.f, drawn).n
        caveats = (*caveats, paired_sentence(paired, answer.n, len(drawn)))
    chosen = required(ctx.f)
    if not chosen:
        return caveats
    named = salary_figures.named_list(list(chosen))
    rows = "its row and column repeat" if len(chosen) == 1 else "their rows and columns repeat"
    return (*caveats, f"{named}: in every posting by the skills filter, so {rows} each skill's own count "
                      "(and set the colours' top)")


def top_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """Top skills' caveats and, under a filter every posting meets, that its skills are 100% by it."""
    chosen = required(ctx.f)
    if not chosen:
        return caveats
    named = salary_figures.named_list(list(chosen))
    return (*caveats, f"{named}: in every posting by the skills filter, so 100% by construction")


def by_construction(df: pd.DataFrame) -> str | None:
    """The premium rows' skills that every posting with a salary asks for (n == total), named: each is
    compared with itself, so its premium is $0 by construction (QA round fifteen: ten skills at "$0 (n=1)"
    under the one German-language posting with a salary read as a finding). None when there are none. Pure."""
    if df.empty:
        return None
    every = df[salary_figures.asked_by_every(df)]
    if every.empty:
        return None
    names = list(every["skill"])
    named = salary_figures.named_list(names)
    its = "its" if len(names) == 1 else "their"
    return (f"{named}: asked for by every posting with a salary here ({int(every['total'].iloc[0]):,}), so "
            f"{its} premium is $0 by construction, not a finding")


def compared_with_itself(df: pd.DataFrame) -> str | None:
    """Why a premium chart says nothing, where every skill it would draw is asked for by every posting with a
    salary (by_construction's skills are all of them): each would be set against itself, $0 by construction.
    None where one skill at least has postings with a salary that do not ask for it. Pure."""
    if df.empty or not salary_figures.asked_by_every(df).all():
        return None
    total = int(df["total"].iloc[0])
    who = ("the one posting with a salary asks" if total == 1
           else f"the {total:,} postings with a salary all ask")
    return (f"{who} for every one of these skills, so no skill's salaries can be set against the rest (each "
            "premium would be $0 by construction)")


def premium_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The salaries' country mix and the skills whose premium is $0 by construction (by_construction)."""
    caveats = salary_figures.country_mix(ctx, caveats)
    line = by_construction(ctx.query(skills.salary_premium, ctx.f, TOP_N).df)
    return caveats if line is None else (*caveats, line)


def _required_drawn(ctx: Context) -> str | None:
    """The movers' bars that are skills every posting asks for by the skills filter (required), named with
    why each reads "+0.0 pts"; None where none is drawn. hqa35: under Python and SQL, all, on the real
    exports 2 of the 4 bars drawn were theirs, with no word (Top skills and the pairs say it)."""
    chosen = required(ctx.f)
    if not chosen:
        return None
    rows = ctx.query(skills.movers, ctx.f, *periods(ctx), int(ctx.param("min_count", MOVERS_MIN))).df
    drawn = [s for s in chosen if not rows.empty and s in set(_movers_shown(rows)["skill"])]
    if not drawn:
        return None
    its = "its +0.0 pts is" if len(drawn) == 1 else "their +0.0 pts are"
    return (f"{salary_figures.named_list(drawn)}: in every posting by the skills filter, so 100% in both "
            f"periods: {its} by construction")


def movers_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The movers' caveats; under the default periods, the span they were taken over where a thin tail was
    left out (default_found); and, when the later period runs past the last posting (the default periods are
    whole months, for the rollups), the last posting's date, so a reader does not take the month as whole:
    the view's last dated day where the default asked for days, else the warehouse's (hqa33 ruling 2: the
    warehouse's, 2026-03-16, said nothing under German postings ending 2026-02-15)."""
    found = default_found(ctx)  # the page asks for it anyway, to seed the periods' widgets
    a, b = periods(ctx)
    if (construction := _required_drawn(ctx)) is not None:
        caveats = (*caveats, construction)
    if found.bulk is not None and (a, b) == found.periods:  # a reader's own periods: not the default's span
        start, end = found.bulk
        out = found.left_out
        span = f"{start:%Y-%m}" + ("" if start.replace(day=1) == end.replace(day=1) else f" to {end:%Y-%m}")
        caveats = (*caveats, f"the default periods are taken within {span}, the shortest "
                             f"run of months holding {found.share:.0%} or more of the {found.total:,} dated "
                             f"postings these filters select (the {out:,} outside it "
                             f"{'is' if out == 1 else 'are'} left out)")
    view = found.last_day is not None
    last = found.last_day if found.last_day is not None else ctx.options().date_max
    end = b[1]
    if last is None or end <= last:
        return caveats
    # "in whole months" only where they are: periods split by day also end on a month's last day, and the
    # note called them whole months (QA round thirty-three)
    whole = " in whole months" if skills.whole_months(a, b) else ""
    whose = "the last posting these filters select" if view else "the last posting"
    return (*caveats, f"{whose} is dated {last:%Y-%m-%d}: the later period runs to {end:%Y-%m-%d}"
                      f"{whole}, its last {(end - last).days} days hold none")


def default_picks(ctx: Context) -> tuple[str, ...]:
    """The trend's default skills: the top TREND_PICKS of the "Top skills" chart, past the skills every
    posting asks for by the filter (a flat 100% line each)."""
    top = ctx.results.get("sk_top")
    if top is None:
        return ()
    chosen = set(required(ctx.f))
    return tuple(s for s in top.df["skill"] if s not in chosen)[:TREND_PICKS]


def picks(ctx: Context) -> tuple[str, ...]:
    """The skills followed in the trend: the page's choice (widget sk_trend_pick), else the default."""
    return tuple(ctx.param("picks", lambda: default_picks(ctx)))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef(
        "sk_top",
        "Top skills",
        lambda c: Call(skills.top_skills, (c.f, TOP_N)),
        top,
        drill=("skill",),
        caveats=top_caveats,
        help="Share of the filtered postings that ask for each skill; the label is the count.",
        sample="total",
        label="skill",
        needs="a recognised skill",
        fields=("skills",),
    ),
    ChartDef(
        "sk_trend",
        lambda c: "Monthly trend" if picks(c) else "Monthly trend (no skills chosen)",
        lambda c: Call(skills.skill_trend, (c.f, picks(c))),
        trend,
        drill=("month", "skill"),
        sample="month_total",
        label="month",
        small_look=OPEN_NOTE,
        caveats=trend_caveats,
        fields=("skills",),
    ),
    ChartDef(
        "sk_movers",
        movers_heading,
        lambda c: Call(skills.movers, (c.f, *periods(c), int(c.param("min_count", MOVERS_MIN)))),
        movers,
        drill=("skill",),
        drill_periods=periods,
        caveats=movers_caveats,
        sample=lowest("n_a", "n_b"),
        label="skill",
        uses=("narrow",),
        reading_order=_movers_top_down,
        fields=("skills",),
    ),
    ChartDef(
        "sk_pairs",
        "Skills asked for together",
        lambda c: Call(skills.cooccurrence, (c.f, PAIRS_N)),
        pairs,
        sample="total",
        label="skill_a",
        needs="two recognised skills",
        uses=("narrow",),
        caveats=pairs_caveats,
        help=f"Postings that ask for both skills, among the {PAIRS_N} most asked-for skills.",
        fields=("skills",),
    ),
    ChartDef(
        "sk_premium",
        "Salary premium per skill",
        lambda c: Call(skills.salary_premium, (c.f, TOP_N)),
        premium,
        drill=("skill",),
        enough="enough",
        label="skill",
        sample="n",
        drill_only="salaried",
        caveats=premium_caveats,
        says_nothing=lambda _, df: compared_with_itself(df),
        uses=("narrow",),
        reading_order=_premium_top_down,
        help="The premium: the median salary of postings asking for the skill minus the median of all "
             "filtered postings (USD per year).",
        fields=("skills", "salary"),
    ),
    ChartDef(
        "sk_resp",
        lambda c: resp_title(c.f),
        lambda c: Call(skills.responsibilities, (c.f,)),
        responsibilities,
        drill=("seniority", "skill"),
        sample="level_total",
        label="seniority",
        uses=("narrow",),
        small_look=theme.HATCHED_NOTE,
        # the generic "(a salary, a place, a date ...)" named nothing it counts (QA round twenty-one)
        needs="a responsibility beyond code (code review, mentoring, on-call ...)",
        help="Responsibilities (skills of category responsibility) by seniority level.",
        # split by the level; the responsibilities are scored apart from skills (etl.evaluate) and the note
        # names no score of theirs
        fields=("seniority",),
    ),
)
