"""The one sample-size rule on figures: a figure from fewer than 30 postings is drawn grey and
hatched with its n, never hidden and never solid; lines break over months without data and
leave small months off the solid line; counts get integer axes and "70 (30%)" labels."""

from __future__ import annotations

import math
import re
from dataclasses import replace
from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.figures import experience, page_charts, regions, salary, skills, theme
from analytics.filters import Filters
from analytics.pages import CHART_PAGES


def test_premium_bars_small_ones_grey_hatched_and_zero_bars_labelled() -> None:
    df = pd.DataFrame({"skill": ["Python", "Go"], "n": [40, 12], "median_salary_usd": [120_000.0, 100_000.0],
                       "overall_median": [100_000.0, 100_000.0], "premium_usd": [20_000.0, 0.0],
                       "premium_share": [0.2, 0.0], "enough": [True, False], "total": [60, 60]})
    bar = skills.premium(df).data[0]
    by_skill = dict(zip(bar.y, zip(bar.marker.color, bar.marker.pattern.shape, bar.text)))
    assert by_skill["Go"][:2] == (theme.SMALL_COLOR, "/")  # drawn, marked
    assert by_skill["Python"][:2] == (theme.ONE_COLOR, "")  # solid, one colour
    assert by_skill["Go"][2] == "$0 (n=12)" and by_skill["Python"][2] == "+$20,000 (n=40)"


def test_top_skills_one_colour_and_count_share_labels() -> None:
    df = pd.DataFrame({"skill": ["Python", "Go"], "category": ["language"] * 2, "postings": [70, 35],
                       "share": [0.3, 0.15], "total": [233, 233]})
    bar = skills.top(df).data[0]
    assert set(bar.marker.color) == {theme.ONE_COLOR}
    assert list(bar.text) == ["35 (15%)", "70 (30%)"]  # drawn bottom-up
    small = skills.top(df.assign(total=20)).data[0]  # shares of 20 postings: every bar marked
    assert set(small.marker.pattern.shape) == {"/"}


def test_trend_breaks_over_gaps_and_keeps_small_months_off_the_line() -> None:
    df = pd.DataFrame({"month": pd.to_datetime(["2024-01-01", "2024-02-01", "2024-05-01"]),
                       "skill": ["Python"] * 3, "postings": [20, 1, 30], "month_total": [40, 2, 60],
                       "share": [0.5, 0.5, 0.5]})
    fig = skills.trend(df)
    line = fig.data[0]
    months = [pd.Timestamp(m).strftime("%Y-%m") for m in line.x]
    assert months == ["2024-01", "2024-02", "2024-03", "2024-04", "2024-05"]  # the gap is there ...
    ys = [None if v is None or (isinstance(v, float) and math.isnan(v)) else v for v in line.y]
    assert ys == [0.5, None, None, None, 0.5] and line.connectgaps is False  # ... and breaks the line
    small = fig.data[-2]  # February (2 postings): an open marker in Python's colour (last: the legend's key)
    # its n after the drill-down's month and skill (ui.chart reads customdata[i] as drill[i])
    assert small.marker.symbol == "circle-open" and list(small.customdata[0])[1:4] == ["Python", 1, 2]
    assert small.marker.color == line.line.color and small.legendgroup == "Python"


def test_salary_groups_drawn_all_with_n_and_count_axes_integer() -> None:
    df = pd.DataFrame(
        {
            "group": ["senior", "lead"],
            "n": [45, 5],
            "p10": [1.0, 1.0],
            "p25": [90e3, 80e3],
            "median": [100e3, 90e3],
            "p75": [120e3, 95e3],
            "p90": [1.0, 1.0],
            "enough": [True, False],
        }
    )
    bar = salary.distribution(df).data[0]
    assert list(bar.x) == ["senior", "lead"] and list(bar.marker.pattern.shape) == ["", "/"]
    assert bar.text[1] == "$90,000 (n=5)"
    years = experience.years(pd.DataFrame({"years": [1, 2], "postings": [3, 1]}))
    assert years.layout.yaxis.dtick == 1 and years.layout.yaxis.tickformat == ",d"


def test_years_required_draws_the_capped_bar_and_whole_year_ticks() -> None:
    """QA on the real samples (experience_years_axis.png): the "15+" bar was not drawn - the years went to
    Plotly as text, "1" ... "14" made the axis numeric, and "15+" is no number on it - and with few bars the
    axis read 3.5, 4.5 ... The years are numbers on the axis, each tick a whole year, the cap named "15+"."""
    from analytics.queries.experience import YEARS_CAP

    fig = experience.years(pd.DataFrame({"years": [4, 5, 7, YEARS_CAP], "postings": [3, 1, 2, 1]}))
    bar = fig.data[0]
    assert [float(x) for x in bar.x] == [4, 5, 7, YEARS_CAP]  # every bar at a number, the gap at 6 kept
    assert list(fig.layout.xaxis.tickvals) == [4, 5, 7, YEARS_CAP]
    assert list(fig.layout.xaxis.ticktext) == ["4", "5", "7", f"{YEARS_CAP}+"]
    assert [list(c) for c in bar.customdata] == [[4], [5], [7], [YEARS_CAP]]  # the drill-down's values
    assert f"{YEARS_CAP}+" in list(bar.hovertext)


def test_years_two_years_apart_keep_their_gap_visible() -> None:
    """QA hqa41 on the real exports (RemoteOK alone: 3 postings asking 5 years, 2 asking 8): the two bars
    stood side by side, each 2.4 years wide (Plotly's default: 0.8 of the closest two bars' distance), so 6
    and 7 years, which no posting asks, read as no gap. Each bar is a year wide (0.8), as on a phone's
    rows."""
    for years in ([5, 8], [3, 5, 8, 10], [4, 5, 7]):
        bar = experience.years(pd.DataFrame({"years": years, "postings": [1] * len(years)})).data[0]
        assert bar.width == 0.8, (years, bar.width)


def _countries(*iso3: str) -> pd.DataFrame:
    n = len(iso3)
    return pd.DataFrame({"country": [c[:2] for c in iso3], "iso3": list(iso3), "postings": [100] * n,
                         "median_salary_usd": [1.0] * n, "share_remote": [0.1] * n, "salary_n": [40] * n,
                         "remote_n": [40] * n})


def test_world_map_shows_the_whole_world() -> None:
    """Left to Plotly, the world map was fitted into the chart's height off centre (east Asia and Oceania
    cut, Europe at the right edge): with countries in view across the world the range covers every
    longitude and the inhabited latitudes, in a world projection."""
    from analytics.figures import regions

    geo = regions.world(_countries("DEU", "USA", "IND", "BRA", "AUS"), "postings").layout.geo
    assert list(geo.lonaxis.range) == [-180, 180]
    assert geo.lataxis.range[0] <= -55 and geo.lataxis.range[1] >= 80
    assert geo.projection.type == "natural earth" and geo.fitbounds is False
    assert geo.center.lon == 0


def test_world_map_fits_one_country_or_a_few_close_together() -> None:
    """QA round fourteen: under a one-country filter the map stayed the whole world, Germany a dot in a
    phone-width box. One country, or a few close together, get a view fitted to them with their neighbours
    around; France's view is Europe, not French Guiana to Paris (its main parts only)."""
    from analytics.figures import regions

    def ranges(*iso3: str) -> tuple[list[float], list[float]]:
        geo = regions.world(_countries(*iso3), "postings").layout.geo
        assert geo.projection.type == "natural earth" and geo.fitbounds is False
        return list(geo.lonaxis.range), list(geo.lataxis.range)

    lon, lat = ranges("DEU")
    assert lon[0] < 5.9 and lon[1] > 15.0 and lat[0] < 47.3 and lat[1] > 55.0  # all of Germany
    assert lon[1] - lon[0] < 40 and lat[1] - lat[0] < 25  # and not much more
    lon, lat = ranges("FRA")
    assert lon[0] > -20 and lat[0] > 30  # mainland France and Corsica
    lon, lat = ranges("DEU", "POL", "FRA", "GBR", "NLD")
    assert lon[1] - lon[0] < 60 and lat[1] - lat[0] < 40
    lon, lat = ranges("USA", "CAN")
    assert lon[0] < -125 and lon[1] > -67 and lat[1] - lat[0] < 90
    assert ranges("USA", "DEU")[0] == [-180, 180]  # across an ocean and more: the world
    assert ranges("XKX")[0] == [-180, 180]  # a country the outlines lack: nothing to fit


def test_a_fitted_world_map_in_a_narrow_window_is_as_tall_as_its_map() -> None:
    """QA round twenty-seven at 390 px under German postings: the map fitted to Germany drew 242 px tall in a
    420-px plot (the chart 460 px), about 90 px blank above it and 100 under; with Poland beside it and its
    colour bar, 230 px in 349. In a narrow window a fitted map's chart is as tall as the map at a phone's plot
    width (338 px at 390) with the margins and the colour bar's room, never taller than before; the whole
    world and a wide window keep their heights. The projected aspect is natural earth's (d3's formula, as
    Plotly draws it: Germany's view 0.7165, measured in Chromium)."""
    from analytics.figures import geo, regions

    de = regions.world(_countries("DEU"), "postings", narrow=True)
    ranges = {"lon": tuple(de.layout.geo.lonaxis.range), "lat": tuple(de.layout.geo.lataxis.range)}
    assert abs(geo.aspect(ranges) - 0.7165) < 0.001
    assert de.layout.height == 30 + 10 + round(338 * geo.aspect(ranges)), de.layout.height  # no colour bar
    two = _countries("DEU", "POL").assign(postings=[500, 700])  # two values: a colour bar under the map
    depl = regions.world(two, "postings", narrow=True)
    assert any(t.showscale for t in depl.data)
    rng = {"lon": tuple(depl.layout.geo.lonaxis.range), "lat": tuple(depl.layout.geo.lataxis.range)}
    assert depl.layout.height == 30 + 10 + regions.COLORBAR_ROOM + round(338 * geo.aspect(rng))
    assert depl.layout.height < 460
    assert regions.world(_countries("DEU"), "postings").layout.height == 460  # a wide window: as before
    world = regions.world(_countries("DEU", "USA", "IND", "BRA", "AUS"), "postings", narrow=True)
    assert world.layout.height == regions.NARROW_MAP_HEIGHT
    tall = regions.world(_countries("CHL"), "postings", narrow=True)  # a tall view: never over 460
    assert tall.layout.height <= 460


def _stated(fig) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.text for a in fig.layout.annotations]


def test_a_map_colouring_one_country_states_its_figure_on_the_map() -> None:
    """Lead ruling 3 on hqa41 (de_regions, frall_regions on the real exports): under German or French postings
    the world map coloured Germany alone in one blue, no colour bar (one value), so a still export said
    nothing of the figure: the hover alone gave "47 postings". Where the map draws no colour bar, each area
    it colours has its figure written on the map (a salary of one posting as that posting's, not a median);
    with a colour bar, nothing is added."""
    from analytics.figures import regions

    de = _countries("DEU").assign(postings=[47], median_salary_usd=[81_921.0], salary_n=[12],
                                  share_remote=[0.4], remote_n=[35])
    assert _stated(regions.world(de, "postings")) == ["Germany: 47 postings"]
    assert _stated(regions.world(de, "postings", narrow=True)) == ["Germany: 47 postings"]
    assert _stated(regions.world(de, "median_salary_usd")) == [
        "Germany: median salary $81,921 from 12 postings stating a salary (fewer than 30)"]
    assert _stated(regions.world(de.assign(salary_n=[1]), "median_salary_usd")) == [
        "Germany: one posting states a salary, $81,921"]
    assert _stated(regions.world(de, "share_remote")) == [
        "Germany: 40% remote, of 35 postings stating a work arrangement"]
    assert _stated(regions.world(de.assign(remote_n=[1], share_remote=[1.0]), "share_remote")) == [
        "Germany: one posting states a work arrangement (remote)"]
    assert _stated(regions.world(de.assign(remote_set=[True]), "share_remote")) == [
        "Germany: share remote set by the filter"]
    one = regions.world(de.assign(postings=[1]), "postings")
    assert _stated(one) == ["Germany: 1 posting"]
    # several areas of one value (no colour bar) each named; a colour bar states the figures itself
    two = _countries("DEU", "AUT").assign(country=["DE", "AT"], postings=[5, 5])
    assert _stated(regions.world(two, "postings")) == ["Germany: 5 postings · Austria: 5 postings"]
    assert _stated(regions.world(two.assign(postings=[5, 7]), "postings")) == []
    ca = pd.DataFrame([{"state": "CA", "postings": 60, "median_salary_usd": 150_000.0, "salary_n": 40,
                        "share_remote": 0.5, "remote_n": 40}])
    assert _stated(regions.states(ca, "median_salary_usd")) == [
        "California: median salary $150,000 from 40 postings stating a salary"]


def test_an_empty_band_between_two_with_postings_is_labelled_0() -> None:
    """Lead ruling 4 on hqa41 (after_remoteok_salary): the empty "$50k-$100k" band hqa41 added between two
    holding postings drew no label while every other bar had its count: Plotly's "auto" leaves a label off
    a bar of no height. A bar of 0 writes "0" above its baseline (outside), as the others write theirs; the
    years' bands alike, wide and in a narrow window (rows, labelled past their ends already)."""
    bands = pd.DataFrame({"band": ["<$50k", "$50k-$100k", "$100k-$150k"], "postings": [1, 0, 2]})
    bar = salary.bands(bands).data[0]
    assert list(bar.text) == ["1", "0", "2"]
    assert list(bar.textposition) == ["auto", "outside", "auto"] and bar.cliponaxis is False
    assert list(salary.bands(bands, narrow=True).data[0].text)[1] == "0"
    years = pd.DataFrame({"band": ["4-5", "6-7", "8-10"], "postings": [18, 0, 20],
                          "share": [0.47, 0.0, 0.53]})
    for narrow in (False, True):
        bar = experience.year_bands(years, narrow=narrow).data[0]
        assert list(bar.text)[1].startswith("0"), bar.text
        positions = [bar.textposition] * 3 if isinstance(bar.textposition, str) else list(bar.textposition)
        assert positions[1] == "outside", (narrow, positions)


def test_median_bars_whiskers_reach_the_quartiles() -> None:
    df = pd.DataFrame({"group": ["a", "b"], "median": [100_000.0, 80_000.0], "p25": [90_000.0, 60_000.0],
                       "p75": [130_000.0, 85_000.0], "n": [40, 3]})
    for fig, x in ((salary.quartiles(df, "Group"), "group"),
                   (experience.by_level(df.rename(columns={"group": "seniority"}).assign(
                       seniority=["senior", "staff"])), "seniority")):
        bar = fig.data[0]
        assert list(bar.y) == [100_000.0, 80_000.0]
        assert list(bar.error_y.array) == [30_000.0, 5_000.0]
        assert list(bar.error_y.arrayminus) == [10_000.0, 20_000.0]
        assert [row[1:] for row in bar.customdata.tolist()] == [[40, 90_000.0, 130_000.0],
                                                                 [3, 60_000.0, 85_000.0]]
        assert bar.marker.pattern.shape[1] == theme.SMALL_PATTERN, x  # n = 3 is a small sample


def test_category_axes_show_no_column_names() -> None:
    """A reader sees "Work arrangement" and no axis titled "field" or "reason" (internal names)."""
    from analytics.figures import data as df_

    cov = df_.coverage(pd.DataFrame({"field": ["work_arrangement", "location"], "postings_with": [3, 4],
                                     "share": [0.3, 0.4]}))
    assert list(cov.data[0].y) == ["Work arrangement", "Location"] and cov.layout.yaxis.title.text == ""
    reasons = df_.reasons(pd.DataFrame({"reason": ["missing title and description"], "records": [2]}))
    assert reasons.layout.yaxis.title.text == ""


def _quartile_frame(k: int) -> pd.DataFrame:
    return pd.DataFrame({"group": [f"Skill {i}" for i in range(k)],
                         "median": [100_000.0 - i for i in range(k)], "p25": [90_000.0] * k,
                         "p75": [110_000.0] * k, "n": [40] * k})


def test_many_salary_groups_lie_as_rows_so_their_labels_fit() -> None:
    """Twelve skills as columns left each "$104,500 (n=117)" label wider than its bar (cut on the real
    samples); past six groups the bars lie horizontally, in the frame's order from the top."""
    few = salary.quartiles(_quartile_frame(5), "Seniority").data[0]
    assert few.orientation in (None, "v") and few.x[0] == "Skill 0"
    fig = salary.quartiles(_quartile_frame(12), "Skill")
    bar = fig.data[0]
    assert bar.orientation == "h" and bar.y[0] == "Skill 0" and fig.layout.yaxis.autorange == "reversed"
    assert bar.x[0] == 100_000.0 and bar.error_x.array[0] == 10_000.0
    assert bar.hovertemplate.startswith("<b>%{y}</b>") and "%{x:,.0f}" in bar.hovertemplate
    assert fig.layout.xaxis.title.text.startswith("Median salary") and fig.layout.yaxis.title.text == "Skill"


def test_bar_labels_outside_the_bars_have_room_inside_the_chart() -> None:
    """The premium's and the movers' labels sit outside their bars: the axis leaves room for them at both
    ends ("+$40,268 (n=39)" was cut at the right edge, "-$5,232 (n=46)" ran into the skill names)."""
    df = pd.DataFrame({"skill": ["Go", "Java"], "n": [39, 46], "median_salary_usd": [140e3, 95e3],
                       "overall_median": [100e3, 100e3], "premium_usd": [40_000.0, -5_000.0],
                       "premium_share": [0.4, -0.05], "enough": [True, True], "total": [60, 60]})
    lo, hi = skills.premium(df).layout.xaxis.range
    assert lo < -5_000 - 0.2 * 45_000 and hi > 40_000 + 0.2 * 45_000
    from analytics.figures import regions

    places = pd.DataFrame({"place": ["San Francisco-Oakland-Berkeley"], "country": ["US"],
                           "postings": [142], "median_salary_usd": [1.0], "salary_n": [0],
                           "share_remote": [0.5], "remote_n": [3]})
    lo, hi = regions.places(places).layout.xaxis.range
    assert lo == 0 and hi > 142 * 1.1
    # Top skills: "74 (100%)" ran past the right edge under a skills filter (real samples, Python and Go)
    top = pd.DataFrame({"skill": ["Go", "Kafka"], "postings": [74, 15], "total": [74, 74],
                        "share": [1.0, 15 / 74]})
    lo, hi = skills.top(top).layout.xaxis.range
    assert lo == 0 and hi > 1.0 * 1.1


def test_movers_axis_reads_in_points_like_its_labels() -> None:
    df = pd.DataFrame({"skill": ["Go", "Ruby"], "count_a": [1, 9], "count_b": [9, 1], "share_a": [0.1, 0.3],
                       "share_b": [0.3, 0.1], "n_a": [40, 40], "n_b": [40, 40], "change": [0.2, -0.2]})
    fig = skills.movers(df)
    assert sorted(fig.data[0].x) == [-20.0, 20.0] and fig.layout.xaxis.ticksuffix == " pts"
    assert "%" not in fig.layout.xaxis.tickformat and list(fig.data[0].text) == ["-20.0 pts", "+20.0 pts"]


def test_many_count_bars_carry_level_labels_above_them() -> None:
    """Fifteen bars of years in half the page turned "227 (44%)" on its side inside each bar and cut it."""
    counts = [1, 15, 44, 46, 227, 38, 49, 42, 6, 41, 1, 4, 0, 0, 1]
    df = pd.DataFrame({"years": list(range(15)), "postings": counts})
    bar = experience.years(df).data[0]
    assert bar.textposition == "outside" and bar.textangle == 0 and bar.text[4] == "227<br>(44%)"
    few = experience.year_bands(pd.DataFrame({"band": ["0-1", "2-3"], "postings": [1, 59]})).data[0]
    assert few.text[1] == "59 (98%)"


@pytest.mark.usefixtures("tiny_db")
def test_every_chart_has_a_hover_text_for_people() -> None:
    """Plotly express's own hover text reads "month=%{x}<br>postings=%{y}" (column names, raw numbers):
    every chart of every page has a written one (seen on Postings per month and the Data page's bars)."""
    for page in CHART_PAGES:
        for chart in page_charts(page.slug, Filters()):
            for trace in chart.figure.data if chart.figure is not None else ():
                hover = trace.hovertemplate or ""
                assert hover and "=%{" not in hover, (chart.defn.key, hover)


def test_median_years_labels_say_the_bars_height() -> None:
    """Seen on the real-sample screenshots: a median of 9.5 years was labelled "10 years" on a bar that
    stops at 9.5. A median on a half year says the half; a whole one stays whole."""
    df = pd.DataFrame({"seniority": ["senior", "principal"], "median": [5.0, 9.5], "p25": [5.0, 7.0],
                       "p75": [6.0, 10.0], "n": [410, 14]})
    assert list(experience.by_level(df).data[0].text) == ["5 years (n=410)", "9.5 years (n=14)"]


def test_a_bar_label_never_reads_0_percent_for_postings_that_exist() -> None:
    """Seen on the real samples (artifacts/qa/experience-default-tab2.png): Years required labelled a bar of
    1 posting of 522 "1 (0%)". A share under half a percent of a non-zero count reads "<1%"."""
    assert theme.count_label(1, 1 / 522) == "1 (<1%)"
    assert theme.count_label(0, 0.0) == "0 (0%)"
    assert theme.count_label(234, 0.448) == "234 (45%)"
    assert theme.count_label(5, None) == "5"


def test_count_bars_give_no_share_when_fewer_than_min_n_postings_stand_behind_it() -> None:
    """Seen on the real samples (artifacts/qa/flow-7-salary.png): under Poland, remote, Python and React
    (one posting) Postings by salary band labelled its bar "1 (100%)", drawn solid: a share from one posting
    without a caution. Counts are facts and stay; the share shows only from MIN_N postings on."""
    one = pd.DataFrame({"band": ["$50k-$100k"], "postings": [1], "salary_band": ["$50k-$100k"]})
    assert list(salary.bands(one).data[0].text) == ["1"]
    many = pd.DataFrame({"band": ["a", "b"], "postings": [20, 20], "salary_band": ["a", "b"]})
    assert list(salary.bands(many).data[0].text) == ["20 (50%)", "20 (50%)"]
    years = pd.DataFrame({"years": [3, 5], "postings": [2, 3]})
    assert all("%" not in t for t in experience._count_bars(years, "years").data[0].text)


def test_the_small_sample_column_is_there_for_every_share_chart_even_without_rows() -> None:
    """A chart's data file keeps one shape: its query's columns, then fewer_than_30_postings - also when the
    filters leave no rows (a script reading several exports finds the column in each)."""
    import pandas as pd

    from analytics.figures import SMALL_COLUMN, chart, with_small_flag

    top = chart("sk_top")
    empty = pd.DataFrame({"skill": [], "category": [], "postings": [], "share": [], "total": []})
    assert list(with_small_flag(top, empty).columns) == [*empty.columns, SMALL_COLUMN]
    rows = pd.DataFrame({"skill": ["Go", "Rust"], "category": ["language"] * 2, "postings": [5, 0],
                         "share": [0.2, 0.0], "total": [25, 25]})
    assert with_small_flag(top, rows)[SMALL_COLUMN].tolist() == [True, True]
    counts = chart("ov_per_month")  # counts are exact: no column
    assert SMALL_COLUMN not in with_small_flag(counts, pd.DataFrame({"month": [], "postings": []})).columns


def test_the_small_sample_note_says_how_each_chart_marks_them() -> None:
    """QA on the real samples (regions_tab2.png): under Work arrangement by area the note said the small
    areas' bars were "drawn grey", but where colour carries meaning (the arrangement, the region, the
    level) they keep their colour and are only hatched. The note says what the chart shows."""
    from analytics import figures

    coloured = pd.DataFrame({"area": ["US", "AR"], "remote": ["remote", "remote"], "share": [0.5, 0.5],
                             "postings": [50, 5], "area_total": [100, 10]})
    for key in ("rg_remote", "rg_cmp_skills"):
        note = figures.small_note(figures.chart(key), coloured.assign(skill="Go"))
        # one small area: "its colour" (QA round twenty-seven)
        assert "hatched in its colour" in note and "grey" not in note, (key, note)
    levels = pd.DataFrame({"seniority": ["senior", "staff"], "level_total": [100, 10], "share": [0.2, 0.3]})
    assert "grey" not in figures.small_note(figures.chart("sk_resp"), levels)
    one = pd.DataFrame({"group": ["senior", "lead"], "n": [40, 5], "enough": [True, False]})
    grey = figures.small_note(figures.chart("sa_dist"), one)
    assert "drawn grey with its n (a bar hatched, a point open)" in grey  # one of them


def test_the_small_sample_note_names_years_as_years() -> None:
    """QA round eight on the real samples: under Germany, "Years required against median salary" said "2 of
    2 figures rest on fewer than 30 postings (5, 7)", which reads like two counts. The rows are years."""
    from analytics import figures

    years = pd.DataFrame({"years": [1, 5, 7], "n": [40, 3, 2], "enough": [True, False, False]})
    note = figures.small_note(figures.chart("ex_pay"), years)
    assert "(5 years, 7 years)" in note, note
    one = figures.small_note(figures.chart("ex_pay"), years.assign(years=[2, 1, 0]))
    assert "(1 year, 0 years)" in one, one


def test_the_small_sample_note_counts_one_figure_in_the_singular() -> None:
    """QA round eight: a map caption read "1 of 1 countries rest on ..."; the chart notes build the same
    "N of M" words. One of one: "the one figure rests"; one of several: "1 of 3 figures rests"."""
    from analytics import figures
    from analytics.figures.theme import n_of

    years = pd.DataFrame({"years": [5], "n": [3], "enough": [False]})
    only = figures.small_note(figures.chart("ex_pay"), years)
    assert only.startswith("The one figure rests on fewer than 30 postings (5 years)"), only
    some = figures.small_note(figures.chart("ex_pay"), pd.DataFrame(
        {"years": [1, 5, 7], "n": [40, 3, 50], "enough": [True, False, True]}))
    assert some.startswith("1 of 3 figures rests on fewer than 30 postings"), some
    assert n_of(2, 3, "country", "countries") == "2 of 3 countries rest"
    assert n_of(1, 3, "country", "countries") == "1 of 3 countries rests"
    assert n_of(1, 1, "country", "countries") == "the one country rests"
    from analytics.figures.theme import counted

    assert (counted(1), counted(5), counted(1_200)) == ("1 posting", "5 postings", "1,200 postings")


def test_the_salary_premium_note_lists_its_small_skills_in_the_order_of_the_bars() -> None:
    """QA round eight: the salary premium's small-sample list followed the query's order (most salaries
    first) while the bars run from the highest premium down: the list reads as the bars, top to bottom."""
    from analytics import figures

    df = pd.DataFrame({"skill": ["Go", "Rust", "Java", "Kotlin", "Elm"], "n": [80, 12, 9, 5, 3],
                       "median_salary_usd": [150e3, 130e3, 170e3, 140e3, 180e3],
                       "overall_median": [145e3] * 5, "premium_usd": [5e3, -15e3, 25e3, -5e3, 35e3],
                       "enough": [True, False, False, False, False]})
    defn = figures.chart("sk_premium")
    assert defn.build is not None
    fig = defn.build(df)
    top_down = [s for s in reversed(list(fig.data[0].y)) if s != "Go"]  # horizontal bars: the last on top
    note = figures.small_note(defn, df)
    assert top_down == ["Elm", "Java", "Kotlin", "Rust"]
    assert f"({', '.join(top_down)})" in note, note


def test_the_movers_note_names_and_counts_only_the_bars_drawn_in_their_order() -> None:
    """The movers chart draws the ten biggest risers and fallers, yet its small-sample note counted and named
    every skill the query returned, those in between without a bar too, in the query's order."""
    from analytics import figures

    k = 30  # skills K00 (the biggest riser) .. K29, every one from fewer than 30 postings
    df = pd.DataFrame({"skill": [f"K{i:02d}" for i in range(k)], "count_a": [1] * k, "count_b": [2] * k,
                       "share_a": [0.1] * k, "share_b": [0.2] * k, "n_a": [20] * k, "n_b": [20] * k,
                       "change": [0.3 - 0.01 * i for i in range(k)]})
    defn = figures.chart("sk_movers")
    assert defn.build is not None
    fig = defn.build(df)
    top_down = list(reversed(list(fig.data[0].y)))
    assert len(top_down) == 20 and top_down[0] == "K00" and top_down[-1] == "K29"
    note = figures.small_note(defn, df)
    assert note.startswith("20 of 20 figures rest"), note
    assert f"({', '.join(top_down[:12])}, …)" in note, note


def test_small_levels_are_named_as_and_in_the_order_the_chart_draws_them() -> None:
    """QA round fifteen: under "Years required by seniority" the note named "(Manager, Principal)" beside
    bars drawn principal then manager and ticked in lower case, and "Salary by seniority" "(manager,
    principal)": the levels are named left to right, as the axis writes them."""
    from analytics import figures

    rows = pd.DataFrame({"median": [5.0, 5.0, 9.0, 8.0], "p25": [4.0, 4.0, 8.0, 7.0],
                         "p75": [6.0, 6.0, 10.0, 9.0], "n": [18, 400, 14, 34]})
    years = rows.assign(seniority=["manager", "senior", "principal", "staff"])
    assert "(principal, manager)" in figures.small_note(figures.chart("ex_level"), years)
    pay = rows.assign(group=["manager", "senior", "principal", "staff"], enough=[False, True, False, True])
    assert "(principal, manager)" in figures.small_note(figures.chart("sa_dist"), pay)
    # groups that are not levels (by country) keep the query's order
    areas = pay.assign(group=["PL", "US", "DE", "GB"])
    # by their names, as the bars are (lead ruling 1 on hqa41: "(PL, DE)" beside bars named Poland, Germany)
    assert "(Poland, Germany)" in figures.small_note(figures.chart("sa_dist"), areas)


def test_the_salary_by_region_note_names_regions_as_its_bars_do() -> None:
    """Lead ruling 1 on hqa41 (x_fr_salary_region, French postings on the real exports): the note under
    "Salary by region" listed "(FR-GES, ..., FR-20R, ...)" while the bars said Grand-Est and Corsica: the
    note names each row as the chart's axis writes it, in the chart's order."""
    from analytics import figures

    rows = pd.DataFrame({"group": ["FR-GES", "FR-20R", "FR-IDF"], "n": [15, 5, 40],
                         "median": [28_509.0, 27_921.0, 30_000.0], "p25": [25_000.0] * 3,
                         "p75": [33_000.0] * 3, "enough": [False, False, True]})
    note = figures.small_note(figures.chart("sa_dist"), rows)
    assert "(Grand-Est, Corsica)" in note and "FR-" not in note, note
    drawn = salary.distribution(rows, by="region").data[0]
    assert list(drawn.x) == ["Grand-Est", "Corsica", "Île-de-France"]  # the names the note uses
    countries = rows.assign(group=["FR", "DE", "PL"])
    assert "(France, Germany)" in figures.small_note(figures.chart("sa_dist"), countries)
    # "Work arrangement by area" names its bars by place too (its note read "Grand-Est (FR-GES)"); the two
    # regions' skills keep the name with its code, as their legend writes it
    areas = pd.DataFrame({"area": ["FR-GES", "FR-20R"], "remote": ["remote", "remote"], "share": [0.5, 0.5],
                          "postings": [5, 2], "area_total": [10, 4], "skill": ["Go", "Go"]})
    assert "(Grand-Est, Corsica)" in figures.small_note(figures.chart("rg_remote"), areas)
    assert list(regions.remote(areas).data[0].x)[:1] == ["Grand-Est"]
    both = figures.small_note(figures.chart("rg_cmp_skills"), areas)
    assert "(Grand-Est (FR-GES), Corsica (FR-20R))" in both, both


def _one_lead(**more: object) -> pd.DataFrame:
    return pd.DataFrame({"group": ["senior", "lead"], "n": [11, 1], "median": [70_000.0, 81_921.0],
                         "p25": [60_000.0, 81_921.0], "p75": [80_000.0, 81_921.0], "enough": [False, False],
                         **more})


def test_a_group_of_one_posting_draws_no_median_bar_and_the_note_says_its_figure() -> None:
    """Lead ruling 2 on hqa41 (de_salary, de_experience_t1 on the real exports): "Salary by seniority" drew
    German managers' one salary as a median bar, "$81,921 (n=1)", and "Years required by seniority" a
    manager's 5 years alike. A group of one posting gets no bar (its tick stays, labelled "n=1: no
    median"); the note names it with its figure, apart from the hatched groups of 2..29."""
    from analytics import figures

    df = _one_lead()
    for narrow in (False, True):
        fig = salary.distribution(df, by="seniority", narrow=narrow)
        bar = fig.data[0]
        values = bar.y if bar.orientation != "h" else bar.x
        assert list(values) == [70_000.0, None], values  # senior's bar drawn, lead's not
    fig = salary.distribution(df, by="seniority")
    assert list(fig.data[0].text) == ["$70,000 (n=11)", "n=1: no median"]
    # a label on a bar of no value is not drawn (seen in Chromium): the tick's foot says it instead
    assert [(a.text, a.x) for a in fig.layout.annotations] == [("n=1: no median", "lead")]
    assert fig.layout.yaxis.showticklabels is not False  # senior's bar: the axis keeps its numbers
    # no group with a bar (German managers' one salary): no numbers on an axis of nothing (it read -1 to 4)
    alone_fig = salary.distribution(df.iloc[[1]], by="seniority")
    assert alone_fig.layout.yaxis.showticklabels is False and list(alone_fig.layout.yaxis.range) == [0, 1]
    phone = salary.distribution(df.iloc[[1]], by="seniority", narrow=True)  # rows: the value axis across
    assert phone.layout.xaxis.showticklabels is False and not phone.layout.annotations
    assert list(phone.data[0].y) == ["lead<br>n=1: no median"]  # the row's name says it
    note = figures.small_note(figures.chart("sa_dist"), df)
    assert note == ("The one figure rests on fewer than 30 postings (senior): drawn grey with its n (a bar "
                    "hatched, a point open). Read it with care. Lead: one posting, $81,921, so no median bar "
                    "is drawn."), note
    # only groups of one: the note says so alone (German managers' one salary)
    alone = figures.small_note(figures.chart("sa_dist"), df.iloc[[1]])
    assert alone == "Lead: one posting, $81,921, so no median bar is drawn.", alone
    two = df.assign(n=[1, 1])
    assert figures.small_note(figures.chart("sa_dist"), two) == (
        "One posting each, so no median bar is drawn: senior ($70,000), lead ($81,921).")
    # the skills' medians alike
    skills_df = df.assign(group=["Python", "Rust"], total=[12, 12])
    assert list(salary.by_skill(skills_df).data[0].y) == [70_000.0, None]
    assert "Rust: one posting, $81,921" in figures.small_note(figures.chart("sa_skill"), skills_df)
    # years required by seniority
    years = pd.DataFrame({"seniority": ["senior", "manager"], "n": [11, 1], "median": [4.0, 5.0],
                          "p25": [3.0, 5.0], "p75": [5.0, 5.0]})
    bar = experience.by_level(years).data[0]
    assert list(bar.y) == [4.0, None] and list(bar.text) == ["4 years (n=11)", "n=1: no median"]
    assert figures.small_note(figures.chart("ex_level"), years).endswith(
        "(senior): drawn grey with its n (a bar hatched, a point open). Read it with care. Manager: one "
        "posting, 5 years, so no median bar is drawn.")
    # the figure still marks a small sample, so the screen and the exports carry the note
    assert theme.has_small_marks(salary.distribution(df.iloc[[1]], by="seniority"))


def test_a_group_of_one_posting_keeps_its_figure_and_flag_in_the_data_files() -> None:
    """Lead ruling 2 on hqa41: the data files keep a one-posting group's row as they keep every hatched row,
    its figure, its n = 1 and the small-sample flag, so a file says what the note says."""
    from analytics import figures

    out = figures.with_small_flag(figures.chart("sa_dist"), _one_lead())
    lead = out[out["group"] == "lead"].iloc[0]
    assert lead["median"] == 81_921.0 and lead["n"] == 1 and bool(lead[figures.SMALL_COLUMN])


def _one_posting_points() -> dict[str, tuple[pd.DataFrame, str]]:
    """Per point chart of medians: a solid point (40), a month or year of one posting, one of 5."""
    months = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])
    return {
        "sa_time": (pd.DataFrame({"month": months, "median": [100_000.0, 81_921.0, 90_000.0],
                                  "n": [40, 1, 5]}), "median"),
        "ex_pay": (pd.DataFrame({"years": [2, 5, 7], "median_salary_usd": [100_000.0, 81_921.0, 90_000.0],
                                 "n": [40, 1, 5]}), "median_salary_usd"),
    }


def _points(fig) -> list[float]:  # type: ignore[no-untyped-def]
    """Every y a figure's traces draw (NaN and None left out)."""
    return [float(y) for tr in fig.data for y in (tr.y if tr.y is not None else ())
            if y is not None and not pd.isna(y)]


def test_a_point_of_one_posting_is_not_drawn_as_a_median_and_the_note_says_its_figure() -> None:
    """Lead ruling on hqa42 question 2: the point charts of medians ("Median salary over time", "Years
    required against median salary") follow the bar charts' rule (lead ruling 2 on hqa41): a month or a year
    of one posting draws no point, neither on the line nor as an open point (its figure is that posting's,
    no median); the line skips it; the note names it with its figure, apart from the open points of 2..29."""
    from analytics import figures

    build = {"sa_time": salary.over_time, "ex_pay": experience.pay}
    for key, (df, _) in _one_posting_points().items():
        fig = build[key](df)
        assert sorted(_points(fig)) == [90_000.0, 100_000.0], (key, _points(fig))  # 81,921 nowhere
        assert theme.has_small_marks(fig), key  # the 5's open point: the note is shown
    note = figures.small_note(figures.chart("sa_time"), _one_posting_points()["sa_time"][0])
    # of the 2 figures drawn (the month of one posting is none)
    assert note == ("1 of 2 figures rests on fewer than 30 postings (Mar 2025): drawn grey with its n (a bar "
                    "hatched, a point open). Read it with care. Feb 2025: one posting, $81,921, so no median "
                    "point is drawn."), note
    pay = figures.small_note(figures.chart("ex_pay"), _one_posting_points()["ex_pay"][0])
    assert pay.endswith("Read it with care. 5 years: one posting, $81,921, so no median point is drawn."), pay
    # several: named together, each with its figure
    two = _one_posting_points()["sa_time"][0].assign(n=[40, 1, 1])
    assert figures.small_note(figures.chart("sa_time"), two) == (
        "One posting each, so no median point is drawn: Feb 2025 ($81,921), Mar 2025 ($90,000).")
    # the bar charts keep their word
    bars = figures.small_note(figures.chart("sa_dist"), _one_lead().iloc[[1]])
    assert bars.endswith("no median bar is drawn."), bars


def test_a_point_chart_of_medians_from_one_posting_only_draws_nothing_and_still_says_why() -> None:
    """Every month (or year) of one posting: no point at all, no numbers on a value axis of nothing (as the
    bar charts, hqa42), and the figure still counts as marked, so the screen and the exports carry the note
    giving the figures."""
    from analytics import figures

    build = {"sa_time": salary.over_time, "ex_pay": experience.pay}
    for key, (df, _) in _one_posting_points().items():
        only = df.iloc[[1]]
        fig = build[key](only)
        assert _points(fig) == [], key
        assert fig.layout.yaxis.showticklabels is False, key
        assert theme.has_small_marks(fig), key
        assert [tr.name for tr in fig.data if tr.showlegend is not False] == [], key  # nothing drawn to name
        assert figures.small_note(figures.chart(key), only).endswith(
            "one posting, $81,921, so no median point is drawn."), key


def test_a_point_of_one_posting_keeps_its_figure_and_flag_in_the_data_files() -> None:
    """Lead ruling on hqa42 question 2: the data files keep the row as the bar charts' files do (its figure,
    n = 1, the small-sample flag), so a file says what the note says."""
    from analytics import figures

    for key, (df, value) in _one_posting_points().items():
        out = figures.with_small_flag(figures.chart(key), df)
        row = out[out["n"] == 1].iloc[0]
        assert row[value] == 81_921.0 and bool(row[figures.SMALL_COLUMN]), key


def _quartiles_with_small_groups():  # type: ignore[no-untyped-def]
    df = pd.DataFrame({"group": ["senior", "staff", "lead"], "median": [150_000.0, 170_000.0, 160_000.0],
                       "p25": [130_000.0, 150_000.0, 140_000.0], "p75": [170_000.0, 190_000.0, 180_000.0],
                       "n": [400, 12, 7]})
    return salary.quartiles(df, "Seniority")


def test_only_a_bar_hatched_in_its_own_colour_outlines_its_label() -> None:
    """Browser QA on the real samples: a label inside a hatched bar crossed its stripes and was hard to
    read (on the dark page, dark text on the page showing through the stripes). A coloured bar that is only
    hatched gets Plotly's "auto" text shadow on its label (an outline in the colour contrasting the label's
    own); a grey bar's label is dark on light stripes instead, with no outline (QA round fifteen: the
    outline read as a white label, test_a_grey_hatched_bar_s_label_reads_at_wcag_contrast)."""
    bar = _quartiles_with_small_groups().data[0]
    assert list(bar.textfont.shadow) == ["none", "none", "none"]
    assert list(bar.insidetextfont.color) == ["#FFFFFF", theme.SMALL_LABEL, theme.SMALL_LABEL]
    assert theme.SMALL_SHADOW == "auto"
    # the stripes lie over the bar's own colour, so the label's colour (Plotly contrasts it with that colour)
    # and its outline read alike on the light and the dark page: without a fill the hatched bar showed the
    # page through it, and its dark label lay on the dark page
    assert bar.marker.pattern.fillmode == "overlay"
    import plotly.graph_objects as go

    kept = go.Figure(go.Bar(x=["a", "b"], y=[3, 4], marker_color="#123456", text=["3", "4"]))
    theme.mark_bars(kept, [50, 5], color=None)
    assert list(kept.data[0].textfont.shadow) == ["none", "auto"]


def _luminance(color: str) -> float:
    """WCAG 2 relative luminance of "#rrggbb"."""
    def channel(c: int) -> float:
        v = c / 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    r, g, b = (int(color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _contrast(a: str, b: str) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_a_grey_hatched_bar_s_label_reads_at_wcag_contrast() -> None:
    """QA round fifteen: the label of a small-sample bar (Salary by seniority, "$115,000 (n=25)") was Plotly's
    dark grey (#444) with a white outline over dark stripes (#555): it read as white on grey, low in
    contrast. The label drawn inside a grey bar contrasts at least 4.5:1 (WCAG AA) with the bar's grey
    and with its stripes, and carries no outline (a halo is a third colour under the text)."""
    bar = _quartiles_with_small_groups().data[0]
    small = [i for i, shape in enumerate(bar.marker.pattern.shape) if shape == theme.SMALL_PATTERN]
    assert small == [1, 2]
    fonts = bar.insidetextfont.color
    stripes = bar.marker.pattern.fgcolor
    for i in small:
        label = fonts[i] if fonts is not None and not isinstance(fonts, str) else (fonts or "#444444")
        stripe = stripes if isinstance(stripes, str) else stripes[i]
        assert _contrast(label, bar.marker.color[i]) >= 4.5, (label, bar.marker.color[i])
        assert _contrast(label, stripe) >= 4.5, (label, stripe)
        assert bar.textfont.shadow[i] == "none"
        # QA round eighteen: the stripes crossed the label; inside the bar a halo of the bar's own grey (no
        # third colour) keeps them off the glyphs
        assert bar.insidetextfont.shadow[i] == theme.SMALL_HALO
        assert set(re.findall(r"#[0-9A-Fa-f]{6}", theme.SMALL_HALO)) == {theme.SMALL_COLOR}
    assert bar.insidetextfont.shadow[0] == "none"
    # the stripes stay visible on the grey (the rule is "grey and hatched")
    assert _contrast(stripes if isinstance(stripes, str) else stripes[1], theme.SMALL_COLOR) >= 1.4


@pytest.mark.browser
def test_hatched_bars_labels_reach_the_image_dark_on_grey_or_outlined_in_colour() -> None:
    """The labels reach the image (kaleido through Chromium, as every PNG/SVG export): a grey hatched bar's
    label is dark with no white outline (QA round fifteen), a halo of the bar's grey (round nineteen), a
    solid bar's white; a bar hatched in its own colour
    carries a text shadow in white around its dark text."""
    import re

    import plotly.graph_objects as go

    from analytics.export.render import render

    def styles_of(fig: go.Figure) -> dict[str, str]:
        svg = render(fig.to_dict(), "svg", 900, 500).decode()
        return {text: style for style, text in re.findall(r'<text class="bartext[^>]*style="([^"]*)"[^>]*>'
                                                           r'([^<]*)', svg)}

    styles = styles_of(_quartiles_with_small_groups())
    assert set(styles) == {"$150,000 (n=400)", "$170,000 (n=12)", "$160,000 (n=7)"}
    assert "text-shadow" not in styles["$150,000 (n=400)"]
    assert "fill: rgb(255, 255, 255)" in styles["$150,000 (n=400)"]
    for small in ("$170,000 (n=12)", "$160,000 (n=7)"):
        # dark, with a halo of the bar's own grey only (QA round nineteen), no white outline
        assert "fill: rgb(34, 34, 34)" in styles[small], styles[small]
        halo = re.search(r"text-shadow: ([^;]*);", styles[small])
        assert halo and set(re.findall(r"rgb\([^)]*\)", halo.group(1))) == {"rgb(186, 176, 172)"}, \
            styles[small]
    kept = go.Figure(go.Bar(x=["a", "b"], y=[300, 400], marker_color="#F58518", text=["big", "small"]))
    theme.mark_bars(kept, [50, 5], color=None)
    assert "text-shadow: rgb(255, 255, 255)" in styles_of(kept)["small"]


@pytest.mark.usefixtures("tiny_db")
def test_salaries_compared_across_skills_or_months_name_their_country_mix() -> None:
    """The headline median, a skill's salary premium, the salary by level, skill, month and years pool every
    country's salaries in USD: on the real samples "Go +$39,393" beside "Java -$4,800" mixed US, Polish and
    Indian pay levels without a word (a skill asked for more in the US read as one that pays more), and the
    headline median was 61% Polish salaries. The caption names the countries' shares when no one country holds
    90% of the salaries; under one country it says nothing, nor does the distribution by country."""
    from analytics.figures import Context, overview

    mixed = {"ov_kpis", "sk_premium", "sa_dist", "sa_skill", "sa_time", "ex_pay"}
    defs = [d for d in (*overview.CHARTS, *skills.CHARTS, *salary.CHARTS, *experience.CHARTS)
            if d.key in mixed]
    assert len(defs) == len(mixed)
    for defn in defs:
        key = defn.key
        shown = defn.run(Context(Filters()))
        note = [c for c in shown.caveats if "countries" in c]
        assert len(note) == 1, (key, shown.caveats)
        assert re.search(r"from 3 countries \(United States \d+%, United Kingdom \d+%", note[0]), note
        assert "pick one country" in note[0], note
        one = defn.run(Context(Filters(country=("US",))))
        assert not [c for c in one.caveats if "countries" in c], (key, one.caveats)
    by_country = Context(Filters(), params={"by": "country"})
    dist = next(d for d in salary.CHARTS if d.key == "sa_dist").run(by_country)
    assert not [c for c in dist.caveats if "countries" in c], dist.caveats


def test_the_salary_over_time_names_the_country_mix_of_the_dated_salaries_it_draws(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round twelve: "Median salary over time" draws dated postings only, but its caption named the mix
    of every salary in view: on the real samples "Poland 61%, United States 22%, ..." above a line without a
    Polish salary (No Fluff Jobs' postings carry no date). Here the British and Indian postings are made
    undated: the line rests on US salaries alone, so it names no mix; the distribution (every salary) does."""
    from tiny_warehouse import build_edited

    from analytics.figures import Context

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET posted_date = NULL, "
                           "posted_month = NULL WHERE country IN ('GB', 'IN')", derive=True,
                           version_name="v-tiny-undated-abroad.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    defs = {d.key: d for d in salary.CHARTS}
    over_time = defs["sa_time"].run(Context(Filters()))
    assert not [c for c in over_time.caveats if "countries" in c], over_time.caveats
    dist = defs["sa_dist"].run(Context(Filters()))
    assert [c for c in dist.caveats if "from 3 countries (United States" in c], dist.caveats
    # a date range keeps the undated postings out of the line too, included or not
    dated = defs["sa_time"].run(Context(Filters(date_from=date(2025, 1, 1))))
    assert not [c for c in dated.caveats if "countries" in c], dated.caveats


def test_years_against_salary_names_the_country_mix_of_the_salaries_that_state_years(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round thirteen: "Years required against median salary" draws the salaried postings that state
    years, but its caption named the mix of every salary in view (on the real samples 521 salaries, where the
    chart draws 128). Here the British and Indian postings state no years: the chart rests on US salaries
    alone, so it names no mix; the distribution (every salary) still names three countries."""
    from tiny_warehouse import build_edited

    from analytics.figures import Context
    from analytics.queries import experience as experience_queries

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET experience_min = NULL, "
                           "experience_max = NULL WHERE country IN ('GB', 'IN')", derive=True,
                           version_name="v-tiny-no-years-abroad.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    pay = next(d for d in experience.CHARTS if d.key == "ex_pay")
    shown = pay.run(Context(Filters()))
    assert not [c for c in shown.caveats if "countries" in c], shown.caveats
    dist = next(d for d in salary.CHARTS if d.key == "sa_dist").run(Context(Filters()))
    assert [c for c in dist.caveats if "from 3 countries (United States" in c], dist.caveats
    # the rollup's answer and the exact one (a filter no rollup answers) rest on the same sample
    rolled, base = (experience_queries.salaried_by_country(Filters(), rollup=r).df for r in (True, False))
    pd.testing.assert_frame_equal(rolled, base, check_dtype=False)
    assert set(base["country"]) <= {"US", "DE"} and base["salary_n"].min() > 0, base


def test_the_country_mix_counts_the_salaries_that_name_no_country(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round twenty-four, principal postings on the real exports: "salaries from 2 countries (Poland 67%,
    Germany 33%)" over 8 salaries of which 5 named no country (US dollars and pounds from "Remote - Europe"
    postings): the shares were of the three that name one. The mix counts every salary the chart rests on,
    those naming no country as a part of their own."""
    from tiny_warehouse import build_edited

    from analytics.figures import Context, overview

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET country = NULL, "
                           "region = NULL, city = NULL, metro = NULL WHERE country = 'GB'", derive=True,
                           version_name="v-tiny-gb-unnamed.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    import duckdb

    from analytics import sandbox

    con = duckdb.connect(str(sandbox.warehouse_file(db_path)), read_only=True)
    try:
        total, unnamed = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE country IS NULL) FROM postings p "
            "WHERE p.salary_plausible AND p.salary_usd_mid IS NOT NULL").fetchall()[0]
    finally:
        con.close()
    assert unnamed > 0
    for key in ("sa_dist", "ov_kpis"):
        defn = next(d for d in (*salary.CHARTS, *overview.CHARTS) if d.key == key)
        shown = defn.run(Context(Filters(seniority=(), role_family=())))
        note = [c for c in shown.caveats if "countries" in c]
        assert len(note) == 1, (key, shown.caveats)
        # QA round twenty-eight under JobSpy: "salaries from 1 country and 3 naming no country" counted
        # countries and salaries in one breath: the salaries are counted, where they come from is said
        assert note[0].startswith(f"{total - unnamed:,} salaries from "), note
        assert f"and {unnamed:,} from postings naming no country" in note[0], note
        assert f"no country named {unnamed / total:.0%}" in note[0], note
    one = salary._mix_of(pd.DataFrame({"country_name": ["India"], "salary_n": [8]}), (), 11)
    assert one and one[0].startswith("8 salaries from 1 country and 3 from postings naming no country "
                                     "(India 73%, no country named 27%) pooled in USD"), one
    # QA round thirty, principal postings' Salary over time on the real exports: "1 salaries from 1 country
    # and 5 from postings naming no country"
    one = salary._mix_of(pd.DataFrame({"country_name": ["Germany"], "salary_n": [1]}), (), 6)
    assert one and one[0].startswith("1 salary from 1 country and 5 from postings naming no country "
                                     "(no country named 83%, Germany 17%) pooled in USD"), one


@pytest.mark.usefixtures("tiny_db")
def test_maps_coloured_by_a_median_or_share_say_what_the_colours_rest_on() -> None:
    """The maps coloured by median salary or share remote said "n = 544 postings" and nothing else, while
    the colours rest on the postings stating a salary or an arrangement, and areas with fewer than 30 of
    those are plain grey (on the real samples every US state was grey, with no word why). The caption names
    the postings behind the colours and how many areas are grey; the hover names what is too few."""
    from analytics.figures import Context
    from analytics.figures import regions as rf

    defs = {d.key: d for d in rf.CHARTS}
    for key, what in (("rg_world", "countries"), ("rg_states", "states")):
        for measure, stating in (("median_salary_usd", "stating a salary"),
                                 ("share_remote", "stating a work arrangement")):
            ctx = Context(Filters(), params={"measure": measure})
            shown = defs[key].run(ctx)
            note = [c for c in shown.caveats if "colours" in c]
            assert len(note) == 1 and stating in note[0], (key, measure, shown.caveats)
            df = shown.df
            ncol = rf.N_OF[measure]
            behind = int(df[ncol].fillna(0).sum())
            small = int(((df[ncol].fillna(0) > 0) & (df[ncol].fillna(0) < 30)).sum())
            assert f"{behind:,} postings {stating}" in note[0], note
            assert f"{small} of {int((df[ncol].fillna(0) > 0).sum())} {what}" in note[0], note
            fig = rf.world(df, measure) if key == "rg_world" else rf.states(df, measure)
            greys = [t for tr in fig.data for t in (tr.text or ()) if "fewer than 30" in t]
            assert greys and all(f"fewer than 30 postings {stating}" in t for t in greys), greys[:1]
        plain = defs[key].run(Context(Filters()))
        assert not [c for c in plain.caveats if "colours" in c], plain.caveats


@pytest.mark.usefixtures("tiny_db")
def test_skills_every_posting_asks_for_by_the_filter_are_said_and_not_followed_by_default() -> None:
    """Under a skill filter every posting asks for (one skill, or "all of the skills"), those skills are 100%
    of Top skills and of every month by construction: on the real samples (Python and Go, all) the top two
    bars read 100% and the trend followed two flat lines by default. The Top skills caption says so, and
    the trend's default follows the next skills."""
    from analytics.figures import Context

    defs = {d.key: d for d in skills.CHARTS}
    for f in (Filters(skills=("Python",)), Filters(skills=("Python", "Go"), skills_mode="all")):
        ctx = Context(f)
        top = defs["sk_top"].run(ctx)
        ctx.results["sk_top"] = top
        note = [c for c in top.caveats if "the skills filter" in c]
        assert len(note) == 1 and all(s in note[0] for s in f.skills), top.caveats
        picks = skills.default_picks(ctx)
        assert picks and not set(picks) & set(f.skills), picks
    ctx = Context(Filters(skills=("Python", "Go")))  # any of them: their shares mean something
    top = defs["sk_top"].run(ctx)
    ctx.results["sk_top"] = top
    assert not [c for c in top.caveats if "the skills filter" in c]
    assert "Python" in skills.default_picks(ctx)


@pytest.mark.usefixtures("tiny_db")
def test_movers_whose_later_period_runs_past_the_data_say_where_the_data_end() -> None:
    """QA round seven: the movers' default later period is whole months (the rollups answer them), so on the
    real samples it ran to 2026-03-31 while the last posting is dated 2026-03-16, and nothing said March
    was not complete. The caption names the last posting's date; periods inside the data say nothing."""
    from analytics.figures import Context

    movers = {d.key: d for d in skills.CHARTS}["sk_movers"]
    every = Filters(seniority=(), role_family=())  # the default periods follow the filtered postings' months
    ctx = Context(every)  # the tiny warehouse's postings end on 2025-06-10: later period April to June
    assert skills.periods(ctx)[1][1] == date(2025, 6, 30)
    note = [c for c in movers.run(ctx).caveats if "2025-06-10" in c]
    assert note == ["the last posting is dated 2025-06-10: the later period runs to 2025-06-30 in whole "
                    "months, its last 20 days hold none"], note
    # periods split by day (India's junior postings, 1-5 June, under a reader's June to December): the later
    # period runs to the month's end but is not whole months, and the note said it was (QA round thirty-three)
    by_day = Context(Filters(country=("IN",), seniority=("junior",), role_family=(),
                             date_from=date(2025, 6, 1), date_to=date(2025, 12, 31)))
    assert skills.periods(by_day) == ((date(2025, 6, 1), date(2025, 6, 3)),
                                      (date(2025, 6, 4), date(2025, 6, 30)))
    # (hqa33 ruling 2: that default asks for days, so the note reads the view's last dated day, 2025-06-05,
    # not the warehouse's last posting, 2025-06-10)
    note = [c for c in skills.movers_caveats(by_day, ()) if "last posting" in c]
    assert note == ["the last posting these filters select is dated 2025-06-05: the later period runs to "
                    "2025-06-30, its last 25 days hold none"], note
    inside = Context(Filters(), params={"periods": ((date(2025, 1, 1), date(2025, 1, 31)),
                                                    (date(2025, 4, 1), date(2025, 4, 30)))})
    assert not [c for c in movers.run(inside).caveats if "last posting" in c]
    # an empty chart gives its reason alone (the message under the caption): no note about what is drawn
    empty = movers.run(Context(Filters(), params={"min_count": 1_000}))
    assert empty.df.empty and len(empty.caveats) == 1 and "lower the minimum" in empty.caveats[0]


def test_labels_keep_their_pixels_at_a_phone_width() -> None:
    """QA round ten, a 390-pixel window on the real samples: "418 (26%)" on the top skill ran past the
    chart's edge (the room past the longest bar is a share of the plot, which shrinks while a label keeps
    its pixels), the premium's "-$4,800 (n=93)" ran into the skill names, the salary medians' level labels
    ("$85,688 (n=419)") lay across each other over five narrow bars, and the fifteen bars of years required
    drew their labels over each other."""
    top = pd.DataFrame({"skill": ["Go", "Kafka"], "postings": [418, 15], "total": [1612, 1612],
                        "share": [418 / 1612, 15 / 1612]})
    fig = skills.top(top)
    assert fig.layout.margin.r >= len("418 (26%)") * 6
    df = pd.DataFrame({"skill": ["Go", "Java"], "n": [39, 93], "median_salary_usd": [140e3, 95e3],
                       "overall_median": [100e3, 100e3], "premium_usd": [40_000.0, -4_800.0],
                       "premium_share": [0.4, -0.05], "enough": [True, True], "total": [60, 60]})
    fig = skills.premium(df)
    assert fig.layout.margin.r >= len("+$40,000 (n=39)") * 6
    assert fig.layout.yaxis.ticklabelstandoff >= len("-$4,800 (n=93)") * 6
    assert skills.top(top.assign(share=[0.0, 0.0])).layout.margin.r == 10  # no label past a bar: as before
    bar = salary.quartiles(_quartile_frame(5), "Seniority").data[0]
    assert bar.textangle is None  # Plotly's "auto": a label wider than its bar turns to fit it
    counts = [1, 15, 44, 46, 227, 38, 49, 42, 6, 41, 1, 4, 0, 0, 1]
    years = experience.years(pd.DataFrame({"years": list(range(15)), "postings": counts}))
    assert years.layout.uniformtext.mode == "hide"  # too narrow a bar: its label left out, not overlapping


def test_places_of_one_country_are_labelled_without_it() -> None:
    """QA round fourteen, a 390-pixel window on the real samples: every bar of Top US metros was labelled
    "..., United States" ("Minneapolis-St. Paul-Bloomington, United States"), leaving its bars about 60 px;
    likewise Top cities under one country. The country is in the labels where the places lie in more than
    one country (a "Boston" of each, QA round twelve); the hover and the drill-down keep it."""
    from analytics.figures import regions

    def frame(countries: list[str]) -> pd.DataFrame:
        n = len(countries)
        return pd.DataFrame({"place": ["Boston", "Austin", "Denver"][:n], "country": countries,
                             "postings": [40, 30, 20][:n], "median_salary_usd": [None] * n,
                             "salary_n": [0] * n, "share_remote": [None] * n, "remote_n": [0] * n})

    one = regions.places(frame(["US", "US", "US"])).data[0]
    assert list(one.y) == ["Denver", "Austin", "Boston"]
    assert all("United States" in h for h in one.hovertext)
    assert [list(c) for c in one.customdata][-1] == ["Boston", "US"]
    two = regions.places(frame(["US", "DE", "US"])).data[0]
    assert list(two.y) == ["Denver, United States", "Austin, Germany", "Boston, United States"]


def test_count_bar_labels_that_do_not_fit_a_phone_width_are_left_out() -> None:
    """QA round fourteen, a 390-pixel window on the real samples: the Data page's source mix drew the
    labels of its small bars over each other ("29 (2%)17 (1%)14 (1%)..."), and the Experience page's bands
    cut "282 (54%)" to "82 (54%" (a level label wider than its bar, white on the page past the bar). As for
    the years required: a label that does not fit at 11 px is left out there (hover keeps it); in a wider
    window each fits and shows."""
    from analytics.figures import data as df_

    counts = pd.Series([819, 274, 268, 143, 41, 29, 17, 14, 14, 12, 7])
    names_ = [f"board{i}" for i in range(len(counts))]
    figs = {
        "sources": df_.sources(pd.DataFrame({"source": names_, "postings": counts})),
        "languages": df_.languages(pd.DataFrame({"language": ["en", "de", "pt", "es"],
                                                 "postings": [90, 5, 4, 1]})),
        "bands": experience.year_bands(pd.DataFrame({"band": ["0-1", "2-3", "4-5", "6-7", "8-10", "11+"],
                                                     "postings": [1, 53, 282, 90, 88, 8]})),
        "degree": experience.degree(pd.DataFrame({"degree": ["not stated", "bachelor", "master", "phd"],
                                                  "postings": [1409, 208, 16, 5]})),
    }
    for name, fig in figs.items():
        assert fig.layout.uniformtext.mode == "hide" and fig.layout.uniformtext.minsize == 11, name


def test_a_long_rejection_reason_wraps_so_a_phone_width_keeps_it() -> None:
    """QA round ten, a 390-pixel window on the real samples: the longest reason drew on one line and was
    cut at the chart's left edge. Long reasons wrap; each line short, the words all there, in order."""
    from analytics.figures import data as df_

    reason = "bot-check page ('Are you a robot or a person?'), not a posting"
    fig = df_.reasons(pd.DataFrame({"reason": [reason, "empty comment"], "records": [9, 1]}))
    labels = list(fig.data[0].y)
    assert "empty comment" in labels
    wrapped = next(v for v in labels if v.startswith("bot-check"))
    assert all(len(line) <= df_.REASON_LINE for line in wrapped.split("<br>")), wrapped
    assert wrapped.replace("<br>", " ") == reason
    assert fig.layout.height >= 260


def test_a_narrow_window_s_colour_bars_lie_across_the_chart() -> None:
    """QA round fifteen: at 390 px the colour bars beside the maps and the skill pairs kept about 80 px. Built
    for a narrow window (ui/narrow.py), the maps' colour bar lies under the map, the pairs' above the grid;
    built for a wide one (and for the report and the warm-up), beside the plot as before."""
    from analytics.figures import regions

    countries = pd.DataFrame({"country": ["US", "DE"], "iso3": ["USA", "DEU"], "postings": [50, 40],
                              "median_salary_usd": [1.0, 2.0], "salary_n": [40, 35],
                              "share_remote": [0.1, 0.2], "remote_n": [40, 35]})
    wide = regions.world(countries).data[0].colorbar
    narrow = regions.world(countries, narrow=True).data[0].colorbar
    assert wide.orientation is None and narrow.orientation == "h" and narrow.yanchor == "top"
    assert narrow.title.text == "Postings"
    # the US states' map too (review: the docstring named both maps, the test built the world's only)
    states = countries.assign(state=["CA", "NY"])
    assert regions.states(states).data[0].colorbar.orientation is None
    below = regions.states(states, narrow=True).data[0].colorbar
    assert below.orientation == "h" and below.yanchor == "top"
    grid = pd.DataFrame({"skill_a": ["Go", "Go", "Rust", "Rust"], "skill_b": ["Go", "Rust", "Go", "Rust"],
                         "together": [None, 5, 5, None], "total": [60] * 4})
    assert skills.pairs(grid).layout.coloraxis.colorbar.orientation is None
    above = skills.pairs(grid, narrow=True).layout.coloraxis.colorbar
    assert above.orientation == "h" and above.yanchor == "bottom"
    assert all(figures_uses(key) >= {"narrow"} for key in ("rg_world", "rg_states", "sk_pairs"))


def figures_uses(key: str) -> set[str]:
    from analytics import figures

    return set(figures.chart(key).uses)


def test_a_us_state_without_postings_is_drawn_as_a_country_without_them() -> None:
    """QA round fifteen: on "Postings by US state" a state with no posting was left unfilled with a dark
    outline - white, as the lightest blue of a state with one posting, and outlined as if picked out. It is
    light grey with white borders, as a country without postings is on the world map."""
    from analytics.figures import regions

    states = pd.DataFrame({"state": ["CA", "NY"], "postings": [50, 1], "median_salary_usd": [1.0, 2.0],
                           "salary_n": [40, 1], "share_remote": [0.1, 0.2], "remote_n": [40, 1]})
    geo = regions.states(states).layout.geo
    world = regions.world(pd.DataFrame({"country": ["US"], "iso3": ["USA"], "postings": [3],
                                        "median_salary_usd": [1.0], "salary_n": [1], "share_remote": [0.1],
                                        "remote_n": [1]})).layout.geo
    assert geo.showland is True and geo.landcolor == world.landcolor == "#eeeeee"
    assert geo.subunitcolor == "#ffffff" and geo.countrycolor == "#ffffff"


def test_few_count_bars_built_for_a_narrow_window_label_on_two_lines() -> None:
    """QA round fifteen: at 390 px "Degree asked" drew no label on its tallest bar ("1,429 (86%)" is wider
    than a phone's bar, so it was left out). Built for a narrow window the count and its share are two lines;
    built for a wide one, one line as before."""
    degrees = pd.DataFrame({"degree": ["not stated", "bachelor", "master"], "postings": [1429, 208, 16]})
    assert list(experience.degree(degrees).data[0].text) == ["1,429 (86%)", "208 (13%)", "16 (1%)"]
    assert list(experience.degree(degrees, narrow=True).data[0].text) == [
        "1,429<br>(86%)", "208<br>(13%)", "16<br>(1%)"]
    bands = pd.DataFrame({"band": ["0-1", "2-3"], "postings": [1, 53], "years_band": ["0-1", "2-3"]})
    assert "<br>" in experience.year_bands(bands, narrow=True).data[0].text[1]


@pytest.mark.usefixtures("tiny_db")  # a drawn chart of places counts what its places hold of the selection
def test_an_empty_chart_s_caption_says_nothing_of_how_its_figures_are_computed() -> None:
    """QA round fifteen: under Germany, "Top US metros" drew nothing ("none of them has a place in a US
    metro") under a caption reading "n = 0 postings · medians and percentiles from $1,000 salary bins ...":
    a note on figures that are not there. An empty answer keeps its other caveats (a time chart's undated
    postings say why it is empty), not the bins'."""
    import dataclasses

    from analytics import figures
    from analytics.queries.salary import BINNED
    from analytics.result import QueryResult

    undated = "41 postings without a date are not shown"
    empty = QueryResult(name="regions.top_places", sql="SELECT 1", params={}, df=pd.DataFrame(
        {"place": [], "postings": []}), n=0, caveats=(*BINNED, undated))
    for key in ("rg_metros", "sa_dist", "ov_per_month"):
        shown = figures.chart(key).shown(empty, figures.Context(f=Filters()))
        assert shown.caveats == (undated,), (key, shown.caveats)
    full = dataclasses.replace(empty, df=pd.DataFrame({"place": ["Austin"], "postings": [3]}), n=3)
    kept = figures.chart("rg_metros").shown(full, figures.Context(f=Filters())).caveats
    assert any("salary bins" in c for c in kept), kept  # drawn: the hover's medians come from the bins


def test_the_region_comparison_counts_one_posting_in_the_singular() -> None:
    """QA round fifteen, Germany's two regions side by side: "median salary from 1 postings with a salary"."""
    from analytics.figures import regions

    assert [regions.resting_on(k, "salary_n") for k in (1, 4)] == [
        "1 posting with a salary", "4 postings with a salary"]
    assert regions.resting_on(1, "remote_n") == "1 posting that states a work arrangement"
    assert regions.resting_on(3, "years_n") == "3 postings that state years of experience"


def test_a_premium_of_a_skill_every_salaried_posting_asks_for_is_said_to_be_zero_by_construction() -> None:
    """QA round fifteen, German-language postings (one with a salary): "Salary premium per skill" drew ten
    skills at "$0 (n=1)", as if each paid no more than the rest - each was compared with itself. The caption
    says which skills every posting with a salary asks for, whose premium is $0 by construction."""
    rows = pd.DataFrame({"skill": ["Agile", "Jira", "Go"], "n": [1, 1, 1], "total": [1, 1, 1],
                         "premium_usd": [0.0, 0.0, 0.0]})
    assert skills.by_construction(rows) == (
        "Agile, Jira and Go: asked for by every posting with a salary here (1), so their premium is $0 by "
        "construction, not a finding")
    mixed = rows.assign(n=[40, 12, 40], total=[40, 40, 40])
    assert skills.by_construction(mixed) == (
        "Agile and Go: asked for by every posting with a salary here (40), so their premium is $0 by "
        "construction, not a finding")
    assert skills.by_construction(rows.assign(total=5)) is None
    assert skills.by_construction(rows.iloc[0:0]) is None


def _responsibility_rows(levels: tuple[str, ...]) -> pd.DataFrame:
    """The responsibilities query's rows: two responsibilities at each of ``levels``, 40 postings a level."""
    return pd.DataFrame([{"seniority": lv, "level_total": 40, "skill": s, "postings": 10, "share": 0.25}
                         for lv in levels for s in ("Mentoring", "Hiring")])


def test_a_level_keeps_one_colour_whatever_levels_are_kept() -> None:
    """QA round sixteen: "What senior roles expect beyond code" coloured a level by its place among the
    levels kept (staff orange by default, blue when staff was alone). One mapping from level to colour, over
    every level (analytics.filters.ALL_LEVELS): distinct, none the small-sample grey."""
    from analytics.filters import ALL_LEVELS, SENIOR_LEVELS

    def colours(levels: tuple[str, ...]) -> dict[str, str]:
        fig = skills.responsibilities(_responsibility_rows(levels))
        return {tr.name: tr.marker.color[0] for tr in fig.data}

    every = colours(ALL_LEVELS)
    for kept in (SENIOR_LEVELS, ("staff",), ("manager", "junior"), ("lead", "principal", "unspecified")):
        assert colours(kept) == {lv: every[lv] for lv in kept}, kept
    assert every == theme.LEVEL_COLORS and set(every) == set(ALL_LEVELS)
    assert len(set(every.values())) == len(ALL_LEVELS) and theme.SMALL_COLOR not in every.values()


def test_many_count_bars_built_for_a_narrow_window_lie_as_labelled_rows() -> None:
    """QA round sixteen: at 390 px "Years required" (14 bars) and the source mix (11 bars) drew no bar label
    at all - a bar about 17 px wide holds no count, not even on two lines. Built for a narrow window their
    bars lie as rows, top down, each labelled "1,429 (86%)" past its end on one line, with the right margin
    for the longest label and a row's height for each; built for a wide window, columns as before."""
    from analytics.figures import Context, chart

    counts = [3, 15, 44, 46, 227, 38, 49, 42, 6, 41, 1, 4, 9, 1]
    years = pd.DataFrame({"years": list(range(14)), "postings": counts})
    sources = pd.DataFrame({"source": [f"board{k}" for k in range(11)],
                            "postings": [700 - 60 * k for k in range(11)], "share": [0.1] * 11})
    cases = (("ex_years", years, "0", "years"), ("da_sources", sources, "board0", "source"))
    for key, df, first, column in cases:
        defn = chart(key)
        assert "narrow" in defn.uses, key
        wide = defn.figure(df, Context(Filters(), params={"narrow": False}))
        assert wide.data[0].orientation in (None, "v"), key
        fig = defn.figure(df, Context(Filters(), params={"narrow": True}))
        bar = fig.data[0]
        assert bar.orientation == "h" and bar.textposition == "outside", key
        # top down; the years on a numeric axis named by their ticks (QA round eighteen: the gaps kept)
        assert str(bar.y[0]) == first and fig.layout.yaxis.autorange == "reversed", key
        assert all(t and "<br>" not in t for t in bar.text), key  # every row labelled, one line
        assert fig.layout.uniformtext.mode != "hide", key
        assert fig.layout.margin.r >= max(len(t) for t in bar.text) * 6, key
        assert fig.layout.height >= 24 * len(df), key
        assert [list(c) for c in bar.customdata] == [[v] for v in df[column]], key  # the drill-down's values


def test_count_bars_lie_as_rows_past_one_number_of_bars_in_every_chart() -> None:
    """Review of the seventh session: "Years required" and the source mix each had their own constant (8) for
    how many bars stand side by side in a narrow window; one rule (theme.ROWS_AFTER). QA round seventeen then
    laid the years as rows at any number, so the source mix alone reads it."""
    from analytics.figures import Context, chart

    def orientation(key: str, df: pd.DataFrame) -> str | None:
        return chart(key).figure(df, Context(Filters(), params={"narrow": True})).data[0].orientation

    for k in (theme.ROWS_AFTER, theme.ROWS_AFTER + 1):
        years = pd.DataFrame({"years": list(range(k)), "postings": [10] * k})
        sources = pd.DataFrame({"source": [f"board{i}" for i in range(k)], "postings": [10] * k,
                                "share": [1 / k] * k})
        want = "h" if k > theme.ROWS_AFTER else None
        assert orientation("da_sources", sources) == want, k
        # "Years required" lies as rows at any number since QA round seventeen (eight 28-px bars lost labels)
        assert orientation("ex_years", years) == "h", k


def test_a_one_line_chart_of_small_samples_names_only_what_it_draws() -> None:
    """Seen in Chromium under Germany and under two skills (QA round seventeen): "Median salary over time"
    and "Years required against median salary", every point on fewer than 30 postings, listed "30 or more
    postings" in the legend beside a line no point was on; and an open point's hover read the raw axis
    values ("%{x}<br>%{y}"). The legend names what is drawn; the open point's hover reads as the line's
    (the month or the years, "median $...", its n), marked as a small sample."""
    months = pd.to_datetime(["2025-08-01", "2025-09-01", "2025-10-01"])
    figs = {
        "over_time": (salary.over_time(pd.DataFrame({"month": months, "median": [9e4, 1e5, 1.2e5],
                                                     "n": [3, 4, 2]})), "%{x|%b %Y}"),
        # n of 2 and 3: a year of one posting draws no point at all (lead ruling on hqa42 question 2)
        "pay": (experience.pay(pd.DataFrame({"years": [5, 7], "median_salary_usd": [1.2e5, 1.25e5],
                                             "n": [2, 3]})), "%{x} years"),
    }
    for name, (fig, x) in figs.items():
        named = [tr.name for tr in fig.data if tr.showlegend is not False]
        assert named == ["fewer than 30 postings (n shown on hover)"], (name, named)
        small = fig.data[-1]
        assert small.hovertemplate.startswith(x) and "median $%{y:,.0f}" in small.hovertemplate, name
        assert "fewer than 30 postings" in small.hovertemplate, name
    mixed = salary.over_time(pd.DataFrame({"month": months, "median": [9e4, 1e5, 1.2e5], "n": [40, 4, 2]}))
    assert [tr.name for tr in mixed.data if tr.showlegend is not False] == [
        "30 or more postings", "fewer than 30 postings (n shown on hover)"]


NARROW_CHART_PX = 358  # a chart's width in a 390-px window (Streamlit's padding)


@pytest.mark.parametrize("key", ["premium", "movers"])
def test_signed_bars_built_for_a_phone_keep_their_names_whole_and_room_for_the_bars(key: str) -> None:
    """Seen in Chromium at 390 px under Germany (QA round seventeen): "Salary premium per skill" and "Rising
    and falling" kept the skill names on the left, the longest value label's width beside them (the names
    stand off past the labels of negative bars) and again on the right: "Azure Kubernetes Service" was cut
    to "zure Kubernetes Service" and the bars had about 30 px between ticks turned on their side. Built for a
    narrow window each row's name and value are its label, two lines, and nothing else takes the width: the
    labels' width leaves the bars at least half the chart; every bar's value is still written."""
    names = ["Azure Kubernetes Service", "Domain-Driven Design", "NestJS", "AWS"]
    if key == "premium":
        df = pd.DataFrame({"skill": names, "premium_usd": [-7062.0, -7062.0, 28249.0, -32542.0],
                           "n": [1, 1, 2, 40], "median_salary_usd": [8e4] * 4, "overall_median": [8.7e4] * 4})
        wide, narrow = skills.premium(df), skills.premium(df, narrow=True)
        values = ["-$7,062 (n=1)", "+$28,249 (n=2)", "-$32,542 (n=40)"]
    else:
        df = pd.DataFrame({"skill": names, "change": [-0.05, 0.2, 0.53, -0.42], "count_a": [1] * 4,
                           "count_b": [2] * 4, "share_a": [0.1] * 4, "share_b": [0.2] * 4, "n_a": [40] * 4,
                           "n_b": [12] * 4})
        wide, narrow = skills.movers(df), skills.movers(df, narrow=True)
        values = ["-5.0 pts", "+53.0 pts", "-42.0 pts"]
    assert list(wide.data[0].text)  # a desktop's chart as before: labels past the bars
    bar = narrow.data[0]
    ticks = [str(t) for t in bar.y]
    # the name (on lines of at most theme.NAME_LINE_CHARS, QA round twenty-three) over the value
    assert {t.rsplit("<br>", 1)[0].replace("<br>", " ") for t in ticks} == set(names), ticks
    for v in values:
        assert any(t.endswith(f"<br>{v}") for t in ticks), (v, ticks)
    assert not bar.text or not any(bar.text)  # no label past a bar taking the width
    layout = narrow.layout
    assert layout.yaxis.ticklabelstandoff in (None, 0) and (layout.margin.r or 0) <= 20
    widest = max(len(line) for t in ticks for line in t.split("<br>")) * theme.LABEL_CHAR_PX
    assert widest + (layout.margin.l or 0) + (layout.margin.r or 0) <= NARROW_CHART_PX / 2, widest
    assert [str(c) for c in bar.customdata[:, 0]] == [t.rsplit("<br>", 1)[0].replace("<br>", " ")
                                                      for t in ticks]  # drill: the skill


def test_median_bars_built_for_a_phone_lie_as_rows_named_over_their_median() -> None:
    """Seen in Chromium at 390 px (QA round seventeen): "Salary by seniority" and "Years required by
    seniority" wrote "$85,688 (n=417)" and "5 years (n=27)" turned on their side inside 45-px columns, over
    the grey bars' stripes and across their whiskers. Built for a narrow window the levels lie as rows, top
    down as a reader meets them, each labelled with its level over its median and n, nothing inside a bar;
    the whiskers stay; at 1,280 px columns as before."""
    levels = ["senior", "staff", "principal", "lead", "manager"]
    money = pd.DataFrame({"group": levels, "n": [417, 34, 7, 35, 25], "p10": [1.0] * 5,
                          "p25": [6e4, 1e5, 1.6e5, 8e4, 1e5],
                          "median": [85688.0, 129944.0, 211083.0, 9e4, 115000.0],
                          "p75": [1.1e5, 1.6e5, 2.3e5, 1.1e5, 1.7e5], "p90": [1.0] * 5,
                          "enough": [True, True, False, True, False]})
    years = pd.DataFrame({"seniority": levels, "n": [422, 34, 14, 35, 15], "p25": [4.0, 7, 8, 4, 4],
                          "median": [5.0, 8, 9.5, 5, 5], "p75": [6.0, 10, 10, 8, 6]})
    cases = {"salary": (salary.distribution(money), salary.distribution(money, narrow=True),
                        ["$85,688 (n=417)", "$211,083 (n=7)"]),
             "years": (experience.by_level(years), experience.by_level(years, narrow=True),
                       ["5 years (n=422)", "9.5 years (n=14)"])}
    for name, (wide, narrow, values) in cases.items():
        assert wide.data[0].orientation in (None, "v"), name  # a desktop's columns as before
        bar = narrow.data[0]
        assert bar.orientation == "h" and bar.error_x.array is not None, name
        ticks = [str(t) for t in bar.y]
        assert [t.split("<br>")[0] for t in ticks] == levels, (name, ticks)
        assert narrow.layout.yaxis.autorange == "reversed", name  # senior on top
        for v in values:
            assert any(t.endswith(f"<br>{v}") for t in ticks), (name, v, ticks)
        assert not bar.text or not any(bar.text), name
        assert list(bar.marker.pattern.shape) == ["", "", "/", "", "/"], name  # small samples hatched
        assert "%{customdata[0]}" in bar.hovertemplate, name


def test_a_phone_s_years_required_labels_every_bar_whatever_their_number() -> None:
    """Seen in Chromium at 390 px under Germany (QA round seventeen): "Years required" with eight bars (2 to
    10, round sixteen's rows start past eight) drew no label at all - "11 (37%)" is wider than a 28-px
    column and labels_fit leaves it out. Built for a narrow window the years lie as rows at any number, each
    bar labelled past its end; at 1,280 px columns as before."""
    df = pd.DataFrame({"years": [2, 3, 4, 5, 6, 7, 8, 10], "postings": [3, 4, 5, 11, 2, 3, 1, 2]})
    fig = experience.years(df, narrow=True)
    bar = fig.data[0]
    assert bar.orientation == "h" and list(fig.layout.yaxis.ticktext) == ["2", "3", "4", "5", "6", "7", "8",
                                                                          "10"]
    assert list(bar.text) == ["3 (10%)", "4 (13%)", "5 (16%)", "11 (35%)", "2 (6%)", "3 (10%)", "1 (3%)",
                              "2 (6%)"]
    assert experience.years(df).data[0].orientation in (None, "v")


def test_a_phone_s_short_count_bar_writes_its_two_lines_above_it() -> None:
    """Seen in Chromium at 390 px under Germany (QA round seventeen): "Years required, in bands" drew "8-10"
    (2 of 16 postings' height, about 30 px) without its label: "2" over "(7%)" did not fit inside at 11 px
    and Plotly's "auto" left it out. Built for a narrow window a bar under a fifth of the tallest writes its
    two lines above it, the others inside as before."""
    df = pd.DataFrame({"band": ["2-3", "4-5", "6-7", "8-10"], "postings": [7, 16, 5, 2]})
    bar = experience.year_bands(df, narrow=True).data[0]
    assert list(bar.textposition) == ["auto", "auto", "auto", "outside"], bar.textposition
    # a desktop's as before: "auto" for every bar holding postings (a bar of 0 writes its "0" above it)
    assert list(experience.year_bands(df).data[0].textposition) == ["auto"] * 4


def test_salary_by_skill_built_for_a_phone_names_each_row_over_its_median() -> None:
    """Seen in Chromium at 390 px under two skills (QA round seventeen): "Salary by skill" wrote "$90,154
    (n=32)" inside bars shorter than it, white on the white page past the bar's end ("(n=32)" unreadable),
    crossed by the whiskers. Built for a narrow window each row is named over its median and n, as the
    salary by seniority (salary.quartiles)."""
    df = pd.DataFrame({"group": ["Python", "CI/CD"], "n": [109, 32], "p10": [1.0] * 2, "p25": [8e4, 6e4],
                       "median": [101379.0, 90154.0], "p75": [1.3e5, 1.5e5], "p90": [1.0] * 2,
                       "enough": [True, True]})
    bar = salary.by_skill(df, narrow=True).data[0]
    assert [str(t) for t in bar.y] == ["Python<br>$101,379 (n=109)", "CI/CD<br>$90,154 (n=32)"]
    assert not bar.text or not any(bar.text)
    assert list(salary.by_skill(df).data[0].text) == ["$101,379 (n=109)", "$90,154 (n=32)"]


def test_a_phone_s_salary_bands_and_language_mix_lie_as_labelled_rows() -> None:
    """Seen in Chromium at 390 px (QA round seventeen): Salary "Postings by salary band" and the Data page's
    "Language mix" wrote "293 (57%)" and "1,562 (94%)" turned on their side inside their tallest columns
    and slanted their names under them. Built for a narrow window they lie as rows, top down, each
    labelled "293 (57%)" on one line past its end (theme.count_rows, as the source mix); at 1,280 px
    columns as before."""
    from analytics.figures import data

    bands = pd.DataFrame({"band": ["<$50k", "$50k-$100k", "$100k-$150k"], "postings": [15, 293, 127]})
    langs = pd.DataFrame({"language": ["en", "de", "pt"], "postings": [1562, 45, 41]})
    for name, wide, narrow in (("bands", salary.bands(bands), salary.bands(bands, narrow=True)),
                               ("languages", data.languages(langs), data.languages(langs, narrow=True))):
        assert wide.data[0].orientation in (None, "v"), name
        bar = narrow.data[0]
        assert bar.orientation == "h" and bar.textposition == "outside" and bar.textangle == 0, name
        assert all(t and "<br>" not in t for t in bar.text), (name, bar.text)
    assert list(salary.bands(bands, narrow=True).data[0].text) == ["15 (3%)", "293 (67%)", "127 (29%)"]
    drill = salary.bands(bands, narrow=True).data[0].customdata
    assert [list(c) for c in drill] == [[b] for b in bands["band"]]


def test_years_against_salary_names_both_things_its_postings_lack() -> None:
    """Seen in Chromium under the source arbeitnow (QA round seventeen): "Years required against median
    salary" read "none of them has a plausible salary" while the Salary page drew the one posting with a
    salary (n = 1): the chart needs a salary and a stated number of years on the same posting. Its empty
    message names both."""
    from analytics import figures
    from analytics.result import QueryResult
    from ui.chart import empty_message

    needs = figures.chart("ex_pay").needs_for()
    assert needs and "salary" in needs and "years" in needs, needs
    empty = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0, unit="postings", filtered=True)
    text = empty_message(empty, 14, needs)
    assert "none of them has both a plausible salary and a stated number of years" in text, text
    # QA round thirty-one, the one Spanish posting (a salary, no years): "it lacks both a plausible salary
    # and a stated number of years" said it had neither
    one = empty_message(empty, 1, needs)
    assert one.startswith("Nothing to draw from the one posting these filters select: it does not have both "
                          "a plausible salary and a stated number of years"), one
    from analytics.queries import empty_n_text  # the caption's n alike

    said = empty_n_text(1, (), needs)
    assert said == f"n = 0 drawn of the one posting these filters select: it does not have {needs}", said


@pytest.mark.usefixtures("tiny_db")
def test_salary_by_skill_says_when_a_bar_is_every_salary_of_the_view() -> None:
    """Seen in Chromium under the skill Python (QA round seventeen): "Salary by skill" drew Python's bar,
    "$101,379 (n=109)", as one skill's median among others; every posting with a salary asks for Python
    there, so the bar is the median of them all (the premium says "$0 by construction"). Its caption names
    such a skill; without a skill filter none is named."""
    from analytics import figures
    from analytics.figures import Context

    res = figures.chart("sa_skill").run(Context(Filters(seniority=(), role_family=(), skills=("Python",))))
    line = [c for c in res.caveats if "every posting with a salary" in c]
    assert line and line[0].startswith("Python: asked for by every posting with a salary here"), res.caveats
    plain = figures.chart("sa_skill").run(Context(Filters(seniority=(), role_family=())))
    assert not any("every posting with a salary" in c for c in plain.caveats), plain.caveats


def test_a_salary_line_starts_its_axis_at_zero() -> None:
    """Seen in Chromium under Germany (QA round seventeen, left): "Years required against median salary"
    ranged its axis over its two medians, so $121.5k and $124.3k filled the chart's height and read as a
    big difference. A median salary's line starts its axis at zero, as the salary bars do, so a 2% gap
    looks like one; "Median salary over time" alike (two close months drew the same)."""
    months = pd.to_datetime(["2025-08-01", "2025-09-01"])
    figs = {
        "pay": experience.pay(pd.DataFrame({"years": [3, 6], "median_salary_usd": [121_500.0, 124_300.0],
                                            "n": [2, 1]})),
        "over_time": salary.over_time(pd.DataFrame({"month": months, "median": [121_500.0, 124_300.0],
                                                    "n": [40, 35]})),
    }
    for name, fig in figs.items():
        axis = fig.layout.yaxis
        fixed = axis.range is not None and axis.autorange is False
        assert axis.rangemode == "tozero" or (fixed and axis.range[0] <= 0), (name, axis.range)


def test_trend_points_lying_on_each_other_name_each_other_in_their_hover() -> None:
    """Seen and left in QA round seventeen: under Germany many skills' points at one month and share (0% of
    a month's 9 postings) lay on each other, one hiding the rest but for its hover. Moving them apart would
    draw false values: each such point's hover names the other skills on it, and the chart's note counts
    the points lying under another (hidden_points)."""
    month = pd.to_datetime(["2025-03-01"] * 3 + ["2025-04-01"] * 3)
    df = pd.DataFrame({"month": month, "skill": ["Go", "Rust", "Java"] * 2,
                       "postings": [0, 0, 3, 1, 2, 3], "month_total": [9, 9, 9, 40, 40, 40]})
    df["share"] = df["postings"] / df["month_total"]
    fig = skills.trend(df)
    said: dict[tuple[str, str], str] = {}
    for tr in fig.data:
        if tr.customdata is None:
            continue
        assert "%{customdata[4]}" in tr.hovertemplate, tr.name
        for row, y in zip(tr.customdata, tr.y):
            if y is not None and not (isinstance(y, float) and math.isnan(y)):
                said[(str(row[0])[:7], str(row[1]))] = str(row[4])
    assert said[("2025-03", "Go")].endswith("on this point too: Rust"), said
    assert said[("2025-03", "Rust")].endswith("on this point too: Go"), said
    assert said[("2025-03", "Java")] == "" and said[("2025-04", "Go")] == "", said
    assert skills.hidden_points(df) == 1


@pytest.mark.usefixtures("tiny_db")
def test_the_trend_s_note_counts_the_points_lying_under_another() -> None:
    """The note the test above names (trend_caveats), on the chart as the page runs it: in the tiny
    warehouse Go, Java and Rust lie at 0% in several months, so points hide others and the note counts them
    (hidden_points of the chart's own rows); Python beside Kubernetes share no point, and no note is said."""
    from analytics import figures
    from analytics.figures import Context

    def run(picks: tuple[str, ...]) -> tuple[int, tuple[str, ...]]:
        ctx = Context(Filters(seniority=(), role_family=()))
        ctx.params["picks"] = picks
        res = figures.chart("sk_trend").run(ctx)
        return skills.hidden_points(res.df), res.caveats

    hidden, said = run(("Python", "Go", "Rust", "Java", "Kubernetes", "AWS"))
    line = f"{hidden} points lie under another skill's point"
    assert hidden > 1 and any(c.startswith(line) for c in said), said
    hidden, said = run(("Python", "Kubernetes"))
    assert hidden == 0 and not any("under another skill's point" in c for c in said), said


def test_a_phone_s_years_rows_keep_the_gaps_between_years() -> None:
    """Seen and left in QA round seventeen: built for a narrow window "Years required" lay as rows of
    categories, so 3 sat right under 1 and 10 under 7, the years not stated by any posting gone (the wide
    chart keeps them as gaps on a numeric axis). The rows stand on a numeric axis too, named by the years
    ("15+" for the cap), each year's place kept, the chart tall enough for every year of the span."""
    df = pd.DataFrame({"years": [1, 3, 7, 10, 15], "postings": [5, 9, 4, 2, 1]})
    fig = experience.years(df, narrow=True)
    bar = fig.data[0]
    assert fig.layout.yaxis.type != "category", fig.layout.yaxis.type
    assert [float(v) for v in bar.y] == [1.0, 3.0, 7.0, 10.0, 15.0], bar.y
    axis = fig.layout.yaxis
    assert list(axis.ticktext)[-1] == "15+" and list(axis.tickvals) == [1, 3, 7, 10, 15], axis
    assert fig.layout.yaxis.autorange == "reversed"  # the fewest years on top, as before
    assert fig.layout.height >= theme.ROW_PX * 15  # 1 to 15: fifteen rows' room, not five
    # the hover names the row's year as its tick does: the template reads the bar's own hovertext ("15+")
    assert list(bar.hovertext) == ["1", "3", "7", "10", "15+"], bar.hovertext
    assert bar.hovertemplate.startswith("%{hovertext} years:"), bar.hovertemplate


def test_a_trend_of_shares_starts_its_axis_at_zero() -> None:
    """Seen in Chromium under Portuguese postings (QA round eighteen): one month's five shares, 12% to 24%,
    drew an axis from 12% to 24%, so Java's 12% sat on the floor as if none asked for it and .NET at the top
    as if all did. The trend's axis starts at zero, as the salary lines' (theme.from_zero)."""
    df = pd.DataFrame({"month": pd.to_datetime(["2023-12-01"] * 3), "skill": [".NET", "C#", "Java"],
                       "postings": [10, 6, 5], "month_total": [41] * 3})
    df["share"] = df["postings"] / df["month_total"]
    assert skills.trend(df).layout.yaxis.rangemode == "tozero"


def test_a_month_s_bar_spans_its_month_not_half_of_the_one_before() -> None:
    """Seen and left in QA round seventeen, and under a date range in round eighteen (July to December 2024,
    one posting in October): each month's bar was centred on its first day, so the October bar spanned
    mid-September to mid-October under an "Oct 2024" tick at its middle, and the last month sat at the axis's
    edge. Over two months or more a bar spans its own month (Plotly's period alignment) and each label
    names the month between its ticks; a single month keeps its column over its one tick."""
    from analytics.figures import overview as overview_figures

    months = pd.to_datetime([f"2024-{m:02d}-01" for m in range(7, 13)])
    fig = overview_figures.per_month(pd.DataFrame({"month": months, "postings": [0, 0, 0, 1, 0, 0]}))
    bar = fig.data[0]
    assert bar.xperiod == "M1" and bar.xperiodalignment == "middle", (bar.xperiod, bar.xperiodalignment)
    assert fig.layout.xaxis.ticklabelmode == "period", fig.layout.xaxis.ticklabelmode
    one = overview_figures.per_month(pd.DataFrame({"month": months[:1], "postings": [3]}))
    assert one.data[0].xperiodalignment is None and one.layout.xaxis.ticklabelmode != "period"
    # years: each bar in its month, the year's tick at its first day (in the year's middle, "2018" stood
    # right of Jan-Apr 2018's bars under Germany)
    years = pd.date_range("2017-10-01", "2026-02-01", freq="MS")
    long = overview_figures.per_month(pd.DataFrame({"month": years, "postings": [1] * len(years)}))
    assert long.data[0].xperiodalignment == "middle" and long.layout.xaxis.ticklabelmode != "period"


def test_a_point_at_the_top_of_its_axis_is_clear_of_the_plot_s_edge() -> None:
    """QA round eighteen: a trend point at 100% and a salary line's top month touched the plot's top edge
    (Plotly's autorange stops at the marker). The value axis runs from zero to a little above the highest
    point, open (small-sample) points included."""
    months = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])
    trend = skills.trend(pd.DataFrame({"month": months, "skill": ["Go"] * 3, "postings": [40, 2, 10],
                                       "month_total": [40, 2, 40], "share": [1.0, 1.0, 0.25]}))
    lo, hi = trend.layout.yaxis.range
    assert lo == 0 and hi >= 1.05, trend.layout.yaxis.range
    pay = salary.over_time(pd.DataFrame({"month": months, "median": [100_000.0, 150_000.0, 120_000.0],
                                         "n": [40, 40, 3]}))
    assert pay.layout.yaxis.range[0] == 0 and pay.layout.yaxis.range[1] >= 150_000 * 1.05
    years = experience.pay(pd.DataFrame({"years": [1, 3], "median_salary_usd": [90_000.0, 130_000.0],
                                         "n": [40, 40]}))
    assert years.layout.yaxis.range[1] >= 130_000 * 1.05


def test_a_point_at_zero_is_drawn_whole_above_the_plot_s_floor() -> None:
    """Seen and left in QA round nineteen, looked at in round twenty (real samples, the default Skills
    trend): a month's 0% point sat on the axis's floor, its lower half cut by the plot's edge (Plotly clips
    markers to the plot). Where a point is at zero the value axis starts a little below it, too little
    for a tick of its own below 0%; without such a point it starts at zero, as before."""
    months = pd.to_datetime(["2025-01-01", "2025-02-01", "2025-03-01"])
    trend = skills.trend(pd.DataFrame({"month": months, "skill": ["Go"] * 3, "postings": [0, 2, 10],
                                       "month_total": [40, 2, 40], "share": [0.0, 1.0, 0.25]}))
    lo, hi = trend.layout.yaxis.range
    assert -0.06 * hi <= lo < -0.02 * hi, trend.layout.yaxis.range
    above = skills.trend(pd.DataFrame({"month": months, "skill": ["Go"] * 3, "postings": [4, 2, 10],
                                       "month_total": [40, 2, 40], "share": [0.1, 1.0, 0.25]}))
    assert above.layout.yaxis.range[0] == 0, above.layout.yaxis.range


def test_the_small_sample_note_names_skills_as_written() -> None:
    """QA round twenty-one on the real samples (Kotlin and Swift, both asked): the bars read "iOS" and the
    note under them "(Android, Kotlin, Swift, IOS, ...)": a skill's name was capitalised as an internal value
    is ("software_engineering" -> "Software engineering"), making "IOS", "JQuery", "Dbt" of twelve names."""
    from analytics import figures

    top = pd.DataFrame({"skill": ["iOS", "jQuery", "dbt", "scikit-learn"], "category": ["mobile"] * 4,
                        "postings": [3, 2, 1, 1], "share": [1.0, 0.67, 0.33, 0.33], "total": [3] * 4})
    note = figures.small_note(figures.chart("sk_top"), top)
    assert "(iOS, jQuery, dbt, scikit-learn)" in note, note
    pairs = pd.DataFrame({"skill_a": ["macOS", "gRPC"], "skill_b": ["gRPC", "macOS"], "postings": [2, 2],
                          "total": [5, 5]})
    assert "(macOS, gRPC)" in figures.small_note(figures.chart("sk_pairs"), pairs)


def test_an_empty_chart_of_postings_that_exist_names_what_they_lack() -> None:
    """QA round twenty-one on the real samples (Switzerland, 5 postings): "What senior roles expect beyond
    code" said "none of them has what this chart counts (a salary, a place, a date ...)", none of which it
    counts. Every chart that can be empty while the filters select postings names what it counts."""
    from analytics import figures
    from analytics.result import QueryResult
    from ui.chart import empty_message

    empty = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0, unit="postings", filtered=True)
    # QA round thirty-eight (French, hybrid: 3 postings, one asking for a responsibility only): "Top skills in
    # the two regions" said "none of them has what this chart counts (a salary, a place, a date ...)"
    for key, word in (("sk_resp", "responsibilit"), ("sk_top", "skill"), ("sk_pairs", "skill"),
                      ("rg_world", "country"), ("rg_cmp_skills", "skill")):
        needs = figures.chart(key).needs_for()
        assert needs and word in needs, (key, needs)
        text = empty_message(empty, 5, needs)
        assert "what this chart counts" not in text and word in text, (key, text)


@pytest.mark.usefixtures("tiny_db")
def test_a_premium_chart_whose_every_skill_is_compared_with_itself_draws_nothing() -> None:
    """QA round twenty-two, get in IT alone (one posting with a salary, at 390 px): "Salary premium per skill"
    drew ten hatched bars at "$0 (n=1)" over an axis from -1 to 1, every one $0 by construction (round
    fifteen's caption said so under a chart of nothing). Where every skill drawn is asked for by every
    posting with a salary, no skill can be set against the rest: the chart draws nothing and says why."""
    from analytics import figures
    from analytics.figures import Context
    from analytics.result import QueryResult
    from ui.chart import empty_message

    rows = pd.DataFrame({"skill": ["Agile", "Jira"], "n": [1, 1], "median_salary_usd": [80_000.0] * 2,
                         "overall_median": [80_000.0] * 2, "premium_usd": [0.0, 0.0],
                         "premium_share": [0.0] * 2, "enough": [False, False], "total": [1, 1]})
    defn = figures.chart("sk_premium")
    shown = defn.shown(QueryResult(df=rows, sql="", params={}, n=1), Context(Filters()))
    assert shown.df.empty and figures.figure_for(defn, shown) is None
    text = empty_message(shown, 41, defn.needs_for())
    assert text == ("Nothing to draw from the 41 postings these filters select: the one posting with a "
                    "salary asks for every one of these skills, so no skill's salaries can be set against "
                    "the rest (each premium would be $0 by construction)."), text
    from analytics.report import empty_text  # the deck's and the PDF's slide for it say the same

    assert empty_text(defn, shown, 41) == text  # the page's sentence (hqa30 ruling 3)
    three = defn.shown(QueryResult(df=rows.assign(n=3, total=3), sql="", params={}, n=3), Context(Filters()))
    assert "the 3 postings with a salary all ask for every one of these skills" in three.caveats[0]
    mixed = rows.assign(n=[3, 2], total=3)  # Jira's two set against the three: a premium, drawn (captioned)
    kept = defn.shown(QueryResult(df=mixed, sql="", params={}, n=3), Context(Filters()))
    assert len(kept.df) == 2


def _percent_ticks(axis) -> list[str]:  # type: ignore[no-untyped-def]
    """The tick labels an axis with a fixed step draws over [0, top], formatted as its tickformat says."""
    digits = int(axis.tickformat[1])  # ".0%", ".1%"
    k = math.floor(axis.range[1] / axis.dtick + 1e-9) if axis.range else 4
    return [f"{i * axis.dtick * 100:.{digits}f}%" for i in range(k + 1)]


def test_small_shares_are_ticked_without_two_ticks_reading_the_same() -> None:
    """QA round twenty-two, French postings at 390 px: Top skills' axis read "0% 1% 1% 2% 2%" and the trend's
    "0% 1% 1% 2% 2%" (shares up to 2% ticked every half percent, written in whole percents). Shares under 5%
    are ticked at a step their labels tell apart ("0.5%"), larger ones in whole percents as before."""
    top = skills.top(pd.DataFrame({"skill": ["Excel", "Linux", "Agile"], "postings": [3, 2, 1],
                                   "total": [149] * 3, "share": [3 / 149, 2 / 149, 1 / 149]}))
    axis = top.layout.xaxis
    assert (axis.tickformat, axis.dtick) == (".0%", 0.01)  # "0% 1% 2%"
    month = pd.to_datetime(["2025-03-01"] * 2)
    trend = skills.trend(pd.DataFrame({"month": month, "skill": ["Excel", "Linux"], "postings": [3, 2],
                                       "month_total": [149, 149], "share": [3 / 149, 2 / 149]}))
    ticks = _percent_ticks(trend.layout.yaxis)
    assert len(ticks) == len(set(ticks)) and ticks[:2] == ["0%", "1%"], ticks
    wide = skills.top(pd.DataFrame({"skill": ["Python"], "postings": [40], "total": [100], "share": [0.4]}))
    assert wide.layout.xaxis.tickformat == ".0%" and wide.layout.xaxis.dtick is None
    assert theme.percent_step(0.0004) == (0.0001, 2)  # "0.01%" steps
    assert theme.percent_step(0.012) == (0.005, 1)  # "0.5%" steps
    assert theme.percent_step(0.049) == (0.02, 0)


def test_a_phone_s_rows_end_clear_of_the_plot_s_edge() -> None:
    """QA round twenty-two at 390 px, get in IT alone: "Years required by seniority" drew the manager's
    5 years (n=1) to the plot's right edge, the senior whisker's cap at 5 half cut (Plotly ranges bars to
    their end, whiskers included, with no room past it). A phone's rows end a little inside the plot."""
    df = pd.DataFrame({"seniority": ["senior", "manager"], "median": [4.0, 5.0], "p25": [3.0, 5.0],
                       "p75": [5.0, 5.0], "n": [14, 1]})
    axis = experience.by_level(df, narrow=True).layout.xaxis
    assert axis.range is not None and axis.range[0] == 0 and axis.range[1] > 5.0, axis.range
    sal = pd.DataFrame({"group": ["senior", "lead"], "median": [100_000.0, 150_000.0],
                        "p25": [90_000.0, 120_000.0], "p75": [120_000.0, 180_000.0], "n": [40, 12]})
    assert salary.quartiles(sal, "Seniority", narrow=True).layout.xaxis.range[1] > 180_000


@pytest.mark.usefixtures("tiny_db")
def test_salary_by_skill_whose_every_bar_is_the_whole_view_draws_nothing() -> None:
    """QA round twenty-three, German postings (one with a salary): "Salary by skill" drew ten hatched bars
    at "$81,921 (n=1)", the one posting's salary under each of its skills, read as ten skills paying the
    same. Where every skill drawn is asked for by every posting with a salary, each bar is the median of
    them all, not a skill's: the chart draws nothing and says why, as the premium does."""
    from analytics import figures
    from analytics.figures import Context
    from analytics.report import empty_text
    from analytics.result import QueryResult
    from ui.chart import empty_message

    rows = pd.DataFrame({"group": ["Agile", "Jira"], "n": [1, 1], "p10": [81_921.0] * 2,
                         "p25": [81_921.0] * 2, "median": [81_921.0] * 2, "p75": [81_921.0] * 2,
                         "p90": [81_921.0] * 2, "enough": [False, False], "total": [1, 1]})
    defn = figures.chart("sa_skill")
    shown = defn.shown(QueryResult(df=rows, sql="", params={}, n=1), Context(Filters()))
    assert shown.df.empty and figures.figure_for(defn, shown) is None
    text = empty_message(shown, 45, defn.needs_for())
    assert text == ("Nothing to draw from the 45 postings these filters select: the one posting with a "
                    "salary asks for every one of these skills, so each bar would be its salary ($81,921), "
                    "not a skill's."), text
    assert empty_text(defn, shown, 45) == text  # the page's sentence (hqa30 ruling 3)
    three = defn.shown(QueryResult(df=rows.assign(n=3, total=3), sql="", params={}, n=3), Context(Filters()))
    assert three.caveats[0] == ("the 3 postings with a salary all ask for every one of these skills, so each "
                                "bar would be the median of them all ($81,921), not a skill's")
    mixed = rows.assign(n=[3, 2], total=3)  # Jira's two among the three: a median of its own, drawn
    assert len(defn.shown(QueryResult(df=mixed, sql="", params={}, n=3), Context(Filters())).df) == 2


LONG_SKILLS = ["Data Structures and Algorithms", "Event-Driven Architecture", "Go", "Java"]


def test_long_skill_names_wrap_at_a_phones_width_and_leave_the_bars_their_room() -> None:
    """QA round twenty-two's seen and left, again at 390 px under two long skills (Data Structures and
    Algorithms, Event-Driven Architecture): the premium's row names took 60% of the chart (bars in about
    140 px) and the pairs heatmap's names left its grid about 115 px, each count unreadable. Built for a
    narrow window a long name is written on lines of at most theme.NAME_LINE_CHARS characters (at word
    breaks, "Event-Driven" kept whole); the hover and the drill keep the whole name."""
    df = pd.DataFrame({"skill": LONG_SKILLS, "premium_usd": [-42_057.0, 61_082.0, -41_672.0, 9_000.0],
                       "n": [10, 15, 5, 40], "median_salary_usd": [8e4] * 4, "overall_median": [8.7e4] * 4})
    bar = skills.premium(df, narrow=True).data[0]
    ticks = [str(t) for t in bar.y]
    lines = [line for t in ticks for line in t.split("<br>")]
    assert max(len(line) for line in lines) <= theme.NAME_LINE_CHARS, ticks
    assert "Data Structures<br>and Algorithms<br>-$42,057 (n=10)" in ticks, ticks
    assert "Event-Driven<br>Architecture<br>+$61,082 (n=15)" in ticks, ticks
    assert [str(c) for c in bar.customdata[:, 0]] == list(df.sort_values("premium_usd")["skill"])
    grid = pd.DataFrame([{"skill_a": a, "skill_b": b, "together": None if a == b else 3, "total": 60}
                         for a in LONG_SKILLS for b in LONG_SKILLS])
    narrow, wide = skills.pairs(grid, narrow=True), skills.pairs(grid)
    y = narrow.layout.yaxis
    assert list(y.tickvals) == LONG_SKILLS and "Data Structures<br>and Algorithms" in y.ticktext
    assert max(len(line) for t in y.ticktext for line in t.split("<br>")) <= theme.NAME_LINE_CHARS
    assert list(narrow.data[0].y) == LONG_SKILLS  # the hover's %{y}: the whole name
    assert wide.layout.yaxis.ticktext is None  # a desktop's names as they are
    # the columns' names stand on their side under the grid, the colour bar above it: the height has room for
    # both besides 30 px a row (in 380 px the twelve rows had about 8 px each, their names run together)
    names_px = len("Data Structures and Algorithms") * theme.LABEL_CHAR_PX
    assert narrow.layout.height >= 30 * len(LONG_SKILLS) + names_px + 100, narrow.layout.height


def test_postings_per_month_over_many_months_labels_its_peak_and_its_last_month() -> None:
    """QA round twenty-two's seen and left: over more than a year of months no bar carried its count (the
    hover did; a still export has none), so the real warehouse's 102 months read from the axis alone. Their
    labels would crowd, but the tallest bar and the last month holding postings carry their counts."""
    from analytics.figures import overview as overview_figures

    years = pd.date_range("2017-10-01", "2026-03-01", freq="MS")
    counts = [0] * len(years)
    counts[1], counts[5], counts[-3], counts[-1] = 836, 120, 303, 96
    bar = overview_figures.per_month(pd.DataFrame({"month": years, "postings": counts})).data[0]
    labelled = {str(years[i].date()): t for i, t in enumerate(bar.text) if t}
    assert labelled == {"2017-11-01": "836", "2026-03-01": "96"}, labelled
    assert bar.textposition == "outside" and bar.cliponaxis is False
    few = overview_figures.per_month(pd.DataFrame({"month": years[:3], "postings": [4, 5, 6]})).data[0]
    assert list(few.text) == ["4", "5", "6"]  # up to a year: every month, as before


def test_postings_per_month_label_their_tiny_bars() -> None:
    """hqa33 ruling 4 (QA round thirty-three's seen and left): under German postings the postings per month
    drew a 2017 month's one posting as an invisible, unlabelled bar beside months of up to 238. A bar under 1%
    of the tallest carries its count, so it is seen; an empty month carries none."""
    from analytics.figures import overview as overview_figures

    years = pd.date_range("2017-10-01", "2026-03-01", freq="MS")
    counts = [0] * len(years)
    counts[0], counts[5], counts[6], counts[-3], counts[-2], counts[-1] = 1, 8, 9, 836, 120, 96
    bar = overview_figures.per_month(pd.DataFrame({"month": years, "postings": counts})).data[0]
    labelled = {str(years[i].date()): t for i, t in enumerate(bar.text) if t}
    # 1 and 8 are under 1% of 836 (8.36); 9 and 120 are not, and keep no label over more than a year
    assert labelled == {"2017-10-01": "1", "2018-03-01": "8", "2026-01-01": "836", "2026-03-01": "96"}, \
        labelled


def test_a_phone_s_beyond_code_chart_lies_as_rows_with_room_for_each_level() -> None:
    """QA round twenty-four, Python and SQL at 390 px: "What senior roles expect beyond code" stood seven
    responsibilities' names upright under five levels' bars, the names taking about 150 px and the bars
    about 120 px of a 390 px window. In a narrow window the responsibilities are rows (the names beside
    them, the first on top), each level's bar across, with room for every bar."""
    levels = ["senior", "staff", "principal", "lead", "manager"]
    resps = ["Stakeholder Communication", "Code Review", "Mentoring", "System Design", "Technical Leadership",
             "On-call", "Hiring"]
    rows = [(lv, r, 3 + i, 20 + j) for j, lv in enumerate(levels) for i, r in enumerate(resps)]
    df = pd.DataFrame(rows, columns=["seniority", "skill", "postings", "level_total"])
    df["share"] = df["postings"] / df["level_total"]
    wide, narrow = skills.responsibilities(df), skills.responsibilities(df, narrow=True)
    assert {tr.orientation for tr in wide.data} == {"v"}
    bars = [tr for tr in narrow.data if tr.type == "bar"]
    assert {tr.orientation for tr in bars} == {"h"} and len(bars) == len(levels)
    assert list(bars[0].y) == resps and list(bars[0].x) == list(df["share"][:len(resps)])
    assert narrow.layout.yaxis.autorange == "reversed"  # the first responsibility on top
    assert narrow.layout.height >= len(resps) * len(levels) * 10  # each bar at least 10 px high
    assert narrow.layout.xaxis.tickformat == wide.layout.yaxis.tickformat  # the share's axis, as a share
    assert [tr.customdata[0][0] for tr in bars] == levels  # the drill-down's keys as before


def test_an_empty_chart_over_time_says_its_undated_postings_are_those_it_counts() -> None:
    """QA round twenty-five, Glassdoor alone with a date range (7 postings, none dated, 6 with a salary):
    "Median salary over time" read "Nothing to draw from the 7 postings these filters select: 6 postings
    without a date are not shown", and the reader asked what became of the seventh and why 6 of 7 undated
    draw nothing. Where the chart is empty, every posting it counts is undated: the message says so, in the
    app and on the deck's slide or PDF page."""
    from analytics import figures
    from analytics.report import empty_text
    from analytics.result import QueryResult
    from ui.chart import empty_message

    defn = figures.chart("sa_time")
    empty = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0, unit="postings", filtered=True,
                        caveats=("6 postings without a date are not shown",))
    text = empty_message(empty, 7, defn.needs_for())
    assert text == ("Nothing to draw from the 7 postings these filters select: the 6 with a plausible salary "
                    "carry no date, so none has a month to be drawn in."), text
    assert empty_text(defn, empty, 7) == text  # the slide says it whole: "none of them" needs its "them"
    one = replace(empty, caveats=("1 posting without a date is not shown",))
    assert empty_message(one, 7, defn.needs_for()).endswith(
        ": the one with a plausible salary carries no date, so none has a month to be drawn in."), one
    every = replace(empty, caveats=("7 postings without a date are not shown",))  # round twenty's wording
    assert empty_message(every, 7, defn.needs_for()).endswith(
        ": none of them carries a date, so none has a month to be drawn in.")


def test_the_small_sample_note_of_one_figure_says_it_in_the_singular() -> None:
    """QA round twenty-seven, Salary by seniority under Portuguese postings downloaded as PNG: "The one
    figure rests on fewer than 30 postings (senior): drawn grey with their n (bars hatched, points open).
    Read them with care." One figure is drawn grey with its n and read with care as one."""
    from analytics import figures

    # two postings: a figure of one is no median and is named apart (lead ruling 2 on hqa41, tested below)
    one = pd.DataFrame({"group": ["senior"], "n": [2], "enough": [False]})
    note = figures.small_note(figures.chart("sa_dist"), one)
    assert note == ("The one figure rests on fewer than 30 postings (senior): drawn grey with its n (a bar "
                    "hatched, a point open). Read it with care."), note
    years = pd.DataFrame({"years": [1, 5, 7], "n": [40, 3, 50], "enough": [True, False, True]})
    assert figures.small_note(figures.chart("ex_pay"), years).endswith("with its n (a bar hatched, a point "
                                                                       "open). Read it with care.")
    coloured = pd.DataFrame({"area": ["US", "AR"], "remote": ["remote", "remote"], "share": [0.5, 0.5],
                             "postings": [50, 5], "area_total": [100, 10]})
    assert figures.small_note(figures.chart("rg_remote"), coloured).endswith(
        ": hatched in its colour, its n on hover. Read it with care.")
    two = pd.DataFrame({"group": ["senior", "lead"], "n": [3, 5], "enough": [False, False]})
    assert figures.small_note(figures.chart("sa_dist"), two).endswith(  # several: as before
        "drawn grey with their n (bars hatched, points open). Read them with care.")


def test_a_chart_of_one_or_a_few_bars_is_short_not_one_thick_bar() -> None:
    """Seen in Chromium (QA round twenty-eight): the movers under Portuguese postings, one skill over the
    minimum, drew .NET as one bar about 180 px thick in a 320-px chart (the principal level's AWS alike, at
    390 px): a chart's height had a floor of 320 px whatever its rows. A few rows get a shorter chart (170
    px for one, 40 px more a row, up to the floor), so a bar is about as thick as in a full chart; many rows
    keep 24 px a row, as before."""
    movers = pd.DataFrame({"skill": [".NET"], "count_a": [2], "count_b": [8], "n_a": [14], "n_b": [27],
                           "share_a": [2 / 14], "share_b": [8 / 27], "change": [8 / 27 - 2 / 14]})
    for narrow in (False, True):
        fig = skills.movers(movers, narrow=narrow)
        assert fig.layout.height <= 200, (narrow, fig.layout.height)
    assert theme.rows_height(1) == 170 and theme.rows_height(3) == 250 and theme.rows_height(5) == 320
    assert theme.rows_height(20) == 480  # many rows: 24 px a row, as before
    top = pd.DataFrame({"skill": ["Go", "Rust"], "category": ["language"] * 2, "postings": [40, 35],
                        "share": [0.4, 0.35], "total": [100, 100]})
    assert skills.top(top).layout.height == theme.rows_height(2) == 210


def test_a_median_of_one_posting_draws_no_quartile_whisker() -> None:
    """QA round twenty-nine, German postings at 390 px: "Salary by seniority" drew the one manager posting's
    salary as a bar titled "bars: 25th-75th percentile" with a whisker from it to itself, a stray tick at the
    bar's end (the years by level alike): one posting has no spread. A group of one draws no whisker (the
    text "NaN", which plotly.js skips: a float NaN reaches the browser as null, read as 0 and drawn); its
    hover still gives the figure; groups of two or more keep theirs."""
    import math

    df = pd.DataFrame({"group": ["senior", "manager"], "median": [100_000.0, 81_000.0],
                       "p25": [90_000.0, 81_000.0], "p75": [130_000.0, 81_000.0], "n": [11, 1]})
    for narrow in (False, True):
        for fig in (salary.quartiles(df, "Group", narrow=narrow),
                    experience.by_level(df.rename(columns={"group": "seniority"}), narrow=narrow)):
            bar = fig.data[0]
            whiskers = bar.error_x if bar.orientation == "h" else bar.error_y
            up, down = list(whiskers.array), list(whiskers.arrayminus)
            assert up[0] == 30_000.0 and down[0] == 10_000.0, (up, down)
            assert up[1] == down[1] == "NaN" and math.isnan(float(up[1])), (up, down)


@pytest.mark.usefixtures("tiny_db")
def test_the_pairs_map_says_how_many_postings_its_pairs_come_from() -> None:
    """hqa30 ruling 1 (QA round thirty: under French postings the 12-by-12 map's every pair came from one
    posting, under "n = 149 postings" and no word of it): the caption says how many of the selected postings
    ask for two or more of the skills drawn (skills.paired), as the other captions state their samples."""
    from analytics.figures import Context

    pairs = next(d for d in skills.CHARTS if d.key == "sk_pairs")
    shown = pairs.run(Context(Filters()))
    said = [c for c in shown.caveats if "two or more" in c]
    assert said == ["28 of the 40 postings these filters select ask for two or more of these 5 skills: "
                    "every pair drawn comes from them"], shown.caveats
    k = pairs.run(Context(Filters(skills=("Kubernetes",))))  # ids 1-10, each with Python; no PostgreSQL
    assert [c for c in k.caveats if "two or more" in c] == [
        "all 10 postings these filters select ask for two or more of these 4 skills"], k.caveats


@pytest.mark.parametrize(("paired", "total", "drawn", "said"), [
    (1, 149, 12, "1 of the 149 postings these filters select asks for two or more of these 12 skills: every "
                 "pair drawn comes from it"),
    (0, 7, 3, "none of the 7 postings these filters select asks for two or more of these 3 skills"),
    (2, 2, 2, "both postings these filters select ask for both skills"),
    (5, 9, 2, "5 of the 9 postings these filters select ask for both skills"),
])
def test_paired_sentence(paired: int, total: int, drawn: int, said: str) -> None:
    assert skills.paired_sentence(paired, total, drawn) == said


@pytest.mark.usefixtures("tiny_db")
def test_a_chart_over_time_drawing_one_month_says_no_change_can_be_shown() -> None:
    """QA round thirty-one, French postings (every one dated 2025-03-11): "Median salary over time" drew one
    unlabelled point and the monthly trend one month, with no word that nothing over time can be read (the
    Overview says so since round thirty). Their captions now say it; over several months nothing is said."""
    from analytics import figures
    from analytics.figures import Context

    march = Filters(date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))
    said = {key: [c for c in figures.chart(key).run(Context(march)).caveats if "one month" in c]
            for key in ("sa_time", "sk_trend")}
    rest = "fall in one month, March 2025, so no change over time can be shown"
    assert said == {"sa_time": [f"all 9 salaries drawn {rest}"],
                    "sk_trend": [f"all 10 postings drawn {rest}"]}, said
    for key in ("sa_time", "sk_trend"):
        assert not [c for c in figures.chart(key).run(Context(Filters())).caveats if "one month" in c], key
    one = pd.DataFrame({"month": [pd.Timestamp(2025, 3, 1)], "n": [1]})
    assert figures.one_month(one, "n", ("salary", "salaries")) == (
        "the one salary drawn falls in March 2025, so no change over time can be shown")


def _months(*held: int) -> pd.DataFrame:
    """A chart over time's rows: one month a count, from 2023-12 on (0 = an empty month on the axis)."""
    return pd.DataFrame({"month": pd.date_range("2023-12-01", periods=len(held), freq="MS"), "n": list(held)})


@pytest.mark.parametrize(("held", "said"), [
    # Brazil's postings on the real exports (hqa34 ruling 1, hqa35): 42 in 2023-12, 1 in 2025-05, 2 in 2025-10
    ((42, *[0] * 16, 1, 0, 0, 0, 0, 2),
     "only December 2023 holds 30 or more postings (42 of the 45 drawn), so no line is drawn: the other 3 "
     "fall in 2 months of fewer (open points), so no change over time can be read with confidence"),
    # India's: 16 over 8 months, none reaching 30
    ((3, 1, 3, 1, 2, 1, 1, 0, 4),
     "no month holds 30 or more postings (the 16 drawn fall in 8 months), so no line is drawn: every month "
     "is an open point, so no change over time can be read with confidence"),
    ((2, 0, 1),
     "no month holds 30 or more postings (the 3 drawn fall in 2 months), so no line is drawn: every month "
     "is an open point, so no change over time can be read with confidence"),
    ((30, 0, 1),
     "only December 2023 holds 30 or more postings (30 of the 31 drawn), so no line is drawn: the other 1 "
     "falls in 1 month of fewer (an open point), so no change over time can be read with confidence"),
    ((30, 31), None),  # two solid months: a line
    ((30, 5, 31), None),
    ((42,), None),  # one month: one_month's sentence
    ((0, 42, 0), None),
    ((), None),
])
def test_a_chart_over_time_with_one_month_or_none_of_30_says_no_line_is_drawn(
        held: tuple[int, ...], said: str | None) -> None:
    """hqa35 (hqa34 ruling 1, other thin views): under Brazil's postings "Monthly trend" drew one solid point
    (December 2023, 42 postings) and open points for 2025's 3 across a 23-month axis, and under India's 16
    postings over 8 months only open points, with no word that no line joins two months: one_month spoke only
    where a single month held postings."""
    from analytics import figures

    assert figures.thin_months(_months(*held), "n", ("posting", "postings")) == said


def test_the_salary_line_s_month_sentences_count_no_month_of_one_posting() -> None:
    """Lead ruling on hqa42 question 2: a month of one salary draws no point, so "Median salary over time"'s
    sentences of the salaries drawn leave it out (pointed): 42, 1 and 2 salaries draw 44 in 2 months; one
    month of 40 beside one of 1 draws one month; a lone month of one salary draws nothing to speak of (the
    note gives its figure)."""
    from analytics import figures

    unit = ("salary", "salaries")
    assert figures.thin_months(salary.pointed(_months(42, 1, 2)), "n", unit) == (
        "only December 2023 holds 30 or more salaries (42 of the 44 drawn), so no line is drawn: the other 2 "
        "fall in 1 month of fewer (an open point), so no change over time can be read with confidence")
    assert figures.one_month(salary.pointed(_months(40, 1)), "n", unit) == (
        "all 40 salaries drawn fall in one month, December 2023, so no change over time can be shown")
    assert figures.one_month(salary.pointed(_months(1)), "n", unit) is None
    assert figures.thin_months(salary.pointed(_months(1, 0, 1)), "n", unit) is None


def test_thin_months_counts_a_month_once_per_skill_row_and_names_salaries() -> None:
    """The trend's rows are one per skill and month (month_total repeated); the salary chart's unit."""
    from analytics import figures

    rows = pd.DataFrame({"month": [pd.Timestamp(2023, 12, 1)] * 2 + [pd.Timestamp(2024, 2, 1)] * 2,
                         "skill": ["Python", "SQL"] * 2, "month_total": [40, 40, 2, 2]})
    assert figures.thin_months(rows, "month_total", ("posting", "postings")) == (
        "only December 2023 holds 30 or more postings (40 of the 42 drawn), so no line is drawn: the other 2 "
        "fall in 1 month of fewer (an open point), so no change over time can be read with confidence")
    paid = _months(1, 0, 1)
    assert figures.thin_months(paid, "n", ("salary", "salaries")) == (
        "no month holds 30 or more salaries (the 2 drawn fall in 2 months), so no line is drawn: every month "
        "is an open point, so no change over time can be read with confidence")


@pytest.mark.usefixtures("tiny_db")
def test_movers_under_a_filter_every_posting_meets_say_its_skills_cannot_change() -> None:
    """hqa35: under "Python and SQL, all of the skills" the real exports' movers drew 4 bars, 2 of them Python
    and SQL at "+0.0 pts" (100% in both periods by the filter itself), and said nothing of it; on the tiny
    warehouse under Python and Go, all, both bars drawn were the filter's, a chart of nothing. Top skills and
    the pairs say "by the skills filter"; the movers now do."""
    from analytics.figures import Context

    movers = {d.key: d for d in skills.CHARTS}["sk_movers"]
    one = movers.run(Context(Filters(skills=("Python",))))
    assert [c for c in one.caveats if "skills filter" in c] == [
        "Python: in every posting by the skills filter, so 100% in both periods: its +0.0 pts is by "
        "construction"], one.caveats
    both = movers.run(Context(Filters(skills=("Python", "Go"), skills_mode="all")))
    assert set(both.df["skill"]) == {"Python", "Go"}, both.df  # every bar drawn is the filter's
    assert [c for c in both.caveats if "skills filter" in c] == [
        "Python and Go: in every posting by the skills filter, so 100% in both periods: their +0.0 pts are "
        "by construction"], both.caveats
    anyof = movers.run(Context(Filters(skills=("Python", "Go"))))  # any of them: their shares can change
    assert not [c for c in anyof.caveats if "skills filter" in c], anyof.caveats
    assert not anyof.df.empty


_KEPT = "these are the postings without a date, which the sidebar keeps"
_NOTHING = "Nothing to draw from the 591 postings these filters select: none of them carries a date"


@pytest.mark.parametrize(("f", "said"), [
    (Filters(date_from=date(2025, 12, 1), date_to=date(2026, 1, 31)),
     f"{_NOTHING} (no dated posting falls in 2025-12-01 to 2026-01-31: {_KEPT}), so none has a month to be "
     "drawn in."),
    (Filters(date_from=date(2030, 1, 1)),
     f"{_NOTHING} (no dated posting falls from 2030-01-01 on: {_KEPT}), so none has a month to be drawn in."),
    (Filters(date_to=date(2010, 12, 31)),
     f"{_NOTHING} (no dated posting falls up to 2010-12-31: {_KEPT}), so none has a month to be drawn in."),
    (Filters(), f"{_NOTHING}, so none has a month to be drawn in."),
])
def test_an_empty_chart_over_a_date_range_holding_no_dated_posting_names_the_range(
        f: Filters, said: str) -> None:
    """hqa35, on the real exports: the sidebar's 2025-12-01 to 2026-01-31 holds no dated posting under the
    default levels, and "Postings per month" read "Nothing to draw from the 591 postings these filters
    select: none of them carries a date" as if the data had no dates; the range holds none, and the 591 are
    the undated postings the sidebar keeps. The message names the range, in the app and on the slide."""
    from analytics import figures
    from analytics.queries import dated_in
    from analytics.report import empty_text
    from analytics.result import QueryResult
    from ui.chart import empty_message

    empty = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0, unit="postings", filtered=True,
                        caveats=("591 postings without a date are not shown",))
    assert empty_message(empty, 591, dated=dated_in(f)) == said
    defn = figures.chart("ov_per_month")
    assert empty_text(defn, empty, 591, dated=dated_in(f)) == said
