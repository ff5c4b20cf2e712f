"""The condition language as typed, immutable trees.

A condition is ``all``/``any`` of conditions, ``not`` a condition, a reference to a
named concept, an atom ``{fact: NAME, OP: VALUE}``, or a flag: a boolean derived
per record from the dossier's timeline before matching (an event's having happened
as of the evaluation date, or a planned step left open by a standstill).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from compliance.conditions.operators import FACT_TYPES

Loc = tuple[str, int, int]  # file, line, column of the condition in its YAML file

# operator -> fact types it applies to (from the operator records)
OPERATORS: dict[str, tuple[str, ...]] = FACT_TYPES


@dataclass(frozen=True)
class All:
    items: tuple[Cond, ...]
    loc: Loc = field(compare=False)


@dataclass(frozen=True)
class Any_:
    items: tuple[Cond, ...]
    loc: Loc = field(compare=False)


@dataclass(frozen=True)
class Not:
    item: Cond
    loc: Loc = field(compare=False)


@dataclass(frozen=True)
class Atom:
    fact: str
    op: str
    value: Any  # already converted: frozenset for lists, PartialDate for dates
    loc: Loc = field(compare=False)


@dataclass(frozen=True)
class ConceptRef:
    name: str
    loc: Loc = field(compare=False)


@dataclass(frozen=True)
class Clock:
    """A deadline or a recurring duty of one clause, resolved when the rules load (the
    adoption window is read from the motion record then), so that deriving its flags
    needs only the timeline, the position's facts and the evaluation date.

    ``anchor`` is ``adoption`` (window ``window``), ``date`` (window ``window``),
    ``after`` or ``before`` (the timeline event ``anchor_event``); ``offset`` is
    ``(unit, n)`` with unit days|weeks|months|years. A deadline's required event is the
    timeline event ``event`` or the date fact ``fact``; a recurring duty's events are
    the timeline events tagged ``tag``, and it ends when ``until_event`` happened or on
    ``until_date``."""

    kind: str  # "deadline" | "recurring"
    motion: str
    clause: int
    anchor: str
    window: tuple[date, date] | None = None
    anchor_event: str | None = None
    offset: tuple[str, int] | None = None
    event: str | None = None
    fact: str | None = None
    tag: str | None = None
    until_event: str | None = None
    until_date: tuple[date, date] | None = None

    def flag(self, which: str, loc: Loc) -> Flag:
        return Flag(self.event or self.fact or self.tag or "", which, loc, self)


# The derived flags of a clock: deadline met (on time), met late, passed (as of the
# evaluation date), still pending (required event not happened by then); recurring
# duty ended, a period due, the latest period's duty done, or surely missed.
CLOCK_FLAGS = {"deadline": ("met", "late", "passed", "pending"),
               "recurring": ("ended", "due", "done", "missed")}

# The combinations of a clock's flags a fully known record can have (the analyses
# enumerate only these: the flags are not independent). A deadline: the event pending
# (the deadline passed or not), met in time (passed or not), or met late (so passed).
# A recurring duty: ended or not, and no period due yet, or the latest one's done or
# surely missed.
CLOCK_WORLDS: dict[str, tuple[dict[str, bool], ...]] = {
    "deadline": tuple(
        {"met": m, "late": la, "passed": p, "pending": pe}
        for m, la, p, pe in ((False, False, True, True), (False, False, False, True),
                             (True, False, True, False), (True, False, False, False),
                             (False, True, True, False))),
    "recurring": tuple(
        {"ended": e, "due": d, "done": dn, "missed": mi}
        for e in (False, True)
        for d, dn, mi in ((False, False, False), (True, True, False), (True, False, True))),
}


@dataclass(frozen=True)
class Flag:
    """A derived boolean of the record. ``kind`` is None for ``{event: E, happened: true}``;
    for a standstill it is a step kind, and the flag is true when the position plans a
    step of that kind on a date by which event ``event`` had not happened. With a
    ``clock``, ``kind`` is one of that clock's CLOCK_FLAGS."""

    event: str
    kind: str | None
    loc: Loc = field(compare=False)
    clock: Clock | None = None

    @property
    def key(self) -> str:
        # Fact names start with a letter, so these keys can never collide with a fact.
        if self.clock is not None:
            c = self.clock
            return f"_{c.kind[:2]}_{self.kind}__{_safe(c.motion)}__{c.clause}"
        return f"_ev__{self.event}" if self.kind is None else f"_open__{self.event}__{self.kind}"


def _safe(text: str) -> str:
    return "".join(ch if ch.isalnum() else "_" for ch in text)


Cond = All | Any_ | Not | Atom | ConceptRef | Flag


def event_flag(event: str, loc: Loc) -> Flag:
    return Flag(event, None, loc)


def flags_of(cond: Cond, concepts: dict[str, Cond]) -> set[Flag]:
    """Every derived flag a condition can read, through concepts."""
    return {c for c in walk(cond, concepts) if isinstance(c, Flag)}


TRUE_COND = All((), ("<builtin>", 0, 0))


def walk(cond: Cond, concepts: Mapping[str, Cond] | None = None) -> Iterator[Cond]:
    """Every node of a condition; through concept definitions when ``concepts`` is given."""
    stack: list[Cond] = [cond]
    while stack:
        c = stack.pop()
        yield c
        if isinstance(c, All | Any_):
            stack.extend(reversed(c.items))
        elif isinstance(c, Not):
            stack.append(c.item)
        elif isinstance(c, ConceptRef) and concepts is not None:
            stack.append(concepts[c.name])


def facts_of(cond: Cond, concepts: dict[str, Cond]) -> set[str]:
    """Every fact a condition can read, through concepts."""
    return {c.fact for c in walk(cond, concepts) if isinstance(c, Atom)}


def size(cond: Cond, concepts: dict[str, Cond]) -> int:
    """Number of atoms after concepts are inlined (the engine's test count)."""
    if isinstance(cond, Atom | Flag):
        return 1
    if isinstance(cond, All | Any_):
        return sum(size(i, concepts) for i in cond.items)
    if isinstance(cond, Not):
        return size(cond.item, concepts)
    return size(concepts[cond.name], concepts)
