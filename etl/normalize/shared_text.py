"""One posting's texts as several fields read them, each lower-case form and cue scan made once.

Why (issue 10 point 2, docs/performance.md "One scan for the cue words: first piece"): the fields each
scanned the same description on their own: five Aho-Corasick automata (the degree phrases' literal gate,
the year words, the rung phrases, the money anchors, the employer-pitch words) read the same lower-cased
text one after another, and the pitch words and the work-arrangement phrases lower-cased it again. Here
one automaton over the union of their words reads a text once; its hits are split by field, each hit
renumbered as the field's own automaton numbers its words, so each field gets exactly the list its own
scan gave (same hits, same order: checked on every real description, tests/test_shared_text.py). The
scan is in characters: the degree gate, which reads a non-ASCII text as UTF-8 bytes on its own, gets the
same words at the same places in characters, so one scan serves every field.

Safe by construction: a field hands over the exact text it would have scanned, and the hits are kept
by that text's value, so a field gets a cached answer only for a text equal to one already scanned (a
field that rewrote its text first gets that text's own scan). Nothing outlives the posting's batch: a
record is made per posting by :func:`etl.extract.extract_columns`; the union automaton is read-only,
built once per process.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from etl.normalize.literal_gate import Automaton

MAX_SCANS = 8  # lower-cased texts a record keeps the hits of (a posting's fields read two or three)
Hits = list[tuple[int, int, int]]  # (word index in the field's own list, start, stop), as ahocorasick_rs


class CueUnion:
    """One automaton over every field's cue words (``sets``: field name -> its words, in its own order)."""

    __slots__ = ("_automaton", "_names", "_tags")

    def __init__(self, sets: Mapping[str, Sequence[str]]) -> None:
        words = sorted({w for ws in sets.values() for w in ws})
        number = {w: i for i, w in enumerate(words)}
        tags: list[list[tuple[str, int]]] = [[] for _ in words]
        for name, ws in sets.items():
            for j, w in enumerate(ws):
                tags[number[w]].append((name, j))
        self._tags = [tuple(t) for t in tags]
        self._names = tuple(sets)
        self._automaton = Automaton(words)

    def split(self, hits: Hits) -> dict[str, Hits]:
        """The union's hits as each field's: (its word index, start, stop), in the union's order."""
        out: dict[str, Hits] = {name: [] for name in self._names}
        tags = self._tags
        for w, start, stop in hits:
            for name, j in tags[w]:
                out[name].append((j, start, stop))
        return out


class PostingText:
    """The texts of one posting read by several fields (its description and the demand text without
    boilerplate), with their lower-case forms and the union's cue hits, each made the first time a field
    asks for it."""

    __slots__ = ("_lowers", "_scans", "_texts", "_union")

    def __init__(self, union: CueUnion | None, *texts: str) -> None:
        self._union = union
        self._texts = texts
        self._lowers: list[str | None] = [None] * len(texts)
        # (lower-cased text, the hits by field); a posting's few texts, so a list
        self._scans: list[tuple[str, dict[str, Hits]]] = []

    def lower(self, text: str) -> str:
        """``text.lower()``, made once for each of the record's texts."""
        for i, own in enumerate(self._texts):
            if own is text or own == text:
                low = self._lowers[i]
                if low is None:
                    low = self._lowers[i] = text.lower()
                return low
        return text.lower()

    def _split(self, low: str) -> dict[str, Hits] | None:
        union = self._union
        if union is None:
            return None
        for seen, split in self._scans:
            if seen is low or seen == low:
                return split
        if len(self._scans) >= MAX_SCANS:
            return None  # more texts than a posting's fields read: let the field scan
        split = union.split(union._automaton.find_matches_as_indexes(low, overlapping=True))
        self._scans.append((low, split))
        return split

    def hits(self, name: str, low: str) -> Hits | None:
        """What ``Automaton(words of name).find_matches_as_indexes(low, overlapping=True)`` gives (offsets
        in characters), or None when ``name`` is no field of the union (or the record is full)."""
        split = self._split(low)
        return None if split is None else split.get(name)

    def hits_any(self, name: str, low: str) -> tuple[Hits, bytes | None] | None:
        """For a literal gate (``LiteralGate.scan_anchored``): the hits as :meth:`hits`, with None for the
        bytes their offsets would be in (they are in characters). ``Automaton.find_any`` reads a non-ASCII
        text as UTF-8 bytes and the gate turns the few starts it needs into characters; here one scan in
        characters serves every field, and the gate reads the same words at the same places."""
        hits = self.hits(name, low)
        return None if hits is None else (hits, None)
