"""The Streamlit app through AppTest, entered via dashboard.py like a user would.

Each page runs without an exception against the tiny warehouse and shows the numbers
worked out by hand from tests/fixtures/tiny; a filter change changes them; filters
are restored from (and written to) the URL's query parameters; every file under
pages/ is found and smoke-tested; no warehouse, a broken one and an empty selection
each give a clear message, never a traceback.
"""

from __future__ import annotations

import json
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import pandas as pd
import pytest
from streamlit.proto.Metric_pb2 import Metric as MetricProto
from streamlit.testing.v1 import AppTest
from tiny_warehouse import build, build_edited, tiny_db, tiny_db_session  # noqa: F401

import ui
from analytics.figures import charts_of
from analytics.pages import CHART_PAGES, PAGES, Page
from analytics.queries import MIN_N
from ui import theme
from ui.chart import DETAILS, details_key, points_to_pick

PROJECT = Path(__file__).resolve().parents[1]
APP = str(PROJECT / "dashboard.py")
TIMINGS: dict[str, float] = {}


def _app(query: dict[str, str] | None = None) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update(query or {})
    # The first run goes through dashboard.py's st.navigation, the next ones (in AppTest) run the page
    # with ui.page() doing the shared setup; a widget change made between those two is dropped as a
    # "page change", so settle on the second run before a test touches widgets.
    return at.run().run()


def _open(page: str, query: dict[str, str] | None = None) -> AppTest:
    at = _app(query)
    start = time.perf_counter()
    at.switch_page(page).run()
    TIMINGS[page] = time.perf_counter() - start
    return at


def _metric(at: AppTest, label: str) -> str:
    return next(m.value for m in at.metric if m.label == label)


def _texts(at: AppTest) -> str:
    parts = [e.value for kind in ("info", "warning", "error", "caption", "markdown", "subheader", "title")
             for e in getattr(at, kind)]
    return "\n".join(str(p) for p in parts)


def _figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def _values(data: object) -> list:
    """Plotly JSON arrays come as lists or as {"dtype", "bdata"} blobs (only lists are read here)."""
    return list(data) if isinstance(data, list) else []


def _open_details(at: AppTest) -> AppTest:
    """Open every chart's "Data and SQL" box, as a click does: a box draws its table and SQL only while
    it is open (ui.chart._details)."""
    for page in CHART_PAGES:
        for defn in charts_of(page.slug):
            at.session_state[details_key(defn.key)] = True
    return at.run()


TAB_KEYS = ("sk_tabs", "rg_tabs", "sa_tabs", "ex_tabs", "da_tabs")  # the pages' ui.chart.sections


def _tab(at: AppTest, label: str) -> AppTest:
    """Select the page's tab ``label`` (ui.chart.sections: only the selected tab's charts run), as a
    click does."""
    key = next(k for k in TAB_KEYS if k in at.session_state)
    at.session_state[key] = label
    return at.run()


def _frame_with(at: AppTest, *columns: str) -> pd.DataFrame:
    """The first table with these columns: a page's own, else one in a "Data and SQL" box (opened), else
    the same in the page's other tabs (each selected in turn)."""
    def search() -> list[pd.DataFrame]:
        return [df.value for df in at.dataframe if set(columns) <= set(df.value.columns)]

    found = search() or (_open_details(at) and search())
    for label in [t.label for t in at.tabs][1:]:
        if found:
            break
        _open_details(_tab(at, label))
        found = search()
    return found[0]


def test_the_registry_is_every_file_under_pages() -> None:
    files = sorted(p.relative_to(PROJECT).as_posix() for p in (PROJECT / "pages").glob("*.py"))
    assert sorted(p.script for p in PAGES) == files
    for field in ("slug", "title", "script"):
        assert len({getattr(p, field) for p in PAGES}) == len(PAGES), field


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", PAGES, ids=[p.slug for p in PAGES])
def test_every_page_runs(page: Page) -> None:
    """Every page of analytics.pages runs through dashboard.py without an exception, under its title."""
    at = _open(page.script)
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == page.title
    assert bool(at.sidebar.multiselect) == page.filters  # the sidebar filters only where they apply
    if page.charts:
        assert any("n = " in c.value for c in at.caption)  # every chart states its sample size
    assert ui.IN_APP_KEY not in at.session_state  # the app's flag lasts one run


@pytest.mark.usefixtures("tiny_db")
def test_data_and_sql_boxes_draw_only_when_opened() -> None:
    """A chart's "Data and SQL" box is drawn closed and empty (its table and SQL blocks cost the browser
    more than the chart when drawn on every view); opened, it shows the chart's data and the SQL that ran,
    and closed again it is empty."""
    at = _open("pages/salary.py")
    boxes = [e for e in at.expander if e.label == DETAILS]
    assert len(boxes) == len(at.get("plotly_chart")) == 2  # one box per chart drawn: bands, the first tab's
    assert not at.dataframe and not at.code
    at.session_state[details_key("sa_bands")] = True
    at.run()
    assert not at.exception
    assert [list(df.value.columns)[:2] for df in at.dataframe] == [["band", "postings"]]
    assert len(at.code) == 2 and "SELECT" in at.code[0].value.upper()  # the SQL, then its parameters
    at.session_state[details_key("sa_bands")] = False
    at.run()
    assert not at.dataframe and not at.code


@pytest.mark.usefixtures("tiny_db")
def test_the_latest_rejected_records_draw_only_when_opened() -> None:
    """Page-ready (issue 15 point 8): the Data page's "Latest rejected records" box held its table closed,
    a data grid the browser built on every first view; now drawn closed and empty, and opened it shows
    the records with their reasons."""
    at = _open("pages/data.py")
    assert [e.label for e in at.expander].count("Latest rejected records") == 1
    assert not [df for df in at.dataframe if "reason" in df.value.columns]
    at.session_state["da_rejected_open"] = True
    at.run()
    assert not at.exception and not at.error
    shown = [df for df in at.dataframe if "reason" in df.value.columns]
    assert len(shown) == 1 and len(shown[0].value) == 3


@pytest.mark.usefixtures("tiny_db")
def test_the_navigation_follows_the_registry() -> None:
    at = _app()
    assert at.title[0].value == PAGES[0].title  # the first page is the default
    assert ui.IN_APP_KEY not in at.session_state


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("page", [p for p in PAGES if p.slug in ("skills", "sql")], ids=lambda p: p.slug)
def test_a_page_run_on_its_own_does_the_setup_once(page: Page) -> None:
    """Run as the main script (not through ui.run_app) a page does the shared setup itself; through the
    app it does not do it again (a second sidebar would raise a duplicate widget key)."""
    at = AppTest.from_file(str(PROJECT / page.script), default_timeout=60).run()
    assert not at.exception, at.exception
    assert at.title[0].value == page.title
    assert bool(at.sidebar.multiselect) == page.filters


@pytest.mark.usefixtures("tiny_db")
def test_overview_numbers_and_filter_change() -> None:
    at = _app()
    assert not at.exception
    assert _metric(at, "Postings") == "40"
    assert _metric(at, "Companies") == "8"
    assert _metric(at, "Median salary") == "$118,000"
    assert _metric(at, "Remote") == "33.3%"
    assert _metric(at, "Years required") == "8.0 years"
    assert at.query_params == {}
    at.multiselect(key="flt_seniority").select("mid").run()
    assert _metric(at, "Postings") == "50"
    assert at.query_params["seniority"] == "senior,staff,principal,lead,manager,mid"


@pytest.mark.usefixtures("tiny_db")
def test_reset_returns_to_defaults() -> None:
    at = _app({"seniority": "senior", "remote": "remote"})
    assert _metric(at, "Postings") == "5"  # senior ids 4, 8, 12, 16, 20
    at.button(key="flt_reset").click().run()
    assert _metric(at, "Postings") == "40" and at.query_params == {}
    # Reset replaces the filter widgets by fresh ones (a new key generation) showing the defaults
    assert at.multiselect(key="flt_seniority~1").value == ["senior", "staff", "principal", "lead", "manager"]
    assert at.multiselect(key="flt_remote~1").value == []


@pytest.mark.usefixtures("tiny_db")
def test_filters_restored_from_query_params() -> None:
    at = _app({"seniority": "senior", "date_from": "2025-03-01", "date_to": "2025-04-30"})
    assert at.multiselect(key="flt_seniority").value == ["senior"]
    assert at.date_input(key="flt_dates").value == (pd.Timestamp("2025-03-01").date(),
                                                    pd.Timestamp("2025-04-30").date())
    assert _metric(at, "Postings") == "10"  # senior ids 1-20 in March and April
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30"})
    cur = next(m for m in at.metric if m.label == "Median salary")
    # 17 salaries: fewer than 30, so the figure is marked and no change is claimed (it was +1,500 USD)
    assert cur.value == "$119,000 ⚠" and not cur.delta
    # 20 and 20: no change, no "+0" (QA round twenty-one)
    assert next(m for m in at.metric if m.label == "Postings").delta == "±0" + theme.SMALL_MARK


@pytest.mark.usefixtures("tiny_db")
def test_skills_page_numbers_change_with_filters() -> None:
    at = _open("pages/skills.py")
    top = _frame_with(at, "skill", "postings", "share", "total")
    assert dict(zip(top["skill"], top["postings"]))["Python"] == 30
    bars = next(f for f in _figures(at) if f["data"] and f["data"][0].get("orientation") == "h")
    drawn = {str(y) for trace in bars["data"] for y in _values(trace.get("y"))}
    assert "Python" in drawn
    at.multiselect(key="flt_seniority").select("mid").run()
    top = _frame_with(at, "skill", "postings", "share", "total")
    assert dict(zip(top["skill"], top["postings"]))["Python"] == 40  # + mid ids 41-50
    # salary premium of skills with fewer than 30 salaries
    assert "rest on fewer than 30 postings" in _texts(_tab(at, "Salary premium"))


@pytest.mark.usefixtures("tiny_db")
def test_salary_page_draws_small_samples_marked_not_hidden() -> None:
    at = _open("pages/salary.py")
    texts = _texts(at).lower()
    assert "rest on fewer than 30 postings" in texts and "drawn grey with their n (bars hatched" in texts
    # every seniority group is under 30 salaries in the tiny warehouse: drawn, all hatched
    dist = next(
        f for f in _figures(at) if any("median" in str(t.get("hovertemplate", "")) for t in f["data"])
    )
    shapes = dist["data"][0]["marker"]["pattern"]["shape"]
    assert shapes and set(shapes) == {"/"}
    bands = _frame_with(at, "band", "postings")
    assert list(bands["postings"]) == [24, 11]


@pytest.mark.usefixtures("tiny_db")
def test_regions_and_data_pages_numbers() -> None:
    at = _open("pages/regions.py")
    countries = _frame_with(at, "country", "iso3", "postings")
    assert dict(zip(countries["country"], countries["postings"])) == {"US": 20, "GB": 10, "DE": 5, "IN": 5}
    # side by side
    sides = ("**United States (US)**", "**United Kingdom (GB)**")
    _tab(at, "Two regions side by side")
    assert [m.value for m in at.markdown if m.value in sides] == list(sides)  # region A on the left
    at = _open("pages/data.py")
    runs = _frame_with(at, "run_id", "status")
    assert list(runs["run_id"]) == [3, 2, 1]
    assert runs["status"].iloc[0] == "failed: c.csv: file is empty"  # the message beside its status
    assert list(runs["status"].iloc[1:]) == ["ok", "ok"]  # no message: the status alone, not "ok: None"
    assert "Extraction quality" in _texts(_tab(at, "Extraction quality"))
    # the page's own tables head their columns for people, not with the warehouse's field names
    labels = {c: spec.get("label") for df in at.dataframe if "run_id" in df.value.columns and "status" in
              df.value.columns for c, spec in json.loads(df.proto.columns).items()}
    assert labels["run_id"] == "Run" and labels["started_at"] == "Started" and labels["file_name"] == "File"


@pytest.mark.usefixtures("tiny_db")
def test_data_page_reads_the_extraction_quality_and_never_extracts(monkeypatch: pytest.MonkeyPatch) -> None:
    import etl.columnar
    import etl.evaluate

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app ran the extraction")

    for module, name in ((etl.columnar, "extract_batch"), (etl.evaluate, "evaluate")):
        monkeypatch.setattr(module, name, refuse)
    at = _tab(_open("pages/data.py"), "Extraction quality")
    assert not at.exception and not at.error
    quality = _frame_with(at, "metric", "value", "meets_target")
    # the tiny warehouse's rows, named for people (etl.evaluate.FIELD_NAMES), not "skills.precision"
    assert list(quality["metric"]) == ["Skills, precision", "Skills, recall", "City"]
    assert any("50 hand-labelled postings" in c.value for c in at.caption)


@pytest.mark.usefixtures("tiny_db")
def test_captions_speak_to_people_not_in_codes() -> None:
    at = _open("pages/salary.py", {"country": "US"})
    captions = [c.value for c in at.caption]
    assert any("role: Software engineering" in c and "country: United States" in c for c in captions)
    assert not any("software_engineering" in c or "rollup_" in c for c in captions), captions
    times = [c.value for c in _tab(at, "Over time").caption]
    assert any("(Jan 2025, Feb 2025" in c for c in times)  # small-sample months by name, not 2025-01-01
    sql = "\n".join(c.value for label in ("Distribution", "By skill", "Over time")
                     for c in _open_details(_tab(at, label)).code)
    assert "-- answered from rollup_salary_bins" in sql  # how the answer was found stays with the SQL


def test_tables_for_people() -> None:
    from ui.chart import readable

    df = pd.DataFrame({"skill": ["Go", None], "share": [0.25, 0.5], "median_salary_usd": [18390.8, None],
                       "years": [5.0, 8.0], "mean": [5.25, 6.0], "enough": [True, False]})
    table, config = readable(df)
    assert table["skill"].tolist()[0] == "Go" and pd.isna(table["skill"].iloc[1])  # the grid draws MISSING
    assert table["median_salary_usd"].tolist()[0] == 18391 and pd.isna(table["median_salary_usd"].iloc[1])
    assert table["years"].dtype == "Int64" and table["enough"].tolist() == [True, False]
    assert config["share"]["type_config"]["format"] == "percent"
    assert config["mean"]["type_config"]["format"] == "%.2f"


def test_table_counts_and_dollars_read_with_thousands_separators() -> None:
    """Seen on the real-sample screenshots: the Data page's load runs said "Read 1153" and salaries read
    "90616". Counts and whole dollars are shown localized ("1,153"); numbers that name something (a run,
    a record, a year) stay as they are."""
    from ui.chart import readable

    df = pd.DataFrame({"run_id": [56], "record_no": [1153], "year": [2025], "read": [1153],
                       "postings": [12_000], "median_salary_usd": [90616.4]})
    _, config = readable(df)
    for col in ("read", "postings", "median_salary_usd"):
        assert config[col]["type_config"]["format"] == "localized", col
    assert not {"run_id", "record_no", "year"} & set(config)


@pytest.mark.usefixtures("tiny_db")
def test_every_table_shows_a_missing_value_as_a_dash_never_none() -> None:
    """QA on the real samples (skills_drill_grid.png): a posting without a salary read "None" in the
    postings list, and a load run without a message read blank - Streamlit's grid writes "None" for any
    missing value unless told otherwise. Every table of every page and tab (its "Data and SQL" boxes
    open) shows a missing value as ui.MISSING; the tiny warehouse has postings without a salary."""
    seen = 0
    for page in CHART_PAGES:
        at = _open_details(_open(page.script))
        labels: list[str | None] = [None, *[t.label for t in at.tabs][1:]]  # None: as the page opens
        for label in labels:
            if label is not None:
                at = _open_details(_tab(at, label))
            assert not at.exception, at.exception
            for df in at.dataframe:
                seen += 1
                assert df.proto.placeholder == ui.MISSING, (page.slug, label, list(df.value.columns))
    assert seen >= 20 and ui.MISSING == "—"


PAGE_CHOICES = (  # a page widget and a value other than its default
    ("pages/regions.py", "rg_measure", "share_remote", None),
    ("pages/regions.py", "rg_remote_level", "region", "Work arrangement"),
    ("pages/salary.py", "sa_by", "country", None),
    ("pages/skills.py", "sk_mov_min", 25, "Rising and falling"),
)


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize(("script", "key", "value", "tab"), PAGE_CHOICES, ids=[c[1] for c in PAGE_CHOICES])
def test_a_page_choice_survives_a_visit_to_another_page(script: str, key: str, value: object,
                                                        tab: str | None) -> None:
    """QA in Chromium on the real samples: the Regions page coloured by "Share remote", then Salary opened
    and Regions again, was coloured by postings - Streamlit forgets a widget's value at the end of a run that
    does not draw it, and another page's run draws none of this page's widgets (the sidebar's filters
    already survived, through a plain copy). A page's choices come back as they were left."""
    at = _open(script)
    if tab is not None:
        at = _tab(at, tab)
    widget = next(w for w in (*at.radio, *at.number_input) if w.key == key)
    widget.set_value(value).run()
    assert not at.exception and at.session_state[key] == value
    at.switch_page("pages/data.py").run()
    at.switch_page(script).run()
    if tab is not None:
        at = _tab(at, tab)
    assert not at.exception, at.exception
    assert next(w for w in (*at.radio, *at.number_input) if w.key == key).value == value


@pytest.mark.usefixtures("tiny_db")
def test_filters_matching_nothing_say_so() -> None:
    at = _open("pages/experience.py", {"country": "DE", "seniority": "staff"})
    assert not at.exception
    assert "No postings match these filters" in _texts(at)


@pytest.mark.usefixtures("tiny_db")
def test_a_view_nothing_matches_names_the_filters_that_empty_it() -> None:
    """QA round twelve: on the real samples a language or source whose postings all lie outside the default
    role family emptied every chart with "No postings match these filters" and nothing naming the filter.
    The charts and the sidebar's coverage line now name each filter that alone empties the view."""
    at = _open("pages/experience.py", {"country": "IN", "role_family": "data"})
    assert not at.exception
    why = "Without Role family (Data): 5 postings; without Country (India): 5."
    said = f"No postings match these filters. {why} Widen them"
    assert any(str(e.value).startswith(said) for e in at.info), [e.value for e in at.info]
    assert any(why in str(e.value) for e in at.sidebar.caption), [e.value for e in at.sidebar.caption]


def test_no_warehouse_gives_the_commands(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WAREHOUSE_DB", str(tmp_path / "none.duckdb"))
    at = _app()
    assert not at.exception
    code = "\n".join(c.value for c in at.code)
    assert "make run" in code and "python -m etl demo" in code


def test_broken_warehouse_is_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "warehouse.duckdb"
    bad.write_bytes(b"this is not a duckdb file" * 100)
    monkeypatch.setenv("WAREHOUSE_DB", str(bad))
    at = _app()
    assert not at.exception
    assert any("cannot be read" in e.value for e in at.error)


def test_demo_banner(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "warehouse.duckdb"
    build(db, is_demo=True)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = _app()
    assert any("Demo data" in w.value for w in at.warning)


def test_language_filter_from_the_url_and_the_data_page_mix(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from etl.warehouse.loader import load_paths

    texts = {"en": "We are looking for a senior backend developer to build reliable services in Python.",
             "de": "Wir suchen einen erfahrenen Backend-Entwickler, der unsere Dienste mit Python "
                   "weiterentwickelt.",
             "fr": "Nous recherchons un développeur backend expérimenté pour concevoir nos "
                   "services en Python."}
    src = tmp_path / "jobs.jsonl"
    src.write_text(
        "\n".join(
            json.dumps(
                {
                    "title": f"Senior Software Engineer {k}",
                    "description": v,
                    "company": k,
                    "date": "2025-03-0" + str(i + 1),
                }
            )
            for i, (k, v) in enumerate(texts.items())
        )
        + "\n",
        encoding="utf-8",
    )
    db = tmp_path / "warehouse.duckdb"
    load_paths([src], db, progress=False, workers=1)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = _app({"language": "de,fr"})
    assert at.multiselect(key="flt_language").value == ["de", "fr"]
    # listed by name as the Data page's mix names them (QA on the real samples: typing "German" in the
    # filter found "No results", the list held bare codes); the URL keeps the codes
    assert {"German (de)", "French (fr)", "English (en)"} <= set(at.multiselect(key="flt_language").options)
    assert _metric(at, "Postings") == "2"
    at.multiselect(key="flt_language").unselect("fr").run()
    assert at.query_params["language"] in ("de", ["de"]) and _metric(at, "Postings") == "1"
    at.switch_page("pages/data.py").run()
    mix = _frame_with(at, "language", "postings", "share")
    assert dict(zip(mix["language"], mix["postings"])) == {"de": 1}


def test_postings_without_a_detected_language_can_be_picked_by_link_and_in_the_filter(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA round eight: the Language filter offered no "not detected" (Work arrangement: "not stated")."""
    from etl.warehouse.loader import load_paths

    rows = [{"title": "Senior Software Engineer A", "company": "a", "date": "2025-03-01",
             "description": "We are looking for a senior backend developer to build reliable services."},
            {"title": "SWE", "company": "b", "date": "2025-03-02"}]  # too little to tell a language by
    src = tmp_path / "jobs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "warehouse.duckdb"
    load_paths([src], db, progress=False, workers=1)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = _app({"language": "not detected", "seniority": "all"})  # "SWE" states no level
    assert at.multiselect(key="flt_language").options[-1] == "not detected"
    assert at.multiselect(key="flt_language").value == ["not detected"]
    assert _metric(at, "Postings") == "1"
    at.multiselect(key="flt_language").select("en").run()
    assert _metric(at, "Postings") == "2"


def test_selection_points_become_a_pick() -> None:
    points: list[dict[str, Any]] = [{"x": "Python", "customdata": ["Python"]},
              {"x": "2025-01-01T00:00:00", "customdata": ["2025-01-01T00:00:00", "Go"]},
              {"x": "Go"}]
    picks = [points_to_pick(points[:1], ("skill",)), points_to_pick(points[1:2], ("month", "skill")),
             points_to_pick(points[2:], ("skill",))]
    assert [p.points if p else None for p in picks] == [
        ((("skill", "Python"),),), ((("month", "2025-01-01"), ("skill", "Go")),), ((("skill", "Go"),),)]
    assert points_to_pick([], ("skill",)) is None


def test_report_timings() -> None:
    """Not a check: prints the AppTest time per page measured above (run with -s to see it)."""
    for page, seconds in sorted(TIMINGS.items()):
        print(f"AppTest {page}: {seconds:.2f} s")


@pytest.mark.usefixtures("tiny_db")
def test_regions_salary_bin_caveat_only_where_salary_is_drawn() -> None:
    """A map coloured by postings is exact: its caption must not say the salary-bin error as if the map
    carried it (seen on the real samples); only the hover's salaries come from bins. Coloured by salary,
    the map's caption says it."""
    from analytics.queries.salary import BINNED

    at = _open("pages/regions.py")
    captions = [c.value for c in at.caption]
    by_country = next(c for c in captions if "n = " in c)  # the world map's caption, the page's first
    assert BINNED[0] not in by_country, by_country
    assert "the median salaries in the hover text come from" in by_country
    at.radio(key="rg_measure").set_value("median_salary_usd").run()
    captions = [c.value for c in at.caption]
    assert BINNED[0] in next(c for c in captions if "n = " in c)


@pytest.mark.usefixtures("tiny_db")
def test_empty_chart_says_the_filters_match_postings_that_lack_its_data() -> None:
    """Seen on the real samples (artifacts/qa/salary-de.png, regions-pl.png): with postings selected but none
    stating a salary (or none in a US state), a chart said "No postings match these filters" (false: the
    sidebar showed 38) or "Nothing to draw: " followed by its salary-bin note, which explains nothing.
    The tiny warehouse's German postings (5 under the defaults) state no salary and no US state."""
    for page in ("pages/salary.py", "pages/regions.py"):
        at = _open(page, {"country": "DE"})
        assert not at.exception
        infos = [str(i.value) for i in at.info]
        assert infos, page
        for text in infos:
            assert "No postings match these filters" not in text, (page, text)
            assert "salary bins" not in text, (page, text)
        assert any("5 postings" in text for text in infos), (page, infos)


@pytest.mark.usefixtures("tiny_db")
def test_a_map_coloured_by_a_figure_no_posting_states_says_why_it_is_empty() -> None:
    """QA hqa41 on the real exports (Italy, all levels: 8 postings, none stating a salary): "Median salary by
    country" drew an empty grid of axes, no map, under the caption "colours: the median salary of the 0
    postings stating a salary". A map no area of which can be coloured says why, as every empty chart does.
    The tiny warehouse's German postings (5 under the defaults) state no salary."""
    at = _open("pages/regions.py", {"country": "DE"})
    at.radio(key="rg_measure").set_value("median_salary_usd").run()
    assert not at.exception, at.exception
    captions = " ".join(str(c.value) for c in at.caption)
    assert "of the 0 postings" not in captions, captions
    infos = [str(i.value) for i in at.info]
    assert ("Nothing to draw from the 5 postings these filters select: no posting placed in a country states "
            "a salary, so no country can be coloured by its median salary.") in infos, infos
    world = [c for c in at.get("plotly_chart") if '"choropleth"' in c.proto.spec or '"geo"' in c.proto.spec]
    assert not world, "an empty map was drawn"
    # coloured by postings the same view draws Germany
    at.radio(key="rg_measure").set_value("postings").run()
    assert [c for c in at.get("plotly_chart") if '"choropleth"' in c.proto.spec]


def test_empty_message_names_what_left_postings_out_and_not_method_notes() -> None:
    from analytics.queries.salary import BINNED
    from analytics.result import QueryResult
    from ui.chart import empty_message

    res = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0,
                      caveats=(*BINNED, "582 postings without a date are not shown"))
    assert empty_message(res, 0).startswith("No postings match these filters")
    text = empty_message(res, 600)
    # the chart is empty, so every posting it counts is undated: said so (QA round twenty-five)
    assert text == ("Nothing to draw from the 600 postings these filters select: "
                    "the 582 it counts carry no date, so none has a month to be drawn in.")
    # all of them undated: the reason, not the count again (QA round twenty); "drawn", not "counted": the
    # salary's line draws a median a month (QA round twenty-four, No Fluff Jobs alone)
    assert empty_message(res, 582) == ("Nothing to draw from the 582 postings these filters select: none of "
                                       "them carries a date, so none has a month to be drawn in.")
    assert "salary bins" not in text
    assert "from the one posting these filters select:" in empty_message(res, 1)  # not "the 1 postings"
    assert "select: it lacks what" in empty_message(replace(res, caveats=()), 1)  # not "none of them"
    assert "No postings match" not in empty_message(replace(res, filtered=False, unit="file loads"), 0)


@pytest.mark.usefixtures("tiny_db")
def test_a_link_with_a_malformed_date_names_it() -> None:
    at = _open("pages/overview.py", {"date_from": "notadate", "skills_mode": "xx"})
    assert not at.exception
    warned = " ".join(str(w.value) for w in at.sidebar.warning)
    assert "date_from=notadate" in warned and "skills_mode=xx" in warned, warned


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize(("query", "first"), [({}, "US states"), ({"country": "US"}, "US states"),
                                              ({"country": "DE"}, "Cities and metros"),
                                              ({"country": "DE,US"}, "US states")])
def test_regions_opens_on_a_tab_the_country_filter_can_fill(query: dict[str, str], first: str) -> None:
    # seen on the real samples: under Germany the page opened on an empty US map
    at = _open("pages/regions.py", query)
    assert next(t.label for t in at.tabs) == first


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize(("query", "first"), [({"region": "GB-ENG"}, "Cities and metros"),
                                              ({"region": "DE-BE,IN-KA"}, "Cities and metros"),
                                              ({"region": "US-CA"}, "US states"),
                                              ({"region": "GB-ENG,US-NY"}, "US states"),
                                              ({"country": "GB", "region": "GB-ENG"}, "Cities and metros")])
def test_regions_opens_on_the_cities_under_a_region_outside_the_us(query: dict[str, str], first: str) -> None:
    """hqa35's seen and left (lead ruling 3): under the region Ontario (13 postings on the real exports) the
    page opened on "US states", which had nothing to draw; the country filter alone moved the cities first."""
    at = _open("pages/regions.py", query)
    assert next(t.label for t in at.tabs) == first
    assert at.session_state["rg_tabs"] == first  # the tab open, not only the first drawn


@pytest.mark.usefixtures("tiny_db")
def test_regions_view_follows_the_filters_until_the_user_picks_one() -> None:
    """A region picked while the page shows its untouched first view moves it to the cities; a view the
    user picked stays under any filter."""
    at = _open("pages/regions.py")
    assert at.session_state["rg_tabs"] == "US states"
    at.multiselect(key="flt_region").select("GB-ENG").run()
    assert next(t.label for t in at.tabs) == "Cities and metros"
    assert at.session_state["rg_tabs"] == "Cities and metros"
    at.multiselect(key="flt_region").unselect("GB-ENG").run()
    assert at.session_state["rg_tabs"] == "US states"
    mine = _tab(_open("pages/regions.py", {"country": "DE"}), "US states")  # the user's own choice
    mine.multiselect(key="flt_seniority").select("mid").run()
    assert mine.session_state["rg_tabs"] == "US states"
    mine.multiselect(key="flt_region").select("DE-BE").run()
    assert mine.session_state["rg_tabs"] == "US states"


@pytest.mark.usefixtures("tiny_db")
def test_the_region_comparison_marks_figures_from_few_postings() -> None:
    """Seen on the real samples (QA screenshot compare-Argentina.png): side by side with the US, a country of
    12 postings showed "$84,000" and "63.6%" remote with no mark, where the Overview marks such a KPI ⚠ and
    says why. The tiny warehouse's default pair, US (20) and GB (10), rests on fewer than 30 postings."""
    at = _tab(_open("pages/regions.py"), "Two regions side by side")
    values: dict[str, list[str]] = {}
    for m in at.metric:
        values.setdefault(m.label, []).append(str(m.value))
    for label in ("Median salary (USD per year)", "Share remote", "Median years required"):
        assert values[label] and all(v.endswith("⚠") for v in values[label]), (label, values[label])
    assert not any(v.endswith("⚠") for v in values["Postings"])  # a count is exact
    captions = " ".join(str(c.value) for c in at.caption)
    assert "⚠ marks a figure from fewer than 30 postings" in captions, captions
    # QA round eight: the note gave no n ("Netherlands (NL): median salary, share remote"); now each n
    gb = next(c for c in at.metric if c.label == "Postings" and c.value == "10")
    assert gb and "median salary from 10 postings with a salary" in captions, captions


@pytest.mark.usefixtures("tiny_db")
def test_a_chart_drawing_small_samples_says_so_in_its_caption() -> None:
    """Seen on the real samples (QA screenshot skills-br.png): under Brazil (23 postings) every Top skills
    bar was hatched grey with no line saying why - the note appeared only under charts with an ``enough``
    column. The tiny warehouse's US postings under the defaults are 20."""
    at = _open("pages/skills.py", {"country": "US"})
    captions = [str(c.value) for c in at.caption]
    note = [c for c in captions if "rest on fewer than 30 postings" in c]
    top = _frame_with(at, "skill", "total")  # each share is of the 20 postings: every one is small
    assert set(top["total"]) == {20}
    k = len(top)
    assert note and note[0].startswith(f"{k} of {k} figures rest on fewer than 30 postings ("), note
    assert "drawn grey with their n (bars hatched, points open)" in note[0]
    at = _open("pages/skills.py")  # 40 postings: no note under Top skills
    first = [str(c.value) for c in at.caption]
    assert not any("rest on fewer than" in c for c in first[:3]), first[:3]


@pytest.mark.usefixtures("tiny_db")
def test_a_shared_link_cannot_put_markdown_into_the_sidebar_note() -> None:
    """A backtick in an unrecognised link value closed the note's code span: the rest was Markdown, so a
    link could draw its own link or bold text in the app's warning (seen in Chromium on the real samples)."""
    import re

    at = _app({"country": "x` [log in again](https://evil.example) `y", "source": "**B**"})
    note = " ".join(str(w.value) for w in at.sidebar.warning)
    assert "log in again" in note and "**B**" in note  # named, as before
    outside = re.sub(r"`[^`]*`", "", note)  # what is left outside the code spans is the app's own text
    assert "](" not in outside and "**" not in outside, outside


@pytest.mark.usefixtures("tiny_db")
def test_the_same_region_twice_says_so() -> None:
    """QA on the real samples (compare-United_States.png): with the same region as A and B the comparison drew
    one column under "Two regions side by side" and said nothing."""
    at = _tab(_open("pages/regions.py"), "Two regions side by side")
    at.selectbox(key="rg_cmp_b").set_value(at.selectbox(key="rg_cmp_a").value).run()
    assert not at.exception
    assert any("same region" in str(i.value) for i in at.info), [i.value for i in at.info]


def _empty_with_reason_script() -> None:
    import pandas as pd

    from analytics.result import QueryResult
    from ui.chart import render

    res = QueryResult(df=pd.DataFrame(), sql="SELECT 1", params={}, n=0,
                      caveats=("no skill is asked for by 99 or more of the 40 postings of the two periods; "
                               "lower the minimum",))
    render("Fastest rising and falling skills", res, None, key="empty_reason")


@pytest.mark.usefixtures("tiny_db")
def test_an_empty_chart_gives_its_reason_once_in_the_message_not_again_in_the_caption() -> None:
    """QA round seven: an empty chart's caption listed its caveats and the message under it repeated them.
    The message gives the reason; the caption keeps the filters and n."""
    at = AppTest.from_function(_empty_with_reason_script, default_timeout=60).run()
    assert not at.exception
    shown = " ".join([str(c.value) for c in at.caption] + [str(i.value) for i in at.info])
    assert shown.count("lower the minimum") == 1, shown
    assert any("lower the minimum" in str(i.value) for i in at.info)


@pytest.mark.usefixtures("tiny_db")
def test_the_load_runs_table_fits_the_page_without_a_sideways_scroll() -> None:
    """QA round seven: the Data page's "Load runs" table was cut on the right at the default width (its
    status needed a sideways scroll): eleven columns at their content's width, two full timestamps among
    them. Now ten narrow ones, none lost: the seconds a load took instead of its end (started + seconds),
    the message beside the status, each column a set width, together narrower than the page's main column
    (820 pixels in a 1,280-pixel window)."""
    at = _open("pages/data.py")
    assert not at.exception
    grid = next(df for df in at.dataframe if {"run_id", "status"} <= set(df.value.columns))
    runs = grid.value
    assert "finished_at" not in runs.columns and "message" not in runs.columns
    assert list(runs["seconds"]) == [1, 3, 5]  # the fixture's runs took 1, 3 and 5 seconds
    widths = {c: spec.get("width") for c, spec in json.loads(grid.proto.columns).items()}
    assert all(isinstance(widths.get(c), int) for c in runs.columns), widths
    assert sum(widths[c] for c in runs.columns) <= 800, widths


@pytest.mark.usefixtures("tiny_db")
def test_the_overview_note_gives_the_n_of_each_marked_figure() -> None:
    """QA round eight on the real samples: under the Netherlands the Overview showed "$53,624 ⚠" and
    "25.0% ⚠" with the note "⚠ marks a figure from fewer than 30 postings (salary, remote)": how few (5
    salaries) was only in a hover tooltip. The note gives each marked figure's n. The tiny warehouse's
    March-April postings hold 17 salaries."""
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30"})
    note = next(str(c.value) for c in at.caption if "marks a figure" in str(c.value))
    assert "salary from 17 postings stating one" in note, note


def test_an_empty_chart_names_what_its_postings_lack() -> None:
    """QA round eight on the real samples: German-only, "Postings by salary band" said "none of them has
    what this chart counts (a salary, a place, a date ...)" and so did "Top US metros" under the
    Netherlands: a guess list for the reader to pick from. A chart that knows what it counts names it."""
    from analytics import figures
    from analytics.result import QueryResult
    from ui.chart import empty_message

    res = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0)
    assert empty_message(res, 38, "a plausible salary") == (
        "Nothing to draw from the 38 postings these filters select: none of them has a plausible salary. "
        "Widen the filters or pick another chart.")
    assert "select: it lacks a plausible salary." in empty_message(res, 1, "a plausible salary")
    assert "(a salary, a place, a date ...)" in empty_message(res, 38)  # a chart that does not say
    needs = {key: figures.chart(key).needs_for() for key in (
        "sa_bands", "sa_dist", "sa_skill", "sa_time", "sk_premium", "ex_pay", "ex_years", "ex_bands",
        "ex_level", "rg_metros", "rg_states", "rg_cities")}
    assert {k for k, v in needs.items() if v == "a plausible salary"} == {
        "sa_bands", "sa_dist", "sa_skill", "sa_time", "sk_premium"}
    # a point of years against salary needs both on one posting (QA round seventeen)
    assert needs["ex_pay"] == "both a plausible salary and a stated number of years of experience"
    assert {k for k, v in needs.items() if v == "a stated number of years of experience"} == {
        "ex_years", "ex_bands", "ex_level"}
    assert needs["rg_metros"] == "a place in a US metro" and needs["rg_states"] == "a place in a US state"
    assert needs["rg_cities"] == "a city"


@pytest.mark.usefixtures("tiny_db")
def test_a_map_caption_on_one_country_speaks_of_it_in_the_singular() -> None:
    """QA round eight: "1 of 1 countries rest on fewer than 30 of them" under one country's map."""
    at = _open("pages/regions.py", {"country": "GB"})
    at.radio(key="rg_measure").set_value("median_salary_usd").run()
    colours = next(str(c.value) for c in at.caption if "colours: the median salary" in str(c.value))
    assert "the one country rests on fewer than 30 of them" in colours and "1 of 1" not in colours, colours


@pytest.mark.usefixtures("tiny_db")
def test_the_us_metros_chart_outside_the_us_says_what_it_lacks() -> None:
    at = _open("pages/regions.py", {"country": "GB"})
    infos = [str(i.value) for i in at.info]
    assert any("none of them has a place in a US metro" in t for t in infos), infos


def test_a_range_without_dated_postings_claims_no_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round eight on the real samples: 2019-2022, which no source covers (the undated postings still
    shown), read "Postings 582, -823 (dated: 823 -> 0)" in red: a gap in the data drawn as a collapse of the
    market. A period without dated postings has nothing to compare, as the movers already say; the Overview
    shows no change and says why. The tiny warehouse with two postings made undated; its 11th to 28th of
    February hold no dated posting, the days before it do."""
    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET posted_date = NULL, posted_month = NULL "
                           "WHERE posting_id IN (3, 4)", derive=True, version_name="v-tiny-undated.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _app({"date_from": "2025-02-11", "date_to": "2025-02-28"})
    assert not at.exception, at.exception
    postings = next(m for m in at.metric if m.label == "Postings")
    assert int(postings.value) > 0 and not postings.delta, (postings.value, postings.delta)
    assert all(not m.delta for m in at.metric), [(m.label, m.delta) for m in at.metric]
    notes = " ".join(str(c.value) for c in at.caption)
    assert "No dated postings in this period, so no change is shown" in notes, notes


@pytest.mark.usefixtures("tiny_db")
def test_all_dates_say_how_to_see_a_change_not_that_the_past_is_empty() -> None:
    """QA round ten on the real samples: the default Overview (all dates) said "No dated postings in the
    period of the same length before this one, so no change is shown" - a period before the first posting,
    empty by definition, named as if data were missing. It now says how to see a change."""
    notes = " ".join(str(c.value) for c in _app().caption)
    assert "no earlier period to compare: choose a date range in the sidebar" in notes, notes
    assert "same length before this one" not in notes, notes
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30"})
    ranged = " ".join(str(c.value) for c in at.caption)
    assert "no earlier period" not in ranged, ranged  # a chosen range: the note as before


def test_dated_postings_on_one_day_do_not_send_the_reader_to_a_date_range(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round thirty on the real samples: under French postings (149, all dated on one day) the Overview
    said "From the first posting on, so there is no earlier period to compare: choose a date range in the
    sidebar to see the change against the same length just before it" - but no range can hold postings on
    both sides of one day. It now says that the dated postings fall on one day, as the movers do. The tiny
    warehouse with every posting dated on one day."""
    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET posted_date = DATE '2025-03-11', "
                           "posted_month = DATE '2025-03-01'",
                           derive=True, version_name="v-tiny-one-day.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _app()
    assert not at.exception, at.exception
    notes = " ".join(str(c.value) for c in at.caption)
    said = "All 40 dated postings fall on one day, 2025-03-11, so no change over time can be shown."
    assert said in notes, notes
    assert "choose a date range" not in notes, notes


@pytest.mark.usefixtures("tiny_db")
def test_the_salary_page_says_how_monthly_and_hourly_pay_became_annual() -> None:
    """QA round ten on the real samples: Poland's salaries are stated per month in PLN, some French ones
    per hour in EUR; the Salary page said "converted at the yearly average rate" and nothing of the period."""
    intro = " ".join(str(c.value) for c in _open("pages/salary.py").caption)
    assert "annualised (2,080 hours, 260 days, 52 weeks, 12 months)" in intro, intro
    assert "other currencies converted at the yearly average rate" in intro, intro


def test_the_salary_page_says_how_the_view_s_salaries_were_stated(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round eleven on the real samples: the page said how salaries are converted and annualised, not
    which currencies and periods the ones in view were stated in (monthly PLN, hourly EUR, yearly USD ...).
    The tiny warehouse with ten salaries restated monthly in an invented currency; a filter changes it."""
    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET salary_currency = 'XPL', salary_period = 'month' "
                           "WHERE posting_id <= 10", version_name="v-tiny-stated.duckdb",
                           derive=True)  # the rollups derived again, as a publish does
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _open("pages/salary.py")
    assert not at.exception, at.exception
    intro = " ".join(str(c.value) for c in at.caption)
    assert "n = 35 salaries in this view, as the postings stated them: 71% yearly USD and 29% monthly XPL" \
        in intro, intro
    lead = " ".join(str(c.value) for c in _open("pages/salary.py", {"seniority": "lead"}).caption)
    assert "n = 5 salaries in this view, as the postings stated them: 100% yearly USD" in lead, lead


def test_a_change_between_periods_of_different_sources_says_so(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round eight on the real samples: from 2025 on, "Postings +133 (dated: 37 -> 170)" in green, the
    earlier period's postings from three boards, the later one's 82% from a fourth: growth of the sample,
    not of the market. The skill movers say when their periods come from different sources; the
    headline figures' change now does too. The tiny warehouse with January and February from one source,
    March on from the other."""
    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET source = CASE WHEN posted_date < DATE '2025-03-01' "
                           "THEN 'greenhouse' ELSE 'jobspy' END",
                           derive=True, version_name="v-tiny-sources.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30"})
    assert not at.exception, at.exception
    assert next(m for m in at.metric if m.label == "Postings").delta  # a change is shown ...
    captions = " ".join(str(c.value) for c in at.caption)
    assert "the change compares different sources (earlier: greenhouse 100%; later: jobspy 100%)" in captions
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30", "source": "jobspy"})  # one source: no word
    assert "compares different sources" not in " ".join(str(c.value) for c in at.caption)


def test_a_selection_without_a_dated_posting_says_so_once(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen and left since QA round eighteen, on the real samples under No Fluff Jobs alone (a source that
    publishes no dates): all dates chosen, the Overview said "No dated postings in this period" (no period
    was chosen), and "Postings per month" read "Nothing to draw from the 268 postings these filters select:
    268 postings without a date are not shown" (the count twice, the reason unsaid). Both now say that none
    of them carries a date. The tiny warehouse with every posting made undated."""
    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET posted_date = NULL, "
                           "posted_month = NULL", derive=True, version_name="v-tiny-no-dates.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _app()
    assert not at.exception, at.exception
    notes = " ".join(str(c.value) for c in at.caption)
    assert "None of these postings carries a date, so no change is shown" in notes, notes
    assert "in this period" not in notes, notes
    infos = [str(i.value) for i in at.info]
    assert any("none of them carries a date, so none has a month to be drawn in" in t for t in infos), infos
    assert not any("without a date are not shown" in t for t in infos), infos


@pytest.mark.usefixtures("tiny_db")
def test_a_change_between_few_dated_postings_is_flagged_not_drawn_as_solid() -> None:
    """Seen and left since QA round eighteen (real samples, a one-month range): "Postings 586" beside a red
    "-14 (dated: 15 -> 1)", and "Companies" beside a green "+4 (dated: 6 -> 10)": a change between periods of
    a few dated postings drawn in the colours of a solid one. The median, remote and years changes are not
    shown under MIN_N; the counts' changes stay (the count is exact) but are grey, marked, and the note
    says how few postings each period holds."""
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30"})
    assert not at.exception, at.exception
    counts = [m for m in at.metric if m.label in ("Postings", "Companies")]
    assert counts and all(m.delta for m in counts), [(m.label, m.delta) for m in counts]
    for m in counts:
        assert m.delta.endswith(theme.SMALL_MARK), m.delta
        assert m.proto.color == MetricProto.MetricColor.GRAY, (m.label, m.proto.color)
    notes = " ".join(str(c.value) for c in at.caption)
    assert f"beside a change: fewer than {MIN_N} dated postings in a period" in notes, notes


@pytest.mark.usefixtures("tiny_db")
def test_a_change_of_zero_has_no_arrow() -> None:
    """Seen and left since QA round twenty: a change of 0 read "+0" beside an up arrow (Streamlit points the
    arrow up for anything but a leading minus), as if the count had grown. In the tiny warehouse March-April
    and the 61 days before each hold postings of four companies: the change reads "±0" with no arrow, grey."""
    at = _app({"date_from": "2025-03-01", "date_to": "2025-04-30"})
    assert not at.exception, at.exception
    companies = next(m for m in at.metric if m.label == "Companies")
    assert companies.delta.startswith("±0"), companies.delta
    assert "+0" not in companies.delta
    assert companies.proto.direction == MetricProto.MetricDirection.NONE, companies.proto.direction
    assert companies.proto.color == MetricProto.MetricColor.GRAY


@pytest.mark.usefixtures("tiny_db")
def test_no_multiselect_offers_to_select_every_match() -> None:
    """QA round twenty-one in the browser: a multiselect puts "Select N matches" first while the user types,
    so Enter after "cal" picked thirteen regions. No list of the sidebar or the pages offers it (select_all
    off): Enter picks the best match."""
    for page in ("pages/overview.py", "pages/skills.py"):
        at = _open(page)
        assert not at.exception, at.exception
        boxes = list(at.multiselect)
        assert boxes, page
        assert all(m.proto.select_all == 0 for m in boxes), [(m.label, m.proto.select_all) for m in boxes]


@pytest.mark.usefixtures("tiny_db")
def test_the_browser_s_back_button_brings_back_the_earlier_filters_and_tab() -> None:
    """QA round twenty-two in Chromium: every filter or tab change pushes the address to the browser's
    history, but Back then did nothing visible - the address went back to "?seniority=senior", the run
    read the widgets (still "senior, mid") and wrote their address again; after a tab change Back kept
    the tab. A run whose address is not the one this session wrote, on the same page, is the browser
    going back or forward: the filters and the page's controls are the address's (a control it leaves
    out at its default)."""
    at = _app({"seniority": "senior"})
    senior = _metric(at, "Postings")
    at.multiselect(key="flt_seniority").select("mid").run()
    assert at.query_params["seniority"] == "senior,mid"
    both = _metric(at, "Postings")
    assert both != senior
    at.query_params.clear()  # Back: the address the app wrote before
    at.query_params["seniority"] = "senior"
    at.run()
    assert not at.exception
    assert _metric(at, "Postings") == senior
    assert at.query_params["seniority"] == "senior"
    shown = next(m for m in at.multiselect if m.label == "Seniority")
    assert shown.value == ["senior"]
    at.query_params["seniority"] = "senior,mid"  # Forward
    at.run()
    assert _metric(at, "Postings") == both
    at.query_params.clear()  # the SQL page's query, carried here by the sidebar's link: the filters stay
    at.query_params["q"] = "SELECT 1"
    at.run()
    assert _metric(at, "Postings") == both and at.query_params["seniority"] == "senior,mid"


@pytest.mark.usefixtures("tiny_db")
def test_back_onto_the_address_a_page_change_left_without_filters_keeps_them() -> None:
    """QA round twenty-four in Chromium: Overview under Germany, Skills, a tab, Regions by the sidebar, Back:
    Regions again at 1,680 postings, not 98 - Germany silently dropped. Streamlit's page change leaves the new
    page's address without parameters in the history before the one the run writes with the filters, and
    Back lands there first; it read as a return to the page's default view. It keeps the filters, and the
    address is left as it is (written again, it would be a new entry, and the next Back would land here
    again); the next Back goes on to the page before."""
    at = _app({"country": "US"})
    us = [m.value for m in at.multiselect if m.label == "Country"]
    assert us == [["US"]], us
    at.switch_page("pages/regions.py")
    at.query_params.clear()  # the sidebar's page change: its first run there has no parameters
    at.run()
    assert not at.exception
    assert at.query_params["country"] == "US"  # the filters kept and written
    at.query_params.clear()  # Back: the address the page change left first
    at.run()
    assert not at.exception
    assert [m.value for m in at.multiselect if m.label == "Country"] == [["US"]]
    assert "country" not in at.query_params  # left as it is: no new history entry
    at.multiselect(key="flt_country").unselect("US").run()  # a change on that page writes as before
    assert not at.exception and "country" not in at.query_params
    at.multiselect(key="flt_country").select("GB").run()
    assert at.query_params["country"] == "GB"
    at.query_params.clear()  # Back to the default view written on this page: a return, as before
    at.run()
    assert [m.value for m in at.multiselect if m.label == "Country"] == [[]]


@pytest.mark.usefixtures("tiny_db")
def test_back_after_a_tab_change_opens_the_earlier_tab() -> None:
    at = _open("pages/skills.py")
    at = _tab(at, [t.label for t in at.tabs][2])
    assert "sk_tabs" in at.query_params
    del at.query_params["sk_tabs"]  # Back: the page as first opened
    at.run()
    assert not at.exception
    assert "sk_tabs" not in at.query_params
    selected = at.session_state["sk_tabs"] if "sk_tabs" in at.session_state else None  # noqa: SIM401
    assert selected in (None, at.tabs[0].label), selected  # the first tab, as the page opened


def test_the_region_list_offers_a_region_by_its_own_name_too(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """QA round twenty-two's seen and left (branch hext): the region list named regions in English only, so
    typing "Bayern" or "Wien" found nothing. The label carries ISO's own name beside the English one where
    they differ by more than accents; the value (and the link) stays the code."""
    from etl.warehouse.loader import load_paths

    rows = [{"title": "Senior Software Engineer", "company": c, "date": "2025-03-01", "location": loc,
             "description": "We are looking for a senior backend developer to build services in Python."}
            for c, loc in (("a", "Munich, Germany"), ("b", "Vienna, Austria"),
                           ("c", "Bengaluru, Karnataka, India"))]
    src = tmp_path / "jobs.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    db = tmp_path / "warehouse.duckdb"
    load_paths([src], db, progress=False, workers=1)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = _app({"region": "DE-BY"})
    region = at.multiselect(key="flt_region")
    assert {"Bavaria (Bayern, DE-BY)", "Vienna (Wien, AT-9)", "Karnataka (IN-KA)"} <= set(region.options)
    assert region.value == ["DE-BY"] and _metric(at, "Postings") == "1"
@pytest.mark.usefixtures("tiny_db")
def test_a_headline_figure_from_one_posting_is_left_out_and_said() -> None:
    """QA round twenty-two's seen and left, on the real warehouse: get in IT's one salary read "Median
    salary $81,921 ⚠", Portuguese postings' "$24,024 ⚠", a median of one figure, that posting's own. A
    headline figure one posting stands behind reads "–"; the note gives the posting's figure and says why.
    The tiny warehouse's 1 January 2025 holds one posting (US, $101,000, 5 years, hybrid)."""
    at = _app({"date_from": "2025-01-01", "date_to": "2025-01-01"})
    assert not at.exception
    assert _metric(at, "Postings") == "1"
    for label in ("Median salary", "Remote", "Years required"):
        assert _metric(at, label) == "–", (label, _metric(at, label))
    note = " ".join(str(c.value) for c in at.caption)
    assert "from one posting is that posting's own, not a median or share of many: left out" in note, note
    assert "salary $101,000" in note and "years required 5.0 years" in note and "remote 0.0%" in note, note


@pytest.mark.usefixtures("tiny_db")
def test_the_region_comparison_leaves_out_a_figure_from_one_posting() -> None:
    """As the Overview's headline: side by side, Bavaria's median salary from one posting read as a median
    (QA round twenty-two's seen and left). 1-6 January 2025: five US postings, one British ($121,000)."""
    at = _tab(_open("pages/regions.py", {"date_from": "2025-01-01", "date_to": "2025-01-06"}),
              "Two regions side by side")
    assert not at.exception
    salaries = [str(m.value) for m in at.metric if m.label == "Median salary (USD per year)"]
    assert sorted(salaries) == ["$109,000 ⚠", "–"], salaries
    captions = " ".join(str(c.value) for c in at.caption)
    assert "United Kingdom (GB): median salary $121,000" in captions, captions


@pytest.mark.usefixtures("tiny_db")
def test_the_extraction_quality_interval_has_the_scores_precision() -> None:
    """QA round twenty-three on the real warehouse: "Skills, precision 0.969, 95% interval from 0.96 to
    0.97" - the interval to two decimals beside a score to three read as the score at its edge (and a lower
    end rounded up can pass a score measured on thousands of labels). The ends have the score's three."""
    at = _tab(_open("pages/data.py"), "Extraction quality")
    assert not at.exception
    grid = next(df for df in at.dataframe if {"ci_low", "ci_high"} <= set(df.value.columns))
    spec = json.loads(grid.proto.columns)
    formats = {c: json.dumps(spec[c]) for c in ("value", "ci_low", "ci_high")}
    assert all('"%.3f"' in v for v in formats.values()), formats


def test_a_comparison_without_two_regions_says_what_the_filters_leave(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """QA round twenty-five on the real samples: under German postings at the lead level (3 postings, all in
    Germany, none with a region) and under French postings (none at the default levels) "Two regions side
    by side" read "Only one region in the data: nothing to compare" - the warehouse holds 200 regions; the
    filters left one, or none. It says what the filters leave and to widen them. The tiny warehouse with
    Germany's five postings made the only principal ones, with no region."""
    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET region = NULL, seniority = 'principal' WHERE country = 'DE'",
                           derive=True, version_name="v-tiny-one-area.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    one = _tab(_open("pages/regions.py", {"seniority": "principal"}), "Two regions side by side")
    assert not one.exception, one.exception
    infos = [str(i.value) for i in one.info]
    assert not any("in the data" in t for t in infos), infos
    assert ("The 5 postings these filters select all lie in one area, Germany (DE): no second area to "
            "compare it with. Widen the filters in the sidebar to compare two.") in infos, infos
    empty = {"seniority": "principal", "date_from": "2025-01-11", "date_to": "2025-01-20", "undated": "no"}
    none = _tab(_open("pages/regions.py", empty), "Two regions side by side")
    infos = [str(i.value) for i in none.info]
    assert not any("in the data" in t for t in infos), infos
    said = "No postings match these filters, so there is no area to compare"
    assert any(t.startswith(said) for t in infos), infos


@pytest.mark.usefixtures("tiny_db")
def test_a_headline_figure_no_posting_states_says_why_it_is_a_dash() -> None:
    """QA round twenty-five, Glassdoor alone with a date range (7 postings, none stating a work arrangement):
    the Overview's "Remote" read "–" and nothing on the page said why (a one-posting "–" has its note; a
    none-posting one had only a tooltip). The note says which figure no posting states. The tiny warehouse's
    one German posting with no work arrangement."""
    at = _app({"remote": "not stated", "country": "GB"})  # two staff postings, each with a salary and years
    assert not at.exception, at.exception
    assert _metric(at, "Remote") == "–"
    notes = " ".join(str(c.value) for c in at.caption)
    assert "None of these postings states a work arrangement, so Remote shows –." in notes, notes
    one = " ".join(str(c.value) for c in _app({"country": "DE", "remote": "not stated"}).caption)
    assert "The one posting states no salary or work arrangement, so Median salary and Remote show –." in one
    plain = " ".join(str(c.value) for c in _app().caption)
    assert "shows –" not in plain and "show –" not in plain, plain


@pytest.mark.usefixtures("tiny_db")
def test_the_regions_compared_say_which_figure_no_posting_states() -> None:
    """QA round twenty-five, Glassdoor alone at 390 px: California and Georgia side by side, one posting each,
    read "–" for Georgia's salary and both shares remote with no word why (the note named only the
    one-posting figures). The note names the figures no posting states. The tiny warehouse's postings with
    no work arrangement: the United States and the United Kingdom compared, neither with a share remote."""
    at = _tab(_open("pages/regions.py", {"remote": "not stated"}), "Two regions side by side")
    assert not at.exception, at.exception
    notes = " ".join(str(c.value) for c in at.caption)
    assert "– where no posting states it (United States (US): share remote; United Kingdom (GB): share " \
        "remote)." in notes, notes


def test_the_regions_compared_show_each_areas_companies_by_their_key(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen and left in QA round twenty-six: "Two regions side by side" showed postings, salary, remote and
    years for each area but no Companies figure, though its query counts them (its data and SQL had it).
    Each area shows it, counted by the company key every other count uses (a legal suffix does not make a
    second company), equal to the Overview's Companies under that country. The tiny warehouse with one US
    posting's company written with ", Inc." (US: 8 companies, 9 spellings)."""
    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET company = 'Acme 1, Inc.' "
                           "WHERE posting_id = (SELECT min(posting_id) FROM postings WHERE country = 'US' "
                           "AND company = 'Acme 1')", derive=True, version_name="v-tiny-inc.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _tab(_open("pages/regions.py", {"rg_cmp_a": "US", "rg_cmp_b": "GB"}), "Two regions side by side")
    assert not at.exception, at.exception
    shown = [str(m.value) for m in at.metric if m.label == "Companies"]
    overview = [_metric(_app({"country": c}), "Companies") for c in ("US", "GB")]
    assert shown == overview == ["8", "8"], (shown, overview)


def test_an_empty_charts_n_says_what_the_filters_select() -> None:
    """Seen and left in QA round twenty-six: "Postings per month" under JobSpy alone (a source that dates
    nothing) read "n = 0 postings" above "Nothing to draw from the 269 postings these filters select": the
    caption contradicted the sentence. Where the filters select postings and none is drawn, the n says how
    many they select and, where it knows, why none is drawn. Pure (analytics.queries.empty_n_text)."""
    from analytics.queries import empty_n_text

    undated = ("269 postings without a date are not shown",)
    assert empty_n_text(269, undated) == "n = 0 drawn of the 269 postings these filters select: none is dated"
    assert empty_n_text(1, ("1 posting without a date is not shown",)) == (
        "n = 0 drawn of the one posting these filters select: it is undated")
    # Glassdoor alone with a date range: 7 postings kept, 6 of them with a salary, none dated
    assert empty_n_text(7, ("6 postings without a date are not shown",), "a plausible salary") == (
        "n = 0 drawn of the 7 postings these filters select: none of the 6 with a plausible salary is dated")
    assert empty_n_text(38, (), "a plausible salary") == (
        "n = 0 drawn of the 38 postings these filters select: none has a plausible salary")
    assert empty_n_text(1, (), "a city") == (
        "n = 0 drawn of the one posting these filters select: it lacks a city")
    # the movers' own reason (the later period has none dated) is the message's to give
    movers = ("the later period has no dated postings (1 earlier, 0 later), so nothing to compare",)
    assert empty_n_text(45, movers) == "n = 0 drawn of the 45 postings these filters select"
    assert empty_n_text(1_204, ()) == "n = 0 drawn of the 1,204 postings these filters select"


def test_no_empty_chart_reads_n_0_above_the_postings_its_filters_select(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen and left in QA round twenty-six, on the real warehouse under JobSpy alone: "n = 0 postings" above
    "Nothing to draw from the 269 postings these filters select" (Postings per month; the movers' "n = 0
    postings" above "the later period has no dated postings" alike). Every chart of every page and tab on the
    tiny warehouse with every posting made undated: no caption reads "n = 0 postings"; Postings per month's
    says how many the filters select and that none is dated."""
    from page_tabs import every_tab

    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET posted_date = NULL, "
                           "posted_month = NULL", derive=True, version_name="v-tiny-no-dates.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    captions: list[str] = []
    for page in CHART_PAGES:
        for at in every_tab(_open(f"pages/{page.slug}.py"), page.slug):
            assert not at.exception, (page.slug, at.exception)
            captions += [str(c.value) for c in at.caption]
    zero = [c for c in captions if "n = 0 postings" in c]
    assert not zero, zero
    assert any("n = 0 drawn of the 40 postings these filters select: none is dated" in c for c in captions), \
        [c for c in captions if "n = 0" in c]


def test_an_empty_chart_whose_answer_counts_postings_says_none_is_drawn(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen and left in QA round thirty-one (hqa31 ruling 2): "What roles expect beyond code" under French
    postings read "n = 149 postings" above "Nothing to draw from the 149 postings these filters select: none
    of them has a responsibility beyond code" - its answer's n counts the levels' postings, so round
    twenty-six's "n = 0 drawn of" (kept for an answer of n = 0) did not apply. An empty chart's caption says
    none is drawn of the postings the filters select whatever its answer's n; the deck's and PDF's n alike
    (analytics.report.empty_n_note). The tiny warehouse with no posting asking for a responsibility."""
    from analytics.figures import ChartDef
    from analytics.queries import QueryResult
    from analytics.report import empty_n_note

    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "DELETE FROM posting_skills WHERE category = 'responsibility'",
                           derive=True, version_name="v-tiny-no-resp.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _tab(_open("pages/skills.py"), "Beyond code")
    assert not at.exception, at.exception
    captions = [str(c.value) for c in at.caption]
    said = ("n = 0 drawn of the 40 postings these filters select: none has a responsibility beyond code "
            "(code review, mentoring, on-call ...)")
    assert any(said in c for c in captions), captions
    assert sum("n = 40 postings" in c for c in captions) == 1, captions  # Top skills', above the tabs
    infos = [str(i.value) for i in at.info]
    assert any("Nothing to draw from the 40 postings these filters select" in i for i in infos), infos
    # the slide's n: an answer counting 149 postings and drawing none
    defn = next(d for d in charts_of("skills") if d.key == "sk_resp")
    assert isinstance(defn, ChartDef)
    empty = QueryResult(pd.DataFrame(columns=["seniority", "level_total", "skill", "postings", "share"]),
                        "SELECT 1", {}, 149)
    assert empty_n_note(defn, empty, 149) == (
        "n = 0 drawn of the 149 postings these filters select: none has a responsibility beyond code "
        "(code review, mentoring, on-call ...)")


def test_the_movers_title_names_no_periods_when_no_two_can_hold_postings(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Seen and left in QA round thirty-one (hqa31 ruling 3): under French postings (every one dated
    2025-03-11) the movers were titled "Change from 2025-03-01–2025-03-16 to 2025-03-17–2025-03-31" above
    "no two periods can both hold postings": a title naming two periods the message says cannot be
    compared. With no two periods able to hold postings (every dated posting on one day, or none dated) the
    chart's title is its plain one, "Rising and falling skills"; the tiny warehouse's own dates keep the
    periods in the title. The tiny warehouse with every posting dated on one day, then with none dated."""
    for name, sql in (("dated", "SELECT 1"),
                      ("one-day", "UPDATE postings SET posted_date = DATE '2025-03-11', "
                                  "posted_month = DATE '2025-03-01'"),
                      ("undated", "UPDATE postings SET posted_date = NULL, posted_month = NULL")):
        db_path = build_edited(tmp_path / f"{name}.duckdb", sql, derive=True,
                               version_name=f"v-tiny-movers-{name}.duckdb")
        monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
        at = _tab(_open("pages/skills.py"), "Rising and falling")
        assert not at.exception, (name, at.exception)
        titles = [str(s.value) for s in at.subheader]
        periods = [t for t in titles if t.startswith("Change from")]
        if name == "dated":  # the tiny warehouse's own dates: two periods both hold postings
            assert len(periods) == 1 and "Rising and falling skills" not in titles, (name, titles)
        else:
            assert "Rising and falling skills" in titles and not periods, (name, titles)


@pytest.mark.usefixtures("tiny_db")
def test_the_sidebars_page_links_carry_the_filters() -> None:
    """QA rounds twenty-five and twenty-six: a page change by Streamlit's own sidebar links came without the
    filters, and the run writing them made a second history entry that raced the page change (Back could
    land on the old page without its tab). The navigation is hidden and the sidebar's links carry each
    page's address: the filters where they apply, none on the Methodology and SQL pages. (AppTest runs
    the navigation on its first run only.)"""
    at = AppTest.from_file(APP, default_timeout=60)
    at.query_params.update({"country": "US", "undated": "no"})
    at.run()
    assert not at.exception, at.exception
    links = {el.proto.label: el.proto.query_string for el in at.get("page_link")}
    assert list(links) == [p.title for p in PAGES], links
    for p in PAGES:
        want = "" if not p.filters else "country=US&undated=no"
        assert sorted(links[p.title].split("&")) == sorted(want.split("&")), (p.title, links[p.title])


@pytest.mark.usefixtures("tiny_db")
def test_a_share_the_filter_fixes_reads_set_by_the_filter() -> None:
    """Lead ruling 4 on hqa38: under "remote" alone the Overview's Remote read "100.0%" (and under a few
    postings "100.0% ⚠" with a note to read it with care), a figure the filter made, not the data. It reads
    "set by the filter" with no change, its tooltip saying why; a filter that leaves the share to the data
    (remote and hybrid) keeps the figure. Likewise the regions compared and the Data page's coverage."""
    at = _app({"remote": "remote"})
    assert not at.exception, at.exception
    remote = next(m for m in at.metric if m.label == "Remote")
    assert remote.value == "set by the filter" and not remote.delta
    assert "remote only" in remote.proto.help and "100%" in remote.proto.help
    notes = " ".join(str(c.value) for c in at.caption)
    assert "remote from" not in notes and "remote 100" not in notes, notes
    assert _metric(_app({"remote": "hybrid,onsite"}), "Remote") == "set by the filter"
    assert _metric(_app({"remote": "remote,hybrid"}), "Remote") != "set by the filter"
    cmp = _tab(_open("pages/regions.py", {"remote": "remote"}), "Two regions side by side")
    shares = [m for m in cmp.metric if m.label == "Share remote"]
    assert shares and {m.value for m in shares} == {"set by the filter"}
    notes = " ".join(str(c.value) for c in cmp.caption)
    assert "share remote" not in notes, notes
    maps = _open("pages/regions.py", {"remote": "remote"})
    maps.radio(key="rg_measure").set_value("share_remote").run()
    said = " ".join(str(c.value) for c in maps.caption)
    assert "share remote is set by the filter" in said and "remote only" in said, said
    assert "each area's remote share is set by the filter" in _texts(_tab(maps, "Work arrangement")), said
    data = _tab(_open("pages/data.py", {"remote": "remote,hybrid"}), "Field coverage")
    cover = next(f for f in _figures(data) if "Share of postings with the field" in json.dumps(f["layout"]))
    labels = dict(zip(_values(cover["data"][0]["y"]), _values(cover["data"][0]["text"])))
    assert "set by the filter" in labels["Work arrangement"], labels
    assert "set by the filter" not in labels["Salary"], labels


def test_a_view_resting_mostly_on_undated_postings_says_so_first(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lead ruling 3 on hqa39: under a date range with undated postings kept, a view most of whose postings
    carry no date ("593 of 607", Overview) said "Includes 593 postings without a date" among its notes. The
    headline note says first that the figures rest mostly on undated postings (analytics'
    figures.overview.headline_notes). The tiny warehouse with postings 6 on undated."""
    db_path = build_edited(tmp_path / "warehouse.duckdb",
                           "UPDATE postings SET posted_date = NULL, posted_month = NULL WHERE posting_id > 5",
                           derive=True, version_name="v-tiny-mostly-undated.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _app({"date_from": "2025-01-01", "date_to": "2025-03-31"})  # the dated ones: 1 January to 1 April
    assert not at.exception, at.exception
    note = next((str(c.value) for c in at.caption if "have no date" in str(c.value)), "")
    said = "postings have no date: the figures rest mostly on undated postings."
    assert note.startswith(f"35 of {_metric(at, 'Postings')} {said}"), note
    assert "Includes" not in note, note


def test_degree_asked_says_no_posting_states_a_degree(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Lead ruling 4 on hqa39: where no posting in view states a degree, "Degree asked" keeps its one "not
    stated" bar and a caption line says no posting in this view states one. The tiny warehouse without
    degrees."""
    db_path = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET degree = NULL", derive=True,
                           version_name="v-tiny-no-degree.duckdb")
    monkeypatch.setenv("WAREHOUSE_DB", str(db_path))
    at = _tab(_open("pages/experience.py"), "Degree")
    assert not at.exception, at.exception
    assert "no posting in this view states a degree" in _texts(at), _texts(at)
    xs = [_values(fig["data"][0].get("x")) for fig in _figures(at) if fig["data"]]
    assert ["not stated"] in xs, xs
