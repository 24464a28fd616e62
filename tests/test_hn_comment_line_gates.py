"""The seniority stage's literal gates, shared line test and place names by first letter in the Hacker News
comment reader (issue 10, branch h23perf2) give what the plain formulas give.

:func:`hn_comment._names_specific_role` (the "a line above names a role" test of ``_colon_run_role`` and
``_dash_run_role``, cached per line and shared by the two) removes a trailing link only where the line holds
"http"; :func:`hn_comment._looks_like_place` removes web addresses only where the cell holds "/" or ".";
:data:`hn_comment._PLACE` is the place names' alternation with the names of one first letter under one branch
(:func:`hn_comment._by_first_letter`). Each is compared with the plain formula over invented lines, cells and
places in every language the seniority data file holds (English, German, French, Portuguese, Spanish, Dutch,
Polish boards' English), and whole comments' roles with the gate against the same with the plain formula
patched in. Equivalence, not a defect: on the code before they fail to import (``_names_specific_role`` and
``_PLACE_NAMES`` are new)."""

from __future__ import annotations

import re

import pytest

from etl.normalize import hn_comment
from etl.normalize.hn_comment import _names_specific_role


def _plain_names_role(line: str) -> bool:
    return bool(hn_comment._SPECIFIC_ROLE.search(hn_comment._TRAILING_LINK.sub("", line)))


def _plain_looks_like_place(part: str) -> bool:
    """_looks_like_place as it was: the web address removed from every cell."""
    saved = part
    part = hn_comment._WEB_ADDRESS.sub(" ", saved).strip()
    if hn_comment._STATE_CODE.search(part) or hn_comment._PLACE.search(part):
        return True
    if hn_comment.re.fullmatch(r"[A-Z][\w.'-]+( [A-Z][\w.'-]+)?, [A-Z][\w.'-]+( [A-Z][\w.'-]+)?", part):
        return True
    return part[:1].isupper() and len(part.split()) <= 4 and \
        hn_comment.parse_location(part).country is not None


LINKS = ["", " https://kilnworks.example/jobs", " - https://kilnworks.example/jobs/1", ": http://kiln.example",
         " (https://kilnworks.example/a)", " ( https://kilnworks.example/a", " HTTPS://KILN.EXAMPLE/A",
         " https://kiln.example/a more words", " www.kilnworks.example", "\u2013 https://kiln.example/x",
         # a link naming a role: removed, the line names none (a gate letting it stay would differ)
         " http://kiln.example/engineer-jobs", " (http://kiln.example/developers)", " - http://kiln.example/dev"]

LINES = [
    # English
    "Senior Glaze Engineer", "We are looking for glaze engineers and kiln operators",
    "Kiln Operator: fires them",
    "Glaze Engineer - mixes glazes", "We fire pottery at scale.", "Apply below", "Backend Devs wanted",
    "Open roles:", "Our engineering team is small", "Staff SWE, platform", "mixes glazes, fires kilns",
    # German
    "Wir suchen einen Senior Glasur-Entwickler (m/w/d)", "Softwareentwickler*in Backend",
    "Werde Teil unseres Teams",
    # French
    "Nous recrutons un développeur senior", "Ingénieur logiciel confirmé", "Rejoignez notre équipe",
    # Portuguese
    "Procuramos Desenvolvedor Pleno", "Engenheiro de Dados Sênior - remoto", "Vaga para analista",
    # Spanish
    "Estamos buscando un desarrollador junior", "Ingeniero de datos semi senior", "Únete al equipo",
    # Dutch
    "Wij zoeken een medior ontwikkelaar", "Software engineer (medior)",
    # Polish boards in English
    "Regular Java Developer", "Trainee Tester", "Expert DevOps engineer",
    # odd shapes
    "", "http", "engineer http", "a https://x", "developers(https://kiln.example)",
]


@pytest.mark.parametrize("line", [line + link for line in LINES for link in LINKS])
def test_names_specific_role_equals_plain_formula(line: str) -> None:
    assert _names_specific_role(line) == _plain_names_role(line)
    assert _names_specific_role(line) == _plain_names_role(line)  # cached: the same again


CELLS = ["Leeds, UK", "Oslo", "Berlin, Germany", "Paris", "São Paulo, Brasil", "Madrid, España", "Amsterdam",
         "Warszawa", "Kilnworks", "https://kilnworks.example", "kilnworks.example", "WWW.KILNWORKS.EXAMPLE",
         "www.kiln.example Leeds", "Leeds https://kiln.example/jobs", "St. Louis, MO", "Remote (US)",
         "Red Deer, Alberta", "HTTP://KILN.EXAMPLE Oslo", "Glaze Engineer", "Full-time", "Porto / Lisboa",
         "Köln", "New York, NY", "Toronto.", "a/b", ""]


@pytest.mark.parametrize("cell", CELLS)
def test_looks_like_place_equals_plain_formula(cell: str) -> None:
    assert hn_comment._looks_like_place(cell) == _plain_looks_like_place(cell)


COMMENTS = [
    "Kilnworks | Oslo | ONSITE<p>Glaze Engineer: you will mix glazes.<p>Kiln Operator: you will fire them.",
    "Kilnworks | Oslo | ONSITE<p>Glaze Engineer - mixes glazes<p>Kiln Operator - fires them<p>Write to us.",
    "Kilnworks | Oslo<p>We want glaze engineers https://kiln.example<p>Senior Glaze Engineer - mixes glazes"
    "<p>Kiln Operator - fires them",
    "Kilnworks | Oslo<p>We fire pottery https://kiln.example/about<p>Senior Glaze Engineer - mixes glazes"
    "<p>Junior Kiln Operator - fires them",
    "Kilnworks | Oslo<p>See https://kiln.example/jobs<p>Staff Glaze Engineer: mixes glazes<p>"
    "Kiln Operator: fires them",
    "Kilnworks | Berlin<p>Wir suchen Verstärkung<p>Senior Glasur-Entwickler - Glasuren mischen<p>"
    "Ofenbediener - Öfen befeuern",
    "Kilnworks | Paris<p>Nous recrutons<p>Développeur senior : glaçures<p>Opérateur de four : cuisson",
    "Kilnworks | Lisboa<p>Procuramos<p>Desenvolvedor Pleno - esmaltes<p>Operador de forno - queima",
    "Kilnworks | Madrid<p>Estamos buscando<p>Desarrollador junior - esmaltes<p>Operador de horno - cocción",
    "Kilnworks | Amsterdam<p>Wij zoeken<p>Medior ontwikkelaar - glazuur<p>Ovenoperator - bakken",
    "Kilnworks | Warszawa | REMOTE<p>Regular Java Developer - kiln software<p>Trainee Tester - "
    "https://kiln.example/t",
    "Kilnworks | www.kiln.example | Leeds, UK<p>Glaze Engineer: mixes glazes<p>Kiln Operator: fires",
    "Kilnworks | https://kiln.example | St. Louis, MO | Senior Glaze Engineer<p>We fire pottery.",
    "Kilnworks | Oslo<p>We fire pottery http://kiln.example/engineer-jobs<p>Senior Glaze Engineer - mixes"
    " glazes<p>Kiln Operator - fires them",
    "Kilnworks | Oslo<p>Our kilns: http://kiln.example/developers<p>Lead Glaze Engineer: mixes glazes"
    "<p>Kiln Operator: fires them",
]


@pytest.mark.parametrize("body", COMMENTS)
def test_comment_roles_equal_with_plain_formula(body: str, monkeypatch: pytest.MonkeyPatch) -> None:
    def cold() -> None:
        for f in (hn_comment._cells_and_roles, hn_comment.read_comment, hn_comment._lines):
            f.cache_clear()
        getattr(hn_comment._names_specific_role, "cache_clear", lambda: None)()  # the plain one holds none

    cold()
    fast = hn_comment.comment_roles(body)
    full = hn_comment.read_comment(body, "Leeds")
    monkeypatch.setattr(hn_comment, "_names_specific_role", _plain_names_role)
    monkeypatch.setattr(hn_comment, "_looks_like_place", _plain_looks_like_place)
    cold()
    assert hn_comment.comment_roles(body) == fast
    assert repr(hn_comment.read_comment(body, "Leeds")) == repr(full)


_PLAIN_PLACE = re.compile(r"\b(" + "|".join(hn_comment._PLACE_NAMES) + r")\b", re.I)

PLACE_TEXTS = [*CELLS, "Remote (EU only)", "US or Canada", "the U.S. and the EU", "U.S.A.", "usa",
               "NYC / SF", "Bay Area, CA", "Côte d'Ivoire", "COTE D'IVOIRE", "Åland Islands", "åland",
               "Türkiye", "Curaçao",
               "Deutschland (Germany)", "Frankreich / France", "Brasil, Brazil", "España o Spain",
               "Nederland - Netherlands", "Polska, Poland", "New Mexico or Mexico", "West Virginia",
               "Virginia Beach", "Georgia (US)", "South Korea", "Koreans", "Francesco", "Indiana Jones",
               "Kelvin \u212aenya", "\u017fweden", "Istanbul, T\u00fcrkiye", "EUROPE", "Asia-Pacific",
               "Africa/Lagos", "Bay Areas", "san francisco", "Oregon.", "(Ohio)", "ohio-based", "Iowa_City"]


@pytest.mark.parametrize("text", PLACE_TEXTS)
def test_place_names_by_first_letter_find_what_the_plain_alternation_finds(text: str) -> None:
    fast, plain = hn_comment._PLACE.search(text), _PLAIN_PLACE.search(text)
    assert (fast and fast.span(1)) == (plain and plain.span(1))


def test_every_place_name_found_as_the_plain_alternation_finds_it() -> None:
    names = [re.sub(r"\\(.)", r"\1", n) for n in hn_comment._PLACE_NAMES]  # the fragments as text
    for name in names:
        for text in (name, name.upper(), name.lower(), f"Remote in {name} only", f"x{name}", f"{name}ese"):
            fast, plain = hn_comment._PLACE.search(text), _PLAIN_PLACE.search(text)
            assert (fast and fast.span(1)) == (plain and plain.span(1)), text


@pytest.mark.parametrize(("names", "texts"), [
    (["ab|cd", "ax", "b?c", "bd", "\\.x", "Åa", "a"],
     ["cd", "ab", "ax", "c", "bc", "bd", ".x", "åa", "a", "xa"]),
    (["Kent", "kiln", "K\\.C\\.", "ka+z"], ["kent", "KILN", "k.c.", "kaaz", "\u212aent"]),
])
def test_by_first_letter_keeps_fragments_whole_where_factoring_would_change_them(
        names: list[str], texts: list[str]) -> None:
    fast = re.compile(r"\b(" + hn_comment._by_first_letter(names) + r")\b", re.I)
    plain = re.compile(r"\b(" + "|".join(names) + r")\b", re.I)
    for text in texts:
        assert bool(fast.search(text)) == bool(plain.search(text)), text
