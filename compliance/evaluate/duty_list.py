"""The overview of duties of conduct as of a date (`compliance duties`, the JSON report's
``duties``): every deadline and recurring clause of the adopted motions of a dossier, with
its state and evidence (compliance.evaluate.duties), after the motion's own gates
(compliance.evaluate.gates: not adopted, adopted later or replaced leaves it out; an
unknown vote keeps it, marked)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Literal

from compliance.dates import PartialDate
from compliance.deadlines import deadline_window
from compliance.evaluate.duties import Letter, duty_reason, evidenced, letters_of, state_of
from compliance.evaluate.gates import adoption_gate, execution_gate
from compliance.loading.timeline import LoadedTimeline
from compliance.loading.workspace import LoadedMotion, LoadedPosition, Workspace
from compliance.logic import TRUE
from compliance.model.common import Lang
from compliance.model.output import Duty, DutyEvidence, DutyState, Report
from compliance.pack import CompiledClause


def _timely(clause: CompiledClause, timeline: LoadedTimeline,
            executed: PartialDate) -> tuple[DutyState, str | None, list[str]]:
    """A deadline ended by an execution statement is met only when the statement surely came
    by the deadline: after it, the deadline was missed (overdue, as a late event is); when the
    order cannot be told (a month-only date, an unknown deadline), unknown, never met."""
    clock = clause.clock
    if clock is None or clock.kind != "deadline":
        return "met", None, []
    window = deadline_window(clock, timeline)
    if window is None:
        return "unknown", None, ["deadline"]
    due = window[0].isoformat() if window[0] == window[1] else \
        f"{window[0].isoformat()} .. {window[1].isoformat()}"
    if executed.last <= window[0]:
        return "met", due, []
    if executed.first > window[1]:
        return "overdue", due, []
    return "unknown", due, ["statement:executed"]


def duty_for(ws: Workspace, motion: LoadedMotion, clause: CompiledClause, timeline: LoadedTimeline,
             as_of: PartialDate, letters: Sequence[Letter], lang: Lang) -> Duty | None:
    """One duty's entry, or None when the motion does not apply as of the date (not adopted,
    adopted later, replaced) or its duty ended by an execution statement before."""
    record = motion.record
    life = adoption_gate(motion, as_of, lang)
    if life is not None and life[0] == "not_applicable":
        return None
    adoption: Literal["adopted", "unknown"] = "unknown" if life is not None else "adopted"
    ended = execution_gate(motion, clause.clause, clause.rule.duty, as_of, lang)
    if ended is not None and ended[0] == "not_applicable":
        st = next(s for s in reversed(record.execution) if s.statement == "executed"
                  and PartialDate.parse(s.date).on_or_before(as_of) is TRUE)
        evidence = [DutyEvidence(kind="statement", ref=st.statement, date=st.date,
                                 source=st.source.cite(lang), file=motion.file)]
        state, due, decides = _timely(clause, timeline, PartialDate.parse(st.date))
    else:
        tl, by_letter = evidenced(timeline, [clause.clock] if clause.clock else [], letters)
        state, due, evidence, decides = state_of(clause, tl, as_of, by_letter, lang)
    if adoption == "unknown":
        decides = [*decides, "vote"]
    reason = duty_reason(state, due, evidence, decides, clause, adoption, lang)
    return Duty(
        dossier=timeline.dossier, motion=record.id, motion_name=record.short_name,
        kamerstuk=record.kamerstuk.cite(lang) if record.kamerstuk else None,
        clause=clause.clause, request=next((c.request.get(lang) for c in record.clauses
                                            if c.number == clause.clause), ""),
        kind="recurring" if clause.clock is not None and clause.clock.kind == "recurring" else "deadline",
        rule=f"{clause.key}@{clause.interpretation}",
        rule_file=clause.file, rule_line=clause.line, obligation=clause.rule.obligation,
        as_of=as_of.text, state=state, due=due, adoption=adoption, evidence=evidence,
        decides=decides, reason=reason)


def duties(ws: Workspace, dossiers: Iterable[str], as_of: dict[str, PartialDate], letters: Sequence[Letter],
           lang: Lang = "nl", interpretations: dict[str, str] | None = None) -> list[Duty]:
    """Every duty of conduct of these dossiers (deadline and recurring clauses of the chosen
    interpretations), as of each dossier's date, in motion and clause order."""
    from compliance.model.motion import motion_sort_key

    out: list[Duty] = []
    for dossier in sorted(set(dossiers)):
        when = as_of.get(dossier)
        if when is None or dossier not in ws.vocabularies:
            continue
        timeline = ws.timelines.get(dossier) or LoadedTimeline(dossier)
        mine = [x for x in letters if x.dossier == dossier
                and PartialDate.parse(x.date).on_or_before(when) is TRUE]
        for motion_id in sorted(ws.motions, key=motion_sort_key):
            motion = ws.motions[motion_id]
            rules = ws.rules.get(motion_id)
            interp = ws.interpretation_for(motion_id, interpretations)
            if dossier not in motion.record.dossiers or rules is None or interp is None:
                continue
            for clause in rules.compiled[interp]:
                if clause.clock is None:
                    continue
                duty = duty_for(ws, motion, clause, timeline, when, mine, lang)
                if duty is not None:
                    out.append(duty)
    return out


Dated = tuple[str, str]  # (dossier, a position's date)


def dates_of(positions: Iterable[LoadedPosition]) -> list[Dated]:
    return [(p.model.dossier, p.model.date) for p in positions]


def as_of_dates(dated: Iterable[Dated], as_of: str | None) -> dict[str, PartialDate]:
    """Per dossier the evaluation date: ``as_of``, else its latest position's date."""
    out: dict[str, PartialDate] = {}
    for dossier, text in dated:
        when = PartialDate.parse(as_of or text)
        if dossier not in out or (when.last, when.first) > (out[dossier].last, out[dossier].first):
            out[dossier] = when
    return out


def report_duties(ws: Workspace, letters: Sequence[Letter], dated: Iterable[Dated], as_of: str | None,
                  lang: Lang = "nl", interpretations: dict[str, str] | None = None) -> list[Duty]:
    """The duties a check's report carries: those of the checked positions' dossiers."""
    when = as_of_dates(dated, as_of)
    return duties(ws, when, when, letters, lang, interpretations)


def with_duties(report: Report, ws: Workspace, positions: Sequence[LoadedPosition], as_of: str | None,
                lang: Lang = "nl", interpretations: dict[str, str] | None = None) -> Report:
    """The report with the duties of its positions' dossiers (see :func:`report_duties`)."""
    found = report_duties(ws, letters_of(positions, lang), dates_of(positions), as_of, lang,
                          interpretations)
    return report.model_copy(update={"duties": found}) if found else report


__all__ = ["as_of_dates", "dates_of", "duties", "duty_for", "report_duties", "with_duties"]
