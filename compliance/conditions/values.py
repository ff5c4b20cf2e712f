"""Reading a fact's value with its declared type; anything else is *unknown*.

Both evaluators read facts through this one function, so null, a wrongly typed or
an out-of-vocabulary value can never be true or false in one and unknown in the other.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from typing import Any

from compliance.dates import PartialDate
from compliance.model.vocabulary import FactDef


class _Missing:
    _instance: _Missing | None = None

    def __new__(cls) -> _Missing:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "MISSING"


MISSING: Any = _Missing()


def typed_value(fact: FactDef, raw: Any) -> Any:
    """The value as its type, or MISSING when absent, null or of the wrong type."""
    if raw is None or raw is MISSING:
        return MISSING
    t = fact.type
    if t == "bool":
        return raw if isinstance(raw, bool) else MISSING
    if t == "enum":
        return raw if isinstance(raw, str) and raw in (fact.values or {}) else MISSING
    if t == "set":
        if not isinstance(raw, list | tuple | set | frozenset):
            return MISSING
        allowed = fact.values or {}
        if not all(isinstance(v, str) and v in allowed for v in raw):
            return MISSING
        return frozenset(raw)
    if t == "number":
        if isinstance(raw, bool) or not isinstance(raw, int | float):
            return MISSING
        return raw if math.isfinite(raw) else MISSING
    if t == "date":
        if isinstance(raw, PartialDate):
            return raw
        if not isinstance(raw, str):
            return MISSING
        try:
            return PartialDate.parse(raw)
        except ValueError:
            return MISSING
    if t == "text":
        return raw if isinstance(raw, str) else MISSING
    return MISSING  # pragma: no cover - FactType is closed


def typed_facts(facts: Mapping[str, Any], defs: Mapping[str, FactDef],
                names: Iterable[str]) -> dict[str, Any]:
    """The named facts of a record read as their types; unknown ones left out."""
    out: dict[str, Any] = {}
    for name in names:
        value = typed_value(defs[name], facts.get(name, MISSING))
        if value is not MISSING:
            out[name] = value
    return out


def to_json(value: Any) -> Any:
    """A typed value as plain JSON (sets sorted, dates as written)."""
    if isinstance(value, frozenset):
        return sorted(value)
    if isinstance(value, PartialDate):
        return value.text
    return value
