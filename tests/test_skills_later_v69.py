"""Skills classes of the later batch real-later-v69 (issue 9: No Fluff Jobs skills): a developer's title
naming "Embedded" as the role's field (the lead's ruling 1 on real-later-v8, coded now that a second title
writes it).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting

BODY = "You will write drivers for our sensor boards together with the hardware team."


@pytest.mark.parametrize(("title", "found"), [
    # the title's area word names the role's field: Embedded Systems
    ("Rust Embedded Developer", True),
    ("Remote Embedded Developer (Gdansk)", True),
    ("Embedded-Developer C++", True),
    ("Softwareentwickler Sensorik (m/w/d) Embedded", True),
    ("Software Developer Embedded", True),
    ("Firmware-Entwickler (w/m/d) Embedded", True),
    # controls: no area word before or after the developer noun, or another field named
    ("Backend Developer", False),
    ("Softwareentwickler Sensorik (m/w/d)", False),
    ("Frontend Developer for embedded dashboards", False),
])
def test_embedded_developer_titles(title: str, found: bool) -> None:
    assert ("Embedded Systems" in named_in_posting(BODY, title)) is found


@pytest.mark.parametrize(("text", "found"), [
    # the role's colleagues and field named in the text the same way
    ("Join our team of embedded developers building firmware for heat pumps.", True),
    # controls that must not move: embedded as "placed inside", no developer noun after it
    ("Analytics embedded in every product team; we hire a data developer.", False),
    ("Our developers embedded with the sales team write reports in SQL.", False),
    ("A developer embedded in the data team writes the SQL reports.", False),
])
def test_embedded_developers_in_text(text: str, found: bool) -> None:
    assert ("Embedded Systems" in named_in_posting(text)) is found
