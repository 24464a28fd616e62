"""Regions queries on the tiny warehouse: US ids 1-20 (CA 1-10, NY 11-20), GB 21-30,
IN 31-35, DE 36-40 (no plausible salary there)."""

from __future__ import annotations

import math
from pathlib import Path

import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters
from analytics.queries import regions

pytestmark = pytest.mark.usefixtures("tiny_db")


def test_by_country() -> None:
    res = regions.by_country(Filters())
    by = res.df.set_index("country")
    assert res.n == 40
    assert by.loc["US", "postings"] == 20 and by.loc["US", "median_salary_usd"] == 110_500
    assert by.loc["GB", "iso3"] == "GBR" and by.loc["GB", "median_salary_usd"] == 125_500
    assert math.isnan(by.loc["DE", "median_salary_usd"])


def test_by_us_state() -> None:
    res = regions.by_us_state(Filters())
    assert dict(zip(res.df["state"], res.df["postings"])) == {"CA": 10, "NY": 10}
    assert dict(zip(res.df["state"], res.df["median_salary_usd"])) == {"CA": 105_500, "NY": 115_500}


def test_top_places_and_unknown_level() -> None:
    cities = regions.top_places(Filters(), "city")
    assert list(cities.df["place"]) == ["London", "New York", "San Francisco", "Bengaluru", "Berlin"]
    metros = regions.top_places(Filters(), "metro")
    assert metros.n == 20
    with pytest.raises(KeyError):
        regions.top_places(Filters(), "p.title; --")


def test_remote_by_area() -> None:
    res = regions.remote_by_area(Filters(), "country")
    us = res.df[res.df["area"] == "US"].set_index("remote")["postings"].to_dict()
    assert us == {"hybrid": 5, "not stated": 5, "onsite": 5, "remote": 5}
    assert res.n == 40


def test_compare() -> None:
    res = regions.compare(Filters(), ("US-CA", "GB"))
    by = res.df.set_index("area")
    assert by.loc["US-CA", "postings"] == 10 and by.loc["GB", "postings"] == 10
    assert by.loc["GB", "median_years"] == 8
    assert list(res.df["area"]) == ["US-CA", "GB"]  # in the order asked: region A first
    assert list(regions.compare(Filters(), ("GB", "US-CA")).df["area"]) == ["GB", "US-CA"]
    skills = regions.compare_skills(Filters(), ("US", "DE"))
    got = {(a, s): p for a, s, p in zip(skills.df["area"], skills.df["skill"], skills.df["postings"])}
    assert got[("US", "Python")] == 20 and got[("DE", "PostgreSQL")] == 5
    assert skills.n == 25


def test_compare_gives_the_postings_behind_each_figure() -> None:
    """The comparison's share remote and median years come with the postings they rest on (remote_n,
    years_n, as salary_n for the salary), so the page can mark a figure from fewer than 30 postings (seen
    on the real samples: "63.6% remote" for a country of 12 postings, unmarked). Columns only added."""
    for rollup in (True, False):
        res = regions.compare(Filters(), ("US-CA", "GB"), rollup=rollup)
        assert list(res.df.columns) == ["area", "postings", "companies", "median_salary_usd", "salary_n",
                                        "share_remote", "median_years", "remote_n", "years_n"]
        by = res.df.set_index("area")
        # each has 10 postings: 8 state a work arrangement (2 of them remote), all 10 state years
        assert list(by["remote_n"]) == [8, 8] and list(by["years_n"]) == [10, 10], rollup
        assert list(by["share_remote"]) == [0.25, 0.25]


@pytest.mark.parametrize("rollup", [True, False])
def test_the_comparison_counts_a_posting_once_when_one_area_holds_the_other(rollup: bool) -> None:
    """Seen in Chromium under the region California (QA round seventeen): "Two regions side by side"
    compared United States with California, the same 233 postings on both sides, captioned "n = 466
    postings". A region inside the other area (its country) adds none of its postings to n; disjoint areas
    still add up (the page compares an area picked twice once)."""
    for areas, n in ((("US", "US-CA"), 20), (("US-CA", "US"), 20), (("US-CA", "GB"), 20),
                     (("US-CA", "US-NY"), 20), (("GB", "DE"), 15)):
        assert regions.compare(Filters(), areas, rollup=rollup).n == n, areas
        assert regions.compare_skills(Filters(), areas, rollup=rollup).n == n, areas


@pytest.mark.parametrize("rollup", [True, False])
def test_compare_skills_lists_region_a_first_and_the_skills_in_one_order(rollup: bool) -> None:
    """The side-by-side skills chart draws its areas in the order of its rows: region A's bars, colour and
    legend entry came second when B sorts first by code (seen on the real samples: US as A, Poland as B,
    Poland drawn first and the skills ranked by Poland's shares). Rows now come A first, then B, each in
    the skills' order over both areas together."""
    for areas in (("US", "DE"), ("DE", "US")):
        res = regions.compare_skills(Filters(), areas, rollup=rollup)
        assert list(dict.fromkeys(res.df["area"])) == list(areas)
        total = res.df.groupby("skill", sort=False)["postings"].sum()
        order = sorted(total.index, key=lambda s: (-total[s], s))
        for area in areas:
            mine = list(res.df.loc[res.df["area"] == area, "skill"])
            assert mine == [s for s in order if s in mine], (area, rollup)


@pytest.mark.parametrize("rollup", [True, False])
def test_a_city_name_in_two_countries_is_two_places(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                    rollup: bool) -> None:
    """QA round twelve on the real samples: Top cities grouped by the city's name alone and labelled it with
    any one of its countries, so "Boston, United States" counted German postings placed in a "Boston" and
    "Cambridge" mixed the US and the UK; a selected bar listed them all. Here two Berlin postings are placed
    in a London of Germany: London, United Kingdom keeps its 10 postings; the German London is its own bar,
    and selecting a bar lists only its own country's postings."""
    from tiny_warehouse import build_edited

    from analytics.figures import regions as rf
    from analytics.queries import postings
    from ui.chart import points_to_pick

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET city = 'London' "
                           "WHERE posting_id IN (36, 37)", derive=True,
                           version_name="v-tiny-two-londons.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    cities = regions.top_places(Filters(), "city", rollup=rollup)
    df = cities.df
    rows = {(p, c): int(n) for p, c, n in zip(df["place"], df["country"], df["postings"])}
    assert rows[("London", "GB")] == 10 and rows[("London", "DE")] == 2, rows
    assert cities.n == 40
    fig = rf.places(cities.df)
    bar = fig.data[0]
    at = list(bar.y).index("London, United Kingdom")
    drill = next(d for d in rf.CHARTS if d.key == "rg_cities").drill_for(None)  # type: ignore[arg-type]
    pick = points_to_pick([{"customdata": list(bar.customdata[at])}], drill)
    assert pick is not None
    assert postings.postings_for(Filters(), pick).n == 10


def test_a_comparison_of_a_country_with_its_region_holding_the_same_postings_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in Chromium under the region California (QA round seventeen): United States beside California,
    two identical columns with nothing saying why: the country held only the region's postings. Here every
    US posting is placed in California: the comparison's caption says the two are the same postings; a
    country beside a region holding part of it says nothing."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context

    for key in ("rg_cmp", "rg_cmp_skills"):
        ctx = Context(Filters())
        ctx.params["areas"] = ("US", "US-CA")
        assert not any("the same" in c for c in figures.chart(key).run(ctx).caveats), key
    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET region = 'US-CA' "
                           "WHERE country = 'US'", derive=True, version_name="v-tiny-one-state.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    for key in ("rg_cmp", "rg_cmp_skills"):
        ctx = Context(Filters())
        ctx.params["areas"] = ("US", "US-CA")
        said = [c for c in figures.chart(key).run(ctx).caveats if "the same" in c]
        assert said and "United States (US)" in said[0] and "California (US-CA)" in said[0], (key, said)


def test_a_place_filter_leaving_one_area_compares_it_with_another() -> None:
    """Seen and left in QA round seventeen: under the region California the comparison defaulted to United
    States beside California, the same postings (one country and its one region were all the filters
    left). Where the filters leave no two areas apart, the comparison sets the sidebar's country and region
    aside (its caption says so), keeps the other filters, and starts with the filters' own area beside the
    largest other one of its kind, a region of the same country first; a filter leaving two areas apart
    changes nothing."""
    from analytics import figures
    from analytics.figures import Context
    from analytics.figures import regions as rf

    ctx = Context(Filters(region=("US-CA",)))
    assert rf.default_areas(ctx) == ("US-CA", "US-NY")
    assert {"GB", "US-NY"} <= set(rf.area_choices(ctx))
    for key in ("rg_cmp", "rg_cmp_skills"):
        res = figures.chart(key).run(Context(Filters(region=("US-CA",))))
        assert set(res.df["area"]) == {"US-CA", "US-NY"}, key
        said = [c for c in res.caveats if "set aside" in c]
        assert said and "California (US-CA)" in said[0], (key, res.caveats)
    assert figures.chart("rg_cmp").run(Context(Filters(region=("US-CA",)))).n == 20
    gb = Context(Filters(country=("GB",)))
    assert rf.default_areas(gb)[0] == "GB" and not regions.nested("GB", rf.default_areas(gb)[1])
    us = Context(Filters(country=("US",)))  # two US regions lie apart: nothing set aside
    assert rf.default_areas(us) == ("US-CA", "US-NY") and not rf.lifted(us)
    assert not any("set aside" in c for c in figures.chart("rg_cmp").run(us).caveats)
    # a link's pick outside the filters but inside the comparison is offered (analytics.controls)
    assert "US-NY" in set(regions.comparable_areas(Filters(region=("US-CA",))).df["area"])
    assert regions.apart(["US", "US-CA", "US-NY"]) and not regions.apart(["US", "US-CA"])


@pytest.mark.parametrize("rollup", [True, False])
def test_an_area_given_twice_gets_its_own_figures_on_both_rows(rollup: bool) -> None:
    """Seen and left in QA round seventeen: the rollup path joined each picked row to the rows of its area,
    so an area given twice summed its postings (and its remote and years counts) twice. The page never
    picks one area twice, but the query is public API (researchers call it) and its two paths must agree."""
    once = regions.compare(Filters(), ("GB",), rollup=rollup).df.iloc[0]
    twice = regions.compare(Filters(), ("GB", "GB"), rollup=rollup).df
    assert list(twice["area"]) == ["GB", "GB"]
    for _, row in twice.iterrows():
        assert row.drop("area").equals(once.drop("area")), (rollup, row.to_dict(), once.to_dict())
    assert regions.compare(Filters(), ("GB", "GB"), rollup=rollup).n == 10


def test_the_maps_say_how_many_postings_name_no_place(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen in Chromium on the real samples (QA round eighteen): "Postings by country" read "n = 1,478
    postings" under a headline of 1,658, and "Postings by US state" n = 548 of 642 US postings, with no word
    of the 180 naming no country and the 94 US postings naming no state. Each map's caption says how many
    of the view's postings it cannot place. Here two US postings lose their state and three lose their
    country."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context

    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET region = NULL, metro = NULL WHERE posting_id IN (1, 2)",
                           "UPDATE postings SET country = NULL, region = NULL, city = NULL, metro = NULL "
                           "WHERE posting_id IN (21, 22, 23)", derive=True,
                           version_name="v-tiny-unplaced.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    f = Filters(seniority=(), role_family=())
    world = figures.chart("rg_world").run(Context(f))
    said = [c for c in world.caveats if "no country" in c]
    assert world.n == 57 and said and said[0].startswith("3 of the 60 postings name no country"), \
        world.caveats
    states = figures.chart("rg_states").run(Context(f))
    said = [c for c in states.caveats if "no state" in c]
    assert states.n == 28 and said and said[0].startswith("2 of the 30 US postings name no state"), \
        states.caveats
    placed = figures.chart("rg_world").run(Context(Filters(seniority=(), role_family=(), country=("GB",))))
    assert not any("no country" in c for c in placed.caveats), placed.caveats


@pytest.mark.usefixtures("tiny_db")
def test_under_a_region_the_world_map_says_its_country_stands_for_the_region() -> None:
    """QA round eighteen: under the region New York the world map coloured the whole United States, the
    filters' "region: New York" alone saying it held only that region's postings. The caption says so."""
    from analytics import figures
    from analytics.figures import Context

    world = figures.chart("rg_world").run(Context(Filters(region=("US-NY",))))
    assert ("United States is coloured by the postings of New York (US-NY) alone: the world map draws "
            "countries, not their regions") in world.caveats, world.caveats
    two = figures.chart("rg_world").run(Context(Filters(region=("US-NY", "US-CA", "IN-KA"))))
    assert any(c.startswith("United States is coloured by the postings of New York (US-NY) and California "
                            "(US-CA) alone; India is coloured by the postings of Karnataka (IN-KA) alone")
               for c in two.caveats), two.caveats
    plain = figures.chart("rg_world").run(Context(Filters(country=("US",))))
    assert not any("coloured by the postings of" in c for c in plain.caveats), plain.caveats


@pytest.mark.usefixtures("tiny_db")
def test_under_a_region_the_world_map_s_hover_names_the_region_too() -> None:
    """Seen and left in QA round nineteen: under the region New York the world map's caption said the US
    stood for New York alone, but its hover (what a reader pointing at the map reads, and what an HTML
    export keeps) named "United States" with New York's count, as if of the whole country. The hover
    names the country and the region(s) its colour holds; other countries', and every hover without a
    region filter, as before."""
    from analytics import figures
    from analytics.figures import Context

    chart = figures.chart("rg_world")
    ctx = Context(Filters(region=("US-NY",)))
    fig = chart.figure(chart.run(ctx).df, ctx)
    texts = [t for tr in fig.data for t in tr.text]
    assert texts and all(t.startswith("<b>United States: New York (US-NY) alone</b>") for t in texts), texts
    plain = Context(Filters(country=("US",)))
    texts = [t for tr in chart.figure(chart.run(plain).df, plain).data for t in tr.text]
    assert texts and all(t.startswith("<b>United States</b>") for t in texts), texts


def test_the_two_regions_compared_say_how_many_of_the_selected_postings_they_hold(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round twenty-nine (real samples, German postings): the comparison set two regions of 2 postings
    each side by side, its caption saying "n = 4 postings" and nothing of the 45 the filters selected, 35 of
    which name no region. The caption of both comparison charts now says how many of the selected postings
    the two areas hold, how many name no area of their kind and how many lie in other ones; two areas
    holding every selected posting, or one holding the other, add nothing."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context

    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET region = NULL WHERE posting_id IN (1, 2, 11)", derive=True,
                           version_name="v-tiny-no-region.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    selected = figures.chart("sk_top").run(Context(Filters())).n
    for key in ("rg_cmp", "rg_cmp_skills"):
        ctx = Context(Filters())
        ctx.params["areas"] = ("US-CA", "US-NY")
        res = figures.chart(key).run(ctx)
        held = figures.chart("rg_cmp").run(ctx).n
        said = [c for c in res.caveats if " hold " in c]
        assert said, (key, res.caveats)
        assert said[0].startswith(f"California (US-CA) and New York (US-NY) hold {held:,} of the "
                                  f"{selected:,} postings these filters select ("), said
        assert "3 name no region" in said[0] and "lie in other regions" in said[0], said
    # under a region filter the comparison sets aside (compare_filters): what the other filters select
    lifted = figures.chart("rg_cmp").run(Context(Filters(region=("US-CA",))))
    assert any("postings the other filters select" in c for c in lifted.caveats), lifted.caveats
    # one area holding the other; two countries holding every selected posting
    for f, areas in ((Filters(), ("US", "US-CA")), (Filters(country=("US", "GB")), ("US", "GB"))):
        ctx = Context(f)
        ctx.params["areas"] = areas
        res = figures.chart("rg_cmp").run(ctx)
        assert not any(" hold " in c and "these filters select" in c for c in res.caveats), res.caveats


@pytest.mark.parametrize("rollup", [True, False])
@pytest.mark.parametrize(("cleared", "levels"), [
    ("city = NULL, metro = NULL", ("city", "metro")),
    # by country and by region too (the work arrangement chart's caption; QA round thirty)
    ("country = NULL, region = NULL, city = NULL, metro = NULL", ("country", "region")),
])
def test_postings_with_a_place_count_what_the_filters_select(
        rollup: bool, cleared: str, levels: tuple[str, str], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """regions.placed: of the postings the filters select, how many name a city (a US metro, a country, a
    region); the rollups and the postings agree."""
    from tiny_warehouse import build_edited

    db_path = build_edited(tmp_path / "warehouse.duckdb", f"UPDATE postings SET {cleared} "
                           "WHERE posting_id IN (1, 2, 21)", derive=True,
                           version_name=f"v-tiny-no-{levels[0]}.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    import duckdb
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        every, *named = con.sql(
            f"SELECT count(*), count({levels[0]}), count({levels[1]}) FROM postings").fetchall()[0]
    finally:
        con.close()
    f = Filters(seniority=(), role_family=())
    for level, expected in zip(levels, named, strict=True):
        res = regions.placed(f, level, rollup=rollup)
        assert (int(res.df["shown"].iloc[0]), int(res.df["placed"].iloc[0])) == (every, expected), level


def test_top_cities_say_how_many_of_the_selected_postings_they_hold(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round twenty-nine (real samples, German postings): "Top cities" said "n = 10 postings" and nothing
    of the 45 the filters selected, 35 naming no city (the default view: 913 of 1,713 in its fifteen cities).
    Its caption says how many of the selected postings its cities hold, how many name no city and how many
    lie in cities past those drawn; the US metros' alike."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET city = NULL, metro = NULL "
                           "WHERE posting_id IN (1, 2, 21)", derive=True,
                           version_name="v-tiny-no-city.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    ctx = Context(Filters())
    selected = figures.chart("sk_top").run(ctx).n
    cities = figures.chart("rg_cities").run(Context(Filters()))
    said = [c for c in cities.caveats if "these filters select" in c]
    drawn = len(cities.df)
    assert said and said[0].startswith(f"these {drawn} cities hold {cities.n:,} of the {selected:,} postings "
                                       "these filters select ("), (said, cities.caveats)
    assert "name no city" in said[0], said
    metros = figures.chart("rg_metros").run(Context(Filters()))
    said = [c for c in metros.caveats if "these filters select" in c]
    assert said and "lie in no US metro" in said[0], (said, metros.caveats)


@pytest.mark.parametrize("level", ["country", "region"])
def test_the_work_arrangement_chart_says_how_many_of_the_selected_postings_its_areas_hold(
        level: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round thirty (real samples, the default view): "Work arrangement by area" said "n = 1,479 postings"
    (its twelve countries') and nothing of the 1,717 the filters select, 197 naming no country and 41 in
    countries past those drawn. Its caption says how many of the selected postings its areas hold and where
    the rest are, as the top cities' does (QA round twenty-nine)."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET country = NULL, region = NULL,"
                           " city = NULL, metro = NULL WHERE posting_id IN (1, 2, 21)", derive=True,
                           version_name="v-tiny-no-country.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    selected = figures.chart("sk_top").run(Context(Filters())).n
    ctx = Context(Filters())
    ctx.params["level"] = level
    res = figures.chart("rg_remote").run(ctx)
    areas = res.df["area"].nunique()
    plural = {"country": "countries", "region": "regions"}[level]
    said = [c for c in res.caveats if "these filters select" in c]
    assert said and said[0].startswith(f"these {areas} {plural} hold {res.n:,} of the {selected:,} postings "
                                       "these filters select ("), (said, res.caveats)
    assert f"name no {level}" in said[0], said
    # one area drawn: "this one country holds 6 of the 7 postings", not "this one of the countries hold"
    # (QA round thirty, Spanish postings); nothing where the areas drawn hold every selected posting
    from analytics.figures.regions import held_sentence

    assert held_sentence("country", 1, 6, 7, 6) == ("this one country holds 6 of the 7 postings these "
                                                    "filters select (1 names no country)")
    assert held_sentence("city", 1, 1, 7, 3) == ("this one city holds 1 of the 7 postings these filters "
                                                 "select (4 name no city, 2 in other cities)")
    assert held_sentence("metro", 2, 5, 9, 5) == ("these 2 US metros hold 5 of the 9 postings these filters "
                                                  "select (4 lie in no US metro)")
    assert held_sentence("region", 3, 9, 9, 9) is None


@pytest.mark.parametrize("areas", [("US", "DE"), ("US-CA", "DE")])
def test_an_area_asking_for_none_of_the_compared_skills_is_named(
        areas: tuple[str, str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round thirty (real samples, Spanish postings): "Top skills in the two regions" compared Argentina
    with Ciudad Autónoma de Buenos Aires, whose one posting asks for none of the ten skills drawn; it drew
    Argentina's bars alone, no word of the region the reader picked (not in the legend either). Its caption
    now names the area that draws no bar and why."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context

    db_path = build_edited(tmp_path / "warehouse.duckdb", "DELETE FROM posting_skills WHERE posting_id "
                           "BETWEEN 36 AND 40", derive=True, version_name="v-tiny-de-no-skills.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    ctx = Context(Filters())
    ctx.params["areas"] = areas
    res = figures.chart("rg_cmp_skills").run(ctx)
    assert set(res.df["area"]) == {areas[0]}, res.df
    said = [c for c in res.caveats if c.startswith("Germany (DE)")]
    assert said == ["Germany (DE) draws no bar: none of its 5 postings asks for one of these skills"], \
        res.caveats


def test_work_arrangement_by_region_under_a_country_without_regions_says_why_it_is_empty(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round thirty (real samples, Hong Kong: 7 postings, none naming a region): "Work arrangement by area"
    by region said "Nothing to draw from the 7 postings these filters select: none of them has what this
    chart counts (a salary, a place, a date ...)" - a guess, where the reason is that none names a region.
    The answer says so, and the page's and the deck's empty text with it."""
    from tiny_warehouse import build_edited

    from analytics import figures
    from analytics.figures import Context
    from analytics.report import empty_text
    from ui.chart import empty_message

    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET region = NULL WHERE country = 'IN'", derive=True,
                           version_name="v-tiny-in-no-region.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    defn = figures.chart("rg_remote")
    ctx = Context(Filters(country=("IN",)))
    ctx.params["level"] = "region"
    res = defn.run(ctx)
    assert res.df.empty
    shown = figures.chart("sk_top").run(Context(Filters(country=("IN",)))).n
    assert shown > 0
    said = empty_message(res, shown, defn.needs_for())
    assert said == (f"Nothing to draw from the {shown:,} postings these filters select: none of these "
                    "postings names a region."), said
    assert empty_text(defn, res, shown) == said  # the page's sentence (hqa30 ruling 3)
    by_country = Context(Filters(country=("IN",)))
    assert not defn.run(by_country).df.empty  # by country: drawn


def test_a_comparison_of_a_country_with_its_own_region_says_the_regions_postings_are_among_its_own() -> None:
    """Seen under Spanish postings (every level and role, QA round thirty-one): the default comparison was
    Argentina (6 postings) beside Ciudad Autónoma de Buenos Aires (1), its own region - the one country and
    the one region the filters leave - under "n = 6 postings" and no word that the region's posting is one of
    Argentina's, nor of the seventh naming no country (the sentence two areas apart get was left out for
    nested ones). Here United States (20) beside California (10) of the tiny warehouse's 40."""
    from analytics import figures
    from analytics.figures import Context

    said = ("California (US-CA) lies in United States (US): its 10 postings are among the country's 20, "
            "which are 20 of the 40 postings these filters select (20 lie in other countries)")
    for areas in (("US", "US-CA"), ("US-CA", "US")):
        for key in ("rg_cmp", "rg_cmp_skills"):
            ctx = Context(Filters())
            ctx.params["areas"] = areas
            caveats = figures.chart(key).run(ctx).caveats
            assert said in caveats, (areas, key, caveats)
            assert not any("the same" in c for c in caveats)


@pytest.mark.parametrize(("inner", "outer", "shown", "named", "said"), [
    (1, 6, 7, 6, "Ciudad (AR-C) lies in Argentina (AR): its one posting is among the country's 6, which are "
                 "6 of the 7 postings these filters select (1 names no country)"),
    (2, 7, 7, 7, "Ciudad (AR-C) lies in Argentina (AR): its 2 postings are among the country's 7, all "
                 "the postings these filters select"),
    (1, 3, 9, 7, "Ciudad (AR-C) lies in Argentina (AR): its one posting is among the country's 3, which are "
                 "3 of the 9 postings these filters select (2 name no country, 4 lie in other countries)"),
])
def test_nested_sentence(inner: int, outer: int, shown: int, named: int, said: str) -> None:
    """The sentence of a country beside its own region (``named``: the selected postings naming a country)."""
    from analytics.figures import regions as rf

    assert rf.nested_sentence("Ciudad (AR-C)", "Argentina (AR)", inner, outer, shown, named) == said


def test_a_remote_share_the_filter_fixes_is_marked_for_the_hover_text() -> None:
    """QA round hqa39 (lead ruling 4 on hqa38): under hybrid alone the maps' and Top cities' hover read "0%
    remote (of 33 stating it)" for every area, a share the filter made. The rows carry ``remote_set`` and the
    hover text reads "remote share set by the filter"; a filter that leaves it to the data adds nothing."""
    from analytics.figures import regions as rf

    for rollup in (True, False):
        for res in (regions.by_country(Filters(remote=("hybrid",)), rollup=rollup),
                    regions.by_us_state(Filters(remote=("remote",)), rollup=rollup),
                    regions.top_places(Filters(remote=("remote",)), "city", rollup=rollup)):
            assert len(res.df) and res.df["remote_set"].all(), res.name
        assert "remote_set" not in regions.by_country(Filters(), rollup=rollup).df.columns
    df = regions.by_country(Filters(remote=("hybrid",))).df
    hover = " ".join(str(t) for t in rf.world(df).data[0].text)
    assert "remote share set by the filter" in hover and "% remote" not in hover, hover
    plain = " ".join(str(t) for t in rf.world(regions.by_country(Filters()).df).data[0].text)
    assert "% remote (of " in plain
