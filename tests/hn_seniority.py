"""A Hacker News comment's seniority as the pipeline reads it (one helper; four per-round files wrote it)."""

from __future__ import annotations

from etl.extract import extract
from etl.normalize.hn_comment import read_comment


def hn_seniority(body: str) -> str:
    """The seniority ``extract`` gives a Hacker News comment's HTML ``body``, its header read as the title."""
    return str(extract({"source": "hackernews", "title": read_comment(body).title, "description": body,
                        "description_format": "html"})["seniority"])
