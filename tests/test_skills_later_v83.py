"""Skills rules of the later batch real-later-v83 (issue 9: Hacker News skills): "embedded Linux" names Linux
as well as Embedded Systems (class A of the batch's misses: four labelled Hacker News comments, each labelled
with both, found Embedded Systems only, the longer form hiding the operating system's name).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named, named_in_posting


@pytest.mark.parametrize("text", [
    # running text: the operating system on the device is Linux
    "Familiarity with embedded Linux environments on our field probes is a big plus.",
    # a listed role's areas in brackets, and a role's areas after a dash
    "Open roles:\n* Display developer (embedded Linux, Kotlin)\n* Motor control engineer (C)",
    "Priority roles: Sr SWE, Camera - Embedded Linux, C++ - apply via our board",
    # the hyphenated spelling
    "You will port our agent to Embedded-Linux targets and write the C drivers.",
])
def test_embedded_linux_names_linux_too(text: str) -> None:
    found = named_in_posting(text)
    assert {"Embedded Systems", "Linux"} <= found


def test_embedded_linux_in_a_title_names_linux_too() -> None:
    found = named("You will own the boot chain of our kiosks.", "Senior Embedded Linux Software Engineer")
    assert {"Embedded Systems", "Linux"} <= found


@pytest.mark.parametrize(("text", "skills"), [
    # controls that must not move: the other embedded forms name no operating system
    ("You will write embedded software in C for our microcontrollers.", {"C", "Embedded Systems"}),
    ("Experience with embedded firmware on bare-metal boards is required.", {"Embedded Systems"}),
    ("Our embedded development team ships sensor boards twice a year; you write Rust.",
     {"Embedded Systems", "Rust"}),
    # Linux alone still counts as before, and a team placed inside squads names neither
    ("Our services run on Linux servers we manage with Ansible.", {"Ansible", "Linux"}),
    ("Each squad has a tester embedded with the developers; we write Python.", {"Python"}),
])
def test_controls_do_not_move(text: str, skills: set[str]) -> None:
    assert named_in_posting(text) == skills


@pytest.mark.parametrize("text", [
    # the part of the codebase or organisation the tools serve, not data-science work asked of the hire (the
    # lead's ruling 1 on real-later-v75; class B, tune 2017-10 #210 and 2017-12 #505)
    "Plenty of Rust and Julia on the data science side. Go and Dart for most of everything else.",
    "On the data science side we use Spark and Keras for ranking. We want data scientists who code well.",
    "Our stack is Django on the web side, R on the Data Science side, and everything runs on GCP.",
])
def test_data_science_side_names_no_data_science(text: str) -> None:
    assert "Data Science" not in named_in_posting(text)


@pytest.mark.parametrize("text", [
    # controls that must not move: data science as the work asked
    "You will apply data science to our pricing models.",
    "Experience with data science and statistics is required.",
    "Side projects in data science are a plus.",
])
def test_data_science_asked_still_counts(text: str) -> None:
    assert "Data Science" in named_in_posting(text)
