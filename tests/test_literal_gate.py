"""etl.normalize.literal_gate: the gate answers exactly what searching each pattern answers."""

from __future__ import annotations

import random
import re
from collections.abc import Iterable

import ahocorasick_rs
import pytest

from etl.evaluate import DEFAULT_LABELS, load_labels
from etl.normalize import experience, remote_languages
from etl.normalize.literal_gate import LiteralGate, automaton, leading_literals, matches_at, required_literals
from etl.yaml_data import load_yaml

TRICKY = [
    r"\bhomeoffice\b",  # \b before the first literal: must see the character before the start
    r"(?<!kein )home[\s-]?office",  # a look-behind before the literal
    r"(?:100\s?%|komplett|voll)[\s-]*remote",  # a branch of leading literals, one of them short
    r"\b\d+\s+tage?\s+home[\s-]?office",  # no leading literal, a required one later
    r"(?:^|\n)\s*[-•*]?\s*(?:in[\s-]person|on[\s-]?site)\s+(?:in|at)\s+[a-z]",
    r"t[ée]l[ée]travail",  # classes inside the word
    r"(?:ab)+c",  # a repeat of at least one
    r"x?y?z?",  # matches the empty string: nothing is required
    r"(?i)remote",  # case-insensitive: literals need not appear as written
    r"(?>atomic)ity",
    r"re(?=mote)",
    r"a|bc|",  # an empty alternative: nothing is required
    # searcher's rewrites (a leading \b moved behind the first characters; a leading "^" alternative)
    r"\bou\s+en\s+(?:full\s?)?remote\b",
    r"\b\d{1,2}\s?%\s+of\s+(?:the\s+)?(?:work|time)",
    r"\b\d\s+remote\s+days?",
    r"\b\d{2}x",
    r"\b\w+?y",
    r"\b[0-9a]+\s?%",
    r"\b[xy]",
    r"(?:\A|\n|;)\s*foo",
    r"(?:^|ab|\n)c",
    r"(?m)(?:^|\n)c",
    r"(?:^|\n|\.\s)\s*[-•*]?\s*work\s+(?:in|at)",  # literal-led alternatives: one search each
    r"(?:^|[;,]|\n)\s*foo",  # an alternative led by a class: searched as one branch
    # a class-led pattern tried just before each place of its literal (anchored_literal)
    r"\b(?:four|4)[\s-]year\b",
    r"(?<=a)\d?%x",
    r"^\d?%y",
    r"\b\w{2,4}ab",
    # ... or matched from each place of its literal, the prefix read backwards (literal_split)
    r"\b\d+\s+remote\s+days?",
    r"\b(?:x|yy)\s+foo",
    r"(?:ab|c)+\s*xyz",
    r"(\d)\s+foo",
    r"\B\d.*?xyz",
    r"(a)\s*\1foo",
    r"(?<=a)\s*foo",
    r"\Afoo\s*xyz",
    r"^\s*foo",
    r"(?m)^\s*foo",
    r"\bin\s+(?:the\s+)?(?:[a-z]+\s+)?office\s+\d",
    # leading literals past zero-width tests and optional elements; a split at the longest literal run
    r"\b(?=[wr])(?<!full )(?:work(?:ing)?[\s-])?remote\b",
    r"(?<!kein )(?:home[\s-]?)?office\s+days?",
    r"(?:^|\n)\s*foo\s+the\s+remote\s+ab",
]


def _phrases() -> list[str]:
    wa = load_yaml(remote_languages.DATA.read_text(encoding="utf-8"))
    # office_days phrases are gate phrases too (merged into the hybrid class)
    names = [name for name, _ in remote_languages.CLASSES] + [remote_languages.OFFICE_DAYS]
    out = [p for cues in wa.values() for name in names for p in cues.get(name) or ()]
    out += [p for level in ("bachelor", "master", "phd", "not") for p in experience.CUES["degree"][level]]
    return out + TRICKY


def _texts(phrases: list[str]) -> list[str]:
    """Real descriptions, plus texts stitched from the patterns' literals so that most patterns nearly
    match."""
    texts = [str(p.get("description") or "").lower() for p in load_labels(DEFAULT_LABELS)]
    rng = random.Random(7)
    words = [lit for p in phrases for clause in required_literals(p) for lit in clause]
    words += ["ou en remote", "ou en full remote", "1 remote day", "60% of the work", "12x", "x12x", "a1",
              "1", "foo", ";", "ab", "yy", "%", "1%", "a%", "aa1 %"]
    words += ["100 %", "100%", "2 tage ", "\n- ", "in person ", "on-site in berlin", "kein ", "x", " ", "-",
              "\n", "abab", "c", "homeoffice", "xhomeoffice", "y", "atomicity", "remote", "REMOTE", ". ",
              "work in", "work at", "- work at", ".\twork", ",", "• ", "four-year", "4 year", "afour year",
              "a%x", "a1%x", "%y", "1%y", "xxab", "xxxxxab", "12 remote", "1  remote", "a1 remote", "xyz",
              "ab xyz", "cab xyz", "yy foo", "x foo", "aafoo", "a foo", "a1.xyz", "in the office 2",
              "in our big office 3", "main office 4", "in office"]
    for _ in range(3000):
        texts.append(
            "".join(
                rng.choice(words) + rng.choice(("", " ", "  ", "-", "\n")) for _ in range(rng.randint(1, 12))
            )
        )
    return texts


def _same_as_search(gate: LiteralGate, phrases: list[str], anchors: list[str],
                    texts: Iterable[str]) -> tuple[int, int]:
    """Every pattern's answer from the gate's scans equals `re.search`'s on every text; returns how many
    (pattern, text) pairs were checked and how many of them matched."""
    compiled = [re.compile(p) for p in phrases]
    checked = matched = 0
    for text in texts:
        scan = gate.scan(text)
        anchored = gate.scan_anchored(text)
        assert (anchored is not None) == any(a in text for a in anchors), text
        for i, rx in enumerate(compiled):
            want = rx.search(text) is not None
            assert scan.matches(i) == want, (phrases[i], text)
            assert anchored is None or anchored.matches(i) == want, (phrases[i], text)
            checked += 1
            matched += want
    return checked, matched


def test_scan_matches_is_exactly_a_search() -> None:
    phrases = _phrases()
    anchors = ["home", "remote", "büro", "abab", "ou e"]  # some also literals of the phrases
    gate = LiteralGate(phrases, anchors=anchors)
    checked, _ = _same_as_search(gate, phrases, anchors, _texts(phrases))
    assert checked > 100_000
    assert LiteralGate(["x"], anchors=["", "y"]).scan_anchored("abc") is not None  # "" occurs everywhere
    assert LiteralGate(["x"]).scan_anchored("x") is None  # no anchors: none occurs


def test_non_ascii_texts_are_scanned_as_bytes_with_the_same_answers() -> None:
    """A non-ASCII text is read as UTF-8 bytes and only the places a pattern is tried at are turned into
    characters (Scan.places): the answers stay those of a search, before and after characters of two, three
    and four bytes."""
    phrases = _phrases()
    anchors = ["home", "remote", "büro", "ou e", "télé"]
    gate = LiteralGate(phrases, anchors=anchors)
    rng = random.Random(11)
    words = [lit for p in phrases for clause in required_literals(p) for lit in clause]
    words += ["é", "ü", "—", "“", "”", "€", "😀", "\u00a0", "ß", "büro", "télétravail", "híbrido", "100 %",
              "3 ", "2 tage ", "home office", "remote", "in person ", "on-site in x", "\n- ", " ",
              "ou en remote"]
    texts = ["", "é", "😀remote", "remote😀", "é remote work from home 100% remote"]
    for _ in range(2500):
        texts.append("".join(rng.choice(words) + rng.choice(("", " ", "é ", "😀", "\n"))
                             for _ in range(rng.randint(1, 14))))
    _, matched = _same_as_search(gate, phrases, anchors, texts)
    assert matched > 2_000


def test_places_are_character_offsets() -> None:
    gate = LiteralGate([r"remote\b", r"\bhome"])
    for text in ("remote", "é remote ée remote😀remote", "home—remote", "éhome"):
        scan = gate.scan(text)
        for word, literal in enumerate(gate._words):
            assert scan.places(word) == [m.start() for m in re.finditer(f"(?={re.escape(literal)})", text)]


def test_short_word_clauses_are_not_scanned_for() -> None:
    """A required word shorter than SHORT_CLAUSE letters ("our", "the", "ort") is scanned for only as a
    pattern's first clause or the literal it is tried at; the answers stay those of a search."""
    phrases = [r"\bjoin\s+our\s+team\s+in\s+the\s+office", r"\bvor\s+ort\s+in\s+\w+", r"\b\d+\s+day\s+per"]
    gate = LiteralGate(phrases)
    assert gate._literals == ["day", "join", "office", "team", "vor"]  # "day": the literal tried at
    texts = ["join our team in the office", "join their team in an office", "vor ort in köln", "vor ort",
             "work vor ortschaft in x", "3 day per week", "join our team in the office of the team", ""]
    for text in texts:
        scan = gate.scan(text)
        for i, phrase in enumerate(phrases):
            assert scan.matches(i) == (re.search(phrase, text) is not None), (phrase, text)


def test_anchored_literal_bounds_where_a_match_starts() -> None:
    """The first literal run of the pattern's own sequence, and how far after a match's start it stands."""
    from etl.normalize.literal_gate import anchored_literal

    assert anchored_literal(r"\b\d{1,2}\s?%\s+of") == ("%", 1, 3)
    assert anchored_literal(r"\b(?:four|4)[\s-]year\b") == ("year", 2, 5)
    assert anchored_literal(r"%x") == ("%x", 0, 0)
    assert anchored_literal(r"\b\d\s+remote") is None  # any number of spaces before it
    assert anchored_literal(r"(?i)\d%") is None  # case-insensitive: the literal need not stand as written
    assert anchored_literal(r"\d(?:ab|cd)") is None  # no literal run in the sequence itself


def test_literal_split_reads_the_prefix_backwards() -> None:
    """A literal after a prefix of characters, classes, boundaries, repeats, groups and branches: the rest
    matched forwards from the literal, the prefix backwards from it, on the reversed text."""
    from etl.normalize.literal_gate import literal_split

    split = literal_split(r"\b\d+\s+remote\s+days?")
    assert split is not None
    literal, match_from, prefix_before = split
    assert literal == "remote"
    text = "now 12  remote days, a1 remote day"
    backwards = text[::-1]
    found = [at for at in (text.find("remote"), text.rfind("remote"))
             if match_from(text, at) and prefix_before(backwards, len(text) - at)]
    assert found == [text.find("remote")]  # "a1 remote": no word boundary before the figure
    assert literal_split(r"(?i)\d+\s+remote") is None  # case-insensitive
    assert literal_split(r"(a)\s*\1foo") is None  # a back-reference reads across the split
    assert literal_split(r"(?=a+)\s*foo") is None  # a look-ahead of varying width: no look-behind
    assert literal_split(r"(?m)^\s*foo") is None  # "^" of every line
    # the first run that is one of the given literals: "in" is too short to scan for
    office = literal_split(r"\bin\s+(?:the\s+)?office\s+\d", literals={"office"})
    assert office is not None and office[0] == "office"
    # the longest run is tried at ("office", not "the" of every sentence); the answers are the same
    longest = literal_split(r"(?:^|\n)\s*go\s+to\s+the\s+office\s+daily", literals={"the", "office", "daily"})
    assert longest is not None and longest[0] == "office"
    start = literal_split(r"(?:^|\n)\s*work")  # the text's start is the reversal's end
    assert start is not None
    for text, want in (("  work", True), ("x work", False), ("x\n work", True)):
        at = text.find("work")
        assert bool(start[1](text, at) and start[2](text[::-1], len(text) - at)) == want, text


def test_literals_read_from_the_pattern() -> None:
    assert required_literals(r"\bkein(?:e|en)?\s+(?:home[\s-]?office|remote)") == (
        frozenset({"kein"}), frozenset({"office", "remote"}))
    assert required_literals(r"(?i)remote") == ()
    assert required_literals(r"x?y?") == ()
    assert required_literals(r"a|bc|") == ()
    assert leading_literals(r"\b(?:100\s?%|komplett)[\s-]*remote") == frozenset({"100", "komplett"})
    assert leading_literals(r"\d+ tage") == frozenset()
    assert leading_literals(r"(?:^|\n)- on site") == frozenset()
    # zero-width tests stepped over, an optional element's literals added to the rest's (issue 10)
    assert leading_literals(r"\b(?=[wr])(?<!full )(?:work(?:ing)?[\s-])?remote") == frozenset(
        {"work", "remote"})
    assert leading_literals(r"(?<!no )(?:wfh|remote\s+work)") == frozenset({"wfh", "remote"})
    assert leading_literals(r"(?:ab)?(?:cd)?ef") == frozenset({"ab", "cd", "ef"})
    assert leading_literals(r"(?:ab)?\d") == frozenset()  # the rest has no leading literal
    assert leading_literals(r"(a?)b") == frozenset()  # an optional element alone in a group: unknown
    assert leading_literals(r"(?:a?)b") == frozenset({"a", "b"})  # (no group: the parser drops it)


def test_groups_answer_like_an_alternation() -> None:
    groups = [[r"\bfoo\b", r"bar\d"], [r"baz"]]
    gate = LiteralGate([p for g in groups for p in g], groups=[len(g) for g in groups])
    for text in ("foo", "xfoo", "bar1", "bar", "baz", "", "foo baz"):
        scan = gate.scan(text)
        for g, pats in enumerate(groups):
            alternation = re.compile("|".join(f"(?:{p})" for p in pats))
            assert scan.group_matches(g) == (alternation.search(text) is not None), (text, g)


@pytest.mark.parametrize(
    "text", ["Wir bieten 2 Tage Homeoffice pro Woche", "100% remote possible", "Télétravail partiel"]
)
def test_language_mode_unchanged_by_the_gate(text: str) -> None:
    """language_mode through the gate gives what the old per-class alternations gave."""
    anchors, classes, gate = remote_languages._rules()  # classes: (name, mode) pairs
    low = text.lower()
    alternations = [
        re.compile("|".join(f"(?:{gate.patterns[i].pattern})" for i in rng)) for rng in gate.groups
    ]
    want = next((mode for (_name, mode), rx in zip(classes, alternations, strict=True) if rx.search(low)),
                None) if any(a in low for a in anchors.words) else None
    assert remote_languages.language_mode(text) == want


def test_small_classes_are_spelled_out() -> None:
    assert required_literals(r"\bh[ií]brid[oa]") == (frozenset({"hibrido", "hibrida", "híbrido", "híbrida"}),)
    assert leading_literals(r"\bn[ãa]o\s+remot[oa]") == frozenset({"nao", "não"})
    assert required_literals(r"[a-z]x[^y]") == (frozenset({"x"}),)  # ranges and negations are not spelled out
    many = "".join("[abcd]" for _ in range(3))  # 64 spellings: too many, split into runs
    assert all(len(c) <= 16 for c in required_literals(many))


def test_any_of_is_any_substring() -> None:
    from etl.normalize.literal_gate import AnyOf

    words = ["remot", "home office", "büro", "hybr"]
    for text in ["", "remote", "x home office", "home  office", "Büro", "büro", "hybrid", "nothing"]:
        assert AnyOf(words)(text) == any(w in text for w in words), text
    assert AnyOf(["", "x"])("abc") and not AnyOf([])("abc")


def test_degree_alternation_cut_to_matching_phrases_finds_the_same() -> None:
    """experience._alternation of the phrases that match finds the same spans as the level's whole
    alternation, on real descriptions and texts stitched from the degree phrases' own literals (stitched from
    every table's, the share of texts naming a degree fell as the work-arrangement tables grew)."""
    degree = experience.CUES["degree"]
    texts = _texts([p for level in ("bachelor", "master", "phd", "not") for p in degree[level]])
    compared = 0
    for text in texts:
        scan = experience._DEGREE_GATE.scan(text)
        for g, (_level, whole) in enumerate(experience._DEGREE_CUES):
            matching = scan.group_matching(g)
            want = [m.span() for m in whole.finditer(text)]
            cut = experience._alternation(tuple(matching)) if matching else None
            got = [m.span() for m in cut.finditer(text)] if cut else []
            assert got == want, text
            compared += bool(want)
    assert compared > 300


def test_searcher_is_a_search() -> None:
    """literal_gate.searcher (the rewritten forms the gate searches with) answers what rx.search answers,
    for every phrase of the tables and the tricky patterns, on real and stitched texts."""
    from etl.normalize.literal_gate import searcher

    phrases = _phrases()
    compiled = [re.compile(p) for p in phrases]
    searchers = [searcher(rx) for rx in compiled]
    for text in [*_texts(phrases), "", "c", "\nc", "foo", " ou en remote", "sou en remote", "ou  en remote"]:
        for rx, search in zip(compiled, searchers, strict=True):
            assert search(text) == (rx.search(text) is not None), (rx.pattern, text)


AUTOMATON_WORDS = ["go", "golang", "c++", " r ", "für", "é", "ü", "data science", "science", "’s"]
AUTOMATON_TEXTS = [
    "golang and go, c++ or r for data science",  # ASCII: read as bytes
    "Erfahrung für Golang, C++ und R für Data-Science-Teams",  # Latin letters: read as str
    "prévue — l’équipe’s data science go ü é",  # mixed widths: character offsets, not bytes
    "",
    "go\ud800go",  # a lone surrogate (no UTF-8 form): raises, as ahocorasick_rs does
]


@pytest.mark.parametrize("text", AUTOMATON_TEXTS)
@pytest.mark.parametrize("overlapping", [False, True])
def test_automaton_finds_what_ahocorasick_rs_finds_on_str(text: str, overlapping: bool) -> None:
    """An ASCII text is scanned as bytes: the same words at the same character offsets as the str scan."""
    reference = ahocorasick_rs.AhoCorasick(AUTOMATON_WORDS, implementation=ahocorasick_rs.Implementation.DFA)
    ours = automaton(AUTOMATON_WORDS)
    low = text.lower()
    if "\ud800" in text:
        with pytest.raises(UnicodeEncodeError):
            reference.find_matches_as_indexes(low)
        for call in (lambda: ours.find_matches_as_indexes(low, overlapping=overlapping),
                     lambda: ours.occurs_in(low)):
            with pytest.raises(UnicodeEncodeError):
                call()
        return
    assert ours.find_matches_as_indexes(low, overlapping=overlapping) == reference.find_matches_as_indexes(
        low, overlapping=overlapping
    )
    assert ours.occurs_in(low) == bool(reference.find_matches_as_indexes(low))


def test_occurs_in_finds_a_word_wherever_it_crosses_the_head() -> None:
    """Automaton.occurs_in reads the first HEAD_BYTES, then the rest from a word's length before them:
    a word that starts in the head and ends past it, or starts right after it, is still found (in
    UTF-8 bytes: multi-byte characters before it shift where the head ends)."""
    from etl.normalize.literal_gate import HEAD_BYTES, AnyOf

    words = ["equal opportunity employer", "für", "xy"]
    gate = AnyOf(words)
    for filler in ("a", "é", "€"):  # 1, 2 and 3 bytes a character
        for word in words:
            for at in range(HEAD_BYTES // len(filler.encode()) - 30, HEAD_BYTES // len(filler.encode()) + 5):
                text = filler * at + word + filler * 300
                assert gate(text), (filler, word, at)
                cut = text[: at + len(word) - 1] + " " + text[at + len(word) :]  # the word's last letter gone
                assert gate(cut) == any(w in cut for w in words), (filler, word, at)


@pytest.mark.parametrize("text", [
    "see https://example.org and www.example.org, then http://a.b/c?d=e",
    "wwww.x.y httphttp://z www. https:// http://",
    "",
    "no address here",
])
def test_matches_at_the_literal_starts_equal_the_whole_search(text: str) -> None:
    """``matches_at`` tried only where a match can begin finds what ``finditer`` finds (the skills stage's
    device asides, offer verbs and web addresses read through it)."""
    rx = re.compile(r"(?:https?://|www\.)[^\s,]+")
    starts = [i for i in range(len(text)) if text.startswith(("http", "www."), i)]
    assert [m.span() for m in matches_at(rx, text, starts)] == [m.span() for m in rx.finditer(text)]
    # a start list missing where a match begins misses that match: the function reads only its starts
    if starts:
        assert [m.span() for m in matches_at(rx, text, starts[1:])] != [m.span() for m in rx.finditer(text)]
