"""The Experience page's charts: years required, in bands, by seniority, against salary; degree."""

from __future__ import annotations

import pandas as pd
import plotly.graph_objects as go

from analytics.figures import SALARY_NEEDS, YEARS_NEEDS, Call, ChartDef, Context, level_order, summed, theme
from analytics.figures import salary as salary_figures
from analytics.filters import ALL_LEVELS
from analytics.queries import experience

NARROW_AFTER = 8  # more bars than this: "227 (44%)" is wider than a bar


def _count_bars(df: pd.DataFrame, x: str, labels: list[str] | None = None, window: bool = False) -> go.Figure:
    """Postings per ``x`` labelled "70 (30%)". Past NARROW_AFTER bars the label goes above its bar on two
    lines, level: inside narrow bars Plotly turned it on its side and cut it ("5 (3%" on the real samples).
    ``window``: built for a narrow window (ui/narrow.py), where the count and its share are two lines
    wherever the label goes: on one line a phone's 50-px bar left "1,429 (86%)" out (QA round fifteen)."""
    total = df["postings"].sum()
    xs = labels if labels is not None else list(df[x])
    narrow = len(df) > NARROW_AFTER
    text = [theme.count_label(c, theme.share_of(c, total)) for c in df["postings"]]
    fig = go.Figure(
        go.Bar(
            x=xs,
            y=df["postings"],
            customdata=df[[x]].to_numpy(),
            marker_color=theme.ONE_COLOR,
            text=[t.replace(" (", "<br>(") for t in text] if narrow or window else text,
            # an empty band's "0" above its baseline, where "auto" left it off (theme.zero_outside)
            textposition="outside" if narrow else (_short_outside(df["postings"]) if window
                                                   else theme.zero_outside(df["postings"])),
            textangle=0,
            cliponaxis=False,
            hovertemplate="%{x}: %{y:,} postings<extra></extra>",
        )
    )
    theme.integer_axis(fig, "y")
    if narrow:  # room above the tallest bar for its two-line label
        fig.update_yaxes(range=[0, float(df["postings"].max()) * 1.2], autorange=False)
    return fig


SHORT_BAR = 0.2  # of the tallest bar: a phone's two-line label does not fit inside a shorter one


def _short_outside(counts: pd.Series) -> list[str]:
    """Where each bar of a narrow window's count chart writes its two-line label: above a bar under
    SHORT_BAR of the tallest ("2" over "(7%)" in a 30-px bar was left out at 11 px, QA round seventeen),
    else Plotly's "auto" (inside, or above when it does not fit)."""
    top = float(counts.max()) if len(counts) else 0.0
    return ["outside" if top and float(c) < SHORT_BAR * top else "auto" for c in counts]


def years(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    values = [int(y) for y in df["years"]]
    labels = [f"{y}+" if y >= experience.YEARS_CAP else str(y) for y in values]
    # a phone's 17-px bars held no label (QA round sixteen), nor eight 28-px ones (under Germany, QA round
    # seventeen: "11 (37%)" left out): rows at any number, each labelled past its end
    if narrow:
        fig = theme.count_rows(labels, df["postings"], customdata=df[["years"]].to_numpy(), x="Postings",
                               y="Years of experience required",
                               hovertemplate="%{hovertext} years: %{x:,} postings<extra></extra>")
        # rows on a numeric axis named by the years, as the wide chart's columns: as categories 3 sat
        # right under 1, the years no posting states gone (QA round seventeen); room for each year's row
        # width: Plotly's default is the closest two bars' distance, two years' thickness over a gap of one
        fig.update_traces(y=values, hovertext=labels, width=0.8)
        fig.update_yaxes(type="linear", tickmode="array", tickvals=values, ticktext=labels)
        span = max(values) - min(values) + 1 if values else 1
        return fig.update_layout(height=max(300, theme.ROW_PX * span + 90))
    # the years go to Plotly as numbers, named by the ticks: as text ("1" ... "14", "15+") the axis was
    # numeric and the "15+" bar, no number on it, was not drawn; gaps between years stay visible
    # each bar a year wide: Plotly's default (0.8 of the closest two bars' distance) drew 5 and 8 years as two
    # 2.4-year bars side by side, the years between them no gap (QA round hqa41, RemoteOK alone)
    fig = _count_bars(df, "years", labels)
    fig.update_traces(x=values, hovertext=labels, width=0.8,
                      hovertemplate="%{hovertext} years: %{y:,} postings<extra></extra>")
    fig.update_xaxes(tickmode="array", tickvals=values, ticktext=labels)
    return theme.labels_fit(theme.style(fig, x="Years of experience required", y="Postings"))


def year_bands(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    # a phone's width: a level label wider than its bar was cut to "82 (54%" (white past the bar; QA round
    # fourteen): left out there, as for the years; built for a narrow window it is two lines, which fit
    fig = theme.style(_count_bars(df, "band", window=narrow), x="Years of experience required", y="Postings")
    return theme.labels_fit(fig)


def by_level(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    """Median years per level with quartile whiskers; ``narrow``: rows named over their medians (as the
    salary's, salary.quartiles)."""
    order = [lv for lv in ALL_LEVELS if lv in set(df["seniority"])]
    d = df.set_index("seniority").loc[order].reset_index()
    text = [theme.median_label(theme.fmt_years_short(m), n) for m, n in zip(d["median"], d["n"])]
    fig = go.Figure(theme.median_bar(
        d, "seniority", text=text,
        hovertemplate="<b>%{x}</b><br>median %{y:.1f} years<br>25th-75th percentile %{customdata[2]:.1f}-"
        "%{customdata[3]:.1f}<br>n = %{customdata[1]:,}<extra></extra>", horizontal=narrow))
    theme.mark_bars(fig, d["n"])
    value = "Median years required; bars: 25th-75th percentile"
    # a group of one posting: no bar, its tick says why (a phone's row name: named_rows); the note its figure
    theme.unbarred(fig, list(d["seniority"]), list(d["n"]), horizontal=narrow, write=not narrow)
    if narrow:
        fig.update_yaxes(autorange="reversed")
        return theme.named_rows(fig, [str(lv) for lv in d["seniority"]], text, x=value)
    return theme.style(fig, x="Seniority", y=value)


def pay(df: pd.DataFrame) -> go.Figure:
    hover = "%{x} years: median $%{y:,.0f}<br>n = %{customdata[1]:,}<extra></extra>"
    solid = df.assign(
        median_salary_usd=df["median_salary_usd"].where([not theme.is_small(n) for n in df["n"]])
    )
    fig = go.Figure(go.Scatter(x=solid["years"], y=solid["median_salary_usd"], mode="lines+markers",
                               connectgaps=False, line={"color": theme.ONE_COLOR},
                               name=f"{theme.MIN_N} or more postings",
                               customdata=solid[["years", "n"]].to_numpy(),  # drill first (ui.chart)
                               hovertemplate=hover))
    # a year of one posting: no point (its figure is that posting's, no median), the note gives it
    # (lead ruling on hqa42 question 2)
    theme.mark_points(fig, df, "years", "median_salary_usd", "n", keys=("years",), hovertemplate=hover,
                      single=True)
    theme.headroom(theme.from_zero(fig),
                   df["median_salary_usd"].where([not theme.one_posting(n) for n in df["n"]]))
    fig.update_xaxes(dtick=1)
    return theme.style(fig, x="Years of experience required", y="Median salary (USD per year)")


NO_DEGREE_STATED = "no posting in this view states a degree"


def degree_caveats_of(df: pd.DataFrame, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """``caveats`` and, where postings are drawn but none states a degree (the one "not stated" bar), a line
    saying so (lead ruling 4 on hqa39: the bar stays, the caption says why it is alone). Pure."""
    if df.empty or not int(df["postings"].sum()) or set(df["degree"]) != {"not stated"}:
        return caveats
    return (*caveats, NO_DEGREE_STATED)


def degree_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """degree_caveats_of on the chart's answer (ChartDef.caveats)."""
    return degree_caveats_of(ctx.query(experience.degree, ctx.f).df, caveats)


def degree(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    return theme.labels_fit(theme.style(_count_bars(df, "degree", window=narrow), x="Minimum degree",
                                        y="Postings"))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef(
        "ex_years",
        "Years required",
        lambda c: Call(experience.years_distribution, (c.f,)),
        years,
        drill=("years",),
        needs=YEARS_NEEDS,
        uses=("narrow",),
        fields=("experience_years",),
    ),
    ChartDef(
        "ex_bands",
        "Years required, in bands",
        lambda c: Call(experience.years_bands, (c.f,)),
        year_bands,
        drill=("years_band",),
        needs=YEARS_NEEDS,
        sample=summed("postings"),
        label="band",
        uses=("narrow",),
        fields=("experience_years",),
    ),
    ChartDef(
        "ex_level",
        "Years required by seniority",
        lambda c: Call(experience.by_seniority, (c.f,)),
        by_level,
        drill=("seniority",),
        sample="n",
        drill_only="years",
        label="seniority",
        uses=("narrow",),
        reading_order=level_order("seniority"),
        fields=("experience_years", "seniority"),
        one_figure=lambda row: theme.fmt_years_short(row["median"]),
    ),
    ChartDef(
        "ex_pay",
        "Years required against median salary",
        lambda c: Call(experience.vs_salary, (c.f,)),
        pay,
        drill=("years",),
        enough="enough",
        label="years",
        sample="n",
        drill_only="salaried",
        # a point needs both on one posting: "none of them has a plausible salary" was said where one had
        # a salary but no years (QA round seventeen, one source)
        needs=f"both {SALARY_NEEDS} and {YEARS_NEEDS}",
        caveats=salary_figures.years_country_mix,
        fields=("experience_years", "salary"),
        one_figure=lambda row: theme.fmt_usd(row["median_salary_usd"]),
        one_mark="point",
    ),
    ChartDef(
        "ex_degree", "Degree asked", lambda c: Call(experience.degree, (c.f,)), degree, drill=("degree",),
        sample=summed("postings"), label="degree", uses=("narrow",), caveats=degree_caveats,
        fields=("degree",),
    ),
)
