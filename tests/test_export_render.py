"""Decks and PDFs rendered to pictures, as a reader sees them: LibreOffice turns the .pptx into a
PDF, pdftoppm turns every page into a PNG, and the pixels are checked - the title slide's title
sits below the top edge and apart from its subtitle lines, a chart slide carries a picture, and
no PDF page is blank. (Checking the XML alone let a title of zero height at the top edge pass.)
Needs Debian's libreoffice-impress-nogui and poppler-utils (installed by .ci/run) and Chromium for
the chart images; skips cleanly where they are missing.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import numpy as np
import pytest
from export_charts import needs_browser
from PIL import Image
from tiny_warehouse import build, tiny_db, tiny_db_session  # noqa: F401

from analytics.filters import Filters

pytestmark = needs_browser


def _tools() -> tuple[str, str]:
    soffice, pdftoppm = shutil.which("soffice"), shutil.which("pdftoppm")
    if not soffice or not pdftoppm:
        pytest.skip("LibreOffice (soffice) or pdftoppm is not installed")
    return soffice, pdftoppm


def _pages(pdf: Path, pdftoppm: str) -> list[Image.Image]:
    subprocess.run(
        [pdftoppm, "-r", "40", "-png", str(pdf), str(pdf.with_suffix(""))], check=True, timeout=300
    )
    return [Image.open(p).convert("L") for p in sorted(pdf.parent.glob(f"{pdf.stem}-*.png"))]


def _ink_rows(img: Image.Image, x0: float = 0.05, x1: float = 0.95) -> list[int]:
    """Rows (top to bottom) holding ink (text, grey included) between x0 and x1 of the width."""
    w, h = img.size
    ink = np.asarray(img.convert("L")) < 200
    return [y for y in range(h) if ink[y, int(w * x0):int(w * x1)].any()]


def _bands(rows: list[int]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for y in rows:
        if out and y - out[-1][1] <= 2:
            out[-1] = (out[-1][0], y)
        else:
            out.append((y, y))
    return out


def _dark_share(img: Image.Image, box: tuple[float, float, float, float]) -> float:
    w, h = img.size
    crop = img.crop((int(box[0] * w), int(box[1] * h), int(box[2] * w), int(box[3] * h)))
    hist = crop.histogram()
    return sum(hist[:240]) / max(1, sum(hist))


@pytest.fixture
def rendered(tiny_db: Path, tmp_path: Path) -> tuple[list[Image.Image], list[Image.Image]]:  # noqa: F811
    from analytics.export import deck, pdf
    from analytics.report import collect

    soffice, pdftoppm = _tools()
    cover, _, charts = collect(["skills"], Filters(), tiny_db, {})
    (tmp_path / "deck.pptx").write_bytes(deck.build(cover, charts))
    (tmp_path / "report.pdf").write_bytes(pdf.build(cover, charts))
    subprocess.run(
        [
            soffice,
            "--headless",
            f"-env:UserInstallation=file://{tmp_path}/lo",
            "--convert-to",
            "pdf",
            "--outdir",
            str(tmp_path / "lo-out"),
            str(tmp_path / "deck.pptx"),
        ],
        check=True,
        timeout=300,
        capture_output=True,
    )
    slides = _pages(tmp_path / "lo-out" / "deck.pdf", pdftoppm)
    pages = _pages(tmp_path / "report.pdf", pdftoppm)
    for i, img in enumerate(slides + pages):  # kept for a person to look at
        img.save(tmp_path / f"look-{i}.png")
    return slides, pages


def test_deck_title_slide_and_a_chart_slide_by_their_pixels(rendered) -> None:  # type: ignore[no-untyped-def]
    slides, _ = rendered
    from analytics.figures import charts_of

    assert len(slides) == 1 + len([d for d in charts_of("skills") if d.build])
    title = slides[0]
    bands = _bands(_ink_rows(title))
    h = title.size[1]
    assert bands, "the title slide is blank"
    assert bands[0][0] > 0.05 * h, f"the title touches the top edge: {bands[:3]}"
    assert len(bands) >= 2 and bands[1][0] - bands[0][1] > 2, f"title and subtitle overlap: {bands[:3]}"
    chart = slides[1]
    assert _dark_share(chart, (0.1, 0.2, 0.9, 0.8)) > 0.03, "the chart slide shows no picture"
    assert _bands(_ink_rows(chart))[0][0] < 0.25 * chart.size[1], "the chart slide has no title at the top"


def test_every_pdf_page_renders_with_content(rendered) -> None:  # type: ignore[no-untyped-def]
    _, pages = rendered
    assert len(pages) >= 2
    for i, page in enumerate(pages):
        assert _dark_share(page, (0.0, 0.0, 1.0, 1.0)) > 0.005, f"PDF page {i + 1} is blank"
    assert _dark_share(pages[1], (0.1, 0.15, 0.9, 0.85)) > 0.03, "the first chart page shows no picture"
