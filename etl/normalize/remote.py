"""Classify the work arrangement of a posting: remote, hybrid, onsite, or None when not stated.

Why: remote work changes who can apply and what a salary means, and sources say
it in different places - the location ("Remote - US", "Hybrid - Bengaluru"),
the title ("Senior Engineer (Remote)"), the text ("fully remote", "3 days a
week in the office", "no remote") or a board flag. The evidence is read in
that order of trust; the first field that states a mode decides:

1. location, then title (short fields: any clear mode word counts);
2. the first 2000 characters of the text, phrase by phrase in this order:
   refusals ("no remote") -> onsite; strong remote ("fully remote",
   "remote-first") -> remote; hybrid phrases -> hybrid; other remote phrases
   ("work from home", "remote position") -> remote; onsite phrases ("this role
   is onsite", "5 days a week in the office") -> onsite;
3. the same statements in other languages (``etl/data/work_arrangement.yaml`` through
   :mod:`etl.normalize.remote_languages`: "2 Tage Homeoffice", "télétravail partiel", "Híbrido");
4. ``remote_hint`` True (the source's structured flag) -> remote, unless the text states this
   job's own arrangement: a flag set per posting (JobSpy ``is_remote``, LinkedIn ``remote_allowed``,
   Ashby ``isRemote`` ...) yields to any statement (hybrid, onsite / "no remote"); a flag of the
   whole board (Remote OK: every posting is remote) only to a hybrid one (ruled 2026-12-04). Whose
   flag each source has is data: ``etl/data/remote_flags.yaml``. False only means "not flagged"
   (the text decides).

"Remote-first" is a company's way of working: it reads remote only when no required weekly share of office
days is stated beside it in any language ("remote-first; in our Leeds office two days a week", "Remote-First
... 2 Tage/Woche vor Ort" are hybrid: a fixed share of office days is hybrid whatever the company calls its
policy; the lead's ruling on the forty-sixth round). Office days left to the holder ("if you like",
"freiwillig") do not count.

Decisions: a field offering both ("REMOTE or ONSITE", "Remote/Hybrid") is
remote, because remote is possible (so is "Position is hybrid/remote" in the
text); "hybrid remote" (Indeed's wording) is hybrid; "temporarily remote" is
onsite. Words that are not about the work mode do not count: "remote
sensing", "remote control", "remotely monitor", "hybrid cloud", "on-site
interview", colleagues' "remote teams", and the job board name "Remote OK".
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache, lru_cache
from pathlib import Path

import ahocorasick_rs

from etl.normalize.literal_gate import LiteralGate, alternatives
from etl.normalize.remote_languages import (
    NEARBY,
    grants_home_work,
    language_reading,
    office_day_statements,
    refuses_remote,
)
from etl.normalize.shared_text import PostingText
from etl.yaml_data import load_yaml

TEXT_WINDOW = 2000
REMOTE, HYBRID, ONSITE = "remote", "hybrid", "onsite"
# Whose a source's remote flag is (etl/data/remote_flags.yaml): set per posting, the whole board's, or none.
POSTING, BOARD, NO_FLAG = "posting", "board", "none"
FLAGS = Path(__file__).resolve().parents[1] / "data" / "remote_flags.yaml"


def _flag_scopes() -> tuple[dict[str, str], str]:
    data = load_yaml(FLAGS.read_text(encoding="utf-8"))
    scopes = {str(k): str(v) for k, v in (data.get("sources") or {}).items()}
    default = str(data.get("default") or POSTING)
    bad = {v for v in (*scopes.values(), default) if v not in (POSTING, BOARD, NO_FLAG)}
    if bad:
        raise ValueError(f"{FLAGS.name}: unknown flag scope(s) {', '.join(sorted(bad))}")
    return scopes, default


FLAG_SCOPES, _DEFAULT_SCOPE = _flag_scopes()


def remote_flag_scope(source: str | None) -> str:
    """Whose the remote flag of postings from ``source`` (an adapter's NAME) is: :data:`POSTING`,
    :data:`BOARD` or :data:`NO_FLAG`; a source the data file does not name has a per-record flag."""
    return FLAG_SCOPES.get(source, _DEFAULT_SCOPE) if isinstance(source, str) else _DEFAULT_SCOPE


# Indeed's job template ends with "Work Location: In person" (or "Remote", "Hybrid remote in Austin, TX"),
# after the 2000 characters the text rules read: the template's own field, read wherever it stands.
_WORK_LOCATION = re.compile(r"work location:\s*(?:(?P<hybrid>hybrid)|(?P<remote>remote)|"
                            r"(?P<onsite>in[- ]person|on[- ]?site))", re.I)
_BEFORE_COLON = len("work location")  # a match's colon is this many characters after its start


def _work_location(text: str) -> re.Match[str] | None:
    """``_WORK_LOCATION.search(text)``, tried only where a colon can end "work location": a
    case-insensitive pattern gives ``re`` nothing to skip ahead by, so the search tried every
    position (about 40 µs a description); case folding pairs characters one to one, so every match
    starts that many characters before a colon, and the first one found here is the search's."""
    at = text.find(":", _BEFORE_COLON)
    while at != -1:
        found = _WORK_LOCATION.match(text, at - _BEFORE_COLON)
        if found:
            return found
        at = text.find(":", at + 1)
    return None

_NOT_MODE_AFTER_REMOTE = (
    r"sens(?:ing|ors?)|control\w*|monitor\w*|patient|access|desktops?|pilot\w*|operat\w*|servers?|sites?|"
    r"locations?|areas?|villages?|communit\w*|regions?|devices?|diagnos\w*|management|debug\w*|procedures?|"
    r"view\w*|surveillance|cameras?|vehicles?|terminals?|shells?|execution|attestation|teams?|colleagues?|"
    r"employees|workers|staff|members|ok\b|\.?co\b|\.io\b|\.com\b"
)
_REMOTE_WORD = re.compile(
    rf"\bremote\b(?![\s-]*(?:{_NOT_MODE_AFTER_REMOTE}))|\bwork(?:ing)?\s+remotely\b|"
    # a place field offering remote work or a city's hybrid office ("Remotely/Leeds (hybrid)", "Leeds/
    # Remotely"; twenty-second round); a bare "Remotely/Leeds" may be only for now (a later line giving office
    # days after a lockdown), so the text decides
    r"\bremotely\s*/\s*[\w-]+(?:\s+[\w-]+)?\s*\(\s*hybrid\b|/\s*remotely\b", re.I
)
_NOT_MODE_AFTER_HYBRID = (
    r"cloud|apps?|applications?|mobile|integration|infrastructure|it\b|vehicles?|cars?|electric\w*|energy|"
    r"systems?|network\w*|storage|data|models?\b(?! of work)|approach|solutions?|architecture|frameworks?|"
    r"search|rag|ai\b|quantum|bonds?|securities|engine|modalit\w*|"
    r"front[\s-]?end|back[\s-]?end|web\b|native\b|crowd\w*|"
    # products of heating, cars and farming ("hybrid heating units", "hybrid seed corn"; 29th round)
    r"heat\w*|water[\s-]heaters?|boilers?|furnaces?|powertrains?|drive[\s-]?trains?|engines?|batter(?:y|ies)|"
    r"seeds?\b|corn\b|crops?\b|varieties|"
    # a laboratory or analytical technique named hybrid, its method noun up to four words on ("hybrid
    # ligand-binding enrichment techniques", "hybrid immunoassays"; later batch real-later-v72, Glassdoor
    # #161); the words between name the technique, never the way of working ("hybrid working methods" stays a
    # mode)
    r"(?:(?!(?:and|or|but|with|in|at|on|for|to|of|is|are|the|an?|work\w*|role|position|job|office|home|"
    r"remote\w*|schedul\w*|days?|weeks?)\b)[\w-]+[\s-]+){0,4}?"
    r"(?:techniques?|methods?\b|methodolog\w*|assays?|immunoassays?|protocols?)\b"
)
_HYBRID_WORD = re.compile(rf"\bhybrid\b(?![\s-]*(?:{_NOT_MODE_AFTER_HYBRID}))", re.I)
_ONSITE_WORD = re.compile(
    r"\bon[\s-]?site\b(?![\s-]*(?:interview\w*|gym|fitness|parking|cafeteria|canteen|caf[eé]|childcare|daycare|"
    r"perks|amenities|meals?|lunch|food|kitchen|health|clinic|visits?|support|training))|\bin[\s-]office\b|"
    r"\bin[\s-]person\b|\boffice[\s-]based\b|\bwork from office\b|\bwfo\b",
    re.I,
)
_REFUSAL = re.compile(
    # "remote-first yet not remote-only": remote work is not refused (the office is offered too)
    r"\b(?:no|not|non)[\s-]+(?:a\s+)?(?:fully\s+)?remote\b(?![\s-]+(?:only|first)\b)|\bremote\s+(?:work\s+)?"
    # "remote work options are not available" (later batch real-later-v2: options read as a possibility below)
    r"(?:options?\s+)?(?:is\s+|are\s+)?not\s+"
    r"(?:available|possible|an option|offered|allowed)|\bunable to (?:offer|support|accommodate) remote|"
    r"\btemporar(?:y|ily)[\s-]+remote\b|"
    # a template's telecommuting field "Telecommuting Not Allowed" (fiftieth round)
    r"\btelecommut(?:e|ing)\s+(?:is\s+)?not\s+(?:available|possible|an option|offered|allowed|permitted)\b",
    re.I,
)
_HYBRID_REMOTE = re.compile(r"\bhybrid[\s-]+remote\b|\bremote[\s-]+hybrid\b", re.I)
# visits counted in a week: "twice weekly", "2-3x weekly", "2-3 times a week" (thirty-seventh round)
_TIMES_A_WEEK = (r"(?:once|twice|(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))?"
                 r"\s*(?:x|times))\s*(?:(?:a|per|each|every)\s+week|weekly)\b")
# remote work for the rest of the week ("remote rest of time", "work remote for the balance"): the other part
# of a share (thirty-seventh round); not "remote for the rest of the year" (for now)
_REMOTE_REST = (r"\bremote(?:ly)?\s+(?:for\s+)?(?:the\s+)?(?:rest|remainder|balance)\b"
                r"(?:\s+of\s+(?:the\s+)?(?:time|week|days?)\b|(?!\s+of\b))")
# days counted "of" remote, home-office or on-site work ("2 days of remote work, 3 days of on-site work", "two
# days of home office"; eighty-ninth round): a share of the week, not the whole job remote; one to four days
_DAYS_OF_WORK = (r"\b(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))?\s+days?\s+"
                 r"(?:(?:a|per|each|every)\s+week\s+)?of\s+(?:(?:remote|on[\s-]?site|in[\s-]office|in[\s-]person|"
                 r"office)\s+work(?:ing)?|home[\s-]?office)\b")
# days counted before a mode word in a short field ("3 days onsite & 2 days remote", "three days in office
# / two days WFH", "Leeds (2 days a week in-office)"; later batch real-later-v103, Hacker News 2018-03
# #311): a share of the week, one to four days, as "2 days of remote work" above; not an interview's or
# onboarding's day
_DAYS_MODE = (r"\b(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))?\s+days?\s+"
              r"(?:(?:a|per|each|every)\s+week\s+)?(?:remote(?:ly)?|on[\s-]?site|in[\s-](?:the\s+)?office|"
              r"in[\s-]person|at\s+(?:the\s+)?office|from\s+home|wfh|wfo)\b"
              r"(?![\s-]*(?:interview\w*|training|onboarding|visits?)\b)")
# a share of home days in a short field ("Leeds (with remote days)", "Derby, some remote days"; nineteenth
# round): hybrid, read before the bare remote word, also beside an onsite header cell
_FIELD_SHARE = re.compile(
    rf"{_DAYS_OF_WORK}|{_DAYS_MODE}|"
    # "Part REMOTE", "partly remote", "ONSITE or partial REMOTE", "part week remote" (ninety-ninth round)
    r"\bremote[\s-]+days?\b|\bpart(?:ly|ial|ially)?(?:[\s-]+(?:of\s+the\s+)?week)?[\s-]+remote\b|"
    # "ONSITE WITH PART-TIME REMOTE", "ONSITE, PART TIME REMOTE": onsite work with part of the week remote
    # (the lead's ruling 1 on real-later-v30, coded in real-later-v66); the onsite word is the guard: a cell
    # "Part time Remote" alone is a part-time job done remotely
    r"\b(?:on[\s-]?site|in[\s-]office)\b[^|\n]{0,20}?\bpart[\s-]+time[\s-]+remote\b|"
    # "Onsite 2-3x weekly, remote rest of time" (thirty-seventh round): office days counted, remote the rest
    rf"\b(?:on[\s-]?site|in[\s-]office|in[\s-]person|in\s+(?:the\s+)?office)\s+{_TIMES_A_WEEK}|{_REMOTE_REST}|"
    # "(work from office 2 days, hybrid)", "WFO 2-3 days": office days counted
    r"\b(?:wfo|work(?:ing)?\s+from\s+(?:the\s+)?office)\s+(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*"
    r"(?:[1-4]|two|three|four))?\s+days?\b", re.I)
# in a Hacker News header cell, "remote OK" anywhere ("ONSITE, US remote OK", "Onsite or Contract (remote
# ok)") allows remote work; only a web address (remoteok.com) is the job board
_REMOTE_OK_CELL = re.compile(r"\b(?:remote\s+ok|remote\s+possible)\b(?!\.\w)", re.I)
_SITE_NAME = re.compile(r"\bremote\s?ok\b(?:\.com|\.io)?|\bremote\.(?:com|co|io)\b|\bweworkremotely\b", re.I)

_TEXT_STRONG_REMOTE = re.compile(
    r"\b(?:fully|100\s?%|completely|entirely|full[\s-]time|permanently)[\s-]+remote\b|\bremote[\s-]+(?:first|only)\b|"
    r"\bwork(?:ing)? from anywhere\b|\b(?:role|position|job|opportunity) is (?:fully |100% )?remote\b|"
    r"\bremote[\s-]+(?:based\s+)?(?:role|position|job|opportunity)\b|\bthis is an? remote\b|"
    # a choice of the office or remote work for this job ("onsite in our <city> office OR remote from Spain",
    # a line "Leeds or Remote"): remote is possible, whatever the company's office days (read before them)
    rf"\b(?:on[\s-]?site|in[\s-]office|in[\s-]person|office)\b[^.\n]{{0,40}}?\bor\s+remote(?:ly)?\b"
    rf"(?![\s-]*(?:{_NOT_MODE_AFTER_REMOTE}))|\n[^\n.]{{1,40}}?\bor\s+remote[ \t]*(?=\n|$)|"
    # "Position is hybrid/remote", "remote / hybrid": a choice that includes remote, as the same pair in a
    # short field (later batch real-later-v12, LinkedIn #97); not other people's ("hybrid/remote staff")
    rf"\b(?:hybrid\s*/\s*remote|remote\s*/\s*hybrid)\b(?![\s-]*(?:{_NOT_MODE_AFTER_REMOTE}|"
    r"professionals?\b|people\b|workers?\b|workforce\b))",
    re.I,
)
# a post that "can be based in" named cities "or remote from" named countries: the same choice of an office or
# remote work (fifty-seventh round, real-fresh-v51 No Fluff Jobs #174); a pattern of its own, tried only where
# "based" or "located" and "or remote" occur (in the strong pattern it cost every piece ~3 us)
_BASED_OR_REMOTE = re.compile(
    r"\b(?:can|could|may)\s+(?:also\s+)?be\s+(?:based|located)\s+(?:in|at|out\s+of)\b[^.\n]{0,80}?\bor\s+"
    rf"remote(?:ly)?\b(?![\s-]*(?:{_NOT_MODE_AFTER_REMOTE}))")
_DAYS = (r"(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))?\s+days?\s+(?:a|per|"
         r"each|every)\s+week")
_AT_OFFICE = (r"(?:in|at|from)\s+(?:the\s+|our\s+|an?\s+)?(?:[\w.'’-]+\s+){0,3}?(?:office|site|hub|hq|"
              r"campus|studio)s?\b")
_ON_SITE = r"(?:on[\s-]?site|in[\s-]office|in[\s-]person|in\s+(?:the|our)\s+office)"
_TEXT_ONSITE_FULLWEEK = re.compile(
    rf"\b(?:5|five) days (?:a|per|each) week {_AT_OFFICE}|\b{_ON_SITE}\b[^.\n]{{0,60}}?\b(?:5|five) days "
    r"(?:a|per|each) week",
    re.I)
# the holder working in the office every weekday: "a clerk for our Leeds office to work Monday through Friday"
# (fifteenth round; "We are in the office Monday to Friday" is the team's, not the job's); read only where
# "office to work" occurs
_OFFICE_WEEKDAYS = re.compile(
    r"\b(?:for|in|at)\s+(?:the\s+|our\s+)?(?:[\w.'’-]+\s+){0,3}?office\s+to\s+work\s+(?:on\s+)?monday\s*"
    r"(?:to|through|thru|until|-|–)\s*friday\b")
# home or remote days named as weekdays ("we work from home on Thursdays", "WFH Tuesdays"; fiftieth round): a
# fixed share of the week; not the whole working week ("from home Monday through Friday"), nor what other
# people do ("lots of staff work from home on Tuesdays": the company in general; tune Hacker News
# 2017-12 #581)
_HOME_WEEKDAYS = (r"\b(?=[wr])(?<!employees )(?<!people )(?<!staff )(?<!folks )(?<!colleagues )(?<!others )"
                  r"(?<!of us )(?<!work )(?<!works )(?<!working )"
                  r"(?:wfh|work(?:s|ing)?\s+(?:from\s+home|remotely)|remote(?:ly)?)\s+(?:on\s+)?"
                  r"(?:mon|tues|wednes|thurs|fri)days?\b(?!\s*(?:-|–|to\b|through\b|thru\b|until\b))")
_TEXT_HYBRID = re.compile(
    rf"\b{_DAYS}\s+{_AT_OFFICE}|"  # "three days a week in our Austin office"
    rf"{_HOME_WEEKDAYS}|"
    r"\b(?:[1-4]|one|two|three|four)\s+days?\s+(?:in|at)\s+(?:the\s+|our\s+)?office\b|"
    rf"\b{_ON_SITE}\b[^.\n]{{0,60}}?\b{_DAYS}|"  # "Onsite in Seattle four days a week"
    rf"\b(?:wfh|work(?:ing)? from home|remote(?:ly)?)\s+{_DAYS}|"  # "WFH two days a week, the rest in ..."
    # office days counted after "work from office" ("work from office 2 days, hybrid", "WFO 2-3 days")
    r"\b(?:wfo|work(?:ing)?\s+from\s+(?:the\s+)?office)\s+(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*"
    r"(?:[1-4]|two|three|four))?\s+days?\b|"
    # "work-from-home days", "home office days": a share of the week
    r"\b(?:wfh|work(?:ing)?[\s-]from[\s-]home|home[\s-]?office|remote)\s+days\b|"
    rf"{_DAYS_OF_WORK}|"  # "2 days of remote work", "two days of home office" (eighty-ninth round)
    # "working at home a couple of days out of every week" (twenty-sixth round)
    r"\bwork(?:ing)?\s+(?:at|from)\s+home\s+(?:for\s+)?(?:a\s+few|a\s+couple(?:\s+of)?|some|[1-4]|one|two|three|"
    r"four)\s+days?\s+(?:out\s+of\s+)?(?:a|per|each|every)\s+week\b|"
    rf"\b{_AT_OFFICE}\s+{_TIMES_A_WEEK}|\b{_ON_SITE}\s+{_TIMES_A_WEEK}|{_REMOTE_REST}|"
    r"\bhybrid(?:es|e|er|en)?\s+arbeit|\b(?:[1-4]|ein(?:en)?|zwei|drei|vier)\s+tage?\s+(?:(?:pro|die|in "
    r"der)\s+woche\s+)?"
    r"(?:im|ins)\s+büro",  # German: "Hybrides Arbeiten: 3 Tage im Büro"
    re.I,
)
# "Partly remote work is possible", "a partially remote position": part of the week at home -> hybrid; so is a
# job "mostly remote" (not wholly: sixteenth round), not a team or company "largely remote" (not this job's)
_MOSTLY = r"(?:mostly|largely|primarily|predominantly|mainly)"
_PARTLY_REMOTE = re.compile(
    r"\b(?:partly|partially|partial)[\s-]+(?:remote|from\s+home)\b|"
    # "part week remote work is possible" (ninety-ninth round): remote for a part of the week
    r"\bpart[\s-]+(?:of\s+the\s+)?week[\s-]+(?:remote|from\s+home)\b|"
    rf"\b(?:role|position|job|work|opportunity)\s+(?:is|will\s+be)\s+{_MOSTLY}[\s-]+remote\b|"
    rf"\b{_MOSTLY}[\s-]+remote\s+(?:work|working|role|position|job)\b|"
    # "there is a remote component to this position" (twenty-sixth round): part of the job, not all of it
    r"\ba\s+remote\s+component\s+(?:to|of|in)\s+(?:this|the)\s+(?:position|role|job)\b|"
    # a template's telecommuting field "Some Telecommuting Allowed" (fiftieth round): a share, not all of it
    r"\bsome\s+telecommut(?:e|ing)\s+(?:is\s+)?(?:allowed|permitted|possible|available|ok)\b")
# "work from home flexibility", "the flexibility to work remotely" (twenty-sixth round): a possibility of home
# work ("... remotely from anywhere" is the whole job: not read here); "(work) remote flexibility" in the
# perks is the same possibility (thirty-third round), not "full remote flexibility" nor a heading "Remote
# flexibility: our team is fully remote" (the line goes on to state the whole job remote)
_FLEXIBILITY = (r"\b(?:wfh|work(?:ing)?[\s-]from[\s-]home|remote[\s-]work(?:ing)?)\s+flexibility\b|"
                r"\b(?=[wr])(?<!full )(?<!fully )(?<!100% )(?:work(?:ing)?[\s-])?remote(?:ly)?"
                r"\s+flexibility\b"
                r"(?![^\n]{0,80}?\b(?:fully|100\s?%|entirely|completely|all)[\s-]+remote)|"
                r"\bflexibility\s+(?:to|of)\s+(?:work(?:ing)?\s+(?:from\s+home|remotely)|remote\s+work(?:ing)?)\b"
                r"(?!\s+(?:from\s+)?anywhere)")
_FLEXIBLE = re.compile(_FLEXIBILITY, re.I)
# A possibility of remote work with no statement that the whole job can be done remotely ("possibility of
# remote work", "remote work possible", "option to work remotely", "occasional home office") is a share of
# home days -> hybrid (labelling guide, eighth round's ruling); "fully remote possible" is read first
# (_strong).
_POSSIBLE_REMOTE = re.compile(
    r"\b(?:possibility|possibilities|option|options|chance)\s+(?:of|to|for)\s+(?:\w+\s+){0,2}?(?:remote(?:ly)?\b|"
    r"(?:work|working)\s+from\s+home\b|home[\s-]?office\b)|"
    r"\bremote\s+(?:work|working)\s+(?:is\s+)?possible\b|"
    r"\boccasional(?:ly)?\s+(?:home[\s-]?office|(?:work|working)\s+from\s+home|remote)\b|"
    # the same possibility with "options" after the remote word ("remote work options" in the perks, "Remote
    # Options Available"; later batch real-later-v2), read before the weak "remote work"
    r"\bremote\s+(?:work(?:ing)?\s+)?options?\b|"
    rf"{_FLEXIBILITY}")
# "possibility of remote work, or our office": a choice of either, which the remote rules read
_OR_OFFICE = re.compile(r"\s*(?:work|working)?\s*(?:,\s*)?or\b")
_WEEKDAY = r"(mon|tues|wednes|thurs|fri)days?"
# "in the office Tuesday through Thursday": hybrid, unless the range is the whole working week.
_TWO_DAYS = re.compile(r"days?\s*(?:and|&)\s")
_OFFICE_DAYS = re.compile(rf"\bin\s+(?:the|our)\s+(?:[\w.'’-]+\s+)?office\s+(?:on\s+)?{_WEEKDAY}"
                          rf"(?:\s*(?:through|to|until|-|–|and|&)\s*{_WEEKDAY})?", re.I)
# A mode word that is a statement of its own: at the start of a sentence or line ("Onsite in Detroit.",
# "Remote within Canada.", "Remote (US), with quarterly meetups"), or closing one ("Day shift, on site.", also
# after "all" or "both": "openings in three cities, all ONSITE."; thirty-seventh round).
_STANDALONE = re.compile(
    r"(?:\n|[.!?;|]\s)\s*(?:fully\s+|100\s?%\s+)?(?:(?P<r>remote)|(?P<o>on[\s-]?site|in[\s-]office|in[\s-]person|"
    r"office[\s-]based))(?=\s*(?:$|\n|[.,;:!(–-]|(?:in|at|within|with|or|from|across|only|throughout)\b))|"
    r",\s*(?:(?:all|both)\s+)?(?P<o2>on[\s-]?site|in[\s-]office|in[\s-]person)\s*(?:$|[.\n])",
    re.I,
)
_TEXT_WEAK_REMOTE = re.compile(
    r"\bwork(?:ing)?\s+(?:from\s+)?remotely\b|\bwork(?:ing)? from home\b|\bwfh\b|\btelecommut\w*|"
    r"\bremote[\s-]+(?:work|working|friendly|ok|eligible|allowed|possible|available)\b|\bopen to remote\b|"
    # "open to working with someone remotely" (fifty-ninth round): the poster accepts remote work for the job
    r"\bopen\s+to\s+(?:work(?:ing)?|hir(?:e|ing)|collaborat(?:e|ing)|partner(?:ing)?)\s+(?:with\s+)?"
    rf"(?:[\w'’-]+\s+){{0,3}}?remote(?:ly)?\b(?![\s-]*(?:{_NOT_MODE_AFTER_REMOTE}))|"
    r"\bremote\s+(?:within|across|throughout|welcome)\b|\bremote team spread\b|\bsome remote\b",
    re.I,
)
_TEXT_ONSITE = re.compile(
    r"\b(?:role|position|job|internship|team) is (?:100% |fully |entirely "
    r")?(?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based)|\b(?:fully|full|100\s?%|full[\s-]time|"
    # "work from our office", not how some of the staff work ("some work from our office, some remotely")
    r"entirely) (?:on[\s-]?site|in[\s-]office|in[\s-]person|office[\s-]based)\b|"
    r"(?<!some )(?<!many )(?<!most )(?<!of us )(?<!others )\bwork(?:ing)? from (?:the |our )?office\b|"
    r"\bwfo\b|"
    r"\bon[\s-]?site (?:roles?|positions?|jobs?|only|work)\b|\b(?:must|required "
    r"to|expected to|need to|will) (?:be able to )?(?:work|be|report) (?:on[\s-]?site|in (?:the |our "
    r")?office|in[\s-]person)|\bwe (?:all )?work (?:on[\s-]?site|in[\s-]person|together in (?:the|our) "
    r"office)\b|\(\s*(?:on[\s-]?site|in[\s-]person|in[\s-]office)(?:\s+only)?\s*\)|"
    # "The intern will be working in-office 20 hours a week"
    r"\bwill be working (?:on[\s-]?site|in[\s-]office|in[\s-]person|in (?:the |our )?office)\b|"
    # the holder of the job "to be based at our Tampa office" (not "... office two days a week": hybrid)
    r"\bbe\s+based\s+(?:in|at|out\s+of)\s+(?:our|the)\s+(?:[\w.'’-]+\s+){0,3}?office\b"
    r"(?!\s+(?:on\s+)?(?:[1-4]|one|two|three|four|once|twice)\b)",
    re.I,
)
# "Location: Remote", "Work type: Hybrid", "Remote: yes" inside a description.
_LABELLED = re.compile(
    r"(?:\b(?:location|work\s*(?:place)?\s*(?:type|model|mode|arrangement|style|setting|location)|job type|"
    # "Request: Map PlannerLocation: Leeds HybridDuration: ..." (a board's fields run together; not
    # "relocation")
    r"type of work|remote)|(?<=[a-z])(?<!re)location(?=:))\s*[:\-–]\s*([^\n.;|]{1,60})",
    re.I,
)


def _fast(rx: re.Pattern[str], first: str) -> re.Pattern[str]:
    """The same phrase rule for lower-cased text: no re.I, and a look-ahead on the characters a match
    can start with, so the many positions that cannot start one fail at once (~3x faster scans)."""
    return re.compile(f"(?=[{first}])(?:{rx.pattern})")


_L_SITE_NAME = _fast(_SITE_NAME, "rw")
_L_REFUSAL = _fast(_REFUSAL, "nrut")
_L_LABELLED = _fast(_LABELLED, "lwjtr")
_L_STRONG_REMOTE = _fast(_TEXT_STRONG_REMOTE, "f1ceprwjotih\n")
_L_HYBRID_REMOTE = _fast(_HYBRID_REMOTE, "hr")
_L_FULLWEEK = _fast(_TEXT_ONSITE_FULLWEEK, "5foi")
_L_HYBRID = _fast(_TEXT_HYBRID, "1-4otfwriahezdv")
_L_HYBRID_WORD = _fast(_HYBRID_WORD, "h")
_L_OFFICE_DAYS = _fast(_OFFICE_DAYS, "i")
_L_WEAK_REMOTE = _fast(_TEXT_WEAK_REMOTE, "wtros")
_L_STANDALONE = _fast(_STANDALONE, "\n.!?;|,")
_L_ONSITE = _fast(_TEXT_ONSITE, "rpjitf1ewomn(b")
# _TEXT_HYBRID with re.I kept (exactly its matches) and _L_HYBRID's look-ahead on the characters a match
# starts with: about 2x faster on a 2000-character window (_hybrid_counts); _PARTLY_REMOTE and
# _POSSIBLE_REMOTE (no re.I) likewise led by the first characters of their alternatives: about 1.5x.
_I_HYBRID = re.compile(_L_HYBRID.pattern, re.I)
# The characters of a lower-cased text that re.I matches to another letter of _TEXT_HYBRID ("ı" to "i", "ſ" to
# "s"; found by testing every character that lower() leaves as it is): without them, the plain _L_HYBRID
# finds exactly what _TEXT_HYBRID finds (another 1.8x).
_FOLDED = ("ı", "ſ")
_L_PARTLY_REMOTE = _fast(_PARTLY_REMOTE, "prjwomlas")
_L_POSSIBLE_REMOTE = _fast(_POSSIBLE_REMOTE, "pocrwf")
_YES_NO = re.compile(r"^\s*(?:(yes|true|ok)|(no|false))\b", re.I)
# Every text phrase above contains one of these (bytes.find on ASCII-lowered UTF-8 is ~100x cheaper
# than scanning 2000 characters with the phrase regexes).
_ANCHORS = (b"remot", b"hybrid", b"office", b"on-site", b"onsite", b"on site", b"in-person", b"in person",
            b"from home", b"wfh", b"wfo", b"anywhere", b"telecommut", "büro".encode())
_FIELD_ANCHORS = ("remot", "hybrid", "site", "office", "person", "wf")


def _field_mode(value: str | None, header: bool = False) -> str | None:
    """Mode stated in a short field (location or title; ``header``: a cell of a Hacker News first line)."""
    if not value or not isinstance(value, str):
        return None
    low = value.lower()
    if not any(anchor in low for anchor in _FIELD_ANCHORS):
        return None
    if header and _REMOTE_OK_CELL.search(value):
        return REMOTE  # "REMOTE OK (EU time zones)" in a header is remote allowed, not the job board
    value = _SITE_NAME.sub(" ", value)
    if _REFUSAL.search(value):
        return ONSITE
    if _HYBRID_REMOTE.search(value):
        return HYBRID
    if _FIELD_SHARE.search(value):
        # "Onsite plus remote days; fully remote possible": remote is still offered beside the share
        return REMOTE if _REMOTE_WORD.search(_FIELD_SHARE.sub(" ", value)) else HYBRID
    if _REMOTE_WORD.search(value):
        return REMOTE
    if _HYBRID_WORD.search(value):
        return HYBRID
    if _ONSITE_WORD.search(value):
        return ONSITE
    return None


HEADER_CHARS = 160  # the longest first line read as a header written with " / " or " - " (as the HN adapter)
OPENING_CHARS = 40  # the longest opening line above a header on the second line
_HEADER_DASH = re.compile(r"\s[-–—]\s")
COMMA_CELL_WORDS = 3  # the longest cell of a header written with commas read for a mode ("ON SITE Acme")
_WEB_ADDRESS = re.compile(
    r"\bhttps?://\S*|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|io|co|ai|dev|de|uk)\b\S*", re.I)


# A Hacker News first line with no "|" cells whose mode word is written in capitals ("ACME ~ LEEDS ~
# ONSITE", "ACME/LEEDS/ONSITE/FULL TIME", "hiring engineers ONSITE across our offices"): capitals are the
# threads' header convention, so the word states the mode as a cell would (sixty-eighth round); not in a
# paragraph. VIRTUAL is remote work, as the English data file reads "fully virtual" ("experts VIRTUAL +
# ONSITE": a choice)
_CAPITAL_MODE = re.compile(r"(?<![\w-])(?:(REMOTE|VIRTUAL)|ONSITE|ON-SITE|ON SITE)(?![\w-])")
CAPITAL_LINE_CHARS = 300  # the longest first line read for a mode word in capitals


def _capital_mode(first: str) -> str | None:
    if len(first) > CAPITAL_LINE_CHARS:
        return None
    found = [m.group(1) for m in _CAPITAL_MODE.finditer(first)]
    if not found:
        return None
    return REMOTE if any(found) else ONSITE


def _header_mode(window: str) -> str | None:
    """Hacker News style first line: "Company | Role | City | ONSITE | Full-time", also written with " / "
    between the cells ("Role / onsite / City", as the Hacker News adapter splits it)."""
    end = window.find("\n")
    first = window if end == -1 else window[:end]
    if first.count("|") < 2 and len(first) <= OPENING_CHARS and end != -1:
        # a short opening line ("Acme is hiring!") above a header written with "|" cells
        after = window.find("\n", end + 1)
        second = window[end + 1 :] if after == -1 else window[end + 1 : after]
        if second.count("|") >= 2:
            first, end = second, after
    if first.count("|") >= 2:
        cells = first.split("|")
    elif len(first) > HEADER_CHARS:  # a paragraph, not a header line (but a mode word in capitals)
        return _capital_mode(first)
    elif first.count(" / ") >= 2:
        cells = first.split(" / ")
    elif (dashes := _HEADER_DASH.split(first)) and len(dashes) >= 2:
        cells = dashes  # "Santa Monica - onsite." (the adapter's " - " header)
    elif first.count(",") >= 2:
        # "Acme, Leeds UK, ONSITE <address>", "acme, ONSITE, Leeds UK" (fifty-ninth round): cells written with
        # commas; only short cells are read (a web address dropped), so a clause of prose states nothing
        cells = [cell for cell in (_WEB_ADDRESS.sub(" ", c) for c in first.split(","))
                 if len(cell.split()) <= COMMA_CELL_WORDS]
    else:
        return _capital_mode(first)
    modes = {_field_mode(cell, header=True) for cell in cells}
    for mode in (REMOTE, HYBRID, ONSITE):
        if mode in modes:
            return mode
    if first.count("|") >= 2:
        return _continued_header_mode(window, end)
    return _capital_mode(first)


SECOND_LINE_CHARS = 80  # the longest second line read as the header's cells going on


def _continued_header_mode(window: str, end: int) -> str | None:
    """The mode of a piped header's cells going on in a short second line ("Acme | <role> | <city>" above
    "ONSITE SALARY: <pay>", "... |" above "Full Time | ONSITE | SaaS"): cells split by "|", or a mode word in
    capitals, the threads' header convention (later batch real-later-v16, Hacker News 2017-10 #544); a line of
    prose states nothing here (the text rules read it)."""
    if end == -1:
        return None
    after = window.find("\n", end + 1)
    second = window[end + 1 :] if after == -1 else window[end + 1 : after]
    if not second.strip() or len(second) > SECOND_LINE_CHARS:
        return None
    if "|" in second:
        modes = {_field_mode(cell, header=True) for cell in second.split("|")}
        return next((mode for mode in (REMOTE, HYBRID, ONSITE) if mode in modes), None)
    return _capital_mode(second)


# a labelled value that opens with a count of days ("Work model: Two days at the office", "2 days WFO / 3 days
# WFH"): a share of the week -> hybrid
_DAY_SHARE = re.compile(
    r"\s*(?:[1-4]|one|two|three|four)(?:\s*(?:-|to|or)\s*(?:[1-4]|two|three|four))?\s+days?\b")


# a mode word glued to the next field of a run-together header ("Location: Leeds HybridDuration: 6 months";
# also a field named "Type" or "<noun> Type": "Location: HybridType: Full-time", later batch real-later-v46)
_GLUED_FIELD = re.compile(
    r"(hybrid|remote|on-?site)(?=duration|(?:job|position|employment|work)?\s?type|contract|salary|pay\b|rate\b|"
    r"start)")
_GLUE_WORDS = ("duration", "type", "contract", "salary", "pay", "rate", "start")


def _labelled_mode(low: str) -> str | None:
    for m in _L_LABELLED.finditer(low):
        value = m.group(1)
        if any(word in value for word in _GLUE_WORDS):
            value = _GLUED_FIELD.sub(r"\1 ", value)
        if _DAY_SHARE.match(value):
            return HYBRID
        if m.group(0).startswith("remote"):
            yes_no = _YES_NO.match(value)
            if yes_no:
                return REMOTE if yes_no.group(1) else ONSITE
        mode = _field_mode(value)
        if mode:
            return mode
    return None


# The anchors as fewer, shorter needles (each bytes.find is a pass over the window): "site" covers
# on-site/onsite/on site, "person" in-person, "home" from home, "wf" wfh/wfo.
_NEEDLES = (b"remot", b"hybrid", b"office", b"site", b"person", b"home", b"wf", b"anywhere", b"telecommut",
            "büro".encode())
_NEEDLE_SCAN = ahocorasick_rs.BytesAhoCorasick(
    list(_NEEDLES), implementation=ahocorasick_rs.Implementation.DFA
)


def _pieces(window: str) -> list[str]:
    """The neighbourhoods of mode words, so the phrase regexes scan a few hundred characters.

    Neighbourhoods closer than their reach are merged, so no phrase is cut in two; each is
    judged on its own (and cached: boilerplate such as a benefits paragraph repeats across
    postings).
    """
    raw = window.encode("utf-8", "ignore")
    low = raw.lower()
    # every occurrence of every needle (overlapping ones too), in one pass instead of a find loop each
    hits = sorted(start for _, start, _ in _NEEDLE_SCAN.find_matches_as_indexes(low, overlapping=True))
    if not hits:
        return []
    merged: list[list[int]] = []
    for at in hits:
        start, end = max(0, at - 80), at + 100
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(end, merged[-1][1])
        else:
            merged.append([start, end])
    return [raw[a:b].decode("utf-8", "ignore") for a, b in merged]


def _refusal(low: str) -> str | None:
    return ONSITE if ("remot" in low or "telecommut" in low) and _L_REFUSAL.search(low) else None


def _labelled(low: str) -> str | None:
    return _labelled_mode(low) if ":" in low or " - " in low else None


def _strong(low: str) -> str | None:
    if ("remot" in low or "anywhere" in low) and _L_STRONG_REMOTE.search(low):
        return REMOTE
    if "or remot" in low and ("based" in low or "located" in low) and _BASED_OR_REMOTE.search(low):
        return REMOTE
    return None


def _hybrid_remote(low: str) -> str | None:
    return HYBRID if "hybrid" in low and "remot" in low and _L_HYBRID_REMOTE.search(low) else None


def _full_week(low: str) -> str | None:
    if "day" not in low:
        return None
    if _L_FULLWEEK.search(low) or ("office to work" in low and _OFFICE_WEEKDAYS.search(low)):
        return ONSITE
    return None


def _hybrid(low: str) -> str | None:
    has_days, has_hybrid = "day" in low, "hybrid" in low
    if ((has_days or has_hybrid or "week" in low or "tage" in low or (
            "remot" in low and ("rest" in low or "balance" in low or "remainder" in low)))
            and _L_HYBRID.search(low)) or (
            has_hybrid and _L_HYBRID_WORD.search(low)) or (has_days and _office_days(low)) or (
            ("part" in low or "ly remote" in low or "remote component" in low
             or "telecommut" in low)
            and _L_PARTLY_REMOTE.search(low)) or (
            ("possib" in low or "option" in low or "chance" in low or "occasional" in low
             or "flexibility" in low)
            and any(not _OR_OFFICE.match(low, m.end()) for m in _L_POSSIBLE_REMOTE.finditer(low))):
        return HYBRID
    return None


def _weak(low: str) -> str | None:
    possible = "remot" in low or "home" in low or "wfh" in low or "telecommut" in low
    return REMOTE if possible and _L_WEAK_REMOTE.search(low) else None


def _standalone_remote(low: str) -> str | None:
    # a remote statement beats an onsite one: remote is possible
    return REMOTE if any(m.group("r") for m in _L_STANDALONE.finditer(low)) else None


def _onsite(low: str) -> str | None:
    if any(not m.group("r") for m in _L_STANDALONE.finditer(low)) or any(
            not _after_interview(low, m.start()) for m in _L_ONSITE.finditer(low)):
        return ONSITE
    return None


# The phrase rules in order of trust; the first rule that holds in any neighbourhood decides.
# Each runs only when the neighbourhood holds a word it needs, and only as far down this list
# as a decision needs (results are cached per neighbourhood: boilerplate repeats).
_RULES = (
    _refusal,
    _labelled,
    _strong,
    _hybrid_remote,
    _full_week,
    _hybrid,
    _weak,
    _standalone_remote,
    _onsite,
)
_CACHE: dict[str, list[str | None]] = {}  # lower-cased neighbourhood -> its modes, rule by rule
_CACHE_SIZE = 65536


# Remote work asked only outside the office job's hours ("some extra remote hours on nights and weekend
# coverage", "work from home for after-hours coverage"): no work arrangement (labelling guide, ruled
# 2026-12-04)
_OFF_HOURS_REMOTE = re.compile(
    r"\b(?:remote\s+work|work(?:ing)?\s+(?:from\s+home|remotely))\s+(?:\w+\s+){0,2}?"
    r"(?:for|on|during|covering|to\s+cover)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:nights?|evenings?|weekends?|holidays|after[\s-]hours|off[\s-]hours)\b"
)


def _normalised(piece: str) -> str:
    """The neighbourhood as the rules read it: lower case (the rules are case-insensitive), starting
    a line, job-board names ("Remote OK") and remote work only outside office hours blanked."""
    low = "\n" + piece.lower()
    if "remot" in low or "home" in low:
        low = _OFF_HOURS_REMOTE.sub(" ", low)
    return _L_SITE_NAME.sub(" ", low) if "remot" in low else low


# Remote work allowed to some candidates beside an ONSITE header ("Remote only if you have worked remotely",
# "remote possible for senior candidates"): some may do the whole job remotely -> remote (12th-round ruling)
_REMOTE_FOR_SOME = re.compile(
    r"\bremote(?:\s+work)?\s+(?:only\s+if|(?:is\s+)?(?:possible|ok|okay|considered|available)\s+(?:for|if|to)\b|"
    r"for\s+(?:the\s+)?right\s+(?:candidate|person|engineer|developer)\b)|"
    # "the job can also be done remotely" (nineteenth round; "cannot be done remotely" does not match)
    r"\bcan\s+(?:also\s+)?be\s+(?:done|performed|worked)\s+(?:fully\s+)?remotely\b|"
    # "ONSITE, but may consider remote", "it is / we're (also) open to remote" (sixty-eighth round): the
    # poster allows the job to be done remotely; the verb must touch the allowance, so "will not consider"
    # and "are not open to" do not match, nor remote sensing or remote teams
    r"(?:\b(?:may|might|could|would|will|can)\s+(?:also\s+)?consider\s+(?:some\s+form\s+of\s+)?|"
    r"(?:\b(?:is|are|am)|['’]re)\s+(?:also\s+|still\s+)?open\s+to\s+)"
    rf"remote\b(?![\s-]*(?:{_NOT_MODE_AFTER_REMOTE}))"
)


# A role closing on "(REMOTE possible)" beside an ONSITE header: that role may be done remotely (sixty-third
# round); read on the first listed role's line only, as the first-role ruling reads a list (44th round)
_BRACKET_REMOTE = re.compile(r"\(\s*remote(?:\s+work)?\s+(?:is\s+)?(?:possible|ok|okay|considered)\s*\)")
_LISTED_LINE = re.compile(r"^[ \t]*[-*\u2022\u00b7]", re.M)


def _bracket_allowance(low: str) -> bool:
    """Whether a "(remote possible)" closes a line no listed line (a bullet) comes before: the comment's
    own text or its first listed role, not a later role of the list."""
    m = _BRACKET_REMOTE.search(low)
    if m is None:
        return False
    first = _LISTED_LINE.search(low)
    return first is None or first.start() >= low.rfind("\n", 0, m.start()) + 1


# A line describing one of several roles a comment lists ("The Support Lead is responsible for ...", "The
# Field Scout Lead position sits ..."): "The", two to five capitalised words, a lower-case word (44th round)
_ROLE_LINE = re.compile(r"^The\s+((?:[A-Z][\w&/.-]*\s+){2,5})(?=[a-z])", re.M)
_I_REMOTE_FOR_SOME = re.compile(_REMOTE_FOR_SOME.pattern, re.I)


def _remote_for_some(window: str) -> bool:
    """Whether the text allows remote work to some candidates of this job (beside an ONSITE header). A comment
    listing several roles, each in a line of its own, is read as its first role (the labelling guide's Hacker
    News rule): an allowance in a later role's own line is that role's (forty-fourth round, v38 Hacker News
    2018-02 #506). Only a text with two role lines is read by position; any other reads as before."""
    low = window.lower()
    if "remot" not in low:
        return False
    if _bracket_allowance(low):
        return True
    if not _REMOTE_FOR_SOME.search(low):
        return False
    roles = [(m.start(), m.group(1).split()) for m in _ROLE_LINE.finditer(window)]
    if len(roles) < 2:
        return True
    for m in _I_REMOTE_FOR_SOME.finditer(window):
        line = window.rfind("\n", 0, m.start()) + 1
        own = next((name for at, name in roles if at == line), None)
        if own is None or not any(name != own for at, name in roles if at < line):
            return True  # the comment's own line, or the first role's
    return False


def _onsite_header_allows_remote(text: str) -> bool:
    """Whether the text's own first line is an ONSITE header beside a remote allowance (sixty-eighth
    round): the Hacker News adapter puts that header's "ONSITE <city>" cell in the location field, which
    decides before the text, so the allowance read under the text's header (:func:`_remote_for_some`) is
    read here as well."""
    window = text[:TEXT_WINDOW]
    return "remot" in window.lower() and _header_mode(window) == ONSITE and _remote_for_some(window)


def _part_week_remote(window: str) -> bool:
    """Whether a first line offering onsite and remote work ("ONSITE, REMOTE") is followed by a text giving
    the remote work as a part of the week only ("part week remote work is possible", "the job is partly
    remote"), with no statement of the whole job done remotely for some ("fully remote for the right person"):
    a share of office days, so hybrid (ninety-ninth round, real-fresh-v93 Hacker News 2017-11 #528). A mere
    possibility of remote work beside the choice is no share: the choice stays remote."""
    end = window.find("\n")
    if end == -1 or not _ONSITE_WORD.search(window[:end]):
        return False
    rest = window[end:]
    low = rest.lower()
    if "part" not in low or not any("part" in m.group(0) for m in _L_PARTLY_REMOTE.finditer(low)):
        return False  # the part-of-the-week forms only, not "mostly remote" nor "a remote component"
    return not (_remote_for_some(rest) or any(_strong(_normalised(piece)) for piece in _pieces(rest)))


def _text_mode(text: str) -> str | None:
    """Mode stated in the start of the description."""
    window = text[:TEXT_WINDOW]
    mode = _header_mode(window)
    if mode == REMOTE and _part_week_remote(window):
        return HYBRID
    if mode == ONSITE and _remote_for_some(window):
        return REMOTE
    if mode == ONSITE and _home_share(text.lower()):
        # an ONSITE header beside home days or work-from-home flexibility granted for the job (twenty-sixth
        # round): a share of the week at home -> hybrid; read in the whole text, as the whole-text cues read
        # a possibility of home work in the benefits at the end (later batch real-later-v16, 2017-10 #805)
        return HYBRID
    if mode:
        return mode
    pieces = [_normalised(piece) for piece in _pieces(window)]
    if len(_CACHE) > _CACHE_SIZE:
        _CACHE.clear()
    done = [_CACHE.setdefault(low, []) for low in pieces]
    for rule, judge in enumerate(_RULES):
        for low, modes in zip(pieces, done, strict=True):
            if len(modes) == rule:
                modes.append(judge(low))
            if modes[rule]:
                return modes[rule]
    return None


def _hybrid_counts(low: str) -> Iterator[re.Match[str]]:
    """``_TEXT_HYBRID.finditer(low)`` for a lower-cased ``low``, the same matches."""
    if any(ch in low for ch in _FOLDED):
        return _I_HYBRID.finditer(low)
    return _L_HYBRID.finditer(low)


def _home_share(low: str) -> bool:
    """Whether the text grants a share of home work ("WFH two days a week", "work from home flexibility", "a
    remote component to this role") or counts office days ("onsite at least 3 days a week"): the hybrid rules
    that count days or offer a possibility, not the bare word hybrid ("a hybrid of design and support")."""
    if not any(word in low for word in ("home", "remot", "wfh", "week", "telecommut")):
        return False
    # each whole-text pattern below runs only where the gate over its alternatives finds one that matches
    # (exactly whether the pattern can match anywhere: _home_share_gate); a text beside an ONSITE header
    # mostly matches none, and each pattern tried every position of it (a sixth of the remote stage)
    scan = _home_share_gate().scan(low)
    # counted days of home or office work in a week, not an interview's "one day in office"
    counted = (any(ch in low for ch in _FOLDED) or scan.group_matches(0)) and any(
        word in m.group(0) for m in _hybrid_counts(low) for word in ("home", "remot", "wfh", "week"))
    return bool(counted or (scan.group_matches(1) and _L_PARTLY_REMOTE.search(low)) or (
        scan.group_matches(2) and any(
            not _OR_OFFICE.match(low, m.end())
            and not _REFUSED_BEFORE.search(low, max(0, m.start() - 8), m.start())
            for m in _L_POSSIBLE_REMOTE.finditer(low)))
        # home work granted in words the phrases above do not read ("a work from home option" among the perks,
        # "Flexible Hours/WFH", "WFH 1-2x a week"): data, etl/data/work_arrangement.yaml (real-later-v66)
        or grants_home_work(low))


@cache
def _home_share_gate() -> LiteralGate:
    """A literal gate over the top-level alternatives of the three whole-text patterns :func:`_home_share`
    reads, one group each: counted days (``_TEXT_HYBRID`` without re.I, as ``_L_HYBRID`` reads a text with
    no letter re.I folds: ``_FOLDED``), ``_PARTLY_REMOTE`` and ``_POSSIBLE_REMOTE``. A pattern matches a text
    only if one of its alternatives does, so a group that matches nothing means the pattern (and its
    ``_L_`` form, whose look-ahead only narrows where a match starts) finds nothing."""
    groups = [alternatives(rx.pattern) for rx in (_TEXT_HYBRID, _PARTLY_REMOTE, _POSSIBLE_REMOTE)]
    return LiteralGate([p for g in groups for p in g], groups=[len(g) for g in groups])


# "no / not / without" just before a possibility of home work refuses it ("there is no option to work from
# home"), as the whole-text cue of etl/data/work_arrangement.yaml reads it (later batch real-later-v16)
_REFUSED_BEFORE = re.compile(r"\b(?:no|not|without)\s+$")


def _office_days(low: str) -> bool:
    """Office days named as weekdays, fewer than the whole week ("Tuesday through Thursday")."""
    for m in _L_OFFICE_DAYS.finditer(low):
        first, last = m.group(1), m.group(2) or ""
        # "Monday through Friday" is the whole week; "Monday and Friday" two days of it
        if not (first == "mon" and last == "fri" and not _TWO_DAYS.search(m.group(0))):
            return True
    return False


def _after_interview(low: str, at: int) -> bool:
    """ "the interview is on-site": the phrase is about the interview, not the job."""
    return "interview" in low[max(0, at - 40) : at]


def classify_remote(location: object, title: object, text: object,
                    remote_hint: bool | None = None, flag_scope: str = POSTING,
                    shared: PostingText | None = None) -> str | None:
    """remote, hybrid, onsite, or None when nothing states the arrangement (``flag_scope``: whose
    ``remote_hint`` is, :func:`remote_flag_scope` of the posting's source; ``shared``: the posting's texts,
    whose lower case is made once, etl/normalize/shared_text.py). A field that is not text (a
    spreadsheet's NaN) says nothing; typed ``object`` because the compiled build (etl/accel.py) enforces
    annotations and would raise on it."""
    loc = location if isinstance(location, str) else None
    head = title if isinstance(title, str) else None
    # short fields: English mode words, then other languages ("100% Remoto", "São Paulo-SP (Híbrido)")
    mode = _short_field_mode(loc) or _short_field_mode(head)
    if mode:
        if mode == ONSITE and isinstance(text, str) and _onsite_header_allows_remote(text):
            return REMOTE  # the adapter's "ONSITE <city>" cell yields as the text's own header does
        return mode
    for field in (loc, head):
        mode, cls = _short_field_language(field)
        if mode:
            if cls == "option" and isinstance(text, str) and classify_remote(None, None, text) == REMOTE:
                # a bare home-office word in the title ("Nebenjob aus dem Homeoffice") yields to a text
                # stating the whole job is done from home (nineteenth round)
                return REMOTE
            return mode
    if (isinstance(text, str) and remote_hint is True and flag_scope == BOARD
            and "flexibility" in text.lower()):
        # under a board-wide flag, work-from-home flexibility states no share of office days: the flag stands
        # (as the ruling on commuting distance; twenty-sixth round)
        text = _FLEXIBLE.sub(" ", text)
    if isinstance(text, str) and text:
        mode = _text_reading(text, remote_hint, flag_scope, shared)
        if mode == REMOTE and _office_days_beside_remote_first(text, remote_hint, flag_scope):
            mode = HYBRID
    return with_flag(mode, remote_hint, flag_scope)


# Readings of a short field (a location or a title) kept per process: pure functions of the field's text, and
# fields repeat (10,045 postings of the real exports hold 2,213 locations and 5,493 titles)
FIELD_CACHE = 8192


@lru_cache(maxsize=FIELD_CACHE)
def _short_field_mode(value: str | None) -> str | None:
    """``_field_mode(value)`` (a location or title), remembered."""
    return _field_mode(value)


@lru_cache(maxsize=FIELD_CACHE)
def _short_field_language(value: str | None) -> tuple[str | None, str | None]:
    """``language_reading(value)`` (a location or title), remembered."""
    return language_reading(value)


def _text_reading(text: str, remote_hint: bool | None, flag_scope: str, shared: PostingText | None = None
                  ) -> str | None:
    """The mode the description states (English rules, other languages, Indeed's work location field)."""
    mode = _text_mode(text)
    if mode is None or mode == HYBRID:
        # Other languages: any statement when English says none; a remote one beats an English
        # "hybrid" ("Remote, hybrid oder im Office - du entscheidest": remote is possible).
        other, cls = language_reading(text, shared)
        if mode is None and cls == NEARBY and remote_hint is True and flag_scope == BOARD:
            # living near a hub states no share of office days: the board's flag stands (ruled 2026-12-04)
            other = None
        mode = other if mode is None or other == REMOTE else mode
    elif mode == REMOTE and refuses_remote(text, shared):
        mode = ONSITE  # "Kein remote Job.": the English rules read only "remote job"
    if mode is None and (found := _work_location(text)):
        mode = {"hybrid": HYBRID, "remote": REMOTE, "onsite": ONSITE}[found.lastgroup or ""]
    return mode


# "Remote-first" as a company's way of working, and office days a holder may take or leave (lead's ruling on
# the forty-sixth round): only a required weekly share of office days makes a remote-first posting hybrid
_REMOTE_FIRST = re.compile(r"\bremote[\s-]+first\b", re.I)
_OFFICE_WORDS = ("office", "site", "hub", "hq", "campus", "studio", "person", "wfo", "büro")
_HOME_WORDS = ("home", "remot", "wfh")
_OPTIONAL = re.compile(
    r"\boptional|\bif\s+you\s+(?:like|want|wish|prefer|choose)\b|\b(?:welcome|free)\s+to\b|\bvoluntar|"
    r"\bnot\s+(?:required|mandatory|compulsory|obligatory)\b|\bno\s+(?:office\s+)?(?:requirement|obligation)|"
    r"\bwhenever\s+you\b|\bfreiwillig|\bkein\s+muss\b|\bkeine\s+pflicht|\bwann\s+immer\b|\bnach\s+lust\b|"
    r"\bwenn\s+(?:du|sie)\s+(?:willst|möchtest|magst|wollen|möchten)\b")
_SENTENCE_END = re.compile(r"[.!?;\n]")


def _office_days_beside_remote_first(text: str, remote_hint: bool | None, flag_scope: str) -> bool:
    """Whether a remote reading rests on "remote-first" alone while the text requires office days counted in a
    week (English rules in the window they read, other languages' ``office_days`` anywhere): then hybrid."""
    low = text.lower()
    if "first" not in low or not _REMOTE_FIRST.search(low):
        return False
    window = low[:TEXT_WINDOW]
    spans = [m.span() for m in _hybrid_counts(window)
             if any(w in m.group(0) for w in _OFFICE_WORDS) and not any(w in m.group(0) for w in _HOME_WORDS)]
    spans += office_day_statements(low)
    if not any(not _optional(low, start, end) for start, end in spans):
        return False
    # another statement of the whole job done remotely ("... and the role is fully remote") still stands
    blanked = _REMOTE_FIRST.sub(lambda m: " " * len(m.group(0)), text)
    return _text_reading(blanked, remote_hint, flag_scope) != REMOTE


def _optional(low: str, start: int, end: int) -> bool:
    """Whether the sentence around ``low[start:end]`` leaves the office days to the holder ("if you like")."""
    begin = max((m.end() for m in _SENTENCE_END.finditer(low, 0, start)), default=0)
    stop = _SENTENCE_END.search(low, end)
    return _OPTIONAL.search(low, begin, stop.start() if stop else len(low)) is not None


def with_flag(mode: str | None, remote_hint: bool | None, flag_scope: str = POSTING) -> str | None:
    """The text's reading ``mode`` and the source's remote flag together (labelling guide, Remote rule)."""
    if remote_hint is not True:
        return mode  # False is "not flagged": the text decides
    if flag_scope == BOARD:
        # every posting on the board carries the flag: only a hybrid arrangement stated for the job refines it
        return HYBRID if mode == HYBRID else REMOTE
    # a flag set for this posting yields to the text's statement of this job's own arrangement
    return mode or REMOTE
