"""Generators for differential tests: vocabularies, condition trees, rule packs and
position records with every kind of awkward value a position file can hold."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import Any

from hypothesis import strategies as st

from compliance.conditions.ast import CLOCK_FLAGS, All, Any_, Atom, Clock, ConceptRef, Cond, Flag, Not
from compliance.conditions.operators import OPERATORS, for_type
from compliance.dates import PartialDate
from compliance.model.rules import ClauseRule
from compliance.model.vocabulary import FactDef, Vocabulary
from compliance.pack import CompiledClause, RulePack, clock_conditions

LOC = ("<generated>", 1, 1)
TYPES = ("bool", "enum", "set", "number", "date", "text")
# Names that collide with the engine's own fields or with projected field names.
TRICKY_NAMES = ("id", "sid", "kind", "m", "a", "a__b", "b", "x__lo", "x", "pri")
VALUE_NAMES = ("b", "lo", "hi", "v1", "v2", "v3", "sid", "kind", "id")
TEXTS = ("", "5", "5.0", "05", "true", "True", "false", "null", "1", "0", "x", "X", "é", "a b",
         "\"q\"", "$ex", "kind", "position", "1e3", " ", "NaN")
NUMBERS = (0, 1, -1, 5, 5.0, 0.5, -0.0, 2.5, 1e-9, 10**6, 2**31, 2**53, 2**53 + 1, -(2**40), 1e300)

_TEXT = {"nl": "x", "en": "x"}


def fact_def(kind: str, values: tuple[str, ...] = ()) -> FactDef:
    return FactDef.model_validate({
        "type": kind, "group": "text", "description": _TEXT,
        **({"values": {v: _TEXT for v in values}} if kind in ("enum", "set") else {}),
    })


def random_date(rnd: random.Random) -> PartialDate:
    day = date(2022, 6, 1) + timedelta(days=rnd.randrange(0, 800))
    form = rnd.choice(("day", "day", "month", "year"))
    text = day.isoformat() if form == "day" else day.isoformat()[:7] if form == "month" else str(day.year)
    return PartialDate.parse(text)


@st.composite
def vocabularies(draw: st.DrawFn) -> Vocabulary:
    names = draw(st.lists(st.sampled_from(TRICKY_NAMES), min_size=2, max_size=8, unique=True))
    facts = {}
    for name in names:
        kind = draw(st.sampled_from(TYPES))
        values: tuple[str, ...] = ()
        if kind in ("enum", "set"):
            values = tuple(draw(st.lists(st.sampled_from(VALUE_NAMES), min_size=1, max_size=4,
                                         unique=True)))
        facts[name] = fact_def(kind, values)
    return Vocabulary.model_validate({"dossier": "gen", "title": _TEXT,
                                      "facts": {n: f.model_dump() for n, f in facts.items()}})


def _ref(draw: st.DrawFn, fact: FactDef, op: str) -> Any:
    values = sorted(fact.values or {})
    if op == "known":
        return True
    if OPERATORS[op].takes_list:
        return frozenset(draw(st.lists(st.sampled_from(values), min_size=1, unique=True)))
    if fact.type in ("enum", "set"):
        return draw(st.sampled_from(values))
    if fact.type == "bool":
        return draw(st.booleans())
    if fact.type == "number":
        return draw(st.sampled_from(NUMBERS) | st.integers(-3, 3) | st.floats(-3, 3, allow_nan=False))
    if fact.type == "date":
        return random_date(random.Random(draw(st.integers(0, 10**6))))
    return draw(st.sampled_from(TEXTS))


def atoms(vocab: Vocabulary) -> st.SearchStrategy[Atom]:
    @st.composite
    def atom(draw: st.DrawFn) -> Atom:
        name = draw(st.sampled_from(sorted(vocab.facts)))
        fact = vocab.facts[name]
        op = draw(st.sampled_from(for_type(fact.type)))
        return Atom(name, op, _ref(draw, fact, op), LOC)

    return atom()


# A deadline and a recurring duty (issue 15): their flags as compliance.deadlines derives them.
CLOCKS = (Clock("deadline", "m-1", 1, "date", window=(date(2024, 3, 1), date(2024, 3, 31)), event="e1"),
          Clock("recurring", "m", 2, "adoption", window=(date(2024, 1, 16), date(2024, 1, 16)),
                offset=("months", 6), tag="report", until_event="e2"))
CLOCK_FLAG_NODES = tuple(c.flag(w, LOC) for c in CLOCKS for w in CLOCK_FLAGS[c.kind])


def conditions(vocab: Vocabulary, concepts: list[str], max_leaves: int = 6) -> st.SearchStrategy[Cond]:
    # Derived flags (timeline events, open standstill steps, deadlines and recurring
    # duties) as evaluate.py adds them.
    flags = st.builds(Flag, st.sampled_from(["e1", "e2"]), st.sampled_from([None, "vote"]),
                      st.just(LOC)) | st.sampled_from(CLOCK_FLAG_NODES)
    leaf: st.SearchStrategy[Cond] = atoms(vocab) | flags
    if concepts:
        leaf = leaf | st.sampled_from(concepts).map(lambda n: ConceptRef(n, LOC))
    return st.recursive(
        leaf,
        lambda inner: st.one_of(
            st.lists(inner, min_size=0, max_size=3).map(lambda xs: All(tuple(xs), LOC)),
            st.lists(inner, min_size=0, max_size=3).map(lambda xs: Any_(tuple(xs), LOC)),
            inner.map(lambda x: Not(x, LOC)),
        ),
        max_leaves=max_leaves,
    )


def nested(vocab: Vocabulary, depth: int = 3, width: int = 3) -> st.SearchStrategy[Cond]:
    """Alternating all/any trees: many combinators, to exercise splitting of rules the
    engine cannot hold in one piece."""
    strategy: st.SearchStrategy[Cond] = atoms(vocab)
    for level in range(depth):
        cls = All if level % 2 else Any_
        strategy = st.lists(strategy, min_size=2, max_size=width).map(
            lambda xs, cls=cls: cls(tuple(xs), LOC))
    return strategy


_RULE = ClauseRule.model_validate({
    "clause": 1, "conflicts_when": {"fact": "x", "known": True},
    "messages": {"conflicts": _TEXT, "complies": _TEXT}})


@st.composite
def packs(draw: st.DrawFn, max_clauses: int = 4) -> RulePack:
    """A rule pack over a generated vocabulary, with concepts that may use each other."""
    vocab = draw(vocabularies())
    concepts: dict[str, Cond] = {}
    for i in range(draw(st.integers(0, 3))):
        concepts[f"c{i}"] = draw(conditions(vocab, list(concepts), max_leaves=4))
    names = list(concepts)
    clauses = []
    for n in range(1, draw(st.integers(1, max_clauses)) + 1):
        applies = draw(st.none() | conditions(vocab, names, 3))
        conflicts = draw(conditions(vocab, names) | nested(vocab))
        complies = draw(st.none() | conditions(vocab, names))
        if draw(st.integers(0, 3)) == 0:  # a clause desugared from a deadline or recurring duty
            c_applies, c_conflicts, c_complies = clock_conditions(draw(st.sampled_from(CLOCKS)), LOC)
            applies = c_applies if applies is None or c_applies is None else All((applies, c_applies), LOC)
            conflicts = Any_((conflicts, c_conflicts), LOC)
            complies = c_complies if complies is None else All((complies, c_complies), LOC)
        notes = tuple(draw(st.lists(conditions(vocab, names, 3), max_size=2)))
        clauses.append(CompiledClause(
            key=f"m#{n}", motion="m", clause=n, interpretation="gen", applies=applies,
            conflicts=conflicts, complies=complies if complies is not None else Not(conflicts, LOC),
            notes=notes, rule=_RULE, file="<generated>", line=n))
    return RulePack("gen", vocab, concepts, tuple(clauses))


def raw_value(rnd: random.Random, fact: FactDef) -> Any:
    """A value as a position file might hold it: usually valid, often not."""
    values = sorted(fact.values or {})
    pick = rnd.random()
    if pick < 0.08:
        return None
    if pick < 0.22:  # wrongly typed or out of the vocabulary
        return rnd.choice([True, False, 0, 1, 1.5, "", "true", "yes", "1", [], ["nope"], {"a": 1},
                           "2023-02-30", "2023-13", "not-a-value", float("nan"), float("inf"),
                           [values[0], 3] if values else [1], *(values[:1] if fact.type == "set" else [])])
    kind = fact.type
    if kind == "bool":
        return rnd.random() < 0.5
    if kind == "enum":
        return rnd.choice(values)
    if kind == "set":
        return rnd.sample(values, rnd.randint(0, len(values)))
    if kind == "number":
        return rnd.choice([*NUMBERS, rnd.randint(-5, 5), round(rnd.uniform(-5, 5), 2)])
    if kind == "date":
        return random_date(rnd).text
    return rnd.choice(TEXTS)


FLAG_KEYS = tuple(Flag(e, k, LOC).key for e in ("e1", "e2") for k in (None, "vote")) + tuple(
    f.key for f in CLOCK_FLAG_NODES)


def records(rnd: random.Random, vocab: Vocabulary, n: int, flag_keys: Any = FLAG_KEYS
            ) -> list[dict[str, Any]]:
    """``n`` records; each fact (and derived flag) is absent about a quarter of the time."""
    out = []
    for _ in range(n):
        record = {name: raw_value(rnd, fact) for name, fact in vocab.facts.items()
                  if rnd.random() > 0.25}
        for key in flag_keys:
            if rnd.random() > 0.25:
                record[key] = rnd.choice([True, False, True, False, None, 1, "true"])
        if rnd.random() < 0.05:
            record["not_in_vocabulary"] = True
        out.append(record)
    return out
