"""Seniority: the classes coded from the Hacker News tune residue (twenty-sixth session, branch h26senires):
tune misses that two or more employers share, none read by the readers before.

Invented wording throughout (placeholders, no posting's words)."""

from __future__ import annotations

import pytest
from hn_seniority import hn_seniority

# Class A: a listing noun with the roles it lists on the same line - "Positions: <role>, ..." opening a
# line, "open positions (<role>, <role>, ...)" in a sentence, "<roles / positions / openings>, including
# <role>, ..." - is a list introduced by its noun: the first role listed decides (the first-role ruling),
# as "open positions: " already did. Three employers in the tune half (2017-10 #366, 2018-04 #120, 2017-11
# #508).
_LISTED_ON_THE_LINE = [
    ("Quarrylane | Turin, Italy | Full-time, Onsite | https://quarrylane.example<p>Quarrylane maps clay for "
     "studios.<p>Positions: Senior Kiln Engineer, Glaze | Lead Test Engineer | Potter, Wheel<p>"
     "Apply at https://quarrylane.example/jobs", "senior"),
    ("Quarrylane (https://quarrylane.example) | Leeds, UK | Full-time, Onsite<p>Quarrylane maps clay for "
     "studios. Our stack is Clayscript.<p>For more on our team and open positions (Sr Engineer, Engineer, "
     "Design, Sales), see https://quarrylane.example/jobs", "senior"),
    ("Quarrylane Lab | Leeds, UK | ONSITE only<p>At the lab we fire kilns with models.<p>We're hiring for "
     "multiple roles, including Lead Glaze Engineer, Glaze Engineer, PM, and Kiln Lead. Write to us.",
     "lead"),
]
_LISTED_ON_THE_LINE_CONTROLS = [
    # the first role listed names no level: the first-role ruling (a later "Senior" is another opening's)
    ("Quarrylane | Turin, Italy | Onsite<p>Quarrylane maps clay.<p>Positions: Kiln Engineer | Senior Potter",
     "unspecified"),
    # a bracket after "open positions" that lists no role
    ("Quarrylane | Leeds, UK | Onsite<p>Quarrylane maps clay. See our open positions (all in Leeds) at "
     "https://quarrylane.example/jobs", "unspecified"),
    # "positions:" continuing a sentence broken across lines, not opening a line of its own: an "also" list
    # of other openings (the first snapshot of this rule read an unlabelled comment so, one employer)
    ("Quarrylane | Leeds | Onsite<p>Quarrylane maps clay.<p>We are looking for:\n- Glaze developers of all "
     "kinds\nWe are also looking for people in \"unusual\"\npositions: Vice President Kilns, Junior Support",
     "unspecified"),
    # "including" after a noun that lists no openings
    ("Quarrylane | Leeds, UK | Onsite<p>Quarrylane maps clay with many tools, including senior kilns.",
     "unspecified"),
]


@pytest.mark.parametrize(("body", "expected"), _LISTED_ON_THE_LINE + _LISTED_ON_THE_LINE_CONTROLS)
def test_roles_listed_on_the_listing_nouns_line(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected


# Class B: a comment whose header names no role, whose text names no role in a phrase, and whose openings
# are listed one a line with their links - on the line after a colon or a dash ("Senior <role> - <link>",
# "* Senior <role>: <link>"), or on the next line ("Senior <role>: <area>" above "<link>") - takes the first
# opening's level (the first-role ruling: the first role listed decides). Two employers in the tune half
# (2018-01 #525 under "Check us out:", 2017-12 #612 under a place heading "<City>:"); no list intro the list
# reader knows stands above them.
_LINKED_TITLE = [
    ("Quarrylane | Several Full-Time Positions | quarrylane.example/jobs<p>Quarrylane helps potters sell.<p>"
     "Our team is small and friendly. See for yourself:\nSenior Glaze Engineer - http://q.example/a\n"
     "Senior Kiln Engineer - http://q.example/b<p>Write to jobs@quarrylane.example", "senior"),
    ("Quarrylane | Turin (Onsite only) | Full Time | https://quarrylane.example<p>We make kiln software. We "
     "have offices in two cities:<p>Turin:\n* Senior Glaze Engineer: http://q.example/a\n* Kiln Manager: "
     "http://q.example/b\nLeeds:\n* Wheel Engineer: http://q.example/c", "senior"),
    ("Quarrylane | Leeds, UK | ONSITE FULL TIME | https://quarrylane.example<p>Quarrylane sells clay. We "
     "have many openings on our site.<p>But as a highlight, here are two on my team:<p>Lead Glaze Developer: "
     "Monitoring<p>https://quarrylane.example/jobs/1<p>Kiln Developer: Tools<p>https://quarrylane.example/jobs/2"
     "<p>We build a kiln monitor.", "lead"),
]
_LINKED_TITLE_CONTROLS = [
    # the first linked title names no level: the first role decides, a later "Senior" is another opening's
    ("Quarrylane | Several Positions<p>Quarrylane helps potters sell.<p>\nGlaze Developer: http://q.example/a\n"
     "Senior Kiln Developer: http://q.example/b", "unspecified"),
    # the first linked opening's name carries a note ("(<n> new)", "(<language>)", "in <area>", "- <area>"):
    # still the first role, with no level; the "Lead" of the third line is another opening's (the first
    # snapshot of this rule read past such lines: five employers' comments read lead, senior or manager)
    ("Quarrylane | Turin | Onsite<p>Quarrylane helps potters sell.<p>News - http://q.example/press<p>Roles:\n"
     "- Glaze Engineer (12 new): http://q.example/a\n- Wheel Thrower (3 new): http://q.example/b\n"
     "- Kiln Lead Engineer: http://q.example/c", "unspecified"),
    ("Quarrylane | Turin | Onsite<p>Quarrylane helps potters sell.<p>Glaze Engineer in Test: http://q.example/a"
     "\nKiln Manager: http://q.example/b", "unspecified"),
    ("Quarrylane | Turin | Full Time<p>Quarrylane helps potters sell.<p>All jobs- http://q.example/jobs\n"
     "Glaze Engineer.- Kilns- http://q.example/a\nSr. Glaze Engineer- http://q.example/b", "unspecified"),
    # the first opening named without a link on its line: the list of plain titles is not this shape; a link
    # below its last line is the whole list's (the first snapshot read its last line, "Manager of <area>")
    ("Quarrylane | Leeds | Full-Time<p>Quarrylane maps clay.<p>We're hiring for lots of positions:\n"
     "Wheel Engineer\nJunior Glaze Engineer\nManager of Kiln Software\nhttps://q.example/jobs",
     "unspecified"),
    # the first linked line names an opening by a noun the role nouns lack ("<area> Generalist"): it is still
    # the first opening (the first snapshot read the "Manager" of the second line)
    ("Quarrylane | Leeds | Onsite<p>Quarrylane maps clay.<p>Here are our open roles:\n- Glaze Generalist: "
     "https://q.example/a\n- Kiln Operations Manager: https://q.example/b", "unspecified"),
    # a hiring phrase naming the role with no level before the linked list: the text's first role named is
    # plain (real-later-v55's 2018-02 #353 reading; the first snapshot read two employers' lists)
    ("Quarrylane is hiring a variety of glaze engineers to build kilns. We are open to remote.\n"
     "-Kiln Manager (Leeds)\nhttp://q.example/a\n-Glaze Engineer - Wheels (Leeds) http://q.example/b",
     "unspecified"),
    ("Quarrylane | Several Glaze Roles | Onsite<p>Quarrylane maps clay.<p>We're looking for a variety of "
     "engineers who like clay. See our postings:\n* Senior Glaze Engineer: https://q.example/a",
     "unspecified"),
    # a single linked opening is a mention, not a list (later batch real-later-v38's control, kept)
    ("Quarrylane | Leeds | Onsite<p>Quarrylane sells clay.<p>Here is one on my team:<p>Lead Glaze Developer: "
     "Monitoring<p>https://quarrylane.example/jobs/1<p>We build a kiln monitor.", "unspecified"),
    # a line with a link that is a sentence, not a title
    ("Quarrylane | Leeds, UK | Onsite<p>Quarrylane helps potters sell.<p>Our senior glaze engineers wrote "
     "about it - http://q.example/blog", "unspecified"),
    # a title line with no link on it or below it is a heading, not a linked opening (the readers before)
    ("Quarrylane | Leeds, UK | Onsite<p>Quarrylane helps potters sell.<p>Senior Glaze Engineer\nYou will "
     "fire kilns.", "unspecified"),
    # a header role decides before any line of the body
    ("Quarrylane | Glaze Engineer | Leeds, UK | Onsite<p>Quarrylane helps potters sell.<p>"
     "Senior Kiln Engineer - http://q.example/a", "unspecified"),
]


@pytest.mark.parametrize(("body", "expected"), _LINKED_TITLE + _LINKED_TITLE_CONTROLS)
def test_first_linked_title_line_decides(body: str, expected: str) -> None:
    assert hn_seniority(body) == expected
