"""Seniority: the plural-role stop (S1) for the older list readers (twenty-sixth session, branch h26seni3; the
lead's ruling on h26senires' question 4).

S1 (`real-later-v95`, kept by the twenty-fifth session's ruling 1): a hiring phrase naming a plural role with
no level ("looking for engineers", "hiring a variety of <area> developers") before a list of openings names
the text's first role, and it is plain: the list's first line, read after it, no longer decides. h26senires'
linked-list reader stopped there; the list reader introduced by "Positions:" / "Open positions include:" now
stops there too (tune 2017-11 #744 and 2018-01 #581, labelled unspecified, read lead and senior before).

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

from etl.normalize.seniority import classify_seniority

# a plain plural role sought before a list of openings: the list's first line does not decide
_STOPPED = [
    ("Quarrylane | Several Roles | Leeds, UK | Fulltime | ONSITE<p>Quarrylane, the maker of the Kilnword "
     "series, is looking for kiln engineers to join our studio. For glaze engineers we want Clayscript.<p>"
     "Roles:\n- Lead Kiln Engineer\n- Senior Glaze Engineer\n- Wheel Designer<p>Jobs: https://q.example/jobs",
     "unspecified"),
    ("Quarrylane | Turin, Italy | Full-time, Onsite<p>We are looking for outstanding engineers, fluent in "
     "clay models, to help build our kiln stack from scratch.<p>We are a small team. Join us!<p>"
     "Open positions include:\n- Senior Kiln Engineer\n- Senior Glaze Engineer\n- Junior Wheel Engineer<p>"
     "Write to jobs@quarrylane.example", "unspecified"),
]

_KEPT = [
    # no hiring phrase before the list: its first line decides (the list reader as before)
    ("Quarrylane | Turin, Italy | Full-time, Onsite<p>Quarrylane maps clay for studios.<p>"
     "Open positions include:\n- Senior Kiln Engineer\n- Glaze Engineer", "senior"),
    # the hiring phrase names a single role, not a plural one: not S1
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane is looking for a kiln engineer who loves clay.<p>"
     "Open positions include:\n- Lead Kiln Engineer\n- Glaze Engineer", "lead"),
    # the plural role sought has a level: the phrase reader names it first (not a plain role)
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane is looking for senior engineers who love clay.<p>"
     "Positions:\n- Lead Kiln Engineer\n- Glaze Engineer", "senior"),
    # the plural role sought stands after the list: the list's first line is the first role named
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane maps clay.<p>Open positions include:\n"
     "- Lead Kiln Engineer\n- Glaze Engineer<p>We are looking for engineers who love clay.", "lead"),
    # the hiring sentence that is the list's own introduction names the openings below it (h25seni's question
    # 1 ruling): the list decides
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane maps clay.<p>We're hiring engineers experienced in "
     "Clayscript:\n- Senior Kiln Engineer\n- Glaze Engineer", "senior"),
    # "hiring for the positions" names a listing noun, not a role
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane is hiring for the positions below.<p>Positions:\n"
     "- Lead Kiln Engineer\n- Glaze Engineer", "lead"),
]


@pytest.mark.parametrize(("body", "expected"), _STOPPED + _KEPT)
def test_plain_plural_role_before_a_list(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


def test_a_posting_outside_hacker_news_stops_too() -> None:
    # the stop reads the text as the list reader does, whatever the source: a plain text posting too
    text = ("We are looking for engineers who love clay.\n\nOpen positions include:\n- Senior Kiln Engineer\n"
            "- Glaze Engineer")
    assert classify_seniority("", text) == "unspecified"


# the listing noun with its roles on its own line ("Positions: <role> | ...", "open positions: <role>, ..."):
# the same stop
_STOPPED_ON_THE_LINE = [
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane is looking for engineers who love clay.<p>"
     "Positions: Senior Kiln Engineer | Glaze Engineer | Potter", "unspecified"),
    ("Quarrylane | Turin, Italy | Onsite<p>We're hiring glaze developers in Turin.<p>Our open positions: "
     "Lead Kiln Engineer, Glaze Engineer", "unspecified"),
]
_KEPT_ON_THE_LINE = [
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane maps clay.<p>Positions: Senior Kiln Engineer | Glaze "
     "Engineer | Potter", "senior"),
    # the plural role sought after the list
    ("Quarrylane | Turin, Italy | Onsite<p>Our open positions: Lead Kiln Engineer, Glaze Engineer.<p>We are "
     "also hiring glaze developers.", "lead"),
]


@pytest.mark.parametrize(("body", "expected"), _STOPPED_ON_THE_LINE + _KEPT_ON_THE_LINE)
def test_plain_plural_role_before_roles_listed_on_the_line(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
