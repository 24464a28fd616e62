"""The Methodology page (issue 9, point 8) through AppTest, entered via dashboard.py, and its text source."""

from __future__ import annotations

from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics import methodology

APP = str(Path(__file__).resolve().parents[1] / "dashboard.py")
REQUIRED = ["How each field is derived", "Constants", "Duplicates", "Accuracy on real postings",
            "Known error classes"]


def test_sections_of_the_document() -> None:
    parts = methodology.sections()
    headings = [h for h, _ in parts]
    assert headings[0] == ""  # the introduction
    # what issue 9 point 8 asks, in this order; later sections (experiments) may follow
    assert headings[1:6] == REQUIRED
    accuracy = dict(parts)["Accuracy on real postings"]
    assert "| field | score (95% interval), n | target |" in accuracy and "| field | de (" in accuracy
    assert "<!--" not in "".join(b for _, b in parts)  # the generated block's markers are not shown


def test_sections_of_a_small_document(tmp_path: Path) -> None:
    doc = tmp_path / "m.md"
    doc.write_text("# Title\n\nIntro.\n\n## One\nA\n<!-- accuracy:begin -->\n| t |\n<!-- accuracy:end -->\n"
                   "## Two\nB\n", encoding="utf-8")
    assert methodology.sections(doc) == [("", "Intro."), ("One", "A\n| t |"), ("Two", "B")]


@pytest.mark.usefixtures("tiny_db")
def test_methodology_page_shows_the_document_and_never_extracts(monkeypatch: pytest.MonkeyPatch) -> None:
    import etl.columnar
    import etl.evaluate

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the app ran the extraction")

    for module, name in ((etl.columnar, "extract_batch"), (etl.evaluate, "evaluate"),
                         (etl.evaluate, "evaluate_set")):
        monkeypatch.setattr(module, name, refuse)
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("pages/methodology.py").run()
    assert not at.exception, at.exception
    assert not at.error, [e.value for e in at.error]
    assert at.title[0].value == "Methodology"
    # the page shows every section of the document, the required ones first
    assert [h.value for h in at.header] == [h for h, _ in methodology.sections()][1:]
    assert [h.value for h in at.header][:5] == REQUIRED
    text = "\n".join(m.value for m in at.markdown)
    assert "2,080 hours" in text and "within 60 days" in text
    assert "| seniority | " in text and "| field | de (" in text  # the test half per field and per language
    assert not at.sidebar.multiselect  # the sidebar filters do not apply here
