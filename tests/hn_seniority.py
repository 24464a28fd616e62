"""A Hacker News comment's seniority and role family as the pipeline reads them (one helper each; four
per-round files wrote the first, three the second)."""

from __future__ import annotations

from typing import Any

from etl.extract import extract
from etl.normalize.hn_comment import read_comment


def hn_output(body: str) -> dict[str, Any]:
    """What ``extract`` gives a Hacker News comment's HTML ``body``, its header read as the title."""
    return extract({"source": "hackernews", "title": read_comment(body).title, "description": body,
                    "description_format": "html"})


def hn_seniority(body: str) -> str:
    """The seniority ``extract`` gives a Hacker News comment's HTML ``body``, its header read as the title."""
    return str(hn_output(body)["seniority"])


def hn_family(body: str) -> str:
    """The role family ``extract`` gives a Hacker News comment's HTML ``body``, its header read as the
    title."""
    return str(hn_output(body)["role_family"])
