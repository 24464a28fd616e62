"""Role family of a Hacker News comment with no header cells whose OPENING sentence names the role
(`real-later-v109` class B, 2018-02 #295 "<name> is looking for a <role> in <city>!"; its second labelled
record `real-later-v127` 2017-12 #370 "<start-up> seeks <adjectives> <tech>/<tech> developers to ..."): the
comment's opening line is read as a hiring sentence too where the comment has no header (fewer than two
cells), and there only the hiring phrases take "<subject> is / are looking for", "is / are seeking",
"seeks" (h25rolehn4 question 3, "widen the phrases on a labelled miss"). Before, the opening line was the
header line, never read by the hiring-sentence reader, and such a comment fell to its text's tie-break (other
for a short text).

Invented comments of the records' shapes; controls that must not move are marked."""

from __future__ import annotations

import pytest
from hn_seniority import hn_family

from etl.normalize.hn_comment import hiring_sentence_roles

SE, DATA, OTHER = "software_engineering", "data", "other"


@pytest.mark.parametrize(("body", "family"), [
    # the opening sentence names the role, the rest names no software work twice
    ("Thriving freight start-up seeks unusually sharp Elixir/ Vue developers to help shape how pallets move. "
     "You must enjoy building large systems quickly.<p>A degree in a numerate subject is welcome. Relocation "
     "to Porto is required.</p><p>Send a CV to jobs@example.com</p>", SE),
    ("Our Greenhouse Lab is looking for a Dev Team Manager in Leeds!", SE),
    ("Grainfield is seeking a data scientist to forecast harvests for small farms.<p>We are eleven people in "
     "Ghent.</p><p>Write to us at hello@example.com</p>", DATA),
])
def test_the_opening_sentence_names_the_role(body: str, family: str) -> None:
    assert hn_family(body) == family


def test_the_opening_line_is_read_only_without_a_header() -> None:
    opening = "Grainfield is seeking a data scientist to forecast harvests.<p>Hi.</p>"
    assert hiring_sentence_roles(opening) == ("data scientist",)
    # a header line is no sentence of the text
    header = "Grainfield is seeking a data scientist | Ghent | Onsite<p>We farm.</p>"
    assert hiring_sentence_roles(header) == ()


@pytest.mark.parametrize(("body", "family"), [
    # an opening sentence naming no role: the text decides, as before
    ("Grainfield seeks to feed the world with better seed.<p>We write Python and TypeScript, review code and "
     "run Docker.</p><p>Write to us at hello@example.com</p>", SE),
    ("Grainfield is looking for investors and farmers who care about soil.<p>We are eleven people.</p>",
     OTHER),
    # a header role decides
    ("Grainfield | Backend Developer | Ghent | Onsite<p>Grainfield is seeking data scientists too.</p>", SE),
    # the opening phrases are not read below a header: "<name> is seeking <role>" in the text's lines
    ("Grainfield | Ghent | Onsite<p>We grow seed.</p><p>Grainfield is looking for a data analyst.</p>",
     OTHER),
    # ... where it opens a role's own section below a header cell of areas (2 data areas to 1 business one)
    ("Grainfield | Ghent | Machine Learning, Field Sales, Data Science<p>Data Scientists</p><p>Grainfield is "
     "seeking scientists and engineers who love statistics.</p>", DATA),
    # a body list decides
    ("Grainfield is seeking data analysts and a data scientist.<p>- Backend Developer</p>"
     "<p>- Frontend Developer</p><p>Write to us at hello@example.com</p>", SE),
])
def test_controls_that_do_not_move(body: str, family: str) -> None:
    assert hn_family(body) == family
