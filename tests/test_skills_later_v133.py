"""Skills rules of the later batch real-later-v133 (issue 9: Hacker News and Glassdoor skills).

The lead's ruling 6 on `real-later-v131` (coded this round, tests first): laboratory instruments whose product
names open with "React" and go on with a capitalised suffix (in-situ infrared and Raman probes of reaction
analysis, "ReactIR"-like names; `real-later-v131`'s Glassdoor #368, the round's one wrong name) are no React.
The word right after a form that starts with a capital is read as a lost line break ("ReactWe ship ..."), so
"ReactRaman" named React; "ReactIR" did not (an upper-case suffix is no glued word) and is listed beside it
so that a later change of the glue reading cannot bring it back. React written as the library, alone, glued to
the next sentence or in its own spellings, keeps its reading.

Invented wording."""

from __future__ import annotations

import pytest
from skill_names import named_in_posting


@pytest.mark.parametrize("text", [
    "Follow each batch in situ with ReactRaman spectroscopy and report the kinetics.",
    "You will run ReactIR and ReactRaman probes on the pilot reactors.",
    "Hands-on time with ReactIR, ReactRaman or comparable process analytical tools.",
    "Our kilo lab relies on ReactRaman and offline HPLC.",
])
def test_laboratory_instruments_named_react_suffix_are_no_react(text: str) -> None:
    assert "React" not in named_in_posting(text)


@pytest.mark.parametrize(("text", "skill"), [
    # the instruments' other names still read ("Matlab" beside them is MATLAB)
    ("Model the ReactRaman traces in Matlab.", "MATLAB"),
    # controls: React the library keeps its reading
    ("Frontend work in React and TypeScript.", "React"),
    ("Our stack: ReactJS, Redux and Node.", "React"),
    ("We build the dashboard in React.js with hooks.", "React"),
    ("Skills: Vue, ReactWe value curiosity above all.", "React"),
])
def test_other_names_and_react_the_library_keep_their_reading(text: str, skill: str) -> None:
    assert skill in named_in_posting(text)
