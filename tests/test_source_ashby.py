"""The ashby adapter: Ashby public job-board API responses with compensation."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from etl.record import Posting, Rejected
from etl.sources import SourceOptions, ashby, detect, lever
from etl.sources._io import read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "ashby" / "quokka.json"


def _read(**opts: str) -> list[Posting | Rejected]:
    return list(ashby.read(FIX, SourceOptions(**opts)))  # type: ignore[arg-type]


def test_fields_and_structured_salary_not_equity() -> None:
    items = _read()
    assert [i.record_no for i in items] == [1, 2, 3]
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.source, p.title, p.company, p.location, p.job_type) == (
        "ashby", "Senior Platform Engineer", "quokka", "Remote - North America", "FullTime")
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (180000, 230000, "USD", "year")
    assert p.remote_hint is True and p.country_hint == "US"  # "USA"
    assert p.description_format == "html" and "Kubernetes" in (p.description or "")
    assert p.posted_date == date(2025, 5, 29)
    assert p.extra["secondary_locations"] == ["Toronto"] and len(p.extra["compensation_tiers"]) == 2
    assert p.extra["department"] == "Engineering"


def test_monthly_salary_one_time_bonus_skipped_plain_text_and_null_remote() -> None:
    p = _read()[1]
    assert isinstance(p, Posting)
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (1400, 1400, "EUR", "month")
    assert p.description == "Help our team two days a week." and p.description_format == "text"
    assert p.remote_hint is None and p.country_hint == "GB"  # "UK"


def test_empty_rejected_and_pseudo_country() -> None:
    r = _read()[2]
    assert isinstance(r, Rejected) and r.reason == "missing title and description"
    assert ashby.country("EMEA remote") is None


def test_detect_beats_lever() -> None:
    assert ashby.detect(FIX, read_head(FIX)) > lever.detect(FIX, read_head(FIX))
    assert detect(FIX).NAME == "ashby"
    northwind = FIX.parent.parent / "lever" / "northwind.json"
    assert ashby.detect(northwind, read_head(northwind)) == 0


def test_secondary_locations_join_the_location() -> None:
    # the posting lists these cities: two states give no single region (labelling guide; issue 9)
    from etl.extract import extract

    loc = ashby._location("San Francisco, CA", ["Seattle, WA", "New York, NY", "San Francisco, CA"])
    assert loc == "San Francisco, CA; Seattle, WA; New York, NY"
    out = extract({"id": "x", "title": "Engineer", "location": loc})
    assert (out["country"], out["region"], out["city"]) == ("US", None, None)
    assert ashby._location("Remote - North America", ["Toronto"]) == "Remote - North America"
    # thirteenth round (issue 9): another remote label is where a remote job is done too: two countries, none
    loc = ashby._location("Remote - Canada", ["Remote - US", "Vancouver"])
    assert loc == "Remote - Canada; Remote - US"
    assert extract({"id": "x", "title": "Engineer", "location": loc, "country_hint": "CA"})["country"] is None
    # a remote label naming no country stays alone
    assert ashby._location("North America - Remote", ["United States - Remote"]) == "North America - Remote"
    assert ashby._location("Berlin", []) == "Berlin" and ashby._location(None, ["Toronto"]) is None


def _job(tier_summary: str, component_summary: str, interval: str, low: int, high: int) -> dict[str, object]:
    component = {"compensationType": "Salary", "interval": interval, "currencyCode": "USD",
                 "minValue": low, "maxValue": high, "summary": component_summary}
    return {"title": "Renewals Specialist", "descriptionPlain": "Help our customers renew.",
            "jobUrl": "https://jobs.ashbyhq.com/quokka/1",
            "compensation": {"compensationTierSummary": tier_summary,
                             "compensationTiers": [{"tierSummary": tier_summary, "components": [component]}],
                             "summaryComponents": [{k: v for k, v in component.items() if k != "summary"}]}}


def test_pay_paid_once_is_no_salary(tmp_path: Path) -> None:
    # eleventh round (issue 9): a payout once per task has no period: it is no salary, nor is the tier
    # summary that restates it (the salary text reader took "$45.00 once" for an hourly rate)
    import json

    from etl.extract import extract

    jobs = [_job("$45.00 once", "Per-Review Payout $45.00 once", "1 TIME", 45, 45)]
    path = tmp_path / "quokka.json"
    path.write_text(json.dumps({"jobs": jobs}))
    for p in ashby.read(path, SourceOptions()):  # type: ignore[arg-type]
        assert isinstance(p, Posting)
        assert (p.salary_min, p.salary_max, p.salary_text) == (None, None, None)
        assert extract(p.as_extract_input())["salary"] is None


def test_a_bare_remote_label_takes_no_country_from_the_address(tmp_path: Path) -> None:
    # twelfth round (issue 9): the location label "Remote" names no place; the address is where the company
    # is registered, not where the job is done ("Remote" with offices listed in six countries): no country. A
    # label naming a place or an area keeps the address as the hint (extract reads the area: "Remote - EU").
    import json

    jobs = [{"title": "Backend Engineer", "descriptionPlain": "Build our editor.", "location": loc,
             "jobUrl": "https://jobs.ashbyhq.com/quokka/1", "isRemote": True,
             "secondaryLocations": [{"location": "Poland"}, {"location": "Spain"}],
             "address": {"postalAddress": {"addressCountry": "United Kingdom"}}}
            for loc in ("Remote", "Fully Remote", "Remote - UK", None)]
    path = tmp_path / "quokka.json"
    path.write_text(json.dumps({"jobs": jobs}), encoding="utf-8")
    items = list(ashby.read(path, SourceOptions()))
    assert [i.country_hint for i in items if isinstance(i, Posting)] == [None, None, "GB", "GB"]


def _ote_job(tier_summary: str, text: str, commission: bool) -> dict[str, object]:
    job = _job(tier_summary, "OTE $90K – $110K", "1 YEAR", 90000, 110000)
    job["descriptionPlain"] = text
    comp = job["compensation"]
    assert isinstance(comp, dict)
    if commission:
        extra = {"compensationType": "Commission", "interval": "1 YEAR", "summary": "Offers Commission"}
        comp["compensationTiers"][0]["components"].append(extra)
        comp["summaryComponents"].append({k: v for k, v in extra.items() if k != "summary"})
    return job


def test_a_salary_marked_ote_is_ote_only_with_commission_or_pay_tied_to_sales(tmp_path: Path) -> None:
    # ruled 2026-12-04 (issue 9): an Ashby Salary component marked OTE is OTE (no salary) only when the
    # posting also offers commission or says its pay depends on sales; otherwise it is the salary
    import json

    from etl.extract import extract

    jobs = [
        _ote_job("OTE $90K – $110K • Offers Equity • Offers Commission", "Grow our accounts.", True),
        _ote_job("OTE $90K – $110K • Offers Equity", "Your earnings depend on your sales results.", False),
        _ote_job("OTE $90K – $110K • Offers Equity", "Write guides for our users.", False),
        _ote_job("$90K – $110K • OTE • Offers Equity", "Plan our content calendar.", False),
    ]
    path = tmp_path / "quokka.json"
    path.write_text(json.dumps({"jobs": jobs}))
    got = []
    for p in ashby.read(path, SourceOptions()):  # type: ignore[arg-type]
        assert isinstance(p, Posting)
        got.append((p.salary_min, p.salary_max, extract(p.as_extract_input())["salary"] is None))
    assert got == [(None, None, True), (None, None, True), (90000, 110000, False), (90000, 110000, False)]


def _board_file(tmp_path: Path, board: str, texts: list[str]) -> Path:
    jobs = [{"id": f"id-{i}", "title": "Glaze Engineer", "jobUrl": f"https://jobs.ashbyhq.com/{board}/id-{i}",
             "descriptionPlain": text, "descriptionHtml": f"<p>{text}</p>",
             "publishedAt": "2025-05-29T14:49:44Z", "compensation": {}} for i, text in enumerate(texts)]
    path = tmp_path / f"{board}.json"
    path.write_text(json.dumps({"jobs": jobs, "apiVersion": "1"}), encoding="utf-8")
    return path


@pytest.mark.parametrize(("board", "texts", "company"), [
    # branch hext (QA round twenty-two; invented wording): the board's lower-case slug was the company; it is
    # spelled as the board's descriptions write it most, for every job of the board (one job's text may not)
    ("kilnworks", ["At KilnWorks, we fire pots. Apply at https://jobs.ashbyhq.com/kilnworks.",
                   "Glaze tools for potters: write to jobs@kilnworks.example."], "KilnWorks"),
    ("northwoodkiln", ["Northwood Kiln builds kilns.", "Join Northwood Kiln! Northwood Kiln is hiring."],
     "Northwood Kiln"),
    ("kiln.io", ["KILN.IO fires pots.", "At Kiln.io we glaze. Kiln.io is remote."], "Kiln.io"),
    # controls: a spelling only in lower case, in a web or e-mail address, or split in lower-case words; none
    ("potterly", ["see potterly.example or mail hi@potterly.example; potterly is our name"], "potterly"),
    ("backkiln", ["the back kiln is hot"], "backkiln"),
])
def test_a_board_slug_is_spelled_as_its_descriptions_write_it(tmp_path: Path, board: str, texts: list[str],
                                                               company: str) -> None:
    items = list(ashby.read(_board_file(tmp_path, board, texts), SourceOptions()))
    assert {i.company for i in items if isinstance(i, Posting)} == {company}
