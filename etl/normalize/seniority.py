"""Classify a posting's seniority: junior, mid, senior, staff, principal, lead, manager or unspecified.

Why: the product is about *senior* developer roles, and every source says the
level differently - in the title ("Sr.", "SDE II", "Engineer III", "Staff"),
in the text ("as a Staff Engineer you will"), in a coarse board label
(LinkedIn "Mid-Senior level") or only through the years of experience asked.
One function reads them in a fixed order of trust so the level is comparable
across sources:

1. the title (the employer's own words, in English, German, French, Portuguese or
   Spanish; highest level named wins, a written range such as "Mid-Senior" or
   "Mid to Senior" gives its lower end, two levels offered for one role ("Junior/Mid", "Senior or
   Junior") the first named (lead ruling, ninth session), and a "Manager" title that names junior, mid or
   senior takes that level: "Senior Manager Group Accounting" is a senior role, as does a lead word with
   one of them just before it: "Senior Lead Developer"); for a Hacker News comment, its first role as the
   typed comment reader found it (etl/normalize/hn_comment.py: a header role cell with its own level
   cells, or the body's first listed role; the first-role ruling);
2. the first ~2000 characters of the job's own text (etl.extract passes the description without its
   employer sections - about us, benefits, the hiring process - so a level stated after a long company
   introduction is read, and a "hiring manager" in the interview steps is not), only when the title
   names no level, and only in phrases that introduce the role ("we are
   looking for a senior engineer", "as a Staff Engineer you will", and in other
   languages "procuramos um profissional Sênior", "wir suchen einen Senior ..."), a level field or a
   list of openings;
3. the minimum years of experience (>= 5 senior, 2-4 mid, 0-1 junior), as the experience reading gives them
   (``etl/extract.py`` passes it as ``years_min``): years offered as a way in ("<a degree> or 2+ years",
   "<a certification> or a minimum of 5 years") are no requirement there, so they set no level and the level
   reads from the title and the text alone (the lead's ruling 1 on the tune residue, h19res; h19net); with
   none known, a standalone German "start your career with us" call reads junior ("Starte deine Karriere bei
   uns!"; ``career_start_calls``);
4. the source's level label (``level_hint``), only when no years are known: a board's label never
   outranks the years (labelling guide, rule order; ruled 2026-12-04: LinkedIn "Associate" with 5+ years
   asked is senior).

The vocabulary, the I-V ladder, the label table and the year thresholds are
data: etl/data/seniority.yaml.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import ahocorasick_rs

from etl.yaml_data import load_yaml

SENIORITY_LEVELS = ("junior", "mid", "senior", "staff", "principal", "lead", "manager", "unspecified")
SENIOR_LEVELS = frozenset({"senior", "staff", "principal", "lead", "manager"})
# Precedence when a title names several levels (higher wins).
_RANK = {"junior": 1, "mid": 2, "senior": 3, "lead": 4, "staff": 5, "principal": 6, "manager": 7}
TEXT_WINDOW = 2000

DATA = Path(__file__).resolve().parents[1] / "data" / "seniority.yaml"
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6}


@cache
def config() -> dict[str, Any]:
    """etl/data/seniority.yaml parsed once per process, shared by its readers here and in hn_comment.py
    (read only: none may change it). Why: eight readers each parsed it again, 2-3 ms each at a start."""
    with open(DATA, encoding="utf-8") as fh:
        cfg: dict[str, Any] = load_yaml(fh)
    return cfg


def _entry_or_experienced_patterns() -> list[str]:
    """The entry-or-experienced choices of every language (seniority.yaml ``entry_or_experienced``)."""
    return [str(p) for pats in config()["entry_or_experienced"].values() for p in pats]


@cache
def _entry_or_experienced() -> re.Pattern[str]:
    """An entry-or-experienced choice at the start of a level field's value: a known label naming no level."""
    return re.compile("|".join(f"(?:{p})" for p in _entry_or_experienced_patterns()))


def _data_nouns(key: str) -> str:
    """A list of role nouns of etl/data/seniority.yaml (regular-expression fragments) as one alternation."""
    return "|".join(str(noun) for noun in config()[key])


# "lead" is left out: in running text it is mostly the verb ("looking for someone to lead"); "admin" is in
# ("We're hiring Systems Admins, <area> Managers ...": the first role named; ninetieth round).
ROLE_NOUNS = (r"engineer|developer|programmer|architect|sde|swe|sdet|manager|scientist|analyst|"
               r"consultant|designer|specialist|administrator|admin|intern|"
               + _data_nouns("entry_role_nouns")
               + r"|tester|director|head of [\w-]+|role|position|opportunity")
# the organisation's top roles, named in a phrase that introduces the role ("looking for a VP of <area> to
# lead ...", "hiring a passionate Chief <area> Officer"): read there only and at most one word after the
# article (ninetieth round), so "an article from our CEO" or "a push from the CEO" names no role
_TOP_ROLE_NOUNS = _data_nouns("top_role_nouns")
# a plural level word ending a role ("team leads, ICs, managers"; ninety-fifth round, the lead's ruling): a
# role noun where it ends the role, never the verb after a relative pronoun ("who leads the team")
PLURAL_LEVEL_ROLE = (rf"(?<!\bwho )(?<!\bthat )(?<!\bwhich )\b(?:{_data_nouns('plural_level_roles')})"
                     r"(?=\s*(?:[,;/&).:!?]|$)|\s+(?:and|or)\s)")
# Phrases that introduce the role being advertised, found in one Aho-Corasick pass over the
# ASCII-lowered text (a regex scan of 2000 characters costs ~100x more), then at most five words and a
# role noun.
_TRIGGERS = (b"looking for ", b"seeking ", b"hiring ", b"recruiting ", b"to hire ", b" as a", b" for a",
             b"\nas a",  # "As a Senior <role> at <company>, you will" opening a paragraph (real-later-v27)
             b"open roles: ", b"roles open for ", b"open positions: ", b"positions open for ",  # Hacker News
             b"this ",  # "This entry-level opportunity is designed for recent graduates"
             b"filling ", b"to fill ",  # "filling three lead roofer positions" (twenty-ninth round)
             b" is a",  # "The Business Intelligence Analyst is a mid-level role"
             b"positions for ", b"openings for ",  # "open positions for both Jr and Sr Web Developers" (49th)
             *(str(t).lower().encode() for t in config()["english_text_triggers"]),  # seniority.yaml's own
             *(str(t).lower().encode() for t in config()["listed_on_line_triggers"]),  # h26senires
             # "Job Description:As a Senior <role>": "As a" glued to the punctuation before it (later batch
             # real-later-v62)
             *(f"{c}as a".encode() for c in config()["as_a_glued_after"]))
# A snippet after a trigger is read only if it holds one of these (cheap bytes test).
_LEVEL_WORDS = (b"senior", b"sr", b"snr", b"jnr", b"staff", b"principal", b"lead", b"junior", b"jr",
                b"intern", b"entry", b"grad", b"mid", b"intermediate", b"manag", b"head", b"director",
                b"trainee", b"associate", b"vp", b"vice", b"chief", b"cto", b"ceo", b"fresher", b"apprentice",
                b"distinguished", b"fellow", b"ii", b" i", b" v", b"1", b"2", b"3", b"4", b"5", b"6")
# Before " as a": the words of a past job ("experience as an implementation manager", "worked as a").
_PAST = re.compile(rb"(?:experience[sd]?|worked|working|background|served|previously|formerly)\s*$")
_AS_A = (b" as a", b"\nas a", *(f"{c}as a".encode() for c in config()["as_a_glued_after"]))
_IS_A = b" is a"
_LINE_POSITIONS = b"\npositions: "  # listed_on_line_triggers' one that must open a line (h26senires)
_LINE_ENDS = (b".", b"!", b"?", b":", b"\n", b"")
# the triggers naming a listing noun with the roles it lists on its line ("open positions: <role>, ...",
# "Positions: <role> | ..."): a list of openings, stopped by a plain plural role sought before it (S1,
# h26seni3)
_LISTING_TRIGGERS = frozenset((b"open roles: ", b"open positions: ",
                               *(str(t).lower().encode() for t in config()["listed_on_line_triggers"])))
# After a role noun: a kind of positions, not one role ("engineering and manager positions").
_CATEGORY = re.compile(r"\s+(?:positions|roles|openings|jobs|vacancies)\b")
# "... positions:" / "... roles:" and the first of the roles listed on the next line
_LIST_INTRO = re.compile(r"s?\s*:\s*\n[\s*•·-]*([^\n]{3,80})")
_GENERIC_ROLE = re.compile(r"\b(?:position|role|opportunit)", re.I)
# a word that makes a list's first line a sentence, not a role (seniority.yaml ``listed_line_sentence_words``)
_SENTENCE_LINE = re.compile(rf"\b(?:{_data_nouns('listed_line_sentence_words')})\b", re.I)
# the roles of an introducing phrase followed by their levels ("mobile engineers in staff and senior roles";
# sixteenth round)
_IN_LEVEL_ROLES = re.compile(r"\s+in\s+([\w-]+(?:\s*(?:,|and|or|&|/)\s*[\w-]+){0,3})\s+(?:roles|positions)\b")
# the role introduced, then its level "at a <level> level" or a written range "at an <level> to <level> level"
# (its lower end; ninety-fifth round)
_AT_LEVEL = re.compile(r"\s+at\s+(?:an?\s+|the\s+)?"
                       r"([\w-]+(?:\s+(?:to|or)\s+[\w-]+|\s*/\s*[\w-]+)?)[\s-]+level\b")
# the role introduced, then a written range of levels "from <level> to <level>" right after it, in a bracket,
# between dashes or after "ranging" ("engineers (from intern to senior level)", "devs - from junior to
# senior -", "engineers ranging from entry level to senior developers"): its lower end, as "at an <level> to
# <level> level" (hundred-and-third round); both ends must be level words ("from <city> to <city>": none)
_FROM_RANGE = re.compile(rf"\s*(?:\(\s*|[-–—,]\s*)?(?:(?:{_data_nouns('range_after_role_openers')})\s+)?"
                         rf"from\s+([\w-]+(?:[\s-]+level)?)\s+"
                         rf"(?:{_data_nouns('range_after_role_joiners')})\s+([\w-]+)")
# words before the role noun that make it the object of another person's work ("someone to coach our engineers
# from junior to senior"): the range is of the people coached, not the role's (seniority.yaml)
_ROLE_OF_ANOTHER = re.compile(rf"\b(?:{_data_nouns('range_after_role_not_after')})\b")
# the role named as the mentor or coach of others ("as a mentor to junior team members"): the level is theirs
_MENTOR_OF_OTHERS = re.compile(rf"(?:[\w-]+\s+){{0,2}}?(?:{_data_nouns('mentor_of_others')})"
                               r"\s+(?:to|for|of)\s")
# "hiring" as a noun ("the hiring process", "hiring managers", "hiring operations"): no role follows
# ("hiring leads" are the people who hire, as hiring managers; "Hiring team leads, ICs, managers" hires team
# leads: ninety-fifth round)
_HIRING_NOUN = re.compile(rb"(?:process|processes|manager|managers|leads?|team(?!\s+leads\b)|teams|"
                          rb"operations|needs|plans?|decisions?|practices|pipeline|goals|freeze|experience|events?|criteria|budget)\b")
# "we're also hiring", "we are also looking for": another opening named after the advertised one
_ALSO = re.compile(rb"\balso(?:\s+[\w']+){0,2}\s*$")
# "We're also building out a <team> and are recruiting a <role>": "also" with the sentence's first verb, the
# phrase joined to it by "and" (hundred-and-third round)
_ALSO_CLAUSE = re.compile(rb"\balso\b[^.!?\n]*\band\s+(?:are\s+|is\s+|we(?:'re|\xe2\x80\x99re|\s+are)\s+)?"
                          rb"(?:now\s+|currently\s+)?$")
# a negation right before the phrase ("we are unable to hire", "we're not currently looking for"): the level
# after it is ruled out, not stated (forty-third round)
_NEGATION = (r"(?:\bnot|\bnever|\bunable|\bcannot|n(?:'|\u2019)t|\bno\s+longer)"
             # "don't have (any) openings for" (forty-ninth round)
             r"(?:\s+(?:able|currently|presently|yet|be|to|have|any))*\s*$")
_NEGATED = re.compile(_NEGATION.replace("\\u2019", "\\xe2\\x80\\x99").encode())  # on lowered UTF-8 bytes
_NEGATED_STR = re.compile(_NEGATION)  # "we cannot consider new grads" (before an entry_open phrase)
# a negation right after "this" ("This is not a junior position", "this isn't an entry-level role"): the level
# after it is ruled out too, as before a phrase (the forty-third round; later batch real-later-v117)
_NEGATED_AFTER_THIS = re.compile(rb"(?:is|was)\s+(?:not|no)\b|(?:isn|wasn)(?:'|\xe2\x80\x99)t\b")
_THIS = b"this "
# the person who hires, at the end of the words read as the role ("... for candidates and hiring managers")
_HIRING_MANAGER = re.compile(r"\bhiring\s+managers?$", re.I)
# a bare Roman numeral II-VI after a title word ("Recruiting Coordinator II", "Desenvolvedora Fullstack III"):
# the level ladder of the labelling guide, read when no level word or ladder noun says more, where a
# segment of the title ends ("... II (Remote)", "... III - Team X"), not inside a name ("World War II Museum")
# also in parentheses or after an abbreviated word ("Analyst (II)", "Software Eng. III"; twenty-fifth round)
_BARE_ROMAN = re.compile(r"(?:(?<=[^\W\d_] )|(?<=[^\W\d_]\. )|(?<=[^\W\d_] \())(II|III|IV|V|VI)"
                         r"(?=\s*(?:$|[-–(),|/:]))")
_FIRST_LINE = re.compile(r"\s*[(:|]|\s+-\s+|https?://")
# one search: ~2x faster than 35 `in`s
# whether a snippet holds any of them: one Aho-Corasick pass (about 0.7 µs a snippet of 100 bytes against
# 3.9 for the regex alternation of the words, which answers the same: a match exactly where a word occurs)
_LEVEL_WORD = ahocorasick_rs.BytesAhoCorasick(
    list(_LEVEL_WORDS), implementation=ahocorasick_rs.Implementation.DFA
)
# a headcount before the role ("looking for up to two mid-level to senior engineers", "hiring 2-3 ..."):
# skipped as the article is, so the level words after it stay within the five words read (thirty-eighth
# round); a spelled number may carry its figure in brackets ("four (4) <role>s"; later batch real-later-v55)
_HEADCOUNT = (r"(?:(?:up\s*to|about|around|at\s+least)\s+)?"
              r"(?:a\s+(?:few|couple(?:\s+of)?)|several|multiple|both|one|two|three|four|five|six|\d{1,2})"
              r"(?:\s*(?:-|–|to|or)\s*(?:two|three|four|five|six|\d{1,2}))?(?:\s*\(\d{1,2}\))?\s+")
# a singular "<area> lead" ending the role a phrase introduces ("seeking a new dev lead for ...", "hiring a
# Tech Lead, based in <city>"; hundred-and-third round): the noun only where the role ends with it (a stop, a
# bracket, the end, or for / with / in / at / who / based / "to join") and none of the words before it is a
# verb, a relative or an article of another meaning ("someone to lead", "who will lead", "take the lead")
# (seniority.yaml ``singular_lead_role``)
_LEAD_WORD = rf"(?!(?:{_data_nouns('singular_lead_not_after')})\b)[\w./+#-]+,?"
SINGULAR_LEAD_ROLE = (rf"(?:{_LEAD_WORD}\s+){{0,3}}?lead"
                      rf"(?=\s*(?:[,;/).:!?(]|$)|\s+(?:{_data_nouns('singular_lead_ends_before')})\b)")
_AFTER_TRIGGER = re.compile(
    rf"\s*(?:an?\s+|our\s+(?:next\s+|new\s+)?|{_HEADCOUNT})?"
    # "as an entry level team member": the holder named by the team's word for its people (38th round)
    rf"((?:[\w./+#-]+,?\s+){{0,5}}?(?:(?:{ROLE_NOUNS}|{_data_nouns('phrase_role_nouns')}|team\s+member)s?|"
    rf"{PLURAL_LEVEL_ROLE})|"
    rf"(?:[\w-]+\s+)?(?:{_TOP_ROLE_NOUNS})s?|{SINGULAR_LEAD_ROLE})\b",
    re.I,
)


@dataclass(frozen=True, slots=True)
class _Rules:
    levels: re.Pattern[str]
    scrub: re.Pattern[str]
    ladder: re.Pattern[str]
    ladder_levels: dict[int, str]
    hints: dict[str, str | None]
    mid_from: float
    senior_from: float
    manager_word: re.Pattern[str]
    manager_yields_to: frozenset[str]
    lead_yields_to: frozenset[str]
    connector: re.Pattern[str]  # "Junior/Mid", "Mid-Senior", "Senior to Staff", "Junior- to Mid", "PL ou SR"
    list_joiner: re.Pattern[str]  # "Mid and Senior-level", "Junior & Senior": openings of both levels
    alternative: re.Pattern[str]  # "Senior/Junior", "Senior or Junior": two levels offered, the first named


@cache
def seniority_rules() -> _Rules:
    cfg = config()
    levels: dict[str, list[str]] = {level: list(pats) for level, pats in cfg["title_levels"].items()}
    levels["lead"].append(PLURAL_LEVEL_ROLE)  # "Tech Leads", "<area> Leads, <role>s" (ninety-fifth round)
    nouns_list = list(cfg["ladder_nouns"])
    for lang_cues in cfg["languages"].values():  # other languages' words join the same levels
        for key, pats in lang_cues.items():
            (nouns_list if key == "ladder_nouns" else levels[key]).extend(pats)
    groups = "|".join(
        rf"(?P<{level}>\b(?:{'|'.join(pats)})\b\.?)" for level, pats in levels.items()
    )
    # an entry-or-experienced choice ("Fresher or Experienced <role>s") names no level either (real-later-v17)
    scrub = "|".join(rf"\b(?:{p})" for p in [*cfg["not_levels"], *_entry_or_experienced_patterns()])
    nouns = "|".join(nouns_list)
    num = r"(?:iv|vi|v|i{1,3}|[1-6])"
    ladder = rf"\b(?:{nouns})\s*[-,]?\s*(?P<n1>{num})(?:\s*/\s*(?P<n2>{num}))?(?![\w.+#])"
    hints = dict(cfg["level_hints"])
    joiners = "|".join(re.escape(w) for w in cfg["range_words"])
    listing = "|".join(re.escape(w) for w in cfg["list_words"])
    return _Rules(
        re.compile(groups, re.I), re.compile(scrub, re.I), re.compile(ladder, re.I),
        {int(k): v for k, v in cfg["ladder"].items()}, hints,  # type: ignore[arg-type]
        float(cfg["years"]["mid_from"]), float(cfg["years"]["senior_from"]),
        re.compile(rf"\b{cfg['manager_word']}\b", re.I), frozenset(cfg["manager_yields_to"]),
        frozenset(cfg["lead_yields_to"]),
        # "Mid-level to Senior": the first level's "level" may stand before the joiner (thirty-eighth round);
        # "mid-to-senior", "Senior-to-Staff": a joiner between hyphens (seventy-third round); "Mid-Career or
        # Senior" as "Mid-level or Senior" (the words the mid pattern reads after "mid"; hres9)
        re.compile(rf"^(?:[\s-]*(?:level|career|weight))?(?:\s*/\s*|\s*[-–—]\s*|\s*-?\s*(?:{joiners})(?:\s+|-))$",
                   re.I),
        re.compile(rf"^(?:[\s-]*(?:level|career|weight))?[\s-]*(?:{listing})\s+$", re.I),
        re.compile("|".join(re.escape(w) if w == "/" else rf"\b{re.escape(w)}\b"
                            for w in cfg["alternative_words"]), re.I),
    )


def _number(token: str) -> int:
    token = token.lower()
    return int(token) if token.isdigit() else _ROMAN[token]


@lru_cache(maxsize=65536)
def title_level(title: str) -> str | None:
    """The level a title names, or None."""
    rules = seniority_rules()
    # a scrubbed job name stays a word, so a ladder number after it is still read ("Project Manager II")
    text = rules.scrub.sub(" role ", title)
    found: list[tuple[int, int, str]] = []
    manager_words: list[bool] = []  # per manager match: is it the word "Manager" (not Director, VP, Head of)?
    for m in rules.levels.finditer(text):
        level = m.lastgroup or ""
        found.append((m.start(), m.end(), level))
        if level == "manager":
            manager_words.append(bool(rules.manager_word.fullmatch(m.group().rstrip("."))))
    for m in rules.ladder.finditer(text):
        n = min(_number(m.group("n1")), _number(m.group("n2") or m.group("n1")))
        found.append((m.start("n1"), m.end(), rules.ladder_levels.get(n, "staff")))
    if not found:
        bare = _BARE_ROMAN.search(text)
        if bare is None:
            return None
        found.append((bare.start(), bare.end(), rules.ladder_levels.get(_number(bare.group(1)), "senior")))
    found.sort()
    levels: list[str] = []
    i = 0
    while i < len(found):
        _start, _end, level = found[i]
        # a run of levels joined one to the next ("Senior/Principal/Staff", "Mid & Senior/Lead"; later batch
        # real-later-v78): one reading for the run, as for a pair
        j, ranged, first_named = i, [level], False
        while j + 1 < len(found):
            between = text[found[j][1] : found[j + 1][0]]
            if rules.connector.match(between):
                # two levels offered ("Senior/Junior"): the first named (lead ruling); a written range: its
                # lower end
                first_named = first_named or bool(rules.alternative.search(between))
            elif rules.list_joiner.match(between):
                first_named = True  # openings of two levels ("Mid and Senior-level"): the first level named
            else:
                break
            j += 1
            ranged.append(found[j][2])
        levels.append(level if first_named else min(ranged, key=_RANK.__getitem__))
        i = j + 1
    best = max(levels, key=_RANK.__getitem__)
    if best == "manager" and all(manager_words):  # "Senior Manager ...": the level word says more
        named = [lvl for lvl in levels if lvl in rules.manager_yields_to]
        if named:
            return max(named, key=_RANK.__getitem__)
    if best == "lead":
        before = _level_before_lead(text, found, rules.lead_yields_to)
        if before:
            return before
    return best


def _level_before_lead(text: str, found: list[tuple[int, int, str]], yields: frozenset[str]) -> str | None:
    """The level every lead word of a title has just before it ("Senior Lead Developer" -> senior), or None:
    the level word before the role says the level, as in "Senior Manager" (lead ruling, forty-ninth round)."""
    named: list[str] = []
    for k, (start, _end, level) in enumerate(found):
        if level != "lead":
            continue
        if k == 0 or found[k - 1][2] not in yields or text[found[k - 1][1] : start].strip():
            return None
        named.append(found[k - 1][2])
    return max(named, key=_RANK.__getitem__) if named else None


_ROLE_CELL = re.compile(rf"\b(?:{ROLE_NOUNS})s?\b|{PLURAL_LEVEL_ROLE}", re.I)


@cache
def level_cell() -> re.Pattern[str]:
    """A header cell of level words only (etl/data/seniority.yaml ``header_level_cell_words``)."""
    words = "|".join(config()["header_level_cell_words"])
    word = rf"(?:{words})\.?(?:[\s-]*level)?"
    # "Intermediate — Senior": a dash of any width joins a range as "-" does
    return re.compile(rf"{word}(?:\s*(?:[/&,+\-–—]|\band\b|\bor\b|\bto\b)\s*{word})*", re.I)


@cache
def _trigger_scan() -> tuple[ahocorasick_rs.BytesAhoCorasick, tuple[bytes, ...], re.Pattern[str]]:
    """The English triggers and the other languages' (etl/data/seniority.yaml ``text_triggers``) in one
    automaton, how many of them are English, and the pattern that reads the words after a foreign one."""
    cfg = config()
    foreign = tuple(dict.fromkeys(
        t.lower().encode("utf-8") for words in cfg["text_triggers"].values() for t in words
    ))
    stops = "|".join(re.escape(w) for w in cfg["window_stops"])
    window = re.compile(
        rf"\s*((?:(?!(?:{stops})\b)[^\s.,;:!?()|\n]+[ \t]+){{0,{int(cfg['window_words']) - 1}}}"
        rf"(?!(?:{stops})\b)[^\s.,;:!?()|\n]+)", re.I,
    )
    scan = ahocorasick_rs.BytesAhoCorasick(
        list(_TRIGGERS) + list(foreign), implementation=ahocorasick_rs.Implementation.DFA
    )
    return scan, tuple(_TRIGGERS) + foreign, window


FIELD_WINDOW = 3 * TEXT_WINDOW  # a level field stands near the top, or in a board's field list below
FIELD_NAME_CHARS = 40  # how far before a colon a field's name is looked for


@cache
def _level_fields() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """Patterns (etl/data/seniority.yaml ``level_fields``) for the words before a colon: a name that may
    stand anywhere, and one that must open its line."""
    cfg = config()["level_fields"]
    anywhere = "|".join(re.escape(n.lower()) for n in sorted(cfg["anywhere"], key=len, reverse=True))
    start = "|".join(re.escape(n.lower()) for n in sorted(cfg["line_start"], key=len, reverse=True))
    return (re.compile(rf"(?:^|(?<=[\s*•(]))(?:{anywhere})[ \t*]*$"),
            re.compile(rf"[ \t*•#-]*(?:{start}|{anywhere})[ \t*]*"))


# A board that flattened its fields runs them together ("TeamType of Position: DirectorHours:"): a
# small letter followed by a capital inside a word is where two fields met (sixteenth round).
_GLUE = re.compile(r"(?<=[a-z])(?=[A-Z][a-z])")


def _unglue(part: str) -> str:
    return _GLUE.sub(" ", part) if part and not part.islower() else part


def _field_level(text: str) -> str | None:
    """The level a field of the text names ("Position level: Mid"), or None.

    Why colons first: a posting holds few of them, and only the words before each are lowered and read
    (lowering and scanning the whole head cost about 40 µs a real posting; this about a tenth)."""
    anywhere, line_start = _level_fields()
    head = text[:FIELD_WINDOW]
    i = head.find(":")
    while i != -1:
        nl = head.rfind("\n", max(0, i - FIELD_NAME_CHARS), i)
        begin = nl + 1 if nl != -1 else max(0, i - FIELD_NAME_CHARS)
        before = _unglue(head[begin:i]).lower()
        opens_line = nl != -1 or begin == 0
        if (opens_line and line_start.fullmatch(before)) or anywhere.search(before):
            end = head.find("\n", i + 1, i + 61)
            words = _unglue(head[i + 1 : i + 61 if end == -1 else end]).lower().replace("*", " ").split()
            if _entry_or_experienced().match(" ".join(words)):
                break  # "Level: Berufseinsteiger oder bereits mit Erfahrung": every level (real-later-v17)
            for n in (3, 2, 1):  # "Mid Minimum experience: 2 years" (fields on one line): the first word
                known, level = _hint(" ".join(words[:n]).strip(".,;|")) if len(words) >= n else (False, None)
                if known:
                    if level:
                        return level
                    break  # "Mid-Senior level": the board's range decides nothing
        i = head.find(":", i + 1)
    return None


def text_level(text: str, later_roles: tuple[str, ...] = ()) -> str | None:
    """The level named where the text introduces the role, or None: a phrase introducing the role speaks
    before a field, and both before a list of openings. (A Hacker News comment's header cells and listed
    roles are read by its structure, etl/normalize/hn_comment.py, and reach :func:`classify_seniority` as
    its roles; ``later_roles``: the lowered names of the roles it lists after the first, whose own listings
    name no level of the first.)"""
    return (_phrase_level(text, later_roles) or _have_openings_level(text) or _field_level(text)
            or _entry_open_level(text) or _list_level(text))


@cache
def _have_openings() -> re.Pattern[str]:
    """"we (currently) have <level> <role> positions" (seniority.yaml ``have_openings``)."""
    return re.compile(config()["have_openings"])


def _have_openings_level(text: str) -> str | None:
    """The level of the openings "we (currently) have <level> <role> positions / vacancies" names, or None
    (rule 2: the text states the advertised roles' level; later batch real-later-v3)."""
    head = text[:TEXT_WINDOW]
    if "have" not in head and "HAVE" not in head:
        return None  # cheap exit on the raw text
    low = head.lower()
    pattern = _have_openings()
    i = low.find("have")
    while i != -1:
        m = pattern.match(low, i)
        # the level word opens the openings' words ("senior <role> positions"), not a kind of contract
        # ("full-time and internship positions": a Hacker News comment's tags, not the role's level)
        if m and title_level(m.group(1).split(None, 1)[0]):
            level = title_level(m.group(1))
            if level:
                return level
        i = low.find("have", i + 1)
    return None


@cache
def _entry_open() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The phrases (etl/data/seniority.yaml ``entry_open``) that open the role to entry-level applicants, and
    those naming the job itself an internship (``internship_named``), each with the literal it starts with:
    str.find finds the literal, the pattern is matched there only (a regex search over the text cost ~40-70 us
    a posting)."""
    pats = [*config()["entry_open"], *config()["internship_named"]]
    return tuple((re.match(r"[a-z]+", p).group(), re.compile(p)) for p in pats)  # type: ignore[union-attr]


def _entry_open_level(text: str) -> str | None:
    """junior when the text opens the role to entry-level applicants ("will consider entry level graduates")
    or names the job an internship ("This internship emphasizes ..."; later batch real-later-v76), else None:
    the role's lowest rung, stated (rule 2; thirty-fourth round)."""
    head = text[:TEXT_WINDOW]  # near the top, where the role is introduced
    if not any(w in head for w in _ENTRY_GATE):
        return None  # cheap exit on the raw text, before lower-casing it
    low = head.lower()
    for literal, pattern in _entry_open():
        i = low.find(literal)
        while i != -1:
            if pattern.match(low, i) and not _NEGATED_STR.search(low, max(0, i - 40), i):
                return "junior"  # (not where a negation rules it out: "we cannot consider new grads")
            i = low.find(literal, i + 1)
    return None


@cache
def _career_start_calls() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The German career-start calls (seniority.yaml ``career_start_calls``), each with its literal."""
    return tuple((re.match(r"[a-z]+", p).group(), re.compile(p))  # type: ignore[union-attr]
                 for p in config()["career_start_calls"])


def _career_start_call(text: str) -> bool:
    """Whether the text makes a standalone "start your career with us" call (read with no years known)."""
    if "arriere" not in text and "ARRIERE" not in text:
        return False  # cheap exit: most texts name no career
    low = text.lower()
    for literal, pattern in _career_start_calls():
        i = low.find(literal)
        while i != -1:
            if pattern.match(low, i):
                return True
            i = low.find(literal, i + 1)
    return False


# parts of the words every phrase holds ("Entry level", "new grads", "GRADUATES", "Berufseinsteiger"), in
# either case
_ENTRY_GATE = ("ntry", "NTRY", "rad", "RAD", "erufseinst", "ERUFSEINST",  # German "Berufseinstieg"
               "arriere", "ARRIERE", "erufsleben", "programm",  # "deiner Karriere", "Einsteigerprogramm"
               "nternship", "NTERNSHIP")  # "This internship ..." (internship_named)


LIST_INTRO_CHARS = 100  # how far before a colon a list's introduction is looked for


@cache
def _list_intro() -> re.Pattern[str]:
    """The words (etl/data/seniority.yaml ``list_intro_nouns``) of a line introducing a list of openings."""
    nouns = config()["list_intro_nouns"]
    return re.compile(rf"\b(?:{'|'.join(re.escape(str(n)) for n in nouns)})\b", re.I)


_LISTED = re.compile(r"[ \t]*\n[\s*•·-]*([^\n]{3,80})")
# a line that is only a hiring phrase before its colon ("We're looking for:", "Now hiring:") introduces the
# openings listed under it; "What we're looking for:" introduces requirements (forty-ninth round)
# ("Right now we are looking for:": a sentence adverb may open it; seniority.yaml hiring_line_openers)
# ("Kilnco is hiring:": a capitalised name of one to three words as the subject; later batch real-later-v38)
HIRING_LINE = re.compile(rf"[ \t*#]*(?:(?:{_data_nouns('hiring_line_openers')})\s*[,\u2013-]?\s+)?"
                         r"(?:we(?:'re|\u2019re|\s+are)\s+|"
                         rf"(?!(?:{_data_nouns('hiring_line_not_subjects')})\b)"
                         r"(?-i:[A-Z])[\w.&'\u2019-]*(?:[ \t]+(?-i:[A-Z])[\w.&'\u2019-]*){0,2}"
                         r"[ \t]+(?:is|are)\s+)?"
                         r"(?:(?:currently|also|now)\s+)?"
                         r"(?:looking\s+for|hiring(?:\s+for)?|seeking|recruiting(?:\s+for)?)"
                         rf"(?:\s+(?:{_data_nouns('hiring_line_tails')}))?[ \t]*", re.I)


# a list of openings besides the advertised one ("We have other positions on the ops side:", "We're also
# hiring:"): another opening's level, not the role's (the first-role ruling; hhn's round on real-fresh-v71)
# ("looking for other strong builders:" asks for more people like the team: its list is the openings)
_OTHER_OPENINGS = re.compile(r"\bother(?:\s+[\w-]+){0,3}?\s+(?:positions|roles|openings|jobs|vacancies)\b|"
                             r"\b(?:also|additionally)\b", re.I)


# a bracket holding the openings' link closing their introduction in place of a colon ("the following jobs
# (details: <link>)", "Open Roles ( <link> )"; later batch real-later-v25)
_LINK_BRACKET_END = re.compile(r"[ \t]*\([^()\n]*https?://[^()\n]*\)[ \t]*(?=\n)")


def _list_level(text: str) -> str | None:
    """The level of the first role listed after a line introducing openings ("... the following
    positions:" then "* Senior Data Engineer"), or None. Only colons that end their line are read (a
    bracket holding a link at the line's end reads as its colon)."""
    head = text[:TEXT_WINDOW]
    if ")\n" in head and "http" in head:  # cheap gate: most texts hold no such bracket
        head = _LINK_BRACKET_END.sub(":", head)
    intro = _list_intro()
    i = head.find(":")
    while i != -1:
        listed = _LISTED.match(head, i + 1)
        if listed:
            begin = max(head.rfind("\n", 0, i) + 1, i - LIST_INTRO_CHARS)
            phrase = HIRING_LINE.fullmatch(head, begin, i) is not None
            named = intro.search(head, begin, i) is not None
            sentence = not phrase and not named and _hiring_sentence(head, i)
            if (phrase or named or sentence) and not _OTHER_OPENINGS.search(head, begin, i):
                role = _FIRST_LINE.split(listed.group(1), 1)[0]
                if phrase or sentence:  # "Senior engineer, you will build ...": the role, not the sentence
                    role = role.split(",", 1)[0]
                # the first role listed decides, also when it names no level ("Roles:\n- Backend Engineer"); a
                # first line that is prose or a requirement names no opening (the lead's ruling on h25seni's
                # question 1), and under a hiring sentence the role noun must end the line's role
                if not _listed_role(role, strict=sentence):
                    return None
                level = title_level(role.strip())
                if level and _plain_role_sought(head, head.rfind("\n", 0, i) + 1):
                    return None  # "looking for engineers" above the list: the first role named is plain (S1)
                return level
        i = head.find(":", i + 1)
    return None


# a listed line's words before its role noun that make it prose or a requirement, not an opening ("Our senior
# engineers pair with ...", "Experience as a senior <role>"; seniority.yaml ``listed_role_not_words``)
_LISTED_ROLE = re.compile(rf"((?:[\w.+#/&'-]+[ \t]+){{0,6}}?)(?:{ROLE_NOUNS})s?\b", re.I)


@cache
def _listed_role_not_words() -> frozenset[str]:
    return frozenset(str(w).lower() for w in config()["listed_role_not_words"])


def _listed_role(line: str, strict: bool) -> bool:
    """Whether a list's first line (cut at its link, bracket, dash or colon) names an opening: a role noun
    after at most six words, none of them a word of prose or of a requirement; with ``strict`` (a list under a
    hiring sentence), the role noun also ends it ("Senior <role>", not "Senior <role> experience with
    ...")."""
    m = _LISTED_ROLE.match(line.strip())
    if m is None or any(w.lower() in _listed_role_not_words() for w in m.group(1).split()):
        return False
    return not strict or _ENDS_WITH_ROLE.search(line.strip()) is not None


# the start of a sentence within its line: after a stop and a space, or the line's start
_SENTENCE_START = re.compile(r".*(?:[.!?][ \t]+|\n)", re.S)


def _hiring_sentence(head: str, colon: int) -> bool:
    """Whether the sentence ending in the colon at ``colon`` is a hiring phrase that names the roles sought
    ("We're hiring developers experienced in <stack>:", "We are looking for engineers with a taste for
    <area>:"): a sentence ending in a colon that introduces a list names the openings below it (the lead's
    ruling on h25seni's question 1, twenty-fifth session). "What we're looking for in a <role>:" is no such
    sentence (the hiring phrase must open it)."""
    line = head.rfind("\n", 0, colon) + 1
    start = _SENTENCE_START.match(head, line, colon)
    begin = start.end() if start else line
    m = HIRING_LINE.match(head, begin, colon)
    return m is not None and _ROLE_CELL.search(head, m.end(), colon) is not None


def _phrase_level(text: str, later_roles: tuple[str, ...] = ()) -> str | None:
    """The level named in a phrase that introduces the role ("we are looking for a senior ..."), or None; a
    phrase seeking one of ``later_roles`` (a comment's roles listed after its first) is skipped."""
    # Lower-casing UTF-8 bytes touches ASCII only and is ~5x faster than str.lower() on Unicode text.
    low = b" " + text[:TEXT_WINDOW].encode("utf-8", "ignore").lower()  # " as a" also matches at the start
    starts: list[tuple[int, bool]] = []
    negated: list[int] = []
    is_a: dict[int, int] = {}  # start -> where " is a" stands: its subject is read only if a level follows
    scan, triggers, window = _trigger_scan()
    english = len(_TRIGGERS)
    # every occurrence of every trigger (overlapping too) in one pass, not a find loop per trigger
    for i, _at, start in scan.find_matches_as_indexes(low, overlapping=True):
        if i >= english:  # another language's phrase: the words after it are read as a title
            starts.append((start, True))
            continue
        if triggers[i].endswith(b"a"):  # " as a" must be the article: " as a ", " as an "
            start = (
                start + 1
                if low[start : start + 1] == b" "
                else start + 2
                if low[start : start + 2] == b"n "
                else -1
            )
        if start < 0:
            continue
        if triggers[i] == _LINE_POSITIONS and low[_at - 1 : _at] not in _LINE_ENDS:
            continue  # "also looking for people in \"<kind>\"\npositions: <role>": a broken sentence
        if triggers[i] in _LISTING_TRIGGERS and _plain_role_sought(
                before := low[: low.rfind(b"\n", 0, _at + 1) + 1].decode("utf-8", "ignore"), len(before)):
            continue  # "looking for engineers" above "Positions: Senior <role>, ...": a plain first role (S1)
        if triggers[i] in _AS_A and _PAST.search(low, max(0, _at - 24), _at):
            continue  # "experience as an implementation manager", "worked as a senior developer": past jobs
        if triggers[i] == b"hiring " and _HIRING_NOUN.match(low, start):
            continue  # "email me, the hiring manager", "the hiring process": a person or a noun, not the role
        if _ALSO.search(low, max(0, _at - 24), _at) or _ALSO_CLAUSE.search(low, max(0, _at - 100), _at):
            continue  # "We're also looking for a Finance Manager": another opening than the one advertised
        if _NEGATED.search(low, max(0, _at - 40), _at) or (
                triggers[i] == _THIS and _NEGATED_AFTER_THIS.match(low, start)):
            negated.append(start)  # "we are unable to hire interns": a level ruled out, not the role's
            continue
        if triggers[i] == _IS_A:
            is_a[start] = _at
        starts.append((start, False))
    # a level the text rules out is not the role's, also where another phrase names it for another opening
    # ("apply there if you are seeking an intern role"; forty-third round). Rare: read only when negated.
    ruled_out = {_english_snippet_level(low[n : n + 100]) for n in negated} - {None}
    for start, foreign in sorted(starts):
        head = low[start : start + 100]
        if foreign:  # the bytes test knows English level words only; other languages' phrases are rare
            words = window.match(head.decode("utf-8", "ignore"))
            level = title_level(words.group(1)) if words else None
            if level:
                return level
            continue
        level = _english_snippet_level(head)
        if level and level not in ruled_out:
            if _plural_level_role(head) and _role_named_before(low, starts, start):
                continue  # "Hiring <role>s in <city>. Hiring team leads, ICs": the first role decides
            if later_roles and _in_later_listing(low, start, later_roles):
                continue  # "<role 2> - looking for a senior <role 2>": a later role's level (real-later-v27)
            if start in is_a and _name_subject(text, is_a[start]):
                continue  # "<Company> is a different kind of <business> manager": a name describing itself
            return level
    return None


# where the subject of an " is a" sentence starts: after the last stop, colon, line break or bracket before it
_SUBJECT_START = re.compile(r".*[.!?:;\n>|(\[{]", re.S)
_SUBJECT_CHARS = 80  # how far back a subject is looked for: a name of one to four words is short
_SUBJECT_NAME_WORDS = 4
_SUBJECT_QUOTES = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb*,"
_TOP_ROLE = re.compile(rf"\b(?:{_TOP_ROLE_NOUNS})s?\b", re.I)


@cache
def _subject_not_names() -> frozenset[str]:
    return frozenset(str(w).lower() for w in config()["is_a_subject_not_names"])


def _name_subject(text: str, at: int) -> bool:
    """Whether the subject of the " is a" at ``at`` (an index into b" " + the text's UTF-8 head) is a name
    alone: one to four capitalised words (or figures), the first none of seniority.yaml's
    ``is_a_subject_not_names`` (pronouns, determiners, the role's own nouns) and none a role noun or a level
    word. Such a sentence is the employer or its product describing itself ("Clayworks Partners is a
    different kind of pottery manager"), not the role (later batch real-later-v62)."""
    raw = (b" " + text[:TEXT_WINDOW].encode("utf-8", "ignore"))[max(0, at - _SUBJECT_CHARS) : at]
    before = raw.decode("utf-8", "ignore")
    stop = _SUBJECT_START.match(before)
    if stop is None and at > _SUBJECT_CHARS:
        return False  # no sentence start within reach: a long subject, not a name
    subject = before[stop.end() :] if stop else before
    words = [w.strip(_SUBJECT_QUOTES) for w in subject.split()]
    words = [w for w in words if any(ch.isalnum() for ch in w)]  # "&", "-" join a name's words
    if not 1 <= len(words) <= _SUBJECT_NAME_WORDS or words[0].lower() in _subject_not_names():
        return False
    if not all(w[0].isupper() or w[0].isdigit() for w in words):
        return False
    name = " ".join(words)
    return not (_ROLE_CELL.search(name) or _TOP_ROLE.search(name) or title_level(name))


def _later_role_names(roles: tuple[str, ...]) -> tuple[str, ...]:
    """The lowered names of a comment's roles after its first, but any the first role's name holds or is
    held by ("Engineer" beside "Kiln Engineer": a phrase naming one names the other)."""
    first = roles[0].strip().lower() if roles else ""
    names = (r.strip().lower() for r in roles[1:])
    return tuple(n for n in names if len(n) >= 4 and n not in first and first not in n)


# after a role's name opening its line: the role's own listing follows ("<role> - ...", "<role>: ...", "<role>
# (<stack>) - ...")
_LISTING_OPENS = re.compile(rb"[ \t]*(?:[-:(]|\xe2\x80[\x93\x94])")  # a hyphen, en or em dash, colon, bracket
_LINE_LEAD = re.compile(rb"(?:[ \t*-]|\xe2\x80\xa2)*")  # spaces and bullets before a line's first word


def _in_later_listing(low: bytes, at: int, later_names: tuple[str, ...]) -> bool:
    """Whether the phrase at ``at`` (in the lowered bytes ``low``) stands in the own listing of one of a
    comment's later roles: a line opening with that role's name, then a dash, a colon or a bracket
    ("<role 2> - We are looking for a mid or senior level <role 2>"). The first-role ruling reads it as that
    role's level, not the first role's; a phrase in the comment's general text is read as before."""
    begin = low.rfind(b"\n", 0, at) + 1
    line = low[_LINE_LEAD.match(low, begin).end() : at]  # type: ignore[union-attr]
    for name in later_names:
        raw = name.encode("utf-8")
        if line.startswith(raw) and _LISTING_OPENS.match(line, len(raw)):
            return True
    return False


def _plural_level_role(head: bytes) -> bool:
    """Whether the role a phrase introduces ends in a plural level word ("team leads, ICs, managers")."""
    if not any(word in head for word in _PLURAL_LEVEL_BYTES):  # cheap: most snippets name none
        return False
    m = _AFTER_TRIGGER.match(head.decode("utf-8", "ignore"))
    return bool(m and _ENDS_PLURAL_LEVEL.search(m.group(1)))


_PLURAL_LEVEL_BYTES = tuple(re.sub(r"[^a-z]", "", str(w)).encode() for w in config()["plural_level_roles"])
_ENDS_PLURAL_LEVEL = re.compile(rf"(?:{PLURAL_LEVEL_ROLE})\s*$", re.I)


def _role_named_before(low: bytes, starts: list[tuple[int, bool]], start: int) -> bool:
    """Whether an English phrase before ``start`` introduced a role of its own with no level ("Hiring SREs in
    <city>"): the first role named decides, also before a plural level word (the lead's ruling on h10r95's
    question 1). Read only when a later phrase names a plural level word, so rare."""
    for before, foreign in sorted(starts):
        if before >= start:
            return False
        if foreign:
            continue
        m = _AFTER_TRIGGER.match(low[before : before + 100].decode("utf-8", "ignore"))
        if m and not _GENERIC_ROLE.search(m.group(1)) and not title_level(m.group(1)):
            return True
    return False


# the role introduced, then its level in a bracket ("looking for a <role> (Senior or Mid)"; sixtieth round):
# up to five title words, the bracket right after them
_ROLE_BRACKET = re.compile(r"\s*(?:an?\s+)?(?:[\w./+#-]+\s+){0,4}?[\w./+#-]+\s*\(([^()\n]{2,40})\)")


def _bracket_level(text_head: str) -> str | None:
    """The level in a bracket of level words only after the role a phrase introduces, or None."""
    m = _ROLE_BRACKET.match(text_head)
    return title_level(m.group(1).strip()) if m and level_cell().fullmatch(m.group(1).strip()) else None


# a level named with the word "level" near the phrase ("looking for seasoned, mid-to-senior level <area>,
# <area> and <area> engineers"): the role's level where its noun comes too late for the five-word reading (a
# list of areas, a bracket); at most two words before it (seventy-fourth round)
_LEVEL_NAMED = re.compile(r"\s*(?:an?\s+)?(?:[\w']+,?\s+){0,2}?"
                          r"([a-z]+\.?(?:[\s-]+(?:to|or)[\s-]+[a-z]+|\s*/\s*[a-z]+)?[\s-]+level)\b")


def _level_named_level(text_head: str) -> str | None:
    """The level of "<level> level" (or "<level>-to-<level> level") right after the phrase, or None."""
    m = _LEVEL_NAMED.match(text_head)
    return title_level(m.group(1)) if m else None


# the role's words joined by "&" before its noun ("eager & curious engineers"), read only to reach a written
# range right after the role (the phrase reading's words hold no "&": a wider reading moved other levels)
_AMP_ROLE = re.compile(rf"\s*(?:an?\s+)?((?:(?:[\w./+#-]+,?|&)\s+){{1,5}}?(?:{ROLE_NOUNS})s?)\b", re.I)


def _range_after_role(text_head: str, role: str, end: int) -> str | None:
    """The lower end of a written range "from <level> to <level>" right after the role a phrase introduces
    (``role``, ending at ``end``), or None."""
    from_range = _FROM_RANGE.match(text_head, end)
    if from_range is None or _ROLE_OF_ANOTHER.search(role):
        return None
    low_end, high_end = from_range.group(1), from_range.group(2)
    if title_level(f"{low_end} level") and title_level(high_end):  # "mid" is a level word before "level"
        return title_level(f"{low_end} to {high_end}")
    return None


def _amp_range_level(text_head: str) -> str | None:
    m = _AMP_ROLE.match(text_head)
    return _range_after_role(text_head, m.group(1), m.end()) if m and "&" in m.group(1) else None


def _english_snippet_level(head: bytes) -> str | None:
    """The level named by the words after an English phrase introducing the role (``head``: the lowered bytes
    after it), or None."""
    if not _LEVEL_WORD.find_matches_as_indexes(head):
        return None
    text_head = head.decode("utf-8", "ignore")
    m = _AFTER_TRIGGER.match(text_head)
    if not m:
        return _bracket_level(text_head) or _level_named_level(text_head) or _amp_range_level(text_head)
    if _HIRING_MANAGER.search(m.group(1)) or _MENTOR_OF_OTHERS.match(m.group(1)):
        return None  # the person who hires; the mentor of others ("a mentor to junior team members")
    if " and " in m.group(1) and _CATEGORY.match(text_head, m.end()):
        return None  # "hiring engineering and manager positions": kinds of roles, then a list of them
    level = title_level(m.group(1))
    if level:
        return level
    levels = _IN_LEVEL_ROLES.match(text_head, m.end())
    if levels:  # "engineers in staff and senior roles": the first level named
        level = title_level(levels.group(1))
        if level:
            return level
    at_level = _AT_LEVEL.match(text_head, m.end())
    if at_level:  # "a <role> at an intermediate to senior level": the level stated right after the role
        level = title_level(at_level.group(1))
        if level:
            return level
    level = _range_after_role(text_head, m.group(1), m.end())
    if level:  # "engineers (from intern to senior level)": a range right after the role, its lower end
        return level
    listed = _LIST_INTRO.match(text_head, m.end())
    if listed and _GENERIC_ROLE.search(m.group(1)):
        # "We're hiring a few different positions:" then one role a line: the first role named (a sentence on
        # that line, "Our ideal <role> is a collaborative leader", names none: later batch real-later-v3)
        first = _FIRST_LINE.split(listed.group(1), 1)[0]
        if not _SENTENCE_LINE.search(first):
            return title_level(first)
    return _bracket_level(text_head)


def _years_level(years_min: float | None) -> str | None:
    if years_min is None or not isinstance(years_min, (int, float)) or math.isnan(years_min) or years_min < 0:
        return None
    rules = seniority_rules()
    if years_min >= rules.senior_from:
        return "senior"
    return "mid" if years_min >= rules.mid_from else "junior"


def _hint(level_hint: str | None) -> tuple[bool, str | None]:
    """(whether the label is known, the level it gives): a known label may give none ("Mid-Senior level")."""
    if not level_hint or not isinstance(level_hint, str):
        return False, None
    key = " ".join(level_hint.lower().replace("_", " ").split())
    if key in seniority_rules().hints:
        return True, seniority_rules().hints[key]
    level = title_level(level_hint)
    return bool(level), level or None


RESTATED_EXTRA = 25  # characters a restated title may add to the title ("Data Engineer / Lead")
RESTATED_HEAD = 600  # the header block of a description (title, place, date, "Job Description")
_RESTATED_SEPARATORS = ("/", "-", "–", "—", "(", ",", ":", "|")


def _restated_title_level(title: str, text: str) -> str | None:
    """The level of a line near the top that restates the title with a level ("Data Engineer / Lead" under
    "Data Engineer"), or None: a line that goes on past the title is a sentence, not a title."""
    name = title.strip().lower()
    if not name:
        return None
    head = text[:RESTATED_HEAD].lower()
    at = head.find(name)
    while at != -1:
        if not head[head.rfind("\n", 0, at) + 1 : at].strip(" \t*#•-"):  # the title opens its line
            end = head.find("\n", at)
            if end == -1 and len(text) <= RESTATED_HEAD:
                end = len(head)
            rest = head[at + len(name) : end].lstrip(" \t") if end != -1 else ""
            # the title, a separator, then the level ("/ Lead", "- Senior", "(Senior)"): not a longer name
            # that starts with the title ("Client Engineering Manager" under "Client Engineering")
            if rest[:1] in _RESTATED_SEPARATORS and end - at <= len(name) + RESTATED_EXTRA:
                level = title_level(rest)
                if level:
                    return level
        at = head.find(name, at + 1)
    return None


# "<first listed role>:" opening a line, then the listing's first words up to a role noun ("Data Engineer: Mid
# to senior engineer who ..."): the header role's own listing names its level (ruled 2026-12-04; 29th round)
_LISTING = re.compile(rf"[ \t]*:[ \t]*((?:[\w./+#-]+,?\s+){{0,4}}?(?:{ROLE_NOUNS})s?)\b", re.I)


def _own_listing_level(title: str, text: str) -> str | None:
    """The level opening the first listed role's own line ("Data Engineer: Senior engineer who ..."),
    when the title lists several roles; None otherwise."""
    first = first_listed_role(title)
    name = first.strip().lower()
    if first == title or len(name) < 4:
        return None
    head = _lower_head(text)
    at = head.find(name)
    while at != -1:
        if at == 0 or head[at - 1] == "\n":
            m = _LISTING.match(head, at + len(name))
            if m:
                return title_level(m.group(1))
        at = head.find(name, at + 1)
    return None


# The header's one role named again in a list of openings with its own level ("Briefly: a data scientist
# in Bergen, mid-senior software engineer in LA, QA engineers in LA"): the header role's own listing names
# its level (ruled 2026-12-04; thirtieth round), also beside a general "mostly looking for senior
# developers". Only a list item: after a comma, semicolon, colon or line break, level words alone before
# the role (no "mentor junior ..."), the role in the singular, then a place, a bracket or the item's end.
_ITEM_PREFIX = re.compile(
    r"(?:^|[,;:\n])[ \t*•-]*(?:an?\s+|one\s+)?((?:[\w-]+(?:\s+to)?\s+){0,2}?[\w-]+)\s+$")
_ITEM_END = re.compile(r"(?:\s+(?:in|at|for|based)\b|\s*[(,;.\n]|\s*$)")
_CONNECTORS = frozenset({"to", "and", "or"})
# words of a sentence or a requirement before a role noun ("work with senior <role>s", "2 years as a <role>"):
# such a line lists no opening (later batch real-later-v50)
_NOT_AREA = frozenset({"a", "an", "the", "as", "with", "our", "we", "you", "your", "of", "for", "is", "are",
                       "be", "work", "years", "year", "experience", "other", "all"})
# the people the holder works with, listed ("you will work with a PM, a senior <role>, ..."; "Our team: ..."),
# are no openings: words of the item's sentence before it
_COLLEAGUES = re.compile(r"\b(?:work(?:s|ing)?\s+(?:with|alongside)|alongside|team|report(?:s|ing)?\s+to|"
                         r"colleagues?|peers?|supported\s+by|mentor\w*)\b")
_SENTENCE_END = re.compile(r"[.!?\n][^.!?\n]*$")


def _listed_again_level(title: str, text: str) -> str | None:
    name = title.strip().lower()
    if len(name) < 4 or first_listed_role(title) != title:
        return None
    head = _lower_head(text)
    at = head.find(name)
    while at != -1:
        prefix = _ITEM_PREFIX.search(head, max(0, at - 40), at)
        if prefix and _ITEM_END.match(head, at + len(name)):
            words = prefix.group(1)
            end = _SENTENCE_END.search(head, 0, at)
            sentence = head[end.start() if end else 0 : at]
            levelled = all(w in _CONNECTORS or title_level(w) for w in words.split())
            if levelled and not _COLLEAGUES.search(sentence):
                level = title_level(f"{words} {title.strip()}")
                if level:
                    return level
        at = head.find(name, at + 1)
    return None


# a plural role noun at a title's end ("Software Engineers"): its singular is how a list names one opening
_PLURAL_ROLE_END = re.compile(rf"\b(?:{ROLE_NOUNS})(s)\s*$", re.I)
# a listed line's opening: bullets, then at most three level words (and their joiners) before the role's name
_LISTED_LEVEL_WORDS = re.compile(r"[ \t*\u2022\u00b7-]*((?:[\w.-]+[ \t]+){0,3}?)$")
# after the role's name on its listed line: its area, place, link or note ("- Senior <role>, <area>: <link>")
_LISTED_NAME_END = re.compile(r"s?(?:[ \t]*(?:[,:;(]|[-\u2013\u2014][ \t]|$)|[ \t]+(?:in|at|for|based)\b)")


def _first_role_listed_again(first: str, named: str, text: str) -> str | None:
    """The level of a comment's first header role where the body lists it again on a line of its own, when
    the header names it beside other roles ("<role>s & Managers") or in the plural ("Engineers" listed as "-
    Senior Engineer, <area>: <link>"): the header role's own listing (ruled 2026-12-04; `real-test-v12`'s
    Hacker News 1: the only listed post matching the header's role names its level), as
    :func:`_listed_again_level` reads a header naming one role. A line listing the role with no level is its
    own listing and names none, wherever it stands ("- Senior <role>: <link>" then "- <role>: <link>", as
    `real-fresh-v19`'s 2018-04 #338 reads); the header line itself is not read (later batch
    real-later-v42)."""
    name = first.strip()
    plural = _PLURAL_ROLE_END.search(name)
    if (name == named.strip() and plural is None) or title_level(name) or len(name) < 4:
        return None  # one role in the singular: read already; a levelled role: rule 1 read it
    stem = (name[: plural.start(1)] if plural else name).lower()
    head = _lower_head(text)
    found: str | None = None
    for before in _listed_lines(head, stem, _LISTED_LEVEL_WORDS, whole=False):
        levels = before.split()
        if not levels:
            return None  # the role listed with no level of its own: its own listing names none
        if found is None and all(w in _CONNECTORS or title_level(w) for w in levels):
            found = title_level(f"{before}{name}")
    if found is None and plural is not None:
        return _first_opening_of_noun(name[plural.start() : plural.start(1)].lower(), head)
    return found


# a plural header role naming its areas before its noun or in a bracket after it ("<area> & <area>
# Developers", "<kind> Developers (<area> & <area>)"); the areas joined by "&", "/", ",", "+", "and" or "or"
_AREA_ROLE = re.compile(rf"(?P<areas>[\w.+#/&, -]+?)\s+(?P<noun>{ROLE_NOUNS})s"
                        r"\s*(?:\((?P<bracket>[^()\n]*)\))?", re.I)
_AREA_JOINERS = re.compile(r"\s*(?:[&/,+]|\band\b|\bor\b)\s*")
_AREA_NOT_NOUNS = frozenset({"role", "position", "opportunity"})  # "<area> & <area> Roles": a listed cell
# after an area listed alone: its link or note after a colon or a spaced dash ("Senior <area>: <link>")
_AREA_LINE_END = re.compile(r"[ \t]*(?::|[-\u2013\u2014](?:[ \t]|$))")


def _area_listing_level(first: str, text: str) -> str | None:
    """The level of a plural header role's own listing where the body lists its areas alone, each on a line
    of its own with its level and a link ("<area> & <area> Developers" above "Senior <area>: <link>"): the
    header role's own listing (ruled 2026-12-04), the first of the header's areas listed deciding (the
    first-role ruling); a first area listed with no level names none. Later batch real-later-v117 (two
    employers: an "&"-joined header and a bracket of areas)."""
    m = _AREA_ROLE.fullmatch(first.strip())
    if m is None or m.group("noun").lower() in _AREA_NOT_NOUNS:
        return None
    areas = [a for part in (m.group("areas"), m.group("bracket") or "")
             for a in _AREA_JOINERS.split(part.strip().lower()) if len(a) > 1 and not title_level(a)]
    head = _lower_head(text)
    body = head.find("\n") + 1 if "\n" in head else len(head)  # the header line is not read
    for area in dict.fromkeys(areas):
        at = head.find(area, body)
        while at != -1:
            begin = head.rfind("\n", 0, at) + 1
            words = _LISTED_LEVEL_WORDS.fullmatch(head, begin, at)
            if (words and (at == begin or not head[at - 1].isalnum())
                    and _AREA_LINE_END.match(head, at + len(area))):
                levels = words.group(1).split()
                if all(w in _CONNECTORS or title_level(w) for w in levels):
                    return title_level(f"{' '.join(levels)} {m.group('noun')}") if levels else None
            at = head.find(area, at + 1)
    return None


# a listed line's opening before the role noun: bullets, then up to five words (level words, then the
# opening's area: "- Senior <area> Engineer: <link>")
_LISTED_WORDS = re.compile(r"[ \t*\u2022\u00b7-]*((?:[\w.+#/&-]+[ \t]+){0,5}?)$")
_LISTED_AREA_MAX = 3


def _first_opening_of_noun(noun: str, head: str) -> str | None:
    """The level of the first line listing an opening of a plural header role's noun when the body never
    names the header's role itself ("Engineers" above "- Senior <area> Engineer: <link>"): the header
    stands for the list below, as "<Role> (multiple)" does (`real-later-v38` ruling 1; later batch
    real-later-v50). That first opening with no level names none; a line whose words before the noun are no
    level then at most three area words (a sentence, a requirement) is no opening."""
    for before in _listed_lines(head, noun, _LISTED_WORDS, whole=True):
        parts = before.split()
        lead = 0
        while lead < len(parts) and (parts[lead] in _CONNECTORS or title_level(parts[lead])):
            lead += 1
        area = parts[lead:]
        if len(area) <= _LISTED_AREA_MAX and not any(w in _NOT_AREA for w in area):
            return title_level(" ".join((*parts[:lead], noun))) if lead else None
    return None


def _listed_lines(head: str, name: str, opening: re.Pattern[str], whole: bool) -> Iterator[str]:
    """The words before ``name`` on each body line (the header line skipped) that lists it: the line's start
    up to ``name`` is ``opening`` (bullets and a few words, group 1), and ``name`` ends its listing
    (:data:`_LISTED_NAME_END`); with ``whole``, ``name`` also starts a word. In the order of the text."""
    at = head.find(name, head.find("\n") + 1 if "\n" in head else len(head))
    while at != -1:
        begin = head.rfind("\n", 0, at) + 1
        words = opening.fullmatch(head, begin, at)
        if (words and (not whole or at == begin or not head[at - 1].isalnum())
                and _LISTED_NAME_END.match(head, at + len(name))):
            yield words.group(1)
        at = head.find(name, at + 1)


# The text naming the role as its title with a ladder number ("The Lab Analyst II will ..."): rule 2, the
# role's own level (sixteenth round). A lone "I" is a number only before a word that goes on about the role
# ("The Lab Scientist I is to ...", not "the Lab Scientist I met").
_AFTER_NUMBER = re.compile(r"\s*(i{1,3}|iv|v|[1-6])(?=[\s,.;:)]|$)(\s*[,(]|\s+\w+)?")
_AFTER_LONE_I = frozenset({",", "(", "will", "is", "position", "role", "shall", "must", "job"})


def _numbered_title_level(title: str, text: str) -> str | None:
    name = title.strip().lower()
    if len(name) < 4:
        return None
    head = _lower_head(text)
    at = head.find("the " + name)
    while at != -1:
        m = _AFTER_NUMBER.match(head, at + 4 + len(name))
        if m and (m.group(1) != "i" or (m.group(2) or "").strip() in _AFTER_LONE_I):
            return title_level(f"{title.strip()} {m.group(1).upper()}")
        at = head.find("the " + name, at + 1)
    return None


# A line listing an opening with its link (h26senires): bullets, then the opening's name (up to eight words),
# then its link after a colon or a dash, or nothing more (or a note of at most four words after a colon or a
# spaced dash) with the link alone on the next line.
_LINKED_LINE = re.compile(r"[ \t*\u2022\u00b7-]*(?P<name>[^:\n]+?)(?<!http)(?<!https)"
                          r"(?:[ \t]*(?::|[-\u2013\u2014])[ \t]*(?P<link>https?://\S+)"
                          r"|(?:[ \t]*(?::|[ \t][-\u2013\u2014][ \t])[ \t]*(?P<note>[^\n:]*))?)[ \t]*")
_LINK = re.compile(r"https?://\S+")
_LINKED_NAME_WORDS = 8
_LINKED_NOTE_WORDS = 4
_HAS_ROLE_NOUN = re.compile(rf"\b(?:{ROLE_NOUNS})s?\b", re.I)
# a hiring phrase naming a plural role with no level ("hiring a variety of <area> engineers", "looking for a
# variety of engineers"): the text's first role named is plain (real-later-v55's reading of 2018-02 #353)
# ("hiring for the positions ...": a listing noun, not a role)
_PLAIN_HIRING = re.compile(rf"\b(?:hiring|looking\s+for|seeking)\s+(?:[\w-]+\s+){{0,4}}?"
                           rf"(?!(?:position|role|opportunit|opening|job)s?\b)(?:{ROLE_NOUNS})s\b")


def _plain_role_sought(text: str, end: int) -> bool:
    """Whether a hiring phrase before ``end`` names a plural role with no level ("is looking for engineers
    to ...", "hiring a variety of <area> developers"): S1 (`real-later-v95`), the text's first role named is
    plain, so a list of openings below it does not decide. The line introducing the list is not read (a
    hiring sentence ending in its colon names the openings below it: h25seni's question 1). Twenty-sixth
    session (h26seni3; the lead's ruling on h26senires' question 4): tune 2017-11 #744, 2018-01 #581."""
    if end <= 0:
        return False
    low = text[:end].lower()
    return any(title_level(m.group()) is None for m in _PLAIN_HIRING.finditer(low))


def _linked_title_level(text: str) -> str | None:
    """The level of a comment's first opening listed on a line of its own with its link ("Senior <role> -
    <link>", "* Senior <role>: <link>", "Senior <role>: <area>" above "<link>") where a second linked opening
    follows (a single one is a mention: `real-later-v38`), or None (also where that first opening names no
    level: "<Role> (<n> new): <link>", "<area> Generalist: <link>", "All open jobs - <link>" first - a "Lead
    <role>" below it is another opening's): the first role listed decides (the first-role ruling). For a
    comment whose header names no role and whose text introduces no role in a phrase, list or field; the
    header line is not read, nor a line of more than eight words (a sentence). None where a title line with no
    link comes first (a list of plain titles, its link below the last) or a hiring phrase names a plural role
    with no level before the list. Twenty-sixth session (h26senires): two employers in the tune half's Hacker
    News residue, under "Check us out:" and a place heading "<City>:" - no list intro the list reader
    knows."""
    head = _lower_head(text)
    lines = [line.strip() for line in head.split("\n")[1:]]
    lines = [line for line in lines if line]
    first: tuple[str, str] | None = None  # the first linked line and its opening's name
    for i, line in enumerate(lines):
        m = _LINKED_LINE.fullmatch(line)
        if m is None:
            continue
        name = m.group("name").strip()
        words = name.split()
        if not words or len(words) > _LINKED_NAME_WORDS:
            continue
        below = lines[i + 1] if i + 1 < len(lines) else ""
        note = m.group("note") or ""
        if m.group("link") or (len(note.split()) <= _LINKED_NOTE_WORDS and _LINK.fullmatch(below)):
            if first is not None:  # a second linked opening: the lines are a list, its first line decides
                if first[1].split()[0] in _NOT_AREA or _PLAIN_HIRING.search(head, 0, head.find(first[0])):
                    return None  # "All open jobs - <link>", "Our <role>s wrote - <link>"; a plain role first
                return title_level(first[1])
            first = (line, name)
        elif first is None and not note and _HAS_ROLE_NOUN.search(name):
            return None  # a title with no link first: a list of plain titles, not a list of linked openings
    return None  # no linked line, or a single one (a mention, not a list: later batch real-later-v38)


_LOWER_HEAD: list[str] = ["", ""]


def _lower_head(text: str) -> str:
    """The text's head (TEXT_WINDOW) in lower case, kept for the last text (several rules read one posting's
    text)."""
    if text is not _LOWER_HEAD[0]:
        _LOWER_HEAD[0], _LOWER_HEAD[1] = text, text[:TEXT_WINDOW].lower()
    return _LOWER_HEAD[1]


@cache
def _two_rungs() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """Two rungs joined in one phrase of a comment's text, after a word that introduces levels or a listed
    role's colon, or before a role noun; the words that make the pair's sentence about other people; a rung
    and a comma just before the pair (a list of three: "mid, senior and staff <role>"); and a line's opening
    that makes it another opening's (a bullet, or a label and a colon or a spaced dash) (seniority.yaml
    ``two_rung_statement``)."""
    cfg = config()["two_rung_statement"]
    word = "|".join(str(w) for w in cfg["words"])
    joiner = "|".join(str(j) for j in cfg["joiners"])
    pair = rf"((?:{word})(?:(?:{joiner})(?:{word}))+)"  # a run of rungs too: "mid & senior/lead level"
    after = rf"(?:{'|'.join(str(a) for a in cfg['after'])}|(?:{ROLE_NOUNS})s?\b)"
    # before the pair: a word introducing levels, or a listed role and its colon ("- <role>: mid-level or
    # senior"); after it, on its line, at most two words before a role noun
    before = rf"(?:{'|'.join(str(b) for b in cfg['before'])})\s+|(?:{ROLE_NOUNS})s?[ \t]*:[ \t]*"
    found = re.compile(rf"\b(?:{before}){pair}\b|\b{pair}(?:[ \t-]+[\w+#.-]+){{0,2}}?[ \t-]+{after}")
    other = re.compile(rf"\b(?:{'|'.join(str(w) for w in cfg['not_in_sentence'])})\b")
    comma = re.compile(rf"\b({word}),[ \t]*$")
    own = "|".join(str(w) for w in cfg["own_line_labels"])
    opening = re.compile(rf"[ \t]*(?:[-*\u2022]|(?!(?:{own})[ \t]*(?::|[ \t][-\u2013\u2014][ \t]))"
                         rf"(?:[\w&/.+#']+[ \t]+){{0,3}}[\w&/.+#']+[ \t]*(?::|[ \t][-\u2013\u2014][ \t]))")
    return found, other, comma, opening


@cache
def _two_rung_pair() -> re.Pattern[str]:
    """Two rungs joined, alone (the ``pair`` that every phrase :func:`_two_rungs` finds holds): where it is
    nowhere in the text, no phrase is, and the slower search with its words before and after is skipped (it
    cost about 58 µs a comment, this about 17; most comments name no such pair)."""
    cfg = config()["two_rung_statement"]
    word = "|".join(str(w) for w in cfg["words"])
    joiner = "|".join(str(j) for j in cfg["joiners"])
    return re.compile(rf"(?:{word})(?:(?:{joiner})(?:{word}))+")


def _two_rung_level(text: str, first_role: str = "") -> str | None:
    """The level of the first phrase of a comment's text that names two rungs joined ("We want senior and
    junior <role>s", "Levels from Mid to Staff", "Mid-Senior level"), or None: rule 2, the text states the
    openings' level, read where nothing else of the text decides; a pair in a sentence about colleagues,
    people coached or led, or a negation is no level of the role. Under a header role (``first_role``), a pair
    on another opening's line - a bullet or a section label ("<role 2>: ...", "<area> - ...") on a line that
    does not name the header role's noun - is that opening's level, not the role's (the first-role ruling;
    later batch real-later-v78)."""
    low = _lower_head(text)
    if _two_rung_pair().search(low) is None:
        return None  # no two rungs joined anywhere: no phrase of them either
    found, other, comma, opening = _two_rungs()
    noun = first_role.strip().lower().rsplit(None, 1)[-1].rstrip("s") if first_role.strip() else ""
    for m in found.finditer(low):
        start = m.start(1) if m.group(1) else m.start(2)
        sentence = _SENTENCE_END.search(low, 0, start)
        if other.search(low, sentence.start() + 1 if sentence else 0, start):
            continue
        if noun:
            begin = low.rfind("\n", 0, start) + 1
            end = low.find("\n", start)
            if opening.match(low, begin, start) and noun not in low[begin : end if end != -1 else len(low)]:
                continue
        listed = comma.search(low, max(0, start - 20), start)
        # read as the levels of a role's title ("Mid to Staff" alone names none: "staff" and "mid" are title
        # words before a role noun); a rung and a comma before the pair open a list of three: the first named
        level = title_level(f"{listed.group(1) if listed else m.group(1) or m.group(2)} engineer")
        if level:
            return level
    return None


@cache
def _hiring_range() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], ahocorasick_rs.AhoCorasick]:
    """A written range of levels (seniority.yaml ``hiring_range``): "from <level> <joiner> <word>", "from
    <level> up", or "<level> <joiner> <level>" with no "from"; the hiring words a range's sentence must hold;
    the words that make the sentence before the range about other people or negated; and the literals the
    level ends start with, where a range with no "from" may start (one Aho-Corasick pass finds them: the
    pattern searched over a comment cost about 50-90 us, matched at those places only a few)."""
    cfg = config()["hiring_range"]
    ends = "|".join(str(w) for w in cfg["ends"])
    upper = "|".join(str(w) for w in cfg["upper_without_from"])
    joiners = "|".join(str(j) for j in cfg["joiners"])
    top = "|".join(str(t) for t in cfg["open_top"])
    low = rf"(?:{ends})(?:[\s-]+levels?)?"
    found = re.compile(
        rf"\bfrom\s+(?P<low>{low})\s*(?:(?:{joiners})\s*(?P<high>[\w-]+)|(?:{top})\b)"
        rf"|\b(?P<low2>{low})\s*(?:{joiners})\s*(?P<high2>{upper})\b")
    hiring = re.compile(rf"\b(?:{'|'.join(str(w) for w in cfg['hiring'])})\b")
    other = re.compile(rf"\b(?:{'|'.join(str(w) for w in cfg['not_in_sentence'])})")
    literals = sorted({re.match(r"[a-z]+", str(w)).group() for w in cfg["ends"]})  # type: ignore[union-attr]
    return found, hiring, other, ahocorasick_rs.AhoCorasick(literals)


_SENTENCE_STOP = re.compile(r"[.!?](?:\s|$)|\n")


def _hiring_range_level(text: str) -> str | None:
    """The lower end of the first written range of levels in a hiring sentence of a comment's text ("looking
    for <role>s to join us at a range of levels - from graduate through to senior level", "hiring for several
    roles, from entry-level to <word>", "Seeking junior to senior.", "we hire at all levels from new grad
    up"), or None: rule 2, the text states the openings' levels, a written range its lower end, wherever in
    the hiring sentence it stands (the lead's ruling on h25seni's question 2, twenty-fifth session). A range
    in a sentence hiring nobody, describing the company's people ("Our engineers range from junior to
    principal"), people coached or grown, or negated names no level; "all levels" with no lower end written
    names none."""
    low = _lower_head(text)
    if "from" not in low and " to " not in low:
        return None  # cheap exit: no range can be written
    found, hiring, other, starts = _hiring_range()
    places = {at for _i, at, _end in starts.find_matches_as_indexes(low, overlapping=True)}
    at = low.find("from")
    while at != -1:
        places.add(at)
        at = low.find("from", at + 4)
    for at in sorted(places):
        m = found.match(low, at)
        if m is None:
            continue
        stops = [s.end() for s in _SENTENCE_STOP.finditer(low, 0, m.start())]
        begin = stops[-1] if stops else 0
        after = _SENTENCE_STOP.search(low, m.end())
        end = after.start() if after else len(low)
        if not hiring.search(low, begin, end) or other.search(low, begin, m.start()):
            continue
        bottom = title_level(f"{m.group('low') or m.group('low2')} engineer")
        if bottom is None:
            continue
        high = m.group("high") or m.group("high2")
        top = title_level(f"{high} engineer") if high else None
        return min(bottom, top, key=_RANK.__getitem__) if top else bottom
    return None


# A title listing several openings ("UX Designer, Senior Product Owner, Head of Sales"): split on
# commas, semicolons and "and" (parentheticals set aside: "Engineers (Backend, iOS)"); a list when at least
# two parts name a role and the first ends with one, not with a role's area ("Project Manager - Country &
# Category Manager" is one role) nor a generic noun ("All positions, Senior Developer") (fifteenth round,
# issue 9); a spaced "+" joins roles too ("<role> + Sr. <role>s"; sixtieth round), never "C++"
_LIST_SPLIT = re.compile(r"\s*(?:[,;]\s*(?:and\s+|&\s*)?|\s(?:and|&|\+)\s)\s*", re.I)
_PARENTHETICAL = re.compile(r"\s*\([^()]*\)")
_ENDS_WITH_ROLE = re.compile(rf"\b(?:{ROLE_NOUNS})s?\s*$", re.I)
# the first part may name its stack after the role noun ("Front End Engineers <framework>, Back End Engineer
# <language>, Sr. Engineer"; forty-ninth round); a role's area after a dash stays one role
_ROLE_THEN_STACK = re.compile(rf"\b(?:{ROLE_NOUNS})s?(?:\s+[\w.+#]+){{0,2}}\s*$|{PLURAL_LEVEL_ROLE}\s*$",
                              re.I)
_GENERIC_END = re.compile(r"\b(?:roles?|positions?|opportunit(?:y|ies))\s*$", re.I)


@lru_cache(maxsize=65536)
def first_listed_role(title: str) -> str:
    """The first role of a title that lists several (labelling guide: a comment's several roles take the
    first role named), else the title itself."""
    if not any(joiner in title for joiner in (",", ";", " and ", "&", " + ")):
        return title
    parts = [p for p in _LIST_SPLIT.split(_PARENTHETICAL.sub("", title)) if p.strip()]
    if len(parts) < 2 or not _ROLE_THEN_STACK.search(parts[0]) or _GENERIC_END.search(parts[0]):
        return title
    return parts[0] if sum(1 for p in parts if _ROLE_CELL.search(p)) >= 2 else title


_AREA_AFTER_LAST_ROLE = re.compile(rf"(.*\b(?:{ROLE_NOUNS})s?)\s*(?:,|\s[-–]\s)[^/]*$", re.I)


def _first_of_slash_list(title: str) -> str:
    """"Senior Engineers/Principal Engineers/Data Engineers": openings listed with "/" take the first one's
    level when it names one, as a comma list (first role named) or "Pleno/Sênior" (the first level named);
    "Analyst/Senior Analyst", "Senior/Staff Engineer" and "Frontend/Backend Engineer" stay whole
    (twenty-fifth round)."""
    if "/" not in title:
        return title
    # the last role's area after a comma or a dash belongs to every role of the list ("<Level> <role> /
    # <Level> <role>, <area>"): set aside before the parts are read (real-later-v23)
    has_area = "," in title or " - " in title or " – " in title
    area = _AREA_AFTER_LAST_ROLE.match(title) if has_area else None
    listed = area.group(1) if area else title
    parts: list[str] = []
    for p in (p.strip() for p in listed.split("/")):
        # a part of level words only belongs to the role after it: "Mid/Senior <role> / <role> / Senior
        # <role>" lists "Mid/Senior <role>" first, two levels offered for one role (real-later-v10)
        if parts and level_cell().fullmatch(parts[-1]) and not _ENDS_WITH_ROLE.search(parts[-1]):
            parts[-1] = f"{parts[-1]}/{p}"
        else:
            parts.append(p)
    # an organisation's top role by its short name ("Lead <role>/CTO", "Senior <role> / VP") is a role of the
    # list too, as "Lead <role> / Head of Engineering" (later batch real-later-v67)
    if (sum(1 for p in parts if _ENDS_WITH_ROLE.search(p) or _TOP_ROLE.fullmatch(p)) < 2
            or not _ENDS_WITH_ROLE.search(parts[0])):
        return title
    return parts[0] if title_level(parts[0]) else title


# An internship offered in a title as another opening beside a role ("Kiln Engineer or Intern", "<role> /
# Internship"): the first role named decides, as in "<role> and Interns" (fifty-fifth round); also with up to
# three qualifiers of the interns before it ("<role> or Spring/Summer Interns", "<role> / Summer 2027
# Internship"; seniority.yaml ``intern_alternative_qualifiers``; later batch real-later-v106)
_INTERN_QUALIFIER = "|".join(str(w) for w in config()["intern_alternative_qualifiers"])
_INTERN_ALTERNATIVE = re.compile(
    rf"(.*?\b(?:{ROLE_NOUNS})s?)\s*(?:\bor\b|/)\s*(?:an?\s+)?(?:(?:{_INTERN_QUALIFIER})(?:\s+|\s*/\s*)){{0,3}}"
    r"(?:interns?|internships?|co-?ops?)\b", re.I)


def _without_intern_alternative(title: str) -> str:
    """The title up to an internship offered after "or" / "/" as another opening, else the title itself."""
    if "ntern" not in title and "NTERN" not in title and "o-op" not in title.lower():
        return title  # cheap exit: most titles name no internship
    m = _INTERN_ALTERNATIVE.match(title)
    return m.group(1) if m else title


def classify_seniority(title: object, text: object = None, years_min: float | None = None,
                       level_hint: object = None, roles: tuple[str, ...] | None = None,
                       call_text: object = None) -> str:
    """One of SENIORITY_LEVELS; see the module docstring for the order of evidence. A field that is not text
    (a spreadsheet's NaN) says nothing (typed ``object``: the compiled build enforces annotations).

    ``roles``: the roles a comment's structure names, in order, each with its own level cells (a Hacker
    News comment read by etl/normalize/hn_comment.py; None for a posting with no such structure): the first
    role is what rule 1 reads (the first-role ruling: a later role's level never decides).

    ``call_text``: the whole description, where a German "start your career with us" call is looked for
    (None: ``text``): the call often closes a posting under its benefits heading, which the job's own text
    (``text``, without boilerplate sections) leaves out (later batch real-later-v3)."""
    named = title if isinstance(title, str) else ""
    first = roles[0] if roles else named
    if first:
        level = title_level(_first_of_slash_list(first_listed_role(_without_intern_alternative(first))))
        if level:
            return level
    if isinstance(text, str) and text:
        named = named or first  # a comment whose header names no role: its first listed role's own listing
        level = (_restated_title_level(named, text) or _numbered_title_level(named, text)
                 or _own_listing_level(named, text) or _listed_again_level(named, text)
                 if named else None) or (_first_role_listed_again(roles[0], named, text) if roles else None) \
            or (_area_listing_level(roles[0], text) if roles else None) \
            or text_level(text, _later_role_names(roles) if roles else ()) \
            or (_hiring_range_level(text) if roles is not None else None) \
            or (_two_rung_level(text, roles[0] if roles else "") if roles is not None else None) \
            or (_linked_title_level(text) if roles is not None and not named else None)
        if level:
            return level
    by_years = _years_level(years_min)
    if by_years is not None:
        return by_years
    calls = call_text if isinstance(call_text, str) else text
    if isinstance(calls, str) and _career_start_call(calls):
        return "junior"  # "Starte deine Karriere bei uns!" with no figure of years asked (hres9)
    return _hint(level_hint if isinstance(level_hint, str) else None)[1] or "unspecified"


def is_senior(seniority: str | None) -> bool:
    """True for senior, staff, principal, lead and manager."""
    return seniority in SENIOR_LEVELS
