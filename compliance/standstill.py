"""Time-derived truths of a record: which timeline events had happened by the
evaluation date, and which planned steps a standstill leaves open.

They are computed here, before matching, as plain booleans (absent when unknown),
so that both evaluators match rules over the same record and a month-precision
date can never be guessed into a definite order.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from compliance.conditions.ast import Flag
from compliance.dates import PartialDate
from compliance.deadlines import clock_truth
from compliance.i18n import t
from compliance.loading.timeline import LoadedTimeline
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth, any_of
from compliance.model.common import Lang
from compliance.model.position import PlannedStep
from compliance.model.rules import Standstill


def flag_truth(flag: Flag, timeline: LoadedTimeline, as_of: PartialDate,
               steps: Sequence[PlannedStep], facts: Mapping[str, Any] | None = None) -> Truth:
    if flag.clock is not None:
        return clock_truth(flag, timeline, as_of, facts or {})
    if flag.kind is None:
        return timeline.happened(flag.event, as_of)
    # Open: some planned step of this kind is dated when the event had not happened.
    return any_of(~timeline.happened(flag.event, PartialDate.parse(s.date))
                  for s in steps if s.kind == flag.kind)


def derive(flags: Iterable[Flag], timeline: LoadedTimeline, as_of: PartialDate,
           steps: Sequence[PlannedStep], facts: Mapping[str, Any] | None = None) -> dict[str, bool]:
    """The record's derived fields; unknown ones are left out (read as unknown). ``facts``
    are the record's typed facts (a deadline may wait for a date fact)."""
    out: dict[str, bool] = {}
    for flag in sorted(flags, key=lambda f: f.key):
        truth = flag_truth(flag, timeline, as_of, steps, facts)
        if truth is not UNKNOWN:
            out[flag.key] = truth is TRUE
    return out


@dataclass(frozen=True)
class StepCheck:
    step: PlannedStep
    outstanding: tuple[str, ...]  # events surely not yet happened by the step's date
    unknown: tuple[str, ...]  # events whose order with the step cannot be told


def check_steps(spec: Standstill, timeline: LoadedTimeline,
                steps: Sequence[PlannedStep]) -> list[StepCheck]:
    out = []
    for step in steps:
        if step.kind not in spec.steps:
            continue
        when = PartialDate.parse(step.date)
        truths = {e: timeline.happened(e, when) for e in spec.until.all}
        out.append(StepCheck(step, tuple(e for e, v in truths.items() if v is FALSE),
                             tuple(e for e, v in truths.items() if v is UNKNOWN)))
    return out


def explain(spec: Standstill, timeline: LoadedTimeline, steps: Sequence[PlannedStep],
            lang: Lang) -> str:
    """One line: each barred step and the awaited events still outstanding at its date."""
    checks = check_steps(spec, timeline, steps)
    if not checks:
        return t("standstill_no_steps", lang, kinds=", ".join(spec.steps))
    parts = []
    for c in checks:
        if not c.outstanding and not c.unknown:
            state = t("standstill_lifted_by", lang)
        else:
            bits = []
            if c.outstanding:
                bits.append(t("standstill_outstanding", lang, events=", ".join(c.outstanding)))
            if c.unknown:
                bits.append(t("standstill_unknown", lang, events=", ".join(c.unknown)))
            state = "; ".join(bits)
        parts.append(f"{c.step.kind} {c.step.date}: {state}")
    return t("standstill", lang) + ": " + " | ".join(parts)
