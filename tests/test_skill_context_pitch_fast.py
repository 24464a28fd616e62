"""pitch_spans' fast paths (issue 10, branch h25perf; lead ruling 3 on h24perf) give what the plain forms
give.

* :func:`skill_context._starts_opening`: the presentation patterns (``_Rules.starts``) that may open with the
  character at a first word's place, found with the standard library's parse of each pattern
  (:func:`skill_context._opening`); its yes or no equals ``starts.match`` at every place of invented texts in
  the data file's languages, both where a pattern opens with the place's letter and where none does.
* :data:`skill_context._SENTENCE_END` with the ends' characters first: the same match at every place as the
  old ``[.!?](?=\\s|$)|\\n``.
* :func:`skill_context._name_forms` / :func:`skill_context._name_first_word`: the employer's name forms made
  once per name, as :func:`skill_context._after_name` and :func:`pitch_spans` made them at each place.
* :func:`pitch_spans` over invented postings: the same spans with the plain forms patched in.
Equivalence, not a defect: on the code before, the imports of the new names fail."""

from __future__ import annotations

import re

import pytest

from etl.normalize import skill_context as sc
from etl.normalize.skill_context import (
    _may_open_with,
    _name_first_word,
    _name_forms,
    _opening,
    _rules,
    _starts_opening,
    pitch_spans,
)

OLD_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")

TEXTS = [
    # English presentations and near misses
    "We are a small kiln maker. We're building glaze robots! We help potters ship faster.",
    "Our mission is to fire clay. Our goal at Kilnworks is to use IoT to glaze. In short, our goal is pots.",
    "Since 2009 we have fired pots. Founded in 1998, Kilnworks grew. Established in 2015.",
    "Driven by glaze science, Kilnworks is the leader. Powered by kilns, our team is fast.",
    "Its modular, AI-powered engine plans firings. Its glaze software is new.",
    "Utilising the latest glaze technology, Kilnworks' service works over SMS. Using ML, you will glaze.",
    "At Kilnworks, we fire pots. At home, our kilns rest.",
    "We also have deep expertise in glaze chemistry. We have strengths in kilns.",
    "We are looking to invest heavily in AI to automate our back office. We use kilns to create pots.",
    "We process billions of firings to give potters visibility. We analyze requests daily.",
    "we were never here. weave the clay. our. its. at. since. founded. driven. powered.",
    # German, French, Portuguese, Spanish
    "Wir sind ein junges Team. Durch die Verbindung von Glasur und Ofen revolutionieren wir das Brennen.",
    "Mit KI-gestützten Werkzeugen verändern wir die Töpferei. Mit dir entwickeln wir Öfen.",
    "Wir ermöglichen kleinen Unternehmen die Nutzung von Öfen. Unsere Plattform brennt.",
    "Seit 1999 brennen wir.",
    "Nous sommes une petite équipe. Notre mission est la cuisson. Depuis 2001, nous cuisons. Fondée en 1990.",
    "Somos uma empresa de fornos. Nossa missão é queimar. Desde 2010 queimamos. Fundada em 2012.",
    "Somos una empresa de hornos. Nuestra misión es cocer.",
    # bullets, line breaks, colons, cases the lower case keeps
    "- We are a kiln maker\n* Our platform fires pots\n> Since 2001 we glaze\n# Its kilns glow",
    "Who we are: We are a kiln maker. About us:: our mission is pots.",
    "WE ARE A KILN MAKER. OUR MISSION IS CLAY. \u017fince 2001. \u212ailnworks is the \u212aing.",
    # rosters and the employer's name
    "Kilnworks is a small AI startup. Kilnworks has fired 10,000 pots. The Kilnworks team is great.",
    "Customers like Acme and Globex use our kilns. Companies (e.g. Quux, Norbit) trust us.",
    "We're backed by angels from Acme. Trusted by Stripe, Shopify and GitHub. backed byte",
    "Quill Labs (www.quill.example) is a small AI startup. Quill Labs is how potters glaze.",
    "Kiln.AI is a glaze company. Kiln AI's computers will fire. KilnAI is new. See https://kiln.example/jobs.",
    "- Priya (CTO): compilers, Kafka fan\n- Ola (Engineer): glaze\nGlaze Engineers (Frontend): React",
    "", ".", "\n", "!", "e.g. we are. i.e. our mission. z. B. wir sind ein Team.", "we",
    "Dots.in.a.row. And... ellipses!? Then\u00a0non-breaking.\u2028Line separator. Tab.\tEnd.",
]


def _plain_starts_match(low: str, at: int) -> bool:
    return bool(_rules().starts.match(low, at))


@pytest.mark.parametrize("text", TEXTS)
def test_starts_by_first_character_say_yes_where_the_whole_alternation_matches(text: str) -> None:
    for low in (text.lower(), text):
        for at in range(len(low)):
            fast = _starts_opening(low[at])
            assert bool(fast is not None and fast.match(low, at)) == _plain_starts_match(low, at), (low, at)


def test_starts_by_first_character_leave_patterns_out() -> None:
    n = len(_rules().start_patterns)
    we = _starts_opening("w")
    assert we is not None and we.pattern.count("|(?:") + 1 < n  # a first word's letter: only its patterns
    zed = _starts_opening("z")
    assert zed is None or zed.pattern.count("|(?:") + 1 < n
    assert _starts_opening("7") is None  # no pattern opens with a digit


@pytest.mark.parametrize(("pattern", "opens", "not_opens"), [
    ("we(?: are|'re)", "wW", "exa "),
    ("(?:(?:in short|simply put), )?our", "iIsSoO", "wxu "),
    ("(?:mit )?unser(?:e|en)?", "mMuU", "wxn"),
    ("(?:since|founded in) (?:19|20)\\d\\d", "sSfF", "w1"),
    ("\\bwe\\b", "wW", "x"),
    ("(?<!x)(?=we)we", "wW", "x"),  # look-arounds pass over: more characters, never fewer
    ("[ab]x", "abxyz", ""),  # a class first: any character
    ("x?", "xyz", ""),  # may match empty: any character
    ("(?:we)*our", "wWoO", "x"),
    ("s", "sS\u017f", "t"),  # re.I: the long s matches "s"
    ("k", "kK\u212a", "x"),  # ... the Kelvin sign "k"
    ("(a)\\1", "aA", "b"),
])
def test_may_open_with_errs_only_towards_more_characters(pattern: str, opens: str, not_opens: str) -> None:
    compiled = re.compile(pattern, re.I)
    for c in opens:
        assert _may_open_with(pattern, c), (pattern, c)
    for c in not_opens:
        assert not _may_open_with(pattern, c), (pattern, c)
    # whatever it says no to cannot open a match
    for c in [*opens, *not_opens, "w", "o", "\u017f", "\u212a", "1", " "]:
        if not _may_open_with(pattern, c):
            rests = ("", "e", "e are", "ur", "nser", "x", "ince 1999")
            assert not any(compiled.match(c + rest) for rest in rests)


def test_opening_reads_the_parse() -> None:
    parse = sc._PATTERN_PARSER.parse
    assert _opening(parse("we", re.I).data) == (frozenset("w"), False)
    assert _opening(parse("(?:ab|cd)?e", re.I).data) == (frozenset("ace"), False)
    assert _opening(parse("(?:a|b)c", re.I).data) == (None, False)  # one-letter branches parse as a class
    assert _opening(parse("a?", re.I).data) == (frozenset("a"), True)
    assert _opening(parse(".x", re.I).data) == (None, False)


def test_starts_with_a_capturing_group_keep_every_pattern(monkeypatch: pytest.MonkeyPatch) -> None:
    class Fake:
        starts = re.compile("(?:(w)e\\1)|(?:our)", re.I)
        start_patterns = ("(w)e\\1", "our")

    monkeypatch.setattr(sc, "_rules", lambda: Fake)
    _starts_opening.cache_clear()
    try:
        assert _starts_opening("o") is Fake.starts
    finally:
        monkeypatch.undo()
        _starts_opening.cache_clear()


@pytest.mark.parametrize("text", TEXTS)
def test_sentence_end_finds_what_the_old_pattern_finds(text: str) -> None:
    for at in range(len(text) + 1):
        new, old = sc._SENTENCE_END.search(text, at), OLD_SENTENCE_END.search(text, at)
        assert (new and (new.span(), new.group())) == (old and (old.span(), old.group())), (text, at)


NAMES = ["Kilnworks", "Kilnworks Inc", "Kiln.AI", "The Kiln Company", "  Kiln  ", "Acme, Inc.", "AB", "Ab Cd",
         "Lookout Inc", "Kiln", "Q", "", " ", "IonQ", "Kiln-Works GmbH", "\u212ailn Works", "ÉCOLE Kiln"]


def _plain_forms(company: str) -> tuple[str, ...]:
    full = company.strip().lower()
    first = re.split(r"[\s.]+", full)[0].strip(",") if full else ""
    return (full, first) if len(first) >= 4 and first != full else (full,)


@pytest.mark.parametrize("name", NAMES)
def test_name_forms_are_the_plain_ones(name: str) -> None:
    assert _name_forms(name) == _plain_forms(name)
    assert _name_first_word(name) == re.split(r"[\s.,]+", name.strip())[0].lower()


def _plain_after_name(low: str, at: int, company: str) -> bool:
    rules = _rules()
    for name in _plain_forms(company):
        if name and low.startswith(name, at) and (
            rules.company_tail.match(low, at + len(name)) or rules.product_tail.match(low, at + len(name))
        ):
            return True
    return False


@pytest.mark.parametrize("text", TEXTS)
def test_after_name_as_before(text: str) -> None:
    low = text.lower()
    for name in NAMES:
        for at in range(len(low)):
            assert sc._after_name(low, at, name) == _plain_after_name(low, at, name), (text, name, at)


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("company", [None, "Kilnworks", "Kiln.AI", "Quill Labs", "Acme", "The Kiln Company"])
def test_pitch_spans_equal_with_the_plain_forms(text: str, company: str | None,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    fast = pitch_spans(text, company)
    monkeypatch.setattr(sc, "_starts_opening", lambda char: _rules().starts)
    monkeypatch.setattr(sc, "_SENTENCE_END", OLD_SENTENCE_END)
    monkeypatch.setattr(sc, "_name_forms", _plain_forms)
    monkeypatch.setattr(sc, "_name_first_word", lambda name: re.split(r"[\s.,]+", name.strip())[0].lower())
    assert pitch_spans(text, company) == fast
