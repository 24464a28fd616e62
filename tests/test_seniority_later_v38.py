"""Seniority: the classes of the later batch real-later-v38 (Hacker News seniority).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import classify_seniority


# "<Company> is hiring:" alone on its line above roles listed one a line introduces the openings as "We're
# hiring:" does, and the first role listed decides (the first-role ruling). A line naming what is sought
# ("What <Company> is looking for:"), another opening's list ("also") and a sentence after the colon stay
# unread.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  ====\n  Kilnco\n  ====\n\nKilnco is hiring:\n  * Engineering Manager\n  * Glaze Engineer",
         "manager"),
        ("<Company> makes glaze.\nGlaze Works is currently looking for:\n- Senior Kiln Developer\n- Potter",
         "senior"),
        ("Kiln.io is seeking:\n- Junior Glaze Engineers w/ <n> yrs\n- Kiln Engineers", "junior"),
        # controls: a plain first role, what is sought, another opening's list, a sentence after the colon
        ("Kilnco is hiring:\n  * Glaze Engineer\n  * Senior Kiln Engineer", "unspecified"),
        ("What Kilnco is looking for:\n- Senior-level judgement in <area>\n- Kiln Engineer", "unspecified"),
        ("Kilnco is also hiring:\n- Senior Glaze Developer", "unspecified"),
        ("Kilnco is hiring:\nKilnco is a clean-slate glaze platform for senior potters.", "unspecified"),
    ],
)
def test_later_v38_company_is_hiring_introduces_a_list(text: str, expected: str) -> None:
    assert classify_seniority("", text) == expected



# Openings listed one a line with their own links under a header naming no role: a link inside the company's
# paragraph (its funding page mid-sentence) is no list line and leaves the first linked line to the list,
# whose first role decides. A first linked line that is no title ("All open jobs - <link>") still closes the
# reading.
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("Kilnco | <city> | https://k.example<p>Kilnco fires pots for forty towns, with funding "
         "(https://f.example/k), and offers room to grow.<p>Senior Glaze Engineer - Kilns (Go) - "
         "https://k.example/jobs/1<p>Potter - https://k.example/jobs/2<p>Kiln Engineer - "
         "https://k.example/jobs/3<p>To apply, email <email>.", "senior"),
        ("Kilnco | Oslo | ONSITE<p>We fire pots (see https://f.example/k) in forty towns.<p>Lead Glaze "
         "Developer - https://k.example/jobs/1<p>Potter - https://k.example/jobs/2", "lead"),
        # controls: a plain first role; a first linked line that is no title; a single linked line
        ("Kilnco | Oslo | ONSITE<p>Kilnco fires pots (https://f.example/k) in forty towns.<p>Potter - "
         "https://k.example/jobs/2<p>Senior Glaze Engineer - https://k.example/jobs/1", "unspecified"),
        ("Kilnco | Oslo | ONSITE<p>Kilnco fires pots (https://f.example/k) in forty towns.<p>All open jobs - "
         "https://k.example/jobs<p>Senior Glaze Engineer - https://k.example/jobs/1<p>Potter - "
         "https://k.example/jobs/2", "unspecified"),
        ("Kilnco | Oslo | ONSITE<p>Kilnco fires pots in forty towns.<p>We're particularly looking for:<p>"
         "Glaze research, Kilnco R&D; https://k.example/1 (you'd work with me)<p>Senior kiln engineers; "
         "https://k.example/2<p>Potters; https://k.example/3", "unspecified"),
        ("Kilnco | Oslo | ONSITE<p>Kilnco fires pots (https://f.example/k) in forty towns.<p>Senior Glaze "
         "Engineer - https://k.example/jobs/1<p>Write to <email>.", "unspecified"),
    ],
)
def test_later_v38_a_link_inside_a_paragraph_opens_no_list(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
