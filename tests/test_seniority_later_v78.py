"""Seniority: the classes coded from the later batch real-later-v78 (Hacker News seniority drawn by a cue
naming two or more rungs in one phrase).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import classify_seniority, title_level

_HEAD = "Kilnworks | Glaze Developer | Leeds, UK | ONSITE<p>"
_NO_ROLE = "Kilnworks | Leeds, UK | FULL TIME | ONSITE<p>"


# Class A: a comment's text names the openings' levels as two rungs joined in one phrase ("senior and junior
# <role>s", "from junior to senior devs", "Levels from Mid to Staff", "Mid-Senior level, ...") outside the
# phrases that introduce a role ("looking for", "hiring"): rule 2, the text states the role's level; a
# written range gives its lower end, two levels joined by "and" or "or" the first named. Read only where
# nothing else decides (the title, the hiring phrases, a list's first role with a level). Controls: the
# levels of colleagues or of people mentored, a title with a level (it speaks first), every level ("all
# levels"), one level alone, a pair and a role noun on two lines, and - under a header role - a pair on
# another opening's line (a bullet, or a section "<role 2>: ..."; the first-role ruling).
@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (f"{_NO_ROLE.replace('FULL TIME', 'Full-Time | Clay')}Kilnworks builds kiln controllers. We want "
         "senior and junior glaze developers. Pay from 40k to 80k by skill.", "senior"),
        ("Kilnworks | Many Roles | Leeds, UK | ONSITE<p>Kilnworks builds kiln controllers.<p>The roles range "
         "from junior to senior devs (mostly Rust and Lua), SRE, infra.<p>Write to jobs@kilnworks.example",
         "junior"),
        (f"{_NO_ROLE}Open roles:<p>- Glaze Engineers<p>- Kiln Engineers<p>Levels from Mid to Staff on offer"
         "<p>Kilnworks builds kiln controllers.", "mid"),
        (f"{_HEAD}Mid-Senior level, though a keen junior is welcome too. Kilnworks builds kilns.", "mid"),
        ("Kilnworks: kiln software.<p>Where:<p>Leeds, UK (ONSITE)<p>Roles:<p>- Glaze Developer: mid-level or "
         "senior<p>- Kiln Developer: junior or mid-level<p>Contact: jobs@kilnworks.example", "mid"),
        (f"{_NO_ROLE}Kilnworks builds kilns.<p>- mid, senior and staff glaze engineer<p>- kiln manager",
         "mid"),
        (f"{_HEAD}We have openings for mid & senior/lead level roles. Our site says more.", "mid"),
        (f"{_HEAD}Position description: Rust / Lua / kilns junior - mid level. We ship weekly.", "junior"),
        # controls
        (f"{_HEAD}You will work with senior and junior developers on our firing software.", "unspecified"),
        (f"{_HEAD}You will mentor junior and mid-level developers as the kiln team grows.", "unspecified"),
        (f"{_HEAD}Our team of junior and senior engineers ships every day.", "unspecified"),
        ("Kilnworks | Senior Glaze Developer | Leeds, UK | ONSITE<p>Mid or junior folks welcome.", "senior"),
        (f"{_NO_ROLE}We hire glaze engineers at all levels.", "unspecified"),
        (f"{_HEAD}Senior folks will love the kilns.", "unspecified"),
        (f"{_HEAD}Our kiln guide is rated junior and senior<p>Engineers: write to jobs@kilnworks.example",
         "unspecified"),
        (f"{_HEAD}We are hiring:<p>- Kiln Tester<p>- Clay, senior and lead kiln engineers (link)",
         "unspecified"),
        (f"{_HEAD}Glaze Developers: you build glaze tools.<p>Kiln Sales: you sell kilns. With junior and "
         "senior positions open, no sales background needed.", "unspecified"),
    ],
)
def test_two_rungs_named_in_the_text(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_two_rungs_in_a_board_posting_decide_nothing() -> None:
    # a board's posting (no comment structure): its text's "Mid-Senior level" is the board's level label
    text = "Seniority level\nMid-Senior level\nEmployment type\nFull-time"
    assert classify_seniority("Glaze Developer", text) == "unspecified"


# Class B: a title naming a run of three rungs or more, each joined to the next ("Senior/Principal/Staff
# <role>", with the misspelt "Principle" too; "Mid & Senior/Lead <role>"): one reading for the run, as for a
# pair - levels offered with "/" or "or", or openings joined by "and" / "&", take the first named; a written
# range its lower end. Controls: the pairs' readings stay.
@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Senior/Principal/Staff Glaze Engineer", "senior"),
        ("Senior/Principle/Staff Glaze Engineer x 4", "senior"),
        ("Mid & Senior/Lead Kiln Developer", "mid"),
        ("Junior/Mid/Senior Kiln Dev", "junior"),
        ("Mid to Senior to Staff Kiln Engineer", "mid"),
        # controls
        ("Senior/Staff Glaze Engineer", "senior"),
        ("Staff/Senior Glaze Engineer", "staff"),
        ("Senior Staff Glaze Engineer", "staff"),
        ("Senior Lead Kiln Developer", "senior"),
        ("Mid-Senior Kiln Developer", "mid"),
        ("Lead Kiln Developer", "lead"),
    ],
)
def test_a_run_of_rungs_in_a_title(title: str, expected: str) -> None:
    assert title_level(title) == expected
