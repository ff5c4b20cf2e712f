"""The rule semantics as SMT formulas (z3), for spaces too large to enumerate.

Each condition becomes a pair (holds, fails) of formulas, exactly as Kleene's logic
has it: ``not`` swaps them, ``all`` is AND of holds / OR of fails, ``any`` the dual.
Positions are fully known, so an atom over a bool, enum, set, number or text fact is
two-valued; a date atom compared with a partial date (a month, a year) stays three-
valued, as in :mod:`compliance.dates`: the position's day is exact, and the atom is
unknown while that day lies inside the literal's interval.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

import z3

from compliance.authoring.space import OTHER_TEXT, Goal, Space
from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not
from compliance.conditions.operators import require_encodings
from compliance.dates import PartialDate
from compliance.logic import TRUE
from compliance.pack import CompiledClause
from compliance.verdict import TABLE, UNDECIDED

Pair = tuple[Any, Any]


class Encoder:
    def __init__(self, space: Space) -> None:
        self.space = space
        self.vars: dict[str, Any] = {}
        self.domain_facts: list[Any] = []  # range constraints
        self._concepts: dict[str, Pair] = {}
        for name in space.facts:
            if space.is_flag(name):  # a derived flag: a plain two-valued Bool
                self.vars[name] = z3.Bool(name)
                continue
            fact = space.vocab.facts[name]
            if fact.type == "bool":
                self.vars[name] = z3.Bool(name)
            elif fact.type in ("enum", "text"):
                v = z3.Int(name)
                n = len(fact.values or {}) if fact.type == "enum" else len(space.domains[name])
                self.domain_facts += [v >= 0, v < n]
                self.vars[name] = v
            elif fact.type == "set":
                self.vars[name] = {e: z3.Bool(f"{name}.{e}") for e in fact.values or {}}
            elif fact.type == "number":
                self.vars[name] = z3.Real(name)
            else:  # date: an exact day, as its ordinal
                self.vars[name] = z3.Int(name)

        for keys, worlds in space.joint:  # a clock's flags vary jointly
            if all(k in self.vars for k in keys):
                self.domain_facts.append(z3.Or([z3.And([self.vars[k] == z3.BoolVal(b)
                                                        for k, b in zip(keys, w, strict=True)])
                                                for w in worlds]))

    def _index(self, name: str, value: Any) -> int:
        fact = self.space.vocab.facts[name]
        if fact.type == "enum":
            return list(fact.values or {}).index(value)
        return self.space.domains[name].index(value)

    def atom(self, a: Atom) -> Pair:
        fact = self.space.vocab.facts[a.fact]
        return ENCODINGS[a.op](self, a, fact, self.vars[a.fact], a.value)

    def pair(self, c: Cond) -> Pair:
        if isinstance(c, Atom):
            return self.atom(c)
        if isinstance(c, Flag):
            v = self.vars[c.key]
            return v, z3.Not(v)
        if isinstance(c, All | Any_):
            pairs = [self.pair(i) for i in c.items]
            holds, fails = [p[0] for p in pairs], [p[1] for p in pairs]
            if isinstance(c, All):
                return z3.And(holds), z3.Or(fails)
            return z3.Or(holds), z3.And(fails)
        if isinstance(c, Not):
            holds, fails = self.pair(c.item)
            return fails, holds
        assert isinstance(c, ConceptRef)
        if c.name not in self._concepts:
            self._concepts[c.name] = self.pair(self.space.concepts[c.name])
        return self._concepts[c.name]

    def goal(self, g: Goal) -> Any:
        cl: CompiledClause = g.clause
        pairs = {"applies": (z3.BoolVal(True), z3.BoolVal(False)) if cl.applies is None
                 else self.pair(cl.applies),
                 "conflicts": self.pair(cl.conflicts), "complies": self.pair(cl.complies)}
        # the verdicts as compliance.verdict decides them; what no row decides is undetermined
        formulas: dict[str, Any] = {v: z3.And([pairs[part][0 if want is TRUE else 1] for part, want in needs])
                    for v, needs in TABLE}
        formulas[UNDECIDED] = z3.Not(z3.Or(list(formulas.values())))
        formulas["ok"] = z3.Or(formulas["not_applicable"], formulas["complies"])
        formulas["overlap"] = z3.And(pairs["applies"][0], pairs["conflicts"][0], pairs["complies"][0])
        return formulas[g.kind]

    def equals(self, name: str, value: Any) -> Any:
        """The formula 'fact has this typed value' (for closeness to a given position)."""
        if self.space.is_flag(name):
            return self.vars[name] == z3.BoolVal(bool(value))
        fact, v = self.space.vocab.facts[name], self.vars[name]
        if fact.type == "bool":
            return v == z3.BoolVal(value)
        if fact.type == "set":
            return z3.And([v[e] == z3.BoolVal(e in value) for e in sorted(v)])
        if fact.type == "enum":
            return v == self._index(name, value)
        if fact.type == "text":
            dom = self.space.domains[name]
            return v == dom.index(value) if value in dom else v == dom.index(dom[-1])
        if fact.type == "number":
            return v == z3.RealVal(str(value))
        if not value.exact:
            return z3.BoolVal(False)
        return v == value.first.toordinal()

    def decode(self, model: Any) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for name in self.space.facts:
            if self.space.is_flag(name):
                out[name] = z3.is_true(model.evaluate(self.vars[name], model_completion=True))
                continue
            fact, v = self.space.vocab.facts[name], self.vars[name]
            if fact.type == "bool":
                out[name] = z3.is_true(model.evaluate(v, model_completion=True))
            elif fact.type == "set":
                out[name] = frozenset(e for e, b in v.items()
                                      if z3.is_true(model.evaluate(b, model_completion=True)))
            elif fact.type == "enum":
                out[name] = list(fact.values or {})[model.evaluate(v, model_completion=True).as_long()]
            elif fact.type == "text":
                dom = self.space.domains[name]
                out[name] = dom[model.evaluate(v, model_completion=True).as_long()] if dom else OTHER_TEXT
            elif fact.type == "number":
                q = model.evaluate(v, model_completion=True).as_fraction()
                out[name] = int(q) if q.denominator == 1 else float(q)
            else:
                d = date.fromordinal(max(1, model.evaluate(v, model_completion=True).as_long()))
                out[name] = PartialDate(d, d, d.isoformat())
        return out


def solve(space: Space, goals: list[Goal], *, near: Mapping[str, Any] | None = None) -> dict[str, Any] | None:
    """A fully known position meeting every goal, or None when there is none."""
    enc = Encoder(space)
    solver = z3.Optimize() if near else z3.Solver()
    solver.add(*enc.domain_facts)
    for g in goals:
        solver.add(enc.goal(g))
    if near:
        for name in space.facts:
            if name in near:
                solver.add_soft(enc.equals(name, near[name]))
    if solver.check() != z3.sat:
        return None
    return enc.decode(solver.model())


def satisfiable(space: Space, goals: list[Goal]) -> bool:
    enc = Encoder(space)
    solver = z3.Solver()
    solver.add(*enc.domain_facts)
    for g in goals:
        solver.add(enc.goal(g))
    return solver.check() == z3.sat


# Per operator (compliance/conditions/operators.py): (encoder, atom, fact definition, the
# fact's variable, the rule's value) -> (holds, fails). Positions are fully known, so only
# a date compared with a partial date can be neither.
def _known(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    return z3.BoolVal(True), z3.BoolVal(False)


def _two_valued(f: Any) -> Pair:
    return f, z3.Not(f)


def _equals(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    if fact.type == "bool":
        return _two_valued(v == z3.BoolVal(ref))
    if fact.type == "number":
        return _two_valued(v == z3.RealVal(str(ref)))
    return _two_valued(v == e._index(a.fact, ref))  # enum, text


def _one_of(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    return _two_valued(z3.Or([v == e._index(a.fact, r) for r in sorted(ref)]))


def _contains(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    return _two_valued(v[ref])


def _contains_any(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    return _two_valued(z3.Or([v[x] for x in sorted(ref)]))


def _contains_all(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    return _two_valued(z3.And([v[x] for x in sorted(ref)]))


def _subset_of(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
    return _two_valued(z3.And([z3.Not(v[x]) for x in sorted(v) if x not in ref]))


def _ordering(op: str) -> Any:
    def encode(e: Encoder, a: Atom, fact: Any, v: Any, ref: Any) -> Pair:
        if fact.type == "date":
            first, last = ref.first.toordinal(), ref.last.toordinal()
            return {"lt": (v < first, v >= last), "le": (v <= first, v > last),
                    "gt": (v > last, v <= first), "ge": (v >= last, v < first)}[op]
        r = z3.RealVal(str(ref))
        return _two_valued({"lt": v < r, "le": v <= r, "gt": v > r, "ge": v >= r}[op])

    return encode


ENCODINGS: dict[str, Any] = {
    "known": _known, "equals": _equals, "one_of": _one_of, "contains": _contains,
    "contains_any": _contains_any, "contains_all": _contains_all, "subset_of": _subset_of,
    **{op: _ordering(op) for op in ("lt", "le", "gt", "ge")},
}
require_encodings(ENCODINGS, __name__)
