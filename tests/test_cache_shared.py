"""The replicas' shared query answers (analytics.cache_shared), on the real tiny warehouse.

A view one replica computed is answered on another from the store with the same answer and no
query; two replicas asking for the same key at once compute it once; a new version never sees the
old one's answers (and removes them); keys that name an object's address and figures are never
shared; a real second process's answers serve this one.
"""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest
from tiny_warehouse import tiny_db, tiny_db_session  # noqa: F401

from analytics import cache
from analytics.cache_shared import ENV, SharedStore
from analytics.filters import Filters
from analytics.queries import skills

PROJECT = Path(__file__).resolve().parents[1]


def _replica(root: Path) -> cache.ResultCache:
    return cache.ResultCache(shared=SharedStore(root))


@pytest.mark.usefixtures("tiny_db")
def test_an_answer_one_replica_computed_serves_another_without_a_query(tmp_path: Path) -> None:
    one, two = _replica(tmp_path), _replica(tmp_path)
    first = cache.cached(skills.top_skills, Filters(country=("US",)), cache=one)
    second = cache.cached(skills.top_skills, Filters(country=("US",)), cache=two)
    assert (one.stats.misses, two.stats.misses, two.stats.shared_hits) == (1, 0, 1)
    pd.testing.assert_frame_equal(second.df, skills.top_skills(Filters(country=("US",))).df)
    assert second.sql == first.sql and second.n == first.n
    cache.cached(skills.top_skills, Filters(country=("DE",)), cache=two)  # other arguments: computed
    assert two.stats.misses == 1


@pytest.mark.usefixtures("tiny_db")
def test_two_replicas_asking_at_once_compute_once(tmp_path: Path) -> None:
    runs: list[int] = []

    def slow() -> pd.DataFrame:
        runs.append(1)
        time.sleep(0.5)
        return pd.DataFrame({"n": [len(runs)]})

    answers: list[pd.DataFrame] = []
    replicas = [_replica(tmp_path) for _ in range(2)]
    version = cache.version_key()
    assert version is not None
    threads = [threading.Thread(target=lambda r=r: answers.append(r.get_or_compute(version, ("k",), slow)))
               for r in replicas]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(runs) == 1
    assert [int(a["n"].iloc[0]) for a in answers] == [1, 1]


def test_a_new_version_never_sees_the_old_answers(tmp_path: Path) -> None:
    store = SharedStore(tmp_path)
    with store.computing("v1", ("k",)) as ok:
        assert ok
        store.put("v1", ("k",), pd.DataFrame({"a": [1]}))
    assert store.get("v1", ("k",)) is not None
    assert store.get("v2", ("k",)) is None
    other = SharedStore(tmp_path)  # another replica, the first to see v2: v1's answers go
    with other.computing("v2", ("k",)):
        pass
    assert store.get("v1", ("k",)) is None
    assert len([p for p in tmp_path.iterdir() if p.is_dir()]) == 1


def test_identities_and_figures_are_not_shared(tmp_path: Path) -> None:
    store = SharedStore(tmp_path)
    key = ("fn", (object(),))  # its repr names an address another process may reuse for another object
    with store.computing("v1", key) as ok:
        assert not ok
    store.put("v1", key, pd.DataFrame({"a": [1]}))
    assert store.get("v1", key) is None
    store.put("v1", ("figure",), {"data": []})  # not an answer: rebuilt by each replica
    assert store.get("v1", ("figure",)) is None
    one, two = _replica(tmp_path), _replica(tmp_path)
    for r in (one, two):
        r.get_or_compute("v1", ("derived", "fig"), lambda: {"data": []})
    assert (one.stats.misses, two.stats.misses, two.stats.shared_hits) == (1, 1, 0)


@pytest.mark.usefixtures("tiny_db")
def test_a_real_second_process_s_answer_serves_this_one(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(ENV, str(tmp_path))
    code = ("from analytics import cache; from analytics.filters import Filters; "
            "from analytics.queries import skills; cache.cached(skills.top_skills, Filters()); "
            "print(cache.RESULTS.stats.misses)")
    out = subprocess.run([sys.executable, "-c", code], cwd=PROJECT, capture_output=True, text=True,
                         check=True, timeout=120)
    assert out.stdout.strip() == "1"  # that process queried
    here = _replica(tmp_path)
    answer = cache.cached(skills.top_skills, Filters(), cache=here)
    assert (here.stats.misses, here.stats.shared_hits) == (0, 1)
    pd.testing.assert_frame_equal(answer.df, skills.top_skills(Filters()).df)
