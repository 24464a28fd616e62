"""Later batch real-later-v77 (German get in IT remote): the cue due by the lead's ruling 3 on real-later-v66,
in invented wording.

Working "wann und wo du möchtest" (when and where you like) is a free choice of the place of work, home
included -> remote, also beside get in IT's Home-Office header badge (a bare home-office option, which alone
is hybrid): as real-later-v41's "you decide where you work" and the "arbeite, wo du möchtest" cue already
read. The same choice led by "du entscheidest, wann und wo du arbeitest" is the same reading. The cues are
data (``etl/data/work_arrangement.yaml``, de ``remote``, and its ``anchors``); no trailing word boundary,
because get in IT glues a benefits line to the next one ("...wo du möchtestUnser Team").

Controls: a choice of hours only ("arbeite, wann du möchtest", flexible hours: no remote work), a refused
choice ("nicht arbeiten, wann und wo du möchtest"), "wann und wo" about something else (where to apply), and
the badge alone stay as they were.
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import classify_remote

R, H = "remote", "hybrid"

BADGE = "KielHome-OfficeSAPConsultingJetzt bewerben"  # get in IT's header, glued to its neighbours


@pytest.mark.parametrize(("text", "mode"), [
    (BADGE + "Wir bieten: Moderne Arbeitsbedingungen – Arbeite wann und wo du möchtestUnser Team lacht", R),
    ("Wir bieten: moderne Arbeitsbedingungen - arbeite wann und wo du möchtest. Ein nettes Team.", R),
    ("Maximale Freiheit: Arbeiten, wann und wo Sie wollen. Dazu ein Jobticket.", R),
    ("Arbeite, wo und wann du willst, und genieße 30 Tage Urlaub.", R),
    ("Du entscheidest, wann und wo du arbeitest, in Absprache mit dem Team.", R),
    (BADGE + "Sie entscheiden selbst, wann und wo Sie arbeiten.", R),
    # controls: hours only, a refused choice, another "wann und wo", the badge alone
    (BADGE + "Flexible Arbeitszeiten: arbeite, wann du möchtest. Ein nettes Team.", H),
    ("Flexible Arbeitszeiten: arbeite, wann du möchtest. Ein nettes Team.", None),
    ("Du entscheidest, wann du arbeitest.", None),
    ("Wir zeigen dir, wann und wo du dich bewerben kannst.", None),
    ("Du darfst leider nicht arbeiten, wann und wo du möchtest: vier Tage pro Woche im Büro in Kiel.", H),
    (BADGE + "Ein nettes Team.", H),
])
def test_work_when_and_where_you_like_is_remote(text: str, mode: str | None) -> None:
    assert classify_remote("Kiel", "Berater (m/w/d)", text) == mode
