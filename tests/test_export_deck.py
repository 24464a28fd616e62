"""PowerPoint decks opened with python-pptx: slides, one picture per chart, captions, SQL in notes."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from export_charts import charts, needs_browser
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE_TYPE
from tiny_warehouse import build, tiny_db, tiny_db_session  # noqa: F401

from analytics import db as _db
from analytics.export import deck, images, render
from analytics.export.meta import Section


@pytest.fixture
def wh(request: pytest.FixtureRequest) -> Path:
    """The tiny warehouse's path (the tiny_db fixture, asked for by name)."""
    return request.getfixturevalue("tiny_db")


def _texts(slide) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)


def _pictures(slide) -> list:  # type: ignore[no-untyped-def]
    return [s for s in slide.shapes if s.shape_type == MSO_SHAPE_TYPE.PICTURE]


@needs_browser
def test_page_deck_has_a_title_slide_then_a_slide_per_chart(wh: Path) -> None:
    cover, items = charts(wh)
    prs = Presentation(io.BytesIO(deck.page_deck(cover, items)))
    slides = list(prs.slides)
    assert len(slides) == 1 + len(items)
    first = _texts(slides[0])
    assert cover.title in first and cover.filters_text in first and cover.as_of_text in first
    assert "Synthetic demo data" not in first
    assert _pictures(slides[0]) == []
    for slide, chart in zip(slides[1:], items):
        assert slide.shapes.title.text == chart.meta.title
        pictures = _pictures(slide)
        assert len(pictures) == (1 if chart.figure is not None else 0)
        if pictures:  # the picture is the chart's PNG at twice the scale, fitted inside the slide
            blob = pictures[0].image.blob
            assert images.png_size(blob) == images.figure_size(chart.figure, chart.meta, title=False)
            assert pictures[0].left >= 0 and pictures[0].left + pictures[0].width <= prs.slide_width
            assert pictures[0].top + pictures[0].height <= prs.slide_height
        else:
            assert deck.NO_DATA in _texts(slide)
        assert chart.meta.caption in _texts(slide)
        notes = slide.notes_slide.notes_text_frame.text
        assert chart.meta.sql and chart.meta.sql in notes
        assert chart.meta.params_text in notes


@needs_browser
def test_dashboard_deck_has_a_section_slide_per_page(tmp_path: Path) -> None:
    db = tmp_path / "demo.duckdb"
    build(db, is_demo=True)
    try:
        cover, items = charts(db)
    finally:
        _db.close_all()
    sections = [Section("Skills", tuple(items[:2])), Section("Trends", tuple(items[2:]))]
    prs = Presentation(io.BytesIO(deck.build(cover, sections)))
    slides = list(prs.slides)
    assert len(slides) == 1 + 2 + len(items)
    assert "Synthetic demo data" in _texts(slides[0])
    assert slides[1].shapes.title.text == "Skills"
    assert slides[4].shapes.title.text == "Trends"
    titles = [s.shapes.title.text for s in slides]
    assert titles == [cover.title, "Skills", items[0].meta.title, items[1].meta.title, "Trends",
                      items[2].meta.title]
    assert sum(len(_pictures(s)) for s in slides) == sum(c.figure is not None for c in items)


def test_deck_without_a_browser_raises_the_clear_message(wh: Path, tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    render.close()
    monkeypatch.setenv("BROWSER_PATH", str(tmp_path / "missing"))
    cover, items = charts(wh)
    try:
        with pytest.raises(images.ExportUnavailable, match="Chrome or Chromium"):
            deck.page_deck(cover, items)
    finally:
        render.close()


def test_an_empty_chart_slide_does_not_say_no_postings_match() -> None:
    """Real-data QA: a page deck under a filter selecting 38 postings, none with a salary, said on the salary
    chart's slide "no postings match these filters" - while its other slides counted them. The slide names
    what the chart lacks instead (the app's empty message says the same)."""
    assert "no postings match" not in deck.NO_DATA
    assert "what this chart counts" in deck.NO_DATA


def test_an_empty_chart_slide_names_what_its_postings_lack(wh: Path) -> None:
    """QA round eight on the real samples: a German-only Salary deck said on each slide "no posting these
    filters select has what this chart counts (a salary, a place, a date ...), or fewer than 30 postings
    stand behind every figure", where the app now says "none of them has a plausible salary". The page's
    deck and PDF name what the chart knows it counts (ChartDef.needs_for), as the app does."""
    from dataclasses import replace

    from analytics import report
    from analytics.filters import Filters

    nothing = Filters(date_from=None, skills=("NoSuchSkill",))
    _cover, everything, _charts = report.collect(["salary"], nothing, wh)
    empties = {c.meta.title: c.empty for c in everything[0].charts}
    # no posting at all: the page's sentence and the filter that empties the view (hqa30 ruling 3)
    assert empties["Postings by salary band"] == (
        "No postings match these filters. Without Skills (NoSuchSkill): 40 postings."), empties
    cover, items = charts(wh)
    said = "Nothing to draw from the 5 postings these filters select: none of them has a city."
    slide_text = [_texts(s) for s in Presentation(io.BytesIO(deck.page_deck(cover, [
        replace(items[-1], empty=said)]))).slides]
    assert any(said in t for t in slide_text), slide_text


def test_an_empty_chart_slide_gives_the_reason_the_app_gives() -> None:
    """QA round twenty-two, the German postings' Skills deck: the movers' slide read "no posting these filters
    select has what this chart counts (a salary, a place, a date ...), or fewer than 30 postings stand
    behind every figure" where the app says "the later period has no dated postings (7 earlier, 0 later), so
    nothing to compare". Where the chart's answer says why it is empty, the slide says that."""
    import pandas as pd

    from analytics import figures
    from analytics.report import empty_text
    from analytics.result import QueryResult

    why = "the later period has no dated postings (7 earlier, 0 later), so nothing to compare"
    empty = QueryResult(df=pd.DataFrame(), sql="", params={}, n=7,
                        caveats=(why, "medians and percentiles from $1,000 salary bins: each within $1,000"))
    movers = figures.chart("sk_movers")
    assert empty_text(movers, empty) == f"Nothing to draw from the 7 postings these filters select: {why}."
    none = QueryResult(df=pd.DataFrame(), sql="", params={}, n=0, caveats=(why,))  # no posting at all
    assert empty_text(movers, none, shown=0) == "No postings match these filters."
    # QA round twenty-three, the same deck again on the real warehouse: the movers' answer counts the
    # postings of its periods (n = 0: none in the later one, 7 in the earlier) while the filters select 45,
    # and the slide still read the generic line. What decides is the selection (``shown``), as in the app.
    assert empty_text(movers, none, shown=45) == (
        f"Nothing to draw from the 45 postings these filters select: {why}.")


def test_a_slide_sends_the_hovers_words_to_the_data_files(wh: Path) -> None:
    """QA round twenty-three: a slide's caption (and its notes) kept the app's "n on hover"; a slide has no
    hover (images.still_words, as the pictures' captions)."""
    from dataclasses import replace

    cover, items = charts(wh)
    note = "3 of 3 figures rest on fewer than 30 postings: hatched, their n on hover"
    item = replace(items[-1], empty="Nothing to draw: none.", meta=replace(items[-1].meta, small_note=note))
    slides = list(Presentation(io.BytesIO(deck.page_deck(cover, [item]))).slides)
    text = _texts(slides[-1]) + slides[-1].notes_slide.notes_text_frame.text
    assert "their n in the data files" in text and "hover" not in text, text


def test_an_empty_chart_slides_n_says_what_the_filters_select(tmp_path: Path) -> None:
    """Seen and left in QA round twenty-six, as the app showed it: an empty chart's caption read "n = 0
    postings" above "Nothing to draw from the 269 postings these filters select". A slide's and PDF page's
    caption is the app's (ExportMeta.caption): the tiny warehouse with every posting undated, every page's
    charts collected as the report and the app's deck do."""
    from tiny_warehouse import build_edited

    from analytics import report
    from analytics.filters import Filters
    from analytics.pages import CHART_PAGES

    db = build_edited(tmp_path / "warehouse.duckdb", "UPDATE postings SET posted_date = NULL, "
                      "posted_month = NULL", derive=True, version_name="v-tiny-no-dates.duckdb")
    _cover, everything, _charts = report.collect([p.slug for p in CHART_PAGES], Filters(), db)
    captions = {c.meta.title: c.meta.caption for section in everything for c in section.charts}
    assert not [c for c in captions.values() if "n = 0 postings" in c], captions
    said = "n = 0 drawn of the 40 postings these filters select: none is dated"
    assert said in captions["Postings per month"], captions["Postings per month"]


def _caption_box(slide, caption: str):  # type: ignore[no-untyped-def]
    return next(s for s in slide.shapes if s.has_text_frame and s.text_frame.text == caption)


@pytest.mark.parametrize("words", [12, 60, 150])
def test_a_slide_s_caption_lies_on_the_slide_however_long(wh: Path, words: int) -> None:
    """QA round twenty-nine, the Portuguese postings' Skills deck rendered by LibreOffice: a caption of five
    lines (filters, n, the scores read right, the sources, a note) ran past the slide's bottom edge in its
    0.7-inch box, cut mid-sentence ("... each shows"). The caption's box is as tall as its lines at their
    size (counted at 0.55 em a character, wider than the fonts' average), its bottom on the slide, and the
    picture above it."""
    from dataclasses import replace

    from PIL import Image

    cover, items = charts(wh)
    note = " ".join(f"invented{i:03d} words of a note," for i in range(words))
    item = replace(items[0], meta=replace(items[0].meta, notes=(note,), small_note=""))
    caption = item.meta.caption
    assert note in caption
    buf = io.BytesIO()
    Image.new("RGB", (2400, 1400), "white").save(buf, "PNG")
    pptx = deck.build(cover, [Section("Skills", (item,))], png=lambda _chart: buf.getvalue())
    prs = Presentation(io.BytesIO(pptx))
    slide = list(prs.slides)[-1]
    box = _caption_box(slide, caption)
    size = box.text_frame.paragraphs[0].font.size.pt
    assert size >= 8
    per_line = int((box.width - 2 * 91440 * 0.1) / 12700 / (0.55 * size))  # inside the default 0.1" insets
    lines = -(-len(caption) // per_line)
    needed = lines * size * 1.2 * 12700 + 2 * 91440 * 0.05
    assert box.height >= needed, (box.height / 914400, needed / 914400, lines)
    assert box.top + box.height <= prs.slide_height, (box.top, box.height)
    picture = _pictures(slide)[0]
    assert picture.top + picture.height <= box.top


ADVICE = ("", " Widen the filters or pick another chart.",
          " Widen them in the sidebar, or press Reset filters.")


@pytest.mark.usefixtures("tiny_db")
def test_an_empty_slide_says_the_pages_sentence() -> None:
    """hqa30 ruling 3 (QA round thirty: the slide read "Nothing to draw: <reason>." where the page says
    "Nothing to draw from the N postings these filters select: <reason>."): the deck's and the PDF's empty
    text is the page's sentence (one source of truth, analytics.queries.empty_sentence), without the app's
    advice on its controls (a deck has no sidebar)."""
    import pandas as pd

    from analytics import figures
    from analytics.report import empty_text
    from analytics.result import QueryResult
    from ui.chart import empty_message

    def empty(n: int = 0, caveats: tuple[str, ...] = ()) -> QueryResult:
        return QueryResult(df=pd.DataFrame(), sql="", params={}, n=n, caveats=caveats)

    region = "none of these postings names a region"
    movers = "the later period has no dated postings (7 earlier, 0 later), so nothing to compare"
    cases = [  # (chart, answer, postings selected, the slide's text)
        ("ex_pay", empty(), 14, "Nothing to draw from the 14 postings these filters select: none of them has "
                                "both a plausible salary and a stated number of years of experience."),
        ("rg_remote", empty(caveats=(region,)), 7,
         f"Nothing to draw from the 7 postings these filters select: {region}."),
        ("sk_movers", empty(7, (movers,)), 45, f"Nothing to draw from the 45 postings these filters select: "
                                                f"{movers}."),
        ("sa_dist", empty(), 1, "Nothing to draw from the one posting these filters select: it lacks a "
                                "plausible salary."),
        ("sk_movers", empty(0, (movers,)), 0, "No postings match these filters."),
    ]
    for key, answer, shown, said in cases:
        defn = figures.chart(key)
        assert empty_text(defn, answer, shown) == said, key
        page = empty_message(answer, shown, defn.needs_for())
        assert page.startswith(said) and page[len(said):] in ADVICE, (page, said)
    # which filters alone empty the view: the page's sentence, on the slide too
    why = "Without Skills (NoSuchSkill): 40 postings."
    assert empty_text(figures.chart("sa_dist"), empty(), 0, why) == f"No postings match these filters. {why}"
