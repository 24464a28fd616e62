"""How far to trust the fields a view rests on: the extraction's measured accuracy, said beside the chart.

Why: every field a chart draws or filters by (seniority, salary, skills, the work arrangement, the place)
is read from the posting's text by etl/, and on real postings the rules were never tuned on some fields
are right for 95-96% of postings, not 100% (issue 9; README "Extraction quality"). A reader who sees a
share of senior roles should see, beside it, how often the level is read right. The note names the fields
behind a view - the chart's own (``ChartDef.fields``) and those the active filters select by - with their
held-out score: the warehouse's ``extraction_quality`` rows of every held-out test set together
(``real-test-all``, postings never read for misses; a warehouse without it, the test half ``real-test``), a
chosen language's own where enough of its postings are labelled.

Pure functions over those rows (analytics.queries.data.held_out_quality), tested as tables; the app and
the exports only place the sentence.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from typing import Any

import pandas as pd

from analytics import names
from analytics.filters import ALL_LEVELS, NOT_DETECTED, REMOTE_MODES, Filters

# The extracted fields a view can rest on, in the order the note names them, with the metrics etl evaluate
# scores each by (etl.evaluate.FIELD_NAMES): skills by precision and recall, the others by exact match.
FIELD_METRICS: dict[str, tuple[str, ...]] = {
    "seniority": ("seniority",),
    "skills": ("skills.precision", "skills.recall"),
    "salary": ("salary",),
    "experience_years": ("experience_years",),
    "degree": ("degree",),
    "remote": ("remote",),
    "country": ("country",),
    "region": ("region",),
    "city": ("city",),
    "role_family": ("role_family",),
}
# How the note names a field ("years required", not "Experience (years)")
FIELD_WORDS: dict[str, str] = {"experience_years": "years required", "remote": "work arrangement",
                               "role_family": "role family"}
# The sidebar filters that select postings by an extracted field (a source, a date or a language reads no
# extracted field: the language is detected, and scored nowhere). The role family, read from the title, is
# one: every default view keeps software engineering only, and a held-out batch scores it (real-test-later-v1)
FILTER_FIELDS: dict[str, str] = {"seniority": "seniority", "role_family": "role_family", "skills": "skills",
                                 "remote": "remote", "country": "country", "region": "region"}
# A filter holding every one of these values selects every posting (every level; every arrangement, "not
# stated" included: analytics.filters.where reads it as "stated or NULL"), so it rests on no field
EVERY_VALUE: dict[str, tuple[str, ...]] = {"seniority": ALL_LEVELS, "remote": REMOTE_MODES}
# The labelled sets whose scores the note may say: held out from tuning (analytics.queries.data's choice)
HELD_OUT = ("real-test-all", "real-test")
# A language's own score replaces the overall one from this many labelled postings (skill mentions for
# skills), as the README's per-language target applies from 20 postings
MIN_LANGUAGE_N = 20
# A field labelled on fewer than this share of the set's postings says its own count beside its figure
# (the role family: 146 of 756), so the head's count never stands for a smaller sample
OWN_COUNT_BELOW = 0.9


def view_fields(chart_fields: Iterable[str], f: Filters) -> tuple[str, ...]:
    """The extracted fields a view rests on: the chart's own and those an active filter selects by (the
    default seniority filter, senior levels only, selects by the level; one holding every value, EVERY_VALUE,
    selects by nothing), in FIELD_METRICS' order. Pure (tested)."""
    wanted = set(chart_fields)
    for name, field in FILTER_FIELDS.items():
        value, every = getattr(f, name), EVERY_VALUE.get(name)
        if value and not (every and set(value) >= set(every)):
            wanted.add(field)
    return tuple(field for field in FIELD_METRICS if field in wanted)


def accuracy_note(quality: pd.DataFrame | None, fields: Sequence[str], language: Sequence[str] = ()) -> str:
    """One sentence on how often each field behind a view is read right, e.g. "Read right from a posting
    (624 held-out real postings): seniority 95.0%, below the 97% target; salary 98.7%."; "" when no field
    or no score applies (a warehouse published without scores, a chart resting on none).

    ``quality``: held_out_quality's frame (labelled_set, language, metric, value, n, target, postings);
    ``language``: the language filter - with exactly one language, a field takes that language's score
    where it rests on MIN_LANGUAGE_N or more labelled postings (the sentence says which). Pure (tested)."""
    if quality is None or quality.empty or not fields or "metric" not in quality.columns:
        return ""
    by_language = _indexed(quality)
    if not by_language:  # rows of the synthetic set (written for the project and tuned on): no measure
        return ""
    overall = by_language.get("all", {})
    chosen = language[0] if len(language) == 1 else None
    own = by_language.get(chosen, {}) if chosen else {}
    parts: list[str] = []
    own_used = fallback = 0
    for field in fields:
        metrics = FIELD_METRICS.get(field, ())
        rows = [_row(own, m) for m in metrics]
        scope = ""
        if rows and all(r is not None and int(r["n"]) >= MIN_LANGUAGE_N for r in rows):
            own_used += 1
        else:
            rows = [_row(overall, m) for m in metrics]
            scope = " (all languages)" if chosen else ""
        found = [r for r in rows if r is not None]
        if not found or len(found) < len(rows):
            continue
        fallback += bool(scope)
        values = [float(r["value"]) for r in found]
        text = (f"{_pct(values[0])} of the skills read are right, {_pct(values[1])} of those asked for are "
                "read" if field == "skills" else _pct(values[0]))
        sample = _postings(own if own_used and not scope else overall)
        if field != "skills" and sample and int(found[0]["n"]) < OWN_COUNT_BELOW * sample:
            text += f" ({int(found[0]['n']):,} labelled)"
        below = [float(r["target"]) for r in found
                 if not pd.isna(r["target"]) and float(r["value"]) < float(r["target"])]
        flag = f", below the {100 * min(below):g}% target" if below else ""
        parts.append(f"{FIELD_WORDS.get(field, names.field_label(field).lower())}{scope} {text}{flag}")
    if not parts:
        return ""
    total = _postings(overall)
    everyone = f"{total:,} held-out real postings" if total else "held-out real postings"
    if chosen and own_used:
        head = f"held-out real postings {_among(chosen)}, {_postings(own):,}" + (
            f"; for a field with fewer than {MIN_LANGUAGE_N} labelled, all {total:,}" if fallback else "")
        parts = [p.replace(" (all languages)", "") for p in parts] if not fallback else parts
    elif chosen:
        head = f"{everyone}: too few {_among(chosen)} are labelled, so all languages"
        parts = [p.replace(" (all languages)", "") for p in parts]
    elif len(language) > 1:  # no score is kept for a mix of languages: the overall one, said as such
        head = f"{everyone}, all languages: scores are kept per single language"
    else:
        head = everyone
    return f"Read right from a posting ({head}): " + "; ".join(parts) + "."


def view_note(quality: pd.DataFrame | None, chart_fields: Iterable[str], f: Filters, *,
              filtered: bool = True) -> str:
    """accuracy_note for a chart's own fields and those the filters ``f`` select by, in ``f``'s language
    (the one call the app and the report make). ``filtered`` False (QueryResult.filtered: a table the
    sidebar's filters do not apply to, the Data page's load runs): the chart's own fields only - the default
    level filter's seniority was named under the load runs (QA round twenty-three). Pure (tested)."""
    own = set(chart_fields)
    wanted = view_fields(own, f) if filtered else tuple(x for x in FIELD_METRICS if x in own)
    return accuracy_note(quality, wanted, f.language) if wanted else ""


def _among(language: str) -> str:
    """The postings of a language filter's one value: "in German (de)"; the filter's value for postings
    whose language is not detected, "without a detected language" (their labels score only among all
    languages). Pure."""
    if language == NOT_DETECTED:
        return "without a detected language"
    return f"in {names.language_label(language)}"


def _pct(value: float) -> str:
    """0.9503 -> "95.0%"."""
    return f"{100 * value:.1f}%"


# The rows of the frames last indexed, by the frame's id (the frame kept with them, so its id is not reused
# while here): the note is made under every chart of every page view from the one cached frame of the
# published version, and indexing it (or pandas' boolean filters, about 5 ms a note) each time cost more
# than the rest of a chart's server time
_INDEXED: dict[int, tuple[pd.DataFrame, dict[str, dict[str, dict[str, Any]]]]] = {}
_INDEXED_LOCK = threading.Lock()


def _indexed(quality: pd.DataFrame) -> dict[str, dict[str, dict[str, Any]]]:
    """The frame's rows by language ("all" for none) then metric, the first row of each; empty when any row
    is of a set that is not held out (HELD_OUT)."""
    with _INDEXED_LOCK:  # the app's sessions are threads of one process
        held = _INDEXED.get(id(quality))
    if held is not None and held[0] is quality:
        return held[1]
    by_language: dict[str, dict[str, dict[str, Any]]] = {}
    records = quality.to_dict("records")
    if any(rec.get("labelled_set", HELD_OUT[0]) not in HELD_OUT for rec in records):
        records = []
    for rec in records:
        lang = rec.get("language")
        key = "all" if lang is None or (isinstance(lang, float) and pd.isna(lang)) else str(lang)
        by_language.setdefault(key, {}).setdefault(str(rec["metric"]), rec)
    with _INDEXED_LOCK:
        if len(_INDEXED) >= 8:  # a few versions' frames at most (a publish brings a new one)
            _INDEXED.pop(next(iter(_INDEXED)))
        _INDEXED[id(quality)] = (quality, by_language)
    return by_language


def _row(rows: dict[str, dict[str, Any]], metric: str) -> dict[str, Any] | None:
    """The metric's row, None when absent or scored over nothing."""
    row = rows.get(metric)
    return None if row is None or int(row["n"]) == 0 else row


def _postings(rows: dict[str, dict[str, Any]]) -> int:
    """The labelled postings a set of rows rests on (the largest ``postings`` figure, 0 when unknown)."""
    values = [r.get("postings") for r in rows.values()]
    known = [int(v) for v in values if v is not None and not pd.isna(v)]
    return max(known) if known else 0
