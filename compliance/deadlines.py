"""Deadlines and recurring duties: their derived flags, computed before matching.

A clause with a deadline or a recurring duty is desugared when the rules load
(compliance.loading.workspace) into ordinary conditions over the flags of its
:class:`~compliance.conditions.ast.Clock`; this module gives each flag its truth for
one record as of the evaluation date. Partial dates are windows, so every flag is
three-valued and an unknown one is left out of the record (read as unknown), exactly
like the standstill's flags. The semantics are in docs/request-kinds.md.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta
from typing import Any, Literal

from compliance.conditions.ast import Clock, Flag
from compliance.dates import PartialDate, add_days, add_period
from compliance.i18n import t
from compliance.loading.timeline import LoadedTimeline
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
from compliance.model.common import Lang

Window = tuple[date, date]
Period = tuple[Window, Window]  # (start window, end window)
ONE_DAY = timedelta(days=1)


def _window(text: str | None) -> Window | None:
    if text is None:
        return None
    d = PartialDate.parse(text)
    return d.first, d.last


def anchor_window(clock: Clock, timeline: LoadedTimeline) -> Window | None:
    """The window of the date the clock counts from (None when unknown)."""
    if clock.anchor in ("adoption", "date"):
        return clock.window
    assert clock.anchor_event is not None
    event = timeline.events.get(clock.anchor_event)
    w = _window(event.date if event is not None else None)
    if w is None:
        return None
    if clock.anchor == "before":
        return add_days(w[0], -1), add_days(w[1], -1)
    return w


def _shift(w: Window, unit: str, n: int) -> Window:
    return add_period(w[0], unit, n), add_period(w[1], unit, n)


def deadline_window(clock: Clock, timeline: LoadedTimeline) -> Window | None:
    w = anchor_window(clock, timeline)
    if w is None or clock.offset is None:
        return w
    return _shift(w, *clock.offset)


def _on_or_before(a: Window, b: Window) -> Truth:
    if a[1] <= b[0]:
        return TRUE
    if a[0] > b[1]:
        return FALSE
    return UNKNOWN


def _required(clock: Clock, timeline: LoadedTimeline, facts: Mapping[str, Any],
              as_of: PartialDate) -> tuple[Window | None, Truth]:
    """The required event's date window (None when unknown) and whether it had happened."""
    a = (as_of.first, as_of.last)
    if clock.event is not None:
        event = timeline.events.get(clock.event)
        if event is None:
            return None, UNKNOWN
        w = _window(event.date)
        return w, timeline.happened(clock.event, as_of)
    value = facts.get(clock.fact or "")
    if isinstance(value, PartialDate):
        w = (value.first, value.last)
        return w, _on_or_before(w, a)
    return None, UNKNOWN


def deadline_flags(clock: Clock, timeline: LoadedTimeline, facts: Mapping[str, Any],
                   as_of: PartialDate) -> dict[str, Truth]:
    a = (as_of.first, as_of.last)
    d = deadline_window(clock, timeline)
    x, happened = _required(clock, timeline, facts, as_of)
    if d is None:
        passed = in_time = UNKNOWN
    else:
        # The deadline day itself is still in time: passed only from the day after it.
        passed = TRUE if a[0] > d[1] else FALSE if a[1] <= d[0] else UNKNOWN
        in_time = _on_or_before(x, d) if x is not None else UNKNOWN
    # Computed per flag, not by Kleene connectives, so that correlations are kept:
    # an event cannot be late while the deadline has not passed.
    met = TRUE if happened is TRUE and in_time is TRUE else \
        FALSE if happened is FALSE or in_time is FALSE else UNKNOWN
    late = TRUE if happened is TRUE and in_time is FALSE else \
        FALSE if happened is FALSE or in_time is TRUE or passed is FALSE else UNKNOWN
    return {"met": met, "late": late, "passed": passed, "pending": ~happened}


def _periods(start: Window, unit: str, n: int, until: date) -> tuple[int, Period | None, Period | None]:
    """How many periods' ends may fall on or before ``until``, and the first and last of them
    (start window, end window). Found by bisection, not by walking: a daily duty as of 9999
    has millions of periods. A period whose end lies past the calendar's last day (held at
    it by add_period) never ends."""
    def period(k: int) -> Period:
        return _shift(start, unit, n * k), _shift(start, unit, n * (k + 1))

    def ends(k: int) -> bool:  # true up to some k, then false: both ends only grow with k
        e = period(k)[1]
        return e[0] <= until and e[1] < date.max

    if not ends(0):
        return 0, None, None
    lo, hi = 0, 1  # ends(lo); hi: to be found with not ends(hi)
    while ends(hi):
        lo, hi = hi, hi * 2
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if ends(mid) else (lo, mid)
    return lo + 1, period(0), period(lo)


def recurring_flags(clock: Clock, timeline: LoadedTimeline, as_of: PartialDate) -> dict[str, Truth]:
    a = (as_of.first, as_of.last)
    if clock.until_event is not None:
        ended = timeline.happened(clock.until_event, as_of)
    elif clock.until_date is not None:
        ended = _on_or_before(clock.until_date, a)
    else:
        ended = FALSE
    out = {"ended": ended, "due": UNKNOWN, "done": UNKNOWN, "missed": UNKNOWN}
    start = anchor_window(clock, timeline)
    if start is None or clock.offset is None:
        return out
    count, first, last = _periods(start, *clock.offset, until=a[1])
    # A period is surely completed when its latest possible end is on or before the
    # earliest evaluation day (the period is [start, end): its end day is the next one's).
    # Ends only grow, so the surely completed periods come first.
    some_surely = first is not None and first[1][1] <= a[0]
    out["due"] = TRUE if some_surely else FALSE if not count else UNKNOWN
    if not count:  # nothing due yet: nothing done, nothing missed
        out["done"], out["missed"] = FALSE, FALSE
    if not some_surely or last is None or last[1][1] > a[0]:  # not every period surely over
        return out
    (s, e) = last
    tagged = [ev for ev in timeline.events.values() if clock.tag in ev.tags]
    windows = [w for w in (_window(ev.date) for ev in tagged) if w is not None]
    if any(w[0] >= s[1] and w[1] < e[0] for w in windows):
        out["done"], out["missed"] = TRUE, FALSE
    elif not any(w[1] >= s[0] and w[0] < e[1] for w in windows) and any(
            ev.date is None and ev.not_happened_by is not None
            and PartialDate.parse(ev.not_happened_by).first >= add_days(e[1], -1) for ev in tagged):
        # A source shows the period's report had not come by the period's end.
        out["done"], out["missed"] = FALSE, TRUE
    return out


def clock_truth(flag: Flag, timeline: LoadedTimeline, as_of: PartialDate,
                facts: Mapping[str, Any]) -> Truth:
    clock = flag.clock
    assert clock is not None and flag.kind is not None
    if clock.kind == "deadline":
        return deadline_flags(clock, timeline, facts, as_of)[flag.kind]
    return recurring_flags(clock, timeline, as_of)[flag.kind]


Due = Literal["not_yet_due", "due", "overdue"]


def due(clock: Clock, timeline: LoadedTimeline, facts: Mapping[str, Any], as_of: PartialDate) -> Due | None:
    """The finding's ``due`` marker: not_yet_due, due or overdue (None when it cannot be told)."""
    if clock.kind == "deadline":
        f = deadline_flags(clock, timeline, facts, as_of)
        if f["met"] is TRUE:
            return "due"  # it fell due (or will) and was met in time
        if f["passed"] is FALSE:
            return "not_yet_due"
        if f["passed"] is TRUE:
            return "overdue" if f["pending"] is TRUE or f["late"] is TRUE else "due"
        return None
    r = recurring_flags(clock, timeline, as_of)
    if r["ended"] is TRUE:
        return None
    if r["due"] is FALSE:
        return "not_yet_due"
    if r["due"] is TRUE:
        return "overdue" if r["missed"] is TRUE else "due"
    return None


def _fmt(w: Window | None) -> str:
    if w is None:
        return "?"
    return w[0].isoformat() if w[0] == w[1] else f"{w[0].isoformat()} .. {w[1].isoformat()}"


def explain(clock: Clock, timeline: LoadedTimeline, facts: Mapping[str, Any], as_of: PartialDate,
            lang: Lang) -> str:
    """One line for the finding's reasons: the deadline (or period) and the event's state."""
    what = clock.event or clock.fact or clock.tag or "?"
    if clock.kind == "deadline":
        d = deadline_window(clock, timeline)
        x, _ = _required(clock, timeline, facts, as_of)
        marker = due(clock, timeline, facts, as_of) or "unknown"
        return t("deadline_reason", lang, deadline=_fmt(d), event=what, date=_fmt(x),
                 state=t(f"due_{marker}", lang))
    every = t(f"period_{clock.offset[0]}{'_1' if clock.offset[1] == 1 else ''}", lang,
              n=clock.offset[1]) if clock.offset else "?"
    marker = due(clock, timeline, facts, as_of) or "unknown"
    return t("recurring_reason", lang, every=every, tag=what, start=_fmt(anchor_window(clock, timeline)),
             state=t(f"due_{marker}", lang))
