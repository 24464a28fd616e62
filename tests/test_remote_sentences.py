"""The candidate sentences of the work arrangement (etl/normalize/remote_sentences.py) and the hand labels
that point at them (etl/data/labelled/remote_sentences.jsonl). Wording invented."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from etl import remote_labels
from etl.normalize.remote_sentences import MAX_CHARS, candidate_sentences, cues, digest


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # one cue sentence among others, in English
        ("We build maps. The role is fully remote. You like Go.", ["The role is fully remote."]),
        # lines are sentences; a line without a cue is not a candidate
        ("Perks:\n- Two home office days\n- Free fruit", ["- Two home office days"]),
        # German, French, Portuguese, Spanish, Polish cues
        ("Wir bieten 2 Tage Homeoffice pro Woche.", ["Wir bieten 2 Tage Homeoffice pro Woche."]),
        ("Télétravail partiel possible. Salaire selon profil.", ["Télétravail partiel possible."]),
        ("Modelo de trabalho: híbrido em Recife.", ["Modelo de trabalho: híbrido em Recife."]),
        ("Puesto 100% presencial en Sevilla.", ["Puesto 100% presencial en Sevilla."]),
        ("Praca zdalna lub w biurze.", ["Praca zdalna lub w biurze."]),
        # a Hacker News header: each cell is a sentence
        ("Acme | Backend Engineer | Leeds | ONSITE | Full-time", ["ONSITE"]),
        # cues of a benefit or a product are candidates too (the model, not the finder, says "none")
        ("A gym in the office. Hybrid cloud tools.", ["A gym in the office.", "Hybrid cloud tools."]),
        # no cue, no candidate
        ("We use Python and Postgres. Salary 70k.", []),
        ("", []),
    ],
)
def test_candidate_sentences(text: str, expected: list[str]) -> None:
    found = candidate_sentences(text)
    assert [s.text for s in found] == expected
    for s in found:
        assert text[s.start : s.end] == s.text  # spans point into the text
        assert s.digest == digest(s.text)


def test_context_only_anchors_are_no_cue() -> None:
    # "a week" and "join us" gate phrases of the rules but say nothing by themselves
    assert candidate_sentences("We ship twice a week. Join us!") == []
    assert " a week" not in cues() and "join us" not in cues()


def test_long_run_on_text_is_cut_to_windows_around_its_cues() -> None:
    filler = "lorem ipsum dolor " * 40
    text = filler + "work from home on Fridays " + filler
    (s,) = candidate_sentences(text)
    assert "work from home" in s.text
    assert len(s.text) <= 2 * MAX_CHARS
    assert text[s.start : s.end] == s.text


def _by_alternation(text: str) -> list[tuple[int, int]]:
    """The finder as first written: one regular-expression alternation of the cues (longest first) per
    sentence, the breaks without their lookahead: the spans every stored label points at."""
    import re

    from etl.normalize import remote_sentences as rs

    pattern = re.compile("|".join(re.escape(c) for c in cues()))
    low = text.lower()
    out = []
    at = 0
    bounds = []
    for m in re.finditer(r"\n+|(?<=[.!?;])\s+|\s\|\s", text):
        if m.start() > at:
            bounds.append((at, m.start()))
        at = m.end()
    if at < len(text):
        bounds.append((at, len(text)))
    for a, b in bounds:
        hits = [m.start() for m in pattern.finditer(low, a, b)]
        if not hits:
            continue
        spans: list[tuple[int, int]] = []
        if b - a <= rs.MAX_CHARS:
            spans = [(a, b)]
        else:
            for h in hits:
                s, e = max(a, h - rs.BEFORE), min(b, h + rs.AFTER)
                if spans and s <= spans[-1][1]:
                    spans[-1] = (spans[-1][0], max(e, spans[-1][1]))
                else:
                    spans.append((s, e))
        out += [rs._trimmed(text, s, e) for s, e in spans]
    return [(s, e) for s, e in out if e > s]


@pytest.mark.parametrize(
    "text",
    [
        # cues inside longer cues, at a sentence's end, across a break, in a run-on window, upper case
        "Fully remote or hybrid.\nRemote-first; home office | REMOTE WORK from home.",
        ("lorem ipsum " * 30) + "remote work, fully remote, work from home " + ("dolor sit " * 30) + "hybrid",
        "Home-Office\n\n\nOnsite in-person office|office | on-site.  Télétravail possible; Homeoffice.",
        ("x " * 200) + "remot" + ("y " * 200) + "remotely",
    ],
)
def test_one_automaton_pass_finds_what_the_alternation_found(text: str) -> None:
    # one Aho-Corasick pass replaced the alternation (3-4 ms a posting): the spans must stay the same
    assert [(s.start, s.end) for s in candidate_sentences(text)] == _by_alternation(text)


@pytest.mark.parametrize(
    ("path", "least"),
    [(remote_labels.LABELS, 400), (remote_labels.LABELS_V2, 100), (remote_labels.LABELS_V3, 190)],
)
def test_label_file_holds_references_only(path: Path, least: int) -> None:
    rows = remote_labels.read_labels(path)
    assert len(rows) >= least
    keys = {"dataset", "file", "record_no", "start", "end", "sha1", "language", "origin", "label"}
    for row in rows:
        assert set(row) == keys  # no sentence text in the repository
        assert row["label"] in remote_labels.CLASSES
        assert len(row["sha1"]) == 12 and row["end"] > row["start"]
    # every label names a sentence once
    assert len({json.dumps([r["dataset"], r["file"], r["record_no"], r["start"]]) for r in rows}) == len(rows)


def test_no_label_is_in_the_test_half() -> None:
    from etl import real_labels as rl

    test = {ref for ref, row in rl.load_sample().items() if row.get("split") == "test"}
    for path in (remote_labels.LABELS, remote_labels.LABELS_V2, remote_labels.LABELS_V3):
        for row in remote_labels.read_labels(path):
            assert rl.Ref(row["dataset"], row["file"], int(row["record_no"])) not in test


def test_second_batch_draws_records_no_first_batch_label_holds() -> None:
    def records(path: Path) -> set[tuple[str, str, int]]:
        return {(r["dataset"], r["file"], int(r["record_no"])) for r in remote_labels.read_labels(path)}

    assert not records(remote_labels.LABELS) & records(remote_labels.LABELS_V2)


def test_third_batch_draws_no_earlier_record_nor_a_scoring_batch_and_repeats_no_sentence() -> None:
    from etl import real_labels as rl

    def rows(path: Path) -> list[dict[str, object]]:
        return remote_labels.read_labels(path)

    v3 = rows(remote_labels.LABELS_V3)
    refs = {(r["dataset"], r["file"], r["record_no"]) for r in v3}
    for path in (remote_labels.LABELS, remote_labels.LABELS_V2):
        assert not refs & {(r["dataset"], r["file"], r["record_no"]) for r in rows(path)}
        assert not {r["sha1"] for r in v3} & {r["sha1"] for r in rows(path)}
    assert len({r["sha1"] for r in v3}) == len(v3)  # no sentence twice
    sample = rl.load_sample()
    for r in v3:
        row = sample.get(rl.Ref(str(r["dataset"]), str(r["file"]), int(str(r["record_no"]))), {})
        assert row.get("batch") not in remote_labels.HELD_BATCHES
    # its unlabelled records are on the read list, so a later test batch leaves them out
    lines = remote_labels.LABELS.with_name("read-unlabelled.jsonl").read_text(encoding="utf-8").splitlines()
    read = {(r["dataset"], r["file"], r["record_no"]) for r in map(json.loads, lines)}
    assert {(r["dataset"], r["file"], r["record_no"]) for r in v3 if r["origin"] == "unlabelled"} <= read


def test_training_rows_leave_out_a_held_batch_s_records_and_their_repeats(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """remote_labels.held_out (what the model trains on while HELD_BATCHES score it) promises to leave out
    the labels of a held record and of a repeat of one (the same id, user or opening text); the label files'
    test checked held records only (review of the seventh session). Record 2 repeats held record 1."""
    from etl import real_labels as rl

    (tmp_path / "board").mkdir()
    (tmp_path / "board" / "a.jsonl").write_text("", encoding="utf-8")
    held = {rl.Ref("board", "a.jsonl", 1): {"batch": "real-fresh-v50"}}
    monkeypatch.setattr(rl, "load_sample", lambda: held)
    recs = {1: {"id": "x"}, 2: {"id": "x"}, 3: {"id": "y"}}
    monkeypatch.setattr(remote_labels, "records", lambda _f: iter(recs.items()))
    monkeypatch.setattr(remote_labels, "_repeat_keys", lambda _folder, rec: {rec["id"]})
    rows = [{"dataset": "board", "file": "a.jsonl", "record_no": n} for n in (1, 2, 3)]
    rows.append({"dataset": "elsewhere", "file": "b.jsonl", "record_no": 1})  # a folder of no held record
    kept = remote_labels.held_out(rows, tmp_path)
    assert [(r["dataset"], r["record_no"]) for r in kept] == [("board", 3), ("elsewhere", 1)]


def test_disagreement_first_orders_each_stratum(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # a stratum's sentences where rules and model disagree come first, each group in the seeded order; a
    # sentence seen before (its digest) is not drawn again
    recs = [
        remote_labels.Record("board", "a.json", n, {}, text, "en", "unlabelled")
        for n, text in enumerate(["Hybrid: two days.", "Remote means remote.", "Hybrid: two days."], 1)
    ]
    monkeypatch.setattr(remote_labels, "eligible_records", lambda *_a, **_k: iter(recs))
    monkeypatch.setattr(remote_labels, "_disagree", lambda ss: ["Remote means" in s for s in ss])
    drawn = remote_labels.draw(tmp_path, "s", {("board", "en"): 3}, disagree_first=True)
    assert [t[2].text for t in drawn] == ["Remote means remote.", "Hybrid: two days."]
    seen = frozenset({drawn[0][2].digest})
    again = remote_labels.draw(tmp_path, "s", {("board", "en"): 3}, disagree_first=True, seen_digests=seen)
    assert [t[2].text for t in again] == ["Hybrid: two days."]


@pytest.mark.parametrize("path", [remote_labels.LABELS, remote_labels.LABELS_V2, remote_labels.LABELS_V3])
def test_every_label_finds_its_sentence(shared_datasets: Path, path: Path) -> None:
    # the span and digest still point at the labelled sentence, and it is one of the finder's candidates
    labelled = remote_labels.load(shared_datasets, path)
    assert len(labelled) == len(remote_labels.read_labels(path))
    for lb in labelled:
        assert lb.sentence in {s.text for s in candidate_sentences(lb.text)}
