"""The one clause verdict table, read the way the README states the semantics."""

from __future__ import annotations

import itertools

from compliance.logic import FALSE, TRUE, UNKNOWN
from compliance.verdict import VERDICTS, decide, worst

TRUTHS = (TRUE, FALSE, UNKNOWN)


def test_decide_follows_the_readme_semantics_for_every_combination() -> None:
    for applies, conflicts, complies in itertools.product(TRUTHS, repeat=3):
        got = decide(applies, conflicts, complies)
        if applies is FALSE:
            assert got == "not_applicable"
        elif applies is TRUE and conflicts is TRUE:
            assert got == "conflicts"
        elif applies is TRUE and conflicts is FALSE and complies is TRUE:
            assert got == "complies"
        else:  # unknown is not compliant
            assert got == "undetermined", (applies, conflicts, complies)


def test_an_unknown_conflict_never_complies() -> None:
    assert decide(TRUE, UNKNOWN, TRUE) == "undetermined"


def test_worst_orders_conflicts_first() -> None:
    assert worst(["complies", "not_applicable"]) == "complies"
    assert worst(["complies", "undetermined", "not_applicable"]) == "undetermined"
    assert worst(reversed(VERDICTS)) == "conflicts"
    assert worst(["not_applicable"]) == "not_applicable"
