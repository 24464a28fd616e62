"""The skills a text names, as the per-round skills tests read them (one helper; 15 files wrote it again)."""

from __future__ import annotations

from etl.normalize.skills import extract_skills


def named(text: str, title: str = "") -> set[str]:
    """The canonical skill names ``extract_skills`` finds in ``text`` (with ``title``), as a set."""
    return set(extract_skills(text, title)[0])
