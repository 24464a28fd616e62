"""The Salary page's charts: bands, distributions by seniority and by skill, the median over time.

Figures that fewer than MIN_N postings stand behind are drawn grey and hatched with their n (the
one sample-size rule, analytics.figures.theme.mark_bars / mark_points), never hidden.
"""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import plotly.graph_objects as go

from analytics import names
from analytics.figures import (
    SALARY_NEEDS,
    Call,
    ChartDef,
    Context,
    level_order,
    one_month,
    theme,
    thin_months,
)
from analytics.filters import ALL_LEVELS, Filters
from analytics.queries import experience, regions, salary

DEFAULT_BY = next(iter(salary.GROUPS))  # the page's radio ("sa_by") starts at the first group


def by(ctx: Context) -> str:
    """The distribution's grouping: the page's "Distribution by" choice, else the first group."""
    return str(ctx.param("by", DEFAULT_BY))


def bands(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    """Postings per salary band; ``narrow`` (a phone): rows labelled past their ends (theme.count_rows),
    where the tallest column's label turned on its side (QA round seventeen)."""
    if narrow:
        return theme.count_rows(list(df["band"]), df["postings"], customdata=df[["band"]].to_numpy(),
                                x="Postings", y="Salary band (USD per year)",
                                hovertemplate="%{y}: %{x:,} postings<extra></extra>")
    total = df["postings"].sum()
    fig = go.Figure(go.Bar(x=df["band"], y=df["postings"], customdata=df[["band"]].to_numpy(),
                           marker_color=theme.ONE_COLOR,
                           text=[theme.count_label(c, theme.share_of(c, total)) for c in df["postings"]],
                           # an empty band's "0" above its baseline (theme.zero_outside)
                           textposition=theme.zero_outside(df["postings"]), cliponaxis=False,
                           hovertemplate="%{x}: %{y:,} postings<extra></extra>"))
    theme.integer_axis(fig, "y")
    return theme.style(fig, x="Salary band (USD per year)", y="Postings")


ROWS_AFTER = 6  # more groups than this lie as rows: "$104,500 (n=117)" is wider than one of 12 columns


def quartiles(df: pd.DataFrame, label: str, order: list[str] | None = None, narrow: bool = False
              ) -> go.Figure:
    """Median bars with quartile whiskers per group; ``narrow`` (a phone): rows, each named over its median
    and n (theme.named_rows), where a column's label turned on its side over the stripes (QA round 17)."""
    d = df if order is None else df.set_index("group").loc[order].reset_index()
    rows = len(d) > ROWS_AFTER or narrow
    text = [theme.median_label(theme.fmt_usd(m), n) for m, n in zip(d["median"], d["n"])]
    fig = go.Figure(theme.median_bar(
        d, "group", text=text,
        hovertemplate="<b>%{x}</b><br>median $%{y:,.0f}<br>25th-75th percentile $%{customdata[2]:,.0f}-"
        "$%{customdata[3]:,.0f}<br>n = %{customdata[1]:,}<extra></extra>", horizontal=rows))
    theme.mark_bars(fig, d["n"])
    value = "Median salary (USD per year); bars: 25th-75th percentile"
    # a group of one posting: no bar, its tick says why (a phone's row name: named_rows); the note its figure
    theme.unbarred(fig, list(d["group"]), list(d["n"]), horizontal=rows, write=not narrow)
    if narrow:
        fig.update_xaxes(tickformat=",").update_yaxes(autorange="reversed")
        return theme.named_rows(fig, [str(g) for g in d["group"]], text, x=value)
    if rows:  # the frame's order (most asked-for first) from the top
        fig.update_xaxes(tickformat=",").update_yaxes(autorange="reversed")
        return theme.style(fig, x=value, y=label, height=max(320, 30 * len(d)))
    fig.update_yaxes(tickformat=",")
    return theme.style(fig, x=label, y=value)


def distribution(df: pd.DataFrame, by: str = DEFAULT_BY, narrow: bool = False) -> go.Figure:
    order = [lv for lv in ALL_LEVELS if lv in set(df["group"])] if by == "seniority" else None
    if by in ("country", "region"):
        df = df.assign(group=group_names(df))
    return quartiles(df, by.capitalize(), order=order, narrow=narrow)


def group_names(df: pd.DataFrame) -> list[str]:
    """The distribution's groups as its chart names them: a level as written, a country or region by its
    name ("Grand-Est", not FR-GES: the small-sample note under "Salary by region" named codes beside bars
    named by place, lead ruling 1 on hqa41). The groups are levels (salary.GROUPS: seniority) or area codes
    (country, region), never both. Pure (tested)."""
    levels = set(ALL_LEVELS)
    return [str(g) if str(g) in levels else names.area_name(str(g)) for g in df["group"]]


def usd_of(row: pd.Series) -> str:
    """A one-posting group's figure in the chart's note (ChartDef.one_figure): its salary."""
    return theme.fmt_usd(row["median"])


def by_skill(df: pd.DataFrame, narrow: bool = False) -> go.Figure:
    return quartiles(df, "Skill", narrow=narrow)


def over_time(df: pd.DataFrame) -> go.Figure:
    solid = df.assign(median=df["median"].where([not theme.is_small(n) for n in df["n"]]))
    solid = theme.month_gaps(solid, "month")
    hover = "%{x|%b %Y}: median $%{y:,.0f}<br>n = %{customdata[1]:,.0f}<extra></extra>"
    fig = go.Figure(go.Scatter(x=solid["month"], y=solid["median"], mode="lines+markers", connectgaps=False,
                               name=f"{theme.MIN_N} or more postings", line={"color": theme.ONE_COLOR},
                               customdata=solid[["month", "n"]].to_numpy(),  # drill first (ui.chart)
                               hovertemplate=hover))
    # a month of one posting: no point (its figure is that posting's, no median), the note gives it
    # (lead ruling on hqa42 question 2)
    theme.mark_points(fig, df, "month", "median", "n", keys=("month",), hovertemplate=hover, single=True)
    theme.headroom(theme.from_zero(fig), df["median"].where([not theme.one_posting(n) for n in df["n"]]))
    theme.month_axis(fig, df["month"])
    return theme.style(fig, x="Month", y="Median salary (USD per year)")


def asked_by_every(df: pd.DataFrame) -> pd.Series:
    """Per row of a per-skill salary frame (``n``: its postings with a salary, ``total``: the view's), whether
    every posting with a salary asks for that skill: its figure is the whole view's, not a group's. Shared by
    "Salary by skill" and the skill premium. Pure."""
    return (df["n"] == df["total"]) & (df["total"] > 0)


def named_list(names: list[str]) -> str:
    """"A", "A and B", "A, B and C"."""
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"


def whole_view(df: pd.DataFrame) -> str | None:
    """The "Salary by skill" rows' skills that every posting with a salary asks for (n == total), named: each
    bar is the median of every salary of the view, not of a group (QA round seventeen: Python's bar under
    the skill Python; the premium says "$0 by construction", skills.by_construction). None when none. Pure."""
    if df.empty or "total" not in df.columns:
        return None
    every = df[asked_by_every(df)]
    if every.empty:
        return None
    names = [str(g) for g in every["group"]]
    named = named_list(names)
    bar = "its bar is" if len(names) == 1 else "their bars are"
    return (f"{named}: asked for by every posting with a salary here ({int(every['total'].iloc[0]):,}), so "
            f"{bar} the median of them all, not of a group")


def every_bar_the_view(df: pd.DataFrame) -> str | None:
    """Why "Salary by skill" says nothing, where every skill it would draw is asked for by every posting with
    a salary (whole_view's skills are all of them): each bar would be the median of them all, the same bar
    under each skill (QA round twenty-three: German postings' one salary, "$81,921 (n=1)" ten times). None
    where one skill at least rests on a part of them. Pure."""
    if df.empty or "total" not in df.columns or not asked_by_every(df).all():
        return None
    total, median = int(df["total"].iloc[0]), theme.fmt_usd(df["median"].iloc[0])
    if total == 1:
        return (f"the one posting with a salary asks for every one of these skills, so each bar would be its "
                f"salary ({median}), not a skill's")
    return (f"the {total:,} postings with a salary all ask for every one of these skills, so each bar would "
            f"be the median of them all ({median}), not a skill's")


def skill_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The salaries' country mix and the skills whose bar is every salary of the view (whole_view)."""
    caveats = country_mix(ctx, caveats)
    line = whole_view(ctx.query(salary.by_skill, ctx.f).df)
    return caveats if line is None else (*caveats, line)


MIX_MAX_SHARE = 0.9  # one country holding less than this share of the salaries: the mix is named
MIX_NAMED = 3  # countries named with their shares, largest first


def country_mix(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """``caveats`` and, where the salaries come from several countries with no one country holding
    MIX_MAX_SHARE of them, a line naming the mix: a median of US, Polish and Indian salaries in USD moves
    with where a skill, a level or a month's postings are, not only with pay (real samples: a skill asked for
    more in the US read as a skill that pays more; the headline median was 61% Polish salaries)."""
    return _mix(ctx, ctx.f, caveats)


def dated_country_mix(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """country_mix of the dated salaries only, for a chart over time, which draws no undated posting: on the
    real samples "Median salary over time" named "Poland 61%, ..." above a line holding no Polish salary (No
    Fluff Jobs gives no dates; QA round twelve)."""
    return _mix(ctx, replace(ctx.f, undated=False), caveats)


def pointed(df: pd.DataFrame) -> pd.DataFrame:
    """The rows of "Median salary over time" drawn as points: a month of one posting draws none (its figure
    is that posting's, no median; lead ruling on hqa42 question 2), so the sentences counting the salaries
    drawn and their months (one_month, thin_months) leave it out; the note gives its figure. Pure."""
    return df[[not theme.one_posting(n) for n in df["n"]]] if "n" in df else df


def over_time_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """dated_country_mix and, where the salaries drawn fall in one month, that no change can be shown
    (figures.one_month), or that at most one month holds MIN_N or more, so no line is drawn (thin_months)."""
    shown = dated_country_mix(ctx, caveats)
    rows, unit = pointed(ctx.query(salary.over_time, ctx.f).df), ("salary", "salaries")
    said = one_month(rows, "n", unit) or thin_months(rows, "n", unit)
    return (*shown, said) if said else shown


def years_country_mix(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """country_mix of the salaried postings that state years, the sample of "Years required against median
    salary": on the real samples its caption named the mix of 521 salaries above a chart drawing 128 (QA
    round thirteen)."""
    total = int(ctx.query(experience.vs_salary, ctx.f).df["n"].sum())  # the chart's own points, all of them
    return _mix_of(ctx.query(experience.salaried_by_country, ctx.f).df, caveats, total)


def _mix(ctx: Context, f: Filters, caveats: tuple[str, ...]) -> tuple[str, ...]:
    return _mix_of(ctx.query(regions.by_country, f).df, caveats, ctx.query(salary.stated_as, f).n)


UNNAMED = "no country named"


def _mix_of(df: pd.DataFrame, caveats: tuple[str, ...], total: int) -> tuple[str, ...]:
    """``caveats`` and the mix line of ``df`` (country_name, salary_n per country) among ``total`` salaries,
    those naming no country a part of their own (QA round twenty-four: "Poland 67%, Germany 33%" were the
    shares of 3 of 8 salaries, the other 5 from postings naming no country)."""
    paid = df.loc[df["salary_n"].fillna(0) > 0, ["country_name", "salary_n"]]
    unnamed = max(0, total - int(paid["salary_n"].sum()))
    parts = pd.concat([paid, pd.DataFrame({"country_name": [UNNAMED], "salary_n": [unnamed]})]) if unnamed \
        else paid
    total = int(parts["salary_n"].sum())
    if len(parts) < 2 or parts["salary_n"].max() >= MIX_MAX_SHARE * total:
        return caveats
    parts = parts.sort_values("salary_n", ascending=False, kind="stable")
    named = ", ".join(f"{name} {n / total:.0%}" for name, n in
                      zip(parts["country_name"].head(MIX_NAMED), parts["salary_n"].head(MIX_NAMED)))
    more = ", ..." if len(parts) > MIX_NAMED else ""
    where = f"salaries from {len(paid):,} countr{'y' if len(paid) == 1 else 'ies'}"
    if unnamed:  # salaries counted on both sides: "from 1 country and 3 naming no country" mixed countries
        # and salaries (QA round twenty-eight, JobSpy's headline)
        # "1 salary from 1 country", not "1 salaries" (QA round thirty: principal postings' Over time)
        named_n = int(paid["salary_n"].sum())
        noun = "salary" if named_n == 1 else "salaries"
        where = (f"{named_n:,} {noun}{where.removeprefix('salaries')} and {unnamed:,} from postings naming "
                 "no country")
    return (*caveats, f"{where} ({named}{more}) pooled in USD: a median "
                      "follows that mix, so a difference may be one of country; pick one country in the "
                      "sidebar to compare like with like")


def country_mix_unless_by_country(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """country_mix, but not for the distribution by country (each bar is one country)."""
    return caveats if by(ctx) == "country" else country_mix(ctx, caveats)


PERIOD_WORDS = {"year": "yearly", "month": "monthly", "week": "weekly", "day": "daily", "hour": "hourly"}
STATED_NAMED = 4  # ways of stating a salary named with their shares, largest first; the rest is "other"


def stated_as_text(df: pd.DataFrame) -> str:
    """The line under the Salary page's intro: how the view's salaries were stated, from
    analytics.queries.salary.stated_as - "n = 2,917 salaries in this view, as the postings stated them: 61%
    yearly USD, 22% monthly PLN, ... and 5% in 9 other ways; ...". Empty without salaries. Pure (tested)."""
    if df.empty or not (total := int(df["postings"].sum())):
        return ""

    def way(currency: object, period: object) -> str:
        stated = "" if pd.isna(period) else str(period)  # type: ignore[call-overload]
        word = PERIOD_WORDS.get(stated, f"per {stated}" if stated else "per unstated period")
        return f"{word} {'in an unstated currency' if pd.isna(currency) else currency}"  # type: ignore[call-overload]

    def pct(n: int) -> str:  # never "100%" short of all (QA round 37: "100% monthly PLN and <1% yearly PLN")
        if n < total and n / total >= 0.995:
            return ">99%"
        return "<1%" if n / total < 0.005 else f"{n / total:.0%}"

    if total == 1:  # one salary: its own way, no share (QA round hqa39: "as the postings ...: 100% ...")
        c, p = df.loc[df["postings"] > 0, ["currency", "period"]].iloc[0]
        return (f"n = 1 salary in this view, stated by its posting as {way(c, p)}; it became US dollars per "
                "year as above.")
    named = [f"{pct(int(n))} {way(c, p)}" for c, p, n in
             df[["currency", "period", "postings"]].head(STATED_NAMED).itertuples(index=False)]
    rest = df.iloc[STATED_NAMED:]
    if len(rest):
        named.append(f"{pct(int(rest['postings'].sum()))} in {len(rest):,} other "
                     f"{'way' if len(rest) == 1 else 'ways'}")
    listed = named[0] if len(named) == 1 else ", ".join(named[:-1]) + " and " + named[-1]
    return (f"{theme.n_text(total, 'salaries')} in this view, as the postings stated them: {listed}; each "
            "became US dollars per year as above.")


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("sa_bands", "Postings by salary band", lambda c: Call(salary.by_band, (c.f,)), bands,
             drill=("salary_band",), needs=SALARY_NEEDS, uses=("narrow",), fields=("salary",)),
    ChartDef("sa_dist", lambda c: f"Salary by {by(c)}", lambda c: Call(salary.distribution, (c.f, by(c))),
             distribution, drill=lambda c: (by(c),), enough="enough", uses=("by", "narrow"), sample="n",
             drill_only="salaried", caveats=country_mix_unless_by_country,
             reading_order=level_order("group"), fields=lambda c: ("salary", by(c)), row_names=group_names,
             one_figure=usd_of),
    ChartDef("sa_skill", "Salary by skill (most asked-for skills)", lambda c: Call(salary.by_skill, (c.f,)),
             by_skill, drill=("skill",), enough="enough", sample="n", drill_only="salaried", uses=("narrow",),
             one_figure=usd_of,
             caveats=skill_caveats, fields=("salary", "skills"),
             says_nothing=lambda _, df: every_bar_the_view(df)),
    ChartDef("sa_time", "Median salary over time", lambda c: Call(salary.over_time, (c.f,)), over_time,
             drill=("month",), enough="enough", label="month", sample="n",
             drill_only="salaried", caveats=over_time_caveats, fields=("salary",), one_figure=usd_of,
             one_mark="point"),
)
