"""The nofluffjobs adapter: No Fluff Jobs listing scrapes as CSV."""

from __future__ import annotations

from pathlib import Path

from etl.record import Posting, Rejected
from etl.sources import SourceOptions, detect, nofluffjobs
from etl.sources._io import read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "nofluffjobs" / "job_postings.csv"


def _read() -> list[Posting | Rejected]:
    return list(nofluffjobs.read(FIX, SourceOptions()))


def test_salary_company_and_id_from_url() -> None:
    items = _read()
    assert [i.record_no for i in items] == [1, 2, 3]
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.source_id, p.company, p.location, p.level_hint, p.country_hint) == (
        "ab12cd34", "wisla soft", "Warszawa, Poland", "Senior", "PL")
    assert (p.salary_min, p.salary_max, p.salary_currency, p.salary_period) == (18000, 24000, "PLN", "month")
    assert p.extra == {"main_skill": "python", "main_category": "Backend"}
    assert p.skill_tags == "python"  # the card's main skill names a skill


def test_zero_salary_polish_title_slug() -> None:
    p = _read()[1]
    assert isinstance(p, Posting)
    assert p.salary_min is None and p.salary_currency is None and p.salary_period is None
    assert p.company == "mazowsze qa" and p.source_id == "ef56gh78"  # "Młodszy" -> "mlodszy"


def test_empty_row_rejected_and_detect() -> None:
    r = _read()[2]
    assert isinstance(r, Rejected) and r.reason == "missing title and description"
    assert nofluffjobs.detect(FIX, read_head(FIX)) >= 90 and detect(FIX).NAME == "nofluffjobs"


def test_the_company_slug_is_spelled_as_the_descriptions_write_it(tmp_path: Path) -> None:
    # branch hext (QA round twenty-two; invented wording): the company is the ad URL's lower-case slug
    # ("kiln works"); it is spelled as the file's descriptions of that company write it most, for each of its
    # ads (the second ad does not name it), and stays the slug where no description writes it
    rows = [
        ("Glaze Engineer", "https://nofluffjobs.com/pl/job/glaze-engineer-kiln-works-warszawa-aa11bb22",
         "Kiln Works is a pottery studio. At KILN WORKS you glaze."),
        ("Kiln Tester", "https://nofluffjobs.com/pl/job/kiln-tester-kiln-works-krakow-cc33dd44",
         "You test kilns. Kiln Works pays well."),
        ("Potter", "https://nofluffjobs.com/pl/job/potter-kiln-works-warszawa-ee55ff66", "You throw pots."),
        ("Clay Mixer", "https://nofluffjobs.com/pl/job/clay-mixer-mud-co-warszawa-gg77hh88",
         "see mud-co.example or mail mud.co@example.org"),
    ]
    path = tmp_path / "job_postings.csv"
    lines = ["position,salary_lower,salary_upper,main_skill,seniority,main_category,posting_href,description"]
    lines += [f'{title},,,,Senior,Backend,{href},"{text}"' for title, href, text in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    got = [p.company for p in nofluffjobs.read(path, SourceOptions()) if isinstance(p, Posting)]
    assert got == ["Kiln Works", "Kiln Works", "Kiln Works", "mud co"]
