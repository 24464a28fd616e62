"""The evaluation metrics, checked against counts worked out by hand."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import pytest

from etl import evaluate as ev
from etl.cli import main
from etl.evaluate import (
    DEFAULT_LABELS,
    evaluate,
    load_labels,
    markdown_report,
    same,
    score,
    wilson,
    with_intervals,
)
from etl.record import SourceError


def _labelled(expected: dict, **fields: object) -> dict:
    return {"id": fields.pop("id", "x"), **fields, "expected": expected}


def test_score_by_hand() -> None:
    a = _labelled({"skills": ["Python", "Java", "Go"], "responsibilities": ["Mentoring"],
                   "salary": {"min": 150000, "max": 180000, "currency": "USD", "period": "year"},
                   "experience_years": {"min": 5, "max": None}, "seniority": "senior", "country": "US",
                   "city": "Austin"}, id="a")
    got_a = {
        "skills": ["Python", "Go", "Rust"],
        "responsibilities": ["Mentoring", "Hiring"],
        "salary": {"min": 150000.4, "max": 180000.0, "currency": "USD", "period": "year"},
        "experience_years": {"min": 5.0, "max": None},
        "seniority": "senior",
        "country": "US",
        "city": "Austin",
    }
    b = _labelled(
        {
            "skills": ["SQL"],
            "salary": {"min": 100, "max": None, "currency": "USD", "period": "hour"},
            "experience_years": None,
            "seniority": "mid",
            "country": "GB",
        },
        id="b",
    )
    got_b = {"skills": ["SQL", "AWS"], "responsibilities": ["On-call"],
             "salary": {"min": 101, "max": None, "currency": "USD", "period": "hour"},
             "experience_years": {"min": 2, "max": None}, "seniority": "junior", "country": "GB"}
    r = score([(a, got_a), (b, got_b)])

    # skills: a has TP 2 (Python, Go), FP 1 (Rust), FN 1 (Java); b has TP 1, FP 1 (AWS)
    s = r["skills"]
    assert (s["tp"], s["fp"], s["fn"], s["postings"]) == (3, 2, 1, 2)
    assert s["precision"] == pytest.approx(3 / 5) and s["recall"] == pytest.approx(3 / 4)
    assert s["f1"] == pytest.approx(2 * 0.6 * 0.75 / 1.35)
    # responsibilities: only a labels them (TP 1, FP 1); b's prediction is not scored
    resp = r["responsibilities"]
    assert (resp["tp"], resp["fp"], resp["fn"], resp["postings"]) == (1, 1, 0, 1)
    assert resp["precision"] == 0.5 and resp["recall"] == 1.0
    # exact fields: salary a within 0.5 but b off by 1; experience b wrong; seniority b wrong
    f = r["fields"]
    assert f["salary"] == {"correct": 1, "labelled": 2, "accuracy": 0.5}
    assert f["experience_years"]["accuracy"] == 0.5 and f["seniority"]["accuracy"] == 0.5
    assert f["country"]["accuracy"] == 1.0
    assert f["city"] == {"correct": 1, "labelled": 1, "accuracy": 1.0}  # only a labels the city
    assert f["degree"]["labelled"] == 0 and f["degree"]["accuracy"] == 1.0
    assert r["errors"]["skills"][0] == {"id": "a", "missing": ["Java"], "extra": ["Rust"], "title": None}
    assert [e["id"] for e in r["errors"]["seniority"]] == ["b"]
    assert r["errors"]["seniority"][0]["expected"] == "mid" and r["errors"]["seniority"][0]["got"] == "junior"
    assert r["targets"]["skills.precision"] == {"value": 0.6, "target": 0.98, "pass": False}
    assert r["targets"]["country"]["pass"] is True and r["all_pass"] is False


def test_same_compares_numbers_with_tolerance_and_keys_exactly() -> None:
    assert same({"min": 5, "max": None}, {"min": 5.4, "max": None})
    assert not same({"min": 5, "max": None}, {"min": 5.6, "max": None})
    assert not same({"min": 5, "max": None}, {"min": 5})
    assert not same(None, {"min": 5, "max": None}) and same(None, None)
    assert not same(1, True) and same("senior", "senior")


def test_evaluate_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Labels chosen by hand so the counts are known: p1 labels Java (absent) and not Kubernetes (present),
    # and a wrong seniority.
    labels = tmp_path / "labels.jsonl"
    rows = [
        {"id": "p1", "title": "Python Developer", "description": "We use Python and Kubernetes.",
         "expected": {"skills": ["Python", "Java"], "seniority": "senior"}},
        {"id": "p2", "title": "Senior Engineer", "description": "Experience with PostgreSQL.",
         "expected": {"skills": ["PostgreSQL"], "seniority": "senior"}},
    ]
    labels.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    r = evaluate(labels)
    assert r["postings"] == 2 and r["labels"] == str(labels)
    assert (r["skills"]["tp"], r["skills"]["fp"], r["skills"]["fn"]) == (2, 1, 1)
    assert r["skills"]["precision"] == pytest.approx(2 / 3) and r["skills"]["recall"] == pytest.approx(2 / 3)
    assert r["fields"]["seniority"] == {"correct": 1, "labelled": 2, "accuracy": 0.5, "ci": wilson(1, 2)}
    assert r["errors"]["skills"][0]["missing"] == ["Java"] and r["errors"]["skills"][0]["extra"] == [
        "Kubernetes"
    ]

    args = argparse.Namespace(labels=str(labels), json=True, errors=3)
    from etl.evaluate import cli_evaluate

    assert cli_evaluate(args) == 0  # a measurement: exit 0 even below target
    out = capsys.readouterr().out.strip().splitlines()
    table = "\n".join(out[:-1])
    assert "skills.precision" in table and "FAIL" in table and "BELOW TARGET" in table
    assert "missing ['Java'] extra ['Kubernetes']" in table
    figures = json.loads(out[-1])
    assert figures["skills"]["tp"] == 2 and "errors" not in figures and figures["all_pass"] is False


def test_bad_labels_file_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", "--labels", str(tmp_path / "missing.jsonl")]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1, "expected": {}}\n{oops\n', encoding="utf-8")
    with pytest.raises(SourceError, match=r"bad.jsonl:2: invalid JSON"):
        load_labels(bad)
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(SourceError, match="expected"):
        load_labels(bad)


def test_committed_labelled_set_is_well_formed() -> None:
    postings = load_labels(DEFAULT_LABELS)
    assert len(postings) >= 150
    ids = [p["id"] for p in postings]
    assert len(ids) == len(set(ids))
    seniorities = {"junior", "mid", "senior", "staff", "principal", "lead", "manager", "unspecified"}
    for p in postings:
        e = p["expected"]
        assert e["skills"] == sorted(e["skills"]), p["id"]
        assert not set(e.get("responsibilities", [])) & set(e["skills"]), p["id"]
        assert e["seniority"] in seniorities, p["id"]
        assert e["remote"] in {"remote", "hybrid", "onsite", None}, p["id"]
        assert e["degree"] in {"bachelor", "master", "phd", None}, p["id"]
        if e["salary"] is not None:
            assert set(e["salary"]) == {"min", "max", "currency", "period"}, p["id"]
            assert e["salary"]["period"] in {"hour", "day", "week", "month", "year"}, p["id"]
        if e["region"] is not None:
            assert e["region"].startswith(e["country"] + "-"), p["id"]


def test_save_stores_the_synthetic_scores_and_a_load_copies_them(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    import duckdb

    from etl.warehouse.loader import load_paths

    saved = tmp_path / "scores.json"
    monkeypatch.setattr(ev, "SCORES", saved)
    labels = tmp_path / "labels.jsonl"
    labels.write_text(
        json.dumps(
            {
                "id": "p1",
                "title": "Senior Python Developer",
                "description": "Python daily.",
                "expected": {"skills": ["Python"], "seniority": "senior"},
            }
        )
        + "\n"
    )
    monkeypatch.setattr(ev, "DEFAULT_LABELS", labels)
    assert main(["evaluate", "--set", "synthetic", "--save"]) == 0
    rows = ev.stored_scores()
    by_metric = {r["metric"]: r for r in rows}
    assert by_metric["skills.precision"]["value"] == 1.0 and by_metric["skills.precision"]["n"] == 1
    assert by_metric["seniority"]["meets_target"] is True and rows[0]["postings"] == 1
    assert [r["position"] for r in rows] == list(range(len(rows)))

    src = tmp_path / "jobs.jsonl"
    src.write_text(
        json.dumps({"title": "Senior Software Engineer", "company": "Acme", "description": "Go."}) + "\n"
    )
    db = tmp_path / "warehouse.duckdb"
    load_paths([src], db, progress=False, workers=1)
    con = duckdb.connect(str(db), read_only=True)
    try:
        stored = con.sql("SELECT * FROM extraction_quality ORDER BY position").df().to_dict("records")
    finally:
        con.close()
    assert [(r["metric"], r["value"], r["n"]) for r in stored] == [
        (r["metric"], r["value"], r["n"]) for r in rows
    ]


def test_save_refuses_other_sets(capsys: pytest.CaptureFixture[str]) -> None:
    # the tune half is read for misses: its scores are not published (the test half's are: test_evaluate_real)
    assert main(["evaluate", "--set", "real-tune", "--save"]) == 2
    assert "--save" in capsys.readouterr().err
    assert main(["evaluate", "--labels", str(ev.DEFAULT_LABELS), "--save"]) == 2


def test_misses_are_counted_by_kind_and_categories_cross_tabulated() -> None:
    """Which way a field errs matters to a chart: a value said where the posting states none inflates a share,
    none where it states one deflates it (issue 9: published beside the scores, counts only)."""
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (_labelled({"remote": "hybrid", "seniority": "senior"}, id="a"),
         {"remote": None, "seniority": "senior"}),
        (_labelled({"remote": None, "seniority": None}, id="b"), {"remote": "remote", "seniority": "lead"}),
        (_labelled({"remote": "remote", "seniority": "senior"}, id="c"),
         {"remote": "hybrid", "seniority": "mid"}),
        (_labelled({"remote": "remote", "experience_years": {"min": 5, "max": None}}, id="d"),
         {"remote": "remote", "experience_years": None}),
    ]
    r = score(pairs)
    assert r["miss_kinds"]["remote"] == {"wrong": 1, "said": 1, "silent": 1}
    assert r["miss_kinds"]["seniority"] == {"wrong": 1, "said": 1, "silent": 0}
    assert r["miss_kinds"]["experience_years"] == {"wrong": 0, "said": 0, "silent": 1}
    assert r["miss_kinds"]["country"] == {"wrong": 0, "said": 0, "silent": 0}
    # labelled value -> said value -> postings, for the categorical fields only (None as null)
    assert r["confusion"]["remote"] == [[None, "remote", 1], ["hybrid", None, 1], ["remote", "hybrid", 1],
                                        ["remote", "remote", 1]]
    assert r["confusion"]["seniority"] == [[None, "lead", 1], ["senior", "mid", 1], ["senior", "senior", 1]]
    assert "salary" not in r["confusion"]


def test_the_combined_test_figure_publishes_its_misses_by_kind_and_its_cross_tables() -> None:
    pairs: list[tuple[dict[str, Any], dict[str, Any]]] = [
        (_labelled({"remote": "hybrid"}, id="a"), {"remote": None}),
        (_labelled({"remote": None}, id="b"), {"remote": "remote"}),
        (_labelled({"remote": "remote"}, id="c"), {"remote": "remote"}),
        (_labelled({"remote": "remote"}, id="d"), {"remote": "remote"}),
    ]
    result = with_intervals(score(pairs))
    result.update({"set": "real-test-all", "excluded": 0, "not_loadable": {"count": 0}, "by_language": {}})
    lines = markdown_report(result)
    text = "\n".join(lines)
    assert "| remote / hybrid / onsite | 2 | 0 | 1 | 1 |" in lines
    table = lines[lines.index("remote / hybrid / onsite: postings by their label (rows) and by what the code "
                              "says (columns)") + 2:]
    assert table[:5] == ["| labelled \\ said | remote | hybrid | null | total |",
                         "| --- | --- | --- | --- | --- |", "| remote | 2 | 0 | 0 | 2 |",
                         "| hybrid | 0 | 0 | 1 | 1 |", "| null | 1 | 0 | 0 | 1 |"]
    assert table[5] == "| total | 3 | 0 | 1 | 4 |"
    assert "share said / labelled: remote 75.0% / 50.0%, hybrid 0.0% / 25.0%, null 25.0% / 25.0%" in text
    # a single batch's block stays the scores alone
    result["set"] = "real-test-v2"
    assert not any("labelled \\ said" in line for line in markdown_report(result))
