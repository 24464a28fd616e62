"""Find the skills (and senior responsibilities) a posting asks for, by canonical name.

Why: skill demand is the product's main chart, so every mention must map to one
canonical name ("Golang", "go" in a list -> Go; "k8s" -> Kubernetes) and ordinary
words must not ("go-to-market", "Series C", "R&D", "react quickly", "the rest of the
team"). The names, aliases and the context rules for ambiguous names are data in
etl/data/skills.yaml; this module only interprets them, so a new skill or trap is a
data change.

How, and why it is fast (this runs on every posting): one Aho-Corasick automaton
over a lower-cased copy of the text finds every form at once. Short alphanumeric
forms ("c", "r", "go", "ai") are stored with a boundary character on each side, so
they cannot hit inside words ("good", "for"); longer forms are checked for word
boundaries on the few hits. Overlaps resolve leftmost-longest ("Objective-C" beats
"C"). Context rules run only on hits of ambiguous forms.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from etl.normalize.literal_gate import automaton, matches_at
from etl.normalize.skill_context import ODD_FOLDS, ContextWords, among_non_skills, domain_skills
from etl.yaml_data import load_yaml

TAXONOMY_PATH = Path(__file__).resolve().parents[1] / "data" / "skills.yaml"
RESPONSIBILITY = "responsibility"
# The automaton scans an ASCII copy of the lower-cased text in which every character that
# can only be a word boundary is a space (non-ASCII characters too, one for one, so offsets
# stay aligned), except Latin letters (é, ü, ç, ł), which become "_", a letter to the matcher:
# otherwise French "prévue" held the word "vue" (Vue.js) and German "für" the word "r".
# Other scripts stay boundaries: Chinese or Japanese text glues Latin skill names to its words.
# Short forms are then stored with one boundary character on each side.
_BOUNDARY = b"()[]{}<>\"'`~=*|!?;:,\n\t\r\\%$^"
_TABLE = bytes.maketrans(_BOUNDARY, b" " * len(_BOUNDARY))
_LATIN_LETTER = re.compile("[\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]")  # Latin-1 letters, Latin Extended-A/B


# _ascii's byte for each code point up to the last Latin letter; any later one is "?"
_ASCII_OF = np.full(0x250 + 1, ord("?"), dtype=np.uint8)
_ASCII_OF[:128] = np.arange(128, dtype=np.uint8)
for _c in map(chr, range(128, len(_ASCII_OF))):  # the same letters as the pattern names
    if _LATIN_LETTER.match(_c):
        _ASCII_OF[ord(_c)] = ord("_")


def _ascii(text: str) -> bytes:
    """``text`` as ASCII of the same length: a Latin letter -> "_" (a letter to the matcher), any other
    non-ASCII character -> "?" (a boundary). Nothing to do for ASCII text; any other is looked up code
    point by code point in one array operation (as ``_LATIN_LETTER.sub("_", text).encode("ascii",
    "replace")``, which cost about twice as much: 21-27 against 44-51 µs on the real exports' non-ASCII
    descriptions; a lone surrogate is one code point, "?", either way)."""
    if text.isascii():
        return text.encode("ascii")
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    return _ASCII_OF.take(np.minimum(codes, len(_ASCII_OF) - 1)).tobytes()


_LEFT = " ./-&#+"  # "+": names glued by a plus sign ("Docker+Kubernetes"; thirty-ninth round)
_RIGHT = " ./-&"
_SHORT = 3  # alphanumeric forms up to this length are stored padded with boundaries
_OPENER_MAX = 8  # the longest word of skills.yaml's glued_openers
# how a key ends: with the form (a boundary or a glued capitalised word must follow), with a boundary
# (short forms), or with a short form of three letters that counts only glued to a capitalised word
_PLAIN, _PADDED, _GLUED_ONLY, _GLUED_BEFORE = 0, 1, 2, 3
_LIST_PUNCT = r"[\s,/|;&+()\[\]:*•·-]*"
# two to four words of letters: a form that postings also write with hyphens
_HYPHENABLE = re.compile(r"[^\W\d_]+(?: [^\W\d_]+){1,3}")
# a hyphen right before a lower-case letter after a space, comma or slash: a suspended compound may follow
# (the pattern opens with the hyphen, so the engine skips to each hyphen: ten times faster than a class first)
_SUSPENDED_HINT = re.compile(r"-(?=[a-z\u00df-\u00ff])(?<=[\s,/]-)")
_SUSPENDED_REACH = 160  # characters read on either side of a hyphen for a suspended compound's chain
_MD_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


@dataclass(frozen=True, slots=True)
class SkillDef:
    """One row of the warehouse's ``skills`` table."""

    name: str
    category: str
    aliases: tuple[str, ...]


# The keys a form's rules may hold in skills.yaml's ``match`` (read by _matcher); one list, which
# tests/test_skills_taxonomy.py checks the data file against, so a new key is named once
RULE_KEYS = frozenset({
    "case_sensitive", "cases", "list_cases", "reject_if_preceded_by", "reject_if_followed_by",
    "keep_if_followed_by", "keep_if_preceded_by", "accept_in_list", "accept_if_preceded_by",
    "accept_if_followed_by", "accept_if_near", "requires_near", "window",
})


@dataclass(slots=True)
class _Form:
    """One surface form and the rules that decide whether a hit on it counts."""

    skill: str | None  # None: a blocker phrase ("go-to-market") that only hides other hits
    cases: frozenset[str] | None = None  # exact spellings, when case sensitive
    list_cases: frozenset[str] | None = None  # other spellings, accepted only in a list of skills
    reject_pre: tuple[str, ...] = ()
    reject_post: tuple[str, ...] = ()
    keep_post: tuple[str, ...] = ()  # exceptions to reject_post ("DevOps team" but "DevOps Team Lead")
    keep_pre: tuple[str, ...] = ()  # exceptions to reject_post by the words before ("especially Excel as")
    accept_pre: tuple[str, ...] = ()
    accept_post: tuple[str, ...] = ()
    accept_near: tuple[str, ...] = ()
    requires_near: tuple[str, ...] = ()
    accept_list: bool = False
    window: int = 100
    simple: bool = True  # no rules: every hit counts
    also: tuple[str, ...] = ()  # other skills this form names too ("QA automation": Test Automation)

    def check(self, low: str, orig: str, start: int, stop: int) -> bool | None:
        """True accept, False reject, None: accepted only if it sits in a list of skills."""
        list_only = False
        if self.cases is not None and orig[start:stop] not in self.cases:
            if self.list_cases is None or orig[start:stop] not in self.list_cases:
                return False
            list_only = True  # "js, react, angular, css": lower case counts among other skills only
        if self.reject_pre and low.endswith(self.reject_pre, 0, start):
            return False
        if self.reject_post and low.startswith(self.reject_post, stop) \
                and not (self.keep_post and low.startswith(self.keep_post, stop)) \
                and not (self.keep_pre and low.endswith(self.keep_pre, 0, start)):
            return False
        if self.requires_near and not self._near(low, start, stop, self.requires_near):
            return False
        if list_only:
            return None
        if not (self.accept_pre or self.accept_post or self.accept_near or self.accept_list):
            return True
        if (self.accept_pre and low.endswith(self.accept_pre, 0, start)) or (
            self.accept_post and low.startswith(self.accept_post, stop)
        ):
            return True
        if self.accept_near and self._near(low, start, stop, self.accept_near):
            return True
        return None if self.accept_list else False

    def _near(self, low: str, start: int, stop: int, words: tuple[str, ...]) -> bool:
        window = low[max(0, start - self.window) : stop + self.window]
        return any(w in window for w in words)


@dataclass(slots=True)
class _Matcher:
    automaton: Any
    forms: list[_Form]
    categories: dict[str, str]
    implies: dict[str, tuple[str, ...]] = field(default_factory=dict)
    skill_of: list[str | None] = field(default_factory=list)  # per form: its skill (None: blocker)
    simple: list[bool] = field(default_factory=list)  # per form: no rules, every hit counts
    domain: list[bool] = field(default_factory=list)  # per form: its skill also names departments, subjects
    payloads: list[tuple[int, int, int]] = field(default_factory=list)  # per automaton key
    comparisons: tuple[str, ...] = ()  # after a product's name, a comparison ("Datadog-like"): not the skill
    compared: frozenset[str] = frozenset()  # the categories of products a comparison is read for
    compounds: tuple[str, ...] = ()  # glued after a form, a German compound still names it ("linuxbasiert")
    openers: frozenset[str] = frozenset()  # words opening a sentence: a short name glued to one still counts
    # a company likening itself to a product ("we want to be the AWS of freight"): the words before the name,
    # those after it, and the categories of products read so (skills.yaml ``likened``)
    likened_before: tuple[str, ...] = ()
    likened_after: tuple[str, ...] = ()
    likened_categories: frozenset[str] = frozenset()
    likened_field: re.Pattern[str] | None = None  # ends where the field likened in begins ("the AWS of ")
    also_forms: frozenset[int] = frozenset()  # the forms that name a second skill too (``form_implies``)
    # every form's key as the automaton stores it (:func:`_scan_copy` of the form in lower case, no boundary):
    # a hit spanning a whole probe's word reads one of these, so a word that is none has no such hit
    keys: frozenset[str] = frozenset()


def _words(value: Any, sets: dict[str, list[str]]) -> tuple[str, ...]:
    out: list[str] = []
    for w in value or ():
        if isinstance(w, str) and len(w) > 1 and w.startswith("@"):  # "@name": a shared word set
            if w[1:] not in sets:
                raise ValueError(f"skills.yaml: unknown word set {w!r}")
            out.extend(sets[w[1:]])
        else:
            out.append(w)
    # as the context rules read the text: lower case, non-ASCII as in the scan copy ("’s" -> "?s")
    return tuple(_ascii(str(w).lower()).decode("ascii") for w in out)


def _load() -> dict[str, Any]:
    with open(TAXONOMY_PATH, encoding="utf-8") as fh:
        data: dict[str, Any] = load_yaml(fh)
    return data


@functools.lru_cache(maxsize=1)
def _data() -> dict[str, Any]:
    """skills.yaml parsed once per process, shared by every reader of it (read only: none may change it).

    Why: six readers (the taxonomy, the matcher, the list words twice, the shared heads, the adjective lists)
    each parsed the 150 KB file again, about 45 ms each: 0.25 s of every process's start (tenth session)."""
    return _load()


@functools.lru_cache(maxsize=1)
def taxonomy() -> list[SkillDef]:
    """Every canonical skill with its category and aliases, in file order."""
    return [
        SkillDef(str(s["name"]), str(s["category"]), tuple(str(a) for a in s.get("aliases") or ()))
        for s in _data()["skills"]
    ]


def _hyphen_variants(text: str) -> list[str]:
    """``text`` with a hyphen for any non-empty set of its spaces ("time-series data", "time-series-data")."""
    words = text.split(" ")
    out = []
    for mask in range(1, 2 ** (len(words) - 1)):
        joined = words[0]
        for i, word in enumerate(words[1:]):
            joined += ("-" if mask >> i & 1 else " ") + word
        out.append(joined)
    return out


def _lead_ins(data: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """Per category: the text that, right before an ambiguous form, asks for it in any language - the
    ``lead_ins`` ("Kenntnisse in ", "experiência com ") and the category's ``kind_nouns`` with a
    ``kind_joiners`` word ("Datenbanken wie ", "databases such as "), as the context rules read the text."""
    lead = [f"{w} " if str(w)[-1:].isalpha() else str(w) for w in data.get("lead_ins") or ()]
    openers = data.get("stack_openers") or {}  # "<our> architecture is (mostly) <name>" (real-later-v44)
    for noun in openers.get("nouns") or ():
        lead += [f"{noun} is ", *(f"{noun} is {adverb} " for adverb in openers.get("adverbs") or ())]
    joins = [str(j) for j in data.get("kind_joiners") or ()]
    out: dict[str, tuple[str, ...]] = {}
    for category in data.get("categories") or {}:
        if category == RESPONSIBILITY:
            continue
        kinds = [f"{n}{j}" if j in "(:" else f"{n} {j} "
                 for n in (data.get("kind_nouns") or {}).get(category) or () for j in joins]
        out[category] = _words([*lead, *kinds], {})
    return out


# Portuguese and Spanish words agree in number: a multi-word form matches in the other number too ("testes
# automatizados" / "teste automatizado", "prática ágil" / "práticas ágeis"). The plural's endings, longest
# first; a vowel takes an "s". Function words keep their form; the few English forms this also turns into
# another number are harmless (their variants are no text).
_PLURAL_TO_SINGULAR = (("ões", "ão"), ("ães", "ão"), ("eis", "il"), ("as", "a"), ("os", "o"), ("es", "e"))
_SINGULAR_TO_PLURAL = (("ão", "ões"), ("il", "eis"), ("a", "as"), ("o", "os"), ("e", "es"))
_FUNCTION_WORDS = frozenset({"de", "da", "do", "das", "dos", "em", "e", "a", "o", "en", "del", "la", "el",
                             "los", "las", "of", "and", "the", "for"})


def _number_variant(text: str) -> str | None:
    """``text`` with its words up to the first function word in the other grammatical number, by the first
    word's number; None when nothing changes."""
    words = text.split(" ")
    if len(words) < 2 or not all(w.isalpha() and w.islower() for w in words):
        return None  # names ("Postgre SQL", "Azure SQL") keep their number: only lower-case phrases agree
    first = next((w for w in words if w.lower() not in _FUNCTION_WORDS), "")
    rules = _PLURAL_TO_SINGULAR if first.lower().endswith("s") else _SINGULAR_TO_PLURAL
    out = []
    for k, word in enumerate(words):
        if word.lower() in _FUNCTION_WORDS:  # "testes de integração": the complement keeps its number
            out.extend(words[k:])
            break
        for end, other in rules:
            if word.lower().endswith(end):
                out.append(word[: len(word) - len(end)] + other)
                break
        else:
            out.append(word)
    variant = " ".join(out)
    return variant if variant != text else None


@functools.lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    data = _data()
    sets = {k: list(v) for k, v in (data.get("word_sets") or {}).items()}
    lead_ins = _lead_ins(data)
    keys: list[str] = []
    payloads: list[tuple[int, int, int]] = []  # per key: form index, length with its boundaries, kind
    forms: list[_Form] = []
    seen: dict[str, str] = {}
    categories: dict[str, str] = {}
    implies: dict[str, tuple[str, ...]] = {}

    def add(text: str, form: _Form) -> None:
        key = _scan_copy(text.lower())
        owner = form.skill or "(blocker)"
        if key in seen and seen[key] != owner:
            raise ValueError(f"skills.yaml: {text!r} is a form of both {seen[key]} and {owner}")
        if key in seen:
            return
        seen[key] = owner
        forms.append(form)
        idx = len(forms) - 1
        for left in _LEFT:  # a boundary on the left is part of every key: probes start only at word starts
            if key.isalnum() and len(key) <= _SHORT:
                for right in _RIGHT:
                    keys.append(left + key + right)
                    payloads.append((idx, len(key) + 2, _PADDED))
                if len(key) == _SHORT:  # "SQLErfahrung", "CSSNice to have": a lost line break (not "GoDaddy")
                    keys.append(left + key)
                    payloads.append((idx, len(key) + 1, _GLUED_ONLY))
            else:
                keys.append(left + key)
                payloads.append((idx, len(key) + 1, _PLAIN))
        # a camel-case name of four or more letters glued to the lower-case word before it: a list that
        # lost its line breaks ("AppsNoSQL", "ReactNodeTypeScript"); plain words and capitals are left out
        # ("community" holds "Unity", "interest" holds "REST")
        if (key.isalnum() and len(key) >= 4 and text[:1].isupper() and any(c.isupper() for c in text[1:])
                and any(c.islower() for c in text)):
            keys.append(key)
            payloads.append((idx, len(key), _GLUED_BEFORE))

    # German and other postings hyphenate multi-word names ("Deep-Learning", "Data-Warehouse"): every
    # plain multi-word form also matches with hyphens, unless that spelling is written somewhere itself.
    hyphenated: list[tuple[str, _Form]] = []

    for s in data["skills"]:
        name = str(s["name"])
        categories[name] = str(s["category"])
        if s.get("implies"):
            implies[name] = tuple(s["implies"])
        rules = {str(k): v for k, v in (s.get("match") or {}).items()}
        forms_written = [name, *[str(a) for a in s.get("aliases") or ()]]
        if set(rules) - set(forms_written):
            raise ValueError(
                f"skills.yaml: {name}: rules for unknown forms {sorted(set(rules) - set(forms_written))}"
            )
        also_of = _form_implies(s)
        unknown_also = sorted(set(also_of) - set(forms_written))
        if unknown_also:
            raise ValueError(f"skills.yaml: {name}: form_implies for unknown forms {unknown_also}")
        for text in forms_written:
            r = rules.get(text) or {}
            cases = None
            if r.get("case_sensitive"):
                cases = frozenset(str(c) for c in r.get("cases") or [text])
            accepts = any(r.get(k) for k in ("accept_if_preceded_by", "accept_if_followed_by",
                                                  "accept_if_near", "accept_in_list"))
            # a form that only opens a pair ("unit and" + " integration tests") names nothing without its
            # partner, also after a lead-in ("experience with security and uptime checks")
            leads = accepts and not (r.get("accept_if_followed_by") and not any(
                r.get(k) for k in ("accept_if_preceded_by", "accept_if_near", "accept_in_list")))
            form = _Form(
                skill=name, cases=cases,
                list_cases=frozenset(str(c) for c in r["list_cases"]) if r.get("list_cases") else None,
                reject_pre=_words(r.get("reject_if_preceded_by"), sets),
                reject_post=_words(r.get("reject_if_followed_by"), sets),
                keep_post=_words(r.get("keep_if_followed_by"), sets),
                keep_pre=_words(r.get("keep_if_preceded_by"), sets),
                # a form that needs its context also counts after a lead-in of any language
                accept_pre=_words(r.get("accept_if_preceded_by"), sets)
                + (lead_ins.get(categories[name], ()) if leads else ()),
                accept_post=_words(r.get("accept_if_followed_by"), sets),
                accept_near=_words(r.get("accept_if_near"), sets),
                requires_near=_words(r.get("requires_near"), sets),
                accept_list=bool(r.get("accept_in_list")),
                window=int(r.get("window", 100)),
                simple=not r,
                also=also_of.get(text, ()),
            )
            add(text, form)
            if not r and _HYPHENABLE.fullmatch(text):
                hyphenated.extend((variant, form) for variant in _hyphen_variants(text))
                number = _number_variant(text) if categories[name] != RESPONSIBILITY else None  # not verbs
                if number is not None:  # added last, as the hyphenated spellings: a written form wins
                    hyphenated.append((number, form))
        for phrase in s.get("not") or ():
            blocker = _Form(skill=None)
            add(str(phrase), blocker)
            if _HYPHENABLE.fullmatch(str(phrase)):
                hyphenated.extend((variant, blocker) for variant in _hyphen_variants(str(phrase)))
    for text, form in hyphenated:
        if _scan_copy(text.lower()) not in seen:
            add(text, form)
    domains = domain_skills()
    likened = data.get("likened") or {}
    unknown = domains - set(categories)
    if unknown:
        raise ValueError(f"skill_context.yaml: unknown domain skills {sorted(unknown)}")
    domain = [f.skill in domains for f in forms]
    return _Matcher(automaton(keys), forms, categories, implies, [f.skill for f in forms],
                    [f.simple and f.skill is not None and not d for f, d in zip(forms, domain, strict=True)],
                    domain, payloads, _words(data.get("comparison_suffixes"), sets),
                    frozenset(str(c) for c in data.get("comparison_categories") or ()),
                    _words(data.get("compound_suffixes"), sets),
                    frozenset(str(w) for w in data.get("glued_openers") or ()),
                    _words(likened.get("before"), sets), _words(likened.get("after"), sets),
                    frozenset(str(c) for c in likened.get("categories") or ()), _likened_field(likened),
                    frozenset(i for i, f in enumerate(forms) if f.also), frozenset(seen))


@functools.lru_cache(maxsize=1)
def _whole_forms() -> dict[str, str]:
    """Every skill's name and aliases, lower-cased -> the skill (for tags that are one form each)."""
    return {form.lower(): s.name for s in taxonomy() for form in (s.name, *s.aliases)}


def _form_implies(skill: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    """One skill's ``form_implies`` (skills.yaml): a form as written -> the other skills it names too."""
    return {str(k): tuple(str(x) for x in v) for k, v in (skill.get("form_implies") or {}).items()}


_GLUE = re.compile(r"[\s._-]+")


@functools.lru_cache(maxsize=1)
def _whole_also() -> dict[str, tuple[str, ...]]:
    """The forms that name a second skill too (skills.yaml ``form_implies``), without spaces, dots, hyphens
    and underscores, lower-cased -> those skills (a tag "QA-Automation" is the form "QA automation")."""
    return {_GLUE.sub("", form.lower()): also
            for s in _data()["skills"] for form, also in _form_implies(s).items()}


@functools.lru_cache(maxsize=1)
def _glued_forms() -> dict[str, str]:
    """Every form of five or more characters with its spaces, dots, hyphens and underscores dropped ->
    the skill, for a tag written as one token ("ActiveDirectory", "SpringBoot", "Node-JS"); a form whose
    glued spelling is another skill's is left out."""
    out: dict[str, str | None] = {}
    for form, skill in _whole_forms().items():
        key = _GLUE.sub("", form)
        if len(key) >= 5:
            out[key] = skill if out.get(key, skill) == skill else None
    return {k: v for k, v in out.items() if v is not None}


def is_skill_name(text: str) -> bool:
    """Whether ``text`` is exactly one skill's name or alias, in any case."""
    return " ".join(text.split()).lower() in _whole_forms()


def tag_skills(tags: str | None) -> list[str]:
    """Skills of a source's ``;``-separated technology tags (get in IT badges, No Fluff Jobs' main skill).

    A tag that is exactly a skill's name or alias, in any case, is that skill: the board filed it
    as a technology, so the rules for ambiguous words in prose ("rust", "go") do not apply. Other
    tags ("Artificial Intelligence (AI)", "Microsoft Azure DevOps") are read like text.
    """
    return list(_tag_skills(tags))


# a pure function of one short string; a board's tag lists repeat (real exports: 1,463 lists, 734 distinct)
@functools.lru_cache(maxsize=1 << 12)
def _tag_skills(tags: str | None) -> tuple[str, ...]:
    """:func:`tag_skills` as a tuple (cached: each caller gets its own list)."""
    found: set[str] = set()
    for tag in (tags or "").split(";"):
        found.update(_one_tag(" ".join(tag.split())))
    cats = _matcher().categories
    return tuple(sorted(s for s in found if cats[s] != RESPONSIBILITY))


# a pure function of one tag; the lists differ but their tags repeat (real exports: 5,331 tags, 699 distinct:
# a list's first reading finds most of its tags read before)
@functools.lru_cache(maxsize=1 << 13)
def _one_tag(tag: str) -> frozenset[str]:
    """The skills one tag of a list names (its spaces normalised), responsibilities still among them: what
    :func:`_tag_skills` adds for it (no tag's reading depends on another's)."""
    found: set[str] = set()
    whole = _whole_forms()
    implies = _matcher().implies
    if tag:
        skill = whole.get(tag.lower())
        if skill is None and tag.endswith(")") and " (" in tag:
            # a qualifier in brackets: "Windows (Desktop)", "Windows (Server)" name Windows; a qualifier
            # that names a platform counts too ("Shell Scripting (Linux)" -> Bash and Linux), not a
            # language ("React (JS)": React does not imply JavaScript)
            skill = whole.get(tag[: tag.index(" (")].lower())
            also = whole.get(tag[tag.index(" (") + 2 : -1].strip().lower())
            if skill is not None and also is not None and _matcher().categories[also] == "platform":
                found.add(also)
                found.update(implies.get(also, ()))
        if skill is None and " " not in tag:  # one token: perhaps a name written without its spaces
            skill = _glued_forms().get(_GLUE.sub("", tag.lower()))
        parts = tag.lower().split("/") if skill is None and "/" in tag else []
        if len(parts) > 1 and all(p.strip() in whole for p in parts):
            # skills joined by a slash, each a whole form ("c/c++": No Fluff Jobs files the card under both;
            # the lower-case "c" is no prose C; later-v131); a part that is no skill ("tcp/ip") reads as text
            for part in parts:
                one = whole[part.strip()]
                found.add(one)
                found.update(implies.get(one, ()))
        elif skill is None:
            found.update(extract_skills(tag)[0])
        else:
            found.add(skill)
            found.update(implies.get(skill, ()))
            # the form a tag is, also before a qualifier in brackets ("QA Automation (Web)")
            written = tag[: tag.index(" (")] if tag.endswith(")") and " (" in tag else tag
            found.update(_whole_also().get(_GLUE.sub("", written.lower()), ()))
    return frozenset(found)


def _scan_copy(low: str) -> str:
    """The text the automaton scans: ASCII, boundary punctuation as spaces, same length."""
    return _ascii(low).lower().translate(_TABLE).decode("ascii")


def _glued(orig: str, i: int) -> bool:
    """A capitalised word starts at ``i`` right after a letter: a lost line break ("PostgreSQLThis")."""
    return orig[i].isupper() and orig[i + 1].islower() and orig[i - 1].isalnum()


def _opener_at(orig: str, i: int, openers: frozenset[str]) -> bool:
    """The word starting at ``i`` is one of ``openers`` (words that open a sentence: "Wir", "Du", "We")."""
    j = i
    while j < len(orig) and j - i <= _OPENER_MAX and orig[j].isalpha():
        j += 1
    return orig[i:j] in openers


def _compound_at(low: str, i: int, suffixes: tuple[str, ...]) -> bool:
    """One of ``suffixes`` starts at ``i`` and ends the word: a German compound ("linuxbasierten")."""
    for suffix in suffixes:
        if low.startswith(suffix, i):
            after = i + len(suffix)
            if after >= len(low) or not (low[after].isalpha() or low[after] == "_"):
                return True
    return False


def _misspelt_word(orig: str, at: int) -> bool:
    """Whether the word that a capitalised part glued at ``at`` ends is a skill's name misspelt by one letter
    ("JavaScipt"): one word, not a name glued to the next one (fifty-eighth round)."""
    a = at
    while a > 0 and orig[a - 1].isalpha():
        a -= 1
    b = at
    while b < len(orig) and orig[b].isalpha():
        b += 1
    word = orig[a:b].lower()
    if len(word) < MIN_TYPO_CHARS or word in _whole_forms() or word in _glued_forms():
        return False  # a name written whole ("AzureDevOps") keeps its reading
    skill = _one_edit_from(word)
    # the misspelt name begins with the part read before the glue ("Java" of "JavaScipt")
    return skill is not None and _GLUE.sub("", skill.lower()).startswith(word[: at - a])


# the ASCII characters that are neither a letter nor "_": a key's next character among them ends the word
_NOT_WORD = frozenset(c for c in map(chr, range(128)) if not (c.isalpha() or c == "_"))


def _plan_of(payloads: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """Per automaton key (:attr:`_Matcher.payloads`: form index, key length, kind): (kind, form index, how far
    before the match's stop the hit starts), so :func:`_hits` does no arithmetic on a key's length."""
    plan: list[tuple[int, int, int]] = []
    for idx, klen, kind in payloads:
        # a padded key ends with a boundary, which is not the hit's; a glued-before key has none before it
        plan.append((kind, idx, klen if kind == _GLUED_BEFORE else klen - 1))
    return plan


@functools.lru_cache(maxsize=1)
def _hit_plan() -> list[tuple[int, int, int]]:
    """:func:`_plan_of` the taxonomy's matcher (twenty-third session, h23perf)."""
    return _plan_of(_matcher().payloads)


def _hits(
    low: str, orig: str, m: _Matcher, found: list[tuple[int, int, int]] | None = None
) -> list[tuple[int, int, int]]:
    """(start, stop, form index) of every form at word boundaries, overlaps resolved leftmost-longest.

    ``low`` is the scan copy (see :func:`_scan_copy`), so a boundary is a space or a
    punctuation mark kept in forms (``.`` ``/`` ``-`` ``&`` ``+`` ``#`` ``@``). A form glued
    to a following capitalised word still counts: LinkedIn dumps lost their line breaks (a short form
    of three letters too: "SQLErfahrung"; not one or two: "GoDaddy"). ``found``: the automaton's matches
    in ``low``, when they were found already (:func:`scan_skills_many`).

    Each match is read through :func:`_hit_plan`; a key's next character that is an ASCII mark or space (the
    scan copy's usual case) accepts it with one set look-up, and a German compound's suffixes are read only
    where one starts (``str.startswith`` with the tuple): the answers of the plain loop (tests/
    test_skills_hits_fast.py), about a tenth less time in the loop on the real exports (16.9 -> 15.6 µs a
    text; docs/performance.md).
    """
    raw: list[tuple[int, int, int]] = []  # (start, -stop, form): sorts leftmost-longest first
    add = raw.append
    plan = _hit_plan() if m is _matcher() else _plan_of(m.payloads)  # (a matcher built apart: its own)
    if found is None:
        found = m.automaton.find_matches_as_indexes(low, overlapping=True)
    compounds, not_word = m.compounds, _NOT_WORD
    for key, _start, stop in found:
        kind, idx, back = plan[key]
        if kind == _PADDED:
            add((stop - back, 1 - stop, idx))
            continue
        if kind == _PLAIN:
            nxt = low[stop]
            if nxt in not_word or not (nxt.isalpha() or nxt == "_") or (
                _glued(orig, stop) and not _misspelt_word(orig, stop)  # "JavaScipt" is no "Java" + word
            ) or (compounds and low.startswith(compounds, stop) and _compound_at(low, stop, compounds)):
                add((stop - back, -stop, idx))
        elif kind == _GLUED_ONLY:
            # an upper-case name before a word of three or more letters: "SQLErfahrung", "AWSInterest"; not a
            # product's camel case ("GitLabs", "ZigWay") nor a plural ("DSARs")
            start = stop - back
            word = orig[stop : stop + 3]
            if _glued(orig, stop) and (
                    (orig[start:stop].isupper() and word[2:].islower())
                    # a mixed-case name before the word opening the next sentence ("VueWir", "GitDu"; v50)
                    or (m.openers and orig[start].isupper() and _opener_at(orig, stop, m.openers))):
                add((start, -stop, idx))
        else:  # _GLUED_BEFORE
            start = stop - back
            nxt = low[stop]
            if (start > 0 and orig[start - 1].islower() and orig[start].isupper()
                    and (not (nxt.isalpha() or nxt == "_") or _glued(orig, stop))):
                add((start, -stop, idx))
    raw.sort()
    out: list[tuple[int, int, int]] = []
    last = -1
    for start, neg_stop, idx in raw:
        if start >= last:
            last = -neg_stop
            out.append((start, last, idx))
    return out


@functools.lru_cache(maxsize=1)
def _suspended() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A German suspended compound ("Datenanalyse, -modellierung und -visualisierung"): a word of five or
    more letters, then one or more suffixes written with a leading hyphen, each after a comma, a slash or
    one of skills.yaml's ``list_words``; and the pattern of one such suffix."""
    words = sorted((str(w).lower() for w in _data().get("list_words") or ()), key=len, reverse=True)
    joiners = "|".join(re.escape(w) for w in words)
    gap = rf"(?:\s*[,/]\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+)"
    one = rf"{gap}-([^\W\d_]{{3,}})\b"
    return re.compile(rf"\b([^\W\d_]{{5,}})((?:{one})+)", re.IGNORECASE), re.compile(one, re.IGNORECASE)


def _with_suspended(orig: str, m: _Matcher, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``hits`` and the forms that suspended compounds write with the first word's front part left out
    ("Datenanalyse und -modellierung" -> Datenmodellierung -> Data Modeling): the front part is the longest
    start of that word which, joined to the suffix, makes a whole form of the taxonomy; none, no hit."""
    chain, one = _suspended()
    added: list[tuple[int, int, int]] = []
    matches: dict[int, re.Match[str]] = {}
    for hint in _SUSPENDED_HINT.finditer(orig):  # read only around each hyphen: a long text stays fast
        lo = max(0, hint.start() - _SUSPENDED_REACH)
        for match in chain.finditer(orig, lo, hint.end() + _SUSPENDED_REACH):
            if match.start(2) <= hint.start() < match.end(2):
                matches.setdefault(match.start(), match)
    for match in matches.values():
        head = match.group(1)
        for part in one.finditer(orig, match.start(2), match.end(2)):
            suffix = part.group(1)
            if not suffix[0].islower():
                continue
            for cut in range(len(head) - 1, 2, -1):
                probe = f" {head[:cut]}{suffix} "
                found = _hits(_scan_copy(probe.lower()), probe, m)
                if len(found) == 1 and found[0][:2] == (1, len(probe) - 1) and m.skill_of[found[0][2]]:
                    added.append((part.start(1), part.end(1), found[0][2]))
                    break
    return _with_added(hits, added)


def _with_added(hits: list[tuple[int, int, int]], added: list[tuple[int, int, int]]
                ) -> list[tuple[int, int, int]]:
    """``hits`` and those of ``added`` that overlap none of them, in text order: a form the text writes whole
    wins over one a reading adds (a left-out compound part, a shared head, a list)."""
    if not added:
        return hits
    taken = [(a, b) for a, b, _ in hits]
    return sorted(hits + [h for h in added if not any(a < h[1] and h[0] < b for a, b in taken)])


@functools.lru_cache(maxsize=1)
def _back_suspended() -> re.Pattern[str]:
    """A German compound written with its back part left out ("Integrations- sowie Lasttests", "Daten-,
    Prozess- und Objektmodellierung"): words of three or more letters each ending in a hyphen, joined by a
    comma, a slash or one of skills.yaml's ``list_words``, then the word whose back part they share."""
    words = sorted((str(w).lower() for w in _data().get("list_words") or ()), key=len, reverse=True)
    joiners = "|".join(re.escape(w) for w in words)
    gap = rf"(?:\s*[,/]\s*(?:(?:{joiners})\s+)?|\s+(?:{joiners})\s+)"
    return re.compile(rf"\b((?:[^\W\d_]{{3,}}-{gap})+)([^\W\d_]{{3,}}(?:-[^\W\d_]{{3,}})*)\b", re.IGNORECASE)


# a hyphen after a letter, before a comma, a slash or a word: the hyphen first and the letter looked
# behind from it, so the search skips to each hyphen (a pattern opening with a lookbehind is tried at every
# character: 68-80 against 2 µs a posting on the real exports, the same matches; issue 10, h21perf3)
_BACK_SUSPENDED_HINT = re.compile(r"-(?<=[^\W\d_]-)(?=\s*[,/]|\s+\w)")
_FRONT_WORD = re.compile(r"[^\W\d_]{3,}(?=-)")


def _back_parts(word: str) -> list[str]:
    """The back parts a left-out compound may share with ``word``, longest first: the words after each of its
    hyphens ("Unit-Tests" -> "Tests"), and the ends of four or more letters of its last word ("Lasttests" ->
    "asttests" ... "ests")."""
    segments = word.split("-")
    out = ["-".join(segments[i:]) for i in range(1, len(segments))]
    last = segments[-1]
    out += [last[i:] for i in range(1, len(last) - 3)]
    return out


def _with_back_suspended(
    orig: str, m: _Matcher, hits: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """``hits`` and the forms that compounds with their back part left out write ("Integrations- sowie
    Lasttests" -> Integrationstests -> Integration Testing): each front word joined to the longest back part
    of the last word that makes, with it, a whole form of the taxonomy; none, no hit."""
    added: list[tuple[int, int, int]] = []
    seen: set[int] = set()
    for hint in _BACK_SUSPENDED_HINT.finditer(orig):  # read only around each such hyphen
        lo = max(0, hint.start() - _SUSPENDED_REACH)
        for match in _back_suspended().finditer(orig, lo, hint.end() + _SUSPENDED_REACH):
            if match.start() in seen or not match.start(1) <= hint.start() < match.end(1):
                continue
            seen.add(match.start())
            backs = _back_parts(match.group(2))
            for front in _FRONT_WORD.finditer(orig, match.start(1), match.end(1)):
                for back in backs:
                    word = f"{front.group()}{back.lower()}"
                    if _scan_copy(word.lower()) not in m.keys:
                        continue  # no form is this word: no hit can span it (the same answer, no scan)
                    probe = f" {word} "
                    found = _hits(_scan_copy(probe.lower()), probe, m)
                    if len(found) == 1 and found[0][:2] == (1, len(probe) - 1) and m.skill_of[found[0][2]]:
                        added.append((front.start(), front.end(), found[0][2]))
                        break
    return _with_added(hits, added)


@dataclass(frozen=True, slots=True)
class _HeadGroup:
    """One group of skills.yaml's ``shared_heads``: the head with a list of kinds in brackets after it
    ("tests (unit, integration)"), the heads, the shortest head, which every head holds ("test"), the
    categories whose skills a head and a kind may form, and how many kinds before the head must make
    a form."""

    after: re.Pattern[str]
    heads: frozenset[str]
    stem: str
    categories: frozenset[str]
    min_kinds: int


@functools.lru_cache(maxsize=1)
def _shared_heads() -> tuple[_HeadGroup, ...]:
    """skills.yaml's ``shared_heads``, read once (parsing the taxonomy costs about 40 ms; ``_head_form``
    runs for every new word listed before a head)."""
    item = r"[a-z][a-z0-9]*(?:-[a-z0-9]+)*(?: [a-z][a-z0-9]*(?:-[a-z0-9]+)*)?"
    sep = r"(?:[ \t]*,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]*/[ \t]*|[ \t]+(?:and|or|&)[ \t]+)"
    groups = []
    for data in _data().get("shared_heads") or ():
        heads = frozenset(str(h).lower() for h in data.get("heads") or ())
        if not heads:
            continue
        head = "|".join(re.escape(h) for h in sorted(heads, key=len, reverse=True))
        after = re.compile(rf"(?:{head})[ \t]*\([ \t]*({item}(?:{sep}{item}){{0,6}})[ \t]*\)", re.IGNORECASE)
        categories = frozenset(str(c) for c in data.get("categories") or ())
        least = int(data.get("min_kinds", 2))
        groups.append(_HeadGroup(after, heads, min(heads, key=len), categories, least))
    return tuple(groups)


_SHARED_SPLIT = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or|&)[ \t]+)?|/|[ \t]+(?:and|or|&)[ \t]+)[ \t]*", re.I)
# what joins two kinds in a list before the head, longest first ("unit, and e2e" before "unit, e2e")
_SHARED_SEPS = (", and ", ", or ", ", & ", " and ", " or ", " & ", " / ", ", ", "/", ",")
_SHARED_REACH = 160  # characters read after a head word for its kinds in brackets


def _kinds_before(low: str, at: int) -> list[tuple[int, int]]:
    """(start, end) of each word of the list right before the head word at ``at``, left to right: words
    joined by commas, slashes or "and" / "or" / "&" ("unit, integration, and end-to-end" before "tests");
    the list starts after the first word not joined so ("automated unit, integration" -> unit, integration).
    Read backwards from the head, so a text costs a few steps per head word."""
    j = at
    while j > 0 and low[j - 1] in " \t":
        j -= 1
    items: list[tuple[int, int]] = []
    while j < at and len(items) < 8:
        k = j
        while k > 0 and (low[k - 1].isalnum() or low[k - 1] == "-"):
            k -= 1
        if k == j or not low[k].isalpha():
            break
        items.append((k, j))
        sep = next((x for x in _SHARED_SEPS if low.endswith(x, 0, k)), None)
        if sep is None:
            break
        j = k - len(sep)
    return items[::-1]


def _with_shared_heads(
    orig: str, low: str, m: _Matcher, hits: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """``hits`` and the kinds that share one head word (skills.yaml ``shared_heads``): each word of a list
    before the head (two kinds at least for the tests head: "performance, maintainability, and testing" lists
    nouns, "testing" one of them; one for the security head, whose list must end in a kind: "network and
    infrastructure security", not "network, storage and security") or each item in brackets after it (one is
    enough: "testing (Integration/UAT)") that makes, with the head, a whole form of a skill of the group's
    categories (an item's last word when the whole item makes none: "visual regression" -> "regression"); an
    item that makes none names nothing. ``low``: ``orig`` in lower case, of the same length."""
    added: list[tuple[int, int, int]] = []
    for group in _shared_heads():
        added += _group_kinds(orig, low, group)
    if not added:
        return hits
    # the kind's reading wins over a hit it holds ("e2e" as the case-sensitive E2E, which the head explains)
    hits = [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b, _ in added)]
    return _with_added(hits, added)


_LIST_JOINERS = frozenset({"and", "or"})
_PAIR_JOINERS = frozenset({"and", "or", "&", "/"})


def _group_kinds(orig: str, low: str, group: _HeadGroup) -> list[tuple[int, int, int]]:
    """The kinds one group's heads name in the text (:func:`_with_shared_heads`)."""
    stem, heads, after = group.stem, group.heads, group.after
    # every head of the group holds its shortest ("test"): the lists are read only around it, so a long text
    # stays fast
    at = low.find(stem)
    added: list[tuple[int, int, int]] = []
    while at != -1:
        end = at + len(stem)
        while end < len(low) and low[end].isalpha():
            end += 1
        if (at == 0 or not low[at - 1].isalnum()) and low[at:end] in heads:  # a head word, not "latest"
            before = _kinds_before(low, at)
            # with one kind enough, the head must close a pair joined by "and" / "or" / "&" / "/" ("network
            # and infrastructure security"): a list of nouns whose last item is the head ("network, storage
            # and security") or a comma list ("applications, network, information security") names no kind
            if group.min_kinds >= 2 or (
                len(before) >= 2 and low[before[-1][0]:before[-1][1]] not in _LIST_JOINERS
                and low[before[-2][1]:before[-1][0]].strip(" \t,") in _PAIR_JOINERS
            ):
                kinds = [(a, b, idx) for a, b in before if (idx := _head_form(low[a:b], group)) is not None]
                if len(kinds) >= group.min_kinds:  # two words before the head either way (two kinds, a pair)
                    added += kinds
            if low[end : end + 3].lstrip(" \t").startswith("("):
                match = after.match(orig, at, at + _SHARED_REACH)
                if match:
                    a = match.start(1)
                    for part in _SHARED_SPLIT.split(match.group(1)):
                        a = orig.find(part, a)
                        word = part.rsplit(" ", 1)[-1]
                        idx = _head_form(part.lower(), group)
                        if idx is None and word != part:
                            idx = _head_form(word.lower(), group)
                            a += len(part) - len(word)
                            part = word
                        if idx is not None:
                            added.append((a, a + len(part), idx))
                        a += len(part)
        at = low.find(stem, end)
    return added


_PROVIDER_BRACKET = re.compile(r"[ \t]*\(([^()\n]{1,160})\)")
_PROVIDER_SPLIT = re.compile(r"[ \t]*(?:,|;|/|&|\band\b|\bor\b)[ \t]*", re.IGNORECASE)


@functools.lru_cache(maxsize=1)
def _provider_lists() -> dict[str, tuple[str, ...]]:
    """skills.yaml's ``provider_lists``: a provider's skill -> the prefixes its services are named with."""
    data = _data().get("provider_lists") or {}
    return {str(k): tuple(str(p) for p in v) for k, v in data.items()}


@functools.lru_cache(maxsize=1)
def _provider_forms() -> frozenset[int]:
    """The matcher's forms whose skill is a provider of skills.yaml's ``provider_lists`` (what
    :func:`_with_provider_lists` reads a bracket after)."""
    providers = _provider_lists()
    return frozenset(i for i, skill in enumerate(_matcher().skill_of) if providers.get(skill or ""))


def _with_provider_lists(
    orig: str, m: _Matcher, hits: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """``hits`` and the services a provider's bracket names without the provider's name (skills.yaml
    ``provider_lists``): "Azure (including serverless Functions, ServiceBus)" -> Azure Functions, Azure
    Service Bus, each at its item's words."""
    providers = _provider_lists()
    if m is _matcher() and _provider_forms().isdisjoint([idx for _, _, idx in hits]):
        return hits  # no provider's form among the hits (most texts; issue 10, h22perf1): nothing to add
    added: list[tuple[int, int, int]] = []
    for _start, stop, idx in hits:
        prefixes = providers.get(m.skill_of[idx] or "")
        if not prefixes:
            continue
        bracket = _PROVIDER_BRACKET.match(orig, stop)
        if bracket is None:
            continue
        pos = bracket.start(1)
        for item in _PROVIDER_SPLIT.split(bracket.group(1)):
            at = orig.find(item, pos) if item else -1
            if at == -1:
                continue
            pos = at + len(item)
            found = _provider_item(item.strip(" .:"), prefixes, m)
            if found is not None:
                words, form = found
                end = orig.rfind(words, at, pos + 1)
                if end != -1:
                    added.append((end, end + len(words), form))
    return _with_added(hits, added)


def _provider_item(item: str, prefixes: tuple[str, ...], m: _Matcher) -> tuple[str, int] | None:
    """(the item's last words, the form they make after one of ``prefixes``) - the longest such ending whose
    form has no rules of its own and is of a skill the words alone do not name; None if none."""
    words = item.split()
    if not words or len(words) > 6:
        return None
    for n in range(min(len(words), 3), 0, -1):
        tail = " ".join(words[-n:])
        if not tail[:1].isalpha() or is_skill_name(tail):
            continue
        for prefix in prefixes:
            name = f"{prefix} {tail}"
            glued = _glued_forms().get(_GLUE.sub("", name.lower()))
            for probe in (f" {name} ", f" {glued} " if glued else ""):
                if not probe:
                    continue
                found = _hits(_scan_copy(probe.lower()), probe, m)
                if len(found) == 1 and found[0][:2] == (1, len(probe) - 1) and m.forms[found[0][2]].simple \
                        and m.skill_of[found[0][2]] is not None:
                    return tail, found[0][2]
    return None


# Words that end a list of adjectives rather than continue it ("distributed, and our services ...").
_NOT_ADJECTIVES = ("our|the|a|an|we|they|their|your|its|it|to|in|on|of|with|for|is|are|was|be|by|from|at|"
                   "this|that|you|us|all")


@functools.lru_cache(maxsize=1)
def _adjective_lists() -> tuple[tuple[str, re.Pattern[str], int], ...]:
    """skills.yaml's ``adjective_lists``, read once: (adjective, the pattern of the rest of the list up to a
    head word, read right after the adjective in the lower-case text, the index of the form it counts as)."""
    m = _matcher()
    word = rf"(?!(?:{_NOT_ADJECTIVES})\b)(?:[a-z][a-z0-9]*(?:-[a-z0-9]+)*|\([^()\n]{{1,40}}\))"
    sep = r"(?:[ \t]*,[ \t]*(?:(?:and|or|&)[ \t]+)?|[ \t]+(?:and|or|&)[ \t]+)"
    out: list[tuple[str, re.Pattern[str], int]] = []
    for entry in _data().get("adjective_lists") or ():
        heads = "|".join(re.escape(str(h).lower()) for h in sorted(entry["heads"], key=len, reverse=True))
        probe = f" {str(entry['form']).lower()} "
        found = _hits(_scan_copy(probe), probe, m)
        if len(found) != 1 or found[0][:2] != (1, len(probe) - 1) or m.skill_of[found[0][2]] is None:
            raise ValueError(f"skills.yaml: adjective_lists: {entry['form']!r} is no whole form of a skill")
        # a separator, a second word, then up to five more words (or brackets) and a head word; or the entry's
        # `modifiers` before a head, one ("distributed microservices architecture") or a list of up to four
        # ("automated functional and cross-browser test suites", real-later-v58)
        listed = rf"{sep}{word}(?:(?:{sep}|[ \t]+){word}){{0,5}}?[ \t]+(?:{heads})(?![a-z0-9])"
        modifiers = "|".join(re.escape(str(w).lower())
                             for w in sorted(entry.get("modifiers") or (), key=len, reverse=True))
        if modifiers:
            one = rf"(?:{modifiers})(?![a-z0-9-])"
            listed += rf"|[ \t]+{one}(?:{sep}{one}){{0,3}}[ \t]+(?:{heads})(?![a-z0-9])"
        pattern = re.compile(listed)
        out.append((str(entry["adjective"]).lower(), pattern, found[0][2]))
    return tuple(out)


def _with_adjective_lists(
    low: str, m: _Matcher, hits: list[tuple[int, int, int]]
) -> list[tuple[int, int, int]]:
    """``hits`` and each adjective of skills.yaml's ``adjective_lists`` that opens a list of adjectives before
    one of its head words ("distributed, scalable, fault-tolerant systems" -> Distributed Systems), counted as
    its form ("distributed systems"); ``low``: the text in lower case, of the same length."""
    added: list[tuple[int, int, int]] = []
    for adjective, rest, idx in _adjective_lists():
        at = low.find(adjective)
        while at != -1:
            end = at + len(adjective)
            if (at == 0 or not low[at - 1].isalnum()) and rest.match(low, end):
                added.append((at, end, idx))
            at = low.find(adjective, end)
    return _with_added(hits, added)


@functools.lru_cache(maxsize=4096)
def _head_form(words: str, group: _HeadGroup | None = None) -> int | None:
    """The form that ``words`` (lower case) and one of the group's heads make as a whole (" unit testing "),
    of a skill of its categories and with no context rules of its own (a domain skill's department and team
    readings still hold where the kind is written: :func:`_scan`); None if none. ``group``: the first
    (the tests head) when not given."""
    m = _matcher()
    if group is None:
        groups = _shared_heads()
        if not groups:
            return None
        group = groups[0]
    for head in sorted(group.heads):
        probe = f" {words} {head} "
        found = _hits(_scan_copy(probe), probe, m)
        if len(found) == 1 and found[0][:2] == (1, len(probe) - 1):
            idx = found[0][2]
            skill = m.skill_of[idx]
            if skill is not None and m.categories[skill] in group.categories and m.forms[idx].simple:
                return idx
    return None


LIKENED_REACH = 60  # characters before a hit read for a likening ("we want to be the Stripe of ")


def _likened_field(likened: dict[str, Any]) -> re.Pattern[str] | None:
    """The end of a likening before a field ("be the Stripe of " + "IoT billing"): one of ``likened``'s
    ``before`` words, a capitalised name of one or two words (any product, in the taxonomy or not) and one of
    its ``after`` words, right before the hit."""
    before = "|".join(re.escape(str(w)) for w in likened.get("before") or ())
    after = "|".join(re.escape(str(w)) for w in likened.get("after") or ())
    if not before or not after:
        return None
    name = r"[A-Z][\w.-]*(?: [A-Z][\w.-]*)?"
    return re.compile(rf"(?i:{before}){name}(?:{after})$")


MARKET_CHARS = 60  # characters of a field named between "in the" and "space" ("in the <skill> space")
MARKET_REACH = 120  # characters before the opener read for its clause (a subject, a guard)
_MARKET_CLAUSE = re.compile(r"[.,;:!?\n(]")  # what ends the clause before a market's opener


@functools.lru_cache(maxsize=1)
def _market_space() -> tuple[re.Pattern[str], frozenset[str], int, re.Pattern[str] | None] | None:
    """skills.yaml's ``market_space``: (the field between an opener and a noun, the subjects, how many words
    before the opener may hold one, the guards), None when not configured."""
    cfg = _data().get("market_space") or {}
    openers = "|".join(re.escape(str(w).lower()) for w in cfg.get("openers") or ())
    nouns = "|".join(re.escape(str(w).lower()) for w in cfg.get("nouns") or ())
    if not openers or not nouns:
        return None
    # the opener nearest the noun (no other opener between: "the team in the <skill> space"); a dot inside a
    # name ("Node.js") is no sentence end
    char = rf"(?:(?!\b(?:{openers})\b)(?:[^.,;:!?\n]|\.(?=\w)))"
    field = re.compile(rf"\b(?:{openers}) ({char}{{1,{MARKET_CHARS}}}?) (?:{nouns})\b")
    guards = "|".join(re.escape(str(w).lower()) for w in cfg.get("guards") or ())
    return (field, frozenset(str(w).lower() for w in cfg.get("subjects") or ()), int(cfg.get("reach", 4)),
            re.compile(rf"\b(?:{guards})\b") if guards else None)


def _market_spans(low: str) -> list[tuple[int, int]]:
    """Where ``low`` names the market a company or its product sits in (skills.yaml ``market_space``; lead
    ruling, tenth session): the field of "a startup in the <field> space", "help us stand out in the <field>
    space" - the company's field, no skill asked."""
    cfg = _market_space()
    if cfg is None:
        return []
    field, subjects, reach, guards = cfg
    spans = []
    for found in field.finditer(low):
        lead = low[max(0, found.start() - MARKET_REACH) : found.start()]
        marks = list(_MARKET_CLAUSE.finditer(lead))
        clause = lead[marks[-1].end() :] if marks else lead
        words = [w.strip("\"'()[]") for w in clause.split()[-reach:]]
        if not subjects.intersection(words) or (guards is not None and guards.search(clause)):
            continue
        spans.append(found.span(1))
    return spans


def _outside_markets(low: str, hits: list[tuple[int, int, int]]) -> list[tuple[int, int, int]]:
    """``hits`` without those inside a company's market (:func:`_market_spans`)."""
    spans = _market_spans(low)
    if not spans:
        return hits
    return [h for h in hits if not any(a <= h[0] and h[1] <= b for a, b in spans)]


DEVICE_CHARS = 80  # characters of a device's bracket or dashed aside ("(Android 4.1, iOS 8 or higher)")
DEVICE_REACH = 50  # characters of the clause before the device read for `not_after`
_DEVICE_CLAUSE = re.compile(r"[.,;:!?\n(]")


@functools.lru_cache(maxsize=1)
def _device_lists() -> tuple[tuple[str, ...], re.Pattern[str], frozenset[str], re.Pattern[str] | None] | None:
    """skills.yaml's ``device_lists``: (the devices' words that hold no other one - a text holds a device's
    word exactly when it holds one of these: "phone" for "smartphone", "cell phones" ... -, the device with
    its aside - a bracket, or dashes up to the closing dash or the line's end -, the skills dropped there, the
    words that make the device a target of the work), None when not configured."""
    cfg = _data().get("device_lists") or {}
    devices = tuple(str(w).lower() for w in cfg.get("devices") or ())
    if not devices:
        return None
    # (19 words were 19 passes over each text, 23 µs a posting on the real exports; the 5 that hold no other
    # word answer the same; issue 10, h21perf3)
    gate = tuple(d for d in dict.fromkeys(devices) if not any(e != d and e in d for e in devices))
    names = "|".join(re.escape(w) for w in sorted(devices, key=len, reverse=True))
    aside = re.compile(rf"(?<!\w)(?:{names})\s*(?:\(([^()\n]{{1,{DEVICE_CHARS}}})\)|(?:--|—|–)"
                       rf"([^\n]{{1,{DEVICE_CHARS}}}?)(?:--|—|–|\n|$))", re.I)
    not_after = "|".join(re.escape(str(w).lower()) for w in cfg.get("not_after") or ())
    return (gate, aside, frozenset(str(w) for w in cfg.get("skills") or ()),
            re.compile(rf"(?<!\w)(?:{not_after})(?!\w)", re.I) if not_after else None)


@functools.lru_cache(maxsize=1)
def _device_reach() -> int:
    """The length of the longest device word of skills.yaml's ``device_lists`` (how far before one of its
    words a device's name may start)."""
    return max((len(str(w)) for w in (_data().get("device_lists") or {}).get("devices") or ()), default=0)


def _device_asides(
    orig: str, low: str, gate: tuple[str, ...], aside: re.Pattern[str]
) -> Iterator[re.Match[str]]:
    """The matches of ``aside.finditer(orig)``, tried only where a device's name can start (issue 10,
    h22perf1): every device word holds one of ``gate`` (:func:`_device_lists`), so a match starts at most
    :func:`_device_reach` characters before a place of one in ``low`` (the ASCII copy: a device word's ASCII
    letters are there in lower case), and ``aside.match`` at those places in order, each after the previous
    match's end, finds the same matches as the search from every character (which cost about 300 µs a text
    holding a device word on the real exports). A text holding one of ``ODD_FOLDS`` (characters ``re``
    matches to an ASCII letter in any case), or a gate word not in ASCII, is searched whole, as before."""
    if not all(g.isascii() for g in gate) or (not orig.isascii() and any(c in orig for c in ODD_FOLDS)):
        yield from aside.finditer(orig)
        return
    reach = _device_reach()
    starts: set[int] = set()
    for word in gate:
        at = low.find(word)
        while at != -1:
            starts.update(range(max(0, at + len(word) - reach), at + 1))
            at = low.find(word, at + 1)
    yield from matches_at(aside, orig, starts)


def _outside_devices(orig: str, low: str, m: _Matcher, hits: list[tuple[int, int, int]]
                     ) -> list[tuple[int, int, int]]:
    """``hits`` without the operating systems named as a device's ("a smartphone (Android 4.1, iOS 8 or
    higher)"; skills.yaml ``device_lists``)."""
    cfg = _device_lists()
    if cfg is None:
        return hits
    devices, aside, skills, not_after = cfg
    if not any(d in low for d in devices):  # (a cheap test first: few texts name a phone)
        return hits
    spans = []
    for found in _device_asides(orig, low, devices, aside):
        lead = orig[max(0, found.start() - DEVICE_REACH) : found.start()]
        marks = list(_DEVICE_CLAUSE.finditer(lead))
        clause = lead[marks[-1].end() :] if marks else lead
        if not_after is not None and not_after.search(clause):
            continue  # "native apps for phones (iOS and Android)": the devices the work targets
        spans.append(found.span(1) if found.group(1) is not None else found.span(2))
    if not spans:
        return hits
    return [h for h in hits
            if not (m.skill_of[h[2]] in skills and any(a <= h[0] and h[1] <= b for a, b in spans))]


@functools.lru_cache(maxsize=1)
def _list_gap() -> re.Pattern[str]:
    """List punctuation with at most one joining word of skills.yaml's ``list_words`` (any language)."""
    words = sorted((str(w).lower() for w in _data().get("list_words") or ()), key=len, reverse=True)
    joiners = "|".join(re.escape(w) for w in words)
    return re.compile(f"{_LIST_PUNCT}(?:(?:{joiners}){_LIST_PUNCT})?")


def _in_list(orig: str, a_start: int, a_stop: int, b_start: int, b_stop: int) -> bool:
    """True when only punctuation, a bullet or one joining word ("and", "ou", "oder") separates two hits."""
    gap = orig[a_stop:b_start]
    if len(gap) > 14:
        return False
    if "\n" in gap and not any(c in gap for c in "-*•,") and not _line_items(orig, gap, b_stop) \
            and not _lines_of_names(orig, a_start, gap, b_stop):
        return False
    return _list_gap().fullmatch(gap.lower()) is not None


def _lines_of_names(orig: str, a_start: int, gap: str, b_stop: int) -> bool:
    """A list written one bare name a line ("SQL\nRails\nTDD"; ninety-fourth round): the two hits are the
    whole of two neighbouring lines ("We use SQL\nRails apps" is no list: a line holds more than the name)."""
    if gap.strip(" \t") != "\n":
        return False
    line_start = orig.rfind("\n", 0, a_start) + 1
    line_end = orig.find("\n", b_stop)
    after = orig[b_stop : len(orig) if line_end < 0 else line_end]
    return not orig[line_start:a_start].strip() and not after.strip()


def _line_items(orig: str, gap: str, b_stop: int) -> bool:
    """A list written one name a line, each ended by ";" ("C++;\nLinux;\nOracle;"): both hits end their line
    ("We like Python;\nGo home early" is a sentence, not a list)."""
    return gap.lstrip(" ").startswith(";") and orig[b_stop : b_stop + 1] in (";", ".", ",", "\n")


def _outside_pitch(
    hits: list[tuple[int, int, int]], pitch: Sequence[tuple[int, int, bool]], shift: int, domain: list[bool]
) -> list[tuple[int, int, int]]:
    """The hits that are not the employer's: not in a roster, not a domain skill in a presentation."""
    kept: list[tuple[int, int, int]] = []
    spans = [(a + shift, b + shift, roster) for a, b, roster in pitch]
    k = 0
    for hit in hits:  # both in text order
        start, _stop, idx = hit
        while k < len(spans) and spans[k][1] <= start:
            k += 1
        if k < len(spans) and spans[k][0] <= start and (spans[k][2] or domain[idx]):
            continue
        kept.append(hit)
    return kept


MIN_TYPO_CHARS = 7  # a misspelt name is guessed only this long: not "meteor" (Meteor, not JMeter), "fastai"
# Splits a line into items at ``\s*(?:[,;/|()•]|\s(?:and|or|e|ou|und|oder|et|y|i)\s)\s*``, written to start
# with the one character every separator starts with (a mark or a space), so ``re`` rejects most positions
# at once instead of trying ``\s*`` and each alternative there: the same matches (a space run is read whole,
# then a mark or a joining word and a space; tests/test_skills_list_split.py), the split 1.8x faster
_LIST_ITEM_SPLIT = re.compile(
    r"[\s,;/|()•](?:(?<=[,;/|()•])|\s*(?:[,;/|()•]|(?:and|or|e|ou|und|oder|et|y|i)\s))\s*"
)
_SHORT_WORD = re.compile(r"(?:^|[\s.\-])[^\s.\-]{1,2}(?:$|[\s.\-])")


@functools.lru_cache(maxsize=1)
def _one_deletion_index() -> dict[str, str | None]:
    """Glued form less one letter -> skill, over one-word-like forms of MIN_TYPO_CHARS letters or more; None
    where two skills meet (no guess). Not the last two letters (an inflection: "informatics" is no
    Informatica), nor forms with a word of one or two letters ("Embedded C": "embedded" is a word), nor forms
    that count only beside given words and never for sitting in a list (``accept_*`` rules without
    ``accept_in_list``): a list item one letter away is no such name (German "funktional" is a word, not
    "functional" misspelt; later-v71)."""
    less: dict[str, str | None] = {}
    cats = _matcher().categories
    accepts = ("accept_if_preceded_by", "accept_if_followed_by", "accept_if_near")
    ruled = {str(form).lower() for s in _data()["skills"] for form, rule in (s.get("match") or {}).items()
             if isinstance(rule, dict) and not rule.get("accept_in_list")
             and any(rule.get(k) for k in accepts)}
    for form, skill in _whole_forms().items():
        key = _GLUE.sub("", form)
        if len(key) < MIN_TYPO_CHARS or not key.isalpha() or cats[skill] == RESPONSIBILITY or form in ruled:
            continue
        if _SHORT_WORD.search(form):
            continue
        for i in range(len(key) - 2):
            d = key[:i] + key[i + 1 :]
            less[d] = skill if less.get(d, skill) == skill else None
    return less


@functools.lru_cache(maxsize=1 << 14)  # a pure function of one short word; list items repeat across postings
def _one_edit_from(word: str) -> str | None:
    """The one skill whose glued form is one letter away from ``word`` (a letter missing, changed, or two
    swapped, before the last two), else None (symmetric deletions: the word and a form meet after one
    deletion each, or the word is a form less one letter). Not a letter too many: ordinary words are one
    letter more than short names ("testing", TestNG)."""
    less = _one_deletion_index()
    found: set[str | None] = {less[word]} if word in less else set()
    for i in range(len(word) - 2):
        d = word[:i] + word[i + 1 :]
        if d in less:
            found.add(less[d])
    return found.pop() if len(found) == 1 else None


def _misspelt_in_lists(orig: str, accepted: list[tuple[int, int, int]]) -> set[str]:
    """Skills misspelt by one letter among the items of a list of skills ("PHP, Laravel, Angula, Java";
    "(C#, EntityFramwork, Docker)"): a line holding two accepted skills is read as items; an item that is
    no form, one word of MIN_TYPO_CHARS letters or more, one letter away from exactly one skill's form."""
    out: set[str] = set()
    lines: dict[int, int] = {}
    for start, _stop, _idx in accepted:
        line = orig.rfind("\n", 0, start) + 1
        lines[line] = lines.get(line, 0) + 1
    whole = _whole_forms()
    for line, count in lines.items():
        if count < 2:
            continue
        end = orig.find("\n", line)
        for item in _LIST_ITEM_SPLIT.split(orig[line : end if end != -1 else len(orig)]):
            # most items are too short to be read: stripping shortens an item and lower() lengthens only
            # "İ" (to two characters), so an item shorter than MIN_TYPO_CHARS without one yields no word
            if len(item) < MIN_TYPO_CHARS and "\u0130" not in item:
                continue
            word = item.strip(" .:-*").lower()
            if len(word) >= MIN_TYPO_CHARS and word.isalpha() and word not in whole:
                skill = _one_edit_from(word)
                if skill is not None:
                    out.add(skill)
    return out


@dataclass(frozen=True, slots=True)
class Mention:
    """One hit of a skill's form in a posting: ``orig[start:stop]`` of :func:`skill_mentions`' text, and
    whether the rules count it (``status`` "counted"), dropped it as the employer's presentation
    ("pitch") or by the form's context rules ("rules")."""

    skill: str
    start: int
    stop: int
    status: str


# The text as :func:`_scan` reads it: (orig, escaped, ascii_low, scan copy); None for an empty text.
_Prepared = tuple[str, bool, bytes, str]


def _prepare(text: str, title: str) -> _Prepared | None:
    """(orig, escaped, ascii_low, scan): the text as scanned (the title, a line break and the text with a
    space on each side, Markdown escapes removed), whether an escape was removed, its ASCII copy in lower
    case (:func:`_ascii`) and the copy the automaton reads (:func:`_scan_copy`); None for an empty text."""
    body = f"{title}\n{text}" if title else (text or "")
    if not body:
        return None
    escaped = "\\" in body
    if escaped:
        body = _MD_ESCAPE.sub("", body)
    orig = f" {body} "
    # ASCII copy, one byte per character (others become "?"), so offsets match ``orig``
    ascii_low = _ascii(orig).lower()
    return orig, escaped, ascii_low, ascii_low.translate(_TABLE).decode("ascii")


def _scan(
    text: str,
    title: str,
    pitch: Sequence[tuple[int, int, bool]],
    prepared: _Prepared | None = None,
    found: list[tuple[int, int, int]] | None = None,
) -> tuple[str, list[tuple[int, int, int]], list[bool], list[tuple[int, int, int]], bytes] | None:
    """(orig, hits, counted, pitch_dropped, ascii_low): the text as scanned (the title, a line break and the
    text with a space on each side), the hits outside the employer's presentation, whether each counts (its
    form has no rules, or passed them, or sits in a list of skills), the hits the presentation dropped, and
    the text as ASCII in lower case (:func:`_ascii`); None for an empty text. ``prepared`` and ``found``:
    :func:`_prepare` of the text and the automaton's matches in its scan copy, when made already
    (:func:`scan_skills_many`)."""
    if prepared is None:
        prepared = _prepare(text, title)
        if prepared is None:
            return None
    orig, escaped, ascii_low, scan = prepared
    m = _matcher()
    low = ascii_low.decode("ascii")  # for the context rules
    hits = _hits(scan, orig, m, found)
    if _SUSPENDED_HINT.search(orig):
        hits = _with_suspended(orig, m, hits)
    if _BACK_SUSPENDED_HINT.search(orig):
        hits = _with_back_suspended(orig, m, hits)
    hits = _with_shared_heads(orig, low, m, hits)
    hits = _with_provider_lists(orig, m, hits)
    hits = _with_adjective_lists(low, m, hits)
    if " space" in low:  # (a cheap test first: few texts name a market space)
        hits = _outside_markets(low, hits)
    hits = _outside_devices(orig, low, m, hits)
    dropped: list[tuple[int, int, int]] = []
    if pitch and not escaped:  # the offsets of ``pitch`` hold in ``orig`` (no escape was removed)
        outside = _outside_pitch(hits, pitch, 1 + (len(title) + 1 if title else 0), m.domain)
        if len(outside) < len(hits):
            kept = set(outside)
            dropped = [h for h in hits if h not in kept]
        hits = outside
    forms, skill_of, simple, domain = m.forms, m.skill_of, m.simple, m.domain
    context: ContextWords | None = None  # department and team words of the text, at the first domain hit
    counted = [False] * len(hits)
    pending: list[int] = []  # hits of ambiguous forms that need a list of skills around them
    comparisons, categories = m.comparisons, m.categories
    for i, (start, stop, idx) in enumerate(hits):
        if comparisons and low.startswith(comparisons, stop) \
                and categories.get(skill_of[idx] or "") in m.compared:
            continue  # "a Datadog-like tool": the product is compared with it, not built on it
        if m.likened_before and low.startswith(m.likened_after, stop) \
                and low.endswith(m.likened_before, 0, start) \
                and categories.get(skill_of[idx] or "") in m.likened_categories:
            continue  # "we want to be the AWS of freight": the company likens itself to it, no tool used
        if m.likened_field is not None and low.endswith(m.likened_after, 0, start) \
                and m.likened_field.search(orig, max(0, start - LIKENED_REACH), start):
            continue  # "we are the AWS of Web 3.0": the field it likens itself in is its market, no demand
        if simple[idx]:
            counted[i] = True
        elif skill_of[idx] is not None:
            ok = forms[idx].check(low, orig, start, stop)
            if ok is not False and domain[idx]:
                if context is None:
                    context = ContextWords(orig)
                if among_non_skills(orig, start, stop, context):
                    ok = False  # "Marketing, Sales, QA, and Production"; "DevOps teams"; "a degree in math"
            if ok:
                counted[i] = True
            elif ok is None:
                pending.append(i)

    def counts(j: int) -> bool:
        return 0 <= j < len(hits) and counted[j]

    changed = bool(pending)
    while changed:  # list context: a neighbouring accepted skill makes it a list of skills
        changed = False
        for i in pending:
            start, stop, idx = hits[i]
            if counted[i]:
                continue
            if (counts(i - 1) and _in_list(orig, hits[i - 1][0], hits[i - 1][1], start, stop)) or (
                counts(i + 1) and _in_list(orig, start, stop, hits[i + 1][0], hits[i + 1][1])
            ):
                counted[i] = True
                changed = True
    return orig, hits, counted, dropped, ascii_low


def skill_mentions(
    text: str, title: str = "", pitch: Sequence[tuple[int, int, bool]] = ()
) -> tuple[str, list[Mention]]:
    """(orig, mentions): every hit of a skill's form (not of a responsibility) in the text as
    :func:`extract_skills` scans it, in text order, with what the rules made of it (:class:`Mention`).
    For the trained context check (etl/skill_judge.py) and its experiment; the extraction's
    skills are :func:`extract_skills`'."""
    scanned = _scan(text, title, pitch)
    if scanned is None:
        return "", []
    orig, hits, counted, dropped, _ = scanned
    m = _matcher()
    out = [Mention(m.skill_of[idx], a, b, "counted" if c else "rules")  # type: ignore[arg-type]
           for (a, b, idx), c in zip(hits, counted, strict=True) if m.skill_of[idx] is not None]
    out += [Mention(m.skill_of[idx], a, b, "pitch")  # type: ignore[arg-type]
            for a, b, idx in dropped if m.skill_of[idx] is not None]
    cats = m.categories
    return orig, sorted((x for x in out if cats[x.skill] != RESPONSIBILITY), key=lambda x: (x.start, x.stop))


@dataclass(slots=True)
class SkillScan:
    """A text scanned for skills, before a judge of the counted mentions (etl/skill_judge.py) has spoken:
    :func:`scan_skills` makes it, :func:`finish_skills` turns it and the judge's answers into the skills.
    ``mentions``: the counted mentions of skills (not responsibilities), what a judge reads; ``low``: the
    text as ASCII in lower case (:func:`_ascii`), which the judge reads too."""

    orig: str
    low: bytes
    hits: list[tuple[int, int, int]]
    counted: list[bool]
    mentions: list[Mention]


def scan_skills(text: str, title: str = "", pitch: Sequence[tuple[int, int, bool]] = ()) -> SkillScan | None:
    """The first half of :func:`extract_skills` with a judge (None for an empty text): the extraction scans a
    batch of postings, judges all their mentions at once (etl.skill_judge.judge_many) and finishes each."""
    return _skill_scan(_scan(text, title, pitch))


def scan_skills_many(
    calls: Sequence[tuple[str, str, Sequence[tuple[int, int, bool]]]],
) -> list[SkillScan | None]:
    """:func:`scan_skills` of each ``(text, title, pitch)``, the same answers: the automaton reads every text
    of the batch one after the other before the rules read its hits.

    Why: the automaton of every skill form is a DFA of about 23 MB; between two of its passes over a
    posting, the rest of the extraction (pitch spans, context rules, the skill check) pushes the states it
    reads out of the processor's caches, and a pass over a real description then cost 29-32 µs in the
    extraction against 14-19 µs when the passes run back to back (docs/performance.md)."""
    prepared = [_prepare(text, title) for text, title, _ in calls]
    find = _matcher().automaton.find_matches_as_indexes
    found = [None if p is None else find(p[3], overlapping=True) for p in prepared]
    return [
        None if p is None else _skill_scan(_scan(text, title, pitch, p, f))
        for (text, title, pitch), p, f in zip(calls, prepared, found, strict=True)
    ]


def _skill_scan(
    scanned: tuple[str, list[tuple[int, int, int]], list[bool], list[tuple[int, int, int]], bytes] | None,
) -> SkillScan | None:
    if scanned is None:
        return None
    orig, hits, counted, _, low = scanned
    m = _matcher()
    skill_of, cats = m.skill_of, m.categories
    mentions = [
        Mention(skill_of[idx], a, b, "counted")  # type: ignore[arg-type]
        for (a, b, idx), c in zip(hits, counted, strict=True)
        if c and cats[skill_of[idx]] != RESPONSIBILITY  # type: ignore[index]
    ]
    return SkillScan(orig, low, hits, counted, mentions)


def finish_skills(scan: SkillScan | None, verdicts: Sequence[bool] | None) -> tuple[list[str], list[str]]:
    """:func:`extract_skills`' answer from its scan and the judge's answer for each of ``scan.mentions``
    (None: no judge): a skill none of whose mentions is demand does not count (nor what it alone implies)."""
    if scan is None:
        return [], []
    orig, hits, counted = scan.orig, scan.hits, scan.counted
    m = _matcher()
    skill_of = m.skill_of
    found: set[str] = {skill_of[h[2]] for h, c in zip(hits, counted, strict=True) if c}  # type: ignore[misc]
    if verdicts is not None and scan.mentions:
        mentions = scan.mentions
        kept = {x.skill for x, ok in zip(mentions, verdicts, strict=True) if ok}
        found -= {x.skill for x in mentions} - kept
    if len(found) >= 2:
        found.update(_misspelt_in_lists(orig, [h for h, c in zip(hits, counted, strict=True) if c]))
    if m.also_forms:  # a form naming a second skill ("QA automation"), while its own skill counts
        forms = m.forms
        for h, c in zip(hits, counted, strict=True):
            if c and h[2] in m.also_forms and forms[h[2]].skill in found:
                found.update(forms[h[2]].also)
    for skill in list(found):
        found.update(m.implies.get(skill, ()))
    cats = m.categories
    skills = sorted(s for s in found if cats[s] != RESPONSIBILITY)
    duties = sorted(s for s in found if cats[s] == RESPONSIBILITY)
    return skills, duties


def extract_skills(
    text: str,
    title: str = "",
    pitch: Sequence[tuple[int, int, bool]] = (),
    judge: Callable[[str, list[Mention]], list[bool]] | None = None,
) -> tuple[list[str], list[str]]:
    """(skills, responsibilities) named in a posting: sorted, unique canonical names.

    ``text`` is the description as cleaned by :func:`etl.clean.to_text`. Raw text works
    too (tags, entities' punctuation, NBSP and Markdown escapes do not hide a skill), but
    only the cleaner maps "mathematical bold" letters to ASCII (NFKC). The title is
    searched as well. ``pitch``: the sentences of ``text`` that present the employer
    (:func:`etl.normalize.skill_context.pitch_spans`); the domain skills named there, and every skill
    of a roster of clients or partners, do not count. ``judge``: given the scanned text and the counted
    mentions of skills (not responsibilities), whether each is demand (etl/skill_judge.py); a
    skill none of whose mentions is demand does not count (nor what it alone implies).
    """
    if judge is None:
        scanned = _scan(text, title, pitch)
        if scanned is None:
            return [], []
        orig, hits, counted, _, low = scanned
        return finish_skills(SkillScan(orig, low, hits, counted, []), None)
    scan = scan_skills(text, title, pitch)
    if scan is None:
        return [], []
    return finish_skills(scan, judge(scan.orig, scan.mentions) if scan.mentions else None)
