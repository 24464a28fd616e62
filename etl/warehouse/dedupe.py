"""Duplicate detection: decides whether an incoming posting is one already loaded.

Why: the same posting reaches us many times - a scraper's hourly files overlap,
a job board re-lists, one job is posted on LinkedIn and on the company's ATS.
Counting it twice would inflate every chart, but throwing the copy away would
hide evidence, so a duplicate is recorded in ``duplicate_postings`` with a
pointer to the canonical (first loaded) posting.

Three keys, checked in this order:

1. ``same_source_id`` - the same source and the source's own id;
2. ``same_url`` - the same link, after normalising it (scheme, host case,
   trailing slash, fragment and tracking parameters do not matter);
3. ``same_fingerprint`` - the same normalised company, title, location and
   description, posted within 60 days of each other (a posting with no date
   matches at any date), across sources.

The index lives in memory for the duration of one load: it is seeded from the
warehouse being extended and updated as postings are accepted, so duplicates
inside one file and across files of one load are found the same way.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

FINGERPRINT_WINDOW_DAYS = 60
_TRACKING = re.compile(r"^(utm_|gh_src|ref$|refid$|trk|src$|source$|lever-|fbclid|gclid)", re.I)
_NON_WORD = re.compile(r"[^a-z0-9]+")
_COMPANY_SUFFIX = re.compile(r"\b(inc|llc|ltd|gmbh|corp|corporation|co|plc|pvt|private|limited|sa|ag|bv)\b")


def normalise_url(url: str | None) -> str | None:
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip().lower() or None
    if not parts.netloc:
        return url.strip().lower() or None
    host = parts.netloc.lower().removeprefix("www.")
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


def _norm(text: str | None, limit: int | None = None) -> str:
    if not text:
        return ""
    out = _NON_WORD.sub(" ", text.lower()).strip()
    return out[:limit] if limit else out


def fingerprint(company: str | None, title: str | None, location: str | None,
                description: str | None) -> str | None:
    """Hash of the normalised fields; None when there is too little to compare."""
    if not title or not description:
        return None
    comp = _COMPANY_SUFFIX.sub(" ", _norm(company))
    key = "|".join((" ".join(comp.split()), _norm(title), _norm(location), _norm(description, 2000)))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()


class DuplicateIndex:
    """In-memory index of the keys of every canonical posting seen so far."""

    def __init__(self) -> None:
        self._ids: dict[tuple[str, str], int] = {}
        self._urls: dict[str, int] = {}
        self._fps: dict[str, list[tuple[date | None, int]]] = {}

    def __len__(self) -> int:
        return len(self._ids) + len(self._urls) + len(self._fps)

    def seed(self, rows: Iterable[tuple[int, str, str | None, str | None, str | None, date | None]]) -> None:
        """Add existing postings: (posting_id, source, source_id, url, fingerprint, posted_date)."""
        for posting_id, source, source_id, url, fp, posted in rows:
            self.add(posting_id, source, source_id, normalise_url(url), fp, posted)

    def find(self, source: str, source_id: str | None, url_key: str | None, fp: str | None,
             posted: date | None) -> tuple[str, int] | None:
        """(reason, canonical posting_id) when the posting is already known, else None."""
        if source_id is not None:
            hit = self._ids.get((source, source_id))
            if hit is not None:
                return "same_source_id", hit
        if url_key is not None:
            hit = self._urls.get(url_key)
            if hit is not None:
                return "same_url", hit
        if fp is not None:
            for other_date, other_id in self._fps.get(fp, ()):
                if posted is None or other_date is None or abs((posted - other_date).days) <= FINGERPRINT_WINDOW_DAYS:
                    return "same_fingerprint", other_id
        return None

    def add(self, posting_id: int, source: str, source_id: str | None, url_key: str | None,
            fp: str | None, posted: date | None) -> None:
        if source_id is not None:
            self._ids.setdefault((source, source_id), posting_id)
        if url_key is not None:
            self._urls.setdefault(url_key, posting_id)
        if fp is not None:
            self._fps.setdefault(fp, []).append((posted, posting_id))
