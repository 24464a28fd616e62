"""The skills a text names, as the per-round skills tests read them (one helper; 15 files wrote it again)."""

from __future__ import annotations

from etl.normalize.skill_context import pitch_spans
from etl.normalize.skills import extract_skills


def named(text: str, title: str = "") -> set[str]:
    """The canonical skill names ``extract_skills`` finds in ``text`` (with ``title``), as a set."""
    return set(extract_skills(text, title)[0])


def named_in_posting(text: str, title: str = "") -> set[str]:
    """As the pipeline reads a posting: the employer's presentation sentences (``pitch_spans``) first."""
    return set(extract_skills(text, title, pitch_spans(text))[0])
