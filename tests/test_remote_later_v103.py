"""Later batch real-later-v103 (remote, 35 random Hacker News tune records): its miss's class, in invented
wording.

Class A: a short field or header cell counting the days of each mode ("3 days onsite & 2 days remote",
"three days in office / two days WFH", "Leeds (2 days a week in-office)"): office or home days counted,
one to four, are a share of the week -> hybrid (the Remote rule's "onsite four days a week", "WFH two days
a week"), as the same cell already reads "2 days of remote work, 3 days of on-site work"
(``_DAYS_OF_WORK``). The counted days are taken out before the cell's bare remote word is read, so a cell
offering remote work beside them ("REMOTE or 2 days onsite") stays remote. Controls: a bare choice, the
whole week, an interview day on site, fourteen days, and cells whose other words already decided.
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

R, H, ON = "remote", "hybrid", "onsite"

BODY = "\nWe make routing software for bakeries and need a careful engineer to help us grow.\n"


@pytest.mark.parametrize(("cell", "mode"), [
    ("3 days onsite & 2 days remote", H),
    ("3 days in office, 2 days from home", H),
    ("Two days in-office / three days WFH", H),
    ("2-3 days a week onsite", H),
    ("1 day per week in person, 4 days remote", H),
    ("4 days remote", H),
    ("3 days WFH", H),
    # controls: a choice with remote, the whole week, an interview day, fourteen days, the cells' other words
    ("ONSITE or REMOTE", R),
    ("REMOTE or 2 days onsite", R),
    ("Onsite 5 days", ON),
    ("REMOTE (final 1 day onsite interview)", R),
    ("Remote, 14 days onsite a year", R),
    ("ONSITE", ON),
    ("2 days of remote work, 3 days of on-site work", H),
])
def test_class_a_counted_days_in_a_header_cell(cell: str, mode: str | None) -> None:
    text = f"Acme Routes | Backend Engineer | Leeds, UK | {cell} | Full-time" + BODY
    assert classify_remote(None, "Backend Engineer", text) == mode


@pytest.mark.parametrize(("location", "mode"), [
    ("Leeds (2 days a week in-office)", H),
    ("Leeds, 3 days onsite", H),
    # controls: a bare city, a bare mode word
    ("Leeds", None),
    ("Leeds (onsite)", ON),
])
def test_class_a_counted_days_in_a_location(location: str, mode: str | None) -> None:
    assert classify_remote(location, "Backend Engineer", BODY.strip()) == mode


def test_class_a_under_a_posting_flag() -> None:
    """A true per-posting flag yields to the hybrid share stated in the header (the Remote rule)."""
    text = "Acme Routes | Leeds, UK | 3 days onsite & 2 days remote | Full-time" + BODY
    assert classify_remote("Leeds, UK", None, text, remote_hint=True) == H
