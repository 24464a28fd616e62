"""The load test's protocol sessions (bench.protocol, bench.users.protocol_tour) against the real app.

Why: ``python -m bench users`` counts a tour without errors as users served; a driver that missed an
error box, or never reached the page it meant, would report a healthy server that is not. So a real
``streamlit run dashboard.py`` on 127.0.0.1 serves the tiny warehouse to two protocol sessions at once
(every chart page, a filter, a drill-down, a CSV fetched from the media URL the server sends): 0
errors. Then the same tour on a warehouse missing the table the Data page reads: the page shows an
error box, and the driver must report it on that step. No timing is asserted.
"""

from __future__ import annotations

import asyncio
import json
import time
from pathlib import Path

import duckdb
import pytest
from tiny_warehouse import build

from analytics.pages import CHART_PAGES
from bench.protocol import ProtocolError, first_point
from bench.users import Phase, pause_s, protocol_tour, start_server, stop_server

STEPS = [f"open {p.slug}" for p in CHART_PAGES] + ["change a filter", "drill down", "download CSV"]


def _tours(db: Path, log: Path, sessions: int, warm: bool = False, think: float = 0.0) -> Phase:
    proc, url = start_server(db, log, warm)
    phase = Phase(sessions, driver="protocol", think=think, seed=7)

    async def run() -> None:
        await asyncio.gather(*(protocol_tour(url, [p.url_path for p in CHART_PAGES], phase, i)
                               for i in range(sessions)))

    try:
        asyncio.run(run())
    finally:
        stop_server(proc)
    return phase


def test_two_protocol_sessions_complete_the_tour(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    build(db)
    phase = _tours(db, tmp_path / "streamlit.log", sessions=2)
    assert phase.errors == []
    assert sorted(name for name, _ in phase.steps) == sorted(STEPS * 2)
    # every step's script run was seen to its end by the server's own messages (the download opens a
    # popover: a run; the click on its button is none)
    assert len(phase.script_runs) >= 2 * (len(STEPS) - 1)
    assert all(t >= 0 for t in phase.script_runs)


def test_a_tour_of_the_server_make_run_starts_opens_every_page(tmp_path: Path) -> None:
    """Seen in ``bench users --warm`` (issue 12): every tour's first step, the Overview, came back as
    Streamlit's "page not found". The tour opened it at /overview, but the app's default page is at the
    root (st.navigation gives the default page the URL path "", and the sidebar's Overview link, the one
    a person follows, points there); ui.serve's server navigates with st.navigation from its first run,
    where a plain ``streamlit run`` on a fresh server ran /overview as the old pages-folder page."""
    db = tmp_path / "warehouse.duckdb"
    build(db)
    phase = _tours(db, tmp_path / "streamlit.log", sessions=1, warm=True)
    assert phase.errors == []
    assert sorted(name for name, _ in phase.steps) == sorted(STEPS)


def test_sessions_with_think_time_pause_their_drawn_times_and_still_complete_the_tour(tmp_path: Path) -> None:
    """``bench users --think T`` (issue 12's load model): each session waits its seeded pauses before its
    steps, and the tour is the same. Only lower bounds on time (a wait of at least the drawn pauses) are
    asserted, never a speed."""
    db = tmp_path / "warehouse.duckdb"
    build(db)
    t0 = time.perf_counter()
    phase = _tours(db, tmp_path / "streamlit.log", sessions=2, think=0.4)
    wall = time.perf_counter() - t0
    assert phase.errors == []
    assert sorted(name for name, _ in phase.steps) == sorted(STEPS * 2)
    # what each session waited, drawn again from the same seed: first step 0..T, the others 0.5..1.5 T
    waited = []
    for who in range(2):
        rng = phase.pauses(who)
        pauses = [pause_s(0.4, rng, first=i == 0) for i in range(len(STEPS))]
        assert 0 <= pauses[0] <= 0.4 and all(0.2 <= p <= 0.6 for p in pauses[1:])
        waited.append(sum(pauses))
    # a session's steps and pauses run one after another: their sum fits in the wall time
    assert all(w >= 0.2 * (len(STEPS) - 1) for w in waited)
    assert wall >= max(waited) + min(t for _, t in phase.steps)


def test_an_error_on_a_page_is_reported_on_its_step(tmp_path: Path) -> None:
    db = tmp_path / "warehouse.duckdb"
    version = build(db)
    con = duckdb.connect(str(version))  # a warehouse without the table of the Data page's first chart
    con.execute("DROP TABLE load_runs")
    con.close()
    phase = _tours(db, tmp_path / "streamlit.log", sessions=1)
    assert phase.errors, "the Data page's error box went unreported"
    assert all(e.startswith("session 0 open data: ProtocolError: error shown:") for e in phase.errors), \
        phase.errors
    assert len(phase.steps) == len(STEPS)  # the tour went on after the failed page


def test_the_selection_sent_for_a_click_is_the_first_point_with_its_customdata() -> None:
    spec = {"data": [{"type": "bar", "orientation": "h", "y": ["Python", "SQL"],
                      # plotly's typed-array form: float64 [0.5, 0.25]
                      "x": {"dtype": "f8", "bdata": "AAAAAAAA4D8AAAAAAADQPw=="},
                      "customdata": [["Python", 10], ["SQL", 5]]}]}
    assert first_point(json.dumps(spec)) == {"selection": {
        "points": [{"curve_number": 0, "point_number": 0, "point_index": 0, "x": 0.5, "y": "Python",
                    "customdata": ["Python", 10]}],
        "point_indices": [0], "box": [], "lasso": []}}
    with pytest.raises(ProtocolError):
        first_point(json.dumps({"data": [{"type": "bar"}]}))
