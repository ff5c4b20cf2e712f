"""A rule pack: one dossier's clause rules under one choice of interpretations,
ready for a backend. Built once per run and reused for every position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from compliance.conditions.ast import Any_, Cond, Flag, Not, facts_of, flags_of
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


def compile_clause(motion: str, interpretation: str, rule: ClauseRule, conds: dict[str, Any],
                   file: str, line: int) -> CompiledClause:
    # A standstill is one more way to conflict: the engines see it as an ordinary
    # condition over derived flags, so no backend needs to know about it.
    parts = [c for c in (conds.get("conflicts_when"), conds.get("standstill")) if c is not None]
    conflicts = parts[0] if len(parts) == 1 else Any_(tuple(parts), parts[0].loc)
    complies = conds.get("complies_when") or Not(conflicts, conflicts.loc)
    return CompiledClause(
        key=f"{motion}#{rule.clause}", motion=motion, clause=rule.clause,
        interpretation=interpretation, applies=conds.get("applies_when"), conflicts=conflicts,
        complies=complies, notes=tuple(conds.get("notes", ())), rule=rule, file=file, line=line,
    )
