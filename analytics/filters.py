"""The dashboard's filters as one value, and the pure translation of it into SQL.

Why: every chart on every page is filtered the same way. Keeping the filters in one
frozen (hashable) value lets the app cache query results by it, put it in the URL and
show it in captions; turning it into a WHERE clause in one pure function (no database,
no streamlit) means the SQL is written once and tested with a plain table of cases,
like datasette's filters.py. Values always travel as named parameters ($name), never
pasted into SQL text.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from typing import Any
from urllib.parse import unquote

from analytics import names

SENIOR_LEVELS: tuple[str, ...] = ("senior", "staff", "principal", "lead", "manager")
ALL_LEVELS: tuple[str, ...] = ("junior", "mid", *SENIOR_LEVELS, "unspecified")
# Each sidebar filter's label, in the sidebar's order: ui/sidebar.py draws its widgets with them and an empty
# view names the filter that empties it with them (queries.data.emptied_by): one list, so the two agree.
FILTER_LABELS: dict[str, str] = {
    "dates": "Date range (posted)", "undated": "Include postings without a date", "seniority": "Seniority",
    "role_family": "Role family", "country": "Country", "region": "Region", "remote": "Work arrangement",
    "skills": "Skills", "source": "Source", "language": "Language",
}
DEFAULT_ROLE_FAMILIES: tuple[str, ...] = ("software_engineering",)
REMOTE_MODES: tuple[str, ...] = ("remote", "hybrid", "onsite", "not stated")
NOT_DETECTED = "not detected"  # the Language filter's value for postings whose language is NULL (too short)
# A list filter's value for the postings whose column is NULL, so a researcher can pick or leave them out
# (QA round eight: 41 real postings have no detected language and could be reached only through "all").
UNSTATED: dict[str, str] = {"remote": "not stated", "language": NOT_DETECTED}
SKILL_MODES: tuple[str, ...] = ("any", "all")
ALL = "all"  # URL value for "no constraint" on a field whose default is not empty

# The list-valued fields and the postings column each one constrains.
LIST_COLUMNS: dict[str, str] = {
    "seniority": "seniority",
    "role_family": "role_family",
    "country": "country",
    "region": "region",
    "remote": "remote",
    "source": "source",
    "language": "language",
}
# Dimensions that the publish-time rollups keep (see etl/warehouse/rollups.sql).
ROLLUP_FIELDS = frozenset({"seniority", "role_family", "country", "remote", "source"})


@dataclass(frozen=True)
class Filters:
    """What the user is looking at. Empty tuples mean "no constraint"."""

    date_from: date | None = None
    date_to: date | None = None
    seniority: tuple[str, ...] = SENIOR_LEVELS
    role_family: tuple[str, ...] = DEFAULT_ROLE_FAMILIES
    country: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    remote: tuple[str, ...] = ()
    skills: tuple[str, ...] = ()
    skills_mode: str = "any"
    source: tuple[str, ...] = field(default=())
    language: tuple[str, ...] = ()  # ISO 639-1 codes of the posting text (postings.language)
    undated: bool = True  # keep postings that carry no date (most JobSpy/Glassdoor rows) whatever the range

    def __post_init__(self) -> None:
        if self.skills_mode not in SKILL_MODES:
            raise ValueError(f"skills_mode must be one of {SKILL_MODES}, not {self.skills_mode!r}")
        for name in (*LIST_COLUMNS, "skills"):
            value = getattr(self, name)
            if not isinstance(value, tuple):  # lists from widgets become tuples (hashable)
                object.__setattr__(self, name, tuple(value))


# a share the filter fixes, drawn instead of its figure (lead ruling 4 on hqa38)
SET_BY_FILTER = "set by the filter"


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} or {words[-1]}"


def remote_share_set(f: Filters) -> str | None:
    """Why the remote share (remote among the postings stating a work arrangement) is the filter's own doing,
    or None where the data decides it: the Work arrangement filter keeping remote alone makes it 100%, one
    keeping stated arrangements without remote 0% (a "not stated" beside them changes neither: those
    postings are not in the share). Lead ruling 4 on hqa38: such a share reads SET_BY_FILTER, not a figure
    with a small-sample warning. Pure."""
    stated = [m for m in dict.fromkeys(f.remote) if m != UNSTATED["remote"]]
    if not stated:
        return None
    if stated == ["remote"]:
        return ("the Work arrangement filter keeps remote only, so every posting here that states an "
                "arrangement is remote (100%)")
    if "remote" not in stated:
        return (f"the Work arrangement filter keeps {_either(stated)} only, so no posting here is remote "
                "(0%)")
    return None


def coverage_set(f: Filters) -> dict[str, str]:
    """The Data page's field coverage the filter fixes at every posting (data.coverage's field -> why):
    a work arrangement under a Work arrangement filter without "not stated", a location under a Country
    filter, a date with postings without a date left out. Pure."""
    fixed = {}
    if f.remote and UNSTATED["remote"] not in f.remote:
        fixed["work_arrangement"] = "the Work arrangement filter keeps postings stating one"
    if f.country:
        fixed["location"] = "the Country filter keeps postings naming a country"
    if not f.undated:
        fixed["date_posted"] = "postings without a date are left out by the filter"
    return fixed


def _in_list(column: str, name: str, values: tuple[str, ...], params: dict[str, Any]) -> str:
    names = []
    for i, value in enumerate(values):
        params[f"{name}_{i}"] = value
        names.append(f"${name}_{i}")
    return f"{column} IN ({', '.join(names)})"


def where(f: Filters, alias: str = "p", *, dates: bool = True,
          bits: Mapping[str, tuple[int, int]] | None = None) -> tuple[str, dict[str, Any]]:
    """(condition, params) for the postings table under ``alias``; "TRUE" when unconstrained.

    ``dates=False`` leaves the date range out (for queries that compare periods). ``bits`` maps skills to
    their (word, bit) in the warehouse's skill bitmap (postings.skill_bits_<word>, table skill_bit): a
    chosen skill with a bit is tested on it, one without (or every skill, when ``bits`` is None) by a
    semi-join on posting_skills; both select the same postings.
    """
    a = f"{alias}." if alias else ""
    params: dict[str, Any] = {}
    parts: list[str] = []
    if dates:
        _date_range(f"{a}posted_date", f.date_from, f.date_to, f.undated, parts, params)
    for name, column in LIST_COLUMNS.items():
        values: tuple[str, ...] = getattr(f, name)
        if not values:
            continue
        if name in UNSTATED and UNSTATED[name] in values:
            stated = tuple(v for v in values if v != UNSTATED[name])
            cond = f"{a}{column} IS NULL"
            if stated:
                cond = f"({_in_list(a + column, name, stated, params)} OR {cond})"
            parts.append(cond)
        else:
            parts.append(_in_list(a + column, name, values, params))
    if f.skills:
        parts.append(_skill_condition(f, a, bits or {}, params))
    return (" AND ".join(parts) if parts else "TRUE"), params


def _skill_condition(f: Filters, a: str, bits: Mapping[str, tuple[int, int]], params: dict[str, Any]) -> str:
    """The skill filter: bit tests on postings.skill_bits_<word> for the skills in ``bits`` (one mask per
    word), a semi-join on posting_skills for the others; joined by OR ("any") or AND ("all")."""
    chosen = tuple(dict.fromkeys(f.skills))
    masks: dict[int, int] = {}
    for skill in chosen:
        if skill in bits:
            word, bit = bits[skill]
            masks[word] = masks.get(word, 0) | (1 << bit)
    rest = tuple(s for s in chosen if s not in bits)
    tests = []
    for word, mask in sorted(masks.items()):
        params[f"skill_mask_{word}"] = mask
        column, m = f"{a}skill_bits_{word}", f"$skill_mask_{word}::UBIGINT"
        tests.append(f"({column} & {m}) = {m}" if f.skills_mode == "all" else f"({column} & {m}) <> 0")
    if rest:
        inner = _in_list("skill", "skill", rest, params)
        if f.skills_mode == "all":
            params["skill_count"] = len(rest)
            tests.append(f"{a}posting_id IN (SELECT posting_id FROM posting_skills WHERE {inner} "
                         "GROUP BY posting_id HAVING count(DISTINCT skill) = $skill_count)")
        else:
            tests.append(f"{a}posting_id IN (SELECT posting_id FROM posting_skills WHERE {inner})")
    joiner = " AND " if f.skills_mode == "all" else " OR "
    return tests[0] if len(tests) == 1 else "(" + joiner.join(tests) + ")"


def _date_range(column: str, lo: date | None, hi: date | None, undated: bool, parts: list[str],
                params: dict[str, Any]) -> None:
    """The date range on ``column``; with ``undated`` a posting without a date passes it too."""
    cond = _between(column, lo, hi, "date", params)
    if cond is None:
        if not undated:
            parts.append(f"{column} IS NOT NULL")
        return
    parts.append(f"({column} IS NULL OR ({cond}))" if undated else cond)


def _between(column: str, lo: date | None, hi: date | None, name: str, params: dict[str, Any]) -> str | None:
    """``column`` within [lo, hi] (either end open when None), as parameters $<name>_from and $<name>_to;
    None when both ends are open."""
    parts = []
    if lo is not None:
        parts.append(f"{column} >= ${name}_from")
        params[f"{name}_from"] = lo
    if hi is not None:
        parts.append(f"{column} <= ${name}_to")
        params[f"{name}_to"] = hi
    return " AND ".join(parts) or None


def month_end(d: date) -> date:
    return d.replace(day=calendar.monthrange(d.year, d.month)[1])


def rollup_ok(f: Filters) -> bool:
    """True when a monthly rollup answers exactly: whole months and only rolled-up dimensions."""
    if f.skills or any(getattr(f, name) for name in LIST_COLUMNS if name not in ROLLUP_FIELDS):
        return False
    if f.date_from is not None and f.date_from.day != 1:
        return False
    return f.date_to is None or f.date_to == month_end(f.date_to)


def rollup_where(f: Filters, alias: str = "r") -> tuple[str, dict[str, Any]]:
    """(condition, params) for a rollup table (posted_month instead of posted_date)."""
    if not rollup_ok(f):
        raise ValueError("these filters cannot be answered from a rollup")
    cond, params = where(replace(f, date_from=None, date_to=None, undated=True), alias)
    parts: list[str] = []
    _date_range(f"{alias}.posted_month", f.date_from, f.date_to.replace(day=1) if f.date_to else None,
                f.undated, parts, params)
    if cond != "TRUE":
        parts.append(cond)
    return (" AND ".join(parts) if parts else "TRUE"), params


def month_start(d: date) -> date:
    return d.replace(day=1)


def whole_month_span(f: Filters) -> tuple[date | None, date | None]:
    """The first days of the first and last whole months inside the filters' date range (None: that end
    is open). The months may cross (first > last) when the range holds no whole month."""
    lo = hi = None
    if f.date_from is not None:
        lo = f.date_from if f.date_from.day == 1 else month_end(f.date_from) + timedelta(days=1)
    if f.date_to is not None:
        hi = (month_start(f.date_to) if f.date_to == month_end(f.date_to)
              else month_start(month_start(f.date_to) - timedelta(days=1)))
    return lo, hi


def whole_month_range(f: Filters) -> bool:
    """True when the date range starts on a month's first day and ends on a month's last (or is open)."""
    return ((f.date_from is None or f.date_from.day == 1)
            and (f.date_to is None or f.date_to == month_end(f.date_to)))


def detail_ok(f: Filters) -> bool:
    """True when the fine-cell rollups (rollup_postings_detail, rollup_salary_detail) answer: every filter but
    a skill (region and language too), whole months from the rollups and the edge days of a range cut inside
    months from postings (edge_where; analytics.queries.detail reads them from postings_dated, sorted by
    date, so that they are a read of a few row groups rather than a scan of every posting)."""
    return not f.skills


def cuts_months(f: Filters) -> bool:
    """True when the date range starts or ends inside a month (it has edge days)."""
    return not whole_month_range(f)


def detail_where(f: Filters, alias: str = "d", *, bits: Mapping[str, tuple[int, int]] | None = None
                 ) -> tuple[str, dict[str, Any]]:
    """(condition, params) for a fine-cell rollup: the whole months of the date range (posted_month,
    parameters $month_from/$month_to; undated rows as ``f.undated`` says; edge_where has the days of the
    months it cuts) and every list filter; a skill
    filter only as bit tests (``bits``: skill -> (word, bit), for rollup_skill_sets' skill_bits_<word>)."""
    if f.skills and (bits is None or any(s not in bits for s in f.skills)):
        raise ValueError("a skill without a bit cannot be answered from the fine-cell rollups")
    cond, params = where(replace(f, date_from=None, date_to=None, undated=True), alias, bits=bits)
    lo, hi = whole_month_span(f)
    column = f"{alias}.posted_month"
    months = _between(column, lo, hi, "month", params)
    parts: list[str] = []
    if months is not None:
        parts.append(f"({column} IS NULL OR ({months}))" if f.undated else months)
    elif not f.undated:
        parts.append(f"{column} IS NOT NULL")
    if cond != "TRUE":
        parts.append(cond)
    return (" AND ".join(parts) if parts else "TRUE"), params


def edge_where(f: Filters, alias: str = "p", *, bits: Mapping[str, tuple[int, int]] | None = None,
               blocks: bool = False) -> tuple[str, dict[str, Any]] | None:
    """(condition, params) for the postings (under ``alias``) of the edge days: dated postings inside the
    date range whose month is not whole inside it (detail_where's months leave them out), under every other
    filter (``bits`` as in ``where``); None when the range cuts no month. The parameters it shares with
    detail_where hold the same values, so both go into one statement.

    The edge days are written as plain ranges of posted_date (the days before the first whole month, those
    after the last): DuckDB applies such a condition inside the scan of postings_dated (sorted by date), so
    only the edge days' rows leave it. Written as the whole range minus the whole months ("NOT posted_month
    BETWEEN ..."), the months' exclusion only pruned row groups: every row of the range in a row group
    holding an edge day was read, filtered and checked against the other filters (on 2,000,000 generated
    postings 292,000 rows for 115,000 edge postings, 27 against 17 ms a read).

    ``blocks``: only the edge days outside the whole day blocks of block_where (read from a block rollup);
    None when there are none."""
    if not cuts_months(f):
        return None
    if blocks:
        left = [day for span in edge_spans(f) for day in block_split(*span)[1]]
        if not left:
            return None
        cond, params = where(f, alias, dates=False, bits=bits)
        days = _spans_condition(f"{alias}.posted_date" if alias else "posted_date", left, "day", params)
        return (days if cond == "TRUE" else f"{days} AND {cond}"), params
    lo, hi = whole_month_span(f)
    cond, params = where(f, alias, dates=False, bits=bits)
    column = f"{alias}.posted_date" if alias else "posted_date"
    spans: list[str] = []
    if lo is not None and hi is not None and lo > hi:  # no whole month inside the range: all of it
        spans.append(_between(column, f.date_from, f.date_to, "date", params) or "TRUE")
    else:
        if f.date_from is not None and lo is not None and f.date_from < lo:  # before the first whole month
            params["date_from"], params["edge_to"] = f.date_from, lo - timedelta(days=1)
            spans.append(f"{column} >= $date_from AND {column} <= $edge_to")
        if f.date_to is not None and hi is not None and f.date_to > month_end(hi):  # after the last one
            params["edge_from"], params["date_to"] = month_end(hi) + timedelta(days=1), f.date_to
            spans.append(f"{column} >= $edge_from AND {column} <= $date_to")
    days = spans[0] if len(spans) == 1 else "(" + " OR ".join(f"({s})" for s in spans) + ")"
    return (days if cond == "TRUE" else f"{days} AND {cond}"), params


# The first days of the day blocks of a month (etl/warehouse/cells.sql, posted_block): days 1-7, 8-14, 15-21,
# 22-28 and 29 to the month's end.
BLOCK_DAYS: tuple[int, ...] = (1, 8, 15, 22, 29)


def block_start(d: date) -> date:
    """The first day of ``d``'s day block (the SQL macro posted_block)."""
    return d.replace(day=max(k for k in BLOCK_DAYS if k <= d.day))


def _block_end(start: date) -> date:
    """The last day of the block starting on ``start``."""
    return month_end(start) if start.day == BLOCK_DAYS[-1] else start + timedelta(days=6)


def edge_spans(f: Filters) -> list[tuple[date, date]]:
    """The edge days of ``f``'s range as closed spans: the days before its first whole month and those after
    its last (the whole range when it holds no whole month); none when it cuts no month. (Open ends: a range
    without a start has no days before its first whole month.)"""
    if not cuts_months(f):
        return []
    lo, hi = whole_month_span(f)
    if lo is not None and hi is not None and lo > hi:  # no whole month inside the range: all of it
        assert f.date_from is not None and f.date_to is not None
        return [(f.date_from, f.date_to)]
    spans = []
    if f.date_from is not None and lo is not None and f.date_from < lo:
        spans.append((f.date_from, lo - timedelta(days=1)))
    if f.date_to is not None and hi is not None and f.date_to > month_end(hi):
        spans.append((month_end(hi) + timedelta(days=1), f.date_to))
    return spans


def block_split(first: date, last: date) -> tuple[tuple[date, date] | None, list[tuple[date, date]]]:
    """The days ``first`` .. ``last`` as whole day blocks - (the first day of the first block, the first day
    of the last block), or None - and the days left outside them (at most six at either end)."""
    start = first if block_start(first) == first else _block_end(block_start(first)) + timedelta(days=1)
    end_block = block_start(last)
    end = last if _block_end(end_block) == last else end_block - timedelta(days=1)  # a whole block's last
    if start > end:
        return None, [(first, last)]
    days = [(first, start - timedelta(days=1))] if first < start else []
    if end < last:
        days.append((end + timedelta(days=1), last))
    return (start, block_start(end)), days


def _spans_condition(column: str, spans: list[tuple[date, date]], name: str, params: dict[str, Any]) -> str:
    """``column`` inside any of ``spans`` (closed), as parameters $<name>_from_<i> / $<name>_to_<i>."""
    parts = []
    for i, (lo, hi) in enumerate(spans):
        params[f"{name}_from_{i}"], params[f"{name}_to_{i}"] = lo, hi
        parts.append(f"{column} >= ${name}_from_{i} AND {column} <= ${name}_to_{i}")
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(f"({p})" for p in parts) + ")"


def block_where(f: Filters, alias: str = "d", *, bits: Mapping[str, tuple[int, int]] | None = None
                ) -> tuple[str, dict[str, Any]] | None:
    """(condition, params) for a block rollup (rollup_postings_blocks, rollup_skill_sets_blocks; under
    ``alias``): the whole day blocks among the edge days of ``f``'s range (edge_spans), under every other
    filter (``bits`` as in ``where``); None when there are none. edge_where(..., blocks=True) has the days
    left outside them, so that both together are exactly the edge days. Its parameters share the names and
    values of detail_where's, so all go into one statement."""
    blocks = [b for b, _ in map(lambda s: block_split(*s), edge_spans(f)) if b is not None]
    if not blocks:
        return None
    cond, params = where(f, alias, dates=False, bits=bits)
    column = f"{alias}.posted_block" if alias else "posted_block"
    days = _spans_condition(column, blocks, "block", params)
    return (days if cond == "TRUE" else f"{days} AND {cond}"), params


def previous_period(start: date, end: date) -> tuple[date, date]:
    """The period of the same length just before [start, end] (both ends inclusive)."""
    days = (end - start).days + 1
    return start - timedelta(days=days), start - timedelta(days=1)


# --- URL query parameters -------------------------------------------------------------

def _escape(value: str) -> str:
    """A list item for a comma-separated URL value: "%" and "," percent-escaped, nothing else, so
    ordinary values read as before and a source named "Acme, Inc" stays one value."""
    return value.replace("%", "%25").replace(",", "%2C")


def join_values(values: tuple[str, ...]) -> str:
    """A list as one URL value: comma-separated, each item escaped (split_values reads it back)."""
    return ",".join(map(_escape, values))


def split_values(text: str) -> tuple[str, ...]:
    """The items of a comma-separated URL value, unescaped, blanks and repeats dropped (links made before
    the escapes read the same)."""
    return tuple(dict.fromkeys(unquote(v.strip()) for v in text.split(",") if v.strip()))


def to_query_params(f: Filters) -> dict[str, str]:
    """The non-default fields as URL parameters (lists comma-separated with each item escaped,
    "all" = no constraint)."""
    default = Filters()
    out: dict[str, str] = {}
    for fl in fields(Filters):
        value = getattr(f, fl.name)
        if value == getattr(default, fl.name):
            continue
        if isinstance(value, bool):
            out[fl.name] = "yes" if value else "no"
        elif isinstance(value, date):
            out[fl.name] = value.isoformat()
        elif isinstance(value, tuple):
            joined = join_values(value)
            out[fl.name] = (joined if joined != ALL else "%61ll") if value else ALL  # a value named "all"
        else:
            out[fl.name] = str(value)
    return out


def _parse_date(text: str) -> date | None:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        return None


def from_query_params(params: Mapping[str, Any]) -> Filters:
    """Filters from URL parameters; unknown keys and malformed values fall back to defaults."""
    kwargs: dict[str, Any] = {}
    for fl in fields(Filters):
        raw = params.get(fl.name)
        if isinstance(raw, list):
            raw = raw[-1] if raw else None
        if raw is None:
            continue
        text = str(raw)
        if fl.name in ("date_from", "date_to"):
            parsed = _parse_date(text)
            if parsed is not None:
                kwargs[fl.name] = parsed
        elif fl.name == "skills_mode":
            if text in SKILL_MODES:
                kwargs[fl.name] = text
        elif fl.name == "undated":
            if text in ("yes", "no"):
                kwargs[fl.name] = text == "yes"
        elif text == ALL or text == "":
            kwargs[fl.name] = ()
        else:
            kwargs[fl.name] = split_values(text)
    f = Filters(**kwargs)
    if f.date_from and f.date_to and f.date_from > f.date_to:
        f = replace(f, date_from=f.date_to, date_to=f.date_from)
    return f


def malformed(params: Mapping[str, Any]) -> list[str]:
    """"key=value" for each value of a known single-valued field that from_query_params drops as malformed
    (a date that is no date, an unknown skills mode, undated other than yes/no), so the sidebar names it
    beside the unknown list values instead of falling back silently."""
    out: list[str] = []
    for name in ("date_from", "date_to", "skills_mode", "undated"):
        raw = params.get(name)
        if isinstance(raw, list):
            raw = raw[-1] if raw else None
        if raw is None:
            continue
        text = str(raw)
        ok = (_parse_date(text) is not None if name in ("date_from", "date_to")
              else text in SKILL_MODES if name == "skills_mode" else text in ("yes", "no"))
        if not ok:
            out.append(f"{name}={text}")
    return out


def describe(f: Filters) -> str:
    """A one-line, human-readable summary of the filters for chart captions."""
    parts: list[str] = []
    if f.date_from or f.date_to:
        # an open end is the data's own (the sidebar stores a range ending on the latest posting so): named,
        # since "2025-06-01 to …" read like a cut-off caption (QA round eight)
        parts.append(f"{f.date_from or 'the first posting'} to {f.date_to or 'the latest posting'}"
                     + (" and undated" if f.undated else " (dated postings only)"))
    else:
        parts.append("all dates" if f.undated else "all dates (dated postings only)")
    labels = {"seniority": "seniority", "role_family": "role", "country": "country",
              "region": "region", "remote": "work", "source": "source", "language": "language"}
    shown: dict[str, Callable[[str], str]] = {
        "role_family": names.value_label, "country": names.area_name, "region": names.area_name,
        "language": names.language_label}
    for name, label in labels.items():
        values = getattr(f, name)
        if values:
            parts.append(f"{label}: {', '.join(map(shown.get(name, str), values))}")
    if f.skills:
        joiner = " and " if f.skills_mode == "all" else " or "
        parts.append(f"skills: {joiner.join(f.skills)}")
    return " · ".join(parts)
