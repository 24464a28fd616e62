"""Years of experience and the minimum degree a posting asks for, from its free text.

Why: no source has structured experience or education fields for the roles we chart;
requirements only appear in prose ("5+ years", "at least seven (7) years", "BS/MS in
Computer Science"), mixed with years that are not requirements (company age, contract
length, "within 3 years you will", ages, 401k) and with narrower sub-requirements.

Experience rules (:func:`parse_experience` returns (min, max) or None):
* "5+ years", "over 6", "at least 7", "eight or more" -> (n, None); "5-8", "5 to 8", "4/5",
  "minimum of 5-8" -> (5, 8), "8/10+" -> (8, None); a single figure "5 years of experience" -> (5, None),
  because a stated figure is a floor ("at least" is implied); "up to 2 years" -> (0, 2);
  "minimum of 10 years ... maximum of 14 years" -> (10, 14).
* A figure counts only when experience words sit next to it (experience, exp, background,
  or "years in/of/as/with ..." after a +, a range or "minimum"), and not when it is
  company history, a contract/degree length ("2-year contract", "4-year degree"), an age,
  or a time promise ("within 3 years", "in the next 2 years", "founded 10 years ago").
* Several requirements: the overall one is the LARGEST minimum among GENERAL ones
  (years of experience / software development / engineering ..., not "with Kubernetes"
  or "in Java"); with no general one, the first. Requirements marked preferred / nice to
  have / a plus are used only when no other requirement is found; "(1 year) welcome but
  not required" is none. German "mindestens 3 Jahre Berufserfahrung" counts too.

Degree rule (:func:`parse_degree`): the LOWEST level mentioned as a qualification
(bachelor < master < phd), so "BS/MS" -> bachelor, "Master's or PhD" -> master, "PhD
preferred" alone -> phd; "degree in X", "tertiary qualification" -> bachelor. "Scrum Master",
"MS Office", "bachelor party", "a degree of autonomy" and "we don't require a degree" are
not degree requirements. Levels are scanned lowest first and stop at the first found.

Speed: anchors are found with ``str.find``; regexes run only on short slices around them.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from pathlib import Path

from etl.normalize.literal_gate import AnyOf, LiteralGate, automaton
from etl.normalize.shared_text import PostingText
from etl.yaml_data import load_yaml

CUES = load_yaml(
    (Path(__file__).resolve().parents[1] / "data" / "requirement_cues.yaml").read_text(encoding="utf-8")
)
_LANG = CUES["experience"]


def _cue(key: str) -> list[str]:
    """One cue list of every language (etl/data/requirement_cues.yaml), lower case, longest first."""
    return sorted({w.lower() for cues in _LANG.values() for w in cues.get(key) or ()}, key=len, reverse=True)


ENGLISH_WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen"]
NUMBER_WORDS = {w: float(i) for i, w in enumerate(ENGLISH_WORDS, start=1)}
for _cues in _LANG.values():  # "drei Jahre", "trois ans", "cinco anos" (etl/data/requirement_cues.yaml)
    NUMBER_WORDS.update({str(w).lower(): float(v) for w, v in (_cues.get("numbers") or {}).items()})
WORDS = sorted(NUMBER_WORDS, key=len, reverse=True)  # longest first: "einem" before "ein"
# a decimal comma as German, Polish and French write it ("2,5 Jahre"): the figure, never the 5 after it
_N = r"(?<!\d)(?<!\d[.,])\d{1,2}(?:\.\d|,\d(?!\d))?|\b(?:" + "|".join(WORDS) + r")\b"
_FIRST = "".join(sorted({w[0] for w in WORDS} | set("0123456789")))  # a figure starts with one of these
_RANGE = "|".join(re.escape(w) for w in _cue("range_words"))  # "2 à 4 ans", "3 a 5 anos", "2 bis 3 Jahre"
_PAREN = r"(?:\s*\((?:\d{1,2}|[a-z]+)\))?"
# a career level in brackets after a figure's plus: "2+ (entry level) / 4+ (senior) years" (62nd round)
_TIER = r"\s*\([a-z]+(?:[ -][a-z]+){0,2}\)"
CORE = re.compile(  # the figure(s) right before "years", searched in a short slice
    rf"(?=[{_FIRST}])(?P<a>{_N})\)?(?P<apar>{_PAREN})\s*(?P<plus>\\?\+|plus\b)?(?P<tier>{_TIER})?"
    rf"(?:\s*(?:\\?-|–|—|/|to|or|(?:{_RANGE})(?=\s))\s*(?P<b>{_N}){_PAREN}\s*(?P<bplus>\\?\+)?(?:{_TIER})?)?"
    rf"(?P<more>\s*(?:or more|or greater|and above|plus))?\s*(?P<hy>\\?-)?\s*$")
PRE_WORDS = (
    *_cue("at_least"),
    "minimum of",
    "min. of",
    "minimum",
    "min.",
    "min",
    "at least",
    "atleast",
    "over",
    "more than",
    "in excess of",
    "upwards of",
    "maximum of",
    "maximum",
    "max.",
    "max",
    "up to",
    "no more than",
    "not more than",
)
# "for a minimum of 3 years" asks for them; "for over 35 years" is the company's history
# "5 years of experience in <field>, including 2 years in <unit>": the second figure is a part of the first,
# never the overall years (real-later-v7; requirement_cues.yaml part_of)
PART_WORDS = tuple(_cue("part_of"))
PART_BREAKS = (". ", ".\n", "\n", ";", "•")
# "M.S. with 8-12 years or Ph.D. with 5-7 years of experience": a degree's abbreviation whose period ends no
# sentence, so the paths share the experience word after the last one (real-later-v11; requirement_cues.yaml)
ABBREVIATIONS = tuple(_cue("abbreviations"))


def _abbreviation_ends(s: str, k: int) -> bool:
    """Whether the ". " at ``k`` closes an abbreviation of ABBREVIATIONS (a word of its own), not a
    sentence."""
    if not s.endswith(ABBREVIATIONS, 0, k):
        return False
    for a in ABBREVIATIONS:
        if s.endswith(a, 0, k):
            before = s[k - len(a) - 1] if k > len(a) else " "
            if not (before.isalnum() or before == "."):
                return True
    return False


def _full_stop(s: str, start: int = 0, end: int | None = None) -> int:
    """The first ". " of ``s[start:end]`` that ends a sentence (-1: none)."""
    end = len(s) if end is None else end
    k = s.find(". ", start, end)
    while k != -1 and _abbreviation_ends(s, k):
        k = s.find(". ", k + 2, end)
    return k


def _last_full_stop(s: str) -> int:
    """The last ". " of ``s`` that ends a sentence (-1: none)."""
    k = s.rfind(". ")
    while k != -1 and _abbreviation_ends(s, k):
        k = s.rfind(". ", 0, k)
    return k


MIN_WORDS = frozenset(
    (*_cue("at_least"), "minimum of", "min. of", "minimum", "min.", "min", "at least", "atleast")
)
# "to devote for at least 1 year", "available for a minimum of 2 years": a commitment, not experience
COMMIT_WORDS = ("devote", "commit", "committed", "available", "stay", "remain", "contract", "engagement",
                "assignment", "project", "position", "role", "employed", "run", "last")
SENTENCE_BACK = 400  # how far back a minimum's own sentence is read for its experience word
NOT_REQUIRED = ("not required", "not necessary", "not needed", "welcome but", "no experience")
WANT_WORDS = ("looking", "searching", "ask", "asking", "need", "require", "hoping", "hiring")
BAD_WORDS = (
    *_cue("not_req"),
    "for",
    "since",
    "in",
    "during",
    "within",
    "after",
    "every",
    "next",
    "past",
    "last",
    "first",
    "founded",
    "established",
    "nearly",
    "almost",
    "aged",
    "age",
    "ages",
    "than",
    "under",
)
BAD_AFTER = re.compile(r"(?:years?|yrs?)\W{0,3}(?:ago|old|of age|in (?:business|operation|a row)|warranty|"
                       # "2 years contract", not "2 years contract management experience": the work is
                       # contracts, the figure the experience (real-later-v17)
                       r"contract(?!\s+(?:[a-z-]+\s+){0,2}?experience)|term|running|history|"
                       r"of (?:service|history|operation|existence|growth)|"
                       r"later|from now|we\b|the company|our\b|you will|you'll|guarantee|program|degree|"
                       # "a four year college or university": a degree's studies, not experience, unless
                       # an experience word follows ("3 years university teaching experience"; real-later-v40)
                       r"(?:college|university)\b(?![\s-]+(?:[a-z-]+\s+){0,2}?experience)|"
                       r"plan\b|tenure|lease|cycle|anniversary|straight|together)")
EXP_LABEL = re.compile(r"exp(?:erience)?\b\s*(?:required|needed|level|range)?\s*\**\s*(?:[:\-–]|\n)\W*"
                       r"(?:(?:ideally|approx\.?|around)\W+)?\Z")  # "Experience:\n 8-12 Years"
# a heading naming the experience requirement, then the figure at the start of the next line: the figure is
# the requirement, as after "Experience:" (thirty-fourth round)
_HEADING_ENDS = ("requirement", "requirements", "requirement:", "requirements:")
EXP_HEADING = re.compile(r"experience\s+requirements?\s*:?[ \t]*\n[\s*\u2022\u00b7-]*\Z")
POSITIVE = re.compile(r"experience|\bexp\b|expertise|background|track record|erfahrung|"
                      + "|".join(re.escape(w) for w in _cue("exp_words")))
# "6+ years a support agent": a role after the figure without "as" (twenty-first round; tune
# Remote OK #12)
_ROLE_AFTER = (r"an?\s+(?:[a-z-]+\s+){0,3}(?:agent|representative|engineer|developer|analyst|supervisor|"
               r"executive|specialist|assistant|nurse|technician|consultant|designer|teacher|officer|clerk|"
               r"coordinator|accountant|administrator|recruiter)\b")
DIRECT = re.compile(r"(?:years?|yrs?)\W{0,6}(?:of\s+|in\s+|with\s+|as\s+|building|developing|designing|"
                    # "4+ years managing complex projects", "5+ years creating models": the job's own work, as
                    # leading and building are (forty-second round)
                    # "5+ years doing database programming": the job's work, as working is (real-later-v31)
                    r"working|doing|leading|managing|creating|delivering|hands|professional|industry|relevant|"
                    r"software|engineering|programming|"
                    # "a minimum 0-2 years performing <work>", "1-3 years leveraging <technique>": more verbs
                    # of the job's own work, as data (requirement_cues.yaml work_verbs; real-later-v61)
                    + "".join(re.escape(str(w).lower()) + r"\b|" for w in _LANG["en"]["work_verbs"])
                    + r"on\s+the\s+job|" + _ROLE_AFTER + ")")
# "4 years of related cloud architecture work": a bare figure of related / relevant years is experience even
# without the word (the company's "our 10 years of related research" is not: RELATED_NOT_BEFORE)
RELATED = re.compile(r"(?:years?|yrs?)\W{0,3}of\s+(?:related|relevant)\b")
RELATED_NOT_BEFORE = ("our", "its", "their", "we", "bring", "brings", "have", "has", "with", "of")
GENERAL = (r"relevant|professional|proven|progressive|hands[- ]on|industry|related|work|working|practical|"
           r"combined|full[- ]time|commercial|demonstrated|solid|strong|extensive|prior|overall|total|post[- "
           r"]graduate|post[- ]collegiate|technical|software|development|developer|engineering|programming|"
           r"coding|it|tech|"
           r"back[- ]?end|front[- ]?end|full[- ]?stack|web|applications?|product|systems?|enterprise|design|"
           r"career|production|paid|hands|on|of|and|or|in|the|a|an|similar|comparable|equivalent|"
           # kinds of work, not tools: "4+ years design, testing and development experience" (62nd round)
           r"testing|implementation|deployment|maintenance|analysis|research|consulting")
_OTHER_YEARS = "|".join(re.escape(w) for w in _cue("year_words"))
# "6+ años construyendo productos", "3+ anos atuando com": DIRECT in the other languages
# (requirement_cues.yaml)
_OTHER_DIRECT = "|".join(re.escape(w) for w in _cue("direct"))
OTHER_DIRECT = re.compile(rf"(?:{_OTHER_YEARS})\W{{0,6}}(?:{_OTHER_DIRECT})\b")
_OTHER_GENERAL = "|".join(re.escape(w) for w in _cue("general"))
IS_GENERAL = re.compile(rf"(?:(?:{_OTHER_YEARS})\s*(?:{_OTHER_GENERAL}))|(?:years?|yrs?|"
                        rf"jahre?n?)['’]?\.?\s*(?:(?:{GENERAL})[\s,/&-]+)*(?:experience|exp\b|"
                        r"berufserfahrung|as an? (?:senior |lead |staff )?(?:software|developer|engineer)|"
                        r"(?<=software )(?:development|engineering)|programming)")
SPECIFIC_TAIL = re.compile(r"\s+(?:with|in|using|on)\s+(?!\d|(?:a|an|the|at least|building|developing|"
                           # "experience in general (<field>)" is the overall figure; a general ledger is one
                           # line of work (real-later-v7)
                           r"general(?!\s+ledger)|"
                           r"designing|delivering|leading|working|writing|shipping|large|similar|related|"
                           r"relevant|software|engineering|development|programming|professional|industry|it|"
                           # "information technology" is IT written out (twenty-fifth round)
                           r"information\s+technology|tech|technology|product|web|backend|back-end|full)\b)")
PREFERRED_WORDS = ("prefer", "nice to have", "nice-to-have", "bonus", "a plus", "ideally", "desired",
                   "desirable", *(str(w).lower() for w in CUES["preferred_words"]))
# A requirement under a heading that opens wishes ("Additional Preferred Qualifications") is preferred
# too, until a heading that opens requirements again.
# "Minimum – ... Preferred – ...": a qualification block written with dashes, often glued into one line by
# LinkedIn ("... a clean recordPreferred –Associate degree ... 7 years of experience ...")
PREFERRED_HEADINGS = ("preferred qualifications", "preferred skills", "preferred experience", "nice to have",
                      "nice-to-have", "bonus points", "desired qualifications", "desired skills", "pluses",
                      "preferred –", "preferred -", "preferred—")
REQUIRED_HEADINGS = ("required qualifications", "minimum qualifications", "basic qualifications",
                     "requirements", "required skills", "must have", "must-have", "what you need",
                     "what you'll need", "minimum –", "minimum -", "minimum—", "required –", "required -",
                     # "Years of Experience Requirement" after "Desired Skills" (thirty-fourth round)
                     "experience requirement")
# A pay tier: a pay word before the years in their own sentence, and an amount in it ("jusqu'à 2600 € brut
# mensuel avec 5 ans d'expérience", "$120,000 - $150,000 for candidates with 5+ years"): the years say which
# pay applies, not what the job asks (issue 9; etl/data/requirement_cues.yaml pay_words). An amount is a
# figure of three or more digits, grouped thousands, "50k", or one next to a currency sign; years have 1-2.
PAY_WORDS = sorted({w.lower() for words in CUES["pay_words"].values() for w in words}, key=len, reverse=True)
_PAY_AT = automaton(PAY_WORDS)
AMOUNT = re.compile(r"\d{3,}|\d{1,3}(?:[.,\s\u00a0\u202f]\d{3})+|\b\d+(?:[.,]\d+)?\s?k\b|"
                    r"[$€£]\s?\d|\d\s?[$€£]")
SENTENCE_BREAKS = (". ", ".\n", "\n", ";", "•", "! ", "? ")
PAY_BACK = 200  # how far back the years' sentence is read for pay


def _pay_tier(lower: str, start: int, sentence: str) -> bool:
    """Whether the figure at ``start``, whose sentence goes on as ``sentence``, is in a sentence about pay."""
    back = lower[max(0, start - PAY_BACK) : start]
    cut = max(back.rfind(b) + len(b) if back.rfind(b) != -1 else 0 for b in SENTENCE_BREAKS)
    back = back[cut:]
    # the pay word before the figure, in its sentence: "Minimum experience: 2 years Type of contract: B2B
    # Salary: up to PLN 120 / h" (board fields run together on one line) is a requirement, then the pay.
    # One Aho-Corasick pass over the sentence's start (no regex alternation tried at every position).
    if not any(
        not (i and back[i - 1].isalnum()) and not back[j : j + 1].isalnum()
        for _w, i, j in _PAY_AT.find_matches_as_indexes(back, overlapping=True)
    ):
        return False
    return bool(AMOUNT.search(back + " " + sentence))


# Paths: a figure whose own sentence names a degree ("BS with 8 years, MS with 6", "2 years of experience
# (with EE degree) / 3+ years (with technical degree)"). The requirement is the bachelor's path (labelling
# guide ruling, ninth round); a path through a lesser degree or none ("Associate's degree + 4 years OR 6
# years", "3+ years with a technical degree", "7 years in lieu of a degree") is another way in, not the bar.
def _words(key: str) -> re.Pattern[str]:
    words = sorted({str(w).lower() for w in CUES["experience_paths"][key]}, key=len, reverse=True)
    return re.compile(r"(?<![\w.])(?:" + "|".join(re.escape(w) for w in words) + r")(?!\w)")


PATH_DEGREE, LESSER_PATH = _words("degrees"), _words("lesser")
# a credential that is no degree (a certification, a license): years offered in place of one are a way in too
PATH_CREDENTIAL = _words("credentials")
# the lesser words anywhere, also glued to the word before ("experienceAssociate Degree or", LinkedIn)
LESSER_ANYWHERE = re.compile("|".join(re.escape(str(w).lower()) for w in CUES["experience_paths"]["lesser"]))
PATH_BACK, PATH_AHEAD = 90, 60


PATH_BREAKS = (*SENTENCE_BREAKS, " or ")  # "BS with 8 years or MS with 6 years": one path each side


# not "or more than 2 years", whose "or" opens another way in (real-later-v40)
_OR_MORE = re.compile(r" or (?=(?:more|greater|longer|above)\b(?!\s+than))")


def _path_words(lower: str, p: int) -> str:
    """The path around the years word at ``p``: up to PATH_BACK before and PATH_AHEAD after, within its
    sentence and not past an "or"."""
    back = _OR_MORE.sub(" ++ ", lower[max(0, p - PATH_BACK) : p])  # "9 or more years" is one figure
    back = back[max(_break_end(back, b) for b in PATH_BREAKS) :]
    ahead = lower[p : p + PATH_AHEAD]
    stops = (k for k in (_break_at(ahead, b) for b in PATH_BREAKS) if k != -1)
    ahead = ahead[: min(stops, default=len(ahead))]
    return back + " " + ahead


def _break_end(s: str, b: str) -> int:
    """Where the text after the last break ``b`` of ``s`` starts (0: none); an abbreviation's ". " is none."""
    k = _last_full_stop(s) if b == ". " else s.rfind(b)
    return k + len(b) if k != -1 else 0


def _break_at(s: str, b: str) -> int:
    """The first break ``b`` of ``s`` (-1: none); an abbreviation's ". " is none."""
    return _full_stop(s) if b == ". " else s.find(b)


def _paths_read_alike(lower: str, hits: list[_Hit]) -> list[_Hit]:
    """Degree paths of one requirement ("Bachelor's with 9 years in X, OR Master's with 7 years in X, OR PhD
    with 4 years related experience") are read alike: when one of them is general, all are, so the bachelor's
    path stays the bar and the doctorate's shorter figure does not win alone (twenty-fifth round)."""
    paths = []
    for i, h in enumerate(hits):
        words = _path_words(lower, h[4])
        degree = PATH_DEGREE.search(words)
        if degree and not LESSER_PATH.search(words):
            paths.append((i, degree.group()))
    if len({d for _i, d in paths}) < 2 or not any(hits[i][2] for i, _d in paths):
        return hits
    out = list(hits)
    for i, _d in paths:
        out[i] = (out[i][0], out[i][1], True, *out[i][3:])
    return out


def _bachelor_paths(lower: str, general: list[_Hit], hits: list[_Hit]) -> list[_Hit]:
    """``general`` without the paths through a lesser degree (or none) when a degree path is also given -
    also one whose figure names no experience word ("a BS plus a minimum 0-2 years performing <work> OR no
    degree w/6 years' experience": the degree's path is the bar, real-later-v61)."""
    words = [_path_words(lower, h[4]) for h in general]
    lesser = [bool(LESSER_PATH.search(w)) for w in words]
    if not any(lesser):
        return general
    # a degree path: the degree in the figure's path, or further back in its clause, past an "or" inside a
    # list of fields ("a BS/BA degree in <field>, <field>, or a related field plus a minimum 0-2 years ...")
    degree = any(PATH_DEGREE.search(w) and not LESSER_PATH.search(w)
                 for w in (_path_words(lower, h[4]) for h in hits)) or any(
        _degree_clause(lower, h[4]) for h in hits)
    if not degree:
        return general
    return [h for h, low in zip(general, lesser, strict=True) if not low]


def _degree_clause(lower: str, p: int) -> bool:
    """Whether the clause before the years word at ``p`` (back to its sentence, line or bracket, as
    :func:`_instead_of_degree` reads it) names a degree and no lesser degree or way in without one."""
    before = lower[max(0, p - OR_CLAUSE_BACK) : p]
    clause = before[max(before.rfind(b) for b in (". ", ";", "\n", "•", "(")) + 1 :]
    return bool(PATH_DEGREE.search(clause)) and not LESSER_ANYWHERE.search(clause)


OR_CLAUSE_BACK = 250  # how far back the clause before "or <years>" is read for its degree


def _instead_of_degree(lower: str, start: int, p: int) -> bool:
    """Whether the figure at ``start`` is the other side of "<degree> or": years offered in place of a
    degree ("a completed degree or at least 2-3 years of experience", "BS in CS or 4+ years as a
    developer"). The degree's path is the bar (ninth-round ruling); a path without one is another way in, so
    its years are not the requirement (thirty-second round). The clause is read back to its sentence, line or
    bracket, so a degree before a long list of fields ("a Bachelor's in a field such as <four fields>, or 2+
    years") still opens it (real-later-v20). A figure whose own path names a degree ("PhD, or 3+ years post
    Masters") is a degree path and stays; a lesser degree before the "or" is no bar. A credential that is no
    degree ("Professional training certification or a minimum of 5 years") opens it too: years offered in
    place of a certification or a license are a way in (`real-later-v20` ruling 2, h19net)."""
    before = lower[max(0, start - OR_CLAUSE_BACK) : start]
    clause = before[max(before.rfind(b) for b in (". ", ";", "\n", "•", "(")) + 1 :]
    if not (PATH_DEGREE.search(clause) or PATH_CREDENTIAL.search(clause)) or LESSER_ANYWHERE.search(clause):
        return False  # no degree nor credential before the "or", or a lesser one ("Associate degree or 1 yr")
    own = _path_words(lower, p)
    return not (PATH_DEGREE.search(own) and not LESSER_PATH.search(own))


# A substitution clause: the years are what a degree is worth, or stand in for one ("three years' experience
# credit for Master's degree", "two years of experience may be substituted for the degree", "a Master's can
# be substituted for one year of experience"): not what the job asks (issue 9, US public-sector postings).
SUBSTITUTE_AFTER = re.compile(r"(?:years?|yrs?)['’]?\W{0,3}(?:of\s+)?(?:[\w-]+\s+){0,3}?(?:experience\s+)?"
                              r"(?:credit\s+for|(?:may|can|could|will)\s+(?:be\s+)?substitut)")
SUBSTITUTE_BEFORE = re.compile(r"substitut\w*\s+for(?:\s+(?:up\s+to|a\s+maximum\s+of))?$")
_Hit = tuple[float | None, float | None, bool, bool, int]  # min, max, general, preferred, position
# Years offered to candidates who do not meet the degree requirement ("Candidates not meeting the degree
# requirements will be considered if they have 7 years of experience"): another way in, as "<degree> or N
# years" (ninth-round ruling), not the bar (real-later-v31; requirement_cues.yaml unmet_degree)
UNMET_DEGREE = re.compile("|".join(f"(?:{p})" for p in _cue("unmet_degree")))
UNMET_BACK = 250  # how far back the figure's sentence is read for it


def _unmet_degree(lower: str, start: int) -> bool:
    """Whether the sentence before the figure at ``start`` offers it to candidates without the degree."""
    back = lower[max(0, start - UNMET_BACK) : start]
    if "meet" not in back:
        return False  # cheap exit: every cue says "meet"
    cut = max(back.rfind(b) for b in (". ", ".\n", "\n", ";", "•")) + 1
    return UNMET_DEGREE.search(back, cut) is not None


def _words_re(key: str) -> re.Pattern[str]:
    """One cue list of every language as whole words (etl/data/requirement_cues.yaml)."""
    return re.compile(r"(?<![\w'’])(?:" + "|".join(re.escape(w) for w in _cue(key)) + r")(?![\w'’])")


# The company's years or a group's, not the job's (fifteenth round, issue 9): a sentence opening "With over 20
# years of market experience" whose subject is the company ("..., we serve", "..., sichern wir") and not the
# candidate; "the median engineer here has 8 years", "an average of 12 years" (requirement_cues.yaml).
_OPENER = re.compile(r"\W*(?:" + "|".join(re.escape(w) for w in _cue("opener")) + r")(?:\s+(?:"
                     + "|".join(re.escape(w) for w in PRE_WORDS) + r"))?\W*")
_WE, _YOU, _STATISTIC = _words_re("we"), _words_re("you"), _words_re("statistic")
# stems of the statistic cues, tested as substrings before the regex (most heads hold none)
_STATISTIC_STEMS = ("median", "average", "moyenne", "durchschn", "schnitt", "promedio", "média", "media ",
                    "in media", "gemiddeld", "médiane")
# a group of the employer's people having or bringing the figure ("our team has 40+ years", "we have over 20
# years", "our founders bring 25 years": eighty-ninth round), a PRE_WORD or "a combined" between
_GROUP = "|".join(re.escape(w) for w in _cue("group"))
_WE_WORDS = "|".join(re.escape(w) for w in _cue("we"))
_GROUP_VERBS = "|".join(re.escape(w) for w in _cue("group_verbs"))
_GROUP_HAS = re.compile(
    rf"(?:\b(?:our|the)\s+(?:[\w-]+\s+){{0,2}}?(?:{_GROUP})|(?<![\w'’])(?:{_WE_WORDS}))\s+"
    rf"(?:(?:together|collectively|all)\s+)?(?:{_GROUP_VERBS})\s+(?:(?:a\s+)?(?:combined|collective|total\s+of)\s+)?"
    r"(?:" + "|".join(re.escape(w) for w in PRE_WORDS) + r"|almost|nearly|some)?\W*$")
OWNER_AHEAD = 300  # how far the figure's sentence is read for its subject
OWNER_BACK = 200  # how far back the figure's sentence is read for an opener or a group's figure
# "With over 40 years of experience, <Company> has built ...": the subject after the sentence's first comma
# is a name (one to four capitalised words) before a verb of named_subject_verbs: the company, as "we"
# (real-later-v11)
_NOT_NAMED = "|".join(re.escape(w) for w in _cue("not_named"))
_NAMED_VERBS = "|".join(re.escape(w) for w in _cue("named_subject_verbs"))
_NAMED_SUBJECT = re.compile(rf"(?!(?i:{_NOT_NAMED})\b)[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){{0,3}}\s+"
                            rf"(?:{_NAMED_VERBS})\b")
# a later figure of the opening phrase ("With 80 years in <field> and 30 years in software, <subject> ..."):
# the phrase, not yet closed by a comma, opened by the opener and a figure
_OPENER_FIGURE = re.compile(rf"(?:{_N})[^,]*\Z")


def _opened_by_the_opener(head: str) -> bool:
    """Whether ``head`` (a sentence's start up to a figure) is the opener alone ("with over "), or the
    opener's phrase holding an earlier figure and no comma yet ("with 80 years of experience in <field> and
    ")."""
    if len(head) <= 40 and _OPENER.fullmatch(head):
        return True
    m = _OPENER.match(head)
    return m is not None and _OPENER_FIGURE.match(head, m.end()) is not None


def _named_subject(text: str, start: int, ahead: str) -> bool:
    """Whether the clause after the first comma of the figure's sentence (``ahead``, lower case, from
    ``start`` in ``text``) opens with a capitalised name and a verb of the company ("..., <Company> is the
    leading ...")."""
    k = ahead.find(", ")
    return k != -1 and _NAMED_SUBJECT.match(text, start + k + 2, start + len(ahead)) is not None


def _not_the_jobs(lower: str, start: int, text: str | None = None) -> bool:
    """Whether the figure at ``start`` is the company's years or a group's (see _OPENER); ``text``:
    ``lower``'s original (same positions), where a company named after an opener is read."""
    back = lower[max(0, start - OWNER_BACK) : start]
    # the sentence's start (SENTENCE_BREAKS, written out: a generator over them cost more than the rest)
    two = max(back.rfind(". "), back.rfind(".\n"), back.rfind("! "), back.rfind("? "))
    one = max(back.rfind("\n"), back.rfind(";"), back.rfind("•"))
    cut = max(two + 2 if two != -1 else 0, one + 1)
    head = back[cut:]
    if any(w in head for w in _STATISTIC_STEMS) and _STATISTIC.search(head):
        return True
    if _GROUP_HAS.search(head):
        return True
    if not _opened_by_the_opener(head):
        return False
    ahead = lower[start : start + OWNER_AHEAD]
    ahead = ahead[: min((k for k in (ahead.find(b) for b in SENTENCE_BREAKS) if k != -1), default=len(ahead))]
    if _YOU.search(ahead):
        return False
    return bool(_WE.search(ahead)) or (text is not None and _named_subject(text, start, ahead))


# "5+ years of overall infrastructure management experience": the overall figure is the general one
OVERALL = re.compile(r"(?:years?|yrs?)\W{0,3}(?:of\s+)?(?:overall|total)\b")
# ... and the same word before "years" ("6 or more overall years of development"; later batch real-later-v10)
OVERALL_WORDS = tuple(_cue("overall_words"))


_LAST: list[str] = ["", ""]  # the experience rules call _lower on the same text several times in a row
# The lower case of the texts seen lately, by identity: the extraction runs the experience stage over a whole
# batch (2,000 postings), then the degree stage over the same texts, which lowered each one again (about
# 3 us a real posting). Each entry holds its text, so an id is not reused while it is here; at most
# _LOWERED_SIZE entries (a batch's texts are alive anyway; their lower-case copies, some 10 MB, are kept).
_LOWERED: dict[int, tuple[str, str]] = {}
_LOWERED_SIZE = 2048


def _lower(text: str) -> str:
    """ASCII-only lower case (same length and positions; 2-3x faster than str.lower on non-ASCII)."""
    if text is not _LAST[0]:
        seen = _LOWERED.get(id(text))
        if seen is not None and seen[0] is text:
            low = seen[1]
        else:
            low = text.lower() if text.isascii() else text.encode().lower().decode()
            if len(_LOWERED) >= _LOWERED_SIZE:
                _LOWERED.clear()
            _LOWERED[id(text)] = (text, low)
        _LAST[0], _LAST[1] = text, low
    return _LAST[1]


def _num(token: str) -> float:
    return NUMBER_WORDS.get(token) or float(token.replace(",", "."))


def parse_experience(text: str | None, shared: PostingText | None = None, title: str | None = None
                     ) -> tuple[float | None, float | None] | None:
    """(min, max) years of experience required, or None when the text states none. ``title`` (optional)
    names the job's own line of work: years of experience in a field the title names are general."""
    return _experience(text, required_only=False, shared=shared, title=title)


def parse_required_experience(text: str | None) -> tuple[float | None, float | None] | None:
    """As :func:`parse_experience`, but a figure the text only wishes ("idéalement 2 ans") is none: for a
    source that says no experience is asked (France Travail's "Débutant accepté")."""
    return _experience(text, required_only=True)


def _experience(text: str | None, *, required_only: bool, shared: PostingText | None = None,
                title: str | None = None) -> tuple[float | None, float | None] | None:
    if not text:
        return None
    lower = _lower(text)
    hits: list[tuple[float | None, float | None, bool, bool, int]] = []  # min, max, general, preferred, pos
    for pattern in YEAR_WORDS:
        if pattern is _JAHR and "jahr" not in lower:
            continue  # the regex would read the whole text to find nothing (str's search is faster)
        for y in pattern.finditer(lower):
            hit = _hit(lower, y.start(), hits, text)
            if hit:
                hits.append(hit)
    if (not lower.isascii() or " an" in lower or " la" in lower or " ja" in lower) and _other_years_possible(
        lower, shared
    ):
        for y in OTHER_YEAR_WORDS.finditer(lower):
            hit = _hit(lower, y.start("w"), hits, text)
            if hit:
                hits.append(hit)
    if not lower.isascii() and "jährig" in lower:  # (an ASCII text cannot hold it: no scan)
        hits.extend(_german_adjective_years(lower))
    if not hits:
        by_months = _months(lower) if "month" in lower else None
        return by_months or (_bare_range(lower) if "experience" in lower else None) or (
            _credential_years(lower) if "ed " in lower else None)
    hits.sort(key=lambda h: h[4])
    if title and len(hits) > 1 and any(h[2] for h in hits) and not all(h[2] for h in hits):
        fields = _title_fields(title)
        top = max(h[0] or 0.0 for h in hits)
        if fields and sum((h[0] or 0.0) == top for h in hits) == 1:
            # only the one largest figure: a smaller figure in the title's field is a part of a longer
            # overall one ("5+ years in <work> with 3+ in <field>"), not the bar
            hits = [_own_field(lower, h, fields) if (h[0] or 0.0) == top else h for h in hits]
    if len(hits) > 1:
        hits = _paths_read_alike(lower, hits)
    general = sorted((h for h in hits if h[2]), key=lambda h: (-(h[0] or 0.0), h[4]))  # largest minimum first
    if general and len(hits) > 1:
        general = _bachelor_paths(lower, general, hits)
    ordered = general + [h for h in hits if not h[2]]  # then the others, first first
    if required_only:
        found = next((h for h in ordered if not _preferred(lower, h[4])), None)
        if found is None:
            return None
        best = found
    elif len(hits) > 1:  # the preferred check is done lazily, only until a required one is found
        best = next((h for h in ordered if not _preferred(lower, h[4])), ordered[0])
    else:
        best = ordered[0]
    return best[0], best[1]


# "4+ years of experience in data management" for a Data Engineer: a field the title names is the job's own
# line of work, so the figure is general (the eleventh round's ruling; twenty-sixth session, h26expres); the
# title's level and role words name no field (requirement_cues.yaml `title_not_field`)
TITLE_NOT_FIELD = frozenset(str(w).lower() for w in _LANG["en"]["title_not_field"])
FIELD_TOOLS = frozenset(str(w).lower() for w in _LANG["en"]["field_tools"])
FIELD_AFTER = re.compile(r"\bexp(?:erience)?\s+in\s+([a-z][\w/&-]*(?:\s+[a-z][\w/&-]*){0,2})")
FIELD_BREAKS = (". ", ".\n", "\n", ";", "•")


def _title_fields(title: str) -> frozenset[str]:
    return frozenset(w for w in re.findall(r"[a-z]{4,}", title.lower()) if w not in TITLE_NOT_FIELD)


def _own_field(lower: str, h: tuple[float | None, float | None, bool, bool, int], fields: frozenset[str]
               ) -> tuple[float | None, float | None, bool, bool, int]:
    """The hit made general when its years are of experience in a field the title names."""
    if h[2]:
        return h
    window = lower[h[4] : h[4] + 110]
    m = FIELD_AFTER.search(window)
    if not m or any(b in window[: m.start()] for b in FIELD_BREAKS):
        return h  # no "experience in <field>" in the figure's own clause
    words = re.findall(r"[a-z]{4,}", m.group(1))
    if not any(w in fields for w in words) or any(w in FIELD_TOOLS for w in words):
        return h  # another field, or the field's tools ("experience in data science tools") - one tool each
    if LESSER_PATH.search(_path_words(lower, h[4])):
        return h  # a path through a lesser degree ("a diploma with seven years in <field>") is a way in
    return h[0], h[1], True, h[3], h[4]


# "six months of related work experience", "18 months' experience": a figure of months right before the
# word experience is a fraction of a year (as France Travail's "6 Mois" -> 0.5; eighteenth round). Read only
# when no figure of years is found; a training, a probation or an internship of N months is none (no
# experience word right after them, or "internship" between).
_MONTH_ADJ = (r"(?:related|relevant|professional|practical|prior|previous|paid|hands-on|work|working|"
              r"industry|full-time|proven|demonstrated)")
MONTHS = re.compile(rf"(?<![\w-])(?P<n>{_N})\s*\+?\s*(?:\(\d{{1,2}}\)\s*)?months?['’]?\s+(?:of\s+)?"
                    rf"(?:{_MONTH_ADJ}\s+){{0,3}}experience\b")
_MONTHS_NOT_AFTER = ("within", "after", "first", "next", "in", "every", "past", "last")


def _figure_starts(lower: str, anchor: str, between: str) -> list[int]:
    """Every place a figure (_N) may start such that only spaces, digits and ``between`` lie from its end to
    an occurrence of ``anchor``, in order: a superset of where a pattern "figure, such marks, anchor" starts
    (a digit within those marks, or a number word ending where they begin)."""
    starts: set[int] = set()
    q = lower.find(anchor)
    while q != -1:
        j = q
        while j and (lower[j - 1].isspace() or lower[j - 1].isdigit() or lower[j - 1] in between):
            j -= 1
        starts.update(i for i in range(j, q) if lower[i].isdigit())
        if j and lower.endswith(_WORDS_TUPLE, 0, j):
            starts.update(j - len(w) for w in _WORDS_TUPLE if lower.endswith(w, 0, j))
        q = lower.find(anchor, q + 1)
    return sorted(starts)


def _matches_at(pattern: re.Pattern[str], lower: str, starts: list[int]) -> Iterator[re.Match[str]]:
    """``pattern.finditer(lower)`` when every match starts at one of ``starts`` (sorted): each tried in turn,
    none inside the previous match (re's lookbehinds and \\b see the text before the place tried)."""
    end = 0
    for start in starts:
        if start < end:
            continue
        m = pattern.match(lower, start)
        if m is not None:
            end = m.end()
            yield m


def _months(lower: str) -> tuple[float | None, float | None] | None:
    # every match is a figure ("1.5"), then spaces, "+", "(6)" and "month": only the places such a figure
    # starts at are tried, not every place of the text (the regex has no literal to start from: 0.2 ms a text)
    for m in _matches_at(MONTHS, lower, _figure_starts(lower, "month", "+().")):
        if _ends_with_word(lower[max(0, m.start() - 12) : m.start()].rstrip(), _MONTHS_NOT_AFTER):
            continue
        return round(_num(m.group("n")) / 12, 2), None
    return None


# "3-5 experience in marketing", "10+ of selling experience": a range or "N+" right before the word experience
# with "years" left out (twenty-fourth round, tune LinkedIn #98). Read only when no figure of years is found;
# "3-5 experienced engineers" (a count of people) and "4-5 stars for guest experience" are none.
BARE_RANGE = re.compile(rf"(?<![\w-])(?P<n>{_N})\s*(?:(?P<plus>\+)|[-–]\s*(?P<m>{_N}))\s*"
                        r"(?:of\s+(?:[a-z/-]+\s+){0,3})?experience\b")


# Where the regex's search would start matching, found from its signs: every match is a figure, spaces, then
# a "+" or a dash, and the figure ends right before those spaces (at most 4 characters, "12.5", or a number
# word). Why: the regex has no literal to start from and tried every position of every text with the word
# experience and no figure of years (about 25 us a real posting); the signs are found in one C scan and only
# the few places a figure can start before one are tried, leftmost first, so the first match found is the
# search's (a later sign's figure cannot start before an earlier sign: only a figure and spaces lie between).
_SIGN = re.compile("[+\\-–]")


def _bare_range_match(lower: str) -> re.Match[str] | None:
    """``BARE_RANGE.search(lower)``, trying only the places a figure before a sign starts at."""
    for sign in _SIGN.finditer(lower):
        j = sign.start()
        while j and lower[j - 1].isspace():
            j -= 1
        if not j:
            continue
        last = lower[j - 1]
        if last.isdigit():
            starts: Iterator[int] = iter(range(max(0, j - 4), j))
        elif lower.endswith(_WORDS_TUPLE, 0, j):
            starts = (j - len(w) for w in _WORDS_TUPLE if lower.endswith(w, 0, j))
        else:
            continue
        for start in starts:
            m = BARE_RANGE.match(lower, start)
            if m is not None:
                return m
    return None


def _bare_range(lower: str) -> tuple[float | None, float | None] | None:
    m = _bare_range_match(lower)
    if m is None:
        return None
    return _num(m.group("n")), (_num(m.group("m")) if m.group("m") else None)


# "certified as a speech therapist for over 2 years", "licensed for at least four years": years a licence or a
# certification has been held are years in that profession (twenty-ninth round). Read only when no figure of
# years is found; "valid for two years" and "certified within 2 years of hire" are none. No word boundaries:
# LinkedIn glues lines together ("aloneRegistered as ... 3 yearsA bike helps").
CREDENTIAL_YEARS = re.compile(
    rf"(?<!un)(?<!de)(?:certified|licensed|registered|credentialed)\s+(?:as\s+(?:an?\s+)?(?:[\w./-]+\s+){{1,4}}?)?for\s+"
    rf"(?:(?:a\s+)?minimum\s+of\s+|at\s+least\s+|over\s+|more\s+than\s+)?(?P<n>{_N})\s*\+?\s*"
    r"(?:\(\d{1,2}\)\s*)?years?")


# The regex has no literal to start from and would try every position of every text with no figure of years
# (about 18 us a real posting); one of its words must be there first.
_CREDENTIAL_WORDS = ("certified", "licensed", "registered", "credentialed")


def _credential_years(lower: str) -> tuple[float | None, float | None] | None:
    if not any(word in lower for word in _CREDENTIAL_WORDS):
        return None
    m = CREDENTIAL_YEARS.search(lower)
    return (_num(m.group("n")), None) if m else None


# Indeed's "Experience:" block: a heading line, then one "topic: N years (Required|Preferred)" a line; the
# same shape under "Requirements:" with bare "topic: N+ years" lines (forty-third round; tune Hacker News
# 2017-12 #350)
_BLOCK_HEADING = re.compile(r"(?:^|\n)[ \t*#]*(?:experience|requirements)[ \t]*:[ \t]*\n")
_BLOCK_TOPIC = re.compile(r"[ \t*•-]*([^\n:]{1,40}):")
_BLOCK_LINE = re.compile(r"[ \t*•-]*[^\n:]{1,40}:(?:[^\n]{0,40}\((?:required|preferred)\)|[ \t]*\d{1,2}"
                         r"(?:[ \t]*[-–][ \t]*\d{1,2})?\+?[ \t]*(?:years?|yrs?)\b[^\n:]{0,30})[ \t]*\n")
# a line giving the length of something else than experience ("Contract: 2 years"): no topic of the block
_BLOCK_NOT_TOPIC = re.compile(r"contract|duration|term\b|length|period|probation|notice|commitment|warranty|"
                              r"vesting|age\b")


def _block_topic(lower: str, start: int, line_left: str) -> str | None:
    """The topic of an Indeed "Experience:" block line ("java" of "Java: 3 years (Required)") whose figure
    starts at ``start``, or None when the figure is not on such a line."""
    m = _BLOCK_TOPIC.fullmatch(line_left.rstrip())
    if not m:
        return None
    line = lower.rfind("\n", 0, start) + 1
    above = lower[max(0, line - 400) : line]
    headings = list(_BLOCK_HEADING.finditer(above))
    if not headings:
        return None
    heading = headings[-1]  # the nearest "Experience:" heading above
    between = above[heading.end() :]  # only other lines of the block between the heading and this one
    if _BLOCK_LINE.sub("", between).strip():
        return None
    if "requirements" in heading.group():
        # the bare shape only: the line is "topic: N+ years" itself ("Backend: 6+ years Python, Django" lists
        # a role's years and tools, not one topic's)
        end = lower.find("\n", start)
        if not _BLOCK_LINE.fullmatch(lower[line : len(lower) if end == -1 else end] + "\n"):
            return None
    topic = m.group(1).strip()
    return None if _BLOCK_NOT_TOPIC.search(topic) else topic


_DE_NUMBERS = {str(w).lower(): float(v) for w, v in (_LANG.get("de", {}).get("numbers") or {}).items()}
# German writes the years as an adjective: "3-jährige Berufserfahrung", "zweijährige", "3–5-jährige
# einschlägige Berufserfahrung" (up to two words between), also before any compound ending in "-erfahrung"
# ("4-jährige Beratungserfahrung"; forty-sixth round); "2-jährige Ausbildung" is a training's length.
_DE_ADJECTIVE_YEARS = re.compile(
    r"(?:(?<![\d.])(?P<a>\d{1,2})(?:\s*[-–/]\s*(?P<b>\d{1,2}))?\s*-?\s*|\b(?P<w>"
    + "|".join(sorted(map(re.escape, _DE_NUMBERS), key=len, reverse=True))
    + r"))jährige[nrs]?\s+(?:[\wäöüß-]+\s+){0,2}?[a-zäöüß]*erfahrung"
)


def _german_adjective_years(lower: str) -> list[tuple[float | None, float | None, bool, bool, int]]:
    found: list[tuple[float | None, float | None, bool, bool, int]] = []
    last_end = -1
    for m in _DE_ADJECTIVE_YEARS.finditer(lower):
        if last_end != -1 and " oder " in lower[last_end : m.start()] and m.start() - last_end < 300:
            continue  # "3-jährige Berufserfahrung ... oder ... 5-jährige": another way in, not a higher bar
        last_end = m.end()
        lo = float(m["a"]) if m["a"] else _DE_NUMBERS[m["w"]]
        hi = float(m["b"]) if m["b"] else None
        found.append((lo, hi, True, False, m.start()))
    return found


def _preferred(lower: str, p: int) -> bool:
    """Is the requirement at ``p`` marked as preferred / nice to have (same line or sentence)?"""
    paren = lower.find("(", p, p + 12)
    if paren != -1 and lower.startswith("(preferred)", paren):
        return True  # Indeed's "Python: 4 years (Preferred)"
    off = min(80, p)
    line = lower[p - off : p + 90]
    start = max(line.rfind("\n", 0, off), line.rfind(". ", 0, off), line.rfind("(", 0, off)) + 1
    end = len(line)
    for sep in ("\n", ". ", "("):
        k = line.find(sep, off, end)
        end = k if k != -1 else end
    segment = line[start:end]
    if any(w in segment for w in PREFERRED_WORDS):
        return True
    # a qualification field line "Experience - 2-4 years - <topic>, Preferred": the marker closes the line,
    # however long (forty-second round)
    nl = lower.find("\n", p, p + 400)
    if nl == -1 and len(lower) - p <= 400:
        nl = len(lower)
    if nl != -1 and lower.endswith(", preferred", 0, nl):
        return True
    if nl != -1 and _closing_preferred(lower, p, nl):
        return True
    return _under_preferred_heading(lower, p)


# "N+ years of experience building <kind of> graphs with <Tool> ... preferred": a line closed by the marker
# with no comma marks its figure however long, when no other requirement stands between them (then the
# marker is that one's: "..., specific experience with <area> strongly preferred") and no sentence ends
# between (real-later-v48)
CLOSING_PREFERRED = re.compile(
    r"\s(?:" + "|".join(re.escape(w) for w in _LANG["en"]["closing_preferred"]) + r")\.?[ \t]*$"
)
OTHER_ASKED = tuple(str(w).lower() for w in _LANG["en"]["other_asked"])


def _closing_preferred(lower: str, p: int, nl: int) -> bool:
    line = lower[p:nl]
    if not line.rstrip(" \t.").endswith("preferred"):
        return False  # cheap exit: almost every line ends otherwise
    m = CLOSING_PREFERRED.search(line)
    if m is None:
        return False
    between = line[: m.start()]
    if any(b in between for b in (". ", ";", "•")):
        return False
    return sum(between.count(w) for w in OTHER_ASKED) <= 1


def _under_preferred_heading(lower: str, p: int) -> bool:
    opened = max(
        (lower.rfind(h, 0, p) + len(h) for h in PREFERRED_HEADINGS if lower.rfind(h, 0, p) != -1), default=-1
    )
    if opened == -1:
        return False
    return all(lower.find(h, opened, p) == -1 for h in REQUIRED_HEADINGS)


_JAHR = re.compile("jahr")
YEAR_WORDS = (re.compile("y(?:ea)?r"), _JAHR)  # literal-prefix regexes beat str.find
# Other languages' "years" right after a figure ("5 ans", "3 anos", "2 lata"): found with the figure,
# because the words alone ("an", "lat") are everywhere.
OTHER_YEAR_WORDS = re.compile(
    rf"(?:[\d)+]|\b(?:{'|'.join(WORDS)}))[\s\u00a0]*\+?[\s\u00a0]*(?P<w>{_OTHER_YEARS})(?![^\W\d_])"
)
NUMBER_ENDINGS = (*WORDS, "more", "above", "greater", "plus")
_OTHER_YEAR_AT = automaton(_cue("year_words"))
_WORDS_TUPLE = tuple(WORDS)


def cue_words() -> dict[str, list[str]]:
    """This module's automata's words for a posting's shared scan, each set in its automaton's numbering."""
    return {DEGREE_CUES: _DEGREE_GATE.scanned_words(), YEAR_CUES: _OTHER_YEAR_AT.words(),
            RUNG_CUES: _RUNG_PHRASES.automaton.words() if _RUNG_PHRASES.automaton else [],
            PROFESSIONAL_CUES: list(_PROFESSIONAL_LITERALS)}


def _other_years_possible(lower: str, shared: PostingText | None = None) -> bool:
    """False only when OTHER_YEAR_WORDS cannot match ``lower``: no year word stands after a figure.

    Why: that regex tries its alternation of figures and number words at every position, about
    160 µs on an ordinary English description ("an" and "la" are in nearly every text), and matches
    almost never. Every match ends in a year word not followed by a letter and, past spaces and a
    "+", follows a digit, ")", "+" or a number word; each year word found (one Aho-Corasick pass) is
    checked for that, a looser test than the regex's, so a text it rejects has no match.
    """
    hits = shared.hits(YEAR_CUES, lower) if shared else None
    if hits is None:
        hits = _OTHER_YEAR_AT.find_matches_as_indexes(lower, overlapping=True)
    for _, start, stop in hits:
        if lower[stop : stop + 1].isalpha():
            continue  # "platform", "plans" are not "lat", "ans"
        j = start - 1
        while j >= 0 and lower[j].isspace():
            j -= 1
        if j >= 0 and (lower[j].isdigit() or lower[j] in ")+" or lower.endswith(_WORDS_TUPLE, 0, j + 1)):
            return True
    return False


def _ends_with_word(text: str, words: tuple[str, ...]) -> str:
    if not text.endswith(words):
        return ""
    for w in words:
        if text.endswith(w) and (len(text) == len(w) or not text[-len(w) - 1].isalpha()):
            return w
    return ""


# "2 years of experience working remotely", "3+ years of remote work experience": a condition on the work
# arrangement, not the years of the job's own work (twenty-first round; tune Hacker News 2017-10 #441)
# ("2 year minimum previous F/T remote experience", "3+ years of prior remote experience": eighty-ninth round)
REMOTE_YEARS = re.compile(r"(?:years?|yrs?)['’]?\s+(?:(?:minimum|min\.?)\s+)?(?:of\s+)?"
                          r"(?:(?:prior|previous|proven)\s+)?(?:(?:f/t|full[\s-]time)\s+)?"
                          r"(?:experience\s+)?(?:work\w*\s+remotely|remote(?:ly)?\s+(?:work|experience))")


# a field line "Experience - Less than" / "Experience: less than" right before the figure
_BAND_FIELD = re.compile(r"(?:^|\n)[ \t*•-]*experience\s*[-:–]\s*less\s+than$")


def _hit(lower: str, p: int, hits: list, text: str | None = None
         ) -> tuple[float | None, float | None, bool, bool, int] | None:
    if p > 0 and lower[p - 1].isalpha():
        return None  # "Newyear", "pyramid"
    j = p - 1
    while j >= 0 and lower[j] in " \u00a0*'’-\\":
        j -= 1
    end, overall = p, False
    word = _ends_with_word(lower[max(0, j - 12) : j + 1], OVERALL_WORDS) if lower[j : j + 1].isalpha() else ""
    if word:
        # "6 or more overall years": the overall figure written before "years", as "years of overall ..."
        end, overall = j + 1 - len(word), True
        j = end - 1
        while j >= 0 and lower[j] in " \u00a0":
            j -= 1
    if j < 0 or not (lower[j].isdigit() or lower[j] in ")+–—" or lower.endswith(NUMBER_ENDINGS, 0, j + 1)):
        return None  # cheap exit for "this year", "per year", "years of experience" without a figure
    # a bracket before "years" may close a career level's name: read further back (sixty-second round)
    m = CORE.search(lower, max(0, j - (40 if lower[j] == ")" else 22)), end)
    if not m:
        return None
    before = lower[max(0, m.start() - 70) : m.start()].rstrip()
    pre = _ends_with_word(before, PRE_WORDS)
    if pre:
        before = before[: -len(pre)].rstrip()
        before = before[:-2] if before.endswith(" a") else before
    if before.endswith((">", "≥")):
        # "> 2 years" is "over 2": the sign goes as the word would, so "<degree> or > 2 years" is still the
        # other side of the "or" (real-later-v40)
        before = before.rstrip(">=≥ ")
    after = lower[p : p + 110]
    bad = _ends_with_word(before, BAD_WORDS)
    if bad == "than" and _BAND_FIELD.search(before, max(0, len(before) - 60)):
        # "Experience - Less than 2 years - ..., Required": a required band below N years is 0-N (lead ruling;
        # forty-second round); "than" elsewhere stays a comparison ("less than 3 years and you ...")
        return 0.0, _num(m.group("a")), True, False, p
    if bad == "for" and (
        (pre in MIN_WORDS and not before[: -len(bad)].rstrip().endswith(COMMIT_WORDS))
        or before[: -len(bad)].rstrip().endswith(WANT_WORDS)
    ):
        bad = ""  # "we're looking for 10+ years of experience"; "... for a minimum of three (3) years"
    if bad or BAD_AFTER.match(after):
        return None
    if m.group("hy") and "experience" not in after[:30]:
        return None  # "a 2-year contract", "4-year degree"
    cut = len(after)
    for sep in (". ", ".\n", "\n", ";", "•"):
        k = _full_stop(after, 0, cut) if sep == ". " else after.find(sep, 0, cut)
        cut = k if k != -1 else cut
    sentence = after[:cut]
    if any(w in sentence for w in NOT_REQUIRED):
        return None  # "(1 year) welcome but not required"
    if "remote" in sentence and REMOTE_YEARS.match(sentence):
        return None  # "2 years of experience working remotely": the arrangement's condition
    if SUBSTITUTE_AFTER.match(sentence) or SUBSTITUTE_BEFORE.search(before):
        return None  # "three years' experience credit for a Master's degree": what a degree is worth
    if before.endswith(" or") and _instead_of_degree(lower, m.start(), p):
        return None  # "a completed degree or at least 2-3 years": a way in without the degree, not the bar
    if _unmet_degree(lower, m.start()):
        return None  # "candidates not meeting the degree requirements ... if they have 7 years": the same
    if _pay_tier(lower, m.start(), sentence):
        return None  # "jusqu'à 2600 € brut mensuel avec 5 ans d'expérience": the pay's tier
    if _not_the_jobs(lower, m.start(), text):
        return None  # "Mit über 20 Jahren Markterfahrung ... sichern wir", "the median engineer has 8 years"
    # "3-5+ years": the upper end is open
    lo, hi = _num(m.group("a")), (_num(m.group("b")) if m.group("b") and not m.group("bplus") else None)
    tier = (m.group("tier") or m.group("apar") or "").strip(" ()")
    if tier and not tier.isdigit() and tier not in NUMBER_WORDS:
        hi = None  # "2+ (mid) or 5 (senior) years": a figure per level, the lowest is the minimum
    line_left = before[-45:].rsplit("\n", 1)[-1]
    k = before.rfind("exp", len(before) - 45)
    label = k != -1 and bool(EXP_LABEL.match(before + " ", k))
    if not label and k != -1 and before.endswith(_HEADING_ENDS):
        # "Years of Experience Requirement" as a heading on the line before the figure (thirty-fourth round)
        label = bool(EXP_HEADING.search(lower, max(0, m.start() - 60), m.start()))
    topic = _block_topic(lower, m.start(), line_left) if not label and line_left.endswith(":") else None
    positive = label or topic is not None or POSITIVE.search(sentence) or POSITIVE.search(line_left)
    if not positive and pre in MIN_WORDS:
        # "Extensive experience in ... for a minimum of three (3) years": the requirement's own sentence
        back = lower[max(0, m.start() - SENTENCE_BACK) : m.start()]
        positive = POSITIVE.search(back, max(back.rfind(". "), back.rfind("\n"), back.rfind(";")) + 1)
    # a range counts with an open top too ("4-8+ years applying <methods>"; real-later-v61)
    if not positive and not ((m.group("plus") or hi or m.group("b") or pre or m.group("more"))
                             and (DIRECT.match(after) or OTHER_DIRECT.match(after))) and not (
            RELATED.match(after) and not _ends_with_word(before, RELATED_NOT_BEFORE)):
        return None
    if pre.startswith(("max", "up to", "no more", "not more")):
        for i in range(len(hits) - 1, -1, -1):  # "minimum of 10 years ... maximum of 14 years"
            if hits[i][1] is None and (hits[i][0] or 0) < lo and p - hits[i][4] < 160:
                hits[i] = (hits[i][0], lo, *hits[i][2:])
                return None
        lo, hi = 0.0, lo
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    if _ends_with_word(before, PART_WORDS) and _part_of_earlier(lower, m.start(), hits):
        return lo, hi, False, False, p  # a part of the figure before it in its sentence, not the overall
    if topic is not None:  # "Java: 3 years (Required)": the topic says whether the figure is general
        return lo, hi, bool(IS_GENERAL.match(f"years {topic} experience")), False, p
    general = label or overall or bool(IS_GENERAL.match(after)) or bool(OVERALL.match(after))
    if general and "exp" in sentence:
        parts = sentence[sentence.find("exp") :].split(None, 1)
        general = len(parts) < 2 or not SPECIFIC_TAIL.match(" " + parts[1])
    return lo, hi, general, False, p


def _part_of_earlier(lower: str, start: int, hits: list) -> bool:
    """Whether an earlier figure stands in the same sentence as the one starting at ``start``."""
    earlier = [h[4] for h in hits if h[4] < start]  # (hits of several year patterns: not in text order)
    if not earlier:
        return False
    between = lower[max(earlier) : start]
    return len(between) < 200 and not any(b in between for b in PART_BREAKS)


LEVELS = {"bachelor": 1, "master": 2, "phd": 3}
_W = {w: re.compile(w) for w in ("bachelor", "degree", "tertiary", "graduat", "master", "doctora")}
_ABBR = {  # case-sensitive, each with a single-letter literal prefix so re scans fast
    "B": re.compile(r"B(?:\.\s?)?(?P<x>Sc|SC|Tech|TECH|Eng|CA|S|A|E)\b\.?"),
    "M": re.compile(r"M(?:\.\s?)?(?P<x>Sc|SC|Tech|TECH|Eng|CA|BA|S)\b\.?"),
    "P": re.compile(r"P(?:h\.?\s?D|HD)\b"),
}
ABBREVIATION_LEVEL = {"B": "bachelor", "M": "master", "P": "phd"}
MASTER_STAGE: tuple[tuple[str, re.Pattern[str]], ...] = (("master", _W["master"]), ("", _ABBR["M"]))
DEGREE_STAGES: tuple[tuple[tuple[str, re.Pattern[str]], ...], ...] = (
    (("bachelor", _W["bachelor"]), ("degree", _W["degree"]), ("tertiary", _W["tertiary"]),
     ("graduat", _W["graduat"]), ("", _ABBR["B"])),
    MASTER_STAGE,
    (("", _ABBR["P"]), ("doctora", _W["doctora"])),
)
NEEDS_CONTEXT = {"S", "A", "E"}  # "BS", "BA", "B.E", "MS" need degree context ("MS Office", "BE IN")
# "BS Degree"
CONTEXT_AFTER = re.compile(r"\s?/|\s+(?:in|[dD]egree|DEGREE|from|with|and)\b|\s+or\s+(?:B|M|Ph|Doctor)|,\s*M")
WORD_AT = re.compile(
    r"(?P<phd>doctorate|doctoral)|"
    r"(?P<master>master(?:'s|’s)|masters?(?=\s*(?:degree|of\b|in\b|or\b|/|and\b|,|\(|required|preferred))|"
    r"post-?\s?graduat\w*|graduate degree)|"
    r"(?P<bachelor>bachelor'?s?\b|bachelor’s|bachelors?\s+of\b|undergraduate degree|"
    # "Undergraduate or Masters degree", "an undergraduate or graduate degree": the lower of the two
    r"undergraduate(?=\s*(?:or|/|and/or)\s*(?:a\s+)?(?:graduate|post-?graduate|masters?|master['’]s)\s+degree))")
NO_DEGREE = re.compile(r"(?:n't|not|never) (?:require|need|ask for)\w* (?:a |any )?(?:college |university "
                       r")?degree|\bno (?:formal |college |university )?degree|degree (?:is )?not "
                       r"(?:required|necessary|needed)|"
                       # a degree people lack ("users who don't have a four-year college degree", "welcome
                       # candidates without a degree"): who is served or welcome, not what is asked
                       r"(?:n't|not|never) (?:have|hold|earn)\w* (?:a |any )?(?:[\w-]+ ){0,2}degree|"
                       r"\bwithout (?:a |any )?(?:[\w-]+ ){0,2}degree|"
                       # the degree of someone already there ("the CEO has a CS degree")
                       r"\b(?:ceo|cto|founders?|co-?founders?) (?:has|have|holds?) (?:an? )?"
                       r"(?:[\w-]+ ){0,2}degree")
# "a degree or specialized training in computer science": a training is accepted instead, as an associate
# degree in place of a bachelor's (labelling guide: no degree required)
DEGREE_OR_TRAINING = re.compile(r"degrees?\s+or\s+(?:an?\s+)?(?:speciali[sz]ed|vocational|professional|"
                                r"technical|specialist|equivalent\s+vocational)\s+(?:training|apprenticeship)")
# "a degree from a college or technical school": a school below a bachelor's may give it (eighteenth round)
DEGREE_OR_SCHOOL = re.compile(r"degrees?\s+from\s+(?:an?\s+)?(?:accredited\s+)?(?:college|university)\s+or\s+"
                              r"(?:an?\s+)?(?:technical|trade|vocational)\s+(?:school|institute)")
SPECIFIC_DEGREE = re.compile(r"bachelor|master|ph\.?d|doctor|mba|associate|graduate|diploma|school|"
                             r"(?:2|two)[\s-]year|"
                             r"\bb\.?s|\bm\.?s|\bb\.?a\b")
GENERIC = re.compile(r"(?:college|university|4-year|four-year|four year|undergraduate|engineering|technical|"
                     r"relevant|related|stem|academic|cs|science|computer science|tertiary|formal|bs|"
                     r"ba)\s+degree|"
                     # "a completed degree": English for "abgeschlossenes Studium" (thirty-second round)
                     r"\b(?:an?|your)\s+(?:completed|finished)\s+degree\b|"
                     r"degree\s+(?:in|from|required|or equivalent|or higher|level)\b|a degree\b(?! of)")


_DEGREE_CUES = tuple((level, re.compile("|".join(f"(?:{p})" for p in CUES["degree"][level])))
                     for level in ("bachelor", "master", "phd"))
_NOT_DEGREE = re.compile("|".join(f"(?:{p})" for p in CUES["degree"]["not"]))
_ALT_DEGREE = re.compile("|".join(f"(?:{p})" for p in CUES["degree"]["alternative"]))
_DEGREE_ANCHORS = ("studi", "hochschul", "abschluss", "bac", "licence", "gradua", "superior", "bacharel",
                   "grado",
                   "licenciatura", "titulaci", "wykszta", "laurea", "hbo", "wo-", "wo ", "dipl", "mestrado",
                   "m\u00e1ster", "master", "magist", "promotion", "doct", "douto", "dottor",
                   "year college", "year university")  # "a four-year college or university"
# Whether a level's alternation can match at all, without running it: an English text passes the
# anchors ("master", "gradua") and the alternation of every level then tried each phrase at every
# position (about 1 ms a posting); the gate answers from the phrases' literals
# (etl/normalize/literal_gate.py).
# A text holding none of the anchors names no degree in another language; the gate answers that in the
# same pass that finds its literals.
_DEGREE_GATE = LiteralGate([p for level, _rx in _DEGREE_CUES for p in CUES["degree"][level]],
                           groups=[len(CUES["degree"][level]) for level, _rx in _DEGREE_CUES],
                           anchors=_DEGREE_ANCHORS)
# the names of this module's cue sets in a posting's shared scan (etl/normalize/shared_text.py)
DEGREE_CUES = "degree phrases"
YEAR_CUES = "year words"
RUNG_CUES = "rung phrases"
PROFESSIONAL_CUES = "professional doctorates"  # the literals the professional-doctorate check needs one of


# get in IT's list of the degrees a job accepts, at the page's end ("Abschluss: Ausbildung, Bachelor, ..."),
# is read on its own line only (the alternative cue '\babschluss:\s*ausbildung\b'): a posting's own degree
# requirement in its text decides over it, and the list decides only where the text states none (lead ruling
# on the fifty-first round; the eighteenth round had let a list starting with a training undo the text's
# degree anywhere).


def _alternative(lower: str, m: re.Match[str]) -> bool:
    """A vocational training offered in place of the degree on its line ("Ausbildung oder Studium")."""
    # 80 before: a training named with its trade and the gender tag before a comma-listed degree ("Ausbildung
    # zum <trade> (m/w/d) für <area>, abgeschlossenes Studium"; real-later-v1) runs past 60 characters
    start = max(m.start() - 80, lower.rfind("\n", 0, m.start()) + 1)
    end = lower.find("\n", m.end())
    # 240 after: "Studium der <a list of fields> erfolgreich abgeschlossen oder stehst kurz vor dem Abschluss"
    # runs past 160 characters (sixty-first round)
    end = m.end() + 240 if end == -1 else min(end, m.end() + 240)
    return _ALT_DEGREE.search(lower, start, end) is not None


@functools.lru_cache(maxsize=1024)
def _alternation(phrases: tuple[int, ...]) -> re.Pattern[str]:
    """The level's alternation cut to the phrases that match the text somewhere (by gate index, in
    order). It finds exactly what the whole one finds: a phrase that matches nowhere matches at no
    position, so at each position the first alternative that matches is the same one. Why: the whole
    alternation tried dozens of phrases at every position (most of the degree stage on real postings)."""
    return re.compile("|".join(f"(?:{_DEGREE_GATE.patterns[i].pattern})" for i in phrases))


def _other_language_degree(lower: str, shared: PostingText | None = None) -> str | None:
    """The lowest degree a non-English requirement names (etl/data/requirement_cues.yaml)."""
    scan = _DEGREE_GATE.scan_anchored(lower, shared.hits_any(DEGREE_CUES, lower) if shared else None)
    if scan is None:
        return None
    for g, (level, _rx) in enumerate(_DEGREE_CUES):  # lowest level first
        matching = scan.group_matching(g)
        if not matching:
            continue  # no phrase of this level occurs: the alternation would find nothing
        for m in _alternation(tuple(matching)).finditer(lower):
            if not _NOT_DEGREE.search(lower, max(0, m.start() - 40), m.end()) and not _alternative(lower, m):
                return level
    return None


def parse_degree(text: str | None, shared: PostingText | None = None) -> str | None:
    """The minimum degree asked: "bachelor", "master", "phd", or None (``shared``: the posting's texts,
    whose cue scan the other-language phrases read, etl/normalize/shared_text.py)."""
    if not text:
        return None
    lower = _lower(text)
    found_english = _parse_english_degree(text, lower, shared)
    if found_english == NO_LEVEL:
        return None
    return found_english or _other_language_degree(lower, shared)


def _parse_english_degree(text: str, lower: str, shared: PostingText | None = None) -> str | None:
    found: set[str] = set()
    for stage in DEGREE_STAGES:  # lowest level first: once it is found, higher ones cannot change the answer
        if stage is MASTER_STAGE and _professional_doctorate(lower, shared):
            found.add("master")  # "J.D.", "Doctor of Pharmacy": a master's level (eleventh-session ruling)
        for needle, pattern in stage:
            if needle:  # the pattern is the word itself: its matches are the word's places, found by find
                found.update(filter(None, (_word_at(lower, i, needle, text) for i in _places(lower, needle))))
            else:
                found.update(_abbreviations(text, pattern))
            if NO_LEVEL in found:
                return NO_LEVEL  # a bootcamp in place of the degree: a higher level named elsewhere is no bar
            if "bachelor" in found:
                return "bachelor"  # the lowest level: nothing later can lower it
        if LESSER_ASKED in found:
            return NO_LEVEL  # a lesser credential required beside a preferred bachelor's: below a bachelor
        if found:
            return min(found, key=LEVELS.__getitem__)
    return None


def _places(lower: str, word: str) -> Iterator[int]:
    """Where ``word`` starts in ``lower``, left to right, not overlapping: the starts of
    ``re.compile(word).finditer(lower)`` for a word without regex syntax, found by ``str.find`` (a fast
    search in C; the regex scan of each of the six words cost 3-5 µs a real posting, mostly to find
    nothing)."""
    i = lower.find(word)
    while i != -1:
        yield i
        i = lower.find(word, i + len(word))


def _abbreviations(text: str, pattern: re.Pattern[str]) -> set[str]:
    out = set()
    for m in pattern.finditer(text):
        i = m.start()
        if i and text[i - 1].isalpha():
            continue  # "JOBS", "AWS"
        x = m.groupdict().get("x")
        if x in NEEDS_CONTEXT and not (m.group(0).endswith(".") and x != "A") \
                and not CONTEXT_AFTER.match(text, m.end()) and not text.endswith(("/", "an ", " a "), 0, i):
            continue
        out.add(ABBREVIATION_LEVEL[m.group(0)[0]])
    return out


# "Associates degree/Bachelor's Degree preferred": an associate degree accepted in its place means no
# bachelor's is required (labelling guide)
_ASSOCIATE_OR = re.compile(r"associate'?s?\W{0,3}(?:degree)?\s*(?:/|or\b)\s*$")
# "Bachelor's degree ... OR 2-year technical degree", "Bachelor's degree or paralegal certificate": a lesser
# qualification accepted in place of the bachelor's in its sentence -> no degree (eighteenth round, as an
# associate degree before it)
_LESSER_AFTER = re.compile(r"\bor\s+(?:an?\s+)?(?:(?:2|two)[\s-]year\b|associate(?:'s|’s|s)?\s+degree|"
                           r"technical\s+degree|(?:[a-z-]+\s+)?(?:certificate|diploma)\b)")
# "a Master's or an immersive bootcamp", "BS in CS or a coding bootcamp": a bootcamp accepted in place of the
# degree, as a training is (labelling guide) -> no degree; a doctorate named as another way in does not
# raise it (thirty-second round)
_BOOTCAMP_AFTER = re.compile(r"\bor\s+(?:an?\s+)?(?:[a-z-]+\s+){0,2}?boot\s?-?camps?\b")
NO_LEVEL = "none"  # a lesser way in is accepted: the lowest degree asked is none, whatever else is named
# A bachelor's marked preferred in a line whose clause requires a lesser credential (a high school diploma, a
# GED, an associate degree, a school's graduation): the lowest degree asked is below a bachelor: none, unless
# another bachelor anchor is read as asked (nineteenth session, the tune residue: Glassdoor #441, LinkedIn #9;
# the reading written down for LinkedIn #430). Cue words: requirement_cues.yaml ``degree_lesser_required``.
LESSER_ASKED = "lesser"
_LESSER_CUES = CUES["degree_lesser_required"]
_LESSER_REQUIRED = re.compile(
    r"(?:" + "|".join(_LESSER_CUES["lesser"]) + r")[^.;\n]{0,120}?\b(?:" + "|".join(_LESSER_CUES["required"])
    + r")\b")
_PREFERRED_AFTER = re.compile(r"[^.;\n]{0,150}?(?:" + "|".join(_LESSER_CUES["preferred"]) + r")")
LESSER_LINE = 300  # how far the bachelor's line is read each side for the lesser credential required


def _lesser_required(lower: str, i: int, end: int) -> bool:
    """Whether the bachelor's at ``i``..``end`` is marked preferred and its line requires a lesser
    credential."""
    if not _PREFERRED_AFTER.match(lower, end):
        return False
    start = max(lower.rfind("\n", 0, i) + 1, i - LESSER_LINE)
    stop = lower.find("\n", end)
    stop = min(len(lower) if stop == -1 else stop, end + LESSER_LINE)
    return _LESSER_REQUIRED.search(lower, start, stop) is not None
# A professional doctorate (J.D., D.V.M., Pharm.D., M.D.) is master (the lead's ruling on hres9's question 1):
# a first professional degree at a master's level, not a research doctorate. Cue words:
# etl/data/requirement_cues.yaml ``professional_doctorates``.
_PROFESSIONAL = re.compile("|".join(f"(?:{p})" for p in CUES["professional_doctorates"]["patterns"]))
_PROFESSIONAL_LITERALS = tuple(str(w) for w in CUES["professional_doctorates"]["literals"])


def _names_professional(lower: str, i: int) -> bool:
    """Whether a professional doctorate ends just before ``i`` ("Doctor of Pharmacy degree", "(DVM)
    degree")."""
    return any(i - m.end() <= 8 for m in _PROFESSIONAL.finditer(lower, max(0, i - 45), i))


def _professional_doctorate(lower: str, shared: PostingText | None = None) -> bool:
    """Whether the text asks for a professional doctorate (not one being studied for). The cheap exit when
    no literal occurs reads the posting's shared cue scan when it has one (``shared``: the union automaton
    found every occurrence of every literal, so no hit is the same as no ``w in lower``); eleven substring
    searches of the whole text cost about 20 µs a real posting, most of the degree stage's English part."""
    hits = shared.hits(PROFESSIONAL_CUES, lower) if shared else None
    if hits is not None:
        if not hits:
            return False
    elif not any(w in lower for w in _PROFESSIONAL_LITERALS):
        return False  # cheap exit: most texts name none
    return any(not _ENROLLED.search(lower, max(0, m.start() - 40), m.start())
               for m in _PROFESSIONAL.finditer(lower))


def _sentence_end(lower: str, start: int) -> int:
    """The end of the sentence or line from ``start``, at most 100 characters on."""
    end = start + 100
    for stop in (". ", ";", "\n"):
        k = lower.find(stop, start, end)
        if k != -1:
            end = k
    return end
# "studying for a degree" as "pursuing a degree" (hres9)
_ENROLLED = re.compile(r"\b(?:studying(?:\s+for)?|pursuing|enrolled in|working towards?)\s+(?:either\s+)?"
                       r"(?:an?\s+|your\s+)?(?:\S+\s+(?:or|and|/)\s+)?\S*\s*$|"
                       # "Pursuing or completed bachelor's degree": being enrolled is enough
                       r"\b(?:pursuing|studying(?:\s+for)?|enrolled in|enrol(?:l)?ment(?: in)?)\s+or\s+"
                       r"(?:having\s+)?"
                       r"(?:completed|complete|completion (?:of|in))\s+(?:an?\s+|your\s+)?\S*\s*$")


def _word_at(lower: str, i: int, needle: str, text: str = "") -> str | None:
    if i and lower[i - 1].isalpha() and needle != "graduat" and not (text and _glued(text, i)):
        return None  # inside a word, unless LinkedIn glued it on ("QualificationsBachelor's degree")
    if needle == "tertiary":
        return (
            "bachelor"
            if lower.startswith(("tertiary qualification", "tertiary degree", "tertiary education"), i)
            else None
        )
    if needle == "degree":
        if NO_DEGREE.search(lower, max(0, i - 30), i + 25) or DEGREE_OR_TRAINING.match(lower, i) \
                or DEGREE_OR_SCHOOL.match(lower, i):
            # "we don't require a degree", "no degree required", "degree or specialized training", "degree
            # from a college or technical school"
            return None
        if _ENROLLED.search(lower, max(0, i - 40), i):
            return None  # "currently pursuing a degree in ...": being enrolled is no degree (81st round)
        if "advanced" in lower[max(0, i - 22) : i]:
            # "advanced degree", "advanced clinical degree (e.g., PhD, PsyD)" (labelling guide)
            return "master"
        if SPECIFIC_DEGREE.search(lower, max(0, i - 22), i) or _names_professional(lower, i):
            return None  # "master's degree" (found by its own anchor), "associate degree", "J.D. degree"
        if not GENERIC.search(lower[max(0, i - 24) : i + 30]):
            return None
        return LESSER_ASKED if _lesser_required(lower, i, i + len(needle)) else "bachelor"
    start = max(0, i - 5) if needle == "graduat" else i
    m = WORD_AT.search(lower, start, i + 40)
    if not m or not m.lastgroup or m.start() > i:
        return None
    if m.lastgroup == "master" and lower.endswith(("scrum ", "agile ", "security ", "data "), 0, i):
        return None  # a Scrum Master or Agile Master is a role; a "security master" is reference data
    if _ENROLLED.search(lower, max(0, i - 40), i) or lower.startswith((" student", " candidate"), m.end()):
        # "currently pursuing a Bachelor's degree", "a Master's student earns ...": being enrolled is
        # no degree (labelling guide)
        return None
    if _NOT_DEGREE.search(lower, max(0, i - 40), i):
        return None  # the same in another language's words ("Student:in (Bachelor oder Master)"; v40)
    if "ausbildung" in lower or "bac" in lower or "alternativ" in lower:
        line = max(i - 60, lower.rfind("\n", 0, i) + 1)
        if _ALT_DEGREE.search(lower, line, i):
            return None  # "Ausbildung oder Studium", "Abschluss: Ausbildung, Bachelor": a training instead
    if m.lastgroup in ("bachelor", "master") and _BOOTCAMP_AFTER.search(lower, m.end(),
                                                                      _sentence_end(lower, m.end())):
        return NO_LEVEL
    if m.lastgroup == "bachelor" and (lower.startswith(("bachelor party", "bachelorette"), i)
                                      or _ASSOCIATE_OR.search(lower, max(0, i - 30), i)
                                      or _LESSER_AFTER.search(lower, m.end(), _sentence_end(lower, m.end()))):
        return None
    if m.lastgroup == "bachelor" and _lesser_required(lower, i, m.end()):
        return LESSER_ASKED
    return m.lastgroup


def _glued(text: str, i: int) -> bool:
    """A capitalised word glued to the previous one: a lost line break ("QualificationsBachelor's"), also
    after a heading in capitals ("NICE TO HAVEMaster's", sixteenth round)."""
    if i >= len(text) or not text[i].isupper():
        return False
    if text[i - 1].islower():
        return True
    return i + 1 < len(text) and text[i + 1].islower() and i >= 4 and text[i - 4 : i].isalpha() \
        and text[i - 4 : i].isupper()


# A comment that lists its openings as entries ("Senior Engineer:\nGo\n6+ Yrs\nLink: ...", then
# "Engineer:\n... 3+ Yrs"): the years of the entry naming the posting's own role are its requirement (the
# lead's ruling on the twelfth round's v6 question 3, sixteenth round). An entry is the role opening its line
# (or following a link) with a colon; it ends at the next link, address or entry line. A bare "3+ Yrs" counts
# there, as the entry is about the role's requirements.
LISTING_WINDOW = 160  # characters of one entry read for its years
_LISTING_YEARS = re.compile(
    r"(?<![\d.])(\d{1,2})\s*(?:(?:-|–|to)\s*(\d{1,2})\s*)?\+?\s*(?:yrs?|years?)\b(?!\s+(?:ago|old))")
_LISTING_END = re.compile(r"link\s*:|https?://|www\.|\n[^\n:]{2,60}:")


def listed_role_years(role: str | None, text: str | None) -> tuple[float | None, float | None] | None:
    """(min, max) years written in the text's own entry for ``role`` (the title, or the first role a title
    lists), or None when the text lists no such entry or the entry states no years."""
    if not role or not text or ":" not in text:
        return None
    name = role.strip().lower()
    if len(name) < 4:
        return None
    lower = _lower(text)
    at = lower.find(name)
    while at != -1:
        after = at + len(name)
        colon = after + len(lower[after : after + 3]) - len(lower[after : after + 3].lstrip(" \t"))
        if lower[colon : colon + 1] == ":":
            before = lower[lower.rfind("\n", 0, at) + 1 : at].strip(" \t*•-")
            last = before.rsplit(None, 1)[-1] if before else ""
            if not before or "://" in last or last.startswith("www."):  # opens its line, or follows a link
                window = lower[colon + 1 : colon + 1 + LISTING_WINDOW]
                end = _LISTING_END.search(window)
                m = _LISTING_YEARS.search(window[: end.start()] if end else window)
                return (float(m.group(1)), float(m.group(2)) if m.group(2) else None) if m else None
        at = lower.find(name, at + 1)
    return None


# A profile written once per rung of a ladder ("Als Berater hast du erste Praxis ... Als Senior
# Berater hast du drei Jahre oder mehr ..."): under a title naming the lower rung alone, the higher
# rung's sentence is another opening's bar, so its years are not the posting's (twenty-first round).
_RUNG = re.compile(r"\b(?:als|as an?)\s+(senior|junior|lead|principal|staff)\s+"
                   r"([^\W\d_][\w-]*(?:\s+[^\W\d_][\w-]*){0,3})", re.I)
_RUNG_WORDS = ("senior", "junior", "lead", "principal", "staff")
# the plain phrases one of which a text writing a rung holds ("as a senior "), found in one Aho-Corasick
# pass: fifteen substring scans of each text cost about 20 us a real posting
_RUNG_PHRASES = AnyOf(tuple(f"{lead} {word} " for word in _RUNG_WORDS for lead in ("as a", "as an", "als")))
_RUNG_END = re.compile(r"[.!?](?=\s|[^\W\d_]|$)|\n")


def other_rungs_dropped(title: str, text: str, shared: PostingText | None = None) -> str:
    """``text`` without the sentences that write another rung's profile ("As a Senior X you have ...") beside
    the title's own rung ("As an X you ..."), when the title names that role without the level word
    (``shared``: the posting's texts, whose cue scan finds the rung phrases)."""
    if not title or not text:
        return text
    low = _lower(text)
    # plain substring tests first: the regex below costs ~35 us a kilobyte, and few texts write a rung
    hits = shared.hits(RUNG_CUES, low) if shared else None
    if not (_RUNG_PHRASES(low) if hits is None else hits):
        return text
    low_title = title.lower()
    drop: list[tuple[int, int]] = []
    for m in _RUNG.finditer(text):
        if re.search(rf"\b{m.group(1).lower()}\b", low_title):
            continue  # the title names this rung: its own sentence
        words = m.group(2).split()
        name = next((" ".join(words[:k]).lower() for k in range(len(words), 0, -1)
                     if re.search(rf"\b{re.escape(' '.join(words[:k]).lower())}\b", low_title)), None)
        if name is None or not re.search(rf"\b(?:als|as an?)\s+{re.escape(name)}\b", text, re.I):
            continue  # another role, or no sentence of the title's own rung beside it
        end = _RUNG_END.search(text, m.end())
        drop.append((m.start(), end.end() if end else len(text)))
    for start, stop in reversed(drop):
        text = text[:start] + text[stop:]
    return text
