"""The candidate sentences of a posting's work arrangement: every sentence holding a work-arrangement cue.

Why: the phrase rules of :mod:`etl.normalize.remote` and :mod:`etl.normalize.remote_languages` read the
neighbourhoods of a few cue words; a trained sentence classifier (issue 9, ``etl/remote_model.py``) reads the
same evidence one sentence at a time. This module finds those sentences, with their character spans in the
text, so that hand labels can be stored by reference (a span and a digest, never the sentence) and the
extraction can later classify the very sentences that were labelled.

Cues: the anchors the rules already gate on - the English needles of :mod:`etl.normalize.remote`
(``_ANCHORS``: remote, hybrid, office, on-site, in person, from home, WFH, anywhere, telecommute, Büro) and
every language's ``anchors`` in ``etl/data/work_arrangement.yaml`` (Homeoffice, télétravail, remoto,
presencial, zdalna ...), less the English context anchors that are no cue on their own (" a week", "join us",
" floor" ...: they gate phrases that also hold a cue word or are too common to mean anything alone).

Sentences: the text split at line breaks and after ``. ! ? ;`` or `` | `` (a Hacker News header cell is a
sentence); a sentence longer than ``MAX_CHARS`` is cut to windows around its cues (``BEFORE`` characters
before a cue, ``AFTER`` after; overlapping windows merged), so a run-on paragraph with no punctuation does not
become one 3,000-character "sentence".
"""

from __future__ import annotations

import hashlib
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from etl.normalize.literal_gate import Automaton
from etl.normalize.remote import _ANCHORS
from etl.normalize.remote_languages import DATA
from etl.yaml_data import load_yaml

MAX_CHARS = 300
BEFORE, AFTER = 120, 160
# English anchors of work_arrangement.yaml that gate a phrase but are no work-arrangement cue by themselves
_CONTEXT_ONLY = frozenset(
    {
        " a week",
        " per week",
        "% of",
        # eleventh session (hres9): the gate of a share of the week remote ("80% remote"), whose cue word
        # "remote" is a cue already; left out so the candidates stay as labelled and trained
        "% remote",
        # eleventh session (hres9b): the gates of the job's hours or duties in a store (onsite), no cue by
        # themselves; left out so the candidates stay as labelled and trained
        "sales floor",
        "in the store",
        "in our store",
        "in the shop",
        "in our shop",
        "im store",
        "im laden",
        "filiale",
        "magasin",
        "tienda",
        "na loja",
        " office.",
        "join us",
        "join our team",
        "join the team",
        # twenty-second round: the gate of a template's "Physical Setting:" line, no cue by itself
        "physical setting",
        # later batch real-later-v16: the gate of the workation cue (the lead's ruling on real-later-v12's
        # question 1), read by the rules; left out so the candidates stay as labelled and trained
        "workation",
        # twenty-sixth round: the gates of "work from home flexibility" phrases, which hold a cue word already
        "wfh flexib",
        "home flexib",
        "work flexib",
        "working flexib",
        "flexibility to work",
        "flexibility of work",
        "flexibility of remote",
        " floor",
        "site with",
        "site at",
        "site for",
        "site in",
        "remote for",
        # thirty-sixth round: gates of work in clients' homes or on their premises (onsite), no cue by itself;
        # left out so the candidates stay as labelled and trained
        " homes",
        " premises",
        " residences",
        # thirty-seventh round: gates of a duties line opening with the holder's work in an office (onsite),
        # whose cue word "office" is a cue already; left out so the candidates stay as labelled and trained
        "work in a",
        "work in the",
        "work in our",
        "work at a",
        "work at the",
        "work at our",
        "work from a",
        "work from the",
        "work from our",
        # sixty-eighth round: the gate of a "hybrid model" phrase, whose cue word "hybrid" is a cue already
        "hybrid model",
        # later batch real-later-v46: the gates of "work hybrid" (the verb with the mode as its adverb), whose
        # cue word "hybrid" is a cue already; left out so the candidates stay as labelled and trained
        "work hybrid",
        "works hybrid",
        "working hybrid",
        # fifteenth round: gates of phrases whose cue word ("hybrid", "office") is a cue already, or a
        # telehealth choice; left out so the sentence model's candidates (and its weights) stay as trained
        "a hybrid",
        "or tele",
        "or through tele",
        "or via tele",
        "or by tele",
        # sixteenth round: gates of whole-text phrases that all hold a cue word already (remote, office,
        # on-site, from home) or open a refusal list ("apply if"); left out so the candidates stay as labelled
        # and trained
        "apply if",
        "remote work",
        "remote role",
        "remote job",
        "remote position",
        "remote employ",
        "remote option",
        "remote arrangement",
        "remote opportunit",
        "n't remote",
        "n’t remote",
        "n't a remote",
        "n’t a remote",
        "n't fully remote",
        "n’t fully remote",
        "office regularly",
        "office on a regular",
        "office frequently",
        "office periodically",
        "fully remote",
        "100% remote",
        "time remote",
        "in office",
        "in-office",
        # nineteenth round: gates of phrases that hold "office" already, or read a travel or attendance share;
        # left out so the candidates stay as labelled and trained
        " attendance",
        "office every",
        "go to the office",
        "go into the office",
        "out of the office",
        "out of our office",
        "reisetätigkeit",
        "office-tage",
        "office tage",
        "officetage",
        "anywhere in the world",
        "remote company",
        "remote startup",
        "home-based",
        "home based",
        "working from a home",
        "working from your home",
        "working from home",
        "accept a remote",
        "accept remote",
        "consider a remote",
        "consider remote",
        "be done remotely",
        "be performed remotely",
        "be worked remotely",
        # thirty-third round: gates of "remote flexibility", a glued "inperson" requirement and a commute to
        # the place of work; left out so the candidates stay as labelled and trained
        "remote flexib",
        "inperson",
        "to commut",
    }
)
# every alternative starts with a space character: the lookahead only skips the positions where none can match
# (the same breaks, in about 40% of the time on long descriptions)
_BREAK = re.compile(r"(?=\s)(?:\n+|(?<=[.!?;])\s+|\s\|\s)")


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int  # character span in the text
    end: int
    text: str

    @property
    def digest(self) -> str:
        return digest(self.text)


def digest(sentence: str) -> str:
    """The first 12 hex digits of the SHA-1 of the sentence (stored beside a label instead of the text)."""
    return hashlib.sha1(sentence.encode("utf-8")).hexdigest()[:12]


@cache
def cues() -> tuple[str, ...]:
    """Every cue substring (lower case), longest first."""
    found = {a.decode() for a in _ANCHORS}
    for _lang, data in load_yaml(DATA.read_text(encoding="utf-8")).items():
        found.update(str(a).lower() for a in data.get("anchors") or ())
    return tuple(sorted(found - _CONTEXT_ONLY, key=lambda c: (-len(c), c)))


@cache
def _cue_automaton() -> Automaton:
    return Automaton(cues())


def _hits(stops_at: dict[int, list[int]], starts: list[int], a: int, b: int) -> list[int]:
    """The starts of the cues found in ``[a, b)`` as one alternation of the cues, longest first, finds them
    (``re.finditer(low, a, b)``: leftmost, the longest cue that ends by ``b``, no overlap)."""
    out: list[int] = []
    at = a
    for s in starts[bisect_left(starts, a) : bisect_left(starts, b)]:
        if s < at:
            continue
        fits = [e for e in stops_at[s] if e <= b]
        if fits:
            out.append(s)
            at = max(fits)
    return out


def _segments(text: str) -> Iterator[tuple[int, int]]:
    at = 0
    for m in _BREAK.finditer(text):
        if m.start() > at:
            yield at, m.start()
        at = m.end()
    if at < len(text):
        yield at, len(text)


def _trimmed(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def candidate_sentences(text: str | None) -> list[Sentence]:
    """The sentences of ``text`` that hold any work-arrangement cue, in text order."""
    if not text or not isinstance(text, str):
        return []
    low = text.lower()  # str.lower keeps the length of every text the sources give (checked below)
    if len(low) != len(text):
        low = "".join(ch.lower()[:1] or ch for ch in text)
    # one Aho-Corasick pass over the text (a regular-expression alternation of some 300 cues tried every one
    # at every position: 3-4 ms a posting, when the extraction came to read these sentences)
    stops_at: dict[int, list[int]] = {}
    for _i, s, e in _cue_automaton().find_matches_as_indexes(low, overlapping=True):
        stops_at.setdefault(s, []).append(e)
    if not stops_at:
        return []
    starts = sorted(stops_at)
    out: list[Sentence] = []
    for a, b in _segments(text):
        hits = _hits(stops_at, starts, a, b)
        if not hits:
            continue
        if b - a <= MAX_CHARS:
            spans = [(a, b)]
        else:
            spans = []
            for h in hits:
                s, e = max(a, h - BEFORE), min(b, h + AFTER)
                if spans and s <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
                else:
                    spans.append((s, e))
        for s, e in spans:
            s, e = _trimmed(text, s, e)
            if e > s:
                out.append(Sentence(s, e, text[s:e]))
    return out
