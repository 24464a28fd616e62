"""Skip regular expressions that cannot match a text, by the literal strings every match must contain.

Why: rule tables written as regular expressions (the work-arrangement phrases of
``etl/data/work_arrangement.yaml``, about a hundred of them) were searched as one big alternation
over every description. Python's ``re`` tries every alternative at every position of the text, so
one such search cost milliseconds, more than all other extraction together (profiled: 2.4 ms a
search, 5 ms a posting). Almost every phrase contains a literal word ("homeoffice", "télétravail",
"remoto") that any match must contain; one Aho-Corasick pass (ahocorasick_rs, also used for
skills) finds which of those words occur, and only the phrases whose words occur are searched.

The answer is exactly that of searching every pattern: a pattern is skipped only when the text
lacks all of a set of literals that every match of it contains (derived from the parsed pattern,
below), and a pattern for which no such set can be derived is always searched.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from functools import cache
from operator import itemgetter

# The parser behind re.compile (private, stable since 3.11): its tree says what a match must contain.
from re import _compiler as _rc  # type: ignore[attr-defined]
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _p  # type: ignore[attr-defined]
from typing import Any

import ahocorasick_rs

Clauses = tuple[frozenset[str], ...]  # every match contains, for each clause, one of its literals


@cache
def _parse(pattern: str, flags: int) -> Any:
    """``pattern`` parsed (the tree is only read, never changed). A gate reads each pattern's tree four or
    five times (its clauses, leading literals, anchored literal, split, search rewrite): parsed once while
    :class:`LiteralGate` is built, which then empties this cache (about 35 ms of a process's start)."""
    return _p.parse(pattern, flags)


def _best(clauses: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective clause alone (for an alternative): the one whose shortest literal is longest."""
    return max(clauses, key=lambda s: (min(len(x) for x in s), -len(s))) if clauses else None


MAX_VARIANTS = 16  # spellings a run of literals and small classes ("h[ií]brid") may stand for


def _chars(op: object, av: Any) -> tuple[str, ...] | None:
    """The characters one element matches when it is a literal or a small class of literals ("[ée]")."""
    if op is _c.LITERAL:
        return (chr(av),)
    if op is _c.IN and len(av) <= 4 and all(o is _c.LITERAL for o, _ in av):
        return tuple(chr(v) for _, v in av)
    return None


def _extend(run: frozenset[str], chars: tuple[str, ...]) -> frozenset[str] | None:
    """Each spelling of ``run`` followed by each of ``chars``; None past MAX_VARIANTS."""
    out = frozenset(r + c for r in (run or ("",)) for c in chars)
    return out if len(out) <= MAX_VARIANTS else None


def _clauses(items: object) -> list[frozenset[str]]:
    """Clauses that every match of the parsed sequence ``items`` satisfies."""
    clauses: list[frozenset[str]] = []
    run: frozenset[str] = frozenset()  # spellings of consecutive literals: one appears in every match

    for op, av in items:  # type: ignore[attr-defined]
        chars = _chars(op, av)
        if chars is not None:
            longer = _extend(run, chars)
            if longer is None:  # too many spellings: the run so far is a clause, a new one starts
                clauses.append(run)
                longer = frozenset(chars)
            run = longer
            continue
        if op is _c.AT:  # zero-width (\b, ^, $): the literals around it are still adjacent
            continue
        if run:
            clauses.append(run)
            run = frozenset()
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if not (add_flags | del_flags) & _c.SRE_FLAG_IGNORECASE:
                clauses += _clauses(sub)
        elif op is _c.BRANCH:  # one of the alternatives matches: the union of one clause of each
            alternatives = [_best(_clauses(sub)) for sub in av[1]]
            if all(alternatives):
                clauses.append(frozenset().union(*alternatives))  # type: ignore[arg-type]
        elif op in _REPEATS:
            low, _high, sub = av
            if low >= 1:
                clauses += _clauses(sub)
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            clauses += _clauses(av)
        # anything else (classes, any, look-arounds, back-references) requires nothing we can name
    if run:
        clauses.append(run)
    return clauses


_REPEATS = tuple(op for op in (_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", None)) if op)


def required_literals(pattern: str, flags: int = 0) -> Clauses:
    """Clauses of literals that every match of ``pattern`` satisfies (it contains one literal of each).

    Empty when nothing can be named, and for case-insensitive patterns (the flag, or ``(?i)``
    inside): their literals need not appear as written.
    """
    parsed = _parse(pattern, flags)
    if (flags | parsed.state.flags) & re.IGNORECASE:
        return ()
    return tuple(dict.fromkeys(c for c in _clauses(parsed) if c and all(c)))


def leading_literals(pattern: str, flags: int = 0) -> frozenset[str]:
    """Literals one of which every match of ``pattern`` starts with (after zero-width tests); empty if
    unknown."""
    parsed = _parse(pattern, flags)
    if (flags | parsed.state.flags) & re.IGNORECASE:
        return frozenset()
    found = _leading(parsed)
    return found if found and all(found) else frozenset()


MAX_REACH = 8  # characters a pattern may match before its anchoring literal (see anchored_literal)


def anchored_literal(pattern: str, flags: int = 0) -> tuple[str, int, int] | None:
    """(L, low, high): every match of ``pattern`` holds the literal run L, from the first place in the
    pattern's own sequence where one stands, ``low`` to ``high`` characters after the match's start (the
    elements before it match between that many); None when no such run follows a prefix of at most
    MAX_REACH characters, or the pattern ignores case."""
    parsed = _parse(pattern, flags)
    if (flags | parsed.state.flags) & re.IGNORECASE:
        return None
    data = list(parsed.data)
    for k, (op, _av) in enumerate(data):
        if op is _c.LITERAL:
            end = k
            while end < len(data) and data[end][0] is _c.LITERAL:
                end += 1
            low, high = _p.SubPattern(parsed.state, data[:k]).getwidth() if k else (0, 0)
            if high > MAX_REACH:
                return None
            return "".join(chr(av) for _, av in data[k:end]), low, high
    return None


_CHAR_OPS = (_c.LITERAL, _c.NOT_LITERAL, _c.IN, _c.ANY)
_BOUNDARIES = (_c.AT_BOUNDARY, _c.AT_NON_BOUNDARY)


def _reversed(items: Any) -> list[Any] | None:
    """The parsed sequence ``items`` read right to left: it matches a text's reversal exactly where
    ``items`` matches the text (characters, classes, word boundaries, repeats, groups and branches of
    them, look-behinds and fixed-width look-aheads); None when it holds anything else (a look-ahead of
    varying width, an anchor, flags, an atomic group)."""
    out: list[Any] = []
    for op, av in items:
        if op in _CHAR_OPS or (op is _c.AT and av in _BOUNDARIES):
            out.append((op, av))
        elif op is _c.AT and av in (_c.AT_BEGINNING, _c.AT_BEGINNING_STRING):
            out.append((op, _c.AT_END_STRING))  # the text's start is the reversal's end (no MULTILINE)
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            low, high, sub = av
            inner = _reversed(sub.data)
            if inner is None:
                return None
            out.append((op, (low, high, _p.SubPattern(sub.state, inner))))
        elif op is _c.SUBPATTERN:
            group, add_flags, del_flags, sub = av
            inner = None if add_flags or del_flags else _reversed(sub.data)
            if inner is None:
                return None
            out.append((op, (group, add_flags, del_flags, _p.SubPattern(sub.state, inner))))
        elif op is _c.BRANCH:
            alternatives = []
            for sub in av[1]:
                inner = _reversed(sub.data)
                if inner is None:
                    return None
                alternatives.append(_p.SubPattern(sub.state, inner))
            out.append((op, (av[0], alternatives)))
        elif op is _c.ASSERT or op is _c.ASSERT_NOT:
            # a look-behind reads the characters before its place: in the reversal, those after it (a
            # look-ahead of the look-behind's own pattern reversed), and a look-ahead of a fixed width
            # becomes a look-behind ("(?<!first )\b(?:[1-4]|one|two)\s+day": the prefix before "day")
            direction, sub = av
            inner = _reversed(sub.data)
            if inner is None or (direction > 0 and len(set(sub.getwidth())) != 1):
                return None
            out.append((op, (-1 if direction > 0 else 1, _p.SubPattern(sub.state, inner))))
        else:
            return None
    out.reverse()
    return out


Split = tuple[str, Callable[..., Any], Callable[..., Any]]


def literal_split(pattern: str, flags: int = 0, literals: Collection[str] | None = None) -> Split | None:
    """(L, match_from, prefix_before) for a pattern whose own sequence holds a literal run L after a
    prefix that reads the same backwards (see :func:`_reversed`): it matches a text exactly where, at a
    place ``at`` where L stands, ``match_from(text, at)`` matches (L and what follows it) and
    ``prefix_before(text[::-1], len(text) - at)`` matches (the prefix, read backwards from ``at``). A
    match of the whole is a match of the prefix up to some place followed by one of the rest from there,
    and without back-references the two parts read nothing of each other, whichever run L is (a
    look-around reads the text's characters, the same ones forwards and backwards). L is the
    longest run that is one of ``literals`` (when given; the first of equals), the rarer place to try:
    in "go to the office every day" that is "office", not "the" (found everywhere). None when the pattern
    has no such split, ignores case, reads lines (MULTILINE) or refers back to a group."""
    parsed = _parse(pattern, flags)
    if (flags | parsed.state.flags) & (re.IGNORECASE | re.MULTILINE) or parsed.state.grouprefpos:
        return None
    data = list(parsed.data)
    best: tuple[str, int, list[Any]] | None = None
    k = 0
    while k < len(data):
        if data[k][0] is not _c.LITERAL:
            k += 1
            continue
        end = k
        while end < len(data) and data[end][0] is _c.LITERAL:
            end += 1
        literal = "".join(chr(av) for _, av in data[k:end])
        if literals is not None and literal not in literals:
            k = end
            continue
        backwards = _reversed(data[:k])
        if backwards is None:
            break  # (a longer prefix holds the same part)
        if best is None or len(literal) > len(best[0]):
            best = (literal, k, backwards)
        k = end
    if best is None:
        return None
    literal, k, backwards = best
    return (
        literal,
        _rc.compile(_p.SubPattern(parsed.state, data[k:]), flags).match,
        _rc.compile(_p.SubPattern(parsed.state, backwards), flags).match,
    )


_ZERO_WIDTH = (_c.AT, _c.ASSERT, _c.ASSERT_NOT)


def _leading(items: object) -> frozenset[str] | None:
    """Literals one of which every match of the parsed sequence ``items`` starts with; None if unknown.

    Zero-width tests before the first literal (``\\b``, look-aheads and look-behinds: "\\b(?=[wr])(?<!full )")
    are stepped over, and an optional element before it ("(?:work(?:ing)?\\s+)?remote") adds its own leading
    literals to those of what follows it: a match starts with the element's (it matched) or with the rest's
    (it matched nothing). ``Scan.matches`` tries such a pattern with ``match`` at each place of those
    literals, where the tests still read the text around them as in a search."""
    data = list(items)  # type: ignore[call-overload]
    run: frozenset[str] = frozenset()
    for k, (op, av) in enumerate(data):
        chars = _chars(op, av)
        if chars is not None:
            longer = _extend(run, chars)
            if longer is None:
                break
            run = longer
            continue
        if op in _ZERO_WIDTH and not run:  # tested where the match starts: no character read
            continue
        if run and min(map(len, run)) < MIN_LITERAL and op not in _ZERO_WIDTH:
            # a run too short to try the pattern at, then a group or branch: the parser takes the common
            # start of a branch's alternatives out of it ("wfh|work" is "w" then "fh|ork"), so the run goes on
            # into each alternative's leading literals ("wfh", "work"), as written; else the run alone
            after = _leading(data[k : k + 1])
            joined = frozenset(r + a for r in run for a in after) if after else None
            return joined if joined and len(joined) <= MAX_VARIANTS else run
        if run:
            break
        if op is _c.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            return None if (add_flags | del_flags) & _c.SRE_FLAG_IGNORECASE else _leading(sub)
        if op is _c.BRANCH:
            alternatives = [_leading(sub) for sub in av[1]]
            return frozenset().union(*alternatives) if all(alternatives) else None  # type: ignore[arg-type]
        if op in _REPEATS and av[0] >= 1:
            return _leading(av[2])
        if op in _REPEATS and av[0] == 0:  # optional: its own start, or (matching nothing) the rest's
            own, rest = _leading(av[2]), _leading(data[k + 1 :])
            return own | rest if own and rest else None
        return None
    return run or None


_DFA = ahocorasick_rs.Implementation.DFA
HEAD_BYTES = 256  # Automaton.occurs_in reads this much of a text first


class Automaton:
    """An Aho-Corasick automaton over words, with ``find_matches_as_indexes`` as ahocorasick_rs's (word
    index, start, stop in character offsets), an ASCII text read as bytes.

    Why: ahocorasick_rs's ``str`` scan converts offsets between UTF-8 bytes and characters; the same
    DFA over bytes reads a description in about 60% of the time (the skills scan of the real exports:
    15 against 24-27 µs). For an ASCII text the bytes are the characters, one for one, so the offsets
    and the matches are the same (a word with a non-ASCII character matches neither way); any other
    text is scanned as ``str`` by an automaton built the first time one is seen (most of the skills
    scans never need it: their text is an ASCII copy, and the DFA of 14,000 forms weighs 23 MB).
    """

    __slots__ = ("_bytes", "_longest", "_str", "_words")

    def __init__(self, words: Sequence[str]) -> None:
        self._words = list(words)
        encoded = [w.encode("utf-8") for w in self._words]
        self._longest = max(map(len, encoded), default=0)
        self._bytes = ahocorasick_rs.BytesAhoCorasick(encoded, implementation=_DFA)
        self._str: ahocorasick_rs.AhoCorasick | None = None

    def words(self) -> list[str]:
        """The words, in the automaton's numbering."""
        return list(self._words)

    def find_matches_as_indexes(self, text: str, overlapping: bool = False) -> list[tuple[int, int, int]]:
        if text.isascii():
            return self._bytes.find_matches_as_indexes(text.encode("ascii"), overlapping=overlapping)
        if self._str is None:
            self._str = ahocorasick_rs.AhoCorasick(self._words, implementation=_DFA)
        return self._str.find_matches_as_indexes(text, overlapping=overlapping)

    def find_any(self, text: str) -> tuple[list[tuple[int, int, int]], bytes | None]:
        """Every occurrence (overlapping) as (word index, start, stop), and None when the offsets are in
        characters of ``text``, or its UTF-8 bytes when they are in those: a non-ASCII text is read as
        bytes too (the same occurrences), for a caller that turns only a few starts into characters (the
        ``str`` scan converts every offset: about twice the time of the bytes' on the real exports)."""
        if text.isascii():
            return self._bytes.find_matches_as_indexes(text.encode("ascii"), overlapping=True), None
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 form (the str scan raises, as it did)
            return self.find_matches_as_indexes(text, overlapping=True), None
        return self._bytes.find_matches_as_indexes(raw, overlapping=True), raw

    def find_in_bytes(self, raw: bytes, overlapping: bool = False) -> list[tuple[int, int, int]]:
        """(word index, start, stop) in ``raw``, a UTF-8 text, in byte offsets: for a caller that needs no
        character offsets (a non-ASCII text's ``str`` scan converts each, at about three times the cost)."""
        return self._bytes.find_matches_as_indexes(raw, overlapping=overlapping)

    def occurs_in(self, text: str) -> bool:
        """Whether any word occurs in ``text``: its UTF-8 bytes hold a word's bytes exactly when the text
        holds the word (UTF-8 is self-synchronising), so any text is read as bytes.

        The first HEAD_BYTES are read first, and the rest only when they hold no word: the scan lists
        every match, and a text that holds one mostly holds it early (the boilerplate cues of a generated
        posting: 8.8 -> 2.0 µs). A word that ends past the head starts at most its length before it, so
        the rest is read from there: the same answer."""
        try:
            raw = text.encode("utf-8")
        except UnicodeEncodeError:  # a lone surrogate: no UTF-8 form
            return bool(self.find_matches_as_indexes(text))
        if len(raw) > HEAD_BYTES:
            if self._bytes.find_matches_as_indexes(raw[:HEAD_BYTES]):
                return True
            raw = raw[max(0, HEAD_BYTES - self._longest + 1) :]
        return bool(self._bytes.find_matches_as_indexes(raw))


def automaton(words: Sequence[str]) -> Automaton:
    """An Aho-Corasick automaton over ``words`` (none empty): ``find_matches_as_indexes(text,
    overlapping=True)`` gives (word index, start, stop) of every occurrence, in character offsets.

    Why ahocorasick_rs with a DFA: the scans run over every description several times (skills, the
    work-arrangement and degree gates, the boilerplate cues), and pyahocorasick's iteration was about
    a fifth of the extraction; the Rust DFA reads a description about 3x as fast (measured on the
    bench postings: 13 against 44 µs for the work-arrangement literals).
    """
    return Automaton(words)


class AnyOf:
    """Whether any of ``words`` occurs in a text: exactly ``any(w in text for w in words)``, in one
    Aho-Corasick pass instead of one substring scan per word (a few dozen to a few hundred words, run
    on every posting: the generator of ``in`` tests cost more than the rules it guarded)."""

    def __init__(self, words: Sequence[str]) -> None:
        self.words = tuple(words)
        self.always = "" in words  # the empty string occurs in every text
        present = sorted({w for w in words if w})
        self.empty = not present
        self.automaton = None if self.empty else automaton(present)

    def __call__(self, text: str) -> bool:
        if self.always:
            return True
        return self.automaton is not None and self.automaton.occurs_in(text)


MIN_LITERAL = 3  # shorter literals occur everywhere: they select nothing and cost a hit each
# ... except these characters, rare in prose ("60% of your time on site" needs a "%")
RARE = frozenset("%")
# A clause any of whose literals is shorter than this ("the", "und", "for", "ort") is scanned for only when
# the pattern has no longer one: on the real exports such words were about 60% of the work-arrangement gate's
# hits ("the" alone 8 a description), while a longer clause of the same pattern already selects.
SHORT_CLAUSE = 4


def _selective(literal: str) -> bool:
    return len(literal) >= MIN_LITERAL or not RARE.isdisjoint(literal)


def _long(clause: frozenset[str]) -> bool:
    return all(len(x) >= SHORT_CLAUSE or not RARE.isdisjoint(x) for x in clause)


def _worth_scanning(clauses: Clauses) -> Clauses:
    """``clauses`` without those of short common words only (:data:`SHORT_CLAUSE`), the most selective one
    first (:func:`_best`: the gate picks a pattern's candidates by its first clause); the first one alone
    when all are short.

    Why it keeps every answer: a clause is only a necessary condition (a text lacking it cannot match);
    fewer clauses let a pattern reach its exact ``re`` test more often, never less."""
    kept = [c for c in clauses if _long(c)]
    if not kept:
        return clauses[:1]
    best = max(kept, key=lambda s: (min(len(x) for x in s), -len(s)))  # as _best
    return (best, *(c for c in kept if c is not best))


def _single(item: tuple[Any, Any]) -> bool:
    """An element that matches exactly one character: a literal or a class."""
    return item[0] is _c.LITERAL or item[0] is _c.IN


def searcher(rx: re.Pattern[str]) -> Callable[[str], bool]:
    r"""A function equal to ``rx.search(text) is not None``, faster where the pattern's start keeps
    ``re`` from skipping ahead.

    Why: ``re`` finds where a match can start by its first literal characters (a fast scan in C) or
    its first character class; a pattern that starts with ``\b`` or with ``(?:^|\n)`` has neither,
    so every position of the text is tried in the interpreter (``\bou\s+en\s+remote`` cost 100 µs on
    a 2,000-character description, 4 µs as below). Two rewrites keep exactly the same matches:

    * ``\bX...`` with X a run of literals or one character (class) repeated at least once becomes
      ``X(?<=\bX)...``: the boundary is checked behind the first character(s), which then lead;
    * ``(?:^|A)...`` becomes a match at the start of the text, or a search for ``A...`` (without
      MULTILINE, ``^`` holds only at position 0).
    """
    default = rx.search
    flags = rx.flags
    if flags & (re.IGNORECASE | re.MULTILINE):
        return lambda text: default(text) is not None
    parsed = _parse(rx.pattern, flags & ~re.UNICODE if isinstance(rx.pattern, str) else flags)
    data = list(parsed.data)
    if len(data) >= 2 and data[0] == (_c.AT, _c.AT_BOUNDARY):
        first = data[1]
        if first[0] is _c.LITERAL:
            k = 1
            while k < len(data) and data[k][0] is _c.LITERAL:
                k += 1
            run, rest = data[1:k], data[k:]
        elif first[0] is _c.IN:
            run, rest = [first], data[2:]
        elif first[0] in (_c.MAX_REPEAT, _c.MIN_REPEAT) and first[1][0] >= 1 and len(first[1][2].data) == 1 \
                and _single(first[1][2].data[0]):
            low, high, sub = first[1]
            run = [sub.data[0]]
            high = high if high == _c.MAXREPEAT else high - 1
            rest = ([(first[0], (low - 1, high, sub))] if high else []) + data[2:]
        else:
            return lambda text: default(text) is not None
        behind = (_c.ASSERT, (-1, _p.SubPattern(parsed.state, [(_c.AT, _c.AT_BOUNDARY), *run])))
        fast = _rc.compile(_p.SubPattern(parsed.state, [*run, behind, *rest]), flags).search
        return lambda text: fast(text) is not None
    if data and data[0][0] is _c.BRANCH:
        starts = ([(_c.AT, _c.AT_BEGINNING)], [(_c.AT, _c.AT_BEGINNING_STRING)])
        others = [alt for alt in data[0][1][1] if alt.data not in starts]
        if others and len(others) < len(data[0][1][1]):
            at_start = rx.match
            if len(others) > 1 and all(alt.data and alt.data[0][0] is _c.LITERAL for alt in others):
                # one search per alternative, each led by its literal: ``re`` finds a literal's places
                # with a fast scan, but a class of first characters ("\n" or ".") with a test at every
                # position (the "(?:^|\n|\.\s)\s*work ..." phrase: 44 against 8 µs a search each)
                searches = [_rc.compile(_p.SubPattern(parsed.state, [*alt.data, *data[1:]]), flags).search
                            for alt in others]
                return lambda text: at_start(text) is not None or any(s(text) is not None for s in searches)
            lead = others[0].data if len(others) == 1 else [(_c.BRANCH, (None, others))]
            rest_search = _rc.compile(_p.SubPattern(parsed.state, [*lead, *data[1:]]), flags).search
            return lambda text: at_start(text) is not None or rest_search(text) is not None
    return lambda text: default(text) is not None


def _look_led(pattern: str, flags: int = 0) -> bool:
    """Whether a look-ahead or look-behind is tested before the pattern's first character (``\\b(?=[iow])
    (?<!occasional )...``): ``re`` then runs the look-arounds at every position of a text (no first
    character to skip ahead by), so trying the pattern at the places of leading literals of two characters
    ("in", "on") is still about twice as fast (on the real exports' texts) as searching it."""
    for op, _av in _parse(pattern, flags).data:
        if op is _c.ASSERT or op is _c.ASSERT_NOT:
            return True
        if op is not _c.AT:
            return False
    return False


def alternatives(pattern: str) -> list[str]:
    """The top-level alternatives of ``pattern`` (split at each "|" outside groups and classes), each a
    pattern of its own: the pattern matches at a place exactly when one of them does, so a
    :class:`LiteralGate` over them answers whether the whole pattern matches anywhere
    (:meth:`Scan.group_matches` of their group). Raises ``re.error`` when an alternative does not compile
    alone (it referred to another's group)."""
    out: list[str] = []
    depth = start = i = 0
    in_class = False
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            in_class = ch != "]"
        elif ch == "[":
            in_class = True
            i += 1
            if pattern.startswith("^", i):
                i += 1
            if pattern.startswith("]", i):  # a "]" first in a class is a literal
                i += 1
            continue
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:i])
            start = i + 1
        i += 1
    out.append(pattern[start:])
    for alternative in out:
        re.compile(alternative)
    return out


class LiteralGate:
    """Whether each of ``patterns`` matches a text, searching only where its literals say it can.

    ``gate.scan(text).matches(i)`` is exactly ``patterns[i].search(text) is not None``, found thus:
    one Aho-Corasick pass finds the literals present and where; a pattern lacking one of its
    required literal clauses does not match; a pattern every match of which starts with one of a
    few literals is tried only at the places they start (``match`` at a position sees the text
    before it, so ``\b`` and look-behinds read as in a search); any other is searched.
    """

    def __init__(self, patterns: Sequence[str], flags: int = 0, groups: Sequence[int] = (),
                 anchors: Sequence[str] = ()) -> None:
        """``groups``: sizes of consecutive groups of ``patterns``, for :meth:`Scan.group_matches`;
        ``anchors``: words of which a text must hold one to be worth scanning (:meth:`scan_anchored`)."""
        self.patterns = [re.compile(p, flags) for p in patterns]
        self.groups: list[range] = []
        start = 0
        for size in groups:
            self.groups.append(range(start, start + size))
            start += size
        clauses = [tuple(c for c in required_literals(p, flags) if all(map(_selective, c))) for p in patterns]
        self._search = [searcher(rx) for rx in self.patterns]
        leading: list[frozenset[str]] = []
        for p in patterns:
            lead = leading_literals(p, flags)
            shortest = min(map(len, lead), default=0)
            leading.append(lead if shortest >= MIN_LITERAL or (shortest >= 2 and _look_led(p, flags))
                           else frozenset())
        # Every literal picks the literal each pattern is tried at (below); the automaton then scans for
        # those, the leading ones and the clauses worth scanning for (:func:`_worth_scanning`).
        literals = {lit for c in clauses for clause in c for lit in clause}
        literals.update(lit for lead in leading for lit in lead)
        # A pattern led by a class ("\b\d{1,2}\s?%"), which ``re`` tests at every position of a text, is
        # tried only a few characters before each place of a literal that every match holds that far on.
        anchored_at: list[tuple[str, range] | None] = []
        for p, lead in zip(patterns, leading, strict=True):
            found = None if lead else anchored_literal(p, flags)
            anchored_at.append((found[0], range(found[1], found[2] + 1)) if found and found[0] in literals
                               else None)
        # Any other such pattern whose prefix before the literal reads the same backwards ("\b\d+\s+remote"):
        # the rest is matched at each place of the literal, and the prefix backwards from there.
        split: list[Split | None] = []
        for p, lead, at in zip(patterns, leading, anchored_at, strict=True):
            split.append(None if lead or at else literal_split(p, flags, literals))
        kept = [_worth_scanning(c) for c in clauses]
        scanned = {lit for c in kept for clause in c for lit in clause}
        literals = set(scanned)
        literals.update(lit for lead in leading for lit in lead)
        literals.update(at[0] for at in anchored_at if at is not None)
        literals.update(one[0] for one in split if one is not None)
        self._literals = sorted(literals)
        # The anchors and the clauses' literals in one automaton (each word once), so that "does any anchor
        # occur" and "which literals occur" take one pass over the text instead of two. A scan keeps the words
        # present as their numbers here (a set made in C from the hits), and each word's places only when a
        # pattern is tried at them (Scan.places). A word only tried at ("the", "you", "job": a pattern's
        # start, in no clause worth scanning for) is not scanned for: its places are found with str.find
        # once a pattern's clauses hold (on the real exports such words were half of the hits).
        self._anchors_always = "" in anchors
        scanned.update(a for a in anchors if a)
        words = sorted(scanned) + sorted(literals - scanned)
        self._n_scanned = len(scanned)
        number = {w: k for k, w in enumerate(words)}
        self._anchor_ids = frozenset(number[a] for a in anchors if a)
        self._clauses: list[tuple[frozenset[int], ...]] = [
            tuple(frozenset(number[lit] for lit in clause) for clause in c) for c in kept
        ]
        self._leading: list[tuple[int, ...]] = [
            tuple(sorted(number[lit] for lit in lead)) for lead in leading
        ]
        self._anchored_at: list[tuple[int, range] | None] = [
            None if at is None else (number[at[0]], at[1]) for at in anchored_at
        ]
        self._split: list[tuple[int, Callable[..., Any], Callable[..., Any]] | None] = [
            None if one is None else (number[one[0]], one[1], one[2]) for one in split
        ]
        # Patterns by a word of their first clause (the most selective, _worth_scanning), and those without
        # clauses: a scan then looks only at the patterns whose first clause it holds.
        self._by_word: dict[int, list[int]] = {}
        self._unclaused: list[int] = []
        for i, c in enumerate(self._clauses):
            if not c:
                self._unclaused.append(i)
            for k in c[0] if c else ():
                self._by_word.setdefault(k, []).append(i)
        self._words = words
        self._anchored = automaton(words[: self._n_scanned]) if self._n_scanned else None
        _parse.cache_clear()  # the trees were read: keep no pattern's tree beyond the gate's building

    def scan(self, text: str) -> Scan:
        """The literals present in ``text`` and where each starts (every occurrence, overlapping too)."""
        if self._anchored is None:
            return Scan(self, text, [], set(), None)
        hits, raw = self._anchored.find_any(text)
        return Scan(self, text, hits, set(map(_FIRST, hits)), raw)

    def scanned_words(self) -> list[str]:
        """The words the gate's automaton scans for, in its numbering (what a shared scan must find)."""
        return self._words[: self._n_scanned] if self._anchored is not None else []

    def scan_anchored(self, text: str, found: tuple[list[tuple[int, int, int]], bytes | None] | None = None
                      ) -> Scan | None:
        """None when no anchor occurs in ``text`` (``any(a in text for a in anchors)`` is false), else
        :meth:`scan` of it; one Aho-Corasick pass answers both. ``found``: that pass's answer
        (``Automaton.find_any`` of :meth:`scanned_words` over ``text``) when a shared scan made it."""
        if self._anchored is None:
            return Scan(self, text, [], set(), None) if self._anchors_always else None
        hits, raw = self._anchored.find_any(text) if found is None else found
        present = set(map(_FIRST, hits))
        if not self._anchors_always and self._anchor_ids.isdisjoint(present):
            return None
        return Scan(self, text, hits, present, raw)


_FIRST = itemgetter(0)


class Scan:
    """The literals of one text, for :meth:`LiteralGate.scan`."""

    __slots__ = ("_backwards", "_candidates", "_gate", "_hits", "_places", "_present", "_raw", "_text")

    def __init__(self, gate: LiteralGate, text: str, hits: list[tuple[int, int, int]], present: set[int],
                 raw: bytes | None) -> None:
        """``hits``: the automaton's (word, start, stop), in characters of ``text``, or in bytes of ``raw``
        (its UTF-8 form) when given; ``present``: the words among them."""
        self._gate, self._text, self._hits, self._present, self._raw = gate, text, hits, present, raw
        self._places: dict[int, list[int]] = {}
        self._candidates: set[int] | None = None
        self._backwards: str | None = None  # the text reversed, made the first time a split needs it

    @property
    def text(self) -> str:
        """The text scanned."""
        return self._text

    def places(self, word: int) -> list[int]:
        """Where word number ``word`` starts in the text, in characters (made the first time it is asked)."""
        found = self._places.get(word)
        if found is None and word >= self._gate._n_scanned:  # not scanned for: every place, overlapping too
            literal, text, found = self._gate._words[word], self._text, []
            at = text.find(literal)
            while at != -1:
                found.append(at)
                at = text.find(literal, at + 1)
            self._places[word] = found
        if found is None:
            if word not in self._present:
                return []
            found = sorted(start for k, start, _ in self._hits if k == word)
            raw = self._raw
            if raw is not None and found:
                # byte offsets to characters: each start is where a character starts (UTF-8 is
                # self-synchronising), so the bytes between two starts decode alone
                chars, last, out = 0, 0, []
                for at in found:
                    chars += len(raw[last:at].decode("utf-8"))
                    last = at
                    out.append(chars)
                found = out
            self._places[word] = found
        return found

    def candidates(self) -> set[int]:
        """The patterns that may match: no clauses, or a literal of the first clause present."""
        if self._candidates is None:
            found = set(self._gate._unclaused)
            by_word = self._gate._by_word
            for word in self._present:
                patterns = by_word.get(word)
                if patterns is not None:
                    found.update(patterns)
            self._candidates = found
        return self._candidates

    def matches(self, i: int) -> bool:
        """Exactly ``bool(patterns[i].search(text))``."""
        gate, present, text = self._gate, self._present, self._text
        for clause in gate._clauses[i]:
            if clause.isdisjoint(present):
                return False
        rx = gate.patterns[i]
        lead = gate._leading[i]
        if lead:
            return any(rx.match(text, pos) for word in lead for pos in self.places(word))
        anchored = gate._anchored_at[i]
        if anchored is not None:
            word, offsets = anchored
            return any(rx.match(text, pos - k) for pos in self.places(word) for k in offsets if pos >= k)
        split = gate._split[i]
        if split is not None:
            word, match_from, prefix_before = split
            # the text is reversed only where the rest matches: most places of a short literal ("day" in
            # "today") fail there
            for at in self.places(word):
                if match_from(text, at):
                    if self._backwards is None:
                        self._backwards = text[::-1]
                    if prefix_before(self._backwards, len(text) - at):
                        return True
            return False
        return gate._search[i](text)

    def group_matching(self, g: int) -> list[int]:
        """The patterns of group ``g`` that match the text, in order (each exactly as a search)."""
        group = self._gate.groups[g]
        return [i for i in sorted(self.candidates().intersection(group)) if self.matches(i)]

    def group_matches(self, g: int) -> bool:
        """Whether any pattern of group ``g`` matches (as a search of their alternation would find)."""
        group = self._gate.groups[g]
        # in pattern order, as before; a pattern outside the candidates cannot match (its first clause)
        return any(self.matches(i) for i in sorted(self.candidates().intersection(group)))


def matches_at(pattern: re.Pattern[str], text: str, starts: Iterable[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)`` where every match starts at one of ``starts`` (places found by ``str.find``
    for the literals a match must begin with): tried there in order, each after the previous match's end,
    so the same matches come out without the regex trying every character of the text."""
    end = 0
    for at in sorted(set(starts)):
        if at >= end and (m := pattern.match(text, at)):
            end = m.end()
            yield m
