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
  degree's fields of study or among industries. A mention that runs into a longer name ("IoT
  devices") is left to the skill's own rules.

The words are data, per language: etl/data/skill_context.yaml. Both run only where they can matter:
the pitch patterns are tried at sentence starts (one compiled match each), the list test only on
the few mentions of domain skills.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

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
# the mention is followed by another list item, not by a bracketed abbreviation ("QA (Quality Assurance)")
_LIST_AFTER = re.compile(r"\s*(?:[,&/]|\b(?:and|or|und|oder|et|ou|e)\b)", re.I)
_JOIN = re.compile(r"\b(?:join|joining|verstärke|rejoindre|junte-se)\b", re.I)
# working with others: a list after one of these is of colleagues
_WITH = re.compile(r"\b(?:with|mit|avec|com|across|between|zusammenarbeit|collaborat\w*|partner\w*)\b", re.I)
# a sentence starts at the text's start, after a line break or after . ! ? and a space
_SENTENCE_START = re.compile(r"(?:^|\n|[.!?](?=\s))[\s\-*•·>#]*", re.M)
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n")
# clause ends: a list never runs across these (a "." only before a space and a capital: "e.g., math")
_CLAUSE_END = re.compile(r"[;:!?\n]|\.(?=\s+[A-Z])")
_ITEM_SEP = re.compile(r"\s*(?:[,/&|()•]|\band/or\b|\b(?:and|or|und|oder|et|ou|e|y|as well as)\b)\s*", re.I)
_LEADING = re.compile(r"^(?:the|our|other|all|with|including|e\.g\.|i\.e\.|such as|like)\s+", re.I)


@dataclass(frozen=True, slots=True)
class _Rules:
    domain: frozenset[str]
    team_words: frozenset[str]
    departments: frozenset[str]
    degree_cues: re.Pattern[str]
    fields: frozenset[str]
    industry_cues: re.Pattern[str]
    industries: frozenset[str]
    starts: re.Pattern[str]
    anywhere: re.Pattern[str]
    company_verbs: str
    keep: re.Pattern[str]


def _words_pattern(words: list[str]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)", re.I)


@cache
def _rules() -> _Rules:
    with open(DATA, encoding="utf-8") as fh:
        cfg = load_yaml(fh)
    lower = lambda key: frozenset(str(w).lower() for w in cfg[key])  # noqa: E731
    starts = [p for patterns in cfg["pitch_starts"].values() for p in patterns]
    verbs = "|".join(re.escape(v) for v in sorted(cfg["company_verbs"], key=len, reverse=True))
    return _Rules(
        domain=frozenset(cfg["domain_skills"]),
        team_words=lower("team_words"),
        departments=lower("departments"),
        degree_cues=_words_pattern(cfg["degree_cues"]),
        fields=lower("fields"),
        industry_cues=_words_pattern(cfg["industry_cues"]),
        industries=lower("industries"),
        starts=re.compile("|".join(f"(?:{p})" for p in starts), re.I),
        anywhere=re.compile("|".join(f"(?:{p})" for p in cfg["pitch_anywhere"]), re.I),
        company_verbs=verbs,
        keep=_words_pattern(cfg["keep_words"]),
    )


def domain_skills() -> frozenset[str]:
    """Skills whose names also name departments, teams, fields of study or industries."""
    return _rules().domain


@lru_cache(maxsize=4096)
def _company_start(company: str) -> re.Pattern[str] | None:
    """The employer's name (or its first word, "Lookout" of "Lookout Inc") at a sentence start, then
    within two words a verb that presents it."""
    words = company.split()
    if not words or len(words[0]) < 3:
        return None
    names = {re.escape(company.strip())}
    if len(words) > 1 and len(words[0]) >= 4:
        names.add(re.escape(words[0].strip(",.")))
    alternatives = "|".join(sorted(names, key=len, reverse=True))
    return re.compile(
        rf"(?:the )?(?:{alternatives})(?:['’]s)?\s+(?:\w+\s+){{0,2}}?(?:{_rules().company_verbs})\b", re.I
    )


def pitch_spans(text: str, company: str | None = None) -> list[tuple[int, int, bool]]:
    """(start, end, roster) of each sentence of ``text`` that presents the employer, in order; ``roster``
    when it lists the employer's clients, partners or industries (every skill in it is theirs), else
    only the domain skills named in it are the employer's ("Affinio is a Data Science startup"), while
    its concrete tools are the team's stack ("Our platform is TypeScript, Node.js and AWS")."""
    if not text:
        return []
    rules = _rules()
    by_name = _company_start(company) if company else None
    spans: list[tuple[int, int, bool]] = []
    last_end = -1
    for m in _SENTENCE_START.finditer(text):
        start = m.end()
        if start <= last_end or start >= len(text):
            continue
        end_m = _SENTENCE_END.search(text, start)
        end = end_m.end() if end_m else len(text)
        last_end = end - 1
        sentence = text[start:end]
        roster = rules.anywhere.search(sentence) is not None
        if not (roster or rules.starts.match(sentence) or (by_name is not None and by_name.match(sentence))):
            continue
        if rules.keep.search(sentence):
            continue
        spans.append((start, end, roster))
    return spans


def _items(clause: str) -> list[str]:
    out: list[str] = []
    for item in _ITEM_SEP.split(clause):
        item = _LEADING.sub("", item.strip(" .-*'\"’").lower())
        if item:
            out.append(item)
    return out


def among_non_skills(text: str, start: int, stop: int) -> bool:
    """True when the mention ``text[start:stop]`` sits in a list of departments or teams, of fields of
    study after a degree, or of industries (see the module)."""
    rules = _rules()
    left = text[max(0, start - CLAUSE_CHARS) : start]
    ends = list(_CLAUSE_END.finditer(left))
    a = start - len(left) + (ends[-1].end() if ends else 0)
    m = _CLAUSE_END.search(text, stop, stop + CLAUSE_CHARS)
    b = m.start() if m else min(len(text), stop + CLAUSE_CHARS)
    before, mention, after = text[a:start], text[start:stop], text[stop:b]
    items_before = _items(before)
    # the mention's own item runs into the words right after it ("DevOps teams", "AI team")
    head, *rest = _ITEM_SEP.split(after, maxsplit=1)
    items_after = _items(rest[0]) if rest else []
    if head.strip():
        return False  # part of a longer name ("IoT devices", "the Data Science team"): its own rules decide
    # a list of teams: the items after the mention are short names and the list ends in "teams" ("product,
    # backend, DevOps, and analyst/scientist teams"); not the team being hired for ("join our QA team")
    listed = _LIST_AFTER.match(after) is not None and not _JOIN.search(before)
    for item in items_after if listed else ():
        words = item.split()
        if (
            len(words) > MAX_TEAM_WORDS
            or not rules.team_words.isdisjoint(words[:-1])
            or _PREPOSITION.search(item)
        ):
            break
        if words[-1] in rules.team_words:
            return True
    neighbours = [i for i in items_before[-4:] + items_after[:4] if len(i.split()) <= MAX_ITEM_WORDS]
    clause = before + mention + after
    departments = sum(i in rules.departments for i in neighbours)
    # colleagues: two departments around it, or one in a clause about working with others ("Design,
    # implement, maintain IoT devices" is no list of departments)
    if departments >= 2 or (departments and _WITH.search(clause)):
        return True
    if rules.degree_cues.search(clause) and any(i in rules.fields for i in neighbours):
        return True
    return bool(rules.industry_cues.search(clause) and any(i in rules.industries for i in neighbours))
