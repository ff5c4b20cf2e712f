"""Dates that may be known only to the month (``2023-04``) or the year (``2023``).

A partial date stands for an interval of days. Comparisons are three-valued: when
two intervals overlap, which came first is *unknown*, never guessed.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from compliance.errors import Text
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth

_RE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$", re.ASCII)  # not other scripts' digits
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"


class NotADate(ValueError):
    """Not of the form of a date at all (as opposed to a day that does not exist)."""


@dataclass(frozen=True, order=True)
class PartialDate:
    first: date
    last: date
    text: str

    @classmethod
    def parse(cls, text: str) -> PartialDate:
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ValueError otherwise."""
        m = _RE.fullmatch(text)  # not match: "$" also matches before a final newline
        if not m:
            raise NotADate(Text(f"{text!r} is not a date of the form YYYY-MM-DD, YYYY-MM or YYYY",
                                f"{text!r} is geen datum van de vorm JJJJ-MM-DD, JJJJ-MM of JJJJ"))
        y, mo, d = int(m[1]), m[2], m[3]
        if y < 1:
            raise ValueError(Text(f"{text!r}: year {y} does not exist", f"{text!r}: jaar {y} bestaat niet"))
        if mo is None:
            return cls(date(y, 1, 1), date(y, 12, 31), text)
        month = int(mo)
        if not 1 <= month <= 12:
            raise ValueError(Text(f"{text!r}: month {month} does not exist",
                                  f"{text!r}: maand {month} bestaat niet"))
        if d is None:
            return cls(date(y, month, 1), date(y, month, calendar.monthrange(y, month)[1]), text)
        last = calendar.monthrange(y, month)[1]
        if not 1 <= int(d) <= last:
            raise ValueError(Text(f"{text!r}: day {int(d)} does not exist ({y}-{month:02d} has {last} days)",
                                  f"{text!r}: dag {int(d)} bestaat niet ({y}-{month:02d} heeft {last} "
                                  "dagen)"))
        day = date(y, month, int(d))
        return cls(day, day, text)

    @property
    def exact(self) -> bool:
        return self.first == self.last

    def before(self, other: PartialDate) -> Truth:
        """Strictly earlier: TRUE/FALSE when the intervals decide it, else UNKNOWN."""
        if self.last < other.first:
            return TRUE
        if self.first >= other.last:
            return FALSE
        return UNKNOWN

    def on_or_before(self, other: PartialDate) -> Truth:
        if self.last <= other.first:
            return TRUE
        if self.first > other.last:
            return FALSE
        return UNKNOWN

    def __str__(self) -> str:
        return self.text


def parse_date(text: str) -> PartialDate:
    return PartialDate.parse(text)


def is_valid_date(text: object) -> bool:
    if not isinstance(text, str):
        return False
    try:
        PartialDate.parse(text)
    except ValueError:
        return False
    return True


def add_days(day: date, n: int) -> date:
    """``day`` plus ``n`` days, held at the calendar's ends (see :func:`add_period`)."""
    ordinal = day.toordinal() + n
    return date.fromordinal(min(max(ordinal, date.min.toordinal()), date.max.toordinal()))


def add_period(day: date, unit: str, n: int) -> date:
    """``day`` plus ``n`` days, weeks, calendar months or years; a month end that does not
    exist in the target month clamps to its last day (31 January + 1 month = 28/29 February).

    A result past 9999-12-31 (or before 0001-01-01) is held at that end of the calendar:
    a deadline that far out has not passed on any date this program can be asked about, and
    an as-of date near the end (``--as-of 9999``) must give verdicts, not a crash."""
    if unit == "days":
        return add_days(day, n)
    if unit == "weeks":
        return add_days(day, 7 * n)
    months = n * 12 if unit == "years" else n
    if unit not in ("months", "years"):
        raise ValueError(f"unknown unit {unit!r}")
    index = day.year * 12 + day.month - 1 + months
    y, m = divmod(index, 12)
    if y > date.max.year:
        return date.max
    if y < date.min.year:
        return date.min
    return date(y, m + 1, min(day.day, calendar.monthrange(y, m + 1)[1]))
