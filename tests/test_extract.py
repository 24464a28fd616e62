"""extract(): the output contract, the order of evidence, and the extract command."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from etl.extract import CONTRACT_KEYS, OUTPUT_KEYS, cli_extract, extract, extract_many
from etl.normalize.salary import Salary, enrich

POSTING = {
    "id": "p1",
    "title": "Senior Software Engineer",
    "company": "Acme &amp; Sons",
    "location": "Austin, TX",
    "salary_text": "$150,000 - $180,000 a year",
    "description": "<p>You will build services in Python and Go on AWS.</p><ul><li>6+ years of professional "
                   "experience</li><li>Bachelor&#x27;s degree in Computer Science</li></ul><p>Hybrid: 3 days "
                   "in the office.</p>",
    "description_format": "html",
    "posted_date": date(2024, 5, 1),
}


def test_contract_keys_in_order_and_types() -> None:
    out = extract(POSTING)
    assert tuple(out) == OUTPUT_KEYS
    assert OUTPUT_KEYS[: len(CONTRACT_KEYS)] == CONTRACT_KEYS
    assert out["id"] == "p1"
    assert out["skills"] == sorted(out["skills"]) and all(isinstance(s, str) for s in out["skills"])
    assert out["responsibilities"] == sorted(out["responsibilities"])
    assert not set(out["responsibilities"]) & set(out["skills"])
    assert {"Python", "Go", "AWS"} <= set(out["skills"])
    assert out["salary"] == {"min": 150000, "max": 180000, "currency": "USD", "period": "year"}
    assert out["experience_years"] == {"min": 6, "max": None}
    assert out["seniority"] == "senior" and out["is_senior"] is True
    assert (out["country"], out["region"], out["degree"]) == ("US", "US-TX", "bachelor")
    assert out["remote"] == "hybrid"  # "Hybrid: 3 days in the office."
    assert out["role_family"] == "software_engineering"
    assert out["salary_annual"] == {"min": 150000, "max": 180000}
    assert set(out["salary_usd"]) == {"min", "max", "mid"} and out["salary_usd"]["mid"] == pytest.approx(
        165000
    )
    assert out["salary_plausible"] is True
    assert out["clean_title"] == "Senior Software Engineer"
    assert out["clean_company"] == "Acme & Sons"
    assert "<p>" not in out["clean_description"] and "Python and Go" in out["clean_description"]
    json.dumps(out)  # the whole record is JSON-serialisable


def test_empty_and_missing_fields_never_raise() -> None:
    odd = extract({"title": 12345, "location": float("nan"), "remote_hint": "yes", "posted_date": "soon"})
    assert odd["clean_title"] == "12345" and odd["country"] is None
    for item in (
        {},
        {"id": 7},
        {"title": None, "description": None},
        {"description": "", "salary_text": "-1"},
    ):
        out = extract(item)
        assert tuple(out) == OUTPUT_KEYS
        assert out["skills"] == []
        assert out["salary"] is None and out["salary_usd"] is None and out["salary_annual"] is None
        assert out["salary_plausible"] is False
        assert out["seniority"] == "unspecified"
    assert extract({})["id"] is None and extract({"id": 7})["id"] == 7


def test_structured_salary_fields_beat_salary_text() -> None:
    item = {**POSTING, "salary_min": 100000.0, "salary_max": 120000.0, "salary_currency": "USD",
            "salary_period": "year"}
    assert extract(item)["salary"] == {"min": 100000, "max": 120000, "currency": "USD", "period": "year"}


def test_salary_text_beats_title_and_description() -> None:
    item = {"title": "Engineer ($90-100k)", "salary_text": "$150k-$160k",
            "description": "Salary: $50,000 - $60,000 per year."}
    assert extract(item)["salary"]["min"] == 150000
    item.pop("salary_text")
    assert extract(item)["salary"]["min"] == 90000
    item["title"] = "Engineer"
    assert extract(item)["salary"]["min"] == 50000


def test_dollar_follows_the_parsed_country() -> None:
    item = {"title": "Developer", "location": "Toronto, ON", "salary_text": "$120,000 - $140,000"}
    assert extract(item)["salary"]["currency"] == "CAD"
    item["location"] = "Denver, CO"
    assert extract(item)["salary"]["currency"] == "USD"


def test_country_falls_back_to_the_text_only_when_the_location_names_no_place() -> None:
    item = {"title": "Developer", "location": "Remote", "description": "Work from home anywhere in the US."}
    out = extract(item)
    assert (out["country"], out["region"], out["city"]) == ("US", None, None)
    assert extract({**item, "location": None})["country"] == "US"
    assert extract({**item, "location": "Toronto, ON"})["country"] == "CA"  # the field wins
    assert extract({**item, "location": "Europe"})["country"] is None  # an area is an answer too
    assert extract({**item, "description": "Remote in the US or Canada."})["country"] is None
    aud = extract({"title": "Developer", "location": "Remote", "salary_text": "$150,000",
                   "description": "Remote within Australia."})
    assert aud["country"] == "AU" and aud["salary"]["currency"] == "AUD"  # the fallback decides "$" too


def test_fx_year_comes_from_posted_date() -> None:
    base = {"title": "Developer", "location": "London, UK", "salary_text": "£60,000 - £70,000"}
    for posted, year in ((date(2019, 3, 1), 2019), ("2023-07-01", 2023), (None, date.today().year)):
        out = extract({**base, "posted_date": posted})
        want = enrich(Salary(60000, 70000, "GBP", "year"), year)
        assert out["salary_usd"]["mid"] == pytest.approx(want["usd_mid"], abs=1)
        assert out["salary_band"] == want["band"]


def test_extract_many_keeps_order() -> None:
    items = [{"id": i, "title": "Developer"} for i in range(5)]
    assert [o["id"] for o in extract_many(items)] == [0, 1, 2, 3, 4]


def _write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_cli_extract_keeps_order_and_reports_bad_lines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = _write(tmp_path / "in.jsonl", [
        json.dumps({"id": "a", "title": "Senior Python Developer", "description": "Python and Django."}),
        "{not json",
        json.dumps({"id": "b"}),  # every other field missing
        "",
        json.dumps([1, 2]),
        json.dumps({"id": "c", "title": "Java Developer", "location": "Berlin, Germany"}),
    ])
    out = tmp_path / "out.jsonl"
    assert cli_extract(src, out) == 0
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [r["id"] for r in rows] == ["a", None, "b", None, None, "c"]
    assert rows[1]["error"].startswith("invalid JSON")
    assert rows[3]["error"] == "empty line"
    assert rows[4]["error"].startswith("not a JSON object")
    assert "Python" in rows[0]["skills"] and "clean_description" not in rows[0]
    assert tuple(rows[2]) == OUTPUT_KEYS[:-1]
    assert rows[5]["country"] == "DE"
    err = capsys.readouterr().err
    assert "3 postings" in err and "3 bad lines" in err


def test_cli_extract_missing_input_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_extract(tmp_path / "nope.jsonl", tmp_path / "out.jsonl") == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("error:") and "\n" not in err
    assert not (tmp_path / "out.jsonl").exists()


def test_python_m_etl_extract(tmp_path: Path, project_root: Path) -> None:
    src = _write(
        tmp_path / "in.jsonl", [json.dumps({"id": 1, "title": "Staff Engineer", "description": "Rust."})]
    )
    out = tmp_path / "out.jsonl"
    run = subprocess.run([sys.executable, "-m", "etl", "extract", "--input", str(src), "--output", str(out)],
                         cwd=project_root, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["seniority"] == "staff"
    missing = subprocess.run(
        [sys.executable, "-m", "etl", "extract", "--input", str(tmp_path / "x.jsonl"), "--output", str(out)],
        cwd=project_root,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 2 and missing.stderr.count("\n") == 1 and "Traceback" not in missing.stderr


def test_structured_salary_takes_the_currency_the_text_states_for_the_same_figures() -> None:
    # Remote OK has amount fields and no currency field (the adapter reads USD); a posting in
    # Poland whose text gives the same figures in PLN is paid in PLN (issue 9, point 7).
    item = {"title": "Engineering Manager", "location": "Gdańsk", "salary_min": 350700, "salary_max": 474400,
            "salary_currency": "USD", "description": "Salary Range: PLN 350,700 - 474,400 + "
                                                     "Benefits + Equity"}
    assert extract(item)["salary"] == {"min": 350700, "max": 474400, "currency": "PLN", "period": "year"}
    us = {**item, "location": "Austin, TX"}  # in the US the fields' USD stands
    assert extract(us)["salary"]["currency"] == "USD"
    other = {**item, "description": "Salary Range: PLN 100,000 - 200,000"}  # other figures: not the same pay
    assert extract(other)["salary"]["currency"] == "USD"


def test_structured_salary_without_a_currency_is_in_the_currency_of_the_country() -> None:
    item = {
        "title": "Java Developer",
        "location": "Warszawa, Poland",
        "salary_min": 16000,
        "salary_max": 25000,
        "salary_period": "month",
    }
    assert extract(item)["salary"] == {"min": 16000, "max": 25000, "currency": "PLN", "period": "month"}
    assert extract({**item, "location": None})["salary"]["currency"] == "USD"


def test_numbers_that_round_to_whole_are_ints() -> None:
    """A converted amount such as 73379.999999 reads 73380, not 73380.0, in the JSON output."""
    from etl.extract import _num

    assert _num(73379.999999) == 73380 and isinstance(_num(73379.999999), int)
    assert _num(150000.0) == 150000 and isinstance(_num(150000.0), int)
    assert _num(36712.584) == 36712.58 and _num(None) is None


def test_a_company_named_like_a_skill_is_not_the_skill() -> None:
    # an employer called "Mold AI" (invented; labelling guide: a company called "... AI" is no AI skill; a
    # tune-half case, issue 9); a one-word company that is its product (Docker) is left to the rules.
    text = "Why Mold AI? Mold AI is a platform company.\n\nRequirements:\n- Python and Go"
    out = extract({"id": "x", "title": "Senior Software Engineer", "company": "Mold AI", "description": text})
    assert "AI" not in out["skills"] and {"Python", "Go"} <= set(out["skills"])
    out = extract({"id": "x", "title": "ML Engineer", "company": "Mold AI",
                   "description": "Mold AI builds tools. You will train AI models in Python."})
    assert "AI" in out["skills"]


@pytest.mark.parametrize(("company", "clean"), [("0", None), ("0.0", None), ("605", "605"), ("3M", "3M"),
                                               ("Kiln Works", "Kiln Works")])
def test_a_company_of_zeros_is_no_name(company: str, clean: str | None) -> None:
    # branch hext (neighbour of QA round twenty-two's company classes): a LinkedIn dump's company "0" is a
    # spreadsheet's empty cell; other figures are names
    out = extract({"id": "x", "title": "Lead Developer", "company": company, "description": "Build things."})
    assert out["clean_company"] == clean


@pytest.mark.parametrize("company", ["Mold.AI", "mold ai", "Mold AI"])
def test_a_company_named_like_a_skill_is_not_the_skill_however_its_words_are_joined(company: str) -> None:
    # branch hext (invented wording): a No Fluff Jobs company spelled from its slug as the text writes it
    # ("mold ai" -> "Mold.AI") was one word, so its "AI" was no longer blanked; the name's words are matched
    # with anything but letters between them
    text = "Mold AI builds chat tools. At Mold.AI you will write Node.js services."
    out = extract({"id": "x", "title": "Backend Developer", "company": company, "description": text})
    assert "AI" not in out["skills"] and "Node.js" in out["skills"]
    # the first part of a dotted name presents the employer as its first word does ("Mold builds ...")
    text = ("Mold.AI is a young technology company. Mold builds high-quality AI voice assistants for banks."
            "\n\nRequirements:\n- Node.js")
    out = extract({"id": "x", "title": "Backend Developer", "company": company, "description": text})
    assert out["skills"] == ["Node.js"]


def test_a_company_name_holding_a_form_the_rules_reject_alone_is_blanked() -> None:
    # forty-eighth round (issue 9; invented wording): an employer called "C Quadrant" holds the form "C",
    # which its name alone does not count, but the text's own context would ("C Quadrant's SQL tools"): the
    # name is the employer wherever it is written, as "Mold AI" is
    text = ("C Quadrant is hiring an analyst.\n\nMaintain C Quadrant's suite of SQL based reports and "
            "write Python for them.")
    out = extract({"id": "x", "title": "Data Analyst", "company": "C Quadrant", "description": text})
    assert "C" not in out["skills"] and {"SQL", "Python"} <= set(out["skills"])
    # ... and the skill asked beside the name still counts
    text = "C Quadrant builds firmware.\n\nYou will write C and C++ for C Quadrant's sensors."
    out = extract({"id": "x", "title": "Firmware Engineer", "company": "C Quadrant", "description": text})
    assert {"C", "C++"} <= set(out["skills"])


def test_at_a_one_word_company_named_like_a_skill_is_the_company() -> None:
    # "At Docker, we ..." on Docker's own sales posting (real tune-half posting)
    text = "At Docker, we build tools for developers. Docker is the leading container tool.\n\nSell to F100."
    out = extract({"id": "x", "title": "Account Executive", "company": "docker", "description": text})
    assert "Docker" not in out["skills"]
    out = extract({"id": "x", "title": "Engineer", "company": "docker",
                   "description": "At Docker, we ship tools. You will build Docker Desktop in Go."})
    assert "Docker" in out["skills"]


def test_a_one_word_company_in_a_header_cell_is_the_company() -> None:
    # seventeenth round (issue 9; invented wording): a Hacker News header's company cell ("Redis | Backend
    # Engineer | ...") names the poster; the same word asked in the text is still the skill
    text = "Redis | Backend Engineer | Lisbon | ONSITE<p>We build a cache for the web in C and Rust."
    out = extract({"id": "x", "title": "Backend Engineer", "company": "Redis", "description": text})
    assert "Redis" not in out["skills"] and {"C", "Rust"} <= set(out["skills"])
    # ... and "Redis is built in C" presents the employer's own product, as "Redis is a ..." does
    text = "Redis | Backend Engineer | Lisbon<p>Redis is built in C and Rust. Apply by mail."
    out = extract({"id": "x", "title": "Backend Engineer", "company": "Redis", "description": text})
    assert "Redis" not in out["skills"] and {"C", "Rust"} <= set(out["skills"])
    text = "Redis | Backend Engineer | Lisbon<p>You will tune Redis clusters written in C."
    out = extract({"id": "x", "title": "Backend Engineer", "company": "Redis", "description": text})
    assert "Redis" in out["skills"]


def test_repeated_postings_of_a_batch_extract_as_each_alone() -> None:
    """A batch's repeated postings (the same inputs under other ids) are extracted once and copied: each row
    equals the posting's extraction alone, keeps its own id and its own dicts and lists; inputs that are
    equal in Python but not the same value (True and 1) are no repeat."""
    from etl.extract import extract_rows

    flagged = {**POSTING, "location": "", "description": "Build services in Go.", "remote_hint": True}
    items = [{**POSTING, "id": "a"}, {**flagged, "id": "b"}, {**POSTING, "id": "c"}, {**flagged, "id": "d",
             "remote_hint": 1}, {**POSTING, "id": "e"}]
    rows = extract_rows(items)
    assert rows == [extract(item) for item in items]
    assert [row["id"] for row in rows] == ["a", "b", "c", "d", "e"]
    assert (rows[1]["remote"], rows[3]["remote"]) == ("remote", None)
    assert rows[0]["salary"] == rows[2]["salary"] and rows[0]["salary"] is not rows[2]["salary"]
    assert rows[2]["skills"] is not rows[4]["skills"]


def test_extraction_leaves_the_garbage_collector_as_it_found_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """The collector is held off during a batch (speed) and is on again afterwards, also when a
    normaliser raises; a caller that had switched it off finds it off."""
    import gc

    import etl.extract as ex

    seen: list[bool] = []
    real_remote = ex._remote

    def spy(*args: object) -> object:
        seen.append(gc.isenabled())
        return real_remote(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(ex, "_remote", spy)
    assert gc.isenabled()
    extract(POSTING)
    assert seen == [False] and gc.isenabled()

    def broken(*args: object) -> object:
        raise RuntimeError("a normaliser bug")

    monkeypatch.setattr(ex, "_remote", broken)
    with pytest.raises(RuntimeError):
        extract(POSTING)
    assert gc.isenabled()

    monkeypatch.setattr(ex, "_remote", spy)
    gc.disable()
    try:
        extract(POSTING)
        assert not gc.isenabled()
    finally:
        gc.enable()


@pytest.mark.parametrize(("hint", "text", "expected"), [
    # a source's structured degree (France Travail's formations) is what the posting asks (labelling guide)
    ("master", "Vous travaillerez en équipe.", "master"),
    ("bachelor", "Vous travaillerez en équipe.", "bachelor"),
    # "none": the source states a level below a bachelor's (Bac+2, CAP): the lowest level asked wins
    ("none", "Diplôme Bac+5 souhaité.", None),
    ("master", "Licence (Bac+3) en informatique exigée.", "bachelor"),  # the text names a lower one
    ("bachelor", "Master en informatique.", "bachelor"),
    (None, "Master en informatique exigé.", "master"),  # no structured field: the text decides
])
def test_structured_degree_is_the_lowest_degree_asked(hint: str | None, text: str,
                                                      expected: str | None) -> None:
    out = extract({"id": "x", "title": "Ingénieur", "description": text, "degree_hint": hint})
    assert out["degree"] == expected


@pytest.mark.parametrize(("text", "expected"), [
    # France Travail "Débutant accepté" (experienceExige D, passed as 0-0 years): a figure the text only
    # wishes asks nothing; one it requires still counts (labelling guide)
    ("Vous avez idéalement 2 ans d'expérience sur un poste similaire.", None),
    ("Une expérience de 2 ans serait un plus.", None),
    ("Une expérience d'au moins 5 ans dans le métier est requise.", {"min": 5, "max": None}),
    ("Vous travaillerez en équipe.", None),
])
def test_beginners_accepted_asks_only_what_the_text_requires(text: str, expected: object) -> None:
    item = {"id": "x", "title": "Assistant", "description": text, "experience_min": 0, "experience_max": 0}
    assert extract(item)["experience_years"] == expected


# Sixteenth round (issue 9, the lead's ruling on the twelfth round's v6 question 3; invented wording): a
# Hacker News comment whose header names one role and whose list names it again with its own years among
# other roles takes the years (and so, with no level word, the level) of the header role's own listing.
_LISTING = ("Tidewater Labs | Backend Developer | Boston or Remote (US)\nWe build tools for harbour pilots."
            " We are hiring several engineers.\nSenior Backend Developer:\nGo/Postgres\n7+ Yrs\nLink: "
            "https://example.com/a\nBackend Developer:\nGo\n2+ Yrs\nLink: https://example.com/b\n")


@pytest.mark.parametrize(("title", "text", "years", "level"), [
    ("Backend Developer", _LISTING, {"min": 2, "max": None}, "mid"),
    # the header names the senior listing: its own years and level
    ("Senior Backend Developer", _LISTING, {"min": 7, "max": None}, "senior"),
    # a range written for the listed role
    ("Data Analyst",
     "Acme | Data Analyst | Denver\nStaff Data Analyst: 8+ years\nData Analyst: 1-3 years SQL\n",
     {"min": 1, "max": 3}, "junior"),
    # a listing with no years of its own leaves the rest of the text to decide (here: none)
    ("Backend Developer", "Backend Developer:\nGo\nLink: https://example.com/b\nDesigner:\nFigma 4+ Yrs\n",
     None, "unspecified"),
    # the title in running text, not a listing, is no listing
    ("Backend Developer",
     "As a Backend Developer: you ship features. Our founders have 20 years in shipping.",
     None, "unspecified"),
])
def test_the_header_roles_own_listing_gives_its_years(title: str, text: str, years: object,
                                                       level: str) -> None:
    out = extract({"title": title, "description": text})
    assert (out["experience_years"], out["seniority"]) == (years, level)


# Twenty-first round (issue 9, real-fresh-v15; invented wording): a text that writes the profile once per
# level of a ladder ("As an Auditor you ... As a Senior Auditor you have 3 years ...") under a title naming
# the lower rung alone gives the years of the title's own rung: the higher rung's figure is another
# opening's bar.
@pytest.mark.parametrize(("title", "text", "years", "level"), [
    ("Cloud Auditor (m/w/d)",
     "Dein Profil: Als Cloud Auditor hast du erste Praxis aus Praktika gesammelt. Als Senior Cloud Auditor "
     "bringst du mindestens 3 Jahre Berufserfahrung in der Prüfung mit.", None, "unspecified"),
    ("Tax Adviser",
     "Your profile: As a Tax Adviser you bring first exposure from a traineeship. As a Senior Tax Adviser "
     "you have at least 4 years of experience in advisory work.", None, "unspecified"),
    # the title names the higher rung: its own sentence's years
    ("Senior Tax Adviser",
     "Your profile: As a Tax Adviser you bring first exposure from a traineeship. As a Senior Tax Adviser "
     "you have at least 4 years of experience in advisory work.", {"min": 4, "max": None}, "senior"),
    # one rung only, written in the level word: the text states the role's level and years
    ("Tax Adviser",
     "Your profile: As a Senior Tax Adviser you have at least 4 years of experience in advisory work.",
     {"min": 4, "max": None}, None),
])
def test_a_profile_written_per_rung_gives_the_titles_own_rungs_years(title: str, text: str, years: object,
                                                                      level: str | None) -> None:
    out = extract({"title": title, "description": text})
    assert out["experience_years"] == years
    if level is not None:
        assert out["seniority"] == level
