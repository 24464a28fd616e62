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
   matches at any date), across sources. A posting without a title has a
   fingerprint of its company, location and description, marked as untitled so
   it only ever matches another untitled posting, when its description has at
   least 40 characters once normalised (its a-z0-9 words one space apart);
   shorter (a reply, a bare link) is too little to compare: no fingerprint.
   The constants: ``FINGERPRINT_WINDOW_DAYS``, ``UNTITLED_MIN_DESCRIPTION``.

The keys are stored hashed in DuckDB (``posting_keys``) and each batch is matched against
them in one join; the result equals the sequential rule: the first posting with a key
wins, and only canonical postings are matched, never a duplicate.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import date
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

import duckdb
import numpy as np
import pyarrow as pa

FINGERPRINT_WINDOW_DAYS = 60
# An untitled posting's normalised description needs this many characters for a fingerprint (issue 9, ruling
# hqa36 1): below it, replies and bare links of different people or jobs would meet (fingerprint's docstring).
UNTITLED_MIN_DESCRIPTION = 40
_TRACKING = re.compile(r"^(utm_|gh_src|ref$|refid$|trk|src$|source$|lever-|fbclid|gclid)", re.I)
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
    query = urlencode(
        [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    )
    path = parts.path.rstrip("/") or "/"
    return urlunsplit(("https", host, path, query, ""))


# Every byte but a-z and 0-9 becomes a space (the words a fingerprint compares are runs of a-z0-9).
_WORD_BYTES = bytes(b if (97 <= b <= 122 or 48 <= b <= 57) else 32 for b in range(256))


def _words(text: str) -> str:
    """``re.sub("[^a-z0-9]+", " ", text.lower()).strip()``, about 3x sooner (the regex made one
    replacement per gap between words, on every description of a load): every character outside a-z0-9
    becomes a space (a non-ASCII one through "?"), then runs of spaces become one and the ends go."""
    return b" ".join(text.lower().encode("ascii", "replace").translate(_WORD_BYTES).split()).decode("ascii")


def _norm(text: str | None, limit: int | None = None) -> str:
    if not text:
        return ""
    if limit and len(text) > 2 * limit:
        # the words of a prefix are a prefix of the text's words (its last one maybe cut): enough of them
        # give the same first ``limit`` characters without reading the rest of a long description
        head = _words(text[: 2 * limit])
        if len(head) >= limit:
            return head[:limit]
    out = _words(text)
    return out[:limit] if limit else out


def fingerprint(company: str | None, title: str | None, location: str | None,
                description: str | None) -> str | None:
    """Hash of the normalised fields; None when there is too little to compare.

    A titled posting's key is ``company|title|location|description`` (the hash every warehouse stores:
    unchanged since it was written). A posting without a title (``title`` empty: a Hacker News comment
    whose title no rule finds) hashes ``untitled:|company|location|description``: the normalised fields
    hold only a-z, 0-9 and spaces, so the colon keeps it from ever being a titled posting's key. It needs
    a description of at least ``UNTITLED_MIN_DESCRIPTION`` normalised characters, whatever the company:
    "Thanks for sharing" or a one-line link names no job, and two such texts of one company within the
    window need not be one posting (a titled posting has its title to tell them apart); a company is not
    needed (a long text reposted word for word is the same posting). Text wholly outside a-z (Cyrillic,
    CJK) normalises to next to nothing, so it is never compared without a title either."""
    if not description:
        return None
    comp = " ".join(_COMPANY_SUFFIX.sub(" ", _norm(company)).split())
    if title:
        key = "|".join((comp, _norm(title), _norm(location), _norm(description, 2000)))
    else:
        text = _norm(description, 2000)
        if len(text) < UNTITLED_MIN_DESCRIPTION:
            return None
        key = "|".join(("untitled:", comp, _norm(location), text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()




REASONS = {1: "same_source_id", 2: "same_url", 3: "same_fingerprint"}  # kind -> reason, in order of priority


_ID_KEY = "md5_number('1' || source || chr(0) || id)"
_URL_KEY = "md5_number('2' || url_key)"


def keys_sql(view: str) -> str:
    """(i, kind, key, posted_date) for every key of the loadable rows of ``view``.

    ``view`` has the columns i, ok, source, id, url_key, fingerprint, posted_date.
    """
    return f"""
        SELECT i, 1::UTINYINT AS kind, {_ID_KEY} AS key, posted_date
        FROM {view} WHERE ok AND id IS NOT NULL
        UNION ALL SELECT i, 2::UTINYINT, {_URL_KEY}, posted_date
        FROM {view} WHERE ok AND url_key IS NOT NULL
        UNION ALL SELECT i, 3::UTINYINT, md5_number('3' || fingerprint), posted_date
        FROM {view} WHERE ok AND fingerprint IS NOT NULL"""


def known_rows(con: duckdb.DuckDBPyConnection, view: str) -> np.ndarray:
    """The rows of ``view`` (columns i, source, id, url_key) whose source id or URL a posting of the
    warehouse already has: whatever else they say, :func:`decide` makes them duplicates (a source-id or URL
    hit outranks any fingerprint, and a duplicate's keys are never matched), so their extraction can be
    skipped."""
    rows = con.sql(f"""
        WITH b AS (SELECT i, 1::UTINYINT AS kind, {_ID_KEY} AS key FROM {view} WHERE id IS NOT NULL
                   UNION ALL SELECT i, 2::UTINYINT, {_URL_KEY} FROM {view} WHERE url_key IS NOT NULL)
        SELECT DISTINCT b.i FROM b SEMI JOIN posting_keys k ON k.key = b.key AND k.kind = b.kind
        ORDER BY b.i""").fetchnumpy()["i"]
    return np.asarray(rows, dtype=np.int64)


_IN_WINDOW = (f"(b.posted_date IS NULL OR k.posted_date IS NULL "
              f"OR abs(datediff('day', k.posted_date, b.posted_date)) <= {FINGERPRINT_WINDOW_DAYS})")


@dataclass
class Decisions:
    """Per row of a batch: posting_id for a loaded one, (reason, duplicate_of) for a duplicate."""

    posting_id: pa.Array
    reason: pa.Array
    duplicate_of: pa.Array
    loaded: int
    reasons: dict[str, int]


def decide(con: duckdb.DuckDBPyConnection, view: str, ok: np.ndarray, next_id: int) -> Decisions:
    """Which loadable rows (``ok``) of the registered batch ``view`` are new and which repeat a posting."""
    keys = keys_sql(view)
    hits = con.sql(f"""
        WITH b AS ({keys})
        SELECT b.i, b.kind, min(k.posting_id) AS hit
        FROM b JOIN posting_keys k ON k.key = b.key AND k.kind = b.kind
        WHERE b.kind <> 3 OR {_IN_WINDOW}
        GROUP BY ALL""").fetchnumpy()
    shared = con.sql(f"""
        WITH b AS ({keys}), s AS (SELECT key FROM b GROUP BY key HAVING count(*) > 1)
        SELECT i, kind, key::VARCHAR AS key, posted_date FROM b
        WHERE i IN (SELECT i FROM b SEMI JOIN s USING (key))
        ORDER BY i, kind""").fetchall()
    n = len(ok)
    reason: list[str | None] = [None] * n
    dup_row = np.full(n, -1, dtype=np.int64)  # a duplicate of an earlier row of this batch
    dup_pid = np.full(n, -1, dtype=np.int64)  # a duplicate of a posting already in the warehouse
    best: dict[int, tuple[int, int]] = {}  # row -> (kind, warehouse posting) of its highest-priority hit
    for i, kind, hit in zip(hits["i"].tolist(), hits["kind"].tolist(), hits["hit"].tolist(), strict=True):
        if i not in best or kind < best[i][0]:
            best[i] = (kind, hit)
    for i, (kind, hit) in best.items():
        reason[i], dup_pid[i] = REASONS[kind], hit
    _decide_shared(shared, best, reason, dup_row)
    canonical = ok & np.array([r is None for r in reason], dtype=bool)
    pids = next_id + np.cumsum(canonical) - 1
    local = dup_row >= 0
    dup_pid[local] = pids[dup_row[local]]
    counts: dict[str, int] = {}
    for r in reason:
        if r is not None:
            counts[r] = counts.get(r, 0) + 1
    return Decisions(
        posting_id=pa.array(np.where(canonical, pids, 0), pa.int64(), mask=~canonical),
        reason=pa.array(reason, pa.string()),
        duplicate_of=pa.array(dup_pid, pa.int64(), mask=dup_pid < 0),
        loaded=int(canonical.sum()),
        reasons=counts,
    )


def _decide_shared(shared: list[tuple[int, int, str, date | None]], best: dict[int, tuple[int, int]],
                   reason: list[str | None], dup_row: np.ndarray) -> None:
    """Rows whose keys occur in another row of the batch, in order: earlier loaded rows count too."""
    rows: dict[int, list[tuple[int, str, date | None]]] = {}
    for i, kind, key, posted in shared:
        rows.setdefault(i, []).append((kind, key, posted))
    first: dict[str, int] = {}  # source-id and URL keys of the rows loaded so far -> row
    fps: dict[str, list[tuple[date | None, int]]] = {}
    for i in sorted(rows):
        keys = {kind: (key, posted) for kind, key, posted in rows[i]}
        found: tuple[int, int] | None = None  # (kind, row)
        for kind in (1, 2, 3):
            if i in best and best[i][0] == kind:
                break  # the warehouse's posting is older than any row of this batch
            if kind not in keys:
                continue
            key, posted = keys[kind]
            if kind < 3 and key in first:
                found = (kind, first[key])
                break
            if kind == 3:
                for other_date, other in fps.get(key, ()):
                    if (
                        posted is None
                        or other_date is None
                        or abs((posted - other_date).days) <= FINGERPRINT_WINDOW_DAYS
                    ):
                        found = (kind, other)
                        break
            if found:
                break
        if i in best and (found is None or best[i][0] <= found[0]):
            continue  # decided by the warehouse (set by decide)
        if found is not None:
            reason[i], dup_row[i] = REASONS[found[0]], found[1]
            continue
        for kind, (key, posted) in keys.items():
            if kind < 3:
                first.setdefault(key, i)
            else:
                fps.setdefault(key, []).append((posted, i))


def add_keys(con: duckdb.DuckDBPyConnection, view: str) -> None:
    """Record the keys of the rows of ``view`` that were loaded (posting_id set)."""
    con.execute(f"""INSERT INTO posting_keys (kind, key, posting_id, posted_date)
                    SELECT b.kind, b.key, v.posting_id, b.posted_date
                    FROM ({keys_sql(view)}) b JOIN {view} v USING (i) WHERE v.posting_id IS NOT NULL""")


def backfill_keys(con: duckdb.DuckDBPyConnection) -> None:
    """Keys for postings that have none yet: a warehouse built before posting_keys existed."""
    rows = con.execute("""SELECT posting_id, source, source_id, url, fingerprint, posted_date FROM postings p
                          WHERE (source_id IS NOT NULL OR url IS NOT NULL OR fingerprint IS NOT NULL)
                            AND NOT EXISTS (SELECT 1 FROM posting_keys k WHERE k.posting_id = p.posting_id)
                          ORDER BY posting_id""").fetchall()
    if not rows:
        return
    cols = list(zip(*rows, strict=True))
    table = pa.table(
        {
            "i": pa.array(range(len(rows)), pa.int64()),
            "ok": pa.array([True] * len(rows)),
            "posting_id": pa.array(cols[0], pa.int64()),
            "source": pa.array(cols[1], pa.string()),
            "id": pa.array(cols[2], pa.string()),
            "url_key": pa.array([normalise_url(u) for u in cols[3]], pa.string()),
            "fingerprint": pa.array(cols[4], pa.string()),
            "posted_date": pa.array(cols[5], pa.date32()),
        }
    )
    con.register("_backfill", table)
    try:
        add_keys(con, "_backfill")
    finally:
        con.unregister("_backfill")


def untitled_fingerprints(company: list[str | None], location: list[str | None],
                          description: list[str | None]) -> list[str | None]:
    """:func:`fingerprint` of postings without a title, from their stored company, location and
    description."""
    return [fingerprint(c, None, lo, d) for c, lo, d in zip(company, location, description, strict=True)]


# A posting stored without a title and without a fingerprint: loaded before untitled postings had one (or
# its description is too short: read again at each load, a few rows); SQL over postings or the lake's rows.
UNFINGERPRINTED_UNTITLED = "fingerprint IS NULL AND coalesce(title, '') = '' AND description IS NOT NULL"


def backfill_untitled(con: duckdb.DuckDBPyConnection) -> int:
    """Fingerprints and their keys for the untitled postings of a warehouse loaded before they had any.

    Why: a load matches new rows against ``posting_keys`` only, so without them a repost of such a posting
    would be loaded again, where a fresh warehouse of the same files finds it a duplicate. The stored
    postings' own fields are what the loader hashed (``company`` and ``description`` cleaned,
    ``location_raw`` as read), so the key is the one a fresh load gives. Postings already loaded stay
    loaded (a load never drops one): two untitled copies loaded before stay two postings until the
    warehouse is built afresh. Returns how many postings got a fingerprint."""
    rows = con.execute(f"""SELECT posting_id, company, location_raw, description, posted_date FROM postings
                           WHERE {UNFINGERPRINTED_UNTITLED} ORDER BY posting_id""").fetchall()
    if not rows:
        return 0
    cols = list(zip(*rows, strict=True))
    fps = untitled_fingerprints(list(cols[1]), list(cols[2]), list(cols[3]))
    keep = [k for k, fp in enumerate(fps) if fp is not None]
    if not keep:
        return 0
    n = len(keep)
    table = pa.table(
        {
            "i": pa.array(range(n), pa.int64()),
            "ok": pa.array([True] * n),
            "posting_id": pa.array([cols[0][k] for k in keep], pa.int64()),
            "source": pa.nulls(n, pa.string()),
            "id": pa.nulls(n, pa.string()),
            "url_key": pa.nulls(n, pa.string()),
            "fingerprint": pa.array([fps[k] for k in keep], pa.string()),
            "posted_date": pa.array([cols[4][k] for k in keep], pa.date32()),
        }
    )
    con.register("_untitled", table)
    try:
        con.execute("UPDATE postings p SET fingerprint = u.fingerprint FROM _untitled u "
                    "WHERE p.posting_id = u.posting_id")
        add_keys(con, "_untitled")  # only fingerprint keys: the view has no source id or URL
    finally:
        con.unregister("_untitled")
    return n
