"""The condition language as typed, immutable trees.

A condition is ``all``/``any`` of conditions, ``not`` a condition, a reference to a
named concept, an atom ``{fact: NAME, OP: VALUE}``, or a flag: a boolean derived
per record from the dossier's timeline before matching (an event's having happened
as of the evaluation date, or a planned step left open by a standstill).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
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
class Flag:
    """A derived boolean of the record. ``kind`` is None for ``{event: E, happened: true}``;
    for a standstill it is a step kind, and the flag is true when the position plans a
    step of that kind on a date by which event ``event`` had not happened."""

    event: str
    kind: str | None
    loc: Loc = field(compare=False)

    @property
    def key(self) -> str:
        # Fact names start with a letter, so these keys can never collide with a fact.
        return f"_ev__{self.event}" if self.kind is None else f"_open__{self.event}__{self.kind}"


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
