"""The role family as a labelled field (issue 9, h18role): scored only on the records labelled for it, and a
set without such a label scores, prints and publishes exactly as before (no new row, column or key)."""

from __future__ import annotations

from typing import Any

from etl import evaluate as ev
from etl.evaluate import _report, markdown_report, quality_rows, score, with_intervals
from etl.later_labels import FIELDS


def _labelled(expected: dict[str, Any], pid: str, language: str = "en") -> dict[str, Any]:
    return {"id": pid, "title": None, "language": language, "expected": expected}


Pairs = list[tuple[dict[str, Any], dict[str, Any]]]


def _result(pairs: Pairs, name: str = "real-later-v0") -> dict[str, Any]:
    result = with_intervals(score(pairs, ev.REAL_TARGETS))
    by_language = {}
    for lang in sorted({p["language"] for p, _ in pairs}):
        part = with_intervals(score([(p, g) for p, g in pairs if p["language"] == lang], ev.REAL_TARGETS))
        part.pop("errors")
        by_language[lang] = part
    result.update({"set": name, "labelled": len(pairs), "excluded": 0,
                   "not_loadable": {"count": 0, "by_dataset": {}}, "by_language": by_language})
    return result


ROLE_PAIRS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    (_labelled({"role_family": "software_engineering"}, "a", "de"), {"role_family": "other"}),
    (_labelled({"role_family": "data"}, "b", "de"), {"role_family": "data"}),
    (_labelled({"role_family": "other"}, "c"), {"role_family": "other"}),
    (_labelled({"role_family": "software_engineering"}, "d"), {"role_family": "software_engineering"}),
]
PLAIN_PAIRS: list[tuple[dict[str, Any], dict[str, Any]]] = [
    (_labelled({"remote": "remote", "seniority": "senior"}, "e"), {"remote": "remote", "seniority": "mid"}),
    (_labelled({"remote": None}, "f", "de"), {"remote": None, "role_family": "other"}),
]


def test_role_family_is_a_later_label_field() -> None:
    assert "role_family" in FIELDS


def test_a_role_family_label_scores_it_as_an_exact_categorical_field() -> None:
    r = score(ROLE_PAIRS)
    assert r["fields"]["role_family"] == {"correct": 3, "labelled": 4, "accuracy": 0.75}
    assert r["miss_kinds"]["role_family"] == {"wrong": 1, "said": 0, "silent": 0}
    assert r["errors"]["role_family"] == [{"id": "a", "expected": "software_engineering", "got": "other",
                                           "title": None}]
    assert ["software_engineering", "other", 1] in r["confusion"]["role_family"]
    # the committed synthetic set's targets hold no role family; the other targets are untouched
    assert "role_family" not in r["targets"]


def test_real_postings_hold_the_role_family_to_issue_9s_target_where_it_is_labelled() -> None:
    """Issue 9 asks every field 0.97 on real postings: the role family too, once a held-out batch labels it
    (real-test-later-v1); a set that labels none has no such target row and passes or fails as before."""
    r = score(ROLE_PAIRS, ev.REAL_TARGETS)
    assert r["targets"]["role_family"] == {"value": 0.75, "target": 0.97, "pass": False}
    plain = score(PLAIN_PAIRS, ev.REAL_TARGETS)
    assert "role_family" not in plain["targets"]
    assert set(plain["targets"]) == set(ev.REAL_TARGETS) - {"role_family"}


def test_a_role_family_label_prints_a_row_overall_and_per_language() -> None:
    result = _result(ROLE_PAIRS)
    text = "\n".join(_report([result]))
    assert any(line.startswith("role_family") and "n=4" in line for line in text.splitlines())
    md = markdown_report(result)
    assert any(line.startswith("| role family | 0.750") for line in md)
    per_language = [line for line in md if line.startswith("| role family |")]
    assert len(per_language) == 2 and "n=2" in per_language[1]
    assert any(row["metric"] == "role_family" and row["n"] == 4 for row in quality_rows(result))


def test_a_set_without_role_family_labels_is_as_before() -> None:
    r = score(PLAIN_PAIRS)
    assert "role_family" not in r["fields"]
    assert "role_family" not in r["miss_kinds"] and "role_family" not in r["confusion"]
    assert "role_family" not in r["errors"]
    assert list(r["fields"]) == list(ev.EXACT_FIELDS)
    result = _result(PLAIN_PAIRS, "real-test-all")
    assert not any("role" in line for line in _report([result]))
    assert not any("role" in line for line in markdown_report(result))
    assert not any(row["metric"] == "role_family" for row in quality_rows(result))


def test_sets_side_by_side_with_and_without_role_family() -> None:
    """The report of every set: a row for role_family shows '-' where a set (or a language) labels none."""
    lines = _report([_result(PLAIN_PAIRS, "synthetic"), _result(ROLE_PAIRS, "real-tune")])
    row = next(line for line in lines if line.startswith("role_family"))
    assert row.split()[1] == "-" and "n=4" in row
