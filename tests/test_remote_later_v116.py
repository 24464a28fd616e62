"""Later batch real-later-v116 (Hacker News remote, drawn by a prose arrangement cue): its one class of misses
shared by two employers, in invented wording.

Class A: an ONSITE header beside "the opportunity (opportunities) to work remotely / from home" granted in
the text (among the perks, "a flexible schedule, including opportunities to work remotely") is a possibility
of home work, as the eighth round's "option to work remotely", so a share of the week at home -> hybrid (the
twenty-sixth round's reading of home work granted beside an ONSITE header; Hacker News 2017-11 #818 and
2018-03 #498). The cue is data: ``home_grants`` in ``etl/data/work_arrangement.yaml``. Controls: a refused
opportunity, an opportunity to work with remote things (sensing, monitoring), an opportunity of the whole
job from anywhere, a choice with the office, and the same words under a REMOTE header stay as they were.
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

R, H, ON = "remote", "hybrid", "onsite"

HEAD = "Brightwell Labs | Plant Software Engineer | Derby, UK | {cell} | Full-time\n"
BODY = "We write the software that keeps small greenhouses warm and need a steady engineer to help.\n"


@pytest.mark.parametrize(("cell", "extra", "mode"), [
    ("ONSITE", "A loose timetable for our crew, including opportunities to work remotely.", H),
    ("ONSITE", "We offer fair pay, a pension, flexible hours and the opportunity to work remotely.", H),
    ("Onsite", "You will also have the opportunity to work from home when the greenhouse is quiet.", H),
    ("ONSITE, VISA", "Perks: a tea budget, opportunities to work from home, a bike scheme.", H),
    # controls: refused, remote things, the whole job from anywhere, a choice, a REMOTE header
    ("ONSITE", "There is no opportunity to work remotely in this role; the sensors need hands.", ON),
    ("ONSITE", "You get the opportunity to work with remote sensing data from our fields.", ON),
    ("ONSITE", "A great opportunity to work on remote monitoring tools for growers.", ON),
    ("REMOTE", "We offer fair pay, flexible hours and the opportunity to work remotely.", R),
])
def test_class_a_opportunity_of_home_work_beside_an_onsite_header(cell: str, extra: str, mode: str) -> None:
    text = HEAD.format(cell=cell) + BODY + extra
    assert classify_remote(None, "Plant Software Engineer", text) == mode


@pytest.mark.parametrize("extra", [
    "You have the opportunity to work remotely from anywhere in the country.",
    "You have the opportunity to work remotely full-time once settled.",
    "You have the opportunity to work remotely or from our Derby office, as you like.",
])
def test_class_a_not_read_for_the_whole_job_or_a_choice(extra: str) -> None:
    """The whole job done remotely, or a choice with the office, is no share of home days: the cue leaves
    it to the other rules (whatever they read, not hybrid by this cue)."""
    text = HEAD.format(cell="ONSITE") + BODY + extra
    assert classify_remote(None, "Plant Software Engineer", text) != H


def test_class_a_cue_read_late_in_a_long_text_without_header() -> None:
    """The cue is part of the hybrid class: a long text whose start states nothing reads it at its end."""
    filler = "We write the software that keeps small greenhouses warm. " * 50
    text = filler + "Benefits: flexible hours and the opportunity to work remotely."
    assert classify_remote(None, "Plant Software Engineer", text) == H
    assert classify_remote(None, "Plant Software Engineer", filler + "Benefits: flexible hours.") is None
