"""Skills classes of the later batch real-later-v14 (issue 9: Hacker News skills).

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named as _named


@pytest.mark.parametrize(("text", "named"), [
    # C written beside the firmware or microcontroller work it is asked for
    ("Firmware engineers who write real-time C for <chip> microcontrollers.", True),
    ("- Embedded Engineer: you breathe C and <arch>, no MMU needed.", True),
    ("Bare-metal work: interrupt handlers in portable C on our boards.", True),
    # the letter in other senses beside the same words stays out
    ("Our firmware team closed its Series C round last spring.", False),
    ("The embedded sensors are rated from -40 °C to 85 °C.", False),
    ("The embedded sensors are rated from -40°C to 85°C.", False),
    ("Option C: the firmware update ships in May.", False),
    # no embedded word near: the letter alone is still no language
    ("Grade A, B or C offices in <city>.", False),
])
def test_c_beside_firmware_or_microcontroller_work(text: str, named: bool) -> None:
    assert ("C" in _named(text)) is named


@pytest.mark.parametrize(("text", "named"), [
    # a lower-case "solidity" in a list of other skills, as "swift" or "angular" in lower case
    ("Whether you code in react, python or solidity, say hello.", True),
    ("You know node/three.js/solidity and like shipping.", True),
    # the plain word stays out
    ("We value the financial solidity of our partners.", False),
    ("The solidity of the design matters to us; we use Python.", False),
])
def test_a_lower_case_solidity_in_a_list_of_skills(text: str, named: bool) -> None:
    assert ("Solidity" in _named(text)) is named
