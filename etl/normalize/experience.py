"""Years of experience and the minimum degree a posting asks for, from its free text.

Why: no source has structured experience or education fields for the roles we chart;
requirements only appear in prose ("5+ years", "at least seven (7) years", "BS/MS in
Computer Science"), mixed with years that are not requirements (company age, contract
length, "within 3 years you will", ages, 401k) and with narrower sub-requirements.

Experience rules (:func:`parse_experience` returns (min, max) or None):
* "5+ years", "over 6", "at least 7", "eight or more" -> (n, None); "5-8", "5 to 8",
  "minimum of 5-8" -> (5, 8); a single figure "5 years of experience" -> (5, None),
  because a stated figure is a floor ("at least" is implied); "up to 2 years" -> (0, 2);
  "minimum of 10 years ... maximum of 14 years" -> (10, 14).
* A figure counts only when experience words sit next to it (experience, exp, background,
  or "years in/of/as/with ..." after a +, a range or "minimum"), and not when it is
  company history, a contract/degree length ("2-year contract", "4-year degree"), an age,
  or a time promise ("within 3 years", "in the next 2 years", "founded 10 years ago").
* Several requirements: the overall one is the LARGEST minimum among GENERAL ones
  (years of experience / software development / engineering ..., not "with Kubernetes"
  or "in Java"); with no general one, the first. Requirements marked preferred / nice to
  have / a plus are used only when no other requirement is found.

Degree rule (:func:`parse_degree`): the LOWEST level mentioned as a qualification
(bachelor < master < phd), so "BS/MS" -> bachelor, "Master's or PhD" -> master, "PhD
preferred" alone -> phd; "degree in X" alone -> bachelor. "Scrum Master", "master data",
"bachelor party" and "a degree of autonomy" are not degrees.

Speed: anchors are found with ``str.find``; regexes run only on short slices around them.
"""

from __future__ import annotations

import re

WORDS = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen"]
NUMBER_WORDS = {w: float(i) for i, w in enumerate(WORDS, start=1)}
_N = r"(?<![\d.])\d{1,2}(?:\.\d)?|\b(?:" + "|".join(WORDS) + r")\b"
_PAREN = r"(?:\s*\((?:\d{1,2}|[a-z]+)\))?"
HIT = re.compile(
    rf"(?P<pre>(?:a\s+)?(?:minimum|min\.?|at\s*least|over|more than|in excess of|upwards of|maximum|max\.?|"
    rf"up to|no more than|not more than)\s*(?:of\s*)?)?(?P<a>{_N}){_PAREN}\s*(?P<plus>\+|plus\b)?"
    rf"(?:\s*(?:-|–|—|to|or)\s*(?P<b>{_N}){_PAREN}\s*\+?)?(?P<more>\s*(?:or more|or greater|and above|plus))?"
    rf"\s*(?P<hy>-)?\s*$")
BAD_LEFT = re.compile(r"(?:\b(?:for|since|in|during|within|after|every|next|past|last|first|founded|"
                      r"established|nearly|almost|aged?|ages|than|under|than)\s*(?:the\s+)?(?:past\s+|last\s+)?)$")
BAD_AFTER = re.compile(r"(?:years?|yrs?)\W{0,3}(?:ago|old|of age|in (?:business|operation|a row)|warranty|"
                       r"contract|term|running|history|of (?:service|history|operation|existence|growth)|"
                       r"later|from now|we\b|the company|our\b|you will|you'll|guarantee|program|degree|"
                       r"plan\b|tenure|lease|cycle|anniversary|straight|together)")
EXP_LABEL = re.compile(r"(?:experience|\bexp)\b[^a-z0-9]*(?:(?:required|needed|level|range|ideally|minimum|of)"
                       r"\b[^a-z0-9]*)*$")
POSITIVE = re.compile(r"experience|\bexp\b|expertise|background|track record")
DIRECT = re.compile(r"(?:years?|yrs?)\W{0,3}(?:of\s+|in\s+|with\s+|as\s+|building|developing|designing|working|"
                    r"leading|hands|professional|industry|relevant|software|engineering|programming)")
GENERAL = (r"relevant|professional|proven|progressive|hands[- ]on|industry|related|work|working|practical|"
           r"combined|full[- ]time|commercial|demonstrated|solid|strong|extensive|prior|overall|total|"
           r"post[- ]graduate|technical|software|development|developer|engineering|programming|coding|it|tech|"
           r"back[- ]?end|front[- ]?end|full[- ]?stack|web|applications?|product|systems?|enterprise|design|"
           r"career|production|paid|hands|on|of|and|or|in|the|a|an|similar|comparable|equivalent")
IS_GENERAL = re.compile(rf"(?:years?|yrs?)['’]?\.?\s*(?:(?:{GENERAL})[\s,/&-]+)*"
                        rf"(?:experience|exp\b|as an? (?:senior |lead |staff )?(?:software|developer|engineer))")
SPECIFIC_TAIL = re.compile(r"\s+(?:with|in|using|on)\s+(?!(?:a|an|the|building|developing|designing|"
                           r"delivering|leading|working|writing|shipping|large|similar|related|relevant|"
                           r"software|engineering|development|programming|professional|industry|it|tech|"
                           r"technology|product|web|backend|back-end|full)\b)")
SENTENCE_END = re.compile(r"[.;\n](?:\s|$)|•|\n")
PREFERRED = re.compile(r"prefer|nice to have|nice-to-have|\bbonus\b|\ba plus\b|ideally|desired|desirable")


def _num(token: str) -> float:
    return NUMBER_WORDS.get(token) or float(token)


def parse_experience(text: str | None) -> tuple[float | None, float | None] | None:
    """(min, max) years of experience required, or None when the text states none."""
    if not text:
        return None
    lower = text.lower().replace("\\", "")
    hits: list[tuple[float | None, float | None, bool, bool, int]] = []  # min, max, general, preferred, pos
    for needle in ("year", "yr"):
        p = lower.find(needle)
        while p != -1:
            if needle == "year" or lower[p : p + 3] != "yr" or not lower[p - 1 : p].isalpha():
                hit = _hit(lower, p, hits)
                if hit:
                    hits.append(hit)
            p = lower.find(needle, p + 1)
    if not hits:
        return None
    hits.sort(key=lambda h: h[4])
    for pref in (False, True):
        tier = [h for h in hits if h[3] == pref]
        general = [h for h in tier if h[2]]
        if general:
            best = max(general, key=lambda h: (h[0] or 0.0, -h[4]))
            return best[0], best[1]
        if tier:
            return tier[0][0], tier[0][1]
    return None


def _hit(lower: str, p: int, hits: list) -> tuple[float | None, float | None, bool, bool, int] | None:
    if p > 0 and lower[p - 1].isalpha():
        return None  # "Newyear", "pyramid"
    left = lower[max(0, p - 60) : p]
    m = HIT.search(left)
    if not m:
        return None
    after = lower[p : p + 110]
    before = left[: m.start()]
    if BAD_LEFT.search(before[-30:]) or BAD_AFTER.match(after):
        return None
    sentence = SENTENCE_END.split(after, maxsplit=1)[0]
    if m.group("hy") and "experience" not in after[:30]:
        return None  # "a 2-year contract", "4-year degree"
    lo, hi = _num(m.group("a")), (_num(m.group("b")) if m.group("b") else None)
    pre = (m.group("pre") or "").strip().removeprefix("a ").strip()
    line_left = before[-45:].rsplit("\n", 1)[-1]
    label = EXP_LABEL.search(before[-45:])  # "Experience:\n 8-12 Years"
    positive = POSITIVE.search(sentence) or POSITIVE.search(line_left) or label
    if not positive and not ((m.group("plus") or hi or pre or m.group("more")) and DIRECT.match(after)):
        return None
    if pre.startswith(("max", "up to", "no more", "not more")):
        for i in range(len(hits) - 1, -1, -1):  # "minimum of 10 years ... maximum of 14 years"
            if hits[i][1] is None and (hits[i][0] or 0) < lo and p - hits[i][4] < 160:
                hits[i] = (hits[i][0], lo, *hits[i][2:])
                return None
        lo, hi = 0.0, lo
    if hi is not None and hi < lo:
        lo, hi = hi, lo
    general = bool(IS_GENERAL.match(after)) or bool(POSITIVE.search(line_left)) or bool(label)
    if general:
        tail = sentence[sentence.find("exp") :] if "exp" in sentence else ""
        tail = tail.split(None, 1)[1] if " " in tail else ""
        general = not SPECIFIC_TAIL.match(" " + tail) if tail else True
    line = SENTENCE_END.split(lower[max(0, p - 80) : p])[-1]
    preferred = bool(PREFERRED.search(line + " " + sentence))
    return lo, hi, general, preferred, p


LEVELS = {"bachelor": 1, "master": 2, "phd": 3}
_DEGREE_ANCHORS = ("bachelor", "master", "phd", "ph.d", "doctora", "degree", "b.s", "m.s", "bsc", "msc",
                   "b.sc", "m.sc", "b.tech", "m.tech", "btech", "mtech", "b.e.", "mca", "bca", "mba", "beng",
                   "meng", "b. tech", "postgrad", "post-grad", "undergrad")
_CASE_ANCHORS = ("BS", "MS", "BA", "B.S", "M.S")
DEGREE_AT = re.compile(
    r"(?P<phd>ph\.?\s?d\b|ph\.?\s?d\.|doctorate|doctoral)|"
    r"(?P<master>master(?:'s|’s)|masters?(?=\s*(?:degree|of\b|in\b|or\b|/|and\b|,|\(|required|preferred))|m\.?\s?sc\b|m\.\s?s\.|m\.?\s?tech\b|"
    r"mca\b|mba\b|m\.?eng\b|post-?\s?graduat\w*(?: degree)?|graduate degree|advanced degree)|"
    r"(?P<bachelor>bachelor'?s?\b|bachelor’s|bachelors?\s+of\b|b\.?\s?sc\b|b\.\s?s\.|b\.?\s?tech\b|b\.e\.|bca\b|"
    r"b\.?eng\b|undergraduate degree)")
CASE_AT = re.compile(r"(?P<bachelor>B\.?[SA]\.?(?=\s?/|\s+(?:in|or|degree|from)\b|,\s*M))|"
                     r"(?P<master>M\.?S\.?(?=\s?/|\s+(?:in|degree|from)\b|\s+or\s+(?:Ph|Doctor))|(?<=/)M\.?S\b|(?<=/ )M\.?S\b)")
SPECIFIC_DEGREE = re.compile(r"bachelor|master|ph\.?d|doctor|mba|associate|graduate|diploma|school|"
                             r"\bb\.?s|\bm\.?s|\bb\.?a\b")
GENERIC = re.compile(r"(?:college|university|4-year|four-year|four year|undergraduate|engineering|technical|"
                     r"relevant|related|stem|academic|cs|science|computer science|tertiary|formal|bs|ba)\s+degree|"
                     r"degree\s+(?:in|from|required|or equivalent|or higher|level)\b|a degree\b(?! of)")


def parse_degree(text: str | None) -> str | None:
    """The minimum degree asked: "bachelor", "master", "phd", or None."""
    if not text:
        return None
    lower = text.lower().replace("\\", "")
    found: set[str] = set()
    for needle in _DEGREE_ANCHORS:
        i = lower.find(needle)
        while i != -1:
            if i == 0 or not lower[i - 1].isalpha():
                level = _degree_at(lower, i, needle)
                if level:
                    found.add(level)
            i = lower.find(needle, i + 1)
    for needle in _CASE_ANCHORS:
        i = text.find(needle)
        while i != -1:
            if i == 0 or not text[i - 1].isalpha():
                m = CASE_AT.match(text, i)
                if m and m.lastgroup:
                    found.add(m.lastgroup)
            i = text.find(needle, i + 1)
    return min(found, key=LEVELS.__getitem__) if found else None


def _degree_at(lower: str, i: int, needle: str) -> str | None:
    if needle == "degree":
        if SPECIFIC_DEGREE.search(lower, max(0, i - 22), i):
            return None  # "master's degree" (found by its own anchor), "associate degree"
        return "bachelor" if GENERIC.search(lower[max(0, i - 24) : i + 30]) else None
    m = DEGREE_AT.match(lower, i)
    if not m or not m.lastgroup:
        return None
    if m.lastgroup == "master" and "scrum" in lower[max(0, i - 7) : i]:
        return None
    if m.lastgroup == "bachelor" and lower.startswith(("bachelor party", "bachelorette"), i):
        return None
    return m.lastgroup
