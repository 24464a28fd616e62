"""Display names for the codes the warehouse keeps: countries (ISO 3166-1), regions (ISO 3166-2),
role families and other internal values.

Why: people read "India" and "California", not IN and US-CA, and "Software engineering", not
software_engineering; the code stays visible on hover or in brackets so a researcher can
still find it in SQL. pycountry holds the ISO tables (no hand-typed lists).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

import pycountry
import yaml

# Regions are shown by their English names: "Vienna", "Catalonia", "Karnataka", not ISO 3166-2's "Wien",
# "Catalunya [Cataluña]", "Karnātaka" (QA rounds nineteen and twenty-two). The names come from the data the
# pinned packages ship (GeoNames' division names, pycountry's English locale), derived once into
# etl/data/region_names.yaml; the dashboard reads that file, not GeoNames' 155,000 places, and
# tests/test_region_names.py derives it again and fails if it drifts.
REGION_NAMES_FILE = Path(__file__).resolve().parents[1] / "etl" / "data" / "region_names.yaml"


@lru_cache(maxsize=1)
def english_regions() -> dict[str, str]:
    """{ISO 3166-2 code: English name} for the regions whose English name is not ISO's own."""
    table = yaml.safe_load(REGION_NAMES_FILE.read_text(encoding="utf-8")) or {}
    return {str(k): str(v) for k, v in table.items()}


@lru_cache(maxsize=4096)
def country_name(code: str) -> str:
    """"India" for IN; the code itself when unknown."""
    c = pycountry.countries.get(alpha_2=str(code).upper())
    if c is None:
        return str(code)
    return str(getattr(c, "common_name", None) or c.name)


@lru_cache(maxsize=8192)
def region_name(code: str) -> str:
    """"California" for US-CA, "Vienna" for AT-9; the code itself when unknown."""
    name = iso_region(code)
    return english_regions().get(str(code).upper(), name) if name is not None else str(code)


def iso_region(code: str) -> str | None:
    """ISO 3166-2's own name of a region ("Wien" for AT-9); None when unknown."""
    try:
        sub = pycountry.subdivisions.get(code=str(code).upper())
    except (KeyError, LookupError):
        sub = None
    return None if sub is None else str(sub.name)


def area_name(code: str) -> str:
    """A country (two letters) or a region (XX-YYY) by name."""
    code = str(code)
    return region_name(code) if "-" in code else country_name(code)


def area_label(code: str) -> str:
    """"India (IN)", "California (US-CA)": the name with its code."""
    name = area_name(code)
    return name if name == str(code) else f"{name} ({code})"


def _folded(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).lower()


@lru_cache(maxsize=8192)
def local_region_name(code: str) -> str | None:
    """ISO 3166-2's own name of a region the app shows by another, English name ("Bayern" for Bavaria,
    "Wien" for Vienna), without ISO's qualifiers ("Catalunya [Cataluña]" -> "Catalunya"); None where the two
    differ by accents or a qualifier only ("Karnātaka", "Madrid, Comunidad de")."""
    iso = iso_region(code)
    if iso is None or "-" not in str(code):
        return None
    local = re.sub(r"\s*[\[(][^\])]*[\])]", "", iso).split(",")[0].strip()
    english, own = _folded(region_name(code)), _folded(local)
    return local if local and english not in own and own not in english else None


def area_choice(code: str) -> str:
    """An area in a list one types into: :func:`area_label`, with a region's own name beside its English one
    ("Bavaria (Bayern, DE-BY)"), so that typing either finds it (QA round twenty-two: "Bayern" found
    nothing)."""
    local = local_region_name(code)
    return f"{area_name(code)} ({local}, {code})" if local else area_label(code)


@lru_cache(maxsize=512)
def language_label(code: str) -> str:
    """"German (de)" for de (ISO 639-1); the code itself when unknown."""
    lang = pycountry.languages.get(alpha_2=str(code).lower()) if len(str(code)) == 2 else None
    return f"{lang.name} ({code})" if lang is not None else str(code)


def field_label(metric: str) -> str:
    """"Skills, precision" for skills.precision: a scored field as the accuracy tables name it."""
    from etl.evaluate import FIELD_NAMES  # stdlib-only module; its list is the one source of these names

    return value_label(FIELD_NAMES.get(metric, metric))


def value_label(value: object) -> str:
    """An internal value as text for people: software_engineering -> Software engineering; blank for None."""
    if value is None:
        return ""
    text = str(value).replace("_", " ")
    return text[:1].upper() + text[1:]
