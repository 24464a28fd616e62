"""The gupy adapter: Gupy and Nerdin (Brazil) scrapes, one JSON array with Portuguese keys."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from etl.record import Posting, Rejected
from etl.sources import SourceOptions, detect, gupy
from etl.sources._io import read_head

FIX = Path(__file__).parent / "fixtures" / "sources" / "gupy" / "vagas.json"


def _read() -> list[Posting | Rejected]:
    return list(gupy.read(FIX, SourceOptions()))


def test_nerdin_padding_level_and_contract() -> None:
    items = _read()
    assert [i.record_no for i in items] == [1, 2, 3, 4]
    p = items[0]
    assert isinstance(p, Posting)
    assert (p.source, p.source_id, p.title, p.company, p.location) == (
        "nerdin", "90001", "Desenvolvedor Backend Java Sênior", "Araucaria Sistemas e Serviç",
        "Curitiba-PR (Híbrido)")
    assert (p.level_hint, p.job_type, p.remote_hint, p.country_hint) == ("Pleno", "CLT", None, "BR")
    assert p.posted_date == date(2023, 12, 13) and p.extra["openings"] == "1 Vaga(s)"


def test_gupy_location_is_not_data() -> None:
    p = _read()[1]
    assert isinstance(p, Posting)
    assert (p.source, p.source_id, p.company) == ("gupy", "eyJqb2JJZCI6OTAwMDJ9", "tucanotech")
    assert p.location is None and p.remote_hint is None and p.extra["local"] == "Remoto"
    assert p.posted_date == date(2023, 12, 7)


def test_nerdin_remote_hidden_company_and_non_object() -> None:
    p, bad = _read()[2:]
    assert isinstance(p, Posting)
    assert p.company is None and p.remote_hint is True and p.location == "100% Remoto"
    assert (p.level_hint, p.job_type) == ("Junior", "PJ")
    assert isinstance(bad, Rejected) and bad.reason == "not a JSON object"


def test_detect_and_pleno_is_mid() -> None:
    assert gupy.detect(FIX, read_head(FIX)) >= 90 and detect(FIX).NAME == "gupy"
    from etl.normalize.seniority import classify_seniority

    assert classify_seniority("Analista", None, None, "Pleno") == "mid"


def test_a_gupy_company_slug_is_spelled_as_its_descriptions_write_it(tmp_path: Path) -> None:
    # branch hext (QA round twenty-two; invented wording): Gupy's company is its career-site slug
    # ("grupoolaria"); spelled as the descriptions write it, accents included; a Nerdin company is a name
    ads = [
        {"titulo": "Oleiro", "empresa": "grupoolaria", "link": "https://grupoolaria.gupy.io/job/a1",
         "descricao": "O Grupo Olária faz potes. Venha para o Grupo Olária!"},
        {"titulo": "Vidreiro", "empresa": "grupoolaria", "link": "https://grupoolaria.gupy.io/job/a2",
         "descricao": "Vidrar potes."},
        {"titulo": "Oleiro", "empresa": " Olaria Nerd ", "link": "https://www.nerdin.com.br/vaga/7",
         "descricao": "A olaria nerd faz potes."},
    ]
    path = tmp_path / "vagas.json"
    path.write_text(json.dumps(ads), encoding="utf-8")
    got = [p.company for p in gupy.read(path, SourceOptions()) if isinstance(p, Posting)]
    assert got == ["Grupo Olária", "Grupo Olária", "Olaria Nerd"]
