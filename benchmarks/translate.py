"""A compiled rule pack translated mechanically for the peer benchmark (benchmarks/peers.py):
into plain Python closures, Cedar policies (cedarpy) and rule-engine expressions.

Every translation keeps the project's three-valued semantics (compliance/conditions/kleene.py)
exactly, so the peers can be checked against the direct evaluator on every position and rule
rather than trusted. The two peers whose conditions are two-valued get it by a dual-rail
encoding: each condition C becomes two boolean expressions, "C is surely true" (T) and "C is
surely false" (F), with unknown the case where neither holds. ``not`` swaps them, ``all`` is
T of every item / F of some, ``any`` the converse, and an atom is T or F only when its fact is
stated (``has`` in Cedar, ``!= null`` in rule-engine); a partial date is its interval of days
(two integers), compared as compliance/dates.py compares them. The clause verdict is then read
from compliance/verdict.py's TABLE, row by row, as every evaluator of the project reads it.

Not translated (raises :class:`Untranslatable`): non-integer numbers for Cedar (its numbers
are 64-bit integers; ``decimal`` is an extension with another syntax), and text facts compared
with ``lt``/``gt`` (the language has no such atom, so this never happens with a valid pack).
"""

from __future__ import annotations

import abc
import json
import operator
from collections.abc import Callable, Mapping
from typing import Any

from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not
from compliance.conditions.values import MISSING
from compliance.dates import PartialDate
from compliance.logic import FALSE, TRUE, UNKNOWN, Truth
from compliance.pack import CompiledClause, Outcome, RulePack
from compliance.verdict import TABLE, UNDECIDED, Verdict, decide


class Untranslatable(ValueError):
    """A condition this peer's language cannot express with the same meaning."""


# --------------------------------------------------------------------------- closures

Closure = Callable[[Mapping[str, Any]], Truth]
_ORDERS = {"lt": operator.lt, "le": operator.le, "gt": operator.gt, "ge": operator.ge}


def _atom_closure(atom: Atom) -> Closure:
    name, op, ref = atom.fact, atom.op, atom.value
    if op == "known":
        return lambda f: TRUE if name in f else FALSE
    if isinstance(ref, PartialDate):
        first, last = ref.first, ref.last
        # the interval comparisons of compliance/dates.py, unrolled per operator
        if op == "lt":
            return lambda f: (UNKNOWN if (v := f.get(name, MISSING)) is MISSING else
                              TRUE if v.last < first else FALSE if v.first >= last else UNKNOWN)
        if op == "le":
            return lambda f: (UNKNOWN if (v := f.get(name, MISSING)) is MISSING else
                              TRUE if v.last <= first else FALSE if v.first > last else UNKNOWN)
        if op == "gt":
            return lambda f: (UNKNOWN if (v := f.get(name, MISSING)) is MISSING else
                              TRUE if last < v.first else FALSE if first >= v.last else UNKNOWN)
        if op == "ge":
            return lambda f: (UNKNOWN if (v := f.get(name, MISSING)) is MISSING else
                              TRUE if last <= v.first else FALSE if first > v.last else UNKNOWN)
    test: Callable[[Any], bool]
    if op == "equals":
        def test(v: Any) -> bool:
            return bool(v == ref)
    elif op == "one_of":
        def test(v: Any) -> bool:
            return v in ref
    elif op == "contains":
        def test(v: Any) -> bool:
            return ref in v
    elif op == "contains_any":
        test = ref.intersection
    elif op == "contains_all":
        test = ref.issubset
    elif op == "subset_of":
        test = ref.issuperset
    elif op in _ORDERS:
        order = _ORDERS[op]

        def test(v: Any) -> bool:
            return bool(order(v, ref))
    else:  # pragma: no cover - operators.py is closed; a new operator needs a line here
        raise Untranslatable(f"operator {op!r}")
    return lambda f: UNKNOWN if (v := f.get(name, MISSING)) is MISSING else TRUE if test(v) else FALSE


def closure(cond: Cond, concepts: Mapping[str, Cond], memo: dict[str, Closure] | None = None) -> Closure:
    """``cond`` as a Python function of a record of typed facts (and flags) to a Truth."""
    memo = {} if memo is None else memo
    kind = type(cond)
    if kind is Atom:
        return _atom_closure(cond)  # type: ignore[arg-type]
    if kind is Flag:
        key = cond.key  # type: ignore[union-attr]
        return lambda f: (TRUE if v else FALSE) if isinstance(v := f.get(key), bool) else UNKNOWN
    if kind is Not:
        inner = closure(cond.item, concepts, memo)  # type: ignore[union-attr]
        return lambda f: (FALSE if (r := inner(f)) is TRUE else TRUE if r is FALSE else UNKNOWN)
    if kind is ConceptRef:
        name = cond.name  # type: ignore[union-attr]
        if name not in memo:  # a concept is compiled once, however many rules use it
            memo[name] = closure(concepts[name], concepts, memo)
        return memo[name]
    items = tuple(closure(c, concepts, memo) for c in cond.items)  # type: ignore[union-attr]
    stop, rest = (FALSE, TRUE) if kind is All else (TRUE, FALSE)

    def junction(f: Mapping[str, Any]) -> Truth:
        result = rest
        for item in items:
            r = item(f)
            if r is stop:
                return stop
            if r is UNKNOWN:
                result = UNKNOWN
        return result

    return junction


def clause_closures(pack: RulePack) -> list[tuple[str, Callable[[Mapping[str, Any]], Outcome]]]:
    """One function per clause of the pack: record -> Outcome (verdict and notes)."""
    memo: dict[str, Closure] = {}
    # decide() tabulated once over its 27 inputs, and each outcome made once: a plain
    # function would not rebuild either per call
    truths = (TRUE, FALSE, UNKNOWN)
    verdicts = {(a, c, p): decide(a, c, p) for a in truths for c in truths for p in truths}
    made: dict[tuple[Verdict, tuple[int, ...]], Outcome] = {}

    def outcome_of(verdict: Verdict, notes: tuple[int, ...]) -> Outcome:
        got = made.get((verdict, notes))
        if got is None:
            got = made[verdict, notes] = Outcome(verdict, notes)
        return got

    def always(f: Mapping[str, Any]) -> Truth:
        return TRUE

    out: list[tuple[str, Callable[[Mapping[str, Any]], Outcome]]] = []
    for c in pack.clauses:
        applies = always if c.applies is None else closure(c.applies, pack.concepts, memo)
        conflicts = closure(c.conflicts, pack.concepts, memo)
        complies = closure(c.complies, pack.concepts, memo)
        notes = tuple(closure(n, pack.concepts, memo) for n in c.notes)

        def outcome(f: Mapping[str, Any], applies: Closure = applies, conflicts: Closure = conflicts,
                    complies: Closure = complies, notes: tuple[Closure, ...] = notes) -> Outcome:
            verdict = verdicts[applies(f), conflicts(f), complies(f)]
            return outcome_of(verdict, tuple(i for i, n in enumerate(notes) if n(f) is TRUE) if notes else ())

        out.append((c.key, outcome))
    return out


# --------------------------------------------------------------------------- dual rail


def _parts(c: CompiledClause) -> dict[str, Cond | None]:
    return {"applies": c.applies, "conflicts": c.conflicts, "complies": c.complies}


def _rows(c: CompiledClause) -> list[tuple[Verdict, list[tuple[Cond | None, Truth]]]]:
    """verdict.TABLE for one clause: each row's demands on the clause's own conditions (an
    absent applies_when is TRUE, as decide() is given)."""
    parts = _parts(c)
    return [(verdict, [(parts[p], t) for p, t in needs]) for verdict, needs in TABLE]


class _DualRail(abc.ABC):
    """T and F of a condition as text in a two-valued language; subclasses say the syntax."""

    TRUE_: str
    FALSE_: str

    def __init__(self, concepts: Mapping[str, Cond]) -> None:
        self.concepts = concepts
        self.memo: dict[tuple[str, bool], str] = {}

    def rail(self, cond: Cond | None, want: bool) -> str:
        """The expression that holds exactly when ``cond`` is TRUE (``want``) or FALSE."""
        if cond is None:  # an absent applies_when: TRUE
            return self.TRUE_ if want else self.FALSE_
        kind = type(cond)
        if kind is Not:
            return self.rail(cond.item, not want)  # type: ignore[union-attr]
        if kind is ConceptRef:
            key = (cond.name, want)  # type: ignore[union-attr]
            if key not in self.memo:
                self.memo[key] = self.rail(self.concepts[key[0]], want)
            return self.memo[key]
        if kind is All or kind is Any_:
            items = cond.items  # type: ignore[union-attr]
            if not items:
                return self.TRUE_ if (kind is All) == want else self.FALSE_
            conj = (kind is All) == want  # T of all, F of any: every item; else some item
            return self.join([self.rail(i, want) for i in items], conj)
        if kind is Flag:
            return self.flag(cond.key, want)  # type: ignore[union-attr]
        return self.atom(cond, want)  # type: ignore[arg-type]

    @abc.abstractmethod
    def join(self, parts: list[str], conj: bool) -> str:
        """Every part (``conj``) or some part."""

    @abc.abstractmethod
    def flag(self, key: str, want: bool) -> str:
        """A derived flag surely true or surely false."""

    @abc.abstractmethod
    def atom(self, atom: Atom, want: bool) -> str:
        """An atom surely true (``want``) or surely false."""


def _dates(atom: Atom, want: bool) -> tuple[str, str, str, int]:
    """A date ordering as one integer comparison: (attribute of the fact's interval, cedar
    operator, ...) following PartialDate.before / on_or_before."""
    ref: PartialDate = atom.value
    first, last = ref.first.toordinal(), ref.last.toordinal()
    # (fact bound, operator, constant) for T and for F, per operator
    table = {
        "lt": (("last", "<", first), ("first", ">=", last)),
        "le": (("last", "<=", first), ("first", ">", last)),
        "gt": (("first", ">", last), ("last", "<=", first)),
        "ge": (("first", ">=", last), ("last", "<", first)),
    }
    bound, op, const = table[atom.op][0 if want else 1]
    return atom.fact, bound, op, const


_NEGATED = {"<": ">=", "<=": ">", ">": "<=", ">=": "<"}


class CedarRail(_DualRail):
    TRUE_, FALSE_ = "true", "false"

    def join(self, parts: list[str], conj: bool) -> str:
        return "(" + (" && " if conj else " || ").join(parts) + ")"

    def flag(self, key: str, want: bool) -> str:
        k = json.dumps(key)
        return f'(context has {k} && context[{k}] == {"true" if want else "false"})'

    def atom(self, atom: Atom, want: bool) -> str:
        k = json.dumps(atom.fact)
        has = f"context has {k}"
        if atom.op == "known":
            return has if want else f"!({has})"
        v = f"context[{k}]"
        ref = atom.value
        if isinstance(ref, PartialDate):
            _, bound, op, const = _dates(atom, want)
            return f"({has} && {v}.{bound} {op} {const})"
        if atom.op in ("lt", "le", "gt", "ge"):
            op = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}[atom.op]
            return f"({has} && {v} {op if want else _NEGATED[op]} {_cedar_value(ref)})"
        test = {
            "equals": f"{v} == {_cedar_value(ref)}",
            "one_of": f"{_cedar_value(ref)}.contains({v})",
            "contains": f"{v}.contains({_cedar_value(ref)})",
            "contains_any": f"{v}.containsAny({_cedar_value(ref)})",
            "contains_all": f"{v}.containsAll({_cedar_value(ref)})",
            "subset_of": f"{_cedar_value(ref)}.containsAll({v})",
        }[atom.op]
        return f"({has} && {'' if want else '!'}({test}))"


def _cedar_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        if not -(2**63) <= value < 2**63:
            raise Untranslatable(f"{value} does not fit Cedar's 64-bit integers")
        return str(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, frozenset):
        return "[" + ", ".join(_cedar_value(v) for v in sorted(value)) + "]"
    raise Untranslatable(f"{value!r} ({type(value).__name__}) has no Cedar literal of the same meaning")


def cedar_context(record: Mapping[str, Any]) -> dict[str, Any]:
    """A record of typed facts as a Cedar request context (dates as their day interval)."""
    out: dict[str, Any] = {}
    for k, v in record.items():
        if isinstance(v, PartialDate):
            out[k] = {"first": v.first.toordinal(), "last": v.last.toordinal()}
        elif isinstance(v, frozenset):
            out[k] = sorted(v)
        elif isinstance(v, float):
            raise Untranslatable(f"{k}: {v} is not an integer (Cedar has 64-bit integers only)")
        else:
            out[k] = v
    return out


def cedar_policies(pack: RulePack) -> tuple[str, list[tuple[str, Verdict | int]]]:
    """The pack as Cedar policies (all ``permit``; Cedar names them policy0, policy1, ... in
    order) and what each one means: (clause key, verdict of a TABLE row or index of a note).
    A request's satisfied policies give each clause's first satisfied row (else undetermined)
    and its notes."""
    rail = CedarRail(pack.concepts)
    text: list[str] = []
    meaning: list[tuple[str, Verdict | int]] = []
    for c in pack.clauses:
        for verdict, needs in _rows(c):
            body = " && ".join(rail.rail(cond, t is TRUE) for cond, t in needs)
            text.append(f"permit(principal, action, resource) when {{ {body} }};")
            meaning.append((c.key, verdict))
        for i, note in enumerate(c.notes):
            text.append(f"permit(principal, action, resource) when {{ {rail.rail(note, True)} }};")
            meaning.append((c.key, i))
    return "\n".join(text), meaning


def cedar_outcomes(pack: RulePack, meaning: list[tuple[str, Verdict | int]],
                   satisfied: list[str]) -> dict[str, Outcome]:
    """Outcomes of one request from the ids of its satisfied policies."""
    rows: dict[str, set[Verdict]] = {c.key: set() for c in pack.clauses}
    notes: dict[str, list[int]] = {c.key: [] for c in pack.clauses}
    for pid in satisfied:
        key, what = meaning[int(pid.removeprefix("policy"))]
        if isinstance(what, int):
            notes[key].append(what)
        else:
            rows[key].add(what)
    out = {}
    for key, hit in rows.items():
        verdict = next((v for v, _ in TABLE if v in hit), UNDECIDED)
        out[key] = Outcome(verdict, tuple(sorted(notes[key])))
    return out


# --------------------------------------------------------------------------- rule-engine


class RuleEngineRail(_DualRail):
    TRUE_, FALSE_ = "true", "false"

    def join(self, parts: list[str], conj: bool) -> str:
        return "(" + (" and " if conj else " or ").join(parts) + ")"

    def flag(self, key: str, want: bool) -> str:
        return f"({key} != null and {key} == {'true' if want else 'false'})"

    def atom(self, atom: Atom, want: bool) -> str:
        name = atom.fact
        if atom.op == "known":
            return f"{name} {'!=' if want else '=='} null"
        ref = atom.value
        if isinstance(ref, PartialDate):
            fact, bound, op, const = _dates(atom, want)
            return f"({fact}__{bound} != null and {fact}__{bound} {op} {const})"
        if atom.op in ("lt", "le", "gt", "ge"):
            op = {"lt": "<", "le": "<=", "gt": ">", "ge": ">="}[atom.op]
            return f"({name} != null and {name} {op if want else _NEGATED[op]} {_re_value(ref)})"
        test = {
            "equals": f"{name} == {_re_value(ref)}",
            "one_of": f"{name} in {_re_value(ref)}",
            "contains": f"{_re_value(ref)} in {name}",
            "contains_any": f"not ({name} & {_re_value(ref)}).is_empty",
            "contains_all": f"({name} & {_re_value(ref)}) == {_re_value(ref)}",
            "subset_of": f"({name} & {_re_value(ref)}) == {name}",
        }[atom.op]
        return f"({name} != null and {'' if want else 'not '}({test}))"


def _re_value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str):
        return json.dumps(value)
    if isinstance(value, frozenset):
        return "{" + ", ".join(_re_value(v) for v in sorted(value)) + "}"
    raise Untranslatable(f"{value!r} has no rule-engine literal")


def rule_engine_thing(record: Mapping[str, Any], names: frozenset[str]) -> dict[str, Any]:
    """A record as rule-engine's ``thing``: every name the pack reads is present (null when
    unknown, so the expressions can test for it); a date as its interval's two day numbers."""
    out: dict[str, Any] = {}
    for k in names:
        v = record.get(k)
        if isinstance(v, PartialDate):  # as written, so that `known` sees it stated
            out[k], out[f"{k}__first"], out[f"{k}__last"] = v.text, v.first.toordinal(), v.last.toordinal()
        else:
            out[f"{k}__first"] = out[f"{k}__last"] = None
            out[k] = set(v) if isinstance(v, frozenset) else v
    return out


def rule_engine_sources(pack: RulePack) -> list[tuple[str, str, list[str]]]:
    """Per clause: key, one expression giving its verdict (TABLE's rows as a chain of
    conditionals) and one boolean expression per note."""
    rail = RuleEngineRail(pack.concepts)
    out = []
    for c in pack.clauses:
        expr = json.dumps(UNDECIDED)
        for verdict, needs in reversed(_rows(c)):
            test = " and ".join(rail.rail(cond, t is TRUE) for cond, t in needs)
            expr = f"({test}) ? {json.dumps(verdict)} : ({expr})"
        out.append((c.key, expr, [rail.rail(n, True) for n in c.notes]))
    return out
