"""What would comply: the smallest sets of fact changes that make a clause comply.

Candidate edits come from the rule's own vocabulary (see :mod:`compliance.authoring.space`):
set a scalar fact to another representative value, add or remove one value of a set
fact, or establish an absent fact. Sets of edits are tried by increasing size; the
first size that yields compliant positions gives the answer, so every suggestion is
minimal. Each is judged by the direct evaluator, the same semantics the report uses.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from compliance.authoring.space import clause_conditions, domain, literals
from compliance.backends.direct import clause_outcome
from compliance.conditions.ast import Cond, facts_of
from compliance.conditions.values import MISSING, to_json
from compliance.model.vocabulary import Vocabulary
from compliance.pack import CompiledClause

MAX_CHANGES = 3
MAX_SUGGESTIONS = 8


@dataclass(frozen=True)
class Edit:
    fact: str
    kind: str  # "set" (a whole value) or "toggle" (one value of a set fact)
    value: Any


@dataclass(frozen=True)
class Change:
    fact: str
    value: Any  # typed
    was: Any  # typed, or MISSING

    def as_json(self) -> dict[str, Any]:
        return {"fact": self.fact, "value": to_json(self.value),
                "was": None if self.was is MISSING else to_json(self.was)}


def _edits(clause: CompiledClause, facts: Mapping[str, Any], vocab: Vocabulary,
           concepts: Mapping[str, Cond]) -> list[Edit]:
    conds = clause_conditions(clause)
    names: set[str] = set()
    for c in conds:
        names |= facts_of(c, dict(concepts))
    lits = literals(conds, concepts)
    out: list[Edit] = []
    for name in sorted(names):
        fact = vocab.facts[name]
        current = facts.get(name, MISSING)
        if fact.type == "set":
            if current is MISSING:
                out.append(Edit(name, "set", frozenset()))
            out += [Edit(name, "toggle", v) for v in fact.values or {}]
        else:
            out += [Edit(name, "set", v) for v in domain(fact, lits.get(name, set())) if v != current]
    return out


def _apply(facts: Mapping[str, Any], edits: tuple[Edit, ...]) -> dict[str, Any] | None:
    new = dict(facts)
    kinds: dict[str, str] = {}
    for e in edits:
        prev = kinds.get(e.fact)
        if prev is not None and (prev != e.kind or e.kind == "set"):
            return None  # two whole values for one fact, or a whole value mixed with toggles
        kinds[e.fact] = e.kind
        if e.kind == "set":
            new[e.fact] = e.value
        else:
            base = new.get(e.fact, frozenset())
            new[e.fact] = base ^ {e.value}
    return new


def would_comply(clause: CompiledClause, facts: Mapping[str, Any], vocab: Vocabulary,
                 concepts: Mapping[str, Cond], *, max_changes: int = MAX_CHANGES,
                 limit: int = MAX_SUGGESTIONS) -> list[list[Change]]:
    """Minimal change sets after which the clause complies (empty if none within max_changes)."""
    edits = _edits(clause, facts, vocab, concepts)
    for k in range(1, max_changes + 1):
        found: list[list[Change]] = []
        seen: set[tuple[tuple[str, Any], ...]] = set()
        for combo in itertools.combinations(edits, k):
            new = _apply(facts, combo)
            if new is None or clause_outcome(clause, new, concepts).verdict != "complies":
                continue
            changed = sorted({e.fact for e in combo})
            key = tuple((f, new[f]) for f in changed)
            if key in seen:
                continue
            seen.add(key)
            found.append([Change(f, new[f], facts.get(f, MISSING)) for f in changed])
            if len(found) >= limit:
                break
        if found:
            return found
    return []


def record_facts(ws: Any, pos: Any, interpretations: dict[str, str] | None = None) -> dict[str, Any]:
    """The position's facts plus the derived flags (timeline events, open standstill steps)
    as of the position's own date, exactly as the check matches the base position."""
    from compliance.dates import PartialDate
    from compliance.standstill import derive

    timeline = ws.timelines.get(pos.model.dossier)
    if timeline is None:
        return dict(pos.facts)
    pack = ws.pack(pos.model.dossier, interpretations)
    return {**pos.facts, **derive(pack.flags, timeline, PartialDate.parse(pos.model.date),
                                  list(pos.model.planned_steps), pos.facts)}


def describe_change(c: Change, lang: str) -> str:
    """One change in words a lawyer can read: 'fact: was → new', sets as additions/removals."""
    absent = "niet vermeld" if lang == "nl" else "not stated"
    if isinstance(c.value, frozenset) and isinstance(c.was, frozenset):
        parts = [f"+{v}" for v in sorted(c.value - c.was)] + [f"-{v}" for v in sorted(c.was - c.value)]
        return f"{c.fact}: {' '.join(parts)}"
    was = absent if c.was is MISSING else _show(c.was)
    return f"{c.fact}: {was} → {_show(c.value)}"


def _show(value: Any) -> str:
    v = to_json(value)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, list):
        return "[" + ", ".join(v) + "]"
    return str(v)


def add_suggestions(ws: Any, positions: list[Any], report: Any,
                    interpretations: dict[str, str] | None = None) -> Any:
    """The report with ``would_comply`` filled in for conflicting and undetermined findings
    that have a rule (adoption and missing rules are not a matter of facts)."""
    from compliance.model.output import FactChange

    by_id = {p.model.id: p for p in positions}
    findings = []
    for f in report.findings:
        if f.verdict in ("conflicts", "undetermined") and f.rule is not None \
                and f.reasons[0].part != "adoption":
            pos = by_id[f.position]
            clause = next(c for c in ws.pack(pos.model.dossier, interpretations).clauses
                          if c.key == f"{f.motion}#{f.clause}")
            vocab = ws.vocabularies[pos.model.dossier]
            facts = record_facts(ws, pos, interpretations)
            sets = would_comply(clause, facts, vocab.model, vocab.concepts)
            f = f.model_copy(update={"would_comply": [[FactChange(**c.as_json()) for c in s]
                                                      for s in sets]})
        findings.append(f)
    return report.model_copy(update={"findings": findings})


def checked_with_suggestions(ws: Any, positions: list[Any], backend: Any, *, lang: Any = "nl",
                             as_of: str | None = None,
                             interpretations: dict[str, str] | None = None) -> Any:
    """`check --suggest`: the report of :func:`compliance.evaluate.check` with suggestions."""
    from compliance.evaluate import check

    report = check(ws, positions, backend, lang=lang, as_of=as_of, interpretations=interpretations)
    return add_suggestions(ws, positions, report, interpretations)
