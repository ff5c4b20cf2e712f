"""Partial dates compare three-valued, consistently with comparing every day of the
two intervals: TRUE when all pairs of days agree it holds, FALSE when all agree it
does not, UNKNOWN otherwise."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.conditions.ast import Atom
from compliance.conditions.kleene import atom_truth
from compliance.dates import PartialDate, is_valid_date
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth


@st.composite
def partial_dates(draw: st.DrawFn) -> PartialDate:
    day = draw(st.dates(min_value=date(2019, 1, 1), max_value=date(2026, 12, 31)))
    form = draw(st.sampled_from(["day", "month", "year"]))
    text = {"day": day.isoformat(), "month": day.isoformat()[:7], "year": str(day.year)}[form]
    return PartialDate.parse(text)


def days(d: PartialDate) -> list[int]:
    return list(range(d.first.toordinal(), d.last.toordinal() + 1))


def from_pairs(results: set[bool]) -> Truth:
    return TRUE if results == {True} else FALSE if results == {False} else UNKNOWN


@settings(max_examples=300, deadline=None)
@given(partial_dates(), partial_dates())
def test_comparisons_agree_with_every_pair_of_days(a: PartialDate, b: PartialDate) -> None:
    xs, ys = days(a), days(b)
    assert a.before(b) is from_pairs({x < y for x in xs for y in ys})
    assert a.on_or_before(b) is from_pairs({x <= y for x in xs for y in ys})
    for op, check in (("lt", lambda x, y: x < y), ("le", lambda x, y: x <= y),
                      ("gt", lambda x, y: x > y), ("ge", lambda x, y: x >= y)):
        expected = from_pairs({check(x, y) for x in xs for y in ys})
        assert atom_truth(Atom("d", op, b, ("t", 1, 1)), a) is expected, op


@given(partial_dates())
def test_interval_and_text(d: PartialDate) -> None:
    assert PartialDate.parse(d.text) == d
    assert d.first <= d.last
    assert d.exact == (len(d.text) == 10)
    if len(d.text) == 7:
        y, m = map(int, d.text.split("-"))
        assert (d.last - d.first).days + 1 == calendar.monthrange(y, m)[1]
    assert d.before(d) is (FALSE if d.exact else UNKNOWN)
    assert d.on_or_before(d) is (TRUE if d.exact else UNKNOWN)


@given(st.dates(min_value=date(1, 1, 1)), st.integers(0, 400))
def test_exact_dates_are_never_unknown(day: date, gap: int) -> None:
    a = PartialDate.parse(f"{day.year:04d}-{day.month:02d}-{day.day:02d}")
    later = day + timedelta(days=gap) if day < date(9999, 1, 1) else day
    b = PartialDate.parse(f"{later.year:04d}-{later.month:02d}-{later.day:02d}")
    assert a.before(b) is (TRUE if day < later else FALSE)
    assert b.on_or_before(a) is (TRUE if later <= day else FALSE)


@given(st.text(max_size=12) | st.from_regex(r"\A\d{4}(-\d{2}(-\d{2})?)?\Z"))
def test_parse_accepts_exactly_real_dates(text: str) -> None:
    try:
        d = PartialDate.parse(text)
    except ValueError as e:
        assert str(e)  # a readable reason, never another exception type
        assert not is_valid_date(text)
        return
    assert is_valid_date(text)
    parts = [int(p) for p in text.split("-")]
    date(parts[0], *[*parts[1:], 1, 1][:2])  # a real calendar day, month or year
    assert d.text == text


@pytest.mark.parametrize("text", ["2023-02-29", "2023-02-30", "2023-04-31", "2023-13", "2023-00",
                                  "2023-01-00", "0000", "23-01-01", "2023/01/01", "2023-1-1", "",
                                  "\u0662\u0660\u0662\u0663", "2023-09-18\n"])
def test_impossible_dates_are_refused_naming_the_value(text: str) -> None:
    with pytest.raises(ValueError) as e:
        PartialDate.parse(text)
    assert repr(text) in str(e.value) or "year" in str(e.value)


def test_leap_day_is_accepted() -> None:
    assert PartialDate.parse("2024-02-29").exact
