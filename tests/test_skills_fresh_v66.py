"""Skills classes from the seventy-second round's misses (issue 9, real-fresh-v66; invented wording)."""

from __future__ import annotations

import pytest
from skill_names import named as _named
from skill_names import named_in_posting


@pytest.mark.parametrize(("text", "skill", "named"), [
    # a team's members listed by their roles after "team(s) of" are colleagues, as after "made up of"
    ("You will work closely with our small teams of developers, QA analysts, product owners and "
     "designers.", "Quality Assurance", False),
    ("Proven ability to thrive on a cross-disciplinary team of designers, developers, and QA.",
     "Quality Assurance", False),
    ("Our studio is a team of engineers, designers and DevOps specialists who love shipping.",
     "DevOps", False),
    # the roles hired, or the work the role does, still count
    ("We are hiring QA engineers to test our apps beside a team of developers and designers.",
     "Quality Assurance", True),
    ("You own QA for the mobile apps and work with a team of developers and designers.",
     "Quality Assurance", True),
    ("Join a team of engineers building DevOps tooling: Terraform, Docker and CI pipelines.", "DevOps", True),
    # the name must open its own list item: a phrase after the team's members is the role's work
    ("You would join a small team of developers and help grow our ability to analyse Big Data: "
     "dashboards first.", "Big Data", True),
])
def test_seventy_second_round_colleagues(text: str, skill: str, named: bool) -> None:
    assert (skill in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # "embedded" opening a list of adjectives before systems or software names embedded systems, as
    # "distributed, scalable systems" names distributed systems
    ("Hands-on experience with embedded, Yocto based systems and board bring-up.", True),
    ("Our embedded and safety-critical software runs on custom boards.", True),
    # no list before a head: the word alone stays plain
    ("Links are embedded, and the systems team reviews them.", False),
    ("Video players are embedded in partner pages.", False),
])
def test_seventy_second_round_embedded_lists(text: str, named: bool) -> None:
    assert ("Embedded Systems" in _named(text)) is named


@pytest.mark.parametrize(("text", "skill", "named"), [
    # "we use <a field> to <serve the customers>" presents the employer's business, as "our platform uses AI
    # to automate campaigns" does: a domain skill named only there is no demand
    ("We use artificial intelligence and match footage to create ratings for young players. We need a Python "
     "developer for new features.", "AI", False),
    ("We use machine learning and sensor data to help farmers predict their harvest. Apply now.",
     "Machine Learning", False),
    ("We are using computer vision to detect damaged parcels for couriers. Send us your CV.",
     "Computer Vision", False),
    # the same field asked of the role elsewhere still counts; concrete tools and plain stacks count
    ("We use machine learning to rank listings. You will train and ship machine learning models.",
     "Machine Learning", True),
    ("We use Python and Django to create our booking tools.", "Python", True),
    ("We use AI assistants such as Copilot every day in our team.", "AI", True),
])
def test_seventy_second_round_we_use_pitch(text: str, skill: str, named: bool) -> None:
    assert (skill in named_in_posting(text)) is named
