"""The real-posting evaluator: labels by reference, read through the load's adapters, scored per language.

The fixture (tests/fixtures/real_eval) is written for these tests: a Greenhouse-format board with five
records (one German, one talent-pool call labelled as excluded, one the reader rejects) and a truncated
export no reader can read. Record 1's city is labelled "Dallas" on purpose (the posting says Austin) so
the tune half has one known miss; the test half's labels are right.
"""

from __future__ import annotations

import functools
import json
import shutil
from contextlib import AbstractContextManager
from pathlib import Path
from typing import Any

import pytest
from conftest import SHARED, SHARED_ABSENT

from etl.cli import main
from etl.evaluate import MD_BEGIN, MD_END, evaluate_set, markdown_report, set_rows, stored_scores, wilson
from etl.labelled_sample import TEST_BATCHES
from etl.normalize.skills import TAXONOMY_PATH
from etl.real_labels import (
    PARTIAL_BATCHES,
    FileReads,
    load_real_labels,
    load_sample,
    ref_of,
    resolve,
    shared_reads,
)
from etl.record import SourceError
from etl.yaml_data import load_yaml

FIXTURE = Path(__file__).resolve().parent / "fixtures" / "real_eval"
DATASETS, LABELS = FIXTURE / "datasets", FIXTURE / "labels"
REAL_ARGS = ["--datasets", str(DATASETS), "--real-labels", str(LABELS)]


def test_wilson_interval_by_hand() -> None:
    assert wilson(0, 0) is None
    lo, hi = wilson(19, 20)  # type: ignore[misc]
    assert lo == pytest.approx(0.7639, abs=1e-4) and hi == pytest.approx(0.9911, abs=1e-4)
    lo, hi = wilson(10, 10)  # type: ignore[misc]
    assert hi == pytest.approx(1.0) and lo == pytest.approx(0.7225, abs=1e-4)
    lo, hi = wilson(0, 5)  # type: ignore[misc]
    assert lo == 0.0 and hi == pytest.approx(0.4345, abs=1e-4)


def test_tune_half_accounts_for_every_label() -> None:
    r = evaluate_set("real-tune", DATASETS, LABELS)
    assert (r["labelled"], r["postings"], r["excluded"], r["not_loadable"]["count"]) == (4, 1, 1, 2)
    by_dataset = r["not_loadable"]["by_dataset"]
    assert by_dataset["board"]["reasons"] == {
        "rejected by the greenhouse reader: missing title and description": 1
    }
    (reason,) = by_dataset["odd"]["reasons"]
    assert reason.startswith("broken.json: ")
    # The one scored posting went through the Greenhouse adapter: the HTML is cleaned, Austin is found.
    assert r["fields"]["city"] == {"correct": 0, "labelled": 1, "accuracy": 0.0, "ci": wilson(0, 1)}
    assert r["fields"]["region"]["correct"] == 1 and r["fields"]["remote"]["correct"] == 1
    assert r["errors"]["city"] == [{"id": "board/jobs.json#1", "expected": "Dallas", "got": "Austin",
                                    "title": "Senior Python Engineer"}]
    assert list(r["by_language"]) == ["en"] and r["by_language"]["en"]["postings"] == 1


def test_test_half_is_scored_per_language_and_carries_no_misses() -> None:
    r = evaluate_set("real-test", DATASETS, LABELS)
    assert r["postings"] == 2 and r["not_loadable"]["count"] == 0
    assert "errors" not in r
    assert sorted(r["by_language"]) == ["de", "en"]
    for part in r["by_language"].values():
        assert part["postings"] == 1 and "errors" not in part
    s = r["fields"]["experience_years"]
    lo, hi = s["ci"]
    assert s["labelled"] == 2 and lo <= s["accuracy"] <= hi


def test_test_half_is_scored_per_source_and_carries_no_misses(capsys: pytest.CaptureFixture[str]) -> None:
    # Scores by source tell where to draw the next labels from without reading a held-out miss.
    r = evaluate_set("real-test", DATASETS, LABELS)
    assert list(r["by_source"]) == ["board"]
    part = r["by_source"]["board"]
    assert part["postings"] == 2 and "errors" not in part
    assert part["fields"]["experience_years"]["labelled"] == 2
    tune = evaluate_set("real-tune", DATASETS, LABELS)
    assert list(tune["by_source"]) == ["board"] and "errors" not in tune["by_source"]["board"]
    assert main(["evaluate", *REAL_ARGS, "--set", "real-test"]) == 0
    lines = capsys.readouterr().out.splitlines()
    title = lines.index("real-test by source (the dataset; postings in brackets)")
    header = next(line for line in lines[title:] if line.startswith("metric"))
    assert header.split()[1:4] == ["all", "board", "(2)"]
    # the Markdown (docs/methodology.md) carries a table per source once a set has two of them
    assert not any(line.startswith("By source") for line in markdown_report(r))
    r["by_source"]["other"] = r["by_source"]["board"]
    md = markdown_report(r)
    assert "| field | board (2) | other (2) |" in md
    table = md[md.index("| field | board (2) | other (2) |"):]
    assert any(line.startswith("| experience (years) | 1.000 (") for line in table)


def test_misses_are_refused_for_the_test_half(capsys: pytest.CaptureFixture[str]) -> None:
    for args in (["--set", "real-test", "--errors", "5"], ["--errors", "5"]):
        assert main(["evaluate", *REAL_ARGS, *args]) == 2
        captured = capsys.readouterr()
        assert captured.out == ""
        assert "never read for misses" in captured.err and captured.err.count("\n") == 1
    assert main(["evaluate", *REAL_ARGS, "--set", "real-test", "--json"]) == 0
    out = capsys.readouterr().out
    assert "jobs.json#" not in out and "Backend-Entwickler" not in out and "Data Engineer" not in out
    assert "errors" not in json.loads(out.strip().splitlines()[-1])


def test_tune_misses_are_printed(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", *REAL_ARGS, "--set", "real-tune", "--errors", "5"]) == 0
    out = capsys.readouterr().out
    assert 'board/jobs.json#1: expected "Dallas" got "Austin"' in out
    assert "not loadable: board: 1: rejected by the greenhouse reader" in out


def test_default_prints_all_sets_side_by_side(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["evaluate", *REAL_ARGS, "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    header = next(line for line in lines if line.startswith("metric"))
    assert header.split()[1:4] == ["synthetic", "real-tune", "real-test"]
    assert any(line.startswith("real-test by language") for line in lines)
    assert "real-tune: 4 labels = 1 scored + 1 excluded + 2 not loadable" in lines
    figures = json.loads(lines[-1])
    assert set(figures) == {"synthetic", "real-tune", "real-test"}
    assert not any("errors" in f for f in figures.values())


def test_markdown_tables_per_field_and_language(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert main(["evaluate", *REAL_ARGS, "--set", "real-test", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Set `real-test`: 2 postings scored (1 de, 1 en), 0 excluded, 0 not loadable.")
    assert "| field | score (95% interval), n | target |" in out and "| salary | " in out
    assert "| field | de (1) | en (1) |" in out
    assert "jobs.json#" not in out  # scores only, never a posting
    # with a file, only the generated block is replaced; the prose around it stays
    doc = tmp_path / "m.md"
    begin = ("<!-- accuracy:begin (generated by `python -m etl evaluate --set real-test --markdown FILE`; "
             "do not edit) -->")
    doc.write_text(f"# Title\n\n{begin}\nold table\n<!-- accuracy:end -->\n\nAfter.\n", encoding="utf-8")
    assert main(["evaluate", *REAL_ARGS, "--set", "real-test", "--markdown", str(doc)]) == 0
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Title\n\n" + begin + "\nSet `real-test`: 2 postings") and text.endswith(
        "<!-- accuracy:end -->\n\nAfter.\n")
    assert "old table" not in text
    capsys.readouterr()
    (tmp_path / "plain.md").write_text("no block\n", encoding="utf-8")
    assert main(["evaluate", *REAL_ARGS, "--set", "real-test", "--markdown", str(tmp_path / "plain.md")]) == 2
    assert "no generated block" in capsys.readouterr().err
    assert main(["evaluate", *REAL_ARGS, "--markdown"]) == 2  # one set only


class _SharedSets:
    """``evaluate_set`` on ../shared/datasets, each set scored once for this module's tests and every file
    read once for all of them (etl.real_labels.shared_reads): each set re-read the same exports, which was
    most of these tests' time."""

    def __init__(self, datasets: Path) -> None:
        self.datasets = datasets
        self._reads: FileReads = {}
        self._scores: dict[str, dict[str, Any]] = {}

    def reads(self) -> AbstractContextManager[None]:
        return shared_reads(self._reads)

    def score(self, name: str) -> dict[str, Any]:
        if name not in self._scores:
            with self.reads():
                self._scores[name] = evaluate_set(name, self.datasets)
        return self._scores[name]


@pytest.fixture(scope="module")
def shared_sets() -> _SharedSets:
    datasets = SHARED / "datasets"
    if not datasets.is_dir():
        pytest.skip(SHARED_ABSENT)
    return _SharedSets(datasets)


def test_published_test_half_scores_are_todays(shared_sets: _SharedSets) -> None:
    """docs/methodology.md and the saved scores every load copies into the warehouse (the Data page) hold
    today's test-half scores. After a rule change run `python -m etl evaluate --set real-test --markdown
    docs/methodology.md` (also with each test batch, `--set real-test-v2`, and `--set real-test-all`) and
    `python -m etl evaluate --save`."""
    doc = (Path(__file__).resolve().parents[1] / "docs" / "methodology.md").read_text(encoding="utf-8")
    # every held-out test batch and the combined figure too (`--set real-test-v2` / `real-test-all`, as above)
    for name in ("real-test", *TEST_BATCHES, "real-test-all"):
        result = shared_sets.score(name)
        block = doc.split(MD_BEGIN.format(set=name), 1)[1].split(MD_END, 1)[0].strip("\n")
        assert block.splitlines() == markdown_report(result), name
        saved = [r for r in stored_scores() if r["labelled_set"] == name]
        assert saved == set_rows(result), name
        assert {r["language"] for r in saved} == {None, *result["by_language"]}, name


def test_missing_datasets_folder_makes_every_posting_not_loadable(tmp_path: Path) -> None:
    r = evaluate_set("real-test", tmp_path / "absent", LABELS)
    assert r["postings"] == 0 and r["not_loadable"]["count"] == 2


def _copy_labels(tmp_path: Path) -> Path:
    labels = tmp_path / "labels"
    shutil.copytree(LABELS, labels)
    return labels


def test_a_label_cannot_change_its_half_or_escape_its_folder(tmp_path: Path) -> None:
    labels = _copy_labels(tmp_path)
    board = labels / "board.jsonl"
    rows = [json.loads(line) for line in board.read_text().splitlines()]
    rows[1]["split"] = "tune"  # drawn into the test half
    board.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(SourceError, match=r"the draw put board/jobs\.json#2 in 'test'"):
        load_real_labels(labels)
    rows[1]["split"] = "test"
    rows[0]["file"] = "../odd/broken.json"
    board.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(SourceError, match="plain file or folder name"):
        load_real_labels(labels)
    rows[0]["file"] = "jobs.json"
    del rows[0]["language"]
    board.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(SourceError, match="ISO 639-1"):
        load_real_labels(labels)
    (labels / "again.jsonl").write_text(json.dumps(rows[2]) + "\n")
    rows[0]["language"] = "en"
    board.write_text("".join(json.dumps(r) + "\n" for r in rows))
    with pytest.raises(SourceError, match="labelled twice"):
        load_real_labels(labels)


def test_a_changed_record_is_not_scored(tmp_path: Path) -> None:
    datasets = tmp_path / "datasets"
    shutil.copytree(DATASETS, datasets)
    jobs = datasets / "board" / "jobs.json"
    jobs.write_text(jobs.read_text().replace("Senior Python Engineer", "Staff Python Engineer"))
    labels = [
        lb for lb in load_real_labels(LABELS, "tune") if lb["dataset"] == "board" and lb["record_no"] == 1
    ]
    (r,) = resolve(labels, datasets)
    assert r.item is None and r.reason == "the record changed since the draw (title hash differs)"


@functools.cache
def _implies() -> dict[str, tuple[str, ...]]:
    # read once: parsed for each of the ~2,300 labels it took about 75 CPU-s, most of this file's time
    with open(TAXONOMY_PATH, encoding="utf-8") as fh:
        return {d["name"]: tuple(d.get("implies", ())) for d in load_yaml(fh)["skills"]}


def implied(skills: list[str]) -> set[str]:
    """What the taxonomy's ``implies`` adds to labelled skills."""
    implies = _implies()
    return {i for s in skills for i in implies.get(s, ())}


def test_committed_real_labels_are_well_formed() -> None:
    labels = load_real_labels()  # validates every line against the draw
    sample = load_sample()
    assert len(sample) >= 300
    seniorities = {"junior", "mid", "senior", "staff", "principal", "lead", "manager", "unspecified"}
    for lb in labels:
        if "exclude" in lb:
            continue
        e, where = lb["expected"], f"{lb['dataset']}#{lb['record_no']}"
        partial = PARTIAL_BATCHES.get(str(sample[ref_of(lb)].get("batch")))
        if partial is not None:  # a batch drawn to measure some fields only (v4: skills; v7: levels, places)
            assert set(e) == set(partial), where
        else:
            assert {"skills", "salary", "experience_years", "seniority", "remote", "country", "region",
                    "degree"} <= set(e), where
        # every field a label holds is checked, in a partial batch too
        assert e.get("skills", []) == sorted(e.get("skills", [])), where
        # a longer name counts for what the taxonomy's implies lists (BigQuery -> GCP; labelling rules)
        assert implied(e.get("skills", [])) <= set(e.get("skills", [])), where
        assert e.get("seniority", "unspecified") in seniorities, where
        assert e.get("remote") in {"remote", "hybrid", "onsite", None}, where
        assert e.get("degree") in {"bachelor", "master", "phd", None}, where
        if e.get("salary") is not None:
            assert set(e["salary"]) == {"min", "max", "currency", "period"}, where
            assert e["salary"]["period"] in {"hour", "day", "week", "month", "year"}, where
        years = e.get("experience_years")
        if years is not None:
            assert set(years) == {"min", "max"}, where
            assert years["max"] is None or years["min"] <= years["max"], where
        if e.get("region") is not None:
            # a batch labelling the region without the country (real-fresh-v79) holds an ISO 3166-2 code
            country = e["country"] if "country" in e else e["region"][:2]
            assert country and e["region"].startswith(country + "-") and country.isupper(), where
        if e.get("country") is not None:
            assert len(e["country"]) == 2 and e["country"].isupper(), where


def test_committed_real_labels_resolve_in_shared(shared_datasets: Path, shared_sets: _SharedSets) -> None:
    """Every committed label points at the record it was drawn from; each one is loaded or has a reason."""
    for split in ("tune", "test"):
        labels = [lb for lb in load_real_labels(split=split) if "exclude" not in lb]
        with shared_sets.reads():
            resolved = resolve(labels, shared_datasets)
        assert len(resolved) == len(labels)
        for r in resolved:
            assert (r.item is None) != (r.reason is None), r.ref
            assert r.reason != "the record changed since the draw (title hash differs)", r.ref
        result = shared_sets.score(f"real-{split}")
        assert result["labelled"] == result["postings"] + result["excluded"] + result["not_loadable"]["count"]


def test_save_keeps_the_other_sets_rows_and_refuses_the_tune_half(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    import etl.evaluate as ev

    scores = tmp_path / "scores.json"
    synthetic = {"labelled_set": "synthetic", "language": None, "position": 0, "metric": "seniority",
                 "value": 1.0, "n": 3, "ci_low": 0.4, "ci_high": 1.0, "target": 0.95, "meets_target": True,
                 "postings": 3}
    scores.write_text(json.dumps([synthetic]), encoding="utf-8")
    monkeypatch.setattr(ev, "SCORES", scores)
    assert main(["evaluate", *REAL_ARGS, "--set", "real-test", "--save"]) == 0
    rows = json.loads(scores.read_text(encoding="utf-8"))
    assert rows[0] == synthetic  # the synthetic set's rows stay as they were
    real = rows[1:]
    assert {r["labelled_set"] for r in real} == {"real-test"}
    assert [r["language"] for r in real if r["metric"] == "seniority"] == [None, "de", "en"]
    assert [r["position"] for r in real] == list(range(len(real)))
    assert all(r["postings"] == 1 for r in real if r["language"]) and real[0]["postings"] == 2
    capsys.readouterr()
    assert main(["evaluate", *REAL_ARGS, "--set", "real-tune", "--save"]) == 2
    assert "--save stores the scores of synthetic and real-test" in capsys.readouterr().err


def test_a_fresh_batch_adds_tune_records_only(tmp_path: Path) -> None:
    labels = _copy_labels(tmp_path)
    drawn = [json.loads(line) for line in (labels / "sample.jsonl").read_text().splitlines()]
    fresh = labels / "sample-fresh.jsonl"
    fresh.write_text(json.dumps(dict(drawn[0], split="tune")) + "\n")
    with pytest.raises(SourceError, match="was drawn before"):
        load_real_labels(labels)
    fresh.write_text(json.dumps(dict(drawn[0], record_no=99, split="test")) + "\n")
    with pytest.raises(SourceError, match="tune records only"):
        load_real_labels(labels)
    fresh.write_text(json.dumps(dict(drawn[0], record_no=99, split="tune")) + "\n")
    assert len(load_sample(labels)) == len(drawn) + 1
    assert len(load_real_labels(labels)) == len(load_real_labels(LABELS))  # the draw file is not a label file


def test_one_fresh_batch_is_scored_alone_and_read_for_misses(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A fresh batch scored before any rule is changed on it is an out-of-sample figure: it must be
    # scorable on its own (`--set real-fresh-...`), beside the whole tune half it belongs to.
    labels = _copy_labels(tmp_path)
    drawn = [json.loads(line) for line in (labels / "sample.jsonl").read_text().splitlines()]
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in drawn[1:]))
    (labels / "sample-fresh.jsonl").write_text(json.dumps(dict(drawn[0], batch="real-fresh-t")) + "\n")
    r = evaluate_set("real-fresh-t", DATASETS, labels)
    assert (r["set"], r["labelled"], r["postings"]) == ("real-fresh-t", 1, 1)
    assert r["errors"]["city"][0]["id"] == "board/jobs.json#1"
    assert evaluate_set("real-tune", DATASETS, labels)["labelled"] == 4  # the batch is still in the tune half
    args = ["--datasets", str(DATASETS), "--real-labels", str(labels)]
    assert main(["evaluate", *args, "--set", "real-fresh-t", "--errors", "3"]) == 0
    assert 'board/jobs.json#1: expected "Dallas" got "Austin"' in capsys.readouterr().out
    with pytest.raises(SourceError, match="no fresh batch 'real-fresh-x'"):
        evaluate_set("real-fresh-x", DATASETS, labels)


def test_a_partial_batch_labels_its_fields_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch drawn to measure skills (real-fresh-v4) labels skills only; a label of it with another field,
    # or without skills, is refused, so a full label is never mistaken for a partial one.
    import etl.real_labels as rl

    labels = _copy_labels(tmp_path)
    drawn = [json.loads(line) for line in (labels / "sample.jsonl").read_text().splitlines()]
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in drawn[1:]))
    (labels / "sample-fresh.jsonl").write_text(json.dumps(dict(drawn[0], batch="real-fresh-p")) + "\n")
    monkeypatch.setitem(rl.PARTIAL_BATCHES, "real-fresh-p", ("skills",))
    with pytest.raises(SourceError, match="labels skills only"):
        load_real_labels(labels)  # the copied label holds every field
    for path in labels.glob("*.jsonl"):
        if path.name in ("sample.jsonl", "sample-fresh.jsonl"):
            continue
        rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
        for row in rows:
            if (row["dataset"], row["file"], row["record_no"]) == (drawn[0]["dataset"], drawn[0]["file"],
                                                                   drawn[0]["record_no"]):
                row["expected"] = {"skills": sorted(row["expected"]["skills"])}
        path.write_text("".join(json.dumps(r) + "\n" for r in rows))
    r = evaluate_set("real-fresh-p", DATASETS, labels)
    assert r["postings"] == 1  # scored on the fields it labels


def test_a_partial_batch_may_label_several_fields(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A batch drawn to measure levels, work arrangement, years and places (real-fresh-v7) labels exactly those
    # five fields: a label that leaves one out is refused (it would be scored on four and look complete), and
    # the batch is scored on those five only - skills, salary and degree count no posting of it.
    import etl.real_labels as rl

    fields = ("seniority", "remote", "experience_years", "country", "region")
    labels = _copy_labels(tmp_path)
    drawn = [json.loads(line) for line in (labels / "sample.jsonl").read_text().splitlines()]
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in drawn[1:]))
    (labels / "sample-fresh.jsonl").write_text(json.dumps(dict(drawn[0], batch="real-fresh-q")) + "\n")
    monkeypatch.setitem(rl.PARTIAL_BATCHES, "real-fresh-q", fields)
    key = (drawn[0]["dataset"], drawn[0]["file"], drawn[0]["record_no"])

    full: dict[str, object] = {}

    def keep(names: tuple[str, ...]) -> None:
        for path in labels.glob("*.jsonl"):
            if path.name in ("sample.jsonl", "sample-fresh.jsonl"):
                continue
            rows = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
            for row in rows:
                if (row["dataset"], row["file"], row["record_no"]) == key:
                    full.update(row["expected"] if not full else {})
                    row["expected"] = {k: full[k] for k in names}
            path.write_text("".join(json.dumps(r) + "\n" for r in rows))

    with pytest.raises(SourceError, match="labels seniority, remote, experience_years, country, region only"):
        load_real_labels(labels)  # the copied label holds every field
    keep(fields[:-1])
    with pytest.raises(SourceError, match="exactly these keys"):
        load_real_labels(labels)  # region left out
    keep(fields)
    r = evaluate_set("real-fresh-q", DATASETS, labels)
    assert r["postings"] == 1
    scored = {f: s["labelled"] for f, s in r["fields"].items()}
    assert scored == {"salary": 0, "experience_years": 1, "seniority": 1, "remote": 1, "country": 1,
                      "region": 1, "city": 0, "degree": 0}
    assert r["skills"]["postings"] == 0


def _with_test_batch(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The fixture with its German test record moved from the frozen draw into a held-out test batch."""
    import etl.labelled_sample as ls
    import etl.real_labels as rl

    monkeypatch.setattr(ls, "TEST_BATCHES", ("real-test-t",))
    monkeypatch.setattr(rl, "TEST_BATCHES", ("real-test-t",))
    labels = _copy_labels(tmp_path)
    drawn = [json.loads(line) for line in (labels / "sample.jsonl").read_text().splitlines()]
    german = next(r for r in drawn if r["record_no"] == 2)
    (labels / "sample.jsonl").write_text("".join(json.dumps(r) + "\n" for r in drawn if r is not german))
    (labels / "sample-fresh.jsonl").write_text(json.dumps(dict(german, batch="real-test-t")) + "\n")
    return labels


def test_a_test_batch_is_scored_apart_from_the_test_half_and_never_read_for_misses(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # Issue 9: a second, held-out test batch enlarges the honest yardstick. It is scored alone, and with the
    # frozen test half as real-test-all, and carries no misses anywhere; the test half itself does not move.
    labels = _with_test_batch(tmp_path, monkeypatch)
    batch = evaluate_set("real-test-t", DATASETS, labels)
    assert (batch["set"], batch["labelled"], batch["postings"]) == ("real-test-t", 1, 1)
    assert "errors" not in batch and list(batch["by_language"]) == ["de"]
    half = evaluate_set("real-test", DATASETS, labels)
    assert (half["labelled"], half["postings"], list(half["by_language"])) == (1, 1, ["en"])
    both = evaluate_set("real-test-all", DATASETS, labels)
    assert (both["set"], both["labelled"], both["postings"]) == ("real-test-all", 2, 2)
    assert sorted(both["by_language"]) == ["de", "en"] and "errors" not in both
    assert all("errors" not in part for part in both["by_language"].values())
    assert evaluate_set("real-tune", DATASETS, labels)["labelled"] == 4  # never in the tune half
    args = ["--datasets", str(DATASETS), "--real-labels", str(labels)]
    for name in ("real-test-t", "real-test-all"):
        assert main(["evaluate", *args, "--set", name, "--errors", "3"]) == 2
        captured = capsys.readouterr()
        assert captured.out == "" and "never read for misses" in captured.err
        assert main(["evaluate", *args, "--set", name, "--json"]) == 0
        out = capsys.readouterr().out
        assert "jobs.json#" not in out and "Backend-Entwickler" not in out
        assert "errors" not in json.loads(out.strip().splitlines()[-1])
    # every set side by side: the batch and the combined figure after the three sets
    assert main(["evaluate", *args, "--json"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    header = next(line for line in lines if line.startswith("metric"))
    assert header.split()[1:6] == ["synthetic", "real-tune", "real-test", "real-test-t", "real-test-all"]
    assert any(line.startswith("real-test-all by language") for line in lines)
    figures = json.loads(lines[-1])
    assert set(figures) == {"synthetic", "real-tune", "real-test", "real-test-t", "real-test-all"}
    assert not any("errors" in f for f in figures.values())
    assert main(["evaluate", *args, "--set", "real-test-all", "--markdown"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Set `real-test-all`: 2 postings scored (1 de, 1 en), 0 excluded")


def test_a_test_batch_holds_test_records_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    labels = _with_test_batch(tmp_path, monkeypatch)
    fresh = labels / "sample-fresh.jsonl"
    row = json.loads(fresh.read_text())
    fresh.write_text(json.dumps(dict(row, split="tune")) + "\n")
    with pytest.raises(SourceError, match="holds test records only"):
        load_real_labels(labels)
    with pytest.raises(SourceError, match=r"unknown set 'real-test-x'.*real-test-all"):
        evaluate_set("real-test-x", DATASETS, labels)


def test_the_skill_check_never_trains_on_a_test_batch(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from etl.skill_judge_train import collect

    labels = _with_test_batch(tmp_path, monkeypatch)
    keys = {p.key for p in collect(DATASETS, labels)}
    assert keys == {"board/jobs.json#1"}  # the one loadable tune posting; not the test batch's board #2
    assert "board/jobs.json#2" in {str(ref_of(lb)) for lb in load_real_labels(labels, batch="real-test-t")}


def test_saved_scores_carry_the_test_batch_and_the_combined_figure(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import etl.evaluate as ev

    labels = _with_test_batch(tmp_path, monkeypatch)
    scores = tmp_path / "scores.json"
    monkeypatch.setattr(ev, "SCORES", scores)
    args = ["--datasets", str(DATASETS), "--real-labels", str(labels)]
    assert main(["evaluate", *args, "--set", "real-test", "--save"]) == 0
    assert main(["evaluate", *args, "--set", "real-test-all", "--save"]) == 0
    rows = json.loads(scores.read_text(encoding="utf-8"))
    assert list(dict.fromkeys(r["labelled_set"] for r in rows)) == ["real-test", "real-test-all"]
    combined = [r for r in rows if r["labelled_set"] == "real-test-all"]
    assert [r["language"] for r in combined if r["metric"] == "seniority"] == [None, "de", "en"]
    assert combined[0]["postings"] == 2


def test_shared_reads_read_each_file_once_and_score_as_separate_reads(
        monkeypatch: pytest.MonkeyPatch) -> None:
    # Scoring every set side by side re-read the same exports for each set; inside shared_reads() each file
    # is read once and every result, the not-loadable reasons of an unreadable file included, is the same.
    import etl.real_labels as rl

    names = ("real-tune", "real-test", "real-tune")
    apart = [evaluate_set(name, DATASETS, LABELS) for name in names]
    reads: list[str] = []
    real_read, real_records = rl.sources.read, rl.records

    def read(path: Path, *args: Any) -> Any:
        reads.append(f"read {path.name}")
        return real_read(path, *args)

    def records(path: Path) -> Any:
        reads.append(f"records {path.name}")
        return real_records(path)

    monkeypatch.setattr(rl.sources, "read", read)
    monkeypatch.setattr(rl, "records", records)
    assert rl._SHARED is None  # no block open around this test
    with shared_reads():
        with shared_reads():  # nested: the outer block's reads
            together = [evaluate_set(name, DATASETS, LABELS) for name in names]
        assert rl._SHARED
    assert rl._SHARED is None  # dropped at the end of the outermost block
    assert together == apart
    assert sorted(reads) == sorted(set(reads))  # each file once
    assert "read jobs.json" in reads and "records broken.json" in reads
