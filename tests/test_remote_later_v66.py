"""Later batch real-later-v66 (remote, drawn by a hybrid cue; Hacker News and get in IT): its two largest
classes of misses, in invented wording.

Class A: an ONSITE header beside home work the text grants the job in words the phrase rules did not read (a
"work from home option" or "policy" among the perks, "flexible hours/WFH", working from home "on certain
weekdays", "WFH 1-2x a week", "we work from home a lot") is a share of the week at home -> hybrid (the
twenty-sixth round's reading: home days granted beside an ONSITE header are hybrid). The cues are data:
``home_grants`` in ``etl/data/work_arrangement.yaml``. Controls: a refused home work, other people's home
work, an ONSITE header with flexible hours only, and the same words under a REMOTE header stay as they were.

Class C: a header cell "ONSITE WITH PART-TIME REMOTE" / "ONSITE, PART TIME REMOTE" is onsite work with part
of the week remote -> hybrid (the lead's ruling 1 on real-later-v30, coded once a remote batch labels one, the
onsite word in the cell as the guard); a cell "Part time Remote" alone (a part-time job done remotely) stays
remote.
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

R, H, ON = "remote", "hybrid", "onsite"

HEAD = "Acme Maps | Map Engineer | Leeds, UK | {cell} | Full-time\n"
BODY = "We draw maps of small towns for councils and need a careful engineer to help.\n"


@pytest.mark.parametrize(("cell", "extra", "mode"), [
    ("ONSITE", "Perks: catered lunches, a generous time off and work from home policy, dental care.", H),
    ("ONSITE", "Benefits: health insurance, flexible leave with a work from home option.", H),
    ("Onsite", "Perks: WFH options and a yearly learning budget.", H),
    ("ONSITE", "Company perks: Free snacks. Flexible Hours/WFH. Unlimited leave.", H),
    ("ONSITE", "Perks: WFH & flexible hours, a bike scheme.", H),
    ("ONSITE", "We like a calm pace. Feel free to work from home on certain weekdays if you like.", H),
    ("ONSITE", "Everyone can work from home once a week.", H),
    ("Onsite or WFH 1-2x a week", "", H),
    ("ONSITE", "To be honest we work from home a lot and meet in the office when we need to.", H),
    # controls: refused, other people's, no home word, the same words under a REMOTE header
    ("ONSITE", "There is no work from home policy here; we all sit together.", ON),
    ("ONSITE", "Our app helps firms track their work from home policy and leave.", ON),
    ("ONSITE", "Perks: flexible hours, free snacks, a bike scheme.", ON),
    ("REMOTE", "Perks: WFH & flexible hours, a work from home policy, a bike scheme.", R),
])
def test_class_a_home_work_granted_beside_an_onsite_header(cell: str, extra: str, mode: str) -> None:
    text = HEAD.format(cell=cell) + BODY + extra
    assert classify_remote(None, "Map Engineer", text) == mode


@pytest.mark.parametrize(("cell", "mode"), [
    ("ONSITE WITH PART-TIME REMOTE", H),
    ("ONSITE, PART TIME REMOTE", H),
    ("On-site with part-time remote", H),
    # controls: a part-time job done remotely, a choice, an onsite cell alone
    ("Part time Remote", R),
    ("ONSITE or REMOTE", R),
    ("ONSITE", ON),
])
def test_class_c_onsite_cell_with_part_time_remote(cell: str, mode: str) -> None:
    text = HEAD.format(cell=cell) + BODY
    assert classify_remote(None, "Map Engineer", text) == mode


def test_class_a_cues_read_late_in_a_long_text_without_header() -> None:
    """The cues are part of the hybrid class: a long text whose start states nothing reads them at its end."""
    filler = "We draw maps of small towns for councils. " * 60
    assert classify_remote(None, "Map Engineer", filler + "Perks: a work from home policy, dental care.") == H
    assert classify_remote(None, "Map Engineer", filler + "Perks: dental care.") is None
