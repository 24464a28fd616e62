"""Seniority: the classes of the later batch real-later-v76 (Glassdoor and LinkedIn sample seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest

from etl.normalize.seniority import classify_seniority


# Class A: the text names the job itself an internship under a title of no level word. A sentence whose
# subject is this job as an internship ("This internship emphasizes <area>", "This is a paid summer
# internship") and a field naming the job's type as an internship ("Job Type: Internship | <dates>") state the
# role's rung: an internship is the entry level (rule 1's Intern, rule 4's internship label), so rule 2 reads
# junior. Not read: an internship programme the role runs ("this internship program", a coordinator's
# posting), "the internship" (any internship), a job type that names no level ("Job Type: Full-time"), an
# employer's grade written as the job type ("Job Type : Associate" with 4 years asked: the years decide),
# interns as other people ("you will mentor interns").
@pytest.mark.parametrize(
    ("title", "text", "years", "expected"),
    [
        ("Glaze Developer", "You will build our kiln dashboard with React.\nPerks: free clay.\n"
         "*This internship emphasizes learning and growth with mentors.", None, "junior"),
        ("Kiln Assistant", "We fire clay in the valley. This is a paid summer internship in our studio.",
         None, "junior"),
        ("Glaze Writer", "This unpaid internship lets you write about kilns for twelve weeks.", None,
         "junior"),
        ("Events & Glaze Assistant", "POSITION: Events & Glaze Assistant\nJob Type: Internship | June 2 - "
         "August 20\nLocation: Midtown", None, "junior"),
        ("Kiln Helper", "About us: a pottery.\nEmployment Type: Internship\nYou will sort glazes.", None,
         "junior"),
        # controls: a programme the role runs, "the internship", a job type of no level, interns as others,
        # a title's level first, a field's type of no level beside years
        ("Glaze Program Coordinator", "You will run this internship program for forty potters each summer.",
         3.0, "mid"),
        ("Glaze Program Coordinator", "Our studio hosts students; the internship lasts ten weeks.", None,
         "unspecified"),
        ("Kiln Operator", "Job Type: Full-time\nYou will fire kilns.", 3.0, "mid"),
        ("Kiln Operator", "Job Type: Full-time, Contract\nYou will fire kilns.", None, "unspecified"),
        # an employer's grade in the job-type field is no level word of the role: the years decide
        ("Kiln Consultant", "* Job Type : Associate\n* Projects [K-12]\nYou will fire kilns.", 4.0, "mid"),
        ("Kiln Mentor", "You will mentor interns and supervise the glaze line.", 6.0, "senior"),
        ("Senior Kiln Engineer", "This internship is for students; you will mentor its interns.", None,
         "senior"),
    ],
)
def test_later_v76_a_the_job_named_an_internship(title: str, text: str, years: float | None,
                                                 expected: str) -> None:
    assert classify_seniority(title, text, years) == expected
