"""A chart's legend above its plot in a narrow window (a phone), beside it everywhere else.

Why: a legend beside the plot keeps its pixels while the window narrows, so at 390 px (a phone) the Skills
trend's five skills and its small-sample entry left the plot about 30 px wide, its points under the legend
(QA round ten). Plotly has no layout for a window's width, and the server learns it only after the first
run (``probe`` below, for the colour bars a relayout cannot move); a legend above the plot in every view
would change the desktop view and every export's layout too. So the browser moves it:
in a window narrower than Streamlit's own breakpoint (640 px, where its columns stack), a chart drawn with a
vertical legend beside the plot gets a horizontal one above the plot (Plotly wraps its entries), and gets
its own back when the window widens. Likewise an axis title wider (or taller) than its chart - Plotly centres
it on the plot, so beside long category names "Median salary (USD per year); bars: 25th-75th percentile" ran
past the chart's right edge at 390 px (QA round fourteen) - is drawn on two lines there, and on one again
when the window widens. Only the drawn chart changes: the figure the server sent, its cache, its selection
and the downloads are untouched. One script per page, installed once per browser tab. It also closes the
sidebar when one of its page links is followed in a narrow window, as Streamlit's own navigation did.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Mapping

import streamlit as st

NARROW_PX = 640  # Streamlit's narrow-screen breakpoint (its columns stack below it)
# The legend above the plot, left-aligned, its entries in rows: Plotly makes room above the plot for it.
ABOVE = {"legend.orientation": "h", "legend.x": 0, "legend.xanchor": "left", "legend.y": 1.02,
         "legend.yanchor": "bottom"}

_SCRIPT = """(() => {
  if (window.__narrowLegend) return;  // once per browser tab: Streamlit keeps the page between runs
  window.__narrowLegend = true;
  const NARROW = %(narrow)d, ABOVE = %(above)s, KEYS = Object.keys(ABOVE);
  const isNarrow = () => window.innerWidth < NARROW;
  const legend = (gd, fl) => {
    if (!fl.showlegend) return null;
    const lg = gd.layout.legend || {};
    const moved = KEYS.every(k => (lg[k.slice(7)] ?? null) === ABOVE[k]);
    if (isNarrow() && !moved && (fl.legend || {}).orientation === 'v' && (fl.legend.x ?? 1) >= 1) {
      gd.__wideLegend = Object.fromEntries(KEYS.map(k => [k, lg[k.slice(7)] ?? null]));
      return ABOVE;
    }
    return !isNarrow() && moved && gd.__wideLegend ? gd.__wideLegend : null;
  };
  // two lines of about equal length, broken between words (Plotly's line break spelled so that no HTML
  // reader of this script sees a tag in it)
  const BR = '\\x3cbr>';
  const twoLines = text => {
    const words = text.split(' ');
    let best = null;
    for (let i = 1; i < words.length; i++) {
      const a = words.slice(0, i).join(' '), b = words.slice(i).join(' ');
      const longer = Math.max(a.length, b.length);
      if (!best || longer < best[0]) best = [longer, a + BR + b];
    }
    return best && best[1];
  };
  const titles = (gd, fl) => {
    if (!isNarrow()) {
      const back = gd.__wideTitles;
      gd.__wideTitles = null;
      return back;
    }
    const svg = gd.querySelector('.main-svg');
    if (!svg) return null;
    const box = svg.getBoundingClientRect(), update = {};
    for (const k of Object.keys(fl).filter(k => /^[xy]axis\\d*$/.test(k))) {
      const text = (fl[k].title || {}).text, el = gd.querySelector(`.g-${k.replace('axis', '')}title text`);
      if (!text || !el || text.includes(BR) || !text.includes(' ')) continue;
      const r = el.getBoundingClientRect();
      if (!r.width || (r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1
                       && r.bottom <= box.bottom + 1)) continue;
      gd.__wideTitles = {...(gd.__wideTitles || {}), [`${k}.title.text`]: text};
      update[`${k}.title.text`] = twoLines(text);
    }
    return Object.keys(update).length ? update : null;
  };
  const fix = gd => {
    const P = window.Plotly, fl = gd._fullLayout;
    if (!P || !fl || gd.__legendBusy) return;
    const update = {...(legend(gd, fl) || {}), ...(titles(gd, fl) || {})};
    if (!Object.keys(update).length) return;
    gd.__legendBusy = true;  // relayout draws again: its own afterplot must not start another
    P.relayout(gd, update).finally(() => { gd.__legendBusy = false; });
  };
  const watch = gd => {
    if (gd.__legendWatched || !gd.on) return;
    gd.__legendWatched = true;
    gd.on('plotly_afterplot', () => fix(gd));
    fix(gd);
  };
  let queued = false;  // the page's many mutations: one look for new charts a frame
  const all = () => {
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      document.querySelectorAll('.js-plotly-plot').forEach(watch);
    });
  };
  new MutationObserver(all).observe(document.body, {childList: true, subtree: true});
  window.addEventListener('resize', () => document.querySelectorAll('.js-plotly-plot').forEach(fix));
  all();
  // a page link in the sidebar (ui._nav_links) followed in a narrow window closes the sidebar that covers
  // the page, as Streamlit's own navigation did on a phone (after the link's own handler: bubbling)
  document.addEventListener('click', e => {
    if (!isNarrow() || !(e.target instanceof Element) || !e.target.closest('.st-key-app_nav a')) return;
    setTimeout(() => {
      const close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }, 0);
  });
})();"""


@functools.cache  # the same text on every run of every session
def script() -> str:
    """The script's text (pure; tested)."""
    return _SCRIPT % {"narrow": NARROW_PX, "above": json.dumps(ABOVE)}


def install() -> None:
    """The script on the page, in an element that takes no room (ui/loading.py's style rules hide it)."""
    st.html(f"<script>{script()}</script>", unsafe_allow_javascript=True)


# Whether the window is narrow, told to the server: a chart whose layout Plotly cannot move after drawing
# is built for it. QA round fifteen: at 390 px the colour bars beside the world map, the US states and the
# skill pairs kept about 80 px of a 358-px chart; moving a trace's colour bar by relayout in the browser
# left the vertical bar's ticks and margin behind (QA round fourteen), so the server builds those figures
# with a horizontal colour bar in a narrow window (analytics.figures.theme.colorbar_across). A component
# reports the width class when mounted and when the window crosses NARROW_PX; a wide window (the default)
# sends nothing, so a desktop view costs no extra run, and a phone's none either: the answer is kept in a
# cookie (``told``) that the page's head writes before the first run too (``head_script``, served by
# ui.serve; under a plain ``streamlit run`` a browser's first view runs twice).
PROBE_KEY = "narrow_view"
_PROBE_JS = """export default function({ data, setStateValue }) {
  const report = () => {
    const narrow = window.innerWidth < data.px;
    // kept for the browser's next session (a link opened in a new tab): its first run knows the width
    document.cookie = `${data.cookie}=${narrow ? 1 : 0}; path=/; max-age=31536000; SameSite=Lax`;
    if (narrow !== data.narrow) setStateValue('narrow', narrow);
  };
  report();
  window.addEventListener('resize', report);
  return () => window.removeEventListener('resize', report);
}"""


@functools.cache  # registered once per process
def _probe():  # type: ignore[no-untyped-def]
    return st.components.v2.component(PROBE_KEY, js=_PROBE_JS)


COOKIE = "narrow_view"  # the probe's last answer in this browser: "1" narrow, "0" wide


@functools.cache
def head_script() -> str:
    """The cookie the probe writes, written from the page's head before Streamlit's code opens the
    websocket (ui.serve.static_dir puts it there), so even a browser's first session starts knowing its
    width: its first run reads the cookie (``told``) and the probe, agreeing, asks for no second run.
    Why: a browser's first view at 390 px ran twice (QA rounds twenty-six and twenty-seven). Pure."""
    return (f"document.cookie = '{COOKIE}=' + (window.innerWidth < {NARROW_PX} ? 1 : 0) + "
            "'; path=/; max-age=31536000; SameSite=Lax';")


def told() -> bool:
    """Whether this browser's probe last said its window is narrow (its cookie; False when it never said).
    Why: every session's first run took the window for wide, so at 390 px every link opened - a shared
    address, a new tab - ran twice, the probe's answer rerunning it (QA round twenty-six: two runs per link
    at 390 px, one at 1,280). A session's first run now reads the answer its browser last gave."""
    try:
        return st.context.cookies.get(COOKIE) == "1"
    except Exception:  # no browser behind the run (AppTest, the warm-up runs): wide, as before
        return False


NOW_KEY = "narrow_window"  # the run's answer (session state), for the charts' figures (ui.chart.page_header)


def probe() -> bool:
    """Mount the width probe (in an element ui/loading.py's style rules hide) and keep whether the
    browser last said its window is narrower than NARROW_PX (False until it has said so) for ``now``."""
    state = st.session_state.get(PROBE_KEY)
    known = bool(state.get("narrow", False)) if isinstance(state, Mapping) else told()
    try:
        result = _probe()(key=PROBE_KEY, data={"px": NARROW_PX, "narrow": known, "cookie": COOKIE},
                          default={"narrow": known}, on_narrow_change=lambda: None, height=0)
        narrow = bool(getattr(result, "narrow", known))
    except RuntimeError:
        # a layout hint never costs the page: a component needs Streamlit's Runtime, which ten AppTest
        # sessions at once create and tear down under each other ("Runtime hasn't been created!")
        narrow = known
    st.session_state[NOW_KEY] = narrow
    return narrow


def now() -> bool:
    """Whether this run's window is narrow (``probe``; False where no probe ran: AppTest, the report)."""
    return bool(st.session_state.get(NOW_KEY, False))
