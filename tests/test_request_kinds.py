"""Request kinds of issue 15 through both backends: deadlines (absolute, after adoption,
after an event, before an event, on a date fact), a recurring duty, and the life of a
motion (held, replaced, executed with per-clause ends/continues). The workspace is a
CONSTRUCTED example (tests/data/request-kinds-workspace/); the real dossier's cases are
pinned in tests/test_groningen.py."""

from __future__ import annotations

import shutil
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from compliance.api import load_positions, load_workspace
from compliance.backends.direct import DirectBackend
from compliance.backends.durable import DurableBackend
from compliance.conditions.ast import Clock
from compliance.conditions.kleene import evaluate
from compliance.dates import PartialDate, add_period
from compliance.deadlines import deadline_flags, due, recurring_flags
from compliance.evaluate import check
from compliance.loading.timeline import LoadedTimeline
from compliance.logic import TRUE, UNKNOWN
from compliance.model.timeline import Event
from compliance.pack import clock_conditions
from compliance.verdict import decide
from tests.conftest import ROOT, run_cli

WS_DIR = ROOT / "tests/data/request-kinds-workspace"
WS = load_workspace(WS_DIR)
POS = load_positions(WS, [WS_DIR / "examples/positions"])
DIRECT, DURABLE = DirectBackend(), DurableBackend()
P = "provisional-constructed-"


def verdicts(as_of: str) -> dict[str, tuple[str, str | None]]:
    """Per clause: (verdict, due), the same from both backends (durable decides)."""
    out = {}
    reports = [check(WS, POS, b, lang="en", as_of=as_of) for b in (DURABLE, DIRECT)]
    assert reports[0].model_dump() == reports[1].model_dump()
    for f in reports[0].findings:
        out[f"{f.motion.removeprefix(P)}#{f.clause}"] = (f.verdict, f.due)
    return out


def test_deadlines_life_and_recurring_through_both_backends() -> None:
    before = verdicts("2024-03-09")
    assert before["deadlines#1"] == ("complies", "not_yet_due")  # absolute, not reached
    assert before["deadlines#2"] == ("complies", "not_yet_due")  # 2 months after adoption
    assert before["amended#1"] == ("complies", "not_yet_due")  # before the debate of 1 April
    assert before["recurring#1"] == ("complies", "not_yet_due")  # first year not complete
    on = verdicts("2024-03-10")
    assert on["deadlines#1"] == ("complies", "due")  # the letter dated on the deadline
    later = verdicts("2024-06-01")
    assert later["deadlines#1"] == ("complies", "due")
    assert later["deadlines#2"] == ("complies", "due")  # the report fact: 16 March = deadline
    assert later["amended#1"] == ("undetermined", "due")  # the letter's date unknown
    assert later["amended#2"] == ("conflicts", "overdue")  # not sent by 30 June, due 7 April
    assert later["recurring#1"] == ("complies", "due")  # the report of February 2024
    # held and replaced motions never apply; the amended motion applies in their stead
    assert later["held#1"] == later["held#2"] == ("not_applicable", None)
    assert later["original#1"] == later["original#2"] == ("not_applicable", None)
    # executed on 1 May 2024: the once-clause ends (default), the standing one continues;
    # with per-clause entries the statement decides.
    assert later["executed#1"] == ("complies", None) and later["executed#2"] == ("not_applicable", None)
    assert later["executed-clauses#1"] == ("complies", None)
    assert later["executed-clauses#2"] == ("not_applicable", None)
    assert verdicts("2024-04-30")["executed#2"] == ("complies", None)
    # the recurring duty ends with the plan (1 January 2027)
    assert verdicts("2027-01-01")["recurring#1"] == ("not_applicable", None)
    assert verdicts("2026-06-01")["recurring#1"] == ("undetermined", "due")  # no known 2025 report


def test_replacement_says_what_it_replaces() -> None:
    report = check(WS, POS, DIRECT, lang="en", as_of="2024-06-01")
    amended = [f for f in report.findings if f.motion == P + "amended"]
    assert all(any(r.text == f"replaces motion {P}original" for r in f.reasons) for f in amended)
    original = [f for f in report.findings if f.motion == P + "original"]
    assert all(f"replaced by {P}amended" in f.message for f in original)


# --- time properties, on the semantics itself (every partial-date shape) --------------

def _timeline(**events: dict[str, Any]) -> LoadedTimeline:
    return LoadedTimeline("x", events={k: Event.model_validate(
        {"id": k, "kind": "other", "title": {"nl": k, "en": k}, "sources": [{"title": "t"}], **v})
        for k, v in events.items()})


def _verdict(clock: Clock, timeline: LoadedTimeline, as_of: date) -> tuple[str, str | None]:
    a = PartialDate.parse(as_of.isoformat())
    flags = deadline_flags(clock, timeline, {}, a) if clock.kind == "deadline" \
        else recurring_flags(clock, timeline, a)
    record = {clock.flag(k, ("", 0, 0)).key: v is TRUE for k, v in flags.items() if v is not UNKNOWN}
    applies, conflicts, complies = clock_conditions(clock, ("", 0, 0))
    result = decide(evaluate(applies, record, {}).result if applies else TRUE,
                    evaluate(conflicts, record, {}).result, evaluate(complies, record, {}).result)
    return result, due(clock, timeline, {}, a)


DAYS = st.dates(date(2020, 1, 1), date(2030, 12, 31))


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(-400, 400))
def test_crossing_a_deadline_turns_not_yet_due_into_conflicts_the_day_after(d: date, shift: int) -> None:
    clock = Clock("deadline", "m", 1, "date", window=(d, d), event="e")
    never = _timeline(e={"not_happened_by": "2099-12-31"})  # beyond every as-of drawn
    a = d + timedelta(days=shift)
    assert _verdict(clock, never, a) == (("complies", "not_yet_due") if a <= d else ("conflicts", "overdue"))


@settings(max_examples=300, deadline=None)
@given(DAYS, st.integers(0, 400), st.sampled_from(["days", "weeks", "months", "years"]), st.integers(1, 12))
def test_an_event_on_the_deadline_complies(anchor: date, after: int, unit: str, n: int) -> None:
    """Relative to an event: the required event dated exactly on the deadline complies as
    of that day and every later one; one day later it is met late."""
    clock = Clock("deadline", "m", 1, "after", anchor_event="start", offset=(unit, n), event="e")
    d = add_period(anchor, unit, n)
    on = _timeline(start={"date": anchor.isoformat()}, e={"date": d.isoformat()})
    assert _verdict(clock, on, d + timedelta(days=after))[0] == "complies"
    late = _timeline(start={"date": anchor.isoformat()}, e={"date": (d + timedelta(days=1)).isoformat()})
    assert _verdict(clock, late, d + timedelta(days=1 + after)) == ("conflicts", "overdue")


@settings(max_examples=200, deadline=None)
@given(DAYS, DAYS)
def test_an_undated_event_is_undetermined_once_the_deadline_passed(d: date, a: date) -> None:
    clock = Clock("deadline", "m", 1, "before", anchor_event="debate", event="e")
    tl = _timeline(debate={"date": d.isoformat()}, e={})
    # 'before the debate': the deadline is the day before it
    expected = ("complies", "not_yet_due") if a < d else ("undetermined", "due")
    assert _verdict(clock, tl, a) == expected


def test_a_month_precision_event_overlapping_the_deadline_is_undetermined() -> None:
    clock = Clock("deadline", "m", 1, "date", window=(date(2024, 3, 15), date(2024, 3, 15)), event="e")
    tl = _timeline(e={"date": "2024-03"})
    assert _verdict(clock, tl, date(2024, 5, 1))[0] == "undetermined"
    tl = _timeline(e={"date": "2024-02"})
    assert _verdict(clock, tl, date(2024, 5, 1))[0] == "complies"
    tl = _timeline(e={"date": "2024-04"})
    assert _verdict(clock, tl, date(2024, 5, 1))[0] == "conflicts"


def test_recurring_duty_checks_the_latest_completed_period() -> None:
    clock = Clock("recurring", "m", 1, "date", window=(date(2024, 1, 1), date(2024, 1, 1)),
                  offset=("months", 6), tag="r")
    tl = _timeline(r1={"date": "2024-03-01", "tags": ["r"]},
                   r2={"not_happened_by": "2025-01-15", "tags": ["r"]})
    assert _verdict(clock, tl, date(2024, 6, 30)) == ("complies", "not_yet_due")
    assert _verdict(clock, tl, date(2024, 7, 1)) == ("complies", "due")  # first half: March report
    # second half-year (July-December): a source shows the report had not come by 15 January
    assert _verdict(clock, tl, date(2025, 1, 2)) == ("conflicts", "overdue")



def test_bad_names_in_a_deadline_or_recurring_duty_are_located_errors(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    shutil.copytree(WS_DIR, ws)
    rules = ws / "rules/constructed-kinds"
    (rules / "provisional-constructed-recurring.yaml").write_text(
        (rules / "provisional-constructed-recurring.yaml").read_text(encoding="utf-8")
        .replace("tag: annual_report", "tag: anual_report"), encoding="utf-8")
    (rules / "provisional-constructed-deadlines.yaml").write_text(
        (rules / "provisional-constructed-deadlines.yaml").read_text(encoding="utf-8")
        .replace("fact: report_sent_on", "fact: supports_plan"), encoding="utf-8")
    r = run_cli("validate", "--lang", "en", "-w", str(ws))
    assert r.returncode == 2 and "Traceback" not in r.stderr
    assert "no timeline event carries tag 'anual_report' — did you mean 'annual_report'?" in r.stderr
    assert "'supports_plan' is not a date fact of dossier 'constructed-kinds'" in r.stderr
    assert "provisional-constructed-recurring.yaml:" in r.stderr
