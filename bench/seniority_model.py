"""Experiment (issue 9): does a small trained model of the seniority evidence beat the rules on postings it
was not trained on? (Answer on 2026-12-04: no - docs/methodology.md, "A trained seniority model".)

Run: ``python -m bench.seniority_model [--datasets ../shared/datasets] [--folds 5] [--seed 9]`` (about two
minutes a setting): ``--c`` and ``--margin`` (several values each), ``--synthetic in`` and ``--with-rule yes
no`` try settings.

The model: one L2 logistic regression per level (one against the rest; the skill check's L-BFGS trainer,
etl.skill_judge_train.train, no scikit-learn) over hashed features (the skill check's character n-gram pass
and token hash, etl/skill_judge.py): the title's character 2-5-grams; the evidence the rules read, step by
step (the level the title names, a line restating the title with a level, the level stated where the text
introduces the role, the years asked and the level they give, the source's level label and the level it
gives); the level words anywhere in the head of the text (which the rules leave unread outside the phrases
that introduce the role); and, with ``--with-rule yes``, the rules' answer. Its level replaces the rules'
answer when its score beats the answer's by more than the margin.

Data: only the tuning half of the real labelled sample (``real-tune`` with every ``real-fresh-*`` batch that
labels seniority), read through the load's adapters as ``etl evaluate`` does; never the test half. The
synthetic set, with ``--synthetic in``, only joins the training rows; it is never scored.

Three measures, each for the rules alone and for rules + model, overall and for English postings:

1. Cross-validation grouped by posting (the folds a fixed-seed shuffle of the postings). The rules were
   tuned while reading these very postings' misses, so their figure here is inflated, and so is every
   feature built from them.
2. Leave one fresh batch out, current rules: train on every other tune posting, score the batch. The
   current rules were tuned on the batch after it was scored, so this too is inflated.
3. Leave one fresh batch out, the rules as they were: the batch's evidence read by the code of the commit
   that added its labels, before any rule was changed on it (CODE_BEFORE; ``git archive`` of that commit into
   a temporary folder and bench/seniority_old_cues.py run there), scored with the model trained on every
   other tune posting. This is the honest figure: the rules' answer here is their out-of-sample answer (the
   figure recorded then, etl/data/labelled/README.md, is printed beside it; it differs where a label was
   fixed since). A fourth line trains also on the other fresh batches' evidence as their rules read it
   before tuning (their out-of-sample errors: the only rule errors a model could learn to correct).

Prints the tables; writes nothing.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.old_code import CODE_BEFORE as ALL_CODE_BEFORE
from bench.old_code import run_at
from etl import real_labels as rl
from etl.clean import clean_inline, to_text
from etl.evaluate import DEFAULT_LABELS, load_labels
from etl.extract import _experience, _text
from etl.normalize import seniority as sn
from etl.normalize.skills import _ascii
from etl.sections import demand_text
from etl.skill_judge import _ngram_batch, _token
from etl.skill_judge_train import TOKEN_WEIGHT, matrix, train

DIM = 1 << 12  # hashed feature space (a power of two dividing the skill check's)
CLASSES = sn.SENIORITY_LEVELS
_K = len(CLASSES)
# defaults of the runs (the figures in docs/methodology.md are these and the settings listed there)
WITH_RULE = True  # the rules' answer is a feature
C = 1.0
MARGIN = 0.0  # the model's level replaces the rules' when its score is higher by more than this
SYNTHETIC = False  # the project's synthetic set joins the training rows


@dataclass(frozen=True, slots=True)
class Cues:
    """What the rules see, step by step (etl.normalize.seniority.classify_seniority's order)."""

    title: str | None  # the level the title names
    restated: str | None  # a line near the top restating the title with a level
    text: str | None  # the level stated where the text introduces the role
    years: float | None  # the minimum years asked
    hint: str | None  # the source's level label, as written (lower-cased)
    hint_level: str | None  # the level the label alone gives
    rule: str  # the rules' answer
    words: tuple[str, ...] = ()  # the level words anywhere in the head of the text, in order (at most 8)


def cues(title: str, text: str, years_min: float | None, level_hint: str | None) -> Cues:
    """The rules' evidence for one posting (``text`` the demand text, as etl.extract passes it)."""
    return make_cues(
        sn.title_level(title) if title else None,
        sn._restated_title_level(title, text) if title and text else None,
        sn.text_level(text) if text else None,
        years_min,
        level_hint,
        sn.classify_seniority(title, text, years_min, level_hint),
        text_words(text),
    )


def text_words(text: str) -> tuple[str, ...]:
    """The levels the level words of the text's head name, wherever they stand (the rules read only the
    phrases that introduce the role): the evidence the rules leave unread."""
    if not text:
        return ()
    found = [m.lastgroup or "" for m in sn.seniority_rules().levels.finditer(text[: sn.TEXT_WINDOW])]
    return tuple(found[:8])


def make_cues(
    title: str | None,
    restated: str | None,
    text: str | None,
    years_min: float | None,
    level_hint: str | None,
    rule: str,
    words: Sequence[str] = (),
) -> Cues:
    """Cues from each step's level (also those another version of the rules read: bench.seniority_model)."""
    _, hint_level = sn._hint(level_hint)
    years = years_min if isinstance(years_min, int | float) and years_min == years_min else None
    label = " ".join(level_hint.lower().split())[:40] if isinstance(level_hint, str) and level_hint else None
    return Cues(title, restated, text, years, label, hint_level, rule, tuple(words))


def _years_bucket(years: float | None) -> str:
    if years is None:
        return "none"
    return str(min(int(years), 10))


def tokens(c: Cues, with_rule: bool = WITH_RULE) -> list[str]:
    """The structured features of a posting's cues, as words (``with_rule``: the rules' answer among them)."""
    words = [
        f"title={c.title}",
        f"restated={c.restated}",
        f"text={c.text}",
        f"years={_years_bucket(c.years)}",
        f"ylevel={sn._years_level(c.years)}",
        f"hint={c.hint}",
        f"hintlevel={c.hint_level}",
    ]
    words += [f"word={w}" for w in dict.fromkeys(c.words)]
    words.append(f"firstword={c.words[0] if c.words else None}")
    words.append(f"nwords={min(len(c.words), 4)}")
    if with_rule:
        words += [
            f"rule={c.rule}",
            f"rule={c.rule}|title={c.title is not None}|text={c.text is not None}",
            f"rule={c.rule}|years={sn._years_level(c.years)}",
        ]
    return words


def _title_window(title: str) -> bytes:
    return b"\x02" + _ascii(title).lower()[:120] + b"\x03"


def features(
    titles: Sequence[str], all_cues: Sequence[Cues], with_rule: bool = WITH_RULE
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per posting: (hashed character 2-5-grams of the title, hashed cue tokens), indices below DIM."""
    if not titles:
        return []
    idx, ends = _ngram_batch([_title_window(t or "") for t in titles])
    idx = idx % DIM
    starts = np.concatenate([[0], ends[:-1]]).astype(np.int64)
    out = []
    for a, b, c in zip(starts, ends, all_cues, strict=True):
        toks = np.array([_token(w) % DIM for w in tokens(c, with_rule)], dtype=np.int64)
        out.append((idx[a:b], toks))
    return out


@dataclass(frozen=True, slots=True)
class Model:
    """One-vs-rest linear scores per level: weights (DIM x K), biases (K), the token block's weight, and the
    margin by which the best level's score must beat the rules' answer's to replace it."""

    weights: np.ndarray
    bias: np.ndarray
    token_weight: float
    margin: float

    def scores(self, feats: tuple[np.ndarray, np.ndarray]) -> np.ndarray:
        """The K logits (etl.skill_judge_train.matrix's row scaling: each block over sqrt of its count)."""
        ngrams, toks = feats
        z = self.bias.copy()
        if len(ngrams):
            z += self.weights[ngrams].sum(axis=0) / np.sqrt(len(ngrams))
        if len(toks):
            z += self.token_weight * self.weights[toks].sum(axis=0) / np.sqrt(len(toks))
        return z

    def decide(self, feats: tuple[np.ndarray, np.ndarray], rule: str) -> str:
        z = self.scores(feats)
        best = int(np.argmax(z))
        r = CLASSES.index(rule)
        return CLASSES[best] if z[best] - z[r] > self.margin else rule


@dataclass
class Row:
    key: str
    batch: str  # "real-fresh-v3", "real-tune" (the frozen draw's tune records) or "synthetic"
    language: str
    expected: str
    title: str
    cues: Cues
    feats: tuple[np.ndarray, np.ndarray]


def _row_inputs(item: Mapping[str, Any]) -> tuple[str, str, float | None, str | None]:
    """(title, demand text, minimum years, level label) as etl.extract passes them to the rules."""
    title = clean_inline(_text(item.get("title"))) or ""
    description = to_text(_text(item.get("description")), _text(item.get("description_format")) or "text")
    demand = demand_text(description)
    experience = _experience(item, demand)
    return title, demand, experience[0] if experience else None, _text(item.get("level_hint"))


def _rows(entries: Sequence[tuple[str, str, str, str, Mapping[str, Any]]]) -> list[Row]:
    """Rows of (key, batch, language, expected level, extract input) entries."""
    inputs = [_row_inputs(e[4]) for e in entries]
    cs = [cues(*i) for i in inputs]
    feats = features([i[0] for i in inputs], cs)
    return [
        Row(k, b, lang, exp, i[0], c, f)
        for (k, b, lang, exp, _), i, c, f in zip(entries, inputs, cs, feats, strict=True)
    ]


def collect(datasets: Path, synthetic: bool = True) -> list[Row]:
    """Every tune posting labelling seniority (and, with ``synthetic``, the synthetic set's)."""
    sample = rl.load_sample()
    entries = []
    for r in rl.resolve(rl.load_real_labels(split="tune"), datasets):
        if r.item is None or "seniority" not in r.label["expected"]:
            continue
        batch = sample[r.ref].get("batch") or "real-tune"
        entries.append(
            (str(r.ref), str(batch), r.label["language"], r.label["expected"]["seniority"], r.item)
        )
    if synthetic:
        for p in load_labels(DEFAULT_LABELS):
            if "seniority" in p["expected"]:
                entries.append((str(p.get("id")), "synthetic", "en", p["expected"]["seniority"], p))
    return _rows(entries)


def train_model(rows: Sequence[Row], c: float = C, margin: float = MARGIN) -> Model:
    """One logistic regression per level over the rows' features (float32, as saved)."""
    x = matrix([r.feats for r in rows])[:, :DIM].tocsr()  # features live below DIM
    w = np.zeros((DIM, len(CLASSES)))
    b = np.zeros(len(CLASSES))
    for k, level in enumerate(CLASSES):
        y = np.array([r.expected == level for r in rows], dtype=float)
        fit = train(x, y, c)
        w[:, k], b[k] = fit[:DIM], fit[-1]
    return Model(
        w.astype(np.float32).astype(np.float64),
        b.astype(np.float32).astype(np.float64),
        TOKEN_WEIGHT,
        float(np.float32(margin)),
    )



# The rules' seniority on each fresh batch before any rule was changed on it (etl/data/labelled/README.md,
# docs/accuracy-history.md): all postings, English postings.
RULES_OUT_OF_SAMPLE = {
    "real-fresh-v1": (0.935, 0.907),
    "real-fresh-v2": (0.889, 0.917),
    "real-fresh-v3": (0.933, 1.000),
    "real-fresh-v5": (0.897, 0.897),
}
# The code each of those batches was first scored with (bench.old_code): the honest leave-one-batch-out run
# reads the batch's evidence with that code.
CODE_BEFORE = {batch: ALL_CODE_BEFORE[batch] for batch in RULES_OUT_OF_SAMPLE}


def _acc(pairs: Sequence[tuple[str, str]]) -> str:
    n = len(pairs)
    ok = sum(a == b for a, b in pairs)
    return f"{ok / n:.3f} ({ok}/{n})" if n else "-"


def _table(rows: Sequence[Row], got: Sequence[str], title: str) -> None:
    print(title)
    for lang in ("all", "en"):
        sub = [(r, g) for r, g in zip(rows, got, strict=True) if lang == "all" or r.language == lang]
        rules = _acc([(r.expected, r.cues.rule) for r, _ in sub])
        model = _acc([(r.expected, g) for r, g in sub])
        fixed = sum(r.cues.rule != r.expected and g == r.expected for r, g in sub)
        broken = sum(r.cues.rule == r.expected and g != r.expected for r, g in sub)
        print(f"  {lang:<4} rules {rules:<16} rules+model {model:<16} fixed {fixed} broken {broken}")


def cross_validate(
    rows: list[Row], extra: list[Row], folds: int, seed: int, c: float, margin: float
) -> list[str]:
    order = list(range(len(rows)))
    random.Random(seed).shuffle(order)
    fold_of = {i: k % folds for k, i in enumerate(order)}
    got = [""] * len(rows)
    for k in range(folds):
        mdl = train_model([r for i, r in enumerate(rows) if fold_of[i] != k] + extra, c, margin)
        for i, r in enumerate(rows):
            if fold_of[i] == k:
                got[i] = mdl.decide(r.feats, r.cues.rule)
    return got


def leave_batch_out(rows: list[Row], extra: list[Row], batch: str, c: float, margin: float) -> list[str]:
    mdl = train_model([r for r in rows if r.batch != batch] + extra, c, margin)
    return [mdl.decide(r.feats, r.cues.rule) for r in rows if r.batch == batch]


def old_rows(rows: list[Row], batch: str, datasets: Path, with_rule: bool) -> list[Row]:
    """The batch's rows with the evidence the code of CODE_BEFORE[batch] read (bench/seniority_old_cues.py run
    on that commit's tree, extracted with git archive into a temporary folder)."""
    script = Path(__file__).with_name("seniority_old_cues.py")
    old = run_at(CODE_BEFORE[batch], script, (batch, str(datasets)))
    sub = [r for r in rows if r.batch == batch and r.key in old]
    cs = [
        make_cues(
            o["title_level"],
            o["restated"],
            o["text_level"],
            o["years"],
            o["level_hint"],
            o["rule"],
            o["words"],
        )
        for o in (old[r.key] for r in sub)
    ]
    feats = features([r.title for r in sub], cs, with_rule)
    return [replace(r, cues=c, feats=f) for r, c, f in zip(sub, cs, feats, strict=True)]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--datasets", type=rl.Path, default=rl.DEFAULT_DATASETS)
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--seed", type=int, default=9)
    ap.add_argument("--c", type=float, nargs="*", default=[C])
    ap.add_argument("--margin", type=float, nargs="*", default=[MARGIN])
    ap.add_argument("--synthetic", choices=("in", "out"), default="in" if SYNTHETIC else "out")
    ap.add_argument("--with-rule", choices=("yes", "no"), nargs="*", default=["yes" if WITH_RULE else "no"])
    args = ap.parse_args(argv)
    t0 = time.time()
    everything = collect(args.datasets, synthetic=True)
    rows = [r for r in everything if r.batch != "synthetic"]
    extra = [r for r in everything if r.batch == "synthetic"] if args.synthetic == "in" else []
    batches = sorted({r.batch for r in rows if r.batch.startswith("real-fresh-")})
    print(
        f"{len(rows)} tune postings labelling seniority ({sum(r.language == 'en' for r in rows)} en; fresh "
        + ", ".join(f"{b} {sum(r.batch == b for r in rows)}" for b in batches)
        + f"), synthetic {args.synthetic} ({len(extra)} rows); collected in {time.time() - t0:.0f} s",
        flush=True,
    )
    olds = {}
    for with_rule in (w == "yes" for w in args.with_rule):
        rows = [
            replace(r, feats=f)
            for r, f in zip(
                rows, features([r.title for r in rows], [r.cues for r in rows], with_rule), strict=True
            )
        ]
        extra = [
            replace(r, feats=f)
            for r, f in zip(
                extra, features([r.title for r in extra], [r.cues for r in extra], with_rule), strict=True
            )
        ]
        for b in batches:
            olds[b] = old_rows(rows, b, args.datasets, with_rule)
        for c in args.c:
            for margin in args.margin:
                print(
                    f"\nC={c} margin={margin} synthetic {args.synthetic} rule's answer a feature: {with_rule}"
                )
                got = cross_validate(rows, extra, args.folds, args.seed, c, margin)
                _table(
                    rows,
                    got,
                    f" {args.folds}-fold CV grouped by posting, seed {args.seed} (rules tuned on these)",
                )
                for b in batches:
                    sub = [r for r in rows if r.batch == b]
                    _table(sub, leave_batch_out(rows, extra, b, c, margin), f" leave {b} out, current rules")
                    oos = RULES_OUT_OF_SAMPLE.get(b)
                    note = f"; recorded then: {oos[0]:.3f} (en {oos[1]:.3f})" if oos else ""
                    mdl = train_model([r for r in rows if r.batch != b] + extra, c, margin)
                    _table(
                        olds[b],
                        [mdl.decide(r.feats, r.cues.rule) for r in olds[b]],
                        f" leave {b} out, the rules of {CODE_BEFORE[b]} (before tuning on it){note}",
                    )
                    # the other batches' evidence as the rules read it before tuning on them joins the
                    # training rows: the rules' out-of-sample errors, the only ones a model could learn to fix
                    before = [o for other in batches if other != b for o in olds[other]]
                    mdl = train_model([r for r in rows if r.batch != b] + extra + before, c, margin)
                    _table(
                        olds[b],
                        [mdl.decide(r.feats, r.cues.rule) for r in olds[b]],
                        f" leave {b} out, the rules of {CODE_BEFORE[b]}, trained also on the other batches' "
                        "evidence before tuning",
                    )
                sys.stdout.flush()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
