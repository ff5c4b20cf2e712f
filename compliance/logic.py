"""Kleene's strong three-valued logic: TRUE, FALSE and UNKNOWN.

UNKNOWN is a value in its own right so that a missing fact can never be read as
false by accident (``bool(UNKNOWN)`` raises).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable


class Truth(enum.Enum):
    TRUE = "true"
    FALSE = "false"
    UNKNOWN = "unknown"

    def __bool__(self) -> bool:
        raise TypeError("a three-valued Truth has no plain boolean value; compare with TRUE/FALSE")

    def __invert__(self) -> Truth:
        if self is TRUE:
            return FALSE
        if self is FALSE:
            return TRUE
        return UNKNOWN


TRUE, FALSE, UNKNOWN = Truth.TRUE, Truth.FALSE, Truth.UNKNOWN


def of(value: bool) -> Truth:
    return TRUE if value else FALSE


def all_of(values: Iterable[Truth]) -> Truth:
    result = TRUE
    for v in values:
        if v is FALSE:
            return FALSE
        if v is UNKNOWN:
            result = UNKNOWN
    return result


def any_of(values: Iterable[Truth]) -> Truth:
    result = FALSE
    for v in values:
        if v is TRUE:
            return TRUE
        if v is UNKNOWN:
            result = UNKNOWN
    return result
