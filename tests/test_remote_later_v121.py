"""Later batch real-later-v121 (Hacker News remote, drawn by the prose cue a second time), part B: the Hacker
News export's keyword ``remote`` flag, in invented wording.

The mapped export sets ``remote`` true on a comment whose text holds the word anywhere; the adapter passes it
as the posting's own flag when the header has no arrangement cell (etl/sources/hackernews.py). Where the only
remote words of the comment describe the team's make-up ("half our team is remote", "remote colleagues"),
the flag says nothing of this job (the labels read such a sentence as no statement: h10r93, and
real-later-v116's class D, Hacker News 2018-02 #510 and its repost #690): the flag gives way and the text
decides (lead's ruling 3 on real-later-v116). The cue words are data: ``team_remote`` in
``etl/data/hackernews_header.yaml``. Controls: a remote word about the job beside the team sentence, "join our
remote team", a header REMOTE cell, a comment with no remote word at all, and a flag set false keep their
readings.

Class E (the batch's one miss, Hacker News 2018-04 #229, and the tune miss 2017-10 #649, two employers): a
header cell joining a place with a word for working from anywhere ("<city> and distributed", "Anywhere or
<city>") is an office-or-remote choice -> remote, as an "Anywhere" cell alone is (eighty-fifth round). The
words are data: ``anywhere_words`` in ``etl/data/hackernews_header.yaml``. Controls: a cell of two places, a
role cell naming distributed systems, and "anywhere" beside no place keep their readings.
"""

from __future__ import annotations

import pytest

from etl.extract import extract
from etl.sources import hackernews

HEAD = "Copperleaf Games | Gameplay Programmer, QA Tester | {cell}\n<p>"
BODY = "We make small puzzle games for phones and tablets. {extra}<p>Write to jobs at copperleaf dot example."


def _read(cell: str, extra: str, flag: bool = True) -> tuple[bool | None, str | None]:
    raw = {"full_html": HEAD.format(cell=cell) + BODY.format(extra=extra), "remote": flag,
           "url": "https://news.ycombinator.com/item?id=1"}
    p = hackernews._posting(raw, 1, None)
    assert not isinstance(p, hackernews.Rejected)
    return p.remote_hint, extract(p.as_extract_input())["remote"]


@pytest.mark.parametrize("extra", [
    "Our studios are in Leeds and Porto, and half our team is remote.",
    "We have a studio in Leeds; most of our engineers work remotely.",
    "Half of us are remote and the rest sit in Porto.",
    "You will pair daily with our remote colleagues in three time zones.",
    "About 40% of our staff work remotely these days.",
])
def test_the_flag_gives_way_where_the_remote_words_describe_the_team(extra: str) -> None:
    # the flag is not passed on; the text decides, as it does for the same comment flagged false
    assert _read("Full-time", extra) == (None, _read("Full-time", extra, flag=False)[1])


@pytest.mark.parametrize("extra", [
    "Our studios are in Leeds and Porto, and half our team is remote.",
    "Half of us are remote and the rest sit in Porto.",
    "You will pair daily with our remote colleagues in three time zones.",
])
def test_a_team_sentence_alone_states_no_arrangement(extra: str) -> None:
    assert _read("Full-time", extra) == (None, None)


@pytest.mark.parametrize(("cell", "extra", "flag", "hint", "mode"), [
    # the job's own remote word beside the team sentence: the flag stands (and the text says remote)
    ("Full-time", "Half our team is remote, and this role can be remote too.", True, True, "remote"),
    # joining a remote team is this job's arrangement
    ("Full-time", "Come and join our remote team of six.", True, True, "remote"),
    ("Full-time", "Come and join our remote colleagues in three time zones.", True, True, "remote"),
    # a header cell decides before the keyword flag
    ("REMOTE", "Half our team is remote.", True, True, "remote"),
    # no remote word in the text at all: the flag is kept as before
    ("Full-time", "We meet for a games night once a month.", True, True, "remote"),
    # a flag set false stays no statement
    ("Full-time", "Half our team is remote.", False, None, None),
])
def test_controls_keep_their_readings(cell: str, extra: str, flag: bool, hint: bool | None,
                                      mode: str | None) -> None:
    assert _read(cell, extra, flag) == (hint, mode)


@pytest.mark.parametrize(("cell", "mode"), [
    ("Leeds, UK and distributed", "remote"),
    ("Anywhere or Leeds", "remote"),
    ("Porto or worldwide", "remote"),
    ("Distributed / Porto, Portugal", "remote"),
    # controls: two places, a role cell, anywhere beside no place
    ("Leeds and Porto", None),
    ("Backend and Distributed Systems", None),
    ("Nights and anywhere", None),
])
def test_class_e_a_place_or_anywhere_cell_is_a_choice_with_remote(cell: str, mode: str | None) -> None:
    assert _read(cell, "We hire steady people.", flag=False)[1] == mode
