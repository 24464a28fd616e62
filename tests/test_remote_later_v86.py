"""Later batch real-later-v86 (remote, 40 random Hacker News tune records): its misses' classes, in invented
wording.

Class A: work stated in prose to be on site, in the office or in person with an adverb of all of the time
("These roles will be exclusively onsite in Leeds", "the jobs are strictly on-site") under a header naming no
arrangement -> onsite (the Remote rule: the posting says the work is done on site). The cue is data: the
``en`` ``onsite`` list in ``etl/data/work_arrangement.yaml``. Controls: an on-site interview or training,
office days counted in the week, on site at first and remote later, a negated statement and a choice with
remote.
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

R, H, ON = "remote", "hybrid", "onsite"

HEAD = "Acme Maps | Map Engineer - All Levels | $80k - $120k | Leeds | https://acme-maps.example\n"
BODY = "We draw maps of small towns for councils and need careful engineers to help.\n"


@pytest.mark.parametrize(("extra", "mode"), [
    ("These roles will be exclusively onsite in Leeds.", ON),
    ("The position will be entirely in-office at our Leeds studio.", ON),
    ("All of these jobs are strictly on-site.", ON),
    ("This role will be 100% onsite.", ON),
    ("The roles will be fully in person in Leeds.", ON),
    ("Both positions are exclusively on site.", ON),
    # controls: an interview on site, counted office days, on site at first then remote, negations,
    # a choice with remote, training on site, a statement of the company in general
    ("The final interview for these roles will be onsite in Leeds.", None),
    ("This role will be onsite 3 days a week.", H),
    ("The role will be onsite for the first month, then fully remote.", R),
    ("These roles will not be exclusively onsite.", None),
    ("This job isn't strictly on-site.", None),
    ("Onboarding will be exclusively onsite training in Leeds.", None),
    ("These roles will be onsite in Leeds or remote.", R),
    ("Our other teams are mostly remote; the company is growing.", None),
])
def test_class_a_roles_stated_to_be_on_site(extra: str, mode: str | None) -> None:
    text = HEAD + BODY + extra
    assert classify_remote(None, "Map Engineer", text) == mode
