"""The seniority stage's shared and skipped work (issue 10, branch h21perf1) gives what the full readings
give.

The extraction reads a Hacker News comment's roles with :func:`hn_comment.comment_roles` (the cells and roles
only, cached and shared with :func:`hn_comment.read_comment`), the comment's lines once a reading
(``_lines``, cached), its fragments with the steps that can change nothing skipped (``_plain``), and the
two-rung phrase only where two rungs are joined somewhere (``seniority._two_rung_pair``). Each is compared
here with the reading it replaces, over the hackernews fixture and invented comments of every shape the
reader knows (header roles, levels, a role line under a header naming none, "<role>: <text>" and "<role> -
<text>" runs, the keyed style, no header, entities and invisible characters)."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path

import pytest

from etl.extract import extract
from etl.normalize import hn_comment, seniority
from etl.normalize.hn_comment import comment_roles, read_comment

FIXTURE = Path(__file__).parent / "fixtures" / "sources" / "hackernews" / "2024-03.json"

INVENTED = [
    "Kilnworks | Senior Glaze Engineer | Leeds, UK | ONSITE | Full-time<p>We fire pottery at scale.",
    "Kilnworks | Leeds | Senior | Glaze Engineer, Kiln Operator<p>Two openings.",
    "Kilnworks | Leeds, UK | REMOTE<p>Glaze Engineer<p>We fire pottery.",
    "Kilnworks | Oslo | Multiple Positions<p>- Senior Glaze Engineer<p>- Junior Kiln Operator<p>Apply below.",
    "Kilnworks | Oslo | ONSITE<p>Glaze Engineer: you will mix glazes.<p>Kiln Operator: you will fire them.",
    "Kilnworks | Oslo | ONSITE<p>Glaze Engineer - mixes glazes<p>Kiln Operator - fires them<p>Write to us.",
    "Company: Kilnworks<p>Position: Staff Glaze Engineer<p>Location: Leeds, UK<p>Salary: &pound;70k",
    "Senior Glaze Engineer at Kilnworks, Leeds<p>We are a small team building kilns.",
    "<p>Glaze Engineer: mixes glazes<p>Kiln Operator: fires them",
    "Kilnworks | Full&shy;time | Lead Glaze Engineer | Leeds &amp; Oslo<p>We&#x27;re hiring mid &amp; senior "
    "glaze engineers.",
    "Kilnworks &#8203;| Mid-Senior Glaze Engineer | Leeds<br>We hire junior/senior engineers<br/>Apply.",
    "Kilnworks | Glaze Engineers (Junior &amp; Senior) | Leeds | $90k-$120k<p>Levels from mid to staff.",
    "Kilnworks | Leeds |<p>Glaze Engineer | Onsite<p>We fire pottery.",
    "Kilnworks (https://kiln.example)<p>Leeds | Glaze Engineer | Onsite<p>We fire pottery.",
    "Kilnworks | Senior | Leeds<p>We fire pottery for cafés.",
    "Kilnworks is hiring for its kiln team. We build ovens that fire pottery for cafés and shops across the "
    "north.<p>Kilnworks | Senior Glaze Engineer | Leeds | ONSITE<p>Apply below.",
    "8 points by someone 30 days ago | parent [-] | on: Ask HN: Who is hiring?<p>Kilnworks | Glaze Engineer"
    " | Leeds",
    "Kilnworks",
    "",
]


def _bodies() -> list[str]:
    fixture = [str(r.get("full_html") or r.get("text") or "") for r in json.loads(FIXTURE.read_text())]
    return [*fixture, *INVENTED]


def _cold() -> None:
    hn_comment._cells_and_roles.cache_clear()
    hn_comment._lines.cache_clear()
    read_comment.cache_clear()


@pytest.mark.parametrize("body", _bodies())
def test_comment_roles_are_the_full_readings_roles_in_either_order(body: str) -> None:
    _cold()
    roles_first = comment_roles(body)
    shared = read_comment(body)  # the cells and roles from the reading above
    _cold()
    fresh = read_comment(body)
    assert roles_first == fresh.role_titles()
    assert shared == fresh  # the shared reading is not changed by the one that reads on
    _cold()
    assert comment_roles(body) == fresh.role_titles()
    # a location guess is another reading: it does not reach the extraction's roles
    _cold()
    guessed = read_comment(body, "Leeds")
    assert comment_roles(body) == fresh.role_titles()
    _cold()
    assert read_comment(body, "Leeds") == guessed


@pytest.mark.parametrize("body", _bodies())
def test_lines_are_read_as_before(body: str) -> None:
    _cold()
    # the lines under the header; a first line quoting the thread page's vote line is no line of the comment
    # (twenty-sixth session, h26hnparse: tests/test_hn_vote_line.py)
    body = hn_comment.without_vote_line(body)
    before = [_old_plain(seg) for seg in re.split(r"<p>|\n|<br\s*/?>", body)[1:]]
    assert list(hn_comment._lines(body)) == before
    assert isinstance(hn_comment._lines(body), tuple)  # shared between readings: not to be changed


def _old_plain(fragment: str) -> str:
    return " ".join(hn_comment._INVISIBLE.sub("", html.unescape(hn_comment._TAG.sub(" ", fragment))).split())


@pytest.mark.parametrize("fragment", [
    "", "plain words", "  spaced\tout \n words ", "<b>Kilnworks</b> | Leeds", "caf&eacute; &amp; bar",
    "Full&shy;time", "Full\u00adtime", "a&#8203;b", "zero\u200bwidth", "word\ufeff", "&lt;b&gt;not a tag",
    "<a href=\"x\">link</a>&nbsp;after", "R&D only", "x < y and y > z", "caf\u00e9 \u2013 na\u00efve",
])
def test_plain_skips_only_steps_that_change_nothing(fragment: str) -> None:
    assert hn_comment._plain(fragment) == _old_plain(fragment)


TWO_RUNG_TEXTS = [
    "We want senior and junior glaze engineers to join.",
    "Levels from mid to staff are open.",
    "Mid-Senior level glaze engineers wanted.",
    "We hire junior/senior engineers.",
    "You will work with senior and junior engineers on the kiln team.",
    "- Kiln Operator: mid-level or senior\nGlaze Engineer: fires glazes",
    "mid, senior and staff engineers",
    "We are a small team that fires pottery. No levels are named here.",
    "Senior engineer wanted. Junior folks welcome too.",
    "sr. & jr. devs",
    "",
]


@pytest.mark.parametrize("text", TWO_RUNG_TEXTS)
@pytest.mark.parametrize("first_role", ["", "Glaze Engineer", "Kiln Operator"])
def test_two_rung_gate_skips_only_texts_without_a_pair(text: str, first_role: str,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    gated = seniority._two_rung_level(text, first_role)
    found = seniority._two_rungs()[0]
    if found.search(text[: seniority.TEXT_WINDOW].lower()):
        assert seniority._two_rung_pair().search(text[: seniority.TEXT_WINDOW].lower())
    monkeypatch.setattr(seniority, "_two_rung_pair", lambda: re.compile(""))  # the gate always open
    assert seniority._two_rung_level(text, first_role) == gated


@pytest.mark.parametrize("body", _bodies())
def test_extraction_of_a_comment_is_the_same_cold_and_after_the_adapters_reading(body: str) -> None:
    item = {"source": "hackernews", "title": read_comment(body).title, "description": body,
            "description_format": "html"}
    _cold()
    cold = extract(item)
    _cold()
    read_comment(body, "Leeds")  # the adapter's reading with a location guess, then without
    read_comment(body)
    assert extract(item) == cold
