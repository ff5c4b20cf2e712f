"""durable-rules backend: compiles a rule pack into durable rulesets and matches
each position's facts with the engine.

The engine is fenced in as docs/durable-rules.md describes:
- its C core is driven directly (``_Shard.fire``), not through durable's Python host:
  no timer threads, no store callbacks (on 3.13+ those are the calls into Python the
  project's C-API shim stands in for, docs/pycompat.md), no action closures to catch
  exceptions in, and no JSON decode and encode of the record per fired rule;
- a catch-all rule makes every record fire at least one action, so ``delete_state``
  never meets a state in which no action ran, and no fact goes unhandled;
- one short-lived sid per record, deleted after, so at most one sid is live;
- the engine sees only projected fields of the types the rules compare with
  (sets as one boolean per allowed value, dates as day numbers), so its coercions
  (``"5" == 5``) and its handling of null never come into play, and each shard only
  the fields its own rules test;
- rulesets are compiled once per pack and reused; large packs are sharded below
  the engine's sibling-test limit;
- on 3.13+ the project's C-API shim is loaded first.
"""

from __future__ import annotations

import bisect
import itertools
import json
from typing import Any

from compliance.backends.pycompat import prepare_durable
from compliance.conditions.ast import All, Any_, Atom, ConceptRef, Cond, Flag, Not
from compliance.conditions.operators import require_encodings
from compliance.conditions.values import MISSING, typed_value
from compliance.errors import InputError, InputErrors, InternalError, Text
from compliance.logic import TRUE
from compliance.pack import CompiledClause, Outcome, RulePack
from compliance.verdict import TABLE, UNDECIDED

prepare_durable()  # before the engine's extension asks for C-API functions 3.13 removed
import durable_rules_engine as _core  # noqa: E402  the C core of durable-rules, without its Python host

# Stay well below the 512 sibling tests at which ruleset creation hangs
# (counted as distinct tests per ruleset, an upper bound on any node's children).
MAX_TESTS_PER_SHARD = 400
# One assert may fire at most 64 actions (the 65th fails with error 303, or corrupts
# the heap; measured). A rule fires once per alternative of its $or's that matches,
# so alternatives are counted, and the catch-all rule takes one.
MAX_FIRINGS_PER_SHARD = 60
# The engine keeps at most 31 entries per rule for its $and/$or nodes (two each):
# a 16th node fails with "error code: 113" (measured). Larger rules are split.
MAX_COMBINATORS = 14  # 15, less one for the $and that adds the record discriminator
# Splitting a rule distributes an $and over an $or: cap the pieces so a pathological
# rule is refused instead of compiling for ever.
MAX_PIECES_PER_RULE = 256
# A fact holds at most 255 fields (error 302 beyond; the engine's MAX_OBJECT_PROPERTIES):
# a shard is sent the fields its rules test, with "sid" and "kind".
MAX_FIELDS_PER_SHARD = 250

_ALWAYS: dict[str, Any] = {"kind": "position"}
_NEVER: dict[str, Any] = {"kind": "__never__"}


def _flat(op: str, parts: list[dict[str, Any]]) -> list[dict[str, Any]]:
    # an $and inside an $and (or $or in $or) costs the engine a node for nothing, and a
    # repeated part (a concept used twice; complies_when defaulting to "not
    # conflicts_when") multiplies the pieces a split makes and the rule's firings
    out: dict[str, dict[str, Any]] = {}
    for p in parts:
        for q in p[op] if len(p) == 1 and op in p else [p]:
            out.setdefault(json.dumps(q, sort_keys=True), q)
    return list(out.values())


def _and(parts: list[dict[str, Any]]) -> dict[str, Any]:
    if any(p is _NEVER for p in parts):
        return _NEVER
    parts = _flat("$and", [p for p in parts if p is not _ALWAYS])
    if not parts:
        return _ALWAYS
    return parts[0] if len(parts) == 1 else {"$and": parts}


def _or(parts: list[dict[str, Any]]) -> dict[str, Any]:
    if any(p is _ALWAYS for p in parts):
        return _ALWAYS
    parts = _flat("$or", [p for p in parts if p is not _NEVER])
    if not parts:
        return _NEVER
    return parts[0] if len(parts) == 1 else {"$or": parts}


def _combinators(expr: dict[str, Any]) -> int:
    if len(expr) == 1 and ("$and" in expr or "$or" in expr):
        return 1 + sum(_combinators(p) for p in next(iter(expr.values())))
    return 0


def _alternatives(expr: dict[str, Any]) -> int:
    """How often a rule can fire for one record: once per alternative of its $or's."""
    if len(expr) == 1 and "$or" in expr:
        return sum(_alternatives(p) for p in expr["$or"])
    if len(expr) == 1 and "$and" in expr:
        n = 1
        for p in expr["$and"]:
            n = min(n * _alternatives(p), 1 << 30)
        return n
    return 1


def _fits(expr: dict[str, Any]) -> bool:
    return _combinators(expr) <= MAX_COMBINATORS and _alternatives(expr) < MAX_FIRINGS_PER_SHARD


def _tests(expr: dict[str, Any]) -> set[str]:
    """The distinct engine tests of a rule. The engine shares a node per distinct
    test under the same parent, so no node of a ruleset has more children than the
    ruleset has distinct tests: keeping these below 512 keeps it from hanging."""
    if len(expr) == 1 and ("$and" in expr or "$or" in expr):
        return set().union(*(_tests(p) for p in next(iter(expr.values()))))
    return {json.dumps(expr, sort_keys=True)}


def _guarded(expr: dict[str, Any]) -> dict[str, Any]:
    """The rule's test behind the record discriminator: a rule testing only absence
    ($nex) or inequality would otherwise also match the engine's own state object
    and fire for ever (durable-rules-notes.md)."""
    kind = {"kind": "position"}
    if expr is _ALWAYS:
        return kind
    parts = expr["$and"] if len(expr) == 1 and "$and" in expr else [expr]
    return {"$and": [kind, *parts]}


class _TooComplex(Exception):
    pass


def split(expr: dict[str, Any], max_pieces: int = MAX_PIECES_PER_RULE) -> list[dict[str, Any]]:
    """Equivalent rules (their disjunction is ``expr``), each within the engine's
    limits on $and/$or nodes and on firings. The same verdict may then fire more
    than once, which the result collection already allows for."""
    out: list[dict[str, Any]] = []
    todo = [expr]
    while todo:
        e = todo.pop()
        if _fits(e):
            out.append(e)
        elif "$or" in e:
            todo.extend(reversed(e["$or"]))
        else:  # an $and with an $or among its parts: distribute over the largest one
            parts = e["$and"]
            i = max((k for k, p in enumerate(parts) if "$or" in p),
                    key=lambda k: (_alternatives(parts[k]), _combinators(parts[k])))
            rest = parts[:i] + parts[i + 1:]
            todo.extend(reversed([_and([*rest, alt]) for alt in parts[i]["$or"]]))
        if len(out) + len(todo) > max_pieces:
            raise _TooComplex(f"more than {max_pieces} engine rules")
    return out


class _Compiler:
    """Compiles a condition to a pair of positive engine tests: (holds, fails)."""

    def __init__(self, pack: RulePack, numbers: dict[str, list[Any]]) -> None:
        self.pack = pack
        self.numbers = numbers
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
        ref = atom.value
        self.tests += 2
        if fact.type == "number" and atom.op != "known":
            ref = _rank(ref, self.numbers[atom.fact])
        return ENCODINGS[atom.op](atom.fact, fact, ref)


# Per operator (compliance/conditions/operators.py): (fact name, its definition, the rule's
# value, numbers already ranked) -> the pair of positive engine tests (holds, fails).
Pair = tuple[dict[str, Any], dict[str, Any]]


def _has(f: str, v: str) -> dict[str, Any]:
    return {_field(f, v): True}


def _lacks(f: str, v: str) -> dict[str, Any]:
    return {_field(f, v): False}


def _known(f: str, fact: Any, ref: Any) -> Pair:
    field = _presence_field(f, fact)
    return {"$ex": {field: 1}}, {"$nex": {field: 1}}


def _equals(f: str, fact: Any, ref: Any) -> Pair:
    return {_field(f): ref}, {"$neq": {_field(f): ref}}


def _one_of(f: str, fact: Any, ref: Any) -> Pair:
    values = sorted(ref)
    return _or([{_field(f): v} for v in values]), _and([{"$neq": {_field(f): v}} for v in values])


def _contains(f: str, fact: Any, ref: Any) -> Pair:
    return _has(f, ref), _lacks(f, ref)


def _contains_any(f: str, fact: Any, ref: Any) -> Pair:
    values = sorted(ref)
    return _or([_has(f, v) for v in values]), _and([_lacks(f, v) for v in values])


def _contains_all(f: str, fact: Any, ref: Any) -> Pair:
    values = sorted(ref)
    return _and([_has(f, v) for v in values]), _or([_lacks(f, v) for v in values])


def _subset_of(f: str, fact: Any, ref: Any) -> Pair:
    outside = sorted(set(fact.values or {}) - ref)
    # With every value allowed, holding still needs the set to be known.
    present = {"$ex": {_presence_field(f, fact): 1}}
    return _and([present, *(_lacks(f, v) for v in outside)]), _or([_has(f, v) for v in outside])


_TESTS = {"lt": "$lt", "le": "$lte", "gt": "$gt", "ge": "$gte"}
_NEGATION = {"lt": "ge", "le": "gt", "gt": "le", "ge": "lt"}


def _ordering(op: str) -> Any:
    def encode(f: str, fact: Any, ref: Any) -> Pair:
        if fact.type == "date":  # an interval [lo, hi] of day numbers on both sides
            lo, hi = _field(f, "lo"), _field(f, "hi")
            a, b = ref.first.toordinal(), ref.last.toordinal()
            return {
                "lt": ({"$lt": {hi: a}}, {"$gte": {lo: b}}),
                "le": ({"$lte": {hi: a}}, {"$gt": {lo: b}}),
                "gt": ({"$gt": {lo: b}}, {"$lte": {hi: a}}),
                "ge": ({"$gte": {lo: b}}, {"$lt": {hi: a}}),
            }[op]
        return {_TESTS[op]: {_field(f): ref}}, {_TESTS[_NEGATION[op]]: {_field(f): ref}}

    return encode


ENCODINGS: dict[str, Any] = {
    "known": _known, "equals": _equals, "one_of": _one_of, "contains": _contains,
    "contains_any": _contains_any, "contains_all": _contains_all, "subset_of": _subset_of,
    **{op: _ordering(op) for op in ("lt", "le", "gt", "ge")},
}
require_encodings(ENCODINGS, __name__)


def _field(name: str, part: str = "") -> str:
    """The engine field of a fact (or of one set value or date bound). Fact and value
    names never contain ':', so these collide neither with each other (``a__b`` could:
    set ``a`` with value ``b`` and fact ``a__b``), nor with flag keys (``_...``), nor
    with the engine's own fields (``id`` is its fact identity, ``sid`` its session)."""
    return f"f:{name}:{part}" if part else f"f:{name}"


def _presence_field(name: str, fact: Any) -> str:
    if fact.type == "set":
        return _field(name, sorted(fact.values)[0])
    if fact.type == "date":
        return _field(name, "lo")
    return _field(name)


def number_literals(pack: RulePack) -> dict[str, list[Any]]:
    """Per number fact, the distinct numbers the pack's rules compare it with, ascending."""
    found: dict[str, set[Any]] = {}
    stack: list[Cond] = [cond for c in pack.clauses for cond in (c.applies, c.conflicts, c.complies,
                                                                  *c.notes) if cond is not None]
    stack.extend(pack.concepts.values())  # each concept once, not once per use
    while stack:
        cond = stack.pop()
        if isinstance(cond, Atom):
            if pack.vocab.facts[cond.fact].type == "number" and cond.op != "known":
                found.setdefault(cond.fact, set()).add(cond.value)
        elif isinstance(cond, All | Any_):
            stack.extend(cond.items)
        elif isinstance(cond, Not):
            stack.append(cond.item)
    return {name: sorted(values) for name, values in found.items()}


def _rank(value: Any, literals: list[Any]) -> int:
    """A number as its place among the pack's literals: literal i is 2i+1, the gaps
    between them even. Order and equality with every literal are kept exactly (Python
    compares int and float exactly), and the engine only ever sees small integers: its
    JSON reader rejects exponents (1e-09, 1e+16; error 204) and it has no big integers."""
    i = bisect.bisect_left(literals, value)
    return 2 * i + 1 if i < len(literals) and literals[i] == value else 2 * i


def project(pack: RulePack, facts: dict[str, Any], numbers: dict[str, list[Any]] | None = None
            ) -> dict[str, Any]:
    """The engine's view of a record: only the pack's facts, each read as its declared
    type (so null, wrongly typed and out-of-vocabulary values are absent, as for the
    direct evaluator), in engine-safe form."""
    if numbers is None:
        numbers = number_literals(pack)
    out: dict[str, Any] = {}
    for name in sorted(pack.facts):
        fact = pack.vocab.facts[name]
        value = typed_value(fact, facts.get(name, MISSING))
        if value is MISSING:
            continue
        if fact.type == "set":
            for v in sorted(fact.values or {}):
                out[_field(name, v)] = v in value
        elif fact.type == "date":
            out[_field(name, "lo")] = value.first.toordinal()
            out[_field(name, "hi")] = value.last.toordinal()
        elif fact.type == "number":
            out[_field(name)] = _rank(value, numbers.get(name, []))
        else:
            out[_field(name)] = value
    for key in sorted(pack.flag_keys):
        value = facts.get(key, MISSING)
        if isinstance(value, bool):
            out[key] = value
    return out


CATCH_ALL = "z"


def _fields(expr: dict[str, Any]) -> set[str]:
    """The record fields an engine test reads (the discriminator aside)."""
    out: set[str] = set()
    for key, value in expr.items():
        if key in ("$and", "$or"):
            for part in value:
                out |= _fields(part)
        elif key.startswith("$"):  # $lt, $neq, $ex, ...: {field: value}
            out.update(value)
        elif key != "kind":
            out.add(key)
    return out


class _Shard:
    """One engine ruleset, created with the engine's C core directly.

    Its rules are named ``r0``, ``r1``, ... (and the catch-all ``z``), so the rule that
    fired is read off the front of the engine's message without decoding the record the
    message repeats; ``fields`` are the record fields its rules test, the only ones it is
    sent."""

    def __init__(self, name: str, rules: list[tuple[str, Any, dict[str, Any]]]) -> None:
        self.name = name
        definition: dict[str, Any] = {}
        self.tags: dict[str, Any] = {}
        fields: set[str] = set()
        for i, (_, tag, expr) in enumerate(rules):
            definition[f"r{i}"] = {"all": [{"m": _guarded(expr)}], "pri": 0}
            self.tags[f"r{i}"] = tag
            fields |= _fields(expr)
        definition[CATCH_ALL] = {"all": [{"m": _ALWAYS}], "pri": 1}
        self.tags[CATCH_ALL] = None
        self.fields = tuple(sorted(fields))
        self.handle = _core.create_ruleset(name, json.dumps(definition, ensure_ascii=False))

    def fire(self, record: dict[str, Any], sid: str) -> list[Any]:
        """The tags of the rules that fire for one record, in a session of its own.

        The sequence is the one durable's own host runs, less its Python action layer
        (which decodes the state and the record from JSON and encodes the state back for
        every firing): assert, start the session's first action, complete each action
        and start the next, delete the session. The catch-all makes the first action
        certain, so a session is never deleted before an action ran.

        The engine makes the session before it matches, so an error of the assert itself
        may leave one behind: it is deleted then too. Where the assert failed before the
        session existed, deleting it fails as well; that failure must not hide the first."""
        payload = {k: record[k] for k in self.fields if k in record}
        payload["sid"] = sid
        payload["kind"] = "position"
        failed = True
        try:
            code, state = _core.assert_fact(self.handle, json.dumps(payload, ensure_ascii=False))
            if code != 0:
                raise InternalError(f"durable-rules did not take the record (result {code})")
            started = _core.start_action_for_state(self.handle, state)
            if not started:
                raise InternalError("durable-rules ran no action, not even the catch-all")
            tags: list[Any] = []
            message = started[1]
            while message:
                if len(tags) > MAX_FIRINGS_PER_SHARD:  # the shard was cut to fire fewer
                    raise InternalError(f"durable-rules fired more than {MAX_FIRINGS_PER_SHARD} "
                                        "rules for one record")
                tags.append(self._tag(message))
                message = _core.complete_and_start_action(self.handle, state)
            failed = False
            return [t for t in tags if t is not None]
        except _core.error as e:  # the engine's own refusal (an error code), not ours
            raise InternalError(f"durable-rules refused a record: {e}") from e
        finally:
            try:
                _core.delete_state(self.handle, sid)
            except _core.error as e:
                if not failed:
                    raise InternalError(f"durable-rules could not delete a session: {e}") from e

    def _tag(self, message: str) -> Any:
        # the engine writes each message as {"<rule name>":{"m":{...the record...}}}
        end = message.find('"', 2)
        name = message[2:end] if message.startswith('{"') and end > 2 else None
        if name not in self.tags:
            raise InternalError(f"durable-rules fired an unknown rule: {message[:80]!r}")
        return self.tags[name]


def _refusal(clause: CompiledClause, why: str) -> InputErrors:
    return InputErrors([InputError(
        clause.file, clause.line, 1,
        Text(f"rule {clause.key}@{clause.interpretation} is too large for durable-rules: {why}",
             f"regel {clause.key}@{clause.interpretation} is te groot voor durable-rules: {why}"),
        Text("simplify the condition (fewer nested any/all, or a named concept), or run with --backend "
             "direct",
             "vereenvoudig de voorwaarde (minder geneste any/all, of een benoemd begrip), of gebruik "
             "--backend direct"))])


class DurableBackend:
    name = "durable"

    def __init__(self) -> None:
        self._compiled: dict[int, tuple[RulePack, list[_Shard], dict[str, list[Any]]]] = {}
        self._sids = itertools.count()
        self._names = itertools.count()

    def _shards(self, pack: RulePack) -> tuple[list[_Shard], dict[str, list[Any]]]:
        cached = self._compiled.get(id(pack))
        if cached is not None and cached[0] is pack:
            return cached[1], cached[2]
        numbers = number_literals(pack)
        shards: list[_Shard] = []
        current: list[tuple[str, Any, dict[str, Any]]] = []
        tests: set[str] = set()
        fields: set[str] = set()
        firings = 1  # the catch-all
        Unit = tuple[list[tuple[str, Any, dict[str, Any]]], set[str], int, set[str]]

        def add(units: list[Unit]) -> None:
            nonlocal current, tests, fields, firings
            for rules, own, fires, reads in units:
                if current and (len(tests | own) > MAX_TESTS_PER_SHARD
                                or firings + fires > MAX_FIRINGS_PER_SHARD
                                or len(fields | reads) > MAX_FIELDS_PER_SHARD):
                    shards.append(self._shard(current))
                    current, tests, fields, firings = [], set(), set(), 1
                current.extend(rules)
                tests |= own
                fields |= reads
                firings += fires

        for clause in pack.clauses:
            pieces: list[tuple[str, Any, dict[str, Any]]] = []
            for name, tag, expr in self._clause_rules(_Compiler(pack, numbers), clause):
                try:
                    split_ = split(expr)
                except _TooComplex as e:
                    raise _refusal(clause, f"its condition expands to {e}") from None
                pieces.extend((name if len(split_) == 1 else f"{name}/{k}", tag, piece)
                              for k, piece in enumerate(split_))
            units: list[Unit] = []
            for piece in pieces:
                own, reads = _tests(piece[2]), _fields(piece[2])
                if len(own) > MAX_TESTS_PER_SHARD:
                    raise _refusal(clause, f"one alternative of its condition needs {len(own)} "
                                   f"engine tests, over the {MAX_TESTS_PER_SHARD} it compiles safely")
                if len(reads) > MAX_FIELDS_PER_SHARD:
                    raise _refusal(clause, f"one alternative of its condition reads {len(reads)} "
                                   f"engine fields, over the {MAX_FIELDS_PER_SHARD} a record may hold")
                units.append(([piece], own, _alternatives(piece[2]), reads))
            # Its verdict rules exclude each other, so a clause fires at most the
            # alternatives of one verdict plus its notes: keep it whole when that fits.
            by_verdict: dict[Any, int] = {}
            for rules, _, fires, _ in units:
                tag = rules[0][1]
                by_verdict[tag] = by_verdict.get(tag, 0) + fires
            bound = max((n for t, n in by_verdict.items() if isinstance(t[1], str)), default=0) \
                + sum(n for t, n in by_verdict.items() if isinstance(t[1], int))
            whole = set().union(*(own for _, own, _, _ in units))
            read = set().union(*(reads for _, _, _, reads in units))
            if bound < MAX_FIRINGS_PER_SHARD and len(whole) <= MAX_TESTS_PER_SHARD \
                    and len(read) <= MAX_FIELDS_PER_SHARD:
                add([(pieces, whole, bound, read)])
            else:
                add(units)
        if current or not shards:
            shards.append(self._shard(current))
        self._compiled[id(pack)] = (pack, shards, numbers)
        return shards, numbers

    def _shard(self, rules: list[tuple[str, Any, dict[str, Any]]]) -> _Shard:
        return _Shard(f"pack{next(self._names)}", rules)

    @staticmethod
    def _clause_rules(compiler: _Compiler, clause: CompiledClause) -> list[tuple[str, Any, dict[str, Any]]]:
        if clause.applies is None:
            app_holds, app_fails = _ALWAYS, _NEVER
        else:
            app_holds, app_fails = compiler.pair(clause.applies)
        pairs = {"applies": (app_holds, app_fails), "conflicts": compiler.pair(clause.conflicts),
                 "complies": compiler.pair(clause.complies)}
        # one engine rule per decided verdict of the table; when none fires, the clause is
        # undetermined (the engine tests only positive facts, so "neither" cannot be a rule)
        rules = [(v, _and([pairs[part][0 if want is TRUE else 1] for part, want in needs]))
                 for v, needs in TABLE]
        out: list[tuple[str, Any, dict[str, Any]]] = [
            (f"{clause.key}/{v}", (clause.key, v), e) for v, e in rules if e is not _NEVER]
        for i, note in enumerate(clause.notes):
            holds, _ = compiler.pair(note)
            if holds is not _NEVER:
                out.append((f"{clause.key}/note{i}", (clause.key, i), holds))
        return out

    def evaluate(self, pack: RulePack, records: list[dict[str, Any]]) -> list[dict[str, Outcome]]:
        shards, numbers = self._shards(pack)
        results: list[dict[str, Outcome]] = []
        for facts in records:
            projected = project(pack, facts, numbers)
            fired: list[Any] = []
            for shard in shards:
                fired.extend(shard.fire(projected, f"s{next(self._sids)}"))
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
        return {c.key: Outcome(verdicts.get(c.key, UNDECIDED),  # type: ignore[arg-type]
                               tuple(sorted(notes.get(c.key, ()))))
                for c in pack.clauses}
