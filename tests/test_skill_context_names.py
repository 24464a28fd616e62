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
