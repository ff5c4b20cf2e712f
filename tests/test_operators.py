"""One record per operator: everything that knows operators reads the records."""

from __future__ import annotations

import json

import pytest

from compliance.conditions import operators
from compliance.conditions.ast import Atom
from compliance.conditions.kleene import atom_truth
from compliance.conditions.operators import ALL_TYPES, OPERATORS, RECORDS, require_encodings
from compliance.conditions.values import MISSING
from compliance.dates import PartialDate
from compliance.logic import FALSE, TRUE, UNKNOWN
from compliance.schemas import build

LOC = ("t.yaml", 1, 1)


def test_records_are_well_formed() -> None:
    assert len({op.name for op in RECORDS}) == len(RECORDS)
    for op in RECORDS:
        assert op.fact_types and set(op.fact_types) <= set(ALL_TYPES), op.name
        assert (op.schema.get("type") == "array") is op.takes_list, op.name


def test_the_published_rule_schema_lists_exactly_the_records() -> None:
    schema = json.loads(json.dumps(build("rules")))
    atom = next(alt for alt in schema["$defs"]["Condition"]["oneOf"] if alt.get("required") == ["fact"])
    assert {k: v for k, v in atom["properties"].items() if k != "fact"} == \
        {op.name: op.schema for op in RECORDS}


def test_every_backend_has_an_encoding_per_operator() -> None:
    from compliance.authoring import smt
    from compliance.backends import durable

    assert set(durable.ENCODINGS) == set(OPERATORS)
    assert set(smt.ENCODINGS) == set(OPERATORS)


def test_a_missing_or_unknown_encoding_fails_loudly() -> None:
    some = {name: object() for name in OPERATORS}
    require_encodings(some, "test")
    del some["subset_of"]
    with pytest.raises(ImportError, match=r"missing \['subset_of'\]"):
        require_encodings(some, "test")
    with pytest.raises(ImportError, match=r"unknown \['almost'\]"):
        require_encodings({**{n: 1 for n in OPERATORS}, "almost": 1}, "test")


def test_for_type_follows_the_records() -> None:
    assert operators.for_type("set") == ["contains", "contains_any", "contains_all", "subset_of", "known"]
    assert "lt" in operators.for_type("date") and "equals" not in operators.for_type("date")


@pytest.mark.parametrize("op, value, ref, expected", [
    ("equals", 3, 3, TRUE), ("one_of", "a", frozenset({"b"}), FALSE),
    ("contains", frozenset({"a"}), "a", TRUE), ("contains_any", frozenset({"a"}), frozenset({"b"}), FALSE),
    ("contains_all", frozenset({"a", "b"}), frozenset({"a"}), TRUE),
    ("subset_of", frozenset({"a", "c"}), frozenset({"a"}), FALSE),
    ("lt", 1, 2, TRUE), ("ge", 1, 2, FALSE),
    # a month against a day inside it: neither before nor after is known
    ("lt", PartialDate.parse("2023-09"), PartialDate.parse("2023-09-15"), UNKNOWN),
    ("le", PartialDate.parse("2023-08"), PartialDate.parse("2023-09-15"), TRUE),
])
def test_three_valued_meaning(op: str, value: object, ref: object, expected: object) -> None:
    atom = Atom("f", op, ref, LOC)
    assert atom_truth(atom, value) is expected
    assert atom_truth(atom, MISSING) is UNKNOWN


def test_known_is_about_presence() -> None:
    atom = Atom("f", "known", True, LOC)
    assert atom_truth(atom, MISSING) is FALSE
    assert atom_truth(atom, 0) is TRUE
