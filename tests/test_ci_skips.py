"""The skip rules of tests/conftest.py, run on a small test file in a separate pytest.

In CI (CI=true) a skipped e2e or browser test fails; the absence of ../shared stays a skip and
the summary says how many tests it left out.
"""

from __future__ import annotations

from pathlib import Path

import pytest

pytest_plugins = ["pytester"]

CONFTEST = Path(__file__).with_name("conftest.py")
TESTS = '''
import pytest

@pytest.mark.e2e
def test_browser_skipped():
    pytest.skip("/usr/bin/chromium is not installed")

@pytest.mark.e2e
def test_needs_shared():
    pytest.skip("../shared/datasets is not present")

def test_plain_skip():
    pytest.skip("not this platform")
'''


@pytest.fixture
def run(pytester: pytest.Pytester, monkeypatch: pytest.MonkeyPatch):  # type: ignore[no-untyped-def]
    """Run the rules' test file under a copy of the conftest laid out as in the project
    (``<root>/proj/tests``), so ``<root>/shared`` plays ../shared."""
    tests = pytester.path / "proj" / "tests"
    tests.mkdir(parents=True)
    (tests / "conftest.py").write_text(CONFTEST.read_text(encoding="utf-8"), encoding="utf-8")
    (tests / "test_rules.py").write_text(TESTS, encoding="utf-8")

    def go(ci: str | None, shared: bool = False) -> pytest.RunResult:
        if shared:
            (pytester.path / "shared").mkdir(exist_ok=True)
        if ci is None:
            monkeypatch.delenv("CI", raising=False)
        else:
            monkeypatch.setenv("CI", ci)
        return pytester.runpytest_subprocess(str(tests), "-rs", "-p", "no:cacheprovider")

    return go


def test_outside_ci_a_skip_is_a_skip(run) -> None:  # type: ignore[no-untyped-def]
    run(None).assert_outcomes(skipped=3)


def test_in_ci_a_skipped_e2e_test_fails_unless_shared_is_absent(run) -> None:  # type: ignore[no-untyped-def]
    result = run("true")
    result.assert_outcomes(failed=1, skipped=2)
    result.stdout.fnmatch_lines(["*skipped in CI, where browser and end-to-end tests must run: "
                                 "*/usr/bin/chromium is not installed*"])
    run("true", shared=True).assert_outcomes(failed=2, skipped=1)  # ../shared is there: nothing to skip for


def test_the_summary_counts_tests_left_out_for_lack_of_shared(run) -> None:  # type: ignore[no-untyped-def]
    run(None).stdout.fnmatch_lines(["1 tests skipped because ../shared is not present at *shared: *"])


def test_the_slowest_first_list_names_test_files_once() -> None:
    """tests/conftest.py's SLOWEST_FIRST orders the files `make test` hands out: a stale name would
    silently order nothing."""
    from conftest import SLOWEST_FIRST, TESTS

    assert SLOWEST_FIRST and len(set(SLOWEST_FIRST)) == len(SLOWEST_FIRST)
    assert [name for name in SLOWEST_FIRST if not (TESTS / name).is_file()] == []
