"""The committed real-posting sample is exactly what the fixed-seed draws give; the test half never moves."""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

from etl.labelled_sample import (
    FRESH_BATCHES,
    FRESH_BESIDE,
    FRESH_FILE,
    READ_UNLABELLED,
    TEST_BATCHES,
    draw,
    draw_batches,
    draw_fresh,
    load_beside_read,
    load_candidates,
    load_fresh_batches,
    load_read_rows,
)
from etl.real_labels import load_real_labels

SAMPLE = Path(__file__).resolve().parents[1] / "etl/data/labelled/real/sample.jsonl"


def test_sample_is_the_seeded_draw(shared_datasets: Path) -> None:
    committed = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert draw(shared_datasets, per_dataset=85) == committed


def test_extending_the_draw_keeps_every_earlier_reference_and_split(shared_datasets: Path) -> None:
    # The sample grew from 40 to 60 records per dataset (issue 9, second labelling round), then to 70, 80, 84
    # and 85 (fresh tune batches to check that rules generalise): every earlier draw is a prefix of the later
    # one. (random.sample changes its method with the share drawn, so not every size is a prefix: 86 is not.)
    latest = draw(shared_datasets, per_dataset=85)
    for n in (40, 60, 70, 80, 84):
        assert [r for r in latest if r["order"] < n] == draw(shared_datasets, per_dataset=n)


def test_halves_are_stratified_by_source() -> None:
    rows = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    by_source: dict[str, list[str]] = {}
    for row in rows:
        by_source.setdefault(row["dataset"], []).append(row["split"])
    for splits in by_source.values():
        assert abs(splits.count("tune") - splits.count("test")) <= 1
    assert len({(r["dataset"], r["file"], r["record_no"]) for r in rows}) == len(rows)


FRESH = SAMPLE.with_name("sample-fresh.jsonl")
# The test half as frozen (issue 9): its drawn references and its labelled references (with whether each is
# excluded). A change here moves the yardstick; it is never made to fit the code (labelled README).
FROZEN_TEST_DRAW = (434, "d5f1be965a0cd994d2d97d5210bd1f38a0b379c1bcd7de63d5698068dd317596")
FROZEN_TEST_LABELS = (169, "e3909ec3e288873ad099bb4207c7365a08d174f327be02ea21ffaa8fb8ab3462")
# What the test half's labels say (language and `expected` of every scored posting), after the fixes of the
# second labelling, the eleventh-round rulings, the skills agreement sample and its ruling (2026-12-04) and
# the taxonomy catch-up (h9n, 2026-12-05: nine skills of names h9l added): a label changes only with a row in
# the labelled README's log of fixes.
FROZEN_TEST_EXPECTED = (163, "874af3381627fd260d46e9dfb129ec44c05a552eb7bf7e35ed8809c00ed84193")


def _digest(keys: Sequence[tuple[object, ...]]) -> tuple[int, str]:
    return len(keys), hashlib.sha256(json.dumps(sorted(keys)).encode()).hexdigest()


def test_the_test_half_keys_never_change() -> None:
    drawn = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    assert _digest([(r["dataset"], r["file"], r["record_no"], r["title_sha1"])
                    for r in drawn if r["split"] == "test"]) == FROZEN_TEST_DRAW
    labelled = [(lb["dataset"], lb["file"], lb["record_no"], lb["title_sha1"], "exclude" in lb)
                for lb in load_real_labels(split="test")]
    assert _digest(labelled) == FROZEN_TEST_LABELS


def test_the_test_half_labels_change_only_with_a_logged_fix() -> None:
    said = [(lb["dataset"], lb["file"], lb["record_no"], lb["language"],
             json.dumps(lb["expected"], sort_keys=True))
            for lb in load_real_labels(split="test") if "exclude" not in lb]
    assert _digest(said) == FROZEN_TEST_EXPECTED


def test_fresh_batches_are_the_seeded_draws(shared_datasets: Path) -> None:
    # The quotas of fresh_batches.yaml, read from the file here, reproduce every committed batch's draw
    # exactly (each beside the frozen sample and the batches before it, or those its `beside` names), batch by
    # batch.
    batches, beside = load_fresh_batches(FRESH_FILE)
    drawn = [json.loads(line) for line in SAMPLE.read_text(encoding="utf-8").splitlines()]
    committed = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines()]
    assert list(dict.fromkeys(r["batch"] for r in committed)) == list(batches)  # every batch, in draw order
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", batches)
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", beside)
        rows = draw_batches(shared_datasets, drawn)
    for seed in batches:
        assert [r for r in rows if r["batch"] == seed] == [r for r in committed if r["batch"] == seed], seed
    assert rows == committed


def test_fresh_batches_are_read_once_from_the_data_file(tmp_path: Path) -> None:
    assert load_fresh_batches(FRESH_FILE) == (FRESH_BATCHES, FRESH_BESIDE)
    assert FRESH_BATCHES["real-fresh-v6"][("linkedin-kaggle-postings-sample", "en")] == 7
    assert FRESH_BESIDE["real-fresh-v4"] == ("real-fresh-v1", "real-fresh-v2", "real-fresh-v3")
    # a draw reads the module's batches, never the file again
    (tmp_path / "board").mkdir()
    (tmp_path / "board" / "a.json").write_text(json.dumps([
        {"id": 1, "title": "Engineer", "description": "We build an invented tool in Python. " * 3}]))
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.load_fresh_batches", None)
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", {"one": {("board", "en"): 1}})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        assert [r["batch"] for r in draw_batches(tmp_path, [])] == ["one"]


GOOD_BATCH = "  - seed: a\n    quotas:\n      board: {en: 2}\n"


@pytest.mark.parametrize(("text", "says"), [
    ("batches: []\n", "a list 'batches'"),
    ("batches:\n" + GOOD_BATCH * 2, "a new, non-empty name"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    quotas:\n      board: {en: 0}\n", "no positive integer"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    quotas:\n      board: {en: '3'}\n", "no positive integer"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    quotas:\n      board: {en: 2.0}\n", "no positive integer"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    quotas: {}\n", "'quotas' maps"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    quota:\n      board: {en: 2}\n", "keys are seed"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    split: holdout\n    quotas:\n      board: {en: 2}\n",
     "'split' is tune"),
    # beside may name only batches listed before it: a later or unknown one could not be drawn first
    ("batches:\n  - seed: b\n    beside: [a]\n    quotas:\n      board: {en: 2}\n" + GOOD_BATCH,
     "'beside' names batches listed before it"),
    # a candidate list must be a committed file beside the batches, and never chooses a test batch's records
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    candidates: none.jsonl\n    quotas:\n"
     "      board: {en: 2}\n", "'candidates' names a .jsonl file of candidates/"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    candidates: ../x.jsonl\n    quotas:\n"
     "      board: {en: 2}\n", "'candidates' names a .jsonl file"),
    ("batches:\n" + GOOD_BATCH + "  - seed: b\n    split: test\n    candidates: silent.jsonl\n    quotas:\n"
     "      board: {en: 2}\n", "a test batch draws from the whole pool"),
])
def test_a_batches_file_that_could_not_reproduce_a_draw_is_refused(
    tmp_path: Path, text: str, says: str
) -> None:
    path = tmp_path / "fresh_batches.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=re.escape(says)):
        load_fresh_batches(path)


def test_a_batches_file_reads_quotas_per_dataset_and_language(tmp_path: Path) -> None:
    path = tmp_path / "fresh_batches.yaml"
    path.write_text("batches:\n" + GOOD_BATCH + "  - seed: b\n    beside: [a]\n    quotas:\n"
                    "      board: {en: 1, de: 3}\n      other: {pt: 4}\n", encoding="utf-8")
    assert load_fresh_batches(path) == (
        {"a": {("board", "en"): 2}, "b": {("board", "en"): 1, ("board", "de"): 3, ("other", "pt"): 4}},
        {"b": ("a",)},
    )


def _board_of_three(tmp_path: Path, ref_file: str | None = None) -> Path | None:
    """A dataset "board" of three invented postings, and a references file naming its record 2."""
    folder = tmp_path / "board"
    folder.mkdir()
    (folder / "a.json").write_text(json.dumps([
        {"id": i, "title": f"Engineer {i}", "description": f"We build invented tool {i} in Python. " * 3}
        for i in range(3)]), encoding="utf-8")
    if ref_file is None:
        return None
    refs = tmp_path / ref_file
    refs.write_text(json.dumps({"dataset": "board", "file": "a.json", "record_no": 2}) + "\n")
    return refs


def test_batches_drawn_side_by_side_keep_a_shared_record_once(tmp_path: Path) -> None:
    # Two batches drawn beside the same earlier ones may pick one record; the later batch leaves it out.
    _board_of_three(tmp_path)
    quotas = {("board", "en"): 3}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", {"one": quotas, "two": quotas})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {"two": ()})
        rows = draw_batches(tmp_path, [])
    assert [r["batch"] for r in rows] == ["one"] * 3  # "two" drew the same three and keeps none
    keys = [(r["file"], r["record_no"]) for r in rows]
    assert len(set(keys)) == 3


def test_fresh_batch_holds_new_tune_records_only() -> None:
    drawn = {(r["dataset"], r["file"], r["record_no"])
             for r in map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines())}
    fresh = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines()]
    keys = [(r["dataset"], r["file"], r["record_no"]) for r in fresh]
    assert len(set(keys)) == len(keys) and not set(keys) & drawn
    # tune records, but for the held-out test batches (split: test), whose records are all test records
    assert {r["split"] for r in fresh if r["batch"] not in TEST_BATCHES} == {"tune"}
    assert {r["split"] for r in fresh if r["batch"] in TEST_BATCHES} == {"test"}
    # stratified as each batch's quotas say (every stratum had enough records)
    for seed, quotas in FRESH_BATCHES.items():
        counts: dict[tuple[str, str], int] = {}
        for r in fresh:
            if r["batch"] == seed:
                counts[(r["dataset"], r["language"])] = counts.get((r["dataset"], r["language"]), 0) + 1
        if seed in FRESH_BESIDE:  # drawn side by side: the records an earlier batch holds are left out
            assert all(counts.get(k, 0) <= n for k, n in quotas.items()) and set(counts) <= set(quotas), seed
        else:
            assert counts == quotas, seed


# The held-out test batches (issue 9): their drawn references and their labels (language and `expected`),
# frozen as the test half's are; a change here moves a yardstick. real-test-v2: four records it drew were
# drawn at the same time by the tune batch real-fresh-v9 (another branch), which is listed before it in
# fresh_batches.yaml: they left its draw and its label file (46 of 50 remain). Labels changed since: one
# skill of a name the taxonomy gained later (h9n, 2026-12-05, logged in the labelled README).
# real-test-v3 (5 Dec, second session): drawn beside the three tune batches listed before it and the read
# list's first 882 rows.
TEST_DIGESTS = {
    "real-test-v2": ((46, "bf1c5b25260c5fd6efd237ee5647316ecc61da6660794b0e21af9f4c2afb9100"),
                     (46, "8993ffec00105d1b6b4efc0e83d2002428f06aa00570e679d29bce830d5d6ced")),
    # labels: 45, blind; h9r the 23 records drawn as not English, h9s the 22 English ones (5 Dec)
    "real-test-v3": ((45, "39ad84908066e163482a72a05132f01e7feae37dea7ad94d9e44b0b7ae4ddbc5"),
                     (45, "0182db31ae8b117ed430820502df753ceb0d5a14b06332d52102ba05a869845b")),
    # real-test-v4 (5 Dec, third session): drawn beside the three tune batches listed before it and the read
    # list's first 1079 rows. Labels: 42, blind; h9zd the 28 English records, h9ze the 14 German ones (5 Dec)
    "real-test-v4": ((42, "dea42d25763cae94606bda368ce56320380bdebeda94c0a1be6852f96dbec54c"),
                     (42, "6bb9b339cc7cbd0540214fc6ed4b346424fdd26138c1104b79eed677de733c06")),
    # real-test-v5 (5 Dec, fourth session): drawn beside the three tune batches listed before it and the read
    # list's first 1201 rows. Labels: 42, blind; h9zi the 28 English records, h9zj the 14 German ones (5 Dec)
    "real-test-v5": ((42, "44695787b14e083be9f4d3d3a6e4454c8032494770a3861e68ec92ed9a6fed8d"),
                     (42, "d4bd358cefd4d4724b9633f7d6d3d6e1153a4ef18e3551713da3087761c35245")),
    # real-test-v6 (5 Dec, fifth session): drawn beside the five tune batches listed before it and the read
    # list's first 1438 rows. Labels: 42, blind; h9zr the 28 English records, h9zs the 14 German ones (5 Dec).
    # Changed since: one skill a written reading gives (get in IT #297 + OOP, seventh session, logged in the
    # labelled README's "Labels fixed in the test half")
    "real-test-v6": ((42, "215d9b982ab8753cc1d59143cb4570fd33caf8cfc894455f708cee6761d418dd"),
                     (42, "b329d6f0f353e06369ebac0c139467e36b8c604793b07bda17ce19675c2d476d")),
    # real-test-v7 (5 Dec, sixth session): drawn beside the three tune batches listed before it and the read
    # list's first 1654 rows. Labels: 42, blind; hv7e the 28 English records, hv7d the 14 German ones (5 Dec)
    "real-test-v7": ((42, "eb38c080cd17d807911ac3e0218cd6c93995c2fa1311f8e0448d63777b15dbd3"),
                     (42, "654184fb7a1cf738119176fc9ea0ea10d8b6bdac2bac8689351276d47acc8c29")),
    # real-test-v8 (5 Dec, seventh session): drawn beside the three tune batches listed before it and the read
    # list's first 1865 rows. Labels: 42, blind; hv8e the 28 English records, hv8d the 14 German ones (5 Dec)
    "real-test-v8": ((42, "2832a337c41255b3255b3e007c5a85cd300880b63bba5044bf0e13230fd93f9b"),
                     (42, "74d1d31ce3e3b9a6968a6b4134f0ea3a34e287afd35658a8fc12c2894b706044")),
    # real-test-v9 (5 Dec, seventh session): drawn after the session's nine rounds merged, beside every batch
    # before it and the read list's first 2004 rows. Labels: 42, blind; hv9e the 28 English records, hv9d
    # the 14 German ones (5 Dec)
    "real-test-v9": ((42, "2ca7460f21ab418a6a0d8acc52fc13894d4c7b0bb639bf66791b66665a6d881f"),
                     (42, "e568a9ddafb706f8b74e03db44009b2db523be3c3baa0ecdc397c716066e573e")),
    # real-test-v10 (5 Dec, eighth session): drawn at the session's start, before any of its branches, beside
    # every batch before it and the read list's first 2004 rows. Labels: 42, blind; hv10e the 28 English
    # records, hv10d the 14 German ones (5 Dec)
    "real-test-v10": ((42, "27b7821dd76a4866304c20200371333452bfd47c24c8c365ac6f0eaf027d92c8"),
                      (42, "42873a059ac35102ef52b8ed1330c15918078dd8020b8553ce0b550048c480b2")),
    # real-test-v11 (5 Dec, ninth session): drawn at the session's start, before any of its branches, beside
    # every batch before it and the read list's first 2114 rows; English only (Hacker News 28, No Fluff
    # Jobs 14). Labels: 42 (one excluded), blind; hv11h the 28 Hacker News records, hv11n the 14 No Fluff Jobs
    # ones (5 Dec)
    "real-test-v11": ((42, "3ed379825b25a62df00ee85c80c56e4c809ff899ae4fd4c2f3d7b53a6e02a1d2"),
                      (42, "8950e16d0e1532edbf03fd27e8a8fff63f345215ea295472d7484d434b580eb8")),
    # real-test-v12 (6 Dec, tenth session): drawn at the session's start, before any of its branches, beside
    # every batch before it and the read list's first 2330 rows; English only (Hacker News 28, No Fluff
    # Jobs 12). Labels: 40 (two excluded), blind; hv12h the 28 Hacker News records, hv12n the 12 No Fluff
    # Jobs ones (6 Dec)
    "real-test-v12": ((40, "81ac3491a862c80e0fe5592021a1c26d5548fe3e22836699d079f70ee479e502"),
                      (40, "bcb41931367d4115499b74c55491e6fc6fb58d59afff3e266c42188c6f3d9030")),
    # real-test-v13 (6 Dec, twelfth session): drawn at the session's start, before any of its branches, beside
    # every batch before it and the read list's first 2408 rows; English only (Hacker News 28, No Fluff
    # Jobs 10). Labels: 38 (one excluded), blind; hv13h the 28 Hacker News records, hv13n the 10 No Fluff
    # Jobs ones (6 Dec)
    "real-test-v13": ((38, "8de5386c3a7226597009b5eb4b6a7a6f6de4776133160c4b59aa347ad850bafa"),
                      (38, "48742134b3b2912821cc459a9deec7a551927896ea8130ce18fb716cafb40b3f")),
    # real-test-v14 (6 Dec, thirteenth session): drawn at the session's start, before any of its branches,
    # beside every batch before it and the read list's first 2466 rows; Hacker News 24, get in IT 3 (2 en,
    # 1 de), Glassdoor 2, the LinkedIn sample 1, Arbeitnow 1 (de). Labels: 31, blind; hv14h the 24 Hacker
    # News records, hv14o the 7 of the other boards (one get in IT record drawn as English labelled German:
    # its description's language) (6 Dec)
    "real-test-v14": ((31, "a6fd1f17634af31837ccf47328661b8677395faf03f1ea6cb0d9bc2a1def11f2"),
                      (31, "41ff25430b762d049e54a1a9db7b682b72d99f3c61b790182c7551c829a47173")),
    # real-test-v15 (6 Dec, fourteenth session): drawn at the session's start, before any of its branches,
    # beside every batch before it and the read list's first 2507 rows; Hacker News 24, get in IT 2,
    # Glassdoor 1, the LinkedIn sample 1 (drawn as English). Labels: 28, blind, by hv15 (both get in IT
    # records labelled German: their descriptions' language) (6 Dec)
    "real-test-v15": ((28, "467d1958e64650fe49494d37ca978a41bfb9ada8fe96e1a3bf096841280ccb84"),
                      (28, "b336a7c0bb4bb09d23e9f9dc51681d071eff0d7a03ba59c1993fee7bf66aa696")),
    # real-test-v16 (6 Dec, fifteenth session): drawn at the session's start, before any of its branches,
    # beside every batch before it and the read list's first 2624 rows; Hacker News 21 (16 left). Labels:
    # 21, blind, by hv16 (6 Dec)
    "real-test-v16": ((21, "a9a06c85d685649165695c22f44b92d808775916ea2f03bd4336d319388efc20"),
                      (21, "958e042344b1421e705fc5f353187e33cc7c86a667351aaeb9a2bf7eb2358a35")),
    # real-test-v17 (6 Dec, sixteenth session): drawn at the session's start, before any of its branches,
    # beside every batch before it and the read list's first 2663 rows; Hacker News 15 (the pool's last).
    # Labels: 15, blind, by hv17 (6 Dec)
    "real-test-v17": ((15, "96104ef8aad6cf11744c27ca2d1be11871aeecdc14dc71127f0c468257fde82b"),
                      (15, "962ca6abd5171b7c8fe14c6a8efd89851dc936aa8b9d604cf251077080cbf582")),
}


def test_the_test_batches_are_the_listed_ones() -> None:
    assert tuple(TEST_DIGESTS) == TEST_BATCHES


@pytest.mark.parametrize("batch", list(TEST_DIGESTS))
def test_a_test_batch_is_held_out_and_frozen(batch: str) -> None:
    draw_digest, label_digest = TEST_DIGESTS[batch]
    fresh = [json.loads(line) for line in FRESH.read_text(encoding="utf-8").splitlines()]
    rows = [r for r in fresh if r["batch"] == batch]
    assert _digest([(r["dataset"], r["file"], r["record_no"], r["title_sha1"]) for r in rows]) == draw_digest
    labels = load_real_labels(batch=batch)
    said = [(lb["dataset"], lb["file"], lb["record_no"], lb.get("language"), lb.get("exclude"),
             json.dumps(lb.get("expected"), sort_keys=True)) for lb in labels]
    assert _digest(said) == label_digest
    refs = {(r["dataset"], r["file"], r["record_no"]) for r in rows}
    # never in the tune half (the skill check, the seniority and remote benches train or tune on it) ...
    tune = {(lb["dataset"], lb["file"], lb["record_no"]) for lb in load_real_labels(split="tune")}
    assert not tune & refs
    # ... nor in the frozen test half, whose digests above stay as they were
    assert len(load_real_labels(split="test")) == FROZEN_TEST_LABELS[0]
    # ... nor among the unlabelled records rounds read for misses
    read = {(r["dataset"], r["file"], r["record_no"])
            for r in map(json.loads, READ_UNLABELLED.read_text(encoding="utf-8").splitlines()) if r}
    assert not read & refs
    # and none of its records holds a remote-sentence label (the sentence model's training data)
    from etl.remote_labels import LABELS as SENTENCES

    held = {(s["dataset"], s["file"], s["record_no"])
            for path in (SENTENCES, SENTENCES.with_name("remote_sentences-v2.jsonl"))
            for s in map(json.loads, path.read_text(encoding="utf-8").splitlines()) if s}
    assert not held & refs


def test_a_tune_batch_with_a_candidate_list_draws_only_its_records(tmp_path: Path) -> None:
    # The list is frozen when made; a record outside it is never drawn, whatever the quota.
    _board_of_three(tmp_path)
    (tmp_path / "candidates").mkdir()
    (tmp_path / "candidates" / "silent.jsonl").write_text(
        json.dumps({"dataset": "board", "file": "a.json", "record_no": 2, "silent": ["seniority"]}) + "\n")
    batches = tmp_path / "fresh_batches.yaml"
    batches.write_text("batches:\n  - seed: s\n    candidates: silent.jsonl\n    quotas:\n"
                       "      board: {en: 3}\n", encoding="utf-8")
    only = load_candidates(batches)
    assert only == {"s": frozenset({("board", "a.json", 2)})}
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES",
                   {"s": {("board", "en"): 3}, "t": {("board", "en"): 3}})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        mp.setattr("etl.labelled_sample.CANDIDATES", only)
        rows = draw_batches(tmp_path, [])
    # "s" draws the one candidate; "t" (no list) draws the other two
    assert sorted((r["batch"], r["record_no"]) for r in rows) == [("s", 2), ("t", 1), ("t", 3)]


def test_the_committed_candidate_lists_hold_references_only() -> None:
    # Lists live beside the batches and carry no text of the shared files (labels by reference).
    for path in (FRESH_FILE.parent / "candidates").glob("*.jsonl"):
        for line in path.read_text(encoding="utf-8").splitlines():
            assert set(json.loads(line)) == {"dataset", "file", "record_no", "title_sha1", "silent"}, path


def test_a_test_batch_draws_test_records_beside_the_sentence_labels(tmp_path: Path) -> None:
    sentences = _board_of_three(tmp_path, "sentences.jsonl")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", {"t": {("board", "en"): 3}})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        mp.setattr("etl.labelled_sample.TEST_BATCHES", ("t",))
        mp.setattr("etl.labelled_sample.SENTENCE_LABELS", (sentences,))
        rows = draw_batches(tmp_path, [])
    assert sorted((r["record_no"], r["split"]) for r in rows) == [(1, "test"), (3, "test")]


def test_fresh_draw_skips_repeats_of_drawn_records(tmp_path: Path) -> None:
    # An ad re-listed in a later snapshot (same id, another footer) is not fresh, nor is a bot-check page.
    folder = tmp_path / "board"
    folder.mkdir()
    text = "We are hiring a backend engineer to build our payment services in Go and PostgreSQL. " * 3
    jobs = [{"id": "a1", "title": "Backend Engineer", "description": text + "Footer one"},
            {"id": "b2", "title": "Data Engineer", "description": "Pipelines with Spark and Airflow. " * 5},
            {"id": "c3", "title": "Roboter oder Mensch?", "description": ""}]
    (folder / "jobs_1.json").write_text(json.dumps({"jobs": jobs}))
    again = [{"id": "a1", "title": "Backend Engineer", "description": text + "Footer two"}]
    (folder / "jobs_2.json").write_text(json.dumps({"jobs": again}))
    drawn = [{"dataset": "board", "file": "jobs_1.json", "record_no": 1, "split": "test"}]
    fresh = draw_fresh(tmp_path, drawn, {("board", "en"): 5}, seed="t")
    assert [(r["file"], r["record_no"], r["split"]) for r in fresh] == [("jobs_1.json", 2, "tune")]


def test_a_later_test_batch_leaves_out_the_records_read_while_tuning(tmp_path: Path) -> None:
    # unlabelled records read for misses (etl/data/labelled/read-unlabelled.jsonl) are tuning data: a test
    # batch drawn after the list began must not draw them; real-test-v2, drawn before, is frozen as it was
    read = _board_of_three(tmp_path, "read.jsonl")
    empty = tmp_path / "none.jsonl"
    empty.write_text("")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", {"t": {("board", "en"): 3}})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        mp.setattr("etl.labelled_sample.TEST_BATCHES", ("t",))
        mp.setattr("etl.labelled_sample.SENTENCE_LABELS", (empty,))
        mp.setattr("etl.labelled_sample.READ_UNLABELLED", read)
        later = draw_batches(tmp_path, [])
        mp.setattr("etl.labelled_sample.DRAWN_BEFORE_READ_LIST", ("t",))
        before = draw_batches(tmp_path, [])
    assert sorted(r["record_no"] for r in later) == [1, 3]
    assert sorted(r["record_no"] for r in before) == [1, 2, 3]


def test_a_tune_batch_drawn_beside_the_read_list_leaves_its_records_out(tmp_path: Path) -> None:
    # `beside_read: true` (real-fresh-v23): a tune batch whose first score should be out of sample for every
    # rule leaves out the unlabelled records earlier rounds read for misses; other tune batches do not
    read = _board_of_three(tmp_path, "read.jsonl")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", {"t": {("board", "en"): 3}})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        mp.setattr("etl.labelled_sample.TEST_BATCHES", ())
        mp.setattr("etl.labelled_sample.READ_UNLABELLED", read)
        plain = draw_batches(tmp_path, [])
        mp.setattr("etl.labelled_sample.BESIDE_READ", ("t",))
        beside = draw_batches(tmp_path, [])
    assert sorted(r["record_no"] for r in plain) == [1, 2, 3]
    assert sorted(r["record_no"] for r in beside) == [1, 3]
    path = tmp_path / "fresh_batches.yaml"
    path.write_text("batches:\n" + GOOD_BATCH + "  - seed: b\n    beside_read: true\n    quotas:\n"
                    "      board: {en: 1}\n", encoding="utf-8")
    assert load_beside_read(path) == ("b",)
    path.write_text("batches:\n  - seed: b\n    beside_read: yes please\n    quotas:\n      board: {en: 1}\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="'beside_read' is true or false"):
        load_beside_read(path)


def test_no_test_record_was_read_while_tuning() -> None:

    read = {(r["dataset"], r["file"], r["record_no"])
            for r in map(json.loads, READ_UNLABELLED.read_text(encoding="utf-8").splitlines())}
    assert len(read) >= 400  # h9b's five draws (nineteenth round)
    rows = [*map(json.loads, SAMPLE.read_text(encoding="utf-8").splitlines()),
            *map(json.loads, FRESH.read_text(encoding="utf-8").splitlines())]
    tested = {(r["dataset"], r["file"], r["record_no"]) for r in rows if r["split"] == "test"}
    assert tested and not read & tested


def test_rows_read_after_a_batch_was_drawn_do_not_redraw_it(tmp_path: Path) -> None:
    # The read list only grows: a row appended after a `beside_read` batch was drawn would take a record out
    # of its pool and reshuffle it (the committed real-fresh-v23 did not reproduce once a later round listed
    # what it read). `read_rows: N` draws the batch beside the list's first N rows, as it was drawn.
    read = _board_of_three(tmp_path, "read.jsonl")
    assert read is not None
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", {"t": {("board", "en"): 3}})
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        mp.setattr("etl.labelled_sample.TEST_BATCHES", ())
        mp.setattr("etl.labelled_sample.READ_UNLABELLED", read)
        mp.setattr("etl.labelled_sample.BESIDE_READ", ("t",))
        mp.setattr("etl.labelled_sample.READ_ROWS", {"t": 1})
        drawn = draw_batches(tmp_path, [])
        with read.open("a", encoding="utf-8") as fh:  # a later round reads record 3
            fh.write(json.dumps({"dataset": "board", "file": "a.json", "record_no": 3}) + "\n")
        again = draw_batches(tmp_path, [])
        mp.setattr("etl.labelled_sample.READ_ROWS", {})
        whole = draw_batches(tmp_path, [])
    assert again == drawn and sorted(r["record_no"] for r in drawn) == [1, 3]
    assert sorted(r["record_no"] for r in whole) == [1]
    path = tmp_path / "fresh_batches.yaml"
    path.write_text("batches:\n" + GOOD_BATCH + "  - seed: b\n    beside_read: true\n    read_rows: 2\n"
                    "    quotas:\n      board: {en: 1}\n", encoding="utf-8")
    assert load_read_rows(path) == {"b": 2}
    path.write_text("batches:\n  - seed: b\n    read_rows: many\n    quotas:\n      board: {en: 1}\n",
                    encoding="utf-8")
    with pytest.raises(ValueError, match="'read_rows' is a whole number"):
        load_read_rows(path)


def test_batches_drawn_together_read_each_file_once_and_draw_as_apart(tmp_path: Path) -> None:
    # draw_batches read every file again for each of some fifty batches (35 CPU-s of this file); each file
    # is read once now, and the batches are those each batch's own draw_fresh makes.
    import etl.labelled_sample as ls

    _board_of_three(tmp_path)
    batches = {"one": {("board", "en"): 1}, "two": {("board", "en"): 1}}
    read: list[str] = []
    real = ls.records

    def records(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
        read.append(path.name)
        return real(path)

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr("etl.labelled_sample.FRESH_BATCHES", batches)
        mp.setattr("etl.labelled_sample.FRESH_BESIDE", {})
        mp.setattr("etl.labelled_sample.records", records)
        rows = draw_batches(tmp_path, [])
    assert read == ["a.json"]
    one = draw_fresh(tmp_path, [], batches["one"], "one")
    assert rows == one + draw_fresh(tmp_path, one, batches["two"], "two")
    assert len({r["record_no"] for r in rows}) == 2
