"""Searching a fact space for a position meeting goals: enumeration for small spaces, the SMT
encoding (:mod:`compliance.authoring.smt`) beyond; solver answers are re-checked by the
direct evaluator."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from compliance.authoring.space import (
    ENUMERATION_LIMIT,
    Goal,
    GoalKind,
    Method,
    Space,
    distance,
    meets,
    position_json,
)
from compliance.backends.direct import clause_outcome
from compliance.errors import InternalError
from compliance.pack import CompiledClause


def find(space: Space, goals: list[Goal], *, method: Method = "auto",
         near: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    """A fully known position meeting every goal (closest to ``near`` when given), or None."""
    if method == "enumerate" or (method == "auto" and space.size() <= ENUMERATION_LIMIT):
        best: dict[str, Any] | None = None
        best_d = -1
        for pos in space.positions():
            if all(meets(g, pos, space.concepts) for g in goals):
                if near is None:
                    return pos
                d = distance(pos, near)
                if best is None or d < best_d:
                    best, best_d = pos, d
        return best
    from compliance.authoring.smt import solve

    found = solve(space, goals, near=near)
    if found is not None and not all(meets(g, found, space.concepts) for g in goals):
        raise InternalError(f"the solver's example {position_json(found)} does not meet "
                            f"{[(g.clause.key, g.kind) for g in goals]} by the direct evaluator")
    return found


def scan(space: Space, clause: CompiledClause, kinds: list[GoalKind], *,
         method: Method = "auto") -> dict[str, dict[str, Any] | None]:
    """For each goal kind about one clause: the first position meeting it, or None.
    Enumeration does all kinds in one pass."""
    if method == "solver" or (method == "auto" and space.size() > ENUMERATION_LIMIT):
        return {k: find(space, [Goal(clause, k)], method="solver") for k in kinds}
    out: dict[str, dict[str, Any] | None] = dict.fromkeys(kinds)
    for pos in space.positions():
        verdict = clause_outcome(clause, pos, space.concepts).verdict
        for k in kinds:
            if out[k] is not None:
                continue
            hit = (k == verdict or (k == "ok" and verdict in ("complies", "not_applicable"))
                   or (k == "overlap" and verdict == "conflicts" and meets(Goal(clause, k), pos,
                                                                            space.concepts)))
            if hit:
                out[k] = pos
        if all(v is not None for v in out.values()):
            break
    return out
