"""The sidebar's pure parts: which URL values are recognised, and that an unknown one never widens."""

from __future__ import annotations

from analytics.filters import SENIOR_LEVELS, Filters
from analytics.queries.data import Options
from ui.sidebar import _choices, in_range, recognised

CHOICES = {"seniority": ["junior", "mid", *SENIOR_LEVELS,
                         "unspecified"], "role_family": ["software_engineering"],
           "country": ["US", "IN"], "region": ["US-CA"], "remote": ["remote"], "skills": ["Python"],
           "source": ["jobspy"]}


def test_unknown_values_are_named_and_dropped() -> None:
    f, ignored = recognised(Filters(country=("US", "XX")), CHOICES)
    assert f.country == ("US",) and ignored == ["country=XX"]


def test_a_field_of_only_unknown_values_keeps_its_default_not_everything() -> None:
    f, ignored = recognised(Filters(seniority=("bogus",), country=("XX",)), CHOICES)
    assert f.seniority == Filters().seniority  # not () = all levels, juniors included
    assert f.country == () and sorted(ignored) == ["country=XX", "seniority=bogus"]


def test_known_values_pass_untouched() -> None:
    f = Filters(seniority=("senior", "unspecified"), skills=("Python",))
    assert recognised(f, CHOICES) == (f, [])


def test_malformed_dates_and_modes_in_a_link_are_named_too() -> None:
    """Seen on the real samples (artifacts/qa/overview-garbage.png): a link with date_from=notadate and
    skills_mode=xx fell back to the defaults silently while seniority=bogus was named. Every value a link
    carries that is dropped is named."""
    from analytics.filters import malformed

    params = {"date_from": "notadate", "date_to": "2025-02-30", "skills_mode": "xx", "undated": "maybe",
              "country": "US", "date_from_ok": "x"}
    assert malformed(params) == ["date_from=notadate", "date_to=2025-02-30", "skills_mode=xx",
                                 "undated=maybe"]
    assert malformed({"date_from": "2025-01-01", "skills_mode": "all", "undated": "no"}) == []


def test_a_link_value_is_shown_literally_never_as_markdown() -> None:
    """QA on the real samples (screenshot inject-url-warning.png): the "Not recognised in the link" note put
    each value in a Markdown code span, so a shared link whose value held a backtick closed the span and drew
    its own link in the app's warning ("Your session expired: log in again" to another site). ``literal``
    shows any text as one code span: no backtick, line break or control character of the value survives."""
    from ui.sidebar import literal

    evil = "x` [Your session expired](https://evil.example/login) `y"
    shown = literal(f"country={evil}")
    assert shown.startswith("`") and shown.endswith("`") and shown.count("`") == 2
    assert "[Your session expired](https://evil.example/login)" in shown  # its text, drawn as code
    assert literal("a\nb\r\x07c") == "`a b  c`"
    assert literal("z" * 500).endswith("…`") and len(literal("z" * 500)) < 100


def test_a_link_date_beyond_the_data_is_named_not_clamped_to_a_day() -> None:
    """QA on the real samples: a link's date_from after the last posting date was clamped to that last day, so
    the view silently became one day's postings (plus the undated ones) with no note; date_to before the first
    date likewise. Such an end is named and left out (the range keeps its default there); an end merely past
    the data on its own side changes nothing and passes."""
    from datetime import date

    lo, hi = date(2020, 1, 1), date(2024, 6, 30)
    f, ignored = in_range(Filters(date_from=date(2030, 1, 1)), lo, hi)
    assert f.date_from is None and ignored == ["date_from=2030-01-01"]
    f, ignored = in_range(Filters(date_to=date(2010, 5, 1)), lo, hi)
    assert f.date_to is None and ignored == ["date_to=2010-05-01"]
    wide = Filters(date_from=date(2019, 1, 1), date_to=date(2031, 1, 1))
    assert in_range(wide, lo, hi) == (wide, [])
    assert in_range(Filters(date_from=date(2030, 1, 1)), None, None)[1] == []  # no dated postings at all


def test_the_language_filter_offers_not_detected_as_work_arrangement_offers_not_stated() -> None:
    """QA round eight: postings without a detected language were reachable only through "all languages"."""
    opts = Options(None, None, (), (), (), (), (), (), 0, language=("en", "de"))
    assert _choices(opts)["language"] == ["en", "de", "not detected"]
    assert "not stated" in _choices(opts)["remote"]
    assert _choices(Options(None, None, (), (), (), (), (), (), 0))["language"] == []  # no language column
