"""A rule pack: one dossier's clause rules under one choice of interpretations,
ready for a backend. Built once per run and reused for every position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from compliance.conditions.ast import All, Any_, Clock, Cond, Flag, Loc, Not, facts_of, flags_of
from compliance.model.rules import ClauseRule
from compliance.model.vocabulary import Vocabulary
from compliance.verdict import Verdict


@dataclass(frozen=True)
class CompiledClause:
    key: str  # "<motion>#<clause>"
    motion: str
    clause: int
    interpretation: str
    applies: Cond | None
    conflicts: Cond
    complies: Cond
    notes: tuple[Cond, ...]
    rule: ClauseRule
    file: str
    line: int
    clock: Clock | None = None  # the clause's deadline or recurring duty, if any
    # the dossier subjects the clause concerns (declared in the rule file, else derived from
    # the facts its conditions read); empty: it concerns every position of the dossier
    subjects: tuple[str, ...] = ()
    # an effort duty: when the effort asked is shown, and the outcome's own conflict
    # condition (a missed result is reported, not a conflict: compile_clause)
    effort: Cond | None = None
    result_conflicts: Cond | None = None


@dataclass(frozen=True)
class Outcome:
    verdict: Verdict
    notes: tuple[int, ...] = ()


@dataclass
class RulePack:
    dossier: str
    vocab: Vocabulary
    concepts: Mapping[str, Cond]
    clauses: tuple[CompiledClause, ...]
    _facts: frozenset[str] | None = field(default=None, repr=False)
    _flags: frozenset[Flag] | None = field(default=None, repr=False)

    @property
    def flags(self) -> frozenset[Flag]:
        """Derived flags (timeline events, open standstill steps) any rule reads."""
        if self._flags is None:
            found: set[Flag] = set()
            for c in self.clauses:
                for cond in (c.applies, c.conflicts, c.complies, *c.notes):
                    if cond is not None:
                        found |= flags_of(cond, dict(self.concepts))
            self._flags = frozenset(found)
        return self._flags

    @property
    def flag_keys(self) -> frozenset[str]:
        return frozenset(f.key for f in self.flags)

    @property
    def facts(self) -> frozenset[str]:
        """Facts any rule of the pack reads: the only ones passed to a backend."""
        if self._facts is None:
            names: set[str] = set()
            for c in self.clauses:
                for cond in (c.applies, c.conflicts, c.complies, *c.notes):
                    if cond is not None:
                        names |= facts_of(cond, dict(self.concepts))
            self._facts = frozenset(names)
        return self._facts


def clock_conditions(clock: Clock, loc: Loc) -> tuple[Cond | None, Cond, Cond]:
    """A deadline or recurring duty as applies/conflicts/complies over its derived flags
    (docs/request-kinds.md): a deadline conflicts when met late or passed and still
    pending, and complies when met or not yet passed; a recurring duty no longer applies
    once ended, conflicts when the latest period's duty was surely missed, and complies
    when no period is due yet or the latest one's is done."""
    def f(which: str) -> Flag:
        return clock.flag(which, loc)
    if clock.kind == "deadline":
        return (None, Any_((f("late"), All((f("passed"), f("pending")), loc)), loc),
                Any_((f("met"), Not(f("passed"), loc)), loc))
    return (Not(f("ended"), loc), f("missed"), Any_((Not(f("due"), loc), f("done")), loc))


def _joined(kind: type[All] | type[Any_], parts: list[Cond | None]) -> Cond | None:
    got = [c for c in parts if c is not None]
    if not got:
        return None
    return got[0] if len(got) == 1 else kind(tuple(got), got[0].loc)


def compile_clause(motion: str, interpretation: str, rule: ClauseRule, conds: dict[str, Any],
                   file: str, line: int, subjects: tuple[str, ...] = ()) -> CompiledClause:
    # A standstill, a deadline or a recurring duty is one more way to conflict (and, for
    # the latter two, to comply or not apply): the engines see ordinary conditions over
    # derived flags, so no backend needs to know about them.
    own = _joined(Any_, [conds.get("conflicts_when"), conds.get("standstill")])
    own_complies = conds.get("complies_when") or (Not(own, own.loc) if own is not None else None)
    conflicts = _joined(Any_, [own, conds.get("clock_conflicts")])
    complies = _joined(All, [own_complies, conds.get("clock_complies")])
    assert conflicts is not None and complies is not None  # the model requires one way to conflict
    effort, result_conflicts = conds.get("effort_when"), None
    if effort is not None:
        # An effort duty is met by the effort shown: it complies when the effort is shown or the
        # result is reached, and conflicts only when the result is missed and the effort surely
        # not shown. Ordinary conditions, so every backend and analysis sees nothing new.
        result_conflicts = conflicts
        conflicts = All((Not(effort, effort.loc), conflicts), effort.loc)
        complies = Any_((effort, complies), effort.loc)
    return CompiledClause(
        key=f"{motion}#{rule.clause}", motion=motion, clause=rule.clause, interpretation=interpretation,
        applies=_joined(All, [conds.get("applies_when"), conds.get("clock_applies")]),
        conflicts=conflicts, complies=complies, notes=tuple(conds.get("notes", ())), rule=rule,
        file=file, line=line, clock=conds.get("clock"), subjects=subjects, effort=effort,
        result_conflicts=result_conflicts,
    )
