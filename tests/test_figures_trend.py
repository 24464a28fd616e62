"""The skills' monthly trend drawn with graph objects is the figure plotly.express drew before.

Why: ``skills.trend`` was ``px.line``; building it took 134 ms of server CPU, the largest part of a new
filter view of the Skills page (docs/performance.md, many users). It is now made from graph objects in
about half that; what a reader sees must not change, so the figure's whole JSON (traces, layout,
template) is compared with the plotly.express figure below - the former code, kept here as the
reference - on frames with several skills, month gaps, small months and no skill at all.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd
import plotly.express as px
import plotly.graph_objects as go
import pytest

from analytics.figures import skills, theme


def _with_px(df: pd.DataFrame) -> go.Figure:
    """skills.trend as it was (plotly.express)."""
    df = df[df["skill"].notna()]
    df = df.assign(also=skills.coinciding(df))  # the skills on the same point (QA round eighteen)
    picks = list(dict.fromkeys(df["skill"]))
    solid = df.assign(share=df["share"].where([not theme.is_small(n) for n in df["month_total"]]))
    solid = theme.month_gaps(solid, "month", "skill")
    solid = solid.assign(also=solid["also"].fillna(""))
    fig = px.line(solid, x="month", y="share", color="skill", markers=True,
                  color_discrete_map=theme.skill_colors(picks),
                  custom_data=["month", "skill", "postings", "month_total", "also"], template=theme.TEMPLATE)
    fig.update_traces(connectgaps=False, hovertemplate="<b>%{customdata[1]}</b> · %{x|%b %Y}<br>%{y:.1%}: "
                      "%{customdata[2]:,.0f} of %{customdata[3]:,.0f} postings%{customdata[4]}"
                      "<extra></extra>")
    theme.open_points(fig, df, "month", "share", "month_total", by="skill", colors=theme.skill_colors(picks),
                      customdata=("month", "skill", "postings", "month_total", "also"),
                      hovertemplate="<b>%{customdata[1]}</b> · %{x|%b %Y}<br>%{y:.1%}: "
                      "%{customdata[2]:,.0f} of %{customdata[3]:,.0f} postings%{customdata[4]}"
                      "<extra></extra>")
    fig.update_yaxes(rangemode="tozero")  # from zero (QA round eighteen)
    theme.percent_axis(fig, df["share"])  # small shares' ticks told apart (QA round twenty-two)
    theme.headroom(fig, df["share"])  # the top point clear of the edge (QA round nineteen)
    theme.month_axis(fig, df["month"])  # one month spans a month (test_one_month_is_a_month_on_the_axis...)
    return theme.style(fig, x="Month", y="Share of postings")


def _frame(rows: list[tuple[str, str | None, int, int]]) -> pd.DataFrame:
    """(month, skill, postings, month_total) -> the skill_trend query's columns."""
    df = pd.DataFrame(rows, columns=["month", "skill", "postings", "month_total"])
    df["month"] = pd.to_datetime(df["month"]).dt.date
    df["share"] = df["postings"] / df["month_total"]
    return df[["month", "skill", "postings", "month_total", "share"]]


def _json(fig: go.Figure) -> Any:
    return json.loads(fig.to_json())  # what the browser and the exports get, key order aside


FRAMES = {
    "three skills, a gap, a small month": _frame([
        ("2024-01-01", "Python", 40, 100), ("2024-02-01", "Python", 44, 120), ("2024-05-01", "Python", 9, 20),
        ("2024-01-01", "Go", 12, 100), ("2024-02-01", "Go", 30, 120), ("2024-05-01", "Go", 3, 20),
        ("2024-02-01", "Rust", 5, 120), ("2024-03-01", "Rust", 7, 90)]),
    "one skill, one month": _frame([("2025-03-01", "SQL", 50, 200)]),
    "every month small": _frame([("2024-01-01", "Go", 2, 10), ("2024-02-01", "Go", 3, 12)]),
    "no skill chosen (months only)": _frame([("2024-01-01", None, 0, 100), ("2024-02-01", None, 0, 90)]),
}


@pytest.mark.parametrize("name", list(FRAMES))
def test_the_trend_is_the_figure_plotly_express_drew(name: str) -> None:
    df = FRAMES[name]
    assert _json(skills.trend(df)) == _json(_with_px(df))


def test_one_month_is_a_month_on_the_axis_not_milliseconds() -> None:
    """Seen on the real samples (artifacts/qa/overview-cut.png): a date range holding one month of dated
    postings drew Postings per month as one bar across the whole chart over an axis ticked
    "23:59:59.9996 ... 00:00:00.0004", since Plotly ranges a single date by milliseconds. Month axes
    (the Overview's bars, the skill trend, salary over time) show a month, spanning at least one."""
    from analytics.figures import overview, salary

    month = pd.to_datetime(["2018-02-01"])
    figs = {
        "per_month": overview.per_month(pd.DataFrame({"month": month, "postings": [122]})),
        "trend": skills.trend(pd.DataFrame({"month": month, "skill": ["Go"], "share": [0.2], "postings": [40],
                                            "month_total": [200]})),
        "over_time": salary.over_time(pd.DataFrame({"month": month, "median": [90_000.0], "n": [40]})),
    }
    for name, fig in figs.items():
        axis = fig.layout.xaxis
        assert axis.tickformat and "%b" in axis.tickformat, name
        lo, hi = (pd.Timestamp(v) for v in axis.range)
        assert (hi - lo).days >= 28 and lo < month[0] < hi, (name, axis.range)
    assert figs["per_month"].data[0].width >= 3 * 86_400_000  # a column, not a hairline (a block: below)


def test_a_single_month_is_a_column_or_a_point_named_by_its_month() -> None:
    """QA round sixteen: one dated month (the German postings) drew as a 25-day bar in a 40-day axis, a wide
    block across most of the chart. It is what it is: one column (an eighth of the axis, as wide as a
    month's bar among a year's) or one point, over the one tick naming its month, the axis still 40 days."""
    from analytics.figures import overview, salary

    month = pd.to_datetime(["2018-02-01"])
    bars = overview.per_month(pd.DataFrame({"month": month, "postings": [122]}))
    lo, hi = (pd.Timestamp(v) for v in bars.layout.xaxis.range)
    width = bars.data[0].width / 86_400_000
    assert 3 <= width <= (hi - lo).days / 6, width  # not a block: a column
    assert bars.layout.xaxis.dtick == "M1" and pd.Timestamp(bars.layout.xaxis.tick0) == month[0]
    assert bars.layout.xaxis.tickformat == "%b %Y"  # the one tick in the range reads "Feb 2018"
    for fig in (skills.trend(pd.DataFrame({"month": month, "skill": ["Go"], "share": [0.2], "postings": [40],
                                           "month_total": [200]})),
                salary.over_time(pd.DataFrame({"month": month, "median": [90_000.0], "n": [40]}))):
        assert "markers" in fig.data[0].mode and fig.layout.xaxis.tickformat == "%b %Y"  # a point, named


@pytest.mark.parametrize("months", [2, 3, 6])
def test_a_few_months_are_ticked_by_the_month(months: int) -> None:
    """QA round fourteen: over a date range of two or three months Plotly ticked weeks ("Jan 18", "Jan 25",
    "Feb 1"), so a month's bar read as starting mid-month. A monthly chart ticks months, one label a month,
    on the axes of the three monthly charts; a longer span keeps Plotly's own month ticks."""
    from analytics.figures import overview, salary

    month = pd.date_range("2026-01-01", periods=months, freq="MS")
    figs = {
        "per_month": overview.per_month(pd.DataFrame({"month": month, "postings": [40] * months})),
        "trend": skills.trend(pd.DataFrame({"month": month, "skill": ["Go"] * months, "share": [0.2] * months,
                                            "postings": [40] * months, "month_total": [200] * months})),
        "over_time": salary.over_time(pd.DataFrame({"month": month, "median": [90_000.0] * months,
                                                    "n": [40] * months})),
    }
    for name, fig in figs.items():
        axis = fig.layout.xaxis
        assert axis.dtick == "M1" and axis.tickformat == "%b %Y", (name, axis.dtick, axis.tickformat)
        assert pd.Timestamp(axis.tick0) == month[0], name  # the ticks on the months' first days
    years = pd.date_range("2024-01-01", periods=24, freq="MS")
    long = overview.per_month(pd.DataFrame({"month": years, "postings": [40] * 24}))
    assert long.layout.xaxis.dtick is None  # two years: Plotly's month ticks, never weeks at this span


def test_a_range_s_empty_months_draw_as_gaps_across_the_whole_axis() -> None:
    """QA round sixteen: the trend and the median salary over time carry every month of a date range (the
    queries pad them: no share, no median, n = 0). An empty month is a gap on the axis, neither a point at 0
    nor an open grey small-sample point, and the lines' x runs from the range's first month to its last."""
    from analytics.figures import salary

    month = pd.date_range("2024-11-01", "2025-06-01", freq="MS")
    totals = [0, 0, 40, 40, 40, 40, 0, 0]
    trend = skills.trend(pd.DataFrame({"month": month, "skill": "Go", "postings": [t // 4 for t in totals],
                                       "month_total": totals,
                                       "share": [0.25 if t else float("nan") for t in totals]}))
    medians = salary.over_time(pd.DataFrame({"month": month, "n": totals,
                                             "median": [90_000.0 if t else float("nan") for t in totals]}))
    for fig in (trend, medians):
        assert len(fig.data) == 1, [t.name for t in fig.data]  # no open grey points for empty months
        line = fig.data[0]
        assert list(pd.to_datetime(line.x)) == list(month)
        assert [pd.isna(y) for y in line.y] == [not t for t in totals]


GERMANY_LIKE = _frame([  # every point on fewer than 30 postings, as the real samples under Germany
    ("2025-01-01", "Java", 3, 9), ("2025-02-01", "Java", 4, 12), ("2025-01-01", "Agile", 1, 9),
    ("2025-02-01", "Agile", 6, 12), ("2025-01-01", "JavaScript", 2, 9), ("2025-02-01", "JavaScript", 5, 12)])


@pytest.mark.parametrize("df", [GERMANY_LIKE, FRAMES["three skills, a gap, a small month"]],
                         ids=["every point small", "some points small"])
def test_small_sample_points_keep_their_skill_s_colour_as_open_markers(df: pd.DataFrame) -> None:
    """QA round sixteen left: under Germany every trend point rests on fewer than 30 postings, so each was an
    open grey point named only by its hover while the legend listed five skills in colours no point carried.
    A small-sample point is an open marker in its skill's colour, in its skill's legend group (clicking the
    skill hides it too), its drill-down keys first; one legend entry says what an open marker means."""
    fig = skills.trend(df)
    picks = list(dict.fromkeys(df["skill"]))
    colours = theme.skill_colors(picks)
    drawn: dict[tuple[str, str], str] = {}  # (month, skill) -> the colour of the marker drawing it
    for tr in fig.data:
        for x, y, cd in zip(tr.x, tr.y, tr.customdata if tr.customdata is not None else [None] * len(tr.x)):
            if x is None or y is None or y != y:
                continue
            colour = tr.marker.color if tr.marker.symbol == "circle-open" else tr.line.color
            drawn[(str(pd.Timestamp(x).date()), str(cd[1]))] = colour
            assert colour == colours[str(cd[1])], (tr.name, cd)  # never the small-sample grey
            assert tr.legendgroup == str(cd[1])
            assert "%{customdata[1]}" in tr.hovertemplate  # the hover names the skill
    assert len(drawn) == len(df)  # every row a point
    small = [tr for tr in fig.data if tr.marker.symbol == "circle-open" and tr.x[0] is not None]
    assert small and all(not tr.showlegend for tr in small)
    shown = [tr for tr in fig.data if tr.showlegend is not False]
    assert [tr.name for tr in shown[:-1]] == picks  # the skills, then the key
    key = shown[-1]
    assert key.marker.symbol == "circle-open" and "open" in key.name and "fewer than 30" in key.name
    assert all(v is None for v in key.x)  # a legend entry only
    assert key.marker.color not in colours.values() and key.marker.color != theme.SMALL_COLOR
    assert theme.has_small_marks(fig)  # an export's caption still says what the marks mean


def test_the_trend_s_small_sample_note_says_what_the_chart_draws() -> None:
    """The note under the trend said "drawn grey with their n (bars hatched, points open)"; its small points
    are open markers in their skill's colour now."""
    from analytics import figures

    note = figures.small_note(figures.chart("sk_trend"), GERMANY_LIKE)
    assert "open points in their skill's colour" in note and "grey" not in note, note


def test_the_open_marker_key_reads_on_the_light_and_the_dark_page() -> None:
    """The legend's open-marker key is a graphic a reader must see: at least 3:1 (WCAG 1.4.11) against the
    light and the dark page (the trace's colours stay when the app swaps in the dark template)."""
    from test_chart_template import _contrast

    key = skills.trend(GERMANY_LIKE).data[-1].marker.color
    for page in (theme.LIGHT.page, theme.DARK.page):
        assert _contrast(key, page) >= 3, (key, page)


@pytest.mark.parametrize("picks", [["React", "TypeScript", "Go"], ["CI/CD", "Kubernetes"],
                                   ["Agile", "JavaScript", "Java", "DevOps", "CI/CD"]])
def test_the_skills_of_one_trend_never_share_a_colour_family(picks: list[str]) -> None:
    """Each skill's colour was a hash of its name into 20 colours: React and TypeScript both drew #C06C84,
    CI/CD and Kubernetes #1F9E89, and Agile and JavaScript two purples, so two lines of a trend could not be
    told apart (about two trends in five of five skills shared a colour). A skill keeps its hashed colour
    unless an earlier skill of the chart holds that hue; then it takes the next hue free; never the
    small-sample grey."""
    colours = theme.skill_colors(picks)
    assert len(set(colours.values())) == len(picks), colours
    families = [theme.hue_family(c) for c in colours.values()]
    assert len(set(families)) == len(picks), colours
    assert theme.SMALL_COLOR not in colours.values()
    assert colours[picks[0]] == theme.skill_color(picks[0])  # the first keeps its own
    assert theme.skill_colors(picks) == colours  # stable


def test_the_small_sample_note_counts_drawn_figures_not_a_range_s_empty_months() -> None:
    """Seen in Chromium under Germany (QA round seventeen): "55 of 505 figures rest on fewer than 30
    postings" - the trend carries every month from the first dated posting to the last (QA round sixteen's
    padding), and 450 of its rows are empty months, no figure at all. The note counts the figures drawn."""
    from analytics import figures

    month = pd.date_range("2024-11-01", "2025-06-01", freq="MS")
    totals = [0, 0, 12, 40, 0, 9, 0, 0]
    trend = pd.DataFrame({"month": month, "skill": "Go", "postings": [t // 3 for t in totals],
                          "month_total": totals, "share": [1 / 3 if t else float("nan") for t in totals]})
    note = figures.small_note(figures.chart("sk_trend"), trend)
    assert note.startswith("2 of 3 figures rest on fewer than 30 postings (Jan 2025, Apr 2025)"), note
    medians = pd.DataFrame({"month": month, "n": totals,
                            "median": [9e4 if t else float("nan") for t in totals]})
    note = figures.small_note(figures.chart("sa_time"), medians)
    assert note.startswith("2 of 3 figures rest on fewer than 30 postings"), note


def test_a_data_file_flags_no_small_sample_where_a_row_rests_on_no_posting() -> None:
    """Seen in the Monthly trend's CSV under Germany (QA round seventeen): 450 of its 505 rows are months
    without a dated posting (month_total 0, no share), each flagged fewer_than_30_postings = False, which
    reads as "a figure on 30 or more postings". Such a row holds no figure: its flag is empty (NA)."""
    from analytics.figures import SMALL_COLUMN, chart, with_small_flag

    month = pd.date_range("2025-01-01", periods=3, freq="MS")
    df = pd.DataFrame({"month": month, "skill": "Go", "postings": [3, 0, 20], "month_total": [10, 0, 40],
                       "share": [0.3, float("nan"), 0.5]})
    from analytics.export import tables

    flagged = with_small_flag(chart("sk_trend"), df)
    assert [None if pd.isna(v) else bool(v) for v in flagged[SMALL_COLUMN]] == [True, None, False]
    lines = tables.to_csv(flagged).decode("utf-8-sig").splitlines()
    assert [line.rsplit(",", 1)[1] for line in lines[1:]] == ["True", "", "False"], lines


def test_every_palette_colour_has_one_hue_family_and_no_family_names_another_colour() -> None:
    """HUE_FAMILIES repeats the palette's colours by hue (review before stop): a colour added to the palette
    without a family would count as a hue of its own, and two lines could share a hue again."""
    listed = [c for colours in theme.HUE_FAMILIES.values() for c in colours]
    assert sorted(listed) == sorted(theme.PALETTE)  # each palette colour exactly once, nothing else


def test_a_few_months_carry_their_counts_on_their_bars() -> None:
    """QA rounds twenty and twenty-one: under one month (2025-07 on the real samples: 4 dated postings) or
    French, Postings per month drew one bar to near the plot's top with no label, its count read from the
    axis or the hover. A year or less of months carries each count above its bar, clear of the plot's top;
    more months would crowd their labels (the hover says each; the tallest and the last carry theirs)."""
    from analytics.figures import overview

    one = overview.per_month(pd.DataFrame({"month": pd.to_datetime(["2025-07-01"]), "postings": [4]}))
    bar = one.data[0]
    assert list(bar.text) == ["4"] and bar.textposition == "outside" and bar.cliponaxis is False
    assert one.layout.yaxis.range[1] >= 4 * 1.12  # the label's room above the bar
    year = pd.date_range("2024-01-01", periods=12, freq="MS")
    twelve = overview.per_month(pd.DataFrame({"month": year, "postings": [1_234, *range(11)]}))
    assert list(twelve.data[0].text)[:2] == ["1,234", "0"]
    many = pd.date_range("2020-01-01", periods=13, freq="MS")
    # more: the tallest bar and the last month with postings carry theirs (QA round twenty-three), here one
    assert [t for t in overview.per_month(pd.DataFrame({"month": many, "postings": range(13)})).data[0].text
            if t] == ["12"]


def _marker_size(fig: go.Figure, skill: str, month: str, share: float) -> float:
    """The size of the marker drawing ``skill``'s point at (month, share)."""
    for tr in fig.data:
        if tr.name != skill or tr.customdata is None:
            continue
        for i, (x, y) in enumerate(zip(tr.x, tr.y)):
            if str(x)[:10] == month and y == y and y is not None and abs(y - share) < 1e-12:
                size = tr.marker.size
                return float(size[i] if isinstance(size, tuple | list) else (size or 6))
    raise AssertionError(f"no point of {skill} at {month}, {share}")


def test_points_lying_on_another_skill_s_are_drawn_as_rings_around_it() -> None:
    """QA round twenty-three left: in a still export the trend's points under another skill's were found only
    in its data file (German postings: five skills in the legend, three points). Each skill drawn before
    another on the same point is a larger marker behind it, a ring in its colour, its value unmoved."""
    df = _frame([
        ("2025-01-01", "Java", 3, 9), ("2025-01-01", "Agile", 3, 9), ("2025-01-01", "Go", 3, 9),  # small
        ("2025-02-01", "Java", 50, 100), ("2025-02-01", "Agile", 50, 100), ("2025-02-01", "Go", 20, 100)])
    fig = skills.trend(df)
    small = [_marker_size(fig, s, "2025-01-01", 3 / 9) for s in ("Java", "Agile", "Go")]
    solid = [_marker_size(fig, s, "2025-02-01", 0.5) for s in ("Java", "Agile")]
    assert small[0] > small[1] > small[2] == 9  # drawn in this order: the last on top at its own size
    assert solid[0] > solid[1] and _marker_size(fig, "Go", "2025-02-01", 0.2) == solid[1]  # Go alone there
    assert fig.layout.legend.itemsizing == "constant"  # the legend's markers one size, rings or not
