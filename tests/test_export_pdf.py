"""PDFs read back from their bytes: page count, images, the cover text and the SQL notes.

pypdf is not installed; fpdf2 writes plain (non-object-stream) PDFs, so pages, images and
annotations are counted from the object dictionaries, and page text is read by
inflating the content streams.
"""

from __future__ import annotations

import re
import zlib
from pathlib import Path

import pytest
from export_charts import charts, needs_browser
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
