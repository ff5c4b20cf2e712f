"""The atom operators of the condition language, one record each.

A record says which fact types the operator takes, whether its value is a list, the JSON
Schema of that value, and its three-valued meaning. Parsing (compliance.conditions.parse),
the published schemas, the reference semantics (kleene) and the test generators read the
records; each backend keeps its own encoding per operator name and checks at import that
it has one for every record (:func:`require_encodings`). A new operator is one record
here plus one encoding in backends/durable.py and authoring/smt.py.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from compliance.logic import Truth, of

ALL_TYPES = ("bool", "enum", "set", "number", "date", "text")


@dataclass(frozen=True)
class Operator:
    name: str
    fact_types: tuple[str, ...]
    takes_list: bool  # a non-empty list of values (a frozenset once parsed)
    schema: dict[str, Any]  # JSON Schema of the value, as the published schemas show it
    # Truth for a stated fact: (typed value, the rule's value) -> TRUE/FALSE/UNKNOWN.
    # An absent fact is unknown for every operator but `known` (kleene decides that).
    holds: Callable[[Any, Any], Truth]


def _compare(numbers: Callable[[Any, Any], bool],
             dates: Callable[[Any, Any], Truth]) -> Callable[[Any, Any], Truth]:
    """An ordering: plain on numbers, three-valued on (partial) dates, which are intervals."""

    def holds(value: Any, ref: Any) -> Truth:
        return dates(value, ref) if hasattr(value, "before") else of(numbers(value, ref))

    return holds


_LIST = {"type": "array", "items": {"type": "string"}, "minItems": 1, "uniqueItems": True}
_ORDER = ("number", "date")


def _ordering(name: str, numbers: Callable[[Any, Any], bool],
              dates: Callable[[Any, Any], Truth]) -> Operator:
    return Operator(name, _ORDER, False, {"description": f"numeric or date comparison ({name})",
                                          "type": ["number", "string"]}, _compare(numbers, dates))


RECORDS: tuple[Operator, ...] = (
    Operator("equals", ("bool", "enum", "number", "text"), False,
             {"description": "the fact has this value", "type": ["boolean", "string", "number"]},
             lambda v, r: of(v == r)),
    Operator("one_of", ("enum",), True,
             {"description": "the fact has one of these values", **_LIST},
             lambda v, r: of(v in r)),
    Operator("contains", ("set",), False,
             {"description": "the set fact contains this value", "type": "string"},
             lambda v, r: of(r in v)),
    Operator("contains_any", ("set",), True,
             {"description": "the set fact contains at least one of these", **_LIST},
             lambda v, r: of(bool(v & r))),
    Operator("contains_all", ("set",), True,
             {"description": "the set fact contains all of these", **_LIST},
             lambda v, r: of(r <= v)),
    Operator("subset_of", ("set",), True,
             {"description": "every value of the set fact is one of these", **_LIST},
             lambda v, r: of(v <= r)),
    _ordering("lt", lambda v, r: v < r, lambda v, r: v.before(r)),
    _ordering("le", lambda v, r: v <= r, lambda v, r: v.on_or_before(r)),
    _ordering("gt", lambda v, r: v > r, lambda v, r: r.before(v)),
    _ordering("ge", lambda v, r: v >= r, lambda v, r: r.on_or_before(v)),
    # `known` is about presence: kleene answers it before any value is read
    Operator("known", ALL_TYPES, False,
             {"description": "the fact is stated (true) — negate with 'not'", "const": True},
             lambda v, r: of(True)),
)

OPERATORS: dict[str, Operator] = {op.name: op for op in RECORDS}
# operator -> the fact types it applies to
FACT_TYPES: dict[str, tuple[str, ...]] = {op.name: op.fact_types for op in RECORDS}
LIST_OPERATORS = frozenset(op.name for op in RECORDS if op.takes_list)


def for_type(fact_type: str) -> list[str]:
    """The operators that apply to a fact of this type, in the records' order."""
    return [op.name for op in RECORDS if fact_type in op.fact_types]


def require_encodings(encodings: Mapping[str, object], where: str) -> None:
    """Fail at import when a backend has no encoding for an operator (or one for an
    operator that does not exist): a new operator can never be silently unknown there."""
    missing = sorted(set(OPERATORS) - set(encodings))
    extra = sorted(set(encodings) - set(OPERATORS))
    if missing or extra:
        raise ImportError(f"{where}: operator encodings out of step with "
                          f"compliance/conditions/operators.py (missing {missing}, unknown {extra})")
