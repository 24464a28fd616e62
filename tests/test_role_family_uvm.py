"""The text cue "UVM" matched as written in capitals only (lead's ruling 1 on real-later-v90, h20uvm).

"UVM" (the Universal Verification Methodology of chip verification) is a non-software text cue for the
tie-break under an open title. Matched case-insensitively it also matched the German abbreviation "uvm."
("und vieles mehr", "and much more"), which closes many German lists of benefits or tasks, so every German
text under an open title counted one non-software cue by accident. Cues listed in ``text_cues_case_sensitive``
of ``etl/data/role_families.yaml`` are matched as written (capitals and all), still as whole words.

A lower-case "uvm" in an English text is not counted either: the methodology is an acronym written in
capitals in job texts, while a lower-case "uvm" is most often part of an address (the University of
Vermont's "uvm.edu"), and a chip-verification text names other non-software cues beside it (SystemVerilog,
ASIC, FPGA, silicon). Invented texts."""

from __future__ import annotations

from pathlib import Path

import pytest

from etl.normalize import role_family as rf
from etl.normalize.role_family import classify_role_family
from etl.yaml_data import load_yaml

SE, OTHER = "software_engineering", "other"


@pytest.mark.parametrize(("title", "text"), [
    # the software cues outnumber the non-software ones ("CRM"; "Sales"; "Vertrieb" and "Plant") only
    # without "uvm."
    ("Consultant (m/w/d)",
     "Du entwickelst Schnittstellen zu unserem CRM in Java und Python. Wir bieten Jobrad, Obstkorb uvm."),
    ("Senior Engineer (w/m/d)",
     "Aufgaben: Backend-Services in Python, Tests, Reviews, Dokumentation uvm. "
     "Das Sales-Team sitzt nebenan."),
    ("IT-Architekt (m/w/d)",
     "Du gestaltest Microservices mit Kubernetes, berätst im Vertrieb uvm. und arbeitest mit dem Werk "
     "(Plant) zusammen, Docker inklusive."),
])
def test_german_uvm_abbreviation_is_no_cue(title: str, text: str) -> None:
    assert classify_role_family(title, text) == SE


@pytest.mark.parametrize(("title", "text", "family"), [
    # a chip-verification text: "UVM" in capitals and "silicon" against "Python" and "Linux": a tie, other
    ("Senior Engineer",
     "Build UVM testbenches for our silicon; regression scripts in Python on Linux.", OTHER),
    ("Engineer II",
     "You will own UVM environments and write Python tooling on Linux for silicon bring-up.", OTHER),
    # more software cues still outnumber it: unchanged
    ("Senior Engineer",
     "Build UVM testbenches; Python, C++, Docker and Git on Linux for the silicon team.", SE),
])
def test_uvm_in_capitals_still_counts(title: str, text: str, family: str) -> None:
    assert classify_role_family(title, text) == family


@pytest.mark.parametrize(("title", "text"), [
    # a lower-case "uvm" (an address) is no cue: two software cues against "clinical" alone
    ("Engineer II (University Medical Center)",
     "Build research pipelines in Python on Linux for clinical studies. Apply at careers.uvm.edu."),
    ("Senior Engineer",
     "Python and Linux services for the clinical data team; see uvm for the methodology notes."),
])
def test_lower_case_uvm_in_english_is_no_cue(title: str, text: str) -> None:
    assert classify_role_family(title, text) == SE


def test_case_sensitive_cues_file_shape() -> None:
    """``text_cues_case_sensitive``: per kind of ``text_cues``, plain words each holding a capital letter (a
    lower-case word would match nothing the case-insensitive lists do not), none also in a case-insensitive
    list of any language (it would be counted twice, or the lower-case spelling would still match)."""
    with open(rf.DATA, encoding="utf-8") as fh:
        cfg = load_yaml(fh)
    exact = cfg["text_cues_case_sensitive"]
    assert isinstance(exact, dict) and set(exact) <= set(cfg["text_cues"])
    lowered = {str(w).lower() for words in cfg["text_cues"].values() for w in words}
    for path in sorted(Path(rf.LANGUAGE_DIR).glob("*.yaml")):
        with open(path, encoding="utf-8") as fh:
            lowered |= {str(w).lower() for ws in load_yaml(fh).get("text_cues", {}).values() for w in ws}
    for words in exact.values():
        assert isinstance(words, list) and words
        for word in words:
            assert isinstance(word, str) and word == word.strip() and word != word.lower()
            assert word.lower() not in lowered, word
    assert "UVM" in exact["other"]


def test_case_sensitive_cue_counts_match_word_search() -> None:
    """The exact cues are counted as whole words of the text as written, as the lowered cues are of the
    lowered text."""
    rules = rf._rules()
    for text in ("UVM, uvm, Uvm and xUVM or UVM2", "uvm.", "", "UVM"):
        raw = text.encode("utf-8", "ignore")
        words = frozenset(raw.translate(rf._NOT_ALNUM).split())
        for cues in (rules.software_exact, rules.other_exact):
            assert rf._count(raw, words, cues) == sum(rf._has_word(raw, cue) for cue in cues)
