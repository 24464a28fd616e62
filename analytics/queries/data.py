"""Data page queries (load runs, rejects, coverage, sources, extraction quality) and
the facts the sidebar needs (filter choices, demo flag).

Why: users judge the charts by the data behind them. How many files loaded, what was
rejected and why, which fields are filled: this is the evidence, read from the tables
the loader writes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pandas as pd

from analytics import db as _db
from analytics.filters import FILTER_LABELS, NOT_DETECTED, ROLLUP_FIELDS, SET_BY_FILTER, Filters, coverage_set
from analytics.queries import PLAUSIBLE_SALARY, detail, first, postings_per, run, where
from analytics.result import QueryResult


def load_runs(limit: int = 500, db: str | Path | None = None) -> QueryResult:
    """The latest file loads, newest first."""
    sql = """SELECT run_id, started_at, finished_at, file_name, format, "read", loaded, duplicates,
       rejected, status, message
FROM load_runs
ORDER BY run_id DESC
LIMIT $limit"""
    return run("data.load_runs", sql, {"limit": limit}, db=db, n=lambda df: len(df), unit="file loads",
               filtered=False)


def rejected_reasons(db: str | Path | None = None) -> QueryResult:
    """Rejected input records per reason: reason, records."""
    sql = """SELECT reason, count(*) AS records
FROM rejected_rows
GROUP BY 1
ORDER BY records DESC, reason"""
    return run("data.rejected_reasons", sql, {}, db=db, n=lambda df: int(df["records"].sum()),
               unit="rejected records", filtered=False)


def rejected_sample(limit: int = 200, db: str | Path | None = None) -> QueryResult:
    """The latest rejected records with their file, position and reason."""
    sql = """SELECT run_id, file_path, record_no, reason, left(raw, 300) AS raw
FROM rejected_rows
ORDER BY run_id DESC, record_no
LIMIT $limit"""
    return run("data.rejected_sample", sql, {"limit": limit}, db=db, n=lambda df: len(df),
               unit="rejected records", filtered=False)


def coverage(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Share of the filtered postings that have each field: field, postings_with, share. ``date_posted``
    too: the field real postings lack most often (most JobSpy and Glassdoor rows carry none). ``salary``
    counts the salaries the Salary page counts (PLAUSIBLE_SALARY: plausible ones); a note gives the others."""
    if (found := detail.counts(f, db, rollup)) is not None:
        rows, params, rolled_notes = found
        notes: tuple[str, ...] = rolled_notes
        counts = f"""SELECT coalesce(sum(p.postings), 0)::BIGINT AS total,
           coalesce(sum(p.salaried), 0)::BIGINT AS salary,
           coalesce(sum(p.with_salary), 0)::BIGINT AS any_salary,
           coalesce(sum(p.postings) FILTER (WHERE p.country IS NOT NULL), 0)::BIGINT AS location,
           coalesce(sum(p.postings) FILTER (WHERE p.experience_min IS NOT NULL), 0)::BIGINT AS experience,
           coalesce(sum(p.postings) FILTER (WHERE p.remote IS NOT NULL), 0)::BIGINT AS work_arrangement,
           coalesce(sum(p.postings) FILTER (WHERE p.degree IS NOT NULL), 0)::BIGINT AS degree,
           coalesce(sum(p.postings) FILTER (WHERE p.posted_month IS NOT NULL), 0)::BIGINT AS date_posted
    FROM ({rows}) p"""
    else:
        cond, params = where(f, db=db)
        notes = ()
        counts = f"""SELECT count(*) AS total,
           count(*) FILTER (WHERE {PLAUSIBLE_SALARY}) AS salary,
           count(p.salary_usd_mid) AS any_salary,
           count(p.country) AS location,
           count(p.experience_min) AS experience,
           count(p.remote) AS work_arrangement,
           count(p.degree) AS degree,
           count(p.posted_date) AS date_posted
    FROM postings p
    WHERE {cond}"""
    sql = f"""WITH c AS (
    {counts}
)
SELECT u.field, u.postings_with, u.postings_with / nullif(c.total, 0) AS share, c.total,
       c.any_salary - c.salary AS implausible_salaries
FROM c, (UNPIVOT c ON salary, location, experience, work_arrangement, degree, date_posted
         INTO NAME field VALUE postings_with) u
ORDER BY share DESC, u.field"""
    res = run("data.coverage", sql, params, db=db, n=lambda df: first(df, "total"), notes=notes)
    # a field every posting has because the filter keeps only those: its share is the filter's, not the
    # data's, and is drawn as SET_BY_FILTER (lead ruling 4 on hqa38; the rule: filters.coverage_set)
    fixed = coverage_set(f)
    res = replace(res, df=res.df.assign(set_by=pd.Series([fixed.get(str(v)) for v in res.df["field"]],
                                                         index=res.df.index, dtype="object")))
    if fixed:
        said = "; ".join(f"{FIELD_NAMES.get(k, k)}: {why}" for k, why in fixed.items())
        res = replace(res, caveats=(*res.caveats, f"coverage {SET_BY_FILTER} ({said})"))
    if (left := first(res.df, "implausible_salaries")) > 0:  # said, so the count is not read as every salary
        more = "1 more posting states" if left == 1 else f"{left:,} more postings state"
        return replace(res, caveats=(*res.caveats, f"Salary counts the postings with a plausible salary, as "
                                                   f"the Salary page does ({more} one outside "
                                                   f"{_plausible_range()} a year, left out)"))
    return res


FIELD_NAMES = {"work_arrangement": "work arrangement", "location": "location", "date_posted": "date posted"}


def _plausible_range() -> str:
    from etl.normalize import money  # the loader's own bounds

    return f"${money.PLAUSIBLE_MIN_USD:,.0f} to ${money.PLAUSIBLE_MAX_USD:,.0f}"


def source_mix(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per source: source, postings, share."""
    return postings_per("data.source_mix", "p.source", "source", f, db, rollup=rollup)


def language_mix(f: Filters, db: str | Path | None = None, *, rollup: bool = True) -> QueryResult:
    """Postings per language of the text (ISO 639-1; "not detected" when too short to tell, the Language
    filter's value for them): language, postings, share."""
    column = "p.language" if _has_language(db) else "NULL"  # a warehouse built before the column: none told
    return postings_per("data.language_mix", f"coalesce({column}, '{NOT_DETECTED}')", "language", f, db,
                        rollup=rollup)


def meta(db: str | Path | None = None) -> dict[str, str]:
    """The meta table as a dict (schema_version, is_demo, published_at, ...)."""
    df, _ = _db.query("SELECT key, value FROM meta", None, db)
    return {str(k): str(v) for k, v in zip(df["key"], df["value"])}


@dataclass(frozen=True)
class Options:
    """What the sidebar can offer: the values present in the warehouse."""

    date_min: date | None
    date_max: date | None
    seniority: tuple[str, ...]
    role_family: tuple[str, ...]
    country: tuple[str, ...]
    region: tuple[str, ...]
    skills: tuple[str, ...]  # most frequent first
    source: tuple[str, ...]
    total: int
    language: tuple[str, ...] = ()  # most frequent first; empty for a warehouse built before the column


def _values(column: str, db: str | Path | None, rollup: bool = True) -> tuple[str, ...]:
    """The column's values, most frequent first: counted from the cells of rollup_postings_month when it
    keeps the column (the same counts from ~1/35 of the rows: the sidebar runs this on every page), else
    from postings."""
    if rollup and column in ROLLUP_FIELDS and _db.has_table("rollup_postings_month", db):
        source = f"(SELECT {column}, postings AS k FROM rollup_postings_month)"
    elif rollup and _db.has_table(detail.COUNTS, db):  # region, language: the fine cells (~1/4 of the rows)
        source = f"(SELECT {column}, postings AS k FROM {detail.COUNTS})"
    else:
        source = f"(SELECT {column}, 1 AS k FROM postings)"
    df, _ = _db.query(f"SELECT {column} AS v, sum(k) AS n FROM {source} WHERE {column} IS NOT NULL "
                      "GROUP BY 1 ORDER BY n DESC, v", None, db)
    return tuple(str(v) for v in df["v"])


def _has_language(db: str | Path | None) -> bool:
    df, _ = _db.query("SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'postings' "
                      "AND column_name = 'language'", None, db)
    return bool(df["n"].iloc[0])


def options(db: str | Path | None = None, *, rollup: bool = True) -> Options:
    """Filter choices from the data (columns are constants of this module, never user input)."""
    df, _ = _db.query("SELECT min(posted_date) AS d0, max(posted_date) AS d1, count(*) AS n FROM postings",
                      None, db)
    # The skill list, most asked-for first: from the publish-time rollup when there is one (the same
    # counts from ~1/20 of the rows), else from posting_skills.
    source = (
        "(SELECT skill, category, postings FROM rollup_skill_month)"
        if _db.has_table("rollup_skill_month", db)
        else "(SELECT skill, category, 1 AS postings FROM posting_skills)"
    )
    skills, _ = _db.query(f"SELECT skill, sum(postings) AS n FROM {source} WHERE category <> "
                          "'responsibility' "
                          "GROUP BY 1 ORDER BY n DESC, skill", None, db)

    def as_date(v: Any) -> date | None:
        return None if pd.isna(v) else pd.Timestamp(v).date()

    return Options(
        date_min=as_date(df["d0"].iloc[0]), date_max=as_date(df["d1"].iloc[0]),
        seniority=_values("seniority", db, rollup), role_family=_values("role_family", db, rollup),
        country=tuple(sorted(_values("country", db, rollup))),
        region=tuple(sorted(_values("region", db, rollup))),
        skills=tuple(str(s) for s in skills["skill"]), source=_values("source", db, rollup),
        total=int(df["n"].iloc[0]), language=_values("language", db, rollup) if _has_language(db) else (),
    )


def _quality_has_language(db: str | Path | None) -> bool:
    df, _ = _db.query("SELECT count(*) AS n FROM duckdb_columns() WHERE table_name = 'extraction_quality' "
                      "AND column_name = 'language'", None, db)
    return bool(df["n"].iloc[0])


def extraction_quality(db: str | Path | None = None) -> QueryResult:
    """How the extraction that published this warehouse scores on hand-labelled postings.

    Every held-out test set of the real postings together (``real-test-all``: the test half and the test
    batches drawn later; issue 9: never read for misses), for all its postings and per language, when the
    warehouse has those scores (else the test half alone, as saved before the batches; else the synthetic
    set written for the project): the yardstick the README and docs/methodology.md publish.
    Read from extraction_quality, which every load fills from ``etl evaluate --save``'s saved scores:
    the app never runs the extraction. Empty, with a note, for a warehouse published without them
    (before the table existed, or with no saved scores)."""
    language = "coalesce(language, 'all')" if _db.has_table("extraction_quality", db) and \
        _quality_has_language(db) else "'all'"  # a warehouse published before the language column
    sql = f"""SELECT labelled_set, {language} AS language, metric, value, n, ci_low, ci_high, target,
       meets_target, postings
FROM extraction_quality
WHERE labelled_set = (SELECT CASE WHEN bool_or(labelled_set = 'real-test-all') THEN 'real-test-all'
                                  WHEN bool_or(labelled_set = 'real-test') THEN 'real-test'
                                  ELSE 'synthetic' END
                      FROM extraction_quality)
ORDER BY position"""
    if _db.has_table("extraction_quality", db):
        res = run("data.extraction_quality", sql, {}, db=db, n=lambda df: first(df, "postings"),
                  unit="labelled postings", filtered=False)
    else:  # a warehouse published before the table existed
        res = QueryResult(df=pd.DataFrame(columns=["metric"]), sql=sql, params={}, n=0,
                          name="data.extraction_quality", unit="labelled postings", filtered=False)
    if res.df.empty:
        return replace(res, notes=("No extraction quality figures in this warehouse: they are copied in when "
                                   "a load publishes (python -m etl load, python -m etl demo).",))
    # a field no labelled posting of the set carries (responsibilities in the real sets) has no score: its
    # 1.000 over n = 0 would read as perfect
    unscored = _left_out(res.df)
    df = res.df[res.df["n"] != 0].reset_index(drop=True)
    if res.df["labelled_set"].iloc[0] == "real-test-all":
        note = (f"Scores on every held-out test set of hand-labelled real postings together ({res.n:,} "
                "postings: the test half and each test batch drawn later; per language below 'all'; never "
                "read for misses: docs/methodology.md), of the extraction that published this warehouse")
    elif res.df["labelled_set"].iloc[0] == "real-test":
        note = (f"Scores on the test half of the hand-labelled real postings ({res.n:,} postings, per "
                "language below 'all'; never read for misses: docs/methodology.md), of the extraction that "
                "published this warehouse")
    else:
        note = (f"Scores on {res.n:,} hand-labelled postings (python -m etl evaluate), "
                "of the extraction that published this warehouse")
    notes = (note,) if not unscored else (note, "Left out, as no labelled posting of this set carries them: "
                                                + "; ".join(unscored))
    return replace(res, df=df.drop(columns=["postings", "labelled_set"]), notes=notes)


def held_out_quality(db: str | Path | None = None) -> QueryResult:
    """The extraction's scores on the held-out real postings only (every test set together, else the test
    half; never the synthetic set, which was tuned on), per language, with the labelled postings each row
    rests on: what the note under a chart says (analytics.quality). Empty for a warehouse without them."""
    language = "coalesce(language, 'all')" if _db.has_table("extraction_quality", db) and \
        _quality_has_language(db) else "'all'"
    sql = f"""SELECT labelled_set, {language} AS language, metric, value, n, target, postings
FROM extraction_quality
WHERE labelled_set = (SELECT CASE WHEN bool_or(labelled_set = 'real-test-all') THEN 'real-test-all'
                                  ELSE 'real-test' END
                      FROM extraction_quality)
ORDER BY position"""
    if not _db.has_table("extraction_quality", db):
        columns = ["labelled_set", "language", "metric", "value", "n", "target", "postings"]
        return QueryResult(df=pd.DataFrame(columns=columns), sql=sql, params={}, n=0,
                           name="data.held_out_quality", unit="labelled postings", filtered=False)
    return run("data.held_out_quality", sql, {}, db=db, n=lambda df: first(df, "postings"),
               unit="labelled postings", filtered=False)


def _left_out(df: pd.DataFrame) -> list[str]:
    """The scores over no postings, named as the table names fields, with the languages they lack: "Skills,
    precision (French (fr))", "Responsibilities, precision (every language)". The codes, once listed alone
    ("skills.precision"), read as if the whole field were missing above a table showing it."""
    from analytics import names

    out = []
    for metric, rows in df.groupby("metric", sort=False):
        empty = rows[rows["n"] == 0]
        if empty.empty:
            continue
        langs = [str(v) for v in empty["language"] if str(v) != "all"]
        where = ("every language" if len(empty) == len(rows)
                 else ", ".join(names.language_label(v) for v in langs) or "all languages together")
        label = names.field_label(str(metric))
        if "." in label:  # a metric FIELD_NAMES does not name (responsibilities.precision), as others read
            field, _, measure = str(metric).partition(".")
            label = f"{names.value_label(field)}, {measure}"
        out.append(f"{label} ({where})")
    return out


def selection(f: Filters, db: str | Path | None = None) -> QueryResult:
    """What the sidebar's coverage line says, one row: total (postings loaded), shown (selected by the
    filters), undated_in (selected postings without a date), no_level (postings stating no level
    that the filters leave out only for that), undated_out (undated postings that the date range
    leaves out only for that)."""
    cond, params = where(f, db=db)
    sql = f"""SELECT (SELECT count(*) FROM postings) AS total, count(*) AS shown,
       count(*) FILTER (WHERE p.posted_date IS NULL) AS undated_in
FROM postings p
WHERE {cond}"""
    res = run("data.selection", sql, params, db=db, n=lambda df: first(df, "shown"))
    df = res.df.assign(no_level=0, undated_out=0)
    if f.seniority and "unspecified" not in f.seniority:
        c, p = where(replace(f, seniority=("unspecified",)), db=db)
        df["no_level"] = first(_db.query(f"SELECT count(*) AS n FROM postings p WHERE {c}", p, db)[0], "n")
    if not f.undated:
        c, p = where(replace(f, date_from=None, date_to=None), db=db)
        df["undated_out"] = first(_db.query(
            f"SELECT count(*) AS n FROM postings p WHERE {c} AND p.posted_date IS NULL", p, db)[0], "n")
    return replace(res, df=df)


# The sidebar's filters a view can be emptied by, with the widget's label: lifting one is what the reader
# can do in one step ("dates": the date range; "undated": the "Include postings without a date" box).
LIFTABLE = tuple(FILTER_LABELS.items())


def _lifted(f: Filters, name: str) -> Filters | None:
    """``f`` without filter ``name`` (None when ``f`` does not constrain it)."""
    if name == "dates":
        return replace(f, date_from=None, date_to=None) if f.date_from or f.date_to else None
    if name == "undated":
        return None if f.undated else replace(f, undated=True)
    lift: dict[str, Any] = {name: ()}
    return replace(f, **lift) if getattr(f, name) else None


def _set_to(f: Filters, name: str) -> str:
    """What filter ``name`` is set to, in the captions' words ("Data", "India", "2030-01-01 to ...")."""
    from analytics.filters import describe

    if name == "undated":
        return "off"
    bare: dict[str, Any] = {"seniority": (), "role_family": ()}
    if name == "dates":
        bare.update(date_from=f.date_from, date_to=f.date_to)
    else:
        bare[name] = getattr(f, name)
        if name == "skills":
            bare["skills_mode"] = f.skills_mode
    text = describe(Filters(**bare))
    if name == "dates":
        return text.removesuffix(" and undated")
    return text.split(" · ", 1)[1].split(": ", 1)[1]


def emptied_by(f: Filters, db: str | Path | None = None) -> QueryResult:
    """For each filter ``f`` sets, the postings selected with that one filter lifted and the others kept:
    filter (LIFTABLE's name), label, values (as the captions name them), postings. Asked only for a view no
    posting meets (ui.sidebar), so the reader learns which filter empties it: on the real samples a language
    or a source whose postings all lie outside the default role family or levels emptied every chart with
    "No postings match these filters" alone (QA round twelve). One count per set filter, on postings; no
    rows when ``f`` itself selects postings."""
    def count(g: Filters) -> int:
        cond, params = where(g, db=db)
        return first(_db.query(f"SELECT count(*) AS n FROM postings p WHERE {cond}", params, db)[0], "n")

    rows = []
    for name, label in LIFTABLE if count(f) == 0 else ():
        lifted = _lifted(f, name)
        if lifted is None:
            continue
        n = count(lifted)
        rows.append({"filter": name, "label": label, "values": _set_to(f, name), "postings": n})
    df = pd.DataFrame(rows, columns=["filter", "label", "values", "postings"])
    return QueryResult(df=df, sql="", params={}, n=int(df["postings"].max()) if len(df) else 0,
                       name="data.emptied_by", elapsed_ms=0.0)


def emptied_text(df: pd.DataFrame) -> str:
    """emptied_by's rows as the sentence an empty view gives after "No postings match these filters." (""
    when there are none): "Without Role family (Data): 5 postings; without Country (India): 5." Pure."""
    if df.empty:
        return ""
    helps = df[df["postings"] > 0].sort_values("postings", ascending=False, kind="stable")
    if helps.empty:
        return "No one filter lifted alone brings any back."
    # lifting "Include postings without a date" (off) turns it on: "without ... without a date (off)" read
    # as a double negative (QA round hqa39)
    parts = [f"with {r['label']} on: {int(r['postings']):,}" if r["filter"] == "undated" else
             f"without {r['label']} ({r['values']}): {int(r['postings']):,}" for _, r in helps.iterrows()]
    parts[0] += " posting" if int(helps.iloc[0]["postings"]) == 1 else " postings"
    text = "; ".join(parts)
    return f"{text[:1].upper()}{text[1:]}."
