"""A trained reader of the role family (issue 9, twenty-sixth session, pre-registered):
software_engineering, data or other, from a posting's title and the start of its text, optionally told the
rules' answer and the rule path that decided it.

Why: the role family is the lowest field held out (0.928); twenty-five rounds of rules (etl/normalize/
role_family.py) moved it a few thousandths. The project measured a trained reader twice before (the remote
sentence model, etl/remote_model.py; the skill check, etl/skill_judge.py); this module is the role family's,
measured by ``python -m etl.role_model_cv`` against the criterion written before any measure
(etl/data/labelled/README.md, "A trained reader for the role family, pre-registered").

The model: a multinomial (softmax) logistic regression with an L2 penalty, fitted with scipy's L-BFGS (no
scikit-learn) from zeros, over hashed features (DIM buckets): the cleaned title's character 2-5-grams and
words, the first ``TEXT_WINDOW`` characters of the cleaned text's character 2-5-grams and words (blocks apart
from the title's), and given ``rules`` and ``paths`` the rules' answer, the rule path and the pair
(:func:`rule_path`). Each block's occurrences are weighted over the square root of their number, as
etl/remote_model.py does.

Outcome (the pre-registered criterion, etl/data/labelled/README.md): not met. In the leave-batch-out CV the
model with the rule features (variants C, D80, D90) fixed no rule miss (C broke 2) and the model alone (B)
lost 7.4 points to the rules; nothing here is wired into the extraction. Kept for the measure and a later
attempt.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np

from etl.normalize.hn_comment import family_roles, role_less_reading
from etl.normalize.role_family import (
    DATA_BY_TEXT,
    ROLE_FAMILIES,
    SOFTWARE_BY_TEXT,
    _clean,
    _department_item,
    _named_roles,
    classify_roles_family,
    technology_cell,
    title_family,
)
from etl.skill_judge import _ngram_batch
from etl.softmax_fit import fit_softmax

CLASSES = ROLE_FAMILIES  # software_engineering, data, other
_K = len(CLASSES)
DIM = 1 << 15
TEXT_WINDOW = 2000  # the rules' window (role_family.TEXT_WINDOW)
TITLE_BYTES = 200
C = 4.0
PATHS = ("title", "title_text", "no_title", "votes")
_WORD = re.compile(r"\w+")
_TEXT_SALT = 0x9E3779B1  # the text's n-grams land in other buckets than the same n-grams of the title
_BLOCKS = 5  # title n-grams, title words, text n-grams, text words, rule tokens


@lru_cache(maxsize=1 << 16)
def _hash(token: str) -> int:
    return zlib.crc32(token.encode("utf-8")) % DIM


def _open_title(title: str | None) -> str:
    """The path of a posting read by its one title: ``title`` where a title rule decides alone, ``title_text``
    where the title leaves it to the text, ``no_title`` where there is none."""
    if isinstance(title, str) and title.strip():
        family = title_family(_clean(title))
        return "title_text" if family in (None, DATA_BY_TEXT, SOFTWARE_BY_TEXT) else "title"
    return "no_title"


def rule_path(roles: Sequence[str] | None, title: str | None, heading: str | None = None,
              said: Sequence[str] | None = None) -> str:
    """Which path of :func:`etl.normalize.role_family.classify_roles_family` decides a posting (its arguments,
    less the text): one of PATHS. Mirrors its order: a technology heading or a hiring sentence's roles under
    no title are ``no_title``; two or more voting roles (or a header of departments with one vote) ``votes``;
    else the one title's path."""
    parts = _named_roles(roles or ())
    no_title = not (title or "").strip()
    if not parts and no_title and heading and technology_cell(heading):
        return "no_title"
    if not parts and no_title and said and any(
            title_family(_clean(role)) not in (None, SOFTWARE_BY_TEXT) for role in said):
        return "no_title"
    if len(parts) < 2:
        return _open_title(title)
    voting = [role for role in parts if title_family(_clean(role)) not in (None, SOFTWARE_BY_TEXT)]
    if len(voting) < 2:
        if (len(voting) == 1 and all(_department_item().fullmatch(p) for p in parts)
                and title_family(_clean(title or "")) is None):
            return "votes"
        return _open_title(title)
    return "votes"


def rules_reading(body: str | None, named: tuple[str, ...] | None, title: str | None,
                  text: str | None) -> tuple[str, str]:
    """(family, path): the rules' family of a posting as ``etl.extract._family`` reads it (``body``: a Hacker
    News comment's raw description, ``named``: its header roles, None for another source) and the path that
    decided it."""
    roles: tuple[str, ...] | None = named
    heading: str | None = None
    said: tuple[str, ...] = ()
    if named is not None and body:
        roles = family_roles(body)
        if not roles and not named and not title:
            heading, said = role_less_reading(body)
    family = classify_roles_family(roles, title or "", text, heading, said)
    return family, rule_path(roles, title or "", heading, said)


def features(titles: Sequence[str | None], texts: Sequence[str | None], rules: Sequence[str] | None = None,
             paths: Sequence[str] | None = None) -> list[list[np.ndarray]]:
    """Per posting, its blocks of hashed indices (below DIM): title n-grams, title words, text n-grams, text
    words and (with ``rules`` and ``paths``) the rule tokens."""
    n = len(titles)
    if n == 0:
        return []
    t_windows = [b"\x02" + (t or "").lower().encode("utf-8")[:TITLE_BYTES] + b"\x03" for t in titles]
    x_windows = [b"\x02" + (x or "")[:TEXT_WINDOW].lower().encode("utf-8") + b"\x03" for x in texts]
    t_idx, t_ends = _ngram_batch(t_windows)
    x_idx, x_ends = _ngram_batch(x_windows)
    t_idx = t_idx % DIM
    x_idx = (x_idx ^ _TEXT_SALT) % DIM
    t_starts = np.concatenate([[0], t_ends[:-1]]).astype(np.int64)
    x_starts = np.concatenate([[0], x_ends[:-1]]).astype(np.int64)
    out = []
    for i in range(n):
        t_words = np.array([_hash(f"t={w}") for w in dict.fromkeys(_WORD.findall((titles[i] or "").lower()))],
                           dtype=np.int64)
        x_words = np.array([_hash(f"x={w}") for w in
                            dict.fromkeys(_WORD.findall((texts[i] or "")[:TEXT_WINDOW].lower()))],
                           dtype=np.int64)
        blocks = [t_idx[t_starts[i]:t_ends[i]], t_words, x_idx[x_starts[i]:x_ends[i]], x_words]
        if rules is not None and paths is not None:
            blocks.append(np.array([_hash(f"rule={rules[i]}"), _hash(f"path={paths[i]}"),
                                    _hash(f"rp={rules[i]}|{paths[i]}")], dtype=np.int64))
        else:
            blocks.append(np.zeros(0, dtype=np.int64))
        out.append(blocks)
    return out


def matrix(rows: Sequence[Sequence[np.ndarray]]) -> Any:
    """The sparse design matrix: the blocks' sum, each block's occurrence counts over the square root of
    their number."""
    from scipy import sparse

    total: Any = None
    for b in range(_BLOCKS):
        parts = [r[b] for r in rows]
        indptr = np.cumsum([0, *(len(p) for p in parts)])
        data = np.repeat(1 / np.sqrt(np.maximum(np.diff(indptr), 1)), np.diff(indptr))
        cols = np.concatenate(parts) if parts else np.zeros(0, int)
        x = sparse.csr_matrix((data, cols, indptr), shape=(len(parts), DIM))
        x.sum_duplicates()
        total = x if total is None else total + x
    return total.tocsr()


@dataclass(frozen=True, slots=True)
class Model:
    """Weights (DIM x K) and biases (K) of the softmax regression."""

    weights: np.ndarray
    bias: np.ndarray

    def logits(self, rows: Sequence[Sequence[np.ndarray]]) -> np.ndarray:
        z = np.tile(self.bias, (len(rows), 1))
        for b in range(_BLOCKS):
            parts = [r[b] for r in rows]
            lens = np.fromiter((len(p) for p in parts), dtype=np.int64, count=len(parts))
            held = lens > 0
            if not held.any():
                continue
            starts = np.concatenate([[0], np.cumsum(lens)[:-1]])[held]
            sums = np.add.reduceat(self.weights[np.concatenate(parts)], starts, axis=0)
            z[held] += sums / np.sqrt(lens[held])[:, None]
        return z

    def proba(self, rows: Sequence[Sequence[np.ndarray]]) -> np.ndarray:
        z = self.logits(rows)
        e = np.exp(z - z.max(axis=1, keepdims=True))
        return e / e.sum(axis=1, keepdims=True)

    def to_array(self) -> np.ndarray:
        return np.vstack([self.weights, self.bias[None, :]]).astype(np.float32)

    @classmethod
    def from_array(cls, arr: np.ndarray) -> Model:
        if arr.shape != (DIM + 1, _K):
            raise ValueError(f"a role-family model of ({DIM} + 1) x {_K} is expected, got {arr.shape}")
        w = arr.astype(np.float64)
        w.setflags(write=False)
        return cls(w[:DIM], w[DIM])


def train(rows: Sequence[Sequence[np.ndarray]], labels: Sequence[str], c: float = C) -> Model:
    """Fit the softmax regression (L2 penalty 1/(2c) on the weights, none on the biases) with L-BFGS
    (:func:`etl.softmax_fit.fit_softmax`)."""
    return Model.from_array(fit_softmax(matrix(rows), [CLASSES.index(lb) for lb in labels], _K, c))
