"""Sample sizes, and a KPI's change beside its value (analytics.figures.theme.change_text): when the
value counts postings without a date, the change - which compares dated postings only - names the dated
figures it compares, so nobody reads "704, +11" as 693 before (seen on the real samples' Overview under a
date range)."""

from __future__ import annotations

from analytics.figures.theme import change_text, fmt_int, fmt_pct


def test_no_undated_postings_the_change_alone() -> None:
    assert change_text(122, 111, fmt_int, lambda d: f"{d:+,.0f}", undated=0) == "+11"


def test_undated_postings_in_the_value_the_change_names_its_dated_figures() -> None:
    text = change_text(122, 111, fmt_int, lambda d: f"{d:+,.0f}", undated=582)
    assert text == "+11 (dated: 111 -> 122)"
    share = change_text(0.221, 0.208, fmt_pct, lambda d: f"{d * 100:+.1f} pts", undated=3)
    assert share == "+1.3 pts (dated: 20.8% -> 22.1%)"


def test_a_fall_keeps_its_sign_first_so_the_arrow_points_down() -> None:
    assert change_text(100, 111, fmt_int, lambda d: f"{d:+,.0f}", undated=5).startswith("-11 ")


def test_sample_size_text_is_singular_for_one() -> None:
    # seen on the real samples' captions: "n = 1 postings"
    from analytics.figures.theme import n_text

    assert n_text(1) == "n = 1 posting"
    assert n_text(1_204) == "n = 1,204 postings"
    assert n_text(1, "file loads") == "n = 1 file load"
    assert n_text(0, "file loads") == "n = 0 file loads"
    # QA round twenty-three, the Salary page under get in IT alone: "n = 1 salarie in this view"
    assert n_text(1, "salaries") == "n = 1 salary"
    assert n_text(2, "salaries") == "n = 2 salaries"


def test_a_change_that_rounds_to_nothing_reads_plus_minus_zero() -> None:
    # "+0" pointed Streamlit's arrow up (QA round twenty-one); a share 0.04 pts apart reads "±0.0 pts"
    from analytics.figures.theme import no_change

    text = change_text(14, 14, fmt_int, lambda d: f"{d:+,.0f}", undated=586)
    assert text == "±0 (dated: 14 -> 14)" and no_change(text)
    share = change_text(0.2210, 0.2214, fmt_pct, lambda d: f"{d * 100:+.1f} pts", undated=0)
    assert share == "±0.0 pts" and no_change(share)
    assert not no_change(change_text(15, 14, fmt_int, lambda d: f"{d:+,.0f}", undated=0))
