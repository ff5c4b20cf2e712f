"""Turn condition data from a YAML file into a checked :mod:`ast` tree.

Every name is checked against the dossier's vocabulary (with a did-you-mean), every
compared value against the fact's type, so a rule can never silently test a fact
that does not exist or a value it can never have.
"""

from __future__ import annotations

from typing import Any

from compliance.conditions.ast import (
    All,
    Any_,
    Atom,
    ConceptRef,
    Cond,
    Not,
    event_flag,
    walk,
)
from compliance.conditions.operators import FACT_TYPES, LIST_OPERATORS, for_type
from compliance.dates import NotADate, PartialDate
from compliance.errors import InputError, Text, did_you_mean, msg, one_of, said
from compliance.model.vocabulary import FactDef, Vocabulary
from compliance.source import Document, Path_


class ConditionParser:
    """Parses conditions of one file against one vocabulary, collecting errors."""

    def __init__(self, vocab: Vocabulary, doc: Document, errors: list[InputError],
                 events: set[str] | None = None) -> None:
        self.vocab = vocab
        self.doc = doc
        self.errors = errors
        self.events = events or set()

    def _err(self, path: Path_, problem: Text, fix: Text, *, key: bool = False,
             code: str = "invalid") -> None:
        self.errors.append(self.doc.error(path, problem, fix, key=key, code=code))

    def _loc(self, path: Path_) -> tuple[str, int, int]:
        line, col = self.doc.loc(path)
        return (self.doc.file, line, col)

    def parse(self, data: Any, path: Path_) -> Cond | None:
        if not isinstance(data, dict) or not data:
            self._err(path, Text("a condition must be a mapping", "een voorwaarde moet een mapping zijn"),
                      Text("write e.g. {fact: NAME, equals: VALUE}, {all: [...]}, {any: [...]} or {not: ...}",
                           "schrijf bijv. {fact: NAAM, equals: WAARDE}, {all: [...]}, {any: [...]} of {not: "
                           "...}"))
            return None
        loc = self._loc(path)
        keys = set(data)
        for combinator in ("all", "any"):
            if combinator in keys:
                if keys != {combinator}:
                    rest = sorted(keys - {combinator})
                    self._err(path, Text(f"'{combinator}' stands alone in its mapping",
                                         f"'{combinator}' moet de enige sleutel in zijn mapping zijn"),
                              Text(f"move {rest} into a separate condition",
                                   f"zet {rest} in een aparte voorwaarde"))
                    return None
                items = data[combinator]
                if not isinstance(items, list):
                    self._err((*path, combinator), Text(f"'{combinator}' takes a list of conditions",
                                                        f"'{combinator}' krijgt een lijst van voorwaarden"),
                              Text("write each condition as a list item starting with '-'",
                                   "schrijf elke voorwaarde als een lijstelement dat met '-' begint"))
                    return None
                if not items:  # all of nothing is always true, any of nothing never: a slip
                    always = Text("true", "waar") if combinator == "all" else Text("false", "onwaar")
                    self._err((*path, combinator), Text(f"an empty '{combinator}: []' is always {always}",
                                                        f"een lege '{combinator}: []' is altijd {always.nl}"),
                              Text("list at least one condition, or remove it",
                                   f"noem ten minste één voorwaarde, of verwijder '{combinator}: []'"))
                    return None
                parsed = [self.parse(item, (*path, combinator, i)) for i, item in enumerate(items)]
                if any(p is None for p in parsed):
                    return None
                cls = All if combinator == "all" else Any_
                return cls(tuple(parsed), loc)  # type: ignore[arg-type]
        if "not" in keys:
            if keys != {"not"}:
                self._err(path, Text("'not' stands alone in its mapping",
                                     "'not' moet de enige sleutel in zijn mapping zijn"),
                          Text("wrap the other keys in a condition",
                               "zet de andere sleutels in een voorwaarde"))
                return None
            inner = self.parse(data["not"], (*path, "not"))
            return Not(inner, loc) if inner is not None else None
        if "concept" in keys:
            name = data["concept"]
            if keys != {"concept"}:
                self._err(path, Text("'concept' takes no operator", "'concept' krijgt geen operator"),
                          Text("a concept is true or false by itself; use 'not' to negate it",
                               "een begrip is zelf waar of onwaar; gebruik 'not' om het te ontkennen"))
                return None
            if not isinstance(name, str) or name not in self.vocab.concepts:
                hint = did_you_mean(str(name), self.vocab.concepts)
                dossier = self.vocab.dossier
                self._err((*path, "concept"), Text(f"unknown concept {name!r} in dossier '{dossier}'",
                                                   f"onbekend begrip {name!r} in dossier '{dossier}'"),
                          hint or Text("define it under 'concepts' in dossier.yaml",
                                       "definieer het onder 'concepts' in dossier.yaml"),
                          code="unknown-name")
                return None
            return ConceptRef(name, loc)
        if "fact" in keys:
            return self._atom(data, path, loc)
        if "event" in keys:
            return self.event(data, path)
        self._err(path, Text(f"unknown condition keys {sorted(keys)}",
                             f"onbekende sleutels van een voorwaarde: {sorted(keys)}"),
                  msg("e_use_one_of", options="all, any, not, concept, fact, event"))
        return None

    def event(self, data: dict[str, Any], path: Path_) -> Cond | None:
        """``{event: NAME, happened: true}``: the timeline event had happened as of the date."""
        if set(data) != {"event", "happened"} or data["happened"] is not True:
            self._err(path, Text("an event condition is {event: NAME, happened: true}",
                                 "een voorwaarde over een gebeurtenis is {event: NAAM, happened: true}"),
                      Text("negate it with 'not'", "ontken haar met 'not'"))
            return None
        return self.event_name(data["event"], (*path, "event"))

    def event_name(self, name: Any, path: Path_) -> Cond | None:
        if not isinstance(name, str) or name not in self.events:
            hint = did_you_mean(str(name), self.events)
            dossier = self.vocab.dossier
            self._err(path, Text(f"unknown event {name!r} in the timeline of dossier '{dossier}'",
                                 f"onbekende gebeurtenis {name!r} op de tijdlijn van dossier '{dossier}'"),
                      hint or Text(f"add it to rules/{dossier}/timeline.yaml",
                                   f"voeg haar toe aan rules/{dossier}/timeline.yaml"))
            return None
        return event_flag(name, self._loc(path))

    def _atom(self, data: dict[str, Any], path: Path_, loc: tuple[str, int, int]) -> Atom | None:
        name = data["fact"]
        if not isinstance(name, str) or name not in self.vocab.facts:
            hint = did_you_mean(str(name), self.vocab.facts)
            if str(name) in self.vocab.concepts:
                hint = Text(f"{name!r} is a concept: write {{concept: {name}}}",
                            f"{name!r} is een begrip: schrijf {{concept: {name}}}")
            dossier = self.vocab.dossier
            self._err((*path, "fact"), Text(f"unknown fact {name!r} in dossier '{dossier}'",
                                            f"onbekend feit {name!r} in dossier '{dossier}'"),
                      hint or Text("add it to the vocabulary in dossier.yaml, or fix the name",
                                   "voeg het toe aan de woordenlijst in dossier.yaml, of verbeter de naam"),
                      code="unknown-name")
            return None
        ops = [k for k in data if k != "fact"]
        if len(ops) != 1:
            self._err(path, Text(f"an atom has exactly one operator, found {sorted(ops) or 'none'}",
                                 f"een voorwaarde op een feit heeft precies één operator, gevonden: "
                                 f"{sorted(ops) or 'geen'}"),
                      msg("e_use_one_of", options=", ".join(FACT_TYPES)))
            return None
        op = ops[0]
        fact = self.vocab.facts[name]
        if op not in FACT_TYPES:
            hint = did_you_mean(op, FACT_TYPES)
            self._err((*path, op), Text(f"unknown operator {op!r}", f"onbekende operator {op!r}"),
                      hint or msg("e_use_one_of", options=", ".join(FACT_TYPES)), key=True,
                      code="unknown-name")
            return None
        if fact.type not in FACT_TYPES[op]:
            usable = ", ".join(for_type(fact.type))
            self._err((*path, op), Text(f"operator '{op}' does not apply to {fact.type} fact '{name}'",
                                        f"operator '{op}' is niet van toepassing op {fact.type}-feit "
                                        f"'{name}'"),
                      Text(f"for a {fact.type} fact use: {usable}",
                           f"gebruik voor een {fact.type}-feit: {usable}"),
                      key=True, code="type-mismatch")
            return None
        value = self._value(fact, name, op, data[op], (*path, op))
        if value is _BAD:
            return None
        return Atom(name, op, value, loc)

    def _value(self, fact: FactDef, name: str, op: str, raw: Any, path: Path_) -> Any:
        if op == "known":
            if raw is not True:
                self._err(path, Text("'known' takes the value true", "'known' krijgt de waarde true"),
                          Text("write {fact: NAME, known: true}; negate with 'not'",
                               "schrijf {fact: NAAM, known: true}; ontken met 'not'"))
                return _BAD
            return True
        if op in LIST_OPERATORS:
            if not isinstance(raw, list) or not raw:
                self._err(path, Text(f"'{op}' takes a non-empty list of values",
                                     f"'{op}' krijgt een niet-lege lijst van waarden"),
                          Text("write e.g. [a, b]", "schrijf bijv. [a, b]"))
                return _BAD
            ok = [self._scalar(fact, name, v, (*path, i)) for i, v in enumerate(raw)]
            return _BAD if any(v is _BAD for v in ok) else frozenset(ok)
        return self._scalar(fact, name, raw, path)

    def _scalar(self, fact: FactDef, name: str, raw: Any, path: Path_) -> Any:
        t = fact.type
        if t in ("enum", "set"):
            values = fact.values or {}
            if not isinstance(raw, str) or raw not in values:
                hint = did_you_mean(str(raw), values)
                self._err(path, Text(f"{raw!r} is not a value of fact '{name}'",
                                     f"{raw!r} is geen waarde van feit '{name}'"),
                          hint or one_of(values), code="type-mismatch")
                return _BAD
            return raw
        if t == "bool" and not isinstance(raw, bool):
            self._err(path, Text(f"fact '{name}' is a bool; {raw!r} is not",
                                 f"feit '{name}' is waar of onwaar (true/false); {raw!r} is dat niet"),
                      Text("write true or false", "schrijf true of false"), code="type-mismatch")
            return _BAD
        if t == "number" and (isinstance(raw, bool) or not isinstance(raw, int | float)):
            self._err(path, Text(f"fact '{name}' is a number; {raw!r} is not",
                                 f"feit '{name}' is een getal; {raw!r} niet"),
                      Text("write a number", "schrijf een getal"), code="type-mismatch")
            return _BAD
        if t == "text" and not isinstance(raw, str):
            self._err(path, Text(f"fact '{name}' is text; {raw!r} is not",
                                 f"feit '{name}' is tekst; {raw!r} niet"),
                      Text("quote the value", "zet de waarde tussen aanhalingstekens"), code="type-mismatch")
            return _BAD
        if t == "date":
            try:
                return PartialDate.parse(str(raw))
            except ValueError as e:
                self._err(path, said(e), msg("e_date_fix"),
                          code="type-mismatch" if isinstance(e, NotADate) else "invalid")
                return _BAD
        return raw


class _Bad:
    pass


_BAD: Any = _Bad()


def concept_cycle(concepts: dict[str, Cond]) -> list[str] | None:
    """A cycle of concept names, if the definitions refer to each other in a loop."""
    refs: dict[str, set[str]] = {}
    for name, cond in concepts.items():
        refs[name] = {c.name for c in walk(cond) if isinstance(c, ConceptRef)}
    state: dict[str, int] = {}

    def visit(n: str, trail: list[str]) -> list[str] | None:
        state[n] = 1
        for m in sorted(refs.get(n, ())):
            if state.get(m) == 1:
                return [*trail[trail.index(m):], m] if m in trail else [n, m]
            if state.get(m) is None:
                found = visit(m, [*trail, m])
                if found:
                    return found
        state[n] = 2
        return None

    for name in sorted(refs):
        if state.get(name) is None:
            cycle = visit(name, [name])
            if cycle:
                return cycle
    return None
