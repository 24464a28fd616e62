"""The postings behind a selection: only http and https addresses become links.

A posting's URL is whatever its source file said. The drill-down table showed every stored
URL as a clickable "open" link, so ``javascript:...`` or ``data:text/html,...`` from a hostile
file became a link in the app. Other addresses are now left out of the link column.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from streamlit.testing.v1 import AppTest
from test_export_injection import hostile_tiny
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters

URLS = {
    1: "javascript:alert(document.cookie)",
    2: " JavaScript:alert(1)",
    3: "java\tscript:alert(1)",
    4: "data:text/html,<script>alert(1)</script>",
    5: "vbscript:msgbox(1)",
    6: "file:///etc/passwd",
    7: "https://example.com/jobs/7",
    8: "HTTP://EXAMPLE.COM/8",
    9: "//evil.example/9",
    10: "https:/missing-host",
    11: "https://exa mple.com/11",
    12: "\x01https://example.com/12",
}
LINKS = {7: "https://example.com/jobs/7", 8: "HTTP://EXAMPLE.COM/8"}


@pytest.mark.parametrize("pid", sorted(URLS))
def test_only_http_and_https_addresses_are_links(pid: int) -> None:
    from ui.chart import web_link

    assert web_link(URLS[pid]) == LINKS.get(pid)


@pytest.mark.parametrize("value", [None, "", 42, "mailto:jobs@example.com", "ftp://example.com/x"])
def test_anything_else_is_no_link(value: object) -> None:
    from ui.chart import web_link

    assert web_link(value) is None


def _script() -> None:
    from types import SimpleNamespace

    from analytics.filters import Filters
    from ui.chart import _postings

    event = SimpleNamespace(selection=SimpleNamespace(points=[{"x": "hostile", "customdata": ["hostile"]}]))
    _postings(event, ("source",), Filters(seniority=(), role_family=()), "links")


def test_drilldown_table_links_only_web_addresses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    updates = tuple(f"UPDATE postings SET url = '{u.replace(chr(39), chr(39) * 2)}', source = 'hostile' "
                    f"WHERE posting_id = {pid}" for pid, u in URLS.items())
    db = hostile_tiny(tmp_path, "hostile", sql=updates)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = AppTest.from_function(_script, default_timeout=60).run()
    assert not at.exception
    table = next(df.value for df in at.dataframe if "url" in df.value.columns)
    urls = [u for u in table["url"] if isinstance(u, str) and u]  # a blank is no link
    assert urls and all(u.lower().startswith(("http://", "https://")) for u in urls)
    assert not {URLS[p] for p in URLS if p not in LINKS} & set(urls)
    assert set(LINKS.values()) <= set(urls)  # the good ones still link
    assert len(table) >= len(URLS)  # every posting is still listed


def _salary_script() -> None:
    from types import SimpleNamespace

    from analytics.filters import Filters
    from ui.chart import _postings

    event = SimpleNamespace(selection=SimpleNamespace(points=[{"x": "lead", "customdata": ["lead"]}]))
    _postings(event, ("seniority",), Filters(), "sa_dist")  # the Salary page's distribution by seniority


def test_a_salary_bar_lists_the_postings_its_median_rests_on(request: pytest.FixtureRequest) -> None:
    """QA on the real samples: the manager bar of Salary by seniority (n = 29) listed 139 postings, most
    without a salary. The tiny warehouse's lead postings: 10, of which 5 state a plausible salary."""
    request.getfixturevalue("tiny_db")
    at = AppTest.from_function(_salary_script, default_timeout=60).run()
    assert not at.exception
    table = next(df.value for df in at.dataframe if "salary_usd" in df.value.columns)
    assert len(table) == 5 and table["salary_usd"].notna().all()
    assert any("(5)" in str(m.value) for m in at.markdown)


def _zero_point_script() -> None:
    from types import SimpleNamespace

    from analytics.filters import Filters
    from ui.chart import _postings

    # a trend point at 0%: month, skill, postings, month's postings, the skills on the same point
    point = {"x": "2025-01-01", "customdata": ["2025-01-01", "Cobol", 0, 1, ""]}
    _postings(SimpleNamespace(selection=SimpleNamespace(points=[point])), ("month", "skill"), Filters(),
              "sk_trend")


def test_a_selection_behind_which_lies_no_posting_says_why(request: pytest.FixtureRequest) -> None:
    """Seen and left in QA round seventeen: an open trend point at 0% selected listed "Postings behind the
    selection (0)" over an empty table, true but unexplained (its hover said "0 of 9 postings"). The count
    stays; no empty table; a line says that none of the month's postings asks for the skill, the point's
    share."""
    request.getfixturevalue("tiny_db")
    at = AppTest.from_function(_zero_point_script, default_timeout=60).run()
    assert not at.exception
    assert any("(0)" in str(m.value) for m in at.markdown)
    assert not list(at.dataframe)
    said = " ".join(str(c.value) for c in at.caption)
    assert "none of Jan 2025's postings asks for Cobol" in said and "0%" in said, said


def test_a_source_name_in_a_caption_is_text_never_markdown(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch) -> None:
    """QA in Chromium (hostile-caption.png): filtered by a source named "[Session expired: sign in](https://
    evil.example/login)" (a generic file's --source-name), every chart caption drew it as a link, and the
    small-sample note names sources too. Captions show such text as written."""
    import re

    evil = "[Session expired: sign in](https://evil.example/login) **now**"
    db = hostile_tiny(tmp_path, evil)
    monkeypatch.setenv("WAREHOUSE_DB", str(db))
    at = AppTest.from_file(str(Path(__file__).resolve().parents[1] / "dashboard.py"), default_timeout=60)
    at.query_params.update({"source": evil, "seniority": "all", "role_family": "all"})
    at.run().run()
    assert not at.exception
    captions = [str(c.value) for c in at.caption if "source:" in str(c.value)]
    assert captions
    for text in captions:
        assert not re.search(r"(?<!\\)\]\(", text) and not re.search(r"(?<!\\)\*\*", text), text


def test_caption_text_keeps_its_words_but_makes_no_link() -> None:
    from ui import as_text

    shown = as_text("[Sign in](https://evil.example/login) www.evil.example **now** $1,000 (n=3): C#")
    assert "://" not in shown and "www." not in shown  # bare addresses are not linked (GFM autolinks)
    assert "\\[Sign in\\]" in shown and "\\*\\*now\\*\\*" in shown
    assert "$1,000 (n=3): C#" in shown  # the app's own wording as before
    assert shown.replace("\\", "").replace("\u2060", "") == \
        "[Sign in](https://evil.example/login) www.evil.example **now** $1,000 (n=3): C#"


def _empty_chart_script() -> None:
    import pandas as pd

    from analytics.result import QueryResult
    from ui.chart import render

    # an empty answer whose caveat names a source (the movers' "periods come from different sources")
    evil = "[Session expired: sign in](https://evil.example/login) **now**"
    res = QueryResult(df=pd.DataFrame(), sql="SELECT 1", params={}, n=0,
                      caveats=(f"the later period comes from one source ({evil} 100%)",))
    render("Fastest rising and falling skills", res, None, key="hostile_empty")


@pytest.mark.usefixtures("tiny_db")
def test_an_empty_chart_message_naming_a_source_is_text_never_markdown() -> None:
    """Thinking as an attacker: an empty chart's message quotes its caveats, and a caveat can name sources
    (a generic file's stem or --source-name); the message box renders Markdown, so a source named
    "[Session expired: sign in](https://...)" became a link in it. Shown as written, as captions are."""
    import re

    at = AppTest.from_function(_empty_chart_script, default_timeout=60).run()
    assert not at.exception
    texts = [str(i.value) for i in at.info]
    assert texts and any("Session expired" in t for t in texts), texts
    for text in texts:
        assert not re.search(r"(?<!\\)\]\(", text) and not re.search(r"(?<!\\)\*\*", text), text
        assert "://" not in text


def _chart_points(fig: Any) -> list[dict[str, Any]]:
    """Each drawn point of ``fig`` as a Plotly selection hands it to the app: x and customdata (a gap's
    point, y missing, is not drawn and cannot be selected)."""
    import math

    out: list[dict[str, Any]] = []
    for trace in fig.data:
        def values(name: str, trace: Any = trace) -> list[Any] | None:
            v = getattr(trace, name, None)
            return None if v is None else list(v)

        horizontal = getattr(trace, "orientation", None) == "h"
        xs = values("locations") or values("x") or []
        ys = values("x" if horizontal else "y") or [None] * len(xs)
        custom = getattr(trace, "customdata", None)
        for i, x in enumerate(xs):
            y = ys[i] if i < len(ys) else None
            if (isinstance(y, float) and math.isnan(y)) or x is None:  # x None: a legend's key (open_points)
                continue
            point: dict[str, Any] = {"x": str(x) if hasattr(x, "isoformat") else x, "y": y}
            if custom is not None:
                point["customdata"] = [str(v) if hasattr(v, "isoformat") else v for v in list(custom[i])]
            out.append(point)
    return out


@pytest.mark.usefixtures("tiny_db")
@pytest.mark.parametrize("key", ["ex_years", "ex_bands", "ex_level", "ex_pay", "ex_degree", "sa_bands",
                                 "sa_dist", "sa_skill", "sa_time", "sk_top", "sk_trend", "sk_premium",
                                 "ov_per_month", "rg_cities", "rg_world"])
def test_every_selectable_point_lists_the_postings_it_was_drawn_from(key: str) -> None:
    """Real-data QA: a point of "Years required against median salary" selected listed 0 postings (its
    customdata held n where the drill-down reads the years), one of "Median salary over time" or the skills'
    monthly trend nothing (a count read as the month). customdata[i] is drill[i]: every point a chart draws,
    selected, lists at least one posting (a share of 0 none)."""
    from analytics import figures
    from analytics.figures import Context
    from analytics.queries import postings
    from ui.chart import points_to_pick

    try:
        defn = figures.chart(key)
    except KeyError:
        pytest.skip(f"no chart {key}")
    ctx = Context(f=Filters(seniority=(), role_family=()))
    if key == "sk_trend":
        ctx.params["picks"] = ("Python", "Go")
    res = defn.run(ctx)
    assert not res.df.empty, key
    points = _chart_points(defn.figure(res.df, ctx))
    assert points, key
    drill = defn.drill_for(ctx)
    for point in points:
        pick = points_to_pick([point], drill)
        assert pick is not None, (key, point)
        listed = postings.postings_for(ctx.f, pick, **defn.drill_scope(ctx))
        assert listed.n > 0 or point["y"] == 0, (key, point, pick)  # a share of 0 rests on no posting


def test_the_postings_list_gives_titles_room(request: pytest.FixtureRequest) -> None:
    """QA round twenty-two, a month of New York's Hacker News postings selected (44 postings, most without
    a title): the list sized its columns to what it held, so "Full Stack ..." read "Full Sta" and "Tech
    Lead ..." "Tech Le" in a 40-pixel Title column beside a 180-pixel location. Title, company and location
    each have a set width, the title the widest."""
    request.getfixturevalue("tiny_db")
    at = AppTest.from_function(_salary_script, default_timeout=60).run()
    assert not at.exception
    grid = next(df for df in at.dataframe if "salary_usd" in df.value.columns)
    widths = {c: spec.get("width") for c, spec in json.loads(grid.proto.columns).items()}
    assert all(isinstance(widths.get(c), int) for c in ("title", "company", "location")), widths
    assert widths["title"] >= 200 and widths["title"] > max(widths["company"], widths["location"]), widths
