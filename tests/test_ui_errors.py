"""A failure's one line on a page is shown as written: DuckDB quotes data values in its errors, and st.error
renders Markdown, so a posting's text in an error must not become a link (hsec's leftover, red-team pass)."""

from __future__ import annotations

import duckdb
import pytest

from ui import one_line


def _error_quoting(value: str) -> BaseException:
    try:
        duckdb.execute("SELECT CAST(? AS INTEGER)", [value]).fetchall()
    except duckdb.Error as exc:
        return exc
    raise AssertionError("the cast should fail")


@pytest.mark.parametrize("value", ["[Sign in](javascript:alert(1))", "<img src=x onerror=alert(1)>",
                                   "**bold** https://example.invalid/x"])
def test_a_data_value_quoted_in_an_error_is_inert_markdown(value: str) -> None:
    exc = _error_quoting(value)
    assert value in str(exc)  # DuckDB does quote the value: the case is real
    line = one_line(exc)
    assert line.startswith("ConversionException: ")
    assert "](" not in line.replace("\\](", "")  # no live link
    assert "<img" not in line.replace("\\<", "")  # no raw HTML
    assert "**bold**" not in line and "https://" not in line  # no emphasis, no autolink


def test_the_apps_own_wording_reads_as_before() -> None:
    line = one_line(ValueError("no such table: postings\nsecond line"))
    assert line == "ValueError: no such table: postings"
