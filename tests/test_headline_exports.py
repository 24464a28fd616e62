"""The headline figures as the exports carry them (hqa40, lead rulings on hqa39's questions): a table slide in
the Overview's deck and PDF with each figure's n, marks and notes as on screen; a ``set_by`` column in their
data files; the note of a view resting mostly on undated postings first; "Degree asked" saying no posting
states a degree."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import SET_BY_FILTER, Filters

D0, D1 = pd.Timestamp("2025-01-01"), pd.Timestamp("2025-03-31")


def _kpis(postings: int = 607, undated: int = 0, remote_n: int = 40, salary_n: int = 40, years_n: int = 40,
          prev: int = 0, before: dict | None = None) -> pd.DataFrame:
    """An overview.kpis answer; ``before``: the previous period's figures (its n as the current's when
    given), else a previous period with ``prev`` postings and no figure."""
    row = {"period_start": D0, "period_end": D1, "companies": 9, "median_salary_usd": 120_000.0,
           "share_remote": 0.25, "median_years": 5.0 if years_n else float("nan")}
    earlier = {"salary_n": 0, "remote_n": 0, "years_n": 0} if before is None else {
        "salary_n": salary_n, "remote_n": remote_n, "years_n": years_n, **before}
    return pd.DataFrame([
        {**row, "period": "current", "postings": postings, "salary_n": salary_n, "remote_n": remote_n,
         "years_n": years_n, "undated": undated},
        {**row, "period": "current_dated", "postings": postings - undated, "salary_n": salary_n,
         "remote_n": remote_n, "years_n": years_n, "undated": 0},
        {**row, "period": "previous", "postings": prev, **earlier, "undated": 0,
         "period_start": D0 - pd.Timedelta(days=90), "period_end": D0 - pd.Timedelta(days=1)},
    ])


# Lead ruling 3: a view under a date range (undated postings kept) resting mostly on undated postings says so
# first
def test_a_view_resting_mostly_on_undated_postings_says_so_first() -> None:
    from analytics.figures.overview import headline_notes

    ranged = Filters(date_from=date(2025, 1, 1), date_to=date(2025, 3, 31))
    notes = headline_notes(ranged, _kpis(607, undated=593))
    assert notes[0] == "593 of 607 postings have no date: the figures rest mostly on undated postings.", notes
    assert not any("Includes" in n for n in notes), notes  # said once
    # half or fewer, or no date range: the old note
    assert headline_notes(ranged, _kpis(600, undated=300))[0] == "Includes 300 postings without a date."
    assert "rest mostly" not in " ".join(headline_notes(Filters(), _kpis(607, undated=593)))
    # every posting undated: "9 of 9 ... mostly" understated it
    assert headline_notes(ranged, _kpis(9, undated=9))[0] == (
        "All 9 postings have no date: the figures rest on undated postings only.")


# Lead ruling 1: the headline figures as a table, each with its n, mark and note as on screen
def test_the_headline_table_has_each_figure_with_its_n_mark_and_note() -> None:
    from analytics.figures.overview import headline

    table = headline(Filters(), _kpis(607, remote_n=12, salary_n=1, years_n=0))
    assert table.columns == ("Figure", "Value", "n", "Change", "Note")
    rows = {r[0]: r for r in table.rows}
    assert list(rows) == ["Postings", "Companies", "Median salary", "Remote", "Years required"]
    assert rows["Postings"][1:3] == ("607", "607")
    assert rows["Remote"][1:3] == ("25.0% ⚠", "12") and "fewer than 30" in rows["Remote"][4]
    assert rows["Median salary"][1] == "–" and "one posting" in rows["Median salary"][4]
    assert rows["Years required"][1] == "–" and "no posting" in rows["Years required"][4]
    assert table.notes and table.notes[0].startswith("Includes") is False  # no undated posting here
    fixed = {r[0]: r for r in headline(Filters(remote=("remote",)), _kpis(607, remote_n=12)).rows}
    assert fixed["Remote"][1] == SET_BY_FILTER
    assert "Work arrangement filter keeps remote only" in fixed["Remote"][4]
    assert "fewer than" not in fixed["Remote"][4]


# Lead ruling 2: the headline figures' data carries set_by, last
@pytest.mark.usefixtures("tiny_db")
def test_the_headline_data_says_which_figure_the_filter_sets() -> None:
    from analytics.figures import with_binned_precision
    from analytics.queries import overview

    plain = overview.kpis(Filters())
    assert plain.df.columns[-1] == "set_by" and plain.df["set_by"].isna().all()
    cols = list(plain.df.columns[:-1])
    assert cols[:4] == ["period", "period_start", "period_end", "postings"]  # the old columns, in order
    res = overview.kpis(Filters(remote=("remote",)))
    assert list(res.df.columns[:-1]) == cols
    assert set(res.df["set_by"]) == {"share_remote: the Work arrangement filter keeps remote only, so every "
                                     "posting here that states an arrangement is remote (100%)"}
    exported = with_binned_precision(res.df, res.caveats)  # the data files' column, after any other added
    assert exported.columns[-1] == "set_by"


def test_the_set_by_column_is_formula_safe() -> None:
    from analytics.export import tables

    df = pd.DataFrame({"period": ["current"], "set_by": ["=HYPERLINK(\"http://x\")"]})
    assert tables.to_csv(df).decode().splitlines()[1] == "current,\"'=HYPERLINK(\"\"http://x\"\")\""


# Lead ruling 1: the Overview's deck and PDF carry the table slide
@pytest.mark.usefixtures("tiny_db")
def test_the_overview_deck_and_pdf_carry_the_headline_table(tiny_db: Path) -> None:  # noqa: F811
    from pptx import Presentation

    from analytics.export import deck, pdf
    from analytics.export.meta import Section
    from analytics.report import collect

    cover, _, charts = collect(["overview"], Filters(remote=("remote",)), tiny_db)
    items = charts[0].charts
    assert [c.meta.title for c in items][:1] == ["Headline figures"], [c.meta.title for c in items]
    assert items[0].table is not None
    table_only = [Section(cover.title, items[:1])]  # no picture to draw: no browser needed
    prs = Presentation(io.BytesIO(deck.build(cover, table_only)))
    slide = list(prs.slides)[1]
    tables = [s.table for s in slide.shapes if s.has_table]
    assert len(tables) == 1
    cells = [[c.text for c in row.cells] for row in tables[0].rows]
    assert cells[0] == ["Figure", "Value", "n", "Change", "Note"]
    remote = next(r for r in cells if r[0] == "Remote")
    assert remote[1] == SET_BY_FILTER
    data = pdf.build(cover, table_only)
    assert data.startswith(b"%PDF")


# Lead ruling 4: no posting in view states a degree: the one bar stays, a caption line says so
@pytest.mark.usefixtures("tiny_db")
def test_degree_asked_says_when_no_posting_states_one(tiny_db: Path) -> None:  # noqa: F811
    from analytics.figures import Context, experience

    defn = next(c for c in experience.CHARTS if c.key == "ex_degree")
    assert defn.caveats is not None
    none_stated = pd.DataFrame({"degree": ["not stated"], "postings": [12], "share": [1.0]})
    said = experience.degree_caveats_of(none_stated, ())
    assert said == ("no posting in this view states a degree",)
    stated = pd.DataFrame({"degree": ["not stated", "bachelor"], "postings": [12, 3], "share": [0.8, 0.2]})
    assert experience.degree_caveats_of(stated, ()) == ()
    assert isinstance(defn.caveats(Context(f=Filters(), db=tiny_db), ()), tuple)


FEW = {"companies": 4, "salary_n": 12, "remote_n": 12, "years_n": 12}  # a previous period of 12 postings


# Lead ruling on hqa40 question 1: a "Change" column on the headline slide, each figure's change text as the
# screen shows it and its mark, empty where the screen shows none; the same text in the data files, added last
def test_the_headline_table_says_each_change_and_its_mark_as_on_screen() -> None:
    from analytics.figures.overview import headline

    before = {"companies": 7, "median_salary_usd": 110_000.0, "share_remote": 0.219, "median_years": 5.0}
    table = headline(Filters(), _kpis(607, undated=7, prev=500, before=before))
    change = {r[0]: r[3] for r in table.rows}
    assert change == {"Postings": "up, green: +100 (dated: 500 → 600)",
                      "Companies": "up, green: +2 (dated: 7 → 9)",
                      "Median salary": "up, green: +10,000 USD (dated: $110,000 → $120,000)",
                      "Remote": "up, green: +3.1 pts (dated: 21.9% → 25.0%)",
                      "Years required": "flat: ±0.0 years (dated: 5.0 years → 5.0 years)"}, change
    # a fall is red; the years' change grey as the screen draws it; no undated posting: the change alone
    fell = {r[0]: r[3] for r in headline(Filters(), _kpis(
        40, prev=50, before={"companies": 12, "median_salary_usd": 130_000.0, "share_remote": 0.25,
                             "median_years": 4.0})).rows}
    assert fell["Postings"] == "down, red: -10" and fell["Companies"] == "down, red: -3", fell
    assert fell["Remote"] == "flat: ±0.0 pts" and fell["Years required"] == "up, grey: +1.0 years", fell
    # fewer than 30 dated postings in a period: the counts' changes grey and marked, the others none
    few = {r[0]: r[3] for r in headline(Filters(), _kpis(40, prev=12, before=FEW)).rows}
    assert few["Postings"] == "up, grey: +28 ⚠" and few["Companies"] == "up, grey: +5 ⚠", few
    assert few["Median salary"] == few["Remote"] == few["Years required"] == "", few
    # no earlier period (the default view), a share the filter sets: no change shown, an empty cell
    assert {r[3] for r in headline(Filters(), _kpis(607)).rows} == {""}
    fixed = {r[0]: r[3] for r in headline(Filters(remote=("remote",)), _kpis(
        607, prev=500, before=before)).rows}
    assert fixed["Remote"] == "" and fixed["Postings"].startswith("up, green"), fixed


def test_the_page_draws_the_changes_the_slide_says() -> None:
    """The Overview's metrics and the slide read one rule (figures.overview.changes): each delta as the
    Change cell's text, green/red where the cell says so, grey where it says grey."""
    from analytics.figures.overview import changes

    drawn = changes(_kpis(40, prev=12, before=FEW))
    assert {k: (c.text, c.colour) for k, c in drawn.items()} == {
        "Postings": ("+28 ⚠", "off"), "Companies": ("+5 ⚠", "off")}
    assert changes(_kpis(607)) == {}


def test_the_headline_data_files_carry_the_changes_last_and_formula_safe() -> None:
    from analytics.export import tables
    from analytics.figures import with_binned_precision, with_small_flag
    from analytics.figures.overview import CHARTS
    from analytics.queries.overview import with_set_by
    from analytics.result import QueryResult

    defn = next(c for c in CHARTS if c.key == "ov_kpis")
    before = {"companies": 7, "median_salary_usd": 110_000.0, "share_remote": 0.219, "median_years": 5.0}
    raw = _kpis(607, undated=7, prev=500, before=before)
    for f, remote in ((Filters(), "up, green: +3.1 pts (dated: 21.9% → 25.0%)"),
                      (Filters(remote=("remote",)), None)):  # the share the filter sets: no change, empty
        res = with_set_by(QueryResult(df=raw, sql="", params={}, n=607), f)
        caveats = ("medians from $1,000 salary bins",)  # as the binned answer's: its column too
        out = with_binned_precision(with_small_flag(defn, res.df), caveats)
        cols = list(out.columns)
        assert cols[:len(raw.columns)] == list(raw.columns)  # every column before, in its order
        assert cols[cols.index("set_by"):] == ["set_by", "change_postings", "change_companies",
                                               "change_median_salary_usd", "change_share_remote",
                                               "change_median_years"], cols
        current = out[out["period"] == "current"].iloc[0]
        assert current["change_postings"] == "up, green: +100 (dated: 500 → 600)"
        assert (None if pd.isna(current["change_share_remote"]) else current["change_share_remote"]) == remote
        assert out[out["period"] != "current"]["change_postings"].isna().all()  # the screen's row only
        # a cell opens on its mark, not a sign: it goes out as it is, not marked as text
        line = tables.to_csv(out).decode().splitlines()
        assert "up, green: +100 (dated: 500 → 600)" in line[1] and "'up" not in line[1], line[1]
    hostile = pd.DataFrame({"period": ["current"], "change_postings": ["-1+HYPERLINK(\"http://x\")"]})
    assert tables.to_csv(hostile).decode().splitlines()[1].startswith("current,\"'-1+HYPERLINK")
