"""Role family of a Hacker News comment whose header names no role (or an open one: "Consulting Engineer"),
decided by the text tie-break (real-later-v92, h20role5; `real-later-v89` class B): a short text that names
the software role or its work in role words ("an SRE (Site Reliability Engineer)", "a Web Developer", "like
GitHub for ...") read `other` because the software cue words counted only
technologies. The role words of software work are software cues now (`text_cues` in role_families.yaml):
developer(s), SRE, site reliability, GitHub ("development" is not: "Business Development"). Invented comments
of the same shape as the misses.
Controls that must not move: a text naming no software work, a hardware or sales text whose other cues
outnumber the software ones, a "business development" sales text, and any title the rules decide."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # the misses' shapes: no role in the header, the role named once in a short text
    ("Pearmont Ltd. | Leeds | Full-time | Onsite<p>We need a seasoned SRE (Site Reliability Engineer) for"
     " our ticketing team. Details: https://example.org/jobs</p>", SE),
    ("Tessaly connects gardeners in Spain and the rest of Europe through its apps.<p>We are hiring a Web"
     " Developer and a Product Manager</p><p>Web Developer - https://example.org/a</p>", SE),
    # an open title, a text naming a developer's work
    ("Quorra | Consulting Engineer | Remote East Coast w/ travel<p>Quorra is looking for a consulting"
     " engineer for its services team: a former developer with good Linux skills.</p>", SE),
    # no role named: a software product's text
    ("Brickly - Full time - Onsite - Denver<p>We make software that works like GitHub for building"
     " plans; builders use it on every construction site.</p>", SE),
])
def test_short_text_names_software_work(body: str, family: str) -> None:
    assert hn_family(body) == family


@pytest.mark.parametrize(("body", "family"), [
    # a text naming no software work: other, as before
    ("Fenwick Bakery | Bristol | Onsite<p>We bake bread for cafes and need early risers.</p>", OTHER),
    # a hardware text: its other cues outnumber the software ones
    ("Voltwise | Engineer | Austin<p>Design PCB circuits and analog boards for our manufacturing plant;"
     " some firmware development.</p>", OTHER),
    # a sales text naming business development
    ("Harlow | Remote<p>Business development and sales: cold calling, CRM and quota for our SaaS.</p>",
     OTHER),
    # a title the rules decide: the text is never read
    ("Marrow | Product Manager | NYC<p>Work with our developers on development of GitHub apps.</p>", OTHER),
    ("Ostrel | Data Scientist | Remote<p>Work with our SRE and developers.</p>", DATA),
])
def test_controls_unchanged(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_text_tie_break_counts_role_words() -> None:
    assert classify_role_family(None, "We need an SRE (site reliability) for our payments team.") == SE
    assert classify_role_family("Engineer", "A developer who keeps our GitHub tidy.") == SE
    # "development" is no cue: German consultants' texts write "Business Development", "Product Development"
    assert classify_role_family("Consultant", "Consulting for Business Development and Product Development"
                                " with a developer.") == OTHER
    # one role word alone is below min_software_cues
    assert classify_role_family(None, "We need a developer.") == OTHER
