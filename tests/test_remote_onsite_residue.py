"""The tune residue of issue 9's remote field: a posting labelled onsite that the rules read null
(twenty-sixth session, branch h26remoteres), in invented wording.

Class A (later batch real-later-v130, Glassdoor #374; the brief's candidate, h26remote's proposal 3): a
plain refusal of remote work or a statement that the work must be done on site, written late in a long
text, past the 2,000 characters the English phrase rules read. Read in the whole text
(``etl/data/work_arrangement.yaml`` en ``refusal`` and ``onsite``), narrowly:

- refusal: a clause opening "no remote (work) (is) possible / available / allowed / permitted / offered /
  option" and closing there (or "... for this position") -> onsite; not one limited to some people, places
  or a time ("no remote work possible during the training", "... from abroad"), nor one beside a share of
  home or counted office days (the refusal class's guard, widened to counted office days: hybrid);
- onsite: a clause opening "(all / the / this) work / job / role / position / duties must (has to) be
  performed / done / carried out / conducted on site / in person / in the office" -> onsite; not interviews
  or training, not some work, not a share or a time ("... on site two days a week", "... during the first
  month").
"""

from __future__ import annotations

import pytest

from etl.normalize.remote import TEXT_WINDOW, classify_remote

R, H, ON = "remote", "hybrid", "onsite"

# about 2,400 characters saying nothing of the arrangement: a statement after it lies past the English window
PAD = "Our clinic group builds scheduling software for dental practices and their patients. " * 29


def late(line: str) -> str:
    text = "Reporting Analyst\n" + PAD + "\n" + line + "\nTo apply, send a short note and your CV."
    assert text.find(line) > TEXT_WINDOW
    return text


CLASS_A = [
    # the refusal and the on-site statement together, closing a location line (the record's shape)
    ("Location: Bristol, UK (work must be performed on site; no remote possible)", ON),
    ("Location: Bristol, UK (no remote possible)", ON),
    ("Location: Bristol, UK (work must be performed on site)", ON),
    ("No remote work is possible for this position.", ON),
    ("Please note: no remote working allowed.", ON),
    ("No remote option.", ON),
    ("- No remote work available", ON),
    ("All work must be done in person at our Bristol lab.", ON),
    ("The duties must be carried out in the office.", ON),
    ("This position must be performed onsite.", ON),
    # controls: a refusal limited to a time, a place or people; interviews, training, some work, a share of
    # days
    ("No remote work is possible during the first month of training.", None),
    ("No remote working allowed from outside the UK.", None),
    ("No remote interviews possible; we meet every candidate.", None),
    ("Interviews must be conducted in person.", None),
    ("Training must be completed on site.", None),
    ("Some work must be performed on site when audits come up.", None),
    ("Work must be performed on site during the first month, then wherever you like.", None),
    ("Work must be performed in the office two days a week.", H),
    # a refusal beside a share of home days: the refusal class's guard reads hybrid
    ("Hybrid work: 2 days at the office and 3 days from home each week. No remote work possible.", H),
    # a refusal of more than a share is no plain refusal (and the late share alone is not read here)
    ("Work from home two days a week. No remote work possible beyond that.", None),
]


@pytest.mark.parametrize(("line", "mode"), CLASS_A)
def test_class_a_late_refusal_or_onsite(line: str, mode: str | None) -> None:
    assert classify_remote("Bristol, UK", "Reporting Analyst", late(line)) == mode


@pytest.mark.parametrize("line", [
    "Location: Bristol, UK (work must be performed on site; no remote possible)",
    "No remote work is possible for this position.",
    "The role must be performed in person.",
])
def test_class_a_outweighs_a_posting_flag(line: str) -> None:
    # a flag set per posting yields to the job's own stated arrangement (the Remote rule)
    assert classify_remote("Bristol, UK", "Reporting Analyst", late(line), remote_hint=True) == ON


def test_class_a_early_statements_read_as_before() -> None:
    # inside the window the English rules read the refusal already
    text = "Reporting Analyst in Bristol (no remote possible). You will build our dashboards."
    assert classify_remote("Bristol, UK", "Reporting Analyst", text) == ON


def test_class_a_does_not_outweigh_a_remote_statement_for_others() -> None:
    # a remote job whose text refuses remote work only from some places stays remote
    text = ("This is a fully remote role within the UK.\n" + PAD
            + "\nNo remote working allowed from outside the UK.")
    assert classify_remote(None, "Reporting Analyst", text) == R
