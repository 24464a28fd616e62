"""The Regions page's charts: maps by country and US state, top cities and metros, remote share,
and the first two areas side by side (the page's default choice).

Maps need Plotly's topojson: the app, images and a map's interactive HTML export all use the vendored
static/topojson (offline; the HTML page carries it inline, analytics.export.images.to_html).
"""

from __future__ import annotations

from collections.abc import Callable

import pandas as pd
import plotly.graph_objects as go

from analytics import names
from analytics.figures import Call, ChartDef, Context, geo, theme
from analytics.filters import SET_BY_FILTER, Filters, remote_share_set
from analytics.queries import data, first, overview, regions
from analytics.queries.salary import BINNED, SALARY_BIN_USD
from analytics.result import QueryResult

MEASURES = ("postings", "median_salary_usd", "share_remote")  # "Colour the maps by" (widget rg_measure)
MEASURE = MEASURES[0]
LEVELS = ("country", "region")  # "Remote share by" (widget rg_remote_level)
LEVEL = LEVELS[0]


NARROW_MAP_HEIGHT = 340  # a map in a narrow window, its colour bar under it (ui/narrow.py)
# A map fitted to a few countries in a narrow window: its plot's width at 390 px (the chart 358 px less
# theme.style's side margins), the style's top and bottom margins, and the room Plotly keeps under the plot
# for the colour bar across (theme.colorbar_across: its title, bar and ticks), measured in Chromium
NARROW_PLOT_W = 338
MARGINS = 30 + 10
COLORBAR_ROOM = 71
N_OF = {"postings": None, "median_salary_usd": "salary_n", "share_remote": "remote_n"}  # counts are exact
TITLE_OF = {"postings": "Postings", "median_salary_usd": "Median salary", "share_remote": "Share remote"}
# the postings a map's colour rests on, as its caption and the grey areas' hover say
STATING = {"median_salary_usd": "stating a salary", "share_remote": "stating a work arrangement"}


def _hover(row: pd.Series, name: str) -> str:
    salary = (f"median salary {theme.fmt_usd(row['median_salary_usd'])} (n={int(row['salary_n']):,})"
              if int(row.get("salary_n", 0) or 0) else "no salary stated")
    # a share the Work arrangement filter fixes (the query's remote_set, lead ruling 4 on hqa38) is no finding
    remote = (f"remote share {SET_BY_FILTER}" if bool(row.get("remote_set", False)) else
              f"{theme.fmt_pct(row['share_remote'], 0)} remote (of {int(row['remote_n']):,} stating it)"
              if int(row.get("remote_n", 0) or 0) else "work arrangement not stated")
    return f"<b>{name}</b><br>{theme.counted(int(row['postings']))}<br>{salary}<br>{remote}"


def _map(df: pd.DataFrame, measure: str, code: str, locations: str, locationmode: str, names_of,  # type: ignore[no-untyped-def]
         narrow: bool = False) -> go.Figure:
    """A choropleth under the sample-size rule: areas whose figure rests on fewer than MIN_N postings
    are drawn plain grey (their n in the hover text), never coloured as if solid; a single value
    gets one colour and no colour bar (never "124.9996k-125.0004k"). ``narrow``: the colour bar under the
    map (theme.colorbar_across), for a narrow window."""
    ncol = N_OF[measure]
    d = df[df[measure].notna()]
    small = pd.Series(
        [theme.is_small(v) for v in d[ncol]] if ncol else [False] * len(d), index=d.index, dtype=bool
    )
    fig = go.Figure()
    fmt = {"postings": ",.0f", "median_salary_usd": "$,.0f", "share_remote": ".0%"}[measure]
    for part, is_small in ((d[~small], False), (d[small], True)):
        if part.empty:
            continue
        z = part[measure].astype(float)
        single = z.min() == z.max()
        scale = ([[0, theme.SMALL_COLOR], [1, theme.SMALL_COLOR]] if is_small
                 else [[0, theme.ONE_COLOR], [1, theme.ONE_COLOR]] if single else theme.SEQUENTIAL)
        fig.add_choropleth(
            locations=part[locations], z=z, locationmode=locationmode, colorscale=scale,
            showscale=not (is_small or single), customdata=part[[code]].to_numpy(),
            text=[_hover(r, names_of(r[code]))
                  + (f"<br><i>fewer than {theme.MIN_N} postings {STATING[measure]}</i>" if is_small else "")
                  for _, r in part.iterrows()],
            hovertemplate="%{text}<extra></extra>", marker_line_color="#ffffff", marker_line_width=0.5,
            colorbar={**(theme.colorbar_across() if narrow else {}),
                      "title": {"text": TITLE_OF[measure], **({"side": "top"} if narrow else {})},
                      "tickformat": fmt.lstrip("$"), "tickprefix": "$" if fmt.startswith("$") else ""},
            name="fewer than 30 postings" if is_small else TITLE_OF[measure])
    fig.update_geos(showframe=False, bgcolor="rgba(0,0,0,0)")
    if not any(t.showscale for t in fig.data) and (said := _stated(d, measure, code, names_of)):
        # no colour bar, so nothing but the hover said the figure: a still export of German postings' map
        # showed Germany in one blue and no number (lead ruling 3 on hqa41); written on the map, top left
        fig.add_annotation(text=said, xref="paper", yref="paper", x=0, y=1, xanchor="left", yanchor="top",
                           showarrow=False, align="left", bgcolor="rgba(255,255,255,0.85)",
                           # dark on white in either theme: the land under it is light grey in both
                           font={"size": 13, "color": "#333333"})
    return fig


STATED_AREAS = 4  # areas of one value (no colour bar) named on the map with their figures, at most


def _stated(d: pd.DataFrame, measure: str, code: str, names_of: Callable[[str], str]) -> str:
    """Each area a map without a colour bar colours, with its figure: "Germany: 47 postings", "Germany:
    median salary $81,921 from 12 postings stating a salary (fewer than 30)", "Germany: one posting states a
    salary, $81,921" (a salary of one posting is no median); "" for none or past STATED_AREAS. Pure."""
    if d.empty or len(d) > STATED_AREAS:
        return ""
    return " · ".join(f"{theme.as_text(names_of(r[code]))}: {_figure(r, measure)}" for _, r in d.iterrows())


def _figure(row: pd.Series, measure: str) -> str:
    """An area's figure in words, with the postings it rests on (_stated)."""
    if measure == "postings":
        return theme.counted(int(row["postings"]))
    n = int(row[N_OF[measure]] or 0)
    few = f" (fewer than {theme.MIN_N})" if theme.is_small(n) else ""
    if measure == "median_salary_usd":
        usd = theme.fmt_usd(row["median_salary_usd"])
        if n == 1:
            return f"one posting states a salary, {usd}"
        return f"median salary {usd} from {theme.counted(n)} {STATING[measure]}{few}"
    if bool(row.get("remote_set", False)):  # the Work arrangement filter fixes it (lead ruling 4 on hqa38)
        return f"share remote {SET_BY_FILTER}"
    if n == 1:
        return f"one posting states a work arrangement ({'' if row['share_remote'] >= 1 else 'not '}remote)"
    return f"{theme.fmt_pct(row['share_remote'], 0)} remote, of {theme.counted(n)} {STATING[measure]}{few}"


def world(df: pd.DataFrame, measure: str = MEASURE, narrow: bool = False, region: tuple[str, ...] = ()
          ) -> go.Figure:
    """``region``: the region filter; a country under it is named with the regions its colour holds
    ("United States: New York (US-NY) alone": its hover gave New York's count as the country's, QA round
    twenty; the caption says so too, region_note)."""
    held = regions_of(region)

    def name(country: str) -> str:
        return f"{names.country_name(country)}: {_and(held[country])} alone" if country in held \
            else names.country_name(country)

    fig = _map(df, measure, "country", "iso3", "ISO-3", name, narrow)
    # The whole world when the countries in view spread over it: left to itself Plotly fits an
    # equirectangular world into the chart's height and draws it off centre in a wide chart (east Asia and
    # Oceania cut off, Europe at the right edge). A fixed range in a projection made for world maps shows
    # every country. One country or a few close together get a view fitted to them (geo.view): a whole
    # world left Germany a dot in a phone's box (QA round fourteen).
    fitted = geo.view(df["iso3"].dropna()) if "iso3" in df else None
    ranges = fitted or geo.WORLD
    mid = {k: (lo + hi) / 2 for k, (lo, hi) in ranges.items()}
    fig.update_geos(projection_type="natural earth", lonaxis_range=list(ranges["lon"]),
                    lataxis_range=list(ranges["lat"]), center={"lon": mid["lon"], "lat": 13 if not fitted
                                                               else mid["lat"]},
                    projection_rotation_lon=mid["lon"], fitbounds=False, showcountries=True,
                    countrycolor="#ffffff", showland=True, landcolor="#eeeeee")
    # the whole world in a narrow window is as tall as its width makes it: 460 px left half the box empty
    if narrow and not fitted:
        return theme.style(fig, height=NARROW_MAP_HEIGHT)
    if narrow and fitted:  # as tall as the fitted map at a phone's width (QA round twenty-seven), no taller
        bar = COLORBAR_ROOM if any(t.showscale for t in fig.data) else 0
        return theme.style(fig, height=min(460, MARGINS + bar + round(NARROW_PLOT_W * geo.aspect(fitted))))
    return theme.style(fig, height=460)


def states(df: pd.DataFrame, measure: str = MEASURE, narrow: bool = False) -> go.Figure:
    fig = _map(df, measure, "state", "state", "USA-states", lambda s: names.region_name(f"US-{s}"), narrow)
    # a state without postings light grey with white borders, as a country without them on the world map:
    # left unfilled it was white (as the lightest blue, one posting) in a dark outline (QA round fifteen)
    fig.update_geos(scope="usa", showland=True, landcolor="#eeeeee", subunitcolor="#ffffff",
                    countrycolor="#ffffff")
    return theme.style(fig, height=NARROW_MAP_HEIGHT if narrow else 420)


def places(df: pd.DataFrame) -> go.Figure:
    d = df.iloc[::-1]
    # a city outside the gazetteer keeps its name as written in the posting (etl.normalize.location): drawn
    # as written, never as Plotly markup (a '<a href=...>' location became a live link in the label)
    named = [theme.as_text(f"{p}, {names.country_name(c)}" if c else p)
             for p, c in zip(d["place"], d["country"])]
    # the place and its country: a city's name alone also picked a namesake abroad (QA round twelve); places
    # of one country are labelled by name alone ("..., United States" on every US metro left a phone's bars
    # about 60 px, QA round fourteen), the hover names the country
    one = d["country"].nunique(dropna=False) <= 1
    labels = [theme.as_text(str(p)) for p in d["place"]] if one else named
    fig = go.Figure(go.Bar(x=d["postings"], y=labels, orientation="h",
                           customdata=d[["place", "country"]].to_numpy(),
                           marker_color=theme.ONE_COLOR, text=[f"{int(v):,}" for v in d["postings"]],
                           textposition="outside", cliponaxis=False,
                           hovertext=[_hover(r, lab) for (_, r), lab in zip(d.iterrows(), named)],
                           hovertemplate="%{hovertext}<extra></extra>"))
    theme.integer_axis(fig, "x")
    theme.room_for_labels(fig, d["postings"], share=0.12)  # "142" was cut at the chart's right edge
    return theme.edge_room(theme.style(fig, x="Postings", y="", height=theme.rows_height(len(d))),
                           fig.data[0].text, d["postings"])


def area_names(df: pd.DataFrame) -> list[str]:
    """Each row's area by name, as "Work arrangement by area" writes its bars ("Grand-Est"): its small-sample
    note named "Grand-Est (FR-GES)" (lead ruling 1 on hqa41, a note names rows as its chart does). Pure."""
    return [names.area_name(a) for a in df["area"]]


def remote(df: pd.DataFrame, level: str = LEVEL) -> go.Figure:
    """Colour is the arrangement, a small area hatched (theme.group_bars: Plotly Express's figure, built
    from graph objects; the colours from our palette, not the process default's)."""
    d = df.assign(area_name=area_names(df))
    fig = theme.group_bars(d, x="area_name", y="share", color="remote", n="area_total",
                           custom_data=["area", "remote", "postings", "area_total"],
                           order=["remote", "hybrid", "onsite", "not stated"],
                           hovertemplate="<b>%{x}</b> (%{customdata[0]}) · %{customdata[1]}<br>%{y:.0%}: "
                                         "%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>")
    theme.percent_axis(fig, d["share"])
    return theme.style(fig, x=level.capitalize(), y="Share of postings")


def compare_skills(df: pd.DataFrame) -> go.Figure:
    d = df.assign(area_name=[names.area_label(a) for a in df["area"]])
    fig = theme.group_bars(d, x="skill", y="share", color="area_name", barmode="group", n="area_total",
                           custom_data=["area", "skill", "postings", "area_total"],
                           hovertemplate="<b>%{customdata[1]}</b> · %{customdata[0]}<br>%{y:.0%}: "
                                         "%{customdata[2]:,} of %{customdata[3]:,} postings<extra></extra>")
    theme.percent_axis(fig, d["share"])
    return theme.style(fig, x="Skill", y="Share of postings in the region")


def measure_of(ctx: Context) -> str:
    return str(ctx.param("measure", MEASURE))


def map_fields(*place: str) -> Callable[[Context], tuple[str, ...]]:
    """A map's extracted fields (ChartDef.fields): the place it draws (the world map countries, the US map
    states: regions), and what colours it."""

    def fields(ctx: Context) -> tuple[str, ...]:
        extra = {"median_salary_usd": ("salary",), "share_remote": ("remote",)}.get(measure_of(ctx), ())
        return (*place, *extra)

    return fields


HOVER_BINNED = (f"the median salaries in the hover text come from ${SALARY_BIN_USD:,} salary bins: each "
                f"within ${SALARY_BIN_USD:,} of the exact figure")


def _salary_in_hover(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The salary bins' caveat where only the hover text shows salaries: the postings and remote shares
    drawn are exact, so the caption must not read as if they carried the bins' error."""
    return tuple(HOVER_BINNED if c in BINNED else c for c in caveats)


PLACE_WORDS = {"city": ("cities", "names no city", "name no city"),
               "metro": ("US metros", "lies in no US metro", "lie in no US metro"),
               "country": ("countries", "names no country", "name no country"),
               "region": ("regions", "names no region", "name no region")}


PLACE_ONE = {"city": "city", "metro": "US metro", "country": "country", "region": "region"}


def held_sentence(level: str, drawn: int, n: int, selected: int, placed: int) -> str | None:
    """How many of the ``selected`` postings the ``drawn`` places of ``level`` hold (``n``) and where the rest
    are (``placed`` name one of the level's places): "these 4 cities hold 10 of the 45 postings these filters
    select (35 name no city)", "this one country holds 6 of the 7 ... (1 names no country)" (QA round
    thirty: "this one of the countries hold"); None where they hold them all. Pure."""
    if n >= selected:
        return None
    plural, one_none, many_none = PLACE_WORDS[level]
    unplaced = selected - placed
    parts = [f"{unplaced:,} {one_none if unplaced == 1 else many_none}"] if unplaced > 0 else []
    if placed > n:
        parts.append(f"{placed - n:,} in other {plural}")
    these = f"these {drawn} {plural} hold" if drawn != 1 else f"this one {PLACE_ONE[level]} holds"
    return (f"{these} {n:,} of the {selected:,} postings these filters select"
            + (f" ({', '.join(parts)})" if parts else ""))


def _held(ctx: Context, level: str, drawn: int, n: int) -> tuple[str, ...]:
    """held_sentence of the view's postings (regions.placed), as a caveat; none where it says nothing."""
    counts = ctx.query(regions.placed, ctx.f, level).df
    said = held_sentence(level, drawn, n, int(counts["shown"].iloc[0]), int(counts["placed"].iloc[0]))
    return (said,) if said else ()


def _places_held(level: str) -> Callable[[Context, tuple[str, ...]], tuple[str, ...]]:
    """Top cities' (US metros') caveats (_salary_in_hover) and, where the places drawn hold fewer postings
    than the filters select, how many they hold and where the rest are (_held). QA round twenty-nine: under
    German postings the chart said "n = 10 postings" and nothing of the 45 selected (the default view: 913
    of 1,713)."""

    def caveats(ctx: Context, given: tuple[str, ...]) -> tuple[str, ...]:
        shown = _salary_in_hover(ctx, given)
        top = ctx.query(regions.top_places, ctx.f, level)
        if top.df.empty:
            return shown
        return (*shown, *_held(ctx, level, len(top.df), top.n))

    return caveats


def _areas_held(ctx: Context, given: tuple[str, ...]) -> tuple[str, ...]:
    """Work arrangement by area's caveats and how many of the selected postings its areas hold (_held). QA
    round thirty: the default view's chart said "n = 1,479 postings" (its twelve countries') and nothing of
    the 1,717 selected, 197 naming no country and 41 in other countries."""
    by = level(ctx)
    top = ctx.query(regions.remote_by_area, ctx.f, by)
    if top.df.empty:
        return given
    # the remote share every bar shows is the filter's (lead ruling 4 on hqa38)
    why = remote_share_set(ctx.f)
    fixed = (f"each area's remote share is {SET_BY_FILTER}: {why}",) if why else ()
    return (*given, *fixed, *_held(ctx, by, int(top.df["area"].nunique()), top.n))


def _map_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    return caveats if measure_of(ctx) == "median_salary_usd" else _salary_in_hover(ctx, caveats)


def _colour_note(fn: Callable[..., QueryResult], area: str, areas: str
                 ) -> Callable[[Context, tuple[str, ...]], tuple[str, ...]]:
    """The map's caveats and, coloured by a median or a share, what the colours rest on: the postings
    stating a salary (or an arrangement), not the n of postings the caption gives, and how many areas have
    fewer than MIN_N of them and are plain grey (real samples: every US state grey without a word)."""

    def caveats(ctx: Context, given: tuple[str, ...]) -> tuple[str, ...]:
        shown = _map_caveats(ctx, given)
        measure = measure_of(ctx)
        ncol = N_OF.get(measure)
        if ncol is None:
            return shown
        if measure == "share_remote" and (why := remote_share_set(ctx.f)):  # lead ruling 4 on hqa38
            return (*shown, f"colours: every area's share remote is {SET_BY_FILTER}, not by the data: {why}")
        n = ctx.query(fn, ctx.f).df[ncol].fillna(0)
        stating = f"{theme.counted(int(n.sum()))} {STATING[measure]}"  # "1 posting", not "1 postings"
        note = f"colours: the {TITLE_OF[measure].lower()} of the {stating}"
        small = int(((n > 0) & (n < theme.MIN_N)).sum())
        if small:
            # "the one country rests", not "1 of 1 countries rest" (QA round eight)
            few = theme.n_of(small, int((n > 0).sum()), area, areas)
            note += (f"; {few} on fewer than {theme.MIN_N} of them: "
                     "plain grey, their n on hover")
        return (*shown, note)

    return caveats


def uncoloured(area: str, placed: str) -> Callable[[Context, pd.DataFrame], str | None]:
    """Why a map coloured by a median or a share (the page's measure) says nothing (ChartDef.says_nothing):
    no posting placed on it states the figure, so no area has a colour. QA round hqa41 (real exports, Italy
    at every level: 8 postings, no salary): "Median salary by country" drew an empty grid of axes under
    "colours: the median salary of the 0 postings stating a salary". None where an area has a figure, and
    for the postings' counts."""

    def why(ctx: Context, df: pd.DataFrame) -> str | None:
        measure = measure_of(ctx)
        ncol = N_OF.get(measure)
        if ncol is None or ncol not in df.columns or df.empty or float(df[ncol].fillna(0).sum()) > 0:
            return None
        states = STATING[measure].replace("stating", "states")
        return (f"no posting placed in {placed} {states}, so no {area} can be coloured by its "
                f"{TITLE_OF[measure].lower()}")

    return why


def regions_of(region: tuple[str, ...]) -> dict[str, list[str]]:
    """The region filter's regions by country code, labelled ("US": ["New York (US-NY)"]). Pure."""
    by_country: dict[str, list[str]] = {}
    for code in region:
        by_country.setdefault(code.split("-", 1)[0], []).append(names.area_label(code))
    return by_country


def _and(items: list[str]) -> str:
    return ", ".join(items[:-1]) + " and " + items[-1] if len(items) > 1 else items[0]


def region_note(region: tuple[str, ...]) -> tuple[str, ...]:
    """Under a region filter, what the world map's whole country stands for: "United States is coloured by
    the postings of New York (US-NY) alone: the world map draws countries, not their regions" (QA round
    eighteen: New York's postings coloured the whole US, the filters' "region: New York" alone saying so).
    Plotly's world map has no region borders to draw a region's own. Pure."""
    if not region:
        return ()
    parts = [f"{names.country_name(c)} is coloured by the postings of {_and(r)} alone"
             for c, r in regions_of(region).items()]
    return (f"{'; '.join(parts)}: the world map draws countries, not their regions",)


def unplaced(level: str) -> Callable[[Context, tuple[str, ...]], tuple[str, ...]]:
    """A map's caveats (_colour_note) and how many of the view's postings it cannot place: "180 of the 1,658
    postings name no country" (the world; of the view's postings, overview.kpis) or "94 of the 642 US
    postings name no state" (the US; of the US row of the world's query). QA round eighteen: the maps' n
    (1,478; 548) sat under a headline of 1,658 with no word of the rest."""
    colours = (_colour_note(regions.by_country, "country", "countries") if level == "country"
               else _colour_note(regions.by_us_state, "state", "states"))

    def caveats(ctx: Context, given: tuple[str, ...]) -> tuple[str, ...]:
        shown = colours(ctx, given)
        if level == "country":
            shown = (*shown, *region_note(ctx.f.region))
            total, whose = ctx.query(overview.kpis, ctx.f).n, "postings"
            placed = ctx.query(regions.by_country, ctx.f).n
        else:
            world = ctx.query(regions.by_country, ctx.f).df
            total = int(world.loc[world["country"] == "US", "postings"].sum())
            whose, placed = "US postings", ctx.query(regions.by_us_state, ctx.f).n
        missing = int(total) - int(placed)
        if missing <= 0 or not placed:
            return shown
        verb = "names" if missing == 1 else "name"
        return (*shown, f"{missing:,} of the {int(total):,} {whose} {verb} no {level}: not on the map")

    return caveats


def area_sizes(ctx: Context) -> pd.DataFrame:
    """Countries and regions the comparison offers, largest first (cached per context): under the filters,
    or, where those leave no two areas apart, under the filters without country and region
    (compare_filters)."""
    if "areas_by_size" not in ctx.cache:
        ctx.cache["areas_by_size"] = ctx.query(regions.areas_by_size, compare_filters(ctx)).df
    return ctx.cache["areas_by_size"]  # type: ignore[no-any-return]


def compare_filters(ctx: Context) -> Filters:
    """regions.comparison_filters of the context's filters, through its cached queries."""
    if "compare_filters" not in ctx.cache:
        ctx.cache["compare_filters"] = regions.comparison_filters(
            ctx.f, sizes=lambda f: ctx.query(regions.areas_by_size, f))
    return ctx.cache["compare_filters"]  # type: ignore[no-any-return]


def lifted(ctx: Context) -> bool:
    """Whether the comparison sets the sidebar's country and region aside (compare_filters)."""
    return compare_filters(ctx) != ctx.f


def area_choices(ctx: Context) -> list[str]:
    """The areas one can compare (area_sizes: under the filters, their country and region set aside where
    those leave no two areas apart): countries, then regions (ISO 3166-2), largest first."""
    df = area_sizes(ctx)
    return [*df.loc[df["level"] == "country", "area"], *df.loc[df["level"] == "region", "area"]]


def nothing_to_compare(ctx: Context) -> str:
    """Why the comparison offers fewer than two areas (area_choices), said of what the filters leave: "Only
    one region in the data" read under German postings at the lead level (3 postings, Germany alone) and
    under French ones (none at the default levels), the warehouse holding 200 regions (QA round
    twenty-five). Counted under the filters the areas are (compare_filters)."""
    widen = "Widen the filters in the sidebar to compare two."
    shown = first(ctx.query(data.selection, compare_filters(ctx)).df, "shown")
    if not shown:
        return ("No postings match these filters, so there is no area to compare: widen them in the "
                "sidebar, or press Reset filters.")
    selected = "the one posting" if shown == 1 else f"the {shown:,} postings"
    countries = area_sizes(ctx).loc[lambda d: d["level"] == "country"]
    if countries.empty:
        who = "The one posting these filters select has no" if shown == 1 else \
            f"None of {selected} these filters select has a"
        return f"{who} place: no area to compare. {widen}"
    name, k = names.area_label(str(countries["area"].iloc[0])), int(countries["postings"].iloc[0])
    if k >= shown:
        who = "The one posting these filters select lies" if shown == 1 else \
            f"The {shown:,} postings these filters select all lie"
    else:
        who = f"The {theme.counted(k)} of {selected} these filters select that have a place " + \
            ("lies" if k == 1 else "all lie")
    return f"{who} in one area, {name}: no second area to compare it with. {widen}"


def default_areas(ctx: Context) -> tuple[str, ...]:
    """The page's default comparison: the two largest countries under the filters, else (one country)
    its two largest regions, else whatever two areas there are. Where the filters leave no two areas apart
    (lifted), the filters' own area beside the largest area of its kind that is not its country or region,
    a region of the same country first: under the region California, California beside New York, not
    United States beside California (QA round seventeen, left)."""
    df = area_sizes(ctx)
    if lifted(ctx):
        kind = "region" if ctx.f.region else "country"
        own = ctx.query(regions.areas_by_size, ctx.f).df
        mine = list(own.loc[own["level"] == kind, "area"].head(1))
        if mine:
            first = str(mine[0])
            size = dict(zip(df["area"].astype(str), df["postings"]))
            others = [str(a) for a in df.loc[df["level"] == kind, "area"]
                      if not regions.nested(first, str(a))]
            # areas of MIN_N postings first (Mazovia, PL-14, beside a one-posting Polish region said little),
            # within them the same country's first; stable, so the largest first within each
            others.sort(key=lambda a: (size[a] < theme.MIN_N, a.split("-")[0] != first.split("-")[0]))
            rest = [str(a) for a in area_choices(ctx) if not regions.nested(first, str(a))]
            if others or rest:
                return (first, (others or rest)[0])
    for level in ("country", "region"):
        top = list(df.loc[df["level"] == level, "area"].head(2))
        if len(top) == 2:
            return tuple(top)
    return tuple(dict.fromkeys(area_choices(ctx)[:2]))


def compare_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The comparison's caveats: the filters set aside (lifted), what the two areas hold of the selected
    postings (held_of_selected), and same_postings."""
    if lifted(ctx):
        f = ctx.f
        set_aside = " and ".join(
            f"{word} filter, {', '.join(names.area_label(a) for a in codes)},"
            for word, codes in (("country", f.country), ("region", f.region)) if codes)
        verb = "are" if f.country and f.region else "is"
        caveats = (*caveats, f"the sidebar's {set_aside} {verb} set aside here: under it no two areas lie "
                             "apart (a country and its own region hold the same postings); the other filters "
                             "hold")
    return same_postings(ctx, held_of_selected(ctx, caveats))


KIND_PLURAL = {"country": "countries", "region": "regions"}


def held_of_selected(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The comparison's caveats and, where the two areas hold fewer postings than the filters select, how
    many they hold, how many of the rest name no area of their kind and how many lie in other ones:
    "Brandenburg (DE-BB) and Berlin (DE-BE) hold 4 of the 45 postings these filters select (35 name no
    region, 6 lie in other regions)". QA round twenty-nine: under German postings the comparison's caption
    said "n = 4 postings" and nothing of the 45 selected, most naming no region. Nothing where one area
    holds the other (same_postings speaks of those) or the two hold every selected posting."""
    picked = areas(ctx)
    if len(picked) != 2 or picked[0] == picked[1]:
        return caveats
    sizes = area_sizes(ctx)
    count = {str(a): int(n) for a, n in zip(sizes["area"], sizes["postings"])}
    shown = first(ctx.query(data.selection, compare_filters(ctx)).df, "shown")
    if regions.nested(*picked):  # a country and its own region: the region's postings are the country's
        inner, outer = picked if "-" in picked[0] else picked[::-1]
        if not shown or not count.get(inner) or count.get(inner) == count.get(outer):
            return caveats  # none, or the same postings (same_postings says so)
        named = int(sizes.loc[sizes["level"] == "country", "postings"].sum())
        which = "the other filters" if lifted(ctx) else "these filters"  # the place filters set aside
        return (*caveats, nested_sentence(names.area_label(inner), names.area_label(outer), count[inner],
                                          count.get(outer, 0), shown, named, which))
    inside = sum(count.get(a, 0) for a in picked)
    if not shown or inside >= shown:
        return caveats
    which = "the other filters" if lifted(ctx) else "these filters"  # the place filters set aside
    line = (f"{names.area_label(picked[0])} and {names.area_label(picked[1])} hold {inside:,} of the "
            f"{shown:,} postings {which} select")
    kinds = {"region" if "-" in a else "country" for a in picked}
    if len(kinds) == 1:  # two countries or two regions: the rest told apart
        kind = kinds.pop()
        named = int(sizes.loc[sizes["level"] == kind, "postings"].sum())
        parts = [f"{shown - named:,} {'names' if shown - named == 1 else 'name'} no {kind}"] \
            if shown > named else []
        if named > inside:
            parts.append(f"{named - inside:,} {'lies' if named - inside == 1 else 'lie'} in other "
                         f"{KIND_PLURAL[kind]}")
        line += f" ({', '.join(parts)})" if parts else ""
    return (*caveats, line)


def nested_sentence(inner: str, outer: str, k: int, n: int, shown: int, named: int,
                    which: str = "these filters") -> str:
    """A region (``inner``, its ``k`` postings) compared with its own country (``outer``, ``n``): the region's
    postings are among the country's, and what the country holds of the ``shown`` selected postings
    (``named``: those naming a country; ``which``: "the other filters" where the place filters are set
    aside). QA round thirty-one: Argentina beside Ciudad Autónoma de Buenos
    Aires under Spanish postings, "n = 6 postings" and no word of either. Pure."""
    its = "its one posting is" if k == 1 else f"its {k:,} postings are"
    said = f"{inner} lies in {outer}: {its} among the country's {n:,}"
    if n >= shown:
        return f"{said}, all the postings {which} select"
    none = shown - named
    parts = [f"{none:,} {'names' if none == 1 else 'name'} no country"] if none > 0 else []
    if named > n:
        parts.append(f"{named - n:,} {'lies' if named - n == 1 else 'lie'} in other countries")
    return (f"{said}, which are {n:,} of the {shown:,} postings {which} select"
            + (f" ({', '.join(parts)})" if parts else ""))


def compare_skills_caveats(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """compare_caveats and, for an area compared that draws no bar, why: "Ciudad Autónoma de Buenos Aires
    (AR-C) draws no bar: its one posting asks for none of these skills". QA round thirty (Spanish postings):
    the chart drew Argentina's bars alone, no word of the region the reader had picked (nor in the legend)."""
    shown = compare_caveats(ctx, caveats)
    drawn = set(ctx.query(regions.compare_skills, compare_filters(ctx), areas(ctx)).df["area"])
    if not drawn:  # nothing drawn: the chart says so itself
        return shown
    sizes = area_sizes(ctx)
    count = {str(a): int(n) for a, n in zip(sizes["area"], sizes["postings"])}
    lines = []
    for area in dict.fromkeys(areas(ctx)):
        if area in drawn:
            continue
        n = count.get(area, 0)
        why = ("it holds none of the postings these filters select" if n == 0
               else "its one posting asks for none of these skills" if n == 1
               else f"none of its {n:,} postings asks for one of these skills")
        lines.append(f"{names.area_label(area)} draws no bar: {why}")
    return (*shown, *lines)


def same_postings(ctx: Context, caveats: tuple[str, ...]) -> tuple[str, ...]:
    """The comparison's caveats and, where one area is the other's country holding no posting outside it
    under the filters, a line saying the two are the same postings (QA round seventeen: under the region
    California, United States beside California drew two identical columns with nothing saying why)."""
    picked = areas(ctx)
    if len(picked) != 2:
        return caveats
    a, b = picked
    inner = b if b.split("-")[0] == a != b else a if a.split("-")[0] == b != a else None
    if inner is None:
        return caveats
    outer = a if inner == b else b
    sizes = area_sizes(ctx)
    count = dict(zip(sizes["area"], sizes["postings"]))
    if not count.get(outer) or count.get(outer) != count.get(inner):
        return caveats
    return (*caveats, f"{names.area_label(outer)} holds no posting outside {names.area_label(inner)} under "
                      f"these filters: the two are the same {theme.counted(int(count[outer]))}")


def areas(ctx: Context) -> tuple[str, ...]:
    """The two areas compared: the page's choice (widgets rg_cmp_a, rg_cmp_b), else the default."""
    return tuple(ctx.param("areas", lambda: default_areas(ctx)))


def level(ctx: Context) -> str:
    return str(ctx.param("level", LEVEL))


CHARTS: tuple[ChartDef, ...] = (
    ChartDef(
        "rg_world",
        lambda c: f"{TITLE_OF[measure_of(c)]} by country",
        lambda c: Call(regions.by_country, (c.f,)),
        world,
        drill=("country",),
        uses=("measure", "narrow"),
        filters=("region",),
        caveats=unplaced("country"),
        needs="a country",
        fields=map_fields("country"),
        says_nothing=uncoloured("country", "a country"),
    ),
    ChartDef(
        "rg_states",
        lambda c: f"{TITLE_OF[measure_of(c)]} by US state",
        lambda c: Call(regions.by_us_state, (c.f,)),
        states,
        drill=("state",),
        needs="a place in a US state",
        uses=("measure", "narrow"),
        caveats=unplaced("state"),
        fields=map_fields("country", "region"),
        says_nothing=uncoloured("state", "a US state"),
    ),
    ChartDef(
        "rg_cities", "Top cities", lambda c: Call(regions.top_places, (c.f, "city")), places,
        drill=("city", "country"),
        needs="a city",
        caveats=_places_held("city"),
        fields=("country", "city"),  # "Boston, United States": a city within its country (top_places)
    ),
    ChartDef(
        "rg_metros",
        "Top US metros",
        lambda c: Call(regions.top_places, (c.f, "metro")),
        places,
        drill=("metro", "country"),
        needs="a place in a US metro",
        caveats=_places_held("metro"),
        fields=("city",),
    ),
    ChartDef(
        "rg_remote",
        "Work arrangement by area",
        lambda c: Call(regions.remote_by_area, (c.f, level(c))),
        remote,
        drill=("area", "remote"),
        sample="area_total",
        label="area",
        row_names=area_names,
        uses=("level",),
        small_look=theme.HATCHED_NOTE,
        caveats=_areas_held,
        # grouped by country, or by region under the page's "by" (a region's code names its country)
        fields=lambda c: ("remote", "country", *(("region",) if level(c) == "region" else ())),
    ),
    ChartDef("rg_cmp", "Headline figures", lambda c: Call(regions.compare, (compare_filters(c), areas(c))),
             None, caveats=compare_caveats,
             fields=("salary", "remote", "experience_years", "country", "region")),
    ChartDef(
        "rg_cmp_skills",
        "Top skills in the two regions",
        lambda c: Call(regions.compare_skills, (compare_filters(c), areas(c))),
        compare_skills,
        caveats=compare_skills_caveats,
        # QA round thirty-eight: empty, it said "none of them has what this chart counts (a salary, a
        # place, a date ...)" where the postings' one skill was a responsibility (not counted here)
        needs="a recognised skill and a place in one of the two regions",
        drill=("area", "skill"),
        sample="area_total",
        label="area",
        small_look=theme.HATCHED_NOTE,
        fields=("skills", "country", "region"),
    ),
)


# what each of the comparison's figures rests on, in the singular and the plural (pages/regions.py)
RESTING_ON = {
    "salary_n": ("posting with a salary", "postings with a salary"),
    "remote_n": ("posting that states a work arrangement", "postings that state a work arrangement"),
    "years_n": ("posting that states years of experience", "postings that state years of experience"),
}


def resting_on(k: int, n_column: str) -> str:
    """"1 posting with a salary", "4 postings with a salary": the n of a comparison figure (QA round
    fifteen: "from 1 postings with a salary"). Pure."""
    return theme.counted(k, *RESTING_ON[n_column])


def area_label(code: str) -> str:
    """An area as "India (IN)"."""
    return names.area_label(code)


def area_choice(code: str) -> str:
    """The comparison's choices as "India (IN)", a region also by its own name ("Bavaria (Bayern, DE-BY)")."""
    return names.area_choice(code)
