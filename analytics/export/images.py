"""A chart as PNG (twice the screen scale), SVG and self-contained interactive HTML.

Why: a chart pasted into a board paper must carry what it shows. ``prepare`` makes the
export copy of a figure: white background (the app's is transparent), the title, and a
caption band under the plot with the filters, n, the data's as-of date and sources, so
the caption travels inside the image itself. The HTML embeds plotly.js (no CDN: the
reader may be offline) and repeats the caption, the metadata and the SQL as text.

Labels come from the data (a source name is whatever a loaded file said). Chromium draws a
PNG from the chart's SVG, which must be valid XML, so a character XML forbids (most C0
controls, U+FFFE/U+FFFF, lone surrogates) in any label made the image fail. ``for_image``
shows each such character as a visible stand-in (the Unicode "control picture" ␇ for BEL),
so labels that differ only there stay apart.
"""

from __future__ import annotations

import functools
import html
import json
import math
import re
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio

from analytics.export.meta import ChartExport, ExportMeta
from analytics.export.render import (
    TOPOJSON,
    ExportUnavailable,
    browser_available,
    render,
    unavailable_message,
)
from analytics.figures import theme

__all__ = ["SCALE", "ExportUnavailable", "browser_available", "figure_size", "for_image", "png_size",
           "prepare", "scrub_label", "to_html", "to_png", "to_svg", "unavailable_message"]

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
SCALE = 2  # PNG pixels per layout pixel: sharp on high-density screens and in slides
DEFAULT_WIDTH = 1000
DEFAULT_HEIGHT = 450
CAPTION_FONT = 12
LINE_PX = 16  # caption line height at CAPTION_FONT
AXIS_BAND = 70  # room under the plot for one line of tick labels and the x-axis title
# Room for slanted category names, estimated here because the caption needs a fixed place under them.
# A character of the tick font is taken a little wider than the fallback sans-serif draws it (about
# 0.46 em measured in Chromium), so an estimate errs towards white space, never towards an overlap.
TICK_CHAR_PX = theme.FONT_SIZE * 0.55
FLAT_CHAR_PX = theme.FONT_SIZE * 0.47  # about as drawn (0.46 em), to decide whether the names fit flat
TICK_LINE_PX = theme.FONT_SIZE * 1.4
SLANT = 30  # Plotly's own first angle for labels that do not fit flat (autotickangles [0, 30, 90])
_DATE = re.compile(r"^\d{4}-\d{2}(-\d{2})?([ T].*)?$")
TITLE_BAND = 60
AXIS_CHAR_PX = theme.AXIS_TITLE_SIZE * 0.55  # an axis title's character, taken a little wide (about 0.51 em)
LEGEND_PX = 120  # a legend beside the plot: about the width of four short trace names


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _stand_in(m: re.Match[str]) -> str:
    c = ord(m.group())
    return chr(0x2400 + c) if c < 0x20 else "\ufffd"  # ␀..␟ (Control Pictures), else �


def scrub_label(text: str) -> str:
    """``text`` with every character XML forbids replaced by a visible stand-in."""
    return _NOT_XML.sub(_stand_in, text)


def for_image(obj: Any) -> Any:
    """A figure dict (or any part of one) with every string passed through :func:`scrub_label`."""
    if isinstance(obj, str):
        return scrub_label(obj)
    if isinstance(obj, dict):
        return {k: for_image(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return type(obj)(for_image(v) for v in obj)
    if isinstance(obj, np.ndarray) and obj.dtype.kind in "OU":
        return np.array([for_image(v) for v in obj.ravel().tolist()], dtype=object).reshape(obj.shape)
    return obj


def _wrap(text: str, width_px: int) -> list[str]:
    chars = max(40, int(width_px / (CAPTION_FONT * 0.55)))
    return textwrap.wrap(text, chars) or [""]


def _two_lines(text: str) -> str:
    """``text`` on two lines of about equal length, broken between words (Plotly's ``<br>``)."""
    words = text.split(" ")
    if len(words) < 2:
        return text
    cut = min(range(1, len(words)), key=lambda i: abs(len(" ".join(words[:i])) - len(" ".join(words[i:]))))
    return " ".join(words[:cut]) + "<br>" + " ".join(words[cut:])


def _label_px(fig: go.Figure) -> int:
    """Estimated width of the longest category label on a vertical axis (horizontal bars)."""
    longest = 0
    for trace in fig.data:
        if getattr(trace, "orientation", None) == "h" and getattr(trace, "y", None) is not None:
            longest = max([longest, *(len(str(v)) for v in trace.y)])
    return 20 + longest * 7 if longest else 0


def _x_categories(fig: go.Figure) -> list[str]:
    """The category names on the x axis (vertical bars and the like), in order; [] for numbers and dates."""
    if fig.layout.xaxis.type not in (None, "category", "-"):
        return []
    out: dict[str, None] = {}
    for trace in fig.data:
        x = getattr(trace, "x", None)
        if getattr(trace, "orientation", None) == "h" or x is None:
            continue
        values = list(x)
        if not values or not all(isinstance(v, str) for v in values) or all(_DATE.match(v) for v in values):
            continue
        out.update(dict.fromkeys(values))
    return list(out)


def _x_labels(fig: go.Figure, plot_w: int) -> tuple[int | None, int]:
    """(the tick angle to draw the x category names at - None without names; the px they need below the
    plot). The angle is chosen here, as Plotly would, and set on the export, so that the room reserved is
    the room drawn (Plotly picks it in the browser, after the margins are fixed)."""
    names = _x_categories(fig)
    if not names:
        return None, int(TICK_LINE_PX)
    chars = [max(len(line) for line in re.split(r"<br\s*/?>", name)) for name in names]
    longest = max(chars) * TICK_CHAR_PX
    lines = max(len(re.split(r"<br\s*/?>", name)) for name in names) * TICK_LINE_PX
    per = plot_w / len(names)
    angle = fig.layout.xaxis.tickangle
    if angle is None or angle == "auto":
        # flat when no two neighbours' names meet (Plotly's test); a name may be wider than its slot
        if all((a + b) / 2 * FLAT_CHAR_PX + 4 <= per for a, b in zip(chars, chars[1:] or chars)):
            return 0, int(lines)
        # slanted labels stand one line apart across the slant; too close, Plotly stands them upright
        angle = SLANT if per * math.sin(math.radians(SLANT)) >= lines else 90
    a = math.radians(abs(float(angle)))
    return int(angle), math.ceil(longest * math.sin(a) + lines * math.cos(a))


def _entities(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# The app's words for what its hover shows, and what a picture, a slide or a page says instead: it has no
# hover, and the data files hold each point's n and skill (QA round twenty-three: a trend PNG said "n on
# hover" and "each such point's hover names the skills on it" over points lying under one another)
_HOVER_WORDS = ((re.compile(r"\bn (?:shown )?on hover"), "n in the data files"),
                (re.compile(r"each such point's hover names the skills on it"),
                 "the data files name the skills on it"))


def still_words(text: str) -> str:
    """``text`` (a caption, a legend entry) for a still image: the hover's words sent to the data files."""
    for pattern, words in _HOVER_WORDS:
        text = pattern.sub(words, text)
    return text


def caption_for(meta: ExportMeta, fig: go.Figure, *, static: bool = True) -> str:
    """The caption under an exported image: the metadata's, and what the small-sample marks mean when the
    figure carries them and the metadata's small-sample note (which says it) is absent. ``static`` (a PNG,
    SVG, slide or PDF page, not the interactive HTML): the hover's words sent to the data files
    (still_words)."""
    from analytics.figures import theme

    legend = theme.has_small_marks(fig) and not meta.small_note
    text = meta.caption + (f" · {theme.SMALL_LEGEND}" if legend else "")
    return still_words(text) if static else text


def prepare(fig: go.Figure, meta: ExportMeta, *, width: int | None = None, title: bool = True,
            caption: bool = True, static: bool = True) -> go.Figure:
    """The export copy of ``fig``: explicit size, white background, title and caption band.

    The returned figure's layout.width/height are the image size in layout pixels; a PNG
    is SCALE times that. ``title=False`` leaves the title out (a slide or PDF page shows
    it as text above the picture); ``caption=False`` the caption band (a PDF page states it as text
    below); ``static`` False (the interactive HTML) keeps the legend's words for the hover (still_words).
    The app's figure is not changed.
    """
    out = go.Figure(fig)
    if static:
        for trace in out.data:
            if isinstance(trace.name, str):
                trace.name = still_words(trace.name)
    w = int(width or out.layout.width or DEFAULT_WIDTH)
    plot_h = int(out.layout.height or DEFAULT_HEIGHT)
    margin = out.layout.margin
    left = max(int(margin.l or 0), 60, _label_px(out))  # room for category labels: no automargin shift
    # a value axis's title taller than the plot ("Median salary (USD per year); bars: 25th-75th percentile"
    # beside a 380-px plot) ran up into the chart's title, or off a slide's picture (QA round twenty-five):
    # two lines there, as the app draws it at a phone's width (ui.narrow), the margin one line wider
    y_title = out.layout.yaxis.title.text
    if y_title and "<br>" not in y_title and len(y_title) * AXIS_CHAR_PX > plot_h - AXIS_BAND:
        out.update_yaxes(title_text=_two_lines(y_title))
        left += int(theme.AXIS_TITLE_SIZE * 1.3)
    right = max(int(margin.r or 0), 30)
    lines = _wrap(caption_for(meta, fig, static=static), w - 28 - right) if caption else []
    caption_px = LINE_PX * len(lines) + 16 if lines else 0
    # Long category names under the plot (countries, regions): their own room, worked out from their length
    # and angle, between the plot and the caption. Plotly's automargin makes the room too, but after the
    # caption was placed and out of the plot's height, so names ran over the caption and squeezed the plot.
    # An estimate that left the angle to Plotly reserved 30 degrees' room where Plotly stood the names
    # upright (34 one-colour country names), so the angle is set here as well.
    angle, names_px = _x_labels(out, w - left - right - (LEGEND_PX if _has_legend(out) else 0))
    title_px = int(theme.AXIS_TITLE_SIZE * 1.4) + theme.X_TITLE_STANDOFF if out.layout.xaxis.title.text else 0
    band = max(AXIS_BAND, 8 + names_px + title_px + 8)  # pad, names, standoff and title, a gap
    if angle is not None:
        out.update_xaxes(tickangle=angle)
    bottom = band + caption_px
    top = TITLE_BAND if title else 30
    height = plot_h + top + caption_px + band - AXIS_BAND  # the plot keeps its height over a wider band
    inner = height - top - bottom  # the plot area's height when nothing needs more margin
    text = (out.layout.title.text or meta.title) if title else ""
    out.update_layout(
        # the app's own light template (analytics.figures.theme), on white: one look in the app and on paper
        width=w, height=height, template=theme.TEMPLATE,
        paper_bgcolor="white", plot_bgcolor="white", font={"color": theme.LIGHT.text},
        title={"text": _entities(text), "x": 0.01, "xanchor": "left", "y": 1 - 18 / height,
               "yanchor": "top", "font": {"size": 18}},
        margin={"l": left, "r": right, "t": top, "b": bottom},
    )
    if not lines:
        return out
    out.add_annotation(
        text="<br>".join(_entities(line) for line in lines), showarrow=False, align="left",
        xref="paper", yref="paper", x=-(left - 14) / max(1, w - left - right), xanchor="left",
        y=-(bottom - 8) / max(1, inner), yanchor="bottom",
        font={"size": CAPTION_FONT, "color": "#555"},
    )
    return out


def _has_legend(fig: go.Figure) -> bool:
    if fig.layout.showlegend is False:
        return False
    shown = [t for t in fig.data if t.showlegend is not False]
    return len(shown) > 1 or any(t.showlegend for t in fig.data)


def _size(fig: go.Figure) -> tuple[int, int]:
    return int(fig.layout.width), int(fig.layout.height)


def to_png(fig: go.Figure, meta: ExportMeta, *, title: bool = True, caption: bool = True) -> bytes:
    """PNG bytes at SCALE x the prepared figure's size. Raises ExportUnavailable without a browser."""
    out = prepare(fig, meta, title=title, caption=caption)
    w, h = _size(out)
    return render(for_image(out.to_dict()), "png", w, h, SCALE)


def to_svg(fig: go.Figure, meta: ExportMeta) -> bytes:
    """SVG bytes (text stays text: the title and caption are searchable and editable)."""
    out = prepare(fig, meta)
    w, h = _size(out)
    return render(for_image(out.to_dict()), "svg", w, h, 1)


def to_html(fig: go.Figure, meta: ExportMeta, *, plotlyjs: bool | str = True) -> bytes:
    """A self-contained interactive page: the chart with plotly.js inlined, the caption and the SQL.

    Needs no browser on the server and no internet for the reader. ``plotlyjs`` may be a
    relative path ending in .js instead (the zip ships plotly.min.js once, beside the pages).
    """
    # the page's heading and caption say what the figure shows, as text that wraps at any width: inside the
    # figure too, the title stood twice and the caption band, placed for a fixed width the responsive figure
    # does not keep, ran off the window's left edge ("ers: all dates ...", QA round twenty-one)
    out = prepare(fig, meta, title=False, caption=False, static=False)
    out.update_layout(width=None, autosize=True)  # the page sets the width
    # its hovers as the app's: "1 posting", not "1 postings" (theme.singular_hovers, as ui.chart.drawn). No
    # camera button: its image would carry neither title nor caption (the app's PNG download carries both)
    div = pio.to_html(theme.singular_hovers(out.to_dict()), include_plotlyjs=plotlyjs, full_html=False,
                      config={"displaylogo": False, "responsive": True,
                              "modeBarButtonsToRemove": ["toImage"]})
    if _has_map(out):
        div = _map_outlines() + div
    rows = "\n".join(f"<dt>{html.escape(k)}</dt><dd>{html.escape(v)}</dd>"
                     for k, v in meta.rows() if k not in {"SQL", "Parameters"})
    sql = ""
    if meta.sql:
        sql = (f"<details><summary>SQL</summary><pre>{html.escape(meta.sql)}</pre>"
               f"<pre>{html.escape(meta.params_text)}</pre></details>")
    page = f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{html.escape(meta.title)}</title>
<style>
body {{ font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 24px; color: #262730; }}
.caption {{ color: #555; }}
dl {{ display: grid; grid-template-columns: max-content 1fr; gap: 4px 16px; }}
dt {{ font-weight: 600; }} dd {{ margin: 0; }}
pre {{ background: #f6f6f6; padding: 8px; overflow-x: auto; }}
</style>
</head>
<body>
<h1>{html.escape(meta.title)}</h1>
<p class="caption">{html.escape(caption_for(meta, fig, static=False))}</p>
{div}
<h2>About this data</h2>
<dl>
{rows}
</dl>
{sql}
</body>
</html>
"""
    return page.encode("utf-8")


def _has_map(fig: go.Figure) -> bool:
    return any(t.type in ("choropleth", "scattergeo") for t in fig.data)


@functools.cache
def _map_outlines() -> str:
    """A script handing plotly.js the vendored map outlines (static/topojson) before the chart is drawn:
    plotly.js looks in ``window.PlotlyGeoAssets`` first and otherwise fetches them from cdn.plot.ly, so
    without this an exported map drew no countries offline. Both files (about 190 kB) for any map."""
    parts = []
    for f in sorted(TOPOJSON.glob("*.json")):
        outline = f.read_text(encoding="utf-8").replace("</", "<\\/")  # never ends the script element
        parts.append(f"a.topojson[{json.dumps(f.stem)}] = {outline};")
    return ("<script>(function () {\n"
            "var a = window.PlotlyGeoAssets = window.PlotlyGeoAssets || {topojson: {}};"
            "\na.topojson = a.topojson || {};\n" + "\n".join(parts) + "\n})();</script>\n")


def figure_size(fig: go.Figure, meta: ExportMeta, *, title: bool = True, caption: bool = True
                ) -> tuple[int, int]:
    """The PNG pixel size ``to_png`` produces for ``fig`` (for tests and the layout of slides)."""
    w, h = _size(prepare(fig, meta, title=title, caption=caption))
    return w * SCALE, h * SCALE


def png_size(data: bytes) -> tuple[int, int]:
    """(width, height) from PNG bytes (IHDR), checking the signature."""
    if data[:8] != PNG_SIGNATURE or data[12:16] != b"IHDR":
        raise ValueError("not a PNG")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


# --- shared by deck.py and pdf.py: one picture per chart slide/page -------------------------------
# true whether the filters select no posting or only postings without what the chart counts (a salary filter
# selecting 38 postings, none with a salary, read "no postings match" beside slides counting them)
NO_DATA = ("Nothing to draw: no posting these filters select has what this chart counts (a salary, a place, "
           "a date ...), or fewer than 30 postings stand behind every figure.")


Png = Callable[["ChartExport"], bytes]


def chart_png(chart: ChartExport) -> bytes:
    """The PNG of a chart for a slide (the slide carries the title itself; the picture keeps its caption, so
    it still says what it shows when copied out of the deck)."""
    return to_png(chart.figure, chart.meta, title=False)


def page_png(chart: ChartExport) -> bytes:
    """The PNG of a chart for a PDF page: without title and caption, both the page's text (a page printed
    the caption twice, once in the picture; the text one is selectable, searchable and read aloud)."""
    return to_png(chart.figure, chart.meta, title=False, caption=False)


def picture(chart: ChartExport, png: Png) -> tuple[bytes | None, str]:
    """(PNG bytes, "") or (None, why) when this one image failed but the browser works (e.g. a map
    whose topojson cannot be fetched offline); without a browser the whole export fails."""
    try:
        return png(chart), ""
    except ExportUnavailable as exc:
        if not browser_available():
            raise
        return None, f"The chart image could not be drawn: {exc}"
