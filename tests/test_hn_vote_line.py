"""A Hacker News comment pasted again from the thread page, opening on the page's vote line
(twenty-sixth session, h26hnparse; lead ruling 4 on `real-later-v123`, h25rolehn3 question 4): "<n> points by
<user> <n> days ago | parent [-] | on: Ask HN: Who is hiring? (<Month> <year>)" is the site's line, not the
poster's; the header is the next line, and every reader (the adapter's header and place, the comment reader's
header, title and roles, the body's lines and lists, the posting's text) reads the comment as if the vote line
were not there, through one helper (:func:`etl.normalize.hn_comment.without_vote_line`). Invented wording
throughout."""

from __future__ import annotations

from typing import Any

import pytest

from etl.normalize import hn_comment
from etl.record import Posting
from etl.sources import hackernews

# the shapes the export writes (4 comments in 4,726: "[-]" after "parent" x3, "parent | edit | delete [-]" x1,
# each with "on: Ask HN: ...") and the ones the ruling names besides (no "[-]", no "on: ...")
VOTE_LINES = [
    "12 points by kilnhire 29 days ago | parent [-] | on: Ask HN: Who is hiring? (May 2024)",
    "0 points by kilnhire 25 days ago | parent [-] | on: Ask HN: Who is hiring? (April 2024)",
    "1 point by kilnhire 1 hour ago | parent | edit | delete [-] | on: Ask HN: Who is hiring? (June 2024)",
    "3 points by kilnhire 40 days ago | parent | on: Ask HN: Who is hiring? (May 2024)",
    "3 points by kilnhire 40 days ago | parent [-]",
    "3 points by kilnhire 40 days ago | parent",
    "5 points by kiln_hire-2 2 months ago",
    "[-] 7 points by kilnhire 9 days ago | parent | on: Ask HN: Who is hiring?",
    "2 points by kilnhire 3 days ago | parent [–] | on: Ask HN: Who is hiring? (May 2024)",
    "kilnhire 12 days ago | parent | next [–]",
    "kilnhire 12 days ago | parent [-] | on: Ask HN: Who is hiring? (May 2024)",
]

NOT_VOTE_LINES = [
    "Kilnworks | Glaze Engineer | Leeds | ONSITE",
    "Kilnworks | 3 points by the kiln 2 days ago | Leeds",
    "We scored 300 points by launch day, two years ago | and grew since.",
    "Kilnworks 3 days ago | Leeds",  # a name and a date, no page link: no vote line
    "12 points by kilnhire 29 days ago and counting, we hire glaze engineers in Leeds.",
    "",
]

# comments of the shapes the readers care about, each read with and without a vote line above it
BODIES = [
    # one header, a paragraph, then role lines "<role> [n] - <text>" (the shape of 2018-02 #461, reworded)
    "Kilnworks Motors | Leeds Metro Area | Full Time, ONSITE\nI moved from Oslo startups to Leeds to build "
    "kilns."
    "<p>Product Manager [2] - Own one product area end to end, from idea to launch. $85K-$115K"
    "<p>Partner Software Engineer [1] - Help the product manager build demos for our partners. $90K-$125K"
    "<p>Email jobs@kiln.example for more.",
    # a "Multiple Positions" header and a body list
    "Kilnworks | Multiple Positions | Leeds &amp; Oslo | ONSITE, VISA<p>We fire pottery for cafés.<p>"
    "Looking for: Data Scientists | Data Analysts | Data Engineers | Front-End Engineers",
    # the place first, several roles in one cell
    "Leeds, UK | Kilnworks | (Late-Stage) Startup | Full-Time &amp; Internship | Sr. Kiln Engineering "
    "Manager, Software Engineering Intern | Onsite\nRole: Sr. Kiln Engineering Manager\nLocation: Leeds",
    # a header broken after a cell separator
    "Kilnworks | Glaze Engineer |<p>Leeds, UK | Onsite<p>We fire pottery.",
    # a bare name above a piped line
    "Kilnworks (https://kiln.example)<p>Leeds | Glaze Engineer | Onsite<p>We fire pottery.",
    # the keyed style
    "Company: Kilnworks<p>Position: Staff Glaze Engineer<p>Location: Leeds, UK<p>We fire pottery.",
    # no header: a first line that is a title
    "Senior Glaze Engineer (Mid to Senior)<p>We are a small team building kilns in Leeds.",
    # a header naming areas, then a hiring sentence
    "Kilnworks | Engineering &amp; Design Roles | Leeds | ONSITE<p>We are hiring data engineers and a "
    "designer.",
]

READERS: dict[str, Any] = {
    "headline": lambda b: hn_comment.read_comment(b, "Oslo").headline(),
    "header_title": lambda b: hn_comment.read_comment(b).header_title,
    "role_titles": lambda b: hn_comment.read_comment(b).role_titles(),
    "places": lambda b: hn_comment.read_comment(b).places,
    "arrangement": lambda b: hn_comment.read_comment(b).arrangement,
    "place_line": lambda b: hn_comment.read_comment(b).place_line,
    "text_place": lambda b: hn_comment.read_comment(b).text_place,
    "comment_roles": hn_comment.comment_roles,
    "family_roles": hn_comment.family_roles,
    "listed_roles": hn_comment.listed_roles,
    "header_areas": hn_comment.header_areas,
    "technology_heading": hn_comment.technology_heading,
    "hiring_sentence_roles": hn_comment.hiring_sentence_roles,
    "role_less_reading": hn_comment.role_less_reading,
    "first_role": hn_comment.first_role,
    "is_comment": hn_comment.is_comment,
    "header_line": hn_comment._header_line,
    "header_names_a_place": hn_comment._header_names_a_place,
    "lines": hn_comment._lines,
}


@pytest.mark.parametrize("line", VOTE_LINES)
def test_a_vote_line_is_dropped_with_its_line_break(line: str) -> None:
    for brk in ("<p>", "\n", "<br>"):
        body = "Kilnworks | Leeds<p>We fire."
        assert hn_comment.without_vote_line(f"{line}{brk}{body}") == body


@pytest.mark.parametrize("line", NOT_VOTE_LINES)
def test_a_line_that_is_no_vote_line_stays(line: str) -> None:
    body = f"{line}<p>Kilnworks | Leeds<p>We fire."
    assert hn_comment.without_vote_line(body) == body


def test_a_vote_line_alone_or_in_the_text_stays() -> None:
    alone = VOTE_LINES[0]
    assert hn_comment.without_vote_line(alone) == alone  # nothing after it: the comment is kept as it is
    assert hn_comment.without_vote_line(alone + "<p>") == alone + "<p>"
    later = f"Kilnworks | Leeds<p>{VOTE_LINES[0]}<p>We fire."
    assert hn_comment.without_vote_line(later) == later  # only the comment's first line is the page's
    entity = ("3 points by kilnhire 40 days ago | parent [-] | on: Ask HN: Who&#x27;s hiring? (May 2024)"
              "<p>Kilnworks | Leeds")
    assert hn_comment.without_vote_line(entity) == "Kilnworks | Leeds"


@pytest.mark.parametrize("body", BODIES)
@pytest.mark.parametrize("line", [VOTE_LINES[0], VOTE_LINES[2], VOTE_LINES[4], VOTE_LINES[9]])
@pytest.mark.parametrize("reader", sorted(READERS))
def test_every_reader_reads_the_comment_under_the_vote_line_as_the_comment(body: str, line: str,
                                                                          reader: str) -> None:
    read = READERS[reader]
    for cache in (hn_comment._lines, hn_comment.read_comment, hn_comment._cells_and_roles):
        cache.cache_clear()
    assert read(f"{line}<p>{body}") == read(body)


def test_the_header_and_the_lines_under_a_vote_line_are_the_comments() -> None:
    # the shape of 2018-02 #461 (reworded): the header is the line under the vote line, and the body's lines
    # start under the header (the header is no body line, the vote line no header)
    body = f"{VOTE_LINES[0]}<p>{BODIES[0]}"
    head = hn_comment.read_comment(body, "Oslo").headline()
    assert (head.get("company"), head.get("location"), head.get("remote")) == (
        "Kilnworks Motors", "Leeds Metro Area", False)
    assert hn_comment._lines(body)[0].startswith("I moved from Oslo startups")
    # the header's own rules apply under the vote line: a bare name above a piped line, a line broken at "|"
    named = hn_comment._header_line(f"{VOTE_LINES[4]}<p>{BODIES[4]}")
    assert named == "Kilnworks | Leeds | Glaze Engineer | Onsite"
    broken = hn_comment._header_line(f"{VOTE_LINES[9]}<p>{BODIES[3]}")
    assert broken == "Kilnworks | Glaze Engineer | Leeds, UK | Onsite"


@pytest.mark.parametrize("body", BODIES)
def test_the_adapter_drops_the_vote_line_from_every_field(body: str) -> None:
    raw = {"full_html": f"{VOTE_LINES[2]}<p>{body}", "location": "Oslo", "country": "NO",
           "url": "https://news.ycombinator.com/item?id=90000461", "remote": False}
    with_line = hackernews._posting(raw, 1, None)
    without = hackernews._posting({**raw, "full_html": body}, 1, None)
    assert isinstance(with_line, Posting) and isinstance(without, Posting)
    assert with_line == without
    assert with_line.description == body  # the page's line is no part of the comment's text


def test_the_adapter_keeps_a_comment_that_is_only_a_vote_line() -> None:
    raw = {"full_html": VOTE_LINES[0], "url": "https://news.ycombinator.com/item?id=1"}
    p = hackernews._posting(raw, 1, None)
    assert isinstance(p, Posting) and p.description == VOTE_LINES[0]
