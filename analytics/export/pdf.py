"""Charts as a PDF: a title page, then one landscape page per chart with its caption.

Why: a PDF is what gets attached to an e-mail or printed for a meeting. It has the same
content as the deck (analytics.export.deck): the cover facts, each chart as a picture
with its caption (here as the page's text only, not again inside the picture), and the SQL
- here as a PDF text note on the page (the icon at the top right), the PDF counterpart of
slide notes, so the page count stays 1 + charts (+ one title page per section in a whole-dashboard PDF).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from fpdf import FPDF

from analytics.export import images
from analytics.export.meta import ChartExport, Cover, Section

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))
MARGIN = 12.0  # mm
NO_DATA = images.NO_DATA
Png = images.Png
_png = images.page_png  # no caption band: the page states the caption as text, once
_picture = images.picture


class _Doc:
    """An FPDF document with a Unicode font when one is installed (else Helvetica, Latin-1 only)."""

    def __init__(self) -> None:
        self.pdf = FPDF(orientation="L", unit="mm", format="A4")
        self.pdf.set_auto_page_break(False)
        self.pdf.set_margins(MARGIN, MARGIN, MARGIN)
        self.family = "helvetica"
        for folder in FONT_DIRS:
            regular, bold = folder / "DejaVuSans.ttf", folder / "DejaVuSans-Bold.ttf"
            if regular.is_file() and bold.is_file():
                self.pdf.add_font("DejaVu", "", str(regular))
                self.pdf.add_font("DejaVu", "B", str(bold))
                self.family = "DejaVu"
                break

    def text(self, value: str) -> str:
        value = images.scrub_label(value)  # a control character from the data: a visible stand-in
        if self.family == "DejaVu":
            return value
        plain = value.replace("…", "...").replace("≥", ">=").replace("→", "->")
        return plain.encode("latin-1", "replace").decode("latin-1")

    def heading(self, value: str, size: float) -> None:
        self.pdf.set_font(self.family, "B", size)
        self.pdf.multi_cell(0, size * 0.5, self.text(value), new_x="LMARGIN", new_y="NEXT")

    def para(self, value: str, size: float = 10, color: int = 60) -> None:
        self.pdf.set_font(self.family, "", size)
        self.pdf.set_text_color(color)
        self.pdf.multi_cell(0, size * 0.45, self.text(value), new_x="LMARGIN", new_y="NEXT")
        self.pdf.set_text_color(0)


def _cover(doc: _Doc, cover: Cover) -> None:
    doc.pdf.add_page()
    doc.pdf.set_y(55)
    doc.heading(cover.title, 28)
    doc.pdf.ln(6)
    for line in cover.lines():
        doc.para(line, 13)
        doc.pdf.ln(2)


def _section(doc: _Doc, title: str, count: int) -> None:
    doc.pdf.add_page()
    doc.pdf.set_y(80)
    doc.heading(title, 26)
    doc.para(f"{count} chart{'s' if count != 1 else ''}", 13)


def _notes(chart: ChartExport) -> str:
    m = chart.meta
    text = f"{m.query_name}\n\nSQL:\n{m.sql or '(none)'}"
    return text + (f"\n\nParameters:\n{m.params_text}" if m.params_text else "")


# of the page's width: figure, value, n, change, note (as the deck's)
TABLE_WIDTHS = (0.16, 0.14, 0.08, 0.28, 0.34)


def _table(doc: _Doc, table: Any) -> None:
    """``table`` (columns, rows, notes: analytics.figures.overview.Headline) as a PDF table, its notes under
    it."""
    pdf = doc.pdf
    widths = TABLE_WIDTHS if len(table.columns) == len(TABLE_WIDTHS) else (1 / len(table.columns),) * len(
        table.columns)
    pdf.set_font(doc.family, "", 11)
    with pdf.table(col_widths=tuple(int(w * 100) for w in widths), text_align="LEFT",
                   line_height=6) as grid:
        for values in (table.columns, *table.rows):
            row = grid.row()
            for value in values:
                row.cell(doc.text(str(value)))
    pdf.ln(3)
    if table.notes:
        doc.para(" ".join(table.notes), 10)


def _chart(doc: _Doc, chart: ChartExport, png: Png) -> None:
    pdf = doc.pdf
    pdf.add_page()
    doc.heading(chart.meta.title, 18)
    pdf.ln(2)
    top = pdf.get_y()
    caption_h = 18.0
    box_w = pdf.w - 2 * MARGIN
    box_h = pdf.h - top - MARGIN - caption_h
    data, why = _picture(chart, png) if chart.figure is not None else (None, chart.empty or NO_DATA)
    if data is not None:
        w_px, h_px = images.png_size(data)
        ratio = min(box_w / w_px, box_h / h_px)
        w, h = w_px * ratio, h_px * ratio
        pdf.image(io.BytesIO(data), x=MARGIN + (box_w - w) / 2, y=top, w=w, h=h)
        pdf.set_y(top + h + 3)
    elif chart.table is not None:  # a table item's page: its rows, then its notes (lead ruling 1 on hqa39)
        _table(doc, chart.table)
        pdf.set_y(max(pdf.get_y() + 3, pdf.h - MARGIN - caption_h))
    else:
        doc.para(why, 14, 0)
        pdf.set_y(pdf.h - MARGIN - caption_h)
    # with the small-sample legend the picture's caption band carried (images.caption_for)
    fig = chart.figure
    doc.para(images.caption_for(chart.meta, fig) if fig is not None
             else images.still_words(chart.meta.caption), 9)
    if chart.meta.sql:
        pdf.text_annotation(pdf.w - MARGIN - 6, MARGIN, doc.text(_notes(chart)), w=6, h=6)


def build(cover: Cover, sections: Sequence[Section], *, png: Png = _png) -> bytes:
    """PDF bytes: cover, then per section (a title page when there are several) a page per chart.

    Raises ExportUnavailable (from the image renderer) when chart pictures cannot be drawn.
    """
    doc = _Doc()
    doc.pdf.set_title(cover.title)
    doc.pdf.set_creator("analytics.export")
    _cover(doc, cover)
    for section in sections:
        if len(sections) > 1:
            _section(doc, section.title, len(section.charts))
        for chart in section.charts:
            _chart(doc, chart, png)
    return bytes(doc.pdf.output())


def page_pdf(cover: Cover, charts: Sequence[ChartExport]) -> bytes:
    return build(cover, [Section(cover.title, tuple(charts))])


def expected_pages(sections: Sequence[Section]) -> int:
    """1 (cover) + a section page each when there are several sections + one page per chart."""
    charts = sum(len(s.charts) for s in sections)
    return 1 + (len(sections) if len(sections) > 1 else 0) + charts
