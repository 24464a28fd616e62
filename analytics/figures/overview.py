"""The Overview page's charts: the headline figures (a table) and postings per month."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import pandas as pd
import plotly.graph_objects as go

from analytics.figures import Call, ChartDef, Context, theme
from analytics.figures import salary as salary_figures
from analytics.filters import SET_BY_FILTER, Filters, remote_share_set
from analytics.queries import MIN_N, overview, skills

LABELLED_MONTHS = 12  # up to a year of bars carries each count; more would crowd their labels
LABEL_ROOM = 0.15  # of the tallest bar, above it: its count's label inside the plot
TINY_BAR = 0.01  # of the tallest bar: a bar under it carries its count however many months are drawn


def per_month(df: pd.DataFrame) -> go.Figure:
    """Postings per month; up to LABELLED_MONTHS bars carry their counts above them (QA round twenty-two:
    one month's bar stood unlabelled near the plot's top, its count read from the axis), more months their
    tallest, their last month holding postings and any bar under TINY_BAR of the tallest."""
    fig = go.Figure(go.Bar(x=df["month"], y=df["postings"], customdata=df[["month"]].to_numpy(),
                           marker_color=theme.ONE_COLOR,
                           hovertemplate="%{x|%b %Y}: %{y:,} postings<extra></extra>"))
    theme.integer_axis(fig, "y")
    if len(df):
        counts = [int(v) for v in df["postings"]]
        # more months would crowd their labels: the tallest bar and the last month holding postings carry
        # theirs (QA round twenty-two's seen and left: 102 months read from the axis alone, a still export
        # having no hover)
        shown = set(range(len(counts))) if len(counts) <= LABELLED_MONTHS else {
            counts.index(max(counts)), max(i for i, c in enumerate(counts) if c or i == 0)}
        # a bar under TINY_BAR of the tallest carries its count, else it is not seen (hqa33 ruling 4: under
        # German postings a 2017 month's one posting beside months of up to 238)
        shown |= {i for i, c in enumerate(counts) if 0 < c < TINY_BAR * max(counts)}
        fig.update_traces(text=[theme.fmt_int(c) if i in shown and (c or len(counts) <= LABELLED_MONTHS)
                                else "" for i, c in enumerate(counts)],
                          textposition="outside", textangle=0, cliponaxis=False)
        fig.update_yaxes(range=[0, max(float(max(counts)), 1.0) * (1 + LABEL_ROOM)], autorange=False)
    theme.month_axis(fig, df["month"])
    return theme.style(fig, x="Month", y="Postings")


def kpi_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The salaries' country mix (salary.country_mix) and, where the change compares periods whose postings
    come from different sources, a line saying so: on the real samples "+133 (dated: 37 -> 170)" from 2025
    on was boards the earlier period has none of, growth of the sample, not of the market (QA round eight);
    the skill movers said so already (skills.source_shift, one rule)."""
    caveats = salary_figures.country_mix(ctx, caveats)
    df = ctx.query(overview.kpis, ctx.f).df
    rows = {str(r["period"]): r for _, r in df.iterrows()}
    now, before = rows.get("current_dated"), rows.get("previous")
    if now is None or before is None or not int(now["postings"]) or not int(before["postings"]):
        return caveats  # no change is shown
    a = (pd.Timestamp(before["period_start"]).date(), pd.Timestamp(before["period_end"]).date())
    b = (pd.Timestamp(now["period_start"]).date(), pd.Timestamp(now["period_end"]).date())
    shift = skills.source_shift(ctx.query(skills.source_mix_by_period, ctx.f, a, b).df)
    if shift is None:
        return caveats
    return (*caveats, f"the change compares different sources ({shift}): it may be a change of source, not "
                      "of demand; pick one source in the sidebar to compare like with like")



# The headline figures' words, as the Overview draws them and its deck and PDF repeat them (lead rulings 1 and
# 3 on hqa39): the page only draws these.


def _rows(df: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """The current, current-dated and previous periods' rows of an overview.kpis answer."""
    return tuple(df[df["period"] == p].iloc[0] for p in ("current", "current_dated", "previous"))  # type: ignore[return-value]


def mostly_undated(f: Filters, cur: pd.Series) -> str:
    """Under a date range with undated postings kept, a view most of whose postings carry no date rests
    mostly on them (lead ruling 3 on hqa39: "593 of 607 postings have no date"): said first; "" otherwise."""
    undated, postings = int(cur["undated"]), int(cur["postings"])
    if not f.undated or (f.date_from is None and f.date_to is None) or undated * 2 <= postings:
        return ""
    if undated == postings:  # "9 of 9 ... rest mostly" understated it
        return f"All {postings:,} postings have no date: the figures rest on undated postings only."
    return (f"{undated:,} of {postings:,} postings have no date: the figures rest mostly on undated "
            "postings.")


def headline_notes(f: Filters, df: pd.DataFrame) -> list[str]:
    """The notes under the headline figures, in order: undated postings, figures from one posting, figures
    without a posting, small samples, a small change, and what the change compares (or why none is shown).
    Pure: ``df`` is an overview.kpis answer with postings."""
    cur, dated, prev = _rows(df)
    has_now = int(dated["postings"]) > 0
    has_prev = has_now and int(prev["postings"]) > 0
    few = has_prev and min(int(dated["postings"]), int(prev["postings"])) < MIN_N
    fixed_remote = remote_share_set(f)
    notes = []
    if mostly := mostly_undated(f, cur):
        notes.append(mostly)
    elif int(cur["undated"]):
        notes.append(f"Includes {theme.counted(int(cur['undated']))} without a date.")
    # each marked figure with its n: "fewer than 30" alone left "how few" to a hover tooltip (QA round eight)
    # a share set by the filter is no figure drawn: no mark, no one-posting or none-posting note for it
    marked = tuple(m for m in (("salary", "salary_n", "one"), ("remote", "remote_n", "a work arrangement"),
                               ("years", "years_n", "years")) if not (fixed_remote and m[0] == "remote"))
    lows = [f"{label} from {theme.counted(int(cur[col]))} stating {what}" for label, col, what in marked
            if 1 < int(cur[col]) < MIN_N]
    # a median or share of one posting is its own figure: "–" in the row, the figure here (QA round 23)
    figures = tuple(fig for fig in (("salary", "salary_n", "median_salary_usd", theme.fmt_usd),
                                    ("remote", "remote_n", "share_remote", theme.fmt_pct),
                                    ("years required", "years_n", "median_years", theme.fmt_years))
                    if not (fixed_remote and fig[0] == "remote"))
    ones = [f"{label} {fmt(cur[value])}" for label, col, value, fmt in figures if int(cur[col]) == 1]
    if ones:
        notes.append(f"{theme.ONE_POSTING_NOTE} ({'; '.join(ones)}).")
    # a "–" no posting stands behind said why only in its tooltip (QA round twenty-five: Glassdoor's Remote)
    zeros = [z for z in STATED if int(cur[z[1]]) == 0 and not (fixed_remote and z[0] == "Remote")]
    if zeros and int(cur["postings"]):
        def listed(words: list[str], conj: str) -> str:
            return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} {conj} {words[-1]}"

        labels = listed([z[0] for z in zeros], "and")
        one = int(cur["postings"]) == 1
        whats = listed([z[3] if one else z[2] for z in zeros], "or")
        who = "The one posting states no" if one else "None of these postings states"
        notes.append(f"{who} {whats}, so {labels} {'shows' if len(zeros) == 1 else 'show'} –.")
    if lows:
        notes.append(f"{theme.SMALL_MARK.strip()} marks a figure from fewer than {MIN_N} postings "
                     f"({', '.join(lows)}): read with care.")
    if few:
        notes.append(f"{theme.SMALL_MARK.strip()} beside a change: fewer than {MIN_N} dated postings in a "
                     f"period ({theme.fmt_int(prev['postings'])} before, {theme.fmt_int(dated['postings'])} "
                     "now), so the change may be chance: read with care.")
    if has_prev:
        notes.append(f"Change: dated postings of {dated['period_start']:%Y-%m-%d} to "
                     f"{dated['period_end']:%Y-%m-%d} against the same length just before "
                     f"({prev['period_start']:%Y-%m-%d} to {prev['period_end']:%Y-%m-%d}).")
    elif not has_now and f.date_from is f.date_to is None and int(cur["undated"]) == int(cur["postings"]):
        # all dates, no dated posting (a source publishing none): "in this period" named a period no one
        # chose (QA round twenty)
        notes.append("None of these postings carries a date, so no change is shown.")
    elif not has_now:
        notes.append("No dated postings in this period, so no change is shown.")
    elif f.date_from is f.date_to is None and dated["period_start"] == dated["period_end"]:
        # every dated posting on one day: no range holds postings on both sides of it, so "choose a date
        # range" sent the reader nowhere (QA round thirty: French postings, 149 on one day)
        n = int(dated["postings"])
        who = f"All {n:,} dated postings fall" if n > 1 else "The one dated posting falls"
        notes.append(f"{who} on one day, {dated['period_start']:%Y-%m-%d}, so no change over time can be "
                     "shown.")
    elif f.date_from is None:  # from the first posting: nothing lies before it (QA round ten)
        notes.append("From the first posting on, so there is no earlier period to compare: choose a date "
                     "range in the sidebar to see the change against the same length just before it.")
    else:
        notes.append(
            "No dated postings in the period of the same length before this one, so no change is shown."
        )
    return notes


@dataclass(frozen=True)
class Change:
    """A headline figure's change as the Overview's metric draws it (lead ruling on hqa40 question 1: the
    headline slide and data files say it too): its text (the metric's delta, theme.change_text) and whether
    it is drawn in colour (Streamlit's "normal": green up, red down) or grey ("off": a count's change between
    fewer than MIN_N dated postings, the years' change, a change that rounds to nothing)."""

    text: str
    coloured: bool

    @property
    def flat(self) -> bool:
        return theme.no_change(self.text)

    @property
    def colour(self) -> Literal["normal", "off"]:
        """The metric's delta_color."""
        return "normal" if self.coloured and not self.flat else "off"

    def mark(self) -> str:
        """The metric's arrow and colour in words: "up, green", "down, red", "up, grey", "flat" (no arrow)."""
        if self.flat:
            return "flat"
        up = not self.text.startswith("-")
        colour = ("green" if up else "red") if self.colour == "normal" else "grey"
        return f"{'up' if up else 'down'}, {colour}"

    def cell(self) -> str:
        """The change as a slide's or data file's cell: its mark, then its text as on screen ("up, green: +12
        (dated: 37 → 49)": Streamlit's metric draws the text's "->" as "→", so the cell does too; QA round
        hqa41); the word first, so no cell opens on a sign a spreadsheet reads as a formula."""
        return f"{self.mark()}: {self.text.replace(' -> ', ' → ')}"


# (label, the kpis column it changes, its n's column or None for a count, the change's unit, the value's
# format) as the Overview draws the changes
CHANGED = (("Postings", "postings", None, lambda d: f"{d:+,.0f}", theme.fmt_int),
           ("Companies", "companies", None, lambda d: f"{d:+,.0f}", theme.fmt_int),
           ("Median salary", "median_salary_usd", "salary_n", lambda d: f"{d:+,.0f} USD", theme.fmt_usd),
           ("Remote", "share_remote", "remote_n", lambda d: f"{d * 100:+.1f} pts", theme.fmt_pct),
           ("Years required", "median_years", "years_n", lambda d: f"{d:+.1f} years", theme.fmt_years))


def changes(df: pd.DataFrame, *, fixed_remote: bool = False) -> dict[str, Change]:
    """Each headline figure's change as the Overview shows it, by label; a figure showing none is absent.
    A change compares dated postings on both sides (a range no source covers read "-823 (dated: 823 -> 0)"
    in red, a gap in the data shown as a collapse: QA round eight); a median's or share's none from fewer
    than MIN_N on either side; a count's stays (the count is exact) but marked and grey under MIN_N dated
    postings in a period (QA round twenty: "-14 (dated: 15 -> 1)" in red); the years' is always grey; a
    share the filter fixes (``fixed_remote``) has none. Pure: ``df`` is an overview.kpis answer."""
    cur, dated, prev = _rows(df)
    if not int(dated["postings"]) or not int(prev["postings"]):
        return {}
    few = min(int(dated["postings"]), int(prev["postings"])) < MIN_N
    out = {}
    for label, col, n_col, fmt, value in CHANGED:
        if (label == "Remote" and fixed_remote) or pd.isna(dated[col]) or pd.isna(prev[col]):
            continue
        if n_col is not None and min(int(dated[n_col]), int(prev[n_col])) < MIN_N:
            continue
        text = theme.change_text(dated[col], prev[col], value, fmt, undated=int(cur["undated"]))
        if n_col is None and few:
            text += theme.SMALL_MARK
        out[label] = Change(text, coloured=label != "Years required" and not (n_col is None and few))
    return out


CHANGE_COLUMNS = {"Postings": "change_postings", "Companies": "change_companies",
                  "Median salary": "change_median_salary_usd", "Remote": "change_share_remote",
                  "Years required": "change_median_years"}


def with_changes(df: pd.DataFrame) -> pd.DataFrame:
    """The headline figures' data files with each figure's change as the slide says it (Change.cell) in a
    column of its own, added after every other (CHANGE_COLUMNS), on the ``current`` row - the figures the
    screen shows - and empty elsewhere and where the screen shows none (lead ruling on hqa40 question 1).
    The share the filter fixes is read off the ``set_by`` column. Unchanged without rows."""
    if df.empty or "period" not in df.columns or not (df["period"] == "current").any():
        return df
    fixed = "set_by" in df.columns and df["set_by"].notna().any()
    shown = changes(df, fixed_remote=bool(fixed))
    current = (df["period"] == "current").to_numpy()
    return df.assign(**{col: pd.Series([shown[label].cell() if is_cur and label in shown else None
                                        for is_cur in current], index=df.index, dtype=object)
                        for label, col in CHANGE_COLUMNS.items()})


# (label, its n's column, what a posting states in the plural's words, in the one posting's words)
STATED = (("Median salary", "salary_n", "a salary", "salary"),
          ("Remote", "remote_n", "a work arrangement", "work arrangement"),
          ("Years required", "years_n", "years of experience", "years of experience"))


@dataclass(frozen=True)
class Headline:
    """The headline figures as a table for a slide (lead ruling 1 on hqa39): one row per figure (its label,
    its value as the page shows it, the postings it rests on, its change with its mark (Change.cell, empty
    where the page shows none: lead ruling on hqa40 question 1), its note) and the notes under them."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    notes: tuple[str, ...]


def headline(f: Filters, df: pd.DataFrame) -> Headline:
    """The headline figures' table: the values and marks as the Overview's metrics show them, each figure's n,
    and a note where the screen gives one (set by the filter, from one posting, from none, from fewer than
    MIN_N postings); the notes as under them (headline_notes). Pure."""
    cur = _rows(df)[0]

    def note(n: int, what: str) -> str:
        if n == 0:
            return f"no posting states {what}"
        if n == 1:
            return "from one posting: that posting's own figure, left out (see the notes)"
        return f"from fewer than {MIN_N} postings: read with care" if n < MIN_N else ""

    fixed_remote = remote_share_set(f)
    moved = changes(df, fixed_remote=bool(fixed_remote))

    def change(label: str) -> str:
        return moved[label].cell() if label in moved else ""

    postings = theme.fmt_int(cur["postings"])
    rows = [("Postings", postings, postings, change("Postings"), ""),
            ("Companies", theme.fmt_int(cur["companies"]), postings, change("Companies"), "")]
    shown = {"Median salary": ("median_salary_usd", theme.fmt_usd), "Remote": ("share_remote", theme.fmt_pct),
             "Years required": ("median_years", theme.fmt_years)}
    for label, n_col, what, _ in STATED:
        n = int(cur[n_col])
        if label == "Remote" and fixed_remote:
            rows.append((label, SET_BY_FILTER, theme.fmt_int(n), "", f"Share fully remote: {fixed_remote}"))
            continue
        col, fmt = shown[label]
        rows.append((label, theme.kpi(fmt(cur[col]), n), theme.fmt_int(n), change(label), note(n, what)))
    return Headline(("Figure", "Value", "n", "Change", "Note"), tuple(rows), tuple(headline_notes(f, df)))


def headline_slide(ctx: Context, df: pd.DataFrame) -> Headline | None:
    """The Overview's deck and PDF slide of the headline figures (ChartDef.slide); None without postings."""
    if df.empty or not int(_rows(df)[0]["postings"]):
        return None
    return headline(ctx.f, df)


CHARTS: tuple[ChartDef, ...] = (
    ChartDef("ov_kpis", "Headline figures", lambda c: Call(overview.kpis, (c.f,)), None,
             caveats=kpi_caveats, fields=("salary", "remote", "experience_years"), slide=headline_slide,
             data_columns=with_changes),
    ChartDef("ov_per_month", "Postings per month", lambda c: Call(overview.postings_per_month, (c.f,)),
             per_month, drill=("month",)),
)
