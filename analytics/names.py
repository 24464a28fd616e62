"""Display names for the codes the warehouse keeps: countries (ISO 3166-1), regions (ISO 3166-2),
role families and other internal values.

Why: people read "India" and "California", not IN and US-CA, and "Software engineering", not
software_engineering; the code stays visible on hover or in brackets so a researcher can
still find it in SQL. pycountry holds the ISO tables (no hand-typed lists).
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

import pycountry

# Regions shown by the plain English spelling of their ISO 3166-2 name ("Karnataka", not "Karnātaka"; QA
# round nineteen): ISO writes regions of countries with another script in a romanisation whose marks
# (a macron, a macron or dot below, a cedilla under h, d, t or z) English does not write, while the app's
# other names are English ("India", "Germany"). Decided from the gazetteer data, region by region: those of
# such names that GeoNames (the gazetteer the location parser ships, etl.normalize.geonames) itself writes
# as the same name without the marks - all of India's, Riga; a name GeoNames spells otherwise ("Ar Riyāḑ")
# or a country's own letters ("Baden-Württemberg", "Île-de-France", "Śląskie") stay as ISO writes them.
# Listed here, not read from GeoNames' 135,000 places in the dashboard; tests/test_region_names.py
# derives the list again from the gazetteer and fails if it drifts.
PLAIN_REGIONS: frozenset[str] = frozenset({
    "AF-BAM", "AF-BDG", "AF-BDS", "AF-BGL", "AF-DAY", "AF-FRA", "AF-FYB", "AF-GHA", "AF-HER", "AF-JOW",
    "AF-KAB", "AF-KAN", "AF-KAP", "AF-KNR", "AF-LAG", "AF-LOG", "AF-NAN", "AF-NIM", "AF-NUR", "AF-PAR",
    "AF-PKA", "AF-SAM", "AF-TAK", "AF-ZAB", "EG-ASN", "EG-AST", "EG-MT", "IN-AR", "IN-BR", "IN-CG",
    "IN-CH", "IN-DH", "IN-GJ", "IN-HP", "IN-HR", "IN-JH", "IN-JK", "IN-KA", "IN-LA", "IN-MH", "IN-ML",
    "IN-NL", "IN-RJ", "IN-TN", "IN-TS", "IN-UK", "IQ-AN", "IQ-BG", "IQ-DQ", "IQ-KI", "IQ-MA", "IQ-SD",
    "IR-00", "IR-06", "IR-07", "IR-08", "IR-18", "IR-19", "IR-20", "IR-22", "IR-23", "IR-27", "JO-MD",
    "KW-FA", "KW-HA", "LV-RIX", "OM-DA", "QA-US", "SY-TA", "YE-HU",
})


@lru_cache(maxsize=4096)
def country_name(code: str) -> str:
    """"India" for IN; the code itself when unknown."""
    c = pycountry.countries.get(alpha_2=str(code).upper())
    if c is None:
        return str(code)
    return str(getattr(c, "common_name", None) or c.name)


@lru_cache(maxsize=8192)
def region_name(code: str) -> str:
    """"California" for US-CA; the code itself when unknown."""
    try:
        sub = pycountry.subdivisions.get(code=str(code).upper())
    except (KeyError, LookupError):
        sub = None
    if sub is None:
        return str(code)
    return plain(str(sub.name)) if sub.code in PLAIN_REGIONS else str(sub.name)


def plain(name: str) -> str:
    """``name`` without its accents and marks ("Karnātaka" -> "Karnataka"). Pure."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def area_name(code: str) -> str:
    """A country (two letters) or a region (XX-YYY) by name."""
    code = str(code)
    return region_name(code) if "-" in code else country_name(code)


def area_label(code: str) -> str:
    """"India (IN)", "California (US-CA)": the name with its code."""
    name = area_name(code)
    return name if name == str(code) else f"{name} ({code})"


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
