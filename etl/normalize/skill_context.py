"""Where a skill's name is the employer's, a department's or a subject's, not a skill the job asks for.

Why: on real postings the rules tuned on one half of the labelled sample lost most precision to two
kinds of text the skill matcher cannot tell from a requirement by the name alone (issue 9, a fresh
tune batch): the employer presenting itself ("Affinio is a well-funded Data Science startup", "IonQ's
computers will soon redefine industries like ... machine learning, cryptography", "technology
partners like Snowflake, Confluent, Tableau"), and names that are also departments, fields of study
or industries ("collaborating with Marketing, Sales, QA, and Production", "across product, backend,
DevOps, and analyst/scientist teams", "MSc in computer science, math/statistics"). Both are general
shapes of text, not one posting's words, so they are read the same way in every posting:

* :func:`pitch_spans` finds the sentences that present the employer - a sentence that starts with
  "We are a ...", "Our products ...", the employer's name and a verb ("Acme is", "Acme's computers
  will"), or that lists the employer's clients, partners or industries - unless the sentence speaks
  to the applicant or names the team's tools ("you", "looking for", "stack", "using"). The domain
  skills named there are the employer's business; its concrete tools are the team's stack ("Our
  services run in Docker on AWS") and count; a roster of clients or partners names no skill of the
  job. A skill named elsewhere in the posting still counts.
* :func:`among_non_skills` tells whether one mention of a *domain* skill (AI, DevOps, Data Science,
  QA, Statistics ...) sits in a list of departments (two of them, or one where the clause speaks of
  working with others), in a list of teams ("A, B and C teams", not "join our QA team"), among a
  degree's fields of study or among industries, or right before a word for people ("data science
  peers", "DevOps leadership"). A mention that runs into a longer name ("IoT devices") is left to the
  skill's own rules.

The words are data, per language: etl/data/skill_context.yaml. Both run only where they can matter:
the pitch patterns are tried at sentence starts (one compiled match each), the list test only on
the few mentions of domain skills.
"""

from __future__ import annotations

import importlib
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from etl.normalize.literal_gate import automaton, matches_at
from etl.normalize.shared_text import PostingText
from etl.yaml_data import load_yaml

DATA = Path(__file__).resolve().parents[1] / "data" / "skill_context.yaml"
# how far a clause reaches on each side of a mention (a list of departments is short)
CLAUSE_CHARS = 160
MAX_ITEM_WORDS = 4
MAX_TEAM_WORDS = 3  # "analyst/scientist teams", "Software Engineering teams"
# an item with one of these is a phrase, not a team's name ("communication with teams")
_PREPOSITION = re.compile(
    r"\b(?:with|within|for|in|across|of|to|on|at|by|among|between|mit|für|avec|pour|com|para)\b"
)
# the mention's pair partner and the word after it ("QA or ops staff", "AI/ ML startups")
# ("Deep Learning/AI Staff Engineer" is a role: a staff or lead engineer is a level, not colleagues)
_PAIR_AFTER = re.compile(r"\s*(?:/|&|\band\b|\bor\b)\s*[\w-]+\s+([\w'’-]+)(?![\s-]+(?:engineers?|"
                         r"scientists?|developers?|architects?|analysts?|designers?|researchers?|positions?|"
                         r"roles?)\b)", re.I)
# the mention is followed by another list item, not by a bracketed abbreviation ("QA (Quality Assurance)")
_LIST_AFTER = re.compile(r"\s*(?:[,&/]|\b(?:and|or|und|oder|et|ou|e)\b)", re.I)
# "from Finance to QA to Support": a mention between two "to"s of a "from" span names a department or a
# stage, not a skill (one mention of a three-part span; "from research to production" has no middle)
_CHAIN_BEFORE = re.compile(r"\bfrom\s+(?:[\w&/-]+\s+){1,3}to\s+$", re.I)
_CHAIN_AFTER = re.compile(r"\s+to\s+[\w&/-]", re.I)
# German compounds on the mention's name whose head is the last word ("ML-Team", "KI-Kollegen"), also at the
# end of a suspended chain ("Data-, ML- und Automation-Kollegen"): the head, read as team and people words
_COMPOUND_HEAD = re.compile(r"-(?:\s*[,/]?\s*(?:(?:und|oder|sowie|bzw\.|&)\s+)?[^\W\d_][\w.]*-)*(\w+)")
_JOIN = re.compile(r"\b(?:join|joining|verstärke|rejoindre|junte-se)\b", re.I)
# working with others: a list after one of these is of colleagues
_WITH = re.compile(r"\b(?:with|mit|avec|com|across|between|zusammenarbeit|collaborat\w*|partner\w*)\b", re.I)
# the first name of a pair before a mention ("AI/" of "AI/ML")
_PAIRED = re.compile(r"[\w.+-]+\s*/\s*$")
# a list of the roles being hired, not of colleagues
_HIRING = re.compile(r"\b(?:hiring|looking|seeking|openings?|positions|roles|experience|erfahrung)\b", re.I)
# between a sentence's start and its first word: spaces, bullets, Markdown marks
_BULLETS = frozenset(" \t-*•·>#\u00a0")
# a roster noun right before a bracket of two or more capitalised names ("Tech-Companies (Airbnb,
# Shopify, ...)", "large companies (Google, Kayak)"): the employers listed, as after "like" (later batch
# real-later-v32); read in the text as written, where the capitals tell names from a bracketed kind
# ("customers (retail, banks)")
_BRACKET_ROSTER = re.compile(r" ?\((?=[A-Z][\w.&'-]*(?: [A-Z][\w.&'-]*){0,2}, [A-Z])")
# a sentence's end: ".", "!" or "?" before a space or the text's end, or a line break; written with the ends'
# characters first ("[.!?](?=\s|$)|\n" before the twenty-fifth session): the same matches, but ``re`` skips
# ahead to one of the four characters instead of trying both branches at every position (1.5 -> 0.9 µs a call
# over the real postings' employer sentences)
_SENTENCE_END = re.compile(r"[.!?\n](?:(?<=\n)|(?=\s|$))")
# clause ends: a list never runs across these (a "." only before a space and a capital: "e.g., math")
# (not the dot after a one-letter word: "z. B. Informatik", "e. g. Physics" stay one clause; 61st round)
_CLAUSE_END = re.compile(r"[;:!?\n]|(?<!\b[^\W\d_])\.(?=\s+[A-Z])")
_CLAUSE_MARKS = ";:!?\n"  # _CLAUSE_END's one-character ends; its "." is tried by _DOT_END
_DOT_END = re.compile(r"(?<!\b[^\W\d_])\.(?=\s+[A-Z])")
# The look-ahead names every character a separator can start with (a space, a mark, the first letter of
# a word): the same matches, but ``re`` rejects most positions at once instead of trying each alternative
# (the leading ``\s*`` leaves it nothing to skip ahead by).
_ITEM_SEP = re.compile(
    r"(?=[\s,/&|()•aeouy])\s*(?:[,/&|()•]|\band/or\b|\b(?:and|or|und|oder|et|ou|e|y|as well as)\b)\s*", re.I
)
# a degree's field written with the words before it ("advanced degree in computer science", "graduação em
# ciência da computação"): the field is what follows the last "in"
_FIELD_LEAD = re.compile(r"^.*\b(?:in|em|en)\s+")
# (German "z. B." / "bspw." before a list's first item too: "z.B. Physik, Data Science"; sixty-first round)
_LEADING = re.compile(r"(?:the|our|other|all|with|including|e\.g\.|i\.e\.|such as|like|z\.\s?b\.|bspw\.)\s+",
                      re.I)  # at 0


@dataclass(frozen=True, slots=True)
class _Rules:
    domain: frozenset[str]
    domain_lower: frozenset[str]
    team_words: frozenset[str]
    unit_names: tuple[tuple[str, ...], ...]  # multi-word names of a unit, as words ("center of excellence")
    team_title_words: frozenset[str]
    team_lead_words: frozenset[str]
    team_name_stops: frozenset[str]
    people_words: frozenset[str]
    departments: frozenset[str]
    colleague_roles: frozenset[str]
    degree_cues: re.Pattern[str]
    fields: frozenset[str]
    run_fields: tuple[str, ...]  # fields and domain skills' names, longest first (fields run together)
    industry_cues: re.Pattern[str]
    industries: frozenset[str]
    starts: re.Pattern[str]
    start_patterns: tuple[str, ...]  # the patterns of ``starts``, in order (:func:`_starts_opening`)
    roster: re.Pattern[str]  # after a roster noun: the joiner ("like", "such as")
    scan: Any  # Aho-Corasick automaton: roster nouns and phrases, the first words of presentations + a space
    roster_nouns: int  # how many of scan's words are roster nouns
    roster_phrases: int  # how many of scan's words after them open a roster by themselves ("backed by")
    is_a_from: int  # scan's words from this index on are " is a " and the like (a name presenting a company)
    company_tail: re.Pattern[str]  # after the employer's name: a verb that presents it
    product_tail: re.Pattern[str]  # ... or its product as the subject ("'s technology", " software platform")
    context_scan: Any  # Aho-Corasick automaton over every department, team, field and industry word
    context_longest: int  # characters of the longest of them
    keep_scan: Any  # Aho-Corasick automaton over the keep words (matched as whole words)
    stack_scan: Any  # ... over the stack words, which keep a roster sentence only
    users_of: re.Pattern[str]  # after a stack word: the employer as its object ("using us", "our platform")
    partner_cues: tuple[str, ...]  # right before a mention: working with colleagues of that name
    superior: re.Pattern[str]  # ... the title of the role's superior ("managed by the Director of")
    served_nouns: tuple[str, ...]  # right after a mention: what the job's systems serve ("ML workloads")
    basis_cues: tuple[str, ...]  # right before a mention: what a product rests on ("based on AI")
    serving: re.Pattern[str]  # ... when the clause before says the systems serve it ("platforms that power")
    company_nouns: re.Pattern[str]  # in a sentence "<Name> is a ...": it presents a company
    not_names: frozenset[str]
    offer_verbs: re.Pattern[str]  # the employer's offering (branch h9y): "providing", "we offer"
    offer_nouns: re.Pattern[str]  # ... of solutions or services
    offer_sellers: re.Pattern[str]  # ... by a seller named before the verb
    offer_guards: re.Pattern[str]  # ... unless a requirement comes before it (the applicant offers)


# the standard library's own reader of patterns (what ``re.compile`` parses with), for the characters a
# pattern may open with
_PATTERN_PARSER: Any = importlib.import_module("re._parser")
_ZERO_WIDTH = frozenset({"AT", "ASSERT", "ASSERT_NOT"})
_REPEATS = frozenset({"MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT"})


def _opening(items: Any) -> tuple[frozenset[str] | None, bool]:
    """(the characters a match of the parsed sequence ``items`` may open with, as written in the pattern -
    None when it may open with others than literals name, or the parse holds what this does not read -;
    whether it may match the empty string). Erring only towards more characters: a look-around or boundary
    is passed over as if it held nothing (it consumes nothing, and passing it over allows more)."""
    chars: set[str] = set()
    for op, av in items:
        kind = str(op)
        if kind == "LITERAL":
            return frozenset(chars | {chr(av)}), False
        if kind in _ZERO_WIDTH:
            continue
        if kind == "SUBPATTERN":
            sub, empty = _opening(av[-1])
        elif kind == "BRANCH":
            sub, empty = frozenset(), False
            for branch in av[1]:
                got, may = _opening(branch)
                if got is None:
                    return None, False
                sub, empty = sub | got, empty or may
        elif kind in _REPEATS:
            sub, empty = _opening(av[2])
            empty = empty or av[0] == 0
        else:  # a class, any character, a category, a group's reference...: not only named literals
            return None, False
        if sub is None:
            return None, False
        chars |= sub
        if not empty:
            return frozenset(chars), False
    return frozenset(chars), True


def _may_open_with(pattern: str, char: str) -> bool:
    """Whether a match of ``pattern`` (re.I) may start at a ``char`` (False only where it cannot)."""
    try:
        chars, empty = _opening(_PATTERN_PARSER.parse(pattern, re.I).data)
    except Exception:  # a parser of another Python: every pattern stays
        return True
    if chars is None or empty:
        return True
    return any(re.fullmatch(re.escape(c), char, re.I) for c in chars)


@cache
def _starts_opening(char: str) -> re.Pattern[str] | None:
    """``_rules().starts`` with only its patterns that may match where the text has ``char`` (None if none
    may): pitch_spans tries the patterns at a first word's place, whose first character tells most of them
    out, so ``re`` tries two to fourteen instead of all thirty there. The same yes or no as ``starts.match``
    at such a place (a left-out pattern cannot match there; ``starts`` is used only as a yes or no); where
    ``starts`` holds a capturing group (a reference by number would shift) every pattern stays
    (twenty-fifth session, issue 10)."""
    rules = _rules()
    if rules.starts.groups:
        return rules.starts
    keep = [p for p in rules.start_patterns if _may_open_with(p, char)]
    return re.compile("|".join(f"(?:{p})" for p in keep), re.I) if keep else None


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


@cache
def _rules() -> _Rules:
    with open(DATA, encoding="utf-8") as fh:
        cfg = load_yaml(fh)
    lower = lambda key: frozenset(str(w).lower() for w in cfg[key])  # noqa: E731
    starts = [p for patterns in cfg["pitch_starts"].values() for p in patterns]
    roster_nouns = [str(w).lower() for w in cfg["roster_nouns"]]
    roster_phrases = [str(w).lower() for w in cfg["roster_phrases"]]
    context_words = sorted({
        str(w).lower()
        for key in ("team_words", "unit_names", "people_words", "departments", "colleague_roles", "fields",
                    "industries", "partner_cues", "served_nouns", "basis_cues", "superior_cues")
        for w in cfg[key]
    })
    verbs = "|".join(re.escape(v) for v in sorted(cfg["company_verbs"], key=len, reverse=True))
    products = "|".join(re.escape(v) for v in sorted(cfg["product_nouns"], key=len, reverse=True))
    return _Rules(
        domain=frozenset(cfg["domain_skills"]),
        domain_lower=frozenset(str(w).lower() for w in cfg["domain_skills"]),
        team_words=lower("team_words"),
        unit_names=tuple(tuple(str(w).lower().split()) for w in cfg["unit_names"]),
        team_title_words=lower("team_title_words"),
        team_lead_words=lower("team_lead_words"),
        team_name_stops=lower("team_name_stops"),
        people_words=lower("people_words"),
        departments=lower("departments"),
        colleague_roles=lower("colleague_roles"),
        degree_cues=_words_pattern(cfg["degree_cues"]),
        fields=lower("fields"),
        run_fields=tuple(sorted(lower("fields") | {str(w).lower() for w in cfg["domain_skills"]}, key=len,
                                reverse=True)),
        industry_cues=_words_pattern(cfg["industry_cues"]),
        industries=lower("industries"),
        starts=re.compile("|".join(f"(?:{p})" for p in starts), re.I),
        start_patterns=tuple(starts),
        roster=re.compile(
            r"[\s(—–-]+(?:"
            + "|".join(re.escape(w) for w in sorted(cfg["roster_joiners"], key=len, reverse=True))
            + r")(?!\w)"
        ),
        scan=automaton([*roster_nouns, *roster_phrases, *(f"{w} " for w in lower("first_words")), *_IS_A]),
        is_a_from=len(roster_nouns) + len(roster_phrases) + len(lower("first_words")),
        roster_nouns=len(roster_nouns),
        roster_phrases=len(roster_phrases),
        # "Yosh.AI is", "Acme.io's platform will": the name may be written as the employer's domain
        company_tail=re.compile(rf"(?:\.[a-z]{{2,4}})?(?:['’]s)?\s+(?:\w+\s+){{0,2}}?(?:{verbs})\b"),
        product_tail=re.compile(rf"(?:\.[a-z]{{2,4}})?(?:['’]s)?\s+(?:\w+(?:-\w+)*\s+)?(?:{products})\b"
                                # one word before the noun, hyphenated too ("AI-powered products"; later-v22);
                                # a team named after it; a heading of a list ("Blockchain Technology - ...")
                                r"(?!\s+(?:teams?|groups?|engineers?|engineering|developers?)\b|\s*[-–—:])"),
        context_scan=automaton(context_words),
        context_longest=max(map(len, context_words)),
        keep_scan=automaton([str(w).lower() for w in cfg["keep_words"]]),
        stack_scan=automaton([str(w).lower() for w in cfg["stack_words"]]),
        users_of=re.compile(rf"(?:us|our\s+(?:\w+\s+)?(?:{products}))\b"),
        partner_cues=tuple(str(w).lower() for w in cfg["partner_cues"]),
        # a cue, up to three words ("the Senior"), a title, "of" and up to two fields before the mention's
        # ("Analytics and"), to the clause's end
        superior=re.compile(
            rf"{_words_pattern(cfg['superior_cues']).pattern}\s+(?:[\w.&/-]+\s+){{0,3}}?"
            rf"{_words_pattern(cfg['superior_titles']).pattern}\s+of\s+(?:the\s+)?"
            r"(?:[\w-]+\s*(?:,|and|&)\s*){0,2}$",
            re.I,
        ),
        served_nouns=tuple(str(w).lower() for w in cfg["served_nouns"]),
        basis_cues=tuple(str(w).lower() for w in cfg["basis_cues"]),
        serving=_words_pattern(cfg["serving_verbs"]),
        company_nouns=_words_pattern(cfg["company_nouns"]),
        not_names=lower("not_names"),
        offer_verbs=_words_pattern(cfg["offer_verbs"]),
        offer_nouns=_words_pattern(cfg["offer_nouns"]),
        offer_sellers=_words_pattern(cfg["offer_sellers"]),
        offer_guards=_words_pattern(cfg["offer_guards"]),
    )


def domain_skills() -> frozenset[str]:
    """Skills whose names also name departments, teams, fields of study or industries."""
    return _rules().domain


@cache
def company_verbs() -> str:
    """The ``company_verbs`` of skill_context.yaml as one regex alternation, longest first: after the
    employer's name at a sentence's start they present the employer ("<Name> is how ...", "<Name> has")."""
    with open(DATA, encoding="utf-8") as fh:
        verbs = load_yaml(fh)["company_verbs"]
    return "|".join(re.escape(str(v)) for v in sorted(verbs, key=len, reverse=True))


def _after_name(low: str, at: int, company: str) -> bool:
    """Whether the employer's name (or its first word, "Lookout" of "Lookout Inc", "Kiln" of "Kiln.AI")
    starts at ``at`` and is followed within two words by a verb that presents it ("IonQ's computers will",
    "Acme is")."""
    rules = _rules()
    for name in _name_forms(company):
        if name and low.startswith(name, at) and (
            rules.company_tail.match(low, at + len(name)) or rules.product_tail.match(low, at + len(name))
        ):
            return True
    return False


@lru_cache(maxsize=1024)
def _name_forms(company: str) -> tuple[str, ...]:
    """The forms of the employer's name :func:`_after_name` looks for: the name in lower case, and its first
    word where that is another of four letters or more. Made once per name (a pure function of it), not at
    each place the name occurs (twenty-fifth session, issue 10)."""
    full = company.strip().lower()
    first = re.split(r"[\s.]+", full)[0].strip(",") if full else ""
    return (full, first) if len(first) >= 4 and first != full else (full,)


@lru_cache(maxsize=1024)
def _name_first_word(name: str) -> str:
    """The first word of a name in lower case, also the first part of a dotted name ("kiln" of "Kiln.AI")."""
    return re.split(r"[\s.,]+", name.strip())[0].lower()


def _sentence_start(low: str, at: int) -> int:
    """Where the sentence holding ``at`` starts (after . ! ? and a space, or a line break)."""
    k = max(low.rfind("\n", 0, at), low.rfind(". ", 0, at), low.rfind("! ", 0, at), low.rfind("? ", 0, at))
    return 0 if k < 0 else k + (1 if low[k] == "\n" else 2)


def _at_sentence_start(low: str, at: int) -> bool:
    """Whether ``at`` starts a sentence: the text's start, or after . ! ? or a line break (bullets and
    Markdown marks between)."""
    j = at - 1
    while j >= 0 and low[j] in _BULLETS:
        j -= 1
    return j < 0 or low[j] in ".!?\n" or (low[j] == ":" and at - j <= 2 and j > 0 and low[j - 1] != ":")


def _holds_word(scan: Any, text: str) -> bool:
    """Whether one of the automaton's words occurs in ``text`` as a whole word."""
    for _, a, b in scan.find_matches_as_indexes(text, overlapping=True):
        if (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()):
            return True
    return False


def _holds_stack(text: str, employer: list[str]) -> bool:
    """Whether a stack word occurs in the roster sentence ``text`` (lower case) as a whole word, other than
    before the employer itself: "companies like <a>, <b> are already using <Employer> to ...", "use us",
    "using our platform" name the employer's users, not the team's stack (later-v29). ``employer``: the
    first words of the employer's names."""
    rules = _rules()
    for _, a, b in rules.stack_scan.find_matches_as_indexes(text, overlapping=True):
        if (a and text[a - 1].isalnum()) or (b < len(text) and text[b].isalnum()):
            continue
        rest = text[b:].lstrip()
        if rules.users_of.match(rest) or any(
            rest.startswith(name) and not rest[len(name) : len(name) + 1].isalnum() for name in employer
        ):
            continue
        return True
    return False


_ABBREVIATIONS = ("e.g", "i.e", "z. b", "z.b", "p. ex")  # a "." after these ends no sentence


_IS_A = (" is a ", " is an ", " is the ", " is one of ")
_NAME_JOINERS = frozenset({"of", "&", "and", "de", "-", "|"})
MAX_NAME_WORDS = 5
NAME_REACH = 120  # characters: a name and a bracketed web address


def _named_companies(text: str, low: str, rules: _Rules, positions: list[int]) -> list[tuple[int, str]]:
    """Starts of the sentences "<Name> is a/an/the ... <company noun> ..." ("Quill Labs (www.quill.example) is
    a small AI startup"): a name of capitalised words (a bracket between), not a pronoun nor a domain
    skill's name ("Machine Learning is a core part"), each with the name; ``positions``: where " is a " and
    the like occur (found by :func:`pitch_spans`' one pass)."""
    out: list[tuple[int, str]] = []
    for at in positions:
        # the sentence's start, looked for only as far back as a name reaches (a sentence that starts further
        # back has no name before its "is a")
        lo = max(0, at - NAME_REACH)
        k = max(low.rfind(mark, lo, at) for mark in ("\n", ". ", "! ", "? "))
        if k < 0 and lo > 0:
            continue
        start = 0 if k < 0 else k + (1 if low[k] == "\n" else 2)
        while start < at and text[start] in _BULLETS:
            start += 1
        words = [w for w in text[start:at].split() if not (w.startswith("(") or w.endswith(")"))]
        if (
            0 < len(words) <= MAX_NAME_WORDS
            and words[0].lower() not in rules.not_names
            and all(w[:1].isupper() or w[:1].isdigit() or w.lower() in _NAME_JOINERS for w in words)
            and " ".join(words).lower() not in rules.domain_lower
            and rules.company_nouns.search(text, at, _sentence_end(text, at))
        ):
            out.append((start, " ".join(words)))
    return out


def _sentence_end(text: str, at: int) -> int:
    m = _SENTENCE_END.search(text, at)
    while m and m.group() == "." and text[max(0, m.start() - 5) : m.start()].lower().endswith(_ABBREVIATIONS):
        m = _SENTENCE_END.search(text, m.end())  # "companies (e.g. Quux, Norbit)": the roster goes on
    return m.end() if m else len(text)


# the name of the pitch automaton's set in a posting's shared scan (etl/normalize/shared_text.py)
PITCH_CUES = "pitch words"


def cue_words() -> dict[str, list[str]]:
    """This module's per-text automaton's words for a posting's shared scan, in its numbering."""
    return {PITCH_CUES: _rules().scan.words()}


def pitch_spans(text: str, company: str | None = None, shared: PostingText | None = None
                ) -> list[tuple[int, int, bool]]:
    """(start, end, roster) of each sentence of ``text`` that presents the employer, in order; ``roster``
    when it lists the employer's clients, partners or industries (every skill in it is theirs), else
    only the domain skills named in it are the employer's ("Affinio is a Data Science startup"), while
    its concrete tools are the team's stack ("Our platform is TypeScript, Node.js and AWS").

    Cheap on every posting: one Aho-Corasick pass finds the roster nouns, and the presentation patterns
    are tried only at sentence starts whose first word may begin one (``shared``: the posting's texts, whose
    lower case and cue scan are made once, etl/normalize/shared_text.py)."""
    if not text:
        return []
    rules = _rules()
    low = shared.lower(text) if shared else text.lower()
    found: dict[int, tuple[int, bool]] = {}  # sentence start -> (end, roster)
    # one pass finds both the roster nouns and the first words of presentations
    is_a: list[int] = []  # where " is a " and the like occur
    hits = shared.hits(PITCH_CUES, low) if shared else None
    if hits is None:
        hits = rules.scan.find_matches_as_indexes(low, overlapping=True)
    is_a_from, nouns, rosters = rules.is_a_from, rules.roster_nouns, rules.roster_nouns + rules.roster_phrases
    for i, at, stop in hits:
        if i >= is_a_from:
            is_a.append(at)
        elif i < rosters:
            noun = i < nouns
            if (at and low[at - 1].isalpha()) or (
                noun and not (rules.roster.match(low, stop) or _BRACKET_ROSTER.match(text, stop))
            ):
                continue
            if not noun and stop < len(low) and low[stop].isalpha():
                continue  # "backed byte": not the phrase
            found[_sentence_start(low, at)] = (_sentence_end(text, at), True)
        elif at and low[at - 1].isalpha():
            continue  # inside a word ("your", "hour"): no sentence starts there (as _at_sentence_start says)
        elif at not in found and _at_sentence_start(low, at):
            # the presentation patterns that may open with the first word's letter (rules.starts' yes or no)
            starts = _starts_opening(low[at])
            if starts is not None and starts.match(low, at):
                found[at] = (_sentence_end(text, at), False)
    named = _named_companies(text, low, rules, is_a)
    # the company field's name, and each name the text presents as a company ("Quillmark is the ... app"):
    # the employer's name in its later sentences too (fifty-third round)
    names = [company] if company and company.strip() else []
    names += [name for _, name in named if name.lower() not in {n.lower() for n in names}]
    for name in names:
        # its first word, also the first part of a dotted name ("Kiln" of "Kiln.AI", spelled from a slug)
        first = _name_first_word(name)
        if len(first) < 3:
            continue
        at = low.find(first)
        while at != -1:
            start = at - 4 if low.startswith("the ", at - 4) else at
            if start not in found and _at_sentence_start(low, start) and _after_name(low, at, name):
                found[start] = (_sentence_end(text, start), False)
            at = low.find(first, at + len(first))
    for start, _ in named:
        found.setdefault(start, (_sentence_end(text, start), False))
    employer = [first for first in map(_name_first_word, names) if len(first) >= 3]
    spans: list[tuple[int, int, bool]] = []
    for start in sorted(found):
        end, roster = found[start]
        if spans and start < spans[-1][1]:
            continue  # inside the previous sentence
        sentence = low[start:end]
        stack = roster and _holds_stack(sentence, employer)  # a stack keeps a roster sentence only
        if not stack and not _holds_word(rules.keep_scan, sentence):
            spans.append((start, end, roster))
    if "):" in text:
        spans = _with_bios(text, spans)
    if "http" in low or "www." in low:
        spans = _with_addresses(low, spans)
    return spans


# characters from the verb to its noun ("offering a full range of professional cloud services")
OFFER_REACH = 80
# "you will be offering", "you'll provide": the applicant is the one who offers
_YOU_BEFORE = re.compile(r"\byou(?:['’]ll| will| would)?(?: be| also)?\s+$")


def offering_spans(text: str, company: str | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, roster) of the employer's offering in ``text`` (branch h9y), read after the trained check
    (etl.skill_judge.demand_after_check; not a pitch span, so the check's inputs and model are unchanged);
    cheap: a text without "provid", "offer", "deliver" or "sell" has none."""
    low = text.lower()
    if not any(stem in low for stem in _OFFER_STEMS):
        return []
    return _offerings(text, low, _rules(), company)


def _offerings(text: str, low: str, rules: _Rules, company: str | None) -> list[tuple[int, int, bool]]:
    """Spans of the employer's offering (branch h9y): from a verb of :data:`_Rules.offer_verbs`
    followed within its clause by a noun for solutions or services, to the sentence's end or the first word
    that speaks to the applicant ("..., we are looking for"), where the sentence before the verb names a
    seller (the employer, its client, "a team that") and no requirement ("experience providing ...") nor
    "you" as the verb's subject. A line of the job's duties ("Support analysts by providing data services
    such as Airflow") names no seller and is left alone. A roster span (every skill the employer's) unless it
    holds a word for the team's stack."""
    out: list[tuple[int, int, bool]] = []
    name = company.strip().lower() if company and company.strip() else ""
    for m in _offer_verbs(low, rules.offer_verbs):
        start = _sentence_start(low, m.start())
        end = _sentence_end(text, m.start())
        if out and m.start() < out[-1][1]:
            continue  # within the offering before it
        reach = _SENTENCE_END.search(low, m.end(), min(end, m.end() + OFFER_REACH))
        clause = low[m.end() : reach.start() if reach else min(end, m.end() + OFFER_REACH)]
        stop = next((i for i, c in enumerate(clause) if c in ";:"), len(clause))
        if not rules.offer_nouns.search(clause, 0, stop):
            continue
        before = low[start : m.start()]
        if not (rules.offer_sellers.search(before) or (name and name in before)):
            continue
        if rules.offer_guards.search(before) or _YOU_BEFORE.search(before):
            continue
        span = low[m.start() : m.start() + _first_word(rules.keep_scan, low[m.start() : end])]
        # with a word for the team's stack ("offering services built on Kafka") the concrete tools are the
        # stack and only the domain skills the employer's business, as in a presentation
        out.append((m.start(), m.start() + len(span), not _holds_word(rules.stack_scan, span)))
    return out


_OFFER_STEMS = ("provid", "offer", "deliver", "sell")  # every offer verb holds one (data: offer_verbs)


def _offer_verbs(low: str, verbs: re.Pattern[str]) -> Iterator[re.Match[str]]:
    """The matches of ``verbs.finditer(low)``, tried only where a stem starts (or "we " before it), left to
    right, each after the previous one's end: the same matches, found by ``str.find`` instead of a regex
    reading the whole text (about 64 against a few µs a posting)."""
    starts: set[int] = set()
    for stem in _OFFER_STEMS:
        at = low.find(stem)
        while at != -1:
            starts.add(at)
            if low.startswith("we ", at - 3):
                starts.add(at - 3)
            at = low.find(stem, at + 1)
    yield from matches_at(verbs, low, starts)


def _first_word(scan: Any, text: str) -> int:
    """Where the first of the automaton's words starts in ``text`` as a whole word, ``len(text)`` if none."""
    first = len(text)
    for _, a, b in scan.find_matches_as_indexes(text, overlapping=True):
        if a < first and (a == 0 or not text[a - 1].isalnum()) and (b == len(text) or not text[b].isalnum()):
            first = a
    return first


# A line presenting a member of the team, a first name (and surname) with a role in brackets and a colon
# ("- Priya (CTO): compilers, Kafka fan"), is about colleagues: every skill in it is theirs (branch h9w; the
# trained check kept such skills, read as the stack). A skill before the brackets ("Kubernetes (K8s):") is
# no person: the brackets must hold a role word.
_BIO = re.compile(
    r"^[ \t]*(?:[-*\u2022\u00b7\u25aa][ \t]*)?[A-Z][\w'\u2019.-]{1,20}"
    r"(?:[ \t][A-Z][\w'\u2019.-]{1,20})?[ \t]*"
    r"\([^()\n/,]{0,20}?\b(?:CEO|CTO|CPO|COO|CFO|CMO|VP|[Cc]o-?[Ff]ounder|[Ff]ounder|[Ff]ull-?[Ss]tack|"
    r"[Bb]ack-?[Ee]nd|[Ff]ront-?[Ee]nd|[Dd]esigner|[Ee]ngineer|[Dd]eveloper|[Hh]ead|[Ll]ead)\b[^()\n/,]{0,20}\)"
    r"[ \t]*:[^\n]*",
    re.M,
)


# a role listed with its stack ("Software Engineers (Frontend): React, Redux") names no person
_ROLE_NAME = re.compile(
    r"(?i)\b(?:engineer|developer|designer|manager|scientist|analyst|architect|lead|head|senior|junior|staff|"
    r"intern|role|position|team|job)s?\b"
)


def _with_bios(text: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``spans`` with each team member's line (:data:`_BIO`) as a roster span, where no span covers it."""
    bios = [
        (m.start(), m.end(), True)
        for m in _BIO.finditer(text)
        if not _ROLE_NAME.search(m[0], 0, m[0].find("("))
    ]
    if not bios:
        return spans
    out: list[tuple[int, int, bool]] = []
    for span in sorted(spans + bios):
        if out and span[0] < out[-1][1]:
            continue  # within the span before it
        out.append(span)
    return out


# A web address names the site it points to, not a skill ("https://github.com/docker/cagent" is no GitHub).
# ``\b(?:https?://|www\.)`` written with the boundary checked behind the first letter: the same matches,
# but ``re`` can skip ahead to an "h" or "w" instead of trying every position (36 against 12 µs a
# real posting)
_ADDRESS = re.compile(r"(?:h(?<=\bh)ttps?://|w(?<=\bw)ww\.)[^\s<>\"')\]]+")


def _addresses(low: str) -> Iterator[re.Match[str]]:
    """The matches of ``_ADDRESS.finditer(low)``, tried only where "http" or "www." starts (every match
    starts with one of them), left to right, each after the previous one's end: the same matches, found
    by ``str.find`` instead of a regex reading the whole text (8-12 µs a real posting)."""
    starts: list[int] = []
    for lead in ("http", "www."):
        at = low.find(lead)
        while at != -1:
            starts.append(at)
            at = low.find(lead, at + 1)
    yield from matches_at(_ADDRESS, low, starts)


def _with_addresses(low: str, spans: list[tuple[int, int, bool]]) -> list[tuple[int, int, bool]]:
    """``spans`` with every web address outside them added as a span whose skills are not the job's."""
    out = list(spans)
    for m in _addresses(low):
        if not any(a < m.end() and m.start() < b for a, b, _ in spans):
            out.append((m.start(), m.end(), True))
    return sorted(out)


def _items(clause: str) -> list[str]:
    out: list[str] = []
    for item in _ITEM_SEP.split(clause):
        item = item.strip(" .-*'\"’").lower()
        lead = _LEADING.match(item)  # a match at the start only (a ``^`` sub tried every position)
        if lead:
            item = item[lead.end() :]
        if item:
            out.append(item)
    return out


class ContextWords:
    """Whether a text holds any department, team, field or industry word within a clause's reach of a
    mention (made once per text and only when it names a domain skill): most mentions have none, and
    :func:`among_non_skills` can then answer without reading the clause.

    Each mention's reach is read (lower-cased, one Aho-Corasick pass over about 330 characters), not
    the whole text: a text names a domain skill a few times, and the whole text's pass cost about 45 µs
    on a real posting. The answer is the whole text's: ``str.lower`` maps each character on its own,
    except "İ" (two characters: the whole text's offsets shift after it) and "Σ" (its lower case
    depends on the next character); a text holding either is read whole, as it was.

    The reaches of a text's mentions overlap (the real exports: 13,422 reaches of 4.2 million characters
    over 2.6 million distinct ones), so the stretches read are remembered with the words found starting in
    them, and a reach reads only the stretches no earlier one read (the answer is the same: whether a word
    starts in the reach)."""

    __slots__ = ("_read", "_starts", "positions", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.positions: list[int] | None = None
        if "\u0130" in text or "\u03a3" in text:
            scan = _rules().context_scan.find_matches_as_indexes(text.lower(), overlapping=True)
            self.positions = sorted({at for _, at, _ in scan})
        self._read: list[tuple[int, int]] = []  # the stretches [a, b) read so far, apart and in order
        self._starts: list[int] = []  # where a word starts in them, in order

    def near(self, start: int, stop: int) -> bool:
        """Whether a word starts at or after ``start - CLAUSE_CHARS`` and before ``stop + CLAUSE_CHARS``."""
        end = stop + CLAUSE_CHARS
        if self.positions is not None:
            i = bisect_left(self.positions, start - CLAUSE_CHARS)
            return i < len(self.positions) and self.positions[i] < end
        lo, hi = max(0, start - CLAUSE_CHARS), min(end, len(self.text))  # (no word starts past the text)
        starts = self._starts
        i = bisect_left(starts, lo)
        if i < len(starts) and starts[i] < hi:
            return True
        unread = _unread(self._read, lo, hi)
        if not unread:
            return False
        rules = _rules()
        found = False
        for a, b in unread:
            # the stretch, plus room for a word starting inside it to end
            window = self.text[a : b + rules.context_longest - 1].lower()
            for _, at, _ in rules.context_scan.find_matches_as_indexes(window, overlapping=True):
                if a + at < b:
                    insort(starts, a + at)
                    found = True
        self._read = _joined(self._read + unread)
        return found


def _unread(read: list[tuple[int, int]], lo: int, hi: int) -> list[tuple[int, int]]:
    """The parts of [lo, hi) outside the stretches ``read`` (apart and in order)."""
    out: list[tuple[int, int]] = []
    at = lo
    for a, b in read:
        if b <= at:
            continue
        if a >= hi:
            break
        if a > at:
            out.append((at, a))
        at = b
        if at >= hi:
            break
    if at < hi:
        out.append((at, hi))
    return out


def _joined(stretches: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """``stretches`` (none overlapping another) sorted, touching ones joined."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(stretches):
        if out and a <= out[-1][1]:
            out[-1] = (out[-1][0], max(b, out[-1][1]))
        else:
            out.append((a, b))
    return out


def _last_clause_end(left: str) -> int:
    """The end of the last match of _CLAUSE_END in ``left``, 0 if none: as ``list(finditer)[-1].end()``
    (every match is one character, so the last is the rightmost place it matches), found backwards with
    ``rfind`` instead of a regex tried at each of up to 160 positions (about 10 µs a mention)."""
    k = -1
    for c in _CLAUSE_MARKS:  # each mark looked for after the latest found so far (no generator: a hot path)
        i = left.rfind(c, k + 1)
        if i != -1:
            k = i
    dot = left.rfind(".", k + 1)  # a dot before the last mark ends no later clause
    while dot > k:
        if _DOT_END.match(left, dot):
            return dot + 1
        dot = left.rfind(".", 0, dot)
    return k + 1


def _next_clause_end(text: str, at: int, end: int) -> int:
    """Where the first match of _CLAUSE_END in ``text[at:end]`` starts (as ``search(text, at, end)``, the
    look-ahead not reading past ``end``), ``end`` if none; by ``find``, as :func:`_last_clause_end`."""
    k = end
    for c in _CLAUSE_MARKS:  # each mark looked for before the earliest found so far
        i = text.find(c, at, k)
        if i != -1:
            k = i
    dot = text.find(".", at, k)
    while dot != -1:
        if _DOT_END.match(text, dot, end):
            return dot
        dot = text.find(".", dot + 1, k)
    return k


def _after_partner_cue(lead: str, rules: _Rules) -> bool:
    """Whether ``lead`` ends with a word for working with others, a first name of a pair ("AI/") aside."""
    if "/" in lead:
        lead = _PAIRED.sub("", lead)
    return " ".join(lead.lower().split()).endswith(rules.partner_cues)


_ARTICLE_END = re.compile(r"\s+(?:a|an|the)$")


BASIS_LINE_CHARS = 200  # characters of the mention's line read back for a stack word ("Tech stack: ...")


def _after_basis_cue(text: str, start: int, before: str, rules: _Rules) -> bool:
    """Whether ``before`` (the clause up to the mention at ``start``) ends with what a product rests on
    ("a tool based on", "an app powered by the") with no requirement and no word for the applicant or the
    role before it, on a line that names no stack ("Tech stack: the core of our engine is ... based on
    machine learning" is the team's own system)."""
    lead = _ARTICLE_END.sub("", " ".join(before.lower().split()))
    if not lead.endswith(rules.basis_cues):
        return False
    if rules.offer_guards.search(lead) or _holds_word(rules.keep_scan, lead):
        return False
    line = text[max(text.rfind("\n", 0, start) + 1, start - BASIS_LINE_CHARS) : start].lower()
    return not _holds_word(rules.stack_scan, line)


def _field(item: str, rules: _Rules) -> bool:
    """Whether a list item is a field of study, also after "degree in" ("degree in computer science")."""
    if item in rules.fields:
        return True
    return (" in " in item or " em " in item or " en " in item) and _FIELD_LEAD.sub("", item) in rules.fields


_DEGREE_IN = re.compile(r"\b(?:in|em|en)$")
_DEGREE_IN_ENDS = ("in", "em", "en")  # what a match of _DEGREE_IN ends with
MAX_RUN_FIELDS = 4  # fields of study read back from a mention to "degree in"


def _after_degree_fields(before: str, rules: _Rules) -> bool:
    """Whether ``before`` (the clause up to a mention) ends with "<degree> in" and at most
    :data:`MAX_RUN_FIELDS` fields of study or domain skills' names run together ("Advanced degree in Data
    Science "): a scraped text that lost the commas of a list of fields (fifty-eighth round)."""
    b = before.lower().rstrip()
    for _ in range(MAX_RUN_FIELDS + 1):
        # (``b`` ends in no space, so "$" holds only at its end: a text not ending in "in", "em" or "en" has
        # no match, found by one C test instead of a search from every position; about 10 us a real posting)
        found = _DEGREE_IN.search(b) if b.endswith(_DEGREE_IN_ENDS) else None
        if found:  # the degree right before "in" ("Master's degree in"), not further ("BS, experience in")
            return rules.degree_cues.search(" ".join(b[: found.start()].split()[-2:])) is not None
        if not b.endswith(rules.run_fields):  # (no name ends it: the loop below finds none, in one C test)
            return False
        name = next((n for n in rules.run_fields if b.endswith(n) and b[: len(b) - len(n)][-1:] in ("", " ")),
                    None)
        if name is None:
            return False
        b = b[: -len(name)].rstrip()
    return False


_CELL_START = re.compile(r"\|\s*$")  # a mention opening a header cell ("Acme | IoT Firmware Team | Remote")
MAX_TEAM_NAME_WORDS = 2  # words between a domain skill's name and its team word ("the AI Engineering team")
_NAME_WORD = re.compile(r"[^\W\d_][\w-]*")  # a plain word, no mark after it (a mark ends the name)


def _names_team(words: list[str], rules: _Rules, first: int) -> bool:
    """Whether ``words`` (the words right after a domain skill's name) go on, after ``first`` to
    :data:`MAX_TEAM_NAME_WORDS` plain words, to a team word (or after none to a unit name): the skill names a
    team ("the AI Engineering team", "ML tooling group", "AI Center of Excellence"; seventy-sixth round), not
    the work asked. Not a title ("ML Engineer Team Lead"), not a sentence going on ("AI helps teams")."""
    low = [w.lower() for w in words[: MAX_TEAM_NAME_WORDS + 4]]
    bare = [w.rstrip(".,;:!?)") for w in low]  # each word without its closing mark, made once (issue 10)
    for k in range(min(MAX_TEAM_NAME_WORDS, len(low) - 1) + 1):
        # the words before the k-th are plain (those before the (k-1)-th were read at the steps before)
        if k and (not _NAME_WORD.fullmatch(w := low[k - 1]) or w in rules.team_name_stops
                  or _PREPOSITION.fullmatch(w)):
            return False
        if any(tuple(bare[k : k + len(u)]) == u for u in rules.unit_names):
            return True  # (right after the name too: "AI Center of Excellence")
        word = bare[k]
        if k >= first and word in rules.team_words:
            after = bare[k + 1] if k + 1 < len(low) and word == low[k] else ""
            return after not in rules.team_title_words
    return False


def _team_title(head: str, rules: _Rules) -> bool:
    """Whether ``head`` (the words right after a domain skill's name, opening with a team word) goes on to a
    title word: "DevOps Team Lead", "QA Team Leader" name the role that leads the team, its work (as "ML
    Engineer Team Lead"; eighty-fourth round), not colleagues ("the SRE team")."""
    words = head.split()
    return len(words) > 1 and words[0] == words[0].rstrip(".,;:!?)") \
        and words[1].lower().rstrip(".,;:!?)") in rules.team_lead_words


def _pair_names_team(words: list[str], rules: _Rules) -> bool:
    """Whether a pair's second name, a domain skill's, names a team with the words after it ("Data Science
    and AI Center of Excellence", "Big Data and ML Platform team"): the pair's first name names it too."""
    for n in (1, 2):
        if " ".join(words[:n]).lower() in rules.domain_lower and _names_team(words[n:], rules, 0):
            return True
    return False


def _colleagues(item: str, rules: _Rules) -> bool:
    """Whether a list item names colleagues by their role ("product managers", "other developers"): at most
    three words ending in a role word, not a phrase ("working with engineers")."""
    words = item.split()
    if not 0 < len(words) <= MAX_TEAM_WORDS:
        return False
    return words[-1] in rules.colleague_roles and not _PREPOSITION.search(item)


def _among_colleagues(before: str, items_after: list[str], rules: _Rules) -> bool:
    """Whether the mention is in a list of colleagues that starts right after a word for working with others
    with a role or a department ("Work closely with product managers, UI/UX teams, QA, and other developers");
    not a list of the roles hired ("Hiring ... designers, product, data science": those count)."""
    last = None
    for found in _WITH.finditer(before):
        last = found
    if last is None or _HIRING.search(before):
        return False
    # the list starts right after that word ("with product managers, ..."; not "backend with microservices")
    first = (_items(before[last.end() :]) or items_after)[:1]
    return bool(first) and (first[0] in rules.departments or _colleagues(first[0], rules))


# what a team is made of: a list of its members follows ("Our team includes developers, designers and QA")
# (also "a team of designers, developers and QA": "team(s) of" opens its members; seventy-second round)
_MEMBERS = re.compile(
    r"\b(?:includes?|including|consists? of|consisting of|made up of|composed of|teams? of)\b", re.I
)
MEMBERS_REACH = 80  # characters before a colon that may hold the team and its _MEMBERS word


def _among_members(before: str, items_after: list[str], rules: _Rules, own_role: bool = False) -> bool:
    """Whether the mention is in a list of a team's members by their roles ("a squad which includes:
    developers, data analysts, designers, QA"; fifty-eighth round): the list right after a _MEMBERS word
    starts with colleagues' roles or a department; not a list of the roles hired ("positions include QA").
    Where a team word comes before the _MEMBERS word ("the team consists of <lang> and UI developers, DevOps,
    UX"; "the team will consist of Front-End, Back-End and DevOps Engineers"), one member named by a role or
    a department anywhere in the list will do, the mention's own item too (``own_role``: "DevOps Engineers";
    later batch real-later-v19): the sentence says what the team is made of."""
    last = None
    for found in _MEMBERS.finditer(before):
        last = found
    if last is None or _HIRING.search(before) or _items(_ITEM_SEP.split(before)[-1]):
        return False  # (the mention must open a list item: "a team of developers and help analyse Big Data")
    # (nor the list's first item: "the team consists of Data Science specialists, ..." names the team's own
    # work, as the real-test-v11 ruling reads a group of AI and ML experts the role joins)
    listed = _items(before[last.end() :].lstrip(" :"))
    first = (listed or items_after)[:1]
    if first and (first[0] in rules.departments or _colleagues(first[0], rules)):
        return True
    if not any(w.strip(".,;:!?()") in rules.team_words for w in before[: last.start()].lower().split()):
        return False  # "your duties include Python services, DevOps and mentoring developers": no team named
    return own_role or any(i in rules.departments or _colleagues(i, rules) for i in listed + items_after)


def _in_colleague_list(text: str, a: int, before: str, rest: list[str], rules: _Rules) -> bool:
    """Whether a list item is in a list of colleagues after a word for working with others or a team's
    members ("work with product managers, QA analysts ..."; "a team of developers, QA engineers ...")."""
    items_after = _items(rest[0]) if rest else []
    if _among_colleagues(before, items_after, rules):
        return True
    lead = text[max(0, a - MEMBERS_REACH) : a] if a and text[a - 1] == ":" else ""
    return _among_members(lead + before, items_after, rules, own_role=True)


# the characters other than ASCII letters that ``re.IGNORECASE`` matches to an ASCII letter ("ſ" to "s", the
# Kelvin sign to "k", "İ" and "ı" to "i"; tests/test_skills_stage_cost.py checks the list against ``re``):
# where a text holds none, an ASCII word matches it in any case exactly where its lower case holds the word
ODD_FOLDS = ("\u0130", "\u0131", "\u017f", "\u212a")


@cache
def _superior_cues() -> tuple[str, ...] | None:
    """skill_context.yaml's ``superior_cues`` in lower case, None when one is not ASCII (then no gate)."""
    with open(DATA, encoding="utf-8") as fh:
        cues = tuple(str(w).lower() for w in load_yaml(fh)["superior_cues"])
    return cues if all(c.isascii() for c in cues) else None


def _may_name_superior(tail: str) -> bool:
    """False only where ``_Rules.superior`` cannot match in ``tail``: its matches hold one of the
    ``superior_cues`` (ASCII words, any case), and the tail's lower case holds none (issue 10, h22perf1: the
    pattern, case-insensitive and opening with a look-behind, is tried at each of the 120 characters)."""
    cues = _superior_cues()
    if cues is None or (not tail.isascii() and any(c in tail for c in ODD_FOLDS)):
        return True
    low = tail.lower()
    return any(c in low for c in cues)


def among_non_skills(text: str, start: int, stop: int, context: ContextWords | None = None) -> bool:
    """True when the mention ``text[start:stop]`` sits in a list of departments or teams, of fields of
    study after a degree, or of industries (see the module). ``context``: the text's
    :class:`ContextWords`, to skip the clause when no such word is near."""
    if context is not None and not context.near(start, stop):
        return False
    rules = _rules()
    left = text[max(0, start - CLAUSE_CHARS) : start]
    a = start - len(left) + _last_clause_end(left)
    b = _next_clause_end(text, stop, min(len(text), stop + CLAUSE_CHARS))
    before, mention, after = text[a:start], text[start:stop], text[stop:b]
    # the mention's own item runs into the words right after it ("DevOps teams", "AI team")
    # (the name may be the second of a pair: "Collaborate with AI/ML engineers")
    if _may_name_superior(before[-120:]) and rules.superior.search(before[-120:]):
        return True  # the title of the role's superior: "managed by the Senior Director of Data Science"
    if mention[:1].isupper() and _after_partner_cue(before[-50:], rules):
        return True  # "build strong partnership with Data Science to ...": colleagues, named as a unit is
    if _after_basis_cue(text, start, before, rules):
        return True  # what a product rests on: "a reader of contracts based on AI solutions"
    if _CHAIN_AFTER.match(after) and _CHAIN_BEFORE.search(before[-60:]):
        return True  # a span of departments, "from Finance to QA to Support"
    if after[:1] == "-" and (glued := _COMPOUND_HEAD.match(after)):
        head_word = glued.group(1).lower()
        if head_word in rules.people_words or head_word in rules.team_words:
            return True  # colleagues named as a German compound: "das ML-Team", "DevOps- und QA-Teams"
    head, *rest = _ITEM_SEP.split(after, maxsplit=1)
    first = head.split(None, 1)
    word = first[0].lower().rstrip(".,;:!?)") if first else ""
    if word in rules.people_words or (word in rules.team_words and not _team_title(head, rules)):
        return True  # colleagues: "data science peers", "DevOps leadership", "the SRE team", "IoT Abteilung"
    # a team's name: "the AI Engineering team", "our ML tooling group" (seventy-sixth round); not a header
    # cell ("Acme | IoT Firmware Team | ..."): a title naming the team hired into names the role's work
    if not _CELL_START.search(before):
        if _names_team(head.split(), rules, 1):
            return True
        if not head.strip() and rest and _pair_names_team(rest[0].split(), rules):
            return True  # the first of a pair naming a team: "the Data Science and AI Center of Excellence"
    if head.lstrip().lower().startswith(rules.served_nouns) and rules.serving.search(before):
        return True  # what the job's systems serve: "platforms that power adtech and data science workloads"
    if _after_degree_fields(before, rules):
        return True  # "degree in Data Science Statistics Physics or similar": fields run together, no commas
    if head.strip().rstrip(".!?") and not _PREPOSITION.match(head.lstrip()):  # (a sentence's end is no name)
        # a colleague's role named with the skill ("teams of developers, QA analysts, designers"): the item is
        # people, and the list decides as for a bare name (seventy-second round)
        # otherwise part of a longer name ("IoT devices"): its own rules decide
        return word in rules.colleague_roles and _in_colleague_list(text, a, before, rest, rules)
    # (a preposition ends the item: "with designers and DevOps to ship features")
    # the list items only now: most mentions run into a longer name and never need them
    items_before = _items(before)
    items_after = _items(rest[0]) if rest else []
    # a list of teams: the items after the mention are short names and the list ends in "teams" ("product,
    # backend, DevOps, and analyst/scientist teams"); not the team being hired for ("join our QA team")
    # the cheap tests first: each of these searches reads the whole clause at every position (tens of µs)
    listed = bool(items_after) and _LIST_AFTER.match(after) is not None and not _JOIN.search(before)
    for item in items_after if listed else ():
        words = item.split()
        # the list's last item may run on into the sentence ("QA, Billing, and Ops teams to plan releases"):
        # it ends at its first team word
        cut = next((k for k, w in enumerate(words[: MAX_TEAM_WORDS + 1]) if w in rules.team_words), None)
        if cut:  # a name before the team word (not "team leads")
            words = words[: cut + 1]
        if len(words) > MAX_TEAM_WORDS or cut == 0 or _PREPOSITION.search(" ".join(words)):
            break
        if words[-1] in rules.team_words:
            return True
    # a pair whose second name runs into a word for people or firms: "no QA or ops staff", "data science and
    # analytics leadership", "AI/ML startups"; not a comma list of roles hired ("Data Science, Eng Leads")
    pair = _PAIR_AFTER.match(after)
    if pair and pair.group(1).lower() in rules.people_words:
        return True
    near = items_before[-4:] + items_after[:4]
    neighbours = [i for i in near if len(i.split()) <= MAX_ITEM_WORDS]
    clause = before + mention + after
    departments = sum(i in rules.departments for i in neighbours)
    # colleagues: two departments around it, or a department or colleagues' role in a clause about working
    # with others ("Design, implement, maintain IoT devices" is no list of departments; "hiring SREs, data
    # engineers" lists the roles hired, which count)
    if departments >= 2 or (departments and _WITH.search(clause)):
        return True
    if _among_colleagues(before, items_after, rules):
        return True
    # "a squad which includes: developers, designers, QA": the clause before the colon names the list
    lead = text[max(0, a - MEMBERS_REACH) : a] if a and text[a - 1] == ":" else ""
    if _among_members(lead + before, items_after, rules):
        return True
    if any(_field(i, rules) for i in near) and rules.degree_cues.search(clause):
        return True
    return any(i in rules.industries for i in neighbours) and rules.industry_cues.search(clause) is not None
