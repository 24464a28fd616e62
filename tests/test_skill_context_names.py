"""The employer presenting itself by its name (``pitch_spans``' reading of the company's first word): the
domain skills named in that sentence are the employer's, not the job's. Invented wording."""

from __future__ import annotations

import pytest

from etl.extract import extract


def skills(description: str, company: str | None = None) -> list[str]:
    return extract({"title": "Engineer", "company": company, "description": description})["skills"]



@pytest.mark.parametrize(("text", "company", "named"), [
    # the employer's names are read at every place its first word occurs: the
    # first word alone, the whole name, and a name that presents nothing
    ("Quillon's platform will bring Data Science to farms.\nYou write Python.", "Quillon Analytics Inc",
     False),
    ("Quillon Analytics is building Data Science tools.\nYou write Python.", "Quillon Analytics Inc", False),
    ("We met Quillon. You will build Data Science pipelines in Python.", "Quillon Analytics Inc", True),
    ("Quillon's platform will bring Data Science to farms.\nYou write Python.", None, True),
])
def test_the_employer_named_at_a_sentence_start_presents_it(
    text: str, company: str | None, named: bool
) -> None:
    assert ("Data Science" in skills(text, company)) is named


@pytest.mark.parametrize(("text", "company", "named"), [
    # a name the text itself presents as the employer ("<Name> is the ... platform") is the employer's name
    # in the sentences after it too, as the company field's is; its product as the subject presents it
    ("Quillmark is the leading AI platform for shops. The Quillmark software platform trains Machine "
     "Learning models for retailers.\nWe are hiring a support specialist.", None, False),
    ("Quillmark is the leading AI platform for shops. Quillmark's technology brings Machine Learning "
     "to retailers.\nWe are hiring a support specialist.", None, False),
    ("Quillon's platform brings Machine Learning to farms.\nYou write Python.", "Quillon Analytics Inc",
     False),
    # the job's own work stays: a team named after the product, a sentence the name does not open
    ("Quillmark is the leading AI platform for shops. The Quillmark platform team trains Machine "
     "Learning models in Python.", None, True),
    ("Quillmark is the leading AI platform for shops. You will train Machine Learning models on "
     "Quillmark data.", None, True),
    ("Quillon Technology - Python; Machine Learning and signal processing; Kotlin.", "Quillon Analytics",
     True),
])
def test_the_employers_product_after_the_text_presents_it(
    text: str, company: str | None, named: bool
) -> None:
    assert ("Machine Learning" in skills(text, company)) is named
