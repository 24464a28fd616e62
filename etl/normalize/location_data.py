"""The place names the location parser knows: cities, countries and regions.

Why a module of its own: :mod:`etl.normalize.location` is about reading messy
location strings; this module is about *facts* - which names mean which place.
Countries and first-level regions come from pycountry (ISO 3166-1 and 3166-2),
so they are not typed by hand; the cities table and the extra spellings are data
files in ``etl/data`` (``cities.csv``, ``location_aliases.yaml``), each with a
source line and tests. Everything is built once, on first use, and is read-only.

Region rule: a region is the *top-level* ISO 3166-2 subdivision of its country.
pycountry also lists lower levels (UK counties, Irish counties, Spanish
provinces, French departments, Italian provinces); a name found at a lower level
is lifted to its top-level ancestor, so "Cambridgeshire" gives GB-ENG (the UK
nation), "Madrid" province gives ES-MD and "Milano" province gives IT-25.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pycountry

from etl.yaml_data import load_yaml

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
CITIES_CSV = DATA_DIR / "cities.csv"
ALIASES_YAML = DATA_DIR / "location_aliases.yaml"

# Region names are looked up without a country only in these countries, in this order
# (so "Punjab" alone is the Indian state and "Georgia" alone the US state).
UNSCOPED_REGION_COUNTRIES = ("US", "CA", "IN", "AU", "GB", "DE")
# Two-letter codes that are ordinary words or job jargon far more often than a country.
CODE_BLOCKLIST = frozenset(
    {"QA", "IT", "AI", "ML", "HR", "PM", "BI", "UI", "UX", "SO", "AM", "PS", "TV", "CV", "BA"}
)

_DROP = re.compile(r"[.'’`´]")
_SPACE = re.compile(r"[\s\-/_,]+")


def norm_key(text: str) -> str:
    """The lookup key of a place name: no case, accents, dots, apostrophes or hyphens; Saint -> St."""
    if text.isascii():
        s = text.lower()
        if s.isalpha() or (s.replace(" ", "").isalpha() and "  " not in s and s[0] != " " and s[-1] != " "
                           and not s.startswith("saint ")):
            # letters and single spaces between words (most names: GeoNames' 155,000, read once per
            # process in a first pass): nothing below changes them, and the two substitutions were most
            # of the cost (0.27 -> 0.15 s for GeoNames' names)
            return s
    else:
        s = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
        s = s.replace("ł", "l").replace("ø", "o").replace("đ", "d").replace("ß", "ss")
    s = _SPACE.sub(" ", _DROP.sub("", s.replace("&", " and "))).strip()
    if s.startswith("saint "):
        s = "st " + s[6:]
    return s


@dataclass(frozen=True, slots=True)
class City:
    """One row of etl/data/cities.csv."""

    name: str
    region: str | None
    country: str
    metro: str | None
    primary: bool


@dataclass(frozen=True, slots=True)
class Gazetteer:
    """All lookup tables, keyed by :func:`norm_key`."""

    cities: dict[str, tuple[City, ...]]  # key -> rows, the primary row first
    countries: dict[str, str]  # name/alias key -> alpha-2
    alpha3: dict[str, str]  # upper-case alpha-3 -> alpha-2 (only trusted when written in capitals)
    alpha2: frozenset[str]  # every ISO alpha-2 code
    regions: dict[str, dict[str, str]]  # alpha-2 -> (name or code-suffix key -> top-level code)
    unscoped_regions: dict[str, str]  # key -> code, for names given without a country
    supranational: frozenset[str]  # keys of "Europe", "APAC", "Worldwide", ...
    nationwide: frozenset[str]  # keys of "bundesweit", "nationwide", ...


def read_cities(path: Path = CITIES_CSV) -> list[City]:
    with open(path, encoding="utf-8", newline="") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        return [
            City(r["city"], r["region"] or None, r["country"], r["metro"] or None, r["primary"] == "1")
            for r in rows
        ]


def read_aliases(path: Path = ALIASES_YAML) -> dict:
    with open(path, encoding="utf-8") as fh:
        return load_yaml(fh)


@cache
def aliases() -> dict:
    """location_aliases.yaml parsed once per process, shared by the gazetteer and the word lists read from it
    (geonames, location, location_text; read only). Why: five readers each parsed it again (5 ms each)."""
    return read_aliases()


def top_level(code: str) -> str:
    """Walk up pycountry's parent links to the first-level subdivision."""
    seen = 0
    while seen < 5:
        sub = pycountry.subdivisions.get(code=code)
        parent = getattr(sub, "parent_code", None) if sub is not None else None
        if not parent:
            return code
        code = parent
        seen += 1
    return code


def _build_regions(aliases: dict) -> tuple[dict[str, dict[str, str]], dict[str, str]]:
    regions: dict[str, dict[str, str]] = {}
    for sub in pycountry.subdivisions:
        table = regions.setdefault(sub.country_code, {})
        is_top = not getattr(sub, "parent_code", None)
        code = sub.code if is_top else top_level(sub.code)
        for name in {sub.name, re.sub(r"\s*\[.*?\]|\s*\(.*?\)", "", sub.name)}:
            key = norm_key(name)
            # A top-level name wins over a lower-level name that happens to be the same.
            if key and (is_top or key not in table):
                table[key] = code
        if is_top:
            table.setdefault(norm_key(sub.code.split("-", 1)[1]), code)
    for code, names in (aliases.get("regions") or {}).items():
        for name in names:
            regions.setdefault(code[:2], {})[norm_key(name)] = code
    unscoped: dict[str, str] = {}
    for cc in reversed(UNSCOPED_REGION_COUNTRIES):
        for key, code in regions.get(cc, {}).items():
            # Bare codes without a country only for US states, Canadian provinces and AU states.
            if (
                len(key) <= 3
                and key.upper() == code.split("-", 1)[1].upper()
                and cc not in ("US", "CA", "AU")
            ):
                continue
            if cc == "AU" and len(key) == 2:
                continue  # "WA"/"SA"/"NT" alone are Washington, not Western Australia
            unscoped[key] = code
    return regions, unscoped


def _build_countries(aliases: dict) -> dict[str, str]:
    countries: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(c, attr, None)
            if value:
                countries.setdefault(norm_key(value), c.alpha_2)
        if "," in c.name:  # "Korea, Republic of" -> also "Republic of Korea"
            head, tail = c.name.split(",", 1)
            countries.setdefault(norm_key(f"{tail} {head}"), c.alpha_2)
    for code, names in (aliases.get("countries") or {}).items():
        for name in names:
            countries[norm_key(name)] = code
    return countries


def _neighbourhoods(aliases_: dict, rows: list[City]) -> dict[tuple[str, str | None], City]:
    """(name, region) of a cities.csv row that is a neighbourhood inside a big city's limits -> that city's
    row (location_aliases.yaml ``city_neighbourhoods``; later batch real-later-v97). Only the row in the
    city's own region: "Venice, CA" is Los Angeles, Venice in Italy stays Venice;
    "Hollywood, FL" stays Hollywood."""
    by_name = {c.name: c for c in rows if not c.primary} | {c.name: c for c in rows if c.primary}
    out: dict[tuple[str, str | None], City] = {}
    for city, names in (aliases_.get("city_neighbourhoods") or {}).items():
        big = by_name.get(city)
        if big is None:
            raise ValueError(f"city_neighbourhoods: {city!r} is no row of cities.csv")
        for name in names or ():
            out[(name, big.region)] = big
    return out


@cache
def gazetteer() -> Gazetteer:
    """Build the lookup tables once per process."""
    aliases_ = aliases()
    by_key: dict[str, list[City]] = {}
    canonical: dict[str, list[City]] = {}
    rows = read_cities()
    within = _neighbourhoods(aliases_, rows)
    for city in rows:
        big = within.get((city.name, city.region))
        if big is not None:  # "Playa Vista, CA" is Los Angeles: a neighbourhood is its city (labelling rules)
            by_key.setdefault(norm_key(city.name), []).append(
                City(big.name, big.region, big.country, big.metro, city.primary))
            continue
        by_key.setdefault(norm_key(city.name), []).append(city)
        canonical.setdefault(city.name, []).append(city)
    for name, names in (aliases_.get("cities") or {}).items():
        for alias in names or ():
            key = norm_key(alias)
            if key not in by_key:
                by_key[key] = list(canonical.get(name, ()))
    cities = {k: tuple(sorted(v, key=lambda c: not c.primary)) for k, v in by_key.items() if v}
    regions, unscoped = _build_regions(aliases_)
    supra = frozenset(norm_key(s) for s in aliases_.get("supranational") or ())
    alpha2 = frozenset(c.alpha_2 for c in pycountry.countries)
    alpha3 = {c.alpha_3: c.alpha_2 for c in pycountry.countries}
    nationwide = frozenset(norm_key(s) for s in aliases_.get("nationwide") or ())
    return Gazetteer(cities, _build_countries(aliases_), alpha3, alpha2, regions, unscoped, supra, nationwide)
