"""Three-valued evaluation of conditions, with a trace of what was read.

This is the semantics every backend must reproduce. The trace is what a finding
explains itself with: which atoms were true, false or unknown, through which
concepts, and which absent facts would decide an unknown result.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not
from compliance.conditions.operators import OPERATORS
from compliance.conditions.values import MISSING
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth, all_of, any_of, of


def atom_truth(atom: Atom, value: Any) -> Truth:
    """Truth of one atom given the fact's typed value (MISSING when unknown)."""
    op = atom.op
    if op == "known":
        return of(value is not MISSING)
    if value is MISSING:
        return UNKNOWN
    return _HOLDS[op](value, atom.value)


def flag_truth(value: Any) -> Truth:
    """A derived flag: a bool, or unknown when absent (never a default)."""
    return of(value) if isinstance(value, bool) else UNKNOWN


_HOLDS = {name: op.holds for name, op in OPERATORS.items()}


@dataclass(slots=True)
class Trace:
    cond: Cond
    result: Truth
    children: list[Trace] = field(default_factory=list)
    value: Any = MISSING  # for atoms: the typed value read

    def missing_facts(self) -> set[str]:
        """Absent facts that could change this result: only below unknown nodes."""
        out: set[str] = set()
        stack = [self]
        while stack:
            t = stack.pop()
            if t.result is not UNKNOWN:
                continue
            if isinstance(t.cond, Atom):
                out.add(t.cond.fact)
            elif isinstance(t.cond, Flag) and t.cond.clock is not None:
                c = t.cond.clock  # the date that decides: the required event's or fact's
                out.add(c.fact if c.fact is not None else f"event:{t.cond.event}" if c.event
                        else f"tag:{c.tag}")
            elif isinstance(t.cond, Flag):
                out.add(f"event:{t.cond.event}")
            stack.extend(t.children)
        return out

    def atoms(self) -> list[Trace]:
        """All atom traces (in document order), through concepts."""
        out: list[Trace] = []
        stack = [self]
        while stack:
            t = stack.pop()
            if isinstance(t.cond, Atom):
                out.append(t)
            stack.extend(reversed(t.children))
        return out


def evaluate(cond: Cond, facts: Mapping[str, Any], concepts: Mapping[str, Cond]) -> Trace:
    """Evaluate ``cond`` over typed facts; ``facts`` maps names to typed values."""
    # Dispatch on the exact node type (the nodes are final dataclasses): this runs for
    # every node of every clause of every position, and isinstance chains cost there.
    kind = type(cond)
    if kind is Atom:
        value = facts.get(cond.fact, MISSING)  # type: ignore[union-attr]
        return Trace(cond, atom_truth(cond, value), [], value)  # type: ignore[arg-type]
    if kind is All or kind is Any_:
        children = [evaluate(c, facts, concepts) for c in cond.items]  # type: ignore[union-attr]
        return Trace(cond, (all_of if kind is All else any_of)([c.result for c in children]), children)
    if kind is ConceptRef:
        child = evaluate(concepts[cond.name], facts, concepts)  # type: ignore[union-attr]
        return Trace(cond, child.result, [child])
    if kind is Not:
        child = evaluate(cond.item, facts, concepts)  # type: ignore[union-attr]
        return Trace(cond, ~child.result, [child])
    if kind is Flag:
        value = facts.get(cond.key, MISSING)  # type: ignore[union-attr]
        return Trace(cond, flag_truth(value), [], value)
    raise TypeError(f"not a condition: {cond!r}")  # pragma: no cover


def truth(cond: Cond, facts: Mapping[str, Any], concepts: Mapping[str, Cond]) -> Truth:
    """Evaluate without building a trace (the direct evaluator's fast path)."""
    if isinstance(cond, Atom):
        return atom_truth(cond, facts.get(cond.fact, MISSING))
    if isinstance(cond, Flag):
        return flag_truth(facts.get(cond.key, MISSING))
    if isinstance(cond, All):
        return all_of(truth(c, facts, concepts) for c in cond.items)
    if isinstance(cond, Any_):
        return any_of(truth(c, facts, concepts) for c in cond.items)
    if isinstance(cond, Not):
        return ~truth(cond.item, facts, concepts)
    return truth(concepts[cond.name], facts, concepts)


__all__ = ["FALSE", "TRUE", "UNKNOWN", "Trace", "atom_truth", "evaluate", "flag_truth", "truth"]
