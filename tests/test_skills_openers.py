"""skills.yaml's glued_openers against the code that reads them (etl/normalize/skills.py ``_opener_at``)."""

from __future__ import annotations

from etl.normalize import skills


def test_every_glued_opener_is_read_whole() -> None:
    """Review of the seventh session: ``_opener_at`` reads at most ``_OPENER_MAX`` + 1 letters, a limit its
    comment calls "the longest word of glued_openers" (it is 8; the longest is 6, "Unsere"). A longer word
    added to the list ("Gemeinsames", 11) would never be found, silently: every opener is read whole, alone or
    glued to a name before it."""
    openers = skills._matcher().openers
    assert openers
    for word in openers:
        assert skills._opener_at(f"{word} baut Karten.", 0, openers), word
        assert skills._opener_at(f"Vue{word} baut Karten.", 3, openers), word
