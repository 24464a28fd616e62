"""The smaller stages' fast paths (issue 10, twenty-first session) give what the plain paths give: the
professional-doctorate check read from the posting's shared cue scan, and the location field read once by
its value (etl/normalize/location.py ``read_field``). Invented wordings, in the languages the stages' data
files hold."""

from __future__ import annotations

import pytest

from etl.extract import _cue_union
from etl.normalize import experience
from etl.normalize.location import (
    Location,
    _read_field,
    names_metro_area,
    names_no_place,
    parse_location,
    read_field,
)
from etl.normalize.shared_text import PostingText

DEGREE_TEXTS = [
    "Requirements: J.D. from an accredited law school and 3 years of practice.",
    "Juris Doctor required; Bachelor's degree in accounting preferred.",
    "Doctor of Pharmacy (Pharm.D.) and a Master's degree in public health.",
    "We need a D.V.M. or DVM with a veterinary license. Master's degree a plus.",
    "Currently pursuing a J.D. degree; Master's degree required.",
    "M.D. Anderson partners with us. Master of Science required.",
    "Doctor of Medicine or Master's degree in nursing; PhD preferred.",
    "pharmaceutical sales experience, master's degree in chemistry",
    "Abgeschlossenes Studium (Master) der Pharmazie, Doktor der Medizin willkommen.",
    "Diplôme de docteur en pharmacie ou Master en chimie, Bac+5.",
    "Graduação em Farmácia; mestrado desejável. Doutorado em Medicina.",
    "Master's degree in computer science. ÉTUDES: Master. İstanbul.",
    "no degree named here",
    "",
]


@pytest.mark.parametrize("text", DEGREE_TEXTS)
def test_the_professional_check_reads_the_shared_scan_as_its_own(text: str) -> None:
    for low in {text.lower(), experience._lower(text) if text else ""}:
        shared = PostingText(_cue_union(), text)
        hits = shared.hits(experience.PROFESSIONAL_CUES, low)
        assert hits is not None
        assert bool(hits) == any(w in low for w in experience._PROFESSIONAL_LITERALS)
        assert experience._professional_doctorate(low, shared) == experience._professional_doctorate(low)


@pytest.mark.parametrize("text", DEGREE_TEXTS)
def test_the_degree_is_the_same_with_the_shared_scan(text: str) -> None:
    shared = PostingText(_cue_union(), text, text)
    assert experience.parse_degree(text, shared) == experience.parse_degree(text)


FIELDS = [
    None, "", "Remote", "Fully remote (flexible)", "San Francisco Bay Area", "Greater Boston",
    "Austin, Texas Metropolitan Area", "Santa Monica (Los Angeles area)", "SF, Bay Area", "Berlin, Germany",
    "München, Bayern", "Paris, Île-de-France, France", "São Paulo, SP", "Kraków, Polska", "Remote (US only)",
    "Leeds, Lyon or Madrid", "bundesweit, Augsburg", "Hybrid - Belo Horizonte",
    "Tucson, AZ / Remote (US/Canada)",
    "Greater London", "Madrid, Comunidad de Madrid, España", "Wien", "İstanbul, Türkiye",
]


@pytest.mark.parametrize("hint", [None, "", "US", "de", " BR "])
@pytest.mark.parametrize("raw", FIELDS)
def test_the_location_field_read_once_is_the_plain_reading(raw: str | None, hint: str | None) -> None:
    plain = parse_location(raw, country_hint=hint)
    if names_metro_area(raw, plain.city):
        plain = Location(None, plain.region, plain.country, plain.metro)
    want = (plain, names_no_place(raw))
    assert _read_field(raw, hint) == want
    assert read_field(raw, hint) == want
    assert read_field(raw, hint) == want  # remembered: the same answer again
