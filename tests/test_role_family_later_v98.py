"""Role-family rule from the German role family batch's largest class of misses (real-later-v98, h21rolede).

Invented titles of the same shape as the miss: a title joining two roles of different families by a slash
with a space beside it ("<operations role> / <machine-learning role>"). The labelling rules read a posting
naming several roles by the family most of its roles share, a tie going to the first-named role (lead's
ruling 5 on real-later-v79; "SAP Data Migration Specialist / SAP Developer" was labelled data by its first
role); the rules tried the whole title at once, so the data rule (tried before the software rule) won
wherever a data role was named anywhere. Where a rule matches every part of a spaced-slash title, the parts
now vote (``first_role`` in ``etl/data/role_families.yaml``); a part no rule matches (a company, a place, a
bare field word, a title the rules leave open) leaves the whole title to the rules, as before, and a slash
with no space ("m/w/d", "AI/ML") joins no roles."""

from __future__ import annotations

import pytest

from etl.normalize.role_family import classify_role_family

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("title", "family"), [
    # two roles, a tie: the first-named role's family
    ("Junior Platform Engineer / Computer Vision Engineer (m/w/d)", SE),
    ("SRE / Data Engineer (w/m/d)", SE),
    ("Cloud Engineer / MLOps Engineer", SE),
    ("Data Scientist / Backend Developer (m/w/d)", DATA),
    ("Support Engineer / DevOps Engineer (m/w/d)", OTHER),
    # three roles: the family most of them share
    ("Frontend Developer / Backend Developer / Data Analyst", SE),
])
def test_spaced_slash_roles_vote(title: str, family: str) -> None:
    assert classify_role_family(title, "") == family


@pytest.mark.parametrize(("title", "text", "family"), [
    # both parts of one family: unchanged
    ("Data Engineer / Analytics Engineer (m/w/d)", "", DATA),
    ("Java Developer / Architect (m/w/d)", "", SE),
    # a slash without a space beside it joins no roles: the whole title, as before
    ("AI/ML Engineer (m/w/d)", "", DATA),
    ("Werkstudent DevOps/Data Engineering (m/w/d)", "", DATA),
    # a part no rule matches (a company or place, a bare field word, a title left to the text): as before
    ("Nordlicht GmbH / Machine Learning Engineer", "", DATA),
    ("Berlin / Data Engineer", "", DATA),
    ("Data / Software Engineer", "", SE),
    ("Trainee IT-Beratung / Machine Learning Engineer", "", DATA),
    # a product owner is other by no rule (no rule matches it; other is the fall-through): as before
    ("Product Owner / Softwareentwickler (m/w/d)", "", SE),
    # an explicit software title outranks the vote, as it outranks every rule (real-later-v89 ruling 4)
    ("Hardware Engineer / Softwareentwickler (m/w/d)", "", SE),
    ("Data Analyst / Backend SWE", "", SE),
    # no slash: unchanged
    ("Junior DevOps and Machine Learning Engineer (m/w/d)", "", DATA),
    ("Senior Backend Developer (m/w/d)", "", SE),
])
def test_neighbours_unchanged(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family
