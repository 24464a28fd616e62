"""Later batch real-later-v108 (remote, 25 Glassdoor and 15 No Fluff Jobs tune records at random): its miss's
class and the twenty-second session's ruling 4 on real-later-v103, in invented wording.

Class A (the batch's one miss): a location line stating the place of work is flexible ("Location: Flexible,
though Denver preferred", "The location is flexible") -> remote: the job is tied to no place, a preferred
city is a preference (as "onsite preferred, remote considered" is remote). Not a flexible schedule, flexible
hours or a benefits package "tailored to your location".

Class B (ruling 4 on real-later-v103): office or home days counted in prose, one to four ("a hybrid model of 3
days onsite and 2 days remote", "at least 3 days in office", "4 days a week in office, 1 day work from home",
"Work mode: 4 days work from office") -> hybrid, read in the whole text (``office_days`` of
``etl/data/work_arrangement.yaml``), also past the 2,000 characters the English phrase rules read and under a
true per-posting flag (the Remote rule: a flag yields to the job's stated share). Controls: an interview or
onboarding day on site, the whole week, fourteen days, a quarterly visit, and statements the rules read
already.
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

R, H, ON = "remote", "hybrid", "onsite"

# about 2,400 characters saying nothing of the arrangement: a statement after it lies past the English window
PAD = "We design accounting tools for family farms and their advisers. " * 38


@pytest.mark.parametrize(("line", "mode"), [
    ("Location: Flexible, though Denver, CO preferred. Travel to our partner office twice a year.", R),
    ("Location: flexible", R),
    ("The location is flexible for this role.", R),
    ("This role is location-flexible.", R),
    # controls: a flexible schedule, a benefits package for the location, a bare place line
    ("Schedule: flexible. Location: Denver, CO.", None),
    ("We offer a benefits package tailored to your location, flexible time off and a gym.", None),
    ("Location: Denver, CO", None),
])
def test_class_a_a_flexible_location(line: str, mode: str | None) -> None:
    text = "Data Operations Lead\n" + line + "\nYou will run our data warehouse and mentor two analysts."
    assert classify_remote("Denver, CO", "Data Operations Lead", text) == mode


CLASS_B = [
    ("Our clearing house offers a flexible/hybrid model of 3 days onsite and 2 days remote.", H),
    ("The employer requires at least 3 days in office; your manager confirms which.", H),
    ("Hours: Mon-Fri, 9-4. 4 days a week in office, 1 day work from home.", H),
    ("Work mode: 4 days work from office", H),
    ("Perks: remote work options (4 days a week remotely, 1 day on-site).", H),
    ("Hybrid work: 2 days at the office and 3 days from home each week.", H),
    ("You will spend two days per week on site in Pune.", H),
    # controls: an interview or onboarding day, the whole week, fourteen days, a visit a quarter
    ("After two calls, one day in office to meet the team.", None),
    ("The last step is a 1 day onsite interview with the founders.", None),
    ("Your first 3 days on site are for onboarding.", None),
    ("The role is 5 days onsite.", ON),
    ("Leave: 14 days in office closures over the holidays.", None),
    ("The whole team meets 2 days onsite each quarter.", None),
]


@pytest.mark.parametrize(("line", "mode"), CLASS_B)
def test_class_b_counted_days_past_the_window(line: str, mode: str | None) -> None:
    assert classify_remote(None, "Data Engineer", PAD + line) == mode


@pytest.mark.parametrize(("line", "mode"), CLASS_B)
def test_class_b_counted_days_under_a_posting_flag(line: str, mode: str | None) -> None:
    """A true per-posting flag yields to the share stated for the job; with no statement the flag stands."""
    assert classify_remote(None, "Data Engineer", PAD + line, remote_hint=True) == (mode or R)


@pytest.mark.parametrize(("line", "mode"), [
    ("Our clearing house offers a flexible/hybrid model of 3 days onsite and 2 days remote.", H),
    ("The team works 3 days onsite and 2 days remote.", H),
    # controls the start's rules read already
    ("This is a fully remote role; you may visit our office 2 days a year.", R),
    ("Onsite in Pune, 5 days a week.", ON),
])
def test_class_b_counted_days_at_the_start(line: str, mode: str | None) -> None:
    assert classify_remote(None, "Data Engineer", line + "\n" + PAD) == mode
