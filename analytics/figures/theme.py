"""Colours and number formats shared by every chart (the app and the exports).

Why: a skill must have the same colour on every chart, in the light and the dark theme,
and numbers must read the same everywhere (thousands separators, units on axes). The
colour of a skill is a hash of its name into one qualitative palette, so it is stable
across pages, filters and runs without a table to maintain. It lives in analytics/ (no
streamlit) so that the cron report draws the very same figures as the pages.
"""

from __future__ import annotations

import base64
import copy
import hashlib
import math
import re
import textwrap
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
import plotly.colors as pc
import plotly.graph_objects as go

from analytics.filters import ALL_LEVELS, SENIOR_LEVELS
from analytics.queries import MIN_N  # the one sample-size rule: fewer postings -> greyed/hatched with n

# Mid-lightness qualitative colours that read on white and on Streamlit's dark background.
PALETTE: tuple[str, ...] = (
    "#4C78A8", "#F58518", "#E45756", "#72B7B2", "#54A24B", "#EECA3B", "#B279A2", "#FF9DA6",
    "#9D755D", "#BAB0AC", "#1F9E89", "#D67195", "#6A8FD8", "#E17C05", "#8CBF3F", "#C06C84",
    "#3D9DF2", "#F2A93B", "#A05EB5", "#5FB3A1",
)
SEQUENTIAL = "Blues"
DIVERGING = "RdBu"
SEQUENTIAL_SCALE = [list(step) for step in pc.get_colorscale(SEQUENTIAL)]
DIVERGING_SCALE = [list(step) for step in pc.get_colorscale(DIVERGING)]

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
# One colour per seniority level, whatever levels a filter keeps: a chart coloured by level took the
# palette by a level's place among those kept (staff orange by default, blue alone; QA round sixteen). The
# senior levels keep the colours the default view drew (the palette's first, in their order); the others
# take colours of the palette no senior level has (junior, mid, unspecified: purple, brown, pink), never the
# small-sample grey.
LEVEL_COLORS: dict[str, str] = {
    **dict(zip(SENIOR_LEVELS, PALETTE)),
    **dict(zip([lv for lv in ALL_LEVELS if lv not in SENIOR_LEVELS], (PALETTE[6], PALETTE[8], PALETTE[7]))),
}
SMALL_COLOR = "#BAB0AC"  # figures from fewer than MIN_N postings
# how bars keeping a colour that means something (mark_bars color=None) mark a small sample, in the note
HATCHED_NOTE = "hatched in their colours, their n on hover"
SMALL_PATTERN = "/"
SMALL_SHADOW = "auto"  # the outline of a label on a bar hatched in its own colour (mark_bars color=None)
# A grey small-sample bar's stripes and label (mark_bars): the label contrasts 7.5:1 with the grey and 4.7:1
# with the stripes (WCAG AA asks 4.5), which still show on the grey (1.6:1). QA round fifteen: Plotly's #444
# label with a white outline over #555 stripes read as white on grey, low in contrast.
SMALL_STRIPES = "#8C8C8C"
SMALL_LABEL = "#222222"
# ... and the label's halo inside a grey bar: the bar's own grey, so the stripes stop short of the glyphs
# (QA round eighteen: "$44,540 (n=6)" crossed by the stripes at 1,280 px) and no third colour lies under the
# text (round fifteen's white outline read as a white label)
SMALL_HALO = f"0 0 2px {SMALL_COLOR}, 0 0 2px {SMALL_COLOR}, 0 0 3px {SMALL_COLOR}"
COLOR_STRIPES = "#555555"  # the stripes over a bar keeping its own colour
SMALL_MARK = " ⚠"


def is_small(n: float | int | None) -> bool:
    """True for a figure that fewer than MIN_N (but some) postings stand behind."""
    return not _missing(n) and 0 < float(n) < MIN_N  # type: ignore[arg-type]


def share_of(count: float | int, total: float | int) -> float | None:
    """``count``'s share of ``total`` for a bar label, None (count only) when fewer than MIN_N postings
    stand behind the total: "1 (100%)" from one posting is a share from a tiny sample without a caution."""
    return None if not total or is_small(total) else float(count) / float(total)


def small_mark(n: float | int | None) -> str:
    """The mark appended to a single figure (a KPI) from a small sample."""
    return SMALL_MARK if is_small(n) else ""


def one_posting(n: float | int | None) -> bool:
    """True for a figure exactly one posting stands behind: a median or a share of one posting is that
    posting's own figure, not the market's."""
    return not _missing(n) and float(n) == 1  # type: ignore[arg-type]


def kpi(text: str, n: float | int | None) -> str:
    """A headline figure as shown: "–" from one posting (one_posting; the note beside it gives the
    posting's figure), else with its small-sample mark. Get in IT's one salary read "Median salary
    $81,921 ⚠" (QA round twenty-two's seen and left)."""
    return "–" if one_posting(n) else text + small_mark(n)


ONE_POSTING_NOTE = "A figure from one posting is that posting's own, not a median or share of many: left out"


# The palette's colours by hue: two skills of one chart never share one (QA round seventeen: a hash into 20
# colours gave React and TypeScript one pink, Agile and JavaScript two purples, about two trends in five)
HUE_FAMILIES: dict[str, tuple[str, ...]] = {
    "blue": ("#4C78A8", "#6A8FD8", "#3D9DF2"), "orange": ("#F58518", "#E17C05", "#F2A93B"),
    "red": ("#E45756",), "teal": ("#72B7B2", "#1F9E89", "#5FB3A1"), "green": ("#54A24B", "#8CBF3F"),
    "yellow": ("#EECA3B",), "purple": ("#B279A2", "#A05EB5"), "pink": ("#FF9DA6", "#D67195", "#C06C84"),
    "brown": ("#9D755D",), "grey": ("#BAB0AC",),
}
_HUE = {c: family for family, colours in HUE_FAMILIES.items() for c in colours}


def hue_family(color: str) -> str:
    """The hue a palette colour belongs to ("blue" ...); another colour is its own. Pure."""
    return _HUE.get(color.upper(), color)


def _skill_slot(skill: str) -> int:
    digest = hashlib.sha1(skill.strip().lower().encode("utf-8")).hexdigest()
    return int(digest, 16) % len(PALETTE)


def skill_color(skill: str) -> str:
    """A skill's own colour: a hash of its name into the palette, past the small-sample grey."""
    slot = _skill_slot(skill)
    return PALETTE[(slot + 1) % len(PALETTE)] if PALETTE[slot] == SMALL_COLOR else PALETTE[slot]


def skill_colors(skills: Iterable[str]) -> dict[str, str]:
    """The colours of one chart's skills, in order: each its own (skill_color, stable over filters and
    pages) unless an earlier skill holds that hue; then the next colour in the palette of a hue still free
    (with more skills than hues, of a colour still free). Never the small-sample grey."""
    out: dict[str, str] = {}
    for s in skills:
        start = PALETTE.index(skill_color(s))
        order = [c for c in (PALETTE[(start + i) % len(PALETTE)] for i in range(len(PALETTE)))
                 if c != SMALL_COLOR]
        hues = {hue_family(c) for c in out.values()}
        out[s] = next((c for c in order if hue_family(c) not in hues),
                      next((c for c in order if c not in out.values()), order[0]))
    return out


# --- the charts' own Plotly template -------------------------------------------------------------
# Why our own: Streamlit's chart theme (st.plotly_chart's theme="streamlit") is applied in the browser,
# from Streamlit's colours, so the app, the report and the exports each looked different and Plotly
# Express figures carried its placeholder colours ("#000001"). Drawn with theme=None (tried for speed:
# docs/performance.md, page ready), a chart lost what that theme gave it - axes that make room for their tick
# labels and titles (automargin), the app's font and sizes, readable colours on a light or dark page - and
# its labels were cut. This template gives those back from the server, once for the app, the report and the
# exports alike (one source of truth).

FONT = '"Source Sans", "Source Sans Pro", sans-serif'  # the app's font (Streamlit serves it); else sans
FONT_SIZE = 12  # ticks, legends, hover texts, value labels (Streamlit's chart text)
AXIS_TITLE_SIZE = 14
TITLE_SIZE = 16
X_TITLE_STANDOFF = 16  # px between the x tick labels and the axis title (the exports reserve it too)


@dataclass(frozen=True)
class Ink:
    """The colours a chart's text and lines take on one page background."""

    text: str  # titles, legends, value labels outside bars
    ticks: str  # tick labels (a little softer than text)
    grid: str
    zero: str  # zero lines, axis ticks
    page: str  # the page's background: hover boxes are drawn on it
    border: str


# Streamlit's own light and dark colours (bodyText, gray shades, bgColor), so charts sit in the page.
LIGHT = Ink(text="#31333F", ticks="#555867", grid="#E6EAF1", zero="#BFC5D3", page="#FFFFFF", border="#D5DAE5")
DARK = Ink(text="#FAFAFA", ticks="#D5DAE5", grid="#31333F", zero="#6B6F7E", page="#0E1117", border="#555867")


def template(ink: Ink = LIGHT) -> go.layout.Template:
    """Our Plotly template on a page of ``ink``'s background (see above). Backgrounds stay transparent
    (``style``) so the page shows through; exports set white (analytics.export.images.prepare)."""
    tick = {"color": ink.ticks, "size": FONT_SIZE, "family": FONT}
    axis_title = {"font": {"color": ink.text, "size": AXIS_TITLE_SIZE, "family": FONT}}
    axis = {"automargin": True, "tickfont": tick, "gridcolor": ink.grid, "zerolinecolor": ink.zero,
            "linecolor": ink.grid, "tickcolor": ink.zero, "ticks": "", "minor": {"gridcolor": ink.grid}}
    colorbar = {"thickness": 16, "outlinewidth": 0, "ticklabelposition": "outside", "tickfont": tick,
                "title": {"font": {"color": ink.text, "size": FONT_SIZE, "family": FONT}}}
    return go.layout.Template(
        layout={
            "font": {"family": FONT, "size": FONT_SIZE, "color": ink.text},
            "colorway": list(PALETTE),
            "colorscale": {"sequential": SEQUENTIAL_SCALE, "sequentialminus": SEQUENTIAL_SCALE,
                           "diverging": DIVERGING_SCALE},
            "title": {"font": {"size": TITLE_SIZE, "color": ink.text, "family": FONT}, "x": 0,
                      "xanchor": "left"},
            # tick labels and axis titles take the room they need, whatever the explicit margins say
            "xaxis": {**axis, "showgrid": False, "zeroline": False,
                      "title": {**axis_title, "standoff": X_TITLE_STANDOFF}},
            "yaxis": {**axis, "ticklabelposition": "outside", "title": {**axis_title, "standoff": 20}},
            "margin": {"pad": 8},
            "hoverlabel": {"bgcolor": ink.page, "bordercolor": ink.border, "align": "left",
                           "font": {"color": ink.text, "family": FONT, "size": FONT_SIZE}},
            "legend": {"font": {"size": FONT_SIZE, "color": ink.text}, "valign": "top",
                       "bgcolor": "rgba(0,0,0,0)", "borderwidth": 0,
                       "title": {"font": {"size": FONT_SIZE, "color": ink.text}, "side": "top"}},
            "coloraxis": {"colorbar": colorbar},
            "geo": {"bgcolor": "rgba(0,0,0,0)", "lakecolor": "rgba(0,0,0,0)"},
        },
        data={"choropleth": [{"colorbar": colorbar}], "heatmap": [{"colorbar": colorbar}],
              "scatter": [{"marker": {"line": {"width": 0}}}]},
    )


TEMPLATE = template(LIGHT)
DARK_TEMPLATE = template(DARK)
_TEMPLATE_PROPS = TEMPLATE.to_plotly_json()  # what Plotly stores when TEMPLATE is set (style)


def style(fig: go.Figure, *, x: str | None = None, y: str | None = None, height: int = 380) -> go.Figure:
    """Our template (light; the app swaps in the dark one on a dark page, ui.chart.drawn), transparent
    background (the page shows through), units on axes, thousands separators.
    ``x``/``y`` None keeps plotly's title (the column name); "" hides it where the categories speak for
    themselves (skill names, reasons), so no column name such as ``reason`` reaches a reader.

    Written straight into the figure's layout dict, as Plotly's ``update_layout(template=TEMPLATE, ...)``
    and ``update_xaxes``/``update_yaxes`` would leave it (tests/test_chart_template.py compares the two on
    every chart): through Plotly's setters, each figure copied and validated our template object again and
    went through three batch updates - about 8 ms of a top-skills chart's 12 ms build, on the chain a new
    view's sessions wait for (docs/performance.md, branch h12e). The values are constants Plotly accepts."""
    layout: dict[str, Any] = fig._layout  # the dict fig.layout reads and writes through (plotly 7)
    layout["template"] = copy.deepcopy(_TEMPLATE_PROPS)  # each figure its own, as Plotly's setter copies
    # in the order Plotly's update left the keys (nested ones first), so the JSON is the same text
    layout.setdefault("margin", {}).update({"l": 10, "r": 10, "t": 30, "b": 10})
    layout.setdefault("legend", {}).setdefault("title", {})["text"] = ""
    layout.setdefault("uniformtext", {}).update({"minsize": 11, "mode": "show"})
    layout["paper_bgcolor"] = layout["plot_bgcolor"] = "rgba(0,0,0,0)"
    layout["height"] = height
    layout["separators"] = ".,"
    for axis, title in (("xaxis", x), ("yaxis", y)):
        if title is not None:  # every axis of the kind, as update_xaxes: the first always, the others set
            pattern = _AXES[axis]
            for name in [axis, *sorted((k for k in layout if k != axis and pattern.fullmatch(k)),
                                       key=lambda k: int(k[len(axis):]))]:
                layout.setdefault(name, {}).setdefault("title", {})["text"] = title
    return fig


def _missing(value: float | int | None) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def fmt_int(value: float | int | None) -> str:
    return "–" if _missing(value) else f"{round(float(value)):,}"  # type: ignore[arg-type]


def fmt_usd(value: float | int | None) -> str:
    return "–" if _missing(value) else f"${round(float(value)):,}"  # type: ignore[arg-type]


def fmt_signed_usd(value: float | int | None) -> str:
    """"+$5,000", "-$1,200", "$0": whole dollars with a sign."""
    if _missing(value):
        return "–"
    v = round(float(value))  # type: ignore[arg-type]
    return f"{'+' if v > 0 else '-' if v < 0 else ''}${abs(v):,}"


def counted(k: int, one: str = "posting", many: str = "postings") -> str:
    """"1 posting", "1,200 postings": a count with its noun, singular for one (QA round nine)."""
    return f"{k:,} {one if k == 1 else many}"


def postings_that(k: int, verb: str, that: bool = False) -> str:
    """"1 posting states a salary", "4 postings state a salary" (``that``: "1 posting that states ..."):
    a count of postings with a verb in the plural ("state ...") agreeing with it (QA round nineteen: a
    headline's help read "Only 1 postings state a salary"). Pure."""
    if k == 1:
        first, _, rest = verb.partition(" ")
        verb = f"{first}s {rest}".rstrip()
    return f"{k:,} {'posting' if k == 1 else 'postings'} {'that ' if that else ''}{verb}"


def n_text(n: int, unit: str = "postings") -> str:
    """ "n = 1,204 postings", "n = 1 posting": the sample size with its unit, singular for one."""
    if n == 1:
        *head, last = unit.split()
        # "salaries" -> "salary" (QA round twenty-three: "n = 1 salarie"), "postings" -> "posting"
        last = last[:-3] + "y" if last.endswith("ies") else last.removesuffix("s")
        unit = " ".join((*head, last))
    return f"n = {n:,} {unit}"


NO_CHANGE = "±"  # the sign of a change that rounds to zero


def no_change(text: str | None) -> bool:
    """Whether a change_text reads as no change ("±0 (dated: 4 -> 4)"): shown without an arrow."""
    return text is not None and text.startswith(NO_CHANGE)


def change_text(dated: float, previous: float, fmt_value: Callable[[float], str],
                fmt_delta: Callable[[float], str], *, undated: int) -> str:
    """A KPI's change, dated postings against the period before. Why: when the KPI's value also counts
    postings without a date, the change alone ("704, +11") reads as a change of that value; the dated
    figures it compares are named then. The sign stays first: Streamlit points the arrow by it. A change
    that rounds to nothing reads "±0" ("±0.0 pts"), not "+0" beside an up arrow (QA round twenty-one; the
    caller turns the arrow off: ``no_change``)."""
    change = fmt_delta(dated - previous)
    if change[:1] in "+-" and not any(c in "123456789" for c in change):
        change = NO_CHANGE + change[1:]
    if undated > 0:
        return f"{change} (dated: {fmt_value(previous)} -> {fmt_value(dated)})"
    return change


def fmt_pct(value: float | int | None, digits: int = 1) -> str:
    return "–" if _missing(value) else f"{float(value) * 100:.{digits}f}%"  # type: ignore[arg-type]


def fmt_years(value: float | int | None) -> str:
    return "–" if _missing(value) else f"{float(value):,.1f} years"  # type: ignore[arg-type]


def fmt_years_short(value: float | int | None) -> str:
    """"5 years", "9.5 years", "1 year": the value to a tenth, without a trailing ".0" (a bar's label must
    say its height: "10 years" on a bar of 9.5 did not)."""
    if _missing(value):
        return "–"
    v = round(float(value), 1)  # type: ignore[arg-type]
    return f"{v:g} {'year' if v == 1 else 'years'}"


ONE_POSTING = "n=1: no median"  # a median chart's label of a group of one posting, drawn without a bar


def median_label(figure: str, n: Any) -> str:
    """A median bar's label: "$81,921 (n=12)", or ONE_POSTING for a group of one posting (no bar)."""
    return ONE_POSTING if int(n) < 2 else f"{figure} (n={int(n):,})"


def median_bar(d: Any, x: str, text: list[str], hovertemplate: str, *,
               horizontal: bool = False) -> go.Bar:
    """Bars of ``d["median"]`` per ``x`` with whiskers from the 25th to the 75th percentile; the hover
    template reads customdata [x, n, p25, p75]. ``horizontal``: the groups as rows (``x`` on the y axis,
    the hover template's %{x} and %{y} swapped), for more groups than labels fit side by side. A group of
    one posting has no whisker: a tick from its figure to itself drew a spread one posting does not have (QA
    round twenty-nine). Its whisker is the text "NaN", which plotly.js reads as no number and skips; a float
    NaN reaches the browser as JSON null, which plotly.js reads as 0 and draws. Nor a bar (lead ruling 2 on
    hqa41): the builders' ``text`` says so (ONE_POSTING)."""
    one = list(d["n"] < 2)

    def spread(values: Any) -> list[Any]:
        return ["NaN" if single else float(v) for v, single in zip(values, one)]

    whiskers = {"type": "data", "symmetric": False, "array": spread(d["p75"] - d["median"]),
                "arrayminus": spread(d["median"] - d["p25"]), "color": "#666666"}
    # a group of one posting draws no bar either: its figure is that posting's, not a median (lead ruling 2 on
    # hqa41: "$81,921 (n=1)" stood as the median of German managers); the chart's note names it with its
    # figure (analytics.figures.small_note, ChartDef.one_figure), its tick stays. None reaches plotly.js as
    # null, which a bar reads as no bar
    medians = [None if single else float(m) for m, single in zip(d["median"], one)]
    if horizontal:
        swapped = hovertemplate.replace("%{x", "%{_").replace("%{y", "%{x").replace("%{_", "%{y")
        return go.Bar(y=d[x], x=medians, orientation="h", customdata=d[[x, "n", "p25", "p75"]].to_numpy(),
                      error_x=whiskers, text=text, textposition="inside", textangle=0,
                      insidetextanchor="start", hovertemplate=swapped)
    return go.Bar(
        x=d[x], y=medians, customdata=d[[x, "n", "p25", "p75"]].to_numpy(), error_y=whiskers,
        text=text, textposition="inside", insidetextanchor="start", hovertemplate=hovertemplate,
    )


def unbarred(fig: go.Figure, groups: Sequence[Any], n: Sequence[Any], *,
             horizontal: bool = False, write: bool = True) -> go.Figure:
    """A median chart's groups of one posting (median_bar draws them no bar): ONE_POSTING written at the
    foot of each one's tick, where a bar's label would be (a label on a bar of no value is not drawn: seen
    in Chromium under German postings, hqa42); where no group has a bar, the value axis shows no numbers (an
    axis from -1 to 4 read as a scale of dollars). ``write`` False: the axis only (a narrow window's rows,
    whose names carry ONE_POSTING: theme.named_rows)."""
    single = [g for g, k in zip(groups, n) if not _missing(k) and int(k) < 2]
    for g in single if write else []:
        at = {"x": 0, "y": g, "xanchor": "left"} if horizontal else {"x": g, "y": 0, "yanchor": "bottom"}
        fig.add_annotation(text=ONE_POSTING, showarrow=False, font={"size": 12}, **at)  # the theme's ink
    if single and len(single) == len(list(groups)):
        value_axis = fig.update_xaxes if horizontal else fig.update_yaxes
        value_axis(showticklabels=False, showgrid=False, range=[0, 1], autorange=False)
    return fig


def labels_fit(fig: go.Figure) -> go.Figure:
    """Bar labels that do not fit their bar at the smallest size (11 px) are left out, not drawn over
    their neighbours: at a phone's width (390 px) the fifteen bars of years required are narrower than
    "234 (45%)" and the labels ran into each other (QA round ten). Each bar's hover still says it; in a
    wider window every label fits and shows. Call after ``style`` (it sets the template's "show")."""
    fig._layout["uniformtext"]["mode"] = "hide"
    return fig


ROW_PX = 24  # a row of count_rows: a 12-px label beside its bar
# the most count bars built for a narrow window side by side: more lie as rows (count_rows); QA round
# sixteen: at 390 px eleven and fourteen bars of about 17 px held no label. One rule for every such chart
ROWS_AFTER = 8


def count_rows(labels: Sequence[str], counts: Sequence[float], *, customdata: Any, hovertemplate: str,
               x: str, y: str) -> go.Figure:
    """Counts as bars lying in rows, top down, each labelled "1,429 (86%)" on one line past its end, the
    right margin as wide as the longest label (edge_room): for a narrow window (ui/narrow.py) where more
    categories stand side by side than their bars hold a label - at 390 px "Years required"'s 14 bars and
    the source mix's 11 were about 17 px wide, and no count fits that, not even on two lines (QA round
    sixteen); a row is the chart's width. Styled (``x``, ``y``: the axis titles)."""
    values = [float(c) for c in counts]
    total = sum(values)
    text = [count_label(c, share_of(c, total)) for c in values]
    fig = go.Figure(go.Bar(x=values, y=list(labels), orientation="h", customdata=customdata,
                           marker_color=ONE_COLOR, text=text, textposition="outside", textangle=0,
                           cliponaxis=False, hovertemplate=hovertemplate))
    integer_axis(fig, "x")
    # categories as written ("15+" beside "14"), the first on top as a reader meets them
    fig.update_yaxes(type="category", autorange="reversed")
    return edge_room(style(fig, x=x, y=y, height=max(300, ROW_PX * len(values) + 90)), text, values)


TWO_LINE_ROW_PX = 36  # a row of named_rows: its two-line label (a name over a value)
# a long name's line at a phone's width (wrap_name): "Data Structures and Algorithms" in one line took 60% of
# the premium's chart and left the pairs heatmap about 115 px (QA round twenty-three)
NAME_LINE_CHARS = 16


def wrap_name(name: object) -> str:
    """``name`` for a narrow chart's axis: lines of at most NAME_LINE_CHARS characters, broken between words
    only ("Event-Driven" stays whole; a longer word keeps its line), as text (as_text). Pure."""
    lines = textwrap.wrap(str(name), NAME_LINE_CHARS, break_long_words=False, break_on_hyphens=False)
    return "<br>".join(as_text(line) for line in lines or [""])


def named_rows(fig: go.Figure, names: Sequence[str], labels: Sequence[str], *, x: str) -> go.Figure:
    """Horizontal bars (trace 0, one per name, bottom to top) for a narrow window, each row labelled with its
    name over its value ("Azure Kubernetes Service" / "-$7,062 (n=1)"), nothing past the bars: beside the
    names, the value labels outside bars on both sides of zero took a phone's chart and cut the longest names
    (QA round seventeen: "zure Kubernetes Service", bars in 30 px). The hover names the row by
    customdata[0]. Styled (``x``: the value axis title)."""
    tr = fig.data[0]
    tr.y = [f"{wrap_name(n)}<br>{label}" for n, label in zip(names, labels)]
    lines = max([str(y).count("<br>") + 1 for y in tr.y] or [2])
    tr.text = None
    tr.hovertemplate = tr.hovertemplate.replace("%{y}", "%{customdata[0]}")
    whiskers = tr.error_x.array if tr.error_x is not None and tr.error_x.array is not None else None
    if whiskers is not None and fig.layout.xaxis.range is None:
        # Plotly ranged the rows to their last whisker's end, its cap half cut at the plot's edge (QA round
        # twenty-two: 5 years, the most the bands count): a little room past it
        ends = [float(v) + float(w) for v, w in zip(tr.x, whiskers) if not _missing(v) and not _missing(w)]
        top = max([*ends, *(float(v) for v in tr.x if not _missing(v)), 0.0])
        if top > 0:
            fig.update_xaxes(range=[0, top * (1 + HEADROOM)], autorange=False)
    return style(fig, x=x, y="", height=max(rows_height(len(names), 0),
                                            TWO_LINE_ROW_PX * lines // 2 * len(names) + 90))


ROWS_FLOOR = 320  # px: a chart of rows (horizontal bars) is at least this tall once it has five rows
FEW_ROWS_PX = (130, 40)  # px: a chart of fewer rows is this much plus this much a row


def rows_height(n: int, per_row: int = 24) -> int:
    """A chart of ``n`` horizontal bars: ``per_row`` px a row, at least ROWS_FLOOR - but a few rows get a
    shorter chart (170 px for one, 40 more a row): under the floor alone one bar was drawn about 180 px
    thick (the movers under Portuguese postings, QA round twenty-eight). Pure."""
    return max(per_row * n, min(ROWS_FLOOR, FEW_ROWS_PX[0] + FEW_ROWS_PX[1] * n))


LABEL_CHAR_PX = 6.5  # an upper bound of a 12 px Source Sans character's width (digits are about 6.1)


def edge_room(fig: go.Figure, labels: Iterable[str], values: Iterable[float]) -> go.Figure:
    """A right margin as wide as the longest label drawn past a positive bar (``textposition="outside"``,
    ``cliponaxis=False``): the share ``room_for_labels`` keeps past the longest bar is a share of the plot,
    and at a phone's width (390 px) the plot is a third of its desktop width while a label keeps its
    pixels, so "418 (26%)" on the top skill was cut at the edge (QA round ten); likewise the category
    names stand off by the longest label left of a negative bar. Call after ``style`` (it sets the
    margins)."""
    pairs = [(len(str(t)), float(v)) for t, v in zip(labels, values) if not _missing(v)]
    right = [w for w, v in pairs if v > 0]
    left = [w for w, v in pairs if v < 0]
    if right:
        margin = fig._layout.setdefault("margin", {})
        margin["r"] = max(int(margin.get("r", 10)), math.ceil(max(right) * LABEL_CHAR_PX) + 4)
    if left:  # a label left of a negative bar ran into the category names: they stand off by its width
        fig._layout.setdefault("yaxis", {})["ticklabelstandoff"] = math.ceil(max(left) * LABEL_CHAR_PX)
    return fig


def room_for_labels(fig: go.Figure, values: Iterable[float], axis: str = "x",
                    share: float = 0.3) -> go.Figure:
    """Labels drawn outside bars (``textposition="outside"``) need room past the longest bar on each side
    that has bars; Plotly does not make it, so a label was cut at the chart's edge or ran into the
    category names. The value axis is widened by ``share`` of the span on each such side."""
    vals = [float(v) for v in values if not _missing(v)]
    if not vals:
        return fig
    lo, hi = min(0.0, *vals), max(0.0, *vals)
    span = (hi - lo) or 1.0
    rng = [lo - share * span if lo < 0 else lo, hi + share * span if hi > 0 else hi]
    (fig.update_xaxes if axis == "x" else fig.update_yaxes)(range=rng, autorange=False)
    return fig


# --- the sample-size rule on figures -----------------------------------------------------------

def as_text(value: object) -> str:
    """``value`` for a Plotly label or hover text, shown as written: Plotly draws <a href>, <b>, <br> there,
    so a name from a loaded file holding '<a href="https://...">' became a live link in the chart. Pure."""
    return str(value).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def small_flags(n: Iterable[float | int | None]) -> list[bool]:
    return [is_small(v) for v in n]


def mark_bars(fig: go.Figure, n: Iterable[float | int | None], trace: int = 0,
              color: str | None = ONE_COLOR) -> go.Figure:
    """Bars of ``trace`` (in the frame's order) from fewer than MIN_N postings: grey and hatched.

    ``color=None`` keeps the trace's own colour (where colour means something) and only hatches."""
    flags = small_flags(n)
    tr = fig.data[trace]
    base = color or (tr.marker.color if isinstance(tr.marker.color, str) else ONE_COLOR)
    tr.marker.color = [SMALL_COLOR if s and color else base for s in flags]
    tr.marker.pattern = {"shape": [SMALL_PATTERN if s else "" for s in flags],
                         "fgcolor": SMALL_STRIPES if color else COLOR_STRIPES,
                         "solidity": 0.3, "fillmode": "overlay"}
    tr.marker.line = {"color": [SMALL_COLOR if s else base for s in flags], "width": 1}
    if color:
        # a grey bar's label: dark on the grey and its light stripes, no outline (see SMALL_STRIPES); the
        # others keep the colour Plotly gives a label inside a bar of theirs (white on a dark one)
        tr.insidetextfont.color = [SMALL_LABEL if s else _inside_ink(base) for s in flags]
        tr.insidetextfont.shadow = [SMALL_HALO if s else "none" for s in flags]  # inside the grey only
        tr.textfont.shadow = ["none"] * len(flags)
        return fig
    # a label inside a bar hatched in its own colour crossed its stripes and was hard to read (browser QA on
    # the real samples): Plotly's "auto" shadow outlines each such label in the colour contrasting its own,
    # whatever the bar's colour, the page's theme or whether the label fell inside or outside
    tr.textfont.shadow = [SMALL_SHADOW if s else "none" for s in flags]
    return fig


def _inside_ink(color: str) -> str:
    """The colour Plotly draws a label inside a bar of ``color`` in (its Color.contrast: white on a dark bar
    by tinycolor's brightness, else its default line colour). Pure."""
    r, g, b = (int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return "#FFFFFF" if (r * 299 + g * 587 + b * 114) / 1000 < 128 else "#444444"


def _small_look(flags: Sequence[bool], base: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """mark_bars(..., color=None)'s marker and text font for bars of colour ``base``, as plain dicts."""
    return ({"color": [base] * len(flags),
             "pattern": {"shape": [SMALL_PATTERN if s else "" for s in flags], "fgcolor": COLOR_STRIPES,
                         "solidity": 0.3, "fillmode": "overlay"},
             "line": {"color": [SMALL_COLOR if s else base for s in flags], "width": 1}},
            {"shadow": [SMALL_SHADOW if s else "none" for s in flags]})


def group_bars(df: Any, *, x: str, y: str, color: str, custom_data: Sequence[str], n: str, hovertemplate: str,
               order: Sequence[str] = (), barmode: str = "relative", colors: Mapping[str, str] | None = None
               ) -> go.Figure:
    """Bars coloured by ``color``, a trace per group, each bar hatched by ``n`` (mark_bars, colour kept):
    the figure ``px.bar(df, x=x, y=y, color=color, barmode=barmode, custom_data=custom_data,
    category_orders={color: order}, template=TEMPLATE)`` then ``update_traces(hovertemplate=...)`` and
    ``mark_bars(fig, n, trace=i, color=None)`` per trace made - its traces and layout, the template left to
    ``style`` - drawn from plain dicts. Why: Plotly Express's own work was most of these charts' build
    (39-46 ms of a new view's server CPU for "beyond code" and the remote mix); tests/test_figures_px.py
    compares the JSON with Plotly Express's on the tiny warehouse and edge frames. ``colors``: a group's
    fixed colour (px's ``color_discrete_map``; LEVEL_COLORS), else its slot's in the palette."""
    d = df[df[color].notna()]  # Plotly Express leaves out rows without a group (when there are others)
    # Plotly Express's colours go by the place in ``order`` followed by the frame's values, missing ones
    # included: a group takes its slot there even when the groups before it are absent; with fixed colours
    # (its color_discrete_map) the other groups take the slots after the mapped ones, in that order
    fixed = dict(colors or {})
    slots = {g: i for i, g in enumerate(dict.fromkeys([*order, *pd.unique(df[color])]))}
    free = {g: len(fixed) + i for i, g in enumerate(g for g in slots if g not in fixed)}
    present = set(d[color])
    groups = [g for g in slots if g in present]
    grouped = dict(tuple(d.groupby(color, sort=False))) if groups else {}
    layout: dict[str, Any] = {"xaxis": {"anchor": "y", "domain": [0.0, 1.0], "title": {"text": x}},
                              "yaxis": {"anchor": "x", "domain": [0.0, 1.0], "title": {"text": y}},
                              "legend": ({"title": {"text": color}, "tracegroupgap": 0} if groups
                                         else {"tracegroupgap": 0}),
                              "margin": {"t": 60}, "barmode": barmode}
    traces = []
    for g in groups:
        rows = grouped[g]
        base = fixed[g] if g in fixed else PALETTE[free[g] % len(PALETTE)]
        marker, textfont = _small_look(small_flags(rows[n]), base)
        trace: dict[str, Any] = {"type": "bar"}
        if barmode == "group":
            trace["alignmentgroup"] = "True"
        trace.update({"customdata": rows[list(custom_data)].to_numpy(), "hovertemplate": hovertemplate,
                      "legendgroup": g, "marker": marker, "name": g})
        if barmode == "group":
            trace["offsetgroup"] = g
        trace.update({"orientation": "v", "showlegend": True, "textposition": "auto", "x": rows[x].to_numpy(),
                      "xaxis": "x", "y": rows[y].to_numpy(), "yaxis": "y", "textfont": textfont})
        traces.append(trace)
    return go.Figure(data=traces, layout=layout)


SMALL_LEGEND = (f"hatched bars and open points rest on fewer than {MIN_N} postings each: "
                "read them with care")
OPEN = "circle-open"  # a line's point from fewer than MIN_N postings (mark_points, open_points)
# The legend's key to open points in a chart of several coloured lines (open_points): a neutral grey that no
# line and no small-sample mark has, 3.4:1 on the light page and 5.6:1 on the dark (WCAG 1.4.11 asks 3)
OPEN_KEY = "#8C8C8C"


def has_small_marks(fig: go.Figure) -> bool:
    """Whether mark_bars or mark_points marked anything in ``fig`` (an export then says what it means)."""
    for tr in fig.data:
        marker = getattr(tr, "marker", None)
        if marker is None:
            continue
        shapes = getattr(getattr(marker, "pattern", None), "shape", None)
        if shapes is not None and not isinstance(shapes, str) and any(s == SMALL_PATTERN for s in shapes):
            return True
        if getattr(marker, "symbol", None) == OPEN:  # grey (mark_points) or a line's colour (open_points)
            return True
    # a point chart of medians whose small rows are all of one posting draws no mark, yet its note gives their
    # figures (mark_points ``single``, lead ruling on hqa42 question 2)
    meta = fig.layout.meta
    return isinstance(meta, dict) and bool(meta.get(UNPOINTED))


UNPOINTED = "one_posting_rows"  # the layout meta key: how many rows of one posting a point chart left undrawn


def mark_points(fig: go.Figure, df: Any, x: str, y: str, n: str, *, trace_color: str = ONE_COLOR,
                name: str = "fewer than 30 postings", keys: Sequence[str] = (),
                hovertemplate: str | None = None, single: bool = False) -> go.Figure:
    """Line points from fewer than MIN_N postings: left off the solid line and drawn as open grey
    markers with their n; the line breaks there and over months without data (NaN gaps). ``keys``: the
    chart's drill-down columns, first in customdata (a selection reads customdata[i] as drill[i]; with n
    first, a selected point listed the postings of "month 12"). ``hovertemplate``: the line's, reading
    customdata [*keys, n] (the open point's hover reads as the line's, marked as a small sample); else
    the raw axis values. A line left without a point (every point small) leaves the legend: it named
    "30 or more postings" beside nothing drawn (QA round seventeen). ``single``: a chart of medians, whose
    rows of one posting draw no point at all (lead ruling on hqa42 question 2: "$81,921" of one posting
    stood as a month's median); where no point is left, the value axis shows no numbers (as unbarred's)."""
    ones = [single and one_posting(v) for v in df[n]]
    small = df[[is_small(v) and not one for v, one in zip(df[n], ones)]]
    if any(ones):
        fig.update_layout(meta={UNPOINTED: sum(ones)})
        if small.empty:
            _unpointed_axis(fig)
    if not small.empty:
        for line in fig.data:
            if all(v is None or (isinstance(v, float) and math.isnan(v)) for v in line.y):
                line.showlegend = False
        fig.add_scatter(
            x=small[x],
            y=small[y],
            mode="markers",
            name=f"{name} (n shown on hover)",
            marker={"symbol": OPEN, "color": SMALL_COLOR, "size": 9, "line": {"width": 2}},
            customdata=small[[*keys, n]].to_numpy(),
            hovertemplate=(hovertemplate.replace("<extra></extra>", f"<extra>{name}</extra>") if hovertemplate
                           else f"%{{x}}<br>%{{y}}<br>n = %{{customdata[{len(keys)}]:,}}"
                                "<extra>fewer than 30 postings</extra>"),
            showlegend=True,
        )
    return fig


def _unpointed_axis(fig: go.Figure) -> None:
    """A point chart whose every row is left undrawn (no solid point, none of 2..29): no legend for the empty
    line, no numbers on a value axis of nothing."""
    drawn = [v for line in fig.data for v in (line.y if line.y is not None else ()) if not _missing(v)]
    if drawn:
        return
    for line in fig.data:
        line.showlegend = False
    fig.update_yaxes(showticklabels=False, showgrid=False, range=[0, 1], autorange=False)


def open_points(fig: go.Figure, df: Any, x: str, y: str, n: str, *, by: str, colors: Mapping[str, str],
                customdata: Sequence[str], hovertemplate: str, size: str | None = None) -> go.Figure:
    """Points from fewer than MIN_N postings on a chart of several coloured lines (one per ``by``): left
    off the solid line, as mark_points, but open markers in their line's colour and legend group, so a
    reader tells the lines apart where every point is small (QA round seventeen: under Germany the trend's
    legend named five skills in colours no point carried, every point open grey); one legend entry says
    what an open marker means. ``customdata``: the chart's drill-down columns first; ``size``: a column of
    marker sizes (a point drawn as a ring around another), else 9 px."""
    small = df[[is_small(v) for v in df[n]]]
    if small.empty:
        return fig
    for key, rows in small.groupby(by, sort=False):
        fig.add_scatter(x=rows[x], y=rows[y], mode="markers", name=str(key), legendgroup=str(key),
                        showlegend=False, marker={"symbol": OPEN, "color": colors[key],
                                                  "size": list(rows[size]) if size else 9,
                                                  "line": {"width": 2}},
                        customdata=rows[list(customdata)].to_numpy(),
                        hovertemplate=hovertemplate.replace("<extra></extra>",
                                                            f"<extra>fewer than {MIN_N} postings</extra>"))
    fig.add_scatter(x=[None], y=[None], mode="markers",
                    name=f"open: fewer than {MIN_N} postings (n on hover)",
                    legendgroup="open", showlegend=True,
                    hovertemplate=f"open points rest on fewer than {MIN_N} postings<extra></extra>",
                    marker={"symbol": OPEN, "color": OPEN_KEY, "size": 9, "line": {"width": 2}})
    return fig


def month_gaps(df: Any, month: str = "month", by: str | None = None) -> Any:
    """The frame with a row (values NaN) for each month without data, so lines break over gaps."""
    import pandas as pd

    if df.empty:
        return df
    months = pd.to_datetime(df[month])
    full = pd.date_range(months.min(), months.max(), freq="MS")
    keys = [by] if by else []
    groups = [((), df)] if not by else list(df.groupby(by, sort=False))
    out = []
    for key, g in groups:
        g = g.assign(**{month: pd.to_datetime(g[month])}).set_index(month).reindex(full)
        g.index.name = month
        if by:
            g[by] = key
        out.append(g.reset_index())
    res = pd.concat(out, ignore_index=True)
    return res[
        [c for c in df.columns if c in res.columns]
        + [c for c in res.columns if c not in df.columns and c not in keys]
    ]


SINGLE_BAR_DAYS = 5  # a single month's bar in its 40-day axis: an eighth of the chart's width
MONTH_TICKS_UP_TO = 6  # months: over more, Plotly's own ticks are months (or years) at any chart width


def month_axis(fig: go.Figure, months: Any) -> go.Figure:
    """A month axis ticked by the month. Plotly ranges a single date by milliseconds ("23:59:59.9996 ...
    00:00:00.0004"), so a single month is drawn over 40 days around its first day, ticked "Feb 2018" (its
    bar a column SINGLE_BAR_DAYS wide, its point a point). Over two to six months Plotly ticks weeks in a
    wide chart ("Jan 18, Jan 25, Feb 1": a month's bar read as starting mid-month, QA round fourteen), so
    each month's first day gets its tick and label. More months keep Plotly's own range and ticks, months
    or years at any width. Over two months or more a month's bar spans its own month (Plotly's period
    alignment), and month ticks name the month between them; a year's tick stays at its first day."""
    import pandas as pd

    distinct = pd.to_datetime(pd.Series(months)).dropna().unique()
    if len(distinct) == 1:
        mid = pd.Timestamp(distinct[0])
        pad = pd.Timedelta(days=20)
        fig.update_xaxes(range=[(mid - pad).isoformat(), (mid + pad).isoformat()], tickformat="%b %Y",
                         dtick="M1", tick0=mid.isoformat())
        # a lone bar on a date axis is as wide as Plotly's millisecond guess: a hairline; a month's 25 days
        # were a block across most of the chart (QA round sixteen): a column, as wide as a month's bar
        # among a year's, over the one tick naming its month
        fig.update_traces(width=SINGLE_BAR_DAYS * 86_400_000, selector={"type": "bar"})
    elif len(distinct) > 1:
        first, last = pd.Timestamp(distinct.min()), pd.Timestamp(distinct.max())
        monthly = (last.year - first.year) * 12 + last.month - first.month < MONTH_TICKS_UP_TO
        if monthly:
            fig.update_xaxes(tickformat="%b %Y", dtick="M1", tick0=first.replace(day=1).isoformat())
        # a month's bar spans its month: centred on its first day it spanned half the month before (QA
        # rounds seventeen and eighteen: October's bar from mid-September). Month ticks name the month
        # between them; a year's tick stays at its first day (a year's label in its middle stood right of
        # a few months' bars of that year, as if they were of the year before)
        if any(tr.type == "bar" for tr in fig.data):
            fig.update_traces(xperiod="M1", xperiodalignment="middle", selector={"type": "bar"})
            if monthly:
                fig.update_xaxes(ticklabelmode="period")
    return fig


def colorbar_across(below: bool = True) -> dict[str, Any]:
    """A colour bar laid across the chart, the plot's full width, for a narrow window (ui/narrow.py): beside
    the plot it kept about 80 px of a phone's 358-px chart (QA round fifteen). ``below``: under the plot (a
    map); else above it (a heatmap, whose column names are under it). Plotly makes room for it either way."""
    where = ({"y": -0.02, "yanchor": "top"} if below else {"y": 1.02, "yanchor": "bottom"})
    return {"orientation": "h", "x": 0, "xanchor": "left", "len": 1, "lenmode": "fraction", "thickness": 12,
            "title": {"side": "top"}, **where}


def from_zero(fig: go.Figure) -> go.Figure:
    """A median salary's line on a value axis from zero, as the salary bars: ranged over the data, two
    medians 2% apart filled the chart's height and read as a big difference (QA round seventeen, under
    Germany: $121.5k and $124.3k). Zero and not a minimum span: a dollar figure has a natural zero, and a
    reader compares the lines' heights with the bars' on the same page."""
    return fig.update_yaxes(tickformat=",", rangemode="tozero")


HEADROOM = 0.08  # of the highest point, above it: its marker clear of the plot's top edge
FLOOR_ROOM = 0.04  # of the highest point, below zero where a point is at zero: its marker drawn whole


def headroom(fig: go.Figure, values: Iterable[float | int | None]) -> go.Figure:
    """A value axis from zero (a little below where a point is at zero) to a little above its highest point:
    Plotly's autorange stopped at the top point's marker, which touched the plot's edge (QA round eighteen: a
    trend point at 100%, a salary line's top month). A fixed range (double-click still resets to it); none
    where nothing is drawn."""
    drawn = [float(v) for v in values if v is not None and not _missing(v)]
    top = max(drawn, default=0.0)
    if top > 0:
        # a point at zero: the axis starts a little below it, else its marker's lower half was cut by the
        # plot's floor (QA round twenty: the Skills trend's 0% months); too little room for a tick below 0
        floor = -top * FLOOR_ROOM if min(drawn) <= 0 else 0
        fig.update_yaxes(range=[floor, top * (1 + HEADROOM)], autorange=False)
    return fig


WHOLE_PERCENTS = 0.05  # shares up to this are ticked at a step of their own (percent_axis)


def percent_step(top: float) -> tuple[float, int]:
    """(step, decimals) ticking shares from 0 to ``top`` about four times, at a step of 1, 2 or 5 times a
    power of ten written with as many decimals as tell its ticks apart. Pure."""
    step = 10.0 ** math.floor(math.log10(top / 4))
    step = next(m * step for m in (1, 2, 5, 10) if m * step >= top / 4 * (1 - 1e-9))
    step = max(step, 1e-4)  # a hundredth of a percent
    return step, max(0, -math.floor(math.log10(step * 100) + 1e-9))


def percent_axis(fig: go.Figure, values: Iterable[float | int | None], axis: str = "y") -> go.Figure:
    """Shares on an axis in whole percents; shares all under WHOLE_PERCENTS at a fixed step whose labels
    differ: Plotly ticked shares up to 2% every half percent, and ".0%" wrote them "0% 1% 1% 2% 2%" (QA round
    twenty-two, the French postings' Top skills and trend)."""
    upd = fig.update_yaxes if axis == "y" else fig.update_xaxes
    drawn = [float(v) for v in values if v is not None and not _missing(v)]
    top = max(drawn, default=0.0)
    if not 0 < top < WHOLE_PERCENTS:
        return upd(tickformat=".0%")
    step, decimals = percent_step(top)
    return upd(tickformat=f".{decimals}%", tick0=0, dtick=step)


def integer_axis(fig: go.Figure, axis: str = "y") -> go.Figure:
    """Counts on an axis: whole numbers only (never "0.5 postings")."""
    upd = fig.update_yaxes if axis == "y" else fig.update_xaxes
    upd(tickformat=",d", rangemode="tozero")
    # Plotly picks fractional ticks for small ranges; a step of at least 1 prevents them
    values = []
    for tr in fig.data:
        for v in getattr(tr, axis) if getattr(tr, axis) is not None else []:
            try:
                values.append(float(v))
            except (TypeError, ValueError):
                continue
    if values and max(values) < 10:
        upd(dtick=1)
    return fig


def zero_outside(counts: Iterable[float | int]) -> list[str]:
    """Where each count bar writes its label: above a bar of 0 ("outside"), else Plotly's "auto". Plotly
    leaves the label of a bar of no height off under "auto" and "inside": the empty band between two holding
    postings (a row of 0) drew no "0" beside its neighbours' counts (lead ruling 4 on hqa41). Pure."""
    return ["outside" if not _missing(c) and float(c) == 0 else "auto" for c in counts]


def count_label(count: float | int, share: float | None = None) -> str:
    """"70 (30%)": a count with its share; "1 (<1%)" where a share of postings that exist rounds to 0%."""
    if _missing(count):
        return ""
    text = f"{round(float(count)):,}"
    if share is None or _missing(share):
        return text
    pct = f"{float(share) * 100:.0f}%"
    return f"{text} (<1%)" if pct == "0%" and float(count) > 0 else f"{text} ({pct})"


def n_of(k: int, m: int, one: str, many: str) -> str:
    """"2 of 5 countries rest", "1 of 5 countries rests", "the one country rests" (of one): the "N of M"
    words of the small-sample notes (QA round eight: "1 of 1 countries rest on ..."). Pure (tested)."""
    if m == 1:
        return f"the one {one} rests"
    return f"{k} of {m} {many} {'rests' if k == 1 else 'rest'}"


def small_note(df: Any, n: str) -> str:
    """A caption line for figures drawn under the rule ("" when none is small)."""
    k = sum(is_small(v) for v in df[n]) if n in df.columns else 0
    if not k:
        return ""
    words = n_of(k, len(df), "figure", "figures")
    return (f"{words[:1].upper()}{words[1:]} on fewer than {MIN_N} postings: drawn grey and hatched, "
            "n on hover.")


# --- a template written into the figure (the app's charts) ---------------------------------------------
# Why: Streamlit's chart copies each figure through JSON after its first plot, so the template arrives at
# Plotly a second time as a new object, and a new template makes Plotly compute and draw the whole chart
# again (measured: two full calculations per chart on each page's first view; one without a template).
# Written into the layout and traces instead - the values a template would give, the figure's own winning
# as they do over a template - the chart looks the same and is drawn once. Only what our template holds
# is supported (``bake`` refuses others rather than drop them).
_AXES = {"xaxis": re.compile(r"xaxis\d*"), "yaxis": re.compile(r"yaxis\d*"), "geo": re.compile(r"geo\d*"),
         "coloraxis": re.compile(r"coloraxis\d*")}
_PLAIN_LAYOUT = {"font", "colorway", "colorscale", "title", "margin", "hoverlabel", "legend"}
# axis defaults a template gives without effect unless the axis sets the key named (set on the figure itself,
# Plotly reads them as the user's and draws more: a line colour draws the axis line, a minor grid colour minor
# ticks' settings)
_ONLY_WITH = {"linecolor": "showline", "minor": "minor"}
# a grid or zero-line colour set on the figure turns its line on; from a template it does not, and Plotly
# draws the grid and zero line by default except along the categories of bars (its "oriented" traces)
_ORIENTED = {"bar", "box", "violin", "histogram", "funnel", "waterfall"}
_GEO_TRACES = {"choropleth", "scattergeo"}
_NOT_CARTESIAN = _GEO_TRACES | {"pie", "sunburst", "treemap", "icicle", "sankey", "table", "indicator",
                                "funnelarea", "parcoords", "parcats", "choroplethmap", "scattermap"}


def _under(value: Any, default: Any) -> Any:
    """``value`` with ``default`` filling what it does not set (dicts merged; any other value wins)."""
    if isinstance(value, dict) and isinstance(default, dict):
        return {**{k: _under(value.get(k), v) if k in value else v for k, v in default.items()},
                **{k: v for k, v in value.items() if k not in default}}
    return default if value is None else value


def bake(spec: dict[str, Any], template: dict[str, Any]) -> dict[str, Any]:
    """``spec`` (a figure's dict, its ``layout.template`` ignored) with ``template``'s values written where
    Plotly would apply them: layout defaults, axis defaults to every x/y axis (and to the implicit first
    ones of cartesian traces), geo defaults to every map, colour-axis defaults to every colour axis used,
    a trace type's defaults to its traces (cycled, as Plotly does). No template is left in the result.
    Pure (tested against the templated figure as Plotly draws it, tests/test_chart_template.py)."""
    data = [dict(t) for t in spec.get("data", [])]
    layout = {k: v for k, v in spec.get("layout", {}).items() if k != "template"}
    t_layout = dict(template.get("layout", {}))
    unknown = set(t_layout) - _PLAIN_LAYOUT - set(_AXES)
    if unknown:
        raise ValueError(f"template layout keys not supported: {sorted(unknown)}")
    types = [str(t.get("type", "scatter")) for t in data]
    implicit = {"xaxis": any(t not in _NOT_CARTESIAN for t in types),
                "yaxis": any(t not in _NOT_CARTESIAN for t in types),
                "geo": any(t in _GEO_TRACES for t in types),
                "coloraxis": False}
    used_coloraxes = {str(t["coloraxis"]) for t in data if t.get("coloraxis")} | {
        str(t["marker"]["coloraxis"]) for t in data
        if isinstance(t.get("marker"), dict) and t["marker"].get("coloraxis")}
    categories = {("xaxis" if t.get("orientation", "v") == "v" else "yaxis")
                  + str(t.get("xaxis" if t.get("orientation", "v") == "v" else "yaxis", "x"))[1:]
                  for t, kind in zip(data, types) if kind in _ORIENTED}
    for key, default in t_layout.items():
        if key in ("xaxis", "yaxis"):
            names = {k for k in layout if _AXES[key].fullmatch(k)} | ({key} if implicit[key] else set())
            for name in names:
                own = layout.get(name) or {}
                given = {k: v for k, v in default.items() if k not in _ONLY_WITH or _ONLY_WITH[k] in own}
                for colour, line in (("gridcolor", "showgrid"), ("zerolinecolor", "zeroline")):
                    if colour in given and line not in own and line not in given:
                        given[line] = name not in categories
                layout[name] = _under(own, given)
        elif key in _AXES:
            names = {k for k in layout if _AXES[key].fullmatch(k)} | (
                used_coloraxes if key == "coloraxis" else ({key} if implicit[key] else set()))
            for name in names:
                layout[name] = _under(layout.get(name), default)
        else:
            layout[key] = _under(layout.get(key), default)
    seen: dict[str, int] = {}
    for i, (trace, kind) in enumerate(zip(data, types)):
        defaults = template.get("data", {}).get(kind) or []
        n = seen.get(kind, 0)
        seen[kind] = n + 1
        if defaults:
            default = {k: v for k, v in defaults[n % len(defaults)].items() if k != "type"}
            data[i] = _under(trace, default)
    return {**spec, "data": data, "layout": layout}


# --- one posting, not "1 postings" --------------------------------------------------------------

# a count's reference in a hover template and the plural noun after it: "%{y:,} postings", "of
# %{customdata[3]:,} postings", "%{hovertext} years"
_COUNTED = re.compile(r"%\{(x|y|z|text|hovertext|customdata\[(\d+)\])(?::[^}]*)?\} (postings|years)\b")
_SINGULAR = {"postings": "posting", "years": "year"}


def _is_one(value: Any) -> bool:
    try:
        return float(str(value).replace(",", "")) == 1
    except ValueError:
        return False


def _as_list(value: Any) -> Any:
    """An array as a list: an object array (text beside numbers) stays a numpy array in ``to_dict``, and
    plotly.py writes a number array as a typed one ({"dtype", "bdata"[, "shape"]}; ui.chart decodes them
    first, the HTML export does not)."""
    if isinstance(value, dict) and isinstance(value.get("bdata"), str) and "dtype" in value:
        arr = np.frombuffer(base64.b64decode(value["bdata"]), dtype=value["dtype"])
        if "shape" in value:
            arr = arr.reshape([int(n) for n in str(value["shape"]).split(",")])
        return arr.tolist()
    tolist = getattr(value, "tolist", None)
    return tolist() if callable(tolist) else value


def _point_values(trace: dict[str, Any], ref: str, column: str | None) -> list[Any] | None:
    """The values a template's ``ref`` reads point by point in ``trace`` (a figure dict's, arrays as lists),
    or None where they are not one flat list."""
    if column is not None:
        rows = trace.get("customdata")
        rows = _as_list(rows)
        if not isinstance(rows, list) or not all(isinstance(r, list | tuple) for r in rows):
            return None
        k = int(column)
        return [r[k] if k < len(r) else None for r in rows]
    values = trace.get(ref)
    values = _as_list(values)
    if not isinstance(values, list) or any(isinstance(v, list | tuple) for v in values):
        return None  # a heatmap's z (rows of cells): _grid_hovers
    return values


def _grid_hovers(trace: dict[str, Any], template: str) -> bool:
    """A heatmap's "%{z:,} postings" as a hover text a cell ("1 posting", "12 postings"), read through
    ``%{hovertext}``: its cells are rows of values, not points. True where it did."""
    m = _COUNTED.search(template)
    z = trace.get("z")
    z = _as_list(z)
    if m is None or m.group(1) != "z" or trace.get("hovertext") is not None or not isinstance(z, list) \
            or not all(isinstance(r, list | tuple) for r in z):
        return False
    if not any(_is_one(v) for row in z for v in row):
        return False
    trace["hovertext"] = [["" if v is None or _missing(v) else counted(int(v)) for v in row] for row in z]
    trace["hovertemplate"] = template[:m.start()] + "%{hovertext}" + template[m.end():]
    return True


def singular_hovers(spec: dict[str, Any]) -> dict[str, Any]:
    """``spec`` (a figure's dict, arrays as lists) with "1 posting" where a hover would say "1 postings"
    (and "1 year", "1 posting states it"): a Plotly template has no plural (QA round eighteen), so a trace
    whose counted reference is 1 at some point gets one template a point (Plotly takes an array). Traces
    without such a point are left as they are. Changes ``spec``'s traces in place and returns it."""
    for trace in spec.get("data", []):
        template = trace.get("hovertemplate")
        if not isinstance(template, str) or not _COUNTED.search(template) or _grid_hovers(trace, template):
            continue
        found = [(m, _point_values(trace, m.group(1), m.group(2))) for m in _COUNTED.finditer(template)]
        size = max((len(v) for _, v in found if v is not None), default=0)
        if not any(v is not None and any(_is_one(x) for x in v) for _, v in found):
            continue
        per_point = []
        for i in range(size):
            text, shift = template, 0
            for m, values in found:
                if values is None or i >= len(values) or not _is_one(values[i]):
                    continue
                start, end = m.start(3) + shift, m.end(3) + shift
                noun = _SINGULAR[m.group(3)]
                if m.group(3) == "postings" and text[end:].startswith(" state "):
                    noun, end = "posting states", end + len(" state")  # "1 posting states it"
                text = text[:start] + noun + text[end:]
                shift += len(noun) - (end - start)
            per_point.append(text)
        trace["hovertemplate"] = per_point
    return spec
