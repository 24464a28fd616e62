"""Money: the FX table and bands data files, annualising, USD conversion, plausibility, enrich()."""

from __future__ import annotations

import csv
import itertools

import pytest
import yaml

from etl.normalize import money
from etl.normalize.money import (
    DAYS_PER_YEAR,
    HOURS_PER_YEAR,
    MONTHS_PER_YEAR,
    WEEKS_PER_YEAR,
    Salary,
    annualise,
    bands,
    enrich,
    plausible,
    salary_band,
    to_usd,
    units_per_usd,
)
from etl.normalize.salary import parse_salary

CURRENCIES = [
    "USD",
    "EUR",
    "GBP",
    "CAD",
    "AUD",
    "INR",
    "CHF",
    "SGD",
    "PLN",
    "SEK",
    "NOK",
    "DKK",
    "JPY",
    "BRL",
    "MXN",
    "NZD",
    "ZAR",
    "ILS",
    "CNY",
    "HKD",
]
YEARS = range(2015, 2027)


def _fx_rows() -> tuple[list[str], list[dict[str, str]]]:
    lines = money.FX_FILE.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader(line for line in lines if not line.startswith("#")))
    return comments, rows


def test_fx_file_names_its_source_and_latest_year_rule() -> None:
    comments, rows = _fx_rows()
    header = " ".join(comments).lower()
    assert "source" in header and ("federal reserve" in header or "irs" in header)
    assert "units_per_usd" in header and "latest full year" in header
    assert list(rows[0]) == ["year", "currency", "units_per_usd"]


def test_fx_file_has_every_currency_and_year_with_positive_rates() -> None:
    _, rows = _fx_rows()
    seen = {(int(r["year"]), r["currency"]) for r in rows}
    missing = [(y, c) for y in YEARS for c in CURRENCIES if (y, c) not in seen]
    assert not missing
    assert len(seen) == len(rows), "duplicate (year, currency) rows"
    assert all(float(r["units_per_usd"]) > 0 for r in rows)
    assert all(float(r["units_per_usd"]) == 1 for r in rows if r["currency"] == "USD")


@pytest.mark.parametrize(
    ("currency", "low", "high"),  # loose sanity ranges for every year 2015-2026 (catches inverted rates)
    [("EUR", 0.8, 1.0), ("GBP", 0.6, 0.85), ("INR", 60, 95), ("JPY", 100, 165), ("CHF", 0.8, 1.05),
     ("CAD", 1.2, 1.45), ("AUD", 1.25, 1.6), ("HKD", 7.7, 7.9), ("PLN", 3.5, 4.6), ("BRL", 3.0, 6.0)],
)
def test_fx_rates_are_in_the_right_direction(currency: str, low: float, high: float) -> None:
    for year in YEARS:
        rate = units_per_usd(currency, year)
        assert rate is not None and low <= rate <= high, (currency, year, rate)


def test_latest_year_repeats_latest_full_year() -> None:
    assert all(units_per_usd(c, 2026) == units_per_usd(c, 2025) for c in CURRENCIES)


def test_missing_year_uses_nearest_and_unknown_currency_is_none() -> None:
    assert units_per_usd("EUR", 1999) == units_per_usd("EUR", 2015)
    assert units_per_usd("EUR", 2040) == units_per_usd("EUR", 2026)
    assert units_per_usd("EUR", None) == units_per_usd("EUR", 2026)
    assert units_per_usd("eur", 2020) == units_per_usd("EUR", 2020)
    assert units_per_usd("XYZ", 2020) is None
    assert to_usd(100.0, "XYZ", 2020) is None


def test_to_usd_divides_by_units_per_usd() -> None:
    assert to_usd(1000.0, "USD", 2020) == 1000.0
    assert to_usd(None, "USD", 2020) is None
    rate = units_per_usd("INR", 2024)
    assert rate is not None
    assert to_usd(rate * 50_000, "INR", 2024) == pytest.approx(50_000)
    assert (to_usd(1000.0, "GBP", 2022) or 0) > 1000.0  # a pound is worth more than a dollar


def test_annualise_constants() -> None:
    assert (HOURS_PER_YEAR, DAYS_PER_YEAR, WEEKS_PER_YEAR, MONTHS_PER_YEAR) == (2080, 260, 52, 12)
    assert annualise(Salary(50.0, 60.0, "USD", "hour")) == (104_000.0, 124_800.0)
    assert annualise(Salary(400.0, 400.0, "GBP", "day")) == (104_000.0, 104_000.0)
    assert annualise(Salary(2000.0, None, "USD", "week")) == (104_000.0, None)
    assert annualise(Salary(None, 9000.0, "EUR", "month")) == (None, 108_000.0)
    assert annualise(Salary(150_000.0, 190_000.0, "USD", "year")) == (150_000.0, 190_000.0)
    assert annualise(Salary(1.0, 2.0, "USD", "fortnight")) == (None, None)


def test_bands_file_is_documented_sorted_and_contiguous() -> None:
    text = money.BANDS_FILE.read_text(encoding="utf-8")
    assert "edit" in text.lower() and "source" in text.lower()
    data = yaml.safe_load(text)
    loaded = bands()
    assert [b["label"] for b in data["bands"]] == [label for label, _, _ in loaded]
    assert loaded[0][1] is None and loaded[-1][2] is None
    for (_, _, hi), (_, lo, _) in itertools.pairwise(loaded):
        assert hi == lo, "bands must be contiguous"
    labels = [label for label, _, _ in loaded]
    assert "$100k-$150k" in labels and ">= $250k" in labels


@pytest.mark.parametrize(
    ("usd", "label"),
    [(None, None), (20_000.0, "<$50k"), (99_999.0, "$50k-$100k"), (100_000.0, "$100k-$150k"),
     (149_999.99, "$100k-$150k"), (150_000.0, "$150k-$200k"), (249_999.0, "$200k-$250k"),
     (250_000.0, ">= $250k"), (900_000.0, ">= $250k")],
)
def test_salary_band_boundaries(usd: float | None, label: str | None) -> None:
    assert salary_band(usd) == label


@pytest.mark.parametrize(
    ("usd", "ok"),
    [
        (None, False),
        (9_999.0, False),
        (10_000.0, True),
        (150_000.0, True),
        (1_000_000.0, True),
        (1_000_001.0, False),
    ],
)
def test_plausible_range(usd: float | None, ok: bool) -> None:
    assert plausible(usd) is ok


def test_enrich_none() -> None:
    assert enrich(None, 2024) == {
        "annual_min": None, "annual_max": None, "usd_min": None, "usd_max": None,
        "usd_mid": None, "plausible": False, "band": None,
    }


@pytest.mark.parametrize(
    ("text", "year", "band"),
    [
        ("$150,000 - $190,000 per year", 2024, "$150k-$200k"),
        ("$50 - $70 per hour", 2023, "$100k-$150k"),
        ("€60k-€80k p.a.", 2022, "$50k-$100k"),
        ("12-18 LPA", 2025, "<$50k"),
        ("£8,000 per month", 2021, "$100k-$150k"),
        ("from $200k", 2020, "$200k-$250k"),
    ],
)
def test_enrich_round_trip(text: str, year: int, band: str) -> None:
    s = parse_salary(text)
    assert s is not None
    out = enrich(s, year)
    annual_min, annual_max = annualise(s)
    assert (out["annual_min"], out["annual_max"]) == (annual_min, annual_max)
    assert out["usd_min"] == to_usd(annual_min, s.currency, year)
    assert out["usd_max"] == to_usd(annual_max, s.currency, year)
    ends = [v for v in (out["usd_min"], out["usd_max"]) if v is not None]
    assert out["usd_mid"] == pytest.approx(sum(ends) / len(ends))
    assert out["plausible"] is True and out["band"] == band


def test_implausible_salary_is_flagged_not_banded() -> None:
    out = enrich(Salary(5.0, 5.0, "USD", "month"), 2024)  # $60 a year
    assert out["usd_mid"] == pytest.approx(60.0) and out["plausible"] is False and out["band"] is None
    out = enrich(Salary(1_500_000.0, 3_000_000.0, "USD", "year"), 2024)  # mid above 1M
    assert out["plausible"] is False and out["band"] is None
    out = enrich(Salary(100_000.0, 120_000.0, "XYZ", "year"), 2024)  # no rate: no USD, no band
    assert out["usd_mid"] is None and out["plausible"] is False
