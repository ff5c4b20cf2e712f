"""durable-rules backend: compiles a rule pack into durable rulesets and matches
each position's facts with the engine.

The engine is fenced in as ../shared/domain/durable-rules-notes.md describes:
- the host's timer threads never start (``_run`` is a no-op): actions run
  synchronously inside ``assert_fact``, so results are complete when it returns;
- a catch-all rule makes every record fire at least one action, so ``delete_state``
  never meets a state in which no action ran, and no fact goes unhandled;
- one short-lived sid per record, deleted after, so at most one sid is live;
- the engine sees only projected fields of the types the rules compare with
  (sets as one boolean per allowed value, dates as day numbers), so its coercions
  (``"5" == 5``) and its handling of null never come into play;
- rulesets are compiled once per pack and reused; large packs are sharded below
  the engine's sibling-test limit;
- exceptions inside actions are captured by us, never left to the engine.
"""

from __future__ import annotations

import itertools
import warnings
from typing import Any

from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not
from compliance.conditions.values import MISSING
from compliance.errors import InternalError
from compliance.pack import CompiledClause, Outcome, RulePack

with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    from durable import engine as _engine

# Stay well below the 512 sibling tests at which ruleset creation hangs.
MAX_TESTS_PER_SHARD = 400

_ALWAYS: dict[str, Any] = {"kind": "position"}
_NEVER: dict[str, Any] = {"kind": "__never__"}


class _QuietHost(_engine.Host):
    """A host without the background timer threads (they race and crash)."""

    def _run(self) -> None:
        return None


def _and(parts: list[dict[str, Any]]) -> dict[str, Any]:
    if any(p is _NEVER for p in parts):
        return _NEVER
    parts = [p for p in parts if p is not _ALWAYS]
    if not parts:
        return _ALWAYS
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _or(parts: list[dict[str, Any]]) -> dict[str, Any]:
    if any(p is _ALWAYS for p in parts):
        return _ALWAYS
    parts = [p for p in parts if p is not _NEVER]
    if not parts:
        return _NEVER
    return parts[0] if len(parts) == 1 else {"$or": parts}


class _Compiler:
    """Compiles a condition to a pair of positive engine tests: (holds, fails)."""

    def __init__(self, pack: RulePack) -> None:
        self.pack = pack
        self.tests = 0

    def pair(self, cond: Cond) -> tuple[dict[str, Any], dict[str, Any]]:
        if isinstance(cond, Not):
            holds, fails = self.pair(cond.item)
            return fails, holds
        if isinstance(cond, ConceptRef):
            return self.pair(self.pack.concepts[cond.name])
        if isinstance(cond, All | Any_):
            pairs = [self.pair(c) for c in cond.items]
            if isinstance(cond, All):
                return _and([h for h, _ in pairs]), _or([f for _, f in pairs])
            return _or([h for h, _ in pairs]), _and([f for _, f in pairs])
        if isinstance(cond, Flag):
            # projected only when a bool, so an unknown flag fires neither side
            self.tests += 2
            return {cond.key: True}, {cond.key: False}
        return self._atom(cond)

    def _atom(self, atom: Atom) -> tuple[dict[str, Any], dict[str, Any]]:
        fact = self.pack.vocab.facts[atom.fact]
        f, op, ref = atom.fact, atom.op, atom.value
        self.tests += 2
        if op == "known":
            field = _presence_field(f, fact)
            return {"$ex": {field: 1}}, {"$nex": {field: 1}}
        if fact.type == "set":
            def has(v: str) -> dict[str, Any]:
                return {f"{f}__{v}": True}

            def lacks(v: str) -> dict[str, Any]:
                return {f"{f}__{v}": False}

            if op == "contains":
                return has(ref), lacks(ref)
            values = sorted(ref)
            if op == "contains_any":
                return _or([has(v) for v in values]), _and([lacks(v) for v in values])
            if op == "contains_all":
                return _and([has(v) for v in values]), _or([lacks(v) for v in values])
            outside = sorted(set(fact.values or {}) - ref)  # subset_of
            return _and([lacks(v) for v in outside]), _or([has(v) for v in outside])
        if op == "equals":
            return {f: ref}, {"$neq": {f: ref}}
        if op == "one_of":
            values = sorted(ref)
            return _or([{f: v} for v in values]), _and([{"$neq": {f: v}} for v in values])
        if fact.type == "date":
            lo, hi = f"{f}__lo", f"{f}__hi"
            a, b = ref.first.toordinal(), ref.last.toordinal()
            return {
                "lt": ({"$lt": {hi: a}}, {"$gte": {lo: b}}),
                "le": ({"$lte": {hi: a}}, {"$gt": {lo: b}}),
                "gt": ({"$gt": {lo: b}}, {"$lte": {hi: a}}),
                "ge": ({"$gte": {lo: b}}, {"$lt": {hi: a}}),
            }[op]
        test = {"lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}
        negation = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt"}[op]
        return {test[op]: {f: ref}}, {test[negation]: {f: ref}}


def _presence_field(name: str, fact: Any) -> str:
    if fact.type == "set":
        return f"{name}__{sorted(fact.values)[0]}"
    if fact.type == "date":
        return f"{name}__lo"
    return name


def project(pack: RulePack, facts: dict[str, Any]) -> dict[str, Any]:
    """The engine's view of a record: only the pack's facts, in engine-safe form."""
    out: dict[str, Any] = {}
    for name in sorted(pack.facts):
        value = facts.get(name, MISSING)
        if value is MISSING:
            continue
        fact = pack.vocab.facts[name]
        if fact.type == "set":
            for v in sorted(fact.values or {}):
                out[f"{name}__{v}"] = v in value
        elif fact.type == "date":
            out[f"{name}__lo"] = value.first.toordinal()
            out[f"{name}__hi"] = value.last.toordinal()
        else:
            out[name] = value
    for key in sorted(pack.flag_keys):
        value = facts.get(key, MISSING)
        if isinstance(value, bool):
            out[key] = value
    return out


class _Shard:
    def __init__(self, host: _QuietHost, name: str, rules: list[tuple[str, Any, dict[str, Any]]],
                 sink: dict[str, list[Any]], errors: list[BaseException]) -> None:
        self.name = name
        definition: dict[str, Any] = {}
        for rule_name, tag, expr in rules:
            definition[rule_name] = {"all": [{"m": _and([_ALWAYS, expr])}], "pri": 0,
                                     "run": _action(tag, sink, errors)}
        definition["zz_catch_all"] = {"all": [{"m": _ALWAYS}], "pri": 1,
                                      "run": _action(None, sink, errors)}
        host.set_rulesets({name: definition})


def _action(tag: Any, sink: dict[str, list[Any]], errors: list[BaseException]) -> Any:
    def act(c: Any) -> None:  # exactly one parameter, or the engine treats it as async
        try:
            if tag is not None:
                sink[c.m["sid"]].append(tag)
        except BaseException as e:  # the engine would swallow it: keep it and re-raise later
            errors.append(e)

    return act


class DurableBackend:
    name = "durable"

    def __init__(self) -> None:
        self._host = _QuietHost()
        self._compiled: dict[int, tuple[RulePack, list[_Shard]]] = {}
        self._sink: dict[str, list[Any]] = {}
        self._errors: list[BaseException] = []
        self._sids = itertools.count()
        self._names = itertools.count()

    def _shards(self, pack: RulePack) -> list[_Shard]:
        cached = self._compiled.get(id(pack))
        if cached is not None and cached[0] is pack:
            return cached[1]
        shards: list[_Shard] = []
        current: list[tuple[str, Any, dict[str, Any]]] = []
        tests = 0
        for clause in pack.clauses:
            compiler = _Compiler(pack)
            rules = self._clause_rules(compiler, clause)
            if compiler.tests > MAX_TESTS_PER_SHARD:
                raise InternalError(
                    f"rule {clause.key} needs {compiler.tests} engine tests, over the "
                    f"{MAX_TESTS_PER_SHARD} durable-rules can compile safely; split the clause "
                    "or use --backend direct")
            if current and tests + compiler.tests > MAX_TESTS_PER_SHARD:
                shards.append(self._shard(current))
                current, tests = [], 0
            current.extend(rules)
            tests += compiler.tests
        if current or not shards:
            shards.append(self._shard(current))
        self._compiled[id(pack)] = (pack, shards)
        return shards

    def _shard(self, rules: list[tuple[str, Any, dict[str, Any]]]) -> _Shard:
        return _Shard(self._host, f"pack{next(self._names)}", rules, self._sink, self._errors)

    @staticmethod
    def _clause_rules(compiler: _Compiler, clause: CompiledClause) -> list[tuple[str, Any, dict[str, Any]]]:
        if clause.applies is None:
            app_holds, app_fails = _ALWAYS, _NEVER
        else:
            app_holds, app_fails = compiler.pair(clause.applies)
        con_holds, con_fails = compiler.pair(clause.conflicts)
        com_holds, _ = compiler.pair(clause.complies)
        rules = [
            ("not_applicable", app_fails),
            ("conflicts", _and([app_holds, con_holds])),
            ("complies", _and([app_holds, con_fails, com_holds])),
        ]
        out = [(f"{clause.key}/{v}", (clause.key, v), e) for v, e in rules if e is not _NEVER]
        for i, note in enumerate(clause.notes):
            holds, _ = compiler.pair(note)
            if holds is not _NEVER:
                out.append((f"{clause.key}/note{i}", (clause.key, i), holds))
        return out

    def evaluate(self, pack: RulePack, records: list[dict[str, Any]]) -> list[dict[str, Outcome]]:
        shards = self._shards(pack)
        results: list[dict[str, Outcome]] = []
        for facts in records:
            projected = project(pack, facts)
            fired: list[Any] = []
            for shard in shards:
                sid = f"s{next(self._sids)}"
                self._sink[sid] = fired
                try:
                    self._host.assert_fact(shard.name, {**projected, "sid": sid, "kind": "position"})
                finally:
                    self._host.delete_state(shard.name, sid)
                    del self._sink[sid]
                if self._errors:
                    error = self._errors[0]
                    self._errors.clear()
                    raise InternalError(f"durable-rules action failed: {error!r}") from error
            results.append(self._outcomes(pack, fired))
        return results

    @staticmethod
    def _outcomes(pack: RulePack, fired: list[Any]) -> dict[str, Outcome]:
        verdicts: dict[str, str] = {}
        notes: dict[str, set[int]] = {}
        # The engine expands $or into alternatives, each of which fires: the same
        # verdict may arrive more than once; two different ones would be a defect.
        for key, what in fired:
            if isinstance(what, int):
                notes.setdefault(key, set()).add(what)
            elif verdicts.setdefault(key, what) != what:
                raise InternalError(f"durable-rules gave two verdicts for {key}: "
                                    f"{verdicts[key]} and {what}")
        return {c.key: Outcome(verdicts.get(c.key, "undetermined"),  # type: ignore[arg-type]
                               tuple(sorted(notes.get(c.key, ()))))
                for c in pack.clauses}
