"""Whole-posting extraction: one raw posting in, every normalised field out.

Why: the loader, ``python -m etl extract``, ``python -m etl evaluate`` and the
benchmarks must agree to the letter on what a posting says, so they all call
:func:`extract` and nothing else. It only wires the normalisers together in the
documented order; every rule lives in ``etl.clean`` and ``etl.normalize.*``, which
precompile and cache their tables, so this module does no per-call setup.

Order of evidence (the rules of the labelling guide, etl/data/labelled/README.md):

* text: title, company and location through ``clean_inline``; the description
  through ``to_text`` in its published format;
* location first, because its country decides what a bare "$" means; when the location
  field names no place ("Remote", empty), the one country the text names where it says
  where the work is done ("anywhere in the US") - country only, no region or city;
* skills from the description without its boilerplate sections, the title and the
  source's technology tags;
* salary: the source's structured fields, else the salary text, else the title,
  else the description;
* experience: the source's structured years (France Travail's experienceLibelle) unless
  the description asks for more, else the description; degree: the lowest of the source's structured
  degree (France Travail's formations) and the description's, else the description's;
  seniority from the title, then the text, then the years asked, then the source's level label;
* FX year: the posting date's year, else the current year.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import itertools
import json
import os
import re
import sys
import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

from etl.clean import clean_inline, to_text
from etl.normalize import experience, salary, skill_context
from etl.normalize.experience import (
    listed_role_years,
    other_rungs_dropped,
    parse_degree,
    parse_experience,
    parse_required_experience,
)
from etl.normalize.hn_comment import comment_roles, family_roles, is_comment, role_less_reading
from etl.normalize.language import posting_language
from etl.normalize.location import Location, place_in_title, read_field
from etl.normalize.location_text import area_in_text, country_in_text, place_of_work, team_base_in_text
from etl.normalize.money import COUNTRY_CURRENCY
from etl.normalize.remote import classify_remote, remote_flag_scope
from etl.normalize.role_family import classify_roles_family
from etl.normalize.salary import Salary, commission_only, enrich, parse_salary, salary_from_fields
from etl.normalize.seniority import classify_seniority, first_listed_role, is_senior
from etl.normalize.shared_text import CueUnion, PostingText
from etl.normalize.skill_context import pitch_spans
from etl.normalize.skills import (
    extract_skills,
    finish_skills,
    is_skill_name,
    scan_skills_many,
    skill_mentions,
    tag_skills,
)
from etl.sections import demand_text
from etl.skill_judge import judge_many

# The output contract, in order (the CLI writes these keys; clean_description only in the library).
CONTRACT_KEYS = (
    "id",
    "skills",
    "responsibilities",
    "salary",
    "experience_years",
    "seniority",
    "remote",
    "country",
    "region",
    "city",
    "degree",
)
EXTRA_KEYS = (
    "metro",
    "role_family",
    "is_senior",
    "salary_annual",
    "salary_usd",
    "salary_plausible",
    "salary_band",
    "language",
    "clean_title",
    "clean_company",
    "clean_description",
)
OUTPUT_KEYS = CONTRACT_KEYS + EXTRA_KEYS

# The trained context check of skill mentions (etl/skill_judge.py): on unless the environment says
# ETL_SKILL_JUDGE=0 when etl.extract is imported (read once; worker processes inherit the environment);
# on since it costs ~100 us a posting and raised the test half's skills precision 0.936 -> 0.961
SKILL_JUDGE = os.environ.get("ETL_SKILL_JUDGE", "1") != "0"
# The work-arrangement sentence model as a gap filler (etl/remote_model.py VARIANTS): the rules' answer
# stands; only where they give null do the model's sentence decisions speak ("fill-p70": each at a
# probability >= 0.70). Off unless ETL_REMOTE_MODEL says "fill" or "fill-p70" when etl.extract is imported:
# fill-p70 met its pre-registered criterion by one posting that a rule now fixes too, moved neither
# real-test-all nor the held-out real-test-v7, broke 3 tuning postings and costs about 10% of extraction
# (docs/methodology.md, "A second attempt").
REMOTE_MODEL = os.environ.get("ETL_REMOTE_MODEL") or "0"  # empty: off, as unset


def _text(value: Any) -> str | None:
    """A raw cell as text: None, NaN and non-text values handled without raising."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    return value if isinstance(value, str) else str(value)


def _num(value: float | None) -> float | int | None:
    """Whole numbers as int (150000, not 150000.0) so the JSON output reads naturally."""
    if value is None:
        return None
    value = round(float(value), 2)  # rounded first: 73379.999999 is the whole number 73380
    return int(value) if value.is_integer() else value


def _year(posted: Any) -> int:
    if isinstance(posted, datetime | date):
        return posted.year
    text = _text(posted)
    if text and len(text) >= 4 and text[:4].isdigit():
        return int(text[:4])
    return date.today().year


def _salary(
    item: Mapping[str, Any], title: str | None, description: str, country: str | None,
    shared: PostingText | None = None,
) -> Salary | None:
    get = item.get
    if commission_only(description) or commission_only(_text(get("salary_text"))):
        return None  # commission is never the base salary, whatever figures the board's fields hold
    if get("salary_min") is not None or get("salary_max") is not None:
        currency = _text(get("salary_currency")) or COUNTRY_CURRENCY.get(country or "")
        found = salary_from_fields(
            get("salary_min"), get("salary_max"), currency, _text(get("salary_period"))
        )
        if found is not None:
            return _stated_currency(found, (clean_inline(_text(get("salary_text"))), description), country)
    for text in (clean_inline(_text(get("salary_text"))), title, description):
        if text:
            found = parse_salary(text, country=country, shared=shared if text is description else None)
            if found is not None:
                return found
    return None


def _float(value: Any) -> float | None:
    if value is None or isinstance(value, bool):
        return None
    try:
        num = float(value)
    except (TypeError, ValueError):
        return None
    return num if num == num and num >= 0 else None


def _experience(
    item: Mapping[str, Any], demand: str, title: str = "", shared: PostingText | None = None
) -> tuple[float | None, float | None] | None:
    """Years asked: the source's structured figure, unless the text requires a higher one (labelling
    guide); a text that lists its openings with their years gives the years of the posting's own role."""
    low, high = _float(item.get("experience_min")), _float(item.get("experience_max"))
    if low is None and high is None and title and demand:
        listed = listed_role_years(first_listed_role(title), demand)
        if listed is not None:
            return listed
    if low == 0 and high == 0:  # the source says none is asked ("Débutant accepté"): only a required figure
        return parse_required_experience(demand) if demand else None
    # a profile written per rung of a ladder: the title's own rung's years (twenty-first round)
    text = parse_experience(other_rungs_dropped(title, demand, shared), shared, title) if demand else None
    if low is None and high is None:
        return text
    if text is not None and text[0] is not None and text[0] > (low or 0.0):
        return text  # "2 An(s)" in the field, "une expérience d'au moins 5 ans est requise" in the text
    return low, high


_DEGREE_RANK = {"none": 0, "bachelor": 1, "master": 2, "phd": 3}


def _degree(item: Mapping[str, Any], demand: str, shared: PostingText | None = None) -> str | None:
    """The lowest degree the posting asks for (labelling guide): the source's structured level and the
    text's; "none" (a level below a bachelor's, such as Bac+2) is the lowest and gives None."""
    text = parse_degree(demand, shared) if demand else None
    hint = _text(item.get("degree_hint"))
    if hint not in _DEGREE_RANK:
        return text
    if text is not None and _DEGREE_RANK[text] < _DEGREE_RANK[hint]:
        return text  # "Licence (Bac+3)" in the text, "Bac+5" in the field: a bachelor's is accepted
    return None if hint == "none" else hint


# 16,384: more than the real exports' 4,707 distinct companies, so a warm pass over them (the bench's) hits; a
# first pass meets each company once either way (warm-only gain; lead ruling on h22perf1's question 2)
@functools.lru_cache(maxsize=1 << 14)
def _company_pattern(company: str) -> re.Pattern[str] | None:
    """The company's name as a pattern when it holds a skill but is no skill's name ("Mold AI", "Java
    Junction"): such a name in the text is the employer, not a skill asked (labelling guide). A one-word
    name that is a skill (Docker, MongoDB) is also the product: only "at Docker" and "Docker is a/the/built"
    speak of the company, and a Hacker News header's first cell ("Docker | ...") names the poster; a
    multi-word skill name (Amazon Web Services) is left to the rules. A name joined by a dot or hyphen
    ("Kiln.AI") has its words too, unless the whole is a skill's name ("Node.js")."""
    words = re.findall(r"\w+", company)
    if len(company.split()) < 2 and (len(words) < 2 or is_skill_name(company)):
        if not is_skill_name(company):
            return None
        # a one-word company that is its product (Docker): only where the text speaks of the company, or
        # where a Hacker News header's first cell names the poster ("Docker | Engineer | ..."), or where the
        # name opens a sentence as the subject of a presentation verb ("Docker is how teams ship", "Docker
        # has it all", "Docker is looking for ..."; skill_context.yaml's company_verbs; later-v60); not before
        # a noun ("Docker experience is a plus"). A field's name (Blockchain, AI) is left to the presentation
        # reader, which drops a domain skill in the employer's sentences (pitch_spans)
        name = re.escape(company)
        subject = ""
        if company.lower() not in {d.lower() for d in skill_context.domain_skills()}:
            subject = rf"|(?:\A|(?<=[.!?]\s)|(?<=\n))\s*{name}(?=\s+(?:{skill_context.company_verbs()})\b)"
        return re.compile(rf"\bat {name}\b|\b{name}(?= is (?:a|an|the|built|powered)\b)|\A\s*{name}(?=\s*\|)"
                          + subject, re.IGNORECASE)
    # any hit of a form, also one the rules reject in the bare name ("C Space": a lone "C"), since the text's
    # context may accept it ("C Space's SQL tools"; forty-eighth round)
    if is_skill_name(company) or not skill_mentions(" ".join(words))[1]:
        return None
    # the name's words with anything but letters between them: a name spelled from a slug ("Kiln.AI", branch
    # hext) is also written "Kiln AI" and "KilnAI"
    return re.compile(r"\W*".join(map(re.escape, words)), re.IGNORECASE)


def without_company(text: str, company: str | None) -> str:
    """``text`` with the company's name blanked (same length) where the name holds a skill."""
    pattern = _company_pattern(company) if company and text else None
    if pattern is None:
        return text
    return pattern.sub(lambda m: " " * len(m.group()), text)


def _stated_currency(fields: Salary, texts: Iterable[str | None], country: str | None) -> Salary:
    """The structured salary, in the currency the text states for the same figures.

    A board that has amount fields but no currency field (Remote OK) is read as USD; when
    the posting is outside the US and its text gives the same figures in another currency
    ("Salary Range: PLN 350,700 - 474,400"), the text says what the fields left out.
    """
    if fields.currency != "USD" or not country or country == "US":
        return fields
    for text in texts:
        found = parse_salary(text, country=country) if text else None
        if (
            found is not None
            and found.currency != fields.currency
            and (found.min, found.max) == (fields.min, fields.max)
        ):
            return replace(fields, currency=found.currency)
    return fields


def extract(item: Mapping[str, Any]) -> dict[str, Any]:
    """Every normalised field of one posting (input keys: see ``Posting.as_extract_input``)."""
    return extract_rows([item])[0]


def _location(get: Any, location_raw: str | None, description: str, title: str | None) -> Location:
    # parse_location, a metro area's city dropped ("San Francisco Bay Area": the region, no city; rules),
    # and names_no_place: remembered by the field's value (etl/normalize/location.py read_field)
    location, no_place = read_field(location_raw, _text(get("country_hint")))
    if no_place:
        if location.country is not None and location.region is None and area_in_text(description):
            # "Remote" and an address's country, the text open to "people living anywhere across LATAM": the
            # job has no single country (thirteenth round)
            return Location()
        if location.country is None:
            country = country_in_text(description)  # "Remote" + "work from home anywhere in the US"
            if country:
                location = Location(country=country)
            else:  # no header, no country: "our engineering team is based in <city>" (twenty-fourth round)
                location = team_base_in_text(description) or location
        elif location.region is None:  # "Desenvolvedor RPA (Híbrido - Belo Horizonte)" at a Brazilian board
            country = location.country  # "... presencial em Londrina/PR"
            location = place_in_title(title, country) or place_of_work(description, country) or location
    return location


def _skills(get: Any, demand: str, title: str | None, company: str | None, shared: PostingText | None = None
            ) -> tuple[list[str], list[str]]:
    text = without_company(demand, company)
    # the employer presenting itself ("Acme is a Data Science startup") asks for no skill; its sentences are
    # found in the text before the name was blanked ("Mold AI is ..."): the blanking keeps every offset
    skills, responsibilities = extract_skills(text, title or "", pitch_spans(demand, company, shared))
    return _with_tags(get, skills), responsibilities


def _with_tags(get: Any, skills: list[str]) -> list[str]:
    tags = _text(get("skill_tags"))
    if tags:  # the board's own tag list names skills too (get in IT badges, No Fluff Jobs' main skill)
        skills = sorted(set(skills).union(tag_skills(tags)))
    return skills


def _judged_skills(
    gets: Sequence[Any], demands: Sequence[str], titles: Sequence[str | None],
    companies: Sequence[str | None], shared: Sequence[PostingText | None],
) -> list[tuple[list[str], list[str]]]:
    """:func:`_skills` of a batch with the trained check of each counted mention's context
    (on unless ETL_SKILL_JUDGE=0; etl/skill_judge.py), which drops the skills named only about the employer:
    every posting scanned, all their mentions judged at once (the model's numpy work shared by the batch),
    each posting finished; the same answers as ``extract_skills(..., judge)`` posting by posting."""
    scans = scan_skills_many(  # the skills automaton reads the batch's texts back to back (its caches)
        [
            (without_company(demand, company), title or "", pitch_spans(demand, company, texts))
            for demand, title, company, texts in zip(demands, titles, companies, shared, strict=True)
        ]
    )
    calls = [
        (scan.orig, scan.mentions, title or "", company or "", scan.low)
        for scan, title, company in zip(scans, titles, companies, strict=True)
        if scan is not None and scan.mentions
    ]
    verdicts = iter(judge_many(calls))
    out = []
    for get, scan in zip(gets, scans, strict=True):
        judged = next(verdicts) if scan is not None and scan.mentions else None
        skills, responsibilities = finish_skills(scan, judged)
        out.append((_with_tags(get, skills), responsibilities))
    return out


def _remote(get: Any, location_raw: str | None, title: str | None, description: str,
            shared: PostingText | None = None) -> str | None:
    remote_hint = get("remote_hint")
    hint = remote_hint if isinstance(remote_hint, bool) else None
    scope = remote_flag_scope(get("source"))
    mode = classify_remote(location_raw, title or "", description, hint, scope, shared)
    if mode is None and REMOTE_MODEL != "0":
        from etl.remote_model import VARIANTS, fill_gap

        if REMOTE_MODEL not in VARIANTS:
            raise ValueError(f"ETL_REMOTE_MODEL={REMOTE_MODEL!r}: use one of 0, {', '.join(VARIANTS)}")
        return fill_gap(description, hint, scope, VARIANTS[REMOTE_MODEL])
    return mode


@functools.cache
def _cue_union() -> CueUnion:
    """One automaton over the cue words the fields scan each posting's lower-cased text for (the degree
    phrases' literal gate, the other languages' year words, the rung phrases, the money anchors, the
    employer-pitch words): read once per text, its hits split by field (etl/normalize/shared_text.py).
    Not the work-arrangement phrases' gate: its 472 words gave 30 of the union's 46 hits a real text, and
    splitting them in Python cost more instructions than the gate's own pass (docs/performance.md)."""
    return CueUnion({**experience.cue_words(), **salary.cue_words(), **skill_context.cue_words()})


class _Clock:
    """CPU seconds of each stage of :func:`extract_rows` added to ``timings`` (python -m bench extract
    reads them: the stages of the real path, not a copy); nothing is timed when it is None."""

    def __init__(self, timings: dict[str, float] | None) -> None:
        self.timings = timings
        self.last = time.process_time() if timings is not None else 0.0

    def __call__(self, stage: str) -> None:
        if self.timings is not None:
            now = time.process_time()
            self.timings[stage] = self.timings.get(stage, 0.0) + now - self.last
            self.last = now


def extract_rows(
    items: Sequence[Mapping[str, Any]], timings: dict[str, float] | None = None
) -> list[dict[str, Any]]:
    """:func:`extract` of each posting, in order: the rows of :func:`extract_columns`."""
    columns = extract_columns(items, timings)
    clock = _Clock(timings)
    rows = [dict(zip(columns, values, strict=True)) for values in zip(*columns.values(), strict=True)]
    clock("output rows")
    return rows


def extract_columns(
    items: Sequence[Mapping[str, Any]], timings: dict[str, float] | None = None
) -> dict[str, list[Any]]:
    """Every output of :func:`extract` for each posting, by key (:data:`OUTPUT_KEYS`, in order), computed
    stage by stage over all of them.

    Why stage by stage: each normaliser reads large tables (an automaton of 14,000 skill forms, CLD2's
    language model, compiled rule sets); running one normaliser over a whole batch before the next
    keeps its tables in the processor's caches, and measured about twice as fast as running every
    normaliser on one posting before the next (``python -m bench extract``). Each value depends only
    on its own posting, so the answers are the same either way. Why by key: the Arrow batch
    (:func:`etl.columnar.extract_batch`) is built column by column, so no dict per posting is made
    on that path (:func:`extract_rows` makes them for :func:`extract`).
    """
    with _collector_paused():
        unique, where = _distinct(items)
        if len(unique) == len(items):
            return _extract_columns(items, timings)
        columns = _extract_columns(unique, timings)
        ids = [item.get("id") for item in items]
        repeats = _repeats(where)
        return {
            key: ids if key == "id" else _spread(values, where, repeats) for key, values in columns.items()
        }


# Equal values of these types are the same value (int 1 and True, 0.0 and -0.0 are told apart below).
_EXACT_TYPES = frozenset({str, int, bool, type(None)})


def _input_key(item: Mapping[str, Any]) -> tuple[Any, ...]:
    """Every input of ``item`` but its id, each with its type (a float or a date by its repr), so two items
    with equal keys are the same input to every stage."""
    key: list[tuple[str, type, Any]] = []
    for k, v in item.items():
        if k != "id":
            t = type(v)
            key.append((k, t, v if t in _EXACT_TYPES else repr(v)))
    return tuple(key)


def _distinct(items: Sequence[Mapping[str, Any]]) -> tuple[Sequence[Mapping[str, Any]], list[int]]:
    """(the items with distinct inputs, in first-seen order; for each item, the index of its equal there).

    Why: a batch of real exports repeats postings (one advert filed under several locations or boards:
    about 5% of the shared datasets' batches), and each extraction value is a pure function of the
    posting's inputs, its id aside; the repeats are copied, not extracted again."""
    first: dict[tuple[Any, ...], int] = {}
    where: list[int] = []
    unique: list[Mapping[str, Any]] = []
    for item in items:
        j = first.setdefault(_input_key(item), len(unique))
        if j == len(unique):
            unique.append(item)
        where.append(j)
    return unique, where


def _repeats(where: list[int]) -> list[int]:
    """The positions of ``where`` whose index was seen at an earlier position (the repeats' rows)."""
    seen: set[int] = set()
    out: list[int] = []
    for i, j in enumerate(where):
        if j in seen:
            out.append(i)
        seen.add(j)
    return out


def _spread(values: list[Any], where: list[int], repeats: list[int]) -> list[Any]:
    """``values`` (one per distinct item) back to one per item; a repeat (``repeats``: :func:`_repeats` of
    ``where``) gets its own copy of a dict or list (a row may be changed by its reader). The repeats are
    found once per batch, not once per column: 24 columns of a 2,000-posting batch read ``where`` item by
    item cost about 7 µs a posting."""
    out = [values[j] for j in where]
    for i in repeats:
        value = out[i]
        if isinstance(value, dict | list):
            out[i] = value.copy()
    return out


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a batch is extracted, then let run again.

    Why: the extraction makes tens of thousands of small lists and tuples a batch, each young-generation
    collection walks them, and the full ones walk every long-lived table (the skills automaton's forms,
    the paragraph caches); almost all of the extraction's garbage is freed by reference counting (the few
    hundred objects in cycles a run are collected after the batch), so the collector mostly costs time
    there: 2-4% of the extraction, measured in one process alternately (docs/performance.md). Left as it
    was found when it was already off (another caller or thread holds it off)."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _family(get: Any, named: tuple[str, ...] | None, title: str | None, text: Any) -> str:
    """The role family of a posting that may be a Hacker News comment (``named``: its roles as
    :func:`_comment_roles` reads them, None for another source): voted on its roles and those its body lists
    one a line (:func:`etl.normalize.hn_comment.family_roles`); a comment naming none and read under no title
    by its header cell of technologies (`real-later-v109` class C) or else the roles its hiring sentences name
    (`real-later-v101` class D) (:func:`etl.normalize.hn_comment.role_less_reading`). The comment's body is
    read once here."""
    roles: tuple[str, ...] | None = named
    heading: str | None = None
    said: tuple[str, ...] = ()
    body = _text(get("description")) if named is not None else None
    if body:
        roles = family_roles(body)
        if not roles and not named and not title:
            heading, said = role_less_reading(body)
    return classify_roles_family(roles, title or "", text, heading, said)


def _comment_roles(get: Any) -> tuple[str, ...] | None:
    """The roles of a Hacker News comment, read by its structure (etl/normalize/hn_comment.py), each with its
    own level cells; None for a posting of another source. A posting of no source whose HTML opens with a
    header line of cells ("Acme | Oslo | Senior Engineer<p>...", as the synthetic set's comments) is read as
    a comment too."""
    source = get("source")
    if source is not None and source != "hackernews":
        return None  # the common case first: a posting of another source
    body = _text(get("description"))
    if source is None and not (body and is_comment(body)):
        return None
    return comment_roles(body) if body else ()  # read_comment(body).role_titles(), its roles only


# a company that is zeros only ("0", "0.0"): a spreadsheet's empty cell, no name (branch hext: LinkedIn's
# dump names one employer "0"); other figures are names ("605", "3M")
_ZEROS = re.compile(r"[0.\s]+")


def _company_name(company: str | None) -> str | None:
    return None if company is not None and _ZEROS.fullmatch(company) else company


def clean_texts(gets: Sequence[Any]) -> tuple[list[str | None], list[str | None], list[str]]:
    """The cleaned title, company and description of each posting (``gets``: each input's ``.get``): where
    the extraction starts, and all a posting the warehouse already holds keeps as a duplicate
    (etl/warehouse/batch.py skips the rest of its extraction)."""
    titles = [clean_inline(_text(get("title"))) for get in gets]
    companies = [_company_name(clean_inline(_text(get("company")))) for get in gets]
    descriptions = [
        to_text(_text(get("description")), _text(get("description_format")) or "text") for get in gets
    ]
    return titles, companies, descriptions


def _extract_columns(
    items: Sequence[Mapping[str, Any]], timings: dict[str, float] | None
) -> dict[str, list[Any]]:
    clock = _Clock(timings)
    gets = [item.get for item in items]
    titles, companies, descriptions = clean_texts(gets)
    locations_raw = [clean_inline(_text(get("location"))) for get in gets]
    clock("clean fields and description")
    locations = [_location(*args) for args in zip(gets, locations_raw, descriptions, titles, strict=True)]
    clock("location")
    demands = [demand_text(d) for d in descriptions]  # without "about us", benefits, equal-opportunity text
    clock("boilerplate sections")
    # each posting's description and demand text, lower-cased and scanned for the fields' cue words once
    union = _cue_union()
    shared = [PostingText(union, d, demand) for d, demand in zip(descriptions, demands, strict=True)]
    if SKILL_JUDGE:
        skills = _judged_skills(gets, demands, titles, companies, shared)
    else:
        skills = [_skills(*args) for args in zip(gets, demands, titles, companies, shared, strict=True)]
    clock("skills")
    salaries = [
        _salary(item, title, d, loc.country, texts)
        for item, title, d, loc, texts in zip(items, titles, descriptions, locations, shared, strict=True)
    ]
    clock("salary")
    experiences = [
        _experience(item, demand, title or "", texts)
        for item, demand, title, texts in zip(items, demands, titles, shared, strict=True)
    ]
    clock("experience")
    roles = [_comment_roles(get) for get in gets]  # a Hacker News comment's header roles (None elsewhere)
    seniorities = [  # the level is read in the job's own text, not in "about us" or the interview steps
        classify_seniority(title or "", d, experience[0] if experience else None, _text(get("level_hint")),
                           named, call_text=full)
        for get, title, d, full, experience, named in zip(gets, titles, demands, descriptions, experiences,
                                                          roles, strict=True)
    ]
    clock("seniority")
    remotes = [_remote(*args) for args in zip(gets, locations_raw, titles, descriptions, shared, strict=True)]
    clock("remote")
    moneys = [enrich(salary, _year(get("posted_date"))) for get, salary in zip(gets, salaries, strict=True)]
    clock("salary enrich")
    degrees = [
        _degree(item, demand, texts) for item, demand, texts in zip(items, demands, shared, strict=True)
    ]
    clock("degree")
    families = [  # a comment naming several roles: the family most of them share (classify_roles_family),
        # its roles the header's and those its body lists one a line (hn_comment.family_roles, real-later-v95)
        _family(get, named, title, d)
        for get, named, title, d in zip(gets, roles, titles, descriptions, strict=True)
    ]
    clock("role family")
    # ISO 639-1 of the text (etl/normalize/language.py)
    languages = [posting_language(title, d) for title, d in zip(titles, descriptions, strict=True)]
    clock("language")
    paid = list(zip(salaries, moneys, strict=True))
    columns: dict[str, list[Any]] = {
        "id": [get("id") for get in gets],
        "skills": [sorted(found) for found, _ in skills],
        "responsibilities": [sorted(r for r in duties if r not in found) for found, duties in skills],
        "salary": [
            None if s is None
            else {"min": _num(s.min), "max": _num(s.max), "currency": s.currency, "period": s.period}
            for s in salaries
        ],
        "experience_years": [
            None if e is None else {"min": _num(e[0]), "max": _num(e[1])} for e in experiences
        ],
        "seniority": seniorities,
        "remote": remotes,
        "country": [loc.country for loc in locations],
        "region": [loc.region for loc in locations],
        "city": [loc.city for loc in locations],
        "degree": degrees,
        "metro": [loc.metro for loc in locations],
        "role_family": families,
        "is_senior": [is_senior(level) for level in seniorities],
        "salary_annual": [
            None if s is None else {"min": _num(m["annual_min"]), "max": _num(m["annual_max"])}
            for s, m in paid
        ],
        "salary_usd": [
            None if s is None
            else {"min": _num(m["usd_min"]), "max": _num(m["usd_max"]), "mid": _num(m["usd_mid"])}
            for s, m in paid
        ],
        "salary_plausible": [bool(m["plausible"]) for m in moneys],
        "salary_band": [m["band"] for m in moneys],
        "language": languages,
        "clean_title": titles,
        "clean_company": companies,
        "clean_description": descriptions,
    }
    clock("output columns")
    return columns


def extract_many(items: Iterable[Mapping[str, Any]]) -> Iterator[dict[str, Any]]:
    """:func:`extract` over many postings, lazily and in order."""
    for item in items:
        yield extract(item)


CLI_BATCH = 1000  # lines per Arrow batch in ``etl extract``


def _parse_line(line: str) -> tuple[dict[str, Any] | None, dict[str, Any] | None]:
    """One JSONL line -> (input item, None) or (None, error record). Never raises."""
    if not line.strip():
        return None, {"id": None, "error": "empty line"}
    try:
        item = json.loads(line)
    except json.JSONDecodeError as exc:
        return None, {"id": None, "error": f"invalid JSON: {exc.msg} at column {exc.colno}"}
    if not isinstance(item, dict):
        return None, {"id": None, "error": f"not a JSON object: {type(item).__name__}"}
    return item, None


def _extract_lines(lines: list[str]) -> list[tuple[dict[str, Any], bool]]:
    """(output record, ok) per line, in order: the parsed lines go through one Arrow batch."""
    from etl.columnar import extract_batch, mappings_to_batch, output_records  # columnar imports this module

    parsed = [_parse_line(line) for line in lines]
    items = [item for item, _ in parsed if item is not None]
    records = iter(
        output_records(extract_batch(mappings_to_batch(items)), [item.get("id") for item in items])
    )
    out: list[tuple[dict[str, Any], bool]] = []
    for _item, error in parsed:
        if error is not None:
            out.append((error, False))
            continue
        record = next(records)
        if "error" in record:  # a normaliser bug must not stop the other lines
            out.append(({"id": record["id"], "error": record["error"]}, False))
            continue
        record.pop("clean_description", None)
        out.append((record, True))
    return out


def cli_extract(input: Path, output: Path) -> int:
    """``python -m etl extract``: JSONL in, one JSONL line out per input line, in order."""
    if not input.is_file():
        print(f"error: input file not found: {input}", file=sys.stderr)
        return 2
    done = bad = 0
    try:
        with (
            input.open(encoding="utf-8", errors="replace", newline="") as src,
            output.open("w", encoding="utf-8") as dst,
        ):
            while lines := [raw.rstrip("\r\n") for raw in itertools.islice(src, CLI_BATCH)]:
                for record, ok in _extract_lines(lines):
                    done += ok
                    bad += not ok
                    dst.write(json.dumps(record, ensure_ascii=False, default=str) + "\n")
    except OSError as exc:
        print(f"error: {exc.strerror or exc}: {exc.filename or input}", file=sys.stderr)
        return 2
    print(f"extracted {done} postings, {bad} bad lines -> {output}", file=sys.stderr)
    return 0
