"""Put a posting in a role family: software_engineering, data or other.

Why: sources are broader than their search terms (a "software engineer" search
returns Data Engineers, Design Verification Engineers and Lead Generation
Specialists), and the dashboard is about software developers. The family is
decided by the title, because the title is what the employer hires for; the
text only breaks ties when the title is ambiguous ("Senior Engineer",
"Architect", "QA Engineer") or missing.

Rules and the decisions behind them (ML engineers are data, SDETs are software,
design verification is other, ...) are data: etl/data/role_families.yaml, with one file
per other language in etl/data/role_families/ (a language's title words, added to the
English rules by rule key so each language keeps the same decisions and precedence, and its
cue words for the text tie-break, so a German text under "IT-Architekt" is read in German). A few cues
are matched as written (`text_cues_case_sensitive`: "UVM", not the German "uvm.", "and much more").
A "Research Scientist" is data only with a data word in the title or the text (`data_by_text`); a systems
engineer is software where the text names code, automation or infrastructure as code (`software_by_text`,
`real-test-later-v3` ruling 3), one such word enough; otherwise the text's tie-break decides, as for an open
title. An open "Solutions Engineer" (`software_by_text`'s `unless_other_titles`) is software by the same
words only where the text names no sales, trade or pre-sales word (`real-later-v94` ruling 1;
real-later-v128).
A posting that names several roles (a Hacker News comment's header cells) takes the family most of its roles
share, a tie going to the first-named role (`classify_roles_family`; lead's ruling 5 on real-later-v79).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from etl.yaml_data import load_yaml

ROLE_FAMILIES = ("software_engineering", "data", "other")
# title_family's answer for a title that is data only with a data word in the title or the text
# ("Research Scientist")
DATA_BY_TEXT = "data_by_text"
# title_family's answer for a title that is software only where the text names code, automation or
# infrastructure as code, else other ("Systems Engineer", real-later-v110)
SOFTWARE_BY_TEXT = "software_by_text"
TEXT_WINDOW = 2000
DATA = Path(__file__).resolve().parents[1] / "data" / "role_families.yaml"
LANGUAGE_DIR = DATA.with_suffix("")  # etl/data/role_families/<language>.yaml


@dataclass(frozen=True, slots=True)
class _Rules:
    rules: tuple[tuple[str, re.Pattern[str]], ...]
    ambiguous: re.Pattern[str]
    software_cues: tuple[bytes, ...]
    other_cues: tuple[bytes, ...]
    # cues matched as written, not lowered (``text_cues_case_sensitive``: "UVM", not the German "uvm.")
    software_exact: tuple[bytes, ...]
    other_exact: tuple[bytes, ...]
    min_software_cues: int
    data_by_text: re.Pattern[str]
    data_cues: tuple[bytes, ...]
    software_by_text: re.Pattern[str]
    software_by_text_cues: tuple[bytes, ...]
    # open titles software by the same words only where the text names no other cue (``unless_other_titles``)
    software_unless_other: re.Pattern[str] | None
    software_unless_cues: tuple[bytes, ...]


def _alternation(patterns: list[str]) -> re.Pattern[str]:
    """One regex for a list of fragments, whole words only, plural "s" allowed."""
    return re.compile(r"(?<![\w+#])(?:" + "|".join(patterns) + r")s?(?![\w+#])", re.I)


@cache
def _config() -> dict[str, Any]:
    """role_families.yaml, parsed once a process (read by _rules and _several_roles)."""
    with open(DATA, encoding="utf-8") as fh:
        return dict(load_yaml(fh))


@cache
def _rules() -> _Rules:
    cfg = _config()
    patterns = {r["key"]: list(r["patterns"]) for r in cfg["rules"]}
    ambiguous = list(cfg["ambiguous"])
    cues = {kind: list(words) for kind, words in cfg["text_cues"].items()}
    exact = {kind: [str(w).encode() for w in cfg.get("text_cues_case_sensitive", {}).get(kind, [])]
             for kind in cues}
    data_by_text = {part: list(items) for part, items in cfg["data_by_text"].items()}
    software_by_text = {part: list(items) for part, items in cfg["software_by_text"].items()}
    for path in sorted(LANGUAGE_DIR.glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            lang = load_yaml(fh)
        for key, extra in lang["rules"].items():
            if key not in patterns:
                raise ValueError(f"{path.name}: unknown rule key {key!r}; known: {', '.join(patterns)}")
            patterns[key].extend(extra)
        ambiguous.extend(lang.get("ambiguous", []))
        for kind, words in lang.get("text_cues", {}).items():
            if kind not in cues:
                raise ValueError(f"{path.name}: unknown text_cues kind {kind!r}; known: {', '.join(cues)}")
            cues[kind].extend(words)
        for part, items in lang.get("data_by_text", {}).items():
            if part not in data_by_text:
                raise ValueError(f"{path.name}: unknown data_by_text part {part!r}; known: titles, cues")
            data_by_text[part].extend(items)
        for part, items in lang.get("software_by_text", {}).items():
            if part not in software_by_text:
                raise ValueError(f"{path.name}: unknown software_by_text part {part!r}; known: "
                                 f"{', '.join(software_by_text)}")
            software_by_text[part].extend(items)
    rules = tuple((r["family"], _alternation(patterns[r["key"]])) for r in cfg["rules"])
    return _Rules(
        rules,
        _alternation(ambiguous),
        _words(cues["software"]),
        _words(cues["other"]),
        tuple(dict.fromkeys(exact["software"])),
        tuple(dict.fromkeys(exact["other"])),
        int(cfg["min_software_cues"]),
        _alternation(data_by_text["titles"]),
        _words(data_by_text["cues"]),
        _alternation(software_by_text["titles"]),
        _words(software_by_text["cues"]),
        _alternation(guarded) if (guarded := software_by_text.get("unless_other_titles")) else None,
        _words(software_by_text.get("unless_cues", [])),
    )


def _words(cues: list[str]) -> tuple[bytes, ...]:
    """Cue words as lowered bytes, each once, in file order."""
    return tuple(dict.fromkeys(str(w).lower().encode() for w in cues))


@lru_cache(maxsize=32768)
def title_family(title: str) -> str | None:
    """The family the title alone decides; None when the title is ambiguous (the text decides software or
    other); DATA_BY_TEXT when it is data only with a data word in the title or the text ("Research
    Scientist"); SOFTWARE_BY_TEXT when it is software where the text names code, automation or
    infrastructure as code, else left to the text's tie-break ("Systems Engineer")."""
    rules = _rules()
    # the explicit software rule (the first) outranks everything, a spaced-slash title's vote too
    # ("Data Analyst / Backend SWE" is software_engineering, real-later-v89 ruling 4)
    first = None if rules.rules[0][1].search(title) else _first_role_family(title)
    family = first or _rule_family(title)
    if family is not None:
        return family
    if rules.data_by_text.search(title):
        return DATA_BY_TEXT
    if rules.software_by_text.search(title):
        return SOFTWARE_BY_TEXT
    return None if rules.ambiguous.search(title) else "other"


@cache
def _first_role_separators() -> re.Pattern[str]:
    """``first_role.separators`` of role_families.yaml: a slash with a space beside it, joining two roles."""
    return re.compile(_config()["first_role"]["separators"])


def _rule_family(title: str) -> str | None:
    """The family of the first rule whose pattern matches ``title``; None when no rule matches."""
    return next((family for family, pattern in _rules().rules if pattern.search(title)), None)


def _first_role_family(title: str) -> str | None:
    """The family of a title joining roles by a spaced slash ("Junior DevOps / Machine Learning Engineer"):
    the family most of its parts share, a tie going to the first-named part's (as ``classify_roles_family``
    counts a posting's several roles), where a rule matches every part; None otherwise (no such slash, or a
    part no rule matches: a company, a place, a bare "Data", "IT Consultant"), leaving it to the rules."""
    parts = [p for p in (p.strip() for p in _first_role_separators().split(title)) if p]
    if len(parts) < 2:
        return None
    families = [_rule_family(p) for p in parts]
    if None in families:
        return None
    counts = Counter(families)
    most = max(counts.values())
    return next(family for family in families if family is not None and counts[family] == most)


def _has_word(text: bytes, word: bytes) -> bool:
    """``word`` occurs in ``text`` not glued to letters or digits (bytes.find: far faster than a regex)."""
    at = text.find(word)
    while at != -1:
        end = at + len(word)
        if (at == 0 or not text[at - 1 : at].isalnum()) and (
            end == len(text) or not text[end : end + 1].isalnum()
        ):
            return True
        at = text.find(word, at + 1)
    return False


# Every byte that is not an ASCII letter or digit (bytes.isalnum) becomes a space: the words left are
# the maximal alphanumeric runs, so an alphanumeric cue is "not glued" exactly when it is one of them.
_NOT_ALNUM = bytes(b if bytes([b]).isalnum() else 32 for b in range(256))


def _count(low: bytes, words: frozenset[bytes], cues: tuple[bytes, ...]) -> int:
    """How many ``cues`` occur in ``low`` as words (``words``: its alphanumeric runs)."""
    return sum(1 for cue in cues if (cue in words if cue.isalnum() else _has_word(low, cue)))


def _lowered_words(text: str) -> tuple[bytes, frozenset[bytes]]:
    """The start of ``text`` lowered (ASCII-only: ~5x faster) and its alphanumeric runs."""
    low = text[:TEXT_WINDOW].encode("utf-8", "ignore").lower()
    # One split instead of a bytes.find pass per cue (60+ cues: ~5x faster on 2,000 characters).
    return low, frozenset(low.translate(_NOT_ALNUM).split())


def has_data_word(title: str, text: str | None) -> bool:
    """Whether the title or the start of the text names data work (``data_by_text`` cues)."""
    cues = _rules().data_cues
    for part in (title, text or ""):
        low, words = _lowered_words(part)
        if _count(low, words, cues):
            return True
    return False


def names_software_work(text: str | None) -> bool:
    """Whether the start of the text names code, automation or infrastructure as code (``software_by_text``
    cues): what makes a systems engineer software (`real-test-later-v3` ruling 3)."""
    low, words = _lowered_words(text or "")
    return _count(low, words, _rules().software_by_text_cues) > 0


def _names_other_work(text: str | None) -> bool:
    """Whether the start of the text names one of the tie-break's other cues (sales, a physical trade) or of
    ``software_by_text``'s ``unless_cues`` (a pre-sales engineer's demos and code samples)."""
    rules = _rules()
    low, words = _lowered_words(text or "")
    return (_count(low, words, rules.other_cues) + _count(low, words, rules.software_unless_cues)
            + _exact_count(text or "", rules.other_exact)) > 0


def _software_unless_other(title: str, text: str | None) -> bool:
    """An open title of ``software_by_text``'s ``unless_other_titles`` ("Solutions Engineer") whose text
    names code, automation or infrastructure as code and no sales, physical-trade or pre-sales cue: software
    (`real-later-v94` ruling 1, the lead's ruling 4 on `real-later-v105`; real-later-v128)."""
    guarded = _rules().software_unless_other
    return (guarded is not None and guarded.search(title) is not None and names_software_work(text)
            and not _names_other_work(text))


def _exact_count(text: str, cues: tuple[bytes, ...]) -> int:
    """How many case-sensitive ``cues`` occur as words in the start of ``text`` as written."""
    if not cues:
        return 0
    raw = text[:TEXT_WINDOW].encode("utf-8", "ignore")
    return _count(raw, frozenset(raw.translate(_NOT_ALNUM).split()), cues)


@cache
def _no_title_cues() -> tuple[bytes, ...]:
    """``no_title_software_cues`` of role_families.yaml: software cues of a text read under no title (a
    comment naming no role inviting people to its "engineering teams": `real-later-v118` class E,
    real-later-v123)."""
    return _words(list(_config().get("no_title_software_cues", [])))


def text_family(text: str, no_title: bool = False) -> str:
    """Tie-break on the start of the text: software_engineering or other; ``no_title``: the text is read
    under no title at all, its ``no_title_software_cues`` counted too."""
    rules = _rules()
    low, words = _lowered_words(text)
    software = _count(low, words, rules.software_cues) + _exact_count(text, rules.software_exact)
    if no_title:
        software += _count(low, words, _no_title_cues())
    if software < rules.min_software_cues:
        return "other"
    other = _count(low, words, rules.other_cues) + _exact_count(text, rules.other_exact)
    if software >= rules.min_software_cues and software > other:
        return "software_engineering"
    return "other"


def _clean(title: str) -> str:
    """NFC, single spaces: a decomposed "é" (e + combining accent) must match the accented patterns."""
    return unicodedata.normalize("NFC", " ".join(title.split()))


def classify_role_family(title: str | None, text: str | None = None) -> str:
    """One of ROLE_FAMILIES, from the title; the text decides only ambiguous or missing titles."""
    if isinstance(title, str) and title.strip():
        clean = _clean(title)
        family = title_family(clean)
        if family == DATA_BY_TEXT:
            return "data" if has_data_word(clean, text) else "other"
        if family == SOFTWARE_BY_TEXT:
            # one code, automation or infrastructure-as-code word is enough; else the text's tie-break, as for
            # any open title (its general software words already read most coding texts software)
            return "software_engineering" if names_software_work(text) else text_family(text or "")
        if family is not None:
            return family
        if _software_unless_other(clean, text):
            return "software_engineering"
    if isinstance(text, str) and text:
        return text_family(text, no_title=not (isinstance(title, str) and title.strip()))
    return "other"


@cache
def _technology_cell() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``technology_heading`` of role_families.yaml: its joiners and one technology name, matched whole."""
    cfg = _config()["technology_heading"]
    names = "|".join(str(n) for n in cfg["names"])
    return re.compile(str(cfg["joiners"]), re.I), re.compile(rf"(?:{names})", re.I)


def technology_cell(cell: str) -> bool:
    """Whether a header cell names technologies alone ("Ruby on Rails", "<framework> / <framework>"): one or
    more ``technology_heading`` names joined by its joiners, nothing else (`real-later-v109` class C,
    real-later-v123)."""
    joiners, name = _technology_cell()
    items = [i.strip(" .:;()") for i in joiners.split(cell.strip())]
    return bool(items) and all(i and name.fullmatch(i) for i in items)


@cache
def _several_roles() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``several_roles`` of role_families.yaml: the separators of a cell listing roles, the cells that name
    no job (a bare level, "& more"), an item of a list of roles, and the role noun a list's bare field words
    share ("SRE, Data, and Backend Engineers")."""
    cfg = _config()["several_roles"]
    # a director, head or VP of a department ("Director of Engineering") is a list item too (real-later-v101),
    # and so is a department named beside roles ("Software Engineering, Marketing, Sales": real-later-v109)
    item = (rf"(?:{cfg['list_item']})|(?:[\w.+#/-]+ ){{0,2}}(?:{cfg['department_head']})"
            rf"|(?:[\w.+#/-]+ ){{0,2}}(?:{cfg['department']})")
    return (re.compile(cfg["separators"]), re.compile("(?:" + "|".join(cfg["no_role"]) + ")", re.I),
            re.compile(item, re.I), re.compile(r"\b" + cfg["head_noun"] + r"$", re.I))


@cache
def _cell_shapes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """``several_roles`` of role_families.yaml: a department head ("Director of Engineering", which keeps its
    own noun in a list) and a header cell of prose run on from the header (a dozen words or more, one a
    sentence word), which names no role (real-later-v101)."""
    cfg = _config()["several_roles"]
    # a department named as a list item keeps its own words too ("Marketing", not "Marketing Engineers":
    # real-later-v109)
    own = r"\b(?:" + cfg["department_head"] + "|" + cfg["department"] + r")$"
    return re.compile(own, re.I), re.compile(cfg["prose"], re.I)


@cache
def _department_item() -> re.Pattern[str]:
    """``several_roles.department`` as a whole list item, up to two words before it ("Software Engineering",
    "Non-Engineering", "Marketing")."""
    return re.compile(rf"(?:[\w.+#/-]+ ){{0,2}}(?:{_config()['several_roles']['department']})", re.I)


# a role and its bracket in a cell listing roles ("Software Engineers (Backend, Fullstack)", "Backend Engineer
# (Go, Postgres)"); the role is the text since the last separator, empty where the bracket opens the cell
_ROLE_BRACKET = re.compile(r"([^,;()]*?)\s*\(([^()]*)\)")


def _bracket_kinds(match: re.Match[str]) -> str:
    """A role's bracket in a listing cell read (real-later-v101): kinds of the role when every item is a list
    item or closes on a role noun ("Software Engineers (Backend, Fullstack)" -> "Backend Software Engineers,
    Fullstack Software Engineers", lead's ruling 4 on real-later-v95), else dropped (a stack or place:
    "Backend Engineer (Go, Postgres)" -> "Backend Engineer")."""
    separators, _, item, head_noun = _several_roles()
    department = _cell_shapes()[0]
    role = match.group(1).strip()
    kinds = [k for k in (_LIST_JOIN.sub("", k.strip(" .:-!")) for k in separators.split(match.group(2))) if k]
    # a kind is a list item or any words closing on a role noun ("Frontend Web App Developers")
    if not role or len(kinds) < 2 or not all(item.fullmatch(k) or head_noun.search(k) for k in kinds):
        return match.group(1).rstrip()
    lead = match.group(1)[: len(match.group(1)) - len(match.group(1).lstrip())]  # the space after a separator
    own = [k if head_noun.search(k) or department.search(k) else f"{k} {role}" for k in kinds]
    return lead + ", ".join(own)


_LIST_JOIN = re.compile(r"^(?:and|&|or)\s+", re.I)


def _listed_roles(cell: str) -> list[str] | None:
    """The roles a cell lists ("SRE, Data, Backend, and Solutions Engineers" -> "SRE Engineers", "Data
    Engineers", "Backend Engineers", "Solutions Engineers"), or None when an item is no role (a technology,
    a place: "Full Stack Developer - Go, Vue, SQL"): a bare field word takes the closing item's role noun. An
    item naming no job (``no_role``: "and more!", "other non-tech roles available too") is left out, not a
    reason to void the list (real-later-v105)."""
    separators, no_role, item, head_noun = _several_roles()
    items = [_LIST_JOIN.sub("", i.strip(" .:-!()")) for i in separators.split(cell)]
    items = [i for i in items if i]
    if len(items) < 2:
        return None
    # an item naming no job of its own ("and more!", "other non-tech roles too") is no role, as a whole cell
    # of that shape is not: it no longer voids the list it closes (real-later-v105)
    items = [i for i in items if not no_role.fullmatch(i)]
    if not items or not all(item.fullmatch(i) for i in items):
        return None
    head = head_noun.search(items[-1])
    if head is None:
        return items
    noun = head.group(0)
    department = _cell_shapes()[0]
    return [i if head_noun.search(i) or department.search(i) else f"{i} {noun}" for i in items]


def _named_roles(roles: Sequence[str]) -> list[str]:
    """The roles a posting names, in order, each cell one role, or the roles a cell lists when every item of
    the list is a role (``_listed_roles``), without the cells that name no job of their own ("Lead",
    "Interns", "& more"); none when a cell lists anything else beside roles: such a cell also holds
    technologies and places ("Full Stack Developer - Python, React, SQL"), so its roles cannot be counted and
    the posting is left to its title. A listing cell's brackets are read first (``_bracket_kinds``: a summary
    role's kinds, else dropped as a stack or place), and a cell of prose run on from the header names no role
    (real-later-v101)."""
    separators, no_role, _, _ = _several_roles()
    named: list[str] = []
    prose = _cell_shapes()[1]
    cells: list[str] = []
    for cell in roles:  # a cell opening on a bracket was split off its role ("Engineers" | "(Backend, ...)")
        if cells and cell.lstrip().startswith("("):
            cells[-1] = f"{cells[-1]} {cell.strip()}"
        else:
            cells.append(cell)
    for cell in cells:
        if prose.match(cell):
            continue
        if separators.search(cell):
            # a bracket opening the first cell ("(Go, SQL), Designers") leaves "Designers"
            cell = _ROLE_BRACKET.sub(_bracket_kinds, cell).strip(" ,;")
        if separators.search(cell):
            listed = _listed_roles(cell)
            if listed is None:
                return []
            named.extend(listed)
        else:
            named.append(cell)
    return [cell for cell in (c.strip(" .:-!()") for c in named) if cell and not no_role.fullmatch(cell)]


def classify_roles_family(roles: Sequence[str] | None, title: str | None, text: str | None = None,
                          heading: str | None = None, said: Sequence[str] | None = None) -> str:
    """The family of a posting that names ``roles`` (a Hacker News comment's header roles, in order): the
    family most of them share, a tie going to the family of the first-named role among the tied (lead's ruling
    5 on real-later-v79: "Data Scientist and Android SWE positions" is data, "Production Engineers | ML
    Engineers | Software Engineers | Android" software_engineering). Each role is read as a title, the text
    breaking its ties; fewer than two roles (or none: another source, a comment whose roles are listed in its
    body) leave the family to ``title``. ``heading``: a comment's header cell of technologies alone
    (:func:`etl.normalize.hn_comment.technology_heading`), which makes a comment naming no role and read under
    no title a developer's post, or its header cell of areas alone (:func:`area_cell_family`), whose areas
    vote where ``said`` casts no vote (lead's ruling 2 on `real-later-v125`). ``said``: the roles a comment
    naming no role (none in its header, none its body lists) names in its hiring sentence(s)
    (:func:`etl.normalize.hn_comment.hiring_sentence_roles`):
    they vote as a body list does where the comment is read under no title, one voting role deciding alone
    (lead's ruling on `real-later-v101` class D); a bare engineer, the only role they name, votes by the
    text's tie-break, the stack it names counting (lead's ruling 3 on `real-later-v125`)."""
    parts = _named_roles(roles or ())
    if not parts and not (title or "").strip() and heading and technology_cell(heading):
        # a comment naming no role under a header cell of technologies alone is a developer's post
        # (`real-later-v109` class C, ruled; coded on its second labelled record, real-later-v123)
        return "software_engineering"
    if not parts and not (title or "").strip() and said:
        voted = _votes(said, text)
        if voted:
            tally = Counter(voted)
            top = max(tally.values())
            return next(family for family in voted if tally[family] == top)
        if len(said) == 1 and _bare_engineer().fullmatch(_clean(said[0])) and _stack_or_software(text):
            # a bare engineer, the only role the hiring sentence names, votes by the text's tie-break, the
            # stack it names counting (lead's ruling 3 on `real-later-v125`, h26rolehn)
            return "software_engineering"
    if not parts and not (title or "").strip() and heading:
        # a header cell of areas only under no role anywhere: the areas' families (lead's ruling 2 on
        # `real-later-v125`, h26rolehn)
        area = area_cell_family(heading)
        if area is not None:
            return area
    if len(parts) < 2:
        return classify_role_family(title, text)
    # a role whose title leaves the family open ("Engineers", "Lead Engineer") casts no vote: the comment's
    # one text, shared by every role, cannot break its tie; nor can it say what a systems engineer among them
    # automates (SOFTWARE_BY_TEXT: the other roles' code words would decide it, real-later-v110); a
    # performance engineer votes software where the text's tie-break does (`several_roles.votes_by_text`)
    families = _votes(parts, text)
    if len(families) < 2:
        # a header naming departments only ("Engineering & Non-Engineering Roles"), one of them voting (a bare
        # "Engineering" casts none), whose one-title reading is open: the one vote decides (lead's ruling 1 on
        # h25rolehn (b): "Non-Engineering" is a business department, other)
        if (len(families) == 1 and all(_department_item().fullmatch(p) for p in parts)
                and title_family(_clean(title or "")) is None):
            return families[0]
        return classify_role_family(title, text)
    counts = Counter(families)
    most = max(counts.values())
    return next(family for family in families if counts[family] == most)


def _votes(roles: Sequence[str], text: str | None) -> list[str]:
    """The families ``roles`` vote for, in order: each role whose title decides a family, read as a title
    with the ``text``; a role of ``several_roles.votes_by_text`` ("Performance Engineer") software where the
    text's tie-break reads software (lead's ruling 1 on `real-later-v125`, h26rolehn); no vote for the
    others (an open title, a systems engineer)."""
    voted: list[str] = []
    software_text: bool | None = None
    for role in roles:
        clean = _clean(role)
        family = title_family(clean)
        if family not in (None, SOFTWARE_BY_TEXT):
            voted.append(classify_role_family(role, text))
        elif family is None and _votes_by_text().fullmatch(clean):
            if software_text is None:
                software_text = text_family(text or "") == "software_engineering"
            if software_text:
                voted.append("software_engineering")
    return voted


@cache
def _votes_by_text() -> re.Pattern[str]:
    """``several_roles.votes_by_text`` of role_families.yaml, matched whole."""
    return re.compile(str(_config()["several_roles"]["votes_by_text"]), re.I)


@cache
def _bare_engineer() -> re.Pattern[str]:
    """``hiring_sentence.bare_engineer`` of role_families.yaml: an engineer named with no area word, matched
    whole."""
    return re.compile(str(_config()["hiring_sentence"]["bare_engineer"]), re.I)


@cache
def _stack_words() -> tuple[bytes, ...]:
    """``hiring_sentence.stack`` of role_families.yaml: the languages and frameworks a text names as a
    bare engineer's stack."""
    return _words(list(_config()["hiring_sentence"]["stack"]))


def _stack_or_software(text: str | None) -> bool:
    """Whether the text's tie-break (read under no title) says software, or the text names a language or
    framework of ``hiring_sentence.stack``: a bare engineer's vote (lead's ruling 3 on `real-later-v125`)."""
    if not text:
        return False
    low, words = _lowered_words(text)
    if _count(low, words, _stack_words()):
        return True
    return text_family(text, no_title=True) == "software_engineering"


@cache
def _area_heading() -> tuple[re.Pattern[str], dict[str, str]]:
    """``area_heading`` of role_families.yaml: its joiners and each area's family (lowered, spaces single)."""
    cfg = _config()["area_heading"]
    areas = {" ".join(str(a).lower().split()): family for family, names in cfg["areas"].items()
             for a in names}
    return re.compile(str(cfg["joiners"]), re.I), areas


def area_cell_family(cell: str) -> str | None:
    """The family of a header cell naming areas only ("<area> / <area>", "<area>, <area>, <area>": two or
    more items, each an ``area_heading`` area or a ``several_roles.department`` item), the family most of its
    voting areas share, a tie to the first-named (a bare "Engineering" casts no vote); None where the cell is
    no such cell or no area votes (lead's ruling 2 on `real-later-v125`, h26rolehn)."""
    joiners, areas = _area_heading()
    items = [" ".join(i.strip(" .:;()!").split()) for i in joiners.split(cell.strip())]
    if len(items) < 2 or not all(items):
        return None
    voted: list[str] = []
    for item in items:
        family = areas.get(item.lower())
        if family is None:
            if not _department_item().fullmatch(item):
                return None
            family = title_family(_clean(item))
            if family in (None, SOFTWARE_BY_TEXT, DATA_BY_TEXT):
                continue  # a bare "Engineering": no vote
        voted.append(family)
    if not voted:
        return None
    tally = Counter(voted)
    top = max(tally.values())
    return next(family for family in voted if tally[family] == top)


@cache
def _opening_phrase() -> re.Pattern[str]:
    """``hiring_sentence.phrases`` and ``opening_phrases`` of role_families.yaml: the hiring phrases of the
    opening line of a comment with no header (`real-later-v109` class B, h26rolehn)."""
    conf = _config()["hiring_sentence"]
    return re.compile("|".join(f"(?:{p})" for p in [*conf["phrases"], *conf["opening_phrases"]]), re.I)


@cache
def _hiring_sentence() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """``hiring_sentence`` of role_families.yaml: its hiring phrase, its list's end, a role noun, a data
    object."""
    from etl.normalize.seniority import ROLE_NOUNS

    conf = _config()["hiring_sentence"]
    nouns = "|".join([ROLE_NOUNS.replace("|role|position|opportunity", ""),
                      *(re.escape(str(n)) for n in conf.get("role_nouns", []))])
    objects = "|".join(re.escape(str(o)) for o in conf["data_objects"])
    verbs = "|".join(re.escape(str(v)) for v in conf["data_object_verbs"])
    return (re.compile("|".join(f"(?:{p})" for p in conf["phrases"]), re.I), re.compile(conf["ends"], re.I),
            re.compile(rf"\b(?:{nouns})s?\b", re.I),
            re.compile(rf"\b(?:{verbs})\b[^.;]*?\b(?:{objects})\b", re.I))


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n")
_ITEM_SPLIT = re.compile(r"\s*[,/&|]\s*(?:and\s+|or\s+)?|\s+(?:and|or)\s+", re.I)
_BARE_ENGINEER = re.compile(r"\bengineers?$", re.I)
_BULLETED = re.compile(r"\s*(?:[-*•·+]|\d{1,2}[.)])\s")


@cache
def _subjectless_phrase() -> re.Pattern[str]:
    """``hiring_sentence.subjectless_phrases`` of role_families.yaml: "Hiring" / "Looking for" opening a
    sentence or a line (the lead's ruling 3 on `real-later-v134`, h26rolehn3)."""
    return re.compile("|".join(f"(?:{p})" for p in _config()["hiring_sentence"]["subjectless_phrases"]), re.I)


@cache
def _first_line_phrase() -> re.Pattern[str]:
    """``hiring_sentence.opening_phrases`` alone: read in the first text line under a header of a comment
    naming no role (the lead's ruling 3 on `real-later-v134`, h26rolehn3)."""
    return re.compile("|".join(f"(?:{p})" for p in _config()["hiring_sentence"]["opening_phrases"]), re.I)


def _ruled(item: str) -> bool:
    """Whether a title rule decides the family of ``item`` (not the fall-through "other" of a word no rule
    knows: "managers", "intern age 16"), or it is a bare engineer (ruling 3 on `real-later-v125`)."""
    clean = _clean(item)
    return _rule_family(clean) is not None or bool(_bare_engineer().fullmatch(clean))


def hiring_sentence_roles(lines: Sequence[str], opening: str | None = None,
                          first: str | None = None) -> tuple[str, ...]:
    """The roles a comment's hiring sentence(s) name, in order, each once ("We're hiring <role>, <role> and
    <role> to ..."): the items after a hiring phrase holding a role noun, a bare "engineer(s)" followed in its
    sentence by a data object read as a data engineer (lead's ruling on `real-later-v101` class D,
    ``hiring_sentence`` of role_families.yaml). ``opening``: the opening line of a comment with no header,
    read first, with ``opening_phrases`` too ("<name> is looking for a <role>": `real-later-v109` class B).
    ``first``: the first text line under a header of a comment naming no role, read first with
    ``opening_phrases`` alone, only where its sentence names one role a title rule decides; a subjectless
    "Hiring" / "Looking for" opening a sentence (``subjectless_phrases``) is read in every line, its items
    voting only where a title rule decides them, a clause joined by "|" not read (the lead's ruling 3 on
    `real-later-v134`, narrowed by what moved). What :func:`classify_roles_family` votes on as ``said``."""
    phrase, ends, noun, data_object = _hiring_sentence()
    roles: list[str] = []
    seen: set[str] = set()
    read = [(line, phrase, False) for line in lines]
    if opening:
        read.insert(0, (opening, _opening_phrase(), False))
    if first:
        read.insert(0, (first, _first_line_phrase(), True))
    subjectless = _subjectless_phrase()
    for line, phrases, one in read:
        if _BULLETED.match(line):
            continue  # a list item's own text ("- Designer" / "- We're looking for a designer who ...") is no
            # hiring sentence of the comment: its list is read (or not) by the list rules (2017-11 #213)
        for sentence in _SENTENCE_END.split(line):
            hired = phrases.search(sentence)
            narrow = one
            if hired is None and not one:
                hired = subjectless.search(sentence)
                narrow = True
            if hired is None:
                continue
            rest = sentence[hired.end():]
            end = ends.search(rest)
            clause = rest[: end.start()] if end else rest
            after = rest[end.start():] if end else ""
            if narrow and "|" in clause:
                continue  # a "|"-joined list of openings: not read (`real-later-v118` 2017-12 #62)
            items = _ITEM_SPLIT.split(clause)
            if len(items) >= 2 and noun.search(items[-1]) and not any(noun.search(i) for i in items[:-1]):
                # "backend, data and mobile engineers": the items share the last one's role noun
                head = items[-1].split()[-1]
                items = [*(f"{i} {head}" for i in items[:-1] if i.strip()), items[-1]]
            named = [i for i in (re.sub(r"^(?:an?|the|some|several|multiple)\s+", "", i.strip(" \"'*"),
                                        flags=re.I) for i in items) if i and noun.search(i)]
            if one and len(named) != 1:
                continue  # the first line under a header: one role only (2018-04 #16 names three)
            for item in named:
                if narrow and not _ruled(item):
                    continue
                if (_BARE_ENGINEER.search(item) and title_family(_clean(item)) is None
                        and data_object.search(after)):
                    item = "data engineer"  # "engineers to build our data pipelines" (real-later-v123 #605)
                key = re.sub(r"s$", "", " ".join(item.lower().split()))
                if key not in seen:
                    seen.add(key)
                    roles.append(item)
    return tuple(roles)
