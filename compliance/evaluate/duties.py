"""Duties of conduct: clauses that ask for the cabinet's conduct over time (a deadline, a
recurring report, informing the House, settling by a date), and their state as of a date.

A duty's state is the dossier's, not a position's: not yet due, met (by which event,
letter or execution statement, its date and source), overdue, unknown (with what would
decide it) or ended. A position is judged on such a clause only when it bears on it
(compliance.evaluate.gates.duty_gate); `compliance duties` lists them all, the overview a
ministry keeps of motions and their execution. docs/applicability.md.

A letter that declares it gives effect to a motion (a position's declaration with
statement ``executed``: "met deze brief geef ik uitvoering aan ...") is evidence of the
event the motion's duty awaits, on the letter's date: the undated event a deadline waits
for, or one more report of a recurring duty's tag.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date

from compliance.conditions.ast import Clock
from compliance.dates import PartialDate
from compliance.deadlines import anchor_window, deadline_flags, deadline_window, recurring_flags
from compliance.i18n import t
from compliance.loading.timeline import LoadedTimeline
from compliance.loading.workspace import LoadedPosition
from compliance.logic import FALSE, TRUE, UNKNOWN
from compliance.model.common import Lang, Text
from compliance.model.output import Duty, DutyEvidence, DutyState
from compliance.model.timeline import Event
from compliance.pack import CompiledClause

EXECUTED = "executed"  # the declaration "with this letter I give effect to the motion"


@dataclass(frozen=True)
class Letter:
    """A position that declares it gives effect to motions: evidence for their duties."""

    position: str
    file: str
    dossier: str
    date: str
    source: str
    motions: tuple[tuple[str, int], ...]  # (motion, line of the declaration)


def letters_of(positions: Iterable[LoadedPosition], lang: Lang = "nl") -> list[Letter]:
    out = []
    for p in positions:
        said = tuple((d.motion, p.doc.loc(("declarations", i))[0])
                     for i, d in enumerate(p.model.declarations) if d.statement == EXECUTED)
        if said:
            out.append(Letter(p.model.id, p.file, p.model.dossier, p.model.date,
                              p.model.source.cite(lang), said))
    return sorted(out, key=lambda x: (PartialDate.parse(x.date).first, x.position))


def gives_effect(pos: LoadedPosition, motion: str) -> bool:
    return any(d.motion == motion and d.statement == EXECUTED for d in pos.model.declarations)


def _first(letters: Sequence[Letter]) -> Letter:
    return min(letters, key=lambda x: (PartialDate.parse(x.date).first, x.position))


def letter_event_id(letter: Letter) -> str:
    return "letter_" + letter.position.replace("-", "_")[:50]


def with_evidence(timeline: LoadedTimeline, clocks: Iterable[Clock],
                  letters: Sequence[Letter]) -> LoadedTimeline:
    """The timeline with each letter giving effect to a clock's motion as the event the clock
    awaits, on the letter's date. A dated event keeps its date (the timeline is the record);
    an undated one takes the earliest letter's."""
    return evidenced(timeline, clocks, letters)[0]


def evidenced(timeline: LoadedTimeline, clocks: Iterable[Clock],
              letters: Sequence[Letter]) -> tuple[LoadedTimeline, dict[str, tuple[Letter, str]]]:
    """:func:`with_evidence`, and which events a letter dates: event id -> (letter, motion)."""
    events = dict(timeline.events)
    by_letter: dict[str, tuple[Letter, str]] = {}
    for clock in clocks:
        mine = [x for x in letters if any(m == clock.motion for m, _ in x.motions)]
        if not mine:
            continue
        if clock.kind == "deadline" and clock.event is not None:
            ev = events.get(clock.event)
            if ev is not None and ev.date is None:
                first = _first(mine)
                events[clock.event] = ev.model_copy(update={"date": first.date, "not_happened_by": None})
                by_letter[clock.event] = (first, clock.motion)
        elif clock.kind == "recurring" and clock.tag is not None:
            for x in mine:
                key = letter_event_id(x)
                old = events.get(key)
                tags = sorted({*(old.tags if old else ()), clock.tag})
                events[key] = Event.model_construct(
                    id=key, kind="letter_sent", title=Text(nl=x.source, en=x.source), date=x.date,
                    not_happened_by=None, kamerstuk=None, tags=tags, sources=[], notes=None)
                by_letter[key] = (x, clock.motion)
    if not by_letter:
        return timeline, {}
    return LoadedTimeline(timeline.dossier, timeline.file, timeline.doc, events), by_letter


def _fmt(w: tuple[date, date] | None) -> str | None:
    if w is None:
        return None
    return w[0].isoformat() if w[0] == w[1] else f"{w[0].isoformat()} .. {w[1].isoformat()}"


def _event_evidence(timeline: LoadedTimeline, name: str, by_letter: dict[str, tuple[Letter, str]],
                    lang: Lang) -> DutyEvidence:
    if name in by_letter:
        x, motion = by_letter[name]
        line = next(n for m, n in x.motions if m == motion)
        return DutyEvidence(kind="letter", ref=x.position, date=x.date, source=x.source, file=x.file,
                            line=line)
    ev = timeline.events[name]
    return DutyEvidence(kind="event", ref=name, date=ev.date,
                        source=ev.sources[0].cite(lang) if ev.sources else None,
                        file=timeline.file, line=timeline.line(name))


def state_of(clause: CompiledClause, timeline: LoadedTimeline, as_of: PartialDate,
             by_letter: dict[str, tuple[Letter, str]] | None = None,
             lang: Lang = "nl") -> tuple[DutyState, str | None, list[DutyEvidence], list[str]]:
    """A clock clause's state as of a date: (state, due date or window, evidence, what
    would decide it). The timeline holds the letters' evidence (:func:`evidenced`)."""
    by_letter = by_letter or {}
    clock = clause.clock
    assert clock is not None
    if clock.kind == "deadline":
        f = deadline_flags(clock, timeline, {}, as_of)
        due = _fmt(deadline_window(clock, timeline))
        what = clock.event or clock.fact or "?"
        evidence = [_event_evidence(timeline, clock.event, by_letter, lang)] \
            if clock.event is not None and timeline.events.get(clock.event) is not None \
            and timeline.events[clock.event].date is not None else []
        if f["met"] is TRUE:
            return "met", due, evidence, []
        if f["late"] is TRUE:
            return "overdue", due, evidence, []
        if f["passed"] is FALSE:
            return "not_yet_due", due, evidence if f["pending"] is not TRUE else [], []
        if f["passed"] is TRUE and f["pending"] is TRUE:
            ev = timeline.events.get(clock.event or "")
            proof = [DutyEvidence(kind="event", ref=t("duty_not_by", lang, event=clock.event or "?",
                                                    date=ev.not_happened_by or "?"),
                                  date=ev.not_happened_by if ev is not None else None,
                                  source=ev.sources[0].cite(lang) if ev and ev.sources else None,
                                  file=timeline.file, line=timeline.line(clock.event or ""))] \
                if ev is not None and ev.not_happened_by is not None else []
            return "overdue", due, proof, []
        decides = [f"event:{what}" if clock.event else what] if f["passed"] is not UNKNOWN or due else []
        if due is None:
            decides.append(f"event:{clock.anchor_event}" if clock.anchor_event else "adoption")
        return "unknown", due, evidence, decides or [f"event:{what}"]
    r = recurring_flags(clock, timeline, as_of)
    first = _fmt(anchor_window(clock, timeline))
    # the period in the output's language ("6 maanden"), as the check's reasons say it
    every = t(f"period_{clock.offset[0]}{'_1' if clock.offset[1] == 1 else ''}", lang, n=clock.offset[1]) \
        if clock.offset else None
    start = f"{every} / {first}" if every and first else first
    if r["ended"] is TRUE:
        ended = [_event_evidence(timeline, clock.until_event, by_letter, lang)] \
            if clock.until_event else []
        return "ended", start, ended, []
    if r["due"] is FALSE:
        return "not_yet_due", start, [], []
    if r["done"] is TRUE:
        tagged = [n for n, e in timeline.events.items() if clock.tag in e.tags and e.date is not None]
        latest = max(tagged, key=lambda n: PartialDate.parse(timeline.events[n].date or "").first
                     if timeline.events[n].date else date.min, default=None)
        if latest is not None and PartialDate.parse(timeline.events[latest].date or "").first > as_of.last:
            latest = None
        return "met", start, [_event_evidence(timeline, latest, by_letter, lang)] \
            if latest else [], []
    if r["missed"] is TRUE:
        return "overdue", start, [], []
    return "unknown", start, [], [f"tag:{clock.tag}"]


def duty_reason(state: DutyState, due: str | None, evidence: list[DutyEvidence], decides: list[str],
                clause: CompiledClause, adoption: str, lang: Lang) -> str:
    by = "; ".join(f"{e.ref} ({e.date or '?'}{', ' + e.source if e.source else ''})" for e in evidence)
    text = t(f"duty_state_{state}", lang, due=due or "?", by=by or "-",
             decides=", ".join(decides) or "-")
    if clause.rule.obligation == "effort":
        text += " " + t("duty_effort_note", lang)
    if adoption == "unknown":
        text = t("duty_if_adopted", lang, text=text)
    return text


def reached_overdue(found: Iterable[Duty]) -> list[Duty]:
    """The duties that fail a run with --fail-on overdue-duty: overdue for an adopted motion."""
    return [d for d in found if d.state == "overdue" and d.adoption == "adopted"]


def status_marker(clause: CompiledClause, timeline: LoadedTimeline, as_of: PartialDate) -> DutyState:
    """The state alone (for the duty gate's reason), from the timeline as it stands."""
    return state_of(clause, timeline, as_of)[0]


__all__ = [
    "EXECUTED",
    "Letter",
    "duty_reason",
    "evidenced",
    "gives_effect",
    "letters_of",
    "reached_overdue",
    "state_of",
    "status_marker",
    "with_evidence",
]
