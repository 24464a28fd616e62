"""Brazilian developer job ads scraped from Gupy (``portal.gupy.io``) and Nerdin (``nerdin.com.br``).

Why: Gupy is Brazil's largest ATS and job portal, Nerdin a Brazilian IT board; scrapes of
both are written as one JSON array of flat objects with Portuguese keys (``titulo``,
``empresa``, ``local``, ``descricao``, ``link``, ``postagem``, ``dataBackend``,
``numVagas``). ``record_no`` is the 1-based index in the array. ``Posting.source`` is
``gupy`` or ``nerdin`` from the ad's link, so the two boards stay apart in the warehouse.

Quirks handled here:

* **Padding**: Nerdin values carry leading spaces and a trailing no-break space
  (``" Blend IT Consultoria e Serviç \\xa0"``); every field is trimmed.
* **Gupy's ``local`` is a scraper artefact**: it is ``Remoto`` for every Gupy ad whatever
  the ad says, so it is neither the location nor a remote flag (kept in ``extra``); the text
  decides. Nerdin's ``local`` is real: ``São Paulo-SP (Híbrido)``, ``100% Remoto``; a fully
  remote Nerdin ad gets ``remote_hint=True``.
* **Level**: Nerdin ads end with ``Nível (Senioridade): Senior.`` / ``Pleno.`` / ``Junior.``
  ..., the board's own level field, which becomes ``level_hint`` (etl/data/seniority.yaml maps
  the Portuguese labels); the contract line after it (``CLT``, ``PJ``) is ``job_type``.
* ``Confidencial`` as a company means the employer is hidden: no company. Gupy's company is
  the career-site slug (``grupoboticario``), the only name the scrape has: spelled as the file's
  descriptions of that company write it most ("Grupo Boticário"), else kept.
* Date: ``postagem`` (``DD/MM/YYYY``, local date) else ``dataBackend``. ``id`` is a random
  UUID from the scraper, so the source id is the board's own: the Nerdin ad number or the
  Gupy job token of the link. All ads are Brazilian (``country_hint="BR"``).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from etl.normalize.company_names import Spellings
from etl.record import Posting, Rejected, clean_str
from etl.sources import SourceOptions
from etl.sources._json import head_keys, head_kind, object_postings, to_date

NAME = "gupy"
EXTENSIONS = (".json", ".jsonl")

_LEVEL = re.compile(
    r"N[íi]vel \(Senioridade\):\s*([^\n.]+)\.?[ \t\xa0]*(?:\n[ \t\xa0]*([^\n]{1,40}?)[ \t\xa0]*(?:\n|$))?"
)
_FULLY_REMOTE = re.compile(r"^(?:100\s*%\s*)?remoto$", re.I)
_HIDDEN_COMPANY = frozenset({"confidencial", "confidential", "sigiloso", "empresa confidencial"})


def detect(path: Path, head: bytes) -> int:
    if not head_kind(head):
        return 0
    keys = head_keys(head)
    if {"titulo", "descricao", "empresa"} <= keys:
        return 95 if ({"link", "dataBackend", "numVagas", "local"} & keys) else 60
    return 0


def read(path: Path, options: SourceOptions) -> Iterator[Posting | Rejected]:
    # Gupy's company is its career-site slug ("grupoboticario"): spelled as the file's descriptions of it
    # write it ("Grupo Boticário"), read over the whole file first so one company keeps one name
    names = Spellings()
    for item in object_postings(NAME, path, _posting):
        if isinstance(item, Posting) and item.source == "gupy":
            names.add(item.company, item.description)
    for item in object_postings(NAME, path, _posting):
        if isinstance(item, Posting) and item.source == "gupy":
            item.company = names.name(item.company)
        yield item


def trim(value: Any) -> str | None:
    """A scraped field without its padding: spaces and no-break spaces at both ends."""
    return clean_str(value.replace("\xa0", " ")) if isinstance(value, str) else clean_str(value)


def board(link: str | None) -> str:
    host = urlsplit(link or "").netloc.lower()
    if host.endswith("gupy.io"):
        return "gupy"
    return "nerdin" if host.endswith("nerdin.com.br") else NAME


def _source_id(link: str | None, site: str) -> str | None:
    if not link:
        return None
    parts = [p for p in urlsplit(link).path.split("/") if p]
    if site == "nerdin" and len(parts) >= 2 and parts[-2] == "vaga":
        return parts[-1]
    if site == "gupy" and len(parts) >= 2 and parts[-2] == "job":
        return parts[-1]
    return link


def _date(raw: dict[str, Any]) -> date | None:
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", trim(raw.get("postagem")) or "")
    if m:
        try:
            return date(int(m[3]), int(m[2]), int(m[1]))
        except ValueError:
            pass
    return to_date(raw.get("dataBackend"))


def _posting(raw: dict[str, Any], record_no: int) -> Posting | Rejected:
    link = trim(raw.get("link"))
    site = board(link)
    title, description = trim(raw.get("titulo")), clean_str(raw.get("descricao"))
    if not title and not description:
        return Rejected.from_raw(site, record_no, "missing title and description", raw)
    local = trim(raw.get("local"))
    company = trim(raw.get("empresa"))
    if company and company.lower() in _HIDDEN_COMPANY:
        company = None
    extra: dict[str, Any] = {
        k: v for k, v in (("scraper_id", trim(raw.get("id"))), ("openings", trim(raw.get("numVagas")))) if v
    }
    level = job_type = None
    if description and (m := _LEVEL.search(description)):
        level, job_type = trim(m[1]), trim(m[2])
    if site == "gupy":
        if local:
            extra["local"] = local  # always "Remoto": a scraper artefact, not the ad's location
        location, remote = None, None
    else:
        location, remote = local, (True if local and _FULLY_REMOTE.match(local) else None)
    return Posting(
        source=site,
        record_no=record_no,
        source_id=_source_id(link, site),
        url=link,
        title=title,
        company=company,
        location=location,
        description=description,
        description_format="text",
        posted_date=_date(raw),
        remote_hint=remote,
        level_hint=level,
        job_type=job_type,
        country_hint="BR",
        extra=extra,
    )
