"""A trained check of one skill mention's context: does the job ask for the skill, or does the text speak of
the employer, its product, its clients or other teams? (issue 9; an experiment, OFF by default: see
docs/methodology.md, "A trained context check of skill mentions")

Why: the largest class of false skills left on the tuning half of the real sample is a skill named in text
about the employer ("our platform brings AI to retailers", "clients in fintech use our Kafka-based
product") rather than as something the role uses. The rules (etl/normalize/skill_context.py) catch the
shapes that can be written down; this module scores the mentions the rules count with a small linear model
over hashed character 2-5-grams of the mention's sentence (90 characters each side at most) and a few
structured features (skill, category, title, position, other skills in the sentence, bullet, the heading
above, we/you/client words, the employer's name), trained only on the tuning postings by
``python -m etl train-skill-judge`` (etl/skill_judge_train.py) into etl/data/skill_judge.npy (256 KB).
With ``ETL_SKILL_JUDGE=1`` the extraction drops a skill none of whose counted mentions the model reads as
demand; cross-validated on the tuning half (``python -m bench.skill_judge``) it removed 13-14 of 73 false
skills for 4 lost ones, at about 370-390 µs more per real posting (about a third of the extraction's
throughput), so it is not on by default.

The features are computed here, for training and scoring alike, with numpy and ``zlib.crc32`` only (no
per-process hash seed), so a model file trained once scores the same in every process.
"""

from __future__ import annotations

import math
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from etl.normalize.skills import Mention, _ascii, _matcher
from etl.sections import heading

MODEL_PATH = Path(__file__).resolve().parent / "data" / "skill_judge.npy"
DIM = 1 << 16  # hashed feature space
REACH = 90  # characters of the mention's line on each side
NGRAMS = (2, 3, 4, 5)
_MUL = np.uint64(1000003)
_HEADING_LINES = 40  # lines looked back for the section's heading


@lru_cache(maxsize=1 << 15)
def _token(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) % DIM


_PAD = b"\x03" * (max(NGRAMS) - 1)


def _ngram_batch(windows: Sequence[bytes]) -> tuple[np.ndarray, np.ndarray]:
    """(indices, ends): the hashed character n-grams (NGRAMS) of every window, one window after the other,
    ``ends[i]`` where window i's stop. Each window is padded at its end so every n-gram size starts at each
    of its characters (the same count per character); one numpy pass over all windows of a posting."""
    padded = [w + _PAD for w in windows]
    arr = np.frombuffer(b"".join(padded), dtype=np.uint8).astype(np.uint64)
    lengths = np.array([len(w) for w in windows], dtype=np.int64)
    starts = np.concatenate([[0], np.cumsum([len(w) for w in padded])[:-1]]).astype(np.int64)
    # the positions where an n-gram starts: the window's own characters (not its padding)
    pos = np.repeat(starts, lengths) + (
        np.arange(int(lengths.sum())) - np.repeat(np.cumsum(lengths) - lengths, lengths)
    )
    top = max(NGRAMS)
    out = []
    h = np.zeros(len(pos), dtype=np.uint64)
    for k in range(top):
        h = h * _MUL + arr[pos + k]
        if k + 1 in NGRAMS:
            out.append(((h ^ np.uint64((k + 1) * 7919)) >> np.uint64(17)) % np.uint64(DIM))
    # per window: its n-grams of every size, window by window
    idx = np.stack(out, axis=1).reshape(-1).astype(np.int64)  # character-major: all sizes at a character
    ends = np.cumsum(lengths) * len(out)
    return idx, ends


def _line_bounds(orig: str, start: int, stop: int) -> tuple[int, int]:
    a = orig.rfind("\n", 0, start) + 1
    b = orig.find("\n", stop)
    return a, len(orig) if b == -1 else b


def _heading_above(orig: str, line_start: int) -> str:
    """The nearest line above that reads as a heading, normalised ("" when none is near)."""
    end = line_start - 1
    for _ in range(_HEADING_LINES):
        if end <= 0:
            return ""
        a = orig.rfind("\n", 0, end) + 1
        h = heading(orig[a:end])
        if h is not None and not h.endswith((".", ",")):
            return h
        end = a - 1
    return ""


@cache
def _domain() -> frozenset[str]:
    from etl.normalize.skill_context import domain_skills

    return domain_skills()


_SENT_END = (b". ", b"! ", b"? ", b"; ")
_WE = re.compile(r"\b(?:we|we're|our|us|ours|wir|unser\w*|nous|notre|nos|nós|nosso\w*|nossa\w*)\b")
_YOU = re.compile(r"\b(?:you|your|you'll|you're|du|dein\w*|sie|ihr\w*|vous|votre|vos|você|seu|sua)\b")
_THIRD = re.compile(
    r"\b(?:clients?|customers?|partners?|companies|brands|industr\w+|kunden|clientes?|"
    r"entreprises?|platform|products?|solutions?|founded|leader|leading|mission|startup)\b"
)
_WORD = re.compile(r"[a-z_]{2,}")


def _sentence(low: bytes, a: int, b: int, start: int, stop: int) -> tuple[int, int]:
    """The sentence of the mention within its line ``[a, b)``."""
    s = max([a, *(low.rfind(e, a, start) + 2 for e in _SENT_END if low.rfind(e, a, start) != -1)])
    ends = [k for e in _SENT_END if (k := low.find(e, stop, b)) != -1]
    return s, min(ends) + 1 if ends else b


def _window_tokens(
    orig: str,
    low: bytes,
    m: Mention,
    counted: Sequence[Mention],
    title_chars: int,
    first_b: bytes,
    memo: dict[tuple[int, int, int], list[int]],
) -> tuple[bytes, np.ndarray]:
    """The mention's window of characters (its sentence within REACH on each side, the mention as one mark)
    and its hashed tokens. ``memo``: each sentence's own tokens, remembered within a posting."""
    cats = _matcher().categories
    a, b = _line_bounds(orig, m.start, m.stop)
    s, e = _sentence(low, a, b, m.start, m.stop)
    left = low[max(s, m.start - REACH) : m.start]
    right = low[m.stop : min(e, m.stop + REACH)]
    window = b"\x02" + left + b" \x01 " + right + b"\x03"
    others = sum(1 for o in counted if s <= o.start < e and o is not m)
    line = orig[a:b].lstrip()
    toks = [
        _token(f"skill={m.skill}"),
        _token(f"cat={cats.get(m.skill, '')}"),
        _token(f"status={m.status}"),
        _token(f"title={m.start < title_chars}"),
        _token(f"pos={min(9, 10 * m.start // max(1, len(orig)))}"),
        _token(f"others={min(others, 4)}"),
        _token(f"bullet={line[:1] in '-*•·▪'}"),
        _token(f"sentlen={min((e - s) // 60, 5)}"),
        _token(f"domain={m.skill in _domain()}"),
    ]
    # the sentence's own tokens, the same for every mention in it (a list of skills): read once
    key = (a, s, e)
    shared = memo.get(key)
    if shared is None:
        sent = low[s:e].decode("ascii")
        words = [
            f"we={bool(_WE.search(sent))}",
            f"you={bool(_YOU.search(sent))}",
            f"third={bool(_THIRD.search(sent))}",
            f"company={bool(first_b) and first_b in low[s:e]}",
        ]
        h = _heading_above(orig, a)
        words += [f"h={w}" for w in h.split()[:6]] or ["h="]
        words += [f"w={w}" for w in _WORD.findall(sent[: 2 * REACH])]
        shared = memo[key] = [_token(w) for w in words]
    return window, np.array(toks + shared, dtype=np.int64)


def _company_key(company: str) -> bytes:
    first = company.split()[0].lower() if company.strip() else ""
    return _ascii(first).lower() if len(first) >= 3 else b""


def features(
    orig: str, low: bytes, mentions: Sequence[Mention], title_chars: int, company: str = ""
) -> list[tuple[np.ndarray, np.ndarray]]:
    """Per mention: (hashed character n-gram indices, hashed token indices), multisets. ``orig``/``mentions``
    as :func:`etl.normalize.skills.skill_mentions` returns them, ``low`` its ASCII lower-case copy
    (:func:`ascii_low`), ``title_chars`` how far the title reaches in ``orig`` (1 + its length), ``company``
    the employer's name. A mention's features read only the counted mentions beside it."""
    if not mentions:
        return []
    counted = [m for m in mentions if m.status == "counted"]
    first_b = _company_key(company)
    memo: dict[tuple[int, int, int], list[int]] = {}
    parts = [_window_tokens(orig, low, m, counted, title_chars, first_b, memo) for m in mentions]
    idx, ends = _ngram_batch([w for w, _ in parts])
    starts = np.concatenate([[0], ends[:-1]])
    return [(idx[a:b], t) for (a, b), (_, t) in zip(zip(starts, ends), parts, strict=True)]


@dataclass(frozen=True, slots=True)
class Model:
    """A trained model: weights over the hashed features, bias, the token block's weight, and the cut
    (the logit of the threshold: a mention is demand when its score reaches it)."""

    weights: np.ndarray
    bias: float
    token_weight: float
    cut: float

    def score(self, feats: tuple[np.ndarray, np.ndarray]) -> float:
        """The logit of P(demand): each block's weights summed over its occurrences and divided by the square
        root of their number, the tokens' times the token weight (as etl.skill_judge_train.matrix)."""
        ngrams, tokens = feats
        z = self.bias
        if len(ngrams):
            z += float(self.weights[ngrams].sum()) / math.sqrt(len(ngrams))
        if len(tokens):
            z += self.token_weight * float(self.weights[tokens].sum()) / math.sqrt(len(tokens))
        return z

    def to_array(self) -> np.ndarray:
        return np.concatenate([self.weights, [self.bias, self.token_weight, self.cut]]).astype(np.float32)

    @classmethod
    def from_array(cls, arr: np.ndarray) -> Model:
        if arr.shape != (DIM + 3,):
            raise ValueError(f"{MODEL_PATH}: a model of {DIM} features + 3 is expected, got {arr.shape}")
        w = arr.astype(np.float64)
        w.setflags(write=False)
        return cls(w[:DIM], float(w[DIM]), float(w[DIM + 1]), float(w[DIM + 2]))


def save_model(mdl: Model, path: Path = MODEL_PATH) -> None:
    """Write the model as one float32 .npy array (the same bytes for the same model)."""
    with open(path, "wb") as fh:
        np.save(fh, mdl.to_array(), allow_pickle=False)


@cache
def model(path: Path = MODEL_PATH) -> Model:
    """The committed model, read once per process (read-only)."""
    return Model.from_array(np.load(path, allow_pickle=False))


def judge(orig: str, mentions: Sequence[Mention], title: str, company: str) -> list[bool]:
    """Per counted mention (``mentions`` as :func:`etl.normalize.skills.skill_mentions`, counted ones only):
    whether it is demand (its score reaches the model's cut). A skill needs one mention that is demand, so
    the mentions are read in rounds, each the next mention of every skill none of whose mentions read so far
    is demand; the mentions left unread are marked demand (the skill's answer is the same)."""
    mdl = model()
    low = ascii_low(orig)
    title_chars = 1 + len(title) if title else 0
    first_b = _company_key(company)
    memo: dict[tuple[int, int, int], list[int]] = {}
    queue: dict[str, list[int]] = {}
    for i, m in enumerate(mentions):
        queue.setdefault(m.skill, []).append(i)
    out = [True] * len(mentions)
    while queue:
        batch = [q.pop(0) for q in queue.values()]
        parts = [_window_tokens(orig, low, mentions[i], mentions, title_chars, first_b, memo) for i in batch]
        idx, ends = _ngram_batch([w for w, _ in parts])
        starts = np.concatenate([[0], ends[:-1]])
        for i, a, b, (_, t) in zip(batch, starts, ends, parts, strict=True):
            skill = mentions[i].skill
            if mdl.score((idx[a:b], t)) >= mdl.cut:
                del queue[skill]
            else:
                out[i] = False
                if not queue[skill]:
                    del queue[skill]
    return out


def ascii_low(orig: str) -> bytes:
    return _ascii(orig).lower()
