"""Turn a parsed salary into comparable money: annual amounts, US dollars, a band, a plausibility flag.

Why: postings quote pay per hour, month or year in a dozen currencies. Charts compare
annual base salaries in USD, so every salary is annualised with fixed working-time
constants, converted with the yearly average rate of the posting's year
(etl/data/fx_rates.csv), checked against a plausible range and put in a band
(etl/data/salary_bands.yaml, which users edit). Implausible values are kept and
flagged (salary_plausible = false) but get no band, so they are never charted.

It also holds the money vocabulary the parser needs: currency signs/codes -> ISO 4217
(:func:`resolve_currency`), period words (:func:`period_of`) and the period of a figure
published without one, from its size in USD terms (:func:`infer_period`: <= 200 an hour,
<= 12,000 a month, else a year).

Warehouse columns filled by :func:`enrich`: salary_annual_min/max (source currency),
salary_usd_min/max/mid, salary_plausible, salary_band.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from etl.yaml_data import load_yaml


@dataclass(frozen=True, slots=True)
class Salary:
    """A published base salary: ``min == max`` for a single figure, None for an open end.

    It lives here, beside the functions that read it, so the parser (:mod:`etl.normalize.salary`)
    depends on this module and never the other way round.
    """

    min: float | None
    max: float | None
    currency: str  # ISO 4217
    period: str  # hour | day | week | month | year


DATA = Path(__file__).resolve().parents[1] / "data"
FX_FILE = DATA / "fx_rates.csv"
BANDS_FILE = DATA / "salary_bands.yaml"

# Working-time constants used to annualise (a full-time year):
HOURS_PER_YEAR = 2080  # 40 hours x 52 weeks (the US convention, also used by LinkedIn's normalized_salary)
DAYS_PER_YEAR = 260  # 5 days x 52 weeks
WEEKS_PER_YEAR = 52
MONTHS_PER_YEAR = 12
PERIOD_FACTOR = {
    "hour": HOURS_PER_YEAR,
    "day": DAYS_PER_YEAR,
    "week": WEEKS_PER_YEAR,
    "month": MONTHS_PER_YEAR,
    "year": 1,
}

# A figure published without a period is read by its size in USD terms (see infer_period):
HOURLY_MAX_USD = 200.0  # up to this: per hour
MONTHLY_MAX_USD = 12_000.0  # up to this: per month; above: per year
# Period words as published ("per hour", "/hr", "p.a.", "YEARLY", "per-year-salary" ...):
PERIOD_PATTERN = (r"hourly|hours?|hrs?|h(?![a-z])|daily|days?|weekly|weeks?|wk|monthly|months?|mo(?![a-z])|"
                  r"mth|annually|annual|annum|yearly|years?|yrs?|p\.?\s?a\b\.?|per-year|per-hour")

# Currency signs and codes as published -> ISO 4217; country defaults (ISO 3166-1 alpha-2):
CURRENCY = {"$": "USD", "US$": "USD", "USD": "USD", "CA$": "CAD", "C$": "CAD", "CAD": "CAD", "A$": "AUD",
            "AU$": "AUD", "AUD": "AUD", "NZ$": "NZD", "NZD": "NZD", "S$": "SGD", "SGD": "SGD", "HK$": "HKD",
            "HKD": "HKD", "R$": "BRL", "BRL": "BRL", "MX$": "MXN", "MXN": "MXN", "£": "GBP", "GBP": "GBP",
            "€": "EUR", "EUR": "EUR", "₹": "INR", "RS": "INR", "RS.": "INR", "INR": "INR", "CHF": "CHF",
            "PLN": "PLN", "ZŁ": "PLN", "SEK": "SEK", "NOK": "NOK", "DKK": "DKK", "KR": "SEK", "KR.": "SEK",
            "¥": "JPY", "JPY": "JPY", "CNY": "CNY", "RMB": "CNY", "ZAR": "ZAR", "₪": "ILS", "ILS": "ILS",
            "NIS": "ILS", "EURO": "EUR", "EUROS": "EUR"}
DOLLAR_COUNTRY = {"CA": "CAD", "AU": "AUD", "NZ": "NZD", "SG": "SGD", "HK": "HKD", "MX": "MXN"}
COUNTRY_CURRENCY = {**DOLLAR_COUNTRY, "US": "USD", "GB": "GBP", "UK": "GBP", "IN": "INR", "CH": "CHF",
                    "PL": "PLN", "SE": "SEK", "NO": "NOK", "DK": "DKK", "JP": "JPY", "BR": "BRL", "ZA": "ZAR",
                    "IL": "ILS", "CN": "CNY", **dict.fromkeys(["DE", "FR", "NL", "ES", "IT", "IE", "AT", "BE",
                                                               "PT", "FI", "GR", "EE", "LV", "LT", "SK", "SI",
                                                               "LU", "MT", "CY", "HR"], "EUR")}
KR_COUNTRY = {"NO": "NOK", "DK": "DKK"}

# A base salary outside this range (annual, USD) is treated as a parsing or data error:
PLAUSIBLE_MIN_USD = 10_000.0
PLAUSIBLE_MAX_USD = 1_000_000.0


@lru_cache(maxsize=1)
def fx_table() -> dict[str, dict[int, float]]:
    """currency -> {year: units of the currency per 1 USD}, read once from fx_rates.csv."""
    table: dict[str, dict[int, float]] = {}
    with FX_FILE.open(encoding="utf-8") as fh:
        rows = csv.DictReader(line for line in fh if not line.startswith("#"))
        for row in rows:
            table.setdefault(row["currency"].strip().upper(), {})[int(row["year"])] = float(
                row["units_per_usd"]
            )
    return table


def units_per_usd(currency: str, year: int | None = None) -> float | None:
    """Yearly average units of ``currency`` per USD; the nearest year when ``year`` is missing/outside."""
    years = fx_table().get(currency) or fx_table().get((currency or "").upper())
    if not years:
        return None
    if year in years:
        return years[year]
    if year is None or year not in years:
        target = max(years) if year is None else year
        year = min(years, key=lambda y: (abs(y - target), -y))
    return years[year]


def to_usd(amount: float | None, currency: str, year: int | None) -> float | None:
    """Convert ``amount`` of ``currency`` to USD with the yearly average rate (None if unknown)."""
    if amount is None:
        return None
    rate = units_per_usd(currency, year)
    if rate is None or rate <= 0:
        return None
    return amount / rate


def period_of(word: str) -> str | None:
    """A published period word ("hrs", "p.a.", "Monthly", "per-year") -> hour|day|week|month|year."""
    w = word.lower().replace(".", "").replace(" ", "").replace("per-", "")
    for prefix, period in (("h", "hour"), ("d", "day"), ("w", "week"), ("mo", "month"), ("mth", "month"),
                           ("y", "year"), ("an", "year"), ("pa", "year")):
        if w.startswith(prefix):
            return period
    return None


def infer_period(amount: float, currency: str) -> str:
    """The period of a figure published without one, from its size in USD terms (latest rates)."""
    usd = amount / (units_per_usd(currency) or 1.0)
    return "hour" if usd <= HOURLY_MAX_USD else "month" if usd <= MONTHLY_MAX_USD else "year"


def annualise(s: Salary) -> tuple[float | None, float | None]:
    """(min, max) per year in the salary's own currency, using the constants above."""
    factor = PERIOD_FACTOR.get(s.period)
    if factor is None:
        return None, None
    return (
        None if s.min is None else s.min * factor,
        None if s.max is None else s.max * factor,
    )


@lru_cache(maxsize=1)
def bands() -> tuple[tuple[str, float | None, float | None], ...]:
    """(label, min inclusive, max exclusive) from salary_bands.yaml, in file order."""
    with BANDS_FILE.open(encoding="utf-8") as fh:
        data: Any = load_yaml(fh)
    out = []
    for band in data["bands"]:
        lo, hi = band.get("min"), band.get("max")
        out.append((str(band["label"]), None if lo is None else float(lo), None if hi is None else float(hi)))
    return tuple(out)


def salary_band(usd_mid: float | None) -> str | None:
    """The label of the band holding ``usd_mid`` (annual USD), or None."""
    if usd_mid is None:
        return None
    for label, lo, hi in bands():
        if (lo is None or usd_mid >= lo) and (hi is None or usd_mid < hi):
            return label
    return None


def plausible(usd_annual_mid: float | None) -> bool:
    """True when an annual USD base salary lies in [PLAUSIBLE_MIN_USD, PLAUSIBLE_MAX_USD]."""
    return usd_annual_mid is not None and PLAUSIBLE_MIN_USD <= usd_annual_mid <= PLAUSIBLE_MAX_USD


def enrich(s: Salary | None, year: int | None) -> dict[str, Any]:
    """The derived salary columns of one posting (all None/False when there is no salary).

    usd_mid is the mean of the USD ends that exist (one end alone for "from"/"up to");
    band is set only for plausible salaries.
    """
    out: dict[str, Any] = {
        "annual_min": None,
        "annual_max": None,
        "usd_min": None,
        "usd_max": None,
        "usd_mid": None,
        "plausible": False,
        "band": None,
    }
    if s is None:
        return out
    annual_min, annual_max = annualise(s)
    usd_min = to_usd(annual_min, s.currency, year)
    usd_max = to_usd(annual_max, s.currency, year)
    ends = [v for v in (usd_min, usd_max) if v is not None]
    usd_mid = sum(ends) / len(ends) if ends else None
    ok = plausible(usd_mid)
    out.update(
        annual_min=annual_min,
        annual_max=annual_max,
        usd_min=usd_min,
        usd_max=usd_max,
        usd_mid=usd_mid,
        plausible=ok,
        band=salary_band(usd_mid) if ok else None,
    )
    return out


def resolve_currency(tokens: list[str], lakh: bool, country: str) -> str:
    """ISO code for the currency signs/codes found around an amount (first specific one wins);
    a bare "$" is the country's dollar; none at all is INR for lakh/crore, else the country's currency."""
    codes = [CURRENCY.get(t.upper().replace(" ", ""), "USD") for t in tokens]
    specific = [c for c, t in zip(codes, tokens) if t != "$"]
    if specific:
        code = specific[0]
        return KR_COUNTRY.get(country, code) if tokens[codes.index(code)].lower().startswith("kr") else code
    if tokens:
        return DOLLAR_COUNTRY.get(country, "USD")
    return "INR" if lakh else COUNTRY_CURRENCY.get(country, "USD")
