"""Charts as a PowerPoint deck: a title slide, then one slide per chart with its caption.

Why: HR leaders present in PowerPoint. A deck made from the page saves them screenshots
and keeps the evidence with each chart: the picture carries its caption (filters, n,
as-of date, sources), the slide repeats it as editable text, and the speaker notes hold
the SQL and its parameters, so an analyst can answer "where does this number come from".
A whole-dashboard deck adds a section title slide before each page's charts.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from pptx import Presentation
from pptx.presentation import Presentation as Deck
from pptx.util import Emu, Inches, Pt

from analytics.export import images
from analytics.export.meta import ChartExport, Cover, Section

SLIDE_W, SLIDE_H = Inches(13.333), Inches(7.5)  # 16:9
MARGIN = Inches(0.5)
TITLE_H = Inches(0.9)
CAPTION_H = Inches(0.7)  # the least a caption's box takes
CAPTION_PT, CAPTION_MIN_PT = 11, 8  # a caption's size, and the least it shrinks to when long
CAPTION_MAX_H = Inches(1.6)  # taller at CAPTION_PT: drawn smaller (never below CAPTION_MIN_PT)
EM_PER_CHAR = 0.55  # a character's width in ems, counted wide (Calibri's and Carlito's average is about 0.48)
INSET_W, INSET_H = Inches(0.1), Inches(0.05)  # a text box's default insets (left/right, top/bottom)
LAYOUT_TITLE, LAYOUT_SECTION, LAYOUT_TITLE_ONLY = 0, 2, 5  # of python-pptx's default template
NO_DATA = images.NO_DATA
Png = images.Png
_png = images.chart_png
_picture = images.picture
_t = images.scrub_label  # python-pptx refuses text with characters XML forbids (data labels may hold them)


def _widen(slide: object) -> None:
    """Stretch the template's 4:3 placeholders across the 16:9 slide.

    A placeholder inherits its position from the layout until one coordinate is set; setting only
    left and width wrote top = height = 0 (the title squashed onto the top edge). So all four are
    written, top and height as inherited."""
    for shape in slide.placeholders:  # type: ignore[attr-defined]
        top, height = shape.top, shape.height
        shape.left, shape.top, shape.width, shape.height = MARGIN, top, SLIDE_W - 2 * MARGIN, height


def _cover(prs: Deck, cover: Cover) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE])
    _widen(slide)
    slide.shapes.title.text = _t(cover.title)
    body = slide.placeholders[1].text_frame
    body.word_wrap = True
    for i, line in enumerate(cover.lines()):
        para = body.paragraphs[0] if i == 0 else body.add_paragraph()
        para.text = _t(line)
        para.font.size = Pt(16)


def _section(prs: Deck, title: str, count: int) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_SECTION])
    _widen(slide)
    slide.shapes.title.text = _t(title)
    if len(slide.placeholders) > 1:
        slide.placeholders[1].text = f"{count} chart{'s' if count != 1 else ''}"


def _notes(chart: ChartExport) -> str:
    m = chart.meta
    parts = [f"{m.title}", images.still_words(m.caption), ""]  # a slide has no hover (QA round 23)
    if m.query_name:
        parts.append(f"Query: {m.query_name}")
    parts.append("SQL:")
    parts.append(m.sql or "(none)")
    if m.params_text:
        parts += ["", "Parameters:", m.params_text]
    return "\n".join(parts)


def caption_height(text: str, width: int, size_pt: float) -> int:
    """The height (EMU) a caption of ``text`` needs in a box ``width`` wide at ``size_pt``: its lines
    counted at EM_PER_CHAR a character (wide, so word wrapping's waste fits), 1.2 lines a point size, the
    insets. Pure."""
    per_line = max(1, int((width - 2 * INSET_W) / Pt(1) / (EM_PER_CHAR * size_pt)))
    lines = sum(max(1, -(-len(part) // per_line)) for part in text.split("\n"))
    return int(lines * Pt(size_pt * 1.2) + 2 * INSET_H)


def caption_fit(text: str, width: int) -> tuple[int, float]:
    """A slide caption's box height (EMU, at least CAPTION_H) and point size: CAPTION_PT where its lines
    fit CAPTION_MAX_H, else the largest size down to CAPTION_MIN_PT that fits, else CAPTION_MIN_PT in a box as
    tall as its lines. QA round twenty-nine: a five-line caption ran past the slide's bottom from a fixed
    0.7-inch box, cut mid-sentence. Pure."""
    for size in range(CAPTION_PT, CAPTION_MIN_PT - 1, -1):
        height = caption_height(text, width, size)
        if height <= CAPTION_MAX_H or size == CAPTION_MIN_PT:
            return max(int(CAPTION_H), height), float(size)
    raise AssertionError("unreachable")  # pragma: no cover


TABLE_PT = 14  # a table slide's cells
TABLE_ROW_H = Inches(0.45)
# of the box: figure, value, n, change, note (a headline table's five columns)
TABLE_WIDTHS = (0.16, 0.14, 0.08, 0.28, 0.34)


def _table(slide: object, table: Any, top: int, width: int, height: int) -> None:
    """``table`` (columns, rows, notes: analytics.figures.overview.Headline) as a slide table at ``top``, its
    notes in a text box under it, as the page's caption under its figures."""
    rows, cols = len(table.rows) + 1, len(table.columns)
    shape = slide.shapes.add_table(rows, cols, MARGIN, top, width,  # type: ignore[attr-defined]
                                   Emu(int(TABLE_ROW_H * rows)))
    grid = shape.table
    widths = TABLE_WIDTHS if cols == len(TABLE_WIDTHS) else (1 / cols,) * cols
    for j, share in enumerate(widths):
        grid.columns[j].width = Emu(int(width * share))
    for i, values in enumerate((table.columns, *table.rows)):
        for j, value in enumerate(values):
            cell = grid.cell(i, j)
            cell.text = _t(str(value))
            for para in cell.text_frame.paragraphs:
                para.font.size = Pt(TABLE_PT if j < 3 else TABLE_PT - 2)
    if table.notes:
        below = top + int(TABLE_ROW_H * rows) + Inches(0.15)
        words = _t(" ".join(table.notes))
        box_h, size = caption_fit(words, width)
        room = max(int(Inches(0.5)), top + height - below)
        box = slide.shapes.add_textbox(MARGIN, below, width,  # type: ignore[attr-defined]
                                       Emu(min(box_h, room))).text_frame
        box.word_wrap = True
        box.text = words
        for para in box.paragraphs:
            para.font.size = Pt(size)


def _chart(prs: Deck, chart: ChartExport, png: Png) -> None:
    slide = prs.slides.add_slide(prs.slide_layouts[LAYOUT_TITLE_ONLY])
    title = slide.shapes.title
    title.left, title.top, title.width, title.height = MARGIN, Inches(0.25), SLIDE_W - 2 * MARGIN, TITLE_H
    title.text = _t(chart.meta.title)
    title.text_frame.paragraphs[0].font.size = Pt(28)
    top = Inches(0.25) + TITLE_H
    box_w = SLIDE_W - 2 * MARGIN
    words = _t(images.still_words(chart.meta.caption))
    caption_h, caption_pt = caption_fit(words, box_w)
    box_h = SLIDE_H - top - caption_h - Inches(0.2)
    data, why = _picture(chart, png) if chart.figure is not None else (None, chart.empty or NO_DATA)
    if data is not None:
        w_px, h_px = images.png_size(data)
        ratio = min(box_w / w_px, box_h / h_px)
        pic_w, pic_h = Emu(int(w_px * ratio)), Emu(int(h_px * ratio))
        slide.shapes.add_picture(io.BytesIO(data), Emu(int(MARGIN + (box_w - pic_w) / 2)), top, pic_w, pic_h)
    elif chart.table is not None:  # a table item's slide: its rows, then its notes (lead ruling 1 on hqa39)
        _table(slide, chart.table, top, box_w, box_h)
    else:
        empty = slide.shapes.add_textbox(MARGIN, top, box_w, Inches(1)).text_frame
        empty.word_wrap = True
        empty.text = _t(why)
        empty.paragraphs[0].font.size = Pt(18)
    caption = slide.shapes.add_textbox(MARGIN, SLIDE_H - caption_h - Inches(0.1), box_w, caption_h).text_frame
    caption.word_wrap = True
    caption.text = words
    for para in caption.paragraphs:
        para.font.size = Pt(caption_pt)
    slide.notes_slide.notes_text_frame.text = _t(_notes(chart))


def build(cover: Cover, sections: Sequence[Section], *, png: Png = _png) -> bytes:
    """A .pptx: the cover, then per section (a title slide when there are several) one slide per chart.

    Raises ExportUnavailable (from the image renderer) when chart pictures cannot be drawn.
    """
    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    _cover(prs, cover)
    for section in sections:
        if len(sections) > 1:
            _section(prs, section.title, len(section.charts))
        for chart in section.charts:
            _chart(prs, chart, png)
    buf = io.BytesIO()
    prs.save(buf)
    return buf.getvalue()


def page_deck(cover: Cover, charts: Sequence[ChartExport]) -> bytes:
    """One page's charts as a deck (no section slides)."""
    return build(cover, [Section(cover.title, tuple(charts))])
