"""The finite space of fully known positions that a set of rules can tell apart.

A rule only compares facts with the literals it names, so for each fact finitely many
values stand for all others: every value of a bool, enum or set fact, and for numbers,
dates and text the literals themselves plus points just beside and between them. Two
positions that agree on these points get the same verdict from every rule, so a
search over this space is exhaustive. Where the space is small it is enumerated and
every candidate is judged by the direct evaluator itself; beyond that the same
question goes to an SMT solver (:mod:`compliance.authoring.smt`), and whatever the
solver proposes is judged by the direct evaluator again before it is reported.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any, Literal

from compliance.backends.direct import clause_outcome
from compliance.conditions.ast import (
    CLOCK_FLAGS,
    CLOCK_WORLDS,
    All,
    Any_,
    Atom,
    Clock,
    ConceptRef,
    Cond,
    Not,
    facts_of,
    flags_of,
)
from compliance.conditions.kleene import truth
from compliance.conditions.values import to_json
from compliance.dates import PartialDate
from compliance.logic import TRUE
from compliance.model.vocabulary import FactDef, Vocabulary
from compliance.pack import CompiledClause

# Above this many positions the solver is used instead of enumeration.
ENUMERATION_LIMIT = 20_000

GoalKind = Literal["conflicts", "complies", "undetermined", "not_applicable", "ok", "overlap"]
Method = Literal["auto", "enumerate", "solver"]
OTHER_TEXT = "(other text)"


@dataclass(frozen=True)
class Goal:
    """A wish about one clause: its verdict (``ok`` = complies or not applicable), or
    ``overlap``: it applies and both its conflict and its compliance condition hold."""

    clause: CompiledClause
    kind: GoalKind


def clause_conditions(clause: CompiledClause) -> list[Cond]:
    return [c for c in (clause.applies, clause.conflicts, clause.complies) if c is not None]


def literals(conds: Iterable[Cond], concepts: Mapping[str, Cond]) -> dict[str, set[Any]]:
    """Fact -> the scalar values conditions compare it with (through concepts)."""
    out: dict[str, set[Any]] = {}
    stack = list(conds)
    seen: set[str] = set()
    while stack:
        c = stack.pop()
        if isinstance(c, Atom):
            vals = out.setdefault(c.fact, set())
            if c.op != "known":
                vals.update(c.value if isinstance(c.value, frozenset) else {c.value})
        elif isinstance(c, All | Any_):
            stack.extend(c.items)
        elif isinstance(c, Not):
            stack.append(c.item)
        elif isinstance(c, ConceptRef) and c.name not in seen:
            seen.add(c.name)
            stack.append(concepts[c.name])
    return out


def _day(d: date) -> PartialDate:
    return PartialDate(d, d, d.isoformat())


def domain(fact: FactDef, lits: set[Any]) -> list[Any]:
    """Representative typed values of a fact, in a fixed order."""
    if fact.type == "bool":
        return [True, False]
    values = list(fact.values or {})
    if fact.type == "enum":
        return values
    if fact.type == "set":
        return [frozenset(c) for n in range(len(values) + 1) for c in itertools.combinations(values, n)]
    if fact.type == "number":
        points = sorted({Fraction(v) for v in lits})
        if not points:
            return [0]
        out: list[Fraction] = [points[0] - 1]
        for a, b in itertools.pairwise(points):
            out += [a, (a + b) / 2]
        out += [points[-1], points[-1] + 1]
        return [int(p) if p.denominator == 1 else float(p) for p in out]
    if fact.type == "date":
        days: set[date] = set()
        for d in lits:
            days |= {d.first - timedelta(days=1), d.first, d.last, d.last + timedelta(days=1)}
        return [_day(d) for d in sorted(days)] or [_day(date(2000, 1, 1))]
    other = OTHER_TEXT
    while other in lits:
        other += "+"
    return [*sorted(lits), other]


@dataclass
class Space:
    """Fully known positions over the given facts (others absent: rules never read them).

    A derived flag (timeline event happened, standstill step open; :class:`Flag`) is one
    more boolean variable of the position, named by its record field ``Flag.key``."""

    vocab: Vocabulary
    concepts: Mapping[str, Cond]
    facts: list[str]
    domains: dict[str, list[Any]]
    flags: frozenset[str] = frozenset()  # the names in ``facts`` that are flag keys
    # flag keys that vary jointly (a deadline's or recurring duty's) -> their allowed values
    joint: tuple[tuple[tuple[str, ...], tuple[tuple[bool, ...], ...]], ...] = ()

    def is_flag(self, name: str) -> bool:
        return name in self.flags

    @classmethod
    def for_clauses(cls, vocab: Vocabulary, concepts: Mapping[str, Cond],
                    clauses: Iterable[CompiledClause]) -> Space:
        conds = [c for cl in clauses for c in clause_conditions(cl)]
        names: set[str] = set()
        flags: set[str] = set()
        clocks: set[Clock] = set()
        for c in conds:
            names |= facts_of(c, dict(concepts))
            found = flags_of(c, dict(concepts))
            flags |= {f.key for f in found}
            clocks |= {f.clock for f in found if f.clock is not None}
        lits = literals(conds, concepts)
        facts = sorted(names | flags)
        domains = {f: [True, False] if f in flags else domain(vocab.facts[f], lits.get(f, set()))
                   for f in facts}
        joint = []
        for clock in sorted(clocks, key=lambda k: (k.motion, k.clause)):
            keys = tuple(clock.flag(w, ("", 0, 0)).key for w in CLOCK_FLAGS[clock.kind])
            worlds = tuple(tuple(world[w] for w in CLOCK_FLAGS[clock.kind])
                           for world in CLOCK_WORLDS[clock.kind])
            joint.append((keys, worlds))
        return cls(vocab, concepts, facts, domains, frozenset(flags), tuple(joint))

    def allowed(self, position: Mapping[str, Any]) -> bool:
        """Can a fully known record have these derived flags together?"""
        return all(tuple(position[k] for k in keys) in worlds for keys, worlds in self.joint
                   if all(k in position for k in keys))

    def size(self) -> int:
        n = 1
        for f in self.facts:
            n *= len(self.domains[f])
        return n

    def positions(self) -> Iterator[dict[str, Any]]:
        for combo in itertools.product(*(self.domains[f] for f in self.facts)):
            position = dict(zip(self.facts, combo, strict=True))
            if not self.joint or self.allowed(position):
                yield position


def meets(goal: Goal, facts: Mapping[str, Any], concepts: Mapping[str, Cond]) -> bool:
    """Does a position meet a goal, by the direct evaluator's semantics?"""
    clause = goal.clause
    if goal.kind == "overlap":
        applies = TRUE if clause.applies is None else truth(clause.applies, facts, concepts)
        return (applies is TRUE and truth(clause.conflicts, facts, concepts) is TRUE
                and truth(clause.complies, facts, concepts) is TRUE)
    verdict = clause_outcome(clause, dict(facts), concepts).verdict
    if goal.kind == "ok":
        return verdict in ("complies", "not_applicable")
    return verdict == goal.kind


def distance(facts: Mapping[str, Any], near: Mapping[str, Any]) -> int:
    return sum(1 for f, v in facts.items() if near.get(f) != v)


def position_json(facts: Mapping[str, Any]) -> dict[str, Any]:
    """A position's facts as plain JSON, in name order."""
    return {f: to_json(facts[f]) for f in sorted(facts)}


def render_facts(facts: Mapping[str, Any]) -> str:
    """Facts as one YAML-flow line a rule author can paste into a position or test."""
    parts = []
    for name, value in position_json(facts).items():
        if isinstance(value, list):
            shown = "[" + ", ".join(value) + "]"
        elif isinstance(value, bool):
            shown = "true" if value else "false"
        else:
            shown = str(value)
        parts.append(f"{name}: {shown}")
    return "{" + ", ".join(parts) + "}"
