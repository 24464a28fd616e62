"""Find the base salary in a salary field, a title or a whole description.

Why: pay is published as free text in every shape ("$100-140k + equity", "85.000 €",
"₹ 25-45 Lacs PA", "$35-$55 Per Hour(Glassdoor est.)") among other money (funding rounds,
revenue, bonuses, referral rewards, stipends). :func:`parse_salary` returns one :class:`Salary`
in the published currency and period, or None when nothing credible is found; "up to X" is
(None, X) and "from X"/"X+" is (X, None). :mod:`etl.normalize.money` resolves currencies,
infers periods, annualises, converts and bands it (its API is re-exported here).

It runs on every description, so the amount pattern runs only in small windows around cheap
anchors (:func:`_windows`). The accepted and refused shapes are the cases in tests/test_salary.py.
"""

from __future__ import annotations

import re

from etl.normalize.literal_gate import automaton
from etl.normalize.money import (
    PERIOD_PATTERN,
    Salary,
    annualise,
    enrich,
    infer_period,
    period_of,
    plausible,
    resolve_currency,
    salary_band,
    to_usd,
    units_per_usd,
)
from etl.normalize.shared_text import PostingText

__all__ = ["Salary", "annualise", "enrich", "infer_period", "parse_salary", "plausible",
           "salary_band", "salary_from_fields", "to_usd"]

FIELD_MODE_CHARS = 60  # texts this short are a salary field, not running text


_CODES = r"USD|CAD|AUD|NZD|SGD|HKD|BRL|MXN|GBP|EUR|INR|CHF|PLN|SEK|NOK|DKK|JPY|CNY|RMB|ZAR|ILS|NIS"
_CUR = (r"(?:US\$|CA\$|C\$|AU\$|A\$|NZ\$|S\$|HK\$|R\$|MX\$|\$|£|€|₹|¥|₪|zł|(?<![A-Za-z])(?:Rs\.?|"
        rf"{_CODES})(?![A-Za-z]))")
# after the figure also the currency's name ("5000 Euro pro Monat", "2500 euros")
_SUF = rf"(?:€|£|₹|zł|(?<![A-Za-z])(?:{_CODES}|kr\.?|[Ee]uros?|EUROS?)(?![A-Za-z]))"
_NUM = r"\d{1,3}(?:(?:[,.]|[ \u00a0\u202f](?=\d{3}(?!\d)))\d{2,3})+(?:[.,]\d{1,2})?(?!\d)|\d+(?:[.,]\d+)?"
_MULT = (r"LPA|lpa|[Ll]akhs?|[Ll]acs?|L(?![A-Za-z])|[Cc]r(?:ores?)?(?![A-Za-z])|[kK](?![A-Za-z])|MM|"
         r"[Mm](?:illions?|n)?(?![A-Za-z])|[Bb](?:illions?|n)?(?![A-Za-z])|[Tt]rillions?")
# A range is two figures joined by a dash or a word: English to/and, German bis/und, French à/et,
# Portuguese/Spanish a/até ("90.000 € bis 130.000 €", "entre 2 500 et 2 900", "R$ 8.000 a R$ 10.000").
CANDIDATE = re.compile(  # the look-ahead makes every non-starting position fail at once
    rf"(?=[\d$£€₹¥₪A-Zz])(?:(?P<cur1>{_CUR})\s?)?(?P<num1>{_NUM})(?:\s?(?P<mult1>{_MULT}))?(?:\s?(?P<suf1>{_SUF}))?(?:\s?/\s?(?P<per1>(?i:year|yr|hour|hr|month|mo|week|day)))?"
    rf"(?:\s*(?:-|–|—|~|to|and|bis|und|à|et|até|a(?=\s))\s*(?:(?P<cur2>{_CUR})\s?)?(?P<num2>{_NUM})(?:\s?(?P<mult2>{_MULT}))?"
    rf"(?:\s?(?P<suf2>{_SUF}))?)?(?P<plus>\s?\+)?")
PERIOD_AFTER = re.compile(rf"[\s)]*(?:\(?(?:{_CODES.lower()})\)?\s*)?(?:(?:gross|brutto|net|before "
                          r"tax|pre-tax)\s*)?(?:(?:/|per|an?|each|every(?: "
                          rf"single)?)\s*(?P<p>{PERIOD_PATTERN})|"
                          r"(?P<q>hourly|daily|weekly|monthly|annually|annual|yearly|annum|p\.?\s?a\b\.?))")
PERIOD_WORD = re.compile(PERIOD_PATTERN, re.I)
PERIOD_BEFORE = re.compile(r"hourly|per hour|hour rate|daily|day rate|per day|weekly|per week|monthly|"
                           r"per month|annual|yearly|per annum|per year")
# salary words also in German, French and Portuguese ("Gehalt: 5000 Euro pro Monat", "salaire", "salário")
POSITIVE = re.compile(r"\b(?:(salary|salaries|compensation|ctc|wages?|remuneration|base|\w*gehalt|gehälter|"
                      r"vergütung|salaire|rémunération|salário|remuneração)|"
                      r"pay|paid|comp|rate|earn\w*|income)\b")
FIELD_WORDS = re.compile(r"(?i)up\s?to|from|starting|at|between|and|to|per|an?|year|yearly|annual|annum|"
                         r"month|monthly|hour|hourly|[^a-z]")  # all a bare-number salary field may contain
BARE_LINK = re.compile(r"\w*[\s:=*|()\-–]*(?:(?:range|of|is|are|between|from|up to|approx\.?|approximately|"
                       r"base|annual|gross|starting at|expected|offered|budget)[\s:=*|()\-–]*)*")
AFTER_KEYWORD = re.compile(r"[^.\n]{0,20}?\b(?:base |annual |gross )?(?:salary|compensation|ctc|base pay)\b")
STRONG = re.compile(r"salar|compensation|ctc|wage|remuneration|\bpay\b|\bbase\b|budget|gehalt|vergütung|"
                    r"rémunération|remuneração")
NEG_BEFORE = re.compile(r"rais|fund|series [a-e]\b|seed|\bround|revenue|\barr\b|\bmrr\b|valuation|valued|"
                        r"\bworth|invest|assets|\baum\b|market (?:cap|size|value)|relocation|reimburse|"
                        r"allowance|insurance|cover|floater|mediclaim|spend|sav(?:e|ing)|cost|grant|stipend|"
                        r"\bprize|loan|\bfees?\b|pric|advance|bootcamp|tuition|voucher|meal|gym|wellness|"
                        r"laptop|interview|per task|\brent|\bhous(?:e|es|ing)\b|\bacvs?\b|\bdeal sizes?\b|"
                        r"kunden\s+zahlen|zahlen\s+dafür|kosten|preis|zuschuss")  # de: what customers pay
                        # ("zahlen wir dir zwischen 42.000€ und 80.000€" is the salary), costs, price, subsidy
NEG_STEMS = ("rais", "fund", "series", "seed", "round", "revenue", "arr", "mrr", "valu", "worth", "invest",
             "asset", "aum", "market", "relocat", "reimburs", "allowance", "insurance", "cover", "floater",
             "mediclaim", "spend", "sav", "cost", "grant", "stipend", "prize", "loan", "fee", "pric",
             "advance", "bootcamp", "tuition", "voucher", "meal", "gym", "wellness", "laptop", "interview",
             "task", "rent", "hous", "zahlen", "kosten", "preis", "zuschuss", "acv",
             "deal size")  # a cheap substring pre-check
# before the NEG_BEFORE regex
# the pre-check as one search: ~2x faster than 45 `in`s
NEG_STEM = re.compile("|".join(map(re.escape, NEG_STEMS)))
NEAR_NEG = re.compile(r"(?:bonus|sign-?on|signing|referral|equity|stock|rsus?|tips|commission|gift|credit|"
                      r"stipend|budget of|equivalent|total comp\w*|total cash|\bote\b|\btc\b|on-target "
                      r"earnings)\W{0,4}(?:of|up to|worth|:|-|–)?\W{0,3}$")
EXCLUDING = re.compile(r"\((?:excl|not incl|without)[^)]*\)|(?:excluding|plus|\+)\s[\w ,&]{0,25}")
NEG_AFTER = re.compile(r"[\s+)]*(?:in\s+|of\s+)?(?:funding|seed|series|round|revenue|arr\b|mrr\b|valuation|"
                       r"raise|investment|assets|aum\b|gmv|in sales|annual (?:revenue|sales|"
                       r"payment|run)|payments?|worth|budget|grant|prize|tips|commissions?|loans?|users|"
                       r"customers|employees|compan|business|fund|per (?:accepted )?task|per interview|"
                       r"per (?:successful )?(?:referral|hire)|cash|cr aum|equity raise|"
                       # "$50,000 - $120,000 per year made up of base plus commission": total pay, not base
                       r"(?:made up of|including|inclusive "
                       r"of)\s+(?:base\s+(?:pay\s+|salary\s+)?(?:plus|\+|and)\s+)?"
                       r"(?:commissions?|bonus(?:es)?|tips))"
                       # "$40K-$60K/year, based on base pay and bonuses": the same total, after a comma
                       r"|,?\s*based on\s+base\s+(?:pay|salary)\s+(?:plus|\+|and|&)\s+"
                       r"(?:commissions?|bonus(?:es)?)")
NEAR_AFTER = re.compile(r"\s*-?\s*(?:in\s+)?(?:equity|stock|options|rsus?|bonus|sign|referral|relocation|"
                        r"perk|life|insurance|floater|reimbursement|allowance|gift|credit|tips?|ote|tc\b|"
                        r"stipend|total comp)")
UP_TO = ("<", "≤", "up to", "upto", "max", "maximum", "under", "below", "less than", "no more than",
         "bis zu", "bis", "maximal", "jusqu'à", "jusqu’à", "até")  # de, fr, pt
FROM = (">", "≥", "from", "starting", "starting at", "starting from", "starts at", "start at", "min",
        "minimum", "at least", "over", "more than", "above", "upwards of", "in excess of",
        "ab", "à partir de", "a partir de")  # de, fr, pt ("mindestens" is mostly years of experience)
OPEN_AFTER = ("and up", "or more", "and above", "or higher")
# Anchors. CPython's str.find is slow for short needles, and a regex whose first item is a
# character class scans slowly too; single-character finds and literal-prefix regexes are fast.
SYMBOLS = ("$", "£", "€", "₹", "¥", "₪")
# the amount follows the word (German, French, Portuguese words too: "Gehalt:", "rémunération", "salário")
KEYWORDS = tuple(re.compile(w) for w in ("salar", "compensation", "gehalt", "vergütung", "rémunération",
                                         "remuneração"))
CURRENCY_WORDS = ("euro",)  # the currency as a word after the figure: "5000 Euro pro Monat"
K_SUFFIXES = tuple(re.compile(w) for w in ("0k", "5k"))  # "120k-180k" with no currency sign
# Scanned only where the convention is used (country unknown, or India / outside the US respectively):
LAKH_SUFFIXES = tuple(re.compile(w) for w in ("lpa", "lakh", "lacs"))  # "Up to 30 LPA"
PERIODS = tuple(re.compile(w) for w in ("month", "year", "annu", "hour"))  # "SGD 7,000 - 9,500 monthly"


# Every anchor above as (kind, offset before, offset after) in one automaton: one pass finds them all
# (each is a literal that cannot overlap itself, so all occurrences are what str.find and a literal
# regex found one anchor at a time; the symbols are not letters, so ``lower`` has them where ``text``
# does).
_ANCHORS: list[tuple[str, int, int]] = [
    ("sym", 4 if s == "$" else 25, 45) for s in (*SYMBOLS, *CURRENCY_WORDS)
]
_ANCHORS += [("kw", 0, 80) for _ in KEYWORDS] + [("k", 25, 25) for _ in K_SUFFIXES]
_ANCHORS += [("lakh", 25, 25) for _ in LAKH_SUFFIXES] + [("period", 50, 8) for _ in PERIODS]
_ANCHOR_SCAN = automaton(
    [*SYMBOLS, *CURRENCY_WORDS, *(p.pattern for p in (*KEYWORDS, *K_SUFFIXES, *LAKH_SUFFIXES, *PERIODS))]
)


# the name of the anchors' set in a posting's shared scan (etl/normalize/shared_text.py)
ANCHOR_CUES = "money anchors"


def cue_words() -> dict[str, list[str]]:
    """This module's automaton's words for a posting's shared scan, in its numbering."""
    return {ANCHOR_CUES: _ANCHOR_SCAN.words()}


def _windows(text: str, lower: str, country: str, shared: PostingText | None = None) -> list[tuple[int, int]]:
    """Merged (start, end) windows around every place money may be mentioned."""
    spots: list[tuple[int, int]] = []
    lakh = country in ("", "IN")
    period = country != "US"  # currency codes without a sign: "CAD 150,000-175,000 a year"
    found = shared.hits(ANCHOR_CUES, lower) if shared else None
    if found is None:
        found = _ANCHOR_SCAN.find_matches_as_indexes(lower, overlapping=True)
    for i, at, _ in found:
        kind, before, after = _ANCHORS[i]
        if (kind == "lakh" and not lakh) or (kind == "period" and not period):
            continue
        spots.append((at - before, at + after))
    out: list[tuple[int, int]] = []
    n = len(text)
    for start, end in sorted(spots):
        start, end = max(0, start), min(n, end)
        while start > 0 and (text[start - 1].isdigit() or text[start - 1] in ",."):
            start -= 1
        while end < n and not text[end].isspace():
            end += 1
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out


def parse_number(raw: str) -> float | None:
    """'85.000' -> 85000, '1.234,56' -> 1234.56, '12,00,000' -> 1200000, '16.9' -> 16.9."""
    s = raw.replace(" ", "").replace("\u00a0", "").replace("\u202f", "")
    seps = [c for c in s if c in ",."]
    if seps:
        last = max(s.rfind(","), s.rfind("."))
        tail = s[last + 1 :]
        if len(set(seps)) == 2 or (len(seps) == 1 and len(tail) != 3):
            s = s[:last].replace(",", "").replace(".", "") + "." + tail  # decimal separator
        else:
            s = s.replace(",", "").replace(".", "")  # thousands (incl. Indian) grouping
    try:
        return float(s)
    except ValueError:
        return None


def _multiplier(token: str | None) -> float:
    """k -> 1,000; crore -> 10,000,000; LPA, lakh(s), lac(s), L -> 100,000."""
    t = (token or "").lower()
    return 1.0 if not t else 1e3 if t == "k" else 1e7 if t.startswith("cr") else 1e5


# Pay that is commission alone: the posting has no base salary (labelling guide: commission is never
# salary), whatever figures a board put in its salary fields ("Pay rate: Commission only", "This is a 100%
# commission based position", "all Financial Representatives are Commission only").
_COMMISSION_ONLY = re.compile(
    r"(?i:\b100\s?%\s+commission\b|\bstraight[\s-]+commission\b|"
    r"\bcommission[\s-]+based\s+(?:position|role|job|opportunity|compensation|pay)\b|"
    r"\bpaid\s+(?:solely|entirely|only)\s+(?:on|by|in)\s+commission\b)|"
    r"(?i:\bcommission[\s-]+only)(?![a-z])"  # also glued to the next line: "Commission onlySupplemental pay"
)


def commission_only(text: str | None) -> bool:
    """Whether ``text`` says the pay is commission alone."""
    return text is not None and "ommission" in text and _COMMISSION_ONLY.search(text) is not None


def salary_from_fields(min_amount: float | str | None, max_amount: float | str | None,
                       currency: str | None, period: str | None) -> Salary | None:
    """A Salary from a source's structured fields (None when both amounts are missing or zero)."""
    lo, hi = _field_number(min_amount), _field_number(max_amount)
    if lo is None and hi is None:
        return None
    if lo is not None and hi is not None and lo > hi:
        lo, hi = hi, lo
    cur = (currency or "").strip().upper() or "USD"
    m = PERIOD_WORD.search(period or "")
    per = (period_of(m.group(0)) if m else None) or infer_period(max(v for v in (lo, hi) if v), cur)
    return Salary(lo, hi, cur, per)


def _field_number(value: float | str | None) -> float | None:
    try:
        num = float(str(value).replace(",", "").strip()) if value is not None else None
    except ValueError:
        return None
    return num if num is not None and num == num and num > 0 else None  # NaN, 0 and -1 mean unknown


def parse_salary(text: str | None, *, country: str | None = None, shared: PostingText | None = None
                 ) -> Salary | None:
    """The base salary stated in ``text``, or None when nothing credible is found (``shared``: the posting's
    texts, whose cue scan finds the money anchors, etl/normalize/shared_text.py)."""
    if not text:
        return None
    if "\\" in text:  # Markdown escapes from JobSpy: "\-", "\.", "\+"
        text = text.replace("\\", "")
    lower = text.lower() if text.isascii() else text.encode().lower().decode()  # ASCII-only: 2-3x faster
    field_mode = len(text.strip()) <= FIELD_MODE_CHARS
    best: tuple[int, Salary] | None = None  # windows are merged, so no match is judged twice
    country = (country or "").upper()
    windows = [(0, len(text))] if field_mode else _windows(text, lower, country, shared)
    for start, end in windows:
        for m in CANDIDATE.finditer(text, start, end):
            judged = _judge(text, lower, m, field_mode, country)
            if judged is not None and (best is None or judged[0] > best[0]):
                best = judged
    return best[1] if best else None


def _judge(text: str, lower: str, candidate: re.Match[str], field_mode: bool, country: str
           ) -> tuple[int, Salary] | None:
    """Score one amount or range, or None when it is not a base salary."""
    cur1, num1, mult1, suf1, cur2, num2, mult2, suf2, plus = candidate.group(
        "cur1", "num1", "mult1", "suf1", "cur2", "num2", "mult2", "suf2", "plus")
    if any(x and x[0] in "MmBbTt" for x in (mult1, mult2)) or (num1 == "401" and mult1 in ("k", "K")):
        return None  # millions/billions are funding or revenue; 401k is a pension plan
    start, end = candidate.span()
    lower_before = lower[max(0, start - 70) : start]
    if not (cur1 or suf1 or cur2 or suf2 or mult1 or mult2):
        word = STRONG.search(lower_before[-30:])
        if (not word or not BARE_LINK.fullmatch(lower_before[-30:], word.end())) and not (
                field_mode and not FIELD_WORDS.sub("", text[:start] + text[end:])):
            return None  # bare numbers: "Salary: 95,000" or a field holding only "120000"; not "Req 20456"
    first, second = parse_number(num1), parse_number(num2) if num2 else None
    if first is None:
        return None
    if second is not None and mult2 and not mult1 and first <= second:
        mult1 = mult2  # "$100-140k", "12-18 LPA"
    elif second is not None and mult1 and not mult2 and second >= first:
        mult2 = mult1
    lo, hi = first * _multiplier(mult1), (second * _multiplier(mult2) if second is not None else None)
    if hi is not None and hi < lo:
        lo, hi = (lo, None) if lo > 3 * hi else (hi, lo)  # "$90k and 5 weeks" is no range
    is_range = hi is not None and hi != lo
    text_before = text[max(0, start - 70) : start]
    lower_after = lower[end : end + 60]
    scrubbed = EXCLUDING.sub(" ", lower_before) if ("(" in lower_before or "+" in lower_before
                                                   or "xclud" in lower_before or "plus" in lower_before
                                                   ) else lower_before
    if (NEAR_NEG.search(scrubbed[-30:]) or (not plus and NEAR_AFTER.match(lower_after))
            or NEG_AFTER.match(lower_after)):
        return None
    salary_words = [(word.end(), bool(word.group(1))) for word in POSITIVE.finditer(scrubbed)]
    cut = max(len(scrubbed) - 45, scrubbed.rfind("|"), scrubbed.rfind("\n"), scrubbed.rfind(". "), 0)
    segment = scrubbed[cut:]
    other_money = ([word.end() + cut for word in NEG_BEFORE.finditer(segment)]
                   if NEG_STEM.search(segment) else [])
    word_end, strong_word = salary_words[-1] if salary_words else (-1, False)
    if other_money and other_money[-1] > word_end:
        return None
    word_distance = len(scrubbed) - word_end if salary_words else None
    word_after = bool(AFTER_KEYWORD.match(lower_after))  # "€110.000 - €125.000 annual salary"
    if word_after and word_distance is None:
        salary_words, word_distance, strong_word = [(0, True)], 30, True
    period_match = PERIOD_AFTER.match(lower_after)
    if period_match and NEG_AFTER.match(lower_after, period_match.end()):
        return None
    period = period_of(period_match.group("p") or period_match.group("q")) if period_match else None
    if period is None and candidate.group("per1"):
        period = period_of(candidate.group("per1"))  # "$130,000/year - $150,000/year", "$45/hr" at the end
    if period is None and (period_words := list(PERIOD_BEFORE.finditer(lower_before[-50:]))):
        period = period_of(period_words[-1].group(0).replace("per ", "").split()[0])
    tokens = [t for t in (cur1, suf1, cur2, suf2) if t]
    lakh = any(x and x[0] in "LlCc" for x in (mult1, mult2))
    has_currency, has_multiplier = bool(tokens) or lakh, bool(mult1 or mult2)
    if mult1 and mult1.upper() == "LPA":
        period = "year"
    if plus and lower_after[:1] and lower_after[:1] in "bmt" and not lower_after[1:2].isalpha():
        return None  # "$100+B in payments"
    if not tokens and not salary_words and (mult1 == "L" or (mult1 or "").lower().startswith("cr")):
        return None  # "10L+ conversations": a bare "L"/"Cr" needs ₹/INR/Rs or a salary word
    if not (has_currency or salary_words or field_mode or (is_range and has_multiplier)):
        return None
    qualifier = lower_before.rstrip(" :-–*(")
    bounded = (qualifier.endswith(UP_TO) or qualifier.endswith(FROM)) and (
        period is not None
        or max(lo, hi or 0) / (units_per_usd(resolve_currency(tokens, lakh, country)) or 1) >= 10_000
    )
    header = bounded or (text_before.rstrip().endswith("|")  # "| $85,000/yr |"
                         and ("|" in lower_after[:25] or not lower_after.strip()))
    if not (is_range or has_multiplier or field_mode or strong_word or header or period in ("hour", "day")
            or (period and salary_words)):
        return None
    near = word_distance is not None and word_distance <= 25 and strong_word
    if ((not has_currency and not is_range and not lakh and not field_mode and not near)
            or max(lo, hi or 0) < 5):
        return None  # "200k+ authors"; "-1" sentinels
    if not (has_currency or has_multiplier or period or max(lo, hi or 0) >= 1000):
        return None  # "Salary: 3-5" is no salary
    currency = resolve_currency(tokens, lakh, country)
    low_end: float | None = lo
    high_end: float | None = hi if hi is not None else lo
    if not is_range:
        if qualifier.endswith(UP_TO):
            low_end = None
        elif plus == "+" or qualifier.endswith(FROM) or lower_after.lstrip().startswith(OPEN_AFTER):
            high_end = None
    if period is None:
        period = infer_period(max(v for v in (low_end, high_end) if v is not None), currency)
    score = 2 * is_range + has_currency + has_multiplier + (period_match is not None)
    if word_distance is not None:
        score += 4 + (word_distance <= 25) + strong_word
    return score, Salary(low_end, high_end, currency, period)
