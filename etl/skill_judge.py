"""A trained check of one skill mention's context: does the job ask for the skill, or does the text speak of
the employer, its product, its clients or other teams? (issue 9; on by default, ``ETL_SKILL_JUDGE=0`` turns
it off: see docs/methodology.md, "A trained context check of skill mentions")

Why: the largest class of false skills left on the tuning half of the real sample is a skill named in text
about the employer ("our platform brings AI to retailers", "clients in fintech use our Kafka-based
product") rather than as something the role uses. The rules (etl/normalize/skill_context.py) catch the
shapes that can be written down; this module scores the mentions the rules count with a small linear model
over hashed character 2-5-grams of the mention's sentence (90 characters each side at most) and a few
structured features (skill, category, title, position, other skills in the sentence, bullet, the heading
above, we/you/client words, the employer's name), trained only on the tuning postings by
``python -m etl train-skill-judge`` (etl/skill_judge_train.py) into etl/data/skill_judge.npy (256 KB).
The extraction drops a skill none of whose counted mentions the model reads as
demand; cross-validated on the tuning half (``python -m bench.skill_judge``) it removed 13-14 of 73 false
skills for 4 lost ones, and scored once on the test half it raised skills precision 0.936 -> 0.961 for
recall 0.965 -> 0.959. First written (:func:`judge_reference`) it cost about 370-500 µs more per real
posting, so it shipped off; :func:`judge` / :func:`judge_many` (issue 10) give the same decisions for about
90-100 µs (docs/performance.md), and it is on by default since.

The features are computed here, for training and scoring alike, with numpy and ``zlib.crc32`` only (no
per-process hash seed), so a model file trained once scores the same in every process. Scoring does not
build them (:func:`features` is the training's): the model is linear, so :func:`judge` sums the weights of a
mention's features as it finds them, and a score within :data:`MARGIN` of the cut is computed again exactly
as :meth:`Model.score` of :func:`features` would (tests/test_skill_judge.py holds the two together).
"""

from __future__ import annotations

import math
import re
import zlib
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np

from etl.normalize.skill_context import domain_skills, offering_spans
from etl.normalize.skills import Mention, _ascii, _matcher
from etl.sections import MAX_HEADING_CHARS, heading

MODEL_PATH = Path(__file__).resolve().parent / "data" / "skill_judge.npy"
DIM = 1 << 16  # hashed feature space
REACH = 90  # characters of the mention's line on each side
# How many of a mention's tokens (_window_tokens) are there whatever its text: the mention's own nine
# (skill ... domain) and its sentence's four flags (we, you, third, company: one each, true or false); the
# faster scorers count them by these (the token weights are averaged over the square root of the number)
MENTION_TOKENS = 9
FLAG_TOKENS = 4
NGRAMS = (2, 3, 4, 5)
_MUL = np.uint64(1000003)
_HEADING_LINES = 40  # lines looked back for the section's heading


@lru_cache(maxsize=1 << 15)
def _token(text: str) -> int:
    return zlib.crc32(text.encode("utf-8")) % DIM


_PAD = b"\x03" * (max(NGRAMS) - 1)
_END_PAD = b"\x03" + _PAD


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


@lru_cache(maxsize=1 << 12)
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
    is demand; the mentions left unread are marked demand (the skill's answer is the same).

    The answers of :func:`judge_reference` (issue 10: the same decisions at a fraction of the cost): the model
    is linear, so a mention's score is summed from weights looked up as its features are found (per skill
    and per sentence once) instead of building the feature arrays and indexing the weights with them; the
    n-grams of all windows of a round are hashed in one numpy pass over contiguous slices. Sums in another
    order differ from the reference's in the last bits only (at most :func:`_rounding_bound`); a mention
    whose score lies within :data:`MARGIN` of the cut is scored again exactly as the reference scores it,
    so no decision can differ."""
    return judge_many([(orig, mentions, title, company)])[0]


JudgeCall = tuple[str, Sequence[Mention], str, str] | tuple[str, Sequence[Mention], str, str, bytes]


def judge_many(calls: Sequence[JudgeCall]) -> list[list[bool]]:
    """:func:`judge` of each ``(orig, mentions, title, company)`` (optionally ``ascii_low(orig)`` fifth, as
    the skills' scan made it), the same answers as one by one; the n-grams of many postings are hashed in one
    numpy pass (the extraction judges a batch of postings at once: etl.extract)."""
    fast = _fast()
    if fast is None:
        return [judge_reference(*call[:4]) for call in calls]
    return [
        demand_after_check(call[0], call[1], call[2], got, call[3])
        for call, got in zip(calls, fast.judge_many(calls), strict=True)
    ]


# Rules after the model (branch h9w): where the job's own words make a mention demand, the check's "no" is
# overruled. The check reads a skill named as the role hired ("Big Data Engineers" as the title, "we're
# looking for a Data Science lead") or as part of the job ("ML is a core part of the job at this company")
# as the employer's own field, because such words sit among the employer's pitch on real postings.
_ROLE = (
    r"(?:engineer|developer|scientist|architect|analyst|specialist|expert|consultant|administrator|tester|"
    r"programmer|researcher|lead|entwickler|ingenieur|berater)(?:s|in|innen)?\b"
)
# up to two more words of the role's name between the skill and the role noun ("Big Data Software
# Engineers", "Deep Learning/Computer Vision Scientist"), none a preposition (a role "for" a skill is not it)
_ROLE_AFTER = re.compile(
    r"(?:[ \t]*[/&-]?[ \t]*(?!(?:for|with|to|at|in|on|of|by|from|team|group)\b)[\w.#+]+){0,2}?"
    r"[ \t]*[-/]?[ \t]*" + _ROLE,
    re.I,
)
_HIRING = re.compile(
    r"\b(?:looking for|hiring|seeking|searching for|recruiting|in search of|we need|we want|"
    r"(?:openings?|vacanc(?:y|ies)|positions? open) for|join (?:us|our team) as|suchen|sucht)\b"
    r"[^.!?;:\n]{0,40}$",
    re.I,
)
_JOB_PART = re.compile(
    r"(?:is|are|will be)[ \t]+(?:an?[ \t]+|the[ \t]+)?(?:\w+[ \t]+){0,2}?(?:part|focus|heart|core) of "
    r"(?:the|this|your)[ \t]+(?:job|role|work|position)\b",
    re.I,
)


def wanted(orig: str, start: int, stop: int, title_chars: int) -> bool:
    """Whether the mention ``orig[start:stop]`` names the role hired (in the title, or after a hiring phrase
    in its sentence, followed by a role noun) or is said to be part of the job (the rules after the check)."""
    right = orig[stop : stop + 60]
    if _JOB_PART.match(right.lstrip()):
        return True
    if not _ROLE_AFTER.match(right):
        return False
    if start < title_chars:
        return True
    return bool(_HIRING.search(orig[max(0, start - 80) : start]))


# An agile team or environment names the way of working (the eighth-round ruling: "agile team", "ambiente
# ágil" -> Agile): the check read such mentions beside the employer's culture words as its pitch (five tune
# misses on three boards, three of them fixed; seventy-eighth round). The mention may already hold the noun
# ("Agile environment").
_AGILE_WAY = re.compile(r"agile(?:[ \t]+(?:teams?|environments?|squads?))\b", re.I)


def _agile_way(orig: str, m: Mention) -> bool:
    return m.skill == "Agile" and _AGILE_WAY.match(orig, m.start, m.stop + 16) is not None


def demand_after_check(
    orig: str, mentions: Sequence[Mention], title: str, verdicts: list[bool], company: str = ""
) -> list[bool]:
    """The check's ``verdicts`` with the rules after it: a mention it reads as no demand is demand when
    :func:`wanted` or when it names an agile team or environment (about one mention in twenty is read, those
    the check says no to). ``company``: the employer's name, a seller of an offering as "we" is ("<Company>
    provides apps on Android and iOS"; ninety-fourth round)."""
    title_chars = 1 + len(title) if title else 0
    out = [
        ok or wanted(orig, m.start, m.stop, title_chars) or _agile_way(orig, m)
        for m, ok in zip(mentions, verdicts, strict=True)
    ]
    # the employer's offering (branch h9y: "a team that ... by providing BI solutions including AI and ML on
    # Azure"): the check kept such lists as the stack. Read after the check, not as a pitch span before it:
    # as a pitch span the retrained check kept more domain skills elsewhere (the offering's mentions no
    # longer taught it that such words are no demand). A roster span drops every skill in it, another only
    # the domain skills (its concrete tools are the stack); the same skill named elsewhere still counts.
    for a, b, roster in offering_spans(orig, company) if any(out) else ():
        for i, m in enumerate(mentions):
            if out[i] and a <= m.start and m.stop <= b and (roster or m.skill in domain_skills()):
                out[i] = False
    return out


# A score this near the cut is computed again the reference's way (see judge). The fast sums differ from the
# reference's by at most _rounding_bound() (about 1e-10 for the committed model): a million times less.
MARGIN = 1e-4
# A mention whose score, with the least its sentence's we / you / third-party words can add, still reaches the
# cut by more than MARGIN (and this at least) is demand whatever those words are: their three searches are
# skipped (see _Fast). A thousand times the rounding bound at least, like MARGIN.
SURE = 1e-6
_U = 2.0**-53  # unit round-off of float64
_MAX_WINDOW = 2 * REACH + 5  # \x02 + left + " \x01 " + right + \x03
_MAX_TOKENS = 9 + 4 + 6 + (2 * REACH + 1) // 3  # per mention, per sentence, heading, words of 2+ letters


def _rounding_bound(mdl: Model) -> float:
    """How far the fast score of a mention can be from :meth:`Model.score`'s, from rounding alone: two sums
    of n terms in different orders differ by at most 2 * gamma_n * sum|x| (gamma_n = n u / (1 - n u); Higham,
    *Accuracy and Stability of Numerical Algorithms*, 4.2), each block divided by sqrt(n), plus the few
    additions that make the score; bounded above for the longest window and the most tokens a mention has."""
    wmax = float(np.abs(mdl.weights).max())

    def block(n: int, scale: float) -> float:
        gamma = n * _U / (1 - n * _U)
        return 2 * gamma * n * wmax * abs(scale) / math.sqrt(n) * (1 + 4 * _U)

    n_ng = len(NGRAMS) * _MAX_WINDOW
    size = abs(mdl.bias) + n_ng * wmax + abs(mdl.token_weight) * _MAX_TOKENS * wmax
    return block(n_ng, 1.0) + block(_MAX_TOKENS, mdl.token_weight) + 8 * _U * size


@cache
def _fast() -> _Fast | None:
    mdl = model()
    return _Fast(mdl) if _rounding_bound(mdl) * 1000 < min(MARGIN, SURE) else None


class _Fast:
    """The model's weights arranged for :func:`judge`: as a Python list (a weight by index without numpy's
    per-call cost), summed per skill over the tokens that depend only on the skill, and per value of each
    structured feature of a mention."""

    def __init__(self, mdl: Model) -> None:
        self.mdl = mdl
        self.weights = mdl.weights
        wl = self.wl = mdl.weights.tolist()
        self.skills: dict[str, float] = {}
        self.skill_parts: list[float] = []  # skill_part by the skill's number in skill_ids
        self.skill_ids = _SkillIds(self)
        self.word_parts = _TokenWeights(wl)
        self.heading_parts = _HeadingWeights(wl)
        self.title = [wl[_token(f"title={v}")] for v in (False, True)]
        self.pos = [wl[_token(f"pos={v}")] for v in range(10)]
        self.others = [wl[_token(f"others={v}")] for v in range(5)]
        self.bullet = [wl[_token(f"bullet={v}")] for v in (False, True)]
        self.sentlen = [wl[_token(f"sentlen={v}")] for v in range(6)]
        self.flags = [
            [wl[_token(f"{name}={v}")] for v in (False, True)] for name in ("we", "you", "third", "company")
        ]
        # the least the three word searches' tokens (we, you, third) add to a score, times 1 / sqrt(tokens):
        # a mention whose score with it reaches cut + SURE is demand without them (the searches are the
        # largest cost left per sentence, and they decide only about 5% of the mentions on real postings)
        tw = mdl.token_weight
        self.flags_least = sum(min(tw * w for w in pair) for pair in self.flags[:3])

    def skill_part(self, skill: str) -> float:
        """The summed weights of the tokens of a mention that depend only on its skill (a judged mention's
        status is always "counted")."""
        got = self.skills.get(skill)
        if got is None:
            wl = self.wl
            got = self.skills[skill] = (
                wl[_token(f"skill={skill}")]
                + wl[_token(f"cat={_matcher().categories.get(skill, '')}")]
                + wl[_token("status=counted")]
                + wl[_token(f"domain={skill in _domain()}")]
            )
        return got

    def judge_many(self, calls: Sequence[JudgeCall]) -> list[list[bool]]:
        """:func:`judge` of each posting, :data:`CHUNK` postings at a time (:class:`_BatchScorer`: each
        mention's line, sentence, window and structured tokens found for the whole chunk by array operations,
        each round's scores in one numpy pass)."""
        out: list[list[bool]] = []
        for k in range(0, len(calls), CHUNK):
            out += _BatchScorer(self, calls[k : k + CHUNK]).judge()
        return out

    def judge_by_posting(self, calls: Sequence[JudgeCall]) -> list[list[bool]]:
        """:meth:`judge_many` as before issue 10's batched scorer: each mention's features found posting by
        posting in Python (:meth:`_PostingScorer.collect`), each round's n-grams in one numpy pass; the same
        scores to the last bit (tests/test_skill_judge.py holds the two together)."""
        out: list[list[bool]] = []
        for k in range(0, len(calls), BY_POSTING_CHUNK):
            out += self._judge_chunk(calls[k : k + BY_POSTING_CHUNK])
        return out

    def _judge_chunk(self, calls: Sequence[JudgeCall]) -> list[list[bool]]:
        cut, tw, least = self.mdl.cut, self.mdl.token_weight, self.flags_least
        posts = [_PostingScorer(self, *call) for call in calls]
        queues: list[dict[str, list[int]]] = []
        for post in posts:
            queue: dict[str, list[int]] = {}
            for i, m in enumerate(post.mentions):
                queue.setdefault(m.skill, []).append(i)
            queues.append(queue)
        outs = [[True] * len(post.mentions) for post in posts]
        live = [j for j, q in enumerate(queues) if q]
        while live:
            batches = [[q.pop(0) for q in queues[j].values()] for j in live]
            pieces: list[bytes] = []
            marks: list[int] = []
            tokens: list[tuple[float, int]] = []
            keys: list[tuple[int, int]] = []
            for j, batch in zip(live, batches, strict=True):
                posts[j].collect(batch, pieces, marks, tokens, keys)
            bases, invs = _scores(self.mdl, pieces, marks, tokens, self.weights)
            scores = iter(zip(bases, invs, keys, strict=True))
            sure = cut + max(MARGIN, SURE)
            for j, batch in zip(live, batches, strict=True):
                post, queue, out = posts[j], queues[j], outs[j]
                for i in batch:
                    base, inv, key = next(scores)
                    skill = post.mentions[i].skill
                    if base + least * inv >= sure:  # demand whatever the sentence's three searches find
                        del queue[skill]
                        continue
                    z = base + tw * post.flag_part(key) * inv
                    if abs(z - cut) <= MARGIN:  # the reference's way, to the last bit
                        z = post.exact_score(i)
                    if z >= cut:
                        del queue[skill]
                    else:
                        out[i] = False
                        if not queue[skill]:
                            del queue[skill]
            live = [j for j in live if queues[j]]
        return outs


# postings judged together by the batched scorer: a batch of the extraction (2,000) at once; about 15,000
# mentions of real postings, a round's windows about 2 MB, its numpy arrays about 60 MB at most
CHUNK = 2048
WINDOWS = 256  # windows one numpy pass of the batched scorer hashes (about 40 KB)
BY_POSTING_CHUNK = 256  # the same for judge_by_posting (about 170 KB of windows a round)


def _scores(
    mdl: Model, pieces: list[bytes], marks: list[int], tokens: list[tuple[float, int]], weights: np.ndarray
) -> tuple[list[float], list[float]]:
    """The fast scores of the windows ``pieces`` joined (``marks``: where each starts and stops) with their
    tokens' (summed weights but the three word searches', number), each as (the score but those searches'
    tokens, 1 / sqrt(number of tokens)) in two lists: the score is the first plus the token weight times the
    searches' weights times the second (one numpy pass for all)."""
    sums = _ngram_sum_array(b"".join(pieces), marks, weights)
    bounds = np.array(marks, dtype=np.int64)
    toks = np.array(tokens, dtype=np.float64).reshape(-1, 2)
    inv = 1 / np.sqrt(toks[:, 1])
    base = (
        mdl.bias
        + sums / np.sqrt(len(NGRAMS) * (bounds[1::2] - bounds[::2]))
        + mdl.token_weight * toks[:, 0] * inv
    )
    return base.tolist(), inv.tolist()  # type: ignore[no-any-return]


_SENTENCE_END = re.compile(rb"[.!?;] ")  # the ends of _SENT_END ("; " ...), found at once in a line


class _PostingScorer:
    """One posting's mentions scored by :class:`_Fast`: each line's sentence ends, each sentence's tokens
    and each line's heading found once however many mentions and rounds need them."""

    def __init__(
        self,
        fast: _Fast,
        orig: str,
        mentions: Sequence[Mention],
        title: str,
        company: str,
        low: bytes | None = None,
    ) -> None:
        self.fast = fast
        self.orig = orig
        self.mentions = mentions
        self.low = ascii_low(orig) if low is None else low
        self.title_chars = 1 + len(title) if title else 0
        self.first_b = _company_key(company)
        self.starts: list[int] | None = None  # the mentions' starts in order (collect's, made on first use)
        self.lines_info: dict[tuple[int, int], tuple[list[int], float]] = {}
        self.sentences: dict[tuple[int, int, int], tuple[float, int]] = {}
        self.flag_parts: dict[tuple[int, int], float] = {}  # a sentence (s, e) -> flag_part
        self.headings: dict[int, str] = {}  # a line's start -> the heading above it
        self.lines: dict[int, tuple[int, str]] = {}
        self.memo: dict[tuple[int, int, int], list[int]] = {}  # the reference's, for a score near the cut

    def _line(self, a: int, b: int) -> tuple[list[int], float]:
        """(where each sentence end of :func:`_sentence` (". " ...) is in ``[a, b)``, the weight of the line's
        bullet token), read once per line (``[a, b)`` reaches over a line break when a mention does)."""
        line = self.orig[a:b].lstrip()
        got = self.lines_info[a, b] = (
            [x.start() for x in _SENTENCE_END.finditer(self.low, a, b)],
            self.fast.bullet[line[:1] in "-*•·▪"],
        )
        return got

    def scores(self, batch: Sequence[int]) -> list[float]:
        """The fast score of each mention of ``batch`` (indices into the mentions), as :meth:`Model.score`
        of :func:`features` within rounding."""
        pieces: list[bytes] = []
        marks: list[int] = []
        tokens: list[tuple[float, int]] = []
        keys: list[tuple[int, int]] = []
        self.collect(batch, pieces, marks, tokens, keys)
        tw = self.fast.mdl.token_weight
        bases, invs = _scores(self.fast.mdl, pieces, marks, tokens, self.fast.weights)
        return [
            base + tw * self.flag_part(key) * inv for base, inv, key in zip(bases, invs, keys, strict=True)
        ]

    def collect(
        self,
        batch: Sequence[int],
        pieces: list[bytes],
        marks: list[int],
        tokens: list[tuple[float, int]],
        keys: list[tuple[int, int]],
    ) -> None:
        """Append each mention's window (its pieces, followed by :data:`_PAD`) to ``pieces``, where the
        window starts and stops in the joined pieces to ``marks``, its tokens' (summed weights but those of
        the sentence's three word searches (:meth:`flag_part`), number) to ``tokens`` and its sentence
        ``(s, e)`` to ``keys``."""
        if self.starts is None:
            self.starts = sorted(m.start for m in self.mentions)
        fast, orig, low, starts, sentences = self.fast, self.orig, self.low, self.starts, self.sentences
        n_orig = max(1, len(orig))
        skill_part, title_w, pos_w, others_w, sentlen_w = (
            fast.skill_part,
            fast.title,
            fast.pos,
            fast.others,
            fast.sentlen,
        )
        title_chars, lines_info = self.title_chars, self.lines_info
        at = marks[-1] + len(_PAD) if marks else 0
        for i in batch:
            m = self.mentions[i]
            start, stop = m.start, m.stop
            a = orig.rfind("\n", 0, start) + 1
            b = orig.find("\n", stop)
            if b == -1:
                b = len(orig)
            line = lines_info.get((a, b))
            if line is None:
                line = self._line(a, b)
            ends, bullet = line
            # the sentence (_sentence): after the last end whose two bytes lie before the mention, to the
            # first end after it
            s, e = a, b
            if ends:
                j = bisect_right(ends, start - 2)
                k = bisect_left(ends, stop, j)
                if j:
                    s = ends[j - 1] + 2
                if k < len(ends):
                    e = ends[k] + 1
            left = low[(s if s > start - REACH else start - REACH) : start]
            right = low[stop : (e if e < stop + REACH else stop + REACH)]
            pieces += (b"\x02", left, b" \x01 ", right, _END_PAD)
            marks.append(at)
            at += len(left) + len(right) + 5  # the window: \x02 left " \x01 " right \x03
            marks.append(at)
            at += len(_PAD)
            others = bisect_left(starts, e) - bisect_left(starts, s) - 1  # every mention but m in [s, e)
            pos = 10 * start // n_orig
            sentlen = (e - s) // 60
            total = (
                skill_part(m.skill)
                + title_w[start < title_chars]
                + pos_w[pos if pos < 9 else 9]
                + others_w[others if others < 4 else 4]
                + bullet
                + sentlen_w[sentlen if sentlen < 5 else 5]
            )
            key = (a, s, e)
            shared = sentences.get(key)
            if shared is None:
                shared = sentences[key] = self._sentence_part(a, s, e)
            tokens.append((total + shared[0], MENTION_TOKENS + shared[1]))
            keys.append((s, e))

    def exact_score(self, i: int) -> float:
        """:meth:`Model.score` of mention ``i``'s features as the reference builds them."""
        window, toks = _window_tokens(
            self.orig, self.low, self.mentions[i], self.mentions, self.title_chars, self.first_b, self.memo
        )
        idx, _ = _ngram_batch([window])
        return self.fast.mdl.score((idx, toks))

    def _sentence_part(self, a: int, s: int, e: int) -> tuple[float, int]:
        """(summed weights, number) of the sentence's own tokens, as :func:`_window_tokens` lists them, but
        the weights of the three word searches' (:meth:`flag_part`, read only when a score needs them)."""
        fast, low, first_b = self.fast, self.low, self.first_b
        sent = low[s:e]
        company = fast.flags[3]
        h = self.headings.get(a)
        if h is None:
            h = self.headings[a] = _heading_above_memo(self.orig, a, self.lines)
        head_sum, head_n = fast.heading_parts[h]
        words = _WORD_B.findall(sent, 0, 2 * REACH)
        own = company[bool(first_b) and first_b in sent] + head_sum
        return own + sum(map(fast.word_parts.__getitem__, words)), FLAG_TOKENS + head_n + len(words)

    def flag_part(self, key: tuple[int, int]) -> float:
        """The summed weights of the sentence ``low[s:e]``'s tokens we, you and third (its three searches:
        :func:`_window_tokens`' regular expressions as bytes ones, the same matches in ASCII text), read once
        per sentence."""
        got = self.flag_parts.get(key)
        if got is None:
            sent = self.low[key[0] : key[1]]
            we, you, third, _ = self.fast.flags
            got = self.flag_parts[key] = (
                we[_WE_B.search(sent) is not None]
                + you[_YOU_B.search(sent) is not None]
                + third[_THIRD_B.search(sent) is not None]
            )
        return got


# a line's first byte after which str.lstrip could go on (ASCII spaces) or "?" (a non-ASCII character in
# the ASCII copy: a bullet "•", a no-break space...): the line is read in Python
_UNSURE_FIRST = np.zeros(256, dtype=bool)
_UNSURE_FIRST[[*range(9, 14), *range(28, 33), ord("?")]] = True
_FAR = 1 << 62  # beyond every position (the sentinels of the sentence ends)


class _BatchScorer:
    """The mentions of many postings (:data:`CHUNK`) judged together (issue 10): the postings' ASCII texts
    back to back, so each mention's line, sentence, window and structured tokens are found for all of them
    by array operations (searches over the line breaks and sentence ends of the whole chunk) instead of
    Python per mention; each sentence's words too (found, hashed and summed for all sentences at once:
    :meth:`_words`). Only each sentence's heading and employer's-name look-ups, some lines' bullet and the
    rare reads of :meth:`_PostingScorer.flag_part` and :meth:`_PostingScorer.exact_score` stay Python, once
    per sentence or line. The same sums in the same order as :meth:`_PostingScorer.collect` and
    :func:`_scores`, so the same scores to the last bit."""

    def __init__(self, fast: _Fast, calls: Sequence[JudgeCall]) -> None:
        self.fast = fast
        posts = self.posts = [_PostingScorer(fast, *call) for call in calls]
        counts = [len(p.mentions) for p in posts]
        n = sum(counts)
        lens = np.array([len(p.low) for p in posts], dtype=np.int64)
        # every text after a line break, one more at the end: a line never reaches into another posting
        self.text = b"\n" + b"\n".join([p.low for p in posts]) + b"\n"
        text = np.frombuffer(self.text, dtype=np.uint8)
        offsets = self.offsets = np.cumsum(lens + 1) - lens  # where each posting's text starts
        # a window's constant bytes after the texts: "\x02" at const, " \x01 " at const + 1, "\x03" + _PAD
        # at const + 4 (collect's pieces)
        self.const = len(text)
        self.source = np.concatenate([text, np.frombuffer(b"\x02 \x01 " + _END_PAD, dtype=np.uint8)])
        post_of = self.post_of = np.repeat(np.arange(len(posts), dtype=np.int64), counts)
        self.first = np.cumsum(counts, dtype=np.int64) - counts  # each posting's first mention
        skills = [m.skill for p in posts for m in p.mentions]
        base = offsets[post_of]
        local = np.array([m.start for p in posts for m in p.mentions], dtype=np.int64).reshape(n)
        start = self.start = local + base
        stop = np.array([m.stop for p in posts for m in p.mentions], dtype=np.int64).reshape(n)
        stop = self.stop = stop + base
        breaks = self.breaks = np.flatnonzero(text == 10)
        a = self.a = breaks[np.searchsorted(breaks, start) - 1] + 1  # orig.rfind("\n", 0, start) + 1
        b = breaks[np.searchsorted(breaks, stop)]  # orig.find("\n", stop)
        # the sentence (_sentence): after the last end whose two bytes lie before the mention within its
        # line, to the first end after it within its line
        # where a sentence end (". ", "! ", "? ", "; ") starts: a mask of byte comparisons over the texts
        # (half the cost of keeping every space and reading the byte before it), few positions kept
        head = text[:-1]
        mask = text[1:] == 32
        mask &= (head == 46) | (head == 33) | (head == 63) | (head == 59)
        found = np.flatnonzero(mask)
        ends = np.concatenate([[-_FAR], found, [_FAR]]).astype(np.int64)
        before = ends[np.searchsorted(ends, start - 2, side="right") - 1]
        s = self.s = np.where(before >= a, before + 2, a)
        after = ends[np.searchsorted(ends, stop)]
        e = self.e = np.where(after < b, after + 1, b)
        starts = np.sort(start)
        others = np.searchsorted(starts, e) - np.searchsorted(starts, s) - 1  # every mention but m in [s, e)
        pos = 10 * local // np.maximum(lens, 1)[post_of]
        sentlen = (e - s) // 60
        title_chars = np.array([p.title_chars for p in posts], dtype=np.int64)
        # each mention's tokens but its sentence's, summed in collect's order
        ids = fast.skill_ids
        skill = np.array([ids[k] for k in skills], dtype=np.int64).reshape(n)
        total = np.array(fast.skill_parts, dtype=np.float64)[skill]
        total = total + np.array(fast.title)[(local < title_chars[post_of]).astype(np.int64)]
        total = total + np.array(fast.pos)[np.minimum(pos, 9)]
        total = total + np.array(fast.others)[np.minimum(others, 4)]
        total = total + self._bullets(a, b)
        self.total = total + np.array(fast.sentlen)[np.minimum(sentlen, 5)]
        # each sentence (a, s, e) once: its own tokens are read when a round first needs them. Its start
        # tells its line: two mentions on lines a1 < a2 have s1 <= start1 < a2 <= s2
        uniq, inverse = np.unique(s * (self.const + 1) + e, return_inverse=True)
        self.sentence = inverse.reshape(n)
        self.sentence_at = np.zeros(len(uniq), dtype=np.int64)  # a mention of each sentence
        self.sentence_at[self.sentence] = np.arange(n, dtype=np.int64)
        self.sentence_read = np.zeros(len(uniq), dtype=bool)
        self.headings: dict[int, str] = {}  # a line's start -> the heading above it (_heading_above)
        self.maybe_heading: np.ndarray | None = None  # the lines _headings reads (made on first use)
        self.sentence_sum = np.zeros(len(uniq), dtype=np.float64)
        self.sentence_n = np.zeros(len(uniq), dtype=np.int64)
        # a group: one skill's mentions in one posting, in their order
        key = skill * len(posts) + post_of
        self.order = np.argsort(key, kind="stable")
        grouped = key[self.order]
        self.group_start = np.flatnonzero(np.concatenate([[n > 0], grouped[1:] != grouped[:-1]]))
        self.group_len = np.diff(np.append(self.group_start, n))

    def _bullets(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """The weight of each mention's line's bullet token (:meth:`_PostingScorer._line`): a line whose
        first byte is neither a space nor a non-ASCII character ("?" in the ASCII copy) is a bullet when
        that byte is "-" or "*"; any other line is read as _line reads it, once."""
        span = self.const + 1
        lines, inverse = np.unique(a * span + b, return_inverse=True)
        la, lb = lines // span, lines % span
        first = self.source[la]
        bullet = np.array(self.fast.bullet, dtype=np.float64)
        got = bullet[((first == 45) | (first == 42)).astype(np.int64)]
        other = np.flatnonzero(_UNSURE_FIRST[first])
        if len(other):
            post = np.searchsorted(self.offsets, la[other], side="right") - 1
            off = self.offsets[post]
            got[other] = [
                self.fast.bullet[self.posts[j].orig[x:y].lstrip()[:1] in "-*•·▪"]
                for j, x, y in zip(post.tolist(), (la[other] - off).tolist(), (lb[other] - off).tolist())
            ]
        return got[inverse.reshape(-1)]  # type: ignore[no-any-return]

    def judge(self) -> list[list[bool]]:
        """Per posting, per mention: demand or not, as :meth:`_Fast._judge_chunk` decides (rounds: each
        skill's next mention until one is demand; the mentions left unread are demand)."""
        out = np.ones(len(self.start), dtype=bool)
        live = np.arange(len(self.group_start), dtype=np.int64)  # the groups still undecided
        read = np.zeros(len(self.group_start), dtype=np.int64)  # how many of each group's mentions are read
        while len(live):
            batch = self.order[self.group_start[live] + read[live]]
            demand = self._demand(batch)
            out[batch[~demand]] = False
            read[live] += 1
            live = live[~demand & (read[live] < self.group_len[live])]
        flat: list[bool] = out.tolist()
        return [flat[f : f + len(p.mentions)] for f, p in zip(self.first.tolist(), self.posts, strict=True)]

    def scores(self) -> list[float]:
        """The fast score of every mention, as :meth:`_PostingScorer.scores` gives it (tests)."""
        batch = np.arange(len(self.start), dtype=np.int64)
        base, inv = self._base(batch)
        tw = self.fast.mdl.token_weight
        return [
            z + tw * self._flag_part(i) * iv
            for i, z, iv in zip(batch.tolist(), base.tolist(), inv.tolist(), strict=True)
        ]

    def _flag_part(self, i: int) -> float:
        j = int(self.post_of[i])
        off = int(self.offsets[j])
        return self.posts[j].flag_part((int(self.s[i]) - off, int(self.e[i]) - off))

    def _demand(self, batch: np.ndarray) -> np.ndarray:
        """Whether each mention of ``batch`` (indices) is demand: its score reaches the cut; the sentence's
        three word searches read only when they can decide, a score near the cut computed again the
        reference's way (as :meth:`_Fast._judge_chunk`)."""
        mdl = self.fast.mdl
        base, inv = self._base(batch)
        demand: np.ndarray = base + self.fast.flags_least * inv >= mdl.cut + max(MARGIN, SURE)
        unsure = np.flatnonzero(~demand)
        if len(unsure):  # about one mention in twenty on real postings
            cut, tw = mdl.cut, mdl.token_weight
            picked = batch[unsure].tolist(), base[unsure].tolist(), inv[unsure].tolist()
            for k, i, z0, iv in zip(unsure.tolist(), *picked, strict=True):
                z = z0 + tw * self._flag_part(i) * iv
                if abs(z - cut) <= MARGIN:  # the reference's way, to the last bit
                    j = int(self.post_of[i])
                    z = self.posts[j].exact_score(i - int(self.first[j]))
                demand[k] = z >= cut
        return demand

    def _base(self, batch: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(each mention of ``batch``'s score but its sentence's three word searches' tokens, 1 / sqrt(number
        of its tokens)): :func:`_scores`' arithmetic on the whole batch."""
        if not len(batch):
            return np.zeros(0, dtype=np.float64), np.zeros(0, dtype=np.float64)
        fast = self.fast
        mdl = fast.mdl
        sentence = self.sentence[batch]
        self._read_sentences(sentence)
        start, stop = self.start[batch], self.stop[batch]
        left = np.maximum(self.s[batch], start - REACH)
        right = np.minimum(self.e[batch], stop + REACH)
        width = (start - left) + (right - stop) + 5  # the window: \x02 left " \x01 " right \x03
        # each window's five pieces, gathered from the texts and the constant bytes
        c = self.const
        ones = np.ones_like(start)
        seg_start = np.stack([ones * c, left, ones * (c + 1), stop, ones * (c + 4)], axis=1).reshape(-1)
        seg_len = np.stack(
            [ones, start - left, ones * 3, right - stop, ones * (1 + len(_PAD))], axis=1
        ).reshape(-1)
        at = np.cumsum(seg_len) - seg_len
        size = int(at[-1] + seg_len[-1])
        codes = self.source[np.repeat(seg_start - at, seg_len) + np.arange(size)]
        opens = np.cumsum(width + len(_PAD)) - (width + len(_PAD))
        marks = np.stack([opens, opens + width], axis=1).reshape(-1)
        # hashed WINDOWS windows at a time: their arrays stay in the processor's caches (a third faster
        # than all at once; the same sums, each window's alone)
        parts = []
        for k in range(0, len(batch), WINDOWS):
            j = min(k + WINDOWS, len(batch))
            lo = int(opens[k])
            hi = int(opens[j]) if j < len(batch) else size
            parts.append(_ngram_sum_codes(codes[lo:hi], marks[2 * k : 2 * j] - lo, fast.weights))
        sums = np.concatenate(parts)
        tokens = self.total[batch] + self.sentence_sum[sentence]
        inv = 1 / np.sqrt((MENTION_TOKENS + self.sentence_n[sentence]).astype(np.float64))
        base = mdl.bias + sums / np.sqrt(len(NGRAMS) * width) + mdl.token_weight * tokens * inv
        return base, inv

    def _headings(self, starts: np.ndarray) -> None:
        """:func:`_heading_above` of each line starting at ``starts`` (the texts' positions) not found yet,
        into ``self.headings``: the same lines read upwards, but those that cannot be a heading skipped
        without Python (sections.heading answers None for an empty line, a line longer than its
        MAX_HEADING_CHARS that no space ends, a bullet "- ..." or "* ...")."""
        starts = np.unique(starts)
        starts = starts[[g not in self.headings for g in starts.tolist()]]
        if not len(starts):
            return
        breaks, text = self.breaks, self.source
        if self.maybe_heading is None:
            lo, hi = breaks[:-1] + 1, breaks[1:]  # line i: [lo[i], hi[i])
            head, tail, second = text[lo], text[hi - 1], text[lo + 1]
            length = hi - lo
            bullet = ((head == 45) | (head == 42)) & ((second == 32) | (second == 9)) & (length > 1)
            long = (length > MAX_HEADING_CHARS) & ~_UNSURE_FIRST[head] & ~_UNSURE_FIRST[tail]
            self.maybe_heading = np.flatnonzero((length > 0) & ~long & ~bullet)
        lines = self.maybe_heading
        line = np.searchsorted(breaks, starts - 1)  # the line's number: breaks[line] == start - 1
        post = np.searchsorted(self.offsets, starts, side="right") - 1
        off = self.offsets[post]
        top = np.maximum(line - _HEADING_LINES, np.searchsorted(breaks, off - 1))  # not above the posting
        upto = np.searchsorted(lines, line)  # lines[k] for k in [since, upto): read from the last
        since = np.searchsorted(lines, top)
        for g, j, o, k0, k1 in zip(
            starts.tolist(), post.tolist(), off.tolist(), since.tolist(), upto.tolist(), strict=True
        ):
            orig = self.posts[j].orig
            h = ""
            for i in lines[k0:k1][::-1].tolist():
                h = _heading_of(orig[int(breaks[i]) + 1 - o : int(breaks[i + 1]) - o])
                if h:
                    break
            self.headings[g] = h

    def _read_sentences(self, sentence: np.ndarray) -> None:
        """The own tokens' (summed weights, number) of each sentence of ``sentence`` not read yet, as
        :meth:`_PostingScorer._sentence_part` gives them, for all at once: the words of every sentence found,
        hashed and counted by array operations (:meth:`_words`), their weights summed per sentence in their
        order (``np.bincount`` adds in its input's order from 0.0, as ``sum`` does), so the same sums to the
        last bit."""
        new = np.unique(sentence[~self.sentence_read[sentence]])
        if not len(new):
            return
        first = self.sentence_at[new]  # a mention of each: its posting, where the posting's text starts
        post_of = self.post_of[first]
        line = self.a[first]
        self._headings(line)
        fast, posts, headings = self.fast, self.posts, self.headings
        s, e = self.s[first], self.e[first]
        word_sum, word_n = self._words(s, np.minimum(e, s + 2 * REACH))
        heads = [fast.heading_parts[headings[g]] for g in line.tolist()]
        company = fast.flags[3]
        source = self.source
        own = [
            company[bool(fb) and _holds(source, fb, x, y)] + h[0]
            for fb, h, x, y in zip(
                [posts[j].first_b for j in post_of.tolist()], heads, s.tolist(), e.tolist(), strict=True
            )
        ]
        self.sentence_sum[new] = np.array(own, dtype=np.float64) + word_sum
        self.sentence_n[new] = FLAG_TOKENS + np.array([h[1] for h in heads], dtype=np.int64) + word_n
        self.sentence_read[new] = True

    def _words(self, lo: np.ndarray, hi: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """(summed weights of the tokens ``w=<word>``, number of words) of each span ``[lo, hi)`` of the
        texts: its words as ``_WORD_B.findall`` finds them in the span alone, found and hashed for all spans
        at once (:func:`_word_tokens`), no Python per word. The spans are gathered back to back after a zero
        byte, each followed by one (no word crosses it); a word is a run of two or more of its letters."""
        n = len(lo)
        text = self.text
        joined = b"\0" + b"".join([text[x:y] + b"\0" for x, y in zip(lo.tolist(), hi.tolist(), strict=True)])
        gathered = np.frombuffer(joined, dtype=np.uint8)
        at = np.cumsum(hi - lo + 1) - (hi - lo)  # where each span starts in ``joined``
        letter = _WORD_BYTE[gathered]
        edge = np.flatnonzero(letter[1:] != letter[:-1]) + 1  # the runs' starts and stops, in turn
        runs, length = edge[::2], edge[1::2] - edge[::2]  # each run of letters: where, how long
        keep = length >= 2
        runs, length = runs[keep], length[keep]
        count = np.bincount(np.searchsorted(at, runs, side="right") - 1, minlength=n)
        weights = self.fast.weights[_word_tokens(gathered, runs, length)]
        # per span, its words' weights added in their order from 0.0 (np.bincount's order, as sum's)
        sums = np.bincount(np.repeat(np.arange(n, dtype=np.int64), count), weights=weights, minlength=n)
        return sums, count


_WORD_BYTE = np.zeros(256, dtype=bool)  # the bytes of _WORD_B's words ([a-z_])
_WORD_BYTE[[*range(ord("a"), ord("z") + 1), ord("_")]] = True


def _crc_table() -> np.ndarray:
    """The byte table of CRC-32 (zlib's: reflected, polynomial 0xEDB88320)."""
    c = np.arange(256, dtype=np.uint32)
    for _ in range(8):
        c = np.where(c & 1, (c >> 1) ^ np.uint32(0xEDB88320), c >> 1)
    return c


_CRC = _crc_table()
_W_STATE = zlib.crc32(b"w=") ^ 0xFFFFFFFF  # CRC-32's register after "w=" (each word's token starts so)


def _word_tokens(codes: np.ndarray, starts: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """``_token("w=" + word)`` of each word ``codes[starts[i]:starts[i] + lengths[i]]``: ``zlib.crc32`` of
    its token computed for all words at once, a byte position at a time (the longest words first, so the
    words still going are a prefix), ``% DIM``."""
    order = np.argsort(-lengths, kind="stable")
    at, left = starts[order], -lengths[order]  # left ascending: the words longer than k come first
    state = np.full(len(at), _W_STATE, dtype=np.uint32)
    for k in range(int(-left[0]) if len(left) else 0):
        m = int(np.searchsorted(left, -k))  # the words with more than k bytes
        s = state[:m]
        state[:m] = _CRC[(s ^ codes[at[:m] + k]) & 0xFF] ^ (s >> 8)
    out = np.empty(len(at), dtype=np.int64)
    out[order] = (state ^ np.uint32(0xFFFFFFFF)) % DIM
    return out


def _holds(source: np.ndarray, needle: bytes, x: int, y: int) -> bool:
    """Whether ``needle`` occurs in ``source[x:y]`` (the sentence's bytes)."""
    return needle in source[x:y].tobytes()


def _ascii_pattern(pattern: re.Pattern[str]) -> re.Pattern[bytes]:
    """``\\b(?:a|b|...)\\b`` as a bytes pattern without its non-ASCII alternatives ("nós", "você"), which
    never match ASCII text; on ASCII text the same matches (``\\w`` and ``\\b`` agree on ASCII)."""
    body = pattern.pattern
    if not (body.startswith("\\b(?:") and body.endswith(")\\b")) or "(" in body[5:]:
        raise ValueError(f"not a plain alternation of words: {body}")
    keep = [alt for alt in body[5:-3].split("|") if alt.isascii()]
    return re.compile(("\\b(?:" + "|".join(keep) + ")\\b").encode("ascii"))


_WE_B = _ascii_pattern(_WE)
_YOU_B = _ascii_pattern(_YOU)
_THIRD_B = _ascii_pattern(_THIRD)
_WORD_B = re.compile(_WORD.pattern.encode("ascii"))


class _SkillIds(dict[str, int]):
    """A skill -> a number of its own (the batched scorer's groups of a skill's mentions in a posting), its
    :meth:`_Fast.skill_part` appended to ``fast.skill_parts`` at that number."""

    def __init__(self, fast: _Fast) -> None:
        super().__init__()
        self.fast = fast

    def __missing__(self, skill: str) -> int:
        got = self[skill] = len(self)
        self.fast.skill_parts.append(self.fast.skill_part(skill))
        return got


class _TokenWeights(dict[bytes, float]):
    """A word of a sentence (bytes) -> the weight of its token ``w=<word>``, looked up on first use (at most
    65,536 remembered, then afresh)."""

    def __init__(self, wl: list[float]) -> None:
        super().__init__()
        self.wl = wl

    def __missing__(self, word: bytes) -> float:
        if len(self) >= 1 << 16:
            self.clear()
        got = self[word] = self.wl[_token("w=" + word.decode("ascii"))]
        return got


class _HeadingWeights(dict[str, tuple[float, int]]):
    """A heading ("" for none) -> (summed weights, number) of its tokens ``h=<word>`` (its first six words)
    or ``h=`` (bounded like :class:`_TokenWeights`)."""

    def __init__(self, wl: list[float]) -> None:
        super().__init__()
        self.wl = wl

    def __missing__(self, h: str) -> tuple[float, int]:
        if len(self) >= 1 << 14:
            self.clear()
        heads = [f"h={w}" for w in h.split()[:6]] or ["h="]
        total = 0.0
        for w in heads:
            total += self.wl[_token(w)]
        got = self[h] = (total, len(heads))
        return got


def _ngram_sums(joined: bytes, marks: Sequence[int], weights: np.ndarray) -> list[float]:
    """:func:`_ngram_sum_array` as a list."""
    return _ngram_sum_array(joined, marks, weights).tolist()  # type: ignore[no-any-return]


def _ngram_sum_array(joined: bytes, marks: Sequence[int], weights: np.ndarray) -> np.ndarray:
    """Per window ``joined[marks[2j]:marks[2j+1]]`` (each followed by :data:`_PAD`), the sum of the weights
    of its hashed character n-grams: those of :func:`_ngram_batch`, whose index ``((h ^ size * 7919) >> 17)
    % DIM`` is bits 17-32 of the hash ``h`` (the xor touches only the 17 bits the shift drops). The hashes are
    kept shifted left by 15 bits (the recurrence is linear, so the shift commutes with it) for those bits to
    be the third 16-bit word of each (a view, no arithmetic); one pass over contiguous slices of every window.
    """
    return _ngram_sum_codes(np.frombuffer(joined, dtype=np.uint8), marks, weights)


def _ngram_sum_codes(codes: np.ndarray, marks: Sequence[int] | np.ndarray, weights: np.ndarray) -> np.ndarray:
    """:func:`_ngram_sum_array` of the bytes ``codes`` (a uint8 array)."""
    top = max(NGRAMS)
    arr = codes.astype(np.uint64) << _SHIFT15
    n = len(arr) - (top - 1)  # an n-gram of every size starts at each of these
    h = arr[:n] * _MUL
    h += arr[1 : n + 1]
    total = weights[_bits_17_32(h)]  # NGRAMS starts at 2
    for k in range(2, top):
        h *= _MUL
        h += arr[k : n + k]
        total += weights[_bits_17_32(h)]
    # segments [start, stop) of the windows and [stop, next start) of their padding (dropped)
    return np.add.reduceat(total, marks[:-1])[::2]


_SHIFT15 = np.uint64(15)
_WORD16 = 2 if np.little_endian else 1  # which 16-bit word of a uint64 holds its bits 32-47


def _bits_17_32(shifted: np.ndarray) -> np.ndarray:
    return shifted.view(np.uint16)[_WORD16::4]


_HEADINGS: dict[str, str] = {}  # a line -> _heading_of(line), across postings (headings recur)


def _heading_of(line: str) -> str:
    """The line as :func:`_heading_above` reads it: its heading, "" when none or it ends like a sentence."""
    got = _HEADINGS.get(line)
    if got is None:
        if len(_HEADINGS) >= 1 << 14:
            _HEADINGS.clear()
        h = heading(line)
        got = _HEADINGS[line] = h if h is not None and not h.endswith((".", ",")) else ""
    return got


def _heading_above_memo(orig: str, line_start: int, lines: dict[int, tuple[int, str]]) -> str:
    """:func:`_heading_above`, each line above read once per posting (``lines``: a line's end -> its start
    and its heading, "" when it is none)."""
    end = line_start - 1
    for _ in range(_HEADING_LINES):
        if end <= 0:
            return ""
        got = lines.get(end)
        if got is None:
            a = orig.rfind("\n", 0, end) + 1
            got = lines[end] = (a, _heading_of(orig[a:end]))
        a, h = got
        if h:
            return h
        end = a - 1
    return ""


def judge_reference(orig: str, mentions: Sequence[Mention], title: str, company: str) -> list[bool]:
    """:func:`judge` as first written: every scored mention's features as :func:`features` builds them and
    :meth:`Model.score`. The reference the faster :func:`judge` is tested against (tests/test_skill_judge.py);
    the same answers, about five times the cost."""
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
    return demand_after_check(orig, mentions, title, out, company)


def ascii_low(orig: str) -> bytes:
    return _ascii(orig).lower()
