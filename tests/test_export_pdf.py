"""PDFs read back from their bytes: page count, images, the cover text and the SQL notes.

pypdf is not installed; fpdf2 writes plain (non-object-stream) PDFs, so pages, images and
annotations are counted from the object dictionaries, and page text is read by
inflating the content streams.
"""

from __future__ import annotations

import io
import re
import zlib
from pathlib import Path

import pytest
from export_charts import charts, needs_browser
from PIL import Image
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics.export import pdf
from analytics.export.meta import Section


@pytest.fixture
def wh(request: pytest.FixtureRequest) -> Path:
    """The tiny warehouse's path (the tiny_db fixture, asked for by name)."""
    return request.getfixturevalue("tiny_db")


def _pages(data: bytes) -> int:
    counted = len(re.findall(rb"/Type\s*/Page\b(?!s)", data))
    trees = [
        obj
        for obj in re.findall(rb"\d+ 0 obj(.*?)endobj", data, re.S)
        if re.search(rb"/Type\s*/Pages\b", obj)
    ]
    assert len(trees) == 1
    declared = re.search(rb"/Count\s+(\d+)", trees[0])
    assert declared is not None and int(declared.group(1)) == counted
    return counted


def _streams(data: bytes) -> list[bytes]:
    out = []
    for m in re.finditer(rb"stream\r?\n(.*?)\r?\nendstream", data, re.S):
        try:
            out.append(zlib.decompress(m.group(1)))
        except zlib.error:
            out.append(m.group(1))
    return out


@needs_browser
def test_page_pdf_has_a_cover_and_a_page_per_chart(wh: Path) -> None:
    cover, items = charts(wh)
    data = pdf.page_pdf(cover, items)
    assert data.startswith(b"%PDF-")
    assert _pages(data) == 1 + len(items) == pdf.expected_pages([Section(cover.title, tuple(items))])
    drawn = sum(c.figure is not None for c in items)
    assert len(re.findall(rb"/Subtype\s*/Image", data)) == drawn
    notes = re.findall(rb"/Subtype\s*/Text\b", data)
    assert len(notes) == sum(bool(c.meta.sql) for c in items)  # the SQL as a note on each chart page
    for chart in items:  # the note holds the exact SQL (a PDF literal string: parentheses escaped)
        escaped = chart.meta.sql.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        assert escaped.encode() in data
    assert cover.title.encode() in data  # document title in the info dictionary


@needs_browser
def test_dashboard_pdf_adds_a_title_page_per_section(wh: Path) -> None:
    cover, items = charts(wh)
    sections = [Section("Skills", tuple(items[:1])), Section("More", tuple(items[1:]))]
    data = pdf.build(cover, sections)
    assert _pages(data) == 1 + 2 + len(items) == pdf.expected_pages(sections)
    assert len(_streams(data)) > len(items)


def _page_texts(data: bytes) -> list[str]:
    """Each content stream's shown text (Helvetica: latin-1 literal strings), joined by blanks."""
    out = []
    for stream in _streams(data):
        shown = [re.sub(rb"\\(.)", rb"\1", m.group(1)).decode("latin-1")
                 for m in re.finditer(rb"\(((?:\\.|[^\\)])*)\)\s*Tj", stream, re.S)]
        out.append(" ".join(" ".join(shown).split()))
    return out


def test_a_pdf_page_states_its_caption_once_as_text_not_again_inside_the_picture(
        wh: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Real-data QA: each chart page printed the filters / as-of caption twice, in the image's caption band
    and as the page's text below it. The page text is kept (selectable, searchable, read aloud); the
    picture goes without (what goes into the picture is read where it is rendered: no browser needed)."""
    from analytics.export import images

    drawn: list[dict] = []

    def render(spec: dict, fmt: str, w: int, h: int, scale: float) -> bytes:
        drawn.append(spec)
        out = io.BytesIO()
        Image.new("RGB", (int(w * scale), int(h * scale)), "white").save(out, "PNG")
        return out.getvalue()

    monkeypatch.setattr(images, "render", render)
    monkeypatch.setattr(pdf, "FONT_DIRS", ())  # Helvetica: the page text is plain literal strings
    cover, items = charts(wh)
    texts = _page_texts(pdf.page_pdf(cover, items))
    pictured = [c for c in items if c.figure is not None]
    assert len(drawn) == len(pictured) == 2
    for chart, spec in zip(pictured, drawn):
        caption = " ".join(pdf._Doc().text(images.caption_for(chart.meta, chart.figure)).split())
        page = next(t for t in texts if t.startswith(chart.meta.title))  # the chart's page: its title first
        assert page.count(caption) == 1, caption  # once, as the page's text
        in_picture = " ".join(str(a.get("text", "")) for a in spec["layout"].get("annotations", ()))
        assert "Data as of" not in in_picture and "Filters" not in in_picture
