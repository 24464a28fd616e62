"""The getinit adapter: get in IT (get-in-it.de) page scrapes as CSV."""

from __future__ import annotations

from pathlib import Path

from etl.record import Posting, Rejected
from etl.sources import SourceOptions, detect, getinit
from etl.sources._io import read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "getinit" / "jobs_berlin.csv"


def _read() -> list[Posting | Rejected]:
    return list(getinit.read(FIX, SourceOptions()))


def test_fallback_mode_header_taken_apart() -> None:
    items = _read()
    assert [i.record_no for i in items] == [1, 2, 3, 4]  # data rows
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.title, p.company, p.location, p.country_hint) == (
        "Senior Java Entwickler (m/w/d)", "Spree Consulting AG", "Berlin, Potsdam, Halle (Saale)", "DE")
    assert (
        p.description
        == "Home-Office\n\nDu entwickelst Microservices mit Java. Mindestens 5 Jahre Berufserfahrung."
    )
    assert p.extra["badges"] == ["JavaSpring BootSQL"]  # the other badges, glued as published
    assert p.extra["tags"] == ["Java", "Spring Boot", "SQL"]
    # the board's tags name skills (labelling guide), and so do the header's badges, glued as published
    assert p.skill_tags == "Java; Spring Boot; SQL; JavaSpring BootSQL"


def test_bot_check_row_rejected() -> None:
    r = _read()[1]
    assert isinstance(r, Rejected) and r.reason.startswith("bot-check page")


def test_section_mode_becomes_paragraphs() -> None:
    p = _read()[2]
    assert isinstance(p, Posting) and p.location is None
    assert (
        p.description
        == "Deine Aufgaben: Du automatisierst Deployments mit Terraform\n\nDein Profil: "
           "Studium der Informatik"
    )


def test_badge_glued_to_last_place() -> None:
    p = _read()[3]
    assert isinstance(p, Posting)
    assert p.location == "Berlin" and p.description == "Wir bauen Datenpipelines."


def test_detect() -> None:
    assert getinit.detect(FIX, read_head(FIX)) >= 90 and detect(FIX).NAME == "getinit"


def test_footer_degrees_written_out_as_a_list(tmp_path: Path) -> None:
    # The "Job-Infos" footer glues the accepted degrees together; they are written out in place, and the
    # degree rule reads the lowest (a vocational training among them: no degree required).
    from etl.extract import extract

    body = ("ACMEACMEDev (m/w/d)BerlinJetzt bewerbenDu entwickelst Software.Jetzt bewerben"
            "Job-InfosStudienfächerInformatikAbschluss{}UnternehmenACMEProfil3 IT-Jobs")
    path = tmp_path / "jobs.csv"
    degrees = ("BachelorMaster/Diplom", "AusbildungBachelorMaster/Diplom")
    rows = [f'ACME,Dev (m/w/d),"{body.format(d)}",' for d in degrees]
    path.write_text("company_name,position_name,position_description,skills\n" + "\n".join(rows) + "\n",
                    encoding="utf-8")
    first, second = (p for p in getinit.read(path, SourceOptions()) if isinstance(p, Posting))
    assert "Abschluss: Bachelor, Master/Diplom. UnternehmenACME" in (first.description or "")
    assert extract(first.as_extract_input())["degree"] == "bachelor"
    assert extract(second.as_extract_input())["degree"] is None


def test_similar_jobs_footer_is_left_out(tmp_path: Path) -> None:
    # Seventeenth round (issue 9; invented wording): the page ends with the board's "Ähnliche IT-Jobs" list,
    # other employers' openings glued together; it is no part of this posting (its titles named skills and
    # levels the job never asked for).
    from etl.extract import extract

    body = ("ACMEACMEDev (m/w/d)BerlinJetzt bewerbenDu entwickelst Software in Go.Jetzt bewerben"
            "Job-InfosAbschlussBachelorUnternehmenACMEProfil3 IT-JobsÄhnliche IT-JobsBeta GmbH"
            "Senior iOS Entwickler (m/w/d) Hamburg AnwendungsentwicklungGamma AG"
            "Lead Rust Developer (m/w/d) Köln")
    path = tmp_path / "jobs.csv"
    path.write_text(f'company_name,position_name,position_description,skills\nACME,Dev (m/w/d),"{body}",\n',
                    encoding="utf-8")
    (posting,) = (p for p in getinit.read(path, SourceOptions()) if isinstance(p, Posting))
    assert "Ähnliche" not in (posting.description or "") and "Beta GmbH" not in (posting.description or "")
    out = extract(posting.as_extract_input())
    assert out["skills"] == ["Go"] and out["seniority"] == "unspecified"


def test_a_header_badge_missing_from_the_tag_column_still_names_its_skill(tmp_path: Path) -> None:
    # Forty-fifth round (issue 9; invented wording): the header shows a badge the `skills` column lacks
    # ("CI/CD (Continuous Integration/Delivery)"); a badge in either counts (the lead's ruling).
    from etl.extract import extract

    body = ("ACMEACMEDev (m/w/d)Berlin, KölnHome-OfficeArtificial Intelligence (AI)CI/CD (Continuous "
            "Integration/Delivery)ConsultingJava +2TopJetzt bewerbenDu berätst Kunden.")
    path = tmp_path / "jobs.csv"
    tags = "Artificial Intelligence (AI);Consulting;Java"
    head = "company_name,position_name,position_description,skills"
    path.write_text(f'{head}\nACME,Dev (m/w/d),"{body}",{tags}\n', encoding="utf-8")
    (posting,) = (p for p in getinit.read(path, SourceOptions()) if isinstance(p, Posting))
    assert posting.location == "Berlin, Köln"
    assert extract(posting.as_extract_input())["skills"] == ["AI", "CI/CD", "Java"]
